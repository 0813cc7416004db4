"""Users, roles and API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from clearinghouse.access.models import ApiToken, Role
from clearinghouse.audit.context import acting_as
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_validate

STAFF_ROLES = {Role.Kind.SECRETARIAT, Role.Kind.FINANCE}


@transaction.atomic
def user_create_with_role(
    *, username: str, password: str, kind: str, email: str = "", full_name: str = "",
    state_id: int | None = None, organization_id: int | None = None, superuser: bool = False,
) -> Any:
    """Create a user holding one role; Secretariat and finance officers may use the admin."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ApplicationError("The input is not valid.",
                               fields={"username": [f"{username!r} is taken."]})
    first, _, last = full_name.partition(" ")
    user = User(username=username, email=email, first_name=first, last_name=last,
                is_staff=superuser or kind in STAFF_ROLES, is_superuser=superuser)
    user.set_password(password)
    user.save()
    role = Role(user=user, kind=kind, state_id=state_id, organization_id=organization_id)
    record_validate(role)
    with acting_as(None):
        role.save()
    return user


@transaction.atomic
def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """Issue an API token; return it with the raw secret, which is shown once and never stored."""
    if not name.strip():
        raise ApplicationError("The input is not valid.", fields={"name": ["Give a name."]})
    raw = "ch_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(),
                                    digest=ApiToken.digest_of(raw), prefix=raw[:8])
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token; it stops working at once."""
    token.revoked = True
    token.save(update_fields=["revoked"])
    return token

"""The JSON API: one NinjaAPI, its authentication, and RFC 9457 error responses."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from clearinghouse.access.models import ApiToken
from clearinghouse.core.errors import ApplicationError, field_errors, problem

logger = logging.getLogger(__name__)
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; a wrong or revoked token is a 401, never anonymous."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.select_related("user").filter(
            digest=ApiToken.digest_of(token), revoked=False, user__is_active=True
        ).first()
        if found is None:
            raise AuthenticationError(401, "The API token is not valid.")
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The browser's Django session; unsafe methods must carry the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not request.user.is_authenticated:
            return None
        if request.method in UNSAFE_METHODS and check_csrf(request):
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header.")
        return request.user


def public(request: HttpRequest) -> Any:
    """Let anonymous callers through; the policy shows them public records only."""
    return AnonymousUser()


api = NinjaAPI(
    title="Clearinghouse API",
    version="1",
    description=(
        "The operational API of the UN crime prevention and criminal justice programme. "
        "Authenticate with the browser session or `Authorization: Bearer <token>` "
        "(create one with `clearinghouse token create USER`). Anonymous callers see public "
        "records only. Errors are RFC 9457 problem details."
    ),
    auth=[TokenAuth(), SessionAuth(), public],
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def problem_response(request: HttpRequest, status: int, detail: str, **kwargs: Any) -> HttpResponse:
    """Return an RFC 9457 problem response."""
    body = problem(status, detail, instance=request.path, **kwargs)
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def _location(loc: list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "form", "header", "cookie"}:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in {"payload", "filters", "data"}:
        parts = parts[1:]
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(_location(list(error.get("loc", []))), []).append(error["msg"])
    return problem_response(request, 422, "The input is not valid.", code="validation",
                            errors=field_errors(fields))


@api.exception_handler(ApplicationError)
def _application(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    status = exc.status
    if status == 403 and not request.user.is_authenticated:
        status = 401
    return problem_response(request, status, exc.message, code=exc.code,
                            errors=field_errors(exc.fields), extra=exc.extra)


@api.exception_handler(AuthenticationError)
def _authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(request, 401, exc.message or "Authentication required.",
                            code="unauthenticated")


@api.exception_handler(HttpError)
def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(request, exc.status_code, str(exc.message), code="http")


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(request, 404, "Not found.", code="not_found")


@api.exception_handler(ObjectDoesNotExist)
def _does_not_exist(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(request, 404, "Not found.", code="not_found")


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("Unhandled API error", exc_info=exc)
    return problem_response(request, 500, "An unexpected error occurred.", code="server")


def _mount() -> None:
    from clearinghouse.assistance.api import router as assistance_router
    from clearinghouse.audit.api import router as audit_router
    from clearinghouse.coordination.api import router as coordination_router
    from clearinghouse.finance.api import router as finance_router
    from clearinghouse.jobs.api import router as jobs_router
    from clearinghouse.registry.api import router as registry_router

    api.add_router("/registry", registry_router)
    api.add_router("/jobs", jobs_router)
    api.add_router("/audit", audit_router)
    api.add_router("/assistance", assistance_router)
    api.add_router("/coordination", coordination_router)
    api.add_router("/finance", finance_router)


_mount()

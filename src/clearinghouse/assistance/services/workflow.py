"""Move a request through its workflow, and tell the State's focal points each time.

draft → submitted → screened → matched → approved → in implementation → completed →
evaluated; declined or withdrawn, with a reason, from the open states.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.assistance.models import Request
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.core.records import record_update
from clearinghouse.registry.models import FocalPoint
from clearinghouse.registry.selectors import state_in_group

logger = logging.getLogger(__name__)
S = Request.Status


@dataclass(frozen=True, slots=True)
class Transition:
    """An action on a request: the states it starts from, where it leads, who may take it."""

    label: str
    sources: tuple[str, ...]
    target: str
    by_state: bool = False  # the State's focal point may take it, not only the Secretariat
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition("Submit", (S.DRAFT,), S.SUBMITTED, by_state=True),
    "screen": Transition("Screen", (S.SUBMITTED,), S.SCREENED),
    "match": Transition("Mark matched", (S.SUBMITTED, S.SCREENED), S.MATCHED),
    "approve": Transition("Approve", (S.MATCHED,), S.APPROVED),
    "start": Transition("Start implementation", (S.APPROVED,), S.IN_IMPLEMENTATION),
    "complete": Transition("Complete", (S.IN_IMPLEMENTATION,), S.COMPLETED),
    "evaluate": Transition("Record evaluation", (S.COMPLETED,), S.EVALUATED),
    "decline": Transition("Decline", (S.SUBMITTED, S.SCREENED, S.MATCHED), S.DECLINED,
                          needs_reason=True),
    "withdraw": Transition("Withdraw", (S.DRAFT, S.SUBMITTED, S.SCREENED, S.MATCHED, S.APPROVED),
                           S.WITHDRAWN, by_state=True, needs_reason=True),
}
RESPONSES = {S.MATCHED, S.DECLINED, S.WITHDRAWN}  # these stop the response clock


def transitions_open(*, user: Any, request: Request) -> list[tuple[str, Transition]]:
    """Return the actions the user may take on the request now."""
    actor = policy.actor_for(user)
    return [(name, t) for name, t in TRANSITIONS.items()
            if request.status in t.sources and (actor.secretariat or t.by_state)
            and policy.can_change(user, request, {"status": t.target})]


@transaction.atomic
def request_transition(*, user: Any, request: Request, action: str, reason: str = "") -> Request:
    """Take ``action`` on the request under a row lock; audit it and notify the focal points."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ApplicationError("The input is not valid.", fields={
            "action": [f"Unknown action; use one of {', '.join(TRANSITIONS)}."]})
    request = Request.objects.select_for_update().get(pk=request.pk)
    policy.require_view(user, request)
    if not (policy.actor_for(user).secretariat or transition.by_state):
        raise PermissionDenied("Only the Secretariat may do this.")
    if request.status not in transition.sources:
        raise ApplicationError(
            f"A request that is {request.get_status_display().lower()} cannot be "
            f"{transition.target.replace('_', ' ')}.", status=409, code="wrong_status")
    if transition.needs_reason and not reason.strip():
        raise ApplicationError("The input is not valid.",
                               fields={"reason": ["Give the reason."]})
    now = timezone.now()
    values: dict[str, Any] = {"status": transition.target, "status_reason": reason.strip()[:300]}
    if action == "submit":
        if not request.lines.exists():
            raise ApplicationError("The input is not valid.",
                                   fields={"lines": ["Add at least one need line."]})
        values["submitted_at"] = now
        values["ldc"] = state_in_group(state=request.state, group="LDC",
                                       on=timezone.localdate(now))
    if transition.target in RESPONSES and request.responded_at is None and request.submitted_at:
        values["responded_at"] = now
    request = record_update(user=user, instance=request, values=values,
                            editable=tuple(values), reason=reason or transition.label)
    _notify(request, transition)
    return request


def _notify(request: Request, transition: Transition) -> None:
    """E-mail the State's active focal points once the change is committed."""
    recipients = sorted(set(FocalPoint.objects.filter(
        state_id=request.state_id, active=True).values_list("email", flat=True)))
    if not recipients:
        return
    status = request.get_status_display()
    subject = f"[Clearinghouse] {request.reference} is now {status.lower()}"
    body = (f"Request {request.reference} \"{request.title}\" for {request.state} is now "
            f"{status.lower()}.")
    if request.status_reason:
        body += f"\nReason: {request.status_reason}"
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients]

    def send() -> None:
        # The change is committed: a mail server failure is logged, never undoes it.
        try:
            send_mass_mail(messages, fail_silently=False)
        except Exception:
            logger.exception("Could not e-mail %s about %s", recipients, request.reference)

    transaction.on_commit(send)

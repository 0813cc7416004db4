"""Create and change requests, offers and the priority themes, with their lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.assistance.models import (
    Offer,
    OfferLine,
    PriorityThemeList,
    Request,
    RequestLine,
)
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import (
    record_create,
    record_delete,
    record_stamp,
    record_update,
)

REQUEST_FIELDS = ("type", "state_id", "title", "description", "urgent", "themes", "provisions")
REQUEST_LINE_FIELDS = ("kind", "theme_id", "expertise_id", "language", "subject", "quantity",
                       "currency")
OFFER_FIELDS = ("provider_id", "expert_id", "title", "description", "status")
OFFER_LINE_FIELDS = ("kind", "themes", "expertise", "languages", "regions", "countries",
                     "subject", "capacity", "currency", "available_from", "available_until")


def next_reference(model: type[models.Model], prefix: str) -> str:
    """Return the next free reference such as REQ-2026-0007 (unique in the table)."""
    year = timezone.now().year
    stem = f"{prefix}-{year}-"
    taken = model._default_manager.filter(reference__startswith=stem).count()
    number = taken + 1
    while model._default_manager.filter(reference=f"{stem}{number:04d}").exists():
        number += 1
    return f"{stem}{number:04d}"


def _lines_create(*, user: Any, model: type[models.Model], parent_field: str, parent: Any,
                  lines: Sequence[Mapping[str, Any]], editable: Sequence[str]) -> None:
    """Create each line under ``parent``; an error names its line as ``lines[i].field``."""
    if not lines:
        raise ApplicationError("The input is not valid.",
                               fields={"lines": ["Give at least one line."]})
    for index, values in enumerate(lines):
        try:
            record_create(user=user, model=model,
                          values={**values, f"{parent_field}_id": parent.pk},
                          editable=(*editable, f"{parent_field}_id"))
        except ApplicationError as error:
            error.fields = {f"lines[{index}].{name}": messages
                            for name, messages in error.fields.items()} or {
                f"lines[{index}]": [error.message]}
            raise


@transaction.atomic
def request_create(*, user: Any, values: Mapping[str, Any],
                   lines: Sequence[Mapping[str, Any]]) -> Request:
    """Create a draft request with its need lines, all or nothing."""
    request = record_create(user=user, model=Request, values={
        **values, "reference": next_reference(Request, "REQ"),
    }, editable=(*REQUEST_FIELDS, "reference"), checks=[record_stamp("created_by", user)])
    _lines_create(user=user, model=RequestLine, parent_field="request", parent=request,
                  lines=lines, editable=REQUEST_LINE_FIELDS)
    return request


@transaction.atomic
def request_update(*, user: Any, request: Request, values: Mapping[str, Any],
                   lines: Sequence[Mapping[str, Any]] | None = None) -> Request:
    """Change a draft request; given ``lines``, replace its lines. Submitted ones are frozen."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    policy.require_change(user, request, values)
    if request.status != Request.Status.DRAFT:
        raise ApplicationError("Only a draft request can be changed; withdraw it instead.",
                               status=409, code="not_draft")
    request = record_update(user=user, instance=request, values=values, editable=REQUEST_FIELDS)
    if lines is not None:
        for line in request.lines.all():
            record_delete(user=user, instance=line)
        _lines_create(user=user, model=RequestLine, parent_field="request", parent=request,
                      lines=lines, editable=REQUEST_LINE_FIELDS)
    return request


@transaction.atomic
def offer_create(*, user: Any, values: Mapping[str, Any],
                 lines: Sequence[Mapping[str, Any]]) -> Offer:
    """Create an offer with its lines, all or nothing."""
    offer = record_create(user=user, model=Offer, values={
        **values, "reference": next_reference(Offer, "OFR"),
    }, editable=(*OFFER_FIELDS, "reference"), checks=[record_stamp("created_by", user)])
    _lines_create(user=user, model=OfferLine, parent_field="offer", parent=offer, lines=lines,
                  editable=OFFER_LINE_FIELDS)
    return offer


@transaction.atomic
def offer_close(*, user: Any, offer: Offer, reason: str = "") -> Offer:
    """Close an offer: its remaining capacity is no longer brokered."""
    return record_update(user=user, instance=offer, values={"status": Offer.Status.CLOSED},
                         editable=("status",), reason=reason)


@transaction.atomic
def priority_themes_revise(*, user: Any, themes: Sequence[str], effective_from: dt.date,
                           note: str = "") -> PriorityThemeList:
    """Adopt a new version of the priority themes from a date; earlier versions stay."""
    latest = PriorityThemeList.objects.select_for_update().order_by("-version").first()
    if latest is not None and effective_from < latest.effective_from:
        raise ApplicationError("The input is not valid.", fields={"effective_from": [
            f"Must be on or after {latest.effective_from.isoformat()}, when version "
            f"{latest.version} took effect."]})
    return record_create(user=user, model=PriorityThemeList, values={
        "version": (latest.version if latest else 0) + 1, "effective_from": effective_from,
        "themes": list(themes), "note": note,
    }, editable=("version", "effective_from", "themes", "note"))

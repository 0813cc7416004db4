"""Write the coordination register: import other publishers' IATI activity files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from lxml import etree

from clearinghouse.access import policy
from clearinghouse.audit.context import acting_as, because
from clearinghouse.coordination.iati_schema import safe_parser, schema_errors
from clearinghouse.coordination.models import Activity, ExternalTransaction
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.registry.models import State

STATUS = {"1": "planned", "2": "ongoing", "3": "completed", "4": "completed",
          "5": "cancelled", "6": "cancelled"}


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    transactions: int


@transaction.atomic
def activity_publish(*, user: Any, activity: Activity, published: bool = True) -> Activity:
    """Publish an activity in the open IATI file, or withdraw it (the Secretariat only)."""
    from clearinghouse.core.records import record_update

    if not policy.actor_for(user).secretariat:
        raise PermissionDenied("Only the Secretariat publishes activities.")
    return record_update(user=user, instance=activity, values={"published": published},
                         editable=("published",))


def _refuse(message: str, errors: list[str]) -> ApplicationError:
    return ApplicationError(message, fields={"file": errors[:20]}, extra={"errors": errors})


def iati_document_read(content: bytes) -> etree._ElementTree:
    """Parse an IATI file safely and check it against the 2.03 schema; refuse it otherwise."""
    if b"<!DOCTYPE" in content[:4096] or b"<!ENTITY" in content:
        raise _refuse("The file declares a DTD or entities, which IATI files never need; it "
                      "was not read.", ["line 1: DOCTYPE or ENTITY declarations are refused."])
    try:
        document = etree.ElementTree(etree.fromstring(content, safe_parser()))
    except etree.XMLSyntaxError as error:
        raise _refuse("The file is not well-formed XML.",
                      [f"line {error.lineno}: {error.msg}"]) from error
    root = document.getroot()
    if root.tag != "iati-activities" or root.get("version") != "2.03":
        raise _refuse("The file is not an IATI 2.03 activity file.", [
            f"line {root.sourceline}: the root must be <iati-activities version=\"2.03\">, "
            f"not <{root.tag} version=\"{root.get('version')}\">."])
    errors = schema_errors(document)
    if errors:
        raise _refuse(f"The file does not follow the IATI 2.03 activity schema: {errors[0]}",
                      errors)
    return document


def _date(element: Any, path: str) -> dt.date | None:
    found = element.find(path)
    text = found.get("iso-date") if found is not None else None
    return dt.date.fromisoformat(text[:10]) if text else None


def _narrative(element: Any, path: str) -> str:
    found = element.find(f"{path}/narrative")
    return (found.text or "").strip() if found is not None else ""


@transaction.atomic
def iati_import(*, user: Any, content: bytes) -> ImportResult:
    """Import the file's activities as external ones, by iati-identifier; all or nothing.

    Importing the same file again changes nothing; a changed activity is updated and its
    transactions replaced.
    """
    if not policy.actor_for(user).secretariat:
        raise PermissionDenied("Only the Secretariat imports into the coordination register.")
    document = iati_document_read(content)
    states = {s.iso2: s for s in State.objects.all()}
    created = updated = count = 0
    with acting_as(user), because("IATI import"):
        for node in document.getroot().iterfind("iati-activity"):
            identifier = (node.findtext("iati-identifier") or "").strip()
            country = node.find("recipient-country")
            beneficiary = states.get(country.get("code", "")) if country is not None else None
            values = {
                "title": _narrative(node, "title")[:250] or identifier,
                "description": _narrative(node, "description"),
                "source": Activity.Source.IATI,
                "status": STATUS.get(node.find("activity-status").get("code"), "ongoing")
                if node.find("activity-status") is not None else "ongoing",
                "implementer_name": _narrative(node, "participating-org[@role='4']")[:250],
                "reporting_org": (node.find("reporting-org").get("ref") or "")[:120],
                "beneficiary": beneficiary,
                "sectors": [s.get("code") for s in node.iterfind("sector")
                            if s.get("vocabulary", "1") == "1"],
                "start": _date(node, "activity-date[@type='2']")
                or _date(node, "activity-date[@type='1']"),
                "end": _date(node, "activity-date[@type='4']")
                or _date(node, "activity-date[@type='3']"),
            }
            activity = Activity.objects.select_for_update().filter(identifier=identifier).first()
            if activity is not None and activity.source != Activity.Source.IATI:
                raise _refuse("The file holds one of the programme's own activities.", [
                    f"line {node.sourceline}: {identifier} is not an external activity."])
            if activity is None:
                activity = Activity(identifier=identifier, **values)
                created += 1
            else:
                for name, value in values.items():
                    setattr(activity, name, value)
                updated += 1
            try:
                activity.full_clean()
            except ValidationError as error:
                raise _refuse("An activity does not fit the register.", [
                    f"line {node.sourceline}: {field}: {' '.join(messages)}"
                    for field, messages in error.message_dict.items()]) from error
            activity.save()
            count += _transactions_replace(activity, node)
    return ImportResult(created, updated, count)


def _transactions_replace(activity: Activity, node: Any) -> int:
    wanted = []
    for item in node.iterfind("transaction"):
        value = item.find("value")
        try:
            amount = Decimal((value.text or "").strip())
        except InvalidOperation as error:
            raise _refuse("A transaction value is not a number.", [
                f"line {value.sourceline}: {value.text!r}"]) from error
        wanted.append({
            "type": item.find("transaction-type").get("code"),
            "date": _date(item, "transaction-date"),
            "value": amount,
            "currency": value.get("currency") or node.get("default-currency") or "",
            "value_date": dt.date.fromisoformat(value.get("value-date")[:10])
            if value.get("value-date") else None,
            "provider": _narrative(item, "provider-org")[:250],
            "receiver": _narrative(item, "receiver-org")[:250],
            "description": _narrative(item, "description")[:500]})
    current = [
        {f: getattr(t, f) for f in ("type", "date", "value", "currency", "value_date",
                                    "provider", "receiver", "description")}
        for t in activity.external_transactions.order_by("id")]
    if current == wanted:
        return len(wanted)  # unchanged: write nothing, audit nothing
    for old in activity.external_transactions.all():
        old.delete()
    for values in wanted:
        ExternalTransaction.objects.create(activity=activity, **values)
    return len(wanted)

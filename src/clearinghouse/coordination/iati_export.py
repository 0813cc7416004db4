"""Write the programme's activities as an IATI 2.03 ``iati-activities`` file, streamed.

Activities go out in chunks, each with its ledger entries, so memory stays bounded whatever
the number of activities. Elements follow the schema's order. Ledger entries map to IATI
transaction types as ``TRANSACTION_TYPES`` says; clearing-house commitments of funds are
outgoing pledges (12). Themes map to DAC purpose codes through ``assistance.Theme``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from lxml import etree

from clearinghouse.coordination.iati_schema import IATI_VERSION
from clearinghouse.coordination.models import Activity

CHUNK = 500
# Ledger entry kind -> IATI transaction type (codelist TransactionType).
TRANSACTION_TYPES = {"pledge": "13", "receipt": "1", "allotment": "11", "obligation": "2",
                     "expenditure": "4", "psc": "4"}
DISBURSEMENT = "3"  # expenditure on grants and fellowships is paid out to others
OUTGOING_PLEDGE = "12"
STATUS = {"planned": "1", "ongoing": "2", "completed": "3", "cancelled": "5"}
ORG_TYPES = {"government": "10", "un_entity": "40", "secretariat_unit": "40",
             "pni_institute": "80", "intergovernmental": "40", "ngo": "21",
             "funding_agency": "40", "private": "70"}


def reporting_org() -> tuple[str, str]:
    """Return the IATI identifier and name of the reporting organisation (settings)."""
    return (getattr(settings, "IATI_REPORTING_ORG_REF", "XM-CLEARINGHOUSE"),
            getattr(settings, "IATI_REPORTING_ORG_NAME",
                    "United Nations crime prevention and criminal justice programme"))


def _text(tag: str, text: str, **attributes: str) -> etree._Element:
    el = etree.Element(tag, **attributes)
    el.text = text
    return el


def _sectors(activity: Activity, dac: dict[str, str]) -> list[str]:
    codes = list(activity.sectors) or [dac[t] for t in activity.themes if dac.get(t)]
    return sorted(set(codes))


Transaction = tuple[str, dt.date, Decimal, str]  # type code, date, value, currency


def _transactions(ids: list[int]) -> dict[int, list[Transaction]]:
    """Return each activity's transactions from the ledger and the clearing-house."""
    from clearinghouse.assistance.models import Commitment
    from clearinghouse.finance.models import Entry

    found: defaultdict[int, list[Transaction]] = defaultdict(list)
    entries = Entry.objects.filter(activity_id__in=ids).exclude(fund__kind="bilateral").values(
        "activity_id", "kind", "object", "date", "usd").order_by("activity_id", "date", "id")
    for row in entries:  # one IATI transaction per ledger entry
        code = (DISBURSEMENT if row["kind"] == "expenditure" and row["object"] == "grants"
                else TRANSACTION_TYPES[row["kind"]])
        found[row["activity_id"]].append((code, row["date"], row["usd"], "USD"))
    funds = Commitment.objects.filter(activity_id__in=ids, request_line__kind="funds"
                                      ).values_list("activity_id", "created_at", "committed",
                                                    "request_line__currency")
    for activity_id, created, committed, currency in funds:
        found[activity_id].append((OUTGOING_PLEDGE, timezone.localdate(created),
                                   Decimal(committed), currency))
    return found


def _funders(ids: list[int]) -> dict[int, list[Any]]:
    """Return, per activity, the donors whose pledges fund its allotments (role 1)."""
    from clearinghouse.finance.models import Entry

    found: defaultdict[int, list[Any]] = defaultdict(list)
    rows = Entry.objects.filter(activity_id__in=ids, kind="allotment",
                                pledge__donor__published=True).values_list(
        "activity_id", "pledge__donor__key", "pledge__donor__name", "pledge__donor__type"
    ).distinct().order_by("activity_id", "pledge__donor__key")
    for activity_id, key, name, kind in rows:
        found[activity_id].append((key, name, kind))
    return found


def _budgets(ids: list[int]) -> dict[int, list[tuple[int, Decimal]]]:
    from clearinghouse.finance.models import Entry

    found: defaultdict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    rows = Entry.objects.filter(activity_id__in=ids, kind="allotment").exclude(
        fund__kind="bilateral").values("activity_id", "date__year").annotate(
        usd=Sum("usd")).order_by("activity_id", "date__year")
    for row in rows:
        found[row["activity_id"]].append((row["date__year"], row["usd"]))
    return found


def activities_for_export() -> Any:
    """Return the activities the Secretariat published: its own, never others' imports."""
    return Activity.objects.filter(published=True).exclude(
        source=Activity.Source.IATI).select_related("implementer", "beneficiary").order_by("pk")


class _Pipe:
    """A write-only file that hands what it receives to a generator, chunk by chunk."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def iati_export(output: IO[bytes], *, activities: Any = None) -> int:
    """Write the iati-activities file to ``output``; return the number of activities."""
    count = 0
    for part, written in iati_stream(activities=activities):
        output.write(part)
        count = written
    return count


def iati_stream(*, activities: Any = None) -> Iterator[tuple[bytes, int]]:
    """Yield the file a chunk of activities at a time, with the count so far (bounded memory)."""
    from clearinghouse.assistance.models import Theme

    qs = activities if activities is not None else activities_for_export()
    dac = dict(Theme.objects.values_list("code", "dac_sector"))
    ref, name = reporting_org()
    now = timezone.now().replace(microsecond=0).isoformat()
    pipe = _Pipe()
    count = 0
    with etree.xmlfile(pipe, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", version=IATI_VERSION,
                        **{"generated-datetime": now}):
            for chunk in _chunks(qs):
                ids = [a.pk for a in chunk]
                transactions, budgets, funders = (_transactions(ids), _budgets(ids),
                                                  _funders(ids))
                for activity in chunk:
                    xf.write(_activity(activity, ref, name, now, dac,
                                       transactions.get(activity.pk, []),
                                       budgets.get(activity.pk, []),
                                       funders.get(activity.pk, [])))
                    count += 1
                xf.flush()
                yield pipe.take(), count
    yield pipe.take(), count


def _chunks(qs: Any) -> Iterator[list[Activity]]:
    last = 0
    while True:
        chunk = list(qs.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _activity(activity: Activity, ref: str, name: str, now: str, dac: dict[str, str],
              transactions: list[Transaction],
              budgets: list[tuple[int, Decimal]], funders: list[Any]) -> etree._Element:
    """Return one iati-activity element, children in the schema's order."""
    root = etree.Element("iati-activity", **{"last-updated-datetime": now,
                                             "default-currency": "USD"})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    root.append(_text("iati-identifier", f"{ref}-{activity.identifier}"))
    reporting = etree.SubElement(root, "reporting-org", ref=ref, type="40")
    reporting.append(_text("narrative", name))
    title = etree.SubElement(root, "title")
    title.append(_text("narrative", activity.title))
    description = etree.SubElement(root, "description", type="1")  # the schema requires one
    description.append(_text("narrative", activity.description or activity.title))
    for key, donor_name, kind in funders:  # role 1: funding
        funding = etree.SubElement(root, "participating-org", role="1", ref=key,
                                   type=ORG_TYPES.get(kind, "90"))
        funding.append(_text("narrative", donor_name))
    accountable = etree.SubElement(root, "participating-org", role="2", ref=ref, type="40")
    accountable.append(_text("narrative", name))
    # An unpublished organization (a State's draft) is never named in the open file.
    implementer = activity.implementer if (
        activity.implementer and activity.implementer.published) else None
    org = etree.SubElement(root, "participating-org", role="4",
                           **({"ref": implementer.key, "type": ORG_TYPES.get(
                               implementer.type, "90")} if implementer else {}))
    if implementer is not None:
        label = str(implementer)
    elif activity.implementer is not None:
        label = "Not disclosed"
    else:
        label = activity.implementer_name or "Not disclosed"
    org.append(_text("narrative", label))
    etree.SubElement(root, "activity-status", code=STATUS.get(activity.status, "2"))
    start = activity.start or min((day for _, day, _, _ in transactions),
                                  default=timezone.localdate())
    etree.SubElement(root, "activity-date", type="1", **{"iso-date": start.isoformat()})
    if activity.end:
        etree.SubElement(root, "activity-date", type="3",
                         **{"iso-date": activity.end.isoformat()})
    if activity.beneficiary is not None:
        etree.SubElement(root, "recipient-country", code=activity.beneficiary.iso2,
                         percentage="100")
    sectors = _sectors(activity, dac)
    shares = [(Decimal(100) / len(sectors)).quantize(Decimal("0.01"))] * len(sectors)
    if shares:
        shares[-1] = Decimal(100) - sum(shares[:-1])  # percentages add up to 100 exactly
    for code, share in zip(sectors, shares, strict=True):
        etree.SubElement(root, "sector", vocabulary="1", code=code, percentage=f"{share}")
    for year, usd in budgets:
        budget = etree.SubElement(root, "budget", type="1", status="2")
        etree.SubElement(budget, "period-start", **{"iso-date": f"{year}-01-01"})
        etree.SubElement(budget, "period-end", **{"iso-date": f"{year}-12-31"})
        budget.append(_text("value", f"{usd:.2f}", currency="USD",
                            **{"value-date": f"{year}-01-01"}))
    for code, day, amount, currency in transactions:
        transaction = etree.SubElement(root, "transaction")
        etree.SubElement(transaction, "transaction-type", code=code)
        etree.SubElement(transaction, "transaction-date", **{"iso-date": day.isoformat()})
        transaction.append(_text("value", f"{amount:.2f}", currency=currency,
                                 **{"value-date": day.isoformat()}))
    return root


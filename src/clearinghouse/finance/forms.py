"""Forms of the finance pages: posting an entry, a monthly rate, ledger filters."""

from __future__ import annotations

from typing import Any

from django import forms

from clearinghouse.access import policy
from clearinghouse.coordination.models import Activity
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Entry, Fund
from clearinghouse.registry.models import Organization, State
from clearinghouse.web.forms import ServiceForm

BLANK = [("", "---------")]


def _entries(kind: str) -> Any:
    return Entry.objects.filter(kind=kind, adjusts__isnull=True).select_related("fund")


class EntryForm(ServiceForm):
    """Post one ledger entry; the fields a kind does not need stay blank."""

    control_fields = ("override", "reason")
    kind = forms.ChoiceField(choices=[c for c in Entry.Kind.choices if c[0] != "psc"])
    fund = forms.ModelChoiceField(Fund.objects.all(), to_field_name="code")
    period = forms.ModelChoiceField(BudgetPeriod.objects.filter(kind="year"),
                                    to_field_name="code", label="Year")
    date = forms.DateField(help_text="YYYY-MM-DD, within the year")
    amount = forms.DecimalField(max_digits=18, decimal_places=2)
    currency = forms.CharField(max_length=3, initial="USD", help_text="ISO 4217")
    donor = forms.ModelChoiceField(Organization.objects.filter(published=True), required=False,
                                   to_field_name="key", help_text="For pledges")
    donor_state = forms.ModelChoiceField(State.objects.all(), required=False,
                                         to_field_name="iso3", label="Donor State",
                                         help_text="For pledges by a Government")
    pledge = forms.ModelChoiceField(_entries("pledge"), required=False,
                                    help_text="For receipts, and allotments funded by it")
    area = forms.ModelChoiceField(AllocationArea.objects.all(), required=False,
                                  to_field_name="code", label="Allocation area")
    activity = forms.ModelChoiceField(Activity.objects.all(), required=False,
                                      to_field_name="identifier")
    allotment = forms.ModelChoiceField(_entries("allotment"), required=False,
                                       help_text="For obligations and expenditure")
    obligation = forms.ModelChoiceField(_entries("obligation"), required=False,
                                        help_text="For expenditure that liquidates it")
    object = forms.ChoiceField(choices=BLANK + list(Entry.Object.choices), required=False,
                               label="Object of expenditure")
    note = forms.CharField(max_length=300, required=False)
    override = forms.CharField(max_length=300, required=False,
                               label="Reason to override a limit",
                               help_text="Only to accept a receipt above its pledge or a charge "
                                         "above its allotment; it is audited")

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only what the user may see, so the choices never print others' records.
        for name in ("donor", "donor_state", "pledge", "activity", "allotment", "obligation"):
            field = self.fields[name]
            field.queryset = policy.visible(user, field.queryset)  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values: dict[str, Any] = {"kind": data["kind"], "date": data["date"],
                                  "amount": data["amount"], "currency": data["currency"],
                                  "object": data["object"], "note": data["note"]}
        for name in ("fund", "period", "donor", "donor_state", "pledge", "area", "activity",
                     "allotment", "obligation"):
            values[f"{name}_id"] = data[name].pk if data.get(name) else None
        return values


class RateForm(ServiceForm):
    currency = forms.CharField(max_length=3, help_text="ISO 4217, e.g. EUR")
    month = forms.DateField(help_text="First day of the month, e.g. 2026-03-01")
    per_usd = forms.DecimalField(max_digits=18, decimal_places=6, label="Units per US dollar")

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class EntryFilterForm(forms.Form):
    period = forms.CharField(required=False)
    fund = forms.CharField(required=False)
    kind = forms.CharField(required=False, help_text="e.g. expenditure,psc")
    area = forms.CharField(required=False)
    object = forms.CharField(required=False)
    donor = forms.CharField(required=False, help_text="Organization key or State ISO alpha-3")
    region = forms.CharField(required=False, help_text="M49 region code")
    ldc = forms.ChoiceField(required=False, label="LDC beneficiary", choices=[
        ("", "Any"), ("true", "LDC"), ("false", "Not LDC"), ("none", "No beneficiary State")])
    ldc_on = forms.DateField(required=False)
    accounts = forms.ChoiceField(required=False, choices=[
        ("", "All funds"), ("un", "UN accounts only (as the statement)")])
    before = forms.DateField(required=False)
    on_or_before = forms.DateField(required=False)

"""Forms of the clearing-house pages: requests with their need lines, offers, decisions."""

from __future__ import annotations

from typing import Any

from django import forms

from clearinghouse.access import policy
from clearinghouse.assistance.models import Kind, Offer, Request, Theme
from clearinghouse.mandates.models import Provision
from clearinghouse.registry.models import ExpertiseArea, Organization, State
from clearinghouse.web.forms import ServiceForm


def theme_choices() -> list[tuple[str, str]]:
    return [(t.code, t.name) for t in Theme.objects.all()]


def theme_choices_blank() -> list[tuple[str, str]]:
    return [("", "---------"), *theme_choices()]


# Line forms start blank, so the spare lines of a form stay unchanged and are skipped.
KIND_CHOICES = [("", "---------"), *Kind.choices]


def _codes(text: str) -> list[str] | None:
    """Split "a, b; c" into codes; an empty text means "any" (None)."""
    codes = [c.strip() for c in text.replace(";", ",").split(",") if c.strip()]
    return codes or None


class RequestForm(ServiceForm):
    """The request itself; its need lines come in a ``RequestLineFormSet`` beside it."""

    model_fields = {"state": "state_id"}

    type = forms.ChoiceField(choices=Request.Type.choices)
    state = forms.ModelChoiceField(State.objects.all(), label="Beneficiary State",
                                   to_field_name="iso3")
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    urgent = forms.BooleanField(required=False, label="Urgent need",
                                help_text="A situation that does not permit waiting (VI.3(b))")
    themes = forms.MultipleChoiceField(choices=theme_choices,
                                       widget=forms.CheckboxSelectMultiple)
    provisions = forms.CharField(
        required=False, label="Provisions served",
        help_text='Resolution provisions, e.g. "E/RES/1992/22 VI.3(b)", separated by ";"')

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actor = policy.actor_for(user)
        if not actor.secretariat and actor.state_id:
            self.fields["state"].queryset = State.objects.filter(  # type: ignore[attr-defined]
                pk=actor.state_id)
            self.fields["state"].initial = State.objects.filter(pk=actor.state_id).first()

    def clean_provisions(self) -> list[int]:
        ids, unknown = [], []
        for text in (t.strip() for t in self.cleaned_data["provisions"].split(";")):
            if not text:
                continue
            symbol, _, ref = text.partition(" ")
            provision = Provision.objects.filter(resolution__symbol=symbol, ref=ref.strip()).first()
            if provision is None:
                unknown.append(text)
            else:
                ids.append(provision.pk)
        if unknown:
            raise forms.ValidationError(f"Unknown provision: {'; '.join(unknown)}.")
        return ids

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["state_id"] = values["state_id"].pk
        return values


class RequestLineForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    theme = forms.ChoiceField(choices=theme_choices_blank)
    expertise = forms.ModelChoiceField(ExpertiseArea.objects.all(), required=False,
                                       to_field_name="code")
    language = forms.CharField(max_length=2, required=False, help_text="ISO 639-1, e.g. en")
    subject = forms.CharField(max_length=200, required=False)
    quantity = forms.IntegerField(min_value=1, help_text="Days, places or currency units")
    currency = forms.CharField(max_length=3, required=False, help_text="For funds, e.g. USD")

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"kind": data["kind"], "theme_id": data["theme"],
                "expertise_id": data["expertise"].code if data["expertise"] else None,
                "language": data["language"].lower(), "subject": data["subject"],
                "quantity": data["quantity"], "currency": data["currency"].upper()}


RequestLineFormSet = forms.formset_factory(RequestLineForm, extra=3, max_num=30)


class OfferForm(ServiceForm):
    model_fields = {"provider": "provider_id"}

    provider = forms.ModelChoiceField(Organization.objects.all(), to_field_name="key")
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actor = policy.actor_for(user)
        if not actor.secretariat:
            self.fields["provider"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
                pk=actor.organization_id or 0)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["provider_id"] = values["provider_id"].pk
        return values


class OfferLineForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    themes = forms.MultipleChoiceField(choices=theme_choices)
    expertise = forms.CharField(required=False, help_text="Expertise codes; blank for any")
    languages = forms.CharField(required=False, help_text="ISO 639-1 codes; blank for any")
    regions = forms.CharField(required=False, help_text="M49 region codes; blank for any")
    countries = forms.CharField(required=False, help_text="ISO alpha-3 codes; blank for any")
    capacity = forms.IntegerField(min_value=1)
    currency = forms.CharField(max_length=3, required=False)
    available_from = forms.DateField(required=False)
    available_until = forms.DateField(required=False)

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"kind": data["kind"], "themes": list(data["themes"]),
                "expertise": _codes(data["expertise"]),
                "languages": _codes(data["languages"].lower()),
                "regions": _codes(data["regions"]),
                "countries": _codes(data["countries"].upper()), "capacity": data["capacity"],
                "currency": data["currency"].upper(), "available_from": data["available_from"],
                "available_until": data["available_until"]}


OfferLineFormSet = forms.formset_factory(OfferLineForm, extra=2, max_num=30)


class RequestFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    status = forms.ChoiceField(choices=[("", "Any"), *Request.Status.choices], required=False)
    type = forms.ChoiceField(choices=[("", "Any"), *Request.Type.choices], required=False)
    urgent = forms.NullBooleanField(required=False, widget=forms.Select(choices=[
        ("", "Any"), ("true", "Urgent"), ("false", "Not urgent")]))
    state = forms.CharField(required=False, label="State (ISO alpha-3)")
    overdue = forms.BooleanField(required=False, label="Overdue only")


class OfferFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    status = forms.ChoiceField(choices=[("", "Any"), *Offer.Status.choices], required=False)
    kind = forms.ChoiceField(choices=[("", "Any"), *Kind.choices], required=False)


class ImportForm(forms.Form):
    file = forms.FileField(help_text="CSV or XLSX, one row per need line")
    submit = forms.BooleanField(required=False, label="Submit the imported requests at once")



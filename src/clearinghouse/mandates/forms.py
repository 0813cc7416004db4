"""Mandate forms: tracker filters, follow-up, and provision corrections."""

from __future__ import annotations

from typing import Any

from django import forms

from clearinghouse.mandates.models import Mandate
from clearinghouse.registry.models import Organization
from clearinghouse.web.forms import ServiceForm


class ResolutionFilterForm(forms.Form):
    q = forms.CharField(label="Symbol or title", required=False)
    body = forms.ChoiceField(label="Body", required=False, choices=[
        ("", "Any body"), ("General Assembly", "General Assembly"),
        ("Economic and Social Council", "Economic and Social Council")])
    year = forms.IntegerField(label="Year adopted", required=False, min_value=1945,
                              max_value=2100)


class TrackerFilterForm(forms.Form):
    actor = forms.CharField(label="Actor", required=False)
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Any status"), *Mandate.Status.choices])
    body = forms.ChoiceField(label="Body", required=False, choices=[
        ("", "Any body"), ("General Assembly", "General Assembly"),
        ("Economic and Social Council", "Economic and Social Council")])
    due_after = forms.DateField(label="Due after", required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    due_before = forms.DateField(label="Due before", required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))


class FollowUpForm(ServiceForm):
    status = forms.ChoiceField(choices=Mandate.Status.choices)
    responsible_organization = forms.ModelChoiceField(
        Organization.objects.filter(published=True), required=False,
        label="Responsible organization")
    responsible_person = forms.CharField(required=False, max_length=200)
    evidence = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="One link per line")
    reason = forms.CharField(required=False, label="Reason for the change (kept in the history)")
    model_fields = {"responsible_organization": "responsible_organization_id"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def values(self) -> dict[str, Any]:
        data = super().values()
        organization = data["responsible_organization_id"]
        data["responsible_organization_id"] = organization.pk if organization else None
        data["evidence"] = [line.strip() for line in data["evidence"].splitlines()
                            if line.strip()]
        return data


class CorrectionForm(ServiceForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), label="Corrected text")
    reason = forms.CharField(required=False, label="Reason for the change (kept in the history)")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

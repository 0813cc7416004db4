"""Registry forms: filters for the lists, and the edit forms whose input goes to services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from clearinghouse.access import policy
from clearinghouse.registry.models import (
    OFFICIAL_LANGUAGES,
    Area,
    ExpertiseArea,
    GroupMembership,
    Organization,
    State,
)
from clearinghouse.web.forms import ServiceForm

LANGUAGE_NAMES = {"fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese",
                  "ar": "Arabic"}


def _blank(label: str) -> list[tuple[str, str]]:
    return [("", label)]


class StateFilterForm(forms.Form):
    q = forms.CharField(label="Name or code", required=False)
    region = forms.ChoiceField(label="Region", required=False)
    group = forms.ChoiceField(
        label="Group", required=False,
        choices=_blank("Any group") + list(GroupMembership.Group.choices),
    )
    on = forms.DateField(label="Group on date", required=False,
                         widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = Area.objects.filter(level__in=["region", "subregion"]).order_by("level", "name")
        cast(forms.ChoiceField, self.fields["region"]).choices = _blank("Any region") + [
            (a.code, a.name) for a in regions
        ]


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label="Name or acronym", required=False)
    type = forms.ChoiceField(label="Type", required=False,
                             choices=_blank("Any type") + list(Organization.Type.choices))
    country = forms.CharField(label="Country (ISO alpha-3)", required=False, max_length=3)


class ExpertFilterForm(forms.Form):
    q = forms.CharField(label="Name", required=False)
    expertise = forms.ChoiceField(label="Expertise", required=False)
    language = forms.CharField(label="Language (ISO 639-1)", required=False, max_length=2)
    available_on = forms.DateField(label="Available on", required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["expertise"]).choices = _blank("Any expertise") + list(
            ExpertiseArea.objects.values_list("code", "name")
        )


class FocalPointFilterForm(forms.Form):
    q = forms.CharField(label="Name or e-mail", required=False)
    state = forms.CharField(label="State (ISO alpha-3)", required=False, max_length=3)


class OrganizationForm(ServiceForm):
    type = forms.ChoiceField(choices=Organization.Type.choices)
    name = forms.CharField(label="Name (English)", max_length=250)
    acronym = forms.CharField(label="Acronym (English)", max_length=60, required=False)
    country = forms.ModelChoiceField(State.objects.all(), required=False, to_field_name="iso3",
                                     label="Country")
    parent = forms.ModelChoiceField(Organization.objects.none(), required=False,
                                    label="Parent organization")
    website = forms.URLField(required=False, assume_scheme="https")
    note = forms.CharField(required=False, max_length=300)
    published = forms.BooleanField(required=False, label="Published (visible to the public)")
    reason = forms.CharField(required=False, label="Reason for the change (kept in the history)")
    confirm_not_duplicate = forms.BooleanField(
        required=False, label="I have checked: this is a different organization"
    )
    model_fields = {"country": "country_id", "parent": "parent_id"}
    live_similar = True  # the page warns of duplicates as the name is typed

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for lang in OFFICIAL_LANGUAGES[1:]:
            self.fields[f"name_{lang}"] = forms.CharField(
                label=f"Name ({LANGUAGE_NAMES[lang]})", required=False, max_length=250)
        visible = policy.visible(user, Organization.objects.all())
        cast("forms.ModelChoiceField[Organization]", self.fields["parent"]).queryset = visible
        self.fields["name"].widget.attrs.update({
            "hx-get": "/registry/organizations/similar/", "hx-trigger": "input changed delay:400ms",
            "hx-target": "#similar-live", "hx-include": "[name=acronym],[name=country]",
            "autocomplete": "off",
        })
        if not policy.actor_for(user).secretariat:
            del self.fields["published"]

    def values(self) -> dict[str, Any]:
        data = super().values()
        names = {lang: data.pop(f"name_{lang}") for lang in OFFICIAL_LANGUAGES[1:]}
        data["names"] = {"en": data["name"]} | {k: v for k, v in names.items() if v}
        data["country_id"] = data["country_id"].pk if data["country_id"] else None
        data["parent_id"] = data["parent_id"].pk if data["parent_id"] else None
        return data

    @classmethod
    def initial_for(cls, organization: Organization) -> dict[str, Any]:
        """Return the form's initial data for an existing organization."""
        initial = {
            "type": organization.type, "name": organization.name,
            "acronym": organization.acronym, "website": organization.website,
            "note": organization.note, "published": organization.published,
            "country": organization.country.iso3 if organization.country else None,
            "parent": organization.parent_id,
        }
        for lang in OFFICIAL_LANGUAGES[1:]:
            initial[f"name_{lang}"] = organization.names.get(lang, "")
        return initial


class ExpertForm(ServiceForm):
    name = forms.CharField(max_length=200)
    email = forms.EmailField(required=False)
    nationality = forms.ModelChoiceField(State.objects.all(), required=False)
    nominated_by = forms.ModelChoiceField(State.objects.all(), required=False,
                                          label="Nominated by (State)")
    organization = forms.ModelChoiceField(Organization.objects.none(), required=False)
    expertise = forms.MultipleChoiceField(required=False, widget=forms.SelectMultiple)
    languages = forms.CharField(required=False, help_text="ISO 639-1 codes, comma-separated")
    regions = forms.MultipleChoiceField(required=False, label="Regions of work")
    available_from = forms.DateField(required=False,
                                     widget=forms.DateInput(attrs={"type": "date"}))
    available_until = forms.DateField(required=False,
                                      widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(required=False, label="Reason for the change (kept in the history)")
    model_fields = {"nationality": "nationality_id", "nominated_by": "nominated_by_id",
                    "organization": "organization_id"}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        visible = policy.visible(user, Organization.objects.all())
        cast("forms.ModelChoiceField[Organization]", self.fields["organization"]).queryset = visible
        cast(forms.ChoiceField, self.fields["expertise"]).choices = list(
            ExpertiseArea.objects.values_list("code", "name"))
        cast(forms.ChoiceField, self.fields["regions"]).choices = list(
            Area.objects.exclude(level="world").values_list("code", "name"))

    def values(self) -> dict[str, Any]:
        data = super().values()
        for field in ("nationality_id", "nominated_by_id", "organization_id"):
            data[field] = data[field].pk if data[field] else None
        data["languages"] = [c.strip().lower() for c in data["languages"].split(",") if c.strip()]
        return data

    @classmethod
    def initial_for(cls, expert: Any) -> dict[str, Any]:
        """Return the form's initial data for an existing roster entry."""
        return {
            "name": expert.name, "email": expert.email, "nationality": expert.nationality_id,
            "nominated_by": expert.nominated_by_id, "organization": expert.organization_id,
            "expertise": expert.expertise, "languages": ", ".join(expert.languages),
            "regions": expert.regions, "available_from": expert.available_from,
            "available_until": expert.available_until, "notes": expert.notes,
        }

"""Registry pages. Views validate, call one selector or service, and render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from clearinghouse.access import policy
from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.registry import forms, selectors, services
from clearinghouse.registry.models import Expert, FocalPoint, Organization, State
from clearinghouse.web.lists import bind_filters, render_list, service_form_page


def _detail(request: HttpRequest, instance: Any, title: str, facts: list[Any], **extra: Any
            ) -> HttpResponse:
    return render(request, "detail.html", {
        "title": title, "facts": facts,
        "history": audit_history_shown(user=request.user, instance=instance),
        **extra,
    })


# States ---------------------------------------------------------------------------------

STATE_COLUMNS = [
    Column("Name", lambda s: s.name, lambda s: reverse("registry:state_detail", args=[s.iso3])),
    Column("ISO alpha-2", lambda s: s.iso2),
    Column("ISO alpha-3", lambda s: s.iso3),
    Column("M49", lambda s: s.m49),
    Column("Status", lambda s: s.get_status_display()),
    Column("Region", lambda s: s.region.name),
    Column("Sub-region", lambda s: s.subregion.name),
    Column("Intermediate region",
           lambda s: s.intermediate_region.name if s.intermediate_region else ""),
]


def state_list(request: HttpRequest) -> HttpResponseBase:
    """List States with filters on name, region and group membership on a date."""
    form, filters = bind_filters(forms.StateFilterForm, request)
    return render_list(request, title="States", rows=selectors.state_list(
        user=request.user, **filters), columns=STATE_COLUMNS, filename="states",
        filter_form=form,
        intro="UN Member States and non-member observer States, with ISO 3166 and M49 codes.")


def state_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    """Show a State: its codes, areas, group history and organizations."""
    state = record_visible_or_404(request.user, State, iso3=iso3.upper())
    memberships = state.memberships.order_by("group", "start")
    organizations = selectors.organization_list(user=request.user, country=state.iso3)
    facts = [
        ("ISO alpha-2 / alpha-3", f"{state.iso2} / {state.iso3}", None),
        ("M49", state.m49, None),
        ("Status", state.get_status_display(), None),
        ("Admitted to the UN", state.un_admission, None),
        ("Region", state.region.name, None),
        ("Sub-region", state.subregion.name, None),
        ("Intermediate region", state.intermediate_region, None),
        ("Groups today", ", ".join(selectors.state_groups_on(state=state, on=dt.date.today()))
         or "—", None),
    ]
    sections = [
        {"title": "Country groups", "headers": ["Group", "From", "Until", "Note"],
         "rows": [(m.get_group_display(), m.start, m.end, m.note) for m in memberships],
         "empty": "Not a member of the LDC, LLDC or SIDS groups."},
        {"title": "Organizations", "headers": ["Name", "Type", "Status"],
         "rows": [(o.name, o.get_type_display(), "published" if o.published else "draft")
                  for o in organizations],
         "empty": "No organizations registered."},
    ]
    return _detail(request, state, state.name, facts, sections=sections)


# Organizations ---------------------------------------------------------------------------

ORGANIZATION_COLUMNS = [
    Column("Name", lambda o: o.name,
           lambda o: reverse("registry:organization_detail", args=[o.pk])),
    Column("Acronym", lambda o: o.acronym),
    Column("Type", lambda o: o.get_type_display()),
    Column("Country", lambda o: o.country.name if o.country else ""),
    Column("Parent", lambda o: o.parent.name if o.parent else ""),
    Column("Published", lambda o: o.published),
]


def organization_list(request: HttpRequest) -> HttpResponseBase:
    """List the organizations the user may see."""
    form, filters = bind_filters(forms.OrganizationFilterForm, request)
    actions = []
    if policy.actor_for(request.user).authenticated:
        actions.append(("Add an organization", reverse("registry:organization_create")))
    return render_list(request, title="Organizations", rows=selectors.organization_list(
        user=request.user, **filters), columns=ORGANIZATION_COLUMNS, filename="organizations",
        filter_form=form, actions=actions)


def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an organization, its names in the official languages, and its history."""
    organization = record_visible_or_404(request.user, Organization, pk=pk)
    facts: list[Any] = [
        ("Type", organization.get_type_display(), None),
        ("Acronym", organization.acronym, None),
        ("Country", organization.country,
         reverse("registry:state_detail", args=[organization.country.iso3])
         if organization.country else None),
        ("Parent", organization.parent,
         reverse("registry:organization_detail", args=[organization.parent_id])
         if organization.parent_id else None),
        ("Website", organization.website, organization.website or None),
        ("Note", organization.note, None),
    ]
    facts += [(f"Name ({lang})", name, None) for lang, name in organization.names.items()]
    actions = []
    if policy.can_change(request.user, organization):
        actions.append(("Edit", reverse("registry:organization_edit", args=[pk])))
    return _detail(request, organization, str(organization), facts, actions=actions,
                   badge="" if organization.published else "Draft: not yet published")


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    """Register an organization, warning about likely duplicates before saving."""
    return service_form_page(
        request, form_class=forms.OrganizationForm, title="Add an organization",
        cancel_url=reverse("registry:organization_list"), initial=None,
        save=lambda f: services.organization_create(
            user=request.user, values=f.values(), reason=f.cleaned_data["reason"],
            confirm_not_duplicate=f.cleaned_data["confirm_not_duplicate"]),
        success=lambda o: reverse("registry:organization_detail", args=[o.pk]),
    )


@login_required
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit an organization the user may change."""
    organization = record_visible_or_404(request.user, Organization, pk=pk)
    if not policy.can_change(request.user, organization):
        return HttpResponse("You may not change this organization.", status=403)
    return service_form_page(
        request, form_class=forms.OrganizationForm, title=f"Edit {organization.name}",
        cancel_url=reverse("registry:organization_detail", args=[pk]),
        initial=forms.OrganizationForm.initial_for(organization),
        save=lambda f: services.organization_update(
            user=request.user, organization=organization, values=f.values(),
            reason=f.cleaned_data["reason"],
            confirm_not_duplicate=f.cleaned_data["confirm_not_duplicate"]),
        success=lambda o: reverse("registry:organization_detail", args=[o.pk]),
    )


def organization_similar(request: HttpRequest) -> HttpResponse:
    """Render the live duplicate warning for the name being typed (an HTMX partial)."""
    country = State.objects.filter(iso3=request.GET.get("country", "").upper()).first()
    similar = selectors.organization_similar(
        user=request.user, name=request.GET.get("name", ""),
        acronym=request.GET.get("acronym", ""), country_id=country.pk if country else None)
    return render(request, "registry/_similar.html", {"similar": similar})


# Experts and focal points ------------------------------------------------------------------

EXPERT_COLUMNS = [
    Column("Name", lambda e: e.name, lambda e: reverse("registry:expert_detail", args=[e.pk])),
    Column("Expertise", lambda e: e.expertise),
    Column("Languages", lambda e: e.languages),
    Column("Regions", lambda e: e.regions),
    Column("Nominated by", lambda e: e.nominated_by or ""),
    Column("Organization", lambda e: e.organization or ""),
    Column("Available from", lambda e: e.available_from),
    Column("Available until", lambda e: e.available_until),
]


@login_required
def expert_list(request: HttpRequest) -> HttpResponseBase:
    """List the roster entries the user may see."""
    form, filters = bind_filters(forms.ExpertFilterForm, request)
    actions = [("Add an expert", reverse("registry:expert_create"))]
    return render_list(request, title="Experts roster", rows=selectors.expert_list(
        user=request.user, **filters), columns=EXPERT_COLUMNS, filename="experts",
        filter_form=form, actions=actions)


@login_required
def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one roster entry and its history."""
    expert = record_visible_or_404(request.user, Expert, pk=pk)
    facts = [
        ("E-mail", expert.email, None), ("Nationality", expert.nationality, None),
        ("Nominated by", expert.nominated_by, None), ("Organization", expert.organization, None),
        ("Expertise", ", ".join(expert.expertise), None),
        ("Languages", ", ".join(expert.languages), None),
        ("Regions", ", ".join(expert.regions), None),
        ("Available", f"{expert.available_from or '…'} – {expert.available_until or '…'}", None),
        ("Notes", expert.notes, None),
    ]
    actions = []
    if policy.can_change(request.user, expert):
        actions.append(("Edit", reverse("registry:expert_edit", args=[pk])))
    return _detail(request, expert, expert.name, facts, actions=actions)


@login_required
def expert_create(request: HttpRequest) -> HttpResponse:
    """Put an expert on the roster."""
    return service_form_page(
        request, form_class=forms.ExpertForm, title="Add an expert",
        cancel_url=reverse("registry:expert_list"), initial=None,
        save=lambda f: services.expert_create(user=request.user, values=f.values(),
                                              reason=f.cleaned_data["reason"]),
        success=lambda e: reverse("registry:expert_detail", args=[e.pk]),
    )


@login_required
def expert_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a roster entry the user may change."""
    expert = record_visible_or_404(request.user, Expert, pk=pk)
    return service_form_page(
        request, form_class=forms.ExpertForm, title=f"Edit {expert.name}",
        cancel_url=reverse("registry:expert_detail", args=[pk]),
        initial=forms.ExpertForm.initial_for(expert),
        save=lambda f: services.expert_update(user=request.user, expert=expert,
                                              values=f.values(), reason=f.cleaned_data["reason"]),
        success=lambda e: reverse("registry:expert_detail", args=[e.pk]),
    )


FOCAL_POINT_COLUMNS = [
    Column("Name", lambda f: f.name,
           lambda f: reverse("registry:focal_point_detail", args=[f.pk])),
    Column("Title", lambda f: f.title),
    Column("E-mail", lambda f: f.email),
    Column("Phone", lambda f: f.phone),
    Column("For", lambda f: f.state or f.organization),
    Column("Active", lambda f: f.active),
]


@login_required
def focal_point_list(request: HttpRequest) -> HttpResponseBase:
    """List the focal points the user may see."""
    form, filters = bind_filters(forms.FocalPointFilterForm, request)
    return render_list(request, title="Focal points", rows=selectors.focal_point_list(
        user=request.user, **filters), columns=FOCAL_POINT_COLUMNS, filename="focal-points",
        filter_form=form)


@login_required
def focal_point_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one focal point and its history."""
    focal_point = record_visible_or_404(request.user, FocalPoint, pk=pk)
    facts = [("Title", focal_point.title, None), ("E-mail", focal_point.email, None),
             ("Phone", focal_point.phone, None),
             ("For", focal_point.state or focal_point.organization, None),
             ("Active", "yes" if focal_point.active else "no", None)]
    return _detail(request, focal_point, focal_point.name, facts)

"""Offer pages: list and export, detail with lines and commitments, form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clearinghouse.access import policy
from clearinghouse.assistance import forms, selectors, services
from clearinghouse.assistance.models import Offer, OfferLine
from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.web.forms import service_error_attach
from clearinghouse.web.lists import bind_filters, render_list


def _link(o: Offer) -> str:
    return reverse("assistance:offer_detail", args=[o.pk])


OFFER_COLUMNS = [
    Column("Reference", lambda o: o.reference, _link),
    Column("Title", lambda o: o.title),
    Column("Provider", lambda o: str(o.provider)),
    Column("Status", lambda o: o.get_status_display()),
    Column("Lines", lambda o: [str(line) for line in o.lines.all()]),
]

UNUSED_COLUMNS = [
    Column("Offer", lambda line: line.offer.reference, lambda line: _link(line.offer)),
    Column("Provider", lambda line: str(line.offer.provider)),
    Column("Kind", lambda line: line.get_kind_display()),
    Column("Themes", lambda line: line.themes),
    Column("Capacity", lambda line: line.capacity),
    Column("Committed", lambda line: line.committed),
    Column("Unused", lambda line: line.unused),
    Column("Currency", lambda line: line.currency),
]


@login_required
def offer_list(request: HttpRequest) -> HttpResponseBase:
    """List the offers the user may see, with filters and CSV/XLSX export."""
    form, filters = bind_filters(forms.OfferFilterForm, request)
    return render_list(request, title="Offers", rows=selectors.offer_list(
        user=request.user, **filters).prefetch_related("lines"), columns=OFFER_COLUMNS,
        filename="offers", filter_form=form,
        actions=[("Unused capacity", reverse("assistance:offer_unused")),
                 ("New offer", reverse("assistance:offer_create"))],
        intro="Offers of expert-days, training places and funds from Governments, funding "
              "agencies, UN entities, institutes, NGOs and rostered experts.")


@login_required
def offer_unused(request: HttpRequest) -> HttpResponseBase:
    """List open offer lines with capacity not yet committed."""
    return render_list(request, title="Offers with unused capacity", rows=selectors
                       .offer_lines_unused(user=request.user), columns=UNUSED_COLUMNS,
                       filename="unused-capacity", filter_form=None)


@login_required
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an offer: its lines with capacity and commitments, and its history."""
    offer = record_visible_or_404(request.user, Offer.objects.select_related("provider"), pk=pk)
    lines: list[OfferLine] = list(offer.lines.all())
    return render(request, "assistance/offer_detail.html", {
        "title": f"{offer.reference} {offer.title}", "offer": offer, "lines": lines,
        "commitments": selectors.commitment_list(user=request.user).filter(
            offer_line__offer=offer),
        "history": audit_history_shown(user=request.user, instance=offer),
        "can_close": offer.status == Offer.Status.OPEN and policy.can_change(
            request.user, offer, {"status": Offer.Status.CLOSED}),
    })


@login_required
@require_POST
def offer_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close an offer: its remaining capacity is no longer brokered."""
    offer = record_visible_or_404(request.user, Offer, pk=pk)
    try:
        services.offer_close(user=request.user, offer=offer,
                             reason=request.POST.get("reason", ""))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The offer is closed.")
    return redirect(_link(offer))


@login_required
def offer_create(request: HttpRequest) -> HttpResponse:
    """Post an offer with its lines."""
    form = forms.OfferForm(request.POST or None, user=request.user)
    lines = forms.OfferLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            offer = services.offer_create(user=request.user, values=form.values(), lines=[
                f.values() for f in lines.forms if f.has_changed() and f.cleaned_data])
        except ApplicationError as error:
            service_error_attach(form, lines, error)
        else:
            messages.success(request, "Saved.")
            return redirect(_link(offer))
    return render(request, "assistance/offer_form.html", {
        "title": "New offer", "form": form, "lines": lines,
        "cancel_url": reverse("assistance:offer_list"),
    }, status=400 if form.errors or any(lines.errors) else 200)

"""Ledger pages: entries with the filters statement figures link to, posting, rates."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse

from clearinghouse.access import policy
from clearinghouse.core.tables import Column
from clearinghouse.finance import forms, selectors, services
from clearinghouse.finance.models import Entry, ExchangeRate
from clearinghouse.web.lists import bind_filters, render_list, service_form_page

ENTRY_COLUMNS = [
    Column("Id", lambda e: e.pk),
    Column("Date", lambda e: e.date),
    Column("Kind", lambda e: e.get_kind_display()),
    Column("Fund", lambda e: e.fund.code),
    Column("Period", lambda e: e.period.code),
    Column("Area", lambda e: e.area.code if e.area else ""),
    Column("Object", lambda e: e.get_object_display()),
    Column("Activity", lambda e: e.activity.identifier if e.activity else "",
           lambda e: reverse("coordination:activity_detail", args=[e.activity_id])
           if e.activity_id else ""),
    Column("Donor", lambda e: str(e.donor or e.donor_state or "")),
    Column("Amount", lambda e: e.amount),
    Column("Currency", lambda e: e.currency),
    Column("Rate", lambda e: e.rate),
    Column("USD", lambda e: e.usd),
    Column("Pledge", lambda e: e.pledge_id),
    Column("Allotment", lambda e: e.allotment_id),
    Column("Obligation", lambda e: e.obligation_id),
    Column("Adjusts", lambda e: e.adjusts_id),
    Column("Note", lambda e: e.note),
    Column("Override", lambda e: e.override),
]


@login_required
def entry_list(request: HttpRequest) -> HttpResponseBase:
    """List ledger entries; statement figures link here with their filters."""
    form, filters = bind_filters(forms.EntryFilterForm, request)
    rows = selectors.entry_list(user=request.user, **filters)
    return render_list(request, title="Ledger entries", rows=rows, columns=ENTRY_COLUMNS,
                       filename="ledger", filter_form=form,
                       actions=[("Post an entry", reverse("finance:entry_create")),
                                ("Rates of exchange", reverse("finance:rate_list"))],
                       intro="Amounts in their original currency, with the UN operational "
                             "rate used and the US dollar value.")


@login_required
def entry_create(request: HttpRequest) -> HttpResponse:
    """Post a pledge, receipt, allotment, obligation or expenditure (finance officers)."""
    if not policy.can_add(request.user, Entry, {}):
        raise Http404
    return service_form_page(
        request, form_class=forms.EntryForm, title="Post a ledger entry",
        cancel_url=reverse("finance:entry_list"), initial=None,
        save=lambda form: services.entry_post(
            user=request.user, values=form.values(),
            override=form.cleaned_data.get("override", "")),
        success=lambda entry: reverse("finance:entry_list") + f"?kind={entry.kind}")


RATE_COLUMNS = [Column("Month", lambda r: r.month.strftime("%Y-%m")),
                Column("Currency", lambda r: r.currency),
                Column("Units per USD", lambda r: r.per_usd)]


@login_required
def rate_list(request: HttpRequest) -> HttpResponseBase:
    """List the UN operational rates of exchange recorded."""
    return render_list(request, title="UN operational rates of exchange",
                       rows=ExchangeRate.objects.all(), columns=RATE_COLUMNS,
                       filename="rates", filter_form=None,
                       actions=[("Record a rate", reverse("finance:rate_create"))])


@login_required
def rate_create(request: HttpRequest) -> HttpResponse:
    """Record the rate of a currency for a month (finance officers)."""
    if not policy.can_add(request.user, ExchangeRate, {}):
        raise Http404
    return service_form_page(
        request, form_class=forms.RateForm, title="Record an operational rate of exchange",
        cancel_url=reverse("finance:rate_list"), initial=None,
        save=lambda form: services.exchange_rate_set(user=request.user, **form.values()),
        success=lambda _rate: reverse("finance:rate_list"))



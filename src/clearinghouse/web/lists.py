"""Page scaffolding shared by the apps: lists with filters and exports, and service forms."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.tables import Column, cell_text, export_or_page
from clearinghouse.web.forms import ServiceForm


def render_list(
    request: HttpRequest, *, title: str, rows: Any, columns: Sequence[Column], filename: str,
    filter_form: forms.Form | None, actions: Sequence[tuple[str, str]] = (), intro: str = "",
) -> HttpResponseBase:
    """Return the list page, or its export when ``?format=csv|xlsx`` is asked.

    A filter that does not validate is never dropped silently: the page shows the field's
    error and no rows, and an export is refused with a 400 naming the field.
    """
    if filter_form is not None and filter_form.is_bound and not filter_form.is_valid():
        if request.GET.get("format") in ("csv", "xlsx"):
            detail = "; ".join(f"{name}: {' '.join(str(e) for e in errors)}"
                               for name, errors in filter_form.errors.items())
            return HttpResponse(f"Invalid filter, nothing exported. {detail}", status=400,
                                content_type="text/plain; charset=utf-8")
        rows = rows.none() if hasattr(rows, "none") else []
        response = _page(request, title=title, rows=rows, columns=columns, filename=filename,
                         filter_form=filter_form, actions=actions, intro=intro)
        response.status_code = 400
        return response
    return _page(request, title=title, rows=rows, columns=columns, filename=filename,
                 filter_form=filter_form, actions=actions, intro=intro)


def _page(
    request: HttpRequest, *, title: str, rows: Any, columns: Sequence[Column], filename: str,
    filter_form: forms.Form | None, actions: Sequence[tuple[str, str]], intro: str,
) -> HttpResponseBase:
    page = export_or_page(request, rows, columns, filename)
    if isinstance(page, HttpResponseBase):
        return page
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    table = [
        [(cell_text(c.value(row)), c.link(row) if c.link else "") for c in columns]
        for row in page.object_list
    ]
    return render(request, "list.html", {
        "title": title, "intro": intro, "columns": columns, "rows": table, "page": page,
        "filter_form": filter_form, "query": query.urlencode(), "actions": actions,
    })


def bind_filters(form_class: type[Any], request: HttpRequest) -> tuple[Any, dict[str, Any]]:
    """Bind a filter form to the query string; return it and its valid, non-empty values."""
    form = form_class(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, {k: v for k, v in data.items() if v not in ("", None)}


def service_form_page(
    request: HttpRequest, *, form_class: type[ServiceForm], title: str, cancel_url: str,
    initial: dict[str, Any] | None, save: Callable[[ServiceForm], Any],
    success: Callable[[Any], str], history: Any = None,
) -> HttpResponse:
    """Show a form; on a valid POST call ``save`` and redirect, else show errors inline."""
    form = form_class(request.POST or None, initial=initial, user=request.user)  # type: ignore[call-arg]
    similar: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ApplicationError as error:
            if error.status == 404:
                raise Http404 from error
            form.add_service_error(error)
            similar = error.extra.get("similar", [])
        else:
            messages.success(request, "Saved.")
            return redirect(success(saved))
    context = {"title": title, "form": form, "similar": similar, "cancel_url": cancel_url,
               "live_similar": getattr(form_class, "live_similar", False), "history": history}
    return render(request, "form.html", context, status=400 if form.errors else 200)

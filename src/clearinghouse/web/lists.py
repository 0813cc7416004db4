"""Render any list page: filters, table, pagination, and CSV or Excel export of the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from clearinghouse.core.tables import Column, cell_text, export_or_page


def render_list(
    request: HttpRequest, *, title: str, rows: Any, columns: Sequence[Column], filename: str,
    filter_form: forms.Form | None, actions: Sequence[tuple[str, str]] = (), intro: str = "",
) -> HttpResponseBase:
    """Return the list page, or its export when ``?format=csv|xlsx`` is asked."""
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

"""The Commission's priority themes: every version, and a form to adopt the next one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from clearinghouse.access import policy
from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.forms import theme_choices
from clearinghouse.assistance.models import PriorityThemeList
from clearinghouse.core.errors import ApplicationError
from clearinghouse.web.forms import ServiceForm


class PriorityThemesForm(ServiceForm):
    themes = forms.MultipleChoiceField(choices=theme_choices,
                                       widget=forms.CheckboxSelectMultiple)
    effective_from = forms.DateField(help_text="YYYY-MM-DD, e.g. the day the Commission decided")
    note = forms.CharField(max_length=300, required=False,
                           help_text="e.g. the decision or report adopting them")


@login_required
def priority_themes(request: HttpRequest) -> HttpResponse:
    """Show the versions in force over time and adopt a new one (the Secretariat only)."""
    latest = PriorityThemeList.objects.first()
    form = PriorityThemesForm(request.POST or None,
                              initial={"themes": latest.themes} if latest else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_themes_revise(user=request.user, **form.values())
        except ApplicationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Saved.")
            return redirect(reverse("assistance:priority_themes"))
    names = {t.code: t.name for t in selectors.theme_list()}
    versions = [(v.version, v.effective_from, ", ".join(names.get(c, c) for c in v.themes),
                 v.note) for v in PriorityThemeList.objects.all()]
    return render(request, "assistance/priority_themes.html", {
        "title": "Priority themes", "form": form, "versions": versions,
        "can_revise": policy.actor_for(request.user).secretariat,
    }, status=400 if form.errors else 200)

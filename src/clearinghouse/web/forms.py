"""The base of every form whose input goes to a service."""

from __future__ import annotations

from typing import Any

from django import forms

from clearinghouse.core.errors import ApplicationError


class ServiceForm(forms.Form):
    """A form whose cleaned data becomes a service's ``values``; it shows service errors inline."""

    control_fields = ("reason", "confirm_not_duplicate")
    live_similar = False  # True on forms whose page warns of duplicates as a name is typed
    model_fields: dict[str, str] = {}  # form field -> model field, where they differ

    def values(self) -> dict[str, Any]:
        """Return the cleaned data as service values."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.control_fields}
        return {self.model_fields.get(k, k): v for k, v in data.items()}

    def add_service_error(self, error: ApplicationError) -> None:
        """Attach an ApplicationError's field messages to the matching form fields."""
        reverse = {v: k for k, v in self.model_fields.items()}
        for name, messages in error.fields.items():
            field = reverse.get(name, name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        if not error.fields:
            self.add_error(None, error.message)


def service_error_attach(form: ServiceForm, lines: Any, error: ApplicationError) -> None:
    """Show a service error beside the form field or the formset line (``lines[i].f``) it names."""
    other: dict[str, list[str]] = {}
    had_fields = bool(error.fields)
    line_forms = [f for f in lines.forms if f.has_changed()]  # the lines the service saw
    for name, messages_ in error.fields.items():
        if name.startswith("lines[") and "]." in name:
            index, _, field = name[6:].partition("].")
            field = field.removesuffix("_id")
            if index.isdigit() and int(index) < len(line_forms):
                target = line_forms[int(index)]
                for message in messages_:
                    target.add_error(field if field in target.fields else None, message)
                continue
        other[name] = messages_
    error.fields = other
    if other or not had_fields:
        form.add_service_error(error)

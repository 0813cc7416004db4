"""The one domain error type, and its translation to RFC 9457 problem details."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class ApplicationError(Exception):
    """A domain rule refused the operation.

    ``fields`` maps a field name (or a dotted path for nested input) to its messages;
    ``status`` is the HTTP status an edge should answer with.
    """

    def __init__(
        self,
        message: str,
        *,
        fields: dict[str, list[str]] | None = None,
        status: int = 400,
        code: str = "invalid",
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        self.status = status
        self.code = code
        self.extra = extra or {}

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> ApplicationError:
        """Turn Django's ValidationError into an ApplicationError with field messages."""
        if hasattr(error, "error_dict"):
            fields = {
                name: [str(m) for e in errors for m in e.messages]
                for name, errors in error.error_dict.items()
            }
        else:
            fields = {"__all__": [str(m) for m in error.messages]}
        return cls("The input is not valid.", fields=fields)


class PermissionDenied(ApplicationError):
    """The actor may not perform this operation on this object."""

    def __init__(self, message: str = "You do not have permission to do this.") -> None:
        super().__init__(message, status=403, code="forbidden")


class NotFound(ApplicationError):
    """The object does not exist, or the actor may not know that it exists."""

    def __init__(self, message: str = "Not found.") -> None:
        super().__init__(message, status=404, code="not_found")


PROBLEM_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    422: "Validation failed",
    500: "Internal server error",
}


def problem(
    status: int,
    detail: str,
    *,
    code: str = "error",
    errors: list[dict[str, str]] | None = None,
    instance: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Build an RFC 9457 problem-details body; ``errors`` carries one entry per field message."""
    body: dict[str, Any] = {
        "type": f"/api/problems/{code}",
        "title": PROBLEM_TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return body


def field_errors(fields: dict[str, list[str]]) -> list[dict[str, str]]:
    """Flatten a field-to-messages map into problem ``errors`` entries with a JSON pointer."""
    return [
        {"field": name, "pointer": "/" + name.replace(".", "/"), "message": message}
        for name, messages in fields.items()
        for message in messages
    ]

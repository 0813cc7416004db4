"""Attribute every change made while serving a request to the request's user."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from clearinghouse.audit.context import acting_as


class AuditActorMiddleware:
    """Make ``request.user`` the audit actor; read lazily, so token auth set later still counts."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with acting_as(lambda: getattr(request, "user", None)):
            return self.get_response(request)

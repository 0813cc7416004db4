"""Who is acting and why: carried through a request or a job by context variables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_actor: ContextVar[Callable[[], Any] | None] = ContextVar("audit_actor", default=None)
_reason: ContextVar[str] = ContextVar("audit_reason", default="")


@contextmanager
def acting_as(user_or_getter: Any) -> Iterator[None]:
    """Attribute the changes made inside the block to a user (or a callable returning one)."""
    getter = user_or_getter if callable(user_or_getter) else (lambda: user_or_getter)
    token = _actor.set(getter)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def because(reason: str) -> Iterator[None]:
    """Record ``reason`` on every audit entry written inside the block."""
    token = _reason.set(reason or "")
    try:
        yield
    finally:
        _reason.reset(token)


def current_actor() -> Any:
    """Return the acting user, or None for the system."""
    getter = _actor.get()
    return getter() if getter else None


def current_reason() -> str:
    """Return the reason in force, or an empty string."""
    return _reason.get()

"""What the management commands share: the user they act as, and the files they read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def acting_user(username: str, *, option: str = "--as") -> Any:
    """Return the user a command acts as; refuse an unknown name, naming the option."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"{option}: no user named {username!r}.")
    return user


def readable_file(name: str) -> Path:
    """Return the path of a file a command must read; refuse a missing one by name."""
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"{path}: no such file.")
    return path

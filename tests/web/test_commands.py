"""The console script and its commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command


def _cli(
    *args: str, env: dict[str, str] | None = None, tmp: Path
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CLEARINGHOUSE_VAR": str(tmp),
                   "DJANGO_SETTINGS_MODULE": "clearinghouse.settings", **(env or {})}
    environment.pop("HTTPS", None)
    return subprocess.run([sys.executable, "-m", "clearinghouse", *args], capture_output=True,
                          text=True, env=environment, timeout=120)


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = _cli("--help", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("load_reference", "load_demo", "job", "token", "migrate", "runserver"):
        assert command in result.stdout


def test_deploy_check_reports_nothing_with_debug_off(tmp_path: Path) -> None:
    result = _cli("check", "--deploy", "--fail-level", "WARNING",
                  env={"DEBUG": "false", "ALLOWED_HOSTS": "clearinghouse.example.org"},
                  tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_job_run_shows_progress_and_result(secretariat: Any) -> None:
    out = StringIO()
    call_command("job", "run", "registry.duplicate_scan", "--as", secretariat.username,
                 stdout=out)
    text = out.getvalue()
    assert "Find possibly duplicated organizations" in text and "━" in text
    result = json.loads(text[text.index("{"):])
    assert result["status"] == "succeeded" and result["result"]["compared"] > 40


def test_job_run_names_the_bad_option(secretariat: Any) -> None:
    with pytest.raises(CommandError, match="--as"):
        call_command("job", "run", "registry.duplicate_scan", "--as", "nobody")
    with pytest.raises(CommandError, match="--param"):
        call_command("job", "run", "registry.duplicate_scan", "--as", secretariat.username,
                     "--param", "novalue")


def test_token_create_prints_a_working_token(secretariat: Any) -> None:
    from django.test import Client

    out = StringIO()
    call_command("token", "create", secretariat.username, "--name", "ci", stdout=out)
    token = out.getvalue().strip()
    response = Client().get("/api/registry/experts", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_demo_load_creates_the_printed_logins(ref: None) -> None:
    from django.contrib.auth import authenticate

    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=StringIO())  # a second run changes nothing
    assert "kenya" in out.getvalue()
    assert authenticate(username="kenya", password="clearinghouse-demo") is not None

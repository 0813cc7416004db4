"""The pure cores import no Django: they are tested and benchmarked alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE_CORES = [
    "clearinghouse.registry.duplicates",
    "clearinghouse.mandates.parser",
    "clearinghouse.mandates.parser.akn",
    "clearinghouse.mandates.parser.cli",
    "clearinghouse.assistance.brokerage.problem",
    "clearinghouse.assistance.brokerage.greedy",
    "clearinghouse.assistance.brokerage.checker",
    "clearinghouse.assistance.brokerage.solver",
    "clearinghouse.assistance.brokerage.exact",
]


@pytest.mark.parametrize("module", PURE_CORES)
def test_pure_core_loads_no_django(module: str) -> None:
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'django')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""

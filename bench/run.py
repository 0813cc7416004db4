"""Run every benchmark in bench/ and print its figures and its ratio to target."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    """Run each bench_*.py module's run(); exit non-zero if a figure misses its target."""
    import bench

    missed = 0
    for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__)):
        if not module.startswith("bench_"):
            continue
        figures = importlib.import_module(f"bench.{module}").run()
        shown = ", ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in figures.items())
        ratio = max(v for k, v in figures.items() if k.endswith("_over_target"))
        verdict = "ok" if ratio <= 1 else "MISSED"
        missed += ratio > 1
        print(f"{module}: {shown} [{verdict}]")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

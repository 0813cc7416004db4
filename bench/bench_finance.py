"""Benchmark the statement of expenditure and the IATI export on PostgreSQL.

Creates a scratch database, fills it with 1,000,000 generated ledger entries and 10,000
activities (bench/finance/measure.py, in its own process), and prints:
- the statement for one year, best of 3, against the 2 s target;
- the bare SQL aggregate queries producing the same totals, in the same run, and the
  ratio (target <= 1.5);
- the IATI export of the 10,000 activities: seconds (target 30 s) and the exporting
  process's peak memory.
Needs PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = "clearinghouse_bench_finance"


def _psql(base: str, sql: str) -> None:
    subprocess.run(["psql", f"{base}/postgres", "-qc", sql], check=True, capture_output=True)


def run() -> dict[str, float]:
    """Measure on a fresh scratch database; return figures with *_over_target ratios."""
    base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
    _psql(base, f"DROP DATABASE IF EXISTS {SCRATCH}")
    _psql(base, f"CREATE DATABASE {SCRATCH}")
    try:
        env = {**os.environ, "DATABASE_URL": f"{base}/{SCRATCH}", "DEBUG": "false",
               "HTTPS": "false", "SECRET_KEY": "bench-only"}
        env.pop("REDIS_URL", None)
        done = subprocess.run([sys.executable, str(ROOT / "bench/finance/measure.py")],
                              env=env, check=True, capture_output=True, text=True)
    finally:
        _psql(base, f"DROP DATABASE IF EXISTS {SCRATCH}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"statement of expenditure, one year of {figures['entries']:,} entries: "
          f"{figures['statement_seconds']:.3f} s; bare SQL aggregates "
          f"{figures['bare_sql_seconds']:.3f} s (ratio "
          f"{figures['statement_seconds'] / figures['bare_sql_seconds']:.2f}); IATI export of "
          f"{figures['iati_activities']:,} activities {figures['iati_seconds']:.1f} s, peak "
          f"{figures['iati_peak_mb']:.0f} MB, file {figures['iati_file_mb']:.1f} MB "
          f"(data loaded in {figures['load_seconds']} s)")
    ratio = figures["statement_seconds"] / figures["bare_sql_seconds"]
    return {
        "statement_s": figures["statement_seconds"],
        "bare_sql_s": figures["bare_sql_seconds"],
        "statement_over_target": figures["statement_seconds"] / 2.0,
        "ratio_to_bare_sql": ratio,
        "ratio_over_target": ratio / 1.5,
        "iati_s": figures["iati_seconds"],
        "iati_peak_mb": figures["iati_peak_mb"],
        "iati_over_target": figures["iati_seconds"] / 30.0,
    }


if __name__ == "__main__":
    print(run())

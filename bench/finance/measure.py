"""Measure the statement and the IATI export on a PostgreSQL database of generated entries.

Run by bench/bench_finance.py in its own process, with DATABASE_URL set to a scratch
database it created; prints one JSON object of figures. Data goes in with COPY: a
benchmark's fixture, not domain writes, so it bypasses the services and the audit trail.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clearinghouse.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "1000000"))
ACTIVITIES = 10_000
KINDS = [("pledge", 2), ("receipt", 3), ("allotment", 10), ("obligation", 25),
         ("expenditure", 50), ("psc", 10)]
OBJECTS = ["posts", "consultants", "travel", "contractual", "operating", "supplies", "grants"]


def prepare() -> None:
    """Migrate, load the seeds, and COPY in the activities and the ledger entries."""
    from clearinghouse.assistance.reference import themes_load
    from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Fund
    from clearinghouse.finance.reference import finance_seed_load
    from clearinghouse.registry.models import Organization, State
    from clearinghouse.registry.reference import reference_load

    call_command("migrate", verbosity=0)
    reference_load()
    themes_load()
    finance_seed_load()
    rng = random.Random(20261127)
    states = list(State.objects.values_list("pk", flat=True))
    orgs = list(Organization.objects.values_list("pk", flat=True))
    themes = ["corruption", "prisons", "policing", "drug-control", "victims",
              "organized-crime", "juvenile-justice", "money-laundering"]
    with connection.cursor() as cursor:
        buffer = io.StringIO()
        for n in range(ACTIVITIES):
            theme = json.dumps(rng.sample(themes, 2))
            buffer.write(f"A-{n:05d}\tActivity {n}\tmanual\tongoing\t{rng.choice(orgs)}\t\t"
                         f"{rng.choice(states)}\t{theme}\t[]\t[]\t\t\t2026-01-01\t2027-12-31\tt\n")
        buffer.seek(0)
        with cursor.copy("COPY coordination_activity (identifier, title, source, status, "
                         "implementer_id, implementer_name, beneficiary_id, themes, provisions, "
                         "sectors, reporting_org, description, start, \"end\", published) "
                         "FROM STDIN"
                         ) as copy:
            copy.write(buffer.read())
        cursor.execute("SELECT min(id) FROM coordination_activity")
        first_activity = cursor.fetchone()[0]
    years = {p.code: p for p in BudgetPeriod.objects.filter(kind="year")}
    funds = list(Fund.objects.values_list("pk", flat=True))
    areas = list(AllocationArea.objects.values_list("pk", flat=True))
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    columns = ("kind, fund_id, period_id, area_id, activity_id, object, donor_id, date, amount, "
               "currency, rate, usd, note, override, created_at")
    with connection.cursor() as cursor, cursor.copy(
            f"COPY finance_entry ({columns}) FROM STDIN") as copy:
        for _ in range(ENTRIES):
            code = rng.choice(list(years))
            year = years[code]
            kind = rng.choice(kinds)
            day = f"{year.start.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            usd = f"{rng.randint(100, 500_000) / 100:.2f}"
            donor = rng.choice(orgs) if kind in ("pledge", "receipt") else "\\N"
            area = rng.choice(areas) if kind not in ("pledge", "receipt") else "\\N"
            activity = first_activity + rng.randrange(ACTIVITIES) if kind not in (
                "pledge", "receipt") else "\\N"
            obj = rng.choice(OBJECTS) if kind in ("obligation", "expenditure") else ""
            copy.write(f"{kind}\t{rng.choice(funds)}\t{year.pk}\t{area}\t{activity}\t{obj}\t"
                       f"{donor}\t{day}\t{usd}\tUSD\t1\t{usd}\t\t\t2026-11-27 00:00:00+00\n")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE finance_entry")
        cursor.execute("ANALYZE coordination_activity")


BARE_SQL = """
SELECT e.kind, e.fund_id, e.donor_id, e.donor_state_id, e.area_id, e.object,
       a.beneficiary_id, r.code, SUM(e.usd)
  FROM finance_entry e
  LEFT JOIN coordination_activity a ON a.id = e.activity_id
  LEFT JOIN registry_state s ON s.id = a.beneficiary_id
  LEFT JOIN registry_area r ON r.id = s.region_id
 WHERE e.period_id = ANY(%(periods)s) AND e.fund_id = ANY(%(funds)s)
 GROUP BY e.kind, e.fund_id, e.donor_id, e.donor_state_id, e.area_id, e.object,
          a.beneficiary_id, r.code;
SELECT fund_id, kind, SUM(usd) FROM finance_entry
 WHERE fund_id = ANY(%(funds)s) AND date < %(start)s GROUP BY fund_id, kind;
SELECT fund_id, kind, SUM(usd) FROM finance_entry
 WHERE fund_id = ANY(%(funds)s) AND date <= %(end)s
   AND (kind = 'obligation' OR (kind = 'expenditure' AND obligation_id IS NOT NULL))
 GROUP BY fund_id, kind;
SELECT kind, donor_id, donor_state_id, SUM(usd) FROM finance_entry
 WHERE fund_id = ANY(%(funds)s) AND date <= %(end)s AND kind IN ('pledge', 'receipt')
 GROUP BY kind, donor_id, donor_state_id;
SELECT SUM(usd) FROM finance_entry WHERE period_id = ANY(%(periods)s)
   AND kind IN ('expenditure', 'psc') AND NOT (fund_id = ANY(%(funds)s))
"""


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from clearinghouse.finance.models import BudgetPeriod, Fund
    from clearinghouse.finance.statement import statement_build

    started = time.perf_counter()
    prepare()
    load_seconds = time.perf_counter() - started
    period = BudgetPeriod.objects.get(code="2026")
    funds = [f.pk for f in Fund.objects.all() if f.in_un_accounts]
    params = {"periods": [period.pk], "funds": funds, "start": period.start,
              "end": period.end}

    def bare() -> None:
        with connection.cursor() as cursor:
            for query in BARE_SQL.strip().split(";"):
                cursor.execute(query, params)
                cursor.fetchall()

    statement_build(period=period)  # warm the caches both measurements share
    bare()
    bare_seconds = best_of(3, bare)
    statement_seconds = best_of(3, lambda: statement_build(period=period))
    built = statement_build(period=period)
    assert built.tie_out() == []
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-m", "clearinghouse", "iati", "export", "--output",
                    "/tmp/bench-iati.xml"], check=True, env=os.environ, capture_output=True)
    iati_seconds = time.perf_counter() - started
    iati_peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    size_mb = Path("/tmp/bench-iati.xml").stat().st_size / 1e6
    print(json.dumps({
        "entries": ENTRIES, "load_seconds": round(load_seconds, 1),
        "statement_seconds": statement_seconds, "bare_sql_seconds": bare_seconds,
        "iati_activities": ACTIVITIES, "iati_seconds": iati_seconds,
        "iati_peak_mb": iati_peak_mb, "iati_file_mb": size_mb,
        "spent": str(built.spent)}))


if __name__ == "__main__":
    main()

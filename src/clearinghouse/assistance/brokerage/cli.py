"""``clearinghouse broker solve PROBLEM.json [--time-limit S] [--output SOLUTION.json]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from clearinghouse.assistance.brokerage.problem import ProblemError, load_problem
from clearinghouse.assistance.brokerage.solver import solve

HELP = "Allocate provider offers to Member States' requests (brokerage model v1)."


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Solve a problem file; print (or write) the solution JSON; exit 1 on bad input."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = argparse.ArgumentParser(prog="clearinghouse broker", description=HELP)
    sub = parser.add_subparsers(dest="action", required=True)
    solve_cmd = sub.add_parser("solve", help="Solve a problem file")
    solve_cmd.add_argument("problem", type=Path, metavar="PROBLEM.json")
    solve_cmd.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    solve_cmd.add_argument("--output", type=Path, metavar="SOLUTION.json")
    options = parser.parse_args(argv)
    try:
        data = json.loads(options.problem.read_text(encoding="utf-8"))
        problem = load_problem(data)
    except OSError as error:
        print(f"clearinghouse broker: {options.problem}: cannot be read ({error.strerror})",
              file=err)
        return 1
    except json.JSONDecodeError as error:
        print(f"clearinghouse broker: {options.problem}: not JSON (line {error.lineno}, "
              f"column {error.colno}: {error.msg})", file=err)
        return 1
    except ProblemError as error:
        print(f"clearinghouse broker: {options.problem}: {error}", file=err)
        return 1
    solution = solve(problem, time_limit=options.time_limit)
    text = json.dumps(solution, indent=2)
    if options.output:
        options.output.write_text(text + "\n", encoding="utf-8")
    else:
        out.write(text + "\n")
    return 0

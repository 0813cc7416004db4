"""Benchmark the resolution parser against ground truth from the AKN development corpus.

For every file in /work/shared/corpus/akn: labels (clearinghouse.mandates.parser.akn_read),
a clean rendering (bench.mandates.render), a damaged OCR-like copy (bench.mandates.damage,
seed = file index), then
``parse_text`` on both. Figures and targets:

- count exactness (preamble, operative and total sub-paragraph counts all equal): clean >= 98 %,
  damaged >= 95 %;
- word accuracy of the repaired damaged text (1 - word edit distance / label words) >= 99.5 %;
- citation recall (labelled numbers found among the parser's, per-document multiset) >= 97 %;
- speed of ``clearinghouse parse --format json`` over all damaged texts, one process, end to
  end including process start, best of three runs (the median is printed too): >= 2 MB/s;
- the 1992 seed: its known structure (21 preambular paragraphs, lacuna, sections VI and VII ...).

``run()`` returns the figures with ``*_over_target`` ratios (<= 1 means the target is met).
Usage: python bench/bench_parser.py [--limit N] [--only ga75|ecosoc] [--dump DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "src"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from bench.mandates.damage import damage  # noqa: E402
from bench.mandates.render import render_text  # noqa: E402
from clearinghouse.mandates.parser.akn_read import (  # noqa: E402
    count_subparagraphs,
    flat_text,
    labels_from_akn,
)

CORPUS = Path(os.environ.get("MANDATES_CORPUS", "/work/shared/corpus/akn"))
SEED = Path(os.environ.get("MANDATES_SEED", "/work/shared/seeds/000_412b2c667c921353.txt"))
CLI = ROOT / ".venv" / "bin" / "clearinghouse"
PYTHON = ROOT / ".venv" / "bin" / "python"
TARGETS = {"counts_clean": 0.98, "counts_damaged": 0.95, "words": 0.995, "citations": 0.97,
           "mb_per_s": 2.0}

Parse = Callable[..., dict[str, Any]]


def _parser() -> Parse | None:
    """The parser's ``parse_text``, or None while it does not exist yet."""
    try:
        from clearinghouse.mandates.parser import parse_text
    except Exception:  # the parser is being written: any import failure means "not available"
        return None
    return parse_text  # type: ignore[no-any-return]


def corpus_files(limit: int | None = None, only: str | None = None) -> list[Path]:
    """Corpus files in a stable order (their index is the damage seed)."""
    files = sorted(CORPUS.glob("*/*.xml"))
    if only:
        files = [f for f in files if f.parent.name == only]
    return files[:limit] if limit else files


def counts(doc: dict[str, Any]) -> tuple[int, int, int]:
    """(preamble, operative, total sub-paragraphs) of labels or of parser output."""
    operative = doc.get("operative") or []
    return len(doc.get("preamble") or []), len(operative), count_subparagraphs(operative)


def _number(text: str) -> str:
    """Comparable resolution number: spaces collapsed, "1514(XV)" -> "1514 (XV)", upper case.

    Part letters are dropped ("52/212 B" -> "52/212", "217 A (III)" -> "217 (III)"): the
    corpus links sometimes cover the letter and sometimes not, so a label may lack it.
    """
    text = re.sub(r"[\s\u00a0\u202f]+", " ", str(text or "")).replace("\u2011", "-").strip()
    text = re.sub(r"(\S)\(", r"\1 (", text).upper()
    return re.sub(r"^(\S+) [A-Z](?= \(|$)", r"\1", text)


def citation_hits(labels: dict[str, Any], parsed: dict[str, Any]) -> tuple[int, int]:
    """(found, labelled): labelled citation numbers found among the parser's (multiset)."""
    want = Counter(_number(c["number"]) for c in labels["citations"])
    have = Counter(_number(c.get("number", "")) for c in parsed.get("citations") or [])
    return sum(min(n, have[k]) for k, n in want.items()), sum(want.values())


def word_errors(labels: dict[str, Any], parsed: dict[str, Any]) -> tuple[int, int]:
    """(word edit distance, label words) over preamble + operative + sub-paragraph texts."""
    ids: dict[str, int] = {}
    truth = [ids.setdefault(w, len(ids)) for w in " ".join(flat_text(labels)).split()]
    got = [ids.setdefault(w, len(ids)) for w in " ".join(flat_text(parsed)).split()]
    return Levenshtein.distance(truth, got), len(truth)


def _ratio_error(value: float, target: float) -> float:
    """Error over allowed error: <= 1 when ``value`` (a share) reaches ``target``."""
    return (1 - value) / (1 - target)


RUNS = 3


def _time_cli(paths: list[Path]) -> tuple[float | None, str]:
    """Seconds for ``clearinghouse parse --format json FILE...`` (or the python fallback)."""
    if CLI.exists():
        probe = subprocess.run([str(CLI), "parse", "--help"], capture_output=True, text=True,
                               timeout=120, check=False)
        if probe.returncode == 0:
            # The machine's speed drifts by a third from run to run: take the best of three
            # runs, as timeit does, and show the median beside it.
            runs = []
            for _ in range(RUNS):
                start = time.perf_counter()
                done = subprocess.run([str(CLI), "parse", "--format", "json", *map(str, paths)],
                                      capture_output=True, timeout=1800, check=False)
                runs.append(time.perf_counter() - start)
                if done.returncode != 0:
                    return None, f"clearinghouse parse failed ({done.returncode}): " \
                                 f"{done.stderr.decode(errors='replace')[-300:]}"
            size = sum(p.stat().st_size for p in paths) / 1e6
            median = sorted(runs)[len(runs) // 2]
            return min(runs), (f"clearinghouse parse, best of {RUNS} runs; median "
                               f"{size / median:.2f} MB/s")
    code = ("import sys,pathlib\nfrom clearinghouse.mandates.parser import parse_text\n"
            "for p in sys.argv[1:]:\n    parse_text(pathlib.Path(p).read_text(), source=p)\n")
    start = time.perf_counter()
    done = subprocess.run([str(PYTHON if PYTHON.exists() else sys.executable), "-c", code,
                           *map(str, paths)], capture_output=True, timeout=1800, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        return None, "parser not available"
    return elapsed, "python -c parse_text (no `clearinghouse parse` command yet)"


def seed_check(parse: Parse | None, out: Callable[[str], None]) -> int:
    """Parse the 1992 seed and print each finding against its target; return failures."""
    if parse is None or not SEED.exists():
        out("seed: parser not available" if parse is None else f"seed: {SEED} missing")
        return 1
    try:
        doc = parse(SEED.read_text(), source=SEED.name)
    except Exception as exc:
        out(f"seed: parser crashed: {exc!r}")
        return 1
    fails = 0

    def check(name: str, ok: bool, found: object) -> None:
        nonlocal fails
        fails += not ok
        out(f"  [{'ok' if ok else 'MISS'}] {name}: {found}")

    out("seed check (000_412b2c667c921353.txt):")
    pre = doc.get("preamble") or []
    check("21 preambular paragraphs", len(pre) == 21, len(pre))
    check("last preambular paragraph complete=False",
          bool(pre) and pre[-1].get("complete") is False, pre[-1].get("complete") if pre else None)
    lac = doc.get("lacunae") or []
    check("a lacuna after the preamble", bool(lac), lac[:2])
    secs = {str(s.get("num")): s for s in doc.get("sections") or []}
    vi, vii = secs.get("VI") or {}, secs.get("VII") or {}
    check("section VI, inferred=True", vi.get("inferred") is True, vi or None)
    check("section VII heading 'Follow-up'",
          str(vii.get("heading") or "").lower() == "follow-up", vii or None)
    ops = doc.get("operative") or []
    items = len(ops) + count_subparagraphs(ops)
    check("11 operative items incl. VI.3(a)-(c)", items == 11,
          f"{len(ops)} paragraphs + {count_subparagraphs(ops)} sub-paragraphs")
    cites = doc.get("citations") or []
    numbers = {_number(c.get("number", "")) for c in cites}
    dated = all(c.get("date") for c in cites)
    check("15 distinct cited resolutions, each dated", len(numbers) == 15 and dated,
          f"{len(numbers)} distinct, all dated={dated}: {sorted(numbers)}")
    mandates = json.dumps(doc.get("mandates") or [], ensure_ascii=False).lower()
    check("deadline VI.3(b): Commission, second session (1993)",
          "second session" in mandates, "found" if "second session" in mandates else "absent")
    check("deadline VII.4: ECOSOC substantive session of 1993",
          "substantive session" in mandates and "1993" in mandates,
          "found" if "substantive session" in mandates else "absent")
    return fails


def run(limit: int | None = None, only: str | None = None, dump: str | None = None,
        quiet: bool = True) -> dict[str, Any]:
    """Run the whole bench; return figures and ``*_over_target`` ratios (<= 1: target met)."""
    out: Callable[[str], None] = (lambda _s: None) if quiet else print
    parse = _parser()
    files = corpus_files(limit, only)
    dump_dir = Path(dump) if dump else None
    if dump_dir:
        dump_dir.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.TemporaryDirectory(prefix="bench-parser-")
    damaged_paths: list[Path] = []
    exact = {"clean": 0, "damaged": 0}
    crashed = {"clean": 0, "damaged": 0}
    hits = {"clean": [0, 0], "damaged": [0, 0]}
    edits = labelled_words = 0
    label_errors = 0
    worst: dict[str, list[tuple[float, str, str]]] = {"counts": [], "words": [], "citations": []}
    damage_kinds: Counter[str] = Counter()
    for index, path in enumerate(files):
        try:
            labels = labels_from_akn(path)
        except Exception as exc:
            label_errors += 1
            out(f"labels failed: {path.name}: {exc!r}")
            continue
        clean = render_text(labels)
        damaged, applied = damage(clean, seed=index)
        damage_kinds.update(d["kind"] for d in applied)
        target = Path(tmp.name) / f"{index:04d}_{path.stem}.txt"
        target.write_text(damaged, encoding="utf-8")
        damaged_paths.append(target)
        if dump_dir:
            (dump_dir / f"{path.stem}.clean.txt").write_text(clean, encoding="utf-8")
            (dump_dir / f"{path.stem}.damaged.txt").write_text(damaged, encoding="utf-8")
            (dump_dir / f"{path.stem}.labels.json").write_text(
                json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
            (dump_dir / f"{path.stem}.damage.json").write_text(
                json.dumps(applied, ensure_ascii=False, indent=1), encoding="utf-8")
        truth = counts(labels)
        for kind, text in (("clean", clean), ("damaged", damaged)):
            parsed: dict[str, Any] | None = None
            if parse is not None:
                try:
                    parsed = parse(text, source=path.name)
                except Exception:
                    crashed[kind] += 1
                    if crashed[kind] <= 3:
                        out(f"parser crashed on {kind} {path.name}:\n"
                            + traceback.format_exc(limit=3))
            if parsed is None:
                hits[kind][1] += len(labels["citations"])
                if kind == "damaged":
                    labelled_words += len(" ".join(flat_text(labels)).split())
                    edits += len(" ".join(flat_text(labels)).split())
                    worst["counts"].append((float("inf"), path.name, "no output"))
                continue
            got = counts(parsed)
            exact[kind] += got == truth
            found, want = citation_hits(labels, parsed)
            hits[kind][0] += found
            hits[kind][1] += want
            if kind == "damaged":
                off = sum(abs(a - b) for a, b in zip(got, truth, strict=True))
                if off:
                    worst["counts"].append((off, path.name, f"got {got} want {truth}"))
                dist, words = word_errors(labels, parsed)
                edits += dist
                labelled_words += words
                worst["words"].append((dist / max(words, 1), path.name, f"{dist}/{words}"))
                if want:
                    worst["citations"].append(
                        ((want - found) / want, path.name, f"{found}/{want}"))
    n = max(len(files) - label_errors, 1)
    figures: dict[str, Any] = {"documents": len(files) - label_errors}
    share = {k: exact[k] / n for k in exact}
    recall = {k: hits[k][0] / hits[k][1] if hits[k][1] else 1.0 for k in hits}
    accuracy = 1 - edits / labelled_words if labelled_words else 0.0
    out(f"documents: {n} ({label_errors} label failures); damages applied: "
        + ", ".join(f"{k}={v}" for k, v in damage_kinds.most_common()))
    if parse is None:
        out("parser not available (clearinghouse.mandates.parser.parse_text does not import)")
    out(f"parser crashes: clean {crashed['clean']}, damaged {crashed['damaged']}")
    out(f"count exactness: clean {share['clean']:.1%} (target 98%), "
        f"damaged {share['damaged']:.1%} (target 95%)")
    out(f"word accuracy (damaged, repaired): {accuracy:.3%} (target 99.5%)")
    out(f"citation recall: clean {recall['clean']:.1%}, damaged {recall['damaged']:.1%} "
        "(target 97%)")
    for name, rows in worst.items():
        rows = sorted((r for r in rows if r[0] > 0), key=lambda r: -r[0])[:5]
        if rows:
            out(f"worst 5 by {name} (damaged): "
                + "; ".join(f"{file} [{detail}]" for _, file, detail in rows))
    elapsed, how = (None, "parser not available") if parse is None else _time_cli(damaged_paths)
    size = sum(p.stat().st_size for p in damaged_paths) / 1e6
    speed = size / elapsed if elapsed else 0.0
    out(f"speed: {f'{speed:.2f} MB/s' if elapsed else 'n/a'} over {size:.1f} MB "
        f"({how}; target >= 2 MB/s)")
    tmp.cleanup()
    seed_fails = seed_check(parse, out)
    figures.update({
        "crashed_clean": crashed["clean"], "crashed_damaged": crashed["damaged"],
        "counts_clean": share["clean"], "counts_damaged": share["damaged"],
        "word_accuracy": accuracy, "citations_clean": recall["clean"],
        "citations_damaged": recall["damaged"], "mb_per_s": speed, "seed_misses": seed_fails,
        "counts_clean_over_target": _ratio_error(share["clean"], TARGETS["counts_clean"]),
        "counts_damaged_over_target": _ratio_error(share["damaged"], TARGETS["counts_damaged"]),
        "words_over_target": _ratio_error(accuracy, TARGETS["words"]),
        "citations_over_target": _ratio_error(min(recall.values()), TARGETS["citations"]),
        "speed_over_target": TARGETS["mb_per_s"] / speed if speed else float("inf"),
        "seed_over_target": 1.0 + seed_fails if seed_fails else 1.0,
    })
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line: print the report and the figures; exit 1 when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N corpus files")
    ap.add_argument("--only", choices=["ga75", "ecosoc"], default=None)
    ap.add_argument("--dump", default=None, help="write clean/damaged texts and labels here")
    args = ap.parse_args(argv)
    figures = run(args.limit, args.only, args.dump, quiet=False)
    print({k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()})
    return 0 if all(v <= 1 for k, v in figures.items() if k.endswith("_over_target")) else 1


if __name__ == "__main__":
    raise SystemExit(main())

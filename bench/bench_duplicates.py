"""Benchmark the duplicate-organization matcher: one live check against a large registry.

Targets, against 10,000 registered organizations, every name scored (no acronym match):
- warm (a running server has normalized the registry's names before): worst under 100 ms;
- cold (first check after start): under 250 ms.
"""

from __future__ import annotations

import random
import statistics
import time

from clearinghouse.registry.duplicates import Candidate, find_similar, significant

TARGET_MS = 100.0
COLD_TARGET_MS = 250.0
WORDS = ("crime prevention criminal justice institute research centre ministry police "
         "prison court prosecution judicial training academy council office national "
         "regional african asian european latin caribbean pacific arab studies law reform "
         "human rights victims juvenile corrections security development foundation").split()


def _registry(n: int, seed: int = 1992) -> list[Candidate]:
    rng = random.Random(seed)
    return [
        Candidate(i, " ".join(rng.choices(WORDS, k=rng.randint(3, 8))).title(),
                  "".join(rng.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=rng.randint(3, 6))),
                  other_names=(" ".join(rng.choices(WORDS, k=4)),))
        for i in range(n)
    ]


def run() -> dict[str, float]:
    """Time find_similar over 10,000 candidates; return the figures."""
    registry = _registry(10_000)
    queries = ["International Centre for Criminal Law Reform", "Ministry of Justice",
               "Regional Training Academy for Prison Officers", "Zzz Unrelated Body"]
    significant.cache_clear()
    start = time.perf_counter()
    find_similar(queries[0], "", registry)
    cold = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(5):
        for query in queries:
            start = time.perf_counter()
            find_similar(query, "", registry)
            samples.append((time.perf_counter() - start) * 1000)
    median, worst = statistics.median(samples), max(samples)
    return {"candidates": 10_000, "cold_ms": cold, "warm_median_ms": median,
            "warm_worst_ms": worst, "cold_over_target": cold / COLD_TARGET_MS,
            "warm_over_target": worst / TARGET_MS}


if __name__ == "__main__":
    print(run())

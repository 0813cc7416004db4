"""Explain an allocation: why each pair was used, and why each line is not fully served."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from clearinghouse.assistance.brokerage.pairs import Ints, Pairs
from clearinghouse.assistance.brokerage.rules import MAX_PROVIDERS

NO_OFFER = "no compatible offer (kind, theme, language, region or country)"
TWO = "it already has two providers, the most model v1 allows"
NAMED = 10  # how many takers an explanation names


def allocations(pairs: Pairs, units: Ints, proven: bool) -> list[dict[str, Any]]:
    """Return one entry per used pair, with its value and the reason it was chosen."""
    how = "the proven best allocation" if proven else "the best allocation found"
    result = []
    for index in np.flatnonzero(units > 0).tolist():
        line, offer = pairs.lines[pairs.line[index]], pairs.offers[pairs.offer[index]]
        amount = int(units[index])
        gain = float(pairs.value[index]) * amount
        result.append({
            "request_line": line.id, "offer_line": offer.id, "quantity": amount,
            "value": gain,
            "why": (f"weight {pairs.weight[pairs.line[index]]:.2f} per full line, fit "
                    f"{pairs.fit[index]:.2f}; {offer.id} is compatible and this use of its "
                    f"capacity is part of {how}"),
        })
    return result


def unserved(pairs: Pairs, units: Ints) -> list[dict[str, str]]:
    """Return every line not fully served, naming the requests that took its offers."""
    served = np.bincount(pairs.line, weights=units, minlength=len(pairs.lines))
    providers = np.bincount(pairs.line, weights=units > 0, minlength=len(pairs.lines))
    starts = np.searchsorted(pairs.line, np.arange(len(pairs.lines) + 1))
    takers: defaultdict[int, list[int]] = defaultdict(list)  # offer -> pairs using it
    for index in np.flatnonzero(units > 0).tolist():
        takers[int(pairs.offer[index])].append(index)
    for offer, using in takers.items():
        using.sort(key=lambda i: -float(pairs.value[i]))
        takers[offer] = using[:NAMED]
    result = []
    for number, line in enumerate(pairs.lines):
        if served[number] >= line.quantity:
            continue
        options = np.arange(starts[number], starts[number + 1])
        if not len(options):
            result.append({"request_line": line.id, "why": NO_OFFER})
            continue
        if providers[number] >= MAX_PROVIDERS:
            result.append({"request_line": line.id, "why": TWO})
            continue
        options = options[np.argsort(-pairs.value[options], kind="stable")]
        heavier: dict[str, float] = {}
        others: dict[str, float] = {}
        for option in options.tolist():
            for taker in takers.get(int(pairs.offer[option]), []):
                who = int(pairs.line[taker])
                if who == number:
                    continue
                side = heavier if pairs.value[taker] >= pairs.value[option] else others
                side[pairs.lines[who].id] = float(pairs.weight[who])
            if len(heavier) >= NAMED:
                break
        named = heavier or others
        names = ", ".join(sorted(named, key=lambda k: (-named[k], k))[:NAMED])
        if heavier:
            why = f"the compatible offers' capacity went to requests that weigh more: {names}"
        elif others:
            why = ("the compatible offers' capacity went to other requests, within the "
                   f"minimum lots and the two-provider limit: {names}")
        else:
            why = "the remaining capacity is below the minimum lot"
        result.append({"request_line": line.id, "why": why})
    return result

"""Index a problem as numpy arrays: its request lines, offer lines and compatible pairs.

The solver works on these arrays rather than on one Python object per pair, so that the
largest problems (millions of compatible pairs) fit in memory and time. Compatibility and
fit follow ``rules`` exactly; they are evaluated once per offer and per distinct value of a
request line's language, region, country and expertise, then broadcast over the offers of
the line's kind and theme.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clearinghouse.assistance.brokerage.problem import OfferLine, Problem, Request, RequestLine
from clearinghouse.assistance.brokerage.rules import LOT, weight

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Pairs:
    """Request lines, offer lines and their compatible pairs, sorted by line then offer.

    ``line``/``offer`` index ``lines``/``offers``; ``value`` is w(r) s(r,o) / quantity(r),
    the objective per unit; ``upper`` is min(quantity, capacity) and ``lot`` min(quantity,
    lot), the least a used pair carries.
    """

    requests: tuple[Request, ...]
    lines: tuple[RequestLine, ...]
    offers: tuple[OfferLine, ...]
    weight: Floats
    quantity: Ints
    capacity: Ints
    line: Ints
    offer: Ints
    fit: Floats
    value: Floats
    upper: Ints
    lot: Ints

    def __len__(self) -> int:
        return len(self.line)


class _Group:
    """The offer lines of one kind and theme, with their earmarks evaluated per value."""

    def __init__(self, offers: list[tuple[int, OfferLine]]) -> None:
        self.index = np.array([i for i, _ in offers], dtype=np.int64)
        self.offers = [o for _, o in offers]
        self.cache: dict[tuple[str, str | None], Flags] = {}

    def accepts(self, field: str, code: str | None) -> Flags:
        """Return, per offer, whether it accepts ``code`` for ``field``.

        A missing code (None) is accepted by all; an offer without codes for an earmark
        accepts every code, but one without expertise areas offers none of them.
        """
        key = (field, code)
        if key not in self.cache:
            open_ok = field != "expertise"
            self.cache[key] = np.fromiter(
                (code is None or (open_ok if getattr(o, field) is None
                                  else code in getattr(o, field)) for o in self.offers),
                dtype=np.bool_, count=len(self.offers))
        return self.cache[key]


def index_pairs(problem: Problem) -> Pairs:
    """Return the problem's lines, offers and every compatible pair, as arrays."""
    requests = [r for r in problem.requests for _ in r.lines]
    lines = [line for r in problem.requests for line in r.lines]
    offers = [line for offer in problem.offers for line in offer.lines]
    groups_raw: defaultdict[tuple[str, str], list[tuple[int, OfferLine]]] = defaultdict(list)
    for index, offer_line in enumerate(offers):
        for theme in offer_line.themes:
            groups_raw[offer_line.kind, theme].append((index, offer_line))
    groups = {key: _Group(value) for key, value in groups_raw.items()}
    keyed: defaultdict[tuple[str, str, str | None, str, str, str | None], list[int]] = (
        defaultdict(list))
    for number, (request, line) in enumerate(zip(requests, lines, strict=True)):
        expertise = line.expertise if line.kind == "expert_days" else None
        keyed[line.kind, line.theme, line.language, request.region, request.country,
              expertise].append(number)
    chunks: list[tuple[Ints, Ints, Floats]] = []
    for (kind, theme, language, region, country, expertise), members in keyed.items():
        group = groups.get((kind, theme))
        if group is None:
            continue
        mask = (group.accepts("languages", language) & group.accepts("regions", region)
                & group.accepts("countries", country))
        chosen = group.index[mask]
        if not len(chosen):
            continue
        fit = np.where(group.accepts("expertise", expertise)[mask], 1.0, 0.75) if (
            expertise is not None) else np.ones(len(chosen))
        who = np.array(members, dtype=np.int64)
        chunks.append((np.repeat(who, len(chosen)), np.tile(chosen, len(who)),
                       np.tile(fit, len(who))))
    line_of = np.concatenate([c[0] for c in chunks]) if chunks else np.zeros(0, np.int64)
    offer_of = np.concatenate([c[1] for c in chunks]) if chunks else np.zeros(0, np.int64)
    fits = np.concatenate([c[2] for c in chunks]) if chunks else np.zeros(0)
    del chunks
    order = np.lexsort((offer_of, line_of))
    line_of, offer_of, fits = line_of[order], offer_of[order], fits[order]
    weights = np.array([weight(r, line, problem) for r, line in zip(requests, lines,
                                                                    strict=True)])
    quantity = np.array([line.quantity for line in lines], dtype=np.int64)
    capacity = np.array([o.capacity for o in offers], dtype=np.int64)
    lot = np.array([LOT[line.kind] for line in lines], dtype=np.int64)
    return Pairs(
        requests=tuple(requests), lines=tuple(lines), offers=tuple(offers), weight=weights,
        quantity=quantity, capacity=capacity, line=line_of, offer=offer_of, fit=fits,
        value=weights[line_of] * fits / quantity[line_of],
        upper=np.minimum(quantity[line_of], capacity[offer_of]),
        lot=np.minimum(quantity, lot)[line_of],
    )

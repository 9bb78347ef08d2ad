"""The expected cost of the priced risks totalled by who bears it: the register's totals block.

A risk's expected cost (``wizard.risk_exposure.expected_cost``) is split between its bearers by
the split the register, the partner-load graph and the exposure simulation share
(``wizard.risk_exposure.holders``): all of a public risk to the public side, all of a private
one to the private side, a shared risk by its public share, the public part to the owner when a
public body (else the first public partner) and the private part to the owner when a provider
(else the risk's private bearer, else nobody named). Each bearer's total is given by where it
comes from (public, shared and private risks), so a finance colleague can see what the shared
risks add. Pure: project in, totals out, in unrounded pounds.

The public edition prints these totals only when no risk is withheld (``withheld_count``): a
withheld risk's probability and cost range are not published, and a total over the register
would include them (as the totals rule of ``wizard.publication`` does for phase values).
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.model import Project
from wizard.risk_exposure import NOBODY, NOBODY_NAMED, expected_cost, holders, priced
from wizard.vocab import Allocation

# The labels of the totals, shared with the business case's exposure tables
PUBLIC_SIDE = "Public side"
PRIVATE_SIDE = "Private side"
ALL_PRICED = "All priced risks"
EXPECTED_COST = "Expected cost"
SOURCES = (Allocation.PUBLIC, Allocation.SHARED, Allocation.PRIVATE)  # the columns, in order


@dataclass(frozen=True)
class BearerTotal:
    """One bearer's expected cost, by the allocation of the risks it comes from."""

    partner: str  # a partner id, NOBODY when no partner is named
    name: str  # the partner's name, or a side's label
    side: str  # "public", "private" or "mixed" (a partner on both sides), "" for a side's total
    by_source: tuple[float, float, float]  # from public, shared and private risks (SOURCES)

    @property
    def expected_gbp(self) -> float:
        return sum(self.by_source)


@dataclass(frozen=True)
class BearerTotals:
    bearers: tuple[BearerTotal, ...]  # partners in the project's order, then nobody named
    public: BearerTotal
    private: BearerTotal
    total: BearerTotal
    priced: int  # the number of priced risks summed


def bearer_totals(project: Project) -> BearerTotals:
    names = {p.id: p.name for p in project.partners}
    order = {p.id: i for i, p in enumerate(project.partners)}
    sums: dict[str, list[float]] = {}
    sides: dict[str, set[str]] = {}
    side_sums = {"public": [0.0, 0.0, 0.0], "private": [0.0, 0.0, 0.0]}
    count = 0
    for r in project.risks:
        if not priced(r):
            continue
        count += 1
        cost = expected_cost(r)
        column = SOURCES.index(r.allocation)
        for side, holder, fraction in holders(project, r):
            sums.setdefault(holder, [0.0, 0.0, 0.0])[column] += cost * fraction
            sides.setdefault(holder, set()).add(side)
            side_sums[side][column] += cost * fraction
    ranked = sorted(sums, key=lambda h: order.get(h, len(order)))
    bearers = tuple(
        BearerTotal(h, names.get(h, NOBODY_NAMED),
                    "mixed" if len(sides[h]) > 1 else next(iter(sides[h])), tuple(sums[h]))
        for h in ranked)
    public = BearerTotal(NOBODY, PUBLIC_SIDE, "", tuple(side_sums["public"]))
    private = BearerTotal(NOBODY, PRIVATE_SIDE, "", tuple(side_sums["private"]))
    total = BearerTotal(NOBODY, ALL_PRICED, "",
                        tuple(a + b for a, b in zip(public.by_source, private.by_source)))
    return BearerTotals(bearers, public, private, total, count)


def withheld_count(project: Project) -> int:
    """The risks whose probability and cost range the public edition withholds."""
    return sum(1 for r in project.risks if r.sensitive)

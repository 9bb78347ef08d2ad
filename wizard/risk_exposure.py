"""Quantified risk: the expected cost of each priced risk, its split between the public and
private sides and the partners, and a seeded Monte Carlo simulation of the exposure.

A risk is *priced* when it has a probability above 0 and a maximum cost above 0. If it happens,
its cost follows a triangular distribution (minimum, most likely, maximum), so its expected cost
is probability x (min + likely + max) / 3. The public side carries all of a public risk, none
of a private one and its public share of a shared one. Within a side, the cost goes to the owner
when the owner is on that side; the public part of a risk owned by a private partner goes to the
first public partner, and the private part of a risk owned by a public body to its private
bearer, else to nobody named (the rule of the register and the partner-load graph).

Contingent public support is a contingent liability: it is drawn when a supported risk happens,
up to its cap (draw = min(cost, cap)).

The simulation is vectorised with numpy: occurrences and costs for a block of iterations at once,
the sides and partners by one matrix product. Same seed, same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wizard.model import Project, Risk
from wizard import risk as riskmod
from wizard.risk import public_fraction

DEFAULT_ITERATIONS = 10_000
DEFAULT_SEED = 20_250_224
PERCENTILES = (50, 80, 90)
BLOCK_CELLS = 2_000_000  # iterations x risks simulated at once (about 16 MB a block)
NOBODY = ""  # the holder id of risk no partner is named for
NOBODY_NAMED = "No partner named"  # how a table names that holder


def priced(risk: Risk) -> bool:
    return risk.probability_pct > 0 and risk.cost_max_gbp > 0


def expected_cost(risk: Risk) -> float:
    """probability x (min + likely + max) / 3, in pounds."""
    return risk.probability_pct / 100 * (
        risk.cost_min_gbp + risk.cost_likely_gbp + risk.cost_max_gbp) / 3


def holders(project: Project, risk: Risk) -> list[tuple[str, str, float]]:
    """Who carries the risk: (side, partner id or NOBODY, fraction), fractions summing to 1.

    The split of ``wizard.risk.holders`` (the register's and the partner-load graph's), so the
    private part of a risk a public body owns goes to its private bearer, when one is named."""
    pub = public_fraction(risk)
    sides = (["public"] if pub > 0 else []) + (["private"] if pub < 1 else [])
    whole = riskmod.score(risk)
    return [(side, holder or NOBODY, part / whole)
            for side, (holder, part) in zip(sides, riskmod.holders(project, risk))]


@dataclass(frozen=True)
class RiskCost:
    id: str
    expected_gbp: float
    public_gbp: float
    private_gbp: float


@dataclass(frozen=True)
class Distribution:
    expected_gbp: float  # the analytic expectation
    mean_gbp: float  # the simulation's mean
    p50_gbp: float
    p80_gbp: float
    p90_gbp: float

    def to_dict(self) -> dict:
        return {
            "expected_gbp": round(self.expected_gbp), "mean_gbp": round(self.mean_gbp),
            "p50_gbp": round(self.p50_gbp), "p80_gbp": round(self.p80_gbp),
            "p90_gbp": round(self.p90_gbp),
        }


@dataclass(frozen=True)
class PartnerExposure:
    partner: str  # partner id, NOBODY for risk no partner is named for
    name: str
    side: str  # "public", "private" or "mixed"
    distribution: Distribution

    def to_dict(self) -> dict:
        return {"partner": self.partner or None, "name": self.name, "side": self.side,
                **self.distribution.to_dict()}


@dataclass(frozen=True)
class Support:
    risks: int  # priced risks with contingent public support
    cap_gbp: int  # the sum of their caps
    chance_drawn: float  # probability that at least one is drawn, 0..1
    expected_draw_gbp: float

    def to_dict(self) -> dict:
        return {"risks": self.risks, "cap_gbp": self.cap_gbp,
                "chance_drawn": round(self.chance_drawn, 4),
                "expected_draw_gbp": round(self.expected_draw_gbp)}


@dataclass(frozen=True)
class Exposure:
    iterations: int
    seed: int
    priced: int  # risks priced
    unpriced: tuple[str, ...]  # ids of risks not priced
    costs: tuple[RiskCost, ...]
    total: Distribution
    public: Distribution
    private: Distribution
    by_partner: tuple[PartnerExposure, ...]
    support: Support
    curve: dict[str, tuple[float, ...]]  # side -> exposure at 0%, 1%, ..., 100%

    def to_dict(self) -> dict:
        return {
            "iterations": self.iterations, "seed": self.seed, "priced_risks": self.priced,
            "unpriced_risks": list(self.unpriced),
            "total": self.total.to_dict(), "public": self.public.to_dict(),
            "private": self.private.to_dict(),
            "by_partner": [p.to_dict() for p in self.by_partner],
            "contingent_support": self.support.to_dict(),
        }


def risk_costs(project: Project) -> tuple[RiskCost, ...]:
    """The expected cost of every priced risk and its public and private parts."""
    out = []
    for r in project.risks:
        if priced(r):
            e = expected_cost(r)
            pub = public_fraction(r)
            out.append(RiskCost(r.id, e, e * pub, e * (1 - pub)))
    return tuple(out)


def triangular_sample(rng: np.random.Generator, low: np.ndarray, mode: np.ndarray,
                      high: np.ndarray, rows: int) -> np.ndarray:
    """``rows`` draws of each column's triangular distribution (a column with low == high is
    that constant: numpy's sampler refuses it)."""
    spread = high > low
    if spread.all():
        return rng.triangular(low, mode, high, size=(rows, low.size))
    out = np.empty((rows, low.size))
    out[:, ~spread] = low[~spread]
    if spread.any():
        out[:, spread] = rng.triangular(low[spread], mode[spread], high[spread],
                                        size=(rows, int(spread.sum())))
    return out


def _distribution(samples: np.ndarray, expected: float) -> Distribution:
    p50, p80, p90 = np.percentile(samples, PERCENTILES)
    return Distribution(expected, float(samples.mean()), float(p50), float(p80), float(p90))


def simulate(project: Project, iterations: int = DEFAULT_ITERATIONS,
             seed: int = DEFAULT_SEED) -> Exposure:
    """The Monte Carlo simulation of the priced risks' cost, split by side and partner."""
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    risks = [r for r in project.risks if priced(r)]
    n = len(risks)
    names = {p.id: p.name for p in project.partners}
    holder_ids: list[str] = []
    sides: dict[str, set[str]] = {}
    for r in risks:
        for side, holder, _f in holders(project, r):
            if holder not in sides:
                holder_ids.append(holder)
                sides[holder] = set()
            sides[holder].add(side)
    column = {h: i for i, h in enumerate(holder_ids)}
    # weights: column 0 public, 1 private, then one per holder
    weights = np.zeros((n, 2 + len(holder_ids)))
    for i, r in enumerate(risks):
        for side, holder, fraction in holders(project, r):
            weights[i, 0 if side == "public" else 1] += fraction
            weights[i, 2 + column[holder]] += fraction
    prob = np.array([r.probability_pct / 100 for r in risks])
    low = np.array([r.cost_min_gbp for r in risks], dtype=float)
    mode = np.array([r.cost_likely_gbp for r in risks], dtype=float)
    high = np.array([r.cost_max_gbp for r in risks], dtype=float)
    supported = np.array([r.contingent_support is not None for r in risks], dtype=bool)
    caps = np.array([r.contingent_support.cap_gbp if r.contingent_support else 0
                     for r in risks], dtype=float)[supported]

    rng = np.random.default_rng(seed)
    sums = np.zeros((iterations, weights.shape[1]))
    draws = np.zeros(iterations)
    drawn = np.zeros(iterations, dtype=bool)
    block = max(1, BLOCK_CELLS // max(n, 1))
    if n:
        for start in range(0, iterations, block):
            rows = min(block, iterations - start)
            happens = rng.random((rows, n)) < prob
            cost = triangular_sample(rng, low, mode, high, rows)
            cost *= happens
            sums[start:start + rows] = cost @ weights
            if supported.any():
                draws[start:start + rows] = np.minimum(cost[:, supported], caps).sum(axis=1)
                drawn[start:start + rows] = happens[:, supported].any(axis=1)
    public, private = sums[:, 0], sums[:, 1]
    total = public + private
    costs = risk_costs(project)
    e_pub = sum(c.public_gbp for c in costs)
    e_priv = sum(c.private_gbp for c in costs)
    expected_by_holder = weights[:, 2:].T @ np.array([c.expected_gbp for c in costs]) if n else []
    partners = tuple(
        PartnerExposure(
            h, names.get(h, NOBODY_NAMED),
            "mixed" if len(sides[h]) > 1 else next(iter(sides[h])),
            _distribution(sums[:, 2 + column[h]], float(expected_by_holder[column[h]])),
        )
        for h in holder_ids
    )
    grid = np.linspace(0, 100, 101)
    curve = {name: tuple(float(v) for v in np.percentile(values, grid))
             for name, values in (("total", total), ("public", public), ("private", private))}
    support = Support(
        risks=int(supported.sum()), cap_gbp=int(caps.sum()),
        chance_drawn=float(drawn.mean()), expected_draw_gbp=float(draws.mean()),
    )
    return Exposure(
        iterations=iterations, seed=seed, priced=n,
        unpriced=tuple(r.id for r in project.risks if not priced(r)), costs=costs,
        total=_distribution(total, e_pub + e_priv), public=_distribution(public, e_pub),
        private=_distribution(private, e_priv), by_partner=partners, support=support,
        curve=curve,
    )


_CACHE: dict[tuple, Exposure] = {}
CACHE_SIZE = 8


def _simulation_key(project: Project) -> tuple:
    """Everything the simulation depends on: the priced risks' numbers and who holds them."""
    partners = tuple((p.id, p.kind.value, p.name) for p in project.partners)
    risks = tuple(
        (r.id, r.probability_pct, r.cost_min_gbp, r.cost_likely_gbp, r.cost_max_gbp,
         r.allocation.value, r.public_share, r.owner, r.private_bearer,
         r.contingent_support.cap_gbp if r.contingent_support else None)
        for r in project.risks
    )
    return partners, risks


def cached_simulation(project: Project) -> Exposure:
    """``simulate(project)`` with the default iterations and seed, remembered for the last few
    registers (the checks and the screen ask again after edits that change no risk money)."""
    key = _simulation_key(project)
    found = _CACHE.get(key)
    if found is None:
        found = simulate(project)
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = found
    return found

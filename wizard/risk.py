"""Risk analysis on the 5×5 matrix: scores, bands, allocation balance, concentration.

Pure functions, project in, result out. Score = likelihood × impact (1..25).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from wizard.model import Project, Risk
from wizard.thresholds import HIGH_RISK, MEDIUM_RISK, VERY_HIGH_RISK
from wizard.vocab import Allocation, PartnerKind

# Bands of the score, lowest first: (name, lowest score in band)
BANDS: list[tuple[str, int]] = [
    ("low", 1), ("medium", MEDIUM_RISK), ("high", HIGH_RISK), ("very high", VERY_HIGH_RISK)]

def score(risk: Risk) -> int:
    return risk.likelihood * risk.impact


def band_of(value: int) -> str:
    name = BANDS[0][0]
    for band, lowest in BANDS:
        if value >= lowest:
            name = band
    return name


def band(risk: Risk) -> str:
    return band_of(score(risk))


def public_fraction(risk: Risk) -> float:
    """The fraction of the risk the public side carries."""
    if risk.allocation is Allocation.PUBLIC:
        return 1.0
    if risk.allocation is Allocation.PRIVATE:
        return 0.0
    return risk.public_share / 100


@dataclass(frozen=True)
class Balance:
    """Share of the total risk score held on each side (fractions summing to 1, or all 0)."""

    public: float
    private: float
    shared: float
    total_score: int


def allocation_balance(project: Project) -> Balance:
    totals = {a: 0 for a in Allocation}
    for r in project.risks:
        totals[r.allocation] += score(r)
    total = sum(totals.values())
    if total == 0:
        return Balance(0.0, 0.0, 0.0, 0)
    return Balance(
        totals[Allocation.PUBLIC] / total,
        totals[Allocation.PRIVATE] / total,
        totals[Allocation.SHARED] / total,
        total,
    )


def concentration(project: Project) -> dict[str, float]:
    """Risk score carried by each partner (by owner); shared risks are split by their share.

    A shared risk's public part goes to its owner if the owner is a public body, else to
    the first public partner; its private part goes to its owner if private or voluntary,
    else to its private bearer (``holders``). Scores without a partner to carry them are under
    the key "" (unowned). The values add up to the register's total score.
    """
    return _carried(project, project.risks)


def concentration_by_phase(project: Project) -> dict[str, dict[str, float]]:
    """For each phase id, the risk score each partner carries in it (as ``concentration``).

    A risk that names no phase counts in every phase.
    """
    result: dict[str, dict[str, float]] = {}
    for phase in project.phases:
        risks = [r for r in project.risks if not r.phases or phase.id in r.phases]
        result[phase.id] = _carried(project, risks)
    return result


def _carried(project: Project, risks: list[Risk]) -> dict[str, float]:
    carried: dict[str, float] = defaultdict(float)
    parts_of = holder_rule(project)
    for r in risks:
        for holder, value in parts_of(r):
            carried[holder] += value
    return dict(carried)


def holders(project: Project, r: Risk) -> list[tuple[str, float]]:
    """Who carries how much of one risk's score: (partner id or "" for nobody, score part).

    The public part goes to the owner if a public body, else to the first public partner. The
    private part goes to the owner if a provider, else to the risk's private bearer (the
    provider named to carry the private share of a risk a public body owns), else to nobody.
    The parts add up to the risk's score.
    """
    return holder_rule(project)(r)


def holder_rule(project: Project) -> Callable[[Risk], list[tuple[str, float]]]:
    """``holders`` for many risks of one project: the partners are read once, not per risk."""
    kinds = {p.id: p.kind for p in project.partners}
    first_public = next((p.id for p in project.partners if p.kind is PartnerKind.PUBLIC), "")

    def bearer_of(r: Risk) -> str:
        bearer = r.private_bearer or ""
        return bearer if kinds.get(bearer) not in (None, PartnerKind.PUBLIC) else ""

    def parts_of(r: Risk) -> list[tuple[str, float]]:
        # written out (no helper calls): a large register's graphs split every risk per refresh
        s = r.likelihood * r.impact  # score(r)
        allocation = r.allocation  # public_fraction(r)
        pub = (1.0 if allocation is Allocation.PUBLIC else 0.0
               if allocation is Allocation.PRIVATE else r.public_share / 100)
        owner = r.owner or ""
        if kinds.get(owner) is PartnerKind.PUBLIC:
            public_holder = owner
            private_holder = bearer_of(r) if pub < 1 else ""
        else:
            public_holder = first_public
            private_holder = owner or (bearer_of(r) if pub < 1 else "")
        if pub == 1:
            return [(public_holder, s * pub)]
        if not pub:
            return [(private_holder, s * (1 - pub))]
        return [(public_holder, s * pub), (private_holder, s * (1 - pub))]

    return parts_of


def low_probability_high_impact(project: Project) -> list[Risk]:
    """Risks that are rare or unlikely (1–2) but major or severe (4–5): candidates for
    contingent public support rather than full transfer."""
    return [r for r in project.risks if r.likelihood <= 2 and r.impact >= 4]


def top_risks(project: Project, n: int = 5) -> list[Risk]:
    """The n highest-scoring risks, ties kept in register order."""
    return sorted(project.risks, key=lambda r: -score(r))[:n]

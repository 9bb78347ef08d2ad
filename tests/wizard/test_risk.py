"""Risk analysis on the 5×5 matrix: scores, bands, balance, concentration, rare severe risks."""

from __future__ import annotations

import pytest

from wizard.model import Partner, Phase, Project, Risk
from wizard.risk import (
    allocation_balance,
    band,
    band_of,
    concentration,
    concentration_by_phase,
    low_probability_high_impact,
    public_fraction,
    score,
    top_risks,
)

PARTNERS = [
    Partner(id="council", name="Council", kind="public"),
    Partner(id="nhs", name="Health board", kind="public"),
    Partner(id="firm", name="Firm", kind="private"),
    Partner(id="trust", name="Trust", kind="voluntary"),
]


def risk(rid, likelihood=3, impact=3, allocation="shared", share=50, owner=None, phases=()):
    return Risk(id=rid, title=f"Risk {rid}", likelihood=likelihood, impact=impact,
                allocation=allocation, public_share=share, owner=owner, phases=list(phases))


@pytest.mark.parametrize("value, name", [
    (1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (14, "high"),
    (15, "very high"), (25, "very high"),
])
def test_band_boundaries(value, name):
    assert band_of(value) == name


def test_score_and_band_of_a_risk():
    r = risk("R1", likelihood=4, impact=5)
    assert score(r) == 20 and band(r) == "very high"
    assert band(risk("R2", 1, 1)) == "low"


def test_public_fraction():
    assert public_fraction(risk("a", allocation="public")) == 1.0
    assert public_fraction(risk("b", allocation="private")) == 0.0
    assert public_fraction(risk("c", share=30)) == 0.3


def test_allocation_balance_sums_to_one():
    project = Project(partners=PARTNERS, risks=[
        risk("R1", 4, 5, "public"), risk("R2", 2, 5, "private"), risk("R3", 3, 5, "shared"),
    ])
    b = allocation_balance(project)
    assert b.total_score == 45
    assert (b.public, b.private, b.shared) == pytest.approx((20 / 45, 10 / 45, 15 / 45))
    assert b.public + b.private + b.shared == pytest.approx(1)
    empty = allocation_balance(Project())
    assert (empty.public, empty.private, empty.shared, empty.total_score) == (0, 0, 0, 0)


def test_concentration_splits_shared_risks_between_owner_and_first_public_body():
    project = Project(partners=PARTNERS, risks=[
        risk("R1", 4, 5, "shared", 30, owner="firm"),  # 20: 6 to council (first public), 14 firm
        risk("R2", 2, 5, "shared", 60, owner="nhs"),  # 10: 6 to nhs, 4 unowned private part
        risk("R3", 3, 3, "private", owner="trust"),  # 9 to trust
        risk("R4", 1, 4, "public", owner="firm"),  # 4 to council: public risks stay public
        risk("R5", 2, 2, "private"),  # 4 unowned
    ])
    carried = concentration(project)
    assert carried == pytest.approx({"council": 10, "firm": 14, "nhs": 6, "": 8, "trust": 9})
    assert sum(carried.values()) == pytest.approx(sum(score(r) for r in project.risks))


def test_concentration_by_phase_counts_risks_without_phases_everywhere():
    project = Project(
        partners=PARTNERS,
        phases=[Phase(id="P1", name="Build"), Phase(id="P2", name="Operate")],
        risks=[
            risk("R1", 4, 4, "private", owner="firm", phases=["P1"]),
            risk("R2", 2, 3, "shared", 50, owner="trust"),
        ],
    )
    by_phase = concentration_by_phase(project)
    assert by_phase["P1"] == pytest.approx({"firm": 16, "council": 3, "trust": 3})
    assert by_phase["P2"] == pytest.approx({"council": 3, "trust": 3})


def test_low_probability_high_impact():
    project = Project(risks=[
        risk("R1", 1, 5), risk("R2", 2, 4), risk("R3", 3, 5), risk("R4", 2, 3), risk("R5", 1, 1),
    ])
    assert [r.id for r in low_probability_high_impact(project)] == ["R1", "R2"]


def test_top_risks_keep_register_order_on_ties():
    project = Project(risks=[
        risk("R1", 2, 2), risk("R2", 4, 5), risk("R3", 5, 4), risk("R4", 3, 3), risk("R5", 1, 1),
    ])
    assert [r.id for r in top_risks(project, 3)] == ["R2", "R3", "R4"]
    assert [r.id for r in top_risks(project)] == ["R2", "R3", "R4", "R1", "R5"]

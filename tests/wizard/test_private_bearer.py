"""The private share of a risk a public body owns goes to its private bearer, so the risk each
partner carries adds up to the register; risks tied to no phase get advice."""

from __future__ import annotations

import pytest

from wizard.checks import run_checks
from wizard.graphs.partner_load import carried, partner_load
from wizard.model import Partner, Phase, Project, Risk
from wizard.risk import concentration
from wizard.vocab import Allocation, PartnerKind


def _project(bearer: str | None = "P2") -> Project:
    return Project(
        partners=[Partner(id="P1", name="Marshfield Council", kind=PartnerKind.PUBLIC),
                  Partner(id="P2", name="Home Care Ltd")],
        phases=[Phase(id="PH1", name="Mobilisation"), Phase(id="PH2", name="Operation",
                                                            start_month=6)],
        risks=[
            # 4 x 5 = 20, 25% public: council 5, the bearer 15
            Risk(id="R1", title="Carers leave", likelihood=4, impact=5, public_share=25,
                 allocation=Allocation.SHARED, owner="P1", private_bearer=bearer,
                 phases=["PH2"]),
            # 3 x 3 = 9, private, owned by the provider
            Risk(id="R2", title="Rota system fails", allocation=Allocation.PRIVATE,
                 public_share=0, owner="P2", phases=["PH1"]),
            # 2 x 2 = 4, public, owned by the council
            Risk(id="R3", title="Budget cut", likelihood=2, impact=2,
                 allocation=Allocation.PUBLIC, public_share=100, owner="P1"),
        ],
    )


def test_the_bearer_carries_the_private_share_and_the_totals_add_up():
    project = _project()
    total, _per_phase = carried(project)
    assert total == pytest.approx({"P1": 5 + 4, "P2": 15 + 9})
    assert sum(total.values()) == pytest.approx(20 + 9 + 4)
    assert concentration(project) == pytest.approx(total)


def test_without_a_bearer_the_share_is_nobodys_and_a_check_says_so():
    project = _project(bearer=None)
    total, _ = carried(project)
    assert total[""] == pytest.approx(15)
    assert sum(total.values()) == pytest.approx(33)
    found = [f for f in run_checks(project) if f.rule == "risk-private-bearer"]
    assert [f.item_id for f in found] == ["R1"]
    assert "75% of it is the private side's" in found[0].message
    assert not [f for f in run_checks(_project()) if f.rule == "risk-private-bearer"]


def test_a_provider_owning_a_shared_risk_needs_no_private_bearer():
    """A voluntary group owns a shared risk, 15% public, in a project with no public partner:
    it carries the private 85% itself; only the public part has nobody (no public body is
    named at all), which is not the private bearer's question."""
    project = Project(
        partners=[Partner(id="P1", name="Community Trust", kind=PartnerKind.VOLUNTARY)],
        risks=[Risk(id="R1", title="Volunteers leave", allocation=Allocation.SHARED,
                    public_share=15, owner="P1")],
    )
    total, _ = carried(project)
    assert total == pytest.approx({"P1": 9 * 0.85, "": 9 * 0.15})
    assert not [f for f in run_checks(project) if f.rule == "risk-private-bearer"]


def test_a_bearer_must_be_a_partner():
    with pytest.raises(ValueError, match=r"private bearer 'P9': no partner has that id"):
        Project.model_validate({**_project().model_dump(mode="json"),
                                "risks": [{"id": "R1", "title": "x", "private_bearer": "P9"}]})


def test_a_risk_tied_to_no_phase_gets_advice():
    found = [f for f in run_checks(_project()) if f.rule == "risk-no-phase"]
    assert [(f.item_id, f.severity) for f in found] == [("R3", "advice")]


def test_the_chart_text_names_the_register_total():
    scene = partner_load(_project())
    assert "Marshfield Council 9; Home Care Ltd 24; together 33, the register's total score of 33" \
        in scene.description


def test_a_public_owner_without_a_bearer_keeps_the_ownership_route_open_and_lowers_nothing():
    """Naming a public owner for a shared risk moves its open question from "who owns it?" to
    "who carries its private share?": both are about the risks-owned route, so no other route
    loses credit (found by the scorecard's property test)."""
    from wizard.scorecard import build_scorecard

    def project(owner):
        return Project(
            partners=[Partner(id="P1", name="Marshfield Council", kind=PartnerKind.PUBLIC),
                      Partner(id="P2", name="Home Care Ltd")],
            risks=[Risk(id="R1", title="Carers leave", allocation=Allocation.SHARED,
                        public_share=50, owner=owner, mitigation="Joint recruitment",
                        status="agreed")])

    before = build_scorecard(project(None)).principle("collaborative")
    after = build_scorecard(project("P1")).principle("collaborative")
    routes_before = {r.route: (r.credit, r.points) for r in before.routes}
    routes_after = {r.route: (r.credit, r.points) for r in after.routes}
    assert routes_before["risks-owned"] == routes_after["risks-owned"] == ("removed", 0)
    assert after.routes[0].findings == ("risk-private-bearer:R1",)
    assert routes_after["allocation-agreed"] == routes_before["allocation-agreed"] == ("full", 2)
    assert after.score == before.score

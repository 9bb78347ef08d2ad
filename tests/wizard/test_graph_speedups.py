"""What the faster graph code computes, worked by hand: hatch segments and who holds a risk."""

from __future__ import annotations

import pytest

from wizard.model import Partner, Project, Risk
from wizard.risk import holder_rule, holders
from wizard.scene import Rect, hatch_lines
from wizard.vocab import Allocation, PartnerKind


def test_hatching_of_a_twelve_by_six_box():
    # diagonals x + (6 - y) = c for c = 6, 12 (18 is past w + h), clipped to the box
    assert hatch_lines(Rect(0, 0, 12, 6, "#fff", "#000")) == [(0, 0, 6, 6), (6, 0, 12, 6)]
    # a tall box, bottom 30: c = 6 gives u in [0, 4], y = 30 - (6 - u); c = 12 gives u in [2, 4]
    assert hatch_lines(Rect(10, 20, 4, 10, "#fff", "#000")) == [(10, 24, 14, 28),
                                                                 (12, 20, 14, 22)]


def test_holder_rule_splits_each_risk_as_worked_by_hand():
    project = Project(
        partners=[Partner(id="P", name="Provider"),
                  Partner(id="C", name="Council", kind=PartnerKind.PUBLIC),
                  Partner(id="D", name="District", kind=PartnerKind.PUBLIC)],
        risks=[
            # private, owned by the provider: all 4 x 5 = 20 to P
            Risk(id="R1", title="a", likelihood=4, impact=5, allocation=Allocation.PRIVATE,
                 owner="P"),
            # shared 40% public, owned by the provider: 4 to the first public body (C), 6 to P
            Risk(id="R2", title="b", likelihood=2, impact=5, allocation=Allocation.SHARED,
                 public_share=40, owner="P"),
            # shared 50%, owned by D with P bearing the private part: 3 and 3
            Risk(id="R3", title="c", likelihood=3, impact=2, allocation=Allocation.SHARED,
                 public_share=50, owner="D", private_bearer="P"),
            # public, nobody named: all 1 x 3 = 3 to the first public body
            Risk(id="R4", title="d", likelihood=1, impact=3, allocation=Allocation.PUBLIC),
        ])
    rule = holder_rule(project)
    expected = [[("P", 20.0)], [("C", 4.0), ("P", 6.0)], [("D", 3.0), ("P", 3.0)], [("C", 3.0)]]
    got = [rule(r) for r in project.risks]
    assert [[who for who, _v in parts] for parts in got] == [[w for w, _v in e] for e in expected]
    assert [v for parts in got for _w, v in parts] == pytest.approx(
        [v for e in expected for _w, v in e])
    assert [holders(project, r) for r in project.risks] == [rule(r) for r in project.risks]


def test_the_schedule_is_built_again_when_a_phase_changes_and_callers_get_their_own_copy():
    from wizard.model import Phase
    from wizard.schedule import build_schedule

    project = Project(phases=[Phase(id="A", name="Build", duration_months=6),
                              Phase(id="B", name="Run", duration_months=12, depends_on=["A"])])
    first = build_schedule(project)
    assert (first.start, first.span_months) == ({"A": 0, "B": 6}, 18)
    first.order.append("X")
    first.start["B"] = 99
    again = build_schedule(project)
    assert again.order == ["A", "B"] and again.start == {"A": 0, "B": 6}
    project.phases[0].duration_months = 9  # B now starts after 9 months, ends at 21
    changed = build_schedule(project)
    assert (changed.start, changed.span_months) == ({"A": 0, "B": 9}, 21)
    project.phases[1].depends_on = []
    assert build_schedule(project).start == {"A": 0, "B": 0}
    project.phases[1].name = "Operate"
    project.phases[0].depends_on = ["B"]
    assert build_schedule(project).order == ["B", "A"]

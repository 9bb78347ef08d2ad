"""The partner load scene: the risk each partner carries, overall and per phase."""

import pytest

from wizard.catalog import example_names, load_example
from wizard.graphs import partner_load
from wizard.graphs.partner_load import carried
from wizard.graphs.sample import generated_project
from wizard.model import Partner, Phase, Project, Risk
from wizard.risk import concentration, concentration_by_phase
from wizard.scene import Rect, overlapping
from wizard.vocab import Allocation, PartnerKind


def same(a: dict, b: dict) -> bool:
    keys = {k for k, v in a.items() if v} | {k for k, v in b.items() if v}
    return all(a.get(k, 0) == pytest.approx(b.get(k, 0)) for k in keys)


@pytest.mark.parametrize("project", [load_example(n) for n in example_names()]
                         + [generated_project(30, 300)])
def test_carried_agrees_with_the_core_concentration(project):
    total, per_phase = carried(project)
    assert same(total, concentration(project))
    expected = concentration_by_phase(project)
    assert set(per_phase) == set(expected)
    for pid, row in per_phase.items():
        assert same(row, expected[pid])


def small() -> Project:
    return Project(
        partners=[Partner(id="C", name="Council", kind=PartnerKind.PUBLIC),
                  Partner(id="P", name="Provider")],
        phases=[Phase(id="A", name="Build"), Phase(id="B", name="Run", depends_on=["A"])],
        risks=[Risk(id="R1", title="x", likelihood=4, impact=5, allocation=Allocation.PRIVATE,
                    owner="P", phases=["A"]),
               Risk(id="R2", title="y", likelihood=2, impact=5, allocation=Allocation.SHARED,
                    public_share=40, owner="P")])


def test_bars_split_each_row_by_partner_in_proportion():
    scene = partner_load(small())
    whole = [s for s in scene.shapes if isinstance(s, Rect) and s.item is None and s.tooltip
             and s.tooltip.startswith("All risks")]
    # Council: 40% of 10 = 4; Provider: 20 + 6 = 26
    assert [s.tooltip for s in whole] == ["All risks: Council holds 4 of 30",
                                          "All risks: Provider holds 26 of 30"]
    assert whole[1].w / whole[0].w == pytest.approx(26 / 4)
    assert whole[0].pattern == "hatch" and whole[1].pattern is None  # public is hatched
    run = [s.tooltip for s in scene.shapes if isinstance(s, Rect) and s.item == ("phases", "B")]
    assert run == ["Run: Council holds 4 of 10", "Run: Provider holds 6 of 10"]
    texts = [t.text for t in scene.texts()]
    assert {"All risks", "Build", "Run", "30", "10", "Council (public)", "Provider"} <= set(texts)


@pytest.mark.parametrize("project", [load_example(n) for n in example_names()]
                         + [generated_project(200, 2000)])
def test_no_text_overlaps(project):
    assert overlapping(partner_load(project).texts()) == []


def test_no_risks_gives_a_message():
    assert "No risks yet" in partner_load(Project()).texts()[0].text

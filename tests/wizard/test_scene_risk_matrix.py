"""The risk matrix scene: every risk once, in its cell; no overlaps; allocation by shape."""

from collections import Counter

import pytest

from wizard.catalog import example_names, load_example
from wizard.graphs import risk_matrix
from wizard.graphs.sample import generated_project
from wizard.model import Project, Risk
from wizard.risk import band_of
from wizard.scene import DEFAULT, Ellipse, Polygon, Rect, Text, Theme, overlapping
from wizard.vocab import Allocation


def markers(scene):
    return [s for s in scene.shapes if isinstance(s, (Polygon, Ellipse)) and s.item
            and s.item[0] == "risks"]


def represented(scene) -> Counter:
    """How many times each risk is drawn as a marker or stood for by a '+N more' text."""
    count = Counter(m.item[1] for m in markers(scene))
    for text in scene.texts():
        count.update(i for kind, i in text.items if kind == "risks")
    return count


def cells(scene):
    """(likelihood, impact) -> cell box, from the 25 band-coloured cells."""
    boxes = [s for s in scene.shapes if isinstance(s, Rect) and s.item is None
             and s.stroke == DEFAULT.background and s.stroke_width == 2]
    assert len(boxes) == 25
    xs = sorted({b.x for b in boxes})
    ys = sorted({b.y for b in boxes})
    return {(5 - ys.index(b.y), xs.index(b.x) + 1): b for b in boxes}


def crowded_project() -> Project:
    risks = [Risk(id=f"R{i}", title=f"Crowded risk {i}", likelihood=4, impact=5,
                  allocation=list(Allocation)[i % 3]) for i in range(1, 31)]
    risks += [Risk(id="LONE", title="A lone risk", likelihood=1, impact=2,
                   allocation=Allocation.PUBLIC)]
    return Project(risks=risks)


@pytest.mark.parametrize("project", [crowded_project(), generated_project(20, 2000)],
                         ids=["30 in one cell", "2000 risks"])
def test_each_risk_appears_exactly_once_in_its_cell(project):
    scene = risk_matrix(project)
    assert represented(scene) == Counter({r.id: 1 for r in project.risks})
    boxes = cells(scene)
    by_id = {r.id: r for r in project.risks}
    for m in markers(scene):
        risk = by_id[m.item[1]]
        box = boxes[(risk.likelihood, risk.impact)]
        x, y, w, h = m.bbox()
        assert box.x <= x and x + w <= box.x + box.w and box.y <= y and y + h <= box.y + box.h
    for text in scene.texts():
        for _, rid in text.items:  # "+N more" sits in the cell of the risks it stands for
            risk = by_id[rid]
            box = boxes[(risk.likelihood, risk.impact)]
            x, y, w, h = text.bbox()
            assert box.x <= x and x + w <= box.x + box.w and box.y <= y and y + h <= box.y + box.h


def test_a_crowded_cell_collapses_to_more_and_nothing_overlaps():
    scene = risk_matrix(crowded_project())
    more = [t for t in scene.texts() if t.items]
    assert len(more) == 1 and more[0].text == f"+{len(more[0].items)} more"
    assert "R30" in more[0].tooltip
    assert overlapping(markers(scene)) == []
    assert overlapping(scene.texts()) == []


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("theme", [DEFAULT, Theme(font_scale=1.6)], ids=["default", "large"])
def test_no_two_markers_or_labels_overlap_in_the_examples(name, theme):
    project = load_example(name)
    scene = risk_matrix(project, theme)
    assert represented(scene) == Counter({r.id: 1 for r in project.risks})
    assert overlapping(markers(scene)) == []
    assert overlapping(scene.texts()) == []
    # a marker never covers a label either
    labels = [t for t in scene.texts() if t.item]
    assert [(a, b) for a, b in overlapping(markers(scene) + labels)
            if type(a) is not type(b) and isinstance(b, Text) != isinstance(a, Text)] == []


def test_allocation_is_told_by_shape_even_when_every_marker_has_one_colour():
    one_colour = Theme.from_palette(
        {"background": "#000000", "text": "#ffffff", "marker": "#000000"}, {}, 1.0)
    project = Project(risks=[Risk(id="PU", title="a", allocation=Allocation.PUBLIC),
                             Risk(id="PR", title="b", allocation=Allocation.PRIVATE),
                             Risk(id="SH", title="c", allocation=Allocation.SHARED)])
    scene = risk_matrix(project, one_colour)
    shape = {}
    for m in markers(scene):
        shape[m.item[1]] = (type(m).__name__, len(m.points) if isinstance(m, Polygon) else 0)
    assert {m.fill for m in markers(scene)} == {"#000000"}
    assert shape == {"PU": ("Polygon", 4), "PR": ("Ellipse", 0), "SH": ("Polygon", 3)}
    legend = [t.text for t in scene.texts()]
    assert {"Public (square)", "Private (circle)", "Shared (triangle)"} <= set(legend)


def test_cells_are_coloured_by_band_and_carry_their_score():
    scene = risk_matrix(Project())
    for (likelihood, impact), box in cells(scene).items():
        assert box.fill == DEFAULT.band_colour(band_of(likelihood * impact))
    scores = [t.text for t in scene.texts() if t.text.isdigit() and len(t.text) <= 2]
    assert {"25", "20", "1"} <= set(scores)
    assert "No risks yet" in [t.text for t in scene.texts()]


def test_tooltip_gives_title_score_and_allocation():
    project = Project(risks=[Risk(id="R1", title="Pool plant failure", likelihood=2, impact=5,
                                  allocation=Allocation.SHARED, public_share=30)])
    tip = markers(risk_matrix(project))[0].tooltip
    assert "Pool plant failure" in tip and "= 10, high" in tip and "shared (30% public)" in tip


def test_a_selected_risk_is_never_folded_into_more():
    project = crowded_project()
    scene = risk_matrix(project, highlight={"R30"})
    assert "R30" in {m.item[1] for m in markers(scene)}
    frame = [s for s in scene.shapes if isinstance(s, Rect) and s.stroke == DEFAULT.highlight]
    assert [f.item for f in frame] == [("risks", "R30")]
    assert represented(scene) == Counter({r.id: 1 for r in project.risks})


def test_vote_spread_draws_a_dashed_range_over_the_cells():
    project = Project(risks=[Risk(id="R1", title="a", likelihood=3, impact=3)])
    scene = risk_matrix(project, spread={"R1": (2, 4, 3, 5)})
    boxes = cells(scene)
    ranges = [s for s in scene.shapes
              if isinstance(s, Rect) and s.dash and s.item == ("risks", "R1")]
    assert len(ranges) == 1
    r = ranges[0]
    assert boxes[(4, 3)].x < r.x < boxes[(4, 3)].x + 10  # from impact 3 ...
    assert r.x + r.w == pytest.approx(boxes[(4, 5)].x + boxes[(4, 5)].w - 3)  # ... to impact 5
    assert boxes[(4, 3)].y < r.y and r.y + r.h < boxes[(2, 3)].y + boxes[(2, 3)].h
    assert "Range of workshop votes" in [t.text for t in scene.texts()]

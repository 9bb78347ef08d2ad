"""The contract map's break-clause labels: each where it can be read, none over another label or
a bar, and a label away from its diamond joined to it by its own leader line (two leaders never
share a path, as BC2 and BC3 of the leisure example's Operation lane once did)."""

from __future__ import annotations

import pytest

from wizard.catalog import example_names, load_example
from wizard.graphs import phase_map
from wizard.model import BreakClause, Partner, Phase, Project
from wizard.scene import DEFAULT, Line, Polygon, Rect, Text, Theme
from wizard.vocab import BreakTrigger, PhaseKind


def _overlap(a, b, gap: float = 0.0) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw - gap and bx < ax + aw - gap and ay < by + bh - gap and by < ay + ah - gap


def _crowded() -> Project:
    """Eight clauses on one long operation phase, two of them at the same month."""
    months = (6, 9, 12, 15, 18, 24, 24, 30)
    return Project(
        partners=[Partner(id="P1", name="Operator Ltd")],
        phases=[Phase(id="OP", name="Operation", kind=PhaseKind.OPERATION, duration_months=120,
                      provider="P1")],
        break_clauses=[BreakClause(id=f"BC{10 + i}", trigger=BreakTrigger.DEMAND_CHANGE,
                                   phases=["OP"], earliest_month=m) for i, m in enumerate(months)])


CASES = [*example_names(), "crowded"]


def _scene(name: str, theme: Theme):
    project = _crowded() if name == "crowded" else load_example(name)
    return project, phase_map(project, theme)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("theme", [DEFAULT, Theme(font_scale=1.6)], ids=["default", "large"])
def test_no_clause_label_overlaps_a_label_or_a_bar(name, theme):
    project, scene = _scene(name, theme)
    ids = {c.id for c in project.break_clauses}
    labels = [t for t in scene.texts() if t.text in ids and t.item and t.item[0] == "break_clauses"]
    assert len(labels) >= len(project.break_clauses)
    bars = [s for s in scene.shapes if isinstance(s, Rect) and s.item and s.item[0] == "phases"
            and s.fill != "none" and s.stroke_width >= 1]
    others = [t for t in scene.texts() if t not in labels]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not _overlap(a.bbox(), b.bbox()), f"{a.text} over {b.text}"
        for bar in bars:
            assert not _overlap(a.bbox(), bar.bbox()), f"{a.text} over the bar of {bar.item[1]}"
        for text in others:  # provider names, lane names, axis labels
            assert not _overlap(a.bbox(), text.bbox(), 0.5), f"{a.text} over '{text.text}'"
        assert a.left() >= 0 and a.left() + a.width <= scene.width


@pytest.mark.parametrize("name", CASES)
def test_each_label_away_from_its_diamond_has_its_own_leader(name):
    project, scene = _scene(name, DEFAULT)
    diamonds = [s for s in scene.shapes if isinstance(s, Polygon) and s.item and s.item[0] == "break_clauses"]
    leaders = [s for s in scene.shapes if isinstance(s, Line) and s.item and s.item[0] == "break_clauses"]
    labels = [t for t in scene.texts() if t.item and t.item[0] == "break_clauses"]
    for i, a in enumerate(leaders):  # no two leaders cross or share a path
        for b in leaders[i + 1:]:
            if a.item != b.item:
                assert not _cross(a, b), f"the leaders of {a.item[1]} and {b.item[1]} meet"
    for text in labels:
        tx, ty, tw, th = text.bbox()
        diamond = min((d for d in diamonds if d.item == text.item),  # its own: the nearest
                      key=lambda d: abs(d.bbox()[0] - tx) + abs(d.bbox()[1] - ty))
        dx, dy, dw, dh = diamond.bbox()
        beside = abs((dy + dh / 2) - (ty + th / 2)) < 0.3 * text.size and min(abs(tx - (dx + dw)), abs(dx - (tx + tw))) < 12
        if beside:
            continue
        mine = [line for line in leaders if line.item == text.item]
        starts = [line for line in mine if abs(line.x1 - (dx + dw / 2)) < 0.2 and abs(line.y1 - (dy + dh)) < 0.5]
        if not starts:  # a second clause at the same month: beside the label that has the leader
            same = [t for t in labels if t is not text and abs(t.y - text.y) < 0.5
                    and abs(t.left() + t.width - tx) < 8]
            assert same, f"{text.text} has no leader and is beside no label"
            continue
        ends = [line for line in mine if tx - 3 <= line.x2 <= tx + tw + 3 and ty - 5 <= line.y2 <= ty + 1]
        assert ends, f"{text.text}'s leader does not reach it"


def _cross(a: Line, b: Line) -> bool:
    """Whether two segments meet (touching counts)."""
    def side(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-6 else (1 if v > 0 else -1)

    def on(p, q, r):
        return min(p[0], q[0]) - 1e-6 <= r[0] <= max(p[0], q[0]) + 1e-6 and \
            min(p[1], q[1]) - 1e-6 <= r[1] <= max(p[1], q[1]) + 1e-6

    p1, p2, q1, q2 = (a.x1, a.y1), (a.x2, a.y2), (b.x1, b.y1), (b.x2, b.y2)
    d1, d2, d3, d4 = side(q1, q2, p1), side(q1, q2, p2), side(p1, p2, q1), side(p1, p2, q2)
    if d1 != d2 and d3 != d4 and 0 not in (d1, d2, d3, d4):
        return True
    return any(d == 0 and on(*seg, pt) for d, seg, pt in
               ((d1, (q1, q2), p1), (d2, (q1, q2), p2), (d3, (p1, p2), q1), (d4, (p1, p2), q2)))


def test_the_leisure_operation_lane_has_its_labels_under_their_diamonds():
    project = load_example("leisure")
    scene = phase_map(project)
    operation = next(p for p in project.phases if p.kind is PhaseKind.OPERATION)
    on_lane = sorted(c.id for c in project.break_clauses if operation.id in c.phases)
    bar = next(s for s in scene.shapes if isinstance(s, Rect) and s.item == ("phases", operation.id)
               and s.stroke_width >= 1 and s.fill != "none")
    under = [t for t in scene.texts() if t.text in on_lane and t.y > bar.y + bar.h]
    assert len(under) >= 2  # the clauses inside the bar's span: labelled under it
    for t in under:
        diamond = next(s for s in scene.shapes if isinstance(s, Polygon) and s.item == t.item
                       and bar.y <= s.bbox()[1] <= bar.y + bar.h)
        dx, _, dw, _ = diamond.bbox()
        assert t.left() <= dx + dw / 2 <= t.left() + t.width  # straight under its diamond

"""The contract map's labels: break-clause labels never over a bar, providers named on their
bars (not told apart by colour alone), lane names never cut while two lines can hold them."""

from __future__ import annotations

import pytest

from wizard.catalog import example_names, load_example
from wizard.graphs import phase_map
from wizard.scene import Rect, Theme, DEFAULT


def _bars(scene):
    return {s.item[1]: s for s in scene.shapes if isinstance(s, Rect) and s.item and s.item[0] == "phases"
            and s.stroke_width >= 1 and s.h > 10 and s.fill not in ("none",)}


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("theme", [DEFAULT, Theme(font_scale=1.6), Theme(font_scale=1.6, text_scale=1.6)],
                         ids=["default", "large", "workshop type"])
def test_break_clause_labels_are_never_over_a_bar(name, theme):
    project = load_example(name)
    scene = phase_map(project, theme)
    bars = list(_bars(scene).values())
    ids = {c.id for c in project.break_clauses}
    labels = [t for t in scene.texts() if t.text in ids]
    assert len(labels) >= len(project.break_clauses)
    for label in labels:
        x, y, w, h = label.bbox()
        for bar in bars:
            overlaps = x < bar.x + bar.w and bar.x < x + w and y < bar.y + bar.h and bar.y < y + h
            assert not overlaps, f"{label.text} over the bar of {bar.item[1]}"


@pytest.mark.parametrize("name", example_names())
def test_each_bar_names_its_provider(name):
    project = load_example(name)
    scene = phase_map(project)
    partners = {p.id: p.name for p in project.partners}
    for phase in project.phases:
        if not phase.provider:
            continue
        tags = [t for t in scene.texts() if t.item == ("phases", phase.id) and t.tooltip.startswith("Provider: ")]
        assert len(tags) == 1, phase.id
        full = partners[phase.provider]
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        text = tags[0].text
        assert text == initials or full.startswith(text.rstrip("…"))
        bar = _bars(scene)[phase.id]
        x, y, w, h = tags[0].bbox()
        assert bar.y <= y + h / 2 <= bar.y + bar.h  # on its bar's lane: on the bar or beside it


def test_long_lane_names_wrap_instead_of_being_cut():
    project = load_example("regeneration")
    scene = phase_map(project)
    lane_texts = [t.text for t in scene.texts() if t.item and t.item[0] == "phases" and not t.tooltip.startswith("Provider")]
    for phase in project.phases:
        mine = [t.text for t in scene.texts() if t.item == ("phases", phase.id) and t.tooltip == phase.name]
        assert " ".join(mine) == phase.name, mine
    assert not any("…" in t for t in lane_texts)

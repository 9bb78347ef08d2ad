"""The money graphs (options' NPSV, cost profile, risk exposure curve, affordability): what
they show, and that the Qt and reportlab painters draw them alike (the checks of
tests/test_painters_agree.py run on these builders too)."""

from __future__ import annotations

import shutil

import pytest

from tests import test_painters_agree as agree
from wizard.catalog import load_example
from wizard.graphs.affordability_bars import affordability_bars
from wizard.formatting import axis_money as short_gbp
from wizard.graphs.chart import nice_ticks
from wizard.graphs.cost_profile import cost_profile
from wizard.graphs.exposure_curve import exposure_curve
from wizard.graphs.options_npsv import options_npsv
from wizard.model import Project
from wizard.risk_exposure import cached_simulation
from wizard.scene import Text, overlapping
from wizard.sharing_model import Sharing

BUILDERS = (options_npsv, cost_profile, exposure_curve, affordability_bars)
CASES = [(name, b) for name in ("leisure", "regeneration") for b in BUILDERS]
IDS = [f"{n}-{b.__name__}" for n, b in CASES]


@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_reportlab_draws_the_money_graphs_call_for_call(name, builder):
    agree.test_reportlab_draws_one_primitive_per_scene_call(name, builder)


@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_qt_and_reportlab_place_the_money_graphs_texts_alike(name, builder, qapp):
    agree.test_qt_and_reportlab_put_the_same_texts_in_the_same_places(name, builder, qapp)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("builder", (options_npsv, affordability_bars),
                         ids=lambda b: b.__name__)  # the graphs with large filled boxes
@pytest.mark.parametrize("name", ("leisure",))
def test_money_graphs_pixels_agree(name, builder, tmp_path, qapp):
    agree.test_screen_and_pdf_pixels_agree(name, builder, tmp_path, qapp)


@pytest.mark.parametrize(("name", "builder"), CASES, ids=IDS)
def test_no_text_overlaps_another(name, builder):
    scene = builder(load_example(name))
    assert overlapping([s for s in scene.shapes if isinstance(s, Text)]) == []


def test_ticks_and_labels():
    assert nice_ticks(-33_400_000, 0, 5)[0] <= -33_400_000
    assert 0 in nice_ticks(-5, 12)
    assert [short_gbp(v) for v in (0, 800_000, 12_500_000, -3_000_000, 1_200_000_000)] == [
        "£0", "£800k", "£12.5m", "−£3m", "£1.2bn"]


def test_npsv_bars_name_each_option_with_its_npsv_and_mark_the_preferred():
    project = load_example("regeneration")
    project.sharing = Sharing()  # the figures below are before the joint venture's public return
    scene = options_npsv(project)
    texts = [t.text for t in scene.texts()]
    assert "NPSV £139.7m" in texts and "Preferred · BCR 2.73" in texts
    assert "Baseline · BCR 0.08" in texts
    assert {("options", o.id) for o in project.project.options} <= scene.items()


def test_exposure_curve_marks_p50_and_p80_of_each_side():
    project = load_example("leisure")
    exposure = cached_simulation(project)
    texts = [t.text for t in exposure_curve(project).texts()]
    assert f"Public P80 {short_gbp(exposure.public.p80_gbp)}" in texts
    assert f"Private P50 {short_gbp(exposure.private.p50_gbp)}" in texts


def test_affordability_marks_the_years_over_budget():
    scene = affordability_bars(load_example("childrens-services"))
    marks = [t for t in scene.texts() if t.text == "!"]
    assert marks and all("over budget by" in t.tooltip for t in marks)


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_a_project_without_figures_says_what_to_enter(builder):
    [text] = builder(Project()).texts()
    assert "yet" in text.text

"""The contract map scene: bars follow the schedule, the critical path, clauses, reviews, bands."""

import pytest

from wizard.catalog import example_names, load_example
from wizard.graphs import phase_map
from wizard.graphs.sample import generated_project
from wizard.model import BreakClause, Partner, Phase, Project, ProjectInfo, SteeringGroup
from wizard.scene import DEFAULT, Line, Polygon, Rect, Theme, overlapping
from wizard.schedule import build_schedule
from wizard.vocab import BreakTrigger, PartnerKind, PhaseKind, Stage


def small_project() -> Project:
    return Project(
        project=ProjectInfo(title="Test contract", duration_months=120),
        partners=[Partner(id="A", name="Test Council", kind=PartnerKind.PUBLIC),
                  Partner(id="B", name="Builder Ltd")],
        phases=[
            Phase(id="OP", name="Operation", kind=PhaseKind.OPERATION, start_month=0,
                  duration_months=60, depends_on=["CO"], provider="A", review_month=36),
            Phase(id="DE", name="Design", kind=PhaseKind.DESIGN, duration_months=12, provider="B"),
            Phase(id="CO", name="Construction", kind=PhaseKind.CONSTRUCTION, duration_months=18,
                  depends_on=["DE"], provider="B", bundled=True),
            Phase(id="EV", name="Evaluation", kind=PhaseKind.EVALUATION, start_month=6,
                  duration_months=6),
        ],
        break_clauses=[
            BreakClause(id="BC1", trigger=BreakTrigger.CHANGE_OF_CONTROL, phases=["OP"],
                        earliest_month=48),
            BreakClause(id="BC2", trigger=BreakTrigger.VOLUNTARY, earliest_month=0),
            BreakClause(id="BC3", trigger=BreakTrigger.UNDER_PERFORMANCE, phases=["OP"],
                        earliest_month=48),
        ],
        steering_groups=[SteeringGroup(id="SG1", name="Residents' panel",
                                       stages=[Stage.DESIGN, Stage.EVALUATION])],
    )


def bars(scene):
    return {s.item[1]: s for s in scene.shapes
            if isinstance(s, Rect) and s.item and s.item[0] == "phases" and s.fill != "none"}


def test_bars_follow_the_schedule_in_lanes_ordered_by_it():
    project = small_project()
    sched = build_schedule(project)
    found = bars(phase_map(project))
    assert set(found) == {"OP", "DE", "CO", "EV"}
    assert [pid for pid, _ in sorted(found.items(), key=lambda kv: kv[1].y)] == sched.order
    x0 = found["DE"].x  # Design starts at month 0
    per_month = found["DE"].w / 12
    for pid, bar in found.items():
        assert bar.x - x0 == pytest.approx(sched.start[pid] * per_month)
        assert bar.w == pytest.approx((sched.finish[pid] - sched.start[pid]) * per_month)
    assert sched.start["OP"] == 30  # after construction, not at its own month 0


def test_critical_path_has_the_thick_outline_and_bundled_phases_are_hatched():
    project = small_project()
    found = bars(phase_map(project))
    thick = {pid for pid, bar in found.items() if bar.stroke_width >= 3}
    assert thick == set(build_schedule(project).critical_path) == {"DE", "CO", "OP"}
    assert {pid for pid, bar in found.items() if bar.pattern == "hatch"} == {"CO"}
    # coloured by provider: the two Builder Ltd phases share a colour, the council's differs
    assert found["DE"].fill == found["CO"].fill != found["OP"].fill


def test_dependency_arrows_run_from_finish_to_start():
    found_scene = phase_map(small_project())
    found = bars(found_scene)
    arrows = [s for s in found_scene.shapes if isinstance(s, Line) and s.arrow and s.item]
    assert sorted(a.item[1] for a in arrows) == ["CO", "OP"]
    for arrow in arrows:
        target = found[arrow.item[1]]
        assert arrow.x2 == pytest.approx(target.x, abs=8)
        assert target.y <= arrow.y2 <= target.y + target.h


def test_break_clauses_sit_at_their_earliest_month_on_their_phases_and_reviews_are_marked():
    project = small_project()
    scene = phase_map(project)
    found = bars(scene)
    per_month = found["DE"].w / 12
    x_of = lambda m: found["DE"].x + m * per_month  # noqa: E731
    diamonds = [s for s in scene.shapes if isinstance(s, Polygon) and s.item
                and s.item[0] == "break_clauses"]
    assert sorted(d.item[1] for d in diamonds) == ["BC1", "BC2", "BC3"]
    for d in diamonds:
        x, y, w, h = d.bbox()
        month = 0 if d.item[1] == "BC2" else 48
        assert x + w / 2 == pytest.approx(x_of(month))
        if d.item[1] != "BC2":  # on Operation's lane
            assert found["OP"].y <= y + h / 2 <= found["OP"].y + found["OP"].h
    # BC2 names no phase: it sits on the "Whole contract" lane above all phases
    bc2 = next(d for d in diamonds if d.item[1] == "BC2")
    assert bc2.bbox()[1] < min(b.y for b in found.values())
    assert "Whole contract" in [t.text for t in scene.texts()]
    review = [s for s in scene.shapes if isinstance(s, Polygon) and s.item == ("phases", "OP")]
    assert len(review) == 1 and review[0].points[0][0] == pytest.approx(x_of(36))
    labels = [t for t in scene.texts() if t.text in ("BC1", "BC3")]
    assert len(labels) == 2 and not overlapping(labels)


def test_steering_group_bands_cover_the_phases_of_its_stages():
    scene = phase_map(small_project())
    found = bars(scene)
    bands = [s for s in scene.shapes
             if isinstance(s, Rect) and s.item == ("steering_groups", "SG1")]
    spans = sorted((round(b.x, 3), round(b.x + b.w, 3)) for b in bands)
    design, evaluation = found["DE"], found["EV"]
    assert spans == sorted([(round(design.x, 3), round(design.x + design.w, 3)),
                            (round(evaluation.x, 3), round(evaluation.x + evaluation.w, 3))])
    assert sorted(b.tooltip for b in bands) == ["Residents' panel covers design: months 0–12",
                                                "Residents' panel covers evaluation: months 6–12"]
    words = {t.text for t in scene.texts() if t.item == ("steering_groups", "SG1")}
    # every stage word whole: the narrow evaluation band's word sits beside its band, not cut
    assert {"Design", "Evaluation", "Residents' panel"} <= words
    assert not any("…" in w for w in words)
    for text in scene.texts():  # each stage word inside its band, or beside it on its row
        if text.item == ("steering_groups", "SG1") and text.text != "Residents' panel":
            x, y, w, h = text.bbox()
            band = next(b for b in bands if b.tooltip.split("covers ")[1].startswith(text.text.lower()))
            inside = band.x <= x and x + w <= band.x + band.w
            beside = x + w <= band.x or x >= band.x + band.w
            assert inside or beside
            assert band.y <= y + h / 2 <= band.y + band.h


def test_highlight_frames_the_selected_phase_and_accepts_a_single_id():
    for highlight in ({"CO"}, "CO"):
        scene = phase_map(small_project(), highlight=highlight)
        frames = [s for s in scene.shapes if isinstance(s, Rect) and s.stroke == DEFAULT.highlight]
        assert [f.item for f in frames] == [("phases", "CO")]


def test_legend_names_every_provider_and_the_marks():
    texts = [t.text for t in phase_map(small_project()).texts()]
    for words in ("Test Council", "Builder Ltd", "No provider yet", "Critical path",
                  "Bundled with other phases", "Break clause (earliest month)", "Review point"):
        assert words in texts


def test_an_overrun_and_a_loop_still_draw_with_a_message():
    project = small_project()
    project.project.duration_months = 40
    scene = phase_map(project)
    assert any("overrun to month 90" in t.text for t in scene.texts())
    loop = Project(phases=[Phase(id="X", name="X", depends_on=["Y"]),
                           Phase(id="Y", name="Y", depends_on=["X"])])
    assert set(bars(phase_map(loop))) == {"X", "Y"}


def test_no_phases_gives_a_message_not_an_empty_box():
    scene = phase_map(Project())
    assert "Phasing step" in scene.texts()[0].text


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("theme", [DEFAULT, Theme(font_scale=1.6), Theme(font_scale=1.6, text_scale=1.6)],
                         ids=["default", "large", "workshop type"])
def test_no_text_overlaps_other_text_in_the_examples(name, theme):
    scene = phase_map(load_example(name), theme)
    assert overlapping(scene.texts()) == []
    assert all(t.bbox()[0] >= 0 and t.bbox()[0] + t.bbox()[2] <= scene.width + 0.01
               for t in scene.texts())


def test_no_text_overlaps_in_a_200_phase_project():
    scene = phase_map(generated_project(200, 50))
    assert len(bars(scene)) == 200
    assert overlapping(scene.texts()) == []


@pytest.mark.parametrize("name", example_names())
def test_a_workshop_text_scale_enlarges_the_type_and_the_lanes_not_the_width(name):
    """The workshop fits the map to the screen's width: larger type must come with taller
    lanes in the same width, so the text grows on screen."""
    project = load_example(name)
    base = phase_map(project, Theme(font_scale=1.6))
    large = phase_map(project, Theme(font_scale=1.6, text_scale=1.5))
    assert large.width == pytest.approx(base.width, rel=0.02)
    assert min(t.size for t in large.texts()) >= 1.4 * min(t.size for t in base.texts())
    assert large.height > 1.4 * base.height
    assert set(bars(large)) == set(bars(base))

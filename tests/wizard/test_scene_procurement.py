"""The procurement timeline and its place on the contract map: milestones where their dates
put them, the standstill band over its eight working days (Easter 2027 skipped), and the
evaluation points on the map."""

from __future__ import annotations

import datetime as dt

from wizard.graphs.phase_map import phase_map
from wizard.graphs.procurement_timeline import BREACH, procurement_timeline
from wizard.model import Project
from wizard.scene import Ellipse, Rect, Text, overlapping

DATES = {
    "pipeline_notice": "2026-03-02",
    "tender_notice": "2026-07-01",
    "tender_deadline": "2026-08-14",
    "contract_award_notice": "2027-03-18",
    "contract_start": "2027-04-02",
}


def project(start="2027-04-02", **extra) -> Project:
    return Project.model_validate({
        "project": {"title": "Riverside", "start": start},
        "phases": [{"id": "P1", "name": "Operation", "duration_months": 60}],
        "procurement": {"timetable": [{"milestone": m, "date": d}
                                      for m, d in (DATES | extra).items()]},
        "evaluation_plan": {"mid_term": "2029-04-02", "end": "2031-10-02"},
    })


def marks(scene, kind=Ellipse):
    return {s.item[1]: s for s in scene.shapes if isinstance(s, kind) and s.item
            and s.item[0] == "procurement"}


def test_milestones_sit_in_date_order_with_readable_labels():
    scene = procurement_timeline(project())
    dots = marks(scene)
    assert list(dots) == list(DATES)  # sorted by date, one marker each
    xs = [dots[m].cx for m in DATES]
    assert xs == sorted(xs)
    words = {t.text for t in scene.texts()}
    assert {"Pipeline", "Tender notice", "Tenders in", "Award notice", "Contract start",
            "18 Mar 2027", "2 Apr 2027"} <= words
    labels = [t for t in scene.texts() if t.item]
    assert overlapping(labels) == []


def test_the_standstill_band_spans_eight_working_days_over_easter():
    scene = procurement_timeline(project())
    band = marks(scene, Rect)["standstill_end"]
    dots = marks(scene)
    per_day = (dots["contract_start"].cx - dots["contract_award_notice"].cx) / 15  # 18 Mar-2 Apr
    # From the start of 19 March to the end of 1 April (Good Friday and Easter Monday skipped).
    assert abs(band.x - (dots["contract_award_notice"].cx + per_day)) < 0.01
    assert abs(band.x + band.w - (dots["contract_start"].cx)) < 0.01
    assert band.stroke != BREACH
    assert any(t.text == "Standstill: 8 working days, to 1 Apr 2027" for t in scene.texts())
    assert "runs to 1 Apr 2027." in scene.description


def test_a_contract_entered_inside_the_standstill_is_drawn_as_a_breach():
    scene = procurement_timeline(project(start="2027-04-01", contract_start="2027-04-01"))
    band = marks(scene, Rect)["standstill_end"]
    assert band.stroke == BREACH
    assert any("entered before it ends" in t.text for t in scene.texts())


def test_the_contract_map_shows_procurement_before_month_0_and_the_evaluations():
    p = project()
    scene = phase_map(p)
    lane_names = [t.text for t in scene.texts() if t.bold and t.item is None]
    assert "Procurement" in lane_names and "Evaluation" in lane_names
    bar = next(s for s in scene.shapes if isinstance(s, Rect) and s.item == ("phases", "P1"))
    dots = marks(scene)
    assert all(dots[m].cx < bar.x - 1 for m in DATES if m != "contract_start")
    assert abs(dots["contract_start"].cx - bar.x) < 0.01  # the contract starts at month 0
    per_month = bar.w / 60
    evals = sorted(s.x + s.w / 2 for s in scene.shapes if isinstance(s, Rect)
                   and s.item == ("evaluation_plan", ""))
    assert [round((x - bar.x) / per_month) for x in evals] == [24, 54]
    assert {"Mid-term", "End"} <= {t.text for t in scene.texts()}
    assert {"Procurement milestone", "Standstill (s.51)", "Evaluation"} <= {
        t.text for t in scene.texts()}


def test_without_a_timetable_the_map_has_no_procurement_lane():
    p = project()
    p.procurement.timetable = []
    p.evaluation_plan.mid_term = p.evaluation_plan.end = None
    scene = phase_map(p)
    assert not {"Procurement", "Evaluation"} & {t.text for t in scene.texts()}
    bar = next(s for s in scene.shapes if isinstance(s, Rect) and s.item == ("phases", "P1"))
    month0 = next(t for t in scene.texts() if t.text == "0")
    assert abs(month0.x - bar.x) < 8
    assert dt.date(2027, 4, 2) == p.project.start

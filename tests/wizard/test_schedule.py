"""The phase schedule: earliest starts, the critical path, loops, dangling links and overruns."""

from __future__ import annotations

from wizard.model import Phase, Project, ProjectInfo
from wizard.schedule import build_schedule


def design(*phases: dict, months: int = 120) -> Project:
    return Project(
        project=ProjectInfo(duration_months=months),
        phases=[Phase(**p) for p in phases],
    )


def test_earliest_starts_follow_dependencies_and_own_start():
    project = design(
        {"id": "A", "name": "Design", "start_month": 0, "duration_months": 6},
        {"id": "B", "name": "Build", "start_month": 2, "duration_months": 18, "depends_on": ["A"]},
        {"id": "C", "name": "Refurbish", "start_month": 30, "duration_months": 6,
         "depends_on": ["A"]},
        {"id": "D", "name": "Operate", "start_month": 0, "duration_months": 60,
         "depends_on": ["B", "C"]},
    )
    s = build_schedule(project)
    assert s.start == {"A": 0, "B": 6, "C": 30, "D": 36}
    assert s.finish == {"A": 6, "B": 24, "C": 36, "D": 96}
    assert s.order == ["A", "B", "C", "D"]
    # C waits for its own start month, so the chain that fixes the finish is C then D, not A.
    assert s.critical_path == ["C", "D"]
    assert s.span_months == 96 and s.contract_months == 120
    assert not s.overruns and s.problems == []


def test_critical_path_runs_through_the_longest_dependency_chain():
    project = design(
        {"id": "A", "name": "Area plan", "duration_months": 12},
        {"id": "B", "name": "Implementation", "duration_months": 36, "depends_on": ["A"]},
        {"id": "C", "name": "Quick wins", "duration_months": 6, "depends_on": ["A"]},
        {"id": "D", "name": "Anchoring", "duration_months": 12, "depends_on": ["B", "C"]},
        {"id": "E", "name": "Evaluation", "duration_months": 12},
    )
    s = build_schedule(project)
    assert s.critical_path == ["A", "B", "D"]
    assert s.span_months == 60
    assert "C" not in s.critical_path and "E" not in s.critical_path


def test_order_puts_dependencies_first_even_when_listed_later():
    project = design(
        {"id": "op", "name": "Operation", "duration_months": 24, "depends_on": ["db"]},
        {"id": "db", "name": "Design and build", "duration_months": 12},
    )
    s = build_schedule(project)
    assert s.order == ["db", "op"]
    assert s.start["op"] == 12


def test_loop_is_reported_not_raised_and_the_rest_still_schedules():
    project = design(
        {"id": "A", "name": "Design", "duration_months": 6, "depends_on": ["C"]},
        {"id": "B", "name": "Build", "duration_months": 6, "depends_on": ["A"]},
        {"id": "C", "name": "Operate", "duration_months": 6, "depends_on": ["B"]},
        {"id": "D", "name": "Evaluate", "duration_months": 3},
    )
    s = build_schedule(project)
    loops = [p for p in s.problems if "loop" in p]
    assert len(loops) == 1
    assert all(name in loops[0] for name in ("Design", "Build", "Operate"))
    assert set(s.start) == {"A", "B", "C", "D"}
    assert s.start["D"] == 0
    assert sorted(s.start[x] for x in "ABC") == [0, 6, 12]


def test_dangling_dependency_is_a_problem():
    good = design({"id": "A", "name": "Design", "duration_months": 6})
    broken = good.phases[0].model_copy(update={"depends_on": ["ghost"]})
    project = Project.model_construct(**{**dict(good), "phases": [broken]})
    s = build_schedule(project)
    assert s.problems == ["Phase 'Design' depends on 'ghost', which is not a phase"]
    assert s.start == {"A": 0}


def test_overrun_past_the_contract():
    project = design(
        {"id": "A", "name": "Build", "duration_months": 24},
        {"id": "B", "name": "Operate", "duration_months": 100, "depends_on": ["A"]},
        months=120,
    )
    s = build_schedule(project)
    assert s.overruns
    assert s.span_months == 124
    assert "The phases run to month 124, past the contract's 120 months" in s.problems


def test_exactly_filling_the_contract_is_not_an_overrun():
    s = build_schedule(design({"id": "A", "name": "All", "duration_months": 120}, months=120))
    assert not s.overruns and s.problems == []


def test_no_phases():
    s = build_schedule(Project())
    assert (s.order, s.critical_path, s.span_months, s.problems) == ([], [], 0, [])

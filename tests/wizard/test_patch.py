"""What an undo step keeps: the changes between two projects, applied forwards and backwards."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.strategies import projects
from wizard import edits, patch
from wizard.graphs.sample import generated_project


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=4), projects(max_risks=4))
def test_the_changes_between_any_two_projects_turn_one_into_the_other_and_back(a, b):
    steps = patch.diff(a, b)
    project = a.model_copy(deep=True)
    patch.apply(project, steps)
    assert project.model_dump_json() == b.model_dump_json()
    patch.apply(project, steps, undo=True)
    assert project.model_dump_json() == a.model_dump_json()
    assert (steps == []) == (a == b)


def test_deleting_one_risk_of_two_thousand_keeps_that_risk_only():
    project = generated_project()
    edit = edits.delete(project, ("risks",), 10, "risk")
    steps = patch.diff(project, edit.project)
    assert steps == [patch.Splice(("risks",), 10, (project.risks[10],), ())]


def test_renaming_a_phase_keeps_the_fields_that_name_it():
    project = generated_project(n_phases=20, n_risks=50)
    old = project.phases[3].id
    edit = edits.rename(project, ("phases",), 3, "RENAMED", "phase")
    steps = patch.diff(project, edit.project)
    paths = {s.path for s in steps}
    assert ("phases", 3, "id") in paths
    # the one entry of each list that named it (the lists keep their length)
    expected = {("risks", i, "phases", r.phases.index(old))
                for i, r in enumerate(project.risks) if old in r.phases}
    expected |= {("phases", i, "depends_on", p.depends_on.index(old))
                 for i, p in enumerate(project.phases) if old in p.depends_on}
    expected |= {("break_clauses", i, "phases", c.phases.index(old))
                 for i, c in enumerate(project.break_clauses) if old in c.phases}
    assert expected  # the phase is named elsewhere
    assert paths == {("phases", 3, "id")} | expected


def test_what_is_kept_cannot_be_changed_by_later_edits():
    project = generated_project(n_phases=5, n_risks=5)
    edit = edits.duplicate(project, ("risks",), 0, "risk", "R")
    steps = patch.diff(project, edit.project)
    live = project.model_copy(deep=True)
    patch.apply(live, steps)
    live.risks[1].title = "Changed afterwards"
    patch.apply(live, steps, undo=True)
    patch.apply(live, steps)
    assert live.risks[1].title == edit.project.risks[1].title

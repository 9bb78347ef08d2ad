"""Dependency loops in bounded time: one loop per strongly connected group, the rest scheduled,
and edits that would close a loop recognised before they are made."""

from __future__ import annotations

import time

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard import storage
from wizard.checks import run_checks
from wizard.cli import main
from wizard.model import Phase, Project, ProjectInfo
from wizard.schedule import build_schedule, loop_if_added, loop_refusal, loops_added, phase_graph


def fully_looped(n: int) -> Project:
    """N phases, each depending on every other one: n! / k-cycles in all, billions at 12."""
    ids = [f"P{i}" for i in range(n)]
    return Project(
        project=ProjectInfo(duration_months=1200),
        phases=[Phase(id=i, name=f"Phase {i}", duration_months=6,
                      depends_on=[d for d in ids if d != i]) for i in ids],
    )


def chain(*deps: tuple[str, list[str]]) -> Project:
    return Project(
        project=ProjectInfo(duration_months=1200),
        phases=[Phase(id=i, name=f"Name {i}", duration_months=6, depends_on=d) for i, d in deps],
    )


def test_twelve_fully_looped_phases_are_checked_in_under_a_second(tmp_path, capsys):
    path = tmp_path / "looped.changemaker.json"
    storage.save(fully_looped(12), path)
    started = time.perf_counter()
    code = main(["check", str(path)])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert elapsed < 1.0, f"check took {elapsed:.2f} s"
    assert code == 1 and err == ""
    loop_lines = [line for line in out.splitlines()
                  if line.strip().startswith("Error (") and "in a loop" in line]
    # One strongly connected group: one finding, naming a shortest loop through the first phase.
    assert len(loop_lines) == 1
    assert "Phase P0 → Phase P1 → Phase P0" in loop_lines[0]


def test_schedule_of_a_fully_looped_design_still_has_every_phase():
    s = build_schedule(fully_looped(12))
    assert s.loops == [["P0", "P1"]]
    assert set(s.start) == {f"P{i}" for i in range(12)}
    # Inside the loop only dependencies on earlier phases in file order are kept: a chain.
    assert [s.start[f"P{i}"] for i in range(12)] == [6 * i for i in range(12)]
    assert s.critical_path == [f"P{i}" for i in range(12)]
    assert nx.is_directed_acyclic_graph(s.graph)


def test_two_separate_loops_are_two_findings_and_the_rest_schedules():
    project = chain(
        ("A", ["B"]), ("B", ["A"]),  # loop 1
        ("C", ["A"]),  # after a loop: still waits for A
        ("D", ["F"]), ("E", ["D"]), ("F", ["E"]),  # loop 2, of three
        ("G", []),
    )
    s = build_schedule(project)
    assert s.loops == [["A", "B"], ["D", "E", "F"]]
    assert s.start["G"] == 0
    assert s.start["C"] >= s.finish["A"]
    found = [f for f in run_checks(project) if f.rule == "phase-loop"]
    assert [f.item_id for f in found] == ["A", "D"]
    assert "Name D → Name E → Name F → Name D" in found[1].message


def test_the_reported_loop_is_a_shortest_one_through_the_first_phase():
    # A -> B -> C -> D -> A is a loop of four, but A and D also make a loop of two.
    project = chain(("A", ["D"]), ("B", ["A"]), ("C", ["B"]), ("D", ["C", "A"]))
    assert build_schedule(project).loops == [["A", "D"]]


def test_loop_if_added_names_the_loop_the_dependency_would_close():
    project = chain(("A", []), ("B", ["A"]), ("C", ["B"]), ("D", []))
    assert loop_if_added(project, "A", "C") == ["A", "B", "C"]
    assert loop_if_added(project, "A", "A") == ["A"]
    assert loop_if_added(project, "C", "A") is None  # already implied: no loop
    assert loop_if_added(project, "D", "C") is None
    message = loop_refusal(project, ["A", "B", "C"])
    assert message.startswith("Phase 'Name A' cannot depend on 'Name C'")
    assert "Name A → Name B → Name C → Name A" in message


def test_loops_added_compares_before_and_after():
    before = chain(("A", []), ("B", ["A"]), ("C", ["B"]))
    after = chain(("A", ["C"]), ("B", ["A"]), ("C", ["B"]))
    assert loops_added(before, after) == ["A", "B", "C"]
    assert loops_added(after, after) is None  # an existing loop is not a new edit
    assert loops_added(after, before) is None  # removing a dependency never makes a loop


@st.composite
def dependency_graphs(draw):
    n = draw(st.integers(1, 60))
    ids = [f"P{i}" for i in range(n)]
    deps = [
        sorted(set(draw(st.lists(st.sampled_from(ids), max_size=min(n, 12)))) - {pid})
        for pid in ids
    ]
    return Project(
        project=ProjectInfo(duration_months=1200),
        phases=[Phase(id=pid, name=f"Phase {pid}", duration_months=draw(st.integers(1, 24)),
                      depends_on=d) for pid, d in zip(ids, deps)],
    )


@settings(max_examples=60, deadline=None)
@given(dependency_graphs())
def test_random_dependency_graphs_of_up_to_60_phases_schedule_in_bounded_time(project):
    started = time.perf_counter()
    s = build_schedule(project)
    found = [f for f in run_checks(project) if f.rule == "phase-loop"]
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{len(project.phases)} phases took {elapsed:.2f} s"
    graph = phase_graph(project)
    groups = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert len(s.loops) == len(groups) == len(found)
    for loop in s.loops:  # each reported loop is a real cycle of dependencies
        assert all(graph.has_edge(a, b) for a, b in zip(loop, loop[1:] + loop[:1]))
        assert len(set(loop)) == len(loop)
    assert set(s.start) == {p.id for p in project.phases}
    group_of = {node: k for k, group in enumerate(groups) for node in group}
    for phase in project.phases:
        assert s.start[phase.id] >= phase.start_month
        for dep in phase.depends_on:
            if group_of.get(dep, -1) != group_of.get(phase.id, -2):  # not inside one loop
                assert s.start[phase.id] >= s.finish[dep]


def test_every_schedule_view_of_a_fully_looped_design_works_quickly():
    from wizard.export.business_case import business_case_for
    from wizard.export.ocds import release_package
    from wizard.graphs.partner_load import partner_load
    from wizard.graphs.phase_map import phase_map

    project = fully_looped(12)
    started = time.perf_counter()
    scene = phase_map(project)
    partner_load(project)
    release_package(project)
    business_case_for(project, "internal")
    assert time.perf_counter() - started < 3
    drawn = {s.item[1] for s in scene.shapes if getattr(s, "item", None) and s.item[0] == "phases"}
    assert drawn == {f"P{i}" for i in range(12)}


def test_renaming_a_phase_of_an_existing_loop_is_not_a_new_loop():
    before = chain(("A", ["B"]), ("B", ["A"]), ("C", []))
    renamed = chain(("X", ["B"]), ("B", ["X"]), ("C", []))
    assert loops_added(before, renamed) is None
    # but a new phase that joins the loop is
    joined = chain(("A", ["B"]), ("B", ["A", "N"]), ("C", []), ("N", ["A"]))
    assert loops_added(before, joined) == ["B", "A", "N"]
    # and merging two loops into one, with no more phases in loops, still is
    two = chain(("A", ["B"]), ("B", ["A"]), ("C", ["D"]), ("D", ["C"]))
    merged = chain(("A", ["B"]), ("B", ["A"]), ("C", ["D", "A"]), ("D", ["C"]))
    merged.phases[0].depends_on = ["B", "C"]
    assert loops_added(two, merged) is not None


@st.composite
def acyclic_with_an_edit(draw):
    n = draw(st.integers(2, 40))
    ids = [f"P{i}" for i in range(n)]
    deps = [sorted(set(draw(st.lists(st.sampled_from(ids[:i]), max_size=4)))) if i else []
            for i in range(n)]  # only on earlier phases: no loop
    project = Project(project=ProjectInfo(duration_months=1200), phases=[
        Phase(id=pid, name=f"Phase {pid}", depends_on=d) for pid, d in zip(ids, deps)])
    phase, dep = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
    return project, phase, dep


@settings(max_examples=80, deadline=None)
@given(acyclic_with_an_edit())
def test_loop_if_added_is_exactly_when_the_edit_closes_a_loop(case):
    project, phase, dep = case
    loop = loop_if_added(project, phase, dep)
    after = project.model_copy(deep=True)
    target = after.phase(phase)
    if dep != phase and dep not in target.depends_on:
        target.depends_on = [*target.depends_on, dep]
        closes = not nx.is_directed_acyclic_graph(phase_graph(after))
        assert (loop is not None) == closes
        assert (loops_added(project, after) is not None) == closes
    if loop is not None and len(loop) > 1:
        graph = phase_graph(project)
        assert loop[0] == phase and loop[-1] == dep
        assert all(graph.has_edge(a, b) for a, b in zip(loop, loop[1:]))

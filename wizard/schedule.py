"""The phase schedule: a networkx graph of phases and their dependencies.

Pure: ``build_schedule(project)`` returns a ``Schedule``. A phase starts at its own start month or
when the last phase it depends on finishes, whichever is later. Cycles and dangling references
are reported as problems, never raised, so a half-finished design still draws.

Loops are found in linear time: each strongly connected component of more than one phase is one
loop, reported by one shortest cycle through its first phase (breadth-first search inside the
component). Enumerating every cycle grows exponentially (twelve phases each depending on the
other eleven have billions), so nothing here does that. The schedule of the rest is computed on
the graph without the dependencies inside a loop that point back to an earlier phase in file
order, which is acyclic. ``loop_if_added`` tells whether an edit would create a loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from wizard.formatting import count
from wizard.model import Project


@dataclass(frozen=True)
class Schedule:
    order: list[str]  # phase ids, dependencies before dependants (ties kept in file order)
    start: dict[str, int]  # earliest start month of each phase
    finish: dict[str, int]  # earliest finish month (exclusive): start + duration
    critical_path: list[str]  # the chain of phases that fixes the overall finish
    span_months: int  # finish of the last phase
    contract_months: int  # the contract's duration
    problems: list[str] = field(default_factory=list)
    graph: nx.DiGraph = field(default_factory=nx.DiGraph, repr=False, compare=False)
    loops: list[list[str]] = field(default_factory=list)  # one short cycle per loop, ids

    @property
    def overruns(self) -> bool:
        """True when the phases run past the end of the contract."""
        return self.span_months > self.contract_months


def phase_graph(project: Project) -> nx.DiGraph:
    """Phases as nodes (with their duration), an edge from each dependency to its dependant."""
    graph = nx.DiGraph()
    for index, phase in enumerate(project.phases):
        graph.add_node(phase.id, index=index, duration=phase.duration_months, own=phase.start_month)
    for phase in project.phases:
        for dep in phase.depends_on:
            if dep in graph and dep != phase.id:
                graph.add_edge(dep, phase.id)
    return graph


# The last schedule built and what it was built from: the graphs, the step rules and the checks
# all ask for the schedule after each edit, and most edits do not touch the phases.
_last: tuple[tuple, Schedule] | None = None


def _inputs(project: Project) -> tuple:
    """Everything ``build_schedule`` reads from the project."""
    return (project.project.duration_months,
            tuple((p.id, p.name, p.duration_months, p.start_month, tuple(p.depends_on))
                  for p in project.phases))


def build_schedule(project: Project) -> Schedule:
    """The schedule of the project's phases (built again only when its phases change)."""
    global _last
    key = _inputs(project)
    last = _last
    if last is None or last[0] != key:
        last = _last = (key, _build_schedule(project))
    s = last[1]  # a copy each caller may change
    return Schedule(list(s.order), dict(s.start), dict(s.finish), list(s.critical_path),
                    s.span_months, s.contract_months, list(s.problems), s.graph.copy(),
                    [list(loop) for loop in s.loops])


def _build_schedule(project: Project) -> Schedule:
    graph = phase_graph(project)
    problems: list[str] = []
    names = {p.id: p.name for p in project.phases}
    known = set(names)
    for phase in project.phases:
        for dep in phase.depends_on:
            if dep not in known:
                problems.append(f"Phase '{phase.name}' depends on '{dep}', which is not a phase")

    cycles = find_loops(graph)
    for cycle in cycles[:10]:
        problems.append(f"Phases depend on each other in a loop: {loop_text(cycle, names)}")
    acyclic = without_loops(graph)

    order = list(nx.lexicographical_topological_sort(acyclic, key=lambda n: acyclic.nodes[n]["index"]))
    start: dict[str, int] = {}
    finish: dict[str, int] = {}
    driver: dict[str, str | None] = {}
    for node in order:
        data = acyclic.nodes[node]
        # The dependency finishing last drives the phase when the phase starts as soon as it
        # finishes (or is held back by it); ties with the phase's own start month count.
        latest = max(acyclic.predecessors(node), key=lambda p: finish[p], default=None)
        driven = latest is not None and finish[latest] >= data["own"]
        start[node] = finish[latest] if driven else data["own"]
        finish[node] = start[node] + data["duration"]
        driver[node] = latest if driven else None

    critical: list[str] = []
    if order:
        last = max(order, key=lambda n: (finish[n], -acyclic.nodes[n]["index"]))
        node: str | None = last
        while node is not None:
            critical.append(node)
            node = driver[node]
        critical.reverse()
    span = max(finish.values(), default=0)
    contract = project.project.duration_months
    if span > contract:
        problems.append(
            f"The phases run to month {span}, past the contract's {count(contract, 'month')}"
        )
    return Schedule(order, start, finish, critical, span, contract, problems, acyclic, cycles)


# Loops -------------------------------------------------------------------------------------------


def loop_text(cycle: list[str], names: dict[str, str]) -> str:
    """'Design → Build → Design': the loop's phases by name, back to the first."""
    return " → ".join(names.get(n, n) for n in [*cycle, cycle[0]])


def _looped_components(graph: nx.DiGraph) -> list[set[str]]:
    """The strongly connected components of more than one phase, by their first phase."""
    index = nx.get_node_attributes(graph, "index")
    parts = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    return sorted(parts, key=lambda c: min(index[n] for n in c))


def _shortest_path(graph: nx.DiGraph, source: str, target: str, within: set[str] | None = None
                   ) -> list[str] | None:
    """The shortest path of dependency edges from source to target (breadth first, in file
    order on ties), staying inside ``within`` when given; None when there is none."""
    index = nx.get_node_attributes(graph, "index")
    before: dict[str, str | None] = {source: None}
    frontier = [source]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for nxt in sorted(graph.successors(node), key=lambda n: index.get(n, 0)):
                if within is not None and nxt not in within:
                    continue
                if nxt == target:
                    path = [target, node]
                    while before[path[-1]] is not None:
                        path.append(before[path[-1]])  # type: ignore[arg-type]
                    path.reverse()
                    return path[:-1] if target == source else path
                if nxt not in before:
                    before[nxt] = node
                    following.append(nxt)
        frontier = following
    return None


def find_loops(graph: nx.DiGraph) -> list[list[str]]:
    """One short loop per strongly connected component of more than one phase, starting at the
    component's first phase in file order: linear in the size of the graph per loop."""
    index = nx.get_node_attributes(graph, "index")
    loops = []
    for part in _looped_components(graph):
        first = min(part, key=lambda n: index[n])
        cycle = _shortest_path(graph, first, first, part)
        if cycle:  # always, in a strongly connected component
            loops.append(cycle)
    return loops


def without_loops(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy without the dependencies inside a loop that point back to an earlier phase in
    file order: acyclic, and every dependency outside a loop is kept."""
    index = nx.get_node_attributes(graph, "index")
    acyclic = graph.copy()
    for part in _looped_components(graph):
        acyclic.remove_edges_from([
            (a, b) for a in part for b in graph.successors(a) if b in part and index[a] > index[b]
        ])
    return acyclic


def loop_if_added(project: Project, phase_id: str, depends_on: str) -> list[str] | None:
    """The loop that making ``phase_id`` depend on ``depends_on`` would create, as phase ids
    from ``phase_id`` round to ``depends_on``, or None when the dependency makes no loop.

    A loop is made when ``depends_on`` already waits, directly or through others, for
    ``phase_id`` (or is the phase itself)."""
    if phase_id == depends_on:
        return [phase_id]
    graph = phase_graph(project)
    if phase_id not in graph or depends_on not in graph:
        return None
    return _shortest_path(graph, phase_id, depends_on)


def dependency_pairs(project: Project) -> set[tuple[str, str]]:
    """Every (phase id, id of a phase it depends on)."""
    return {(p.id, d) for p in project.phases for d in p.depends_on}


def _looped_count(pairs: set[tuple[str, str]]) -> int:
    """How many phases are in a loop, from (phase, dependency) pairs."""
    graph = nx.DiGraph((dep, phase) for phase, dep in pairs if dep != phase)
    return sum(len(c) for c in nx.strongly_connected_components(graph) if len(c) > 1) + sum(
        1 for phase, dep in pairs if dep == phase)


def loops_added(before: Project | set[tuple[str, str]], after: Project) -> list[str] | None:
    """The first loop that a dependency new in ``after`` closes (phase ids), or None.

    A dependency counts as new when its phase did not have it in ``before`` (a project, or its
    ``dependency_pairs``). When both its phases were there before, any loop it closes is new.
    When one is new to the graph (a renamed or added phase, whose dependencies all look new),
    the edit makes a loop only if more phases are in loops than before: renaming a phase of an
    existing loop is not refused."""
    old = before if isinstance(before, set) else dependency_pairs(before)
    new = [(p.id, d) for p in after.phases for d in p.depends_on if (p.id, d) not in old]
    if not new:
        return None
    graph = phase_graph(after)
    known = {x for pair in old for x in pair}
    grew: bool | None = None
    for phase_id, dep in new:
        if phase_id == dep:
            return [phase_id]
        if phase_id not in graph or dep not in graph:
            continue
        path = _shortest_path(graph, phase_id, dep)
        if not path:
            continue
        if phase_id in known and dep in known:
            return path
        if grew is None:
            grew = _looped_count(dependency_pairs(after)) > _looped_count(old)
        if grew:
            return path
    return None


def loop_refusal(project: Project, loop: list[str]) -> str:
    """The message refusing an edit that would make ``loop`` (ids from the dependant round)."""
    names = {p.id: p.name for p in project.phases}
    if len(loop) == 1:
        return f"Phase '{names.get(loop[0], loop[0])}' cannot depend on itself"
    phase, dep = loop[0], loop[-1]
    return (
        f"Phase '{names.get(phase, phase)}' cannot depend on '{names.get(dep, dep)}': that would "
        f"make a loop {loop_text(loop, names)}, in which no phase can start first"
    )

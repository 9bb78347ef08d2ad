"""The phase schedule: a networkx graph of phases and their dependencies.

Pure: ``build_schedule(project)`` returns a ``Schedule``. A phase starts at its own start month or
when the last phase it depends on finishes, whichever is later. Cycles and dangling references
are reported as problems, never raised, so a half-finished design still draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

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


def build_schedule(project: Project) -> Schedule:
    graph = phase_graph(project)
    problems: list[str] = []
    names = {p.id: p.name for p in project.phases}
    known = set(names)
    for phase in project.phases:
        for dep in phase.depends_on:
            if dep not in known:
                problems.append(f"Phase '{phase.name}' depends on '{dep}', which is not a phase")

    cycles = list(nx.simple_cycles(graph)) if not nx.is_directed_acyclic_graph(graph) else []
    for cycle in cycles[:10]:
        loop = " → ".join(names[n] for n in cycle + cycle[:1])
        problems.append(f"Phases depend on each other in a loop: {loop}")
    acyclic = graph.copy()
    while not nx.is_directed_acyclic_graph(acyclic):
        # Break each loop at its last edge so the rest of the schedule can still be computed.
        cycle = nx.find_cycle(acyclic)
        acyclic.remove_edge(*cycle[-1][:2])

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
            f"The phases run to month {span}, past the contract's {contract} months"
        )
    return Schedule(order, start, finish, critical, span, contract, problems, acyclic)

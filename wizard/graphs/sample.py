"""A generated project of any size, for benchmarks and scaling tests of the graphs."""

from __future__ import annotations

import random

from wizard.model import (
    BreakClause,
    Partner,
    Phase,
    Project,
    ProjectInfo,
    Risk,
    SteeringGroup,
)
from wizard.vocab import Allocation, BreakTrigger, PartnerKind, PhaseKind, Stage


def generated_project(n_phases: int = 200, n_risks: int = 2000, seed: int = 1) -> Project:
    """A valid project with ``n_phases`` phases (with dependencies, providers, reviews, break
    clauses) and ``n_risks`` risks spread over the matrix, the same for the same seed."""
    rnd = random.Random(seed)
    partners = [Partner(id="P1", name="Generated Council", kind=PartnerKind.PUBLIC)] + [
        Partner(id=f"P{i}", name=f"Provider {i}", kind=PartnerKind.PRIVATE) for i in range(2, 7)]
    kinds = list(PhaseKind)
    phases = []
    for i in range(1, n_phases + 1):
        deps = [f"PH{rnd.randint(max(1, i - 5), i - 1)}"] if i > 1 and rnd.random() < 0.6 else []
        start = rnd.randint(0, 200)
        phases.append(Phase(
            id=f"PH{i}", name=f"Generated phase {i}", kind=kinds[i % len(kinds)],
            start_month=start, duration_months=rnd.randint(3, 36), depends_on=deps,
            provider=rnd.choice([p.id for p in partners] + [None]), bundled=rnd.random() < 0.2,
            review_month=start + rnd.randint(0, 12) if rnd.random() < 0.5 else None))
    clauses = [BreakClause(id=f"BC{i}", trigger=rnd.choice(list(BreakTrigger)),
                           phases=rnd.sample([p.id for p in phases], k=min(2, n_phases)),
                           earliest_month=rnd.randint(0, 200)) for i in range(1, 21)]
    groups = [SteeringGroup(id=f"SG{i}", name=f"Generated steering group {i}",
                            stages=rnd.sample(list(Stage), k=rnd.randint(1, 3)))
              for i in range(1, 4)]
    risks = []
    for i in range(1, n_risks + 1):
        risks.append(Risk(
            id=f"R{i}", title=f"Generated risk {i}", likelihood=rnd.randint(1, 5),
            impact=rnd.randint(1, 5), allocation=rnd.choice(list(Allocation)),
            public_share=rnd.choice([25, 50, 75]), owner=rnd.choice([p.id for p in partners]),
            phases=rnd.sample([p.id for p in phases], k=min(rnd.randint(0, 3), n_phases))))
    return Project(project=ProjectInfo(title="Generated project", duration_months=240),
                   partners=partners, phases=phases, risks=risks, break_clauses=clauses,
                   steering_groups=groups)

"""Adaptable: long contracts divided into phases contracted separately, each with a provider,
outcomes that deepen over time, review points, and a schedule that fits the contract."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, phase_label
from wizard.formatting import count, months_in_years
from wizard.model import Project
from wizard.schedule import build_schedule, find_loops, loop_text, phase_graph
from wizard.thresholds import LONG_CONTRACT, LONG_PHASE


P = "adaptable"


def long_contract(project: Project) -> list[Finding]:
    months = project.project.duration_months
    if months < LONG_CONTRACT:
        return []
    has_review = any(p.review_month is not None for p in project.phases)
    if len(project.phases) >= 2 or has_review or project.break_clauses:
        return []
    return [finding(
        "long-contract", "warning", P, "phases", "", "Phasing",
        f"The contract runs {months_in_years(months)} with {len(project.phases)} phase"
        f"{'' if len(project.phases) == 1 else 's'}, no review point and no break clause; "
        f"a contract of {LONG_CONTRACT // 12} years or more should be divided into phases or have "
        "break points.",
    )]


def bundled(project: Project) -> list[Finding]:
    return [
        finding(
            "phase-bundled", "advice", P, "phases", phase.id, phase_label(phase),
            f"{phase_label(phase)} is let together with other phases rather than contracted "
            "separately.",
        )
        for phase in project.phases
        if phase.bundled
    ]


def overrun(project: Project) -> list[Finding]:
    schedule = build_schedule(project)
    months = project.project.duration_months
    out = []
    for phase in project.phases:
        end = schedule.finish.get(phase.id)
        if end is not None and end > months:
            out.append(finding(
                "phase-overrun", "error", P, "phases", phase.id, phase_label(phase),
                f"{phase_label(phase)} runs to month {end} (starts month "
                f"{schedule.start[phase.id]}, lasts {count(phase.duration_months, 'month')}), past the "
                f"contract's {count(months, 'month')}.",
            ))
    return out


def loops(project: Project) -> list[Finding]:
    """One finding per loop (strongly connected group of phases), on its first phase in file
    order, naming one short cycle through it. Bounded: never enumerates every cycle."""
    names = {p.id: p.name for p in project.phases}
    out = []
    for cycle in find_loops(phase_graph(project)):
        first = cycle[0]
        out.append(finding(
            "phase-loop", "error", P, "phases", first, phase_label(project.phase(first)),
            f"Phases depend on each other in a loop: {loop_text(cycle, names)}; none of them can "
            "start first.",
        ))
    return out


def dangling(project: Project) -> list[Finding]:
    known = {p.id for p in project.phases}
    out = []
    for phase in project.phases:
        missing = [d for d in phase.depends_on if d not in known]
        if missing:
            out.append(finding(
                "phase-dangling", "error", P, "phases", phase.id, phase_label(phase),
                f"{phase_label(phase)} depends on {', '.join(repr(m) for m in missing)}, which "
                "is not a phase.",
            ))
    return out


def provider(project: Project) -> list[Finding]:
    return [
        finding(
            "phase-provider", "warning", "collaborative", "phases", phase.id, phase_label(phase),
            f"{phase_label(phase)} has no provider: say which partner delivers it.",
        )
        for phase in project.phases
        if phase.provider is None
    ]


def outcomes(project: Project) -> list[Finding]:
    return [
        finding(
            "phase-outcomes", "warning", P, "phases", phase.id, phase_label(phase),
            f"{phase_label(phase)} has no outcomes: say what it should achieve.",
        )
        for phase in project.phases
        if not phase.outcomes
    ]


def deepening(project: Project) -> list[Finding]:
    """The last phase to start should have more outcomes than the first (year ten deeper than
    year one). Compares the two ends only, so the rule stays easy to explain."""
    if len(project.phases) < 2:
        return []
    schedule = build_schedule(project)
    index = {p.id: i for i, p in enumerate(project.phases)}
    by_start = sorted(project.phases, key=lambda p: (schedule.start[p.id], index[p.id]))
    first = by_start[0]
    last = max(project.phases, key=lambda p: (schedule.start[p.id], index[p.id]))
    if schedule.start[last.id] == schedule.start[first.id] or not first.outcomes:
        return []
    n_first, n_last = len(first.outcomes), len(last.outcomes)
    if n_last > n_first:
        return []
    return [finding(
        "outcomes-deepening", "advice", P, "phases", last.id, phase_label(last),
        f"{phase_label(last)} (starts month {schedule.start[last.id]}) has {n_last} outcome"
        f"{'' if n_last == 1 else 's'}, no more than {phase_label(first)} (starts month "
        f"{schedule.start[first.id]}) with {n_first}: outcomes later in the contract should be "
        "deeper.",
    )]


def review_point(project: Project) -> list[Finding]:
    return [
        finding(
            "phase-review", "warning", P, "phases", phase.id, phase_label(phase),
            f"{phase_label(phase)} lasts {months_in_years(phase.duration_months)} with no review point; "
            f"phases longer than {LONG_PHASE} months should have one.",
        )
        for phase in project.phases
        if phase.duration_months > LONG_PHASE and phase.review_month is None
    ]


def review_timing(project: Project) -> list[Finding]:
    """A review point must fall while the phase runs (its scheduled start to its finish)."""
    schedule = build_schedule(project)
    out = []
    for phase in project.phases:
        month = phase.review_month
        start, end = schedule.start[phase.id], schedule.finish[phase.id]
        if month is not None and not start <= month < end:
            out.append(finding(
                "phase-review-timing", "warning", P, "phases", phase.id, phase_label(phase),
                f"{phase_label(phase)} has its review point in month {month}, but the phase runs "
                f"from month {start} to month {end - 1}.",
            ))
    return out


RULES = [
    Rule("long-contract", P, "warning",
         f"Contracts of {LONG_CONTRACT // 12} years or more divided or with break points",
         long_contract),
    Rule("phase-bundled", P, "advice", "Phases contracted separately, not bundled", bundled),
    Rule("phase-overrun", P, "error", "Phases within the contract's duration", overrun),
    Rule("phase-loop", P, "error", "No dependency loops between phases", loops),
    Rule("phase-dangling", P, "error", "Dependencies name existing phases", dangling),
    Rule("phase-provider", "collaborative", "warning", "Every phase has a provider", provider),
    Rule("phase-outcomes", P, "warning", "Every phase has outcomes", outcomes),
    Rule("outcomes-deepening", P, "advice", "Outcomes deepen in later phases", deepening),
    Rule("phase-review", P, "warning", "Long phases have a review point", review_point),
    Rule("phase-review-timing", P, "warning", "Review points fall within their phase",
         review_timing),
]

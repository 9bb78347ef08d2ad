"""Accountable: community steering groups across design, delivery and evaluation, with real
influence rather than a tokenistic say after decisions are made."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, group_label
from wizard.formatting import listing
from wizard.model import Project
from wizard.vocab import Influence, MemberKind, Stage

P = "accountable"


def steering_none(project: Project) -> list[Finding]:
    if not project.steering_groups:
        return [finding(
            "steering-none", "warning", P, "steering_groups", "", "Steering groups",
            "There is no community steering group: residents and service users have no "
            "standing say in the design, delivery or evaluation of the contract.",
        )]
    return []


def steering_stages(project: Project) -> list[Finding]:
    out = []
    for group in project.steering_groups:
        missing = [s.value for s in Stage if s not in group.stages]
        if missing:
            covered = listing([s.value for s in Stage if s in group.stages]) or "no stage"
            out.append(finding(
                "steering-stages", "warning", P, "steering_groups", group.id, group_label(group),
                f"{group_label(group)} covers {covered} but not {listing(missing)}; it should span "
                "design, delivery and evaluation.",
            ))
    return out


def steering_tokenistic(project: Project) -> list[Finding]:
    out = []
    for group in project.steering_groups:
        if group.influence is Influence.INFORM:
            out.append(finding(
                "steering-tokenistic", "warning", P, "steering_groups", group.id,
                group_label(group),
                f"{group_label(group)} is only informed of decisions: that is the tokenistic "
                "consultation the report warns against.",
            ))
    return out


def board_seats(project: Project) -> list[Finding]:
    return [
        finding(
            "steering-board", "advice", P, "steering_groups", g.id, group_label(g),
            f"{group_label(g)} has no seat on the partnership board.",
        )
        for g in project.steering_groups
        if g.board_seats == 0
    ]


def seldom_heard(project: Project) -> list[Finding]:
    return [
        finding(
            "steering-seldom-heard", "advice", P, "steering_groups", g.id, group_label(g),
            f"{group_label(g)} does not say how seldom-heard voices are reached.",
        )
        for g in project.steering_groups
        if not g.seldom_heard.strip()
    ]


def elected_members(project: Project) -> list[Finding]:
    if not project.steering_groups:
        return []
    if any(m.kind is MemberKind.ELECTED_MEMBERS for g in project.steering_groups for m in g.members):
        return []
    n = len(project.steering_groups)
    return [finding(
        "steering-elected", "advice", "place_based", "steering_groups", "", "Steering groups",
        f"No elected member sits on {'the steering group' if n == 1 else f'any of the {n} steering groups'}.",
    )]


RULES = [
    Rule("steering-none", P, "warning", "A community steering group", steering_none),
    Rule("steering-stages", P, "warning", "Steering groups span design, delivery and evaluation",
         steering_stages),
    Rule("steering-tokenistic", P, "warning", "Steering groups more than informed",
         steering_tokenistic),
    Rule("steering-board", P, "advice", "Steering groups sit on the partnership board",
         board_seats),
    Rule("steering-seldom-heard", P, "advice", "Steering groups reach seldom-heard voices",
         seldom_heard),
    Rule("steering-elected", "place_based", "advice", "Elected members involved", elected_members),
]

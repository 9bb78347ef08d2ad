"""Creative: a 'blank sheet of paper' appraisal — at least two options, one preferred, and why."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, option_label
from wizard.formatting import listing
from wizard.model import Project
from wizard.thresholds import MIN_OPTIONS
from wizard.vocab import DeliveryModel


P = "creative"


def few(project: Project) -> list[Finding]:
    count = len(project.project.options)
    if count >= MIN_OPTIONS:
        return []
    said = "No option is" if count == 0 else f"Only {count} option is"
    return [finding(
        "options-few", "warning", P, "options", "", "Options",
        f"{said} considered; compare at least {MIN_OPTIONS} before choosing a delivery model.",
    )]


def preferred(project: Project) -> list[Finding]:
    options = project.project.options
    if not options:
        return []
    chosen = [o for o in options if o.preferred]
    if len(chosen) == 1:
        return []
    if not chosen:
        message = f"None of the {len(options)} options considered is marked as preferred."
    else:
        message = (f"{len(chosen)} options are marked as preferred "
                   f"({listing([o.name for o in chosen])}); choose one.")
    return [finding("options-preferred", "warning", P, "options", "", "Options", message)]


def reason(project: Project) -> list[Finding]:
    return [
        finding(
            "options-reason", "warning", P, "options", o.id, option_label(o),
            f"{option_label(o)} is preferred but no reason is given for choosing it.",
        )
        for o in project.project.options
        if o.preferred and not o.reason.strip()
    ]


def described(project: Project) -> list[Finding]:
    return [
        finding(
            "options-described", "advice", P, "options", o.id, option_label(o),
            f"{option_label(o)} has no description: say what it would involve.",
        )
        for o in project.project.options
        if not o.description.strip()
    ]


def model_other(project: Project) -> list[Finding]:
    info = project.project
    if info.delivery_model is not DeliveryModel.OTHER or info.delivery_model_other.strip():
        return []
    return [finding(
        "delivery-model-other", "advice", P, "project", "", "Project",
        "The delivery model is 'Other' but it is not described.",
    )]


RULES = [
    Rule("options-few", P, "warning", "At least two options considered", few),
    Rule("options-preferred", P, "warning", "One preferred option", preferred),
    Rule("options-reason", P, "warning", "The preferred option's reason is given", reason),
    Rule("options-described", P, "advice", "Each option is described", described),
    Rule("delivery-model-other", P, "advice", "An 'Other' delivery model is described",
         model_other),
]

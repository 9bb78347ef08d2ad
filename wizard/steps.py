"""The wizard's steps, in order: the one table of their keys, titles and the item kinds each edits.

The core owns it because the core needs it without Qt: the completeness count and
``changemaker check`` name the steps (``wizard.checks.steps``), and a finding's item kind says
which step edits it. The app's page classes name their step by key (``ui.pages.base.StepPage``)
and take the title and kinds from here; the page of step ``key`` lives in ``ui.pages.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    kinds: tuple[str, ...]  # the item kinds (a finding's ``item_kind``) this step edits

    @property
    def number(self) -> int:
        return STEP_KEYS.index(self.key) + 1


STEPS: tuple[Step, ...] = (
    Step("project", "Project", ("project", "options")),
    Step("partners", "Partners", ("partners",)),
    Step("phasing", "Phasing", ("phases",)),
    Step("risks", "Risks", ("risks",)),
    Step("break_clauses", "Break clauses", ("break_clauses",)),
    Step("steering", "Community steering groups", ("steering_groups",)),
    Step("accountability", "Accountability and social impact",
         ("accountability", "kpis", "social_impact")),
    Step("appraisal", "Options appraisal and affordability", ("appraisal",)),
    Step("commercial", "Commercial and management",
         ("procurement", "lots", "payment", "governance", "benefits", "evaluation_plan")),
    Step("review", "Review and export", ()),
)

STEP_KEYS: tuple[str, ...] = tuple(s.key for s in STEPS)
BY_KEY: dict[str, Step] = {s.key: s for s in STEPS}
# Which step edits each kind of item a finding or a graph can name.
STEP_OF_KIND: dict[str, str] = {kind: s.key for s in STEPS for kind in s.kinds}


def step(key: str) -> Step:
    """The step ``key`` (KeyError names an unknown key)."""
    return BY_KEY[key]

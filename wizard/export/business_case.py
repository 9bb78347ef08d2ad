"""The draft business case as data: cover facts and a list of blocks in the Five Case Model.

``build_business_case(project, edition)`` is pure. For the public edition the caller passes the
*redacted* copy (``wizard.redact.redact``) — ``business_case_for(project, edition)`` does both — so
nothing here ever sees a withheld value. The wording lives in templates/business_case.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from wizard import risk as riskmod
from wizard.export.content import (
    Block,
    Bullets,
    BusinessCase,
    Cover,
    Figure,
    Heading,
    KeyValues,
    Para,
    Table,
)
from wizard.export import sharing_case
from wizard.checks import Finding
from wizard.export.assessment_appendix import assessment_blocks, summary_line
from wizard.export.editions import EDITIONS
from wizard.export.money_case import MoneyCase
from wizard.model import BreakClause, Phase, Project, Risk, Withholdable
from wizard.export.safe_text import printable_project
from wizard.formatting import duration, every, listing, long_date, money, timestamp
from wizard import publication
from wizard.publication import document_date
from wizard.redact import LogEntry, redact, redaction_log
from wizard.schedule import build_schedule
from wizard.scorecard import Scorecard, assessment
from wizard.vocab import IMPACT_LABELS, LIKELIHOOD_LABELS, Allocation, DeliveryModel, label

WORDING_PATH = Path(__file__).resolve().parents[2] / "templates" / "business_case.json"
WITHHELD = "Withheld"
ACCOUNTABILITY_KEYS = ("open_book", "data_disclosure", "publish_business_case", "publish_subcontracts",
                       "social_responsibility_accreditation", "living_wage", "sme_spend_target_pct")
# the commitments about money and its disclosure, printed in the financial case
FINANCIAL_LINES = ("open_book", "data_disclosure", "publish_subcontracts", "sme_spend_target_pct")


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    with open(WORDING_PATH, encoding="utf-8") as fh:
        return json.load(fh)


class _Fill(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(_Fill(values))


# -- dates ---------------------------------------------------------------------------------------
def add_months(start: dt.date, months: int) -> dt.date:
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def export_date(project: Project) -> dt.date:
    """The document's date: the project's document date when set, else the date of the export
    (SOURCE_DATE_EPOCH when set, for reproducible builds). See wizard.publication."""
    return document_date(project)


def model_label(project: Project) -> str:
    info = project.project
    if info.delivery_model is DeliveryModel.OTHER and info.delivery_model_other.strip():
        return info.delivery_model_other.strip()
    return label(info.delivery_model)


def commissioners_text(project: Project) -> str:
    return listing(project.project.commissioners) or "the commissioning body"


def values(project: Project) -> dict[str, str]:
    info = project.project
    end = add_months(info.start, info.duration_months)
    stage = label(info.stage)
    return {
        "title": info.title,
        "commissioners": commissioners_text(project),
        "place": info.place or "the area",
        "place_or_area": info.place or "the area",
        "service_area": info.service_area or "public services",
        "service_area_or_services": info.service_area or "public services",
        "model": model_label(project),
        "model_lower": model_label(project).lower() if info.delivery_model is not DeliveryModel.OTHER else model_label(project),
        "stage": stage,
        "stage_lower": stage[0].lower() + stage[1:],
        "value": money(info.value_gbp),
        "duration": duration(info.duration_months),
        "start": long_date(info.start),
        "end": long_date(end),
        "appetite": label(info.risk_appetite).lower(),
        "phase_count": str(len(project.phases)),
        "risk_count": str(len(project.risks)),
        "clause_count": str(len(project.break_clauses)),
        "group_count": str(len(project.steering_groups)),
        "kpi_count": str(len(project.kpis)),
    }


def yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


# -- the builder --------------------------------------------------------------------------------
class _Builder:
    def __init__(self, project: Project, edition: str, source: Project | None = None):
        if edition not in EDITIONS:
            raise ValueError(f"Unknown edition '{edition}': use public or internal")
        self.p = project
        self.source = source if source is not None else project  # the real project
        self.edition = edition
        self.public = edition == "public"
        self.w = wording()
        self.v = values(project)
        # the totals rule of the public edition (wizard.publication), from the real project
        self.facts = publication.facts(self.source) if self.public else None
        if self.facts is not None:
            self.v["value"] = self.facts.value_text
        self.blocks: list[Block] = []
        self.schedule = build_schedule(project)
        self.partner_names = {pt.id: pt.name for pt in project.partners}
        self.phase_names = {ph.id: ph.name for ph in project.phases}
        self.money_case = MoneyCase(project, self.w, self.public)
        self._assessment: tuple[Scorecard, list[Finding]] | None = None

    # helpers
    def t(self, text: str) -> str:
        return fill(text, self.v)

    def h(self, level: int, text: str, key: str) -> None:
        self.blocks.append(Heading(level, text, key))

    def para(self, text: str, style: str = "body") -> None:
        if text.strip():
            self.blocks.append(Para(text, style))

    def money_of(self, item: Withholdable, value: int) -> str:
        if self.public and item.sensitive:
            return WITHHELD
        return money(value)

    def phase_value(self, phase: Phase) -> str:
        if self.facts is not None and self.facts.grouped:
            return WITHHELD  # phase values are withheld as a group (wizard.publication)
        return self.money_of(phase, phase.value_gbp)

    def item_id(self, item: Phase | Risk | BreakClause) -> str:
        if not self.public and item.sensitive:
            return f"{item.id}*"
        return item.id

    def phases_text(self, ids: list[str]) -> str:
        return ", ".join(self.phase_names.get(i, i) for i in ids) if ids else "All phases"

    # chapters
    def summary(self) -> None:
        w = self.w["summary"]
        p = self.p
        self.h(1, w["title"], "summary")
        self.para(self.t(w["intro"]), "lead")
        top = riskmod.top_risks(p, 5)
        items: list[tuple[str, str]] = [
            ("Delivery model", self.v["model"]),
            ("Estimated value", self.v["value"]),
            ("Duration", f"{self.v['duration']}, {self.v['start']} to {self.v['end']}"),
            ("Business case stage", self.v["stage"]),
            (
                "Phases",
                "; ".join(
                    f"{ph.name} (months {self.schedule.start.get(ph.id, ph.start_month)}–"
                    f"{self.schedule.finish.get(ph.id, ph.start_month + ph.duration_months)})"
                    for ph in p.phases
                )
                or "None yet",
            ),
            (
                "Top risks",
                "; ".join(
                    f"{r.id} {r.title} (score {riskmod.score(r)}, {label(r.allocation).lower()})"
                    for r in top
                )
                or "None yet",
            ),
            (
                "Break clauses",
                "; ".join(f"{c.id} {label(c.trigger)}" for c in p.break_clauses) or "None yet",
            ),
            (
                "Community steering groups",
                "; ".join(f"{g.name} ({label(g.influence).lower()})" for g in p.steering_groups)
                or "None yet",
            ),
        ]
        scorecard, _ = self.assessment()
        items.append(("Changemaking scorecard", summary_line(scorecard)))
        self.blocks.append(KeyValues("The deal at a glance", tuple(items)))

    def strategic(self) -> None:
        w = self.w["chapters"]["strategic"]
        info = self.p.project
        self.h(1, w["title"], "strategic")
        self.para(self.t(w["intro"]))
        self.h(2, w["case_for_change"], "strategic-case-for-change")
        if info.case_for_change.strip():
            for chunk in info.case_for_change.split("\n\n"):
                self.para(chunk.strip())
        else:
            self.para(w["no_case_for_change"], "note")
        self.h(2, w["objectives"], "strategic-objectives")
        objectives = [o for o in info.objectives if o.strip()]
        if objectives:
            self.blocks.append(Bullets(tuple(objectives)))
        else:
            self.para(w["no_objectives"], "note")
        if self.p.partners:
            self.h(2, w["partners"], "strategic-partners")
            self.para(self.t(w["partners_intro"]))
            rows = tuple(
                (
                    pt.name,
                    label(pt.kind),
                    yes_no(pt.sme),
                    yes_no(pt.local),
                    pt.role,
                )
                for pt in self.p.partners
            )
            self.blocks.append(
                Table(
                    "Table: the partners",
                    ("Partner", "Kind", "SME", "Local", "Role"),
                    rows,
                    (0.27, 0.2, 0.08, 0.08, 0.37),
                    "partners",
                )
            )
        if self.p.social_impact:
            self.h(2, w["social_impact"], "strategic-social-impact")
            self.para(w["social_impact_intro"])
            rows = tuple(
                (
                    s.outcome,
                    s.indicator,
                    s.baseline,
                    s.target,
                    long_date(s.date) if s.date else "",
                    yes_no(s.published),
                    yes_no(s.consulted),
                )
                for s in self.p.social_impact
            )
            self.blocks.append(
                Table(
                    "Table: social impact objectives",
                    ("Outcome", "Indicator", "Baseline", "Target", "By", "Published", "Consulted"),
                    rows,
                    (0.22, 0.18, 0.13, 0.13, 0.12, 0.11, 0.11),
                    "social-impact",
                )
            )

    def economic(self) -> None:
        w = self.w["chapters"]["economic"]
        p = self.p
        self.h(1, w["title"], "economic")
        self.para(self.t(w["intro"]))
        self.h(2, w["options"], "economic-options")
        if p.project.options:
            rows = tuple(
                (o.name, o.description, "Preferred" if o.preferred else "", o.reason)
                for o in p.project.options
            )
            self.blocks.append(
                Table(
                    "Table: options considered",
                    ("Option", "Description", "Preferred", "Why"),
                    rows,
                    (0.2, 0.35, 0.12, 0.33),
                    "options",
                )
            )
        else:
            self.para(w["no_options"], "note")
        self.blocks += self.money_case.economic()
        self.h(2, w["risk"], "economic-risk")
        self.para(self.t(w["risk_intro"]))
        if p.risks:
            self.blocks.append(Figure("risk_matrix", "Figure: the risk matrix (likelihood by impact)"))
            self.h(3, w["register"], "economic-register")
            rows = tuple(
                (
                    self.item_id(r),
                    r.title,
                    label(r.category),
                    f"{r.likelihood} {LIKELIHOOD_LABELS[r.likelihood]}",
                    f"{r.impact} {IMPACT_LABELS[r.impact]}",
                    str(riskmod.score(r)),
                    riskmod.band(r).capitalize(),
                    r.description,
                )
                for r in p.risks
            )
            self.blocks.append(
                Table(
                    "Table: risk register",
                    ("Id", "Risk", "Category", "Likelihood", "Impact", "Score", "Band", "Description"),
                    rows,
                    (0.06, 0.17, 0.15, 0.11, 0.11, 0.07, 0.08, 0.25),
                    "risk-register",
                    numeric=(5,),
                )
            )
        self.h(3, w["lphi"], "economic-lphi")
        self.para(w["lphi_intro"])
        lphi = riskmod.low_probability_high_impact(p)
        if lphi:
            rows = tuple(
                (
                    self.item_id(r),
                    r.title,
                    str(riskmod.score(r)),
                    "; ".join(r.contingent_support.events) if r.contingent_support else "None proposed",
                )
                for r in lphi
            )
            self.blocks.append(
                Table(
                    "Table: candidates for contingent public support",
                    ("Id", "Risk", "Score", "Contingent support events"),
                    rows,
                    (0.1, 0.4, 0.1, 0.4),
                    "lphi",
                    numeric=(2,),
                )
            )
        else:
            self.para(w["no_lphi"], "note")
        self.blocks += self.money_case.risk()

    def commercial(self) -> None:
        w = self.w["chapters"]["commercial"]
        p = self.p
        self.h(1, w["title"], "commercial")
        self.para(self.t(w["intro"]))
        self.h(2, w["phasing"], "commercial-phasing")
        if p.phases:
            self.para(self.t(w["phasing_intro"]))
            self.blocks.append(Figure("phase_map", "Figure: the phases over the contract"))
            rows = []
            for ph in p.phases:
                start = self.schedule.start.get(ph.id, ph.start_month)
                finish = self.schedule.finish.get(ph.id, start + ph.duration_months)
                rows.append(
                    (
                        self.item_id(ph),
                        ph.name,
                        label(ph.kind),
                        f"{start}–{finish}",
                        self.partner_names.get(ph.provider or "", "Not chosen"),
                        "Bundled" if ph.bundled else "Separate",
                        "; ".join(ph.outcomes),
                        ph.description,
                    )
                )
            self.blocks.append(
                Table(
                    "Table: phases",
                    (
                        "Id",
                        "Phase",
                        "Kind",
                        "Months",
                        "Provider",
                        "Contract",
                        "Outcomes",
                        "Description",
                    ),
                    tuple(rows),
                    (0.06, 0.13, 0.15, 0.09, 0.12, 0.1, 0.19, 0.16),
                    "phases",
                )
            )
        else:
            self.para(w["no_phases"], "note")
        if p.risks:
            self.h(2, w["allocation"], "commercial-allocation")
            self.para(w["allocation_intro"])
            rows = tuple(
                (
                    self.item_id(r),
                    r.title,
                    label(r.allocation)
                    + (f" ({r.public_share}% public)" if r.allocation is Allocation.SHARED else ""),
                    self.partner_names.get(r.owner or "", "Not named"),
                    label(r.response),
                    label(r.status),
                    r.mitigation,
                )
                for r in p.risks
            )
            self.blocks.append(
                Table(
                    "Table: risk allocation",
                    ("Id", "Risk", "Allocation", "Owner", "Response", "Workshop", "Mitigation"),
                    rows,
                    (0.07, 0.19, 0.14, 0.14, 0.11, 0.11, 0.24),
                    "risk-allocation",
                )
            )
            if p.partners:
                self.blocks.append(Figure("partner_load", "Figure: " + w["load"].lower()))
        self.blocks += sharing_case.commercial_blocks(p, self.public)
        self.h(2, w["break_clauses"], "commercial-break-clauses")
        self.para(w["break_intro"])
        if p.break_clauses:
            rows = tuple(
                (
                    self.item_id(c),
                    label(c.trigger),
                    self.phases_text(c.phases),
                    str(c.earliest_month),
                    str(c.notice_months),
                    label(c.compensation)
                    + (f": {c.formula}" if c.formula.strip() else ""),
                    c.description,
                )
                for c in p.break_clauses
            )
            self.blocks.append(
                Table(
                    "Table: break clauses",
                    ("Id", "Trigger", "Phases", "From month", "Notice (months)", "Compensation", "Description"),
                    rows,
                    (0.07, 0.16, 0.15, 0.09, 0.1, 0.18, 0.25),
                    "break-clauses",
                    numeric=(3, 4),
                )
            )
        else:
            self.para(w["no_break_clauses"], "note")
        from wizard.export import commercial_case  # it uses this module's formatters

        self.blocks += commercial_case.procurement_blocks(p, self.public)
        self.blocks += commercial_case.payment_blocks(p, self.public)

    def financial(self) -> None:
        w = self.w["chapters"]["financial"]
        p = self.p
        self.h(1, w["title"], "financial")
        self.para(self.t(w["intro"]))
        self.blocks.append(
            KeyValues(
                "Contract value",
                (
                    ("Estimated whole-life value", self.v["value"]),
                    ("Duration", self.v["duration"]),
                    ("Delivery model", self.v["model"]),
                ),
            )
        )
        self.blocks += self.money_case.financial()
        if p.phases:
            self.h(2, w["values"], "financial-values")
            rows = [(self.item_id(ph), ph.name, self.phase_value(ph)) for ph in p.phases]
            any_withheld = self.facts is not None and self.facts.grouped
            if not any_withheld:
                # No partial total when a phase is withheld: the gap would narrow down its value.
                rows.append(("", "Total of phases", money(sum(ph.value_gbp for ph in p.phases))))
            self.blocks.append(
                Table(
                    "Table: value by phase",
                    ("Id", "Phase", "Value"),
                    tuple(rows),
                    (0.15, 0.6, 0.25),
                    "phase-values",
                    numeric=(2,),
                )
            )
            if any_withheld:
                self.para(publication.totals_note(self.source, self.w["appendix"]), "note")
        self.h(2, w["support"], "financial-support")
        supported = [r for r in p.risks if r.contingent_support is not None]
        if supported:
            rows = tuple(
                (
                    self.item_id(r),
                    r.title,
                    "; ".join(r.contingent_support.events),
                    self.money_of(r, r.contingent_support.cap_gbp),
                    r.contingent_support.description,
                )
                for r in supported
                if r.contingent_support is not None
            )
            self.blocks.append(
                Table(
                    "Table: contingent public support",
                    ("Id", "Risk", "Triggering events", "Cap", "Terms"),
                    rows,
                    (0.08, 0.22, 0.27, 0.13, 0.3),
                    "support",
                    numeric=(3,),
                )
            )
        else:
            self.para(w["no_support"], "note")
        self.blocks += sharing_case.financial_blocks(p, self.public, self.money_case.afford)
        self.h(2, w["transparency"], "financial-transparency")
        self.blocks.append(KeyValues("Financial transparency", self.accountability_items(FINANCIAL_LINES)))

    def accountability_items(self, keys: tuple[str, ...] | None = None) -> tuple[tuple[str, str], ...]:
        """The accountability commitments (those of ``keys`` only, when given): the financial
        ones are printed in the financial case, the others in the management case, once each."""
        a = self.p.accountability
        lines = self.w["accountability_lines"]
        items = [
            (lines["open_book"], yes_no(a.open_book)),
            (lines["data_disclosure"], yes_no(a.data_disclosure)),
            (lines["publish_business_case"], yes_no(a.publish_business_case)),
            (
                fill(lines["publish_subcontracts"], {"threshold": money(a.subcontract_threshold_gbp)}),
                yes_no(a.publish_subcontracts),
            ),
            (lines["social_responsibility_accreditation"], yes_no(a.social_responsibility_accreditation)),
            (lines["living_wage"], yes_no(a.living_wage)),
            (
                lines["sme_spend_target_pct"],
                f"{a.sme_spend_target_pct}%" if a.sme_spend_target_pct is not None else "None set",
            ),
        ]
        if keys is None:
            return tuple(items)
        return tuple(item for key, item in zip(ACCOUNTABILITY_KEYS, items) if key in keys)

    def management(self) -> None:
        w = self.w["chapters"]["management"]
        p = self.p
        self.h(1, w["title"], "management")
        self.para(self.t(w["intro"]))
        from wizard.export import commercial_case  # it uses this module's formatters

        self.blocks += commercial_case.governance_blocks(p, self.public)
        self.h(2, w["steering"], "management-steering")
        self.para(w["steering_intro"])
        if p.steering_groups:
            rows = tuple(
                (
                    g.name,
                    g.remit,
                    ", ".join(label(s) for s in g.stages) or "None",
                    "; ".join(
                        f"{label(m.kind)} ×{m.seats}" + (f" ({m.note})" if m.note else "")
                        for m in g.members
                    ),
                    str(g.meetings_per_year),
                    label(g.influence),
                    str(g.board_seats),
                    g.seldom_heard,
                )
                for g in p.steering_groups
            )
            self.blocks.append(
                Table(
                    "Table: community steering groups",
                    ("Group", "Remit", "Stages", "Members", "Meets a year", "Influence", "Board seats", "Seldom-heard voices"),
                    rows,
                    (0.12, 0.15, 0.11, 0.16, 0.09, 0.12, 0.08, 0.17),
                    "steering-groups",
                    numeric=(4, 6),
                )
            )
        else:
            self.para(w["no_steering"], "note")
        self.h(2, w["kpis"], "management-kpis")
        if p.kpis:
            self.para(w["kpis_intro"])
            rows = tuple(
                (
                    k.id,
                    k.name,
                    k.measure,
                    k.target,
                    every(k.assessed_every_months),
                    self.partner_names.get(k.owner or "", "Not named"),
                )
                for k in p.kpis
            )
            self.blocks.append(
                Table(
                    "Table: key performance indicators",
                    ("Id", "Indicator", "Measure", "Target", "Assessed", "Owner"),
                    rows,
                    (0.07, 0.22, 0.27, 0.15, 0.14, 0.15),
                    "kpis",
                )
            )
        else:
            self.para(w["no_kpis"], "note")
        reviews = sorted((ph for ph in p.phases if ph.review_month is not None), key=lambda ph: ph.review_month)
        if reviews:
            self.h(2, w["reviews"], "management-reviews")
            self.blocks.append(
                Bullets(tuple(f"Month {ph.review_month}: review of {ph.name}" for ph in reviews))
            )
        self.blocks += commercial_case.delivery_blocks(p, self.public)
        self.h(2, w["accountability"], "management-accountability")
        self.blocks.append(KeyValues("Accountability commitments", self.accountability_items(
            tuple(k for k in ACCOUNTABILITY_KEYS if k not in FINANCIAL_LINES))))
        self.h(2, w["decisions"], "management-decisions")
        if p.decisions:
            self.para(w["decisions_intro"])
            rows = tuple(
                (timestamp(d.time), d.step, d.item, d.change, d.note)
                for d in p.decisions
            )
            self.blocks.append(
                Table(
                    "Table: decisions taken in workshop",
                    ("When", "Step", "Item", "Change", "Note"),
                    rows,
                    (0.15, 0.13, 0.17, 0.3, 0.25),
                    "decisions",
                )
            )
        else:
            self.para(w["no_decisions"], "note")

    def assessment(self) -> tuple[Scorecard, list[Finding]]:
        if self._assessment is None:
            # the real project's assessment, in the edition's words (both editions score alike)
            from wizard.public_assessment import edition_assessment

            self._assessment = edition_assessment(self.source, self.edition)
        return self._assessment

    def appendix_assessment(self) -> None:
        self.h(1, self.w["appendix"]["assessment"], "appendix-assessment")
        self.blocks.extend(assessment_blocks(*self.assessment(), self.w["appendix"]))

    def appendix_redaction(self) -> None:
        w = self.w["appendix"]
        log = redaction_log(self.p)
        if self.public:
            self.h(1, w["redaction"], "appendix-redaction")
            self.para(w["redaction_intro"])
            empty = w["no_redaction"]
        else:
            self.h(1, w["sensitive"], "appendix-sensitive")
            self.para(w["sensitive_intro"])
            empty = w["no_sensitive"]
        if not log:
            self.para(empty, "note")
            return
        today = document_date(self.source)
        rows = tuple(
            (
                e.ref,
                e.kind.capitalize(),
                e.label if e.kind != "risk" else e.label,
                ", ".join(e.fields),
                e.reason or "No reason given",
                (long_date(e.until) if e.until else "Not set")
                + (w["still_withheld"] if e.until and e.until < today else ""),
            )
            for e in log
        )
        self.blocks.append(
            Table(
                "Table: redaction log" if self.public else "Table: sensitive content",
                ("Ref", "Item", "Shown as", "Withheld", "Reason", "Until"),
                rows,
                (0.1, 0.1, 0.2, 0.22, 0.24, 0.14),
                "redaction-log",
            )
        )
        self.redaction_notes(log)

    def redaction_notes(self, log: list[LogEntry]) -> None:
        """The totals rule and the places that quote withheld content (wizard.quotes)."""
        from wizard import quotes

        w = self.w["appendix"]
        note = publication.totals_note(self.source, w)
        if note:
            self.para(note)
        places = quotes.places(self.source)
        if places:
            self.para(w["quoted_intro"] if self.public else w["quoted_intro_internal"])
            refs = {n: e.ref for n, e in enumerate(log, start=1)}
            self.blocks.append(Bullets(tuple(
                f"{quotes.place_name(self.source, pl.path)} "
                f"({', '.join(refs.get(n, '') for n in pl.numbers)})"
                for pl in places
            )))

    def build(self) -> BusinessCase:
        self.summary()
        self.strategic()
        self.economic()
        self.commercial()
        self.financial()
        self.management()
        self.appendix_assessment()
        self.appendix_redaction()
        c = self.w["cover"]
        info = self.p.project
        cover = Cover(
            title=info.title,
            kicker=c["kicker"],
            commissioners=self.t(c["prepared_for"]),
            place=", ".join(x for x in (info.place, info.service_area) if x),
            stage=self.v["stage"],
            edition="Public edition" if self.public else "Internal edition",
            date=export_date(self.p),
            draft=c["draft"],
            note=c["public_note"] if self.public else c["internal_note"],
        )
        return BusinessCase(self.edition, cover, self.blocks)


def build_business_case(project: Project, edition: str, source: Project | None = None) -> BusinessCase:
    """The business case of ``project`` as it stands. For the public edition pass the redacted
    copy and, as ``source``, the real project (its assessment and totals rule); prefer
    ``business_case_for`` which does both."""
    return _Builder(project, edition, source).build()


def edition_project(project: Project, edition: str) -> Project:
    """The project an edition is built from: the redacted copy for the public edition, with
    every text printable in any format (``wizard.export.safe_text``)."""
    if edition not in EDITIONS:
        raise ValueError(f"Unknown edition '{edition}': use public or internal")
    return printable_project(redact(project) if edition == "public" else project)


def business_case_for(project: Project, edition: str) -> tuple[Project, BusinessCase]:
    """Redact if public, then build: (the project the edition shows, its business case)."""
    shown = edition_project(project, edition)
    return shown, build_business_case(shown, edition, printable_project(project))

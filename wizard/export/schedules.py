"""The contract schedules of the tender pack as one Word document (.docx).

``schedules_bytes(project, edition)`` writes five schedules in numbered clauses, as a contract
schedule reads: risk allocation (who bears each risk and how much, its owner and mitigation,
and contingent public support with its triggering events and cap), break clauses and
termination, performance (the KPIs), governance and community involvement (the steering
groups), and accountability. The wording lives in templates/schedules.json; the facts come from
the project. The public edition is built from the redacted copy (``wizard.redact``), so a
withheld item shows only its placeholder and a withheld cap reads "Withheld".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

from wizard import risk as riskmod
from wizard.export import word
from wizard.export.business_case import (
    WITHHELD,
    add_months,
    commissioners_text,
    export_date,
    fill,
    values,
)
from wizard.export.business_case import edition_project
from wizard.export.editions import PUBLIC
from wizard.formatting import every, listing, long_date, money, months_of
from wizard.model import Project
from wizard.schedule import build_schedule
from wizard.vocab import Allocation, label

WORDING_PATH = Path(__file__).resolve().parents[2] / "templates" / "schedules.json"
CLAUSE_STYLE = "Clause"
SUBCLAUSE_STYLE = "Clause Sub"


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    with open(WORDING_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Clause:
    number: str  # "1.3", or "(a)" for a sub-clause
    text: str
    sub: bool = False


@dataclass(frozen=True)
class Schedule:
    title: str
    parts: list  # Clause, or ("table", caption, header, rows)


class _Builder:
    def __init__(self, project: Project, edition: str):
        self.p = project
        self.public = edition == PUBLIC
        self.w = wording()
        self.v = values(project)
        self.partners = {pt.id: pt.name for pt in project.partners}
        self.phases = {ph.id: ph.name for ph in project.phases}

    def t(self, template: str, **extra: str) -> str:
        return fill(template, {**self.v, **extra})

    def ref(self, item: Any) -> str:
        return f"{item.id}*" if (not self.public and getattr(item, "sensitive", False)) else item.id

    def phase_list(self, ids: list[str]) -> str:
        return listing([self.phases.get(i, i) for i in ids])

    # -- the schedules ---------------------------------------------------------------------
    def definitions(self) -> Schedule:
        d = self.w["definitions"]
        names = [pt.name for pt in self.p.partners]
        lines = [self.t(d["authority"]), self.t(d["contract"]),
                 self.t(d["partners"], partners=listing(names)) if names else d["no_partners"],
                 self.t(d["month"]), d["phases"]]
        parts: list = [Clause(f"0.{i}", text) for i, text in enumerate(lines, start=1)]
        if self.p.phases:
            schedule = build_schedule(self.p)
            rows = [(self.ref(ph), ph.name,
                     f"{schedule.start.get(ph.id, ph.start_month)}–{schedule.finish.get(ph.id, ph.start_month + ph.duration_months)}",
                     self.partners.get(ph.provider or "", "Not chosen")) for ph in self.p.phases]
            parts.append(("table", "The phases", ("Phase", "Name", "Months", "Provider"), rows))
        return Schedule(d["title"], parts)

    def risk_allocation(self) -> Schedule:
        w = self.w["risk"]
        parts: list = [Clause("1.1", w["purpose"])]
        risks = sorted(self.p.risks, key=lambda r: (-riskmod.score(r), r.id))
        if not risks:
            parts.append(Clause("1.2", w["none"]))
            return Schedule(w["title"], parts)
        number = 2
        for r in risks:
            if r.allocation is Allocation.SHARED:
                bearer = self.t(w["shared"], public=str(r.public_share), private=str(100 - r.public_share))
            else:
                bearer = w[r.allocation.value]
            owner = self.partners.get(r.owner or "")
            sentences = [f"Risk {self.ref(r)}: {r.title} ({label(r.category)}; score {riskmod.score(r)}, "
                         f"{riskmod.band(r)}).", bearer,
                         self.t(w["owner"], owner=owner) if owner else w["no_owner"]]
            if r.phases:
                sentences.append(self.t(w["phases"], phases=self.phase_list(r.phases)))
            parts.append(Clause(f"1.{number}", " ".join(sentences)))
            if r.mitigation.strip():
                parts.append(Clause("(a)", self.t(w["mitigation"], mitigation=r.mitigation.strip()), sub=True))
            parts.append(Clause("(b)" if r.mitigation.strip() else "(a)",
                                self.t(w["response"], response=label(r.response).lower()), sub=True))
            number += 1
        rows = [(self.ref(r), r.title, label(r.allocation), f"{r.public_share}%" if r.allocation is Allocation.SHARED
                 else ("100%" if r.allocation is Allocation.PUBLIC else "0%"),
                 self.partners.get(r.owner or "", "Not named")) for r in risks]
        parts.append(("table", "Risk allocation", ("Risk", "Title", "Allocation", "Public share", "Owner"), rows))
        supported = [r for r in risks if r.contingent_support is not None]
        if supported:
            parts.append(("heading", w["support_title"]))
            parts.append(Clause(f"1.{number}", w["support_intro"]))
            number += 1
            for r in supported:
                cs = r.contingent_support
                cap = WITHHELD if (self.public and r.sensitive) else money(cs.cap_gbp)
                events = "; ".join(e for e in cs.events if e) or "events still to be named"
                parts.append(Clause(f"1.{number}", self.t(w["support"], ref=self.ref(r), events=events, cap=cap)))
                if cs.description.strip():
                    parts.append(Clause("(a)", self.t(w["support_terms"], terms=cs.description.strip()), sub=True))
                number += 1
        return Schedule(w["title"], parts)

    def break_clauses(self) -> Schedule:
        w = self.w["breaks"]
        parts: list = [Clause("2.1", w["purpose"])]
        if not self.p.break_clauses:
            parts.append(Clause("2.2", w["none"]))
            return Schedule(w["title"], parts)
        clauses = sorted(self.p.break_clauses, key=lambda c: (c.earliest_month, c.id))
        for number, c in enumerate(clauses, start=2):
            scope = f"the {self.phase_list(c.phases)} phase{'s' if len(c.phases) > 1 else ''}" if c.phases else "the Contract"
            notice = months_of(c.notice_months)
            if c.notice_months == 0:
                notice = "immediate"
            date = long_date(add_months(self.p.project.start, c.earliest_month))
            text = self.t(w["clause"], ref=self.ref(c), trigger=label(c.trigger).lower(), scope=scope,
                          notice=notice, month=str(c.earliest_month), date=date)
            if c.description.strip():
                text += " " + c.description.strip()
            parts.append(Clause(f"2.{number}", text))
            parts.append(Clause("(a)", self.t(w["compensation"], compensation=label(c.compensation).lower()), sub=True))
            if c.formula.strip():
                parts.append(Clause("(b)", self.t(w["formula"], formula=c.formula.strip()), sub=True))
        return Schedule(w["title"], parts)

    def performance(self) -> Schedule:
        w = self.w["performance"]
        parts: list = [Clause("3.1", w["purpose"])]
        if not self.p.kpis:
            parts.append(Clause("3.2", w["none"]))
            return Schedule(w["title"], parts)
        for number, k in enumerate(self.p.kpis, start=2):
            measure = k.measure.strip()
            if measure and not measure.endswith((".", "!", "?")):
                measure += "."
            parts.append(Clause(f"3.{number}", self.t(
                w["kpi"], ref=k.id, name=k.name, measure=measure or "to be agreed.",
                target=k.target or "to be agreed", every=every(k.assessed_every_months),
                owner=self.partners.get(k.owner or "", w["no_owner"]))))
        payment = getattr(self.p, "payment", None)
        if payment is not None and (getattr(payment, "mechanism", None) or getattr(payment, "deductions", None)):
            parts.append(Clause(f"3.{len(self.p.kpis) + 2}", w["payment"]))
        rows = [(k.id, k.name, k.target, every(k.assessed_every_months).capitalize(),
                 self.partners.get(k.owner or "", w["no_owner"])) for k in self.p.kpis]
        parts.append(("table", "Key performance indicators", ("KPI", "Indicator", "Target", "Assessed", "Reported by"), rows))
        return Schedule(w["title"], parts)

    def governance(self) -> Schedule:
        w = self.w["governance"]
        parts: list = [Clause("4.1", w["purpose"])]
        if not self.p.steering_groups:
            parts.append(Clause("4.2", w["none"]))
            return Schedule(w["title"], parts)
        for number, g in enumerate(self.p.steering_groups, start=2):
            parts.append(Clause(f"4.{number}", self.t(w["group"], name=g.name, remit=g.remit.strip() or "to be agreed.")))
            subs = [self.t(w["stages"], stages=listing([label(s).lower() for s in g.stages]) or "no",
                           meetings=str(g.meetings_per_year))]
            if g.members:
                subs.append(self.t(w["membership"], members="; ".join(
                    f"{label(m.kind)} × {m.seats}" + (f" ({m.note})" if m.note else "") for m in g.members)))
            subs.append(self.t(w["influence"], influence=label(g.influence), seats=str(g.board_seats)))
            if g.seldom_heard.strip():
                subs.append(self.t(w["seldom_heard"], text=g.seldom_heard.strip()))
            for letter, text in zip("abcdefgh", subs):
                parts.append(Clause(f"({letter})", text, sub=True))
        return Schedule(w["title"], parts)

    def accountability(self) -> Schedule:
        w = self.w["accountability"]
        a = self.p.accountability
        parts: list = [Clause("5.1", w["purpose"])]
        flags = [("open_book", a.open_book), ("data_disclosure", a.data_disclosure),
                 ("publish_business_case", a.publish_business_case),
                 ("publish_subcontracts", a.publish_subcontracts),
                 ("social_responsibility_accreditation", a.social_responsibility_accreditation),
                 ("living_wage", a.living_wage)]
        number = 2
        for key, on in flags:
            text = w[key][0 if on else 1]
            parts.append(Clause(f"5.{number}", self.t(text, threshold=money(a.subcontract_threshold_gbp))))
            number += 1
        if a.sme_spend_target_pct is not None:
            parts.append(Clause(f"5.{number}", self.t(w["sme_spend"], pct=str(a.sme_spend_target_pct))))
        else:
            parts.append(Clause(f"5.{number}", w["no_sme_spend"]))
        return Schedule(w["title"], parts)

    def build(self) -> list[Schedule]:
        return [self.definitions(), self.risk_allocation(), self.break_clauses(), self.performance(),
                self.governance(), self.accountability()]


def build_schedules(project: Project, edition: str) -> tuple[Project, list[Schedule]]:
    """(the project the edition shows, its schedules); the public edition from the redacted copy."""
    shown = edition_project(project, edition)
    return shown, _Builder(shown, edition).build()


def _styles(doc: DocxDocument) -> None:
    styles = doc.styles
    clause = styles.add_style(CLAUSE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = styles["Normal"]
    clause.paragraph_format.left_indent = Cm(1.2)
    clause.paragraph_format.first_line_indent = Cm(-1.2)
    clause.paragraph_format.space_after = Pt(6)
    sub = styles.add_style(SUBCLAUSE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = clause
    sub.paragraph_format.left_indent = Cm(2.2)
    sub.paragraph_format.first_line_indent = Cm(-1.0)


def schedules_document(project: Project, edition: str) -> DocxDocument:
    shown, schedules = build_schedules(project, edition)
    w = wording()
    info = shown.project
    doc = word.new_document()
    _styles(doc)
    word.set_properties(
        doc, title=f"{info.title} — {w['title'].lower()} ({edition} edition)",
        subject=f"{w['subtitle']}: {info.title}", author=commissioners_text(shown),
        keywords=["contract schedules", "tender pack", "partnership", f"{edition} edition"],
        day=export_date(shown), category="Draft contract schedules")
    word.add_furniture(doc, edition, f"{info.title}: {w['title'].lower()}")
    doc.add_paragraph(w["subtitle"], style="Subtitle")
    doc.add_paragraph(f"{info.title}: {w['title'].lower()}", style="Title")
    doc.add_paragraph(fill(w["intro"], values(shown)))
    doc.add_paragraph(w["withheld_note"] if edition == PUBLIC else w["sensitive_note"], style=word.NOTE_STYLE)
    word.add_contents(doc, "Contents", [(1, s.title) for s in schedules])
    for schedule in schedules:
        doc.add_heading(schedule.title, level=1)
        for part in schedule.parts:
            if isinstance(part, Clause):
                paragraph = doc.add_paragraph(style=SUBCLAUSE_STYLE if part.sub else CLAUSE_STYLE)
                paragraph.add_run(part.number + "\t").bold = not part.sub
                paragraph.add_run(part.text)
            elif part[0] == "heading":
                doc.add_heading(part[1], level=2)
            else:
                _, title, header, rows = part
                word.add_captioned_table(doc, title, header, rows)
    return doc


def schedules_bytes(project: Project, edition: str = "internal") -> bytes:
    """The .docx file of the contract schedules of ``project`` in ``edition``."""
    return word.to_bytes(schedules_document(project, edition))

"""Place-based: measurable, public social impact objectives, the living wage, and a diverse mix
of providers including local SMEs and voluntary and community organisations."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, objective_label
from wizard.formatting import listing
from wizard.model import Project
from wizard.vocab import PartnerKind

P = "place_based"


def none(project: Project) -> list[Finding]:
    if project.social_impact:
        return []
    return [finding(
        "impact-none", "warning", P, "social_impact", "", "Social impact",
        "No social impact objectives are set: say what lasting benefit the contract should "
        "bring to the place.",
    )]


def measurable(project: Project) -> list[Finding]:
    out = []
    for o in project.social_impact:
        missing = [w for w, v in (("indicator", o.indicator), ("target", o.target))
                   if not v.strip()]
        if missing:
            out.append(finding(
                "impact-measurable", "warning", P, "social_impact", o.id, objective_label(o),
                f"Social impact objective {objective_label(o)} has no {' and no '.join(missing)}: "
                "it cannot be measured.",
            ))
    return out


def public(project: Project) -> list[Finding]:
    out = []
    for o in project.social_impact:
        missing = [w for w, v in (("published", o.published), ("consulted on", o.consulted)) if not v]
        if missing:
            out.append(finding(
                "impact-public", "warning", P, "social_impact", o.id,
                objective_label(o),
                f"Social impact objective {objective_label(o)} is not {' or '.join(missing)}.",
            ))
    return out


def living_wage(project: Project) -> list[Finding]:
    if project.accountability.living_wage:
        return []
    return [finding(
        "living-wage", "warning", P, "accountability", "", "Accountability",
        "The contract does not require the living wage; low pay costs the place elsewhere.",
    )]


def sme_local(project: Project) -> list[Finding]:
    providers = [p for p in project.partners if p.kind is not PartnerKind.PUBLIC]
    if any(p.sme or p.local for p in providers):
        return []
    if providers:
        message = (f"None of the {len(providers)} provider{'' if len(providers) == 1 else 's'} "
                   "is a small or medium-sized enterprise (SME) or local.")
    else:
        message = "No provider is named yet, so none is a small or medium-sized enterprise (SME) or local."
    return [finding("sme-local", "warning", P, "partners", "", "Partners", message)]


def voluntary(project: Project) -> list[Finding]:
    if any(p.kind is PartnerKind.VOLUNTARY for p in project.partners):
        return []
    kinds = sorted({p.kind.value for p in project.partners})
    have = f" (partners are {listing(kinds)} only)" if kinds else ""
    return [finding(
        "voluntary-partner", "advice", P, "partners", "", "Partners",
        f"No voluntary or community organisation is a partner{have}.",
    )]


RULES = [
    Rule("impact-none", P, "warning", "Social impact objectives set", none),
    Rule("impact-measurable", P, "warning", "Social impact objectives are measurable", measurable),
    Rule("impact-public", P, "warning",
         "Social impact objectives published and consulted on", public),
    Rule("living-wage", P, "warning", "The living wage", living_wage),
    Rule("sme-local", P, "warning", "An SME or local provider", sme_local),
    Rule("voluntary-partner", P, "advice", "A voluntary or community partner", voluntary),
]

"""What the public edition withholds of the commercial parts (called by ``wizard.redact``).

- A lot that is itself sensitive, or that covers a withheld phase, loses its value (its
  estimate would let a reader take the published phases away and find the withheld one) and
  is marked sensitive, so exporters print "Withheld"; a sensitive lot's description is
  replaced too.
- A sensitive payment mechanism loses its amounts: the deduction per failure and the cap.

Nothing else of procurement, governance, benefits or the evaluation plan is sensitive.
"""

from __future__ import annotations

from wizard.model import Project

WITHHELD_TEXT = "[Withheld]"


def withheld_lot_ids(project: Project) -> set[str]:
    """The lots whose value the public edition withholds."""
    secret_phases = {p.id for p in project.phases if p.sensitive}
    return {lot.id for lot in project.procurement.lots
            if lot.sensitive or secret_phases.intersection(lot.phases)}


def redact_commercial(original: Project, public: Project) -> Project:
    """``public`` (the redacted copy of ``original``) with the commercial parts withheld."""
    withheld = withheld_lot_ids(original)
    for lot in public.procurement.lots:
        if lot.id in withheld:
            own_secret = lot.sensitive
            lot.value_gbp = None
            lot.sensitive = True
            if own_secret:
                lot.description = WITHHELD_TEXT
    pay = public.payment
    if pay.sensitive:
        pay.deductions = [d.model_copy(update={"per_failure_gbp": 0}) for d in pay.deductions]
        pay.deduction_cap_pct = None
    return public

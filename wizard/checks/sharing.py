"""Sharing the upside: a joint venture or mutual investment model in which the public side
shares, a guarantee someone stands behind, gain-share with target-cost or cost-plus payment,
refinancing gains shared on privately financed deals, and the balance-sheet question a large
public stake raises."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding
from wizard.formatting import listing, money, percent
from wizard.model import Project
from wizard.vocab import DeliveryModel, label

KIND = "project"  # shown on the Project step, where the sharing section is
ITEM = "sharing"
ITEM_LABEL = "Sharing the upside"

# Models in which the public side is a shareholder of the delivery company.
SHAREHOLDING_MODELS = (DeliveryModel.JOINT_VENTURE, DeliveryModel.MUTUAL_INVESTMENT)
# Privately financed deals, whose debt can be refinanced at a gain once the risky years are over.
PRIVATELY_FINANCED = (DeliveryModel.PRIVATE_FINANCE, DeliveryModel.MUTUAL_INVESTMENT)
# Payment mechanisms that need a pain/gain share (values of the payment mechanism vocabulary).
GAIN_SHARE_MECHANISMS = ("target_cost", "cost_plus")

# Public control of a corporation under ESA 2010 (para. 20.309(a)), as the ONS applies it when
# classifying bodies to the public sector: ownership of the majority of the voting interest,
# i.e. more than 50%. The Welsh Government keeps its Mutual Investment Model stake at a minority
# (up to 20%) so the project companies are classified to the private sector.
PUBLIC_CONTROL_EQUITY_PCT = 50.0
PUBLIC_CONTROL_SOURCE = ("ESA 2010 para. 20.309(a), majority of the voting interest, as the ONS "
                         "applies it in sector classification")


def _f(slug: str, severity: str, principle: str, message: str) -> Finding:
    return finding(slug, severity, principle, KIND, ITEM, ITEM_LABEL, message)


def payment_mechanism(project: Project) -> str | None:
    """The contract's payment mechanism, as its stored value ('target_cost'), if recorded."""
    mechanism = getattr(getattr(project, "payment", None), "mechanism", None)
    return None if mechanism is None else str(getattr(mechanism, "value", mechanism))


def no_public_share(project: Project) -> list[Finding]:
    model = project.project.delivery_model
    s = project.sharing
    if model not in SHAREHOLDING_MODELS or s.public_equity_pct > 0 or s.share_of_profit_pct > 0:
        return []
    return [_f("sharing-no-public-share", "warning", "collaborative",
               f"The delivery model is a {label(model).lower()}, but the public side has no "
               "equity and no share of profit recorded: what it invests and gets back is not "
               "designed.")]


def guarantee_no_guarantor(project: Project) -> list[Finding]:
    g = project.sharing.guaranteed_return
    if g is None or g.guarantor is not None:
        return []
    what = []
    if g.amount_gbp:
        what.append(f"{money(g.amount_gbp)} a year")
    if g.pct_of_investment:
        what.append(f"{percent(g.pct_of_investment)} a year of the public investment")
    amount = f" ({listing(what)})" if what else ""
    return [_f("sharing-guarantor", "warning", "accountable",
               f"A guaranteed return to the public side{amount} is recorded, but no partner is "
               "named as standing behind it.")]


def target_cost_no_gain_share(project: Project) -> list[Finding]:
    mechanism = payment_mechanism(project)
    if mechanism not in GAIN_SHARE_MECHANISMS or project.sharing.gain_share is not None:
        return []
    words = "target-cost" if mechanism == "target_cost" else "cost-plus"
    return [_f("sharing-gain-share", "warning", "collaborative",
               f"Payment is {words}, but no pain/gain share is agreed: nothing gives the "
               "provider a reason to beat the target, or says who pays an overspend.")]


def gain_share_without_mechanism(project: Project) -> list[Finding]:
    if project.sharing.gain_share is None:
        return []
    mechanism = payment_mechanism(project)
    if mechanism in GAIN_SHARE_MECHANISMS:
        return []
    now = "no payment mechanism is recorded" if mechanism is None else (
        f"the payment mechanism is '{mechanism.replace('_', ' ')}'")
    return [_f("sharing-gain-share-mechanism", "advice", "accountable",
               f"A pain/gain share is recorded, but {now}: a gain share works against a "
               "target cost (or on cost-plus payment). Record the mechanism it goes with.")]


def no_refinancing_share(project: Project) -> list[Finding]:
    model = project.project.delivery_model
    if model not in PRIVATELY_FINANCED or project.sharing.refinancing_gain_share_pct:
        return []
    return [_f("sharing-refinancing", "warning", "accountable",
               f"The deal is privately financed ({label(model).lower()}), but no public share "
               "of refinancing gains is recorded: a refinancing after construction could make "
               "large gains for the investors alone.")]


def balance_sheet(project: Project) -> list[Finding]:
    s = project.sharing
    if s.public_equity_pct <= PUBLIC_CONTROL_EQUITY_PCT or s.accounting_treatment.strip():
        return []
    return [_f("sharing-balance-sheet", "warning", "accountable",
               f"The public side holds {percent(s.public_equity_pct)} of the company, more than "
               f"{percent(PUBLIC_CONTROL_EQUITY_PCT)} ({PUBLIC_CONTROL_SOURCE}): the company is likely "
               "to be classified to the public sector and its debt to count on the public "
               "balance sheet. No note on the accounting treatment is recorded.")]


def carrying_option_missing(project: Project) -> list[Finding]:
    wanted = project.sharing.option
    if wanted is None or any(o.id == wanted for o in project.project.options):
        return []
    return [_f("sharing-option", "warning", "accountable",
               f"The sharing arrangement is carried by option '{wanted}', which is not one of "
               "the options considered: its return is not in the appraisal.")]


RULES: list[Rule] = [
    Rule("sharing-no-public-share", "collaborative", "warning",
         "A joint venture or mutual investment model shares the upside", no_public_share),
    Rule("sharing-guarantor", "accountable", "warning",
         "A guaranteed return names who stands behind it", guarantee_no_guarantor),
    Rule("sharing-gain-share", "collaborative", "warning",
         "Target-cost or cost-plus payment has a pain/gain share", target_cost_no_gain_share),
    Rule("sharing-gain-share-mechanism", "accountable", "advice",
         "A pain/gain share goes with a target-cost or cost-plus payment",
         gain_share_without_mechanism),
    Rule("sharing-refinancing", "accountable", "warning",
         "A privately financed deal shares refinancing gains", no_refinancing_share),
    Rule("sharing-balance-sheet", "accountable", "warning",
         "A controlling public stake has a note on its accounting treatment", balance_sheet),
    Rule("sharing-option", "accountable", "warning",
         "The sharing arrangement is carried by one of the options", carrying_option_missing),
]

"""How the upside is shared: the public side's equity, profit share, guaranteed return,
gain-share and refinancing gain share (the Mutual Investment Model and Qwest patterns).

``Project.sharing`` holds one ``Sharing``. Every field has a default that means "nothing is
shared", so a version-1 file means the same once migrated. Money is whole pounds; a forecast
profit may be negative (a loss).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from wizard.model import (
    MAX_APPRAISAL_YEARS,
    MAX_GBP,
    AppraisalYear,
    ItemId,
    LongText,
    Money,
    Percent,
    Strict,
    Withholdable,
)
from wizard.vocab import DeliveryModel

# The delivery models whose company or partnership can share the upside with the public side
# (the wizard shows the sharing section for these, and for privately financed deals, whose
# refinancing gains can be shared).
SHARING_MODELS = (DeliveryModel.JOINT_VENTURE, DeliveryModel.MUTUAL_INVESTMENT,
                  DeliveryModel.TRADING_COMPANY, DeliveryModel.ALLIANCE)

Share = Annotated[float, Field(ge=0, le=100)]  # a share in %, e.g. 20 or 12.5
SignedMoney = Annotated[int, Field(ge=-MAX_GBP, le=MAX_GBP, strict=True)]


class StagedAmount(Strict):
    """What the public side invests in one appraisal year."""

    year: AppraisalYear
    amount_gbp: Money = 0


class ProfitYear(Strict):
    """The company's forecast profit (negative: a loss) in one appraisal year, real terms."""

    year: AppraisalYear
    profit_gbp: SignedMoney = 0


class GuaranteedReturn(Strict):
    """A minimum annual return to the public side and who stands behind it."""

    amount_gbp: Money = 0  # a minimum in pounds a year
    pct_of_investment: Share = 0.0  # or a minimum in % a year of the public equity invested
    guarantor: ItemId | None = None  # the partner who stands behind it
    until_year: AppraisalYear | None = None  # the last year it runs; None: to the end
    description: LongText = ""


class GainShare(Strict):
    """Pain/gain share for target-cost or cost-plus payment."""

    public_gain_pct: Percent = 50  # the public share of an underspend below the target cost
    public_pain_pct: Percent = 50  # the public share of an overspend above the target cost
    cap_gbp: Money | None = None  # the most the public side pays towards an overspend
    description: LongText = ""


class Sharing(Withholdable):
    """The sharing arrangement of the project company or joint venture."""

    option: ItemId | None = None  # the option that carries it; None: the preferred option
    public_equity_pct: Share = 0.0  # the public share of the company's equity
    public_equity_gbp: list[StagedAmount] = Field(
        default_factory=list, max_length=MAX_APPRAISAL_YEARS + 1)  # invested, by year
    profit_share_pct: Share | None = None  # of distributed profit; None: as the equity share
    guaranteed_return: GuaranteedReturn | None = None
    gain_share: GainShare | None = None
    refinancing_gain_share_pct: Percent | None = None  # the public share of refinancing gains
    distribution_policy: LongText = ""
    accounting_treatment: LongText = ""  # how the stake is classified and accounted for
    profit_forecast: list[ProfitYear] = Field(
        default_factory=list, max_length=MAX_APPRAISAL_YEARS + 1)
    sensitivity_profit_fall_pct: Percent = 25  # the fall in profit the sensitivity tests

    @model_validator(mode="after")
    def _one_row_a_year(self) -> Sharing:
        for name, rows in (("public_equity_gbp", self.public_equity_gbp),
                           ("profit_forecast", self.profit_forecast)):
            years = [r.year for r in rows]
            twice = sorted({y for y in years if years.count(y) > 1})
            if twice:
                raise ValueError(f"sharing.{name}: year {twice[0]} has more than one row")
        return self

    @property
    def share_of_profit_pct(self) -> float:
        """The public share of distributed profit: its own figure, or the equity share."""
        return self.public_equity_pct if self.profit_share_pct is None else self.profit_share_pct

    @property
    def equity_invested_gbp(self) -> int:
        return sum(s.amount_gbp for s in self.public_equity_gbp)

    @property
    def is_empty(self) -> bool:
        return self == Sharing(sensitive=self.sensitive, withheld_reason=self.withheld_reason,
                               withheld_until=self.withheld_until)

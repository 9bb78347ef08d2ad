"""Withholding a sensitive sharing arrangement from the public edition.

When ``project.sharing.sensitive`` is set, the redacted copy keeps only the flag, the reason and
date it is withheld, and the option that carries it: every percentage, amount, year, guarantee,
gain share and forecast goes back to its "nothing shared" default, and the two texts become the
placeholder of its line in the redaction log, whether or not they were filled in. The
guarantee and the gain share are removed whether or not there was one, so the public files do
not show even that. The appraisal of the redacted copy therefore counts no public return: no
published NPSV or total includes the withheld figures.
"""

from __future__ import annotations

from typing import Any

from wizard.sharing_model import Sharing

KIND = "sharing"  # the redaction log's Item column: a narrow column, so one word
ITEM_ID = "sharing"
LABEL = "Sharing the upside"
FIELDS: tuple[str, ...] = (
    "public equity and investment by year", "profit share", "guaranteed return", "gain share",
    "refinancing gain share", "distribution policy", "accounting treatment", "profit forecast",
)


def is_withheld(sharing: Sharing) -> bool:
    return sharing.sensitive


def withheld_texts(sharing: Sharing) -> list[str]:
    """The texts withheld with the arrangement."""
    if not sharing.sensitive:
        return []
    texts = [sharing.distribution_policy, sharing.accounting_treatment]
    if sharing.guaranteed_return is not None:
        texts.append(sharing.guaranteed_return.description)
    if sharing.gain_share is not None:
        texts.append(sharing.gain_share.description)
    return [t for t in texts if t.strip()]


def redacted(sharing: Sharing, mark: str) -> dict[str, Any]:
    """The arrangement as the public edition holds it (a dump for ``Project.model_validate``)."""
    if not sharing.sensitive:
        return sharing.model_dump()
    return Sharing(
        sensitive=True, withheld_reason=sharing.withheld_reason,
        withheld_until=sharing.withheld_until, option=sharing.option,
        distribution_policy=mark, accounting_treatment=mark,
    ).model_dump()

"""One row of an imported risk register, read cell by cell by a pydantic model.

The file readers (``wizard.export.register``: CSV in UTF-8 with or without a BOM or in
Windows-1252, ';' or ',' separators, XLSX) turn a row into text cells keyed by column. Here
``RegisterRow`` reads those cells as a spreadsheet user writes them: a choice by its code, its
label or its name ("Shared (70% public)" reads as shared), a score as a whole number, a share
with or without '%', yes/no, a date as YYYY-MM-DD or DD/MM/YYYY, a partner or a phase by id or
by name (the project's partners and phases come in the validation context). Each cell the model
refuses gives one message naming the row and the column: "Row 4: likelihood 9 is outside 1–5".

Only the cells passed in are read; ``values(row)`` returns what they set, for ``Risk``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from wizard import errors
from wizard.formatting import clip
from wizard.model import Project, Risk
from wizard.vocab import Allocation, RiskCategory, RiskResponse, WorkshopStatus, label

YES = ("yes", "y", "true", "1")
NO = ("no", "n", "false", "0")


# how a message names a column whose key does not read as words
COLUMN_WORDS = {"probability_pct": "probability", "cost_min_gbp": "cost low",
                "cost_likely_gbp": "cost most likely", "cost_max_gbp": "cost high",
                "expected_cost": "expected cost"}


def _words(info: ValidationInfo) -> str:
    """The column as a message names it: 'public share', 'cost low'."""
    name = str(info.field_name)
    return COLUMN_WORDS.get(name, name.replace("_", " "))


def _choice(enum: type[Enum]) -> BeforeValidator:
    """A vocabulary value from its code, its label or its name (a note in brackets after the
    label is ignored)."""

    def read(text: Any, info: ValidationInfo) -> Any:
        wanted = str(text).split("(")[0].strip().casefold()
        for member in enum:
            if wanted in (member.value.casefold(), label(member).casefold(), member.name.casefold()):
                return member
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(f"{_words(info)} '{clip(str(text))}' is not one of: {allowed}")

    return BeforeValidator(read)


def _bounds(name: str) -> tuple[int, int]:
    """The range the project model allows for a Risk's field (one owner: wizard.model)."""
    meta = Risk.model_fields[name].metadata
    low = next(m.ge for m in meta if isinstance(m, Ge))
    high = next(m.le for m in meta if isinstance(m, Le))
    return int(low), int(high)


def _whole(name: str) -> BeforeValidator:
    low, high = _bounds(name)

    def read(text: Any, info: ValidationInfo) -> int:
        cell = str(text).strip().removesuffix("%").strip() if name == "public_share" else str(text)
        try:
            value = int(cell)
        except ValueError:
            raise ValueError(f"{_words(info)} '{clip(str(text))}' is not a whole number") from None
        if not low <= value <= high:
            raise ValueError(f"{_words(info)} {value} is outside {low}–{high}")
        return value

    return BeforeValidator(read)


def _pounds(text: Any, info: ValidationInfo) -> int:
    """Whole pounds as a spreadsheet saves them in any locale: 1250000, £1,250,000,
    1.250.000 or 1 250 000 (a thousands separator), 1250000.00."""
    value = str(text).strip().replace("£", "").replace("\u00a0", " ").replace("\u202f", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:([,. ])\d{3})(?:\1\d{3})*", value):
        value = re.sub(r"[,. ]", "", value)
    else:
        value = re.sub(r"[.,]0{1,2}$", "", value)
    if not value.isdigit():
        raise ValueError(f"{_words(info)} '{clip(str(text))}' is not an amount in whole pounds")
    return int(value)


def _percent(text: Any, info: ValidationInfo) -> float:
    """A probability in %: 12.5, 12,5 (a decimal comma) or 12.5%."""
    value = str(text).strip().rstrip("%").strip().replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{_words(info)} '{clip(str(text))}' is not a number") from None
    if not 0 <= number <= 100:
        raise ValueError(f"{_words(info)} {clip(str(text))} is outside 0–100")
    return number


def _yes_no(text: Any, info: ValidationInfo) -> bool:
    flag = str(text).strip().casefold()
    if flag in YES:
        return True
    if flag in NO:
        return False
    raise ValueError(f"{_words(info)} '{clip(str(text))}' should be yes or no")


def parse_date(text: str) -> dt.date:
    """A date as Excel writes it: YYYY-MM-DD (or with a time after it) or DD/MM/YYYY."""
    value = text.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    parts = value.split(" ")[0].replace(".", "/").replace("-", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(value)


def _date(text: Any, info: ValidationInfo) -> dt.date | None:
    if not str(text).strip():
        return None  # a blank cell clears the date
    try:
        return parse_date(str(text))
    except ValueError:
        raise ValueError(f"{_words(info)} '{clip(str(text))}' is not a date (YYYY-MM-DD or "
                         "DD/MM/YYYY)") from None


@dataclass(frozen=True)
class Lookup:
    """The project's partners and phases, by id and by name (case folded)."""

    partner_ids: frozenset[str]
    partners_by_name: Mapping[str, str]
    phase_ids: frozenset[str]
    phases_by_name: Mapping[str, str]

    @classmethod
    def of(cls, project: Project) -> Lookup:
        return cls(frozenset(p.id for p in project.partners),
                   {p.name.casefold(): p.id for p in project.partners},
                   frozenset(p.id for p in project.phases),
                   {p.name.casefold(): p.id for p in project.phases})


def phase_names(text: str, lookup: Lookup) -> list[str]:
    """The phases of a cell, separated by ';' (a name may hold a comma), or by ',' when a
    ';'-separated part is not a phase but its comma-separated pieces are."""
    found: list[str] = []
    for part in (t.strip() for t in text.split(";")):
        if not part:
            continue
        if part in lookup.phase_ids or part.casefold() in lookup.phases_by_name or "," not in part:
            found.append(part)
        else:
            found += [t.strip() for t in part.split(",") if t.strip()]
    return found


class RegisterRow(BaseModel):
    """The cells of one row that the file has, read into the values of a Risk.

    Fields in the order a row's problems are listed."""

    model_config = ConfigDict(extra="ignore")

    title: str = ""
    description: str = ""
    mitigation: str = ""
    withheld_reason: str = ""
    category: Annotated[RiskCategory | None, _choice(RiskCategory)] = None
    allocation: Annotated[Allocation | None, _choice(Allocation)] = None
    response: Annotated[RiskResponse | None, _choice(RiskResponse)] = None
    status: Annotated[WorkshopStatus | None, _choice(WorkshopStatus)] = None
    likelihood: Annotated[int | None, _whole("likelihood")] = None
    impact: Annotated[int | None, _whole("impact")] = None
    public_share: Annotated[int | None, _whole("public_share")] = None
    probability_pct: Annotated[float | None, BeforeValidator(_percent)] = None
    cost_min_gbp: Annotated[int | None, BeforeValidator(_pounds)] = None
    cost_likely_gbp: Annotated[int | None, BeforeValidator(_pounds)] = None
    cost_max_gbp: Annotated[int | None, BeforeValidator(_pounds)] = None
    sensitive: Annotated[bool | None, BeforeValidator(_yes_no)] = None
    withheld_until: Annotated[dt.date | None, BeforeValidator(_date)] = None
    owner: str | None = None
    private_bearer: str | None = None
    phases: list[str] = []

    @field_validator("owner", "private_bearer", mode="before")
    @classmethod
    def _partner(cls, text: Any, info: ValidationInfo) -> str | None:
        """A partner by id or by name; a blank cell clears it."""
        lookup: Lookup = info.context["lookup"]
        partner = str(text).strip()
        if not partner:
            return None
        if partner in lookup.partner_ids:
            return partner
        if partner.casefold() in lookup.partners_by_name:
            return lookup.partners_by_name[partner.casefold()]
        raise ValueError(f"{_words(info)} '{clip(partner)}' is not a partner of this project")

    @field_validator("phases", mode="before")
    @classmethod
    def _phases(cls, text: Any, info: ValidationInfo) -> list[str]:
        lookup: Lookup = info.context["lookup"]
        resolved: list[str] = []
        unknown: list[str] = []
        for name in phase_names(str(text), lookup):
            if name in lookup.phase_ids:
                resolved.append(name)
            elif name.casefold() in lookup.phases_by_name:
                resolved.append(lookup.phases_by_name[name.casefold()])
            else:
                unknown.append(name)
        if unknown:
            raise ValueError("; ".join(f"phase '{clip(n)}' is not a phase of this project"
                                       for n in unknown))
        return list(dict.fromkeys(resolved))


def read_row(number: int, cells: Mapping[str, str], lookup: Lookup) -> tuple[dict[str, Any], list[str]]:
    """(the values the cells set, the problems: one per refused cell, naming row and column)."""
    try:
        row = RegisterRow.model_validate(dict(cells), context={"lookup": lookup})
    except ValidationError as err:
        return {}, [f"Row {number}: {_cell_problem(e)}" for e in err.errors(include_url=False)]
    return row.model_dump(include=set(cells)), []


def _cell_problem(error: Mapping[str, Any]) -> str:
    """A cell the model refused: our readers' own words already name the column; pydantic's
    (a type) come through the translator after the column's name."""
    field, words = errors.explain(error)
    if error.get("type") == "value_error":
        return words
    return errors.sentence(field.replace("_", " "), words)

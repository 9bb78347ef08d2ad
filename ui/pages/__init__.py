"""The wizard's step pages, built once for the open document in the order of ``STEPS``."""

from __future__ import annotations

from ui.document import Document
from ui.pages.base import STEPS, StepPage


class _PlaceholderReview(StepPage):
    key = "review"
    title = "Review and export"


def _review_page(document: Document) -> StepPage:
    try:
        from ui.pages.review import ReviewPage
    except ImportError:
        return _PlaceholderReview(document)
    return ReviewPage(document)


# The module and class of each step's page, imported only when that page is first built.
_PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "project": ("ui.pages.project", "ProjectPage"),
    "partners": ("ui.pages.partners", "PartnersPage"),
    "phasing": ("ui.pages.phasing", "PhasingPage"),
    "risks": ("ui.pages.risks", "RisksPage"),
    "break_clauses": ("ui.pages.break_clauses", "BreakClausesPage"),
    "steering": ("ui.pages.steering", "SteeringPage"),
    "accountability": ("ui.pages.accountability", "AccountabilityPage"),
    "commercial": ("ui.pages.commercial", "CommercialPage"),
}


def build_page(document: Document, key: str) -> StepPage:
    """The page of one step (the main window builds each page when it is first needed)."""
    if key == "review":
        return _review_page(document)
    import importlib

    module, name = _PAGE_CLASSES[key]
    return getattr(importlib.import_module(module), name)(document)


def build_pages(document: Document) -> list[StepPage]:
    """One page per step, in the order of ``ui.pages.base.STEPS``."""
    return [build_page(document, key) for key, _title in STEPS]

"""The wizard's step pages: the page of step ``key`` is the ``StepPage`` subclass declaring
``key`` in the module ``ui.pages.<key>``, imported when the page is first built."""

from __future__ import annotations

import importlib

from ui.document import Document
from ui.pages.base import StepPage
from wizard.steps import STEP_KEYS


def page_class(key: str) -> type[StepPage]:
    """The page class of step ``key`` (importing its module on first use)."""
    registry = StepPage.registry()
    if key not in registry:
        importlib.import_module(f"ui.pages.{key}")
        registry = StepPage.registry()
    return registry[key]


def build_page(document: Document, key: str) -> StepPage:
    """The page of one step (the main window builds each page when it is first needed)."""
    return page_class(key)(document)


def build_pages(document: Document) -> list[StepPage]:
    """One page per step, in step order."""
    return [build_page(document, key) for key in STEP_KEYS]

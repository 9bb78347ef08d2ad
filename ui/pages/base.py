"""The contract every wizard step page follows, and the registry of the step pages.

A page class names its step by key (``key = "risks"``); its title and the item kinds it shows
come from the core's one step table (``wizard.steps``), and defining the class registers it
(``StepPage.registry()``). The page of step ``key`` lives in the module ``ui.pages.<key>``, so
the window imports a page's module only when that page is first built.

A page is built once with the open ``Document``. It reads the project in ``refresh()``, which
the document's ``changed`` signal calls once the page is fully built (never halfway through its
constructor), edits it only through the document's undoable methods, and can select an item
when the findings panel or a graph asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.document import Document
from wizard import steps

if TYPE_CHECKING:
    from ui.settings import Settings

# The steps, in order: (key, title shown in the step list), read from the core's table.
STEPS: tuple[tuple[str, str], ...] = tuple((s.key, f"{s.number}  {s.title}") for s in steps.STEPS)
# Which step edits each kind of item a finding or a graph can name.
STEP_OF_KIND: dict[str, str] = steps.STEP_OF_KIND

_REGISTRY: dict[str, type[StepPage]] = {}


class _PageType(type(QWidget)):  # type: ignore[misc]
    """Connects a page to its document's ``changed`` signal once its constructor has run."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        page = super().__call__(*args, **kwargs)
        page.document.changed.connect(page.refresh)
        return page


class StepPage(QWidget, metaclass=_PageType):
    """Base of the step pages."""

    key: ClassVar[str] = ""  # the step's key in wizard.steps.STEPS
    title: ClassVar[str] = ""  # from the step table
    kinds: ClassVar[tuple[str, ...]] = ()  # the item kinds this step edits, from the step table
    settings: Settings | None = None  # the app's settings, set by the main window
    # The user selected an item on this page: (kind, item id), kind as in STEP_OF_KIND.
    selectionChanged = Signal(str, str)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "key" in cls.__dict__ and cls.key:  # a step's own page (not a shared base)
            step = steps.step(cls.key)
            cls.title, cls.kinds = step.title, step.kinds
            _REGISTRY[cls.key] = cls

    @staticmethod
    def registry() -> dict[str, type[StepPage]]:
        """The page class of each step whose module has been imported, by key."""
        return dict(_REGISTRY)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document

    def refresh(self) -> None:
        """Re-read everything shown from ``self.document.project``."""

    def select_item(self, kind: str, item_id: str) -> bool:
        """Select the item (e.g. the table row) and return True if this page shows it."""
        return False

    def problems(self) -> list[str]:
        """What stops this step being complete, in words for the user (shown on Next): the
        core's rules for this step (``wizard.checks.steps``), which ``changemaker check`` prints
        too."""
        from wizard.checks.steps import step_problems  # the rules need networkx: not at start-up

        return step_problems(self.document.project, self.key)

"""The main window's menus, actions and shortcuts, as one table.

``ACTIONS`` lists every command once: its menu, words, shortcuts and the window method it calls.
``build_menus`` turns the table into QActions and menus; ``shortcut_rows`` reads the menus back
(so Help > Keyboard shortcuts lists exactly what is installed, including actions others add
later, and cannot drift from the table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from wizard.steps import STEPS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class ActionSpec:
    key: str  # the name in MainWindow.actions
    menu: str  # the key in MainWindow.menus
    text: str  # with & for the mnemonic
    shortcuts: tuple[str, ...] = ()
    slot: str = ""  # a MainWindow method name; "" for actions built by Qt (undo, redo)
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False


MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("go", "&Go"),
    ("help", "&Help"),
)

_STEP_ACTIONS = tuple(
    ActionSpec(
        f"step_{i + 1}",
        "go",
        f"&{i + 1}  {step.title}",
        (f"Ctrl+{(i + 1) % 10}",),  # the tenth step is Ctrl+0
        f"go_to_step_number:{i + 1}",
        f"Go to step {i + 1}",
        separator_before=(i == 0),
    )
    for i, step in enumerate(STEPS)
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "file", "&New…", ("Ctrl+N",), "file_new", "Start a blank project or an example"),
    ActionSpec("open", "file", "&Open…", ("Ctrl+O",), "file_open", "Open a project file"),
    ActionSpec("save", "file", "&Save", ("Ctrl+S",), "file_save", "Save the project",
               separator_before=True),
    ActionSpec("save_as", "file", "Save &As…", ("Ctrl+Shift+S",), "file_save_as",
               "Save the project under a new name"),
    ActionSpec("close", "file", "&Close window", ("Ctrl+W",), "close", "Close the window",
               separator_before=True),
    ActionSpec("quit", "file", "&Quit", ("Ctrl+Q",), "close", "Quit Changemaker"),
    ActionSpec("undo", "edit", "&Undo", ("Ctrl+Z",), "", "Undo the last change"),
    ActionSpec("redo", "edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "", "Redo the change undone"),
    ActionSpec("cut", "edit", "Cu&t", ("Ctrl+X",), "edit_command:cut",
               "Cut the selected text", separator_before=True),
    ActionSpec("copy", "edit", "&Copy", ("Ctrl+C",), "edit_command:copy",
               "Copy the selected text or table cell"),
    ActionSpec("paste", "edit", "&Paste", ("Ctrl+V",), "edit_command:paste",
               "Paste into the field or table cell"),
    ActionSpec("accept_finding", "edit", "&Accept selected finding…", ("Ctrl+Shift+J",),
               "accept_selected_finding", "Accept the selected finding with a justification",
               separator_before=True),
    ActionSpec("show_findings", "view", "&Findings panel", ("Ctrl+Shift+F",), "toggle_findings",
               "Show or hide the findings for the current step", checkable=True),
    ActionSpec("show_history", "view", "Undo &history", ("Ctrl+Shift+H",), "toggle_history",
               "Show or hide the list of changes", checkable=True),
    ActionSpec("next_pane", "view", "Move to the next &pane", ("F6",), "focus_next_pane",
               "Move the keyboard focus: step list, step editor, findings", separator_before=True),
    ActionSpec("prev_pane", "view", "Move to the previous pa&ne", ("Shift+F6",), "focus_prev_pane",
               "Move the keyboard focus the other way"),
    ActionSpec("next_step", "go", "&Next step", ("Ctrl+PgDown", "Alt+Right"), "next_step",
               "Go to the next step"),
    ActionSpec("back_step", "go", "&Back", ("Ctrl+PgUp", "Alt+Left"), "back_step",
               "Go to the previous step"),
    *_STEP_ACTIONS,
    ActionSpec("shortcuts", "help", "&Keyboard shortcuts", ("F1",), "show_shortcuts",
               "List every command and its keys"),
    ActionSpec("user_guide", "help", "&User guide", (), "show_user_guide",
               "A short guide to Changemaker"),
    ActionSpec("about", "help", "&About Changemaker", (), "show_about", "What Changemaker is"),
)


class StackAction(QAction):
    """Undo or redo for ``stack``: enabled when it can, named after the step ("&Undo Change
    title"). Its slots are its own methods, so they go with it when its window closes."""

    def __init__(self, prefix: str, parent, stack, undo: bool):
        super().__init__(prefix, parent)
        self.prefix = prefix
        self.triggered.connect(stack.undo if undo else stack.redo)
        (stack.canUndoChanged if undo else stack.canRedoChanged).connect(self.setEnabled)
        (stack.undoTextChanged if undo else stack.redoTextChanged).connect(self.name_after)
        self.setEnabled(stack.canUndo() if undo else stack.canRedo())
        self.name_after(stack.undoText() if undo else stack.redoText())

    def name_after(self, words: str) -> None:
        self.setText(f"{self.prefix} {words}" if words else self.prefix)


def _make_action(window: MainWindow, spec: ActionSpec) -> QAction:
    stack = window.document.undo_stack
    if spec.key in ("undo", "redo"):
        # Our own action following the stack, not QUndoStack.createUndoAction: PySide can lose
        # the Python side of the action that returns (the workshop window then cannot add it).
        action = StackAction(spec.text, window, stack, spec.key == "undo")
    else:
        action = QAction(spec.text, window)
        name, _sep, arg = spec.slot.partition(":")
        args = ((int(arg) if arg.isdigit() else arg),) if arg else ()
        action.triggered.connect(lambda _checked=False, n=name, a=args: getattr(window, n)(*a))
    action.setObjectName(f"action.{spec.key}")
    action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    action.setCheckable(spec.checkable)
    return action


def build_menus(window: MainWindow) -> tuple[dict[str, QMenu], dict[str, QAction]]:
    """Create every menu and action of the window from the tables above."""
    bar: QMenuBar = window.menuBar()
    menus = {key: bar.addMenu(title) for key, title in MENUS}
    for key, menu in menus.items():
        menu.setObjectName(f"menu.{key}")
    menus["recent"] = QMenu("Open &recent", window)
    menus["recent"].setObjectName("menu.recent")
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        action = _make_action(window, spec)
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
        menu.addAction(action)
        actions[spec.key] = action
        if spec.key == "open":
            menu.addMenu(menus["recent"])
    return menus, actions


def shortcut_text(action: QAction) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()
    )


def shortcut_rows(menubar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every command in the menus, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{where} › {action.text().replace('&', '')}")
                continue
            if menu.objectName() == "menu.recent":
                continue
            name = action.text().replace("&", "").replace("…", "")
            if action.objectName() in ("action.undo", "action.redo"):
                name = "Undo" if action.objectName() == "action.undo" else "Redo"
            rows.append((where, name.strip(), shortcut_text(action)))

    for action in menubar.actions():
        if action.menu() is not None:
            walk(action.menu(), action.text().replace("&", ""))
    return rows

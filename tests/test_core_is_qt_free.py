"""The core (wizard/) must run without Qt: checked statically and by importing every module."""

from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORE = ROOT / "wizard"
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# The one allowed way from the core into the front end: `changemaker FILE` opens the desktop
# wizard by importing ui.app inside a function of wizard/cli.py, never at module level.
LAZY_UI_IMPORT_ALLOWED = {"cli.py"}


def _is_qt(name: str | None) -> bool:
    return bool(name) and name.split(".")[0] in QT_PACKAGES


def _is_ui(name: str | None) -> bool:
    return bool(name) and name.split(".")[0] == "ui"


def forbidden_imports(source: str, filename: str, lazy_ui_allowed: bool = False) -> list[str]:
    """Every Qt import (anywhere in the module) and every import of the ui package (at module
    level; inside functions too unless ``lazy_ui_allowed``), as 'file:line: what'."""
    tree = ast.parse(source, filename=filename)
    module_level = {id(node) for node in tree.body}
    for node in tree.body:  # imports guarded by if/try at module level still run on import
        if isinstance(node, (ast.If, ast.Try)):
            module_level.update(id(n) for n in ast.walk(node))
    problems: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call):
            func = node.func
            called = getattr(func, "id", None) or getattr(func, "attr", None)
            if called in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names = [first.value]
        for name in names:
            if _is_qt(name):
                problems.append(f"{filename}:{node.lineno}: imports {name}")
            elif _is_ui(name) and (id(node) in module_level or not lazy_ui_allowed):
                problems.append(f"{filename}:{node.lineno}: imports the Qt front end ({name})")
    return problems


def _core_files() -> list[pathlib.Path]:
    return sorted(CORE.rglob("*.py"))


def test_the_scanner_finds_qt_imports():
    bad = (
        "import os\n"
        "from PySide6.QtCore import QObject\n"
        "def f():\n"
        "    import shiboken6\n"
        "    import importlib\n"
        "    importlib.import_module('PySide6.QtGui')\n"
        "try:\n"
        "    from ui import app\n"
        "except ImportError:\n"
        "    pass\n"
    )
    assert sorted(forbidden_imports(bad, "bad.py")) == [
        "bad.py:2: imports PySide6.QtCore",
        "bad.py:4: imports shiboken6",
        "bad.py:6: imports PySide6.QtGui",
        "bad.py:8: imports the Qt front end (ui)",
    ]
    lazy = "def open_gui():\n    from ui import app\n    return app\n"
    assert forbidden_imports(lazy, "cli.py", lazy_ui_allowed=True) == []
    assert forbidden_imports(lazy, "other.py") == ["other.py:2: imports the Qt front end (ui)"]


def test_no_module_under_wizard_imports_qt_statically():
    files = _core_files()
    assert len(files) >= 8  # the scan really looks at the core
    problems: list[str] = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        problems += forbidden_imports(
            path.read_text(encoding="utf-8"),
            relative,
            lazy_ui_allowed=path.parent == CORE and path.name in LAZY_UI_IMPORT_ALLOWED,
        )
    assert problems == []


_IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
import wizard
failed = {}
names = []
for info in pkgutil.walk_packages(wizard.__path__, "wizard."):
    names.append(info.name)
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed[info.name] = f"{type(exc).__name__}: {exc}"
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
ui = sorted(m for m in sys.modules if m == "ui" or m.startswith("ui."))
print(json.dumps({"modules": names, "failed": failed, "qt": qt, "ui": ui}))
"""


@pytest.mark.timeout(120)
def test_importing_every_wizard_module_loads_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERYTHING],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "wizard.model" in report["modules"] and "wizard.cli" in report["modules"]
    assert report["failed"] == {}
    assert report["qt"] == []
    assert report["ui"] == []

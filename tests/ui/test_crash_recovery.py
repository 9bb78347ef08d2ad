"""Kill the app with SIGKILL after some edits; the next start restores them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ui import dialogs
from ui.app import create_main_window, offer_recovery
from ui.autosave import recovery_dir
from ui.settings import Settings
from wizard import catalog, storage

ROOT = Path(__file__).resolve().parents[2]


def _copy_has_edits(folder: Path) -> bool:
    for copy in recovery_dir(folder).glob("*.changemaker.json"):
        sidecar = copy.with_name(copy.name.replace(".changemaker.json", ".json"))
        if not sidecar.exists():
            continue
        try:
            project = storage.load(copy)
        except storage.ProjectFileError:
            continue  # mid-write
        if project.project.title == "Marshfield pools – after the crash":
            return True
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_edits_survive_sigkill(qtbot, tmp_path, monkeypatch):
    user_file = tmp_path / "leisure.changemaker.json"
    original = catalog.load_example("leisure")
    storage.save(original, user_file)
    before = user_file.read_bytes()
    data = tmp_path / "user-data"
    new_likelihood = 1 if original.risks[0].likelihood != 1 else 2
    script = tmp_path / "edits.json"
    script.write_text(json.dumps({"edits": [
        {"path": ["risks", 0, "likelihood"], "value": new_likelihood, "text": "Change likelihood"},
        {"path": ["accountability", "living_wage"], "value": not original.accountability.living_wage},
        {"path": ["project", "title"], "value": "Marshfield pools – after the crash"},
    ]}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CHANGEMAKER_DATA_DIR=str(data),
               CHANGEMAKER_TEST_SCRIPT=str(script), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "ui.app", str(user_file)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None or _copy_has_edits(data), timeout=60_000)
        assert proc.poll() is None, "the app ended before writing its recovery copy"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert b"EDITS APPLIED" in proc.stdout.read()
    proc.stdout.close()
    assert user_file.read_bytes() == before

    # Start again, in this process, as the user would: the same file, and answer "Restore".
    questions = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, q: questions.append(q) or "restore")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    window = create_main_window([str(user_file)], Settings(data))
    qtbot.addWidget(window)
    assert offer_recovery(window)
    assert len(questions) == 1
    assert questions[0].startswith("Restore unsaved changes to “leisure.changemaker.json” from ")
    doc = window.document
    assert doc.project.project.title == "Marshfield pools – after the crash"
    assert doc.project.risks[0].likelihood == new_likelihood
    assert doc.project.accountability.living_wage is (not original.accountability.living_wage)
    expected = original.model_copy(deep=True)
    expected.project.title = "Marshfield pools – after the crash"
    expected.risks[0].likelihood = new_likelihood
    expected.accountability.living_wage = not original.accountability.living_wage
    assert doc.project == expected
    assert doc.is_dirty and window.isWindowModified()
    assert doc.path == str(user_file)
    assert user_file.read_bytes() == before
    # Saving writes the restored edits to the user's file and clears the recovery copies.
    window.file_save()
    assert storage.load(user_file) == expected
    assert list(recovery_dir(data).glob("*")) == []

"""The command line never prints a traceback: an unexpected error is one line and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import wizard.checks
from wizard import storage
from wizard.cli import main
from wizard.model import Project

ROOT = Path(__file__).resolve().parents[2]


def test_an_unexpected_error_is_one_line_and_exit_code_2(tmp_path, capsys, monkeypatch):
    path = tmp_path / "plan.changemaker.json"
    storage.save(Project(), path)

    def broken(project):
        raise RuntimeError("a rule broke\n  on two lines " + "x" * 5000)

    monkeypatch.setattr(wizard.checks, "run_checks", broken)
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("changemaker: unexpected error (RuntimeError: a rule broke on two lines x")
    assert len(err) < 400


def test_a_real_process_prints_no_traceback_for_a_damaged_example_name(tmp_path):
    # A NUL in an argument is refused by the operating system, so use an absurdly long one.
    name = "e" * 100_000
    result = subprocess.run([sys.executable, "-m", "wizard.cli", "new", "--example", name,
                             str(tmp_path / "x.changemaker.json")], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 1000  # the name is clipped

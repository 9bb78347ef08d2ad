"""The headless `changemaker` command: new, check, schema, and its exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import catalog, storage
from wizard.scorecard import build_scorecard
from wizard.cli import main
from wizard.model import AcceptedFinding, Phase, Project, ProjectInfo

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# new ---------------------------------------------------------------------------------------------


def test_new_list_names_every_example_with_its_title(capsys):
    code, out, err = _run(capsys, "new", "--list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == catalog.example_names()
    for name, line in zip(catalog.example_names(), lines):
        assert catalog.load_example(name).project.title in line


@pytest.mark.parametrize("name", catalog.example_names())
def test_new_from_each_example_then_check_it(capsys, tmp_path, name):
    path = tmp_path / f"{name}{storage.FILE_SUFFIX}"
    code, out, err = _run(capsys, "new", "--example", name, str(path))
    assert code == 0, err
    assert f"Created {path}" in out
    assert storage.load(path) == catalog.load_example(name)

    code, out, err = _run(capsys, "check", str(path))
    assert code in (0, 1) and err == ""
    title = catalog.load_example(name).project.title
    assert out.startswith(f"Changemaking scorecard: {title}\n")
    for principle in ("Collaborative", "Creative", "Adaptable", "Accountable", "Place-based"):
        assert f"  {principle} " in out
    card = build_scorecard(catalog.load_example(name))
    assert f"  Total          {card.summary()}\n" in out
    assert all(p.assessed for p in card.principles)  # each example fills in every principle
    assert f"Completeness: {card.completeness.summary()}" in out
    assert ("Result: no unaccepted errors." in out) == (code == 0)


def test_new_blank_project(capsys, tmp_path):
    path = tmp_path / "blank.changemaker.json"
    code, out, _ = _run(capsys, "new", str(path))
    assert code == 0
    assert out == f"Created {path} (blank): Untitled contract\n"
    assert storage.load(path).project.title == "Untitled contract"


def test_new_refuses_to_overwrite_without_force(capsys, tmp_path):
    path = tmp_path / "mine.changemaker.json"
    path.write_text("my precious work", encoding="utf-8")
    code, out, err = _run(capsys, "new", "--example", catalog.example_names()[0], str(path))
    assert code == 1
    assert f"{path} already exists; use --force to overwrite it" in err
    assert path.read_text(encoding="utf-8") == "my precious work"

    code, out, err = _run(capsys, "new", "--force", str(path))
    assert code == 0
    assert storage.load(path).project.title == "Untitled contract"
    assert storage.backup_path(path).read_text(encoding="utf-8") == "my precious work"


def test_new_with_an_unknown_example_lists_the_real_ones(capsys, tmp_path):
    code, out, err = _run(capsys, "new", "--example", "zoo", str(tmp_path / "z.changemaker.json"))
    assert code == 2
    assert "there is no example called 'zoo'" in err
    for name in catalog.example_names():
        assert name in err
    assert not (tmp_path / "z.changemaker.json").exists()


def test_new_without_a_file_says_what_is_missing(capsys):
    code, out, err = _run(capsys, "new")
    assert code == 2
    assert "give the FILE to create" in err


# check -------------------------------------------------------------------------------------------


def _with_overrunning_phase(path: Path):
    project = storage.load(path)
    project = project.model_copy(
        update={
            "project": ProjectInfo(title="Short contract", duration_months=12),
            "phases": [Phase(id="PH1", name="Late works", start_month=6, duration_months=24)],
        }
    )
    storage.save(project, path)
    return project


def test_check_exits_1_on_an_unaccepted_error_and_0_once_accepted(capsys, tmp_path):
    path = tmp_path / "short.changemaker.json"
    assert main(["new", str(path)]) == 0
    project = _with_overrunning_phase(path)
    capsys.readouterr()

    code, out, err = _run(capsys, "check", "--json", str(path))
    assert code == 1
    result = json.loads(out)
    assert result["passed"] is False
    errors = [f for f in result["findings"] if f["severity"] == "error" and not f["accepted"]]
    assert [f["rule"] for f in errors] == ["phase-overrun"]
    assert "Late works" in errors[0]["message"]

    code, out, _ = _run(capsys, "check", str(path))
    assert code == 1
    assert "Error (Adaptable): " in out
    assert "Result: 1 error to fix or accept with a justification." in out

    accepted = AcceptedFinding(finding_id=errors[0]["id"], justification="Extension agreed by cabinet")
    storage.save(project.model_copy(update={"accepted_findings": [accepted]}), path)
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 0
    assert "Accepted error (Adaptable)" in out
    assert "Accepted because: Extension agreed by cabinet" in out
    assert "Result: no unaccepted errors." in out


def test_check_json_has_the_scorecard_and_findings(capsys, tmp_path):
    name = catalog.example_names()[0]
    path = tmp_path / "example.changemaker.json"
    main(["new", "--example", name, str(path)])
    capsys.readouterr()
    code, out, err = _run(capsys, "check", "--json", str(path))
    result = json.loads(out)
    assert result["title"] == catalog.load_example(name).project.title
    assert result["file"] == str(path)
    assert result["passed"] is (code == 0)
    scorecard = result["scorecard"]
    assert scorecard["max_total"] == 50 and scorecard["possible_total"] == 50
    assert scorecard["total"] == sum(p["score"] for p in scorecard["principles"])
    for principle in scorecard["principles"]:
        assert principle["max_score"] == 10
        assert principle["score"] == sum(r["points"] for r in principle["routes"])
        for route in principle["routes"]:
            assert route["credit"] in ("full", "partial", "none", "removed", "accepted")
            assert route["reason"] and route["text"].endswith(route["reason"])
    assert [p["label"] for p in scorecard["principles"]] == [
        "Collaborative", "Creative", "Adaptable", "Accountable", "Place-based",
    ]
    counts = result["counts"]
    assert sum(counts[s] for s in ("error", "warning", "advice")) == len(result["findings"])
    for finding in result["findings"]:
        assert {"id", "rule", "severity", "principle", "message", "route", "accepted"} <= set(finding)


def test_check_on_a_broken_file_exits_2_with_the_message(capsys, tmp_path):
    path = tmp_path / "broken.changemaker.json"
    path.write_text('{"format": "changemaker-project", "schema_version": 1, "risks": [{"id": "R1", '
                    '"title": "Demand", "likelihood": 9}]}', encoding="utf-8")
    code, out, err = _run(capsys, "check", str(path))
    assert code == 2
    assert out == ""
    assert err == f"changemaker: {path}: risks[0].likelihood: 9 is too high; the most allowed is 5\n"


def test_check_on_a_missing_file_exits_2(capsys, tmp_path):
    code, out, err = _run(capsys, "check", "--json", str(tmp_path / "nowhere.changemaker.json"))
    assert code == 2 and out == ""
    assert "there is no such file" in err


# schema and usage --------------------------------------------------------------------------------


def test_schema_prints_the_project_json_schema(capsys):
    code, out, _ = _run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert "risks" in schema["properties"]
    assert schema["properties"]["format"]["const"] == "changemaker-project"
    assert schema["$defs"]["Risk"]["properties"]["likelihood"]["maximum"] == 5


def test_no_arguments_prints_help_and_exits_2(capsys):
    code, out, err = _run(capsys)
    assert code == 2
    for command in ("new", "check", "schema", "export"):  # export comes from wizard.export
        assert f"    {command} " in err


def test_a_mistyped_command_names_the_real_ones(capsys):
    code, out, err = _run(capsys, "chek")
    assert code == 2
    assert "invalid choice: 'chek'" in err and "'check'" in err


def test_opening_a_missing_file_says_so_without_starting_the_wizard(capsys, tmp_path):
    missing = tmp_path / "gone.changemaker.json"
    code, out, err = _run(capsys, str(missing))
    assert code == 2
    assert err == f"changemaker: {missing}: there is no such file\n"


def test_an_unknown_option_is_a_usage_error(capsys):
    code, _, err = _run(capsys, "check")
    assert code == 2
    assert "FILE" in err


# a real process ----------------------------------------------------------------------------------


def _command() -> list[str]:
    script = Path(sys.executable).with_name("changemaker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wizard.cli"]


@pytest.mark.timeout(120)
def test_the_installed_command_runs_without_tracebacks(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    good = tmp_path / "good.changemaker.json"
    broken = tmp_path / "broken.changemaker.json"
    broken.write_bytes(b'{"format": "changemaker-project", "schema_version": 1, "risks": [')

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([*_command(), *argv], capture_output=True, text=True, cwd=tmp_path,
                              env=env, timeout=100)

    created = run("new", "--example", catalog.example_names()[0], str(good))
    assert created.returncode == 0, created.stderr
    checked = run("check", str(good))
    assert checked.returncode in (0, 1) and "Changemaking scorecard" in checked.stdout
    failed = run("check", str(broken))
    assert failed.returncode == 2
    assert "not valid JSON" in failed.stderr and "truncated" in failed.stderr
    assert "Traceback" not in failed.stderr + failed.stdout
    newer = tmp_path / "newer.changemaker.json"
    newer.write_text('{"format": "changemaker-project", "schema_version": 7}', encoding="utf-8")
    refused = run("check", "--json", str(newer))
    assert refused.returncode == 2 and "newer Changemaker" in refused.stderr
    assert "Traceback" not in refused.stderr
    module = subprocess.run([sys.executable, "-m", "wizard.cli", "schema"], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=100)
    assert module.returncode == 0 and "risks" in json.loads(module.stdout)["properties"]


@pytest.mark.timeout(120)
def test_changemaker_file_opens_the_desktop_wizard(tmp_path):
    path = tmp_path / "open-me.changemaker.json"
    assert main(["new", "--example", catalog.example_names()[0], str(path)]) == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", CHANGEMAKER_EXIT_ON_PAINT="1")
    opened = subprocess.run([*_command(), str(path)], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=100)
    assert opened.returncode == 0, opened.stderr
    assert "PAINTED" in opened.stdout
    assert "Traceback" not in opened.stderr


def test_check_json_of_a_blank_project_has_null_scores(capsys, tmp_path):
    path = tmp_path / "blank.changemaker.json"
    main(["new", str(path)])
    capsys.readouterr()
    code, out, _ = _run(capsys, "check", "--json", str(path))
    scorecard = json.loads(out)["scorecard"]
    assert [p["score"] for p in scorecard["principles"]] == [None] * 5
    assert [p["max_score"] for p in scorecard["principles"]] == [10] * 5
    assert (scorecard["total"], scorecard["max_total"], scorecard["possible_total"]) == (0, 0, 50)
    assert scorecard["summary"] == "Nothing to assess yet; 5 principles not yet assessed"
    assert scorecard["completeness"]["summary"] == "0 of 7 steps filled in"
    assert scorecard["law"] == [] and scorecard["must_fix"] == 0
    code, out, _ = _run(capsys, "check", str(path))
    assert "  Collaborative  not assessed\n" in out
    assert "  Total          Nothing to assess yet; 5 principles not yet assessed (50 possible)\n" \
        in out
    assert "  Project: Give the project a title.\n" in out


def test_check_lists_the_law_as_must_fix_items(capsys, tmp_path):
    path = tmp_path / "big.changemaker.json"
    storage.save(Project(project=ProjectInfo(value_gbp=6_000_000)), path)
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 1  # the two legal errors are unaccepted
    assert "Legal requirements (a gate, not points): 2 to fix\n" in out
    assert ("  Must fix: Procurement Act 2023, s.53: Contract value £6,000,000 is over £5,000,000 "
            "but the contract and business case are not to be published") in out
    code, out, _ = _run(capsys, "check", "--json", str(path))
    law = json.loads(out)["scorecard"]["law"]
    assert [(i["law"], i["finding_id"], i["accepted"]) for i in law] == [
        ("Procurement Act 2023, s.52", "kpi-count", False),
        ("Procurement Act 2023, s.53", "publication", False)]

"""`changemaker appraise`: the JSON keys the issue names, and every version-1 file (the three
examples as they shipped and a blank file) opens, checks and is appraised as far as it can be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.cli import main

V1 = Path(__file__).parent / "v1_files"
V1_FILES = sorted(V1.glob("*.changemaker.json"))
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "templates" / "examples").glob("*.json"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_a_version_1_file_opens_checks_and_appraises(path, capsys):
    code, _out, err = run(capsys, "check", str(path))
    assert code in (0, 1) and "Traceback" not in err
    code, out, err = run(capsys, "appraise", str(path), "--json", "--iterations", "500")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert "No option has cash flows (costs and benefits by year)." in data["missing"] or \
        "No options are recorded." in data["missing"]
    assert "No risk is priced (probability and cost range)." in data["missing"]
    code, out, _ = run(capsys, "appraise", str(path))
    assert code == 0 and "Missing:" in out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_are_appraised_in_full(path, capsys):
    code, out, _ = run(capsys, "appraise", str(path), "--json", "--iterations", "2000",
                       "--seed", "4")
    assert code == 0
    data = json.loads(out)
    assert len(data["options"]) >= 3
    for o in data["options"]:
        assert set(o) >= {"id", "pv_costs_gbp", "pv_benefits_gbp", "npsv_gbp", "bcr",
                          "npsv_vs_baseline_gbp"}
        assert o["pv_costs_gbp"] > 0
    assert sum(o["npsv_vs_baseline_gbp"] == 0 for o in data["options"]) >= 1
    risk = data["risk"]
    assert risk["priced_risks"] >= 10 and risk["iterations"] == 2000 and risk["seed"] == 4
    for side in ("public", "private", "total"):
        assert set(risk[side]) >= {"expected_gbp", "p50_gbp", "p80_gbp", "p90_gbp"}
        assert risk[side]["p50_gbp"] <= risk[side]["p80_gbp"] <= risk[side]["p90_gbp"]
    assert risk["by_partner"] and data["affordability"]["budget_gbp"] > 0
    assert data["missing"] == []
    # the same seed gives the same figures
    _, again, _ = run(capsys, "appraise", str(path), "--json", "--iterations", "2000",
                      "--seed", "4")
    assert json.loads(again) == data


def test_bad_iterations_and_unreadable_files_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "appraise", str(V1_FILES[0]), "--iterations", "0")
    assert code == 2 and "--iterations must be between 1" in err
    bad = tmp_path / "bad.changemaker.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "appraise", str(bad))
    assert code == 2 and "Traceback" not in err

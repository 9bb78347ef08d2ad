"""Rules in one place: every step page's "problems" are the core's step rules, so the app and
``changemaker check`` say the same; the accountability page's thresholds come from the core."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from ui.document import Document
from ui.pages.accountability import AccountabilityPage
from ui.pages.base import STEPS
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard import catalog, storage, thresholds
from wizard.checks.steps import STEPS as CORE_STEPS
from wizard.checks.steps import completeness, step_problems
from wizard.cli import main
from wizard.model import Project, Risk


def test_every_step_with_rules_is_a_wizard_step():
    assert [s.key for s in CORE_STEPS] == [key for key, _title in STEPS[:7]]


@pytest.mark.parametrize("project", [
    Project(),
    Project.model_validate({"project": {"value_gbp": 6_000_000},
                            "risks": [{"id": "R9", "title": "Flood", "likelihood": 5,
                                       "impact": 3}]}),
    catalog.load_example("leisure"),
], ids=["blank", "big-and-risky", "leisure"])
def test_pages_show_the_core_step_rules(qtbot, project, tmp_path, capsys):
    window = MainWindow(Document(project.model_copy(deep=True)), Settings(tmp_path / "settings"))
    qtbot.addWidget(window)
    for key, _title in STEPS:
        assert window.page(key).problems() == step_problems(project, key)
    # ... and `changemaker check` prints the same messages.
    path = tmp_path / "p.changemaker.json"
    storage.save(project, path)
    main(["check", str(path)])
    out = capsys.readouterr().out
    for step in completeness(project).steps:
        for problem in step.problems:
            assert f"  {step.title}: {problem}\n" in out


def test_the_very_high_band_comes_from_the_thresholds():
    # 5 × 3 = 15 is the first very high score: unmitigated, the risks step is not complete.
    assert thresholds.VERY_HIGH_RISK == 15
    risky = Project(risks=[Risk(id="R1", title="Flood", likelihood=5, impact=3)])
    assert step_problems(risky, "risks") == ["Very high risks without a mitigation: R1."]
    calmer = Project(risks=[Risk(id="R1", title="Flood", likelihood=2, impact=5)])  # 10: high
    assert step_problems(calmer, "risks") == []


def test_accountability_label_reads_the_thresholds(qtbot):
    page = AccountabilityPage(Document(Project()))
    qtbot.addWidget(page)
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert ("Open book accounting and full data disclosure are expected on contracts of £1 "
            "million and over; accreditation from £200,000; sub-contracts over £25,000 "
            "published.") in texts

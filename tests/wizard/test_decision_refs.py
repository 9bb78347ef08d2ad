"""The decision log references its item by id; a decision about a withheld item shows only its
time, step, the item's id and that its content is withheld, whatever its text says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.wizard.export_helpers import squash
from tests.wizard.publish_helpers import assert_nowhere, public_files
from wizard import catalog, storage
from wizard.decision_refs import infer, project_ids
from wizard.export.html import html_text
from wizard.model import Decision, Project
from wizard.redact import redact
from wizard.workshop import decision_about

V1 = Path(__file__).parent / "v1_files"


def test_version_1_decisions_are_linked_to_their_items():
    leisure = storage.load(V1 / "leisure.changemaker.json")
    assert [(d.item_kind, d.item_id) for d in leisure.decisions] == [("phases", "PH1"), ("risks", "R4")]
    regeneration = storage.load(V1 / "regeneration.changemaker.json")
    assert [(d.item_kind, d.item_id) for d in regeneration.decisions] == [("steering_groups", "SG1")]
    children = storage.load(V1 / "childrens-services.changemaker.json")
    assert [(d.item_kind, d.item_id) for d in children.decisions] == [("risks", "R1")]
    # the text is kept as it was
    old = json.loads((V1 / "leisure.changemaker.json").read_text(encoding="utf-8"))
    assert [d.item for d in leisure.decisions] == [d["item"] for d in old["decisions"]]


def test_leading_id_is_read_with_the_step_first():
    ids = {"risks": {"R4", "X1"}, "phases": {"PH1", "X1"}}
    assert infer("R4 Construction cost inflation", "Risks", ids) == ("risks", "R4")
    assert infer("R4: renamed", "", ids) == ("risks", "R4")
    assert infer("X1 thing", "Phasing", ids) == ("phases", "X1")
    assert infer("X1 thing", "Risks", ids) == ("risks", "X1")
    assert infer("R44 other", "Risks", ids) == ("", "")
    assert infer("Whole project", "Risks", ids) == ("", "")


def test_a_decision_about_a_withheld_item_leaks_nothing(tmp_path):
    """The four routes of the issue: a title whose whitespace differs, a title before renaming,
    a note, and a vote by a participant with a short name."""
    project = storage.load(V1 / "leisure.changemaker.json")  # R4 is sensitive
    when = dt.datetime(2026, 10, 14, 12, 0)
    renamed = decision_about(project, when, "Risks", "risks", "R4", "Renamed from CNRY-OLD-TITLE-51")
    spaced = Decision(time=when, step="Risks", item="R4  Construction  cost  inflation",
                      change="Likelihood 3 → 4", note="CNRY-NOTE-52", item_kind="risks", item_id="R4")
    vote = decision_about(project, when, "Risks", "risks", "R4", "Vote by JB: likelihood 5, impact 5")
    project.decisions = [*project.decisions, renamed, spaced, vote]
    project = Project.model_validate(project.model_dump())
    files = public_files(project, tmp_path)
    assert_nowhere(["CNRY-OLD-TITLE-51", "CNRY-NOTE-52", "Vote by JB", "Cap on council share of inflation",
                    "contractor disagrees", "Construction cost inflation", "Public share 50% → 40%"], files)
    shown = redact(project)
    for d in shown.decisions[1:]:
        assert (d.item, d.note) == ("R4", "")
        assert d.change.startswith("Content withheld – see redaction log W")
    assert shown.decisions[0].change == project.decisions[0].change  # PH1 is not withheld
    assert squash("2026-10-14 11:45 Risks R4 Content withheld") in squash(files["PDF text"])
    assert "CNRY-NOTE-52" in html_text(project, "internal")  # positive control


def test_a_version_2_decision_without_a_reference_is_read_from_its_text():
    project = catalog.load_example("leisure")  # saved before decisions carried references
    assert project.decisions[1].item_id == "" and project.decisions[1].item == "R4"
    shown = redact(project)
    assert shown.decisions[1].note == "" and shown.decisions[1].item_id == "R4"


def test_workshop_decisions_carry_their_reference():
    project = catalog.load_example("leisure")
    d = decision_about(project, dt.datetime(2026, 1, 1), "Risks", "risks", "R1", "Likelihood 2 → 3")
    assert (d.item_kind, d.item_id) == ("risks", "R1") and d.item.startswith("R1 ")
    gone = decision_about(project, dt.datetime(2026, 1, 1), "Risks", "risks", "R999", "x")
    assert (gone.item_kind, gone.item_id, gone.item) == ("", "", "R999")
    assert "R1" in project_ids(project)["risks"]

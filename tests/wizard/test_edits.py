"""Structural edits in the core: one table of references drives validation, delete (with what
it unlinks), rename and duplicate; the one id allocator."""

from __future__ import annotations

import pytest

from wizard import edits
from wizard.edits import EditError
from wizard.model import Project, Risk, reference_problems
from wizard.references import REFERENCES, holders


def small() -> Project:
    return Project.model_validate({
        "partners": [{"id": "P1", "name": "Council", "kind": "public"},
                     {"id": "P2", "name": "Leisure Trust", "kind": "voluntary"}],
        "phases": [{"id": "PH1", "name": "Build", "provider": "P2"},
                   {"id": "PH2", "name": "Run", "depends_on": ["PH1"]}],
        "risks": [{"id": "R1", "title": "Ground", "owner": "P2", "phases": ["PH1", "PH2"]},
                  {"id": "R2", "title": "Costs", "owner": "P2", "private_bearer": "P2"},
                  {"id": "R3", "title": "Demand", "owner": "P1"}],
        "break_clauses": [{"id": "BC1", "trigger": "voluntary", "phases": ["PH2"]}],
        "kpis": [{"id": "K1", "name": "Visits", "owner": "P2"}],
        "payment": {"deductions": [{"kpi": "K1", "per_failure_gbp": 100}]},
        "sharing": {"guaranteed_return": {"amount_gbp": 500, "guarantor": "P2"}},
    })


def test_deleting_a_partner_says_what_it_unlinks_before_and_unlinks_it():
    project = small()
    assert (edits.delete_preview(project, ("partners",), 1)
            == "Deleting P2 will unlink 1 phase, 2 risks, 1 KPI and 1 guaranteed return")
    edit = edits.delete(project, ("partners",), 1, "partner")
    # six fields held P2: PH1's provider, R1's owner, R2's owner and bearer, K1's owner, guarantor
    assert edit.text == "Delete partner P2 and 6 references to it"
    new = edit.project
    assert [p.id for p in new.partners] == ["P1"]
    assert new.phases[0].provider is None
    assert [(r.owner, r.private_bearer) for r in new.risks] == [(None, None), (None, None),
                                                                 ("P1", None)]
    assert new.kpis[0].owner is None and new.sharing.guaranteed_return.guarantor is None
    assert reference_problems(new) == []
    assert project == small()  # the project passed in is left as it was
    assert edit.row == 0


def test_deleting_a_kpi_removes_its_deduction_and_a_phase_leaves_the_lists():
    project = small()
    assert edits.delete_preview(project, ("kpis",), 0) == "Deleting K1 will remove 1 payment deduction"
    assert edits.delete(project, ("kpis",), 0, "KPI").project.payment.deductions == []
    assert (edits.delete_preview(project, ("phases",), 0)
            == "Deleting PH1 will unlink 1 phase and 1 risk")
    new = edits.delete(project, ("phases",), 0, "phase").project
    assert new.phases[0].depends_on == [] and new.risks[0].phases == ["PH2"]
    assert edits.delete_preview(project, ("risks",), 0) == ""  # nothing refers to a risk


def test_renaming_carries_every_reference_along():
    edit = edits.rename(small(), ("partners",), 1, " ENG ", "partner")
    assert edit.text == "Rename partner P2 to ENG and update 6 references"
    new = edit.project
    assert new.phases[0].provider == "ENG" and new.kpis[0].owner == "ENG"
    assert (new.risks[1].owner, new.risks[1].private_bearer) == ("ENG", "ENG")
    assert new.sharing.guaranteed_return.guarantor == "ENG"
    renamed = edits.rename(small(), ("phases",), 0, "BUILD", "phase").project
    assert renamed.phases[1].depends_on == ["BUILD"] and renamed.risks[0].phases == ["BUILD", "PH2"]


@pytest.mark.parametrize(("new_id", "words"), [
    ("P1", "another partner already has the id 'P1'"),
    ("no spaces", "'no spaces' is not a usable id"),
])
def test_a_rename_to_a_taken_or_unusable_id_is_refused(new_id, words):
    with pytest.raises(EditError, match=words):
        edits.rename(small(), ("partners",), 1, new_id, "partner")


def test_a_duplicate_gets_a_fresh_id_and_its_references():
    edit = edits.duplicate(small(), ("risks",), 0, "risk", "R")
    assert edit.text == "Duplicate risk R1 as R4"
    assert [r.id for r in edit.project.risks] == ["R1", "R4", "R2", "R3"]
    copy = edit.project.risks[1]
    assert copy.title == "Ground (copy)" and copy.owner == "P2" and copy.phases == ["PH1", "PH2"]
    assert edit.row == 1


def test_move_and_add():
    moved = edits.move(small(), ("risks",), 2, -1, "risk")
    assert moved.text == "Move risk R3 up" and [r.id for r in moved.project.risks] == ["R1", "R3", "R2"]
    added = edits.add(small(), ("risks",), lambda _p, rid: Risk(id=rid, title="New"), "risk", "R")
    assert added.text == "Add risk R4" and added.project.risks[-1].id == "R4" and added.row == 3


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda r: f"{'.'.join(r.holder)}.{r.attr}")
def test_every_declared_reference_is_checked(ref):
    project = small()
    project.procurement.lots = [{"id": "L1", "name": "Lot", "phases": ["PH1"]}]
    project.governance.partnership_board.steering_groups = []
    project.benefits = []
    where, item = next(holders(project, ref.holder), (None, None))
    if item is None:  # build a holder for the references the small project lacks
        project = Project.model_validate({
            **project.model_dump(),
            "steering_groups": [{"id": "SG1", "name": "Voices"}],
            "social_impact": [{"id": "S1", "outcome": "More swimmers"}],
            "benefits": [{"id": "B1", "benefit": "Health", "objective": "S1"}],
            "governance": {"partnership_board": {"steering_groups": ["SG1"]}},
        })
        where, item = next(holders(project, ref.holder))
    item.__dict__[ref.attr] = ["MISSING9"] if ref.many else "MISSING9"
    assert f"{where} {ref.what} 'MISSING9': no " in " | ".join(reference_problems(project))


def test_next_id_is_the_one_allocator():
    assert edits.next_id(["R1", "R3"], "R") == "R2"

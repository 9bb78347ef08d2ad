"""Random deletes, renames and duplicates of items other items refer to, through the undo stack.

The structural edits come from ``wizard.edits`` and go through ``Document.replace_project``,
as the tables make them. After every step no reference dangles; undoing all gives back the
original project exactly; redoing gives the same project after each step again.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui.document import Document, EditError
from wizard import catalog, edits
from wizard.model import Project, reference_problems

ORIGINAL = catalog.load_example("leisure")
# Every kind of reference in play: a guarantor for the guaranteed return too.
ORIGINAL = Project.model_validate({
    **ORIGINAL.model_dump(),
    "sharing": {**ORIGINAL.sharing.model_dump(),
                "guaranteed_return": {"amount_gbp": 1000, "guarantor": ORIGINAL.partners[1].id}},
})

COLLECTIONS = {"partners": "P", "phases": "PH", "risks": "R", "kpis": "K",
               "steering_groups": "SG", "social_impact": "S"}

operations = st.lists(
    st.tuples(st.sampled_from(["delete", "rename", "duplicate"]),
              st.sampled_from(sorted(COLLECTIONS)), st.integers(0, 30), st.booleans()),
    min_size=1, max_size=12)


def test_the_original_has_references_of_every_kind():
    p = ORIGINAL
    assert any(ph.provider for ph in p.phases) and any(ph.depends_on for ph in p.phases)
    assert any(r.owner for r in p.risks) and any(r.phases for r in p.risks)
    assert any(k.owner for k in p.kpis) and p.payment.deductions and p.procurement.lots
    assert p.governance.partnership_board.steering_groups and any(b.objective for b in p.benefits)
    assert p.sharing.guaranteed_return.guarantor == p.partners[1].id


def _edit(project: Project, operation, number: int) -> edits.Edit | None:
    kind, collection, index, taken_id = operation
    items = getattr(project, collection)
    if not items:
        return None
    row = index % len(items)
    noun = collection.rstrip("s")
    if kind == "delete":
        return edits.delete(project, (collection,), row, noun)
    if kind == "duplicate":
        return edits.duplicate(project, (collection,), row, noun, COLLECTIONS[collection])
    # a rename to a fresh id, or to one another item already has (refused)
    new_id = items[(row + 1) % len(items)].id if taken_id else f"RENAMED{number}"
    return edits.rename(project, (collection,), row, new_id, noun)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(operations)
def test_structural_edits_undo_and_redo_exactly(qtbot, sequence):
    doc = Document(ORIGINAL.model_copy(deep=True))
    after_each: list[str] = []
    for number, operation in enumerate(sequence):
        before = doc.project.model_copy(deep=True)
        try:
            edit = _edit(doc.project, operation, number)
        except EditError:
            assert operation[0] == "rename" and operation[3]  # only a taken id is refused
            assert doc.project == before
            continue
        if edit is None or not edit.text:
            continue
        doc.replace_project(edit.project, edit.text)
        assert reference_problems(doc.project) == []
        assert doc.project == edit.project
        after_each.append(doc.project.model_dump_json())
    steps = doc.undo_stack.count()
    assert steps == len(after_each)
    for _ in range(steps):
        doc.undo_stack.undo()
    assert doc.project == ORIGINAL
    assert doc.project.model_dump_json() == ORIGINAL.model_dump_json()
    for expected in after_each:
        doc.undo_stack.redo()
        assert doc.project.model_dump_json() == expected
        assert reference_problems(doc.project) == []

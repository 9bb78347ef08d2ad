"""Random edit sequences, then undo all and redo all, through the Edit menu's actions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui import dialogs
from ui.document import Document, EditError
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard import catalog
from wizard.edits import next_id
from wizard.model import Risk

ORIGINAL = catalog.load_example("leisure")
N_RISKS = len(ORIGINAL.risks)
N_PHASES = len(ORIGINAL.phases)
N_PARTNERS = len(ORIGINAL.partners)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
               max_size=20)
set_edits = st.one_of(
    st.tuples(st.just("set"), st.tuples(st.just("risks"), st.integers(0, N_RISKS - 1),
                                        st.sampled_from(["likelihood", "impact"])), st.integers(1, 5)),
    st.tuples(st.just("set"), st.tuples(st.just("risks"), st.integers(0, N_RISKS - 1),
                                        st.just("public_share")), st.integers(0, 100)),
    st.tuples(st.just("set"), st.just(("project", "title")), text),
    st.tuples(st.just("set"), st.just(("project", "place")), text),
    st.tuples(st.just("set"), st.tuples(st.just("phases"), st.integers(0, N_PHASES - 1),
                                        st.just("duration_months")), st.integers(1, 120)),
    st.tuples(st.just("set"), st.tuples(st.just("partners"), st.integers(0, N_PARTNERS - 1),
                                        st.sampled_from(["sme", "local"])), st.booleans()),
    st.tuples(st.just("set"), st.just(("accountability", "open_book")), st.booleans()),
    st.tuples(st.just("set"), st.just(("project", "value_gbp")), st.integers(-5, 10**9)),
)
structural = st.one_of(
    st.tuples(st.just("add_risk"), text, st.integers(1, 5)),
    st.tuples(st.just("delete_risk"), st.integers(0, 200), st.just(0)),
    st.tuples(st.just("move_risk"), st.integers(0, 200), st.integers(0, 200)),
)
edits = st.lists(st.one_of(set_edits, structural), min_size=1, max_size=25)


def apply(doc: Document, edit) -> None:
    kind = edit[0]
    if kind == "set":
        _kind, path, value = edit
        if isinstance(path[1], int):  # an index into a list that may have shrunk
            items = getattr(doc.project, path[0])
            if not items:
                return
            path = (path[0], path[1] % len(items), *path[2:])
        doc.set_value(tuple(path), value, f"Change {path[-1]}")
        return
    project = doc.edited_copy()
    if kind == "add_risk":
        _kind, title, likelihood = edit
        rid = next_id([r.id for r in project.risks], "R")
        project.risks.append(Risk(id=rid, title=title, likelihood=likelihood))
        doc.replace_project(project, f"Add risk {rid}")
    elif kind == "delete_risk" and project.risks:
        index = edit[1] % len(project.risks)
        removed = project.risks.pop(index)
        doc.replace_project(project, f"Delete risk {removed.id}")
    elif kind == "move_risk" and project.risks:
        a, b = edit[1] % len(project.risks), edit[2] % len(project.risks)
        project.risks.insert(b, project.risks.pop(a))
        doc.replace_project(project, "Move risk")


def test_undo_all_and_redo_all_restore_exactly(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    window = MainWindow(Document(), Settings(tmp_path / "data"))
    qtbot.addWidget(window)
    doc = window.document
    undo, redo = window.actions["undo"], window.actions["redo"]

    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(edits)
    def run(sequence):
        doc.open_project(ORIGINAL.model_copy(deep=True), None)
        refused = 0
        for edit in sequence:
            before = doc.project.model_copy(deep=True)
            try:
                apply(doc, edit)
            except EditError:
                refused += 1
                assert doc.project == before  # a refused edit changes nothing
        final = doc.project.model_copy(deep=True)
        steps = doc.undo_stack.count()
        while undo.isEnabled():
            undo.trigger()
        assert doc.project == ORIGINAL
        assert doc.project.model_dump_json() == ORIGINAL.model_dump_json()
        assert not doc.is_dirty and not window.isWindowModified()
        for _ in range(steps):
            assert redo.isEnabled()
            redo.trigger()
        assert not redo.isEnabled()
        assert doc.project == final
        assert doc.is_dirty == (final != ORIGINAL or steps > 0)

    run()

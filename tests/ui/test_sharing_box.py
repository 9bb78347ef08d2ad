"""The 'Sharing the upside' section of the Project step, used as a user would."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QGroupBox, QLabel, QSpinBox

from tests.ui.page_helpers import cell_text, click, find, show, type_into_cell
from ui.document import Document
from ui.pages.project import ProjectPage
from wizard.model import Project
from wizard.vocab import DeliveryModel


def _page(qtbot, project: Project | None = None) -> tuple[Document, ProjectPage]:
    doc = Document(project or Project())
    page = ProjectPage(doc)
    show(qtbot, page)
    return doc, page


def _jv() -> Project:
    return Project.model_validate({
        "project": {"delivery_model": "joint_venture", "duration_months": 36,
                    "options": [{"id": "O1", "name": "Do minimum", "baseline": True,
                                 "cash_flows": [{"year": 0, "revenue_gbp": 10}]},
                                {"id": "O2", "name": "Joint venture", "preferred": True,
                                 "cash_flows": [{"year": 0, "capital_gbp": 1_000_000}]}]},
        "partners": [{"id": "P1", "name": "Engine Partners Ltd"}],
    })


def test_section_shown_only_for_sharing_models(qtbot):
    doc, page = _page(qtbot)
    box = find(page, QGroupBox, "project.sharing")
    assert not box.isVisible()  # outsourcing
    combo = find(page, QComboBox, "project.delivery_model")
    for model, shown in ((DeliveryModel.JOINT_VENTURE, True),
                         (DeliveryModel.MUTUAL_INVESTMENT, True),
                         (DeliveryModel.TRADING_COMPANY, True), (DeliveryModel.ALLIANCE, True),
                         (DeliveryModel.OUTSOURCING, False)):
        combo.setCurrentIndex(combo.findData(model))
        assert doc.project.project.delivery_model is model
        assert box.isVisible() is shown, model


def test_equity_and_profit_share_are_undoable_and_the_summary_follows(qtbot):
    doc, page = _page(qtbot, _jv())
    equity = find(page, QDoubleSpinBox, "sharing.public_equity_pct")
    equity.setValue(20.0)
    assert doc.project.sharing.public_equity_pct == 20.0
    share = find(page, QDoubleSpinBox, "sharing.profit_share_pct")
    assert share.text() == "Same as the equity"
    share.setValue(30.0)
    assert doc.project.sharing.profit_share_pct == 30.0
    # a profit forecast of £1,000,000 in year 0: 30% of it is the public return
    click(qtbot, page.sharing.profit.buttons["add"])
    view = page.sharing.profit.view
    type_into_cell(qtbot, view, 0, "Company profit (£; negative: a loss)", "1000000")
    assert doc.project.sharing.profit_forecast[0].profit_gbp == 1_000_000
    summary = find(page, QLabel, "sharing.summary")
    assert summary.text().startswith("Public return £300,000 over 3 years")
    assert "NPSV of O2 up £300,000" in summary.text()
    doc.undo_stack.undo()  # the profit
    doc.undo_stack.undo()  # the forecast row
    doc.undo_stack.undo()  # the profit share
    assert doc.project.sharing.profit_share_pct is None
    assert share.text() == "Same as the equity"
    doc.undo_stack.undo()
    assert doc.project.sharing.public_equity_pct == 0.0 and equity.value() == 0.0


def test_a_loss_is_typed_as_a_negative_profit(qtbot):
    doc, page = _page(qtbot, _jv())
    click(qtbot, page.sharing.profit.buttons["add"])
    type_into_cell(qtbot, page.sharing.profit.view, 0, "Company profit (£; negative: a loss)",
                   "-250000")
    assert doc.project.sharing.profit_forecast[0].profit_gbp == -250_000
    assert cell_text(page.sharing.profit.view, 0, "Company profit (£; negative: a loss)") == (
        "−£250,000")


def test_staged_equity_by_year(qtbot):
    doc, page = _page(qtbot, _jv())
    table = page.sharing.equity
    click(qtbot, table.buttons["add"])
    click(qtbot, table.buttons["add"])
    type_into_cell(qtbot, table.view, 0, "Public equity invested", "2m")
    type_into_cell(qtbot, table.view, 1, "Public equity invested", "500k")
    assert [(s.year, s.amount_gbp) for s in doc.project.sharing.public_equity_gbp] == [
        (0, 2_000_000), (1, 500_000)]
    assert cell_text(table.view, 1, "Year") == "1"


def test_guarantee_ticked_names_its_guarantor_and_untick_removes_it(qtbot):
    doc, page = _page(qtbot, _jv())
    guarantor = find(page, QComboBox, "sharing.guarantee.guarantor")
    assert not guarantor.isEnabled()  # no guarantee yet
    tick = find(page, QCheckBox, "sharing.guaranteed_return")
    tick.click()
    assert doc.project.sharing.guaranteed_return is not None
    assert doc.undo_stack.undoText() == "Change a guaranteed minimum return to the public side"
    assert guarantor.isEnabled()
    guarantor.setCurrentIndex(guarantor.findData("P1"))
    assert doc.project.sharing.guaranteed_return.guarantor == "P1"
    until = find(page, QSpinBox, "sharing.guarantee.until_year")
    assert until.text() == "the end"
    tick.click()
    assert doc.project.sharing.guaranteed_return is None
    doc.undo_stack.undo()
    assert doc.project.sharing.guaranteed_return.guarantor == "P1"
    assert guarantor.currentData() == "P1"


def test_gain_share_and_refinancing(qtbot):
    doc, page = _page(qtbot, _jv())
    find(page, QCheckBox, "sharing.gain_share").click()
    pain = find(page, QSpinBox, "sharing.gain_share.public_pain_pct")
    pain.setValue(60)
    assert doc.project.sharing.gain_share.public_pain_pct == 60
    refinancing = find(page, QSpinBox, "sharing.refinancing_gain_share_pct")
    assert doc.project.sharing.refinancing_gain_share_pct is None
    refinancing.setValue(50)
    assert doc.project.sharing.refinancing_gain_share_pct == 50


def test_marking_the_arrangement_sensitive(qtbot):
    doc, page = _page(qtbot, _jv())
    find(page, QCheckBox, "sharing.sensitive").click()
    assert doc.project.sharing.sensitive is True
    doc.undo_stack.undo()
    assert doc.project.sharing.sensitive is False


def test_carrying_option_defaults_to_the_preferred_one(qtbot):
    doc, page = _page(qtbot, _jv())
    combo = find(page, QComboBox, "sharing.option")
    assert combo.currentText() == "(the preferred option)"
    combo.setCurrentIndex(combo.findData("O1"))
    assert doc.project.sharing.option == "O1"


def test_deleting_or_renaming_the_guarantor_keeps_the_guarantee_whole(qtbot):
    from PySide6.QtWidgets import QToolButton

    from ui.pages.partners import PartnersPage

    project = _jv()
    project.sharing.guaranteed_return = {"amount_gbp": 10_000, "guarantor": "P1"}
    doc = Document(Project.model_validate(project.model_dump()))
    page = PartnersPage(doc)
    show(qtbot, page)
    from wizard.references import rewrite

    renamed = doc.edited_copy()
    renamed.partners[0].id = "ENG"
    assert len(rewrite(renamed, "partners", "P1", "ENG")) == 1
    doc.replace_project(renamed, "Rename partner P1 to ENG")
    assert doc.project.sharing.guaranteed_return.guarantor == "ENG"
    page.table.select_id("ENG")
    click(qtbot, find(page, QToolButton, "partners.delete"))
    assert doc.project.partners == []
    assert doc.project.sharing.guaranteed_return.guarantor is None
    assert doc.undo_stack.undoText() == "Delete partner ENG and 1 reference to it"
    doc.undo_stack.undo()
    assert doc.project.sharing.guaranteed_return.guarantor == "ENG"

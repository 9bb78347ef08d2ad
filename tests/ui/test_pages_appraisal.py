"""Step 8, the options appraisal and affordability, and the quantified risk on the risk detail:
what the user sees after typing, pasting and clicking, and that every edit undoes."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from tests.ui.page_helpers import cell_text, click, find, show, type_into, type_into_cell
from ui.document import Document
from ui.pages.appraisal import AppraisalPage
from ui.pages.risks import RisksPage
from ui.widgets.money_fields import merge_cash_flows, parse_cash_flows
from wizard.catalog import load_example
from wizard.model import CashFlow, Option, Partner, Project, Risk


def _project() -> Project:
    return Project(
        partners=[Partner(id="P1", name="Council", kind="public"),
                  Partner(id="P2", name="Builder")],
        project={"critical_success_factors": [{"id": "CSF1", "description": "Affordable"}],
                 "options": [Option(id="O1", name="Do minimum", baseline=True),
                             Option(id="O2", name="Build new", preferred=True)]},
        risks=[Risk(id="R1", title="Cost overrun", owner="P2", allocation="shared",
                    public_share=30)],
    )


def _page(qtbot, project=None) -> tuple[Document, AppraisalPage]:
    doc = Document(project or _project())
    page = AppraisalPage(doc)
    show(qtbot, page)
    return doc, page


def test_parse_cash_flows_from_spreadsheet_text():
    text = "Year\tCapital\tRevenue\tBenefits\tNon-cash\n0\t£1,000,000\t0\t\t\n1\t0\t207,000\t310,500\t103.5k\n"
    flows = parse_cash_flows(text)
    assert flows == [CashFlow(year=0, capital_gbp=1_000_000),
                     CashFlow(year=1, revenue_gbp=207_000, benefits_gbp=310_500,
                              non_cash_benefits_gbp=103_500)]
    # four cells: no year, rows run from the first year given
    assert [c.year for c in parse_cash_flows("1\t2\t3\t4\n5\t6\t7\t8", 3)] == [3, 4]
    try:
        parse_cash_flows("0\t1\t2\t3\t4\t5")
    except ValueError as err:
        assert "row 1 has 6 cells" in str(err)
    else:
        raise AssertionError("six cells were accepted")
    merged = merge_cash_flows([CashFlow(year=0, capital_gbp=5), CashFlow(year=2)],
                              [CashFlow(year=0, capital_gbp=9)])
    assert [(c.year, c.capital_gbp) for c in merged] == [(0, 9), (2, 0)]


def test_pasting_rows_fills_the_grid_updates_the_npsv_and_undoes(qtbot):
    doc, page = _page(qtbot)
    page.options.select_id("O2")
    QGuiApplication.clipboard().setText(
        "0\t1000000\t0\t0\t0\n1\t0\t207000\t310500\t103500\n2\t0\t214245\t428490\t0\n")
    click(qtbot, find(page, QPushButton, "appraisal.paste"))
    flows = doc.project.project.options[1].cash_flows
    assert [(c.year, c.capital_gbp, c.revenue_gbp) for c in flows] == [
        (0, 1_000_000, 0), (1, 0, 207_000), (2, 0, 214_245)]
    grid = page.flows.view
    assert cell_text(grid, 1, "Revenue") == "£207,000"
    # PV costs 1,000,000 + 200,000 + 200,000; PV benefits 800,000: NPSV -600,000
    assert cell_text(page.options.view, 1, "NPSV") == "−£600,000"
    assert "Pasted 3 rows (years 0–2)" in find(page, QLabel, "appraisal.paste.message").text()
    doc.undo_stack.undo()
    assert doc.project.project.options[1].cash_flows == []
    assert cell_text(page.options.view, 1, "NPSV") == "no cash flows"


def test_typing_in_the_grid_and_the_optimism_bias(qtbot):
    doc, page = _page(qtbot)
    page.options.select_id("O2")
    click(qtbot, page.flows.buttons["add"])
    type_into_cell(qtbot, page.flows.view, 0, "Capital", "1m")
    assert doc.project.project.options[1].cash_flows[0].capital_gbp == 1_000_000
    category = find(page, QComboBox, "appraisal.ob_category")
    category.setCurrentIndex(category.findData("standard_buildings"))
    click(qtbot, find(page, QPushButton, "appraisal.ob_upper"))
    option = doc.project.project.options[1]
    assert (option.optimism_bias_capital_pct, option.optimism_bias_revenue_pct) == (24.0, 41.0)
    # 1,000,000 x 1.24 in year 0
    assert cell_text(page.options.view, 1, "NPSV") == "−£1,240,000"
    doc.undo_stack.undo()
    assert doc.project.project.options[1].optimism_bias_capital_pct == 0


def test_rating_an_option_against_a_critical_success_factor(qtbot):
    doc, page = _page(qtbot)
    page.options.select_id("O1")
    combo = find(page, QComboBox, "appraisal.csf.CSF1")
    combo.setCurrentIndex(combo.findData("partly"))
    assert [(r.csf, r.rating) for r in doc.project.project.options[0].csf_assessment] == [
        ("CSF1", "partly")]
    assert doc.undo_stack.undoText() == "Rate O1 against CSF1: partly meets"


def test_the_examples_summary_and_the_four_graphs(qtbot):
    doc, page = _page(qtbot, load_example("leisure"))
    summary = find(page, QLabel, "appraisal.summary").text()
    assert "O3" in summary and "public P80" in summary and "Affordability gap" in summary
    choice = find(page, QComboBox, "appraisal.graph")
    titles = []
    for i in range(choice.count()):
        choice.setCurrentIndex(i)
        titles.append(page.view.scene().title)
    assert titles[0] == "Net present social value of each option"
    assert titles[2].startswith("Risk exposure") and titles[3].startswith("Affordability by year")


def test_risk_detail_money_fields_set_the_range_together(qtbot):
    doc = Document(_project())
    page = RisksPage(doc)
    show(qtbot, page)
    page.table.select_id("R1")
    probability = page.money_box.probability.editor
    probability.setValue(40.0)
    assert doc.project.risks[0].probability_pct == 40.0
    for attr, text in (("cost_min_gbp", "100k"), ("cost_likely_gbp", "200k"),
                       ("cost_max_gbp", "600k")):
        editor = find(page, QLineEdit, f"risks.cost_range.{attr}")
        editor.setText(text)
    find(page, QLineEdit, "risks.cost_range.cost_max_gbp").editingFinished.emit()
    risk = doc.project.risks[0]
    assert (risk.cost_min_gbp, risk.cost_likely_gbp, risk.cost_max_gbp) == (
        100_000, 200_000, 600_000)
    # 40% x 900,000 / 3 = 120,000; 30% public
    assert find(page, QLabel, "risks.expected_cost").text() == (
        "£120,000 (public £36,000, private £84,000)")
    # a range out of order is refused with the model's words, the risk unchanged
    find(page, QLineEdit, "risks.cost_range.cost_min_gbp").setText("700k")
    find(page, QLineEdit, "risks.cost_range.cost_min_gbp").editingFinished.emit()
    error = find(page, QLabel, "risks.cost_range.error")
    assert "minimum <= most likely <= maximum" in error.text()
    assert doc.project.risks[0].cost_min_gbp == 100_000
    doc.undo_stack.undo()
    assert doc.project.risks[0].cost_max_gbp == 0

"""Benchmark: the public business case PDF against a bare reportlab build of the same content.

Prints, for each example and for generated projects of N and 10×N risks, the time of the full
export and of a bare reportlab build (SimpleDocTemplate, the same paragraphs and tables, no
contents, outline, headers or figures) made in the same run, and the ratios the targets use:
each example ≤ 1 s; N = 2,000 risks ≤ 10 s and ≤ 1.5× the bare build; 10× the risks ≤ 12× the
time. Run: python benchmarks/export_pdf.py [N] [--no-scale]
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")

from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table as RLTable  # noqa: E402

from wizard import catalog  # noqa: E402
from wizard.export import pdf_styles as ps  # noqa: E402
from wizard.export.business_case import business_case_for  # noqa: E402
from wizard.export.content import Bullets, Heading, KeyValues, Para, Table  # noqa: E402
from wizard.export.pdf import pdf_bytes, table_data, text  # noqa: E402
from wizard.model import Project, Risk  # noqa: E402
from wizard.vocab import Allocation, RiskCategory  # noqa: E402


def generated(n_risks: int) -> Project:
    base = catalog.load_example(catalog.example_names()[0])
    categories = list(RiskCategory)
    allocations = list(Allocation)
    phases = [p.id for p in base.phases]
    partners = [p.id for p in base.partners]
    risks = [
        Risk(
            id=f"G{i}",
            title=f"Generated risk {i}: supply of materials delayed at site {i % 37}",
            description=f"A delay of {i % 12 + 1} weeks in delivering the works package, raising costs.",
            category=categories[i % len(categories)],
            phases=[phases[i % len(phases)]] if phases else [],
            likelihood=i % 5 + 1,
            impact=(i * 7) % 5 + 1,
            allocation=allocations[i % 3],
            public_share=(i * 13) % 101,
            owner=partners[i % len(partners)] if partners else None,
            mitigation="Early warning in the monthly report; a named owner; a contingency line.",
            sensitive=i % 10 == 0,
            withheld_reason="Commercial negotiation" if i % 10 == 0 else "",
        )
        for i in range(n_risks)
    ]
    return base.model_copy(update={"risks": risks})


def bare_build(project: Project, same_cells: bool = True) -> float:
    """Lay out the same paragraphs and tables with plain reportlab (SimpleDocTemplate, one
    Table per table, no contents, outline, running headers or figures), timed.

    same_cells=True uses exactly the cells the exporter uses (short texts as plain strings);
    False puts a Paragraph in every cell, the textbook way.
    """
    start = time.perf_counter()
    shown, case = business_case_for(project, "public")
    st = ps.styles()
    flow = []
    for block in case.blocks:
        if isinstance(block, Heading):
            flow.append(Paragraph(text(block.text), st["h2"]))
        elif isinstance(block, Para):
            flow.append(Paragraph(text(block.text), st["body"]))
        elif isinstance(block, Bullets):
            flow += [Paragraph(text(i), st["bullet"]) for i in block.items]
        elif isinstance(block, Table):
            if same_cells:
                data = table_data(block, st)
            else:
                data = [[Paragraph(text(h), st["cell_head"]) for h in block.header]]
                data += [[Paragraph(text(v), st["cell"]) for v in row] for row in block.rows]
            flow.append(RLTable(data, colWidths=[w * ps.FRAME_WIDTH for w in block.widths], repeatRows=1,
                                splitInRow=1, style=ps.table_style()))
        elif isinstance(block, KeyValues):
            data = [[Paragraph(text(k), st["kv_label"]), Paragraph(text(v), st["kv_value"])] for k, v in block.items]
            flow.append(RLTable(data, colWidths=[0.3 * ps.FRAME_WIDTH, 0.7 * ps.FRAME_WIDTH], splitInRow=1))
        flow.append(Spacer(1, 6))
    SimpleDocTemplate(io.BytesIO(), pagesize=ps.PAGE, leftMargin=ps.MARGIN_X, rightMargin=ps.MARGIN_X,
                      topMargin=ps.MARGIN_TOP, bottomMargin=ps.MARGIN_BOTTOM, invariant=1).build(flow)
    return time.perf_counter() - start


def full_build(project: Project) -> tuple[float, int]:
    start = time.perf_counter()
    data = pdf_bytes(project, "public")
    return time.perf_counter() - start, len(data)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    print("full: the public PDF as exported; bare: plain reportlab, same cells; "
          "bare-P: plain reportlab, a Paragraph in every cell")
    print(f"{'project':<22}{'risks':>7}{'full s':>9}{'bare s':>9}{'ratio':>7}{'bare-P s':>10}{'KB':>7}")
    for name in catalog.example_names():
        project = catalog.load_example(name)
        full_build(project)  # warm up fonts and imports
        full, size = full_build(project)
        bare, bare_p = bare_build(project), bare_build(project, False)
        print(f"{name:<22}{len(project.risks):>7}{full:>9.2f}{bare:>9.2f}{full / bare:>7.2f}{bare_p:>10.2f}"
              f"{size // 1024:>7}   target ≤ 1 s: {'met' if full <= 1 else 'MISSED'}")
    project = generated(n)
    full, size = full_build(project)
    bare, bare_p = bare_build(project), bare_build(project, False)
    print(f"{'generated':<22}{n:>7}{full:>9.2f}{bare:>9.2f}{full / bare:>7.2f}{bare_p:>10.2f}{size // 1024:>7}")
    print(f"{n} risks: {full:.2f} s (target ≤ 10 s: {'met' if full <= 10 else 'MISSED'}); "
          f"{full / bare:.2f}× the bare build (target ≤ 1.5×: {'met' if full <= 1.5 * bare else 'MISSED'})")
    if "--no-scale" not in sys.argv:
        # the bare builds are left out here: a plain Table re-copies its remaining rows at every
        # page, so at 10× the risks they take many minutes
        big, size = full_build(generated(10 * n))
        print(f"{'generated':<22}{10 * n:>7}{big:>9.2f}{'':>9}{'':>7}{'':>10}{size // 1024:>7}")
        scale = big / full
        print(f"10× the risks took {scale:.1f}× the time (target ≤ 12×: {'met' if scale <= 12 else 'MISSED'})")


if __name__ == "__main__":
    main()

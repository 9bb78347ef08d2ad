"""Table column widths from the content, shared by the PDF and Word renderers.

Each column gets at least the width of its longest word (header included), so no word is
broken in the middle; the room left over goes to the columns whose text would otherwise wrap,
by the square root of how much more each would need to sit on one line (so a long description
does not starve a column of names), never more than that. Only when even the
longest words cannot fit side by side are the columns narrowed below them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

from wizard.export.fonts import BOLD, FAMILY, register_fonts

SAMPLE_ROWS = 300  # a long register is measured on its first rows: the widths settle long before

Measure = Callable[[str, bool], float]  # (text, bold) -> width in points


def dejavu(size: float) -> Measure:
    """Widths of text in the DejaVu Sans faces at ``size`` points."""
    register_fonts()

    def measure(value: str, bold: bool) -> float:
        return stringWidth(value, BOLD if bold else FAMILY, size)

    return measure


def arial(size: float) -> Measure:
    """Widths of text in Arial (reportlab's Helvetica metrics are Arial's): for Word, whose
    documents name Arial (LibreOffice draws it with the metric-compatible Liberation Sans)."""

    def measure(value: str, bold: bool) -> float:
        return stringWidth(value, "Helvetica-Bold" if bold else "Helvetica", size)

    return measure


SHORT_WORD = 9  # letters: a word this short is never broken, even by hyphenation


def _measure_columns(header, rows, measure, padding, count, bold_columns, short_only=False):
    shortest = [padding + 1.0] * count  # the longest word of each column
    longest = [padding + 1.0] * count  # the longest line of each column
    cells: list[tuple[int, str, bool]] = []
    if header:
        cells += [(i, h, True) for i, h in enumerate(header[:count])]
    for row in list(rows[:SAMPLE_ROWS]):
        cells += [(i, v, i in bold_columns) for i, v in enumerate(row[:count]) if v]
    for i, value, bold in cells:
        for line in value.split("\n"):
            words = line.split()
            if not words:
                continue
            if short_only:
                words = [w for w in words if len(w) <= SHORT_WORD] or [""]
            shortest[i] = max(shortest[i], padding + max(measure(w, bold) for w in words))
            longest[i] = max(longest[i], padding + measure(line, bold))
    return shortest, longest


def _count(header, rows, columns):
    return columns or (len(header) if header else max((len(r) for r in rows), default=1))


def narrowest(header: Sequence[str] | None, rows: Sequence[Sequence[str]], measure: Measure,
              padding: float, columns: int | None = None, bold_columns: Sequence[int] = ()) -> float:
    """The narrowest the table can be without breaking a word."""
    count = _count(header, rows, columns)
    return sum(_measure_columns(header, rows, measure, padding, count, bold_columns)[0])


STRIP = 100.0  # points: a column this narrow holding STRIP_LINES lines of text is a strip
STRIP_LINES = 10
WIDE_COLUMNS = 6  # a table of fewer columns always fits a portrait page well enough


def squeezed(header: Sequence[str], rows: Sequence[Sequence[str]], available: float,
             measure: Measure, padding: float) -> bool:
    """Whether a table of ``header`` and ``rows`` is too wide for ``available`` points: its
    longest words cannot all sit whole side by side, or a column of long text would be
    squeezed into a strip (narrower than STRIP, its longest text STRIP_LINES lines or more)."""
    count = len(header)
    if count < WIDE_COLUMNS:
        return False
    shortest, longest = _measure_columns(header, rows, measure, padding, count, ())
    if sum(shortest) > available:
        return True
    widths = content_widths(header, rows, available, measure, padding, count)
    return any(longest[i] >= STRIP_LINES * widths[i] and widths[i] < STRIP for i in range(count))


def content_widths(header: Sequence[str] | None, rows: Sequence[Sequence[str]], available: float,
                   measure: Measure, padding: float, columns: int | None = None,
                   bold_columns: Sequence[int] = ()) -> list[float]:
    """Absolute widths (summing to ``available``) for a table of ``header`` and ``rows``;
    ``bold_columns`` are drawn bold in every row."""
    count = _count(header, rows, columns)
    shortest, longest = _measure_columns(header, rows, measure, padding, count, bold_columns)
    floor = sum(shortest)
    if floor >= available:
        # Too narrow for every word whole: keep the short words whole (ids, "Months") and let
        # the columns with long words give way (the PDF hyphenates those at proper points).
        hard = _measure_columns(header, rows, measure, padding, count, bold_columns, short_only=True)[0]
        spare = available - sum(hard)
        if spare <= 0:
            return [available * w / sum(hard) for w in hard]
        return _share(hard, [max(0.0, longest[i] - hard[i]) for i in range(count)], spare)
    wanted = [max(0.0, longest[i] - shortest[i]) for i in range(count)]
    spare = available - floor
    if sum(wanted) <= spare:
        # everything fits on one line: share the rest in proportion to the natural widths
        natural = [shortest[i] + wanted[i] for i in range(count)]
        extra = available - sum(natural)
        return [w + extra * w / sum(natural) for w in natural]
    return _share(shortest, wanted, spare)


def _share(base: list[float], wanted: list[float], spare: float) -> list[float]:
    """Share the spare room by the square root of what each column wants (a long description
    must not starve a column of names), never giving a column more than it wants."""
    count = len(base)
    given = [0.0] * count
    open_columns = [i for i in range(count) if wanted[i] > 0]
    while open_columns and spare > 1e-6:
        weights = {i: wanted[i] ** 0.5 for i in open_columns}
        total = sum(weights.values())
        share = {i: spare * weights[i] / total for i in open_columns}
        full = [i for i in open_columns if given[i] + share[i] >= wanted[i]]
        if not full:
            for i in open_columns:
                given[i] += share[i]
            break
        for i in full:
            spare -= wanted[i] - given[i]
            given[i] = wanted[i]
            open_columns.remove(i)
    return [base[i] + given[i] for i in range(count)]

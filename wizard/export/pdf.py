"""The draft business case as a PDF (reportlab platypus, BaseDocTemplate with page templates).

``export_pdf(project, out, edition="public")`` writes the public edition (built from the
redacted copy, so the writer never sees a withheld value) or the internal edition. The file is
deterministic: reportlab's invariant mode fixes the ids, and dates come from the project or
SOURCE_DATE_EPOCH. Pages carry a header (title, edition) and a footer "Page N of M"; the
contents page, the page totals and the bookmarks are filled in once the layout is known, in
one pass, by a canvas that holds pages back until the end (``_DeferredCanvas``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table as RLTable,
)

from wizard.export import pdf_styles as ps
from wizard.export.business_case import business_case_for, commissioners_text
from wizard.formatting import long_date
from wizard.export.editions import marking
from wizard.export.content import (
    Bullets,
    BusinessCase,
    Figure,
    Heading,
    KeyValues,
    Para,
    Table,
    row_spans,
)
from wizard.export.figures import drawing_for, scene_for
from wizard.export.fonts import BOLD, FAMILY
from wizard.model import Project

Progress = Callable[[int, str], None]  # (percent 0..100, what is happening)


def text(value: str) -> str:
    """Plain text made safe for a reportlab Paragraph (markup escaped, line breaks kept)."""
    return escape(value).replace("\n", "<br/>")


class HeadingPara(Paragraph):
    """A heading that records itself for the contents page and the PDF outline."""

    def __init__(self, heading: Heading, style: Any):
        super().__init__(text(heading.text), style)
        self.heading = heading


@dataclass
class _Layout:
    """What the one layout pass learns: where each heading landed and the contents slot."""

    headings: list[tuple[int, Heading, float]] = field(default_factory=list)  # page, heading, y
    contents: tuple[int, float, float] | None = None  # page, x, top y
    contents_entries: list[Heading] = field(default_factory=list)


class _ContentsSlot(Flowable):
    """Reserves the height of the contents list; the lines are drawn when pages are known."""

    LINE = 17.0

    def __init__(self, layout: _Layout):
        super().__init__()
        self.layout = layout
        self.height = self.LINE * len(layout.contents_entries) + 6

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        self.layout.contents = (canvas.getPageNumber(), x, y + self.height)

    def draw(self) -> None:
        pass


class _DeferredCanvas(Canvas):
    """Keeps every page until save, then adds headers, footers, contents and bookmarks."""

    def __init__(self, *args: Any, layout: _Layout, cover_title: str, edition: str,
                 marking: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._layout = layout
        self._cover_title = cover_title
        self._edition = edition
        self._marking = marking  # the protective marking, on every page ("" when public)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        by_page: dict[int, list[tuple[Heading, float]]] = {}
        for page, heading, y in self._layout.headings:
            by_page.setdefault(page, []).append((heading, y))
        page_of = {h.key: page for page, h, _ in self._layout.headings}
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if number == 1:
                self.bookmarkPage("cover")
                self.addOutlineEntry("Cover", "cover", 0, closed=False)
            else:
                self._furniture(number, total)
            self._draw_marking()
            if self._layout.contents and self._layout.contents[0] == number:
                self.bookmarkPage("contents")
                self.addOutlineEntry("Contents", "contents", 0)
                self._draw_contents(page_of)
            for heading, y in by_page.get(number, []):
                self.bookmarkHorizontal(heading.key, 0, y + 4)
                self.addOutlineEntry(heading.text, heading.key, heading.level - 1, closed=heading.level > 1)
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        width, height = self._pagesize  # portrait, or landscape for a wide table
        self.saveState()
        self.setFont(FAMILY, 8)
        self.setFillColor(ps.GREY)
        title = self._cover_title if len(self._cover_title) <= 90 else self._cover_title[:89] + "…"
        self.drawString(ps.MARGIN_X, height - 1.3 * cm, title)
        self.drawRightString(width - ps.MARGIN_X, height - 1.3 * cm, "Draft business case")
        self.setStrokeColor(ps.RULE)
        self.setLineWidth(0.5)
        self.line(ps.MARGIN_X, height - 1.45 * cm, width - ps.MARGIN_X, height - 1.45 * cm)
        self.line(ps.MARGIN_X, 1.35 * cm, width - ps.MARGIN_X, 1.35 * cm)
        self.drawString(ps.MARGIN_X, 1.0 * cm, self._edition)
        self.drawRightString(width - ps.MARGIN_X, 1.0 * cm, f"Page {number} of {total}")
        self.restoreState()

    def _draw_marking(self) -> None:
        """The protective marking, centred at the top and the bottom of the page."""
        if not self._marking:
            return
        width, height = self._pagesize
        self.saveState()
        self.setFont(BOLD, 9)
        self.setFillColor(ps.MARKING)
        self.drawCentredString(width / 2, height - 0.8 * cm, self._marking)
        self.drawCentredString(width / 2, 0.5 * cm, self._marking)
        self.restoreState()

    def _draw_contents(self, page_of: dict[str, int]) -> None:
        _, x, top = self._layout.contents  # type: ignore[misc]
        right = ps.PAGE[0] - ps.MARGIN_X
        y = top - 13
        self.saveState()
        for heading in self._layout.contents_entries:
            indent = 0 if heading.level == 1 else 16
            font, size = (BOLD, 10.5) if heading.level == 1 else (FAMILY, 10)
            self.setFont(font, size)
            self.setFillColor(ps.INK)
            label = heading.text
            room = right - x - indent - 40
            while self.stringWidth(label, font, size) > room and len(label) > 4:
                label = label[:-2]
                if not label.endswith("…"):
                    label = label.rstrip() + "…"
            self.drawString(x + indent, y, label)
            page = page_of.get(heading.key)
            if page is not None:
                self.drawRightString(right, y, str(page))
                self.linkAbsolute("", heading.key, Rect=(x + indent, y - 3, right, y + size), thickness=0)
            y -= _ContentsSlot.LINE
        self.restoreState()


class _Doc(BaseDocTemplate):
    def __init__(self, out: Any, layout: _Layout, **kwargs: Any):
        super().__init__(out, **kwargs)
        self.layout = layout
        frame = Frame(ps.MARGIN_X, ps.MARGIN_BOTTOM, ps.FRAME_WIDTH, ps.FRAME_HEIGHT, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(ps.MARGIN_X, ps.MARGIN_BOTTOM, ps.FRAME_WIDTH, ps.FRAME_HEIGHT - 2 * cm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = Frame(ps.MARGIN_X, ps.MARGIN_BOTTOM, ps.LANDSCAPE_WIDTH, ps.LANDSCAPE_HEIGHT, id="wide",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("cover", [cover]), PageTemplate("body", [frame]),
                               PageTemplate(LANDSCAPE, [wide], pagesize=ps.LANDSCAPE)])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, HeadingPara):
            frame = self.frame
            y = frame._y + flowable.height + flowable.style.spaceBefore
            self.layout.headings.append((self.page, flowable.heading, y))


SOFT_HYPHEN = "\u00ad"


def fit_words(value: str, room: float, font: str, size: float) -> str:
    """``value`` with soft hyphens, at proper hyphenation points, in the words wider than
    ``room`` (only those: a word that fits is never hyphenated)."""
    if not value:
        return value
    words = value.split(" ")
    if all(stringWidth(w, font, size) <= room for w in words):
        return value
    dictionary = _dictionary()
    out = []
    for word in words:
        if stringWidth(word, font, size) > room:
            word = dictionary.inserted(word, hyphen=SOFT_HYPHEN)
        out.append(word)
    return " ".join(out)


def _dictionary():
    global _PYPHEN
    if _PYPHEN is None:
        from pyphen import Pyphen

        _PYPHEN = Pyphen(lang="en_GB")
    return _PYPHEN


_PYPHEN = None


def _cell(value: str, style: Any) -> Paragraph:
    return Paragraph(text(value), style)


def column_widths(block: Table, available: float = ps.FRAME_WIDTH) -> list[float]:
    """Widths from the content: no word is broken unless even the longest words cannot fit."""
    from wizard.export.columns import content_widths, dejavu

    return content_widths(block.header, block.rows, available, dejavu(ps.CELL_SIZE),
                          ps.CELL_PADDING + 1, len(block.header))


LANDSCAPE = "landscape"  # the page template of a wide table


def is_wide(block: Table) -> bool:
    """A table to print on landscape pages: too wide for a portrait page (``columns.squeezed``)."""
    from wizard.export.columns import dejavu, squeezed

    return squeezed(block.header, block.rows, ps.FRAME_WIDTH, dejavu(ps.CELL_SIZE), ps.CELL_PADDING + 1)


def table_data(block: Table, st: dict[str, Any], widths: list[float] | None = None) -> list[list[Any]]:
    """The cells of a table: the header row, then one row per item."""
    cell, num, head = st["cell"], st["cell_num"], st["cell_head"]
    numeric = set(block.numeric)
    widths = widths or column_widths(block)
    # A short one-line text that surely fits its column is drawn as a plain string: it cannot
    # be clipped, and it spares reportlab a paragraph layout per cell (tables of 2,000 risks).
    room = [w - ps.CELL_PADDING - 1 for w in widths]
    width_of = stringWidth
    data: list[list[Any]] = [[_cell(fit_words(h, room[i], BOLD, ps.CELL_SIZE), head)
                              for i, h in enumerate(block.header)]]
    for row in block.rows:
        cells: list[Any] = []
        for i, v in enumerate(row):
            if not v or ("\n" not in v and len(v) < 60 and width_of(v, FAMILY, ps.CELL_SIZE) <= room[i]):
                cells.append(v)
            else:
                cells.append(_cell(fit_words(v, room[i], FAMILY, ps.CELL_SIZE), num if i in numeric else cell))
        data.append(cells)
    return data


class _Table(RLTable):
    """A table that never leaves fewer than MIN_TAIL rows alone at the top of the next page."""

    MIN_TAIL = 2

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = super().split(aw, ah)
        if len(parts) != 2:
            return parts
        repeat = self.repeatRows
        head = len(parts[0]._cellvalues) - repeat
        tail = len(parts[1]._cellvalues) - repeat
        if tail >= self.MIN_TAIL or head <= self.MIN_TAIL:
            return parts
        move = self.MIN_TAIL - tail
        heights = self._rowHeights[repeat + head - move: repeat + head]
        shorter = super().split(aw, ah - sum(heights) - 0.5)
        # the rows moved start the next page (else they would fill the room they left, under
        # a second header on the same page)
        return [shorter[0], FrameBreak, shorter[1]] if len(shorter) == 2 else parts


def _table(block: Table, st: dict[str, Any]) -> list[Flowable]:
    wide = is_wide(block)
    widths = column_widths(block, ps.LANDSCAPE_WIDTH if wide else ps.FRAME_WIDTH)
    data = table_data(block, st, widths)
    # Rows split between pages only when a cell is too long to ever fit on one page.
    huge = any(len(v) > 1500 for row in block.rows for v in row)
    style = ps.table_style(block.numeric)
    if block.grouped and not huge and len(data) - 1 <= _ChunkedTable.CHUNK:
        # a principle's cell spans its points' rows (the table breaks only between groups)
        for index, spans in enumerate(row_spans(block), start=1):
            for column, span in enumerate(spans):
                if span > 1:
                    style.add("SPAN", (column, index), (column, index + span - 1))

    def make(rows: list[list[Any]], table_style: Any = None) -> RLTable:
        return _Table(rows, colWidths=widths, repeatRows=1, splitByRow=1,
                      splitInRow=1 if huge else 0, style=table_style or style, hAlign="LEFT")

    table: Flowable
    if huge or len(data) - 1 <= _ChunkedTable.CHUNK:
        table = make(data)
    else:
        table = _ChunkedTable(data[0], data[1:], make)
    caption = Paragraph(text(block.caption), st["caption"])
    if wide:  # on landscape pages of its own, then back to portrait
        return [NextPageTemplate(LANDSCAPE), PageBreak(), caption, table, NextPageTemplate("body"),
                PageBreak()]
    # The caption never ends a page alone: it starts a page where the header and the first
    # rows (up to MIN_TAIL + 1) fit below it.
    first = make(data[: _Table.MIN_TAIL + 2], ps.table_style(block.numeric))  # no spans: rows cut short
    _, need = first.wrap(ps.FRAME_WIDTH, ps.FRAME_HEIGHT)
    _, caption_height = caption.wrap(ps.FRAME_WIDTH, ps.FRAME_HEIGHT)
    need = min(need + caption_height + 8, ps.FRAME_HEIGHT * 0.5)
    return [CondPageBreak(need), caption, table, Spacer(1, 8)]


class _ChunkedTable(Flowable):
    """A long table laid out a page at a time.

    reportlab splits a Table by copying every remaining row into a new Table at each page,
    which makes a register of tens of thousands of risks cost time in proportion to the square
    of its length. This flowable gives reportlab only the next CHUNK rows (with the header) at
    each split, so a page costs the same however long the table is. The header row repeats on
    every page as with a plain Table.
    """

    CHUNK = 30

    def __init__(self, header: list[Any], rows: list[list[Any]], make: Callable[[list[list[Any]]], RLTable],
                 hint: int = 0):
        super().__init__()
        self.header, self.rows, self.make = header, rows, make
        self.hint = hint  # rows that fitted on the previous page: the next page takes about as many

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, 0xFFFFFF  # too tall for any frame, so the frame asks split() for a page

    def split(self, aw: float, ah: float) -> list[Flowable]:
        size = self.hint + 4 if self.hint else self.CHUNK
        while True:
            table = self.make([self.header, *self.rows[:size]])
            parts = table.split(aw, ah)
            if len(parts) == 1 and parts[0] is table:  # the whole chunk fits
                if size >= len(self.rows):
                    return [table]
                size *= 2
                continue
            if len(parts) < 2:
                return parts
            placed = len(parts[0]._cellvalues) - 1
            breaks = [p for p in parts[1:-1] if p is FrameBreak]  # kept: see _Table
            return [parts[0], *breaks, _ChunkedTable(self.header, self.rows[placed:], self.make, placed)]

    def draw(self) -> None:  # never drawn itself: always split into tables
        pass


def _key_values(block: KeyValues, st: dict[str, Any]) -> list[Flowable]:
    data = [[_cell(k, st["kv_label"]), _cell(v, st["kv_value"])] for k, v in block.items]
    table = RLTable(data, colWidths=[0.3 * ps.FRAME_WIDTH, 0.7 * ps.FRAME_WIDTH], splitInRow=1,
                    style=ps.kv_style(), hAlign="LEFT")
    if len(block.items) <= 25:  # a short list is kept on one page rather than leave a widow
        return [KeepTogether([table]), Spacer(1, 10)]
    return [table, Spacer(1, 10)]


def _figure(block: Figure, project: Project, st: dict[str, Any]) -> list[Flowable]:
    scene = scene_for(block.kind, project)
    caption = Paragraph(text(block.caption), st["caption"])
    drawing = drawing_for(scene, ps.FRAME_WIDTH)
    limit = ps.FRAME_HEIGHT * 0.7
    if drawing.height > limit:
        factor = limit / drawing.height
        drawing.scale(factor, factor)
        drawing.width *= factor
        drawing.height *= factor
    parts: list[Flowable] = [caption, drawing]
    if scene.description:
        parts.append(Paragraph(text(scene.description), st["alt"]))
    return [CondPageBreak(4 * cm), KeepTogether(parts)]


def story(case: BusinessCase, project: Project, layout: _Layout) -> list[Flowable]:
    """The flowables of the whole document, from the cover to the last appendix."""
    st = ps.styles()
    cover = case.cover
    flow: list[Flowable] = [
        Spacer(1, 3 * cm),
        Paragraph(text(cover.kicker), st["cover_kicker"]),
        Paragraph(text(cover.title), st["cover_title"]),
        Paragraph(text(cover.commissioners), st["cover_line"]),
    ]
    if cover.place:
        flow.append(Paragraph(text(cover.place), st["cover_line"]))
    flow += [
        Paragraph(text(cover.stage), st["cover_line"]),
        Paragraph(text(f"{cover.edition} · {long_date(cover.date)}"), st["cover_line"]),
        Paragraph(text(cover.draft), st["cover_draft"]),
        Paragraph(text(cover.note), st["note"]),
        NextPageTemplate("body"),
        PageBreak(),
        Paragraph("Contents", st["h1"]),
        _ContentsSlot(layout),
    ]
    def flowables(block: Any) -> list[Flowable]:
        if isinstance(block, Para):
            return [Paragraph(text(block.text), st.get(block.style, st["body"]))]
        if isinstance(block, Bullets):
            items: list[Flowable] = [Paragraph(text(i), st["bullet"], bulletText="•") for i in block.items]
            return items + [Spacer(1, 6)]
        if isinstance(block, Table):
            return _table(block, st)
        if isinstance(block, KeyValues):
            return _key_values(block, st)
        if isinstance(block, Figure):
            return _figure(block, project, st)
        return []

    blocks = case.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not isinstance(block, Heading):
            flow += flowables(block)
            continue
        if block.level == 1:
            flow.append(PageBreak())
        else:
            flow.append(CondPageBreak((5 if block.level == 2 else 4) * cm))
        heading = HeadingPara(block, st[f"h{min(block.level, 3)}"])
        following = blocks[index] if index < len(blocks) else None
        small = isinstance(following, (Para, Figure)) or (
            isinstance(following, KeyValues) and len(following.items) <= 25
        )
        if small:
            # no orphan heading: it moves to the next page together with what it introduces
            parts = []
            for f in flowables(following):
                if isinstance(f, KeepTogether):  # one level: a nested group is measured wrongly
                    parts += list(f._content)
                elif not isinstance(f, CondPageBreak):
                    parts.append(f)
            flow.append(KeepTogether([heading, *parts]))
            index += 1
        elif isinstance(following, Table) and block.level > 1:
            # the heading, the caption and the table's first rows start on the same page
            parts = flowables(following)
            if parts and isinstance(parts[0], NextPageTemplate):  # a landscape page: it goes there
                flow[-1:] = parts[:2]
                parts = parts[2:]
            if parts and isinstance(parts[0], CondPageBreak):
                _, height = heading.wrap(ps.FRAME_WIDTH, ps.FRAME_HEIGHT)
                room = parts.pop(0).height + height + heading.style.spaceBefore + heading.style.spaceAfter
                flow[-1] = CondPageBreak(max(flow[-1].height, room))
            flow += [heading, *parts]
            index += 1
        else:
            flow.append(heading)
    return _one_break(flow)


def _one_break(flow: list[Flowable]) -> list[Flowable]:
    """No blank page: of two page breaks with nothing but page choices between them (a wide
    table's return to portrait, then a new chapter or another wide table), the first goes; so
    does a page break at the very end."""
    out: list[Flowable] = []
    for f in flow:
        if isinstance(f, PageBreak):
            between = []
            while out and isinstance(out[-1], (NextPageTemplate, CondPageBreak, PageBreak)):
                between.append(out.pop())
            # keep the page choices (the last one made wins), drop an earlier page break
            out += [b for b in reversed(between) if isinstance(b, NextPageTemplate)]
        out.append(f)
    while out and isinstance(out[-1], (PageBreak, NextPageTemplate, CondPageBreak)):
        out.pop()
    return out


def write_pdf(case: BusinessCase, project: Project, out: Any, progress: Progress | None = None) -> None:
    """Lay out ``case`` (already built from the edition's project) into ``out`` (path or file)."""
    layout = _Layout()
    layout.contents_entries = [h for h in case.headings if h.level <= 2]
    if len(layout.contents_entries) * _ContentsSlot.LINE > ps.FRAME_HEIGHT - 3 * cm:
        layout.contents_entries = [h for h in case.headings if h.level == 1]
    edition_label = case.cover.edition
    info = project.project
    if progress:
        progress(10, "Preparing the content")
    flow = story(case, project, layout)
    doc = _Doc(
        out,
        layout,
        pagesize=ps.PAGE,
        leftMargin=ps.MARGIN_X,
        rightMargin=ps.MARGIN_X,
        topMargin=ps.MARGIN_TOP,
        bottomMargin=ps.MARGIN_BOTTOM,
        title=f"{info.title} — draft business case ({edition_label.lower()})",
        subject=f"{case.cover.stage}: {info.title}",
        author=commissioners_text(project),
        creator="Changemaker",
        producer="Changemaker (ReportLab)",
        keywords=["business case", "Five Case Model", "partnership", edition_label.lower()],
        lang="en-GB",
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
    )
    if progress:
        progress(30, "Laying out the pages")

    def make_canvas(*args: Any, **kwargs: Any) -> _DeferredCanvas:
        kwargs["initialFontName"] = FAMILY  # no stray Helvetica: every character in DejaVu
        kwargs["initialFontSize"] = 10
        canvas = _DeferredCanvas(*args, layout=layout, cover_title=info.title, edition=edition_label,
                                 marking=marking(case.edition), **kwargs)
        canvas._doc._timeStamp = _time_stamp(case.cover.date)  # creation date = document date
        canvas.showOutline()
        return canvas

    doc.build(flow, canvasmaker=make_canvas)
    if progress:
        progress(100, "Done")


def _time_stamp(day: dt.date) -> TimeStamp:
    """reportlab's time stamp for midnight UTC of ``day`` (the PDF's creation date)."""
    stamp = TimeStamp(1)
    seconds = calendar.timegm(day.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is laid out.

    Layout allocates millions of short-lived objects while every laid-out page stays alive, so
    each full collection rescans a heap that grows with the document: measured on 20,000 risks,
    55 s with the collector running and 48 s paused (peak memory 461 MB). Reference counting
    still frees almost everything; the collector resumes, as it was, when layout ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_pdf(project: Project, out: str | os.PathLike[str] | io.BufferedIOBase,
               edition: str = "public", progress: Progress | None = None) -> None:
    """Write the business case PDF of ``project``; the public edition from its redacted copy."""
    with _collector_paused():
        _export_pdf(project, out, edition, progress)


def _export_pdf(project: Project, out: str | os.PathLike[str] | io.BufferedIOBase,
                edition: str, progress: Progress | None) -> None:
    if isinstance(out, (str, os.PathLike)):
        from wizard.storage import write_atomic

        write_atomic(pdf_bytes(project, edition, progress), out)
        return
    shown, case = business_case_for(project, edition)
    write_pdf(case, shown, out, progress)


def pdf_bytes(project: Project, edition: str = "public", progress: Progress | None = None) -> bytes:
    buffer = io.BytesIO()
    export_pdf(project, buffer, edition, progress)
    return buffer.getvalue()

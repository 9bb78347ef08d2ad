"""The accessible HTML edition of the business case: one self-contained file.

``html_text(project, edition)`` returns the page: ``lang="en-GB"``, one h1 and nested headings,
tables with captions and header cells (``scope``), a skip link and a contents list, and the
graphs as inline SVG with a text alternative. Like the PDF, the public edition is built from
the redacted copy of the project.
"""

from __future__ import annotations

import os
from html import escape

from wizard.export.business_case import business_case_for
from wizard.formatting import long_date
from wizard.export.content import BusinessCase, Bullets, Figure, Heading, KeyValues, Para, Table, row_spans
from wizard.export.editions import marking
from wizard.export.figures import scene_for, svg_for
from wizard.model import Project

CSS = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#0b0c0c;max-width:60rem;margin:0 auto;
padding:1rem 1.5rem;line-height:1.5;font-size:1.05rem}
@media (max-width:30rem){body{padding:.75rem}h1{font-size:1.6rem}}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem}
header{border-bottom:4px solid #1d70b8;margin-bottom:1.5rem}
.kicker{color:#1d70b8;font-weight:bold;margin:0}.draft{color:#d4351c;font-weight:bold}
.note,.alt{color:#505a5f;font-style:italic}
*,*::before,*::after{box-sizing:border-box}
p,li,td,th,caption,h1,h2,h3,h4,figcaption{overflow-wrap:break-word}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;font-size:.95rem}
.table-wrap{overflow-x:auto;max-width:100%;margin:0 0 1.5rem}
.table-wrap table{margin:0;min-width:36rem}
.table-wrap:focus{outline:3px solid #fd0}
table.facts th{width:35%}
caption{text-align:left;font-weight:bold;padding:.3rem 0;color:#505a5f}
th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .4rem;text-align:left;vertical-align:top}
thead th{background:#dee0e2;border-bottom:2px solid #0b0c0c}
td.num{text-align:right}
figure{margin:0 0 1.5rem}figure svg{display:block;max-width:100%;height:auto}
figcaption{font-weight:bold;color:#505a5f}
.marking{font-weight:bold;color:#b10e1e;text-align:center;letter-spacing:.05em;margin:.5rem 0}
h1{font-size:2rem}h2{margin-top:2.5rem;border-top:1px solid #b1b4b6;padding-top:1rem}
"""


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _render(case: BusinessCase, project: Project) -> str:
    cover = case.cover
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(cover.title)} — draft business case ({cover.edition.lower()})</title>",
        f'<meta name="author" content="{escape(project.project.commissioners and ", ".join(project.project.commissioners) or "")}">',
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the business case</a>',
        "<header>",
        *_marking(case.edition),  # inside the banner landmark: all content sits in a landmark
        f'<p class="kicker">{_text(cover.kicker)}</p>',
        f"<h1>{_text(cover.title)}</h1>",
        f"<p>{_text(cover.commissioners)}</p>",
    ]
    if cover.place:
        out.append(f"<p>{_text(cover.place)}</p>")
    out += [
        f"<p>{_text(cover.stage)}</p>",
        f"<p>{_text(cover.edition)} · <time datetime=\"{cover.date.isoformat()}\">{long_date(cover.date)}</time></p>",
        f'<p class="draft">{_text(cover.draft)}</p>',
        f'<p class="note">{_text(cover.note)}</p>',
        "</header>",
        '<nav aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ul>',
    ]
    for h in case.headings:
        if h.level == 1:
            out.append(f'<li><a href="#{escape(h.key)}">{_text(h.text)}</a></li>')
    out += ["</ul></nav>", '<main id="main">']
    open_section = False
    for block in case.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                if open_section:
                    out.append("</section>")
                out.append(f'<section aria-labelledby="{escape(block.key)}">')
                open_section = True
            level = min(block.level + 1, 6)  # the document title is the only h1
            out.append(f'<h{level} id="{escape(block.key)}">{_text(block.text)}</h{level}>')
        elif isinstance(block, Para):
            cls = f' class="{block.style}"' if block.style != "body" else ""
            out.append(f"<p{cls}>{_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            out.append("<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, KeyValues):
            rows = "".join(
                f'<tr><th scope="row">{_text(k)}</th><td>{_text(v)}</td></tr>' for k, v in block.items
            )
            out.append(f'<table class="facts"><caption>{_text(block.caption)}</caption><tbody>{rows}</tbody></table>')
        elif isinstance(block, Figure):
            out.append(_figure(block, project))
    if open_section:
        out.append("</section>")
    foot = _marking(case.edition)
    out += ["</main>", *(["<footer>", *foot, "</footer>"] if foot else []), "</body>", "</html>", ""]
    return "\n".join(out)


def _marking(edition: str) -> list[str]:
    """The protective marking line (none for the public edition)."""
    text = marking(edition)
    return [f'<p class="marking">{_text(text)}</p>'] if text else []


def _table(block: Table) -> str:
    numeric = set(block.numeric)
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in block.header)
    body = []
    for row, spans in zip(block.rows, row_spans(block)):
        cells = []
        # the row's header cell: the first cell, or the first filled one when it is empty
        header_at = 0 if (row and (row[0] or spans[0] == 0)) else next((i for i, v in enumerate(row) if v), 0)
        for i, value in enumerate(row):
            if spans[i] == 0:
                continue
            span = f' rowspan="{spans[i]}"' if spans[i] > 1 else ""
            if i == header_at and value:
                scope = "rowgroup" if spans[i] > 1 else "row"
                cells.append(f'<th scope="{scope}"{span}>{_text(value)}</th>')
            else:
                cls = ' class="num"' if i in numeric else ""
                cells.append(f"<td{cls}{span}>{_text(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption = block.caption.removeprefix("Table: ")
    caption = caption[:1].upper() + caption[1:]
    key = escape(block.key)
    return (
        f'<div class="table-wrap" role="region" aria-labelledby="caption-{key}" tabindex="0">'
        f'<table id="table-{key}"><caption id="caption-{key}">{_text(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _figure(block: Figure, project: Project) -> str:
    caption = block.caption.removeprefix("Figure: ")
    caption = caption[:1].upper() + caption[1:]
    scene = scene_for(block.kind, project)
    alt_id = f"alt-{block.kind}"
    parts = [f'<figure aria-describedby="{alt_id}">']
    parts.append(svg_for(scene))  # the SVG carries role="img" with its own <title> and <desc>
    parts.append(f"<figcaption>{_text(caption)}</figcaption>")
    parts.append(f'<p class="alt" id="{alt_id}">{_text(scene.description)}</p>')
    parts.append("</figure>")
    return "".join(parts)


def html_text(project: Project, edition: str = "public") -> str:
    """The HTML edition as text; the public edition from the redacted copy."""
    shown, case = business_case_for(project, edition)
    return _render(case, shown)


def export_html(project: Project, out: str | os.PathLike[str], edition: str = "public") -> None:
    """Write the HTML edition atomically (see ``wizard.export.write``)."""
    from wizard.storage import write_atomic

    write_atomic(html_text(project, edition).encode("utf-8"), out)

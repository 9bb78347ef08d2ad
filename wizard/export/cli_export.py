"""The ``changemaker export`` command.

    changemaker export FILE --pdf OUT [--edition public|internal]
                            [--html OUT] [--ocds OUT] [--risks OUT.csv|OUT.xlsx]

The edition (public by default) applies to the PDF, the HTML and the risk register; the OCDS
release package is always the public edition. Exit codes: 0 done, 2 the project cannot be read
or an output cannot be written (the message says which and why).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 2


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export",
        help="write the business case (PDF, HTML), open data (OCDS) or the risk register",
        description="Write the draft business case and open data of a project file.",
    )
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("--pdf", metavar="OUT", help="the business case as PDF")
    parser.add_argument("--html", metavar="OUT", help="the accessible HTML edition")
    parser.add_argument("--ocds", metavar="OUT", help="OCDS for PPPs release package (public edition)")
    parser.add_argument("--risks", metavar="OUT", help="the risk register as .csv or .xlsx")
    parser.add_argument(
        "--edition",
        choices=("public", "internal"),
        default="public",
        help="public (sensitive content withheld; the default) or internal (everything)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from wizard import storage
    from wizard.export.html import export_html
    from wizard.export.ocds import export_ocds
    from wizard.export.pdf import export_pdf
    from wizard.export.register import export_register

    jobs = [
        ("PDF", args.pdf, lambda p, out: export_pdf(p, out, args.edition)),
        ("HTML", args.html, lambda p, out: export_html(p, out, args.edition)),
        ("OCDS", args.ocds, lambda p, out: export_ocds(p, out)),
        ("risk register", args.risks, lambda p, out: export_register(p, out, args.edition)),
    ]
    jobs = [j for j in jobs if j[1]]
    if not jobs:
        print("export: say what to write: --pdf OUT, --html OUT, --ocds OUT or --risks OUT.csv",
              file=sys.stderr)
        return EXIT_FAILED
    if args.risks and Path(args.risks).suffix.lower() not in (".csv", ".xlsx"):
        print(f"export: --risks {args.risks}: the file must end in .csv or .xlsx", file=sys.stderr)
        return EXIT_FAILED
    try:
        project = storage.load(args.file)
    except storage.ProjectFileError as err:
        print(f"export: {err}", file=sys.stderr)
        return EXIT_FAILED
    status = EXIT_OK
    for what, out, write in jobs:
        target = Path(out)
        if not target.parent.exists():
            print(f"export: cannot write the {what} to {out}: the folder does not exist", file=sys.stderr)
            status = EXIT_FAILED
            continue
        try:
            write(project, target)
        except OSError as err:
            print(f"export: cannot write the {what} to {out}: {err.strerror or err}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        edition = "public" if what == "OCDS" else args.edition
        print(f"Wrote the {what} ({edition} edition) to {out}")
    return status

"""The ``changemaker export`` command.

    changemaker export FILE --pdf OUT [--edition public|internal]
                            [--html OUT] [--docx OUT.docx] [--schedules OUT.docx]
                            [--ocds OUT] [--risks OUT.csv|OUT.xlsx]

The edition (public by default) applies to every output except the OCDS release package,
which is always the public edition. Every file is written through ``wizard.export.write``. Exit codes: 0 done, 2 the project cannot be read
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
    parser.add_argument("--docx", metavar="OUT", help="the business case as a Word document (.docx)")
    parser.add_argument("--schedules", metavar="OUT",
                        help="the contract schedules for the tender pack as a Word document (.docx)")
    parser.add_argument("--ocds", metavar="OUT", help="OCDS for PPPs release package (public edition)")
    parser.add_argument("--risks", metavar="OUT", help="the risk register as .csv or .xlsx")
    parser.add_argument("--ocid-prefix", metavar="PREFIX", default="",
                        help="the publisher's registered ocid prefix for --ocds (e.g. ocds-a1b2c3); "
                             "a placeholder is written until it is set")
    parser.add_argument("--publisher", metavar="NAME", default="",
                        help="the organisation publishing the open data (default: the commissioners)")
    parser.add_argument("--publisher-uri", metavar="URL", default="",
                        help="where the open data and documents will be published (https://...)")
    parser.add_argument(
        "--edition",
        choices=("public", "internal"),
        default="public",
        help="public (sensitive content withheld; the default) or internal (everything)",
    )
    return parser


# (option, kind) in the order the files are written
OPTIONS: tuple[tuple[str, str], ...] = (
    ("pdf", "pdf"),
    ("html", "html"),
    ("docx", "docx"),
    ("schedules", "schedules"),
    ("ocds", "ocds"),
    ("risks", "risks"),
)


def run(args: argparse.Namespace) -> int:
    from wizard import export, storage
    from wizard.export.publisher import Publisher, PublisherError

    jobs = [(kind, getattr(args, option)) for option, kind in OPTIONS if getattr(args, option, None)]
    if not jobs:
        print("export: say what to write: " + ", ".join(f"--{o} OUT" for o, _ in OPTIONS),
              file=sys.stderr)
        return EXIT_FAILED
    for kind, out in jobs:
        try:
            export.check_target(kind, out)
        except export.ExportError:
            print(f"export: --{kind} {out}: the file must end in "
                  + " or ".join(export.KINDS[kind][1]), file=sys.stderr)
            return EXIT_FAILED
    try:
        publisher = Publisher(getattr(args, "ocid_prefix", ""), getattr(args, "publisher", ""),
                              getattr(args, "publisher_uri", ""))
    except PublisherError as err:
        print(f"export: {err}", file=sys.stderr)
        return EXIT_FAILED
    try:
        project = storage.load(args.file)
    except storage.ProjectFileError as err:
        print(f"export: {err}", file=sys.stderr)
        return EXIT_FAILED
    status = EXIT_OK
    for kind, out in jobs:
        what = export.describe(kind)
        if not Path(out).parent.exists():
            print(f"export: cannot write the {what} to {out}: the folder does not exist", file=sys.stderr)
            status = EXIT_FAILED
            continue
        try:
            export.write(kind, project, out, args.edition, publisher=publisher)
        except OSError as err:
            reason = getattr(err, "reason", None) or err.strerror or err
            print(f"export: cannot write the {what} to {out}: {reason}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        print(f"Wrote the {what} ({export.edition_of(kind, args.edition)} edition) to {out}")
    return status

"""The ``changemaker import`` command: a risk register into a project file.

    changemaker import FILE --risks REGISTER.csv|REGISTER.xlsx [--dry-run]

Prints the preview (each row added, changed, unchanged or refused, with the reason), then,
unless ``--dry-run``, saves FILE atomically with the previous version kept as FILE.bak. Only
the register's columns change existing risks; a placeholder of the public edition is refused.
Exit codes: 0 imported (or nothing to do), 1 some rows were refused (the others are imported),
2 the project or the register cannot be read, or the project cannot be saved.
"""

from __future__ import annotations

import argparse
import sys

from wizard.formatting import count

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_FAILED = 2


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import",
        help="import a risk register (.csv or .xlsx) into a project file",
        description="Import a risk register into a project file: only the register's columns "
        "change existing risks. The previous file is kept as FILE.bak.",
    )
    parser.add_argument("file", metavar="FILE", help="the project file to change")
    parser.add_argument("--risks", metavar="REGISTER", required=True,
                        help="the risk register, .csv or .xlsx")
    parser.add_argument("--dry-run", action="store_true",
                        help="show what would change and save nothing")
    return parser


def preview_lines(preview) -> list[str]:
    lines = [f"{preview.source}: {preview.summary()}", *(f"  note: {n}" for n in preview.notes)]
    for row in preview.rows:
        rid = row.risk.id if row.risk is not None else row.values.get("id", "") or "(no id)"
        if row.status == "refused":
            lines.append(f"  refused   row {row.row}: " + "; ".join(row.errors))
        elif row.status == "changed":
            lines.append(f"  changed   {rid}: " + ", ".join(c.replace("_", " ") for c in row.changed))
        elif row.status == "added":
            lines.append(f"  added     {rid}")
    return lines


def run(args: argparse.Namespace) -> int:
    from wizard import storage
    from wizard.export.register import RegisterFileError, apply_import, read_register

    try:
        project = storage.load(args.file)
    except storage.ProjectFileError as err:
        print(f"import: {err}", file=sys.stderr)
        return EXIT_FAILED
    try:
        preview = read_register(args.risks, project)
    except RegisterFileError as err:
        print(f"import: {err}", file=sys.stderr)
        return EXIT_FAILED
    print("\n".join(preview_lines(preview)))
    code = EXIT_REFUSED if preview.bad else EXIT_OK
    if args.dry_run:
        print("Dry run: nothing saved.")
        return code
    if not preview.changes:
        print("Nothing to change: the project file is as it was.")
        return code
    try:
        updated = apply_import(project, preview)
        storage.save(updated, args.file)
    except storage.ProjectSaveError as err:
        print(f"import: {err}", file=sys.stderr)
        return EXIT_FAILED
    except ValueError as err:
        print(f"import: the register cannot be applied: {err}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Saved {args.file} ({count(len(preview.changes), 'risk')} added or changed; "
          f"the previous version is kept as {args.file}{storage.BACKUP_SUFFIX}).")
    return code

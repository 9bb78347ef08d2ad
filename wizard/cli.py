"""The ``changemaker`` command: headless commands for project files.

    changemaker new --list                     the examples a project can start from
    changemaker new [--example NAME] FILE      a new project file (blank, or a copy of an example)
    changemaker check FILE [--json] [--edition public|internal]
                                               the changemaking scorecard and findings
    changemaker import FILE --risks REGISTER [--dry-run]
                                               import a risk register (.csv, .xlsx)
    changemaker schema                         the JSON Schema of a project file
    changemaker appraise FILE [--json] [--iterations N] [--seed S]
                                               options appraisal, priced risk, affordability
    changemaker export ...                     exports (see wizard.export.cli_export)
    changemaker FILE                           open FILE in the desktop wizard

Exit codes of ``check``: 0 when no unaccepted error-severity finding, 1 when there is one,
2 when the file cannot be read. No command prints a traceback: an unexpected error is one line
naming it, with exit code 2. This module never imports Qt; the desktop wizard is imported
only inside the branch that opens it.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import sys
from collections.abc import Sequence

from wizard import appraise_cli, import_cli, storage
from wizard.checks import Finding
from wizard.export import cli_export
from wizard.formatting import clip, count
from wizard.model import Project
from wizard.scorecard import Scorecard, legal_items

EXIT_OK = 0
EXIT_FINDINGS = 1  # check: an unaccepted error; new: refused to overwrite
EXIT_UNREADABLE = 2  # the file cannot be read, or the command was used wrongly

COMMANDS = ("new", "check", "schema", "export", "appraise", "import")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="changemaker",
        description="Design partnership contracts the changemaking way. "
        "Run 'changemaker FILE' to open a project in the desktop wizard.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="create a new project file, blank or from an example")
    new.add_argument("file", nargs="?", metavar="FILE", help="the project file to create")
    new.add_argument("--example", metavar="NAME", help="start from a named example")
    new.add_argument("--list", action="store_true", help="list the examples and stop")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    check = sub.add_parser("check", help="print the changemaking scorecard and findings")
    check.add_argument("file", metavar="FILE", help="the project file to check")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument("--edition", choices=("public", "internal"), default="internal",
                       help="word the findings as the internal (default) or the public edition "
                       "shows them; both score the real project alike")

    import_cli.add_parser(sub)

    sub.add_parser("schema", help="print the JSON Schema of a project file")

    appraise_cli.add_parser(sub)  # the options appraisal, priced risk and affordability
    cli_export.add_parser(sub)
    return parser


def _is_file_to_open(argv: list[str]) -> bool:
    """`changemaker FILE`: one argument that is no command and looks like (or is) a file.

    A bare word such as 'chek' is left to argparse, which names the real commands.
    """
    if len(argv) != 1 or argv[0] in COMMANDS or argv[0].startswith("-"):
        return False
    word = argv[0]
    return os.path.exists(word) or "." in word or os.sep in word or "/" in word


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    try:
        if _is_file_to_open(args_list):
            if not os.path.exists(args_list[0]):
                _error(f"{clip(args_list[0], 200)}: there is no such file")
                return EXIT_UNREADABLE
            return _open_gui(args_list)
        parser = build_parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as stop:  # argparse prints its own message (or --help)
            return int(stop.code or 0)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_UNREADABLE
        if args.command == "new":
            return _new(args)
        if args.command == "check":
            return _check(args)
        if args.command == "schema":
            return _schema()
        if args.command == "appraise":
            return appraise_cli.run(args)
        if args.command == "import":
            return int(import_cli.run(args))
        if args.command == "export":
            return int(cli_export.run(args))
        parser.print_help(sys.stderr)  # pragma: no cover - argparse refuses unknown commands
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into 'head'
        return EXIT_OK
    except Exception as exc:  # never a traceback: one line saying what went wrong
        _error(unexpected(exc))
        return EXIT_UNREADABLE


def unexpected(exc: BaseException) -> str:
    """One line for an error no command expected, with its kind and (clipped) words."""
    words = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {clip(words, 200)}" if words else type(exc).__name__
    return f"unexpected error ({detail}); nothing more was done. Please report this."


# new ---------------------------------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    from wizard import catalog

    if args.list:
        for name in catalog.example_names():
            try:
                title = catalog.load_example(name).project.title
            except Exception as exc:  # a broken example must not hide the others
                title = f"(cannot be read: {exc})"
            print(f"{name:<22} {title}")
        return EXIT_OK
    if not args.file:
        _error("new: give the FILE to create, for example: changemaker new my-contract"
               f"{storage.FILE_SUFFIX}")
        return EXIT_UNREADABLE
    if args.example:
        if args.example not in catalog.example_names():
            _error(f"new: there is no example called '{clip(args.example)}'. The examples are: "
                   + ", ".join(catalog.example_names()))
            return EXIT_UNREADABLE
        try:
            project = catalog.load_example(args.example)
        except (storage.ProjectFileError, catalog.LibraryError) as exc:
            _error(f"new: the example '{args.example}' cannot be read: {exc}")
            return EXIT_UNREADABLE
    else:
        project = Project()
    if os.path.isdir(args.file):
        _error(f"new: {args.file} is a folder; give the name of a file to create")
        return EXIT_FINDINGS
    if os.path.lexists(args.file) and not args.force:
        _error(f"new: {args.file} already exists; use --force to overwrite it")
        return EXIT_FINDINGS
    try:
        storage.save(project, args.file)
    except storage.ProjectSaveError as exc:
        _error(f"new: {exc}")
        return EXIT_FINDINGS
    what = f"from the example '{args.example}'" if args.example else "blank"
    print(f"Created {args.file} ({what}): {project.project.title}")
    return EXIT_OK


# check -------------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    try:
        project = storage.load(args.file)
    except storage.ProjectFileError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    from wizard.public_assessment import edition_assessment

    scorecard, findings = edition_assessment(project, args.edition)
    blocking = [f for f in findings if f.severity == "error" and not f.accepted]
    code = EXIT_FINDINGS if blocking else EXIT_OK
    if args.json:
        result = _check_result(args.file, project, findings, scorecard, code)
        result["edition"] = args.edition
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(_check_text(project, findings, scorecard, blocking))
    return code


def _check_result(file: str, project: Project, findings: list[Finding], scorecard: Scorecard,
                  code: int) -> dict:
    return {
        "file": file,
        "title": project.project.title,
        "passed": code == EXIT_OK,
        "counts": _counts(findings),
        "scorecard": _scorecard_dict(scorecard, findings),
        "findings": [dataclasses.asdict(f) for f in findings],
    }


def _scorecard_dict(scorecard: Scorecard, findings: list[Finding]) -> dict:
    """The scorecard as JSON, its legal items quoting ``findings`` (worded for the edition)."""
    data = scorecard.to_dict()
    data["law"] = [item.to_dict() for item in legal_items(findings)]
    return data


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "advice": 0, "accepted": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        counts["accepted"] += bool(f.accepted)
    return counts


def _check_text(project: Project, findings: list[Finding], scorecard: Scorecard,
                blocking: list[Finding]) -> str:
    lines = [f"Changemaking scorecard: {project.project.title}", ""]
    from wizard.check_report import scorecard_lines

    lines += scorecard_lines(scorecard, findings)
    lines.append("")
    counts = _counts(findings)
    if not findings:
        lines.append("Findings: none.")
    else:
        lines.append(
            f"Findings: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['advice']} advice ({counts['accepted']} accepted)"
        )
        order = {"error": 0, "warning": 1, "advice": 2}
        for f in sorted(findings, key=lambda f: (f.accepted, order.get(f.severity, 3))):
            tag = f"Accepted {f.severity}" if f.accepted else f.severity.capitalize()
            lines.append("")
            lines.append(f"  {tag} ({_principle_label(f.principle)}): {f.message}")
            if f.accepted and f.justification:
                lines.append(f"      Accepted because: {f.justification}")
            elif f.route:
                lines.append(f"      Route: {f.route}")
    lines.append("")
    if blocking:
        lines.append(
            f"Result: {count(len(blocking), 'error')} to fix or accept "
            "with a justification."
        )
    else:
        lines.append("Result: no unaccepted errors.")
    return "\n".join(lines)


def _principle_label(slug: str) -> str:
    from wizard.checks import PRINCIPLE_LABELS

    return PRINCIPLE_LABELS.get(slug, slug)


# schema ------------------------------------------------------------------------------------------


def _schema() -> int:
    print(json.dumps(Project.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


# the desktop wizard ------------------------------------------------------------------------------


def _open_gui(argv: list[str]) -> int:
    # Qt is a dependency that a headless install may leave out: say so. An import error in
    # the app's own modules is a bug and is not hidden as "not available".
    if importlib.util.find_spec("PySide6") is None:
        _error("the desktop wizard cannot start (PySide6, the Qt library it needs, is not "
               "installed); the headless commands still work: " + ", ".join(COMMANDS))
        return EXIT_UNREADABLE
    from ui import app  # lazily: only this branch may bring in Qt

    return int(app.main(argv) or 0)


# helpers -----------------------------------------------------------------------------------------


def _error(message: str) -> None:
    print(f"changemaker: {message}", file=sys.stderr)


def _tolerant_output() -> None:
    """Never crash on a console that cannot show £, ŵ or ø: replace what it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass


if __name__ == "__main__":
    sys.exit(main())

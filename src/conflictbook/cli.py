"""Command line: ``conflictbook extract`` and ``conflictbook report`` (argument parsing only).

Exit codes: 0 all inputs used, 1 some input or record became an error row, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line arguments: one-line message, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflictbook",
        description="Timelines, casualty tallies, claims and source comparison from conflict reporting.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="article files (.txt, .jsonl, .csv, .html), folders (walked recursively) or globs")
    common.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    common.add_argument("--published", metavar="ISO",
                        help="publication date for every input (overrides the articles' own)")
    common.add_argument("--outlet", metavar="NAME", help="outlet name for every input")
    common.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    extract = sub.add_parser("extract", parents=[common], help="write the six tables")
    extract.add_argument("--format", choices=("csv", "parquet"), default="csv", help="table format (csv)")
    extract.add_argument("--events", choices=("acled", "ucdp"), default=None,
                         help="also write events.csv, a draft coding sheet shaped like ACLED or UCDP GED")
    report = sub.add_parser("report", parents=[common], help="render the notebook report (HTML)")
    report.add_argument("--notebook", choices=("article", "corpus"), default=None,
                        help="which workbook to run (default: article for one article, else corpus)")
    report.add_argument("--no-input", dest="no_input", action="store_true", default=True,
                        help="hide code cells in the HTML report (default)")
    report.add_argument("--show-input", dest="no_input", action="store_false", help="show code cells")
    report.add_argument("--each", action="store_true", help="one report per article")
    return parser


def _published(value: str | None):
    if value is None:
        return None
    from conflictbook import _as_published

    try:
        return _as_published(value)
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None


def run_extract(args: argparse.Namespace) -> int:
    import conflictbook

    book = conflictbook.read(args.inputs, published=_published(args.published), outlet=args.outlet,
                             progress=not args.quiet)
    written = book.write(args.out, args.format)
    if args.events:
        from conflictbook.export import write_events

        written["events"] = write_events(book, args.out, args.events)
    n_errors = len(book.records("errors"))
    if not args.quiet:
        counts = ", ".join(f"{len(book.records(t))} {t}" for t in ("articles", "timeline", "tallies", "claims",
                                                                  "comparison"))
        print(f"conflictbook: {counts} -> {args.out}/ ({args.format})", file=sys.stderr)
        if n_errors:
            print(f"conflictbook: {n_errors} input error(s), see {written['errors']}", file=sys.stderr)
    return EXIT_ERRORS if n_errors else EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from conflictbook.report import render_report

    return render_report(args)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line message
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("conflictbook: error: a command is required (extract or report)", file=sys.stderr)
        return EXIT_USAGE
    try:
        return run_extract(args) if args.command == "extract" else run_report(args)
    except UsageError as exc:
        print(f"conflictbook: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("conflictbook: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

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
    engine = extract.add_argument_group("corpus runs")
    engine.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                        help="worker processes (default: all cores; 1 runs in this process)")
    engine.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask distributed cluster, e.g. tcp://10.0.0.5:8786")
    engine.add_argument("--incremental", action="store_true",
                        help="reuse results of unchanged articles from OUT/.cache and add new ones")
    engine.add_argument("--cache", type=Path, metavar="DIR", help="result cache folder (implies --incremental)")
    engine.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="time budget per article; over it the article becomes an error row (default 60; 0: none)")
    report = sub.add_parser("report", parents=[common], help="render the notebook report (HTML)")
    report.add_argument("--notebook", choices=("article", "corpus"), default=None,
                        help="which workbook to run (default: article for one article, else corpus)")
    report.add_argument("--no-input", dest="no_input", action="store_true", default=True,
                        help="hide code cells in the HTML report (default)")
    report.add_argument("--show-input", dest="no_input", action="store_false", help="show code cells")
    report.add_argument("--each", action="store_true", help="one report per article")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _published(value: str | None):
    if value is None:
        return None
    from conflictbook import _as_published

    try:
        return _as_published(value)
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None


def run_extract(args: argparse.Namespace) -> int:
    from conflictbook.engine import DEFAULT_BUDGET, EngineConfig, extract_to

    cache_dir = args.cache or (args.out / ".cache" if args.incremental else None)
    config = EngineConfig(jobs=args.jobs, scheduler=args.scheduler, cache_dir=cache_dir,
                          budget=DEFAULT_BUDGET if args.timeout is None else (args.timeout or None),
                          progress=not args.quiet)
    book, written = extract_to(args.inputs, args.out, args.format, config,
                               published=_published(args.published), outlet=args.outlet)
    if args.events:
        from conflictbook.export import write_events

        written["events"] = write_events(book, args.out, args.events)
    n_errors = len(book.records("errors"))
    if not args.quiet:
        counts = ", ".join(f"{len(book.records(t))} {t}" for t in ("articles", "timeline", "tallies", "claims",
                                                                  "comparison"))
        print(f"conflictbook: {counts} -> {args.out}/ ({args.format})", file=sys.stderr)
        if config.stats.get("cache_hits"):
            print(f"conflictbook: {config.stats['cache_hits']} article(s) reused from {cache_dir}", file=sys.stderr)
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

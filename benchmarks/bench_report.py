"""One-article report time against executing an empty notebook with papermill (the kernel floor).

Baselines measured in this run: the ``papermill`` command executing a notebook with one
empty code cell on the same kernel the report uses (interpreter and papermill start,
kernel start-up, one round trip, shutdown: no report command can be faster), and the same
notebook executed by papermill inside this process (the kernel alone). Measured:
``conflictbook report ONE_ARTICLE --out DIR`` end to end (extraction, the article
workbook, charts, HTML). Target: within 2x the command floor.
Skipped with a message while ``conflictbook report`` cannot render.

    python benchmarks/bench_report.py [--quick] [ARTICLE]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0


def empty_notebook(tmp: Path) -> Path:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    source = tmp / "empty.ipynb"
    nbformat.write(notebook, source)
    return source


def empty_notebook_seconds(source: Path) -> float:
    """The kernel alone: papermill already imported in this process."""
    import papermill

    start = time.perf_counter()
    papermill.execute_notebook(str(source), str(source.with_name("empty-out.ipynb")), kernel_name="python3",
                               progress_bar=False, log_output=False)
    return time.perf_counter() - start


def papermill_command_seconds(source: Path) -> float:
    """The command floor: ``python -m papermill`` on the empty notebook, as a report command runs."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "papermill", str(source), str(source.with_name("empty-cmd.ipynb")),
                    "--no-progress-bar", "-k", "python3"], capture_output=True, check=True)
    return time.perf_counter() - start


def report_seconds(article: Path, out: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "conflictbook.cli", "report", str(article), "--out", str(out),
                           "--quiet"], capture_output=True, text=True)
    return time.perf_counter() - start, done.returncode, done.stderr


def default_article() -> Path | None:
    for folder in (ROOT / "data" / "sample", ROOT.parent / "shared" / "seeds"):
        found = sorted(p for p in folder.glob("*.txt")) if folder.is_dir() else []
        if found:
            return found[0]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--quick", action="store_true", help="one repetition instead of three")
    args = parser.parse_args()
    article = args.article or default_article()
    if article is None:
        print("report: skipped (no article found in data/sample or ../shared/seeds)")
        return 0
    repeat = 1 if args.quick else 3
    with tempfile.TemporaryDirectory(prefix="cb-report-") as tmp:
        tmp_path = Path(tmp)
        seconds, code, err = report_seconds(article, tmp_path / "probe")
        if code not in (0, 1) or not any((tmp_path / "probe").glob("*.html")):
            print(f"report: skipped (`conflictbook report` cannot render yet: exit {code}; "
                  f"{err.strip().splitlines()[-1] if err.strip() else 'no HTML written'})")
            return 0
        source = empty_notebook(tmp_path)
        kernel = min(empty_notebook_seconds(source) for _ in range(repeat))
        floor = min(papermill_command_seconds(source) for _ in range(repeat))
        report = min(report_seconds(article, tmp_path / f"r{i}")[0] for i in range(repeat))
    ratio = report / floor
    print(f"article: {article.name}")
    print(f"empty notebook, papermill in this process (kernel alone): {kernel:.2f} s")
    print(f"empty notebook, papermill command (floor):               {floor:.2f} s")
    print(f"one-article report command:                              {report:.2f} s  ({ratio:.2f}x the floor, "
          f"{report / kernel:.1f}x the kernel alone)")
    print(f"target: report within {TARGET:.0f}x the empty-notebook floor: {'met' if ratio <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

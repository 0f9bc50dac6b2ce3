"""``conflictbook report``: run a workbook with papermill and render it as a self-contained HTML page.

Into ``--out`` go the six tables (written by the same code as ``extract``, so they are
identical), the executed notebook ``report.ipynb`` (the source notebook is never
touched), ``report.html`` (code cells hidden unless ``--show-input``; images embedded as
data URIs, no external scripts) and the charts as PNG (saved by the notebook into the
out folder). With ``--each``, every article gets its own report in ``DIR/<article_id>/``
and ``DIR/index.html`` links them.

The kernel is the ``python3`` kernelspec; jupyter_client starts it with the running
interpreter, so the report runs in the same environment as the command.
"""

from __future__ import annotations

import html
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import conflictbook
from conflictbook.book import Book
from conflictbook.pipeline import compare_results

EXIT_OK, EXIT_ERRORS = 0, 1
KERNEL = "python3"
NOTEBOOK_FILES = {"article": "01-article.ipynb", "corpus": "02-corpus.ipynb"}
# External resources the nbconvert templates link; a self-contained report must not need them.
_EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>\s*', re.IGNORECASE)
_MATHJAX_BLOCK = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->\s*", re.DOTALL)


class ReportError(RuntimeError):
    """The workbook could not be run or rendered."""


@dataclass
class RenderResult:
    notebook: Path
    html: Path
    failed: str = ""  # the notebook's error, when a cell raised


def notebook_folder() -> Path:
    """Where the workbooks live: inside the package when shipped there, else the repository's notebooks/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "notebooks", here.parents[1] / "notebooks"):
        if (candidate / NOTEBOOK_FILES["article"]).is_file():
            return candidate
    raise ReportError(f"workbooks not found (looked in {here / 'notebooks'} and {here.parents[1] / 'notebooks'})")


def notebook_path(kind: str) -> Path:
    return notebook_folder() / NOTEBOOK_FILES[kind]


def _absolute(inputs: list[str]) -> list[str]:
    return [str(Path(p).expanduser().absolute()) for p in inputs]


def _skip_slow_optional_imports() -> None:
    """Keep jsonschema (imported by nbformat) from loading its optional RFC 3987 checker.

    That checker builds dozens of grammar parsers at import (about 0.5 s, a sixth of a
    one-article report); notebook validation never checks those formats. Only done when
    nothing in this process has imported it already.
    """
    if "rfc3987_syntax" not in sys.modules and "jsonschema" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # an ImportError for jsonschema's optional import


def run_notebook(kind: str, out_dir: Path, parameters: dict, show_input: bool = False,
                 progress: bool = False) -> RenderResult:
    """Execute workbook KIND with PARAMETERS into OUT_DIR/report.ipynb and render OUT_DIR/report.html."""
    _skip_slow_optional_imports()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = notebook_path(kind)
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / "report.ipynb"
    if executed.resolve() == source.resolve():
        raise ReportError(f"refusing to write the executed notebook over its source {source}")
    failed = ""
    try:
        with _kernel_imports_this_package():
            papermill.execute_notebook(str(source), str(executed), parameters=parameters, kernel_name=KERNEL,
                                       cwd=str(source.parent), progress_bar=progress, log_output=False,
                                       start_timeout=120, request_save_on_cell_execute=False,
                                       extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    except PapermillExecutionError as exc:
        failed = f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    except Exception as exc:  # kernel missing or dead: nothing to render
        raise ReportError(f"could not run {source.name} with the {KERNEL!r} kernel: {type(exc).__name__}: {exc}. "
                          "Install the kernel with: python -m ipykernel install --sys-prefix") from exc
    page = out_dir / "report.html"
    page.write_text(to_html(executed, show_input=show_input), encoding="utf-8")
    return RenderResult(executed, page, failed)


@contextmanager
def _kernel_imports_this_package():
    """Put this conflictbook's folder first on the kernel's PYTHONPATH, so the notebook imports the same code."""
    package_parent = str(Path(conflictbook.__file__).resolve().parents[1])
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([package_parent, *([before] if before else [])])
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def to_html(notebook: Path, show_input: bool = False) -> str:
    """The executed NOTEBOOK as one self-contained HTML page (code cells hidden unless SHOW_INPUT)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    exporter = HTMLExporter(exclude_input=not show_input, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "conflictbook report"}})
    return _self_contained(body)


def _self_contained(page: str) -> str:
    """Drop the CDN scripts (require.js, MathJax) the template links: the report needs no network."""
    page = _MATHJAX_BLOCK.sub("", page)
    return _EXTERNAL_SCRIPT.sub("", page)


def _parameters(args, inputs: list[str], out_dir: Path) -> dict:
    params = {"inputs": inputs, "out_dir": str(out_dir.absolute())}
    if args.published:
        params["published"] = args.published
    if args.outlet:
        params["outlet"] = args.outlet
    return params


def _one_article_book(book: Book, article_id: str) -> Book:
    results = [r for r in book.results if r.article.article_id == article_id]
    comparison, errors = compare_results(results)
    sources = {r.article.source_path for r in results}
    return Book(results=results, comparison_rows=comparison,
                error_rows=[e for e in book.error_rows if e.source_path in sources] + errors,
                articles_by_id={k: v for k, v in book.articles_by_id.items() if k == article_id})


def folder_name(article_id: str) -> str:
    """A safe folder name for ARTICLE_ID (ids from JSONL/CSV records may hold slashes or spaces)."""
    name = re.sub(r"[^\w.-]+", "_", article_id).strip("._")
    return name or "article"


def _index_page(out_dir: Path, book: Book, failures: dict[str, str]) -> Path:
    rows = []
    for result in book.results:
        art = result.article
        aid = html.escape(art.article_id)
        status = f" — <strong>failed: {html.escape(failures[art.article_id])}</strong>" \
            if art.article_id in failures else ""
        href = html.escape(folder_name(art.article_id))
        rows.append(f'<li><a href="{href}/report.html">{aid}</a> {html.escape(art.title)} '
                    f"({html.escape(art.outlet or 'article')}){status}</li>")
    page = out_dir / "index.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>conflictbook reports</title></head>"
                    f"<body><h1>conflictbook reports</h1><ul>{''.join(rows)}</ul></body></html>",
                    encoding="utf-8")
    return page


def render_report(args) -> int:
    """Run the article or corpus workbook into ARGS.out; exit code as ``extract`` (1 when error rows exist)."""
    out_dir = Path(args.out)
    quiet = bool(getattr(args, "quiet", False))
    show_input = not getattr(args, "no_input", True)
    inputs = _absolute(list(args.inputs))
    from conflictbook.cli import _published

    # The tables come from the same engine and inputs as `extract` (source_path "exactly as found", the same
    # per-article time budget), so they are identical; the notebook gets absolute paths (it runs in notebooks/).
    from conflictbook.engine import EngineConfig, extract_to

    book, _ = extract_to(list(args.inputs), out_dir, "csv", EngineConfig(progress=not quiet),
                         published=_published(args.published), outlet=args.outlet)
    n_errors = len(book.records("errors"))
    try:
        if getattr(args, "each", False):
            failures = _render_each(args, book, inputs, out_dir, show_input, quiet)
            page = _index_page(out_dir, book, failures)
        else:
            kind = args.notebook or ("article" if len(book.results) == 1 else "corpus")
            result = run_notebook(kind, out_dir, _parameters(args, inputs, out_dir), show_input,
                                  progress=not quiet and kind == "corpus")
            failures = {"report": result.failed} if result.failed else {}
            page = result.html
    except ReportError as exc:
        print(f"conflictbook: error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    for name, why in failures.items():
        print(f"conflictbook: error: the {name} notebook failed at {why}; see the executed notebook", file=sys.stderr)
    if not quiet:
        print(f"conflictbook: {len(book.results)} article(s), {n_errors} error row(s) -> {out_dir}/", file=sys.stderr)
        print(f"conflictbook: report {page.absolute()}", file=sys.stderr)
    return EXIT_ERRORS if n_errors or failures else EXIT_OK


def _render_each(args, book: Book, inputs: list[str], out_dir: Path, show_input: bool,
                 quiet: bool) -> dict[str, str]:
    """One article report per article into OUT_DIR/<article_id>/; returns {article_id: failure}."""
    from tqdm.auto import tqdm

    failures: dict[str, str] = {}
    results = list(book.results)
    for result in tqdm(results, desc="reports", unit="article", disable=quiet):
        art = result.article
        sub = out_dir / folder_name(art.article_id)
        _one_article_book(book, art.article_id).write(sub, "csv")
        # All inputs, so article ids made unique across inputs stay the same; only this one is extracted.
        params = _parameters(args, inputs, sub)
        params["article_id"] = art.article_id
        rendered = run_notebook("article", sub, params, show_input)
        if rendered.failed:
            failures[art.article_id] = rendered.failed
    return failures

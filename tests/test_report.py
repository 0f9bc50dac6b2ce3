"""``conflictbook report``: executed notebook, self-contained HTML without code, charts, the same six tables
as ``extract``, one report per article with ``--each``, exit codes; and the page in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from conflictbook.cli import main
from conflictbook.report import folder_name, notebook_path, to_html
from conflictbook.tables import TABLES
from conflictbook.workbook import chart_function

ROOT = Path(__file__).resolve().parents[1]
# CI keeps this folder as an artifact: the corpus report and its screenshot.
CI_OUT = Path(os.environ.get("CONFLICTBOOK_CI_OUT", ROOT / "out" / "ci"))

ARTICLES = {
    "bridge.txt": ("Fighting at the Bridge\n\n14 March 2024\n\n"
                   "Troops and rebels clashed at the Orsk bridge on Tuesday, killing 9 fighters, the army said.\n\n"
                   "\"We hold the bridge,\" a rebel commander told the Pale Courier.\n"),
    "camp.txt": ("Families Leave Camp\n\n15 March 2024\n\n"
                 "More than 200 families were relocated from the Tavi camp last week, aid workers said.\n"),
}


def _corpus(folder: Path, bad: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _tables(folder: Path) -> dict[str, bytes]:
    return {t: (folder / f"{t}.csv").read_bytes() for t in TABLES}


@pytest.fixture(scope="module")
def corpus_report() -> Path:
    """The README's main command on the bundled sample corpus, written where CI keeps artifacts."""
    sample = ROOT / "data" / "sample"
    if not sample.is_dir():
        pytest.skip("data/sample/ is absent")
    out = CI_OUT / "report"
    shutil.rmtree(out, ignore_errors=True)
    code = main(["report", str(sample), "--out", str(out), "--quiet"])
    assert code in (0, 1)
    return out


def test_corpus_report_files(corpus_report):
    for name in ("report.html", "report.ipynb", *(f"{t}.csv" for t in TABLES)):
        assert (corpus_report / name).is_file(), name
    page = (corpus_report / "report.html").read_text(encoding="utf-8")
    assert "A corpus: cross-outlet timeline" in page
    assert "import conflictbook.workbook" not in page, "code cells must be hidden"
    assert 'src="http' not in page, "the report must not load scripts from the network"
    assert "Traceback" not in page and "Error" not in _cell_errors(corpus_report / "report.ipynb")
    if chart_function("timeline") is not None:
        assert (corpus_report / "timeline.png").is_file()
        assert "data:image/png;base64," in page


def _cell_errors(notebook: Path) -> str:
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    return " ".join(o.get("ename", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                    if o.output_type == "error")


def test_article_report_tables_match_extract(tmp_path, monkeypatch):
    _corpus(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    article = "in/bridge.txt"  # relative, as a user types it: source_path must stay as given
    report_out, extract_out = tmp_path / "report", tmp_path / "extract"
    assert main(["report", article, "--out", str(report_out), "--quiet"]) == 0
    assert main(["extract", article, "--out", str(extract_out), "--quiet"]) == 0
    assert _tables(report_out) == _tables(extract_out)
    page = (report_out / "report.html").read_text(encoding="utf-8")
    assert "One article: timeline" in page  # one article: the article workbook by default
    assert "Fighting at the Bridge" in page
    assert not notebook_path("article").samefile(report_out / "report.ipynb")


def test_each_writes_one_report_per_article_and_exit_code_1_for_errors(tmp_path):
    inputs = _corpus(tmp_path / "in", bad=True)
    out = tmp_path / "out"
    assert main(["report", str(inputs), "--out", str(out), "--each", "--quiet"]) == 1
    for article_id in ("bridge", "camp"):
        assert (out / article_id / "report.html").is_file()
        assert (out / article_id / "articles.csv").read_text(encoding="utf-8").count("\n") == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="bridge/report.html"' in index and 'href="camp/report.html"' in index
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "empty.txt" in errors  # the bad input is reported, the good ones still rendered


@pytest.mark.shared
def test_seed_report_tables_score_as_extract(shared, tmp_path):
    seed = shared / "seeds" / "000_7ac6687362326750.txt"
    report_out, extract_out = tmp_path / "report", tmp_path / "extract"
    report_code = main(["report", str(seed), "--out", str(report_out), "--quiet"])
    extract_code = main(["extract", str(seed), "--out", str(extract_out), "--quiet"])
    assert report_code == extract_code
    assert _tables(report_out) == _tables(extract_out)  # identical tables score identically


def test_show_input_keeps_code(corpus_report):
    assert "filter_book" in to_html(corpus_report / "report.ipynb", show_input=True)
    assert "filter_book" not in to_html(corpus_report / "report.ipynb")


@pytest.mark.parametrize(("article_id", "folder"), [("bridge", "bridge"), ("wire/2024/17", "wire_2024_17"),
                                                   ("../up", "up"), ("a b", "a_b"), ("..", "article")])
def test_each_folder_names_stay_inside_out(article_id, folder):
    assert folder_name(article_id) == folder


# ---------------------------------------------------------------- headless browser


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _browser(page: Path, *action: str) -> subprocess.CompletedProcess:
    binary = chromium()
    with tempfile.TemporaryDirectory(prefix="cb-chromium-") as profile:
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *action, page.absolute().as_uri()]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Dom(HTMLParser):
    """Counts what the rendered report shows: images, tables, inputs inside code cells."""

    def __init__(self):
        super().__init__()
        self.images = self.tables = self.code_inputs = self.highlighted_code = 0
        self._open: list[tuple[str, bool]] = []  # (tag, is a code cell)

    def _in_code_cell(self) -> bool:
        return any(is_code for _, is_code in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "img" and (attrs.get("src") or "").startswith("data:image/png"):
            self.images += 1
        if tag == "table":
            self.tables += 1
        if self._in_code_cell() and ({"jp-InputArea", "jp-InputPrompt", "jp-CodeMirrorEditor"} & set(classes)):
            self.code_inputs += 1
        if {"highlight", "cm-editor"} & set(classes):
            self.highlighted_code += 1
        if tag not in VOID_TAGS:
            self._open.append((tag, "jp-CodeCell" in classes))

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                break


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (run scripts/install-browser.sh as root)")
def test_report_in_headless_chromium(corpus_report):
    page = corpus_report / "report.html"
    dom = _browser(page, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    parsed = _Dom()
    parsed.feed(dom.stdout)
    assert parsed.tables >= 2, "coverage, articles and the other tables must render"
    assert parsed.code_inputs == 0 and parsed.highlighted_code == 0, "no code cells in the report"
    assert "import conflictbook" not in dom.stdout
    timeline = pd.read_csv(corpus_report / "timeline.csv")
    if chart_function("timeline") is not None and len(timeline):
        assert parsed.images >= 1, "charts must render as embedded images"
    else:  # until the charts and the timeline land, the page says why there is no chart
        assert "chart is not available" in dom.stdout or "nothing to chart" in dom.stdout
    shot = corpus_report / "report.png"
    shot.unlink(missing_ok=True)
    taken = _browser(page, f"--screenshot={shot}", "--window-size=1280,4000")
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))
    assert pixels.shape[:2] == (4000, 1280)
    assert pixels.std() > 0.01, "the screenshot is blank"

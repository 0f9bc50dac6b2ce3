"""The workbooks: committed without outputs, thin (purpose, imports, parameters, calls), runnable with
their defaults (nbval) and with other parameters (papermill)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SANITIZE = Path(__file__).with_name("nbval_sanitize.cfg")
PARAMETER_NAMES = {"inputs", "out_dir", "published", "outlet", "date_from", "date_to", "outlets", "categories"}


def _read(path: Path):
    return nbformat.read(str(path), as_version=4)


def _ids(paths):
    return [p.name for p in paths]


def test_both_workbooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01-article.ipynb", "02-corpus.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_committed_without_outputs(path):
    nb = _read(path)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, (f"{path.name} carries outputs in cells {dirty}: clear them with "
                       f"`jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)}` or nbstripout")
    assert "papermill" not in nb.metadata, f"{path.name} is an executed copy (papermill metadata)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_thin_shape(path):
    nb = _read(path)
    cells = nb.cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# "), "first cell: purpose"
    imports = ast.parse(cells[1].source)
    assert all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in imports.body), "second cell: imports"
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [2], "third cell, and only it, is tagged `parameters`"
    for cell in cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), \
                f"{path.name}: no def/class/lambda in a workbook; put helpers in conflictbook.workbook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_parameters_are_typed_commented_literals(path):
    source = _read(path).cells[2].source
    tree = ast.parse(source)
    names = set()
    for node in tree.body:
        assert isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name), ast.unparse(node)
        ast.literal_eval(node.value)  # a literal, nothing computed
        names.add(node.target.id)
    for line in source.splitlines():
        assert "#" in line, f"parameter without a comment: {line!r}"
    assert PARAMETER_NAMES <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_default_inputs_exist(path):
    tree = ast.parse(_read(path).cells[2].source)
    defaults = {n.target.id: ast.literal_eval(n.value) for n in tree.body}
    for rel in defaults["inputs"]:
        assert rel.startswith("../data/sample"), rel
        assert (path.parent / rel).exists(), f"{path.name}: default input {rel} is missing"


ARTICLE_TEXT = (
    "Convoy Hit Near Dalmar\n\n"
    "Gunmen ambushed an aid convoy near Dalmar on Tuesday, killing three drivers, officials said.\n\n"
    '"We will not stop deliveries," a spokeswoman for the agency told reporters on 12 March.\n'
)


def _smoke_parameters(name: str, tmp_path: Path) -> dict:
    """Non-default parameters for each workbook."""
    out = tmp_path / "charts"
    if name == "01-article.ipynb":
        article = tmp_path / "convoy.txt"
        article.write_text(ARTICLE_TEXT, encoding="utf-8")
        return {"inputs": [str(article)], "article_id": "convoy", "out_dir": str(out), "published": "2024-03-13",
                "outlet": "Smoke Test Wire", "categories": ["killed"], "date_from": "2024-03-01",
                "date_to": "2024-03-31", "outlets": ["Smoke Test Wire"]}
    return {"inputs": [str(ROOT / "data" / "sample")], "out_dir": str(out), "date_from": "1900-01-01",
            "date_to": "2100-12-31", "categories": ["killed", "captured", "relocated"]}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_papermill_runs_with_other_parameters(path, tmp_path):
    papermill = pytest.importorskip("papermill")
    executed = tmp_path / f"executed-{path.name}"
    params = _smoke_parameters(path.name, tmp_path)
    papermill.execute_notebook(str(path), str(executed), parameters=params, kernel_name="python3",
                               cwd=str(path.parent), progress_bar=False, log_output=False)
    nb = _read(executed)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "Smoke Test Wire" in injected[0].source if "article" in path.name else injected
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert not path.samefile(executed)


def test_nbval_passes():
    """The workbooks run top to bottom with their defaults; tagged cells print nothing unexpected."""
    pytest.importorskip("nbval")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
           "--nbval-sanitize-with", str(SANITIZE), *map(str, NOTEBOOKS)]
    env = {**os.environ, "MPLBACKEND": os.environ.get("MPLBACKEND", "Agg")}
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]

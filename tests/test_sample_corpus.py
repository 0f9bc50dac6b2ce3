"""The bundled corpus: every sample article is read cleanly; every bad file gives one error row."""

from pathlib import Path

import pandas as pd
import pytest

from conflictbook.cli import main
from conflictbook.ingest import READERS

ARTICLE_SUFFIXES = tuple(READERS)


def sample_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)


def test_sample_corpus_reads_without_errors(sample, tmp_path):
    files = sample_files(sample)
    assert len(files) >= 6, "data/sample/ should hold the fictional corpus"
    out = tmp_path / "out"
    assert main(["extract", str(sample), "--out", str(out), "--quiet"]) == 0
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    assert errors.empty, errors.to_string()
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert len(articles) >= 10
    assert articles["article_id"].is_unique
    assert {"txt", "jsonl", "csv", "html"} <= {Path(p).suffix.lstrip(".") for p in articles["source_path"]}
    assert articles["outlet"].replace("", pd.NA).dropna().nunique() >= 3
    assert set(articles.get("encoding", pd.Series(dtype=str))) >= {"utf-8", "utf-8-sig", "cp1252"}


def test_headerless_article_takes_metadata_from_options(sample, tmp_path):
    path = sample.parent / "headerless" / "meridian-wire-exchange-no-header.txt"
    out = tmp_path / "out"
    assert main(["extract", str(path), "--out", str(out), "--quiet"]) == 1
    assert main(["extract", str(path), "--out", str(out), "--quiet", "--published", "2025-03-20",
                 "--outlet", "Meridian Wire"]) == 0
    row = pd.read_csv(out / "articles.csv", dtype=str).iloc[0]
    assert (row["published"], row["outlet"]) == ("2025-03-20", "Meridian Wire")


def test_sample_and_bad_inputs_together(sample, bad, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(sample), str(bad), "--out", str(out), "--quiet"]) == 1
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    bad_files = {p.name for p in sample_files(bad)}
    named = {Path(p).name for p in errors["source_path"]}
    assert bad_files <= named, f"bad files without an error row: {bad_files - named}"
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    sample_only = tmp_path / "sample-only"
    main(["extract", str(sample), "--out", str(sample_only), "--quiet"])
    expected = set(pd.read_csv(sample_only / "articles.csv", dtype=str)["article_id"])
    assert expected <= set(articles["article_id"]), "a bad input cost a good article"


@pytest.mark.parametrize(
    ("name", "stage", "words"),
    [
        ("empty.txt", "read", "empty file"),
        ("whitespace-only.txt", "read", "empty file"),
        ("undecodable.txt", "read", "undecodable"),
        ("broken.html", "parse", "broken HTML"),
        ("no-date.txt", "date", "no publication date"),
    ],
)
def test_each_bad_file_reason(bad, tmp_path, name, stage, words):
    path = bad / name
    if not path.exists():
        pytest.skip(f"{path} not in data/bad")
    out = tmp_path / "out"
    assert main(["extract", str(path), "--out", str(out), "--quiet"]) == 1
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    assert len(errors) == 1
    assert errors["stage"][0] == stage and words in errors["error"][0]

"""The `conflictbook extract` command: tables, exit codes, errors.csv, overrides, formats."""

import json

import pandas as pd
import pytest

from conflictbook.cli import main
from conflictbook.tables import SPEC_COLUMNS

BODY = ("Northern Liberation Front fighters ambushed a supply convoy near Arlo on Tuesday, the army said. "
        "Three soldiers were killed.\n\nThe front said it had captured two trucks.")


@pytest.fixture
def inputs(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    (good / "convoy.txt").write_text(f"Convoy Ambushed\n\nBy Radio Kestrel 6 May 2025\n\n{BODY}\n", encoding="utf-8")
    (good / "wire.jsonl").write_text(json.dumps({"id": "mw-9", "outlet": "Meridian Wire",
                                                 "published": "2025-05-06T10:00:00Z", "text": BODY}) + "\n",
                                     encoding="utf-8")
    return good


def test_extract_writes_six_tables_with_spec_headers(inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out), "--quiet"]) == 0
    for table, columns in SPEC_COLUMNS.items():
        frame = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns[: len(columns)]) == columns
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert list(articles["article_id"]) == ["convoy", "mw-9"]
    assert list(articles["published"]) == ["2025-05-06", "2025-05-06T10:00:00+00:00"]
    assert pd.read_csv(out / "errors.csv").empty


def test_extract_parquet(inputs, tmp_path):
    out = tmp_path / "pq"
    assert main(["extract", str(inputs), "--out", str(out), "--format", "parquet", "--quiet"]) == 0
    articles = pd.read_parquet(out / "articles.parquet")
    assert str(articles["n_words"].dtype) == "Int64"
    assert str(articles["published"].dtype).startswith("datetime64")
    assert (out / "comparison.parquet").is_file()


def test_bad_input_gives_error_rows_exit_1_and_keeps_good(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    good_line = json.dumps({"id": "ok-1", "published": "2025-05-06", "text": BODY})
    (inputs / "lines.jsonl").write_text(f"{good_line}\nnot json\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), str(tmp_path / "missing.csv"), "--out", str(out), "--quiet"]) == 1
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    names = errors["source_path"].map(lambda p: p.rsplit("/", 1)[-1])
    reasons = sorted(zip(names, errors["record"], errors["stage"], strict=True))
    assert reasons == [("empty.txt", "", "read"), ("lines.jsonl", "2", "parse"), ("missing.csv", "", "read")]
    articles = pd.read_csv(out / "articles.csv", dtype=str)
    assert sorted(articles["article_id"]) == ["convoy", "mw-9", "ok-1"]


def test_undated_article_is_kept_and_flagged(tmp_path):
    (tmp_path / "nodate.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "nodate.txt"), "--out", str(out), "--quiet"]) == 1
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    assert list(errors["stage"]) == ["date"] and "no publication date" in errors["error"][0]
    assert len(pd.read_csv(out / "articles.csv")) == 1


def test_published_and_outlet_overrides(tmp_path):
    (tmp_path / "nodate.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["extract", str(tmp_path / "nodate.txt"), "--out", str(out), "--published", "2025-05-07",
                 "--outlet", "Eastgate Post", "--quiet"])
    assert code == 0
    row = pd.read_csv(out / "articles.csv", dtype=str).iloc[0]
    assert (row["published"], row["outlet"]) == ("2025-05-07", "Eastgate Post")


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["extract", "x.txt"], ["frobnicate", "--out", "o"],
     ["extract", "x.txt", "--out", "o", "--published", "someday"]],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "error" in capsys.readouterr().err


def test_unknown_outlet_is_article_in_the_articles_table(tmp_path):
    (tmp_path / "bare.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    main(["extract", str(tmp_path / "bare.txt"), "--out", str(out), "--quiet", "--published", "2025-05-07"])
    assert pd.read_csv(out / "articles.csv", dtype=str).iloc[0]["outlet"] == "article"

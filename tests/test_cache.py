"""Incremental runs: content-hash keys, atomic entries, and tables identical to a full run."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from conflictbook.article import Article
from conflictbook.cache import ResultCache, article_key, code_fingerprint
from conflictbook.cli import main
from conflictbook.engine import EngineConfig, run
from conflictbook.ingest import iter_inputs
from conflictbook.pipeline import extract_article
from conflictbook.records import ArticleResult
from conflictbook.tables import TABLES
from tests.test_engine import body

CALLS: list[str] = []


def counting_extract(article: Article) -> ArticleResult:
    """The real pipeline, remembering which articles it ran on (serial runs only)."""
    CALLS.append(article.article_id)
    return extract_article(article)


def build(article_id: str = "a1", text: str = "Seven civilians were killed on Tuesday.", **meta) -> Article:
    meta.setdefault("published", date(2025, 5, 6))
    return Article.build(article_id, text, **meta)


@pytest.mark.parametrize("change", [
    {"text": "Eight civilians were killed on Tuesday."},
    {"article_id": "a2"},
    {"published": date(2025, 5, 7)},
    {"outlet": "Radio Kestrel"},
    {"title": "A headline"},
    {"source_path": "other.txt"},
])
def test_key_changes_with_anything_extraction_reads(change):
    assert article_key(build(**change)) != article_key(build())


def test_key_is_stable_and_depends_on_the_code():
    assert article_key(build()) == article_key(build())
    assert article_key(build(), fingerprint="other code") != article_key(build())
    assert len(code_fingerprint()) == 64


def test_entries_round_trip_and_damaged_ones_are_misses(tmp_path):
    cache = ResultCache(tmp_path)
    article = build()
    key = article_key(article)
    assert cache.get(key) is None
    result = extract_article(article)
    cache.put(key, result)
    assert cache.get(key) == result
    cache.path(key).write_bytes(b"truncated")
    assert cache.get(key) is None
    assert not cache.path(key).exists()


def test_half_written_temp_files_are_never_read(tmp_path):
    cache = ResultCache(tmp_path)
    key = article_key(build())
    cache.path(key).parent.mkdir(parents=True, exist_ok=True)
    (cache.path(key).parent / f".{key[:16]}.abc.tmp").write_bytes(b"partial")
    assert cache.get(key) is None
    assert cache.count() == 0


def write_records(path, first: int, last: int) -> None:
    path.write_text("".join(json.dumps({"id": f"r{i}", "published": "2025-05-06", "outlet": "Meridian Wire",
                                        "text": body(i)}) + "\n" for i in range(first, last)), encoding="utf-8")


def test_new_articles_only_are_extracted_and_tables_match_a_full_run(tmp_path):
    corpus, cache_dir = tmp_path / "in", tmp_path / "cache"
    corpus.mkdir()
    write_records(corpus / "week1.jsonl", 0, 30)
    CALLS.clear()
    run(iter_inputs([corpus]), EngineConfig(jobs=1, cache_dir=cache_dir), extract=counting_extract)
    assert len(CALLS) == 30
    write_records(corpus / "week2.jsonl", 30, 45)
    CALLS.clear()
    config = EngineConfig(jobs=1, cache_dir=cache_dir)
    incremental = run(iter_inputs([corpus]), config, extract=counting_extract)
    assert sorted(CALLS) == sorted(f"r{i}" for i in range(30, 45))
    assert config.stats["cache_hits"] == 30
    full = run(iter_inputs([corpus]), EngineConfig(jobs=1))
    for name in TABLES:
        pd.testing.assert_frame_equal(incremental.table(name), full.table(name), obj=name)


def test_cli_incremental_reuses_results_and_writes_the_same_tables(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    write_records(corpus / "a.jsonl", 0, 40)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert main(["extract", str(corpus), "--out", str(out), "--quiet", "--incremental", "--jobs", "2"]) == 0
    assert ResultCache(out / ".cache").count() == 40
    write_records(corpus / "b.jsonl", 40, 50)
    assert main(["extract", str(corpus), "--out", str(out), "--quiet", "--incremental", "--jobs", "2"]) == 0
    assert ResultCache(out / ".cache").count() == 50
    assert main(["extract", str(corpus), "--out", str(fresh), "--quiet"]) == 0
    for name in TABLES:
        assert (out / f"{name}.csv").read_bytes() == (fresh / f"{name}.csv").read_bytes(), name

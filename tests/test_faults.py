"""Faults in a corpus run: corrupt inputs, articles that hang or kill their worker, interrupted runs.

Nothing good is lost: every good article's rows are written, every bad input or article
is one row of errors.csv, and a run stopped half-way resumes from the cache without
duplicates.
"""

from __future__ import annotations

import json
import os
import random
import re

import pandas as pd
import pytest

from conflictbook.article import Article
from conflictbook.cli import main
from conflictbook.engine import EngineConfig, run
from conflictbook.ingest import iter_inputs
from conflictbook.pipeline import extract_article
from conflictbook.records import ArticleResult
from conflictbook.tables import TABLES
from tests.test_engine import body, marking_extract

HANG, CRASH = "Zyxhang", "Zyxcrash"


def hanging_extract(article: Article) -> ArticleResult:
    """Loops forever on articles that contain HANG (a stand-in for catastrophic backtracking)."""
    if HANG in article.text:
        while True:
            pass
    return marking_extract(article)


def backtracking_extract(article: Article) -> ArticleResult:
    """Runs an exponential regex on HANG articles: the budget must stop it inside ``re``."""
    if HANG in article.text:
        re.match(r"(a+)+$", "a" * 64 + "b")
    return marking_extract(article)


def crashing_extract(article: Article) -> ArticleResult:
    """Kills its worker process on CRASH articles (a segfault or the OOM killer)."""
    if CRASH in article.text:
        os._exit(13)
    return marking_extract(article)


class Interrupted(BaseException):
    """Stands in for Ctrl-C or a killed job half-way through a run."""


CALLS: list[str] = []


def interrupted_extract(article: Article) -> ArticleResult:
    CALLS.append(article.article_id)
    if len(CALLS) == 23:
        raise Interrupted
    return extract_article(article)


def interrupted_at_r40(article: Article) -> ArticleResult:
    if article.article_id == "r40":
        raise Interrupted
    return extract_article(article)


def counting_extract(article: Article) -> ArticleResult:
    CALLS.append(article.article_id)
    return extract_article(article)


CORRUPT = {
    "empty.txt": b"",
    "blank.txt": b"   \n\n  \n",
    "garbage.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(random.Random(3).randrange(256) for _ in range(3000)),
    "no-text.csv": b"id,title\n1,Nothing here\n",
    "broken.html": b"\xff\xfe<html><body>\x00\x00</body>",
}


@pytest.fixture
def mixed_corpus(tmp_path):
    """500 good articles (txt and JSONL) with 1% corrupt inputs mixed in; returns (folder, bad count)."""
    root = tmp_path / "mixed"
    root.mkdir()
    for i in range(100):
        (root / f"t{i:03d}.txt").write_text(f"Headline {i}\n\nBy Radio Kestrel 6 May 2025\n\n{body(i)}\n",
                                            encoding="utf-8")
    lines = [json.dumps({"id": f"r{i}", "published": "2025-05-06", "text": body(i)}) for i in range(100, 500)]
    lines.insert(50, "{broken json")
    lines.insert(200, json.dumps({"id": "no-text", "text": ""}))
    lines.insert(300, json.dumps(["not", "an", "object"]))
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, data in CORRUPT.items():
        (root / name).write_bytes(data)
    return root, len(CORRUPT) + 3


def good_ids() -> set[str]:
    return {f"t{i:03d}" for i in range(100)} | {f"r{i}" for i in range(100, 500)}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_percent_corrupt_inputs_lose_nothing(mixed_corpus, tmp_path, jobs):
    root, n_bad = mixed_corpus
    out = tmp_path / "out"
    assert main(["extract", str(root), "--out", str(out), "--quiet", "--jobs", jobs]) == 1
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    assert set(articles["article_id"]) == good_ids()
    assert len(errors) >= n_bad
    bad_files = {os.path.basename(p) for p in errors["source_path"]}
    assert set(CORRUPT) - {"broken.html"} <= bad_files
    assert sorted(errors.loc[errors["source_path"].str.endswith("records.jsonl"), "record"].astype(int)) == \
        [51, 201, 301]


def assert_only_marked_failed(book, marked: set[str], reason: str) -> None:
    articles = set(book.articles["article_id"])
    assert articles == {f"s{i}" for i in range(60)}, "a hung or crashed article's row must stay"
    failed = book.errors[book.errors["stage"] == "extract"]
    assert len(failed) == len(marked)
    assert failed["error"].str.contains(reason).all()
    with_rows = set(book.tallies["article_id"])
    assert with_rows == articles - marked


def articles_with(marker: str, marked: set[int]) -> list[Article]:
    return [Article.build(f"s{i}", body(i) + (f" {marker}." if i in marked else ""), published=None)
            for i in range(60)]


@pytest.mark.parametrize("extract", [hanging_extract, backtracking_extract], ids=["loop", "regex"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_budget_becomes_an_error_row(extract, jobs):
    book = run(iter(articles_with(HANG, {5, 41})), EngineConfig(jobs=jobs, budget=1.0, serial_below=1),
               extract=extract)
    assert_only_marked_failed(book, {"s5", "s41"}, "timed out after 1 s")


def test_budget_holds_on_dask_worker_threads():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        book = run(iter(articles_with(HANG, {9})), EngineConfig(scheduler=client, budget=1.0),
                   extract=hanging_extract)
    assert_only_marked_failed(book, {"s9"}, "timed out after 1 s")


@pytest.mark.parametrize(("crashers", "chunk_size"), [({17}, 4), ({3, 17, 18, 40}, 2)])
def test_a_worker_that_dies_costs_only_its_article(crashers, chunk_size):
    config = EngineConfig(jobs=2, serial_below=1, chunk_size=chunk_size)
    book = run(iter(articles_with(CRASH, crashers)), config, extract=crashing_extract)
    assert_only_marked_failed(book, {f"s{i}" for i in crashers}, "worker process died")


def test_an_interrupted_run_resumes_without_duplicates(tmp_path):
    corpus, cache_dir = tmp_path / "in", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text("".join(json.dumps({"id": f"r{i}", "published": "2025-05-06",
                                                        "text": body(i)}) + "\n" for i in range(60)))
    CALLS.clear()
    with pytest.raises(Interrupted):
        run(iter_inputs([corpus]), EngineConfig(jobs=1, cache_dir=cache_dir, chunk_size=1),
            extract=interrupted_extract)
    done = len(CALLS) - 1
    CALLS.clear()
    resumed = run(iter_inputs([corpus]), EngineConfig(jobs=1, cache_dir=cache_dir), extract=counting_extract)
    assert len(CALLS) == 60 - done
    full = run(iter_inputs([corpus]), EngineConfig(jobs=1))
    assert resumed.articles["article_id"].is_unique
    for name in TABLES:
        pd.testing.assert_frame_equal(resumed.table(name), full.table(name), obj=name)


def test_an_interrupted_parallel_run_resumes_without_duplicates(tmp_path):
    corpus, cache_dir = tmp_path / "in", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text("".join(json.dumps({"id": f"r{i}", "published": "2025-05-06",
                                                        "text": body(i)}) + "\n" for i in range(60)))
    with pytest.raises(Interrupted):
        run(iter_inputs([corpus]), EngineConfig(jobs=2, cache_dir=cache_dir, chunk_size=2, serial_below=1),
            extract=interrupted_at_r40)
    resumed = run(iter_inputs([corpus]), EngineConfig(jobs=2, cache_dir=cache_dir, serial_below=1))
    full = run(iter_inputs([corpus]), EngineConfig(jobs=1))
    assert resumed.articles["article_id"].is_unique
    for name in TABLES:
        pd.testing.assert_frame_equal(resumed.table(name), full.table(name), obj=name)


def test_timeouts_are_not_cached(tmp_path):
    config = EngineConfig(jobs=1, budget=1.0, cache_dir=tmp_path / "cache")
    run(iter(articles_with(HANG, {5})), config, extract=hanging_extract)
    assert config.stats["cache_misses"] == 60
    again = EngineConfig(jobs=1, budget=1.0, cache_dir=tmp_path / "cache")
    run(iter(articles_with(HANG, {5})), again, extract=hanging_extract)
    assert (again.stats["cache_hits"], again.stats["cache_misses"]) == (59, 1)

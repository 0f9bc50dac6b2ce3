"""The corpus engine: parallel and Dask runs give the serial run's tables, in input order, in bounded memory."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

import conflictbook
from conflictbook.article import Article
from conflictbook.cli import main
from conflictbook.engine import EngineConfig, map_articles, run
from conflictbook.ingest import iter_inputs
from conflictbook.pipeline import extract_article
from conflictbook.records import ArticleResult, ErrorRow, Tally
from conflictbook.tables import TABLES

SENTENCES = [
    "Militia fighters shelled the northern district of Arlo on Tuesday, the civil defence agency said.",
    "Seven civilians were killed and 12 were wounded, according to a nurse at the main hospital.",
    "\u201cWe buried them in the orchard,\u201d said Tomas Reyl, a district official.",
    "The Valley Defence Brigades said they had captured 30 soldiers on 3 March.",
    "Aid convoys have struggled to reach the area because of damaged bridges.",
]


def body(index: int) -> str:
    """A short article whose sentences vary with INDEX (so results differ per article)."""
    picks = [SENTENCES[(index + k) % len(SENTENCES)] for k in range(3)]
    return f"{picks[0]} {picks[1]}\n\n{picks[2]} About {index + 2} families left on foot."


def marking_extract(article: Article) -> ArticleResult:
    """The real pipeline plus one tally row per number, so every article yields rows to order."""
    result = extract_article(article)
    for k, match in enumerate(re.finditer(r"\d+", article.text)):
        sentence = article.sentence_at(match.start())
        result.tallies.append(Tally(article.article_id, f"{article.article_id}-n{k}", "killed", "", "", None,
                                    int(match.group()), None, match.group(), "reported", None, "", "",
                                    sentence.text if sentence else "", span_start=match.start(),
                                    span_end=match.end()))
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """80 articles in text files and JSONL records, with a few bad inputs among them."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(40):
        (root / f"a{i:03d}.txt").write_text(f"Headline {i}\n\nBy Radio Kestrel 6 May 2025\n\n{body(i)}\n",
                                            encoding="utf-8")
    lines = [json.dumps({"id": f"r{i}", "outlet": "Meridian Wire", "published": "2025-05-06", "text": body(i)})
             for i in range(40, 80)]
    lines.insert(7, "{not json")
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def assert_same_tables(left, right) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(left.table(name), right.table(name), obj=name)


def serial_reference(corpus, extract=extract_article):
    items = iter_inputs([corpus])

    def pairs():
        for item in items:
            yield item if isinstance(item, ErrorRow) else (item, extract(item))

    return conflictbook.build_book(pairs())


@pytest.mark.parametrize("config", [
    EngineConfig(jobs=1),
    EngineConfig(jobs=2, chunk_size=3, serial_below=1),
    EngineConfig(jobs=2, chunk_size=1, in_flight_per_worker=1, serial_below=1),
], ids=["serial", "pool-chunks-of-3", "pool-chunks-of-1"])
def test_parallel_run_gives_the_serial_tables(corpus, config):
    reference = serial_reference(corpus, marking_extract)
    book = run(iter_inputs([corpus]), config, extract=marking_extract)
    assert_same_tables(book, reference)
    assert len(book.records("tallies")) > 80
    assert len(book.records("errors")) == 2


def test_engine_matches_conflictbook_read(corpus):
    assert_same_tables(run(iter_inputs([corpus]), EngineConfig(jobs=2, serial_below=1)), conflictbook.read(corpus))


def test_local_dask_cluster_gives_the_single_process_tables(corpus):
    distributed = pytest.importorskip("dask.distributed")
    reference = run(iter_inputs([corpus]), EngineConfig(jobs=1), extract=marking_extract)
    with distributed.LocalCluster(processes=False, n_workers=2, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        config = EngineConfig(scheduler=client, chunk_size=4)
        book = run(iter_inputs([corpus]), config, extract=marking_extract)
    assert config.stats["backend"] == "dask"
    assert_same_tables(book, reference)


def test_local_dask_cluster_of_worker_processes_gives_the_same_tables(corpus):
    distributed = pytest.importorskip("dask.distributed")
    reference = run(iter_inputs([corpus]), EngineConfig(jobs=1))
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        book = run(iter_inputs([corpus]), EngineConfig(scheduler=client, chunk_size=5))
    assert_same_tables(book, reference)


def test_small_inputs_run_in_process(corpus):
    config = EngineConfig(jobs=2)
    run(iter_inputs([corpus / "a001.txt", corpus / "a002.txt"]), config)
    assert config.stats["backend"] == "serial"


def test_articles_stream_with_bounded_look_ahead():
    pulled = 0

    def articles():
        nonlocal pulled
        for i in range(300):
            pulled += 1
            yield Article.build(f"s{i}", body(i), published=date(2025, 5, 6))

    config = EngineConfig(jobs=2, chunk_size=4, in_flight_per_worker=2, serial_below=1)
    bound = (config.in_flight_per_worker * config.workers + 2) * config.chunk_size
    seen = 0
    for _ in map_articles(articles(), config):
        seen += 1
        assert pulled - seen <= bound
    assert seen == 300


def test_corpus_runs_keep_results_not_texts(corpus):
    assert run(iter_inputs([corpus]), EngineConfig(jobs=1)).articles_by_id == {}
    kept = run(iter_inputs([corpus]), EngineConfig(jobs=1, keep_articles=True))
    assert kept.articles_by_id["a001"].text.startswith("Headline 1")


def test_part_files_hold_the_rows_written_so_far(corpus, tmp_path):
    parts = tmp_path / "parts"
    book = run(iter_inputs([corpus]), EngineConfig(jobs=1), extract=marking_extract, parts_dir=parts)
    tallies = pd.concat([pd.read_parquet(p) for p in sorted((parts / "tallies").glob("part-*.parquet"))])
    assert list(tallies["tally_id"]) == list(book.tallies["tally_id"])


def test_cli_jobs_and_serial_write_the_same_files(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["extract", str(corpus), "--out", str(one), "--quiet", "--jobs", "1"]) == 1
    assert main(["extract", str(corpus), "--out", str(two), "--quiet", "--jobs", "2"]) == 1
    for name in TABLES:
        assert (one / f"{name}.csv").read_bytes() == (two / f"{name}.csv").read_bytes(), name
    assert not (two / ".parts").exists()


@pytest.mark.parametrize("argv", [["--jobs", "0"], ["--jobs", "two"]])
def test_cli_rejects_bad_job_counts(corpus, tmp_path, argv):
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x"), "--quiet", *argv]) == 2


def test_read_with_jobs_keeps_articles_and_gives_the_same_tables(corpus):
    book = conflictbook.read(corpus, jobs=2)
    assert_same_tables(book, conflictbook.read(corpus))
    assert "a001" in book.articles_by_id


def test_cli_runs_on_a_dask_scheduler_address(corpus, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    local = tmp_path / "local"
    assert main(["extract", str(corpus), "--out", str(local), "--quiet", "--jobs", "1"]) == 1
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster:
        remote = tmp_path / "remote"
        assert main(["extract", str(corpus), "--out", str(remote), "--quiet",
                     "--scheduler", cluster.scheduler_address]) == 1
    for name in TABLES:
        assert (local / f"{name}.csv").read_bytes() == (remote / f"{name}.csv").read_bytes(), name

"""Corpus runs: stream articles through extraction on all cores or a Dask cluster.

Articles are read lazily and sent to workers in chunks; only a bounded number of chunks
are in flight, so a corpus never sits in memory as texts (the engine keeps each
article's light ``ArticleResult``, which the cross-article comparison needs). Output
order is input order, whatever the workers' finishing order, so a parallel run writes
the same tables as a serial one. Each article runs under a time budget; one over it,
or one that kills its worker, becomes an error row (stage ``extract``) and the run goes
on. With a cache, finished articles are committed one by one and skipped on the next
run (see ``cache``).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from conflictbook.article import Article
from conflictbook.book import Book, build_book
from conflictbook.cache import ResultCache, article_key, code_fingerprint
from conflictbook.pipeline import article_row, extract_article
from conflictbook.records import ArticleResult, ErrorRow
from conflictbook.tables import TABLES, frame
from conflictbook.timebudget import BudgetExceeded, call_with_budget

Extract = Callable[[Article], ArticleResult]
DEFAULT_BUDGET = 60.0
# Extra wall time a caller grants a chunk beyond the sum of its budgets before it calls
# the worker hung (queueing, pickling, a loaded machine).
BACKSTOP_GRACE = 30.0
PART_TABLES = ("articles", "timeline", "tallies", "claims")
# How the engine words failures that depend on the machine, not the article (never cached).
TRANSIENT_FAILURES = ("timed out", "worker")


@dataclass
class EngineConfig:
    """How a corpus run is executed (none of it changes the tables)."""

    jobs: int | None = None            # worker processes; None: all cores
    scheduler: object = None           # Dask scheduler address or a dask.distributed.Client
    cache_dir: Path | None = None      # per-article result cache (incremental runs)
    budget: float | None = DEFAULT_BUDGET  # seconds per article; None: unbounded
    chunk_size: int = 8                # articles per task
    in_flight_per_worker: int = 3      # chunks queued per worker
    serial_below: int = 24             # fewer articles to extract than this: no pool
    progress: bool = False
    keep_articles: bool = False        # keep Article texts in the Book (small runs, notebooks)
    stats: dict = field(default_factory=dict)

    @property
    def workers(self) -> int:
        return max(1, self.jobs or available_cores())


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity, e.g. in containers and batch jobs)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ---------------------------------------------------------------- worker side

def _failed(article: Article, message: str) -> ArticleResult:
    """The result of an article the engine could not extract: its row and one error row."""
    error = ErrorRow(article.source_path, article.record or "", "extract", f"article {article.article_id}: {message}")
    return ArticleResult(article=article_row(article), errors=[error])


def extract_one(article: Article, budget: float | None, extract: Extract = extract_article) -> ArticleResult:
    """EXTRACT(article) within BUDGET seconds; a timeout or crash becomes an error row."""
    try:
        return call_with_budget(extract, budget, article)
    except BudgetExceeded as exc:
        return _failed(article, str(exc))
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end the run
        return _failed(article, f"extraction failed: {type(exc).__name__}: {exc}")


def extract_chunk(chunk: list[Article], budget: float | None,
                  extract: Extract = extract_article) -> list[ArticleResult]:
    """The task a worker runs: one result per article, in order."""
    return [extract_one(article, budget, extract) for article in chunk]


# ---------------------------------------------------------------- backends

class SerialBackend:
    """In-process: small runs and ``--jobs 1`` pay no start-up."""

    name = "serial"

    def __init__(self, config: EngineConfig, extract: Extract):
        self.budget, self.extract = config.budget, extract

    def submit(self, chunk: list[Article]):
        return extract_chunk(chunk, self.budget, self.extract)

    def collect(self, chunk: list[Article], handle) -> list[ArticleResult]:
        return handle

    def close(self, abort: bool = False) -> None:
        pass


class PoolBackend:
    """A process pool; a hung or crashed worker is replaced and its chunk retried in quarantine.

    Every task records the pool generation it went to: when a chunk fails, the pool is
    restarted only if that chunk's pool is still the current one (the other chunks it took
    down fail too and must not kill the fresh pool). A failed chunk's articles then run one
    at a time in a separate one-worker pool, so the article that hangs or kills its worker
    is found exactly and only it becomes an error row.
    """

    name = "processes"

    def __init__(self, config: EngineConfig, extract: Extract):
        self.budget, self.extract, self.workers = config.budget, extract, config.workers
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self.context = multiprocessing.get_context(method)
        self.pool, self.generation, self.restarts = self._start(self.workers), 0, 0
        self.quarantine: ProcessPoolExecutor | None = None

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=self.context, initializer=_ignore_interrupts)

    def _backstop(self, n: int) -> float | None:
        return None if not self.budget else n * self.budget + BACKSTOP_GRACE

    def submit(self, chunk: list[Article]):
        try:
            future = self.pool.submit(extract_chunk, chunk, self.budget, self.extract)
        except (BrokenProcessPool, RuntimeError):
            self._restart()
            future = self.pool.submit(extract_chunk, chunk, self.budget, self.extract)
        return future, self.generation

    def collect(self, chunk: list[Article], handle) -> list[ArticleResult]:
        future, generation = handle
        try:
            return future.result(timeout=self._backstop(len(chunk)))
        except (FutureTimeout, BrokenProcessPool, CancelledError):
            if generation == self.generation:
                self._restart()
        return [self._isolated(article) for article in chunk]

    def _isolated(self, article: Article) -> ArticleResult:
        """ARTICLE alone in the quarantine pool: its own result, or the reason it has none."""
        if self.quarantine is None:
            self.quarantine = self._start(1)
        future = self.quarantine.submit(extract_chunk, [article], self.budget, self.extract)
        try:
            return future.result(timeout=self._backstop(1))[0]
        except FutureTimeout:
            reason = f"timed out after {self.budget:g} s (the worker did not answer and was stopped)"
        except (BrokenProcessPool, CancelledError):
            reason = "worker process died while extracting it"
        _kill(self.quarantine)
        self.quarantine = None
        return _failed(article, reason)

    def _restart(self) -> None:
        """Kill every worker (a hung one will not stop on its own) and start a fresh pool."""
        self.restarts += 1
        _kill(self.pool)
        self.pool = self._start(self.workers)
        self.generation += 1

    def close(self, abort: bool = False) -> None:
        """Wait for the workers, or (ABORT, e.g. Ctrl-C) stop them at once."""
        for pool in (self.pool, self.quarantine):
            if pool is None:
                continue
            if abort:
                _kill(pool)
            else:
                pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback from every worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()


class DaskBackend:
    """The same chunks as tasks on a Dask distributed cluster (or a LocalCluster)."""

    name = "dask"

    def __init__(self, config: EngineConfig, extract: Extract):
        from dask.distributed import Client

        self.budget, self.extract = config.budget, extract
        scheduler = config.scheduler
        self.own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self.own else scheduler
        self.workers = max(1, sum(self.client.nthreads().values()))

    def _backstop(self, n: int) -> float | None:
        return None if not self.budget else n * self.budget + BACKSTOP_GRACE

    def submit(self, chunk: list[Article]):
        return self.client.submit(extract_chunk, chunk, self.budget, self.extract, pure=False)

    def collect(self, chunk: list[Article], handle) -> list[ArticleResult]:
        try:
            return handle.result(timeout=self._backstop(len(chunk)))
        except Exception:  # noqa: BLE001 - timeout, lost worker (KilledWorker): retry one by one
            handle.cancel()
        results = []
        for article in chunk:
            single = self.client.submit(extract_chunk, [article], self.budget, self.extract, pure=False)
            try:
                results.extend(single.result(timeout=self._backstop(1)))
            except Exception as exc:  # noqa: BLE001
                single.cancel()
                results.append(_failed(article, f"worker did not return it: {type(exc).__name__}: {exc}"))
        return results

    def close(self, abort: bool = False) -> None:
        if self.own:
            self.client.close()


# ---------------------------------------------------------------- the ordered stream

@dataclass
class _Batch:
    """Input items in order; the articles to extract go to one task together."""

    entries: list = field(default_factory=list)   # ("error", ErrorRow) | ("done", Article, result) | ("work", Article)
    work: list[Article] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    handle: object = None


def _entries(items: Iterable[Article | ErrorRow], cache: ResultCache | None) -> Iterator[tuple]:
    fingerprint = code_fingerprint() if cache is not None else None
    for item in items:
        if isinstance(item, ErrorRow):
            yield ("error", item)
            continue
        key = article_key(item, fingerprint) if cache is not None else None
        hit = cache.get(key) if cache is not None else None
        yield ("done", item, hit) if hit is not None else ("work", item, key)


def _choose_backend(config: EngineConfig, entries: Iterator[tuple], extract: Extract):
    """The backend, and the entries stream with any look-ahead put back in front."""
    if config.scheduler is not None:
        return DaskBackend(config, extract), entries
    if config.workers <= 1:
        return SerialBackend(config, extract), entries
    ahead, n_work = [], 0
    for entry in entries:
        ahead.append(entry)
        n_work += entry[0] == "work"
        if n_work >= config.serial_below:
            return PoolBackend(config, extract), chain(ahead, entries)
    return SerialBackend(config, extract), iter(ahead)


def map_articles(items: Iterable[Article | ErrorRow], config: EngineConfig | None = None,
                 extract: Extract = extract_article) -> Iterator[tuple[Article, ArticleResult] | ErrorRow]:
    """(article, result) pairs and error rows in input order, extracted in parallel."""
    config = config or EngineConfig()
    cache = ResultCache(config.cache_dir) if config.cache_dir else None
    backend, entries = _choose_backend(config, _entries(items, cache), extract)
    config.stats.update(backend=backend.name, workers=getattr(backend, "workers", 1))
    # In-process work is committed batch by batch; remote work keeps every worker busy.
    limit = 0 if backend.name == "serial" else max(1, config.in_flight_per_worker * config.stats["workers"])
    queue: deque[_Batch] = deque()
    batch = _Batch()

    def flush():
        nonlocal batch
        if batch.work:
            batch.handle = backend.submit(batch.work)
        queue.append(batch)
        batch = _Batch()

    def finish(done: _Batch) -> Iterator:
        results = iter(backend.collect(done.work, done.handle) if done.work else [])
        keys = iter(done.keys)
        for entry in done.entries:
            if entry[0] == "error":
                yield entry[1]
            elif entry[0] == "done":
                yield entry[1], entry[2]
            else:
                result, key = next(results), next(keys)
                if cache is not None and key and not _unfinished(result):
                    cache.put(key, result)
                yield entry[1], result

    try:
        for entry in entries:
            if entry[0] == "work":
                batch.work.append(entry[1])
                batch.keys.append(entry[2])
                batch.entries.append(("work", entry[1]))
            else:
                batch.entries.append(entry)
            if len(batch.work) >= config.chunk_size or len(batch.entries) >= 8 * config.chunk_size:
                flush()
                while len(queue) > limit:
                    yield from finish(queue.popleft())
        flush()
        while queue:
            yield from finish(queue.popleft())
    except BaseException:
        backend.close(abort=True)
        raise
    else:
        backend.close()
    finally:
        if cache is not None:
            config.stats.update(cache_hits=cache.hits, cache_misses=cache.misses)


def _unfinished(result: ArticleResult) -> bool:
    """Timeouts and lost workers depend on the machine's load: never cache them."""
    prefix = f"article {result.article.article_id}: "
    return any(e.stage == "extract" and e.error.startswith(prefix)
               and e.error[len(prefix):].startswith(TRANSIENT_FAILURES) for e in result.errors)


# ---------------------------------------------------------------- whole runs

class _PartWriter:
    """Per-batch Parquet part files of the row tables, readable while a run goes on."""

    def __init__(self, root: Path, every: int = 500):
        self.root, self.every, self.count = root, every, 0
        self.pending: list[ArticleResult] = []
        shutil.rmtree(self.root, ignore_errors=True)

    def add(self, result: ArticleResult) -> None:
        self.pending.append(result)
        if len(self.pending) >= self.every:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        book = Book(results=self.pending)
        for table in PART_TABLES:
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            frame(table, book.records(table)).to_parquet(folder / f"part-{self.count:06d}.parquet", index=False)
        self.count += 1
        self.pending = []


def run(items: Iterable[Article | ErrorRow], config: EngineConfig | None = None,
        extract: Extract = extract_article, parts_dir: Path | None = None) -> Book:
    """A Book of every item: the same tables as a serial ``conflictbook.read``."""
    config = config or EngineConfig()
    parts = _PartWriter(parts_dir) if parts_dir else None
    progress = None
    if config.progress:
        from tqdm.auto import tqdm

        progress = tqdm(desc="articles", unit="article", file=sys.stderr, dynamic_ncols=True)

    def stream():
        for item in map_articles(items, config, extract):
            if progress is not None:
                progress.update(1)
            if isinstance(item, ErrorRow):
                yield item
                continue
            article, result = item
            if parts:
                parts.add(result)
            yield (article if config.keep_articles else None), result

    try:
        book = build_book(stream(), keep_articles=config.keep_articles)
    finally:
        if progress is not None:
            progress.close()
    if parts:
        parts.flush()
    return book


def extract_to(inputs: Iterable[str | Path], out_dir: Path, fmt: str = "csv", config: EngineConfig | None = None,
               published=None, outlet: str | None = None) -> tuple[Book, dict[str, Path]]:
    """Read INPUTS, extract in parallel, write the six tables into OUT_DIR (CLI ``extract``)."""
    from conflictbook.ingest import iter_inputs

    out_dir = Path(out_dir)
    parts_dir = out_dir / ".parts"
    book = run(iter_inputs(inputs, published=published, outlet=outlet), config, parts_dir=parts_dir)
    written = book.write(out_dir, fmt)
    shutil.rmtree(parts_dir, ignore_errors=True)
    return book, written


__all__ = ["EngineConfig", "TABLES", "extract_chunk", "extract_one", "extract_to", "map_articles", "run"]

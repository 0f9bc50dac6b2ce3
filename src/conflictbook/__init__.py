"""conflictbook: timelines, casualty tallies, claims and source comparison from conflict reporting.

Notebook use::

    import conflictbook
    book = conflictbook.read("data/sample")
    book.timeline, book.tallies, book.claims, book.comparison, book.errors
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from conflictbook.article import Article
from conflictbook.book import Book, build_book
from conflictbook.ingest import iter_inputs
from conflictbook.ingest.stamps import parse_metadata_date
from conflictbook.pipeline import extract_article
from conflictbook.records import ErrorRow

__all__ = ["Article", "Book", "read", "read_articles"]
__version__ = "0.1.0"


def _as_published(value: str | date | datetime | None) -> date | datetime | None:
    if value is None or isinstance(value, date):
        return value
    parsed = parse_metadata_date(value)
    if parsed is None:
        raise ValueError(f"cannot read publication date {value!r}; use ISO 8601, e.g. 2024-03-14 or "
                         "2024-03-14T09:30+00:00")
    return parsed


def read_articles(paths: str | Path | Iterable[str | Path], published=None,
                  outlet: str | None = None) -> Iterator[Article | ErrorRow]:
    """Articles (and error rows) from files, folders or globs, without extracting."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return iter_inputs(paths, published=_as_published(published), outlet=outlet)


def read(paths: str | Path | Iterable[str | Path], published=None, outlet: str | None = None,
         progress: bool = False, jobs: int | None = 1, cache: str | Path | None = None) -> Book:
    """Read and analyse articles: returns a Book of timeline, tallies, claims, comparison, errors.

    JOBS > 1 (or None: all cores) extracts on a process pool, CACHE reuses the results of
    unchanged articles from that folder; the tables are the same either way.
    """
    items = read_articles(paths, published=published, outlet=outlet)
    if jobs != 1 or cache is not None:
        from conflictbook.engine import EngineConfig, run

        return run(items, EngineConfig(jobs=jobs, cache_dir=Path(cache) if cache else None, progress=progress,
                                       keep_articles=True))
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="articles", unit="article")

    def pairs():
        for item in items:
            yield item if isinstance(item, ErrorRow) else (item, extract_article(item))

    return build_book(pairs())

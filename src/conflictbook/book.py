"""``Book``: the notebook-facing result of a run, one DataFrame per SPEC table.

Holds the typed records of every article; DataFrames are built on first access and
cached. ``Book.articles_by_id`` keeps the ``Article`` objects (text, sentences) so a
notebook can show an article with its extractions highlighted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

import pandas as pd

from conflictbook.article import Article
from conflictbook.records import ArticleResult, ComparisonRow, ErrorRow
from conflictbook.tables import TABLES, frame, write_tables


def _sort_key_start(event) -> tuple:
    start = event.start
    if start is None:
        return (1, "")
    day = start.date() if isinstance(start, datetime) else start
    return (0, day.isoformat() if isinstance(day, date) else str(day))


@dataclass
class Book:
    """Everything extracted from a set of articles."""

    results: list[ArticleResult] = field(default_factory=list)
    comparison_rows: list[ComparisonRow] = field(default_factory=list)
    error_rows: list[ErrorRow] = field(default_factory=list)
    articles_by_id: dict[str, Article] = field(default_factory=dict)

    def records(self, table: str) -> list:
        """The records of TABLE in SPEC order."""
        if table == "articles":
            return [r.article for r in self.results]
        if table == "timeline":
            return [e for r in self.results for e in sorted(r.timeline, key=_sort_key_start)]
        if table in ("tallies", "claims"):
            return [row for r in self.results for row in getattr(r, table)]
        if table == "comparison":
            return list(self.comparison_rows)
        if table == "errors":
            return list(self.error_rows) + [e for r in self.results for e in r.errors]
        raise KeyError(table)

    def table(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    @cached_property
    def _frames(self) -> dict[str, pd.DataFrame]:
        return {name: frame(name, self.records(name)) for name in TABLES}

    @property
    def articles(self) -> pd.DataFrame:
        return self.table("articles")

    @property
    def timeline(self) -> pd.DataFrame:
        return self.table("timeline")

    @property
    def tallies(self) -> pd.DataFrame:
        return self.table("tallies")

    @property
    def claims(self) -> pd.DataFrame:
        return self.table("claims")

    @property
    def comparison(self) -> pd.DataFrame:
        return self.table("comparison")

    @property
    def errors(self) -> pd.DataFrame:
        return self.table("errors")

    @property
    def ok(self) -> bool:
        """True when no input or record produced an error row."""
        return not self.records("errors")

    def write(self, out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
        """Write the six tables into OUT_DIR as CSV or Parquet."""
        return write_tables(Path(out_dir), {name: self.records(name) for name in TABLES}, fmt)

    def tally_summary(self):
        """Per event and category, each source's latest figures side by side (see ``conflictbook.summary``)."""
        from conflictbook.summary import tally_summary

        return tally_summary(self.tallies)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(self.records(name))}" for name in TABLES)
        return f"Book({counts})"


def build_book(items: Iterable, keep_articles: bool = True) -> Book:
    """Assemble a Book from (Article, ArticleResult) pairs and error rows, then compare."""
    from conflictbook.pipeline import compare_results

    book = Book()
    for item in items:
        if isinstance(item, ErrorRow):
            book.error_rows.append(item)
            continue
        article, result = item
        book.results.append(result)
        if keep_articles:
            book.articles_by_id[article.article_id] = article
    rows, errors = compare_results(book.results)
    book.comparison_rows = rows
    book.error_rows.extend(errors)
    return book

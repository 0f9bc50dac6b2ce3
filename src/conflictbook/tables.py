"""Records to pandas DataFrames with the SPEC columns and dtypes, and the table writers.

Tables are built once, at the edge: dates become datetimes, counts nullable integers
(``Int64``), text columns strings. CSV keeps ISO text exactly as SPEC says (a date given
alone stays a date; a timestamp carries its UTC offset); Parquet keeps the typed frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pandas as pd

from conflictbook.records import ArticleRow, Claim, ComparisonRow, ErrorRow, Tally, TimelineEvent

SPEC_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "title", "outlet", "author", "published", "section", "source_path", "n_words"],
    "timeline": ["article_id", "event_id", "start", "end", "precision", "when_text", "what", "actors",
                 "location", "source", "evidence"],
    "tallies": ["article_id", "tally_id", "category", "victims", "perpetrator", "low", "best", "high",
                "quantity_text", "status", "date", "location", "source", "evidence"],
    "claims": ["article_id", "claim_id", "speaker", "speaker_role", "speaker_kind", "via", "cue", "mode", "text",
               "evidence"],
    "comparison": ["topic_id", "topic", "article_id", "source", "stance", "low", "best", "high", "position",
                   "evidence", "verdict"],
    "errors": ["source_path", "record", "stage", "error"],
}
RECORD_TYPES = {"articles": ArticleRow, "timeline": TimelineEvent, "tallies": Tally, "claims": Claim,
                "comparison": ComparisonRow, "errors": ErrorRow}
TABLES = tuple(SPEC_COLUMNS)
INT_COLUMNS = {"n_words", "low", "best", "high", "revises", "span_start", "span_end", "sentence",
               "cue_start", "cue_end"}
DATE_COLUMNS = {"start", "end", "date"}
TIMESTAMP_COLUMNS = {"published"}
# Extra columns kept internal (not written): tuples that do not fit a flat table.
HIDDEN = {"sentences"}


def columns_of(table: str) -> list[str]:
    """SPEC columns first, then the record's extra fields."""
    extra = [f.name for f in fields(RECORD_TYPES[table]) if f.name not in SPEC_COLUMNS[table]
             and f.name not in HIDDEN]
    return SPEC_COLUMNS[table] + extra


def _iso(value) -> str:
    """ISO text for dates and timestamps (a datetime is a date), '' for None."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _fields_of(record, cols: frozenset[str]) -> dict:
    """The record's fields that are columns, in field order, without copying their values.

    ``dataclasses.asdict`` deep-copies every value and took most of the time of writing a
    large corpus's tables; records hold no nested dataclasses, so a shallow read is the same.
    """
    return {k: getattr(record, k) for k in _field_names(type(record)) if k in cols}


def frame(table: str, records: Iterable) -> pd.DataFrame:
    """A typed DataFrame of RECORDS for TABLE (header only when there are none)."""
    cols = columns_of(table)
    wanted = frozenset(cols)
    rows = [_fields_of(r, wanted) for r in records]
    df = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col in INT_COLUMNS:
            df[col] = pd.array([None if pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
        elif col in TIMESTAMP_COLUMNS:
            df[col] = pd.to_datetime([_as_utc(v) for v in df[col]], utc=True)
        elif col in DATE_COLUMNS:
            df[col] = pd.to_datetime([_naive(v) for v in df[col]])
        else:
            df[col] = df[col].map(lambda v: "" if v is None else str(v)).astype("string")
    return df


def _as_utc(value):
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _naive(value):
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


def csv_frame(table: str, records: Iterable) -> pd.DataFrame:
    """All-text frame for CSV: ISO dates as given, empty cells for missing values."""
    cols = columns_of(table)
    wanted = frozenset(cols)
    rows = [{k: _iso(v) for k, v in _fields_of(r, wanted).items()} for r in records]
    return pd.DataFrame(rows, columns=cols, dtype=object)


def write_tables(out_dir: Path, tables: dict[str, list], fmt: str = "csv") -> dict[str, Path]:
    """Write every table of SPEC into OUT_DIR; returns {table: path}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in TABLES:
        records = tables.get(table, [])
        if fmt == "parquet":
            path = out_dir / f"{table}.parquet"
            frame(table, records).to_parquet(path, index=False)
        else:
            path = out_dir / f"{table}.csv"
            csv_frame(table, records).to_csv(path, index=False, encoding="utf-8")
        written[table] = path
    return written

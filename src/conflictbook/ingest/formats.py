"""One reader per input format; each yields ``Article`` objects or ``ErrorRow`` records.

Readers receive already-decoded text. Record formats (JSONL, CSV) report a bad record
as an error row and go on with the next one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from conflictbook.article import Article
from conflictbook.ingest.html import read_html_page
from conflictbook.ingest.plaintext import split_header
from conflictbook.ingest.stamps import parse_metadata_date
from conflictbook.records import ErrorRow

Produced = Article | ErrorRow
Reader = Callable[[Path, str, str], Iterator[Produced]]
RECORD_FIELDS = ("id", "title", "outlet", "author", "published", "url", "text")


class InputError(ValueError):
    """A whole file cannot be used (e.g. a CSV without a text column)."""


def read_text_file(path: Path, text: str, encoding: str) -> Iterator[Produced]:
    header, body = split_header(text)
    if not body.strip():
        yield ErrorRow(str(path), "", "parse", "no article text after the header")
        return
    yield Article.build(
        path.stem, body, title=header.title, outlet=header.outlet, author=header.author,
        published=header.published, section=header.section, source_path=str(path), encoding=encoding,
        extra={"page_stamp": header.page_stamp, "editions": header.editions},
    )


def _record_article(path: Path, number: int, record: dict, encoding: str) -> Produced:
    """An Article from one JSONL/CSV record; extra columns are kept in ``extra``."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ErrorRow(str(path), str(number), "parse", "record has no text")
    rid = str(record.get("id") or "").strip() or f"{path.stem}-{number}"
    published_raw = record.get("published")
    published = parse_metadata_date(str(published_raw)) if published_raw not in (None, "") else None
    if published_raw not in (None, "") and published is None:
        return ErrorRow(str(path), str(number), "parse", f"unreadable published value {published_raw!r}")
    extra = {k: v for k, v in record.items() if k not in RECORD_FIELDS}
    return Article.build(
        rid, text, title=str(record.get("title") or ""), outlet=str(record.get("outlet") or ""),
        author=str(record.get("author") or ""), published=published, url=str(record.get("url") or ""),
        section=str(record.get("section") or ""), source_path=str(path), record=str(number),
        encoding=encoding, extra=extra,
    )


def json_record(path: Path, number: int, record, encoding: str) -> Produced:
    """The article of one parsed JSONL line, or an error row when it is not a JSON object."""
    if not isinstance(record, dict):
        return ErrorRow(str(path), str(number), "parse", "line is JSON but not an object")
    return _record_article(path, number, record, encoding)


def csv_record(path: Path, number: int, row: dict, encoding: str) -> Produced:
    """The article of one CSV data row (column names matched case- and space-insensitively)."""
    return _record_article(path, number, {(k or "").strip().lower(): v for k, v in row.items()}, encoding)


def read_jsonl(path: Path, text: str, encoding: str) -> Iterator[Produced]:
    """A JSONL file already decoded whole (UTF-16 files; others stream, see ``ingest.streaming``)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ErrorRow(str(path), str(number), "parse", f"line is not JSON: {exc.msg} at column {exc.colno}")
            continue
        yield json_record(path, number, record, encoding)


def read_csv(path: Path, text: str, encoding: str) -> Iterator[Produced]:
    """A CSV file already decoded whole (UTF-16 files; others stream, see ``ingest.streaming``)."""
    try:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "text" not in [f.strip().lower() for f in reader.fieldnames]:
            raise InputError(f"CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
        for number, row in enumerate(reader, start=1):
            yield csv_record(path, number, row, encoding)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}") from None


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html_page,
    ".htm": read_html_page,
}

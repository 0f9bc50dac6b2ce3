"""Read inputs of every supported format into ``Article`` objects, or error rows.

``iter_inputs`` never raises for a bad input: an empty file, undecodable bytes, broken
HTML, a JSONL line that is not JSON or a record without text becomes an ``ErrorRow``
and reading goes on, so one bad file never costs the good ones.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from conflictbook.article import Article
from conflictbook.ingest.dateline import fill_outlet_from_dateline
from conflictbook.ingest.decode import DecodeError, decode_bytes
from conflictbook.ingest.formats import READERS, InputError
from conflictbook.ingest.streaming import STREAMERS, EmptyFile, WholeFile
from conflictbook.records import ErrorRow

SUPPORTED = tuple(READERS)


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, bool] | ErrorRow]:
    """(path, named) for each file to read; NAMED is False for files met while walking a folder."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                yield child, False
        elif path.is_file():
            yield path, True
        elif glob.has_magic(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                yield ErrorRow(text, "", "read", "glob matched no files")
            for child in files:
                yield child, False
        else:
            yield ErrorRow(text, "", "read", "no such file or directory")


def suffix_of(path: Path) -> str:
    return path.suffix.lower()


def iter_inputs(
    inputs: Iterable[str | Path],
    published: datetime | date | None = None,
    outlet: str | None = None,
    warn=None,
) -> Iterator[Article | ErrorRow]:
    """Articles and error rows from files, folders and globs, in a stable order."""
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    seen_ids: dict[str, int] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, ErrorRow):
            yield item
            continue
        path, named = item
        reader = READERS.get(suffix_of(path))
        if reader is None:
            if named:
                yield ErrorRow(str(path), "", "read", f"unsupported file type {path.suffix or '(none)'!r}; "
                               f"expected one of {', '.join(SUPPORTED)}")
            else:
                warn(f"conflictbook: skipping {path}: unsupported file type")
            continue
        for produced in _read_file(path, reader, STREAMERS.get(suffix_of(path))):
            if isinstance(produced, Article):
                fill_outlet_from_dateline(produced)
                _apply_overrides(produced, published, outlet)
                _make_unique(produced, seen_ids)
            yield produced


def _read_file(path: Path, reader, streamer) -> Iterator[Article | ErrorRow]:
    """Articles and error rows of one file: record formats stream, other files are read whole."""
    if streamer is not None:
        try:
            yield from streamer(path)
            return
        except WholeFile:
            pass                                    # UTF-16: decoded whole below
        except EmptyFile:
            yield ErrorRow(str(path), "", "read", "empty file")
            return
        except DecodeError as exc:
            yield ErrorRow(str(path), "", "read", str(exc))
            return
        except InputError as exc:
            yield ErrorRow(str(path), "", "parse", str(exc))
            return
        except OSError as exc:
            yield ErrorRow(str(path), "", "read", f"cannot read file: {exc.strerror or exc}")
            return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield ErrorRow(str(path), "", "read", f"cannot read file: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield ErrorRow(str(path), "", "read", "empty file")
        return
    try:
        text, encoding = decode_bytes(raw)
    except DecodeError as exc:
        yield ErrorRow(str(path), "", "read", str(exc))
        return
    try:
        yield from reader(path, text, encoding)
    except InputError as exc:
        yield ErrorRow(str(path), "", "parse", str(exc))


def _apply_overrides(article: Article, published, outlet) -> None:
    """--published and --outlet override or fill metadata."""
    if published is not None:
        article.published = published
    if outlet:
        article.outlet = outlet


def _make_unique(article: Article, seen: dict[str, int]) -> None:
    """Suffix an id only where two inputs would share one (first keeps it: stable across runs)."""
    base = article.article_id
    count = seen.get(base, 0)
    seen[base] = count + 1
    if count:
        article.article_id = f"{base}-{count + 1}"
        seen[article.article_id] = 1

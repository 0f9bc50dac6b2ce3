"""Record files (JSONL, CSV) read one record at a time, so a multi-gigabyte export never sits in memory.

A whole-file read would hold the bytes and the decoded text of the export at once. Here the
file is read line by line and each record is yielded as soon as it is complete. Decoding is
per line: UTF-8 (a UTF-8 BOM is dropped) until a line is not valid UTF-8, then cp1252 for the
rest of the file. Record boundaries are the same either way, because the bytes that delimit
records (newline, quote, comma) are ASCII, mean the same in both encodings and never occur
inside a UTF-8 multibyte character; each record's ``encoding`` says which decoding produced it.
A file whose first block looks binary is refused with one error row, as a whole-file read
would be; a UTF-16 file (BOM) is handed back to the whole-file readers (rare, and not
line-decodable byte by byte).
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from pathlib import Path

from conflictbook.ingest.decode import DecodeError, binary_reason
from conflictbook.ingest.formats import InputError, Produced, csv_record, json_record
from conflictbook.records import ErrorRow

SNIFF_BYTES = 64 * 1024
# A CSV cell holds a whole article; the csv module's default limit (128 KiB) would refuse a long one.
CSV_FIELD_LIMIT = 64 * 1024 * 1024


class WholeFile(Exception):
    """The file must be read whole (UTF-16)."""


class EmptyFile(Exception):
    """The file holds nothing but white space."""


class _Lines:
    """Decoded lines of a binary file, switching from UTF-8 to cp1252 at the first invalid line."""

    def __init__(self, handle, strict: bool) -> None:
        self.handle = handle
        self.strict = strict     # raise on an undecodable line (CSV) or yield None for it (JSONL)
        self.encoding = "utf-8"
        self.number = 0
        self.blank = True        # no non-blank line seen yet
        self.problem = ""

    def __iter__(self) -> Iterator[str | None]:
        for raw in self.handle:
            self.number += 1
            if self.number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
                self.encoding = "utf-8-sig"
            line = self._decode(raw)
            if line is None:
                yield None
                continue
            if self.blank and line.strip():
                self.blank = False
            yield line

    def _decode(self, raw: bytes) -> str | None:
        if self.encoding != "cp1252":
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                self.encoding = "cp1252"
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            self.problem = f"undecodable bytes on line {self.number}: not UTF-8 and not cp1252 (byte {exc.start})"
            if self.strict:
                raise DecodeError(self.problem) from None
            return None


def _open_checked(path: Path):
    """The file opened for binary reading, after refusing binary data and handing UTF-16 back."""
    handle = path.open("rb")
    try:
        head = handle.read(SNIFF_BYTES)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise WholeFile
        if not head.strip() and len(head) < SNIFF_BYTES:
            raise EmptyFile
        reason = binary_reason(head)
        if reason:
            raise DecodeError(reason)
        handle.seek(0)
        return handle
    except BaseException:
        handle.close()
        raise


def stream_jsonl(path: Path) -> Iterator[Produced]:
    """Articles and error rows of a JSONL file, one line at a time (line numbers are records)."""
    with _open_checked(path) as handle:
        lines = _Lines(handle, strict=False)
        for line in lines:
            if line is None:
                yield ErrorRow(str(path), str(lines.number), "read", lines.problem)
                continue
            if not line.strip():
                continue
            number = lines.number
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ErrorRow(str(path), str(number), "parse", f"line is not JSON: {exc.msg} at column {exc.colno}")
                continue
            yield json_record(path, number, record, lines.encoding)
        if lines.blank:
            yield ErrorRow(str(path), "", "read", "empty file")


def stream_csv(path: Path) -> Iterator[Produced]:
    """Articles and error rows of a CSV file with a header row, one record at a time."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    with _open_checked(path) as handle:
        lines = _Lines(handle, strict=True)
        try:
            reader = csv.DictReader(lines)
            fields = reader.fieldnames
            if not fields or "text" not in [f.strip().lower() for f in fields]:
                raise InputError(f"CSV has no 'text' column (columns: {', '.join(fields or [])})")
            for number, row in enumerate(reader, start=1):
                yield csv_record(path, number, row, lines.encoding)
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}") from None


STREAMERS = {".jsonl": stream_jsonl, ".ndjson": stream_jsonl, ".csv": stream_csv}

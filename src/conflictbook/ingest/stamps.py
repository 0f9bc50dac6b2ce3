"""Publication-date stamps: parse a header line or metadata value that is only a date/time.

Strict on purpose: a line counts as a stamp only when every token is a date, time, weekday
or zone word, so titles such as "May Day rally" are never taken for dates. A date with a
time becomes a UTC ``datetime`` (a time without a zone is taken as UTC, as SPEC says);
a date alone stays a ``date``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateparser

from conflictbook.lexicon import load

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
_ZONE_OFFSETS: dict[str, int] = {str(k).upper(): int(float(v) * 3600) for k, v in load("timezones").items()}
_ZONE = r"(?:" + "|".join(sorted(_ZONE_OFFSETS, key=len, reverse=True)) + r"|[+-]\d{2}:?\d{2})"
_TOKEN = re.compile(
    rf"^(?:{_MONTH}|{_WEEKDAY}|{_ZONE}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:t\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|am|pm|a\.m\.|p\.m\.|at|on|of|(?:updated|published|posted|last\s+modified):?|,|\||-|–|—)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s+|(?<=,)|(?=,)")
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|T\d{2}:\d{2}", re.IGNORECASE)


def looks_like_stamp(line: str) -> bool:
    """Every token is a date/time word and the line names a year."""
    line = line.strip()
    if not line or len(line) > 60 or not _HAS_YEAR.search(line):
        return False
    tokens = [t for t in _SPLIT.split(line) if t and t.strip()]
    return all(_TOKEN.match(t.strip()) for t in tokens)


def parse_stamp(value: str) -> datetime | date | None:
    """A UTC datetime (time given) or a date (date only); None when VALUE is not a stamp."""
    value = value.strip()
    if not value:
        return None
    iso = _parse_iso(value)
    if iso is not None:
        return iso
    if not looks_like_stamp(value):
        return None
    return _parse_loose(value)


def parse_metadata_date(value: str) -> datetime | date | None:
    """A publication value from structured metadata (JSONL/CSV/HTML): ISO first, then loose."""
    value = (value or "").strip()
    if not value:
        return None
    return _parse_iso(value) or _parse_loose(value)


def _parse_iso(value: str) -> datetime | date | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value):
            return _to_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None
    return None


def _parse_loose(value: str) -> datetime | date | None:
    cleaned = re.sub(r"(?i)\b(updated|published|posted)\b:?", " ", value).replace("|", " ")
    try:
        parsed = dateparser.parse(cleaned, fuzzy=True, default=datetime(1900, 1, 1),
                                  tzinfos=_ZONE_OFFSETS, dayfirst=False)
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    if _HAS_TIME.search(value):
        return _to_utc(parsed)
    return parsed.date()


def _to_utc(moment: datetime) -> datetime:
    """A zone-less time is taken as UTC (SPEC); a zoned one is converted to UTC."""
    if moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def find_trailing_stamp(line: str) -> tuple[str, datetime | date | None]:
    """Split 'By Outlet 27 September 2022' into ('By Outlet', date); the date is None when absent."""
    words = line.split()
    for cut in range(max(1, len(words) - 8), len(words)):
        tail = " ".join(words[cut:])
        if looks_like_stamp(tail):
            stamp = parse_stamp(tail)
            if stamp is not None:
                return " ".join(words[:cut]).rstrip(" ,|-–—"), stamp
    return line, None

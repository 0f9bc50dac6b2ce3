"""Resolve a parsed ``DateExpr`` against an anchor day into (start, end, precision).

The anchor is the article's publication day, or the day a quote was said when the
article tells it (see ``conflictbook.extract.dates``). The rules (also in docs/timeline.md):

* A date that is not a calendar day (31 February, 29 February 2023) resolves to nothing:
  the caller drops it; no date is ever invented.
* Year-less dates and months take the anchor's year; in past-tense sentences, when that
  would fall after the anchor they take the year before (a January article's "December
  28th" is last December); in future-tense sentences the next occurrence on or after it.
* Weekdays: the most recent such day on or before the anchor; the anchor's own weekday
  is the anchor day itself (wire style names today's weekday). "last Monday" is strictly
  before the anchor; "next Monday", or a bare weekday in a future-tense sentence, the
  first such day after (or on) the anchor.
* Parts: early/beginning/start = first third, mid/middle = middle third, late/end = last
  third of the period (a year: Jan-Apr, May-Aug, Sep-Dec; a month: 1-10, 11-20, 21-end).
  "earlier this year" = 1 January .. anchor; "later this year" = anchor .. 31 December.
* Calendar periods: "last week" = the Monday-Sunday week before the anchor's week, "last
  month"/"last year" the whole previous month/year; "this week/month/year" runs from the
  period's first day to the anchor (to its last day in a future-tense sentence).
* Windows: "the previous ten days", "in the last three months", "the past week" run from
  anchor - N units to the anchor; "N days ago" is that day, "N weeks ago" the Monday-Sunday
  week holding it, "N months/years ago" that calendar month/year.
* "since X" runs from X's first day to the anchor; "until X" is X itself (the text does not
  say when the period began); spans "from X to Y" run from X's first to Y's last day.
* Past-tense ends are clipped at the anchor: a past event cannot end after publication
  ("in 2018" in an article of 3 August 2018 ends on 3 August). Only future-tense sentences
  (will, is due to, next ...) may resolve after the anchor.
* Without an anchor (undated article) only expressions that carry their own year resolve;
  the precision is kept.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from conflictbook.extract.date_finder import PERIOD_PARTS, SEASONS, DateExpr

Resolved = tuple[date | None, date | None, str]


class InvalidDate(ValueError):
    """The expression names no calendar day (31 February)."""


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """DAY moved by MONTHS calendar months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(f"{year}-{month:02d}-{day:02d} is not a calendar day") from None


def _exists(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


def precision_of(expr: DateExpr) -> str:
    """The precision an expression gives, known without an anchor."""
    kind = expr.kind
    if kind == "story" and expr.unit in ("week", "month"):
        return expr.unit
    if kind == "time":
        return "hour"
    if kind == "storyp":  # "two years later" year; "later that year", "the following spring" part-of-year
        if expr.unit == "year":
            return "part-of-year" if expr.rel_word else "year"
        return "month" if expr.unit == "month" else "part-of-year"
    if kind in ("date", "relday", "weekday", "story"):
        return "hour" if expr.daypart else "day"
    if kind == "month":
        return "month"
    if kind == "year":
        return "year"
    if kind == "part" and expr.part.endswith("/w"):
        return "week"
    if kind in ("part", "season"):
        base = expr.base
        if kind == "season" or (base and (base.kind in ("year", "storyp") or base.unit == "year" or
                                          (base.kind == "span" and base.base.kind == "year"))):
            return "part-of-year"
        return "range"
    if kind == "ago":
        if expr.unit == "hour":   # "36 hours ago" spans two days unless a whole number of days back
            return "day" if (expr.n or 0) % 24 == 0 else "range"
        return {"day": "day", "week": "week", "month": "month", "year": "year"}.get(expr.unit, "day")
    if kind == "period":
        return {"week": "week", "month": "month", "year": "year"}.get(expr.unit, "range")
    if kind == "until" and expr.base:
        return precision_of(expr.base)
    return "range"


def resolve(expr: DateExpr, anchor: date | None, future: bool = False) -> Resolved:
    """(start, end, precision) of EXPR; start/end None when it cannot be placed without an anchor.

    Raises InvalidDate when the expression names no calendar day.
    """
    precision = precision_of(expr)
    future = future or points_forward(expr)
    span = _span(expr, anchor, future)
    if span is None:
        return None, None, precision
    start, end = span
    if anchor is not None and not future and start <= anchor < end:
        end = anchor
    return start, end, precision


def points_forward(expr: DateExpr) -> bool:
    """Whether the expression itself looks ahead ("tomorrow", "next week", "later this year")."""
    if expr.kind in ("span", "since", "until", "part"):
        return expr.part == "later" or any(points_forward(e) for e in (expr.base, expr.other) if e is not None)
    if expr.kind == "month" and expr.rel_word == "year":
        return (expr.rel or 0) > 0
    return (expr.rel or 0) > 0


def _span(expr: DateExpr, anchor: date | None, future: bool) -> tuple[date, date] | None:
    kind = expr.kind
    if kind == "date":
        return _date(expr, anchor, future)
    if kind == "month":
        return _month(expr, anchor, future)
    if kind == "year":
        return date(expr.year, 1, 1), date(expr.year, 12, 31)
    if kind == "decade":
        return date(expr.year, 1, 1), date(expr.year + 9, 12, 31)
    if kind == "part":
        return _part(expr, anchor, future)
    if kind == "season":
        return _season(expr, anchor, future)
    if kind == "span":
        first, last = _span(expr.base, anchor, future), _span(expr.other, anchor, future)
        if first is None or last is None:
            return None
        if first[0] > last[1] and expr.base.kind == "weekday":  # "from Monday to Thursday": the week before
            first = (first[0] - timedelta(days=7), first[1] - timedelta(days=7))
        elif first[0] > last[1] and expr.base.kind in ("date", "month") and expr.base.year is None:
            first = (_minus_year(first[0]), _minus_year(first[1]))
        return first[0], max(first[1], last[1])
    if kind == "since":
        base = _span(expr.base, anchor, False)
        if base is None or anchor is None:
            return None
        return base[0], max(anchor, base[0])
    if kind == "until":
        return _span(expr.base, anchor, future)
    if anchor is None:
        return None
    if kind == "relday":
        day = anchor + timedelta(days=expr.rel or 0)
        spans = expr.unit == "night" and expr.hour is None  # "overnight" runs into the next day; "at 11 p.m." does not
        return day, day + timedelta(days=1 if spans else 0)
    if kind == "weekday":
        day = _weekday(expr, anchor, future)
        if expr.day is not None and day.day != expr.day:
            day = _weekday_of_month_day(expr, day)
        return day, day
    if kind == "ago":
        return _ago(expr, anchor)
    if kind == "window":
        return _window(expr, anchor)
    if kind == "period" and expr.rel_word == "the":  # "the weekend": the latest (or, ahead, the next)
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if future and anchor.weekday() < 5:
            saturday += timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if kind == "period":
        return _period(expr.unit, expr.rel or 0, anchor)
    return None


def story_period(expr: DateExpr, day: date) -> tuple[date, date]:
    """The calendar week or month REL periods from the one holding the story's DAY."""
    if expr.unit == "month":
        first = add_months(day.replace(day=1), expr.rel or 0)
        return first, month_end(first.year, first.month)
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=expr.rel or 0)
    return monday, monday + timedelta(days=6)


def _minus_year(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))


def _date(expr: DateExpr, anchor: date | None, future: bool) -> tuple[date, date] | None:
    if expr.year is not None:
        day = _day(expr.year, expr.month, expr.day)
        return day, day
    if not _exists(expr.month, expr.day):
        raise InvalidDate(f"day {expr.day} of month {expr.month} does not exist")
    if anchor is None:
        return None
    years = (anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)
    for year in years:
        try:
            day = date(year, expr.month, expr.day)
        except ValueError:
            continue  # 29 February outside a leap year
        if (day >= anchor) if future else (day <= anchor):
            slip = _month_slip(expr, day, anchor, future)
            return (slip, slip) if slip else (day, day)
    return None


def _month_slip(expr: DateExpr, day: date, anchor: date, future: bool) -> date | None:
    """The day a weekday names when the month beside it is a slip ("Friday, March 1" written on Sunday 3 April).

    A weekday that does not fall on the date is a contradiction; when the named weekday of the
    past (or, looking ahead, coming) week falls on the same day of the month, the month is the slip:
    the report's own week is the likelier. Otherwise the written date stands.
    """
    if expr.weekday is None or day.weekday() == expr.weekday:
        return None
    near = _weekday(DateExpr("weekday", weekday=expr.weekday), anchor, future)
    return near if near.day == expr.day and near != day else None


def _month_year(month: int, rel: int | None, rel_word: str, anchor: date, future: bool) -> int:
    if rel_word == "year":
        return anchor.year + (rel or 0)
    if rel == 0:
        return anchor.year
    if rel == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _month(expr: DateExpr, anchor: date | None, future: bool) -> tuple[date, date] | None:
    if expr.year is not None:
        year = expr.year
    elif anchor is None:
        return None
    else:
        year = _month_year(expr.month, expr.rel, expr.rel_word, anchor, future)
    return date(year, expr.month, 1), month_end(year, expr.month)


def part_of(first: date, last: date, part: str) -> tuple[date, date]:
    """The PART ("early", "end", "later" ...) of the period FIRST..LAST, a whole month or year."""
    return _thirds(first, last, part)


def _thirds(first: date, last: date, part: str) -> tuple[date, date]:
    """The PART third of FIRST..LAST (months split at days 10 and 20, years at April and August)."""
    share = PERIOD_PARTS[part]
    if first.day == 1 and last == month_end(last.year, last.month) and first.month == last.month:
        cuts = [first, first.replace(day=11), first.replace(day=21), last + timedelta(days=1)]
    elif first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31 and first.year == last.year:
        cuts = [first, first.replace(month=5), first.replace(month=9), last + timedelta(days=1)]
    else:
        length = (last - first).days + 1
        cuts = [first + timedelta(days=round(length * k / 3)) for k in range(4)]
    return cuts[share[0]], cuts[share[1]] - timedelta(days=1)


def _part(expr: DateExpr, anchor: date | None, future: bool) -> tuple[date, date] | None:
    base = expr.base
    if expr.part in ("earlier", "later"):
        if anchor is None:
            return None
        first, last = _period(base.unit, 0, anchor, clip=False)
        return (first, anchor) if expr.part == "earlier" else (anchor, last)
    if base.kind == "period":
        if anchor is None:
            return None
        whole = _period(base.unit, base.rel or 0, anchor, clip=False)
    else:
        whole = _span(base, anchor, future)
    if whole is None:
        return None
    if expr.part.endswith("/w"):  # "the first week of March": days 1-7; "the last week": the last seven
        k = int(expr.part[:-2])
        if k == 5:
            return whole[1] - timedelta(days=6), whole[1]
        start = whole[0] + timedelta(days=7 * (k - 1))
        return start, min(whole[1], start + timedelta(days=6))
    if "/" in expr.part:
        return _share(whole[0], whole[1], *map(int, expr.part.split("/")))
    return _thirds(whole[0], whole[1], expr.part)


def _share(first: date, last: date, k: int, n: int) -> tuple[date, date]:
    """The K-th of N equal shares of FIRST..LAST (whole months for a calendar year)."""
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31 and first.year == last.year:
        months = 12 // n
        return date(first.year, (k - 1) * months + 1, 1), month_end(first.year, k * months)
    length = (last - first).days + 1
    start = first + timedelta(days=length * (k - 1) // n)
    return start, first + timedelta(days=length * k // n - 1)


def _season(expr: DateExpr, anchor: date | None, future: bool) -> tuple[date, date] | None:
    first_month, last_month = SEASONS[expr.part]
    if expr.year is not None:
        year = expr.year
    elif anchor is None:
        return None
    else:
        year = anchor.year + (1 if first_month > last_month and anchor.month >= first_month else 0)
        if expr.rel == -1 or (expr.rel is None and not future):
            def begins(y: int) -> date:
                return date(y - 1, first_month, 1) if first_month > last_month else date(y, first_month, 1)
            while begins(year) > anchor or (expr.rel == -1 and month_end(year, last_month) >= anchor):
                year -= 1
        elif expr.rel == 1:
            year += 1
    start_year = year - 1 if first_month > last_month else year
    return date(start_year, first_month, 1), month_end(year, last_month)


def _weekday(expr: DateExpr, anchor: date, future: bool) -> date:
    back = (anchor.weekday() - expr.weekday) % 7
    ahead = (expr.weekday - anchor.weekday()) % 7
    if expr.rel == -1:
        return anchor - timedelta(days=back or 7)
    if expr.rel == 1:
        return anchor + timedelta(days=ahead or 7)
    if future:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _weekday_of_month_day(expr: DateExpr, day: date) -> date:
    """"this Thursday (22)": the weekday nearest DAY (the weekday's own reading) that falls on the day of
    the month in brackets, within four weeks; else the weekday's own reading stands."""
    for weeks in (-1, 1, -2, 2, -3, 3, -4, 4):
        other = day + timedelta(weeks=weeks)
        if other.day == expr.day:
            return other
    return day


def _ago(expr: DateExpr, anchor: date) -> tuple[date, date]:
    n = expr.n or 0
    if expr.unit == "week":
        day = anchor - timedelta(days=7 * n)
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if expr.unit == "month":
        day = add_months(anchor, -n)
        return day.replace(day=1), month_end(day.year, day.month)
    if expr.unit == "year":
        return date(anchor.year - n, 1, 1), date(anchor.year - n, 12, 31)
    if expr.unit == "hour":
        # N hours before some moment of the anchor day: from (midnight - N h) to (next midnight - N h)
        return anchor - timedelta(days=-(-n // 24)), anchor - timedelta(days=n // 24)
    day = anchor - timedelta(days=n)
    return day, day


def _shift(anchor: date, n: int, unit: str) -> date:
    if unit == "hour":
        return anchor - timedelta(days=-(-n // 24))
    if unit == "week":
        return anchor - timedelta(days=7 * n)
    if unit == "month":
        return add_months(anchor, -n)
    if unit == "year":
        return add_months(anchor, -12 * n)
    return anchor - timedelta(days=n)


def _window(expr: DateExpr, anchor: date) -> tuple[date, date]:
    n = expr.n or 1
    if (expr.rel or 0) > 0:
        return anchor, anchor + (anchor - _shift(anchor, n, expr.unit))
    return _shift(anchor, n, expr.unit), anchor


def _period(unit: str, rel: int, anchor: date, clip: bool = False) -> tuple[date, date]:
    """The calendar week/weekend/month/year REL steps from the anchor's."""
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * rel)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = add_months(anchor.replace(day=1), rel)
        return first, month_end(first.year, first.month)
    if unit == "day":
        day = anchor + timedelta(days=rel)
        return day, day
    year = anchor.year + rel
    return date(year, 1, 1), date(year, 12, 31)

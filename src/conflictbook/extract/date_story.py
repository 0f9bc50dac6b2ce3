"""Where an article's story is in time: what story-relative expressions and bare times count from.

A narrative moves through time and its relative expressions count from where it is, not
from the publication day:

* the **event day** is the latest day-precise date of an event before the expression: not a
  heading's date (a one-line section title summarises what follows, like the headline) and
  not a reporting day, the day words were said ("claimed the next day that ...", "told
  reporters on Tuesday"), which is when the story was told, not where it is. Without an
  event day the latest day of any kind stands in;
* the **story period** is the latest dated period of any precision ("in August 2014", "the
  following spring", "two years later"), again without headings and reporting days.

Story-relative days ("three days later", "hours later", "the next morning") count from the
event day within ``STORY_REACH`` paragraphs; story-relative years and seasons ("two years
later", "the following spring", "later that year") from the story period within the same
reach; a time of day without a day ("at about 4 a.m.", "shortly before midnight") is on the
event day, however far back it was named: the narrative stays on its day until it names
another day, or a period longer than a week in a later sentence ("In 2019 the group split"),
after which a bare time has no day. Nothing to count from: no row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from conflictbook.extract.date_finder import SEASONS, DateExpr
from conflictbook.extract.date_resolver import add_months, month_end

STORY_REACH = 3  # paragraphs a story-relative expression may look back for what it counts from
LONG_PERIOD_DAYS = 7  # a dated period longer than a week takes the story off its day ("in 2019", "last month")
PERIOD_KINDS = frozenset({"date", "month", "year", "part", "season", "weekday", "relday", "story", "storyp",
                          "ago", "period"})


@dataclass
class Narrative:
    """The story's current day and period, each with the paragraph that named it."""

    event_day: tuple[date, int] | None = None
    any_day: tuple[date, int] | None = None
    any_sentence: int = -1                        # the sentence of any_day
    period: tuple[date, date, int] | None = None
    day_sentence: int = -1                        # the sentence of the latest day (event or any)
    left_day: int = -1                            # a later sentence that moved the story to a long period

    def note(self, expr: DateExpr, start: date | None, end: date | None, precision: str,
             paragraph: int, sentence: int, reporting: bool) -> None:
        """Move the story to a date just read (the caller leaves out headlines and headings)."""
        if start is None or end is None:
            return
        if start == end and precision in ("day", "hour"):
            self.any_day, self.any_sentence = (start, paragraph), sentence
            if not reporting:
                self.event_day = (start, paragraph)
            self.day_sentence = sentence
        if not reporting and expr.kind in PERIOD_KINDS:
            self.period = (start, end, paragraph)
            if (end - start).days > LONG_PERIOD_DAYS and sentence > self.day_sentence:
                self.left_day = sentence  # "In 2019 the group split": the story is no longer on its day

    def day(self, paragraph: int, reach: int | None = STORY_REACH) -> date | None:
        """The day story-relative days count from: the event day, else any day, within REACH paragraphs.
        Without a REACH (a time of day), only while no later sentence moved the story to a long period."""
        if reach is None and self.left_day > self.day_sentence:
            return None
        for found in (self.event_day, self.any_day):
            if found is not None and (reach is None or paragraph - found[1] <= reach):
                return found[0]
        return None

    def place(self, expr: DateExpr, paragraph: int) -> tuple[date, date] | None:
        """First and last day of a story-relative period (kind ``storyp``), or None."""
        if self.period is None or paragraph - self.period[2] > STORY_REACH:
            return None
        first, last, _ = self.period
        if expr.unit == "month":
            if (last - first).days > 31:
                return None  # "three months later" after a year: no month to count from
            start = add_months(first.replace(day=1), expr.rel or 0)
            return start, month_end(start.year, start.month)
        if expr.unit == "year":
            year = first.year + (expr.rel or 0)
            if expr.rel_word == "later" and not expr.rel:    # "later that year": from the story on
                return max(first, date(year, 1, 1)), date(year, 12, 31)
            if expr.rel_word == "earlier" and not expr.rel:  # "earlier that year": up to the story
                return date(year, 1, 1), min(last, date(year, 12, 31))
            return date(year, 1, 1), date(year, 12, 31)
        return _season(expr, first, last)


def _season(expr: DateExpr, first: date, last: date) -> tuple[date, date]:
    """The season after (rel 1), before (rel -1) or around (rel 0) the story's period FIRST..LAST."""
    first_month, last_month = SEASONS[expr.part]

    def bounds(year: int) -> tuple[date, date]:  # the season that ends in YEAR (winter starts the year before)
        start_year = year - 1 if first_month > last_month else year
        return date(start_year, first_month, 1), month_end(year, last_month)

    year = first.year + (1 if first_month > last_month and first.month >= first_month else 0)
    if (expr.rel or 0) > 0:
        year = last.year - 1
        while bounds(year)[0] <= last:
            year += 1
    elif (expr.rel or 0) < 0:
        year = first.year + 1
        while bounds(year)[1] >= first:
            year -= 1
    return bounds(year)


def shift(day: date, expr: DateExpr) -> date:
    """The story day moved by a story-relative day expression."""
    return day + timedelta(days=expr.rel or 0)

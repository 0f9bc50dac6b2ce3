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
another day; a period longer than a week in a later sentence of the time's own paragraph
("... on Monday. In 2019 the block was shelled at 3 a.m.") leaves it without a day. Nothing
to count from: no row.

"Two weeks before the exchange" counts from the day the article gave that event: nouns
named right beside a day ("the exchange on Tuesday", "Tuesday's prisoner exchange") are
kept with it (``event_nouns``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from conflictbook.article import Article, Sentence
from conflictbook.extract.date_finder import LEX, SEASONS, DateExpr, DateMention, find_dates
from conflictbook.extract.date_resolver import add_months, month_end, part_of, story_period

STORY_REACH = 3  # paragraphs a story-relative expression may look back for what it counts from
EVENT_BEFORE_RE = re.compile(r"(?:^|\s)(?i:the|this|that)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:(?:on|of)\s+)?$")
EVENT_AFTER_RE = re.compile(r"['’]s\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
EVENT_STOPS = frozenset(LEX["event_noun_stops"])
HEADING_WORDS = 10
# "The attack came", "The blast happened": a definite subject naming the story's event, then a link verb.
EVENT_SUBJECT_RE = re.compile(rf"^\s*(?i:the)\s+(?:[\w-]+\s+){{1,3}}?(?i:{'|'.join(LEX['event_link_verbs'])})\s+$")
CLOSED_RE = re.compile(r"[.!?…][\"”’')\]]*$")  # a sentence's closing stop, with any quote or bracket after it
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
    left_day: tuple[int, int] = (-1, -1)          # (sentence, paragraph) that moved the story to a long period

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
                self.left_day = (sentence, paragraph)  # "In 2019 the group split": the story left its day

    def day(self, paragraph: int, reach: int | None = STORY_REACH) -> date | None:
        """The day story-relative days count from: the event day, else any day, within REACH paragraphs.
        Without a REACH (a time of day), only while no later sentence of PARAGRAPH moved the story to a long
        period (a background sentence in another paragraph does not: the narrative comes back to its day)."""
        if reach is None and self.left_day[0] > self.day_sentence and self.left_day[1] == paragraph:
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
        if expr.unit == "month":  # "eight months later": the months of the story's period, N months on
            start = add_months(first.replace(day=1), expr.rel or 0)
            stop = add_months(last.replace(day=1), expr.rel or 0)
            return start, month_end(stop.year, stop.month)
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


def story_precision(expr: DateExpr, first: date, last: date, precision: str) -> str:
    """"Eight months later" after a season spans several months: a range, not a month."""
    if expr.kind == "storyp" and expr.unit == "month" and (first.year, first.month) != (last.year, last.month):
        return "range"
    return precision


def shift(day: date, expr: DateExpr) -> date:
    """The story day moved by a story-relative day expression."""
    return day + timedelta(days=expr.rel or 0)


def story_span(expr: DateExpr, story: Narrative, sent: Sentence, anchor: date | None,
                future: bool, events: dict[str, date], mention: DateMention | None = None,
                ) -> tuple[date, date, date] | None:
    """(first day, last day, the day or period start counted from) of a story-relative expression
    (MENTION, when given, is where it stands in its sentence)."""
    if expr.kind == "time":  # a time of day is on the day the story is on, however far back it was named
        day = story.day(sent.paragraph, reach=None)
        return None if day is None else (day, day, day)
    if expr.kind == "storyp" or (expr.kind == "part" and expr.base and expr.base.kind == "storyp"):
        span = story.place(expr if expr.kind == "storyp" else expr.base, sent.paragraph)
        if span is None:
            return None
        first, last = span if expr.kind == "storyp" else part_of(*span, expr.part)
        base = story.period[0] if story.period else first
    else:
        event = next((events[w] for w in expr.event.split() if w in events), None)
        if expr.rel_word == "event":  # "the day before the exchange": only from the day the article gave it
            if event is None:
                return None
            base = event
        elif expr.rel_word == "same-sentence":  # "a day after the talks": a day named before it in its sentence
            if story.any_day is not None and story.any_sentence == sent.index:
                base = story.any_day[0]
            elif event is not None:  # else the day of the event named ("two weeks before the exchange")
                expr = replace(expr, rel=-(expr.rel or 0))
                base = event
            elif mention is not None and _event_subject(sent.text, mention) and story.day(sent.paragraph, reach=None):
                base = story.day(sent.paragraph, reach=None)  # "The attack came a day after": the story's event
            else:
                return None
        else:
            base = story.day(sent.paragraph)
            if base is None:
                return None
        if expr.unit in ("week", "month"):  # "in the following week"
            first, last = story_period(expr, base)
        else:
            first = last = shift(base, expr)
    if anchor is not None and not future:
        if first > anchor:
            return None  # a past story cannot go on after publication: the count is not from this day
        last = max(first, min(last, anchor))
    return first, last, base


def _event_subject(text: str, mention: DateMention) -> bool:
    """"The attack came a day after the talks ...": a definite subject and a link verb before the count,
    and no day of its own after it (" ... disappeared on 27 December" dates that clause itself)."""
    if not EVENT_SUBJECT_RE.match(text[:mention.start]):
        return False
    return not any(m.expr.kind in ("date", "weekday", "relday") for m in find_dates(text[mention.end:]))


def event_nouns(text: str, mention: DateMention) -> list[str]:
    """Nouns an event is named by right beside its date: "the exchange on Tuesday", "Tuesday's prisoner
    exchange" (so that "two weeks before the exchange" can count from that day)."""
    words: list[str] = []
    before = EVENT_BEFORE_RE.search(text, 0, mention.start)
    if before and not mention.text.lower().startswith(("since", "until", "from", "between")):
        words += before.group(1).split()
    after = EVENT_AFTER_RE.match(text, mention.end)
    if after:
        words += after.group(1).split()
    return [w for w in words if w.isalpha() and w not in EVENT_STOPS]


def section_headings(article: Article) -> set[int]:
    """Sentences that are section headings: alone in their paragraph, at most HEADING_WORDS words, and
    without a closing full stop, or closing on a bracket ("The ambush (12 May)."). Like the headline they
    summarise what follows: their dates are rows but do not move the story."""
    counts = Counter(s.paragraph for s in article.sentences)
    return {s.index for s in article.sentences
            if counts[s.paragraph] == 1 and len(s.text.split()) <= HEADING_WORDS
            and (not CLOSED_RE.search(s.text.rstrip()) or s.text.rstrip().endswith(")."))}

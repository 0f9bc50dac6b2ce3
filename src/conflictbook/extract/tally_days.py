"""When a tallied count happened: the day (or month, or few days) its sentence or its story gives it.

The timeline's dated events are the only source of dates (no date is read here); this decides which
of them dates a count: the event nearest the count in its sentence, else the day the story is on,
carried from the sentences before it. The day someone spoke is never a count's day ("the ministry
said on Thursday ..."). Why a module of its own: the carrying rules (paragraphs, wire copy, months,
"the next morning") are one job, apart from reading what a count is.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache

from conflictbook.article import Article, Sentence
from conflictbook.extract.agents import attack_verbs
from conflictbook.extract.tally_sources import dates_the_saying
from conflictbook.lexicon import load
from conflictbook.records import TimelineEvent

_SEGMENT_END = re.compile(r"[,;:]")
_CLAUSE_JOIN = re.compile(r"[,;:]|\s(?:and|but)\s")
_DATELINE_BREAK = re.compile(r"\s(?:--|\u2014|\u2013)\s")   # "VIRREL, June 9 (KNA) -- At least 14 ..."
_SHORT_RANGE_DAYS = 7   # "on 10 and 11 June": a few days a paragraph's story may stay in
_PERIOD_DAYS = 366   # a dated period up to a year long dates a count by its first day (with its precision)


@cache
def _next_day() -> re.Pattern:
    """'the next morning', 'the following day': the day after the date told before (lexicon/casualties.yml)."""
    words = load("casualties")["tally_context"]["next_day"]
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w\-])", re.IGNORECASE)


@cache
def moved_on() -> re.Pattern:
    """'in the weeks that followed', 'later': a sentence whose time is not the day told before it."""
    words = load("casualties")["tally_context"]["moved_on"]
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w\-])", re.IGNORECASE)


class StoryDays:
    """The dated events of one article, asked which of them dates a count."""

    def __init__(self, article: Article, events: list[TimelineEvent]):
        self.article = article
        self.events = events

    def day(self, sentence: Sentence, offset: int, after: int = -1) -> tuple[date | None, str]:
        """(first day, precision) of the dated event nearest OFFSET in the same sentence, else (None, "").

        A day or a night dates the count exactly; a month, a week, a year or a short range ("in February",
        "between 8 and 10 June") gives its first day with its precision. A long range ("since 2022") is a
        period, not when the count happened, and the day someone spoke ("the ministry said on Thursday")
        is not either. An event cut off from the count by a dash (a dateline "June 9 (KNA) --") is taken
        only when no other event is left. "the next morning" after the event, in the count's clause, is
        the day after it ("detained nine men on Wednesday; five were released the next morning"). Events
        before AFTER (an offset, -1 for none) are left out.
        """
        best, rank, chosen = (None, ""), None, None
        for event in self.events:
            if event.sentence != sentence.index and not (sentence.start <= event.span_start < sentence.end):
                continue
            if 0 <= event.span_start < after:
                continue
            start, end = (d.date() if isinstance(d, datetime) else d for d in (event.start, event.end))
            if start is None or self._saying(event):
                continue
            night = event.precision == "hour" and end is not None and (end - start).days == 1
            exact = start == end or night  # "overnight": the night that began on START
            if not exact and (end is None or (end - start).days > _PERIOD_DAYS):
                continue
            gap = abs(event.span_start - offset) if event.span_start >= 0 else 10**6
            low, high = sorted((event.span_start, offset)) if event.span_start >= 0 else (0, 0)
            cut = _DATELINE_BREAK.search(self.article.text, low, high) is not None
            key = (cut, not exact, gap)
            if rank is None or key < rank:
                best, rank, chosen = (start, "day" if exact else event.precision), key, event
        if chosen is not None and best[1] == "day" and chosen.span_end >= 0:
            after = self._day_after(sentence, chosen.span_end - sentence.start, offset - sentence.start, best[0])
            best = (after, "day") if after else best
        return best

    def _saying(self, event: TimelineEvent) -> bool:
        """Whether EVENT dates when someone spoke ("said on Thursday"), not what happened."""
        if not 0 <= event.sentence < len(self.article.sentences) or event.span_start < 0:
            return False
        sentence = self.article.sentences[event.sentence]
        if dates_the_saying(sentence, event.span_start - sentence.start, event.span_end - sentence.start):
            return True
        apposed = [e for e in self.events if e is not event and e.sentence == event.sentence and e.span_end >= 0
                   and 0 < event.span_start - e.span_end <= 3
                   and self.article.text[e.span_end: event.span_start].strip() == ","]
        return any(self._saying(e) for e in apposed)  # "said on Tuesday, three days after the raid"

    def _day_after(self, sentence: Sentence, event_end: int, offset: int, day: date) -> date | None:
        """The day of a "the next morning" after the event's date DAY, in the count's own clause, else None.

        Its own date when the timeline gave it one, else the day after DAY.
        """
        text = sentence.text
        if offset < event_end:
            return None
        clause = _CLAUSE_JOIN.search(text, offset)  # "... nine men and released five the next morning"
        for match in _next_day().finditer(text, event_end, clause.start() if clause else len(text)):
            if match.start() < offset and _SEGMENT_END.search(text, match.end(), offset):
                continue
            for event in self.events:
                if event.span_start <= sentence.start + match.start() < event.span_end and event.start is not None:
                    start = event.start
                    return start.date() if isinstance(start, datetime) else start
            return day + timedelta(days=1)
        return None

    def _dates_of(self, sentence: Sentence) -> bool:
        """Whether SENTENCE has a date of its own ("since 2019"), other than when someone spoke."""
        return any(e.sentence == sentence.index and not self._saying(e) for e in self.events)

    def _own_day(self, index: int) -> date | None:
        """The latest exact day (or night) of sentence INDEX that is not the day someone spoke."""
        best, key = None, None
        for event in self.events:
            if event.sentence != index or event.start is None or event.precision not in ("day", "hour"):
                continue
            start = event.start.date() if isinstance(event.start, datetime) else event.start
            end = event.end.date() if isinstance(event.end, datetime) else event.end
            if end is not None and end != start and not (event.precision == "hour" and (end - start).days == 1):
                continue
            if self._saying(event):
                continue
            if key is None or event.span_start > key:
                best, key = start, event.span_start
        return best

    def carried_month(self, sentence: Sentence) -> tuple[date | None, str]:
        """(first day, precision) of the month or the few days an earlier sentence of the paragraph is set
        in, else (None, "").

        "The Guard arrived in Ulvek in August 2014. ... The militiamen drove about 90 men away.", "On 10
        and 11 June, units raided the forest. During the operations 38 militants were killed.": the story
        stays in that month or those days until another date comes; only in a sentence with no date of its own.
        """
        if self._dates_of(sentence) or moved_on().search(sentence.text):
            return None, ""
        for index in range(sentence.index - 1, -1, -1):
            before = self.article.sentences[index]
            if before.headline or before.paragraph != sentence.paragraph:
                return None, ""
            told = [e for e in self.events if e.sentence == index and e.start is not None and not self._saying(e)]
            if told:
                last = max(told, key=lambda e: e.span_start)
                start, end = (d.date() if isinstance(d, datetime) else d for d in (last.start, last.end))
                if last.precision == "month":
                    return start, "month"
                short = end is not None and 0 < (end - start).days <= _SHORT_RANGE_DAYS
                return (start, last.precision) if short and last.precision not in ("day", "hour") else (None, "")
        return None, ""

    def carried_day(self, sentence: Sentence, dated: dict[int, tuple[date, bool]], counted: bool) -> date | None:
        """The day an earlier sentence dates to the day, carried over to SENTENCE.

        "Gunmen hijacked the ship on 28 July. Its 22 crew members were taken hostage.": a narrative
        keeps its day until another date comes, within the paragraph (a sentence whose count was dated,
        DATED: sentence -> (day, whether the count is a victim of an attack), passes its day on). Across a
        paragraph break only the sentence right before counts, and only when it tells the attack or dates
        its victims ("Insurgents ambushed a convoy on Monday." then "At least 20 soldiers were killed."), for
        a count with a figure told by a verb (COUNTED: "were killed", "detained six men"; not "the detention
        of", not generic "migrants") in a sentence with no date of its own.
        The day someone spoke is no day of the narrative, and a sentence that moves the time on ("in the
        weeks that followed", "later") takes none.
        """
        if moved_on().search(sentence.text):
            return None
        sentences = self.article.sentences
        for index in range(sentence.index - 1, -1, -1):
            before = sentences[index]
            if before.headline:
                return None
            day = self._own_day(index) or (dated[index][0] if index in dated else None)
            if before.paragraph != sentence.paragraph:
                if not counted or index != sentence.index - 1 or self._dates_of(sentence):
                    return None
                told = bool(attack_verbs(before.text)) or dated.get(index, (None, False))[1]
                return day if told else None
            if day:
                return day
        return None

"""Typed records that extractors return; ``tables`` turns them into DataFrames once, at the edge.

Field order follows the SPEC columns; fields after them (offsets, ``revises``...) are
extra columns appended to the tables. Offsets are character positions in
``Article.text`` so notebooks can highlight the evidence in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class ArticleRow:
    article_id: str
    title: str
    outlet: str
    author: str
    published: datetime | date | None
    section: str
    source_path: str
    n_words: int
    encoding: str = "utf-8"
    url: str = ""
    record: str = ""


@dataclass
class TimelineEvent:
    article_id: str
    event_id: str
    start: date | datetime | None
    end: date | datetime | None
    precision: str
    when_text: str
    what: str
    actors: str
    location: str
    source: str
    evidence: str
    span_start: int = -1
    span_end: int = -1
    sentence: int = -1


@dataclass
class Tally:
    article_id: str
    tally_id: str
    category: str
    victims: str
    perpetrator: str
    low: int | None
    best: int | None
    high: int | None
    quantity_text: str
    status: str
    date: date | None
    location: str
    source: str
    evidence: str
    revises: int | None = None
    span_start: int = -1
    span_end: int = -1
    sentence: int = -1
    scope: str = "event"     # event, or cumulative for running and period totals ("since January", "the war has")
    date_precision: str = ""  # of `date`: day, or month/week/year/... when it is the first day of that period


@dataclass
class Claim:
    article_id: str
    claim_id: str
    speaker: str
    speaker_role: str
    speaker_kind: str
    via: str
    cue: str
    mode: str
    text: str
    evidence: str
    span_start: int = -1          # start of the attributed content in Article.text
    span_end: int = -1            # end of the attributed content (may cross sentences)
    sentence: int = -1            # index of the sentence holding the cue
    cue_start: int = -1
    cue_end: int = -1
    sentences: tuple[int, ...] = field(default_factory=tuple)  # all sentences the content covers
    about: str = ""               # the sentence a denial refers back to ("denied its involvement" -> what)
    about_sentence: int = -1      # its index
    said_when: str = ""           # when the speech was made, as written next to the cue ("on Monday")
    said_when_start: int = -1     # its offset in Article.text (timeline resolves quotes' "yesterday" from it)


@dataclass
class ComparisonRow:
    topic_id: str
    topic: str
    article_id: str
    source: str
    stance: str
    low: int | None
    best: int | None
    high: int | None
    position: str
    evidence: str
    verdict: str
    grade: str = ""
    outlet: str = ""


@dataclass
class ErrorRow:
    source_path: str
    record: str
    stage: str
    error: str


@dataclass
class ArticleResult:
    """Everything extracted from one article: what crosses a process boundary in corpus runs."""

    article: ArticleRow
    timeline: list[TimelineEvent] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    # the comparison's reading of this article (``compare.assertions``), made where the article was
    # extracted so that a worker, not the parent, pays for it, and a cached result keeps it; None: not made
    assertions: list | None = field(default=None, repr=False, compare=False)

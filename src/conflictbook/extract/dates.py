"""Dates of an article: every date expression with its anchor and resolution.

Finding is ``date_finder``, date arithmetic ``date_resolver`` (its docstring holds every
rule; docs/timeline.md explains them to users). In short: year-less dates take the
anchor's year, or the year before when that would put a past event after the anchor;
weekdays are the latest such day on or before the anchor (its own weekday = the anchor
day); early/mid/late = first/middle/last third of the period; "last week/month/year" =
the whole previous calendar period, "this week" = Monday .. anchor; windows ("the
previous ten days") run from anchor - N to the anchor; past-tense ends never pass the
anchor. This module decides what each expression is resolved against:

* The anchor is the publication day (``Article.publication_date``), never today and
  never a page or crawl stamp. An undated article has no anchor: only expressions that
  carry their own year resolve; the others keep their precision with empty start/end.
* Inside attributed speech the anchor is the day the words were said, when the article
  tells it: a day expression outside the quotes that goes with a speech verb ("... told
  The Outlet on Monday", "said on Monday: ...") anchors every quote of that paragraph, so
  the quote's "yesterday" is the day before that Monday. A claim that carries the time of
  its speech (``said_when_start``, set by the claims extractor) anchors its own content
  span first; otherwise the quote spans come from the claims (content span; the speech
  date near the cue) and, as a fallback that needs no claims, from quotation marks in the
  paragraph.
* Story-relative days ("the next day", "that night", "two days later", "hours later"),
  years and seasons ("two years later", "the following spring") and times of day alone
  ("at about 4 a.m.") count from where the narrative is (``date_story``: its latest event
  day or dated period, not a heading's date nor a reporting day); without one, no row.
* Tense: a future cue (will, is due to, scheduled ...) among the eight words before an
  expression in its clause, or in the expression itself (next, tomorrow), lets it resolve
  after the anchor; a deadline ("by the end of May") too unless its clause is past; a date
  appended as a hedged fragment (", probably in December.") takes the tense of the clause
  before; everything else is read as past and never ends after the anchor.
* Stamps are not events: a line that is only a dated stamp, or a dateline ("PARIS, Sept
  24, 2022 (AFP) - ..."), gives no row.
* Vague periods without bounds ("in recent months", "in the past") match no pattern and
  expressions that name no calendar day ("31 February", "29 February 2023") give no row.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date

from conflictbook.article import Article, Sentence
from conflictbook.extract.date_finder import LEX, DateExpr, DateMention, find_dates
from conflictbook.extract.date_gate import NO_ATOMS, date_atoms
from conflictbook.extract.date_resolver import InvalidDate, precision_of, resolve
from conflictbook.extract.date_story import Narrative, event_nouns, section_headings, story_precision, story_span
from conflictbook.lexicon import LexiconError, alternation, load_list
from conflictbook.records import Claim

__all__ = ["ResolvedDate", "article_dates", "resolve_text", "find_dates", "DateExpr", "DateMention"]


def _speech_verbs() -> list[str]:
    verbs = list(LEX["speech_verbs"])
    with contextlib.suppress(LexiconError, KeyError):  # the claims lexicon is optional here
        verbs += load_list("reporting", "clause")
    return verbs


SPEECH_RE = re.compile(rf"(?<![\w-])(?i:{alternation(_speech_verbs())})(?![\w-])")
DEADLINE_RE = re.compile(r"(?<![\w-])(?i:before|by)\s*$")
PAST_AUX_RE = re.compile(r"(?<![\w-])(?i:had|was|were|did)(?![\w-])")
FUTURE_RE = re.compile(rf"(?<![\w-])(?i:{alternation(LEX['future_cues'])})(?![\w-])")
# A modal before a plain verb looks ahead ("talks could begin in November"); lower case only (not the month
# May), and not before a perfect ("may have died in March") or a past inability ("could not reach").
MODAL_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(LEX['modal_cues'])})(?![\w-])"
                      rf"(?!\s+(?:not\s+|never\s+)?(?:have|'ve|been)\b)(?!(?<=could)\s+(?:not|never)\b)")
SPEECH_GAP_RE = re.compile(r"^[^.!?;“”\"]{0,60}$")
THAT_AFTER_RE = re.compile(r"\s*,?\s*that\s+", re.IGNORECASE)
GAP_STOP_RE = re.compile(rf"(?<![\w-])(?i:{alternation(LEX['speech_gap_stops'])})(?![\w-])")
MAX_SPEECH_GAP_WORDS = 6
CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s(?:and|but)\s")
CLAUSE_END_RE = re.compile(r"[;:]|\s(?:and|but)\s|[.!?](?:\s|$)")
HEDGE_WORDS = frozenset(w.lower() for w in LEX["hedge_words"])
STORY_KINDS = ("story", "storyp", "time")  # counted from the story's own day or period (date_story)
MAX_REPORTING_GAP_WORDS = 5
REPORTED_CLAUSE_RE = re.compile(rf"(?<![\w-])(?i:{alternation(LEX['reported_clause_words'])})(?![\w-])")
DAY_KINDS = ("weekday", "relday", "date")
QUOTE_MARKS = ("“", "”", '"')
QUOTE_MARK_RE = re.compile(f"[{''.join(QUOTE_MARKS)}]")
DATELINE_HEAD_RE = re.compile(r"^(?:[A-Z][\w.'’ -]{1,40},\s*){0,3}$")
DATELINE_TAIL_RE = re.compile(r"^\s*(?P<agency>\([^)]{1,40}\))?\s*(?:[-–—:|]|$)")


def is_stamp(text: str, mention: DateMention) -> bool:
    """Whether the date is a stamp, not an event: a line that is only a date, a dateline
    ("PARIS, Sept 24, 2022 (AFP) - ...") that gives when the story was filed, or a time opening
    a live page's entry ("11:20 GMT — ...", "16:40: ...") that gives when it was posted."""
    if mention.expr.kind == "time":  # "11:20 GMT — ...": the time a live page's entry was posted
        return mention.start == 0 and bool(DATELINE_TAIL_RE.match(text[mention.end:]))
    if mention.expr.kind != "date":
        return False
    head, tail = DATELINE_HEAD_RE.match(text[:mention.start]), DATELINE_TAIL_RE.match(text[mention.end:])
    if not head or not tail:
        return False
    return bool(mention.start > 0 or mention.expr.year is not None or tail.group("agency"))


@dataclass(frozen=True)
class ResolvedDate:
    """One date expression of an article: offsets in ``Article.text`` and its resolution."""

    start_offset: int
    end_offset: int
    text: str
    expr: DateExpr
    sentence: Sentence
    start: date | None
    end: date | None
    precision: str
    anchor: date | None
    quoted: bool = False


def resolve_text(text: str, published: date | None) -> list[tuple[str, date | None, date | None, str]]:
    """(when_text, start, end, precision) of each date in TEXT, anchored at PUBLISHED (for benchmarks)."""
    article = Article.build("text", text, published=published)
    return [(d.text, d.start, d.end, d.precision) for d in article_dates(article)]


def _is_future(text: str, mention: DateMention) -> bool:
    """A future cue among the eight words before the expression, within its clause ("will be issued on or
    around 19 June"; not "will meet, and the strike on 3 May").

    A deadline ("by the end of May") lies ahead unless its clause is past ("had been due by ...", "By the
    end of May, teams had lifted ..."). A date appended to a clause as a fragment of its own (", probably
    in December.") has the tense of the clause it is appended to.
    """
    clauses = CLAUSE_SPLIT_RE.split(text[max(0, mention.start - 160):mention.start])
    before = clauses[-1]
    if DEADLINE_RE.search(before) and mention.text.lower().startswith("the end of"):
        after = CLAUSE_END_RE.split(text[mention.end:], maxsplit=1)[0] if before.strip().lower() in (
            "by", "before") else ""  # a deadline opening its sentence: its clause follows it
        return not PAST_AUX_RE.search(before) and not PAST_AUX_RE.search(after)
    if len(clauses) > 1 and _appended_fragment(text, mention, before):
        before = clauses[-2]
    window = " ".join(before.split()[-8:])
    return bool(FUTURE_RE.search(window) or MODAL_RE.search(window))


def _appended_fragment(text: str, mention: DateMention, before: str) -> bool:
    """Whether the date closes its sentence in a clause holding nothing but hedges (", probably in December.")."""
    words = [w.lower() for w in before.split()]
    return all(w in HEDGE_WORDS for w in words) and not text[mention.end:].strip(" .!?”\"')")


def _mark_spans(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the quotations (between quotation marks)."""
    spans: list[tuple[int, int, int]] = []
    open_at: int | None = None
    paragraph, para_end = -1, 0
    for sent in article.sentences:
        if sent.headline:
            continue
        if sent.paragraph != paragraph:
            if open_at is not None:  # a quote left open runs to its paragraph's end
                spans.append((open_at, para_end, paragraph))
            open_at, paragraph = None, sent.paragraph
        para_end = sent.end
        if not _has_quote_mark(sent.text):
            continue
        for mark in QUOTE_MARK_RE.finditer(sent.text):
            ch = mark.group(0)
            if ch == "“" or (ch == '"' and open_at is None):
                open_at = sent.start + mark.start()
            elif open_at is not None:
                spans.append((open_at, sent.start + mark.end(), paragraph))
                open_at = None
    if open_at is not None:
        spans.append((open_at, para_end, paragraph))
    return spans


def _claim_spans(article: Article, claims: list[Claim]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the content spans of CLAIMS."""
    spans: list[tuple[int, int, int]] = []
    for claim in claims:
        if claim.span_start >= 0 and claim.span_end > claim.span_start:
            sent = article.sentence_at(claim.span_start)
            if sent is not None:
                spans.append((claim.span_start, claim.span_end, sent.paragraph))
    return spans


def _has_quote_mark(text: str) -> bool:
    """Whether TEXT holds a character of QUOTE_MARK_RE (substring tests: most sentences hold none)."""
    return any(mark in text for mark in QUOTE_MARKS)


def _inside(offset: int, spans: list[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    for span in spans:
        if span[0] <= offset < span[1]:
            return span
    return None


def _speech_anchors(article: Article, found: list[tuple[Sentence, DateMention, bool]],
                    quotes: list[tuple[int, int, int]], claims: list[Claim],
                    anchor: date | None) -> dict[int, date]:
    """{paragraph: day the quotes in it were said}, from day expressions beside speech verbs."""
    anchors: dict[int, date] = {}
    if anchor is None:
        return anchors
    cues = [(c.cue_start, c.cue_end) for c in claims if c.cue_start >= 0]
    for sent, mention, future in found:
        start = sent.start + mention.start
        if mention.expr.kind not in DAY_KINDS or _inside(start, quotes):
            continue
        if not any(q[2] == sent.paragraph for q in quotes):
            continue
        end = sent.start + mention.end
        if not (_near_cue(start, end, cues) or _near_speech_verb(sent, mention)):
            continue
        try:
            day, _, _ = resolve(mention.expr, anchor, future)
        except InvalidDate:
            continue
        if day is not None:
            anchors.setdefault(sent.paragraph, day)
    return anchors


def _claim_anchors(found: list[tuple[Sentence, DateMention, bool]], claims: list[Claim],
                   anchor: date | None) -> list[tuple[int, int, date]]:
    """(content start, content end, day said) of claims whose cue tells when (``Claim.said_when_start``)."""
    out: list[tuple[int, int, date]] = []
    if anchor is None:
        return out
    for claim in claims:
        said_at = getattr(claim, "said_when_start", -1)
        if said_at is None or said_at < 0 or claim.span_end <= claim.span_start:
            continue
        for sent, mention, future in found:
            if sent.start + mention.start <= said_at < sent.start + mention.end and mention.expr.kind in DAY_KINDS:
                try:
                    day = resolve(mention.expr, anchor, future)[0]
                except InvalidDate:
                    day = None
                if day is not None:
                    out.append((claim.span_start, claim.span_end, day))
                break
    return out


def _reported_anchors(found: list[tuple[Sentence, DateMention, bool]],
                      anchor: date | None) -> list[tuple[int, int, date]]:
    """(content start, content end, day said) of indirect speech "said on Tuesday that ...".

    The reported clause after "that" runs to the end of its sentence; its relative dates count
    from the day the words were said. Claims give these spans too; this reads the grammar alone.
    """
    out: list[tuple[int, int, date]] = []
    if anchor is None:
        return out
    for sent, mention, future in found:
        that = THAT_AFTER_RE.match(sent.text, mention.end)
        if mention.expr.kind not in DAY_KINDS or not that or not _near_speech_verb(sent, mention):
            continue
        if not any(v.end() <= mention.start for v in SPEECH_RE.finditer(sent.text)):
            continue  # the verb must come first: "said on Tuesday that"
        try:
            day, last, _ = resolve(mention.expr, anchor, future)
        except InvalidDate:
            continue
        if day is not None and day == last:
            out.append((sent.start + that.end(), sent.end, day))
    return out


def _near_cue(start: int, end: int, cues: list[tuple[int, int]]) -> bool:
    return any(-60 <= start - ce <= 60 or -60 <= cs - end <= 60 for cs, ce in cues)


def _near_speech_verb(sent: Sentence, mention: DateMention) -> bool:
    """A speech verb in the same clause as the date, with no quote or sentence break between."""
    text = sent.text
    for verb in SPEECH_RE.finditer(text):
        gap = text[verb.end():mention.start] if verb.end() <= mention.start else text[mention.end:verb.start()]
        if SPEECH_GAP_RE.match(gap) and len(gap.split()) <= MAX_SPEECH_GAP_WORDS and not GAP_STOP_RE.search(gap):
            return True
    return False


def article_dates(article: Article, claims: list[Claim] | None = None) -> list[ResolvedDate]:
    """Every dated expression of ARTICLE, resolved; quotes anchored to when they were said."""
    claims = claims or []
    anchor = article.publication_date
    found: list[tuple[Sentence, DateMention, bool]] = []
    for sent in article.sentences:
        atoms = date_atoms(sent.text, sent.words)
        if atoms == NO_ATOMS:
            continue
        for mention in find_dates(sent.text, atoms):
            if is_stamp(sent.text, mention):
                continue
            found.append((sent, mention, _is_future(sent.text, mention)))
    mark_spans = _mark_spans(article) if found else []
    quotes = mark_spans + _claim_spans(article, claims) if found else []   # quotations first, then claims
    marks = set(mark_spans)
    speech = _speech_anchors(article, found, quotes, claims, anchor)
    said = _claim_anchors(found, claims, anchor) + _reported_anchors(found, anchor)
    out: list[ResolvedDate] = []
    story = Narrative()
    events: dict[str, date] = {}  # nouns of events the article dated ("the exchange on Tuesday") -> their day
    headings = section_headings(article)
    for sent, mention, future in found:
        offset = sent.start + mention.start
        heading = sent.headline or sent.index in headings
        if mention.expr.kind in STORY_KINDS or (mention.expr.base and mention.expr.base.kind == "storyp"):
            if mention.expr.kind == "time" and (heading or future):
                continue  # a stamp ("16:40 GMT: Toll rises"), or a time on a day ahead that no word names
            span = story_span(mention.expr, story, sent, anchor, future, events, mention)
            if span is None:
                continue  # nothing to count from: not dated
            first, last, base = span
            quoted = _inside(offset, quotes) is not None
            out.append(ResolvedDate(offset, sent.start + mention.end, mention.text, mention.expr, sent, first,
                                    last, story_precision(mention.expr, first, last, precision_of(mention.expr)),
                                    base, quoted=quoted))
            if not heading and mention.expr.kind != "time" and not (mention.expr.kind == "story" and
                                                                     mention.expr.unit in ("week", "month")):
                story.note(mention.expr, first, last, precision_of(mention.expr), sent.paragraph, sent.index,
                           _reporting(sent, mention))
            continue
        quote = _inside(offset, quotes)
        told = [day for start, end, day in said if start <= offset < end]
        # The paragraph's speech day anchors its quotations; content a claim attributes without quotation
        # marks ("According to X, ...") keeps the publication day unless that claim has its own speech day.
        in_marks = quote is not None and quote in marks
        day_anchor = told[0] if told else speech.get(sent.paragraph, anchor) if in_marks else anchor
        try:
            start, end, precision = resolve(mention.expr, day_anchor, future)
        except InvalidDate:
            continue
        out.append(ResolvedDate(offset, sent.start + mention.end, mention.text, mention.expr, sent,
                                start, end, precision, day_anchor, quoted=quote is not None))
        if not heading:
            story.note(mention.expr, start, end, precision, sent.paragraph, sent.index, _reporting(sent, mention))
            if start is not None and start == end:
                events.update(dict.fromkeys(event_nouns(sent.text, mention), start))
    return out


def _reporting(sent: Sentence, mention: DateMention) -> bool:
    """Whether the date is when words were said ("claimed the next day that", "told reporters on Tuesday",
    "The ministry on Thursday said"): a speech verb just before it, or just after it with no comma between
    (after a comma the date belongs to the clause before: "killed 11 late on Monday, officials said")."""
    text = sent.text
    for verb in SPEECH_RE.finditer(text):
        if verb.end() <= mention.start:
            gap = text[verb.end():mention.start]
        elif verb.start() >= mention.end:
            gap = text[mention.end:verb.start()]
        else:
            continue
        if "," in gap or not SPEECH_GAP_RE.match(gap) or len(gap.split()) > MAX_REPORTING_GAP_WORDS:
            continue
        if not GAP_STOP_RE.search(gap) and not REPORTED_CLAUSE_RE.search(gap):
            return True
    return False

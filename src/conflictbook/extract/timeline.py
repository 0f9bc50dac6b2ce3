"""Dated events: one row per date expression, with a short clause of what happened, who and where.

Dates come from ``conflictbook.extract.dates`` (found, anchored, resolved). Each row is
described from its sentence only, with cheap rules that hold for any article:

* ``what``: the clause around the date (between clause punctuation and quotation marks),
  without the date itself, cut to at most twelve words nearest the date;
* ``actors``: actor names in the sentence via the gazetteer (canonical, "; "-joined);
* ``location``: the capitalised name after in/at/near/from/outside nearest the date, or
  else a country of ``lexicon/places.yml`` named in the sentence;
* ``source``: the speaker of the claim whose content span holds the date, else the outlet.
"""

from __future__ import annotations

import re

from conflictbook.actors import countries_in, find_actors
from conflictbook.article import Article
from conflictbook.extract.date_finder import find_dates
from conflictbook.extract.dates import ResolvedDate, article_dates
from conflictbook.lexicon import alternation, load, load_list
from conflictbook.records import Claim, TimelineEvent

MAX_WHAT_WORDS = 12
_DATES = load("dates")
DANGLING_RE = re.compile(rf"(?<![\w-])(?i:{alternation(_DATES['year_cues'] + _DATES['lead_prepositions'])})\s+$")
RELATIVE_PRONOUNS = {"which", "who", "whom", "whose", "where", "that", "when"}
POSSESSIVE_END_RE = re.compile(r"['’]s?$")
POSSESSIVE_RE = re.compile(r"^['’]s\b|(?<=\s)['’]s\b")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
_COUNTRIES = load_list("places", "countries")
_NOT_PLACES = set(load("dates")["months"]) | set(load("dates")["weekdays"]) | {"The", "A", "An", "This", "That"}
PLACE_RE = re.compile(
    r"(?<![\w-])(?:in|at|near|from|outside|around|inside|into)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'-]*)(?:\s+(?:of\s+|al-|el-)?[A-Z][\w’'-]*){0,3}(?:\s+\d{1,3}(?![\d,.]?\d))?)")
COUNTRY_RE = re.compile(rf"(?<![\w-])(?:{alternation(_COUNTRIES, lower=False)})(?![\w-])")


def extract_timeline(article: Article, claims: list[Claim]) -> list[TimelineEvent]:
    """Dated events in ARTICLE; CLAIMS tell who asserts each sentence."""
    dates = article_dates(article, claims)
    if not dates:
        return []
    countries = countries_in(article.text)
    spans: dict[int, list[tuple[int, int]]] = {}
    for found in dates:
        spans.setdefault(found.sentence.index, []).append(
            (found.start_offset - found.sentence.start, found.end_offset - found.sentence.start))
    actors: dict[int, str] = {}
    events = []
    for n, found in enumerate(dates, start=1):
        sent = found.sentence
        if sent.index not in actors:
            actors[sent.index] = actors_in(sent.text, countries)
        start, end = found.start_offset - sent.start, found.end_offset - sent.start
        events.append(TimelineEvent(
            article_id=article.article_id, event_id=f"{article.article_id}-t{n}",
            start=found.start, end=found.end, precision=found.precision, when_text=found.text,
            what=describe(sent.text, start, end, spans[sent.index]),
            actors=actors[sent.index], location=location_in(sent.text, start),
            source=source_of(found, claims, article), evidence=sent.evidence,
            span_start=found.start_offset, span_end=found.end_offset, sentence=sent.index))
    return events


def describe(text: str, start: int, end: int, date_spans: list[tuple[int, int]] | None = None) -> str:
    """The clause holding TEXT[start:end], without the date, at most MAX_WHAT_WORDS words nearest it.

    A clause too short to say anything ("On 2015, ...", "The army, which ..., withdrew on 3
    March") borrows the next clause when the date opens its own, else the previous clause
    that is not a relative clause. DATE_SPANS (found again when not given) are left out.
    """
    if date_spans is None:
        date_spans = [(m.start, m.end) for m in find_dates(text)]
    for s, e in date_spans:  # blank the dates and a preposition left before them, keeping offsets
        lead = DANGLING_RE.search(text, max(0, s - 12), s)
        s = lead.start() if lead else s
        text = text[:s] + " " * (e - s) + text[e:]
    left, right = _clause_start(text, start), _clause_end(text, end)
    before, after = _words(text[left:start]), _words(text[end:right])
    if not before and not after and right < len(text):  # a date opening its clause dates the next one
        after = _words(text[right + 1:_clause_end(text, right + 1)])
    probe = left
    while len(before) + len(after) < 3 and probe > 0:
        prev = _clause_start(text, probe - 1)
        words = _words(text[prev:probe - 1])
        probe = prev
        if words and words[0].lower() not in RELATIVE_PRONOUNS:
            before = words + before
    keep_after = min(len(after), max(MAX_WHAT_WORDS - len(before), MAX_WHAT_WORDS // 2))
    keep_before = min(len(before), MAX_WHAT_WORDS - keep_after)
    words = before[len(before) - keep_before:] + after[:keep_after]
    return " ".join(words).strip(" ,.;:“”\"").strip()


def _words(fragment: str) -> list[str]:
    """Words of FRAGMENT without punctuation-only tokens or possessive ends."""
    fragment = POSSESSIVE_RE.sub(" ", fragment)
    return [w for w in fragment.split() if any(c.isalnum() for c in w)]


def _clause_start(text: str, start: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)]
    return breaks[-1] if breaks else 0


def _clause_end(text: str, end: int) -> int:
    m = CLAUSE_BREAK.search(text, end)
    return m.start() if m else len(text)


def actors_in(text: str, countries: set[str]) -> str:
    names: list[str] = []
    for mention in find_actors(text, countries):
        if _lowercase_acronym(mention):
            continue
        if mention.actor.name not in names:
            names.append(mention.actor.name)
    return "; ".join(names)


def _lowercase_acronym(mention) -> bool:
    """'is' is not the acronym IS: an all-capitals alias only counts when written in capitals."""
    surface = mention.surface
    return not surface.isupper() and any(a.isupper() and a.lower() == surface.lower() for a in mention.actor.aliases)


def location_in(text: str, date_start: int) -> str:
    """The place named nearest the date: a capitalised name after a place preposition, else a country."""
    best, best_distance = "", None
    for m in PLACE_RE.finditer(text):
        name = _trim_place(m.group(1))
        if not name:
            continue
        distance = abs(m.start() - date_start)
        if best_distance is None or distance < best_distance:
            best, best_distance = name, distance
    if best:
        return best
    m = COUNTRY_RE.search(text)
    return m.group(0) if m else ""


def _trim_place(name: str) -> str:
    words = [POSSESSIVE_END_RE.sub("", w) for w in name.split()]
    while words and (words[0] in _NOT_PLACES or words[0].rstrip("’'s") in _NOT_PLACES):
        words.pop(0)
    while words and words[-1] in _NOT_PLACES:
        words.pop()
    return " ".join(words) if words and words[0][:1].isupper() else ""


def source_of(found: ResolvedDate, claims: list[Claim], article: Article) -> str:
    for claim in claims:
        if claim.speaker and claim.span_start <= found.start_offset < claim.span_end:
            return claim.speaker
    return article.outlet_or_default

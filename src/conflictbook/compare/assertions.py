"""Assertions: one source saying one thing happened, built from claims, tallies and the timeline.

Why: comparison works on who asserts what, not on table rows. A claim can hold several
assertions (a quote naming a relocation, a death toll and a capture), a tally is an
assertion with a number, and a tally found inside a claim is the same assertion (it
gets the claim's clause and the tally's figure). Narrator statements reach the
comparison through the tallies (the article's own figures) and through the sentence a
denial refers back to (``Claim.about``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache

from conflictbook.actors import countries_in, find_actors
from conflictbook.article import split_sentences
from conflictbook.compare.actions import Action, find_actions, is_counted, lexicon, place_key, victim_class
from conflictbook.lexicon import load, load_list
from conflictbook.records import ArticleResult, Claim, Tally

POSITION_LIMIT = 240


@dataclass
class Assertion:
    """One source's statement about one action."""

    article_id: str
    outlet: str
    published: date | None
    source: str
    narrator: bool
    action: str
    negated: bool
    position: str
    evidence: str
    order: tuple[int, int, int]
    destinations: frozenset[str] = frozenset()
    destination_text: str = ""
    agent: str = ""
    patient: str = ""
    victims: str = ""
    counted: bool = False
    category: str = ""
    low: int | None = None
    best: int | None = None
    high: int | None = None
    status: str = ""
    date: date | None = None
    location: str = ""
    about: int = -1                  # >= 0: belongs to the denial topic of this claim order
    places: frozenset[str] = frozenset()   # place words of the event (the tally's location)
    countries: frozenset[str] = frozenset()  # countries its article names: two wars are two events
    vague: bool = False              # a denial whose action word the comparison cannot read ("harmed")
    tallies: list[Tally] = field(default_factory=list)


_NORM_TABLE = str.maketrans({**{c: "'" for c in "\u2018\u2019\u201a\u201b"},
                             **{c: None for c in "\u201c\u201d\u201e\u201f\"\u00ab\u00bb"},
                             **{chr(c): "-" for c in range(0x2010, 0x2016)}, "\u2212": "-"})


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Lower case, ASCII quotes and dashes, no quote marks, collapsed spaces (for containment tests).

    Memoised: the same positions and evidence sentences are compared against every tally of an article."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_NORM_TABLE).lower().split())


@cache
def _country_names() -> re.Pattern:
    names = sorted(load_list("places", "countries"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@cache
def _country_aliases() -> dict[str, str]:
    return {str(k): str(v) for k, v in (load("places").get("country_aliases") or {}).items()}


def named_countries(text: str, known: set[str] | None = None) -> frozenset[str]:
    """Countries TEXT names (``lexicon/places.yml``) or names actors of (the gazetteer), one name each.
    KNOWN: the gazetteer's countries of TEXT when already looked up."""
    aliases = _country_aliases()
    found = set(countries_in(text) if known is None else known) | {m.group() for m in _country_names().finditer(text)}
    return frozenset(aliases.get(name, name) for name in found)


def _day(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _agent(phrase: str, countries: set[str]) -> str:
    """The gazetteer actor a phrase names, else a capitalised name in it, else ''."""
    if not phrase:
        return ""
    found = find_actors(phrase, countries)
    if found:
        return found[0].actor.name
    words = phrase.split()
    while words and words[0].lower() in ("the", "a", "an", "its", "their"):
        words = words[1:]
    run = []
    for word in words:
        if not (word[:1].isupper() or (run and word in ("of", "for", "and"))):
            break
        run.append(word)
    words = run[:6]
    if words and words[0][:1].isupper() and \
            words[0].lower() not in load("speakers")["pronouns_plural"] + load("speakers")["pronouns_singular"] \
            + ["the", "a", "an", "more", "some", "several", "two", "three"]:
        return " ".join(words).strip(",.")
    return ""


def _from_action(result: ArticleResult, index: int, act: Action, source: str, narrator: bool, evidence: str,
                 sentence: int, negate: bool, countries: set[str]) -> Assertion:
    article = result.article
    position = act.window if len(act.window) <= POSITION_LIMIT else act.window[:POSITION_LIMIT - 1] + "\u2026"
    return Assertion(
        article_id=article.article_id, outlet=article.outlet or "article", published=_day(article.published),
        source=source, narrator=narrator, action=act.action, negated=act.negated != negate, position=position,
        evidence=evidence, order=(index, sentence, act.start), destinations=act.destinations,
        destination_text=act.destination_text, agent=_agent(act.agent, countries), patient=act.patient,
        victims=victim_class(act.patient), counted=is_counted(act.patient),
    )


def _continues_move(previous: Assertion, item: Assertion) -> bool:
    """ "took them to X before moving them to Y", "were bused out and driven to Y": one movement."""
    pronouns = {"them", "him", "her", "it", "those", ""}
    return previous.action == item.action == "move" and item.patient.lower() in pronouns and \
        (bool(previous.destinations) or bool(item.destinations))


def _claim_pieces(claim: Claim) -> list[tuple[str, str]]:
    """(text, evidence) per sentence of a claim's content; the cue sentence is the evidence where it holds it."""
    pieces = []
    evidence = norm(claim.evidence)
    for sent in split_sentences(claim.text):
        piece = sent.text
        pieces.append((piece, claim.evidence if norm(piece).rstrip(".") in evidence else piece))
    return pieces


def _denies(claim: Claim) -> bool:
    denial = {w.lower() for w in load("reporting")["denial"]}
    return claim.cue.split()[0].lower() in denial if claim.cue else False


ORDER_STRIDE = 100000    # "about" keys of two articles never meet: the article's index times this


def placed(items: list[Assertion], index: int) -> list[Assertion]:
    """ITEMS, made for the article at index 0, moved to the article at INDEX of a run (in place)."""
    if index:
        for item in items:
            item.order = (index, *item.order[1:])
            if item.about >= 0:
                item.about += index * ORDER_STRIDE
    return items


def article_assertions(result: ArticleResult, index: int) -> list[Assertion]:
    """Every assertion of one article: claim clauses, tallies (merged into them where they sit), denials."""
    blob = " ".join([c.evidence for c in result.claims] + [t.evidence for t in result.tallies])
    countries = countries_in(blob)
    out: list[Assertion] = []
    for claim in result.claims:
        if claim.about_sentence >= 0:
            out.extend(_about_pair(result, index, claim))
            continue
        negate = _denies(claim)
        denial = _responsibility_denial(result, index, claim) if negate else None
        if denial is not None:
            out.append(denial)
            continue
        for piece, evidence in _claim_pieces(claim):
            previous: Assertion | None = None
            for act in find_actions(piece):
                if act.action == "blame" and _denies(claim):
                    continue
                item = _from_action(result, index, act, claim.speaker, False, evidence, claim.sentence, negate,
                                    countries)
                if previous is not None and _continues_move(previous, item):
                    previous.destinations |= item.destinations
                    previous.destination_text = previous.destination_text or item.destination_text
                    previous.position = f"{previous.position} {item.position}"[:POSITION_LIMIT]
                    continue
                out.append(item)
                previous = item
    for tally in result.tallies:
        _attach_tally(result, index, tally, out, countries)
    _date_from_timeline(result, out)
    named = named_countries(f"{result.article.title} {blob}", countries | countries_in(result.article.title))
    for item in out:        # the event's place as the tallies give it (names elsewhere in a sentence are too loose)
        item.places = place_key(item.location) if item.location else frozenset()
        item.countries = named
    out.sort(key=lambda a: a.order)
    return out



def _responsibility_denial(result: ArticleResult, index: int, claim: Claim) -> Assertion | None:
    """ "X denied any role in the attack": X denies being the agent of that attack."""
    nouns = "|".join(re.escape(n) for n in lexicon()["responsibility_denials"])
    found = re.search(rf"\b(?:any|all|its|their|his|her)?\s*(?:{nouns})\s+(?:in|for)\s+(?P<what>.+)$", claim.text,
                      re.IGNORECASE)
    if not found:
        return None
    article = result.article
    return Assertion(article_id=article.article_id, outlet=article.outlet or "article",
                     published=_day(article.published), source=claim.speaker, narrator=False, action="blame",
                     negated=True, position=f"{claim.speaker}: {claim.text}", evidence=claim.evidence,
                     order=(index, claim.sentence, 0), agent=claim.speaker, patient=found.group("what"))


def _about_pair(result: ArticleResult, index: int, claim: Claim) -> list[Assertion]:
    """A bare denial ("X denied its involvement") and the sentence it denies, as an affirm/deny pair."""
    article = result.article
    outlet = article.outlet or "article"
    asserted_by = next((c.speaker for c in result.claims if claim.about_sentence in c.sentences and c is not claim),
                       outlet)
    common = dict(article_id=article.article_id, outlet=outlet, published=_day(article.published),
                  action="involvement", agent=claim.speaker, about=claim.sentence + index * ORDER_STRIDE)
    return [
        Assertion(source=asserted_by, narrator=asserted_by == outlet, negated=False, position=claim.about,
                  evidence=claim.about, order=(index, claim.about_sentence, 0), **common),
        Assertion(source=claim.speaker, narrator=False, negated=True, position=f"{claim.speaker}: {claim.text}",
                  evidence=claim.evidence, order=(index, claim.sentence, 0), **common),
    ]


def _attach_tally(result: ArticleResult, index: int, tally: Tally, out: list[Assertion], countries: set[str]) -> None:
    """Give a tally's figure to the assertion that holds it, or make it an assertion of its own."""
    categories = lexicon()["categories"]
    action = categories.get(tally.category, tally.category)
    quantity = norm(tally.quantity_text)
    evidence = norm(tally.evidence)
    target = None
    for cand in out:
        if cand.article_id != result.article.article_id or cand.about >= 0 or \
                (tally.source and norm(cand.source) != norm(tally.source)):
            continue
        piece = norm(cand.position)
        if quantity and quantity in piece and (norm(cand.evidence) in evidence or piece in evidence) and \
                not cand.tallies:   # a clause with two counts ("received 44 soldiers while releasing 60") is two
            target = cand
            break
    if target is None:
        acts = [a for a in find_actions(tally.evidence) if quantity and quantity in norm(a.window)]
        act = next((a for a in acts if a.action == action), None)
        narrator = tally.source in ("", result.article.outlet, "article")
        if act is not None:
            target = _from_action(result, index, act, tally.source or result.article.outlet or "article", narrator,
                                  tally.evidence, tally.sentence, False, countries)
        else:
            article = result.article
            vague = tally.status == "denied"
            target = Assertion(article_id=article.article_id, outlet=article.outlet or "article",
                               published=_day(article.published), source=tally.source or article.outlet or "article",
                               narrator=narrator, action=action, negated=False,
                               position=_clause_around(tally.evidence, tally.quantity_text),
                               evidence=tally.evidence, order=(index, tally.sentence, max(tally.span_start, 0)),
                               patient=tally.quantity_text, vague=vague)
        out.append(target)
    target.action = action if target.action != "move" or action == "move" else target.action
    target.tallies.append(tally)
    target.category = tally.category
    target.counted = True
    target.low, target.best, target.high = tally.low, tally.best, tally.high
    target.status = tally.status
    target.negated = (target.negated or tally.status == "denied") and not target.vague
    if tally.date_precision in ("", "day"):  # a month's or a week's first day is no day to match events on
        target.date = target.date or tally.date
    target.location = target.location or tally.location
    target.victims = target.victims or victim_class(tally.victims or tally.quantity_text)
    if tally.perpetrator and not target.agent:
        target.agent = _agent(tally.perpetrator, countries)


def _clause_around(sentence: str, quantity: str) -> str:
    """The clause of SENTENCE that holds QUANTITY (between commas, semicolons or "and")."""
    at = sentence.find(quantity)
    if at < 0:
        return quantity
    starts = [m.end() for m in re.finditer(r"[,;:]\s+|\s+and\s+", sentence[:at])]
    end = re.search(r"[,;:.]\s|\s+and\s+|[.]$", sentence[at + len(quantity):])
    stop = at + len(quantity) + (end.start() if end else len(sentence))
    return sentence[starts[-1] if starts else 0:stop].strip()[:POSITION_LIMIT]


def _date_from_timeline(result: ArticleResult, out: list[Assertion]) -> None:
    """An assertion whose sentence dates one event to the day takes that day."""
    for event in result.timeline:
        if event.precision not in ("day", "hour") or event.start is None:
            continue
        evidence = norm(event.evidence)
        for item in out:
            if item.date is None and norm(item.position) in evidence:
                item.date = _day(event.start)

"""Actor gazetteer: map surface names ("regime forces", "Syrian army") to one canonical actor.

The gazetteer is data (``data/actors.yml``, or the file named by ``CONFLICTBOOK_ACTORS``).
Aliases match on whole words, case-insensitively, except acronyms written in capitals
("IS", "PDF", "RSF"), which match only in capitals: the verb "is" is never the Islamic
State and "pdf" is never the People's Defense Force. Specific aliases always match;
``generic`` aliases ("the regime", "the army") match an
actor only when the article names that actor's country (as a name or an alias of one of
its actors), so "regime forces" means the Syrian government in a Syria story and the
junta in a Myanmar story. Unknown names are left as they are written, never guessed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from conflictbook.wordscan import (
    WORD,
    PhraseMatcher,
    alias_starts,
    all_ascii,
    first_char_pattern,
    lowered,
    sub_patterns,
    word_pattern,
)

DEFAULT_GAZETTEER = Path(__file__).resolve().parents[2] / "data" / "actors.yml"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    country: str
    aliases: tuple[str, ...]
    generic: tuple[str, ...]


@dataclass(frozen=True)
class ActorMention:
    actor: Actor
    surface: str
    start: int
    end: int


def gazetteer_path() -> Path:
    return Path(os.environ.get("CONFLICTBOOK_ACTORS", DEFAULT_GAZETTEER))


@cache
def load_gazetteer(path: str | None = None) -> tuple[Actor, ...]:
    """Actors from the gazetteer file; an absent default file gives an empty gazetteer."""
    file = Path(path) if path else gazetteer_path()
    if not file.is_file():
        if path or "CONFLICTBOOK_ACTORS" in os.environ:
            raise FileNotFoundError(f"actor gazetteer not found: {file}")
        return ()
    doc = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    actors = []
    for entry in doc.get("actors", []):
        actors.append(Actor(
            name=str(entry["name"]), kind=str(entry.get("kind", "")), country=str(entry.get("country", "")),
            aliases=tuple(str(a) for a in entry.get("aliases", []) or []) + (str(entry["name"]),),
            generic=tuple(str(a) for a in entry.get("generic", []) or []),
        ))
    return tuple(actors)


def is_acronym(alias: str) -> bool:
    """An alias written in capitals (digits and punctuation allowed): matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _Index:
    """Compiled alias patterns: one case-insensitive for names, one case-sensitive for acronyms."""

    names: re.Pattern | None
    acronyms: re.Pattern | None
    lookup: dict[str, Actor]
    name_starts: frozenset[str] | None = None
    acronym_starts: frozenset[str] | None = None
    name_groups: dict[str, tuple[str, ...]] | None = None
    acronym_groups: dict[str, tuple[str, ...]] | None = None
    name_matcher: PhraseMatcher | None = None
    acronym_matcher: PhraseMatcher | None = None
    generic: tuple[tuple[Actor, PhraseMatcher], ...] = ()   # actors with generic aliases, in gazetteer order
    countries: tuple[str, ...] = ()                           # the actors' countries, sorted

    def finditer(self, text: str, runs: list[str] | None = None, low: set[str] | None = None):
        """Non-overlapping alias matches, longest first where two overlap. RUNS: ``WORD.findall(text)``,
        LOW: ``lowered(runs)`` when its words are all ASCII (None otherwise), when known."""
        found = []
        if runs is None:                   # once for both matchers: they drop aliases not in the text
            runs = WORD.findall(text)
            low = lowered(runs) if all_ascii(runs) else None
        if self.name_matcher:
            found.extend(self.name_matcher.finditer(text, low or set(), low is not None))
        if self.acronym_matcher:
            found.extend(self.acronym_matcher.finditer(text, set(runs), low is not None))
        found.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
        end = -1
        for match in found:
            if match.start() >= end:
                yield match
                end = match.end()

    def actor(self, surface: str) -> Actor | None:
        return self.lookup.get(surface if is_acronym(surface) else _key(surface)) or self.lookup.get(_key(surface))


@cache
def _specific_index(actors: tuple[Actor, ...]) -> _Index:
    lookup: dict[str, Actor] = {}
    names, acronyms = [], []
    for actor in actors:
        for alias in actor.aliases:
            if is_acronym(alias):
                lookup.setdefault(alias, actor)
                acronyms.append(alias)
            else:
                lookup.setdefault(_key(alias), actor)
                names.append(alias)
    return _Index(word_pattern(names), word_pattern(acronyms, case_sensitive=True), lookup,
                  alias_starts(names, fold=True), alias_starts(acronyms, fold=False),
                  sub_patterns(names, fold=True), sub_patterns(acronyms, fold=False),
                  PhraseMatcher(names) if names else None,
                  PhraseMatcher(acronyms, case_sensitive=True) if acronyms else None,
                  tuple((actor, PhraseMatcher(list(actor.generic))) for actor in actors if actor.generic),
                  tuple(sorted({a.country for a in actors if a.country})))


def lookup_aliases(actors: tuple[Actor, ...]):
    for actor in actors:
        yield from actor.aliases


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


_COUNTRY_KEYS: dict[re.Pattern, dict[str, str]] = {}


@cache
def _country_pattern(countries: tuple[str, ...]) -> re.Pattern | None:
    """Country names as written (a prefix match, so "Syria" also finds "Syrian")."""
    if not countries:
        return None
    pattern = _country_alternation(countries)
    _COUNTRY_KEYS[pattern] = {c.lower(): c for c in countries}
    return pattern


@lru_cache(maxsize=256)
def _country_alternation(countries: tuple[str, ...]) -> re.Pattern:
    """The prefix pattern of COUNTRIES, longest first (bounded cache: also built for the few an article names)."""
    body = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


def _country_named(surface: str, keys: dict[str, str]) -> str:
    """The country whose name matched as SURFACE. Not always ``keys[surface.lower()]``: the regex engine
    folds case per character, so "\u017fyria" (a long s) matched "Syria" and was a KeyError that lost the
    article."""
    country = keys.get(surface.lower())
    if country is None:
        country = next(c for c in keys.values() if re.fullmatch(re.escape(c), surface, re.IGNORECASE))
    return country


@lru_cache(maxsize=256)
def _named_countries_pattern(countries: tuple[str, ...]) -> re.Pattern:
    """``_country_alternation(countries)`` for a text of ASCII words, in the form the engine scans fast."""
    ordered = tuple(sorted(countries, key=len, reverse=True))
    return first_char_pattern(ordered, [re.escape(c) for c in ordered], False, before=r"\w", after="") or \
        _country_alternation(countries)


def countries_in(text: str, actors: tuple[Actor, ...] | None = None) -> set[str]:
    """Countries an article is about: those named, and those of actors it names specifically."""
    if actors is None:
        return set(_countries_in_gazetteer(text, id(load_gazetteer())))
    return set(_countries_in(text, actors))


@lru_cache(maxsize=8)
def _countries_in_gazetteer(text: str, gazetteer: int) -> frozenset[str]:
    """``_countries_in`` with the gazetteer (GAZETTEER: its id), memoised without hashing its actors at every
    call (that cost more than the look-up saves)."""
    return _find_countries(text, _gazetteer_index())


@lru_cache(maxsize=8)
def _countries_in(text: str, actors: tuple[Actor, ...]) -> frozenset[str]:
    """Memoised: the timeline and the tallies both ask for the countries of the same article text."""
    return _find_countries(text, _specific_index(actors))


def _find_countries(text: str, index: _Index) -> frozenset[str]:
    found = set()
    countries = index.countries
    pattern = _country_pattern(countries)
    runs = WORD.findall(text)
    plain = all_ascii(runs)
    if pattern:
        keys = _COUNTRY_KEYS[pattern]
        if plain:
            # Every letter of the text is ASCII, so a country matches only where its lower-cased name is a
            # substring of the lower-cased text: the others are dropped from the pattern (same matches).
            low = text.lower()
            named = tuple(c for c in countries if c.lower() in low)
            pattern = _named_countries_pattern(named) if named else None
        if pattern:
            found.update(_country_named(m.group(0), keys) for m in pattern.finditer(text))
    for match in index.finditer(text, runs, lowered(runs) if plain else None):
        actor = index.actor(match.group(0))
        if actor and actor.country:
            found.add(actor.country)
    return frozenset(found)


def find_actors(text: str, countries: set[str] | None = None, offset: int = 0) -> list[ActorMention]:
    """Actor mentions in TEXT, longest match first; generic aliases only for COUNTRIES' actors."""
    mentions: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    index = _gazetteer_index()
    runs = WORD.findall(text)
    low = lowered(runs) if all_ascii(runs) else None        # once for all the matchers
    for match in index.finditer(text, runs, low):
        actor = index.actor(match.group(0))
        if actor is None:
            continue
        mentions.append(ActorMention(actor, match.group(0), offset + match.start(), offset + match.end()))
        taken.append(match.span())
    for actor, matcher in index.generic if countries else ():
        if actor.country not in countries:
            continue
        for match in matcher.finditer(text, low or set(), low is not None):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mentions.append(ActorMention(actor, match.group(0), offset + match.start(), offset + match.end()))
            taken.append(match.span())
    return sorted(mentions, key=lambda m: m.start)


_HELD_INDEX: list = [None, None]       # [the gazetteer, its index]


def _gazetteer_index() -> _Index:
    """``_specific_index(load_gazetteer())`` without hashing the gazetteer's actors at every call."""
    actors = load_gazetteer()
    if _HELD_INDEX[0] is not actors:
        _HELD_INDEX[:] = [actors, _specific_index(actors)]
    return _HELD_INDEX[1]


def canonical(name: str, countries: set[str] | None = None) -> str:
    """The canonical actor for NAME when the gazetteer knows it, else NAME as written."""
    found = find_actors(name, countries)
    return found[0].actor.name if found else name

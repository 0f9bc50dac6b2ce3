"""Actor gazetteer: map surface names ("regime forces", "Syrian army") to one canonical actor.

The gazetteer is data (``data/actors.yml``, or the file named by ``CONFLICTBOOK_ACTORS``).
Specific aliases always match; ``generic`` aliases ("the regime", "the army") match an
actor only when the article names that actor's country (as a name or an alias of one of
its actors), so "regime forces" means the Syrian government in a Syria story and the
junta in a Myanmar story. Unknown names are left as they are written, never guessed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

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


def _pattern(aliases: list[str]) -> re.Pattern | None:
    if not aliases:
        return None
    ordered = sorted(set(aliases), key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for a in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def _specific_index(actors: tuple[Actor, ...]) -> tuple[re.Pattern | None, dict[str, Actor]]:
    lookup = {}
    for actor in actors:
        for alias in actor.aliases:
            lookup.setdefault(_key(alias), actor)
    return _pattern(list(lookup_aliases(actors))), lookup


def lookup_aliases(actors: tuple[Actor, ...]):
    for actor in actors:
        yield from actor.aliases


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def countries_in(text: str, actors: tuple[Actor, ...] | None = None) -> set[str]:
    """Countries an article is about: those named, and those of actors it names specifically."""
    actors = load_gazetteer() if actors is None else actors
    found = set()
    for actor in actors:
        if actor.country and re.search(rf"(?<!\w){re.escape(actor.country)}", text, re.IGNORECASE):
            found.add(actor.country)
    pattern, lookup = _specific_index(actors)
    if pattern:
        for match in pattern.finditer(text):
            actor = lookup.get(_key(match.group(0)))
            if actor and actor.country:
                found.add(actor.country)
    return found


def find_actors(text: str, countries: set[str] | None = None, offset: int = 0) -> list[ActorMention]:
    """Actor mentions in TEXT, longest match first; generic aliases only for COUNTRIES' actors."""
    actors = load_gazetteer()
    mentions: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    pattern, lookup = _specific_index(actors)
    if pattern:
        for match in pattern.finditer(text):
            mentions.append(ActorMention(lookup[_key(match.group(0))], match.group(0),
                                         offset + match.start(), offset + match.end()))
            taken.append(match.span())
    for actor in actors:
        if not actor.generic or not countries or actor.country not in countries:
            continue
        generic = _pattern(list(actor.generic))
        for match in generic.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mentions.append(ActorMention(actor, match.group(0), offset + match.start(), offset + match.end()))
            taken.append(match.span())
    return sorted(mentions, key=lambda m: m.start)


def canonical(name: str, countries: set[str] | None = None) -> str:
    """The canonical actor for NAME when the gazetteer knows it, else NAME as written."""
    found = find_actors(name, countries)
    return found[0].actor.name if found else name

"""Topics: assertions that answer one question, grouped within and across articles.

Why: a question ("were commanders moved to X?", "how many were captured?", "who killed
them?") is the unit analysts compare sources on. Four kinds of topic, tried in this order
for each assertion:

* ``involvement`` — a bare denial and the sentence it denies (``Claim.about``);
* ``move`` — movements to a destination, grouped when destinations share a place word;
* ``count`` — counted people of one tally category and compatible victims, perpetrator,
  date and place;
* ``responsibility`` — who did a killing (an agent the actor gazetteer knows), grouped
  by compatible victims and date (an assertion can be in a count and a responsibility topic).

Across articles an assertion only meets topics in its date block (event date, else the
publication date, in windows of ``event_window_days`` / ``publication_window_days``), so
a corpus is never compared pair by pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from conflictbook.compare.actions import lexicon
from conflictbook.compare.assertions import Assertion

RESPONSIBILITY_ACTIONS = ("kill", "blame", "injure", "abduct")


@dataclass
class Topic:
    kind: str
    action: str
    members: list[Assertion] = field(default_factory=list)
    key: object = None
    number: int = -1
    # running summaries, so event checks do not walk every member
    first_date: date | None = None
    last_date: date | None = None
    first_pub: date | None = None
    last_pub: date | None = None
    places: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)
    agent_names: set[str] = field(default_factory=set)
    victim_class: str = ""

    @property
    def first(self) -> Assertion:
        return self.members[0]

    def take(self, item: Assertion) -> None:
        self.members.append(item)
        if item.date:
            self.first_date = min(filter(None, (self.first_date, item.date)))
            self.last_date = max(filter(None, (self.last_date, item.date)))
        if item.published:
            self.first_pub = min(filter(None, (self.first_pub, item.published)))
            self.last_pub = max(filter(None, (self.last_pub, item.published)))
        if item.location:
            self.places.add(item.location.lower())
        self.place_words |= item.places
        self.countries |= item.countries
        if item.agent:
            self.agent_names.add(item.agent)
        if item.victims and (not self.victim_class or (
                self.victim_class == "combatants" and item.victims in lexicon()["combatant_sides"])):
            self.victim_class = item.victims      # "members" first, then "soldiers": the topic is about soldiers
        self.article_ids.add(item.article_id)

    def victims(self) -> str:
        return self.victim_class

    def agents(self) -> set[str]:
        return self.agent_names

    def articles(self) -> set[str]:
        return self.article_ids


def _day_gap(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def _same_event(topic: Topic, item: Assertion) -> bool:
    """Event compatibility: same article, or dates (event, else publication) within the window, same place."""
    windows = lexicon()
    event_days, pub_days = int(windows["event_window_days"]), int(windows["publication_window_days"])
    for bound in (topic.first_date, topic.last_date):
        gap = _day_gap(bound, item.date)
        if gap is not None and gap > event_days:
            return False
    if item.article_id in topic.article_ids:
        return True
    if topic.place_words and item.places and not topic.place_words & item.places:
        return False                       # two outlets, two places: two events
    if topic.countries and item.countries and not topic.countries & item.countries:
        return False                       # articles about different countries: different wars
    if topic.places and item.location and item.location.lower() not in topic.places:
        return False
    if item.date is not None and topic.first_date is not None:
        return True                        # dated to the same days (checked above)
    if topic.first_pub is None or item.published is None:
        return False
    return max(_day_gap(topic.first_pub, item.published), _day_gap(topic.last_pub, item.published)) <= pub_days


def head_noun(item: Assertion) -> str:
    """The counted noun, singular ("any of its commanders" -> "commander")."""
    phrase = item.tallies[0].quantity_text if item.tallies else item.patient
    words = re.findall(r"[a-z]+", phrase.lower())
    return words[-1].removesuffix("s") if words else ""


def _denial_fits(topic: Topic, item: Assertion) -> bool:
    """A denial joins a question only about the same people: the same counted noun, or the same agent."""
    if not (item.negated or item.best == 0):
        return True
    if item.patient.lower() in lexicon()["headless_denials"] and item.article_id in topic.articles():
        return True                 # "three surrendered", then "none had surrendered": the same people
    head = head_noun(item)
    return bool(head) and any(head_noun(m) == head for m in topic.members) or bool(
        item.agent and item.agent in topic.agents())


def scope(item: Assertion) -> str:
    """ "cumulative" for a running total ("1,800 killed in the province this year"), else "event"."""
    return "cumulative" if any(getattr(t, "scope", "event") == "cumulative" for t in item.tallies) else "event"


def _count_fits(topic: Topic, item: Assertion) -> bool:
    if not _denial_fits(topic, item):
        return False
    denial = item.best == 0 or topic.first.best == 0     # "no protester was killed": nobody, at any time
    if scope(item) != scope(topic.first) and not denial:
        return False                # a running total answers another question than one event's toll
        #                             (a denial, "no protester was killed", answers both)
    if not victims_meet(topic.victims(), item.victims):
        return False
    agents = topic.agents()
    return not (agents and item.agent and item.agent not in agents)


def _responsibility_fits(topic: Topic, item: Assertion) -> bool:
    return victims_meet(topic.victims(), item.victims)


def victims_meet(first: str, second: str) -> bool:
    """Whether two victim classes can count the same people: equal, one unknown, or "combatants" (either
    side) with one side."""
    if not first or not second or first == second:
        return True
    return {first, second} <= _combatant_classes() and "combatants" in (first, second)


@cache
def _combatant_classes() -> frozenset[str]:
    """The two sides and the "combatants" of either side: asked for every topic an assertion may join."""
    return frozenset(lexicon()["combatant_sides"]) | {"combatants"}


def _block(item: Assertion) -> tuple[str, int] | None:
    when = item.date or item.published
    if when is None:
        return None
    return ("d" if item.date else "p", when.toordinal() // max(int(lexicon()["publication_window_days"]), 1))


class TopicIndex:
    """Open topics by kind, action and date block (blocking instead of all pairs)."""

    def __init__(self) -> None:
        self.topics: list[Topic] = []
        self._by_block: dict[tuple, list[Topic]] = {}
        self._by_article: dict[tuple, list[Topic]] = {}

    def candidates(self, kind: str, action: str, item: Assertion) -> list[Topic]:
        seen: dict[int, Topic] = {}
        for topic in self._by_article.get((kind, action, item.article_id), []):
            seen[id(topic)] = topic
        block = _block(item)
        if block is not None:
            for kind_letter in ("d", "p"):
                for delta in (-1, 0, 1):
                    for topic in self._by_block.get((kind, action, kind_letter, block[1] + delta), []):
                        seen[id(topic)] = topic
        return sorted(seen.values(), key=lambda t: t.number)

    def add(self, topic: Topic, item: Assertion) -> None:
        if not topic.members:
            topic.number = len(self.topics)
            self.topics.append(topic)
        topic.take(item)
        self._by_article.setdefault((topic.kind, topic.action, item.article_id), [])
        if topic not in self._by_article[(topic.kind, topic.action, item.article_id)]:
            self._by_article[(topic.kind, topic.action, item.article_id)].append(topic)
        block = _block(item)
        if block is not None:
            bucket = self._by_block.setdefault((topic.kind, topic.action, *block), [])
            if topic not in bucket:
                bucket.append(topic)


def _closest(fitting: list[Topic], item: Assertion) -> Topic | None:
    """Of the topics ITEM fits, the one about its event: the same day, then the same place, then the same
    victims ("63 people killed in Sirga on the 12th" joins the civilians of the 12th, not the soldiers of
    the 10th it also fits); the earliest opened among equals."""
    if len(fitting) < 2:
        return fitting[0] if fitting else None

    def score(topic: Topic) -> tuple[bool, bool, bool]:
        same_day = item.date is not None and topic.first_date == item.date == topic.last_date
        same_place = bool(item.places and topic.place_words & item.places) or bool(
            item.location and item.location.lower() in topic.places)
        return same_day, same_place, bool(item.victims) and topic.victims() == item.victims

    best = max(score(t) for t in fitting)
    return next(t for t in fitting if score(t) == best)


def build_topics(assertions: list[Assertion]) -> list[Topic]:
    """Group ASSERTIONS (in text order, article by article) into topics."""
    index = TopicIndex()
    involvement: dict[int, Topic] = {}
    for item in assertions:
        if item.about >= 0:
            topic = involvement.get(item.about)
            if topic is None:
                topic = involvement[item.about] = Topic("involvement", "involvement", key=item.about)
            index.add(topic, item)
            continue
        placed = False
        if item.action == "move" and item.destinations:
            topic = next((t for t in index.candidates("move", "move", item)
                          if t.key & item.destinations and _same_event(t, item)), None)
            if topic is None:
                topic = Topic("move", "move", key=frozenset(item.destinations))
            else:
                topic.key = topic.key | item.destinations
            index.add(topic, item)
            placed = True
        elif item.action == "move" and any(t.kind == "move" for t in index.candidates("move", "move", item)):
            topic = next((t for t in index.candidates("move", "move", item)
                          if _count_fits(t, item) and _same_event(t, item)), None)
            if topic is not None:          # "no fighters left on the buses" answers "were fighters moved to X?"
                index.add(topic, item)
                placed = True
        if not placed and item.counted:
            topic = _closest([t for t in index.candidates("count", item.action, item)
                              if _count_fits(t, item) and _same_event(t, item)], item)
            index.add(topic or Topic("count", item.action), item)
            placed = True
        if item.agent and item.action in RESPONSIBILITY_ACTIONS and not (placed and item.action == "move"):
            action = "kill" if item.action == "blame" else item.action     # "blamed the killings on X"
            topic = next((t for t in index.candidates("responsibility", action, item)
                          if _responsibility_fits(t, item) and _same_event(t, item)), None)
            index.add(topic or Topic("responsibility", action), item)
    return index.topics

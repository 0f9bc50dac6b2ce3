"""Source comparison across all articles of a run: topics, positions, verdicts, grades.

The flow: ``assertions`` turns each article's claims, tallies and timeline into
assertions (one source, one action); ``topics`` groups them into questions within and
across articles; this module gives each source its stance and position, each topic one
verdict, and each row a grade from ``grading``. A false ``contradicts`` is the costliest
mistake, so it is only said for an affirm/deny pair from different independent sources
or for exact figures of one dated event that cannot both be true.
"""

from __future__ import annotations

import re
from functools import cache

from conflictbook.compare.actions import lexicon
from conflictbook.compare.assertions import Assertion, article_assertions, norm, placed
from conflictbook.compare.grading import grade, source_keys
from conflictbook.compare.topics import Topic, build_topics, head_noun, victims_meet
from conflictbook.records import ArticleResult, ComparisonRow

__all__ = ["compare"]

EVIDENCE_LIMIT = 600


def compare(results: list[ArticleResult]) -> list[ComparisonRow]:
    """Topics several sources speak to, each source's position, and a verdict per topic."""
    assertions: list[Assertion] = []
    for index, result in enumerate(results or []):
        ready = result.assertions
        result.assertions = None  # placed once: a result compared again is read afresh
        assertions.extend(placed(ready, index) if ready is not None else article_assertions(result, index))
    rows: list[ComparisonRow] = []
    number = 0
    for topic in build_topics(assertions):
        keys = source_keys(topic.members)
        if topic.kind == "responsibility" and len(set(keys.values())) < 2:
            continue          # one source naming who did it: the count topic and the tallies' perpetrator hold it
        number += 1
        rows.extend(_topic_rows(f"T{number:03d}", topic, keys))
    return rows


def _stance(topic: Topic, item: Assertion, yes_no: bool) -> str:
    if item.vague:
        return "reports"          # "no civilians were harmed": which count it denies is not said
    if item.negated or (topic.kind == "count" and item.best == 0):
        return "denies"
    if item.status in ("agreed", "demanded"):
        return "reports"          # what a deal provides or a party demands takes no side
    if topic.kind in ("involvement", "responsibility") or yes_no:
        return "affirms"
    return "reports"


def _exact(item: Assertion) -> bool:
    return item.best is not None and item.low == item.best == item.high


def _numbers_clash(items: list[Assertion], keys: dict[int, str]) -> bool:
    """Exact figures for one dated event, from independent sources, that differ: they cannot both be true.

    Figures in a sentence that reports a revision ("rose to 23, updating a previous toll of 17")
    or in a tally marked as revising another never clash.
    """
    revision = _words_of("revision_words")
    firm = [i for i in items if _bounds(i) is not None and not i.negated and (not _partitive(i) or _only(i))
            and not revision.search(i.evidence) and not any(t.revises is not None for t in i.tallies)]
    for n, first in enumerate(firm):
        for second in firm[n + 1:]:
            if keys[id(first)] == keys[id(second)]:
                continue        # one source
            exclusive = (_only(first) or _only(second)) and first.victims and first.victims == second.victims
            if _head(first) != _head(second) and not exclusive and not (first.article_id == second.article_id and (
                    _bare_answers(first, second) or _bare_answers(second, first))):
                continue        # "12 people" vs "3 children" (a subset); a bare "more than 50" answers its sentence;
                #                 "only three of our fighters" answers "38 militants" (one side, an exclusive figure)
            same_day = first.date is not None and first.date == second.date
            same_article = first.article_id == second.article_id and (
                first.date is None or second.date is None or first.date == second.date)
            if _exact(first) and _exact(second) and _bounds(first)[1] == first.best \
                    and _bounds(second)[1] == second.best:  # bodies counted are no exact toll
                if (same_day or (same_article and (_only(first) or _only(second)))) and first.best != second.best:
                    return True
            elif (same_day or same_article) and not (first.narrator or second.narrator) \
                    and _disjoint(_bounds(first), _bounds(second)):
                return True     # one party's "at least 14 civilians" vs another's "nine": both cannot be true
                #               (the outlet's own figures may be parts of a total: a district's toll)
    return False


def _bounds(item: Assertion) -> tuple[int, float] | None:
    """The figure of a firm count as a closed range: exact ("19"), or bounded on one side ("at least 14",
    "more than 50" -> 14..inf); None for a vague amount ("dozens") or no figure, which never clash."""
    if item.best is None or item.vague:
        return None
    if item.low == item.best == item.high:
        if _head(item) in lexicon()["lower_bound_heads"]:
            return (item.best, float("inf"))   # bodies counted or recovered: at least that many died
        return (item.best, item.best)
    if item.high is None and item.low == item.best:
        return (item.best, float("inf"))
    return None


def _disjoint(first: tuple[int, float], second: tuple[int, float]) -> bool:
    return first[1] < second[0] or second[1] < first[0]


def _only(item: Assertion) -> bool:
    """ "only two of its members had died": an exclusive figure, which no other figure can join."""
    quantity = item.tallies[0].quantity_text if item.tallies else ""
    exclusive = r"(?:only|just|no more than)\s+"
    return bool(quantity) and bool(re.match(exclusive, quantity, re.IGNORECASE) or re.search(
        rf"\b{exclusive}{re.escape(quantity)}", item.evidence, re.IGNORECASE))


def _head(item: Assertion) -> str:
    return head_noun(item)


@cache
def _words_of(key: str) -> re.Pattern:
    """The phrases of a ``compare.yml`` list as one whole-word, case-free pattern (longest first)."""
    words = sorted(lexicon()[key], key=len, reverse=True)
    body = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _partitive(item: Assertion) -> bool:
    """ "five of the wounded", "two of them": a part of people counted elsewhere, never a rival toll."""
    quantity = item.tallies[0].quantity_text if item.tallies else ""
    return re.search(r"\S\s+of\s+\S", quantity) is not None


def _bare_answers(bare: Assertion, other: Assertion) -> bool:
    """A figure without a noun ("had killed more than 50") answers the counted figure of its sentence; a toll
    ("the toll rose to 16") counts everyone, so it answers only people of no side, never one party's count
    of "militants" killed."""
    if not _headless(bare):
        return False
    return not (_is_toll(bare) and other.victims and not victims_meet(bare.victims, other.victims))


def _is_toll(item: Assertion) -> bool:
    quantity = item.tallies[0].quantity_text if item.tallies else ""
    at = item.evidence.find(quantity) if quantity else -1
    before = item.evidence[: at] if at >= 0 else item.evidence
    return _words_of("toll_words").search(before) is not None


def _headless(item: Assertion) -> bool:
    """A figure with no noun of its own ("it had killed more than 50", "put the toll at 19")."""
    quantity = item.tallies[0].quantity_text if item.tallies else ""
    words = re.findall(r"[a-z]+", quantity.lower())
    return bool(quantity) and all(w in lexicon()["quantity_starts"] or w == "than" for w in words)


def _value(topic: Topic, item: Assertion) -> object:
    if topic.kind == "count":
        return item.best          # "about 300", "300" and "some 300" agree
    if topic.kind == "move":
        return item.destinations
    if topic.kind == "responsibility":
        return item.agent
    return item.negated


def _position_key(topic: Topic, item: Assertion, stance: str) -> tuple:
    """What a row holds, for counting the independent sources that hold the same."""
    value = _value(topic, item)
    return (stance, value if topic.kind != "count" or value is not None else None)


def _time_bound(item: Assertion) -> bool:
    """A denial bound to when it was said ("no one has been arrested so far"): a later count may be true too."""
    return _words_of("time_bound").search(f"{item.position} {item.evidence}") is not None


def _verdict(topic: Topic, stances: dict[int, str], keys: dict[int, str]) -> str:
    members = topic.members
    if len({keys[id(m)] for m in members}) < 2:
        return "single-source"
    deniers = {keys[id(m)] for m in members if stances[id(m)] == "denies" and not _time_bound(m)}
    holders = {keys[id(m)] for m in members if stances[id(m)] != "denies"
               and (topic.kind != "count" or m.best is None or m.best > 0)}
    if topic.kind == "responsibility":
        denied_agents = {norm(m.agent) for m in members if stances[id(m)] == "denies" and m.agent}
        holders = {keys[id(m)] for m in members if stances[id(m)] == "affirms" and m.agent and any(
            norm(m.agent) in agent or agent in norm(m.agent) for agent in denied_agents)}
    if deniers and holders and (deniers - holders or holders - deniers):
        return "contradicts"
    if topic.kind == "count" and _numbers_clash(members, keys):
        return "contradicts"
    values = [_value(topic, m) for m in members if stances[id(m)] != "denies"]
    if topic.kind == "count":
        values = [v for v in values if v is not None]       # a position without a figure adds no figure
        if len(values) < 2:
            return "differs"
    if values and None not in values and all(v == values[0] for v in values):
        return "agrees"
    return "differs"


def _question(topic: Topic) -> str:
    """The question a topic answers, in words an analyst can scan."""
    first = topic.first
    dated = next((m.date for m in topic.members if m.date), None)
    where = next((m.location for m in topic.members if m.location), "")
    context = ", ".join(x for x in (where, dated.isoformat() if dated else "") if x)
    context = f" ({context})" if context else ""
    if topic.kind == "involvement":
        return f"Disputed by {first.agent}: {first.position}"[:200]
    if topic.kind == "move":
        place = first.destination_text or ", ".join(sorted(topic.key)).title()
        who = next((m.patient for m in topic.members if _is_phrase(m.patient)), "people")
        who = who[:1].lower() + who[1:] if who.split()[0] in ("The", "A", "All", "None", "Some") else who
        if any(m.negated for m in topic.members):
            return f"Were {who} moved to {place}?{context}"[:200]
        return f"Where were {who} taken?{context}"[:200]
    if topic.kind == "count":
        category = next((m.category for m in topic.members if m.category), "")
        what = lexicon()["category_words"].get(category) or lexicon()["participles"].get(first.action, first.action)
        who = topic.victims() or "people"
        verb = what if what in lexicon()["question_without_were"] else f"were {what}"
        return f"How many {who} {verb}?{context}"[:200]
    noun = lexicon()["responsibility_nouns"].get(topic.action, "attack")
    return f"Who is responsible for the {noun}?{context}"[:200]


def _cut(text: str) -> str:
    return text if len(text) <= EVIDENCE_LIMIT else text[:EVIDENCE_LIMIT - 1].rstrip() + "\u2026"


def _is_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0].lower() not in ("them", "him", "her", "it", "to", "on", "in", "with", "out")


def _topic_rows(topic_id: str, topic: Topic, keys: dict[int, str]) -> list[ComparisonRow]:
    """The rows of one topic; KEYS are its members' independent-source keys (``grading.source_keys``)."""
    yes_no = topic.kind == "move" and any(m.negated for m in topic.members)
    stances = {id(m): _stance(topic, m, yes_no) for m in topic.members}
    verdict = _verdict(topic, stances, keys)
    by_source: dict[str, set[object]] = {}       # what each independent source holds: stance and figure/place/agent
    for member in topic.members:
        by_source.setdefault(keys[id(member)], set()).add(_position_key(topic, member, stances[id(member)]))
    question = _question(topic)
    merged: dict[tuple, list[Assertion]] = {}
    for member in topic.members:
        merged.setdefault((member.article_id, member.source, stances[id(member)]), []).append(member)
    rows = []
    for (article_id, source, stance), members in merged.items():
        first = members[0]
        numbered = next((m for m in members if m.best is not None or m.low is not None), first)
        positions = list(dict.fromkeys(m.position for m in members))
        position = _cut(" | ".join(positions))
        rows.append(ComparisonRow(
            topic_id=topic_id, topic=question, article_id=article_id, source=source, stance=stance,
            low=numbered.low, best=numbered.best, high=numbered.high, position=position,
            evidence=_cut(first.evidence), verdict=verdict,
            grade=grade(verdict, _position_key(topic, numbered, stance), by_source), outlet=first.outlet,
        ))
    return rows

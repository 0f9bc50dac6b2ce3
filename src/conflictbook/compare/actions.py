"""What a clause says happened: action class, negation, destination, agent, patient.

Why: a comparison question ("were commanders moved to X?", "how many were captured?",
"who killed them?") is answered by clauses that name one action. This module reads one
sentence-sized text and returns one ``Action`` per action word (``compare.yml`` lists the
words by class), with the words around it that say who did it, to whom, to where, and
whether the clause denies it ("none of them had been relocated").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from conflictbook.lexicon import load

AUXILIARIES = ("was", "were", "been", "be", "being", "is", "are", "had", "has", "have", "got")
PREPOSITIONS = ("in", "by", "on", "at", "during", "from", "after", "before", "near", "for", "since", "as")


@dataclass(frozen=True)
class Action:
    """One action word in a text and what the clause around it says."""

    action: str                     # class: move, capture, kill, injure, abduct, release, blame
    word: str
    start: int                      # offsets in the parsed text
    end: int
    window: str                     # the clause from its subject to the next action word or clause end
    negated: bool
    destinations: frozenset[str]    # place words after "to" ({"tafas"})
    destination_text: str
    agent: str                      # who did it (raw phrase; the caller resolves actors)
    patient: str                    # to whom
    passive: bool


@cache
def lexicon() -> dict:
    return load("compare")


@cache
def _trigger() -> re.Pattern:
    words = {w: cls for cls, ws in lexicon()["actions"].items() for w in ws}
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def _particle_after() -> re.Pattern:
    """Words after an action word that make it another verb ("held back", "took place", "held talks")."""
    words = sorted(lexicon()["not_action_after"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


@cache
def _classes() -> dict[str, str]:
    return {w.lower(): cls for cls, ws in lexicon()["actions"].items() for w in ws}


@cache
def _negation() -> re.Pattern:
    words = sorted(lexicon()["negations"], key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:(?<![\w-])(?:{body})(?![\w-])|n't\b)", re.IGNORECASE)


_DESTINATION = re.compile(
    r"\bto\s+(?P<place>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
    r"(?:\s+[a-z]+)?(?:\s+(?:in|of|near)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*(?:\s+[a-z]+)?)?)")
_CLAUSE_END = re.compile(r"[;.!?]|,\s+(?:and\s+)?(?:which|where|who|while|whereas)\b|\s+and\s+that\s+|,\s+and\s+")


def place_key(phrase: str) -> frozenset[str]:
    """The distinctive words of a place phrase ("eastern Sweida" -> {"sweida"})."""
    generic = {w.lower() for w in lexicon()["place_generic"]}
    words = [re.sub(r"['\u2019]s?$", "", w) for w in re.findall(r"[A-Za-z][\w'\u2019-]*", phrase)]
    return frozenset(w.lower() for w in words if w[:1].isupper() and w.lower() not in generic)


def _clause_start(text: str, before: int) -> int:
    """Where the clause holding offset BEFORE begins (after the last clause break)."""
    breaks = lexicon()["clause_breaks"]
    start = 0
    for brk in breaks:
        found = text.rfind(brk, 0, before)
        if found >= 0:
            start = max(start, found + len(brk))
    that = [m.end() for m in re.finditer(r"\bthat\s+", text[:before])]
    if that:
        start = max(start, that[-1])
    return start


def _is_reduced_relative(text: str, start: int, end: int) -> bool:
    """ "fighters captured in the valley": a participle after a noun, followed by a preposition."""
    before = text[:start].split()
    after = text[end:].split()
    if not before or not text[start:end].lower().endswith(("ed", "en")):
        return False
    prev = before[-1].lower().strip(",")
    nxt = after[0].lower().strip(",.") if after else ""
    if prev in AUXILIARIES or not prev.endswith("s") or not prev.isalpha():
        return False
    return not after or nxt in PREPOSITIONS or after[0].startswith((",", "."))


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(move words that need a destination, adjectival words before a participle, intransitive actions)."""
    lex = lexicon()
    return tuple(frozenset(w.lower() for w in lex[key])
                 for key in ("move_needs_destination", "adjectival_before", "intransitive"))


def _is_action_use(text: str, m: re.Match, adjectival: frozenset[str]) -> bool:
    """Whether the action word M is used as an action here: lower case or sentence-initial, no reduced
    relative, no particle making it another verb, no adjective use ("the wounded")."""
    before = text[:m.start()]
    if not (m.group(0).islower() or not before.strip() or before.rstrip()[-1] in ".!?\u201c\""):
        return False
    if _is_reduced_relative(text, m.start(), m.end()) or _particle_after().match(text, m.end()):
        return False
    last = before.rsplit(None, 1)[-1:] if before.strip() else []
    word = m.group(0).lower()
    return not (last and last[0].lower() in adjectival and word.endswith(("ed", "en", "ain"))
                and _classes().get(word) not in ("missing",))


def find_actions(text: str) -> list[Action]:
    """One ``Action`` per action word in TEXT, in order."""
    classes = _classes()
    needs_destination, adjectival, intransitive = _word_sets()
    hits = [m for m in _trigger().finditer(text) if _is_action_use(text, m, adjectival)]
    actions: list[Action] = []
    starts = []
    for i, match in enumerate(hits):
        start = _clause_start(text, match.start())
        if i:
            prev = hits[i - 1].end()
            joins = [m.end() for m in re.finditer(r"\s+and\s+", text[prev:match.start()])]
            start = max(start, prev + (joins[-1] if joins else 0))
        starts.append(start)
    for i, match in enumerate(hits):
        word = re.sub(r"\s+", " ", match.group(0).lower())
        cls = classes.get(word)
        if cls is None:
            continue
        if any(a.action == "blame" and a.start < match.start() < a.start + len(a.word) + len(a.window) for a in
               actions):
            continue          # the blamed action itself ("blamed X for the murders")
        clause_start = starts[i]
        if _is_nominal(word) and not re.match(r"\s+(?:of|by)\s", text[match.end():]):
            continue          # "on the last day of the evacuation": a noun naming no one
        nxt = starts[i + 1] if i + 1 < len(hits) else len(text)
        end_match = _CLAUSE_END.search(text, match.end())
        window_end = max(match.end(), min(nxt, end_match.start() if end_match else len(text)))
        after = text[match.end():window_end]
        if cls == "blame":     # "blamed the killings on X": the blamed action sits inside its clause
            after = text[match.end():end_match.start() if end_match else len(text)]
            window_end = match.end() + len(after)
        before = text[clause_start:match.start()]
        destinations: frozenset[str] = frozenset()
        destination_text = ""
        if cls == "move":
            for dest in _DESTINATION.finditer(after):
                key = place_key(dest.group("place"))
                if key:
                    destinations |= key
                    destination_text = destination_text or dest.group("place")
            if word in needs_destination and not destinations:
                continue
        passive = bool(re.search(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", before, re.IGNORECASE))
        negated = bool(_negation().search(before))
        agent, patient = _roles(cls, word, before, after, passive)
        window = _TRAILING.sub("", (before + text[match.start():window_end]).strip(" ,;"))
        if word in {w.lower() for w in lexicon()["blame_subject"]}:
            agent = _sentence_subject(text[:match.start()])
            window = f"{agent} {window}" if agent and agent not in window else window
        if word in intransitive and not re.match(r"\s*of\s", after):
            patient, agent = _subject(before), ""
        actions.append(Action(cls, word, match.start(), match.end(), window, negated,
                              destinations, destination_text, agent, _TRAILING.sub("", patient), passive))
    return actions


_TRAILING = re.compile(r"(?:[\s,;]+(?:and|the|a|an|of|or|who|which|that|had|been|were|was)\b)*[\s,;]*$",
                       re.IGNORECASE)
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:went|are|were|was|is|remain|remained|still|also|reportedly|have|has|had|been|"
                           r"gone|now))+\s*$", re.IGNORECASE)


def _subject(before: str) -> str:
    """The counted noun phrase just before an intransitive action ("... and 20 others went" -> "20 others")."""
    head = _SUBJECT_TAIL.sub("", before).strip()
    head = re.split(r"\s+and\s+|,\s+", head)[-1]
    words = head.split()
    for i in range(len(words)):
        if is_counted(" ".join(words[i:])):
            return " ".join(words[i:])
    return head


def _sentence_subject(before: str) -> str:
    """The subject of a clause, appositives dropped ("X, a militia, was" -> "X")."""
    before = re.sub(r",\s+[^,]+,", "", before)
    before = re.split(r"[;:]|\bthat\s+", before)[-1]
    return re.sub(r"(?:\s+(?:was|were|is|are|had|has|have|been|also|not))+\s*$", "", before.strip())


@cache
def _patient_ends() -> str:
    """Words that end the patient after the verb ("captured 40 fighters NEAR Birch"): an alternation."""
    return "|".join(re.escape(w) for w in sorted(lexicon()["patient_ends"], key=len, reverse=True))


def _roles(cls: str, word: str, before: str, after: str, passive: bool) -> tuple[str, str]:
    """(agent, patient) phrases of one action."""
    if cls == "blame":
        on = re.match(r"\s*(?P<patient>.+?)\s+on\s+(?P<agent>.+)$", after)
        if on:
            return on.group("agent"), on.group("patient")
        blamed = re.match(r"\s*(?P<agent>.+?)\s+(?:for|of)\s+(?P<patient>.+)$", after)
        if blamed:
            return blamed.group("agent"), blamed.group("patient")
        return "", after.strip()
    by = re.search(r"\bby\s+(?P<agent>[^,;]+)$", after)
    agent = by.group("agent") if by else ""
    nominal = word.endswith(("ion", "ions", "ings", "ing", "th", "ths", "der", "ders", "ure", "ures", "sacre"))
    of = re.match(rf"\s*of\s+(?P<patient>.+?)(?=\s+(?:{_patient_ends()}|who)\s|,|$)", after)
    if nominal and of:
        patient = of.group("patient")
    elif passive:
        patient = re.sub(r"\s+(?:had|has|have|was|were|been|be|being|is|are|also)\b.*$", "", before.strip())
    elif re.match(r"\s*to\s", after):
        patient = ""
    else:
        obj = re.match(rf"\s*(?P<patient>.+?)(?=\s+(?:{_patient_ends()})\s|$)", after)
        patient = obj.group("patient") if obj else ""
        if not agent and not nominal:
            agent = re.sub(r"\s+(?:had|has|have|also|then|reportedly|allegedly)(?:\s+\w+)?\s*$", "",
                           before.strip())
        elif not agent:
            agent = before.strip()
    return agent.strip(" ,"), patient.strip(" ,")


def _is_nominal(word: str) -> bool:
    return word.endswith(tuple(lexicon()["nominal_endings"])) and word not in ("killing", "moving", "leaving",
                                                                              "fleeing", "capturing")


def victim_class(phrase: str) -> str:
    """ "combatants", "civilians" or "" from the words of a victims phrase."""
    words = re.findall(r"[a-z]+", phrase.lower())
    for cls, nouns in lexicon()["victims"].items():
        if any(w in nouns for w in reversed(words)):
            return cls
    return ""


def is_counted(phrase: str) -> bool:
    """Whether a patient phrase gives a count ("a hundred others", "all the members", "5 people")."""
    words = phrase.lower().split()
    if not words:
        return False
    starts = {w.lower() for w in lexicon()["quantity_starts"]}
    if re.match(r"\d", words[0]):
        return True
    if words[0] in ("a", "an", "the") and len(words) > 1:
        return words[1] in starts and words[1] not in ("a", "an", "one") or bool(re.match(r"\d", words[1]))
    return words[0] in starts and words[0] not in ("some",)

"""Keyword gates of the tallies: which steps can find anything in a sentence, read off its words.

Every matcher of a tally step looks for a phrase of the casualty or quantity lexicon on whole
words, so each word run (``\\w+``) of a phrase it finds is a word run of the sentence. A step
whose phrases all miss a run of ``Sentence.words`` can find nothing and is skipped with set
tests instead of regex passes. The gates are built here, once, from the same lexicon entries
the matchers are compiled from (never a second hand-written list), so they stay supersets
when the lexicon changes. A sentence with a non-ASCII word is never gated: ``re.IGNORECASE``
matches some non-ASCII letters ("ſ", "K") to ASCII ones that ``str.lower`` keeps apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from conflictbook.extract.casualty_terms import FORMS, terms
from conflictbook.extract.quantities import table
from conflictbook.lexicon import load

_WORD_RUN = re.compile(r"\w+")   # the runs ``Sentence.words`` is made of
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class WordGate:
    """Lexicon phrases as sets of word runs, indexed by the longest run of each."""

    by_key: dict[str, tuple[frozenset[str], ...]]
    keys: frozenset[str]
    always: bool      # a phrase without an ASCII word run: no word test can rule it out

    @classmethod
    def of(cls, phrases) -> WordGate:
        by_key: dict[str, set[frozenset[str]]] = {}
        always = False
        for phrase in phrases:
            runs = _WORD_RUN.findall(str(phrase).lower())
            if not runs or not all(run.isascii() for run in runs):
                always = True
                continue
            by_key.setdefault(max(runs, key=len), set()).add(frozenset(runs))
        return cls({key: tuple(sets) for key, sets in by_key.items()}, frozenset(by_key), always)

    def holds(self, words: frozenset[str] | None) -> bool:
        """Whether WORDS (from ``gate_words``) hold every run of one phrase; True when WORDS is None."""
        if words is None or self.always:
            return True
        return any(runs <= words for word in self.keys.intersection(words) for runs in self.by_key[word])


def gate_words(words: frozenset[str]) -> frozenset[str] | None:
    """A sentence's words as the gates read them, or None (no gating) when one of them is not ASCII."""
    return words if "".join(words).isascii() else None


@dataclass(frozen=True)
class TallyGates:
    """One gate per step of ``extract_tallies``."""

    row: WordGate        # any row at all: a category word of some kind
    people: WordGate     # a counted phrase of people (besides a digit, tested on the text)
    plural: WordGate     # a plural person noun: a bare count ("Families", "civilians")
    tolls: WordGate      # "the death toll rose to 19", "the number of civilians killed has risen to 80"
    estimates: WordGate  # "put the number of ... at 40", "bringing the number of ... to 212"
    pronouns: WordGate   # "arrested them"

    def people_in(self, words: frozenset[str] | None, text: str) -> bool:
        """Whether TEXT may hold a counted phrase: a digit, a number or determiner word, a person noun."""
        return _DIGIT.search(text) is not None or self.people.holds(words)


@cache
def gates() -> TallyGates:
    """The gates, from the casualty lexicon and the quantity convention table (both validated first)."""
    terms()
    table()
    doc = load("casualties")
    quantities = load("quantities")
    tolls = doc["tolls"]
    cues = {form: [phrase for forms in doc["categories"].values() for phrase in (forms or {}).get(form) or []]
            for form in FORMS}
    toll_nouns = [noun for nouns in tolls["nouns"].values() for noun in nouns]
    # a row needs a cue, an implied category noun ("36 hostages"), an object complement ("took 30 people
    # HOSTAGE"), a causative's category phrase ("forced ... TO FLEE"), held people's return ("have
    # RETURNED"), a toll noun, or a "bringing to N the number of" verb, whose noun phrase may be cut
    # inside a word (then its category word is no word run of the sentence)
    row = [*(phrase for form in FORMS for phrase in cues[form]), *doc["object_complements"]["complements"],
           *doc["causatives"]["displaced"], *doc["persons"]["held_return_verbs"], *toll_nouns,
           *tolls["bringing_to_verbs"]]
    persons = doc["persons"]
    people = [*persons["plural"], *persons["singular"], *quantities["units"], *quantities["tens"],
              *quantities["scales"], *(quantities.get("pairs") or {}), *quantities["vague"],
              *quantities.get("totals", []), *quantities.get("negations", []), *quantities.get("any", [])]
    return TallyGates(
        row=WordGate.of(row),
        people=WordGate.of(people),
        plural=WordGate.of(persons["plural"]),
        tolls=WordGate.of([*toll_nouns, *cues["after"], *cues["intransitive"]]),  # the toll noun or the participle
        estimates=WordGate.of([*tolls["estimate_verbs"], *tolls["bringing_verbs"], *tolls["bringing_to_verbs"]]),
        pronouns=WordGate.of(doc["grammar"]["object_pronouns"]),
    )

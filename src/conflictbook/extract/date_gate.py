"""Which date atoms a sentence can hold: set tests on ``Sentence.words`` instead of regex scans.

Most sentences of a news article hold no date, and a dated one holds few kinds of date.
Three necessary conditions, each derived from ``date_finder``'s own tables, decide which
atoms can match; an atom they rule out cannot match, so the finder gives the same dates
(the gate is a superset of the finder, never a filter of its results):

* the finder tries its atoms only near a core word (CORE_WORDS, or a word opening with a
  digit); a sentence without one gives nothing;
* an atom of NEEDS_DIGIT holds a year (a word opening with four digits), a clock time a digit;
* every other atom holds one of its ATOM_KEYS (lexicon words and the words the patterns
  spell out), each word a whole run of letters.

A time of day alone (TIME_ONLY) can give a row only as a clock time or a time word after
a preposition ("at about 4 a.m.", "shortly before midnight", "in the afternoon",
``date_finder._event_time``):
a sentence whose only atoms are times needs a clock mark or one of those words.

The last two conditions read the words as runs of ASCII letters and digits, where
``str.lower`` and ``re.IGNORECASE`` agree; in a sentence with any non-ASCII character
every atom may match once there is a core word.
"""

from __future__ import annotations

import re
from functools import cache

from conflictbook.extract.date_finder import ATOM_KEYS, CORE_WORDS, DAY_PARTS, LEX, NEEDS_DIGIT, TIME_ONLY

DAY_PART_SUFFIXES = frozenset(LEX["day_part_suffixes"])

NO_ATOMS: frozenset[str] = frozenset()
_LETTER_RUN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"[0-9]")
# What a clock time holds ("4 a.m.", "22h30", "21:15", "0600 GMT"), and the time words a standalone time
# can be (dawn, midnight, ...: the day parts that do not follow a day).
CLOCK_RE = re.compile(r"\d\s*(?i:a\.?m|p\.?m|o['’]clock|hrs|hours|gmt|utc|local\s+time)|\d[:.h]\d\d")
TIME_WORDS = tuple(frozenset(phrase.split()) for phrase in DAY_PARTS if phrase not in DAY_PART_SUFFIXES)


@cache
def _key_index() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """{word: (key, atom) of every key it ends}; a key is the set of words of one phrase of ATOM_KEYS."""
    index: dict[str, set[tuple[frozenset[str], str]]] = {}
    for atom, phrases in ATOM_KEYS.items():
        for phrase in phrases:
            words = _LETTER_RUN.findall(phrase.lower())
            index.setdefault(words[-1], set()).add((frozenset(words), atom))
    return {word: tuple(keys) for word, keys in index.items()}


def date_atoms(text: str, words: frozenset[str]) -> frozenset[str] | None:
    """The atoms that can match in the sentence TEXT with lower-cased word runs WORDS:
    None when any may, NO_ATOMS when the sentence can hold no date."""
    if not text.isascii():
        core = not words.isdisjoint(CORE_WORDS) or any(word[0].isdigit() for word in words)
        return None if core else NO_ATOMS
    if words.isdisjoint(CORE_WORDS) and not _DIGIT.search(text):
        return NO_ATOMS  # the finder's own precondition (an ASCII word opening with a digit holds [0-9])
    atoms: set[str] = set()
    if "".join(words).isalpha():  # no digits: the word runs are the letter runs
        letters = words
    else:  # "May5": a month ends at the digit, its word run does not
        letters = frozenset(_LETTER_RUN.findall(" ".join(words)))
        if _DIGIT.search(text):
            atoms.add("tm")
        if any(len(word) >= 4 and word[:4].isdigit() for word in words):
            atoms.update(NEEDS_DIGIT)
    index = _key_index()
    atoms.update(atom for word in letters if word in index for key, atom in index[word] if key <= letters)
    if atoms and atoms <= TIME_ONLY and "tin" not in atoms and not (
            CLOCK_RE.search(text) or any(key <= letters for key in TIME_WORDS)):
        return NO_ATOMS
    return frozenset(atoms) if atoms else NO_ATOMS


def may_hold_dates(text: str, words: frozenset[str]) -> bool:
    """Whether the sentence TEXT, with lower-cased word runs WORDS, can hold a date expression."""
    return date_atoms(text, words) != NO_ATOMS

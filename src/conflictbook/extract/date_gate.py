"""Which sentences can hold a date: set tests on ``Sentence.words`` instead of a regex scan.

Most sentences of a news article hold no date. Three necessary conditions, each derived
from ``date_finder``'s own tables, so a sentence failing one cannot give a date (the gate
is a superset of the finder, never a filter of its results):

* the finder tries its atoms only near a core word (CORE_WORDS, or a word opening with a
  digit); a sentence without one gives nothing;
* every atom that needs a digit (NEEDS_DIGIT) holds a year or an ISO/numeric date, i.e. a
  word opening with four digits;
* every other atom that can give a row holds one of its ATOM_KEYS (lexicon words and the
  words the patterns spell out), each word a whole run of letters; a time of day alone
  (TIME_ONLY) gives no row.

The last two read the words as runs of ASCII letters and digits, where ``str.lower`` and
``re.IGNORECASE`` agree; a sentence with any non-ASCII character passes on its core word.
"""

from __future__ import annotations

import re
from functools import cache

from conflictbook.extract.date_finder import ATOM_KEYS, CORE_WORDS

_LETTER_RUN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"[0-9]")


@cache
def _key_index() -> dict[str, tuple[frozenset[str], ...]]:
    """{a word: the keys (sets of words that must all be there) it ends}, from ATOM_KEYS."""
    index: dict[str, set[frozenset[str]]] = {}
    for phrases in ATOM_KEYS.values():
        for phrase in phrases:
            words = _LETTER_RUN.findall(phrase.lower())
            index.setdefault(words[-1], set()).add(frozenset(words))
    return {word: tuple(keys) for word, keys in index.items()}


def may_hold_dates(text: str, words: frozenset[str]) -> bool:
    """Whether the sentence TEXT, with lower-cased word runs WORDS, can hold a date expression."""
    if not text.isascii():  # the finder's own precondition, then no more
        return not words.isdisjoint(CORE_WORDS) or any(word[0].isdigit() for word in words)
    if words.isdisjoint(CORE_WORDS) and not _DIGIT.search(text):
        return False  # the finder's own precondition (an ASCII word opening with a digit holds [0-9])
    if "".join(words).isalpha():  # no digits: the word runs are the letter runs
        letters = words
    elif any(len(word) >= 4 and word[:4].isdigit() for word in words):
        return True  # a year may be there
    else:  # "May5": a month ends at the digit, the word run does not
        letters = frozenset(_LETTER_RUN.findall(" ".join(words)))
    index = _key_index()
    return any(key <= letters for word in letters if word in index for key in index[word])

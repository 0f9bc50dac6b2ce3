"""Which sentences can hold a date: one set test on ``Sentence.words`` instead of a regex scan.

Most sentences of a news article hold no date. ``date_finder`` only tries its atoms near a
core word (a month, weekday, unit, part of day... or a word opening with a digit), and in a
sentence without digits every atom needs one of its ``ATOM_KEYS`` (lexicon words and the
words the patterns spell out). Both tests are derived from the finder's own tables, so a
sentence they reject cannot give a date: the gate is a superset, never a filter of results.

The key test reads ``Sentence.words`` (lower-cased ``\\w+`` runs) as runs of letters, which
holds only for an ASCII text whose runs are all letters: other sentences (digits, "_",
non-ASCII letters that ``re.IGNORECASE`` may fold onto ASCII ones) pass on their core word.
"""

from __future__ import annotations

import re
from functools import cache

from conflictbook.extract.date_finder import ATOM_KEYS, CORE_WORDS

_LETTER_RUN = re.compile(r"[a-z]+")


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
    if words.isdisjoint(CORE_WORDS):  # the finder tries nothing without a core word
        return any(word[0].isdigit() for word in words)
    if not text.isascii() or not "".join(words).isalpha():
        return True
    index = _key_index()
    return any(key <= words for word in words if word in index for key in index[word])

"""Alternation patterns of words and phrases (actor aliases, reporting cues) tried only where they can match.

A pattern ``(?<![\\w-])(?:alias|alias …)(?![\\w-])`` is slow when the regex engine tries its big
alternation at every character. Every match starts a word equal to the first word of one of its
phrases, so trying the pattern only at such words gives the same matches, several times faster.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_WORD = re.compile(r"\w+")


def _ordered(aliases: list[str]) -> list[str]:
    """Longest first (ties alphabetically, so every process builds the same alternation)."""
    return sorted(set(aliases), key=lambda a: (-len(a), a))


@cache
def compile_words(ordered: tuple[str, ...], case_sensitive: bool) -> re.Pattern:
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for a in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def word_pattern(aliases: list[str], case_sensitive: bool = False) -> re.Pattern | None:
    return compile_words(tuple(_ordered(aliases)), case_sensitive) if aliases else None


def sub_patterns(aliases: list[str], fold: bool) -> dict[str, tuple[str, ...]] | None:
    """Per opening word (lower-cased when FOLD), the aliases of ``word_pattern(aliases)`` opening with it, in
    the pattern's order; None when an alias does not open with an ASCII word."""
    if alias_starts(aliases, fold) is None:
        return None
    groups: dict[str, list[str]] = {}
    for alias in _ordered(aliases):
        word = _WORD.match(alias).group(0)
        groups.setdefault(word.lower() if fold else word, []).append(alias)
    return {key: tuple(group) for key, group in groups.items()}



def alias_starts(aliases: list[str], fold: bool) -> frozenset[str] | None:
    """The first words (\\w runs) that can open one of ALIASES, lower-cased when FOLD; None when some
    alias does not open with an ASCII word, so that words cannot rule out a match."""
    starts = set()
    for alias in aliases:
        word = _WORD.match(alias)
        if word is None or not word.group(0).isascii():
            return None
        starts.add(word.group(0).lower() if fold else word.group(0))
    return frozenset(starts)


def finditer_at_words(pattern: re.Pattern, starts: frozenset[str] | None, text: str, fold: bool,
                      by_start: dict[str, tuple[str, ...]] | None = None):
    """``pattern.finditer(text)`` for an alias pattern ``(?<![\\w-])(?:…)``, tried only at the words that
    can open an alias (the big alternation is slow to try at every character). Same matches: an alias
    match starts a word, and its first word equals the alias's first word (case-folded when FOLD; an
    ASCII word and an ASCII alias word fold alike in Python and in the regex engine, so non-ASCII words
    are always tried). With BY_START (``sub_patterns``), an ASCII word is tried with the pattern of just the
    aliases opening with it: the others cannot match there, so the first alternative to match is the same."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    words = _WORD.findall(text)
    hits = starts.intersection(map(str.lower, words) if fold else words)
    if "".join(words).isascii():
        if not hits:
            return                  # no word can open a phrase (the common case for one sentence)
        candidates = _words_pattern(frozenset(hits), fold).finditer(text)   # only the words in HITS
    else:
        candidates = _WORD.finditer(text)
    end = 0
    for word in candidates:
        at = word.start()
        if at < end:
            continue
        first = word.group(0)
        if first.isascii():
            key = first.lower() if fold else first
            if key not in starts:
                continue
            match = (compile_words(by_start[key], not fold) if by_start else pattern).match(text, at)
        else:
            match = pattern.match(text, at)
        if match:
            yield match
            end = match.end()


@lru_cache(maxsize=512)
def _words_pattern(words: frozenset[str], fold: bool) -> re.Pattern:
    """Whole \\w runs equal to one of WORDS (ASCII; case-insensitively when FOLD, which for ASCII text
    is Python's lower-casing)."""
    body = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE if fold else 0)

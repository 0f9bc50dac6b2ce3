"""Alternation patterns of words and phrases (actor aliases, reporting cues) tried only where they can match.

A pattern ``(?<![\\w-])(?:alias|alias …)(?![\\w-])`` is slow when the regex engine tries its big
alternation at every character. Every match starts a word equal to the first word of one of its
phrases, so trying the pattern only at such words gives the same matches, several times faster.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

WORD = re.compile(r"\w+")
_WORD = WORD


def _ordered(aliases: list[str]) -> list[str]:
    """Longest first (ties alphabetically, so every process builds the same alternation)."""
    return sorted(set(aliases), key=lambda a: (-len(a), a))


def _escape_phrase(phrase: str) -> str:
    """A phrase as a regex: any blank run between its words, either apostrophe."""
    return re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['\u2019]")


@cache
def compile_words(ordered: tuple[str, ...], case_sensitive: bool) -> re.Pattern:
    body = "|".join(_escape_phrase(a) for a in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def first_char_pattern(ordered: tuple[str, ...], escaped: list[str], case_sensitive: bool, before: str = r"[\w-]",
                       after: str = r"(?![\w-])") -> re.Pattern | None:
    """``(?<!BEFORE)(?:ESCAPED…)AFTER`` (each ESCAPED the regex of the phrase of ORDERED at its place) in a form
    the regex engine scans fast, for texts whose \\w runs are all ASCII; None when a phrase does not open
    with an ASCII letter or digit.

    Why: a pattern opening with a look-behind, or with case-insensitive letters, is tried at every character.
    This one opens with the class of the phrases' first characters (both cases when folding), which the
    engine skips to, then checks the look-behind one character back and each alternative, in the same
    order, as ``(?<=first)rest``. Same matches: at each offset the same alternative wins. (In a text with a
    non-ASCII word a character like the Kelvin sign folds to "k" without being in the class, hence the
    condition.)"""
    if not ordered or not all(p[:1].isascii() and p[:1].isalnum() for p in ordered):
        return None
    firsts = {p[0] for p in ordered}
    if not case_sensitive:
        firsts |= {c.swapcase() for c in firsts}
    body = "|".join(f"(?<={phrase[0]}){regex[1:]}" for phrase, regex in zip(ordered, escaped, strict=True))
    return re.compile(rf"[{''.join(sorted(firsts))}](?<!{before}.)(?{'' if case_sensitive else 'i'}:{body}){after}")


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


def _phrase_words(phrase: str, fold: bool) -> frozenset[str] | None:
    """The \\w runs of PHRASE (lower-cased when FOLD); None when one is not ASCII (it could match a text word
    that differs from it under the regex engine's Unicode case folding, so words cannot rule it out)."""
    runs = _WORD.findall(phrase)
    if not all(run.isascii() for run in runs):
        return None
    return frozenset(run.lower() if fold else run for run in runs)


class PhraseMatcher:
    """``word_pattern(phrases)`` that first drops the phrases whose words are not all in the text.

    Why it gives the same matches: inside a phrase, words are separated by non-word characters that match
    only non-word characters (spaces, punctuation, ``['’]``), and the pattern's ``(?<![\\w-])``/``(?![\\w-])``
    bound its ends, so each \\w run of a matched phrase is a whole \\w run of the text, equal to it once
    lower-cased (ASCII words; IGNORECASE on ASCII letters is ``str.lower``). A phrase with a word missing
    from the text cannot match anywhere, and an alternation without it (same order) picks the same
    alternative at every position. Texts with a non-ASCII word keep the word-start pre-filter
    (``finditer_at_words``), which does not depend on case folding of ASCII words.
    """

    def __init__(self, phrases: list[str], case_sensitive: bool = False) -> None:
        self.fold = not case_sensitive
        self.ordered = tuple(_ordered(phrases))
        self.pattern = compile_words(self.ordered, case_sensitive) if self.ordered else None
        self.starts = alias_starts(list(self.ordered), self.fold)
        self.by_start = sub_patterns(list(self.ordered), self.fold)
        self._always: list[int] = []                    # phrases no word can rule out (non-ASCII, no word)
        self._by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for rank, phrase in enumerate(self.ordered):
            needed = _phrase_words(phrase, self.fold)
            if not needed:
                self._always.append(rank)
                continue
            key = max(needed, key=lambda w: (len(w), w))        # the longest word: the rarest, as a rule
            self._by_word.setdefault(key, []).append((rank, needed))
        self._keys = frozenset(self._by_word)
        self._last: tuple = (None, ())       # (words, phrases) of the last call: a sentence is asked twice

    def possible(self, words: frozenset[str] | set[str]) -> tuple[str, ...]:
        """The phrases (in pattern order) whose words all occur in WORDS, the text's \\w runs (lower-cased when
        the matcher folds case; all ASCII): only they can match in that text."""
        last = self._last
        if last[0] is words:                 # the same frozenset (never a set: it could have changed since)
            return last[1]
        keys = self._keys.intersection(words)
        if not keys and not self._always:
            return ()
        ranks = list(self._always)
        for key in keys:
            ranks.extend(rank for rank, needed in self._by_word[key] if needed <= words)
        if len(keys) > 1 or self._always:
            ranks.sort()                      # one word's phrases are listed in pattern order already
        found = tuple(self.ordered[rank] for rank in ranks)
        if isinstance(words, frozenset):
            self._last = (words, found)
        return found

    def finditer(self, text: str, words: frozenset[str] | set[str] | None = None, plain: bool | None = None):
        """``self.pattern.finditer(text)``. WORDS, when given, are the \\w runs of a text holding TEXT
        (lower-cased when the matcher folds case), e.g. ``Sentence.words`` for a part of the sentence;
        PLAIN, when known, whether the \\w runs of TEXT as written (not lower-cased: the Kelvin sign
        lower-cases to "k") are all ASCII."""
        if self.pattern is None:
            return iter(())
        if words is None:
            runs = _WORD.findall(text)
            words = {run.lower() for run in runs} if self.fold else set(runs)
            plain = all_ascii(runs) if plain is None else plain
        elif plain is None:
            plain = ascii_words(text)
        if not plain:
            return finditer_at_words(self.pattern, self.starts, text, self.fold, self.by_start)
        possible = self.possible(words)
        if not possible:
            return iter(())
        return _subset_pattern(possible, not self.fold).finditer(text)


def lowered(runs: list[str]) -> set[str]:
    r"""The lower-cased RUNS (\w runs: no blank inside, and lower-casing never makes one), lowered at once."""
    return set(" ".join(runs).lower().split())


def all_ascii(words) -> bool:
    """Whether every word of WORDS is ASCII (then case folding is ``str.lower`` for them)."""
    return "".join(words).isascii()


_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def ascii_words(text: str) -> bool:
    """Whether every \\w run of TEXT is ASCII (``all_ascii(WORD.findall(text))``, without listing the runs):
    true of every part of TEXT, so an article asks once for all its sentences."""
    return _NON_ASCII_WORD_CHAR.search(text) is None


@lru_cache(maxsize=1024)
def _subset_pattern(phrases: tuple[str, ...], case_sensitive: bool) -> re.Pattern:
    """``compile_words`` for a few phrases of a big list, for texts of ASCII words (bounded cache: the subsets
    vary from text to text)."""
    return first_char_pattern(phrases, [_escape_phrase(p) for p in phrases], case_sensitive) or \
        compile_words.__wrapped__(phrases, case_sensitive)

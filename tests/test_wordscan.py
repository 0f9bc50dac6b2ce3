"""Word-start pre-filtered alternations give exactly the matches of the plain regex (phrases invented)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.actors import _specific_index, load_gazetteer
from conflictbook.extract.claims import _patterns
from conflictbook.wordscan import (
    WORD,
    PhraseMatcher,
    _escape_phrase,
    alias_starts,
    compile_words,
    finditer_at_words,
    first_char_pattern,
    sub_patterns,
    word_pattern,
)

# ---------------------------------------------------------------- word-start pre-filter (same matches as the regex)


NAMES = ["Red Fen Militia", "Red Fen", "al-Varo Front", "People's Guard", "Kestrel Brigade", "Kestrel",
         "3rd Lowland Division", "Ostrana"]
ACRONYMS = ["RFM", "ISX-K", "ISX", "PG"]


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def both(text: str) -> tuple[list, list]:
    """(plain regex, pre-filtered) spans for the names and the acronyms of the test gazetteer."""
    plain, fast = [], []
    for aliases, fold in ((NAMES, True), (ACRONYMS, False)):
        pattern = word_pattern(aliases, case_sensitive=not fold)
        plain.append(spans(pattern.finditer(text)))
        fast.append(spans(finditer_at_words(pattern, alias_starts(aliases, fold), text, fold)))
        fast.append(spans(finditer_at_words(pattern, alias_starts(aliases, fold), text, fold,
                                            sub_patterns(aliases, fold))))
        plain.append(plain[-1])
    return plain, fast


@pytest.mark.parametrize(("text", "names", "acronyms"), [
    ("The Red Fen Militia said the RFM would hold.", [(4, 19)], [(29, 32)]),
    ("the red  fen militia and RED FEN", [(4, 20), (25, 32)], []),
    ("Ex-Kestrel fighters met Kestrel Brigade men.", [(24, 39)], []),
    ("People\u2019s Guard (PG) and the people's guard", [(0, 14), (28, 42)], [(16, 18)]),
    ("ISX-K and ISX and isx-k", [], [(0, 5), (10, 13)]),
    ("Ostranan troops; Ostrana's army; the 3rd  Lowland Division", [(17, 24), (37, 58)], []),
    ("al-Varo Front, Al-Varo front, xal-Varo Front", [(0, 13), (15, 28)], []),
    ("", [], []),
])
def test_prefiltered_alias_matches_equal_the_plain_regex(text, names, acronyms):
    plain, fast = both(text)
    assert fast == plain == [names, names, acronyms, acronyms]


WORDS = st.sampled_from(["Red", "red", "RED", "Fen", "Militia", "al", "Varo", "Front", "People", "Guard",
                         "Kestrel", "Brigade", "3rd", "Lowland", "Division", "Ostrana", "RFM", "ISX", "K",
                         "PG", "pg", "the", "x", "\u212aestrel", "\u017fen", "İ", "é"])
SEPARATORS = st.sampled_from([" ", "  ", "-", "'", "\u2019", "\n", ", ", "", ".", "_", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=30), st.text(max_size=20))
def test_prefiltered_alias_matches_equal_the_plain_regex_on_any_text(pieces, noise):
    text = "".join(w + s for w, s in pieces) + noise
    plain, fast = both(text)
    assert fast == plain


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([a for actor in load_gazetteer() for a in actor.aliases] + ["the", "-", " ", ","]),
                max_size=25).map(" ".join))
def test_gazetteer_index_matches_equal_the_plain_regex(text):
    index = _specific_index(load_gazetteer())
    for pattern, starts, fold, groups in ((index.names, index.name_starts, True, index.name_groups),
                                          (index.acronyms, index.acronym_starts, False, index.acronym_groups)):
        if pattern:
            assert spans(finditer_at_words(pattern, starts, text, fold, groups)) == spans(pattern.finditer(text))


@pytest.mark.parametrize(("aliases", "fold", "starts"), [
    (["Red Fen", "red guard", "Kestrel"], True, {"red", "kestrel"}),
    (["RFM", "ISX-K"], False, {"RFM", "ISX"}),
    (["Ostrana", "\u00c9tat Force"], True, None),       # a non-ASCII first word: no pre-filter
    (["Ostrana", "-Front"], True, None),                # an alias opening with punctuation: no pre-filter
])
def test_alias_starts(aliases, fold, starts):
    assert alias_starts(aliases, fold) == (None if starts is None else frozenset(starts))


def test_sub_patterns_keep_the_pattern_order():
    groups = sub_patterns(["Red Fen", "red guard", "Red Fen Militia", "Kestrel"], fold=True)
    assert groups == {"red": ("Red Fen Militia", "red guard", "Red Fen"), "kestrel": ("Kestrel",)}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["said", "Said", "SAID", "told", "according", "to", "denied", "warned",
                                           "the", "army", "re-said", "said_", "\u017faid", "He", "insists"]),
                          st.sampled_from([" ", "  ", "-", ", ", "\n", "", "\u2019s "])), max_size=25))
def test_reporting_cue_matches_equal_the_plain_regex(pieces):
    text = "".join(w + g for w, g in pieces)
    pats = _patterns()
    fast = finditer_at_words(pats["cue"], pats["cue_starts"], text, fold=True)
    assert spans(fast) == spans(pats["cue"].finditer(text))


# ---------------------------------------------------------------- phrases dropped when a word is absent (same matches)


def matcher_spans(aliases: list[str], fold: bool, text: str, words=None) -> list[tuple[int, int]]:
    return spans(PhraseMatcher(aliases, case_sensitive=not fold).finditer(text, words))


@pytest.mark.parametrize(("text", "names", "acronyms"), [
    ("The Red Fen Militia said the RFM would hold.", [(4, 19)], [(29, 32)]),
    ("the red  fen militia and RED FEN", [(4, 20), (25, 32)], []),
    ("People\u2019s Guard (PG) and the people's guard", [(0, 14), (28, 42)], [(16, 18)]),
    ("ISX-K and ISX and isx-k", [], [(0, 5), (10, 13)]),
    ("al-Varo Front, Al-Varo front, xal-Varo Front", [(0, 13), (15, 28)], []),
    ("Red Fenland Militia; Red Fen-Militia", [], []),       # "Fenland" is not the word "Fen", "Fen-" ends none
    ("\u212aestrel Brigade and Kestrel", [(0, 15), (20, 27)], []),    # Kelvin sign: folded by the regex engine
    ("", [], []),
])
def test_phrase_matcher_matches_equal_the_plain_regex(text, names, acronyms):
    assert matcher_spans(NAMES, True, text) == spans(word_pattern(NAMES).finditer(text)) == names
    assert matcher_spans(ACRONYMS, False, text) == spans(word_pattern(ACRONYMS, True).finditer(text)) == acronyms


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=30), st.text(max_size=20), st.sets(WORDS, max_size=4))
def test_phrase_matcher_matches_equal_the_plain_regex_on_any_text(pieces, noise, extra):
    text = "".join(w + s for w, s in pieces) + noise
    runs = WORD.findall(text)
    for aliases, fold in ((NAMES, True), (ACRONYMS, False)):
        plain = spans(word_pattern(aliases, case_sensitive=not fold).finditer(text))
        assert matcher_spans(aliases, fold, text) == plain
        words = {w.lower() if fold else w for w in runs + sorted(extra)}   # the words of a longer text
        assert matcher_spans(aliases, fold, text, words) == plain


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([a for actor in load_gazetteer() for a in actor.aliases] + ["the", "-", " ", ","]),
                max_size=25).map(" ".join))
def test_gazetteer_matchers_match_as_the_plain_regex(text):
    index = _specific_index(load_gazetteer())
    for pattern, matcher in ((index.names, index.name_matcher), (index.acronyms, index.acronym_matcher)):
        if pattern:
            assert spans(matcher.finditer(text)) == spans(pattern.finditer(text))


@pytest.mark.parametrize(("phrases", "words", "possible"), [
    (["Red Fen", "red guard", "Kestrel"], {"red", "fen"}, ("Red Fen",)),
    (["Red Fen Militia", "Red Fen"], {"red", "fen", "militia"}, ("Red Fen Militia", "Red Fen")),
    (["People's Guard"], {"people", "guard"}, ()),                       # the "s" run is missing
    (["People's Guard"], {"people", "s", "guard"}, ("People's Guard",)),
    (["\u00c9tat Force", "Kestrel"], set(), ("\u00c9tat Force",)),       # a non-ASCII word is never ruled out
])
def test_phrase_matcher_possible(phrases, words, possible):
    assert PhraseMatcher(phrases).possible(frozenset(words)) == possible


def test_the_cue_matcher_is_the_cue_pattern():
    pats = _patterns()
    assert pats["cue_matcher"].pattern.pattern == pats["cue"].pattern
    assert pats["cue_matcher"].pattern.flags == pats["cue"].flags


# ---------------------------------------------------------------- the first-character form of an alternation

FIRST_CHAR_PHRASES = ["Red Fen Militia", "Red Fen", "red guard", "Kestrel", "3rd Lowland Division", "People's Guard",
                      "RFM", "ISX-K", "k", "Syria"]
ASCII_PIECES = st.sampled_from(["Red", "red", "RED", "Fen", "Militia", "guard", "Kestrel", "kestrel", "3rd", "Lowland",
                                "Division", "People", "s", "Guard", "RFM", "ISX", "K", "k", "Syrian", "Syria", "x"])
ASCII_GAPS = st.sampled_from([" ", "  ", "-", "'", "\u2019", "\n", ", ", "", ".", "_", "\u00a0", "\u201c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ASCII_PIECES, ASCII_GAPS), max_size=25), st.booleans(),
       st.sets(st.sampled_from(FIRST_CHAR_PHRASES), min_size=1))
def test_first_char_pattern_matches_as_the_plain_alternation(pieces, case_sensitive, phrases):
    """On text whose words are ASCII (the only text it is used on), same matches as the plain alternation."""
    text = "".join(w + g for w, g in pieces)
    ordered = tuple(sorted(phrases, key=lambda p: (-len(p), p)))
    plain = compile_words(ordered, case_sensitive)
    fast = first_char_pattern(ordered, [_escape_phrase(p) for p in ordered], case_sensitive)
    assert spans(fast.finditer(text)) == spans(plain.finditer(text))
    # the country form: a prefix match after a non-word character
    escaped = [re.escape(p) for p in ordered]
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(escaped)})", 0 if case_sensitive else re.IGNORECASE)
    fast = first_char_pattern(ordered, escaped, case_sensitive, before=r"\w", after="")
    assert spans(fast.finditer(text)) == spans(plain.finditer(text))


def test_first_char_pattern_needs_ascii_first_characters():
    assert first_char_pattern(("-Front",), ["-Front"], False) is None
    assert first_char_pattern(("\u00c9tat",), ["\u00c9tat"], False) is None


def test_phrase_matcher_falls_back_on_non_ascii_words():
    """The Kelvin sign lower-cases to an ASCII "k" but is not in the first-character class: such a text keeps
    the plain pattern (its words as written are not ASCII)."""
    text = "\u212aestrel Brigade"
    assert matcher_spans(NAMES, True, text) == [(0, 15)]
    assert matcher_spans(NAMES, True, text, {"kestrel", "brigade"}) == [(0, 15)]

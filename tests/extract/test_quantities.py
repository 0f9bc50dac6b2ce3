"""Count phrases → low/best/high through the convention table (lexicon/quantities.yml)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictbook.extract.quantities import _from_match, find_quantities, number_value, parse_quantity, table

N = None

# (phrase, low, best, high, kind)
PHRASES = [
    ("100", 100, 100, 100, "exact"),
    ("1,200", 1200, 1200, 1200, "exact"),
    ("3, 000", 3000, 3000, 3000, "exact"),
    ("12000", 12000, 12000, 12000, "exact"),
    ("1.5 million", 1500000, 1500000, 1500000, "exact"),
    ("30 thousand", 30000, 30000, 30000, "exact"),
    ("thirty-six", 36, 36, 36, "exact"),
    ("thirty six", 36, 36, 36, "exact"),
    ("four hundred", 400, 400, 400, "exact"),
    ("a hundred", 100, 100, 100, "exact"),
    ("an hundred", 100, 100, 100, "exact"),
    ("a dozen", 12, 12, 12, "exact"),
    ("two dozen", 24, 24, 24, "exact"),
    ("one hundred and twenty", 120, 120, 120, "exact"),
    ("two thousand five hundred", 2500, 2500, 2500, "exact"),
    ("Nineteen", 19, 19, 19, "exact"),
    ("eleven", 11, 11, 11, "exact"),
    ("seventy-two", 72, 72, 72, "exact"),
    ("a thousand", 1000, 1000, 1000, "exact"),
    ("over 100", 100, 100, N, "above"),
    ("over a hundred", 100, 100, N, "above"),
    ("more than 30", 30, 30, N, "above"),
    ("more than a dozen", 12, 12, N, "above"),
    ("at least 14", 14, 14, N, "above"),
    ("at least ten", 10, 10, N, "above"),
    ("no fewer than 8", 8, 8, N, "above"),
    ("upwards of 200", 200, 200, N, "above"),
    ("about 400", 360, 400, 440, "approx"),
    ("about four hundred", 360, 400, 440, "approx"),
    ("around 150", 135, 150, 165, "approx"),
    ("some 50", 45, 50, 55, "approx"),
    ("some 4,000", 3600, 4000, 4400, "approx"),
    ("approximately 20", 18, 20, 22, "approx"),
    ("an estimated 10,000", 9000, 10000, 11000, "approx"),
    ("roughly 30", 27, 30, 33, "approx"),
    ("nearly 100", 90, 100, 100, "near"),
    ("almost 40", 36, 40, 40, "near"),
    ("close to 60", 54, 60, 60, "near"),
    ("up to 30", N, 30, 30, "below"),
    ("as many as 70", N, 70, 70, "below"),
    ("fewer than 10", N, 10, 9, "below"),
    ("less than 20", N, 20, 19, "below"),
    ("between 10 and 15", 10, 10, 15, "range"),
    ("between forty and fifty", 40, 40, 50, "range"),
    ("10-15", 10, 10, 15, "range"),
    ("10\u201315", 10, 10, 15, "range"),
    ("two or three", 2, 2, 3, "range"),
    ("20 to 25", 20, 20, 25, "range"),
    ("more than 10-15", 10, 10, N, "above"),
    ("dozens", 12, 12, 99, "vague"),
    ("scores", 20, 20, 99, "vague"),
    ("hundreds", 100, 100, 999, "vague"),
    ("thousands", 1000, 1000, 9999, "vague"),
    ("tens of thousands", 10000, 10000, 99999, "vague"),
    ("hundreds of thousands", 100000, 100000, 999999, "vague"),
    ("several", 3, 3, 9, "vague"),
    ("a number", 2, N, N, "vague"),
    ("a handful", 2, 3, 9, "vague"),
    ("a few", 2, 3, 9, "vague"),
    ("many", 2, N, N, "vague"),
    ("numerous", 2, N, N, "vague"),
]


@pytest.mark.parametrize(("phrase", "low", "best", "high", "kind"), PHRASES)
def test_phrase_is_read_through_the_convention_table(phrase, low, best, high, kind):
    found = find_quantities(phrase + " people")
    assert found, phrase
    q = found[0]
    assert (q.text, q.low, q.best, q.high, q.kind) == (phrase, low, best, high, kind)


# (phrase, kind, best): totals and negations open a noun phrase without a figure
DETERMINERS = [
    ("all the members", "total", N),
    ("all of the fighters", "total", N),
    ("none of the members", "negation", 0),
    ("none of them", "negation", 0),
    ("no civilians", "negation", 0),
    ("not a single soldier", "negation", 0),
]


@pytest.mark.parametrize(("phrase", "kind", "best"), DETERMINERS)
def test_totals_and_negations(phrase, kind, best):
    q = parse_quantity(phrase)
    assert q is not None and q.kind == kind and q.best == best


@pytest.mark.parametrize(("text", "value"), [
    ("thirty-six", 36), ("a hundred", 100), ("four hundred", 400), ("1,200", 1200), ("a dozen", 12),
    ("two million", 2000000), ("nine", 9), ("fifteen", 15), ("ninety-nine", 99), ("banana", None),
])
def test_number_value(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("9" * 400, None), ("9" * 400 + ".5", None), ("1" + "0" * 400 + " million", None),
    ("2000 billion", None), ("1000 billion", 10 ** 12), ("1,000,000,000,000", 10 ** 12),
    ("999,999,999,999", 999_999_999_999), ("1000000000001", None),
])
def test_absurd_numbers_are_no_number(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize("text", ["the tenth battalion", "an often-cited figure", "someone", "manyfold", "tenth"])
def test_no_count_inside_other_words(text):
    assert find_quantities(text) == []


_PIECES = ["between", "10", "and", "15", "a", "hundred", "an", "estimated", "some", "40", "to", "50", "dozens", "of",
           "people", "both", "1,200", "3.5", "twenty", "five", "no", "fewer", "than", "more", "over", "at", "least",
           "\u017Fome", "approx\u0131mately", "A", "Hundred", "handful", "couple", "000", "million", "x"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "-", ",", ", ", ".", "\u2013", ""])),
                max_size=14))
def test_find_quantities_matches_the_plain_finditer(parts):
    """Trying the pattern only at words that open one of its phrases finds the same counts."""
    text = "".join(word + sep for word, sep in parts)
    plain = [q for m in table().pattern.finditer(text) if (q := _from_match(m, 3)) is not None]
    assert find_quantities(text, offset=3) == plain


def _plain(text: str):
    return [q for m in table().pattern.finditer(text) if (q := _from_match(m, 0)) is not None]


def test_find_quantities_finds_every_phrase_of_the_table_like_finditer():
    """Each modifier, vague word, pair and number word of the table, in a few frames: the same counts."""
    tab = table()
    for phrase in [*tab.modifiers, *tab.vague, *tab.pairs, *tab.words, *tab.scales, "between 4 and", "a", "an"]:
        for frame in ("{} 40 people", "They said {} of the men", "x-{} 7", "{} twenty-five, {} 3.5 million",
                      "{} hundred or {} 12"):
            text = frame.format(phrase, phrase)
            for variant in (text, text.upper(), text.capitalize()):
                assert find_quantities(variant) == _plain(variant), variant


@pytest.mark.parametrize(("text", "expected"), [
    # "to" and "or" join a range only as words of their own
    ("Hundredto 10 ", [("10", 10, 10, 10)]),
    ("10 to 15 fighters", [("10 to 15", 10, 10, 15)]),
    ("five or six people", [("five or six", 5, 5, 6)]),
])
def test_range_words_stand_apart(text, expected):
    assert [(q.text, q.low, q.best, q.high) for q in find_quantities(text)] == expected

"""The date gate: a sentence it rejects never holds a date, the atoms it leaves find the same
dates as all atoms (a superset of the finder), and sentences with only date-like words
(hours, evenings, weeks, counts) are skipped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.article import Sentence
from conflictbook.extract.date_finder import ATOM_KEYS, find_dates
from conflictbook.extract.date_gate import NO_ATOMS, date_atoms, may_hold_dates


def sentence(text: str) -> Sentence:
    return Sentence(0, 0, len(text), text, 0)


def gate(text: str) -> bool:
    return may_hold_dates(text, sentence(text).words)


def gated_dates(text: str) -> list:
    """find_dates as the timeline runs it: only the atoms the gate leaves."""
    atoms = date_atoms(text, sentence(text).words)
    return [] if atoms == NO_ATOMS else find_dates(text, atoms)


# Dates written so that a word-set gate could miss them: hyphens, apostrophes, digits glued
# to a month, capitals, non-ASCII letters (which re.IGNORECASE may fold onto ASCII ones).
WITH_DATES = [
    ("Fighting resumed in mid-March.", "in mid-March"),
    ("Shelling continued on the twenty-first of June.", "on the twenty-first of June"),
    ("Troops withdrew on the twenty\u2011first of June.", "first of June"),
    ("They met last May5 and talked for days.", "last May"),
    ("FIGHTING RESUMED LAST WEEK.", "LAST WEEK"),
    ("Rebels attacked last wee\u212a.", "last wee\u212a"),  # Kelvin sign, folded onto k
    ("He left 3 day\u017f ago.", "3 day\u017f ago"),  # long s, folded onto s
    ("Les combats ont repris le 3 March \u00e0 Paris.", "3 March"),
    ("Monday's attack killed two.", "Monday"),
    ("The wars of the 1990's left scars.", "the 1990's"),
    ("At 5 o'clock on Friday the sirens sounded.", "At 5 o'clock on Friday"),
    ("The truce of 2015-03-14 held.", "2015-03-14"),
    ("The note was dated 14/06/2021.", "14/06/2021"),
    ("It started on 0999-01-01.", "on 0999-01-01"),
    ("Since 2011 the war has spread.", "Since 2011"),
    ("Fighting raged during the 1990s.", "during the 1990s"),
    ("He said it 12 days later.", "12 days later"),
    ("The strike hit at dawn, the following morning.", "at dawn, the following morning"),
    ("The blast came earlier this year.", "earlier this year"),
    ("Aid arrived over the weekend.", "over the weekend"),
    ("Talks end in the second half of the year.", "in the second half of the year"),
    ("Crops failed last summer.", "last summer"),
    ("Three weeks ago the town fell.", "Three weeks ago"),
]


@pytest.mark.parametrize(("text", "when"), WITH_DATES)
def test_sentences_with_dates_pass(text, when):
    assert [m.text for m in find_dates(text)] == [when]
    assert gate(text)
    assert gated_dates(text) == find_dates(text)


WITHOUT_DATES = [
    "Electricity is available for only a few hours each evening, residents said.",
    "Mobile phone networks were down for much of the week.",
    "The road has been closed to civilian traffic for weeks.",
    "At least 12 people were wounded in the attack.",
    "Aid groups said this was the worst flooding they had seen.",
]


@pytest.mark.parametrize("text", WITHOUT_DATES)
def test_sentences_without_dates_are_skipped(text):
    assert find_dates(text) == []
    assert not gate(text)


VOCABULARY = sorted({phrase for phrases in ATOM_KEYS.values() for phrase in phrases} | {
    "the", "of", "on", "in", "at", "since", "until", "from", "to", "and", "between", "a", "few", "three",
    "twenty-first", "hours", "days", "weeks", "year", "month", "week", "morning", "evening", "night",
    "troops", "said", "may", "5", "12", "30", "2015", "1990s", "1990's", "5pm", "12:30", "0600", "GMT",
    "14/06/2021", "2015-03-14", "May5", "mid-March", "Monday's", "o'clock", "day\u017f", "wee\u212a", "\u00e0",
})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9),
       st.sampled_from([" ", " ", " ", ", ", "-"]))
def test_gated_atoms_find_the_same_dates(words, joint):
    text = joint.join(words) + "."
    assert gated_dates(text) == find_dates(text), text
    if find_dates(text):
        assert gate(text), text


@pytest.mark.parametrize(("text", "atoms"), [
    ("Talks resumed on Monday.", {"wd"}),
    ("No date here, only 12 dead.", set()),
    ("It was the year 2015, at 5 pm.", {"iso", "num", "yr", "moa", "dc", "yc", "tm"}),
    ("Protests went on in Ağrı on Monday.", None),  # non-ASCII: every atom may match
])
def test_atoms_left_by_the_gate(text, atoms):
    got = date_atoms(text, sentence(text).words)
    assert got == (frozenset(atoms) if atoms is not None else None)

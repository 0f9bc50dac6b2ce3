"""Speaker noun phrases and their resolution across an article (all names invented)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.extract.speakers import (
    _ORG_SUBJECT,
    SpeakerBook,
    _org_subjects,
    _role_name_pattern,
    parse_speaker,
    role_name_matches,
)

PHRASES = [
    # phrase, name or description, role, kind
    ("Activist Jane Roe", "Jane Roe", "Activist", "person"),
    ("Former militia commander Abu Karim Hadad", "Abu Karim Hadad", "Former militia commander", "person"),
    ("Police spokesman Sami Dor", "Sami Dor", "Police spokesman", "person"),
    ("a Valdorian military official", "Valdorian military official", None, "unnamed-person"),
    ("a senior officer of an elite police unit tasked with security", "senior officer", None, "unnamed-person"),
    ("the police chief of the northern district", "police chief", None, "unnamed-person"),
    ("a nephew of one of those killed", "nephew", None, "unnamed-person"),
    ("residents", "residents", None, "group"),
    ("Opposition activists and officials", "Opposition activists and officials", None, "group"),
    ("a community leader and a nephew", "community leader and nephew", None, "group"),
    ("The demonstrators", "demonstrators", None, "group"),
    ("the Interior Ministry", "Interior Ministry", None, "state"),
    ("the army", "army", None, "state"),
    ("the Eastern Defence Front", "Eastern Defence Front", None, "organisation"),
    ("Northern Watch Network, a monitoring group", "Northern Watch Network", None, "organisation"),
    ("EDF", "EDF", None, "organisation"),
    ("The Valley Courier newspaper", "Valley Courier newspaper", None, "media"),
    ("the Lusmari National Guard", "Lusmari National Guard", None, "organisation"),
    ("Association of Families of the Missing", "Association of Families of the Missing", None, "organisation"),
    ("Dr. Lena Hart, the director of the city hospital", "Lena Hart", None, "person"),
    ("the militia's commander, Edrik Vale", "Edrik Vale", None, "person"),
    ("Bo Lin Tan from the village defence unit", "Bo Lin Tan", None, "person"),
    ("Mahmud Farsi", "Mahmud Farsi", None, "person"),
    # a fronted participle or adverb is not part of the speaker
    ("Contacted, the district police spokesman, Oren Vasko", "Oren Vasko", "the district police spokesman", "person"),
    ("Reacting to the raid, village head Tomas Ebeli", "Tomas Ebeli", "village head", "person"),
    ("Asked about the convoy, Colonel Ivo Marr", "Ivo Marr", "Colonel", "person"),
    ("However, the army", "army", None, "state"),
    ("Speaking to reporters, the governor", "governor", None, "unnamed-person"),
    # a statement or report "by/from X" is X's
    ("a report by the Halvern Monitoring Group", "Halvern Monitoring Group", None, "organisation"),
    ("a statement from the Eastern Defence Front", "Eastern Defence Front", None, "organisation"),
    # a capitalised media word opening an outlet's name is part of the name
    ("Daily Lantern", "Daily Lantern", None, "media"),
    ("a report by Radio Selvo", "Radio Selvo", None, "media"),
    # not fronted: a surname before an appositive stays the name
    ("Manning, the spokesman", "Manning", None, "person"),
]


@pytest.mark.parametrize(("phrase", "label", "role", "kind"), PHRASES)
def test_parse_speaker(phrase: str, label: str, role: str | None, kind: str) -> None:
    mention = parse_speaker(phrase)
    assert mention is not None
    assert (mention.name or mention.description) == label
    assert mention.kind == kind
    if role is not None:
        assert mention.role == role


@pytest.mark.parametrize("phrase", ["The videos", "the footage", "which the army", "Some", "we",
                                    "the army had “answered the call", "there"])
def test_not_a_speaker(phrase: str) -> None:
    assert parse_speaker(phrase) is None


@pytest.mark.parametrize("pronoun", ["He", "she", "They", "it"])
def test_pronouns_parse_as_pronouns(pronoun: str) -> None:
    assert parse_speaker(pronoun).pronoun == pronoun.lower()


def resolve_all(phrases: list[str]) -> list[str]:
    """Final canonical names (a later, longer mention renames the speaker for every mention)."""
    book = SpeakerBook()
    speakers = [book.resolve(parse_speaker(phrase), position) for position, phrase in enumerate(phrases)]
    return [speaker.name if speaker else "" for speaker in speakers]


CHAINS = [
    (["Activist Jane Roe", "Roe", "She"], ["Jane Roe"] * 3),
    (["Abu Karim", "Abu Karim Hadad", "Abu Karim"], ["Abu Karim Hadad"] * 3),
    (["a border official", "The official", "he"], ["border official"] * 3),
    (["Local officials and residents", "They"], ["Local officials and residents"] * 2),
    (["Police spokesman Sami Dor", "a senior officer", "he"], ["Sami Dor", "senior officer", "senior officer"]),
    (["Mara Stein", "residents", "She"], ["Mara Stein", "residents", "Mara Stein"]),
    (["the Eastern Defence Front", "the group"], ["Eastern Defence Front"] * 2),
    (["the Red Valley Relief Society", "the society"], ["Red Valley Relief Society"] * 2),
    (["The director of the hospital", "Dr. Lena Hart, the director of the hospital"], ["Lena Hart"] * 2),
    (["He"], [""]),
]


@pytest.mark.parametrize(("phrases", "expected"), CHAINS)
def test_resolution_chain(phrases: list[str], expected: list[str]) -> None:
    assert resolve_all(phrases) == expected


def test_narrative_names_resolve_surnames_and_following_pronouns() -> None:
    text = "Regional governor Elsa Rank visited the camp on Monday."
    book = SpeakerBook()
    book.prime(text)
    assert book.resolve(parse_speaker("Rank"), 60).name == "Elsa Rank"
    fresh = SpeakerBook()
    fresh.prime(text)
    assert fresh.resolve(parse_speaker("She"), 60).name == "Elsa Rank"
    before = SpeakerBook()
    before.prime("The camp burned. " + text)
    assert before.resolve(parse_speaker("She"), 5) is None      # named only after the pronoun


# ---------------------------------------------------------------- role + name pre-filter (same matches as the regex)

ROLE_TEXTS = [
    "Regional governor Jane Roe visited the camp on Monday.",
    "The visit of Deputy Mayor Ivo Marek Kessel and police chief Ana Lind was brief.",
    "A spokesman, Tomas Brel, said nothing. Spokesman Tomas Brel said more.",
    "Ex-commander Olga Varn (Governor Piet Hal) and aid worker Dana Fiel spoke.",
    "Nobody with a role here talks to Jane Roe.",
    "",
]


ROLE_TEXTS += [
    "AID WORKER Dana Fiel, Aid Worker Dana Fiel and aid-worker Dana Fiel.",   # capitals, a hyphen
    "The governor's aide Jane Roe; the governor\u2019s Jane Roe Kell.",       # apostrophes
    "Governor Jane\nRoe; governor jane roe; governor Jane Roe-Kell Ivo Marek.",  # a line break, lower case
    "Deputy Mayor Ivo Kessel met Jos\u00e9 Ruiz, police chief Ana Lind.",     # a non-ASCII word elsewhere
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_role_name_matches_equal_the_plain_regex(text):
    plain = [m.span() for m in _role_name_pattern().finditer(text)]
    assert [m.span() for m in role_name_matches(text)] == plain
    words = frozenset(w.lower() for w in re.findall(r"\w+", text))
    assert [m.span() for m in role_name_matches(text, words)] == plain


ROLE_WORDS = st.sampled_from(["governor", "Governor", "GOVERNOR", "police", "chief", "aid", "worker", "spokesman",
                              "Gen", "Deputy", "mayor", "Jane", "Roe", "Ivo", "Marek", "Ana", "the", "visited",
                              "co-founder", "ex", "\u212aestrel", "\u017fpokesman", "İvo", "3rd", "x_y"])
ROLE_GAPS = st.sampled_from([" ", "  ", ". ", "-", ", ", "\n", "(", ") ", "\u00a0", "'s "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ROLE_WORDS, ROLE_GAPS), max_size=30), st.text(max_size=15))
def test_role_name_matches_equal_the_plain_regex_on_any_text(pieces, noise):
    text = "".join(w + g for w, g in pieces) + noise
    plain = [m.span() for m in _role_name_pattern().finditer(text)]
    assert [m.span() for m in role_name_matches(text)] == plain
    words = frozenset(w.lower() for w in re.findall(r"\w+", text))        # as Sentence.words gives them
    assert [m.span() for m in role_name_matches(text, words)] == plain


@pytest.mark.parametrize(
    ("phrase", "role", "kind"),
    [
        ("Officials in Veska", "Officials in Veska", "group"),
        ("Residents of Arlo", "Residents of Arlo", "group"),
        ("Doctors at Selin General Hospital", "Doctors at Selin General Hospital", "group"),
    ],
)
def test_capitalised_plural_role_with_place_is_a_group(phrase, role, kind):
    mention = parse_speaker(phrase)
    assert (mention.name, mention.role, mention.kind) == ("", role, kind)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ROLE_WORDS.filter(str.isascii), ROLE_GAPS), max_size=30))
def test_role_name_matches_equal_the_plain_regex_on_ascii_text(pieces):
    """ASCII words: the role words are found by a small pattern and the runs before them backwards."""
    text = "".join(w + g for w, g in pieces)
    plain = [m.span() for m in _role_name_pattern().finditer(text)]
    assert [m.span() for m in role_name_matches(text)] == plain
    words = frozenset(w.lower() for w in re.findall(r"\w+", text))
    assert [m.span() for m in role_name_matches(text, words)] == plain


SUBJECT_PIECES = st.sampled_from(["The", "Red", "Fen", "Militia", "said", "it", "ARSA", "denied", ".", "!", "?", " ",
                                  "\n", "\u2009", "\u00a0", "\u201c", "x.", "Mr.", "Army", "the", "O\u2019Neil"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SUBJECT_PIECES, max_size=40).map("".join))
def test_org_subjects_equal_the_plain_regex(text):
    """Sentence-opening organisations are tried only where a sentence or line starts: same matches."""
    assert [m.span() for m in _org_subjects(text)] == [m.span() for m in _ORG_SUBJECT.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(SUBJECT_PIECES, max_size=40).map(" ".join))
def test_org_subjects_equal_the_plain_regex_with_blanks(text):
    assert [m.span() for m in _org_subjects(text)] == [m.span() for m in _ORG_SUBJECT.finditer(text)]

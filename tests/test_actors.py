"""Actor gazetteer: canonical names, country-gated generic aliases, case-sensitive acronyms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.actors import (
    _pattern,
    _specific_index,
    alias_starts,
    canonical,
    countries_in,
    find_actors,
    finditer_at_words,
    is_acronym,
    load_gazetteer,
    sub_patterns,
)

# (text, countries, expected canonical names in order)
MENTIONS = [
    ("Syrian regime forces advanced.", None, ["Syrian government forces"]),
    ("The regime forces advanced.", {"Syria"}, ["Syrian government forces"]),
    ("The regime forces advanced.", {"Myanmar"}, ["Myanmar military (junta)"]),
    ("The regime forces advanced.", None, []),
    ("IS fighters attacked the town.", None, ["Islamic State"]),
    ("The town is quiet and it is cold.", None, []),
    ("Is this true? It Is.", None, []),
    ("The PDF said it shot down a drone.", None, ["People's Defense Force"]),
    ("Download the pdf of the report.", None, []),
    ("The RSF and the SAF fought in Khartoum.", None, ["Rapid Support Forces", "Sudanese Armed Forces"]),
    ("The rsf of the device was low.", None, []),
    ("Hamas freed four hostages.", None, ["Hamas"]),
    ("The IDF said Hezbollah fired rockets.", None, ["Israel Defense Forces", "Hezbollah"]),
    ("Houthi rebels attacked a ship.", None, ["Houthis"]),
    ("Al-Shabaab claimed the attack.", None, ["Al-Shabaab"]),
    ("ISWAP and Boko Haram clashed.", None, ["Islamic State West Africa Province", "Boko Haram"]),
    ("JNIM fighters ambushed the convoy.", None, ["Jama'at Nusrat al-Islam wal-Muslimin"]),
    ("The Taliban detained two men.", None, ["Taliban"]),
    ("ISKP claimed the bombing.", None, ["Islamic State Khorasan Province"]),
    ("M23 rebels took the town.", None, ["M23"]),
    ("The CJNG and the Sinaloa Cartel fought.", None, ["Jalisco New Generation Cartel", "Sinaloa Cartel"]),
    ("Junta troops torched houses.", None, ["Myanmar military (junta)"]),
    ("Russian troops shelled the village.", None, ["Russian armed forces"]),
    ("Ukrainian forces retook the village.", None, ["Ukrainian armed forces"]),
    ("The Hashd Shaabi said two members died.", None, ["Popular Mobilization Forces"]),
    ("The VAF and the NLF agreed to a swap.", None, ["Valdorian Armed Forces", "Northern Liberation Front"]),
    ("AHDC militiamen left the camp.", None, ["Amber Hills Defence Council"]),
    ("The army said so.", {"Valdoria"}, ["Valdorian Armed Forces"]),
    ("The Islamic State group's fighters", None, ["Islamic State"]),
]


@pytest.mark.parametrize(("text", "countries", "names"), MENTIONS)
def test_mentions(text, countries, names):
    assert [m.actor.name for m in find_actors(text, countries)] == names


@pytest.mark.parametrize(("alias", "acronym"), [("IS", True), ("PDF", True), ("M23", True), ("AFC/M23", True),
                                                ("Islamic State", False), ("PDFs", False), ("al-Shabaab", False)])
def test_acronyms_are_capitals(alias, acronym):
    assert is_acronym(alias) is acronym


@pytest.mark.parametrize(("text", "country"), [("The Syrian army", "Syria"), ("in Sudan", "Sudan"),
                                               ("Taliban fighters", "Afghanistan"), ("ISWAP", "Nigeria")])
def test_countries_in(text, country):
    assert country in countries_in(text)


def test_canonical_keeps_unknown_names():
    assert canonical("Jordanian soldiers") == "Jordanian armed forces"
    assert canonical("the Blue Hand gang") == "the Blue Hand gang"


def test_gazetteer_covers_todays_wars():
    names = {a.name for a in load_gazetteer()}
    for name in ("Russian armed forces", "Ukrainian armed forces", "Israel Defense Forces", "Hamas", "Hezbollah",
                 "Sudanese Armed Forces", "Rapid Support Forces", "Al-Shabaab", "Boko Haram", "Houthis", "Taliban",
                 "Islamic State Khorasan Province", "Myanmar military (junta)", "M23"):
        assert name in names


def test_missing_explicit_gazetteer_fails_loudly(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_gazetteer(str(tmp_path / "nope.yml"))


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
        pattern = _pattern(aliases, case_sensitive=not fold)
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

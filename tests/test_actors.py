"""Actor gazetteer: canonical names, country-gated generic aliases, case-sensitive acronyms."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.actors import canonical, countries_in, find_actors, is_acronym, load_gazetteer

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


def test_countries_in_is_scanned_once_per_text_and_returns_a_fresh_set():
    text = "Houthi rebels attacked a convoy in Marib, Yemeni officials said."
    first = countries_in(text)
    first.add("Atlantis")
    assert "Atlantis" not in countries_in(text)
    assert countries_in(text) == countries_in(text)


# ---------------------------------------------------------------- the word-filtered matchers change no mention

def _plain_find_actors(text: str, countries: set[str] | None) -> list[tuple[str, str, int, int]]:
    """find_actors with the plain alias regexes (no word filter): the reference the fast path must equal."""
    from conflictbook.actors import _specific_index
    from conflictbook.wordscan import word_pattern

    index = _specific_index(load_gazetteer())
    found = list(index.names.finditer(text)) + list(index.acronyms.finditer(text))
    found.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    mentions, taken, end = [], [], -1
    for match in found:
        if match.start() < end:
            continue
        end = match.end()
        actor = index.actor(match.group(0))
        if actor is not None:
            mentions.append((actor.name, match.group(0), match.start(), match.end()))
            taken.append(match.span())
    for actor in load_gazetteer():
        if not actor.generic or not countries or actor.country not in countries:
            continue
        for match in word_pattern(list(actor.generic)).finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                mentions.append((actor.name, match.group(0), match.start(), match.end()))
                taken.append(match.span())
    return sorted(mentions, key=lambda m: m[2])


ALIAS_PIECES = st.sampled_from(sorted({a for actor in load_gazetteer() for a in actor.aliases + actor.generic})
                               + ["the", "-", "Syria", "Syrian", "\u212a", "\u00e9", "IS", "is", "'s", "\u2019s"])


@settings(max_examples=150, deadline=None)
@given(st.lists(ALIAS_PIECES, max_size=20), st.sampled_from([" ", "  ", "-", "\n", ", "]),
       st.sampled_from([None, {"Syria"}, {"Myanmar", "Sudan"}]))
def test_find_actors_equals_the_plain_regexes(pieces, gap, countries):
    text = gap.join(pieces)
    got = [(m.actor.name, m.surface, m.start, m.end) for m in find_actors(text, countries)]
    assert got == _plain_find_actors(text, countries)


@pytest.mark.parametrize("text", [
    "The Syrian regime said so.", "SYRIAN REGIME FORCES and the \u017fyrian army.", "Syria\u2019s army; syria-based",
    "In Myanmar the junta and the Tatmadaw; in Sudan the RSF.", "Caf\u00e9 owners in Damascus met regime forces.",
    "\u017fyria",     # the long s folds to "s" in the regex engine only: this was a KeyError
])
def test_countries_in_equals_the_plain_regexes(text):
    from conflictbook.actors import _countries_in, _country_alternation, _specific_index
    actors = load_gazetteer()
    countries = tuple(sorted({a.country for a in actors if a.country}))
    plain = {c for m in _country_alternation(countries).finditer(text) for c in countries
             if re.fullmatch(re.escape(c), m.group(0), re.IGNORECASE)}
    index = _specific_index(actors)
    plain |= {index.actor(m.group(0)).country for m in index.names.finditer(text) if index.actor(m.group(0))}
    plain |= {index.actor(m.group(0)).country for m in index.acronyms.finditer(text) if index.actor(m.group(0))}
    plain.discard("")
    assert _countries_in(text, actors) == frozenset(plain)

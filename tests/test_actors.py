"""Actor gazetteer: canonical names, country-gated generic aliases, case-sensitive acronyms."""

from __future__ import annotations

import pytest

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

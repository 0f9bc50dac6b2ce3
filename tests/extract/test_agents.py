"""Perpetrators read from the grammar of sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbook.article import Article
from conflictbook.extract.tallies import extract_tallies

# (sentence, perpetrator of every row)
AGENTS = [
    # the speaker behind "it"/"they" after a reporting verb
    ("The navy said it had sunk a boat and captured 14 pirates.", ["The navy"]),
    ("The rebels said they had abducted six engineers.", ["The rebels"]),
    # a reporting verb with no subject after it gives no agent (not an auxiliary as a name)
    ("It was a raid the militia said had killed five guards.", [""]),
    # an attack noun's capitalised modifier names the side, even when the gazetteer does not know it
    ("Morvanian artillery fire killed three shepherds near the ridge.", ["Morvanian"]),
    ("Two nurses were wounded in Dastrian drone strikes overnight.", ["Dastrian"]),
    # a place before a common noun ("Kalvo forest raids") names no side; a demonym or a weapon word does
    ("Forty rebels were killed in Dorvo forest raids.", [""]),
    ("Five people died in Korsh missile strikes.", ["Korsh"]),
    # weekdays and months before an attack noun are dates, not sides
    ("Four soldiers were killed in Monday's attack.", [""]),
    ("Five people died in the Sunday raid.", [""]),
    # a clause that tells the attack names the attackers
    ("Eleven traders were killed when masked men stormed the market.", ["masked men"]),
    ("Three guards were wounded as they attacked the depot.", [""]),
    # a nominal cue with a by-phrase after the people counted
    ("Witnesses described the execution of nine prisoners by the militia.", ["the militia"]),
]


@pytest.mark.parametrize(("sentence", "perpetrators"), AGENTS)
def test_perpetrators(sentence, perpetrators):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    rows = extract_tallies(article, [], [])
    assert [r.perpetrator for r in rows] == perpetrators


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In the northern district, Morvanian shelling killed a shepherd.", [("a shepherd", "Morvanian")]),
    ("Five more smugglers were killed in a shootout with border guards on Friday.",
     [("Five more smugglers", "border guards")]),
    ("Two rebels died in clashes with the army near the dam.", [("Two rebels", "the army")]),
])
def test_sides_of_a_confrontation_and_named_attacks(sentence, expected):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [(r.quantity_text, r.perpetrator) for r in extract_tallies(article, [], [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the category word after the people: "took ... hostage", "holding ... captive"
    ("Pirates took 19 sailors hostage off the coast.", [("hostage", 19, "Pirates")]),
    ("The rebels are holding 12 engineers captive.", [("captured", 12, "The rebels")]),
    # a written-out subject ends at its verb, -ed or not
    ("A gunman drove into the crowd, killing nine pilgrims.", [("killed", 9, "A gunman")]),
    # "claimed to have": the infinitive keeps the speaker as the subject
    ("The front claimed to have captured 25 soldiers.", [("captured", 25, "The front")]),
])
def test_taking_verbs_and_subjects(sentence, expected):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [(r.category, r.best, r.perpetrator) for r in extract_tallies(article, [], [])] == expected


def test_intransitive_cues_take_no_by_phrase():
    article = Article.build("a", "Sixty prisoners came home today in a swap brokered by a neighbour.",
                            published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [(r.category, r.perpetrator) for r in extract_tallies(article, [], [])] == [("released", "")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a relative pronoun's antecedent is the subject of the relative clause
    ("The raiders, who abducted 30 pupils, fled into the forest.", [("abducted", 30, "The raiders")]),
    # a verb phrase is never a perpetrator
    ("Bandits who kidnapped 12 farmers freed them on Sunday.", [("abducted", 12, "Bandits")]),
])
def test_relative_clauses(sentence, expected):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    got = [(r.category, r.best, r.perpetrator) for r in extract_tallies(article, [], [])]
    assert got[: len(expected)] == expected
    assert all(r.perpetrator.split()[:1] != ["kidnapped"] for r in extract_tallies(article, [], []))


def test_a_place_after_a_preposition_is_no_side():
    article = Article.build("a", "About 400 tenants of Otterby were moved to schools in Lake Town after the raid.",
                            published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [r.perpetrator for r in extract_tallies(article, [], [])] == [""]


@pytest.mark.parametrize("sentence", [
    "A 12-year-old boy was killed by a stray bullet.",
    "Two farmers were wounded by shrapnel.",
    "A shepherd was killed by a landmine near the border.",
])
def test_means_are_no_perpetrators(sentence):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [r.perpetrator for r in extract_tallies(article, [], [])] == [""]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a singular subject far from an intransitive verb is not what the verb is about
    ("His sister, Mira, cannot forget the night their father died.", []),
    ("The driver died on the spot.", [("killed", 1)]),
    # capitalised things are not people
    ("The rebels also seized nine Motorcycles from the camp.", []),
    # "confirmed to the agency that ...": the reported clause has its own subject
    ("Officials confirmed to the agency that the coast guard intercepts migrants at sea.", [("detained", None)]),
])
def test_subjects_and_things(sentence, expected):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert [(r.category, r.best) for r in extract_tallies(article, [], [])] == expected


# Whose action the count is: (sentence, perpetrator of the first row).
SUBJECTS = [
    # a time adverbial or a place before the subject, after a comma or a dash
    ("On 2 May, masked men stopped a minibus and seized four passengers.", "masked men"),
    ("KORVA, May 3 (Wire) - Gunmen on motorbikes attacked a market, killing nine traders.", "Gunmen"),
    # an attribution before the subject is not the subject
    ("According to witnesses quoted by local radio, soldiers arrested five students.", "soldiers"),
    # a speaker's pronoun after a reported "that": the speaker did it
    ("The coastguard said on Monday that it had intercepted 60 migrants.", "The coastguard"),
    ("The rebels told reporters that they had captured 14 soldiers.", "The rebels"),
    # a possessive subject
    ("Later that day their gunmen abducted six teachers.", "their gunmen"),
    # a by-phrase ends before "from" and "to"
    ("About 900 villagers were evacuated by the army from the flood zone to a camp.", "the army"),
    # "the claim that it ...": a noun, not the speaker's verb
    ("The police rejected the claim that it arrested 30 protesters.", ""),
]


@pytest.mark.parametrize(("sentence", "perpetrator"), SUBJECTS)
def test_the_subject_that_did_it(sentence, perpetrator):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert extract_tallies(article, [], [])[0].perpetrator == perpetrator


# The side a statement blames, and a name before an apposition: (sentence, perpetrator of the first row).
BLAMED_AND_APPOSED = [
    ("Eight farmers were killed on Sunday, the union said, accusing the border guards of firing first.",
     "the border guards"),
    ("Six children died in the fire, which residents blamed on the militia.", "the militia"),
    ("Thirty miners were wounded, and the company blamed the rebels for the blast.", "the rebels"),
    ("Police named the Black Lantern, a gang that has robbed banks and kidnapped 12 traders.", "the Black Lantern"),
    ("Officials suspect the Grey Wolves, a faction which abducted 25 pupils in May.", "the Grey Wolves"),
    # a pronoun is blamed for nothing
    ("Four people died, and the mayor blamed them for the delay.", ""),
]


@pytest.mark.parametrize(("sentence", "perpetrator"), BLAMED_AND_APPOSED)
def test_blamed_sides_and_appositions(sentence, perpetrator):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert extract_tallies(article, [], [])[0].perpetrator == perpetrator


def test_a_weapon_after_a_place_is_no_apposition():
    article = Article.build("a", "In the hill district, a Varnish drone killed four herders.",
                            published=date(2025, 3, 14), outlet="Meridian Wire")
    assert extract_tallies(article, [], [])[0].perpetrator == "Varnish"


# Guards found on real reporting: (sentence, perpetrator of the first row).
NO_SIDE = [
    # the speaker's pronoun after someone else's "claim that"
    ("The rebels rejected the army's claim that it captured 40 of their fighters.", ""),
    # a reciprocal accusation names no side
    ("Both sides accuse each other of holding hundreds of prisoners.", ""),
]


@pytest.mark.parametrize(("sentence", "perpetrator"), NO_SIDE)
def test_no_side_is_named(sentence, perpetrator):
    article = Article.build("a", sentence, published=date(2025, 3, 14), outlet="Meridian Wire")
    assert extract_tallies(article, [], [])[0].perpetrator == perpetrator


def _rows(body: str):
    article = Article.build("a", body, published=date(2025, 3, 14), outlet="Meridian Wire")
    return extract_tallies(article, [], [])


@pytest.mark.parametrize(("body", "expected"), [
    # a finished relative clause ("who raided ... on Friday night") before the main verb: the antecedent acts
    ("Gunmen who raided a village school on Friday night are still holding 20 students.",
     [("20 students", "Gunmen")]),
    ("The raiders, who came on foot shortly after midnight, kidnapped 12 farmers from the fields.",
     [("12 farmers", "The raiders")]),
    # a relative clause whose own verb is the cue keeps its antecedent too
    ("Smugglers who are holding nine migrants demanded money.", [("nine migrants", "Smugglers")]),
    # "before midnight" is a time, not a clause: the subject stays in view
    ("Shortly before midnight gunmen abducted 14 pupils.", [("14 pupils", "gunmen")]),
    ("Late at night bandits abducted 14 pupils.", [("14 pupils", "bandits")]),
])
def test_relative_clause_before_the_main_verb(body, expected):
    assert [(r.quantity_text, r.perpetrator) for r in _rows(body) if r.best] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a quoted noun phrase is no clause break: the coordinated verb keeps the speaker as its subject
    ('The rebels said they had shelled "an enemy fuel dump" and killed 9 soldiers.', [("9 soldiers", "The rebels")]),
    ('The militia claimed it had killed "dozens of fighters" and captured four.',
     [("dozens of fighters", "The militia"), ("four", "The militia")]),
])
def test_coordinated_verbs_after_a_quoted_phrase(body, expected):
    assert [(r.quantity_text, r.perpetrator) for r in _rows(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the one attack told right before a passive count of its victims names the attackers
    ("Insurgents ambushed a convoy on the highway. At least 20 soldiers were killed.",
     [("At least 20 soldiers", "Insurgents")]),
    ("Bandits raided the village at dawn, and 12 farmers were kidnapped.", [("12 farmers", "Bandits")]),
    # not when the victims are the attackers themselves
    ("Insurgents ambushed a convoy on the highway. Three of the insurgents were killed.",
     [("Three of the insurgents", "")]),
    # not when the convoy was the one attacked, nor an attack only in a time clause or denied
    ("A convoy was ambushed on the highway. At least 20 soldiers were killed.", [("At least 20 soldiers", "")]),
    ("The truce ended when militants attacked a base. Six soldiers were killed.", [("Six soldiers", "")]),
    ("The army denied that its jets had bombed the town. Seven people were killed.", [("Seven people", "")]),
    # a raid or a use of force before a passive count of arrests
    ("Police raided the camp at dawn. Forty people were arrested.", [("Forty people", "Police")]),
    ("Riot police fired tear gas at the crowd, and hundreds of demonstrators were detained.",
     [("hundreds of demonstrators", "Riot police")]),
    # "twelve of them": whose people is not said
    ("Rebels attacked the base. Twelve of them were captured.", [("Twelve of them", "")]),
    # two attacks told: which one is open
    ("Rebels attacked a post and gunmen raided a farm. Four guards were killed.", [("Four guards", "")]),
    # not in another paragraph, and not for an intransitive count
    ("Insurgents ambushed a convoy on the highway.\n\nAt least 20 soldiers were killed.",
     [("At least 20 soldiers", "")]),
    ("Insurgents ambushed a convoy on the highway. Nine soldiers died.", [("Nine soldiers", "")]),
])
def test_attack_told_just_before(body, expected):
    assert [(r.quantity_text, r.perpetrator) for r in _rows(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "neutralised", "eliminated": the side that says so did it
    ("The army said 40 insurgents were neutralised in the operation.", "army"),
    ("The front said in a statement that 12 soldiers had been eliminated.", "front"),
    # not the spokesman in person, and not a plain "killed"
    ('"Two of the bandits were neutralised," the police spokesman Adam Roe said.', ""),
    ("The army said 40 insurgents were killed in the operation.", ""),
])
def test_speaker_words_for_killing(body, expected):
    from conflictbook.extract.claims import extract_claims
    article = Article.build("a", body, published=date(2025, 3, 14), outlet="Meridian Wire")
    rows = extract_tallies(article, extract_claims(article), [])
    assert [r.perpetrator for r in rows] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    # a day after the subject belongs to the verb, not to who did it
    ("The army on Friday said it had killed 20 rebels in the hills.", "The army"),
    ("Rebels on Monday abducted six engineers.", "Rebels"),
])
def test_a_day_after_the_subject_is_no_part_of_it(body, expected):
    assert [r.perpetrator for r in _rows(body)] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    # a by-phrase agent ends before a time ("since Tuesday", "last night")
    ("At least seven protesters had been killed by the security forces since Tuesday.", "the security forces"),
    ("Two men were killed by soldiers last night.", "soldiers"),
    # a by-phrase that is itself a time names nobody
    ("Nine defendants were jailed by the end of the week.", ""),
])
def test_a_by_phrase_agent_ends_before_a_time(body, expected):
    assert [r.perpetrator for r in _rows(body)] == [expected]

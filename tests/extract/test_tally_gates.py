"""The keyword gates of the tallies skip only sentences that give no row: supersets, pinned on my sentences."""

from __future__ import annotations

import copy
from datetime import date

import pytest
import yaml

import conflictbook.extract.cues as cues
import conflictbook.extract.tallies as tallies
from conflictbook.article import Article
from conflictbook.extract.casualty_terms import FORMS, terms
from conflictbook.extract.quantities import find_quantities
from conflictbook.extract.tally_gates import WordGate, gate_words, gates
from conflictbook.lexicon import LexiconError, load


def _rows(body: str):
    article = Article.build("g", body, published=date(2025, 3, 14), outlet="Meridian Wire")
    return [(t.category, t.low, t.best, t.high, t.victims, t.status, t.perpetrator, t.scope, t.span_start)
            for t in tallies.extract_tallies(article, [], [])]


# One row-giving sentence per step a gate guards, with the trigger in forms a word test could miss:
# hyphenated, after an apostrophe, upper case, non-ASCII letters and digits.
GIVES_ROWS = [
    ("Twelve pro-government fighters were killed on Tuesday.", "killed"),
    ("FIVE VILLAGERS WERE KILLED IN THE RAID.", "killed"),
    ("The rebels' commander said 14 soldiers were captured.", "captured"),
    ("Fourteen soldiers were abducted at the base\u2019s gate.", "abducted"),
    ("Gunmen shot-dead three farmers, and two were shot dead later.", "killed"),
    ("\u0663 soldiers were killed in the raid.", "killed"),                   # an Arabic-Indic digit
    ("Nine villagers were \u212Ailled overnight.", "killed"),                # the Kelvin sign folds to "k"
    ("The number of death\u017F rose to 19.", "killed"),                     # "ſ" matches "s" in the regex only
    ("The shelling forced some 4,000 villagers from their home\u017F.", "displaced"),
    ("Militants took 30 passengers ho\u017Ftage on the highway.", "hostage"),
    ("Dozens of civilians were killed.", "killed"),                           # a count without a digit
    ("A policeman was shot dead at the checkpoint.", "killed"),                # one person, no count word
    ("None of the hostages were released.", "released"),                      # a negated count
    ("Civilians were killed in the shelling.", "killed"),                     # a bare plural
    ("The members of one unit were captured.", "captured"),                   # a whole group
    ("Thirty-six hostages remain in the compound.", "hostage"),               # an implied category
    ("Militants took 30 passengers hostage on the highway.", "hostage"),      # an object complement
    ("The shelling forced some 4,000 villagers to flee.", "displaced"),       # a causative
    ("Eighty-four prisoners have returned to their families.", "released"),   # held people coming back
    ("The death toll rose to 19 from 12.", "killed"),                         # a toll
    ("The number of civilians killed has risen to 80.", "killed"),            # a toll by its participle
    ("Officials put the number of captured fighters at 40.", "captured"),     # an estimate
    ("The latest convoy left, bringing to some 300 the number of people bused out.", "relocated"),
    ("Five herders were at the well when soldiers arrested them.", "detained"),  # a pronoun object
]


@pytest.mark.parametrize(("body", "category"), GIVES_ROWS)
def test_gated_sentence_still_gives_its_row(body, category):
    assert category in [row[0] for row in _rows(body)]


@pytest.mark.parametrize(("body", "category"), GIVES_ROWS)
def test_gates_change_no_row(body, category, monkeypatch):
    gated = _rows(body)
    monkeypatch.setattr(tallies, "gate_words", lambda words: None)   # every gate open
    monkeypatch.setattr(cues, "_cue_openers", lambda: None)          # the plain look-back search
    assert _rows(body) == gated


@pytest.mark.parametrize("body", [
    "Diplomats urged both sides to return to talks.",      # "return" alone is no "in return for"
    "The talks resumed in the capital on Monday.",
    "Prices of bread doubled in the market this week.",
])
def test_sentence_without_category_words_is_skipped(body):
    sentence = Article.build("g", body).sentences[0]
    assert not gates().row.holds(gate_words(sentence.words))
    assert _rows(body) == []


@pytest.mark.parametrize(("words", "expected"), [
    (frozenset({"five", "were", "killed"}), frozenset({"five", "were", "killed"})),
    (frozenset({"five", "were", "kılled"}), None),        # one non-ASCII word: no gating at all
    (frozenset({"\u0663", "soldiers"}), None),
])
def test_gate_words_open_for_non_ascii(words, expected):
    assert gate_words(words) == expected


def test_word_gate_needs_every_run_of_a_phrase():
    gate = WordGate.of(["in return for", "shot dead", "hostages"])
    assert gate.holds(frozenset({"they", "shot", "him", "dead"}))
    assert not gate.holds(frozenset({"urged", "return", "to", "talks"}))
    assert gate.holds(None)
    assert WordGate.of(["gef\u00e4ngnis"]).holds(frozenset({"x"}))   # a non-ASCII phrase: never ruled out


def test_every_cue_phrase_of_the_lexicon_opens_the_row_gate():
    """Derived, not copied: each cue, toll noun and complement of the lexicon passes on its own words."""
    doc = load("casualties")
    phrases = [p for forms in doc["categories"].values() for form in FORMS for p in (forms or {}).get(form) or []]
    phrases += [n for nouns in doc["tolls"]["nouns"].values() for n in nouns]
    phrases += list(doc["object_complements"]["complements"]) + list(doc["causatives"]["displaced"])
    for phrase in phrases:
        sentence = Article.build("g", f"They said {phrase} there.").sentences[0]
        assert gates().row.holds(gate_words(sentence.words)), phrase


@pytest.mark.parametrize("body", [
    "Officials said the army had killed all the fighters and later arrested and held about 20 others.",
    "Gunmen reportedly shot dead three farmers, then took captive the rest, freeing 12 women.",
    "The group released, in return for 40 prisoners, the bodies of six soldiers \u2019 killed.",
    "They were forced to flee; the militia kidnapped them and took prisoner a further ten men.",
])
def test_cue_look_back_matches_the_plain_search(body):
    """The look-back tries only word starts that open a cue: the same match at every phrase start."""
    text = Article.build("g", body).sentences[0].text
    pattern = terms().before_tail
    for end in range(len(text) + 1):
        plain = pattern.search(text[:end], max(0, end - 120))
        fast = cues.active_cue_before(text, end)
        assert (fast.span() if fast else None) == (plain.span() if plain else None), end


@pytest.mark.parametrize(("text", "best"), [
    ("\u017Fome 40 people", 40),    # "ſome": a modifier folded back to "some"
    ("\u017Feveral people", 3),
    ("approx\u0131mately 40 people", None),  # "ı" matches "i" in the regex, folds to no key: no count, no crash
])
def test_non_ascii_folded_quantity_words(text, best):
    found = find_quantities(text)
    assert (found[0].best if found else None) == best


def test_lexicon_override_without_a_toll_key_fails_loudly(tmp_path, monkeypatch):
    doc = copy.deepcopy(load("casualties"))
    del doc["tolls"]["bringing_to_verbs"]
    (tmp_path / "casualties.yml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    monkeypatch.setenv("CONFLICTBOOK_LEXICON_DIR", str(tmp_path))
    load.cache_clear()
    terms.cache_clear()
    try:
        with pytest.raises(LexiconError, match="bringing_to_verbs"):
            terms()
    finally:
        monkeypatch.delenv("CONFLICTBOOK_LEXICON_DIR")
        load.cache_clear()
        terms.cache_clear()

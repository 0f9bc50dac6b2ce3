"""The casualty lexicon (``lexicon/casualties.yml``) compiled once into regexes and lookup sets.

The tallies extractor asks three questions of a sentence: which words count people
(person nouns), which words put those people into a SPEC category (cue verbs and nouns,
in active or passive voice), and which words change the status of the count (negation,
deals, demands). The answers are data; this module only turns them into fast matchers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from conflictbook.lexicon import LexiconError, load

CATEGORIES = ("killed", "injured", "missing", "captured", "surrendered", "detained", "hostage", "abducted",
              "released", "exchanged", "relocated", "displaced")
FORMS = ("before", "after", "intransitive", "nouns", "implied")
TOLL_KEYS = ("nouns", "bringing_verbs", "bringing_to_verbs", "estimate_verbs", "verbs", "updates", "previous",
             "object_verbs", "object_adjectives", "anaphoric_nouns")


def _norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().replace("\u2019", "'").split())


def alternation(phrases) -> str:
    """Regex alternation of PHRASES, longest first, whole words, spaces matching any whitespace."""
    ordered = sorted({_norm(p) for p in phrases if str(p).strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for p in ordered)


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w\-])", re.IGNORECASE)


@dataclass(frozen=True)
class Terms:
    """Compiled matchers for one version of the casualty lexicon."""

    cue_map: dict[str, dict[str, str]]     # form -> phrase -> category
    before_tail: re.Pattern                # left context ending in an active cue ("... captured ")
    after_cue: re.Pattern                  # a passive/intransitive cue in the right context
    aux_tail: re.Pattern                   # a gap ending in an auxiliary ("were reportedly ")
    adverb_gap: re.Pattern                 # a gap of adverbs only ("still ")
    irrealis_tail: re.Pattern              # "unable to ", "in return for "
    negation_tail: re.Pattern              # "not ", "never "
    agreed: re.Pattern
    demanded: re.Pattern
    attack: re.Pattern
    reporting_that: re.Pattern
    identifier_tail: re.Pattern
    causative_tail: re.Pattern
    causative_displaced: re.Pattern
    toll: re.Pattern
    toll_update: re.Pattern
    toll_number: re.Pattern                # "the number of civilians killed has risen to 80"
    estimate: re.Pattern                   # "put the number of captured fighters at between 40 and 50"
    bringing: re.Pattern                   # "bringing to some 300 the number of people bused out"
    bringing_of: re.Pattern                # "bringing the number of people killed since May to 212"
    bringing_toll: re.Pattern              # "bringing the death toll since October to 32,000"
    bringing_verb: re.Pattern              # any of the bringing verbs: the patterns above are tried only then
    cumulative: re.Pattern                 # "since January", "so far": a running total
    superlative_since: re.Pattern          # "the first exchange since the war": not a total
    state_cues: frozenset[str]             # "held since May": who is held now
    present_state: re.Pattern              # "the militia STILL holds 16 people": a state now, not a past event
    running_subject: re.Pattern            # "the war has killed": a subject that counts a running total
    running_noun: re.Pattern               # "the death toll from the war": a toll of a whole war
    toll_previous: re.Pattern
    toll_object: re.Pattern                # "put the death toll at 19", "revised the total to 120"
    negated_event: re.Pattern              # "no arrests had been made": 0 people, denied
    negated_events: dict[str, str]         # event noun -> category
    anaphoric_nouns: frozenset[str]        # "the total": the count given just before
    toll_category: dict[str, str]
    persons_plural: frozenset[str]
    persons_singular: frozenset[str]
    person_phrases: re.Pattern             # multi-word person nouns ("police officers")
    groups: frozenset[str]
    modifiers: frozenset[str]
    not_people: frozenset[str]
    pronouns: frozenset[str]
    np_stops: frozenset[str]
    reporting_words: frozenset[str]
    nominal: frozenset[str]
    elliptical: frozenset[str]
    not_agents: frozenset[str]
    implied_blockers: re.Pattern           # "former detainees" are not held now
    held_return: re.Pattern                # "84 prisoners have returned": released
    held_heads: frozenset[str]             # heads of people held by someone
    taking_tail: re.Pattern                # "took " before the people counted
    captivity_cues: frozenset[str]         # "rescued": released only in a sentence about captivity
    captivity_words: re.Pattern
    complement_next: re.Pattern            # " hostage" right after them
    complements: dict[str, str]
    particle_tail: re.Pattern              # "handed " before the people counted ...
    particle_next: re.Pattern              # ... " over" right after them
    particles: dict[str, str]
    reversal: re.Pattern                   # "had survived": undoes a killed cue in its clause
    fatal_outcome: re.Pattern              # "... and later died": an injured cue whose people died
    cue_particles: dict[str, re.Pattern]   # cue -> the particles right after it that make it another verb
    aux_only_cues: frozenset[str]          # "shot": a passive cue only after an auxiliary
    relative_pronouns: frozenset[str]      # "two of WHOM": the people counted just before
    hostage_context: re.Pattern            # "captivity", "ransom": people "held" are hostages
    adjective_categories: dict[str, str]   # "16 wounded soldiers": the category of a modifier
    attribution: re.Pattern                # "attributes " before the first figure put down to a side
    departure: re.Pattern                  # " have left Merrow", " left the town": right after the people
    departure_heads: frozenset[str]        # ... of civilians only
    reporting_after: re.Pattern            # "six detainees ... told", "hostages said"
    definites: frozenset[str]

    def category(self, form: str, phrase: str) -> str | None:
        return self.cue_map[form].get(_norm(phrase))

    def implied(self, head: str) -> str | None:
        return self.cue_map["implied"].get(_norm(head))


@cache
def terms() -> Terms:
    """The casualty lexicon, validated and compiled once per process."""
    doc = load("casualties")
    try:
        cats = doc["categories"]
        persons = doc["persons"]
        frames = doc["frames"]
        tolls = doc["tolls"]
    except (KeyError, TypeError) as exc:
        raise LexiconError(f"lexicon 'casualties' lacks section {exc}") from None
    unknown = set(cats) - set(CATEGORIES)
    if unknown:
        raise LexiconError(f"lexicon 'casualties': unknown categories {sorted(unknown)} (SPEC: {CATEGORIES})")
    lacking = [key for key in TOLL_KEYS if key not in tolls]
    if lacking:  # an override written before a key was added must say what to add, not raise a KeyError
        raise LexiconError(f"lexicon 'casualties': section 'tolls' lacks {lacking}")
    cue_map: dict[str, dict[str, str]] = {form: {} for form in FORMS}
    for category, forms in cats.items():
        for form in FORMS:
            for phrase in (forms or {}).get(form) or []:
                cue_map[form].setdefault(_norm(phrase), category)
    adverbs = alternation(doc.get("adverbs", []))
    gap_adverbs = rf"(?:(?:{adverbs}|\w+ly)\s+)*"
    before_alt = alternation(list(cue_map["before"]) + list(cue_map["nouns"]))
    after_alt = alternation(list(cue_map["after"]) + list(cue_map["intransitive"]))
    toll_nouns = {_norm(n): cat for cat, nouns in tolls["nouns"].items() for n in nouns}
    plural = {_norm(p) for p in persons["plural"]}
    singular = {_norm(p) for p in persons["singular"]}
    multi = [p for p in plural | singular if " " in p]
    return Terms(
        cue_map=cue_map,
        # a scare quote may close the cue or open the count ('had "rounded up" young men', 'killed "more than 50"')
        before_tail=re.compile(rf"(?<![\w\-])(?P<cue>{before_alt})[\"\u201d]?\s+{gap_adverbs}(?:the\s+)?[\"\u201c]?$",
                               re.IGNORECASE),
        after_cue=_words(after_alt),
        aux_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['auxiliaries'])})\s+{gap_adverbs}(?:not\s+)?"
                            rf"(?:have\s+)?(?:\w+ed\s+(?:and|or)\s+{gap_adverbs})?$", re.IGNORECASE),
        adverb_gap=re.compile(rf"(?:(?:{adverbs}|\w+ly)\s+)+", re.IGNORECASE),
        irrealis_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['irrealis'])})\s+{gap_adverbs}$", re.IGNORECASE),
        negation_tail=re.compile(rf"(?<![\w\-])(?:{alternation(frames['negation'])})\s+{gap_adverbs}"
                                 rf"(?:(?:been|be|to|have|being)\s+)*$", re.IGNORECASE),
        agreed=_words(alternation(frames["agreed"])),
        demanded=_words(alternation(frames["demanded"])),
        attack=re.compile(rf"(?<![\w\-])(?:during|in|amid|after|by|with|through)\s+(?P<who>(?:[\w'\u2019\-]+\s+){{0,4}}?)"
                          rf"(?:{alternation(doc['attacks'])})(?![\w\-])", re.IGNORECASE),
        reporting_that=re.compile(rf"(?<![\w\-])(?:{alternation(doc['reporting'])})(?:\s+[\w'\u2019\-]+){{0,4}}?\s+that\s+",
                                  re.IGNORECASE),
        identifier_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['identifiers'])})\s*$", re.IGNORECASE),
        causative_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['causatives']['verbs'])})\s+$", re.IGNORECASE),
        causative_displaced=_words(alternation(doc["causatives"]["displaced"])),
        toll=re.compile(rf"(?<![\w\-])(?P<noun>{alternation(toll_nouns)})"
                        rf"(?:\s+(?:from|in|of|after|at|on|among)\s+[^,.;\d]{{1,80}}?)?"
                        rf"\s+(?:(?:{alternation(tolls['verbs'])})\s+)+(?:to\s+|at\s+(?!least|most))?", re.IGNORECASE),
        # "put the (total) number of arrests (across the country since Tuesday) at more than 1,000"
        estimate=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['estimate_verbs'])})\s+the\s+(?:[\w\-]+\s+)?"
                            rf"(?:number|toll|total|figure)\s+of\s+(?P<what>[^,.;]{{1,100}}?)\s+at\s+", re.IGNORECASE),
        bringing=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['bringing_to_verbs'])})\s+(?:the\s+total\s+)?to\s+"
                            r"(?P<figure>[^,.;]{1,30}?)\s+the\s+(?:number|total)\s+of\s+(?P<what>[^,.;]{1,60})",
                            re.IGNORECASE),
        bringing_of=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['bringing_verbs'])})\s+the\s+(?:[\w\-]+\s+)?"
                               rf"(?:number|total|toll|tally|count)\s+of\s+(?P<what>[^,.;]{{1,100}}?)\s+to\s+"
                               rf"(?=\S)", re.IGNORECASE),
        bringing_verb=_words(alternation(tolls["bringing_verbs"])),
        bringing_toll=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['bringing_verbs'])})\s+the\s+(?:overall\s+|total\s+)?"
                                 rf"(?P<noun>{alternation(toll_nouns)})(?:\s+[^,.;\d]{{1,80}}?)?\s+to\s+(?=\S)",
                                 re.IGNORECASE),
        cumulative=_words(alternation(doc["scope"]["cumulative"])),
        state_cues=frozenset(_norm(w) for w in doc["scope"]["state_cues"]),
        present_state=_words(alternation(doc["scope"]["present_markers"])),
        superlative_since=re.compile(rf"(?<![\w\-])(?:{alternation(doc['scope']['superlatives'])})\s[^,;]*?\bsince\s",
                                     re.IGNORECASE),
        running_subject=re.compile(rf"(?<![\w\-])(?:{alternation(doc['scope']['running_subjects'])})\s+"
                                   rf"(?:(?:has|have|had)\s+)(?:\w+ly\s+|also\s+|now\s+|already\s+)*$", re.IGNORECASE),
        running_noun=re.compile(rf"(?<![\w\-])(?:from|of|in|during)\s+(?:the\s+)?(?:[\w'\u2019\-]+\s+)?"
                                rf"(?:{alternation(doc['scope']['running_subjects'])})(?![\w\-])", re.IGNORECASE),
        toll_number=re.compile(rf"(?<![\w\-])number\s+of\s+(?:[\w'\u2019\-]+\s+){{1,3}}?(?P<cue>{after_alt})"
                               rf"(?:\s+(?:from|in|of|after|at|on|among|since|during|by)\s+[^,.;\d]{{1,80}}?)?"
                               rf"\s+(?:(?:{alternation(tolls['verbs'])})\s+)+(?:to\s+|at\s+(?!least|most))?",
                               re.IGNORECASE),
        toll_update=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['updates'])})\s+(?P<noun>{alternation(toll_nouns)})"
                               rf"\s+of\s+", re.IGNORECASE),
        toll_previous=re.compile(rf"(?<![\w\-])(?:(?:{alternation(tolls['previous'])})\s+(?:{alternation(toll_nouns)})"
                                 rf"\s+of|from)\s+(?P<figure>[\d,]+|[a-z\-]+(?:\s+[a-z\-]+)?)", re.IGNORECASE),
        toll_object=re.compile(rf"(?<![\w\-])(?:{alternation(tolls['object_verbs'])})\s+the\s+"
                               rf"(?:(?:{alternation(tolls['object_adjectives'])})\s+)?"
                               rf"(?P<noun>{alternation([*toll_nouns, *tolls['anaphoric_nouns']])})"
                               rf"(?:\s+(?:from|in|of|after|at|on|among|for)\s+[^,.;\d]{{1,60}}?)?\s+(?:at|to)\s+(?=\S)",
                               re.IGNORECASE),
        anaphoric_nouns=frozenset(_norm(w) for w in tolls["anaphoric_nouns"]),
        negated_event=re.compile(rf"(?<![\w\-])no\s+(?:(?:{alternation(doc['negated_events']['adjectives'])})\s+)?"
                                 rf"(?P<noun>{alternation(doc['negated_events']['nouns'])})"
                                 rf"(?=\s*(?:[,.;:]|$)|\s+(?:{alternation(doc['negated_events']['next_words'])})(?![\w\-]))",
                                 re.IGNORECASE),
        negated_events={_norm(k): v for k, v in doc["negated_events"]["nouns"].items()},
        toll_category=toll_nouns,
        persons_plural=frozenset(plural),
        persons_singular=frozenset(singular),
        person_phrases=_words(alternation(multi)) if multi else re.compile(r"(?!x)x"),
        groups=frozenset(_norm(g) for g in persons.get("groups", [])),
        modifiers=frozenset(_norm(m) for m in persons.get("modifiers", [])),
        not_people=frozenset(_norm(n) for n in doc.get("not_people", [])),
        pronouns=frozenset(_norm(p) for p in doc.get("pronouns", [])),
        held_return=re.compile(rf"\s+(?:(?:also|now|safely|finally|all)\s+)?(?P<cue>{alternation(persons['held_return_verbs'])})"
                               rf"(?![\w\-])", re.IGNORECASE),
        captivity_cues=frozenset(_norm(w) for w in doc["captivity"]["cues"]),
        captivity_words=_words(alternation(doc["captivity"]["words"])),
        taking_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['object_complements']['verbs'])})\s+$", re.IGNORECASE),
        complement_next=re.compile(rf"\s+(?P<word>{alternation(doc['object_complements']['complements'])})(?![\w\-])",
                                   re.IGNORECASE),
        complements={_norm(k): v for k, v in doc["object_complements"]["complements"].items()},
        particle_tail=re.compile(rf"(?<![\w\-])(?:{alternation(doc['particles']['verbs'])})\s+$", re.IGNORECASE),
        particle_next=re.compile(rf"\s+(?P<word>{alternation(doc['particles']['complements'])})(?![\w\-])",
                                 re.IGNORECASE),
        particles={_norm(k): v for k, v in doc["particles"]["complements"].items()},
        reversal=_words(alternation(doc["reversals"])),
        fatal_outcome=re.compile(rf"^[^;:.]{{0,100}}?(?:,\s*(?:(?:{alternation(doc['fatal_outcomes']['joins'])})\s+)?"
                                 rf"|\s(?:{alternation(doc['fatal_outcomes']['joins'])})\s+)"
                                 rf"(?:(?:{alternation(doc['fatal_outcomes']['fillers'])})\s+){{0,3}}"
                                 rf"(?:{alternation(doc['fatal_outcomes']['verbs'])})(?![\w\-])", re.IGNORECASE),
        hostage_context=_words(alternation(doc["hostage_context"])),
        relative_pronouns=frozenset(_norm(w) for w in doc["persons"]["relative_pronouns"]),
        aux_only_cues=frozenset(_norm(w) for w in doc.get("aux_only_cues") or []),
        cue_particles={_norm(cue): re.compile(rf"\s+(?:{alternation(words)})(?![\w\-])", re.IGNORECASE)
                       for cue, words in (doc.get("cue_particles") or {}).items()},
        adjective_categories={_norm(k): v for k, v in doc["adjective_categories"].items()},
        attribution=re.compile(rf"(?<![\w\-])(?:{alternation(doc['attributions']['verbs'])})\s+(?=\S)", re.IGNORECASE),
        departure_heads=frozenset(_norm(w) for w in doc["departures"]["heads"]),
        departure=re.compile(rf"\s+(?P<cue>{alternation(doc['departures']['verbs'])})\s+(?:(?-i:[A-Z])|(?:the|their|"
                             rf"our|its)\s+(?:\w+\s+)?(?:{alternation(doc['departures']['places'])})(?![\w\-]))",
                             re.IGNORECASE),
        held_heads=frozenset(_norm(w) for w in persons["held_heads"]),
        implied_blockers=_words(alternation(persons.get("implied_blockers", []))),
        reporting_after=re.compile(rf"[^.;:]{{0,120}}?(?<![\w\-])(?:{alternation(doc['reporting'])})(?![\w\-])",
                                   re.IGNORECASE),
        not_agents=frozenset(_norm(w) for w in list(doc.get("attacks", [])) + list(doc.get("not_agents", []))),
        nominal=frozenset(_norm(w) for w in persons.get("nominal", [])),
        elliptical=frozenset(_norm(w) for w in persons.get("elliptical", [])),
        reporting_words=frozenset(_norm(w) for w in doc["reporting"]),
        np_stops=frozenset(_norm(p) for p in doc.get("np_stops", [])),
        definites=frozenset(_norm(p) for p in doc.get("definites", [])),
    )


@cache
def grammar() -> SimpleNamespace:
    """Patterns of the grammar rules, their function words read from the lexicon's ``grammar`` section."""
    doc = load("casualties")
    words = doc.get("grammar")
    if not isinstance(words, dict):
        raise LexiconError("lexicon 'casualties' lacks its 'grammar' section")

    def alt(name: str) -> str:
        if name not in words:
            raise LexiconError(f"lexicon 'casualties': grammar lacks {name!r}")
        return alternation(words[name])

    def words_of(name: str) -> frozenset[str]:
        alt(name)
        return frozenset(_norm(w) for w in words[name])

    edge = r"(?<![\w\-])"
    return SimpleNamespace(
        reduced_next=re.compile(rf"^\s*(?:$|[,.;:!?)\u201d\"']|(?:{alt('reduced_next')})\b)", re.IGNORECASE),
        clause_end=re.compile(rf"[;:]|\s[\u2013\u2014-]\s|[\u201c\u201d\"]|,\s+(?:{alt('clause_end_verbs')})\b"
                              rf"|\b(?:{alt('clause_end_verbs')})\b", re.IGNORECASE),
        coordinated=re.compile(rf"^\s*,?\s*(?:and|or)\s+(?:(?:{alt('coordination_fillers')})\s+)*", re.IGNORECASE),
        adjectival=re.compile(rf"{edge}(?:{alt('adjectival_determiners')})\s+$", re.IGNORECASE),
        unreal=re.compile(rf"{edge}(?:{alt('unreal_markers')})\s+(?:\w+ly\s+)?$", re.IGNORECASE),
        modal_passive=re.compile(rf"{edge}(?:{alt('unreal_markers')})\s+(?:\w+\s+)?be\b", re.IGNORECASE),
        new_subject=re.compile(rf"{edge}(?:{alt('new_subject')}|{alt('clause_joins')})(?![\w\-])", re.IGNORECASE),
        preposition_tail=re.compile(rf"{edge}(?:{alt('cue_blocking_prepositions')})\s*$", re.IGNORECASE),
        verb_adverb_tail=re.compile(rf"{edge}(?:{alt('verb_adverbs')})\s*$", re.IGNORECASE),
        clause_open=re.compile(rf"[;:\u201c\u201d\"]|{edge}(?:{alt('clause_openers')})(?![\w\-])", re.IGNORECASE),
        subject_tail=re.compile(rf"(?:\s+(?:{alt('subject_tail')}|\w+ly|,))+\s*$", re.IGNORECASE),
        agent=re.compile(rf"(?P<agent>(?:the\s+)?[\w'\u2019\-]+(?:\s+[\w'\u2019\-]+){{0,5}}?)"
                         rf"(?=\s*(?:[,.;:]|$|\s(?:{alt('agent_stops')})\b))", re.IGNORECASE),
        place=re.compile(rf"[^,.;]{{0,40}}?\b(?:{alt('place_prepositions')})\s+(?P<place>[A-Z][\w'\u2019\-]*"
                         rf"(?:\s(?:[A-Z][\w'\u2019\-]*|\d+)){{0,3}})"),
        condition=re.compile(rf"{edge}(?:{alt('future_modals')})\s.*{edge}(?:{alt('conditions')})\s", re.IGNORECASE),
        denied_that=re.compile(rf"{edge}(?:{alt('denial_verbs')})\s+(?:claims\s+|reports\s+)?that\s", re.IGNORECASE),
        reported=re.compile(rf"{edge}(?:{alt('reported_verbs')})\s+", re.IGNORECASE),
        perfect_words=words_of("perfect_auxiliaries"),
        possessive_determiners=words_of("possessive_determiners"),
        reciprocal_pronouns=words_of("reciprocal_pronouns"),
        perfect=re.compile(rf"{edge}(?:{alt('perfect_auxiliaries')})\s+\w+ed\b", re.IGNORECASE),
        unreal_tail=re.compile(rf"{edge}(?:to|{alt('future_modals')})\s*$", re.IGNORECASE),
        phrase_determiner=re.compile(rf"{edge}(?:{alt('phrase_determiners')})\s+$", re.IGNORECASE),
        object_pronoun=re.compile(rf"{edge}(?:{alt('object_pronouns')})(?![\w\-])", re.IGNORECASE),
        object_pronouns=words_of("object_pronouns"),
        not_bare=words_of("not_bare"),
        indefinite=re.compile(rf"{edge}(?:{alt('indefinite_articles')})\s+", re.IGNORECASE),
        group_quantifiers=words_of("group_quantifiers"),
        possessives=words_of("possessives"),
        age_list=re.compile(rf"{edge}(?:{alt('age_words')})\s+\d+(?:\s*,\s*\d+)*\s*(?:,|and|,\s*and)\s*$",
                            re.IGNORECASE),
        subset=re.compile(rf"{edge}(?:{alt('subset_markers')})\s+$", re.IGNORECASE),
        # "20 people, most of them women and children, were killed": the apposition lists a subset
        subset_list=re.compile(rf"{edge}(?:{alt('subset_markers')})\s+(?:[\w'\u2019\-]+(?:\s+(?:and|or)|,)\s+)*$",
                               re.IGNORECASE),
        subset_open=re.compile(rf",\s*(?:{alt('subset_markers')})\s", re.IGNORECASE),
        pronoun_one=re.compile(rf"{edge}(?:{alt('pronoun_one_before')})\s+$", re.IGNORECASE),
        comparison=re.compile(rf"{edge}(?:{alt('comparisons')})\s+(?:(?:just|only|about|some)\s+)?$", re.IGNORECASE),
        coordination=re.compile(rf"\s*,?\s*(?:{alt('coordinators')})\s+$", re.IGNORECASE),
        conjunctions=words_of("conjunctions"),
        trailing_adverbs=words_of("trailing_adverbs"),
    )


"""Which category a counted phrase of people falls in, read from the cue words around it.

Active voice puts the cue before the people ("captured over a hundred fighters", "the
death of ..."), passive voice after them ("five villagers were killed", "8,000 members
arrested."), intransitive verbs after them with no auxiliary ("20 others went missing").
When the first verb after the people is an active verb with an object ("a mob of a dozen
people hacked to death two leaders"), the people are the ones doing the violence and the
phrase is no tally: the first cue decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from conflictbook.extract.casualty_terms import grammar, terms
from conflictbook.extract.people import PeoplePhrase
from conflictbook.extract.quantities import pair_value
from conflictbook.lexicon import load

_CUE_REACH = 120  # characters before a phrase searched for its active cue (cue, adverbs, determiner)
_OF_GROUP = re.compile(r"\s+of\s+(?:the\s+)?(?P<words>(?:[\w'\u2019\-]+\s+){1,4})", re.IGNORECASE)
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_SCARE_QUOTED = re.compile(r"[\"\u201c\u201d]\w[\w\-]*[\"\u201c\u201d]")
_PART_OF = re.compile(r"(?<![\w\-])of\s*$", re.IGNORECASE)   # "two OF the dead were ..."
_HELD = frozenset({"held", "hold", "holds", "holding", "being held", "kept"})   # held by someone: detained or hostage
# an uncounted object coordinated before the counted one: "the ringleader and ", "a commander as well as "
_OBJECT_AND = re.compile(r"(?<![\w-])(?:the|a|an|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){1,3}?(?:and|as well as)\s+$",
                         re.IGNORECASE)
_WORD_START = re.compile(r"(?<![\w\-])\w+")   # a word where ``before_tail``'s cue may begin


@cache
def _cue_openers() -> frozenset[str] | None:
    """The first words of the active and nominal cues; None when one does not open with a word."""
    t = terms()
    firsts = set()
    for phrase in [*t.cue_map["before"], *t.cue_map["nouns"]]:
        first = re.match(r"\w+", phrase)
        if not first:
            return None
        firsts.add(first.group())
    return frozenset(firsts)


def active_cue_before(text: str, end: int) -> re.Match | None:
    """``before_tail`` searched in TEXT[:END] from _CUE_REACH characters back: the cue right before END.

    The same match as the plain search, tried only at the words of the reach that open a cue (the
    search tries every position, each against the whole alternation of cues). A non-ASCII word is
    tried too: ``re.IGNORECASE`` folds some letters that ``str.lower`` does not.
    """
    left = text[:end]
    reach = max(0, end - _CUE_REACH)
    openers = _cue_openers()
    pattern = terms().before_tail
    if openers is None:
        return pattern.search(left, reach)
    for word in _WORD_START.finditer(left, reach):
        run = word.group()
        if run.lower() in openers or not run.isascii():
            match = pattern.match(left, word.start())
            if match:
                return match
    return None


@lru_cache(maxsize=64)
def _framed(text: str) -> bool:
    """A deal or a demand in the sentence ("agreed to release"): asked for every phrase of it."""
    t = terms()
    return bool(t.agreed.search(text) or t.demanded.search(text))


@dataclass(frozen=True)
class Cue:
    """Where and how a category attaches to a phrase (offsets relative to the sentence)."""

    category: str
    start: int
    end: int
    voice: str            # active, noun, passive, intransitive, implied
    negated: bool = False
    mood: str = ""        # "unreal" for infinitives and modals ("to relocate", "would be freed")


def _before(text: str, phrase: PeoplePhrase) -> tuple[Cue | None, bool]:
    """The active or nominal cue right before PHRASE, and whether it is irrealis ("in return for freeing")."""
    t = terms()
    left = text[: phrase.start]
    match = active_cue_before(text, phrase.start)
    if not match:
        joined = _OBJECT_AND.search(left)   # "arrested the ringleader and two accomplices": a shared verb
        match = active_cue_before(text, joined.start()) if joined else None
    if not match:
        return None, False
    cue = match.group("cue")
    if phrase.kind == "bare" and text[phrase.start - 1: phrase.start] in ("\"", "\u201c"):
        return None, False  # 'the dead were "displaced families"': a quoted description, not a count
    noun = t.category("nouns", cue)
    category = noun or t.category("before", cue)
    if category is None:
        return None, False
    prior = left[: match.start()]
    if not noun and grammar().adjectival.search(prior):
        return None, False  # "the freed soldiers": a participle used as an adjective
    if _PART_OF.search(prior) and cue.lower().startswith("the "):
        return None, False  # "two of the dead were nurses": the count is "two of the dead", the rest describes it
    irrealis = bool(t.irrealis_tail.search(prior))
    # "to hold suspects", "would release 18": not (yet) a fact
    mood = "unreal" if grammar().unreal.search(prior) else ""
    negated = bool(t.negation_tail.search(prior))
    return Cue(category, match.start("cue"), match.end("cue"), "noun" if noun else "active", negated, mood), irrealis


def _causative(text: str, phrase: PeoplePhrase, limit: int) -> Cue | None:
    """'forced some 4,000 villagers ... to flee': the causative verb before, the category after."""
    t = terms()
    left = text[: phrase.start]
    if not t.causative_tail.search(left):
        return None
    match = t.causative_displaced.search(text, phrase.end, limit)
    if not match:
        return None
    verb = t.causative_tail.search(left)
    return Cue("displaced", verb.start(), verb.end(), "active")


def _taken_as(text: str, phrase: PeoplePhrase) -> Cue | None:
    """'took 30 people hostage', 'holding 12 soldiers captive', 'handed 31 prisoners over': the category
    word follows the people."""
    t = terms()
    verb, complements = None, t.complements
    after = t.complement_next.match(text, phrase.end)
    if after:
        verb = t.taking_tail.search(text, max(0, phrase.start - 16), phrase.start)
    if not verb:
        after = t.particle_next.match(text, phrase.end)
        verb = t.particle_tail.search(text, max(0, phrase.start - 16), phrase.start) if after else None
        complements = t.particles
    if not verb:
        return None
    category = complements.get(after.group("word").casefold())  # "ı" matches "i" but folds to no key
    if category is None:
        return None
    negated = bool(t.negation_tail.search(text[: verb.start()]))
    return Cue(category, verb.start(), after.end(), "active", negated)


def clause_limit(text: str, start: int, phrases: list[PeoplePhrase]) -> int:
    """Where the clause that starts at START ends: the next counted phrase or a clause break."""
    limit = len(text)
    for other in phrases:
        if other.start >= start:
            gap = text[start: other.start]
            if grammar().subset.search(gap) or (grammar().subset_open.match(gap) and "," not in gap[1:]):
                continue  # "ten people, including a journalist, were killed"
            if other.kind == "headless" and _OF_GAP.fullmatch(text[start: other.start]):
                continue  # "120 residents of two damaged blocks were moved": a count inside the phrase's "of"
            if other.kind == "headless" and gap.strip() == "," and pair_value(other.text) is not None:
                continue  # "Two crew members, both suffering from malaria, were released": an apposition
            limit = min(limit, other.start)
            break
    for stop in grammar().clause_end.finditer(text, start, limit):
        if _SCARE_QUOTED.match(text, stop.start()):
            continue  # 'had been "neutralised"': a quoted word, not a quotation
        if _reported_passive().match(text, stop.start()) and _be_before().search(text, 0, stop.start()):
            continue  # "Many fighters are said to have been wounded": a reported state, the clause goes on
        if stop.start() == start and text[stop.start()] in "\"\u201d":
            continue  # 'included "up to 15 civilians" seized on the road': the quote closes the count
        return stop.start()
    return limit


def _group_of(gap: str) -> bool:
    """'nine members OF THE GOVERNMENT FORCES killed': an "of" phrase naming a group before the participle."""
    match = _OF_GROUP.fullmatch(gap)
    if not match:
        return False
    words = match.group("words").split()
    t = terms()
    return not any(w.lower() in t.persons_plural or w.lower() in t.persons_singular or w.lower() in t.np_stops
                   or w.lower() in terms().cue_map["after"] for w in words)


def _main_verb(text: str, start: int, limit: int) -> Cue | None:
    """After a reduced relative ("people abducted in May"), the passive or intransitive main verb of the
    clause ("were freed", "has come home"), if any."""
    t = terms()
    for match in t.after_cue.finditer(text, start, limit):
        gap = text[start: match.start()]
        participle = t.category("after", match.group(0))
        if participle and t.aux_tail.search(gap) and not re.search(r"[,;:]", gap):
            mood = "unreal" if grammar().modal_passive.search(gap) else ""
            return Cue(participle, match.start(), match.end(), "passive", bool(t.negation_tail.search(gap)), mood)
        intransitive = t.category("intransitive", match.group(0))
        if intransitive and not participle and not re.search(r"[,;:]", gap):
            # "Every civilian held by the rebels has come home", "Twelve men detained in May died in custody"
            return Cue(intransitive, match.start(), match.end(), "intransitive", bool(t.negation_tail.search(gap)))
    return None


def _after(text: str, phrase: PeoplePhrase, limit: int) -> list[Cue]:
    """Passive or intransitive cues after PHRASE; empty when the first cue is an active use."""
    t = terms()
    for match in t.after_cue.finditer(text, phrase.end, limit):
        gap = text[phrase.end: match.start()].rstrip("\"'\u201c\u201d\u2018\u2019 ") + " "
        cue = match.group(0)
        if t.irrealis_tail.search(gap):
            continue
        particle = t.cue_particles.get(" ".join(cue.lower().split()))
        if particle is not None and particle.match(text, match.end()):
            continue  # "shot at the crowd", "was shot down": another verb
        intransitive = t.category("intransitive", cue)
        participle = t.category("after", cue)
        negated = bool(t.negation_tail.search(gap))
        if gap.strip() and (grammar().preposition_tail.search(gap) or grammar().adjectival.search(gap)) \
                and not t.aux_tail.search(gap):
            continue  # "searching for disappeared relatives", "loyal to the dead leader": the cue word is an adjective
        if grammar().new_subject.search(grammar().verb_adverb_tail.sub("", gap)):
            return []  # "..., when they were killed": a new clause; "have since fled" keeps the subject
        if t.aux_tail.search(gap) and participle:
            voice, category = "passive", participle
        elif intransitive and (not gap.strip() or re.fullmatch(r"[\s\w,'\u2019\-]*", gap)):
            voice, category = "intransitive", intransitive
        elif participle and (not gap.strip() or _group_of(gap) or t.adverb_gap.fullmatch(gap.lstrip())) \
                and grammar().reduced_next.match(text[match.end():]) \
                and " ".join(cue.lower().split()) not in t.aux_only_cues:  # "19 seafarers still held aboard"
            main = _main_verb(text, match.end(), limit)
            if main is not None and not (participle == "killed" and main.category == "injured"):
                return [main]  # "ten people abducted last month were freed": the main verb says what happened
            voice, category = "passive", participle
        else:
            return []
        mood = "unreal" if grammar().modal_passive.search(gap) else ""
        cues = [Cue(category, match.start(), match.end(), voice, negated, mood)]
        rest = text[match.end(): limit]
        joined = grammar().coordinated.match(rest)
        if joined:
            second = t.after_cue.match(rest, joined.end())
            if second:
                other = t.category("after", second.group(0)) or t.category("intransitive", second.group(0))
                if other and other != category:
                    offset = match.end()
                    cues.append(Cue(other, offset + second.start(), offset + second.end(), voice, negated))
        return cues
    return []


def find_cues(text: str, phrase: PeoplePhrase, phrases: list[PeoplePhrase]) -> list[Cue]:
    """The categories of PHRASE, best first; empty when nothing ties it to a casualty or custody."""
    cues = _find_cues(text, phrase, phrases)
    t = terms()
    if cues and cues[0].category == "killed" and cues[0].voice != "implied":
        rest = text[cues[0].end: clause_limit(text, cues[0].end, [p for p in phrases if p.start >= cues[0].end])]
        undone = t.reversal.search(rest)
        gap = rest[: undone.start()] if undone else ""
        if undone and len(gap.split()) <= 4 and not grammar().new_subject.search(gap) and "," not in gap:
            return []  # "five people first counted among the dead had survived"; not "... while those who survived"
    if cues and cues[0].category == "injured" and cues[0].voice in ("active", "passive"):
        rest = text[cues[0].end: clause_limit(text, cues[0].end, [p for p in phrases if p.start >= cues[0].end])]
        if t.fatal_outcome.match(rest):  # "was shot in the chest and later died": the count is of the dead
            cues = [replace(cues[0], category="killed"), *cues[1:]]
    implied = t.implied(phrase.head) if phrase.head and phrase.kind != "bare" else None
    if implied == "killed" and cues and cues[0].category in ("relocated", "released", "injured"):
        return [Cue("killed", phrase.start, phrase.end, "implied")]  # "12 bodies were taken to the hospital"
    if any(_norm_cue(text, c) in t.captivity_cues for c in cues) and not t.captivity_words.search(text):
        # "twelve people were rescued from the rubble": no captivity, no release; "the hospital received
        # 46 injured people": the people's own word still says what happened to them
        modifier = _modifier_category(phrase)
        return [Cue(modifier, phrase.start, phrase.end, "implied")] if modifier else []
    if any(_norm_cue(text, c) in _escapes() for c in cues) and not t.hostage_context.search(text):
        return []  # "60 prisoners escaped from the jail": no captors, no release
    if cues and _norm_cue(text, cues[0]) in _HELD and t.hostage_context.search(text):
        cues = [replace(cues[0], category="hostage"), *cues[1:]]  # held for ransom, in captivity: hostages
    return cues


@cache
def _reported_passive() -> re.Pattern:
    """'said to ' right after a form of "be": a reported passive ("are said to have been wounded")."""
    return re.compile(r"said\s+to\s", re.IGNORECASE)


@cache
def _be_before() -> re.Pattern:
    """A form of "be" ending the text before "said" (lexicon tally_context.be_forms)."""
    words = "|".join(re.escape(w) for w in load("casualties")["tally_context"]["be_forms"])
    return re.compile(rf"(?<![\w\-])(?:{words})\s+$", re.IGNORECASE)


@cache
def _escapes() -> frozenset[str]:
    """Cues of escape: a release only from captors (lexicon casualties.yml, tally_context.escapes)."""
    return frozenset(" ".join(w.lower().split()) for w in load("casualties")["tally_context"]["escapes"])


def _norm_cue(text: str, cue: Cue) -> str:
    return " ".join(text[cue.start: cue.end].lower().split())


def _find_cues(text: str, phrase: PeoplePhrase, phrases: list[PeoplePhrase]) -> list[Cue]:
    t = terms()
    limit = clause_limit(text, phrase.end, [p for p in phrases if p.start >= phrase.end])
    before, irrealis = _before(text, phrase)
    implied = t.implied(phrase.head) if phrase.head and phrase.kind != "bare" else None
    reports = t.reporting_after.match(text, phrase.end)
    if reports and grammar().new_subject.search(reports.group(0)):
        reports = None  # "received 11 bodies by evening, but that he could not say": another subject reports
    if implied and (t.implied_blockers.search(phrase.text) or reports):
        implied = None
    framed = _framed(text)
    if before and before.mood and not framed:
        before, irrealis = None, True
    taken = _taken_as(text, phrase)
    if taken and not irrealis:
        return [taken]
    if before and not irrealis:
        return [before]
    causative = _causative(text, phrase, clause_limit(text, phrase.end, []))
    if causative:
        return [causative]
    after = _after(text, phrase, limit)
    if after and after[0].mood and not framed:
        after = []
    held = {"captured", "abducted", "detained", "hostage"}
    if implied and after and after[0].voice == "passive" and after[0].category in held and implied in held:
        return [Cue(implied, phrase.start, phrase.end, "implied")]
    if after:
        return after
    departed = t.departure.match(text, phrase.end) if phrase.head.lower() in t.departure_heads else None
    if departed:  # "At least 23,000 people have left Merrow": leaving a place is displacement
        return [Cue("displaced", departed.start("cue"), departed.end("cue"), "intransitive")]
    returned = t.held_return.match(text, phrase.end) if phrase.head.lower() in t.held_heads else None
    if returned:  # "84 prisoners have returned": held people coming back are released
        return [Cue("released", returned.start("cue"), returned.end("cue"), "intransitive")]
    if implied:
        return [Cue(implied, phrase.start, phrase.end, "implied")]
    modifier = _modifier_category(phrase)
    if modifier:
        return [Cue(modifier, phrase.start, phrase.end, "implied")]
    return []


def _modifier_category(phrase: PeoplePhrase) -> str | None:
    """'16 wounded soldiers': a participle in front of the counted noun names its category."""
    if phrase.kind in ("bare", "headless") or not phrase.head:
        return None
    t = terms()
    words = [w.lower() for w in re.findall(r"[\w\-]+", phrase.victims)][:-1]  # the words before the head
    found = [t.adjective_categories[w] for w in words if w in t.adjective_categories]
    if not found or t.implied_blockers.search(phrase.text):
        return None
    return found[0]


def pronoun_objects(text: str) -> list[tuple[Cue, int]]:
    """Active cues whose object is 'them' ("soldiers came and arrested them"): (cue, end of 'them')."""
    t = terms()
    found = []
    for match in grammar().object_pronoun.finditer(text):
        left = text[: match.start()]
        tail = active_cue_before(text, match.start())
        if not tail:
            continue
        category = t.category("before", tail.group("cue"))
        if category is None or t.irrealis_tail.search(left[: tail.start()]):
            continue
        negated = bool(t.negation_tail.search(left[: tail.start()]))
        found.append((Cue(category, tail.start("cue"), tail.end("cue"), "active", negated), match.end()))
    return found

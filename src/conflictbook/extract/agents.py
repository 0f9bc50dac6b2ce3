"""Who did it: the perpetrator of a tallied count, read from the grammar of its sentence.

In order: the subject of an active cue ("Jihadists ambushed a convoy, killing 17"), the
speaker behind a pronoun ("the army said it had killed 15"), a by-phrase after a passive or a
nominal cue ("were killed by the militia", "the abduction of 23 teachers by the Front"), a
clause that tells the attack ("... killed when herders attacked the village"), and the actor
of an attack noun in the sentence ("in Russian strikes", "Kestran shelling killed"). Names
the gazetteer knows become their canonical form; others are written out as in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from conflictbook.extract.casualty_terms import alternation, grammar, terms
from conflictbook.extract.cues import Cue
from conflictbook.extract.people import PeoplePhrase
from conflictbook.lexicon import load

Actors = Callable[..., list]   # find_actors bound to an article's countries: actors(text, offset=0)

_BY = re.compile(r"\s*(?:[\w\-]+\s+){0,5}?by\s+", re.IGNORECASE)
_MEANS_OF = re.compile(r"(?P<means>(?:[\w\-]+\s+){0,2}[\w\-]+)\s+(?:from|of)\s+", re.IGNORECASE)
_COORDINATED_VERB = re.compile(r"\s+[a-z]+\s+and\s*$")
_RELATIVE_TAIL = re.compile(r",?\s*\b(?:who|which|that)\s*$", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'\u2019\-]*")
_NOUN_BEFORE = re.compile(r"(?:(?<![\w\-])(?:the|a|an|this|that|its|their)|\w['\u2019]s?)\s+$",
                          re.IGNORECASE)  # "the claim that", "the army's claim that": a noun, not the speaker's verb
_SCARE_QUOTE = re.compile(r"[\"\u201c][\w\-]+(?:\s+[\w\-]+){0,2}[\"\u201d]")  # '"rounded up"', '"neutralised"'
# a quoted noun phrase inside a clause ('had struck "a weapons depot" and killed'): no punctuation, no clause
_QUOTED_PHRASE = re.compile(r"[\"\u201c][\w'\u2019\-]+(?:\s+[\w'\u2019\-]+){0,7}[\"\u201d]")
_SECOND_THAT = re.compile(r"(?:,\s*|\s)(?:and|but)\s+that\s+", re.IGNORECASE)   # a second reported clause
_OPENER_THEN_TIME = re.compile(r"\s+(?:(?:the|a|an)\s+)?(?P<word>[\w\-]+)")  # "before midnight", "after dawn"
_APPOSED_RELATIVE = re.compile(r"(?:an?|the)\s+(?:[\w\-]+\s+){0,4}?(?:that|who|which)\s", re.IGNORECASE)
_INDEFINITE_NP = re.compile(r"(?:an?)\s+(?:[\w\-]+\s+){0,2}[\w\-]+", re.IGNORECASE)   # "a gang", "an armed group"
_NAME_RUN = re.compile(r"(?:\bthe\s+)?(?:[A-Z][\w'\u2019\-]*\s+)*[A-Z][\w'\u2019\-]*\s*$")
_ACCUSED_OF = re.compile(r"(?<![\w\-])(?:accused|accusing|accuses|accuse)\s+(?P<who>[^,;.]{1,60}?)\s+of\s+$",
                         re.IGNORECASE)   # right before an active cue: "accused the Alliance of <cue>"
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_LAST_BREAK = re.compile(r"[,;]\s*|\s[\u2014\u2013-]{1,2}\s")   # a subject starts after the last of these


@cache
def _patterns():
    """Matchers built once from the casualty lexicon (attack verbs, subject pronouns) and the date words."""
    doc = load("casualties")
    dates = load("dates")
    words = doc["grammar"]
    return (
        # "... were killed WHEN suspected herders ATTACKED the village"
        re.compile(rf"\s*(?:[^,;.]{{0,60}}?)\b(?:{alternation(words['attack_clause_openers'])})\s+"
                   rf"(?P<who>(?:[\w'\u2019\-]+\s+){{1,4}}?)(?:{alternation(words['attack_verbs'])})(?![\w\-])",
                   re.IGNORECASE),
        frozenset(w.lower() for w in words["speaker_pronouns"]),
        frozenset(str(w) for w in [*dates["months"], *dates["weekdays"]]),
        # "... killed in a shootout with soldiers"
        re.compile(rf"\s*(?:[^,;.]{{0,40}}?)\b(?:in|during|after)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+)?"
                   rf"(?:{alternation(words['confrontations'])})\s+with\s+(?P<who>[^,;.]{{1,60}})", re.IGNORECASE),
        frozenset(w.lower() for w in words["past_verbs"]),
        frozenset(w.lower() for w in words["infinitive_markers"]),
        frozenset(w.lower() for w in words["time_openers"]),
        frozenset(w.lower() for w in doc["subject_not_agent"]),
        frozenset(w.lower() for w in words["carrier_prepositions"]),
        frozenset(w.lower() for w in words["time_words"]),
        # "accusing the government army of ...", "blamed the rebels for ...", "blamed the attack on the army"
        re.compile(rf"(?<![\w\-])(?:(?:{alternation(words['blame_of_verbs'])})\s+(?P<of>[^,;.]{{1,60}}?)\s+of"
                   rf"|(?:{alternation(words['blame_for_verbs'])})\s+(?P<for>[^,;.]{{1,60}}?)\s+for"
                   rf"|(?:{alternation(words['blame_for_verbs'])})\s+(?:[^,;.]{{1,60}}?\s+)?on\s+(?P<on>[^,;.]{{1,60}}?)"
                   rf"(?=\s*(?:[,;.]|$|\s(?:{alternation(words['agent_stops'])})\b)))(?![\w\-])", re.IGNORECASE),
    )


def clause_start(text: str, position: int) -> int:
    """Start of the clause holding POSITION: after a reported 'that', a quote mark, or a conjunction."""
    start = 0
    for match in terms().reporting_that.finditer(text, 0, position):
        start = max(start, match.end())
    for match in _SECOND_THAT.finditer(text, 0, position):
        start = max(start, match.end())  # "said 43 were returned and that the enemy was still holding ..."
    quoted = [m.span() for m in _QUOTED_PHRASE.finditer(text, 0, position)]
    calendar = _patterns()[2] | _patterns()[9]
    for match in grammar().clause_open.finditer(text, start, position):
        if _SCARE_QUOTE.match(text, match.start()) or any(a <= match.start() < b for a, b in quoted):
            continue  # 'police had "rounded up" young men', 'struck "a depot" and killed': a quoted phrase, no clause
        if match.group(0).isalpha():
            following = _OPENER_THEN_TIME.match(text, match.end())
            word = following.group("word") if following else ""
            if word in calendar or word.lower() in calendar:
                continue  # "shortly before midnight", "after dawn": a preposition of time, no clause
        start = max(start, match.end())
    return start


def not_agent(word: str) -> bool:
    """Events and things ("the war", "shelling", "a blast") do things in sentences but are no perpetrator."""
    low = word.lower().strip(".,;:")
    return low in terms().not_agents or low in terms().not_people


def _named_modifier(words: list[str]) -> str:
    """'Kestran shelling', 'the Varnish artillery fire': the capitalised words that open an attack phrase."""
    calendar = _patterns()[2]
    words = [w for w in words if w.lower() not in ("the", "a", "an")]
    names = []
    for word in words:
        if not _NAME.fullmatch(word):
            break
        names.append(word)
    rest = words[len(names):]
    if not names or any(w in calendar or w.endswith(("'s", "\u2019s")) for w in names) \
            or any(not w.islower() or w in terms().np_stops for w in rest):
        return ""
    if rest and not any(names[-1].lower().endswith(s) for s in _demonym_endings()) \
            and rest[0].lower() not in _attack_modifiers():
        return ""  # "Kalvo forest raids": a place naming the forest; "Varnish artillery fire" names a side
    return " ".join(names)


@cache
def _demonym_endings() -> tuple[str, ...]:
    """Endings of words that name a side's people ("Kestran", "Varnish", "Sudanese")."""
    return tuple(load("casualties")["tally_context"]["demonym_endings"])


@cache
def _attack_modifiers() -> frozenset[str]:
    """Words between a side and an attack noun that belong to the attack ("artillery fire", "drone strikes")."""
    return frozenset(w.lower() for w in load("casualties")["tally_context"]["attack_modifiers"])


def _verb_first(words: list[str]) -> bool:
    """Whether WORDS open with a verb ("kidnapped 12 farmers"), not an adjective before people ("armed men")."""
    if not words or not words[0].islower():
        return False
    first = words[0]
    if not (first.endswith(("ed", "ing")) or first in _patterns()[4]):
        return False
    following = words[1].lower().strip(",.;:") if len(words) > 1 else ""
    people = terms().persons_plural | terms().persons_singular
    adjective = first in terms().modifiers or terms().category("before", first) is None
    return not (adjective and following in people)  # "armed men", "masked men"; "kidnapped men" is a verb


def _written_subject(clause: str) -> str:
    """A short subject written out at the end of CLAUSE, or empty when it is no agent."""
    coordinated = _COORDINATED_VERB.search(clause)
    if coordinated and coordinated.group(0).split()[0] not in terms().persons_plural:
        clause = clause[: coordinated.start()]
    subject = grammar().subject_tail.sub("", clause.rstrip(" \"\u201c")).strip(" ,")
    whole = subject
    past = _patterns()[4]
    tail = _LAST_BREAK.split(subject)[-1].strip()
    named = _NAME_RUN.search(subject[: subject.rfind(",")]) if "," in subject else None
    apposed = _APPOSED_RELATIVE.match(tail) or (_INDEFINITE_NP.fullmatch(tail) and not not_agent(tail.split()[-1]))
    if named and apposed:
        return named.group(0)  # "the Oller Hills Brotherhood, an armed group that has attacked ... and abducted"
    if tail and not _verb_first(tail.split()):
        subject = tail  # "On 9 June, armed men stopped ...", "According to residents, police detained ..."
    words = subject.split()
    if _verb_first(words):
        return ""  # "who abducted 40 pupils released them": a verb phrase, no subject
    verb = next((i for i, w in enumerate(words) if i and w.islower() and (w.endswith("ed") or w in past)), None)
    if verb is not None:
        words = words[:verb]  # "Jihadists ambushed a convoy, killing 17": the subject ends at its verb
        subject = " ".join(words)
    if words and words[0].lower() in _patterns()[6]:
        determiner = next((i for i, w in enumerate(words) if i and (
            w.lower() in ("the", "a", "an") or w.lower() in grammar().possessive_determiners)), None)
        if determiner is not None:  # "On Friday the monitors": a time adverbial before the subject
            words = words[determiner:]
            subject = " ".join(words)
    carrier = next((i for i, w in enumerate(words) if i and w.lower() in _patterns()[8]), None)
    if words and carrier is not None and not_agent(words[-1]) and words[-1].lower() not in terms().not_agents:
        words = words[:carrier]  # "Gunmen on motorcycles": the people, not their vehicles
        subject = " ".join(words)
    if words and not_agent(words[-1]) and words[-1].lower() in terms().not_agents:
        subject = whole
        named = subject.rsplit(",", 1)[-1].split()  # "In the east, Kestran shelling killed": after the comma
        return _named_modifier(named[:-1])  # the shelling's side
    if words and words[-1].lower().strip(".,;:") in _patterns()[9]:
        return ""  # "shortly before midnight": a time word is never who did it
    timed = [i for i, w in enumerate(words) if w.lower() in _patterns()[9]]
    if timed and (words[0].lower() in _patterns()[6] or words[0].lower().endswith("ly")):
        words = words[timed[-1] + 1:]  # "Shortly before midnight gunmen": the subject after the time
        subject = " ".join(words)
    calendar = _patterns()[2] | _patterns()[9]
    dated = next((i for i, w in enumerate(words[:-1]) if i and w.lower() in _patterns()[6]
                  and (words[i + 1] in calendar or words[i + 1].lower() in calendar)), None)
    if dated is not None and words[0].lower() not in _patterns()[6] and not words[0].lower().endswith("ly"):
        words = words[:dated]  # "The army on Friday said it had killed": the time is no part of the subject
        subject = " ".join(words)
    possessed = len(words) > 1 and words[0].lower() in grammar().possessive_determiners  # "her fighters"
    if not words or len(words) > 7 or (words[0].lower() in terms().pronouns and not possessed) \
            or not_agent(words[-1]):
        return ""
    if any(w.lower() in terms().reporting_words for w in words) or words[-1].lower() in ("of", "to", "that"):
        return ""
    if any(w.lower() in grammar().conjunctions for w in words[-1:]) or re.search(r"[,;]", subject):
        return ""
    return subject


def _closed_relative(text: str, start: int, clause: str) -> str | None:
    """The antecedent when CLAUSE is a finished relative clause before the main verb, else None.

    "Gunmen who raided a school on Friday are still holding 20 pupils", "The raiders, who came at
    night, kidnapped 12 farmers": the relative clause has its own verb and closes (a comma, or an
    auxiliary of the main verb), so the main verb's subject is the noun before "who".
    """
    relative = _RELATIVE_TAIL.search(text, 0, start)
    words = clause.split()
    if not relative or not words or relative.group(0).strip(" ,").lower() not in ("who", "which"):
        return None
    closed = clause.rstrip().endswith(",") or terms().aux_tail.search(clause) is not None
    verb = _verb_first(words) or words[0].lower() in _patterns()[4] or terms().aux_tail.match(clause.lstrip())
    if not closed or not verb or any(w.lower().strip(",") in terms().reporting_words for w in words):
        return None
    return text[: relative.start()]


def _subject(actors: Actors, text: str, cue: Cue, victims: list[tuple[int, int]]) -> str:
    """The agent of an active cue: the first actor of its clause, or a short subject written out."""
    start = clause_start(text, cue.start)
    clause = text[start: cue.start]
    accused = _ACCUSED_OF.search(text, 0, cue.start)
    if accused and accused.group("who").lower() in grammar().reciprocal_pronouns:
        return ""  # "both sides accuse each other of holding prisoners"
    if accused and cue.voice == "active":  # "accused the Alliance of withholding 16 men": the accused did it
        named = actors(accused.group("who"))
        return named[0].actor.name if named else _written_subject(accused.group("who"))
    antecedent = _closed_relative(text, start, clause)
    if antecedent is not None and cue.voice == "active":
        named = [m for m in actors(antecedent) if not any(s <= m.start < e for s, e in victims)]
        return named[0].actor.name if named else _written_subject(antecedent)
    for mention in actors(clause, offset=start):
        if not any(s <= mention.start < e for s, e in victims):
            return mention.actor.name
    if cue.voice != "active" or cue.mood:
        return ""  # a deal "to relocate 400 members" names no agent of its own
    first = clause.split()[0].lower() if clause.split() else ""
    if start and first in _patterns()[1]:
        told = [m for m in terms().reporting_that.finditer(text, 0, start) if m.end() == start
                and not _NOUN_BEFORE.search(text, 0, m.start())]
        if told:  # "The gendarmerie said on Friday that it had evacuated 1,200 people": the speaker did it
            opens = clause_start(text, told[-1].start())
            mentions = actors(text[opens: told[-1].start()], offset=opens)
            return mentions[0].actor.name if mentions else _written_subject(text[opens: told[-1].start()])
    said = list(grammar().reported.finditer(clause))
    speaker = ""
    if said:
        speaker, clause = clause[: said[-1].start()], clause[said[-1].end():]
    for mention in actors(clause):
        return mention.actor.name
    if not clause.strip() and start:
        relative = _RELATIVE_TAIL.search(text, 0, start)
        if relative:  # "The militants, who killed 12 villagers, ...": the relative pronoun's antecedent
            return _written_subject(text[: relative.start()])
    first = clause.split()[0].lower() if clause.split() else ""
    if speaker and (first in _patterns()[1] or first in _patterns()[5]):
        return _written_subject(speaker)  # "the army said it had killed 15", "the group claimed to have killed"
    appositive = _LAST_BREAK.split(clause)[-1]
    if _APPOSED_RELATIVE.match(appositive.strip()) and "," in clause:
        return _written_subject(clause)  # "the Brotherhood, an armed group that has attacked ... and abducted"
    if said and first in grammar().perfect_words:
        return ""  # "an assault the group said had killed nine": the subject is not in this clause
    if terms().before_tail.pattern and grammar().perfect.search(clause):
        return ""
    return _written_subject(clause)


def _possessor(actors: Actors, text: str, before: int, victims: list[tuple[int, int]]) -> str:
    """'its'/'their' refers back to the nearest actor named before BEFORE in the sentence."""
    mentions = [m for m in actors(text[:before]) if not any(s <= m.start < e for s, e in victims)]
    return mentions[-1].actor.name if mentions else ""


def _by_phrase(actors: Actors, text: str, anchor: int) -> str:
    """The agent of 'by ...' right after ANCHOR ("killed by fire from the security forces")."""
    by = _BY.match(text, anchor)
    if not by:
        return ""
    stretch = re.split(r"[,;.]", text[by.end(): by.end() + 80])[0]
    means = _MEANS_OF.match(stretch)
    if means and not_agent(means.group("means").split()[-1]):
        stretch = stretch[means.end():]  # "killed by fire from the security forces"
    calendar = _patterns()[2] | _patterns()[9]
    opening = stretch.split()[:2]
    if opening and opening[0].lower() in ("the", "a", "an"):
        opening = opening[1:]  # "by the end of the week"
    if opening and (opening[0].strip(",.;:") in calendar or opening[0].lower().strip(",.;:") in calendar):
        return ""  # "by Sunday evening", "by midday": a time, not who did it ("by soldiers last night" is)
    mentions = actors(stretch)
    if mentions and len(stretch[: mentions[0].start].split()) <= 2:
        return mentions[0].actor.name
    found = grammar().agent.match(stretch)
    words = found.group("agent").split() if found else []
    if words and words[0].lower() not in terms().pronouns and not not_agent(words[-1]):
        return found.group("agent")
    return ""


def _attack_clause(actors: Actors, text: str, start: int) -> str:
    """'... were killed when suspected herders attacked the village', '... in a shootout with soldiers'."""
    match = _patterns()[0].match(text, start)
    if not match:
        opposed = _patterns()[3].match(text, start)
        found = grammar().agent.match(opposed.group("who")) if opposed else None
        if not found:
            return ""
        match = found
        named = actors(found.group("agent"))
        if named:
            return named[0].actor.name
        words = found.group("agent").split()
        if words[0].lower() in terms().pronouns or not_agent(words[-1]):
            return ""
        return found.group("agent")
    who = match.group("who").strip()
    named = actors(who)
    if named:
        return named[0].actor.name
    words = who.split()
    if words[0].lower() in terms().pronouns or not_agent(words[-1]):
        return ""
    return who


def _blamed(actors: Actors, text: str) -> str:
    """The side the sentence's statement blames ("the rebels said, accusing the army of shelling the market")."""
    for match in _patterns()[10].finditer(text):
        side = _side(actors, next(match.group(g) for g in ("of", "for", "on") if match.group(g)))
        if side:
            return side
    return ""


def _side(actors: Actors, who: str) -> str:
    """The actor WHO names (gazetteer name), else WHO itself when it is a short noun phrase that can act."""
    named = actors(who)
    if named:
        return named[0].actor.name
    words = who.split()
    if 0 < len(words) <= 5 and words[0].lower() not in terms().pronouns and not not_agent(words[-1]):
        return who
    return ""


def attributed_to(actors: Actors, who: str) -> str:
    """The side in "attributes 211 to WHO": the agent of a by-phrase in it ("shelling by the KAF"), else WHO."""
    who = _PARENTHESIS.sub("", who).strip()  # "the Kaldorian Armed Forces (KAF)"
    return _by_phrase(actors, who, 0) or _side(actors, who)


@cache
def _attack_verb() -> re.Pattern:
    """An attack verb of the casualty grammar ("ambushed", "stormed") or a use of force ("fired tear gas")."""
    doc = load("casualties")
    words = [*doc["grammar"]["attack_verbs"], *doc["tally_context"]["force_verbs"]]
    return re.compile(rf"(?<![\w\-])(?:{alternation(words)})(?![\w\-])", re.IGNORECASE)


@cache
def _euphemisms() -> frozenset[str]:
    """Verbs a side uses of the enemies it killed ("were neutralised"): the speaker claims the killing."""
    return frozenset(w.lower() for w in load("casualties")["tally_context"]["speaker_kill_verbs"])


def speaker_kill(text: str, cue: Cue) -> bool:
    """Whether CUE is a passive "neutralised"/"eliminated": said by the side that did it."""
    return cue.voice == "passive" and " ".join(text[cue.start: cue.end].lower().split()) in _euphemisms()


def attack_verbs(text: str) -> list[re.Match]:
    """The attack verbs of TEXT."""
    return list(_attack_verb().finditer(text))


def attacker(actors: Actors, text: str) -> str:
    """The subject of the one attack told in TEXT ("Insurgents ambushed a convoy on Monday."), else empty.

    Two attack verbs, a passive one ("was ambushed") or a verb without a subject leave it open.
    """
    verbs = attack_verbs(text)
    if len(verbs) != 1:
        return ""
    verb = verbs[0]
    if terms().aux_tail.search(text, 0, verb.start()):
        return ""  # "the convoy was ambushed": the attacked, not the attacker
    if clause_start(text, verb.start()) > 0 or grammar().denied_that.search(text, 0, verb.start()) \
            or terms().negation_tail.search(text, 0, verb.start()):
        return ""  # "..., when rebels attacked the base", "denied that its forces had fired": no attack told
    return _subject(actors, text, Cue("killed", verb.start(), verb.end(), "active"), [])


def agent(actors: Actors, text: str, phrase: PeoplePhrase, cue: Cue, victims: list[tuple[int, int]]) -> str:
    """Who did it: the active subject, the by-phrase, or the actor of an attack in the sentence."""
    if cue.voice == "active" and " ".join(text[cue.start: cue.end].lower().split()) in _patterns()[7]:
        return ""  # "the brigade lost 12 fighters", "the army received 30 soldiers": the subject did not do it
    if cue.voice == "noun":
        found = _by_phrase(actors, text, phrase.end)  # "the abduction of 23 teachers by the Front"
        if found:
            return found
    inverted = cue.voice == "active" and text[cue.start: cue.end].lower().startswith(("the ", "among "))
    if cue.voice in ("active", "noun") and not inverted:  # "Among the dead were six children" has no subject
        return _subject(actors, text, cue, victims)
    anchor = cue.end if cue.voice != "implied" else phrase.end
    by = _by_phrase(actors, text, anchor) if cue.voice != "intransitive" else ""  # "came home ... mediated by"
    found = by or _attack_clause(actors, text, anchor)
    if found:
        return found
    for match in terms().attack.finditer(text):
        who = match.group("who").strip()
        named = actors(who)
        if named:
            return named[0].actor.name
        if who.split()[:1] and who.split()[0].lower() in grammar().possessives:
            return _possessor(actors, text, match.start(), victims)
        written = _named_modifier(who.split())
        if written:
            return written  # "in Varnish strikes": a side the gazetteer does not know
    return _blamed(actors, text)

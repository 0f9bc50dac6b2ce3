"""Who is speaking and to whom, from the words around a reporting cue.

Before the cue: the speaker phrase, with what news grammar wraps around it taken off (a fronted
adjunct, an aside, a reduced or full relative clause, "quoting X", a subordinator opening the
clause; "the League, which said" gives the antecedent). After the cue: the listener ("told us",
"told the families he ...", "told The Herald that") and so the outlet a speaker spoke to.
"""

from __future__ import annotations

import re
from functools import cache

from conflictbook.article import Sentence
from conflictbook.extract.claim_patterns import (
    _DATELINE,
    _ON_DAY_TAIL,
    _blocking_pattern,
    _lex,
    _lex_speakers,
    _patterns,
)
from conflictbook.extract.speakers import Mention, drop_fronted, parse_speaker
from conflictbook.lexicon import alternation

_NO_LISTENER = re.compile(r"^\s*that\s", re.IGNORECASE)


_LISTENER_PRONOUN = re.compile(r"^\s*(?:me|us|him|them|you)(?=\s+(?!that\b)[\w\u201c\"])", re.IGNORECASE)


_LISTENER_THEN_SUBJECT = re.compile(r"^\s*(?:the|his|her|their|its|our|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
                                    r"(?=\s+(?:he|she|they|it|we|i)\s+[a-z])")


def _recipient_via(segment: str, offset: int, book_names: set[str]) -> tuple[str, int]:
    """The outlet a speaker spoke to ("told The Outlet"), and where the words after it start."""
    if _NO_LISTENER.match(segment):    # "told that the victim ...", "informed that ...": nobody named as told
        return "", offset
    pronoun = _LISTENER_PRONOUN.match(segment)
    if pronoun:                        # "told us scores of civilians were killed": the listener is one word
        return "", offset + pronoun.end()
    listener = _LISTENER_THEN_SUBJECT.match(segment)
    if listener:                       # "told the families he had seen ...": the content opens at its subject
        return "", offset + listener.end()
    found = _patterns()["recipient"].match(segment)
    if not found:
        return "", offset
    rec = found.group("rec").strip()
    end = offset + found.end("rec")
    swallowed = not segment[found.end("rec"):].strip(" .!?") and len(rec.split()) > 2
    if len(rec.split()) > 6 or swallowed:   # "told Reuters the shelling lasted all night": the name only
        short = re.match(r"(?:the\s+)?(?:[A-Z0-9][\w'&.-]*\s+){0,3}[A-Z0-9][\w'&.-]*|(?:reporters|journalists|"
                         r"me|us|him|her|them)\b", rec)
        if not short:
            return "", -1              # "said to be ...": no one was told anything
        rec = short.group(0).strip()
        end = offset + (len(segment) - len(segment.lstrip())) + len(rec)
    low = rec.lower()
    if not rec or low in _lex_speakers("audiences") or low.split()[0] in ("his", "her", "their", "its"):
        return "", end
    words = re.sub(r"^the\s+", "", rec, flags=re.IGNORECASE).split()
    if not words or len(words) > 6 or low in book_names or not (words[0][0].isupper() or words[0][0].isdigit()):
        return "", end
    mention = parse_speaker(rec)
    if mention is not None and mention.kind in ("person", "unnamed-person", "group") and mention.role:
        return "", end
    return re.sub(r"^(?:the)\s+", "", rec, flags=re.IGNORECASE), end


def _sentence_subject(before: str) -> str:
    """The subject at the start of a sentence, asides dropped ("The ministry, which ..., does" -> "The ministry")."""
    head = _DATELINE.sub("", before).split(",")[0].strip()
    head = re.split(r"\s+(?:does|did|do|is|was|are|were|has|had|have|will|would|can|could)\b", head)[0]
    verb = _patterns()["cue"].search(head)
    if verb and verb.start() > 0:
        head = head[:verb.start()].rstrip()   # "A local commander acknowledged the attack but told us": the commander
    return head if head and parse_speaker(head) is not None else ""


# Per cue of _indirect: an aside closing the speaker phrase (", who ...,"), "X, quoting Y, reports", an adverb
# before the cue ("consistently rejected"), "said to Outlet", the "that" opening the content.
_TRAILING_ASIDE = re.compile(r",\s+(?:who|which|whose|speaking|asking|citing|according)\s+[^,]*,\s*$")


_QUOTING_SOURCE = re.compile(r",\s+quoting\s+(?P<src>[^,]+),\s*$")


_RELATIVE_SPEAKER = re.compile(r"(?P<np>[^,;:\u201c\u201d\"]{3,120}),\s+(?:which|who)\s+(?:(?:also|has|have|had|"
                               r"later|previously|then|again|itself)\s+)*$")


_ANTECEDENT = re.compile(r"^(?:.*\b(?:by|from|to|with|for|of|at|in|on|and|that|against|than)\s+)?(?P<np>\S[^,]*?)\s*$")


@cache
def _postmodifier_pattern() -> re.Pattern:
    openers = alternation(sorted(_lex("postmodifier_openers")))
    return re.compile(rf"^(?P<np>(?:(?:the|a|an)\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,2}}?)"
                      rf"\s+(?:(?:{openers})\s|[a-z]+ed\s+(?:at|in|on|by|near|outside|from|to)\s)", re.IGNORECASE)


_ACTS_AS = re.compile(r"\b(?:who|that)\s+(?:has\s+|had\s+|have\s+)?(?:acted|acts|served|serves|works|worked|"
                      r"is|was)\s+as\s+(?P<role>(?:an?\s+|the\s+)?[a-z][\w-]*)", re.IGNORECASE)


_SPEAKING_TO = re.compile(r",\s+(?:speaking|talking|who\s+spoke|who\s+talked|who\s+was\s+speaking)\s+to\s+(?:the\s+)?"
                          r"(?P<via>[A-Z][\w'\u2019&.-]*(?:\s+[A-Z][\w'\u2019&.-]*){0,3})")


def _without_postmodifier(phrase: str) -> str:
    """ "Survivors we reached by phone" -> "Survivors", "Parents gathered at the gate on Tuesday" -> "Parents",
    "A man who has acted as an intermediary for ..." -> "intermediary" (the role he speaks in);
    "" when the phrase has no post-modifier."""
    acting = _ACTS_AS.search(phrase)
    if acting:
        return acting.group("role")
    found = _postmodifier_pattern().match(phrase.strip())
    return found.group("np") if found else ""


# an aside still open before the cue, with a verb of its own ("X, who asked not to be named for fear of"); not
# a relative whose subject is the speaker ("the market, which the army blames on the Front")
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s+(?:[^,\s]+\s+){4,}$")
_FRONTED_PP_PRONOUN = re.compile(r"^\s*(?:on|in|at|during|via|through|after|before|from|later|earlier)\b[^,]*?\s"
                                 r"(?P<pronoun>it|he|she|they)\s*$", re.IGNORECASE)


def _speaker_mention(phrase: str) -> Mention | None:
    """The speaker PHRASE names, read whole or, failing that, without its post-modifier ("Survivors we
    reached by phone" -> "Survivors")."""
    mention = parse_speaker(phrase)
    if mention is None:
        trimmed = _without_postmodifier(phrase)
        mention = parse_speaker(trimmed) if trimmed else None
    return mention


def _phrase_before_cue(text: str, sent: Sentence, left: str) -> tuple[str, int, str] | None:
    """(speaker phrase, where it starts in LEFT, its "quoting" outlet) of the words LEFT before a cue, or None."""
    pats = _patterns()
    relative = _RELATIVE_SPEAKER.search(left)
    if relative:          # "... by the Teskan Rights League, which said ...": the antecedent speaks
        np = relative.group("np")
        head = _ANTECEDENT.search(np)
        if head is None or parse_speaker(head.group("np")) is None:
            return None
        return head.group("np"), relative.start("np") + head.start("np"), ""
    if _blocking_pattern().search(left) or _OPEN_RELATIVE.search(left):
        return None                   # "X, who asked not to be named for fear of ...": a word inside an aside
    bounds = list(pats["boundary"].finditer(left))
    if bounds and left.rstrip().endswith(",") and bounds[-1].group(0).startswith(",") \
            and _ASIDE_TAIL.search(left[max(0, bounds[-1].start() - 1):].rstrip()):
        bounds.pop()          # "The minister, after the meeting, said": an aside, not a new clause
    np_lo = bounds[-1].end() if bounds else 0
    phrase = left[np_lo:]
    phrase = pats["connective"].sub("", phrase)
    phrase = pats["between_tail"].sub("", phrase).rstrip()
    phrase = _ON_DAY_TAIL.sub("", phrase)
    phrase = _DATELINE.sub("", phrase)
    phrase = _TRAILING_ASIDE.sub("", phrase).rstrip()
    phrase = _ASIDE_TAIL.sub("", phrase).rstrip()   # "X, in a statement, confirmed", "X, after the talks, said"
    reduced = _REDUCED_RELATIVE.search(phrase)
    if reduced:
        np_lo = left.rfind(reduced.group("np"))
        phrase = reduced.group("np")   # "a step it said was needed", "a market the army said was used"
    sub = _last_subordinator(phrase)
    if sub is not None:
        np_lo += sub if left[np_lo:].startswith(phrase) else 0
        phrase = phrase[sub:]      # "three days after her fighters claimed": her fighters claimed
    unfronted = drop_fronted(phrase.lstrip())
    if unfronted != phrase.lstrip() and left.rfind(unfronted.strip(" ,")) >= np_lo:
        np_lo = left.rfind(unfronted.strip(" ,"))
        phrase = unfronted        # "Contacted, the police spokesman, X, said": the fronted word is no speaker
    if "," in phrase.strip(" ,") and not phrase.endswith(","):
        last_part = phrase.rsplit(",", 1)[1]
        opener = phrase.split()[0].lower() if phrase.split() else ""
        whole_ok = parse_speaker(phrase) is not None and opener not in _lex("adjunct_starts")
        if not whole_ok and parse_speaker(last_part) is not None:
            np_lo += len(phrase) - len(last_part) if left[np_lo:].endswith(phrase) else 0
            phrase = last_part       # "In a statement, the group said"
    quoting = _QUOTING_SOURCE.search(phrase)
    quoted_via = ""
    if quoting and parse_speaker(quoting.group("src")) is not None:
        quoted_via = re.sub(r"^(?:the)\s+", "", phrase[:quoting.start()].strip(), flags=re.IGNORECASE)
        phrase = quoting.group("src")          # "Agency X, quoting the ministry, reports ..."
    if phrase.endswith(","):
        appositive = re.fullmatch(r"(?P<name>[^,]+),\s+(?P<app>[^,]+),", phrase.strip())
        if not appositive:
            return None
        app = appositive.group("app")
        phrase = appositive.group("name") if app.isdigit() else f"{appositive.group('name')}, {app}"
    if not phrase.strip() and bounds and re.search(r"\b(?:but|and)\s*$", left[:np_lo]):
        subject = _sentence_subject(text[sent.start:sent.start + np_lo])
        if subject:
            phrase = subject                     # "The ministry, which ..., does not ..., but says ..."
    fronted = _FRONTED_PP_PRONOUN.match(phrase)
    if fronted:                       # "On its official page it said": the pronoun after a fronted adjunct
        np_lo += fronted.start("pronoun") if left[np_lo:].startswith(phrase) else 0
        phrase = fronted.group("pronoun")
    return phrase, np_lo, quoted_via


@cache
def _subordinator_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(_lex('subordinators'))})\s+", re.IGNORECASE)


def _last_subordinator(phrase: str) -> int | None:
    """Where the clause after the last subordinator of PHRASE begins, when no comma follows it ("days after
    her fighters" -> at "her"); None otherwise (", after the meeting," is an aside, not a clause)."""
    last = None
    for match in _subordinator_pattern().finditer(phrase):
        last = match
    if last is None or "," in phrase[last.end():] or not phrase[last.end():].strip():
        return None
    return last.end()


# A reduced relative: a noun phrase, then the speaker of what follows the cue ("a step it said was needed",
# "a market the army said was used", "a convoy that officials said had been carrying food").
_REDUCED_RELATIVE = re.compile(
    r"(?:\b(?i:a|an|the|this|that|these|those)\s+[a-z][\w-]*(?:\s+(?!(?:of|in|at|on|for|from|with|by|near|to|"
    r"about|across|along|outside|inside)\b)[a-z][\w-]*)?\s+(?!(?:of|in|at|on|for|from|with|by|near|to)\b)"
    r"|\b(?i:that|which|whom)\s+)"
    r"(?P<np>it|he|she|they|(?:the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|[a-z]+s"
    r"|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})\s*$")


# A comma-set prepositional aside between the speaker and the cue ("The officer, Jane Roe, in a statement
# confirmed"; "The minister, after the meeting, said"): not part of the speaker.
_ASIDE_TAIL = re.compile(r"(?<=\w),\s+(?:in|on|at|during|via|through|after|before|with|from|late|early)"
                         r"\s+[^,]{2,60},?\s*$")

"""The reporting lexicon (``reporting.yml``) compiled once: the cue patterns and word sets every
attribution shape of ``claims`` and ``speaker_phrase`` reads. Data lives in the lexicon; this module
only turns it into matchers."""

from __future__ import annotations

import re
from functools import cache

from conflictbook.lexicon import alternation, load
from conflictbook.wordscan import PhraseMatcher, alias_starts

# "HALDEN CROSS, Valdoria -- " / "ALDMERE, March 20 (Wire) - ": a dateline opening the first paragraph.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z'\u2019 .-]{2,}(?:,\s*[^\n]{0,40}?)?\s*(?:\([^)]*\))?|"
                       r"\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|[AP]M)?)\s*(?:--|\u2014|\u2013|-)\s+")


# Verbs of "Y quoted X as saying": with "according (to)", the openers of an attribution without a lexicon cue.
_QUOTING_VERBS = ("quoted", "quotes", "cited", "cites")


_QUOTING = "|".join(_QUOTING_VERBS)


@cache
def _patterns() -> dict:
    lex = load("reporting")
    cue = alternation(lex["clause"] + lex["recipient"] + lex["object"])
    between = alternation(lex["between"])
    adjunct = alternation(lex["adjunct_starts"])
    return {
        "lex": {k: {str(w).lower() for w in v} for k, v in lex.items()},
        "cue": re.compile(rf"(?<![\w-])(?:{cue})(?![\w-])", re.IGNORECASE),
        # the words a cue can open with: the cue pattern is tried only there (same matches, faster)
        "cue_starts": alias_starts([str(w).lower() for w in lex["clause"] + lex["recipient"] + lex["object"]],
                                   fold=True),
        # the same cue pattern, tried with only the cues whose words all occur in the sentence
        "cue_matcher": PhraseMatcher([str(w).lower() for w in lex["clause"] + lex["recipient"] + lex["object"]]),
        "cue_first": re.compile(rf"^\s*(?P<cue>{cue}|{alternation(lex['according'])})\s+(?P<rest>.+?)\s*$",
                                re.IGNORECASE | re.S),
        "speaker_first": re.compile(rf"^\s*(?P<spk>[^,;:]+?(?:,\s+[^,;:]+?,)?)\s+(?:(?:{between})\s+)*"
                                    rf"(?P<cue>{cue})(?![\w-])(?P<tail>.*?)\s*$", re.IGNORECASE | re.S),
        "speaker_stop": re.compile(rf",|;|\s+(?:{adjunct})\s|\s*[.!?]*\s*$", re.IGNORECASE),
        "quoted": re.compile(rf"^\s*(?P<via>.+?)\s+(?P<cue>{_QUOTING})\s+(?P<spk>.+?)"
                             r"(?:\s+(?:on|in|at|late on)\s+[^,]+?)?\s+as\s+saying\b\s*(?P<that>that\b)?",
                             re.IGNORECASE | re.S),
        # (?<!\s): a match never starts inside a blank run (the run's first blank would match too), and
        # without it the engine re-scans a long blank run (a masked quotation) from each of its positions
        "between_tail": re.compile(rf"(?<!\s)(?:\s+(?:{between}))+\s*$", re.IGNORECASE),
        "adjunct": re.compile(r"^(?:\s*,)?\s*(?:(?:on|late\s+on|early\s+on|earlier\s+on|in|at|last|this|"
                              r"during)\s+(?:the\s+)?(?:[A-Z][\w]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|"
                              r"\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z]\w+)?|\w+day|week|month|year|"
                              r"(?:morning|afternoon|evening|night))(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|"
                              rf"(?i:{alternation(lex['time_adjuncts'])}))"
                              r"(?=[\s,:;.]|$)"),
        "recipient": re.compile(r"^\s*(?P<rec>[^,.;:\u201c\"]+?)(?=\s+(?:that|on|in|at|last|this|yesterday|today|"
                                r"earlier|late|about|after|before|during|by|via|over|from|how|what|why|whether|"
                                r"when|where|who|of)\b|\s*[,.;:\u201c\"]|\s*$)"),
        "said_when": re.compile(
            r"(?<![\w-])(?:(?:(?:late|early|earlier)\s+)?(?:on|last|this)\s+(?:the\s+)?(?:[A-Z][a-z]+day|"
            r"[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|morning|afternoon|evening|"
            r"night|week|month)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight)(?![\w-])"),
        "connective": re.compile(rf"^\s*(?:{alternation(lex['connectives'])})\s*,?\s+", re.IGNORECASE),
        "boundary": re.compile(rf"(?:[;:]\s+|,\s+(?:{alternation(lex['clause_openers'])})\s+|"
                               rf"\s+(?:but|while|whereas)\s+)", re.IGNORECASE),
    }


# "… on Monday" at the end of a speaker phrase; (?<!\s) as in "between_tail" (same matches, linear).
_ON_DAY_TAIL = re.compile(r"(?<!\s)\s+(?:on|late\s+on)\s+\w+$")


_QUOTED_CUE = re.compile(rf"\s(?:{_QUOTING})\s", re.IGNORECASE)


_AS_SAYING = re.compile(r"\sas\s+saying\b", re.IGNORECASE)


def _quoted_as_saying(text: str) -> re.Match | None:
    """The "quoted" pattern at the start of TEXT. Over a long blank run (a masked quotation) its lazy
    groups backtrack cubically, so it runs only when both of its fixed parts are in TEXT."""
    if not (_QUOTED_CUE.search(text) and _AS_SAYING.search(text)):
        return None
    return _patterns()["quoted"].match(text)


def _lex(key: str) -> set[str]:
    return _patterns()["lex"][key]


_BLANKS = re.compile(r"\s+")


def _norm_cue(cue: str) -> str:
    """The cue in lower case, one blank between words; "as per" is "according to" (one shape, one name)."""
    norm = _BLANKS.sub(" ", cue.lower())
    return "according to" if norm in _lex("according") else norm


@cache
def _speaker_lex() -> dict:
    data = load("speakers")
    return {k: {str(w).lower() for w in v} for k, v in data.items() if isinstance(v, list)}


def _lex_speakers(key: str) -> set[str]:
    return _speaker_lex()[key]


@cache
def _blocking_pattern() -> re.Pattern:
    return re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, _lex("blocking"))) + r")\s*$", re.IGNORECASE)

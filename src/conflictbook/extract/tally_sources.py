"""Whose word a count rests on when no extracted claim covers it.

The claims step reads most attributions; a count can still sit where it found none or placed the
content elsewhere: in the complement of a speech verb ("Survivors said many young men were taken
away"), before a trailing attribution ("..., killing four people, the rebels said at the time;"),
or inside a statement reproduced in quotation marks after "... said:". A count there rests on the
speaker's word (``claimed``), not the outlet's. Only the sentence's own grammar is read: a speech
verb with a subject before the count, or a short subject and a speech verb right after its clause;
"it"/"they" stand for the speaker of the claim just before in the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from conflictbook.article import Article, Sentence
from conflictbook.extract.agents import clause_start
from conflictbook.extract.speakers import drop_fronted, known_head, parse_speaker
from conflictbook.lexicon import load
from conflictbook.records import Claim

_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s[^,]*(?:,|$)", re.IGNORECASE)   # ", which was read on TV,"
_POSSESSOR = re.compile(r"^(?P<who>.+?)['\u2019]s?\s+(?P<noun>[\w\-]+)$")           # "the ministry's statement"
_BREAK = re.compile(r"[;:]")
_BY = re.compile(r"\s+by\b", re.IGNORECASE)
_OPEN_QUOTE = re.compile(r"\s*[\"\u201c]")
_CLOSE_QUOTE = re.compile(r"[\"\u201d]")


@dataclass(frozen=True)
class Spoken:
    """A speaker found by the sentence's grammar: the name to write and its kind (as a claim's)."""

    speaker: str
    kind: str


@cache
def _lexicon() -> dict:
    return load("casualties")["tally_context"]


@cache
def _speech_verb() -> re.Pattern:
    """A verb of saying that takes what was said after it ("said", "told us", "acknowledged")."""
    words = _lexicon()["speech_verbs"]
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})"
                      r"(?![\w\-])", re.IGNORECASE)


@cache
def _trailing() -> re.Pattern:
    """', the rebels said at the time;': a short subject and a speech verb closing the clause of a count."""
    return re.compile(rf"[^;:\"\u201c\u201d]*?,\s+(?P<who>[^,;:\"\u201c\u201d]{{1,60}}?)\s+(?:{_speech_verb().pattern})"
                      r"(?P<rest>[^;:\"\u201c\u201d]*)(?:[;.]|$)", re.IGNORECASE)


def _pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _lexicon()["speaker_pronouns"])


def _named(phrase: str, known: set[str]) -> Spoken | None:
    """The speaker PHRASE names, or None unless it reads as one.

    A head noun the speaker lexicon knows ("survivors", "ministry"), a name of several words or
    capitals ("Adam Roe", "NUF"), or a name the claims already gave a speaker ("Brask"); a contact
    clause is cut off ("Survivors we reached by phone").
    """
    phrase = _RELATIVE.sub("", drop_fronted(phrase.strip(" ,"))).strip(" ,")
    possessor = _POSSESSOR.match(phrase)
    if possessor and possessor.group("noun").lower() in _lexicon()["statement_nouns"]:
        phrase = possessor.group("who")  # "The ministry's statement said": the ministry
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _lexicon()["contact_pronouns"]), len(words))
    mention = parse_speaker(" ".join(words[:cut]))
    if mention is None or mention.pronoun or not mention.kind:
        return None
    name = mention.name
    if name and (len(name.split()) > 1 or name.isupper() or name in known):
        return Spoken(name, mention.kind)
    if not name and known_head(mention.head):
        return Spoken(mention.description or mention.role, mention.kind)
    return None


def _resolve(pronoun_sentence: Sentence, article: Article, claims: list[Claim]) -> Spoken | None:
    """'it said', 'they told us': the speaker of the latest claim before, in the same paragraph."""
    earlier = [c for c in claims if c.sentence < pronoun_sentence.index
               and article.sentences[c.sentence].paragraph == pronoun_sentence.paragraph]
    if not earlier:
        return None
    claim = max(earlier, key=lambda c: (c.sentence, c.cue_start))
    return Spoken(claim.speaker, claim.speaker_kind)


def _subject(article: Article, sentence: Sentence, claims: list[Claim], phrase: str) -> Spoken | None:
    words = phrase.split()
    if words and words[-1].lower() in _pronouns():
        return _resolve(sentence, article, claims)  # "On its official page it said"
    return _named(phrase, {c.speaker for c in claims})


def subject_before(article: Article, sentence: Sentence, claims: list[Claim], verb: int) -> Spoken | None:
    """The speaker the subject of the verb at VERB names ("It put the number at ...": the claim just before)."""
    text = sentence.text
    return _subject(article, sentence, claims, text[clause_start(text, verb): verb]) if text[:verb].strip() else None


def said_before(article: Article, sentence: Sentence, claims: list[Claim], start: int) -> Spoken | None:
    """The subject of a speech verb before START in SENTENCE whose complement holds the count at START."""
    text = sentence.text
    verbs = [v for v in _speech_verb().finditer(text, 0, start) if not _BY.match(text, v.end())]
    if not verbs or _BREAK.search(text, verbs[-1].end(), start):
        return None  # no speech verb ("the deal announced by mediators" is a participle), or past its clause
    return _speaker_of(article, sentence, claims, verbs)


def _speaker_of(article: Article, sentence: Sentence, claims: list[Claim], verbs: list[re.Match]) -> Spoken | None:
    """The subject of the last speech verb of VERBS, or of the first verb of its chain."""
    text = sentence.text
    opens = max((m.end() for m in _BREAK.finditer(text, 0, verbs[-1].start())), default=0)
    for verb in reversed([v for v in verbs if v.start() >= opens]):
        # "A commander acknowledged the attack but told us ...": the subject of the first verb of the chain
        subject = text[clause_start(text, verb.start()): verb.start()]
        found = _subject(article, sentence, claims, subject) if subject.strip() else None
        if found is None:
            found = _subject(article, sentence, claims, text[opens: verb.start()])
        if found is not None:
            return found
    return None


def said_after(article: Article, sentence: Sentence, claims: list[Claim], end: int) -> Spoken | None:
    """', the rebels said at the time': a trailing attribution after the count ending at END."""
    match = _trailing().match(sentence.text, end)
    if not match or re.match(r"\s*that\b", match.group("rest")):
        return None  # "..., officials said that": what they said comes after, not before
    return _subject(article, sentence, claims, match.group("who"))


def reproduced_statements(article: Article, claims: list[Claim]) -> list[tuple[int, int, Spoken]]:
    """(start, end, speaker) of statements quoted in full after a sentence ending in a speech verb and ':'.

    "The ministry's statement said:" then a paragraph opening with a quotation mark: everything up to
    the closing mark is the ministry's word, however many sentences it runs over.
    """
    found = []
    for sentence in article.sentences:
        if not sentence.text.rstrip().endswith(":"):
            continue
        verbs = [v for v in _speech_verb().finditer(sentence.text) if not _BY.match(sentence.text, v.end())]
        if not verbs:
            continue
        opened = _OPEN_QUOTE.match(article.text, sentence.end)  # the quotation mark after the colon
        if not opened:
            continue
        closing = _CLOSE_QUOTE.search(article.text, opened.end())
        speaker = _speaker_of(article, sentence, claims, verbs)
        if speaker is not None:
            found.append((opened.end(), closing.start() if closing else len(article.text), speaker))
    return found


def dates_the_saying(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the date written at START..END of SENTENCE is when someone spoke, not when the count happened.

    "The ministry on Thursday said ...", "claimed the next day that ...", ", police said on Tuesday.":
    the date sits right before a speech verb, or right after one (and its object) where the clause
    ends or "that" opens what was said.
    """
    text = sentence.text
    if _issued().search(text, max(0, start - 60), start):
        return True  # "In a statement issued on Tuesday evening, it said ...": when the statement came out
    previous = text[:start].split()[-1:] or [""]
    if _said_next().match(text, end) and not previous[0].lower().endswith("ed"):
        return True  # not "who was detained between May and October said": the detention's time
    spoke = _speech_then().search(text, max(0, start - 60), start)
    if not spoke or not _CLAUSE_AFTER.match(text, end):
        return False
    between = spoke.group("object").split()
    return not any(w.lower() in _lexicon()["speaker_pronouns"] or w.lower().endswith("ed") or w[0].isdigit()
                   for w in between)  # "said it attacked on Monday": a clause of its own, the attack's day


@cache
def _issued() -> re.Pattern:
    """'a statement issued ', 'the report published ': a document and its coming out, right before a date."""
    lex = _lexicon()
    nouns = "|".join(re.escape(w) for w in lex["statement_nouns"])
    verbs = "|".join(re.escape(w) for w in lex["statement_participles"])
    return re.compile(rf"(?<![\w\-])(?:{nouns})\s+(?:{verbs})\s+$", re.IGNORECASE)


@cache
def _said_next() -> re.Pattern:
    """' said' right after a date: "The ministry on Thursday said"."""
    return re.compile(rf"\s+(?:{_speech_verb().pattern})", re.IGNORECASE)


@cache
def _speech_then() -> re.Pattern:
    """A speech verb and up to two words of its object right before a date: "told reporters", "said"."""
    return re.compile(rf"(?:{_speech_verb().pattern})(?P<object>(?:\s+[\w'\u2019\-]+){{0,2}}?)\s+$", re.IGNORECASE)


_CLAUSE_AFTER = re.compile(r"\s*(?:,|;|\.|$|that\b)", re.IGNORECASE)



@cache
def _aside() -> re.Pattern:
    """', she said,', ', the group said on Monday,': an attribution set between commas inside a clause."""
    return re.compile(rf",\s+(?:[\w'\u2019\-]+\s+){{1,5}}?(?:{_speech_verb().pattern})"
                      r"(?:\s+(?:on\s+)?[\w'\u2019\-]+){0,2}?\s*,(?=\s+[a-z])", re.IGNORECASE)


def without_asides(text: str) -> str:
    """TEXT with each attribution aside blanked out (same length, so offsets hold): the count before it and
    the verb after it are one clause again ("Three of them, the group said, were moved")."""
    return _aside().sub(lambda m: " " * len(m.group()), text) if "," in text else text

"""Attribution of direct and indirect speech: who said what, through whom.

Why rules and not a parser: reporting in conflict news follows a few fixed shapes
("“…,” X said", "X said, “…”", "X told Y that …", "…, according to X", "Y quoted X as
saying …"), and the cue words, speaker nouns and pronouns live in lexicons
(``reporting.yml``, ``speakers.yml``) so they can be extended without code. Quotes come
from ``quotes``, speakers are resolved across the article by ``speakers.SpeakerBook``.
Each claim records the character span of its content, so later extractors can tell which
numbers and dates a speaker asserts and which the outlet does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from conflictbook.article import Article, Sentence, clip
from conflictbook.extract.claim_patterns import (
    _BLANKS,
    _DATELINE,
    _QUOTING,
    _QUOTING_VERBS,
    _lex,
    _norm_cue,
    _patterns,
    _quoted_as_saying,
)
from conflictbook.extract.quotes import Quote, find_quotes, mask_quotes
from conflictbook.extract.speaker_phrase import (
    _SPEAKING_TO,
    _phrase_before_cue,
    _recipient_via,
    _speaker_mention,
)
from conflictbook.extract.speakers import Mention, SpeakerBook, known_head, parse_speaker
from conflictbook.extract.transcript import Turn, full_name, transcript_turns
from conflictbook.lexicon import alternation, load
from conflictbook.records import Claim
from conflictbook.wordscan import PhraseMatcher, ascii_words, finditer_at_words

_PUBLISHED_IN = re.compile(r"^(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)?\s*[^,]{0,60}?"
                           r"(?=\s+(?:on|in|at|last|this|yesterday|today)\b|,|$)")
_CLAUSE_AFTER_CUE = re.compile(r",\s+(?:who|whose|which|where|adding|saying|calling|as|after|because|when|while|"
                               r"\d+|a|an|the)\b|\s+that\s")


@dataclass
class Attribution:
    """One attributed statement found in a sentence, before its speaker is resolved."""

    mention: Mention
    np_start: int
    cue_start: int
    cue_end: int
    cue: str
    sentence: int
    content: list[tuple[int, int]]
    mode: str
    via: str = ""
    quotes: list[Quote] = field(default_factory=list)


# ---------------------------------------------------------------- speaker + cue clauses


@dataclass
class _Clause:
    """A parsed "SPEAKER CUE …" / "CUE SPEAKER …" segment."""

    mention: Mention
    np_start: int
    cue_start: int
    cue_end: int
    cue: str
    via: str
    tail_start: int   # where the words after speaker and cue begin


def _platform(after_cue: str) -> str:
    """ "said on Telegram", "wrote on social media": the medium that carried the statement."""
    found = _platform_pattern().match(after_cue)
    return (found.group("p") or found.group("q")) if found else ""


def _parse_clause(text: str, start: int, end: int, names: set[str]) -> _Clause | None:
    """TEXT[start:end] as a whole attribution clause: "X said …" or "said X …" (tail allowed)."""
    pats = _patterns()
    segment = text[start:end]
    first = pats["cue_first"].match(segment)
    if first and _norm_cue(first.group("cue")) in _lex("recipient"):
        first = None           # "told X": X is who was told, not who spoke
    if first:
        cue_start, cue_end = start + first.start("cue"), start + first.end("cue")
        rest_start = start + first.start("rest")
        by = _source_nouns_pattern().match(text[rest_start:end])
        if by and _norm_cue(first.group("cue")) == "according to":
            rest_start += by.end()               # "according to figures published by X": X
        rest = text[rest_start:end]
        stop = pats["speaker_stop"].search(rest)
        spk = rest[:stop.start()] if stop else rest
        phrase = spk
        after = rest[len(spk):]
        appositive = re.match(r"^,\s+((?:a|an|the)\s+[^,.;]+)", after)
        if appositive:
            phrase = f"{spk}, {appositive.group(1)}"
        mention = parse_speaker(phrase)
        if mention is not None and not mention.pronoun:
            return _Clause(mention, rest_start, cue_start, cue_end, _norm_cue(first.group("cue")), "",
                           rest_start + len(spk))
    second = pats["speaker_first"].match(segment)
    if second:
        spk = second.group("spk")
        spk = pats["connective"].sub("", spk)
        mention = parse_speaker(spk)
        if mention is None or not second.group("cue").islower():
            return None
        cue_start, cue_end = start + second.start("cue"), start + second.end("cue")
        cue = _norm_cue(second.group("cue"))
        via, tail = "", cue_end
        if cue in _lex("recipient"):
            via, tail = _recipient_via(text[cue_end:end], cue_end, names)
        elif re.match(r"\s+to\s", text[cue_end:end]):
            via, tail = _recipient_via(text[cue_end + 4:end].lstrip(), end - len(text[cue_end + 4:end].lstrip()),
                                       names)
            if via:
                cue += " to"
        tail = tail if tail >= 0 else cue_end
        via = via or _platform(text[cue_end:end])
        return _Clause(mention, start + second.start("spk") + (len(second.group("spk")) - len(spk)),
                       cue_start, cue_end, cue, via, tail)
    return None


# ---------------------------------------------------------------- per-sentence patterns


def _direct_after(article: Article, sent: Sentence, quotes: list[Quote], names: set[str]) -> list[Attribution]:
    """ "“…,” X said." and "“…,” said X." — a quote closing in SENT, then speaker and cue."""
    text, out = article.text, []
    for quote in quotes:
        if not (sent.start <= quote.close_at <= sent.end) or quote.close_at == quote.end:
            continue
        after_end = sent.end
        nxt = next((q for q in quotes if quote.close_at <= q.open_at < sent.end), None)
        if nxt is not None:
            after_end = nxt.open_at
        segment = text[quote.close_at:after_end]
        if re.match(r"^[\s,]*(?:and|but|while|whereas)\s", segment):
            continue         # "X dismissed it as “a fantasy”, and monitors say ...": the quote is X's
        if not segment.strip(" ,.") or not re.match(r"^\s*,|^\s+[a-z]", segment) and \
                text[quote.end - 1:quote.end] not in ",?!":
            continue
        clause = _parse_clause(text, quote.close_at + len(segment) - len(segment.lstrip(" ,")),
                               after_end, names)
        if clause is None:
            continue
        lead = text[max(sent.start, _para_start(text, sent.start)):quote.open_at]
        mode = "direct"
        content_start = quote.start
        if quote.open_at > sent.start and lead.strip() and quote.open_at >= sent.start:
            mode, content_start = "mixed", sent.start
        content = [(content_start, quote.end)]
        used = [quote]
        if nxt is not None and re.match(r"^[\s,:]*$", text[clause.tail_start:nxt.open_at]) or \
                (nxt is not None and re.fullmatch(r"[^.!?]*[,:]\s*", text[clause.tail_start:nxt.open_at])):
            content.append((nxt.start, nxt.end))
            used.append(nxt)
        out.append(Attribution(clause.mention, clause.np_start, clause.cue_start, clause.cue_end, clause.cue,
                               sent.index, content, mode, clause.via, used))
        break
    return out


def _para_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


_COLON_CUE_END = re.compile(r"[^:]{0,60}:\s*$")


def _colon_intro(article: Article, prev: Sentence, quote: Quote) -> Attribution | None:
    """ "The ministry's statement, reproduced below in full, said:" and, in the next sentence or paragraph,
    the quotation it introduces: the quotation is the speaker's."""
    if not prev.text.rstrip().endswith(":"):
        return None
    cues = [m for m in _patterns()["cue"].finditer(prev.text) if _COLON_CUE_END.fullmatch(prev.text, m.end())]
    if not cues or not cues[-1].group(0).islower():
        return None
    cue = cues[-1]
    left = prev.text[:cue.start()]
    found = _phrase_before_cue(article.text, prev, left)
    if found is None:
        return None
    phrase, np_lo, _via = found
    mention = _speaker_mention(phrase)
    if mention is None:
        return None
    np_start = prev.start + np_lo + (len(left[np_lo:]) - len(left[np_lo:].lstrip()))
    return Attribution(mention, np_start, prev.start + cue.start(), prev.start + cue.end(), _norm_cue(cue.group(0)),
                       prev.index, [(quote.start, quote.end)], "direct", "", [quote])


def _direct_before(article: Article, sent: Sentence, quotes: list[Quote], names: set[str]) -> list[Attribution]:
    """ "X said, “…”", "X said on Monday: “…”", "Y quoted X as saying, “…”"."""
    text, pats = article.text, _patterns()
    for quote in quotes:
        if not (sent.start <= quote.open_at < sent.end):
            continue
        if sent.index > 0 and not text[sent.start:quote.open_at].strip():
            intro = _colon_intro(article, article.sentences[sent.index - 1], quote)
            if intro is not None:
                return [intro]
        prev_close = max([q.close_at for q in quotes if sent.start <= q.close_at <= quote.open_at], default=sent.start)
        segment = text[prev_close:quote.open_at]
        if not re.search(r"[,:]\s*$", segment) and not re.search(r"\bas\s+saying\s*$", segment):
            continue
        quoted = _quoted_as_saying(segment)
        if quoted and not quoted.group("that"):
            mention = parse_speaker(quoted.group("spk"))
            if mention is None:
                continue
            via = re.sub(r"^(?:the)\s+", "", pats["connective"].sub("", quoted.group("via")).strip(),
                         flags=re.IGNORECASE)
            return [Attribution(mention, prev_close + quoted.start("spk"), prev_close + quoted.start("cue"),
                                prev_close + quoted.end(), "quoted ... as saying", sent.index,
                                [(quote.start, quote.end)], "direct", via, [quote])]
        body = segment.rstrip()
        body = body[:-1] if body.endswith((",", ":")) else body
        clause = _parse_clause(text, prev_close, prev_close + len(body), names)
        if clause is None or clause.cue == "according to":
            continue
        tail = text[clause.tail_start:prev_close + len(body)]
        if re.search(r"\bthat\b", tail) or len(tail.split()) > 8:
            continue
        if tail.strip() and not pats["adjunct"].match(tail) and not clause.via:
            continue
        return [Attribution(clause.mention, clause.np_start, clause.cue_start, clause.cue_end, clause.cue,
                            sent.index, [(quote.start, quote.end)], "direct", clause.via, [quote])]
    return []


_SOURCE_OF = re.compile(r"^(?:(?:the\s+)?(?:latest\s+|official\s+|new\s+)?(?:figures|data|statistics|numbers|records|"
                        r"estimates|a\s+tally|a\s+count|a\s+report|a\s+list)\s+(?:of|from|by|compiled\s+by|"
                        r"released\s+by|published\s+by)\s+)", re.IGNORECASE)
_ACCORDING_LEAD = re.compile(r"^\s*(?:according\s+to|as\s+per)\s+(?P<spk>[^,]+),\s*", re.IGNORECASE)
_COMMA = re.compile(r",\s")
_BETWEEN_COMMAS = re.compile(r",\s+(?P<clause>[^,]{2,80}?),\s+")


def _trailing(article: Article, sent: Sentence, masked: str, names: set[str]) -> list[Attribution]:
    """ "…, said residents." / "…, the army said." / "…, according to X." / "According to X, …"."""
    text, pats = article.text, _patterns()
    lead = _ACCORDING_LEAD.match(masked)
    spk = _SOURCE_OF.sub("", lead.group("spk")) if lead else ""   # "according to data of X": X
    if lead and parse_speaker(spk) is None:
        lead = None
    if lead:
        speaker, _by, quoting = spk.partition(" quoted by ")
        mention = parse_speaker(speaker)
        if mention is not None:
            start = sent.start + lead.end()
            via = _media_name(quoting) if quoting else ""      # "residents quoted by the broadcaster Radio X"
            return [Attribution(mention, sent.start + lead.start("spk"), sent.start + lead.start(),
                                sent.start + lead.start("spk") - 1, "according to", sent.index,
                                [(start, _content_end(text, sent))], "indirect", via)]
    commas = [m.start() for m in _COMMA.finditer(masked)][::-1][:4]
    for comma in commas:
        before = masked[:comma]
        if len(before.split()) < 3 or not before.strip():
            continue
        clause = _parse_clause(text, sent.start + comma + 1, sent.end, names)
        if clause is None:
            continue
        if clause.cue not in _lex("clause") | {"according to"} and clause.cue.split()[0] not in _lex("clause"):
            continue
        if clause.np_start > clause.cue_start and text[clause.np_start:clause.np_start + 1].isdigit():
            continue          # "X, which ..., says 73 men remain missing": a count after the cue is content
        if clause.np_start > clause.cue_start and clause.cue.split()[0] not in _lex("inverting_cues"):
            continue          # "The chief, speaking anonymously, confirmed the arrests": an object, no speaker
        tail = text[clause.tail_start:sent.end].strip(" .!?;")
        if re.search(r",\s+(?:and|but)\s+\w", tail) and clause.cue != "according to":
            continue                                                  # "..., X said, and ...": a parenthetical
        if clause.cue == "according to":
            tail = re.split(r",\s+(?:and|but)\s+", tail)[0]          # "..., according to X, and fewer ...": X's ends
        if tail.startswith(",") and tail[1:].split()[:1] and tail[1:].split()[0].lower() in _lex("continuation_verbs"):
            continue                                                  # "Three of them, X said, were moved": too
        tail = re.sub(r",\s+[a-z]+ing\b.*$", "", tail)            # ", raising the toll to ...": an aside
        tail = _PUBLISHED_IN.sub("", tail).strip()                    # "in a statement", "on Telegram"
        if tail and not (tail.startswith(",") or pats["adjunct"].match(tail)) or len(tail.split()) > 14:
            continue
        start = sent.start + len(masked) - len(masked.lstrip())
        dateline = _DATELINE.match(text[start:sent.start + comma])
        if dateline:
            start += dateline.end()
        connective = pats["connective"].match(text[start:sent.start + comma])
        if connective:
            start += connective.end()
        return [Attribution(clause.mention, clause.np_start, clause.cue_start, clause.cue_end, clause.cue,
                            sent.index, [(start, sent.start + comma)], "indirect", clause.via)]
    return []


@cache
def _coordinated_pattern() -> re.Pattern:
    cues = alternation(_lex("coordinated_cues"))
    return re.compile(rf"\s+(?:and|but)\s+(?:also\s+|later\s+)?(?P<cue>{cues})(?:\s+(?:reporters|journalists))?"
                      r"\s+(?:that\s+)?(?=\S)")


def _media_name(phrase: str) -> str:
    """The outlet a phrase names ("the regional broadcaster Radio Keldmoor" -> "Radio Keldmoor")."""
    run = re.search(r"(?:[A-Z][\w'\u2019&.-]*\s+(?:(?:of|the|and)\s+)*)*[A-Z][\w'\u2019&.-]*\s*$", phrase.strip())
    return run.group(0).strip() if run else re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)


@cache
def _reply_pattern() -> re.Pattern:
    nouns = alternation(_lex("reply_nouns"))
    return re.compile(rf"^\s*in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:to|with)\s+"
                      rf"(?P<via>[^,]{{2,60}}),", re.IGNORECASE)


_CARRIED = r"\b(?:carried|broadcast|aired|published|posted|issued)\s+(?:by|on)\s+"   # "... carried by X"
_CARRIED_BY = re.compile(_CARRIED + r"(?P<via>[^,]{2,60}),?\s*$")


def _carried_by(left: str) -> str:
    """The outlet of "X, in a statement carried by state television, denied ..."."""
    match = _CARRIED_BY.search(left)
    return re.sub(r"^(?:the|a|an)\s+", "", match.group("via").strip(), flags=re.IGNORECASE) if match else ""


_CARRIED_THEN_THAT = re.compile(r"^[^,.;:\u201c\"]{0,60}?" + _CARRIED + r"(?P<via>[^,.;:]{2,60}?)\s+that\s")


def _carried_before_that(after_cue: str) -> str:
    """The medium of "said in a message broadcast by a local radio station that ..."."""
    match = _CARRIED_THEN_THAT.match(after_cue)
    if not match or _calendar_words().intersection(match.group("via").lower().split()):
        return ""                     # "a statement issued on Saturday that": a day, not a medium
    return re.sub(r"^(?:the|a|an)\s+", "", match.group("via").strip(), flags=re.IGNORECASE)


@cache
def _calendar_words() -> frozenset[str]:
    dates = load("dates")
    return frozenset(str(w).lower() for key in ("weekdays", "months") for w in dates[key])


def _reply_via(opening: str) -> str:
    """The outlet of a fronted "In a written reply to the Ledger, ..." / "In an interview with Radio X, ..."."""
    match = _reply_pattern().match(opening)
    return _media_name(match.group("via")) if match else ""


def _attributions(article: Article, sent: Sentence, masked: str, names: set[str], plain: bool) -> list[Attribution]:
    """The indirect shapes, first match wins: trailing, parenthetical, cue in the sentence, participle."""
    return _trailing(article, sent, masked, names) or _parenthetical(article, sent, masked, names) or \
        _indirect(article, sent, masked, names, plain) or _participial(article, sent, masked)


def _semicolon_parts(sent: Sentence, masked: str) -> list[tuple[Sentence, str]]:
    """The clauses of a sentence split at semicolons and ", while/whereas" outside quotes, each as a sentence of
    its own (same index, its own span), so "…, according to the Council; the government says …" gives both
    claims. A sentence without such a split is itself."""
    splits = [(m.start(), m.end()) for m in _CLAUSE_SPLIT.finditer(masked)]
    if not splits:
        return [(sent, masked)]
    parts, start = [], 0
    for stop, resume in splits + [(len(masked), len(masked))]:
        lead = len(masked[start:stop]) - len(masked[start:stop].lstrip())
        lo, hi = start + lead, stop + (1 if stop < len(masked) and masked[stop] == ";" else 0)
        if masked[lo:hi].strip(" ;,"):
            parts.append((replace(sent, start=sent.start + lo, end=sent.start + hi, text=sent.text[lo:hi]),
                          masked[lo:hi]))
        start = resume
    return parts or [(sent, masked)]


# Where a sentence holds two clauses that may each have their own speaker.
_CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?:while|whereas)\s+")


def _starts_new_clause(masked: str, offset: int, previous: Attribution, cue_at: int) -> bool:
    """Whether a later cue opens a coordinated clause of its own (", and monitors say ...")."""
    between = masked[previous.content[0][0] - offset:cue_at]
    found = list(re.finditer(r",\s+(?:and|but|while|whereas)\s+|;\s+(?:(?:and|but|while|whereas)\s+)?", between))
    if _APPOSED_REDUCED_RELATIVE.search(between):
        return True       # "..., an assault the group said had killed nine civilians": another speaker's clause
    return bool(found) and len(between[found[-1].end():].split()) <= 6


_APPOSED_REDUCED_RELATIVE = re.compile(r",\s+(?:a|an|the|this|that)\s+[a-z][\w-]*\s+(?:the|its|their)\s+"
                                       r"[a-z][\w-]*\s*$")


def _parenthetical(article: Article, sent: Sentence, masked: str, names: set[str]) -> list[Attribution]:
    """ "His death, the army predicted, would end it." / "Three were identified, it said, and ...": an
    attribution set off by commas inside the content."""
    text = article.text
    for match in _BETWEEN_COMMAS.finditer(masked):
        if match.start() < 3:
            continue
        lo, hi = sent.start + match.start("clause"), sent.start + match.end("clause")
        clause = _parse_clause(text, lo, hi, names)
        if clause is None or clause.cue in _lex("recipient") or clause.cue == "according to":
            continue
        if clause.np_start > clause.cue_start:       # "said X": only "X said" sits inside a sentence
            continue
        tail = text[clause.tail_start:hi].strip()
        if tail and not (_patterns()["adjunct"].match(tail) or _PUBLISHED_IN.match(tail) or len(tail.split()) <= 4):
            continue
        start = sent.start + len(masked) - len(masked.lstrip())
        dateline = _DATELINE.match(text[start:sent.start + match.start()])
        if dateline:
            start += dateline.end()
        after = sent.start + match.end()
        content = [(start, sent.start + match.start()), (after, _content_end(text, sent))]
        if len(text[after:content[1][1]].split()) < 2:
            continue
        return [Attribution(clause.mention, clause.np_start, clause.cue_start, clause.cue_end, clause.cue,
                            sent.index, content, "indirect", clause.via)]
    return []


def _content_end(text: str, sent: Sentence) -> int:
    end = sent.end
    while end > sent.start and text[end - 1] in ".!?;: ":
        end -= 1
    return end


_LY_ADVERB = re.compile(r"\s+\w+ly$")
_TO_NAME = re.compile(r"\s+to\s+[A-Z0-9]")
_THAT_CLAUSE = re.compile(r"^\s*,?\s*(?:(?:in|on|via|through|at|during|over|after)\b[^,.;:\u201c\"]{0,80}?\s+)?"
                          r"that\s+")


def _indirect(article: Article, sent: Sentence, masked: str, names: set[str],
              plain: bool | None = None) -> list[Attribution]:
    """ "X said (that) …", "X told Y that …", "X denied …", "…, but X said …". PLAIN: whether the sentence's
    words are all ASCII (``wordscan.ascii_words``), when known."""
    text, pats = article.text, _patterns()
    quoted = _quoted_as_saying(masked)
    found: list[Attribution] = []
    for match in pats["cue_matcher"].finditer(masked, sent.words, plain):    # masked: SENT, quotes blanked
        if not match.group(0).islower():
            continue          # "Civilians Accused Of Spying": a title-case headline word, not a cue
        if found and not _starts_new_clause(masked, sent.start, found[-1], match.start()):
            continue          # a cue inside the content of the claim before it belongs to that claim
        cue_start, cue_end = sent.start + match.start(), sent.start + match.end()
        left = masked[:match.start()]
        found_phrase = _phrase_before_cue(text, sent, left)
        if found_phrase is None:
            continue
        phrase, np_lo, quoted_via = found_phrase
        if not phrase.strip() or len(phrase.split()) > 16:
            continue
        phrase = _LY_ADVERB.sub("", phrase.rstrip())     # "consistently rejected"
        mention = _speaker_mention(phrase)
        if mention is None:
            continue
        cue = _norm_cue(match.group(0))
        evaluation = _EVALUATIONS.get(cue)
        if evaluation is not None and not evaluation.match(text, cue_end, sent.end):
            continue          # "called for talks", "described seeing armed men": no evaluation of an object
        np_start = sent.start + np_lo + (len(left[np_lo:]) - len(left[np_lo:].lstrip()))
        rest_start = cue_end
        via = ""
        if cue in _lex("recipient"):
            via, rest_start = _recipient_via(text[cue_end:sent.end], cue_end, names)
            if rest_start < 0:
                continue
        elif _TO_NAME.match(text, cue_end, sent.end):
            stripped = text[cue_end:sent.end].lstrip()[3:].lstrip()
            via, rest_start = _recipient_via(stripped, sent.end - len(stripped), names)
            if rest_start < 0:
                continue
            cue += " to"
        spoken_to = _SPEAKING_TO.search(left)   # "X, speaking to the Journal by telephone, said": the outlet
        via = via or _platform(text[cue_end:sent.end]) or _reply_via(left) or _carried_by(left) or (
            spoken_to.group("via") if spoken_to else "") or _carried_before_that(text[cue_end:sent.end])
        rest = text[rest_start:sent.end]
        adjunct = pats["adjunct"].match(rest)
        if adjunct:
            rest_start += adjunct.end()
            rest = text[rest_start:sent.end]
        that = _THAT_CLAUSE.match(rest)
        object_cue = cue in _lex("object") or cue.split()[0] in _lex("object")
        if that and object_cue and len(text[rest_start + that.end():sent.end].split()) < 3:
            that = None                      # "rejected that account": a demonstrative, not a clause
        if not that and cue in _lex("needs_that"):
            continue
        if that:
            content_start = rest_start + that.end()
        elif object_cue:
            content_start = cue_start
        else:
            content_start = rest_start + len(rest) - len(rest.lstrip(" ,:"))
        content_end = _content_end(text, sent)
        if len(text[content_start:content_end].split()) < 2:
            continue
        if quoted and quoted.start() <= match.start() < quoted.end():
            continue
        if found:        # "X dismissed it, and Y say ...": the first content ends where the second clause starts
            boundary = max(masked.rfind(",", 0, np_start - sent.start), masked.rfind(";", 0, np_start - sent.start))
            found[-1].content = [(found[-1].content[0][0], sent.start + boundary)]
        second = _coordinated_pattern().search(text, content_start, content_end)
        if second and len(text[content_start:second.start()].split()) >= 2:
            # "X denied any role in the attack and said its fighters were elsewhere": two claims of X
            found.append(Attribution(mention, np_start, cue_start, cue_end, cue, sent.index,
                                     [(content_start, second.start())], "indirect", via or quoted_via))
            mention, cue_start, cue_end = mention, second.start("cue"), second.end("cue")
            cue, content_start = _norm_cue(second.group("cue")), second.end()
        found.append(Attribution(mention, np_start, cue_start, cue_end, cue, sent.index,
                                 [(content_start, content_end)], "indirect", via or quoted_via))
    if found:
        return found
    if quoted and quoted.group("that"):
        mention = parse_speaker(quoted.group("spk"))
        if mention is not None:
            via = re.sub(r"^(?:the)\s+", "", quoted.group("via").strip(), flags=re.IGNORECASE)
            start = sent.start + quoted.end()
            return [Attribution(mention, sent.start + quoted.start("spk"), sent.start + quoted.start("cue"),
                                sent.start + quoted.end("that"), "quoted ... as saying", sent.index,
                                [(start, _content_end(text, sent))], "indirect", via)]
    return []


# ---------------------------------------------------------------- assembly


def find_attributions(article: Article) -> list[Attribution]:
    """Every attributed statement of ARTICLE, speakers unresolved, in text order."""
    text = article.text
    quotes = find_quotes(text)
    plain = ascii_words(text)
    names: set[str] = set()
    found: list[Attribution] = []
    used: set[Quote] = set()
    closes = [q.close_at for q in quotes]
    answers = {t.sentence: t for t in transcript_turns(article) if not t.question}
    inside_answer = -1
    for sent in article.sentences:
        turn = answers.get(sent.index)
        if turn is not None:
            attr = _answer(article, turn)
            if attr is not None:
                found.append(attr)
                inside_answer = turn.end
                continue
        if sent.start < inside_answer:
            continue          # the rest of an answer is its speaker's too
        local = []
        for at in range(bisect_right(closes, sent.start), len(quotes)):  # quotes are ordered and never overlap
            if quotes[at].open_at >= sent.end:
                break
            local.append(quotes[at])
        here = [q for q in local if q not in used] if used else local
        attrs = (_direct_after(article, sent, here, names) or _direct_before(article, sent, here, names)) if here \
            else []
        if not attrs:
            plain_here = plain or ascii_words(sent.text)       # one search per article when all ASCII
            if not _may_hold_cue(sent, plain_here) or _inside(found, sent.start):
                continue
            masked = mask_quotes(text, local, sent.start, sent.end)
            if not masked.strip():
                continue
            parts = _semicolon_parts(sent, masked)
            by_part = [_attributions(article, part, part_masked, names, plain_here) for part, part_masked in parts]
            for k in range(1, len(parts)):
                before = by_part[k - 1]
                if not by_part[k] and before and before[-1].content[-1][1] >= parts[k - 1][0].end - 2:
                    # "X said A, while B": B has no speaker of its own, so it goes on with X's claim
                    last = before[-1]
                    last.content = [(last.content[0][0], _content_end(text, parts[k][0]))]
            attrs = [a for found_here in by_part for a in found_here]
            trailing_only = attrs == by_part[-1] and len(attrs) == 1 and attrs[0].content[0][0] == \
                parts[-1][0].start and attrs[0].cue_start >= attrs[0].content[-1][1]
            if len(parts) > 1 and (not attrs or trailing_only):
                # "A; B, X said": X said both; "Shops shut; prices rose, traders said": no clause alone has a claim
                attrs = _attributions(article, sent, masked, names, plain_here)
            for attr in attrs:
                inner = [q for q in here if attr.content[0][0] <= q.start and q.end <= attr.content[-1][1]]
                if any(len(q.content(text).split()) >= 2 for q in inner):
                    attr.mode = "mixed"
        for attr in attrs:
            used.update(attr.quotes)
            if attr.mention.name:
                names.add(attr.mention.name.lower())
        found.extend(attrs)
    _continue_quotes(article, quotes, used, found)
    return found


# Cues that are claims only as an evaluation of an object: "X called the move a violation of the truce",
# "called it "propaganda"" (a/an/quote follows), "X described the attack as unfortunate" ("as" follows).
_OBJECT = r"\s+(?:the|this|that|these|those|its|their|his|her|it|them|him)\b"
_EVALUATIONS = {
    "called": re.compile(_OBJECT + r"[^,.;:]{0,60}?\s+(?:an?\s|[\"\u201c\u2018])", re.IGNORECASE),
    "described": re.compile(_OBJECT + r"[^,.;:]{0,80}?\s+as\s", re.IGNORECASE),
}


def _answer(article: Article, turn: Turn) -> Attribution | None:
    """The direct claim of one transcript answer ("Tosk: Twenty-three. All of them ..."), or None when its
    label names no speaker."""
    mention = parse_speaker(full_name(article, turn.label)) or parse_speaker(turn.label)
    if mention is None or mention.pronoun:
        return None
    return Attribution(mention=mention, np_start=turn.start, cue_start=turn.colon, cue_end=turn.colon + 1,
                       cue=":", sentence=turn.sentence, content=[(turn.content_start, turn.end)], mode="direct")


# Words that open an attribution without a lexicon cue: "according to X", "Y quoted X as saying".
_OTHER_OPENERS = re.compile(r"according|\bper\b|" + _QUOTING, re.IGNORECASE)
_OPENER_WORDS = frozenset(("according", "per") + _QUOTING_VERBS)


@cache
def _participle_pattern() -> re.Pattern:
    return re.compile(rf",\s+(?P<cue>{alternation(_lex('participle_cues'))})\s+(?:that\s+)?", re.IGNORECASE)


def _leading_subject(before: str) -> str:
    """The subject that opens BEFORE: the shortest run of its first words (up to eight) read as a speaker
    and followed by a lower-case content word (the verb or an adverb): "Police later revised ..." -> "Police",
    "Late on Monday the mediators revised ..." -> "Late on Monday the mediators"."""
    words = before.split()
    function_words = _lex("function_words")
    for n in range(1, min(9, len(words))):
        follower = words[n].lower().strip(",")
        if not words[n][:1].islower() or follower in function_words:
            continue
        mention = parse_speaker(" ".join(words[:n]))
        if mention is None or (mention.kind == "person" and len(mention.name.split()) < 2 and not mention.role):
            continue                          # a lone capitalised word ("Shops") is no named speaker
        if mention.name or mention.pronoun or mention.plural or known_head(mention.head):
            return " ".join(words[:n])        # not "A local" of "A local source in Farah ... sent"
    return ""


def _participial(article: Article, sent: Sentence, masked: str) -> list[Attribution]:
    """ "Police revised the toll to 12, saying five people had survived": the sentence's subject says what
    follows the participle."""
    match = _participle_pattern().search(masked)
    if not match or not match.group("cue").islower():
        return []
    after = masked[match.end():].split()
    if not after or after[0].lower() in _lex("participle_not_clause"):
        return []                      # "adding to a sense of calm": no clause follows
    subject = _leading_subject(masked[:match.start()])
    mention = parse_speaker(subject) if subject else None
    if mention is None or mention.pronoun == "it":
        return []
    np_start = sent.start + len(masked) - len(masked.lstrip())
    content_start, content_end = sent.start + match.end(), _content_end(article.text, sent)
    if len(article.text[content_start:content_end].split()) < 2:
        return []
    return [Attribution(mention, np_start, sent.start + match.start("cue"), sent.start + match.end("cue"),
                        match.group("cue").lower(), sent.index, [(content_start, content_end)], "indirect")]


def _may_hold_cue(sent: Sentence, plain: bool | None = None) -> bool:
    r"""Whether SENT has a reporting cue or another opener: the trailing, parenthetical and indirect patterns
    all need one, so a sentence without is skipped before their many regex passes.

    A superset, from the sentence's words: every cue (in "cue", "cue_first", "speaker_first"), participle
    (", saying ") and opener ("according to", "\squoted\s") those patterns match is bounded by spaces or
    non-word characters, so each of its words is a whole \w run of the sentence. With only ASCII words,
    lower-casing is the patterns' case folding; otherwise the sentence text is scanned as before. PLAIN:
    whether the sentence's words are all ASCII, when known.
    """
    words = sent.words
    if not (ascii_words(sent.text) if plain is None else plain):
        if _OTHER_OPENERS.search(sent.text) or _participle_pattern().search(sent.text):
            return True
        pats = _patterns()
        return next(finditer_at_words(pats["cue"], pats["cue_starts"], sent.text, fold=True), None) is not None
    return not _OPENER_WORDS.isdisjoint(words) or bool(_patterns()["cue_matcher"].possible(words)) or \
        bool(_participle_matcher().possible(words))


@cache
def _participle_matcher() -> PhraseMatcher:
    """The participle cues of ``_participle_pattern``, for the sentence gate (same lexicon list)."""
    return PhraseMatcher(sorted(_lex("participle_cues")))


def _inside(found: list[Attribution], offset: int) -> bool:
    return any(a.content[0][0] <= offset < a.content[-1][1] for a in found[-3:])


def _continue_quotes(article: Article, quotes: list[Quote], used: set[Quote], found: list[Attribution]) -> None:
    """A quote with no cue of its own right after a quoted claim goes on with that claim."""
    text = article.text
    for quote in quotes:
        if quote in used:
            continue
        before = [a for a in found if a.mode == "direct" and a.content[-1][1] <= quote.open_at]
        if not before:
            continue
        last = max(before, key=lambda a: a.content[-1][1])
        if any(last.content[-1][1] < a.cue_start < quote.open_at for a in found if a is not last):
            continue
        gap = text[max(last.content[-1][1], last.cue_end):quote.open_at]
        sent = article.sentence_at(quote.open_at)
        if sent is None or sent.start != quote.open_at or len(gap) > 120 or re.search(r"\w[.!?]\s+\w", gap):
            continue
        after = text[quote.close_at:sent.end] if quote.close_at <= sent.end else ""
        if after.strip(" .,"):
            continue
        last.content.append((quote.start, quote.end))
        last.quotes.append(quote)
        used.add(quote)


def _content_text(article: Article, attr: Attribution) -> str:
    parts = []
    for start, end in attr.content:
        part = article.text[start:end]
        part = _REOPENED_QUOTE.sub(" ", part)
        parts.append(part.strip().strip("\u201c\u201d\"").strip().rstrip(",;:").strip())
    return clip(_BLANKS.sub(" ", " ".join(p for p in parts if p)).strip())


_REOPENED_QUOTE = re.compile(r"\n+\s*[\u201c\u2018\"]")


def extract_claims(article: Article) -> list[Claim]:
    """Claims in ARTICLE, one per attributed statement, speakers resolved across the article."""
    book = SpeakerBook()
    # A Title Case headline makes every word look like a name: prime from the body only,
    # blanking the headline so offsets stay those of article.text.
    book.prime(" " * article.body_start + article.body,
               frozenset().union(*(sent.words for sent in article.sentences if not sent.headline)))
    claims: list[Claim] = []
    previous: tuple[object, Attribution] | None = None
    resolved = []
    for attr in find_attributions(article):
        speaker = book.resolve(attr.mention, attr.cue_start)
        if speaker is None:
            name, role, kind = attr.mention.text.strip(), "", "group" if attr.mention.plural else "unnamed-person"
        else:
            name, role, kind = speaker.name, speaker.role, speaker.kind
        via = attr.via
        if not via and previous is not None and previous[0] is speaker and speaker is not None and \
                attr.cue in ("added", "adds", "continued") and attr.sentence - previous[1].sentence <= 2:
            via = previous[1].via
        span_start, span_end = attr.content[0][0], attr.content[-1][1]
        first = article.sentence_at(span_start) or article.sentences[attr.sentence]
        last = article.sentence_at(max(span_start, span_end - 1)) or article.sentences[attr.sentence]
        covered = set(range(first.index, last.index + 1))
        sent = article.sentences[attr.sentence]
        claims.append(Claim(
            article_id=article.article_id, claim_id=f"C{len(claims) + 1:03d}", speaker=name, speaker_role=role,
            speaker_kind=kind, via=via, cue=attr.cue, mode=attr.mode, text=_content_text(article, attr),
            evidence=sent.evidence, span_start=span_start, span_end=span_end, sentence=attr.sentence,
            cue_start=attr.cue_start, cue_end=attr.cue_end, sentences=tuple(sorted(covered | {attr.sentence})),
        ))
        resolved.append(speaker)
        when = _said_when(article, attr)
        if when is not None:
            claims[-1].said_when, claims[-1].said_when_start = when.group(0), when.start()
        about = _about(article, attr)
        if about is not None:
            claims[-1].about, claims[-1].about_sentence = about.evidence, about.index
        previous = (speaker, attr)
    runs = frozenset(_DASHED_RUN.findall(article.text)) if claims else frozenset()   # once, not per claim
    for claim, speaker in zip(claims, resolved, strict=True):
        if speaker is not None:       # a later mention may have named an earlier "the director"
            claim.speaker, claim.speaker_role, claim.speaker_kind = speaker.name, speaker.role, speaker.kind
        claim.speaker = sentence_case_free(claim.speaker, claim.speaker_kind, article.text, runs)
    return claims


_DASHED_RUN = re.compile(r"[\w-]+")


_DESCRIPTION_KINDS = ("group", "unnamed-person", "state")


def sentence_case_free(name: str, kind: str, text: str, runs: frozenset[str] | None = None) -> str:
    """NAME without the capital a sentence start gave a description ("Army", "Local officials" -> "army",
    "local officials"), so one source is spelled one way. Only a description whose other words are lower
    case, and only when the article itself writes that first word in lower case somewhere; "Amareli officials"
    keeps its capital, since the article never writes "amareli". RUNS, when given: the [\\w-] runs of TEXT
    (a word that is one such run is written there exactly when it is one of them: no search of TEXT)."""
    words = name.split()
    if kind not in _DESCRIPTION_KINDS or not words or not words[0][:1].isupper() or not words[0][1:].islower() \
            or any(not w.islower() for w in words[1:]):
        return name
    lower = words[0].lower()
    if runs is not None and _DASHED_RUN.fullmatch(lower):
        written = lower in runs
    else:
        written = re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None
    if not written:
        return name
    return " ".join([lower, *words[1:]])


def _said_when(article: Article, attr: Attribution) -> re.Match | None:
    """The time adjunct of the reporting clause ("told the Outlet on Monday", "quoted X on 2 May as saying")."""
    sent = article.sentences[attr.sentence]
    content_start = attr.content[0][0]
    end = content_start if content_start > attr.cue_end and content_start <= sent.end else sent.end
    start = attr.cue_start
    if content_start <= attr.cue_start < attr.content[-1][1]:
        end = attr.cue_end                   # "X denied its role last week": the time belongs to the content
    stop = _CLAUSE_AFTER_CUE.search(article.text, attr.cue_end, end)
    if stop:
        end = stop.start()                   # ", adding that ...", ", whose brother ...": not the speech
    return _patterns()["said_when"].search(article.text, start, min(end, start + 160))


@cache
def _called_false() -> re.Pattern:
    falsity = "|".join(re.escape(w) for w in sorted(_lex("falsity"), key=len, reverse=True))
    objects = "|".join(re.escape(w) for w in sorted(_lex("denial_objects"), key=len, reverse=True))
    return re.compile(rf"(?:the|that|this|these|those|such)\s+(?:{objects})\s+(?:was|were|is|are)\s+"
                      rf"(?:\w+\s+)?(?:{falsity})\b", re.IGNORECASE)


@cache
def _platform_pattern() -> re.Pattern:
    platforms = "|".join(re.escape(p) for p in sorted(_lex("platforms"), key=len, reverse=True))
    return re.compile(rf"^\s+(?:\w+\s+){{0,2}}?(?:(?:on|via|in a post on|to)\s+(?P<p>{platforms})(?![\w-])"
                      rf"|in\s+an?\s+(?P<q>{platforms})\s+(?:post|message|video|statement|update)\b)",
                      re.IGNORECASE)   # "said on Telegram", "said in a Facebook post"


@cache
def _source_nouns_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in _lex("source_nouns"))
    return re.compile(rf"(?:{nouns})\s+(?:[\w-]+\s+){{0,3}}?by\s+", re.IGNORECASE)


def _about(article: Article, attr: Attribution) -> Sentence | None:
    """The sentence a bare denial refers back to: "X denied its involvement", "X dismissed the figure",
    "X said the claim was false" deny what the article said just before."""
    if attr.sentence < 1:
        return None
    content = article.text[attr.content[0][0]:attr.content[-1][1]]
    called_false = _called_false().match(content)
    if not called_false:
        if attr.cue.split()[0] not in _lex("denial") or attr.content[0][0] != attr.cue_start:
            return None
        obj = re.split(r"\s+as\s+|,", article.text[attr.cue_end:attr.content[-1][1]].lower())[0].split()
        while obj and obj[0] in ("its", "their", "his", "her", "any", "all", "the", "these", "those", "that",
                                 "this", "such"):
            obj = obj[1:]
        if not obj or " ".join(obj) not in _lex("denial_objects"):
            return None
    before = article.sentences[attr.sentence - 1]
    here = article.sentences[attr.sentence]
    if before.headline or here.paragraph - before.paragraph > 1:
        return None
    return before

"""Speaker mentions and their resolution across one article.

Why: the claims table must name one speaker per person or body however the article
refers to it ("Activist Jane Roe" … "Roe" … "She" → "Jane Roe", role "Activist"). A
mention is parsed from its noun phrase alone (``parse_speaker``); ``SpeakerBook`` then
links it to an earlier speaker: a partial name to the full name, a definite role noun
("the official") or a pronoun to the most recent compatible speaker. Unnamed speakers keep
their description ("a senior officer of an elite police unit" → "senior officer").
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice
from operator import itemgetter

from conflictbook.lexicon import load, load_list
from conflictbook.wordscan import WORD as WORD_RUN
from conflictbook.wordscan import ascii_words, first_char_pattern

KINDS = ("person", "unnamed-person", "group", "organisation", "media", "state")


@cache
def _lex() -> dict:
    data = load("speakers")
    lex = {key: {str(w).lower() for w in value} for key, value in data.items() if isinstance(value, list)}
    lex["outlet_words"] = {w.lower() for w in load_list("media", "outlet_words")}
    lex["countries"] = {w.lower() for w in load_list("places", "countries")}
    roles = set(lex["roles"])
    lex["role_plurals"] = {plural(r) for r in roles} | lex["groups"]
    return lex


def plural(noun: str) -> str:
    """The regular English plural of a person noun ("spokesman" -> "spokesmen", "deputy" -> "deputies")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _singular(noun: str) -> str:
    lex = _lex()
    for role in lex["roles"]:
        if plural(role) == noun:
            return role
    return noun


@dataclass(frozen=True)
class Mention:
    """One speaker noun phrase, parsed without context (frozen: ``parse_speaker`` shares one per phrase)."""

    text: str                 # the phrase as written (after trimming)
    name: str = ""            # a proper name ("Jane Roe", "ARSA")
    role: str = ""            # description or title ("Activist", "senior officer of a police unit")
    description: str = ""     # the unnamed speaker's label ("senior officer")
    kind: str = ""
    plural: bool = False
    pronoun: str = ""
    definite: bool = False    # "the official": refers back when it can
    head: str = ""            # head noun, lower case ("official", "demonstrators")
    aliases: tuple[str, ...] = ()


@dataclass
class Speaker:
    """One resolved speaker of the article."""

    name: str
    role: str
    kind: str
    plural: bool = False
    heads: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    last: int = -1
    definite: bool = False     # introduced as "the director": a later "X, the director" names it
    spoke: bool = True         # False for people only named in the narrative so far
    positions: list[int] = field(default_factory=list)   # offsets where the article names or quotes them
    gender: str = ""           # "female"/"male" when a title, role word or a resolved he/she says so

    def agrees(self, pronoun: str) -> bool:
        """Whether "he"/"she" can refer to this speaker (unknown gender agrees with both)."""
        wanted = {"she": "female", "he": "male"}.get(pronoun, "")
        return not (wanted and self.gender and self.gender != wanted)

    def tokens(self) -> list[str]:
        return self.name.split()


_PAREN = re.compile(r"\s*\(([^)]*)\)")
_POSTMOD_ALWAYS = re.compile(r"\s+(?:from|who|whose|which|tasked|based|working|speaking|asking|in charge|"
                             r"familiar|close to|linked|affiliated|stationed|deployed|briefed|interviewed|quoted|"
                             r"cited|contacted|reached|present|involved|running|leading|aged|questioned|surveyed)\b")
_POSTMOD_AFTER_NOUN = re.compile(r"\s+(?:of|for|in|at|with|on|near|inside|within|to)\s")


_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s+[^,]*(?:,|$)")
_QUOTES_OR_VERBS = re.compile(r"[\u201c\u201d\"]|(?<![\w-])(?:had|has|have|was|were|is|are|will|would|could|should|"
                              r"did|does|do|said|says|not)(?![\w-])", re.IGNORECASE)


_CONNECTORS = ("of", "the", "for", "and", "on")
_ORG_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The\s+)?"
                          r"(?P<org>(?:[A-Z][\w'\u2019-]+[^\S\n]+){0,4}[A-Z][\w'\u2019-]+)(?=[^\S\n]+[a-z])",
                          re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?\n]")


@cache
def _state_subjects() -> re.Pattern:
    """ "The army", "The interior ministry" opening a sentence (the caller checks it opens one) or a clause
    ("when the army moved ..."): state bodies
    only, a generic noun ("The group", "The front line") is too loose to stand for a speaker."""
    lex = _lex()
    heads = "|".join(re.escape(w) for w in sorted(lex["state"], key=len, reverse=True))
    clause = "|".join(f"(?<={w} )" for w in ("when", "after", "while", "since", "where", "as", ","))
    return re.compile(rf"(?:The|(?:{clause})the)[^\S\n]+"
                      rf"(?P<org>(?:[a-z]+[^\S\n]+)?(?:{heads}))(?=[^\S\n]+[a-z])")


def _org_subjects(text: str):
    """``_ORG_SUBJECT.finditer(text)``, tried only where a sentence or line starts (trying its opening
    alternation at every character is the slow part). Same matches: a match starts at 0, after a line break,
    or after [.!?] and a blank (``str.isspace`` is the regex ``\\s``), and ``match`` at such an offset sees
    the text before it as ``finditer`` does."""
    end = 0
    last = -1
    starts = _SENTENCE_END.finditer(text)
    at = 0
    while at is not None:
        if at >= end and at != last:
            last = at
            match = _ORG_SUBJECT.match(text, at)
            if match:
                yield match
                end = match.end()
        at = None
        for mark in starts:
            after = mark.end()
            if mark.group() == "\n":
                at = after
                break
            if after < len(text) and text[after].isspace():
                at = after + 1
                break


_NOT_NP_START = {"which", "who", "whom", "that", "whose", "what", "in", "on", "at", "during", "after", "before",
                 "with", "without", "by", "for", "from", "when", "while", "if", "as", "to"}
# Words opening a fronted time or place phrase with no comma before the subject ("On Monday the army said").
_FRONTED_PREPOSITIONS = {"on", "in", "at", "late", "early", "earlier", "later", "by", "during", "after", "before"}


def _last_definite(words: list[str]) -> str:
    """The phrase from the last "the" of WORDS, when one follows the opening word ("On Monday evening the
    Alliance" -> "the Alliance"), else ""."""
    at = max((i for i, w in enumerate(words) if i > 1 and w.lower() in ("the", "its", "their")), default=0)
    fronted = words[:at]
    if not at or len(fronted) > 4 or len(words) - at > 6 or any(any(c.isdigit() for c in w) for w in fronted) \
            or words[1].lower() in ("least", "most", "all", "first", "last", "times"):
        return ""                     # "at least 64 servicemen remain ... since the offensive": no fronted phrase
    return " ".join(words[at:])


_VERB_OBJECT = re.compile(r"\b[a-z]{3,}ed\s+(?:the|a|an|his|her|their|its|our|my)\s")


def _named_after(words: list[str], i: int) -> bool:
    """A capitalised word follows connector I, maybe after more connectors ("of the Missing")."""
    for word in words[i + 1:]:
        if word.lower() in _CONNECTORS:
            continue
        return word[:1].isupper()
    return False


def _named_before(words: list[str], i: int) -> bool:
    for word in reversed(words[:i]):
        if word.lower() in _CONNECTORS:
            continue
        return word[:1].isupper()
    return False


def _starts_with_name(text: str) -> bool:
    words, _ = _strip_determiners(text.split())
    lex = _lex()
    return bool(words) and all(_is_name_token(w) for w in words) and words[-1].lower() not in lex["roles"] \
        and words[-1].lower() not in lex["role_plurals"]


def _is_name_token(token: str) -> bool:
    lex = _lex()
    bare = token.strip(".,'\u2019")
    if not bare:
        return False
    if bare.lower() in lex["name_particles"]:
        return True
    first = bare[0]
    return first.isupper() or (first.isdigit() and any(c.isalpha() for c in bare))


def _strip_determiners(words: list[str]) -> tuple[list[str], str]:
    lex = _lex()
    det = ""
    while words and words[0].lower() in lex["determiners"] and len(words) > 1:
        det = det or words[0].lower()
        words = words[1:]
    return words, det


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:.\u201c\u201d\"")
    return phrase


def drop_fronted(text: str) -> str:
    """TEXT without a fronted clause or adverb before the speaker ("Contacted, the spokesman" -> "the
    spokesman"): the part before the first comma when it opens with a fronted-opener word."""
    head, sep, rest = text.partition(", ")
    first = head.split(" ", 1)[0].lower()
    if sep and rest.strip() and first in _lex()["fronted_openers"]:
        return drop_fronted(rest.strip())
    return text


def _issuer_after_statement(words: list[str]) -> str:
    """The issuer of "a report by X" / "a statement from X" (words after the by-word), or ""."""
    lex = _lex()
    nouns = lex["statement_nouns"] | {"report", "reports"}
    for i, word in enumerate(words[:-2]):
        if word.lower() in nouns and words[i + 1].lower() in lex["by_words"]:
            return " ".join(words[i + 2:])
    return ""


def _statement_owner(text: str) -> str:
    """The owner of "the ministry's statement" / "the army's latest communique", or ""."""
    found = re.fullmatch(r"(?P<owner>.+?)['\u2019]s?\s+(?:(?:latest|official|own|written|new|first|second)\s+)?"
                         r"(?P<noun>[\w ]+)", text)
    if not found or found.group("noun").lower() not in _lex()["statement_nouns"]:
        return ""
    return found.group("owner")


@lru_cache(maxsize=4096)
def parse_speaker(phrase: str) -> Mention | None:
    """The speaker a noun phrase names, or None when it cannot be a speaker ("the videos"). Memoised: a pure
    function of the phrase, asked again for the same phrases (priming, each pattern tried, each article)."""
    lex = _lex()
    text = _clean(phrase)
    if not text or len(text) > 160:
        return None
    low = text.lower()
    for group in ("pronouns_singular", "pronouns_plural", "pronouns_neuter"):
        if low in lex[group]:
            if low == "we":
                return None
            return Mention(text, pronoun=low, plural=group == "pronouns_plural")
    aliases: list[str] = []
    for match in _PAREN.finditer(text):
        inner = match.group(1).strip()
        if inner and len(inner.split()) <= 4:
            aliases.append(inner)
    text = _PAREN.sub("", text)
    text = _RELATIVE.sub("", text).strip(" ,")
    if _QUOTES_OR_VERBS.search(text):
        return None
    text = drop_fronted(text)
    owner = _statement_owner(text)
    if owner:
        return parse_speaker(owner)     # "The ministry's statement said": the ministry, in a statement
    appositive = ""
    if ", " in text:
        text, appositive = text.split(", ", 1)
        appositive = appositive.strip(" ,")
        if not _starts_with_name(text) and _starts_with_name(appositive):
            text, appositive = appositive, text   # "the militia's commander, Edrik Vane"
    if " and " in text:
        coordinated = _coordination(text, phrase)
        if coordinated is not None:
            return coordinated
    words = text.split()
    if words and words[0].lower() in _FRONTED_PREPOSITIONS and len(words) <= 12:
        subject = _last_definite(words)
        if subject:
            return parse_speaker(subject)   # "On Monday evening the Alliance" -> the Alliance
    if words and words[0].lower() in _NOT_NP_START:
        return None
    if _VERB_OBJECT.search(text):
        return None        # "the family visited the centre": a clause, not a noun phrase
    words, det = _strip_determiners(words)
    issuer = _issuer_after_statement(words)
    if issuer:
        return parse_speaker(issuer)      # "a report by the monitoring group" -> the monitoring group
    if len(words) > 2 and words[0].lower() == "of":     # "one of the residents"
        words, _ = _strip_determiners(words[1:])
    if not words or (len(words) == 1 and words[0].lower() in lex["determiners"]):
        return None
    core = " ".join(words)
    full = core
    cut = _POSTMOD_ALWAYS.search(core)
    if cut:
        core = core[:cut.start()]
    for match in _POSTMOD_AFTER_NOUN.finditer(core):
        before = core[:match.start()].split()
        head = before[-1].lower() if before else ""
        # A plural role noun is a noun even when capitalised at the start of a sentence ("Officials in Veska").
        if before and (not _is_name_token(before[-1]) or (len(before) == 1 and head in lex["role_plurals"])):
            core = core[:match.start()]
            break
    words = core.split()
    if not words or len(words) > 9:
        return None
    if words[-1].lower() in lex["statement_nouns"]:
        if len(words) == 1:
            return None                   # "a statement": the medium, not who issued it
        return parse_speaker(" ".join(words[:-1]))   # "an army statement" -> the army
    last = words[-1].lower().strip("'\u2019")
    if last in lex["not_speakers"] or (words[0].lower() in lex["not_speakers"] and len(words) == 1):
        return None
    definite = det in ("the", "this", "that", "these", "those")
    # A description ending in a common noun: unnamed person, group, organisation, media or state.
    all_caps = len(words) >= 2 and all(_is_name_token(w) for w in words[-2:]) and words[-2].lower() not in \
        lex["titles"] and words[-2].lower() not in lex["roles"] and words[-2].lower() not in lex["media"]
    if not _is_name_token(words[-1]) or ((last in lex["roles"] or last in lex["role_plurals"]) and not all_caps):
        two = " ".join(w.lower() for w in words[-2:])
        kind = _common_kind(last, two, det)
        if kind is None:
            return None
        plural = kind == "group" or (kind == "state" and last == "authorities")
        description = " ".join(words)
        return Mention(phrase, role=full if full != description else description, description=description,
                       kind=kind, plural=plural, definite=definite, head=last, aliases=tuple(aliases))
    # A proper name, maybe after a title or role ("Police spokesman Jane Roe").
    split = 0
    for i, word in enumerate(words[:-1]):
        bare = word.lower()
        inside = i > 0 and bare in _CONNECTORS and _named_after(words, i) and _named_before(words, i)
        if inside:
            continue
        if not _is_name_token(word) or bare in lex["roles"] or bare in lex["titles"] or bare.rstrip(".") in lex[
                "titles"] or bare in lex["media"] or bare in lex["outlet_words"]:
            split = i + 1
    if split and all(_is_name_token(w) and w.lower() in lex["outlet_words"] for w in words[:split]):
        split = 0        # "Daily Trust", "Radio Kestrel": the media word is part of the outlet's name
    name_words, role_words = words[split:], words[:split]
    name = " ".join(name_words)
    role = " ".join(role_words)
    if appositive:
        role = f"{role}, {appositive}" if role else appositive
    elif cut and not role:
        role = full[len(core):].strip()
    if role and role[0].islower() and role_words:
        role = role[0].upper() + role[1:] if role_words[0][0].isupper() else role
    kind = _name_kind(name_words, role_words, appositive)
    return Mention(phrase, name=name, role=role, kind=kind, plural=False, definite=definite,
                   head=name_words[-1].lower(), aliases=tuple(aliases))


def _coordination(text: str, phrase: str) -> Mention | None:
    """ "Local officials and residents", "a community leader and a nephew": one group."""
    parts = []
    heads = []
    for part in re.split(r"\s+and\s+|,\s+", text):
        words, _ = _strip_determiners(part.split())
        if not words:
            return None
        sub = parse_speaker(" ".join(words))
        if sub is None or sub.pronoun:
            return None
        parts.append(sub.name or sub.description or " ".join(words))
        heads.append(sub.head)
    if len(parts) < 2:
        return None
    description = " and ".join(parts)
    return Mention(phrase, description=description, role="", kind="group", plural=True,
                   head=heads[-1] if heads else "")


def _common_kind(last: str, two: str, det: str) -> str | None:
    lex = _lex()
    if two in lex["media"] or last in lex["media"] or last in lex["outlet_words"]:
        return "media"
    if two in lex["state"] or last in lex["state"]:
        return "state"
    if last in lex["role_plurals"]:
        return "group"
    if last in lex["roles"] or two in lex["roles"]:
        return "unnamed-person"
    if last in lex["organisations"] or two in lex["organisations"]:
        return "organisation"
    if last.isalpha() and last.islower() and len(last) >= 4 and not last.endswith(("ed", "ing", "ly")) \
            and last not in lex["not_speakers"] \
            and last not in lex["not_speaker_heads"]:
        # An unlisted noun as the subject of a reporting verb still names who speaks ("the gendarmerie",
        # "local aid groups"): a plural is a group, a singular after a determiner a body.
        if last.endswith("s") and not last.endswith("ss"):
            return "group"
        if det:
            return "organisation"
    return None


def known_head(word: str) -> bool:
    """Whether WORD is a speaker noun of the lexicons (a role, group, body, state or media word), not one
    only the open-class reading of an unlisted subject noun accepts."""
    lex = _lex()
    word = word.lower()
    return any(word in lex[key] for key in ("roles", "role_plurals", "state", "organisations", "media",
                                            "outlet_words"))


def _name_kind(name_words: list[str], role_words: list[str], appositive: str) -> str:
    lex = _lex()
    lows = [re.sub(r"['\u2019]s$", "", w.lower()) for w in name_words]
    role_lows = [w.lower() for w in role_words]
    name = " ".join(w.lower() for w in name_words)
    app = re.split(r"\s+(?:of|for|in|at|from|with|based)\s+", appositive.lower())[0].split()
    if app and not role_words and app[-1] in lex["organisations"]:
        return "organisation"      # "X, a monitoring group"
    if any(w in lex["media"] or w in lex["outlet_words"] for w in role_lows + lows) or \
            any(re.search(r"[a-z](?:news|tv|times|post)$", w) for w in lows):
        return "media"
    armed = bool(lex["armed_group_name_words"].intersection(lows))   # "Kovar People's Army": no state's army
    if name in lex["countries"] or (any(w in lex["state"] for w in lows) and not armed):
        return "state"
    if armed and any(w in lex["state"] for w in lows):
        return "organisation"
    if any(w in lex["organisations"] for w in lows) or (len(lows) > 1 and lows[-1] in lex["roles"]):
        return "organisation"
    if len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) >= 2:
        return "organisation"
    if app and app[-1] in lex["media"] and not role_words:
        return "media"
    return "person"


class SpeakerBook:
    """Speakers met so far in one article, for linking later mentions to them."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []

    def prime(self, text: str, words: frozenset[str] | None = None) -> None:
        """Register people the narrative names with a role ("Regional governor Jane Roe visited ...") and
        organisations that open a sentence ("The Eastern Front issued ..."), so later pronouns find them.
        WORDS, when given: the lower-cased \\w runs of TEXT."""
        for match in _org_name_pattern().finditer(text):     # "the Red Fen Militia" anywhere in the text
            mention = parse_speaker(match.group(0))
            if mention is None or mention.kind not in ("organisation", "state") or not mention.name:
                continue
            known = self._by_name(mention) or self._new(mention)
            if not known.positions:
                known.spoke = False
            insort(known.positions, match.start())
        for match in _state_subjects().finditer(text):
            # "The army denied any abuses. On its page it said ...": a body the narrative makes a subject
            before = text[:match.start()].rstrip(" ")
            if text[match.start()] == "T" and before and not before.endswith((".", "!", "?", "\n")):
                continue      # "The army" opens a sentence; "when the army moved ...", ", the army ..." a clause
            mention = parse_speaker(match.group("org"))
            if mention is None or mention.kind not in ("organisation", "state") or mention.plural:
                continue
            known = self._find(mention) or self._new(mention)
            if not known.positions:
                known.spoke = False
            insort(known.positions, match.start())
        for match in _org_subjects(text):
            org = match.group("org")
            if len(org.split()) < 2 and not (org.isupper() and len(org) >= 2):
                continue                      # "Army spokesman ...": a title word, not a body
            mention = parse_speaker(org)
            if mention is None or mention.kind not in ("organisation", "state", "media") or not mention.name:
                continue
            known = self._by_name(mention) or self._new(mention)
            if not known.positions:
                known.spoke = False
            insort(known.positions, match.start("org"))
        for role, name, at in _appositive_people(text):
            # "The mayor of Sarvo, Lidija Orsan, gave a third version.": a later "she" may refer to her
            mention = parse_speaker(f"{role} {name}")
            if mention is None or mention.kind != "person" or len(mention.name.split()) < 2:
                continue
            known = self._by_name(mention)
            if known is None:
                known = self._new(mention)
                known.spoke = False
            insort(known.positions, at)
        for match in role_name_matches(text, words):
            mention = parse_speaker(match.group(0))
            if mention is None or mention.kind != "person" or len(mention.name.split()) < 2 or not mention.role:
                continue
            known = self._by_name(mention)
            if known is None:
                known = self._new(mention)
                known.spoke = False
            insort(known.positions, match.start())   # a pronoun may refer to the person the narrative just named

    def resolve(self, mention: Mention, position: int) -> Speaker | None:
        """The speaker MENTION refers to (creating it when new); None for an unresolvable pronoun."""
        self.position = position
        speaker = self._find(mention)
        if speaker is None:
            if mention.pronoun:
                return None
            speaker = self._new(mention)
        speaker.last = position
        insort(speaker.positions, position)
        speaker.spoke = True
        return speaker

    def _recent(self) -> list[Speaker]:
        """Speakers by their latest mention before the current position (quotes and narrative mentions)."""
        here = getattr(self, "position", 10 ** 12)
        ranked = []                      # (latest mention, speaker), each latest found once
        for speaker in self.speakers:
            at = bisect_right(speaker.positions, here)
            if at and speaker.positions[at - 1] >= 0:
                ranked.append((speaker.positions[at - 1], speaker))
        ranked.sort(key=itemgetter(0), reverse=True)     # stable, as sorted(..., reverse=True) was
        return [speaker for _, speaker in ranked]

    def _find(self, mention: Mention) -> Speaker | None:
        if mention.pronoun:
            return self._pronoun(mention)
        if mention.name:
            return self._by_name(mention)
        key = mention.description.lower()
        for speaker in self._recent():
            if speaker.name.lower() == key and speaker.kind in ("group", "organisation", "media", "state"):
                return speaker
        if mention.definite:
            words = set(key.split())
            for speaker in self._recent():       # "the militia" -> the "... Militia" the article named
                names = speaker.name.lower().replace("\u2019", "'").split()
                if mention.kind == "state" and _lex()["armed_group_name_words"].intersection(names[:-1]):
                    continue                      # "the army" is never the "Kovar People's Army"
                if speaker.kind in ("organisation", "state", "media") and not mention.plural and \
                        names[-1] == mention.head and words <= set(names):
                    return speaker
            for speaker in self._recent():
                named = set(speaker.name.lower().replace("\u2019", "'").split())
                if mention.kind == "state" and _lex()["armed_group_name_words"].intersection(named):
                    continue            # "the army" is never the "Kovar People's Army"
                modifiers = {w.replace("\u2019", "'") for w in words} - {"the", mention.head}
                modifiers = {w for w in modifiers if not w.endswith("'s")}   # "the enclave's": an owner, a place
                if modifiers and speaker.kind in ("organisation", "state", "media") and not modifiers <= named:
                    continue            # "the provincial refugee office" is not "the prosecutor's office"
                if mention.head in speaker.heads and speaker.plural == mention.plural:
                    return speaker
                if speaker.kind == "media" and mention.kind == "media":
                    return speaker
                if key == mention.head and mention.head in _generic_orgs() and speaker.kind == "organisation" \
                        and not speaker.plural and mention.kind != "state":
                    return speaker      # "the group said" -> the organisation last quoted ("the ministry" is
                    #                     a state body: never the armed movement quoted last)
                if speaker.kind in ("organisation", "state", "media") and speaker.name.lower().split()[-1] == \
                        mention.head and not mention.plural:
                    return speaker      # "the society" -> "Valdorian Relief Society"
        return None

    def _pronoun(self, mention: Mention) -> Speaker | None:
        recent = self._recent()
        if mention.pronoun in ("he", "she"):
            wanted = ("person", "unnamed-person")
            found = next((s for s in recent if s.kind in wanted and not s.plural and s.agrees(mention.pronoun)),
                         None)
            if found is not None and not found.gender:
                found.gender = "female" if mention.pronoun == "she" else "male"  # "she said": her later pronouns
            return found
        if mention.pronoun == "it":
            return next((s for s in recent if s.kind in ("organisation", "state", "media")), None)
        top = recent[0] if recent else None
        if top is not None and (top.plural or top.kind in ("organisation", "state")):
            return top
        return next((s for s in recent if s.plural), None)

    def _by_name(self, mention: Mention) -> Speaker | None:
        words = mention.name.lower().split()
        role_head = _role_head(mention.role)
        if role_head and mention.kind == "person":
            for speaker in self._recent():
                if speaker.kind == "unnamed-person" and speaker.definite and role_head in speaker.heads:
                    speaker.aliases.add(speaker.name)
                    speaker.name, speaker.kind, speaker.role = mention.name, "person", mention.role
                    return speaker      # "the director ..." then "Dr. Jane Roe, the director of ..."
        for speaker in self._recent():
            if speaker.kind in ("group",):
                continue
            names = [speaker.name.lower().split()] + [a.lower().split() for a in speaker.aliases]
            for have in names:
                if _contains(have, words):
                    return speaker
                if _contains(words, have) and len(words) > len(have) and speaker.name[:1].isupper():
                    # "Roe" -> "Jane Roe"; a description ("army") is never renamed into a name
                    speaker.aliases.add(speaker.name)
                    speaker.name = mention.name
                    return speaker
        return None

    def _new(self, mention: Mention) -> Speaker:
        name = mention.name or mention.description or mention.text
        nouns = _head_nouns()
        heads = {mention.head} if mention.head else set()
        for words in (mention.role, mention.description):
            heads |= {w.lower().strip(".,") for w in words.split() if w.lower().strip(".,") in nouns}
        speaker = Speaker(name=name, role=mention.role if mention.name else mention.role or "",
                          kind=mention.kind or "person", plural=mention.plural, heads=heads,
                          aliases=set(mention.aliases), definite=mention.definite)
        if not mention.name and mention.kind == "unnamed-person":
            speaker.role = mention.role if mention.role != mention.description else mention.description
        speaker.gender = _gender_of(f"{mention.text} {mention.role} {mention.description}")
        self.speakers.append(speaker)
        return speaker


@cache
def _appositive_pattern() -> re.Pattern:
    """ "The mayor of Sarvo, Lidija Orsan,": a role opening the phrase, then the name in apposition."""
    lex = _lex()
    roles = "|".join(re.escape(r) for r in sorted(lex["roles"] | lex["titles"], key=len, reverse=True))
    cap = r"[A-Z][\w'\u2019-]+"
    name = rf"{cap}(?:[^\S\n]+{cap}){{1,2}}"
    place = rf"(?:[^\S\n]+(?:of|for|in|at)[^\S\n]+(?:the[^\S\n]+)?{cap}(?:[^\S\n]+{cap}){{0,2}})?"
    role = rf"(?:[a-z-]+[^\S\n]+)?(?i:{roles})"
    # "Name, the role, said" is left to the speech cue that usually follows it, which names the person anyway
    return re.compile(rf"(?<![\w-])[Tt]he[^\S\n]+(?P<role>{role}){place},[^\S\n]+(?P<name>{name}),")


def _appositive_people(text: str):
    """(role, name, offset) of people the narrative introduces in apposition with their role."""
    for match in _appositive_pattern().finditer(text):
        yield match.group("role"), match.group("name"), match.start("name")


def _gender_of(phrase: str) -> str:
    """ "female"/"male" from a title or role word of PHRASE ("Mrs", "spokeswoman"), else ""."""
    words = set(re.findall(r"[a-z.]+", phrase.lower()))
    lex = _lex()
    female, male = bool(words & lex["female_words"]), bool(words & lex["male_words"])
    return "female" if female and not male else "male" if male and not female else ""


@cache
def _role_name_pattern() -> re.Pattern:
    # Names never run across a paragraph break (the headline is the first paragraph).
    return re.compile(rf"(?<![\w-])(?:[A-Z][\w-]+[^\S\n]+){{0,3}}(?:[a-z-]+[^\S\n]+)?{_role_and_names()}")


@cache
def _role_and_names() -> str:
    """The part of the role-name pattern from the role on: "spokesman Jane Roe", "police chief Gen. Jan Roe"."""
    lex = _lex()
    roles = sorted(lex["roles"] | lex["titles"], key=len, reverse=True)
    body = "|".join(re.escape(r) for r in roles)
    name = r"[A-Z][\w'\u2019-]+"
    return rf"(?i:{body})\.?[^\S\n]+(?:(?i:{body})\.?[^\S\n]+)?{name}(?:[^\S\n]+{name}){{1,2}}"


@cache
def _role_then_names() -> re.Pattern:
    return re.compile(_role_and_names())


_RUN = re.compile(r"[\w-]+")
_WORDS_BEFORE_ROLE = 4       # the pattern allows three capitalised words and one lower-case word before a role


@cache
def _role_first_words() -> frozenset[str]:
    lex = _lex()
    return frozenset(r.split()[0].lower() for r in lex["roles"] | lex["titles"])


def role_name_matches(text: str, words: frozenset[str] | None = None):
    """``_role_name_pattern().finditer(text)``, tried only near role words (the case-insensitive role
    alternation is slow to try at every character). Same matches: a match's role is a whole [\\w-] run
    (an ASCII one equal to a role's first word once lower-cased; non-ASCII runs are always taken) and
    the match starts at that run or at one of the four runs before it. A role run not followed by the rest of
    the pattern (two capitalised names) opens no match, so the runs before it are not tried. WORDS, when
    given, are the lower-cased \\w runs of TEXT (``Sentence.words`` of its sentences), so the text is not
    split into words again."""
    pattern, firsts, rest = _role_name_pattern(), _role_first_words(), _role_then_names()
    starts: set[int] = set()
    if words is None:
        runs = _RUN.findall(text)
        plain = "".join(runs).isascii()
    else:
        runs, plain = [], ascii_words(text)
    if plain:
        # Only the role words present, found by a small pattern; the runs before each by scanning the
        # reversed text from it (its runs are the text's runs reversed): no pass over every run in Python.
        present = _present_firsts(words) if words is not None else \
            firsts.intersection(" ".join(runs).lower().split())
        if not present:
            return
        backwards = text[::-1]
        for role in _runs_pattern(frozenset(present)).finditer(text):
            if not rest.match(text, role.start()):
                continue
            starts.add(role.start())
            before = _RUN.finditer(backwards, len(text) - role.start())
            starts.update(len(text) - run.end() for run in islice(before, _WORDS_BEFORE_ROLE))
    else:
        runs = runs or _RUN.findall(text)
        roles = [i for i, run in enumerate(runs) if not run.isascii() or run.lower() in firsts]
        if not roles:
            return
        at_run = [run.start() for run in _RUN.finditer(text)]
        for i in roles:
            if rest.match(text, at_run[i]):
                starts.update(at_run[max(0, i - _WORDS_BEFORE_ROLE):i + 1])
    end = 0
    for at in sorted(starts):
        if at < end:
            continue
        match = pattern.match(text, at)
        if match:
            yield match
            end = match.end()


def _present_firsts(words: frozenset[str]) -> set[str]:
    """The role first words that can be a [\\w-] run of a text whose lower-cased \\w runs are WORDS: such a
    run is a \\w run too, or its hyphen-separated parts are."""
    present = set(_role_first_words().intersection(words))
    present.update(first for first, parts in _hyphenated_firsts() if parts <= words)
    return present


@cache
def _hyphenated_firsts() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((first, frozenset(WORD_RUN.findall(first))) for first in _role_first_words() if not first.isalnum())


@lru_cache(maxsize=256)
def _runs_pattern(words: frozenset[str]) -> re.Pattern:
    """Whole [\\w-] runs equal to one of WORDS (ASCII) once lower-cased, in a text of ASCII words."""
    ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
    escaped = [re.escape(w) for w in ordered]
    return first_char_pattern(ordered, escaped, False) or \
        re.compile(rf"(?<![\w-])(?:{'|'.join(escaped)})(?![\w-])", re.IGNORECASE)


@cache
def _org_name_pattern() -> re.Pattern:
    heads = sorted({w for w in _lex()["organisations"] if " " not in w}, key=len, reverse=True)
    body = "|".join(re.escape(h.capitalize()) for h in heads)
    name = r"[A-Z][\w'\u2019-]+"
    return re.compile(rf"(?<![\w-])(?:{name}[^\S\n]+){{1,4}}(?:{body})(?![\w-])")


@cache
def _head_nouns() -> frozenset[str]:
    """Role, title and group nouns: the words of a description that head it (built once, not per speaker)."""
    lex = _lex()
    return frozenset(lex["roles"] | lex["titles"] | lex["role_plurals"])


@cache
def _generic_orgs() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("reporting", "generic_organisations"))


def _role_head(role: str) -> str:
    """The head noun of a role ("the director of the hospital" -> "director")."""
    head = re.split(r"\s+(?:of|for|in|at|from|with|based|who)\s+", role.lower())[0].split()
    return head[-1] if head else ""


def _contains(have: list[str], words: list[str]) -> bool:
    """WORDS is a contiguous run of HAVE (a surname, a first name + patronymic)."""
    n = len(words)
    return any(have[i:i + n] == words for i in range(len(have) - n + 1))

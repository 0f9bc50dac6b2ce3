"""Noun phrases that count people in one sentence: "over a hundred fighters", "none of the members", "Families".

A count is a tally candidate only when its head noun names people (lexicon ``persons``);
counts of houses, shells, money, distances or years, identifiers ("No. 42", "Camp 13")
and ages have no person head and are dropped here. Whether the people were killed,
held or moved is decided later, from the cue words around the phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from conflictbook.extract.casualty_terms import grammar, terms
from conflictbook.extract.quantities import Quantity, determiner_pattern, find_quantities, pronoun_pattern
from conflictbook.extract.tally_gates import gates
from conflictbook.lexicon import load

TOKEN = re.compile(r"\w[\w'\u2019\-]*|[^\w\s]")


@cache
def _singular_totals() -> frozenset[str]:
    """Totals that take a singular noun ("every civilian"), from lexicon/quantities.yml."""
    return frozenset(w.lower() for w in load("quantities").get("singular_totals") or [])


@cache
def _not_counted_heads() -> frozenset[str]:
    """Heads of figures that count no people but may name who acted ("both sides"): tally_context."""
    return frozenset(w.lower() for w in load("casualties")["tally_context"]["not_counted_heads"])


@cache
def _month_next() -> re.Pattern:
    """A month name right after a number: "3 March" is a day of a date, not a count."""
    dates = load("dates")
    names = list(dates["months"]) + list(dates.get("month_abbreviations") or [])
    return re.compile(rf"\s*(?:{'|'.join(re.escape(str(n)) for n in names)})(?![\w\-])")
_SENTENCE_SUBJECT = re.compile(r"[\"'\u201c\u2018]?(?P<the>The|His|Her|Their|My|Our)\s+")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
AGE_WORD = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day)s?-old")   # "9-year-old", "nine-year-old"


@dataclass(frozen=True)
class PeoplePhrase:
    """A phrase counting people, with offsets relative to the sentence text."""

    start: int
    end: int
    text: str
    victims: str
    head: str
    low: int | None
    best: int | None
    high: int | None
    kind: str            # a Quantity kind, or bare / headless / group
    quantity_start: int = -1

    @property
    def denied(self) -> bool:
        return self.kind == "negation"


@dataclass(frozen=True)
class _Head:
    start: int
    end: int
    word: str
    body_start: int      # where the victims' words begin (after "of the")


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def head_after(text: str, pos: int, singular: bool = False) -> _Head | None | bool:
    """The person noun heading the phrase that starts at POS; False when the head is not people."""
    t = terms()
    tokens = list(islice(TOKEN.finditer(text, pos), 10))  # the phrase's head is within its first ten tokens
    if tokens and tokens[0].group() in ("\"", "\u201d") and tokens[0].start() == pos:
        tokens = tokens[1:]  # '"at least 15" bodies': the quote closes the figure, the head follows
    elif len(tokens) > 2 and tokens[0].group() in ("\"", "\u201c") and tokens[2].group() in ("\"", "\u201d"):
        tokens = tokens[1:2] + tokens[3:]  # '412 "rioters" had been arrested': a scare-quoted head
    i = 0
    body = pos
    if tokens and _norm(tokens[0].group()) in grammar().object_pronouns:
        tok = tokens[0]
        return _Head(tok.start(), tok.end(), tok.group(), tok.start())
    following = _norm(tokens[1].group()) if len(tokens) > 1 else ""
    if tokens and _norm(tokens[0].group()) in t.elliptical and following not in t.persons_plural:
        tok = tokens[0]  # "200 more were taken"; but "five more suspects" is headed by its noun
        return _Head(tok.start(), tok.end(), tok.group(), tok.start())
    if tokens and _norm(tokens[0].group()) == "of":
        i = 1
        if i < len(tokens) and _norm(tokens[i].group()) in grammar().object_pronouns:
            tok = tokens[i]
            return _Head(tok.start(), tok.end(), tok.group(), tok.start())
        if i < len(tokens) and _norm(tokens[i].group()) in t.definites | grammar().possessives:
            i += 1
            if i < len(tokens) and _norm(tokens[i].group()) in t.nominal:
                tok = tokens[i]
                following = tokens[i + 1] if i + 1 < len(tokens) else None
                if following is not None and _norm(following.group()) in t.persons_plural:
                    tok = following  # "six of the kidnapped victims": the participle modifies a person noun
                return _Head(tok.start(), tok.end(), tok.group(), tokens[i - 1].start())
        body = tokens[i].start() if i < len(tokens) else pos
    elif tokens:
        body = tokens[0].start()
    head: _Head | None = None
    modifiers = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.group()
        low = _norm(word)
        phrase = t.person_phrases.match(text, tok.start())
        if phrase:
            head = _Head(tok.start(), phrase.end(), phrase.group(), body)
            i = next((k for k, x in enumerate(tokens) if x.start() >= phrase.end()), len(tokens))
            if i + 1 < len(tokens) and _norm(tokens[i].group()) in grammar().conjunctions \
                    and _norm(tokens[i + 1].group()) in t.persons_plural:
                i += 1  # "aid workers and teachers"
            continue
        if low in t.persons_plural or (singular and low in t.persons_singular):
            head = _Head(tok.start(), tok.end(), word, body)
            i += 1
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and _norm(tokens[i].group()) in grammar().conjunctions and (
                    _norm(following.group()) in t.persons_plural or t.person_phrases.match(text, following.start())):
                i += 1  # "23 aid workers and teachers": one count over both nouns
            continue
        if head is not None:
            break
        if low in t.not_people or low in _not_counted_heads():
            return False
        if word == "(":
            close = next((k for k in range(i + 1, min(i + 6, len(tokens))) if tokens[k].group() == ")"), None)
            if close is not None:
                i = close + 1
                continue
        if word.replace(",", "").isdigit() and i > 0 and _norm(tokens[i - 1].group()) in t.definites:
            i += 1  # "41 of the 47 missiles": the head of the whole follows the second number
            continue
        if low in grammar().conjunctions and modifiers and i + 1 < len(tokens) and tokens[i + 1].group().islower():
            i += 1
            continue
        if (low in t.np_stops and not word.isupper()) or not word[0].isalnum():
            break
        possessive = low.endswith(("'s", "s'")) or bool(AGE_WORD.fullmatch(low))
        compound = "-" in word and word.replace("-", "").isalpha() and word.islower()  # "conflict-related"
        if word[0].isupper() or low in t.modifiers or low in t.groups or possessive or (
                (word.isalpha() or compound) and modifiers < 2):
            modifiers += 1
            i += 1
            if modifiers > 5:
                break
            continue
        break
    if head is None and i > 0:
        last = tokens[i - 1].group()
        if last[0].isupper() and last.endswith("s") and len(last) > 3 and _norm(last) not in t.not_people:
            return _Head(tokens[i - 1].start(), tokens[i - 1].end(), last, body)
        if _norm(last) in t.groups:
            return False
        if i > 1 and not last[0].isupper():
            # "27 Palestinians overnight": a capitalised plural right before a lower-case adverb heads the count
            before = tokens[i - 2].group()
            if before[0].isupper() and before.endswith("s") and len(before) > 3 and _norm(before) not in t.not_people \
                    and _norm(last) in grammar().trailing_adverbs:
                return _Head(tokens[i - 2].start(), tokens[i - 2].end(), before, body)
    return head


def _is_identifier(text: str, q: Quantity) -> bool:
    """A number that names something ("No. 42", "Camp 13", "in 2011", "Yunus, 38,")."""
    t = terms()
    if q.kind == "exact" and t.identifier_tail.search(text[: q.start]):
        return True
    if q.kind == "exact" and YEAR.fullmatch(q.text):
        return True
    if q.kind == "exact" and q.text.isdigit() and len(q.text) <= 2 and _month_next().match(text, q.end):
        return True  # "on 3 March"
    before = text[: q.start].rstrip()
    after = text[q.end:].lstrip()
    if q.kind == "exact" and q.text.isdigit() and before.endswith(",") and after.startswith(","):
        return True  # an age in apposition
    if q.kind == "exact" and grammar().age_list.search(before + " "):
        return True  # "aged 12, 14 and 17"
    return after.startswith(("%", "per cent", "percent")) or before.endswith(("$", "\u20ac", "\u00a3"))


def _particle_free(text: str, q: Quantity) -> Quantity:
    """'hand over 17 soldiers': "over" belongs to the verb before it, not to the count."""
    first = q.text.split()[0] if " " in q.text else ""
    if not first or q.kind not in ("above", "below", "near", "approx"):
        return q
    tail = terms().before_tail.search(text[: q.start] + first + " ")
    if not tail or " " not in tail.group("cue").strip() or not tail.group("cue").lower().endswith(first.lower()):
        return q
    rest = find_quantities(q.text[len(first):].lstrip(), offset=q.end - len(q.text[len(first):].lstrip()))
    return rest[0] if rest else q


def _quantity_phrases(text: str) -> list[PeoplePhrase]:
    found = []
    for q in find_quantities(text):
        if _is_identifier(text, q):
            continue
        q = _particle_free(text, q)
        head = head_after(text, q.end, singular=q.best == 1 or q.low == 1)
        if head is False:
            found.append(PeoplePhrase(q.start, q.end, q.text, "", "", q.low, q.best, q.high, "not-people", q.start))
            continue
        start = q.start
        det = grammar().phrase_determiner.search(text[: q.start])
        if det:
            start = det.start()
        if head is None:
            found.append(PeoplePhrase(start, q.end, text[start:q.end], "", "", q.low, q.best, q.high, "headless",
                                      q.start))
            continue
        victims = text[head.body_start: head.end]
        end = head.end
        if text[end: end + 1] in ("\"", "\u201d") and re.search(r"[\"\u201c]", text[q.end: head.start]):
            end += 1  # '412 "rioters"': the scare quote closes with its head
        found.append(PeoplePhrase(start, end, text[start: end], victims.strip("\"\u201c "), head.word, q.low,
                                  q.best, q.high, q.kind, q.start))
    return found


def _group_phrases(text: str) -> list[PeoplePhrase]:
    """'the members of one unit': a whole group, counted without a figure."""
    t = terms()
    found = []
    pattern = re.compile(r"(?<![\w\-])(?:all\s+(?:of\s+)?)?the\s+(?P<head>[\w\-]+)\s+of\s+", re.IGNORECASE)
    for match in pattern.finditer(text):
        if _norm(match.group("head")) not in t.persons_plural:
            continue
        tokens = list(islice(TOKEN.finditer(text, match.end()), 6))
        for tok in tokens:
            low = _norm(tok.group())
            if low in t.groups:
                found.append(PeoplePhrase(match.start(), tok.end(), text[match.start(): tok.end()],
                                          text[match.start("head"): tok.end()], match.group("head"),
                                          None, None, None, "total"))
                break
            if not tok.group()[0].isalnum() or (low in t.np_stops and low not in grammar().group_quantifiers):
                break
    return found


def _determiner_phrases(text: str) -> list[PeoplePhrase]:
    found = []
    for match in determiner_pattern().finditer(text):
        # "no villager", "any soldier": a negation or "any" takes a singular noun too
        total = match.group("total")
        head = head_after(text, match.end(), singular=total is None or total.lower() in _singular_totals())
        if not head:
            continue
        negation = match.group("negation") is not None
        value = 0 if negation else None
        kind = "negation" if negation else ("any" if match.group("any") else "total")
        found.append(PeoplePhrase(match.start(), head.end, text[match.start(): head.end],
                                  text[head.body_start: head.end], head.word, value, value, value,
                                  kind, match.start()))
    return found


def _pronoun_phrases(text: str) -> list[PeoplePhrase]:
    """'Nobody was executed', 'none were taken prisoner' (0, denied); 'denied that anyone had been killed'."""
    found = []
    for match in pronoun_pattern().finditer(text):
        negation = match.group("negation") is not None
        value = 0 if negation else None
        found.append(PeoplePhrase(match.start(), match.end(), match.group(), "", "", value, value, value,
                                  "negation" if negation else "any", match.start()))
    return found


def _reduced_relative(text: str, end: int) -> int:
    """Extend a bare plural over a reduced relative and its place ("fighters captured in the X Basin")."""
    t = terms()
    match = t.after_cue.match(text, end + 1) if text[end:end + 1] == " " else None
    if not match or not t.category("after", match.group(0)):
        return end
    place = re.match(r"\s+(?:in|at|near|from|during)\s+(?:the\s+)?(?:[A-Z][\w'\u2019\-]*\s?)+", text[match.end():])
    if not place:
        return end
    return match.end() + len(place.group(0).rstrip())


_CAP = r"[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*"
# two to five capitalised words (name particles between them; a role word may open them): a candidate name;
# what says it is a person is checked around it
_NAME_RUN = re.compile(rf"(?<![\w'\u2019-]){_CAP}(?:\s+(?:{_CAP}|(?:bin|bint|ibn|al|el|de|da|dos|van|von|le|la)"
                       rf"(?=\s+[A-Z]))){{1,4}}")
_NAME_TAIL = re.compile(r",\s+(?:(?P<age>\d{1,3})|(?:a|an|the)\s+(?P<app>[\w-]+(?:\s+[\w-]+){0,3}?))(?=,)")


@cache
def _person_roles() -> frozenset[str]:
    """Role nouns and titles that say a capitalised name is a person's (lower case, one or two words)."""
    return frozenset(terms().persons_singular) | frozenset(_titles())


@cache
def _titles() -> tuple[str, ...]:
    return tuple(str(w).lower() for w in load("speakers").get("titles", []))


def _role_before(text: str, at: int) -> tuple[int, str]:
    """(start, role) of a role or title right before AT ("Local councillor ", "Journalist "), else (at, "")."""
    roles = _person_roles()
    before = text[max(0, at - 60): at]
    words = list(re.finditer(r"[A-Za-z-]+", before))
    if not words or not re.fullmatch(r"\.?\s+", before[words[-1].end():]):
        return at, ""             # the role must stand right before the name ("Dr. ", "councillor ")
    last = words[-1]
    two = f"{words[-2].group().lower()} {last.group().lower()}" if len(words) > 1 else ""
    if two in roles:
        first = words[-2]
    elif last.group().lower() in roles:
        first = last
    else:
        return at, ""
    k = words.index(first)
    if k > 0 and before[words[k - 1].end(): first.start()].isspace():
        modifier = words[k - 1].group().lower()
        t = terms()
        if modifier not in t.np_stops and not t.category("before", modifier) and not t.category("after", modifier):
            first = words[k - 1]      # "Local councillor", "Ex-convict"
    offset = at - len(before)
    return offset + first.start(), " ".join(text[offset + first.start(): offset + last.end()].split())


def _named_phrases(text: str) -> list[PeoplePhrase]:
    """'Journalist Amina Sule', 'Mariam Kolo, 9,', 'Pedro Vance, a local councillor,': one named person.

    A capitalised name alone is not taken (places and organisations are capitalised too); a role or title
    before it, or an age or a role in apposition after it, says it is a person. The phrase runs over the
    apposition, so its "a local councillor" is no second person.
    """
    t = terms()
    roles = _person_roles()
    found = []
    for name in _NAME_RUN.finditer(text):
        name_words = name.group().lower().split()
        if any(w in t.np_stops or t.category("before", w) or t.category("after", w) for w in name_words):
            continue              # a title-case headline ("Soldier Killed In Ambush"), not a name
        lead = 2 if " ".join(name_words[:2]) in roles else 1 if name_words[0] in roles else 0
        if lead and len(name_words) - lead >= 2:   # "Journalist Amina Sule" opening a sentence: role, then name
            role_end = name.start() + len(" ".join(name.group().split()[:lead]))
            start, role = name.start(), " ".join(text[name.start(): role_end].split())
        else:
            start, role = _role_before(text, name.start())
        tail = _NAME_TAIL.match(text, name.end())
        app = ""
        if tail and tail.group("app"):
            words = tail.group("app").lower().split()
            app = tail.group("app") if words[-1] in roles or " ".join(words[-2:]) in roles else ""
        age = bool(tail and tail.group("age"))
        if not (role or age or app):
            continue
        end = tail.end() if tail and (age or app) else name.end()
        described = app or role
        head = described.split()[-1] if described else "person"
        victims = " ".join(described.split()) if described else name.group()
        victims = victims[:1].lower() + victims[1:] if described else victims   # "Journalist Amina Sule"
        found.append(PeoplePhrase(start, end, text[start: end], victims, head, 1, 1, 1, "named", start))
    return found


def _singular_phrases(text: str) -> list[PeoplePhrase]:
    """'a policeman', 'an aid worker': one person, when a cue later ties them to a category."""
    t = terms()
    found = []
    for match in grammar().indefinite.finditer(text):
        head = head_after(text, match.end(), singular=True)
        if not head or _norm(head.word) not in t.persons_singular:
            continue
        found.append(PeoplePhrase(match.start(), head.end, text[match.start(): head.end],
                                  text[head.body_start: head.end], head.word, 1, 1, 1, "exact", match.start()))
    opening = _SENTENCE_SUBJECT.match(text)
    if opening and any(_norm(w.strip(",.;:")) in t.persons_singular for w in text[opening.end(): opening.end() + 48]
                       .split()[:4]):  # "The driver of the first bus was shot dead": one person, as the subject
        head = head_after(text, opening.end(), singular=True)
        if head and _norm(head.word) in t.persons_singular and not head.word[0].isupper():
            found.append(PeoplePhrase(opening.start("the"), head.end, text[opening.start("the"): head.end],
                                      text[head.body_start: head.end], head.word, 1, 1, 1, "definite",
                                      opening.start("the")))
    return found


def _bare_phrases(text: str, taken: list[tuple[int, int]]) -> list[PeoplePhrase]:
    """Plural person nouns with no determiner ("Families", "civilians"), extended over "from X"."""
    t = terms()
    found = []
    tokens = list(TOKEN.finditer(text))
    for idx, tok in enumerate(tokens):
        low = _norm(tok.group())
        if low not in t.persons_plural or low in grammar().not_bare:
            continue
        if any(s <= tok.start() < e for s, e in taken):
            continue
        if idx + 1 < len(tokens) and tokens[idx + 1].group() in ("'", "\u2019"):
            continue
        first = idx
        while first > 0:
            prev = tokens[first - 1].group()
            if _norm(prev) in t.definites or _norm(prev) in t.np_stops or not prev[0].isalnum():
                break
            if prev[0].isupper() or _norm(prev) in t.modifiers:
                first -= 1
                continue
            break
        before = tokens[first - 1].group() if first > 0 else ""
        if _norm(before) in t.definites or before[:1].isdigit():
            continue
        if grammar().subset_list.search(text[: tokens[first].start()]):
            continue  # "60 people, most of them men, ...": a subset of a count, not a new one
        end = tok.end()
        if idx + 1 < len(tokens) and _norm(tokens[idx + 1].group()) == "from":
            k = idx + 2
            while k < len(tokens) and k < idx + 8:
                word = tokens[k].group()
                if not word[0].isalnum() or (_norm(word) in t.np_stops and _norm(word) != "and"):
                    break
                end = tokens[k].end()
                k += 1
        end = _reduced_relative(text, end)
        start = tokens[first].start()
        found.append(PeoplePhrase(start, end, text[start:end], text[start:end], tok.group(), None, None, None, "bare"))
    return found


def people_phrases(text: str, words: frozenset[str] | None = None) -> list[PeoplePhrase]:
    """Every phrase of SENTENCE TEXT that counts people (and, marked `not-people`, counts of things).

    WORDS, the sentence's words from ``tally_gates.gate_words``, let it skip the token scan for bare
    plurals when no plural person noun is among them; None scans always.
    """
    chosen: list[PeoplePhrase] = []

    def free(p: PeoplePhrase) -> bool:
        return all(p.end <= c.start or p.start >= c.end for c in chosen)

    chosen.extend(_group_phrases(text))
    for finder in (_quantity_phrases, _determiner_phrases, _pronoun_phrases, _named_phrases, _singular_phrases):
        for phrase in finder(text):      # earlier finders win an overlap
            if free(phrase):
                chosen.append(phrase)
    taken = [(c.start, c.end) for c in chosen]
    for phrase in _bare_phrases(text, taken) if gates().plural.holds(words) else ():
        if free(phrase):
            chosen.append(phrase)
    return sorted(chosen, key=lambda p: p.start)

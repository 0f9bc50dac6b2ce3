"""Counts in text ("over a hundred", "between 10 and 15", "dozens of", "none of the") → low/best/high.

Every figure goes through the one convention table in ``lexicon/quantities.yml`` so an
analyst can read (and change) how "dozens" or "about 400" become numbers. A phrase that
gives no figure ("a number of", "all the") keeps ``best`` empty: nothing is made up.
The patterns are compiled once, on first use, from that table.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from conflictbook.lexicon import LexiconError, alternation, load

# A count above this (or a float that overflows) is no count at all: never invent one from noise.
MAX_COUNT = 10 ** 12
KINDS = ("exact", "above", "below", "approx", "near", "range", "vague", "total", "negation")
# The pattern's own words: "BETWEEN 10 and 15", "A hundred" (the number words come from the table).
_BETWEEN = "between"
_ARTICLES = ("an", "a")
_WORD_START = re.compile(r"(?<![\w\-.,])\w+")   # where the pattern below may start a match


@dataclass(frozen=True)
class Quantity:
    """One count phrase: its span in the searched text and what it commits to."""

    start: int
    end: int
    text: str
    low: int | None
    best: int | None
    high: int | None
    kind: str

    @property
    def denied(self) -> bool:
        return self.kind == "negation"


@dataclass(frozen=True)
class _Table:
    words: dict[str, int]
    scales: dict[str, int]
    pairs: dict[str, int]
    modifiers: dict[str, tuple[str, bool]]
    band: float
    vague: dict[str, tuple[int | None, int | None, int | None]]
    totals: tuple[str, ...]
    negations: tuple[str, ...]
    anys: tuple[str, ...]
    pattern: re.Pattern
    openers: frozenset[str] | None      # lower-cased first words of the pattern's phrases; None: no shortcut


@cache
def table() -> _Table:
    """The convention table, validated and compiled once."""
    doc = load("quantities")
    try:
        units, tens, scales = doc["units"], doc["tens"], doc["scales"]
        modifiers = {str(k).lower(): (v["kind"], bool(v.get("strict", False))) for k, v in doc["modifiers"].items()}
        vague = {str(k).lower(): (v.get("low"), v.get("best"), v.get("high")) for k, v in doc["vague"].items()}
        band = float(doc["approx_band"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise LexiconError(f"lexicon 'quantities' is missing or has a malformed entry: {exc}") from None
    for word, (kind, _) in modifiers.items():
        if kind not in KINDS:
            raise LexiconError(f"lexicon 'quantities': modifier {word!r} has unknown kind {kind!r}")
    words = {str(k).lower(): int(v) for k, v in {**units, **tens}.items()}
    scale_map = {str(k).lower(): int(v) for k, v in scales.items()}
    pairs = {str(k).lower(): int(v) for k, v in (doc.get("pairs") or {}).items()}
    totals = tuple(str(t).lower() for t in doc.get("totals", []))
    negations = tuple(str(n).lower() for n in doc.get("negations", []))
    anys = tuple(str(n).lower() for n in doc.get("any", []))

    word = alternation(list(words) + list(scale_map))
    scale = alternation(scale_map)
    word_number = (rf"(?:(?:(?:{'|'.join(_ARTICLES)})\s+(?:{scale}))|(?:{word}))"
                   rf"(?:(?:\s+and\s+|[\s\-]+)(?:{word}))*")
    digits = rf"(?:\d{{1,3}}(?:,\s?\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:{scale}))?"
    number = rf"(?:{digits}|{word_number})"
    mod = alternation(modifiers)
    vague_alt = alternation(vague)
    standalone = [str(w).lower() for w in doc.get("vague_standalone") or [] if str(w).lower() in vague]
    pattern = re.compile(
        rf"(?<![\w\-.,])(?:"
        rf"(?P<between>{_BETWEEN}\s+(?P<b1>{number})\s+and\s+(?P<b2>{number}))"
        rf"|(?:(?P<mod>{mod})\s+)?(?P<num>{number})(?:(?:\s*(?:-|\u2013)\s*|\s+(?:to|or)\s+)(?P<num2>{number}))?"
        rf"|(?P<vague>{vague_alt})(?=[\"\u201d]?\s+of\b|[\"\u201d]?\s+[a-z])"   # '"several thousand" displaced'
        rf"|(?P<vague_end>{alternation(standalone)})(?=\s*[,.;:)]|\s*$)"         # "killing 15 and wounding dozens."
        rf"|(?P<pair>{alternation(pairs)})(?=\s+(?:of\s+)?[a-z])"
        rf")(?![\w\-]|,\d)",
        re.IGNORECASE,
    )
    phrases = [_BETWEEN, *_ARTICLES, *modifiers, *vague, *pairs, *words, *scale_map]
    firsts = [re.match(r"\w+", phrase) for phrase in phrases]
    openers = None if not all(firsts) else frozenset(first.group() for first in firsts)
    return _Table(words, scale_map, pairs, modifiers, band, vague, totals, negations, anys, pattern, openers)


def number_value(text: str) -> int | None:
    """The integer a number phrase means ("thirty-six" → 36, "1,200" → 1200, "a dozen" → 12)."""
    tab = table()
    text = text.strip().lower()
    digit = re.fullmatch(r"(\d[\d,]*(?:\s\d{3})*(?:\.\d+)?)(?:\s+(\w+))?", text)
    if digit:
        value = float(digit.group(1).replace(",", "").replace(" ", ""))
        if digit.group(2):
            if digit.group(2) not in tab.scales:
                return None
            value *= tab.scales[digit.group(2)]
        return int(round(value)) if math.isfinite(value) and value <= MAX_COUNT else None
    total = current = 0
    seen = False
    for token in re.split(r"[\s\-]+", text):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = 1
        elif token in tab.words:
            current += tab.words[token]
        elif token in tab.scales:
            scale = tab.scales[token]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        else:
            return None
        seen = True
    return total + current if seen and total + current <= MAX_COUNT else None


def _bounds(value: int, kind: str, strict: bool, band: float) -> tuple[int | None, int | None, int | None]:
    if kind == "above":
        return (value + 1 if strict else value), value, None
    if kind == "below":
        return None, value, (value - 1 if strict else value)
    if kind == "approx":
        spread = round(value * band)
        return value - spread, value, value + spread
    if kind == "near":
        return value - round(value * band), value, value
    return value, value, value


def _key(phrase: str) -> str:
    """A matched phrase as a key of the table. ``re.IGNORECASE`` also matches letters such as "ſ" or
    "ı" to ASCII ones: casefold brings some back; for the others the lookup misses (no count), never a crash."""
    return " ".join(phrase.casefold().split())


def _from_match(match: re.Match, offset: int) -> Quantity | None:
    tab = table()
    text = match.group(0)
    start, end = offset + match.start(), offset + match.end()
    if match.group("between"):
        a, b = number_value(match.group("b1")), number_value(match.group("b2"))
        if a is None or b is None:
            return None
        return Quantity(start, end, text, min(a, b), min(a, b), max(a, b), "range")
    if match.group("pair"):
        value = tab.pairs.get(_key(match.group("pair")))
        if value is None:
            return None
        return Quantity(start, end, text, value, value, value, "exact")
    vague = match.group("vague") or match.group("vague_end")
    if vague:
        if _key(vague) not in tab.vague:
            return None
        low, best, high = tab.vague[_key(vague)]
        return Quantity(start, end, text, low, best, high, "vague")
    value = number_value(match.group("num"))
    if value is None:
        return None
    mod = match.group("mod")
    if mod and _key(mod) not in tab.modifiers:
        return None
    if match.group("num2"):
        other = number_value(match.group("num2"))
        if other is None:
            return None
        low, high = min(value, other), max(value, other)
        kind, strict = tab.modifiers[_key(mod)] if mod else ("exact", False)
        if kind == "above":
            return Quantity(start, end, text, low, low, None, "above")
        return Quantity(start, end, text, low, low, high, "range")
    if not mod:
        return Quantity(start, end, text, value, value, value, "exact")
    kind, strict = tab.modifiers[_key(mod)]
    low, best, high = _bounds(value, kind, strict, tab.band)
    return Quantity(start, end, text, low, best, high, kind)


def _match_starts(text: str, openers: frozenset[str] | None):
    """Where the pattern may match: a word that opens one of its phrases or a digit run.

    A non-ASCII word is kept too (``re.IGNORECASE`` folds letters ``str.lower`` does not). The
    pattern itself would be tried, against all its alternatives, at every character of TEXT.
    """
    if openers is None:
        yield from range(len(text))
        return
    for word in _WORD_START.finditer(text):
        run = word.group()
        if run[0].isdigit() or run.lower() in openers or not run.isascii():
            yield word.start()


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every count phrase in TEXT, left to right; spans are shifted by OFFSET.

    The matches of ``pattern.finditer``: left to right, each search resuming where the last match ended.
    """
    tab = table()
    found = []
    resume = 0
    for start in _match_starts(text, tab.openers):
        if start < resume:
            continue
        match = tab.pattern.match(text, start)
        if match is None:
            continue
        resume = match.end()
        quantity = _from_match(match, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The count TEXT states when the whole of it is one count phrase, else None."""
    text = text.strip()
    found = find_quantities(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0]
    lowered = " ".join(text.lower().split())
    for negation in table().negations:
        if lowered == negation or lowered.startswith(negation + " "):
            return Quantity(0, len(text), text, 0, 0, 0, "negation")
    for total in table().totals:
        if lowered == total or lowered.startswith(total + " "):
            return Quantity(0, len(text), text, None, None, None, "total")
    return None


@cache
def determiner_pattern() -> re.Pattern:
    """Totals ("all the") and negations ("none of the", "no") that open a noun phrase without a figure."""
    tab = table()
    return re.compile(
        rf"(?<![\w\-])(?:(?P<negation>{alternation(tab.negations)})|(?P<total>{alternation(tab.totals)})"
        rf"|(?P<any>{alternation(tab.anys)}))\s+",
        re.IGNORECASE,
    )


@cache
def pronoun_pattern() -> re.Pattern:
    """Pronouns that count nobody ("Nobody", "none") or anybody ("anyone"), not opening an "of" phrase."""
    doc = load("quantities")
    negative, anys = doc.get("negative_pronouns") or [], doc.get("any_pronouns") or []
    if not negative or not anys:
        raise LexiconError("lexicon 'quantities' lacks 'negative_pronouns' or 'any_pronouns'")
    return re.compile(rf"(?<![\w\-])(?:(?P<negation>{alternation(negative)})|(?P<any>{alternation(anys)}))"
                      rf"(?![\w\-])(?!\s+of\b)", re.IGNORECASE)


def pair_value(word: str) -> int | None:
    """The count a pair word stands for ("both" → 2)."""
    return table().pairs.get(word.lower())

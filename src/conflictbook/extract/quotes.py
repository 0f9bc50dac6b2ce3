"""Quotation spans in an article: where direct speech starts and ends.

Why a module of its own: quotes decide what is verbatim (mode ``direct``) and where
attributed content ends when it runs over several sentences or paragraphs, so the claims
extractor needs them before it looks for reporting cues. Handles typographic “…”, straight
"…" (paired left to right within a paragraph), ‘…’ nested inside a double quote, ‘…’ as
the main quote mark (British style) when an article has no double quotes, and a quote
left open at the end of a paragraph that the next paragraph reopens (a quote running over
several paragraphs, each opening with a quote mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u201e\u00ab"
CLOSE_DOUBLE = "\u201d\u00bb"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"


@dataclass(frozen=True)
class Quote:
    """One quotation: ``start``/``end`` bound the content (marks excluded)."""

    start: int
    end: int
    open_at: int      # offset of the opening mark
    close_at: int     # offset just after the closing mark (== end when left open)

    def content(self, text: str) -> str:
        return text[self.start:self.end]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def _is_opening_single(text: str, i: int) -> bool:
    """‘ opens a quote when it starts a word (not an elision like ’90s)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in "[(\"")


def _is_closing_single(text: str, i: int) -> bool:
    """’ closes a quote when no letter follows (an apostrophe sits inside a word: don’t)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalpha()


# The characters _scan_paragraph acts on: it jumps from one to the next (every other character leaves its state as is).
_MARKS = re.compile(f"[{OPEN_DOUBLE}{CLOSE_DOUBLE}\"]")
_MARKS_AND_SINGLES = re.compile(f"[{OPEN_DOUBLE}{CLOSE_DOUBLE}\"{OPEN_SINGLE}{CLOSE_SINGLE}]")


def _scan_paragraph(text: str, start: int, end: int, singles: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Quote (open, close) mark offsets in one paragraph, and the offset of a quote left open."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    straight_open: int | None = None
    single_open: int | None = None
    for mark in (_MARKS_AND_SINGLES if singles else _MARKS).finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if ch in OPEN_DOUBLE and open_at is None and straight_open is None:
            open_at = i
        elif ch in CLOSE_DOUBLE and open_at is not None:
            found.append((open_at, i))
            open_at = None
        elif ch == '"' and open_at is None:
            if straight_open is None:
                straight_open = i
            else:
                found.append((straight_open, i))
                straight_open = None
        elif singles and open_at is None and straight_open is None:
            if ch == OPEN_SINGLE and single_open is None and _is_opening_single(text, i):
                single_open = i
            elif ch == CLOSE_SINGLE and single_open is not None and _is_closing_single(text, i):
                found.append((single_open, i))
                single_open = None
    left_open = open_at if open_at is not None else straight_open
    return found, left_open


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in TEXT, in order (nested ‘…’ stay inside their “…”)."""
    singles = not any(ch in text for ch in OPEN_DOUBLE + CLOSE_DOUBLE + '"')
    quotes: list[Quote] = []
    pending: int | None = None          # opening mark of a quote running on from an earlier paragraph
    pending_end = 0
    for p_start, p_end in _paragraphs(text):
        scan_from = p_start
        if pending is not None:
            first = text[p_start]
            if first in OPEN_DOUBLE or first == '"' or (singles and first == OPEN_SINGLE):
                close = _first_close(text, p_start + 1, p_end, singles)
                if close is None:        # still open at the end of this paragraph too
                    pending_end = p_end
                    continue
                quotes.append(Quote(pending + 1, close, pending, close + 1))
                scan_from = close + 1
            else:
                quotes.append(Quote(pending + 1, pending_end, pending, pending_end))
            pending = None
        found, left_open = _scan_paragraph(text, scan_from, p_end, singles)
        quotes.extend(Quote(o + 1, c, o, c + 1) for o, c in found)
        if left_open is not None:
            pending, pending_end = left_open, p_end
    if pending is not None:
        quotes.append(Quote(pending + 1, pending_end, pending, pending_end))
    return [q for q in quotes if q.end > q.start]


def _first_close(text: str, start: int, end: int, singles: bool) -> int | None:
    """The first closing mark of a running quote in [start, end)."""
    for i in range(start, end):
        ch = text[i]
        if ch in CLOSE_DOUBLE or ch == '"' or (singles and ch == CLOSE_SINGLE and _is_closing_single(text, i)):
            return i
        if ch in OPEN_DOUBLE:
            return None
    return None


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quote whose marks enclose OFFSET."""
    for quote in quotes:
        if quote.open_at <= offset < quote.close_at:
            return quote
    return None


def mask_quotes(text: str, quotes: list[Quote], start: int = 0, end: int | None = None) -> str:
    """TEXT[start:end] with quoted content (and marks) blanked, so cue search skips quoted words."""
    end = len(text) if end is None else end
    chars = list(text[start:end])
    for quote in quotes:
        lo, hi = max(quote.open_at, start), min(quote.close_at, end)
        for i in range(lo, hi):
            chars[i - start] = " "
    return "".join(chars)

"""Quotation spans: typographic, straight, nested, running over paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictbook.extract.quotes import find_quotes, mask_quotes, quote_at

CASES = [
    ("He said “we left” and ran.", ["we left"]),
    ('He said "we left" and ran.', ["we left"]),
    ('"One," she said, "two."', ["One,", "two."]),
    ("“Outer ‘inner’ outer,” he said.", ["Outer ‘inner’ outer,"]),
    ("“A” and “B”", ["A", "B"]),
    ("It’s the soldiers’ camp, not ours.", []),
    ("‘We are leaving,’ she said.", ["We are leaving,"]),
    ("“First paragraph.\n\n“Second paragraph,” he said.", ["First paragraph.\n\n“Second paragraph,"]),
    ("“Open at the end\n\nNo quote here.", ["Open at the end"]),
    ("“Majhi” is a word.", ["Majhi"]),
    ("«Nous partons», a-t-il dit.", ["Nous partons"]),
    ("No quotes at all.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [q.content(text) for q in find_quotes(text)] == expected


def test_single_quotes_are_nested_when_double_quotes_exist() -> None:
    text = "“Outer ‘inner’ outer,” he said. ‘Not a quote’ here."
    assert [q.content(text) for q in find_quotes(text)] == ["Outer ‘inner’ outer,"]


def test_marks_and_content_offsets() -> None:
    text = "He said “we left” and ran."
    (quote,) = find_quotes(text)
    assert text[quote.open_at] == "“" and text[quote.close_at - 1] == "”"
    assert quote_at([quote], quote.start) is quote and quote_at([quote], 0) is None


def test_mask_blanks_quoted_words_only() -> None:
    text = "He said “we said no” and left."
    masked = mask_quotes(text, find_quotes(text))
    assert len(masked) == len(text) and "said no" not in masked and masked.startswith("He said")


# ---------------------------------------------------------------- the mark scan jumps between marks: same quotes

def _scan_every_character(text: str, start: int, end: int, singles: bool):
    """The paragraph scan stepping through every character (the reference the mark-to-mark scan must equal)."""
    from conflictbook.extract.quotes import (
        CLOSE_DOUBLE,
        CLOSE_SINGLE,
        OPEN_DOUBLE,
        OPEN_SINGLE,
        _is_closing_single,
        _is_opening_single,
    )
    found, open_at, straight_open, single_open = [], None, None, None
    for i in range(start, end):
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
    return found, open_at if open_at is not None else straight_open


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\u201c\u201d\u201e\u00ab\u00bb\"\u2018\u2019'.,", max_size=60), st.booleans())
def test_scan_paragraph_equals_the_character_by_character_scan(text, singles):
    from conflictbook.extract.quotes import _scan_paragraph
    for start in range(0, len(text) + 1, 7):
        assert _scan_paragraph(text, start, len(text), singles) == _scan_every_character(text, start, len(text),
                                                                                        singles)

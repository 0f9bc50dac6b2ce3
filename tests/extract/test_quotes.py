"""Quotation spans: typographic, straight, nested, running over paragraphs."""

from __future__ import annotations

import pytest

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

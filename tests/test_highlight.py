"""Highlighted article text: every date, count, speaker and quote marked, nested properly, linked to its row."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from conflictbook.article import Article
from conflictbook.highlight import Span, anchor_id, article_html, collect_spans, render_text, rows_html
from tests.reportbook import fake_book


class _Nesting(HTMLParser):
    """Checks that tags close in the order they opened and collects ids and hrefs."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.nested_links = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "a" in self.stack:
            self.nested_links += 1
        self.stack.append(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if not self.stack or self.stack[-1] != "a":
            self.text.append(data)


def parse(fragment: str) -> _Nesting:
    parser = _Nesting()
    parser.feed(fragment)
    parser.close()
    assert parser.stack == []
    return parser


@pytest.mark.parametrize(
    ("text", "spans", "expected_text"),
    [
        ("no marks at all", [], "no marks at all"),
        ("killed 12 people", [Span(7, 9, "count", "T1")], "killed 12 people"),
        # a date nested inside a quote
        ('"on 3 May we fled"', [Span(0, 18, "quote", "C1"), Span(4, 9, "date", "E1")], '"on 3 May we fled"'),
        # two marks that cross each other
        ("abcdefgh", [Span(0, 5, "count", "T1"), Span(3, 8, "date", "E1")], "abcdefgh"),
        # the same span twice is marked once
        ("abc", [Span(0, 3, "date", "E1"), Span(0, 3, "date", "E1")], "abc"),
        ("a < b & c", [Span(0, 1, "count", "T1")], "a < b & c"),
    ],
)
def test_render_text_keeps_text_and_nests(text, spans, expected_text):
    fragment = render_text(text, spans, "art")
    parsed = parse(fragment)
    assert "".join(parsed.text) == expected_text
    assert parsed.nested_links == 0
    assert len(parsed.ids) == len(set(parsed.ids)) == len(set(spans))


def test_each_mark_links_to_its_row_once():
    fragment = render_text("abcdefgh", [Span(0, 5, "count", "T1"), Span(3, 8, "date", "E1")], "art")
    parsed = parse(fragment)
    assert parsed.hrefs == ["#" + anchor_id("row", "tallies", "art", "T1"), "#" + anchor_id("row", "timeline", "art",
                                                                                             "E1")]


@pytest.mark.parametrize(("row_id", "article_id", "label"), [("art-T001", "art", "T001"), ("T1", "art", "T1"),
                                                            ("art", "art", "art"), ("article-2-E1", "article-2", "E1"),
                                                            ("artist-E1", "art", "artist-E1")])
def test_labels_drop_the_article_id(row_id, article_id, label):
    from conflictbook.highlight import short_label

    assert short_label(row_id, article_id) == label


def test_article_html_marks_every_extraction():
    book = fake_book()
    article = book.articles_by_id["keral-1"]
    page = article_html(article, book.timeline, book.tallies, book.claims)
    parsed = parse(page.split("</style>", 1)[1])
    for kind, row in [("date", "E1"), ("date", "E2"), ("count", "T1"), ("count", "T2"), ("count", "T3"),
                      ("quote", "C1"), ("quote", "C2"), ("speaker", "C1"), ("speaker", "C2")]:
        assert anchor_id("txt", kind, "keral-1", row) in parsed.ids, (kind, row)
    # the article text survives unchanged apart from the labels
    assert "".join(parsed.text).endswith(article.text)


def test_speaker_found_by_surname_or_falls_back_to_cue():
    book = fake_book()
    article = book.articles_by_id["keral-1"]
    spans = {(s.kind, s.row_id): s for s in collect_spans(article, claims=book.claims)}
    assert article.text[spans["speaker", "C1"].start:spans["speaker", "C1"].end] == "Dana Roe"
    # C2's cue sentence says "she said": no name there, so the cue is marked
    assert article.text[spans["speaker", "C2"].start:spans["speaker", "C2"].end] == "she said"


def test_rows_without_offsets_are_found_in_their_evidence():
    article = Article.build("a", "First 3 men died. Then 3 women died.")
    tallies = pd.DataFrame([{"article_id": "a", "tally_id": "T9", "quantity_text": "3 women",
                             "evidence": "Then 3 women died.", "span_start": -1, "span_end": -1}])
    (span,) = collect_spans(article, tallies=tallies)
    assert article.text[span.start:span.end] == "3 women"
    assert span.start == article.text.index("3 women")


@pytest.mark.parametrize("table", ["timeline", "tallies", "claims"])
def test_empty_tables_give_plain_text(table):
    article = Article.build("a", "Nothing happened.")
    empty = pd.DataFrame(columns=["article_id"])
    assert "Nothing happened." in article_html(article, empty, empty, empty)


def test_rows_html_anchors_rows_and_flags_contradictions():
    book = fake_book()
    table = rows_html(book.tallies, "tallies", link_text=True)
    assert f'id="{anchor_id("row", "tallies", "keral-1", "T1")}"' in table
    assert f'href="#{anchor_id("txt", "count", "keral-1", "T1")}"' in table
    comparison = rows_html(book.comparison, "comparison")
    assert len(re.findall(r'<tr class="cb-contradicts"', comparison)) == 2
    assert "⚠ contradicts" in comparison

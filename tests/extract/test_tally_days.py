"""Which dated event dates a count: sentences written for these tests, with their events given."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbook.article import Article
from conflictbook.extract.tally_days import StoryDays
from conflictbook.records import TimelineEvent

D = date


def _days(body: str, spans) -> tuple[Article, StoryDays]:
    """An article of BODY and its events: (when_text, start, end, precision) each, found in BODY."""
    article = Article.build("d", body, published=date(2025, 5, 9), outlet="Meridian Wire")
    events = []
    for n, (when, start, end, precision) in enumerate(spans):
        at = body.index(when)
        sentence = article.sentence_at(at).index
        events.append(TimelineEvent("d", f"d-E{n}", start, end, precision, when, "", "", "", "", body,
                                    span_start=at, span_end=at + len(when), sentence=sentence))
    return article, StoryDays(article, events)


@pytest.mark.parametrize(("body", "spans", "count", "expected"), [
    # the day someone spoke is no day of the count
    ("Twelve people were killed, police said on Tuesday.", [("on Tuesday", D(2025, 5, 6), D(2025, 5, 6), "day")],
     "Twelve people", (None, "")),
    # the next morning after the day told before, in the count's clause
    ("Soldiers detained nine men on Wednesday and five were released the next morning.",
     [("on Wednesday", D(2025, 5, 7), D(2025, 5, 7), "day")], "five", (D(2025, 5, 8), "day")),
    ("Soldiers detained nine men on Wednesday and five were released the next morning.",
     [("on Wednesday", D(2025, 5, 7), D(2025, 5, 7), "day")], "nine men", (D(2025, 5, 7), "day")),
])
def test_the_day_of_a_count(body, spans, count, expected):
    article, days = _days(body, spans)
    at = body.index(count)
    assert days.day(article.sentence_at(at), at) == expected


@pytest.mark.parametrize(("body", "spans", "counted", "expected"), [
    # the sentence right after a dated attack, across a paragraph break
    ("Rebels shelled the depot on Tuesday.\n\nTwo guards were killed.",
     [("on Tuesday", D(2025, 5, 6), D(2025, 5, 6), "day")], True, D(2025, 5, 6)),
    # not for a count without a figure or a verb, and not two paragraphs on
    ("Rebels shelled the depot on Tuesday.\n\nTwo guards were killed.",
     [("on Tuesday", D(2025, 5, 6), D(2025, 5, 6), "day")], False, None),
    ("Rebels shelled the depot on Tuesday.\n\nIt was old.\n\nTwo guards were killed.",
     [("on Tuesday", D(2025, 5, 6), D(2025, 5, 6), "day")], True, None),
    # within a paragraph, past a sentence that tells no date
    ("Rebels shelled the depot on Tuesday. The roof fell. Two guards were killed.",
     [("on Tuesday", D(2025, 5, 6), D(2025, 5, 6), "day")], True, D(2025, 5, 6)),
])
def test_the_day_carried_to_a_count(body, spans, counted, expected):
    article, days = _days(body, spans)
    sentence = article.sentence_at(body.index("Two guards"))
    assert days.carried_day(sentence, {}, counted) == expected


def test_a_month_carried_within_the_paragraph():
    body = "The militia arrived in the valley in August 2014. Its men drove 90 villagers away."
    article, days = _days(body, [("in August 2014", D(2014, 8, 1), D(2014, 8, 31), "month")])
    assert days.carried_month(article.sentences[1]) == (D(2014, 8, 1), "month")

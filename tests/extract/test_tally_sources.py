"""Whose word a count rests on by its sentence's grammar, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from conflictbook.article import Article
from conflictbook.extract.tally_sources import (
    dates_the_saying,
    reproduced_statements,
    said_after,
    said_before,
    without_asides,
)


def _sentence(body: str):
    article = Article.build("s", body, published=date(2025, 3, 14), outlet="Meridian Wire")
    return article, article.sentences[0]


@pytest.mark.parametrize(("body", "count", "expected"), [
    ("Villagers we reached by phone said many young men were taken away.", "many young men", "Villagers"),
    ("A militia commander acknowledged the raid but told us three of his men died.", "three", "militia commander"),
    ("The monitors' group, which keeps a register, says 40 men remain missing.", "40 men", "monitors' group"),
    # a participle is no speech verb, and a count before the verb is not in what was said
    ("Under the deal announced by mediators, 60 detainees were freed.", "60 detainees", None),
    ("Twelve people were killed in the raid, officials said.", "Twelve people", None),
])
def test_said_before(body, count, expected):
    article, sentence = _sentence(body)
    found = said_before(article, sentence, [], body.index(count))
    assert (found.speaker if found else None) == expected


@pytest.mark.parametrize(("body", "count", "expected"), [
    ("A shell killed six people, the rebels said at the time; the army denied it.", "six people", "rebels"),
    ("Six people were killed, officials said on Monday.", "Six people", "officials"),
    # "said that": what they said comes after
    ("Six people were killed, and officials said that the road was closed.", "Six people", None),
])
def test_said_after(body, count, expected):
    article, sentence = _sentence(body)
    found = said_after(article, sentence, [], body.index(count) + len(count))
    assert (found.speaker if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Three of them, the group said, were moved.", "Three of them                  were moved."),
    ("Five people were killed, police said.", "Five people were killed, police said."),
])
def test_without_asides_keeps_offsets(text, expected):
    assert without_asides(text) == expected
    assert len(without_asides(text)) == len(text)


@pytest.mark.parametrize(("body", "when", "expected"), [
    ("The ministry on Thursday said its forces had killed 38 militants.", "on Thursday", True),
    ("Twelve people were killed, police said on Tuesday.", "on Tuesday", True),
    ("Medics told reporters on Monday that 30 people had been wounded.", "on Monday", True),
    ("In a statement issued on Tuesday evening, the army said 17 rebels were killed.", "on Tuesday evening", True),
    ("The army said it attacked on Monday.", "on Monday", False),
    ("Police said five people were killed on Monday.", "on Monday", False),
    ("One man who was detained between May and October said he was beaten.", "between May and October", False),
])
def test_dates_the_saying(body, when, expected):
    _, sentence = _sentence(body)
    start = body.index(when)
    assert dates_the_saying(sentence, start, start + len(when)) is expected


def test_a_statement_reproduced_after_said_colon():
    body = ('The ministry\'s statement, which was read on television, said:\n\n"Our units cleared the hills.\n\n'
            'Twenty terrorists were neutralised."\n\nRebels denied it.')
    article = Article.build("s", body, published=date(2025, 3, 14), outlet="Meridian Wire")
    (start, end, speaker), = reproduced_statements(article, [])
    assert speaker.speaker == "ministry"
    assert article.text[start:end] == "Our units cleared the hills.\n\nTwenty terrorists were neutralised."

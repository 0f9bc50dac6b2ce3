"""Timeline rows: one per dated mention, with a short clause, actors, place, source and evidence."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conflictbook.article import Article
from conflictbook.extract.timeline import describe, extract_timeline, location_in
from conflictbook.records import Claim

PUB = date(2024, 3, 15)  # a Friday


def build(body: str, title: str = "", published=PUB, outlet="Meridian Wire") -> Article:
    return Article.build("art", body, title=title, published=published, outlet=outlet)


def test_one_row_per_dated_mention_with_ids_and_evidence():
    body = ("Russian forces shelled the port on Tuesday. Two days later ISIS fighters attacked a "
            "checkpoint near Rakka on 14 March.\n\nThe town had been quiet since 2019.")
    events = extract_timeline(build(body), [])
    assert [e.when_text for e in events] == ["on Tuesday", "Two days later", "on 14 March", "since 2019"]
    assert [e.event_id for e in events] == ["art-t1", "art-t2", "art-t3", "art-t4"]
    assert events[1].start == date(2024, 3, 14)
    article = build(body)
    for event in events:
        assert event.evidence in body
        assert article.text[event.span_start:event.span_end] == event.when_text
        assert article.sentences[event.sentence].text == event.evidence


def test_time_inside_until_is_one_row():
    events = extract_timeline(build("Shelling continued until the afternoon of March 12 near the border."), [])
    assert [(e.when_text, e.start, e.precision) for e in events] == [
        ("until the afternoon of March 12", date(2024, 3, 12), "hour")]


def test_headline_rows_allowed():
    events = extract_timeline(build("Police said nothing.", title="Gunmen kill five on Sunday"), [])
    assert [e.when_text for e in events] == ["on Sunday"]
    assert events[0].start == date(2024, 3, 10)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Militants stormed the village of Kora on Tuesday and burned twenty houses.",
     "Militants stormed the village of Kora and burned twenty houses"),
    ("On 2015, a local group declared allegiance to the movement.",
     "a local group declared allegiance to the movement"),
    ("The army, which had surrounded the town for weeks, withdrew on 3 March.",
     "The army withdrew"),
    ("Officials said that the talks, held in the capital on Monday, had failed after a long night.",
     "held in the capital"),
])
def test_what_is_the_clause_without_the_date(sentence, expected):
    event = extract_timeline(build(sentence), [])[0]
    assert event.what == expected
    assert len(event.what.split()) <= 12


def test_what_is_cut_to_twelve_words():
    sentence = ("On Monday one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen words followed.")
    assert len(describe(sentence, 0, 9).split()) == 12


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunmen attacked a checkpoint near Rakka on Tuesday.", "Rakka"),
    ("Five people died in Port Harcourt on Monday.", "Port Harcourt"),
    ("Two leaders were killed at Camp 13 late on Saturday.", "Camp 13"),
    ("On Monday the convoy left for the north.", ""),
    ("Protests spread across Nigeria on Monday.", "Nigeria"),
    ("He was born in April 1977 in a village.", ""),
    ("Two men were killed in Iraq’s north on Sunday.", "Iraq"),
])
def test_location(sentence, expected):
    assert extract_timeline(build(sentence), [])[0].location == expected


def test_location_skips_months_and_weekdays():
    text = "The siege ended in March."
    assert location_in(text, text.index("in March")) == ""


def test_lowercase_word_is_not_an_acronym_actor():
    event = extract_timeline(build("The town is quiet since Russian forces left on Tuesday."), [])[0]
    assert event.actors == "Russian armed forces"


def test_actors_are_canonical_names():
    event = extract_timeline(build("ISIS fighters and Russian forces clashed on Tuesday."), [])[0]
    assert event.actors == "Islamic State; Russian armed forces"


def test_source_is_the_speaker_of_the_claim_holding_the_date():
    body = "A commander said fighters attacked the base on Tuesday. The town fell on Wednesday."
    start = body.index("fighters")
    end = body.index(". The town")
    claim = Claim("art", "art-c1", "Ali Hassan", "commander", "person", "", "said", "indirect",
                  body[start:end], body[:end + 1], span_start=start, span_end=end, sentence=0,
                  cue_start=body.index("said"), cue_end=body.index("said") + 4)
    events = extract_timeline(build(body), [claim])
    assert [(e.when_text, e.source) for e in events] == [("on Tuesday", "Ali Hassan"),
                                                         ("on Wednesday", "Meridian Wire")]


def test_unknown_outlet_is_article():
    assert extract_timeline(build("The town fell on Wednesday.", outlet=""), [])[0].source == "article"


def test_undated_article_keeps_relative_rows_unresolved():
    events = extract_timeline(build("The town fell on Wednesday, five years after the 2019 truce began in 2019.",
                                    published=None), [])
    assert [(e.when_text, e.start, e.precision) for e in events] == [
        ("on Wednesday", None, "day"), ("in 2019", date(2019, 1, 1), "year")]


def test_no_dates_no_rows():
    assert extract_timeline(build("Nobody knows how many people died. 1,000 houses burned."), []) == []


def test_reference_articles_have_no_date_after_publication(shared):
    from conflictbook.ingest import iter_inputs

    articles = [a for a in iter_inputs([shared / "seeds", shared / "articles"]) if isinstance(a, Article)]
    assert len(articles) >= 3
    for article in articles:
        for event in extract_timeline(article, []):
            if event.start is not None:
                assert event.start <= article.publication_date, event


SAMPLE_DATES = [
    # (article id prefix, when_text contains, start, end) — ground truth of data/sample/README.md
    ("valdoria-2025-01-03-veska", "December 28th", date(2024, 12, 28), date(2024, 12, 28)),
    ("valdoria-2025-01-03-veska", "on Tuesday", date(2024, 12, 31), date(2024, 12, 31)),
    ("valdoria-2025-01-03-veska", "early 2019", date(2019, 1, 1), date(2019, 4, 30)),
    ("valdoria-2025-01-03-veska", "since late last year", date(2024, 9, 1), date(2025, 1, 3)),
    ("valdoria-2025-03-10-halden-cross-meridian", "Yesterday", date(2025, 3, 9), date(2025, 3, 9)),
    ("valdoria-2025-03-10-halden-cross-meridian", "Monday 3 March", date(2025, 3, 3), date(2025, 3, 3)),
    ("valdoria-2025-03-10-halden-cross-meridian", "previous ten days", date(2025, 2, 28), date(2025, 3, 10)),
    ("valdoria-2025-03-11-halden-cross-harbor", "yesterday", date(2025, 3, 9), date(2025, 3, 9)),
    ("valdoria-2025-03-17-brenvik", "yesterday", date(2025, 3, 14), date(2025, 3, 14)),
    ("valdoria-2025-03-17-brenvik", "since Tuesday", date(2025, 3, 11), date(2025, 3, 17)),
    ("radio-kestrel-2025-03-15-brenvik", "3 o’clock on 14 March", date(2025, 3, 14), date(2025, 3, 14)),
    ("radio-kestrel-2025-04-03-exchange", "This afternoon", date(2025, 4, 2), date(2025, 4, 2)),
    ("radio-kestrel-2025-04-03-exchange", "on Monday", date(2025, 3, 31), date(2025, 3, 31)),
    ("ep-2024-07-18-marrach-toll", "yesterday", date(2024, 7, 16), date(2024, 7, 16)),
    ("mw-2024-07-16-marrach-camp", "late on Monday", date(2024, 7, 15), date(2024, 7, 15)),
    ("rk-2024-08-30-aid-workers-freed", "between June and August", date(2024, 6, 1), date(2024, 8, 30)),
    ("hg-2025-05-08-mirsk-evacuation", "from 3 to 7 May", date(2025, 5, 3), date(2025, 5, 7)),
]


@pytest.fixture(scope="module")
def sample_timeline(sample):
    from conflictbook.ingest import iter_inputs

    articles = [a for a in iter_inputs([sample], warn=lambda _: None) if isinstance(a, Article)]
    if not articles:
        pytest.skip(f"no sample articles in {sample}")
    return {a.article_id: (a, extract_timeline(a, [])) for a in articles}


@pytest.mark.parametrize(("article", "when", "start", "end"), SAMPLE_DATES)
def test_sample_corpus_dates(sample_timeline, article, when, start, end):
    rows = [e for aid, (_, events) in sample_timeline.items() if aid.startswith(article) for e in events
            if when in e.when_text]
    assert rows, f"no row with {when!r} in {article}"
    assert (rows[0].start, rows[0].end) == (start, end)


def test_sample_corpus_no_past_date_after_publication(sample_timeline):
    for article, events in sample_timeline.values():
        for event in events:
            ahead = "next" in event.when_text or re.search(r"\b(?:will|before the end of|by the end of)\b",
                                                            event.evidence)
            if event.start is not None and not ahead:  # "next month", "before the end of May": the text says so
                assert event.start <= article.publication_date, event


@pytest.mark.parametrize(("body", "expected"), [
    # the night of a weekday with its day of the month in brackets is one row, not a stray weekday row
    ("A baker was shot in the night of this Wednesday (13), in the lower town. He died at around 23h10.",
     [("in the night of this Wednesday (13)", date(2024, 3, 13), "hour"),
      ("at around 23h10", date(2024, 3, 13), "hour")]),
    # a clock time joins the story day after it ("at dawn, the following morning")
    ("Troops entered the camp on 11 March. They left at dawn, the following morning.",
     [("on 11 March", date(2024, 3, 11), "day"), ("at dawn, the following morning", date(2024, 3, 12), "hour")]),
])
def test_times_of_day_are_rows_on_the_story_day(body, expected):
    events = extract_timeline(build(body), [])
    assert [(e.when_text, e.start, e.precision) for e in events] == expected

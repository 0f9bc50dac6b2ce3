"""Tally summary: events, each source's latest figure with its history, conservative best."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conflictbook.records import Tally
from conflictbook.summary import SUMMARY_COLUMNS, tally_summary
from conflictbook.tables import frame


def row(article, category, victims, best, source, *, low=None, high=None, status="reported", day=None,
        text=None, evidence=None, revises=None):
    low = best if low is None else low
    high = best if high is None else high
    text = text or f"{best} {victims}"
    return Tally(article, f"{article}-{text}", category, victims, "", low, best, high, text, status, day, "",
                 source, evidence or f"{text} were {category}.", revises)


def summary(*rows) -> pd.DataFrame:
    return tally_summary(frame("tallies", rows))


def test_repeated_mention_without_figure_is_counted_once():
    out = summary(row("a", "hostage", "female hostages", 36, "Wire", text="thirty-six female hostages"),
                  row("a", "hostage", "female hostages", None, "Wire", text="the female hostages"))
    assert len(out) == 1
    first = out.iloc[0]
    assert (first["best"], first["mentions"], first["history"]) == (36, 2, "36")


def test_toll_update_keeps_latest_figure_and_history():
    out = summary(row("a", "killed", "people", 17, "Post", day=date(2024, 7, 16)),
                  row("b", "killed", "people", 23, "Post", day=date(2024, 7, 16), revises=17))
    assert len(out) == 1
    assert (out.iloc[0]["best"], out.iloc[0]["history"]) == (23, "17 \u2192 23")


def test_sources_side_by_side_with_range_and_conservative_best():
    out = summary(row("a", "killed", "people", 19, "Gazette", day=date(2025, 3, 9)),
                  row("b", "killed", "people", 12, "Wire", low=12, high=None, day=date(2025, 3, 9)),
                  row("c", "killed", "people", 23, "Kestrel", day=date(2025, 3, 9)))
    assert sorted(out["source"]) == ["Gazette", "Kestrel", "Wire"]
    assert set(out["event_best"]) == {12}
    assert set(out["event_low"]) == {12} and set(out["event_high"]) == {23}
    assert set(out["n_sources"]) == {3}


def test_denial_is_shown_but_does_not_lower_the_event():
    out = summary(row("a", "captured", "fighters", 12, "Kestrel", low=12, high=99),
                  row("b", "captured", "fighters", 0, "Post", status="denied"))
    assert set(out["event_best"]) == {12}
    assert out.set_index("source").loc["Post", "best"] == 0


def test_republished_wire_story_is_one_mention():
    same = "At least 17 people were killed in the camp."
    out = summary(row("mw", "killed", "people", 17, "Meridian Wire", evidence=same, text="At least 17 people"),
                  row("lo", "killed", "people", 17, "Lusmar Observer", evidence=same, text="At least 17 people"))
    assert len(out) == 1
    assert (out.iloc[0]["source"], out.iloc[0]["also_in"]) == ("Meridian Wire", "Lusmar Observer")


def test_undated_row_joins_its_lone_dated_twin_and_distinct_days_stay_apart():
    out = summary(row("a", "killed", "villagers", 5, "Wire", day=date(2022, 9, 25)),
                  row("b", "killed", "villagers", 6, "Post"),
                  row("c", "killed", "villagers", 40, "Post", day=date(2022, 10, 3)))
    assert out["event"].nunique() == 3  # two dated events: the undated row cannot tell which, so it stays apart


def test_undated_row_joins_the_only_dated_event():
    out = summary(row("a", "killed", "villagers", 5, "Wire", day=date(2022, 9, 25)),
                  row("b", "killed", "villagers", 6, "Post"))
    assert out["event"].nunique() == 1
    assert set(out["event_best"]) == {5}


def test_empty_and_malformed_inputs():
    assert list(tally_summary(pd.DataFrame()).columns) == SUMMARY_COLUMNS
    with pytest.raises(ValueError, match="missing columns"):
        tally_summary(pd.DataFrame({"category": ["killed"]}))


def test_book_tally_summary_on_the_sample_corpus(sample):
    import conflictbook

    if not sample.is_dir():
        pytest.skip("data/sample is absent")
    book = conflictbook.read([str(sample)])
    out = book.tally_summary()
    assert list(out.columns) == SUMMARY_COLUMNS
    assert not out.empty and out["source"].nunique() >= 3
    assert out["best"].dtype == "Int64"


def test_toll_update_on_a_later_day_joins_the_series_it_revises():
    out = summary(row("mw", "killed", "people", 17, "Wire", day=date(2024, 7, 15)),
                  row("ep", "killed", "death toll", 23, "Post", day=date(2024, 7, 18), revises=17,
                      text="23", evidence="The death toll rose to 23, updating a previous toll of 17."),
                  row("ep", "killed", "death toll", 23, "Post", day=date(2024, 7, 18), text="23",
                      evidence="Death toll rises to 23"))
    assert out["event"].nunique() == 1
    post = out.set_index("source").loc["Post"]
    assert (post["best"], post["mentions"]) == (23, 2)
    assert set(out["event_high"]) == {23} and set(out["event_best"]) == {23}  # 17 was revised, not disputed


def test_running_total_is_not_merged_with_an_incident():
    incident = row("a", "killed", "civilians", 6, "Wire", day=date(2025, 3, 9))
    total = row("a", "killed", "civilians", 340, "Wire", text="340 civilians since January")
    total.scope = "cumulative"
    out = summary(incident, total)
    assert len(out) == 2
    assert sorted(out["best"]) == [6, 340]
    assert any("running total" in e for e in out["event"])

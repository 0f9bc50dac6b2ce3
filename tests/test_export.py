"""events.csv: draft ACLED / UCDP GED coding sheets, validated against those datasets' column sets."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conflictbook.book import Book
from conflictbook.cli import main
from conflictbook.export import (
    ACLED_COLUMNS,
    UCDP_COLUMNS,
    acled_precision,
    acled_typology,
    classify,
    deaths,
    events_frame,
    group_events,
    ucdp_precision,
    write_events,
)
from conflictbook.records import Tally
from tests.reportbook import fake_book

# The columns of ACLED's and UCDP GED's own exports that a draft row fills in.
ACLED_REQUIRED = {"event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
                  "fatalities", "notes", "source"}
UCDP_REQUIRED = {"date_start", "date_end", "date_prec", "side_a", "side_b", "best", "low", "high", "source_article"}
EVIDENCE = {"article_id", "evidence"}
ACLED_EVENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests",
                     "Strategic developments"}


def validate_acled(df: pd.DataFrame) -> None:
    assert set(df.columns) >= ACLED_REQUIRED | EVIDENCE
    typology = acled_typology()
    for row in df.itertuples():
        assert row.event_type in ACLED_EVENT_TYPES
        assert row.sub_event_type in typology[row.event_type]
        if row.event_date:
            date.fromisoformat(row.event_date)
            assert row.time_precision in (1, 2, 3)
        assert pd.isna(row.fatalities) or row.fatalities >= 0
        assert row.evidence and row.article_id


def validate_ucdp(df: pd.DataFrame) -> None:
    assert set(df.columns) >= UCDP_REQUIRED | EVIDENCE
    for row in df.itertuples():
        if row.date_start:
            assert date.fromisoformat(row.date_start) <= date.fromisoformat(row.date_end)
            assert row.date_prec in (1, 2, 3, 4, 5)
        if not pd.isna(row.best):
            assert row.low <= row.best and (pd.isna(row.high) or row.best <= row.high)
        assert row.evidence and row.article_id


def test_acled_typology_is_acleds():
    typology = acled_typology()
    assert set(typology) == ACLED_EVENT_TYPES
    assert "Air/drone strike" in typology["Explosions/Remote violence"]
    assert "Abduction/forced disappearance" in typology["Violence against civilians"]
    assert sum(len(v) for v in typology.values()) == 25


@pytest.mark.parametrize(
    ("text", "categories", "expected"),
    [
        ("Warplanes struck the market at dawn.", [], ("Explosions/Remote violence", "Air/drone strike")),
        ("A drone strike hit a convoy.", [], ("Explosions/Remote violence", "Air/drone strike")),
        ("Rebels shelled the town overnight.", ["killed"], ("Explosions/Remote violence",
                                                            "Shelling/artillery/missile attack")),
        ("A roadside bomb hit a bus.", [], ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("A suicide bomber blew himself up at a checkpoint.", [], ("Explosions/Remote violence", "Suicide bomb")),
        ("Gunmen kidnapped 30 pupils from a school.", [], ("Violence against civilians",
                                                          "Abduction/forced disappearance")),
        ("Troops and insurgents clashed near the bridge.", [], ("Battles", "Armed clash")),
        ("The army recaptured the airport.", [], ("Battles", "Government regains territory")),
        ("Militants overran the garrison.", [], ("Battles", "Non-state actor overtakes territory")),
        ("Police arrested 12 students.", [], ("Strategic developments", "Arrests")),
        ("The two sides agreed a ceasefire.", [], ("Strategic developments", "Agreement")),
        ("Hundreds of people protested in the square.", [], ("Protests", "Peaceful protest")),
        ("Police used tear gas on demonstrators.", [], ("Protests", "Protest with intervention")),
        ("Rioters set cars alight.", [], ("Riots", "Violent demonstration")),
        ("Six people died.", ["killed"], ("Battles", "Armed clash")),
        ("The fighters were moved east.", ["relocated"], ("Strategic developments",
                                                          "Non-violent transfer of territory")),
        ("Nothing of note.", [], ("Strategic developments", "Other")),
        # whole words only: "died" is not "IED", "shellfish" is not "shell"
        ("He died eating shellfish.", [], ("Strategic developments", "Other")),
    ],
)
def test_classify(text, categories, expected):
    assert classify(text, categories) == expected


@pytest.mark.parametrize(("days", "acled", "ucdp"), [(1, 1, 1), (2, 2, 2), (6, 2, 2), (7, 2, 3), (8, 3, 4),
                                                     (31, 3, 4), (92, 3, 5), (366, 3, 5), (None, None, None)])
def test_precision_scales(days, acled, ucdp):
    assert acled_precision(days) == acled
    assert ucdp_precision(days) == ucdp


def _tally(victims, low, best, high, status="reported", category="killed"):
    return Tally("a", "T", category, victims, "", low, best, high, "x", status, None, "", "", "e")


@pytest.mark.parametrize(
    ("tallies", "expected"),
    [
        ([], {"low": 0, "best": 0, "high": 0, "conservative": 0}),
        # same victims, two figures: alternatives; the outlet's own figure is best
        ([_tally("civilians", 12, 12, 12), _tally("civilians", 15, 15, None, "claimed")],
         {"low": 12, "best": 12, "high": 15, "conservative": 12}),
        # different victims add up
        ([_tally("soldiers", 3, 3, 3), _tally("civilians", 10, 12, 20, "claimed")],
         {"low": 13, "best": 15, "high": 23, "conservative": 13}),
        # denials, demands and other categories do not count
        ([_tally("soldiers", 0, 0, 0, "denied"), _tally("civilians", 4, 4, 4, category="injured")],
         {"low": 0, "best": 0, "high": 0, "conservative": 0}),
        # killed with no figure: unknown, not zero
        ([_tally("civilians", None, None, None)], {"low": None, "best": None, "high": None, "conservative": None}),
    ],
)
def test_deaths(tallies, expected):
    assert deaths(tallies) == expected


def test_grouping_joins_tallies_to_their_event():
    book = fake_book()
    groups = group_events(book.results[0])
    # E2 (first week of March) starts first; E1 (3 March, Keral) holds T1/T2 (same day and place) and T3 is undated
    assert [[e.event_id for e in g.events] for g in groups] == [["E2"], ["E1"], []]
    assert [[t.tally_id for t in g.tallies] for g in groups] == [[], ["T1", "T2"], ["T3"]]


def test_undated_counts_of_the_same_victims_are_one_event():
    book = fake_book()
    result = book.results[0]
    extra = Tally("keral-1", "T4", "captured", "soldiers", "", 2, 2, 2, "two soldiers", "claimed", None, "", "x",
                  "e", None, -1, -1, 5)
    other = Tally("keral-1", "T5", "injured", "nurses", "", 3, 3, 3, "three nurses", "reported", None, "", "x", "e")
    result.tallies += [extra, other]
    undated = [g for g in group_events(result) if g.start is None]
    assert sorted([t.tally_id for t in g.tallies] for g in undated) == [["T3", "T4"], ["T5"]]


def test_acled_sheet():
    df = events_frame(fake_book(), "acled")
    assert list(df.columns[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    validate_acled(df)
    shelling = df[df["timeline_ids"] == "E1"].iloc[0]
    assert (shelling["event_type"], shelling["sub_event_type"]) == ("Explosions/Remote violence",
                                                                    "Shelling/artillery/missile attack")
    assert (shelling["event_date"], shelling["time_precision"], shelling["fatalities"]) == ("2024-03-03", 1, 12)
    assert shelling["actor1"] == "Northern Front" and shelling["actor2"] == "Civilians"
    assert shelling["location"] == "Keral" and shelling["source"] == "Meridian Wire"
    assert "12 civilians" in shelling["evidence"] and shelling["tally_ids"] == "T1 T2"
    talks = df[df["timeline_ids"] == "E2"].iloc[0]
    assert (talks["event_date"], talks["time_precision"]) == ("2024-03-04", 2)
    assert talks["sub_event_type"] == "Agreement"


def test_ucdp_sheet():
    df = events_frame(fake_book(), "ucdp")
    assert list(df.columns[: len(UCDP_COLUMNS)]) == UCDP_COLUMNS
    validate_ucdp(df)
    shelling = df[(df["article_id"] == "keral-1") & (df["timeline_ids"] == "E1")].iloc[0]
    assert (shelling["date_start"], shelling["date_end"], shelling["date_prec"]) == ("2024-03-03", "2024-03-03", 1)
    assert (shelling["low"], shelling["best"], shelling["high"]) == (12, 12, 15)
    assert shelling["type_of_violence"] == 3 and shelling["side_b"] == "Civilians"
    assert shelling["source_article"] == 'Meridian Wire, 2024-03-05, "Shelling Kills Villagers in Keral"'
    talks = df[df["timeline_ids"] == "E2"].iloc[0]
    assert (talks["date_start"], talks["date_end"], talks["date_prec"]) == ("2024-03-01", "2024-03-07", 3)
    clash = df[df["article_id"] == "keral-2"].iloc[0]
    assert (clash["side_a"], clash["side_b"], clash["best"]) == ("Rebels", "army", 20)


@pytest.mark.parametrize("fmt", ["acled", "ucdp"])
def test_empty_book_gives_header_only(fmt, tmp_path):
    path = write_events(Book(), tmp_path, fmt)
    df = pd.read_csv(path)
    assert df.empty and set(ACLED_REQUIRED if fmt == "acled" else UCDP_REQUIRED) <= set(df.columns)


def test_unknown_format_fails_loudly():
    with pytest.raises(ValueError, match="acled, ucdp"):
        events_frame(fake_book(), "gdelt")


@pytest.mark.parametrize(("fmt", "validate"), [("acled", validate_acled), ("ucdp", validate_ucdp)])
def test_cli_extract_writes_events(fmt, validate, sample, tmp_path):
    inputs = sample if sample.is_dir() else None
    if inputs is None:
        inputs = tmp_path / "a.txt"
        inputs.write_text("Clashes\n\n12 March 2024\n\nTroops clashed with rebels on Monday, killing 4 fighters.\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out), "--quiet", "--events", fmt]) in (0, 1)
    df = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    for col in ("time_precision", "date_prec", "best", "low", "high", "fatalities"):
        if col in df.columns:
            df[col] = pd.array([int(v) if v else None for v in df[col]], dtype="Int64")
    validate(df)


def test_cli_rejects_unknown_events_format(tmp_path):
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--events", "gdelt"]) == 2

"""Records to typed DataFrames and CSV text: nullable counts, datetimes, ISO dates as given."""

from datetime import UTC, date, datetime

from conflictbook.records import ArticleRow, Tally, TimelineEvent
from conflictbook.tables import SPEC_COLUMNS, columns_of, csv_frame, frame


def tally(best, low=None, high=None):
    return Tally("a", "a-n1", "killed", "civilians", "", low, best, high, "12 civilians", "reported",
                 date(2025, 3, 1), "Arlo", "Meridian Wire", "12 civilians were killed.")


def test_columns_start_with_spec_order():
    for table, spec in SPEC_COLUMNS.items():
        assert columns_of(table)[: len(spec)] == spec
    assert "revises" in columns_of("tallies")


def test_counts_are_nullable_integers():
    df = frame("tallies", [tally(12, 12, 12), tally(None)])
    assert str(df["best"].dtype) == "Int64"
    assert df["best"].isna().tolist() == [False, True]
    assert str(df["date"].dtype).startswith("datetime64")


def test_empty_tables_keep_their_columns():
    df = frame("claims", [])
    assert list(df.columns[:10]) == SPEC_COLUMNS["claims"] and df.empty


def test_csv_text_keeps_dates_as_dates_and_timestamps_with_offsets():
    events = [TimelineEvent("a", "a-t1", date(2025, 3, 1), date(2025, 3, 1), "day", "on Saturday", "", "", "", "x",
                            "e"),
              TimelineEvent("a", "a-t2", datetime(2025, 3, 2, 12, tzinfo=UTC), date(2025, 3, 2), "hour",
                            "at noon", "", "", "", "x", "e"),
              TimelineEvent("a", "a-t3", None, None, "day", "yesterday", "", "", "", "x", "e")]
    text = csv_frame("timeline", events)
    assert list(text["start"]) == ["2025-03-01", "2025-03-02T12:00:00+00:00", ""]
    typed = frame("timeline", events)
    assert typed["start"].isna().tolist() == [False, False, True]


def test_published_is_utc_timestamp():
    rows = [ArticleRow("a", "t", "o", "", datetime(2025, 3, 1, 9, tzinfo=UTC), "", "p", 3),
            ArticleRow("b", "t", "o", "", date(2025, 3, 2), "", "p", 3),
            ArticleRow("c", "t", "o", "", None, "", "p", 3)]
    df = frame("articles", rows)
    assert str(df["published"].dtype) == "datetime64[us, UTC]" or str(df["published"].dtype).endswith("UTC]")
    assert df["published"].isna().tolist() == [False, False, True]


def test_rows_read_the_record_fields_as_asdict_would():
    """Tables read record fields without deep copies; the cells are what ``dataclasses.asdict`` gives."""
    from dataclasses import asdict

    from conflictbook.records import Claim

    claim = Claim("a", "a-c1", "Ana Brel", "spokeswoman", "person", "", "said", "indirect", "the road is open",
                  "Ana Brel said the road is open.", sentence=2, sentences=(2, 3))
    for table, record in (("tallies", tally(12, 12, 12)), ("claims", claim)):
        expected = {k: v for k, v in asdict(record).items() if k in columns_of(table)}
        assert csv_frame(table, [record]).iloc[0].to_dict() == {
            k: ("" if v is None else v.isoformat() if isinstance(v, date) else str(v)) for k, v in expected.items()}

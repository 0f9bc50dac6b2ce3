"""Publication-date stamps: strict recognition, UTC timestamps, dates stay dates."""

from datetime import UTC, date, datetime

import pytest

from conflictbook.ingest.stamps import find_trailing_stamp, looks_like_stamp, parse_metadata_date, parse_stamp

UTC = UTC


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tue, 11 Mar 2025 07:40 GMT", datetime(2025, 3, 11, 7, 40, tzinfo=UTC)),
        ("Mon, 02 Dec 2024 23:05 UTC", datetime(2024, 12, 2, 23, 5, tzinfo=UTC)),
        ("14 March 2025", date(2025, 3, 14)),
        ("March 14, 2025", date(2025, 3, 14)),
        ("2025-03-14", date(2025, 3, 14)),
        ("2025-03-14T09:30:00+02:00", datetime(2025, 3, 14, 7, 30, tzinfo=UTC)),
        ("2025-03-14T09:30:00Z", datetime(2025, 3, 14, 9, 30, tzinfo=UTC)),
        ("2025-03-14 09:30", datetime(2025, 3, 14, 9, 30, tzinfo=UTC)),
        ("Updated: 3 Jan 2026 | 18:12 GMT", datetime(2026, 1, 3, 18, 12, tzinfo=UTC)),
        ("Friday 29 February 2024", date(2024, 2, 29)),
    ],
)
def test_parse_stamp(line, expected):
    assert parse_stamp(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "May Day rally turns violent",
        "Rebels Seize 40 Soldiers in March Offensive",
        "Harbor City",
        "By Jane Doe",
        "",
        "The 2024 ceasefire collapsed on Sunday after talks failed in the capital.",
    ],
)
def test_non_stamps_are_refused(line):
    assert not looks_like_stamp(line)
    assert parse_stamp(line) is None


def test_invalid_calendar_date_is_not_invented():
    assert parse_stamp("31 February 2025") is None


@pytest.mark.parametrize(
    ("line", "head", "stamp"),
    [
        ("By Eastgate Post 12 March 2025", "By Eastgate Post", date(2025, 3, 12)),
        ("By The Harbor Gazette", "By The Harbor Gazette", None),
        ("Meridian Wire, 4 April 2025 10:15 GMT", "Meridian Wire", datetime(2025, 4, 4, 10, 15, tzinfo=UTC)),
    ],
)
def test_find_trailing_stamp(line, head, stamp):
    assert find_trailing_stamp(line) == (head, stamp)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-01", date(2025, 6, 1)),
        ("2025-06-01T12:00:00+00:00", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        ("June 1, 2025", date(2025, 6, 1)),
        ("", None),
        ("not a date at all", None),
    ],
)
def test_parse_metadata_date(value, expected):
    assert parse_metadata_date(value) == expected

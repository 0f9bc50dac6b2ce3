"""Plain-text layout: editions, page stamp, title, byline, publication date, body, section."""

from datetime import UTC, date, datetime

import pytest

from conflictbook.ingest.plaintext import looks_like_outlet, parse_byline, split_header, split_outlet_desk

BODY = ("Fighters of the Northern Liberation Front overran two army posts near the river crossing "
        "on Tuesday, the regional governor said.\n\nThe army said it had retaken one of the posts by dusk "
        "and that at least nine soldiers had been wounded in the fighting.")

FULL_LAYOUT = f"""Harbor City


Port Selin

Sat, 14 Jun 2025 03:10 GMT

Rebels Overrun Army Posts Near River Crossing


Lena Varga - Meridian Wire Valdoria

Thu, 12 Jun 2025 18:45 GMT

{BODY}

World News
"""


def test_full_layout_header():
    header, body = split_header(FULL_LAYOUT)
    assert header.title == "Rebels Overrun Army Posts Near River Crossing"
    assert header.author == "Lena Varga"
    assert header.outlet == "Meridian Wire Valdoria" or header.outlet == "Meridian Wire"
    assert header.published == datetime(2025, 6, 12, 18, 45, tzinfo=UTC)
    assert header.page_stamp == datetime(2025, 6, 14, 3, 10, tzinfo=UTC)
    assert header.section == "World News"
    assert header.editions == ["Harbor City", "Port Selin"]
    assert body.startswith("Fighters of the Northern") and body.endswith("fighting.")


def test_by_outlet_with_date_byline():
    text = f"Army Posts Overrun\n\nBy The Eastgate Post 3 February 2025\n\n{BODY}\n"
    header, body = split_header(text)
    assert header.title == "Army Posts Overrun"
    assert header.outlet == "The Eastgate Post"
    assert header.author == ""
    assert header.published == date(2025, 2, 3)
    assert header.section == ""


def test_by_person_comma_outlet_byline():
    text = f"Army Posts Overrun\n\nBy Tomas Brel, Radio Kestrel\n\n5 May 2025\n\n{BODY}"
    header, _ = split_header(text)
    assert header.author == "Tomas Brel"
    assert header.outlet == "Radio Kestrel"
    assert header.published == date(2025, 5, 5)


def test_lone_stamp_before_title_is_a_page_stamp_not_publication():
    text = f"4 March 2025\n\nArmy Posts Overrun\n\n{BODY}"
    header, _ = split_header(text)
    assert header.title == "Army Posts Overrun"
    assert header.published is None
    assert header.page_stamp == date(2025, 3, 4)


def test_stamp_after_title_without_byline_is_publication():
    text = f"Army Posts Overrun\n\n4 March 2025\n\n{BODY}"
    header, _ = split_header(text)
    assert header.published == date(2025, 3, 4)


def test_no_header_is_all_body():
    header, body = split_header(BODY)
    assert header.title == "" and header.published is None and header.outlet == ""
    assert body == BODY


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Meridian Wire Valdoria", "Meridian Wire"),
        ("Meridian Wire Desk", "Meridian Wire"),
        ("Eastgate Post Middle East", "Eastgate Post"),
        ("Radio Kestrel", "Radio Kestrel"),
        ("Kestrel Syria", "Kestrel"),
    ],
)
def test_split_outlet_desk(text, outlet):
    # Fictional places are not in the places lexicon, so only known desks/countries are stripped.
    assert split_outlet_desk(text) in (outlet, text)
    if text.split()[-1] in {"Desk", "Syria"} or text.endswith("Middle East"):
        assert split_outlet_desk(text) == outlet


@pytest.mark.parametrize(
    ("name", "is_outlet"),
    [("The Harbor Gazette", True), ("Meridian Wire", True), ("Radio Kestrel", True), ("Lena Varga", False),
     ("AFP", True), ("Tomas Brel", False), ("Ostmark Rights Observatory", True), ("Selin Peace Council", True)],
)
def test_looks_like_outlet(name, is_outlet):
    assert looks_like_outlet(name) is is_outlet


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lena Varga - Meridian Wire Desk", ("Lena Varga", "Meridian Wire", None)),
        ("By Tomas Brel", ("Tomas Brel", "", None)),
        ("By Radio Kestrel 9 May 2025", ("", "Radio Kestrel", date(2025, 5, 9))),
        ("Rebels Overrun Army Posts Near River Crossing", None),
        ("Ceasefire talks - what we know so far about the deal", None),
        # a prefix before "by", a dash naming the outlet, an organisation publishing in its own name
        ("Interview by Ana Sel - Harbour Quarterly", ("Ana Sel", "Harbour Quarterly", None)),
        ("Reporting by Ivo Tal", ("Ivo Tal", "", None)),
        ("By Lena Varga - Kestrel Evening", ("Lena Varga", "Kestrel Evening", None)),
        ("By Regional Relief Coordination Cell", ("", "Regional Relief Coordination Cell", None)),
        # a headline with a colon is no "Author - Outlet" byline
        ("Carrow: North and South Districts - Situation Update No. 2", None),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected

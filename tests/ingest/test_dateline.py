"""Wire datelines fill an unknown outlet."""

import pytest

from conflictbook.ingest.dateline import dateline_outlet


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("PORT SELIN, Valdoria (Meridian Wire) — Shelling resumed on Sunday.", "Meridian Wire"),
        ("ARLO (Radio Kestrel) - Two soldiers were killed.", "Radio Kestrel"),
        ("HALDEN CROSS, Valdoria (EP) \u2013 Rebels said on Monday they had withdrawn.", "EP"),
        ("Shelling resumed on Sunday (local time) — officials said.", ""),
        ("ARLO, Valdoria (12 May) — Troops moved in.", ""),
        ("The army (which denies it) — and the rebels — traded fire.", ""),
    ],
)
def test_dateline_outlet(body, outlet):
    assert dateline_outlet(body) == outlet

"""Tally chart: builds a Figure from the tallies table or its summary."""

from __future__ import annotations

from datetime import date

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from matplotlib.figure import Figure

from conflictbook.charts.tallies import tally_chart
from conflictbook.records import Tally
from conflictbook.summary import tally_summary
from conflictbook.tables import frame


def _tallies() -> pd.DataFrame:
    rows = [
        Tally("a", "a1", "killed", "people", "", 17, 17, None, "At least 17 people", "reported", date(2024, 7, 15),
              "", "Meridian Wire", "At least 17 people were killed."),
        Tally("b", "b1", "killed", "people", "", 23, 23, 23, "23 people", "reported", date(2024, 7, 15), "",
              "Eastgate Post", "The toll rose to 23 people."),
        Tally("b", "b2", "captured", "fighters", "", 0, 0, 0, "None of our fighters", "denied", None, "",
              "Eastgate Post", "None of our fighters were captured."),
        Tally("c", "c1", "relocated", "commanders", "", 2, None, None, "a number of commanders", "reported", None, "",
              "Radio Kestrel", "A number of commanders were moved."),
        Tally("c", "c2", "displaced", "people", "", 3600, 4000, 4400, "some 4,000 people", "reported", None, "",
              "Radio Kestrel", "Some 4,000 people fled."),
    ]
    return frame("tallies", rows)


@pytest.mark.parametrize("use_summary", [False, True])
def test_chart_from_tallies_or_summary(use_summary):
    df = _tallies()
    fig = tally_chart(tally_summary(df) if use_summary else df)
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 5 and any("Eastgate Post" in label for label in labels)


def test_chart_draws_into_a_given_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert tally_chart(_tallies(), ax=ax) is fig


def test_empty_table_gives_an_empty_figure():
    fig = tally_chart(tally_summary(frame("tallies", [])))
    assert isinstance(fig, Figure)


def test_wrong_table_fails_loudly():
    with pytest.raises(ValueError, match="tally_chart needs"):
        tally_chart(pd.DataFrame({"x": [1]}))


def test_chart_on_the_sample_corpus(sample, tmp_path):
    import conflictbook

    if not sample.is_dir():
        pytest.skip("data/sample is absent")
    fig = tally_chart(conflictbook.read([str(sample)]).tally_summary())
    out = tmp_path / "tallies.png"
    fig.savefig(out)
    assert out.stat().st_size > 1000

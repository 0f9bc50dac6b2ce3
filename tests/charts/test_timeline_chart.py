"""Timeline chart on the Agg backend: one lane per dated event, legend of sources, undated rows skipped."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from datetime import date, timedelta  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conflictbook.charts.timeline import short_label, timeline_chart  # noqa: E402


def frame(n: int, undated: int = 0) -> pd.DataFrame:
    first = date(2020, 1, 1)
    rows = [{"start": first + timedelta(days=3 * i), "end": first + timedelta(days=3 * i + i % 5),
             "when_text": f"day {i}", "what": f"event number {i} happened", "source": f"Outlet {i % 4}"}
            for i in range(n)]
    rows += [{"start": None, "end": None, "when_text": "on Sunday", "what": "x", "source": "Outlet 0"}] * undated
    df = pd.DataFrame(rows)
    df["start"] = pd.to_datetime(df["start"])
    df["end"] = pd.to_datetime(df["end"])
    return df


@pytest.mark.parametrize("n", [1, 10, 200])
def test_one_lane_per_dated_event(n):
    fig = timeline_chart(frame(n, undated=3))
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == n
    assert len(ax.patches) == n
    legend = ax.get_legend()
    assert {t.get_text() for t in legend.get_texts()} == {f"Outlet {i}" for i in range(min(n, 4))}


def test_height_grows_with_events():
    small = timeline_chart(frame(10)).get_size_inches()[1]
    large = timeline_chart(frame(200)).get_size_inches()[1]
    assert large > 4 * small


def test_draws_on_given_axes():
    fig, ax = plt.subplots()
    assert timeline_chart(frame(5), ax=ax) is fig
    plt.close(fig)


def test_all_undated_gives_empty_chart():
    fig = timeline_chart(frame(0, undated=2))
    assert fig.axes[0].texts[0].get_text() == "no dated events"


def test_renders_to_png(tmp_path):
    fig = timeline_chart(frame(12))
    out = tmp_path / "timeline.png"
    fig.savefig(out)
    assert out.stat().st_size > 1000


def test_iso_strings_and_missing_columns():
    df = pd.DataFrame({"start": ["2018-07-30", ""], "end": ["2018-07-31", ""], "when_text": ["a", "b"],
                       "what": ["", ""], "source": ["x", "y"]})
    assert len(timeline_chart(df).axes[0].patches) == 1
    with pytest.raises(ValueError, match="missing columns"):
        timeline_chart(pd.DataFrame({"when_text": ["a"]}))


def test_short_label_is_cut():
    assert short_label("on 30th July", "a" * 100).endswith("…")
    assert len(short_label("on 30th July", "a" * 100)) == 48

"""Timeline chart: each dated event as a bar from its first to its last possible day.

One lane per event (sorted by start), a short label per lane, bars coloured by source so
an analyst sees at a glance who dates what and how uncertain each date is. A single day
gets a marker as well, so it stays visible on an axis that spans years. Rows without a
start (undated articles, unresolved expressions) are skipped. Heights and label sizes
scale with the number of events, so 10 and 200 events are both readable.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

LABEL_CHARS = 48
LANE_INCHES = 0.22
MIN_HEIGHT = 2.5


def short_label(when_text: str, what: str, limit: int = LABEL_CHARS) -> str:
    """'when — what', cut to LIMIT characters with an ellipsis."""
    label = f"{when_text} — {what}" if what else str(when_text)
    label = " ".join(label.split())
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def _dated(df: pd.DataFrame) -> pd.DataFrame:
    missing = {"start", "end"} - set(df.columns)
    if missing:
        raise ValueError(f"timeline_chart needs the timeline table; missing columns: {sorted(missing)}")
    rows = df.copy()
    rows["start"] = pd.to_datetime(rows["start"], errors="coerce", utc=True).dt.tz_localize(None)
    rows["end"] = pd.to_datetime(rows["end"], errors="coerce", utc=True).dt.tz_localize(None)
    rows = rows[rows["start"].notna()].copy()
    rows["end"] = rows["end"].fillna(rows["start"]).where(rows["end"] >= rows["start"], rows["start"])
    return rows.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def timeline_chart(df: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """A Gantt-style chart of the timeline table DF; draws on AX when given, else on a new figure."""
    rows = _dated(df)
    n = len(rows)
    if ax is None:
        fig = Figure(figsize=(11, max(MIN_HEIGHT, LANE_INCHES * n + 1.5)), layout="constrained")
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    if n == 0:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    sources = rows["source"].fillna("").astype(str).replace("", "unknown") if "source" in rows else \
        pd.Series(["unknown"] * n)
    palette = _palette(list(dict.fromkeys(sources)))
    lanes = list(range(n))
    starts = mdates.date2num(rows["start"])
    widths = mdates.date2num(rows["end"]) - starts + 1.0
    colors = [palette[s] for s in sources]
    ax.barh(lanes, widths, left=starts, height=0.6, color=colors, alpha=0.75, edgecolor="none")
    ax.scatter(starts + widths / 2, lanes, c=colors, s=12 if n > 60 else 22, marker="o", zorder=3)
    labels = [short_label(str(w), str(t) if pd.notna(t) else "")
              for w, t in zip(rows.get("when_text", [""] * n), rows.get("what", [""] * n), strict=True)]
    ax.set_yticks(lanes, labels, fontsize=8 if n <= 40 else 6)
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis_date()
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("date (bar: first to last day the text allows)")
    ax.legend(handles=[Patch(color=c, label=s) for s, c in palette.items()], title="source",
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return fig


def _palette(sources: list[str]) -> dict[str, tuple]:
    from matplotlib import colormaps

    cmap = colormaps["tab20" if len(sources) > 10 else "tab10"]
    return {s: cmap(i % cmap.N) for i, s in enumerate(sources)}

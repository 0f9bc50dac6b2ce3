"""Tally chart: per category, each source's count as a low–high range with its best figure marked.

Analysts compare sources at a glance: where the ranges overlap the sources can both be
right; where they do not, one of them is wrong. Open-ended counts ("over 100") end in an
arrow, counts without a figure ("a number of") are listed but not drawn, denials (0) are
an ✕ at the left edge.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from conflictbook.summary import tally_summary  # noqa: E402


def _value(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _as_summary(df: pd.DataFrame) -> pd.DataFrame:
    """A summary table, computing it when given the raw tallies table."""
    if df is None:
        raise ValueError("tally_chart needs the tallies table or its summary, got None")
    if "quantity_text" in df.columns:
        return tally_summary(df)
    needed = {"category", "source", "low", "best", "high"}
    if not needed <= set(df.columns):
        raise ValueError(f"tally_chart needs columns {sorted(needed)}; got {sorted(df.columns)}")
    return df


def tally_chart(df_or_summary: pd.DataFrame, ax=None, title: str = "Tallies by category and source") -> Figure:
    """Horizontal low–high ranges per (event, source), grouped by category; returns the Figure."""
    data = _as_summary(df_or_summary)
    rows = data.reset_index(drop=True)
    height = max(2.5, 0.38 * len(rows) + 1.2)
    if ax is None:
        fig, ax = plt.subplots(figsize=(9, height))
    else:
        fig = ax.figure
    if rows.empty:
        ax.text(0.5, 0.5, "no tallies", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    sources = list(dict.fromkeys(rows["source"]))
    colors = {s: plt.get_cmap("tab10")(i % 10) for i, s in enumerate(sources)}
    figures = [v for col in ("low", "best", "high") for v in map(_value, rows[col]) if v]
    top = max(figures) if figures else 1.0
    log = bool(figures) and top / max(min(figures), 1.0) > 200
    labels = []
    for y, r in rows.iterrows():
        low, best, high = _value(r["low"]), _value(r["best"]), _value(r["high"])
        color = colors[r["source"]]
        label = f"{r['category']} \u2014 {r.get('event', '').split(' / ')[-1] if 'event' in r else ''} ({r['source']})"
        labels.append(label.replace(" \u2014  (", " (").replace(" \u2014  ", " "))
        if r.get("status") == "denied" or best == 0:
            ax.plot([1 if log else 0], [y], marker="x", color=color, markersize=9, linestyle="none")
            continue
        start = low if low is not None else best
        end = high if high is not None else (best if best is not None else start)
        if start is None:
            ax.text(1 if log else 0, y, "  no figure", va="center", fontsize=8, color=color)
            continue
        ax.hlines(y, start, end, color=color, linewidth=5, alpha=0.55)
        if high is None:
            ax.annotate("", xy=(end * (1.6 if log else 1.0) + (0 if log else top * 0.08), y), xytext=(end, y),
                        arrowprops={"arrowstyle": "->", "color": color})
        if best is not None:
            ax.plot([best], [y], marker="o", color=color, markersize=6)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
    ax.set_xlabel("people (bar: low\u2013high, dot: best, arrow: no upper bound, \u2715: denied)")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    for patch_source, color in colors.items():
        ax.plot([], [], color=color, linewidth=5, alpha=0.55, label=patch_source)
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    fig.tight_layout()
    return fig

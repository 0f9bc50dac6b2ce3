"""Tally summary: per event and category, each source's figures side by side, with min, max and a conservative best.

An article names the same people many times ("thirty-six female hostages" ... "the female
hostages"), a headline repeats the lead, a wire story is republished word for word by a
second outlet, and a death toll is updated as the days pass. The summary counts each of
those once:

* an **event** is a category, the day it happened (when known) and the head noun of the
  people counted ("killed / 2025-03-09 / fighters"); an undated row joins the one dated
  event of the same category and head noun when there is exactly one; a toll update joins
  the event of the figure it revises (``revises``), so "17" then "23" is one series;
* within an event, a **source** keeps its latest figure, with the earlier ones in
  ``history`` ("17 → 23"); mentions without a figure add nothing once the source gave one;
* the same sentence carried by two outlets (same evidence, count and category) is one
  mention, credited to the first outlet, the others listed in ``also_in``;
* ``event_low``/``event_high`` span every figure the sources give, ``event_best`` is the
  conservative best: the smallest latest best among the sources that affirm a count
  (reported, claimed or agreed), leaving out figures a toll update has revised (once the
  toll rose from 17 to 23, 17 is history, not a competing estimate). Denials (best 0) and
  demands are shown but never lower or raise the event's figures.
"""

from __future__ import annotations

import pandas as pd

SUMMARY_COLUMNS = ["event", "category", "victims", "date", "source", "status", "low", "best", "high", "history",
                   "mentions", "articles", "also_in", "event_low", "event_best", "event_high", "n_sources"]
AFFIRMING = ("reported", "claimed", "agreed")
TOLL_WORDS = ("toll", "number of")


def _head(victims: str) -> str:
    """The head noun of the people counted, singular and lower case ("female hostages" → "hostage")."""
    words = [w for w in str(victims or "").lower().replace("\u2019", "'").split() if w.isalpha()]
    if any(t in str(victims).lower() for t in TOLL_WORDS):
        return "toll"
    if not words:
        return "people"
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def _figure(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _dedupe_republished(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (category, count, evidence) across articles; the other sources go to ``also_in``."""
    key = ["category", "quantity_text", "evidence"]
    first = df.drop_duplicates(key, keep="first").copy()
    others = (df.groupby(key, sort=False)["source"]
              .agg(lambda s: ", ".join(dict.fromkeys(v for v in s.iloc[1:] if v != s.iloc[0]))))
    first["also_in"] = [others.get(tuple(row), "") for row in first[key].itertuples(index=False, name=None)]
    return first


def _events(df: pd.DataFrame) -> pd.Series:
    """The event label of each row: category / day / head noun (undated rows join a lone dated twin)."""
    day = pd.to_datetime(df["date"], errors="coerce").dt.date
    head = df["victims"].map(_head)
    # Running totals ("since January", "the war has killed") are their own series, never one incident.
    running = (df["scope"] == "cumulative") if "scope" in df.columns else pd.Series(False, index=df.index)
    dated = {}
    for category, d, h, total in zip(df["category"], day, head, running, strict=True):
        if d is not None and not pd.isna(d) and not total:
            dated.setdefault((category, h), set()).add(d)
    labels = []
    for category, d, h, total in zip(df["category"], day, head, running, strict=True):
        if total:
            labels.append(f"{category} / running total / {h}")
            continue
        if (d is None or pd.isna(d)) and len(dated.get((category, h), ())) == 1:
            d = next(iter(dated[(category, h)]))
        labels.append(f"{category} / {d.isoformat() if d is not None and not pd.isna(d) else 'undated'} / {h}")
    if "revises" in df.columns:
        _join_toll_series(df, labels)
    return pd.Series(labels, index=df.index)


def _join_toll_series(df: pd.DataFrame, labels: list[str]) -> None:
    """A toll update joins the event of the figure it revises; its repeats in the same article follow it."""
    categories, bests, revises, articles = (list(df[c]) for c in ("category", "best", "revises", "article_id"))
    for i, old in enumerate(revises):
        if old is None or pd.isna(old):
            continue
        target = next((labels[j] for j in range(len(labels))
                       if j != i and categories[j] == categories[i] and bests[j] == old), None)
        if target is None:
            continue
        moved = labels[i]
        for k in range(len(labels)):
            if labels[k] == moved and articles[k] == articles[i] and bests[k] == bests[i]:
                labels[k] = target


def tally_summary(tallies: pd.DataFrame) -> pd.DataFrame:
    """Per event and source: the latest figures, their history, and the event's range and conservative best."""
    if tallies is None or tallies.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    missing = {"category", "victims", "low", "best", "high", "quantity_text", "status", "date", "source",
               "evidence", "article_id"} - set(tallies.columns)
    if missing:
        raise ValueError(f"tally_summary needs the tallies table; missing columns: {sorted(missing)}")
    df = tallies.copy()
    df["_order"] = range(len(df))
    df = _dedupe_republished(df)
    df["event"] = _events(df)
    rows = []
    for (event, source), group in df.groupby(["event", "source"], sort=False):
        group = group.sort_values(["date", "_order"], na_position="first", kind="stable")
        figures = group[group["best"].notna() | group["low"].notna()]
        latest = figures.iloc[-1] if len(figures) else group.iloc[-1]
        history = []
        for value in figures["best"].where(figures["best"].notna(), figures["low"]):
            value = _figure(value)
            if not history or history[-1] != value:
                history.append(value)
        rows.append({
            "event": event, "category": latest["category"], "victims": latest["victims"],
            "date": latest["date"], "source": source, "status": latest["status"],
            "low": _figure(latest["low"]), "best": _figure(latest["best"]), "high": _figure(latest["high"]),
            "history": " \u2192 ".join(str(v) for v in history),
            "mentions": len(group), "articles": ", ".join(dict.fromkeys(group["article_id"])),
            "also_in": ", ".join(v for v in dict.fromkeys(group["also_in"]) if v),
        })
    out = pd.DataFrame(rows)
    revised = {}
    if "revises" in df.columns:
        for event, old in zip(df["event"], df["revises"], strict=True):
            if old is not None and not pd.isna(old):
                revised.setdefault(event, set()).add(int(old))
    for _event, group in out.groupby("event", sort=False):
        affirm = group[group["status"].isin(AFFIRMING)]
        bounds = [v for col in ("low", "best", "high") for v in affirm[col] if v is not None and not pd.isna(v)]
        superseded = revised.get(_event, set())
        bests = [v for v in affirm["best"] if v is not None and not pd.isna(v) and v not in superseded]
        out.loc[group.index, "event_low"] = min(bounds) if bounds else None
        out.loc[group.index, "event_high"] = max(bounds) if bounds else None
        out.loc[group.index, "event_best"] = min(bests) if bests else None
        out.loc[group.index, "n_sources"] = group["source"].nunique()
    for col in ("low", "best", "high", "event_low", "event_best", "event_high", "mentions", "n_sources"):
        out[col] = pd.array([None if v is None or pd.isna(v) else int(v) for v in out[col]], dtype="Int64")
    return out[SUMMARY_COLUMNS].sort_values(["category", "event", "source"], kind="stable").reset_index(drop=True)

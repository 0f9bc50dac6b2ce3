"""Draft coding sheets for conflict-data coders: ``events.csv`` shaped like ACLED or UCDP GED.

One row per event of one article. An event groups the article's timeline rows that share
a date span and place, plus the tallies that belong to them: a tally joins the event
dated in its own sentence, else the event whose span holds the tally's date, else it
starts an event of its own (undated counts of the same victims at the same place make one
event, mentioned several times). Every row links back to its evidence (``article_id``, the
timeline and tally ids, the verbatim evidence sentences). This is a draft for a human
coder: nothing is invented, empty cells mean the article does not say.

Conventions (documented, not ACLED's or UCDP's own software):

* ACLED ``time_precision``: 1 the day is known; 2 the text places it within a week
  (a span of 2–7 days); 3 only within a month or longer. ``event_date`` is the day when
  known, else the middle day of the span the text allows.
* UCDP ``date_prec``: 1 exact day; 2 a span of 2–6 days; 3 one week; 4 8–31 days (a
  month); 5 longer (within a year or more).
* Fatalities come from ``killed`` tallies reported or claimed (not denied, demanded or
  agreed). Figures for the same victims are alternatives, different victims add up.
  ACLED ``fatalities`` is conservative: the lowest figure per victim group. UCDP ``low``
  / ``high`` are the lowest and highest per group, ``best`` the outlet's own figure when
  it gives one, else the lowest claimed.
* The event type comes from the rules in ``lexicon/acled.yml`` (first match in the
  event's text), else from its tally categories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import pandas as pd

from conflictbook.actors import load_gazetteer
from conflictbook.book import Book
from conflictbook.lexicon import alternation, load
from conflictbook.records import ArticleResult, ArticleRow, Tally, TimelineEvent

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                 "actor2", "location", "fatalities", "notes", "source"]
UCDP_COLUMNS = ["id", "year", "type_of_violence", "date_start", "date_end", "date_prec", "side_a", "side_b",
                "where_description", "best", "low", "high", "source_article"]
LINK_COLUMNS = ["article_id", "timeline_ids", "tally_ids", "evidence"]
EVENT_FORMATS = ("acled", "ucdp")
COUNTED_STATUSES = {"reported", "claimed"}
_SPLIT_ACTORS = re.compile(r"\s*[;|]\s*")


@dataclass
class EventGroup:
    """Timeline rows and tallies of one article that describe one event."""

    article: ArticleRow
    start: date | None
    end: date | None
    location: str
    events: list[TimelineEvent] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)

    @property
    def sentences(self) -> list[int]:
        return [e.sentence for e in self.events] + [t.sentence for t in self.tallies]

    def evidence(self) -> str:
        seen = dict.fromkeys([e.evidence for e in self.events] + [t.evidence for t in self.tallies])
        return " | ".join(s for s in seen if s)


def _day(value) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


@cache
def _typology() -> dict:
    doc = load("acled")
    rules = [(event_type, sub, _words_pattern(words)) for event_type, sub, words in doc["rules"]]
    for event_type, sub, _ in rules:
        if sub not in doc["typology"][event_type]:
            raise ValueError(f"lexicon acled: {event_type}/{sub} is not in the typology")
    return {"typology": doc["typology"], "rules": rules, "by_category": doc["by_category"],
            "fallback": tuple(doc["fallback"]), "civilians": _words_pattern(doc["civilian_words"])}


def _words_pattern(words: Iterable[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + alternation(words) + r")(?![\w-])", re.IGNORECASE)


def acled_typology() -> dict[str, list[str]]:
    """ACLED's event types and their sub-event types."""
    return {k: list(v) for k, v in _typology()["typology"].items()}


def classify(text: str, categories: Iterable[str] = ()) -> tuple[str, str]:
    """(event_type, sub_event_type) for an event described by TEXT with tallies of CATEGORIES."""
    spec = _typology()
    for event_type, sub, pattern in spec["rules"]:
        if pattern.search(text):
            return event_type, sub
    present = set(categories)
    for category, event_type, sub in spec["by_category"]:
        if category in present:
            return event_type, sub
    return spec["fallback"]


def _contains(event: TimelineEvent, day: date) -> bool:
    start, end = _day(event.start), _day(event.end) or _day(event.start)
    return start is not None and start <= day <= end


def group_events(result: ArticleResult) -> list[EventGroup]:
    """The events of one article: timeline rows by (span, place), with their tallies attached."""
    groups: dict[tuple, EventGroup] = {}
    by_event: dict[str, EventGroup] = {}
    for event in result.timeline:
        start = _day(event.start)
        end = _day(event.end) or start
        key = (start, end, event.location.strip().lower()) if start else ("undated", event.event_id)
        group = groups.setdefault(key, EventGroup(result.article, start, end, event.location.strip()))
        group.events.append(event)
        by_event[event.event_id] = group
    for tally in result.tallies:
        group = _home(tally, result.timeline, by_event)
        if group is None:
            day = _day(tally.date)
            # undated counts of the same victims at the same place are one event reported several times
            place = tally.location.strip().lower()
            key = (day, day, place) if day else ("undated-tally", tally.victims.strip().lower(), place)
            group = groups.setdefault(key, EventGroup(result.article, day, day, tally.location.strip()))
        group.tallies.append(tally)
    return sorted(groups.values(), key=lambda g: (g.start is None, g.start or date.min, min(g.sentences or [0])))


def _home(tally: Tally, events: list[TimelineEvent], by_event: dict[str, EventGroup]) -> EventGroup | None:
    same_sentence = [e for e in events if tally.sentence >= 0 and e.sentence == tally.sentence]
    if same_sentence:
        return by_event[same_sentence[0].event_id]
    day = _day(tally.date)
    if day is None:
        return None
    place = tally.location.strip().lower()
    holding = [e for e in events if _contains(e, day) and (not place or not e.location or
                                                            e.location.strip().lower() == place)]
    if not holding:
        return None
    nearest = min(holding, key=lambda e: (abs(e.sentence - tally.sentence), _span_days(e)))
    return by_event[nearest.event_id]


def _span_days(event: TimelineEvent) -> int:
    start, end = _day(event.start), _day(event.end) or _day(event.start)
    return (end - start).days + 1 if start and end else 10**6


def _days(group: EventGroup) -> int | None:
    return (group.end - group.start).days + 1 if group.start and group.end else None


def acled_precision(days: int | None) -> int | None:
    """ACLED time_precision for a span of DAYS (see module doc)."""
    if days is None:
        return None
    return 1 if days <= 1 else 2 if days <= 7 else 3


def ucdp_precision(days: int | None) -> int | None:
    """UCDP GED date_prec for a span of DAYS (see module doc)."""
    if days is None:
        return None
    return 1 if days <= 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5


def _middle(group: EventGroup) -> date | None:
    if not group.start:
        return None
    return group.start + timedelta(days=((group.end or group.start) - group.start).days // 2)


def deaths(tallies: Iterable[Tally]) -> dict[str, int | None]:
    """low / best / high / conservative deaths of an event's killed tallies (see module doc)."""
    tallies = list(tallies)
    by_victims: dict[str, list[Tally]] = {}
    for tally in tallies:
        if tally.category == "killed" and tally.status in COUNTED_STATUSES and tally.best is not None:
            by_victims.setdefault(tally.victims.strip().lower(), []).append(tally)
    if not by_victims:
        has_unnumbered = any(t.category == "killed" and t.status in COUNTED_STATUSES for t in tallies)
        return dict.fromkeys(("low", "best", "high", "conservative"), None if has_unnumbered else 0)
    low = best = high = 0
    for rows in by_victims.values():
        lows = [t.low if t.low is not None else t.best for t in rows]
        highs = [t.high if t.high is not None else t.best for t in rows]
        own = [t.best for t in rows if t.status == "reported"]
        low += min(lows)
        high += max(highs)
        best += min(own) if own else min(t.best for t in rows)
    return {"low": low, "best": best, "high": high, "conservative": low}


@cache
def _actor_kinds() -> dict[str, str]:
    return {a.name.lower(): a.kind for a in load_gazetteer()}


def _actors(group: EventGroup) -> tuple[list[str], list[str]]:
    """(initiators, targets) named by the event: perpetrators and timeline actors, then victims."""
    named = [a for e in group.events for a in _SPLIT_ACTORS.split(e.actors)]
    initiators = [t.perpetrator for t in group.tallies] + named
    targets = [t.victims for t in group.tallies]
    initiators = list(dict.fromkeys(a.strip() for a in initiators if a and a.strip()))
    targets = list(dict.fromkeys(a.strip() for a in targets if a and a.strip() and a.strip() not in initiators))
    return initiators, targets


def _is_civilian(name: str) -> bool:
    return bool(_typology()["civilians"].search(name)) or _actor_kinds().get(name.lower()) == "civilian"


def _notes(group: EventGroup) -> str:
    parts = list(dict.fromkeys(e.what.strip() for e in group.events if e.what.strip()))
    for t in group.tallies:
        figure = "/".join(str(v) for v in (t.low, t.best, t.high) if v is not None) or "no figure"
        parts.append(f"{t.category}: {t.quantity_text} ({figure}; {t.status} by {t.source or 'the outlet'})")
    return "; ".join(parts)


def _categories(group: EventGroup) -> list[str]:
    return [t.category for t in group.tallies]


def _text(group: EventGroup) -> str:
    return " ".join([e.what for e in group.events] + [group.evidence()])


def _links(group: EventGroup) -> dict[str, str]:
    return {"article_id": group.article.article_id, "timeline_ids": " ".join(e.event_id for e in group.events),
            "tally_ids": " ".join(t.tally_id for t in group.tallies), "evidence": group.evidence()}


def acled_row(group: EventGroup, number: int) -> dict:
    event_type, sub = classify(_text(group), _categories(group))
    initiators, targets = _actors(group)
    day = group.start if acled_precision(_days(group)) == 1 else _middle(group)
    actor2 = targets[0] if targets else (initiators[1] if len(initiators) > 1 else "")
    if actor2 and _is_civilian(actor2):
        actor2 = "Civilians" if actor2.lower() == "civilians" else f"Civilians ({actor2})"
    row = {"event_id_cnty": f"{group.article.article_id}-{number}", "event_date": day.isoformat() if day else "",
           "year": day.year if day else None, "time_precision": acled_precision(_days(group)),
           "event_type": event_type, "sub_event_type": sub, "actor1": initiators[0] if initiators else "",
           "actor2": actor2, "location": group.location, "fatalities": deaths(group.tallies)["conservative"],
           "notes": _notes(group), "source": group.article.outlet or "article"}
    return row | _links(group)


def _type_of_violence(initiators: list[str], targets: list[str]) -> int | None:
    """UCDP type: 3 one-sided (against civilians), 1 state-based (a state on one side), else 2 non-state.

    None when the article names no party at all: the coder decides.
    """
    if not initiators and not targets:
        return None
    if targets and all(_is_civilian(t) for t in targets):
        return 3
    kinds = _actor_kinds()
    return 1 if any(kinds.get(a.lower()) == "state" for a in initiators + targets) else 2


def ucdp_row(group: EventGroup, number: int) -> dict:
    initiators, targets = _actors(group)
    kinds = _actor_kinds()
    parties = initiators + targets
    states = [a for a in parties if kinds.get(a.lower()) == "state"]
    side_a = states[0] if states else (initiators[0] if initiators else "")
    others = [a for a in parties if a != side_a]
    side_b = others[0] if others else ""
    violence = _type_of_violence(initiators, targets)
    if violence == 3:
        side_b = "Civilians"
    figures = deaths(group.tallies)
    art = group.article
    published = _day(art.published)
    source = ", ".join(p for p in (art.outlet or "article", published.isoformat() if published else "",
                                   f'"{art.title}"' if art.title else "", art.url) if p)
    row = {"id": f"{art.article_id}-{number}", "year": group.start.year if group.start else None,
           "type_of_violence": violence,
           "date_start": group.start.isoformat() if group.start else "",
           "date_end": group.end.isoformat() if group.end else "", "date_prec": ucdp_precision(_days(group)),
           "side_a": side_a, "side_b": side_b, "where_description": group.location,
           "best": figures["best"], "low": figures["low"], "high": figures["high"], "source_article": source}
    return row | _links(group)


def events_frame(book: Book, fmt: str) -> pd.DataFrame:
    """The draft coding sheet of BOOK in FMT (``acled`` or ``ucdp``), one row per event."""
    if fmt not in EVENT_FORMATS:
        raise ValueError(f"events format must be one of {', '.join(EVENT_FORMATS)}, not {fmt!r}")
    make, columns = (acled_row, ACLED_COLUMNS) if fmt == "acled" else (ucdp_row, UCDP_COLUMNS)
    rows = [make(group, n) for result in book.results for n, group in enumerate(group_events(result), start=1)]
    df = pd.DataFrame(rows, columns=columns + LINK_COLUMNS)
    for col in ("year", "time_precision", "fatalities", "type_of_violence", "date_prec", "best", "low", "high"):
        if col in df.columns:
            df[col] = pd.array([None if pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
    return df


def write_events(book: Book, out_dir: str | Path, fmt: str) -> Path:
    """Write OUT_DIR/events.csv in FMT; returns its path."""
    path = Path(out_dir) / "events.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    events_frame(book, fmt).to_csv(path, index=False, encoding="utf-8")
    return path

"""HTML for reading an article with its extractions in place, and tables that link back to it.

Every extracted date (timeline ``when_text``), count (tally ``quantity_text``), speaker
and quote (claims) becomes a ``<mark>`` in the article text carrying an ``id`` and a small
label linking to its table row; the row (built by ``rows_html``) carries the matching
``id`` and links back. Spans may overlap or nest (a date inside a quote): the text is cut
at every span boundary and marks are reopened around each piece, so the HTML always nests
properly and no ``<a>`` sits inside another.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from conflictbook.article import Article

# kind -> (table, row-id column, legend text)
KINDS: dict[str, tuple[str, str, str]] = {
    "date": ("timeline", "event_id", "date (timeline)"),
    "count": ("tallies", "tally_id", "count (tallies)"),
    "speaker": ("claims", "claim_id", "speaker (claims)"),
    "quote": ("claims", "claim_id", "quote (claims)"),
}
ROW_ID_COLUMN = {"timeline": "event_id", "tallies": "tally_id", "claims": "claim_id", "comparison": "topic_id"}
# Offsets help linking, not reading: tables shown in a workbook leave them out.
OFFSET_COLUMNS = {"span_start", "span_end", "sentence", "cue_start", "cue_end"}
LONG_COLUMNS = {"evidence", "text", "position", "what", "error", "notes"}
# Outer kinds are opened first so shorter marks nest inside them.
_NESTING = {"quote": 0, "speaker": 1, "date": 2, "count": 3}

STYLE = """<style>
.cb-text{white-space:pre-wrap;line-height:1.7;font-family:Georgia,serif;max-width:60em}
.cb-text mark{padding:0 .1em;border-radius:.2em}
.cb-text mark.cb-date{background:#cfe8ff}
.cb-text mark.cb-count{background:#ffd9a8}
.cb-text mark.cb-speaker{background:#d8f5c8;font-weight:bold}
.cb-text mark.cb-quote{background:#f3e6ff}
.cb-text a.cb-ref{font-size:.7em;vertical-align:super;text-decoration:none;margin-left:.1em;color:#444}
.cb-legend mark{padding:0 .3em;margin-right:.6em}
.cb-legend .cb-date{background:#cfe8ff}.cb-legend .cb-count{background:#ffd9a8}
.cb-legend .cb-speaker{background:#d8f5c8}.cb-legend .cb-quote{background:#f3e6ff}
table.cb-table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
table.cb-table th,table.cb-table td{border:1px solid #ccc;padding:.2em .4em;vertical-align:top}
table.cb-table th,table.cb-table td{text-align:left !important}
table.cb-table td.cb-long{min-width:22em}
table.cb-table tr:target{outline:2px solid #e08a00}
table.cb-table tr.cb-contradicts td{background:#ffe0e0}
table.cb-table tr.cb-differs td{background:#fff6d6}
.cb-note{color:#666;font-style:italic}
</style>"""


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the article text and the row it belongs to."""

    start: int
    end: int
    kind: str
    row_id: str
    title: str = ""


def anchor_id(where: str, table: str, article_id: str, row_id: str) -> str:
    """A stable HTML id: WHERE is ``txt`` (mark in the text) or ``row`` (table row)."""
    raw = f"cb-{where}-{table}-{article_id}-{row_id}"
    return re.sub(r"[^A-Za-z0-9_-]+", "_", raw)


def _int(value) -> int:
    return -1 if value is None or pd.isna(value) else int(value)


def _locate(article: Article, row, text_col: str) -> tuple[int, int]:
    """The span of a row's exact text: its offsets when valid, else found inside its evidence sentence."""
    start, end = _int(row.get("span_start")), _int(row.get("span_end"))
    if 0 <= start < end <= len(article.text):
        return start, end
    needle = str(row.get(text_col) or "")
    if not needle:
        return -1, -1
    evidence = str(row.get("evidence") or "")
    base = article.text.find(evidence) if evidence else -1
    hit = article.text.find(needle, max(base, 0))
    if hit < 0:
        hit = article.text.find(needle)
    return (hit, hit + len(needle)) if hit >= 0 else (-1, -1)


def _speaker_span(article: Article, row) -> tuple[int, int]:
    """Where the speaker is named near the cue: full name, else its last word, else the cue itself."""
    sent_index = _int(row.get("sentence"))
    sentence = article.sentences[sent_index] if 0 <= sent_index < len(article.sentences) else None
    speaker = str(row.get("speaker") or "").strip()
    if sentence is not None and speaker:
        words = speaker.split()
        for name in (speaker, words[-1]) if len(words) > 1 else (speaker,):
            found = re.search(r"\b" + re.escape(name) + r"\b", sentence.text, flags=re.IGNORECASE)
            if found:
                return sentence.start + found.start(), sentence.start + found.end()
    cue_start, cue_end = _int(row.get("cue_start")), _int(row.get("cue_end"))
    if 0 <= cue_start < cue_end <= len(article.text):
        return cue_start, cue_end
    return -1, -1


def _rows(df: pd.DataFrame | None, article_id: str) -> Iterable[dict]:
    if df is None or df.empty or "article_id" not in df.columns:
        return []
    return df[df["article_id"] == article_id].to_dict("records")


def collect_spans(article: Article, timeline: pd.DataFrame | None = None, tallies: pd.DataFrame | None = None,
                  claims: pd.DataFrame | None = None) -> list[Span]:
    """Spans of every date, count, speaker and quote of ARTICLE found in the three tables."""
    aid = article.article_id
    spans: list[Span] = []

    def add(start: int, end: int, kind: str, row_id: str, title: str) -> None:
        if 0 <= start < end <= len(article.text):
            spans.append(Span(start, end, kind, str(row_id), title))

    for row in _rows(timeline, aid):
        start, end = _locate(article, row, "when_text")
        span_end = row.get("end")
        when = f"{_day(row.get('start'))}" + (f" – {_day(span_end)}" if _day(span_end) != _day(row.get("start"))
                                               else "")
        add(start, end, "date", row["event_id"], f"{row['event_id']}: {when} ({row.get('precision', '')})")
    for row in _rows(tallies, aid):
        start, end = _locate(article, row, "quantity_text")
        add(start, end, "count", row["tally_id"],
            f"{row['tally_id']}: {row.get('category', '')} {_num(row)} ({row.get('status', '')})")
    for row in _rows(claims, aid):
        cid = row["claim_id"]
        add(_int(row.get("span_start")), _int(row.get("span_end")), "quote", cid,
            f"{cid}: {row.get('speaker', '')} ({row.get('mode', '')})")
        start, end = _speaker_span(article, row)
        add(start, end, "speaker", cid, f"{cid}: {row.get('speaker', '')} — {row.get('cue', '')}")
    return spans


def _day(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "undated"
    return value.date().isoformat() if hasattr(value, "date") else str(value)


def _num(row) -> str:
    parts = [f"{k}={row[k]}" for k in ("low", "best", "high") if row.get(k) is not None and not pd.isna(row[k])]
    return " ".join(parts)


def render_text(text: str, spans: list[Span], article_id: str) -> str:
    """TEXT as HTML with SPANS as properly nested ``<mark>`` elements, each labelled and linked to its row."""
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    order = sorted(set(spans), key=lambda s: (s.start, -s.end, _NESTING.get(s.kind, 9)))
    last_piece_end = {s: s.end for s in order}
    seen: set[Span] = set()
    out: list[str] = []
    open_stack: list[Span] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [s for s in order if s.start <= left and right <= s.end]
        keep = 0
        while keep < min(len(open_stack), len(active)) and open_stack[keep] == active[keep]:
            keep += 1
        for span in reversed(open_stack[keep:]):
            out.append(_close(span, article_id, at_end=left == last_piece_end[span]))
        open_stack = open_stack[:keep]
        for span in active[keep:]:
            out.append(_open(span, article_id, first=span not in seen))
            seen.add(span)
            open_stack.append(span)
        out.append(html.escape(text[left:right], quote=False))
    for span in reversed(open_stack):
        out.append(_close(span, article_id, at_end=True))
    return "".join(out)


def _open(span: Span, article_id: str, first: bool) -> str:
    ident = f' id="{anchor_id("txt", span.kind, article_id, span.row_id)}"' if first else ""
    return f'<mark class="cb-{span.kind}"{ident} title="{html.escape(span.title)}">'


def _close(span: Span, article_id: str, at_end: bool) -> str:
    if not at_end or span.kind == "quote":
        return "</mark>"
    table = KINDS[span.kind][0]
    href = anchor_id("row", table, article_id, span.row_id)
    return f'<a class="cb-ref" href="#{href}">{html.escape(short_label(span.row_id, article_id))}</a></mark>'


def short_label(row_id: str, article_id: str) -> str:
    """ROW_ID without a leading ARTICLE_ID (ids like ``<article>-T001`` would crowd the text)."""
    for sep in ("-", "_", ":", "/", "."):
        prefix = f"{article_id}{sep}"
        if article_id and row_id.startswith(prefix) and len(row_id) > len(prefix):
            return row_id[len(prefix):]
    return row_id


def legend_html() -> str:
    items = "".join(f'<mark class="cb-{kind}">{html.escape(label)}</mark>' for kind, (_, _, label) in KINDS.items())
    return f'<p class="cb-legend">{items}</p>'


def article_html(article: Article, timeline: pd.DataFrame | None = None, tallies: pd.DataFrame | None = None,
                 claims: pd.DataFrame | None = None) -> str:
    """The article text with its extractions highlighted, a legend, and a note of what was found."""
    spans = collect_spans(article, timeline, tallies, claims)
    counts = {kind: len({s.row_id for s in spans if s.kind == kind}) for kind in KINDS}
    found = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items())
    note = f'<p class="cb-note">Highlighted: {found}. Click a label to jump to its row.</p>'
    body = render_text(article.text, spans, article.article_id)
    return f'{STYLE}{legend_html()}{note}<div class="cb-text">{body}</div>'


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() and value.tzinfo is None else value.isoformat()
    return html.escape(str(value))


def rows_html(df: pd.DataFrame, table: str, columns: list[str] | None = None, link_text: bool = False) -> str:
    """DF as an HTML table whose rows carry anchors (``row``) and, when LINK_TEXT, links to the text marks."""
    columns = [c for c in (columns or [c for c in df.columns if c not in OFFSET_COLUMNS]) if c in df.columns]
    id_col = ROW_ID_COLUMN.get(table)
    text_kind = {"timeline": "date", "tallies": "count", "claims": "speaker"}.get(table)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    lines = []
    for row in df.to_dict("records"):
        attrs = ""
        aid = str(row.get("article_id", ""))
        if id_col and id_col in row and table != "comparison":
            attrs += f' id="{anchor_id("row", table, aid, str(row[id_col]))}"'
        verdict = str(row.get("verdict", "") or "")
        if verdict in ("contradicts", "differs"):
            attrs += f' class="cb-{verdict}"'
        cells = []
        for col in columns:
            value = _cell(row.get(col))
            if link_text and text_kind and col == id_col and aid:
                value = f'<a href="#{anchor_id("txt", text_kind, aid, str(row[col]))}">{value}</a>'
            if col == "verdict" and verdict == "contradicts":
                value = f"<strong>⚠ {value}</strong>"
            wide = ' class="cb-long"' if col in LONG_COLUMNS else ""
            cells.append(f"<td{wide}>{value}</td>")
        lines.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    return f'{STYLE}<table class="cb-table"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'

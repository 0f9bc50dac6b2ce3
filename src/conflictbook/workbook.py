"""Loading, filtering and display helpers for the workbooks, so the notebooks stay thin.

Notebook parameters are plain literals ("" for "not set", [] for "all"); the helpers turn
them into ``conflictbook.read`` arguments and filters. Display helpers return IPython
objects (HTML tables with anchors, highlighted article text) and say plainly when a table
is empty ("no events found") instead of failing. Charts come from ``conflictbook.charts``;
until a chart module exists the helper shows a "chart not available" note.
"""

from __future__ import annotations

import html
import importlib
import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Image, display

from conflictbook import _as_published
from conflictbook.book import Book, build_book
from conflictbook.highlight import STYLE, article_html, rows_html
from conflictbook.ingest import iter_inputs
from conflictbook.pipeline import compare_results, extract_article
from conflictbook.records import ErrorRow

# chart kind -> (module, function, what the chart is of when its table is empty)
CHARTS = {
    "timeline": ("conflictbook.charts.timeline", "timeline_chart", "events"),
    "tallies": ("conflictbook.charts.tallies", "tally_chart", "tallies"),
}
EMPTY_NAMES = {"articles": "articles", "timeline": "events", "tallies": "tallies", "claims": "claims",
               "comparison": "comparison topics", "errors": "errors"}
# Columns shown by default where a table is too wide to read (all columns stay in the CSVs).
DISPLAY_COLUMNS = {"articles": ["article_id", "title", "outlet", "author", "published", "section", "n_words"]}
ARTICLE_FIELDS = ["article_id", "title", "outlet", "author", "published", "section", "source_path", "n_words",
                  "url", "encoding"]


def load(inputs: str | Sequence[str], published: str = "", outlet: str = "", article_id: str = "",
         progress: bool = False) -> Book:
    """Read and analyse INPUTS; with ARTICLE_ID, only that article (others are not extracted).

    Files skipped while walking folders (unknown types) are kept in ``book.skipped`` and
    shown by ``coverage`` instead of being printed on stderr in the middle of a report.
    """
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    if not paths:
        raise ValueError("no input given: set `inputs` to one or more files or folders")
    skipped: list[str] = []
    items = iter_inputs(paths, published=_as_published(published or None), outlet=outlet or None,
                        warn=skipped.append)
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="articles", unit="article")

    def pairs():
        for item in items:
            if isinstance(item, ErrorRow):
                yield item
            elif not article_id or item.article_id == article_id:
                yield item, extract_article(item)

    book = build_book(pairs())
    if article_id and not book.results:
        raise ValueError(f"article {article_id!r} not found in {', '.join(map(str, paths))}")
    book.skipped = skipped
    return book


def _as_day(value) -> date | None:
    if value is None or (not isinstance(value, (date, datetime)) and pd.isna(value)):
        return None
    return value.date() if isinstance(value, datetime) else value


def _parse_day(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def filter_book(book: Book, date_from: str = "", date_to: str = "", outlets: Iterable[str] = (),
                categories: Iterable[str] = ()) -> Book:
    """A new Book keeping articles published in [DATE_FROM, DATE_TO] from OUTLETS, tallies of CATEGORIES.

    Empty values keep everything. With a date window, undated articles are dropped (their
    place in time is unknown). The comparison is recomputed over the kept articles.
    """
    start, end = _parse_day(date_from, "date_from"), _parse_day(date_to, "date_to")
    if start and end and start > end:
        raise ValueError(f"date window is empty: date_from {start} is after date_to {end}")
    wanted_outlets = {o.strip().lower() for o in outlets if o.strip()}
    wanted_categories = {c.strip().lower() for c in categories if c.strip()}
    kept = []
    for result in book.results:
        row = result.article
        day = _as_day(row.published)
        if (start or end) and day is None:
            continue
        if (start and day < start) or (end and day > end):
            continue
        if wanted_outlets and (row.outlet or "article").lower() not in wanted_outlets:
            continue
        if wanted_categories:
            result = replace(result, tallies=[t for t in result.tallies if t.category.lower() in wanted_categories])
        kept.append(result)
    comparison, compare_errors = compare_results(kept)
    ids = {r.article.article_id for r in kept}
    filtered = Book(results=kept, comparison_rows=comparison,
                    error_rows=[e for e in book.error_rows if e.stage != "compare"] + compare_errors,
                    articles_by_id={k: v for k, v in book.articles_by_id.items() if k in ids})
    filtered.skipped = list(getattr(book, "skipped", []))
    return filtered


def coverage(book: Book) -> pd.DataFrame:
    """What the run covers: articles, outlets, publication range, event range, rows per table, errors."""
    arts = book.articles
    published = [d for d in (_as_day(v) for v in arts["published"]) if d is not None] if len(arts) else []
    timeline = book.timeline
    starts = timeline["start"].dropna() if len(timeline) else pd.Series(dtype="datetime64[ns]")
    ends = timeline["end"].dropna() if len(timeline) else pd.Series(dtype="datetime64[ns]")
    outlets = sorted({o or "article" for o in arts["outlet"]}) if len(arts) else []
    rows = [
        ("articles", len(arts)),
        ("outlets", f"{len(outlets)}: {', '.join(outlets)}" if outlets else "0"),
        ("published", f"{min(published)} – {max(published)}" if published else "no publication dates"),
        ("undated articles", len(arts) - len(published)),
        ("events dated", f"{starts.min().date()} – {ends.max().date()}" if len(starts) and len(ends)
         else "no dated events"),
        ("words", int(arts["n_words"].sum()) if len(arts) else 0),
    ]
    rows += [(f"{name} rows", len(book.table(name))) for name in ("timeline", "tallies", "claims", "comparison")]
    rows.append(("errors", len(book.errors)))
    skipped = getattr(book, "skipped", [])
    if skipped:
        rows.append(("skipped inputs", "; ".join(m.removeprefix("conflictbook: ") for m in skipped)))
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": "string"})


def _note(text: str) -> HTML:
    return HTML(f'{STYLE}<p class="cb-note">{html.escape(text)}</p>')


def show_table(df: pd.DataFrame, table: str = "", columns: Sequence[str] | None = None, empty: str = "",
               link_text: bool = False) -> HTML:
    """DF as an HTML table with anchored rows, or a note when empty; LINK_TEXT links row ids to the text marks."""
    if df is None or df.empty:
        return _note(empty or f"No {EMPTY_NAMES.get(table, 'rows')} found.")
    chosen = list(columns) if columns else DISPLAY_COLUMNS.get(table)
    return HTML(rows_html(df, table, chosen, link_text=link_text))


def show_article_table(book: Book, article_id: str, table: str) -> HTML:
    """ARTICLE_ID's rows of TABLE, each row id linking back to its mark in the highlighted text."""
    df = for_article(book.table(table), article_id)
    columns = [c for c in df.columns if c != "article_id"]  # one article: the column says nothing
    return show_table(df, table, columns, link_text=True)


def pick_article(book: Book, article_id: str = "") -> str:
    """ARTICLE_ID when given (checked), else the first article of BOOK."""
    if article_id:
        if article_id not in book.articles_by_id:
            raise ValueError(f"article {article_id!r} not in this book; have: {', '.join(book.articles_by_id)}")
        return article_id
    if not book.articles_by_id:
        why = "; ".join(f"{e.source_path}: {e.error}" for e in book.records("errors")[:3]) or "no input files found"
        raise ValueError(f"no article could be read ({why})")
    return next(iter(book.articles_by_id))


def article_metadata(book: Book, article_id: str) -> pd.DataFrame:
    """One article's metadata as (field, value) rows, with its error rows appended."""
    arts = book.articles
    row = arts[arts["article_id"] == article_id]
    if row.empty:
        return pd.DataFrame(columns=["field", "value"])
    record = row.iloc[0]
    pairs = [(f, "" if pd.isna(record[f]) else str(record[f])) for f in ARTICLE_FIELDS if f in record.index]
    source = str(record["source_path"])
    errors = book.errors
    for err in errors[errors["source_path"] == source].itertuples():
        pairs.append((f"error ({err.stage})", err.error))
    return pd.DataFrame(pairs, columns=["field", "value"])


def show_article(book: Book, article_id: str) -> HTML:
    """ARTICLE_ID's text with every extracted date, count, speaker and quote highlighted and linked."""
    article = book.articles_by_id[article_id]
    return HTML(article_html(article, book.timeline, book.tallies, book.claims))


def for_article(df: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """Rows of DF belonging to ARTICLE_ID (all rows when DF has no article_id column)."""
    if df.empty or "article_id" not in df.columns:
        return df
    return df[df["article_id"] == article_id]


def with_outlet(book: Book, df: pd.DataFrame) -> pd.DataFrame:
    """DF with the article's outlet as a column after article_id (for cross-outlet views)."""
    if "article_id" not in df.columns:
        return df
    outlets = {r.article.article_id: r.article.outlet or "article" for r in book.results}
    out = df.copy()
    if "outlet" in out.columns:
        out = out.drop(columns="outlet")
    out.insert(1, "outlet", out["article_id"].map(outlets).astype("string"))
    return out


def cross_outlet_timeline(book: Book) -> pd.DataFrame:
    """Every dated event of every article with its outlet, in time order (undated last)."""
    df = with_outlet(book, book.timeline)
    return df.sort_values(["start", "outlet", "article_id"], na_position="last", kind="stable") if len(df) else df


def tallies_by(book: Book, by: str = "outlet") -> pd.DataFrame:
    """Tallies per BY (``outlet`` or ``source``) and category: how many reports and the range of figures."""
    if by not in ("outlet", "source"):
        raise ValueError(f"tallies_by: by must be 'outlet' or 'source', not {by!r}")
    df = with_outlet(book, book.tallies)
    columns = [by, "category", "reports", "lowest", "highest", "figures"]
    if df.empty:
        return pd.DataFrame(columns=columns)
    low = df["low"].fillna(df["best"])
    high = df["high"].fillna(df["best"])
    grouped = df.assign(_low=low, _high=high).groupby([by, "category"], sort=True, dropna=False)
    out = grouped.agg(reports=("tally_id", "size"), lowest=("_low", "min"), highest=("_high", "max"),
                      figures=("quantity_text", lambda s: "; ".join(dict.fromkeys(s))))
    return out.reset_index()[columns]


def contradictions(book: Book) -> pd.DataFrame:
    """Comparison rows of topics whose sources contradict each other."""
    df = book.comparison
    return df[df["verdict"] == "contradicts"] if len(df) else df


def chart_function(kind: str):
    """The chart function for KIND, or None while ``conflictbook.charts`` does not provide it."""
    module_name, func_name, _ = CHARTS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, func_name, None)


def draw_chart(kind: str, df: pd.DataFrame):
    """(figure, "") for the KIND chart of DF, or (None, reason) when it cannot be drawn."""
    what = CHARTS[kind][2]
    if df is None or df.empty:
        return None, f"No {what} found: nothing to chart."
    func = chart_function(kind)
    if func is None:
        return None, f"The {kind} chart is not available in this version of conflictbook."
    try:
        return func(df), ""
    except Exception as exc:  # noqa: BLE001 - a chart bug must not lose the rest of the report
        warnings.warn(f"{kind} chart failed: {type(exc).__name__}: {exc}", stacklevel=2)
        return None, f"The {kind} chart failed: {type(exc).__name__}: {exc}"


def show_chart(kind: str, df: pd.DataFrame, out_dir: str = "", name: str = "") -> None:
    """Display the KIND chart of DF and save it as OUT_DIR/NAME.png when OUT_DIR is set.

    Shows a visible note instead when the table is empty, the chart module is not
    available, or the chart failed.
    """
    fig, reason = draw_chart(kind, df)
    if fig is None:
        display(_note(reason))
        return
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    if out_dir:
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name or kind}.png").write_bytes(buffer.getvalue())
    # PNG bytes, not the figure: renders the same under any matplotlib backend (Agg in CI, inline in Jupyter).
    display(Image(data=buffer.getvalue(), format="png"))

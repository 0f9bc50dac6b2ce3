"""Workbook helpers: filters, coverage, tallies by outlet/source, tables and charts (empty tables included)."""

from __future__ import annotations

import sys
import types

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import conflictbook.workbook as wb  # noqa: E402
from conflictbook.book import Book  # noqa: E402
from tests.reportbook import fake_book  # noqa: E402


@pytest.mark.parametrize(
    ("kwargs", "articles", "tallies"),
    [
        ({}, {"keral-1", "keral-2"}, 4),
        ({"date_from": "2024-03-06"}, {"keral-2"}, 1),
        ({"date_to": "2024-03-05"}, {"keral-1"}, 3),
        ({"date_from": "2024-03-05", "date_to": "2024-03-05"}, {"keral-1"}, 3),
        ({"outlets": ["radio kestrel"]}, {"keral-2"}, 1),
        ({"outlets": ["Meridian Wire", "Radio Kestrel"]}, {"keral-1", "keral-2"}, 4),
        ({"categories": ["captured"]}, {"keral-1", "keral-2"}, 1),
        ({"categories": ["killed"], "outlets": ["Meridian Wire"]}, {"keral-1"}, 2),
    ],
)
def test_filter_book(kwargs, articles, tallies):
    book = wb.filter_book(fake_book(), **kwargs)
    assert set(book.articles["article_id"]) == articles
    assert len(book.tallies) == tallies
    assert set(book.articles_by_id) == articles


def test_filter_drops_undated_articles_only_with_a_window():
    book = fake_book()
    book.results[1].article.published = None
    assert len(wb.filter_book(book).articles) == 2
    assert set(wb.filter_book(book, date_from="2024-01-01").articles["article_id"]) == {"keral-1"}


@pytest.mark.parametrize(("kwargs", "message"), [({"date_from": "March"}, "not an ISO date"),
                                                 ({"date_from": "2024-03-09", "date_to": "2024-03-01"}, "empty")])
def test_filter_rejects_bad_windows(kwargs, message):
    with pytest.raises(ValueError, match=message):
        wb.filter_book(fake_book(), **kwargs)


def test_coverage_counts_articles_outlets_dates_errors():
    table = dict(wb.coverage(fake_book(with_error=True)).itertuples(index=False))
    assert table["articles"] == "2"
    assert table["outlets"] == "2: Meridian Wire, Radio Kestrel"
    assert table["published"] == "2024-03-05 – 2024-03-06"
    assert table["events dated"] == "2024-03-01 – 2024-03-07"
    assert table["errors"] == "1"


def test_coverage_of_an_empty_book():
    table = dict(wb.coverage(Book()).itertuples(index=False))
    assert table["articles"] == "0"
    assert table["published"] == "no publication dates"
    assert table["events dated"] == "no dated events"


def test_tallies_by_outlet_and_source():
    by_outlet = wb.tallies_by(fake_book(), "outlet")
    killed = by_outlet[(by_outlet["outlet"] == "Meridian Wire") & (by_outlet["category"] == "killed")].iloc[0]
    assert (killed["reports"], killed["lowest"], killed["highest"]) == (2, 12, 15)
    assert killed["figures"] == "12 civilians; at least 15 villagers"
    by_source = wb.tallies_by(fake_book(), "source")
    assert set(by_source["source"]) == {"Meridian Wire", "Dana Roe", "army", "Rebels"}
    assert wb.tallies_by(Book(), "source").empty
    with pytest.raises(ValueError):
        wb.tallies_by(fake_book(), "category")


def test_contradictions_and_cross_outlet_timeline():
    book = fake_book()
    assert set(wb.contradictions(book)["topic_id"]) == {"K1"}
    timeline = wb.cross_outlet_timeline(book)
    assert list(timeline.columns[:2]) == ["article_id", "outlet"]
    assert list(timeline["start"].dt.date.astype(str)) == ["2024-03-01", "2024-03-03", "2024-03-03"]


def test_load_one_article_extracts_only_that_one(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha\n\nOne paragraph about nothing.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta\n\nAnother paragraph.\n", encoding="utf-8")
    assert len(wb.load([str(tmp_path)]).articles) == 2
    assert list(wb.load([str(tmp_path)], article_id="b").articles["article_id"]) == ["b"]
    with pytest.raises(ValueError, match="not found"):
        wb.load([str(tmp_path)], article_id="zzz")
    with pytest.raises(ValueError, match="no input"):
        wb.load([])


def test_skipped_files_go_to_coverage_not_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Alpha\n\nOne paragraph about nothing.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article\n", encoding="utf-8")
    book = wb.filter_book(wb.load([str(tmp_path)]))
    assert capsys.readouterr().err == ""
    table = dict(wb.coverage(book).itertuples(index=False))
    assert "notes.md" in table["skipped inputs"]


def test_pick_article_and_metadata():
    book = fake_book(with_error=True)
    assert wb.pick_article(book) == "keral-1"
    assert wb.pick_article(book, "keral-2") == "keral-2"
    with pytest.raises(ValueError, match="not in this book"):
        wb.pick_article(book, "nope")
    meta = dict(wb.article_metadata(book, "keral-1").itertuples(index=False))
    assert meta["outlet"] == "Meridian Wire" and meta["title"] == "Shelling Kills Villagers in Keral"


@pytest.mark.parametrize(("table", "message"), [("timeline", "No events found."), ("claims", "No claims found."),
                                                ("comparison", "No comparison topics found.")])
def test_show_table_says_when_empty(table, message):
    assert message in wb.show_table(Book().table(table), table).data


def test_articles_table_shows_readable_columns():
    html = wb.show_table(fake_book().articles, "articles").data
    assert "<th>title</th>" in html and "<th>source_path</th>" not in html


def test_show_article_table_links_back_to_text():
    html = wb.show_article_table(fake_book(), "keral-1", "tallies").data
    assert 'href="#cb-txt-count-keral-1-T1"' in html
    assert "keral-2" not in html


@pytest.fixture
def shown(monkeypatch):
    """What show_chart displays, captured instead of sent to a notebook."""
    items: list = []
    monkeypatch.setattr(wb, "display", items.append)
    return items


def _fake_chart_module(monkeypatch, kind: str, func):
    module_name, func_name, _ = wb.CHARTS[kind]
    module = types.ModuleType(module_name)
    setattr(module, func_name, func)
    monkeypatch.setitem(sys.modules, module_name, module)


def _figure(df, ax=None):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot(range(len(df)), range(len(df)))
    return fig


def test_show_chart_saves_png_and_displays_image(monkeypatch, shown, tmp_path):
    _fake_chart_module(monkeypatch, "timeline", _figure)
    wb.show_chart("timeline", fake_book().timeline, str(tmp_path / "out"), "timeline")
    assert (tmp_path / "out" / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert type(shown[0]).__name__ == "Image"


def test_show_chart_notes_missing_module_and_empty_table(monkeypatch, shown, tmp_path):
    monkeypatch.setitem(sys.modules, wb.CHARTS["tallies"][0], None)  # import fails
    wb.show_chart("tallies", fake_book().tallies, str(tmp_path), "tallies")
    wb.show_chart("tallies", Book().tallies, str(tmp_path), "tallies")
    assert "not available" in shown[0].data
    assert "No tallies found" in shown[1].data
    assert not list(tmp_path.iterdir())


def test_show_chart_reports_a_failing_chart(monkeypatch, shown):
    def broken(df, ax=None):
        raise KeyError("start")

    _fake_chart_module(monkeypatch, "timeline", broken)
    with pytest.warns(UserWarning, match="timeline chart failed"):
        wb.show_chart("timeline", fake_book().timeline)
    assert "KeyError" in shown[0].data


def test_for_article_and_with_outlet_keep_empty_frames():
    empty = pd.DataFrame(columns=["article_id", "tally_id"])
    assert wb.for_article(empty, "x").empty
    assert list(wb.with_outlet(Book(), empty).columns) == ["article_id", "outlet", "tally_id"]

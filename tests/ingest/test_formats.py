"""Every input format and every bad-input case: good articles kept, bad ones become error rows."""

import json
from datetime import UTC, date, datetime

import pytest

from conflictbook.article import Article
from conflictbook.ingest import iter_inputs
from conflictbook.records import ErrorRow

BODY = ("Government troops shelled the hill villages north of Port Selin on Monday, residents said, "
        "and at least four civilians were wounded.\n\nThe army denied shelling any homes.")


def read(*paths, **kw):
    items = list(iter_inputs([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ErrorRow)]


def test_plain_text_file(tmp_path):
    path = tmp_path / "selin-shelling.txt"
    path.write_text(f"Shelling Hits Hill Villages\n\nBy Radio Kestrel 3 March 2025\n\n{BODY}\n", encoding="utf-8")
    (article,), errors = read(path)
    assert not errors
    assert article.article_id == "selin-shelling"
    assert article.title == "Shelling Hits Hill Villages"
    assert article.outlet == "Radio Kestrel"
    assert article.published == date(2025, 3, 3)
    assert article.source_path == str(path)
    assert article.encoding == "utf-8"
    assert article.text.startswith("Shelling Hits Hill Villages\n\nGovernment troops")
    assert article.sentences[0].headline and not article.sentences[1].headline


def test_utf8_bom_and_cp1252(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    cp = tmp_path / "cp.txt"
    cp.write_bytes(BODY.replace("army", "army\u2019s caf\u00e9").encode("cp1252"))
    articles, errors = read(bom, cp)
    assert not errors
    assert [a.encoding for a in articles] == ["utf-8-sig", "cp1252"]
    assert not articles[0].text.startswith("\ufeff")
    assert "army\u2019s caf\u00e9" in articles[1].text


def test_jsonl_records_keep_extra_columns(tmp_path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "mw-001", "title": "Shelling", "outlet": "Meridian Wire", "author": "Lena Varga",
         "published": "2025-03-04T08:30:00Z", "url": "https://example.org/1", "text": BODY, "language": "en"},
        {"id": "", "title": "No id", "outlet": "Meridian Wire", "published": "2025-03-05", "text": BODY},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert not errors
    assert [a.article_id for a in articles] == ["mw-001", "wire-2"]
    assert articles[0].published == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert articles[1].published == date(2025, 3, 5)
    assert articles[0].extra == {"language": "en"}
    assert articles[0].record == "1" and articles[0].source_path == str(path)


def test_csv_records(tmp_path):
    path = tmp_path / "gazette.csv"
    path.write_text(
        "id,title,outlet,author,published,url,text,desk\n"
        f'hg-1,Shelling,The Harbor Gazette,,2025-03-04,,"{BODY}",north\n'
        'hg-2,Empty,The Harbor Gazette,,2025-03-04,,"",north\n', encoding="utf-8")
    articles, errors = read(path)
    assert [a.article_id for a in articles] == ["hg-1"]
    assert articles[0].extra == {"desk": "north"}
    assert len(articles[0].body.split("\n\n")) == 2
    assert [(e.record, e.stage, e.error) for e in errors] == [("2", "parse", "record has no text")]


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"""<html><head><title>Shelling Hits Hill Villages | Eastgate Post</title>
<meta property="og:title" content="Shelling Hits Hill Villages">
<meta property="og:site_name" content="Eastgate Post">
<meta name="author" content="Mira Holt">
<meta property="article:published_time" content="2025-03-04T06:15:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shelling Hits Hill Villages</h1>
<p>{BODY.split(chr(10))[0]}</p><p>The army denied shelling any homes and said its units had only returned fire.</p>
</article><footer>Copyright Eastgate Post. Subscribe to our newsletter.</footer></body></html>""", encoding="utf-8")
    (article,), errors = read(path)
    assert not errors
    assert article.title == "Shelling Hits Hill Villages"
    assert article.outlet == "Eastgate Post"
    assert article.author == "Mira Holt"
    assert article.published == datetime(2025, 3, 4, 5, 15, tzinfo=UTC)
    assert "Subscribe" not in article.text and "Home" not in article.text.split("\n")[0]


@pytest.mark.parametrize(
    ("name", "content", "stage", "reason"),
    [
        ("empty.txt", b"", "read", "empty file"),
        ("blank.txt", b"   \n\n \t\n", "read", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "read", "undecodable bytes"),
        ("broken.html", b"<html><body><div><p", "parse", "broken HTML"),
        ("scripts.html", b"<html><script>var a = 1;</script></html>", "parse", "broken HTML"),
        ("notes.docx", b"PK\x03\x04", "read", "unsupported file type"),
    ],
)
def test_bad_files_become_error_rows(tmp_path, name, content, stage, reason):
    path = tmp_path / name
    path.write_bytes(content)
    articles, errors = read(path)
    assert not articles
    assert len(errors) == 1
    assert (errors[0].source_path, errors[0].record, errors[0].stage) == (str(path), "", stage)
    assert reason in errors[0].error


def test_jsonl_bad_lines_do_not_lose_good_ones(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "published": "2025-03-04", "text": BODY}),
        "{this is not json",
        json.dumps({"id": "b", "published": "2025-03-04"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "c", "published": "2025-03-04", "text": BODY}),
    ]), encoding="utf-8")
    articles, errors = read(path)
    assert [a.article_id for a in articles] == ["a", "c"]
    assert [(e.record, e.stage) for e in errors] == [("2", "parse"), ("3", "parse"), ("4", "parse")]
    assert "not JSON" in errors[0].error and "no text" in errors[1].error


def test_missing_file_and_empty_glob(tmp_path):
    articles, errors = read(tmp_path / "nope.txt", tmp_path / "*.jsonl")
    assert not articles
    assert [e.error for e in errors] == ["no such file or directory", "glob matched no files"]


def test_directory_walk_skips_unknown_types_with_warning(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    warnings = []
    items = list(iter_inputs([tmp_path], warn=warnings.append))
    assert [i.article_id for i in items] == ["a"]
    assert len(warnings) == 1 and "notes.md" in warnings[0]


def test_overrides_and_unique_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(BODY, encoding="utf-8")
    articles, _ = read(tmp_path / "x", tmp_path / "y", published=date(2025, 1, 2), outlet="Radio Kestrel")
    assert [a.article_id for a in articles] == ["same", "same-2"]
    assert all(a.published == date(2025, 1, 2) and a.outlet == "Radio Kestrel" for a in articles)


def test_ids_are_stable_across_runs(tmp_path):
    path = tmp_path / "stable.txt"
    path.write_text(BODY, encoding="utf-8")
    assert read(path)[0][0].article_id == read(path)[0][0].article_id == "stable"

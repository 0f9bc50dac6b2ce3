"""Record files stream: one record at a time, per-line decoding, nothing lost around a bad line."""

import codecs
import json
import tracemalloc

import pytest

from conflictbook.article import Article
from conflictbook.ingest import iter_inputs
from conflictbook.records import ErrorRow

BODY = "Militia fighters seized two lorries near Port Selin on Monday, the harbour police said."


def read(path):
    items = list(iter_inputs([str(path)]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ErrorRow)]


def line(rid: str, text: str = BODY) -> str:
    return json.dumps({"id": rid, "published": "2025-03-04", "text": text}, ensure_ascii=False)


def test_jsonl_switches_to_cp1252_at_the_first_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes((line("a", BODY + " Caf\u00e9 owners fled.") + "\n").encode("utf-8")
                     + (line("b", BODY + " The mayor\u2019s office.") + "\n").encode("cp1252"))
    articles, errors = read(path)
    assert not errors
    assert [a.encoding for a in articles] == ["utf-8", "cp1252"]
    assert "Caf\u00e9" in articles[0].text and "mayor\u2019s" in articles[1].text


def test_jsonl_line_undecodable_in_both_encodings_is_one_error_row(tmp_path):
    path = tmp_path / "bytes.jsonl"
    bad = b'{"id": "b", "text": "bad \x81 byte"}\n'
    path.write_bytes((line("a") + "\n").encode() + bad + (line("c") + "\n").encode())
    articles, errors = read(path)
    assert [a.article_id for a in articles] == ["a", "c"]
    assert [(e.record, e.stage) for e in errors] == [("2", "read")]
    assert "undecodable bytes on line 2" in errors[0].error


def test_jsonl_line_separator_inside_a_string_does_not_split_the_record(tmp_path):
    path = tmp_path / "sep.jsonl"
    path.write_text(line("a", BODY + "\u2028Second line of the same story.") + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert not errors and [a.article_id for a in articles] == ["a"]


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("blank.jsonl", b" \n\n\t\n", "empty file"),
    ("blank.csv", b"\n\n", "empty file"),
    ("binary.jsonl", bytes(range(256)) * 8, "undecodable bytes: binary data"),
    ("binary.csv", b"\x00" * 100, "undecodable bytes: binary data"),
])
def test_whole_file_problems_are_one_read_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    articles, errors = read(path)
    assert not articles
    assert [(e.record, e.stage) for e in errors] == [("", "read")]
    assert reason in errors[0].error


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_utf16_files_are_read_whole(tmp_path, suffix):
    path = tmp_path / f"wide{suffix}"
    content = (line("a") + "\n") if suffix == ".jsonl" else f"id,published,text\na,2025-03-04,\"{BODY}\"\n"
    path.write_bytes(codecs.BOM_UTF16_LE + content.encode("utf-16-le"))
    articles, errors = read(path)
    assert not errors and [a.encoding for a in articles] == ["utf-16"]


def test_csv_cell_longer_than_the_csv_module_default_limit(tmp_path):
    path = tmp_path / "long.csv"
    long_text = " ".join([BODY] * 3000)           # ~270 KB in one cell
    path.write_text(f"id,published,text\nlong,2025-03-04,\"{long_text}\"\n", encoding="utf-8")
    articles, errors = read(path)
    assert not errors and len(articles[0].text) > 200_000


def test_csv_switches_to_cp1252_and_keeps_earlier_records(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,published,text\n" + f"a,2025-03-04,\"{BODY} Caf\u00e9.\"\n".encode()
                     + f"b,2025-03-04,\"{BODY}\nThe mayor\u2019s office.\"\n".encode("cp1252"))
    articles, errors = read(path)
    assert not errors
    assert [(a.article_id, a.encoding) for a in articles] == [("a", "utf-8"), ("b", "cp1252")]
    assert "mayor\u2019s" in articles[1].text


def test_csv_undecodable_bytes_keep_the_records_before_them(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(f"id,published,text\na,2025-03-04,\"{BODY}\"\n".encode() + b"b,2025-03-04,\"bad \x81\"\n")
    articles, errors = read(path)
    assert [a.article_id for a in articles] == ["a"]
    assert len(errors) == 1 and "undecodable bytes on line 3" in errors[0].error


def test_a_large_jsonl_file_is_never_held_in_memory_whole(tmp_path):
    path = tmp_path / "export.jsonl"
    story = " ".join([BODY] * 110)                # ~10 KB per record
    with path.open("w", encoding="utf-8") as handle:
        for i in range(800):
            handle.write(line(f"r{i}", story) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for item in iter_inputs([str(path)]) if isinstance(item, Article))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 800
    assert peak < size / 4, f"peak {peak:,} bytes while reading a {size:,}-byte file"

"""HTML news pages: main text and metadata through trafilatura, publication time from the markup.

trafilatura strips navigation, ads and footers and finds title, author and site name.
Its date is day-precision only, so the publication timestamp is read first from the
page's own markup (``article:published_time``, JSON-LD ``datePublished``, ``<time>``),
which keeps the time of day; trafilatura's date (no search of the body text, so no
date is guessed from the story) is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from conflictbook.article import Article
from conflictbook.ingest.stamps import parse_metadata_date
from conflictbook.records import ErrorRow

_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
                   "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date")
MIN_WORDS = 10


def read_html_page(path: Path, text: str, encoding: str) -> Iterator[Article | ErrorRow]:
    import trafilatura  # imported on first HTML page: keeps start-up fast for text corpora
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        yield ErrorRow(str(path), "", "parse", f"broken HTML: {exc}")
        return
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                      include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or len(body.split()) < MIN_WORDS:
        yield ErrorRow(str(path), "", "parse", "broken HTML: no article text found in the page")
        return
    title = (doc.title or "").strip()
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    published = _markup_date(tree) or parse_metadata_date(doc.date or "")
    yield Article.build(
        path.stem, "\n\n".join(lines), title=title, outlet=(doc.sitename or "").strip(),
        author=(doc.author or "").strip(), published=published, url=doc.url or "",
        section=(doc.categories[0] if doc.categories else ""), source_path=str(path), encoding=encoding,
    )


def _markup_date(tree):
    """Publication timestamp from meta tags, JSON-LD or <time datetime>, else None."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _META_DATE_KEYS and meta.get("content"):
            value = parse_metadata_date(meta.get("content"))
            if value is not None:
                return value
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            found = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text)
            if found:
                value = parse_metadata_date(found.group(1))
                if value is not None:
                    return value
    for node in tree.iter("time"):
        if node.get("datetime"):
            value = parse_metadata_date(node.get("datetime"))
            if value is not None:
                return value
    return None

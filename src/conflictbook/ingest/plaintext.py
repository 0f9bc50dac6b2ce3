"""Plain-text articles: split the optional header (editions, stamps, title, byline, date) from the body.

Layout rules (SPEC, "Plain-text article layout"):

* The header is the run of short lines before the first body-like paragraph (a long line
  with sentence punctuation). A file with no such header is all body.
* A byline is ``Author - Outlet Desk`` or ``By Name [date]``; the date in a byline is the
  publication date.
* Date stamps: a stamp *after* the byline (or the title) is the publication date; a lone
  stamp *before* the title is a page/crawl stamp and is never the publication date.
* The title is the last plain header line before the byline (or, without a byline, the
  last plain header line); plain lines before it are site edition names.
* A short last line without sentence punctuation after the body is the section name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from conflictbook.ingest.stamps import find_trailing_stamp, parse_stamp
from conflictbook.lexicon import load

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s*$|[.!?][\"'\u201d\u2019]?\s")
_DASH_BYLINE = re.compile(r"^(?P<author>[^-\u2013\u2014|]{2,80}?)\s+[-\u2013\u2014|]\s+(?P<outlet>.{2,80})$")
_BY_BYLINE = re.compile(r"^by\s+(?P<rest>.+)$", re.IGNORECASE)


@dataclass
class Header:
    """Metadata found in a plain-text header."""

    title: str = ""
    author: str = ""
    outlet: str = ""
    published: datetime | date | None = None
    section: str = ""
    editions: list[str] = field(default_factory=list)
    page_stamp: datetime | date | None = None


def _words(line: str) -> int:
    return len(line.split())


def is_body_line(line: str) -> bool:
    """A paragraph of prose: long enough and punctuated like sentences."""
    return _words(line) >= 12 and bool(_SENTENCE_END.search(line))


def _media() -> dict:
    return load("media")


def _places() -> set[str]:
    places = load("places")
    return {p.lower() for p in places["countries"] + places["regions"]}


def split_outlet_desk(text: str) -> str:
    """'7Dnews Syria' -> '7Dnews'; 'Meridian Wire Staff' -> 'Meridian Wire' (desk words are data)."""
    words = text.strip().rstrip(".,").split()
    desk = set(_media()["desk_words"])
    places = _places()
    while len(words) > 1:
        tail1 = words[-1].lower()
        tail2 = " ".join(words[-2:]).lower() if len(words) > 2 else ""
        if tail2 in places:
            words = words[:-2]
        elif tail1 in desk or tail1 in places:
            words = words[:-1]
        else:
            break
    return " ".join(words)


def looks_like_outlet(name: str) -> bool:
    """'The Irrawaddy', 'Meridian Wire', 'AFP' are outlets; 'Jane Doe' is a person."""
    words = name.split()
    if not words:
        return False
    marks = set(_media()["outlet_words"]) | set(_media()["organisation_words"])
    if words[0].lower() == "the" or any(w.lower().strip(".,") in marks for w in words):
        return True
    return len(words) == 1 and name.isupper()


def _is_title_case(text: str, max_words: int) -> bool:
    """Names and outlets are Title Case ('Lena Varga', 'Abu Bakr al-Sadiq'), headlines' clauses are not."""
    words = text.split()
    particles = set(_media()["name_particles"])
    return 0 < len(words) <= max_words and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in particles for w in words)


def _by_byline(line: str) -> re.Match | None:
    """ "By Jane Roe", and with a prefix from the lexicon: "Interview by Jane Roe", "Reporting by ..."."""
    match = _BY_BYLINE.match(line)
    if match:
        return match
    head, sep, _rest = line.partition(" by ")
    if sep and " ".join(head.lower().split()) in _media()["byline_prefixes"]:
        return _BY_BYLINE.match(line[len(head):].strip())
    return None


def parse_byline(line: str) -> tuple[str, str, datetime | date | None] | None:
    """(author, outlet, date) when LINE is a byline, else None."""
    line = line.strip()
    match = _by_byline(line)
    if match:
        rest, stamp = find_trailing_stamp(match.group("rest"))
        pieces = [p.strip() for p in re.split(r"\s([-\u2013\u2014|])\s", rest, maxsplit=1)]
        name, dash, after_dash, *_ = pieces + ["", ""]
        parts = [p.strip() for p in re.split(r",|\s[-\u2013\u2014|]\s|\s+for\s+|\s+and\s+the\s+", rest) if p.strip()]
        author = outlet = ""
        for part in parts:
            if looks_like_outlet(part) and not outlet:
                outlet = split_outlet_desk(part)
            elif not author:
                author = part
        if not outlet and dash and after_dash and author == name and _is_title_case(after_dash, 8):
            outlet = split_outlet_desk(after_dash)     # "By Jane Roe - Frontier Weekly": the dash names the outlet
        return author, outlet, stamp
    match = _DASH_BYLINE.match(line)
    if match and _words(line) <= 12:
        author = match.group("author").strip()
        outlet_part, stamp = find_trailing_stamp(match.group("outlet").strip())
        if parse_stamp(author) is not None or not _is_title_case(author, 5) or ":" in author \
                or not _is_title_case(outlet_part, 8):
            return None
        return author, split_outlet_desk(outlet_part), stamp
    return None


def split_header(text: str) -> tuple[Header, str]:
    """(header metadata, body text) of a plain-text article."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    header = Header()
    body_first = next((k for k, (_, ln) in enumerate(nonblank) if is_body_line(ln)), None)
    if body_first is None:
        return header, text.strip()
    head_lines = [ln for _, ln in nonblank[:body_first]]
    body_lines = nonblank[body_first:]
    _read_header(head_lines, header)
    if len(body_lines) > 1:
        last = body_lines[-1][1]
        if _words(last) <= 6 and not re.search(r"[.!?:;\"\u201d]$", last) and not parse_stamp(last):
            header.section = last
            body_lines = body_lines[:-1]
    body_start, body_end = body_lines[0][0], body_lines[-1][0]
    return header, "\n".join(lines[body_start:body_end + 1]).strip()


def _read_header(lines: list[str], header: Header) -> None:
    kinds: list[str] = []
    stamps: list[datetime | date | None] = []
    for line in lines:
        stamp = parse_stamp(line)
        byline = None if stamp else parse_byline(line)
        if stamp is not None:
            kinds.append("stamp")
        elif byline is not None:
            kinds.append("byline")
            header.author, header.outlet, stamp = byline
        else:
            kinds.append("plain")
        stamps.append(stamp)
    anchor = kinds.index("byline") if "byline" in kinds else None
    plain_before = [i for i, k in enumerate(kinds) if k == "plain" and (anchor is None or i < anchor)]
    if plain_before:
        title_at = plain_before[-1]
    else:
        plain_any = [i for i, k in enumerate(kinds) if k == "plain"]
        title_at = plain_any[0] if plain_any else None
    if title_at is not None:
        header.title = lines[title_at]
        header.editions = [lines[i] for i in plain_before[:-1]] if plain_before else []
    # Publication date: the byline's own date, else the first stamp after the byline/title.
    after = anchor if anchor is not None else title_at
    if anchor is not None and stamps[anchor] is not None:
        header.published = stamps[anchor]
    elif after is not None:
        later = [stamps[i] for i in range(after + 1, len(lines)) if kinds[i] == "stamp"]
        header.published = later[0] if later else None
    earlier = [stamps[i] for i in range(len(lines)) if kinds[i] == "stamp" and (after is None or i < after)]
    header.page_stamp = earlier[0] if earlier else None

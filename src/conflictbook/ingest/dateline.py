"""Wire datelines: "KORVATH, Tarsenia (Meridian Wire) — The toll rose…" names the outlet.

Used only to fill an outlet the metadata left empty; the dateline stays in the text so
evidence sentences remain verbatim.
"""

from __future__ import annotations

import re

from conflictbook.article import Article
from conflictbook.ingest.stamps import parse_stamp

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\u2019-]{1,40}(?:,\s*[A-Z][\w .'\u2019-]{1,40})?)\s*"
    r"\((?P<outlet>[^()]{2,40})\)\s*[-\u2013\u2014:]+\s+"
)


def dateline_outlet(body: str) -> str:
    """The outlet named in a dateline at the start of BODY, else ''."""
    match = _DATELINE.match(body.lstrip())
    if not match:
        return ""
    outlet = match.group("outlet").strip()
    if parse_stamp(outlet) is not None or not outlet[0].isupper():
        return ""
    return outlet


def fill_outlet_from_dateline(article: Article) -> None:
    if not article.outlet:
        article.outlet = dateline_outlet(article.body)

"""Source independence and grades, the way conflict monitors weigh reports.

Rules (docs/claims.md explains them for analysts):

* One independent source per speaker: a named speaker ("Jane Roe", "ARSA") is one source
  however many outlets quote it; an unnamed speaker ("resident", "military official") is
  one source per outlet, since two outlets' unnamed residents are usually different people.
* The outlet's own voice is one source per outlet, except that outlets printing the same
  sentence (a wire story republished, similarity >= ``WIRE_SIMILARITY``) count once.
* Any row whose evidence repeats another's near verbatim in a different outlet joins that
  row's source (a republished quote is not a second witness).
* Grades: ``contested`` on every row of a topic whose verdict is ``contradicts``;
  otherwise ``confirmed`` when two or more independent sources hold the row's position (same
  stance and, where there is one, the same figure, destination or agent), else ``single-source``.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from conflictbook.compare.assertions import Assertion, norm

WIRE_SIMILARITY = 0.9
BUCKET_CHARS = 40


def _raw_key(item: Assertion) -> str:
    if item.narrator:
        return f"outlet:{norm(item.outlet)}"
    name = norm(item.source)
    if item.source[:1].isupper():
        return f"speaker:{name}"
    return f"speaker:{name}@{norm(item.outlet)}"


def source_keys(items: list[Assertion]) -> dict[int, str]:
    """{id(assertion): independent-source key}, merging republished copies across outlets."""
    keys = {id(item): _raw_key(item) for item in items}
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    buckets: dict[str, list[Assertion]] = {}
    for item in items:           # near-identical sentences share a start or an end: compare within buckets only
        text = re.sub(r"[^a-z0-9 ]", "", norm(item.evidence))
        if not text:
            continue
        for bucket in {"<" + text[:BUCKET_CHARS], ">" + text[-BUCKET_CHARS:]}:
            for other in buckets.setdefault(bucket, []):
                if other.outlet == item.outlet or other.article_id == item.article_id:
                    continue
                a, b = norm(other.evidence), norm(item.evidence)
                if a == b or SequenceMatcher(None, a, b).ratio() >= WIRE_SIMILARITY:
                    ka, kb = find(keys[id(other)]), find(keys[id(item)])
                    if ka != kb:
                        parent[kb] = ka
            buckets[bucket].append(item)
    return {ident: find(key) for ident, key in keys.items()}


def grade(verdict: str, position: object, positions_by_source: dict[str, set[object]]) -> str:
    """The grade of one row: contested / confirmed / single-source.

    POSITION is what the row holds (its stance, and its figure, destination or agent);
    POSITIONS_BY_SOURCE what each independent source holds on the topic.
    """
    if verdict == "contradicts":
        return "contested"
    supporting = sum(1 for positions in positions_by_source.values() if position in positions)
    return "confirmed" if supporting >= 2 else "single-source"

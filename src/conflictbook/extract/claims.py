"""Attribution of direct and indirect speech (placeholder until the claims extractor lands)."""

from __future__ import annotations

from conflictbook.article import Article
from conflictbook.records import Claim


def extract_claims(article: Article) -> list[Claim]:
    """Claims in ARTICLE, one per attributed statement."""
    return []

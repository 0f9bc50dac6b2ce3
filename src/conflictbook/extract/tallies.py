"""Casualty and prisoner tallies (placeholder until the tallies extractor lands)."""

from __future__ import annotations

from conflictbook.article import Article
from conflictbook.records import Claim, Tally, TimelineEvent


def extract_tallies(article: Article, claims: list[Claim], events: list[TimelineEvent]) -> list[Tally]:
    """Counts of people killed, hurt, held or moved in ARTICLE."""
    return []

"""Dated events (placeholder until the timeline extractor lands)."""

from __future__ import annotations

from conflictbook.article import Article
from conflictbook.records import Claim, TimelineEvent


def extract_timeline(article: Article, claims: list[Claim]) -> list[TimelineEvent]:
    """Dated events in ARTICLE; CLAIMS tell who asserts each sentence."""
    return []

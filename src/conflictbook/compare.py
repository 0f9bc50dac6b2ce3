"""Source comparison across all articles of a run (placeholder until the comparison lands)."""

from __future__ import annotations

from conflictbook.records import ArticleResult, ComparisonRow


def compare(results: list[ArticleResult]) -> list[ComparisonRow]:
    """Topics several sources speak to, each source's position, and a verdict per topic."""
    return []

"""One article through every extractor, then the cross-article comparison.

``extract_article`` is a pure function of one ``Article`` (no shared state), so a corpus
can map it over a process pool or a Dask cluster; only ``compare`` looks across articles.
An extractor that fails on an article costs only that extractor's rows for that article:
the failure becomes an error row (stage ``extract``) and the other tables are kept.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator

from conflictbook.article import Article
from conflictbook.compare import compare
from conflictbook.compare.assertions import article_assertions
from conflictbook.extract.claims import extract_claims
from conflictbook.extract.tallies import extract_tallies
from conflictbook.extract.timeline import extract_timeline
from conflictbook.records import ArticleResult, ArticleRow, ComparisonRow, ErrorRow

NO_DATE = ("no publication date: relative dates are left unresolved; give one with --published "
           "or a date line after the byline")


def article_row(article: Article) -> ArticleRow:
    return ArticleRow(
        article_id=article.article_id, title=article.title, outlet=article.outlet_or_default, author=article.author,
        published=article.published, section=article.section, source_path=article.source_path,
        n_words=article.n_words, encoding=article.encoding, url=article.url, record=article.record,
    )


def _guarded(article: Article, name: str, errors: list[ErrorRow], func: Callable, *args):
    try:
        return func(article, *args)
    except Exception as exc:  # noqa: BLE001 - one extractor's bug must not lose the article
        where = traceback.extract_tb(exc.__traceback__)[-1]
        errors.append(ErrorRow(article.source_path, article.record or "", "extract",
                               f"{name} failed on article {article.article_id}: {type(exc).__name__}: {exc} "
                               f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"))
        return []


def extract_article(article: Article) -> ArticleResult:
    """All records of one article."""
    errors: list[ErrorRow] = []
    if article.published is None:
        errors.append(ErrorRow(article.source_path, article.record or "", "date", NO_DATE))
    claims = _guarded(article, "claims", errors, extract_claims)
    events = _guarded(article, "timeline", errors, extract_timeline, claims)
    tallies = _guarded(article, "tallies", errors, extract_tallies, claims, events)
    result = ArticleResult(article=article_row(article), timeline=events, tallies=tallies, claims=claims,
                           errors=errors)
    try:
        result.assertions = article_assertions(result, 0)
    except Exception:  # noqa: BLE001 - the comparison reads the article again and reports the failure itself
        result.assertions = None
    return result


def extract_all(items: Iterable[Article | ErrorRow]) -> Iterator[ArticleResult | ErrorRow]:
    """Serial map over inputs, passing error rows through (the engine parallelises this)."""
    for item in items:
        yield item if isinstance(item, ErrorRow) else extract_article(item)


def compare_results(results: list[ArticleResult]) -> tuple[list[ComparisonRow], list[ErrorRow]]:
    """The comparison table, guarded like an extractor."""
    try:
        return compare(results), []
    except Exception as exc:  # noqa: BLE001
        return [], [ErrorRow("", "", "compare", f"comparison failed: {type(exc).__name__}: {exc}")]

"""A small hand-built Book (fictional article, records written by hand) for the report, workbook,
highlight and export tests, so they do not depend on what the extractors find today."""

from __future__ import annotations

from datetime import date

from conflictbook.article import Article
from conflictbook.book import Book
from conflictbook.pipeline import article_row
from conflictbook.records import ArticleResult, Claim, ComparisonRow, ErrorRow, Tally, TimelineEvent

BODY = (
    "On 3 March 2024, fighters of the Northern Front shelled the village of Keral, killing 12 civilians.\n\n"
    'Local official Dana Roe told the Meridian Wire that at least 15 villagers died. "We buried them on '
    'Sunday. Nobody helped us," she said.\n\n'
    "The army denied that any soldiers were captured. Talks in the first week of March led to a prisoner exchange."
)
OTHER_BODY = "Rebels said on 3 March 2024 that they killed 20 soldiers near Keral in clashes with the army."


def _span(article: Article, needle: str, nth: int = 0) -> tuple[int, int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    sentence = article.sentence_at(start)
    return start, start + len(needle), sentence.index, sentence.text


def main_article() -> Article:
    return Article.build("keral-1", BODY, title="Shelling Kills Villagers in Keral", outlet="Meridian Wire",
                         published=date(2024, 3, 5), source_path="/tmp/keral-1.txt", author="A. Writer")


def other_article() -> Article:
    return Article.build("keral-2", OTHER_BODY, title="Rebels Claim Army Losses", outlet="Radio Kestrel",
                         published=date(2024, 3, 6), source_path="/tmp/keral-2.txt")


def main_result(article: Article) -> ArticleResult:
    aid = article.article_id
    s, e, sent, ev = _span(article, "3 March 2024")
    shelling = TimelineEvent(aid, "E1", date(2024, 3, 3), date(2024, 3, 3), "day", "3 March 2024",
                             "Northern Front shelled Keral", "Northern Front", "Keral", "Meridian Wire", ev, s, e, sent)
    s, e, sent, ev = _span(article, "the first week of March")
    talks = TimelineEvent(aid, "E2", date(2024, 3, 1), date(2024, 3, 7), "week", "the first week of March",
                          "talks led to a prisoner exchange", "", "", "Meridian Wire", ev, s, e, sent)
    s, e, sent, ev = _span(article, "12 civilians")
    killed = Tally(aid, "T1", "killed", "civilians", "Northern Front", 12, 12, 12, "12 civilians", "reported",
                   date(2024, 3, 3), "Keral", "Meridian Wire", ev, None, s, e, sent)
    s, e, sent, ev = _span(article, "at least 15 villagers")
    claimed = Tally(aid, "T2", "killed", "civilians", "", 15, 15, None, "at least 15 villagers", "claimed",
                    date(2024, 3, 3), "Keral", "Dana Roe", ev, None, s, e, sent)
    s, e, sent, ev = _span(article, "any soldiers")
    denied = Tally(aid, "T3", "captured", "soldiers", "", 0, 0, 0, "any soldiers", "denied", None, "", "army", ev,
                   None, s, e, sent)
    q_start = article.text.index("that at least 15")
    q_end = article.text.index(" died.") + len(" died")
    cue_s, cue_e, sent, ev = _span(article, "told")
    indirect = Claim(aid, "C1", "Dana Roe", "Local official", "person", "Meridian Wire", "told", "indirect",
                     article.text[q_start:q_end], ev, q_start, q_end, sent, cue_s, cue_e, (sent,))
    quote = '"We buried them on Sunday. Nobody helped us,"'
    q_start = article.text.index(quote)
    cue_s, cue_e, sent, ev = _span(article, "she said")
    direct = Claim(aid, "C2", "Dana Roe", "Local official", "person", "Meridian Wire", "said", "direct",
                   quote.strip('",'), ev, q_start, q_start + len(quote), sent, cue_s, cue_e, (sent - 1, sent))
    return ArticleResult(article=article_row(article), timeline=[shelling, talks], tallies=[killed, claimed, denied],
                         claims=[indirect, direct])


def other_result(article: Article) -> ArticleResult:
    aid = article.article_id
    s, e, sent, ev = _span(article, "3 March 2024")
    event = TimelineEvent(aid, "E1", date(2024, 3, 3), date(2024, 3, 3), "day", "3 March 2024",
                          "clashes near Keral", "Rebels; army", "Keral", "Rebels", ev, s, e, sent)
    s, e, sent, ev = _span(article, "20 soldiers")
    tally = Tally(aid, "T1", "killed", "soldiers", "Rebels", 20, 20, 20, "20 soldiers", "claimed", date(2024, 3, 3),
                  "Keral", "Rebels", ev, None, s, e, sent)
    return ArticleResult(article=article_row(article), timeline=[event], tallies=[tally])


def fake_book(with_error: bool = False) -> Book:
    """Two articles from two outlets, a contradiction, and optionally one input error."""
    one, two = main_article(), other_article()
    r1, r2 = main_result(one), other_result(two)
    evidence = r1.tallies[0].evidence
    comparison = [
        ComparisonRow("K1", "how many civilians were killed in Keral", "keral-1", "Meridian Wire", "reports", 12, 12,
                      12, "12 civilians killed", evidence, "contradicts"),
        ComparisonRow("K1", "how many civilians were killed in Keral", "keral-1", "Dana Roe", "reports", 15, 15, None,
                      "at least 15 villagers died", r1.tallies[1].evidence, "contradicts"),
    ]
    errors = [ErrorRow("/tmp/broken.html", "", "parse", "broken HTML")] if with_error else []
    return Book(results=[r1, r2], comparison_rows=comparison, error_rows=errors,
                articles_by_id={one.article_id: one, two.article_id: two})

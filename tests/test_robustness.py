"""Property-based robustness: hostile text through the readers, the splitters and every extractor.

No input may crash a run or hang it. Each call below runs under a generous time budget
(``HANG_BUDGET``); exceeding it means a hang (e.g. catastrophic regex backtracking or a
quadratic scan), not a slow machine. Failures of an extractor must come back as error
rows, never as exceptions.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictbook.article import Article, split_sentences
from conflictbook.ingest import iter_inputs
from conflictbook.ingest.plaintext import split_header
from conflictbook.ingest.stamps import find_trailing_stamp, looks_like_stamp, parse_metadata_date, parse_stamp
from conflictbook.pipeline import extract_article
from conflictbook.records import ArticleResult, ErrorRow
from conflictbook.timebudget import BudgetExceeded, call_with_budget

HANG_BUDGET = 60.0
# In CI the examples are the same on every run (a fixed seed), so a red build is reproducible;
# locally every run explores new inputs.
STABLE = bool(os.environ.get("CI"))
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
FUZZ = settings(max_examples=60, deadline=None, derandomize=STABLE, suppress_health_check=SLOW_OK)
HEAVY = settings(max_examples=15, deadline=None, derandomize=STABLE, suppress_health_check=SLOW_OK)

NUMBERS = ["1e9", "999,999,999,999", "9" * 40, "0", "-5", "3.5", "1,2,3,4", "10^12", "\uff11\uff12\uff13",
           "\u0663\u0664", "½", "twenty-one million", "a billion", "zero point five", "5-7", "100s", "#1",
           "2.000.000", "1 000 000", "\u00b2", "0x1F", "007", "million million", "three dozen"]
DATES = ["31 February", "31 February 2023", "29 February 2023", "0 March", "32 January 2024", "13/13/2024",
         "2024-02-30", "year 99999", "Monday the 45th", "the 31st", "last Febtember", "yesterday's yesterday",
         "early late 2012", "between 5 and 3 May", "1 January 0001", "9999-12-31", "on Monday, Tuesday",
         "May May 2024", "in the year 2024 BC", "12:99 GMT", "25:00 on Friday"]
WORDS = ["soldiers", "were", "killed", "captured", "said", "told", "according to", "the army", "fighters",
         "civilians", "wounded", "denied", "at least", "over", "about", "dozens of", "hostages", "released",
         "Mr.", "U.S.", "He", "She", "they", "on", "in", "near", "...", "!", "?", ";", "-", "\u2014"]
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "`", "''"]


def fragments() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(NUMBERS), st.sampled_from(DATES), st.sampled_from(WORDS),
                     st.sampled_from(QUOTES), st.text(max_size=12))


@st.composite
def hostile_bodies(draw) -> str:
    """Article bodies built from numbers, dates, quotes and arbitrary Unicode, in paragraphs."""
    paragraphs = draw(st.lists(st.lists(fragments(), max_size=40).map(" ".join), min_size=1, max_size=6))
    return "\n\n".join(paragraphs)


@st.composite
def nested_quotes(draw) -> str:
    depth = draw(st.integers(1, 40))
    openers = draw(st.lists(st.sampled_from(["\u201c", "\u2018", '"', "'", "\u00ab"]), min_size=depth,
                            max_size=depth))
    closers = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'", "\u00ab": "\u00bb"}
    inner = draw(st.sampled_from(NUMBERS + DATES))
    said = "".join(f"{o}He said " for o in openers)
    return f"{said}{inner} were killed{''.join(closers[o] for o in reversed(openers))}, the army said."


def within_budget(func, *args):
    try:
        return call_with_budget(func, HANG_BUDGET, *args)
    except BudgetExceeded:
        pytest.fail(f"{func.__name__} hung (over {HANG_BUDGET:g} s) on input starting {str(args)[:200]!r}")


def check_extraction(body: str, title: str = "") -> ArticleResult:
    """Build and extract; no exception escapes, extractor failures are error rows, evidence is verbatim."""
    article = within_budget(lambda: Article.build("fuzz", body, title=title, published=date(2024, 2, 29),
                                                  outlet="Meridian Wire"))
    result = within_budget(extract_article, article)
    assert isinstance(result, ArticleResult)
    crashed = [e.error for e in result.errors if e.stage == "extract"]
    assert not crashed, crashed
    sentences = {s.text for s in article.sentences}
    for row in [*result.timeline, *result.tallies, *result.claims]:
        assert row.evidence in sentences or _shortened(row.evidence, sentences), (type(row).__name__, row.evidence)
    return result


def _shortened(evidence: str, sentences: set[str]) -> bool:
    """Known bug, see test_evidence_of_a_very_long_sentence_is_verbatim: claims cut evidence at 600 chars."""
    return evidence.endswith("\u2026") and any(s.startswith(evidence[:-1]) for s in sentences)


@FUZZ
@given(st.text())
def test_arbitrary_unicode_extracts(body):
    check_extraction(body)


@FUZZ
@given(hostile_bodies(), st.text(max_size=80))
def test_numbers_dates_and_quotes_extract(body, title):
    check_extraction(body, title)


@FUZZ
@given(nested_quotes())
def test_deeply_nested_quotes_extract(body):
    check_extraction(body)


@HEAVY
@given(st.sampled_from(QUOTES), st.integers(1000, 5000), st.sampled_from(NUMBERS + DATES))
def test_thousands_of_quotes_extract(quote, count, inner):
    check_extraction(f"{quote}{inner} were killed, he said. " * 3 + quote * count + f" {inner} soldiers were captured.")


@HEAVY
@given(st.lists(st.sampled_from([
    "Seven civilians were killed on Tuesday, the army said.",
    "\u201cWe will not leave,\u201d said Marta Kovan, a spokeswoman.",
    "Over 999,999,999,999 people were displaced on 31 February, officials said.",
    "The U.S. Dept. of State said 1e9 were held.",
    "Dozens were wounded near Arlo.",
]), min_size=1, max_size=5), st.integers(300, 1500))
def test_enormous_paragraphs_extract(sentences, repeat):
    check_extraction(" ".join(sentences * repeat))


@pytest.mark.xfail(reason="extract.quantities.number_value: float() of a 400-digit count overflows "
                   "(OverflowError), so the article loses its tallies", strict=False)
def test_a_400_digit_count_does_not_fail_the_tallies():
    check_extraction(f"{'9' * 400} civilians were killed on Tuesday, the army said.")


@pytest.mark.xfail(reason="extract.claims truncates a claim's evidence at 600 characters with an ellipsis; "
                   "SPEC wants the sentence verbatim", strict=False)
def test_evidence_of_a_very_long_sentence_is_verbatim():
    body = "\u201c" + "We held the line and " * 60 + "we will hold it,\u201d said Marta Kovan, a spokeswoman."
    article = Article.build("long", body, published=date(2024, 2, 29))
    sentences = {s.text for s in article.sentences}
    claims = extract_article(article).claims
    assert claims and all(c.evidence in sentences for c in claims)


@pytest.mark.xfail(reason="extract.claims._indirect runs $-anchored searches over the whole left context for "
                   "every cue: cubic in the cues of one sentence (100 'He said' take 3 s, 300 over a minute)",
                   strict=False)
def test_hundreds_of_cues_in_one_sentence_do_not_hang():
    body = "\u201cHe said " * 300 + "1e9 were killed" + "\u201d" * 300 + ", the army said."
    article = Article.build("cues", body, published=date(2024, 2, 29))
    try:
        call_with_budget(extract_article, 10.0, article)
    except BudgetExceeded:
        pytest.fail("extraction of one sentence with 300 cues ran over 10 s")


@pytest.mark.parametrize("count", [50_000])
def test_splitting_an_enormous_paragraph_is_not_quadratic(count):
    text = "The army said it. Mr. Smith agreed. " * count
    assert len(within_budget(split_sentences, text)) == 2 * count


@settings(max_examples=200, deadline=None, derandomize=STABLE)
@given(st.text(alphabet=st.sampled_from(list("aZ. \n!?\"'\u201d)(\u201cU.S.Mr 1,;:-\u2014\t\u2026")), max_size=300)
       | st.text(max_size=200), st.integers(0, 20))
def test_sentences_are_exact_ordered_spans_within_paragraphs(text, headline_end):
    sentences = within_budget(split_sentences, text, headline_end)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end] == sentence.text
        assert "\n" not in sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=80), st.sampled_from(DATES + ["By Radio Kestrel 6 May 2025",
                                                                        "Lena Varga - Meridian Wire Desk",
                                                                        "Updated: 31 February 2024 12:99 GMT"])),
                max_size=30).map("\n".join),
       st.integers(0, 3))
def test_plain_text_headers_split(text, long_lines):
    text = text + ("\n" + "word " * 5000 + ".") * long_lines
    header, body = within_budget(split_header, text)
    assert isinstance(body, str)
    assert header.published is None or isinstance(header.published, date)


@settings(max_examples=300, deadline=None, derandomize=STABLE)
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(DATES + NUMBERS + ["at", "on", "GMT", ",", "|"]),
                                                 max_size=30).map(" ".join)))
def test_stamps_parse_or_refuse(value):
    for func in (parse_stamp, parse_metadata_date, looks_like_stamp):
        within_budget(func, value)
    rest, stamp = within_budget(find_trailing_stamp, value)
    assert isinstance(rest, str)


@FUZZ
@given(st.binary(max_size=3000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from([".txt", ".jsonl", ".csv", ".html"]))
def test_readers_yield_articles_or_error_rows(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = within_budget(lambda: list(iter_inputs([path], warn=lambda msg: None)))
    assert items and all(isinstance(item, (Article, ErrorRow)) for item in items)

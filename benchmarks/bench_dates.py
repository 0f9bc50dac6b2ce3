"""Accuracy and throughput of conflictbook's date resolution vs dateparser.search_dates, same set, same run.

    PYTHONPATH=src python benchmarks/bench_dates.py [--repeat N] [--show-misses]

The set (benchmarks/data/dated_sentences.yml) holds dated sentences with their publication
date and expected first/last day and precision, plus sentences whose numbers are not dates.
A dated case is right when a date the tool returns for it (the one whose text holds `when`,
if given) has the expected start and end; a no-date case is right when the tool returns
nothing. dateparser gives one datetime per match, read as start = end; it is run with the
publication date as RELATIVE_BASE and PREFER_DATES_FROM=past, the closest it has to our
anchoring. Throughput is sentences per second over the whole set (best of N runs).

A second table times whole articles (data/sample): ``extract_timeline`` against a plain
regex word tokenization of the same texts, the baseline later speed targets refer to.
"""

from __future__ import annotations

import argparse
import re
import time
import warnings
from datetime import date, datetime
from pathlib import Path

import yaml

from conflictbook.extract.dates import resolve_text

DATA = Path(__file__).resolve().parent / "data" / "dated_sentences.yml"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def load_cases(path: Path = DATA) -> list[dict]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    for case in cases:
        if not isinstance(case.get("pub"), date):
            raise ValueError(f"case without a publication date: {case}")
    return cases


def ours(case: dict) -> list[tuple[str, date | None, date | None, str]]:
    return resolve_text(case["s"], case["pub"])


def make_dateparser():
    from dateparser.search import search_dates

    def run(case: dict) -> list[tuple[str, date | None, date | None, str]]:
        base = datetime(case["pub"].year, case["pub"].month, case["pub"].day, 12)
        found = search_dates(case["s"], languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        return [(text, value.date(), value.date(), "") for text, value in found]
    return run


def judge(case: dict, found: list[tuple]) -> tuple[bool, bool]:
    """(dates right, precision right too) for one case."""
    if case.get("none"):
        return not found, not found
    when = str(case.get("when", "")).lower()
    candidates = [f for f in found if not when or when in f[0].lower()]
    right = [f for f in candidates if f[1] == case["start"] and f[2] == case["end"]]
    return bool(right), any(f[3] == case["p"] for f in right)


def measure(name: str, tool, cases: list[dict], repeat: int, show: bool) -> dict:
    results = [tool(c) for c in cases]  # warm-up and the results judged
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for case in cases:
            tool(case)
        best = min(best, time.perf_counter() - t0)
    verdicts = [judge(c, r) for c, r in zip(cases, results, strict=True)]
    dated = [v for c, v in zip(cases, verdicts, strict=True) if not c.get("none")]
    nodate = [v for c, v in zip(cases, verdicts, strict=True) if c.get("none")]
    if show:
        for case, found, (ok, _) in zip(cases, results, verdicts, strict=True):
            if not ok:
                print(f"  miss [{name}] {case['s']!r} pub {case['pub']}: want {case.get('start')}..{case.get('end')}"
                      f" got {[(f[0], str(f[1]), str(f[2])) for f in found]}")
    return {
        "name": name,
        "accuracy": sum(ok for ok, _ in verdicts) / len(cases),
        "dated": sum(ok for ok, _ in dated) / len(dated),
        "precision_too": sum(p for _, p in dated) / len(dated),
        "no_date": sum(ok for ok, _ in nodate) / len(nodate) if nodate else 1.0,
        "rate": len(cases) / best,
    }


def best_time(run, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def article_speed(repeat: int) -> None:
    """Whole-article timeline extraction vs plain tokenization, same texts, same run."""
    from conflictbook.article import Article
    from conflictbook.extract.timeline import extract_timeline
    from conflictbook.ingest import iter_inputs

    articles = [a for a in iter_inputs([SAMPLE], warn=lambda _: None) if isinstance(a, Article)]
    if not articles:
        print(f"no sample articles in {SAMPLE}: article timing skipped")
        return
    words = sum(len(TOKEN_RE.findall(a.text)) for a in articles)
    extract_timeline(articles[0], [])  # warm-up (lexicons, gazetteer)
    tokenize = best_time(lambda: [TOKEN_RE.findall(a.text) for a in articles], repeat)
    timeline = best_time(lambda: [extract_timeline(a, []) for a in articles], repeat)
    print(f"{len(articles)} sample articles, {words} tokens: tokenize {words / tokenize:,.0f} tokens/s, "
          f"extract_timeline {words / timeline:,.0f} tokens/s ({tokenize / timeline:.1%} of tokenization speed)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tool (best is kept)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    cases = load_cases()
    warnings.filterwarnings("ignore")
    rows = [measure("conflictbook", ours, cases, args.repeat, args.show_misses),
            measure("dateparser", make_dateparser(), cases, args.repeat, args.show_misses)]
    n_dated = sum(not c.get("none") for c in cases)
    print(f"{len(cases)} sentences ({n_dated} dated, {len(cases) - n_dated} without a date)")
    print(f"{'tool':<13} {'accuracy':>8} {'dated':>7} {'+prec.':>7} {'no-date':>8} {'sent/s':>9}")
    for r in rows:
        print(f"{r['name']:<13} {r['accuracy']:8.3f} {r['dated']:7.3f} {r['precision_too']:7.3f} "
              f"{r['no_date']:8.3f} {r['rate']:9.0f}")
    print(f"throughput ratio conflictbook/dateparser: {rows[0]['rate'] / rows[1]['rate']:.1f}x; "
          f"accuracy difference: {rows[0]['accuracy'] - rows[1]['accuracy']:+.3f}")
    article_speed(max(args.repeat, 5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

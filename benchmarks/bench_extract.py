"""Extraction speed in words per second against plain tokenization of the same text (the floor).

Baselines measured in this run on the same texts: ``str.split`` (a C whitespace split) and a
regex word tokenizer (words, numbers and punctuation, as any NLP pipeline's first step).
Measured: building the ``Article`` (paragraphs, sentences with offsets) and the full
``extract_article`` (claims, timeline, tallies). A statistical pipeline (spaCy), when
``benchmarks/bench_nlp.py`` provides one, is timed on the same texts too.
Target: full extraction at >= 25% of the regex tokenizer's speed.

Two corpora: the synthetic one (templated articles, mostly neutral filler, as
``bench_corpus`` uses) and the realistic one (the bundled sample articles and the held-out
set: dense, varied real-world grammar, every sentence a candidate). Both are reported; the
synthetic one is the headline because it is large enough to time steadily. The last line
runs the synthetic corpus on all cores (fork, as the engine does) — how a corpus run goes.

    python benchmarks/bench_extract.py [--quick] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import multiprocessing
import pstats
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import make_article  # noqa: E402

from conflictbook.article import Article  # noqa: E402
from conflictbook.engine import available_cores  # noqa: E402
from conflictbook.ingest import iter_inputs  # noqa: E402
from conflictbook.pipeline import extract_article  # noqa: E402

TOKEN = re.compile(r"\w+(?:[-'\u2019.,]\w+)*|[^\w\s]")
TARGET = 0.25


def texts(n: int) -> list[tuple[str, str, date]]:
    """(title, body, published) of N synthetic articles plus the bundled sample articles."""
    rng = random.Random(11)
    out = []
    for i in range(n):
        record, _ = make_article(i, rng)
        out.append((record["title"], record["text"], date.fromisoformat(record["published"])))
    return out


def realistic_articles() -> list[Article]:
    """The bundled sample articles and the held-out set, as the CLI reads them (good ones only)."""
    folders = [HERE.parent / "data" / "sample", HERE / "heldout" / "articles"]
    items = iter_inputs([f for f in folders if f.is_dir()], warn=lambda _msg: None)
    return [a for a in items if isinstance(a, Article) and a.publication_date]


def all_cores_seconds(articles: list[Article], workers: int) -> float:
    """Wall time of extracting ARTICLES in a fork pool of WORKERS processes, results sent back."""
    context = multiprocessing.get_context("fork")
    start = time.perf_counter()
    with context.Pool(workers) as pool:
        pool.map(extract_article, articles, chunksize=8)
    return time.perf_counter() - start


def best_of(repeat: int, func) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
    return min(timings)


def nlp_baseline(bodies: list[str]):
    """(label, seconds) of the statistical pipeline that ``bench_nlp.py`` loads, or None with the reason."""
    path = HERE / "bench_nlp.py"
    if not path.is_file():
        print("statistical NLP: skipped (benchmarks/bench_nlp.py is not there)")
        return None
    spec = importlib.util.spec_from_file_location("bench_nlp", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        _spacy, nlp = module.load_spacy()
    except SystemExit as exc:  # bench_nlp exits with a message when spaCy or its model is missing
        print(f"statistical NLP: skipped ({exc})")
        return None
    except Exception as exc:  # noqa: BLE001 - an optional comparison
        print(f"statistical NLP: skipped ({type(exc).__name__}: {exc})")
        return None
    label = f"spaCy {nlp.meta.get('name', '')}".strip()
    return label, best_of(1, lambda: list(nlp.pipe(bodies)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles")
    parser.add_argument("--profile", action="store_true", help="print the hottest functions of extraction")
    args = parser.parse_args()
    corpus = texts(60 if args.quick else 300)
    bodies = [body for _, body, _ in corpus]
    words = sum(len(b.split()) for b in bodies)
    repeat = 3
    split_s = best_of(repeat, lambda: [b.split() for b in bodies])
    regex_s = best_of(repeat, lambda: [TOKEN.findall(b) for b in bodies])

    def build():
        return [Article.build(f"b{i}", body, title=title, published=pub, outlet="Meridian Wire")
                for i, (title, body, pub) in enumerate(corpus)]

    articles = build()
    build_s = best_of(repeat, build)
    extract_s = best_of(repeat, lambda: [extract_article(a) for a in articles])
    full_s = build_s + extract_s
    rows = sum(len(r.timeline) + len(r.tallies) + len(r.claims) for r in map(extract_article, articles))

    def rate(seconds: float) -> str:
        return f"{words / seconds:>12,.0f} words/s"

    print(f"texts: {len(bodies)} articles, {words:,} words, {rows} rows extracted")
    print(f"str.split (floor):        {rate(split_s)}")
    print(f"regex tokenizer (floor):  {rate(regex_s)}")
    print(f"Article.build:            {rate(build_s)}  {regex_s / build_s:6.1%} of regex tokenizer")
    print(f"extract_article:          {rate(extract_s)}  {regex_s / extract_s:6.1%} of regex tokenizer")
    print(f"build + extract (full):   {rate(full_s)}  {regex_s / full_s:6.1%} of regex tokenizer, "
          f"{split_s / full_s:6.2%} of str.split")
    real = realistic_articles()
    if real:
        real_bodies = [a.text for a in real]
        real_words = sum(len(b.split()) for b in real_bodies)
        real_regex = best_of(5, lambda: [TOKEN.findall(b) for b in real_bodies])
        real_s = best_of(repeat, lambda: [extract_article(a) for a in real])
        print(f"realistic corpus: {len(real)} articles (data/sample + benchmarks/heldout), {real_words:,} words")
        print(f"  regex tokenizer (floor): {real_words / real_regex:>12,.0f} words/s")
        print(f"  extract_article:         {real_words / real_s:>12,.0f} words/s  "
              f"{real_regex / real_s:6.1%} of regex tokenizer")
    cores = available_cores()
    if cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        pooled = min(all_cores_seconds(articles, cores) for _ in range(2))
        print(f"synthetic on {cores} cores:     {rate(pooled)}  {regex_s / pooled:6.1%} of one-core regex tokenizer "
              f"({extract_s / pooled:.2f}x one core)")
    nlp = nlp_baseline(bodies)
    if nlp:
        label, nlp_s = nlp
        print(f"{label + ' (statistical):':<26}{rate(nlp_s)}  full extraction runs at {nlp_s / full_s:.1f}x its speed")
    ok = regex_s / full_s >= TARGET
    print(f"target: full extraction >= {TARGET:.0%} of tokenization speed: {'met' if ok else 'NOT met'} "
          f"({regex_s / full_s:.1%})")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [extract_article(a) for a in articles])
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(15)
        print(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())

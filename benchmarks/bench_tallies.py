"""The tallies stage with its keyword gates against the same stage with every gate open, in one run.

Both runs extract the same rows (checked); the baseline opens every word gate of
``extract.tally_gates`` and turns off the word-start shortcuts of the count pattern and of the
active-cue look-back, so the ratio is what gating saves. Claims and timeline events are
extracted once, before timing; CPU time, best of the repeats.

    python benchmarks/bench_tallies.py [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import make_article  # noqa: E402

import conflictbook.extract.cues as cues  # noqa: E402
import conflictbook.extract.quantities as quantities  # noqa: E402
import conflictbook.extract.tallies as tallies  # noqa: E402
from conflictbook.article import Article  # noqa: E402
from conflictbook.extract.claims import extract_claims  # noqa: E402
from conflictbook.extract.timeline import extract_timeline  # noqa: E402


@contextmanager
def ungated():
    """Every gate open, every shortcut off: each sentence goes through every regex pass."""
    saved = tallies.gate_words, cues._cue_openers, quantities.table
    plain_table = dataclasses.replace(quantities.table(), openers=None)
    tallies.gate_words = lambda words: None
    cues._cue_openers = lambda: None
    quantities.table = lambda: plain_table
    try:
        yield
    finally:
        tallies.gate_words, cues._cue_openers, quantities.table = saved


def best_cpu(repeat: int, func) -> float:
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        timings.append(time.process_time() - start)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles")
    args = parser.parse_args()
    rng = random.Random(11)
    articles = []
    for i in range(60 if args.quick else 300):
        record, _ = make_article(i, rng)
        articles.append(Article.build(f"b{i}", record["text"], title=record["title"], outlet="Meridian Wire",
                                      published=date.fromisoformat(record["published"])))
    inputs = []
    for article in articles:
        claims = extract_claims(article)
        inputs.append((article, claims, extract_timeline(article, claims)))
    sentences = sum(len(a.sentences) for a in articles)

    def run():
        return [tallies.extract_tallies(a, c, e) for a, c, e in inputs]

    gated_rows = run()
    with ungated():
        plain_rows = run()
        plain_s = best_cpu(3, run)
    gated_s = best_cpu(3, run)
    if gated_rows != plain_rows:
        print("the gated stage extracts other rows than the ungated one: a gate is not a superset")
        return 1
    rows = sum(map(len, gated_rows))
    print(f"texts: {len(articles)} articles, {sentences} sentences, {rows} tally rows (the same in both runs)")
    print(f"tallies, every gate open (baseline): {plain_s:7.3f} s cpu")
    print(f"tallies, gated:                      {gated_s:7.3f} s cpu  {plain_s / gated_s:5.2f}x the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

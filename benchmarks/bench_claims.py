"""How attribution time grows with article length (quotes and cues in every paragraph).

Prints seconds per article size and the ratio to the smallest size measured in the same run;
the extractor should stay about linear (quotes are looked up by bisection, not scanned).
Building the article (sentence splitting) is not timed: it is not part of attribution.

    PYTHONPATH=src python benchmarks/bench_claims.py [--sizes 250 500 1000 2000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from conflictbook.article import Article
from conflictbook.extract.claims import extract_claims

PARAGRAPH = ("Seven civilians were killed on Tuesday, the army said. “We will not leave,” said Marta Kovan, a "
             "spokeswoman. Activist Jane Roe told the Valley Courier that the road was mined. She added, “Nobody "
             "can pass.”")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000], help="paragraphs")
    args = parser.parse_args()
    base = None
    for size in args.sizes:
        article = Article.build("bench", "\n\n".join([PARAGRAPH] * size), published=date(2025, 1, 1))
        began = time.perf_counter()
        claims = extract_claims(article)
        took = time.perf_counter() - began
        base = base or (took, size)
        print(f"paragraphs={size:6d}  claims={len(claims):6d}  {took:7.3f}s  time ratio {took / base[0]:6.2f}  "
              f"size ratio {size / base[1]:6.2f}")


if __name__ == "__main__":
    main()

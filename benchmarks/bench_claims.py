"""How attribution time grows with article length (quotes and cues in every paragraph).

Prints seconds per article size and the ratio to the smallest size measured in the same run;
the extractor should stay about linear (quotes are looked up by bisection, not scanned).
Building the article (sentence splitting) is not timed: it is not part of attribution.

    PYTHONPATH=src python benchmarks/bench_claims.py [--sizes 250 500 1000 2000]
"""

from __future__ import annotations

import argparse
from datetime import date

from scaling import report_scaling

from conflictbook.article import Article
from conflictbook.extract.claims import extract_claims

PARAGRAPH = ("Seven civilians were killed on Tuesday, the army said. “We will not leave,” said Marta Kovan, a "
             "spokeswoman. Activist Jane Roe told the Valley Courier that the road was mined. She added, “Nobody "
             "can pass.”")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000], help="paragraphs")
    args = parser.parse_args()
    report_scaling(args.sizes, lambda size: Article.build("bench", "\n\n".join([PARAGRAPH] * size),
                                                          published=date(2025, 1, 1)),
                   extract_claims, label="paragraphs", produced="claims")

if __name__ == "__main__":
    main()

"""How comparison time grows with corpus size (blocked topic index vs all-pairs growth).

Synthetic corpus: N articles spread over a year, each with a few claims and tallies about
its own event. Prints seconds per size and the ratio to the smallest size measured in the
same run; with blocking the ratio should grow about linearly with N (all pairs: N squared).

    PYTHONPATH=src python benchmarks/bench_compare.py [--sizes 100 200 400 800]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from scaling import report_scaling

from conflictbook.compare import compare
from conflictbook.records import ArticleResult, ArticleRow, Claim, Tally

PLACES = ["Alder", "Birch", "Cedar", "Dunmore", "Elm", "Fenwick", "Gorse", "Hollin"]


def synthetic(n: int) -> list[ArticleResult]:
    results = []
    start = date(2024, 1, 1)
    for i in range(n):
        aid, day, place = f"a{i}", start + timedelta(days=(i * 3) % 365), PLACES[i % len(PLACES)]
        row = ArticleRow(aid, "t", f"Outlet {i % 5}", "", day, "", f"{aid}.txt", 300)
        claims = [
            Claim(aid, "C001", f"Speaker {i}", "", "person", "", "said", "indirect",
                  f"the army captured {i % 40 + 2} fighters in {place}", f"Speaker {i} said the army captured "
                  f"{i % 40 + 2} fighters in {place}.", sentence=1, sentences=(1,)),
            Claim(aid, "C002", f"Witness {i}", "", "person", "", "said", "indirect",
                  f"the prisoners were moved to {place} town", f"Witness {i} said the prisoners were moved to "
                  f"{place} town.", sentence=3, sentences=(3,)),
        ]
        tallies = [Tally(aid, "T1", "killed", "civilians", "", 5, 5, 5, "five civilians",
                         "reported", day, place, f"Outlet {i % 5}", f"Five civilians were killed in {place}.",
                         sentence=0)]
        results.append(ArticleResult(article=row, claims=claims, tallies=tallies))
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 800])
    args = parser.parse_args()
    report_scaling(args.sizes, synthetic, compare)

if __name__ == "__main__":
    main()

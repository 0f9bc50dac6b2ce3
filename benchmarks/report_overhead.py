"""How much a report costs over extracting the tables: `report` vs `extract` on the same inputs.

Baseline: `conflictbook extract INPUT --out T` (reading + extraction + tables), timed in this
run. Measured: `conflictbook report INPUT --out R` (the same, plus the kernel start, the
notebook's own extraction, the charts and the HTML). Prints the ratio report/extract.

    python benchmarks/report_overhead.py [INPUT ...]      (default: data/sample)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from conflictbook.cli import main

ROOT = Path(__file__).resolve().parents[1]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    code = main(argv)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {code}")
    return time.perf_counter() - start


def run(inputs: list[str], repeat: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        extract = min(timed(["extract", *inputs, "--out", f"{tmp}/t{i}", "--quiet"]) for i in range(repeat))
        report = min(timed(["report", *inputs, "--out", f"{tmp}/r{i}", "--quiet"]) for i in range(repeat))
        each = timed(["report", *inputs, "--out", f"{tmp}/e", "--quiet", "--each"])
        n = sum(1 for _ in Path(f"{tmp}/e").glob("*/report.html"))
    print(f"inputs: {' '.join(inputs)}")
    print(f"extract (baseline): {extract:.2f} s")
    print(f"report:             {report:.2f} s  ratio {report / extract:.1f}x extract")
    print(f"report --each:      {each:.2f} s for {n} article(s), {each / max(n, 1):.2f} s per article, "
          f"ratio {each / extract:.1f}x extract")


if __name__ == "__main__":
    run(sys.argv[1:] or [str(ROOT / "data" / "sample")])

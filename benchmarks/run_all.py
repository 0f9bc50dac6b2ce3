"""Run every benchmark, each in its own process, and print their reports one after another.

    python benchmarks/run_all.py [--quick]

``--quick`` runs smaller inputs (about a minute in all); without it the corpus benchmark
processes the full 10,000 synthetic articles. Each benchmark prints its ratios against a
baseline measured in the same run and whether its target is met.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_extract.py", "bench_corpus.py", "bench_report.py"]
OPTIONAL = {"bench_nlp.py": "spacy"}  # benchmark: the package it needs


def main(argv: list[str]) -> int:
    quick = ["--quick"] if "--quick" in argv else []
    env = dict(os.environ)
    src = str(HERE.parent / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("MPLBACKEND", "Agg")
    failed = []
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}")
    optional = []
    for name, needs in OPTIONAL.items():
        if not (HERE / name).is_file():
            continue
        if importlib.util.find_spec(needs) is None:
            print(f"\n== {name}: skipped ({needs} is not installed; pip install -e .[nlp])")
        else:
            optional.append(name)
    for name in BENCHMARKS + optional:
        print(f"\n== {name} {' '.join(quick)}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / name), *quick], env=env)
        print(f"-- {name}: exit {code}, {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

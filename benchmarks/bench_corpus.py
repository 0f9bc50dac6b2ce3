"""A 10,000-article synthetic corpus through ``conflictbook extract``: wall time, peak memory, scaling, accuracy.

Each run is the real command in a child process. Peak memory is the resident set of the
whole process tree (the command and its workers), sampled every 0.1 s with psutil, and
the largest single process from ``getrusage(RUSAGE_CHILDREN)``. Baseline measured in the
same run: reading the corpus into ``Article`` objects without extracting (the floor a
corpus run cannot go below). Scaling is 1 vs 2 workers on the first files of the corpus;
the full corpus runs on all cores. Accuracy is checked against the generator's gold
values (``synth.py``), so speed never hides a loss of recall.
Targets: 10,000 articles in under 5 minutes on 2 cores, peak memory under 2 GB.

    python benchmarks/bench_corpus.py [--quick] [--articles N] [--scaling-articles N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import load_gold, write_corpus  # noqa: E402

TARGET_SECONDS, TARGET_BYTES, TARGET_ARTICLES = 300.0, 2 * 1024**3, 10_000


def run_measured(argv: list[str]) -> tuple[float, int, int]:
    """(wall seconds, peak tree RSS bytes, largest single-process RSS bytes) of a child command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tree_peak = 0
    parent = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            procs = [parent, *parent.children(recursive=True)]
            tree_peak = max(tree_peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - start
    err = child.stderr.read()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {child.returncode}:\n{err[-2000:]}")
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return wall, tree_peak, single if single > before * 1024 else before * 1024


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def available_speedup(workers: int = 2, rounds: int = 8, size: int = 2_000_000) -> float:
    """Speed-up of a pure CPU loop on WORKERS processes right now: what the machine's load leaves us."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    for _ in range(rounds):
        _burn(size)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_burn, [1000] * workers))
        start = time.perf_counter()
        list(pool.map(_burn, [size] * rounds))
        parallel = time.perf_counter() - start
    return serial / parallel


def extract_cmd(inputs: list[Path], out: Path, jobs: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "conflictbook.cli", "extract", *map(str, inputs), "--out", str(out), "--quiet"]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def read_only_seconds(inputs: list[Path]) -> tuple[float, int]:
    code = ("import sys,time;from conflictbook.ingest import iter_inputs;t=time.perf_counter();"
            "n=sum(1 for _ in iter_inputs(sys.argv[1:]));print(n, time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code, *map(str, inputs)], capture_output=True, text=True, check=True)
    n, seconds = out.stdout.split()
    return float(seconds), int(n)


def accuracy(out: Path, gold_path: Path) -> dict[str, float]:
    """Recall of gold tallies (category, best), dates and speakers; precision of tally rows."""
    golds = load_gold(gold_path)
    tallies = pd.read_csv(out / "tallies.csv", dtype=str, keep_default_na=False)
    timeline = pd.read_csv(out / "timeline.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    found_tallies = set(zip(tallies["article_id"], tallies["category"], tallies["best"], strict=True))
    found_dates = {(a, s[:10]) for a, s in zip(timeline["article_id"], timeline["start"], strict=True)}
    found_speakers = set(zip(claims["article_id"], claims["speaker"], strict=True))
    gold_tallies = {(g.article_id, c, str(n)) for g in golds.values() for c, n in g.tallies}
    gold_dates = {(g.article_id, d) for g in golds.values() for d in g.dates}
    gold_speakers = {(g.article_id, s) for g in golds.values() for s in g.speakers}

    def share(hit: int, total: int) -> float:
        return hit / total if total else 0.0

    return {
        "tally recall": share(len(gold_tallies & found_tallies), len(gold_tallies)),
        "tally precision": share(sum(1 for t in found_tallies if t in gold_tallies), len(found_tallies)),
        "date recall": share(len(gold_dates & found_dates), len(gold_dates)),
        "speaker recall": share(len(gold_speakers & found_speakers), len(gold_speakers)),
    }


def same_tables(left: Path, right: Path) -> bool:
    return all((left / f"{t}.csv").read_bytes() == (right / f"{t}.csv").read_bytes()
               for t in ("articles", "timeline", "tallies", "claims", "comparison", "errors"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles, scaling on 400")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--scaling-articles", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="write corpus and outputs here and keep them")
    args = parser.parse_args()
    n_articles = args.articles or (1000 if args.quick else TARGET_ARTICLES)
    n_scaling = args.scaling_articles or (400 if args.quick else 2000)
    per_file = 200 if n_articles <= 2000 else 1000
    with tempfile.TemporaryDirectory(prefix="cb-bench-") as tmp:
        root = args.keep or Path(tmp)
        start = time.perf_counter()
        files = write_corpus(root / "synth", n_articles, per_file)
        print(f"corpus: {n_articles:,} synthetic articles in {len(files)} JSONL files "
              f"({time.perf_counter() - start:.1f} s to generate); cores: {os.cpu_count()}, "
              f"load average before: {os.getloadavg()[0]:.2f}")
        scaling_files = files[: max(1, -(-n_scaling // per_file))]
        n_scaled = min(n_articles, len(scaling_files) * per_file)
        read_s, n_read = read_only_seconds(files)
        print(f"baseline: reading {n_read:,} articles (no extraction): {read_s:.1f} s")
        control_before = available_speedup()
        one = run_measured(extract_cmd(scaling_files, root / "out-1", 1) + ["--cache", str(root / "cache-1")])
        two = run_measured(extract_cmd(scaling_files, root / "out-2", 2) + ["--cache", str(root / "cache-2")])
        control = (control_before + available_speedup()) / 2
        print(f"scaling on {n_scaled:,} articles: 1 worker {one[0]:.1f} s, 2 workers {two[0]:.1f} s, "
              f"speed-up {one[0] / two[0]:.2f}x; a pure CPU loop on 2 processes gets {control:.2f}x on this "
              f"machine now (2.00x when idle), so the engine reaches {one[0] / two[0] / control:.0%} of what "
              f"the load leaves; identical tables: {same_tables(root / 'out-1', root / 'out-2')}")
        extra = write_corpus(root / "extra", max(1, n_scaled // 100), per_file, seed=99, first_id=10**6)
        again = run_measured(extract_cmd(scaling_files + extra, root / "out-2", 2) + ["--cache", str(root / "cache-2")])
        print(f"incremental: re-run on the same {n_scaled:,} articles plus {max(1, n_scaled // 100)} new ones "
              f"(1%) with the cache: {again[0]:.1f} s, {two[0] / again[0]:.1f}x faster than the full run")
        wall, tree_peak, single = run_measured(extract_cmd(files, root / "out-all", None))
        print(f"full corpus: {n_articles:,} articles on all cores in {wall:.1f} s "
              f"({n_articles / wall:.0f} articles/s, {wall / read_s:.1f}x the reading floor)")
        print(f"peak memory: process tree {tree_peak / 1024**2:,.0f} MiB (largest single process "
              f"{single / 1024**2:,.0f} MiB)")
        scores = accuracy(root / "out-all", root / "synth" / "gold.jsonl")
        print("accuracy vs gold: " + ", ".join(f"{k} {v:.1%}" for k, v in scores.items()))
        projected = wall * TARGET_ARTICLES / n_articles
        print(f"target: {TARGET_ARTICLES:,} articles < {TARGET_SECONDS:.0f} s: "
              f"{'met' if projected < TARGET_SECONDS else 'NOT met'} ({projected:.0f} s"
              f"{'' if n_articles == TARGET_ARTICLES else ', projected linearly'}); "
              f"peak memory < 2 GiB: {'met' if tree_peak < TARGET_BYTES else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared loop of the growth benchmarks: time one step per input size, print ratios to the smallest."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sized


def report_scaling(sizes: Iterable[int], build: Callable[[int], object], run: Callable[[object], Sized],
                   label: str = "n", produced: str = "rows") -> None:
    """Build the input of each size (untimed), time RUN on it, print time and size ratios."""
    base = None
    for size in sizes:
        data = build(size)
        began = time.perf_counter()
        out = run(data)
        took = time.perf_counter() - began
        base = base or (took, size)
        print(f"{label}={size:6d}  {produced}={len(out):6d}  {took:7.3f}s  time ratio {took / base[0]:6.2f}  "
              f"size ratio {size / base[1]:6.2f}")

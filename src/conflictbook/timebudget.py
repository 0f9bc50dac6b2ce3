"""A time budget for one call, so one pathological article cannot hang a corpus run.

Two mechanisms, picked by where the call runs:

* the main thread of a process (serial runs, process-pool workers): ``signal.setitimer``
  raises ``BudgetExceeded`` in the call. The regex engine checks for signals while it
  matches, so this also stops catastrophic backtracking inside ``re``.
* any other thread (Dask workers run tasks in a thread pool): a watchdog timer raises
  ``BudgetExceeded`` asynchronously in the calling thread. This stops Python code; a single
  long C call is only interrupted when it returns, so the engine's caller-side timeout is
  the backstop there.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class BudgetExceeded(BaseException):  # noqa: N818 - reads as a sentence: "raise BudgetExceeded"
    """The call ran past its time budget.

    A ``BaseException`` on purpose: the pipeline guards each extractor with ``except
    Exception`` and must not swallow the timeout and carry on past the budget.
    """


def _can_use_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _signal_budget(seconds: float):
    def on_alarm(signum, frame):
        raise BudgetExceeded(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_budget(seconds: float):
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()

    def fire():
        with lock:
            if not done.is_set():
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(BudgetExceeded))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            done.set()
            timer.cancel()


def call_with_budget(func: Callable[..., T], seconds: float | None, *args) -> T:
    """FUNC(*ARGS), raising ``BudgetExceeded`` when it runs longer than SECONDS (None: no budget)."""
    if not seconds or seconds <= 0:
        return func(*args)
    guard = _signal_budget if _can_use_signal() else _thread_budget
    try:
        with guard(seconds):
            return func(*args)
    except BudgetExceeded:
        raise BudgetExceeded(f"timed out after {seconds:g} s") from None

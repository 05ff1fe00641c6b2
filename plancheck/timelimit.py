"""A time limit per file: a timer signal that raises FileTimeout in the thread that set it.

The re engine checks for signals as it goes, so the timer also stops a regular expression
that runs away. Only where signals can be had: the main thread of a process on a POSIX
system (the command line and its worker processes); elsewhere there is no limit.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator


class FileTimeout(BaseException):
    """A file ran past its time limit. A BaseException, so that no ``except Exception`` on the
    way (a rule's fault isolation) takes it for a bug of one rule."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise FileTimeout in this thread after ``seconds`` (None or 0: no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise FileTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_forward: Callable[[float], None] | None = None   # in a reading child: the parent holds the timer


def forward_extensions(send: Callable[[float], None]) -> None:
    """In a child process reading for its parent (plancheck.read.guarded): ``extend`` asks the
    parent, whose timer runs, instead."""
    global _forward
    _forward = send


def extend(seconds: float) -> None:
    """More time for the file being read, when a timer runs: a scanned page read by OCR takes
    seconds of its own, which a limit fitted to text would not allow."""
    if _forward is not None:
        _forward(seconds)
        return
    if not hasattr(signal, "getitimer") or threading.current_thread() is not threading.main_thread():
        return
    left, _ = signal.getitimer(signal.ITIMER_REAL)
    if left > 0:
        signal.setitimer(signal.ITIMER_REAL, left + seconds)

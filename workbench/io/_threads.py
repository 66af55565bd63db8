"""Run independent pieces of a load on the machine's cores (Arrow kernels and numpy loops
release the GIL), with results in the order of the inputs, so a load is the same whatever
the number of threads.

A piece already running on a worker runs its own pieces one after the other (no nested
waiting on the same pool).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

__all__ = ("count_byte", "count_pair", "parallel_map", "workers")

T = TypeVar("T")
R = TypeVar("R")

_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
_LOCAL = threading.local()
#: Bytes per piece when a buffer is scanned in pieces.
BLOCK = 1 << 24


def workers() -> int:
    """Threads used for the pieces of one load (the cores, at most 8)."""
    return max(1, min(8, os.cpu_count() or 1))


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="workbench-io",
                                       initializer=_mark_worker)
        return _POOL


def _mark_worker() -> None:
    _LOCAL.worker = True


def parallel_map(fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``[fn(x) for x in items]``, the calls spread over the cores; the first exception
    raised (in the order of ``items``) propagates."""
    items = list(items)
    if len(items) < 2 or workers() < 2 or getattr(_LOCAL, "worker", False):
        return [fn(x) for x in items]
    futures = [_pool().submit(fn, x) for x in items]
    return [f.result() for f in futures]


def _ranges(n: int, start: int, end: int | None) -> list[tuple[int, int]]:
    end = n if end is None else min(end, n)
    return [(i, min(i + BLOCK, end)) for i in range(start, end, BLOCK)]


def count_byte(buf, byte: int, start: int = 0, end: int | None = None) -> int:
    """How many times ``byte`` occurs in ``buf[start:end]`` (any buffer: bytes, mmap)."""
    a = np.frombuffer(buf, dtype=np.uint8)
    return sum(parallel_map(lambda r: int(np.count_nonzero(a[r[0]:r[1]] == byte)),
                            _ranges(len(a), start, end)))


def count_pair(buf, first: int, second: int, start: int = 0) -> int:
    """How many times the two bytes ``first`` ``second`` occur in a row in ``buf[start:]``."""
    a = np.frombuffer(buf, dtype=np.uint8)

    def piece(r: tuple[int, int]) -> int:
        lo, hi = r
        hi2 = min(hi + 1, len(a))  # the pair may straddle the end of the piece
        x = a[lo:hi2]
        return int(np.count_nonzero((x[:-1] == first) & (x[1:] == second)))

    return sum(parallel_map(piece, _ranges(len(a), start, None)))

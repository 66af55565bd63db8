"""Exact duplicate rows: hash the parsed values, then compare the candidates' original text."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbench.io._columns import Parsed
from workbench.io._read import RawTable
from workbench.io._threads import parallel_map, workers

__all__ = ("find_duplicates",)


def _mix(h: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Mix the 64-bit words ``a`` into the hashes ``h`` (in place, no temporary but one)."""
    np.bitwise_xor(h, a, out=h)
    np.multiply(h, np.uint64(0x100000001B3), out=h)
    np.bitwise_xor(h, np.right_shift(h, np.uint64(29)), out=h)
    np.multiply(h, np.uint64(0xBF58476D1CE4E5B9), out=h)
    return h


def _pair(h: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The hash of the 64-bit word pairs ``(a, b)`` into ``h`` (six passes over the rows)."""
    np.multiply(a, np.uint64(0x9E3779B97F4A7C15), out=h)
    np.bitwise_xor(h, np.multiply(b, np.uint64(0xC2B2AE3D27D4EB4F)), out=h)
    np.bitwise_xor(h, np.right_shift(h, np.uint64(31)), out=h)
    np.multiply(h, np.uint64(0xBF58476D1CE4E5B9), out=h)
    return h


#: Rows per block of an elementwise pass: its temporaries (8 MB) come back from the allocator
#: block after block instead of fresh pages from the system for every pass over the rows.
_BLOCK = 1 << 20


#: Rows from which the passes and sorts of the duplicates run on the cores.
_PARALLEL_ROWS = 1 << 18


def _blocks(n: int, parts: int = 1) -> list[slice]:
    step = min(_BLOCK, -(-n // parts)) if n else _BLOCK
    return [slice(i, min(i + step, n)) for i in range(0, n, step)]


def _on_blocks(fn, n: int) -> None:
    """``fn(block)`` for the row blocks of ``n`` rows (at least one per core from
    :data:`_PARALLEL_ROWS` rows, on the cores)."""
    if n < _PARALLEL_ROWS or workers() < 2:
        for b in _blocks(n):
            fn(b)
    else:
        parallel_map(fn, _blocks(n, workers()))


def _pair_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`_pair` over row blocks (on the cores from :data:`_PARALLEL_ROWS` rows): the
    same values."""
    h = np.empty(len(a), dtype=np.uint64)
    _on_blocks(lambda s: _pair(h[s], a[s], b[s]), len(h))
    return h


def _mix_rows(h: np.ndarray, a: np.ndarray) -> np.ndarray:
    """:func:`_mix` over row blocks (on the cores from :data:`_PARALLEL_ROWS` rows; the mix is
    row by row)."""
    _on_blocks(lambda s: _mix(h[s], a[s]), len(h))
    return h


def _repeated_sorted(hs: np.ndarray) -> np.ndarray:
    """The values occurring more than once in the sorted ``hs``, sorted and unique."""
    same = hs[1:] == hs[:-1]
    return np.unique(hs[1:][same]) if same.any() else hs[:0]


def _repeated_values(h: np.ndarray) -> np.ndarray:
    """The values occurring more than once in ``h``, sorted."""
    return _repeated_sorted(np.sort(h))


def _high_words(h: np.ndarray) -> np.ndarray:
    """The upper 32 bits of every 64-bit value of the contiguous ``h`` (a strided view)."""
    words = h.view(np.uint32)
    return words[1::2] if sys.byteorder == "little" else words[0::2]


def _repeated(h: np.ndarray) -> np.ndarray:
    """Mask of the values of ``h`` (uint64) that occur more than once.

    A large ``h``: its upper 32-bit words are sorted (cheaper than the 64-bit values), in the
    halves cut by their top bit on the cores (no word is in both halves); the rows whose word
    is repeated are the candidates (every repeated value among them, and a few values that
    only share the word), whose 64-bit values are then sorted alone.
    """
    h = np.ascontiguousarray(h)
    if len(h) < 1 << 16:
        values = _repeated_values(h)
        return _members(h, values) if len(values) else np.zeros(len(h), dtype=bool)
    k = _high_words(h)
    if len(k) < _PARALLEL_ROWS or workers() < 2:
        words = _repeated_values(k)
    else:
        top = k >= np.uint32(1 << 31)
        halves = [k[~top], k[top]]
        del k, top
        parallel_map(np.ndarray.sort, halves)  # in place
        # sorted: every word of the low half is below every word of the high one
        words = np.concatenate([_repeated_sorted(x) for x in halves])
        del halves
    if not len(words):  # the common case: no two rows alike
        return np.zeros(len(h), dtype=bool)
    sub = np.flatnonzero(_members(_high_words(h), words))
    hs = h[sub]
    values = _repeated_values(hs)
    out = np.zeros(len(h), dtype=bool)
    if len(values):
        out[sub[_members(hs, values)]] = True
    return out


def _members(h: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Mask of the elements of ``h`` found in ``values`` (sorted, unique; both uint64 or both
    uint32).

    Few values (the usual case: a few rows alike among millions): a bit table on the low bits
    of the values keeps the candidates, whose exact membership is then looked up; many: one
    hash table.
    """
    if len(values) > 1 << 20:
        return pd.Index(values).get_indexer(h) >= 0
    bits = 1 << max(10, min(24, len(values).bit_length() + 8))
    signed = np.int64 if h.dtype == np.uint64 else np.int32
    table = np.zeros(bits, dtype=bool)
    table[values.view(signed) & (bits - 1)] = True
    out = np.zeros(len(h), dtype=bool)

    def block(s: slice) -> None:
        part = h[s]
        maybe = np.flatnonzero(table[part.view(signed) & (bits - 1)])
        sub = part[maybe]
        at = np.minimum(np.searchsorted(values, sub), len(values) - 1)
        out[s][maybe[values[at] == sub]] = True

    _on_blocks(block, len(h))
    return out


def find_duplicates(raw: RawTable, parsed: list[Parsed], kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of exact duplicate rows among ``kept`` and the position each repeats."""
    everything = bool(kept.all())  # the usual case: no row rejected, no positions to build
    pos = None if everything else np.flatnonzero(kept)
    n = len(kept) if everything else len(pos)
    if n < 2:
        return np.array([], np.int64), np.array([], np.int64)

    def at(i: np.ndarray) -> np.ndarray:  # positions among the kept rows -> rows
        return i if everything else pos[i]

    typed = [c.values for c in parsed
             if isinstance(c.values, np.ndarray) and c.values.dtype.kind in "fM"]
    used = len(typed)
    words = [np.ascontiguousarray(v if everything else v[pos]).view(np.uint64)
             for v in typed[:2]]
    with np.errstate(over="ignore"):
        if used >= 2:  # the usual case: the date and the amount
            h = _pair_rows(*words)
        else:
            h = np.zeros(n, dtype=np.uint64)
            for a in words:
                h = _mix_rows(h, a)
        if used < 2:
            for name in raw.names:
                col = raw.columns[name]
                codes = pd.factorize(np.asarray(col.to_numpy(zero_copy_only=False), dtype=object))[0]
                h = _mix(h, (codes if everything else codes[pos]).astype(np.uint64))
    same = _repeated(h)
    if used > 2 and same.any():
        # the other typed columns, only for the rows the first two leave (equal rows have
        # equal hashes at every step, so no duplicate is lost)
        sub = np.flatnonzero(same)
        h1 = h[sub]
        with np.errstate(over="ignore"):
            for v in typed[2:]:
                h1 = _mix(h1, np.ascontiguousarray(v[at(sub)]).view(np.uint64))
        same = np.zeros(n, dtype=bool)
        same[sub[_repeated(h1)]] = True
    if used >= 2 and same.sum() > max(1000, n // 20):
        # many rows share the typed values (fixed prices, dates without time): add the text
        # columns of those rows to the hash before the exact comparison
        idx = np.flatnonzero(same)
        sub = at(idx)
        h2 = h[idx]
        with np.errstate(over="ignore"):
            for name in raw.names:
                col = raw.columns[name].take(pa.array(sub, type=pa.int64()))
                if pa.types.is_string(col.type):
                    codes = pc.dictionary_encode(col).combine_chunks().indices
                    h2 = _mix(h2, np.asarray(codes.to_numpy(zero_copy_only=False), np.uint64))
        same2 = _repeated(h2)
        same = np.zeros(n, dtype=bool)
        same[idx[same2]] = True
    cand = at(np.flatnonzero(same))
    if not len(cand):
        return np.array([], np.int64), np.array([], np.int64)
    frame = raw.frame(cand).reset_index(drop=True)
    frame = frame.astype(object).where(frame.notna(), None)
    group = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    first: dict[int, int] = {}
    dup, of = [], []
    for p, g in zip(cand, group, strict=False):  # cand is ascending, so the first seen is the earliest row
        if g in first:
            dup.append(p)
            of.append(first[g])
        else:
            first[g] = p
    return np.asarray(dup, np.int64), np.asarray(of, np.int64)

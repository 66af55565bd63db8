"""Exact duplicate rows: hash the parsed values, then compare the candidates' original text."""

from __future__ import annotations

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


def _pair_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`_pair` over row ranges on the cores."""
    h = np.empty(len(a), dtype=np.uint64)
    n = len(h)
    if n < 1 << 21 or workers() < 2:
        return _pair(h, a, b)
    step = -(-n // workers())
    parallel_map(lambda i: _pair(h[i:i + step], a[i:i + step], b[i:i + step]), range(0, n, step))
    return h


def _mix_rows(h: np.ndarray, a: np.ndarray) -> np.ndarray:
    """:func:`_mix` over row ranges on the cores (the same values: the mix is row by row)."""
    n = len(h)
    if n < 1 << 21 or workers() < 2:
        return _mix(h, a)
    step = -(-n // workers())
    parallel_map(lambda i: _mix(h[i:i + step], a[i:i + step]), range(0, n, step))
    return h


def _repeated_values(h: np.ndarray) -> np.ndarray:
    """The values occurring more than once in ``h``, sorted."""
    hs = np.sort(h)
    same = hs[1:] == hs[:-1]
    return np.unique(hs[1:][same]) if same.any() else hs[:0]


def _repeated(h: np.ndarray) -> np.ndarray:
    """Mask of the values of ``h`` that occur more than once.

    A large ``h`` is cut by the top bit of its values (no value is in both halves) and the
    halves sorted on the cores.
    """
    if len(h) < 1 << 21 or workers() < 2:
        values = _repeated_values(h)
    else:
        top = h >= np.uint64(1 << 63)
        low, high = parallel_map(_repeated_values, [h[~top], h[top]])
        values = np.concatenate([low, high])  # sorted: every low value is below every high one
    if not len(values):  # the common case: no two rows alike
        return np.zeros(len(h), dtype=bool)
    return _members(h, values)


def _members(h: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Mask of the elements of ``h`` (uint64) found in ``values`` (sorted, unique).

    Few values (the usual case: a few rows alike among millions): a bit table on the low bits
    of the values keeps the candidates, whose exact membership is then looked up; many: one
    hash table.
    """
    if len(values) > 1 << 20:
        return pd.Index(values).get_indexer(h) >= 0
    bits = 1 << max(10, min(24, len(values).bit_length() + 8))
    table = np.zeros(bits, dtype=bool)
    table[values.view(np.int64) & (bits - 1)] = True
    maybe = np.flatnonzero(table[h.view(np.int64) & (bits - 1)])
    sub = h[maybe]
    at = np.minimum(np.searchsorted(values, sub), len(values) - 1)
    out = np.zeros(len(h), dtype=bool)
    out[maybe[values[at] == sub]] = True
    return out


def find_duplicates(raw: RawTable, parsed: list[Parsed], kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of exact duplicate rows among ``kept`` and the position each repeats."""
    pos = np.flatnonzero(kept)
    if len(pos) < 2:
        return np.array([], np.int64), np.array([], np.int64)
    typed = [c.values for c in parsed
             if isinstance(c.values, np.ndarray) and c.values.dtype.kind in "fM"]
    used = len(typed)
    words = [np.ascontiguousarray(v if len(pos) == len(v) else v[pos]).view(np.uint64)
             for v in typed[:2]]
    with np.errstate(over="ignore"):
        if used >= 2:  # the usual case: the date and the amount
            h = _pair_rows(*words)
        else:
            h = np.zeros(len(pos), dtype=np.uint64)
            for a in words:
                h = _mix_rows(h, a)
        if used < 2:
            for name in raw.names:
                col = raw.columns[name]
                codes = pd.factorize(np.asarray(col.to_numpy(zero_copy_only=False), dtype=object))[0]
                h = _mix(h, codes[pos].astype(np.uint64))
    same = _repeated(h)
    if used > 2 and same.any():
        # the other typed columns, only for the rows the first two leave (equal rows have
        # equal hashes at every step, so no duplicate is lost)
        sub = np.flatnonzero(same)
        h1 = h[sub]
        with np.errstate(over="ignore"):
            for v in typed[2:]:
                h1 = _mix(h1, np.ascontiguousarray(v[pos[sub]]).view(np.uint64))
        same = np.zeros(len(pos), dtype=bool)
        same[sub[_repeated(h1)]] = True
    if used >= 2 and same.sum() > max(1000, len(pos) // 20):
        # many rows share the typed values (fixed prices, dates without time): add the text
        # columns of those rows to the hash before the exact comparison
        sub = pos[same]
        h2 = h[same]
        with np.errstate(over="ignore"):
            for name in raw.names:
                col = raw.columns[name].take(pa.array(sub, type=pa.int64()))
                if pa.types.is_string(col.type):
                    codes = pc.dictionary_encode(col).combine_chunks().indices
                    h2 = _mix(h2, np.asarray(codes.to_numpy(zero_copy_only=False), np.uint64))
        same2 = _repeated(h2)
        same = np.zeros(len(pos), dtype=bool)
        same[np.flatnonzero(np.isin(pos, sub[same2]))] = True
    cand = pos[same]
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

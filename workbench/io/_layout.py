"""Report layouts that are not flat tables: 1C reports grouped by counterparty.

A 1C "sales by counterparty" report puts the client on a *group line* (the client's name, an
empty date, the client's subtotal), the documents below it with an empty client column, and
*subtotal lines* ("Итого", "Всего", "Total"). Read flat, every document would be rejected for
its empty client. :func:`ungroup` recognises the layout, carries each group line's client down
to its documents and names every group and subtotal line, so the report builder can reject
them with a reason instead of losing them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbench.io._parse import normalise_word, to_text

__all__ = ("TOTAL_WORDS", "Grouped", "ungroup")

#: First words of subtotal lines (compared with :func:`normalise_word`).
TOTAL_WORDS: tuple[str, ...] = ("итого", "итог", "всего", "total", "grand total", "subtotal")


@dataclass
class Grouped:
    """What :func:`ungroup` found in a grouped report."""

    customer: pa.ChunkedArray  # the client column with group clients carried down
    group_lines: np.ndarray  # positions of the group lines
    subtotal_lines: np.ndarray  # positions of the subtotal lines
    n_filled: int  # document lines that received their client from a group line


def _is_total(text: str) -> bool:
    w = normalise_word(text)
    return any(w == t or w.startswith(t + " ") for t in TOTAL_WORDS)


def ungroup(columns: dict[str, pa.ChunkedArray], customer_src: str,
            date_src: str) -> Grouped | None:
    """Recognise a report grouped by client and fill the client down; None for a flat table.

    The layout is recognised when most lines that name a client have no date (group lines)
    while at least as many dated lines (documents) have no client as have one, and the first
    document comes after the first group line.
    """
    raw_cust = columns[customer_src]
    if pa.types.is_string(raw_cust.type) and raw_cust.null_count == 0 and (
        pc.min(pc.binary_length(raw_cust)).as_py() or 0
    ) > 0 and not pc.any(pc.utf8_is_space(raw_cust)).as_py():
        return None  # the common case: every line names its client
    cust = to_text(raw_cust)
    date = to_text(columns[date_src])
    cust_empty = np.asarray(pc.equal(cust, "").to_numpy(zero_copy_only=False), dtype=bool)
    if not cust_empty.any():
        return None  # the common case: every line names its client
    date_empty = np.asarray(pc.equal(date, "").to_numpy(zero_copy_only=False), dtype=bool)
    named = ~cust_empty
    heads = named & date_empty
    docs_without = cust_empty & ~date_empty
    docs_with = named & ~date_empty
    if not heads.any() or not docs_without.any():
        return None
    if heads.sum() < 0.8 * named.sum() or docs_without.sum() < docs_with.sum():
        return None
    if np.flatnonzero(docs_without)[0] < np.flatnonzero(heads)[0]:
        return None
    # subtotal lines: an undated line whose first filled field starts with a total word
    undated = np.flatnonzero(date_empty)
    texts = [to_text(col.take(pa.array(undated))).to_pylist() for col in columns.values()]
    subtotal = np.zeros(len(cust_empty), dtype=bool)
    for k, p in enumerate(undated.tolist()):
        first = next((col[k] for col in texts if col[k]), "")
        subtotal[p] = _is_total(first)
    group = date_empty & ~subtotal & (named | _any_filled(texts, undated, len(cust_empty)))
    carry = heads & ~subtotal
    last = np.where(carry, np.arange(len(carry)), -1)
    last = np.maximum.accumulate(last)
    fill = cust_empty & ~date_empty & (last >= 0)
    values = np.asarray(cust.to_numpy(zero_copy_only=False), dtype=object)
    values[fill] = values[last[fill]]
    return Grouped(
        pa.chunked_array([pa.array(values, type=pa.string())]),
        np.flatnonzero(group), np.flatnonzero(subtotal), int(fill.sum()),
    )


def _any_filled(texts: list[list[str]], undated: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    for k, p in enumerate(undated.tolist()):
        out[p] = any(col[k] for col in texts)
    return out

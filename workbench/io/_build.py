"""Builders of a load's results: the verdict on every row, the canonical frame, the report frames."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from workbench.io._columns import Parsed, canonical_values
from workbench.io._messages import Note
from workbench.io._parse import to_text
from workbench.io._read import RawTable

__all__ = ("Verdicts", "build_frame", "build_invalid", "build_rejected", "build_duplicates")


@dataclass
class Verdicts:
    """Which rows are rejected and why, and which optional values were blanked.

    ``problems[pos]`` lists ``(column, problem code, reason)`` for a rejected row, the reason
    a :class:`~workbench.io._messages.Note` (``load.reason.<problem>`` and its values);
    ``invalid`` lists the cells of optional columns that were set to missing.
    """

    raw: RawTable
    labels: dict[str, str]  # canonical column -> "source (canonical)" label
    reject: np.ndarray = field(init=False)
    problems: dict[int, list[tuple[str, str, Note]]] = field(default_factory=dict)
    invalid: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reject = np.zeros(self.raw.n_rows, dtype=bool)
        self.settled = np.zeros(self.raw.n_rows, dtype=bool)

    def add_row_problem(self, positions: np.ndarray, column: str, problem: str,
                        reasons: list[Note], settle: bool = False) -> None:
        """Reject ``positions`` for a problem that is not about one value (layout, duplicate).

        With ``settle``, the rows are not lines of the table at all (group and subtotal lines
        of a report): the issues of their values are not added to the reason.
        """
        for p, r in zip(positions.tolist(), reasons, strict=True):
            self.problems.setdefault(p, []).append((column, problem, r))
        self.reject[positions] = True
        if settle:
            self.settled[positions] = True

    def add_parsed(self, c: Parsed, required: bool, source: pa.ChunkedArray) -> None:
        """Record the issues of one parsed column: rejections if required, else blanked cells."""
        lab = self.labels[c.canon]
        for issue in c.issues:
            pos = issue.positions
            values = issue.values
            keep = ~self.settled[pos]
            if not keep.all():
                pos = pos[keep]
                values = None if values is None else [v for v, k in zip(values, keep, strict=True) if k]
            if not len(pos):
                continue
            if values is None:
                values = to_text(source.take(pa.array(pos, type=pa.int64()))).to_pylist()
            reasons = [
                Note(f"load.reason.{issue.problem}", column=lab, value=repr(v),
                     expected=issue.expected)
                for v in values
            ]
            if required:
                for p, r in zip(pos.tolist(), reasons, strict=True):
                    self.problems.setdefault(p, []).append((c.canon, issue.problem, r))
                self.reject[pos] = True
            else:
                rows = self.raw.rows[pos]
                self.invalid += [
                    {"row": int(rw), "column": c.canon, "value": v, "problem": issue.problem,
                     "reason": r, "_pos": int(p)}
                    for rw, v, r, p in zip(rows.tolist(), values, reasons, pos.tolist(), strict=True)
                ]


def _joined(reasons: list[Note]) -> Note:
    """One reason, or the reasons of a row with several problems (said joined by ``;``)."""
    return reasons[0] if len(reasons) == 1 else Note("load.reasons", reasons=tuple(reasons))


def build_frame(parsed: list[Parsed], keep_pos: np.ndarray | None,
                extra: dict[str, object]) -> pd.DataFrame:
    """The canonical frame: parsed columns in schema order, then the extra source columns."""
    out: dict[str, object] = {c.canon: canonical_values(c, keep_pos) for c in parsed}
    for nm, vals in extra.items():
        out[nm if nm not in out else f"{nm}_original"] = vals if keep_pos is None else vals[keep_pos]
    # the parsed arrays become the frame's columns as they are: no copy into consolidated
    # blocks (a 10M-row load spent longer there than in reading the file's numbers)
    frame = pd.DataFrame(out, copy=False)
    for c in parsed:
        if c.dtype == "datetime":
            frame[c.canon] = frame[c.canon].astype("datetime64[ns]")
    return frame


def build_rejected(v: Verdicts, original, malformed_frame) -> pd.DataFrame:
    """Rejected rows as read, with ``row``, ``column``, ``problem``, ``reason`` (a Note); by row."""
    raw = v.raw
    pos = np.flatnonzero(v.reject)
    rejected = original(pos)
    probs = [v.problems[p] for p in pos.tolist()]
    rejected["row"] = raw.rows[pos]
    rejected["column"] = ["; ".join(dict.fromkeys(x[0] for x in pr if x[0])) for pr in probs]
    rejected["problem"] = ["; ".join(dict.fromkeys(x[1] for x in pr)) for pr in probs]
    rejected["reason"] = pd.Series([_joined([x[2] for x in pr]) for pr in probs],
                                   index=rejected.index, dtype=object)
    if raw.malformed:
        mal = malformed_frame()
        mal["row"] = [m[0] for m in raw.malformed]
        mal["column"] = ""
        mal["problem"] = "malformed"
        mal["reason"] = pd.Series([Note("load.reason.malformed", detail=m[2])
                                   for m in raw.malformed], index=mal.index, dtype=object)
        if raw.index is None:
            rejected = rejected.reset_index(drop=True)
        rejected = pd.concat([rejected, mal], ignore_index=raw.index is None)
        rejected = rejected.sort_values("row", kind="mergesort")
        if raw.index is None:
            rejected = rejected.reset_index(drop=True)
    rejected["row"] = rejected["row"].astype("int64")
    return rejected


def build_duplicates(raw: RawTable, original, dup_pos: np.ndarray,
                     dup_of: np.ndarray) -> pd.DataFrame:
    """Rows repeating an earlier kept row, with ``row`` and ``duplicate_of``."""
    frame = original(dup_pos)
    frame["row"] = raw.rows[dup_pos].astype("int64")
    frame["duplicate_of"] = (raw.rows[dup_of] if len(dup_of) else np.array([], np.int64)).astype(
        "int64")
    return frame


def build_invalid(v: Verdicts) -> pd.DataFrame:
    """Blanked optional values of kept rows: ``row``, ``column``, ``value``, ``problem``, ``reason``."""
    inv = pd.DataFrame(v.invalid, columns=["row", "column", "value", "problem", "reason", "_pos"])
    inv = inv[~v.reject[inv["_pos"].to_numpy(dtype=np.int64)]].drop(columns="_pos")
    inv = inv.sort_values(["row", "column"], kind="mergesort").reset_index(drop=True)
    inv["row"] = inv["row"].astype("int64")
    return inv

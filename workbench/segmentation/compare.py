"""Comparing the criteria of step 4: how RFM, ABC-XYZ, the ladder and clusters line up."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.segmentation.abc_xyz import ABC_XYZ_CELLS
from workbench.segmentation.ladder import LADDER_RUNGS
from workbench.segmentation.rfm import RFM_SEGMENTS

__all__ = (
    "cramers_v",
    "criteria_agreement",
    "segment_criteria",
    "segment_crosstab",
)

#: Natural display order of each criterion's values (others follow alphabetically).
CRITERIA_ORDER: dict[str, tuple[str, ...]] = {
    "rfm_segment": (*RFM_SEGMENTS, "other"),
    "abc": ("A", "B", "C"),
    "xyz": ("X", "Y", "Z"),
    "cell": ABC_XYZ_CELLS,
    "rung": LADDER_RUNGS,
}


def segment_criteria(
    rfm: pd.DataFrame | None = None,
    abc_xyz: pd.DataFrame | None = None,
    ladder: pd.DataFrame | None = None,
    clusters: pd.Series | None = None,
    extra: Mapping[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """Put the step-4 segmentations of each customer side by side.

    Parameters
    ----------
    rfm : DataFrame, optional
        :func:`workbench.rfm_table` (its ``segment`` becomes ``rfm_segment``).
    abc_xyz : DataFrame, optional
        :func:`workbench.abc_xyz` (``abc``, ``xyz``, ``cell``).
    ladder : DataFrame, optional
        :func:`workbench.loyalty_ladder` (``rung``).
    clusters : Series, optional
        A segment per customer, e.g. :meth:`workbench.Segmenter.name_labels` (``cluster``).
    extra : mapping, optional
        More criteria ``{column name: Series indexed by customer_id}`` (e.g. a CRM type).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (sorted): the customers present in *every* input given
        (leads without a purchase and customers outside the ABC-XYZ window drop out), one
        string column per criterion.

    Examples
    --------
    >>> lad = pd.DataFrame({"rung": ["buyer", "regular", "potential"]}, index=["a", "b", "c"])
    >>> cl = pd.Series(["Small", "Big"], index=["a", "b"])
    >>> segment_criteria(ladder=lad, clusters=cl)  # doctest: +NORMALIZE_WHITESPACE
                    rung cluster
    customer_id
    a              buyer   Small
    b            regular     Big
    """
    cols: dict[str, pd.Series] = {}
    if rfm is not None:
        cols["rfm_segment"] = rfm["segment"]
    if abc_xyz is not None:
        for c in ("abc", "xyz", "cell"):
            cols[c] = abc_xyz[c]
    if ladder is not None:
        cols["rung"] = ladder["rung"]
    if clusters is not None:
        cols["cluster"] = pd.Series(clusters)
    for name, series in (extra or {}).items():
        cols[str(name)] = pd.Series(series)
    if not cols:
        raise WorkbenchError("segment_criteria: give at least one of rfm, abc_xyz, ladder, "
                             "clusters or extra")
    frame = pd.concat({k: v.astype("string") for k, v in cols.items()}, axis=1, join="inner")
    frame = frame.dropna().sort_index(kind="mergesort")
    frame.index.name = "customer_id"
    return frame


def _order(column: str, values: pd.Series) -> list[str]:
    present = values.astype(str)
    natural = CRITERIA_ORDER.get(column, CRITERIA_ORDER.get(_base(column)))
    if natural is None:  # e.g. clusters: largest first, ties by name
        sizes = present.value_counts()
        return sorted(sizes.index, key=lambda v: (-sizes[v], v))
    seen = set(present)
    return [v for v in natural if v in seen] + sorted(seen - set(natural))


def _base(column: str) -> str:
    """``cell_profit`` -> ``cell``: an extra criterion named after a known one sorts like it."""
    return column.split("_")[0] if column != "rfm_segment" else column


def cramers_v(a: pd.Series, b: pd.Series) -> float:
    """Cramér's V between two categorical series (0 = unrelated, 1 = one determines the other).

    ``sqrt(chi2 / (n * (min(rows, cols) - 1)))`` on their crosstab, without bias correction;
    0 when either has a single category.

    Examples
    --------
    >>> cramers_v(pd.Series(list("aabb")), pd.Series(list("xxyy")))
    1.0
    >>> cramers_v(pd.Series(list("aabb")), pd.Series(list("xyxy")))
    0.0
    """
    table = pd.crosstab(a.astype(str), b.astype(str)).to_numpy(np.float64)
    n = table.sum()
    k = min(table.shape) - 1
    if n == 0 or k < 1:
        return 0.0
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / n
    chi2 = float(((table - expected) ** 2 / expected).sum())
    return float(np.sqrt(chi2 / (n * k)))


def criteria_agreement(
    criteria: pd.DataFrame, columns: list[str] | tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Return Cramér's V between every pair of criteria of :func:`segment_criteria`.

    Parameters
    ----------
    criteria : DataFrame
        The result of :func:`segment_criteria`.
    columns : sequence of str, optional
        The criteria to compare (default all; leave out ``cell`` next to ``abc`` and ``xyz``,
        it is made of them).

    Returns
    -------
    DataFrame
        Square, symmetric, ones on the diagonal; index and columns are the criteria names.
    """
    names = list(criteria.columns) if columns is None else list(columns)
    unknown = [c for c in names if c not in criteria.columns]
    if unknown:
        raise WorkbenchError(
            f"criteria_agreement: {unknown} not among the criteria {list(criteria.columns)}"
        )
    out = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            v = cramers_v(criteria[a], criteria[b])
            out.loc[a, b] = out.loc[b, a] = v
    return out


def segment_crosstab(
    criteria: pd.DataFrame,
    rows: str,
    cols: str,
    normalize: bool = False,
) -> pd.DataFrame:
    """Cross-tabulate two criteria of :func:`segment_criteria`.

    Parameters
    ----------
    criteria : DataFrame
        The result of :func:`segment_criteria`.
    rows, cols : str
        Two of its columns.
    normalize : bool, default False
        Shares of each row (rows sum to 1) instead of counts.

    Returns
    -------
    DataFrame
        Counts (or row shares); rows and columns in their natural order (ladder order, the
        nine cells, the RFM rules; clusters largest first), labelled with the criteria's keys
        (axis names ``rows`` and ``cols``). :func:`workbench.format_crosstab` names them in
        the audience's language.
    """
    for c in (rows, cols):
        if c not in criteria.columns:
            raise WorkbenchError(
                f"segment_crosstab: {c!r} is not a criterion; available: {list(criteria.columns)}"
            )
    table = pd.crosstab(criteria[rows].astype(str), criteria[cols].astype(str))
    table = table.reindex(index=_order(rows, criteria[rows]), columns=_order(cols, criteria[cols]),
                          fill_value=0)
    if normalize:
        table = table.div(table.sum(axis=1).replace(0, np.nan), axis=0)
    table.index = pd.Index(table.index, name=rows)
    table.columns = pd.Index(table.columns, name=cols)
    return table

"""Comparing the criteria of step 4: how RFM, ABC-XYZ, the ladder and clusters line up."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.segmentation._text import count, num, pct, value_label
from workbench.segmentation.abc_xyz import ABC_XYZ_CELLS
from workbench.segmentation.ladder import LADDER_RUNGS
from workbench.segmentation.rfm import RFM_SEGMENTS

__all__ = (
    "cramers_v",
    "criteria_agreement",
    "describe_agreement",
    "describe_crosstab",
    "format_criteria_agreement",
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


def _criterion(name: str, language: str) -> str:
    key = f"crit.{name}"
    return t(key, language) if has(key) else name


def _value(column: str, value: str, language: str) -> str:
    base = _base(column)
    return value_label("segment" if base == "rfm_segment" else base, value, language)


def format_criteria_agreement(agreement: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`criteria_agreement` with translated criteria names, two decimals as text."""
    language = check_language(language)
    out = agreement.map(lambda v: num(v, language))
    out.index = [_criterion(c, language) for c in agreement.index]
    out.columns = [_criterion(c, language) for c in agreement.columns]
    return out


def segment_crosstab(
    criteria: pd.DataFrame,
    rows: str,
    cols: str,
    normalize: bool = False,
    language: str | None = None,
) -> pd.DataFrame:
    """Cross-tabulate two criteria of :func:`segment_criteria`, labelled for display.

    Parameters
    ----------
    criteria : DataFrame
        The result of :func:`segment_criteria`.
    rows, cols : str
        Two of its columns.
    normalize : bool, default False
        Shares of each row (rows sum to 1) instead of counts.
    language : {"en", "ru"}, optional

    Returns
    -------
    DataFrame
        Counts (or row shares); rows and columns in their natural order (ladder order, the
        nine cells, the RFM rules; clusters largest first) with translated labels and axis
        names.
    """
    language = check_language(language)
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
    table.index = pd.Index([_value(rows, v, language) for v in table.index],
                           name=_criterion(rows, language))
    table.columns = pd.Index([_value(cols, v, language) for v in table.columns],
                             name=_criterion(cols, language))
    return table


def _strength(v: float) -> str:
    if v < 0.1:
        return "crit.strength.none"
    if v < 0.3:
        return "crit.strength.weak"
    return "crit.strength.moderate" if v < 0.5 else "crit.strength.strong"


def describe_crosstab(
    criteria: pd.DataFrame, rows: str, cols: str, language: str | None = None, top: int = 5
) -> str:
    """Read a crosstab of two criteria aloud: how strongly they agree, what each row is mostly.

    Parameters
    ----------
    criteria : DataFrame
        The result of :func:`segment_criteria`.
    rows, cols : str
        Two of its columns.
    language : {"en", "ru"}, optional
    top : int, default 5
        How many row values to read (largest first).

    Returns
    -------
    str
        Cramér's V with a word for its strength (< 0.1 none, < 0.3 weak, < 0.5 moderate, else
        strong), then for each of the ``top`` largest row values its most common and second
        most common column value with their shares.

    Examples
    --------
    >>> crit = pd.DataFrame({"cluster": ["Big", "Big", "Big", "Small"],
    ...                      "abc": ["A", "A", "B", "C"]})
    >>> print(describe_crosstab(crit, "cluster", "abc"))  # doctest: +NORMALIZE_WHITESPACE
    Cluster against ABC class: Cramér's V = 1.00 (a strong link).
    «Big» (3): most often A (67%), then B (33%)
    «Small» (1): most often C (100%)
    """
    language = check_language(language)
    v = cramers_v(criteria[rows], criteria[cols])
    lines = [t("crit.describe_crosstab", language, rows=_criterion(rows, language),
               cols=_criterion(cols, language), v=num(v, language),
               strength=t(_strength(v), language))]
    table = pd.crosstab(criteria[rows].astype(str), criteria[cols].astype(str))
    sizes = table.sum(axis=1)
    order = sorted(sizes.index, key=lambda r: (-sizes[r], r))[:top]
    for r in order:
        shares = (table.loc[r] / sizes[r]).sort_values(ascending=False, kind="mergesort")
        shares = shares.loc[shares > 0]
        then = ""
        if len(shares) > 1:
            then = t("crit.describe_then", language, col=_value(cols, shares.index[1], language),
                     share=pct(shares.iloc[1]))
        lines.append(t("crit.describe_row", language, row=_value(rows, r, language),
                       n=count(sizes[r], language),
                       first=_value(cols, shares.index[0], language),
                       first_share=pct(shares.iloc[0]), then=then))
    return "\n".join(lines)


def describe_agreement(agreement: pd.DataFrame, language: str | None = None) -> str:
    """Name the most alike and the most different pair of criteria (Cramér's V).

    Parameters
    ----------
    agreement : DataFrame
        The result of :func:`criteria_agreement`.
    language : {"en", "ru"}, optional

    Examples
    --------
    >>> ag = pd.DataFrame([[1, 0.8, 0.2], [0.8, 1, 0.4], [0.2, 0.4, 1]],
    ...                   index=["abc", "rung", "cluster"], columns=["abc", "rung", "cluster"])
    >>> print(describe_agreement(ag))  # doctest: +NORMALIZE_WHITESPACE
    Most alike: ABC class and Ladder rung (V = 0.80); most different: ABC class and Cluster
    (V = 0.20). Alike criteria split clients the same way and can stand in for each other;
    different ones add information.
    """
    language = check_language(language)
    names = list(agreement.columns)
    pairs = [(float(agreement.loc[a, b]), a, b)
             for i, a in enumerate(names) for b in names[i + 1:]]
    if not pairs:
        return t("crit.describe_too_few", language)
    hi = max(pairs, key=lambda p: p[0])  # first of equal pairs wins (stable)
    lo = min(pairs, key=lambda p: p[0])
    return t("crit.describe_agreement", language,
             a=_criterion(hi[1], language), b=_criterion(hi[2], language), v=num(hi[0], language),
             c=_criterion(lo[1], language), d=_criterion(lo[2], language), w=num(lo[0], language))

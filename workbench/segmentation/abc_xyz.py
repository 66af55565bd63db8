"""ABC-XYZ analysis of customers: how much they bring (ABC) and how steadily they buy (XYZ)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions
from workbench.engine import engine_source, use_engine
from workbench.engine.sql import abc_xyz_sql
from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.segmentation._orders import (
    MONEY_DECIMALS,
    check_choice,
    customer_codes,
    empty_check,
    string_labels,
)

__all__ = (
    "ABC_XYZ_ACTIONS",
    "ABC_XYZ_CELLS",
    "DEFAULT_ABC",
    "DEFAULT_XYZ",
    "abc_xyz",
    "abc_xyz_summary",
    "reclassify_abc_xyz",
)

#: Default ABC cut-offs: A = the top customers up to 80% of value, B up to 95%, C the rest.
DEFAULT_ABC: tuple[float, float] = (0.80, 0.95)

#: Default XYZ cut-offs on the coefficient of variation of monthly value, for *customers*.
#: See the Notes of :func:`abc_xyz` for why they are higher than the product thresholds.
DEFAULT_XYZ: tuple[float, float] = (0.75, 1.5)

#: The nine cells, in display order.
ABC_XYZ_CELLS: tuple[str, ...] = tuple(a + x for a in "ABC" for x in "XYZ")

#: Recommended way of working per cell: catalogue keys (``abc.action.<cell>``), or plain text
#: of your own when you replace the dict (:func:`workbench.format_abc_xyz_summary` names the
#: keys and shows your text as it is).
ABC_XYZ_ACTIONS: dict[str, str] = {cell: f"abc.action.{cell}" for cell in ABC_XYZ_CELLS}

_PERIODS = ("M", "Q", "W")


def _period_codes(dates: pd.Series, period: str) -> np.ndarray:
    days = np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[D]")
    if period == "W":
        return (days.astype(np.int64) + 3) // 7
    months = days.astype("datetime64[M]").astype(np.int64)
    return months if period == "M" else months // 3


def abc_class(value: pd.Series, abc: tuple[float, float] = DEFAULT_ABC) -> pd.DataFrame:
    """Classify values A/B/C by cumulative share (the customer crossing a line is inside it).

    Parameters
    ----------
    value : Series
        Value per customer, indexed by customer id.
    abc : (float, float)
        Cumulative-share cut-offs of A and B, ``0 < abc[0] <= abc[1] <= 1``.

    Returns
    -------
    DataFrame indexed like ``value`` (same order) with ``share``, ``cum_share`` (in the ABC
    order: value descending, ties by id) and ``abc``.

    Examples
    --------
    >>> s = pd.Series([50.0, 30.0, 15.0, 5.0, 0.0], index=list("abcde"))
    >>> abc_class(s)["abc"].tolist()
    ['A', 'A', 'B', 'C', 'C']
    """
    share, cum_share, codes = _abc_codes(value, abc)
    return pd.DataFrame({"share": share, "cum_share": cum_share,
                         "abc": string_labels("ABC", codes)}, index=value.index)


def _abc_codes(value: pd.Series, abc: tuple[float, float]) -> tuple[np.ndarray, ...]:
    """``share``, ``cum_share`` and the class as a code (0 = A, 1 = B, 2 = C) of each value."""
    a, b = _check_pair("abc", abc, upper=1.0)
    v = value.to_numpy(dtype=np.float64)
    n = len(v)
    pos = np.where(v > 0, v, 0.0)
    total = pos.sum()
    share = np.zeros(n)
    cum_all = np.zeros(n)
    codes = np.full(n, 2, dtype=np.int64)
    # only the clients with a positive value need ordering: sorted by value descending they come
    # before every other client, who is class C with share 0 and the whole total before them
    # (unless a positive value rounds to 0 and ties with them: then everybody is sorted)
    pick = np.flatnonzero(pos > 0)
    key = -np.round(v[pick], MONEY_DECIMALS)
    if len(pick) and not key.max() < 0:
        pick = np.arange(n)
        key = -np.round(v, MONEY_DECIMALS)
    # value descending (to MONEY_DECIMALS, so float-rounding noise ties), then id ascending:
    # a stable sort keeps a sorted index's order among ties (a per-client table)
    if _is_sorted(value.index):
        order = pick[_stable_argsort(key)]
    else:
        order = pick[np.lexsort((value.index.to_numpy()[pick], key))]
    if total > 0:
        sorted_pos = pos[order]
        cum = np.cumsum(sorted_pos) / total
        before = cum - sorted_pos / total
        eps = 1e-12
        cls = np.where(before < a - eps, 0, np.where(before < b - eps, 1, 2))
        cls = np.where(sorted_pos > 0, cls, 2)
        if len(order) < n:
            cum_all[:] = cum[-1] if len(cum) else 0.0
        share[order] = sorted_pos / total
        cum_all[order] = cum
        codes[order] = cls
    return share, cum_all, codes


def _is_sorted(index: pd.Index) -> bool:
    """``index.is_monotonic_increasing``; for Arrow strings compared in Arrow (byte order of
    UTF-8 is the order of code points, Python's), not through a million Python objects."""
    if isinstance(index.dtype, pd.StringDtype) and index.dtype.storage == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array(index.array)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if arr.null_count == 0:
            if len(arr) < 2:
                return True
            return bool(pc.all(pc.greater_equal(arr.slice(1), arr.slice(0, len(arr) - 1))).as_py())
    return bool(index.is_monotonic_increasing)


def _stable_argsort(key: np.ndarray) -> np.ndarray:
    """``np.argsort(key, kind="stable")``: a quick sort, then each run of equal keys put back
    in the order of position (several times faster on a million floats)."""
    if np.isnan(key).any():
        return np.argsort(key, kind="stable")
    order = np.argsort(key)
    ks = key[order]
    tie = ks[1:] == ks[:-1]
    if tie.any():
        in_run = np.zeros(len(key), dtype=bool)
        in_run[1:] |= tie
        in_run[:-1] |= tie
        sub = np.flatnonzero(in_run)
        run = np.cumsum(np.concatenate(([True], ~tie)))
        order[sub] = order[sub][np.lexsort((order[sub], run[sub]))]
    return order


#: A CV within this of a cut-off counts as on it (X/Y are inclusive): a customer who buys the
#: same amount in 8 of 26 weeks has CV = 1.5 exactly, which float rounding must not flip.
_CV_TOL = 1e-9


def _xyz_codes(cv: np.ndarray, x_cut: float, y_cut: float) -> np.ndarray:
    """0 = X if ``cv <= x_cut``, 1 = Y if ``cv <= y_cut``, else (and when NaN) 2 = Z; cut-offs
    inclusive."""
    # x_cut <= y_cut: X is also under y_cut; NaN is under neither
    codes = np.full(len(cv), 2, dtype=np.int64)
    codes -= cv <= y_cut + _CV_TOL
    codes -= cv <= x_cut + _CV_TOL
    return codes


def _check_pair(name: str, pair: object, upper: float | None) -> tuple[float, float]:
    try:
        lo, hi = (float(x) for x in pair)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise WorkbenchError(f"{name} must be a pair of numbers (low, high); got {pair!r}") from None
    if not (0 < lo <= hi) or (upper is not None and hi > upper):
        bound = f" <= {upper}" if upper is not None else ""
        raise WorkbenchError(
            f"{name} must satisfy 0 < {name}[0] <= {name}[1]{bound}; got {pair!r}"
        )
    return lo, hi


def abc_xyz(
    tx: pd.DataFrame,
    asof: object = None,
    value: str = "amount",
    abc: tuple[float, float] = DEFAULT_ABC,
    xyz: tuple[float, float] = DEFAULT_XYZ,
    period: str = "M",
    n_periods: int = 12,
    columns: Mapping[str, str] | None = None,
    engine: str = "auto",
) -> pd.DataFrame:
    """Classify customers by value (ABC) and by the regularity of their buying (XYZ).

    Parameters
    ----------
    tx : DataFrame
        Transactions (canonical ``customer_id``, ``date``, ``amount``; ``cost`` for profit).
    asof : date-like, optional
        Observation end; default the last date.
    value : {"amount", "profit"}, default "amount"
        What ABC ranks: revenue, or profit = ``amount - cost`` (needs ``cost``).
    abc : (float, float), default (0.80, 0.95)
        Cumulative-share cut-offs for A and B.
    xyz : (float, float), default (0.75, 1.5)
        Coefficient-of-variation cut-offs for X and Y (see Notes for the choice).
    period : {"M", "Q", "W"}, default "M"
        Calendar period for XYZ (month, quarter, Monday-Sunday week).
    n_periods : int, default 12
        Window: the ``n_periods`` calendar periods up to and including the one containing
        ``asof``. Both ABC value and XYZ are measured in this window.
    columns : mapping, optional
        ``{your column: canonical name}``.
    engine : {"auto", "pandas", "duckdb", "spark"}, default "auto"
        Where the per-client, per-period values are summed (:mod:`workbench.engine`); the
        result is the same.

    Returns
    -------
    DataFrame
        One row per customer with any transaction up to ``asof`` (index ``customer_id``,
        sorted), columns:

        - ``value``: ``value`` summed over the window; ``share``: its share of the total
          positive value; ``cum_share``: cumulative share in ABC order; ``abc``;
        - ``revenue`` and, with ``cost``, ``profit``: over the window (for the summary);
        - ``active_periods``: periods in the window with a purchase;
        - ``mean``, ``std``, ``cv``: of the per-period value (zeros included; population
          std); ``cv`` is NaN when the mean is <= 0;
        - ``xyz`` and ``cell`` (``"AX"`` ... ``"CZ"``).

    Notes
    -----
    ABC (Pareto): customers sorted by value, descending (to a millionth), ties by ``customer_id``; A is the
    smallest top set whose cumulative share reaches ``abc[0]`` (the customer who crosses the line
    is A), B likewise up to ``abc[1]``, the rest C. Customers with zero or negative value are C.

    XYZ: the value is summed per calendar period over the window (zero when nothing was bought),
    CV = population standard deviation / mean; X if CV <= ``xyz[0]``, Y if CV <= ``xyz[1]``,
    else Z; a customer with no purchase in the window (mean <= 0) is Z.

    Why (0.75, 1.5) for customers: the textbook product thresholds (0.1 / 0.25) describe the
    demand of a whole SKU. One customer's monthly spend is far more volatile: a customer who
    buys in a share ``p`` of the months with steady amounts has CV = sqrt((1 - p) / p) — 0.45
    when buying in 10 of 12 months, 1.0 every other month, 1.73 once a quarter, 3.32 for a
    one-off buyer — and varying basket sizes add to that. With the product thresholds every
    customer would be Z. On the bundled sample (``workbench.datasets.load_sample()``, 12 months
    to the end of 2025) customers who bought in all 12 months have a median CV of 0.55 (90% below
    0.94), those active in 10-11 months 0.61, in 4-6 months 1.52, in 2-3 months 2.27. Hence
    X (CV <= 0.75) = "buys in (nearly) every month", Y (<= 1.5) = "buys in at least about a third
    of the months", Z = "rare or one-off". On the sample this gives 213 X, 353 Y and 1,479 Z of
    the 2,045 customers active in the window (steady offices and cafés in X / Y, one-off online
    shoppers in Z); with (0.5, 1.0) far fewer customers would be X. Move the sliders of :func:`workbench.widgets.abc_xyz_panel` to test your own cut.

    The current period is usually incomplete (``asof`` mid-month) and counts as it is; put
    ``asof`` at a period end to avoid that.

    Credits: ABC-XYZ as used in CRM practice (the method's seed note on CRM and ABC-XYZ).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-03-05",
    ...                                            "2024-03-10"]),
    ...                    "amount": [100.0, 100.0, 100.0, 50.0]})
    >>> abc_xyz(tx, asof="2024-03-31", n_periods=3)[["abc", "cv", "xyz", "cell"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                abc        cv xyz cell
    customer_id
    a             A  0.000000   X   AX
    b             B  1.414214   Y   BY
    """
    check_choice("value", value, ("amount", "profit"))
    check_choice("period", period, _PERIODS)
    _check_n_periods(n_periods)
    _check_pair("abc", abc, upper=1.0)
    _check_pair("xyz", xyz, upper=None)
    if (name := use_engine(engine, tx)) != "pandas":
        with engine_source(name, tx, asof, columns) as src:
            return abc_xyz_from_source(src, value, abc, xyz, period, n_periods)
    data, asof_ts = prepare_transactions(tx, asof, columns)
    empty_check(data, "abc_xyz")
    _need_cost(value, "cost" in data.columns, list(data.columns))
    raw = _abc_xyz_aggregates(data, asof_ts, value, period, n_periods)
    return abc_xyz_from_aggregates(raw, n_periods, abc, xyz)


def _need_cost(value: str, has_cost: bool, found: list) -> None:
    if value == "profit" and not has_cost:
        raise MissingColumnsError(
            "transactions", ["cost"], found, source="DataFrame",
            hint="value='profit' needs the cost of each line",
        )


def _first_period(asof_ts: pd.Timestamp, period: str, n_periods: int) -> int:
    return int(_period_codes(pd.Series([asof_ts]), period)[0]) - n_periods + 1


def abc_xyz_from_source(src, value: str = "amount", abc=DEFAULT_ABC, xyz=DEFAULT_XYZ,
                        period: str = "M", n_periods: int = 12) -> pd.DataFrame:
    """:func:`abc_xyz` computed by an engine source (:mod:`workbench.engine`)."""
    check_choice("value", value, ("amount", "profit"))
    check_choice("period", period, _PERIODS)
    _check_n_periods(n_periods)
    _check_pair("abc", abc, upper=1.0)
    _check_pair("xyz", xyz, upper=None)
    _need_cost(value, src.has_cost, ["customer_id", "date", "amount"])
    raw = src.frame(abc_xyz_sql(
        src.dialect, src.asof_day, _first_period(src.asof, period, n_periods), n_periods,
        period=period, value=value, has_cost=src.has_cost,
    ))
    return abc_xyz_from_aggregates(raw, n_periods, abc, xyz)


def _check_n_periods(n_periods: object) -> None:
    if not isinstance(n_periods, int | np.integer) or n_periods < 1:
        raise WorkbenchError(f"n_periods must be a positive whole number; got {n_periods!r}")


def _abc_xyz_aggregates(data: pd.DataFrame, asof_ts: pd.Timestamp, value: str, period: str,
                        n_periods: int) -> pd.DataFrame:
    """The per-client aggregates of :func:`workbench.engine.sql.abc_xyz_sql`, with numpy."""
    has_cost = "cost" in data.columns
    codes, ids = customer_codes(data["customer_id"])
    n = len(ids)
    slot = _period_codes(data["date"], period) - _first_period(asof_ts, period, n_periods)
    inwin = slot >= 0
    amount = data["amount"].to_numpy(np.float64)
    out = pd.DataFrame(index=ids)
    if has_cost:
        line_profit = amount - data["cost"].to_numpy(np.float64)
        line_profit = np.where(np.isnan(line_profit), 0.0, line_profit)
    v_line = line_profit if value == "profit" else amount
    cell = codes[inwin] * n_periods + slot[inwin]
    grid = np.bincount(cell, weights=v_line[inwin], minlength=n * n_periods).reshape(n, n_periods)
    active = np.bincount(cell, minlength=n * n_periods).reshape(n, n_periods) > 0
    total = grid.sum(axis=1)
    out["total"] = total
    out["revenue"] = np.bincount(codes[inwin], weights=amount[inwin], minlength=n)
    if has_cost:
        out["profit"] = np.bincount(codes[inwin], weights=line_profit[inwin], minlength=n)
    out["active"] = active.sum(axis=1).astype(np.int64)
    dev = np.where(active, grid - (total / n_periods)[:, None], 0.0)
    out["ss"] = (dev * dev).sum(axis=1)
    return out


def abc_xyz_from_aggregates(raw: pd.DataFrame, n_periods: int, abc=DEFAULT_ABC,
                            xyz=DEFAULT_XYZ) -> pd.DataFrame:
    """Publish the per-client aggregates (``total, revenue[, profit], active, ss``)."""
    x_cut, y_cut = _check_pair("xyz", xyz, upper=None)
    total = raw["total"].to_numpy(np.float64)
    active = raw["active"].to_numpy(np.int64)
    mean = total / n_periods
    std = np.sqrt((raw["ss"].to_numpy(np.float64) + (n_periods - active) * mean * mean)
                  / n_periods)
    with np.errstate(invalid="ignore", divide="ignore"):
        cv = np.where(mean > 0, std / np.where(mean > 0, mean, 1.0), np.nan)
    xyz_code = _xyz_codes(cv, x_cut, y_cut)
    share, cum_share, abc_code = _abc_codes(pd.Series(total, index=raw.index), abc)
    cols = {"value": total, "share": share, "cum_share": cum_share,
            "abc": string_labels("ABC", abc_code),
            "revenue": raw["revenue"].to_numpy(np.float64)}
    if "profit" in raw.columns:
        cols["profit"] = raw["profit"].to_numpy(np.float64)
    cols.update({"active_periods": active, "mean": mean, "std": std, "cv": cv,
                 "xyz": string_labels("XYZ", xyz_code),
                 "cell": string_labels(ABC_XYZ_CELLS, abc_code * 3 + xyz_code)})
    # fresh arrays: no copy into one block
    return pd.DataFrame(cols, index=raw.index, copy=False)


def reclassify_abc_xyz(
    table: pd.DataFrame,
    abc: tuple[float, float] = DEFAULT_ABC,
    xyz: tuple[float, float] = DEFAULT_XYZ,
) -> pd.DataFrame:
    """Re-cut an :func:`abc_xyz` table with other thresholds, without re-reading transactions.

    Returns a copy with ``share``, ``cum_share``, ``abc``, ``xyz`` and ``cell`` recomputed from
    the table's ``value`` and ``cv`` (what the threshold sliders of the ABC-XYZ widget call).
    """
    missing = [c for c in ("value", "cv") if c not in table.columns]
    if missing:
        raise WorkbenchError(
            f"reclassify_abc_xyz: expected the table returned by abc_xyz(); it lacks {missing}"
        )
    x_cut, y_cut = _check_pair("xyz", xyz, upper=None)
    out = table.copy()
    share, cum_share, abc_code = _abc_codes(out["value"], abc)
    xyz_code = _xyz_codes(out["cv"].to_numpy(np.float64), x_cut, y_cut)
    out["share"] = share
    out["cum_share"] = cum_share
    out["abc"] = string_labels("ABC", abc_code)
    out["xyz"] = string_labels("XYZ", xyz_code)
    out["cell"] = string_labels(ABC_XYZ_CELLS, abc_code * 3 + xyz_code)
    return out


def abc_xyz_summary(
    table: pd.DataFrame,
    actions: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Summarise an :func:`abc_xyz` table into the 3 x 3 cells with the way of working per cell.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`abc_xyz`.
    actions : mapping, optional
        ``cell -> catalogue key or plain text``; default :data:`ABC_XYZ_ACTIONS`.

    Returns
    -------
    DataFrame
        Nine rows indexed by ``cell`` (``AX`` ... ``CZ``, empty cells included) with ``abc``,
        ``xyz``, ``clients``, ``client_share``, ``revenue``, ``revenue_share``, ``profit`` and
        ``profit_share`` (NaN without cost), ``action`` (the key or text of ``actions``).

    Notes
    -----
    Shares are of the window's totals (revenue share of the total revenue; profit share of the
    total profit, so it can exceed 1 in a cell when other cells lose money).
    """
    missing = [c for c in ("cell", "revenue") if c not in table.columns]
    if missing:
        raise WorkbenchError(
            f"abc_xyz_summary: expected the table returned by abc_xyz(); it lacks {missing}"
        )
    acts = ABC_XYZ_ACTIONS if actions is None else actions
    cell = table["cell"].astype(str)
    grouped = table.groupby(cell, sort=False)
    out = pd.DataFrame(index=pd.Index(ABC_XYZ_CELLS, name="cell"))
    out["abc"] = [c[0] for c in ABC_XYZ_CELLS]
    out["xyz"] = [c[1] for c in ABC_XYZ_CELLS]
    out["clients"] = grouped.size().reindex(out.index, fill_value=0).astype(np.int64)
    out["client_share"] = out["clients"] / max(len(table), 1)
    out["revenue"] = grouped["revenue"].sum().reindex(out.index, fill_value=0.0)
    rev_total = table["revenue"].sum()
    out["revenue_share"] = out["revenue"] / rev_total if rev_total != 0 else np.nan
    if "profit" in table.columns:
        out["profit"] = grouped["profit"].sum().reindex(out.index, fill_value=0.0)
        p_total = table["profit"].sum()
        out["profit_share"] = out["profit"] / p_total if p_total != 0 else np.nan
    else:
        out["profit"] = np.nan
        out["profit_share"] = np.nan
    out["action"] = pd.array([acts.get(c, "") for c in ABC_XYZ_CELLS], dtype="string")
    out["abc"] = out["abc"].astype("string")
    out["xyz"] = out["xyz"].astype("string")
    out.index = out.index.astype("string")
    return out


def _need_summary(summary: pd.DataFrame, what: str) -> None:
    missing = [c for c in ("abc", "xyz", "clients", "client_share", "revenue_share")
               if c not in summary.columns]
    if missing:
        raise WorkbenchError(
            f"{what}: expected the table returned by abc_xyz_summary(); it lacks {missing}"
        )

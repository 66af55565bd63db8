"""The frequency / recency / T / monetary summary that BTYD models (lifetimes, PyMC-Marketing) eat."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions
from workbench.engine import engine_source, use_engine
from workbench.engine.sql import btyd_sql
from workbench.segmentation._orders import (
    check_choice,
    customer_codes,
    day_numbers,
    empty_check,
    sorted_groups,
)

__all__ = ("AVERAGE_MONTH_DAYS", "BTYD_FREQS", "btyd_summary")

#: Time units of :func:`btyd_summary`: days, weeks (Monday to Sunday), calendar months.
BTYD_FREQS: tuple[str, ...] = ("D", "W", "M")

#: Length of numpy's (and pandas 1.x's) ``timedelta64(1, "M")``: the average Gregorian month,
#: 365.2425 / 12 days. lifetimes divides month-start differences by it, so monthly ``recency`` and
#: ``T`` are not whole numbers (31 days = 1.0185 months).
AVERAGE_MONTH_DAYS: float = 365.2425 / 12


def _periods(day: np.ndarray, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (period code, period start as days since epoch) of each day number."""
    if freq == "D":
        return day, day
    if freq == "W":
        # pandas "W" = weeks ending Sunday; 1970-01-01 was a Thursday, its Monday is day -3
        code = (day + 3) // 7
        return code, code * 7 - 3
    month = day.astype("datetime64[D]").astype("datetime64[M]")
    return month.astype(np.int64), month.astype("datetime64[D]").astype(np.int64)


def btyd_summary(
    tx: pd.DataFrame,
    asof: object = None,
    freq: str = "D",
    columns: Mapping[str, str] | None = None,
    monetary: str | None = "mean",
    include_first_transaction: bool = False,
    engine: str = "auto",
) -> pd.DataFrame:
    """Summarise transactions into ``frequency``, ``recency``, ``T`` and ``monetary_value``.

    The definitions are exactly those of lifetimes' ``summary_data_from_transaction_data`` and
    PyMC-Marketing's ``rfm_summary``, so the result can be handed to their BG/NBD, Pareto/NBD
    and Gamma-Gamma models.

    Parameters
    ----------
    tx : DataFrame
        Transactions (canonical ``customer_id``, ``date``, ``amount``).
    asof : date-like, optional
        Observation end (lifetimes' ``observation_period_end``). Rows after it are dropped
        *before* dates are rounded to periods. Default: the last date in ``tx``.
    freq : {"D", "W", "M"}, default "D"
        Time unit: days, weeks (Monday-Sunday, pandas ``"W"``) or calendar months.
    columns : mapping, optional
        ``{your column: canonical name}``.
    monetary : {"mean"} or None, default "mean"
        ``"mean"`` adds ``monetary_value``; ``None`` leaves it out.
    include_first_transaction : bool, default False
        As in lifetimes: count the first period in ``frequency`` and in the mean. Keep False
        for the BTYD models.
    engine : {"auto", "pandas", "duckdb", "spark"}, default "auto"
        Where the per-client aggregation runs (see :mod:`workbench.engine`): ``"auto"`` takes
        DuckDB from :data:`workbench.engine.DUCKDB_MIN_ROWS` rows on, numpy below. The result
        is the same.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (sorted), float columns:

        - ``frequency``: number of *periods* with a purchase, minus one (the repeat periods);
        - ``recency``: start of the last purchase period minus start of the first, in ``freq``
          units (the customer's age at the last purchase, **not** the time since it);
        - ``T``: start of the period containing ``asof`` minus start of the first period;
        - ``monetary_value``: mean over the repeat periods of the amount summed per period
          (the first period excluded); 0 for customers with ``frequency == 0``.

    Notes
    -----
    Semantics users of these libraries keep getting wrong:

    * ``frequency`` counts periods, not orders: three orders on one day are one purchase with
      ``freq="D"``; with ``freq="W"`` a weekly shopper's daily top-ups merge too.
    * ``recency`` is measured from the *first* purchase (RFM's recency is ``T - recency``).
    * ``monetary_value`` is the mean *per period* of repeat purchases, not the customer's total
      and not per order; one-off buyers get 0 (drop them before Gamma-Gamma, which also fails
      on values <= 0).
    * Units: with ``freq="M"`` lifetimes divides the difference of month starts by numpy's
      average month (:data:`AVERAGE_MONTH_DAYS` = 30.436875 days), so ``recency`` and ``T`` are
      fractional (Jan -> Feb = 1.0185). We reproduce that. lifetimes 0.11 itself no longer runs
      with ``freq="M"`` on pandas >= 2 ("Unit M is not supported"); this function does.
    * Future leak: lifetimes rounds dates to the period start before comparing with the
      (rounded) observation end, so with ``freq="W"`` or ``"M"`` it keeps purchases made later
      in the same week / month as ``asof``. Here rows after ``asof`` are dropped first; on data
      already cut at ``asof`` the two agree exactly.

    Implementation: one aggregation per (customer, period), then per customer — the SQL of
    :func:`workbench.engine.sql.btyd_sql` on DuckDB (or Spark), or the same with numpy (sort +
    ``reduceat``) for small logs (see ``benchmarks/bench_aggregates.py``).

    Credits: lifetimes (C. Davidson-Pilon, MIT) and PyMC-Marketing (Apache 2.0), after Fader,
    Hardie & Lee's RFM summary (http://brucehardie.com/notes/022/).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11",
    ...                                            "2024-01-05"]),
    ...                    "amount": [10.0, 5.0, 30.0, 8.0]})
    >>> btyd_summary(tx, asof="2024-01-31")  # doctest: +NORMALIZE_WHITESPACE
                 frequency  recency     T  monetary_value
    customer_id
    a                  1.0     10.0  30.0            30.0
    b                  0.0      0.0  26.0             0.0
    """
    check_choice("freq", freq, BTYD_FREQS)
    check_choice("monetary", monetary, ("mean", None))
    if (name := use_engine(engine, tx)) != "pandas":
        with engine_source(name, tx, asof, columns) as src:
            return btyd_from_source(src, freq, monetary, include_first_transaction)
    data, asof_ts = prepare_transactions(tx, asof, columns)
    empty_check(data, "btyd_summary")
    return btyd_from_aggregates(
        _btyd_aggregates(data, freq), asof_ts, freq, monetary, include_first_transaction
    )


def btyd_from_source(src, freq: str = "D", monetary: str | None = "mean",
                     include_first_transaction: bool = False) -> pd.DataFrame:
    """:func:`btyd_summary` computed by an engine source (:mod:`workbench.engine`)."""
    check_choice("freq", freq, BTYD_FREQS)
    raw = src.frame(btyd_sql(src.dialect, src.asof_day, freq))
    return btyd_from_aggregates(raw, src.asof, freq, monetary, include_first_transaction)


def _btyd_aggregates(data: pd.DataFrame, freq: str) -> pd.DataFrame:
    """The per-client aggregates of :func:`workbench.engine.sql.btyd_sql`, with numpy."""
    codes, ids = customer_codes(data["customer_id"])
    period, _ = _periods(day_numbers(data["date"]), freq)
    pmin = int(period.min())
    span = int(period.max()) - pmin + 1
    order, uniq, starts_rows = sorted_groups(codes * span + (period - pmin))
    n = len(ids)
    cust = uniq // span
    per = uniq % span + pmin
    count = np.bincount(cust, minlength=n)
    starts = np.concatenate(([0], np.cumsum(count)[:-1]))
    per_period = np.add.reduceat(data["amount"].to_numpy(np.float64)[order], starts_rows)
    return pd.DataFrame(
        {
            "n": count,
            "first_p": per[starts],
            "last_p": per[starts + count - 1],
            "total": np.bincount(cust, weights=per_period, minlength=n),
            "first_v": per_period[starts],
        },
        index=ids,
    )


def btyd_from_aggregates(raw: pd.DataFrame, asof_ts: pd.Timestamp, freq: str,
                         monetary: str | None, include_first_transaction: bool) -> pd.DataFrame:
    """Publish the per-client aggregates (``n, first_p, last_p, total, first_v``) as the summary."""
    asof_day = np.array([np.datetime64(asof_ts.normalize(), "D").astype(np.int64)])
    _, asof_start = _periods(asof_day, freq)
    count = raw["n"].to_numpy(np.int64)
    _, first_start = _periods(_start_day(raw["first_p"].to_numpy(np.int64), freq), freq)
    _, last_start = _periods(_start_day(raw["last_p"].to_numpy(np.int64), freq), freq)
    unit = {"D": 1.0, "W": 7.0, "M": AVERAGE_MONTH_DAYS}[freq]
    out = pd.DataFrame(
        {
            "frequency": (count if include_first_transaction else count - 1).astype(np.float64),
            "recency": (last_start - first_start) / unit,
            "T": (int(asof_start[0]) - first_start) / unit,
        },
        index=raw.index,
    )
    if monetary == "mean":
        total = raw["total"].to_numpy(np.float64)
        if include_first_transaction:
            value = total / count
        else:
            repeat = np.where(count > 1, total - raw["first_v"].to_numpy(np.float64), 0.0)
            value = repeat / np.maximum(count - 1, 1)
        out["monetary_value"] = value
    out.attrs["freq"] = freq
    return out


def _start_day(code: np.ndarray, freq: str) -> np.ndarray:
    """Turn period codes back into a day inside the period (its start)."""
    if freq == "D":
        return code
    if freq == "W":
        return code * 7 - 3
    return code.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)

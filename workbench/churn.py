"""Churn in a non-contractual business: labels, features, a calibrated model and risk bands.

Clients of a shop or a distributor do not cancel a contract; they simply stop buying. For a
horizon ``H`` a client who has bought on or before ``asof`` has *churned* when they make no
purchase in ``(asof, asof + H]``. This module turns a transaction log into

* :func:`churn_labels` - the exact 0/1 outcome for a past ``asof``;
* :func:`customer_features` - what was known about each client at ``asof`` (RFM, tenure,
  regularity of purchases, recent trend, returns, profit, complaints, NPS, CRM attributes);
* :class:`ChurnModel` - a calibrated classifier trained on past windows of the same log, so a
  consultant holding data up to today can train and then score today;
* :func:`risk_band` - high / medium / low bands for the sales team.

Nothing here reads data dated after ``asof``: every function cuts the transactions with
:func:`workbench._columns.prepare_transactions` and the feedback / survey tables by their own
dates, and a test proves that appending later rows changes nothing.

The economics of acting on the scores (value at risk, offer cost, targeting threshold) live in
:mod:`workbench.economics`.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.frozen import FrozenEstimator
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from workbench._columns import prepare_table, prepare_transactions, resolve_asof
from workbench.errors import InsufficientHistoryError, WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.segmentation._text import count, date, num, pct

__all__ = (
    "CATEGORICAL_FEATURES",
    "DEFAULT_RISK_CUTOFFS",
    "MAX_CATEGORIES",
    "MODEL_FORMAT",
    "MODEL_FORMAT_VERSION",
    "RECENT_WINDOWS",
    "RISK_BANDS",
    "SERVICE_FEATURES",
    "TRUSTED_TYPES",
    "ChurnModel",
    "calibration_table",
    "backtest_asof",
    "churn_history_ok",
    "churn_labels",
    "customer_features",
    "describe_churn_labels",
    "describe_drivers",
    "describe_evaluation",
    "describe_history_need",
    "describe_risk",
    "horizon_days",
    "parse_horizon",
    "risk_band",
)

#: Recent windows (days) for the counts / revenue features ``n_30d``, ``revenue_90d`` ...
RECENT_WINDOWS: tuple[int, ...] = (30, 90, 180)

#: Columns of the customers table turned into one-hot features (``type=B2B`` ...).
CATEGORICAL_FEATURES: tuple[str, ...] = ("type", "source", "segment", "region")

#: At most this many categories (the most frequent, ties by name) per categorical column.
MAX_CATEGORIES: int = 20

#: Risk bands, from lowest to highest risk.
RISK_BANDS: tuple[str, ...] = ("low", "medium", "high")

#: Default cut-offs of :func:`risk_band`: p < 0.3 low, 0.3 <= p < 0.6 medium, p >= 0.6 high.
DEFAULT_RISK_CUTOFFS: tuple[float, float] = (0.3, 0.6)

#: Identifies files written by :meth:`ChurnModel.save`.
MODEL_FORMAT = "workbench-churn-model"
MODEL_FORMAT_VERSION = 1

#: Types (beyond skops' defaults) that :meth:`ChurnModel.load` accepts in a model file. Reviewed:
#: scikit-learn estimators and their numeric internals only - nothing that runs code on load.
TRUSTED_TYPES: tuple[str, ...] = (
    "collections.OrderedDict",
    "numpy.arcsinh",
    "numpy.dtype",
    "sklearn._loss.link.IdentityLink",
    "sklearn._loss.link.Interval",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.frozen._frozen.FrozenEstimator",
    "sklearn.impute._base.SimpleImputer",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
)

_BGNBD_COLUMNS = ("bgnbd_p_alive", "bgnbd_p_no_purchase", "bgnbd_expected_purchases")

#: Rows (a random subset of the most recent window) and shuffles for permutation importance.
_IMPORTANCE_ROWS = 3000
_IMPORTANCE_REPEATS = 2

#: Largest number of clients the BG/NBD parameters are fitted on (a seeded random subset).
_BGNBD_FIT_ROWS = 10_000

#: A feature needs at least this many defined (non-NaN) training rows to be used.
_MIN_DEFINED = 20

_HORIZON_RE = re.compile(r"^\s*(\d+)\s*([dwmyDWMY])\s*$")
_DAY = np.timedelta64(1, "D")


# --------------------------------------------------------------------------------------------
# horizons
# --------------------------------------------------------------------------------------------
def parse_horizon(horizon: object) -> pd.Timedelta | pd.DateOffset:
    """Turn a horizon into something that can be added to a date.

    Parameters
    ----------
    horizon : str, int, pandas.Timedelta or pandas.DateOffset
        ``"90D"`` (days), ``"2W"`` (weeks), ``"3M"`` / ``"6M"`` (calendar months, so
        ``2024-01-31 + 1M = 2024-02-29``), ``"1Y"`` (12 calendar months); an ``int`` is a
        number of days; a Timedelta or DateOffset is used as is. Letters are case-insensitive.

    Returns
    -------
    pandas.Timedelta or pandas.DateOffset
        Positive offset.

    Examples
    --------
    >>> parse_horizon("90D")
    Timedelta('90 days 00:00:00')
    >>> parse_horizon("3M")
    <DateOffset: months=3>
    """
    if isinstance(horizon, pd.DateOffset):
        return horizon
    if isinstance(horizon, (bool, np.bool_)):
        raise WorkbenchError(f"horizon must be like '90D', '3M' or a number of days; got {horizon!r}")
    if isinstance(horizon, (int, np.integer)):
        out: pd.Timedelta | pd.DateOffset = pd.Timedelta(days=int(horizon))
    elif isinstance(horizon, (pd.Timedelta, np.timedelta64)) or hasattr(horizon, "total_seconds"):
        out = pd.Timedelta(horizon)
    elif isinstance(horizon, str):
        m = _HORIZON_RE.match(horizon)
        if m:
            n, unit = int(m.group(1)), m.group(2).upper()
            if unit == "D":
                out = pd.Timedelta(days=n)
            elif unit == "W":
                out = pd.Timedelta(weeks=n)
            elif unit == "M":
                out = pd.DateOffset(months=n)
            else:
                out = pd.DateOffset(months=12 * n)
        else:
            try:
                out = pd.Timedelta(horizon)
            except ValueError:
                raise WorkbenchError(
                    "horizon must be like '90D' (days), '3M' (calendar months), '1Y' or a "
                    f"number of days; got {horizon!r}"
                ) from None
    else:
        raise WorkbenchError(
            f"horizon must be like '90D', '3M' or a number of days; got {horizon!r}"
        )
    probe = pd.Timestamp("2000-01-01")
    if probe + out <= probe:
        raise WorkbenchError(f"horizon must be positive; got {horizon!r}")
    return out


def _shift(ts: pd.Timestamp, offset: pd.Timedelta | pd.DateOffset, k: int) -> pd.Timestamp:
    """Return ``ts + k * offset`` (calendar months multiply exactly, no drift)."""
    if isinstance(offset, pd.DateOffset):
        kw = {name: getattr(offset, name) * k for name in offset.kwds}
        return ts + pd.DateOffset(**kw)
    return ts + k * offset


def horizon_days(horizon: object, asof: object = "2001-01-01") -> int:
    """Return the number of days in ``horizon`` counted from ``asof`` (months vary in length)."""
    ts = pd.Timestamp(asof)
    return int((_shift(ts, parse_horizon(horizon), 1) - ts) / _DAY)


def _horizon_label(horizon: object) -> str:
    """A string form of ``horizon`` that :func:`parse_horizon` reads back."""
    h = parse_horizon(horizon)
    if isinstance(h, pd.DateOffset):
        months = h.kwds.get("months", 0) + 12 * h.kwds.get("years", 0)
        if set(h.kwds) <= {"months", "years"} and months:
            return f"{months}M"
        raise WorkbenchError(f"horizon offsets other than whole months are not supported: {h!r}")
    if h % pd.Timedelta(days=1) == pd.Timedelta(0):
        return f"{h.days}D"
    return str(h)


# --------------------------------------------------------------------------------------------
# labels
# --------------------------------------------------------------------------------------------
def backtest_asof(
    tx: pd.DataFrame,
    horizon: object = "90D",
    asof: object = None,
    columns: Mapping[str, str] | None = None,
) -> pd.Timestamp:
    """Return the last date whose churn outcome is already known: ``asof`` minus one horizon.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``date`` is used).
    horizon : str, int or Timedelta, default "90D"
        See :func:`parse_horizon`.
    asof : date-like, optional
        End of the known data (default: the last transaction date).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.

    Returns
    -------
    pandas.Timestamp
        ``asof - horizon`` (calendar months subtract exactly): fit a model with data up to it
        and :meth:`ChurnModel.evaluate` it there for an out-of-time check, or label it with
        :func:`churn_labels`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-06-30"])})
    >>> str(backtest_asof(tx, "30D").date()), str(backtest_asof(tx, "3M", "2024-05-31").date())
    ('2024-05-31', '2024-02-29')
    """
    _, asof_ts = prepare_transactions(tx, asof, columns)
    return _shift(asof_ts, parse_horizon(horizon), -1)


def _buyers(tx: pd.DataFrame) -> pd.Index:
    """Customers with at least one purchase (amount > 0) in ``tx``, sorted."""
    ids = tx.loc[tx["amount"].to_numpy() > 0, "customer_id"].unique()
    return pd.Index(ids, name="customer_id").sort_values()


def _labels(full: pd.DataFrame, asof: pd.Timestamp, offset) -> pd.Series:
    """Labels from a prepared (uncut) log; no coverage check."""
    end = _shift(asof, offset, 1)
    dates = full["date"]
    before = full.loc[dates <= asof]
    buyers = _buyers(before)
    window = full.loc[(dates > asof) & (dates <= end) & (full["amount"] > 0), "customer_id"]
    came_back = buyers.isin(pd.Index(window.unique()))
    return pd.Series((~came_back).astype("int64"), index=buyers, name="churned")


def churn_labels(
    tx: pd.DataFrame,
    asof: object,
    horizon: object = "90D",
    columns: Mapping[str, str] | None = None,
    data_end: object = None,
) -> pd.Series:
    """Label each client 1 if they made no purchase in ``(asof, asof + horizon]``, else 0.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (canonical columns ``customer_id``, ``date``, ``amount``, or mapped with
        ``columns``).
    asof : date-like
        End of the observation period. Only clients whose first purchase is on or before it are
        labelled.
    horizon : str, int or Timedelta, default "90D"
        Length of the outcome window; see :func:`parse_horizon` (``"3M"`` = 3 calendar months).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.
    data_end : date-like, optional
        The date up to which the log is complete. Defaults to the last transaction date; pass
        it when the log is known to cover a later period with no sales at its end.

    Returns
    -------
    pandas.Series
        ``churned`` (int64, 1 = no purchase in the horizon), indexed by ``customer_id``
        (sorted).

    Raises
    ------
    InsufficientHistoryError
        If the data end is before ``asof + horizon``: the outcome is not yet known.

    Notes
    -----
    A *purchase* is a row with ``amount > 0``; returns (negative amounts) and zero rows neither
    make a client a buyer nor count as coming back. This is the usual definition of churn for
    non-contractual settings (Fader & Hardie); it says nothing about *why* a client left.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-01-20",
    ...                                            "2024-03-31"]),
    ...                    "amount": [10.0, 5.0, 7.0, 1.0]})
    >>> churn_labels(tx, "2024-01-31", "30D").tolist()
    [0, 1]
    """
    full, _ = prepare_transactions(tx, None, columns)
    asof_ts = resolve_asof(asof, full["date"])
    offset = parse_horizon(horizon)
    end = _shift(asof_ts, offset, 1)
    last = pd.Timestamp(data_end) if data_end is not None else full["date"].max()
    if last < end:
        raise InsufficientHistoryError(
            f"transactions end on {last.date()}, but labels for asof={asof_ts.date()} and "
            f"horizon={horizon!r} need data up to {end.date()}: choose an earlier asof or a "
            "shorter horizon (or pass data_end= if the log is complete to a later date)"
        )
    return _labels(full, asof_ts, offset)


def churn_history_ok(
    tx: pd.DataFrame,
    horizon: object = "90D",
    asof: object = None,
    n_horizons: int = 2,
    language: str | None = None,
    columns: Mapping[str, str] | None = None,
    quiet: bool = False,
) -> bool:
    """Return True if the purchases reach ``n_horizons`` horizons before ``asof``; else say why.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (canonical columns, or mapped with ``columns``).
    horizon : str, int or Timedelta, default "90D"
        Churn horizon ``H`` (see :func:`parse_horizon`).
    asof : date-like, optional
        End of the known data (default: the last transaction date).
    n_horizons : int, default 2
        How many horizons of history the part needs: 1 for a :class:`ChurnModel` fitted at
        ``asof`` (one complete window), 2 for the out-of-time check (a model fitted at
        ``asof - H`` and evaluated on the last horizon) and for any part that uses it.
    language : {"en", "ru"}, optional
        Language of the printed sentence (default: the current language).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.
    quiet : bool, default False
        Do not print the sentence when the history is too short.

    Returns
    -------
    bool
        True when the first purchase (amount > 0) is on or before ``asof - n_horizons * H``.
        Otherwise :func:`describe_history_need` is printed (unless ``quiet``) and False is
        returned.

    Notes
    -----
    The notebook pattern for graceful degradation, like :func:`workbench.needs`::

        if workbench.churn_history_ok(tx, horizon, asof, n_horizons=2, language=language):
            ...  # the part of the step that needs two horizons of history

    A client folder with a short export (a few months) prints what history is needed and the
    notebook goes on instead of stopping with :class:`~workbench.errors.InsufficientHistoryError`.
    This is only the history test of :meth:`ChurnModel.fit`; a log long enough can still fail
    for other reasons (e.g. every client churned).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-04-01", "2024-06-30"])})
    >>> churn_history_ok(tx, "30D", n_horizons=2)
    True
    >>> churn_history_ok(tx, "90D", n_horizons=2, quiet=True)
    False
    """
    full, asof_ts = prepare_transactions(tx, asof, columns)
    buys = full.loc[full["amount"] > 0, "date"]
    if not buys.empty and buys.min() <= _shift(asof_ts, parse_horizon(horizon), -int(n_horizons)):
        return True
    if not quiet:
        print(describe_history_need(tx, horizon, asof, n_horizons, language, columns))
    return False


def describe_history_need(
    tx: pd.DataFrame,
    horizon: object = "90D",
    asof: object = None,
    n_horizons: int = 2,
    language: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> str:
    """Say how much purchase history a churn part needs and how much the transactions hold.

    Parameters
    ----------
    tx, horizon, asof, n_horizons, language, columns
        As in :func:`churn_history_ok`.

    Returns
    -------
    str
        When the history is enough: one sentence with the date it must start by and the first
        purchase. When it is too short: the same, the days missing, and that the part is
        skipped with the two remedies (older transactions or a shorter horizon).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-05-01", "2024-06-30"])})
    >>> print(describe_history_need(tx, "30D", n_horizons=2))  # doctest: +NORMALIZE_WHITESPACE
    This part needs purchases from 2024-05-01 or earlier (2 × the churn horizon of 30 days
    before 2024-06-30); the first purchase is on 2024-05-01: enough history.
    """
    language = check_language(language)
    if not isinstance(n_horizons, (int, np.integer)) or n_horizons < 1:
        raise WorkbenchError(f"n_horizons must be an integer >= 1; got {n_horizons!r}")
    full, asof_ts = prepare_transactions(tx, asof, columns)
    needed = _shift(asof_ts, parse_horizon(horizon), -int(n_horizons))
    buys = full.loc[full["amount"] > 0, "date"]
    fmt = {"needed": date(needed, language), "n": int(n_horizons),
           "days": horizon_days(horizon, asof_ts), "asof": date(asof_ts, language)}
    if buys.empty:
        return t("churn.history.none", language, **fmt)
    first = buys.min()
    fmt["first"] = date(first, language)
    if first <= needed:
        return t("churn.history.enough", language, **fmt)
    short = (first.normalize() - needed.normalize()).days
    return t("churn.history.short", language, short=count(short, language), **fmt)


# --------------------------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------------------------
def _prepare_side_tables(customers, feedback, survey):
    cust = fb = sv = None
    if customers is not None:
        cust = prepare_table(customers, "customers", require=("customer_id",))
        cust = cust.drop_duplicates("customer_id", keep="last").set_index("customer_id")
    if feedback is not None:
        fb = prepare_table(feedback, "feedback", require=("customer_id", "date", "kind"))
        fb["kind"] = fb["kind"].astype("string").str.strip().str.lower()
    if survey is not None:
        sv = prepare_table(survey, "survey", require=("customer_id", "nps"))
        if "date" not in sv.columns:
            warnings.warn(
                "survey has no 'date' column: NPS answers cannot be placed in time, so they are "
                "not used as churn features (they could leak the future)",
                UserWarning,
                stacklevel=3,
            )
            sv = sv.iloc[0:0].assign(date=pd.Series(dtype="datetime64[ns]"))
        sv = sv.loc[sv["customer_id"].notna() & sv["nps"].notna()]
        undated = int(sv["date"].isna().sum())
        if undated:
            warnings.warn(
                f"survey: {undated} NPS answer(s) without a date are ignored by churn features "
                "(an undated answer could come from after asof)",
                UserWarning,
                stacklevel=3,
            )
            sv = sv.loc[sv["date"].notna()]
    return cust, fb, sv


def _categories(cust: pd.DataFrame | None) -> dict[str, list[str]]:
    """Category lists for the one-hot features, from the whole customers table."""
    out: dict[str, list[str]] = {}
    if cust is None:
        return out
    for col in CATEGORICAL_FEATURES:
        if col not in cust.columns:
            continue
        counts = cust[col].dropna().astype("string").value_counts()
        if counts.empty:
            continue
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        out[col] = sorted(str(k) for k, _ in ranked[:MAX_CATEGORIES])
    return out


def _transaction_features(tx: pd.DataFrame, asof: pd.Timestamp) -> pd.DataFrame:
    """Purchase-history features of every buyer in ``tx`` (already cut to ``<= asof``)."""
    codes, ids = pd.factorize(tx["customer_id"], sort=True)
    n_ids = len(ids)
    amount = tx["amount"].to_numpy(dtype="float64")
    day = tx["date"].to_numpy().astype("datetime64[D]").astype("int64")
    asof_day = int(np.datetime64(asof.normalize(), "D").astype("int64"))
    buy = amount > 0

    # distinct purchase days per customer, sorted by (customer, day)
    pairs = np.unique(codes[buy].astype("int64") * (1 << 32) + (day[buy] + (1 << 31)))
    c = pairs >> 32
    d = (pairs & ((1 << 32) - 1)) - (1 << 31)
    freq = np.bincount(c, minlength=n_ids).astype("float64")
    is_buyer = freq > 0
    first_idx = np.searchsorted(c, np.arange(n_ids), side="left")
    last_idx = np.searchsorted(c, np.arange(n_ids), side="right") - 1
    first_day = np.where(is_buyer, d[np.clip(first_idx, 0, max(len(d) - 1, 0))] if len(d) else 0, 0)
    last_day = np.where(is_buyer, d[np.clip(last_idx, 0, max(len(d) - 1, 0))] if len(d) else 0, 0)

    same = c[1:] == c[:-1]
    gaps = (d[1:] - d[:-1])[same].astype("float64")
    gcode = c[1:][same]
    g_n = np.bincount(gcode, minlength=n_ids).astype("float64")
    g_sum = np.bincount(gcode, weights=gaps, minlength=n_ids)
    with np.errstate(invalid="ignore", divide="ignore"):
        g_mean = np.where(g_n > 0, g_sum / g_n, np.nan)
        dev = gaps - g_mean[gcode]
        g_var = np.bincount(gcode, weights=dev * dev, minlength=n_ids)
        g_std = np.where(g_n > 0, np.sqrt(g_var / np.where(g_n > 0, g_n, 1)), np.nan)
        g_cv = np.where(g_mean > 0, g_std / g_mean, np.nan)

    recency = (asof_day - last_day).astype("float64")
    tenure = (asof_day - first_day).astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        overdue = np.where(g_mean > 0, recency / g_mean, np.nan)

    gross = np.bincount(codes[buy], weights=amount[buy], minlength=n_ids)
    net = np.bincount(codes, weights=amount, minlength=n_ids)
    ret = amount < 0
    returned = -np.bincount(codes[ret], weights=amount[ret], minlength=n_ids)
    with np.errstate(invalid="ignore", divide="ignore"):
        aov = np.where(freq > 0, gross / np.where(freq > 0, freq, 1), np.nan)
        returns_share = np.where(gross > 0, returned / np.where(gross > 0, gross, 1), 0.0)

    cols: dict[str, np.ndarray] = {
        "recency_days": recency,
        "frequency": freq,
        "monetary": net,
        "avg_purchase_value": aov,
        "tenure_days": tenure,
        "gap_mean_days": g_mean,
        "gap_std_days": g_std,
        "gap_cv": g_cv,
        "overdue_ratio": overdue,
    }
    counts = {}
    for w in RECENT_WINDOWS:
        counts[w] = np.bincount(c[d > asof_day - w], minlength=n_ids).astype("float64")
        cols[f"n_{w}d"] = counts[w]
        rows = day > asof_day - w
        cols[f"revenue_{w}d"] = np.bincount(codes[rows], weights=amount[rows], minlength=n_ids)
    last90 = np.bincount(c[d > asof_day - 90], minlength=n_ids).astype("float64")
    prev90 = np.bincount(c[(d > asof_day - 180) & (d <= asof_day - 90)], minlength=n_ids)
    prev90 = prev90.astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        cols["trend_90d"] = np.where(
            last90 + prev90 > 0, (last90 - prev90) / np.where(last90 + prev90 > 0, last90 + prev90, 1), 0.0
        )
    cols["returns_share"] = returns_share
    if "cost" in tx.columns and tx["cost"].notna().any():
        cost = tx["cost"].to_numpy(dtype="float64")
        known = ~np.isnan(cost)
        profit = np.bincount(codes[known], weights=amount[known] - cost[known], minlength=n_ids)
        rev_known = np.bincount(codes[known], weights=amount[known], minlength=n_ids)
        has_cost = np.bincount(codes[known], minlength=n_ids) > 0
        cols["profit"] = np.where(has_cost, profit, np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            cols["margin"] = np.where(rev_known > 0, profit / np.where(rev_known > 0, rev_known, 1), np.nan)
    frame = pd.DataFrame(cols, index=pd.Index(ids, name="customer_id"))
    frame = frame.loc[is_buyer]
    frame.index = frame.index.astype("string")
    return frame


def _feedback_features(fb: pd.DataFrame, asof: pd.Timestamp, index: pd.Index) -> pd.DataFrame:
    fb = fb.loc[fb["date"] <= asof]
    comp = fb.loc[fb["kind"] == "complaint"]
    out = pd.DataFrame(index=index)
    out["complaints"] = comp.groupby("customer_id").size().reindex(index, fill_value=0).astype(
        "float64"
    )
    out["refusals"] = (
        fb.loc[fb["kind"] == "refusal"].groupby("customer_id").size()
        .reindex(index, fill_value=0).astype("float64")
    )
    if "resolved_date" in comp.columns:
        resolved = comp["resolved_date"].notna() & (comp["resolved_date"] <= asof)
        out["unresolved_complaints"] = (
            comp.loc[~resolved].groupby("customer_id").size()
            .reindex(index, fill_value=0).astype("float64")
        )
        days = (comp.loc[resolved, "resolved_date"] - comp.loc[resolved, "date"]) / _DAY
        out["resolution_days_mean"] = (
            days.groupby(comp.loc[resolved, "customer_id"]).mean().reindex(index).astype("float64")
        )
    else:
        out["unresolved_complaints"] = np.nan
        out["resolution_days_mean"] = np.nan
    return out


def _survey_features(sv: pd.DataFrame, asof: pd.Timestamp, index: pd.Index) -> pd.DataFrame:
    sv = sv.loc[sv["date"] <= asof, ["customer_id", "date", "nps"]]
    sv = sv.sort_values(["customer_id", "date"], kind="mergesort")
    last = sv.groupby("customer_id")["nps"].last()
    return pd.DataFrame({"last_nps": last.reindex(index).astype("float64")}, index=index)


def _onehot(cust: pd.DataFrame, categories: Mapping[str, Sequence[str]], index: pd.Index):
    out = {}
    for col, values in categories.items():
        if col in cust.columns:
            s = cust[col].astype("string").reindex(index)
        else:
            s = pd.Series(pd.NA, index=index, dtype="string")
        for v in values:
            out[f"{col}={v}"] = (s == v).fillna(False).astype("float64").to_numpy()
    return pd.DataFrame(out, index=index)


def _features(tx_cut, asof, cust, fb, sv, categories) -> pd.DataFrame:
    frame = _transaction_features(tx_cut, asof)
    parts = [frame]
    if fb is not None:
        parts.append(_feedback_features(fb, asof, frame.index))
    if sv is not None:
        parts.append(_survey_features(sv, asof, frame.index))
    if cust is not None and categories:
        parts.append(_onehot(cust, categories, frame.index))
    out = pd.concat(parts, axis=1) if len(parts) > 1 else frame
    out.index.name = "customer_id"
    return out


def customer_features(
    tx: pd.DataFrame,
    asof: object = None,
    customers: pd.DataFrame | None = None,
    feedback: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    categories: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Describe every client as of ``asof``, using only data dated on or before ``asof``.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``customer_id``, ``date``, ``amount``; ``cost`` adds profit features).
    asof : date-like, optional
        Observation end; defaults to the last transaction date.
    customers : pandas.DataFrame, optional
        The customers table; ``type``, ``source``, ``segment``, ``region`` become one-hot
        columns ``"type=B2B"`` ... The categories come from the *whole* table (not only the
        clients active at ``asof``) so that features built at different dates share columns.
    feedback : pandas.DataFrame, optional
        The feedback table; only contacts dated on or before ``asof`` are used, and a complaint
        resolved after ``asof`` counts as unresolved.
    survey : pandas.DataFrame, optional
        The survey table; the last NPS answer dated on or before ``asof`` (undated answers are
        ignored with a warning).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx`` (the other tables must be canonical, as
        returned by the loaders).
    categories : mapping, optional
        ``{column: [values]}`` fixing the one-hot columns (a fitted :class:`ChurnModel` passes
        the ones it was trained with).

    Returns
    -------
    pandas.DataFrame
        One row per client whose first purchase is on or before ``asof`` (index
        ``customer_id``, sorted), all float64:

        ``recency_days``, ``frequency`` (distinct purchase days), ``monetary`` (net revenue,
        returns deducted), ``avg_purchase_value``, ``tenure_days``, ``gap_mean_days``,
        ``gap_std_days``, ``gap_cv`` (regularity; NaN with fewer than two purchase days),
        ``overdue_ratio`` (recency / mean gap: above 1 the client is late by their own rhythm),
        ``n_30d`` / ``revenue_30d`` (and 90, 180 days), ``trend_90d`` (purchase days in the last
        90 vs the previous 90, in [-1, 1]), ``returns_share``; with ``cost``: ``profit``,
        ``margin``; with feedback: ``complaints``, ``refusals``, ``unresolved_complaints``,
        ``resolution_days_mean``; with survey: ``last_nps``; with customers: one-hot columns.

    Notes
    -----
    These are the classic recency-frequency-monetary inputs of customer-base analysis, plus the
    signals the method's deck on keeping clients points to: service failures (complaints, and
    how fast they were resolved - a complaint is a gift) and stated loyalty (NPS). NaN means
    "not defined" (e.g. gaps of a one-time buyer), not zero.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-01-05"]),
    ...                    "amount": [10.0, 30.0, 5.0]})
    >>> f = customer_features(tx, "2024-01-31")
    >>> f["recency_days"].to_dict(), f["gap_mean_days"].to_dict()
    ({'a': 20.0, 'b': 26.0}, {'a': 10.0, 'b': nan})
    """
    tx_cut, asof_ts = prepare_transactions(tx, asof, columns)
    cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
    cats = _categories(cust) if categories is None else {k: list(v) for k, v in categories.items()}
    return _features(tx_cut, asof_ts, cust, fb, sv, cats)


# --------------------------------------------------------------------------------------------
# BG/NBD features (Fader, Hardie & Lee 2005), fitted on the history up to each feature date
# --------------------------------------------------------------------------------------------
def _bgnbd_fit(x: np.ndarray, t_x: np.ndarray, big_t: np.ndarray, penalizer: float = 0.001):
    """Maximum-likelihood BG/NBD parameters ``(r, alpha, a, b)``; time unit = days.

    Same likelihood and L2 penalty as lifetimes' ``BetaGeoFitter(penalizer_coef=...)``;
    identical (x, t_x, T) triples are collapsed with weights, and bases larger than
    ``_BGNBD_FIT_ROWS`` clients are fitted on a fixed random subset (seed 0) of that size.
    """
    from scipy.optimize import minimize
    from scipy.special import betaln, gammaln

    # like lifetimes: time rescaled so the oldest client has T = 1, penalty on scaled parameters
    scale = 1.0 / max(float(np.max(big_t)), 1.0)
    if len(x) > _BGNBD_FIT_ROWS:  # four parameters: a fixed random subset estimates them well
        take = np.random.default_rng(0).choice(len(x), _BGNBD_FIT_ROWS, replace=False)
        x, t_x, big_t = x[take], t_x[take], big_t[take]
    triples = np.stack([x, t_x * scale, big_t * scale], axis=1)
    uniq, w = np.unique(triples, axis=0, return_counts=True)
    xu, txu, Tu = uniq[:, 0], uniq[:, 1], uniq[:, 2]
    pos = xu > 0
    w = w.astype("float64")

    def nll(logp):
        r, alpha, a, b = np.exp(logp)
        a1 = gammaln(r + xu) - gammaln(r) + r * np.log(alpha)
        a2 = betaln(a, b + xu) - betaln(a, b)
        a3 = -(r + xu) * np.log(alpha + Tu)
        a4 = np.full_like(xu, -np.inf)
        a4[pos] = (np.log(a) - np.log(b + xu[pos] - 1) - (r + xu[pos]) * np.log(alpha + txu[pos]))
        ll = a1 + a2 + np.logaddexp(a3, a4)
        return -(w @ ll) / w.sum() + penalizer * float(np.sum(np.exp(logp) ** 2))

    res = minimize(nll, np.zeros(4), method="L-BFGS-B", bounds=[(-15, 15)] * 4)
    r, alpha, a, b = (float(v) for v in np.exp(res.x))
    return (r, alpha / scale, a, b)


def _bgnbd_features(X: pd.DataFrame, horizon_d: int, params=None) -> tuple[pd.DataFrame, tuple]:
    """P(alive), P(no purchase in the horizon) and expected purchases per client."""
    from scipy.special import hyp2f1

    x = np.maximum(X["frequency"].to_numpy(dtype="float64") - 1.0, 0.0)
    big_t = X["tenure_days"].to_numpy(dtype="float64")
    t_x = big_t - X["recency_days"].to_numpy(dtype="float64")
    if params is None:
        params = _bgnbd_fit(x, t_x, big_t)
    r, alpha, a, b = params
    t = float(horizon_d)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        odds = np.where(
            x > 0, a / np.maximum(b + x - 1, 1e-12) * ((alpha + big_t) / (alpha + t_x)) ** (r + x),
            0.0,
        )
        alive = 1.0 / (1.0 + odds)
        stay_quiet = ((alpha + big_t) / (alpha + big_t + t)) ** (r + x)
        p0 = (1.0 - alive) + alive * stay_quiet
        if abs(a - 1.0) > 1e-9:  # Fader, Hardie & Lee (2005) eq. 10, as in lifetimes
            hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + big_t + t))
            expected = (a + b + x - 1) / (a - 1) * (1 - stay_quiet * hyp) * alive
        else:  # the closed form is singular at a = 1: alive x posterior rate x t
            expected = alive * (r + x) / (alpha + big_t) * t
    expected = np.where(np.isfinite(expected), expected, np.nan)
    out = pd.DataFrame(
        {"bgnbd_p_alive": alive, "bgnbd_p_no_purchase": p0, "bgnbd_expected_purchases": expected},
        index=X.index,
    )
    return out, params


# --------------------------------------------------------------------------------------------
# metrics
# --------------------------------------------------------------------------------------------
def calibration_table(y_true, y_prob, n_bins: int = 10) -> pd.DataFrame:
    """Compare mean predicted probability with the observed rate in equal-width bins.

    Parameters
    ----------
    y_true : array-like of {0, 1}
    y_prob : array-like of float in [0, 1]
    n_bins : int, default 10

    Returns
    -------
    pandas.DataFrame
        One row per non-empty bin: ``bin_low``, ``bin_high``, ``mean_predicted``,
        ``observed_rate``, ``n``.
    """
    y = np.asarray(y_true, dtype="float64")
    p = np.clip(np.asarray(y_prob, dtype="float64"), 0.0, 1.0)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    b = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    rows = []
    for i in range(n_bins):
        m = b == i
        if m.any():
            rows.append((edges[i], edges[i + 1], float(p[m].mean()), float(y[m].mean()), int(m.sum())))
    return pd.DataFrame(rows, columns=["bin_low", "bin_high", "mean_predicted", "observed_rate", "n"])


def _metrics(y: np.ndarray, score: np.ndarray, prob: np.ndarray | None, ids: np.ndarray) -> dict:
    n = len(y)
    base = float(y.mean()) if n else float("nan")
    two = n > 0 and 0 < y.sum() < n
    order = np.lexsort((ids, -score))  # highest score first, ties by customer id
    k = max(1, int(np.ceil(n / 10))) if n else 0
    top_rate = float(y[order[:k]].mean()) if n else float("nan")
    return {
        "roc_auc": float(roc_auc_score(y, score)) if two else float("nan"),
        "average_precision": float(average_precision_score(y, score)) if two else float("nan"),
        "top_decile_lift": top_rate / base if base > 0 else float("nan"),
        "brier": float(brier_score_loss(y, prob)) if prob is not None and n else float("nan"),
        "mean_predicted": float(np.mean(prob)) if prob is not None and n else float("nan"),
        "base_rate": base,
        "n": n,
    }


# --------------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------------
def _default_estimator(random_state):
    """Logistic regression on arcsinh-compressed, standardised features (NaN -> median + flag).

    Chosen over ``HistGradientBoostingClassifier`` by ``benchmarks/bench_churn.py``: on strict
    temporal splits the boosted trees overfit the older windows (prices, seasons and the client
    mix drift between them) and lost 0.01-0.05 ROC AUC to this simpler model.
    """
    return make_pipeline(
        SimpleImputer(strategy="median", add_indicator=True),
        FunctionTransformer(np.arcsinh),
        StandardScaler(),
        LogisticRegression(max_iter=1000, random_state=random_state),
    )


class ChurnModel(BaseEstimator):
    """Predict, for each client, the probability of no purchase within the horizon.

    Parameters
    ----------
    horizon : str, int or Timedelta, default "90D"
        Churn horizon ``H`` (see :func:`parse_horizon`).
    estimator : scikit-learn classifier, optional
        Defaults to a logistic regression pipeline (median imputation with missing-value flags,
        ``arcsinh`` compression of skewed counts and money, standardisation). Any classifier
        with ``predict_proba`` works if it accepts NaN (e.g.
        ``HistGradientBoostingClassifier(random_state=0)``) or is wrapped with an imputer.
    calibrate : bool, default True
        Calibrate the probabilities (see Notes).
    calibration : {"sigmoid", "isotonic", "auto"}, default "sigmoid"
        Platt scaling keeps the classifier's ranking intact. Isotonic regression is a step
        function: it ties hundreds of clients at the same probability, which cost 0.005 average
        precision on the sample business in ``benchmarks/bench_churn.py``. ``"auto"`` =
        isotonic with at least 2,000 calibration rows, else sigmoid.
    max_windows : int, default 4
        Maximum number of stacked training windows (features at ``asof - kH``, labels in
        ``(asof - kH, asof - (k-1)H]`` for ``k = 1 .. max_windows``).
    btyd : bool, default True
        Add three BG/NBD features (``bgnbd_p_alive``, ``bgnbd_p_no_purchase`` in the horizon,
        ``bgnbd_expected_purchases``): a BG/NBD model (Fader, Hardie & Lee 2005; same
        likelihood and penalty 0.001 as lifetimes) is fitted, without labels, on the histories
        up to each feature date - including the scoring date - so it never sees the future.
    random_state : int, default 0
    n_threads : int or None, default 1
        Threads for OpenMP/BLAS during fit and predict (``None`` = library default). One
        thread is the steady choice on small shared machines.

    Attributes
    ----------
    predictor_ : classifier
        The fitted (calibrated) classifier.
    baseline_ : LogisticRegression
        The recency baseline: a logistic curve on ``log1p(recency_days)`` fitted on the most
        recent window, so the baseline also yields probabilities.
    feature_names_in_ : list of str
    categories_ : dict
        One-hot categories learned from the customers table.
    tables_ : tuple of str
        The side tables (customers / feedback / survey) given to ``fit``; scoring needs them too.
    windows_ : list of Timestamp
        Feature dates of the training windows, most recent first.
    asof_ : Timestamp
        End of the training data.
    n_train_, base_rate_ : int, float
        Training examples and their churn rate.
    importances_ : pandas.DataFrame
        Permutation importances (drop of ROC AUC when a feature is shuffled), measured on up to
        3,000 rows of the most recent window.
    reference_ : pandas.Series
        Median of each feature over the training rows (used by :meth:`reasons`).

    Notes
    -----
    *Training windows.* With ``asof`` = the end of the known data, the most recent complete
    example is "features at ``asof - H``, outcome in ``(asof - H, asof]``". Earlier windows
    ``asof - 2H``, ``asof - 3H`` ... are stacked while the feature date is at least one horizon
    after the first purchase in the log (and at least one window is always used), up to
    ``max_windows`` (default 4: a year of windows for a 3-month horizon).

    *Calibration.* Churn rates drift with seasons, so the probabilities are calibrated out of
    time: the classifier is trained on the older windows and a Platt (or isotonic) map is
    fitted on the most recent window, the one closest to the period being scored
    (:class:`sklearn.frozen.FrozenEstimator` + ``CalibratedClassifierCV``). With a single
    window, a 3-fold stratified ``CalibratedClassifierCV`` is used instead.

    Examples
    --------
    >>> model = ChurnModel(horizon="3M").fit(tx)                       # doctest: +SKIP
    >>> model.predict_proba(tx).sort_values().tail()                     # doctest: +SKIP
    """

    def __init__(
        self,
        horizon: object = "90D",
        estimator: Any = None,
        calibrate: bool = True,
        calibration: str = "sigmoid",
        max_windows: int = 4,
        btyd: bool = True,
        random_state: int | None = 0,
        n_threads: int | None = 1,
    ) -> None:
        self.horizon = horizon
        self.estimator = estimator
        self.calibrate = calibrate
        self.calibration = calibration
        self.max_windows = max_windows
        self.btyd = btyd
        self.random_state = random_state
        self.n_threads = n_threads

    # -- helpers ------------------------------------------------------------------------------
    def _augment(self, X: pd.DataFrame, asof: pd.Timestamp) -> pd.DataFrame:
        """Add the BG/NBD features, fitted on the clients' histories up to ``asof``."""
        if not self.btyd:
            return X
        if len(X) == 0:
            return X.assign(**{c: np.nan for c in _BGNBD_COLUMNS})
        extra, _ = _bgnbd_features(X, horizon_days(self.horizon, asof))
        return pd.concat([X, extra], axis=1)

    def _limits(self):
        return threadpool_limits(limits=self.n_threads) if self.n_threads else _NullContext()

    def _align(self, X: pd.DataFrame) -> pd.DataFrame:
        onehot = [c for c in self.feature_names_in_ if "=" in c]
        missing = [c for c in self.feature_names_in_ if c not in X.columns and c not in onehot]
        if missing:
            raise WorkbenchError(
                f"ChurnModel was trained with feature(s) {missing} that cannot be built from the "
                "data given now: pass the same tables as in fit (customers / feedback / survey) "
                "and a transactions table with the same columns (e.g. cost)"
            )
        return X.reindex(columns=self.feature_names_in_, fill_value=0.0)

    def _features_at(self, tx, asof, customers, feedback, survey, columns):
        check_is_fitted(self, "predictor_")
        given = {"customers": customers, "feedback": feedback, "survey": survey}
        missing = [k for k in self.tables_ if given[k] is None]
        if missing:
            raise WorkbenchError(
                f"ChurnModel was fitted with the {', '.join(missing)} table(s): pass the same "
                f"tables as in fit (e.g. model.predict_proba(tx, asof, {missing[0]}=...))"
            )
        tx_cut, asof_ts = prepare_transactions(tx, asof, columns)
        cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
        X = _features(tx_cut, asof_ts, cust, fb, sv, self.categories_)
        return self._align(self._augment(X, asof_ts)), asof_ts

    def _proba(self, X: pd.DataFrame) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        with self._limits():
            return self.predictor_.predict_proba(X)[:, 1]

    def _baseline_proba(self, X: pd.DataFrame) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        z = np.log1p(X[["recency_days"]].to_numpy(dtype="float64"))
        return self.baseline_.predict_proba(z)[:, 1]

    # -- fit ----------------------------------------------------------------------------------
    def fit(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> ChurnModel:
        """Train on windows ending on or before ``asof`` (default: the last transaction date).

        Parameters
        ----------
        tx, customers, feedback, survey, columns
            As in :func:`customer_features`.
        asof : date-like, optional
            End of the known data; nothing after it is read.

        Returns
        -------
        ChurnModel
            ``self``.
        """
        offset = parse_horizon(self.horizon)
        if not isinstance(self.max_windows, (int, np.integer)) or self.max_windows < 1:
            raise WorkbenchError(f"max_windows must be an integer >= 1; got {self.max_windows!r}")
        if self.calibration not in ("auto", "isotonic", "sigmoid"):
            raise WorkbenchError(
                f"calibration must be 'auto', 'isotonic' or 'sigmoid'; got {self.calibration!r}"
            )
        full, asof_ts = prepare_transactions(tx, asof, columns)
        cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
        buys = full.loc[full["amount"] > 0, "date"]
        if buys.empty:
            raise WorkbenchError("transactions: no purchases (amount > 0) to learn from")
        first = buys.min()
        windows = []
        for k in range(1, int(self.max_windows) + 1):
            a_k = _shift(asof_ts, offset, -k)
            if a_k < first or (k > 1 and _shift(a_k, offset, -1) < first):
                break
            windows.append(a_k)
        if not windows:
            raise InsufficientHistoryError(
                f"transactions start on {first.date()}: ChurnModel(horizon={self.horizon!r}) "
                f"needs purchases before {_shift(asof_ts, offset, -1).date()} (asof minus one "
                "horizon) to learn who comes back; use a shorter horizon or more history"
            )
        self.categories_ = _categories(cust)
        self.tables_ = tuple(
            k for k, v in (("customers", cust), ("feedback", fb), ("survey", sv)) if v is not None
        )
        Xs, ys = [], []
        for a_k in windows:
            Xk = _features(full.loc[full["date"] <= a_k], a_k, cust, fb, sv, self.categories_)
            Xk = self._augment(Xk, a_k)
            yk = _labels(full, a_k, offset).reindex(Xk.index)
            Xs.append(Xk)
            ys.append(yk)
        cols = list(Xs[0].columns)
        Xs = [x.reindex(columns=cols, fill_value=0.0) for x in Xs]
        # a feature defined for (almost) no training row (e.g. resolution time when hardly any
        # complaint was resolved) carries no information, and an all-NaN column breaks the
        # binning of HistGradientBoosting (scikit-learn 1.9): drop it
        defined = sum(x.notna().sum() for x in Xs)
        cols = [c for c in cols if defined[c] >= _MIN_DEFINED]
        Xs = [x[cols] for x in Xs]
        y_all = np.concatenate([y.to_numpy() for y in ys])
        if y_all.min() == y_all.max():
            raise WorkbenchError(
                "every training example has the same outcome (all churned or none churned), so "
                "there is nothing to learn; check the horizon and the data"
            )
        self.feature_names_in_ = cols
        self.windows_ = windows
        self.asof_ = asof_ts
        self.horizon_ = _horizon_label(self.horizon)
        est = clone(self.estimator) if self.estimator is not None else _default_estimator(
            self.random_state
        )
        X_recent, y_recent = Xs[0], ys[0].to_numpy()
        with self._limits():
            if not self.calibrate:
                X_all = pd.concat(Xs)
                self.predictor_ = est.fit(X_all, y_all)
            elif len(Xs) >= 2 and 0 < y_recent.sum() < len(y_recent):
                X_old = pd.concat(Xs[1:])
                y_old = np.concatenate([y.to_numpy() for y in ys[1:]])
                if y_old.min() == y_old.max():
                    X_old, y_old = pd.concat(Xs), y_all
                # a feature may be undefined in every older window (e.g. NPS collected only
                # recently): constant there, so the trees ignore it; 0 avoids the NaN-only bug
                X_old = X_old.fillna({c: 0.0 for c in X_old.columns if X_old[c].isna().all()})
                est.fit(X_old, y_old)
                cal = CalibratedClassifierCV(
                    FrozenEstimator(est), method=self._method(len(y_recent))
                )
                self.predictor_ = cal.fit(X_recent, y_recent)
            else:
                X_all = pd.concat(Xs)
                cal = CalibratedClassifierCV(
                    est,
                    method=self._method(len(y_all)),
                    cv=StratifiedKFold(3, shuffle=True, random_state=self.random_state),
                )
                self.predictor_ = cal.fit(X_all, y_all)
            z = np.log1p(X_recent[["recency_days"]].to_numpy(dtype="float64"))
            if 0 < y_recent.sum() < len(y_recent):
                self.baseline_ = LogisticRegression().fit(z, y_recent)
            else:
                z = np.log1p(pd.concat(Xs)[["recency_days"]].to_numpy(dtype="float64"))
                self.baseline_ = LogisticRegression().fit(z, y_all)
            self.importances_ = self._importances(X_recent, y_recent)
        X_all_ref = pd.concat(Xs)
        # the "typical client": the median, or NaN where most clients have no value (e.g. no
        # resolved complaint), so that having no value is not offered as a reason
        typical = X_all_ref.notna().mean() >= 0.5
        self.reference_ = X_all_ref.median(skipna=True).where(typical).astype("float64")
        self.n_train_ = int(len(y_all))
        self.base_rate_ = float(y_all.mean())
        return self

    def _method(self, n: int) -> str:
        if self.calibration != "auto":
            return self.calibration
        return "isotonic" if n >= 2000 else "sigmoid"

    def _importances(self, X: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
        if len(X) > _IMPORTANCE_ROWS:
            rng = np.random.default_rng(self.random_state)
            take = np.sort(rng.choice(len(X), _IMPORTANCE_ROWS, replace=False))
            X, y = X.iloc[take], y[take]
        if y.min() == y.max():
            imp = np.zeros(X.shape[1])
            std = np.zeros(X.shape[1])
        else:
            r = permutation_importance(
                self.predictor_, X, y, scoring="roc_auc", n_repeats=_IMPORTANCE_REPEATS,
                random_state=self.random_state,
            )
            imp, std = r.importances_mean, r.importances_std
        out = pd.DataFrame(
            {"feature": list(X.columns), "importance": imp, "importance_std": std}
        )
        return out.sort_values(["importance", "feature"], ascending=[False, True],
                               kind="mergesort").reset_index(drop=True)

    # -- predict / evaluate -------------------------------------------------------------------
    def predict_proba(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> pd.Series:
        """Return the probability that each client makes no purchase in ``(asof, asof + H]``.

        Parameters
        ----------
        tx, asof, customers, feedback, survey, columns
            As in :func:`customer_features` (``asof`` defaults to the last transaction date).

        Returns
        -------
        pandas.Series
            ``churn_probability`` (float64) indexed by ``customer_id``, for every client whose
            first purchase is on or before ``asof``.
        """
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        return pd.Series(self._proba(X), index=X.index, name="churn_probability")

    def evaluate(
        self,
        tx: pd.DataFrame,
        asof: object,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
        n_bins: int = 10,
    ) -> dict[str, pd.DataFrame]:
        """Score clients at ``asof`` and compare with what happened in ``(asof, asof + H]``.

        Parameters
        ----------
        tx : pandas.DataFrame
            Transactions reaching at least ``asof + H`` (the model reads only rows up to
            ``asof`` for the scores; later rows give the outcome).
        asof : date-like
            The scoring date. For an honest test, ``asof`` is on or after the ``asof`` of
            :meth:`fit` (the model never saw the outcome window).
        customers, feedback, survey, columns
            As in :meth:`predict_proba`.
        n_bins : int, default 10
            Bins of the calibration tables.

        Returns
        -------
        dict
            ``"metrics"``: DataFrame with rows ``model`` and ``recency_baseline`` and columns
            ``roc_auc``, ``average_precision``, ``top_decile_lift`` (churn rate among the 10%
            highest scores / base rate), ``brier``, ``mean_predicted``, ``base_rate``, ``n``;
            ``"calibration"`` and ``"baseline_calibration"``: see :func:`calibration_table`.
        """
        check_is_fitted(self, "predictor_")
        y = churn_labels(tx, asof, self.horizon_, columns=columns)
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        y = y.reindex(X.index).to_numpy()
        p = self._proba(X)
        pb = self._baseline_proba(X)
        ids = X.index.to_numpy(dtype=str)
        metrics = pd.DataFrame(
            [
                _metrics(y, p, p, ids),
                _metrics(y, X["recency_days"].to_numpy(dtype="float64"), pb, ids),
            ],
            index=pd.Index(["model", "recency_baseline"], name="scorer"),
        )
        return {
            "metrics": metrics,
            "calibration": calibration_table(y, p, n_bins),
            "baseline_calibration": calibration_table(y, pb, n_bins),
        }

    # -- explanations -------------------------------------------------------------------------
    def explain(self, language: str | None = None, top: int | None = None) -> pd.DataFrame:
        """Return permutation importances with business names, most important first.

        Parameters
        ----------
        language : {"en", "ru"}, optional
        top : int, optional
            Keep only the ``top`` features.

        Returns
        -------
        pandas.DataFrame
            ``feature`` (technical name), ``label`` (business name), ``importance`` (mean drop
            of ROC AUC when the feature is shuffled), ``importance_std``.

        Notes
        -----
        Permutation importance (Breiman 2001; ``sklearn.inspection.permutation_importance``)
        is measured on the most recent training window, which the classifier did not see when
        two or more windows were stacked. Correlated features share their importance: a low
        number does not prove a signal useless.
        """
        check_is_fitted(self, "importances_")
        out = self.importances_.copy()
        out.insert(1, "label", [feature_label(f, language) for f in out["feature"]])
        return out.head(top) if top else out

    def reasons(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        top: int = 3,
        min_effect: float = 0.01,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
        language: str | None = None,
    ) -> pd.DataFrame:
        """Name, for each client, the features that raise their churn risk the most.

        Parameters
        ----------
        tx, asof, customers, feedback, survey, columns
            As in :meth:`predict_proba`.
        top : int, default 3
            Number of reasons per client.
        min_effect : float, default 0.01
            Smallest effect (probability points) worth naming.
        language : {"en", "ru"}, optional

        Returns
        -------
        pandas.DataFrame
            Index ``customer_id``; ``churn_probability``, then ``reason_1`` ... ``reason_top``
            (text such as "Days since last purchase: 210 (typical: 45)") and ``effect_1`` ...
            (how many probability points the feature adds). Empty text / NaN when fewer
            features raise the risk.

        Notes
        -----
        One-at-a-time perturbation, not SHAP: for each feature the client's value is replaced by
        the training median (the "typical client"; missing when most clients have no value) and
        the probability recomputed; the drop is the feature's effect for that client. Only
        features that add at least ``min_effect`` are reasons.
        Interactions are not split fairly between features; use it to start a conversation
        with the account manager, not as proof.
        """
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        p = self._proba(X)
        cols = list(X.columns)
        effects = np.zeros((len(X), len(cols)))
        for j, col in enumerate(cols):
            ref = float(self.reference_.get(col, np.nan))
            Xj = X.copy()
            Xj[col] = ref
            effects[:, j] = p - self._proba(Xj)
        out = pd.DataFrame({"churn_probability": p}, index=X.index)
        order = np.argsort(-effects, axis=1, kind="stable")
        values = X.to_numpy(dtype="float64")
        for r in range(top):
            texts, eff = [], []
            for i in range(len(X)):
                j = order[i, r] if r < len(cols) else None
                if j is None or not effects[i, j] >= max(min_effect, 1e-12):
                    texts.append("")
                    eff.append(np.nan)
                    continue
                texts.append(
                    t(
                        "churn.reason",
                        language,
                        feature=feature_label(cols[j], language),
                        value=_fmt(values[i, j]),
                        typical=_fmt(float(self.reference_.get(cols[j], np.nan))),
                    )
                )
                eff.append(float(effects[i, j]))
            out[f"reason_{r + 1}"] = pd.array(texts, dtype="string")
            out[f"effect_{r + 1}"] = eff
        return out

    # -- persistence --------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the fitted model to ``path`` (a zip: skops payload + JSON header).

        Parameters
        ----------
        path : str or Path
            Target file; ``.wbmodel`` is a good suffix.

        Returns
        -------
        Path
            The path written.

        Notes
        -----
        The payload is written with ``skops.io`` (no pickle); the header records the format,
        the workbench version and the SHA-256 of the payload. :meth:`load` refuses a file whose
        header or checksum does not match, and any type outside :data:`TRUSTED_TYPES`. The
        checksum detects corruption and naive edits; it is not a signature (anyone can write a
        new header), the type allow-list is what keeps loading safe. The file holds aggregate
        statistics (feature medians) but no client rows.
        """
        import skops.io as sio

        from workbench import __version__

        check_is_fitted(self, "predictor_")
        state = {
            "params": {
                "horizon": self.horizon_,
                "estimator": self.estimator,
                "calibrate": bool(self.calibrate),
                "calibration": str(self.calibration),
                "max_windows": int(self.max_windows),
                "btyd": bool(self.btyd),
                "random_state": self.random_state,
                "n_threads": self.n_threads,
            },
            "predictor": self.predictor_,
            "baseline": self.baseline_,
            "feature_names": list(self.feature_names_in_),
            "categories": {k: list(v) for k, v in self.categories_.items()},
            "tables": list(self.tables_),
            "reference": [float(self.reference_[c]) for c in self.feature_names_in_],
            "importances": {
                "feature": list(self.importances_["feature"]),
                "importance": [float(v) for v in self.importances_["importance"]],
                "importance_std": [float(v) for v in self.importances_["importance_std"]],
            },
            "windows": [w.isoformat() for w in self.windows_],
            "asof": self.asof_.isoformat(),
            "n_train": int(self.n_train_),
            "base_rate": float(self.base_rate_),
        }
        payload = sio.dumps(state)
        header = {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "workbench_version": __version__,
            "sha256": hashlib.sha256(payload).hexdigest(),
        }
        path = Path(path)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("header.json", json.dumps(header, indent=1))
            zf.writestr("model.skops", payload)
        return path

    @classmethod
    def load(cls, path: str | Path, trusted: Sequence[str] = ()) -> ChurnModel:
        """Read a model written by :meth:`save`, refusing foreign, altered or unsafe files.

        Parameters
        ----------
        path : str or Path
        trusted : sequence of str, optional
            Extra type names to accept (only after reviewing them; needed for a custom
            ``estimator``).

        Returns
        -------
        ChurnModel

        Raises
        ------
        WorkbenchError
            If the file is not a workbench churn model, comes from another workbench version
            or format version, its payload does not match its checksum, or it contains types
            outside :data:`TRUSTED_TYPES` and ``trusted``.
        """
        import skops.io as sio

        from workbench import __version__

        path = Path(path)
        try:
            with zipfile.ZipFile(path) as zf:
                header = json.loads(zf.read("header.json").decode("utf-8"))
                payload = zf.read("model.skops")
        except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError):
            raise WorkbenchError(
                f"{path}: not a workbench churn model file (expected a zip with header.json and "
                "model.skops, as written by ChurnModel.save)"
            ) from None
        if not isinstance(header, dict) or header.get("format") != MODEL_FORMAT:
            raise WorkbenchError(f"{path}: not a workbench churn model file (format "
                                 f"{header.get('format') if isinstance(header, dict) else None!r})")
        if header.get("format_version") != MODEL_FORMAT_VERSION:
            raise WorkbenchError(
                f"{path}: model file format version {header.get('format_version')!r}; this "
                f"workbench reads version {MODEL_FORMAT_VERSION}. Refit the model"
            )
        if header.get("workbench_version") != __version__:
            raise WorkbenchError(
                f"{path}: saved by workbench {header.get('workbench_version')!r}, this is "
                f"workbench {__version__}; models are not carried across versions. Refit the "
                "model with this version"
            )
        if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
            raise WorkbenchError(
                f"{path}: the model payload does not match its SHA-256 checksum: the file was "
                "altered or damaged; refusing to load it"
            )
        try:
            untrusted = sio.get_untrusted_types(data=payload)
        except Exception as exc:  # skops raises various errors on malformed payloads
            raise WorkbenchError(f"{path}: unreadable model payload ({exc})") from None
        allowed = set(TRUSTED_TYPES) | set(trusted)
        unexpected = sorted(set(untrusted) - allowed)
        if unexpected:
            raise WorkbenchError(
                f"{path}: the model contains types that are not on the reviewed list: "
                f"{unexpected}. Refusing to load; if you wrote this file with a custom "
                "estimator, review these types and pass them as trusted="
            )
        state = sio.loads(payload, trusted=list(untrusted))
        params = state["params"]
        model = cls(**params)
        model.predictor_ = state["predictor"]
        model.baseline_ = state["baseline"]
        model.feature_names_in_ = list(state["feature_names"])
        model.categories_ = {k: list(v) for k, v in state["categories"].items()}
        model.tables_ = tuple(state["tables"])
        model.reference_ = pd.Series(state["reference"], index=model.feature_names_in_,
                                     dtype="float64")
        model.importances_ = pd.DataFrame(state["importances"])
        model.windows_ = [pd.Timestamp(w) for w in state["windows"]]
        model.asof_ = pd.Timestamp(state["asof"])
        model.n_train_ = int(state["n_train"])
        model.base_rate_ = float(state["base_rate"])
        model.horizon_ = str(params["horizon"])
        return model


class _NullContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _fmt(x: float) -> str:
    if x != x:  # NaN
        return "-"
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:,.0f}".replace(",", "\u202f")
    return f"{x:.2f}"


def feature_label(feature: str, language: str | None = None) -> str:
    """Return the business name of a churn feature (one-hot columns read "Type: B2B")."""
    if "=" in feature:
        col, value = feature.split("=", 1)
        key = f"churn.feature.{col}"
        name = t(key, language) if has(key) else col
        return t("churn.onehot", language, column=name, value=value)
    key = f"churn.feature.{feature}"
    return t(key, language) if has(key) else feature


# --------------------------------------------------------------------------------------------
# risk bands
# --------------------------------------------------------------------------------------------
def risk_band(
    probabilities: pd.Series | Sequence[float] | np.ndarray,
    cutoffs: tuple[float, float] = DEFAULT_RISK_CUTOFFS,
    language: str | None = None,
) -> pd.Series:
    """Put each churn probability in a high / medium / low risk band.

    Parameters
    ----------
    probabilities : Series or array-like of float in [0, 1]
    cutoffs : (float, float), default (0.3, 0.6)
        ``p < low`` -> low, ``low <= p < high`` -> medium, ``p >= high`` -> high.
    language : {"en", "ru"}, optional
        ``None`` returns the codes ``low`` / ``medium`` / ``high``; a language returns their
        display labels.

    Returns
    -------
    pandas.Series
        Ordered categorical ``risk_band`` (low < medium < high), same index as the input.

    Notes
    -----
    With calibrated probabilities the default cut-offs read: *high* = more likely to leave than
    to stay within the horizon (60%+), *low* = fewer than one in three leave. They are a
    starting point for a conversation; the money-optimal line comes from
    :func:`workbench.retention_plan`.

    Examples
    --------
    >>> risk_band([0.1, 0.3, 0.59, 0.6]).tolist()
    ['low', 'medium', 'medium', 'high']
    """
    lo, hi = (float(c) for c in cutoffs)
    if not 0.0 <= lo <= hi <= 1.0:
        raise WorkbenchError(
            f"cutoffs must be two numbers with 0 <= low <= high <= 1; got {cutoffs!r}"
        )
    index = probabilities.index if isinstance(probabilities, pd.Series) else None
    p = np.asarray(probabilities, dtype="float64")
    if np.any((p < 0) | (p > 1)):
        raise WorkbenchError("probabilities must lie in [0, 1]")
    codes = np.where(p >= hi, 2, np.where(p >= lo, 1, 0))
    codes = np.where(np.isnan(p), -1, codes)
    cats = list(RISK_BANDS) if language is None else [t(f"churn.band.{b}", language) for b in RISK_BANDS]
    values = pd.Categorical.from_codes(codes, categories=cats, ordered=True)
    return pd.Series(values, index=index, name="risk_band")


# --------------------------------------------------------------------------------------------
# read aloud
# --------------------------------------------------------------------------------------------
#: Features that carry the service history (complaints, refusals, NPS), named by
#: :func:`describe_drivers`.
SERVICE_FEATURES: tuple[str, ...] = (
    "unresolved_complaints",
    "complaints",
    "resolution_days_mean",
    "refusals",
    "last_nps",
)


def describe_churn_labels(
    labels: pd.Series,
    asof: object,
    horizon: object = "90D",
    language: str | None = None,
) -> str:
    """Read :func:`churn_labels` aloud: how many clients churned in the horizon after ``asof``.

    Parameters
    ----------
    labels : pandas.Series
        The result of :func:`churn_labels` (1 = churned, 0 = bought again).
    asof : date-like
        The ``asof`` the labels were computed for.
    horizon : str, int or Timedelta, default "90D"
        The horizon the labels were computed for.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One sentence: clients, churned (count and share) and the number of days, then the
        clients who bought again.

    Examples
    --------
    >>> y = pd.Series([1, 0, 0, 1], index=list("abcd"))
    >>> print(describe_churn_labels(y, "2024-03-31", "30D"))  # doctest: +NORMALIZE_WHITESPACE
    Of 4 clients who had bought by 2024-03-31, 2 (50%) made no purchase in the following 30
    days: for this horizon, they churned. 2 (50%) bought again.
    """
    language = check_language(language)
    n = len(labels)
    if n == 0:
        return t("churn.describe.labels_empty", language)
    churned = int(np.asarray(labels, dtype="float64").sum())
    return t(
        "churn.describe.labels", language, n=count(n, language), asof=date(asof, language),
        churned=count(churned, language), rate=pct(churned / n),
        days=horizon_days(horizon, asof), stayed=count(n - churned, language),
        stay_rate=pct((n - churned) / n),
    )


def describe_evaluation(evaluation: Mapping[str, pd.DataFrame], language: str | None = None) -> str:
    """Read :meth:`ChurnModel.evaluate` aloud: ranking, lift and calibration vs recency.

    Parameters
    ----------
    evaluation : dict
        The result of :meth:`ChurnModel.evaluate` (``metrics`` and ``calibration``).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Three sentences computed from the tables: clients and churners, ROC AUC and average
        precision of the model and the recency baseline, the top-decile lift; the Brier
        scores, mean predicted vs observed churn and the calibration bin (with at least 20
        clients, or the largest bin) where prediction and outcome differ most; then on how many
        of the four measures (ROC AUC, AP, lift, Brier) the model beats the baseline.

    Notes
    -----
    ROC AUC is the chance that a random churner gets a higher score than a random client who
    stays (0.5 = coin toss); average precision summarises how clean the top of the list is;
    the Brier score is the mean squared error of the probabilities (0 = perfect).
    """
    language = check_language(language)
    m = evaluation["metrics"]
    mod, base = m.loc["model"], m.loc["recency_baseline"]

    def f(x):
        return num(x, language)

    n = int(mod["n"])
    parts = [t(
        "churn.describe.eval_rank", language, n=count(n, language),
        base=pct(mod["base_rate"]), auc=f(mod["roc_auc"]), auc_b=f(base["roc_auc"]),
        ap=f(mod["average_precision"]), ap_b=f(base["average_precision"]),
        lift=num(mod["top_decile_lift"], language, 1),
        lift_b=num(base["top_decile_lift"], language, 1),
    )]
    cal = evaluation.get("calibration")
    if cal is not None and len(cal):
        big = cal.loc[cal["n"] >= 20]
        if big.empty:
            big = cal.loc[[cal["n"].idxmax()]]
        gap = (big["mean_predicted"] - big["observed_rate"]).abs()
        row = big.loc[gap.idxmax()]
        parts.append(t(
            "churn.describe.eval_calib", language, brier=num(mod["brier"], language, 3),
            brier_b=num(base["brier"], language, 3), pred=pct(mod["mean_predicted"]),
            base=pct(mod["base_rate"]), lo=f(row["bin_low"]), hi=f(row["bin_high"]),
            bin_pred=pct(row["mean_predicted"]), bin_obs=pct(row["observed_rate"]),
            bin_n=count(row["n"], language),
        ))
    wins = sum(
        bool(mod[c] > base[c]) for c in ("roc_auc", "average_precision", "top_decile_lift")
    ) + bool(mod["brier"] < base["brier"])
    parts.append(t("churn.describe.eval_verdict", language, k=wins))
    return " ".join(parts)


def describe_drivers(
    explained: pd.DataFrame, language: str | None = None, top: int = 5
) -> str:
    """Read :meth:`ChurnModel.explain` aloud: the strongest drivers and the service signals.

    Parameters
    ----------
    explained : pandas.DataFrame
        The result of :meth:`ChurnModel.explain` (``feature``, ``importance``; most important
        first).
    language : {"en", "ru"}, optional
    top : int, default 5
        How many drivers to name.

    Returns
    -------
    str
        The ``top`` features by importance in business words with their importance, then the
        rank of each service feature (:data:`SERVICE_FEATURES`) the model used, or a note
        that the model saw no service history.

    Examples
    --------
    >>> ex = pd.DataFrame({"feature": ["recency_days", "unresolved_complaints", "n_90d"],
    ...                    "importance": [0.05, 0.012, 0.001]})
    >>> print(describe_drivers(ex, top=2))  # doctest: +NORMALIZE_WHITESPACE
    What moves the forecast most (drop in ROC AUC when the feature is shuffled): Days since
    last purchase (0.050), Unresolved complaints (0.012). Service history, rank among 3
    features: Unresolved complaints 2.
    """
    language = check_language(language)
    feats = [str(x) for x in explained["feature"]]
    imp = explained["importance"].to_numpy(dtype="float64")
    drivers = ", ".join(
        f"{feature_label(f, language)} ({num(v, language, 3)})"
        for f, v in zip(feats[:top], imp[:top], strict=True)
    )
    parts = [t("churn.describe.drivers", language, drivers=drivers)]
    ranks = [(feats.index(f) + 1, f) for f in SERVICE_FEATURES if f in feats]
    if ranks:
        parts.append(t(
            "churn.describe.service", language, n=len(feats),
            ranks=", ".join(f"{feature_label(f, language)} {r}" for r, f in sorted(ranks)),
        ))
    else:
        parts.append(t("churn.describe.no_service", language))
    return " ".join(parts)


def describe_risk(
    probabilities: pd.Series | Sequence[float] | np.ndarray,
    cutoffs: tuple[float, float] = DEFAULT_RISK_CUTOFFS,
    language: str | None = None,
) -> str:
    """Read churn probabilities aloud: clients per risk band and the mean probability.

    Parameters
    ----------
    probabilities : Series or array-like of float in [0, 1]
    cutoffs : (float, float), default (0.3, 0.6)
        As in :func:`risk_band`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One sentence: clients scored, count and share in the high, medium and low bands (with
        the cut-offs), and the mean probability.

    Examples
    --------
    >>> print(describe_risk([0.1, 0.2, 0.5, 0.8]))  # doctest: +NORMALIZE_WHITESPACE
    4 clients scored: high risk (60%+) 1 (25%), medium 1 (25%), low (below 30%) 2 (50%). The
    average probability of no purchase in the horizon is 40%.
    """
    language = check_language(language)
    bands = risk_band(probabilities, cutoffs)
    n = len(bands)
    counts = {b: int((bands == b).sum()) for b in RISK_BANDS}

    def share(k):
        return pct(k / n) if n else "—"

    return t(
        "churn.describe.risk", language, n=count(n, language),
        hi=pct(cutoffs[1]), lo=pct(cutoffs[0]),
        n_high=count(counts["high"], language), s_high=share(counts["high"]),
        n_med=count(counts["medium"], language), s_med=share(counts["medium"]),
        n_low=count(counts["low"], language), s_low=share(counts["low"]),
        mean=pct(float(np.mean(np.asarray(probabilities, dtype="float64")))) if n else "—",
    )

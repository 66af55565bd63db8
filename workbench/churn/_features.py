"""What was known about each client at ``asof``: the churn model's features."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from workbench._columns import prepare_table, prepare_transactions
from workbench.churn._horizons import _DAY
from workbench.engine import check_engine, default_engine, engine_source, use_engine
from workbench.engine.sql import churn_features_sql
from workbench.errors import NoteWarning, WorkbenchError
from workbench.segmentation._orders import PURCHASE_MIN_AMOUNT

#: Recent windows (days) for the counts / revenue features ``n_30d``, ``revenue_90d`` ...
RECENT_WINDOWS: tuple[int, ...] = (30, 90, 180)

#: Columns of the customers table turned into one-hot features (``type=B2B`` ...).
CATEGORICAL_FEATURES: tuple[str, ...] = ("type", "source", "segment", "region")

#: At most this many categories (the most frequent, ties by name) per categorical column.
MAX_CATEGORIES: int = 20

#: A feature needs at least this many defined (non-NaN) training rows to be used.
_MIN_DEFINED = 20


def _unpack(data, customers=None, feedback=None, survey=None):
    """Split ``data`` - a transactions frame, or a client folder - into the four tables.

    ``data`` may be a :class:`pandas.DataFrame` of transactions (the side tables are then
    the ones passed), or the result of :func:`workbench.load_folder` (anything with a
    ``tables`` mapping) or a plain ``{table name: frame}`` mapping: its ``transactions`` are
    used and its ``customers`` / ``feedback`` / ``survey`` fill the side tables not passed
    explicitly (an explicit argument wins).
    """
    if isinstance(data, pd.DataFrame):
        return data, customers, feedback, survey
    tables = getattr(data, "tables", data)
    if not isinstance(tables, Mapping):
        raise WorkbenchError(
            "expected a transactions DataFrame or a client folder (workbench.load_folder); got "
            f"{type(data).__name__}"
        )
    if "transactions" not in tables:
        raise WorkbenchError("the client folder has no transactions table")
    return (
        tables["transactions"],
        customers if customers is not None else tables.get("customers"),
        feedback if feedback is not None else tables.get("feedback"),
        survey if survey is not None else tables.get("survey"),
    )


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
            warnings.warn(NoteWarning("churn.warn.survey_no_date_column"), stacklevel=3)
            sv = sv.iloc[0:0].assign(date=pd.Series(dtype="datetime64[ns]"))
        sv = sv.loc[sv["customer_id"].notna() & sv["nps"].notna()]
        undated = int(sv["date"].isna().sum())
        if undated:
            warnings.warn(NoteWarning("churn.warn.survey_undated", n=undated), stacklevel=3)
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


def _transaction_features(tx: pd.DataFrame, asof: pd.Timestamp,
                          engine: str = "auto", codes=None) -> pd.DataFrame:
    """Purchase-history features of every buyer in ``tx`` (already cut to ``<= asof``).

    The per-client aggregates come from numpy or from an engine (DuckDB, Spark: the SQL of
    :func:`workbench.engine.sql.churn_features_sql`, see :mod:`workbench.engine`); the
    features are computed from them by the same code.
    """
    asof_day = int(np.datetime64(asof.normalize(), "D").astype("int64"))
    # "auto" is numpy at every size unless the run names an engine: measured with
    # benchmarks/bench_aggregates.py (churn_features), the sort-based numpy path needs about
    # half the CPU of the SQL (whose gaps need a window over each client's days)
    auto = engine == "auto" and default_engine() == "auto"
    name = "pandas" if auto else use_engine(engine, tx)
    if name == "pandas":
        raw = _transaction_aggregates(tx, asof_day, codes)
    else:
        with engine_source(name, tx, asof) as src:
            raw = src.frame(churn_features_sql(src.dialect, asof_day, RECENT_WINDOWS,
                                               has_cost=src.has_cost))
        raw = _engine_aggregates(raw)
    return _features_from_aggregates(raw, asof_day)


def _engine_aggregates(raw: pd.DataFrame) -> pd.DataFrame:
    """The engine's whole-number gap sums as :func:`_transaction_aggregates`' ``g_ss``."""
    g_n = raw["g_n"].to_numpy(np.int64)
    g_sum = raw["g_sum"].fillna(0).to_numpy(np.int64)
    g_sq = raw["g_sq"].fillna(0).to_numpy(np.int64)
    out = raw.drop(columns=["g_sq"])
    # squared deviations from the mean gap, exact in integers: (n * sum(g^2) - sum(g)^2) / n
    with np.errstate(invalid="ignore", divide="ignore"):
        out["g_ss"] = np.where(g_n > 0, (g_n * g_sq - g_sum * g_sum) / np.maximum(g_n, 1), 0.0)
    out["g_sum"] = g_sum.astype("float64")
    if "n_known" in out.columns and int(out["n_known"].sum()) == 0:
        out = out.drop(columns=["profit", "rev_known", "n_known"])  # no cost known at all
    return out


def subset_codes(codes: np.ndarray, uniques: pd.Index) -> tuple[np.ndarray, pd.Index]:
    """``pd.factorize(ids, sort=True)`` of some rows of a log, from the codes of those rows
    in the sorted factorisation of the whole log (``codes``) and its ``uniques``: the clients
    present keep their order, and each row's code becomes its client's rank among them."""
    present = np.bincount(codes, minlength=len(uniques)) > 0
    rank = np.cumsum(present) - 1
    return rank[codes], uniques[present]


def _transaction_aggregates(tx: pd.DataFrame, asof_day: int, codes=None) -> pd.DataFrame:
    """The per-client aggregates of :func:`workbench.engine.sql.churn_features_sql`, with numpy.

    ``g_ss`` (the squared deviations of the gaps from their mean) replaces the engine's sum
    of squares. ``codes``: ``(codes of tx's rows, uniques)`` of a sorted factorisation of a
    larger log holding these rows (:func:`subset_codes`), instead of factorising ``tx`` again.
    """
    if codes is None:
        codes, ids = pd.factorize(tx["customer_id"], sort=True)
    else:
        codes, ids = subset_codes(*codes)
    n_ids = len(ids)
    amount = tx["amount"].to_numpy(dtype="float64")
    day = tx["date"].to_numpy().astype("datetime64[D]").astype("int64")
    buy = amount > 0
    # a client with no paid purchase up to asof (only zero-value rows, or only returns) is
    # described by the days of those rows, so that every client in the history is scored
    paid = np.bincount(codes[buy], minlength=n_ids) > 0
    act = buy | ~paid[codes]

    # distinct activity days per customer, sorted by (customer, day); a sort, not np.unique
    # (numpy 2.4 hashes in np.unique: 58-118x slower on millions of keys)
    pairs = np.sort(codes[act].astype("int64") * (1 << 32) + (day[act] + (1 << 31)))
    if len(pairs):
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    c = pairs >> 32
    d = (pairs & ((1 << 32) - 1)) - (1 << 31)
    freq = np.bincount(c, minlength=n_ids).astype("float64")
    first_idx = np.searchsorted(c, np.arange(n_ids), side="left")
    last_idx = np.searchsorted(c, np.arange(n_ids), side="right") - 1
    is_buyer = freq > 0
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
    cols: dict[str, np.ndarray] = {
        "freq": freq, "first_day": first_day, "last_day": last_day, "g_n": g_n,
        "g_sum": g_sum, "g_ss": np.bincount(gcode, weights=dev * dev, minlength=n_ids),
    }
    for w in RECENT_WINDOWS:
        cols[f"n_{w}d"] = np.bincount(c[d > asof_day - w], minlength=n_ids).astype("float64")
    cols["prev_90d"] = np.bincount(c[(d > asof_day - 180) & (d <= asof_day - 90)],
                                   minlength=n_ids).astype("float64")
    cols["gross"] = np.bincount(codes[buy], weights=amount[buy], minlength=n_ids)
    cols["net"] = np.bincount(codes, weights=amount, minlength=n_ids)
    ret = amount < 0
    cols["returned"] = -np.bincount(codes[ret], weights=amount[ret], minlength=n_ids)
    for w in RECENT_WINDOWS:
        rows = day > asof_day - w
        cols[f"revenue_{w}d"] = np.bincount(codes[rows], weights=amount[rows], minlength=n_ids)
    if "cost" in tx.columns and tx["cost"].notna().any():
        cost = tx["cost"].to_numpy(dtype="float64")
        known = ~np.isnan(cost)
        cols["profit"] = np.bincount(codes[known], weights=amount[known] - cost[known],
                                     minlength=n_ids)
        cols["rev_known"] = np.bincount(codes[known], weights=amount[known], minlength=n_ids)
        cols["n_known"] = np.bincount(codes[known], minlength=n_ids)
    frame = pd.DataFrame(cols, index=pd.Index(ids, name="customer_id"))
    frame = frame.loc[is_buyer]
    frame.index = frame.index.astype("string")
    return frame


def _features_from_aggregates(raw: pd.DataFrame, asof_day: int) -> pd.DataFrame:
    """The features of :func:`customer_features` from the per-client aggregates."""
    def col(name):
        return raw[name].to_numpy(dtype="float64")

    freq = col("freq")
    g_n, g_sum = col("g_n"), col("g_sum")
    with np.errstate(invalid="ignore", divide="ignore"):
        g_mean = np.where(g_n > 0, g_sum / g_n, np.nan)
        g_std = np.where(g_n > 0, np.sqrt(col("g_ss") / np.where(g_n > 0, g_n, 1)), np.nan)
        g_cv = np.where(g_mean > 0, g_std / g_mean, np.nan)
    recency = asof_day - col("last_day")
    tenure = asof_day - col("first_day")
    with np.errstate(invalid="ignore", divide="ignore"):
        overdue = np.where(g_mean > 0, recency / g_mean, np.nan)
    gross, returned = col("gross"), col("returned")
    with np.errstate(invalid="ignore", divide="ignore"):
        aov = np.where(freq > 0, gross / np.where(freq > 0, freq, 1), np.nan)
        returns_share = np.where(gross > 0, returned / np.where(gross > 0, gross, 1), 0.0)
    cols: dict[str, np.ndarray] = {
        "recency_days": recency,
        "frequency": freq,
        "monetary": col("net"),
        "avg_purchase_value": aov,
        "tenure_days": tenure,
        "gap_mean_days": g_mean,
        "gap_std_days": g_std,
        "gap_cv": g_cv,
        "overdue_ratio": overdue,
    }
    for w in RECENT_WINDOWS:
        cols[f"n_{w}d"] = col(f"n_{w}d")
        cols[f"revenue_{w}d"] = col(f"revenue_{w}d")
    last90, prev90 = col("n_90d"), col("prev_90d")
    with np.errstate(invalid="ignore", divide="ignore"):
        cols["trend_90d"] = np.where(
            last90 + prev90 > 0, (last90 - prev90) / np.where(last90 + prev90 > 0, last90 + prev90, 1), 0.0
        )
    cols["returns_share"] = returns_share
    if "profit" in raw.columns:
        profit, rev_known = col("profit"), col("rev_known")
        has_cost = raw["n_known"].to_numpy() > 0
        cols["profit"] = np.where(has_cost, profit, np.nan)
        # a margin needs revenue: a sale refunded in full nets to float noise (1e-13), whose
        # ratio to a noisy profit is no margin at all (and differs between engines)
        sold = rev_known >= PURCHASE_MIN_AMOUNT
        with np.errstate(invalid="ignore", divide="ignore"):
            cols["margin"] = np.where(sold, profit / np.where(sold, rev_known, 1), np.nan)
    return pd.DataFrame(cols, index=raw.index)


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


def _features(tx_cut, asof, cust, fb, sv, categories, engine: str = "auto",
              codes=None) -> pd.DataFrame:
    frame = _transaction_features(tx_cut, asof, engine, codes)
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
    tx,
    asof: object = None,
    customers: pd.DataFrame | None = None,
    feedback: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    categories: Mapping[str, Sequence[str]] | None = None,
    engine: str = "auto",
) -> pd.DataFrame:
    """Describe every client as of ``asof``, using only data dated on or before ``asof``.

    Parameters
    ----------
    tx : pandas.DataFrame or client folder
        Transactions (``customer_id``, ``date``, ``amount``; ``cost`` adds profit features), or
        the client folder (:func:`workbench.load_folder`): its transactions, and its customers,
        feedback and survey tables where the arguments below are not given.
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
    engine : {"auto", "pandas", "duckdb", "spark"}, default "auto"
        Where the per-client purchase aggregates are computed (:mod:`workbench.engine`, the
        SQL of :func:`workbench.engine.sql.churn_features_sql`); the features are the same.
        ``"auto"`` is the engine of ``workbench run --engine`` when one is named, else numpy
        (at every size: it needs about half the CPU of DuckDB here).

    Returns
    -------
    pandas.DataFrame
        One row per client with a dated row on or before ``asof`` (index ``customer_id``,
        sorted), all float64. A client whose rows up to ``asof`` are all zero-value purchases
        or returns (no ``amount > 0``; e.g. 68 real CDNOW clients) is described by the days of
        those rows (``frequency`` = those days, ``avg_purchase_value`` 0, ``monetary`` their
        net); :func:`scoring_basis` names them. Columns:

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
    tx, customers, feedback, survey = _unpack(tx, customers, feedback, survey)
    tx_cut, asof_ts = prepare_transactions(tx, asof, columns)
    cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
    cats = _categories(cust) if categories is None else {k: list(v) for k, v in categories.items()}
    check_engine(engine)
    return _features(tx_cut, asof_ts, cust, fb, sv, cats, engine)


def scoring_basis(
    tx,
    asof: object = None,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Say, for every client in the history, what their churn features are built from.

    Parameters
    ----------
    tx : pandas.DataFrame or client folder
        Transactions, or the client folder (:func:`workbench.load_folder`).
    asof : date-like, optional
        Observation end; defaults to the last transaction date.
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id`` (sorted, the same clients as :func:`customer_features` and
        :meth:`ChurnModel.predict_proba`); ``basis``: ``"purchases"`` (at least one row with
        ``amount > 0``), ``"zero_value_only"`` (only rows with amount 0: scored on the days of
        those rows as a client who spent nothing) or ``"returns_only"`` (only rows with
        amount <= 0, at least one negative: a return of something bought before the log
        starts); ``rows`` and ``paid_rows`` (rows with ``amount > 0``).

    Notes
    -----
    Churn *labels* (:func:`churn_labels`) and the model's training rows keep the definition
    "a purchase is a row with ``amount > 0``": clients without one are scored but never
    trained on, and :meth:`ChurnModel.evaluate` measures the model on labelled clients only.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "c"], "amount": [5.0, 0.0, -2.0, 0.0],
    ...                    "date": pd.to_datetime(["2024-01-01"] * 4)})
    >>> scoring_basis(tx)["basis"].tolist()
    ['purchases', 'zero_value_only', 'returns_only']
    """
    tx, *_ = _unpack(tx)
    tx_cut, _ = prepare_transactions(tx, asof, columns)
    amount = tx_cut["amount"].to_numpy(dtype="float64")
    codes, ids = pd.factorize(tx_cut["customer_id"], sort=True)
    n = len(ids)
    rows = np.bincount(codes, minlength=n)
    paid = np.bincount(codes[amount > 0], minlength=n)
    neg = np.bincount(codes[amount < 0], minlength=n)
    basis = np.where(paid > 0, "purchases", np.where(neg > 0, "returns_only", "zero_value_only"))
    index = pd.Index(ids, name="customer_id").astype("string")
    return pd.DataFrame({"basis": basis, "rows": rows.astype("int64"),
                         "paid_rows": paid.astype("int64")}, index=index)

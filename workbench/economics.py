"""Retention economics: is an offer worth its cost? ("стоит ли овчинка выделки?")

Step 5 of the method weighs what an action costs against what it is expected to bring. For
retention that is, per client: the chance they leave (:class:`workbench.ChurnModel`), what
they would bring if they stayed (:func:`expected_value`), the cost of an offer and the share
of would-be leavers it keeps. :func:`retention_plan` ranks clients by the expected net gain of
an offer and finds how many to target; :func:`money_confusion` shows what a probability
threshold costs and saves, in money. The sentences and display tables are in
:mod:`workbench.narrative`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbench._cache import cached
from workbench._columns import prepare_transactions
from workbench.churn import horizon_days
from workbench.errors import WorkbenchError

__all__ = (
    "DEFAULT_LOOKBACK_DAYS",
    "RetentionPlan",
    "default_offer_cost",
    "expected_value",
    "money_confusion",
    "retention_plan",
    "retention_value",
)

#: Default history (days) from which :func:`expected_value` takes a client's run rate.
DEFAULT_LOOKBACK_DAYS: int = 365

#: Shortest history (days) a run rate is divided by, so a client who bought yesterday is not
#: credited with a year of daily purchases.
_MIN_SPAN_DAYS = 30


def expected_value(
    tx: pd.DataFrame,
    asof: object = None,
    horizon: object = "90D",
    lookback_days: int = DEFAULT_LOOKBACK_DAYS,
    margin: float | None = None,
    columns: Mapping[str, str] | None = None,
) -> pd.Series:
    """Estimate what each client would bring over the horizon if they stayed.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``customer_id``, ``date``, ``amount``; ``cost`` if known).
    asof : date-like, optional
        Observation end (default: last transaction date); later rows are ignored.
    horizon : str, int or Timedelta, default "90D"
        See :func:`workbench.churn.parse_horizon`.
    lookback_days : int, default 365
        History used for the run rate.
    margin : float, optional
        Margin rate applied to revenue when ``tx`` has no ``cost`` column (e.g. 0.25). Without
        cost and margin the value is revenue.
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.

    Returns
    -------
    pandas.Series
        ``expected_value`` indexed by ``customer_id`` for every client with a row on or
        before ``asof`` (a client whose purchases all have amount 0 gets 0): margin (``amount - cost``, or ``amount * margin``, or revenue) earned
        in the last ``lookback_days``, divided by the days the client was known in that window
        (at least 30) and multiplied by the horizon's days.

    Notes
    -----
    A plain run rate: "if retained, the client keeps buying at the pace of the last year".
    It is transparent and easy to challenge in a workshop, but it ignores that even retained
    clients slow down; for a forecast with that in it use a BTYD model (BG/NBD + Gamma-Gamma,
    Fader, Hardie & Lee 2005). Returns are deducted; the value can be negative for a client
    who costs more than they bring.
    """
    tx_cut, asof_ts = prepare_transactions(tx, asof, columns)
    if lookback_days <= 0:
        raise WorkbenchError(f"lookback_days must be positive; got {lookback_days!r}")
    days = horizon_days(horizon, asof_ts)
    start = asof_ts - pd.Timedelta(days=lookback_days)
    # every client in the history gets a value (the churn model scores them all): known since
    # their first paid purchase, or their first row when they never paid (their value is 0)
    first_row = tx_cut.groupby("customer_id")["date"].min()
    first_paid = tx_cut.loc[tx_cut["amount"] > 0].groupby("customer_id")["date"].min()
    buyers = first_paid.reindex(first_row.index).fillna(first_row)
    if "cost" in tx_cut.columns and tx_cut["cost"].notna().any():
        money = tx_cut["amount"] - tx_cut["cost"].fillna(0.0)
    elif margin is not None:
        if not 0 < margin <= 1:
            raise WorkbenchError(f"margin must be a rate in (0, 1]; got {margin!r}")
        money = tx_cut["amount"] * float(margin)
    else:
        money = tx_cut["amount"]
    recent = tx_cut["date"] > start
    earned = money[recent].groupby(tx_cut.loc[recent, "customer_id"]).sum()
    earned = earned.reindex(buyers.index, fill_value=0.0)
    known_since = buyers.where(buyers > start, start)
    span = ((asof_ts - known_since) / pd.Timedelta(days=1)).clip(lower=_MIN_SPAN_DAYS)
    out = (earned / span * days).astype("float64")
    out.index = out.index.astype("string")
    out.index.name = "customer_id"
    return out.sort_index().rename("expected_value")


def _money_rows(tx_cut: pd.DataFrame, margin: float | None) -> pd.Series:
    if "cost" in tx_cut.columns and tx_cut["cost"].notna().any():
        return tx_cut["amount"] - tx_cut["cost"].fillna(0.0)
    if margin is not None:
        return tx_cut["amount"] * float(margin)
    return tx_cut["amount"]


@cached("retention-value")  # fitted once per `workbench run` (workbench._cache)
def retention_value(
    tx: pd.DataFrame,
    asof: object = None,
    horizon: object = "90D",
    margin: float | None = None,
    lookback_days: int = DEFAULT_LOOKBACK_DAYS,
    columns: Mapping[str, str] | None = None,
    method: str = "auto",
) -> tuple[pd.Series, dict]:
    """The value of each client over the horizon for the retention plan, chosen by a back-test.

    Two candidates: the run rate of :func:`expected_value` and the model value of
    :func:`workbench.value.customer_value` (BG/NBD x Gamma-Gamma x margin, undiscounted over
    the horizon). Both are fitted one horizon before ``asof`` on the client's own history and
    compared with the margin each client actually brought in the last horizon.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``cost`` gives the margin).
    asof : date-like, optional
        End of the known data (a whole calendar day); default the last date.
    horizon : str, int or Timedelta, default "90D"
    margin : float, optional
        Margin rate when there is no ``cost`` (as in :func:`expected_value`).
    lookback_days : int, default 365
        History of the run rate.
    columns : mapping, optional
    method : {"auto", "run_rate", "clv"}, default "auto"
        ``"auto"`` uses the candidate with the lower mean absolute error in the back-test (the
        run rate when the back-test cannot be run, e.g. under two horizons of history).

    Returns
    -------
    (pandas.Series, dict)
        ``expected_value`` per client at ``asof`` from the chosen method, and the back-test:
        ``method`` (used), ``reason``, ``backtest_asof``, ``n`` (clients scored),
        ``mae_run_rate``, ``mae_clv``, ``rmse_run_rate``, ``rmse_clv`` (per client, in
        money), ``total_actual``, ``total_run_rate``, ``total_clv``, and ``spend_model``
        of the last customer-value fit (:attr:`workbench.value.CustomerValue.spend_model`:
        the spend per purchase is each client's run rate when Gamma-Gamma's ``q <= 1``).
    """
    from workbench.churn._horizons import _shift, parse_horizon
    from workbench.errors import InsufficientHistoryError
    from workbench.value import customer_value

    if method not in ("auto", "run_rate", "clv"):
        raise WorkbenchError(f"method must be 'auto', 'run_rate' or 'clv'; got {method!r}")
    full, _ = prepare_transactions(tx, None, columns)
    asof_day = (pd.Timestamp(asof) if asof is not None else full["date"].max()).normalize()
    cut = _shift(asof_day, parse_horizon(horizon), -1)
    info: dict = {"backtest_asof": cut, "n": 0}
    for k in ("mae_run_rate", "mae_clv", "rmse_run_rate", "rmse_clv", "total_actual",
              "total_run_rate", "total_clv"):
        info[k] = float("nan")

    def clv_at(day):
        cv = customer_value(full, day, horizon, margin=margin, discount_rate=0.0, n_boot=0)
        info["spend_model"] = cv.spend_model  # Gamma-Gamma, or the run rate when q <= 1
        return cv.table["clv"].rename("expected_value")

    try:
        if full["date"].min() > cut:
            raise InsufficientHistoryError("no history before the back-test date")
        rr = expected_value(full, cut, horizon, lookback_days, margin)
        cv = clv_at(cut)
        ids = rr.index.union(cv.index)
        nxt = full.loc[(full["date"] >= cut + pd.Timedelta(days=1))
                       & (full["date"] < asof_day + pd.Timedelta(days=1))]
        actual = _money_rows(nxt, margin).groupby(nxt["customer_id"].astype("string")).sum()
        actual = actual.reindex(ids, fill_value=0.0).to_numpy(dtype="float64")
        e_rr = rr.reindex(ids, fill_value=0.0).to_numpy() - actual
        e_cv = cv.reindex(ids, fill_value=0.0).to_numpy() - actual
        info.update(
            n=int(len(ids)), mae_run_rate=float(np.mean(np.abs(e_rr))),
            mae_clv=float(np.mean(np.abs(e_cv))), rmse_run_rate=float(np.sqrt(np.mean(e_rr**2))),
            rmse_clv=float(np.sqrt(np.mean(e_cv**2))), total_actual=float(actual.sum()),
            total_run_rate=float(rr.sum()), total_clv=float(cv.sum()),
        )
        better = "clv" if info["mae_clv"] < info["mae_run_rate"] else "run_rate"
        reason = "backtest"
    except (InsufficientHistoryError, WorkbenchError):
        better, reason = "run_rate", "no_backtest"
    chosen = better if method == "auto" else method
    if method != "auto":
        reason = "asked"
    info.update(method=chosen, reason=reason)
    if chosen == "clv":
        value = clv_at(asof_day)
    else:
        value = expected_value(full, asof_day, horizon, lookback_days, margin)
    return value.sort_index(), info


def retention_value_by_horizon(
    tx: pd.DataFrame,
    horizons,
    asof: object = None,
    margin: float | None = None,
    positive: bool = False,
    lookback_days: int = DEFAULT_LOOKBACK_DAYS,
    columns: Mapping[str, str] | None = None,
) -> dict[str, pd.Series]:
    """:func:`retention_value` for each of several horizons: one source of the client's value.

    Step 5's retention widget offers several horizons, step 7 and the client base use one;
    all of them call this, so a value is computed - and chosen by its back-test - the same way
    everywhere.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``cost`` gives the margin).
    horizons : str or iterable of str
        Horizons (e.g. ``["90D", "180D"]``); duplicates are computed once.
    asof, margin, lookback_days, columns
        As in :func:`retention_value`.
    positive : bool, default False
        Clip negative values to 0 (a client who costs more than they bring has nothing to
        keep: what the retention plan and its widget need).

    Returns
    -------
    dict
        ``{horizon: expected_value Series}`` in the order given; each Series carries its
        back-test (the dict of :func:`retention_value`) in ``.attrs["backtest"]``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [100.0, 50.0, -20.0],
    ...                    "date": pd.to_datetime(["2024-01-10", "2024-06-01", "2024-06-20"])})
    >>> v = retention_value_by_horizon(tx, ["30D", "60D"], margin=0.5, positive=True)
    >>> {h: s.round(2).to_dict() for h, s in v.items()}  # a: 150 x 0.5 / 162 days x 30
    {'30D': {'a': 13.89, 'b': 0.0}, '60D': {'a': 27.78, 'b': 0.0}}
    >>> v["30D"].attrs["backtest"]["method"]
    'run_rate'
    """
    if isinstance(horizons, str) or not hasattr(horizons, "__iter__"):
        horizons = [horizons]
    out: dict[str, pd.Series] = {}
    for h in horizons:
        if h in out:
            continue
        value, info = retention_value(tx, asof=asof, horizon=h, margin=margin,
                                      lookback_days=lookback_days, columns=columns)
        if positive:
            value = value.clip(lower=0)
        value.attrs["backtest"] = info
        out[h] = value
    return out


@dataclass
class RetentionPlan:
    """The result of :func:`retention_plan`.

    Attributes
    ----------
    table : pandas.DataFrame
        Per client, best prospect first (see :func:`retention_plan`).
    threshold : float
        Ranking score of the last client targeted (expected gain, or probability with
        ``rank_by="probability"``); NaN when nobody is targeted.
    n_target : int
        Number of clients to target.
    total_gain : float
        Expected net gain of targeting them.
    curve : pandas.DataFrame
        ``n_targeted`` (0 .. n) and ``cumulative_gain``: the gain curve.
    by_segment : pandas.DataFrame or None
        Roll-up per segment when ``segments`` was given.
    offer_cost, success_rate : float or None
        The offer's cost and success rate when they were single numbers (None when given per
        client).
    """

    table: pd.DataFrame
    threshold: float
    n_target: int
    total_gain: float
    curve: pd.DataFrame
    by_segment: pd.DataFrame | None = field(default=None)
    offer_cost: float | None = field(default=None)
    success_rate: float | None = field(default=None)

    @property
    def targets(self) -> pd.DataFrame:
        """The rows of the clients to target."""
        return self.table.loc[self.table["target"]]


def _per_customer(x, index: pd.Index, name: str) -> np.ndarray:
    if isinstance(x, pd.Series):
        missing = index.difference(x.index)
        if len(missing):
            raise WorkbenchError(
                f"{name} has no value for {len(missing)} client(s) (e.g. {missing[0]!r})"
            )
        return x.reindex(index).to_numpy(dtype="float64")
    value = float(x)
    return np.full(len(index), value)


def retention_plan(
    probabilities: pd.Series,
    value: pd.Series,
    offer_cost: float | pd.Series,
    success_rate: float | pd.Series,
    segments: pd.Series | None = None,
    margin: float | None = None,
    rank_by: str = "expected_gain",
) -> RetentionPlan:
    """Rank clients by the expected net gain of a retention offer and pick whom to target.

    Parameters
    ----------
    probabilities : pandas.Series
        Churn probability per client (``ChurnModel.predict_proba``), index ``customer_id``.
    value : pandas.Series
        What each client brings over the horizon if they stay (:func:`expected_value`).
    offer_cost : float or Series
        Cost of making the offer to one client (include the discount given to clients who
        would have stayed anyway).
    success_rate : float or Series
        Share of would-be leavers the offer keeps, in [0, 1].
    segments : pandas.Series, optional
        A label per client (segment, ladder rung, ABC-XYZ cell) for the roll-up.
    margin : float, optional
        Multiply ``value`` by this rate first (when ``value`` is revenue).
    rank_by : {"expected_gain", "probability"}, default "expected_gain"
        Rank by the money each offer is expected to make (optimal when values differ), or by
        churn probability alone (the classic "top-x% riskiest" list).

    Returns
    -------
    RetentionPlan
        ``table`` columns: ``churn_probability``, ``value``, ``value_at_risk`` (p x value),
        ``expected_gain`` (p x success x value - cost), ``rank`` (1 = first to call),
        ``cumulative_gain``, ``target`` (bool), and ``segment`` if given; plus ``threshold``,
        ``n_target``, ``total_gain``, ``curve`` and ``by_segment`` (``n``, ``n_target``,
        ``value_at_risk``, ``expected_gain`` of the targeted, ``mean_probability``).

    Notes
    -----
    The offer is worth making to a client when ``p * s * v > c``: the margin it is expected
    to save exceeds its cost. Ranking by expected gain and targeting down to the maximum of
    the cumulative gain curve maximises total expected gain (with ``rank_by="probability"``
    the maximum over probability cut-offs). It assumes the offer does not change what loyal
    clients would have bought and that ``p`` is calibrated; check both after the campaign
    (step 8). Ties are broken by ``customer_id``.

    Examples
    --------
    >>> p = pd.Series([0.8, 0.1], index=pd.Index(["a", "b"], name="customer_id"))
    >>> v = pd.Series([1000.0, 1000.0], index=p.index)
    >>> plan = retention_plan(p, v, offer_cost=50, success_rate=0.3)
    >>> plan.n_target, plan.total_gain
    (1, 190.0)
    """
    if not isinstance(probabilities, pd.Series):
        raise WorkbenchError("probabilities must be a pandas Series indexed by customer_id")
    if rank_by not in ("expected_gain", "probability"):
        raise WorkbenchError(
            f"rank_by must be 'expected_gain' or 'probability'; got {rank_by!r}"
        )
    index = probabilities.index
    p = probabilities.to_numpy(dtype="float64")
    if np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)):
        raise WorkbenchError("probabilities must lie in [0, 1] with no missing values")
    v = _per_customer(value, index, "value")
    v = np.nan_to_num(v, nan=0.0)
    if margin is not None:
        v = v * float(margin)
    cost = _per_customer(offer_cost, index, "offer_cost")
    s = _per_customer(success_rate, index, "success_rate")
    if np.any((s < 0) | (s > 1)):
        raise WorkbenchError(f"success_rate must lie in [0, 1]; got {success_rate!r}")
    if np.any(cost < 0):
        raise WorkbenchError(f"offer_cost must not be negative; got {offer_cost!r}")
    at_risk = p * v
    gain = p * s * v - cost
    score = gain if rank_by == "expected_gain" else p
    ids = np.asarray(index.astype(str))
    order = np.lexsort((ids, -score))
    cum = np.cumsum(gain[order])
    curve_gain = np.concatenate([[0.0], cum])
    n_best = int(np.argmax(curve_gain))  # first maximum: fewest offers for the same gain
    target_sorted = np.arange(len(order)) < n_best
    table = pd.DataFrame(
        {
            "churn_probability": p[order],
            "value": v[order],
            "value_at_risk": at_risk[order],
            "expected_gain": gain[order],
            "rank": np.arange(1, len(order) + 1),
            "cumulative_gain": cum,
            "target": target_sorted,
        },
        index=index[order],
    )
    if segments is not None:
        seg = segments.reindex(table.index)
        table["segment"] = seg.to_numpy()
    by_segment = None
    if segments is not None:
        g = table.assign(
            gain_targeted=np.where(table["target"], table["expected_gain"], 0.0)
        ).groupby("segment", observed=True, sort=True, dropna=False)
        by_segment = pd.DataFrame(
            {
                "n": g.size(),
                "n_target": g["target"].sum(),
                "value_at_risk": g["value_at_risk"].sum(),
                "expected_gain": g["gain_targeted"].sum(),
                "mean_probability": g["churn_probability"].mean(),
            }
        )
    curve = pd.DataFrame(
        {"n_targeted": np.arange(len(order) + 1), "cumulative_gain": curve_gain}
    )
    threshold = float(score[order][n_best - 1]) if n_best else float("nan")
    return RetentionPlan(
        table=table,
        threshold=threshold,
        n_target=n_best,
        total_gain=float(curve_gain[n_best]),
        curve=curve,
        by_segment=by_segment,
        offer_cost=None if isinstance(offer_cost, pd.Series) else float(offer_cost),
        success_rate=None if isinstance(success_rate, pd.Series) else float(success_rate),
    )


def money_confusion(
    probabilities: pd.Series,
    actual: pd.Series,
    value: pd.Series | float,
    offer_cost: float | pd.Series,
    success_rate: float | pd.Series,
    threshold: float,
) -> pd.DataFrame:
    """Put the confusion matrix of a probability threshold into money.

    Parameters
    ----------
    probabilities : pandas.Series
        Churn probability per client.
    actual : pandas.Series
        What happened: 1 = churned, 0 = stayed (e.g. :func:`workbench.churn_labels` of a past
        ``asof``), same index.
    value, offer_cost, success_rate
        As in :func:`retention_plan`.
    threshold : float
        Clients with ``p >= threshold`` get the offer.

    Returns
    -------
    pandas.DataFrame
        Index ``(actual, decision)`` with ``actual`` in {churned, stayed} and ``decision`` in
        {targeted, not_targeted}; columns ``n`` and ``money``:

        * churned & targeted: ``success x value - cost`` (saved margin net of the offer);
        * stayed & targeted: ``-cost`` (an offer to a client who would have stayed);
        * churned & not targeted: ``-value`` (margin that walked away);
        * stayed & not targeted: 0.

        ``.attrs`` holds ``net`` (sum over targeted cells: what the campaign adds compared with
        doing nothing), ``saved``, ``wasted``, ``missed`` and ``n_targeted``.

    Notes
    -----
    The money version of precision and recall: the threshold that looks best on accuracy is
    rarely the one that earns most.
    """
    if not isinstance(probabilities, pd.Series):
        raise WorkbenchError("probabilities must be a pandas Series indexed by customer_id")
    if not 0.0 <= float(threshold) <= 1.0:
        raise WorkbenchError(f"threshold must lie in [0, 1]; got {threshold!r}")
    index = probabilities.index
    y = _per_customer(actual, index, "actual")
    if not np.isin(y, (0.0, 1.0)).all():
        raise WorkbenchError("actual must hold 1 (churned) or 0 (stayed) for every client")
    p = probabilities.to_numpy(dtype="float64")
    v = np.nan_to_num(_per_customer(value, index, "value"), nan=0.0)
    cost = _per_customer(offer_cost, index, "offer_cost")
    s = _per_customer(success_rate, index, "success_rate")
    tgt = p >= float(threshold)
    churn = y == 1
    cells = {
        ("churned", "targeted"): churn & tgt,
        ("churned", "not_targeted"): churn & ~tgt,
        ("stayed", "targeted"): ~churn & tgt,
        ("stayed", "not_targeted"): ~churn & ~tgt,
    }
    money_per = {
        ("churned", "targeted"): s * v - cost,
        ("churned", "not_targeted"): -v,
        ("stayed", "targeted"): -cost,
        ("stayed", "not_targeted"): np.zeros(len(p)),
    }
    rows = [(k[0], k[1], int(m.sum()), float(money_per[k][m].sum())) for k, m in cells.items()]
    out = pd.DataFrame(rows, columns=["actual", "decision", "n", "money"]).set_index(
        ["actual", "decision"]
    )
    saved = out.loc[("churned", "targeted"), "money"]
    wasted = out.loc[("stayed", "targeted"), "money"]
    out.attrs = {
        "net": float(saved + wasted),
        "saved": float(saved),
        "wasted": float(wasted),
        "missed": float(out.loc[("churned", "not_targeted"), "money"]),
        "n_targeted": int(tgt.sum()),
        "threshold": float(threshold),
    }
    return out


def default_offer_cost(value: pd.Series, share: float = 0.1) -> float:
    """Suggest an offer cost: ``share`` of the median positive value per client.

    Parameters
    ----------
    value : pandas.Series
        Value per client over the horizon (:func:`expected_value`).
    share : float, default 0.1
        Share of the typical client's value the offer may cost.

    Returns
    -------
    float
        ``share`` x the median of the positive values, rounded to 2 decimals (0.0 when no
        value is positive).

    Notes
    -----
    A starting point for the workshop in the client's own currency and scale (the same rule
    as :func:`workbench.compute_deliverables`); replace it with the real cost of the offer
    (discount, gift, the manager's time) as soon as it is known.

    Examples
    --------
    >>> default_offer_cost(pd.Series([-5.0, 0.0, 100.0, 300.0, 1000.0]))
    30.0
    """
    if not 0 <= share <= 1:
        raise WorkbenchError(f"share must lie in [0, 1]; got {share!r}")
    v = np.asarray(value, dtype="float64")
    v = v[np.isfinite(v) & (v > 0)]
    return round(float(share) * float(np.median(v)), 2) if len(v) else 0.0

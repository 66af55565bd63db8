"""What ranks the contact list: the churn model, or recency when the model is no better."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions
from workbench.churn._calibration import MIN_AUC_GAIN
from workbench.churn._labels import backtest_asof
from workbench.errors import WorkbenchError


def backtested_churn(
    tx: pd.DataFrame,
    asof: object = None,
    horizon: object = "90D",
    customers: pd.DataFrame | None = None,
    feedback: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    min_auc_gain: float = MIN_AUC_GAIN,
) -> tuple[pd.Series, dict[str, Any]]:
    """Score churn at ``asof`` with the model, or with recency when the model is no better.

    A model fitted one horizon earlier (on the data up to ``asof - H``) is checked on the
    client's own last horizon ``(asof - H, asof]``
    (:meth:`~workbench.churn.ChurnModel.evaluate`). When its ROC AUC does not beat the recency
    baseline's by ``min_auc_gain`` with a Brier score no worse
    (:func:`~workbench.churn.model_vs_recency`), the simple rule ranks the list: the
    probabilities of today are the recency curve (a logistic curve on log1p(days since the
    last purchase), fitted on the most recent window of today's model), so everything ranked
    by risk downstream - risk bands, value at risk, the contact list - is ranked by recency.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions; rows after ``asof`` are never read.
    asof : date-like, optional
        Scoring date (default: the last transaction date).
    horizon : str, int or Timedelta, default "90D"
    customers, feedback, survey, columns
        As in :meth:`~workbench.churn.ChurnModel.fit`.
    min_auc_gain : float, default :data:`~workbench.churn.MIN_AUC_GAIN` (0.02)
        Smallest ROC AUC gain over recency that lets the model rank the list.

    Returns
    -------
    probabilities : pandas.Series
        ``churn_probability`` indexed by ``customer_id`` (every client with a row up to
        ``asof``).
    ranking : dict
        ``rank_by`` (``"model"`` or ``"recency"``), ``reason`` (``"backtest"``, or
        ``"no_backtest"`` when the history is too short to check a model one horizon back:
        the model ranks, unchecked), ``backtest_asof`` (ISO date or None) and, after a
        back-test, the keys of :func:`~workbench.churn.model_vs_recency` (``roc_auc_model``,
        ``roc_auc_recency``, ``auc_gain``, ``brier_model``, ``brier_recency``,
        ``min_auc_gain``, ``n``, ``model_better``).

    Raises
    ------
    WorkbenchError
        When the model of today cannot be fitted (e.g. too little history).
    """
    from workbench.churn._model import ChurnModel

    cut, asof_ts = prepare_transactions(tx, asof, columns)
    side = {"customers": customers, "feedback": feedback, "survey": survey}
    model = ChurnModel(horizon=horizon).fit(cut, asof_ts, **side)
    ranking: dict[str, Any] = {"rank_by": "model", "reason": "no_backtest",
                               "backtest_asof": None, "min_auc_gain": float(min_auc_gain)}
    try:
        past = backtest_asof(cut, horizon, asof_ts)
        past_model = ChurnModel(horizon=horizon).fit(cut, past, **side)
        evaluation = past_model.evaluate(cut, past, **side)
    except (WorkbenchError, ValueError):  # under two horizons of history, or too few leavers
        # in the older windows to fit a model one horizon back: nothing to check against
        evaluation = None
    if evaluation is not None:
        from workbench.churn._calibration import model_vs_recency

        verdict = model_vs_recency(evaluation["metrics"], min_auc_gain)
        if np.isfinite(verdict["auc_gain"]):  # NaN: one outcome only in the last horizon
            ranking.update(verdict, reason="backtest", backtest_asof=past.date().isoformat())
    if ranking["rank_by"] == "recency":
        proba = model.predict_recency_proba(cut, asof_ts, **side)
    else:
        proba = model.predict_proba(cut, asof_ts, **side)
    return proba, ranking

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

Modules, one job each: :mod:`~workbench.churn._horizons`, :mod:`~workbench.churn._labels`,
:mod:`~workbench.churn._features`, :mod:`~workbench.churn._bgnbd` (the BG/NBD features),
:mod:`~workbench.churn._calibration` (metrics), :mod:`~workbench.churn._model`,
:mod:`~workbench.churn._persistence`, :mod:`~workbench.churn._ranking` (model or recency,
by the client's own back-test) and :mod:`~workbench.churn._risk`. Everything said in
words (the sentences, feature names, risk-band labels, reasons) is in
:mod:`workbench.narrative`; this package returns data and keys.
"""

from __future__ import annotations

from workbench._lazy import lazy_exports
from workbench.churn._bgnbd import _bgnbd_features, _bgnbd_fit  # noqa: F401 (tests, benchmark)
from workbench.churn._calibration import MIN_AUC_GAIN, calibration_table, model_vs_recency
from workbench.churn._features import (
    CATEGORICAL_FEATURES,
    MAX_CATEGORIES,
    RECENT_WINDOWS,
    customer_features,
    scoring_basis,
)
from workbench.churn._horizons import horizon_days, parse_horizon
from workbench.churn._labels import backtest_asof, churn_labels, has_churn_history
from workbench.churn._persistence import MODEL_FORMAT, MODEL_FORMAT_VERSION, TRUSTED_TYPES
from workbench.churn._ranking import backtested_churn
from workbench.churn._risk import DEFAULT_RISK_CUTOFFS, RISK_BANDS, risk_band

__all__ = (
    "CATEGORICAL_FEATURES",
    "DEFAULT_RISK_CUTOFFS",
    "MAX_CATEGORIES",
    "MIN_AUC_GAIN",
    "MODEL_FORMAT",
    "MODEL_FORMAT_VERSION",
    "RECENT_WINDOWS",
    "RISK_BANDS",
    "TRUSTED_TYPES",
    "ChurnModel",
    "backtest_asof",
    "backtested_churn",
    "calibration_table",
    "churn_labels",
    "customer_features",
    "has_churn_history",
    "horizon_days",
    "model_vs_recency",
    "parse_horizon",
    "risk_band",
    "scoring_basis",
)

#: Built on scikit-learn, imported on first use (``import workbench`` stays quick).
_LAZY = {"ChurnModel": "workbench.churn._model"}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)

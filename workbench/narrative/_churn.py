"""Step 5 read aloud (churn): history needed, labels, the model's check, drivers, reasons, risk.

Sentences and labels over :mod:`workbench.churn`, which returns data and keys (feature names,
risk-band codes, reason features with their values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions
from workbench.churn._horizons import _shift, horizon_days, parse_horizon
from workbench.churn._labels import has_churn_history
from workbench.churn._risk import DEFAULT_RISK_CUTOFFS, RISK_BANDS, risk_band
from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, date, decimal, number, percent

__all__ = (
    "SERVICE_FEATURES",
    "churn_feature_label",
    "churn_history_ok",
    "describe_churn_labels",
    "describe_drivers",
    "describe_evaluation",
    "describe_history_need",
    "describe_risk",
    "label_reasons",
    "risk_label",
)


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
    tx, horizon, asof, n_horizons, columns
        As in :func:`workbench.churn.has_churn_history`.
    language : {"en", "ru"}, optional
        Language of the printed sentence (default: the current language).
    quiet : bool, default False
        Do not print the sentence when the history is too short.

    Returns
    -------
    bool
        :func:`workbench.churn.has_churn_history`; when False, :func:`describe_history_need`
        is printed (unless ``quiet``).

    Notes
    -----
    The notebook pattern for graceful degradation, like :func:`workbench.needs`::

        if workbench.churn_history_ok(tx, horizon, asof, n_horizons=2, language=language):
            ...  # the part of the step that needs two horizons of history

    A client folder with a short export (a few months) prints what history is needed and the
    notebook goes on instead of stopping with :class:`~workbench.errors.InsufficientHistoryError`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-04-01", "2024-06-30"])})
    >>> churn_history_ok(tx, "30D", n_horizons=2)
    True
    >>> churn_history_ok(tx, "90D", n_horizons=2, quiet=True)
    False
    """
    if has_churn_history(tx, horizon, asof, n_horizons, columns):
        return True
    if not quiet:
        print(describe_history_need(tx, horizon, asof, n_horizons, language, columns))
    return False


def _value(x: float, language: str) -> str:
    """A feature's value in a reason: whole numbers grouped, else two decimals."""
    v = float(x)
    if v != v:  # NaN
        return "—"
    if abs(v) >= 100 or v.is_integer():
        return number(v, 0, language)
    return decimal(v, 2, language)


def churn_feature_label(feature: str, language: str | None = None) -> str:
    """Return the business name of a churn feature (one-hot columns read "Type: B2B").

    Examples
    --------
    >>> churn_feature_label("recency_days", "en"), churn_feature_label("type=B2B", "en")
    ('Days since last purchase', 'Type: B2B')
    """
    language = check_language(language)
    if "=" in feature:
        col, value = feature.split("=", 1)
        key = f"churn.feature.{col}"
        name = t(key, language) if has(key) else col
        return t("churn.onehot", language, column=name, value=value)
    key = f"churn.feature.{feature}"
    return t(key, language) if has(key) else feature


def risk_label(band: object, language: str | None = None) -> str:
    """Name a risk band code of :func:`workbench.risk_band` (``high`` -> "high risk").

    Examples
    --------
    >>> risk_label("high", "ru"), risk_label("low", "en")
    ('высокий риск', 'low risk')
    """
    key = f"churn.band.{band}"
    return t(key, check_language(language)) if has(key) else str(band)


def label_reasons(reasons: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Turn :meth:`workbench.ChurnModel.reasons` into sentences, one per reason.

    Parameters
    ----------
    reasons : DataFrame
        The result of :meth:`ChurnModel.reasons`: ``reason_k`` (the feature), ``value_k``,
        ``typical_k`` and ``effect_k`` for k = 1 … top.
    language : {"en", "ru"}, optional

    Returns
    -------
    DataFrame
        The same index; ``churn_probability``, then for each k ``reason_k`` as text ("Days
        since last purchase: 210 (typical: 45)", empty when there is no reason) and
        ``effect_k``.

    Examples
    --------
    >>> r = pd.DataFrame({"churn_probability": [0.7], "reason_1": ["recency_days"],
    ...                   "value_1": [210.0], "typical_1": [45.0], "effect_1": [0.2]},
    ...                  index=pd.Index(["a"], name="customer_id"))
    >>> label_reasons(r, "en").loc["a", "reason_1"]
    'Days since last purchase: 210 (typical: 45)'
    """
    language = check_language(language)
    out = pd.DataFrame(index=reasons.index)
    if "churn_probability" in reasons.columns:
        out["churn_probability"] = reasons["churn_probability"]
    k = 1
    while f"reason_{k}" in reasons.columns:
        texts = []
        for feat, value, typical in zip(reasons[f"reason_{k}"], reasons[f"value_{k}"],
                                        reasons[f"typical_{k}"], strict=True):
            if feat is None or feat is pd.NA or str(feat) == "":
                texts.append("")
                continue
            texts.append(t("churn.reason", language,
                           feature=churn_feature_label(str(feat), language),
                           value=_value(value, language), typical=_value(typical, language)))
        out[f"reason_{k}"] = pd.array(texts, dtype="string")
        out[f"effect_{k}"] = reasons[f"effect_{k}"]
        k += 1
    return out


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
        churned=count(churned, language), rate=percent(churned / n, language=language),
        days=horizon_days(horizon, asof), stayed=count(n - churned, language),
        stay_rate=percent((n - churned) / n, language=language),
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
        return decimal(x, 2, language)

    n = int(mod["n"])
    parts = [t(
        "churn.describe.eval_rank", language, n=count(n, language),
        base=percent(mod["base_rate"], language=language), auc=f(mod["roc_auc"]), auc_b=f(base["roc_auc"]),
        ap=f(mod["average_precision"]), ap_b=f(base["average_precision"]),
        lift=decimal(mod["top_decile_lift"], 1, language),
        lift_b=decimal(base["top_decile_lift"], 1, language),
    )]
    cal = evaluation.get("calibration")
    if cal is not None and len(cal):
        big = cal.loc[cal["n"] >= 20]
        if big.empty:
            big = cal.loc[[cal["n"].idxmax()]]
        gap = (big["mean_predicted"] - big["observed_rate"]).abs()
        row = big.loc[gap.idxmax()]
        parts.append(t(
            "churn.describe.eval_calib", language, brier=decimal(mod["brier"], 3, language),
            brier_b=decimal(base["brier"], 3, language), pred=percent(mod["mean_predicted"], language=language),
            base=percent(mod["base_rate"], language=language), lo=f(row["bin_low"]), hi=f(row["bin_high"]),
            bin_pred=percent(row["mean_predicted"], language=language), bin_obs=percent(row["observed_rate"], language=language),
            bin_n=count(row["n"], language),
        ))
    wins = sum(
        bool(mod[c] > base[c]) for c in ("roc_auc", "average_precision", "top_decile_lift")
    ) + bool(mod["brier"] < base["brier"])
    parts.append(t("churn.describe.eval_verdict", language, k=wins))
    return " ".join(parts)


def describe_churn_ranking(ranking: Mapping[str, object] | None,
                           language: str | None = None) -> str:
    """Say what ranks the contact list: the churn model, or recency when it is no better.

    Parameters
    ----------
    ranking : dict or None
        ``ClientBase.settings["churn_ranking"]`` or the second value of
        :func:`workbench.churn.backtested_churn`; None (churn not estimated) gives "".
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One sentence: both ROC AUCs and the gain required, and whether the list is ranked
        by the model or by the days since the last purchase (or that the model could not be
        checked).

    Examples
    --------
    >>> r = {"rank_by": "recency", "reason": "backtest", "roc_auc_model": 0.839,
    ...      "roc_auc_recency": 0.828, "min_auc_gain": 0.02}
    >>> describe_churn_ranking(r, "en")[:60]
    "On the client's own last horizon the model is no better than"
    """
    language = check_language(language)
    if not ranking:
        return ""
    if ranking.get("reason") != "backtest":
        return t("churn.ranking.unchecked", language)
    key = "churn.ranking.recency" if ranking["rank_by"] == "recency" else "churn.ranking.model"
    return t(key, language, auc=decimal(ranking["roc_auc_model"], 3, language),
             auc_r=decimal(ranking["roc_auc_recency"], 3, language),
             gain=decimal(ranking["min_auc_gain"], 2, language))


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
        f"{churn_feature_label(f, language)} ({decimal(v, 3, language)})"
        for f, v in zip(feats[:top], imp[:top], strict=True)
    )
    parts = [t("churn.describe.drivers", language, drivers=drivers)]
    ranks = [(feats.index(f) + 1, f) for f in SERVICE_FEATURES if f in feats]
    if ranks:
        parts.append(t(
            "churn.describe.service", language, n=len(feats),
            ranks=", ".join(f"{churn_feature_label(f, language)} {r}" for r, f in sorted(ranks)),
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
        return percent(k / n, language=language) if n else "—"

    return t(
        "churn.describe.risk", language, n=count(n, language),
        hi=percent(cutoffs[1], language=language), lo=percent(cutoffs[0], language=language),
        n_high=count(counts["high"], language), s_high=share(counts["high"]),
        n_med=count(counts["medium"], language), s_med=share(counts["medium"]),
        n_low=count(counts["low"], language), s_low=share(counts["low"]),
        mean=percent(float(np.mean(np.asarray(probabilities, dtype="float64"))), language=language) if n else "—",
    )

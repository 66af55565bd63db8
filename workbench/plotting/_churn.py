"""Plots of churn risk and retention economics. Each returns the Axes it drew on."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from workbench.churn import DEFAULT_RISK_CUTOFFS, RISK_BANDS, risk_band
from workbench.economics import RetentionPlan
from workbench.i18n import t
from workbench.narrative import money, quantity
from workbench.narrative._format import currency_symbol
from workbench.plotting._base import get_ax, localized

__all__ = (
    "plot_calibration",
    "plot_gain_curve",
    "plot_importances",
    "plot_money_confusion",
    "plot_risk_bands",
)

_BAND_COLORS = {"low": "#4c9a2a", "medium": "#e0a100", "high": "#c0392b"}


@localized
def plot_gain_curve(
    plan: RetentionPlan | pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw expected net gain against the number of clients targeted, marking the optimum.

    Parameters
    ----------
    plan : RetentionPlan or DataFrame
        A :func:`workbench.retention_plan` result, or its ``curve`` (``n_targeted``,
        ``cumulative_gain``).
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.plot``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    curve = plan.curve if isinstance(plan, RetentionPlan) else plan
    x = curve["n_targeted"].to_numpy()
    y = curve["cumulative_gain"].to_numpy()
    ax.plot(x, y, **{"color": "#1f77b4", "lw": 2, **kwargs})
    ax.axhline(0, color="grey", lw=0.8)
    best = int(np.argmax(y)) if len(y) else 0
    if len(y):
        ax.scatter([x[best]], [y[best]], color="#c0392b", zorder=3)
        # headroom above the curve, so that the label of the optimum stays inside the axes
        # (below the title) wherever the optimum is
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, hi + 0.15 * (hi - lo))
        right_half = len(x) > 1 and x[best] > (x.min() + x.max()) / 2
        ax.annotate(
            t("econ.optimum", language, customers=quantity(int(x[best]), "customer", language),
              gain=money(float(y[best]), language)),
            (x[best], y[best]),
            textcoords="offset points",
            xytext=(-8, 8) if right_half else (8, 8),
            ha="right" if right_half else "left",
            va="bottom",
        )
    ax.set_xlabel(t("econ.n_targeted", language))
    unit = currency_symbol(language)  # the axis says its unit when the currency is known
    ax.set_ylabel(t("econ.cumulative_gain", language) + (f", {unit}" if unit else ""))
    ax.set_title(t("econ.gain_title", language))
    return ax


@localized
def plot_calibration(
    evaluation: dict | pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    baseline: bool = True,
    **kwargs: Any,
) -> Axes:
    """Draw observed churn rate against mean predicted probability per bin.

    Parameters
    ----------
    evaluation : dict or DataFrame
        The result of :meth:`workbench.ChurnModel.evaluate` (model and recency baseline) or a
        :func:`workbench.churn.calibration_table`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    baseline : bool, default True
        Also draw the recency baseline when ``evaluation`` holds it.
    **kwargs
        Passed to ``ax.plot`` for the model's curve.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax, figsize=(5.5, 5.0))
    if isinstance(evaluation, dict):
        table = evaluation["calibration"]
        base = evaluation.get("baseline_calibration") if baseline else None
    else:
        table, base = evaluation, None
    ax.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label=t("churn.perfect", language))
    ax.plot(
        table["mean_predicted"], table["observed_rate"],
        **{"marker": "o", "lw": 2, "label": t("churn.model", language), **kwargs},
    )
    if base is not None:
        ax.plot(base["mean_predicted"], base["observed_rate"], marker="s", lw=1, alpha=0.7,
                label=t("churn.recency_baseline", language))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(t("churn.mean_predicted", language))
    ax.set_ylabel(t("churn.observed_rate", language))
    ax.set_title(t("churn.calibration_title", language))
    ax.legend(loc="upper left")
    return ax


@localized
def plot_risk_bands(
    probabilities: pd.Series,
    cutoffs: tuple[float, float] = DEFAULT_RISK_CUTOFFS,
    ax: Axes | None = None,
    language: str | None = None,
    bins: int = 20,
    **kwargs: Any,
) -> Axes:
    """Draw the distribution of churn probabilities coloured by risk band.

    Parameters
    ----------
    probabilities : pandas.Series
        Churn probabilities (``ChurnModel.predict_proba``).
    cutoffs : (float, float), default (0.3, 0.6)
        As in :func:`workbench.risk_band`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    bins : int, default 20
    **kwargs
        Passed to ``ax.hist``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    bands = risk_band(probabilities, cutoffs)
    edges = np.linspace(0, 1, bins + 1)
    p = np.asarray(probabilities, dtype="float64")
    for band in RISK_BANDS:
        m = (bands == band).to_numpy()
        ax.hist(
            p[m], bins=edges, color=_BAND_COLORS[band],
            label=f"{t(f'churn.band.{band}', language)}: {int(m.sum())}", **kwargs,
        )
    for c in cutoffs:
        ax.axvline(c, color="black", lw=0.8, ls=":")
    ax.set_xlim(0, 1)
    ax.set_xlabel(t("churn.probability", language))
    ax.set_ylabel(t("common.customers", language))
    ax.set_title(t("churn.bands_title", language))
    ax.legend(title=t("churn.band", language))
    return ax


@localized
def plot_importances(
    importances: pd.DataFrame | Any,
    top: int = 15,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw permutation importances as horizontal bars with business names.

    Parameters
    ----------
    importances : DataFrame or ChurnModel
        ``ChurnModel.explain()`` output, or a fitted model (its ``explain`` is called).
    top : int, default 15
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
    """
    if hasattr(importances, "explain"):
        importances = importances.explain()
    if "label" not in importances.columns:
        from workbench.narrative import churn_feature_label

        importances = importances.assign(
            label=[churn_feature_label(f, language) for f in importances["feature"]]
        )
    data = importances.head(top).iloc[::-1]
    ax = get_ax(ax, figsize=(7.0, 0.35 * len(data) + 1.5))
    ax.barh(data["label"], data["importance"],
            xerr=data.get("importance_std"), **{"color": "#1f77b4", **kwargs})
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel(t("churn.importance", language))
    ax.set_title(t("churn.importance_title", language))
    return ax


@localized
def plot_money_confusion(
    confusion: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    cmap: str = "RdYlGn",
    **kwargs: Any,
) -> Axes:
    """Draw the money confusion matrix of :func:`workbench.money_confusion` as a heatmap.

    Parameters
    ----------
    confusion : pandas.DataFrame
        ``money_confusion(...)`` output.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    cmap : str, default "RdYlGn"
        Red = money lost, green = money gained (centred on zero).
    **kwargs
        Passed to ``ax.imshow``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax, figsize=(6.0, 4.0))
    rows, cols = ["churned", "stayed"], ["targeted", "not_targeted"]
    amounts = np.array([[confusion.loc[(r, c), "money"] for c in cols] for r in rows], dtype=float)
    counts = np.array([[confusion.loc[(r, c), "n"] for c in cols] for r in rows], dtype=int)
    lim = max(float(np.abs(amounts).max()), 1.0)
    ax.imshow(amounts, cmap=cmap, vmin=-lim, vmax=lim, **kwargs)
    for i in range(2):
        for j in range(2):
            ax.text(j, i, f"{money(amounts[i, j], language)}\n"
                    f"({quantity(counts[i, j], 'customer', language)})",
                    ha="center", va="center")
    ax.set_xticks([0, 1], [t(f"econ.{c}", language) for c in cols])
    ax.set_yticks([0, 1], [t(f"econ.{r}", language) for r in rows])
    ax.set_xlabel(t("econ.decision", language))
    ax.set_ylabel(t("econ.actual", language))
    ax.set_title(t("econ.money_title", language))
    return ax


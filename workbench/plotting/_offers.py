"""Plots of step 6: golden drops, competitiveness, УКОР. Each returns the Axes it drew on."""

from __future__ import annotations

import textwrap
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from workbench.errors import WorkbenchError
from workbench.i18n import t
from workbench.narrative import number
from workbench.offers import COMPETITIVENESS_DIMENSIONS, UkorResult
from workbench.plotting._base import get_ax, localized, place_labels

__all__ = ("plot_competitiveness", "plot_golden_drops", "plot_ukor")

_GOLD = "#d4a017"
_GREY = "#8c8c8c"


def _polar_ax(ax: Axes | None, figsize: tuple[float, float] = (5.5, 5.5)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, subplot_kw={"projection": "polar"})
        return ax
    if getattr(ax, "name", "") != "polar":
        raise WorkbenchError(
            "a radar chart needs a polar Axes: create it with "
            "plt.subplot(projection='polar'), or pass ax=None"
        )
    return ax


def _radar(ax: Axes, labels: list[str], series: dict[str, np.ndarray], top: float) -> None:
    k = len(labels)
    angles = np.linspace(0, 2 * np.pi, k, endpoint=False)
    closed = np.concatenate([angles, angles[:1]])
    for name, values in series.items():
        v = np.concatenate([values, values[:1]])
        ax.plot(closed, v, lw=2, label=name)
        ax.fill(closed, v, alpha=0.15)
    ax.set_xticks(angles)
    ax.set_xticklabels(labels, fontsize=8)
    ax.set_ylim(0, top)


@localized
def plot_golden_drops(
    drops: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    annotate: bool = True,
    **kwargs: Any,
) -> Axes:
    """Scatter our advantages by importance to the client and presence at competitors.

    Parameters
    ----------
    drops : DataFrame
        The output of :func:`workbench.golden_drops`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    annotate : bool, default True
        Write each advantage's name next to its point.
    **kwargs
        Passed to ``ax.scatter``.

    Returns
    -------
    matplotlib Axes
        Golden drops (top left: important, rare at competitors) are drawn in gold; dashed lines
        mark the thresholds used.
    """
    ax = get_ax(ax)
    gold = drops["golden_drop"].to_numpy(dtype=bool)
    x = drops["competitor_norm"].to_numpy(dtype=float)
    y = drops["importance_norm"].to_numpy(dtype=float)
    ax.scatter(x[~gold], y[~gold], color=_GREY, label=t("drops.other", language),
               **{"s": 50, **kwargs})
    ax.scatter(x[gold], y[gold], color=_GOLD, edgecolor="black",
               label=t("drops.golden_drop", language), **{"s": 90, **kwargs})
    if "importance_min_norm" in drops.attrs:
        ax.axhline(drops.attrs["importance_min_norm"], color="grey", ls="--", lw=0.8)
    if "competitor_max_norm" in drops.attrs:
        ax.axvline(drops.attrs["competitor_max_norm"], color="grey", ls="--", lw=0.8)
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.05, 1.05)
    if annotate:  # after the limits: labels are placed where they overlap nothing
        place_labels(ax, x, y, [textwrap.fill(str(n), 28) for n in drops.index], fontsize=8)
    ax.set_xlabel(t("drops.competitor_norm", language))
    ax.set_ylabel(t("drops.importance_norm", language))
    ax.set_title(t("drops.title", language))
    ax.legend(loc="lower right", fontsize=8)
    return ax


@localized
def plot_competitiveness(
    result: pd.DataFrame,
    kind: str = "bar",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the three 0–20 competitiveness scores per company, as bars or a radar.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`workbench.competitiveness` (one row per company).
    kind : {"bar", "radar"}, default "bar"
        A radar needs at least three axes, which the three dimensions give.
    ax : matplotlib Axes, optional
        For ``kind="radar"`` it must be polar.
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.bar`` (bar only).

    Returns
    -------
    matplotlib Axes
    """
    dims = list(COMPETITIVENESS_DIMENSIONS)
    labels = [t(f"comp.{d}", language) for d in dims]
    names = [t("comp.us", language) if str(i) == "us" else str(i) for i in result.index]
    if kind == "radar":
        ax = _polar_ax(ax)
        series = {n: result.loc[i, dims].to_numpy(dtype=float)
                  for n, i in zip(names, result.index, strict=True)}
        _radar(ax, labels, series, top=20)
        ax.set_title(t("comp.title", language))
        if len(series) > 1:
            ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1), fontsize=8)
        return ax
    if kind != "bar":
        raise WorkbenchError(f"kind must be 'bar' or 'radar'; got {kind!r}")
    ax = get_ax(ax)
    k = len(result)
    width = 0.8 / max(k, 1)
    xs = np.arange(len(dims))
    for j, (name, idx) in enumerate(zip(names, result.index, strict=True)):
        values = result.loc[idx, dims].to_numpy(dtype=float)
        bars = ax.bar(xs + (j - (k - 1) / 2) * width, values, width, label=name, **kwargs)
        ax.bar_label(bars, fmt="%.0f", fontsize=8)
    ax.set_xticks(xs)
    ax.set_xticklabels([textwrap.fill(lab, 16) for lab in labels], fontsize=9)
    ax.set_ylim(0, 22)
    ax.set_yticks([0, 5, 10, 15, 20])
    ax.set_ylabel(t("comp.score", language))
    ax.set_title(t("comp.title", language))
    if k > 1:  # below the bars: a legend inside would cover the value labels
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(k, 4),
                  frameon=False)
    return ax


@localized
def plot_ukor(
    result: UkorResult,
    ax: Axes | None = None,
    language: str | None = None,
) -> Axes:
    """Draw the УКОР theme scores (0–100) as a radar chart.

    Parameters
    ----------
    result : UkorResult
        The output of :func:`workbench.ukor`.
    ax : matplotlib polar Axes, optional
    language : {"en", "ru"}, optional

    Returns
    -------
    matplotlib Axes
        Themes without answers (``partial=True``) are drawn at 0.
    """
    ax = _polar_ax(ax)
    themes = result.themes
    labels = [t(f"ukor.theme.{k}", language) for k in themes.index]
    values = themes["score"].fillna(0.0).to_numpy(dtype=float)
    _radar(ax, labels, {"": values}, top=100)
    ax.set_yticks([25, 50, 75, 100])
    ax.set_title(
        f"{t('ukor.title', language)}: {number(result.score, 0, language)} "
        f"({t(f'ukor.level.{result.level}', language)})",
        fontsize=10,
    )
    return ax

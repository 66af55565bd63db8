"""Diagnostics of the customer-value model (BG/NBD). Each returns the Axes it drew on."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from workbench.i18n import t
from workbench.plotting._base import get_ax, localized

__all__ = ("plot_holdout_by_frequency", "plot_tracking")


@localized
def plot_holdout_by_frequency(
    frame: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Bars of actual and predicted mean holdout purchases per group of past purchases.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`workbench.value.holdout_by_frequency` (``actual``, ``predicted``, indexed by
        past repeat purchases; the last group is "that many or more").
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.bar``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    x = np.arange(len(frame))
    ax.bar(x - 0.2, frame["actual"], width=0.4, label=t("value.actual", language),
           **{"color": "#7f7f7f", **kwargs})
    ax.bar(x + 0.2, frame["predicted"], width=0.4, label=t("value.model", language),
           **{"color": "#1f77b4", **kwargs})
    labels = [str(int(v)) for v in frame.index]
    if labels:
        labels[-1] += "+"
    ax.set_xticks(x, labels)
    ax.set_xlabel(t("value.past_purchases", language))
    ax.set_ylabel(t("value.holdout_purchases", language))
    ax.set_title(t("value.holdout_title", language))
    ax.legend()
    return ax


@localized
def plot_tracking(
    frame: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    cumulative: bool = False,
    **kwargs: Any,
) -> Axes:
    """Weekly (or cumulative) repeat purchases, actual vs model, with the holdout marked.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`workbench.value.tracking`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    cumulative : bool, default False
        Draw the cumulative curves instead of the weekly counts.
    **kwargs
        Passed to ``ax.plot`` for the model line.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    a, m = ("cumulative_actual", "cumulative_model") if cumulative else ("actual", "model")
    ax.plot(frame.index, frame[a], color="#7f7f7f", lw=1.5, label=t("value.actual", language))
    ax.plot(frame.index, frame[m], **{"color": "#1f77b4", "lw": 2, "ls": "--", **kwargs},
            label=t("value.model", language))
    hold = frame.index[frame["holdout"].to_numpy()]
    if len(hold):
        ax.axvline(hold[0], color="grey", lw=0.8)
        ax.annotate(t("value.holdout_starts", language), (hold[0], ax.get_ylim()[1]),
                    textcoords="offset points", xytext=(4, -12), color="grey")
    ax.set_xlabel(t("value.week", language))
    ax.set_ylabel(t("value.weekly_purchases", language))
    ax.set_title(t("value.tracking_title", language))
    ax.legend()
    return ax

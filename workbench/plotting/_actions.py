"""Step 5: the cost and the expected result of each planned action. Returns the Axes."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes

from workbench.i18n import check_language, t
from workbench.plotting._base import get_ax

__all__ = ("plot_action_economics",)


def plot_action_economics(
    result: Any,
    ax: Axes | None = None,
    language: str | None = None,
    top: int = 15,
    **kwargs: Any,
) -> Axes:
    """Horizontal bars of cost and expected result per priced action, best net result first.

    Parameters
    ----------
    result : ActionEconomics
        :func:`workbench.action_economics`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    top : int, default 15
        Show at most this many actions (the best by net result).
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
        Cost (grey) and expected result over the horizon (blue; bold label = chosen) for every
        priced action; an empty plot saying so when none is priced.
    """
    from workbench.narrative._actions import _name

    language = check_language(language)
    ax = get_ax(ax, figsize=(8.0, 5.0))
    tab = result.table.loc[result.table["priced"].astype(bool)]
    tab = tab.sort_values("net", ascending=False, kind="mergesort").head(int(top))
    ax.set_title(t("act.plot.title", language))
    if not len(tab):
        ax.text(0.5, 0.5, t("act.plot.empty", language), ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    y = np.arange(len(tab))[::-1]
    ax.barh(y + 0.2, tab["cost"], height=0.4, label=t("act.plot.cost", language),
            **{"color": "#9e9e9e", **kwargs})
    ax.barh(y - 0.2, tab["money"], height=0.4, label=t("act.plot.money", language),
            **{"color": "#1f77b4", **kwargs})
    names = []
    for _, r in tab.iterrows():
        name = _name(r, language)
        names.append(name if len(name) <= 40 else name[:39] + "…")
    ax.set_yticks(y, names)
    for tick, chosen in zip(ax.get_yticklabels(), tab["chosen"].to_numpy(), strict=True):
        if chosen:
            tick.set_fontweight("bold")
    ax.set_xlabel(t("act.plot.xlabel", language) + (f", {result.currency}" if result.currency
                                                    else ""))
    ax.legend(loc="lower right")
    return ax

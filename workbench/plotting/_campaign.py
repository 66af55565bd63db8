"""The measured second round: each offer's effect with its interval. Returns the Axes."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from workbench.campaign import CampaignEffect
from workbench.i18n import check_language, t
from workbench.plotting._base import get_ax

__all__ = ("plot_campaign_effect",)

_COLORS = {"kept": "#2ca02c", "lost": "#d62728", "unclear": "#7f7f7f", "no_control": "#bbbbbb"}


def plot_campaign_effect(
    effect: CampaignEffect,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw, per list, the difference in the share still buying (contacted minus control).

    Each list is a point with its confidence interval as a bar; the dashed line is zero (no
    effect). Green: the interval lies above zero (the offer worked), red: below, grey: it
    covers zero. Lists without a control group are left out.

    Parameters
    ----------
    effect : CampaignEffect
        :func:`workbench.campaign.measure_campaign`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.errorbar``.

    Returns
    -------
    matplotlib Axes
    """
    from workbench.narrative import number, percent
    from workbench.narrative._campaign import _list_name

    lang = check_language(language)
    table = effect.table.reset_index()
    table = table[table["verdict"] != "no_control"]
    ax = get_ax(ax, figsize=(7.0, 0.8 + 0.7 * max(1, len(table))))
    y = np.arange(len(table))[::-1]
    for yi, row in zip(y, table.to_dict("records"), strict=True):
        mid = 100 * row["uplift"]
        err = [[mid - 100 * row["uplift_low"]], [100 * row["uplift_high"] - mid]]
        ax.errorbar([mid], [yi], xerr=err, fmt="o", capsize=4,
                    **{"color": _COLORS[row["verdict"]], **kwargs})
    ax.axvline(0, color="black", linestyle="--", linewidth=1)
    ax.set_yticks(y, [_list_name(k, lang) for k in table["list"]])
    ax.set_ylim(-0.6, len(table) - 0.4)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: number(v, 0, lang, sign=True)))
    ax.set_xlabel(t("campaign.plot.x", lang, level=percent(effect.level, 0, lang)))
    ax.set_title(t("campaign.plot.title", lang))
    return ax

"""Plots of step 8: NPS, complaints, the funnel, the loop check. Each returns its Axes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from workbench.errors import WorkbenchError
from workbench.feedback import ComplaintsSummary, LoopCheck
from workbench.i18n import t
from workbench.narrative import count, number, percent
from workbench.plotting._base import get_ax, localized
from workbench.schema import LEAD_STAGES

__all__ = (
    "plot_complaint_churn",
    "plot_complaint_pareto",
    "plot_funnel",
    "plot_loop_check",
    "plot_nps",
)

_GREEN, _AMBER, _RED, _BLUE = "#4c9a2a", "#e0a100", "#c0392b", "#1f77b4"


def _group_label(key: object, language: str | None) -> str:
    if isinstance(key, tuple):
        return " / ".join(_group_label(k, language) for k in key)
    if key == "all":
        return t("nps.all", language)
    return str(key)


@localized
def plot_nps(
    result: pd.DataFrame,
    kind: str = "nps",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw NPS per group with its confidence interval, or the promoter/detractor shares.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`workbench.nps`.
    kind : {"nps", "shares"}, default "nps"
        ``"nps"``: one horizontal bar per group with the interval as an error bar;
        ``"shares"``: stacked detractors / passives / promoters.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    labels = [_group_label(k, language) for k in result.index]
    y = np.arange(len(result))[::-1]
    if kind == "nps":
        values = result["nps"].to_numpy(dtype=float)
        lo = values - result["ci_low"].to_numpy(dtype=float)
        hi = result["ci_high"].to_numpy(dtype=float) - values
        colors = [_GREEN if v > 0 else _RED for v in np.nan_to_num(values)]
        ax.barh(y, np.nan_to_num(values), xerr=np.nan_to_num(np.vstack([lo, hi])),
                color=colors, capsize=4, **kwargs)
        ends = np.where(values < 0, values - np.nan_to_num(lo), values + np.nan_to_num(hi))
        for yi, v, end, n in zip(y, values, ends, result["n"], strict=True):
            if np.isfinite(v):
                # beyond the end of the error bar, on the bar's side: the sign is never hidden
                # under the interval (a true minus, from the locale formatter)
                ax.annotate(f"{number(v, 0, language, sign=True)} (n = {count(n, language)})",
                            (end, yi), xytext=(-5 if v < 0 else 5, 0),
                            textcoords="offset points", va="center",
                            ha="right" if v < 0 else "left", fontsize=8, color="black")
        ax.axvline(0, color="grey", lw=0.8)
        ax.set_xlim(-100, 100)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: number(x, 0, language)))
        ax.set_xlabel(t("nps.nps", language))
    elif kind == "shares":
        left = np.zeros(len(result))
        for col, color in (("detractors", _RED), ("passives", _AMBER), ("promoters", _GREEN)):
            width = np.nan_to_num(result[col].to_numpy(dtype=float))
            ax.barh(y, width, left=left, color=color, label=t(f"nps.{col}", language), **kwargs)
            left = left + width
        ax.set_xlim(0, 1)
        ax.set_xlabel(t("common.share", language))
        ax.legend(fontsize=8, loc="lower right")
    else:
        raise WorkbenchError(f"kind must be 'nps' or 'shares'; got {kind!r}")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.set_title(t("nps.title", language))
    return ax


@localized
def plot_complaint_pareto(
    summary: ComplaintsSummary | pd.DataFrame,
    which: str = "refusals",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a Pareto chart: counts per reason (bars) and their cumulative share (line).

    Parameters
    ----------
    summary : ComplaintsSummary or DataFrame
        A :func:`workbench.complaints_summary` result, or a frame with ``count`` and
        ``cumulative_share`` (its ``refusals``).
    which : {"refusals", "complaints"}, default "refusals"
        Refusal reasons (отказные листы) or complaint categories.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.bar``.

    Returns
    -------
    matplotlib Axes
        The bar Axes; the cumulative line is on a twin Axes (``ax.right_ax``).
    """
    if isinstance(summary, ComplaintsSummary):
        if which == "refusals":
            frame = summary.refusals
        elif which == "complaints":
            c = summary.by_category["complaints"]
            frame = pd.DataFrame({"count": c, "cumulative_share": c.cumsum() / c.sum()})
        else:
            raise WorkbenchError(f"which must be 'refusals' or 'complaints'; got {which!r}")
    else:
        frame = summary
    ax = get_ax(ax)
    x = np.arange(len(frame))
    ax.bar(x, frame["count"].to_numpy(dtype=float), color=_BLUE, **kwargs)
    ax.set_xticks(x)
    ax.set_xticklabels([str(i) for i in frame.index], rotation=30, ha="right")
    ax.set_ylabel(t("compl.count", language))
    ax.set_xlabel(t("compl.category", language))
    right = ax.twinx()
    right.plot(x, frame["cumulative_share"].to_numpy(dtype=float) * 100, color=_RED,
               marker="o")
    right.axhline(80, color="grey", ls="--", lw=0.8)
    right.set_ylim(0, 105)
    right.set_ylabel(t("compl.cumulative_share", language) + ", %")
    ax.right_ax = right
    title = "compl.pareto_title" if which == "refusals" else "compl.title"
    ax.set_title(t(title, language))
    return ax


@localized
def plot_complaint_churn(
    summary: ComplaintsSummary,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the share of clients lost: never complained vs resolved vs unresolved complaint.

    Parameters
    ----------
    summary : ComplaintsSummary
        A :func:`workbench.complaints_summary` result computed with transactions.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.bar``.

    Returns
    -------
    matplotlib Axes
    """
    if summary.churn is None:
        raise WorkbenchError(
            "this summary has no churn comparison: call complaints_summary(feedback, tx=...)"
        )
    ax = get_ax(ax)
    churn = summary.churn
    x = np.arange(len(churn))
    rates = churn["churn_rate"].to_numpy(dtype=float)
    bars = ax.bar(x, np.nan_to_num(rates) * 100, color=[_GREEN, _AMBER, _RED][: len(churn)],
                  **kwargs)
    ax.bar_label(bars, labels=[f"{percent(r, 0, language)}\n(n = {count(n, language)})"
                               if np.isfinite(r) else "–"
                               for r, n in zip(rates, churn["n_customers"], strict=True)],
                 fontsize=8)
    ax.set_xticks(x)
    ax.set_xticklabels([t(f"compl.group.{g}", language) for g in churn.index])
    ax.set_ylabel(t("compl.churn_rate", language) + ", %")
    ax.set_ylim(0, max(100.0, float(np.nanmax(rates, initial=0)) * 115))
    ax.set_title(t("compl.title", language))
    return ax


@localized
def plot_funnel(
    result: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the sales funnel: leads reaching each stage, or overall conversion per source.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`workbench.funnel`. Without a group column: centred bars of
        ``reached`` with the step conversions written on them. With one (e.g. ``source``):
        grouped bars of ``overall_conversion`` per stage, so sources of different size compare.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    stages = list(LEAD_STAGES)
    stage_labels = [t(f"funnel.stage.{s}", language) for s in stages]
    group_cols = [c for c in result.columns
                  if c not in ("stage", "reached", "step_conversion", "overall_conversion")]
    y = np.arange(len(stages))[::-1]
    if not group_cols:
        frame = result.set_index("stage").reindex(stages)
        reached = frame["reached"].to_numpy(dtype=float)
        ax.barh(y, reached, left=-reached / 2, color=_BLUE, **kwargs)
        for yi, r, c in zip(y, reached, frame["step_conversion"], strict=True):
            text = count(r, language) + (f"  ({percent(c, 0, language)})" if pd.notna(c) else "")
            ax.annotate(text, (0, yi), ha="center", va="center", color="white"
                        if r > 0.3 * max(reached.max(), 1) else "black", fontsize=9)
        ax.set_xticks([])
        ax.set_xlabel(t("funnel.reached", language))
    else:
        group = group_cols[0]
        keys = list(dict.fromkeys(result[group]))
        h = 0.8 / max(len(keys), 1)
        for j, key in enumerate(keys):
            part = result.loc[result[group] == key].set_index("stage").reindex(stages)
            ax.barh(y + ((len(keys) - 1) / 2 - j) * h,
                    part["overall_conversion"].to_numpy(dtype=float) * 100, h,
                    label=str(key), **kwargs)
        ax.set_xlabel(t("funnel.overall_conversion", language) + ", %")
        ax.legend(title=t("funnel.source", language) if group == "source" else group,
                  fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels(stage_labels)
    ax.set_title(t("funnel.title", language))
    return ax


@localized
def plot_loop_check(
    result: LoopCheck,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the 2x2 table of predicted vs actual leavers as an annotated heat map.

    Parameters
    ----------
    result : LoopCheck
        The output of :func:`workbench.loop_check`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.imshow``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax, figsize=(4.5, 3.5))
    values = result.table.to_numpy(dtype=float)
    ax.imshow(values, **{"cmap": "Blues", **kwargs})
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{int(v)}", ha="center", va="center",
                color="white" if v > values.max() / 2 else "black", fontsize=12)
    ax.set_xticks([0, 1])
    ax.set_xticklabels([t("loop.left", language), t("loop.stayed", language)])
    ax.set_yticks([0, 1])
    ax.set_yticklabels([t("loop.predicted_leave", language), t("loop.predicted_stay", language)])
    ax.set_title(t("loop.title", language))
    return ax

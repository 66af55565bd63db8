"""Plots of steps 1–3: IPA matrix, gaps, Kano, expectation ladder, priorities curve.

Each function takes the output of the matching computation in :mod:`workbench.expectations` or
:mod:`workbench.priorities`, draws on ``ax`` (or a new Axes), labels everything through the
i18n catalogue and returns the Axes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from workbench.errors import WorkbenchError
from workbench.expectations import LADDER_LEVELS, QUADRANTS
from workbench.i18n import t
from workbench.narrative import percent
from workbench.plotting._base import get_ax, localized, place_labels, share_axis
from workbench.priorities import PriorityPlan

__all__ = (
    "plot_expectation_ladder",
    "plot_gaps",
    "plot_ipa",
    "plot_kano",
    "plot_kano_cs",
    "plot_priorities",
    "plot_source_yield",
)

#: Colours of the IPA quadrants (colour-blind safe, from the Okabe–Ito palette).
QUADRANT_COLORS = {
    "concentrate_here": "#D55E00",
    "keep_up": "#009E73",
    "low_priority": "#999999",
    "possible_overkill": "#0072B2",
}
KANO_COLORS = {
    "M": "#D55E00", "O": "#0072B2", "A": "#009E73", "I": "#BBBBBB", "R": "#CC79A7",
    "Q": "#F0E442",
}
LADDER_COLORS = {"disappointed": "#D55E00", "satisfied": "#999999", "delighted": "#009E73"}


def _one_segment(frame: pd.DataFrame, segment: object, what: str) -> pd.DataFrame:
    """Return the rows of one segment of a per-segment table (index (segment, attribute))."""
    if frame.index.nlevels == 1:
        return frame
    segments = list(dict.fromkeys(frame.index.get_level_values(0)))
    if segment is None:
        if len(segments) == 1:
            segment = segments[0]
        else:
            raise WorkbenchError(
                f"{what} has one table per segment; pass segment= one of {segments}"
            )
    if segment not in segments:
        raise WorkbenchError(f"segment must be one of {segments}; got {segment!r}")
    return frame.xs(segment, level=0)


def _attr_names(frame: pd.DataFrame) -> list[str]:
    return [str(i) for i in frame.index]


def _label_heights(x: np.ndarray, y: np.ndarray, near_x: float, gap: float) -> np.ndarray:
    """Heights (data units) for point labels, pushed down so close labels do not overlap.

    Labels are placed from the highest point down; a label closer than ``gap`` below one
    already placed within ``near_x`` horizontally moves down to keep the gap.
    """
    heights = np.asarray(y, dtype=float).copy()
    placed: list[int] = []
    for i in np.argsort(-heights, kind="mergesort"):
        target = heights[i]
        for j in sorted(placed, key=lambda k: -heights[k]):
            if abs(x[i] - x[j]) < near_x and heights[j] - target < gap:
                target = heights[j] - gap
        heights[i] = target
        placed.append(int(i))
    return heights


@localized
def plot_ipa(
    ipa: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    segment: object = None,
    annotate: bool = True,
    intervals: bool = False,
    **kwargs: Any,
) -> Axes:
    """Draw the importance–performance matrix: attributes, cross-hair and the four quadrants.

    Parameters
    ----------
    ipa : pandas.DataFrame
        The output of :func:`workbench.importance_performance`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    segment : optional
        Which segment to draw when ``ipa`` was computed with ``by=``.
    annotate : bool, default True
        Write each attribute's name next to its point.
    intervals : bool, default False
        Draw the confidence intervals of both means as error bars.
    **kwargs
        Passed to ``ax.scatter``.

    Returns
    -------
    matplotlib Axes
        Performance on x, importance on y (the classic layout: "concentrate here" top left);
        points coloured by quadrant; dashed lines at the cross-hair.
    """
    data = _one_segment(ipa, segment, "ipa")
    ax = get_ax(ax, figsize=(7.0, 6.0))
    data = data.dropna(subset=["importance", "performance"])
    x0 = float(data["crosshair_performance"].iloc[0]) if len(data) else 3.0
    y0 = float(data["crosshair_importance"].iloc[0]) if len(data) else 3.0
    for key in QUADRANTS:
        part = data.loc[data["quadrant"] == key]
        if part.empty:
            continue
        if intervals:
            ax.errorbar(
                part["performance"], part["importance"],
                xerr=_err(part, "performance"), yerr=_err(part, "importance"),
                fmt="none", ecolor=QUADRANT_COLORS[key], alpha=0.4, lw=1,
            )
        ax.scatter(part["performance"], part["importance"], color=QUADRANT_COLORS[key],
                   label=t(f"ipa.quadrant.{key}", language), **{"s": 60, "zorder": 3, **kwargs})
    if annotate:
        px = data["performance"].to_numpy(dtype=float)
        py = data["importance"].to_numpy(dtype=float)
        yspan = max(float(np.ptp(py)) + 1.0, 1.0) if len(py) else 1.0
        xspan = max(float(np.ptp(px)) + 1.0, 1.0) if len(px) else 1.0
        heights = _label_heights(px, py, 0.3 * xspan, 0.035 * yspan)
        for name, xi, yi, hi in zip(data.index, px, py, heights, strict=True):
            ax.annotate(str(name), (xi, yi), xytext=(xi + 0.02 * xspan, hi + 0.01 * yspan),
                        textcoords="data", fontsize=8)
    ax.axvline(x0, color="black", ls="--", lw=1)
    ax.axhline(y0, color="black", ls="--", lw=1)
    xs = [x0, *data["performance"].tolist()]
    ys = [y0, *data["importance"].tolist()]
    ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    ax.set_ylim(min(ys) - 0.5, max(ys) + 0.5)
    corners = {
        "concentrate_here": (0.02, 0.98, "left", "top"),
        "keep_up": (0.98, 0.98, "right", "top"),
        "low_priority": (0.02, 0.02, "left", "bottom"),
        "possible_overkill": (0.98, 0.02, "right", "bottom"),
    }
    for key, (x, y, ha, va) in corners.items():
        ax.text(x, y, t(f"ipa.quadrant.{key}", language), transform=ax.transAxes, ha=ha,
                va=va, fontsize=9, color=QUADRANT_COLORS[key], fontweight="bold", alpha=0.8)
    ax.set_xlabel(t("ipa.performance", language))
    ax.set_ylabel(t("ipa.importance", language))
    ax.set_title(t("ipa.title", language))
    return ax


def _err(frame: pd.DataFrame, col: str) -> np.ndarray:
    mean = frame[col].to_numpy(dtype=float)
    low = frame[f"{col}_ci_low"].to_numpy(dtype=float)
    high = frame[f"{col}_ci_high"].to_numpy(dtype=float)
    return np.nan_to_num(np.vstack([mean - low, high - mean]), nan=0.0)


@localized
def plot_gaps(
    gaps: pd.DataFrame,
    which: str = "gap",
    ax: Axes | None = None,
    language: str | None = None,
    segment: object = None,
    **kwargs: Any,
) -> Axes:
    """Draw the gap per attribute as horizontal bars with confidence intervals.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`workbench.gap_analysis`.
    which : {"gap", "vs_competitor"}, default "gap"
        Expected − perceived, or our performance − the competitor's.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    segment : optional
        Which segment to draw when ``gaps`` was computed with ``by=``.
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
        Bars sorted by size; statistically clear differences in colour, the others grey.
    """
    if which not in ("gap", "vs_competitor"):
        raise WorkbenchError(f"which must be 'gap' or 'vs_competitor'; got {which!r}")
    data = _one_segment(gaps, segment, "gaps").dropna(subset=[which])
    data = data.sort_values(which, kind="mergesort")
    ax = get_ax(ax, figsize=(7.0, 0.45 * max(len(data), 4) + 1.0))
    y = np.arange(len(data))
    value = data[which].to_numpy(dtype=float)
    significant = data[f"{which}_significant"].to_numpy(dtype=bool)
    clear = "#D55E00" if which == "gap" else "#0072B2"
    colors = [clear if s else "#BBBBBB" for s in significant]
    ax.barh(y, value, color=colors, **kwargs)
    err = _err(data.rename(columns={which: "_v", f"{which}_ci_low": "_v_ci_low",
                                    f"{which}_ci_high": "_v_ci_high"}), "_v")
    ax.errorbar(value, y, xerr=err, fmt="none", ecolor="black", lw=1, capsize=3)
    ax.axvline(0, color="black", lw=1)
    ax.set_yticks(y, _attr_names(data))
    ax.set_xlabel(t(f"gap.{which}", language))
    ax.set_title(t("gap.title" if which == "gap" else "gap.title_competitor", language))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=clear, label=t("gap.significant", language)),
                       Patch(color="#BBBBBB", label=t("gap.not_significant", language))],
              loc="best", fontsize=8)
    return ax


@localized
def plot_kano(
    kano_table: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    segment: object = None,
    **kwargs: Any,
) -> Axes:
    """Draw each attribute's Kano answers as a stacked bar of category shares.

    Parameters
    ----------
    kano_table : pandas.DataFrame
        The output of :func:`workbench.kano`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    segment : optional
        Which segment to draw when computed with ``by=``.
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
        One bar per attribute (shares of the complete answer pairs), in the order M, O, A, I,
        R, Q; the dominant category is written at the bar's end.
    """
    data = _one_segment(kano_table, segment, "kano")
    data = data.loc[data["n"] > 0]
    ax = get_ax(ax, figsize=(8.0, 0.45 * max(len(data), 4) + 1.2))
    y = np.arange(len(data))
    left = np.zeros(len(data))
    n = data["n"].to_numpy(dtype=float)
    for cat in ("M", "O", "A", "I", "R", "Q"):
        share = data[cat].to_numpy(dtype=float) / n
        ax.barh(y, share, left=left, color=KANO_COLORS[cat],
                label=t(f"kano.category.{cat}", language), **kwargs)
        left += share
    for yi, cat in zip(y, data["category"], strict=True):
        ax.text(1.01, yi, t(f"kano.category.{cat}", language), va="center", fontsize=8)
    ax.set_yticks(y, _attr_names(data))
    ax.invert_yaxis()  # first attribute on top, as in the table
    ax.set_xlim(0, 1.25)
    ax.set_xticks(np.linspace(0, 1, 6))
    share_axis(ax.xaxis, language)
    ax.set_xlabel(t("kano.share", language))
    ax.set_title(t("kano.title", language))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=7, ncol=6,
              frameon=False)
    return ax


@localized
def plot_kano_cs(
    kano_table: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    segment: object = None,
    annotate: bool = True,
    **kwargs: Any,
) -> Axes:
    """Draw the better/worse diagram: satisfaction gained (CS+) against lost (|CS−|).

    Parameters
    ----------
    kano_table : pandas.DataFrame
        The output of :func:`workbench.kano`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    segment : optional
        Which segment to draw when computed with ``by=``.
    annotate : bool, default True
        Write each attribute's name next to its point.
    **kwargs
        Passed to ``ax.scatter``.

    Returns
    -------
    matplotlib Axes
        x = |CS−| (worse), y = CS+ (better), both 0–1, lines at 0.5: top left attractive, top
        right one-dimensional, bottom right must-be, bottom left indifferent.
    """
    data = _one_segment(kano_table, segment, "kano").dropna(subset=["cs_plus", "cs_minus"])
    ax = get_ax(ax, figsize=(6.5, 6.0))
    x = data["cs_minus"].abs().to_numpy(dtype=float)
    y = data["cs_plus"].to_numpy(dtype=float)
    colors = [KANO_COLORS.get(str(c), "#333333") for c in data["category"]]
    ax.scatter(x, y, c=colors, **{"s": 60, "zorder": 3, "edgecolor": "black", **kwargs})
    ax.axvline(0.5, color="black", ls="--", lw=1)
    ax.axhline(0.5, color="black", ls="--", lw=1)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    if annotate:  # after the limits: labels are placed where they overlap nothing
        place_labels(ax, x, y, _attr_names(data), fontsize=8)
    corners = {"A": (0.02, 0.98, "left", "top"), "O": (0.98, 0.98, "right", "top"),
               "I": (0.02, 0.02, "left", "bottom"), "M": (0.98, 0.02, "right", "bottom")}
    for cat, (cx, cy, ha, va) in corners.items():
        ax.text(cx, cy, t(f"kano.category.{cat}", language), transform=ax.transAxes, ha=ha,
                va=va, fontsize=9, color=KANO_COLORS[cat], fontweight="bold")
    ax.set_xlabel(t("kano.worse", language))
    ax.set_ylabel(t("kano.better", language))
    ax.set_title(t("kano.cs_title", language))
    return ax


@localized
def plot_expectation_ladder(
    summary: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the shares of respondents on each rung of the expectation ladder.

    Parameters
    ----------
    summary : pandas.DataFrame
        The output of :func:`workbench.expectation_ladder_summary` (overall or per segment).
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
        Overall: one bar per rung. Per segment: one stacked bar per segment, disappointed on
        the left, delighted on the right.
    """
    ax = get_ax(ax, figsize=(7.0, 3.5))
    if summary.index.nlevels == 1:
        shares = summary["share"].reindex(list(LADDER_LEVELS)).to_numpy(dtype=float)
        y = np.arange(len(LADDER_LEVELS))
        ax.barh(y, shares, color=[LADDER_COLORS[k] for k in LADDER_LEVELS], **kwargs)
        ax.set_yticks(y, [t(f"exp.level.{k}", language) for k in LADDER_LEVELS])
        ax.invert_yaxis()
        for yi, s in zip(y, shares, strict=True):
            if np.isfinite(s):
                ax.text(s, yi, " " + percent(s, 0, language), va="center", fontsize=9)
        ax.set_xlim(0, 1.1)
        ax.set_xticks(np.linspace(0, 1, 6))
    else:
        table = summary["share"].unstack(level=-1).reindex(columns=list(LADDER_LEVELS))
        y = np.arange(len(table))
        left = np.zeros(len(table))
        for k in LADDER_LEVELS:
            v = np.nan_to_num(table[k].to_numpy(dtype=float))
            ax.barh(y, v, left=left, color=LADDER_COLORS[k], label=t(f"exp.level.{k}", language),
                    **kwargs)
            left += v
        ax.set_yticks(y, [str(s) for s in table.index])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), fontsize=8, ncol=3,
                  frameon=False)
    share_axis(ax.xaxis, language)
    ax.set_xlabel(t("exp.share", language))
    ax.set_title(t("exp.title", language))
    return ax


@localized
def plot_priorities(
    plan: PriorityPlan,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the trade-off curve: the best effect each budget buys, and the chosen budget.

    Parameters
    ----------
    plan : PriorityPlan
        The output of :func:`workbench.priorities`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.step``.

    Returns
    -------
    matplotlib Axes
        A step line (budget on x, best expected effect on y); a dashed line and a point mark the
        chosen budget and what it buys.
    """
    if not isinstance(plan, PriorityPlan):
        raise WorkbenchError(
            f"plan must be the result of workbench.priorities(...); got {type(plan).__name__}"
        )
    ax = get_ax(ax)
    curve = plan.curve
    ax.step(curve["budget"], curve["value"], where="post", **{"color": "#0072B2", **kwargs})
    ax.axvline(plan.budget, color="#D55E00", ls="--", lw=1,
               label=t("prio.chosen_budget", language))
    ax.scatter([plan.budget], [plan.total_value], color="#D55E00", zorder=3)
    ax.set_xlabel(t("prio.budget", language))
    ax.set_ylabel(t("prio.value", language))
    ax.set_title(t("prio.title", language))
    ax.legend(loc="lower right", fontsize=8)
    return ax



@localized
def plot_source_yield(
    sources: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Compare each contact source's share of clients with its share of revenue.

    Parameters
    ----------
    sources : pandas.DataFrame
        The output of :func:`workbench.source_yield`.
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.barh``.

    Returns
    -------
    matplotlib Axes
        Two bars per source (share of clients, share of revenue), largest revenue on top, with
        the share of repeat buyers written at the end: a source whose revenue bar is much
        shorter than its clients bar brings many small, one-off buyers.
    """
    ax = get_ax(ax, figsize=(7.5, 0.5 * max(len(sources), 4) + 1.2))
    y = np.arange(len(sources))
    h = 0.4
    ax.barh(y - h / 2, sources["share_of_clients"], height=h, color="#999999",
            label=t("src.share_of_clients", language), **kwargs)
    ax.barh(y + h / 2, sources["share_of_revenue"], height=h, color="#0072B2",
            label=t("src.share_of_revenue", language), **kwargs)
    ends = np.fmax(sources["share_of_clients"].to_numpy(dtype=float),
                   sources["share_of_revenue"].to_numpy(dtype=float))
    labels = []
    for yi, end, rate in zip(y, ends, sources["repeat_rate"].to_numpy(dtype=float), strict=True):
        if np.isfinite(rate):
            labels.append((end, ax.text(
                end, yi, f"  {t('src.repeat_rate', language)}: {percent(rate, 0, language)}",
                va="center", fontsize=8)))
    ax.set_yticks(y, [str(s) for s in sources.index])
    ax.invert_yaxis()
    right = max(float(np.nanmax(ends)) if len(ends) else 1.0, 0.1) * 1.6
    # every label inside the frame: a label w pixels wide at x = end fits when
    # end + w * right / width <= right, i.e. right >= end / (1 - w / width)
    renderer = ax.figure.canvas.get_renderer()
    width = ax.get_window_extent(renderer).width
    for end, text in labels:
        w = text.get_window_extent(renderer).width
        if 0 < w < 0.9 * width:
            right = max(right, 1.02 * end / (1 - w / width))
    ax.set_xlim(0, right)
    share_axis(ax.xaxis, language)
    ax.set_xlabel(t("common.share", language))
    ax.set_title(t("src.title", language))
    ax.legend(loc="lower right", fontsize=8)
    return ax

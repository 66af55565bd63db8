"""Plots of step 4: RFM heatmap, ABC Pareto curve, ABC-XYZ matrix, ladder, clusters."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from workbench.errors import WorkbenchError
from workbench.i18n import get_language
from workbench.narrative._format import count, percent
from workbench.narrative._labels import cluster_label, feature_label
from workbench.plotting._base import get_ax, label, localized, share_axis
from workbench.segmentation.abc_xyz import ABC_XYZ_CELLS
from workbench.segmentation.ladder import LADDER_RUNGS

__all__ = (
    "plot_abc_pareto",
    "plot_abc_xyz_matrix",
    "plot_cluster_profiles",
    "plot_ladder",
    "plot_rfm_heatmap",
    "plot_silhouette",
)


def _need(frame: pd.DataFrame, cols: list[str], what: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise WorkbenchError(f"{what}: the table lacks column(s) {missing}; pass {what}'s input")


@localized
def plot_rfm_heatmap(
    rfm: pd.DataFrame,
    value: str = "monetary_total",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw the mean of ``value`` per R score (rows, 5 on top) and F score (columns).

    Parameters
    ----------
    rfm : DataFrame
        The result of :func:`workbench.rfm_table`.
    value : str, default "monetary_total"
        Column averaged in each cell.
    ax : Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to :func:`seaborn.heatmap`.
    """
    _need(rfm, ["r_score", "f_score", value], "plot_rfm_heatmap")
    ax = get_ax(ax, (6.5, 5.0))
    grid = rfm.pivot_table(index="r_score", columns="f_score", values=value, aggfunc="mean")
    grid = grid.reindex(index=[5, 4, 3, 2, 1], columns=[1, 2, 3, 4, 5])
    opts = {"annot": True, "fmt": ".0f", "cmap": "YlGnBu", "ax": ax, "cbar": True}
    opts.update(kwargs)
    import seaborn as sns  # imported on first use: seaborn pulls in scipy.stats (seconds)

    sns.heatmap(grid, **opts)
    what = label(f"rfm.{value}", language) if _has(f"rfm.{value}") else value
    ax.set_title(label("rfm.heatmap_title", language, what=what.lower()))
    ax.set_ylabel(label("rfm.r_score", language))
    ax.set_xlabel(label("rfm.f_score", language))
    return ax


def _has(key: str) -> bool:
    from workbench.i18n import has

    return has(key)


@localized
def plot_abc_pareto(
    table: pd.DataFrame,
    abc: tuple[float, float] = (0.80, 0.95),
    value: str = "amount",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw the Pareto curve: cumulative share of value against the share of customers.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`workbench.abc_xyz`.
    abc : (float, float)
        Thresholds to mark with horizontal lines (those used for ``table``).
    value : {"amount", "profit"}
        Only for the title.
    """
    _need(table, ["value", "cum_share", "abc"], "plot_abc_pareto")
    ax = get_ax(ax)
    ordered = table.sort_values("cum_share", kind="mergesort")
    x = np.arange(1, len(ordered) + 1) / max(len(ordered), 1)
    y = ordered["cum_share"].to_numpy()
    colors = {"A": "#1b9e77", "B": "#d95f02", "C": "#7570b3"}
    ax.plot(np.r_[0, x], np.r_[0, y], color="0.3", lw=1.2, **kwargs)
    for cls, color in colors.items():
        mask = ordered["abc"].to_numpy() == cls
        if mask.any():
            ax.fill_between(x, 0, y, where=mask, color=color, alpha=0.35, step="pre", label=cls)
    for thr in abc:
        ax.axhline(thr, color="0.5", ls="--", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    share_axis(ax.xaxis, language)
    share_axis(ax.yaxis, language)
    ax.set_xlabel(label("abc.customers_share", language))
    ax.set_ylabel(label("abc.value_share", language))
    ax.set_title(label("abc.pareto_title", language, what=label(f"abc.value.{value}", language)))
    ax.legend(loc="lower right")
    return ax


@localized
def plot_abc_xyz_matrix(
    summary: pd.DataFrame,
    what: str = "clients",
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw the 3 x 3 ABC-XYZ matrix of ``what`` per cell.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`workbench.abc_xyz_summary`.
    what : {"clients", "client_share", "revenue_share", "profit_share"}, default "clients"
    """
    allowed = ("clients", "client_share", "revenue_share", "profit_share")
    if what not in allowed:
        raise WorkbenchError(f"what must be one of {', '.join(map(repr, allowed))}; got {what!r}")
    _need(summary, [what], "plot_abc_xyz_matrix")
    ax = get_ax(ax, (5.5, 4.5))
    values = summary[what].reindex(list(ABC_XYZ_CELLS)).to_numpy(dtype=float).reshape(3, 3)
    grid = pd.DataFrame(values, index=list("ABC"), columns=list("XYZ"))
    if what == "clients":
        grid = grid.fillna(0).astype(int)
    # the cells' numbers in the language's marks (2 169 клиентов, 34 %), as the tables say them
    shown = [[count(v, language) if what == "clients" else percent(v, 0, language)
              for v in row] for row in grid.to_numpy().tolist()]
    opts = {"annot": np.array(shown, dtype=object), "fmt": "", "cmap": "Blues", "ax": ax,
            "cbar": False, "linewidths": 1, "linecolor": "white"}
    opts.update(kwargs)
    import seaborn as sns  # imported on first use: seaborn pulls in scipy.stats (seconds)

    sns.heatmap(grid, **opts)
    key = {"clients": "xyz.clients", "client_share": "xyz.client_share",
           "revenue_share": "xyz.revenue_share", "profit_share": "xyz.profit_share"}[what]
    ax.set_title(label("xyz.matrix_title", language, what=label(key, language)))
    ax.set_xlabel(label("xyz.regularity", language))
    ax.set_ylabel(label("abc.volume", language))
    return ax


@localized
def plot_ladder(
    ladder: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw the loyalty ladder as a staircase: rungs rise left to right, the lapsed set apart.

    The buyer rungs (first purchase → advocate) set the scale: the lead rungs (potential,
    visitor) are often far larger, so a bar above the scale is cut at the top edge and carries
    its full count, rather than flattening every other rung. The lapsed clients are not a rung
    above the advocates: they stand apart on the right, hatched.

    Parameters
    ----------
    ladder : DataFrame
        The result of :func:`workbench.loyalty_ladder`; with ``profit_group`` the bars are
        split into profitable / middle / unprofitable (leads: "no purchase yet").
    ax : matplotlib Axes, optional
    language : {"en", "ru"}, optional
    **kwargs
        Passed to ``ax.bar``.

    Returns
    -------
    matplotlib Axes
    """
    from workbench.narrative import count

    _need(ladder, ["rung"], "plot_ladder")
    ax = get_ax(ax, (9, 4.5))
    rungs = [r for r in LADDER_RUNGS if r != "lapsed"] + ["lapsed"]
    x = np.arange(len(rungs), dtype=float)
    x[-1] += 0.6  # the lapsed stand apart
    names = [textwrap.fill(label(f"ladder.rung.{r}", language), 10, break_long_words=False)
             for r in rungs]
    groups = ["all"]
    if "profit_group" in ladder.columns and ladder["profit_group"].notna().any():
        groups = ["profitable", "middle", "unprofitable", "none"]
        group = ladder["profit_group"].astype("string").fillna("none")
        counts = pd.crosstab(ladder["rung"].astype(str), group).reindex(
            index=rungs, columns=groups, fill_value=0).fillna(0)
        if not counts["none"].any():
            groups = groups[:-1]
    else:
        counts = ladder["rung"].astype(str).value_counts().reindex(rungs, fill_value=0).to_frame(
            "all")
    totals = counts[groups].sum(axis=1).to_numpy(dtype=float)
    buyers = [i for i, r in enumerate(rungs) if r not in ("potential", "visitor", "lapsed")]
    top = max(float(totals[buyers].max()) if buyers else 0.0, float(totals[-1]), 1.0) * 1.3
    colors = {"profitable": "#1b9e77", "middle": "#a6a6a6", "unprofitable": "#d95f02",
              "none": "#9ecae1", "all": "#6baed6"}
    bottom = np.zeros(len(rungs))
    for g in groups:
        height = np.minimum(counts[g].to_numpy(dtype=float), np.maximum(top - bottom, 0))
        bars = ax.bar(x, height, bottom=bottom, width=0.8, color=colors[g],
                      label=None if g == "all" else label(f"ladder.profit.{g}", language),
                      **kwargs)
        bars[-1].set_hatch("//")
        bars[-1].set_edgecolor("#7f2704")
        bottom = bottom + height
    for xi, total in zip(x, totals, strict=True):
        cut = total > top
        ax.annotate(count(total, language) + (" ↑" if cut else ""), (xi, min(total, top)),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, fontweight="bold" if cut else None)
    ax.axvline((x[-2] + x[-1]) / 2, color="grey", lw=0.8, ls="--")
    ax.set_ylim(0, top * 1.08)
    ax.set_xticks(x)
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylabel(label("ladder.customers", language))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: count(v, language)))
    if groups != ["all"]:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4, fontsize=8,
                  frameon=False)
    ax.set_title(label("ladder.title", language))
    return ax


@localized
def plot_cluster_profiles(
    segmenter,
    X: pd.DataFrame,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw each segment's feature means relative to the overall mean (1 = average).

    Parameters
    ----------
    segmenter : Segmenter
        A fitted :class:`workbench.Segmenter`.
    X : DataFrame
        The feature table it was fitted on.
    """
    lang = language or get_language()
    prof = segmenter.profile(X)
    feats = [c[: -len("_mean")] for c in prof.columns if c.endswith("_mean")]
    overall = pd.DataFrame(np.asarray(X, dtype=float), columns=feats).mean()
    rel = prof[[f"{f}_mean" for f in feats]].to_numpy() / overall.replace(0, np.nan).to_numpy()
    rows = [f"{cluster_label(n, lang)} ({percent(s, language=lang)})"
            for n, s in zip(prof["key"], prof["share"], strict=True)]
    heads = [textwrap.fill(feature_label(f, lang), 14) for f in feats]
    grid = pd.DataFrame(rel, index=rows, columns=heads)
    ax = get_ax(ax, (1.6 * len(feats) + 3, 0.6 * len(rows) + 2))
    opts = {"annot": True, "fmt": ".2f", "cmap": "RdBu_r", "center": 1.0, "ax": ax,
            "cbar_kws": {"label": label("seg.relative", language)}}
    opts.update(kwargs)
    import seaborn as sns  # imported on first use: seaborn pulls in scipy.stats (seconds)

    sns.heatmap(grid, **opts)
    ax.set_title(label("seg.profile_title", language))
    return ax


@localized
def plot_silhouette(
    segmenter,
    ax: Axes | None = None,
    language: str | None = None,
    **kwargs,
) -> Axes:
    """Draw the silhouette score per k tried by ``Segmenter(n_clusters="auto")``."""
    scores = getattr(segmenter, "k_scores_", None)
    if scores is None or len(scores) == 0:
        raise WorkbenchError(
            "plot_silhouette needs a Segmenter fitted with n_clusters='auto' (k_scores_ is empty)"
        )
    ax = get_ax(ax)
    ax.plot(scores.index, scores.to_numpy(), marker="o", **kwargs)
    best = int(scores.idxmax())
    ax.axvline(best, color="0.5", ls="--", lw=0.8)
    ax.set_xticks(list(scores.index))
    ax.set_xlabel(label("seg.k", language))
    ax.set_ylabel(label("seg.silhouette", language))
    ax.set_title(label("seg.silhouette_title", language, k=best))
    return ax

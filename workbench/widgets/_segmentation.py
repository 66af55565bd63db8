"""Workshop panels for step 4: choose k and features for clustering; move ABC-XYZ thresholds."""

from __future__ import annotations

import os
from collections.abc import Sequence

import ipywidgets as W
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.i18n import check_language, t
from workbench.narrative import describe_abc_xyz, describe_segments
from workbench.segmentation.abc_xyz import (
    DEFAULT_ABC,
    DEFAULT_XYZ,
    abc_xyz,
    abc_xyz_summary,
    reclassify_abc_xyz,
)
from workbench.widgets._base import Panel, html_text
from workbench.widgets._save import attach_save

__all__ = ("abc_xyz_panel", "segmentation_panel")


def segmentation_panel(
    X: pd.DataFrame,
    k: int = 4,
    k_max: int = 10,
    features: Sequence[str] | None = None,
    revenue: str | None = None,
    method: str = "kmeans",
    random_state: int = 0,
    language: str | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return a panel where the number of segments and the features drive a clustering.

    Parameters
    ----------
    X : DataFrame
        Customer feature table (e.g. ``customer_feature_table(tx)``).
    k : int, default 4
        Starting number of segments.
    k_max : int, default 10
        Upper end of the k slider.
    features : sequence of str, optional
        Starting features (default: all columns of ``X``).
    revenue : str, optional
        Column of ``X`` giving money per customer, for the revenue share in the profile.
    method : {"kmeans", "gmm", "agglomerative"}, default "kmeans"
    random_state : int, default 0
    language : {"en", "ru"}, optional
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current k and features into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Controls ``k`` (IntSlider) and ``features`` (SelectMultiple); ``result`` is a dict
        ``{"model": fitted Segmenter, "profile": its profile DataFrame}``; the summary names
        the largest segment; the output shows the segment profiles.
    """
    from workbench.plotting._segmentation import plot_cluster_profiles

    language = check_language(language)
    if not isinstance(X, pd.DataFrame) or X.shape[1] == 0:
        raise WorkbenchError("segmentation_panel: X must be a DataFrame of customer features")
    cols = [str(c) for c in X.columns]
    start = list(features) if features is not None else cols
    controls = {
        "k": W.IntSlider(
            value=k, min=2, max=k_max, description=t("seg.k", language),
            continuous_update=False, style={"description_width": "initial"},
        ),
        "features": W.SelectMultiple(
            options=cols, value=tuple(start), description=t("seg.features", language),
            rows=min(len(cols), 6),
        ),
    }

    def compute(k: int, features: tuple[str, ...]) -> dict:
        from workbench.segmentation.clustering import Segmenter  # scikit-learn on first use

        chosen = [f for f in cols if f in set(features)]
        if not chosen:
            raise WorkbenchError(t("seg.no_features", language))
        data = X[chosen]
        model = Segmenter(n_clusters=int(k), method=method, random_state=random_state).fit(data)
        money = X[revenue] if revenue is not None else None
        return {"model": model, "profile": model.profile(data, revenue=money),
                "X": data}

    def describe(result: dict) -> str:
        money = X[revenue] if revenue is not None else None
        text = describe_segments(result["model"], result["X"], revenue=money, language=language)
        return html_text(text)

    def draw(result: dict) -> None:
        plot_cluster_profiles(result["model"], result["X"], language=language)

    panel = Panel(controls, compute, describe, draw, title=t("seg.profile_title", language))
    return attach_save(panel, "segmentation", workshop, lambda p: {
        "k": int(p.controls["k"].value),
        "features": [f for f in cols if f in set(p.controls["features"].value)]}, language)


def abc_xyz_panel(
    tx: pd.DataFrame,
    asof: object = None,
    value: str = "amount",
    what: str = "revenue_share",
    period: str = "M",
    n_periods: int = 12,
    columns: dict | None = None,
    language: str | None = None,
    abc: tuple[float, float] = DEFAULT_ABC,
    xyz: tuple[float, float] = DEFAULT_XYZ,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return a panel where ABC and XYZ thresholds redraw the 3 x 3 matrix.

    The transactions are summarised once (:func:`workbench.abc_xyz`); each slider move only
    re-cuts that table (:func:`~workbench.segmentation.abc_xyz.reclassify_abc_xyz`).

    Parameters
    ----------
    tx, asof, value, period, n_periods, columns
        As in :func:`workbench.abc_xyz`.
    what : {"clients", "client_share", "revenue_share", "profit_share"}, default "revenue_share"
        What the matrix shows.
    language : {"en", "ru"}, optional
    abc, xyz : (float, float)
        Starting positions of the sliders (the notebook's thresholds).
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current four thresholds into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Controls ``abc_a``, ``abc_b``, ``xyz_x``, ``xyz_y`` (FloatSliders); ``result`` is the
        :func:`workbench.abc_xyz_summary` table; the summary is
        :func:`workbench.describe_abc_xyz` of it. A line placed above the next one (A above B,
        X above Y) is said in the chosen language instead of computed.
    """
    from workbench.plotting._segmentation import plot_abc_xyz_matrix

    language = check_language(language)
    base = abc_xyz(tx, asof, value=value, period=period, n_periods=n_periods, columns=columns)

    def slider(key: str, v: float, lo: float, hi: float, step: float) -> W.FloatSlider:
        return W.FloatSlider(
            value=v, min=lo, max=hi, step=step, description=t(key, language),
            continuous_update=False, readout_format=".2f",
            style={"description_width": "initial"},
        )

    controls = {
        "abc_a": slider("abc.threshold_a", float(abc[0]), 0.5, 0.95, 0.01),
        "abc_b": slider("abc.threshold_b", float(abc[1]), 0.6, 0.99, 0.01),
        "xyz_x": slider("xyz.threshold_x", float(xyz[0]), 0.1, 2.0, 0.05),
        "xyz_y": slider("xyz.threshold_y", float(xyz[1]), 0.2, 3.0, 0.05),
    }

    def compute(abc_a: float, abc_b: float, xyz_x: float, xyz_y: float) -> pd.DataFrame:
        if abc_a > abc_b or xyz_x > xyz_y:
            raise WorkbenchError(t("abc.bad_thresholds", language, a=f"{abc_a:.2f}",
                                   b=f"{abc_b:.2f}", x=f"{xyz_x:.2f}", y=f"{xyz_y:.2f}"))
        table = reclassify_abc_xyz(base, abc=(abc_a, abc_b), xyz=(xyz_x, xyz_y))
        return abc_xyz_summary(table)

    def describe(summary: pd.DataFrame) -> str:
        return html_text(describe_abc_xyz(summary, language=language))

    def draw(summary: pd.DataFrame) -> None:
        plot_abc_xyz_matrix(summary, what=what, language=language)

    title = t("xyz.matrix_title", language, what=t(f"xyz.{what}", language))
    panel = Panel(controls, compute, describe, draw, title=title)
    return attach_save(panel, "abc_xyz", workshop,
                       lambda p: {k: float(c.value) for k, c in p.controls.items()}, language)

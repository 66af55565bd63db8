"""Workshop panel for step 8: NPS by period and segment."""

from __future__ import annotations

import warnings
from html import escape
from typing import Any

import ipywidgets as W
import numpy as np
import pandas as pd

from workbench.feedback import nps
from workbench.i18n import check_language, t
from workbench.narrative import describe_nps
from workbench.widgets._base import Panel

__all__ = ("nps_panel",)

_ALL, _EACH = "__all__", "__each__"


def _segment_values(data: pd.Series | pd.DataFrame, segments: str | pd.Series) -> pd.Series:
    """Segment of each row of ``data`` (aligned to its index)."""
    if isinstance(segments, str):
        return data[segments]
    mapping = pd.Series(segments.to_numpy(), index=segments.index.astype(str))
    mapping = mapping[~mapping.index.duplicated(keep="first")]
    if isinstance(data, pd.DataFrame) and "customer_id" in data.columns:
        return pd.Series(data["customer_id"].astype(str).map(mapping).to_numpy(), index=data.index)
    return pd.Series(data.index.astype(str).map(mapping), index=data.index)


def _describe(result: pd.DataFrame, language: str) -> str:
    return escape(describe_nps(result, language))


def nps_panel(
    data: pd.Series | pd.DataFrame,
    segments: str | pd.Series | None = None,
    language: str | None = None,
    confidence: float = 0.95,
) -> Panel:
    """Return a panel showing NPS overall, per period and per segment.

    Parameters
    ----------
    data : Series or DataFrame
        A survey or feedback table (or scores), as for :func:`workbench.nps`.
    segments : str or Series, optional
        A column of ``data`` or a Series mapping ``customer_id`` to a segment; adds the segment
        selector.
    language : {"en", "ru"}, optional
    confidence : float, default 0.95

    Returns
    -------
    Panel
        Controls ``period`` (``"none"``, ``"M"``, ``"Q"``, ``"Y"``; only when ``data`` has a
        ``date`` column) and ``segment`` (``"__all__"``, ``"__each__"`` to compare segments,
        or one segment). ``result`` is the :func:`workbench.nps` frame; the summary reads the
        score and interval (or the best and worst group); the output shows the NPS bars.
        Answers without a segment are left out silently when comparing segments.
    """
    language = check_language(language)
    controls: dict[str, W.Widget] = {}
    if isinstance(data, pd.DataFrame) and "date" in data.columns:
        controls["period"] = W.Dropdown(
            options=[(t(f"nps.period.{p}", language), p) for p in ("none", "M", "Q", "Y")],
            value="none",
            description=t("nps.period", language),
        )
    seg_values = None
    if segments is not None:
        seg_values = _segment_values(data, segments)
        names = sorted({str(v) for v in seg_values.dropna()})
        controls["segment"] = W.Dropdown(
            options=[(t("nps.all", language), _ALL), (t("nps.compare_segments", language), _EACH)]
            + [(n, n) for n in names],
            value=_ALL,
            description=t("nps.segment", language),
        )

    def compute(period: str = "none", segment: str = _ALL) -> pd.DataFrame:
        subset = data
        by: list[Any] = []
        if seg_values is not None and segment not in (_ALL, _EACH):
            mask = (seg_values.astype("string") == segment).fillna(False).to_numpy(dtype=bool)
            subset = data.loc[mask]
        if seg_values is not None and segment == _EACH:
            if isinstance(segments, str) or (
                isinstance(data, pd.DataFrame) and "customer_id" in data.columns
            ):
                by.append(segments)  # a column, or mapped through customer_id by nps()
            else:  # scores indexed by customer: segments aligned row by row
                by.append(pd.Series(seg_values.to_numpy(), index=data.index, name="segment"))
        if period != "none":
            by.append(period)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return nps(subset, by=None if not by else by[0] if len(by) == 1 else by,
                       confidence=confidence)

    def draw(result: pd.DataFrame) -> None:
        from workbench.plotting._feedback import plot_nps

        if np.isfinite(result["nps"].to_numpy(dtype=float)).any():
            plot_nps(result, language=language)

    return Panel(
        controls,
        compute,
        describe=lambda result: _describe(result, language),
        draw=draw,
        title=t("nps.title", language),
    )

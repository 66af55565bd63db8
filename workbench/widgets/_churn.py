"""Workshop panels for step 5: whom to make a retention offer, and what a threshold costs."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as W
import numpy as np
import pandas as pd

from workbench.economics import RetentionPlan, money_confusion, retention_plan
from workbench.errors import WorkbenchError
from workbench.i18n import check_language, t
from workbench.narrative import count, decimal, money, quantity
from workbench.widgets._base import Panel
from workbench.widgets._save import attach_save

__all__ = ("retention_panel", "threshold_panel")


def _money(x: float, language: str | None = None) -> str:
    return money(x, language)


def _by_horizon(x: Any, horizon: Any, name: str) -> pd.Series:
    if callable(x) and not isinstance(x, pd.Series):
        return x(horizon)
    if isinstance(x, Mapping):
        try:
            return x[horizon]
        except KeyError:
            raise WorkbenchError(f"{name} has no entry for horizon {horizon!r}") from None
    return x


def retention_panel(
    probabilities: pd.Series | Mapping[str, pd.Series],
    value: pd.Series | Mapping[str, pd.Series] | Callable[[str], pd.Series],
    segments: pd.Series | None = None,
    offer_cost: float = 50.0,
    success_rate: float = 0.3,
    horizons: Sequence[str] | None = None,
    max_cost: float | None = None,
    language: str | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return a panel where offer cost, success rate and horizon drive a retention plan.

    Parameters
    ----------
    probabilities : Series or mapping of horizon -> Series
        Churn probabilities; a mapping gives one per horizon (e.g. models fitted for "3M" and
        "6M").
    value : Series, mapping of horizon -> Series, or callable
        Value per client over the horizon; a callable is called with the horizon label (e.g.
        ``lambda h: workbench.expected_value(tx, asof, h)``).
    segments : pandas.Series, optional
        Segment per client for the roll-up (``result.by_segment``).
    offer_cost, success_rate : float
        Starting values of the sliders.
    horizons : sequence of str, optional
        Horizon labels for the horizon slider; default: the keys of the mapping(s). Without
        mappings, callables or ``horizons`` there is no horizon control.
    max_cost : float, optional
        Upper end of the cost slider (default: the 90th percentile of value, at least 2x the
        starting cost).
    language : {"en", "ru"}, optional
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current offer cost and success rate into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Controls ``offer_cost``, ``success_rate`` (and ``horizon``); ``result`` is the
        :class:`workbench.RetentionPlan`; the summary reads the number to target and the
        expected net gain; the output shows the gain curve.
    """
    from workbench.plotting._churn import plot_gain_curve

    language = check_language(language)
    keys: list[Any] = list(horizons) if horizons is not None else []
    for x in (probabilities, value):
        if isinstance(x, Mapping) and not keys:
            keys = list(x.keys())
    if not keys and (isinstance(probabilities, Mapping) or isinstance(value, Mapping)
                     or (callable(value) and not isinstance(value, pd.Series))):
        raise WorkbenchError("pass horizons=[...] to say which horizons the slider offers")
    first = _by_horizon(value, keys[0] if keys else None, "value")
    if max_cost is None:
        positive = np.asarray(first, dtype="float64")
        positive = positive[positive > 0]
        q = float(np.quantile(positive, 0.9)) if len(positive) else 0.0
        max_cost = max(q, 2.0 * float(offer_cost), 1.0)
    controls: dict[str, W.Widget] = {
        "offer_cost": W.FloatSlider(
            value=float(offer_cost), min=0.0, max=float(max_cost), step=float(max_cost) / 100,
            description=t("econ.offer_cost", language), continuous_update=False,
            style={"description_width": "initial"},
        ),
        "success_rate": W.FloatSlider(
            value=float(success_rate), min=0.0, max=1.0, step=0.05,
            description=t("econ.success_rate", language), continuous_update=False,
            style={"description_width": "initial"},
        ),
    }
    if keys:
        controls["horizon"] = W.SelectionSlider(
            options=keys, value=keys[0], description=t("econ.horizon", language),
            continuous_update=False, style={"description_width": "initial"},
        )

    def compute(offer_cost: float, success_rate: float, horizon: Any = None) -> RetentionPlan:
        return retention_plan(
            _by_horizon(probabilities, horizon, "probabilities"),
            _by_horizon(value, horizon, "value"),
            offer_cost=offer_cost,
            success_rate=success_rate,
            segments=segments,
        )

    def describe(plan: RetentionPlan) -> str:
        if plan.n_target == 0:
            return t("econ.summary_none", language)
        tg = plan.targets
        cost = float(controls["offer_cost"].value) * len(tg)
        return t(
            "econ.summary", language,
            n=count(plan.n_target, language),
            total=quantity(len(plan.table), "customer", language, case="gen"),
            gain=_money(plan.total_gain, language),
            risk=_money(float(tg["value_at_risk"].sum()), language), cost=_money(cost, language),
        )

    def draw(plan: RetentionPlan) -> None:
        plot_gain_curve(plan, language=language)

    panel = Panel(controls, compute, describe, draw, title=t("econ.retention_title", language))
    return attach_save(panel, "retention", workshop, lambda p: {
        "offer_cost": round(float(p.controls["offer_cost"].value), 2),
        "success_rate": round(float(p.controls["success_rate"].value), 4)}, language)


def threshold_panel(
    probabilities: pd.Series,
    actual: pd.Series,
    value: pd.Series | float,
    offer_cost: float | pd.Series = 50.0,
    success_rate: float | pd.Series = 0.3,
    threshold: float = 0.5,
    language: str | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return a panel whose threshold slider shows the confusion matrix in money.

    Parameters
    ----------
    probabilities : pandas.Series
        Churn probabilities scored at a past ``asof``.
    actual : pandas.Series
        What happened afterwards (1 = churned), e.g. :func:`workbench.churn_labels`.
    value, offer_cost, success_rate
        As in :func:`workbench.money_confusion`.
    threshold : float, default 0.5
        Starting threshold.
    language : {"en", "ru"}, optional
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current threshold into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Control ``threshold``; ``result`` is the :func:`workbench.money_confusion` frame; the
        summary reads the campaign's net result; the output shows the heatmap.
    """
    from workbench.plotting._churn import plot_money_confusion

    language = check_language(language)
    controls = {
        "threshold": W.FloatSlider(
            value=float(threshold), min=0.0, max=1.0, step=0.01,
            description=t("econ.threshold", language), continuous_update=False,
            style={"description_width": "initial"},
        )
    }

    def compute(threshold: float) -> pd.DataFrame:
        return money_confusion(probabilities, actual, value, offer_cost, success_rate, threshold)

    def describe(frame: pd.DataFrame) -> str:
        a = frame.attrs
        return t(
            "econ.confusion_summary", language,
            threshold=decimal(a["threshold"], 2, language),
            customers=quantity(a["n_targeted"], "customer", language), net=_money(a["net"], language),
            saved=_money(a["saved"], language), wasted=_money(-a["wasted"], language),
            missed=_money(-a["missed"], language),
        )

    def draw(frame: pd.DataFrame) -> None:
        plot_money_confusion(frame, language=language)

    panel = Panel(controls, compute, describe, draw, title=t("econ.threshold_title", language),
                  height="320px")
    return attach_save(panel, "threshold", workshop,
                       lambda p: {"threshold": float(p.controls["threshold"].value)}, language)

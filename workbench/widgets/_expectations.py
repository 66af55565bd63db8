"""Workshop panels for steps 1–3: the IPA matrix with its cross-hair, priorities on a budget."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import ipywidgets as W
import pandas as pd

from workbench.expectations import describe_importance_performance, importance_performance
from workbench.i18n import check_language, t
from workbench.priorities import WEIGHTS, PriorityPlan, priorities
from workbench.widgets._base import Panel

__all__ = ("ipa_panel", "priorities_panel")

_ALL = "__all__"


def ipa_panel(
    survey: pd.DataFrame,
    segments: str | pd.Series | None = None,
    language: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Panel:
    """Return the importance–performance matrix with a cross-hair choice and a segment picker.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table (see :func:`workbench.importance_performance`).
    segments : str or pandas.Series, optional
        A survey column or a Series mapping ``customer_id`` to a segment; adds a segment
        drop-down ("All respondents" first).
    language : {"en", "ru"}, optional
    columns : dict, optional
        Column mapping for ``survey``.

    Returns
    -------
    Panel
        Controls ``"crosshair"`` (``"mean"`` / ``"median"``) and ``"segment"`` (``"__all__"``
        or a segment value). ``result`` is the IPA table of the chosen respondents; the summary
        reads how many attributes are in "concentrate here" and which; the output draws
        :func:`workbench.plotting.plot_ipa`.
    """
    language = check_language(language)
    crosshair = W.Dropdown(
        options=[(t(f"ipa.crosshair.{k}", language), k) for k in ("mean", "median")],
        value="mean", description=t("ipa.crosshair", language),
    )
    options = [(t("ipa.all_segments", language), _ALL)]
    if segments is not None:
        per = importance_performance(survey, by=segments, columns=columns)
        options += [(str(s), s) for s in dict.fromkeys(per.index.get_level_values(0))]
    segment = W.Dropdown(options=options, value=_ALL, description=t("ipa.segment", language),
                         disabled=segments is None)

    def compute(crosshair: str, segment: object) -> pd.DataFrame:
        if segment == _ALL:
            return importance_performance(survey, crosshair=crosshair, columns=columns)
        per = importance_performance(survey, by=segments, crosshair=crosshair, columns=columns)
        return per.xs(segment, level=0)

    def describe(result: pd.DataFrame) -> str:
        return f"<p>{escape(describe_importance_performance(result, language))}</p>"

    def draw(result: pd.DataFrame) -> None:
        from workbench.plotting._expectations import plot_ipa

        plot_ipa(result, language=language)

    return Panel({"crosshair": crosshair, "segment": segment}, compute, describe, draw,
                 title=t("ipa.panel_title", language), height="480px")


def _fmt(x: float) -> str:
    return f"{x:,.0f}".replace(",", "\u202f") if abs(x) >= 1000 else f"{x:.4g}"


def describe_priorities(plan: PriorityPlan, language: str | None = None) -> str:
    """Read a priority plan aloud: the budget, the chosen actions, their cost and effect."""
    language = check_language(language)
    if plan.chosen.empty:
        text = t("prio.describe_none", language, budget=_fmt(plan.budget))
    else:
        text = t("prio.describe", language, budget=_fmt(plan.budget), n=len(plan.chosen),
                 names=", ".join(map(str, plan.chosen["action"])), cost=_fmt(plan.total_cost),
                 value=_fmt(plan.total_value))
    if plan.method != "exact":
        text += " " + t("prio.greedy_note", language)
    return text


def priorities_panel(
    ipa: pd.DataFrame | None,
    actions: pd.DataFrame,
    budget: float | None = None,
    language: str | None = None,
    curve_points: int = 21,
) -> Panel:
    """Return a budget slider that re-chooses the improvement actions as it moves.

    Parameters
    ----------
    ipa : pandas.DataFrame or None
        The IPA table of one segment; when given, a drop-down lets the audience weight effects
        by importance or by the gap (see :func:`workbench.priorities`).
    actions : pandas.DataFrame
        Candidate actions: ``attribute``, ``action``, ``cost``, ``effect``.
    budget : float, optional
        Starting budget; default half the cost of all actions.
    language : {"en", "ru"}, optional
    curve_points : int, default 21
        Points of the trade-off curve (fewer keeps the slider responsive).

    Returns
    -------
    Panel
        Controls ``"budget"`` (0 to the cost of all actions) and ``"weight"``; ``result`` is
        the :class:`workbench.priorities.PriorityPlan`; the summary names the chosen actions,
        their cost and effect; the output draws the trade-off curve.
    """
    language = check_language(language)
    total = float(pd.to_numeric(actions["cost"]).sum()) if "cost" in actions.columns else 0.0
    top = total if total > 0 else 1.0
    slider = W.FloatSlider(
        value=float(budget) if budget is not None else top / 2, min=0.0, max=top,
        step=top / 100, description=t("prio.budget", language), continuous_update=False,
        readout_format=".4g",
    )
    weights = WEIGHTS if ipa is not None else ("none",)
    weight = W.Dropdown(options=[(t(f"prio.weight.{k}", language), k) for k in weights],
                        value="none", description=t("prio.weight", language),
                        disabled=ipa is None)

    def compute(budget: float, weight: str) -> PriorityPlan:
        return priorities(ipa, actions, budget, weight=weight, curve_points=curve_points)

    def draw(plan: PriorityPlan) -> None:
        from workbench.plotting._expectations import plot_priorities

        plot_priorities(plan, language=language)

    return Panel({"budget": slider, "weight": weight}, compute,
                 lambda plan: f"<p>{escape(describe_priorities(plan, language))}</p>", draw,
                 title=t("prio.panel_title", language), height="380px")

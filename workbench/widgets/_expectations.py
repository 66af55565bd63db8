"""Workshop panels for steps 1–3: quotes, the expectation ladder's tolerance, the IPA matrix
with its cross-hair, priorities on a budget."""

from __future__ import annotations

import os
from collections.abc import Mapping
from html import escape

import ipywidgets as W
import pandas as pd

from workbench.expectations import (
    expectation_ladder,
    expectation_ladder_summary,
    importance_performance,
    quotes,
)
from workbench.i18n import check_language, t
from workbench.narrative import (
    describe_expectation_ladder,
    describe_importance_performance,
    describe_priorities,
    describe_quotes,
)
from workbench.priorities import WEIGHTS, PriorityPlan, priorities
from workbench.widgets._base import Panel
from workbench.widgets._save import attach_save

__all__ = ("ipa_panel", "ladder_panel", "priorities_panel", "quotes_panel")

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


def priorities_panel(
    ipa: pd.DataFrame | None,
    actions: pd.DataFrame,
    budget: float | None = None,
    language: str | None = None,
    curve_points: int = 21,
    workshop: str | os.PathLike | None = None,
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
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current budget and weighting into it (see
        :func:`workbench.save_decision`).

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
        readout_format=".4g", style={"description_width": "initial"},
    )
    weights = WEIGHTS if ipa is not None else ("none",)
    weight = W.Dropdown(options=[(t(f"prio.weight.{k}", language), k) for k in weights],
                        value="none", description=t("prio.weight", language),
                        disabled=ipa is None, style={"description_width": "initial"})

    def compute(budget: float, weight: str) -> PriorityPlan:
        return priorities(ipa, actions, budget, weight=weight, curve_points=curve_points)

    def draw(plan: PriorityPlan) -> None:
        from workbench.plotting._expectations import plot_priorities

        plot_priorities(plan, language=language)

    panel = Panel({"budget": slider, "weight": weight}, compute,
                  lambda plan: f"<p>{escape(describe_priorities(plan, language))}</p>", draw,
                  title=t("prio.panel_title", language), height="380px")
    return attach_save(panel, "priorities", workshop, lambda p: {
        "budget": round(float(p.controls["budget"].value), 6),
        "weight": str(p.controls["weight"].value)}, language)


def quotes_panel(
    data: pd.DataFrame,
    by: str | pd.Series | None = "attribute",
    n: int = 3,
    language: str | None = None,
    text_col: str | None = None,
) -> Panel:
    """Return the voice-of-the-customer sampler: pick a topic, how many quotes, another draw.

    Parameters
    ----------
    data : pandas.DataFrame
        A survey (``comment``) or feedback (``text``) table, see :func:`workbench.quotes`.
    by : str or pandas.Series or None, default "attribute"
        What to sample within (``"attribute"``, ``"category"``, a customer → segment Series).
    n : int, default 3
        Starting number of quotes per topic (the slider goes 1–10).
    language : {"en", "ru"}, optional
    text_col : str, optional
        The text column (default ``comment``, else ``text``).

    Returns
    -------
    Panel
        Controls ``"topic"`` (``"__all__"`` or one group value), ``"n"`` and ``"seed"`` (the
        random draw: change it to see other quotes, keep it so the slide is reproducible).
        ``result`` is the :func:`workbench.quotes` table (one topic's rows when a topic is
        chosen); the summary lists the quotes.
    """
    language = check_language(language)
    everything = quotes(data, by=by, n=1, random_state=0, text_col=text_col)
    options = [(t("exp.quotes_all", language), _ALL)]
    if by is not None and len(everything.columns) > 1:
        group_col = everything.columns[0]
        options += [(str(g), g) for g in dict.fromkeys(everything[group_col])]
    topic = W.Dropdown(options=options, value=_ALL, description=t("exp.quotes_topic", language),
                       disabled=len(options) == 1)
    count = W.IntSlider(value=int(n), min=1, max=10, description=t("exp.quotes_n", language),
                        continuous_update=False)
    seed = W.IntSlider(value=0, min=0, max=20, description=t("exp.quotes_seed", language),
                       continuous_update=False)

    def compute(topic: object, n: int, seed: int) -> pd.DataFrame:
        picked = quotes(data, by=by, n=n, random_state=seed, text_col=text_col)
        if topic != _ALL and len(picked.columns) > 1:
            picked = picked.loc[picked[picked.columns[0]] == topic].reset_index(drop=True)
        return picked

    def describe(result: pd.DataFrame) -> str:
        lines = describe_quotes(result, language).split("\n")
        return "<p>" + "<br>".join(escape(line) for line in lines) + "</p>"

    return Panel({"topic": topic, "n": count, "seed": seed}, compute, describe,
                 title=t("exp.quotes_panel_title", language))


def ladder_panel(
    survey: pd.DataFrame,
    segments: str | pd.Series | None = None,
    tolerance: float = 0.25,
    language: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Panel:
    """Return the expectation ladder with a tolerance slider, the rule and a per-segment view.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table (see :func:`workbench.expectation_ladder`).
    segments : str or pandas.Series, optional
        A survey column or a Series mapping ``customer_id`` to a segment; adds the choice
        "all respondents / by segment".
    tolerance : float, default 0.25
        Starting tolerance in scale points (the slider goes 0–1 in steps of 0.05).
    language : {"en", "ru"}, optional
    columns : dict, optional
        Column mapping for ``survey``.

    Returns
    -------
    Panel
        Controls ``"tolerance"``, ``"rule"`` (``"mean"`` / ``"strict"``) and ``"view"``
        (``"overall"`` / ``"segments"``). ``result`` is the
        :func:`workbench.expectation_ladder_summary` table; the summary reads the shares per
        rung; the output draws :func:`workbench.plotting.plot_expectation_ladder`.
    """
    language = check_language(language)
    slider = W.FloatSlider(value=float(tolerance), min=0.0, max=1.0, step=0.05,
                           description=t("exp.tolerance", language), continuous_update=False,
                           readout_format=".2f")
    rule = W.Dropdown(options=[(t(f"exp.rule.{k}", language), k) for k in ("mean", "strict")],
                      value="mean", description=t("exp.rule", language))
    views = ("overall", "segments") if segments is not None else ("overall",)
    view = W.Dropdown(options=[(t(f"exp.view.{k}", language), k) for k in views],
                      value="overall", description=t("exp.view", language),
                      disabled=segments is None)

    def compute(tolerance: float, rule: str, view: str) -> pd.DataFrame:
        ladder = expectation_ladder(survey, tolerance=tolerance, rule=rule, columns=columns)
        if view == "segments" and segments is not None:
            if isinstance(segments, str):  # a survey column: carry it per respondent
                first = survey.groupby("respondent_id", sort=True)[segments].first()
                first.index = first.index.astype(str)
                ladder = ladder.assign(**{segments: first.reindex(ladder.index.astype(str))
                                          .to_numpy()})
            return expectation_ladder_summary(ladder, by=segments)
        return expectation_ladder_summary(ladder)

    def describe(result: pd.DataFrame) -> str:
        text = describe_expectation_ladder(result, language, tolerance=slider.value)
        return "<p>" + "<br>".join(escape(line) for line in text.split("\n")) + "</p>"

    def draw(result: pd.DataFrame) -> None:
        from workbench.plotting._expectations import plot_expectation_ladder

        plot_expectation_ladder(result, language=language)

    return Panel({"tolerance": slider, "rule": rule, "view": view}, compute, describe, draw,
                 title=t("exp.ladder_panel_title", language), height="360px")

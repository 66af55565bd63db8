"""Workshop panels for step 6: the editable offer table and the УКОР self-assessment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as W
import pandas as pd

from workbench.i18n import check_language, t
from workbench.narrative import count, describe_ukor, label_offers, quantity, segment_label
from workbench.offers import STRATEGIES, UKOR_QUESTIONS, offer_matrix, ukor
from workbench.widgets._base import Panel
from workbench.widgets._save import attach_save

__all__ = ("offer_table_panel", "ukor_panel")


def _offer_html(result: pd.DataFrame, language: str) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{escape(segment_label(r.segment, language))}</td>"
        f"<td style='text-align:right'>{count(r.n_customers, language)}</td>"
        f"<td>{escape(r.strategy_label)}</td><td>{escape(r.actions)}</td>"
        "</tr>"
        for r in result.itertuples(index=False)
    )
    head = "".join(
        f"<th>{escape(t(k, language))}</th>"
        for k in ("offer.segment", "offer.n_customers", "offer.strategy", "offer.actions")
    )
    n_missing = int((~result["has_rule"]).sum())
    n_customers = int(result.groupby("dimension")["n_customers"].sum().max()) if len(result) else 0
    summary = t(
        "offer.summary",
        language,
        segments=quantity(len(result), "segment", language),
        customers=quantity(n_customers, "customer", language),
        missing=count(n_missing, language),
    )
    return f"<p>{escape(summary)}</p><table><tr>{head}</tr>{rows}</table>"


def _offer_rows(values: Mapping[str, Any], language: str) -> list[dict[str, str]]:
    """The edited offer table as workshop rows; the method's action texts become their keys."""
    from workbench.i18n import catalogue

    by_text = {texts[language]: key.removeprefix("offer.action.")
               for key, texts in catalogue().items()
               if key.startswith("offer.action.") and language in texts}
    rows = []
    for name, value in values.items():
        segment, _, field = name.rpartition(":")
        if field != "strategy" or value == "none":
            continue
        text = str(values.get(f"{segment}:actions", "") or "")
        parts = [p.strip() for p in text.split(";") if p.strip()]
        rows.append({"segment": segment, "strategy": str(value),
                     "actions": "; ".join(by_text.get(p, p) for p in parts)})
    return rows


def offer_table_panel(
    segments: pd.Series | pd.DataFrame,
    rules: Mapping | pd.DataFrame | None = None,
    language: str | None = None,
    dimensions: list[str] | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return an editable offer table: a strategy drop-down and an actions field per segment.

    Parameters
    ----------
    segments : Series or DataFrame
        As for :func:`workbench.offer_matrix` (client -> segment key).
    rules : dict or DataFrame, optional
        Starting rules; default :data:`workbench.OFFER_RULES`.
    language : {"en", "ru"}, optional
    dimensions : list of str, optional
        As for :func:`workbench.offer_matrix`.
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current offer table (one row per segment with a rule; action texts that are the
        method's own are saved as their keys, so they read in either language) into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Controls ``"<segment>:strategy"`` (drop-down of strategy keys) and
        ``"<segment>:actions"`` (text, actions separated by ``;``). ``result`` is the edited
        offer matrix (a DataFrame as returned by :func:`workbench.offer_matrix`); choosing the
        strategy "No rule" flags the segment as having no rule. The summary shows the table.

    Notes
    -----
    In a workshop the consultant starts from the method's defaults and edits the offer with
    the client's management; ``panel.result`` is then the agreed offer matrix, ready for the
    step-7 deliverables. A segment key shared by two segmentations gets one rule.
    """
    language = check_language(language)
    base = label_offers(offer_matrix(segments, rules=rules, dimensions=dimensions), language)
    controls: dict[str, W.Widget] = {}
    options = [(t(f"strategy.{s}", language), s) for s in STRATEGIES]
    for row in base.drop_duplicates("segment").itertuples(index=False):
        controls[f"{row.segment}:strategy"] = W.Dropdown(
            options=options,
            value=row.strategy,
            description=f"{segment_label(row.segment, language)} ({count(row.n_customers, language)})",
            style={"description_width": "initial"},
            layout=W.Layout(width="38%"),
        )
        controls[f"{row.segment}:actions"] = W.Text(
            value=row.actions if row.has_rule else "",
            placeholder=t("offer.actions", language),
            layout=W.Layout(width="58%"),
            continuous_update=False,
        )

    def compute(**values: Any) -> pd.DataFrame:
        edited: dict[str, dict[str, object]] = {}
        for name, value in values.items():
            segment, _, field = name.rpartition(":")
            if field != "strategy" or value == "none":
                continue
            edited[segment] = {
                "strategy": value,
                "actions": values.get(f"{segment}:actions", ""),
            }
        return label_offers(offer_matrix(segments, rules=edited, dimensions=dimensions), language)

    panel = Panel(
        controls,
        compute,
        describe=lambda result: _offer_html(result, language),
        title=t("offer.title", language),
    )
    return attach_save(panel, "offers", workshop, lambda p: _offer_rows(p.values, language),
                       language)


def ukor_panel(
    language: str | None = None,
    scale: tuple[int, int] = (0, 4),
    answers: Mapping[str, int] | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return the УКОР self-assessment: one slider per statement, score and level live.

    Parameters
    ----------
    language : {"en", "ru"}, optional
    scale : (low, high), default (0, 4)
        Answer scale of the sliders.
    answers : mapping, optional
        Starting answers (default: the middle of the scale).
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row, and
        ``panel.save(by=...)`` writes the current answers into it (see
        :func:`workbench.save_decision`).

    Returns
    -------
    Panel
        Controls named after the keys of :data:`workbench.UKOR_QUESTIONS`; ``result`` is the
        :class:`workbench.offers.UkorResult`; the summary reads the score, the level and the
        weakest themes; the output shows the radar chart.
    """
    language = check_language(language)
    lo, hi = int(scale[0]), int(scale[1])
    start = dict(answers or {})
    controls: dict[str, W.Widget] = {}
    for q, theme in UKOR_QUESTIONS.items():
        controls[q] = W.IntSlider(
            value=int(start.get(q, (lo + hi) // 2)),
            min=lo,
            max=hi,
            description=f"{t(f'ukor.theme.{theme}', language)}: {t(f'ukor.q.{q}', language)}",
            style={"description_width": "65%"},
            layout=W.Layout(width="100%"),
            continuous_update=False,
        )

    def compute(**values: Any):
        return ukor(values, scale=(lo, hi))

    def draw(result) -> None:
        from workbench.plotting._offers import plot_ukor

        plot_ukor(result, language=language)

    panel = Panel(
        controls,
        compute,
        describe=lambda result: f"<b>{escape(describe_ukor(result, language))}</b>",
        draw=draw,
        title=f"{t('ukor.title', language)} — {t('ukor.scale_hint', language)}",
        height="480px",
    )
    return attach_save(panel, "ukor", workshop,
                       lambda p: {k: int(v) for k, v in p.values.items()}, language)

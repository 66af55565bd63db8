"""Workshop panel for step 8: the decisions of the second round.

Step 8 decides two things for the next round: how old an "open" complaint may be before it is
a question for the data owner rather than the first call (the stale-complaint age), and which
share of each action list is held out as the control group (the next round's measurement).
The panel shows what each choice means on the client's data and saves both into the workshop
file (decision ``"feedback"``: ``decisions.stale_complaint_days``, ``plan.control_share``), where
step 7's action lists (:func:`workbench.compute_deliverables`) and step 8 read them.
"""

from __future__ import annotations

import math
import os
from typing import Any

import ipywidgets as W
import pandas as pd

from workbench.client_base import WHY_NOW_DEFAULTS, stale_open_complaints
from workbench.i18n import check_language, t
from workbench.narrative import count, describe_stale_complaints, percent
from workbench.widgets._base import Panel, html_text
from workbench.widgets._save import attach_save

__all__ = ("second_round_panel",)


def second_round_panel(
    feedback: pd.DataFrame | None,
    asof: Any,
    list_sizes: pd.Series | dict[str, int] | None = None,
    stale_days: int | None = None,
    control_share: float | None = None,
    language: str | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return the step-8 panel: stale-complaint age and next round's control share.

    Parameters
    ----------
    feedback : DataFrame or None
        The feedback table (its open complaints); None: only the control share is shown.
    asof : date-like
        The run's observation end (ages of the open complaints are counted to it).
    list_sizes : Series or dict, optional
        Clients per action list of the next round (list -> clients); the control group of
        each list is ``round(share x size)``, as :func:`workbench.plan_campaign` draws it.
    stale_days : int, optional
        Start value (default: :data:`workbench.client_base.WHY_NOW_DEFAULTS` ``stale_days``).
    control_share : float, optional
        Start value (default: the campaign's 10 %).
    language : {"en", "ru"}, optional
    workshop : path, optional
        The workshop file or the client's folder: "Save this decision" writes both values.

    Returns
    -------
    Panel
        ``result`` is a dict: ``stale`` (the open complaints older than the age),
        ``n_open``, ``n_calls`` (open and younger: the first calls), ``control`` (list ->
        control clients), ``n_control``, ``n_listed``.
    """
    from workbench.campaign import CONTROL_SHARE

    language = check_language(language)
    stale_days = int(WHY_NOW_DEFAULTS["stale_days"] if stale_days is None else stale_days)
    control_share = float(CONTROL_SHARE if control_share is None else control_share)
    has_feedback = feedback is not None and len(feedback) and "kind" in feedback
    opened = (stale_open_complaints(feedback, asof, max_age_days=-1) if has_feedback
              else pd.DataFrame({"customer_id": [], "age_days": []}))
    sizes = pd.Series(dict(list_sizes) if isinstance(list_sizes, dict) else list_sizes,
                      dtype="float64") if list_sizes is not None else pd.Series(dtype="float64")
    style = {"description_width": "initial"}
    controls: dict[str, W.Widget] = {
        "stale_days": W.IntSlider(value=stale_days, min=7, max=max(365, stale_days), step=1,
                                  description=t("dash.loop.stale_days", language),
                                  continuous_update=False, style=style),
        "control_share": W.FloatSlider(value=control_share, min=0.0, max=0.5, step=0.01,
                                       description=t("dash.loop.control_share", language),
                                       continuous_update=False, style=style,
                                       readout_format=".0%"),
    }

    def compute(stale_days: int, control_share: float) -> dict[str, Any]:
        stale = opened[opened["age_days"] > float(stale_days)]
        control = sizes.map(lambda n: int(math.floor(control_share * n + 0.5))).astype("int64")
        return {"stale": stale, "n_open": len(opened), "n_calls": len(opened) - len(stale),
                "control": control, "n_control": int(control.sum()),
                "n_listed": int(sizes.sum()), "stale_days": int(stale_days),
                "control_share": float(control_share)}

    def describe(r: dict[str, Any]) -> str:
        lines = []
        if has_feedback:
            lines.append(t("dash.loop.calls", language, n=count(r["n_calls"], language),
                           open=count(r["n_open"], language),
                           days=count(r["stale_days"], language)))
            lines.append(describe_stale_complaints(r["stale"], r["stale_days"], language))
        if r["n_listed"]:
            lines.append(t("dash.loop.control", language,
                           share=percent(r["control_share"], 0, language),
                           n=count(r["n_control"], language),
                           listed=count(r["n_listed"], language)))
        return "<br>".join(html_text(x) for x in lines)

    panel = Panel(controls, compute, describe, title=t("dash.loop.title", language))
    return attach_save(panel, "feedback", workshop, lambda p: {
        "stale_days": int(p.controls["stale_days"].value),
        "control_share": round(float(p.controls["control_share"].value), 4)}, language)

"""Workshop panel for step 5: change the assumptions of the planned actions, choose the set."""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as W
import numpy as np

from workbench.action_economics import ActionEconomics, decision_values, reprice
from workbench.i18n import check_language, t
from workbench.widgets._base import Panel, html_text
from workbench.widgets._save import attach_save

__all__ = ("action_economics_panel",)

#: Assumption controls per kind of action (the others are disabled for it).
_FIELDS = {
    "improvement": ("retained", "growth", "cost_per_client", "one_off_cost"),
    "offer": ("retained", "growth", "cost_per_client", "one_off_cost"),
    "retention": ("retained", "cost_per_client"),
    "acquisition": ("conversion", "cost_per_client", "one_off_cost"),
}


def _value(x: Any) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if np.isnan(v) else v


def action_economics_panel(
    result: ActionEconomics,
    language: str | None = None,
    workshop: str | os.PathLike | None = None,
) -> Panel:
    """Return a panel where the room changes an action's assumptions and picks the chosen set.

    Parameters
    ----------
    result : ActionEconomics
        :func:`workbench.action_economics` of the client's folder.
    language : {"en", "ru"}, optional
    workshop : path, optional
        The workshop file (or the client's folder): adds a "save this decision" row;
        ``panel.save(by=...)`` writes the chosen set and the assumptions into it
        (decision ``"economics"``: :func:`workbench.action_economics.decision_values`).

    Returns
    -------
    Panel
        Controls ``action`` (which action to edit), ``chosen``, ``retained``, ``growth``,
        ``conversion``, ``cost_per_client``, ``one_off_cost``; ``result`` is the repriced
        :class:`ActionEconomics`; ``overrides`` the changed assumptions by action id; the
        summary reads the chosen set's cost, result and ROI; the output shows the plot.
    """
    from workbench.narrative._actions import _name, describe_action_economics
    from workbench.plotting._actions import plot_action_economics

    language = check_language(language)
    tab = result.table
    options = [(f"{t(f'act.kind.{r.kind}', language)}: {_name(r, language)}", str(r.id))
               for _, r in tab.iterrows()]
    state: dict[str, Any] = {"overrides": {}, "chosen": [str(i) for i in
                                                        tab.loc[tab["chosen"], "id"]],
                             "loading": False, "current": result}
    first = tab.iloc[0]
    money_max = float(max(1.0, np.nanmax(np.r_[tab["one_off_cost"].to_numpy(dtype=float),
                                              tab["cost_per_client"].to_numpy(dtype=float),
                                              1.0])))
    controls: dict[str, W.Widget] = {
        "action": W.Dropdown(options=options, value=str(first["id"]),
                             description=t("act.panel.action", language),
                             layout=W.Layout(width="520px")),
        "chosen": W.Checkbox(value=bool(first["chosen"]),
                             description=t("act.panel.chosen", language)),
        "retained": W.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.01, readout_format=".2f",
                                  description=t("act.panel.retained", language),
                                  continuous_update=False),
        "growth": W.FloatSlider(value=0.0, min=0.0, max=0.5, step=0.005, readout_format=".3f",
                                description=t("act.panel.growth", language),
                                continuous_update=False),
        "conversion": W.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.001,
                                    readout_format=".3f",
                                    description=t("act.panel.conversion", language),
                                    continuous_update=False),
        "cost_per_client": W.BoundedFloatText(value=0.0, min=0.0, max=100 * money_max,
                                              description=t("act.panel.cost_per_client",
                                                            language)),
        "one_off_cost": W.BoundedFloatText(value=0.0, min=0.0, max=100 * money_max,
                                           description=t("act.panel.one_off_cost", language)),
    }
    fields = ("retained", "growth", "conversion", "cost_per_client", "one_off_cost")

    def load(ident: str) -> None:
        """Show the current assumptions of ``ident`` in the controls (without recording)."""
        row = state["current"].table.set_index("id").loc[ident]
        state["loading"] = True
        try:
            for f in fields:
                controls[f].disabled = f not in _FIELDS[row["kind"]]
                controls[f].value = _value(row.get(f))
            controls["chosen"].value = ident in state["chosen"]
        finally:
            state["loading"] = False

    def record(change: Any) -> None:
        if state["loading"]:
            return
        ident = controls["action"].value
        name = change["owner"]._workbench_field
        if name == "chosen":
            chosen = [c for c in state["chosen"] if c != ident]
            if change["new"]:
                chosen.append(ident)
            state["chosen"] = [str(i) for i in tab["id"] if str(i) in set(chosen)]
        else:
            state["overrides"].setdefault(ident, {})[name] = float(change["new"])

    for name, c in controls.items():
        c._workbench_field = name
        if name == "action":
            c.observe(lambda ch: load(ch["new"]), names="value")  # before the panel's update
        else:
            c.observe(record, names="value")
    load(str(first["id"]))

    def compute(**_values: Any) -> ActionEconomics:
        current = reprice(result, state["overrides"], state["chosen"])
        state["current"] = current
        return current

    def describe(res: ActionEconomics) -> str:
        return html_text(describe_action_economics(res, language))

    def draw(res: ActionEconomics) -> None:
        plot_action_economics(res, language=language)

    class ActionPanel(Panel):
        def _on_change(self, _change: Any = None) -> None:
            if not state["loading"]:  # one update per action switch, not one per control
                self.update()

    panel = ActionPanel(controls, compute, describe, draw,
                         title=t("act.panel.title", language), height="520px")
    panel.overrides = state["overrides"]

    def values(p: Panel) -> dict[str, Any]:
        from workbench.workshop import find_workshop_file, read_workshop

        path = os.fspath(workshop)
        target = find_workshop_file(path) if os.path.isdir(path) else path
        ws = read_workshop(target) if target is not None and os.path.exists(target) else None
        return decision_values(p.result, ws)

    return attach_save(panel, "economics", workshop, values, language)

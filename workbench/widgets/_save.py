"""The "save this decision" action of the decision panels.

A decision panel built with ``workshop=`` (the workshop file, or the client's folder) gets a
row under its controls: a "Who" text box and a "Save this decision" button. Clicking it — or
calling ``panel.save(by="…")`` from code or a test — writes the panel's current values into
the workshop file (:func:`workbench.save_decision`, with who and when in a comment), so that
the next ``workbench run`` and ``actions.xlsx`` reproduce the room's choice.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as W

from workbench.i18n import t
from workbench.widgets._base import Panel

__all__ = ("attach_save",)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def attach_save(
    panel: Panel,
    decision: str,
    workshop: str | os.PathLike | None,
    values: Callable[[Panel], Mapping[str, Any] | Any],
    language: str,
) -> Panel:
    """Give ``panel`` a ``save(by=None, at=None)`` method and, with a workshop, a save row.

    Parameters
    ----------
    panel : Panel
    decision : str
        A key of :data:`workbench.workshop.DECISIONS`.
    workshop : path or None
        The workshop file or the client's folder; ``None``: no save row, and ``panel.save``
        raises (there is nowhere to write).
    values : callable
        ``values(panel) -> what save_decision writes`` (read from the current controls).
    language : str
        Language of the button and the status line.

    Returns
    -------
    Panel
        The same panel, with ``save``, ``save_status`` (HTML) and ``saved`` (the
        :class:`workbench.Workshop` written last, or None).
    """
    from workbench.errors import WorkbenchError
    from workbench.workshop import save_decision

    panel.saved = None
    panel.save_status = W.HTML()

    def save(by: str | None = None, at: str | None = None):
        if workshop is None:
            raise WorkbenchError("this panel was built without workshop=: nowhere to save")
        if panel.error is not None or panel.result is None:
            panel.save_status.value = html.escape(t("wsf.save.nothing", language))
            raise WorkbenchError(t("wsf.save.nothing", language))
        chosen = values(panel)
        try:
            ws = save_decision(workshop, decision, chosen, by=by or None, at=at)
        except (WorkbenchError, OSError) as exc:
            panel.save_status.value = ("<span style='color:#b00'>" + html.escape(
                t("wsf.save.failed", language, error=str(exc))) + "</span>")
            raise
        panel.saved = ws
        shown = chosen if isinstance(chosen, Mapping) and len(chosen) <= 6 else {}
        panel.save_status.value = html.escape(t(
            "wsf.save.done", language, file=Path(ws.path).name if ws.path else "",
            decision=t(f"wsf.decision.{decision}", language),
            values=", ".join(f"{k} = {_short(v)}" for k, v in shown.items()) or "…"))
        return ws

    panel.save = save
    if workshop is not None:
        who = W.Text(value="", placeholder=t("wsf.save.who", language),
                     description=t("wsf.save.who", language), layout=W.Layout(width="260px"))
        button = W.Button(description=t("wsf.save.button", language), icon="save",
                          button_style="success", layout=W.Layout(width="auto"))

        def on_click(_b: Any) -> None:
            try:
                save(by=who.value.strip() or None)
            except (WorkbenchError, OSError):
                pass  # the status line says why

        button.on_click(on_click)
        panel.save_controls = {"who": who, "button": button}
        children = list(panel.children)
        # under the controls, above the summary
        at = 2 if len(children) > 2 and isinstance(children[0], W.HTML) else 1
        children.insert(at, W.VBox([W.HBox([who, button]), panel.save_status]))
        panel.children = tuple(children)
    return panel

"""The one widget pattern of the workbench.

Every widget factory in :mod:`workbench.widgets` returns a :class:`Panel`: a VBox holding named
controls, a computed-text summary (an HTML widget) and an output area for a plot or table. A
*pure, tested* function computes the result from the control values; the panel only wires
controls to it. Tests drive a panel without a browser::

    panel = workbench.widgets.abc_xyz_panel(tx)
    panel.controls["abc_a"].value = 0.7        # the callback runs synchronously
    panel.result                               # the recomputed DataFrame
    panel.summary.value                        # the text the audience reads
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

try:  # guarded optional import (seaborn style)
    import ipywidgets as W
except ImportError as exc:  # pragma: no cover - ipywidgets is a dependency
    raise ImportError(
        "workbench.widgets needs ipywidgets: pip install ipywidgets (or `make setup`)"
    ) from exc

__all__ = ("Panel", "html_text")


def html_text(text: object) -> str:
    r"""Escape plain text for an HTML widget; line breaks become ``<br>``.

    Every text that reaches HTML goes through this (or :func:`html.escape`): summaries and
    error messages quote the client's data (ids, names, comments, column headers), and a value
    like ``<img src=x onerror=...>`` must show as text, never run.

    Examples
    --------
    >>> html_text('Client <b>"A&B"</b>\nsecond line')
    'Client &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;<br>second line'
    """
    return "<br>".join(escape(line) for line in str(text).split("\n"))


class Panel(W.VBox):
    """Controls + computed summary + output area, recomputed on every control change.

    Parameters
    ----------
    controls : mapping of str to ipywidgets.ValueWidget
        Named controls; their ``.value`` s are passed to ``compute`` as keyword arguments.
    compute : callable
        ``compute(**values) -> result``; a thin wrapper over a tested package function.
    describe : callable, optional
        ``describe(result) -> str`` (HTML) read aloud under the controls; escape every data
        value in it (:func:`html_text`).
    draw : callable, optional
        ``draw(result) -> None`` drawing into the current matplotlib figure / displaying a table;
        called inside the output area.
    title : str, optional
        Heading shown above the controls (already translated).
    height : str, default "420px"
        Fixed height of the output area (no jumping layout in a workshop).
    """

    def __init__(
        self,
        controls: Mapping[str, W.Widget],
        compute: Callable[..., Any],
        describe: Callable[[Any], str] | None = None,
        draw: Callable[[Any], None] | None = None,
        title: str | None = None,
        height: str = "420px",
    ) -> None:
        self.controls = dict(controls)
        self._compute = compute
        self._describe = describe
        self._draw = draw
        self.result: Any = None
        self.error: str | None = None
        self.summary = W.HTML()
        self.output = W.Output(layout=W.Layout(min_height=height if draw else "0px"))
        children: list[W.Widget] = []
        if title:
            children.append(W.HTML(f"<b>{html_text(title)}</b>"))
        children.append(W.HBox(list(self.controls.values()), layout=W.Layout(flex_flow="row wrap")))
        children.append(self.summary)
        if draw is not None:
            children.append(self.output)
        super().__init__(children)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        """Current control values by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _on_change(self, _change: Any = None) -> None:
        self.update()

    def update(self) -> Any:
        """Recompute the result from the current control values and refresh the display."""
        from workbench.errors import WorkbenchError

        try:
            self.result = self._compute(**self.values)
            self.error = None
        except WorkbenchError as exc:  # bad combination of settings: say so, keep the panel
            self.result = None
            self.error = str(exc)
            self.summary.value = f"<span style='color:#b00'>{html_text(exc)}</span>"
            return None
        if self._describe is not None:
            self.summary.value = self._describe(self.result)
        if self._draw is not None:
            self.output.clear_output(wait=True)
            with self.output:
                self._draw(self.result)
                # a draw that made a figure imported pyplot; one that did not (a table) leaves
                # it unimported (about a second in a kernel that plots nothing)
                plt = sys.modules.get("matplotlib.pyplot")
                if plt is not None and plt.get_fignums():
                    plt.show()
        return self.result

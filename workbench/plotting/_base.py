"""Helpers shared by the plotting modules (never imported by computation modules)."""

from __future__ import annotations

import functools
import inspect

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, ScalarFormatter

from workbench.i18n import t
from workbench.narrative._format import number, percent

__all__ = ("LocaleFormatter", "get_ax", "label", "localized", "place_labels", "share_axis")


class LocaleFormatter(ScalarFormatter):
    """Tick labels as matplotlib would choose them, written in the language's marks.

    The decimals are the ones the default formatter picks; the number is then written by the
    locale formatter: ``0,2``, ``1 600``, ``−5`` in Russian, ``0.2``, ``1,600``, ``−5`` in
    English (no offset, no scientific notation on money axes).
    """

    def __init__(self, language: str | None = None) -> None:
        super().__init__(useOffset=False)
        self.set_scientific(False)
        self.language = language

    def __call__(self, x, pos=None) -> str:
        text = super().__call__(x, pos)
        if not text:
            return text
        plain = text.replace("\u2212", "-").replace("$", "").replace("\\mathdefault{", "")
        digits = len(plain.split(".")[1].rstrip("}")) if "." in plain else 0
        return number(x, digits, self.language)


def share_axis(axis, language: str | None = None, digits: int = 0) -> None:
    """Write a 0–1 share axis as percents in the language (``45 %`` / ``45%``)."""
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: percent(v, digits, language)))


def localize(ax: Axes, language: str | None = None) -> Axes:
    """Give every linear axis of ``ax``'s figure still on the default formatter the locale's."""
    for each in ax.figure.axes if ax.figure is not None else [ax]:
        for axis in (each.xaxis, each.yaxis):
            formatter = axis.get_major_formatter()
            if type(formatter) is ScalarFormatter and axis.get_scale() == "linear":
                axis.set_major_formatter(LocaleFormatter(language))
    return ax


def localized(plot):
    """Decorator of a plot function: its axes' numbers in the language of the call."""
    signature = inspect.signature(plot)

    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        ax = plot(*args, **kwargs)
        bound = signature.bind_partial(*args, **kwargs)
        language = bound.arguments.get("language")
        if isinstance(ax, Axes):
            localize(ax, language)
        elif isinstance(ax, (list, tuple)) or hasattr(ax, "flat"):
            for each in getattr(ax, "flat", ax):
                if isinstance(each, Axes):
                    localize(each, language)
        return ax

    return wrapper


def get_ax(ax: Axes | None = None, figsize: tuple[float, float] = (7.0, 4.5)) -> Axes:
    """Return ``ax`` or a new Axes on a new figure of ``figsize``."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def label(key: str, language: str | None = None, **fmt: object) -> str:
    """Translate a catalogue key for a title or axis label."""
    return t(key, language, **fmt)


def place_labels(ax: Axes, x, y, names, fontsize: float = 8, **kwargs) -> list:
    """Write each point's name next to it without two labels overlapping.

    For each point, in order, the first of a ring of candidate positions (right, above-right,
    above, left …, then further out) whose text box overlaps no label placed before, no other
    point and stays inside the Axes is taken; a label moved away from its point gets a thin
    leader line. Deterministic: the same data gives the same picture.

    Returns the list of Annotation objects.
    """
    import numpy as np

    fig = ax.figure
    fig.canvas.draw_idle()
    renderer = fig.canvas.get_renderer()
    pts = ax.transData.transform(np.column_stack([np.asarray(x, float), np.asarray(y, float)]))
    box = ax.get_window_extent(renderer)
    placed: list = []
    texts = []
    directions = [(1, 0.2), (1, 1), (0, 1), (-1, 1), (-1, 0.2), (-1, -1), (0, -1), (1, -1)]
    for i, (name, (px, py)) in enumerate(zip(names, pts, strict=True)):
        probe = ax.annotate(str(name), (x[i], y[i]), fontsize=fontsize)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        w, h = extent.width, extent.height
        choice = None
        for radius in (6, 14, 24, 36, 50):
            for dx, dy in directions:
                left = px + dx * radius + (0 if dx >= 0 else -w) + (-w / 2 if dx == 0 else 0)
                bottom = py + dy * radius + (0 if dy >= 0 else -h) - (h / 2 if dy == 0.2 else 0)
                rect = (left, bottom, left + w, bottom + h)
                inside = (rect[0] >= box.x0 and rect[2] <= box.x1 and rect[1] >= box.y0
                          and rect[3] <= box.y1)
                clash = any(not (rect[2] < r[0] or rect[0] > r[2] or rect[3] < r[1]
                                 or rect[1] > r[3]) for r in placed)
                hits = any(rect[0] - 3 <= qx <= rect[2] + 3 and rect[1] - 3 <= qy <= rect[3] + 3
                           for j, (qx, qy) in enumerate(pts) if j != i)
                if inside and not clash and not hits:
                    choice = (rect, radius)
                    break
            if choice:
                break
        if choice is None:  # nowhere free: the nearest position, as before
            rect = (px + 6, py + 2, px + 6 + w, py + 2 + h)
            choice = (rect, 6)
        rect, radius = choice
        placed.append(rect)
        xy_text = ax.transData.inverted().transform((rect[0], rect[1]))
        arrow = {"arrowstyle": "-", "color": "grey", "lw": 0.6} if radius > 14 else None
        texts.append(ax.annotate(str(name), (x[i], y[i]), xytext=xy_text, textcoords="data",
                                 ha="left", va="bottom", fontsize=fontsize, arrowprops=arrow,
                                 **kwargs))
    return texts

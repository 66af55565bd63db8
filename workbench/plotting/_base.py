"""Helpers shared by the plotting modules (never imported by computation modules)."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from workbench.i18n import t

__all__ = ("get_ax", "label")


def get_ax(ax: Axes | None = None, figsize: tuple[float, float] = (7.0, 4.5)) -> Axes:
    """Return ``ax`` or a new Axes on a new figure of ``figsize``."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def label(key: str, language: str | None = None, **fmt: object) -> str:
    """Translate a catalogue key for a title or axis label."""
    return t(key, language, **fmt)

"""Seaborn/matplotlib plots. Each takes ``ax=None``, ``language=`` and returns the Axes.

Computation modules never import this package; plots sit on top of them.
"""

from __future__ import annotations

# --- analytics core (issue 3) ---
# --- churn and economics (issue 4) ---
from workbench.plotting._churn import (
    plot_calibration,
    plot_gain_curve,
    plot_importances,
    plot_money_confusion,
    plot_risk_bands,
)
# --- expectations, priorities, offers, feedback (issue 5) ---

__all__ = (
    "plot_calibration",
    "plot_gain_curve",
    "plot_importances",
    "plot_money_confusion",
    "plot_risk_bands",
)

"""Seaborn/matplotlib plots. Each takes ``ax=None``, ``language=`` and returns the Axes.

Computation modules never import this package; plots sit on top of them.
"""

from __future__ import annotations

from workbench.plotting._actions import plot_action_economics
from workbench.plotting._campaign import plot_campaign_effect
from workbench.plotting._churn import (
    plot_calibration,
    plot_gain_curve,
    plot_importances,
    plot_money_confusion,
    plot_risk_bands,
)
from workbench.plotting._expectations import (
    plot_expectation_ladder,
    plot_gaps,
    plot_ipa,
    plot_kano,
    plot_kano_cs,
    plot_priorities,
    plot_source_yield,
)
from workbench.plotting._feedback import (
    plot_complaint_churn,
    plot_complaint_pareto,
    plot_funnel,
    plot_loop_check,
    plot_nps,
)
from workbench.plotting._offers import plot_competitiveness, plot_golden_drops, plot_ukor
from workbench.plotting._segmentation import (
    plot_abc_pareto,
    plot_abc_xyz_matrix,
    plot_cluster_profiles,
    plot_ladder,
    plot_rfm_heatmap,
    plot_silhouette,
)
from workbench.plotting._value import plot_holdout_by_frequency, plot_tracking

__all__ = (
    "plot_abc_pareto",
    "plot_abc_xyz_matrix",
    "plot_action_economics",
    "plot_calibration",
    "plot_campaign_effect",
    "plot_cluster_profiles",
    "plot_competitiveness",
    "plot_complaint_churn",
    "plot_complaint_pareto",
    "plot_expectation_ladder",
    "plot_funnel",
    "plot_gain_curve",
    "plot_gaps",
    "plot_golden_drops",
    "plot_holdout_by_frequency",
    "plot_importances",
    "plot_ipa",
    "plot_kano",
    "plot_kano_cs",
    "plot_ladder",
    "plot_loop_check",
    "plot_money_confusion",
    "plot_nps",
    "plot_priorities",
    "plot_rfm_heatmap",
    "plot_risk_bands",
    "plot_silhouette",
    "plot_source_yield",
    "plot_tracking",
    "plot_ukor",
)

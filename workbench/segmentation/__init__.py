"""Step 4 of the method: RFM, a lifetimes-compatible summary, ABC-XYZ, the loyalty ladder and
clustering segmentation. Computation only: the sentences and display tables are in
:mod:`workbench.narrative`, the plots in :mod:`workbench.plotting`."""

from __future__ import annotations

from workbench._lazy import lazy_exports
from workbench.segmentation.abc_xyz import (
    ABC_XYZ_ACTIONS,
    ABC_XYZ_CELLS,
    DEFAULT_ABC,
    DEFAULT_XYZ,
    abc_xyz,
    abc_xyz_summary,
)
from workbench.segmentation.btyd import AVERAGE_MONTH_DAYS, btyd_summary
from workbench.segmentation.compare import (
    cramers_v,
    criteria_agreement,
    segment_criteria,
    segment_crosstab,
)
from workbench.segmentation.ladder import (
    LADDER_RULES,
    LADDER_RUNGS,
    LADDER_STRATEGIES,
    active_only,
    ladder_summary,
    ladder_transitions,
    loyalty_ladder,
)
from workbench.segmentation.rfm import (
    RFM_SEGMENTS,
    assign_segments,
    quintile_scores,
    rfm_summary,
    rfm_table,
)

__all__ = (
    "ABC_XYZ_ACTIONS",
    "ABC_XYZ_CELLS",
    "AVERAGE_MONTH_DAYS",
    "DEFAULT_ABC",
    "DEFAULT_XYZ",
    "LADDER_RULES",
    "LADDER_RUNGS",
    "LADDER_STRATEGIES",
    "RFM_SEGMENTS",
    "SEGMENT_FEATURE_KINDS",
    "Segmenter",
    "abc_xyz",
    "abc_xyz_summary",
    "active_only",
    "assign_segments",
    "btyd_summary",
    "cramers_v",
    "criteria_agreement",
    "customer_feature_table",
    "ladder_summary",
    "ladder_transitions",
    "loyalty_ladder",
    "quintile_scores",
    "rfm_summary",
    "rfm_table",
    "segment_criteria",
    "segment_crosstab",
)

#: Clustering is built on scikit-learn, imported on first use (``import workbench`` stays quick).
_LAZY = dict.fromkeys(
    ("SEGMENT_FEATURE_KINDS", "Segmenter", "customer_feature_table"),
    "workbench.segmentation.clustering",
)
__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)

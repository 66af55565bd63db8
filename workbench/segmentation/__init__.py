"""Step 4 of the method: RFM, a lifetimes-compatible summary, ABC-XYZ, the loyalty ladder and
clustering segmentation. Computation only (no plotting imports)."""

from __future__ import annotations

from workbench.segmentation.abc_xyz import (
    ABC_XYZ_ACTIONS,
    ABC_XYZ_CELLS,
    DEFAULT_ABC,
    DEFAULT_XYZ,
    abc_xyz,
    abc_xyz_summary,
)
from workbench.segmentation.btyd import AVERAGE_MONTH_DAYS, btyd_summary
from workbench.segmentation.clustering import (
    SEGMENT_FEATURE_KINDS,
    Segmenter,
    customer_feature_table,
)
from workbench.segmentation.ladder import (
    LADDER_RULES,
    LADDER_RUNGS,
    LADDER_STRATEGIES,
    ladder_transitions,
    loyalty_ladder,
)
from workbench.segmentation.rfm import RFM_SEGMENTS, assign_segments, quintile_scores, rfm_table

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
    "assign_segments",
    "btyd_summary",
    "customer_feature_table",
    "ladder_transitions",
    "loyalty_ladder",
    "quintile_scores",
    "rfm_table",
)

"""Step 4 of the method: RFM, a lifetimes-compatible summary, ABC-XYZ, the loyalty ladder and
clustering segmentation. Computation only (no plotting imports)."""

from __future__ import annotations

from workbench.segmentation.btyd import AVERAGE_MONTH_DAYS, btyd_summary
from workbench.segmentation.rfm import RFM_SEGMENTS, assign_segments, quintile_scores, rfm_table

__all__ = (
    "AVERAGE_MONTH_DAYS",
    "RFM_SEGMENTS",
    "assign_segments",
    "btyd_summary",
    "quintile_scores",
    "rfm_table",
)

"""workbench: data work for the eight steps of client orientation (клиентоориентация).

The package computes; the notebooks in ``notebooks/`` narrate. Public functions are
re-exported here; see ``README.md`` and ``docs/`` for the map of the method onto the API.
"""

from __future__ import annotations

from workbench.errors import (
    DataFileError,
    InsufficientHistoryError,
    MissingColumnsError,
    WorkbenchError,
)
from workbench.i18n import set_language, t

# --- foundation: loaders, sample business (issue 2) ---
# --- analytics core: RFM, BTYD, ABC-XYZ, ladder, Segmenter (issue 3) ---
from workbench.segmentation import RFM_SEGMENTS, rfm_table
# --- churn and retention economics (issue 4) ---
# --- expectations, priorities, offers, feedback (issue 5) ---
# --- workshop: runner, deliverables (issue 6) ---

__version__ = "0.1.0"

__all__ = (
    "DataFileError",
    "InsufficientHistoryError",
    "MissingColumnsError",
    "RFM_SEGMENTS",
    "WorkbenchError",
    "__version__",
    "rfm_table",
    "set_language",
    "t",
)

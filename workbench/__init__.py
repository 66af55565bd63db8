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
from workbench.datasets import generate_sample, load_sample, make_transactions, write_sample
from workbench.io import (
    DataFolder,
    LoadReport,
    load_customers,
    load_feedback,
    load_folder,
    load_leads,
    load_mapping,
    load_survey,
    load_transactions,
)
# --- analytics core: RFM, BTYD, ABC-XYZ, ladder, Segmenter (issue 3) ---
from workbench.segmentation import (
    ABC_XYZ_ACTIONS,
    LADDER_RULES,
    LADDER_STRATEGIES,
    RFM_SEGMENTS,
    Segmenter,
    abc_xyz,
    abc_xyz_summary,
    btyd_summary,
    ladder_transitions,
    loyalty_ladder,
    rfm_table,
)
# --- churn and retention economics (issue 4) ---
from workbench.churn import (
    DEFAULT_RISK_CUTOFFS,
    ChurnModel,
    churn_labels,
    customer_features,
    risk_band,
)
from workbench.economics import RetentionPlan, expected_value, money_confusion, retention_plan
# --- expectations, priorities, offers, feedback (issue 5) ---
from workbench.expectations import (
    KANO_TABLE,
    expectation_ladder,
    expectation_ladder_summary,
    gap_analysis,
    importance_performance,
    kano,
    quotes,
    source_yield,
)
from workbench.priorities import priorities
from workbench.feedback import (
    complaints_summary,
    describe_complaints,
    describe_funnel,
    describe_loop_check,
    describe_nps,
    describe_plan,
    describe_refusals,
    describe_second_round,
    funnel,
    loop_check,
    nps,
    plan_backwards,
)
from workbench.offers import (
    OFFER_RULES,
    UKOR_QUESTIONS,
    competitiveness,
    describe_competitiveness,
    describe_golden_drops,
    describe_offer_matrix,
    describe_survey_advantages,
    format_golden_drops,
    format_offer_matrix,
    golden_drops,
    offer_matrix,
    offer_rules_frame,
    segment_label,
    survey_advantages,
    ukor,
)
# --- workshop: runner, deliverables (issue 6) ---
from workbench.notebook_text import (
    data_model_table,
    describe_folder,
    describe_load,
    needs,
    steps_table,
    versions,
)

__version__ = "0.1.0"

__all__ = (
    "ABC_XYZ_ACTIONS",
    "ChurnModel",
    "DEFAULT_RISK_CUTOFFS",
    "DataFileError",
    "DataFolder",
    "InsufficientHistoryError",
    "KANO_TABLE",
    "LADDER_RULES",
    "LADDER_STRATEGIES",
    "LoadReport",
    "MissingColumnsError",
    "OFFER_RULES",
    "RFM_SEGMENTS",
    "RetentionPlan",
    "Segmenter",
    "UKOR_QUESTIONS",
    "WorkbenchError",
    "__version__",
    "abc_xyz",
    "abc_xyz_summary",
    "btyd_summary",
    "churn_labels",
    "competitiveness",
    "complaints_summary",
    "customer_features",
    "data_model_table",
    "describe_competitiveness",
    "describe_complaints",
    "describe_folder",
    "describe_funnel",
    "describe_golden_drops",
    "describe_load",
    "describe_loop_check",
    "describe_nps",
    "describe_offer_matrix",
    "describe_plan",
    "describe_refusals",
    "describe_second_round",
    "describe_survey_advantages",
    "expectation_ladder",
    "expectation_ladder_summary",
    "expected_value",
    "format_golden_drops",
    "format_offer_matrix",
    "funnel",
    "gap_analysis",
    "generate_sample",
    "golden_drops",
    "importance_performance",
    "kano",
    "ladder_transitions",
    "load_customers",
    "load_feedback",
    "load_folder",
    "load_leads",
    "load_mapping",
    "load_sample",
    "load_survey",
    "load_transactions",
    "loop_check",
    "loyalty_ladder",
    "make_transactions",
    "money_confusion",
    "needs",
    "nps",
    "offer_matrix",
    "offer_rules_frame",
    "plan_backwards",
    "priorities",
    "quotes",
    "retention_plan",
    "rfm_table",
    "risk_band",
    "segment_label",
    "set_language",
    "source_yield",
    "steps_table",
    "survey_advantages",
    "t",
    "ukor",
    "versions",
    "write_sample",
)

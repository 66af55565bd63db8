"""workbench: data work for the eight steps of client orientation (клиентоориентация).

The package computes; the notebooks in ``notebooks/`` narrate. Public functions are
re-exported here; see ``README.md`` and ``docs/`` for the map of the method onto the API.
"""

from __future__ import annotations

from workbench import narrative as _narrative  # the text layer (its names: see below)
from workbench import survey as survey  # questionnaires, wide exports, instruments
from workbench._lazy import lazy_exports
from workbench.action_economics import ActionEconomics, action_economics
from workbench.campaign import (
    Campaign,
    CampaignEffect,
    load_second_round,
    measure_campaign,
    plan_campaign,
    read_campaign,
    save_success_rate,
    write_campaign,
)
from workbench.churn import (
    DEFAULT_RISK_CUTOFFS,
    backtest_asof,
    churn_labels,
    customer_features,
    risk_band,
)
from workbench.client_base import (
    ClientBase,
    base_counts,
    client_base,
    client_card,
    count_disagreements,
    load_counts,
    referrals,
    save_counts,
    silent_leavers,
    stale_open_complaints,
    why_now,
    yearly_attrition,
)
from workbench.datasets import generate_sample, load_sample, make_transactions, write_sample
from workbench.deliverables import (
    Deliverables,
    ExportResult,
    compute_deliverables,
    csv_safe,
    describe_deliverables,
    describe_export,
    describe_strategy,
    export_deliverables,
    format_action_list,
    format_summary,
    offer_cards,
    read_deliverable_csv,
    select_deliverables,
    write_deliverables,
)
from workbench.economics import (
    RetentionPlan,
    default_offer_cost,
    expected_value,
    money_confusion,
    retention_plan,
    retention_value,
    retention_value_by_horizon,
)
from workbench.engine import client_tables, spark_client_tables
from workbench.errors import (
    DataFileError,
    InsufficientHistoryError,
    MissingColumnsError,
    WorkbenchError,
)
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
from workbench.feedback import (
    complaints_summary,
    funnel,
    loop_check,
    nps,
    plan_backwards,
)
from workbench.i18n import set_language, t
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
from workbench.offers import (
    CONSUMER_OFFER_RULES,
    OFFER_RULES,
    UKOR_QUESTIONS,
    client_kind,
    competitiveness,
    default_offer_rules,
    golden_drops,
    offer_matrix,
    offer_rules_frame,
    survey_advantages,
    ukor,
)
from workbench.priorities import priorities
from workbench.segmentation import (
    ABC_XYZ_ACTIONS,
    LADDER_RULES,
    LADDER_STRATEGIES,
    RFM_SEGMENTS,
    abc_xyz,
    abc_xyz_summary,
    active_only,
    btyd_summary,
    criteria_agreement,
    ladder_summary,
    ladder_transitions,
    loyalty_ladder,
    rfm_summary,
    rfm_table,
    segment_criteria,
    segment_crosstab,
)
from workbench.workshop import (
    Workshop,
    WorkshopError,
    data_passport,
    missing_inputs,
    read_workshop,
    save_decision,
)

__version__ = "0.1.0"

#: The text layer's public names, but its formatters and labels (``PACKAGE_ONLY``), are
#: re-exported here: one list, in :mod:`workbench.narrative`.
_TEXT_LAYER = tuple(n for n in _narrative.__all__ if n not in _narrative.PACKAGE_ONLY)
globals().update({name: getattr(_narrative, name) for name in _TEXT_LAYER})

#: Built on scikit-learn, imported on first use: ``import workbench`` stays quick.
_LAZY = {
    "ChurnModel": "workbench.churn._model",
    "Segmenter": "workbench.segmentation.clustering",
    "customer_feature_table": "workbench.segmentation.clustering",
}

__all__ = (
    "ABC_XYZ_ACTIONS",
    "ActionEconomics",
    "CONSUMER_OFFER_RULES",
    "Campaign",
    "CampaignEffect",
    "ChurnModel",
    "ClientBase",
    "DEFAULT_RISK_CUTOFFS",
    "DataFileError",
    "DataFolder",
    "Deliverables",
    "ExportResult",
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
    "Workshop",
    "WorkshopError",
    "__version__",
    "abc_xyz",
    "abc_xyz_summary",
    "action_economics",
    "active_only",
    "backtest_asof",
    "base_counts",
    "btyd_summary",
    "churn_labels",
    "client_base",
    "client_card",
    "client_kind",
    "client_tables",
    "competitiveness",
    "complaints_summary",
    "compute_deliverables",
    "count_disagreements",
    "criteria_agreement",
    "csv_safe",
    "customer_feature_table",
    "customer_features",
    "data_passport",
    "default_offer_cost",
    "default_offer_rules",
    "describe_deliverables",
    "describe_export",
    "describe_strategy",
    "expectation_ladder",
    "expectation_ladder_summary",
    "expected_value",
    "export_deliverables",
    "format_action_list",
    "format_summary",
    "funnel",
    "gap_analysis",
    "generate_sample",
    "golden_drops",
    "importance_performance",
    "kano",
    "ladder_summary",
    "ladder_transitions",
    "load_counts",
    "load_customers",
    "load_feedback",
    "load_folder",
    "load_leads",
    "load_mapping",
    "load_sample",
    "load_second_round",
    "load_survey",
    "load_transactions",
    "loop_check",
    "loyalty_ladder",
    "make_transactions",
    "measure_campaign",
    "missing_inputs",
    "money_confusion",
    "nps",
    "offer_cards",
    "offer_matrix",
    "offer_rules_frame",
    "plan_backwards",
    "plan_campaign",
    "priorities",
    "quotes",
    "read_campaign",
    "read_deliverable_csv",
    "read_workshop",
    "referrals",
    "retention_plan",
    "retention_value",
    "retention_value_by_horizon",
    "rfm_summary",
    "rfm_table",
    "risk_band",
    "save_counts",
    "save_decision",
    "save_success_rate",
    "segment_criteria",
    "segment_crosstab",
    "select_deliverables",
    "set_language",
    "silent_leavers",
    "source_yield",
    "spark_client_tables",
    "stale_open_complaints",
    "survey_advantages",
    "t",
    "ukor",
    "why_now",
    "write_campaign",
    "write_deliverables",
    "write_sample",
    "yearly_attrition",
)
__all__ = tuple(sorted(__all__ + _TEXT_LAYER))  # alphabetised, the text layer's names in

__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)

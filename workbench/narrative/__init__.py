"""The text layer: sentences and display tables in the audience's language, over the computation.

Computation modules (``workbench.expectations``, ``workbench.offers`` …) return data and keys;
this package turns them into what an audience reads, one module per step of the method, and
holds the one locale formatter (:mod:`workbench.narrative._format`) that plots, widgets and
deliverables use too.
"""

from __future__ import annotations

from workbench.narrative._expectations import (
    describe_competitor,
    describe_expectation_ladder,
    describe_expectations,
    describe_gaps,
    describe_importance_performance,
    describe_kano,
    describe_quotes,
    describe_source_yield,
    describe_survey,
    format_gaps,
    format_importance_performance,
    format_kano,
    format_source_yield,
)
from workbench.narrative._feedback import (
    describe_complaints,
    describe_funnel,
    describe_loop_check,
    describe_nps,
    describe_plan,
    describe_refusals,
    describe_second_round,
    format_open_complaints,
)
from workbench.narrative._format import (
    CURRENCIES,
    count,
    date,
    decimal,
    listing,
    money,
    number,
    percent,
    plural,
    points,
    quantity,
    quote,
    span,
)
from workbench.narrative._offers import (
    action_text,
    describe_competitiveness,
    describe_golden_drops,
    describe_offer_matrix,
    describe_survey_advantages,
    describe_ukor,
    format_golden_drops,
    format_offer_matrix,
    label_offers,
    segment_label,
    strategy_label,
)
from workbench.narrative._priorities import (
    describe_priorities,
    describe_tradeoff,
    format_priorities,
)

__all__ = (
    "CURRENCIES",
    "action_text",
    "count",
    "date",
    "decimal",
    "describe_competitiveness",
    "describe_competitor",
    "describe_complaints",
    "describe_expectation_ladder",
    "describe_expectations",
    "describe_funnel",
    "describe_gaps",
    "describe_golden_drops",
    "describe_importance_performance",
    "describe_kano",
    "describe_loop_check",
    "describe_nps",
    "describe_offer_matrix",
    "describe_plan",
    "describe_priorities",
    "describe_quotes",
    "describe_refusals",
    "describe_second_round",
    "describe_source_yield",
    "describe_survey",
    "describe_survey_advantages",
    "describe_tradeoff",
    "describe_ukor",
    "format_gaps",
    "format_golden_drops",
    "format_importance_performance",
    "format_kano",
    "format_offer_matrix",
    "format_open_complaints",
    "format_priorities",
    "format_source_yield",
    "label_offers",
    "listing",
    "money",
    "number",
    "percent",
    "plural",
    "points",
    "quantity",
    "quote",
    "segment_label",
    "span",
    "strategy_label",
)

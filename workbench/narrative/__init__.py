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
from workbench.narrative._priorities import (
    describe_priorities,
    describe_tradeoff,
    format_priorities,
)

__all__ = (
    "CURRENCIES",
    "count",
    "date",
    "decimal",
    "describe_competitor",
    "describe_expectation_ladder",
    "describe_expectations",
    "describe_gaps",
    "describe_importance_performance",
    "describe_kano",
    "describe_priorities",
    "describe_quotes",
    "describe_source_yield",
    "describe_survey",
    "describe_tradeoff",
    "format_gaps",
    "format_importance_performance",
    "format_kano",
    "format_priorities",
    "format_source_yield",
    "listing",
    "money",
    "number",
    "percent",
    "plural",
    "points",
    "quantity",
    "quote",
    "span",
)

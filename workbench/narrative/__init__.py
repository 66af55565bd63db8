"""The text layer: sentences and display tables in the audience's language, over the computation.

Computation modules (``workbench.expectations``, ``workbench.offers`` …) return data and keys;
this package turns them into what an audience reads, one module per step of the method, and
holds the one locale formatter (:mod:`workbench.narrative._format`) that plots, widgets and
deliverables use too.
"""

from __future__ import annotations

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

__all__ = (
    "CURRENCIES",
    "count",
    "date",
    "decimal",
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

"""Loaders for real client exports: CSV/TSV/TXT, Excel, Parquet or a DataFrame.

Every loader returns ``(frame, report)``: the canonical table (see :mod:`workbench.schema`
and ``docs/data.md``) and a :class:`LoadReport` saying what was detected, kept and rejected.
Messy input is handled without user code: encodings (utf-8, utf-8 with BOM, cp1251),
delimiters (``,`` ``;`` tab), decimal commas, thousands separators, currency signs, dates in
Russian, ISO and Excel notations, Russian and English header names. Rows that cannot be used
are rejected with a reason; nothing is dropped silently.

Examples
--------
>>> import workbench as wb
>>> tx, report = wb.load_transactions("export.csv")                    # doctest: +SKIP
>>> tx, report = wb.load_transactions(                                 # doctest: +SKIP
...     "export.csv", columns={"Контрагент": "customer_id", "Дата": "date", "Сумма": "amount"})
>>> report.rejected                                                    # doctest: +SKIP
"""

from __future__ import annotations

from workbench.io._folder import DataFolder, load_folder, write_summary
from workbench.io._load import (
    FEEDBACK_KIND_SYNONYMS,
    KANO_SYNONYMS,
    LEAD_STAGE_SYNONYMS,
    pseudonymize,
)
from workbench.io._mapping import HEADER_SYNONYMS, load_mapping
from workbench.io._report import LoadReport
from workbench.io._tables import (
    load_customers,
    load_feedback,
    load_leads,
    load_survey,
    load_transactions,
)

__all__ = (
    "FEEDBACK_KIND_SYNONYMS",
    "HEADER_SYNONYMS",
    "KANO_SYNONYMS",
    "LEAD_STAGE_SYNONYMS",
    "DataFolder",
    "LoadReport",
    "load_customers",
    "load_feedback",
    "load_folder",
    "load_leads",
    "load_mapping",
    "load_survey",
    "load_transactions",
    "pseudonymize",
    "write_summary",
)

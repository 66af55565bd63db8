"""One parser per kind of canonical value: identifiers and text, dates, amounts, scores, codes.

Each parser takes the raw Arrow column and returns a :class:`Parsed` column: the values
(full length, missing where empty or unreadable) and the :class:`Issue` s found, each a set of
row positions with a problem code. Whether an issue rejects the row (a required column) or only
blanks the value (an optional one) is decided by the report builder, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from workbench.io._messages import Note
from workbench.io._parse import (
    normalise_word,
    parse_codes,
    parse_dates,
    parse_numbers,
    parse_text,
)
from workbench.schema import FEEDBACK_KINDS, KANO_ANSWERS, LEAD_STAGES

__all__ = (
    "FEEDBACK_KIND_SYNONYMS",
    "KANO_SYNONYMS",
    "LEAD_STAGE_SYNONYMS",
    "Issue",
    "Parsed",
    "parse_column",
)

#: Words recognised as each feedback kind (compared lower-case, ё = е).
FEEDBACK_KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "complaint": ("complaint", "claim", "жалоба", "претензия", "рекламация", "негатив"),
    "question": ("question", "inquiry", "enquiry", "request", "вопрос", "запрос", "консультация"),
    "praise": ("praise", "thanks", "thank you", "compliment", "благодарность", "похвала",
               "спасибо", "позитив"),
    "refusal": ("refusal", "refused", "cancellation", "отказ", "отказной лист", "отказ от покупки"),
}

#: Words recognised as each funnel stage.
LEAD_STAGE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "call": ("call", "first call", "contact", "звонок", "первый звонок", "контакт", "обращение"),
    "proposal": ("proposal", "offer", "quote", "предложение", "коммерческое предложение", "кп",
                 "отправлено кп"),
    "meeting": ("meeting", "demo", "встреча", "презентация", "переговоры"),
    "deal": ("deal", "won", "closed won", "sale", "сделка", "продажа", "договор", "успешно"),
}

#: Kano answer texts recognised, besides :data:`workbench.schema.KANO_ANSWERS`.
KANO_SYNONYMS: dict[int, tuple[str, ...]] = {
    1: ("like", "i like", "i like it that way", "нравится", "мне это нравится"),
    2: ("expect", "must be", "it must be that way", "i expect it", "так должно быть",
        "это обязательно", "ожидаю"),
    3: ("neutral", "i do not care", "i don't care", "все равно", "мне безразлично",
        "нейтрально"),
    4: ("live with", "i can tolerate it", "i can live with that", "могу с этим смириться",
        "терпимо", "смирюсь"),
    5: ("dislike", "i dislike it that way", "не нравится", "мне это не нравится"),
}

ID_COLUMNS = ("customer_id", "respondent_id", "lead_id", "order_id")
#: Score columns and the scale option that bounds them (``None``: the loader's ``scale``).
SCALES: dict[str, tuple[int, int] | None] = {
    "importance": None, "performance": None, "expectation": None,
    "competitor_performance": None, "kano_functional": (1, 5), "kano_dysfunctional": (1, 5),
    "nps": (0, 10),
}


@dataclass
class Issue:
    """Rows of one column with one problem (``empty``, ``not_a_date`` ...)."""

    positions: np.ndarray
    problem: str
    expected: object = ""  # what was expected: a Note, a range such as "1-5" or a list of codes
    values: list | None = None  # the texts to quote; None: take them from the raw column


@dataclass
class Parsed:
    """A parsed canonical column."""

    canon: str
    src: str
    values: object  # numpy array or pandas ExtensionArray, full length
    dtype: str
    issues: list[Issue] = field(default_factory=list)
    date_format: str | None = None
    notes: list[Note] = field(default_factory=list)

    def add(self, mask: np.ndarray, problem: str, expected: object = "", quote_empty: bool = False):
        pos = np.flatnonzero(mask)
        if len(pos):
            self.issues.append(Issue(pos, problem, expected, [""] * len(pos) if quote_empty else None))


def _lookup(syn: Mapping[object, tuple[str, ...]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for code, words in syn.items():
        out[normalise_word(str(code))] = code
        for w in words:
            out[normalise_word(w)] = code
    return out


def _kano_lookup() -> dict[str, object]:
    out = _lookup(KANO_SYNONYMS)
    for code, texts in KANO_ANSWERS.items():
        for txt in texts.values():
            out[normalise_word(txt)] = code
        out[str(code)] = code
        out[f"{code}.0"] = code
    return out


# --------------------------------------------------------------------------------------------
# the parsers


def parse_identifier(canon: str, src: str, col: pa.ChunkedArray, required: bool) -> Parsed:
    """Identifiers and free text: trimmed strings, empty -> missing."""
    values, empty = parse_text(col)
    out = Parsed(canon, src, values, "string")
    if required:
        key = ("load.expected.customer_id" if canon == "customer_id" else
               "load.expected.identifier" if canon in ID_COLUMNS else "load.expected.value")
        out.add(empty, "empty", Note(key), quote_empty=True)
    return out


def parse_date_column(canon: str, src: str, col: pa.ChunkedArray, required: bool, *,
                      dayfirst: bool, date_format: str | None, excel: bool) -> Parsed:
    """Dates in any recognised notation (see :func:`workbench.io._parse.parse_dates`)."""
    notes: list[Note] = []
    vals, empty, bad, fmt = parse_dates(col, dayfirst=dayfirst, date_format=date_format,
                                        excel_dates=excel, notes=notes)
    if bad.any():
        vals = vals.copy()
        vals[bad] = np.datetime64("NaT")
    out = Parsed(canon, src, vals, "datetime", date_format=fmt, notes=notes)
    if required:
        out.add(empty, "empty", Note("load.expected.date"), quote_empty=True)
    out.add(bad, "not_a_date")
    return out


def parse_amount(canon: str, src: str, col: pa.ChunkedArray, required: bool, *,
                 decimal: str) -> Parsed:
    """Money and quantities: any notation of :func:`workbench.io._parse.parse_numbers`."""
    vals, empty, bad = parse_numbers(col, decimal)
    out = Parsed(canon, src, vals, "float")
    if required:
        out.add(empty, "empty", Note("load.expected.number"), quote_empty=True)
    out.add(bad, "not_a_number")
    return out


def parse_score(canon: str, src: str, col: pa.ChunkedArray, required: bool, *,
                decimal: str, scale: tuple[int, int] | None) -> Parsed:
    """Whole numbers on a scale (survey scores, NPS); outside the scale -> an issue."""
    vals, empty, bad = parse_numbers(col, decimal)
    out = Parsed(canon, src, vals, "Int")
    out.add(bad, "not_a_number")
    frac = ~np.isnan(vals) & (vals != np.round(vals))
    out.add(frac, "not_integer")
    vals[frac] = np.nan
    if scale is not None:
        lo, hi = scale
        outside = ~np.isnan(vals) & ((vals < lo) | (vals > hi))
        out.add(outside, "out_of_range", f"{lo}-{hi}")
        vals[outside] = np.nan
    return out


def parse_kano(canon: str, src: str, col: pa.ChunkedArray, required: bool) -> Parsed:
    """Kano answers: codes 1-5 or the answer texts in Russian or English."""
    codes, empty, bad = parse_codes(col, _kano_lookup())
    vals = np.array([np.nan if c is None else float(c) for c in codes], dtype=float)
    out = Parsed(canon, src, vals, "Int")
    out.add(bad, "not_recognised", Note("load.expected.kano"))
    return out


def parse_category(canon: str, src: str, col: pa.ChunkedArray, required: bool) -> Parsed:
    """Feedback kinds and funnel stages, recognised from their words."""
    if canon == "kind":
        lookup, allowed = _lookup(FEEDBACK_KIND_SYNONYMS), FEEDBACK_KINDS
    else:
        lookup, allowed = _lookup(LEAD_STAGE_SYNONYMS), LEAD_STAGES
    codes, empty, bad = parse_codes(col, lookup)
    out = Parsed(canon, src, codes, "category")
    expected = Note(f"load.expected.{canon}", codes=tuple(allowed))  # said in the language
    if required:
        out.add(empty, "empty", expected, quote_empty=True)
    out.add(bad, "not_recognised", expected)
    return out


def parse_column(cspec, src: str, col: pa.ChunkedArray, *, decimal: str, dayfirst: bool,
                 date_format: str | None, excel_dates: bool, scale: tuple[int, int]) -> Parsed:
    """Dispatch one canonical column (a :class:`workbench.schema.ColumnSpec`) to its parser."""
    canon, req = cspec.name, cspec.required
    if cspec.dtype == "string":
        return parse_identifier(canon, src, col, req)
    if cspec.dtype == "datetime":
        return parse_date_column(canon, src, col, req, dayfirst=dayfirst,
                                 date_format=date_format, excel=excel_dates)
    if cspec.dtype == "float":
        return parse_amount(canon, src, col, req, decimal=decimal)
    if cspec.dtype == "Int":
        if canon.startswith("kano_"):
            return parse_kano(canon, src, col, req)
        bounds = SCALES.get(canon, "none")
        return parse_score(canon, src, col, req, decimal=decimal,
                           scale=None if bounds == "none" else (bounds or scale))
    if cspec.dtype == "category":
        return parse_category(canon, src, col, req)
    raise TypeError(f"no parser for the schema type {cspec.dtype!r} of column {canon!r}")


def canonical_values(c: Parsed, keep_pos: np.ndarray | None) -> object:
    """The kept values of a parsed column with its canonical dtype."""
    v = c.values if keep_pos is None else c.values[keep_pos]
    if c.dtype == "Int":
        mask = np.isnan(v)
        return pd.arrays.IntegerArray(np.where(mask, 0, v).astype(np.int64), mask)
    if c.dtype == "category":
        cats = FEEDBACK_KINDS if c.canon == "kind" else LEAD_STAGES
        return pd.Categorical(v, categories=list(cats), ordered=c.canon == "stage")
    return v

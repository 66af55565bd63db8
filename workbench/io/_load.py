"""The table loader: raw columns -> canonical, typed frame plus a :class:`LoadReport`.

:func:`load_table` is the pipeline: read (:mod:`._read`), map the columns (:mod:`._mapping`),
recognise a grouped report (:mod:`._layout`), parse each canonical column with the parser of
its kind (:mod:`._columns`), find duplicates (:mod:`._duplicates`), then build the frame and
the report (:mod:`._build`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from workbench.errors import MissingColumnsError, WorkbenchError, shorten
from workbench.io._build import (
    Verdicts,
    build_duplicates,
    build_frame,
    build_invalid,
    build_rejected,
)
from workbench.io._columns import (
    FEEDBACK_KIND_SYNONYMS,
    KANO_SYNONYMS,
    LEAD_STAGE_SYNONYMS,
    Parsed,
    parse_column,
)
from workbench.io._duplicates import find_duplicates
from workbench.io._layout import ungroup
from workbench.io._mapping import load_mapping, mapping_options, resolve_columns
from workbench.io._messages import Note
from workbench.io._messages import note as note_
from workbench.io._parse import detect_decimal, parse_text
from workbench.io._read import RawTable, read_source
from workbench.io._report import LoadReport
from workbench.io._threads import parallel_map
from workbench.schema import table_spec

__all__ = (
    "FEEDBACK_KIND_SYNONYMS",
    "KANO_SYNONYMS",
    "LEAD_STAGE_SYNONYMS",
    "load_table",
    "pseudonymize",
)

_PSEUDO_PREFIX = {"customer_id": "C", "respondent_id": "R", "lead_id": "L"}
#: Order in which the columns are handed to the cores (the slowest kinds first).
_PARSE_ORDER = {"datetime": 0, "float": 1, "Int": 1}


def pseudonymize(values: pd.Series | np.ndarray | list, key: str | bytes, prefix: str = "C"):
    """Replace identifiers with keyed-hash pseudonyms (HMAC-SHA256).

    Parameters
    ----------
    values : array-like of str
        Identifiers; missing values stay missing.
    key : str or bytes
        The secret key. The same key gives the same pseudonym for the same identifier, so
        tables pseudonymised with one key still join; without the key the mapping cannot be
        recomputed or reversed.
    prefix : str
        First character(s) of every pseudonym (``"C"`` for customers).

    Returns
    -------
    numpy.ndarray of object
        ``prefix`` + the first 10 hex digits of ``HMAC-SHA256(key, identifier)``.
    """
    k = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if not k:
        raise WorkbenchError("pseudonymize_key must be a non-empty string or bytes")
    arr = np.asarray(pd.Series(values, dtype="object").to_numpy(), dtype=object)
    codes, uniques = pd.factorize(arr)
    mapped = np.array(
        [prefix + hmac.new(k, str(u).encode("utf-8"), hashlib.sha256).hexdigest()[:10]
         for u in uniques] + [None],
        dtype=object,
    )
    return mapped[np.where(codes < 0, len(uniques), codes)]


def _combine_mapping(
    columns: Mapping[str, str | None] | None, mapping: object, table: str
) -> dict[str, str | None]:
    explicit: dict[str, str | None] = {}
    if isinstance(mapping, Mapping) and "options" in mapping:
        mapping = {k: v for k, v in mapping.items() if k != "options"}
    if mapping is not None:
        if isinstance(mapping, (str, Path)):
            explicit.update(load_mapping(mapping, table=table))
        elif isinstance(mapping, Mapping):
            if mapping and all(isinstance(v, Mapping) or v is None for v in mapping.values()):
                explicit.update(dict(mapping.get(table) or {}))
            else:
                explicit.update(dict(mapping))
        else:
            raise WorkbenchError(
                f"mapping must be a path to a YAML/JSON file or a dict; got {type(mapping).__name__}"
            )
    if columns is not None:
        if not isinstance(columns, Mapping):
            raise WorkbenchError(
                "columns must be a dict {source column: canonical column}; got "
                f"{type(columns).__name__}"
            )
        explicit.update(dict(columns))
    return explicit


def _detect_decimal(raw: RawTable, sources: list[str], warnings: list[Note]) -> tuple[str, str | None]:
    """The decimal mark of the numeric columns: (mark to parse with, mark to report)."""
    samples: list[str] = []
    for src in sources:
        col = raw.columns[src]
        if pa.types.is_string(col.type):
            head = col.slice(0, 4000).to_pylist()
            samples += [v for v in head if v and v.strip()][:2000]
    dec, ambiguous = detect_decimal(samples, raw.delimiter)
    if ambiguous:
        warnings.append(note_("load.warn.decimal_ambiguous", mark=repr(dec)))
    return dec, (dec if samples else None)


def _duplicate_header_notes(raw: RawTable, col_map: dict[str, str]) -> list[Note]:
    """One note per header name that occurs more than once: which copy was used."""
    notes = []
    for text, copies in raw.duplicate_names.items():
        used = [(c, col_map[c]) for c in copies if c in col_map]
        what = (note_("load.warn.duplicate_header_used", used=tuple(
                    note_("load.warn.duplicate_header_as", source=repr(c), canon=canon)
                    for c, canon in used))
                if used else note_("load.warn.duplicate_header_none"))
        notes.append(note_(
            "load.warn.duplicate_header", n=len(copies), name=repr(shorten(text)),
            copies=", ".join(repr(shorten(c)) for c in copies), what=what,
        ))
    return notes


_DOCUMENT_TITLE = r"(?i)(?:^|\s)(от|from)\s+\d{1,2}\.\d{1,2}\.\d{2,4}"


def _one_column_report(raw: RawTable) -> str | None:
    """A sentence when the file looks like a 1C report with clients and documents in one column."""
    for src in raw.names:
        col = raw.columns[src]
        if not pa.types.is_string(col.type):
            continue
        head = col.slice(0, 500)
        docs = pa.compute.sum(pa.compute.match_substring_regex(head, _DOCUMENT_TITLE)).as_py() or 0
        if docs >= max(2, len(head) // 10):
            return (
                f"The column {shorten(src)!r} holds document titles such as 'Реализация ... от "
                "01.02.2024': this looks like a 1C report grouped by counterparty, with the clients "
                "and their documents in one column and no date column. Export a flat table "
                "instead (one line per document with its client, date and amount: turn off "
                "grouping in the report settings, or export the document journal)."
            )
    return None


def _apply_layout(raw: RawTable, canon_to_src: dict[str, str], verdicts: Verdicts,
                  warnings: list[Note]) -> dict[str, pa.ChunkedArray]:
    """Columns to parse: the raw ones, with a grouped report's client carried down."""
    cols = {c: raw.columns[s] for c, s in canon_to_src.items()}
    if raw.kind not in ("text", "excel") or not {"customer_id", "date"} <= set(cols):
        return cols
    grouped = ungroup(raw.columns, canon_to_src["customer_id"], canon_to_src["date"])
    if grouped is None:
        return cols
    cols["customer_id"] = grouped.customer
    g, s = grouped.group_lines, grouped.subtotal_lines
    verdicts.add_row_problem(g, "", "group_line", [Note("load.reason.group_line")] * len(g),
                             settle=True)
    verdicts.add_row_problem(s, "", "subtotal", [Note("load.reason.subtotal")] * len(s),
                             settle=True)
    warnings.append(note_("load.warn.grouped_report", groups=len(g), filled=grouped.n_filled,
                          lines=len(g) + len(s)))
    return cols


def load_table(
    table: str,
    source: object,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: object = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
    scale: tuple[int, int] = (1, 5),
) -> tuple[pd.DataFrame, LoadReport]:
    """Load any canonical table; see :func:`workbench.load_transactions` for the options."""
    spec = table_spec(table)
    if duplicates not in ("keep", "drop"):
        raise WorkbenchError(f"duplicates must be 'keep' or 'drop'; got {duplicates!r}")
    opts = mapping_options(mapping)
    encoding = encoding if encoding is not None else opts.get("encoding")
    sep = sep if sep is not None else opts.get("sep")
    decimal = decimal if decimal is not None else opts.get("decimal")
    date_format = date_format if date_format is not None else opts.get("date_format")
    dayfirst = dayfirst if dayfirst is not None else bool(opts.get("dayfirst", True))
    if decimal not in (None, ".", ","):
        raise WorkbenchError(f"decimal must be None (detect), '.' or ','; got {decimal!r}")
    explicit = _combine_mapping(columns, mapping, table)

    # ---- read, map the columns
    raw = read_source(source, encoding=encoding, sep=sep, sheet_name=sheet_name)
    name = raw.source
    col_map, auto, dropped, map_warnings = resolve_columns(raw.names, table, explicit, name)
    present = set(col_map.values())
    missing = [c for c in spec.required if c not in present]
    if missing:
        hint = "Recognised automatically: " + (
            ", ".join(f"{s!r} -> {c}" for s, c in col_map.items()) or "nothing")
        layout = _one_column_report(raw)
        raise MissingColumnsError(table, missing, raw.names, source=name,
                                  hint=f"{layout} {hint}" if layout else hint)
    canon_to_src = {c: s for s, c in col_map.items()}
    warnings = list(raw.warnings) + map_warnings + _duplicate_header_notes(raw, col_map)
    if decimal is None:
        numeric = [canon_to_src[c.name] for c in spec.columns
                   if c.dtype in ("float", "Int") and c.name in present]
        dec, decimal_used = _detect_decimal(raw, numeric, warnings)
    else:
        dec = decimal_used = decimal

    # ---- the layout, then one parser per canonical column
    labels = {c: (c if s == c else f"{s} ({c})") for c, s in canon_to_src.items()}
    verdicts = Verdicts(raw, labels)
    to_parse = _apply_layout(raw, canon_to_src, verdicts, warnings)
    parsed: list[Parsed] = []
    date_formats: dict[str, str] = {}
    todo = [cspec for cspec in spec.columns if cspec.name in present]

    def parse_one(cspec) -> Parsed | Exception:  # the columns are independent: on the cores
        src = canon_to_src[cspec.name]
        try:
            return parse_column(cspec, src, to_parse[cspec.name], decimal=dec,
                                dayfirst=dayfirst, date_format=date_format,
                                excel_dates=src in raw.excel_date_columns, scale=scale)
        except Exception as exc:  # raised below in schema order, as a loop would
            return exc

    # the slow parsers first (dates, then numbers), so that no core is left with a long one
    # at the end; the results come back in schema order whatever the order of the work
    def cost(i: int) -> int:  # a text column stored as numbers (Parquet, Excel) is cast first
        cspec = todo[i]
        if cspec.dtype == "string" and not pa.types.is_string(to_parse[cspec.name].type):
            return 0
        return _PARSE_ORDER.get(cspec.dtype, 2)

    first = sorted(range(len(todo)), key=lambda i: (cost(i), i))
    done = dict(zip(first, parallel_map(parse_one, [todo[i] for i in first]), strict=True))
    for cspec, c in zip(todo, [done[i] for i in range(len(todo))], strict=True):
        if isinstance(c, Exception):
            raise c
        verdicts.add_parsed(c, cspec.required, to_parse[cspec.name])
        warnings += [note_("load.warn.column", column=labels[c.canon], note=m) for m in c.notes]
        if c.date_format:
            date_formats[c.canon] = c.date_format
        parsed.append(c)

    # ---- duplicates (among rows that passed validation)
    dup_pos, dup_of = find_duplicates(raw, parsed, ~verdicts.reject)
    if duplicates == "drop" and len(dup_pos):
        verdicts.add_row_problem(
            dup_pos, "", "duplicate",
            [Note("load.reason.duplicate", row=int(raw.rows[o])) for o in dup_of.tolist()],
        )
    keep_pos = None if not verdicts.reject.any() else np.flatnonzero(~verdicts.reject)

    # ---- pseudonyms, extra columns, the frame
    extra = [s for s in raw.names if s not in col_map and s not in dropped]
    dropped_cols = list(dropped)
    for s in list(extra):  # an unnamed, all-empty column (a trailing ';' on every line)
        if re.fullmatch(r"column_\d+", s) and bool(parse_text(raw.columns[s])[1].all()):
            extra.remove(s)
            dropped_cols.append(s)
    pseudo: dict[str, dict] = {}
    if pseudonymize_key is not None:
        pseudo = _pseudonymise_parsed(parsed, pseudonymize_key)
        if extra:
            warnings.append(note_("load.warn.pseudo_dropped", columns=", ".join(extra)))
            dropped_cols += extra
            extra = []
    frame = build_frame(parsed, keep_pos, {s: parse_text(raw.columns[s])[0] for s in extra})
    if pseudonymize_key is not None and "name" in frame:
        frame["name"] = pd.array([pd.NA] * len(frame), dtype=pd.StringDtype())
        warnings.append(note_("load.warn.pseudo_name"))

    # ---- the report
    def original(positions: np.ndarray) -> pd.DataFrame:
        f = raw.frame(positions)
        if pseudonymize_key is not None:
            f = _pseudonymise_original(f, dropped_cols, pseudo, canon_to_src.get("name"))
        return f

    def malformed_frame() -> pd.DataFrame:
        mal = pd.DataFrame([m[1] for m in raw.malformed], columns=raw.names).astype(pd.StringDtype())
        if pseudonymize_key is not None:
            mal = mal.drop(columns=[s for s in dropped_cols if s in mal.columns])
            for s in pseudo:
                mal[s] = pd.array(
                    [None if not v else pseudonymize([v], pseudonymize_key,
                                                     _PSEUDO_PREFIX[col_map[s]])[0]
                     for v in mal[s].tolist()], dtype=pd.StringDtype())
        return mal

    invalid = build_invalid(verdicts)
    if len(invalid):
        counts = invalid["column"].value_counts()
        warnings.append(note_("load.warn.invalid_values", counts=tuple(
            note_("load.warn.column_count", column=labels.get(c, c), n=int(k))
            for c, k in counts.items())))
    report = LoadReport(
        source=name,
        table=table,
        rows_read=raw.n_rows + len(raw.malformed),
        rows_kept=len(frame),
        rejected=build_rejected(verdicts, original, malformed_frame),
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        decimal=decimal_used,
        date_format=date_formats.get("date") or next(iter(date_formats.values()), None),
        date_formats=date_formats,
        header_row=raw.header_row,
        mapping=dict(col_map),
        auto_mapped=[s for s in auto if s in col_map],
        extra_columns=list(extra),
        dropped_columns=dropped_cols,
        duplicates=build_duplicates(raw, original, dup_pos, dup_of),
        duplicates_dropped=len(dup_pos) if duplicates == "drop" else 0,
        invalid_values=invalid,
        pseudonymised=pseudonymize_key is not None,
        warnings=warnings,
    )
    if report.rows_read != report.rows_kept + len(report.rejected):
        raise WorkbenchError(
            f"{name}: internal error in the row bookkeeping: {report.rows_read} rows read, "
            f"{report.rows_kept} kept, {len(report.rejected)} rejected. Please report this "
            "with the file's first lines"
        )
    return frame, report


def _pseudonymise_parsed(parsed: list[Parsed], key: str | bytes) -> dict[str, dict]:
    """Replace identifier columns in place; returns ``{source column: {id: pseudonym}}``."""
    pseudo: dict[str, dict] = {}
    for c in parsed:
        if c.canon in _PSEUDO_PREFIX:
            vals = np.asarray(c.values.to_numpy(na_value=None), dtype=object)
            new = pseudonymize(vals, key, _PSEUDO_PREFIX[c.canon])
            pseudo[c.src] = dict(zip(vals.tolist(), new.tolist(), strict=False))
            c.values = pd.array(new, dtype=pd.StringDtype())
    return pseudo


def _pseudonymise_original(f: pd.DataFrame, dropped_cols: list[str], pseudo: dict[str, dict],
                           name_src: str | None) -> pd.DataFrame:
    """The original-text rows of the report with identifiers pseudonymised, names blanked."""
    f = f.drop(columns=[s for s in dropped_cols if s in f.columns])
    for s, mp in pseudo.items():
        if s in f.columns:
            f[s] = pd.array(
                [mp.get(v if v != "" else None) if isinstance(v, str) else None
                 for v in f[s].astype(object).tolist()],
                dtype=pd.StringDtype(),
            )
    if name_src in f.columns:
        f[name_src] = pd.array([pd.NA] * len(f), dtype=pd.StringDtype())
    return f

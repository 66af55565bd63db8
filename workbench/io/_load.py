"""The table loaders: raw columns -> canonical, typed frame plus a :class:`LoadReport`."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.i18n import t
from workbench.io._mapping import load_mapping, resolve_columns
from workbench.io._parse import (
    detect_decimal,
    normalise_word,
    parse_codes,
    parse_dates,
    parse_numbers,
    parse_text,
    to_text,
)
from workbench.io._read import RawTable, read_source, source_name
from workbench.io._report import LoadReport
from workbench.schema import FEEDBACK_KINDS, KANO_ANSWERS, LEAD_STAGES, table_spec

__all__ = (
    "FEEDBACK_KIND_SYNONYMS",
    "KANO_SYNONYMS",
    "LEAD_STAGE_SYNONYMS",
    "load_table",
    "pseudonymize",
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

_ID_COLUMNS = ("customer_id", "respondent_id", "lead_id", "order_id")
_PSEUDO_PREFIX = {"customer_id": "C", "respondent_id": "R"}


def _lookup(syn: Mapping[object, tuple[str, ...]], extra: Mapping[object, str] | None = None):
    out: dict[str, object] = {}
    for code, words in syn.items():
        out[normalise_word(str(code))] = code
        for w in words:
            out[normalise_word(w)] = code
    for code, w in (extra or {}).items():
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


@dataclass
class _Col:
    canon: str
    src: str
    values: object  # numpy array or pandas ExtensionArray, full length
    dtype: str


def _combine_mapping(
    columns: Mapping[str, str | None] | None, mapping: object, table: str
) -> dict[str, str | None]:
    explicit: dict[str, str | None] = {}
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


def _mix(h: np.ndarray, a: np.ndarray) -> np.ndarray:
    h = (h ^ a) * np.uint64(0x100000001B3)
    h ^= h >> np.uint64(29)
    return h * np.uint64(0xBF58476D1CE4E5B9)


def _repeated(h: np.ndarray) -> np.ndarray:
    """Mask of the values of ``h`` that occur more than once."""
    order = np.argsort(h)
    hs = h[order]
    same = np.zeros(len(h), dtype=bool)
    eq = hs[1:] == hs[:-1]
    same[order[1:][eq]] = True
    same[order[:-1][eq]] = True
    return same


def _find_duplicates(raw: RawTable, parsed: list[_Col], kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of exact duplicate rows among ``kept`` and the position each repeats."""
    pos = np.flatnonzero(kept)
    if len(pos) < 2:
        return np.array([], np.int64), np.array([], np.int64)
    h = np.zeros(len(pos), dtype=np.uint64)
    used = 0
    with np.errstate(over="ignore"):
        for c in parsed:
            v = c.values
            if isinstance(v, np.ndarray) and v.dtype.kind in "fM":
                a = np.ascontiguousarray(v if len(pos) == len(v) else v[pos]).view(np.uint64)
                h = _mix(h, a)
                used += 1
        if used < 2:
            for name in raw.names:
                col = raw.columns[name]
                codes = pd.factorize(np.asarray(col.to_numpy(zero_copy_only=False), dtype=object))[0]
                h = _mix(h, codes[pos].astype(np.uint64))
    same = _repeated(h)
    if used >= 2 and same.sum() > max(1000, len(pos) // 20):
        # many rows share the typed values (fixed prices, dates without time): add the text
        # columns of those rows to the hash before the exact comparison
        sub = pos[same]
        h2 = h[same]
        with np.errstate(over="ignore"):
            for name in raw.names:
                col = raw.columns[name].take(pa.array(sub, type=pa.int64()))
                if pa.types.is_string(col.type):
                    codes = pc.dictionary_encode(col).combine_chunks().indices
                    h2 = _mix(h2, np.asarray(codes.to_numpy(zero_copy_only=False), np.uint64))
        same2 = _repeated(h2)
        same = np.zeros(len(pos), dtype=bool)
        same[np.flatnonzero(np.isin(pos, sub[same2]))] = True
    cand = pos[same]
    if not len(cand):
        return np.array([], np.int64), np.array([], np.int64)
    frame = raw.frame(cand).reset_index(drop=True)
    frame = frame.astype(object).where(frame.notna(), None)
    group = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    first: dict[int, int] = {}
    dup, of = [], []
    for p, g in zip(cand, group, strict=False):  # cand is ascending, so the first seen is the earliest row
        if g in first:
            dup.append(p)
            of.append(first[g])
        else:
            first[g] = p
    return np.asarray(dup, np.int64), np.asarray(of, np.int64)


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
    dayfirst: bool = True,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
    scale: tuple[int, int] = (1, 5),
) -> tuple[pd.DataFrame, LoadReport]:
    """Load any canonical table; see :func:`workbench.load_transactions` for the options."""
    spec = table_spec(table)
    if duplicates not in ("keep", "drop"):
        raise WorkbenchError(f"duplicates must be 'keep' or 'drop'; got {duplicates!r}")
    if decimal not in (None, ".", ","):
        raise WorkbenchError(f"decimal must be None (detect), '.' or ','; got {decimal!r}")
    explicit = _combine_mapping(columns, mapping, table)
    raw = read_source(source, encoding=encoding, sep=sep, sheet_name=sheet_name)
    name = source_name(source)
    col_map, auto, dropped, map_warnings = resolve_columns(raw.names, table, explicit, name)
    present = set(col_map.values())
    missing = [c for c in spec.required if c not in present]
    if missing:
        raise MissingColumnsError(
            table, missing, raw.names, source=name,
            hint="Recognised automatically: "
            + (", ".join(f"{s!r} -> {c}" for s, c in col_map.items()) or "nothing"),
        )
    canon_to_src = {c: s for s, c in col_map.items()}
    n = raw.n_rows
    warnings = list(raw.warnings) + map_warnings

    # ---- decimal mark
    numeric_cols = [c.name for c in spec.columns if c.dtype in ("float", "Int") and c.name in present]
    if decimal is None:
        samples: list[str] = []
        for c in numeric_cols:
            col = raw.columns[canon_to_src[c]]
            if pa.types.is_string(col.type):
                head = col.slice(0, 20000).to_pylist()
                samples += [v for v in head if v and v.strip()][:2000]
        dec, ambiguous = detect_decimal(samples, raw.delimiter)
        if ambiguous:
            warnings.append(
                f"the decimal mark is ambiguous (values like 1,250 or 1.250); assumed {dec!r}. "
                "Pass decimal=',' or decimal='.' to be sure"
            )
        decimal_used = dec if samples else None
    else:
        dec = decimal_used = decimal

    # ---- parse every canonical column
    reject = np.zeros(n, dtype=bool)
    problems: dict[int, list[tuple[str, str, str]]] = {}
    invalid_rows: list[dict] = []
    parsed: list[_Col] = []
    date_formats: dict[str, str] = {}

    def label_of(canon: str) -> str:
        src = canon_to_src[canon]
        return canon if src == canon else f"{src} ({canon})"

    def note(canon: str, positions: np.ndarray, problem: str, required: bool, expected: str = "",
             values: list | None = None) -> None:
        if not len(positions):
            return
        col = raw.columns[canon_to_src[canon]]
        if values is None:
            values = to_text(col.take(pa.array(positions, type=pa.int64()))).to_pylist()
        lab = label_of(canon)
        for p, v in zip(positions.tolist(), values, strict=False):
            reason = t(f"load.reason.{problem}", None, column=lab, value=repr(v), expected=expected)
            if required:
                problems.setdefault(p, []).append((canon, problem, reason))
            else:
                invalid_rows.append(
                    {"row": int(raw.rows[p]), "column": canon, "value": v, "problem": problem,
                     "reason": reason, "_pos": p}
                )
        if required:
            reject[positions] = True

    scales = {
        "importance": scale, "performance": scale, "expectation": scale,
        "competitor_performance": scale, "kano_functional": (1, 5), "kano_dysfunctional": (1, 5),
        "nps": (0, 10),
    }
    for cspec in spec.columns:
        canon = cspec.name
        if canon not in present:
            continue
        src = canon_to_src[canon]
        col = raw.columns[src]
        req = cspec.required
        if cspec.dtype == "string":
            values, empty = parse_text(col)
            if req:
                exp = t("load.expected.customer_id" if canon == "customer_id" else
                        "load.expected.identifier" if canon in _ID_COLUMNS else
                        "load.expected.value", None)
                note(canon, np.flatnonzero(empty), "empty", True, exp, [""] * int(empty.sum()))
            parsed.append(_Col(canon, src, values, "string"))
        elif cspec.dtype == "datetime":
            vals, empty, bad, fmt = parse_dates(
                col, dayfirst=dayfirst, date_format=date_format,
                excel_dates=src in raw.excel_date_columns,
            )
            if fmt:
                date_formats[canon] = fmt
            if req:
                note(canon, np.flatnonzero(empty), "empty", True, t("load.expected.date", None),
                     [""] * int(empty.sum()))
            note(canon, np.flatnonzero(bad), "not_a_date", req)
            vals = vals.copy()
            vals[bad] = np.datetime64("NaT")
            parsed.append(_Col(canon, src, vals, "datetime"))
        elif cspec.dtype == "float":
            vals, empty, bad = parse_numbers(col, dec)
            if req:
                note(canon, np.flatnonzero(empty), "empty", True, t("load.expected.number", None),
                     [""] * int(empty.sum()))
            note(canon, np.flatnonzero(bad), "not_a_number", req)
            parsed.append(_Col(canon, src, vals, "float"))
        elif cspec.dtype == "Int":
            lo, hi = scales.get(canon, (None, None))
            if canon.startswith("kano_"):
                codes, empty, bad = parse_codes(col, _kano_lookup())
                vals = np.array([np.nan if c is None else float(c) for c in codes])
                note(canon, np.flatnonzero(bad), "not_recognised", req,
                     "1-5 or a Kano answer such as 'I like it' / 'Мне нравится'")
            else:
                vals, empty, bad = parse_numbers(col, dec)
                note(canon, np.flatnonzero(bad), "not_a_number", req)
                frac = ~np.isnan(vals) & (vals != np.round(vals))
                note(canon, np.flatnonzero(frac), "not_integer", req)
                vals[frac] = np.nan
                if lo is not None:
                    out = ~np.isnan(vals) & ((vals < lo) | (vals > hi))
                    note(canon, np.flatnonzero(out), "out_of_range", req, f"{lo}-{hi}")
                    vals[out] = np.nan
            parsed.append(_Col(canon, src, vals, "Int"))
        elif cspec.dtype == "category":
            if canon == "kind":
                lookup, allowed = _lookup(FEEDBACK_KIND_SYNONYMS), FEEDBACK_KINDS
            else:
                lookup, allowed = _lookup(LEAD_STAGE_SYNONYMS), LEAD_STAGES
            codes, empty, bad = parse_codes(col, lookup)
            if req:
                note(canon, np.flatnonzero(empty), "empty", True, ", ".join(allowed),
                     [""] * int(empty.sum()))
            note(canon, np.flatnonzero(bad), "not_recognised", req, ", ".join(allowed))
            parsed.append(_Col(canon, src, codes, "category"))
        else:  # pragma: no cover - schema types are fixed
            raise AssertionError(cspec.dtype)

    # ---- duplicates (among rows that passed validation)
    dup_pos, dup_of = _find_duplicates(raw, parsed, ~reject)
    if duplicates == "drop" and len(dup_pos):
        for p, o in zip(dup_pos.tolist(), dup_of.tolist(), strict=False):
            problems.setdefault(p, []).append(
                ("", "duplicate", t("load.reason.duplicate", None, row=int(raw.rows[o])))
            )
        reject[dup_pos] = True
    kept = ~reject
    keep_pos = np.flatnonzero(kept)
    all_kept = bool(kept.all())

    # ---- pseudonyms
    pseudo: dict[str, dict] = {}
    if pseudonymize_key is not None:
        for c in parsed:
            if c.canon in _PSEUDO_PREFIX:
                vals = np.asarray(c.values.to_numpy(na_value=None), dtype=object)
                new = pseudonymize(vals, pseudonymize_key, _PSEUDO_PREFIX[c.canon])
                pseudo[c.src] = dict(zip(vals.tolist(), new.tolist(), strict=False))
                c.values = pd.array(new, dtype=pd.StringDtype())

    # ---- the canonical frame
    out: dict[str, object] = {}
    for c in parsed:
        v = c.values
        if c.dtype == "string":
            out[c.canon] = v if all_kept else v[keep_pos]
        elif c.dtype == "datetime":
            out[c.canon] = v if all_kept else v[keep_pos]
        elif c.dtype == "float":
            out[c.canon] = v if all_kept else v[keep_pos]
        elif c.dtype == "Int":
            vv = v if all_kept else v[keep_pos]
            mask = np.isnan(vv)
            out[c.canon] = pd.arrays.IntegerArray(np.where(mask, 0, vv).astype(np.int64), mask)
        else:
            vv = v if all_kept else v[keep_pos]
            cats = FEEDBACK_KINDS if c.canon == "kind" else LEAD_STAGES
            out[c.canon] = pd.Categorical(vv, categories=list(cats), ordered=c.canon == "stage")
    mapped_src = set(col_map)
    extra = [s for s in raw.names if s not in mapped_src and s not in dropped]
    dropped_cols = list(dropped)
    for s in list(extra):  # an unnamed, all-empty column (a trailing ';' on every line)
        if re.fullmatch(r"column_\d+", s) and bool(parse_text(raw.columns[s])[1].all()):
            extra.remove(s)
            dropped_cols.append(s)
    if pseudonymize_key is not None:
        if extra:
            warnings.append(
                "pseudonymised load: unmapped columns dropped (they may identify clients): "
                + ", ".join(extra)
            )
            dropped_cols += extra
            extra = []
        if "name" in out:
            out["name"] = pd.array([pd.NA] * len(keep_pos), dtype=pd.StringDtype())
            warnings.append("pseudonymised load: the name column was blanked")
    for s in extra:
        nm = s if s not in out else f"{s}_original"
        vals, _ = parse_text(raw.columns[s])
        out[nm] = vals if all_kept else vals[keep_pos]
    frame = pd.DataFrame(out)
    for c in parsed:
        if c.dtype == "datetime":
            frame[c.canon] = frame[c.canon].astype("datetime64[ns]")

    # ---- report frames
    def original(positions: np.ndarray) -> pd.DataFrame:
        f = raw.frame(positions)
        if pseudonymize_key is not None:
            f = f.drop(columns=[s for s in dropped_cols if s in f.columns])
            for s, mp in pseudo.items():
                if s in f.columns:
                    f[s] = pd.array(
                        [mp.get(v if v != "" else None) if isinstance(v, str) else None
                         for v in f[s].astype(object).tolist()],
                        dtype=pd.StringDtype(),
                    )
            src_name = canon_to_src.get("name")
            if src_name in f.columns:
                f[src_name] = pd.array([pd.NA] * len(f), dtype=pd.StringDtype())
        return f

    rej_pos = np.flatnonzero(reject)
    rejected = original(rej_pos)
    rejected["row"] = raw.rows[rej_pos]
    rejected["column"] = ["; ".join(dict.fromkeys(x[0] for x in problems[p] if x[0])) or ""
                          for p in rej_pos.tolist()]
    rejected["problem"] = ["; ".join(dict.fromkeys(x[1] for x in problems[p])) for p in rej_pos.tolist()]
    rejected["reason"] = ["; ".join(x[2] for x in problems[p]) for p in rej_pos.tolist()]
    if raw.malformed:
        mal = pd.DataFrame([m[1] for m in raw.malformed], columns=raw.names)
        mal = mal.astype(pd.StringDtype())
        if pseudonymize_key is not None:
            mal = mal.drop(columns=[s for s in dropped_cols if s in mal.columns])
            for s in pseudo:
                mal[s] = pd.array(
                    [None if not v else pseudonymize([v], pseudonymize_key,
                                                     _PSEUDO_PREFIX[col_map[s]])[0]
                     for v in mal[s].tolist()], dtype=pd.StringDtype())
        mal["row"] = [m[0] for m in raw.malformed]
        mal["column"] = ""
        mal["problem"] = "malformed"
        mal["reason"] = [t("load.reason.malformed", None, detail=m[2]) for m in raw.malformed]
        if raw.index is None:
            rejected = rejected.reset_index(drop=True)
        rejected = pd.concat([rejected, mal], ignore_index=raw.index is None)
        rejected = rejected.sort_values("row", kind="mergesort")
        if raw.index is None:
            rejected = rejected.reset_index(drop=True)
    rejected["row"] = rejected["row"].astype("int64")

    dup_frame = original(dup_pos)
    dup_frame["row"] = raw.rows[dup_pos]
    dup_frame["duplicate_of"] = raw.rows[dup_of] if len(dup_of) else np.array([], np.int64)
    dup_frame["row"] = dup_frame["row"].astype("int64")
    dup_frame["duplicate_of"] = dup_frame["duplicate_of"].astype("int64")

    inv = pd.DataFrame(invalid_rows, columns=["row", "column", "value", "problem", "reason", "_pos"])
    inv = inv[~pd.Index(inv["_pos"]).isin(rej_pos)].drop(columns="_pos")
    inv = inv.sort_values(["row", "column"], kind="mergesort").reset_index(drop=True)
    inv["row"] = inv["row"].astype("int64")
    if len(inv):
        counts = inv["column"].value_counts()
        warnings.append(
            "values that could not be read were set to missing: "
            + ", ".join(f"{c} {k}" for c, k in counts.items())
            + " (see report.invalid_values)"
        )
    if raw.kind != "frame" and raw.n_rows == 0 and not raw.malformed:
        warnings.append("the file has a header but no data rows")

    report = LoadReport(
        source=name,
        table=table,
        rows_read=n + len(raw.malformed),
        rows_kept=len(frame),
        rejected=rejected,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        decimal=decimal_used,
        date_format=date_formats.get("date") or next(iter(date_formats.values()), None),
        date_formats=date_formats,
        header_row=raw.header_row,
        mapping=dict(col_map),
        auto_mapped=[s for s in auto if s in col_map],
        extra_columns=[s for s in extra],
        dropped_columns=dropped_cols,
        duplicates=dup_frame,
        duplicates_dropped=len(dup_pos) if duplicates == "drop" else 0,
        invalid_values=inv,
        pseudonymised=pseudonymize_key is not None,
        warnings=warnings,
    )
    assert report.rows_read == report.rows_kept + len(report.rejected)
    return frame, report

"""Vectorised parsing of raw columns into canonical values.

Each parser takes an Arrow column (strings for text files, possibly typed for Parquet /
DataFrame input) and returns ``(values, empty, bad)``: the parsed values (NaN / NaT / <NA>
where empty or bad), a mask of empty cells and a mask of non-empty cells that could not be
read. Clean columns take a fast path (one Arrow cast or strptime); only columns with unusual
values go through the regular-expression path, still column-wise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbench.io._messages import note as note_

__all__ = (
    "CURRENCY_PATTERN",
    "DATE_FAMILIES",
    "detect_decimal",
    "parse_codes",
    "parse_dates",
    "parse_numbers",
    "parse_text",
    "to_text",
)

#: Currency signs and words removed from numbers (before or after them).
CURRENCY_PATTERN = r"(?i)(руб\.?|р\.|р$|₽|rub\.?|rur|usd|eur|kzt|тенге|грн\.?|\$|€|£)"
_SPACES = "[\\s\u00a0\u202f\u2007\u2009']"
_NUMBER_RE = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"


def _chunked(arr) -> pa.ChunkedArray:
    if isinstance(arr, pa.ChunkedArray):
        return arr
    return pa.chunked_array([arr])


def _np_bool(arr) -> np.ndarray:
    """Arrow boolean (nulls = False) -> numpy bool."""
    if isinstance(arr, (pa.ChunkedArray, pa.Array)):
        arr = pc.fill_null(arr, False)
        return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=bool)
    return np.asarray(arr, dtype=bool)


#: The ASCII characters ``utf8_trim_whitespace`` (and ``str.strip``) trim.
_ASCII_BLANKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def to_text(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """Any Arrow column -> trimmed strings ('' for missing); whole floats lose their '.0'."""
    t = col.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        out = col
    elif pa.types.is_floating(t):
        vals = col.to_numpy(zero_copy_only=False)
        texts = []
        for v in vals:
            if v != v:
                texts.append("")
            elif float(v).is_integer() and abs(v) < 1e15:
                texts.append(str(int(v)))
            else:
                texts.append(repr(float(v)))
        return pa.chunked_array([pa.array(texts, type=pa.string())])
    elif pa.types.is_timestamp(t) or pa.types.is_date(t):
        out = pc.strftime(col, format="%Y-%m-%d %H:%M:%S")
    elif pa.types.is_integer(t) or pa.types.is_boolean(t):
        out = col.cast(pa.string())  # no blanks to trim, no Excel notation
        return pc.fill_null(out, "") if out.null_count else out
    else:
        out = col.cast(pa.string())
    out = pc.fill_null(out, "") if out.null_count else out
    edges = _edge_bytes(out)
    if edges is not None and not edges[0]:
        return out if not edges[1] else unwrap_excel_text(out)  # nothing to trim
    if pc.all(pc.string_is_ascii(out)).as_py() is not False:
        # faster than the utf8 kernel, with the ASCII characters that one trims (the ascii
        # kernel's own whitespace leaves out the separators 0x1C-0x1F)
        out = pc.ascii_trim(out, characters=_ASCII_BLANKS)
    else:
        out = pc.utf8_trim_whitespace(out)
    return unwrap_excel_text(out)


def _edge_bytes(text) -> tuple[bool, bool] | None:
    """(may a value start or end with whitespace, may a value start with ``=``) from the
    first and last bytes of every value, read from Arrow's buffers (no string is built).

    Conservative: a value whose first byte may begin a whitespace character (ASCII blanks and
    controls, the lead bytes C2 of U+0085/U+00A0, E1 of U+1680/U+180E, E2 of U+2000-U+205F,
    E3 of U+3000), whose last byte is an ASCII blank or control, whose second-last byte is C2
    or whose third-last one is E1-E3 counts as one to trim. An empty value reads its
    neighbours' bytes (only ever a false alarm, which costs the trim). None when the buffers
    cannot be read.
    """
    trim = excel = False
    chunks = text.chunks if isinstance(text, pa.ChunkedArray) else [text]
    fast = _plain_bytes(chunks)
    if fast is not None:
        return fast
    for ch in chunks:
        if not len(ch):
            continue
        if ch.type == pa.string():
            odt = np.int32
        elif ch.type == pa.large_string():
            odt = np.int64
        else:
            return None
        if ch.null_count:
            return None
        bufs = ch.buffers()
        if bufs[2] is None or not bufs[2].size:
            continue  # every value empty
        off = np.frombuffer(bufs[1], dtype=odt, count=len(ch) + 1,
                            offset=ch.offset * np.dtype(odt).itemsize).astype(np.intp)
        data = np.frombuffer(bufs[2], dtype=np.uint8)
        if len(data) < 4:
            return None
        starts = off[:-1]
        if starts[-1] >= len(data):  # empty last values: read their neighbour's bytes
            starts = np.minimum(starts, len(data) - 1)
        f = data[starts]
        excel = excel or bool((f == 0x3D).any())
        if not trim:
            trim = bool(((f < 0x21) | (f == 0x7F) | (f == 0xC2) | ((f >= 0xE1) & (f <= 0xE3))
                         ).any())
        if not trim:
            end = off[1:]  # a view: off is not used after this
            end -= 1  # an empty first value reads byte -1 (the buffer's last): a false alarm
            trim = bool((data[end] < 0x21).any())
            if not trim:
                end -= 1
                trim = bool((data[end] == 0xC2).any())
            if not trim:
                end -= 1
                x = data[end]
                trim = bool(((x >= 0xE1) & (x <= 0xE3)).any())
        if trim and excel:
            break
    return trim, excel


def _plain_bytes(chunks) -> tuple[bool, bool] | None:
    """:func:`_edge_bytes`'s answer from the smallest and largest byte of all the values, when
    they settle it: no byte below ``!`` (blanks, controls), and neither DEL nor a lead byte of
    a Unicode space (C2, E1-E3) in the range they span, so no value starts or ends with
    whitespace (an empty value has no byte at all); ``=`` outside the range, so none starts
    with it (inside: "may", as :func:`_edge_bytes` says). Two reductions (and a search for the
    one suspect byte in the range: C2 amid Cyrillic) instead of reading every value's edges.
    None when the bytes do not settle it or a buffer cannot be read.
    """
    lo, hi = 255, 0
    datas = []
    for ch in chunks:
        if not len(ch):
            continue
        if ch.type not in (pa.string(), pa.large_string()) or ch.null_count:
            return None
        odt = np.int32 if ch.type == pa.string() else np.int64
        bufs = ch.buffers()
        if bufs[2] is None:
            continue
        off = np.frombuffer(bufs[1], dtype=odt, count=len(ch) + 1,
                            offset=ch.offset * np.dtype(odt).itemsize)
        if off[-1] == off[0]:
            continue  # every value empty: nothing to trim here
        data = np.frombuffer(bufs[2], dtype=np.uint8)[int(off[0]):int(off[-1])]
        lo, hi = min(lo, int(data.min())), max(hi, int(data.max()))
        datas.append(data)
    suspects = [b for b in (0x7F, 0xC2, 0xE1, 0xE2, 0xE3) if lo <= b <= hi]
    if lo <= 0x20 or len(suspects) > 1:
        return None
    for b in suspects:  # e.g. C2 amid Cyrillic (D0, D1, 80-BF): is it there at all?
        if any(bool((d == b).any()) for d in datas):
            return None
    return False, lo <= 0x3D <= hi


def unwrap_excel_text(text: pa.ChunkedArray) -> pa.ChunkedArray:
    """Excel's text-forcing notation ``="000123"`` -> ``000123`` (leading zeros kept)."""
    if not pc.any(pc.starts_with(text, '="')).as_py():
        return text
    return pc.replace_substring_regex(text, r'^="(.*)"$', r"\1")


def empty_mask(text: pa.ChunkedArray) -> np.ndarray:
    return _np_bool(pc.equal(text, ""))


# --------------------------------------------------------------------------------------------
# text


def parse_text(col: pa.ChunkedArray) -> tuple[pd.api.extensions.ExtensionArray, np.ndarray]:
    """Trimmed strings with empty -> <NA>; returns (string array, empty mask)."""
    text = to_text(col)
    empty = pc.equal(text, "")
    if not pc.any(empty).as_py():
        return pd.array(text, dtype=pd.StringDtype()), np.zeros(len(text), bool)
    values = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    return pd.array(values, dtype=pd.StringDtype()), _np_bool(empty)


# --------------------------------------------------------------------------------------------
# numbers


def _clean_number_text(text: pa.ChunkedArray) -> pa.ChunkedArray:
    t = pc.replace_substring_regex(text, _SPACES, "")
    t = pc.replace_substring_regex(t, CURRENCY_PATTERN, "")
    t = pc.replace_substring_regex(t, "[\u2212\u2013\u2014]", "-")
    t = pc.replace_substring_regex(t, r"^\((.*)\)$", r"-\1")
    t = pc.replace_substring_regex(t, r"^(.*\d)-$", r"-\1")
    return t


def detect_decimal(samples: list[str], delimiter: str | None = None) -> tuple[str, bool]:
    """Guess the decimal mark from sample number texts; returns (mark, ambiguous)."""
    comma = point = ambiguous_comma = ambiguous_point = 0
    sp = re.compile(_SPACES)
    cur = re.compile(CURRENCY_PATTERN.replace("(?i)", ""), re.IGNORECASE)
    for raw in samples:
        v = cur.sub("", sp.sub("", raw))
        has_c, has_p = "," in v, "." in v
        if has_c and has_p:
            if v.rfind(",") > v.rfind("."):
                comma += 1
            else:
                point += 1
        elif has_c:
            if re.fullmatch(r"[-+(−]?\d{1,3}(,\d{3})+\)?", v):
                ambiguous_comma += 1
            elif re.fullmatch(r"[-+(−]?\d*,\d+\)?-?", v):
                comma += 1
        elif has_p:
            if re.fullmatch(r"[-+(−]?\d{1,3}(\.\d{3})+\)?", v):
                ambiguous_point += 1
            elif re.fullmatch(r"[-+(−]?\d*\.\d+([eE][-+]?\d+)?\)?-?", v):
                point += 1
    if comma > point:
        return ",", False
    if point > comma:
        return ".", False
    if ambiguous_comma or ambiguous_point:
        return ("," if delimiter == ";" else "."), True
    return ".", False


def parse_numbers(
    col: pa.ChunkedArray, decimal: str = "."
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parse numbers; returns (float64 values, empty mask, bad mask)."""
    col = _chunked(col)
    t = col.type
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        if t == pa.float64():  # no cast, no copy but a writable one (callers write into it)
            vals = col.to_numpy(zero_copy_only=False)
            if not vals.flags.writeable:
                vals = vals.copy()
        else:  # the cast's own array (a copy of the column): writable, no second copy
            vals = np.asarray(col.cast(pa.float64()).to_numpy(zero_copy_only=False),
                              dtype=np.float64)
            if not vals.flags.writeable:
                vals = vals.copy()
        if len(vals) and np.isfinite(np.add.reduce(vals)):
            # no NaN and no infinity (either makes the sum so; an overflow of finite values
            # only sends the column the long way): one reduction instead of two masks
            return vals, np.zeros(len(vals), bool), np.zeros(len(vals), bool)
        empty = np.isnan(vals)
        bad = np.isinf(vals)
        vals[bad] = np.nan
        return vals, empty, bad
    if pa.types.is_boolean(t):
        vals = col.cast(pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64)
        return vals, np.isnan(vals), np.zeros(len(vals), bool)
    if (pa.types.is_string(t) or pa.types.is_large_string(t)) and not col.null_count:
        fast = _plain_numbers(col, decimal)
        if fast is not None:
            return fast
    text = to_text(col)
    is_empty = pc.equal(text, "")
    nulled = pc.if_else(is_empty, pa.scalar(None, pa.string()), text) if pc.any(
        is_empty).as_py() else text
    empty = _np_bool(is_empty)
    # with a decimal comma, whether a point occurs (removing spaces adds or removes none)
    has_point = _has_point(_chunked(nulled)) if decimal == "," else None
    plain = decimal == "." or not has_point
    vals = _try_cast(nulled) if plain else None
    if vals is None:
        # phase A, vectorised plain substring work: spaces as thousands separators and the
        # file's decimal mark
        # (separators absent from the first rows are left to phase B)
        head = "".join(v for v in nulled.slice(0, 20000).to_pylist() if v)
        seps = [ch for ch in (" ", "\u00a0", "\u202f", "\u2009", "\u2007", "'") if ch in head]
        mark, other = (",", ".") if decimal == "," else (".", ",")
        t2 = nulled
        for ch in seps:
            t2 = pc.replace_substring(t2, ch, "")
        if (has_point if decimal == "," else pc.any(pc.match_substring(t2, other)).as_py()):
            has = pc.match_substring(t2, mark)
            fixed = pc.replace_substring(t2, other, "")
            if mark == ",":
                fixed = pc.replace_substring(fixed, ",", ".")
            hard = pc.and_(pc.invert(has), pc.match_substring(t2, other))
            t2 = pc.if_else(hard, pa.scalar(None, pa.string()), pc.if_else(has, fixed, t2))
        elif mark == ",":
            t2 = _comma_to_point(t2)
        vals = _try_cast(t2)
        if vals is None:
            ok = pc.match_substring_regex(t2, _NUMBER_RE)
            vals = _try_cast(pc.if_else(ok, t2, pa.scalar(None, pa.string())))
    todo = np.flatnonzero(~empty & ~np.isfinite(vals))
    if len(todo):
        # phase B, only for the rows left: currency, minus signs, brackets, ambiguous marks
        vals[todo] = _parse_hard(nulled.take(pa.array(todo)), decimal)
    bad = ~empty & ~np.isfinite(vals)
    vals[bad] = np.nan
    return vals, empty, bad


def _plain_numbers(col: pa.ChunkedArray, decimal: str
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The clean column: every value a finite number as written (no blank, no space, no
    separator, no Excel notation), read by one cast of the raw text; None otherwise.

    Arrow's cast accepts no blank and no space around a number, so success means the general
    path would read the same values (trimming changes nothing, nothing is empty).
    """
    vals = _try_cast(col)
    if vals is None or not np.isfinite(vals).all():
        return None
    if decimal == "," and pc.any(pc.match_substring(col, ".")).as_py():
        return None  # '1.500' is a thousands separator with a decimal comma: the general path
    n = len(vals)
    return vals, np.zeros(n, bool), np.zeros(n, bool)


def _comma_to_point(text: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray:
    """``text`` with every ``,`` made ``.``: one pass over each chunk's bytes (the strings of
    ``pc.replace_substring(text, ",", ".")``, whose offsets and missing values it keeps)."""
    out = []
    for ch in _chunked(text).chunks:
        if ch.type != pa.string():  # 64-bit offsets, views: Arrow's kernel
            out.append(pc.replace_substring(ch, ",", ".").cast(pa.string()))
            continue
        bufs = ch.buffers()
        if bufs[2] is None or not len(ch):
            out.append(ch)
            continue
        data = np.frombuffer(bufs[2], dtype=np.uint8)
        edited = np.equal(data, 0x2C).view(np.uint8)  # one new buffer: 2 where a comma is,
        np.left_shift(edited, 1, out=edited)  # then the bytes added (',' + 2 is '.')
        np.add(edited, data, out=edited)
        out.append(pa.Array.from_buffers(pa.string(), len(ch), [bufs[0], bufs[1],
                                         pa.py_buffer(edited)], ch.null_count, ch.offset))
    return pa.chunked_array(out, type=pa.string())


def _has_point(text: pa.ChunkedArray) -> bool:
    """Whether a value of ``text`` holds ``.``: the bytes of its values, or Arrow's kernel
    for a chunk with missing values or a view offset."""
    for ch in text.chunks:
        if not len(ch):
            continue
        if ch.type != pa.string() or ch.null_count or ch.offset:
            if pc.any(pc.match_substring(ch, ".")).as_py():
                return True
            continue
        bufs = ch.buffers()
        if bufs[2] is None:
            continue
        off = np.frombuffer(bufs[1], dtype=np.int32, count=len(ch) + 1)
        if (np.frombuffer(bufs[2], dtype=np.uint8)[off[0]:off[-1]] == 0x2E).any():
            return True
    return False


def _try_cast(text) -> np.ndarray | None:
    try:
        if len(text) > 8192:  # a cast failing in the first rows fails at once, not at the end
            text.slice(0, 4096).cast(pa.float64())
        out = text.cast(pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return np.array(out.to_numpy(zero_copy_only=False), dtype=np.float64)


def _parse_hard(nulled, decimal: str) -> np.ndarray:
    t2 = _clean_number_text(nulled)
    if decimal == ",":
        has_sep = pc.match_substring(t2, ",")
        grouped = pc.match_substring_regex(t2, r"^-?\d{1,3}(\.\d{3})+$")
        a = pc.replace_substring(pc.replace_substring(t2, ".", ""), ",", ".")
        b = pc.replace_substring(t2, ".", "")
        t3 = pc.if_else(has_sep, a, pc.if_else(grouped, b, t2))
    else:
        has_sep = pc.match_substring(t2, ".")
        grouped = pc.match_substring_regex(t2, r"^-?\d{1,3}(,\d{3})+$")
        a = pc.replace_substring(t2, ",", "")
        b = pc.replace_substring(t2, ",", ".")
        t3 = pc.if_else(has_sep, a, pc.if_else(grouped, a, b))
    ok = pc.match_substring_regex(t3, _NUMBER_RE)
    good = pc.if_else(ok, t3, pa.scalar(None, pa.string()))
    return np.asarray(good.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)


# --------------------------------------------------------------------------------------------
# dates

_TIME = (
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
)


@dataclass(frozen=True)
class _Family:
    name: str
    label: str
    pattern: str
    strptime: str | None  # date part for the fast path


#: Date notations recognised, in order of preference when a sample fits several.
DATE_FAMILIES: tuple[_Family, ...] = (
    _Family(
        "iso", "yyyy-mm-dd",
        r"^(?P<Y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME + r"(?:Z|[+-]\d{2}:?\d{2})?$",
        "%Y-%m-%d",
    ),
    _Family(
        "dmy_dot", "dd.mm.yyyy",
        r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<Y>\d{4}|\d{2})(?:\s*г\.?)?" + _TIME + "$",
        "%d.%m.%Y",
    ),
    _Family(
        "dmy_slash", "dd/mm/yyyy",
        r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<Y>\d{4}|\d{2})" + _TIME + "$", "%d/%m/%Y",
    ),
    _Family(
        "mdy_slash", "mm/dd/yyyy",
        r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<Y>\d{4}|\d{2})" + _TIME + "$", "%m/%d/%Y",
    ),
    _Family(
        "dmy_dash", "dd-mm-yyyy",
        r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<Y>\d{4})" + _TIME + "$", "%d-%m-%Y",
    ),
    _Family(
        "mdy_dash", "mm-dd-yyyy",
        r"^(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<Y>\d{4})" + _TIME + "$", "%m-%d-%Y",
    ),
    _Family(
        "ymd_dot", "yyyy.mm.dd",
        r"^(?P<Y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})" + _TIME + "$", None,
    ),
    _Family("compact", "yyyymmdd", r"^(?P<Y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$", "%Y%m%d"),
)

_SERIAL_RE = r"^\d{4,6}(\.\d+)?$"
#: Excel serial day numbers accepted as dates (1927-05-18 .. 2173-10-14).
EXCEL_SERIAL_RANGE = (10_000, 100_000)
_EXCEL_EPOCH = np.datetime64("1899-12-30", "ns")
YEAR_RANGE = (1900, 2200)
_YEAR_MIN = np.datetime64(f"{YEAR_RANGE[0]}-01-01", "ns")
_YEAR_END = np.datetime64(f"{YEAR_RANGE[1] + 1}-01-01", "ns")


def _match_family(values: list[str], fam: _Family) -> int:
    rx = re.compile(fam.pattern)
    return sum(1 for v in values if rx.match(v))


def day_order(text: pa.Array, dayfirst: bool) -> tuple[dict[str, bool], list[str]]:
    """Decide dd/mm versus mm/dd from *all* values of a column, per separator (``/``, ``-``).

    A value whose first number is above 12 proves day-first; one whose second number is above
    12 proves month-first. With proof on one side only, that order is used; with proof on
    both sides, the majority, and the values of the other order are rejected; with no proof
    at all (every day is 12 or less) the column is ambiguous and ``dayfirst`` decides.

    Returns
    -------
    ({separator: day first?}, notes) : (dict, list of str)
        The order per separator seen, and sentences for the load report.
    """
    orders: dict[str, bool] = {}
    notes: list[str] = []
    for sep, fmts in (("/", ("dd/mm/yyyy", "mm/dd/yyyy")), ("-", ("dd-mm-yyyy", "mm-dd-yyyy"))):
        if not pc.any(pc.match_substring(text, sep)).as_py():
            continue
        pattern = rf"^(?P<a>\d{{1,2}}){re.escape(sep)}(?P<b>\d{{1,2}}){re.escape(sep)}\d{{2,4}}\b"
        shaped = pc.match_substring_regex(text, pattern)
        n = pc.sum(shaped).as_py() or 0
        if not n:
            continue
        st = pc.extract_regex(text.filter(shaped), pattern)
        a = pc.struct_field(st, "a").cast(pa.int64())
        b = pc.struct_field(st, "b").cast(pa.int64())
        a_gt = int(pc.sum(pc.greater(a, 12)).as_py() or 0)
        b_gt = int(pc.sum(pc.greater(b, 12)).as_py() or 0)
        if a_gt and not b_gt:
            orders[sep] = True
        elif b_gt and not a_gt:
            orders[sep] = False
        elif a_gt and b_gt:
            orders[sep] = a_gt >= b_gt
            used, other = (fmts if orders[sep] else fmts[::-1])
            notes.append(note_("load.warn.dates_mixed", a=a_gt, fmt_a=fmts[0], b=b_gt,
                               fmt_b=fmts[1], used=used, rejected=min(a_gt, b_gt), other=other))
        else:
            orders[sep] = bool(dayfirst)
            used = fmts[0] if dayfirst else fmts[1]
            notes.append(note_("load.warn.dates_ambiguous", n=n, example=f"01{sep}02{sep}2024",
                               used=used, dayfirst=bool(dayfirst), other=not dayfirst))
    return orders, notes


_ORDERED = ("dmy_slash", "mdy_slash", "dmy_dash", "mdy_dash")


def _decide_order(text: pa.Array, dayfirst: bool, notes: list[str] | None) -> dict[str, bool]:
    orders, order_notes = day_order(text, dayfirst)
    if notes is not None:
        notes.extend(order_notes)
    return orders


def _order_families(sample: list[str], orders: dict[str, bool]) -> list[_Family]:
    """Families ordered by how many sample values they fit (day order decided beforehand)."""
    fams = list(DATE_FAMILIES)
    drop = {"mdy_slash" if orders.get("/", True) else "dmy_slash",
            "mdy_dash" if orders.get("-", True) else "dmy_dash"}
    fams = [f for f in fams if f.name not in drop]
    scored = sorted(
        ((-_match_family(sample, f), i, f) for i, f in enumerate(fams)), key=lambda x: x[:2]
    )
    return [f for _, _, f in scored]


def _compose(Y, m, d, H, M, S, frac_ns) -> tuple[np.ndarray, np.ndarray]:
    """Build datetime64[ns] from integer parts; returns (values, valid)."""
    valid = (
        (Y >= YEAR_RANGE[0]) & (Y <= YEAR_RANGE[1]) & (m >= 1) & (m <= 12) & (d >= 1)
        & (H >= 0) & (H < 24) & (M >= 0) & (M < 60) & (S >= 0) & (S < 60)
    )
    Yv = np.where(valid, Y, 1970)
    mv = np.where(valid, m, 1)
    months = (Yv - 1970) * 12 + (mv - 1)
    start = months.astype("datetime64[M]").astype("datetime64[D]")
    nxt = (months + 1).astype("datetime64[M]").astype("datetime64[D]")
    dim = (nxt - start).astype(np.int64)
    valid &= d <= dim
    dv = np.where(valid, d, 1)
    out = (start + (dv - 1)).astype("datetime64[ns]")
    out = out + (H * 3600 + M * 60 + S).astype("timedelta64[s]") + frac_ns.astype("timedelta64[ns]")
    out[~valid] = np.datetime64("NaT")
    return out, valid


def _int_field(st, name: str, default: int) -> np.ndarray:
    f = pc.struct_field(st, name)
    f = pc.if_else(pc.equal(f, ""), pa.scalar(None, pa.string()), f)
    vals = f.cast(pa.int64()).to_numpy(zero_copy_only=False)
    vals = np.asarray(pd.array(vals, dtype="float64").to_numpy(na_value=np.nan))
    return np.where(np.isnan(vals), default, vals).astype(np.int64)


def _parse_family(text: pa.Array, fam: _Family) -> tuple[np.ndarray, np.ndarray]:
    """Parse ``text`` with one family; returns (values, matched-and-valid)."""
    n = len(text)
    matched = _np_bool(pc.match_substring_regex(text, fam.pattern))
    values = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if not matched.any():
        return values, matched
    idx = np.flatnonzero(matched)
    sub = text.take(pa.array(idx))
    st = pc.extract_regex(sub, fam.pattern)
    names = {st.type.field(i).name for i in range(st.type.num_fields)}
    Y = _int_field(st, "Y", 1970)
    if fam.name != "compact":
        ytxt = _np_bool(pc.equal(pc.utf8_length(pc.struct_field(st, "Y")), 2))
        Y = np.where(ytxt, np.where(Y < 69, 2000 + Y, 1900 + Y), Y)
    m = _int_field(st, "m", 0)
    d = _int_field(st, "d", 0)
    H = _int_field(st, "H", 0) if "H" in names else np.zeros(len(idx), np.int64)
    M = _int_field(st, "M", 0) if "M" in names else np.zeros(len(idx), np.int64)
    S = _int_field(st, "S", 0) if "S" in names else np.zeros(len(idx), np.int64)
    frac = np.zeros(len(idx), np.int64)
    if "f" in names:
        ftxt = pc.struct_field(st, "f").to_pylist()
        frac = np.array([int((s or "0").ljust(9, "0")[:9]) for s in ftxt], dtype=np.int64)
    vals, valid = _compose(Y, m, d, H, M, S, frac)
    values[idx] = vals
    ok = np.zeros(n, bool)
    ok[idx] = valid
    return values, ok


def _fast_family(text: pa.Array, fam: _Family, sample: str) -> tuple[np.ndarray, np.ndarray] | None:
    """strptime on fixed-width values shaped like ``sample``; None when not applicable."""
    if fam.strptime is None or not re.match(fam.pattern, sample):
        return None
    m = re.match(fam.pattern, sample)
    gd = m.groupdict()
    if gd.get("f") or len(gd.get("Y") or "") != (4 if "Y" in fam.strptime else 2):
        return None
    if any(len(gd.get(k) or "00") != 2 for k in ("m", "d", "H")):
        return None
    fmt = fam.strptime
    tail = sample[m.end("d") if fam.name in ("iso", "compact") else m.end("Y"):]
    if gd.get("H"):
        sep = tail[: tail.index(gd["H"])]
        if sep not in (" ", "T"):
            return None
        fmt += sep + ("%H:%M:%S" if gd.get("S") else "%H:%M")
        if tail != sep + gd["H"] + ":" + gd["M"] + (":" + gd["S"] if gd.get("S") else ""):
            return None
    elif tail:
        return None
    width = len(sample)
    lengths = pc.utf8_length(text)
    same = _np_bool(pc.equal(lengths, width))
    if not same.any():
        return None
    if same.all():
        fixed = _fixed_width_datetimes(text, fmt, width)
        if fixed is not None:
            values, ok = fixed
            if not ok.all():  # the rest as strptime reads them (the same values, one by one)
                rest = np.flatnonzero(~ok)
                checked = _strptime_checked(text.take(pa.array(rest)), fmt, same[rest], width)
                if checked is None:  # a day strptime's check cannot read: not this path
                    return None
                values[rest], ok[rest] = checked
            return values, ok
    return _strptime_checked(text, fmt, same, width)


def _strptime_checked(text: pa.Array, fmt: str, same: np.ndarray,
                      width: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Arrow's strptime with ``fmt``, the day checked against the text and the year range;
    ``same``: the values of the sample's width (the others are not matched). None when a
    day cannot be read from the text."""
    parsed = pc.strptime(text, format=fmt, unit="s", error_is_null=True)
    # strptime accepts 31.02 (it rolls over to 03.03): check the day against the text
    dpos = _directive_pos(fmt, "%d")
    day_fixed = _fixed_width_digits(text, width, dpos) if same.all() else None
    if day_fixed is not None:
        day_ok = np.asarray(pc.fill_null(pc.day(parsed), -1).to_numpy(zero_copy_only=False)) == (
            day_fixed)
    else:
        day_txt = pc.utf8_slice_codeunits(pc.if_else(pa.array(same), text, "01" * 8), dpos,
                                          dpos + 2)
        try:
            day_num = day_txt.cast(pa.int64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
        day_ok = pc.equal(pc.day(parsed), day_num)
    ok = _np_bool(day_ok) & same
    values = parsed.to_numpy(zero_copy_only=False).astype("datetime64[ns]")
    ok &= (values >= _YEAR_MIN) & (values < _YEAR_END)
    values[~ok] = np.datetime64("NaT")
    return values, ok


#: Fields of a fixed-width date-time format: directive -> digits.
_FIXED_FIELDS = {"%d": 2, "%m": 2, "%Y": 4, "%H": 2, "%M": 2, "%S": 2}
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _fixed_width_datetimes(text: pa.Array, fmt: str,
                           width: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Date-times of ``fmt`` (``%d %m %Y %H %M %S`` and literal ASCII characters) read from
    the bytes of values all ``width`` bytes long, without strptime; returns (values, ok), ok
    where every digit and separator is in place and the date exists (the values strptime and
    the day check give). None when the format or the buffers do not allow it."""
    if not isinstance(text, pa.Array) or text.type != pa.string() or text.null_count:
        return None
    fields: dict[str, int] = {}
    literals: list[tuple[int, int]] = []
    pos = i = 0
    while i < len(fmt):
        if fmt[i] == "%":
            d = fmt[i:i + 2]
            if d not in _FIXED_FIELDS or d in fields:
                return None
            fields[d] = pos
            pos += _FIXED_FIELDS[d]
            i += 2
        else:
            if ord(fmt[i]) > 0x7F:
                return None
            literals.append((pos, ord(fmt[i])))
            pos += 1
            i += 1
    if pos != width or not {"%d", "%m", "%Y"} <= fields.keys():
        return None
    n = len(text)
    off = np.frombuffer(text.buffers()[1], dtype=np.int32, count=n + 1, offset=text.offset * 4)
    if int(off[-1]) - int(off[0]) != n * width:
        return None
    data = np.frombuffer(text.buffers()[2], dtype=np.uint8)
    rows = data[off[0]: off[0] + n * width].reshape(n, width)
    values = np.empty(n, dtype="datetime64[ns]")
    ok = np.ones(n, dtype=bool)
    for start in range(0, n, _DATE_BLOCK):  # blocks that stay in the cache
        stop = min(n, start + _DATE_BLOCK)
        values[start:stop], ok[start:stop] = _fixed_block(rows[start:stop], fields, literals)
    return values, ok


#: Rows per block of :func:`_fixed_width_datetimes`.
_DATE_BLOCK = 1 << 16


def _fixed_block(rows: np.ndarray, fields: dict[str, int],
                 literals: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(values, ok) of one block of :func:`_fixed_width_datetimes`: ``rows`` of bytes, the
    fields' byte positions and the literal bytes' positions."""
    n = len(rows)
    ok = np.ones(n, dtype=bool)
    for at, byte in literals:
        ok &= rows[:, at] == byte

    def number(directive: str) -> np.ndarray:
        if directive not in fields:
            return np.zeros(n, dtype=np.int64)
        at = fields[directive]
        value = np.zeros(n, dtype=np.int64)
        for k in range(_FIXED_FIELDS[directive]):
            digit = rows[:, at + k] - np.uint8(48)  # a non-digit wraps above 9
            np.logical_and(ok, digit <= 9, out=ok)
            value *= 10
            value += digit
        return value

    Y, m, d = number("%Y"), number("%m"), number("%d")
    H, M, S = number("%H"), number("%M"), number("%S")
    leap = ((Y % 4 == 0) & (Y % 100 != 0)) | (Y % 400 == 0)
    dim = _MONTH_DAYS[np.clip(m, 0, 12)] + ((m == 2) & leap)
    ok &= (Y >= YEAR_RANGE[0]) & (Y <= YEAR_RANGE[1]) & (m >= 1) & (m <= 12)
    ok &= (d >= 1) & (d <= dim) & (H < 24) & (M < 60) & (S < 60)
    # days since 1970-01-01 of the civil date (H. Hinnant's days_from_civil), years >= 1
    y = Y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    seconds = days * 86400 + (H * 3600 + M * 60 + S)
    values = (seconds * 1_000_000_000).view("datetime64[ns]")
    values[~ok] = np.datetime64("NaT")
    return values, ok


def _fixed_width_digits(text: pa.Array, width: int, pos: int) -> np.ndarray | None:
    """The two-digit number at byte ``pos`` of every value when every value is ``width``
    bytes long (read from Arrow's data buffer, no string slicing); None when not so, or when
    a value has no digits there (the caller's cast would fail)."""
    if not isinstance(text, pa.Array) or text.type != pa.string() or text.null_count:
        return None
    n = len(text)
    lo, hi = pc.min_max(pc.binary_length(text)).values()
    if lo.as_py() != width or hi.as_py() != width:
        return None
    off = np.frombuffer(text.buffers()[1], dtype=np.int32, count=n + 1, offset=text.offset * 4)
    data = np.frombuffer(text.buffers()[2], dtype=np.uint8)
    rows = data[off[0]: off[0] + n * width].reshape(n, width)
    digits = rows[:, pos: pos + 2].astype(np.int64) - 48
    if ((digits < 0) | (digits > 9)).any():
        return None
    return digits[:, 0] * 10 + digits[:, 1]


def _directive_pos(fmt: str, directive: str) -> int:
    pos = i = 0
    while i < len(fmt):
        if fmt[i] == "%":
            if fmt[i : i + 2] == directive:
                return pos
            pos += 4 if fmt[i + 1] == "Y" else 2
            i += 2
        else:
            pos += 1
            i += 1
    raise ValueError(directive)


def _nat(n: int) -> np.ndarray:
    return np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")


def parse_dates(
    col: pa.ChunkedArray,
    *,
    dayfirst: bool = True,
    date_format: str | None = None,
    excel_dates: bool = False,
    notes: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, str | None]:
    """Parse dates; returns (datetime64[ns] values, empty mask, bad mask, format label).

    The day/month order of ``01/02/2024``-like values is decided from all values (see
    :func:`day_order`); sentences about it are appended to ``notes`` when given.
    """
    col = _chunked(col)
    t = col.type
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        if pa.types.is_timestamp(t) and t.tz is not None:
            col = col.cast(pa.timestamp(t.unit))
        vals = col.cast(pa.timestamp("ns")).to_numpy(zero_copy_only=False)
        vals = np.asarray(vals, dtype="datetime64[ns]")
        empty = np.isnat(vals)
        return vals, empty, np.zeros(len(vals), bool), "datetime values"
    if date_format is None and (pa.types.is_string(t) or pa.types.is_large_string(t)) and not (
            col.null_count):
        fast = _plain_iso(col)
        if fast is not None:
            vals, labels = fast
            n = len(vals)
            return vals, np.zeros(n, bool), np.zeros(n, bool), _label(labels, excel_dates)
    tt = to_text(col)
    text = tt.combine_chunks() if tt.num_chunks != 1 else tt.chunk(0)
    n = len(text)
    empty = _np_bool(pc.equal(text, ""))
    values = None  # NaT everywhere, allocated when a value is set (the fast path may give all)
    done = empty.copy()
    if date_format is not None:
        values = _nat(n)
        pending = np.flatnonzero(~done)
        sub = pd.Series(text.take(pa.array(pending)).to_pylist(), dtype=object)
        parsed = pd.to_datetime(sub, format=date_format, errors="coerce")
        vals = np.asarray(parsed.to_numpy(dtype="datetime64[ns]"))
        values[pending] = vals
        ok = ~np.isnat(vals)
        done[pending[ok]] = True
        return values, empty, ~done, date_format
    nonempty = np.flatnonzero(~empty) if empty.any() else None  # None: every row
    if nonempty is not None and not len(nonempty):
        return _nat(n), empty, np.zeros(n, bool), None
    step = max(1, (n if nonempty is None else len(nonempty)) // 2000)
    picks = np.arange(0, n, step)[:2000] if nonempty is None else nonempty[::step][:2000]
    sample = text.take(pa.array(picks)).to_pylist()
    labels: dict[str, int] = {}
    iso = _iso_cast(text, empty, sample)
    if iso is not None:  # the common clean case: one vectorised cast, no day-order question
        values, labels = iso
        done[:] = True
        fams = []
    else:
        # the day/month order is decided from all the values it concerns: every value when
        # the column is mostly d/m/y, else the values the main notation leaves
        fams = _order_families(sample, {"/": dayfirst, "-": dayfirst})
        if fams[0].name in _ORDERED:
            fams = _order_families(sample, _decide_order(text, dayfirst, notes))
    best = fams[0] if fams else None
    if best is not None and _match_family(sample, best):
        fast = _fast_family(text, best, next(v for v in sample if re.match(best.pattern, v)))
        if fast is not None:
            vals, ok = fast
            ok &= ~done
            if ok.all():
                values = vals
            else:
                values = _nat(n) if values is None else values
                values[ok] = vals[ok]
            done |= ok
            n_ok = int(ok.sum())
            if n_ok:
                first = np.arange(min(n, 2000)) if ok.all() else np.flatnonzero(ok)[:2000]
                got = text.take(pa.array(first)).to_pylist()
                for lab, k in _variants(best, got).items():
                    labels[lab] = labels.get(lab, 0) + k
    if fams and fams[0].name not in _ORDERED and not done.all():
        rest = text.take(pa.array(np.flatnonzero(~done)))
        fams = [fams[0]] + _order_families(sample, _decide_order(rest, dayfirst, notes))
    for fam in fams:
        if done.all():
            break
        pending = np.flatnonzero(~done)
        sub = text.take(pa.array(pending))
        vals, ok = _parse_family(sub, fam)
        if ok.any():
            values = _nat(n) if values is None else values
            values[pending[ok]] = vals[ok]
            done[pending[ok]] = True
            for lab, k in _variants(fam, sub.filter(pa.array(ok)).to_pylist()[:2000]).items():
                labels[lab] = labels.get(lab, 0) + k
    if not done.all():  # Excel serial day numbers
        pending = np.flatnonzero(~done)
        sub = text.take(pa.array(pending))
        is_serial = _np_bool(pc.match_substring_regex(sub, _SERIAL_RE))
        if is_serial.any():
            num = pc.if_else(pa.array(is_serial), sub, pa.scalar(None, pa.string()))
            days = num.cast(pa.float64()).to_numpy(zero_copy_only=False)
            days = np.where(is_serial, days, np.nan)
            ok = (days >= EXCEL_SERIAL_RANGE[0]) & (days < EXCEL_SERIAL_RANGE[1])
            ns = np.round(np.where(ok, days, 0) * 86_400_000_000_000).astype(np.int64)
            vals = _EXCEL_EPOCH + ns.astype("timedelta64[ns]")
            values = _nat(n) if values is None else values
            values[pending[ok]] = vals[ok]
            done[pending[ok]] = True
            if ok.any():
                labels["Excel serial number"] = int(ok.sum())
    return (_nat(n) if values is None else values), empty, ~done, _label(labels, excel_dates)


def _label(labels: dict[str, int], excel_dates: bool) -> str | None:
    """The format label of a date column from the counts of the notations seen."""
    label = None
    if labels:
        label = max(labels.items(), key=lambda kv: kv[1])[0]
        if len(labels) > 1:
            label = " / ".join(sorted(labels, key=lambda k: (-labels[k], k)))
    if excel_dates:
        label = "Excel date" if label in (None, "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss") else (
            "Excel date / " + label
        )
    return label


def _plain_iso(col: pa.ChunkedArray) -> tuple[np.ndarray, dict[str, int]] | None:
    """The clean column: every value an ISO date (time) as written, read by one cast of the
    raw text (no trimming: Arrow's cast accepts no blank and no space); None otherwise.

    The same values, sample and labels as the general path gives such a column.
    """
    n = len(col)
    if not n:
        return None
    sample = col.take(pa.array(np.arange(0, n, max(1, n // 2000))[:2000])).to_pylist()
    if not all(re.match(r"\d{4}-\d{2}-\d{2}", v) for v in sample[:50]):
        return None
    try:
        ts = col.cast(pa.timestamp("ns"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    lo, hi = pc.min_max(ts).values()
    if lo.value < _YEAR_MIN.astype(np.int64) or hi.value >= _YEAR_END.astype(np.int64):
        return None
    values = np.asarray(ts.to_numpy(zero_copy_only=False), dtype="datetime64[ns]")
    return values, _variants(DATE_FAMILIES[0], sample)


def _iso_cast(text: pa.Array, empty: np.ndarray,
              sample: list[str]) -> tuple[np.ndarray, dict[str, int]] | None:
    """ISO dates by Arrow's validating cast; None unless every non-empty value is ISO."""
    iso = DATE_FAMILIES[0]
    if not sample or not all(re.match(r"\d{4}-\d{2}-\d{2}", v) for v in sample[:50]):
        return None
    nulled = text if not empty.any() else pc.if_else(pa.array(empty), pa.scalar(None, pa.string()), text)
    try:
        ts = nulled.cast(pa.timestamp("ns"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    values = np.asarray(ts.to_numpy(zero_copy_only=False), dtype="datetime64[ns]")
    ok = np.isnat(values) == empty
    if not ok.all():
        return None
    lo, hi = pc.min_max(ts).values()
    if lo.is_valid and (lo.value < _YEAR_MIN.astype(np.int64) or hi.value >= _YEAR_END.astype(np.int64)):
        return None
    return values, _variants(iso, sample)


def _variants(fam: _Family, values: list[str]) -> dict[str, int]:
    """Count the notations (with/without time, 2- or 4-digit year) among ``values``."""
    rx = re.compile(fam.pattern)
    out: dict[str, int] = {}
    for v in values:
        m = rx.match(v)
        if not m:
            continue
        gd = m.groupdict()
        lab = fam.label.replace("yyyy", "yy") if len(gd.get("Y") or "1234") == 2 else fam.label
        if gd.get("H"):
            lab += " hh:mm:ss" if gd.get("S") else " hh:mm"
        out[lab] = out.get(lab, 0) + 1
    return out


# --------------------------------------------------------------------------------------------
# coded values (Kano answers, feedback kinds, lead stages)


def normalise_word(s: str) -> str:
    """Lower-case, ё -> е, collapse spaces and strip punctuation at the ends."""
    s = str(s).replace("\u00a0", " ").lower().replace("ё", "е")
    s = re.sub(r"[\s_\-]+", " ", s)
    return s.strip(" .,;:!?\"'«»")


def parse_codes(
    col: pa.ChunkedArray, lookup: dict[str, object]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map texts through ``lookup`` (keys normalised with :func:`normalise_word`).

    Returns (object array of codes with None, empty mask, bad mask).
    """
    text = to_text(_chunked(col))
    codes, uniques = pd.factorize(np.asarray(text.to_numpy(zero_copy_only=False), dtype=object))
    mapped = np.array(
        [lookup.get(normalise_word(u), None) if u != "" else None for u in uniques] + [None],
        dtype=object,
    )
    out = mapped[np.where(codes < 0, len(uniques), codes)]
    empty_u = np.array([u == "" for u in uniques] + [True], dtype=bool)
    empty = empty_u[np.where(codes < 0, len(uniques), codes)]
    bad = ~empty & np.array([v is None for v in out], dtype=bool)
    return out, empty, bad

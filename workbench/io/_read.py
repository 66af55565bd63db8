"""Read a file or a DataFrame into a raw table of (mostly) string columns.

Nothing here knows about the canonical tables: this layer finds the encoding, the delimiter,
the header line and the original row number of every record, and hands back Arrow columns
(strings for text files, typed for Parquet and typed DataFrame columns).
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pv

from workbench.errors import DataFileError

__all__ = ("TEXT_SUFFIXES", "EXCEL_SUFFIXES", "PARQUET_SUFFIXES", "RawTable", "read_source")

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + EXCEL_SUFFIXES + PARQUET_SUFFIXES

#: Candidate delimiters, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (";", "\t", ",", "|")
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_LINES = 200


@dataclass
class RawTable:
    """Columns as read, before any interpretation.

    ``rows`` holds the original row number of every record: the line/row number a text editor
    or a spreadsheet shows (the header is row 1 when it is the first line).
    """

    source: str
    kind: str  # "text", "excel", "parquet", "frame"
    names: list[str]
    columns: dict[str, pa.ChunkedArray]
    rows: np.ndarray
    index: pd.Index | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    excel_date_columns: set[str] = field(default_factory=set)
    malformed: list[tuple[int, list[str], str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    def frame(self, positions: np.ndarray | None = None) -> pd.DataFrame:
        """Return the original rows (all source columns) at ``positions`` as a DataFrame."""
        pos = np.arange(self.n_rows) if positions is None else np.asarray(positions, dtype=np.int64)
        data = {}
        for name in self.names:
            col = self.columns[name]
            taken = col.take(pa.array(pos, type=pa.int64())) if len(pos) else col.slice(0, 0)
            if pa.types.is_string(taken.type) or pa.types.is_large_string(taken.type):
                data[name] = pd.array(taken, dtype=pd.StringDtype())
            else:
                data[name] = taken.to_pandas()
        out = pd.DataFrame(data, columns=self.names)
        if self.index is not None:
            out.index = self.index[pos]
        return out


def source_name(source: object) -> str:
    """The name used for ``source`` in reports and messages."""
    if isinstance(source, pd.DataFrame):
        return "DataFrame"
    return Path(str(source)).name


# --------------------------------------------------------------------------------------------
# entry point


def read_source(
    source: object,
    *,
    encoding: str | None = None,
    sep: str | None = None,
    sheet_name: str | int = 0,
) -> RawTable:
    """Read a path (CSV/TSV/TXT, XLSX, Parquet) or a DataFrame into a :class:`RawTable`."""
    if isinstance(source, pd.DataFrame):
        return _read_frame(source)
    if isinstance(source, pd.Series):
        return _read_frame(source.to_frame())
    if not isinstance(source, (str, Path)):
        raise DataFileError(
            f"expected a file path or a pandas DataFrame, got {type(source).__name__}"
        )
    path = Path(source).expanduser()
    name = path.name
    if path.is_dir():
        raise DataFileError(
            f"{path} is a folder, not a file; use workbench.load_folder({str(path)!r}) to load "
            "every table in it"
        )
    if not path.exists():
        raise DataFileError(f"{name}: file not found ({path})")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DataFileError(
            f"{name}: the old Excel .xls format is not supported; open it in Excel and save it "
            "as .xlsx or CSV"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise DataFileError(
            f"{name}: unknown file type {suffix or '(no extension)'!r}; expected one of "
            f"{', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        if suffix in TEXT_SUFFIXES:
            return _read_text(path, encoding=encoding, sep=sep)
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(path, sheet_name=sheet_name)
        return _read_parquet(path)
    except DataFileError:
        raise
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc


# --------------------------------------------------------------------------------------------
# text files


def _decode_sample(sample: bytes, truncated: bool) -> str | None:
    """Decode a utf-8 sample, tolerating a multi-byte character cut at its end."""
    try:
        return sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(sample) - 3:
            return sample[: exc.start].decode("utf-8", errors="strict")
        return None


def _check_binary(data: bytes, name: str) -> None:
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        raise DataFileError(
            f"{name}: this is an Excel workbook (or another zip file), not a text file; "
            "give it the .xlsx extension"
        )
    if b"\x00" in head:
        raise DataFileError(
            f"{name}: the file is binary or UTF-16 encoded, not a readable text table; "
            "save it from Excel as 'CSV UTF-8' or pass an .xlsx file"
        )


def _split_fields(lines: list[str], delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=delimiter)
    try:
        return [r for r in reader]
    except csv.Error:
        return []


def sniff(lines: list[str], sep: str | None) -> tuple[str, int, list[str]]:
    """Return (delimiter, header line index, header fields) for the sample ``lines``."""
    candidates = (sep,) if sep else DELIMITERS
    best: tuple | None = None
    for pos, cand in enumerate(candidates):
        rows = [r for r in _split_fields(lines, cand)]
        counts = [len(r) for r in rows if any(f.strip() for f in r)]
        if not counts:
            continue
        values, freq = np.unique(counts, return_counts=True)
        mode = int(values[np.argmax(freq)])
        frac = float(np.max(freq)) / len(counts)
        score = (mode >= 2 or sep is not None, frac >= 0.8, mode, frac, -pos)
        if best is None or score > best[0]:
            best = (score, cand, mode)
    if best is None:
        return (sep or ",", 0, [])
    _, delim, mode = best
    rows = _split_fields(lines, delim)
    header = 0
    for i, r in enumerate(rows[:30]):
        filled = sum(1 for f in r if f.strip())
        if filled >= max(2, mode - 1) or (mode == 1 and filled):
            header = i
            break
    return delim, header, rows[header] if rows else []


def clean_names(names: list[str]) -> list[str]:
    """Strip names, name empty ones ``column_<n>`` and make duplicates unique (``x``, ``x.1``)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(names):
        n = str(raw).replace("\ufeff", "").strip().strip('"').strip()
        if not n or n.lower() == "none" or n.lower().startswith("unnamed:"):
            n = f"column_{i + 1}"
        if n in seen:
            seen[n] += 1
            n = f"{n}.{seen[n]}"
        else:
            seen[n] = 0
        out.append(n)
    return out


def _read_text(path: Path, *, encoding: str | None, sep: str | None) -> RawTable:
    name = path.name
    data = path.read_bytes()
    if re.search(rb"\S", data) is None:
        raise DataFileError(f"{name}: the file is empty")
    warnings: list[str] = []
    # --- encoding
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise DataFileError(f"{name}: unknown encoding {encoding!r}") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise DataFileError(
                f"{name}: cannot be decoded as {encoding} (byte {exc.start}); try encoding=None "
                "to detect it"
            ) from None
        text = text.lstrip("\ufeff")
        payload = text.encode("utf-8")
        enc_label = encoding
    elif data.startswith(codecs.BOM_UTF8):
        payload = data[len(codecs.BOM_UTF8):]
        enc_label = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        payload = data.decode("utf-16").encode("utf-8")
        enc_label = "utf-16"
    else:
        _check_binary(data, name)
        sample = data[:_SAMPLE_BYTES]
        if _decode_sample(sample, len(data) > _SAMPLE_BYTES) is not None:
            payload = data
            enc_label = "utf-8"
        else:
            payload, enc_label = _from_cp1251(data), "cp1251"
    if enc_label == "utf-16":
        pass
    elif encoding is None:
        _check_binary(payload, name)
    # --- delimiter and header
    head = payload[:_SAMPLE_BYTES]
    head_text = head.decode("utf-8", errors="ignore")
    lines = head_text.splitlines()
    if len(payload) > _SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last sampled line may be cut
    lines = lines[:_SAMPLE_LINES]
    delim, header_idx, header_fields = sniff(lines, sep)
    if header_idx:
        warnings.append(
            f"skipped {header_idx} line(s) above the header (titles or blank lines); "
            f"the header is line {header_idx + 1}"
        )
    names = clean_names(header_fields)
    if not names:
        raise DataFileError(f"{name}: no header line found")
    # --- parse
    bad: list = []

    def on_invalid(row):  # called by Arrow for a line with the wrong number of fields
        bad.append(row)
        return "skip"

    def arrow_read(buf: bytes) -> pa.Table:
        return pv.read_csv(
            io.BytesIO(buf),
            read_options=pv.ReadOptions(column_names=names, skip_rows=header_idx + 1),
            parse_options=pv.ParseOptions(
                delimiter=delim, quote_char='"', double_quote=True, invalid_row_handler=on_invalid
            ),
            convert_options=pv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    try:
        table = arrow_read(payload)
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc) and encoding is None and enc_label == "utf-8":
            payload, enc_label = _from_cp1251(data), "cp1251"
            warnings.append("the file is not valid UTF-8 throughout; it was read as cp1251")
            bad.clear()
            try:
                table = arrow_read(payload)
            except pa.ArrowInvalid:
                table = None
        else:
            table = None
    if table is not None and not bad:
        n = table.num_rows
        tail = payload[-4096:]
        trailing = tail[len(tail.rstrip(b"\r\n\t ")):].count(b"\n")
        n_lines = payload.count(b"\n") - trailing + 1
        if n_lines == header_idx + 1 + n:
            rows = np.arange(header_idx + 2, header_idx + 2 + n, dtype=np.int64)
        else:  # blank lines or quoted line breaks: count lines the slow way
            rows = _record_lines(payload, delim, header_idx)
            if len(rows) != n:
                table = None
        if table is not None:
            cols = {nm: table.column(i) for i, nm in enumerate(names)}
            return RawTable(
                name, "text", names, cols, rows, encoding=enc_label, delimiter=delim,
                header_row=header_idx + 1, warnings=warnings,
            )
    return _read_text_python(payload, name, names, delim, header_idx, enc_label, warnings)


def _from_cp1251(data: bytes) -> bytes:
    try:
        return data.decode("cp1251").encode("utf-8")
    except UnicodeDecodeError:  # 0x98 is unassigned in cp1251
        return data.decode("cp1251", errors="replace").encode("utf-8")


def _record_lines(payload: bytes, delim: str, header_idx: int) -> np.ndarray:
    """1-based line number where each data record starts (blank lines skipped)."""
    text = payload.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    starts = []
    prev = 0
    for i, rec in enumerate(reader):
        start = prev + 1
        prev = reader.line_num
        if i <= header_idx:
            continue
        if not rec or not any(f.strip() for f in rec):
            continue
        starts.append(start)
    return np.asarray(starts, dtype=np.int64)


def _read_text_python(
    payload: bytes, name: str, names: list[str], delim: str, header_idx: int, enc: str,
    warnings: list[str],
) -> RawTable:
    """Slow, exact path: the csv module, for files with malformed lines."""
    text = payload.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    width = len(names)
    cols: list[list[str]] = [[] for _ in names]
    rows: list[int] = []
    malformed: list[tuple[int, list[str], str]] = []
    prev = 0
    try:
        for i, rec in enumerate(reader):
            start = prev + 1
            prev = reader.line_num
            if i <= header_idx or not rec or not any(f.strip() for f in rec):
                continue
            if len(rec) > width and not any(f.strip() for f in rec[width:]):
                rec = rec[:width]
            if len(rec) != width:
                malformed.append(
                    (start, (rec + [""] * width)[:width],
                     f"line has {len(rec)} fields, the header has {width}")
                )
                continue
            rows.append(start)
            for j, f in enumerate(rec):
                cols[j].append(f)
    except csv.Error as exc:
        raise DataFileError(f"{name}: cannot parse line {reader.line_num}: {exc}") from None
    columns = {nm: pa.chunked_array([pa.array(c, type=pa.string())]) for nm, c in zip(names, cols, strict=False)}
    return RawTable(
        name, "text", names, columns, np.asarray(rows, dtype=np.int64), encoding=enc,
        delimiter=delim, header_row=header_idx + 1, malformed=malformed, warnings=warnings,
    )


# --------------------------------------------------------------------------------------------
# Excel, Parquet, DataFrame


def cell_text(v: object) -> str:
    """Text of one spreadsheet / object cell (dates in ISO form, whole floats without .0)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, _dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S") if (v.hour or v.minute or v.second) else v.strftime(
            "%Y-%m-%d"
        )
    if isinstance(v, _dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return ""
        if float(v).is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(float(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if v is pd.NaT or v is pd.NA:
        return ""
    return str(v)


def _read_excel(path: Path, sheet_name: str | int) -> RawTable:
    name = path.name
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DataFileError(f"{name}: reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException ...
        raise DataFileError(f"{name}: not a readable .xlsx workbook ({exc})") from None
    try:
        sheets = wb.sheetnames
        if isinstance(sheet_name, int):
            if not 0 <= sheet_name < len(sheets):
                raise DataFileError(
                    f"{name}: has {len(sheets)} sheet(s) ({', '.join(sheets)}); "
                    f"sheet_name={sheet_name} does not exist"
                )
            ws = wb[sheets[sheet_name]]
        else:
            if sheet_name not in sheets:
                raise DataFileError(
                    f"{name}: no sheet named {sheet_name!r}; sheets found: {', '.join(sheets)}"
                )
            ws = wb[sheet_name]
        raw_rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
    finally:
        wb.close()
    filled = [sum(1 for v in r if v is not None and str(v).strip()) for r in raw_rows]
    if not any(filled):
        raise DataFileError(f"{name}: the sheet is empty")
    top = max(filled[:50])
    header_idx = next(i for i, f in enumerate(filled) if f >= max(1, min(2, top), 0.8 * top))
    header = raw_rows[header_idx]
    while header and (header[-1] is None or not str(header[-1]).strip()):
        header = header[:-1]
    width = len(header)
    names = clean_names([cell_text(v) for v in header])
    warnings = []
    if header_idx:
        warnings.append(
            f"skipped {header_idx} row(s) above the header; the header is row {header_idx + 1}"
        )
    cols: list[list[str]] = [[] for _ in names]
    date_cols: set[str] = set()
    rows: list[int] = []
    for i in range(header_idx + 1, len(raw_rows)):
        if not filled[i]:
            continue
        rec = (raw_rows[i] + [None] * width)[:width]
        rows.append(i + 1)
        for j, v in enumerate(rec):
            if isinstance(v, (_dt.datetime, _dt.date)):
                date_cols.add(names[j])
            cols[j].append(cell_text(v))
    extra = sum(
        1 for i in range(header_idx + 1, len(raw_rows))
        if any(v is not None and str(v).strip() for v in raw_rows[i][width:])
    )
    if extra:
        warnings.append(f"{extra} row(s) have values right of the last header column; ignored")
    columns = {nm: pa.chunked_array([pa.array(c, type=pa.string())]) for nm, c in zip(names, cols, strict=False)}
    return RawTable(
        name, "excel", names, columns, np.asarray(rows, dtype=np.int64), header_row=header_idx + 1,
        excel_date_columns=date_cols, warnings=warnings,
    )


def _read_parquet(path: Path) -> RawTable:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise DataFileError(f"{path.name}: not a readable Parquet file ({exc})") from None
    frame_index = None
    meta = table.schema.pandas_metadata or {}
    drop = [c for c in meta.get("index_columns", []) if isinstance(c, str)]
    if drop:
        table = table.drop_columns([c for c in drop if c in table.column_names])
    names = clean_names(table.column_names)
    cols = {nm: _arrow_friendly(table.column(i)) for i, nm in enumerate(names)}
    return RawTable(
        path.name, "parquet", names, cols, np.arange(2, table.num_rows + 2, dtype=np.int64),
        index=frame_index,
    )


def _arrow_friendly(col: pa.ChunkedArray) -> pa.ChunkedArray:
    t = col.type
    if pa.types.is_dictionary(t):
        col = col.cast(t.value_type)
        t = col.type
    if pa.types.is_large_string(t) or pa.types.is_string_view(t):
        col = col.cast(pa.string())
    return col


def _read_frame(df: pd.DataFrame) -> RawTable:
    names = clean_names([str(c) for c in df.columns])
    cols: dict[str, pa.ChunkedArray] = {}
    for nm, (_, s) in zip(names, df.items(), strict=False):
        cols[nm] = _series_to_arrow(s)
    return RawTable(
        "DataFrame", "frame", names, cols, np.arange(2, len(df) + 2, dtype=np.int64),
        index=df.index,
    )


def _series_to_arrow(s: pd.Series) -> pa.ChunkedArray:
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        s = s.astype(object)
        dtype = s.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        if getattr(dtype, "tz", None) is not None:
            s = s.dt.tz_localize(None)
        return pa.chunked_array([pa.array(s.to_numpy(dtype="datetime64[ns]"), from_pandas=True)])
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
        return pa.chunked_array([pa.array([cell_text(v) for v in s.tolist()], type=pa.string())])
    if pd.api.types.is_string_dtype(dtype):
        try:
            arr = pa.array(s, from_pandas=True)
            if pa.types.is_large_string(arr.type) or pa.types.is_string_view(arr.type):
                arr = arr.cast(pa.string())
            if pa.types.is_string(arr.type):
                return pa.chunked_array([arr])
        except (pa.ArrowException, TypeError, ValueError):
            pass
        return pa.chunked_array([pa.array(s.fillna("").astype(object).tolist(), type=pa.string())])
    if pd.api.types.is_numeric_dtype(dtype):
        try:
            return pa.chunked_array([pa.array(s, from_pandas=True)])
        except (pa.ArrowException, TypeError, ValueError):
            pass
    return pa.chunked_array([pa.array([cell_text(v) for v in s.tolist()], type=pa.string())])

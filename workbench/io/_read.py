"""Read a file or a DataFrame into a raw table of (mostly) string columns.

Nothing here knows about the canonical tables: this layer finds the encoding, the delimiter,
the header line and the original row number of every record, and hands back Arrow columns
(strings for text files, typed for Parquet and typed DataFrame columns).
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from workbench.errors import DataFileError, shorten
from workbench.io._messages import note as note_
from workbench.io._text import (
    DELIMITERS,
    LineNumbers,
    clean_names,
    duplicate_names,
    read_text_bytes,
    sniff,
)

__all__ = (
    "DELIMITERS",
    "EXCEL_SUFFIXES",
    "PARQUET_SUFFIXES",
    "TEXT_SUFFIXES",
    "RawTable",
    "clean_names",
    "data_stem",
    "data_suffix",
    "read_source",
    "sniff",
)

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: Compressed text tables (``.csv.gz`` ...) and a zip holding one data table.
COMPRESSED_SUFFIXES = tuple(s + ".gz" for s in TEXT_SUFFIXES) + (".zip",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + EXCEL_SUFFIXES + PARQUET_SUFFIXES + COMPRESSED_SUFFIXES


def data_suffix(name: str) -> str:
    """The suffix that decides how a file is read: ``.csv``, ``.csv.gz``, ``.zip`` ..."""
    low = name.lower()
    for s in COMPRESSED_SUFFIXES:
        if low.endswith(s):
            return s
    return Path(low).suffix


def data_stem(name: str) -> str:
    """The file name without :func:`data_suffix` (``transactions.csv.gz`` -> ``transactions``)."""
    return name[: len(name) - len(data_suffix(name))]


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
    rows: np.ndarray | LineNumbers
    index: pd.Index | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    excel_date_columns: set[str] = field(default_factory=set)
    malformed: list[tuple[int, list[str], str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_names: dict[str, list[str]] = field(default_factory=dict)

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
    suffix = data_suffix(path.name)
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
        if suffix.endswith(".gz"):
            return _read_gzip(path, encoding=encoding, sep=sep)
        if suffix == ".zip":
            return _read_zip(path, encoding=encoding, sep=sep, sheet_name=sheet_name)
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(path, sheet_name=sheet_name)
        return _read_parquet(path)
    except DataFileError:
        raise
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read the file ({shorten(exc.strerror or exc, 100)})") from exc


# --------------------------------------------------------------------------------------------
# text files and compressed files


def _read_text(path: Path, *, encoding: str | None, sep: str | None,
               data: bytes | None = None, name: str | None = None) -> RawTable:
    name = name or path.name
    got = read_text_bytes(_file_buffer(path) if data is None else data, name,
                          encoding=encoding, sep=sep)
    cols = dict(zip(got.names, got.columns, strict=True))
    return RawTable(
        name, "text", got.names, cols, got.rows, encoding=got.encoding,
        delimiter=got.delimiter, header_row=got.header_row, malformed=got.malformed,
        warnings=got.warnings, duplicate_names=got.duplicate_names,
    )


def _file_buffer(path: Path):
    """The file's bytes as a read-only memory map (the page cache itself: no copy of a large
    file into the process's memory), or as bytes when it cannot be mapped (empty, a pipe)."""
    import mmap

    with open(path, "rb") as f:
        try:
            if os.fstat(f.fileno()).st_size:
                populate = getattr(mmap, "MAP_POPULATE", 0)
                if populate and hasattr(mmap, "MAP_SHARED"):  # map every page now, not per fault
                    return mmap.mmap(f.fileno(), 0, flags=mmap.MAP_SHARED | populate,
                                     prot=mmap.PROT_READ)
                return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            pass
        return f.read()


def _read_gzip(path: Path, *, encoding: str | None, sep: str | None) -> RawTable:
    import gzip
    import zlib

    inner = path.name[: -len(".gz")]
    if Path(inner).suffix.lower() not in TEXT_SUFFIXES:
        raise DataFileError(
            f"{path.name}: a .gz file must hold a text table ({', '.join(s + '.gz' for s in TEXT_SUFFIXES)})"
        )
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise DataFileError(f"{path.name}: not a readable gzip file ({shorten(exc, 100)})") from None
    return _read_text(path, encoding=encoding, sep=sep, data=data, name=path.name)


def _read_zip(path: Path, *, encoding: str | None, sep: str | None,
              sheet_name: str | int) -> RawTable:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            members = [
                m for m in zf.infolist()
                if not m.is_dir() and not m.filename.startswith("__MACOSX/")
                and not Path(m.filename).name.startswith(".")
            ]
            tables = [m for m in members
                      if Path(m.filename).suffix.lower() in TEXT_SUFFIXES + EXCEL_SUFFIXES
                      + PARQUET_SUFFIXES]
            if len(tables) != 1:
                listed = ", ".join(shorten(m.filename) for m in members[:10]) or "nothing"
                if len(members) > 10:
                    listed += f" and {len(members) - 10} more"
                what = "no data table" if not tables else f"{len(tables)} data tables"
                raise DataFileError(
                    f"{path.name}: a .zip must hold exactly one data table (.csv, .tsv, .txt, "
                    f".xlsx or .parquet); it holds {what} ({listed}). Unpack it and load the "
                    "files one by one"
                )
            member = tables[0]
            data = zf.read(member)
    except zipfile.BadZipFile as exc:
        raise DataFileError(f"{path.name}: not a readable zip file ({shorten(exc, 100)})") from None
    inner = Path(member.filename).name
    label = f"{path.name}/{inner}"
    suffix = Path(inner).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _read_text(path, encoding=encoding, sep=sep, data=data, name=label)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(io.BytesIO(data), sheet_name=sheet_name, name=label)
    return _read_parquet(io.BytesIO(data), name=label)


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


def _read_excel(path, sheet_name: str | int, name: str | None = None) -> RawTable:
    name = name or path.name
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DataFileError(f"{name}: reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException ...
        raise DataFileError(f"{name}: not a readable .xlsx workbook ({shorten(exc, 100)})") from None
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
    header_text = [cell_text(v) for v in header]
    names = clean_names(header_text)
    warnings = []
    if header_idx:
        warnings.append(note_("load.warn.rows_above_header", n=header_idx, line=header_idx + 1))
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
        warnings.append(note_("load.warn.values_right_of_header", n=extra))
    if not rows:
        raise DataFileError(
            f"{name}: the sheet has a header (row {header_idx + 1}) but no data rows"
        )
    columns = {nm: pa.chunked_array([pa.array(c, type=pa.string())]) for nm, c in zip(names, cols, strict=False)}
    return RawTable(
        name, "excel", names, columns, np.asarray(rows, dtype=np.int64), header_row=header_idx + 1,
        excel_date_columns=date_cols, warnings=warnings,
        duplicate_names=duplicate_names(header_text, names),
    )


def _read_parquet(path, name: str | None = None) -> RawTable:
    import pyarrow.parquet as pq

    name = name or path.name
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise DataFileError(f"{name}: not a readable Parquet file ({shorten(exc, 100)})") from None
    if table.num_rows == 0:
        raise DataFileError(f"{name}: the Parquet file has no rows")
    frame_index = None
    meta = table.schema.pandas_metadata or {}
    drop = [c for c in meta.get("index_columns", []) if isinstance(c, str)]
    if drop:
        table = table.drop_columns([c for c in drop if c in table.column_names])
    names = clean_names(table.column_names)
    cols = {nm: _arrow_friendly(table.column(i)) for i, nm in enumerate(names)}
    return RawTable(
        name, "parquet", names, cols, LineNumbers(2, table.num_rows),
        index=frame_index, duplicate_names=duplicate_names(table.column_names, names),
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
        "DataFrame", "frame", names, cols, LineNumbers(2, len(df)),
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

"""Read delimited text (CSV/TSV/TXT) into string columns, one record per physical line.

The contract of this module is the bookkeeping of lines: every non-blank physical line after
the header is either part of exactly one record (kept, with the number of the line it starts
on) or rejected as malformed with its own line number and a reason. A record is one line,
except when a properly quoted value holds a line break.

Two paths:

* the fast path hands the whole file to Arrow's CSV reader and checks that the number of
  records equals the number of non-blank data lines; that holds for every clean file;
* when it does not hold (a stray quote, a line with the wrong number of fields, garbage bytes
  ...), the slow path walks the physical lines: each line is classified on its own (a
  quoted value left open at the end of a line is joined with the following lines only while
  those are not records of their own), so one stray quote costs one line, never the rest of
  the file, and no field ever grows past the ``csv`` module's field limit.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.csv as pv

from workbench.errors import DataFileError, shorten
from workbench.io._messages import note as note_
from workbench.io._threads import BLOCK, count_byte, count_pair, parallel_map

__all__ = ("DELIMITERS", "clean_names", "decode_bytes", "read_text_bytes", "sniff")

#: Candidate delimiters, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (";", "\t", ",", "|")
_SAMPLE_BYTES = 64 * 1024
#: Larger cp1251 files are transcoded by Arrow's reader (see read_text_bytes).
_LAZY_CP1251_BYTES = 1 << 20
_SAMPLE_LINES = 200
#: Lines a quoted value may span before an open quote is taken for a stray one.
MAX_RECORD_LINES = 50
_REPLACEMENT = "\ufffd"
#: Bytes that do not occur in text tables (all C0 controls but tab, line feed, carriage return).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))


@dataclass
class TextTable:
    """Records of a text file: string columns and the line number each record starts on."""

    names: list[str]
    columns: list[pa.ChunkedArray]
    rows: np.ndarray | LineNumbers
    encoding: str
    delimiter: str
    header_row: int
    malformed: list[tuple[int, list[str], str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_names: dict[str, list[str]] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# encodings


def _is_utf8(data) -> bool:
    """Full UTF-8 validation without building a Python string (Arrow's validator), on any
    buffer (bytes, mmap); a large one in pieces cut after a line break, on the cores."""
    if isinstance(data, bytes) and (len(data) <= 2 * BLOCK or data.isascii()):
        return _valid_utf8(data, 0, len(data))
    cuts = [0]
    for i in range(BLOCK, len(data), BLOCK):
        nl = data.find(b"\n", max(i, cuts[-1]))
        if nl < 0:
            break
        if nl + 1 < len(data):
            cuts.append(nl + 1)
    cuts.append(len(data))
    pieces = list(zip(cuts[:-1], cuts[1:], strict=True))
    if not _valid_utf8(data, *pieces[0]):  # a cp1251 file fails here, at once
        return False
    return all(parallel_map(lambda r: _valid_utf8(data, *r), pieces[1:]))


def _valid_utf8(data, lo: int, hi: int) -> bool:
    """Whether ``data[lo:hi]`` is valid UTF-8 (``lo`` and ``hi`` cut no character: the byte
    before each is ASCII or an end of the buffer)."""
    if hi <= lo:
        return True
    offsets = pa.py_buffer(np.array([0, hi - lo], dtype=np.int64).tobytes())
    arr = pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data).slice(lo, hi - lo))
    try:
        arr.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _utf8_damage(data: bytes) -> tuple[str, int, int]:
    """Decode with replacement; returns (text, replaced bytes, valid multi-byte characters)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    multi = len(data) - len(text)  # every valid 2-4 byte character shortens the text
    return text, bad, multi


def _looks_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few damaged bytes (not a cp1251 file)."""
    _, bad, multi = _utf8_damage(data)
    return multi > 0 and multi >= 4 * bad


def _from_cp1251(data: bytes, chunk: int = 1 << 24) -> bytes:
    """cp1251 -> UTF-8, 16 MB at a time (a single-byte code: any cut is safe), so the
    intermediate Python string never holds the whole file."""
    parts = []
    for i in range(0, len(data), chunk):
        piece = data[i:i + chunk]
        try:
            parts.append(piece.decode("cp1251").encode("utf-8"))
        except UnicodeDecodeError:  # 0x98 is unassigned in cp1251
            parts.append(piece.decode("cp1251", errors="replace").encode("utf-8"))
    return b"".join(parts)


def check_binary(data: bytes, name: str) -> None:
    """Refuse zip/Excel files and binary or UTF-16 content given as text."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        raise DataFileError(
            f"{name}: this is an Excel workbook (or another zip file), not a text file; "
            "give it the .xlsx (or .zip) extension"
        )
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control * 100 > len(head):  # more than 1 % NUL / control bytes
        raise DataFileError(
            f"{name}: the file is binary or UTF-16 encoded, not a readable text table; "
            "save it from Excel as 'CSV UTF-8' or pass an .xlsx file"
        )


def _as_bytes(data) -> bytes:
    """The bytes of a buffer (a copy of a memory-mapped file; bytes as they are)."""
    return data if isinstance(data, bytes) else bytes(data)


def decode_bytes(
    data: bytes, name: str, encoding: str | None = None, transcode: bool = True
) -> tuple[bytes, str, bool, str | None]:
    """Find the encoding of ``data`` and return it as UTF-8.

    Detection: a BOM (UTF-8, UTF-16), else valid UTF-8, else UTF-8 with a few damaged
    bytes (when most non-ASCII characters are valid UTF-8: the damaged bytes become U+FFFD and
    their lines are rejected by the reader), else cp1251. The same detection serves data files
    and mapping files.

    With ``transcode=False``, a file detected as cp1251 is returned as it is (``payload is
    data``, label ``"cp1251"``): the reader transcodes it while parsing.

    ``data`` may be any buffer with ``find`` and slicing (a memory-mapped file): a valid UTF-8
    file (no BOM) and an untranscoded cp1251 one come back as that same object; every other
    result is bytes.

    Returns
    -------
    (payload, label, damaged, note) : (bytes, str, bool, str or None)
        UTF-8 bytes without BOM, the encoding found, whether bytes had to be replaced and a
        note for the load report (or None).
    """
    if encoding is not None:
        data = _as_bytes(data)
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise DataFileError(f"{name}: unknown encoding {shorten(encoding)!r}") from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise DataFileError(
                f"{name}: cannot be decoded as {encoding} (byte {exc.start}); try encoding=None "
                "to detect it"
            ) from None
        return text.lstrip("\ufeff").encode("utf-8"), encoding, False, None
    if data[:len(codecs.BOM_UTF8)] == codecs.BOM_UTF8:
        body = data[len(codecs.BOM_UTF8):]
        if _is_utf8(body):
            return body, "utf-8-sig", False, None
        text, bad, _ = _utf8_damage(body)
        return text.encode("utf-8"), "utf-8-sig", True, _damage_note(bad)
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return _as_bytes(data).decode("utf-16").encode("utf-8"), "utf-16", False, None
        except UnicodeDecodeError:
            raise DataFileError(f"{name}: damaged UTF-16 text") from None
    check_binary(data, name)
    if _is_utf8(data):
        return data, "utf-8", False, None
    # decide on the sample first (cheap for a cp1251 file), then on the whole file
    sample = data[:_SAMPLE_BYTES]
    sample_utf8 = _is_utf8(sample[: max(0, len(sample) - 3)])
    if sample_utf8 or _looks_utf8(sample):
        text, bad, multi = _utf8_damage(_as_bytes(data))
        if multi > 0 and multi >= 4 * bad:
            return text.encode("utf-8"), "utf-8", True, _damage_note(bad)
    note = note_("load.warn.read_as_cp1251") if sample_utf8 else None
    return (_from_cp1251(data) if transcode else data), "cp1251", False, note


def _damage_note(bad: int) -> str:
    return note_("load.warn.damaged_bytes", n=bad)


# --------------------------------------------------------------------------------------------
# lines, delimiter, header


def split_lines(text: str) -> list[str]:
    """Physical lines (``\\n``, ``\\r\\n`` or old-Mac ``\\r``); no trailing empty line."""
    if "\n" in text:
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    lines = text.split("\r")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _fields(line: str, delimiter: str) -> list[str]:
    """Fields of one physical line (csv rules, never reading past the line)."""
    if '"' not in line:
        return line.split(delimiter)
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def sniff(lines: list[str], sep: str | None) -> tuple[str, int, list[str]]:
    """Return (delimiter, header line index, header fields) for the sample ``lines``."""
    candidates = (sep,) if sep else DELIMITERS
    best: tuple | None = None
    for pos, cand in enumerate(candidates):
        counts = [len(f) for f in (_fields(ln, cand) for ln in lines) if any(x.strip() for x in f)]
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
    rows = [_fields(ln, delim) for ln in lines[:30]]
    for i, r in enumerate(rows):
        filled = sum(1 for f in r if f.strip())
        if filled >= max(2, mode - 1) or (mode == 1 and filled):
            return delim, i, r
    return delim, 0, rows[0] if rows else []


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


def duplicate_names(raw_names: list[str], names: list[str]) -> dict[str, list[str]]:
    """``{header text: [the unique names given to its copies]}`` for repeated header names."""
    groups: dict[str, list[str]] = {}
    for raw, nm in zip(raw_names, names, strict=True):
        key = str(raw).replace("\ufeff", "").strip().strip('"').strip()
        if key:
            groups.setdefault(key, []).append(nm)
    return {k: v for k, v in groups.items() if len(v) > 1}


# --------------------------------------------------------------------------------------------
# the reader


def read_text_bytes(
    data: bytes, name: str, *, encoding: str | None = None, sep: str | None = None
) -> TextTable:
    """Read the bytes of a delimited text file; see the module docstring for the contract."""
    if re.search(rb"\S", data[:1 << 20]) is None and re.search(rb"\S", data) is None:
        raise DataFileError(f"{name}: the file is empty")
    # a large cp1251 file stays in cp1251 (its delimiters, quotes and line breaks are the same
    # bytes as in UTF-8): Arrow's reader transcodes it while parsing; only when the fast path
    # does not take it is it transcoded here, for the line-by-line reader
    lazy = encoding is None and len(data) > _LAZY_CP1251_BYTES
    payload, enc_label, damaged, note = decode_bytes(data, name, encoding, transcode=not lazy)
    single_byte = lazy and enc_label == "cp1251" and payload is data
    del data  # the file's bytes are not needed once decoded (the payload may be them)
    if re.search(rb"\S", payload) is None:
        raise DataFileError(f"{name}: the file is empty")
    # the first _SAMPLE_BYTES of the UTF-8 text (cp1251 never gets shorter in UTF-8)
    head = _from_cp1251(payload[:_SAMPLE_BYTES]) if single_byte else payload
    head_text = head[:_SAMPLE_BYTES].decode("utf-8", errors="ignore")
    lines = split_lines(head_text)
    if len(payload) > _SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last sampled line may be cut
    lines = lines[:_SAMPLE_LINES]
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    delim, header_idx, header_fields = sniff(lines[first:], sep)
    header_idx += first
    warnings: list[str] = [note] if note else []
    if header_idx:
        warnings.append(note_("load.warn.lines_above_header", n=header_idx, line=header_idx + 1))
    names = clean_names(header_fields)
    if not names:
        raise DataFileError(f"{name}: no header line found")
    dups = duplicate_names(header_fields, names)
    start = _line_offset(payload, header_idx + 1)  # the data lines: payload[start:]
    first_line = header_idx + 2
    fast = None
    if not damaged and payload.find(b"\x00", start) < 0:
        fast = _fast_read(payload, start, names, delim, first_line,
                          "cp1251" if single_byte else None)
    if fast is None and single_byte:
        payload = _from_cp1251(payload)
        start = _line_offset(payload, header_idx + 1)
    if fast is not None:
        columns, rows = fast
        malformed: list = []
    else:
        columns, rows, malformed = _slow_read(payload[start:], names, delim, first_line, damaged)
    if not len(rows) and not malformed:
        raise DataFileError(
            f"{name}: the file has a header (line {header_idx + 1}) but no data rows"
        )
    return TextTable(
        names, columns, rows, enc_label, delim, header_idx + 1, malformed, warnings, dups
    )


def _line_offset(payload: bytes, n: int) -> int:
    """Byte offset of the start of physical line ``n`` (0-based)."""
    pos = 0
    newline = b"\n" if payload.find(b"\n") >= 0 or payload.find(b"\r") < 0 else b"\r"
    for _ in range(n):
        nxt = payload.find(newline, pos)
        if nxt < 0:
            return len(payload)
        pos = nxt + 1
    return pos


#: Bytes Arrow's reader takes at a time (a chunk of the table per block); tests lower it.
BLOCK_SIZE = 1 << 24


def _arrow_read(payload: bytes, start: int, names: list[str], delim: str,
                on_invalid) -> pa.Table:
    # newlines_in_values=False lets Arrow cut the file into blocks at any line break, in
    # parallel. A quoted value holding a line break may then be cut at a block boundary; such
    # a file is never accepted by the fast path (see _fast_read), so nothing is lost.
    # The payload is valid UTF-8 (decode_bytes): no need to check the values' UTF-8 again; or
    # cp1251, whose values are transcoded afterwards (_transcode_cp1251).
    return pv.read_csv(
        pa.BufferReader(pa.py_buffer(payload).slice(start)),  # no copy of the data
        read_options=pv.ReadOptions(column_names=names, block_size=BLOCK_SIZE,
                                    encoding="utf8"),
        parse_options=pv.ParseOptions(
            delimiter=delim, quote_char='"', double_quote=True,
            newlines_in_values=False, invalid_row_handler=on_invalid,
        ),
        convert_options=pv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            check_utf8=False,
        ),
    )


#: UTF-8 bytes added by each cp1251 byte (0 for ASCII, 1 for most letters, 2 for a few
#: signs such as the euro or the numero sign; 0x98 is no cp1251 character: strict decoding
#: refuses it).
_CP1251_EXTRA = np.array(
    [len(bytes([b]).decode("cp1251", errors="replace").encode("utf-8")) - 1 for b in range(256)],
    dtype=np.uint8)


def _cp1251_chunk(chunk: pa.Array) -> pa.Array:
    """One string chunk holding cp1251 bytes -> the same values in UTF-8 (strict: a byte that
    is no cp1251 character raises UnicodeDecodeError). The data buffer is transcoded at once
    (a single-byte code maps every byte on its own) and the offsets moved by the bytes added
    before each value."""
    n = len(chunk)
    if not n or chunk.null_count:
        if chunk.null_count:
            raise pa.ArrowInvalid("nulls in a text column")  # never: strings_can_be_null=False
        return chunk
    bufs = chunk.buffers()
    off = np.frombuffer(bufs[1], dtype=np.int32, count=n + 1, offset=chunk.offset * 4)
    lo, hi = int(off[0]), int(off[-1])
    if bufs[2] is None or hi == lo:
        return chunk
    data = np.frombuffer(bufs[2], dtype=np.uint8)[lo:hi]
    high = data >= 0x80
    if not high.any():
        return chunk  # ASCII: the same bytes in UTF-8
    utf8 = str(memoryview(data), "cp1251").encode("utf-8")  # decoded from the buffer itself
    if len(utf8) >= 1 << 31:
        raise pa.ArrowInvalid("cp1251 transcoding: a chunk over 2 GB")  # never: 16 MB blocks
    rel = off - lo
    new_off = _two_byte_offsets(high, rel, len(utf8) - len(data))
    if new_off is None:  # a sign of three UTF-8 bytes (the euro, the numero sign, a dash...)
        wide = np.int32 if len(data) < 1 << 29 else np.int64  # a UTF-8 chunk < 3x its cp1251
        added = np.zeros(len(data) + 1, dtype=wide)
        np.cumsum(_CP1251_EXTRA[data], dtype=wide, out=added[1:])
        new_off = (rel.astype(wide) + added[rel]).astype(np.int32)
    if int(new_off[-1]) != len(utf8):
        raise pa.ArrowInvalid("cp1251 transcoding: offsets do not add up")  # never
    return pa.StringArray.from_buffers(n, pa.py_buffer(new_off), pa.py_buffer(utf8))


def _two_byte_offsets(high: np.ndarray, rel: np.ndarray, added: int) -> np.ndarray | None:
    """The UTF-8 offsets of values whose every non-ASCII byte became two bytes (each adds one:
    a value moves by the count of such bytes before it), from the per-value counts; None when
    ``added`` (the bytes the whole chunk gained) says a byte became three."""
    n = len(rel) - 1
    ends = int(np.searchsorted(rel[:-1], len(high), side="left"))  # values from here are
    # empty at the end of the data (reduceat needs every start inside it)
    counts = np.zeros(n, dtype=np.int32)
    if ends:
        counts[:ends] = np.add.reduceat(high.view(np.uint8), rel[:ends], dtype=np.int32)
        empty = rel[1:ends + 1] == rel[:ends]  # reduceat gives an empty value its next byte
        if empty.any():
            counts[:ends][empty] = 0
    new_off = np.empty(n + 1, dtype=np.int32)
    new_off[0] = 0
    np.cumsum(counts, out=new_off[1:])
    if int(new_off[-1]) != added:
        return None
    new_off += rel
    return new_off


def _transcode_cp1251(table: pa.Table) -> pa.Table:
    """Every value of a table read from cp1251 bytes, in UTF-8 (chunks on the cores)."""
    jobs = [(i, j) for i, col in enumerate(table.columns) for j in range(col.num_chunks)]
    done = parallel_map(lambda ij: _cp1251_chunk(table.column(ij[0]).chunk(ij[1])), jobs)
    got: dict[int, list[pa.Array]] = {}
    for (i, _), chunk in zip(jobs, done, strict=True):
        got.setdefault(i, []).append(chunk)
    return pa.table([pa.chunked_array(got.get(i, []), type=pa.string())
                     for i in range(table.num_columns)], names=table.column_names)


def _blank_records(columns: list[pa.ChunkedArray]) -> np.ndarray | None:
    """Mask of records whose fields are all blank (a line of delimiters), or None if none."""
    import pyarrow.compute as pc

    first = columns[0] if columns else None
    if first is None or (pc.min(pc.binary_length(first)).as_py() or 0) > 0 and not pc.any(
            pc.utf8_is_space(first)).as_py():
        return None  # the first field is never blank: no line of delimiters only
    mask = None
    for col in columns:
        empty = pc.equal(pc.utf8_trim_whitespace(col), "")
        mask = empty if mask is None else pc.and_(mask, empty)
        if not pc.any(mask).as_py():
            return None
    return None if mask is None else np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)


class LineNumbers:
    """The line numbers ``start, start + 1, ...`` of ``n`` consecutive records, without an
    array of them: a 10M-row table's would be 80 MB of fresh memory, read only at the few
    positions of rejected or repeated rows. Indexing with positions (an integer, an array of
    integers) gives what the array would; anything else, and ``np.asarray``, builds it."""

    __slots__ = ("n", "start")

    def __init__(self, start: int, n: int) -> None:
        self.start, self.n = int(start), int(n)

    def __len__(self) -> int:
        return self.n

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        return np.arange(self.start, self.start + self.n, dtype=dtype or np.int64)

    def __getitem__(self, key):
        if isinstance(key, (int, np.integer)):
            k = int(key) + (self.n if key < 0 else 0)
            if not 0 <= k < self.n:
                raise IndexError(f"position {int(key)} out of {self.n} lines")
            return np.int64(self.start + k)
        pos = np.asarray(key)
        if pos.ndim == 1 and pos.dtype.kind in "iu" and not len(pos):
            return np.empty(0, dtype=np.int64)  # no rejected row: not the array of them all
        if pos.ndim != 1 or pos.dtype.kind not in "iu" or not len(pos) or not (
                -self.n <= int(pos.min()) and int(pos.max()) < self.n):
            return np.asarray(self)[key]  # masks, slices, an empty or bad index: the array's
        pos = pos.astype(np.int64)
        return np.where(pos < 0, pos + self.n, pos) + self.start

    def astype(self, dtype) -> np.ndarray:
        return np.asarray(self, dtype=dtype)


def _fast_read(
    payload: bytes, start: int, names: list[str], delim: str, first_line: int,
    encoding: str | None = None,
) -> tuple[list[pa.ChunkedArray], np.ndarray] | None:
    """Arrow's reader, accepted only when records and non-blank lines agree one to one.

    ``encoding``: the payload's single-byte encoding (cp1251) when it is not UTF-8; its line
    breaks, quotes and delimiters are the same bytes, so the records are found and the lines
    counted on the payload as it is, and the values transcoded afterwards
    (:func:`_transcode_cp1251`).
    """
    bad: list = []

    def on_invalid(row):
        bad.append(row)
        return "skip"

    try:
        table = _arrow_read(payload, start, names, delim, on_invalid)
        if bad:
            return None
        if encoding is not None:
            table = _transcode_cp1251(table)
    except (pa.ArrowInvalid, pa.ArrowException, UnicodeDecodeError):
        return None  # 0x98 is not cp1251: the general path replaces it
    n_rec = table.num_rows
    newline = b"\n" if payload.find(b"\n", start) >= 0 or payload.find(b"\r", start) < 0 else b"\r"
    size = len(payload) - start
    n_phys = count_byte(payload, newline[0], start) + (
        1 if size and payload[-1:] != newline else 0)
    # blank lines (skipped by Arrow) and records spanning lines both make n_rec < n_phys
    if payload.find(b'"', start) >= 0 and _line_break_in_values(table, payload, start, newline):
        return None  # a quoted line break: a record spanning lines, or a block cut inside one
    if n_rec == n_phys:
        rows = LineNumbers(first_line, n_phys)
    else:
        blank = _blank_lines(payload, start, newline)
        if n_rec != n_phys - len(blank):
            return None  # some record spans several lines: let the slow path look at it
        rows = np.delete(np.arange(n_phys, dtype=np.int64), blank) + first_line
    columns = [table.column(i) for i in range(len(names))]
    blank_rec = _blank_records(columns)
    if blank_rec is not None:
        keep = pa.array(np.flatnonzero(~blank_rec))
        columns = [c.take(keep) for c in columns]
        rows = rows[~blank_rec]
    return columns, rows


def _line_break_in_values(table: pa.Table, payload: bytes, start: int, newline: bytes) -> bool:
    """Whether a value may hold a line break, which the fast path never accepts.

    With the counts of records and lines agreeing, a line break inside a value (one counted
    as a line) can only be in the last record (a quote left open on the last line takes its
    line break), or next to a boundary of Arrow's blocks (a quoted line break where the block
    was cut): the first and last record of every chunk are checked. A carriage return that
    ends no line (neither a line nor the half of a CR LF) is not counted as a line: then every
    value is checked.
    """
    import pyarrow.compute as pc

    if payload.find(b"\r", start) >= 0 and newline == b"\n" and (
            count_byte(payload, 13, start) != count_pair(payload, 13, 10, start)):
        return _any_line_break(table)
    for col in table.columns:  # the first and last value of every chunk (no take: a take
        # on a chunked column concatenates its chunks)
        edges = [piece for chunk in col.chunks if len(chunk)
                 for piece in (chunk.slice(0, 1), chunk.slice(len(chunk) - 1, 1))]
        if edges and pc.any(pc.match_substring_regex(
                pa.chunked_array(edges, type=col.type), "[\r\n]")).as_py():
            return True
    return False


def _any_line_break(table: pa.Table) -> bool:
    """Whether any value holds a line break (then some record took more than its line)."""
    import pyarrow.compute as pc

    return any(pc.any(pc.match_substring_regex(col, "[\r\n]")).as_py() for col in table.columns)


def _blank_lines(payload: bytes, start: int, newline: bytes) -> np.ndarray:
    """0-based indexes (from ``start``) of the empty physical lines of ``payload[start:]``."""
    out = [0] if payload[start:start + 1] == newline or payload[start:start + 2] == b"\r\n" else []
    after = rb"(?=\r?\n)" if newline == b"\n" else rb"(?=\r)"
    count, pos = 0, start
    for m in re.compile(re.escape(newline) + after).finditer(payload, start):
        count += count_byte(payload, newline[0], pos, m.start())  # newlines before this one
        pos = m.start()
        out.append(count + 1)  # this newline ends line `count`; the next line is empty
    return np.asarray(out, dtype=np.int64)


def _closed_pattern(delim: str) -> re.Pattern:
    """A whole record (one line or a quoted multi-line one) under csv's lenient rules."""
    d = re.escape(delim)
    quoted = rf'"(?:[^"]|"")*"(?:[^{d}"\n][^{d}\n]*)?'
    plain = rf'[^{d}"\n][^{d}\n]*'
    fld = rf"(?:{quoted}|{plain}|)"
    return re.compile(rf"{fld}(?:{d}{fld})*\Z")


def _slow_read(
    body: bytes, names: list[str], delim: str, first_line: int, damaged: bool
) -> tuple[list[pa.ChunkedArray], np.ndarray, list[tuple[int, list[str], str]]]:
    """Walk the physical lines; reject each broken line on its own and go on."""
    width = len(names)
    lines = split_lines(body.decode("utf-8", errors="replace"))
    closed = _closed_pattern(delim)
    records: list[list[str]] = []
    rows: list[int] = []
    malformed: list[tuple[int, list[str], str]] = []

    def pad(rec: list[str]) -> list[str]:
        return [shorten(f, 200) for f in (rec + [""] * width)[:width]]

    def blank(rec: list[str]) -> bool:
        return not any(f.strip() for f in rec)

    def fit(rec: list[str]) -> list[str] | None:
        if len(rec) == width:
            return rec
        if len(rec) > width and blank(rec[width:]):
            return rec[:width]
        return None

    def standalone(line: str) -> bool:
        """A line that is a well-formed record on its own."""
        if not line.strip() or not closed.match(line):
            return False
        rec = _fields(line, delim)
        return not blank(rec) and fit(rec) is not None

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        no = first_line + i
        i += 1
        if not line.strip():
            continue
        if "\x00" in line:
            malformed.append((no, pad(line.replace("\x00", "").split(delim)),
                              note_("load.malformed.nul")))
            continue
        if damaged and _REPLACEMENT in line:
            malformed.append((no, pad(line.split(delim)),
                              note_("load.malformed.damaged")))
            continue
        if closed.match(line):
            try:
                rec = _fields(line, delim)
            except csv.Error as exc:  # pragma: no cover - _fields never raises
                malformed.append((no, pad([line]),
                                  note_("load.malformed.unreadable", detail=shorten(str(exc), 100))))
                continue
            if blank(rec):
                continue
            good = fit(rec)
            if good is None:
                malformed.append((no, pad(rec), note_("load.malformed.fields", n=len(rec), width=width)))
            else:
                records.append(good)
                rows.append(no)
            continue
        # a quoted value is open at the end of the line: a value with a line break, or a stray
        # quote. Join the next lines while they are not records of their own.
        joined = line
        taken = 0
        rec = None
        for j in range(i, min(n, i + MAX_RECORD_LINES)):
            if standalone(lines[j]):
                break
            joined = joined + "\n" + lines[j]
            taken += 1
            if closed.match(joined):
                # a real quoted value closes with the quote right before a delimiter or the
                # end of the line; a stray quote pairing with another one does not
                try:
                    rec = fit(next(csv.reader([joined], delimiter=delim, strict=True), []))
                except csv.Error:
                    rec = None
                break
        if rec is not None:
            records.append(rec)
            rows.append(no)
            i += taken
        else:
            malformed.append((no, pad(line.split(delim)), note_("load.malformed.quote")))
    columns = [pa.chunked_array([pa.array(list(col), type=pa.string())], type=pa.string())
               for col in (zip(*records, strict=True) if records else [()] * width)]
    return columns, np.asarray(rows, dtype=np.int64), malformed

"""Loaders, fast paths: each gives exactly what the general path gives on the same input.

The fast paths (Arrow's reader cutting the file into blocks at any line break, one cast for a
clean number or ISO date column) are switched off with ``monkeypatch`` to get the general
path's result on the same tiny input, and both results are compared whole: frame, rejected
rows with their line numbers and reasons, invalid values, duplicates, warnings.
"""

from __future__ import annotations

import gzip
import mmap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbench as wb
from workbench.io import _parse, _text, _threads
from workbench.io._threads import count_byte, count_pair, parallel_map

H = "customer_id,date,amount,order_id,quantity,cost,product,channel"


def _row(i: int) -> list[str]:
    return [f"{i % 7:06d}", f"2024-01-{1 + i % 28:02d} 10:{i % 60:02d}:00", f"{i}.5",
            str(1000 + i // 2), str(1 + i % 3), f"{i * 0.3:.2f}", "Кофе", "опт"]


def _lines(n: int = 30, change: dict[int, dict[int, str]] | None = None) -> list[str]:
    out = []
    for i in range(n):
        r = _row(i)
        for j, v in (change or {}).get(i, {}).items():
            r[j] = v
        out.append(",".join(r))
    return out


def _summary(path: Path, **kw):
    frame, rep = wb.load_transactions(path, **kw)
    rejected = rep.rejected.assign(reason=rep.rejected["reason"].map(str))
    invalid = rep.invalid_values.assign(reason=rep.invalid_values["reason"].map(str))
    return frame, rejected, invalid, rep.duplicates, [str(w) for w in rep.warnings], (
        rep.rows_read, rep.rows_kept, rep.encoding, rep.delimiter, rep.decimal, rep.date_format)


def _same(a, b) -> None:
    for x, y in zip(a, b, strict=True):
        if isinstance(x, pd.DataFrame):
            pd.testing.assert_frame_equal(x, y, check_exact=True)
        else:
            assert x == y


def _general(monkeypatch, path: Path, **kw):
    with monkeypatch.context() as m:
        m.setattr(_text, "_fast_read", lambda *a, **k: None)
        m.setattr(_parse, "_plain_numbers", lambda *a, **k: None)
        m.setattr(_parse, "_plain_iso", lambda *a: None)
        return _summary(path, **kw)


TRICKY = {
    "leading_zero_ids": [H] + _lines(),
    "blank_lines": [H] + _lines()[:10] + ["", ""] + _lines()[10:] + [""],
    "line_of_delimiters": [H] + _lines()[:10] + [",,,,,,,"] + _lines()[10:],
    "all_quoted": [H] + [",".join(f'"{v}"' for v in ln.split(",")) for ln in _lines()],
    "quoted_line_break": [H] + _lines()[:5] + ['000001,2024-01-02,5,9,1,1,"two\nlines",опт']
    + _lines()[5:],
    "quoted_carriage_return": [H] + _lines()[:5] + ['000001,2024-01-02,5,9,1,1,"a\rb",опт', ""]
    + _lines()[5:],
    "quote_open_on_last_line": [H] + _lines() + ['000001,2024-01-02,5,9,1,1,"open'],
    "stray_quote": [H] + _lines()[:5] + ['000001,2024-01-02,"5,9,1,1,x,опт'] + _lines()[5:],
    "bad_date_on_line_19": [H] + _lines(change={17: {1: "2024-02-31"}}),
    "word_for_a_date": [H] + _lines(change={3: {1: "вчера"}}),
    "date_before_1900": [H] + _lines(change={3: {1: "1850-01-01"}}),
    "date_with_a_space": [H] + _lines(change={5: {1: " 2024-01-05"}}),
    "date_empty": [H] + _lines(change={5: {1: ""}}),
    "dates_without_time": [H] + [ln.replace(" 10:", ",").split(",", 2)[0] + ","
                                 + ln.split(",", 1)[1][:10] + "," + ln.split(",", 2)[2]
                                 for ln in _lines()],
    "amount_empty": [H] + _lines(change={5: {2: ""}}),
    "amount_spaces": [H] + _lines(change={5: {2: " 12.5 "}}),
    "amount_nan_inf": [H] + _lines(change={5: {2: "nan", 5: "1e999"}, 6: {2: "inf"}}),
    "excel_text_notation": [H] + _lines(change={5: {0: '="000123"', 2: '="12.5"'}}),
    "currency": [H] + _lines(change={5: {2: '"12,5 руб."'}}),
    "cost_not_a_number": [H] + _lines(change={5: {5: "abc"}}),
    "duplicate_rows": [H] + _lines() + _lines()[:5],
    "wrong_number_of_fields": [H] + _lines()[:5] + ["000001,2024-01-01,1"] + _lines()[5:],
}


@pytest.mark.parametrize("name", sorted(TRICKY))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fast_and_general_paths_agree_on_tricky_inputs(tmp_path, monkeypatch, name, newline):
    path = tmp_path / f"{name}.csv"
    path.write_bytes((newline.join(TRICKY[name]) + newline).encode("utf-8"))
    _same(_summary(path), _general(monkeypatch, path))


RU = "Контрагент;Дата;Сумма;Номер;Количество;Себестоимость;Номенклатура;Канал"


def _ru(i: int) -> str:
    return (f'"{i % 7:06d}";"{1 + i % 28:02d}.01.2024 10:{i % 60:02d}:00";'
            f'"{i}\u00a0{i % 1000:03d},50";{1000 + i // 2};{1 + i % 3};"{i},25";"Кофе";"опт"')


@pytest.mark.parametrize("variant", ["plain", "bad_date", "point_in_comma_file", "integers"])
def test_fast_and_general_paths_agree_on_a_cp1251_export(tmp_path, monkeypatch, variant):
    lines = [_ru(i) for i in range(30)]
    if variant == "bad_date":
        lines[7] = lines[7].replace("08.01.2024", "32.01.2024")
    elif variant == "point_in_comma_file":
        lines[7] = lines[7].replace('"7\u00a0007,50"', '"1.500"')
    elif variant == "integers":
        lines = [ln.replace(",50", "").replace(",25", "") for ln in lines]
    path = tmp_path / "export.csv"
    path.write_bytes(("\r\n".join([RU] + lines) + "\r\n").encode("cp1251"))
    fast = _summary(path)
    _same(fast, _general(monkeypatch, path))
    assert fast[5][2:5] == ("cp1251", ";", "." if variant == "integers" else ",")


def test_a_bad_date_is_rejected_with_its_line_number(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\n".join([H] + _lines(change={17: {1: "2024-02-31"}})) + "\n")
    frame, report = wb.load_transactions(path)
    assert report.rejected["row"].tolist() == [19]
    assert report.rejected["problem"].tolist() == ["not_a_date"]
    assert len(frame) == 29
    assert frame["customer_id"].iloc[0] == "000000"


_cell = st.sampled_from(["v", "w1", '"q"', '"a,b"', '"x""y"', '"l1\nl2"', '"\n"', "", '"r\rs"'])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=3, max_size=3), min_size=1, max_size=40),
       block=st.integers(min_value=8, max_value=200), eol=st.booleans())
def test_blocks_cut_inside_a_quoted_value_never_lose_a_record(tmp_path, monkeypatch, rows, block,
                                                             eol):
    """Arrow's blocks may be cut at a line break inside a quoted value: that file is read by the
    general path, so the result is the general path's, whatever the block size."""
    body = "\n".join(",".join(["C" + str(i), "2024-01-01", "1"] + r) for i, r in enumerate(rows))
    path = tmp_path / "t.csv"
    path.write_bytes(("customer_id,date,amount,a,b,c\n" + body + ("\n" if eol else "")).encode())
    with monkeypatch.context() as m:
        m.setattr(_text, "BLOCK_SIZE", block)
        got = _summary(path, sep=",")
    _same(got, _general(monkeypatch, path, sep=","))


@pytest.mark.parametrize("values", [
    ["1.5", "-2", "+3", ".5", "5.", "1e3", "000123"],
    ["1.5", "", "2"], ["1.5", " 2"], ["nan", "1"], ["inf"], ["1e999"], ["1,5", "2"],
    ["1.500", "2"], ["12", "7"],
])
@pytest.mark.parametrize("decimal", [".", ","])
def test_number_cast_gives_the_general_paths_values(monkeypatch, values, decimal):
    col = pa.chunked_array([pa.array(values, pa.string())])
    fast = _parse.parse_numbers(col, decimal)
    monkeypatch.setattr(_parse, "_plain_numbers", lambda *a, **k: None)
    general = _parse.parse_numbers(col, decimal)
    for x, y in zip(fast, general, strict=True):
        np.testing.assert_array_equal(x, y)


def _assert_same_dates(fast, general):
    """Two results of ``parse_dates``: the same values and masks, and the same label."""
    for x, y in zip(fast[:3], general[:3], strict=True):
        np.testing.assert_array_equal(x, y)
    assert fast[3] == general[3]


@pytest.mark.parametrize("values", [
    ["2024-01-02 10:00:00", "2024-03-04 11:12:13"], ["2024-01-02", "2024-01-03"],
    ["2024-01-02T10:00", "2024-01-02 10:00:00.5"], ["2024-02-31"], ["1850-01-01", "2024-01-01"],
    ["2024-01-02", " 2024-01-03"], ["2024-01-02", ""], ["2024-1-2"],
])
def test_iso_cast_gives_the_general_paths_dates(monkeypatch, values):
    col = pa.chunked_array([pa.array(values[:1], pa.string()), pa.array(values[1:], pa.string())])
    fast = _parse.parse_dates(col)
    monkeypatch.setattr(_parse, "_plain_iso", lambda *a: None)
    general = _parse.parse_dates(col)
    _assert_same_dates(fast, general)


@pytest.mark.parametrize("variant", ["plain", "byte_0x98", "quoted_line_break"])
def test_a_large_cp1251_file_transcoded_by_the_reader_gives_the_general_result(
        tmp_path, monkeypatch, variant):
    """Above 1 MB a cp1251 file is transcoded by Arrow's reader while it parses; a byte that
    is not cp1251 (0x98) or a record spanning lines sends it to the general path."""
    lines = [_ru(i) for i in range(16000)]
    if variant == "quoted_line_break":
        lines[9000] = lines[9000].replace('"Кофе"', '"Ко\nфе"')
    data = ("\r\n".join([RU] + lines) + "\r\n").encode("cp1251")
    if variant == "byte_0x98":
        data = data.replace("Кофе".encode("cp1251"), b"\xca\x98\xf4\xe5", 1)
    assert len(data) > _text._LAZY_CP1251_BYTES
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    fast = _summary(path)
    _same(fast, _general(monkeypatch, path))
    assert fast[5][:3] == (16000, 16000, "cp1251")


_BLANKS = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\u0085", "\u00a0", "\u1680",
           "\u180e", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f",
           "\u3000"]


@pytest.mark.parametrize("blank", _BLANKS)
@pytest.mark.parametrize("base", ["abc", "Кофе", "г", "", "7", '="01"'])
def test_text_left_untrimmed_only_when_trimming_changes_nothing(blank, base):
    """to_text skips the trim when no value starts or ends with a possible blank (read from
    the first and last bytes): the result is always the trimming kernel's."""
    for v in (blank + base, base + blank, blank, base + blank + blank, base):
        col = pa.chunked_array([pa.array(["ok", "Эфиопия 1 кг"]), pa.array([v, "x"]).slice(0, 1)])
        want = _parse.unwrap_excel_text(pc.utf8_trim_whitespace(col))
        assert _parse.to_text(col).to_pylist() == want.to_pylist(), repr(v)


@pytest.mark.parametrize("blank", _BLANKS)
@pytest.mark.parametrize("others", [["000123", "45"], ["C0012", "Z9"], ["опт", "розница"],
                                    ["", "A1"]])
def test_text_of_one_alphabet_is_trimmed_exactly_when_a_blank_is_there(blank, others):
    """Values of digits, capitals or Cyrillic are settled by their byte range (no blank can be
    in it); a blank anywhere sends the column to the edge check: the kernel's result always."""
    for v in (blank + "7", "7" + blank, "К" + blank + "К", blank, '="01"' + blank, '="01"', "7"):
        col = pa.chunked_array([pa.array(others), pa.array([v, "x"]).slice(0, 1), pa.array([], pa.string())])
        want = _parse.unwrap_excel_text(pc.utf8_trim_whitespace(col))
        assert _parse.to_text(col).to_pylist() == want.to_pylist(), repr(v)
    # the clean column is settled without reading the edges: "=" may start a value only
    # where its byte lies within the values' range
    clean = pa.chunked_array([pa.array(others)])
    may_equals = {"000123": False, "C0012": True, "опт": False, "": True}[others[0]]
    assert _parse._plain_bytes(clean.chunks) == (False, may_equals)


def test_the_ascii_trim_trims_what_the_utf8_trim_trims():
    ascii_chars = [chr(i) for i in range(128)]
    trimmed = pc.utf8_trim_whitespace(pa.array([c + "a" + c for c in ascii_chars])).to_pylist()
    assert {c for c, t in zip(ascii_chars, trimmed, strict=True) if t == "a"} == set(
        _parse._ASCII_BLANKS) == {c for c in ascii_chars if (c + "a").strip() == "a"}


@given(st.lists(st.text(alphabet=st.sampled_from(list("09AZaz=_-Жжё\u00a0\u2003 \t")),
                        max_size=5), min_size=1, max_size=30))
@settings(max_examples=300, deadline=None)
def test_byte_range_never_misses_a_blank_or_an_equals_sign(values):
    answer = _parse._plain_bytes(pa.chunked_array([pa.array(values)]).chunks)
    if answer is not None:
        assert answer[0] is False and not any(v != v.strip() for v in values)
        assert answer[1] or not any(v.startswith("=") for v in values)


@pytest.mark.parametrize("change", [{2: "9.5"}, {4: "3"}, {5: "0.01"}, {}])
def test_duplicates_differing_only_in_a_later_typed_column_are_not_duplicates(tmp_path, change):
    """The typed columns after the first two (date, amount) are hashed only for the rows
    those two leave: a row differing in quantity or cost alone is no duplicate."""
    lines = _lines(10)
    copy = _row(3)
    for j, v in change.items():
        copy[j] = v
    path = tmp_path / "t.csv"
    path.write_text("\n".join([H] + lines + [",".join(copy)]) + "\n")
    _, rep = wb.load_transactions(path)
    assert rep.duplicates["row"].tolist() == ([] if change else [12])
    if not change:
        assert rep.duplicates["duplicate_of"].tolist() == [5]


# ---- pieces on the cores, memory-mapped files, cp1251 transcoded after the read


@pytest.mark.parametrize("block", [1, 2, 3, 7, 64])
def test_counts_in_pieces_equal_bytes_count(monkeypatch, block):
    monkeypatch.setattr(_threads, "BLOCK", block)
    data = b"a\r\nb\n\r\r\nccc\r\n\n\r" * 5 + b"\r"
    for start in (0, 1, 2, 5, len(data) - 1, len(data)):
        assert count_byte(data, 10, start) == data.count(b"\n", start)
        assert count_byte(data, 13, start) == data.count(b"\r", start)
        assert count_pair(data, 13, 10, start) == data.count(b"\r\n", start)
        for end in (start, start + 3, len(data)):
            assert count_byte(data, 10, start, end) == data.count(b"\n", start, end)


def test_parallel_map_keeps_the_order_and_raises_the_first_error():
    assert parallel_map(lambda x: x * x, range(50)) == [x * x for x in range(50)]

    def f(x):
        if x in (3, 7):
            raise ValueError(x)
        return x

    with pytest.raises(ValueError, match="3"):
        parallel_map(f, range(10))
    # a piece running on a worker runs its own pieces itself (no waiting on the pool)
    assert parallel_map(lambda x: sum(parallel_map(lambda y: y, range(x))), range(6)) == [
        sum(range(x)) for x in range(6)]


@pytest.mark.parametrize("block", [1, 2, 5, 16])
def test_utf8_check_in_pieces_equals_decoding(monkeypatch, block):
    monkeypatch.setattr(_text, "BLOCK", block)
    good = "Кофе;1\nчай;€\n𝄞x;2\n\nz\n".encode() * 3
    cases = [good, good + b"\xff", b"\xd0" + good, good[:-1] + b"\xd0\n",
             good.replace(b"\n", b"\n\x80", 1), good.replace("€".encode(), b"\xe2\x82"),
             b"no line breaks \xd0\xb0 at all" * 4, b"\n" * 9, b"x"]
    for data in cases:
        try:
            data.decode("utf-8")
            want = True
        except UnicodeDecodeError:
            want = False
        assert _text._is_utf8(data) is want, data
        assert _text._is_utf8(bytearray(data)) is want, data  # any buffer: a memory map


def test_cp1251_chunks_transcode_as_python_decodes():
    chars = bytes(b for b in range(1, 256) if b != 0x98)
    values = [chars[i:i + k].replace(b"\n", b"") for i in range(0, 255, 7) for k in (0, 1, 5)]
    raw = pa.array(values, pa.binary()).view(pa.string())  # the cp1251 bytes as Arrow reads them
    for sliced in (raw, raw.slice(3), raw.slice(5, 10), raw.slice(0, 0)):
        got = _text._cp1251_chunk(sliced)
        got.validate(full=True)
        want = [v.decode("cp1251") for v in pa.array(sliced.view(pa.binary())).to_pylist()]
        assert got.to_pylist() == want
    with pytest.raises(UnicodeDecodeError):
        _text._cp1251_chunk(pa.array([b"ok", b"\xca\x98"], pa.binary()).view(pa.string()))
    ascii_only = pa.array(["a", "", "b c"])
    assert _text._cp1251_chunk(ascii_only) is ascii_only


def test_cp1251_chunks_of_two_byte_letters_take_the_counted_offsets(monkeypatch):
    """Letters and no-break spaces (two UTF-8 bytes each) move the offsets by per-value counts;
    the same values as Python decodes, with blank values first, inside and last."""
    two = bytes(b for b in range(0x80, 256)
                if len(bytes([b]).decode("cp1251", "replace").encode()) == 2 and b != 0x98)
    values = [b"", b"", b"1\xa0234,50", two, b"", b"abc", two[::-1] + b"x", b"\xc0", b"", b""]
    raw = pa.array(values, pa.binary()).view(pa.string())
    monkeypatch.setattr(_text, "_CP1251_EXTRA", None)  # the byte-wise path is not taken
    for sliced in (raw, raw.slice(1), raw.slice(2, 5), raw.slice(3, 1), raw.slice(8)):
        got = _text._cp1251_chunk(sliced)
        got.validate(full=True)
        assert got.to_pylist() == [v.decode("cp1251") for v in values[sliced.offset:][
            :len(sliced)]]


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_inputs_read_the_same_in_tiny_pieces(tmp_path, monkeypatch, name):
    """Counts and checks cut into pieces of a few bytes (run on the worker threads) give the
    result of one piece."""
    path = tmp_path / "t.csv"
    path.write_bytes(("\r\n".join(TRICKY[name]) + "\r\n").encode("utf-8"))
    whole = _summary(path)
    with monkeypatch.context() as m:
        m.setattr(_threads, "BLOCK", 5)
        m.setattr(_text, "BLOCK", 5)
        _same(_summary(path), whole)


@pytest.mark.parametrize("name", ["leading_zero_ids", "blank_lines", "quoted_line_break",
                                  "stray_quote"])
def test_a_mapped_file_reads_as_its_bytes(tmp_path, name):
    """Plain files are read through a memory map, compressed ones from bytes: same result."""
    text = ("\n".join(TRICKY[name]) + "\n").encode("utf-8")
    plain, packed = tmp_path / "t.csv", tmp_path / "t.csv.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    a, b = _summary(plain), _summary(packed)
    _same(a[:5], b[:5])
    with open(plain, "rb") as f:
        assert isinstance(wb.io._read._file_buffer(plain), mmap.mmap)
        assert bytes(wb.io._read._file_buffer(plain)) == f.read()


def test_an_empty_file_is_read_as_bytes(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(b"")
    assert wb.io._read._file_buffer(path) == b""


def test_a_large_cp1251_file_with_euro_and_numero_signs(tmp_path, monkeypatch):
    """Three-byte UTF-8 characters (€, №) move the offsets of the values after them."""
    lines = [_ru(i).replace('"опт"', '"№ 5 €"' if i % 3 else '"опт"') for i in range(16000)]
    data = ("\r\n".join([RU] + lines) + "\r\n").encode("cp1251")
    assert len(data) > _text._LAZY_CP1251_BYTES
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    frame, rep = wb.load_transactions(path)
    assert rep.encoding == "cp1251" and rep.rows_kept == 16000
    assert frame["channel"].iloc[:4].tolist() == ["опт", "№ 5 €", "№ 5 €", "опт"]
    with monkeypatch.context() as m:
        m.setattr(_text, "_fast_read", lambda *a, **k: None)
        frame2, _ = wb.load_transactions(path)
    np.testing.assert_array_equal(frame["channel"].to_numpy(), frame2["channel"].to_numpy())


@pytest.mark.parametrize("n_values", [1, 3, 5000, (1 << 20) + 5])
def test_membership_by_bit_table_equals_the_hash_table(n_values):
    """_members keeps the candidates by a bit table on the low bits, then looks them up
    exactly: the same mask as a hash table, also with many values (its hash-table branch)."""
    from workbench.io._duplicates import _members, _repeated

    rng = np.random.default_rng(n_values)
    h = rng.integers(0, 2**63, 3 * n_values + 1000, dtype=np.int64).view(np.uint64)
    h[: n_values] = h[-n_values:]  # repeated values
    h[5] = h[7] = np.uint64(2**64 - 1)  # the top bit set
    values = np.unique(rng.choice(h, n_values))
    want = pd.Index(values).get_indexer(h) >= 0
    np.testing.assert_array_equal(_members(h, values), want)
    hs = np.sort(h)
    rep = np.unique(hs[1:][hs[1:] == hs[:-1]])
    np.testing.assert_array_equal(_repeated(h), pd.Index(rep).get_indexer(h) >= 0)


def test_the_hash_mixed_on_the_cores_equals_the_one_thread_mix():
    """From 256k rows the duplicates' hash is mixed over row ranges on the cores: the same
    hash values as one mix over all rows."""
    from workbench.io import _duplicates

    n = (1 << 21) + 3
    rng = np.random.default_rng(1)
    days = rng.integers(0, 50, n).astype("datetime64[D]").astype("datetime64[ns]").view(np.uint64)
    amounts = rng.integers(0, 40, n).astype(np.float64).view(np.uint64)
    with np.errstate(over="ignore"):
        h_par = _duplicates._mix_rows(_duplicates._mix_rows(np.zeros(n, np.uint64), days), amounts)
        h_one = _duplicates._mix(_duplicates._mix(np.zeros(n, np.uint64), days), amounts)
    np.testing.assert_array_equal(h_par, h_one)
    with np.errstate(over="ignore"):
        pair_one = _duplicates._pair(np.empty(n, np.uint64), days, amounts)
        np.testing.assert_array_equal(_duplicates._pair_rows(days, amounts), pair_one)
    # a pair hashes the same alone as among the others
    assert pair_one[0] == _duplicates._pair(np.empty(1, np.uint64), days[:1], amounts[:1])[0]


@pytest.mark.parametrize("repeats", [0, 1, 300])
def test_repeated_hashes_of_a_large_column_found_in_two_halves(repeats):
    """From 256k values the repeated ones are found in the halves cut by the top bit, sorted
    on the cores: the mask of one sort over all values."""
    from workbench.io._duplicates import _repeated

    rng = np.random.default_rng(repeats)
    n = (1 << 21) + 11
    h = rng.integers(0, 2**63, n, dtype=np.int64).view(np.uint64)
    h[n // 2:] |= np.uint64(1 << 63)  # values on both sides of the top bit
    src, dst = rng.choice(n, repeats, replace=False), rng.choice(n, repeats, replace=False)
    h[dst] = h[src]
    hs = np.sort(h)
    rep = np.unique(hs[1:][hs[1:] == hs[:-1]])
    np.testing.assert_array_equal(_repeated(h), np.isin(h, rep))


@pytest.mark.parametrize("n", [(1 << 16) + 7, (1 << 21) + 11])
def test_repeated_hashes_sharing_only_their_upper_word_are_not_repeated(n):
    """A large column's repeated values are found among the rows whose upper 32-bit word is
    repeated: values that share only that word (the candidates' false alarms) stay unmarked,
    the repeated ones are marked, on one core and on two."""
    from workbench.io._duplicates import _repeated

    rng = np.random.default_rng(n)
    h = rng.integers(0, 2**63, n, dtype=np.int64).view(np.uint64)
    h[n // 2:] |= np.uint64(1 << 63)
    upper = h & np.uint64(0xFFFFFFFF00000000)
    h[10:20] = upper[30:40] | np.uint64(5)  # the upper words of rows 30-39, other lower words
    h[30:40] = upper[30:40] | np.uint64(6)
    h[n - 5:] = h[100:105]  # repeated values, in the high half
    h[200] = h[201]
    hs = np.sort(h)
    want = np.isin(h, np.unique(hs[1:][hs[1:] == hs[:-1]]))
    assert want.sum() == 12 and not want[10:40].any()
    np.testing.assert_array_equal(_repeated(h), want)


def test_columns_parsed_out_of_order_are_reported_in_schema_order(tmp_path, monkeypatch):
    """Dates and numbers are handed to the cores first; the frame, the report and an error
    raised by a parser are those of parsing the columns one by one in schema order."""
    from workbench.io import _load

    path = tmp_path / "t.csv"
    path.write_text("\n".join([H] + _lines(change={3: {1: "вчера"}, 5: {2: "x"}})) + "\n")
    with monkeypatch.context() as m:
        m.setattr(_threads, "workers", lambda: 1)
        m.setattr(_load, "_PARSE_ORDER", {})
        one_by_one = _summary(path)
    _same(_summary(path), one_by_one)
    calls = []

    def failing(cspec, *a, **k):
        calls.append(cspec.name)
        if cspec.name in ("customer_id", "date"):
            raise ValueError(cspec.name)
        return orig(cspec, *a, **k)

    orig = _load.parse_column
    monkeypatch.setattr(_load, "parse_column", failing)
    with pytest.raises(ValueError, match="customer_id"):
        wb.load_transactions(path)
    monkeypatch.setattr(_threads, "workers", lambda: 1)  # one thread: the order of the work
    calls.clear()
    with pytest.raises(ValueError, match="customer_id"):
        wb.load_transactions(path)
    assert calls[:3] == ["date", "amount", "quantity"]  # the date went first, its error second


@pytest.mark.parametrize("values", [
    ["01.02.2024 10:00:00", "03.04.2024 11:12:13"], ["01.02.2024", "", "05.02.2024"],
    ["", ""], ["01.02.2024", "31.02.2024", "вчера", "45000"], ["01.02.2024", "2024-02-03"],
    ["1.2.2024", "01.02.2024"], ["01/02/2024", "13/02/2024"],
])
def test_dotted_dates_give_the_regex_paths_values(monkeypatch, values):
    """The fixed-width strptime path (all values, some, or none of them) gives the values,
    masks and label of the regular-expression path."""
    col = pa.chunked_array([pa.array(values, pa.string())])
    fast = _parse.parse_dates(col)
    monkeypatch.setattr(_parse, "_fast_family", lambda *a: None)
    general = _parse.parse_dates(col)
    _assert_same_dates(fast, general)


@pytest.mark.parametrize("fmt,values", [
    ("%d.%m.%Y %H:%M:%S", ["01.02.2024 10:00:00", "29.02.2024 23:59:59", "29.02.2023 00:00:00",
                           "31.04.2024 10:00:00", "01.13.2024 10:00:00", "00.01.2024 10:00:00",
                           "01.01.2024 24:00:00", "01.01.2024 10:60:00", "01.01.2024 10:00:60",
                           "01.01.1899 10:00:00", "01.01.2201 10:00:00", "31.12.2200 23:59:59",
                           "01-01.2024 10:00:00", "01.01.2024T10:00:00", "01.01.2024 10:00:0 ",
                           "29.02.2000 12:00:00", "29.02.1900 12:00:00", "01.01.1900 00:00:00"]),
    ("%d.%m.%Y", ["01.02.2024", "31.12.1999", "30.02.2024", "01.0x.2024", "15.06.2150"]),
    ("%Y%m%d", ["20240201", "20240230", "19991231", "2024 201"]),
    ("%m/%d/%Y %H:%M", ["02/29/2024 10:15", "13/01/2024 10:15", "12/31/2024 23:59"]),
])
def test_fixed_width_dates_read_from_the_bytes_equal_strptime(fmt, values):
    """Date-times read digit by digit from the bytes of equally wide values give strptime's
    values (with the day checked against the text) wherever they are read; the values they
    leave (a 60th second, a wrong separator, a date that does not exist) are left to strptime,
    so the whole column is strptime's."""
    arr = pa.array(values, pa.string())
    width = len(values[0])
    same = np.ones(len(values), bool)
    fixed_values, fixed_ok = _parse._fixed_width_datetimes(arr, fmt, width)
    want_values, want_ok = _parse._strptime_checked(arr, fmt, same, width)
    assert not (fixed_ok & ~want_ok).any()
    np.testing.assert_array_equal(fixed_values[fixed_ok], want_values[fixed_ok])
    assert np.isnat(fixed_values[~fixed_ok]).all()
    fam = next(f for f in _parse.DATE_FAMILIES if f.strptime == fmt.split(" ")[0])
    got = _parse._fast_family(arr, fam, values[0])
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_parse, "_fixed_width_datetimes", lambda *a: None)
        want = _parse._fast_family(arr, fam, values[0])
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


def test_fixed_width_dates_across_blocks(monkeypatch):
    """A column longer than a block of the byte reader: the same values as strptime."""
    monkeypatch.setattr(_parse, "_DATE_BLOCK", 7)
    rng = np.random.default_rng(3)
    days = np.datetime64("2020-01-01") + rng.integers(0, 2000, 50).astype("timedelta64[D]")
    values = [f"{str(d)[8:10]}.{str(d)[5:7]}.{str(d)[:4]} 0{i % 10}:1{i % 6}:2{i % 10}"
              for i, d in enumerate(days)]
    values[20] = "30.02.2021 01:02:03"
    arr = pa.array(values, pa.string())
    got = _parse._fixed_width_datetimes(arr, "%d.%m.%Y %H:%M:%S", 19)
    want = _parse._strptime_checked(arr, "%d.%m.%Y %H:%M:%S", np.ones(50, bool), 19)
    np.testing.assert_array_equal(got[1], want[1])
    np.testing.assert_array_equal(got[0], want[0])
    assert not got[1][20] and got[1].sum() == 49


@pytest.mark.parametrize("values", [
    ["1\u00a0234,50", "12,5", None, "7", "", "1 000,1", "é,ü", ",,", "9,9.9"],
    ["1,5", "2,25", "-3,75", "4"], ["", ""], ["1.5"],
])
def test_comma_and_point_from_the_bytes_equal_the_kernels(values):
    """The decimal comma made a point, and the point looked for, from each chunk's bytes:
    the strings and answers of Arrow's substring kernels, with missing values and chunks that
    are views into a longer array."""
    whole = pa.array(values + ["x.y", "5,5"], pa.string())
    large = pa.chunked_array([pa.array(values, pa.large_string())])
    assert _parse._comma_to_point(large).to_pylist() == pc.replace_substring(
        large, ",", ".").to_pylist()
    assert _parse._has_point(large) == pc.any(pc.match_substring(large, ".")).as_py()
    for arr in (pa.chunked_array([pa.array(values, pa.string())]),
                pa.chunked_array([whole.slice(0, 2), whole.slice(2, len(values))]),
                pa.chunked_array([whole.slice(1, len(values))])):
        got = _parse._comma_to_point(arr)
        got.validate(full=True)
        assert got.to_pylist() == pc.replace_substring(arr, ",", ".").to_pylist()
        assert _parse._has_point(arr) == pc.any(pc.match_substring(arr, ".")).as_py()


def test_decimal_comma_numbers_equal_the_kernels_path(monkeypatch):
    """parse_numbers with a decimal comma gives, through the byte passes, the values and masks
    of the substring kernels."""
    values = ["1\u00a0234,50", "12,5", "", "-3\u00a0000,00", "1 000,1", "(5,5)", "7", "abc",
              "1\u00a0000\u00a0000,25", "3,"] * 5
    col = pa.chunked_array([pa.array(values[:17]), pa.array(values[17:])])
    fast = _parse.parse_numbers(col, ",")
    monkeypatch.setattr(_parse, "_comma_to_point", lambda t: pc.replace_substring(t, ",", "."))
    monkeypatch.setattr(_parse, "_has_point",
                        lambda t: pc.any(pc.match_substring(t, ".")).as_py())
    kernels = _parse.parse_numbers(col, ",")
    for a, b in zip(fast, kernels, strict=True):
        np.testing.assert_array_equal(a, b)


def test_line_numbers_index_as_their_array():
    lines = _text.LineNumbers(2, 7)
    want = np.arange(2, 9, dtype=np.int64)
    assert len(lines) == 7
    np.testing.assert_array_equal(np.asarray(lines), want)
    assert lines.astype("int64").dtype == np.int64
    for key in (0, 6, -1, -7, np.int64(3)):
        assert lines[key] == want[key]
    for key in ([0, 6, 2, 2], np.array([-1, 0], np.int32), np.array([], np.int64),
                np.array([True, False] * 3 + [True]), slice(1, None, 2)):
        got = lines[key]
        np.testing.assert_array_equal(got, want[key])
        assert got.dtype == np.int64
    for key in (7, -8, [7], [0, -8]):
        with pytest.raises(IndexError):
            lines[key]

"""Loaders, line bookkeeping: every physical data line is kept or rejected with its number."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbench as wb
from workbench.errors import DataFileError, MissingColumnsError

HEADER = "customer_id;date;amount;product"
UNTERMINATED = 'unterminated quote (") in this line; the line was skipped and reading went on at the next line'


def line(i: int) -> str:
    return f"C{i:05d};2024-01-{1 + i % 28:02d};{i}.5;Кофе эфиопский {i}"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_one_stray_quote_costs_one_line_not_the_rest_of_the_file(tmp_path):
    lines = [HEADER] + [line(i) for i in range(5000)]
    lines[2501] = 'C02500;2024-01-09;"2500.5;Кофе эфиопский 2500'  # file line 2502
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", "\n".join(lines) + "\n"))
    assert (report.rows_read, report.rows_kept, len(report.rejected)) == (5000, 4999, 1)
    assert report.rejected["row"].tolist() == [2502]
    assert report.rejected["problem"].tolist() == ["malformed"]
    assert report.rejected["reason"].map(str).tolist() == [UNTERMINATED]
    assert frame["customer_id"].tolist() == [f"C{i:05d}" for i in range(5000) if i != 2500]
    assert frame["amount"].iloc[-1] == 4999.5


def test_stray_quote_before_more_than_the_csv_field_limit_never_raises_csv_error(tmp_path):
    # 3,000 lines of ~190 bytes after the quote: ~570 KB, far past csv's 128 KB field limit
    pad = "x" * 150
    lines = [HEADER] + [f"C{i};2024-02-01;{i};{pad}" for i in range(3000)]
    lines[10] = f'C9;2024-02-01;"9;{pad}'
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", "\n".join(lines) + "\n"))
    assert report.rows_read == 3000 == report.rows_kept + 1
    assert report.rejected["row"].tolist() == [11]


def test_quote_left_open_on_the_last_line(tmp_path):
    text = f"{HEADER}\n{line(1)}\n" + 'C2;2024-01-02;"7;Кофе'
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["C00001"]
    assert report.rejected["row"].tolist() == [3]
    assert report.rows_read == 2


def test_two_stray_quotes_do_not_pair_into_one_record(tmp_path):
    lines = [HEADER, line(1), 'C2;"2024-01-02;2.5;Кофе', 'C3;"2024-01-03;3.5;Кофе', line(4)]
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", "\n".join(lines) + "\n"))
    assert frame["customer_id"].tolist() == ["C00001", "C00004"]
    assert report.rejected["row"].tolist() == [3, 4]
    assert report.rows_read == 4


def test_a_real_quoted_line_break_is_one_record(tmp_path):
    text = (
        "customer_id;date;amount;comment\n"
        'A;2024-01-01;1;"first line\nsecond; line"\n'
        "B;2024-01-02;2;plain\n"
        'C;2024-01-03;3;"one ""quoted"" word"\n'
    )
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["A", "B", "C"]
    assert frame["comment"].tolist() == ["first line\nsecond; line", "plain", 'one "quoted" word']
    assert (report.rows_read, len(report.rejected)) == (3, 0)
    # and a broken line after a record with a line break keeps its own line number
    text += "D;2024-01-04\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert report.rejected["row"].tolist() == [6]
    assert report.rejected["reason"].map(str).tolist() == ["line has 2 fields, the header has 4"]


def test_blank_lines_and_delimiter_only_lines_are_not_rows(tmp_path):
    text = f"{HEADER}\n\n{line(1)}\r\n;;;\n\n\n{line(2)}\nC3;2024-01-03\n\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["C00001", "C00002"]
    assert report.rejected["row"].tolist() == [8]
    assert report.rows_read == 3


def test_blank_lines_on_the_fast_path_keep_exact_row_numbers(tmp_path):
    text = f"{HEADER}\n\n{line(1)}\n\n\n{line(2)}\n{line(3)}\n\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert report.rows_read == 3
    text = text.replace("C00003;2024-01-04;3.5", "C00003;2024-01-04;oops")
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert report.rejected["row"].tolist() == [7]


def test_damaged_bytes_in_a_utf8_file_reject_only_their_line(tmp_path):
    lines = [HEADER] + [line(i) for i in range(50)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data = data.replace(b"C00020;", b"C00020\xff\xfe;")
    frame, report = wb.load_transactions(write_bytes(tmp_path / "t.csv", data))
    assert report.encoding == "utf-8"
    assert report.rejected["row"].tolist() == [22]
    assert "not UTF-8" in report.rejected["reason"].map(str).iloc[0]
    assert frame["product"].iloc[0] == "Кофе эфиопский 0"
    assert any("not valid UTF-8" in w for w in map(str, report.warnings))


def test_a_nul_byte_rejects_its_line(tmp_path):
    lines = [HEADER] + [line(i) for i in range(300)]
    data = ("\n".join(lines) + "\n").encode("utf-8").replace(b"C00100;", b"C00\x00100;")
    frame, report = wb.load_transactions(write_bytes(tmp_path / "t.csv", data))
    assert report.rejected["row"].tolist() == [102]
    assert report.rejected["reason"].map(str).tolist() == ["the line holds binary (NUL) bytes"]
    assert report.rows_kept == 299


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------------------------
# empty files, short messages, compressed files


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_files_are_a_clear_error(tmp_path, content):
    with pytest.raises(DataFileError, match=r"t\.csv: the file is empty"):
        wb.load_transactions(write_bytes(tmp_path / "t.csv", content))


@pytest.mark.parametrize("text", [HEADER + "\n", HEADER, f"{HEADER}\n\n;;;\n"])
def test_header_only_files_are_a_clear_error(tmp_path, text):
    with pytest.raises(DataFileError, match=r"header \(line 1\) but no data rows"):
        wb.load_transactions(write(tmp_path / "t.csv", text))


def test_header_only_excel_and_empty_parquet_are_errors(tmp_path):
    import pandas as pd

    pd.DataFrame({"customer_id": [], "date": [], "amount": []}).to_parquet(tmp_path / "t.parquet")
    with pytest.raises(DataFileError, match=r"t\.parquet: the Parquet file has no rows"):
        wb.load_transactions(tmp_path / "t.parquet")
    pd.DataFrame({"customer_id": [], "date": [], "amount": []}).to_excel(tmp_path / "t.xlsx", index=False)
    with pytest.raises(DataFileError, match=r"t\.xlsx: the sheet has a header \(row 1\) but no data rows"):
        wb.load_transactions(tmp_path / "t.xlsx")


def test_garbage_one_line_file_gives_a_short_message(tmp_path):
    garbage = "".join(chr(0x410 + (i * 7919) % 64) + ";" for i in range(30_000))
    with pytest.raises(DataFileError, match=r"g\.csv: the file has a header \(line 1\) but no data rows"):
        wb.load_transactions(write(tmp_path / "g.csv", garbage + "\n"))
    with pytest.raises(MissingColumnsError) as err:
        wb.load_transactions(write(tmp_path / "g.csv", garbage + "\n" + garbage + "\n"))
    msg = str(err.value)
    assert len(msg) < 2000
    assert "g.csv" in msg and "more" in msg


def test_binary_garbage_is_refused_as_binary(tmp_path):
    data = bytes((i * 131 + 7) % 256 for i in range(20_000))
    with pytest.raises(DataFileError, match=r"g\.csv: the file is binary") as err:
        wb.load_transactions(write_bytes(tmp_path / "g.csv", data))
    assert len(str(err.value)) < 300


def test_long_column_names_are_cut_in_messages(tmp_path):
    text = "x" * 5000 + ";" + "y" * 5000 + "\n1;2\n"
    with pytest.raises(MissingColumnsError) as err:
        wb.load_transactions(write(tmp_path / "t.csv", text))
    assert len(str(err.value)) < 600


def test_gzip_and_zip_with_one_table_are_read(tmp_path):
    text = f"{HEADER}\n{line(1)}\n{line(2)}\n"
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(text.encode("cp1251")))
    frame, report = wb.load_transactions(tmp_path / "t.csv.gz")
    assert frame["product"].tolist() == ["Кофе эфиопский 1", "Кофе эфиопский 2"]
    assert report.encoding == "cp1251" and report.source == "t.csv.gz"
    with zipfile.ZipFile(tmp_path / "t.zip", "w") as zf:
        zf.writestr("export/sales.csv", text)
        zf.writestr("__MACOSX/export/._sales.csv", b"\x00\x05")
    frame2, report2 = wb.load_transactions(tmp_path / "t.zip")
    assert frame2.equals(frame)
    assert report2.source == "t.zip/sales.csv"


def test_zip_with_several_tables_or_broken_archives_are_clear_errors(tmp_path):
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as zf:
        zf.writestr("a.csv", "x")
        zf.writestr("b.csv", "y")
    with pytest.raises(DataFileError, match=r"two\.zip: a \.zip must hold exactly one data table.*2 data tables \(a\.csv, b\.csv\)"):
        wb.load_transactions(tmp_path / "two.zip")
    (tmp_path / "bad.csv.gz").write_bytes(b"not gzip")
    with pytest.raises(DataFileError, match=r"bad\.csv\.gz: not a readable gzip file"):
        wb.load_transactions(tmp_path / "bad.csv.gz")


def test_folder_finds_compressed_tables(tmp_path):
    text = f"{HEADER}\n{line(1)}\n"
    (tmp_path / "transactions.csv.gz").write_bytes(gzip.compress(text.encode()))
    with zipfile.ZipFile(tmp_path / "customers_crm.zip", "w") as zf:
        zf.writestr("customers.csv", "customer_id\nC00001\n")
    folder = wb.load_folder(tmp_path)
    assert set(folder.tables) == {"transactions", "customers"}
    assert folder.tables["transactions"]["customer_id"].tolist() == ["C00001"]


def test_cp1251_mapping_file_is_read(tmp_path):
    (tmp_path / "mapping.yml").write_bytes(
        "transactions:\n  Клиент: customer_id\n  Дата: date\n  Сумма: amount\n".encode("cp1251")
    )
    write(tmp_path / "transactions.csv", "Клиент;Дата;Сумма\nK1;01.02.2024;5\n", "cp1251")
    assert wb.load_mapping(tmp_path / "mapping.yml") == {
        "transactions": {"Клиент": "customer_id", "Дата": "date", "Сумма": "amount"}
    }
    folder = wb.load_folder(tmp_path)
    assert folder.tables["transactions"]["customer_id"].tolist() == ["K1"]


# --------------------------------------------------------------------------------------------
# the property: random corruptions of a valid export


CORRUPTIONS = ("quote", "truncate", "garbage")


def corrupt(text: str, kind: str, pos: int) -> str:
    fields = text.split(";")
    if kind == "quote":  # a stray quote at the start of a field: the line never closes it
        k = pos % len(fields)
        fields[k] = '"' + fields[k]
        return ";".join(fields)
    if kind == "truncate":  # cut before the last delimiter: a field is lost
        cut = text.rindex(";")
        return text[: pos % cut] if pos % cut else text[:1]
    raise AssertionError(kind)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n=st.integers(1, 60),
    broken=st.dictionaries(st.integers(0, 59), st.tuples(st.sampled_from(CORRUPTIONS),
                                                         st.integers(0, 10_000)), max_size=15),
    sep=st.sampled_from([";", ",", "\t"]),
    crlf=st.booleans(),
)
def test_property_random_corruptions_keep_every_valid_line_and_reject_every_broken_one(
    tmp_path, n, broken, sep, crlf
):
    broken = {i: v for i, v in broken.items() if i < n}
    out: list[bytes] = [HEADER.replace(";", sep).encode()]
    for i in range(n):
        text = line(i)
        kind, pos = broken.get(i, ("", 0))
        if kind in ("quote", "truncate"):
            text = corrupt(text, kind, pos)
        raw = text.replace(";", sep).encode("utf-8")
        if kind == "garbage":  # bytes that are not UTF-8, in one of the ASCII fields
            at = pos % (text.index("Кофе") + 1)
            raw = raw[:at] + b"\xff\x80" + raw[at:]
        out.append(raw)
    nl = b"\r\n" if crlf else b"\n"
    p = tmp_path / "prop.csv"
    p.write_bytes(nl.join(out) + nl)
    frame, report = wb.load_transactions(p, sep=sep)
    valid = [i for i in range(n) if i not in broken]
    assert report.rows_read == n == report.rows_kept + len(report.rejected)
    assert frame["customer_id"].tolist() == [f"C{i:05d}" for i in valid]
    assert frame["amount"].tolist() == [i + 0.5 for i in valid]
    assert report.rejected["row"].tolist() == [i + 2 for i in sorted(broken)]
    assert set(report.rejected["problem"]) <= {"malformed"}


def test_a_quote_left_open_on_the_last_line_rejects_that_line(tmp_path):
    p = write(tmp_path / "t.csv", HEADER + "\n" + line(1) + "\n" + 'C00000;2024-01-01;0.5;"Кофе 0\n')
    frame, report = wb.load_transactions(p)
    assert frame["customer_id"].tolist() == ["C00001"]
    assert report.rejected["row"].tolist() == [3]
    assert report.rejected["reason"].map(str).tolist() == [UNTERMINATED]

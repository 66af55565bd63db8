"""Loaders: messy real-world exports in, canonical tables and honest load reports out."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

import workbench as wb
from workbench.errors import DataFileError, MissingColumnsError, WorkbenchError
from workbench.io import pseudonymize
from workbench.io._parse import parse_dates, parse_numbers
from workbench.schema import LEAD_STAGES, TABLES

S = pd.StringDtype()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def tx_frame(ids, dates, amounts, **extra) -> pd.DataFrame:
    data = {
        "customer_id": pd.array(ids, dtype=S),
        "date": pd.to_datetime(pd.Series(dates), format="mixed").astype("datetime64[ns]"),
        "amount": np.asarray(amounts, dtype=float),
    }
    data.update(extra)
    return pd.DataFrame(data)


# --------------------------------------------------------------------------------------------
# encodings, delimiters, headers


def test_clean_utf8_csv_loads_exact_frame_and_keeps_leading_zeros(tmp_path):
    p = write(tmp_path / "tx.csv", "customer_id,date,amount\n00012,2024-01-05,10.5\n007,2024-02-01,-3\n")
    frame, report = wb.load_transactions(p)
    assert_frame_equal(frame, tx_frame(["00012", "007"], ["2024-01-05", "2024-02-01"], [10.5, -3.0]))
    assert (report.rows_read, report.rows_kept, len(report.rejected)) == (2, 2, 0)
    assert report.encoding == "utf-8"
    assert report.delimiter == ","
    assert report.date_format == "yyyy-mm-dd"
    assert report.source == "tx.csv"
    assert report.table == "transactions"


def test_utf8_bom_is_detected_and_not_part_of_the_first_header(tmp_path):
    p = tmp_path / "tx.csv"
    p.write_bytes(b"\xef\xbb\xbfcustomer_id;date;amount\r\nA1;01.02.2024;5\r\n")
    frame, report = wb.load_transactions(p)
    assert report.encoding == "utf-8-sig"
    assert list(frame.columns) == ["customer_id", "date", "amount"]
    assert frame["date"].iloc[0] == pd.Timestamp("2024-02-01")


def test_cp1251_semicolon_decimal_comma_russian_headers(tmp_path):
    text = (
        "Контрагент;Дата документа;Сумма;Себестоимость;Номенклатура;Канал\n"
        "00012;05.01.2023;1 250,50;800,00;Кофе «Эфиопия»;Опт\n"
        "ООО Ромашка;31.12.2023 14:05;-99,90;;Чай;Розница\n"
    )
    p = write(tmp_path / "export.csv", text, "cp1251")
    frame, report = wb.load_transactions(p)
    expected = tx_frame(
        ["00012", "ООО Ромашка"], ["2023-01-05", "2023-12-31 14:05"], [1250.5, -99.9],
        cost=[800.0, np.nan],
        product=pd.array(["Кофе «Эфиопия»", "Чай"], dtype=S),
        channel=pd.array(["Опт", "Розница"], dtype=S),
    )
    assert_frame_equal(frame, expected)
    assert report.encoding == "cp1251"
    assert report.delimiter == ";"
    assert report.decimal == ","
    assert report.mapping == {
        "Контрагент": "customer_id", "Дата документа": "date", "Сумма": "amount",
        "Себестоимость": "cost", "Номенклатура": "product", "Канал": "channel",
    }
    assert set(report.auto_mapped) == set(report.mapping)
    assert report.date_format == "dd.mm.yyyy / dd.mm.yyyy hh:mm"


def test_tab_delimiter_with_quoted_fields(tmp_path):
    text = 'client\tdate\tamount\tproduct\n"A;1"\t2024-01-05\t"1,250.00"\t"Beans, ""dark"""\n'
    frame, report = wb.load_transactions(write(tmp_path / "tx.tsv", text))
    assert report.delimiter == "\t"
    assert frame["customer_id"].tolist() == ["A;1"]
    assert frame["amount"].tolist() == [1250.0]
    assert frame["product"].tolist() == ['Beans, "dark"']


def test_comma_file_with_quoted_decimal_commas(tmp_path):
    text = 'id,date,sum\n1,05.01.2024,"12,5"\n2,06.01.2024,"3,25"\n'
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text),
                                         columns={"id": "customer_id", "sum": "amount"})
    assert report.delimiter == ","
    assert report.decimal == ","
    assert frame["amount"].tolist() == [12.5, 3.25]


def test_title_lines_above_the_header_are_skipped_and_rows_keep_file_line_numbers(tmp_path):
    text = (
        "Отчёт по продажам за 2024 год\n"
        "\n"
        "Клиент;Дата;Выручка\n"
        "1;01.01.2024;10\n"
        "2;32.01.2024;10\n"
    )
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert report.header_row == 3
    assert frame["customer_id"].tolist() == ["1"]
    assert report.rejected["row"].tolist() == [5]
    assert any("above the header" in w for w in map(str, report.warnings))


def test_blank_lines_and_quoted_line_breaks_keep_exact_row_numbers(tmp_path):
    text = (
        'customer_id,date,amount,product\n'
        '1,2024-01-01,10,"two\nlines"\n'
        '\n'
        '2,2024-01-02,oops,x\n'
    )
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["product"].tolist() == ["two\nlines"]
    assert report.rejected["row"].tolist() == [5]
    assert report.rows_read == 2


def test_line_with_wrong_number_of_fields_is_rejected_not_fatal(tmp_path):
    text = "customer_id,date,amount\n1,2024-01-01,10\n2,2024-01-02,10,extra\n3,2024-01-03,7\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["1", "3"]
    rej = report.rejected
    assert rej["row"].tolist() == [3]
    assert rej["problem"].tolist() == ["malformed"]
    assert rej["reason"].map(str).tolist() == ["line has 4 fields, the header has 3"]
    assert report.rows_read == report.rows_kept + len(rej) == 3


def test_trailing_delimiters_of_1c_exports_are_tolerated(tmp_path):
    text = "Клиент;Дата;Сумма;\n1;01.01.2024;10;\n2;02.01.2024;20;\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["amount"].tolist() == [10.0, 20.0]
    assert list(frame.columns) == ["customer_id", "date", "amount"]
    assert report.extra_columns == [] and report.dropped_columns == ["column_4"]


# --------------------------------------------------------------------------------------------
# numbers and dates


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("1250.50", ".", 1250.5),
        ("1 250,50", ",", 1250.5),
        ("1\u00a0250,50", ",", 1250.5),  # non-breaking space
        ("1\u202f250,50", ",", 1250.5),  # narrow non-breaking space
        ("1,250.00", ".", 1250.0),
        ("1.250,00", ",", 1250.0),
        ("1 250,50 ₽", ",", 1250.5),
        ("1250 руб.", ",", 1250.0),
        ("99,90 р.", ",", 99.9),
        ("100 RUB", ".", 100.0),
        ("$1,000", ".", 1000.0),
        ("€ 12.5", ".", 12.5),
        ("-5", ".", -5.0),
        ("\u22125,5", ",", -5.5),  # unicode minus
        ("(123)", ".", -123.0),
        ("(1 234,50)", ",", -1234.5),
        ("12,5", ".", 12.5),  # a lone comma with 1-2 decimals is a decimal mark
        ("1,250", ".", 1250.0),  # grouped by three under a decimal point: thousands
        ("1.250", ",", 1250.0),
    ],
)
def test_number_notations(text, decimal, value):
    import pyarrow as pa

    vals, empty, bad = parse_numbers(pa.chunked_array([pa.array([text])]), decimal)
    assert not bad[0] and not empty[0]
    assert vals[0] == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "12,3,4", "1..2", "nan", "inf", "--5", "5 5,5,5"])
def test_non_numbers_are_bad(text):
    import pyarrow as pa

    vals, empty, bad = parse_numbers(pa.chunked_array([pa.array([text])]), ",")
    assert bad[0] and np.isnan(vals[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05 14:30:15", "2024-03-05 14:30:15"),
        ("2024-03-05T14:30:15", "2024-03-05 14:30:15"),
        ("2024-03-05 14:30", "2024-03-05 14:30"),
        ("05.03.2024", "2024-03-05"),
        ("5.3.2024", "2024-03-05"),
        ("05.03.24", "2024-03-05"),
        ("05.03.2024 9:05", "2024-03-05 09:05"),
        ("05.03.2024 г.", "2024-03-05"),
        ("05/03/2024", "2024-03-05"),
        ("05-03-2024", "2024-03-05"),
        ("2024/03/05", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("45356", "2024-03-05"),  # Excel serial
        ("45356.5", "2024-03-05 12:00"),
    ],
)
def test_date_notations(text, expected):
    import pyarrow as pa

    vals, empty, bad, _ = parse_dates(pa.chunked_array([pa.array([text])]))
    assert not bad[0]
    assert pd.Timestamp(vals[0]) == pd.Timestamp(expected)


@pytest.mark.parametrize("text", ["31.02.2024", "2023-02-29", "13.13.2024", "2024-01-01 25:00",
                                  "yesterday", "12", "0", "00.01.1900"])
def test_impossible_dates_are_bad(text):
    import pyarrow as pa

    vals, empty, bad, _ = parse_dates(pa.chunked_array([pa.array([text])]))
    assert bad[0] and np.isnat(vals[0])


def test_impossible_date_on_fast_path_is_caught():
    """strptime rolls 31.02 over to 03.03; the loader must not."""
    import pyarrow as pa

    texts = ["28.02.2023", "31.02.2023", "01.03.2023"]
    vals, empty, bad, fmt = parse_dates(pa.chunked_array([pa.array(texts)]))
    assert bad.tolist() == [False, True, False]
    assert fmt == "dd.mm.yyyy"


def test_slash_dates_follow_the_evidence_then_dayfirst():
    import pyarrow as pa

    us = pa.chunked_array([pa.array(["12/25/2024", "01/02/2024"])])
    vals, _, bad, fmt = parse_dates(us)
    assert not bad.any() and fmt == "mm/dd/yyyy"
    assert pd.Timestamp(vals[1]) == pd.Timestamp("2024-01-02")
    amb = pa.chunked_array([pa.array(["01/02/2024"])])
    assert pd.Timestamp(parse_dates(amb)[0][0]) == pd.Timestamp("2024-02-01")
    assert pd.Timestamp(parse_dates(amb, dayfirst=False)[0][0]) == pd.Timestamp("2024-01-02")


def test_explicit_date_format_is_used(tmp_path):
    p = write(tmp_path / "t.csv", "customer_id,date,amount\n1,03-2024-05,1\n")
    frame, report = wb.load_transactions(p, date_format="%m-%Y-%d")
    assert frame["date"].tolist() == [pd.Timestamp("2024-03-05")]
    assert report.date_format == "%m-%Y-%d"


def test_integer_yyyymmdd_dates_in_a_dataframe_are_not_epoch_nanoseconds():
    df = pd.DataFrame({"customer_id": [1, 2], "date": [20240105, 20231231], "amount": [1, 2]})
    frame, report = wb.load_transactions(df)
    assert frame["date"].tolist() == [pd.Timestamp("2024-01-05"), pd.Timestamp("2023-12-31")]
    assert frame["customer_id"].tolist() == ["1", "2"]


def test_excel_serials_in_a_text_file(tmp_path):
    frame, _ = wb.load_transactions(write(tmp_path / "t.csv", "customer_id,date,amount\n1,45292,1\n"))
    assert frame["date"].tolist() == [pd.Timestamp("2024-01-01")]


# --------------------------------------------------------------------------------------------
# rejected rows, reasons, the invariant


def test_bad_rows_are_rejected_with_row_number_and_reason(tmp_path):
    text = (
        "Клиент;Дата;Сумма;Количество\n"
        "1;01.01.2024;10;2\n"
        ";02.01.2024;10;1\n"
        "3;31.02.2024;10;1\n"
        "4;03.01.2024;десять;1\n"
        "5;04.01.2024;7;много\n"
    )
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["1", "5"]
    assert frame["quantity"].isna().tolist() == [False, True]
    rej = report.rejected
    assert list(rej.columns) == ["Клиент", "Дата", "Сумма", "Количество", "row", "column",
                                 "problem", "reason"]
    assert rej["row"].tolist() == [3, 4, 5]
    assert rej["column"].tolist() == ["customer_id", "date", "amount"]
    assert rej["problem"].tolist() == ["empty", "not_a_date", "not_a_number"]
    assert rej["reason"].map(str).tolist() == [
        "Клиент (customer_id) is empty (expected a client identifier)",
        "Дата (date): '31.02.2024' is not a valid date (expected e.g. 31.12.2024 or 2024-12-31)",
        "Сумма (amount): 'десять' is not a number (expected e.g. 1250.50 or 1 250,50)",
    ]
    # the rejected rows are the original text
    assert rej["Сумма"].tolist() == ["10", "10", "десять"]
    inv = report.invalid_values.assign(reason=report.invalid_values["reason"].map(str))
    assert inv.to_dict("records") == [{
        "row": 6, "column": "quantity", "value": "много", "problem": "not_a_number",
        "reason": "Количество (quantity): 'много' is not a number (expected e.g. 1250.50 or 1 250,50)",
    }]
    assert report.rows_read == report.rows_kept + len(rej) == 5
    by = report.rejected_by_reason()
    assert by.to_dict() == {"Клиент is empty": 1, "Дата is not a valid date": 1,
                            "Сумма is not a number": 1}
    assert report.rejected_by_reason("ru").to_dict() == {"Клиент: пусто": 1, "Дата: не дата": 1,
                                                         "Сумма: не число": 1}
    assert report.problem_counts().to_dict() == {("empty", "customer_id"): 1,
                                                 ("not_a_date", "date"): 1,
                                                 ("not_a_number", "amount"): 1}


def test_several_problems_in_one_row_are_all_named(tmp_path):
    p = write(tmp_path / "t.csv", "customer_id,date,amount\n1,never,lots\n")
    _, report = wb.load_transactions(p)
    assert report.rejected["column"].tolist() == ["date; amount"]
    assert report.rejected["problem"].tolist() == ["not_a_date; not_a_number"]


GOOD = ("C1", "2024-01-05", "10.5")
BAD = {
    "empty": ("", "2024-01-05", "1"),
    "not_a_date": ("C2", "2024-02-30", "1"),
    "not_a_number": ("C3", "2024-01-05", "ten"),
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(["good", *BAD]), min_size=1, max_size=30))
def test_property_rows_read_equals_kept_plus_rejected(tmp_path, kinds):
    lines = ["customer_id,date,amount"]
    for i, k in enumerate(kinds):
        cid, d, a = GOOD if k == "good" else BAD[k]
        lines.append(f"{cid}{i if cid else ''},{d},{a}")
    p = write(tmp_path / "prop.csv", "\n".join(lines) + "\n")
    frame, report = wb.load_transactions(p)
    assert report.rows_read == len(kinds) == report.rows_kept + len(report.rejected)
    bad_rows = [i + 2 for i, k in enumerate(kinds) if k != "good"]
    assert report.rejected["row"].tolist() == bad_rows
    assert report.rejected["problem"].tolist() == [k for k in kinds if k != "good"]
    assert len(frame) == kinds.count("good")


# --------------------------------------------------------------------------------------------
# duplicates


DUP_TEXT = "customer_id,date,amount\n1,2024-01-01,5\n2,2024-01-01,5\n1,2024-01-01,5\n1,2024-01-01,5\n"


def test_duplicates_are_reported_and_kept_by_default(tmp_path):
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", DUP_TEXT))
    assert len(frame) == 4
    assert report.n_duplicates == 2
    assert report.duplicates["row"].tolist() == [4, 5]
    assert report.duplicates["duplicate_of"].tolist() == [2, 2]
    assert report.duplicates_dropped == 0
    assert len(report.rejected) == 0


def test_duplicates_drop_rejects_later_copies_with_reason(tmp_path):
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", DUP_TEXT), duplicates="drop")
    assert frame["customer_id"].tolist() == ["1", "2"]
    assert report.duplicates_dropped == 2
    assert report.rejected["reason"].map(str).tolist() == ["exact duplicate of row 2"] * 2
    assert report.rows_read == report.rows_kept + len(report.rejected)


def test_duplicates_option_is_checked(tmp_path):
    with pytest.raises(WorkbenchError, match="duplicates must be 'keep' or 'drop'"):
        wb.load_transactions(write(tmp_path / "t.csv", DUP_TEXT), duplicates="yes")


# --------------------------------------------------------------------------------------------
# errors


def test_missing_required_column_names_file_column_and_found_columns(tmp_path):
    p = write(tmp_path / "sales.csv", "Клиент;Сумма\n1;5\n")
    with pytest.raises(MissingColumnsError) as err:
        wb.load_transactions(p)
    msg = str(err.value)
    assert "sales.csv" in msg and "'date'" in msg and "'Клиент'" in msg and "'Сумма'" in msg
    assert isinstance(err.value, ValueError)


def test_mapping_naming_an_absent_column_is_an_error(tmp_path):
    p = write(tmp_path / "sales.csv", "a,b,c\n1,2024-01-01,5\n")
    with pytest.raises(MissingColumnsError, match=r"sales\.csv.*'Контрагент'.*Columns found: 'a', 'b', 'c'"):
        wb.load_transactions(p, columns={"Контрагент": "customer_id", "b": "date", "c": "amount"})


def test_mapping_to_an_unknown_canonical_name_is_an_error(tmp_path):
    p = write(tmp_path / "sales.csv", "a,b,c\n1,2024-01-01,5\n")
    with pytest.raises(WorkbenchError, match="maps 'c' to 'ammount', which is not a column"):
        wb.load_transactions(p, columns={"a": "customer_id", "b": "date", "c": "ammount"})


@pytest.mark.parametrize(
    ("name", "content", "pattern"),
    [
        ("empty.csv", b"", r"empty\.csv: the file is empty"),
        ("blank.csv", b"  \n\n", r"blank\.csv: the file is empty"),
        ("data.json", b"{}", r"data\.json: unknown file type '\.json'"),
        ("old.xls", b"x", r"old\.xls: the old Excel \.xls format is not supported"),
        ("fake.csv", b"PK\x03\x04rest", r"fake\.csv: this is an Excel workbook"),
        ("bin.csv", b"a\x00b\x00c", r"bin\.csv: the file is binary"),
        ("broken.xlsx", b"not a zip", r"broken\.xlsx: not a readable \.xlsx workbook"),
        ("broken.parquet", b"not parquet", r"broken\.parquet: not a readable Parquet file"),
    ],
)
def test_unreadable_files_raise_a_clear_data_file_error(tmp_path, name, content, pattern):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(DataFileError, match=pattern):
        wb.load_transactions(p)


def test_missing_file_and_folder_instead_of_file(tmp_path):
    with pytest.raises(DataFileError, match=r"nope\.csv: file not found"):
        wb.load_transactions(tmp_path / "nope.csv")
    with pytest.raises(DataFileError, match="is a folder"):
        wb.load_transactions(tmp_path)


def test_wrong_explicit_encoding_is_a_clear_error(tmp_path):
    p = write(tmp_path / "t.csv", "customer_id,date,amount\nЁж,2024-01-01,1\n", "cp1251")
    with pytest.raises(DataFileError, match=r"t\.csv: cannot be decoded as utf-8"):
        wb.load_transactions(p, encoding="utf-8")


def test_header_only_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match=r"t\.csv: the file has a header \(line 1\) but no data rows"):
        wb.load_transactions(write(tmp_path / "t.csv", "customer_id,date,amount\n"))


def test_empty_dataframe_gives_an_empty_canonical_frame():
    frame, report = wb.load_transactions(pd.DataFrame({"customer_id": [], "date": [], "amount": []}))
    assert len(frame) == 0 and list(frame.columns) == ["customer_id", "date", "amount"]
    assert frame.dtypes.astype(str).tolist() == ["string", "datetime64[ns]", "float64"]
    assert report.rows_read == 0


# --------------------------------------------------------------------------------------------
# mappings


def test_explicit_mapping_wins_over_recognised_names(tmp_path):
    text = "Клиент;Контрагент;Дата;Сумма\nK1;A1;01.01.2024;5\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text),
                                         columns={"Контрагент": "customer_id"})
    assert frame["customer_id"].tolist() == ["A1"]
    assert "Контрагент" not in report.auto_mapped
    assert frame["Клиент"].tolist() == ["K1"]  # unmapped columns are kept after the canonical
    assert list(frame.columns) == ["customer_id", "date", "amount", "Клиент"]


def test_mapping_to_none_drops_a_column(tmp_path):
    text = "customer_id,date,amount,phone\n1,2024-01-01,5,+7999\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text), columns={"phone": None})
    assert "phone" not in frame.columns
    assert report.dropped_columns == ["phone"]


@pytest.mark.parametrize("fmt", ["yml", "json"])
def test_mapping_files_flat_and_nested(tmp_path, fmt):
    data = {"transactions": {"Покупатель ИНН": "customer_id", "День": "date", "Итог": "amount"},
            "customers": {"ИНН": "customer_id"}}
    flat = data["transactions"]
    if fmt == "json":
        nested_p = write(tmp_path / "m.json", json.dumps(data, ensure_ascii=False))
        flat_p = write(tmp_path / "f.json", json.dumps(flat, ensure_ascii=False))
    else:
        import yaml

        nested_p = write(tmp_path / "m.yml", yaml.safe_dump(data, allow_unicode=True))
        flat_p = write(tmp_path / "f.yml", yaml.safe_dump(flat, allow_unicode=True))
    assert wb.load_mapping(nested_p) == data
    assert wb.load_mapping(nested_p, table="transactions") == flat
    assert wb.load_mapping(nested_p, table="leads") == {}
    assert wb.load_mapping(flat_p) == flat
    csv = write(tmp_path / "t.csv", "Покупатель ИНН;День;Итог\n77;01.01.2024;5\n")
    for m in (nested_p, flat_p):
        frame, report = wb.load_transactions(csv, mapping=m)
        assert frame["customer_id"].tolist() == ["77"]
        assert report.auto_mapped == []


def test_bad_mapping_files(tmp_path):
    with pytest.raises(DataFileError, match="mapping file not found"):
        wb.load_mapping(tmp_path / "none.yml")
    with pytest.raises(DataFileError, match=r"m\.yml: cannot parse"):
        wb.load_mapping(write(tmp_path / "m.yml", "a: [1,\n"))
    with pytest.raises(DataFileError, match=r"m\.txt: a mapping file must be"):
        wb.load_mapping(write(tmp_path / "m.txt", "a: b"))
    with pytest.raises(WorkbenchError, match="not a column of the transactions table"):
        wb.load_mapping(write(tmp_path / "n.yml", "transactions:\n  X: money\n"))


# --------------------------------------------------------------------------------------------
# pseudonymisation


def test_pseudonyms_are_keyed_stable_and_join_across_tables(tmp_path):
    tx = write(tmp_path / "tx.csv", "customer_id,date,amount,phone\n00012,2024-01-01,5,+7\n00013,2024-01-02,6,+8\n")
    cu = write(tmp_path / "cu.csv", "customer_id,name,region\n00012,ООО Ромашка,Москва\n")
    t1, r1 = wb.load_transactions(tx, pseudonymize_key="secret")
    c1, _ = wb.load_customers(cu, pseudonymize_key="secret")
    t2, _ = wb.load_transactions(tx, pseudonymize_key="other")
    assert all(re.fullmatch(r"C[0-9a-f]{10}", v) for v in t1["customer_id"])
    assert t1["customer_id"].iloc[0] == c1["customer_id"].iloc[0]
    assert t1["customer_id"].iloc[0] != t2["customer_id"].iloc[0]
    assert len(t1.merge(c1, on="customer_id")) == 1
    assert "phone" not in t1.columns and r1.dropped_columns == ["phone"]
    assert c1["name"].isna().all()
    assert r1.pseudonymised
    dumped = t1.to_csv() + c1.to_csv()
    assert "00012" not in dumped and "Ромашка" not in dumped


def test_pseudonyms_reach_rejected_and_duplicate_rows(tmp_path):
    p = write(tmp_path / "t.csv", "customer_id,date,amount\n00012,bad,5\n00013,2024-01-01,1\n00013,2024-01-01,1\n")
    _, report = wb.load_transactions(p, pseudonymize_key=b"k")
    text = report.rejected.to_csv() + report.duplicates.to_csv()
    assert "00012" not in text and "00013" not in text
    assert report.rejected["customer_id"].iloc[0] == pseudonymize(["00012"], b"k")[0]


def test_pseudonymize_function():
    out = pseudonymize(["a", None, "a", "b"], "k")
    assert out[0] == out[2] and out[1] is None and out[0] != out[3]
    with pytest.raises(WorkbenchError):
        pseudonymize(["a"], "")


# --------------------------------------------------------------------------------------------
# Excel, Parquet, DataFrame


def test_xlsx_with_real_dates_serials_title_row_and_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wbk = openpyxl.Workbook()
    ws = wbk.active
    ws.append(["Выгрузка продаж"])
    ws.append(["Контрагент", "Дата", "Сумма"])
    ws.append(["00012", dt.datetime(2024, 1, 5, 10, 30), 1250.5])
    ws.append([12, 45356, "1 000,00"])
    ws.append([None, None, None])
    ws.append(["A", dt.date(2024, 2, 29), -3])
    p = tmp_path / "export.xlsx"
    wbk.save(p)
    frame, report = wb.load_transactions(p)
    assert_frame_equal(
        frame,
        tx_frame(["00012", "12", "A"], ["2024-01-05 10:30", "2024-03-05", "2024-02-29"],
                 [1250.5, 1000.0, -3.0]),
    )
    assert report.header_row == 2
    assert report.encoding is None and report.delimiter is None
    assert report.date_format.startswith("Excel date")


def test_xlsx_rejected_rows_use_spreadsheet_row_numbers_and_sheet_name(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wbk = openpyxl.Workbook()
    wbk.active.title = "Notes"
    ws = wbk.create_sheet("Sales")
    ws.append(["customer_id", "date", "amount"])
    ws.append(["1", "2024-01-01", "x"])
    p = tmp_path / "s.xlsx"
    wbk.save(p)
    _, report = wb.load_transactions(p, sheet_name="Sales")
    assert report.rejected["row"].tolist() == [2]
    with pytest.raises(DataFileError, match="no sheet named 'Other'; sheets found: Notes, Sales"):
        wb.load_transactions(p, sheet_name="Other")


def test_parquet_round_trip(tmp_path):
    df = pd.DataFrame({
        "customer_id": ["007", "008"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-02 03:04"], format="mixed"),
        "amount": [1.5, -2.0],
        "quantity": [1, 2],
    })
    p = tmp_path / "tx.parquet"
    df.to_parquet(p)
    frame, report = wb.load_transactions(p)
    expected = tx_frame(["007", "008"], ["2024-01-01", "2024-01-02 03:04"], [1.5, -2.0],
                        quantity=[1.0, 2.0])
    assert_frame_equal(frame, expected)
    assert report.source == "tx.parquet"


def test_dataframe_input_with_own_names_and_index(tmp_path):
    df = pd.DataFrame(
        {"Client": ["a", "b", ""], "Date": ["05.01.2024", "06.01.2024", "07.01.2024"],
         "Revenue": ["1 000", "2,5", "3"]},
        index=[10, 20, 30],
    )
    frame, report = wb.load_transactions(df)
    assert frame["amount"].tolist() == [1000.0, 2.5]
    assert report.source == "DataFrame"
    assert report.rejected.index.tolist() == [30]
    assert report.rejected["row"].tolist() == [4]


# --------------------------------------------------------------------------------------------
# the other tables


def test_survey_kano_texts_in_russian_and_english_and_scales(tmp_path):
    text = (
        "Респондент;Атрибут;Важность;Оценка;kano_functional;kano_dysfunctional;NPS\n"
        "R1;Доставка;5;4;Мне нравится;Мне не нравится;9\n"
        "R1;Цена;4;3;I expect it;i can live with it;9\n"
        "R2;Доставка;7;2;3;Так и должно быть;11\n"
        "R2;Цена;2;2;может быть;мне всё равно;10\n"
    )
    frame, report = wb.load_survey(write(tmp_path / "s.csv", text))
    assert frame["kano_functional"].tolist() == [1, 2, 3, pd.NA]
    assert frame["kano_dysfunctional"].tolist() == [5, 4, 2, 3]
    assert frame["importance"].tolist() == [5, 4, pd.NA, 2]
    assert frame["nps"].tolist() == [9, 9, pd.NA, 10]
    assert str(frame["nps"].dtype) == "Int64"
    inv = report.invalid_values
    assert inv[["row", "column", "problem"]].values.tolist() == [
        [4, "importance", "out_of_range"], [4, "nps", "out_of_range"],
        [5, "kano_functional", "not_recognised"],
    ]
    assert report.rows_kept == 4


def test_survey_scale_option(tmp_path):
    p = write(tmp_path / "s.csv", "respondent_id,attribute,importance\n1,a,7\n")
    frame, _ = wb.load_survey(p, scale=(1, 10))
    assert frame["importance"].tolist() == [7]


def test_feedback_kinds_in_russian(tmp_path):
    text = (
        "Клиент;Дата обращения;Вид обращения;Дата решения\n"
        "1;01.02.2024;Жалоба;03.02.2024\n"
        "2;01.02.2024;вопрос;\n"
        "3;02.02.2024;Благодарность;\n"
        "4;02.02.2024;Отказ;\n"
        "5;02.02.2024;предложение;\n"
    )
    frame, report = wb.load_feedback(write(tmp_path / "f.csv", text))
    assert frame["kind"].tolist() == ["complaint", "question", "praise", "refusal"]
    assert list(frame["kind"].cat.categories) == ["complaint", "question", "praise", "refusal"]
    assert frame["resolved_date"].isna().tolist() == [False, True, True, True]
    assert report.rejected["reason"].map(str).tolist() == [
        "Вид обращения (kind): 'предложение' is not one of complaint, question, praise, refusal"
    ]


def test_leads_stage_is_an_ordered_category(tmp_path):
    text = "lead_id,stage,date,customer_id\nL1,Звонок,2024-01-01,\nL2,КП,2024-01-02,\nL3,deal,2024-01-03,00012\n"
    frame, _ = wb.load_leads(write(tmp_path / "l.csv", text))
    assert frame["stage"].tolist() == ["call", "proposal", "deal"]
    assert frame["stage"].cat.ordered
    assert tuple(frame["stage"].cat.categories) == LEAD_STAGES
    assert frame["stage"].iloc[0] < frame["stage"].iloc[2]
    assert frame["customer_id"].tolist() == [pd.NA, pd.NA, "00012"]


def test_customers_table(tmp_path):
    text = "Код клиента;Тип клиента;Город;Источник;Дата регистрации\n001;B2B;Москва;Сайт;01.02.2020\n"
    frame, _ = wb.load_customers(write(tmp_path / "c.csv", text))
    assert list(frame.columns) == ["customer_id", "type", "region", "source", "signup_date"]
    assert frame["signup_date"].tolist() == [pd.Timestamp("2020-02-01")]


# --------------------------------------------------------------------------------------------
# the report


def test_report_summary_in_both_languages_and_html(tmp_path):
    p = write(tmp_path / "t.csv", "Клиент;Дата;Сумма\n1;01.01.2024;1,5\n;02.01.2024;1\n", "cp1251")
    _, report = wb.load_transactions(p)
    en, ru = report.summary("en"), report.summary("ru")
    assert "Rows read: 2" in en and "Rows rejected: 1" in en and "cp1251" in en
    assert "Прочитано строк: 2" in ru and "Отклонено строк: 1" in ru
    assert "Клиент: пусто — 1" in ru and "Клиент is empty: 1" in en
    assert "Разделитель: точка с запятой (;)" in ru
    assert "Десятичный разделитель: запятая (,)" in ru and "Decimal mark: comma (,)" in en
    assert "Формат дат в столбце «Дата»: ДД.ММ.ГГГГ" in ru
    assert "Date format in column “Дата”: dd.mm.yyyy" in en
    html = report._repr_html_()
    assert "<table>" in html and "Load report: transactions from t.csv" in html
    assert "Строка файла" in report._repr_html_("ru") and ">row<" not in report._repr_html_("ru")
    assert str(report) == en
    wb.set_language("ru")
    assert str(report) == ru


# --------------------------------------------------------------------------------------------
# folders and the summary


def test_folder_with_only_transactions_and_its_mapping_file(tmp_path):
    write(tmp_path / "transactions.csv", "Покупатель;Когда;Деньги\n1;01.01.2024;5\n", "cp1251")
    write(tmp_path / "mapping.yml", "transactions:\n  Когда: date\n  Деньги: amount\n")
    folder = wb.load_folder(tmp_path)
    assert list(folder.tables) == ["transactions"]
    assert folder.missing == ["customers", "survey", "feedback", "leads"]
    assert folder.mapping_file.name == "mapping.yml"
    assert folder["transactions"]["amount"].tolist() == [5.0]
    assert "transactions" in folder and "survey" not in folder
    assert "transactions" in folder._repr_html_()


def test_folder_with_several_tables_pseudonymised(tmp_path):
    write(tmp_path / "transactions.csv", "customer_id,date,amount\n1,2024-01-01,5\n")
    write(tmp_path / "Customers.CSV", "customer_id,type\n1,B2C\n")
    folder = wb.load_folder(tmp_path, pseudonymize_key="k")
    assert set(folder.tables) == {"transactions", "customers"}
    assert (folder["transactions"]["customer_id"] == folder["customers"]["customer_id"]).all()


def test_empty_folder_is_an_error(tmp_path):
    write(tmp_path / "notes.txt", "hello")
    with pytest.raises(DataFileError, match="no data tables found.*notes.txt"):
        wb.load_folder(tmp_path)


def test_write_summary(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write(data / "transactions.csv",
          "customer_id,date,amount,cost\n1,2024-01-01,100,60\n2,2024-02-01,-20,-12\n3,x,1,1\n")
    text = wb.io.write_summary(data, tmp_path / "out", language="en")
    assert (tmp_path / "out" / "summary.md").read_text(encoding="utf-8") == text
    assert "Transactions from 2024-01-01 to 2024-02-01" in text
    assert "Customers who bought: 2" in text
    assert "Revenue: 80.00 (returns: -20.00)" in text
    assert "Rows rejected: 1" in text
    ru = wb.io.write_summary(data, tmp_path / "out", language="ru")
    assert "Продажи с 2024-01-01 по 2024-02-01" in ru
    assert "Выручка: 80,00 (возвраты: -20,00)" in ru


def test_cli_summary(tmp_path, capsys):
    from workbench.cli import main

    data = tmp_path / "data"
    data.mkdir()
    write(data / "transactions.csv", "customer_id,date,amount\n1,2024-01-01,5\n")
    assert main(["summary", "--data", str(data), "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "summary.md").exists()
    assert main(["summary", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "r")]) == 2


# --------------------------------------------------------------------------------------------
# documentation


def test_every_schema_column_is_documented_in_docs_data_md():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    for table, spec in TABLES.items():
        section = re.search(rf"^## {table}\b.*?(?=^## |\Z)", doc, flags=re.M | re.S)
        assert section, f"docs/data.md has no '## {table}' section"
        for col in spec.columns:
            assert re.search(rf"^\| `{col.name}` \|", section.group(0), flags=re.M), (
                f"{table}.{col.name} is not documented in docs/data.md"
            )


def test_folder_finds_a_table_file_named_with_a_suffix(tmp_path):
    write(tmp_path / "transactions_1c_export.csv", "customer_id,date,amount\n1,2024-01-01,5\n")
    folder = wb.load_folder(tmp_path)
    assert folder.files["transactions"].name == "transactions_1c_export.csv"
    assert folder.missing == ["customers", "survey", "feedback", "leads"]


def test_canonical_frames_pass_through_unchanged():
    fb = pd.DataFrame({
        "customer_id": pd.array(["001", "002"], dtype=S),
        "date": pd.to_datetime(["2024-01-01", "2024-01-02"]).astype("datetime64[ns]"),
        "kind": pd.Categorical(["praise", "complaint"], categories=["complaint", "question", "praise", "refusal"]),
        "resolved_date": pd.to_datetime([None, "2024-01-05"]).astype("datetime64[ns]"),
        "score": pd.array([5, pd.NA], dtype="Int64"),
    })
    frame, report = wb.load_feedback(fb)
    assert_frame_equal(frame, fb)
    assert report.rows_kept == 2 and report.date_formats["date"] == "datetime values"


def test_reasons_follow_the_current_language(tmp_path):
    p = write(tmp_path / "t.csv", "customer_id,date,amount\n1,2024-01-01,abc\n")
    try:
        wb.set_language("ru")
        _, report = wb.load_transactions(p)
    finally:
        wb.set_language("en")
    # the report holds the code and its values; the sentence is said in the language shown
    (reason,) = report.rejected["reason"]
    assert (reason.code, reason.params["value"]) == ("load.reason.not_a_number", "'abc'")
    assert reason.text("ru") == "amount: 'abc' — не число (ожидается, например, 1250.50 или 1 250,50)"
    assert str(reason) == "amount: 'abc' is not a number (expected e.g. 1250.50 or 1 250,50)"
    wb.set_language("ru")
    assert str(reason) == reason.text("ru")


def test_utf8_looking_start_then_cp1251_falls_back_to_cp1251(tmp_path):
    head = "customer_id;date;amount;product\n" + "1;01.01.2024;5;beans\n" * 5000  # > 64 KB
    p = tmp_path / "t.csv"
    p.write_bytes(head.encode("ascii") + "2;02.01.2024;7;Кофе\n".encode("cp1251"))
    frame, report = wb.load_transactions(p)
    assert report.encoding == "cp1251"
    assert frame["product"].iloc[-1] == "Кофе"
    assert any("not valid UTF-8" in w for w in map(str, report.warnings))


def test_many_rows_sharing_date_and_price_are_not_all_duplicates(tmp_path):
    lines = ["customer_id,date,amount"] + [f"{i},2024-01-01,540" for i in range(3000)]
    lines += ["7,2024-01-01,540"]
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", "\n".join(lines) + "\n"))
    assert report.duplicates["row"].tolist() == [3002]
    assert report.duplicates["duplicate_of"].tolist() == [9]

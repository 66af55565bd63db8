"""Loaders, values: day/month order from all values, Excel text ids, grouped 1C reports."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import workbench as wb
from workbench.errors import DataFileError, MissingColumnsError


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def us_file(tmp_path: Path, n: int = 500) -> tuple[Path, list[pd.Timestamp]]:
    """``mm/dd/yyyy`` dates where only the last two rows have a day above 12."""
    dates = [pd.Timestamp(2024, 1 + (i * 5) % 12, 1 + i % 12) for i in range(n)]
    dates += [pd.Timestamp(2024, 3, 25), pd.Timestamp(2024, 12, 13)]
    lines = ["customer_id,date,amount"] + [
        f"C{i},{d.month:02d}/{d.day:02d}/{d.year},{i}" for i, d in enumerate(dates)
    ]
    return write(tmp_path / "us.csv", "\n".join(lines) + "\n"), dates


def test_us_dates_are_decided_from_all_values_not_a_sample(tmp_path):
    p, dates = us_file(tmp_path, 5000)
    frame, report = wb.load_transactions(p)
    assert report.rows_kept == 5002 and len(report.rejected) == 0
    assert frame["date"].tolist() == dates
    assert report.date_format == "mm/dd/yyyy"
    assert not [w for w in map(str, report.warnings) if "ambiguous" in w]


def test_day_first_slash_dates_with_one_proof_at_the_end(tmp_path):
    lines = ["customer_id,date,amount"] + [f"C{i},{1 + i % 12:02d}/{1 + (i * 7) % 12:02d}/2023,1"
                                           for i in range(3000)] + ["Z,25/03/2023,1"]
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", "\n".join(lines) + "\n"))
    assert report.date_format == "dd/mm/yyyy" and len(report.rejected) == 0
    assert frame["date"].iloc[1] == pd.Timestamp(2023, 8, 2)
    assert frame["date"].iloc[-1] == pd.Timestamp(2023, 3, 25)


def test_ambiguous_order_is_said_in_the_report_and_follows_dayfirst(tmp_path):
    text = "customer_id,date,amount\nA,01/02/2024,1\nB,03/04/2024,2\n"
    p = write(tmp_path / "t.csv", text)
    frame, report = wb.load_transactions(p)
    assert frame["date"].tolist() == [pd.Timestamp(2024, 2, 1), pd.Timestamp(2024, 4, 3)]
    (msg,) = [w for w in map(str, report.warnings) if "ambiguous" in w]
    assert msg.startswith("date: the day/month order is ambiguous")
    assert "read as dd/mm/yyyy (dayfirst=True)" in msg and "dayfirst=False" in msg
    frame, report = wb.load_transactions(p, dayfirst=False)
    assert frame["date"].tolist() == [pd.Timestamp(2024, 1, 2), pd.Timestamp(2024, 3, 4)]
    assert any("read as mm/dd/yyyy (dayfirst=False)" in w for w in map(str, report.warnings))
    frame, report = wb.load_transactions(p, date_format="%m/%d/%Y")
    assert frame["date"].tolist() == [pd.Timestamp(2024, 1, 2), pd.Timestamp(2024, 3, 4)]
    assert not [w for w in map(str, report.warnings) if "ambiguous" in w]


def test_mapping_file_options_set_the_date_format_and_dayfirst(tmp_path):
    write(tmp_path / "transactions.csv", "Клиент;Дата;Сумма\nA;01/02/2024;1\nB;03/04/2024;2\n")
    write(tmp_path / "mapping.yml", "transactions:\n  Клиент: customer_id\noptions:\n"
          "  date_format: '%m/%d/%Y'\n")
    folder = wb.load_folder(tmp_path)
    assert folder.tables["transactions"]["date"].tolist() == [pd.Timestamp(2024, 1, 2),
                                                              pd.Timestamp(2024, 3, 4)]
    assert folder.reports["transactions"].date_format == "%m/%d/%Y"
    write(tmp_path / "mapping.yml", "options:\n  dayfirst: false\n")
    folder = wb.load_folder(tmp_path)
    assert folder.tables["transactions"]["date"].tolist()[0] == pd.Timestamp(2024, 1, 2)
    frame, _ = wb.load_transactions(tmp_path / "transactions.csv", mapping=tmp_path / "mapping.yml",
                                    dayfirst=True)
    assert frame["date"].tolist()[0] == pd.Timestamp(2024, 2, 1)  # the argument wins
    write(tmp_path / "mapping.yml", "options:\n  day_first: false\n")
    with pytest.raises(DataFileError, match="unknown option\\(s\\) 'day_first'"):
        wb.load_folder(tmp_path)


def test_mixed_orders_keep_the_majority_and_say_so(tmp_path):
    text = "customer_id,date,amount\nA,25/01/2024,1\nB,26/01/2024,2\nC,01/27/2024,3\nD,05/06/2024,4\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["A", "B", "D"]
    assert frame["date"].tolist()[-1] == pd.Timestamp(2024, 6, 5)
    assert report.rejected["row"].tolist() == [4]
    assert any("mix two orders: 2 value(s) can only be dd/mm/yyyy, 1 only mm/dd/yyyy" in w
               for w in map(str, report.warnings))


def test_dash_dates_month_first(tmp_path):
    text = "customer_id,date,amount\nA,01-02-2024,1\nB,12-31-2024,2\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["date"].tolist() == [pd.Timestamp(2024, 1, 2), pd.Timestamp(2024, 12, 31)]
    assert report.date_format == "mm-dd-yyyy"


def test_excel_text_forcing_ids_keep_their_zeros(tmp_path):
    text = ('customer_id;date;amount;order_id\n="000123";="2024-01-05";="12,50";="0042"\n'
            '"=""000124""";2024-01-06;3;7\n')
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["000123", "000124"]
    assert frame["order_id"].tolist() == ["0042", "7"]
    assert frame["amount"].tolist() == [12.5, 3.0]
    assert frame["date"].tolist() == [pd.Timestamp(2024, 1, 5), pd.Timestamp(2024, 1, 6)]
    assert len(report.rejected) == 0


# --------------------------------------------------------------------------------------------
# 1C report grouped by counterparty


GROUPED_1C = (
    "Продажи по контрагентам\n"
    "Период: 01.01.2024 - 31.03.2024\n"
    "\n"
    "Контрагент;Документ;Дата;Сумма\n"
    "ООО Ромашка;;;15 000,00\n"
    ";Реализация 0001;01.02.2024;5 000,00\n"
    ";Реализация 0002;03.02.2024;10 000,00\n"
    "ИП Лютиков;;;7 000,00\n"
    ";Реализация 0003;05.02.2024;abc\n"
    ";Реализация 0004;06.02.2024;7 000,00\n"
    "Итого;;;22 000,00\n"
)


def test_grouped_1c_report_fills_the_client_down_and_rejects_group_and_total_lines(tmp_path):
    p = write(tmp_path / "report.csv", GROUPED_1C, "cp1251")
    frame, report = wb.load_transactions(p)
    assert frame["customer_id"].tolist() == ["ООО Ромашка", "ООО Ромашка", "ИП Лютиков"]
    assert frame["order_id"].tolist() == ["Реализация 0001", "Реализация 0002", "Реализация 0004"]
    assert frame["amount"].tolist() == [5000.0, 10000.0, 7000.0]
    rej = report.rejected
    assert rej["row"].tolist() == [5, 8, 9, 11]
    assert rej["problem"].tolist() == ["group_line", "group_line", "not_a_number", "subtotal"]
    assert rej["reason"].map(str).iloc[0].startswith("group line of a report grouped by client")
    assert rej["Контрагент"].tolist() == ["ООО Ромашка", "ИП Лютиков", "", "Итого"]
    assert report.rows_read == 7 == report.rows_kept + len(rej)
    assert any("grouped by client (1C layout)" in w and "2 group line(s)" in w
               for w in map(str, report.warnings))


def test_a_flat_file_with_a_few_empty_clients_is_not_taken_for_a_grouped_report(tmp_path):
    text = "customer_id;date;amount\nA;01.02.2024;1\n;02.02.2024;2\nB;03.02.2024;3\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["customer_id"].tolist() == ["A", "B"]
    assert report.rejected["problem"].tolist() == ["empty"]


def test_duplicate_header_names_say_which_column_was_used(tmp_path):
    text = "Клиент;Дата;Сумма;Сумма\nA;01.02.2024;10;12\n"
    frame, report = wb.load_transactions(write(tmp_path / "t.csv", text))
    assert frame["amount"].tolist() == [10.0]
    assert frame["Сумма.1"].tolist() == ["12"]
    (msg,) = [w for w in map(str, report.warnings) if "header names" in w]
    assert msg == ("the header names 2 columns 'Сумма' (read as 'Сумма', 'Сумма.1'); "
                   "'Сумма' as amount was used, the others are kept as extra columns. "
                   "Pass columns= to choose another")


def test_1c_report_with_clients_and_documents_in_one_column_fails_with_advice(tmp_path):
    text = (
        "Контрагент / Документ;Сумма\n"
        "ООО Ромашка;15 000,00\n"
        "Реализация товаров 0001 от 01.02.2024 12:00:00;5 000,00\n"
        "Реализация товаров 0002 от 03.02.2024 9:30:00;10 000,00\n"
        "ИП Лютиков;7 000,00\n"
        "Реализация товаров 0003 от 05.02.2024 10:00:00;7 000,00\n"
    )
    with pytest.raises(MissingColumnsError,
                       match="looks like a 1C report grouped by counterparty.*Export a flat table"):
        wb.load_transactions(write(tmp_path / "report.csv", text))

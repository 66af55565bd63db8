"""Loader warnings and reasons are data (a code and its values); the text layer says them in
either language, whichever was current at load time."""

from __future__ import annotations

import pickle
import re

import pandas as pd

import workbench
from workbench.io._messages import Note, note
from workbench.narrative._load import date_format_label, render_note


def _load(tmp_path, language):
    path = tmp_path / "tx.csv"
    path.write_text("Отчёт о продажах\n\nClient;Date;Amount;Amount\nC1;05/02/2024;1,250;1\n"
                    'C2;06/02/2024;"7;2\nC3;07/02/2024;2,500;3\n', encoding="utf-8")
    workbench.set_language(language)
    try:
        return workbench.load_transactions(
            path, columns={"Client": "customer_id", "Date": "date"})[1]
    finally:
        workbench.set_language("en")


def test_warnings_and_reasons_are_codes_with_values_not_sentences(tmp_path):
    report = _load(tmp_path, "ru")
    assert all(isinstance(w, Note) for w in report.warnings)
    codes = [w.code for w in report.warnings]
    assert codes[0] == "load.warn.lines_above_header" and report.warnings[0].params == {
        "n": 2, "line": 3}
    assert "load.warn.duplicate_header" in codes
    (reason,) = report.rejected["reason"]
    assert reason.code == "load.reason.malformed"
    assert reason.params["detail"].code == "load.malformed.quote"
    # the same load in the other language gives the same data
    assert _load(tmp_path, "en").warnings == report.warnings


def test_the_text_layer_says_them_in_the_language_asked(tmp_path):
    report = _load(tmp_path, "en")
    ru = [render_note(w, "ru") for w in report.warnings]
    assert all(re.search("[а-я]", w) for w in ru)
    assert any("над заголовком" in w for w in ru)
    assert any("порядок дня и месяца неоднозначен" in w and "ДД/ММ/ГГГГ" in w for w in ru)
    assert "кавычка" in report.rejected["reason"].iloc[0].text("ru")
    english = report.summary("en").split("Warnings:")[1]
    assert "skipped 2 line(s) above the header" in english
    assert "the day/month order is ambiguous" in english and "dd/mm/yyyy" in english
    assert not re.search("[А-Яа-яЁё]{3,}", english.replace("Отчёт", ""))
    assert "пропущено строк над заголовком" in report.summary("ru")
    assert "пропущено строк над заголовком" in report._repr_html_("ru")
    workbench.set_language("ru")
    assert str(report.warnings[0]).startswith("пропущено строк")


def test_a_note_keeps_its_code_and_values_through_pickle_and_compares_by_them():
    n = note("load.warn.rows_above_header", n=2, line=3)
    back = pickle.loads(pickle.dumps(n))
    assert isinstance(back, Note) and back == n and hash(back) == hash(n)
    assert back != note("load.warn.rows_above_header", n=2, line=4)
    assert back.text("en") == "skipped 2 row(s) above the header; the header is row 3"
    assert back.text("ru") == "пропущено строк над заголовком: 2; заголовок — строка 3"
    nested = note("load.warn.duplicate_header_used",
                  used=(note("load.warn.duplicate_header_as", source="'A'", canon="amount"),))
    assert nested.text("ru") == "использован 'A' как amount"
    assert pd.Series([n, back]).nunique() == 1  # hashable: frames of reasons can be counted


def test_a_row_with_several_problems_has_one_reason_that_names_each(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("customer_id,date,amount\n1,never,lots\n", encoding="utf-8")
    (reason,) = workbench.load_transactions(path)[1].rejected["reason"]
    assert [r.code for r in reason.params["reasons"]] == ["load.reason.not_a_date",
                                                          "load.reason.not_a_number"]
    assert reason.text("en") == (
        "date: 'never' is not a valid date (expected e.g. 31.12.2024 or 2024-12-31); "
        "amount: 'lots' is not a number (expected e.g. 1250.50 or 1 250,50)")


def test_date_format_codes_read_naturally_in_both_languages():
    assert date_format_label("dd.mm.yyyy", "ru") == "ДД.ММ.ГГГГ"
    assert date_format_label("dd.mm.yyyy hh:mm", "ru") == "ДД.ММ.ГГГГ чч:мм"
    assert date_format_label("yyyymmdd", "ru") == "ГГГГММДД"
    assert date_format_label("mm/dd/yy hh:mm:ss", "ru") == "ММ/ДД/ГГ чч:мм:сс"
    assert date_format_label("dd.mm.yyyy", "en") == "dd.mm.yyyy"
    assert date_format_label("Excel serial number", "en") == "Excel serial day numbers"
    assert date_format_label("Excel date / dd.mm.yyyy", "ru") == "ячейки дат Excel / ДД.ММ.ГГГГ"
    assert date_format_label("datetime values", "ru") == "значения даты и времени"


def test_loading_a_folder_sets_its_currency_and_a_folder_without_one_clears_it(tmp_path):
    from workbench import i18n

    with_currency = tmp_path / "a"
    with_currency.mkdir()
    (with_currency / "transactions.csv").write_text("customer_id,date,amount\nC1,2024-01-02,5\n")
    (with_currency / "workshop.yml").write_text("company:\n  name: Acme\n  currency: EUR\n")
    workbench.load_folder(with_currency)
    assert i18n.get_currency() == "EUR"
    bare = tmp_path / "b"
    bare.mkdir()
    (bare / "transactions.csv").write_text("customer_id,date,amount\nC1,2024-01-02,5\n")
    workbench.load_folder(bare)
    assert i18n.get_currency() is None

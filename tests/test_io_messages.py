"""Loader warnings and broken-line reasons exist in both languages and follow the report's."""

from __future__ import annotations

import pickle
import re

import workbench
from workbench.io._messages import Note, note


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


def test_warnings_are_written_in_the_current_language(tmp_path):
    ru = _load(tmp_path, "ru")
    assert ru.warnings and all(re.search("[а-я]", w) for w in ru.warnings)
    assert any("над заголовком" in w for w in ru.warnings)
    assert any("порядок дня и месяца неоднозначен" in w for w in ru.warnings)
    assert "кавычка" in ru.rejected["reason"].iloc[0]


def test_a_report_says_its_warnings_in_the_language_it_is_shown_in(tmp_path):
    ru = _load(tmp_path, "ru")
    english = ru.summary("en")
    warnings = english.split("Warnings:")[1]
    assert "skipped 2 line(s) above the header" in warnings
    assert "the day/month order is ambiguous" in warnings
    assert not re.search("[А-Яа-яЁё]{3,}", warnings.replace("Отчёт", ""))
    en = _load(tmp_path, "en")
    assert "пропущено строк над заголовком" in en.summary("ru")
    assert "пропущено строк над заголовком" in en._repr_html_("ru")


def test_a_note_is_text_that_keeps_its_key_through_pickle():
    workbench.set_language("ru")
    try:
        n = note("load.warn.rows_above_header", n=2, line=3)
    finally:
        workbench.set_language("en")
    assert isinstance(n, str) and n.startswith("пропущено строк")
    back = pickle.loads(pickle.dumps(n))
    assert isinstance(back, Note) and back == n
    assert back.text("en") == "skipped 2 row(s) above the header; the header is row 3"
    nested = note("load.warn.duplicate_header_used",
                  used=(note("load.warn.duplicate_header_as", source="'A'", canon="amount"),))
    assert nested.text("ru") == "использован 'A' как amount"


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

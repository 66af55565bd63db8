"""A messy export's load report reads in the audience's language (issue 11 §2, issue 13).

A Russian run shows no English words in the load report, the rejected-rows and invalid-values
tables or the folder summary, outside the allow-list of ``tests/test_language.py`` (the method's
terms, software names, the canonical column names) and the client's own data (the file's
headers and values); an English run shows no Cyrillic except the client's data.
"""

from __future__ import annotations

import inspect
import re

import pytest
from test_language import ALLOWED_LATIN, _code_words, _html_text, foreign_in

import workbench

#: A 1C-like export: cp1251, ';', decimal commas, a title above the header, dd.mm.yyyy dates,
#: an empty client, an impossible date, a word for an amount, a broken line, an unterminated
#: quote, an exact duplicate, an unreadable optional quantity.
MESSY = (
    "Отчёт о продажах за январь\n"
    "\n"
    "Контрагент;Дата;Сумма;Количество;Склад\n"
    "000122;01.01.2025;3060,00;3;Основной\n"
    ";02.01.2025;4 200,00;1;Основной\n"
    "000123;31.02.2025;2280,00;1;Подольск\n"
    "000124;03.01.2025;десять;1;Основной\n"
    "000125;04.01.2025;969,50;много;Основной\n"
    "000126;05.01.2025;100,00\n"
    '000127;06.01.2025;"7;1;Основной\n'
    "000122;01.01.2025;3060,00;3;Основной\n"
    "000128;07.01.2025;1 500,25;2;Основной\n"
)
FEEDBACK = "Клиент;Дата обращения;Вид обращения\n000122;01.02.2025;Жалоба\n000123;02.02.2025;предложение\n"
#: Loader parameters a warning tells the analyst to pass (``decimal=','``): code, not prose.
_PARAMETER = re.compile(r"\b({})=\S+".format("|".join(
    inspect.signature(workbench.load_transactions).parameters)))


@pytest.fixture
def messy(tmp_path):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "transactions.csv").write_bytes(MESSY.encode("cp1251"))
    (folder / "feedback.csv").write_bytes(FEEDBACK.encode("cp1251"))
    return folder


def _texts(folder, language: str) -> list[tuple[str, str]]:
    """(where, text) of everything an audience sees of the folder's load, in ``language``."""
    previous = workbench.i18n.get_language()
    workbench.set_language(language)
    try:
        loaded = workbench.load_folder(folder, duplicates="drop")
        found = [("folder", loaded.summary()), ("folder html", _html_text(loaded._repr_html_()))]
        for name, report in loaded.reports.items():
            found += [
                (f"{name} summary", report.summary()),
                (f"{name} str", str(report)),
                (f"{name} html", _html_text(report._repr_html_())),
                (f"{name} describe", workbench.describe_load(report)),
                (f"{name} rejected",
                 _html_text(workbench.format_rejected(report, rows=None).to_html())),
                (f"{name} invalid",
                 _html_text(workbench.format_invalid(report, rows=None).to_html())),
                (f"{name} reasons", " ".join(map(str, report.rejected["reason"]))),
            ]
        return [(where, _PARAMETER.sub(" ", text)) for where, text in found]
    finally:
        workbench.set_language(previous)


def _client_words() -> set[str]:
    """The client's data: every word of the files, and the folder's name."""
    return set(re.findall(r"\w+", MESSY + FEEDBACK)) | {"client"}


def _allowed() -> set[str]:
    """test_language's allow-list, with every canonical column name (optional ones too)."""
    from workbench.schema import TABLES

    columns = {c.name for spec in TABLES.values() for c in spec.columns}
    return set(ALLOWED_LATIN) | _code_words() | columns | _client_words()


def test_the_messy_load_rejects_and_warns_as_expected(messy):
    report = workbench.load_folder(messy, duplicates="drop").reports["transactions"]
    assert report.rows_read == 9 and report.rows_kept == 3
    assert report.rejected["problem"].tolist() == [
        "empty", "not_a_date", "not_a_number", "malformed", "malformed", "duplicate"]
    assert report.rejected["row"].tolist() == [5, 6, 7, 9, 10, 11]
    assert report.invalid_values["row"].tolist() == [8]
    assert report.encoding == "cp1251" and report.delimiter == ";" and report.decimal == ","


def test_a_russian_load_report_has_no_english_words(messy):
    texts = _texts(messy, "ru")
    allowed = _allowed()
    assert foreign_in(texts, "ru", allowed) == {}
    shown = dict(texts)
    assert "Формат дат в столбце «Дата»: ДД.ММ.ГГГГ" in shown["transactions summary"]
    assert "Строка файла" in shown["transactions rejected"]
    assert "Проблема" in shown["transactions invalid"] and "Столбец" in shown["transactions invalid"]
    assert "not_a_date" not in " ".join(shown.values())
    assert "не из списка: жалоба, вопрос, благодарность, отказ" in shown["feedback reasons"]


def test_an_english_load_report_has_no_russian_words_but_the_clients_data(messy):
    texts = _texts(messy, "en")
    assert foreign_in(texts, "en", _client_words()) == {}
    shown = dict(texts)
    assert "Date format in column “Дата”: dd.mm.yyyy" in shown["transactions summary"]
    assert "Row in the file" in shown["transactions rejected"]


def test_the_scan_would_see_a_stray_word(messy):
    texts = _texts(messy, "ru") + [("planted", "Загружено строк: 2, rows kept")]
    allowed = _allowed()
    assert foreign_in(texts, "ru", allowed) == {"rows": "planted", "kept": "planted"}

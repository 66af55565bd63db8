"""A wide survey export's load report reads in the audience's language (issue 11 §2).

The wide reader (:mod:`workbench.survey._wide`) records its warnings, the reasons it rejects a
respondent row or blanks an answer and why a column was not used as catalogue codes
(:class:`~workbench.io._messages.Note`), as the loaders do; the text layer says them. A Russian
run shows no English words outside the allow-list of ``tests/test_language.py`` and the
client's own data (the export's headers and answers); an English run no Cyrillic but the
client's data.
"""

from __future__ import annotations

import csv
import re

import pytest
from test_language import ALLOWED_LATIN, _code_words, foreign_in

import workbench
from workbench.io._messages import Note

HEADER = [
    "Respondent ID", "Отметка времени",
    "Насколько для вас важно каждое из этих свойств нашего сервиса? [Цена]",
    "Насколько для вас важно каждое из этих свойств нашего сервиса? [Упаковка]",
    "Как вы отнесётесь к тому, что у нас это есть (или сделано хорошо)? [Цена]",
    "Насколько вероятно, что вы порекомендуете нас коллеге или знакомому?",
    "Адрес электронной почты", "Любимый цвет",
]
#: A respondent who answered, one who answered nothing, unreadable cells (an impossible date,
#: a rating out of the scale, an unknown Kano answer, a word for NPS), a repeated respondent
#: and one without an id with a value right of the last header column.
ROWS = [
    ["1", "02.09.2024 10:00:00", "5\u00a0— очень важно", "2", "Мне нравится", "9", "a@b", "синий"],
    ["2", "03.09.2024 11:00:00", "", "", "", "", "c@d", "красный"],
    ["3", "31.02.2024 12:00:00", "очень важно", "7", "что-то", "десять", "", ""],
    ["1", "05.09.2024 12:00:00", "4", "3", "1", "10", "", ""],
    ["", "05.09.2024 12:00:00", "4", "3", "1", "10", "", "", "лишнее"],
]


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "form.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def _texts(report, language: str) -> list[tuple[str, str]]:
    """(where, text) of everything an audience sees of the load, in ``language``."""
    previous = workbench.i18n.get_language()
    workbench.set_language(language)
    try:
        return [
            ("summary", report.summary()),
            ("str", str(report)),
            ("describe", workbench.describe_load(report)),
            ("rejected", workbench.format_rejected(report, rows=None).to_string()),
            ("invalid", workbench.format_invalid(report, rows=None).to_string()),
            ("columns", workbench.format_survey_columns(report).to_string()),
            ("reasons", " ".join(map(str, report.rejected["reason"]))),
            ("warnings", " ".join(map(str, report.warnings))),
        ]
    finally:
        workbench.set_language(previous)


def _client_words() -> set[str]:
    return set(re.findall(r"\w+", " ".join(HEADER + [v for r in ROWS for v in r]))) | {"form"}


def test_the_reader_keeps_codes_not_sentences(export):
    _, report = workbench.load_survey(export)
    assert report.rejected["problem"].tolist() == ["no_answer", "repeated_respondent", "empty"]
    assert [r.code for r in report.rejected["reason"]] == [
        "svq.reason.no_answer", "svq.reason.repeated_respondent", "load.reason.empty"]
    assert report.invalid_values["problem"].tolist() == [
        "not_a_date", "out_of_range", "not_recognised", "not_a_number"]
    assert all(isinstance(r, Note) for r in report.invalid_values["reason"])
    assert [w.code for w in report.warnings] == [
        "svq.warn.values_right_of_header", "load.warn.invalid_values"]
    assert report.warnings[0].params["rows"] == (6,)


def test_exact_sentences_in_both_languages(export):
    _, report = workbench.load_survey(export)
    repeated, empty_id = report.rejected["reason"].iloc[1], report.rejected["reason"].iloc[2]
    assert repeated.text("en") == "respondent '1' already answered in row 2"
    assert repeated.text("ru") == "респондент '1' уже ответил в строке 2"
    assert empty_id.text("en") == (
        "Respondent ID (respondent_id) is empty (expected a respondent identifier)")
    assert empty_id.text("ru") == (
        "Respondent ID (respondent_id): пустое значение (ожидается идентификатор респондента)")
    nps = report.invalid_values["reason"].iloc[3]
    nps_header = HEADER[5]
    assert nps.text("en") == f"{nps_header} (NPS (0–10)): 'десять' cannot be read (expected 0–10 or an option text)"
    assert nps.text("ru") == (f"{nps_header} (NPS (0–10)): 'десять' — не удалось прочитать "
                              "(ожидается 0–10 или текст варианта ответа)")
    invalid = report.warnings[1]
    assert invalid.text("en") == (
        "values that could not be read were set to missing: date of the answer 1, importance 1, "
        "Kano: if present 1, NPS (0–10) 1 (see report.invalid_values)")
    assert invalid.text("ru") == (
        "нечитаемые значения заменены пустыми: дата ответа — 1, важность — 1, Кано: если есть "
        "— 1, NPS (0–10) — 1 (см. report.invalid_values)")
    assert report.warnings[0].text("ru") == (
        "значения правее последнего столбца заголовка не читались; строки: 6")
    assert workbench.format_rejected(report, "ru").iloc[:, 0].tolist() == [
        "нет ни одного ответа", "респондент уже ответил", "Respondent ID: пусто"]
    assert workbench.format_rejected(report, "en").iloc[:, 0].tolist() == [
        "no question answered", "respondent already answered", "Respondent ID is empty"]


def test_a_column_outside_the_spec_says_why_in_both_languages(tmp_path):
    spec = workbench.survey.build_questionnaire(["Цена"], blocks=["importance"])
    header = HEADER[2].replace("[Цена]", "[Погода]")
    path = tmp_path / "g.csv"
    path.write_text(f'"{HEADER[2]}","{header}"\n3,4\n', encoding="utf-8")
    _, report = workbench.load_survey(path, spec=spec)
    roles = {lang: dict(workbench.format_survey_columns(report, lang).to_numpy().tolist())
             for lang in ("en", "ru")}
    assert roles["en"][header] == "not recognised (not used): attribute 'Погода' is not in the spec"
    assert roles["ru"][header] == ("не распознан (не используется): параметра 'Погода' нет в "
                                   "спецификации")


def test_a_russian_survey_load_has_no_english_words(export):
    _, report = workbench.load_survey(export)
    allowed = set(ALLOWED_LATIN) | _code_words() | _client_words()
    assert foreign_in(_texts(report, "ru"), "ru", allowed) == {}


def test_an_english_survey_load_has_no_russian_words_but_the_clients_data(export):
    _, report = workbench.load_survey(export)
    assert foreign_in(_texts(report, "en"), "en", _client_words()) == {}

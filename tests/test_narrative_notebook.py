"""Notebook helpers read aloud: missing-table guards, load reports, steps and data model."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

import workbench
import workbench.widgets

NB = "\u00a0"


def _report(read, kept, reasons, **extra):
    rejected = pd.DataFrame({"row": range(len(reasons)), "reason": reasons})
    return SimpleNamespace(rows_read=read, rows_kept=kept, rejected=rejected, **extra)


class TestNeeds:
    def test_present_table_returns_true_silently(self, capsys):
        folder = SimpleNamespace(tables={"survey": pd.DataFrame({"a": [1]})}, missing=())
        assert workbench.needs(folder, "survey") is True
        assert capsys.readouterr().out == ""

    def test_missing_table_prints_file_and_folder_name_only(self, capsys):
        folder = SimpleNamespace(tables={}, missing=("feedback",), path="/secret/client_x")
        assert workbench.needs(folder, "feedback", language="ru") is False
        out = capsys.readouterr().out
        assert "feedback.csv" in out and "client_x" in out and "/secret" not in out
        assert "обратная связь" in out

    def test_empty_table_counts_as_missing(self, capsys):
        folder = SimpleNamespace(tables={"survey": pd.DataFrame()}, missing=())
        assert workbench.needs(folder, "survey") is False


class TestOneBannerPerNotebook:
    def test_a_missing_table_is_named_once_per_folder(self, capsys):
        folder = SimpleNamespace(tables={}, missing=("survey",), path="client")
        assert [workbench.needs(folder, "survey", language="ru") for _ in range(5)] == [False] * 5
        out = capsys.readouterr().out
        assert out.count("survey.csv") == 1, out
        # another folder object (the next notebook) says it again
        assert workbench.needs(SimpleNamespace(tables={}, missing=()), "survey") is False
        assert "survey.csv" in capsys.readouterr().out

    def test_banner_names_tables_and_fields_then_sections_stay_silent(self, capsys):
        from workbench.workshop import read_workshop

        folder = SimpleNamespace(tables={"transactions": pd.DataFrame({"a": [1]})}, missing=(),
                                 path="client", workshop=read_workshop(None))
        banner = workbench.missing_banner(folder, 3, language="ru")
        assert banner.startswith("Шагу 3 не хватает: таблица «анкета» (survey.csv)")
        assert "(actions)" in banner and "(plan.budget)" in banner
        assert workbench.needs(folder, "survey", language="ru") is False
        assert capsys.readouterr().out == ""  # the banner said it already
        assert workbench.needs(folder, "customers", language="ru") is False
        assert "customers.csv" in capsys.readouterr().out  # not in step 3's banner: said once

    def test_banner_is_empty_when_nothing_is_missing(self):
        from workbench.workshop import read_workshop

        folder = SimpleNamespace(tables={"transactions": pd.DataFrame({"a": [1]})}, missing=(),
                                 path="client", workshop=read_workshop(None))
        assert workbench.missing_banner(folder, 4) == ""


class TestStepSettings:
    def _folder(self, tmp_path, **decisions):
        from workbench.narrative import init_workshop
        from workbench.workshop import save_decision

        init_workshop(tmp_path, language="ru")
        if decisions:
            save_decision(tmp_path, "retention", decisions, by="t", at="2026-12-01 21:00 UTC")
        pd.DataFrame({"customer_id": ["a"], "date": ["2024-01-01"], "amount": [1.0]}).to_csv(
            tmp_path / "transactions.csv", index=False)
        return workbench.load_folder(tmp_path)

    def test_the_file_decides_what_the_parameters_leave_open(self, tmp_path):
        folder = self._folder(tmp_path, offer_cost=25.0, success_rate=0.4)
        values, banner = workbench.step_settings(folder, 7, language="ru", horizon="60D")
        assert values == {"horizon": "60D", "offer_cost": 25.0, "success_rate": 0.4}
        assert banner == ""
        values, _ = workbench.step_settings(folder, 7, success_rate=0.1)
        assert values["success_rate"] == 0.1 and values["offer_cost"] == 25.0

    def test_banner_names_the_missing_fields_and_the_defaults_used(self, tmp_path):
        folder = self._folder(tmp_path)
        values, banner = workbench.step_settings(folder, 7, language="ru")
        assert values == {"horizon": "90D", "offer_cost": None, "success_rate": 0.3}
        assert banner.startswith("В файле воркшопа (workshop.yml) пока нет: стоимость "
                                 "предложения (decisions.offer_cost), доля успеха "
                                 "(decisions.success_rate).")
        assert banner.endswith(": стоимость предложения — 10\u00a0% медианной ценности "
                               "клиента, 30\u00a0%.")
        folder.workshop.data["plan"]["horizon"] = None  # a file without a horizon
        values, banner = workbench.step_settings(folder, 5, language="en")
        assert values["horizon"] == "90D"
        assert "horizon (plan.horizon)" in banner and "defaults: 90D, offer cost 10%" in banner


class TestDescribeLoad:
    def test_numbers_and_top_reason_come_from_report(self):
        text = workbench.describe_load(_report(10, 7, ["bad date", "bad date", "no customer"]),
                                       "en", name="transactions")
        assert text.startswith("transactions: 10 rows read, 7 kept (70.0%), 3 rejected.")
        assert "bad date — 2; no customer — 1" in text
        assert "“bad date” (2 rows)" in text
        ru = workbench.describe_load(_report(10, 7, ["bad date"] * 3), "ru", name="transactions")
        assert ru.startswith(f"transactions: прочитано 10{NB}строк, принято 7 (70,0{NB}%), "
                             "отклонено 3.")
        assert f"«bad date» (3{NB}строки)" in ru

    def test_nothing_rejected(self):
        text = workbench.describe_load(_report(5, 5, []), "ru", name="x")
        assert "Все строки загружены" in text and f"100,0{NB}%" in text

    def test_format_details_when_report_has_them(self):
        text = workbench.describe_load(_report(1, 1, [], encoding="cp1251", delimiter=";"), "en")
        assert "encoding 'cp1251', delimiter ';'" in text


def test_steps_table_has_eight_steps_in_both_languages():
    en, ru = workbench.steps_table("en"), workbench.steps_table("ru")
    assert len(en) == len(ru) == 8
    assert en.iloc[6, 0] == "Package and hand over"
    assert ru.iloc[6, 0] == "Упаковка и вручение"
    assert list(en.iloc[:, 1])[:2] == ["01_expectations", "02_expectation_analysis"]


def test_data_model_table_lists_required_transaction_columns():
    table = workbench.data_model_table("en", tables=("transactions",))
    required = table.loc[table["Required"] == "yes", "Column"].tolist()
    assert required == ["customer_id", "date", "amount"]


def test_data_model_table_speaks_russian():
    table = workbench.data_model_table("ru", tables=("transactions",))
    assert list(table.columns)[1] != "Column"
    row = table.iloc[2].tolist()
    assert row[1:] == ["amount", "число", "да", "Сумма продажи по строке; отрицательная — возврат."]


def test_describe_folder():
    folder = SimpleNamespace(tables={"transactions": 1}, missing=("survey", "feedback"))
    assert workbench.describe_folder(folder, "en") == (
        "Tables found: transactions. Not found: feedback and survey."
    )
    complete = SimpleNamespace(tables={"transactions": 1, "survey": 1}, missing=())
    assert workbench.describe_folder(complete, "ru") == (
        "Найдены таблицы: анкета и транзакции. Все таблицы на месте.")
    assert "Нет: нет" not in workbench.describe_folder(complete, "ru")
    empty = SimpleNamespace(tables={}, missing=("survey",))
    assert workbench.describe_folder(empty, "en") == "No table found. Not found: survey."


def test_load_report_panel_switches_table():
    folder = SimpleNamespace(reports={
        "transactions": _report(10, 9, ["bad date"]),
        "customers": _report(4, 4, []),
    })
    panel = workbench.widgets.load_report_panel(folder, language="en")
    assert panel.controls["table"].value == "customers"
    assert "4 rows read" in panel.summary.value
    panel.controls["table"].value = "transactions"
    assert panel.result.rows_read == 10
    assert "1 rejected" in panel.summary.value


def _rejecting_load(tmp_path, language):
    path = tmp_path / "tx.csv"
    path.write_text("Клиент;Дата;Сумма\nC1;01.02.2024;10\n;02.02.2024;5\nC3;31.02.2024;7\n"
                    'C4;03.02.2024;"8\nC5;04.02.2024;9\n', encoding="utf-8")
    workbench.set_language(language)
    try:
        return workbench.load_transactions(
            path, columns={"Клиент": "customer_id", "Дата": "date", "Сумма": "amount"})[1]
    finally:
        workbench.set_language("en")


def test_format_rejected_speaks_the_language_and_names_the_files_columns(tmp_path):
    report = _rejecting_load(tmp_path, "ru")
    table = workbench.format_rejected(report, "ru")
    assert table.index.name == "Строка файла"
    assert list(table.index) == [3, 4, 5]
    assert list(table.columns[:2]) == ["Проблема", "Причина"]
    assert table.iloc[0, 0] == "Клиент: пусто"
    assert table.iloc[1, 0] == "Дата: не дата"
    assert table.iloc[2, 0] == "повреждённая строка"
    assert "кавычк" in table.iloc[2, 1]
    assert "Клиент" in table.columns and "row" not in table.columns
    english = workbench.format_rejected(report, "en")
    assert english.index.name == "Row in the file" and english.iloc[0, 0] == "Клиент is empty"


def test_format_rejected_of_a_clean_load_is_an_empty_table(tmp_path):
    path = tmp_path / "tx.csv"
    path.write_text("customer_id,date,amount\nC1,2024-02-01,10\n", encoding="utf-8")
    table = workbench.format_rejected(workbench.load_transactions(path)[1], "en")
    assert len(table) == 0 and list(table.columns) == ["Problem", "Reason"]

"""Notebook helpers, the load-report panel and the runner's notebook plumbing."""

from __future__ import annotations

from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

import workbench
import workbench.widgets
from workbench.runner import clean_notebook, find_absolute_paths, inject_parameters


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


class TestDescribeLoad:
    def test_numbers_and_top_reason_come_from_report(self):
        text = workbench.describe_load(_report(10, 7, ["bad date", "bad date", "no customer"]),
                                       "en", name="transactions")
        assert text.startswith("transactions: 10 rows read, 7 kept (70.0%), 3 rejected.")
        assert "bad date — 2; no customer — 1" in text
        assert "“bad date” (2 rows)" in text

    def test_nothing_rejected(self):
        text = workbench.describe_load(_report(5, 5, []), "ru", name="x")
        assert "Все строки загружены" in text and "100,0%" in text

    def test_format_details_when_report_has_them(self):
        text = workbench.describe_load(_report(1, 1, [], encoding="cp1251", delimiter=";"), "en")
        assert "encoding 'cp1251', delimiter ';'" in text


def test_steps_table_has_eight_steps_in_both_languages():
    en, ru = workbench.steps_table("en"), workbench.steps_table("ru")
    assert len(en) == len(ru) == 8
    assert en.iloc[6, 0] == "Package and hand over"
    assert ru.iloc[6, 0] == "Упаковка и вручение"
    assert list(en.iloc[:, 2])[:2] == ["01_expectations", "02_expectation_analysis"]


def test_data_model_table_lists_required_transaction_columns():
    table = workbench.data_model_table("en", tables=("transactions",))
    required = table.loc[table["Required"] == "yes", "Column"].tolist()
    assert required == ["customer_id", "date", "amount"]


def test_describe_folder():
    folder = SimpleNamespace(tables={"transactions": 1}, missing=("survey", "feedback"))
    assert workbench.describe_folder(folder, "en") == (
        "Tables found: transactions. Missing: feedback, survey."
    )


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


class TestInjectParameters:
    def _nb(self):
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell("language = 'en'")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [nbformat.v4.new_markdown_cell("# t"), params, nbformat.v4.new_code_cell("x")]
        return nb

    def test_cell_inserted_after_parameters(self):
        nb = inject_parameters(self._nb(), {"language": "ru", "asof": None, "n": 3})
        cell = nb.cells[2]
        assert cell.metadata["tags"] == ["injected-parameters"]
        assert "language = 'ru'\nasof = None\nn = 3" in cell.source

    def test_reinjection_replaces_previous(self):
        nb = inject_parameters(inject_parameters(self._nb(), {"a": 1}), {"a": 2})
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and injected[0].source.endswith("a = 2")


def test_clean_notebook_drops_noise_keeps_outputs():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("w")
    cell.metadata["execution"] = {"x": 1}
    cell.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/plain": "IntSlider(value=3)",
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
    }, execution_count=1)]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    clean_notebook(nb)
    assert "widgets" not in nb.metadata and "execution" not in nb.cells[0].metadata
    assert nb.cells[0].outputs[0]["data"] == {"text/plain": "IntSlider(value=3)"}
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("text,hit", [("see /work/main/x", True), ("data/samples", False),
                                      ("C:\\Users\\me", True), ("../data/raw", False)])
def test_find_absolute_paths(text, hit):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("stream", text=text)]
    nb.cells = [cell]
    assert bool(find_absolute_paths(nb)) is hit

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


def test_data_model_table_speaks_russian():
    table = workbench.data_model_table("ru", tables=("transactions",))
    assert list(table.columns)[1] != "Column"
    row = table.iloc[2].tolist()
    assert row[1:] == ["amount", "число", "да", "Сумма продажи по строке; отрицательная — возврат."]


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


# --- workbench run, end to end -------------------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples"
START = ROOT / "notebooks" / "00_start_here.ipynb"


def _tiny_notebook(folder):
    """A notebook with the workshop skeleton's essentials: parameters, a load, a widget."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('data_dir = "../data/samples"\nlanguage = "en"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Step 0 — smoke"),
        params,
        nbformat.v4.new_code_cell("import workbench, workbench.widgets\n"
                                  "folder = workbench.load_folder(data_dir)\n"
                                  "print(workbench.describe_folder(folder, language=language))"),
        nbformat.v4.new_code_cell("workbench.widgets.load_report_panel(folder, language=language)"),
    ]
    path = folder / "00_smoke.ipynb"
    nbformat.write(nb, path)
    return path


def _transactions_only(tmp_path):
    import numpy as np

    rng = np.random.default_rng(0)
    n = 1500
    data = tmp_path / "client"
    data.mkdir()
    pd.DataFrame({
        "customer_id": [f"{i:05d}" for i in rng.integers(0, 120, n)],
        "date": (pd.Timestamp("2022-01-01")
                 + pd.to_timedelta(rng.integers(0, 1000, n), "D")).strftime("%Y-%m-%d"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    }).to_csv(data / "transactions.csv", index=False)
    return data


def _check_outputs(out, language):
    import openpyxl

    assert (out / "report.html").exists()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<script src="http' not in html and "workbench-embed-amd" in html
    wb = openpyxl.load_workbook(out / "actions.xlsx")
    assert wb.sheetnames[0] == ("Сводка" if language == "ru" else "Summary")
    assert len(wb.sheetnames) >= 2
    header = [c.value for c in wb.worksheets[1][1]]
    expected = ("Клиент", "Рекомендуемое действие") if language == "ru" else (
        "Customer", "Recommended action")
    assert header[0] == expected[0] and expected[1] in header
    scores = pd.read_csv(out / "scores.csv", dtype={"customer_id": str})
    assert {"customer_id", "churn_probability", "strategy", "action"} <= set(scores.columns)
    return scores


@pytest.mark.slow
def test_run_on_transactions_only_folder(tmp_path):
    from workbench.cli import main

    data = _transactions_only(tmp_path)
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    if START.exists():
        nbformat.write(nbformat.read(START, as_version=4), notebooks / START.name)
    else:
        _tiny_notebook(notebooks)
    out = tmp_path / "out"
    code = main(["run", "--data", str(data), "--out", str(out), "--language", "ru",
                 "--notebooks", str(notebooks)])
    assert code == 0
    executed = sorted((out / "notebooks").glob("*.ipynb"))
    assert [p.name for p in executed] == sorted(p.name for p in notebooks.glob("*.ipynb"))
    text = executed[0].read_text(encoding="utf-8")
    assert '"injected-parameters"' in text and "Traceback" not in text
    scores = _check_outputs(out, "ru")
    assert len(scores) == 120 and scores["customer_id"].str.len().eq(5).all()


@pytest.mark.slow
@pytest.mark.skipif(not (SAMPLE / "transactions.csv").exists() or not START.exists(),
                    reason="the bundled sample or notebooks/00_start_here.ipynb is not built yet")
def test_run_on_sample_with_start_notebook(tmp_path):
    from workbench.runner import run_workshop

    result = run_workshop(SAMPLE, tmp_path, language="en", notebooks=[START], progress=None)
    assert result.failed == {}
    _check_outputs(tmp_path, "en")


def test_execute_notebook_keeps_figures_when_caller_uses_agg(tmp_path, monkeypatch):
    import nbformat

    from workbench.runner import execute_notebook

    monkeypatch.setenv("MPLBACKEND", "Agg")  # as `make` exports it for the unit tests
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.show()"
    )]
    execute_notebook(nb, cwd=tmp_path)
    kinds = [o.get("output_type") for o in nb.cells[0].outputs]
    assert any("image/png" in o.get("data", {}) for o in nb.cells[0].outputs), kinds


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / "notebooks" / "07_packaging.ipynb").exists(),
                    reason="notebooks/07_packaging.ipynb is not built yet")
def test_run_takes_the_deliverables_from_step_7_without_recomputing(tmp_path):
    from workbench.runner import run_workshop

    data = _transactions_only(tmp_path)
    messages = []
    result = run_workshop(data, tmp_path / "out", language="ru",
                          notebooks=[ROOT / "notebooks" / "07_packaging.ipynb"],
                          progress=messages.append)
    assert result.failed == {}
    assert not any(m.startswith("deliverables (") for m in messages), messages
    scores = _check_outputs(tmp_path / "out", "ru")
    assert len(scores) == 120

"""Step-7 deliverables: actions.xlsx and scores.csv (content, languages, reproducibility)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import openpyxl
import pandas as pd
import pytest

from workbench.deliverables import (
    SCORE_COLUMNS,
    compute_deliverables,
    write_actions_xlsx,
    write_deliverables,
)
from workbench.errors import WorkbenchError


def _tx(n: int = 120, seed: int = 0) -> pd.DataFrame:
    """Deterministic purchase histories: steady, occasional and lapsed clients over 3 years."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2022-01-01")
    rows = []
    for i in range(n):
        gap = (10, 30, 90, 200)[i % 4]
        first = int(rng.integers(0, 700))
        stop = min(first + int(rng.integers(60, 1000)), 1095)
        day = first
        while day < stop:
            rows.append((f"C{i:04d}", start + pd.Timedelta(days=day),
                         float(round(rng.gamma(2, 500), 2))))
            day += max(1, int(rng.exponential(gap)))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    tx["customer_id"] = tx["customer_id"].astype("string")
    tx["cost"] = (tx["amount"] * 0.6).round(2)
    return tx


@pytest.fixture(scope="module")
def tx():
    return _tx()


@pytest.fixture(scope="module")
def result_ru(tx):
    folder = SimpleNamespace(tables={"transactions": tx}, missing=["survey", "feedback"])
    return compute_deliverables(folder, language="ru")


def test_scores_one_row_per_buyer_sorted(result_ru, tx):
    scores = result_ru.scores
    assert list(scores.index) == sorted(tx["customer_id"].unique())
    assert list(scores.columns) == [c for c in SCORE_COLUMNS if c in scores.columns]
    assert scores["churn_probability"].between(0, 1).all()
    assert set(scores["strategy"].dropna()) <= {"cherish", "retain", "engage", "attract",
                                                "win_back"}


def test_summary_counts_add_up(result_ru):
    summary = result_ru.summary
    assert summary["n_customers"].sum() == len(result_ru.scores)
    assert summary["n_target"].sum() == int(result_ru.scores["target"].sum())


def test_missing_tables_are_noted_in_language(result_ru):
    assert any("анкета" in note for note in result_ru.notes)


def test_xlsx_sheets_and_russian_headers(result_ru, tmp_path):
    path = write_actions_xlsx(result_ru, tmp_path / "actions.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Сводка"
    assert len(wb.sheetnames) == 1 + len(result_ru.summary)
    sheet = wb.worksheets[1]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Клиент", "Ступень лестницы приверженности"]
    assert "Рекомендуемое действие" in header and "Риск ухода" in header
    assert sheet.freeze_panes == "B2"
    body = [c.value for c in sheet[2]]
    assert body[header.index("Связаться сейчас")] in ("да", "нет")
    assert sheet.max_row - 1 == int(result_ru.summary["n_customers"].iloc[0])


def test_rerun_is_byte_identical(tx, tmp_path):
    tables = {"transactions": tx}
    a = write_deliverables(tables, tmp_path / "a", language="en")
    b = write_deliverables(tables, tmp_path / "b", language="en")
    for name in ("actions.xlsx", "scores.csv"):
        assert a[name].read_bytes() == b[name].read_bytes(), name


def test_english_workbook(tx, tmp_path):
    paths = write_deliverables({"transactions": tx}, tmp_path, language="en")
    wb = openpyxl.load_workbook(paths["actions.xlsx"])
    assert wb.sheetnames[0] == "Summary"
    header = [c.value for c in wb.worksheets[1][1]]
    assert header[0] == "Customer" and "Recommended action" in header
    scores = pd.read_csv(paths["scores.csv"], dtype={"customer_id": str})
    assert scores.columns[0] == "customer_id"
    assert {"churn_probability", "strategy", "action", "abc_xyz"} <= set(scores.columns)


def test_no_transactions_is_a_clear_error():
    with pytest.raises(WorkbenchError, match="transactions"):
        compute_deliverables({"survey": pd.DataFrame()})

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
    # churn risk is a forecast about active clients; the lapsed are a win-back population
    lapsed = scores["rung"] == "lapsed"
    assert lapsed.any()
    assert scores.loc[~lapsed, "churn_probability"].between(0, 1).all()
    assert scores.loc[lapsed, "churn_probability"].isna().all()
    assert (scores.loc[lapsed, "strategy"] == "win_back").all()
    assert set(scores["strategy"].dropna()) <= {"cherish", "retain", "engage", "attract",
                                                "win_back"}


def test_summary_counts_add_up(result_ru):
    summary = result_ru.summary
    assert summary["n_customers"].sum() == len(result_ru.scores)
    assert summary["n_target"].sum() == int(result_ru.scores["target"].sum())


def test_without_offer_cost_the_offer_is_not_priced(result_ru):
    scores = result_ru.scores
    assert result_ru.settings["offer_cost"] is None
    assert not scores["target"].any()
    assert scores["expected_gain"].isna().all()
    scored = scores["churn_probability"].notna()
    # the value at risk is still there: probability x value
    expect = scores.loc[scored, "churn_probability"] * scores.loc[scored, "expected_value"].clip(
        lower=0)
    np.testing.assert_allclose(scores.loc[scored, "value_at_risk"], expect, rtol=1e-12)
    assert any("decisions.offer_cost" in note for note in result_ru.notes)
    assert "Клиентов, с которыми стоит связаться" not in describe_deliverables(result_ru)


def test_value_is_the_backtested_one_with_clv_interval(result_ru, tx):
    from workbench.economics import retention_value

    info = result_ru.settings["value"]
    value, again = retention_value(tx, asof=result_ru.asof, horizon="90D")
    assert info["method"] == again["method"] and info["method"] in ("clv", "run_rate")
    assert info["mae_clv"] == pytest.approx(again["mae_clv"], rel=1e-9)
    scores = result_ru.scores
    np.testing.assert_allclose(scores["expected_value"].to_numpy(dtype=float),
                               value.reindex(scores.index).to_numpy(dtype=float), rtol=1e-9)
    have = scores["clv_low"].notna()
    assert have.mean() > 0.9
    assert (scores.loc[have, "clv_low"] <= scores.loc[have, "clv"] + 1e-9).all()
    assert (scores.loc[have, "clv"] <= scores.loc[have, "clv_high"] + 1e-9).all()
    # the note says which value is used, with both back-test errors
    assert any(("BG/NBD" in note) and ("темп прошлого года" in note) for note in result_ru.notes)


def test_offer_cost_given_prices_the_offer(tx):
    result = compute_deliverables({"transactions": tx}, language="en", offer_cost=50.0)
    scores = result.scores
    assert scores["target"].any()
    assert scores.loc[scores["churn_probability"].notna(), "expected_gain"].notna().all()
    assert not any("decisions.offer_cost" in note for note in result.notes)


def test_missing_tables_are_noted_in_language(result_ru):
    assert any("анкета" in note for note in result_ru.notes)


def test_xlsx_sheets_and_russian_headers(result_ru, tmp_path):
    path = write_actions_xlsx(result_ru, tmp_path / "actions.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Сводка"
    assert len(wb.sheetnames) == 1 + len(result_ru.summary) + 1  # + the control group
    assert wb.sheetnames[-1] == "Контрольная группа"
    sheet = wb.worksheets[1]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Клиент", "Приоритет"]
    assert "Ступень лестницы приверженности" in header and "Почему сейчас" in header
    assert "Рекомендуемое действие" in header and "Риск ухода" in header
    assert sheet.freeze_panes == "B2"
    body = [c.value for c in sheet[2]]
    assert body[header.index("Связаться сейчас")] in ("да", "нет")
    first = result_ru.summary["strategy"].iloc[0]
    held_out = int((result_ru.campaign.control["list"] == first).sum())
    assert sheet.max_row - 1 == int(result_ru.summary["n_customers"].iloc[0]) - held_out


def test_control_group_is_held_out_of_the_lists(result_ru, tmp_path):
    """Step 7 of the second round: 10 % of each list on its own sheet, marked "do not
    contact", never on a strategy sheet; campaign.json records everyone."""
    from workbench.campaign import read_campaign
    from workbench.deliverables import export_deliverables

    camp = result_ru.campaign
    scores = result_ru.scores
    listed = scores[(scores["status"] != "potential") & (scores["rung"] != "visitor")
                    & ~scores.index.str.startswith("lead:")]
    assert len(camp.clients) == len(listed)
    counts = camp.counts()
    for strategy, n in listed["strategy"].value_counts().items():
        assert counts.loc[strategy, "control"] == int(np.floor(0.1 * n + 0.5))
    export = export_deliverables(result_ru, tmp_path)
    assert export.n_control == len(camp.control) > 0
    wb = openpyxl.load_workbook(export.files["actions.xlsx"])
    on_sheets = {str(row[0]) for title in export.sheets
                 for row in wb[title].iter_rows(min_row=2, values_only=True)}
    control = wb["Контрольная группа"]
    rows = list(control.iter_rows(min_row=2, values_only=True))
    assert {str(r[0]) for r in rows} == set(camp.control.index)
    assert not on_sheets & set(camp.control.index)
    assert all(r[1].startswith("Не связываться до") for r in rows)
    notes = [r[0] for r in wb["Сводка"].iter_rows(values_only=True) if r[0]]
    assert any("НЕ стоят на листах стратегий" in str(n) for n in notes)
    back = read_campaign(export.files["campaign.json"])
    pd.testing.assert_frame_equal(back.clients, camp.clients)
    full = pd.read_parquet(export.files["action_lists.parquet"])
    assert not set(full["customer_id"]) & set(camp.control.index)


def test_selection_draws_the_control_group_of_the_selected_lists(result_ru):
    from workbench.deliverables import select_deliverables

    part = select_deliverables(result_ru, strategies=["win_back"])
    assert set(part.campaign.clients["list"]) == {"win_back"}
    n = len(part.scores)
    assert len(part.campaign.control) == int(np.floor(0.1 * n + 0.5))


def test_rerun_is_byte_identical(tx, tmp_path):
    tables = {"transactions": tx}
    a = write_deliverables(tables, tmp_path / "a", language="en")
    b = write_deliverables(tables, tmp_path / "b", language="en")
    assert sorted(a) == ["action_lists.csv", "action_lists.parquet", "actions.xlsx",
                         "campaign.json", "scores.csv"]
    for name in a:
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


# ----------------------------------------------------------------------------------------------
# Split computation: select (cheap filter, language) and export (write or dry run)
# ----------------------------------------------------------------------------------------------

from workbench.deliverables import (  # noqa: E402
    Deliverables,
    _summary,
    describe_deliverables,
    describe_export,
    describe_strategy,
    export_deliverables,
    format_action_list,
    format_summary,
    label_scores,
    offer_cards,
    select_deliverables,
)


def _tiny() -> Deliverables:
    """Three clients, written out: two regulars (retain), one lapsed (win back)."""
    idx = pd.Index(["a", "b", "c"], name="customer_id", dtype="string")
    scores = pd.DataFrame({
        "rfm_segment": pd.array(["loyal", "at_risk", "lost"], dtype="string"),
        "abc_xyz": pd.array(["AX", "BY", "CZ"], dtype="string"),
        "rung": pd.array(["regular", "regular", "lapsed"], dtype="string"),
        "strategy": pd.array(["retain", "retain", "win_back"], dtype="string"),
        "churn_probability": [0.1, 0.7, 0.9],
        "risk_band": pd.array(["low", "high", "high"], dtype="string"),
        "expected_value": [1000.0, 500.0, 0.0],
        "value_at_risk": [100.0, 350.0, 0.0],
        "expected_gain": [-20.0, 55.0, -50.0],
        "priority": pd.array([2, 1, 3], dtype="Int64"),
        "target": [False, True, False],
        "action": pd.array(["personal_manager", "personal_manager", "reason_call"],
                           dtype="string"),
    }, index=idx)
    return Deliverables(
        scores=scores, summary=_summary(scores), language="en",
        asof=pd.Timestamp("2025-12-31"),
        settings={"asof": "2025-12-31", "horizon": "90D", "offer_cost": 50.0,
                  "success_rate": 0.3},
        note_specs=[("deliv.note.missing", {"table": "survey"})],
        notes=["The survey table was not provided: results computed without it."],
    )


@pytest.fixture
def tiny():
    return _tiny()


class TestSummary:
    def test_counts_high_risk_and_gain_of_targets_only(self, tiny):
        expected = pd.DataFrame({
            "strategy": pd.array(["retain", "win_back"], dtype="string"),
            "n_customers": [2, 1], "n_target": [1, 0], "n_high_risk": [1, 1],
            "value_at_risk": [450.0, 0.0], "expected_gain": [55.0, 0.0],
            "action": pd.array(["personal_manager", "reason_call"], dtype="string"),
        })
        pd.testing.assert_frame_equal(tiny.summary, expected)

    def test_empty_scores_give_empty_summary(self, tiny):
        summary = _summary(tiny.scores.iloc[:0])
        assert len(summary) == 0
        assert list(summary.columns) == list(tiny.summary.columns)


class TestSelectDeliverables:
    def test_no_filter_keeps_everyone(self, tiny):
        part = select_deliverables(tiny)
        assert list(part.scores.index) == ["a", "b", "c"]
        assert "filters" not in part.settings

    def test_min_risk_drops_safe_clients(self, tiny):
        part = select_deliverables(tiny, min_risk=0.5)
        assert list(part.scores.index) == ["b", "c"]
        assert len(part.everyone) == 3
        assert part.settings["filters"] == {"min_risk": 0.5}

    def test_strategy_value_and_target_filters_combine(self, tiny):
        assert list(select_deliverables(tiny, strategies="retain").scores.index) == ["a", "b"]
        assert list(select_deliverables(tiny, min_value=600).scores.index) == ["a"]
        assert list(select_deliverables(tiny, only_target=True).scores.index) == ["b"]
        both = select_deliverables(tiny, strategies=["win_back"], only_target=True)
        assert both.scores.empty and both.summary.empty

    def test_filters_apply_to_everyone_not_to_previous_selection(self, tiny):
        narrow = select_deliverables(tiny, min_risk=0.8)
        wide = select_deliverables(narrow, min_risk=0.0)
        assert list(wide.scores.index) == ["a", "b", "c"]

    def test_unknown_strategy_names_allowed_values(self, tiny):
        with pytest.raises(WorkbenchError, match="unknown strategy 'retian'.*retain"):
            select_deliverables(tiny, strategies=["retian"])

    def test_risk_outside_unit_interval(self, tiny):
        with pytest.raises(WorkbenchError, match=r"min_risk must lie in \[0, 1\]"):
            select_deliverables(tiny, min_risk=1.5)

    def test_client_without_estimate_dropped_by_risk_filter(self, tiny):
        scores = tiny.scores.copy()
        scores.loc["a", "churn_probability"] = np.nan
        part = select_deliverables(Deliverables(scores=scores, summary=_summary(scores)),
                                   min_risk=0.05)
        assert list(part.scores.index) == ["b", "c"]

    def test_language_switch_relocalises_actions_and_notes(self, tiny):
        part = select_deliverables(tiny, language="ru")
        assert part.language == "ru"
        assert part.notes == ["Таблица «анкета» не предоставлена: результаты рассчитаны без неё."]
        # the computation keeps action keys; the words are applied at the edge
        assert part.scores["action"].tolist() == tiny.scores["action"].tolist()
        words = label_scores(part.scores, part.language)
        assert words.loc["b", "action"] == "Персональный менеджер"
        assert words.loc["c", "action"].startswith("Личный звонок")
        assert label_scores(tiny.scores, "en").loc["b", "action"] == "Personal manager"
        assert format_summary(part)["Рекомендуемое действие"].tolist()[0] == "Персональный менеджер"


class TestDescribe:
    def test_describe_deliverables_en(self, tiny):
        assert describe_deliverables(tiny) == (
            "2 action lists, one per strategy, hold the whole base: 3 clients; data as of "
            "2025-12-31.\n"
            "It pays to contact 1 client now. The offer (50 per client, success rate 30%) is "
            "expected to bring 55 net, against 450 of value at risk (horizon: 90 days).\n"
            "The largest list is “Retain” (2 clients). The most value at risk is in “Retain”: "
            "450 (100% of the total).\n"
            "The survey table was not provided: results computed without it."
        )

    def test_describe_deliverables_ru_filtered(self, tiny):
        part = select_deliverables(tiny, min_risk=0.5, language="ru")
        assert describe_deliverables(part) == (
            "2\xa0списка действий: в них 2 из 3\xa0клиентов (риск ухода не ниже 50\xa0%); "
            "данные на 31.12.2025.\n"
            "Сейчас стоит связаться с 1\xa0клиентом. Предложение (50 на клиента, доля успеха "
            "30\xa0%) должно принести 55 чистого выигрыша при ценности под риском 350 "
            "(горизонт — 90\xa0дней).\n"
            "Самый большой список — «Удерживать» (1\xa0клиент). Больше всего ценности под "
            "риском в списке «Удерживать»: 350 (100\xa0% от общей).\n"
            "Таблица «анкета» не предоставлена: результаты рассчитаны без неё."
        )

    def test_describe_empty_selection(self, tiny):
        part = select_deliverables(tiny, strategies=[])
        assert describe_deliverables(part).splitlines()[0] == (
            "No client (of 3) passes the filter: the lists are empty.")

    def test_describe_strategy_en_and_ru(self, tiny):
        assert describe_strategy(tiny, "retain") == (
            "“Retain”: 2 clients (Regular 2); to contact now — 1; at high churn risk — 1 (50%); "
            "value at risk 450, expected gain of the contacts 55.")
        assert describe_strategy(tiny, "win_back", language="ru") == (
            "«Возвращать»: 1\xa0клиент (Ушедший 1); связаться сейчас — 0; в высоком риске "
            "ухода — 1 (100\xa0%); ценность под риском 0, ожидаемый выигрыш от контактов 0.")

    def test_describe_strategy_without_churn(self, tiny):
        scores = tiny.scores.assign(churn_probability=np.nan)
        result = Deliverables(scores=scores, summary=_summary(scores))
        assert describe_strategy(result, "retain") == (
            "“Retain”: 2 clients (Regular 2); expected value 1,500; churn risk not estimated.")


class TestTables:
    def test_format_summary_ru_headers_and_whole_units(self, tiny):
        table = format_summary(tiny, language="ru")
        assert table.index.name == "Стратегия"
        assert list(table.index) == ["Удерживать", "Возвращать"]
        assert list(table.columns) == ["Клиентов", "Связаться", "Высокий риск ухода",
                                       "Ценность под риском", "Ожидаемый выигрыш",
                                       "Рекомендуемое действие"]
        assert table["Ценность под риском"].tolist() == ["450", "0"]  # a display table: text

    def test_action_list_in_sheet_order_localised(self, tiny):
        table = format_action_list(tiny, "retain", language="ru", rows=1)
        assert list(table.index) == ["b"]  # priority 1 first
        row = table.iloc[0].to_dict()
        assert list(row) == ["Приоритет", "Риск ухода", "Ожидаемая ценность",
                             "Ценность под риском", "Ожидаемый выигрыш", "Связаться сейчас"]
        assert row["Риск ухода"] == "70\xa0%" and row["Связаться сейчас"] == "да"
        assert row["Ожидаемая ценность"] == "500" and row["Ценность под риском"] == "350"

    def test_offer_cards_who_why_what(self, tiny):
        cards = offer_cards(tiny)
        assert cards.loc["Retain"].to_dict() == {
            "Who": "2 clients (Regular 2); most common ABC-XYZ cells: AX, BY",
            "Why": "At high churn risk — 1 (50%); value at risk 450",
            "What to offer": "Personal manager",
            "To contact": "1",
            "Expected gain": "55",
        }
        ru = offer_cards(tiny, language="ru")
        assert list(ru.columns) == ["Кто", "Почему", "Что предложить", "Связаться",
                                    "Ожидаемый выигрыш"]


class TestExport:
    def test_dry_run_writes_nothing(self, tiny, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        export = export_deliverables(select_deliverables(tiny, min_risk=0.5))
        assert not export.written and export.folder is None
        assert export.sheets == {"Retain": 1, "Win back": 1}
        assert export.n_scores == 3
        assert list(tmp_path.iterdir()) == []
        assert describe_export(export) == (
            "Nothing is written yet (no output folder). The package would hold: actions.xlsx — "
            "the “Summary” sheet and 2 action lists (Retain — 1; Win back — 1); scores.csv — "
            "every client (3 rows). Each sheet holds at most 5,000 clients; the complete lists "
            "(2 clients) are in action_lists.csv and action_lists.parquet.")

    def test_written_counts_match_workbook_and_csv_keeps_everyone(self, tiny, tmp_path):
        part = select_deliverables(tiny, min_risk=0.5, language="ru")
        export = export_deliverables(part, tmp_path / "reports")
        assert export.written
        wb = openpyxl.load_workbook(export.files["actions.xlsx"])
        assert wb.sheetnames == ["Сводка", *export.sheets]
        for title, n in export.sheets.items():
            assert wb[title].max_row - 1 == n
        summary_cells = [c.value for row in wb["Сводка"].iter_rows() for c in row]
        assert "В списках" in summary_cells and "риск ухода не ниже 50\xa0%" in summary_cells
        assert "90\xa0дней" in summary_cells
        scores = pd.read_csv(export.files["scores.csv"], dtype={"customer_id": str})
        assert scores["customer_id"].tolist() == ["a", "b", "c"]
        text = describe_export(export)
        assert text.startswith("Записано в папку «reports»: actions.xlsx — лист «Сводка»")
        assert str(tmp_path) not in text

    def test_empty_selection_writes_summary_only(self, tiny, tmp_path):
        export = export_deliverables(select_deliverables(tiny, strategies=[]), tmp_path)
        assert export.sheets == {}
        assert openpyxl.load_workbook(export.files["actions.xlsx"]).sheetnames == ["Summary"]
        assert "the “Summary” sheet and no action list;" in describe_export(export)


def test_select_on_real_result_matches_fresh_compute_counts(result_ru):
    part = select_deliverables(result_ru, strategies=["retain"], language="en")
    n = int((result_ru.scores["strategy"] == "retain").sum())
    assert part.summary["n_customers"].tolist() == [n]
    assert part.scores["action"].tolist() == result_ru.scores.loc[part.scores.index,
                                                                   "action"].tolist()  # keys
    words = label_scores(part.scores, part.language)
    assert words["action"].str.contains("[а-я]").sum() == 0  # English actions
    assert label_scores(part.scores, "ru")["action"].dropna().str.contains("[а-я]").all()
    assert words["why_now"].notna().any() and not words["why_now"].str.contains("[а-я]").any()


def test_short_history_lists_by_value_with_a_note():
    tx = pd.DataFrame({
        "customer_id": pd.array(["a", "a", "b"], dtype="string"),
        "date": pd.to_datetime(["2025-12-01", "2025-12-20", "2025-12-10"]),
        "amount": [100.0, 200.0, 50.0],
    })
    result = compute_deliverables({"transactions": tx}, language="ru")
    assert result.scores["churn_probability"].isna().all()
    assert result.notes == ["Риск ухода оценить не удалось (слишком короткая история для "
                            "горизонта 90\xa0дней); списки упорядочены по ценности.",
                            "История короче полутора лет: годовой отток пока измерить нельзя."]
    assert "churn_error" in result.settings
    assert "стоит связаться" not in describe_deliverables(result)


def test_rules_from_step_6_replace_actions(tx):
    rules = {"regular": {"strategy": "cherish", "actions": ("Invite to the advisory board",)}}
    result = compute_deliverables({"transactions": tx}, language="en", rules=rules)
    regular = result.scores[result.scores["rung"] == "regular"]
    assert len(regular) > 0
    assert set(regular["action"]) == {"Invite to the advisory board"}
    # the rule's strategy, except where a high churn risk overrides it (client_base precedence)
    over = (regular["override"] == "risk_over_rung").fillna(False)
    assert set(regular.loc[~over, "strategy"]) == {"cherish"}
    assert set(regular.loc[over, "strategy"]) <= {"retain"}
    assert (regular.loc[over, "risk_band"] == "high").all()


# ----------------------------------------------------------------------------------------------
# The export panel (widget): tests drive the controls
# ----------------------------------------------------------------------------------------------

class TestDeliverablesPanel:
    @pytest.fixture
    def panel(self, tiny, tmp_path):
        from workbench.widgets import deliverables_panel

        return deliverables_panel(tiny, out_dir=tmp_path / "reports", language="en")

    def test_starts_as_a_dry_run_of_everything(self, panel, tmp_path):
        assert not panel.result.written
        assert panel.result.sheets == {"Retain": 2, "Win back": 1}
        assert "Nothing is written yet" in panel.summary.value
        assert "Tick “Write the files” to write them to the folder “reports”" in \
            panel.summary.value.replace("&ldquo;", "“").replace("&rdquo;", "”")
        assert not (tmp_path / "reports").exists()

    def test_risk_and_strategy_controls_change_the_lists(self, panel):
        panel.controls["min_risk"].value = 0.5
        assert panel.result.sheets == {"Retain": 1, "Win back": 1}
        panel.controls["strategies"].value = ("win_back",)
        assert panel.result.sheets == {"Win back": 1}
        assert "churn risk at least 50%" in panel.summary.value

    def test_only_target_and_min_value(self, panel):
        panel.controls["only_target"].value = True
        assert panel.result.sheets == {"Retain": 1}
        panel.controls["only_target"].value = False
        panel.controls["min_value"].value = 600.0
        assert panel.result.sheets == {"Retain": 1}

    def test_language_control_changes_the_workbook(self, panel):
        panel.controls["language"].value = "ru"
        assert list(panel.result.sheets) == ["Удерживать", "Возвращать"]
        assert panel.result.summary_sheet == "Сводка"

    def test_write_box_writes_into_out_dir_and_reads_counts(self, panel, tmp_path):
        panel.controls["min_risk"].value = 0.5
        panel.controls["write"].value = True
        out = tmp_path / "reports"
        assert sorted(p.name for p in out.iterdir()) == [
            "action_lists.csv", "action_lists.parquet", "actions.xlsx", "scores.csv"]
        wb = openpyxl.load_workbook(out / "actions.xlsx")
        assert wb.sheetnames == ["Summary", "Retain", "Win back"]
        assert "Written to the folder" in panel.summary.value
        assert "Retain — 1; Win back — 1" in panel.summary.value
        assert str(tmp_path) not in panel.summary.value

    def test_russian_labels(self, tiny):
        from workbench.widgets import deliverables_panel

        panel = deliverables_panel(tiny, out_dir=None, language="ru")
        assert panel.controls["write"].disabled
        assert panel.controls["min_risk"].description == "Мин. риск ухода"
        assert [label for label, _ in panel.controls["language"].options] == ["русский",
                                                                             "английский"]
        assert "Пока ничего не записано" in panel.summary.value
        assert not any("a" <= ch <= "z" for ch in panel.summary.value.replace(
            "actions.xlsx", "").replace("scores.csv", "").replace("action_lists.csv", "").replace(
            "action_lists.parquet", "").replace("<br>", "").replace(
            "&laquo;", "").replace("&raquo;", "").replace("&mdash;", ""))


# ----------------------------------------------------------------------------------------------
# Files the sales team opens are safe: no formula, no hyperlink; the sheet limit
# ----------------------------------------------------------------------------------------------

from workbench.deliverables import (  # noqa: E402
    EXCEL_MAX_ROWS,
    csv_safe,
    csv_unsafe,
    read_deliverable_csv,
)

HOSTILE_IDS = ['=HYPERLINK("http://x","click")', "+1-800-CALL", "-2+3", "@SUM(A1)",
               "\tTAB", "'quoted", "http://example.com", "00123", "1e5"]


def _hostile() -> Deliverables:
    ids = sorted(HOSTILE_IDS)
    n = len(ids)
    scores = pd.DataFrame({
        "rfm_segment": pd.array(["loyal"] * n, dtype="string"),
        "abc_xyz": pd.array(["AX"] * n, dtype="string"),
        "rung": pd.array(["regular"] * n, dtype="string"),
        "strategy": pd.array(["retain"] * n, dtype="string"),
        "churn_probability": np.linspace(0.1, 0.9, n),
        "risk_band": pd.array(["low"] * n, dtype="string"),
        "expected_value": np.arange(n, dtype=float) * 100.0,
        "value_at_risk": np.arange(n, dtype=float) * 10.0,
        "expected_gain": np.arange(n, dtype=float) - 5.0,
        "priority": pd.array(list(range(1, n + 1)), dtype="Int64"),
        "target": [True] * n,
        "action": pd.array(["=1+1"] * n, dtype="string"),
    }, index=pd.Index(ids, name="customer_id", dtype="string"))
    return Deliverables(scores=scores, summary=_summary(scores), language="en",
                        settings={"asof": "2025-12-31", "horizon": "90D", "offer_cost": 5.0,
                                  "success_rate": 0.3})


class TestSafeFiles:
    def test_csv_safe_prefixes_formula_starts_only(self):
        assert [csv_safe(v) for v in ["=A1", "+1", "-1", "@x", "\tx", "\rx", "'x", "x=1", ""]] \
            == ["'=A1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "''x", "x=1", ""]
        assert csv_safe(-3.5) == -3.5 and csv_safe(None) is None

    def test_csv_safe_round_trips(self):
        for v in HOSTILE_IDS + ["plain", "''twice"]:
            assert csv_unsafe(csv_safe(v)) == v

    def test_every_xlsx_text_cell_is_a_string_never_a_formula(self, tmp_path):
        export = export_deliverables(_hostile(), tmp_path)
        wb = openpyxl.load_workbook(export.files["actions.xlsx"])
        sheet = wb["Retain"]
        ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
        assert sorted(ids) == sorted(HOSTILE_IDS)
        for row in wb["Retain"].iter_rows(min_row=1):
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                assert cell.hyperlink is None, cell.coordinate
        for row in wb["Summary"].iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
        # and in the raw XML: no <f> element anywhere, ids stored as text
        import zipfile

        with zipfile.ZipFile(export.files["actions.xlsx"]) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in z.read(name), name
                    assert b"<hyperlink" not in z.read(name), name

    def test_csv_deliverables_escape_and_join_back(self, tmp_path):
        export = export_deliverables(_hostile(), tmp_path)
        raw = export.files["scores.csv"].read_text(encoding="utf-8")
        for line in raw.splitlines()[1:]:
            assert line[0] not in "=+-@\t\r", line
        assert "\n'=HYPERLINK" in raw.replace('"', "") and "\n'00123" not in raw
        back = read_deliverable_csv(export.files["scores.csv"])
        assert sorted(back["customer_id"]) == sorted(HOSTILE_IDS)
        assert back["expected_gain"].min() == -5.0  # numbers stay numbers
        lists = read_deliverable_csv(export.files["action_lists.csv"])
        assert sorted(lists["customer_id"]) == sorted(HOSTILE_IDS)
        assert set(lists["action"]) == {"=1+1"}
        import csv

        def is_number(field):
            try:
                float(field)
            except ValueError:
                return False
            return True

        with open(export.files["action_lists.csv"], newline="", encoding="utf-8") as fh:
            for row in list(csv.reader(fh))[1:]:
                for f in row:
                    assert not f or f[0] not in "=+-@\t\r" or is_number(f), row

    def test_parquet_keeps_ids_unchanged(self, tmp_path):
        export = export_deliverables(_hostile(), tmp_path)
        frame = pd.read_parquet(export.files["action_lists.parquet"])
        assert sorted(frame["customer_id"]) == sorted(HOSTILE_IDS)
        assert list(frame.columns[:2]) == ["strategy", "customer_id"]

    def test_summary_sheet_says_how_ids_are_written(self, tmp_path):
        export = export_deliverables(_hostile(), tmp_path)
        wb = openpyxl.load_workbook(export.files["actions.xlsx"])
        text = " ".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row
                        if c.value is not None)
        assert "preceded by one apostrophe" in text
        assert "action_lists.csv" in text and "action_lists.parquet" in text


class TestSheetLimit:
    def test_top_n_per_sheet_and_full_lists_beside(self, tmp_path):
        export = export_deliverables(_hostile(), tmp_path, sheet_rows=4)
        wb = openpyxl.load_workbook(export.files["actions.xlsx"])
        assert wb["Retain"].max_row == 1 + 4
        ids = [row[0].value for row in wb["Retain"].iter_rows(min_row=2)]
        full = pd.read_parquet(export.files["action_lists.parquet"])
        assert len(full) == len(HOSTILE_IDS)
        assert ids == full["customer_id"].tolist()[:4]  # the sheet is the top of the list
        assert full["priority"].tolist() == list(range(1, len(HOSTILE_IDS) + 1))
        assert export.truncated == {"Retain": len(HOSTILE_IDS) - 4}
        text = " ".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row
                        if c.value is not None)
        assert "the first 4 clients of its list" in text
        assert f"“Retain”: the sheet shows the first 4 of {len(HOSTILE_IDS)} clients" in text
        assert "Each sheet holds at most 4 clients; the complete lists (9 clients)" in \
            describe_export(export)

    def test_environment_variable_sets_the_default(self, tmp_path, monkeypatch):
        monkeypatch.setenv("WORKBENCH_SHEET_ROWS", "2")
        export = export_deliverables(_hostile(), tmp_path)
        assert export.sheet_rows == 2
        assert openpyxl.load_workbook(export.files["actions.xlsx"])["Retain"].max_row == 3

    @pytest.mark.parametrize("rows", [0, -1, 2.5, "10", True, EXCEL_MAX_ROWS])
    def test_bad_sheet_rows_are_clear_errors(self, rows):
        with pytest.raises(WorkbenchError, match="sheet_rows"):
            export_deliverables(_hostile(), sheet_rows=rows)

    def test_excel_limit_is_the_largest_allowed(self):
        export = export_deliverables(_hostile(), sheet_rows=EXCEL_MAX_ROWS - 1)
        assert export.sheet_rows == 1_048_575


def test_summary_sheet_states_attrition_silent_leavers_and_stale_complaints(monkeypatch, tmp_path):
    """actions.xlsx's summary notes carry the yearly attrition (vs ~10 %), the lapsed who never
    complained and the open complaints too old to be true (a data-quality flag), in en and ru.

    Hand-built (tests/test_client_base.py): on 2023-12-31 'a', 'b' and 'd' are active; a year
    later 'b' (300 days silent) and 'd' (400 days) are lapsed: 2 of 3. Neither complained.
    'a''s complaint has been open for 200 days (stale), 'c''s for 12 days (fresh)."""
    from test_client_base import _feedback, _tx

    import workbench

    class NoModel:  # five clients are too few for a churn model: skip it, as a short log does
        def __init__(self, horizon):
            pass

        def fit(self, *a, **k):
            raise WorkbenchError("too few clients")

    monkeypatch.setattr(workbench, "ChurnModel", NoModel)
    tables = {"transactions": _tx(), "feedback": _feedback()}
    d = compute_deliverables(tables, language="en")
    assert ("Of the 3 clients active on 2023-12-31, 2 (67%) had lapsed a year later, on "
            "2024-12-31 — above the benchmark of about 10% a year") in "\n".join(d.notes)
    assert "Of 2 lapsed clients, 2 (100%) never complained" in "\n".join(d.notes)
    assert "(the oldest for 200 days)" in "\n".join(d.notes)
    # the stale complaint flags the row and is not the client's reason to be called
    assert bool(d.everyone.loc["a", "stale_complaint"]) is True
    assert d.everyone.loc["a", "reason"] != "open_complaint"
    assert d.everyone.loc["c", "reason"] == "open_complaint"
    ru = select_deliverables(d, language="ru")
    export = export_deliverables(ru, tmp_path)
    wb = openpyxl.load_workbook(export.files["actions.xlsx"])
    cells = [str(c.value) for row in wb["Сводка"].iter_rows() for c in row if c.value]
    text = "\n".join(cells)
    assert ("Из клиентов, активных на 31.12.2023 (их 3), через год, к 31.12.2024, ушли 2 "
            "(67\xa0%) — больше ориентира") in text
    assert "Из ушедших клиентов (их 2) ни разу не жаловались 2 (100\xa0%)" in text
    assert "(самая старая — 200\xa0дней)" in text


@pytest.mark.parametrize("dtype", ["string", "str", object])
def test_csv_safe_frame_equals_csv_safe_per_value(dtype):
    from workbench.deliverables import _csv_safe_frame, csv_safe

    values = ["=1+1", "+x", "-12", "@a", "\tq", "\rr", "'q", "ok", "", None, "C0001", "a=b",
              "Ёлка", "-"]
    frame = pd.DataFrame({"text": pd.array(values, dtype=dtype) if dtype is not object
                          else np.array(values, dtype=object),
                          "n": np.arange(len(values), dtype=float)},
                         index=pd.Index(pd.array(values[::-1], dtype="string"), name="customer_id"))
    got = _csv_safe_frame(frame)
    assert [None if pd.isna(v) else v for v in got["text"]] == [
        None if v is None else csv_safe(v) for v in values]
    assert [None if pd.isna(v) else v for v in got.index] == [
        None if v is None else csv_safe(v) for v in values[::-1]]
    assert got.index.name == "customer_id"
    np.testing.assert_array_equal(got["n"].to_numpy(), frame["n"].to_numpy())
    assert frame["text"].iloc[0] == "=1+1"  # the input is left as it was

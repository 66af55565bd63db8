"""The workshop dashboard (one tab per step, decisions saved into the workshop file) and the
client-card panel, driven without a browser."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import workbench  # noqa: E402
from workbench import widgets  # noqa: E402
from workbench.i18n import t  # noqa: E402
from workbench.narrative import init_workshop  # noqa: E402
from workbench.workshop import read_workshop, save_decision  # noqa: E402

WHEN = "2026-12-01 21:00 UTC"


def _transactions(n_clients: int = 40, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        n = int(rng.integers(1, 12))
        for d in np.sort(rng.integers(0, 600, size=n)):
            rows.append((f"c{c:03d}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(d)),
                         round(float(rng.gamma(2.0, 60.0 * (1 + c % 3))), 2)))
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


@pytest.fixture()
def tx_folder(tmp_path):
    """A transactions-only client folder (no survey, no workshop file)."""
    _transactions().to_csv(tmp_path / "transactions.csv", index=False)
    return tmp_path


def _texts(widget) -> list[str]:
    """Every HTML/label text shown inside ``widget`` (depth first)."""
    out = []
    value = getattr(widget, "value", None)
    if widget.__class__.__name__ in ("HTML", "Label") and isinstance(value, str):
        out.append(value)
    for child in getattr(widget, "children", ()):
        out += _texts(child)
    return out


def test_one_tab_per_step_titled_in_the_audience_language(tx_folder):
    board = widgets.dashboard(tx_folder, language="ru")
    titles = [board.tab.get_title(i) for i in range(len(board.tab.children))]
    assert titles == [t(f"dash.tab.{s}", "ru") for s in range(9)]
    assert titles[5] == "5 · Затраты и уход"
    assert all(not re.search(r"[A-Za-z]{3,}", x) for x in titles), titles
    # lazily built: only the first page, which describes this folder
    assert list(board.panels) == [0]
    page0 = " ".join(_texts(board.pages[0]))
    assert "Шаг 0 — Данные клиента" in page0
    assert "transactions.csv" in page0 or "транзакции" in page0


def test_missing_tables_give_one_banner_per_page(tx_folder):
    board = widgets.dashboard(tx_folder, language="ru")
    board.select(3)
    assert board.tab.selected_index == 3
    banner = workbench.describe_missing(workbench.missing_inputs(
        workbench.load_folder(tx_folder), 3), language="ru")
    assert banner.startswith("Шагу 3 не хватает")
    texts = _texts(board.pages[3])
    assert sum(banner.split(".")[0] in x for x in texts) == 1
    assert board.panels[3] == {}  # no survey, no actions: nothing invented on this page


def test_abc_decision_round_trip_through_the_dashboard(tx_folder):
    board = widgets.dashboard(tx_folder, language="ru")
    panels = board.build(4)
    abc = panels["abc_xyz"]
    assert abc.controls["abc_a"].value == pytest.approx(0.80)
    # the page says the thresholds are not in the file yet
    assert any("decisions.abc_a" in x for x in _texts(board.pages[4]))
    a_before = int(abc.result.loc[abc.result["abc"] == "A", "clients"].sum())
    abc.controls["abc_a"].value = 0.6
    a_after = int(abc.result.loc[abc.result["abc"] == "A", "clients"].sum())
    assert a_after < a_before  # the view changed
    abc.save(by="Ольга", at=WHEN)
    ws = read_workshop(tx_folder)
    assert ws.decision("abc_xyz")["abc_a"] == pytest.approx(0.6)
    assert ws.saved["abc_xyz"]["by"] == "Ольга"
    # the next dashboard (and run) starts from the room's choice
    again = widgets.dashboard(tx_folder, language="ru").build(4)["abc_xyz"]
    assert again.controls["abc_a"].value == pytest.approx(0.6)
    assert int(again.result.loc[again.result["abc"] == "A", "clients"].sum()) == a_after


def test_segmentation_and_retention_start_from_saved_decisions(tx_folder):
    init_workshop(tx_folder, language="ru")
    save_decision(tx_folder, "segmentation", {"k": 3, "features": ["frequency", "recency_days"]},
                  by="x", at=WHEN)
    save_decision(tx_folder, "retention", {"offer_cost": 12.5, "success_rate": 0.4},
                  by="x", at=WHEN)
    board = widgets.dashboard(tx_folder, language="ru")
    seg = board.build(4)["segmentation"]
    assert seg.controls["k"].value == 3
    chosen = set(seg.controls["features"].value)
    known = set(seg.controls["features"].options)
    assert chosen == {"frequency", "recency_days"} & known
    p5 = board.build(5)
    assert 5 not in board.errors, board.errors
    ret = p5["retention"]
    assert ret.controls["offer_cost"].value == pytest.approx(12.5, abs=ret.controls[
        "offer_cost"].step)
    assert ret.controls["success_rate"].value == pytest.approx(0.4)
    ret.controls["success_rate"].value = 0.25
    ret.save(by="y", at=WHEN)
    assert read_workshop(tx_folder).decision("retention")["success_rate"] == pytest.approx(0.25)


def test_offer_table_saved_from_the_dashboard_reaches_the_deliverables(tx_folder):
    board = widgets.dashboard(tx_folder, language="ru")
    offers = board.build(6)["offers"]
    rung = next(name.split(":")[0] for name in offers.controls if name.endswith(":strategy"))
    offers.controls[f"{rung}:strategy"].value = "win_back"
    offers.controls[f"{rung}:actions"].value = "Позвонить лично"
    offers.save(by="z", at=WHEN)
    rules = read_workshop(tx_folder).offer_rules()
    assert rules[rung]["strategy"] == "win_back"
    assert rules[rung]["actions"] == ("Позвонить лично",)
    result = workbench.compute_deliverables(workbench.load_folder(tx_folder), language="ru")
    mine = result.scores[result.scores["rung"] == rung]
    # the rule's strategy, except where a high churn risk overrides the rung (retain)
    ruled = mine["override"].isna()
    assert ruled.any() and set(mine.loc[ruled, "strategy"]) == {"win_back"}
    assert set(mine.loc[~ruled, "override"]) <= {"risk_over_rung"}


# -- the client card --------------------------------------------------------------------------


def test_client_card_panel_follows_the_chosen_client(tx_folder):
    folder = workbench.load_folder(tx_folder)
    tx = folder.tables["transactions"]
    panel = widgets.client_card_panel(folder, language="ru")
    first = panel.controls["client"].value
    top = tx.groupby("customer_id")["amount"].sum().idxmax()
    assert first == top  # starts with the biggest buyer
    other = tx["customer_id"].iloc[0] if tx["customer_id"].iloc[0] != top else \
        tx["customer_id"].iloc[-1]
    panel.controls["client"].value = other
    assert len(panel.result["orders"]) == tx.loc[tx["customer_id"] == other, "date"].nunique()
    assert f"Клиент {other}" in panel.summary.value
    assert "Анкету не заполнял." in panel.summary.value
    panel.controls["client"].value = "nobody"
    assert panel.result is None
    assert "В этой папке нет клиента nobody." in panel.summary.value


def test_describe_client_card_reads_orders_rungs_and_complaints():
    card = {
        "customer": {"customer_id": "7", "name": "ООО «Ромашка»", "region": "Тула"},
        "orders": pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-03-01"]),
                                "amount": [1000.0, 2500.0], "lines": [1, 2]}),
        "feedback": pd.DataFrame({"date": pd.to_datetime(["2024-02-01"]), "kind": ["complaint"],
                                  "category": ["доставка"], "text": ["Опоздали на день"]}),
        "survey": pd.DataFrame({"respondent_id": ["R1", "R1"], "nps": [9, 9]}),
        "rungs": pd.Series(["first_purchase", "first_purchase", "buyer"],
                           index=pd.to_datetime(["2024-01-05", "2024-02-01", "2024-03-01"]),
                           dtype="string"),
    }
    text = widgets.describe_client_card(card, "7", language="ru")
    assert text.split("\n") == [
        "Клиент 7 — ООО «Ромашка», Тула",
        "2\u00a0заказа на 3\u00a0500, с 05.01.2024 по 01.03.2024.",
        "Ступень сейчас: Покупатель.",
        "Ступень во времени: Первая покупка (05.01.2024) → Покупатель (01.03.2024).",
        "Жалобы и обращения: 1; последнее 01.02.2024: «Опоздали на день».",
        "Анкета: 2\u00a0ответа и NPS 9.",
    ]
    en = widgets.describe_client_card(card, "7", language="en")
    assert "2 orders for 3,500, from 2024-01-05 to 2024-03-01." in en


def test_the_dashboard_on_the_shipped_sample_saves_into_a_copy(tmp_path):
    from workbench.datasets import sample_dir

    committed = sample_dir() / "workshop.yml"
    before = committed.read_bytes()
    out = tmp_path / "reports"
    board = widgets.dashboard(sample_dir(), language="en", out_dir=out)
    copy = out / "workshop.yml"
    assert copy.read_bytes() == before  # the room starts from the sample's own inputs
    assert any(str(copy) in x for x in _texts(board))  # and is told where it saves
    panel = board.build(4)["abc_xyz"]
    panel.controls["abc_a"].value = 0.7
    panel.save(by="test", at=WHEN)
    assert committed.read_bytes() == before
    assert read_workshop(copy).get("decisions.abc_a") == pytest.approx(0.7)
    # a second dashboard on the sample starts from the copy's saved decision
    again = widgets.dashboard(sample_dir(), language="en", out_dir=out)
    assert again._context.ws.get("decisions.abc_a") == pytest.approx(0.7)
    # without an output folder there is nowhere to save, and the sample is still untouched
    board = widgets.dashboard(sample_dir(), language="en", out_dir=None)
    assert board._context.workshop is None
    assert committed.read_bytes() == before


def test_save_decision_refuses_the_shipped_sample():
    from workbench.datasets import sample_dir

    committed = sample_dir() / "workshop.yml"
    before = committed.read_bytes()
    with pytest.raises(workbench.WorkbenchError, match="shipped with the workbench"):
        save_decision(sample_dir(), "abc_xyz", {"abc_a": 0.7}, by="test", at=WHEN)
    with pytest.raises(workbench.WorkbenchError, match="shipped with the workbench"):
        save_decision(committed, "abc_xyz", {"abc_a": 0.7}, by="test", at=WHEN)
    assert committed.read_bytes() == before


def test_an_explicit_workshop_target_is_where_the_dashboard_saves(tx_folder, tmp_path):
    init_workshop(tx_folder, excel=False)
    target = tmp_path / "elsewhere" / "workshop.yml"
    board = widgets.dashboard(tx_folder, language="en", workshop=target)
    assert target.is_file()
    panel = board.build(4)["abc_xyz"]
    panel.controls["abc_b"].value = 0.9
    panel.save(by="test", at=WHEN)
    assert read_workshop(target).get("decisions.abc_b") == pytest.approx(0.9)
    assert read_workshop(tx_folder).get("decisions.abc_b") is None


def test_step_8_page_saves_the_second_round_decision(tx_folder):
    board = widgets.dashboard(tx_folder, language="ru")
    panels = board.build(8)
    assert {"second_round", "card"} <= set(panels)
    panel = panels["second_round"]
    assert panel.controls["stale_days"].value == 90
    assert panel.result["n_listed"] > 0  # the next round's lists come from the client base
    panel.controls["control_share"].value = 0.2
    panel.save(by="Ольга", at=WHEN)
    ws = read_workshop(tx_folder)
    assert ws.decision("feedback") == {"stale_days": 90, "control_share": 0.2}
    again = widgets.dashboard(tx_folder, language="ru").build(8)["second_round"]
    assert again.controls["control_share"].value == pytest.approx(0.2)

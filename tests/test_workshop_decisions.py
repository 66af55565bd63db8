"""Decisions taken in the room: every decision panel saves into the workshop file, and the
next run (the step-7 deliverables) reproduces the saved choice."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import workbench  # noqa: E402
from workbench import widgets  # noqa: E402
from workbench.narrative import init_workshop  # noqa: E402
from workbench.workshop import read_workshop  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples"
WHEN = "2026-12-01 18:00 UTC"


@pytest.fixture()
def folder(tmp_path):
    init_workshop(tmp_path, language="ru")
    return tmp_path


@pytest.fixture(scope="module")
def tx():
    rng = np.random.default_rng(1)
    rows = []
    for c in range(40):
        n = int(rng.integers(1, 12))
        for d in np.sort(rng.integers(0, 600, size=n)):
            rows.append((f"c{c:03d}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(d)),
                         float(rng.gamma(2.0, 60.0 * (1 + c % 3)))))
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


def test_retention_panel_saves_offer_cost_and_success_rate(folder):
    p = pd.Series([0.9, 0.5, 0.1], index=["a", "b", "c"])
    value = pd.Series([1000.0, 500.0, 200.0], index=["a", "b", "c"])
    panel = widgets.retention_panel(p, value, offer_cost=10.0, language="ru", workshop=folder)
    panel.controls["offer_cost"].value = 40.0
    panel.controls["success_rate"].value = 0.45
    ws = panel.save(by="Анна", at=WHEN)
    assert ws.decision("retention") == {"offer_cost": 40.0, "success_rate": 0.45}
    assert read_workshop(folder).saved["retention"] == {"by": "Анна", "at": WHEN}
    assert panel.save_status.value.startswith("Сохранено в workshop.yml: удерживающее")
    # the button is in the panel, under the controls
    assert panel.save_controls["button"].description == "Сохранить решение"
    assert any(panel.save_status in getattr(c, "children", ()) for c in panel.children)


def test_button_click_saves_with_who(folder):
    panel = widgets.threshold_panel(pd.Series([0.2, 0.8], index=["a", "b"]),
                                    pd.Series([0, 1], index=["a", "b"]),
                                    100.0, threshold=0.5, language="en", workshop=folder)
    panel.controls["threshold"].value = 0.7
    panel.save_controls["who"].value = "Boris"
    panel.save_controls["button"].click()
    ws = read_workshop(folder)
    assert ws.get("decisions.risk_threshold") == pytest.approx(0.7)
    assert ws.saved["threshold"]["by"] == "Boris"


def test_panel_without_workshop_has_no_save_row_and_refuses(tmp_path):
    panel = widgets.threshold_panel(pd.Series([0.2], index=["a"]), pd.Series([0], index=["a"]),
                                    100.0, language="en")
    assert not hasattr(panel, "save_controls")
    with pytest.raises(workbench.WorkbenchError, match="nowhere to save"):
        panel.save()


def test_priorities_abc_xyz_segmentation_ukor_save(folder, tx):
    actions = pd.DataFrame({"attribute": ["a", "b"], "action": ["x", "y"],
                            "cost": [5.0, 3.0], "effect": [1.0, 2.0]})
    panel = widgets.priorities_panel(None, actions, budget=4, language="en", workshop=folder)
    panel.controls["budget"].value = 6.0
    panel.save(by="a", at=WHEN)

    panel = widgets.abc_xyz_panel(tx, language="en", workshop=folder)
    panel.controls["abc_a"].value = 0.7
    panel.controls["xyz_y"].value = 2.0
    panel.save(by="a", at=WHEN)

    X = workbench.customer_feature_table(tx)
    panel = widgets.segmentation_panel(X, k=3, language="en", workshop=folder)
    panel.controls["k"].value = 2
    panel.controls["features"].value = tuple(list(X.columns)[:2])
    panel.save(by="a", at=WHEN)

    panel = widgets.ukor_panel(language="ru", workshop=folder)
    panel.controls["lost_clients_reviewed"].value = 4
    panel.save(by="a", at=WHEN)

    ws = read_workshop(folder)
    assert ws.decision("priorities") == {"budget": 6.0, "weight": "none"}
    assert ws.decision("abc_xyz") == {"abc_a": 0.7, "abc_b": 0.95, "xyz_x": 0.75,
                                      "xyz_y": 2.0}
    assert ws.decision("segmentation") == {"k": 2, "features": list(X.columns)[:2]}
    assert ws.ukor_answers()["lost_clients_reviewed"] == 4
    assert len(ws.ukor_answers()) == len(workbench.UKOR_QUESTIONS)
    assert set(ws.saved) == {"priorities", "abc_xyz", "segmentation", "ukor"}
    # the Excel twin says the same
    assert read_workshop(folder / "workshop.xlsx").to_dict() == ws.to_dict()


def test_invalid_panel_state_is_not_saved(folder, tx):
    panel = widgets.abc_xyz_panel(tx, language="en", workshop=folder)
    panel.controls["abc_a"].value = 0.95
    panel.controls["abc_b"].value = 0.6  # A above B: the panel shows an error
    with pytest.raises(workbench.WorkbenchError):
        panel.save()
    assert read_workshop(folder).decision("abc_xyz") == {}


def test_offer_table_saves_keys_for_the_methods_actions(folder):
    rungs = pd.Series(["regular", "lapsed", "regular"], index=["a", "b", "c"], name="rung")
    panel = widgets.offer_table_panel(rungs, language="ru", workshop=folder)
    panel.controls["lapsed:actions"].value = "Звонок с извинениями; " + workbench.t(
        "offer.action.comeback_offer", "ru")
    panel.save(by="a", at=WHEN)
    rules = read_workshop(folder).offer_rules()
    assert rules["lapsed"] == {"strategy": "win_back",
                               "actions": ("Звонок с извинениями", "comeback_offer")}
    assert rules["regular"]["actions"] == workbench.OFFER_RULES["regular"]["actions"]


def _small_sample(tmp_path: Path, n_clients: int = 300) -> Path:
    """A tmp copy of the sample: the transactions of its first clients, and its workshop."""
    tx = pd.read_csv(SAMPLE / "transactions.csv", dtype=str)
    keep = sorted(tx["customer_id"].unique())[:n_clients]
    tx[tx["customer_id"].isin(keep)].to_csv(tmp_path / "transactions.csv", index=False)
    shutil.copy(SAMPLE / "workshop.yml", tmp_path / "workshop.yml")
    return tmp_path


@pytest.mark.slow
def test_round_trip_widget_to_file_to_deliverable(tmp_path):
    data = _small_sample(tmp_path)
    before = workbench.compute_deliverables(workbench.load_folder(data), language="en")
    assert before.settings["success_rate"] == pytest.approx(0.3)  # the sample's file
    # in the room: a cheaper, better offer, and a new action for the buyers
    proba = before.everyone["churn_probability"].dropna()
    value = before.everyone["expected_value"].reindex(proba.index).clip(lower=0)
    panel = widgets.retention_panel(proba, value, offer_cost=before.settings["offer_cost"],
                                    language="en", workshop=data)
    panel.controls["offer_cost"].value = 0.0
    panel.controls["success_rate"].value = 0.8
    panel.save(by="room", at=WHEN)
    rungs = before.everyone["rung"].dropna().astype(str).rename("rung")
    offers = widgets.offer_table_panel(rungs, rules=read_workshop(data).offer_rules(),
                                       language="en", workshop=data)
    offers.controls["buyer:actions"].value = "Quarterly tasting at the client's office"
    offers.save(by="room", at=WHEN)

    after = workbench.compute_deliverables(workbench.load_folder(data), language="en")
    assert after.settings["offer_cost"] == 0.0
    assert after.settings["success_rate"] == pytest.approx(0.8)
    # a free offer is worth making to every client with a positive value at risk
    assert after.everyone["target"].sum() > before.everyone["target"].sum()
    # the buyers' own rule (those at high risk get the retain actions: client_base precedence)
    regular = (after.everyone["rung"] == "buyer") & after.everyone["override"].isna()
    assert regular.any()
    assert set(after.everyone.loc[regular, "action"]) == {
        "Quarterly tasting at the client's office"}
    assert set(before.everyone.loc[regular, "action"]) != {
        "Quarterly tasting at the client's office"}
    # an argument passed by hand still wins over the file
    by_hand = workbench.compute_deliverables(workbench.load_folder(data), language="en",
                                             success_rate=0.1)
    assert by_hand.settings["success_rate"] == pytest.approx(0.1)


def _loop_folder(tmp_path: Path, tx: pd.DataFrame) -> Path:
    """Transactions + open complaints 10, 40, 70, 200 and 400 days old at the last date."""
    init_workshop(tmp_path, language="en", excel=False)
    tx.to_csv(tmp_path / "transactions.csv", index=False)
    asof = pd.Timestamp(tx["date"].max())
    clients = sorted(tx["customer_id"].unique())
    ages = [10, 40, 70, 200, 400]
    pd.DataFrame({
        "customer_id": clients[:len(ages)] + clients[:1],
        "date": [(asof - pd.Timedelta(days=a)).strftime("%Y-%m-%d") for a in ages]
        + [(asof - pd.Timedelta(days=300)).strftime("%Y-%m-%d")],
        "kind": ["complaint"] * len(ages) + ["complaint"],
        "resolved_date": [""] * len(ages) + [(asof - pd.Timedelta(days=290)).strftime("%Y-%m-%d")],
    }).to_csv(tmp_path / "feedback.csv", index=False)
    return tmp_path


def test_second_round_panel_shows_the_split_and_the_control_groups(tmp_path, tx):
    data = _loop_folder(tmp_path, tx)
    folder = workbench.load_folder(data)
    asof = folder.tables["transactions"]["date"].max()
    panel = widgets.second_round_panel(folder.tables["feedback"], asof,
                                       list_sizes={"retain": 55, "win_back": 25},
                                       language="ru", workshop=data)
    r = panel.result
    assert (r["n_open"], r["n_calls"], len(r["stale"])) == (5, 3, 2)  # 90 days by default
    assert r["control"].to_dict() == {"retain": 6, "win_back": 3}  # 5.5 and 2.5, half up
    panel.controls["stale_days"].value = 30
    panel.controls["control_share"].value = 0.2
    r = panel.result
    assert (r["n_calls"], len(r["stale"]), r["n_control"]) == (1, 4, 16)
    assert "Из 5 открытых жалоб 1" in panel.summary.value
    ws = panel.save(by="Ирина", at=WHEN)
    assert ws.decision("feedback") == {"stale_days": 30, "control_share": 0.2}
    assert read_workshop(data).saved["feedback"] == {"by": "Ирина", "at": WHEN}
    # the next panel starts from the room's choice
    saved = read_workshop(data).decision("feedback")
    again = widgets.second_round_panel(folder.tables["feedback"], asof, language="en",
                                       **saved)
    assert again.controls["stale_days"].value == 30
    assert again.result["n_calls"] == 1 and again.result["n_listed"] == 0


def test_second_round_decision_reaches_the_deliverables(tmp_path, tx):
    data = _loop_folder(tmp_path, tx)
    before = workbench.compute_deliverables(workbench.load_folder(data), language="en")
    folder = workbench.load_folder(data)
    panel = widgets.second_round_panel(folder.tables["feedback"],
                                       folder.tables["transactions"]["date"].max(),
                                       language="en", workshop=data)
    panel.controls["stale_days"].value = 30
    panel.controls["control_share"].value = 0.25
    panel.save(by="room", at=WHEN)
    after = workbench.compute_deliverables(workbench.load_folder(data), language="en")
    # an open complaint older than 30 days is now a data-quality flag, not a reason to call
    assert int(before.everyone["stale_complaint"].sum()) == 2
    assert int(after.everyone["stale_complaint"].sum()) == 4
    assert int(after.everyone["complaint_days"].notna().sum()) == 1
    assert before.settings["control_share"] == pytest.approx(0.1)
    assert after.settings["control_share"] == pytest.approx(0.25)

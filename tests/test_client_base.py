"""One picture of the client base: one definition of lapsed/active, a documented precedence,
and the same count meaning the same number in every step."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench
from workbench.client_base import (
    ACTIVE_RFM_SEGMENTS,
    base_counts,
    client_base,
)
from workbench.narrative import describe_definitions


def _tx() -> pd.DataFrame:
    """Hand-built: 'a' buys every 10 days until asof; 'b' bought long ago (lapsed) but a lot;
    'c' buys monthly; 'd' once, 400 days before asof; 'e' twice recently."""
    rows = []
    end = pd.Timestamp("2024-12-31")
    for k in range(40):
        rows.append(("a", end - pd.Timedelta(days=10 * k), 100.0))
    for k in range(30):
        rows.append(("b", end - pd.Timedelta(days=300 + 7 * k), 500.0))
    for k in range(12):
        rows.append(("c", end - pd.Timedelta(days=30 * k + 5), 80.0))
    rows.append(("d", end - pd.Timedelta(days=400), 50.0))
    rows += [("e", end - pd.Timedelta(days=3), 60.0), ("e", end - pd.Timedelta(days=20), 60.0)]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


@pytest.fixture(scope="module")
def base():
    return client_base({"transactions": _tx()}, churn=False)


def test_one_row_per_client_with_status_from_the_ladder(base):
    tab = base.table
    assert list(tab.index) == ["a", "b", "c", "d", "e"]
    assert tab["status"].tolist() == ["active", "lapsed", "active", "lapsed", "active"]
    ladder = workbench.loyalty_ladder(_tx())
    assert tab["rung"].tolist() == ladder["rung"].astype(str).tolist()
    # the one definition: lapsed <=> the ladder's lapsed rung
    assert ((tab["status"] == "lapsed") == (tab["rung"] == "lapsed")).all()


def test_lapsed_clients_are_win_back_not_churn_risk():
    tx = _tx()
    # a model cannot be fitted on five clients; fake one that scores everybody 0.99
    probs = pd.Series(0.99, index=pd.Index(["a", "b", "c", "d", "e"], name="customer_id"))

    class Fake:
        def __init__(self, horizon):
            pass

        def fit(self, *a, **k):
            return self

        def predict_proba(self, *a, **k):
            return probs

    orig = workbench.ChurnModel
    workbench.ChurnModel = Fake
    try:
        b = client_base({"transactions": tx})
    finally:
        workbench.ChurnModel = orig
    tab = b.table
    assert tab.loc[["b", "d"], "churn_probability"].isna().all()
    assert tab.loc[["b", "d"], "risk_band"].isna().all()
    assert (tab.loc[["b", "d"], "strategy"] == "win_back").all()
    assert tab.loc[["a", "c", "e"], "risk_band"].tolist() == ["high"] * 3
    # risk over rung: every active client at high risk is to be retained, and it is said so
    assert tab.loc[["a", "c", "e"], "strategy"].tolist() == ["retain"] * 3
    counts = base_counts(b)
    assert (counts["n_active"], counts["n_lapsed"], counts["n_high_risk"]) == (3, 2, 3)
    assert counts["high_risk_share"] == pytest.approx(1.0)  # of the active, not of all 5


def test_lapsed_row_never_reads_as_an_active_rfm_segment(base):
    tab = base.table
    lapsed = tab[tab["status"] == "lapsed"]
    assert not lapsed["rfm_segment"].isin(list(ACTIVE_RFM_SEGMENTS)).any()
    changed = tab["override"] == "lapsed_rfm"
    assert (tab.loc[changed.fillna(False), "rfm_segment"] == "lost").all()
    assert (tab.loc[changed.fillna(False), "rfm_segment_raw"].isin(
        list(ACTIVE_RFM_SEGMENTS))).all()


def test_workshop_decisions_reach_the_base(tmp_path):
    from workbench.workshop import init_workshop, read_workshop, save_decision

    init_workshop(tmp_path, excel=False)
    save_decision(tmp_path, "abc_xyz", {"abc_a": 0.5, "abc_b": 0.9}, by="t", at="now")
    save_decision(tmp_path, "offers", [{"segment": "regular", "strategy": "cherish"}],
                  by="t", at="now")
    ws = read_workshop(tmp_path)
    b = client_base({"transactions": _tx()}, workshop=ws, churn=False)
    assert b.settings["abc"] == (0.5, 0.9)
    ax = workbench.abc_xyz(_tx(), abc=(0.5, 0.9))
    assert b.table["abc"].tolist() == ax["abc"].astype(str).tolist()
    regular = b.table["rung"] == "regular"
    assert (b.table.loc[regular, "strategy"] == "cherish").all()


def test_definitions_are_stated_once_in_both_languages():
    ru = describe_definitions(language="ru")
    assert ru.startswith("Клиент считается ушедшим, если с последней покупки прошло больше 180")
    assert "90 дн." in ru
    en = describe_definitions(language="en")
    assert "3 times their usual gap" in en


def test_same_count_same_number_on_a_sample_copy(tmp_path):
    """What the steps print, from their own functions, equals the client base's counts."""
    sample = workbench.load_sample()
    tx = sample["transactions"]
    keep = sorted(tx["customer_id"].unique())[:250]
    tables = {"transactions": tx[tx["customer_id"].isin(keep)].reset_index(drop=True),
              "survey": sample["survey"]}
    b = client_base(tables, churn=False)
    counts = b.counts()
    # step 4 (segmentation): the ladder with the survey
    ladder = workbench.loyalty_ladder(tables["transactions"], survey=tables["survey"])
    assert counts["by_rung"] == {str(k): int(v) for k, v in
                                 ladder["rung"].value_counts().sort_index().items()}
    # step 4: ABC-XYZ cells
    cells = workbench.abc_xyz(tables["transactions"])["cell"]
    assert counts["by_cell"] == {str(k): int(v) for k, v in
                                 cells.value_counts().sort_index().items()}
    # step 8: "still active" is the complement of lapsed
    active = workbench.active_only(pd.Series(1, index=ladder.index), tables["transactions"])
    assert counts["n_active"] == len(active)
    assert counts["n_active"] + counts["n_lapsed"] == counts["n_clients"] == 250
    # step 7: the deliverables list the same clients with the same rungs and strategies
    d = workbench.compute_deliverables(tables, language="en")
    assert d.everyone["rung"].value_counts().to_dict() == b.buyers["rung"].value_counts(
        ).to_dict()
    base_risk = client_base(tables)
    assert d.everyone["strategy"].value_counts().to_dict() == base_risk.buyers[
        "strategy"].value_counts().to_dict()
    lapsed = d.everyone["rung"] == "lapsed"
    assert d.everyone.loc[lapsed, "churn_probability"].isna().all()
    assert np.isclose(d.everyone["churn_probability"].notna().sum(),
                      base_risk.counts()["n_scored"])


def _feedback() -> pd.DataFrame:
    end = pd.Timestamp("2024-12-31")
    return pd.DataFrame({
        "customer_id": ["c", "a", "e"],
        "date": [end - pd.Timedelta(days=12), end - pd.Timedelta(days=200),
                 end - pd.Timedelta(days=40)],
        "kind": ["complaint", "complaint", "complaint"],
        "category": ["delivery", "quality", "price"],
        "resolved_date": [pd.NaT, pd.NaT, end - pd.Timedelta(days=30)],
    })


def test_why_now_codes_numbers_and_calendar():
    from workbench.client_base import stale_open_complaints, why_now
    from workbench.narrative import describe_why_now

    tables = {"transactions": _tx(), "feedback": _feedback()}
    b = client_base(tables, churn=False)
    why = why_now(b, tables)
    assert why["reason"].fillna("").to_dict() == {
        "a": "due", "b": "lapsed", "c": "open_complaint", "d": "one_purchase", "e": "due"}
    assert why.loc["c", "complaint_days"] == 12
    assert bool(why.loc["a", "stale_complaint"]) and not why["stale_complaint"].drop("a").any()
    assert why.loc["a", "cycle_days"] == 10 and why.loc["d", "months_since"] == 13
    assert why.loc["a", "spend_change"] == pytest.approx(1000 / 900 - 1)
    assert why["next_contact"].dt.strftime("%Y-%m-%d").to_dict() == {
        "a": "2025-01-10", "b": "2025-01-01", "c": "2025-01-25", "d": "2025-01-01",
        "e": "2025-01-14"}
    rows = why.to_dict("index")
    assert describe_why_now(rows["c"], "en") == "open complaint for 12 days"
    assert describe_why_now(rows["d"], "en") == "one purchase, 13 months ago"
    assert describe_why_now(rows["b"], "ru").replace("\xa0", " ") == "нет покупок уже 300 дней"
    assert describe_why_now(rows["a"], "ru").replace("\xa0", " ") == (
        "покупает раз в 10 дней; следующая покупка ожидается 10.01.2025")
    stale = stale_open_complaints(tables["feedback"], b.asof, max_age_days=90)
    assert stale[["customer_id", "age_days"]].values.tolist() == [["a", 200]]


def test_spend_down_and_silent():
    from workbench.client_base import why_now
    from workbench.narrative import describe_why_now

    end = pd.Timestamp("2024-12-31")
    rows = [("s", end - pd.Timedelta(days=60 + 6 * k), 10.0) for k in range(30)]
    rows += [("q", end - pd.Timedelta(days=d), a) for d, a in
             [(10, 60.0), (150, 100.0)]]
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    tables = {"transactions": tx}
    why = why_now(client_base(tables, churn=False), tables)
    assert why.loc["s", "reason"] == "silent"
    assert describe_why_now(why.loc["s"].to_dict(), "en") == "buys every 6 days, silent for 50 days"  # asof: q's last day
    assert why.loc["q", "spend_change"] == pytest.approx(-0.4)
    assert why.loc["q", "reason"] == "spend_down"


def test_referrals_count_and_value():
    from workbench.client_base import referrals

    customers = pd.DataFrame({"customer_id": ["a", "b", "c", "d", "x"],
                              "referred_by": [None, "a", "a", "b", "a"]})
    got = referrals(customers, _tx())
    # a brought b, c (buyers) and x (no purchase); b brought d
    assert got.loc["a"].tolist() == [3, 2, 30 * 500.0 + 12 * 80.0]
    assert got.loc["b"].tolist() == [1, 1, 50.0]
    assert list(got.index) == ["a", "b"]
    assert referrals(pd.DataFrame({"customer_id": ["a"]}), _tx()).empty


def test_yearly_attrition_and_silent_leavers():
    from workbench.client_base import silent_leavers, yearly_attrition

    att = yearly_attrition(_tx())
    first = att.iloc[0]
    # active on 2023-12-31: a (every 10 days), b (weekly then), d (bought 2023-11-27); c and e
    # had not bought yet; by 2024-12-31 b and d have lapsed
    assert first["year_end"] == pd.Timestamp("2024-12-31")
    assert (first["active_at_start"], first["lapsed_by_end"]) == (3, 2)
    assert first["attrition"] == pytest.approx(2 / 3) and first["benchmark"] == 0.1
    b = client_base({"transactions": _tx()}, churn=False)
    assert silent_leavers(b, _feedback()) == {"n_lapsed": 2, "n_silent": 2,
                                              "share_silent": 1.0}


def test_client_card():
    from workbench.client_base import client_card

    tables = {"transactions": _tx(), "feedback": _feedback(),
              "customers": pd.DataFrame({"customer_id": ["e"], "name": ["Eve"]})}
    card = client_card(tables, "e")
    assert card["customer"]["name"] == "Eve"
    assert card["orders"]["amount"].tolist() == [60.0, 60.0]
    assert card["feedback"]["category"].tolist() == ["price"]
    assert card["survey"] is None
    assert card["rungs"].iloc[-1] == workbench.loyalty_ladder(_tx()).loc["e", "rung"]
    with pytest.raises(workbench.WorkbenchError, match="no purchase"):
        client_card(tables, "zz")


def test_advocate_rung_from_who_brought_whom():
    """A regular who brought a paying client is an advocate; one who brought only a client
    who never bought, or names themself, is not; the rule can be switched off; DuckDB agrees."""
    tx = _tx()
    rules = {"advocate_min_tenure_days": None}  # only referrals (and NPS) make advocates
    plain = workbench.loyalty_ladder(tx, rules=rules)
    assert plain.loc["a", "rung"] == "regular" and plain.loc["c", "rung"] == "regular"
    customers = pd.DataFrame({
        "customer_id": ["a", "b", "c", "d", "e", "x", "c"],
        "referred_by": [None, "a", "c", "c", "a", "c", "c"],  # c names itself; x never bought
    })
    lad = workbench.loyalty_ladder(tx, rules=rules, customers=customers)
    assert lad["referred_buyers"].to_dict() == {"a": 2, "b": 0, "c": 1, "d": 0, "e": 0}
    assert lad.loc["a", "rung"] == "advocate"  # brought b and e, who bought
    assert lad.loc["c", "rung"] == "advocate"  # brought d (x never bought, c itself ignored)
    assert lad.loc["e", "rung"] == plain.loc["e", "rung"]  # not a regular: no advocate
    only_x = pd.DataFrame({"customer_id": ["x"], "referred_by": ["c"]})
    assert workbench.loyalty_ladder(tx, rules=rules, customers=only_x).loc["c", "rung"] == \
        "regular"
    off = workbench.loyalty_ladder(tx, rules={**rules, "advocate_min_referrals": None},
                                   customers=customers)
    assert off["rung"].tolist() == plain["rung"].tolist()
    duck = workbench.loyalty_ladder(tx, rules=rules, customers=customers, engine="duckdb")
    assert duck["rung"].tolist() == lad["rung"].tolist()
    # the client base reads the same rung, and the referrals table counts the same buyers
    b = client_base({"transactions": tx, "customers": customers}, churn=False,
                    ladder_rules=rules)
    assert b.table.loc[["a", "c"], "rung"].tolist() == ["advocate", "advocate"]
    assert b.counts()["n_advocates"] == 2
    ref = workbench.referrals(customers[customers["customer_id"] != customers["referred_by"]],
                              tx)
    assert ref.loc["a", "n_referred_buyers"] == lad.loc["a", "referred_buyers"]

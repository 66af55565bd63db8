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

    import workbench.churn

    def fake(tx, asof, horizon, **side):
        Fake(horizon).fit(tx, asof, **side)
        return Fake(horizon).predict_proba(tx, asof), {"rank_by": "model",
                                                        "reason": "no_backtest"}

    orig = workbench.churn.backtested_churn
    workbench.churn.backtested_churn = fake
    try:
        b = client_base({"transactions": tx})
    finally:
        workbench.churn.backtested_churn = orig
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
    from workbench.narrative import init_workshop
    from workbench.workshop import read_workshop, save_decision

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


def test_expected_value_is_the_retention_value_with_the_workshop_margin(tmp_path):
    from workbench.economics import expected_value, retention_value
    from workbench.narrative import init_workshop
    from workbench.workshop import read_workshop

    init_workshop(tmp_path, excel=False)
    ws = read_workshop(tmp_path)
    ws.data["company"]["margin"] = 0.25
    b = client_base({"transactions": _tx()}, workshop=ws, churn=False)
    buyers = b.buyers.index
    value, info = retention_value(_tx(), horizon="90D", margin=0.25)
    np.testing.assert_allclose(b.table.loc[buyers, "expected_value"],
                               value.reindex(buyers).to_numpy(), rtol=1e-12)
    assert b.settings["value"] == info
    # the margin is applied: a quarter of the value without one (no cost column: revenue),
    # by the same method (both back-test errors scale by the margin too)
    revenue, info_revenue = retention_value(_tx(), horizon="90D")
    assert info_revenue["method"] == info["method"]
    np.testing.assert_allclose(b.table.loc[buyers, "expected_value"],
                               0.25 * revenue.reindex(buyers).to_numpy(), rtol=1e-9)
    assert b.table["expected_value"].abs().sum() > 0
    # and it is no longer the plain run rate of last year's revenue
    assert not np.allclose(b.table.loc[buyers, "expected_value"],
                           expected_value(_tx(), horizon="90D").reindex(buyers))


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


# ------------------------------------------------------------------------------------------
# the contact list is ranked by recency when the model is no better on the back-test
# ------------------------------------------------------------------------------------------
def _regular_until_stop(n: int = 200, seed: int = 0) -> pd.DataFrame:
    """Every client buys about every 30 days from a start until a random stop: who stops next
    cannot be foreseen, so nothing beats "days since the last purchase"."""
    rng = np.random.default_rng(seed)
    start, end = pd.Timestamp("2023-01-01"), pd.Timestamp("2024-12-31")
    span = (end - start).days
    rows = []
    for i in range(n):
        day, stop = int(rng.integers(0, 60)), int(rng.integers(90, span + 200))
        while day <= min(stop, span):
            rows.append((f"c{i:03d}", start + pd.Timedelta(days=day),
                         float(rng.integers(10, 50))))
            day += 30 + int(rng.integers(-3, 4))
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


@pytest.fixture(scope="module")
def recency_case():
    from workbench.deliverables import compute_deliverables

    tx = _regular_until_stop()
    return tx, compute_deliverables({"transactions": tx}, horizon="90D", language="ru",
                                    offer_cost=5.0, success_rate=0.3)


def test_list_is_ranked_by_recency_when_the_model_is_no_better(recency_case):
    from workbench.churn import ChurnModel
    from workbench.deliverables import _render_notes

    tx, result = recency_case
    base = result.base
    ranking = base.settings["churn_ranking"]
    assert (ranking["rank_by"], ranking["reason"], ranking["backtest_asof"]) == (
        "recency", "backtest", "2024-10-02")
    assert ranking["auc_gain"] < ranking["min_auc_gain"] == 0.02
    # today's risk is the recency curve: the active clients are ordered exactly by the days
    # since their last purchase (ties share a probability), as the simple rule says
    act = base.active.sort_values("recency_days", kind="mergesort")
    p = act["churn_probability"].to_numpy()
    assert len(p) > 50 and not np.isnan(p).any()
    assert (np.diff(p) >= -1e-12).all()
    same_day = act.groupby("recency_days")["churn_probability"].nunique()
    assert (same_day == 1).all()
    expected = ChurnModel("90D").fit(tx).predict_recency_proba(tx).reindex(act.index)
    np.testing.assert_allclose(p, expected.to_numpy(), rtol=1e-9)
    # said in the step-7 notes (actions.xlsx, describe_deliverables, the report), both languages
    spec = [s for s in result.note_specs if s[0] == "churn.note.recency_rule"]
    assert len(spec) == 1
    ru = _render_notes(spec, "ru")[0]
    en = _render_notes(spec, "en")[0]
    assert ru in result.notes and "давности" in ru and "0,02" in ru
    assert "no better than recency" in en and "0.02" in en
    auc = f"{ranking['roc_auc_model']:.3f}"
    assert auc in en and auc.replace(".", ",") in ru
    # and in step 5's sentence
    en5 = workbench.describe_churn_ranking(ranking, "en")
    ru5 = workbench.describe_churn_ranking(ranking, "ru")
    assert "ranked by the simple rule" in en5 and "по простому правилу" in ru5
    # one value: step 7's expected value is the client base's (retention_value)
    pd.testing.assert_series_equal(result.scores["expected_value"],
                                   base.buyers["expected_value"].reindex(result.scores.index),
                                   check_names=False)
    assert result.settings["value"]["method"] == base.settings["value"]["method"]


def test_model_ranks_when_it_clears_the_margin(recency_case):
    from workbench.churn import ChurnModel, backtested_churn

    tx, _ = recency_case
    proba, ranking = backtested_churn(tx, horizon="90D", min_auc_gain=-1.0)
    assert (ranking["rank_by"], ranking["model_better"]) == ("model", True)
    expected = ChurnModel("90D").fit(tx).predict_proba(tx)
    pd.testing.assert_series_equal(proba, expected)
    assert "ranked by the model" in workbench.describe_churn_ranking(ranking, "en")


def test_short_history_is_ranked_by_the_model_unchecked():
    from workbench.churn import backtested_churn

    tx = _regular_until_stop()
    tx = tx.loc[tx["date"] >= "2024-08-01"]  # 5 months: one 90-day window, no back-test
    proba, ranking = backtested_churn(tx, horizon="90D")
    assert (ranking["rank_by"], ranking["reason"], ranking["backtest_asof"]) == (
        "model", "no_backtest", None)
    assert proba.notna().all()
    assert workbench.describe_churn_ranking(ranking, "ru").startswith("История слишком")
    assert workbench.describe_churn_ranking(None, "en") == ""

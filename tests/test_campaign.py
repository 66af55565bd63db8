"""The second round: control groups (step 7) and the measured effect of each offer (step 8)."""

from __future__ import annotations

import json
import math
import re

import matplotlib
import numpy as np
import pandas as pd
import pytest

from workbench import campaign as wc
from workbench.errors import WorkbenchError
from workbench.narrative import (
    describe_campaign,
    describe_campaign_effect,
    describe_no_campaign,
    format_campaign_effect,
)

matplotlib.use("Agg")

CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def _lists(n: int, name: str = "retain", offer: str = "call") -> pd.DataFrame:
    return pd.DataFrame({"list": name, "offer": offer}, index=[f"{name[:1]}{i:03d}"
                                                               for i in range(n)])


def _tx(rows: list[tuple[str, str, float]], order: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["customer_id"] = frame["customer_id"].astype("string")
    frame["date"] = pd.to_datetime(frame["date"])
    if order:
        frame["order_id"] = pd.array([f"S{i:04d}" for i in range(len(frame))], dtype="string")
    return frame


# --- the control draw -------------------------------------------------------------------------


class TestAssignControl:
    def test_exact_share_per_stratum(self):
        strata = pd.Series(["a"] * 25 + ["b"] * 14 + ["c"] * 4,
                           index=[f"x{i:02d}" for i in range(43)])
        group = wc.assign_control(strata, share=0.2, seed=5)
        control = (group == "control").groupby(strata).sum().to_dict()
        assert control == {"a": 5, "b": 3, "c": 1}  # round(5.0), round(2.8), round(0.8)

    def test_same_seed_same_draw_other_seed_other_draw(self):
        strata = pd.Series(["a"] * 200, index=[f"x{i:03d}" for i in range(200)])
        a = wc.assign_control(strata, 0.1, seed=1)
        assert a.equals(wc.assign_control(strata, 0.1, seed=1))
        assert not a.equals(wc.assign_control(strata, 0.1, seed=2))

    def test_a_stratum_does_not_depend_on_the_others(self):
        ids = [f"x{i:03d}" for i in range(60)]
        alone = wc.assign_control(pd.Series("a", index=ids[:30]), 0.2, seed=3)
        both = wc.assign_control(pd.Series(["a"] * 30 + ["b"] * 30, index=ids), 0.2, seed=3)
        assert alone.equals(both.iloc[:30])

    def test_order_of_rows_does_not_matter(self):
        strata = pd.Series(["a"] * 50, index=[f"x{i:03d}" for i in range(50)])
        shuffled = strata.sample(frac=1.0, random_state=0)
        assert wc.assign_control(strata, 0.3, 4).equals(
            wc.assign_control(shuffled, 0.3, 4).reindex(strata.index))

    def test_zero_share_holds_out_nobody(self):
        group = wc.assign_control(pd.Series("a", index=["p", "q", "r"]), 0.0)
        assert (group == "treated").all()

    @pytest.mark.parametrize("share", [-0.1, 0.95, "lots", float("nan")])
    def test_bad_share_is_a_clear_error(self, share):
        with pytest.raises(WorkbenchError, match="control_share"):
            wc.assign_control(pd.Series("a", index=["p"]), share)

    def test_duplicate_ids_are_refused(self):
        with pytest.raises(WorkbenchError, match="unique"):
            wc.assign_control(pd.Series("a", index=["p", "p"]), 0.5)


class TestCampaignRecord:
    def test_defaults_start_seed_window(self):
        camp = wc.campaign_from_lists(_lists(30), asof="2025-12-31 17:45")
        assert camp.asof == pd.Timestamp("2025-12-31")
        assert camp.start == pd.Timestamp("2026-01-01")
        assert camp.end == pd.Timestamp("2026-04-01")
        assert camp.seed == 20251231 and camp.control_share == 0.1
        assert len(camp.control) == 3 and len(camp.treated) == 27

    def test_start_must_follow_the_lists(self):
        with pytest.raises(WorkbenchError, match="after the lists"):
            wc.campaign_from_lists(_lists(3), asof="2025-12-31", start="2025-12-31")

    def test_round_trip_is_exact_and_byte_identical(self, tmp_path):
        lists = pd.concat([_lists(40), _lists(12, "win_back", "«Вернём» = скидка")])
        camp = wc.campaign_from_lists(lists, asof="2025-12-31", success_rate=0.3,
                                      offer_cost=114.8, currency="RUB", seed=9)
        a = wc.write_campaign(camp, tmp_path / "a")
        b = wc.write_campaign(camp, tmp_path / "b.json")
        assert a.name == "campaign.json" and a.read_bytes() == b.read_bytes()
        back = wc.read_campaign(tmp_path / "a")
        pd.testing.assert_frame_equal(back.clients, camp.clients)
        assert (back.asof, back.start, back.seed, back.success_rate, back.offer_cost) == (
            camp.asof, camp.start, 9, 0.3, 114.8)
        data = json.loads(a.read_text(encoding="utf-8"))
        assert data["control_share"] == 0.1 and len(data["clients"]) == 52
        assert "«Вернём» = скидка" in a.read_text(encoding="utf-8")  # readable, not escaped

    def test_counts_per_list(self):
        lists = pd.concat([_lists(40), _lists(12, "win_back")])
        counts = wc.campaign_from_lists(lists, asof="2025-12-31").counts()
        assert counts.loc["retain"].tolist() == [36, 4, 40]
        assert counts.loc["win_back"].tolist() == [11, 1, 12]

    @pytest.mark.parametrize("change, message", [
        (lambda d: d.update(format="other"), "not a campaign record"),
        (lambda d: d.pop("start"), "'start' is missing"),
        (lambda d: d["clients"].append(dict(d["clients"][0])), "listed twice"),
        (lambda d: d["clients"][0].update(group="maybe"), "treated or control"),
        (lambda d: d.update(start="not a date"), "bad date"),
    ])
    def test_broken_records_name_the_problem(self, change, message):
        data = wc.campaign_from_lists(_lists(5), asof="2025-12-31").to_dict()
        change(data)
        with pytest.raises(WorkbenchError, match=message):
            wc.Campaign.from_dict(data)

    def test_missing_file_and_bad_json(self, tmp_path):
        with pytest.raises(WorkbenchError, match="not found"):
            wc.read_campaign(tmp_path)
        (tmp_path / "campaign.json").write_text("{oops", encoding="utf-8")
        with pytest.raises(WorkbenchError, match="not valid JSON"):
            wc.read_campaign(tmp_path)


# --- the measurement on hand-built frames -----------------------------------------------------


def _planted(n_list: int = 20, bought_t: int = 8, bought_c: int = 5):
    """20 clients, half control; ``bought_t`` treated and ``bought_c`` control clients buy."""
    camp = wc.campaign_from_lists(_lists(n_list), asof="2025-12-31", control_share=0.5,
                                  seed=11)
    treated = list(camp.treated.index)
    control = list(camp.control.index)
    rows = [(c, "2026-01-10", 100.0) for c in treated[:bought_t]]
    rows += [(c, "2026-02-10", 50.0) for c in control[:bought_c]]
    return camp, treated, control, rows


class TestMeasure:
    def test_exact_shares_revenue_and_success_rate(self):
        camp, _t, _c, rows = _planted()
        row = wc.measure_campaign(camp, _tx(rows)).table.loc["retain"]
        assert (row["n_treated"], row["n_control"]) == (10, 10)
        assert row["buying_treated"] == pytest.approx(0.8)
        assert row["buying_control"] == pytest.approx(0.5)
        assert row["uplift"] == pytest.approx(0.3)
        assert row["churn_treated"] == pytest.approx(0.2)
        assert row["churn_control"] == pytest.approx(0.5)
        assert row["revenue_treated"] == pytest.approx(80.0)
        assert row["revenue_control"] == pytest.approx(25.0)
        assert row["revenue_uplift"] == pytest.approx(55.0)
        assert row["success_rate"] == pytest.approx(0.6)
        assert row["offer"] == "call"

    def test_agresti_caffo_interval_by_hand(self):
        camp, _t, _c, rows = _planted()
        row = wc.measure_campaign(camp, _tx(rows), level=0.9).table.loc["retain"]
        # p~t = 9/12, p~c = 6/12, se = sqrt(.75*.25/12 + .5*.5/12) = 0.190941; z = 1.644854
        assert row["uplift_low"] == pytest.approx(0.25 - 1.644854 * 0.190941, abs=1e-5)
        assert row["uplift_high"] == pytest.approx(0.25 + 1.644854 * 0.190941, abs=1e-5)
        assert row["verdict"] == "unclear"
        # the observed 30 in 100 needs (1.644854 + 0.841621)^2 (.25 + .16) / .09 = 28.2 -> 29
        assert row["target_uplift"] == pytest.approx(0.3)
        assert row["needed_per_group"] == 29

    def test_assumed_success_rate_sets_the_power_target(self):
        camp, _t, _c, rows = _planted()
        camp.success_rate = 0.4
        row = wc.measure_campaign(camp, _tx(rows)).table.loc["retain"]
        assert row["target_uplift"] == pytest.approx(0.4 * 0.5)
        assert row["needed_per_group"] == wc.sample_size(0.5, 0.2, 0.9, 0.8)

    def test_a_clear_effect_is_kept(self):
        camp = wc.campaign_from_lists(_lists(400), asof="2025-12-31", control_share=0.5, seed=2)
        rows = [(c, "2026-01-05", 10.0) for c in list(camp.treated.index)[:180]]
        rows += [(c, "2026-01-05", 10.0) for c in list(camp.control.index)[:100]]
        effect = wc.measure_campaign(camp, _tx(rows))
        row = effect.table.loc["retain"]
        assert row["verdict"] == "kept" and row["uplift"] == pytest.approx(0.4)
        assert math.isnan(row["needed_per_group"])
        assert effect.overall["verdict"] == "kept"
        assert effect.success_rate == pytest.approx(1 - 0.1 / 0.5)

    def test_harm_is_lost(self):
        camp = wc.campaign_from_lists(_lists(400), asof="2025-12-31", control_share=0.5, seed=2)
        rows = [(c, "2026-01-05", 10.0) for c in list(camp.treated.index)[:40]]
        rows += [(c, "2026-01-05", 10.0) for c in list(camp.control.index)[:150]]
        assert wc.measure_campaign(camp, _tx(rows)).table.loc["retain", "verdict"] == "lost"

    def test_window_bounds_and_net_orders(self):
        camp, treated, control, _rows = _planted(bought_t=0, bought_c=0)
        a, b, c, d = treated[:4]
        rows = [
            (a, "2025-12-31 23:00", 100.0),  # before the start: not counted
            (b, "2026-04-01 00:00", 100.0),  # the day after the window: not counted
            (c, "2026-03-31 23:59", 40.0),  # last day of the window: counted
        ]
        frame = _tx(rows)
        # d buys and returns the whole order: net zero, not a purchase; revenue 0
        ret = pd.DataFrame({"customer_id": pd.array([d, d], dtype="string"),
                            "date": pd.to_datetime(["2026-01-03", "2026-01-09"]),
                            "amount": [60.0, -60.0],
                            "order_id": pd.array(["S9000", "S9000"], dtype="string")})
        effect = wc.measure_campaign(camp, pd.concat([frame, ret], ignore_index=True))
        got = effect.clients
        assert got.loc[[a, b, c, d], "bought"].tolist() == [False, False, True, False]
        assert got.loc[[a, b, c, d], "revenue"].tolist() == [0.0, 0.0, 40.0, 0.0]
        assert effect.table.loc["retain", "buying_treated"] == pytest.approx(0.1)

    def test_without_order_ids_a_positive_row_is_a_purchase(self):
        camp, _t, _c, rows = _planted()
        row = wc.measure_campaign(camp, _tx(rows, order=False)).table.loc["retain"]
        assert row["uplift"] == pytest.approx(0.3)

    def test_partial_window_is_flagged(self):
        camp, _t, _c, rows = _planted()
        effect = wc.measure_campaign(camp, _tx(rows))
        assert not effect.complete and effect.observed_until == pd.Timestamp("2026-02-10")
        full = _tx([*rows, ("zzz", "2026-03-31", 1.0)])  # someone else bought on the last day
        assert wc.measure_campaign(camp, full).complete

    def test_list_without_control_cannot_be_measured(self):
        lists = pd.concat([_lists(40), _lists(4, "cherish")])
        camp = wc.campaign_from_lists(lists, asof="2025-12-31", control_share=0.1)
        effect = wc.measure_campaign(camp, _tx([("r000", "2026-01-02", 5.0)]))
        row = effect.table.loc["cherish"]
        assert row["n_control"] == 0 and row["verdict"] == "no_control"
        assert effect.overall["n_control"] == 4  # only the retain list's four

    def test_pooled_success_rate_weights_lists_by_size(self):
        a = wc.campaign_from_lists(_lists(20), asof="2025-12-31", control_share=0.5, seed=1)
        b = wc.campaign_from_lists(_lists(60, "win_back"), asof="2025-12-31",
                                   control_share=0.5, seed=1)
        camp = wc.Campaign(clients=pd.concat([a.clients, b.clients]), asof=a.asof,
                           start=a.start, control_share=0.5)
        rows = [(c, "2026-01-05", 1.0) for c in list(a.treated.index)[:8]]  # churn_t .2
        rows += [(c, "2026-01-05", 1.0) for c in list(a.control.index)[:5]]  # churn_c .5
        rows += [(c, "2026-01-05", 1.0) for c in list(b.treated.index)[:15]]  # churn_t .5
        rows += [(c, "2026-01-05", 1.0) for c in list(b.control.index)[:12]]  # churn_c .6
        effect = wc.measure_campaign(camp, _tx(rows))
        w = np.array([20, 60]) / 80
        expected = 1 - (w @ [0.2, 0.5]) / (w @ [0.5, 0.6])
        assert effect.overall["success_rate"] == pytest.approx(expected)
        assert effect.overall["uplift"] == pytest.approx(w @ [0.3, 0.1])
        assert effect.success_rates() == pytest.approx({"retain": 0.6, "win_back": 1 - 0.5 / 0.6})
        lo, hi = effect.overall["success_low"], effect.overall["success_high"]
        assert lo < expected < hi

    def test_bootstrap_is_seeded(self):
        camp, _t, _c, rows = _planted()
        a = wc.measure_campaign(camp, _tx(rows), seed=4).table
        b = wc.measure_campaign(camp, _tx(rows), seed=4).table
        pd.testing.assert_frame_equal(a, b)

    def test_bad_inputs(self):
        camp, _t, _c, rows = _planted()
        with pytest.raises(WorkbenchError, match="level"):
            wc.measure_campaign(camp, _tx(rows), level=1.2)
        with pytest.raises(WorkbenchError, match="amount"):
            wc.measure_campaign(camp, _tx(rows).drop(columns="amount"))


class TestSampleSize:
    def test_textbook_value(self):
        # 50 % vs 60 %, two-sided 5 %, power 80 %: 385 per group (Fleiss without correction)
        assert wc.sample_size(0.5, 0.1, level=0.95, power=0.8) == 385

    def test_no_effect_or_impossible_share_is_nan(self):
        assert math.isnan(wc.sample_size(0.5, 0.0))
        assert math.isnan(wc.sample_size(0.95, 0.1))

    def test_smaller_effects_need_more_clients(self):
        assert wc.sample_size(0.5, 0.05) > 3.5 * wc.sample_size(0.5, 0.1)


# --- the planted effect over many seeds -------------------------------------------------------


def _coverage(seeds: range, n: int, success: float, churn: float = 0.4) -> tuple[float, float]:
    truth = success * churn
    covered = positive = 0
    for seed in seeds:
        camp, tx = wc.simulate_campaign(n, churn=churn, success_rate=success, seed=seed)
        row = wc.measure_campaign(camp, tx, n_boot=200).table.loc["retain"]
        covered += row["uplift_low"] <= truth <= row["uplift_high"]
        positive += row["verdict"] != "unclear"
    return covered / len(seeds), positive / len(seeds)


def test_planted_effect_is_covered_and_no_effect_is_not_found():
    """90 % intervals: the planted uplift (0.3 x 0.4 = 12 in 100) is inside in most seeds, and
    with nothing planted the verdict says "unclear" in about 90 % of them."""
    coverage, _found = _coverage(range(80), 600, success=0.3)
    assert coverage >= 0.83
    null_coverage, false_positive = _coverage(range(80), 600, success=0.0)
    assert null_coverage >= 0.83
    assert false_positive <= 0.17


@pytest.mark.slow
def test_planted_effect_over_many_seeds():
    coverage, found = _coverage(range(1000, 1400), 1000, success=0.3)
    assert coverage >= 0.86
    assert found >= 0.5  # 12 in 100 with 100 control clients is seen in most rounds
    _null, false_positive = _coverage(range(1000, 1400), 1000, success=0.0)
    assert 0.05 <= false_positive <= 0.15


def test_simulated_success_rate_is_recovered_on_a_large_list():
    camp, tx = wc.simulate_campaign(20000, churn=0.5, success_rate=0.3, control_share=0.5,
                                    seed=1)
    effect = wc.measure_campaign(camp, tx)
    assert effect.success_rate == pytest.approx(0.3, abs=0.03)
    assert effect.overall["success_low"] < 0.3 < effect.overall["success_high"]


# --- the folder of the second round -----------------------------------------------------------


def _folder(tmp_path, with_followup: bool = True):
    camp, treated, control, rows = _planted()
    folder = tmp_path / "client"
    folder.mkdir()
    history = pd.DataFrame({"customer_id": [*treated, *control],
                            "date": "2025-06-01", "amount": 10.0})
    history.to_csv(folder / "transactions.csv", index=False)
    wc.write_campaign(camp, folder)
    if with_followup:
        (folder / "followup").mkdir()
        later = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
        later.to_csv(folder / "followup" / "transactions.csv", index=False)
    return folder, camp


class TestSecondRoundFolder:
    def test_no_record_is_none(self, tmp_path):
        import workbench

        folder, _camp = _folder(tmp_path)
        (folder / "campaign.json").unlink()
        assert wc.load_second_round(workbench.load_folder(folder)) is None

    def test_record_and_followup_are_found(self, tmp_path):
        import workbench

        folder, camp = _folder(tmp_path)
        loaded = workbench.load_folder(folder)
        assert set(loaded.tables) == {"transactions"}  # nothing of the round leaks into steps 1-7
        assert len(loaded.tables["transactions"]) == 20
        second = wc.load_second_round(loaded)
        assert set(second.files) == {"campaign", "followup"}
        assert len(second.transactions) == 13  # history before the start is left out
        row = wc.measure_campaign(second.campaign, second.transactions).table.loc["retain"]
        assert row["uplift"] == pytest.approx(0.3)

    def test_later_rows_in_the_main_table_count_once(self, tmp_path):
        import workbench

        folder, _camp = _folder(tmp_path)
        main = pd.read_csv(folder / "transactions.csv", dtype=str)
        later = pd.read_csv(folder / "followup" / "transactions.csv", dtype=str)
        pd.concat([main, later]).to_csv(folder / "transactions.csv", index=False)
        second = wc.load_second_round(workbench.load_folder(folder))
        assert len(second.transactions) == 13

    def test_record_without_transactions_after_it(self, tmp_path):
        folder, _camp = _folder(tmp_path, with_followup=False)
        with pytest.raises(WorkbenchError, match="no transactions"):
            wc.load_second_round(folder)

    def test_pseudonymised_ids_still_join(self, tmp_path):
        import workbench

        folder, _camp = _folder(tmp_path)
        loaded = workbench.load_folder(folder, pseudonymize_key="k3y")
        second = wc.load_second_round(loaded, pseudonymize_key="k3y")
        assert second.campaign.pseudonymised
        ids = set(loaded.tables["transactions"]["customer_id"])
        assert set(second.campaign.clients.index) == ids
        assert set(second.transactions["customer_id"]) <= ids
        row = wc.measure_campaign(second.campaign, second.transactions).table.loc["retain"]
        assert row["uplift"] == pytest.approx(0.3)

    def test_measured_rate_is_written_to_the_workshop_file(self, tmp_path):
        import workbench

        folder, camp = _folder(tmp_path)
        second = wc.load_second_round(folder)
        effect = wc.measure_campaign(second.campaign, second.transactions)
        ws = wc.save_success_rate(effect, folder)
        assert ws.get("decisions.success_rate") == pytest.approx(0.6)
        again = workbench.read_workshop(folder)
        assert again.deliverable_settings()["success_rate"] == pytest.approx(0.6)
        assert again.saved["retention"]["by"] == "step 8: measured"


# --- the text and the plot --------------------------------------------------------------------


class TestNarrative:
    def test_plan_sentence_both_languages(self):
        camp = wc.campaign_from_lists(pd.concat([_lists(40), _lists(3, "cherish")]),
                                      asof="2025-12-31", seed=7)
        en, ru = describe_campaign(camp, "en"), describe_campaign(camp, "ru")
        assert "43 customers on 2 lists as of 2025-12-31" in en
        assert "4 customers (10% of each list, drawn at random with seed 7)" in en
        assert "until 2026-03-31" in en and "Cherish" in en and not CYRILLIC.search(en)
        assert "43\u00a0клиента в\u00a02\u00a0списках" in ru.replace(" 2", "\u00a02")
        assert "10\u00a0% каждого списка" in ru and "31.03.2026" in ru

    def test_zero_share_says_nothing_can_be_measured(self):
        camp = wc.campaign_from_lists(_lists(10), asof="2025-12-31", control_share=0)
        assert "cannot be measured" in describe_campaign(camp, "en")

    def test_verdict_sentences(self):
        camp = wc.campaign_from_lists(_lists(400), asof="2025-12-31", control_share=0.5, seed=2)
        rows = [(c, "2026-01-05", 10.0) for c in list(camp.treated.index)[:180]]
        rows += [(c, "2026-01-05", 10.0) for c in list(camp.control.index)[:100]]
        effect = wc.measure_campaign(camp, _tx(rows))
        en = describe_campaign_effect(effect, "en")
        assert "of every 100 clients contacted, 40 more were still buying" in en
        assert "90% confidence" in en and "the success rate of the next round" in en
        ru = describe_campaign_effect(effect, "ru")
        assert "покупали на 40 больше" in ru and "90\u00a0%" in ru
        camp2, _t, _c, rows2 = _planted()
        camp2.success_rate = 0.3
        unclear = describe_campaign_effect(wc.measure_campaign(camp2, _tx(rows2)), "en")
        assert "no effect distinguishable from zero with 10 contacted and 10 in control" in unclear
        assert "the effect step 5 assumed (30% of would-be leavers kept, 15 in 100)" in unclear
        assert "so far" in unclear  # the transactions stop in February

    def test_table_headers_and_values(self):
        camp, _t, _c, rows = _planted()
        effect = wc.measure_campaign(camp, _tx(rows))
        en = format_campaign_effect(effect, "en")
        assert en.index.tolist() == ["Retain"]
        assert en.loc["Retain", "Difference, pp"] == "+30"
        assert en.loc["Retain", "Leavers kept"] == "60%"
        ru = format_campaign_effect(effect, "ru")
        assert ru.loc["Удерживать", "Удержано из уходивших"] == "60\u00a0%"
        assert ru.loc["Удерживать", "Вывод"] == "не отличить от нуля"

    def test_no_campaign_sentence(self):
        en, ru = describe_no_campaign("en"), describe_no_campaign("ru")
        assert "campaign.json" in en and "followup/transactions.csv" in en
        assert not CYRILLIC.search(en) and "campaign.json" in ru

    def test_plot_one_interval_per_measurable_list(self):
        from workbench.plotting import plot_campaign_effect

        lists = pd.concat([_lists(40), _lists(4, "cherish")])
        camp = wc.campaign_from_lists(lists, asof="2025-12-31", control_share=0.1)
        effect = wc.measure_campaign(camp, _tx([("r000", "2026-01-02", 5.0)]))
        ax = plot_campaign_effect(effect, language="ru")
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Удерживать"]
        assert "п.\u00a0п." in ax.get_xlabel()


# --- the sample's first round -----------------------------------------------------------------


def test_first_round_lists_rule_by_hand():
    from workbench.datasets import first_round_lists

    asof = "2025-12-31"
    tx = pd.DataFrame({
        "customer_id": pd.array(["b1", "b2", "b3", "p1", "p1", "p2", "p2", "p3", "x"],
                                dtype="string"),
        "date": pd.to_datetime(["2025-11-01", "2025-12-20", "2024-11-01", "2025-08-01",
                                "2025-09-01", "2025-12-01", "2025-12-10", "2025-07-01",
                                "2025-01-01"]),
        "amount": [10.0, 10.0, 10.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0],
        "order_id": pd.array([f"S{i}" for i in range(9)], dtype="string"),
    })
    customers = pd.DataFrame({"customer_id": pd.array(["b1", "b2", "b3", "p1", "p2", "p3", "x"],
                                                      dtype="string"),
                              "type": ["B2B", "B2B", "B2B", "B2C", "B2C", "B2C", "B2C"]})
    lists = first_round_lists(tx, customers, asof)
    # b1: B2B, 60 days -> retain; b2: 11 days, not overdue; b3: 425 days -> win_back;
    # p1: two orders, last 121 days ago -> engage; p2: 21 days; p3: one order, 183 days ->
    # win_back; x: 364 days -> win_back
    assert lists["list"].to_dict() == {"b1": "retain", "b3": "win_back", "p1": "engage",
                                       "p3": "win_back", "x": "win_back"}
    assert set(lists["channel"]) == {"personal_manager", "mass"}


def test_the_sample_ships_a_completed_first_round():
    import workbench
    from workbench.datasets import FIRST_ROUND_EFFECT, sample_dir

    folder = workbench.load_folder(sample_dir())
    assert folder.tables["transactions"]["date"].max() < pd.Timestamp("2026-01-01")
    second = wc.load_second_round(folder)
    assert set(second.files) == {"campaign", "followup"}
    camp = second.campaign
    assert camp.asof == pd.Timestamp("2025-12-31") and camp.control_share == 0.1
    assert set(camp.clients["list"]) == set(FIRST_ROUND_EFFECT)
    assert second.transactions["date"].min() >= pd.Timestamp("2026-01-01")
    effect = wc.measure_campaign(camp, second.transactions)
    assert effect.complete
    # the strongest planted effect (a manager's call) is seen; the e-mail is too weak for
    # its small control group, and the sentence says how many clients the next round needs
    assert effect.table.loc["retain", "verdict"] == "kept"
    assert effect.table.loc["engage", "verdict"] == "unclear"
    assert effect.table.loc["engage", "needed_per_group"] > effect.table.loc["engage",
                                                                             "n_control"]
    assert 0 < effect.success_rate < 1


def test_leads_are_not_in_the_campaign():
    from types import SimpleNamespace

    idx = pd.Index(["000001", "000002", "lead:L1", "000003"], name="customer_id")
    scores = pd.DataFrame({"strategy": ["retain", "retain", "attract", "attract"],
                           "action": ["call"] * 4, "channel": ["phone"] * 4,
                           "status": ["active", "active", "active", "potential"],
                           "rung": ["regular", "regular", "visitor", "potential"]}, index=idx)
    result = SimpleNamespace(scores=scores, asof=pd.Timestamp("2025-12-31"),
                             settings={"control_share": 0.5, "horizon": "60D"})
    camp = wc.plan_campaign(result)
    assert list(camp.clients.index) == ["000001", "000002"]
    assert camp.window == "60D" and len(camp.control) == 1

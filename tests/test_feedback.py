"""Step 8: NPS, complaints, funnel, plan_backwards, loop_check — hand-built tables, written-out results."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal, assert_series_equal

from workbench.errors import InsufficientHistoryError, WorkbenchError
from workbench.feedback import complaints_summary, funnel, loop_check, nps, plan_backwards

Z95 = 1.959963984540054


def _nps_row(nps_, prom, pas, det, n, half):
    return [nps_, prom, pas, det, n, nps_ - half, nps_ + half]


class TestNps:
    def test_exact_shares_and_interval(self):
        out = nps(pd.Series([10, 9, 8, 7, 6, 0, 10, 3]))
        half = 100 * Z95 * math.sqrt(0.75 / 8)
        expected = pd.DataFrame(
            [_nps_row(0.0, 0.375, 0.25, 0.375, 8, half)],
            index=["all"],
            columns=["nps", "promoters", "passives", "detractors", "n", "ci_low", "ci_high"],
        ).astype({"n": "int64"})
        assert_frame_equal(out, expected)

    def test_boundaries_six_is_detractor_nine_is_promoter(self):
        out = nps(pd.Series([6, 7, 8, 9]))
        assert out.loc["all", ["promoters", "passives", "detractors"]].tolist() == [0.25, 0.5, 0.25]
        assert out.loc["all", "nps"] == 0.0

    def test_positive_score_and_confidence_level(self):
        s = pd.Series([10, 10, 10, 9, 7, 0] * 4)
        out = nps(s, confidence=0.9)
        var = (5 / 6 - 0.25) / 24
        half = 100 * 1.6448536269514722 * math.sqrt(var)
        assert out.loc["all", "nps"] == pytest.approx(50.0)
        assert out.loc["all", "ci_low"] == pytest.approx(50 - half)
        assert out.loc["all", "ci_high"] == pytest.approx(50 + half)

    def test_all_promoters_interval_collapses_and_is_clipped(self):
        out = nps(pd.Series([10, 9]))
        assert out.loc["all", ["nps", "ci_low", "ci_high"]].tolist() == [100.0, 100.0, 100.0]
        out = nps(pd.Series([10, 10, 0]))  # wide interval, clipped at 100
        assert out.loc["all", "ci_high"] == 100.0

    def test_empty_gives_n_zero(self):
        out = nps(pd.Series([], dtype="float64"))
        assert out.loc["all", "n"] == 0
        assert out.loc["all", ["nps", "ci_low", "ci_high"]].isna().all()

    def test_missing_answers_are_left_out(self):
        out = nps(pd.Series([10, None, 0], dtype="Int64"))
        assert out.loc["all", "n"] == 2 and out.loc["all", "nps"] == 0.0

    def test_survey_rows_reduced_to_one_per_respondent(self):
        survey = pd.DataFrame(
            {
                "respondent_id": ["r1", "r1", "r1", "r2", "r2", "r3"],
                "attribute": ["a", "b", "c", "a", "b", "a"],
                "nps": pd.array([9, 9, 9, 3, 3, None], dtype="Int64"),
            }
        )
        out = nps(survey)
        assert out.loc["all", ["nps", "n"]].tolist() == [0.0, 2]

    def test_respondent_with_two_scores_is_an_error(self):
        survey = pd.DataFrame({"respondent_id": ["r1", "r1"], "nps": [9, 3]})
        with pytest.raises(WorkbenchError, match="respondent 'r1' has different scores"):
            nps(survey)

    def test_out_of_range_names_the_row(self):
        with pytest.raises(WorkbenchError, match="whole numbers 0-10; row 'x' has 11"):
            nps(pd.Series([5, 11], index=["w", "x"]))
        with pytest.raises(WorkbenchError, match="row 1 has 7.5"):
            nps(pd.Series([5, 7.5]))

    def test_feedback_score_column_must_be_chosen_explicitly(self):
        fb = pd.DataFrame({"customer_id": ["a", "b"], "score": [10, 0]})
        with pytest.raises(WorkbenchError, match="1-5 satisfaction rating.*column='score'"):
            nps(fb)
        assert nps(fb, column="score").loc["all", "nps"] == 0.0
        fb2 = fb.rename(columns={"score": "likelihood"})
        assert nps(fb2, column="likelihood").loc["all", "n"] == 2

    def test_by_column(self):
        frame = pd.DataFrame(
            {"respondent_id": ["1", "2", "3", "4"], "nps": [10, 0, 9, 9], "seg": ["x", "x", "y", "y"]}
        )
        out = nps(frame, by="seg")
        assert out.index.tolist() == ["x", "y"] and out.index.name == "seg"
        assert out["nps"].tolist() == [0.0, 100.0]
        assert out["n"].tolist() == [2, 2]

    def test_by_customer_segment_series_with_unknown_dropped(self):
        frame = pd.DataFrame({"customer_id": ["a", "b", "c", "z"], "nps": [10, 0, 10, 5]})
        segments = pd.Series({"a": "regular", "b": "regular", "c": "advocate"}, name="rung")
        with pytest.warns(UserWarning, match="answers without a group in by=, left out: 1"):
            out = nps(frame, by=segments)
        assert out.index.name == "rung"
        assert out.loc["advocate", "nps"] == 100.0
        assert out.loc["regular", "nps"] == 0.0

    def test_by_month_period(self):
        frame = pd.DataFrame(
            {
                "nps": [10, 0, 9, 8],
                "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-01", "2024-03-31"]),
            }
        )
        out = nps(frame, by="M")
        assert out.index.name == "period"
        assert [str(p) for p in out.index] == ["2024-01", "2024-03"]
        assert out["nps"].tolist() == [0.0, 50.0]
        out_q = nps(frame, by="Q")
        assert out_q["n"].tolist() == [4]

    def test_by_two_groupers(self):
        frame = pd.DataFrame(
            {"nps": [10, 0, 9], "seg": ["x", "x", "y"],
             "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-02-02"])}
        )
        out = nps(frame, by=["seg", "M"])
        assert out.index.names == ["seg", "period"]
        assert len(out) == 3

    def test_bad_by(self):
        with pytest.raises(WorkbenchError, match="by= must be a column name"):
            nps(pd.DataFrame({"nps": [1]}), by="nonexistent")

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.integers(0, 10), min_size=1, max_size=60))
    def test_properties(self, scores):
        row = nps(pd.Series(scores)).loc["all"]
        assert -100 <= row["ci_low"] <= row["nps"] <= row["ci_high"] <= 100
        assert row["promoters"] + row["passives"] + row["detractors"] == pytest.approx(1.0)
        assert row["nps"] == pytest.approx(100 * (row["promoters"] - row["detractors"]))


def _feedback():
    rows = [
        ("c1", "2024-01-10", "complaint", "delivery", "phone", "2024-01-12"),
        ("c2", "2024-01-15", "complaint", "quality", "email", "2024-01-25"),
        ("c3", "2024-02-01", "complaint", "delivery", "phone", None),
        ("c4", "2024-05-20", "complaint", "delivery", "email", "2024-05-21"),
        ("c5", "2024-03-01", "refusal", "price", "phone", None),
        ("c6", "2024-03-02", "refusal", "price", "phone", None),
        ("c7", "2024-03-03", "refusal", "delivery", "visit", None),
        ("c1", "2024-03-05", "question", "delivery", "phone", None),
        ("c2", "2024-06-20", "complaint", "quality", "phone", "2024-07-10"),
        ("c2", "2024-08-01", "complaint", "quality", "phone", None),  # after asof: ignored
    ]
    fb = pd.DataFrame(
        rows, columns=["customer_id", "date", "kind", "category", "channel", "resolved_date"]
    )
    fb["date"] = pd.to_datetime(fb["date"])
    fb["resolved_date"] = pd.to_datetime(fb["resolved_date"])
    return fb


def _tx():
    rows = [
        ("c1", "2024-01-05"), ("c1", "2024-05-01"),
        ("c2", "2024-01-01"),
        ("c3", "2024-01-20"),
        ("c4", "2024-02-01"),
        ("c5", "2024-02-10"), ("c5", "2024-06-01"),
        ("c6", "2024-01-01"),
        ("c8", "2024-05-05"),
        ("c9", "2024-07-15"),
    ]
    tx = pd.DataFrame(rows, columns=["customer_id", "date"])
    tx["date"] = pd.to_datetime(tx["date"])
    tx["amount"] = 100.0
    return tx


class TestComplaintsSummary:
    def test_overview_and_resolution_times(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        expected = pd.Series(
            {
                "n_contacts": 9.0, "n_complaints": 5.0, "n_resolved": 3.0, "share_resolved": 0.6,
                "n_open": 2.0, "median_days": 2.0, "mean_days": 13 / 3, "n_refusals": 3.0,
            }
        )
        assert_series_equal(res.overview, expected)
        assert res.churn is None and res.customers is None

    def test_by_category_and_channel(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        cat = pd.DataFrame(
            {
                "complaints": [3, 2], "share": [0.6, 0.4], "resolved": [2, 1],
                "share_resolved": [2 / 3, 0.5], "median_days": [1.5, 10.0],
                "mean_days": [1.5, 10.0],
            },
            index=pd.Index(["delivery", "quality"], name="category", dtype="string"),
        )
        assert_frame_equal(res.by_category, cat)
        assert res.by_channel.index.tolist() == ["phone", "email"]
        assert res.by_channel["median_days"].tolist() == [2.0, 5.5]

    def test_open_complaints_oldest_first(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        assert res.open["customer_id"].tolist() == ["c3", "c2"]
        assert res.open["age_days"].tolist() == [150.0, 10.0]

    def test_refusal_pareto(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        expected = pd.DataFrame(
            {"count": [2, 1], "share": [2 / 3, 1 / 3], "cumulative_share": [2 / 3, 1.0]},
            index=pd.Index(["price", "delivery"], name="category", dtype="string"),
        )
        assert_frame_equal(res.refusals, expected)

    def test_churn_of_complainers(self):
        res = complaints_summary(_feedback(), _tx(), asof="2024-06-30", horizon="90D")
        assert res.window_start == pd.Timestamp("2024-04-01")
        expected = pd.DataFrame(
            {"n_customers": [2, 2, 1], "n_lost": [1, 1, 1], "churn_rate": [0.5, 0.5, 1.0]},
            index=pd.Index(["never_complained", "resolved", "unresolved"], name="group"),
        )
        assert_frame_equal(res.churn, expected)
        # c4 complained only inside the window -> left out; c8 first bought inside it -> left out
        assert res.customers.index.tolist() == ["c1", "c2", "c3", "c5", "c6"]
        assert res.customers["lost"].tolist() == [False, True, True, False, True]

    def test_asof_defaults_to_last_transaction(self):
        res = complaints_summary(_feedback(), _tx(), horizon="90D")
        assert res.asof == pd.Timestamp("2024-07-15")

    def test_unknown_kind_names_row(self):
        fb = _feedback()
        fb.loc[3, "kind"] = "complain"
        with pytest.raises(WorkbenchError, match="row 3 has 'complain'"):
            complaints_summary(fb)

    def test_resolved_before_received_is_an_error(self):
        fb = _feedback()
        fb.loc[0, "resolved_date"] = pd.Timestamp("2024-01-01")
        with pytest.raises(WorkbenchError, match="row 0 is resolved"):
            complaints_summary(fb)

    def test_no_complaints(self):
        fb = _feedback()
        fb = fb[fb["kind"] != "complaint"]
        res = complaints_summary(fb)
        assert res.overview["n_complaints"] == 0
        assert np.isnan(res.overview["share_resolved"])
        assert len(res.by_category) == 0 and len(res.open) == 0


def _leads():
    return pd.DataFrame(
        {
            "lead_id": [str(i) for i in range(9)],
            "source": ["A", "A", "A", "A", "A", "B", "B", "B", None],
            "stage": ["call", "proposal", "meeting", "deal", "Deal", "call", "call", "proposal",
                      "meeting"],
            "date": pd.to_datetime(["2024-01-01"] * 9),
        }
    )


class TestFunnel:
    def test_by_source(self):
        out = funnel(_leads())
        nan = np.nan
        expected = pd.DataFrame(
            {
                "source": ["A"] * 4 + ["B"] * 4 + ["unknown"] * 4,
                "stage": ["call", "proposal", "meeting", "deal"] * 3,
                "reached": [5, 4, 3, 2, 3, 1, 0, 0, 1, 1, 1, 0],
                "step_conversion": [nan, 0.8, 0.75, 2 / 3, nan, 1 / 3, 0.0, nan, nan, 1.0, 1.0, 0.0],
                "overall_conversion": [1, 0.8, 0.6, 0.4, 1, 1 / 3, 0, 0, 1, 1, 1, 0],
            }
        )
        expected["overall_conversion"] = expected["overall_conversion"].astype("float64")
        assert_frame_equal(out, expected)

    def test_overall(self):
        out = funnel(_leads(), by=None)
        assert out["reached"].tolist() == [9, 6, 4, 2]
        assert list(out.columns) == ["stage", "reached", "step_conversion", "overall_conversion"]

    def test_empty(self):
        out = funnel(_leads().iloc[:0], by=None)
        assert out["reached"].tolist() == [0, 0, 0, 0]
        assert out["overall_conversion"].isna().all()

    def test_bad_stage(self):
        leads = _leads()
        leads.loc[2, "stage"] = "lunch"
        with pytest.raises(WorkbenchError, match="row 2 has 'lunch'"):
            funnel(leads)


class TestPlanBackwards:
    def test_method_example_80_40_4_1(self):
        out = plan_backwards(1, [0.5, 0.1, 0.25])
        expected = pd.DataFrame(
            {"needed": [80, 40, 4, 1], "conversion": [np.nan, 0.5, 0.1, 0.25]},
            index=pd.Index(["call", "proposal", "meeting", "deal"], name="stage"),
        )
        assert_frame_equal(out, expected)

    def test_rounding_up_without_float_noise(self):
        # 12 / 0.1 is 120.00000000000001 in floating point: still 120 proposals
        assert plan_backwards(3, {"proposal": 0.5, "meeting": 0.1, "deal": 0.25})[
            "needed"
        ].tolist() == [240, 120, 12, 3]
        assert plan_backwards(1, [0.3, 0.3, 0.3])["needed"].tolist() == [47, 14, 4, 1]  # 4 / 0.3 -> 14, 14 / 0.3 -> 47

    def test_from_funnel_output(self):
        leads = pd.DataFrame({"stage": ["call"] * 4 + ["proposal"] * 2 + ["meeting", "deal"]})
        conv = funnel(leads, by=None)  # 8 -> 4 -> 2 -> 1: all 0.5
        assert plan_backwards(2, conv)["needed"].tolist() == [16, 8, 4, 2]

    def test_funnel_with_several_groups_is_an_error(self):
        with pytest.raises(WorkbenchError, match="several 'source' groups"):
            plan_backwards(1, funnel(_leads()))

    @pytest.mark.parametrize("bad", [[0.5, 0.0, 0.2], [0.5, 1.2, 0.2], [0.5, 0.1]])
    def test_bad_conversions(self, bad):
        with pytest.raises(WorkbenchError, match="conversion"):
            plan_backwards(1, bad)

    def test_zero_target(self):
        assert plan_backwards(0, [0.5, 0.1, 0.25])["needed"].tolist() == [0, 0, 0, 0]


def _loop_tx():
    rows = [
        ("a", "2024-02-01"),
        ("b", "2024-04-15"),
        ("c", "2024-01-01"),
        ("d", "2024-05-01"),
        ("z", "2024-07-01"),
    ]
    tx = pd.DataFrame(rows, columns=["customer_id", "date"])
    tx["date"] = pd.to_datetime(tx["date"])
    tx["amount"] = 1.0
    return tx


PRED = pd.Series({"a": 0.9, "b": 0.8, "c": 0.2, "d": 0.1, "e": 0.6})


class TestLoopCheck:
    def test_two_by_two_exact(self):
        res = loop_check(PRED, _loop_tx(), asof="2024-03-31", horizon="90D")
        expected = pd.DataFrame(
            {"left": [2, 1], "stayed": [1, 1]},
            index=pd.Index(["predicted_leave", "predicted_stay"], name="prediction"),
        )
        assert_frame_equal(res.table, expected)
        assert res.customers["outcome"].tolist() == [
            "caught", "false_alarm", "missed", "stayed", "caught"
        ]
        m = res.metrics
        assert m["hit_rate"] == pytest.approx(2 / 3)
        assert m["recall"] == pytest.approx(2 / 3)
        assert m["accuracy"] == pytest.approx(3 / 5)
        assert m["base_rate"] == pytest.approx(3 / 5)
        assert m["lift"] == pytest.approx(10 / 9)
        assert res.by_contact is None
        assert res.end == pd.Timestamp("2024-06-29")

    def test_contacted_three_way(self):
        res = loop_check(PRED, _loop_tx(), asof="2024-03-31", contacted={"a", "b"})
        bc = res.by_contact
        assert bc.loc[(True, True)].tolist() == [2, 1, 0.5]
        assert bc.loc[(True, False)].tolist() == [1, 1, 1.0]
        assert bc.loc[(False, True), "n"] == 0 and np.isnan(bc.loc[(False, True), "churn_rate"])
        assert bc.loc[(False, False)].tolist() == [2, 1, 0.5]
        as_series = loop_check(
            PRED, _loop_tx(), asof="2024-03-31", contacted=pd.Series({"a": True, "b": 1, "c": 0})
        )
        assert as_series.customers["contacted"].tolist() == [True, True, False, False, False]

    def test_binary_predictions_and_threshold(self):
        res = loop_check(
            pd.Series({"a": 1, "c": 0}), _loop_tx(), asof="2024-03-31"
        )
        assert res.table.to_numpy().tolist() == [[1, 0], [1, 0]]
        res = loop_check(PRED, _loop_tx(), asof="2024-03-31", threshold=0.85)
        assert res.metrics["n_predicted"] == 1

    def test_data_must_reach_asof_plus_horizon(self):
        with pytest.raises(InsufficientHistoryError, match="needs data up to 2024-07-14"):
            loop_check(PRED, _loop_tx(), asof="2024-04-15", horizon="90D")

    def test_bad_probability(self):
        with pytest.raises(WorkbenchError, match="customer 'a' has 1.5"):
            loop_check(pd.Series({"a": 1.5}), _loop_tx(), asof="2024-03-31")



@pytest.fixture(scope="module")
def sample():
    datasets = pytest.importorskip("workbench.datasets")
    if hasattr(datasets, "load_sample"):
        try:
            return datasets.load_sample()
        except Exception:  # files not written yet: generate the same business in memory
            pass
    return datasets.generate_sample()


class TestOnSample:
    def test_unresolved_complainers_leave_more_often(self, sample):
        res = complaints_summary(sample["feedback"], sample["transactions"], horizon="180D")
        rates = res.churn["churn_rate"]
        assert rates["unresolved"] > rates["resolved"] + 0.2
        assert rates["unresolved"] > rates["never_complained"]
        assert 0 < res.overview["share_resolved"] < 1
        assert res.refusals["cumulative_share"].iloc[-1] == pytest.approx(1.0)

    def test_nps_funnel_and_plan(self, sample):
        out = nps(sample["survey"], by="Q")
        assert (out["n"] > 0).all() and out["nps"].between(-100, 100).all()
        f = funnel(sample["leads"])
        assert (f.groupby("source")["reached"].diff().dropna() <= 0).all()
        plan = plan_backwards(5, funnel(sample["leads"], by=None))
        assert plan["needed"].is_monotonic_decreasing and plan.loc["deal", "needed"] == 5

    def test_loop_check_runs(self, sample):
        tx = sample["transactions"]
        asof = tx["date"].max() - pd.Timedelta(days=120)
        last = tx.loc[tx["date"] <= asof].groupby("customer_id")["date"].max()
        pred = ((asof - last).dt.days > 120).astype(float)
        res = loop_check(pred, tx, asof=asof, horizon="90D")
        assert res.metrics["n"] == len(pred)
        assert res.metrics["hit_rate"] > res.metrics["base_rate"]

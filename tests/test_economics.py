"""Retention economics: expected value, the retention plan and the money confusion matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal, assert_series_equal

from workbench.economics import expected_value, money_confusion, retention_plan
from workbench.errors import WorkbenchError


def ids(*names):
    return pd.Index(list(names), dtype="string", name="customer_id")


class TestExpectedValue:
    TX = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "b", "c"],
            "date": pd.to_datetime(
                ["2023-06-01", "2024-03-01", "2024-06-01", "2024-12-21", "2025-01-05"]
            ),
            "amount": [1000.0, 365.0, -65.0, 50.0, 10.0],
        }
    )

    def test_run_rate_over_last_year(self):
        got = expected_value(self.TX, "2024-12-31", horizon="90D")
        # a: 2023-06-01 is outside the 365-day lookback; net 300 over 365 days -> 300/365*90
        # b: known for 10 days -> divided by the 30-day floor
        want = pd.Series([300 / 365 * 90, 50 / 30 * 90], index=ids("a", "b"), name="expected_value")
        assert_series_equal(got, want)

    def test_cost_gives_margin_and_margin_rate_applies_without_cost(self):
        with_cost = self.TX.assign(cost=[500.0, 165.0, -30.0, 20.0, 5.0])
        got = expected_value(with_cost, "2024-12-31", horizon=365)
        assert got["a"] == pytest.approx(365 - 165 - 65 + 30)
        got = expected_value(self.TX, "2024-12-31", horizon=365, margin=0.5)
        assert got["a"] == pytest.approx(150.0)

    def test_calendar_month_horizon(self):
        got = expected_value(self.TX, "2024-12-31", horizon="3M")  # Dec 31 + 3M = Mar 31: 90 days
        assert got["a"] == pytest.approx(300 / 365 * 90)

    def test_bad_margin(self):
        with pytest.raises(WorkbenchError, match="margin must be a rate"):
            expected_value(self.TX, "2024-12-31", margin=25)


class TestRetentionPlan:
    P = pd.Series([0.9, 0.5, 0.2, 0.6], index=ids("a", "b", "c", "d"), name="churn_probability")
    V = pd.Series([100.0, 1000.0, 1000.0, 10.0], index=ids("a", "b", "c", "d"))

    def test_hand_computed_plan(self):
        plan = retention_plan(self.P, self.V, offer_cost=20.0, success_rate=0.5)
        # gains: a 0.9*0.5*100-20=25, b 0.5*0.5*1000-20=230, c 80, d 0.6*0.5*10-20=-17
        want = pd.DataFrame(
            {
                "churn_probability": [0.5, 0.2, 0.9, 0.6],
                "value": [1000.0, 1000.0, 100.0, 10.0],
                "value_at_risk": [500.0, 200.0, 90.0, 6.0],
                "expected_gain": [230.0, 80.0, 25.0, -17.0],
                "rank": [1, 2, 3, 4],
                "cumulative_gain": [230.0, 310.0, 335.0, 318.0],
                "target": [True, True, True, False],
            },
            index=ids("b", "c", "a", "d"),
        )
        assert_frame_equal(plan.table, want)
        assert plan.n_target == 3
        assert plan.total_gain == pytest.approx(335.0)
        assert plan.threshold == pytest.approx(25.0)
        assert plan.curve["cumulative_gain"].tolist() == [0.0, 230.0, 310.0, 335.0, 318.0]
        assert list(plan.targets.index) == ["b", "c", "a"]

    def test_rank_by_probability_finds_the_best_cutoff(self):
        plan = retention_plan(self.P, self.V, 20.0, 0.5, rank_by="probability")
        assert list(plan.table.index) == ["a", "d", "b", "c"]
        # cumulative: 25, 8, 238, 318 -> target all four
        assert plan.n_target == 4
        assert plan.total_gain == pytest.approx(318.0)
        assert plan.threshold == pytest.approx(0.2)

    def test_nobody_worth_it(self):
        plan = retention_plan(self.P, self.V, offer_cost=10_000.0, success_rate=0.1)
        assert plan.n_target == 0 and plan.total_gain == 0.0 and np.isnan(plan.threshold)
        assert not plan.table["target"].any()

    def test_segment_rollup(self):
        seg = pd.Series(["X", "Y", "X", "Y"], index=ids("a", "b", "c", "d"))
        plan = retention_plan(self.P, self.V, 20.0, 0.5, segments=seg)
        want = pd.DataFrame(
            {
                "n": [2, 2],
                "n_target": [2, 1],
                "value_at_risk": [290.0, 506.0],
                "expected_gain": [105.0, 230.0],
                "mean_probability": [0.55, 0.55],
            },
            index=pd.Index(["X", "Y"], name="segment"),
        )
        assert_frame_equal(plan.by_segment, want, check_dtype=False)
        assert plan.table.loc["a", "segment"] == "X"

    def test_margin_scales_value_and_per_client_costs(self):
        cost = pd.Series([1.0, 2.0, 3.0, 4.0], index=self.P.index)
        plan = retention_plan(self.P, self.V, cost, 1.0, margin=0.1)
        assert plan.table.loc["a", "expected_gain"] == pytest.approx(0.9 * 10 - 1)
        assert plan.table.loc["d", "expected_gain"] == pytest.approx(0.6 * 1 - 4)

    def test_missing_value_for_a_client_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="value has no value for 1 client"):
            retention_plan(self.P, self.V.drop("d"), 1.0, 0.5)

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"success_rate": 1.5}, "success_rate"),
            ({"offer_cost": -1}, "offer_cost"),
            ({"rank_by": "value"}, "rank_by"),
        ],
    )
    def test_bad_arguments(self, kwargs, match):
        args = {"offer_cost": 1.0, "success_rate": 0.5, **kwargs}
        with pytest.raises(WorkbenchError, match=match):
            retention_plan(self.P, self.V, **args)

    @settings(max_examples=40, deadline=None)
    @given(
        st.lists(
            st.tuples(st.floats(0, 1), st.floats(-100, 1000)), min_size=1, max_size=30
        ),
        st.floats(0, 200),
        st.floats(0, 1),
    )
    def test_optimum_equals_sum_of_positive_gains(self, rows, cost, success):
        index = ids(*[f"c{i:02d}" for i in range(len(rows))])
        p = pd.Series([r[0] for r in rows], index=index)
        v = pd.Series([r[1] for r in rows], index=index)
        plan = retention_plan(p, v, cost, success)
        gains = p * success * v - cost
        assert plan.total_gain == pytest.approx(gains[gains > 0].sum(), abs=1e-6)
        assert plan.total_gain >= 0
        assert plan.curve["cumulative_gain"].max() == pytest.approx(plan.total_gain)
        assert plan.table["rank"].tolist() == list(range(1, len(rows) + 1))


class TestMoneyConfusion:
    P = pd.Series([0.9, 0.7, 0.4, 0.1], index=ids("a", "b", "c", "d"))
    Y = pd.Series([1, 0, 1, 0], index=ids("a", "b", "c", "d"))
    V = pd.Series([100.0, 200.0, 300.0, 400.0], index=ids("a", "b", "c", "d"))

    def test_cells_in_money(self):
        got = money_confusion(self.P, self.Y, self.V, offer_cost=10.0, success_rate=0.5,
                              threshold=0.5)
        want = pd.DataFrame(
            {"n": [1, 1, 1, 1], "money": [40.0, -300.0, -10.0, 0.0]},
            index=pd.MultiIndex.from_tuples(
                [("churned", "targeted"), ("churned", "not_targeted"),
                 ("stayed", "targeted"), ("stayed", "not_targeted")],
                names=["actual", "decision"],
            ),
        )
        assert_frame_equal(got, want)
        assert got.attrs["net"] == pytest.approx(30.0)
        assert got.attrs["n_targeted"] == 2

    def test_threshold_zero_targets_everyone(self):
        got = money_confusion(self.P, self.Y, self.V, 10.0, 0.5, threshold=0.0)
        assert got.attrs["n_targeted"] == 4
        assert got.loc[("churned", "not_targeted"), "n"] == 0

    def test_actual_must_be_binary(self):
        with pytest.raises(WorkbenchError, match="actual must hold 1"):
            money_confusion(self.P, self.Y * 2, self.V, 1.0, 0.5, 0.5)

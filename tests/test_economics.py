"""Retention economics: expected value, the retention plan and the money confusion matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal, assert_series_equal

from workbench.economics import (
    default_offer_cost,
    expected_value,
    money_confusion,
    retention_plan,
)
from workbench.errors import WorkbenchError
from workbench.narrative import (
    describe_money_confusion,
    describe_retention_plan,
    format_retention_segments,
)


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

    def test_client_with_only_zero_amount_purchases_gets_value_zero(self):
        # the churn model scores every client in the history, so every client needs a value
        tx = pd.concat([self.TX, pd.DataFrame({
            "customer_id": ["z", "z"], "date": pd.to_datetime(["2024-05-01", "2024-11-01"]),
            "amount": [0.0, 0.0]})], ignore_index=True)
        got = expected_value(tx, "2024-12-31", horizon="90D")
        want = pd.Series([300 / 365 * 90, 50 / 30 * 90, 0.0], index=ids("a", "b", "z"),
                         name="expected_value")
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


# ------------------------------------------------------------------------------------------
# read aloud and display: exact sentences and frames on tiny inputs
# ------------------------------------------------------------------------------------------
class TestDescribe:
    P = pd.Series([0.8, 0.5, 0.1], index=ids("a", "b", "c"))
    V = pd.Series([1000.0, 400.0, 1000.0], index=ids("a", "b", "c"))
    SEG = pd.Series(["regular", "buyer", "regular"], index=ids("a", "b", "c"))

    def test_default_offer_cost_is_a_share_of_the_median_positive_value(self):
        assert default_offer_cost(pd.Series([-5.0, 0.0, 100.0, 300.0, 1000.0])) == 30.0
        assert default_offer_cost(self.V, share=0.05) == 50.0

    def test_default_offer_cost_without_positive_values_is_zero(self):
        assert default_offer_cost(pd.Series([0.0, -1.0, np.nan])) == 0.0

    def test_plan_keeps_scalar_settings_and_drops_per_client_ones(self):
        plan = retention_plan(self.P, self.V, 50, 0.3)
        assert (plan.offer_cost, plan.success_rate) == (50.0, 0.3)
        per_client = retention_plan(self.P, self.V, self.V * 0.05, 0.3)
        assert per_client.offer_cost is None

    def test_plan_en_with_segment(self):
        # gains: a 0.8*0.3*1000-50 = 190, b 0.5*0.3*400-50 = 10, c 0.1*0.3*1000-50 = -20
        plan = retention_plan(self.P, self.V, 50, 0.3, segments=self.SEG)
        assert describe_retention_plan(plan, language="en") == (
            "With an offer costing 50 per client that keeps 30% of would-be leavers, it pays "
            "to make it to 2 of 3 clients: expected net gain 200 (the offers cost 100 and are "
            "expected to save 300). Value at risk over the horizon: 1,100 across all clients, "
            "1,000 (91%) among those targeted. Most of the gain is in “Regular”: 1 clients to "
            "target, 190 (95% of the total)."
        )

    def test_plan_ru(self):
        plan = retention_plan(self.P, self.V, 50, 0.3, segments=self.SEG)
        assert describe_retention_plan(plan, language="ru") == (
            "Если предложение стоит 50 на клиента и удерживает 30\u00a0% собиравшихся уйти, его "
            "выгодно сделать 2 из 3 клиентов: ожидаемый чистый эффект 200 (предложения стоят "
            "100, ожидаемо сохранят 300). Ценность под риском за горизонт: 1\u00a0100 по всем "
            "клиентам, 1\u00a0000 (91\u00a0%) — у выбранных. Больше всего эффекта в группе "
            "«Постоянный»: 1 клиентов для предложения, 190 (95\u00a0% от всего)."
        )

    def test_plan_nobody_worth_it(self):
        plan = retention_plan(self.P, self.V, 10_000, 0.3)
        assert describe_retention_plan(plan, language="en") == (
            "At these settings the offer pays for none of the 3 clients: for each of them the "
            "expected saving is below the cost. Value at risk over the horizon: 1,100."
        )

    def test_plan_with_per_client_cost_omits_the_offer_terms(self):
        plan = retention_plan(self.P, self.V, self.V * 0.05, 0.3)
        assert describe_retention_plan(plan, language="en") == (
            "It pays to make the offer to 2 of 3 clients: expected net gain 230. Value at risk "
            "over the horizon: 1,100 across all clients, 1,000 (91%) among those targeted."
        )

    def test_format_segments_translates_headers_and_rungs(self):
        plan = retention_plan(self.P, self.V, 50, 0.3, segments=self.SEG)
        got = format_retention_segments(plan, language="en")
        want = pd.DataFrame(
            {
                "Clients": ["2", "1"], "To target": ["1", "1"], "Value at risk": ["900", "200"],
                "Expected net gain (targeted)": ["190", "10"],
                "Mean churn probability, %": ["45", "50"],
            },
            index=pd.Index(["Regular", "Buyer"], name="Group"),
        )
        assert_frame_equal(got, want)
        ru = format_retention_segments(plan, language="ru")
        assert list(ru.columns)[0] == "Клиентов" and ru.index.name == "Группа"

    def test_format_segments_groups_thousands_with_the_currency(self):
        from workbench._context import get_currency, set_currency

        plan = retention_plan(self.P, self.V * 1000, 50, 0.3, segments=self.SEG)
        before = get_currency()
        set_currency("RUB")
        try:
            ru = format_retention_segments(plan, language="ru")
            en = format_retention_segments(plan, language="en")
        finally:
            set_currency(before)
        assert ru.iloc[0].tolist()[2] == "900\u00a0000\u00a0₽"
        assert en.iloc[0].tolist()[2] == "900,000\u00a0RUB"

    def test_format_segments_needs_a_roll_up(self):
        with pytest.raises(WorkbenchError, match="segments="):
            format_retention_segments(retention_plan(self.P, self.V, 50, 0.3))

    def test_money_confusion_en_and_ru(self):
        p = pd.Series([0.9, 0.7, 0.2], index=ids("a", "b", "c"))
        y = pd.Series([1, 0, 1], index=ids("a", "b", "c"))
        mc = money_confusion(p, y, 1000.0, 100.0, 0.5, threshold=0.5)
        assert describe_money_confusion(mc, language="en") == (
            "Back-test: had every client with a probability of at least 0.50 got the offer, 2 "
            "clients would have been contacted, 1 of whom then left. Net result 300: 400 saved "
            "on leavers, 100 spent on clients who stayed anyway. 1 leavers were not contacted; "
            "they took 1,000 with them."
        )
        assert describe_money_confusion(mc, language="ru") == (
            "Проверка на прошлом: если бы предложение получили все клиенты с вероятностью не "
            "ниже 0,50, это 2 клиентов, из которых 1 потом ушли. Чистый итог 300: сохранено "
            "400 на уходивших, потрачено 100 на тех, кто остался бы и так. 1 ушедших остались "
            "без предложения; они унесли 1\u00a0000."
        )

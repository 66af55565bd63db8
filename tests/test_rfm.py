"""rfm_table: hand-built frames with the expected table written out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench import i18n
from workbench.errors import InsufficientHistoryError, WorkbenchError
from workbench.segmentation.rfm import (
    RFM_SEGMENTS,
    assign_segments,
    quintile_scores,
    rfm_table,
)


def _tx(rows, cols=("customer_id", "date", "amount")):
    frame = pd.DataFrame(rows, columns=list(cols))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _idx(ids):
    return pd.Index(ids, dtype="string", name="customer_id")


class TestRfmTable:
    def test_basic_columns_written_out(self):
        tx = _tx(
            [
                ("a", "2024-01-01", 10.0),
                ("a", "2024-03-01", 30.0),
                ("a", "2024-03-01", 5.0),  # same day, no order_id: one order
                ("b", "2024-02-01", 5.0),
            ]
        )
        out = rfm_table(tx, asof="2024-03-31")
        expected = pd.DataFrame(
            {
                "recency_days": np.array([30, 59], dtype=np.int64),
                "frequency": np.array([2, 1], dtype=np.int64),
                "monetary_total": [45.0, 5.0],
                "monetary_mean": [22.5, 5.0],
                "tenure_days": np.array([90, 59], dtype=np.int64),
                "first_purchase": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                "last_purchase": pd.to_datetime(["2024-03-01", "2024-02-01"]),
            },
            index=_idx(["a", "b"]),
        )
        pd.testing.assert_frame_equal(out[expected.columns], expected, check_dtype=False)
        assert out["first_purchase"].dtype == "datetime64[ns]"
        # two customers: mid-rank percentiles 0.25 / 0.75 -> scores 2 / 4
        assert out["r_score"].tolist() == [4, 2]
        assert out["f_score"].tolist() == [4, 2]
        assert out["m_score"].tolist() == [4, 2]
        assert out["rfm_code"].tolist() == ["444", "222"]
        assert out["rfm_score"].tolist() == [12, 6]
        assert "profit_total" not in out.columns

    @pytest.mark.parametrize("engine", ["pandas", "duckdb"])
    def test_table_can_be_edited_without_touching_anything_else(self, engine):
        """Every column is the table's own, writable array (an analyst edits the table)."""
        tx = _tx([("a", "2024-01-01", 10.0), ("a", "2024-03-01", 30.0),
                  ("b", "2024-02-01", 5.0)]).assign(cost=[4.0, np.nan, 2.0])
        before = tx.copy()
        out = rfm_table(tx, asof="2024-03-31", engine=engine)
        again = rfm_table(tx, asof="2024-03-31", engine=engine)
        for col in out.columns:
            out.loc["a", col] = out.loc["b", col]
        out["frequency"] *= 2
        pd.testing.assert_frame_equal(tx, before)
        pd.testing.assert_frame_equal(rfm_table(tx, asof="2024-03-31", engine=engine), again)
        assert out.loc["a", "frequency"] == 2 and out.loc["a", "segment"] == again.loc["b", "segment"]

    def test_order_id_counts_distinct_orders_same_day(self):
        tx = _tx(
            [
                ("a", "2024-01-01", 10.0, "o1"),
                ("a", "2024-01-01", 20.0, "o2"),
                ("a", "2024-01-01", 1.0, "o2"),
            ],
            ("customer_id", "date", "amount", "order_id"),
        )
        out = rfm_table(tx, asof="2024-01-02")
        assert out.loc["a", "frequency"] == 2
        assert out.loc["a", "monetary_mean"] == pytest.approx(15.5)

    def test_returns_net_per_order(self):
        # o2 fully returned later: not a purchase, its money nets to zero;
        # o3 is a stand-alone refund: not a purchase, money counts in monetary_total
        tx = _tx(
            [
                ("a", "2024-01-01", 100.0, "o1"),
                ("a", "2024-02-01", 50.0, "o2"),
                ("a", "2024-02-10", -50.0, "o2"),
                ("a", "2024-03-01", -20.0, "o3"),
            ],
            ("customer_id", "date", "amount", "order_id"),
        )
        out = rfm_table(tx, asof="2024-03-31")
        row = out.loc["a"]
        assert row["frequency"] == 1
        assert row["monetary_total"] == pytest.approx(80.0)
        assert row["monetary_mean"] == pytest.approx(80.0)
        assert row["last_purchase"] == pd.Timestamp("2024-01-01")
        assert row["recency_days"] == 90

    def test_returns_exclude_drops_negative_lines(self):
        tx = _tx(
            [
                ("a", "2024-01-01", 100.0, "o1"),
                ("a", "2024-02-01", 50.0, "o2"),
                ("a", "2024-02-10", -50.0, "o2"),
                ("a", "2024-03-01", -20.0, "o3"),
            ],
            ("customer_id", "date", "amount", "order_id"),
        )
        out = rfm_table(tx, asof="2024-03-31", returns="exclude")
        assert out.loc["a", "frequency"] == 2
        assert out.loc["a", "monetary_total"] == pytest.approx(150.0)
        assert out.loc["a", "last_purchase"] == pd.Timestamp("2024-02-01")

    def test_customer_with_only_returns_is_left_out(self):
        tx = _tx([("a", "2024-01-01", 10.0), ("b", "2024-01-05", -5.0)])
        out = rfm_table(tx, asof="2024-01-10")
        assert out.index.tolist() == ["a"]

    def test_profit_total_with_cost(self):
        tx = _tx(
            [
                ("a", "2024-01-01", 100.0, 60.0),
                ("a", "2024-01-02", 50.0, np.nan),  # unknown cost: no profit counted
                ("b", "2024-01-03", 10.0, 12.0),
            ],
            ("customer_id", "date", "amount", "cost"),
        )
        out = rfm_table(tx, asof="2024-01-10")
        assert out["profit_total"].tolist() == [40.0, -2.0]

    def test_rows_after_asof_are_ignored(self):
        tx = _tx([("a", "2024-01-01", 10.0), ("a", "2024-06-01", 99.0), ("b", "2024-07-01", 1.0)])
        out = rfm_table(tx, asof="2024-01-31")
        assert out.index.tolist() == ["a"]
        assert out.loc["a", "monetary_total"] == 10.0
        assert out.loc["a", "recency_days"] == 30

    def test_asof_defaults_to_last_date(self):
        tx = _tx([("a", "2024-01-01", 10.0), ("b", "2024-01-11", 1.0)])
        out = rfm_table(tx)
        assert out["recency_days"].tolist() == [10, 0]

    def test_single_customer_gets_neutral_scores(self):
        out = rfm_table(_tx([("a", "2024-01-01", 10.0)]), asof="2024-01-05")
        assert out[["r_score", "f_score", "m_score"]].iloc[0].tolist() == [3, 3, 3]
        # R3 F3: neither "new" (R5) nor "promising" (R4) although frequency is 1
        assert out["segment"].iloc[0] == "need_attention"

    def test_columns_mapping(self):
        tx = pd.DataFrame(
            {"client": ["x"], "when": pd.to_datetime(["2024-01-01"]), "sum": [3.0]}
        )
        out = rfm_table(
            tx, asof="2024-01-02", columns={"client": "customer_id", "when": "date", "sum": "amount"}
        )
        assert out.index.tolist() == ["x"]

    def test_leading_zero_ids_are_kept(self):
        tx = _tx([("00012", "2024-01-01", 1.0), ("12", "2024-01-01", 2.0)])
        tx["customer_id"] = tx["customer_id"].astype("string")
        out = rfm_table(tx, asof="2024-01-01")
        assert out.index.tolist() == ["00012", "12"]

    def test_bad_returns_policy_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="returns must be one of 'net', 'exclude'"):
            rfm_table(_tx([("a", "2024-01-01", 1.0)]), returns="gross")

    def test_asof_before_history_raises(self):
        with pytest.raises(InsufficientHistoryError):
            rfm_table(_tx([("a", "2024-01-01", 1.0)]), asof="2023-01-01")

    def test_custom_segments_replace_defaults(self):
        tx = _tx([("a", "2024-01-01", 10.0), ("b", "2024-01-09", 100.0)])
        rules = {"big": {"monetary_total": (50, None)}}
        out = rfm_table(tx, asof="2024-01-10", segments=rules)
        assert out["segment"].tolist() == ["other", "big"]


class TestScores:
    def test_five_distinct_values(self):
        assert quintile_scores([5, 1, 4, 2, 3]).tolist() == [5, 1, 4, 2, 3]

    def test_lower_is_better(self):
        assert quintile_scores([5, 1, 4, 2, 3], higher_is_better=False).tolist() == [1, 5, 2, 4, 3]

    def test_ties_share_a_score(self):
        # 6 one-off buyers of 10: they span percentiles 0-60% -> mid 30% -> score 2
        s = quintile_scores([1] * 6 + [2, 3, 4, 5])
        assert s.tolist() == [2] * 6 + [4, 4, 5, 5]

    def test_all_equal_is_neutral(self):
        assert set(quintile_scores([7.0] * 13).tolist()) == {3}

    @settings(max_examples=50, deadline=None)
    @given(st.lists(st.integers(-5, 5), min_size=1, max_size=60))
    def test_scores_in_range_and_monotone(self, values):
        s = quintile_scores(values)
        assert s.min() >= 1 and s.max() <= 5
        order = np.argsort(values, kind="mergesort")
        assert np.all(np.diff(s[order]) >= 0)


class TestSegments:
    def test_default_rules_cover_every_r_f_cell(self):
        grid = pd.DataFrame(
            [(r, f, 2) for r in range(1, 6) for f in range(1, 6)],
            columns=["r_score", "f_score", "frequency"],
        )
        seg = assign_segments(grid, RFM_SEGMENTS)
        assert (seg != "other").all()

    def test_written_out_cells(self):
        grid = pd.DataFrame(
            {
                "r_score": [5, 5, 4, 5, 1, 1, 2, 3],
                "f_score": [2, 5, 2, 3, 5, 1, 1, 3],
                "frequency": [1, 9, 1, 3, 9, 1, 1, 3],
            }
        )
        assert assign_segments(grid, RFM_SEGMENTS).tolist() == [
            "new",
            "champions",
            "promising",
            "potential_loyalists",
            "cannot_lose",
            "lost",
            "hibernating",
            "need_attention",
        ]

    def test_every_segment_has_a_display_label(self):
        for name in [*RFM_SEGMENTS, "other"]:
            assert i18n.t(f"rfm.segment.{name}", "ru")

    def test_bad_rule_column_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="uses column 'x_score'"):
            assign_segments(pd.DataFrame({"r_score": [1]}), {"s": {"x_score": (1, 2)}})


class TestDescribeRfm:
    """describe_rfm / rfm_summary / format_rfm_summary: exact sentences on a tiny table."""

    @staticmethod
    def _rfm(with_last=True):
        frame = pd.DataFrame(
            {
                "recency_days": [5, 300, 10, 200],
                "frequency": [8, 1, 6, 5],
                "monetary_total": [800.0, 20.0, 180.0, 1500.0],
                "last_purchase": pd.to_datetime(
                    ["2024-12-26", "2024-03-06", "2024-12-21", "2024-06-14"]
                ),
                "segment": ["champions", "lost", "champions", "cannot_lose"],
            },
            index=pd.Index(["a", "b", "c", "d"], name="customer_id"),
        )
        return frame if with_last else frame.drop(columns="last_purchase")

    def test_summary_in_rule_order(self):
        from workbench.segmentation.rfm import rfm_summary

        expected = pd.DataFrame(
            {
                "customers": np.array([2, 1, 1], dtype=np.int64),
                "customer_share": [0.5, 0.25, 0.25],
                "revenue": [980.0, 1500.0, 20.0],
                "revenue_share": [0.392, 0.6, 0.008],
                "recency_median": [7.5, 200.0, 300.0],
                "frequency_median": [7.0, 5.0, 1.0],
                "monetary_median": [490.0, 1500.0, 20.0],
            },
            index=pd.Index(["champions", "cannot_lose", "lost"], name="segment", dtype="string"),
        )
        pd.testing.assert_frame_equal(rfm_summary(self._rfm()), expected)

    def test_describe_english(self):
        from workbench.narrative import describe_rfm

        assert describe_rfm(self._rfm(), language="en") == (
            "4 customers bought up to 2024-12-31. The median customer last bought 105 days ago, "
            "placed 6 orders and brought 490 in revenue. Largest segments: Champions 2 (50%), "
            "Cannot lose them 1 (25%), Lost 1 (25%). By revenue: Cannot lose them 60%, "
            "Champions 39%, Lost 1%. Champions (50% of customers) bring 39% of revenue. Cannot "
            "lose them (1 customers who bought often or much but not lately) still hold 60% of "
            "revenue: call them first about retention."
        )

    def test_describe_russian_has_no_english(self):
        from workbench.narrative import describe_rfm

        assert describe_rfm(self._rfm(), language="ru") == (
            "Клиентов с покупками по 31.12.2024: 4. Медианный клиент: последняя покупка 105 дн. "
            "назад, заказов — 6, выручка — 490. Крупнейшие сегменты: Чемпионы 2 (50\u00a0%), Нельзя "
            "потерять 1 (25\u00a0%), Потерянные 1 (25\u00a0%). По выручке: Нельзя потерять 60\u00a0%, Чемпионы "
            "39\u00a0%, Потерянные 1\u00a0%. Чемпионы (50\u00a0% клиентов) дают 39\u00a0% выручки. Нельзя потерять: "
            "клиентов — 1, они покупали часто или много, но давно не возвращались; на них "
            "приходится 60\u00a0% выручки — им звоним первыми."
        )

    def test_describe_without_dates_and_custom_segments(self):
        from workbench.narrative import describe_rfm

        rfm = self._rfm(with_last=False)
        rfm["segment"] = ["vip", "rest", "vip", "rest"]
        assert describe_rfm(rfm, language="en", top=1) == (
            "4 customers have bought. The median customer last bought 105 days ago, placed 6 "
            "orders and brought 490 in revenue. Largest segments: rest 2 (50%). By revenue: "
            "rest 61%."
        )

    def test_format_translates_and_rounds(self):
        from workbench.narrative import format_rfm_summary
        from workbench.segmentation.rfm import rfm_summary

        shown = format_rfm_summary(rfm_summary(self._rfm()), language="ru")
        assert list(shown.index) == ["Чемпионы", "Нельзя потерять", "Потерянные"]
        assert shown.index.name == "RFM-сегмент"
        assert shown["Доля выручки"].tolist() == ["39\u00a0%", "60\u00a0%", "1\u00a0%"]
        assert shown["Медиана выручки"].tolist() == ["490", "1\u00a0500", "20"]
        assert shown["Медиана дней с последней покупки"].tolist() == [8, 200, 300]
        assert shown["Медиана заказов"].tolist() == ["7", "5", "1"]
        rfm = self._rfm()
        rfm["frequency"] = [8, 1, 7, 5]
        assert format_rfm_summary(rfm_summary(rfm), language="ru")[
            "Медиана заказов"].tolist() == ["7,5", "5", "1"]


def _scores_by_rank(values, higher_is_better=True):
    """The definition of quintile_scores, through pandas' average ranks."""
    x = np.asarray(values, dtype=np.float64)
    x = x if higher_is_better else -x
    pct = (pd.Series(x).rank(method="average").to_numpy() - 0.5) / len(x)
    return np.minimum(np.floor(pct * 5).astype(np.int64) + 1, 5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.0, -0.0, 0.5, 1.25, 2.0, 3.0, -7.5, 1e300, 1e-300]),
                min_size=1, max_size=60),
       st.booleans())
def test_float_scores_equal_the_rank_definition(values, higher):
    # floats are scored from four cut values, not by sorting: the same scores, ties included,
    # also where 5 * percentile lands exactly on a whole number (n a multiple of 5)
    got = quintile_scores(values, higher_is_better=higher)
    np.testing.assert_array_equal(got, _scores_by_rank(values, higher))
    assert got.dtype == np.int64


@pytest.mark.parametrize("n", [5, 10, 20, 25, 100, 1000])
def test_float_scores_on_exact_quintile_boundaries(n):
    rng = np.random.default_rng(n)
    values = rng.integers(0, 7, n) / 4.0
    np.testing.assert_array_equal(quintile_scores(values), _scores_by_rank(values))
    distinct = np.arange(n) / 3.0
    np.testing.assert_array_equal(quintile_scores(distinct), _scores_by_rank(distinct))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 40)),
                max_size=40))
def test_segments_of_whole_number_columns_equal_the_row_by_row_rules(rows):
    # integer columns are matched through a small grid of bound cells; float columns row by
    # row: the two give the same names
    table = pd.DataFrame(rows, columns=["r_score", "f_score", "frequency"], dtype=np.int64)
    got = assign_segments(table, RFM_SEGMENTS)
    floats = assign_segments(table.astype(np.float64), RFM_SEGMENTS)
    pd.testing.assert_series_equal(got, floats)
    rules = {"a": {"frequency": (2.5, None)}, "b": {"r_score": (None, 2), "f_score": (4, 4)}}
    pd.testing.assert_series_equal(assign_segments(table, rules),
                                   assign_segments(table.astype(np.float64), rules))

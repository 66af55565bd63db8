"""abc_xyz and abc_xyz_summary: the definitions on hand-built frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.segmentation.abc_xyz import (
    ABC_XYZ_ACTIONS,
    ABC_XYZ_CELLS,
    abc_class,
    abc_xyz,
    abc_xyz_summary,
    reclassify_abc_xyz,
)


def _tx(rows, cols=("customer_id", "date", "amount")):
    frame = pd.DataFrame(rows, columns=list(cols))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


class TestAbcClass:
    def test_crossing_customer_is_a(self):
        s = pd.Series([50.0, 30.0, 15.0, 5.0], index=list("abcd"))
        out = abc_class(s)
        # cum shares 0.50, 0.80 (reaches 0.80 -> A), 0.95 (reaches 0.95 -> B), 1.0
        assert out["abc"].tolist() == ["A", "A", "B", "C"]
        np.testing.assert_allclose(out["cum_share"], [0.5, 0.8, 0.95, 1.0])

    def test_crossing_customer_over_the_line_is_a(self):
        s = pd.Series([70.0, 20.0, 10.0], index=list("abc"))
        # b crosses 0.80 (0.70 -> 0.90): b is A; c crosses 0.95: B
        assert abc_class(s)["abc"].tolist() == ["A", "A", "B"]

    def test_ties_broken_by_customer_id(self):
        s = pd.Series([10.0, 10.0, 10.0, 10.0, 10.0], index=["e", "b", "d", "a", "c"])
        out = abc_class(s)
        # order a, b, c, d, e: cum 0.2 .. 1.0; A = a..d (d reaches 0.8), e: before 0.8 -> B
        assert out.loc[["a", "b", "c", "d", "e"], "abc"].tolist() == ["A", "A", "A", "A", "B"]

    def test_zero_and_negative_values_are_c(self):
        s = pd.Series([100.0, 0.0, -5.0], index=list("abc"))
        out = abc_class(s)
        assert out["abc"].tolist() == ["A", "C", "C"]
        assert out["share"].tolist() == [1.0, 0.0, 0.0]

    def test_single_customer_is_a(self):
        assert abc_class(pd.Series([3.0], index=["x"]))["abc"].tolist() == ["A"]

    def test_bad_thresholds_are_a_clear_error(self):
        with pytest.raises(WorkbenchError, match=r"abc must satisfy 0 < abc\[0\] <= abc\[1\]"):
            abc_class(pd.Series([1.0], index=["a"]), abc=(0.9, 0.8))

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.floats(-10, 100, allow_nan=False), min_size=1, max_size=40))
    def test_a_value_never_below_b_value(self, values):
        s = pd.Series(values, index=[f"c{i:03d}" for i in range(len(values))])
        out = abc_class(s).assign(v=s)
        for hi, lo in (("A", "B"), ("B", "C"), ("A", "C")):
            if (out["abc"] == hi).any() and (out["abc"] == lo).any():
                assert out.loc[out["abc"] == hi, "v"].min() >= out.loc[out["abc"] == lo, "v"].max()


class TestAbcXyz:
    def _log(self):
        rows = []
        for m in range(1, 13):  # "a": 100 every month -> CV 0 -> X
            rows.append(("a", f"2024-{m:02d}-10", 100.0))
        for m in range(1, 13, 2):  # "b": 50 every other month -> CV 1.0 -> Y
            rows.append(("b", f"2024-{m:02d}-10", 50.0))
        rows.append(("c", "2024-06-01", 30.0))  # one-off -> CV sqrt(11) -> Z
        rows.append(("d", "2022-06-01", 500.0))  # bought before the window only -> Z, C
        return _tx(rows)

    def test_written_out_classes(self):
        out = abc_xyz(self._log(), asof="2024-12-31")
        assert out.index.tolist() == ["a", "b", "c", "d"]
        assert out["value"].tolist() == [1200.0, 300.0, 30.0, 0.0]
        np.testing.assert_allclose(out["cv"].iloc[:3], [0.0, 1.0, np.sqrt(11)])
        assert np.isnan(out.loc["d", "cv"])
        assert out["active_periods"].tolist() == [12, 6, 1, 0]
        # 1200/1530 = 0.784 < 0.8 so b also A (crosses 0.8); c: before 0.98 -> C
        assert out["abc"].tolist() == ["A", "A", "C", "C"]
        assert out["xyz"].tolist() == ["X", "Y", "Z", "Z"]
        assert out["cell"].tolist() == ["AX", "AY", "CZ", "CZ"]

    def test_window_is_n_periods_up_to_asof_month(self):
        out = abc_xyz(self._log(), asof="2024-12-15", n_periods=3)
        # Oct, Nov, Dec: a 100/100/100 -> X; b Nov only 50 -> CV sqrt(2)
        assert out.loc["a", "value"] == 300.0
        assert out.loc["b", "cv"] == pytest.approx(np.sqrt(2))

    def test_profit_value(self):
        tx = _tx(
            [("a", "2024-01-05", 100.0, 90.0), ("b", "2024-01-05", 50.0, 10.0)],
            ("customer_id", "date", "amount", "cost"),
        )
        out = abc_xyz(tx, asof="2024-01-31", value="profit", n_periods=1)
        assert out["value"].tolist() == [10.0, 40.0]
        assert out["abc"].tolist() == ["B", "A"]
        assert out["revenue"].tolist() == [100.0, 50.0]

    def test_profit_without_cost_is_a_clear_error(self):
        with pytest.raises(MissingColumnsError, match="cost"):
            abc_xyz(self._log(), value="profit")

    def test_quarter_period(self):
        out = abc_xyz(self._log(), asof="2024-12-31", period="Q", n_periods=4)
        assert out.loc["a", "cv"] == 0.0
        # b: Jan+Mar, May, Jul+Sep, Nov -> 100, 50, 100, 50 per quarter -> CV 1/3
        assert out.loc["b", "cv"] == pytest.approx(1 / 3)
        assert out.loc["b", "xyz"] == "X"

    def test_bad_n_periods(self):
        with pytest.raises(WorkbenchError, match="n_periods must be a positive whole number"):
            abc_xyz(self._log(), n_periods=0)


class TestSummary:
    def test_nine_cells_with_shares(self):
        tx = TestAbcXyz()._log()
        out = abc_xyz_summary(abc_xyz(tx, asof="2024-12-31"))
        assert out.index.tolist() == list(ABC_XYZ_CELLS)
        assert out["clients"].sum() == 4
        assert out.loc["AX", "clients"] == 1
        assert out.loc["CZ", "clients"] == 2
        assert out.loc["AX", "revenue_share"] == pytest.approx(1200 / 1530)
        assert out["client_share"].sum() == pytest.approx(1.0)
        assert out["profit_share"].isna().all()
        assert out.loc["AX", "action"] == "abc.action.AX"  # a key: labels at the edge

    def test_actions_are_replaceable(self):
        from workbench.narrative import format_abc_xyz_summary

        tx = TestAbcXyz()._log()
        mine = {**ABC_XYZ_ACTIONS, "AX": "Call every week"}
        out = abc_xyz_summary(abc_xyz(tx), actions=mine)
        assert out.loc["AX", "action"] == "Call every week"
        assert out.loc["CZ", "action"] == "abc.action.CZ"
        shown = format_abc_xyz_summary(out, language="ru")["Как работать"]
        assert shown["AX"] == "Call every week"
        assert shown["CZ"].startswith("Мелкие")
        assert format_abc_xyz_summary(out, language="en").iloc[0, -1] == "Call every week"

    def test_wrong_input_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="expected the table returned by abc_xyz"):
            abc_xyz_summary(pd.DataFrame({"x": [1]}))


class TestReclassify:
    def test_same_thresholds_give_the_same_table(self):
        table = abc_xyz(TestAbcXyz()._log(), asof="2024-12-31")
        pd.testing.assert_frame_equal(reclassify_abc_xyz(table), table)

    def test_other_thresholds_match_a_fresh_run(self):
        tx = TestAbcXyz()._log()
        table = abc_xyz(tx, asof="2024-12-31")
        fresh = abc_xyz(tx, asof="2024-12-31", abc=(0.5, 0.9), xyz=(0.2, 2.0))
        pd.testing.assert_frame_equal(
            reclassify_abc_xyz(table, abc=(0.5, 0.9), xyz=(0.2, 2.0)), fresh
        )


class TestDescribeAbcXyz:
    """describe_abc_xyz / format_abc_xyz_summary: exact sentences on a tiny table."""

    @staticmethod
    def _summary(cost=True, language="en"):
        tx = pd.DataFrame(
            {
                "customer_id": ["a", "a", "a", "b"],
                "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-03-05", "2024-03-10"]),
                "amount": [100.0, 100.0, 100.0, 50.0],
                "cost": [60.0, 60.0, 60.0, 20.0],
            }
        )
        if not cost:
            tx = tx.drop(columns="cost")
        return abc_xyz_summary(abc_xyz(tx, asof="2024-03-31", n_periods=3))

    def test_describe_english_without_cost(self):
        from workbench.narrative import describe_abc_xyz

        assert describe_abc_xyz(self._summary(cost=False), language="en", top=2) == (
            "Class A: 1 clients (50% of clients) bring 86% of revenue; B: 1 (50%) bring 14%; "
            "C: 0 (0%) bring 0%. By regularity: X (steady) 1, Y (occasional) 1, Z (rare or "
            "one-off) 0 clients. The key cell AX holds 1 clients (50%) and 86% of revenue. Most "
            "revenue: AX 86%, BY 14%. The most crowded cell is AX: 1 clients (50%) with 86% of "
            "revenue."
        )

    def test_describe_russian_with_profit(self):
        from workbench.narrative import describe_abc_xyz

        assert describe_abc_xyz(self._summary(language="ru"), language="ru") == (
            "Класс A: клиентов — 1 (50\u00a0% клиентов), они дают 86\u00a0% выручки; B: 1 (50\u00a0%) — 14\u00a0%; "
            "C: 0 (0\u00a0%) — 0\u00a0%. По регулярности: X (стабильные) — 1, Y (время от времени) — 1, "
            "Z (редкие или разовые) — 0. Ключевая ячейка AX: клиентов — 1 (50\u00a0%), 86\u00a0% выручки и "
            "80\u00a0% прибыли. Больше всего выручки: AX 86\u00a0%, BY 14\u00a0%. Самая многочисленная ячейка — "
            "AX: клиентов — 1 (50\u00a0%), 86\u00a0% выручки."
        )

    def test_describe_empty_table(self):
        from workbench.narrative import describe_abc_xyz

        summary = self._summary()
        summary["clients"] = 0
        assert describe_abc_xyz(summary, language="en") == "No client in the table."

    def test_format_shows_profit_only_with_cost(self):
        from workbench.narrative import format_abc_xyz_summary

        shown = format_abc_xyz_summary(self._summary(language="ru"), language="ru")
        assert list(shown.columns) == [
            "Клиентов", "Доля клиентов", "Доля выручки", "Доля прибыли", "Как работать"
        ]
        assert shown.loc["AX", "Доля прибыли"] == "80\u00a0%"
        assert shown.loc["CZ", "Как работать"].startswith("Мелкие и редкие")
        plain = format_abc_xyz_summary(self._summary(cost=False), language="en")
        assert "Share of profit" not in plain.columns
        assert plain["Share of revenue"].tolist()[:2] == ["86%", "0%"]

    def test_describe_rejects_other_tables(self):
        from workbench.narrative import describe_abc_xyz

        with pytest.raises(WorkbenchError, match="abc_xyz_summary"):
            describe_abc_xyz(pd.DataFrame({"clients": [1]}))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.0, -5.0, 1e-9, 3.0, 7.25, 100.0, 2.5, 1e-7, np.nan]),
                max_size=40),
       st.booleans())
def test_abc_order_equals_a_stable_sort_of_every_client(values, shuffle):
    # only clients with a positive value are sorted (quick sort, ties put back by id order);
    # the result is that of one stable sort of everybody
    from workbench.segmentation.abc_xyz import _abc_codes

    ids = [f"{i:03d}" for i in range(len(values))]
    if shuffle:
        ids = ids[::-1]
    value = pd.Series(values, index=pd.Index(ids, dtype="string"), dtype=np.float64)
    share, cum, codes = _abc_codes(value, (0.5, 0.8))
    v = value.to_numpy()
    key = -np.round(v, 6)
    order = (np.argsort(key, kind="stable") if not shuffle
             else np.lexsort((value.index.to_numpy(), key)))
    pos = np.where(v > 0, v, 0.0)
    total = pos.sum()
    exp_share, exp_cum, exp_codes = np.zeros(len(v)), np.zeros(len(v)), np.full(len(v), 2)
    if total > 0:
        sp = pos[order]
        c = np.cumsum(sp) / total
        before = c - sp / total
        cls = np.where(before < 0.5 - 1e-12, 0, np.where(before < 0.8 - 1e-12, 1, 2))
        exp_share[order], exp_cum[order] = sp / total, c
        exp_codes[order] = np.where(sp > 0, cls, 2)
    np.testing.assert_array_equal(share, exp_share)
    np.testing.assert_array_equal(cum, exp_cum)
    np.testing.assert_array_equal(codes, exp_codes)

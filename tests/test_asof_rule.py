"""asof is a calendar day and includes the whole day, in every aggregation that takes it."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench._columns import asof_day, prepare_transactions, through_asof
from workbench.segmentation import abc_xyz, btyd_summary, loyalty_ladder, rfm_table


def _tx():
    # "b" first buys at 09:39 on the asof day; "c" buys at midnight of the day after
    rows = [
        ("a", "2024-01-05 12:00", 10.0),
        ("a", "2024-01-31 23:59:59", 20.0),
        ("b", "2024-01-31 09:39", 7.0),
        ("c", "2024-02-01 00:00", 5.0),
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"], format="mixed")
    return frame


class TestHelpers:
    def test_asof_day_drops_the_time_of_day(self):
        dates = _tx()["date"]
        assert asof_day("2024-01-31 08:00", dates) == pd.Timestamp("2024-01-31")
        assert asof_day(None, dates) == pd.Timestamp("2024-02-01")

    def test_through_asof_keeps_the_whole_day_and_nothing_after(self):
        dates = _tx()["date"]
        assert through_asof(dates, "2024-01-31").tolist() == [True, True, True, False]
        assert through_asof(dates, pd.Timestamp("2024-01-31 00:00")).tolist() == [
            True, True, True, False,
        ]

    def test_prepare_transactions_cuts_at_the_end_of_the_day(self):
        cut, asof = prepare_transactions(_tx(), "2024-01-31 08:00")
        assert asof == pd.Timestamp("2024-01-31")
        assert cut["customer_id"].tolist() == ["a", "a", "b"]


@pytest.mark.parametrize("asof", ["2024-01-31", "2024-01-31 08:00", pd.Timestamp("2024-01-31")])
class TestEveryAggregationAtTheBoundary:
    def test_btyd_summary(self, asof):
        out = btyd_summary(_tx(), asof=asof)
        assert out.index.tolist() == ["a", "b"]
        assert out.loc["a"].tolist() == [1.0, 26.0, 26.0, 20.0]
        assert out.loc["b"].tolist() == [0.0, 0.0, 0.0, 0.0]

    def test_rfm_table(self, asof):
        out = rfm_table(_tx(), asof=asof)
        assert out.index.tolist() == ["a", "b"]
        assert out["recency_days"].tolist() == [0, 0]
        assert out["monetary_total"].tolist() == [30.0, 7.0]
        assert out["tenure_days"].tolist() == [26, 0]

    def test_abc_xyz(self, asof):
        out = abc_xyz(_tx(), asof=asof, n_periods=1)
        assert out.index.tolist() == ["a", "b"]
        assert out["revenue"].tolist() == [30.0, 7.0]

    def test_loyalty_ladder(self, asof):
        out = loyalty_ladder(_tx(), asof=asof)
        assert out.index.tolist() == ["a", "b"]
        assert out["orders"].tolist() == [2, 1]
        assert out["recency_days"].tolist() == [0, 0]

"""btyd_summary: written-out definitions and equality with lifetimes."""

from __future__ import annotations

import types

import numpy as np
import pandas as pd
import pytest

from workbench._columns import through_asof
from workbench.errors import WorkbenchError
from workbench.segmentation.btyd import AVERAGE_MONTH_DAYS, btyd_summary


def _tx(rows):
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _idx(ids):
    return pd.Index(ids, dtype="string", name="customer_id")


def _log(n_customers=400, seed=0):
    """A realistic log: staggered starts, gamma gaps, several lines per day, times of day."""
    rng = np.random.default_rng(seed)
    rows = []
    start = pd.Timestamp("2022-01-01")
    for c in range(n_customers):
        t = start + pd.Timedelta(days=int(rng.integers(0, 600)))
        rate = rng.gamma(1.0, 20.0) + 2.0
        for _ in range(int(rng.geometric(0.25))):
            for _ in range(int(rng.integers(1, 3))):
                secs = int(rng.integers(0, 86_400))
                rows.append((f"C{c:05d}", t + pd.Timedelta(seconds=secs), float(rng.gamma(2, 30))))
            t += pd.Timedelta(days=int(rng.exponential(rate)) + 1)
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame.loc[frame.index[::37], "amount"] *= -0.5  # some refunds
    return frame


class TestDefinitions:
    def test_written_out_daily(self):
        tx = _tx(
            [
                ("a", "2024-01-01", 10.0),
                ("a", "2024-01-01", 5.0),  # same period: merged with the first
                ("a", "2024-01-11", 30.0),
                ("a", "2024-01-21", 10.0),
                ("b", "2024-01-05", 8.0),  # one-off buyer
            ]
        )
        out = btyd_summary(tx, asof="2024-01-31")
        expected = pd.DataFrame(
            {
                "frequency": [2.0, 0.0],
                "recency": [20.0, 0.0],
                "T": [30.0, 26.0],
                "monetary_value": [20.0, 0.0],
            },
            index=_idx(["a", "b"]),
        )
        pd.testing.assert_frame_equal(out, expected)

    def test_weekly_units_and_same_week_merge(self):
        # 2024-01-01 is a Monday; Mon+Sun are one week, the next Monday a new one
        tx = _tx(
            [("a", "2024-01-01", 1.0), ("a", "2024-01-07", 2.0), ("a", "2024-01-08", 4.0)]
        )
        out = btyd_summary(tx, asof="2024-01-24", freq="W")
        assert out.loc["a"].tolist() == [1.0, 1.0, 3.0, 4.0]

    def test_monthly_uses_average_month(self):
        tx = _tx([("a", "2024-01-15", 1.0), ("a", "2024-02-03", 3.0)])
        out = btyd_summary(tx, asof="2024-04-30", freq="M")
        assert out.loc["a", "frequency"] == 1.0
        assert out.loc["a", "recency"] == pytest.approx(31 / AVERAGE_MONTH_DAYS)
        assert out.loc["a", "T"] == pytest.approx(91 / AVERAGE_MONTH_DAYS)

    def test_include_first_transaction(self):
        tx = _tx([("a", "2024-01-01", 10.0), ("a", "2024-01-03", 30.0)])
        out = btyd_summary(tx, asof="2024-01-03", include_first_transaction=True)
        assert out.loc["a", "frequency"] == 2.0
        assert out.loc["a", "monetary_value"] == 20.0

    def test_no_monetary(self):
        out = btyd_summary(_tx([("a", "2024-01-01", 1.0)]), monetary=None)
        assert list(out.columns) == ["frequency", "recency", "T"]

    def test_rows_after_asof_do_not_leak_in_the_same_week(self):
        # asof is a Wednesday; a purchase on the Friday of that week must not count
        tx = _tx([("a", "2024-01-01", 1.0), ("a", "2024-01-12", 9.0)])
        out = btyd_summary(tx, asof="2024-01-10", freq="W")
        assert out.loc["a", "frequency"] == 0.0
        assert out.loc["a", "T"] == 1.0

    def test_bad_freq_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="freq must be one of 'D', 'W', 'M'; got 'Y'"):
            btyd_summary(_tx([("a", "2024-01-01", 1.0)]), freq="Y")


def _lifetimes(tx, asof, freq):
    utils = pytest.importorskip("lifetimes.utils")
    return utils.summary_data_from_transaction_data(
        tx, "customer_id", "date", monetary_value_col="amount",
        observation_period_end=asof, freq=freq,
    )


def _compare(ours, theirs):
    theirs = theirs.copy()
    theirs.index = pd.Index(theirs.index.astype(str), dtype="string", name="customer_id")
    pd.testing.assert_frame_equal(ours, theirs, check_exact=False, rtol=1e-9)


class TestEqualityWithLifetimes:
    @pytest.mark.parametrize("freq", ["D", "W"])
    def test_equal_on_realistic_log(self, freq):
        tx = _log()
        asof = pd.Timestamp("2023-06-30 23:59:59")
        cut = tx.loc[tx["date"] <= asof]  # lifetimes' W keeps later rows of asof's week
        _compare(btyd_summary(tx, asof=asof, freq=freq), _lifetimes(cut, asof, freq))

    def test_equal_on_sample_data(self):
        datasets = pytest.importorskip("workbench.datasets")
        if not hasattr(datasets, "load_sample"):
            pytest.skip("workbench.datasets.load_sample not available yet")
        tx = datasets.load_sample()["transactions"]
        asof = tx["date"].max() - pd.Timedelta(days=90)  # has a time of day: the whole day counts
        cut = tx.loc[through_asof(tx["date"], asof), ["customer_id", "date", "amount"]].copy()
        cut["customer_id"] = cut["customer_id"].astype(object)
        for freq in ("D", "W"):
            _compare(btyd_summary(tx, asof=asof, freq=freq), _lifetimes(cut, asof, freq))
        # daily: lifetimes compares days, so on the uncut log it keeps the whole asof day too
        full = tx[["customer_id", "date", "amount"]].astype({"customer_id": object})
        _compare(btyd_summary(tx, asof=asof, freq="D"), _lifetimes(full, asof, "D"))

    def test_equal_monthly_with_pandas1_month_unit(self, monkeypatch):
        # lifetimes divides by np.timedelta64(1, "M"), which pandas >= 2 refuses; pandas 1.x
        # read it as the average month. Restore that reading and compare.
        utils = pytest.importorskip("lifetimes.utils")

        def timedelta64(value, unit=None):
            if unit == "M":
                return pd.Timedelta(days=AVERAGE_MONTH_DAYS) * value
            return np.timedelta64(value, unit)

        shim = types.SimpleNamespace(**{k: getattr(np, k) for k in ("nan", "float64")})
        shim.timedelta64 = timedelta64
        monkeypatch.setattr(utils, "np", shim)
        tx = _log(seed=1)
        asof = pd.Timestamp("2023-06-30 23:59:59")
        cut = tx.loc[tx["date"] <= asof]
        _compare(btyd_summary(tx, asof=asof, freq="M"), _lifetimes(cut, asof, "M"))

    def test_lifetimes_weekly_leak_is_real(self):
        # documents why we cut at asof first: lifetimes keeps the later row of asof's week
        tx = _tx([("a", "2024-01-01", 1.0), ("a", "2024-01-12", 9.0)])
        theirs = _lifetimes(tx, "2024-01-10", "W")
        assert theirs.loc["a", "frequency"] == 1.0
        assert btyd_summary(tx, asof="2024-01-10", freq="W").loc["a", "frequency"] == 0.0


class TestDescribeBtyd:
    def test_weekly_units_read_from_attrs(self):
        from workbench.narrative import describe_btyd

        tx = _tx([("a", "2024-01-05", 100.0), ("a", "2024-02-05", 100.0),
                  ("a", "2024-03-05", 100.0), ("b", "2024-03-10", 50.0)])
        summary = btyd_summary(tx, asof="2024-03-31", freq="W")
        assert summary.attrs["freq"] == "W"
        assert describe_btyd(summary, language="en") == (
            "BTYD summary in units of weeks for 2 customers: 1 (50%) bought again after their "
            "first period (frequency > 0), 1 did not (frequency = 0, monetary_value = 0: leave "
            "them out of a Gamma-Gamma fit). Median age T: 7.5 weeks; median recency of repeat "
            "buyers: 9.0 weeks."
        )
        assert describe_btyd(summary, language="ru") == (
            "Сводка BTYD в единицах «недели», клиентов: 2. Покупали повторно после первого "
            "периода (frequency > 0): 1 (50\u00a0%); не покупали: 1 (frequency = 0, monetary_value = 0 "
            "— их не включают в модель Gamma-Gamma). Медианный возраст T: 7,5 (недели); "
            "медианный возраст повторных покупателей при последней покупке (recency): 9,0 "
            "(недели)."
        )

    def test_no_repeat_buyer(self):
        from workbench.narrative import describe_btyd

        summary = btyd_summary(_tx([("a", "2024-01-05", 10.0)]), asof="2024-01-31")
        assert describe_btyd(summary, language="en").endswith(
            "Median age T: 26.0 days; median recency of repeat buyers: — days."
        )

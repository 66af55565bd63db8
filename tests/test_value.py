"""Customer value: summary rules, BG/NBD and Gamma-Gamma against the published CDNOW fits."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd
import pytest

from workbench import value as V
from workbench._testing import tx_frame
from workbench.errors import WorkbenchError


def _lifetimes_file(name):
    try:
        return resources.files("lifetimes") / "datasets" / name
    except ModuleNotFoundError:  # pragma: no cover - lifetimes is a test dependency
        pytest.skip("lifetimes (test dependency) is not installed")


@pytest.fixture(scope="module")
def cdnow():
    """The CDNOW sample shipped in the lifetimes wheel: 2,357 clients, Jan 1997 - Jun 1998."""
    path = _lifetimes_file("CDNOW_sample.txt")
    raw = pd.read_csv(str(path), sep=r"\s+", header=None,
                      names=["master_id", "customer_id", "date", "quantity", "amount"],
                      dtype={"customer_id": str, "date": str})
    return pd.DataFrame({"customer_id": raw["customer_id"].astype("string"),
                         "date": pd.to_datetime(raw["date"]),
                         "amount": raw["amount"].astype("float64")})


CAL_END, HOLD_END = "1997-09-30", "1998-06-30"  # 39 + 39 weeks


# ------------------------------------------------------------------------------------------
# summary rules, by hand
# ------------------------------------------------------------------------------------------
def test_summary_by_hand_zero_values_and_returns():
    tx = tx_frame([
        ("a", "2024-01-01", 10.0), ("a", "2024-01-01", 5.0), ("a", "2024-01-15", 30.0),
        ("a", "2024-01-20", -6.0),                          # a return after the first day
        ("b", "2024-01-08", 8.0), ("b", "2024-01-08", -8.0),  # same-day return nets in
        ("c", "2024-01-03", 0.0), ("c", "2024-01-10", 0.0),   # zero-value purchases only
        ("d", "2024-01-05", -3.0),                           # a return only: no occasion
    ])
    s = V.value_summary(tx, "2024-01-29")
    assert list(s.index) == ["a", "b", "c"]
    assert s.loc["a", ["frequency", "recency", "T", "monetary_value"]].tolist() == [
        1.0, 2.0, 4.0, 24.0]
    assert s.loc["b", "frequency"] == 0 and s.loc["b", "basis"] == "one_purchase"
    assert s.loc["c", ["frequency", "recency", "monetary_value"]].tolist() == [1.0, 1.0, 0.0]
    assert s.loc["c", "basis"] == "repeat_no_spend"
    ignored = V.value_summary(tx, "2024-01-29", zero_value="ignore")
    assert "c" not in ignored.index
    with pytest.raises(WorkbenchError, match="zero_value"):
        V.value_summary(tx, zero_value="skip")


def test_asof_day_includes_the_whole_day():
    tx = tx_frame([("a", "2024-01-01 10:00", 10.0), ("a", "2024-01-29 09:39", 20.0)])
    s = V.value_summary(tx, "2024-01-29")
    assert s.loc["a", "frequency"] == 1.0  # the 09:39 purchase on the asof day counts
    assert s.loc["a", "recency"] == s.loc["a", "T"] == 4.0


def test_gamma_gamma_spend_rules():
    gg = {"p": 6.0, "q": 4.0, "gamma": 15.0}
    spend = V.gamma_gamma_spend(gg, [0, 2, 2], [0.0, 30.0, -5.0])
    assert spend[0] == pytest.approx(6 * 15 / 3)                  # population mean
    assert spend[1] == pytest.approx((15 + 60) * 6 / (12 + 3))    # posterior mean
    assert spend[2] == pytest.approx(15 * 6 / 15)                 # spend <= 0 -> limit at 0


# ------------------------------------------------------------------------------------------
# published estimates (Fader, Hardie & Lee 2005) on CDNOW
# ------------------------------------------------------------------------------------------
def test_cdnow_summary_matches_the_published_data(cdnow):
    s = V.value_summary(cdnow, CAL_END)
    ref = pd.read_csv(str(_lifetimes_file("cdnow_customers_summary_with_transactions.csv")),
                      dtype={"ID": str})
    ref.index = pd.Index(ref["ID"].str.zfill(4), dtype="string")
    assert len(s) == len(ref) == 2357
    s = s.reindex(ref.index)
    assert (s["frequency"].to_numpy() == ref["x"].to_numpy()).all()
    # the published file rounds to 2 decimals (half a cent, plus float error)
    assert np.abs(s["recency"].to_numpy() - ref["t_x"].to_numpy()).max() <= 0.0051
    assert np.abs(s["T"].to_numpy() - ref["T"].to_numpy()).max() <= 0.0051
    assert np.abs(s["monetary_value"].to_numpy() - ref["zbar"].to_numpy()).max() <= 0.0051


def test_bgnbd_reproduces_fader_hardie_lee_2005(cdnow):
    s = V.value_summary(cdnow, CAL_END)
    bg = V.fit_bgnbd(s["frequency"], s["recency"], s["T"])
    # published: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (LL = -9582.4 in their units)
    assert bg["r"] == pytest.approx(0.243, abs=0.002)
    assert bg["alpha"] == pytest.approx(4.414, abs=0.01)
    assert bg["a"] == pytest.approx(0.793, abs=0.003)
    assert bg["b"] == pytest.approx(2.426, abs=0.005)


def test_gamma_gamma_reproduces_the_published_fit(cdnow):
    s = V.value_summary(cdnow, CAL_END)
    gg = V.fit_gamma_gamma(s["frequency"], s["monetary_value"])
    assert gg["n"] == 946
    assert gg["p"] == pytest.approx(6.25, abs=0.01)
    assert gg["q"] == pytest.approx(3.74, abs=0.01)
    assert gg["gamma"] == pytest.approx(15.44, abs=0.02)


def test_matches_lifetimes_where_it_runs(cdnow):
    lifetimes = pytest.importorskip("lifetimes")
    s = V.value_summary(cdnow, CAL_END)
    ours = V.fit_bgnbd(s["frequency"], s["recency"], s["T"])
    try:
        ref = lifetimes.BetaGeoFitter(penalizer_coef=0.0).fit(
            s["frequency"].to_numpy(), s["recency"].to_numpy(), s["T"].to_numpy())
    except Exception as exc:  # pragma: no cover - lifetimes 0.11 breaks on some pandas
        pytest.skip(f"lifetimes does not run here: {exc}")
    for k in ("r", "alpha", "a", "b"):
        assert ours[k] == pytest.approx(ref.params_[k], rel=2e-3)
    pred = V.bgnbd_expected_purchases(ours, 39.0, s["frequency"], s["recency"], s["T"])
    ref_pred = ref.conditional_expected_number_of_purchases_up_to_time(
        39.0, s["frequency"].to_numpy(), s["recency"].to_numpy(), s["T"].to_numpy())
    np.testing.assert_allclose(pred, np.asarray(ref_pred), rtol=5e-3)


# ------------------------------------------------------------------------------------------
# customer value and diagnostics
# ------------------------------------------------------------------------------------------
def test_customer_value_on_cdnow(cdnow):
    cv = V.customer_value(cdnow, CAL_END, horizon=273, margin=0.3, discount_rate=0.01,
                          n_boot=20)
    t = cv.table
    assert len(t) == 2357 and t["clv"].notna().all()
    assert (t["clv_low"] <= t["clv"] + 1e-9).all() and (t["clv"] <= t["clv_high"] + 1e-9).all()
    # undiscounted margin = 0.3 x expected spend; discounting only lowers it
    assert (t["clv"] <= 0.3 * t["expected_spend"] + 1e-9).all()
    assert t["clv"].sum() > 0.3 * t["expected_spend"].sum() * (1.01 ** -9)
    assert cv.independence["n"] == 946
    assert cv.independence["correlation"] == pytest.approx(0.11, abs=0.01)  # FHL: 0.11
    assert cv.independence["holds"]
    assert cv.margin_source == "argument"
    assert cv.spend_model == {"method": "gamma_gamma", "reason": None,
                              "q": pytest.approx(3.74, abs=0.05)}
    tot = cv.totals
    assert tot["clv_low"] <= tot["clv"] <= tot["clv_high"]


def _heavy_spenders(n: int = 400, seed: int = 0, q: float = 0.6) -> pd.DataFrame:
    """Clients whose mean spend has an infinite population mean: the spend rate of each
    client is Gamma(q < 1, 10), so Gamma-Gamma's p gamma / (q - 1) does not exist."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        nu, lam = rng.gamma(q, 1.0 / 10.0), rng.gamma(1.0, 1.0 / 30.0)
        day = float(rng.integers(0, 60))
        while day < 366:
            rows.append((f"c{i:03d}", pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(day)),
                         float(rng.gamma(4.0, 1.0 / nu))))
            if rng.random() < 0.2:  # the client leaves after this purchase
                break
            day += rng.exponential(1.0 / lam)
    return tx_frame(rows)


def test_gamma_gamma_q_below_one_falls_back_to_the_run_rate():
    tx = _heavy_spenders()
    s = V.value_summary(tx, "2024-12-31")
    gg = V.fit_gamma_gamma(s["frequency"], s["monetary_value"])
    assert gg["q"] < 1  # the condition: the mean spend per purchase is undefined
    with pytest.raises(WorkbenchError, match="q = .* <= 1"):
        V.gamma_gamma_spend(gg, [1.0], [20.0])
    cv = V.customer_value(tx, "2024-12-31", "90D", margin=0.4, discount_rate=0.0, n_boot=5)
    assert cv.spend_model == {"method": "run_rate", "reason": "gamma_gamma_q_le_1",
                              "q": pytest.approx(gg["q"])}
    t = cv.table
    assert t["clv"].notna().all() and t["clv_low"].notna().all()
    # the spend per purchase is the client's own: net spend / purchase days, by hand
    net = tx.groupby("customer_id")["amount"].sum()
    days = tx.assign(d=tx["date"].dt.normalize()).groupby("customer_id")["d"].nunique()
    own = (net / days).reindex(t.index)
    np.testing.assert_allclose(t["expected_spend_per_purchase"], own.to_numpy(), rtol=1e-9)
    np.testing.assert_allclose(t["clv"], 0.4 * t["expected_purchases"] * own.to_numpy(),
                               rtol=1e-9)
    # the bootstrap varies the purchases only, keeping the fallback spend
    assert (cv.bootstrap[["p", "q", "gamma"]].to_numpy() == [gg["p"], gg["q"], gg["gamma"]]
            ).all()


def test_retention_value_reports_the_spend_fallback():
    from workbench.economics import retention_value

    tx = _heavy_spenders()
    value, info = retention_value(tx, horizon="90D", margin=0.4)
    assert info["spend_model"]["reason"] == "gamma_gamma_q_le_1"
    assert info["reason"] == "backtest" and np.isfinite(info["mae_clv"])
    assert value.notna().all()


def test_no_discount_equals_margin_times_expected_spend():
    rng = np.random.default_rng(0)
    rows = []
    for i in range(300):
        k = int(rng.integers(1, 8))
        days = np.sort(rng.choice(300, k, replace=False))
        rows += [(f"c{i}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(d)),
                  float(rng.lognormal(3, 0.5))) for d in days]
    tx = tx_frame(rows)
    tx["cost"] = tx["amount"] * 0.75
    cv = V.customer_value(tx, "2023-12-31", horizon="6M", discount_rate=0.0, n_boot=0)
    assert cv.margin_source == "cost"
    np.testing.assert_allclose(cv.table["margin_rate"], 0.25)
    np.testing.assert_allclose(cv.table["clv"], 0.25 * cv.table["expected_spend"], rtol=1e-9)
    assert cv.table["clv_low"].isna().all()


def test_holdout_by_frequency_and_tracking_on_cdnow(cdnow):
    h = V.holdout_by_frequency(cdnow, CAL_END, HOLD_END)
    assert list(h.index) == list(range(8))
    assert h["clients"].sum() == 2357
    assert h.loc[0, "clients"] == 1411
    # the model tracks the holdout: total within 15 %, every group within 0.4 purchases
    assert h.attrs["total_predicted"] == pytest.approx(h.attrs["total_actual"], rel=0.15)
    assert (h["error"].abs() < 0.4).all()
    tr = V.tracking(cdnow, CAL_END, HOLD_END)
    assert len(tr) == 78
    assert tr["holdout"].sum() == 39
    assert tr["cumulative_actual"].iloc[-1] == pytest.approx(
        h.attrs["total_actual"] + tr.loc[~tr["holdout"], "actual"].sum())
    assert tr["cumulative_model"].iloc[-1] == pytest.approx(tr["cumulative_actual"].iloc[-1],
                                                            rel=0.1)


def test_diagnostic_plots_draw_both_series_in_both_languages(cdnow):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from workbench.plotting import plot_holdout_by_frequency, plot_tracking

    h = V.holdout_by_frequency(cdnow, CAL_END, HOLD_END)
    tr = V.tracking(cdnow, CAL_END, HOLD_END)
    for lang, word in (("en", "Actual"), ("ru", "Факт")):
        ax = plot_holdout_by_frequency(h, language=lang)
        assert len(ax.patches) == 2 * len(h)
        assert [tx.get_text() for tx in ax.get_legend().get_texts()][0] == word
        assert ax.get_xticklabels()[-1].get_text() == "7+"
        ax2 = plot_tracking(tr, language=lang, cumulative=True)
        ys = ax2.lines[1].get_ydata()
        assert ys[-1] == pytest.approx(tr["cumulative_model"].iloc[-1])
        plt.close("all")


# ------------------------------------------------------------------------------------------
# the value used by the retention plan: chosen by a back-test on the client's own history
# ------------------------------------------------------------------------------------------
def test_retention_value_backtest_on_cdnow(cdnow):
    from workbench.economics import expected_value, retention_value

    value, info = retention_value(cdnow, HOLD_END, "6M")
    assert info["backtest_asof"] == pd.Timestamp("1997-12-30")
    assert info["n"] == 2357
    # measured: MAE per client 41.4 (run rate) vs 20.0 (BG/NBD x Gamma-Gamma): the model wins
    assert info["mae_clv"] < info["mae_run_rate"]
    assert info["method"] == "clv" and info["reason"] == "backtest"
    assert info["total_clv"] == pytest.approx(info["total_actual"], rel=0.1)
    assert len(value) == 2357 and value.notna().all()
    forced, info2 = retention_value(cdnow, HOLD_END, "6M", method="run_rate")
    assert info2["method"] == "run_rate" and info2["reason"] == "asked"
    pd.testing.assert_series_equal(forced, expected_value(cdnow, HOLD_END, "6M"))


def test_retention_value_short_history_keeps_the_run_rate():
    from workbench.economics import retention_value

    tx = tx_frame([("a", "2024-03-01", 10.0), ("b", "2024-03-10", 5.0), ("a", "2024-03-20", 7.0)])
    value, info = retention_value(tx, "2024-03-31", "90D", method="auto")
    assert info["method"] == "run_rate" and info["reason"] == "no_backtest"
    assert np.isnan(info["mae_clv"])
    assert list(value.index) == ["a", "b"]
    with pytest.raises(WorkbenchError, match="method"):
        retention_value(tx, method="best")


def test_unique_rows_equal_numpy_unique():
    from workbench.value import _unique_rows

    rng = np.random.default_rng(3)
    for trial in range(120):
        n = int(rng.integers(1, 200))
        if trial % 3:
            stack = np.stack([rng.integers(0, 5, n).astype(float),
                              rng.choice([0.0, 0.25, 0.5, 1 / 3], n),
                              rng.choice([0.1, 0.7, 1.0], n)], axis=1)
        else:
            stack = rng.normal(size=(n, 3))
        want_rows, want_inverse = np.unique(stack, axis=0, return_inverse=True)
        rows, inverse = _unique_rows(stack)
        np.testing.assert_array_equal(rows, want_rows)
        np.testing.assert_array_equal(inverse, want_inverse.ravel())
    rows, inverse = _unique_rows(np.array([[2.0, 1.0, 0.5], [1.0, 3.0, 0.5], [2.0, 1.0, 0.5]]))
    assert rows.tolist() == [[1.0, 3.0, 0.5], [2.0, 1.0, 0.5]] and inverse.tolist() == [1, 0, 1]

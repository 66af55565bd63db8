"""Churn labels, features, model, persistence and risk bands."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

import workbench
from workbench._testing import tx_frame
from workbench.churn import (
    ChurnModel,
    calibration_table,
    churn_labels,
    customer_features,
    horizon_days,
    parse_horizon,
    risk_band,
)
from workbench.errors import InsufficientHistoryError, NoteWarning, WorkbenchError


def synthetic_history(n=800, start="2022-01-01", end="2024-12-31", seed=0):
    """A Pareto/NBD-like log: each client buys at their own rate until an unseen dropout."""
    rng = np.random.default_rng(seed)
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    span = (end - start).days
    birth = rng.integers(0, span - 30, n)
    rate = rng.gamma(0.8, 1 / 20, n)
    stop = np.minimum(span, birth + rng.exponential(400, n))
    cust, days = [], []
    for i in range(n):
        gaps = rng.exponential(1 / rate[i], 400) + 1
        d = birth[i] + np.concatenate([[0.0], np.cumsum(gaps)])
        d = d[d <= stop[i]].astype(int)
        cust.append(np.full(len(d), i))
        days.append(d)
    c = np.concatenate(cust)
    d = np.concatenate(days)
    ids = np.array([f"C{i:04d}" for i in range(n)])
    return pd.DataFrame(
        {
            "customer_id": pd.array(ids[c], dtype="string"),
            "date": start + pd.to_timedelta(d, "D"),
            "amount": np.round(rng.lognormal(3, 0.6, len(c)), 2),
        }
    )


# ------------------------------------------------------------------------------------------
class TestParseHorizon:
    def test_days_weeks_months_years(self):
        assert parse_horizon("90D") == pd.Timedelta(days=90)
        assert parse_horizon("90d") == pd.Timedelta(days=90)
        assert parse_horizon("2W") == pd.Timedelta(days=14)
        assert parse_horizon("3M") == pd.DateOffset(months=3)
        assert parse_horizon("1Y") == pd.DateOffset(months=12)
        assert parse_horizon(30) == pd.Timedelta(days=30)
        assert parse_horizon(pd.Timedelta(days=7)) == pd.Timedelta(days=7)

    def test_calendar_months_differ_in_days(self):
        assert horizon_days("1M", "2024-02-01") == 29
        assert horizon_days("1M", "2023-02-01") == 28
        assert horizon_days("3M", "2024-01-01") == 91

    @pytest.mark.parametrize("bad", ["ninety days", "0D", -5, True, 1.5])
    def test_bad_horizon_is_a_clear_error(self, bad):
        with pytest.raises(WorkbenchError, match="horizon"):
            parse_horizon(bad)


class TestChurnLabels:
    TX = tx_frame(
        [
            ("a", "2024-01-05", 10.0),
            ("a", "2024-02-10", 5.0),  # back within 30 days of Jan 31 -> 0
            ("b", "2024-01-20", 7.0),  # never back -> 1
            ("c", "2024-01-10", 3.0),
            ("c", "2024-02-05", -3.0),  # a return is not coming back -> 1
            ("d", "2024-02-01", 4.0),  # first purchase after asof -> not labelled
            ("e", "2024-01-31", 2.0),  # bought on asof itself: a buyer at asof
            ("e", "2024-03-01", 2.0),  # asof + 30D exactly (inclusive) -> 0
            ("z", "2024-03-31", 1.0),
        ]
    )

    def test_exact_labels(self):
        got = churn_labels(self.TX, "2024-01-31", "30D")
        want = pd.Series(
            [0, 1, 1, 0],
            index=pd.Index(["a", "b", "c", "e"], dtype="string", name="customer_id"),
            name="churned",
            dtype="int64",
        )
        assert_series_equal(got, want)

    def test_outside_window_after_horizon_counts_as_churned(self):
        got = churn_labels(self.TX, "2024-01-31", "9D")  # a comes back on day 10
        assert got.to_dict() == {"a": 1, "b": 1, "c": 1, "e": 1}

    def test_calendar_month_horizon(self):
        # asof Jan 31 + 1M = Feb 29 (leap year): a's Feb 10 purchase counts, e's Mar 1 does not
        got = churn_labels(self.TX, "2024-01-31", "1M")
        assert got.to_dict() == {"a": 0, "b": 1, "c": 1, "e": 1}

    def test_insufficient_history_is_a_clear_error(self):
        with pytest.raises(InsufficientHistoryError, match="need data up to 2024-04-30"):
            churn_labels(self.TX, "2024-01-31", "90D")

    def test_data_end_overrides_last_date(self):
        got = churn_labels(self.TX, "2024-01-31", "90D", data_end="2024-06-30")
        assert got.to_dict() == {"a": 0, "b": 1, "c": 1, "e": 0}

    def test_caller_column_names(self):
        tx = self.TX.rename(columns={"customer_id": "client", "date": "day", "amount": "sum"})
        got = churn_labels(tx, "2024-01-31", "30D",
                           columns={"client": "customer_id", "day": "date", "sum": "amount"})
        assert got.to_dict() == {"a": 0, "b": 1, "c": 1, "e": 0}


# ------------------------------------------------------------------------------------------
class TestCustomerFeatures:
    TX = tx_frame(
        [
            ("a", "2024-01-01", 10.0),
            ("a", "2024-01-01", 5.0),  # same day: one purchase day
            ("a", "2024-01-11", 30.0),
            ("a", "2024-01-31", 20.0),
            ("a", "2024-01-20", -5.0),  # a return
            ("b", "2023-10-01", 40.0),
            ("c", "2024-02-15", 9.0),  # after asof
        ]
    )

    def test_hand_built_history(self):
        got = customer_features(self.TX, "2024-01-31")
        idx = pd.Index(["a", "b"], dtype="string", name="customer_id")
        want = pd.DataFrame(
            {
                "recency_days": [0.0, 122.0],
                "frequency": [3.0, 1.0],
                "monetary": [60.0, 40.0],
                "avg_purchase_value": [65.0 / 3, 40.0],
                "tenure_days": [30.0, 122.0],
                "gap_mean_days": [15.0, np.nan],
                "gap_std_days": [5.0, np.nan],
                "gap_cv": [1 / 3, np.nan],
                "overdue_ratio": [0.0, np.nan],
                "n_30d": [2.0, 0.0],  # Jan 1 is 30 days before Jan 31: outside (asof-30, asof]
                "revenue_30d": [45.0, 0.0],
                "n_90d": [3.0, 0.0],
                "revenue_90d": [60.0, 0.0],
                "n_180d": [3.0, 1.0],
                "revenue_180d": [60.0, 40.0],
                "trend_90d": [1.0, -1.0],
                "returns_share": [5.0 / 65.0, 0.0],
            },
            index=idx,
        )
        assert_frame_equal(got, want)

    def test_profit_and_margin_with_cost(self):
        tx = self.TX.assign(cost=[6.0, 3.0, 20.0, 10.0, -3.0, np.nan, 5.0])
        got = customer_features(tx, "2024-01-31")[["profit", "margin"]]
        assert got.loc["a", "profit"] == pytest.approx(60.0 - 36.0)
        assert got.loc["a", "margin"] == pytest.approx(24.0 / 60.0)
        assert np.isnan(got.loc["b", "profit"]) and np.isnan(got.loc["b", "margin"])

    def test_feedback_only_until_asof_and_late_resolution_is_unresolved(self):
        fb = pd.DataFrame(
            {
                "customer_id": ["a", "a", "a", "b", "b"],
                "date": pd.to_datetime(
                    ["2024-01-05", "2024-01-20", "2024-02-10", "2024-01-10", "2024-01-12"]
                ),
                "kind": ["complaint", "complaint", "complaint", "refusal", "praise"],
                "resolved_date": pd.to_datetime(["2024-01-09", "2024-02-05", None, None, None]),
            }
        )
        got = customer_features(self.TX, "2024-01-31", feedback=fb)
        want = pd.DataFrame(
            {
                "complaints": [2.0, 0.0],
                "refusals": [0.0, 1.0],
                "unresolved_complaints": [1.0, 0.0],  # resolved Feb 5 > asof -> still open
                "resolution_days_mean": [4.0, np.nan],
            },
            index=pd.Index(["a", "b"], dtype="string", name="customer_id"),
        )
        assert_frame_equal(got[want.columns], want)

    def test_last_nps_before_asof_and_undated_answers_warn(self):
        sv = pd.DataFrame(
            {
                "respondent_id": ["r1", "r1", "r2", "r3", "r4"],
                "customer_id": ["a", "a", "a", "b", "b"],
                "attribute": ["x", "y", "x", "x", "x"],
                "nps": pd.array([3, 3, 9, 10, 7], dtype="Int64"),
                "date": pd.to_datetime(
                    ["2024-01-03", "2024-01-03", "2024-02-20", "2024-01-01", None]
                ),
            }
        )
        with pytest.warns(NoteWarning, match="NPS answers without a date, not used by the churn features: 1 "):
            got = customer_features(self.TX, "2024-01-31", survey=sv)
        assert got["last_nps"].to_dict() == {"a": 3.0, "b": 10.0}

    def test_onehot_columns_come_from_the_whole_customers_table(self):
        customers = pd.DataFrame(
            {
                "customer_id": ["a", "b", "c", "d"],
                "type": ["B2B", "B2C", "B2C", "B2G"],
                "source": ["web", None, "fair", "web"],
            }
        )
        got = customer_features(self.TX, "2024-01-31", customers=customers)
        onehot = [c for c in got.columns if "=" in c]
        # B2G and fair belong only to clients not yet active at asof: the columns still exist
        assert onehot == ["type=B2B", "type=B2C", "type=B2G", "source=fair", "source=web"]
        assert got.loc["a", "type=B2B"] == 1.0 and got.loc["b", "type=B2C"] == 1.0
        assert got.loc["b", ["source=fair", "source=web"]].tolist() == [0.0, 0.0]

    def test_asof_defaults_to_last_date(self):
        got = customer_features(self.TX)
        assert list(got.index) == ["a", "b", "c"]
        assert got.loc["c", "recency_days"] == 0.0

    def test_client_with_only_returns_is_described_and_named(self):
        # every client in the history is described (and so scored); scoring_basis says why
        tx = tx_frame([("a", "2024-01-01", 5.0), ("r", "2024-01-02", -5.0)])
        got = customer_features(tx, "2024-01-31")
        assert list(got.index) == ["a", "r"]
        assert got.loc["r", ["frequency", "avg_purchase_value", "monetary"]].tolist() == [
            1.0, 0.0, -5.0]
        basis = workbench.churn.scoring_basis(tx, "2024-01-31")["basis"]
        assert basis.to_dict() == {"a": "purchases", "r": "returns_only"}
        labels = churn_labels(tx, "2024-01-01", "30D", data_end="2024-01-31")
        assert list(labels.index) == ["a"]  # labels: buyers only


# ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def history():
    return synthetic_history()


@pytest.fixture(scope="module")
def fitted(history):
    # strict temporal split: train on data up to 2024-09-30, evaluate on the following 3 months
    return ChurnModel(horizon="3M").fit(history, asof="2024-09-30")


def future_rows(asof):
    later = pd.Timestamp(asof) + pd.Timedelta(days=1)
    return tx_frame([("C0001", later, 99.0), ("NEW", later, 5.0), ("C0002", later, -3.0)])


class TestNoLeakage:
    def test_features_ignore_rows_after_asof(self, history):
        asof = "2024-06-30"
        fb = pd.DataFrame(
            {
                "customer_id": ["C0001", "C0002"],
                "date": pd.to_datetime(["2024-06-01", "2024-05-01"]),
                "kind": ["complaint", "complaint"],
                "resolved_date": pd.to_datetime(["2024-07-15", "2024-05-03"]),
            }
        )
        fb_more = pd.concat(
            [
                fb,
                pd.DataFrame(
                    {
                        "customer_id": ["C0001", "C0003"],
                        "date": pd.to_datetime(["2024-07-02", "2024-08-01"]),
                        "kind": ["complaint", "refusal"],
                        "resolved_date": pd.to_datetime([None, None]),
                    }
                ),
            ],
            ignore_index=True,
        )
        before = customer_features(history, asof, feedback=fb)
        after = customer_features(
            pd.concat([history, future_rows(asof)], ignore_index=True), asof, feedback=fb_more
        )
        assert_frame_equal(before, after, check_exact=True)

    def test_predict_proba_ignores_rows_after_asof(self, fitted, history):
        asof = "2024-09-30"
        before = fitted.predict_proba(history, asof)
        after = fitted.predict_proba(
            pd.concat([future_rows(asof), history], ignore_index=True), asof
        )
        assert_series_equal(before, after, check_exact=True)

    def test_fit_ignores_rows_after_asof(self, history):
        asof = "2024-09-30"
        once = ChurnModel(horizon="3M", max_windows=2).fit(history, asof=asof)
        again = ChurnModel(horizon="3M", max_windows=2).fit(
            pd.concat([history, future_rows(asof)], ignore_index=True), asof=asof
        )
        p1 = once.predict_proba(history, "2024-06-30")
        p2 = again.predict_proba(history, "2024-06-30")
        assert_series_equal(p1, p2, check_exact=True)


# ------------------------------------------------------------------------------------------
class TestChurnModel:
    def test_init_only_stores_arguments(self):
        m = ChurnModel(horizon="6M", max_windows=2)
        assert m.get_params()["horizon"] == "6M"
        assert not hasattr(m, "predictor_")

    def test_windows_step_back_one_horizon(self, fitted):
        assert fitted.windows_ == [
            pd.Timestamp("2024-06-30"),
            pd.Timestamp("2024-03-30"),
            pd.Timestamp("2023-12-30"),
            pd.Timestamp("2023-09-30"),
        ]
        assert fitted.asof_ == pd.Timestamp("2024-09-30")
        assert 0 < fitted.base_rate_ < 1

    def test_windows_stop_when_history_runs_out(self, history):
        m = ChurnModel(horizon="6M", max_windows=10).fit(history, asof="2024-06-30")
        # the log starts in January 2022 and a feature date needs one horizon of history
        # before it: 2022-06-30 - 6M = 2021-12-30 is before the first purchase, so it stops
        assert history["date"].min() > pd.Timestamp("2021-12-30")
        assert m.windows_ == [
            pd.Timestamp("2023-12-30"),
            pd.Timestamp("2023-06-30"),
            pd.Timestamp("2022-12-30"),
        ]

    def test_too_short_history_is_a_clear_error(self):
        tx = tx_frame([("a", "2024-01-01", 1.0), ("b", "2024-01-20", 1.0)])
        with pytest.raises(InsufficientHistoryError, match="needs purchases before"):
            ChurnModel(horizon="90D").fit(tx)

    def test_predict_proba_is_a_named_series(self, fitted, history):
        p = fitted.predict_proba(history, "2024-09-30")
        assert p.name == "churn_probability"
        assert p.index.name == "customer_id"
        expected = customer_features(history, "2024-09-30").index
        assert p.index.equals(expected)
        assert ((p >= 0) & (p <= 1)).all()

    def test_too_few_examples_or_leavers_is_a_clear_error(self):
        """One cut-off (seven months of history, a 90-day horizon): 13 clients are too few to
        learn from; 26 with two leavers can be learnt, but not calibrated in three folds. The
        errors say why and what to do (not scikit-learn's)."""
        rows = [(f"c{c}", d, 10.0) for c in range(12)
                for d in pd.date_range("2024-05-01", "2024-12-20", freq="7D")]
        rows += [("stop", d, 10.0) for d in pd.date_range("2024-05-01", "2024-09-20", freq="7D")]
        tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
        for calibrate in (True, False):
            with pytest.raises(InsufficientHistoryError,
                               match=r"13 training example\(s\) over 1 cut-off.*at least 20"):
                ChurnModel(horizon="90D", calibrate=calibrate).fit(tx, asof="2024-12-31")
        more = pd.concat([tx, tx.assign(customer_id=tx["customer_id"] + "b")], ignore_index=True)
        with pytest.raises(InsufficientHistoryError,
                           match=r"2 training example\(s\) churned and 24 stayed.*at least 3"):
            ChurnModel(horizon="90D").fit(more, asof="2024-12-31")
        model = ChurnModel(horizon="90D", calibrate=False).fit(more, asof="2024-12-31")
        assert len(model.windows_) == 1 and model.feature_names_in_

    def test_predict_before_fit_raises(self, history):
        from sklearn.exceptions import NotFittedError

        with pytest.raises(NotFittedError):
            ChurnModel().predict_proba(history)

    def test_calibration_on_temporal_split(self, fitted, history):
        ev = fitted.evaluate(history, "2024-09-30")
        m = ev["metrics"].loc["model"]
        assert abs(m["mean_predicted"] - m["base_rate"]) < 0.05
        cal = ev["calibration"]
        big = cal.loc[cal["n"] >= 30]
        # monotone-ish: observed rate rises with predicted probability
        assert np.corrcoef(big["mean_predicted"], big["observed_rate"])[0, 1] > 0.9
        assert (big["observed_rate"] - big["mean_predicted"]).abs().max() < 0.2
        assert m["roc_auc"] > 0.8
        assert m["brier"] < m["base_rate"] * (1 - m["base_rate"])  # beats the constant forecast

    def test_evaluate_reports_baseline_alongside(self, fitted, history):
        ev = fitted.evaluate(history, "2024-09-30")
        metrics = ev["metrics"]
        assert list(metrics.index) == ["model", "recency_baseline"]
        assert set(metrics.columns) >= {
            "roc_auc", "average_precision", "top_decile_lift", "brier", "base_rate", "n"
        }
        assert metrics["n"].nunique() == 1
        assert list(ev["baseline_calibration"].columns) == [
            "bin_low", "bin_high", "mean_predicted", "observed_rate", "n"
        ]

    def test_evaluate_needs_the_outcome_window(self, fitted, history):
        with pytest.raises(InsufficientHistoryError):
            fitted.evaluate(history, "2024-11-30")

    def test_explain_returns_feature_keys(self, fitted):
        from workbench.narrative import churn_feature_label

        ex = fitted.explain()
        assert list(ex.columns) == ["feature", "importance", "importance_std"]
        assert ex["importance"].is_monotonic_decreasing
        assert len(fitted.explain(top=3)) == 3
        assert "recency_days" in set(ex["feature"])
        assert churn_feature_label("recency_days", "ru") == "Дней с последней покупки"

    def test_reasons_name_features_that_raise_risk(self, fitted, history):
        from workbench.narrative import label_reasons

        r = fitted.reasons(history, "2024-09-30", top=2)
        assert list(r.columns) == [
            "churn_probability", "reason_1", "value_1", "typical_1", "effect_1",
            "reason_2", "value_2", "typical_2", "effect_2",
        ]
        p = fitted.predict_proba(history, "2024-09-30")
        assert_series_equal(r["churn_probability"], p, check_names=False)
        has = r["effect_1"].notna()
        assert has.any()
        assert (r.loc[has, "effect_1"] > 0).all()
        assert (r.loc[has, "effect_1"] >= r.loc[has, "effect_2"].fillna(0)).all()
        assert (r.loc[~has, "reason_1"] == "").all()
        assert r.loc[has, "reason_1"].isin(list(fitted.feature_names_in_)).all()
        assert r.loc[has, "typical_1"].notna().all()
        text = label_reasons(r, "en")
        assert text.loc[has, "reason_1"].str.contains(r"\(typical: ").all()

    def test_feature_missing_at_scoring_is_a_clear_error(self, history):
        customers = pd.DataFrame({"customer_id": ["C0001"], "type": ["B2B"]})
        fb = pd.DataFrame(
            {"customer_id": ["C0001"], "date": pd.to_datetime(["2023-01-01"]),
             "kind": ["complaint"]}
        )
        m = ChurnModel(horizon="6M", max_windows=1).fit(
            history, "2024-06-30", customers=customers, feedback=fb
        )
        with pytest.raises(WorkbenchError, match="fitted with the customers, feedback table"):
            m.predict_proba(history, "2024-06-30")
        with pytest.raises(WorkbenchError, match="fitted with the customers table"):
            m.predict_proba(history, "2024-06-30", feedback=fb)
        # a customers table without the 'type' column: those one-hot columns are all zero
        p = m.predict_proba(history, "2024-06-30", feedback=fb,
                            customers=customers.drop(columns="type"))
        assert len(p) > 0

    def test_cost_column_missing_at_scoring_is_a_clear_error(self, history):
        with_cost = history.assign(cost=history["amount"] * 0.6)
        m = ChurnModel(horizon="6M", max_windows=1).fit(with_cost, "2024-06-30")
        assert "profit" in m.feature_names_in_
        with pytest.raises(WorkbenchError, match=r"\['profit', 'margin'\].*\(e.g. cost\)"):
            m.predict_proba(history, "2024-06-30")



class TestPersistence:
    def test_round_trip_gives_identical_predictions(self, fitted, history, tmp_path):
        path = fitted.save(tmp_path / "churn.wbmodel")
        loaded = ChurnModel.load(path)
        assert loaded.get_params()["horizon"] == "3M"
        assert loaded.feature_names_in_ == fitted.feature_names_in_
        assert_series_equal(
            loaded.predict_proba(history, "2024-09-30"),
            fitted.predict_proba(history, "2024-09-30"),
            check_exact=True,
        )
        assert_frame_equal(loaded.explain(), fitted.explain())

    def test_tampered_payload_is_refused(self, fitted, tmp_path):
        path = fitted.save(tmp_path / "m.wbmodel")
        with zipfile.ZipFile(path) as zf:
            header, payload = zf.read("header.json"), zf.read("model.skops")
        bad = tmp_path / "bad.wbmodel"
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("header.json", header)
            zf.writestr("model.skops", payload[:-10] + b"0123456789")
        with pytest.raises(WorkbenchError, match="altered or damaged"):
            ChurnModel.load(bad)

    def test_other_workbench_version_is_refused(self, fitted, tmp_path):
        path = fitted.save(tmp_path / "m.wbmodel")
        with zipfile.ZipFile(path) as zf:
            header, payload = json.loads(zf.read("header.json")), zf.read("model.skops")
        header["workbench_version"] = "0.0.1"
        old = tmp_path / "old.wbmodel"
        with zipfile.ZipFile(old, "w") as zf:
            zf.writestr("header.json", json.dumps(header))
            zf.writestr("model.skops", payload)
        with pytest.raises(WorkbenchError, match=r"saved by workbench '0.0.1'.*Refit"):
            ChurnModel.load(old)

    def test_foreign_file_is_refused(self, tmp_path):
        path = tmp_path / "model.pkl"
        path.write_bytes(b"\x80\x04not a zip")
        with pytest.raises(WorkbenchError, match="not a workbench churn model"):
            ChurnModel.load(path)
        other = tmp_path / "other.zip"
        with zipfile.ZipFile(other, "w") as zf:
            zf.writestr("header.json", json.dumps({"format": "something-else"}))
            zf.writestr("model.skops", b"")
        with pytest.raises(WorkbenchError, match="not a workbench churn model"):
            ChurnModel.load(other)

    def test_unreviewed_types_are_refused(self, history, tmp_path):
        from sklearn.ensemble import RandomForestClassifier

        m = ChurnModel(
            horizon="6M", max_windows=2,
            estimator=RandomForestClassifier(n_estimators=5, random_state=0),
        ).fit(history, "2024-06-30")
        path = m.save(tmp_path / "rf.wbmodel")
        with pytest.raises(WorkbenchError, match="not on the reviewed list"):
            ChurnModel.load(path)
        loaded = ChurnModel.load(
            path,
            trusted=[
                "sklearn.ensemble._forest.RandomForestClassifier",
                "sklearn.tree._classes.DecisionTreeClassifier",
                "sklearn.tree._tree.Tree",
            ],
        )
        assert_series_equal(loaded.predict_proba(history), m.predict_proba(history))


# ------------------------------------------------------------------------------------------
class TestRiskBand:
    def test_cutoffs_are_inclusive_on_the_upper_band(self):
        p = pd.Series([0.0, 0.29, 0.3, 0.59, 0.6, 1.0], index=list("abcdef"))
        got = risk_band(p)
        assert got.tolist() == ["low", "low", "medium", "medium", "high", "high"]
        assert got.cat.ordered and list(got.cat.categories) == ["low", "medium", "high"]
        assert got.index.equals(p.index)

    def test_custom_cutoffs(self):
        got = risk_band([0.1, 0.5, 0.9], cutoffs=(0.2, 0.8))
        assert got.tolist() == ["low", "medium", "high"]

    @pytest.mark.parametrize("cutoffs", [(0.6, 0.3), (-0.1, 0.5), (0.3, 1.5)])
    def test_bad_cutoffs(self, cutoffs):
        with pytest.raises(WorkbenchError, match="cutoffs"):
            risk_band([0.5], cutoffs=cutoffs)

    def test_probability_out_of_range(self):
        with pytest.raises(WorkbenchError, match=r"\[0, 1\]"):
            risk_band([1.2])


def test_calibration_table_bins():
    got = calibration_table([0, 1, 1, 0], [0.05, 0.95, 0.55, 0.5], n_bins=10)
    want = pd.DataFrame(
        {
            "bin_low": [0.0, 0.5, 0.9],
            "bin_high": [0.1, 0.6, 1.0],
            "mean_predicted": [0.05, 0.525, 0.95],
            "observed_rate": [0.0, 0.5, 1.0],
            "n": [1, 2, 1],
        }
    )
    assert_frame_equal(got, want)


def test_public_names_are_exported():
    for name in ("ChurnModel", "churn_labels", "customer_features", "risk_band"):
        assert name in workbench.__all__ and hasattr(workbench, name)


# ------------------------------------------------------------------------------------------
class TestBgnbdFeatures:
    def test_matches_lifetimes(self, history):
        lifetimes = pytest.importorskip("lifetimes")
        from lifetimes.utils import summary_data_from_transaction_data

        from workbench.churn import _bgnbd_features

        asof = pd.Timestamp("2024-06-30")
        X = customer_features(history, asof)
        ours, (r, alpha, a, b) = _bgnbd_features(X, 91)
        cut = history.loc[history["date"] <= asof].astype({"customer_id": object})
        summ = summary_data_from_transaction_data(cut, "customer_id", "date",
                                                  observation_period_end=asof, freq="D")
        bgf = lifetimes.BetaGeoFitter(penalizer_coef=0.001).fit(
            summ["frequency"], summ["recency"], summ["T"]
        )
        assert [r, alpha, a, b] == pytest.approx(list(bgf.params_), rel=1e-2)
        expected = bgf.conditional_expected_number_of_purchases_up_to_time(
            91, summ["frequency"], summ["recency"], summ["T"]
        )
        alive = bgf.conditional_probability_alive(summ["frequency"], summ["recency"], summ["T"])
        np.testing.assert_allclose(ours["bgnbd_expected_purchases"], expected, rtol=1e-2,
                                   atol=1e-3)
        np.testing.assert_allclose(ours["bgnbd_p_alive"], alive, rtol=1e-2, atol=1e-3)
        assert ours["bgnbd_p_no_purchase"].between(0, 1).all()


@pytest.mark.skipif(
    not hasattr(__import__("workbench.datasets").datasets, "generate_sample"),
    reason="the sample generator is not there yet",
)
def test_calibration_on_the_sample_business():
    """Train up to 2025-09-30 on a small sample business and check the next quarter."""
    import warnings

    from workbench.datasets import generate_sample

    tables = generate_sample(seed=42, n_customers=800)
    crm = {k: tables[k] for k in ("customers", "feedback", "survey")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        model = ChurnModel(horizon="3M", max_windows=3).fit(tables["transactions"],
                                                             "2025-09-30", **crm)
        ev = model.evaluate(tables["transactions"], "2025-09-30", **crm)
    m = ev["metrics"].loc["model"]
    assert abs(m["mean_predicted"] - m["base_rate"]) < 0.07
    cal = ev["calibration"].loc[lambda d: d["n"] >= 30]
    assert np.corrcoef(cal["mean_predicted"], cal["observed_rate"])[0, 1] > 0.8
    assert m["roc_auc"] > ev["metrics"].loc["recency_baseline", "roc_auc"] - 0.02



# ------------------------------------------------------------------------------------------
# the package layout, the domain-model contract and the client folder
# ------------------------------------------------------------------------------------------
#: The scikit-learn estimator checks that hold for ChurnModel (a domain model taking a
#: transaction log; checks that feed it numeric arrays do not apply). Pinned: a change that
#: breaks one of them, or makes another one pass, shows here.
SKLEARN_CHECKS_THAT_HOLD = {
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_estimators_unfitted",
    "check_fit1d",
    "check_get_params_invariance",
    "check_mixin_order",
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_set_params",
    "check_valid_tag_types",
}


def test_sklearn_estimator_checks_that_hold_are_pinned():
    import warnings

    from sklearn.utils.estimator_checks import check_estimator

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = check_estimator(ChurnModel(), on_fail=None)
    passed = {r["check_name"] for r in results if r["status"] == "passed"}
    failed = {r["check_name"] for r in results if r["status"] != "passed"}
    assert passed == SKLEARN_CHECKS_THAT_HOLD
    assert not passed & failed


def test_churn_docstring_says_domain_model():
    assert "domain model" in ChurnModel.__doc__
    assert "lifetimes" in ChurnModel.__doc__ and "PyMC-Marketing" in ChurnModel.__doc__


def test_public_names_importable_from_workbench_and_churn():
    import workbench.churn as churn

    at_top = ("DEFAULT_RISK_CUTOFFS", "ChurnModel", "backtest_asof", "churn_labels",
              "customer_features", "risk_band")
    for name in at_top:
        assert getattr(churn, name) is getattr(workbench, name)
    for name in churn.__all__:
        assert getattr(churn, name) is not None
    assert churn.ChurnModel.__module__ == "workbench.churn._model"


def test_the_churn_package_holds_no_prose():
    import workbench.churn as churn

    assert not [n for n in dir(churn) if n.startswith(("describe_", "format_", "label_"))]
    assert workbench.describe_risk.__module__ == "workbench.narrative._churn"


def _folder_tables():
    rng = np.random.default_rng(3)
    rows = []
    for i in range(60):
        start = pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 60)))
        n = int(rng.integers(1, 12))
        for k in range(n):
            rows.append((f"c{i:02d}", start + pd.Timedelta(days=int(k * rng.integers(10, 50))),
                         float(rng.integers(5, 100))))
    tx = tx_frame(rows)
    customers = pd.DataFrame({"customer_id": pd.array([f"c{i:02d}" for i in range(60)],
                                                      dtype="string"),
                              "type": ["B2B" if i % 3 else "B2C" for i in range(60)]})
    return tx, customers


def test_methods_take_the_client_folder():
    from workbench.io._folder import DataFolder

    tx, customers = _folder_tables()
    folder = DataFolder(path=None, tables={"transactions": tx, "customers": customers})
    asof = "2024-03-31"
    a = ChurnModel("90D", max_windows=2).fit(tx, asof, customers=customers)
    b = ChurnModel("90D", max_windows=2).fit(folder, asof)
    assert b.tables_ == ("customers",)
    assert_series_equal(a.predict_proba(tx, asof, customers=customers), b.predict_proba(folder, asof))
    assert_frame_equal(customer_features(folder, asof), customer_features(tx, asof, customers))
    ev_a = a.evaluate(tx, "2023-12-31", customers=customers)["metrics"]
    ev_b = b.evaluate(folder, "2023-12-31")["metrics"]
    assert_frame_equal(ev_a, ev_b)
    assert_frame_equal(a.reasons(tx, asof, customers=customers), b.reasons(folder, asof))
    # a plain {table: frame} mapping works too, and an explicit table wins over the folder's
    assert_series_equal(b.predict_proba({"transactions": tx, "customers": customers}, asof),
                        b.predict_proba(folder, asof))
    with pytest.raises(WorkbenchError, match="no transactions"):
        b.predict_proba({"customers": customers}, asof)
    with pytest.raises(WorkbenchError, match="client folder"):
        b.predict_proba([1, 2, 3], asof)


# ------------------------------------------------------------------------------------------
# every client in the history gets a probability (issue: 68 CDNOW clients with only 0 amounts)
# ------------------------------------------------------------------------------------------
def test_zero_value_and_returns_only_clients_are_scored_and_named():
    tx, _ = _folder_tables()
    extra = tx_frame([("z1", "2023-05-01", 0.0), ("z1", "2023-09-01", 0.0),
                      ("r1", "2023-06-01", -15.0), ("r1", "2023-06-02", 0.0)])
    both = pd.concat([tx, extra], ignore_index=True)
    asof = "2024-03-31"
    plain = ChurnModel("90D", max_windows=2).fit(tx, asof)
    model = ChurnModel("90D", max_windows=2).fit(both, asof)
    p = model.predict_proba(both, asof)
    assert set(p.index) == set(both["customer_id"])          # nobody silently missing
    assert p.notna().all() and ((p >= 0) & (p <= 1)).all()
    # the paying clients' scores do not move: training rows and BG/NBD parameters come from
    # paying clients only
    assert_series_equal(p.drop(["r1", "z1"]), plain.predict_proba(tx, asof))
    basis = workbench.churn.scoring_basis(both, asof)
    assert list(basis.index) == list(p.index)
    assert basis.loc["z1", "basis"] == "zero_value_only" and basis.loc["r1", "basis"] == "returns_only"
    assert (basis.drop(["r1", "z1"])["basis"] == "purchases").all()
    assert basis.loc["z1", ["rows", "paid_rows"]].tolist() == [2, 0]
    f = customer_features(both, asof)
    assert f.loc["z1", "frequency"] == 2.0 and f.loc["z1", "avg_purchase_value"] == 0.0
    assert f.loc["z1", "recency_days"] == (pd.Timestamp(asof) - pd.Timestamp("2023-09-01")).days
    # evaluation is on labelled (paying) clients only
    ev = model.evaluate(both, "2023-12-31")["metrics"]
    assert ev.loc["model", "n"] == len(churn_labels(both, "2023-12-31", "90D"))


def test_features_sorting_dedup_matches_unique():
    rng = np.random.default_rng(5)
    n = 3000
    tx = tx_frame([(f"c{int(rng.integers(0, 200))}",
                    pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 300))),
                    float(rng.choice([0.0, 10.0, 20.0, -5.0]))) for _ in range(n)])
    f = customer_features(tx, "2023-12-31")
    buy = tx.loc[tx["amount"] > 0]
    days = buy.groupby("customer_id")["date"].nunique()
    assert_series_equal(f.loc[days.index, "frequency"], days.astype("float64"),
                        check_names=False, check_index_type=False)


def test_labels_asof_day_includes_the_whole_day():
    tx = tx_frame([("a", "2024-01-31 09:39", 10.0), ("b", "2024-01-10 00:00", 5.0),
                   ("b", "2024-03-01 18:00", 5.0), ("c", "2024-01-05 00:00", 1.0),
                   ("c", "2024-03-31 23:59", 2.0), ("d", "2024-04-01 00:00", 1.0)])
    y = churn_labels(tx, "2024-01-31", "60D")  # window: Feb 1 .. Mar 31, whole days
    assert y.to_dict() == {"a": 1, "b": 0, "c": 0}


def test_model_vs_recency_verdict_by_hand():
    from workbench.churn import model_vs_recency

    def m(auc, brier):
        return pd.DataFrame({"roc_auc": auc, "brier": brier, "n": [50, 50]},
                            index=["model", "recency_baseline"])

    v = model_vs_recency(m([0.84, 0.83], [0.10, 0.11]))  # CDNOW-like: 0.01 AUC is no better
    assert v["model_better"] is False and v["rank_by"] == "recency"
    assert v["auc_gain"] == pytest.approx(0.01)
    assert model_vs_recency(m([0.90, 0.83], [0.10, 0.11]))["rank_by"] == "model"
    assert model_vs_recency(m([0.90, 0.83], [0.12, 0.11]))["model_better"] is False  # Brier worse
    assert model_vs_recency(m([0.84, 0.83], [0.10, 0.11]), min_auc_gain=0.0)["model_better"]


def test_bgnbd_parameters_of_the_same_histories_are_fitted_once(monkeypatch):
    from workbench.churn import _bgnbd

    monkeypatch.setattr(_bgnbd, "_FITTED", type(_bgnbd._FITTED)())
    monkeypatch.delenv("WORKBENCH_CACHE_DIR", raising=False)
    calls = []
    real = _bgnbd._bgnbd_mle

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(_bgnbd, "_bgnbd_mle", counting)
    rng = np.random.default_rng(3)
    big_t = rng.integers(30, 400, 500).astype("float64")
    t_x = np.floor(big_t * rng.random(500))
    x = np.where(t_x > 0, rng.integers(1, 6, 500), 0).astype("float64")
    first = _bgnbd._bgnbd_fit(x, t_x, big_t)
    assert _bgnbd._bgnbd_fit(x.copy(), t_x.copy(), big_t.copy()) == first  # same content
    assert len(calls) == 1
    assert first == real(x, t_x, big_t, 1.0 / big_t.max(), 0.001)
    other = _bgnbd._bgnbd_fit(x, t_x, big_t + 1.0)
    assert len(calls) == 2 and other != first
    # a base past the subset size: the subset is fitted, on the whole base's time scale
    many = 3 * _bgnbd._BGNBD_FIT_ROWS
    big = rng.integers(30, 900, many).astype("float64")
    tb = np.floor(big * rng.random(many))
    xb = np.where(tb > 0, rng.integers(1, 6, many), 0).astype("float64")
    take = np.random.default_rng(0).choice(many, _bgnbd._BGNBD_FIT_ROWS, replace=False)
    assert _bgnbd._bgnbd_fit(xb, tb, big) == real(xb[take], tb[take], big[take],
                                                   1.0 / big.max(), 0.001)


def test_cut_offs_from_one_factorisation_equal_their_own():
    """The fit factorises the clients once: every cut-off's features and labels from those
    codes equal the ones computed from the cut-off's rows alone (object and text ids, zero
    and negative amounts, clients absent from a cut)."""
    from workbench.churn._features import _features, subset_codes
    from workbench.churn._horizons import parse_horizon
    from workbench.churn._labels import _labels

    rng = np.random.default_rng(11)
    rows = [(f"c{int(rng.integers(0, 300)):03d}",
             pd.Timestamp("2023-01-01") + pd.Timedelta(hours=int(rng.integers(0, 24 * 700))),
             float(rng.choice([0.0, 12.5, 20.0, -5.0, 99.0]))) for _ in range(4000)]
    for ids_kind in ("string", object):
        full = tx_frame(rows)
        full["customer_id"] = full["customer_id"].astype(ids_kind)
        codes, uniques = pd.factorize(full["customer_id"], sort=True)
        for cut in ("2023-03-31", "2023-09-30", "2024-06-30"):
            asof = pd.Timestamp(cut)
            through = (full["date"] < asof + pd.Timedelta(days=1)).to_numpy()
            part = full.loc[through]
            got_codes, got_ids = subset_codes(codes[through], uniques)
            want_codes, want_ids = pd.factorize(part["customer_id"], sort=True)
            np.testing.assert_array_equal(got_codes, want_codes)
            assert list(got_ids) == list(want_ids)
            assert_frame_equal(_features(part, asof, None, None, None, {},
                                         codes=(codes[through], uniques)),
                               _features(part, asof, None, None, None, {}))
            offset = parse_horizon("90D")
            # the reference: buyers up to asof (sorted), churned when absent from the window
            end = asof + pd.DateOffset(days=90) + pd.Timedelta(days=1)
            paid = full["amount"] > 0
            seen = full.loc[(full["date"] < asof + pd.Timedelta(days=1)) & paid, "customer_id"]
            buyers = pd.Index(seen.unique(), name="customer_id").sort_values()
            back = full.loc[(full["date"] >= asof + pd.Timedelta(days=1))
                            & (full["date"] < end) & paid, "customer_id"]
            want = pd.Series((~buyers.isin(back.unique())).astype("int64"), index=buyers,
                             name="churned")
            assert_series_equal(_labels(full, asof, offset, codes=(codes, uniques)), want)
            assert_series_equal(_labels(full, asof, offset), want)

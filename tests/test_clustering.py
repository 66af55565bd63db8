"""Segmenter: scikit-learn contract, planted segments, names, profile, stability."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.utils.estimator_checks import parametrize_with_checks

from workbench.errors import WorkbenchError
from workbench.segmentation.clustering import Segmenter, customer_feature_table

ROOT = Path(__file__).resolve().parents[1]


def _planted(n=2000, seed=0):
    """Four planted segments in log space, exponentiated: skewed like money and counts."""
    centers = np.array(
        [[2.0, 0.5, 6.0], [4.0, 2.5, 8.5], [1.0, 2.0, 4.0], [5.0, 0.2, 5.0]]
    )
    Xl, y = make_blobs(n_samples=n, centers=centers, cluster_std=0.35, random_state=seed)
    X = pd.DataFrame(
        np.expm1(np.abs(Xl)), columns=["recency_days", "frequency", "monetary_total"]
    )
    return X, y


@parametrize_with_checks(
    [Segmenter(k_range=(2, 4), n_init=2), Segmenter(n_clusters=3, method="agglomerative")],
)
def test_sklearn_estimator_checks(estimator, check):
    check(estimator)


def _planted_lognormal(seed, n=(100, 200, 400, 800), sd=0.4):
    """Four clearly separated log-normal customer types, most clients in the big-buyer types.

    In log space the types sit on the corners of a box (orders/month 0.5 or 8, average order
    60 or 1,500, units per order 1.5 ... 30) with spread ``sd``; on the raw scale the many big
    buyers hide the skew (skewness below 1), which made ``skew="auto"`` keep the raw scale and
    pick 2 or 3 groups.
    """
    rng = np.random.default_rng(seed)
    centers = np.array([[0.5, 60, 1.5], [8, 60, 4], [0.5, 1500, 12], [8, 1500, 30]])
    parts = [np.exp(rng.normal(np.log(c), sd, size=(m, 3))) for c, m in zip(centers, n, strict=True)]
    X = pd.DataFrame(np.vstack(parts), columns=["orders_per_month", "avg_order", "units_per_order"])
    return X, np.repeat(np.arange(4), n)


class TestPlantedSkewedTypes:
    @pytest.mark.parametrize("seed", range(5))
    def test_auto_k_finds_four_log_normal_types(self, seed):
        from workbench.segmentation.clustering import _skew

        X, y = _planted_lognormal(seed)
        assert min(_skew(X[c].to_numpy()) for c in X) < 1.0  # the skew test alone misses it
        seg = Segmenter(n_clusters="auto", k_range=(2, 8)).fit(X)
        assert seg.log_columns_.all()
        assert seg.n_clusters_ == 4
        assert adjusted_rand_score(y, seg.labels_) >= 0.95

    def test_narrow_positive_gaussian_columns_stay_on_the_raw_scale(self):
        Xg, y = make_blobs(n_samples=600, centers=[[50, 50], [80, 50], [50, 80], [80, 80]],
                           cluster_std=3.0, random_state=0)
        seg = Segmenter(n_clusters="auto", k_range=(2, 6)).fit(Xg)
        assert not seg.log_columns_.any()
        assert seg.n_clusters_ == 4
        assert adjusted_rand_score(y, seg.labels_) >= 0.95


class TestPlantedSegments:
    def test_auto_k_finds_four_with_high_ari(self):
        X, y = _planted()
        seg = Segmenter(n_clusters="auto", k_range=(2, 8)).fit(X)
        assert seg.n_clusters_ == 4
        assert adjusted_rand_score(y, seg.labels_) >= 0.9
        assert list(seg.k_scores_.index) == list(range(2, 9))
        assert seg.k_scores_.idxmax() == 4
        assert seg.log_columns_.all()

    def test_auto_k_on_a_sample_for_large_data(self):
        X, y = _planted(n=3000)
        seg = Segmenter(k_range=(2, 6), sample_size=500).fit(X)
        assert seg.n_clusters_ == 4
        assert adjusted_rand_score(y, seg.labels_) >= 0.9

    @pytest.mark.parametrize("method", ["gmm", "agglomerative"])
    def test_other_methods_recover_planted(self, method):
        X, y = _planted(n=800)
        seg = Segmenter(n_clusters=4, method=method).fit(X)
        assert adjusted_rand_score(y, seg.labels_) >= 0.9
        assert adjusted_rand_score(y, seg.predict(X)) >= 0.9

    def test_agglomerative_on_large_data_uses_nearest_centroid(self):
        X, y = _planted(n=1200)
        seg = Segmenter(n_clusters=4, method="agglomerative", sample_size=300).fit(X)
        assert adjusted_rand_score(y, seg.labels_) >= 0.9
        np.testing.assert_array_equal(seg.predict(X), seg.labels_)

    def test_deterministic_for_a_seed(self):
        X, _ = _planted(n=600)
        a = Segmenter(k_range=(2, 5)).fit(X)
        b = Segmenter(k_range=(2, 5)).fit(X)
        np.testing.assert_array_equal(a.labels_, b.labels_)
        pd.testing.assert_series_equal(a.k_scores_, b.k_scores_)

    def test_label_zero_is_the_largest_segment(self):
        X, _ = _planted(n=600)
        seg = Segmenter(n_clusters=4).fit(X)
        sizes = np.bincount(seg.labels_)
        assert list(sizes) == sorted(sizes, reverse=True)

    def test_stability_is_high_on_planted_segments(self):
        X, _ = _planted(n=600)
        seg = Segmenter(n_clusters=4, n_init=3).fit(X)
        ari = seg.stability(X, n_boot=3)
        assert ari.shape == (3,) and ari.name == "ari"
        assert ari.min() >= 0.9


class TestNamesAndProfile:
    def test_names_read_the_profile(self):
        X = pd.DataFrame(
            {
                "recency_days": [5.0, 6, 7, 5, 300, 310, 320, 305],
                "frequency": [10.0, 12, 11, 10, 1, 1, 1, 1],
                "monetary_total": [900.0, 950, 1000, 920, 20, 25, 22, 21],
            }
        )
        seg = Segmenter(n_clusters=2, skew="none").fit(X)
        from workbench.narrative import cluster_label

        keys = set(seg.segment_keys_.values())
        # first segment: low recency + high frequency (or money); the other the opposite
        assert any(k.startswith("recency_low+") for k in keys)
        assert any(k.startswith("recency_high+") for k in keys)
        names = {cluster_label(k, "en") for k in keys}
        assert any(n.startswith("Recent ") for n in names)
        assert any(n.startswith("Lapsed ") for n in names)
        assert {cluster_label(k, "ru").split()[0] for k in keys} == {"Недавние", "Уснувшие"}

    def test_unknown_feature_names_use_the_generic_words(self):
        X = pd.DataFrame({"zz": [0.0, 0.1, 0.2, 10, 10.1, 10.2]})
        seg = Segmenter(n_clusters=2, skew="none").fit(X)
        from workbench.narrative import cluster_label

        assert sorted(seg.segment_keys_.values()) == ["high_feature:zz", "low_feature:zz"]
        names = sorted(cluster_label(k, "en") for k in seg.segment_keys_.values())
        assert names == ["High zz", "Low zz"]

    def test_profile_columns_and_revenue_share(self):
        X, _ = _planted(n=400)
        seg = Segmenter(n_clusters=4).fit(X)
        prof = seg.profile(X, revenue="monetary_total")
        assert prof["size"].sum() == 400
        assert prof["share"].sum() == pytest.approx(1.0)
        assert prof["revenue_share"].sum() == pytest.approx(1.0)
        assert {"frequency_mean", "frequency_median", "key"} <= set(prof.columns)
        assert prof.index.name == "segment"

    def test_customer_feature_table_feeds_the_segmenter(self):
        tx = pd.DataFrame(
            {
                "customer_id": [f"c{i}" for i in range(12) for _ in range(i % 3 + 1)],
                "date": pd.Timestamp("2024-01-01")
                + pd.to_timedelta([7 * j for i in range(12) for j in range(i % 3 + 1)], "D"),
                "amount": [10.0 * (i + 1) for i in range(12) for _ in range(i % 3 + 1)],
            }
        )
        X = customer_feature_table(tx, asof="2024-03-01", kind="rfm")
        assert list(X.columns) == [
            "recency_days", "frequency", "monetary_total", "monetary_mean", "tenure_days"
        ]
        seg = Segmenter(k_range=(2, 3)).fit(X)
        assert len(seg.labels_) == 12
        # the default (behaviour) table without a quantity column: no units_per_order
        X = customer_feature_table(tx, asof="2024-03-01")
        assert list(X.columns) == ["orders_per_month", "monetary_mean", "active_months_share"]
        assert len(Segmenter(k_range=(2, 3)).fit(X).labels_) == 12

    def test_behaviour_table_by_hand(self):
        # a: 3 orders (one with two lines) over Jan-Mar; b: one order of 4 units; c: a return
        tx = pd.DataFrame(
            {
                "customer_id": ["a", "a", "a", "a", "b", "c", "c"],
                "order_id": ["o1", "o1", "o2", "o3", "o4", "o5", "r5"],
                "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-20", "2024-03-31",
                                        "2024-03-16", "2024-02-01", "2024-02-05"]),
                "amount": [10.0, 20.0, 30.0, 60.0, 100.0, 50.0, -10.0],
                "quantity": [1, 2, 3, 6, 4, 5, -1],
            }
        )
        X = customer_feature_table(tx, asof="2024-03-31")
        expected = pd.DataFrame(
            {
                "orders_per_month": [3 / 90 * 30.4, 1 / 30 * 30.4, 1 / 59 * 30.4],
                "monetary_mean": [40.0, 100.0, 40.0],
                "units_per_order": [4.0, 4.0, 5.0],
                "active_months_share": [2 / 3, 1.0, 1 / 2],
            },
            index=pd.Index(["a", "b", "c"], name="customer_id"),
        )
        pd.testing.assert_frame_equal(X, expected, check_index_type=False)

    def test_behaviour_table_bad_kind(self):
        tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]),
                           "amount": [1.0]})
        with pytest.raises(WorkbenchError, match="kind must be"):
            customer_feature_table(tx, kind="clusters")

    @pytest.mark.skipif(not (ROOT / "data" / "samples" / "transactions.csv").exists(),
                        reason="no sample data")
    def test_behaviour_table_finds_the_planted_kinds_on_the_sample(self):
        """Auto-k on the default table recovers the sample's planted kinds better than RFM."""
        from workbench.datasets import load_sample

        data = load_sample()
        tx, truth = data["transactions"], data["customers"].set_index("customer_id")["segment"]
        ari = {}
        for kind in ("rfm", "behaviour"):
            X = customer_feature_table(tx, kind=kind)
            seg = Segmenter(n_clusters="auto", k_range=(2, 8), random_state=0).fit(X)
            ari[kind] = (seg.n_clusters_, adjusted_rand_score(truth.reindex(X.index), seg.labels_))
        # measured: rfm k=2, ARI 0.587; behaviour k=3, ARI 0.687
        assert ari["behaviour"][0] == 3
        assert ari["behaviour"][1] > 0.65 > ari["rfm"][1] + 0.05


class TestErrors:
    def test_bad_method(self):
        with pytest.raises(WorkbenchError, match="method must be one of 'kmeans', 'gmm'"):
            Segmenter(method="dbscan").fit(np.random.default_rng(0).random((10, 2)))

    def test_too_many_clusters(self):
        with pytest.raises(WorkbenchError, match="n_clusters=20 needs between 1 and 10"):
            Segmenter(n_clusters=20).fit(np.random.default_rng(0).random((10, 2)))

    def test_predict_before_fit(self):
        from sklearn.exceptions import NotFittedError

        with pytest.raises(NotFittedError):
            Segmenter().predict(np.zeros((2, 2)))


class TestDescribeSegments:
    """describe_segments / format_segment_profile / name_labels on a tiny two-group table."""

    @staticmethod
    def _X():
        return pd.DataFrame(
            {
                "recency_days": [5.0, 6, 7, 300, 310, 320],
                "frequency": [10.0, 12, 11, 1, 1, 2],
                "monetary_total": [1000.0, 1200, 900, 10, 15, 30],
            },
            index=pd.Index(list("abcdef"), name="customer_id"),
        )

    def test_fixed_k_russian_with_revenue_and_stability(self):
        from workbench.narrative import describe_segments

        X = self._X()
        seg = Segmenter(n_clusters=2, skew="none").fit(X)
        text = describe_segments(seg, X, revenue="monetary_total",
                                 stability=pd.Series([0.9, 1.0, 0.5]), language="ru")
        assert text == (
            "Сегментов: 2 (k задано вручную).\n"
            "«Недавние частые»: клиентов — 3 (50\u00a0%), 98\u00a0% выручки; медианы: дней с последней "
            "покупки 6, заказов 11, выручка 1\u00a0000\n"
            "«Уснувшие редкие»: клиентов — 3 (50\u00a0%), 2\u00a0% выручки; медианы: дней с последней "
            "покупки 310, заказов 1, выручка 15\n"
            "Устойчивость на 3 бутстреп-выборках: медиана скорректированного индекса Рэнда 0,90, "
            "сегменты устойчивы, на них можно опираться."
        )

    def test_auto_k_english(self):
        from workbench.narrative import describe_segments

        X = self._X()
        seg = Segmenter(k_range=(2, 3), skew="none").fit(X)
        assert describe_segments(seg, X, language="en", features=2) == (
            "The silhouette is highest at k = 2 (0.90, a strong structure); next: k = 3 (0.65).\n"
            "«Recent frequent»: 3 customers (50%); median days since last purchase 6, orders 11\n"
            "«Lapsed infrequent»: 3 customers (50%); median days since last purchase 310, "
            "orders 1"
        )

    def test_names_do_not_repeat_a_kind(self):
        X = self._X().assign(monetary_mean=lambda f: f["monetary_total"] / f["frequency"])
        seg = Segmenter(n_clusters=2, skew="none").fit(X[["monetary_total", "monetary_mean"]])
        assert sorted(seg.segment_keys_.values()) == ["monetary_high", "monetary_low"]

    def test_name_labels_follow_the_index(self):
        X = self._X()
        seg = Segmenter(n_clusters=2, skew="none").fit(X)
        labels = seg.name_labels(X)
        assert labels.name == "cluster"
        assert labels.index.tolist() == list("abcdef")
        assert labels.tolist() == (["recency_low+frequency_high"] * 3
                                   + ["recency_high+frequency_low"] * 3)

    def test_format_profile_translates_features(self):
        from workbench.narrative import format_segment_profile

        X = self._X()
        seg = Segmenter(n_clusters=2, skew="none").fit(X)
        shown = format_segment_profile(seg.profile(X, revenue="monetary_total"),
                                       language="ru")
        assert list(shown.columns) == [
            "Клиентов", "Доля клиентов", "Доля выручки", "Дней с последней покупки, медиана",
            "Заказов, медиана", "Выручка, медиана",
        ]
        assert shown["Выручка, медиана"].tolist() == ["1\u00a0000", "15"]
        with pytest.raises(WorkbenchError, match="statistic must be"):
            format_segment_profile(seg.profile(X), statistic="mode")

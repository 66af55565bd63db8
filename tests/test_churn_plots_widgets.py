"""Churn plots return their Axes; churn panels recompute when their controls move."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from workbench import plotting, widgets  # noqa: E402
from workbench.churn import calibration_table  # noqa: E402
from workbench.economics import money_confusion, retention_plan  # noqa: E402
from workbench.errors import WorkbenchError  # noqa: E402


@pytest.fixture
def scores():
    rng = np.random.default_rng(0)
    idx = pd.Index([f"c{i:03d}" for i in range(200)], dtype="string", name="customer_id")
    p = pd.Series(rng.uniform(0, 1, 200), index=idx, name="churn_probability")
    value = pd.Series(rng.lognormal(5, 1, 200), index=idx)
    actual = pd.Series((rng.uniform(0, 1, 200) < p).astype(int), index=idx)
    segments = pd.Series(rng.choice(["A", "B", "C"], 200), index=idx)
    return p, value, actual, segments


class TestPlots:
    def test_gain_curve_marks_the_optimum(self, scores):
        p, value, _, _ = scores
        plan = retention_plan(p, value, 50.0, 0.3)
        ax = plotting.plot_gain_curve(plan, language="ru")
        assert ax.get_xlabel() == "Клиентов в кампании"
        assert any("Оптимум" in t.get_text() for t in ax.texts)
        x, y = ax.lines[0].get_data()
        assert len(x) == len(p) + 1 and max(y) == pytest.approx(plan.total_gain)

    def test_calibration_draws_model_and_baseline(self, scores):
        p, _, actual, _ = scores
        table = calibration_table(actual, p)
        ev = {"calibration": table, "baseline_calibration": table}
        ax = plotting.plot_calibration(ev, language="en")
        labels = [line.get_label() for line in ax.lines]
        assert labels == ["Perfect calibration", "Model", "Recency baseline"]
        fig, ax2 = plt.subplots()
        assert plotting.plot_calibration(table, ax=ax2) is ax2

    def test_risk_bands_legend_counts(self, scores):
        p = scores[0]
        ax = plotting.plot_risk_bands(p, language="en")
        texts = [t.get_text() for t in ax.get_legend().get_texts()]
        n_high = int((p >= 0.6).sum())
        assert f"high risk: {n_high}" in texts

    def test_importances_from_a_frame(self):
        imp = pd.DataFrame(
            {"feature": ["recency_days", "type=B2B"], "importance": [0.2, 0.01],
             "importance_std": [0.01, 0.0]}
        )
        ax = plotting.plot_importances(imp, language="en")
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Type: B2B",
                                                               "Days since last purchase"]

    def test_money_confusion_heatmap(self, scores):
        p, value, actual, _ = scores
        frame = money_confusion(p, actual, value, 50.0, 0.3, 0.5)
        ax = plotting.plot_money_confusion(frame, language="en")
        assert [t.get_text() for t in ax.get_xticklabels()] == ["offer", "no offer"]
        assert len(ax.texts) == 4


class TestRetentionPanel:
    def test_sliders_update_number_to_target_and_gain(self, scores):
        p, value, _, segments = scores
        panel = widgets.retention_panel(p, value, segments=segments, offer_cost=10.0,
                                        success_rate=0.3, language="en")
        first = panel.result
        assert first.n_target > 0
        assert "Target <b>" in panel.summary.value
        panel.controls["offer_cost"].value = 100.0
        assert panel.result.n_target < first.n_target
        assert panel.result.total_gain < first.total_gain
        panel.controls["success_rate"].value = 0.9
        assert panel.result.total_gain > 0
        assert set(panel.result.by_segment.index) == {"A", "B", "C"}
        assert "horizon" not in panel.controls

    def test_horizon_slider_switches_probabilities_and_value(self, scores):
        p, value, _, _ = scores
        probs = {"3M": p * 0.5, "6M": p}
        panel = widgets.retention_panel(probs, lambda h: value * (2 if h == "6M" else 1),
                                        offer_cost=20.0, language="ru")
        assert list(panel.controls["horizon"].options) == ["3M", "6M"]
        short = panel.result.total_gain
        panel.controls["horizon"].value = "6M"
        assert panel.result.total_gain > short
        assert "Предложение" in panel.summary.value

    def test_expensive_offer_says_nobody(self, scores):
        p, value, _, _ = scores
        panel = widgets.retention_panel(p, value, offer_cost=1.0, max_cost=1e9, language="en")
        panel.controls["offer_cost"].value = 1e9
        assert panel.result.n_target == 0
        assert "No client is worth the offer" in panel.summary.value

    def test_callable_value_needs_horizons(self, scores):
        p, value, _, _ = scores
        with pytest.raises(WorkbenchError, match="horizons="):
            widgets.retention_panel(p, lambda h: value)


class TestThresholdPanel:
    def test_threshold_moves_the_money(self, scores):
        p, value, actual, _ = scores
        panel = widgets.threshold_panel(p, actual, value, offer_cost=50.0, success_rate=0.3,
                                        threshold=0.5, language="en")
        n_half = panel.result.attrs["n_targeted"]
        text = panel.summary.value
        panel.controls["threshold"].value = 0.9
        assert panel.result.attrs["n_targeted"] < n_half
        assert panel.summary.value != text
        assert "Threshold 0.90" in panel.summary.value

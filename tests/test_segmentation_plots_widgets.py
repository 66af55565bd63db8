"""Plots return Axes with translated labels; panels recompute when controls move."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from workbench.errors import WorkbenchError  # noqa: E402
from workbench.plotting._segmentation import (  # noqa: E402
    plot_abc_pareto,
    plot_abc_xyz_matrix,
    plot_cluster_profiles,
    plot_ladder,
    plot_rfm_heatmap,
    plot_silhouette,
)
from workbench.segmentation import (  # noqa: E402
    Segmenter,
    abc_xyz,
    abc_xyz_summary,
    customer_feature_table,
    loyalty_ladder,
    rfm_table,
)
from workbench.widgets._segmentation import abc_xyz_panel, segmentation_panel  # noqa: E402


@pytest.fixture(scope="module")
def tx():
    rng = np.random.default_rng(0)
    rows = []
    for c in range(60):
        n = int(rng.integers(1, 15))
        days = np.sort(rng.integers(0, 700, size=n))
        for d in days:
            amount = float(rng.gamma(2.0, 50.0 * (1 + c % 4)))
            rows.append((f"c{c:03d}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(d)),
                         amount, amount * 0.7))
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount", "cost"])


class TestPlots:
    def test_rfm_heatmap(self, tx):
        ax = plot_rfm_heatmap(rfm_table(tx), language="ru")
        assert isinstance(ax, Axes)
        assert ax.get_ylabel() == "R (5 = недавно)"
        assert "выручка" in ax.get_title()

    def test_abc_pareto(self, tx):
        ax = plot_abc_pareto(abc_xyz(tx), language="en")
        assert ax.get_xlabel() == "Share of customers"
        assert ax.get_legend() is not None
        # shares read as percents, in each language's typography
        for axis in (ax.xaxis, ax.yaxis):
            assert axis.get_major_formatter()(0.8, 0) == "80%"
        ru = plot_abc_pareto(abc_xyz(tx), language="ru")
        assert ru.yaxis.get_major_formatter()(0.95, 0) == "95\u00a0%"

    def test_abc_xyz_matrix(self, tx):
        summary = abc_xyz_summary(abc_xyz(tx))
        ax = plot_abc_xyz_matrix(summary, what="clients", language="ru")
        texts = [int(t.get_text()) for t in ax.texts]
        assert sum(texts) == summary["clients"].sum()
        assert ax.get_ylabel() == "Объём (ABC)"

    def test_abc_xyz_matrix_bad_what(self, tx):
        with pytest.raises(WorkbenchError, match="what must be one of"):
            plot_abc_xyz_matrix(abc_xyz_summary(abc_xyz(tx)), what="money")

    def test_ladder_bars_split_by_profit(self, tx):
        ax = plot_ladder(loyalty_ladder(tx), language="ru")
        assert ax.get_title() == "Лестница приверженности"
        labels = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
        assert labels[0] == "Потенциальный" and labels[-1] == "Ушедший"
        ticks = list(ax.get_xticks())
        assert ticks[-1] - ticks[-2] > ticks[1] - ticks[0]  # the lapsed stand apart

    def test_ladder_leads_do_not_flatten_the_buyer_rungs(self, tx):
        many = pd.DataFrame({"lead_id": [f"L{i}" for i in range(5000)], "stage": ["call"] * 5000,
                             "date": pd.to_datetime(["2024-01-01"] * 5000)})
        ladder = loyalty_ladder(tx, leads=many)
        ax = plot_ladder(ladder, language="ru")
        buyers = ladder["rung"].astype(str).isin(
            ["first_purchase", "buyer", "regular", "advocate"])
        biggest = ladder.loc[buyers, "rung"].astype(str).value_counts().max()
        assert ax.get_ylim()[1] < 2 * biggest  # the scale is the buyers', not the leads'
        notes = [t.get_text() for t in ax.texts]
        assert "5\xa0000 ↑" in notes  # the cut bar carries its full count

    def test_ladder_with_leads_draws_the_lead_rungs(self, tx):
        leads = pd.DataFrame({"lead_id": ["L1", "L2", "L3"], "stage": ["call", "meeting", "call"],
                              "date": pd.to_datetime(["2024-01-01"] * 3)})
        ax = plot_ladder(loyalty_ladder(tx, leads=leads), language="ru")
        heights = {}
        for patch in ax.patches:
            x = round(patch.get_x() + patch.get_width() / 2)
            heights[x] = heights.get(x, 0) + patch.get_height()
        assert heights[0] == 2 and heights[1] == 1  # potential, visitor
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend[-1] == "Ещё без покупок"

    def test_cluster_profile_columns_are_translated(self, tx):
        X = customer_feature_table(tx, kind="rfm")
        seg = Segmenter(n_clusters=2).fit(X)
        ax = plot_cluster_profiles(seg, X, language="ru")
        heads = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
        assert heads[0] == "Дней с последней покупки"

    def test_cluster_profiles_and_silhouette(self, tx):
        X = customer_feature_table(tx)
        seg = Segmenter(k_range=(2, 4)).fit(X)
        ax = plot_cluster_profiles(seg, X, language="en")
        assert len(ax.get_yticklabels()) == seg.n_clusters_
        ax2 = plot_silhouette(seg)
        assert f"best k = {seg.n_clusters_}" in ax2.get_title()

    def test_silhouette_needs_auto(self, tx):
        seg = Segmenter(n_clusters=3).fit(customer_feature_table(tx))
        with pytest.raises(WorkbenchError, match="n_clusters='auto'"):
            plot_silhouette(seg)

    def test_plots_draw_on_a_given_axes(self, tx):
        import matplotlib.pyplot as plt

        _, ax = plt.subplots()
        assert plot_ladder(loyalty_ladder(tx), ax=ax) is ax


class TestPanels:
    def test_segmentation_panel_k_slider_refits(self, tx):
        X = customer_feature_table(tx, kind="rfm")
        panel = segmentation_panel(X, k=3, revenue="monetary_total", language="en")
        assert panel.result["model"].n_clusters_ == 3
        before = panel.summary.value
        panel.controls["k"].value = 5
        assert panel.result["model"].n_clusters_ == 5
        assert len(panel.result["profile"]) == 5
        assert panel.summary.value != before
        assert panel.summary.value.startswith("5 segments")

    def test_segmentation_panel_feature_choice(self, tx):
        X = customer_feature_table(tx, kind="rfm")
        panel = segmentation_panel(X, k=2, language="ru")
        panel.controls["features"].value = ("frequency", "monetary_total")
        assert panel.result["model"].n_features_in_ == 2
        panel.controls["features"].value = ()
        assert panel.result is None and panel.error  # said, not crashed

    def test_abc_xyz_panel_thresholds_redraw(self, tx):
        panel = abc_xyz_panel(tx, language="en")
        a_before = panel.result.loc[panel.result["abc"] == "A", "clients"].sum()
        panel.controls["abc_a"].value = 0.5
        a_after = panel.result.loc[panel.result["abc"] == "A", "clients"].sum()
        assert a_after < a_before
        x_before = panel.result.loc[panel.result["xyz"] == "X", "clients"].sum()
        panel.controls["xyz_x"].value = 2.0
        panel.controls["xyz_y"].value = 2.5
        assert panel.result.loc[panel.result["xyz"] == "X", "clients"].sum() >= x_before
        assert panel.summary.value.startswith("Class A: ")

    def test_abc_xyz_panel_bad_combination_is_reported(self, tx):
        panel = abc_xyz_panel(tx, language="ru")
        panel.controls["abc_b"].value = 0.6
        panel.controls["abc_a"].value = 0.9
        assert panel.result is None
        assert "Граница A" in panel.summary.value

"""Plots and panels of steps 1–3: labels from the catalogue, panels recompute when driven."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from workbench.errors import WorkbenchError  # noqa: E402
from workbench.expectations import (  # noqa: E402
    UNKNOWN_SOURCE,
    expectation_ladder,
    expectation_ladder_summary,
    gap_analysis,
    importance_performance,
    kano,
    source_yield,
)
from workbench.plotting import (  # noqa: E402
    plot_expectation_ladder,
    plot_gaps,
    plot_ipa,
    plot_kano,
    plot_kano_cs,
    plot_priorities,
    plot_source_yield,
)
from workbench.priorities import priorities  # noqa: E402
from workbench.widgets import (  # noqa: E402
    ipa_panel,
    ladder_panel,
    priorities_panel,
    quotes_panel,
)


def _survey() -> pd.DataFrame:
    """Two regions; in the south, delivery (a) is fine and the cross-hair moves."""
    means = {"a": (5, 2), "b": (4, 4), "c": (2, 2), "d": (1, 4), "e": (3, 3)}
    rows = []
    for r, region in (("r1", "north"), ("r2", "south")):
        for attr, (imp, perf) in means.items():
            if region == "south" and attr == "a":
                perf = 5
            rows.append((r, f"c{r[1]}", region, attr, imp, perf, min(imp + 1, 5), perf - 1,
                         1 if attr in "ab" else 3, 5 if attr in "ac" else 3))
    return pd.DataFrame(rows, columns=[
        "respondent_id", "customer_id", "region", "attribute", "importance", "performance",
        "expectation", "competitor_performance", "kano_functional", "kano_dysfunctional"])


def _actions() -> pd.DataFrame:
    return pd.DataFrame({
        "attribute": ["a", "a", "c", "e"],
        "action": ["own couriers", "sms tracking", "bulk discount", "training"],
        "cost": [5.0, 1.0, 3.0, 2.0],
        "effect": [6.0, 2.0, 3.0, 3.0],
    })


def _texts(ax) -> list[str]:
    return [tx.get_text() for tx in ax.texts]


class TestPlots:
    def test_ipa_quadrant_labels_and_axes_are_translated(self):
        ipa = importance_performance(_survey())
        ax = plot_ipa(ipa, language="ru", intervals=True)
        assert ax.get_ylabel() == "Важность (среднее, 1–5)"
        texts = _texts(ax)
        assert "Сосредоточиться здесь" in texts and "Возможно, избыточно" in texts
        assert {"a", "b", "c", "d", "e"} <= set(texts)  # attribute names annotated
        # the cross-hair lines sit at the computed means
        lines = [ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"]
        assert pytest.approx(ipa["crosshair_performance"].iloc[0]) in lines
        assert ax.get_legend_handles_labels()[1][0] == "Сосредоточиться здесь"

    def test_ipa_per_segment_needs_a_segment(self):
        ipa = importance_performance(_survey(), by="region")
        with pytest.raises(WorkbenchError, match=r"pass segment= one of \['north', 'south'\]"):
            plot_ipa(ipa)
        ax = plot_ipa(ipa, segment="south", language="en")
        assert ax.get_title() == "Importance–performance matrix"

    def test_gap_bars_with_intervals(self):
        gaps = gap_analysis(_survey())
        ax = plot_gaps(gaps, language="ru")
        assert len(ax.patches) == 5
        assert ax.get_xlabel() == "Разрыв (ожидание − восприятие)"
        ax2 = plot_gaps(gaps, which="vs_competitor", language="en")
        assert ax2.get_title() == "Our performance minus the competitor's"
        with pytest.raises(WorkbenchError, match="which must be"):
            plot_gaps(gaps, which="x")

    def test_kano_bars_and_better_worse(self):
        table = kano(_survey())
        ax = plot_kano(table, language="en")
        assert ax.get_title() == "Kano categories per attribute"
        widths = np.array([p.get_width() for p in ax.patches]).reshape(6, -1)
        np.testing.assert_allclose(widths.sum(axis=0), 1.0)
        ax2 = plot_kano_cs(table, language="ru")
        assert "Обязательное" in _texts(ax2) and "Привлекательное" in _texts(ax2)
        assert ax2.get_xlim() == (0.0, 1.0)

    def test_expectation_ladder_overall_and_by_segment(self):
        ladder = expectation_ladder(_survey())
        ax = plot_expectation_ladder(expectation_ladder_summary(ladder), language="ru")
        assert [tk.get_text() for tk in ax.get_yticklabels()] == [
            "Разочарование", "Удовлетворённость", "«Ах!»"]
        seg = expectation_ladder_summary(ladder, by=pd.Series({"c1": "x", "c2": "y"}))
        ax2 = plot_expectation_ladder(seg, language="en")
        assert [tk.get_text() for tk in ax2.get_yticklabels()] == ["x", "y"]

    def test_priorities_curve(self):
        plan = priorities(None, _actions(), budget=6)
        ax = plot_priorities(plan, language="ru")
        assert ax.get_xlabel() == "Бюджет"
        with pytest.raises(WorkbenchError, match="plan must be"):
            plot_priorities(plan.curve)

    def test_source_yield_bars(self):
        customers = pd.DataFrame({"customer_id": ["1", "2", "3"],
                                  "source": ["ads", "friend", None]})
        tx = pd.DataFrame({"customer_id": ["1", "2", "2"],
                           "date": ["2024-01-01", "2024-01-01", "2024-02-01"],
                           "amount": [10.0, 30.0, 60.0]})
        sources = source_yield(customers, tx)
        ax = plot_source_yield(sources, language="ru")
        assert [tk.get_text() for tk in ax.get_yticklabels()] == ["friend", "ads", UNKNOWN_SOURCE]
        assert "Доля повторных покупателей: 100\xa0%" in " ".join(_texts(ax))
        assert ax.get_title() == "Отдача источников обращения"
        # every repeat-buyer label ends inside the frame
        renderer = ax.figure.canvas.get_renderer()
        frame = ax.get_window_extent(renderer)
        for text in ax.texts:
            assert text.get_window_extent(renderer).x1 <= frame.x1 + 0.5, text.get_text()

    def test_plots_draw_on_a_given_axes(self):
        fig, ax = plt.subplots()
        assert plot_ipa(importance_performance(_survey()), ax=ax) is ax


class TestPanels:
    def test_ipa_panel_crosshair_and_segment(self):
        panel = ipa_panel(_survey(), segments="region", language="en")
        # all respondents: a's performance averages 3.5, above the cross-hair 3.3
        assert panel.summary.value == (
            "<p>1 of 5 attributes are in “Concentrate here”: e. "
            "“Possible overkill”: d.</p>")
        panel.controls["segment"].value = "north"
        assert panel.result.loc["a", "quadrant"] == "concentrate_here"
        assert "Concentrate here”: a." in panel.summary.value
        panel.controls["segment"].value = "south"
        assert panel.result.loc["a", "quadrant"] == "keep_up"
        assert "Concentrate here”: e." in panel.summary.value
        before = panel.result["crosshair_performance"].iloc[0]
        panel.controls["crosshair"].value = "median"
        assert panel.result["crosshair_performance"].iloc[0] != before
        assert panel.error is None

    def test_ipa_panel_with_customer_series_and_russian(self):
        panel = ipa_panel(_survey(), segments=pd.Series({"c1": "VIP"}), language="ru")
        options = [v for _, v in panel.controls["segment"].options]
        assert options == ["__all__", "VIP"]
        panel.controls["segment"].value = "VIP"
        assert panel.result["n"].tolist() == [1] * 5
        assert panel.summary.value.startswith("<p>В квадранте «Сосредоточиться здесь»")

    def test_priorities_panel_budget_slider(self):
        ipa = importance_performance(_survey())
        panel = priorities_panel(ipa, _actions(), budget=6, language="en")
        assert panel.result.chosen["action"].tolist() == ["own couriers", "sms tracking"]
        assert "we choose 2 actions: own couriers, sms tracking" in panel.summary.value
        panel.controls["budget"].value = 0.0
        assert panel.result.chosen.empty
        assert "no action fits" in panel.summary.value
        panel.controls["budget"].value = 11.0
        assert panel.result.total_value == 14.0
        panel.controls["weight"].value = "gap"  # only a (gap 3) counts: c, e have gap <= 0
        assert panel.result.chosen["action"].tolist() == ["own couriers", "sms tracking"]

    def test_priorities_panel_without_ipa_disables_weights(self):
        panel = priorities_panel(None, _actions(), language="ru")
        assert panel.controls["weight"].disabled
        assert panel.controls["budget"].value == 5.5
        assert panel.summary.value.startswith("<p>При бюджете 5,5")

    def test_quotes_panel_topic_count_and_draw(self):
        data = pd.DataFrame({
            "attribute": ["a", "a", "a", "b", "b"],
            "comment": ["Late", "Late again", "Rude & slow", "Nice", "Good box"],
        })
        panel = quotes_panel(data, n=1, language="ru")
        assert [v for _, v in panel.controls["topic"].options] == ["__all__", "a", "b"]
        assert len(panel.result) == 2
        assert panel.summary.value.startswith("<p>2\u00a0цитаты по 2\u00a0темам.<br>a: «")
        panel.controls["topic"].value = "a"
        panel.controls["n"].value = 3
        assert panel.result["comment"].tolist() == ["Late", "Late again", "Rude & slow"]
        assert "«Rude &amp; slow»" in panel.summary.value  # escaped HTML
        panel.controls["n"].value = 1
        seen = set()
        for seed in range(6):
            panel.controls["seed"].value = seed
            seen.add(panel.result["comment"].iloc[0])
        assert len(seen) > 1  # another draw gives other quotes

    def test_ladder_panel_tolerance_rule_and_segments(self):
        survey = pd.DataFrame({
            "respondent_id": ["r1", "r2", "r3", "r4"], "customer_id": ["c1", "c2", "c3", "c4"],
            "region": ["n", "n", "s", "s"], "attribute": "a",
            "expectation": [4, 4, 4, 3], "performance": [3.5, 4, 4, 5],
        })
        panel = ladder_panel(survey, segments="region", tolerance=0.0, language="en")
        assert panel.result["n"].tolist() == [1, 2, 1]
        assert panel.summary.value.startswith("<p>Of 4 respondents, 25% are disappointed")
        panel.controls["tolerance"].value = 0.5  # r1's -0.5 is now within tolerance
        assert panel.result["n"].tolist() == [0, 3, 1]
        assert "tolerance of 0.50 scale points" in panel.summary.value
        panel.controls["view"].value = "segments"
        assert panel.result.index.names == ["region", "level"]
        assert panel.result.loc[("s", "delighted"), "n"] == 1
        assert "The most disappointed segment" in panel.summary.value
        panel.controls["rule"].value = "strict"
        assert panel.error is None

    def test_ladder_panel_customer_series_in_russian(self):
        survey = pd.DataFrame({
            "respondent_id": ["r1", "r2"], "customer_id": ["c1", "c2"], "attribute": "a",
            "expectation": [4, 3], "performance": [3, 5],
        })
        panel = ladder_panel(survey, segments=pd.Series({"c1": "кафе", "c2": "офис"}),
                             language="ru")
        assert panel.controls["view"].options[1] == ("По сегментам", "segments")
        panel.controls["view"].value = "segments"
        assert panel.result.loc[("кафе", "disappointed"), "n"] == 1
        assert "Больше всего разочарованных в сегменте кафе (100\u00a0%)" in panel.summary.value
        no_seg = ladder_panel(survey, language="ru")
        assert no_seg.controls["view"].disabled

"""Plots and workshop panels of steps 6 and 8: they draw, speak both languages, and recompute."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from workbench.errors import WorkbenchError  # noqa: E402
from workbench.feedback import complaints_summary, funnel, loop_check, nps  # noqa: E402
from workbench.offers import UKOR_QUESTIONS, competitiveness, golden_drops, ukor  # noqa: E402
from workbench.plotting._feedback import (  # noqa: E402
    plot_complaint_churn,
    plot_complaint_pareto,
    plot_funnel,
    plot_loop_check,
    plot_nps,
)
from workbench.plotting._offers import (  # noqa: E402
    plot_competitiveness,
    plot_golden_drops,
    plot_ukor,
)
from workbench.widgets._feedback import nps_panel  # noqa: E402
from workbench.widgets._offers import offer_table_panel, ukor_panel  # noqa: E402


def _feedback():
    fb = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e"],
            "date": pd.to_datetime(["2024-01-05", "2024-01-10", "2024-02-01", "2024-02-10",
                                    "2024-03-01"]),
            "kind": ["complaint", "complaint", "refusal", "refusal", "refusal"],
            "category": ["delivery", "quality", "price", "price", "delivery"],
            "channel": ["phone", "email", "phone", "phone", "visit"],
            "resolved_date": pd.to_datetime(["2024-01-07", None, None, None, None]),
        }
    )
    tx = pd.DataFrame(
        {"customer_id": ["a", "b", "c", "a"], "amount": 1.0,
         "date": pd.to_datetime(["2023-12-01", "2023-12-01", "2023-12-01", "2024-03-15"])}
    )
    return fb, tx


class TestPlots:
    @pytest.mark.parametrize("language", ["en", "ru"])
    def test_nps_bars_with_interval_and_shares(self, language):
        res = nps(pd.DataFrame({"nps": [10, 0, 9, 8], "seg": ["x", "x", "y", "y"]}), by="seg")
        ax = plot_nps(res, language=language)
        assert len(ax.patches) == 2
        assert ax.get_title() == ("Net Promoter Score" if language == "en" else "Индекс NPS")
        assert [tl.get_text() for tl in ax.get_yticklabels()] == ["x", "y"]
        ax2 = plot_nps(res, kind="shares", language=language)
        assert len(ax2.patches) == 6

    def test_nps_plot_of_empty_result_draws_nothing_broken(self):
        ax = plot_nps(nps(pd.Series([], dtype=float)))
        assert len(ax.patches) == 1

    def test_complaint_pareto_and_churn(self):
        fb, tx = _feedback()
        res = complaints_summary(fb, tx, asof="2024-03-31", horizon="30D")
        ax = plot_complaint_pareto(res, language="ru")
        assert [tl.get_text() for tl in ax.get_xticklabels()] == ["price", "delivery"]
        assert ax.get_title() == "Причины отказов (Парето)"
        line = ax.right_ax.get_lines()[0]
        assert line.get_ydata().tolist() == pytest.approx([200 / 3, 100.0])
        ax = plot_complaint_pareto(res, which="complaints")
        assert len(ax.patches) == 2
        ax = plot_complaint_churn(res, language="en")
        assert [tl.get_text() for tl in ax.get_xticklabels()] == [
            "Never complained", "Complaint resolved", "Complaint unresolved"
        ]
        with pytest.raises(WorkbenchError, match="no churn comparison"):
            plot_complaint_churn(complaints_summary(fb))

    def test_funnel_single_and_by_source(self):
        leads = pd.DataFrame({"stage": ["call", "proposal", "deal", "call"],
                              "source": ["web", "web", "fair", "fair"]})
        ax = plot_funnel(funnel(leads, by=None), language="ru")
        assert [tl.get_text() for tl in ax.get_yticklabels()] == [
            "Звонки", "Предложения", "Встречи", "Сделки"
        ]
        assert [p.get_width() for p in ax.patches] == [4, 2, 1, 1]
        ax = plot_funnel(funnel(leads))
        assert len(ax.patches) == 8

    def test_loop_check_heatmap(self):
        tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": 1.0,
                           "date": pd.to_datetime(["2024-02-01", "2024-05-01"])})
        res = loop_check(pd.Series({"a": 0.9, "b": 0.1}), tx, asof="2024-01-31", horizon="60D")
        ax = plot_loop_check(res)
        assert sorted(tx_.get_text() for tx_ in ax.texts) == ["0", "0", "1", "1"]

    def test_golden_drops_scatter(self):
        adv = pd.DataFrame({"advantage": [f"a{i}" for i in range(10)],
                            "importance": [5, 4, 3, 5, 2, 4, 5, 1, 3, 4],
                            "competitor_presence": [0.1, 0.3, 0, 0.8, 0, 0.5, 0, 0, 0.5, 1.0]})
        ax = plot_golden_drops(golden_drops(adv), language="ru")
        assert ax.get_title() == "Золотые капли"
        assert len(ax.collections) == 2
        assert len(ax.texts) == 10
        gold = ax.collections[1].get_offsets()
        assert len(gold) == 3

    def test_competitiveness_bar_and_radar(self):
        res = competitiveness(pd.DataFrame(
            {"internal": [15, 12], "external": [8, 14], "dynamic": [12, 9]},
            index=pd.Index(["us", "rival"], name="company")))
        ax = plot_competitiveness(res, language="ru")
        assert len(ax.patches) == 6
        assert ax.get_legend().get_texts()[0].get_text() == "Мы"
        ax = plot_competitiveness(res, kind="radar")
        assert ax.name == "polar"
        _, flat = plt.subplots()
        with pytest.raises(WorkbenchError, match="polar Axes"):
            plot_competitiveness(res, kind="radar", ax=flat)

    def test_ukor_radar(self):
        res = ukor({q: 2 for q in UKOR_QUESTIONS})
        ax = plot_ukor(res, language="ru")
        assert ax.name == "polar"
        assert "50" in ax.get_title() and "регламентированная" in ax.get_title()
        assert len(ax.get_xticklabels()) == 8


class TestOfferTablePanel:
    def test_edit_strategy_and_actions(self):
        segments = pd.Series(["regular", "lapsed", "whales", "regular"], name="rung")
        panel = offer_table_panel(segments)
        before = panel.result.set_index("segment")
        assert before.loc["lapsed", "strategy"] == "win_back"
        assert not before.loc["whales", "has_rule"]
        assert "Personal manager" in panel.summary.value
        panel.controls["whales:strategy"].value = "cherish"
        panel.controls["whales:actions"].value = "Dinner with the CEO; gratitude"
        after = panel.result.set_index("segment")
        assert after.loc["whales", "strategy"] == "cherish"
        assert after.loc["whales", "has_rule"]
        assert after.loc["whales", "actions"] == "Dinner with the CEO; Personal thanks and gifts"
        assert "Dinner with the CEO" in panel.summary.value
        panel.controls["lapsed:strategy"].value = "none"
        assert not panel.result.set_index("segment").loc["lapsed", "has_rule"]
        # untouched segments keep their default offer
        assert after.loc["regular", "actions"] == before.loc["regular", "actions"]

    def test_russian_labels(self):
        panel = offer_table_panel(pd.Series(["lapsed"]), language="ru")
        assert panel.result.loc[0, "strategy_label"] == "Возвращать"
        assert "Сегмент" in panel.summary.value


class TestUkorPanel:
    def test_sliders_update_score_and_level(self):
        panel = ukor_panel()
        assert panel.result.score == 50.0 and panel.result.level == "regulated"
        for q in UKOR_QUESTIONS:
            panel.controls[q].value = 4
        assert panel.result.score == 100.0 and panel.result.level == "cultural"
        assert "cultural" in panel.summary.value
        panel.controls["complaints_handled"].value = 0
        assert panel.result.weakest[0] == "complaints"

    def test_russian_and_one_to_five(self):
        panel = ukor_panel(language="ru", scale=(1, 5))
        assert panel.controls["segments_defined"].max == 5
        assert "УКОР" in panel.summary.value


class TestNpsPanel:
    @pytest.fixture
    def survey(self):
        return pd.DataFrame(
            {
                "respondent_id": ["1", "1", "2", "3", "4"],
                "customer_id": ["a", "a", "b", "c", "d"],
                "attribute": ["x", "y", "x", "x", "x"],
                "nps": [10, 10, 0, 9, 8],
                "date": pd.to_datetime(["2024-01-05", "2024-01-05", "2024-01-20", "2024-04-01",
                                        "2024-04-02"]),
            }
        )

    def test_period_and_segment_selectors(self, survey):
        segments = pd.Series({"a": "regular", "b": "regular", "c": "advocate"})
        panel = nps_panel(survey, segments=segments)
        assert panel.result.index.tolist() == ["all"]
        assert panel.result.loc["all", "n"] == 4
        assert "NPS = +25" in panel.summary.value
        panel.controls["period"].value = "Q"
        assert [str(p) for p in panel.result.index] == ["2024Q1", "2024Q2"]
        assert panel.result["nps"].tolist() == [0.0, 50.0]
        panel.controls["period"].value = "none"
        panel.controls["segment"].value = "__each__"
        assert panel.result["nps"].to_dict() == {"advocate": 100.0, "regular": 0.0}
        assert "highest NPS: advocate" in panel.summary.value
        panel.controls["period"].value = "Q"
        assert "highest NPS: advocate / 2024Q2 (+100)" in panel.summary.value
        panel.controls["period"].value = "none"
        panel.controls["segment"].value = "advocate"
        assert panel.result.loc["all", "n"] == 1
        panel.controls["period"].value = "M"
        assert [str(p) for p in panel.result.index] == ["2024-04"]

    def test_segment_column_and_no_date(self):
        data = pd.DataFrame({"nps": [10, 0, 3], "seg": ["x", "y", "y"]})
        panel = nps_panel(data, segments="seg", language="ru")
        assert "period" not in panel.controls
        panel.controls["segment"].value = "y"
        assert panel.result.loc["all", "nps"] == -100.0
        assert "NPS = \u2212100" in panel.summary.value

    def test_empty_segment_says_so(self):
        data = pd.DataFrame({"nps": [np.nan, 5.0], "seg": ["x", "y"]})
        panel = nps_panel(data, segments="seg")
        panel.controls["segment"].value = "x"
        assert panel.summary.value == "No answers to show."


class TestHtmlEscaping:
    """Data that reaches an HTML widget is shown as text, never run."""

    HOSTILE = '<img src=x onerror="alert(1)">&'

    def test_error_message_and_title_are_escaped(self):
        import ipywidgets as W

        from workbench.errors import WorkbenchError
        from workbench.widgets import Panel

        def compute(n):
            raise WorkbenchError(f"unknown client {TestHtmlEscaping.HOSTILE}")

        panel = Panel({"n": W.IntSlider(value=1)}, compute, title=self.HOSTILE)
        assert "<img" not in panel.summary.value
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;" in panel.summary.value
        assert panel.error == f"unknown client {self.HOSTILE}"
        title = panel.children[0].value
        assert "<img" not in title and title.startswith("<b>&lt;img")

    def test_html_text_breaks_lines_after_escaping(self):
        from workbench.widgets import html_text

        assert html_text("a<b\nc>d") == "a&lt;b<br>c&gt;d"

    def test_load_report_panel_escapes_hostile_headers(self, tmp_path):
        import workbench
        from workbench.widgets import load_report_panel

        (tmp_path / "transactions.csv").write_text(
            "customer_id,date,amount,<script>x</script>\n"
            "=HYPERLINK(\"http://x\"),2025-01-01,10,<b>bold</b>\n"
            "C2,not a date,5,y\n", encoding="utf-8")
        panel = load_report_panel(workbench.load_folder(tmp_path), language="en")
        assert "<script>" not in panel.summary.value and "<b>bold" not in panel.summary.value

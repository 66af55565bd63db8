"""Steps 1–2: IPA, gaps, Kano, expectation ladder, quotes, source yield — written-out results."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from workbench._grouping import attach_groups
from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.expectations import (
    KANO_TABLE,
    UNKNOWN_SOURCE,
    expectation_ladder,
    expectation_ladder_summary,
    gap_analysis,
    importance_performance,
    kano,
    kano_categories,
    quotes,
    source_yield,
)

T_975_DF2 = 4.302652729749464  # Student t quantile, 97.5 %, 2 degrees of freedom


def _survey(rows: list[tuple], cols: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(cols))


def _ipa_survey() -> pd.DataFrame:
    """Five attributes x two respondents; attribute means chosen so the mean cross-hair is (3, 3).

    a (5, 2) concentrate here; b (4, 4) keep up; c (2, 2) low priority; d (1, 4) possible
    overkill; e (3, 3) exactly on both lines -> keep up.
    """
    means = {"a": (5, 2), "b": (4, 4), "c": (2, 2), "d": (1, 4), "e": (3, 3)}
    rows = []
    for r in ("r1", "r2"):
        for attr, (imp, perf) in means.items():
            rows.append((r, f"c{r[1]}", attr, imp, perf))
    return _survey(rows, ("respondent_id", "customer_id", "attribute", "importance", "performance"))


class TestGrouping:
    def test_none_returns_frame_unchanged(self):
        f = pd.DataFrame({"customer_id": ["1"]})
        out, name = attach_groups(f, None, "survey")
        assert out is f and name is None

    def test_column(self):
        f = pd.DataFrame({"customer_id": ["1", "2"], "region": ["N", None]})
        out, name = attach_groups(f, "region", "survey")
        assert name == "region"
        assert out["_group"].tolist()[0] == "N" and pd.isna(out["_group"].tolist()[1])
        assert "_group" not in f.columns

    def test_series_maps_through_customer_id_unknown_is_na(self):
        f = pd.DataFrame({"customer_id": pd.array(["1", "2", None, "4"], dtype="string")})
        out, name = attach_groups(f, pd.Series(["x", "y"], index=[1, 2], name="seg"), "survey")
        assert name == "seg"
        assert out["_group"].tolist()[:2] == ["x", "y"]
        assert out["_group"].isna().tolist() == [False, False, True, True]

    def test_unnamed_series_is_called_segment(self):
        f = pd.DataFrame({"customer_id": ["1"]})
        assert attach_groups(f, pd.Series({"1": "x"}), "survey")[1] == "segment"

    def test_bad_column_and_bad_type(self):
        f = pd.DataFrame({"customer_id": ["1"]})
        with pytest.raises(WorkbenchError, match="by='zone' is not a column"):
            attach_groups(f, "zone", "survey")
        with pytest.raises(WorkbenchError, match="by= must be None"):
            attach_groups(f, 3, "survey")
        with pytest.raises(MissingColumnsError, match="customer_id"):
            attach_groups(pd.DataFrame({"x": [1]}), pd.Series({"1": "x"}), "survey")


class TestImportancePerformance:
    def test_quadrants_with_a_point_exactly_on_the_crosshair(self):
        out = importance_performance(_ipa_survey())
        expected = pd.DataFrame(
            {
                "importance": [5.0, 4.0, 2.0, 1.0, 3.0],
                "performance": [2.0, 4.0, 2.0, 4.0, 3.0],
                "gap": [3.0, 0.0, 0.0, -3.0, 0.0],
                "n": [2, 2, 2, 2, 2],
                # identical answers: the interval collapses to the mean
                "importance_ci_low": [5.0, 4.0, 2.0, 1.0, 3.0],
                "importance_ci_high": [5.0, 4.0, 2.0, 1.0, 3.0],
                "performance_ci_low": [2.0, 4.0, 2.0, 4.0, 3.0],
                "performance_ci_high": [2.0, 4.0, 2.0, 4.0, 3.0],
                "crosshair_importance": [3.0] * 5,
                "crosshair_performance": [3.0] * 5,
                "quadrant": pd.array(
                    ["concentrate_here", "keep_up", "low_priority", "possible_overkill",
                     "keep_up"], dtype="string"),
            },
            index=pd.Index(["a", "b", "c", "d", "e"], name="attribute", dtype="string"),
        )
        assert_frame_equal(out, expected)

    def test_median_crosshair_differs_from_mean(self):
        # attribute means of importance: 5, 4, 4, 1 -> mean 3.5, median 4
        rows = [("r1", "a", 5, 1), ("r1", "b", 4, 5), ("r1", "c", 4, 2), ("r1", "d", 1, 4)]
        s = _survey(rows, ("respondent_id", "attribute", "importance", "performance"))
        by_mean = importance_performance(s)
        by_median = importance_performance(s, crosshair="median")
        assert by_mean["crosshair_importance"].iloc[0] == 3.5
        assert by_median["crosshair_importance"].iloc[0] == 4.0
        assert by_median["crosshair_performance"].iloc[0] == 3.0  # median of 1, 5, 2, 4
        assert by_median["quadrant"].tolist() == [
            "concentrate_here", "keep_up", "concentrate_here", "possible_overkill"]

    def test_fixed_crosshair_is_importance_then_performance(self):
        out = importance_performance(_ipa_survey(), crosshair=(4, 2))
        assert out["quadrant"].tolist() == [
            "keep_up", "keep_up", "possible_overkill", "possible_overkill", "possible_overkill"]
        same = importance_performance(_ipa_survey(), crosshair={"importance": 4, "performance": 2})
        assert_frame_equal(out, same)

    def test_bad_crosshair(self):
        with pytest.raises(WorkbenchError, match="crosshair must be 'mean', 'median'"):
            importance_performance(_ipa_survey(), crosshair="mode")

    def test_t_interval_and_single_answer_gives_nan_interval(self):
        rows = [("r1", "a", 4, 4), ("r2", "a", 5, 5), ("r3", "a", 6, 6), ("r1", "b", 7, 7)]
        s = _survey(rows, ("respondent_id", "attribute", "importance", "performance"))
        out = importance_performance(s, scale=(0, 10))
        half = T_975_DF2 / math.sqrt(3)  # sd = 1
        assert half == pytest.approx(2.4841377118)
        assert out.loc["a", "importance_ci_low"] == pytest.approx(5 - half)
        assert out.loc["a", "performance_ci_high"] == pytest.approx(5 + half)
        assert out.loc["b", "n"] == 1
        assert out.loc[["b"], ["importance_ci_low", "importance_ci_high", "performance_ci_low",
                               "performance_ci_high"]].isna().all(axis=None)

    def test_interval_is_clipped_to_the_scale(self):
        rows = [("r1", "a", 1, 1), ("r2", "a", 5, 5)]
        out = importance_performance(
            _survey(rows, ("respondent_id", "attribute", "importance", "performance")))
        assert out.loc["a", "importance_ci_low"] == 1.0
        assert out.loc["a", "importance_ci_high"] == 5.0

    def test_missing_answers_are_skipped_per_question(self):
        rows = [("r1", "a", 5, None), ("r2", "a", 3, 4), ("r3", "a", None, None),
                ("r1", "b", 2, 2)]
        out = importance_performance(
            _survey(rows, ("respondent_id", "attribute", "importance", "performance")))
        assert out.loc["a", "importance"] == 4.0
        assert out.loc["a", "performance"] == 4.0
        assert out.loc["a", "n"] == 2  # r3 answered neither

    def test_answer_outside_the_scale_names_column_row_attribute(self):
        rows = [("r1", "a", 5, 4), ("r2", "b", 7, 4)]
        s = _survey(rows, ("respondent_id", "attribute", "importance", "performance"))
        with pytest.raises(WorkbenchError,
                           match=r"'importance' has 1 answer\(s\) outside the scale 1-5 "
                                 r"\(first at row 1, attribute 'b': 7\)"):
            importance_performance(s)
        assert importance_performance(s, scale=(0, 10))["n"].tolist() == [1, 1]
        with pytest.raises(WorkbenchError, match="scale must be a pair"):
            importance_performance(s, scale=(5, 1))

    def test_empty_attribute_is_an_error(self):
        rows = [("r1", None, 5, 4)]
        with pytest.raises(WorkbenchError, match="'attribute' is empty in 1 row"):
            importance_performance(
                _survey(rows, ("respondent_id", "attribute", "importance", "performance")))

    def test_missing_column_and_column_mapping(self):
        s = _ipa_survey().rename(columns={"importance": "vazhnost"})
        with pytest.raises(MissingColumnsError, match="'importance'"):
            importance_performance(s)
        out = importance_performance(s, columns={"vazhnost": "importance"})
        assert out["importance"].tolist() == [5.0, 4.0, 2.0, 1.0, 3.0]

    def test_by_column_gives_one_matrix_per_segment(self):
        s = _ipa_survey()
        s["region"] = np.where(s["respondent_id"] == "r1", "north", "south")
        s.loc[(s["region"] == "south") & (s["attribute"] == "a"), "performance"] = 5
        out = importance_performance(s, by="region")
        assert out.index.names == ["region", "attribute"]
        assert out.loc[("north", "a"), "quadrant"] == "concentrate_here"
        # south: performance means 5, 4, 2, 4, 3 -> cross-hair 3.6; a is now "keep up"
        assert out.loc[("south", "a"), "crosshair_performance"] == pytest.approx(3.6)
        assert out.loc[("south", "a"), "quadrant"] == "keep_up"
        assert out.loc[("south", "e"), "quadrant"] == "concentrate_here"

    def test_by_series_drops_unknown_customers(self):
        s = _ipa_survey()
        seg = pd.Series({"c1": "big"}, name="abc")
        out = importance_performance(s, by=seg)
        assert out.index.get_level_values("abc").unique().tolist() == ["big"]
        assert out["n"].tolist() == [1] * 5


def _gap_survey() -> pd.DataFrame:
    rows = [
        # resp, attribute, expectation, performance, competitor
        ("r1", "a", 5, 3, 3),
        ("r2", "a", 4, 3, 3),
        ("r3", "a", 5, 4, 4),
        ("r1", "b", 5, 3, 1),
        ("r2", "b", 5, 3, 2),
        ("r3", "b", 5, 3, None),
    ]
    return _survey(rows, ("respondent_id", "attribute", "expectation", "performance",
                          "competitor_performance"))


class TestGapAnalysis:
    def test_paired_differences_and_significance(self):
        out = gap_analysis(_gap_survey())
        half = T_975_DF2 * math.sqrt(1 / 3) / math.sqrt(3)  # diffs 2, 1, 1: sd = sqrt(1/3)
        expected = pd.DataFrame(
            {
                "basis": pd.array(["expectation", "expectation"], dtype="string"),
                "expected": [14 / 3, 5.0],
                "performance": [10 / 3, 3.0],
                "competitor_performance": [10 / 3, 1.5],
                "gap": [4 / 3, 2.0],
                "gap_ci_low": [4 / 3 - half, 2.0],
                "gap_ci_high": [4 / 3 + half, 2.0],
                "gap_n": [3, 3],
                "gap_significant": [False, True],
                "vs_competitor": [0.0, 1.5],
                "vs_competitor_ci_low": [0.0, 1.5 - 12.706204736174707 * 0.5],
                "vs_competitor_ci_high": [0.0, 1.5 + 12.706204736174707 * 0.5],
                "vs_competitor_n": [3, 2],
                "vs_competitor_significant": [False, False],
            },
            index=pd.Index(["a", "b"], name="attribute", dtype="string"),
        )
        assert_frame_equal(out, expected)

    def test_falls_back_to_importance_per_attribute(self):
        s = _gap_survey()
        s["importance"] = 4
        s.loc[s["attribute"] == "b", "expectation"] = None
        out = gap_analysis(s)
        assert out["basis"].tolist() == ["expectation", "importance"]
        assert out.loc["b", "gap"] == 1.0
        no_exp = gap_analysis(s.drop(columns="expectation"))
        assert no_exp["basis"].tolist() == ["importance", "importance"]

    def test_without_competitor_column(self):
        out = gap_analysis(_gap_survey().drop(columns="competitor_performance"))
        assert out["vs_competitor"].isna().all()
        assert out["vs_competitor_n"].tolist() == [0, 0]
        assert not out["vs_competitor_significant"].any()

    def test_needs_expectation_or_importance(self):
        with pytest.raises(MissingColumnsError, match="expectation"):
            gap_analysis(_gap_survey().drop(columns="expectation"))

    def test_single_respondent_has_no_interval_and_no_flag(self):
        out = gap_analysis(_gap_survey().iloc[[0]])
        assert out.loc["a", "gap"] == 2.0
        assert math.isnan(out.loc["a", "gap_ci_low"])
        assert not out.loc["a", "gap_significant"]

    def test_by_column(self):
        s = _gap_survey()
        s["type"] = ["B2B", "B2C", "B2B", "B2B", "B2C", "B2B"]
        out = gap_analysis(s, by="type")
        assert out.index.tolist() == [("B2B", "a"), ("B2B", "b"), ("B2C", "a"), ("B2C", "b")]
        assert out.loc[("B2B", "a"), "gap"] == 1.5
        assert out["gap_n"].tolist() == [2, 2, 1, 1]


# All 25 cells of the Kano evaluation table (Berger et al. 1993), written out:
# (functional answer, dysfunctional answer, category).
KANO_CELLS = [
    (1, 1, "Q"), (1, 2, "A"), (1, 3, "A"), (1, 4, "A"), (1, 5, "O"),
    (2, 1, "R"), (2, 2, "I"), (2, 3, "I"), (2, 4, "I"), (2, 5, "M"),
    (3, 1, "R"), (3, 2, "I"), (3, 3, "I"), (3, 4, "I"), (3, 5, "M"),
    (4, 1, "R"), (4, 2, "I"), (4, 3, "I"), (4, 4, "I"), (4, 5, "M"),
    (5, 1, "R"), (5, 2, "R"), (5, 3, "R"), (5, 4, "R"), (5, 5, "Q"),
]


class TestKano:
    @pytest.mark.parametrize(("functional", "dysfunctional", "category"), KANO_CELLS)
    def test_evaluation_table_cell(self, functional, dysfunctional, category):
        assert KANO_TABLE[functional][dysfunctional] == category

    def test_kano_categories_applies_all_25_cells(self):
        s = pd.DataFrame({
            "respondent_id": [f"r{i}" for i in range(25)],
            "attribute": "x",
            "kano_functional": [f for f, _, _ in KANO_CELLS],
            "kano_dysfunctional": [d for _, d, _ in KANO_CELLS],
        })
        out = kano_categories(s)
        assert out["category"].tolist() == [c for _, _, c in KANO_CELLS]
        counts = kano(s).loc["x", ["A", "O", "M", "I", "R", "Q"]].tolist()
        assert counts == [3, 1, 3, 9, 7, 2]

    def test_counts_dominant_category_coefficients_and_missing(self):
        pairs = [(1, 3), (1, 4), (1, 5), (2, 5), (3, 3), (1, 1), (1, None), (None, None)]
        s = pd.DataFrame({
            "respondent_id": [f"r{i}" for i in range(len(pairs))],
            "attribute": "x",
            "kano_functional": [p[0] for p in pairs],
            "kano_dysfunctional": [p[1] for p in pairs],
        })
        out = kano(s)
        expected = pd.DataFrame(
            {"A": [2], "O": [1], "M": [1], "I": [1], "R": [0], "Q": [1], "n": [6],
             "missing": [1], "category": pd.array(["A"], dtype="string"),
             "cs_plus": [3 / 5], "cs_minus": [-2 / 5]},
            index=pd.Index(["x"], name="attribute", dtype="string"),
        )
        assert_frame_equal(out, expected)

    @pytest.mark.parametrize(
        ("pairs", "dominant"),
        [
            ([(2, 5), (2, 5), (1, 5), (1, 5), (1, 2), (1, 2)], "M"),  # M = O = A -> M
            ([(1, 5), (1, 2)], "O"),  # O = A -> O
            ([(1, 2), (3, 3)], "A"),  # A = I -> A
            ([(3, 3), (5, 1)], "I"),  # I = R -> I
            ([(5, 1), (1, 1)], "R"),  # R = Q -> R
        ],
    )
    def test_ties_follow_m_o_a_i_r_q(self, pairs, dominant):
        s = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(len(pairs))],
                          "attribute": "x",
                          "kano_functional": [p[0] for p in pairs],
                          "kano_dysfunctional": [p[1] for p in pairs]})
        assert kano(s).loc["x", "category"] == dominant

    def test_only_reverse_and_questionable_gives_nan_coefficients(self):
        s = pd.DataFrame({"respondent_id": ["r1", "r2"], "attribute": "x",
                          "kano_functional": [5, 5], "kano_dysfunctional": [1, 5]})
        row = kano(s).loc["x"]
        assert math.isnan(row["cs_plus"]) and math.isnan(row["cs_minus"])

    def test_only_half_answered_attribute_has_no_category(self):
        s = pd.DataFrame({"respondent_id": ["r1", "r2"], "attribute": ["x", "y"],
                          "kano_functional": [1, 1], "kano_dysfunctional": [None, 5]})
        out = kano(s)
        assert out.loc["x", "n"] == 0 and out.loc["x", "missing"] == 1
        assert pd.isna(out.loc["x", "category"])
        assert out.loc["y", "category"] == "O"

    def test_bad_answer_codes(self):
        s = pd.DataFrame({"respondent_id": ["r1"], "attribute": "x",
                          "kano_functional": [6], "kano_dysfunctional": [1]})
        with pytest.raises(WorkbenchError, match="outside the scale 1-5"):
            kano(s)
        s["kano_functional"] = [1.5]
        with pytest.raises(WorkbenchError, match="whole answer codes"):
            kano(s)

    def test_replaceable_table_is_checked(self):
        s = pd.DataFrame({"respondent_id": ["r1"], "attribute": "x",
                          "kano_functional": [1], "kano_dysfunctional": [2]})
        custom = {f: dict(row) for f, row in KANO_TABLE.items()}
        custom[1][2] = "O"
        assert kano(s, table=custom).loc["x", "category"] == "O"
        custom[1][2] = "Z"
        with pytest.raises(WorkbenchError, match=r"cell \(1, 2\) must be one of"):
            kano(s, table=custom)

    def test_by_series(self):
        s = pd.DataFrame({"respondent_id": ["r1", "r2"], "customer_id": ["c1", "c2"],
                          "attribute": "x", "kano_functional": [1, 2],
                          "kano_dysfunctional": [5, 5]})
        out = kano(s, by=pd.Series({"c1": "gold", "c2": "silver"}))
        assert out["category"].tolist() == ["O", "M"]
        assert out.index.names == ["segment", "attribute"]


def _ladder_survey() -> pd.DataFrame:
    rows = [
        # resp, customer, attribute, expectation, performance
        ("r1", "c1", "a", 4, 2),  # -2
        ("r1", "c1", "b", 4, 5),  # +1 -> mean -0.5
        ("r2", "c2", "a", 3, 3),  # 0
        ("r2", "c2", "b", 3, 3),  # 0 -> mean 0
        ("r3", None, "a", 3, 5),  # +2
        ("r3", "c3", "b", 4, None),  # not a pair
        ("r4", "c4", "a", None, 5),  # no pair at all -> left out
    ]
    return _survey(rows, ("respondent_id", "customer_id", "attribute", "expectation",
                          "performance"))


class TestExpectationLadder:
    def test_mean_rule(self):
        out = expectation_ladder(_ladder_survey())
        expected = pd.DataFrame(
            {
                "customer_id": pd.array(["c1", "c2", "c3"], dtype="string"),
                "n_attributes": [2, 2, 1],
                "mean_difference": [-0.5, 0.0, 2.0],
                "n_below": [1, 0, 0],
                "n_above": [1, 0, 1],
                "level": pd.array(["disappointed", "satisfied", "delighted"], dtype="string"),
            },
            index=pd.Index(["r1", "r2", "r3"], name="respondent_id", dtype="string"),
        )
        assert_frame_equal(out, expected)

    def test_tolerance_boundary_is_satisfied(self):
        out = expectation_ladder(_ladder_survey(), tolerance=0.5)
        assert out["level"].tolist() == ["satisfied", "satisfied", "delighted"]
        assert out["n_below"].tolist() == [1, 0, 0]
        assert out["n_above"].tolist() == [1, 0, 1]

    def test_strict_rule_one_letdown_disappoints(self):
        s = _ladder_survey()
        s.loc[0, "performance"] = 3  # r1: -1, +1 -> mean 0 but one let-down
        assert expectation_ladder(s)["level"].tolist()[0] == "satisfied"
        assert expectation_ladder(s, rule="strict")["level"].tolist() == [
            "disappointed", "satisfied", "delighted"]

    def test_bad_arguments(self):
        with pytest.raises(WorkbenchError, match="rule must be"):
            expectation_ladder(_ladder_survey(), rule="max")
        with pytest.raises(WorkbenchError, match="tolerance must be"):
            expectation_ladder(_ladder_survey(), tolerance=-1)
        with pytest.raises(MissingColumnsError, match="expectation"):
            expectation_ladder(_ladder_survey().drop(columns="expectation"))

    def test_summary_overall_and_by_series(self):
        ladder = expectation_ladder(_ladder_survey())
        out = expectation_ladder_summary(ladder)
        expected = pd.DataFrame(
            {"n": [1, 1, 1], "share": [1 / 3, 1 / 3, 1 / 3]},
            index=pd.Index(["disappointed", "satisfied", "delighted"], name="level",
                           dtype="string"),
        )
        assert_frame_equal(out, expected)
        by = expectation_ladder_summary(ladder, by=pd.Series({"c1": "x", "c2": "x"}, name="seg"))
        assert by.index.names == ["seg", "level"]
        assert by["n"].tolist() == [1, 1, 0]
        assert by["share"].tolist() == [0.5, 0.5, 0.0]


class TestQuotes:
    def _data(self) -> pd.DataFrame:
        return pd.DataFrame({
            "respondent_id": [f"r{i}" for i in range(8)],
            "attribute": ["a", "a", "a", "a", "b", "b", "b", "c"],
            "comment": ["Slow delivery", "  slow   DELIVERY ", "Rude driver", "", "Good price",
                        None, "Too expensive", "   "],
        })

    def test_dedup_skips_empty_and_is_deterministic(self):
        out = quotes(self._data(), n=5)
        assert out.columns.tolist() == ["attribute", "comment", "respondent_id"]
        assert out["comment"].tolist() == ["Slow delivery", "Rude driver", "Good price",
                                           "Too expensive"]
        assert_frame_equal(quotes(self._data(), n=1), quotes(self._data(), n=1))

    def test_n_per_group(self):
        out = quotes(self._data(), n=1, random_state=3)
        assert out["attribute"].tolist() == ["a", "b"]
        seen = {tuple(quotes(self._data(), n=1, random_state=k)["comment"]) for k in range(20)}
        assert len(seen) > 1  # the seed matters

    def test_overall_and_feedback_text_column(self):
        fb = pd.DataFrame({"customer_id": ["1", "2"], "text": ["late", "late"],
                           "category": ["delivery", "delivery"]})
        out = quotes(fb, by=None)
        assert out.columns.tolist() == ["text", "customer_id"]
        assert out["text"].tolist() == ["late"]
        assert quotes(fb, by="category")["category"].tolist() == ["delivery"]

    def test_by_segment_series(self):
        fb = pd.DataFrame({"customer_id": ["1", "2", "3"], "text": ["x", "y", "z"]})
        out = quotes(fb, by=pd.Series({"1": "gold", "3": "gold"}, name="tier"), n=5)
        assert out["tier"].tolist() == ["gold", "gold"]
        assert out["text"].tolist() == ["x", "z"]

    def test_errors(self):
        with pytest.raises(MissingColumnsError, match="text_col="):
            quotes(pd.DataFrame({"attribute": ["a"]}))
        with pytest.raises(WorkbenchError, match="n must be"):
            quotes(self._data(), n=0)


class TestSourceYield:
    def test_written_out(self):
        customers = pd.DataFrame({
            "customer_id": ["1", "2", "3", "4"],
            "source": ["ads", "ads", "friend", None],
        })
        tx = pd.DataFrame({
            "customer_id": ["1", "1", "2", "3", "5"],
            "date": pd.to_datetime(["2023-01-10", "2024-06-01", "2023-03-01", "2024-05-01",
                                    "2024-06-01"]),
            "amount": [100.0, 50.0, 30.0, 200.0, 10.0],
        })
        out = source_yield(customers, tx, asof="2024-06-30")
        expected = pd.DataFrame(
            {
                "clients": [1, 2, 2],
                "buyers": [1, 2, 1],
                "revenue": [200.0, 180.0, 10.0],
                "revenue_per_client": [200.0, 90.0, 5.0],
                "revenue_per_buyer": [200.0, 90.0, 10.0],
                "repeat_rate": [0.0, 0.5, 0.0],
                "active_share": [1.0, 0.5, 1.0],
                "share_of_clients": [0.2, 0.4, 0.4],
                "share_of_revenue": [200 / 390, 180 / 390, 10 / 390],
            },
            index=pd.Index(["friend", "ads", UNKNOWN_SOURCE], name="source", dtype="string"),
        )
        assert_frame_equal(out, expected)

    def test_asof_cuts_later_purchases_and_orders_use_order_id(self):
        customers = pd.DataFrame({"customer_id": ["1"], "source": ["ads"]})
        tx = pd.DataFrame({
            "customer_id": ["1", "1", "1"],
            "order_id": ["o1", "o1", "o2"],
            "date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-03-01"]),
            "amount": [10.0, 5.0, 7.0],
        })
        early = source_yield(customers, tx, asof="2024-02-01")
        assert early.loc["ads", "revenue"] == 15.0
        assert early.loc["ads", "repeat_rate"] == 0.0  # two lines of one order
        assert source_yield(customers, tx).loc["ads", "repeat_rate"] == 1.0

    def test_needs_source(self):
        with pytest.raises(MissingColumnsError, match="source"):
            source_yield(pd.DataFrame({"customer_id": ["1"]}),
                         pd.DataFrame({"customer_id": ["1"], "date": ["2024-01-01"],
                                       "amount": [1.0]}))

    def test_bad_horizon(self):
        customers = pd.DataFrame({"customer_id": ["1"], "source": ["ads"]})
        tx = pd.DataFrame({"customer_id": ["1"], "date": ["2024-01-01"], "amount": [1.0]})
        with pytest.raises(WorkbenchError, match="horizon must be"):
            source_yield(customers, tx, horizon="-3D")


def test_ipa_output_quadrant_series_dtype():
    out = importance_performance(_ipa_survey())
    assert_series_equal(out["quadrant"].isna(), pd.Series(False, index=out.index,
                                                          name="quadrant"))


def test_empty_survey_gives_empty_tables_not_errors():
    empty = pd.DataFrame({
        "respondent_id": pd.Series([], dtype="string"),
        "attribute": pd.Series([], dtype="string"),
        "importance": pd.Series([], dtype="Int64"),
        "performance": pd.Series([], dtype="Int64"),
        "expectation": pd.Series([], dtype="Int64"),
        "kano_functional": pd.Series([], dtype="Int64"),
        "kano_dysfunctional": pd.Series([], dtype="Int64"),
    })
    assert importance_performance(empty).empty
    assert gap_analysis(empty).empty
    assert kano(empty).empty
    ladder = expectation_ladder(empty)
    assert ladder.empty
    assert expectation_ladder_summary(ladder)["n"].tolist() == [0, 0, 0]


def test_quotes_come_from_low_and_high_scorers():
    """The worst attribute does not get only praise: half its quotes (rounded up) come from
    the low scorers, the rest from the high ones; a short side is filled from the other."""
    rows = []
    for i in range(20):  # 'delivery' is the worst: 16 low scores with criticism, 4 high
        low = i < 16
        rows.append(("delivery", 1 if low else 5, f"late again {i}" if low else f"quick {i}"))
    for i in range(6):  # 'price': high scores only
        rows.append(("price", 4 + i % 2, f"fair price {i}"))
    survey = pd.DataFrame(rows, columns=["attribute", "performance", "comment"])
    for seed in range(5):
        got = quotes(survey, n=3, random_state=seed)
        delivery = got[got["attribute"] == "delivery"]
        assert delivery["tone"].tolist() == ["low", "low", "high"]
        assert delivery["comment"].str.startswith("late").sum() == 2
        assert delivery["comment"].str.startswith("quick").sum() == 1
        # the middle of the scale seen in the data is 3: every price score is above it
        price = got[got["attribute"] == "price"]
        assert price["tone"].tolist() == ["high"] * 3
    # without looking at the score, the draw of 3 out of 20 is free
    plain = quotes(survey, n=3, random_state=0, score_col=False)
    assert "tone" not in plain.columns and len(plain) == 6
    with pytest.raises(MissingColumnsError):
        quotes(survey, score_col="nope")

"""Step 6: offer matrix, golden drops, competitiveness, УКОР — hand-built inputs, written-out results."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench.errors import WorkbenchError
from workbench.offers import (
    OFFER_RULES,
    UKOR_QUESTIONS,
    competitiveness,
    golden_drops,
    offer_matrix,
    offer_rules_frame,
    ukor,
)


class TestOfferMatrix:
    def test_default_rules_on_ladder_rungs(self):
        s = pd.Series(
            ["regular", "potential", "regular", "lapsed", "advocate"],
            index=["c1", "c2", "c3", "c4", "c5"],
            name="rung",
        )
        out = offer_matrix(s)
        expected = pd.DataFrame(
            {
                "dimension": ["rung"] * 4,
                "segment": ["potential", "regular", "advocate", "lapsed"],
                "n_customers": [1, 2, 1, 1],
                "share": [0.2, 0.4, 0.2, 0.2],
                "strategy": ["attract", "retain", "cherish", "win_back"],
            }
        )
        assert_frame_equal(out[expected.columns], expected)
        assert out["has_rule"].all()
        assert out.loc[0, "action_keys"] == ("trial_sample", "free_tasting", "first_order_discount")
        assert out.loc[3, "action_keys"] == ("reason_call", "comeback_offer")
        assert "strategy_label" not in out and "actions" not in out  # keys only

    def test_unknown_segment_is_flagged_not_dropped(self):
        s = pd.Series(["whales", "AX", "whales", None])
        out = offer_matrix(s)
        assert out["segment"].tolist() == ["AX", "whales"]
        row = out.set_index("segment").loc["whales"]
        assert row["strategy"] == "none"
        assert not row["has_rule"]
        assert row["n_customers"] == 2
        assert row["action_keys"] == ("no_rule",)
        # the empty value is not counted: shares are over the 3 clients with a key
        assert out["share"].tolist() == pytest.approx([1 / 3, 2 / 3])

    def test_replaced_rule_table(self):
        rules = {
            "whales": {"strategy": "cherish", "actions": ("gratitude", "Dinner with the CEO")},
        }
        out = offer_matrix(pd.Series(["whales", "regular"]), rules=rules)
        by_seg = out.set_index("segment")
        assert by_seg.loc["whales", "strategy"] == "cherish"
        assert by_seg.loc["whales", "action_keys"] == ("gratitude", "Dinner with the CEO")
        # the default rules are replaced, not merged
        assert by_seg.loc["regular", "strategy"] == "none"

    def test_rules_frame_round_trip_and_edit(self):
        rules = offer_rules_frame()
        assert len(rules) == len(OFFER_RULES)
        rules.loc[rules["segment"] == "lapsed", "strategy"] = "attract"
        rules.loc[rules["segment"] == "lapsed", "actions"] = "Call them; comeback_offer"
        out = offer_matrix(pd.Series(["lapsed"]), rules=rules)
        assert out.loc[0, "strategy"] == "attract"
        assert out.loc[0, "action_keys"] == ("Call them", "comeback_offer")

    def test_case_insensitive_match_of_rfm_names(self):
        out = offer_matrix(pd.Series(["At Risk", "Champions", "Cannot-Lose"]))
        assert out["strategy"].tolist() == ["cherish", "win_back", "win_back"]
        assert out["has_rule"].all()

    def test_frame_of_two_segmentations(self):
        frame = pd.DataFrame(
            {"rung": ["buyer", "regular", "buyer"], "cell": ["AX", "CZ", "CZ"]},
            index=["a", "b", "c"],
        )
        out = offer_matrix(frame)
        assert out[["dimension", "segment", "n_customers"]].values.tolist() == [
            ["rung", "buyer", 2],
            ["rung", "regular", 1],
            ["cell", "AX", 1],
            ["cell", "CZ", 2],
        ]
        assert out.loc[3, "strategy"] == "serve_efficiently"

    def test_package_outputs_are_reduced_to_their_segment_columns(self):
        ladder = pd.DataFrame(
            {"rung": ["buyer", "lapsed"], "strategy": ["engage", "win_back"], "orders": [3, 1]},
            index=pd.Index(["a", "b"], name="customer_id"),
        )
        out = offer_matrix(ladder)
        assert out["dimension"].unique().tolist() == ["rung"]
        out = offer_matrix(ladder, dimensions=["strategy"])
        assert out["dimension"].unique().tolist() == ["strategy"]
        with pytest.raises(WorkbenchError, match="'cluster'"):
            offer_matrix(ladder, dimensions=["cluster"])

    def test_categorical_keeps_category_order_and_empty_rungs(self):
        s = pd.Series(
            pd.Categorical(["regular", "buyer"], categories=["potential", "buyer", "regular"])
        )
        out = offer_matrix(s)
        assert out["segment"].tolist() == ["potential", "buyer", "regular"]
        assert out["n_customers"].tolist() == [0, 1, 1]

    def test_every_default_action_and_strategy_has_texts(self):
        from workbench.i18n import has

        for rule in OFFER_RULES.values():
            assert has(f"strategy.{rule['strategy']}")
            for action in rule["actions"]:
                assert has(f"offer.action.{action}"), action

    def test_bad_strategy_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="strategy 'pamper'; allowed: attract"):
            offer_matrix(pd.Series(["x"]), rules={"x": {"strategy": "pamper", "actions": ()}})

    def test_not_a_series(self):
        with pytest.raises(WorkbenchError, match="segments must be a pandas Series"):
            offer_matrix(["regular"])

    def test_empty_series(self):
        out = offer_matrix(pd.Series([], dtype="string"))
        assert len(out) == 0
        assert "strategy" in out.columns


def _advantages(n=10):
    names = [f"adv{i}" for i in range(n)]
    imp = [5, 4, 3, 5, 2, 4, 5, 1, 3, 4][:n]
    comp = [0.1, 0.3, 0.0, 0.8, 0.0, 0.31, 0.0, 0.0, 0.5, 1.0][:n]
    return pd.DataFrame({"advantage": names, "importance": imp, "competitor_presence": comp})


class TestGoldenDrops:
    def test_thresholds_on_one_to_five_and_share(self):
        out = golden_drops(_advantages())
        # importance >= 4 and presence <= 0.3 (boundaries included)
        assert sorted(out.index[out["golden_drop"]]) == ["adv0", "adv1", "adv6"]
        assert out.loc["adv5", "matters"] and not out.loc["adv5", "competitors_lack"]
        assert not out.loc["adv2", "matters"] and out.loc["adv2", "competitors_lack"]
        # score = (imp-1)/4 * (1 - presence); best first
        assert out.index[0] == "adv6"
        assert out.loc["adv6", "score"] == pytest.approx(1.0)
        assert out.loc["adv0", "score"] == pytest.approx(0.9)
        assert out.loc["adv1", "score"] == pytest.approx(0.75 * 0.7)
        assert out.loc["adv6", "rank"] == 1
        assert out["rank"].is_monotonic_increasing

    def test_custom_thresholds(self):
        out = golden_drops(_advantages(), importance_min=5, competitor_max=0.1)
        assert sorted(out.index[out["golden_drop"]]) == ["adv0", "adv6"]

    def test_zero_to_ten_and_one_to_five_competitor_scale_detected(self):
        adv = pd.DataFrame(
            {
                "advantage": list("abcdefghij"),
                "importance": [10, 7, 6, 0, 9, 8, 7, 3, 2, 1],
                "competitor_presence": [1, 2, 3, 1, 5, 2, 1, 1, 1, 1],
            }
        )
        out = golden_drops(adv)
        assert sorted(out.index[out["golden_drop"]]) == ["a", "b", "f", "g"]
        assert out.loc["a", "importance_norm"] == pytest.approx(1.0)
        assert out.loc["b", "competitor_norm"] == pytest.approx(0.25)

    def test_ratings_of_several_clients_are_averaged(self):
        adv = pd.DataFrame(
            {
                "advantage": ["fast", "fast", "cheap"] + [f"x{i}" for i in range(8)],
                "importance": [5, 3, 2] + [1] * 8,
                "competitor_presence": [0.0, 0.2, 0.5] + [0.0] * 8,
            }
        )
        out = golden_drops(adv)
        assert out.loc["fast", "importance"] == 4.0
        assert out.loc["fast", "competitor_presence"] == pytest.approx(0.1)
        assert out.loc["fast", "n"] == 2
        assert out.loc["fast", "golden_drop"]

    def test_fewer_than_ten_advantages_warns(self):
        with pytest.warns(UserWarning, match="3 advantages listed; the method asks for at least 10"):
            golden_drops(_advantages(3))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            golden_drops(_advantages(10))

    def test_out_of_range_names_the_row(self):
        adv = _advantages()
        adv.loc[4, "importance"] = 6
        with pytest.raises(WorkbenchError, match="'importance' must lie in 1..5.*row 4 has 6"):
            golden_drops(adv, importance_scale="1-5")

    def test_missing_column(self):
        with pytest.raises(WorkbenchError, match="competitor_presence"):
            golden_drops(pd.DataFrame({"advantage": ["a"], "importance": [3]}))

    def test_ties_share_rank(self):
        adv = _advantages()
        adv["competitor_presence"] = 0.0
        out = golden_drops(adv)
        # importance 5 appears three times: all rank 1, the next rank is 4
        assert out.loc[["adv0", "adv3", "adv6"], "rank"].tolist() == [1, 1, 1]
        assert out.loc["adv1", "rank"] == 4
        # stable: input order within a tie
        assert out.index[:3].tolist() == ["adv0", "adv3", "adv6"]


class TestCompetitiveness:
    def test_dict_one_company(self):
        out = competitiveness({"internal_competencies": 15, "external_competencies": 8,
                               "dynamic_capabilities": 12})
        expected = pd.DataFrame(
            {
                "internal_competencies": [15.0],
                "external_competencies": [8.0],
                "dynamic_capabilities": [12.0],
                "total": [35.0],
                "share": [35 / 60],
                "level": ["medium"],
                "weakest": ["external_competencies"],
            },
            index=pd.Index(["us"], name="company"),
        )
        assert_frame_equal(out, expected)

    def test_frame_levels_at_cutoffs_and_tie_for_weakest(self):
        frame = pd.DataFrame(
            {"internal": [10, 20, 0, 9.5], "external": [10, 15, 0, 10], "dynamic": [10, 10, 0, 10]},
            index=pd.Index(["us", "rival", "nobody", "almost"], name="company"),
        )
        out = competitiveness(frame)
        assert out["total"].tolist() == [30.0, 45.0, 0.0, 29.5]
        assert out["level"].tolist() == ["medium", "high", "low", "low"]
        assert out["weakest"].tolist() == [
            "internal_competencies", "dynamic_capabilities", "internal_competencies",
            "internal_competencies",
        ]

    @pytest.mark.parametrize("bad", [21, -1, "a lot", np.nan])
    def test_out_of_range_is_an_error(self, bad):
        with pytest.raises(WorkbenchError, match="'external_competencies' must be a number within 0..20"):
            competitiveness({"internal": 1, "external": bad, "dynamic": 3})

    def test_missing_dimension(self):
        with pytest.raises(WorkbenchError, match="dynamic_capabilities"):
            competitiveness({"internal": 1, "external": 2})


class TestUkor:
    def test_extremes_zero_and_hundred(self):
        low = ukor({q: 0 for q in UKOR_QUESTIONS})
        assert low.score == 0.0 and low.level == "spontaneous"
        assert low.weakest == ("expectations", "segmentation", "offers")
        high = ukor({q: 4 for q in UKOR_QUESTIONS})
        assert high.score == 100.0 and high.level == "cultural"
        assert high.weakest == ()

    @pytest.mark.parametrize(
        ("n_fours", "score", "level"),
        # n questions at 4, the rest at 0: score = n / 16 * 100
        [(6, 37.5, "spontaneous"), (7, 43.75, "regulated"), (12, 75.0, "cultural"),
         (11, 68.75, "regulated")],
    )
    def test_level_cutoffs(self, n_fours, score, level):
        keys = list(UKOR_QUESTIONS)
        answers = {q: (4 if i < n_fours else 0) for i, q in enumerate(keys)}
        res = ukor(answers)
        assert res.score == pytest.approx(score)
        assert res.level == level

    def test_cutoff_exactly_forty_is_regulated(self):
        # 1-5 scale: answer 2.6 -> (2.6-1)/4 = 0.4
        res = ukor({q: 2.6 for q in UKOR_QUESTIONS}, scale=(1, 5))
        assert res.score == pytest.approx(40.0)
        assert res.level == "regulated"

    def test_weakest_themes_and_theme_scores(self):
        answers = {q: 4 for q in UKOR_QUESTIONS}
        answers["complaints_handled"] = 0   # complaints theme 50
        answers["lost_clients_reviewed"] = 4
        answers["key_client_opinion"] = 1   # key_clients theme 62.5
        answers["staff_motivation"] = 3     # staff theme 87.5
        res = ukor(answers)
        assert res.weakest == ("complaints", "key_clients", "staff")
        assert res.themes.loc["complaints", "score"] == 50.0
        assert res.themes.loc["key_clients", "score"] == 62.5
        assert res.answers.loc["complaints_handled", "theme"] == "complaints"
        assert res.score == pytest.approx((16 * 4 - 4 - 3 - 1) / 64 * 100)

    def test_missing_answers_listed(self):
        answers = {q: 2 for q in list(UKOR_QUESTIONS)[2:]}
        with pytest.raises(WorkbenchError, match="2 question.s. not answered: expectations_known, competitors_known"):
            ukor(answers)

    def test_partial_scores_answered_only(self):
        answers = {q: 4 for q in list(UKOR_QUESTIONS)[2:]}
        answers["segments_defined"] = 0
        res = ukor(answers, partial=True)
        assert res.score == pytest.approx(13 / 14 * 100)
        assert np.isnan(res.themes.loc["expectations", "score"])
        assert res.themes.loc["expectations", "n_questions"] == 0
        assert res.weakest == ("segmentation",)

    def test_several_respondents_are_averaged(self):
        frame = pd.DataFrame([{q: 0 for q in UKOR_QUESTIONS}, {q: 4 for q in UKOR_QUESTIONS}])
        res = ukor(frame)
        assert res.score == 50.0 and res.n_respondents == 2

    def test_out_of_scale_and_unknown_question(self):
        with pytest.raises(WorkbenchError, match="answer to 'segments_defined'.*within 0..4; got 5"):
            ukor({**{q: 1 for q in UKOR_QUESTIONS}, "segments_defined": 5})
        with pytest.raises(WorkbenchError, match="unknown question"):
            ukor({**{q: 1 for q in UKOR_QUESTIONS}, "happiness": 3})

    def test_questions_have_texts_in_both_languages(self):
        from workbench.i18n import has

        assert 12 <= len(UKOR_QUESTIONS) <= 16
        for q, theme in UKOR_QUESTIONS.items():
            assert has(f"ukor.q.{q}") and has(f"ukor.theme.{theme}")


def test_offer_matrix_on_the_sample_ladder_has_a_rule_for_every_rung():
    datasets = pytest.importorskip("workbench.datasets")
    import workbench

    sample = datasets.generate_sample()
    rungs = workbench.loyalty_ladder(sample["transactions"])["rung"]
    out = offer_matrix(rungs)
    assert out["has_rule"].all()
    assert out["n_customers"].sum() == rungs.notna().sum()

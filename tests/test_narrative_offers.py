"""Step 6 read aloud: labels, display tables and exact sentences, in en and ru."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench.narrative import (
    describe_competitiveness,
    describe_golden_drops,
    describe_offer_matrix,
    describe_survey_advantages,
    describe_ukor,
    format_golden_drops,
    format_offer_matrix,
    label_offers,
    segment_label,
)
from workbench.offers import (
    UKOR_QUESTIONS,
    competitiveness,
    golden_drops,
    offer_matrix,
    offer_rules_frame,
    survey_advantages,
    ukor,
)

NB = "\u00a0"


class TestLabelOffers:
    def test_english_and_russian_labels(self):
        s = pd.Series(["potential", "lapsed"], name="rung")
        out = label_offers(offer_matrix(s), "en")
        assert out["strategy_label"].tolist() == ["Attract", "Win back"]
        assert out.loc[1, "actions"] == "Personal call to learn why they left; Come-back offer"
        ru = label_offers(offer_matrix(pd.Series(["lapsed"])), "ru")
        assert ru.loc[0, "strategy_label"] == "Возвращать"
        assert ru.loc[0, "actions"].startswith("Личный звонок")

    def test_free_text_is_kept_and_no_rule_is_said(self):
        rules = {"whales": {"strategy": "cherish", "actions": ("gratitude", "Dinner with the CEO")}}
        out = label_offers(offer_matrix(pd.Series(["whales", "regular"]), rules=rules), "en")
        by_seg = out.set_index("segment")
        assert by_seg.loc["whales", "actions"] == "Personal thanks and gifts; Dinner with the CEO"
        assert "No rule" in by_seg.loc["regular", "actions"]

    def test_rules_frame_gets_action_texts(self):
        rules = label_offers(offer_rules_frame(), "en")
        row = rules.loc[rules["segment"] == "lapsed"].iloc[0]
        assert row["action_text"] == "Personal call to learn why they left; Come-back offer"


class TestDescribeUkor:
    def test_top_score_has_no_weak_theme(self):
        high = ukor({q: 4 for q in UKOR_QUESTIONS})
        assert describe_ukor(high, "en") == (
            "UKOR = 100 of 100: the cultural level; no theme falls behind.")
        assert not hasattr(high, "describe")  # the sentence lives in the text layer only

    def test_russian_summary_lists_the_weakest_themes(self):
        res = ukor({q: 1 for q in UKOR_QUESTIONS})
        text = describe_ukor(res, "ru")
        assert text.startswith("УКОР = 25 из 100: стихийная клиентоориентированность. "
                               "Самые слабые темы: ")
        assert text.count(",") == 1 and " и " in text  # «a, b и c»


# ----------------------------------------------------------------------------------------------
# Reading the results aloud: labels, display tables, computed sentences
# ----------------------------------------------------------------------------------------------




def _drops(presence):
    adv = pd.DataFrame(
        {
            "advantage": ["fast", "cheap", "pretty", "plain"],
            "importance": [5, 5, 2, 2],
            "competitor_presence": presence,
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # fewer than ten advantages
        return golden_drops(adv)


class TestSegmentLabel:
    def test_ladder_rfm_and_unknown_keys(self):
        assert segment_label("first_purchase", "ru") == "Первая покупка"
        assert segment_label("At Risk", "en") == "At risk"
        assert segment_label("AX", "ru") == "AX"
        assert segment_label("whales", "ru") == "whales"


class TestDescribeOfferMatrix:
    def test_russian_sentence_per_strategy_in_ladder_order(self):
        s = pd.Series(["regular", "lapsed", "regular", "first_purchase"], name="rung")
        assert describe_offer_matrix(offer_matrix(s), "ru") == (
            f"Лестница приверженности: 4{NB}клиента в 3{NB}сегментах. По стратегиям: Вовлекать и "
            f"развивать — 1 (25{NB}%), Удерживать — 2 (50{NB}%), Возвращать — 1 (25{NB}%). Для "
            "каждого сегмента есть предложение."
        )

    def test_two_dimensions_and_a_segment_without_rule(self):
        frame = pd.DataFrame({"rung": ["regular", "lapsed"], "cell": ["AX", "QQ"]})
        assert describe_offer_matrix(offer_matrix(frame)) == (
            "Loyalty ladder: 2 customers in 2 segments. By strategy: Retain — 1 (50%), Win back "
            "— 1 (50%). Every segment has an offer.\n"
            "ABC-XYZ: 2 customers in 2 segments. By strategy: Cherish — 1 (50%), No rule — 1 "
            "(50%). Without a rule (define the offer by hand): QQ."
        )


class TestFormatOfferMatrix:
    def test_russian_table_from_an_english_matrix(self):
        s = pd.Series(["regular", "lapsed", "regular", "first_purchase"], name="rung")
        out = format_offer_matrix(offer_matrix(s, language="en"), "ru")
        expected = pd.DataFrame(
            {
                "Сегмент": ["Первая покупка", "Постоянный", "Ушедший"],
                "Клиентов": ["1", "2", "1"],
                "Доля клиентов, %": ["25,0", "50,0", "25,0"],
                "Стратегия": ["Вовлекать и развивать", "Удерживать", "Возвращать"],
                "Действия": [
                    "Приветственный звонок; Обучение работе с продуктом; Предложение на второй "
                    "заказ",
                    "Персональный менеджер; Условия и скидки за объём; Согласованный уровень "
                    "сервиса",
                    "Личный звонок, чтобы узнать причину ухода; Предложение для возвращения",
                ],
            }
        )
        assert_frame_equal(out, expected)

    def test_segmentation_column_only_with_several_dimensions(self):
        frame = pd.DataFrame({"rung": ["regular"], "cell": ["AX"]})
        out = format_offer_matrix(offer_matrix(frame))
        assert out.columns.tolist() == [
            "Segmentation", "Segment", "Clients", "Share of clients, %", "Strategy", "Actions",
        ]
        assert out["Segmentation"].tolist() == ["Loyalty ladder", "ABC-XYZ"]


class TestDescribeGoldenDrops:
    def test_drops_stakes_and_idle_in_russian(self):
        assert describe_golden_drops(_drops([0.0, 1.0, 0.0, 1.0]), "ru") == (
            f"Из 4{NB}преимуществ клиентам важны 2; у конкурентов нет 1 из них — это золотые "
            "капли: fast. Обязательный минимум (важно, но есть и у конкурентов): cheap. Этого нет у "
            "конкурентов, но клиентам это мало важно: pretty."
        )

    def test_no_golden_drop_says_so(self):
        assert describe_golden_drops(_drops([1.0, 1.0, 1.0, 1.0])) == (
            "Of 4 advantages, 2 matter to clients, but competitors have all of them: no golden "
            "drop yet — look for more advantages. Table stakes (they matter, but competitors "
            "have them too): fast, cheap."
        )

    def test_format_gives_a_verdict_per_advantage(self):
        out = format_golden_drops(_drops([0.0, 1.0, 0.0, 1.0]), "ru")
        expected = pd.DataFrame(
            {
                "Преимущество": ["fast", "pretty", "cheap", "plain"],
                "Важность для клиента": ["5,00", "2,00", "5,00", "2,00"],
                "Есть у конкурентов": ["0,00", "0,00", "1,00", "1,00"],
                "Балл": ["1,00", "0,25", "0,00", "0,00"],
                "Вывод": ["Золотая капля", "Клиентам не важно", "Обязательный минимум", "Прочее"],
            }
        )
        assert_frame_equal(out, expected, check_dtype=False)


class TestDescribeCompetitiveness:
    def test_us_alone(self):
        res = competitiveness({"internal": 15, "external": 8, "dynamic": 12})
        assert describe_competitiveness(res, "ru") == (
            "Мы: 35 из 60 (уровень средний); слабее всего: Внешние компетенции (8 из 20)."
        )

    def test_us_against_the_strongest_competitor_even_when_listed_later(self):
        scores = pd.DataFrame(
            {"internal": [12, 16, 15], "external": [14, 10, 11], "dynamic": [13, 9, 8]},
            index=["A", "B", "us"],
        )
        assert describe_competitiveness(competitiveness(scores)) == (
            "Us: 34 of 60 (medium); weakest: Dynamic capabilities (8 of 20). A: 39 of 60 "
            "(medium); weakest: Internal competencies (12 of 20). B: 35 of 60 (medium); weakest: "
            "Dynamic capabilities (9 of 20). Us against A: Internal competencies +3, External "
            "competencies −3, Dynamic capabilities −5."
        )


def _survey():
    rows = []
    answers = {  # attribute: (importance, performance, competitor) per respondent r1..r3
        "roast": [(5, 5, 3), (5, 5, 4), (4, 5, 3)],
        "delivery": [(5, 2, 4), (4, 2, 4), (5, 3, 4)],
        "pack": [(2, 5, 3), (2, 4, 3), (3, 5, 3)],
    }
    for attribute, per in answers.items():
        for i, (imp, perf, comp) in enumerate(per, start=1):
            rows.append((f"r{i}", attribute, imp, perf, comp))
    return pd.DataFrame(
        rows,
        columns=["respondent_id", "attribute", "importance", "performance",
                 "competitor_performance"],
    )


class TestSurveyAdvantages:
    def test_verdicts_from_paired_leads(self):
        res = survey_advantages(_survey())
        # most important first; a tie keeps the alphabetical order
        assert res.index.tolist() == ["delivery", "roast", "pack"]
        assert res["importance"].round(3).tolist() == [4.667, 4.667, 2.333]
        assert res["lead"].round(3).tolist() == [-1.667, 1.667, 1.667]
        # t interval, n = 3: 5/3 +- 4.303 * (1/sqrt(3)) / sqrt(3)
        assert res.loc["roast", "lead_ci_low"] == pytest.approx(5 / 3 - 4.302653 / 3, abs=1e-5)
        assert res["verdict"].tolist() == ["behind", "golden", "minor"]

    def test_describe_in_both_languages(self):
        res = survey_advantages(_survey())
        assert describe_survey_advantages(res) == (
            "Advantages that matter and where clients rate us above the competitor (1): roast "
            "(+1.67). Important, but rated below the competitor — fix before advertising: "
            "delivery (−1.67)."
        )
        assert describe_survey_advantages(res, "ru").startswith(
            "Важные клиентам качества, по которым нас оценивают выше конкурента (1): roast"
        )

    def test_no_competitor_ratings(self):
        res = survey_advantages(_survey().drop(columns="competitor_performance"))
        assert res["lead"].isna().all()
        assert describe_survey_advantages(res) == (
            "The survey has no ratings of the competitor: the golden drops rest on the "
            "management's view only."
        )

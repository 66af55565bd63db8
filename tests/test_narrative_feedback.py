"""Step 8 read aloud: exact sentences and the display table, in en and ru."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.testing import assert_frame_equal
from test_feedback import PRED, _feedback, _leads, _loop_tx, _tx

from workbench.feedback import complaints_summary, funnel, loop_check, nps, plan_backwards
from workbench.narrative import (
    describe_complaints,
    describe_funnel,
    describe_loop_check,
    describe_nps,
    describe_plan,
    describe_refusals,
    describe_second_round,
    format_open_complaints,
)

NB = "\u00a0"


class TestOverviewSentences:
    def test_summary_overview_and_loop_check_first_sentence(self):
        res = complaints_summary(_feedback(), _tx(), asof="2024-06-30", horizon="90D")
        text = describe_complaints(res, "en", topics=False)
        assert "60% resolved" in text and "100% after an unresolved one" in text
        assert not hasattr(res, "describe")  # the sentences live in the text layer only
        loop = loop_check(PRED, _loop_tx(), asof="2024-03-31")
        assert describe_loop_check(loop, "en", lift=False) == (
            "Of 3 customers predicted to leave, 67% left; the list caught 67% of the 3 customers "
            "who left.")


class TestDescribeNps:
    def test_one_row(self):
        assert describe_nps(nps(pd.Series([10, 9, 8, 6, 0]))) == (
            "NPS = 0 (\u221278 to +78) from 5 answers: 40% promoters, 40% detractors."
        )

    def test_groups_whose_intervals_separate(self):
        scores = pd.Series([10, 10, 10, 9, 0, 0, 0, 1] + [10, 9, 9, 9, 9, 10, 10, 10])
        seg = pd.Series(["a"] * 8 + ["b"] * 8, name="seg")
        assert describe_nps(nps(scores, by=seg)) == (
            "2 groups compared; highest NPS: b (+100), lowest: a (0). Their intervals do not "
            "overlap: "
            "the difference is unlikely to be chance."
        )

    def test_groups_whose_intervals_overlap_in_russian(self):
        scores = pd.Series([10, 8, 0, 10, 9, 6])
        seg = pd.Series(["a", "a", "a", "b", "b", "b"], name="seg")
        assert describe_nps(nps(scores, by=seg), "ru") == (
            f"В сравнении 2{NB}группы: самый высокий NPS — b (+33), самый низкий — a (0). Их интервалы "
            "перекрываются: разница может быть случайной; опросите больше клиентов, прежде чем "
            "действовать."
        )

    def test_no_answers(self):
        assert describe_nps(nps(pd.Series([np.nan, np.nan]))) == "No answers to show."


class TestDescribeComplaints:
    def test_topics_slowest_and_most_open(self):
        res = complaints_summary(_feedback(), tx=_tx(), asof="2024-06-30", horizon="90D")
        assert describe_complaints(res) == (
            "5 complaints, 60% resolved (median 2.0 days); 2 open. Clients lost: 50% of those "
            "who never complained, 50% after a resolved complaint, 100% after an unresolved one. "
            "Most complaints are about delivery (60%); the slowest to resolve: quality (median "
            "10 days). The most open complaints: delivery (1 of 3)."
        )

    def test_without_transactions_in_russian(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        assert describe_complaints(res, "ru") == (
            f"5{NB}жалоб, решено 60{NB}% (медиана — 2,0{NB}дня); открыто — 2. Больше всего жалоб "
            f"по теме «delivery» (60{NB}%); дольше всего решаются жалобы по теме «quality» "
            f"(медиана — 10{NB}дней). Больше всего открытых жалоб по теме «delivery» (1 из 3)."
        )


class TestDescribeRefusals:
    def test_pareto_reasons_up_to_the_cutoff(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        assert describe_refusals(res) == (
            "3 refusals: the top 2 of 2 reasons explain 100% of them — price (67%), delivery "
            "(33%)."
        )
        assert describe_refusals(res, cutoff=0.5) == (
            "3 refusals: the top 1 of 2 reasons explain 67% of them — price (67%)."
        )

    def test_no_refusals(self):
        fb = _feedback()
        res = complaints_summary(fb.loc[fb["kind"] != "refusal"], asof="2024-06-30")
        assert describe_refusals(res, "ru") == (
            "Отказы не записаны: заведите отказные листы — почему клиент отказался?"
        )


class TestDescribeFunnelAndPlan:
    def test_funnel_by_source(self):
        assert describe_funnel(funnel(_leads())) == (
            "Of 9 leads, 2 became clients (22.2%). Step conversions: Calls → Proposals 67%, "
            "Proposals → Meetings 67%, Meetings → Deals 50%. Best source: A (40.0% of its leads "
            "became clients); worst: unknown (0.0%)."
        )

    def test_single_funnel_in_russian(self):
        assert describe_funnel(funnel(_leads(), by=None), "ru") == (
            f"Из 9{NB}лидов клиентами стали 2 (22,2{NB}%). Конверсия шагов: Звонки → Предложения "
            f"67{NB}%, Предложения → Встречи 67{NB}%, Встречи → Сделки 50{NB}%."
        )

    def test_the_course_example(self):
        plan = plan_backwards(1, [0.5, 0.1, 0.25])
        assert describe_plan(plan) == (
            "To win 1 new client the funnel needs: Calls 80 → Proposals 40 → Meetings 4 → Deals 1 "
            "(step conversions 50%, 10%, 25%)."
        )
        assert describe_plan(plan, "ru") == (
            f"Чтобы получить 1{NB}нового клиента, нужно: Звонки 80 → Предложения 40 → Встречи 4 → "
            f"Сделки 1 (конверсия шагов — 50{NB}%, 10{NB}%, 25{NB}%)."
        )


class TestDescribeLoop:
    def test_weak_lift(self):
        res = loop_check(PRED, _loop_tx(), asof="2024-03-31", horizon="90D")
        assert describe_loop_check(res) == (
            "Of 3 customers predicted to leave, 67% left; the list caught 67% of the 3 customers "
            "who left. "
            "That is only 1.1 times the base rate of 60%: the list is barely better than random."
        )

    def test_strong_lift_in_russian(self):
        pred = pd.Series({"a": 0.9, "b": 0.1, "c": 0.1, "d": 0.1, "z": 0.1})
        res = loop_check(pred, _loop_tx(), asof="2024-03-31", horizon="90D")
        # a, c and z left (z's next purchase is after the window): base 3/5; hit 1/1 -> 1.67
        assert describe_loop_check(res, "ru") == (
            f"Из 1{NB}клиента с прогнозом ухода ушли 100{NB}%; список охватил 33{NB}% всех ушедших "
            f"(3{NB}клиента). Это в 1,7 раза больше средней доли ушедших (60{NB}%): список лучше, "
            "чем обзвон наугад."
        )

    def test_second_round_with_todays_scores(self):
        res = loop_check(PRED, _loop_tx(), asof="2024-03-31", horizon="90D")
        today = pd.Series({"a": 0.7, "b": 0.2, "z": 0.5})
        assert describe_second_round(res, scores=today, threshold=0.5) == (
            "Second round: 2 predicted and left — win them back one by one, by their reasons; 1 "
            "left without warning — read their history to improve the model; 1 predicted but "
            "stayed — learn what kept them. Scored today, 2 of 3 customers have a risk of 50% or "
            "more: the list for the next round (steps 5–6)."
        )
        assert describe_second_round(res, language="ru") == (
            "Второй круг: предсказаны и ушли — 2: возвращаем по одному, по их причинам; ушли "
            "без прогноза — 1: изучаем их историю, чтобы улучшить модель; предсказаны, но "
            "остались — 1: выясняем, что их удержало."
        )


class TestFormatOpenComplaints:
    def test_russian_headers_oldest_first_whole_days(self):
        res = complaints_summary(_feedback(), asof="2024-06-30")
        expected = pd.DataFrame(
            {
                "Клиент": ["c3", "c2"],
                "Получена": ["01.02.2024", "20.06.2024"],
                "Категория": ["delivery", "quality"],
                "Канал": ["phone", "phone"],
                "Дней открыта": np.array([150, 10], dtype="int64"),
            }
        )
        assert_frame_equal(format_open_complaints(res, "ru"), expected)

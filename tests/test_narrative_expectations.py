"""Steps 1–2 read aloud: exact sentences and display tables on tiny frames, in en and ru."""

from __future__ import annotations

import pandas as pd

from workbench.expectations import (
    expectation_ladder,
    expectation_ladder_summary,
    gap_analysis,
    importance_performance,
    kano,
    quotes,
    source_yield,
)
from workbench.narrative import (
    describe_competitor,
    describe_expectation_ladder,
    describe_expectations,
    describe_gaps,
    describe_importance_performance,
    describe_kano,
    describe_quotes,
    describe_source_yield,
    describe_survey,
    format_gaps,
    format_importance_performance,
    format_kano,
    format_source_yield,
)

NB = "\u00a0"


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
    return pd.DataFrame(rows, columns=["respondent_id", "customer_id", "attribute", "importance", "performance"])


def test_describe_reads_the_focus_quadrant():
    ipa = importance_performance(_ipa_survey())
    assert describe_importance_performance(ipa, "en") == (
        "1 of 5 attributes are in “Concentrate here”: a. “Possible overkill”: d.")
    assert describe_importance_performance(ipa, "ru") == (
        f"В квадранте «Сосредоточиться здесь» — 1 из 5{NB}параметров: a. "
        "«Возможно, избыточно»: d.")


def test_describe_empty_ipa():
    empty = pd.DataFrame({"respondent_id": pd.Series([], dtype="string"),
                          "attribute": pd.Series([], dtype="string"),
                          "importance": pd.Series([], dtype="Int64"),
                          "performance": pd.Series([], dtype="Int64")})
    assert describe_importance_performance(importance_performance(empty), "en") == (
        "No attribute has importance and performance answers.")


# ----------------------------------------------------------------------------------------------
# Reading results aloud: exact sentences on tiny frames (en and ru)
# ----------------------------------------------------------------------------------------------


def _aloud_survey() -> pd.DataFrame:
    """Four respondents x two attributes: a falls clearly short and lags the competitor."""
    return pd.DataFrame({
        "respondent_id": ["r1", "r2", "r3", "r4"] * 2,
        "customer_id": ["c1", "c2", None, None] * 2,
        "attribute": ["a"] * 4 + ["b"] * 4,
        "importance": [5, 5, 4, None, 2, 3, 2, 3],
        "expectation": [5, 5, 5, 5, 3, 3, 3, 3],
        "performance": [3, 3, 4, 3, 4, 5, 4, 4],
        "competitor_performance": [4, 4, 5, 4, 3, 3, 3, 3],
        "kano_functional": [2, 2, 2, None, 1, 1, 3, 1],
        "kano_dysfunctional": [5, 5, 5, None, 3, 3, 3, 3],
        "comment": ["Late again", "", None, "late  AGAIN", "Nice box", None, None, None],
        "date": pd.to_datetime(["2024-09-02"] * 4 + ["2024-09-03"] * 4),
    })


class TestDescribe:
    def test_survey_en_and_ru(self):
        s = _aloud_survey()
        assert describe_survey(s, language="en") == (
            "The survey holds 4 respondents (2 linked to a client card) rating 2 attributes on "
            "a 1–5 scale: 8 answer rows. Answers were collected from 2024-09-02 to 2024-09-03. "
            "Share of rows answered: importance 88%, performance 100%, expectation 100%, "
            "competitor 100%, Kano pair 88%. 3 rows carry a free-text comment.")
        assert describe_survey(s, language="ru") == (
            f"В анкете 4{NB}респондента (из них 2 — с карточкой клиента); они оценивают "
            f"2{NB}параметра по шкале 1–5, всего 8{NB}строк ответов. Ответы собраны с 02.09.2024 "
            f"по 03.09.2024. Доля строк с ответом: важность 88{NB}%, исполнение 100{NB}%, "
            f"ожидание 100{NB}%, конкурент 100{NB}%, пара вопросов Кано 88{NB}%. 3{NB}строки "
            "содержат свободный комментарий.")

    def test_survey_without_optional_columns(self):
        s = _aloud_survey()[["respondent_id", "attribute", "performance"]]
        assert describe_survey(s) == (
            "The survey holds 4 respondents (0 linked to a client card) rating 2 attributes on "
            "a 1–5 scale: 8 answer rows. Share of rows answered: performance 100%.")

    def test_expectations_and_gaps(self):
        gaps = gap_analysis(_aloud_survey())
        assert describe_expectations(gaps, language="ru") == (
            "Больше всего клиенты ждут от таких параметров: a (5,00); меньше всего — b (3,00). "
            "Наше исполнение они оценивают выше всего здесь: b (4,25); ниже всего — a (3,25).")
        assert describe_gaps(gaps, language="en") == (
            "On 1 of 2 attributes clients clearly get less than they expect; the largest gaps: "
            "a (1.75). Clearly above expectation on 1: b (−1.25).")
        assert describe_competitor(gaps, language="en") == (
            "Clients rate us clearly above the main competitor on 1 of 2 attributes; the largest "
            "leads: b (+1.25). Clearly below on 1; the largest lags: a (−1.00).")

    def test_gaps_noise_and_no_competitor(self):
        s = _aloud_survey().drop(columns="competitor_performance")
        s.loc[s["attribute"] == "b", "performance"] = [3, 3, 4, 2]  # gap 0, could be noise
        gaps = gap_analysis(s)
        assert describe_gaps(gaps, language="ru") == (
            f"По 1 из 2{NB}параметров клиенты явно получают меньше, чем ждут; самые большие "
            "разрывы: a (1,75). Разрыв может быть случайным: b.")
        assert describe_competitor(gaps, language="ru") == "В анкете нет оценок конкурента."

    def test_per_segment_lines(self):
        gaps = gap_analysis(_aloud_survey(), by=pd.Series({"c1": "x", "c2": "y"}))
        text = describe_expectations(gaps, language="en")
        assert text.splitlines()[0].startswith("x: Clients expect most from a (5.00)")
        assert text.splitlines()[1].startswith("y: ")

    def test_kano(self):
        table = kano(_aloud_survey())
        assert describe_kano(table, language="en") == (
            "Must-be: a. Attractive: b. Presence adds most satisfaction: b (CS+ 0.75); absence "
            "hurts most: a (|CS−| 1.00).")
        assert describe_kano(table, language="ru") == (
            "Обязательное: a. Привлекательное: b. Наличие сильнее всего радует: b (CS+ 0,75); "
            "отсутствие сильнее всего огорчает: a (|CS−| 1,00).")

    def test_expectation_ladder_overall_and_per_segment(self):
        ladder = expectation_ladder(_aloud_survey(), tolerance=0.25)
        # mean differences: r1 -0.5, r2 0, r3 0, r4 -0.5
        assert ladder["level"].tolist() == [
            "disappointed", "satisfied", "satisfied", "disappointed"]
        summary = expectation_ladder_summary(ladder)
        assert describe_expectation_ladder(summary, "en", tolerance=0.25) == (
            "Of 4 respondents, 50% are disappointed, 50% satisfied and 0% delighted (“Ah!”), "
            "with a tolerance of 0.25 scale points.")
        assert describe_expectation_ladder(summary, "ru", tolerance=0.25) == (
            f"Из 4{NB}респондентов разочарованы 50{NB}%, удовлетворены 50{NB}%, на уровне «Ах!» — "
            f"0{NB}% (допуск — 0,25{NB}балла шкалы).")
        by = expectation_ladder_summary(ladder, by=pd.Series({"c1": "x", "c2": "y"}))
        assert describe_expectation_ladder(by, "ru", tolerance=0.5) == (
            f"x: Из 1{NB}респондента разочарованы 100{NB}%, удовлетворены 0{NB}%, на уровне «Ах!» — "
            f"0{NB}%.\ny: Из 1{NB}респондента разочарованы 0{NB}%, удовлетворены 100{NB}%, на уровне "
            f"«Ах!» — 0{NB}%.\nБольше всего разочарованных в сегменте x (100{NB}%) (допуск — "
            f"0,50{NB}балла шкалы).")

    def test_quotes_ru_quotation_marks_and_empty(self):
        q = quotes(_aloud_survey(), n=2)
        assert describe_quotes(q, language="ru") == (
            f"2{NB}цитаты по 2{NB}темам.\na: «Late again»\nb: «Nice box»")
        assert describe_quotes(q, language="en") == (
            "2 quotes on 2 topics.\na: \u201cLate again\u201d\nb: \u201cNice box\u201d")
        assert describe_quotes(q.iloc[0:0], language="en") == "No comments to quote."

    def test_source_yield(self):
        customers = pd.DataFrame({"customer_id": ["1", "2", "3"],
                                  "source": ["fair", "ads", "ads"]})
        tx = pd.DataFrame({"customer_id": ["1", "1", "2", "3"],
                           "date": ["2024-01-10", "2024-03-01", "2024-02-01", "2024-02-02"],
                           "amount": [1000.0, 1500.0, 10.0, 10.0]})
        sources = source_yield(customers, tx)
        assert describe_source_yield(sources, language="ru") == (
            f"Всего 2{NB}источника обращения. Больше всего выручки приносит «fair»: 99{NB}% "
            f"выручки от 33{NB}% клиентов; повторно купили 100{NB}% его покупателей. Выручка на "
            f"клиента выше всего у источника «fair» (2{NB}500). «ads» даёт 67{NB}% клиентов, но "
            f"лишь 1{NB}% выручки; повторно купили 0{NB}% его покупателей.")
        assert describe_source_yield(sources, language="en").startswith(
            "2 contact sources. fair brings the most revenue: 99% of it from 33% of clients;")
        shown = format_source_yield(sources, language="ru")
        assert list(shown.columns) == [
            "Клиенты", "Покупатели", "Выручка", "Выручка на клиента",
            "Доля повторных покупателей, %", "Доля продолжающих покупать, %",
            "Доля клиентов, %", "Доля выручки, %"]
        assert shown.index.name == "Источник"
        assert shown.loc["fair", "Доля выручки, %"] == "99,2"
        assert shown["Выручка"].tolist() == ["2\xa0500", "20"]
        from workbench._context import get_currency, set_currency

        before = get_currency()
        set_currency("RUB")
        try:
            assert list(format_source_yield(sources, language="ru").columns)[2:4] == [
                "Выручка, ₽", "Выручка на клиента, ₽"]
            assert list(format_source_yield(sources, language="en").columns)[2:4] == [
                "Revenue, RUB", "Revenue per client, RUB"]
        finally:
            set_currency(before)

    def test_format_tables_translate_headers_and_labels(self):
        s = _aloud_survey()
        ipa = format_importance_performance(importance_performance(s), language="ru")
        assert list(ipa.columns) == ["Важность", "Исполнение", "Важность − исполнение",
                                     "Ответов", "Квадрант"]
        assert ipa.index.name == "Параметр"
        assert ipa["Квадрант"].tolist() == ["Сосредоточиться здесь", "Возможно, избыточно"]
        gaps = format_gaps(gap_analysis(s), language="en", which=("gap", "gap_significant"))
        assert gaps.to_dict("index") == {"a": {"Gap": "1.75", "Gap clear": "yes"},
                                         "b": {"Gap": "\u22121.25", "Gap clear": "yes"}}
        k = format_kano(kano(s), language="ru")
        assert k.loc["a", "Категория Кано"] == "Обязательное"
        assert k.loc["b", "CS+ (лучше)"] == "0,75"
        per = format_gaps(gap_analysis(s, by=pd.Series({"c1": "x"})), language="ru")
        assert per.index.names == ["Сегмент", "Параметр"]


def test_describe_importance_performance_per_segment_one_line_each():
    ipa = importance_performance(_ipa_survey(), by=pd.Series({"c1": "x", "c2": "y"}))
    lines = describe_importance_performance(ipa, language="en").splitlines()
    assert lines == [
        "x: 1 of 5 attributes are in “Concentrate here”: a. “Possible overkill”: d.",
        "y: 1 of 5 attributes are in “Concentrate here”: a. “Possible overkill”: d.",
    ]

"""The survey instruments in words: the questionnaire's texts, the motivation survey's sentence
and table, and the texts the computation is given (``texts=``, ``headers=``) or registered."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.narrative._motivation import motivation_headers
from workbench.narrative._questionnaire import survey_texts
from workbench.narrative._table import TextTable
from workbench.survey import (
    KOVACH_FACTORS,
    KOVACH_MANAGERS,
    SurveyTexts,
    build_questionnaire,
    describe_motivation,
    export_headers,
    format_motivation,
    load_motivation,
    make_motivation_sample,
    motivation_gaps,
    motivation_waves,
    option_texts,
    read_wide_survey,
)
from workbench.survey._internal import motivation_sample
from workbench.survey._layer import provider

NB = "\u00a0"


def _two_views() -> pd.DataFrame:
    """One employee ranking the factors in Kovach's employees' order, one manager in his
    supervisors' order; in the second wave the employee rates promotion 10."""
    rows = []
    for wave in ("w1", "w2"):
        rows += [("e1", "employee", f, 10 if (wave == "w2" and f == "promotion") else 10 - i, wave)
                 for i, f in enumerate(KOVACH_FACTORS)]
        rows += [("m1", "manager", f, 11 - KOVACH_MANAGERS[f], wave) for f in KOVACH_FACTORS]
    return pd.DataFrame(rows, columns=["respondent_id", "role", "factor", "score", "wave"])


class TestMotivation:
    def test_the_sentence_in_english(self):
        data = _two_views()
        gaps = motivation_gaps(data, wave="w1")
        assert describe_motivation(gaps, "en", motivation_waves(data)) == (
            "1 employee and 1 manager answered. The two views agree with a rank correlation "
            "of 0.08. Management underestimates: Interesting work, Full appreciation of work "
            "done (recognition), Feeling of being in on things; overestimates: Good wages, "
            "Promotion and growth in the organisation, Good working conditions, Tactful "
            "discipline (reasonable company rules). Employees put first: Interesting work, Full "
            "appreciation of work done (recognition), Feeling of being in on things. Kovach's "
            "employees (1987) put first: Interesting work, Full appreciation of work done "
            "(recognition), Feeling of being in on things. Between w1 and w2 the employees' "
            "ratings rose most for Promotion and growth in the organisation and fell most for "
            "Interesting work.")

    def test_the_sentence_in_russian(self):
        gaps = motivation_gaps(_two_views(), wave="w1")
        assert describe_motivation(gaps, "ru") == (
            f"Ответили 1{NB}сотрудник и 1{NB}руководитель. Согласие взглядов (ранговая "
            f"корреляция){NB}— 0,08. Руководство недооценивает: «Интересная работа», "
            "«Признание», «Ощущение причастности к общему делу»; переоценивает: «Хороший "
            "оклад», «Карьерный рост», «Хорошие условия работы», «Разумные корпоративные "
            "правила». На первом месте у сотрудников: «Интересная работа», «Признание», "
            "«Ощущение причастности к общему делу». У сотрудников в опросе Ковача (1987): "
            "«Интересная работа», «Признание», «Ощущение причастности к общему делу».")

    @pytest.mark.parametrize(("n", "en", "ru"), [
        (1, "1 employee and 1 manager answered.", f"Ответили 1{NB}сотрудник и 1{NB}руководитель."),
        (2, "2 employees and 2 managers answered.",
         f"Ответили 2{NB}сотрудника и 2{NB}руководителя."),
        (5, "5 employees and 5 managers answered.",
         f"Ответили 5{NB}сотрудников и 5{NB}руководителей."),
        (21, "21 employees and 21 managers answered.",
         f"Ответили 21{NB}сотрудник и 21{NB}руководитель."),
    ])
    def test_who_answered_agrees_with_the_count(self, n, en, ru):
        gaps = motivation_gaps(_two_views(), wave="w1")
        gaps.attrs.update(n_employees=n, n_managers=n)
        assert describe_motivation(gaps, "en").split(" The two views")[0] == en
        assert describe_motivation(gaps, "ru").split(" Согласие")[0] == ru

    def test_employees_and_managers_take_their_own_forms(self):
        gaps = motivation_gaps(_two_views(), wave="w1")
        gaps.attrs.update(n_employees=1942, n_managers=1)
        assert describe_motivation(gaps, "en").startswith("1,942 employees and 1 manager answered.")
        assert describe_motivation(gaps, "ru").startswith(
            f"Ответили 1{NB}942{NB}сотрудника и 1{NB}руководитель.")

    def test_a_negative_correlation_has_a_true_minus_and_nothing_reads_nothing(self):
        gaps = motivation_gaps(_two_views(), wave="w1", threshold=10)
        gaps.attrs["rho"] = -0.5
        text = describe_motivation(gaps, "ru")
        assert f"корреляция){NB}— −0,50." in text and "недооценивает: ничего; переоценивает: ничего." in text
        gaps.attrs["rho"] = float("nan")
        assert "correlation of —." in describe_motivation(gaps, "en")

    def test_the_table_shows_the_factors_without_a_row_index(self):
        table = format_motivation(motivation_gaps(_two_views(), wave="w1"), "ru")
        assert isinstance(table, TextTable)
        assert table.columns.tolist() == [
            "Фактор", "Сотрудники: среднее", "Сотрудники: место", "Руководители: среднее",
            "Руководители: место", "Разница мест", "Ковач, 1987: сотрудники",
            "Ковач, 1987: руководители", "Вывод"]
        assert table.iloc[0].tolist() == ["Интересная работа", "10,0", "1", "6,0", "5", "4", "1",
                                          "5", "руководство недооценивает"]
        assert table.iloc[-1].tolist()[5] == "−3"
        html = table._repr_html_()
        assert "<th></th>" not in html and "<th>0</th>" not in html
        assert repr(table).splitlines()[1].split() == [
            "Интересная", "работа", "10,0", "1", "6,0", "5", "4", "1", "5", "руководство",
            "недооценивает"]
        en = format_motivation(motivation_gaps(_two_views(), wave="w1"), "en")
        assert en.iloc[0, 0] == "Interesting work" and en.iloc[0, 1] == "10.0"

    def test_the_sample_in_keys_and_as_the_form_collects_it(self):
        keys = motivation_sample(seed=3, n_employees=2, n_managers=1, waves=["2025-H1"])
        assert keys.columns.tolist() == ["role", "wave", *KOVACH_FACTORS]
        assert keys["role"].tolist() == ["employee", "employee", "manager"]
        ru = make_motivation_sample(seed=3, n_employees=2, n_managers=1, waves=["2025-H1"])
        assert ru.columns[:3].tolist() == ["Ваша роль", "Волна опроса", "Интересная работа"]
        assert ru.iloc[:, 0].tolist() == ["сотрудник", "сотрудник", "руководитель"]
        assert ru.iloc[:, 2:].to_numpy().tolist() == keys.iloc[:, 2:].to_numpy().tolist()

    def test_the_loader_reads_the_headers_it_is_given(self):
        form = pd.DataFrame({"role": ["manager"], "Motiv A": [7], "appreciation": [3]})
        frame, problems = load_motivation(form, headers={"Motiv A": "interesting_work"})
        assert problems.empty
        assert dict(zip(frame["factor"], frame["score"], strict=True)) == {
            "interesting_work": 7, "appreciation": 3}
        # without headers, the text layer's factor names in both languages
        frame, _ = load_motivation(pd.DataFrame({"Роль": ["сотрудник"], "Признание": [9]}))
        assert frame["factor"].tolist() == ["appreciation"]
        assert motivation_headers()["Full appreciation of work done (recognition)"] == \
            "appreciation"
        with pytest.raises(Exception, match="names no factor"):
            load_motivation(form, headers={"Motiv A": "money"})


class TestQuestionnaireTexts:
    def test_scale_options_label_both_ends_in_russian_typography(self):
        spec = build_questionnaire(["A"], scale=(1, 5))
        opts = option_texts(spec, "importance", "ru")
        assert opts[0] == (1, f"1{NB}— совсем не важно")
        assert opts[1] == (2, "2")
        assert opts[-1] == (5, f"5{NB}— очень важно")
        assert option_texts(spec, "competitor_performance", "en")[-1] == (None, "don't know")
        assert [c for c, _ in option_texts(spec, "nps", "en")] == list(range(11))
        assert option_texts(spec, "kano_functional", "ru")[1] == (2, "Так и должно быть")

    def test_export_headers_per_tool(self):
        spec = build_questionnaire(["A", "B"], blocks=["importance", "nps"], language="en")
        g = export_headers(spec, "google_forms")
        assert g[0] == ("How important is each of these aspects of our service to you? [A]", "")
        y = export_headers(spec, "yandex_forms")
        assert y[1][0].endswith(" / B")
        sm = export_headers(spec, "surveymonkey")
        assert sm[0][1] == "A" and sm[1] == ("", "B") and sm[2][1] == "Response"

    def test_survey_texts_in_both_languages_with_the_spec_first(self):
        spec = build_questionnaire(["A"], language="ru", scale=(1, 7), competitor="Кофе Плюс")
        texts = survey_texts(spec, (1, 7))
        assert texts.questions[
            "Как вы оцениваете по этим же свойствам Кофе Плюс?"] == "competitor_performance"
        assert texts.questions["How likely are you to recommend us to a colleague or a friend?"
                               ] == "nps"
        assert texts.answers["importance"][f"7{NB}— очень важно"] == 7
        assert texts.answers["importance"]["very important"] == 7
        assert texts.answers["nps"]["10 — extremely likely"] == 10
        assert texts.answers["competitor_performance"]["не знаю"] is None


class TestTheReaderTakesItsTexts:
    def _file(self, tmp_path):
        p = tmp_path / "form.csv"
        p.write_text("Отметка времени,Как оно? [Цена],Как оно? [Вкус]\n"
                     "02.09.2024 10:15:00,отлично,2\n", encoding="utf-8")
        return p

    def test_given_texts_recognise_a_form_of_ones_own(self, tmp_path):
        texts = SurveyTexts(questions={"Как оно?": "performance"},
                            answers={"performance": {"отлично": 5}})
        frame, report = read_wide_survey(self._file(tmp_path), texts=texts)
        assert frame[["attribute", "performance"]].values.tolist() == [["Цена", 5], ["Вкус", 2]]
        assert report.invalid_values.empty

    def test_without_texts_only_keywords_and_numbers(self, tmp_path):
        with pytest.raises(Exception, match="no per-attribute question was recognised"):
            read_wide_survey(self._file(tmp_path), texts=SurveyTexts())

    def test_a_provider_not_registered_is_a_clear_error(self):
        with pytest.raises(RuntimeError, match="the text layer is not loaded"):
            provider("no_such_provider")

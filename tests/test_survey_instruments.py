"""Internal clients, key clients' УКОР, the 43 control questions and interview notes."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.i18n import t
from workbench.narrative import (
    control_answers,
    control_checklist,
    describe_control_questions,
    describe_ukor_comparison,
    format_control_questions,
    format_ukor_comparison,
    key_client_questionnaire,
)
from workbench.offers import UKOR_QUESTIONS, ukor
from workbench.survey import (
    CONTROL_QUESTIONS,
    KEY_CLIENT_QUESTIONS,
    KOVACH_FACTORS,
    KOVACH_MANAGERS,
    compare_ukor,
    load_interview_notes,
    load_motivation,
    make_motivation_sample,
    motivation_gaps,
    motivation_waves,
    voice_of_customer,
    write_motivation_questionnaire,
)


class TestControlQuestions:
    def test_all_43_questions_each_tied_to_a_step_in_both_languages(self):
        assert list(CONTROL_QUESTIONS) == list(range(1, 44))
        assert {s for s, _ in CONTROL_QUESTIONS.values()} == set(range(1, 9))
        for n in CONTROL_QUESTIONS:
            ru, en = t(f"cq.q.{n}", "ru"), t(f"cq.q.{n}", "en")
            assert ru != en and ru[-1] in ".?" and en[-1] in ".?", n
        assert t("cq.q.43", "ru").startswith("Каким образом вы могли бы измерить УКОР")
        assert "«коктейль продаж»" in t("cq.q.8", "ru")

    def test_answers_from_a_workshop_file(self, tmp_path):
        p = tmp_path / "workshop.yml"
        p.write_text("attributes: [Цена]\ncontrol_questions:\n  1: Когда клиент один.\n"
                     "  13:\n    answer: Скорость доставки\n  20: ''\n", encoding="utf-8")
        assert control_answers(p) == {1: "Когда клиент один.", 13: "Скорость доставки"}
        table = control_checklist(p)
        assert table.shape == (43, 4)
        assert table["answered"].sum() == 2
        assert table.loc[13, ["step", "topic"]].tolist() == [6, 2]
        assert table.loc[2, "answer"] is pd.NA

    def test_unknown_question_number(self):
        with pytest.raises(WorkbenchError, match="question 44 does not exist"):
            control_answers({"control_questions": {44: "x"}})
        with pytest.raises(WorkbenchError, match="neither a question number"):
            control_answers({"control_questions": [{"question": "Как дела?", "answer": "x"}]})

    def test_rows_of_the_workshop_table_by_number_or_text(self):
        rows = [{"question": 5, "answer": "Дорого"},
                {"question": "Парадоксы клиентоориентации.", "answer": "Выбирать клиента"},
                {"question": "The paradoxes of client orientation", "answer": None},
                {"question": "q7", "answer": "  "}]
        assert control_answers({"control_questions": rows}) == {5: "Дорого",
                                                                40: "Выбирать клиента"}

    def test_the_survey_namespace_recognises_a_question_by_its_text(self):
        """``workbench.survey.control_*`` (what the notebooks call) take the catalogue's texts
        from the text layer when none are passed; an empty mapping means numbers only."""
        from workbench import survey

        rows = [{"question": "The paradoxes of client orientation.", "answer": "Choose"}]
        assert survey.control_answers({"control_questions": rows}) == {40: "Choose"}
        assert survey.control_checklist({"control_questions": rows}).loc[40, "answered"]
        with pytest.raises(WorkbenchError, match="neither a question number"):
            survey.control_answers({"control_questions": rows}, texts={})

    def test_appendix_table_and_sentence(self):
        table = control_checklist({13: "Скорость"}, step=6)
        assert table.index.tolist() == [8, 13, 33, 36, 43]
        ru = format_control_questions(table, "ru")
        assert list(ru.columns) == ["№", "Шаг", "Вопрос", "Ответ участников", "Статус"]
        assert ru.iloc[1].tolist()[3:] == ["Скорость", "есть ответ"]
        assert ru.iloc[0, 1].startswith("6. Формирование предложений")
        assert describe_control_questions(control_checklist({13: "x"}), "en") == (
            "1 of 43 control questions answered; open by step: step 1: 6, step 2: 6, "
            "step 3: 5, step 4: 6, step 5: 3, step 6: 4, step 7: 5, step 8: 7.")

    def test_the_table_shows_every_question_in_full_without_an_index(self):
        table = format_control_questions(control_checklist(step=1), "en")
        question = table["Question"].iloc[0]
        assert len(question) > 50  # longer than pandas' default column width
        assert question in repr(table) and question in table._repr_html_()
        assert "<th>0</th>" not in table._repr_html_()
        assert type(table[table["Status"] == "open"]) is pd.DataFrame


def _motivation_rows():
    rows = [("e1", "employee", "W1", f, 10 - i) for i, f in enumerate(KOVACH_FACTORS)]
    rows += [("e2", "employee", "W1", f, 10 - i) for i, f in enumerate(KOVACH_FACTORS)]
    rows += [("m1", "manager", "W1", f, 11 - KOVACH_MANAGERS[f]) for f in KOVACH_FACTORS]
    return pd.DataFrame(rows, columns=["respondent_id", "role", "wave", "factor", "score"])


class TestMotivation:
    def test_gaps_against_kovach(self):
        gaps = motivation_gaps(_motivation_rows())
        assert gaps.index.tolist() == list(KOVACH_FACTORS)
        assert gaps["employees_rank"].tolist() == list(range(1, 11))
        assert gaps.loc["good_wages", "managers_rank"] == 1
        assert gaps.loc["good_wages", "rank_gap"] == -4
        assert gaps.loc["involvement", "rank_gap"] == 7
        under = gaps.index[gaps["verdict"] == "underestimated"].tolist()
        assert under == ["interesting_work", "appreciation", "involvement"]
        assert gaps.attrs["n_employees"] == 2 and gaps.attrs["n_managers"] == 1
        assert gaps.attrs["rho_kovach"] == pytest.approx(1.0)
        # Spearman between 1..10 and Kovach's managers' ranks, worked out by hand
        d = [r - KOVACH_MANAGERS[f] for r, f in enumerate(KOVACH_FACTORS, start=1)]
        rho = 1 - 6 * sum(x * x for x in d) / (10 * (100 - 1))
        assert gaps.attrs["rho"] == pytest.approx(rho)

    def test_load_the_form_and_report_bad_cells(self, tmp_path):
        df = make_motivation_sample(seed=1, n_employees=3, n_managers=1, waves=["2025-H1"])
        df.iloc[0, 2] = 11
        df.loc[len(df)] = ["стажёр", "2025-H1"] + [5] * 10
        path = tmp_path / "m.csv"
        df.to_csv(path, index=False)
        frame, problems = load_motivation(path)
        assert frame["respondent_id"].nunique() == 4
        assert set(frame["role"]) == {"employee", "manager"}
        assert problems["problem"].tolist() == ["out_of_range", "not_recognised"]
        assert problems["row"].tolist() == [2, 6]
        score, role = problems["reason"]
        header = t("mot.factor.interesting_work", "ru")
        assert score.text("en") == f"{header}: '11' is not a whole number from 1 to 10"
        assert score.text("ru") == f"{header}: '11' — не целое число от 1 до 10"
        assert role.text("en") == "Ваша роль: 'стажёр' is neither an employee nor a manager; row rejected"
        assert role.text("ru") == "Ваша роль: 'стажёр' — не сотрудник и не руководитель; строка отклонена"
        assert problems["column"].tolist() == [header, "Ваша роль"]
        assert frame["score"].isna().sum() == 1

    def test_missing_role_column(self):
        with pytest.raises(MissingColumnsError, match="role"):
            load_motivation(pd.DataFrame({"Интересная работа": [5]}))

    def test_waves_and_texts(self, tmp_path):
        frame, _ = load_motivation(make_motivation_sample())
        waves = motivation_waves(frame)
        assert waves.columns.tolist() == ["2025-H1", "2025-H2"]
        change = waves["2025-H2"] - waves["2025-H1"]
        assert change.idxmax() == "promotion" and change.idxmin() == "job_security"
        gaps = motivation_gaps(frame)
        assert (gaps.attrs["n_employees"], gaps.attrs["n_managers"]) == (40, 6)
        files = write_motivation_questionnaire(tmp_path, "en")
        from openpyxl import load_workbook

        book = load_workbook(files[1])
        book.active.append(["manager", "2026-H1"] + list(range(1, 11)))
        book.save(files[1])
        back, problems = load_motivation(files[1])
        assert problems.empty
        assert back["score"].tolist() == list(range(1, 11))
        assert set(back["role"]) == {"manager"} and set(back["wave"]) == {"2026-H1"}


class TestKeyClientUkor:
    def test_compare_theme_by_theme(self):
        own = {q: 4 for q in UKOR_QUESTIONS}
        own["feedback_channel"] = own["satisfaction_measured"] = 2
        clients = pd.DataFrame([{k: 2 for k in KEY_CLIENT_QUESTIONS},
                                {k: 4 for k in KEY_CLIENT_QUESTIONS}])
        clients.loc[1, "feedback"] = None
        res = compare_ukor(ukor(own), clients)
        th = res.themes
        assert th.loc["expectations", ["self_score", "client_score", "gap"]].tolist() == [
            100.0, 75.0, 25.0]
        assert th.loc["feedback", ["self_score", "client_score", "n_clients"]].tolist() == [
            50.0, 50.0, 1]
        assert th.loc["feedback", "verdict"] == "agreed"
        assert th.loc["expectations", "verdict"] == "overrated"
        assert res.self_level == "cultural" and res.client_level == "regulated"
        assert res.n_clients == 2
        assert "выше, чем ключевые клиенты, в темах: «Ожидания клиентов», «Сегментация»" in \
            describe_ukor_comparison(res, "ru")
        table = format_ukor_comparison(res, "en")
        assert table.shape == (8, 5)
        assert table.iloc[0, 1:4].tolist() == [100, 75, 25]  # whole points, no decimal mark
        assert pd.api.types.is_integer_dtype(table.dtypes.iloc[1])

    def test_sentence_names_both_directions_in_both_languages(self):
        own = {q: 2 for q in UKOR_QUESTIONS}
        clients = pd.DataFrame([{k: 2 for k in KEY_CLIENT_QUESTIONS}])
        clients.loc[0, "offers"] = 0
        clients.loc[0, ["staff", "management"]] = 4
        res = compare_ukor(ukor(own), clients)
        assert describe_ukor_comparison(res, "ru") == (
            "Самооценка\xa0— 50 из\xa0100 (регламентированная); ключевые клиенты (ответили: 1) "
            "ставят 56 (регламентированная). Мы ставим себе на 15\xa0баллов и больше выше, чем "
            "ключевые клиенты, в темах: «Предложения для сегментов». Клиенты ставят нас "
            "настолько же выше в темах: «Стандарты персонала» и «Руководство и культура».")
        assert describe_ukor_comparison(res, "en") == (
            "Our self-assessment gives 50 of 100 (regulated); the key clients give 56 "
            "(regulated; answered: 1). We rate ourselves 15 points or more above the "
            "key clients on: “Offers per segment”. They rate us that much higher on: “Staff "
            "standards” and “Management and culture”.")
        assert describe_ukor_comparison(compare_ukor(ukor(own), clients, threshold=60), "en").endswith(
            "60 points or more above the key clients on: none. They rate us that much higher "
            "on: none.")

    def test_bad_answers(self):
        with pytest.raises(WorkbenchError, match="within 0..4"):
            compare_ukor({q: 2 for q in UKOR_QUESTIONS}, {"offers": 5})
        with pytest.raises(WorkbenchError, match="unknown theme"):
            compare_ukor({q: 2 for q in UKOR_QUESTIONS}, {"price": 1})

    def test_questionnaire_texts(self, tmp_path):
        text = key_client_questionnaire("ru", tmp_path / "k.html")
        assert text.count("0 (совсем неверно)") == len(KEY_CLIENT_QUESTIONS) == 8
        assert "<html lang='ru'>" in (tmp_path / "k.html").read_text(encoding="utf-8")


class TestInterviewNotes:
    def test_text_notes(self, tmp_path):
        p = tmp_path / "notes.txt"
        p.write_text("# Интервью, сентябрь\nКлиент: 000123\n- «Привозят вовремя»\n\n"
                     "[Цена] Дороговато, но стабильно\nClient: Café Lotus\n1) \"Coffee is great\"\n",
                     encoding="utf-8")
        notes = load_interview_notes(p)
        assert notes.values.tolist() == [
            ["000123", pd.NA, "Привозят вовремя", 3],
            ["000123", "Цена", "Дороговато, но стабильно", 5],
            ["Café Lotus", pd.NA, "Coffee is great", 7]]

    def test_table_of_quotes_and_voice_of_customer(self, tmp_path):
        p = tmp_path / "quotes.csv"
        p.write_text("Клиент;Тема;Цитата\n000123;Цена;«Дорого»\n000124;;Всё хорошо\n;;\n",
                     encoding="utf-8")
        notes = load_interview_notes(p)
        assert notes[["customer_id", "attribute", "text", "line"]].values.tolist() == [
            ["000123", "Цена", "Дорого", 2], ["000124", pd.NA, "Всё хорошо", 3]]
        survey = pd.DataFrame({"respondent_id": ["r1", "r1", "r2"],
                               "attribute": ["Цена", "Вкус", "Цена"],
                               "comment": ["Дорого", "", None],
                               "keep": ["Вкус", "Вкус", None]})
        voc = voice_of_customer(survey, notes)
        assert voc[["topic", "text", "origin"]].values.tolist() == [
            ["Цена", "Дорого", "survey"], ["keep", "Вкус", "survey"],
            ["Цена", "Дорого", "interview"], ["interview", "Всё хорошо", "interview"]]
        from workbench.expectations import quotes

        picked = quotes(voc, by="topic", text_col="text", n=5)
        assert set(picked["topic"]) == {"Цена", "keep", "interview"}


def test_shipped_internal_samples_are_regenerated_byte_for_byte(tmp_path):
    from workbench.datasets import sample_dir
    from workbench.survey._sample import write_internal_samples

    for p in write_internal_samples(tmp_path):
        rel = p.relative_to(tmp_path)
        assert p.read_bytes() == (sample_dir() / rel).read_bytes(), rel
    frame, problems = load_motivation(sample_dir() / "internal" / "motivation_survey.csv")
    assert problems.empty and frame["wave"].nunique() == 2
    clients = pd.read_csv(sample_dir() / "internal" / "key_clients_ukor.csv", dtype={"client": str})
    res = compare_ukor({q: 3 for q in UKOR_QUESTIONS}, clients)
    assert res.n_clients == 8 and res.themes.loc["feedback", "verdict"] == "overrated"


def test_instrument_files_of_the_sample_and_a_clear_message_when_missing(tmp_path, capsys):
    from workbench.datasets import sample_dir
    from workbench.narrative import instrument_file
    from workbench.survey import find_instrument, motivation_questionnaire_text

    assert instrument_file(sample_dir(), "motivation").name == "motivation_survey.csv"
    assert instrument_file(sample_dir(), "questionnaire_spec").suffix == ".yml"
    notes = load_interview_notes(instrument_file(sample_dir(), "interview_notes"))
    assert len(notes) == 10 and notes["customer_id"].nunique() == 4
    assert notes["text"].iloc[0] == "Зерно приезжает на следующий день — это то, за что мы вас держим"
    assert find_instrument(tmp_path, "motivation") is None
    assert capsys.readouterr().out == ""
    assert instrument_file(tmp_path, "motivation", "en") is None
    out = capsys.readouterr().out
    assert "employee motivation survey is not in the folder" in out
    assert "internal/motivation_survey.csv" in out
    text = motivation_questionnaire_text("ru")
    assert text.count("____") == 10 and "10\u00a0— мотивирует сильнее всего" in text


def test_topic_keys_are_labelled_in_the_audience_language():
    from workbench.narrative import label_topics

    voc = pd.DataFrame({"topic": ["Цена", "keep", "interview"], "text": ["a", "b", "c"]})
    assert label_topics(voc, "ru")["topic"].tolist() == ["Цена", "что сохранить", "интервью"]
    assert label_topics(voc, "en")["topic"].tolist() == ["Цена", "what to keep", "interview"]


def test_key_client_answers_by_key_or_statement_text(tmp_path):
    from workbench import load_key_client_answers
    from workbench.survey import load_key_client_answers as by_keys

    p = tmp_path / "k.csv"
    p.write_text("Клиент;Ожидания клиентов;Их предложения подобраны под нашу ситуацию, а не "
                 "типовые.;Прочее\n000007;3;1,0;x\n000008;;2;y\n", encoding="utf-8")
    # the computation reads theme keys, and the headers it is given
    with pytest.raises(WorkbenchError, match="no key-client УКОР column"):
        by_keys(p)
    assert list(by_keys(p, {"Ожидания клиентов": "expectations"}).columns) == [
        "client", "expectations"]
    # the edge gives it the themes' names and statements in both languages
    frame = load_key_client_answers(p)
    assert list(frame.columns) == ["client", "expectations", "offers"]
    assert frame["client"].tolist() == ["000007", "000008"]
    assert frame["offers"].tolist() == [1.0, 2.0]
    assert frame["expectations"].isna().tolist() == [False, True]
    res = compare_ukor({q: 2 for q in UKOR_QUESTIONS}, frame)
    assert res.themes.loc["offers", "client_score"] == pytest.approx(37.5)

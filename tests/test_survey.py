"""Questionnaire out, wide exports in: spec, written files, and the round trip per form tool."""

from __future__ import annotations

import re
import stat
import sys

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.cli import main
from workbench.datasets import sample_dir
from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.survey import (
    SurveyLoadReport,
    build_questionnaire,
    is_wide_export,
    load_spec,
    read_attributes,
    read_wide_survey,
    write_export,
    write_questionnaire,
)

ATTRS = ["Скорость доставки", "Цена", "Упаковка"]


def _answers(with_extras: bool = True) -> pd.DataFrame:
    """Three respondents x three attributes with blanks, as the long table holds them."""
    rows = []
    vals = {
        "R0001": [(5, 4, 5, 3, 2, 5), (3, 2, 4, None, 1, 4), (2, 5, 3, 4, 3, 3)],
        "R0002": [(4, None, 4, 4, 1, 5), (5, 3, 5, 2, None, None), (1, 1, 2, 1, 4, 2)],
        "R0003": [(None, 3, 3, None, 5, 1), (2, 4, 2, 5, 2, 4), (3, 3, 3, 3, 3, 3)],
    }
    meta = {
        "R0001": ("000123", 9, "2024-09-02 10:15:00", "рекомендация", "Быстро и вежливо", ""),
        "R0002": (None, 3, "2024-09-13 18:01:30", "сайт", "", "Цены, доставку"),
        "R0003": ("A-77", None, "2024-10-01 09:00:00", None, "Ассортимент", "Упаковку, «крафт»"),
    }
    for rid, per in vals.items():
        cid, nps, date, source, keep, change = meta[rid]
        for a, v in zip(ATTRS, per, strict=True):
            rec = {"respondent_id": rid, "customer_id": cid, "attribute": a,
                   "importance": v[0], "performance": v[1], "expectation": v[2],
                   "competitor_performance": v[3], "kano_functional": v[4],
                   "kano_dysfunctional": v[5], "nps": nps, "date": pd.Timestamp(date)}
            if with_extras:
                rec.update({"source": source, "keep": keep or None, "change": change or None})
            rows.append(rec)
    frame = pd.DataFrame(rows)
    for c in ("respondent_id", "customer_id", "attribute", "source", "keep", "change"):
        if c in frame:
            frame[c] = frame[c].astype(pd.StringDtype())
    for c in ("importance", "performance", "expectation", "competitor_performance",
              "kano_functional", "kano_dysfunctional", "nps"):
        frame[c] = frame[c].astype("Int64")
    frame["date"] = frame["date"].astype("datetime64[ns]")
    return frame


EXPECTED_COLUMNS = ["respondent_id", "customer_id", "attribute", "importance", "performance",
                    "expectation", "competitor_performance", "kano_functional",
                    "kano_dysfunctional", "nps", "date", "source", "keep", "change"]


class TestBuildQuestionnaire:
    def test_every_attribute_gets_every_measure_then_one_off_questions(self):
        spec = build_questionnaire(["A", "B"])
        blocks = [(q.block, q.attribute) for q in spec.questions]
        assert blocks[:4] == [("importance", "A"), ("importance", "B"),
                              ("performance", "A"), ("performance", "B")]
        assert blocks[-5:] == [("nps", None), ("source", None), ("keep", None),
                               ("change", None), ("customer_id", None)]
        assert len(spec.questions) == 6 * 2 + 5
        assert [q.id for q in spec.questions][:3] == ["Q1", "Q2", "Q3"]

    def test_comments_block_is_optional(self):
        spec = build_questionnaire(["A"], comments=True)
        assert "comment" in spec.blocks
        assert "comment" not in build_questionnaire(["A"]).blocks

    def test_no_attribute_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="at least one service attribute"):
            build_questionnaire(["  "])

    def test_unknown_block(self):
        with pytest.raises(WorkbenchError, match="unknown block"):
            build_questionnaire(["A"], blocks=["importance", "loyalty"])

    def test_spec_round_trips_through_yaml(self, tmp_path):
        spec = build_questionnaire(ATTRS, language="en", scale=(1, 10), competitor="Кофе Плюс")
        res = write_questionnaire(spec, tmp_path, formats=["yaml"])
        again = load_spec(res.paths["yaml"])
        assert again == spec

    def test_read_attributes_from_workshop_yaml(self, tmp_path):
        p = tmp_path / "workshop.yml"
        p.write_text("attributes:\n  - Цена\n  - name: Доставка\n    note: x\n", encoding="utf-8")
        assert read_attributes(p) == ["Цена", "Доставка"]
        (tmp_path / "empty.yml").write_text("company: {name: x}\n", encoding="utf-8")
        with pytest.raises(WorkbenchError, match="no 'attributes:' list"):
            read_attributes(tmp_path / "empty.yml")
        # the file is validated as a workshop file: a typo is an error, not an empty list
        (tmp_path / "typo.yml").write_text("atributes: [Цена]\n", encoding="utf-8")
        with pytest.raises(WorkbenchError, match="atributes"):
            read_attributes(tmp_path / "typo.yml")

    def test_read_attributes_from_the_excel_workshop_file(self, tmp_path):
        from workbench.narrative import write_workshop
        from workbench.workshop import read_workshop, workshop_from_dict

        ws = workshop_from_dict({"language": "ru", "attributes": ["Цена", "Доставка"]})
        write_workshop(ws, tmp_path / "workshop.xlsx")
        assert read_workshop(tmp_path / "workshop.xlsx").get("attributes") == ["Цена", "Доставка"]
        assert read_attributes(tmp_path / "workshop.xlsx") == ["Цена", "Доставка"]


class TestWriteQuestionnaire:
    def test_files_and_texts(self, tmp_path):
        spec = build_questionnaire(ATTRS, language="ru")
        res = write_questionnaire(spec, tmp_path, formats=["html", "xlsx", "txt", "yaml"])
        assert set(res.paths) == {"html", "xlsx", "txt", "yaml"}
        page = res.paths["html"].read_text(encoding="utf-8")
        assert "<html lang='ru'>" in page and "Откуда вы о нас узнали?" in page
        assert page.count("<tr><td>Цена</td>") == 6  # four ratings + the Kano pair
        text = res.paths["txt"].read_text(encoding="utf-8")
        assert "Строки: Скорость доставки; Цена; Упаковка" in text
        assert "Мне нравится; Так и должно быть; Мне всё равно; Могу смириться; Мне не нравится" in text
        from openpyxl import load_workbook

        ws = load_workbook(res.paths["xlsx"]).active
        ids = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
        assert ids == [q.id for q in spec.questions]
        assert ws.cell(2, 5).value == "Респондент 1"

    def test_no_chromium_gives_a_message_not_an_error(self, tmp_path):
        spec = build_questionnaire(["A"], language="en")
        res = write_questionnaire(spec, tmp_path, formats=["pdf"], chromium=tmp_path / "nope")
        assert "pdf" not in res.paths and "html" in res.paths
        assert res.messages and res.messages[0].startswith("PDF not written: no Chromium")

    @pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for Chromium")
    def test_pdf_is_printed_by_the_given_chromium(self, tmp_path):
        fake = tmp_path / "fake-chromium"
        fake.write_text("#!/bin/sh\nfor a in \"$@\"; do case $a in --print-to-pdf=*) "
                        "printf '%%PDF-1.4' > \"${a#--print-to-pdf=}\";; esac; done\n")
        fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
        res = write_questionnaire(build_questionnaire(["A"]), tmp_path / "out",
                                  formats=["html", "pdf"], chromium=fake)
        assert res.messages == []
        assert res.paths["pdf"].read_bytes().startswith(b"%PDF")

    @pytest.mark.slow
    @pytest.mark.parametrize("language", ["ru", "en"])
    def test_pdf_printed_by_the_real_chromium(self, tmp_path, language):
        """Chromium present: a real PDF with pages; absent: the same clear message as above."""
        from workbench.survey import find_chromium

        spec = build_questionnaire(ATTRS, language=language, comments=True)
        res = write_questionnaire(spec, tmp_path, formats=["html", "pdf"])
        if find_chromium() is None:
            assert "pdf" not in res.paths
            assert res.messages[0].startswith(
                "PDF не записан" if language == "ru" else "PDF not written: no Chromium")
            pytest.skip("no Chromium on this machine: the message was checked instead")
        assert res.messages == []
        data = res.paths["pdf"].read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
        assert pages >= 2, pages  # three attributes x six questions, NPS, sources, free texts

    def test_cli_writes_the_questionnaire(self, tmp_path, capsys):
        ws = tmp_path / "workshop.yml"
        ws.write_text("attributes: [Delivery, Price]\n", encoding="utf-8")
        code = main(["questionnaire", "--workshop", str(ws), "--language", "en", "--out",
                     str(tmp_path / "q"), "--formats", "txt", "yaml"])
        assert code == 0
        assert "wrote" in capsys.readouterr().out
        spec = load_spec(tmp_path / "q" / "questionnaire_spec.yml")
        assert spec.attributes == ("Delivery", "Price") and spec.language == "en"

    def test_cli_takes_language_and_competitor_from_the_sample_workshop(self, tmp_path, capsys):
        code = main(["questionnaire", "--workshop", str(sample_dir() / "workshop.yml"),
                     "--out", str(tmp_path / "q"), "--formats", "yaml"])
        assert code == 0
        spec = load_spec(tmp_path / "q" / "questionnaire_spec.yml")
        assert spec.language == "ru" and spec.competitor == "КофеЛайн"
        assert spec.attributes[:2] == ("Скорость доставки", "Качество обжарки")
        assert len(spec.attributes) == 10
        assert "записан файл" in capsys.readouterr().out


TOOL_FILES = [("google_forms", "csv"), ("yandex_forms", "xlsx"), ("surveymonkey", "csv"),
              ("surveymonkey", "xlsx")]


class TestRoundTrip:
    @pytest.mark.parametrize("language", ["ru", "en"])
    @pytest.mark.parametrize("tool,ext", TOOL_FILES)
    @pytest.mark.parametrize("guided", [True, False])
    def test_load_gives_exactly_the_answers_filled_in(self, tmp_path, tool, ext, language,
                                                      guided):
        spec = build_questionnaire(ATTRS, language=language, sources=["рекомендация", "сайт"])
        answers = _answers()
        path = write_export(answers, spec, tmp_path / f"export.{ext}", tool)
        spec_file = write_questionnaire(spec, tmp_path, formats=["yaml"]).paths["yaml"]
        frame, report = wb.load_survey(path, spec=spec_file if guided else None)
        assert isinstance(report, SurveyLoadReport)
        assert report.tool == tool
        assert report.guided_by == ("spec" if guided else "headers")
        assert list(frame.columns) == EXPECTED_COLUMNS
        pd.testing.assert_frame_equal(frame, answers[EXPECTED_COLUMNS])
        assert report.rows_read == 3 and report.rows_kept == 3 and len(report.rejected) == 0
        assert len(report.invalid_values) == 0
        assert report.long_rows == 9

    def test_sample_survey_round_trips_through_every_tool(self, tmp_path):
        sample = wb.load_sample("survey").head(200)  # 20 respondents
        spec = build_questionnaire(list(dict.fromkeys(sample["attribute"])), comments=True,
                                   blocks=["importance", "performance", "expectation",
                                           "competitor_performance", "kano_functional",
                                           "kano_dysfunctional", "nps", "customer_id"])
        for tool, ext in TOOL_FILES:
            path = write_export(sample, spec, tmp_path / f"{tool}.{ext}", tool)
            frame, _ = read_wide_survey(path)
            pd.testing.assert_frame_equal(frame, sample.reset_index(drop=True)[frame.columns])


def _google(tmp_path, rows, header=None, name="g.csv"):
    header = header or [
        "Отметка времени",
        "Насколько для вас важно каждое из этих свойств нашего сервиса? [Цена]",
        "Насколько для вас важно каждое из этих свойств нашего сервиса? [Упаковка]",
        "Как вы отнесётесь к тому, что у нас это есть (или сделано хорошо)? [Цена]",
        "Насколько вероятно, что вы порекомендуете нас коллеге или знакомому?",
        "Адрес электронной почты",
        "Любимый цвет",
    ]
    import csv

    p = tmp_path / name
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return p


class TestWideReader:
    def test_cells_rows_and_columns_are_reported(self, tmp_path):
        p = _google(tmp_path, [
            ["02.09.2024 10:00:00", "5\u00a0— очень важно", "2", "Мне нравится", "9", "a@b", "синий"],
            ["", "", "", "", "", "", ""],  # a blank line is no respondent
            ["03.09.2024 11:00:00", "", "", "", "", "c@d", "красный"],  # nothing answered
            ["04.09.2024 12:00:00", "очень важно", "7", "что-то", "десять", "", ""],
            ["05.09.2024 12:00:00", "4,5", "3", "1", "11", "", ""],
        ])
        frame, rep = wb.load_survey(p)
        assert rep.tool == "google_forms" and rep.rows_read == 4 and rep.rows_kept == 3
        assert rep.rejected["row"].tolist() == [4]
        assert rep.rejected["problem"].tolist() == ["no_answer"]
        assert frame["respondent_id"].unique().tolist() == ["R0001", "R0003", "R0004"]
        inv = rep.invalid_values
        assert inv[["row", "problem"]].values.tolist() == [
            [5, "out_of_range"], [5, "not_recognised"], [5, "not_a_number"],
            [6, "not_integer"], [6, "out_of_range"]]
        assert set(inv["column"]) >= {"Насколько вероятно, что вы порекомендуете нас коллеге или знакомому?"}
        # 'очень важно' (the end label alone) reads as 5
        r5 = frame[(frame["respondent_id"] == "R0003") & (frame["attribute"] == "Цена")]
        assert r5["importance"].tolist() == [5]
        assert rep.unused_columns == ["Адрес электронной почты", "Любимый цвет"]
        roles = dict(zip(rep.columns["column"], rep.columns["role"], strict=True))
        assert roles["Отметка времени"] == "date" and roles["Любимый цвет"] == "unused"
        text = rep.summary("ru")
        assert "важность × Цена" in text and "Не использованы: Адрес электронной почты" in text
        assert rep.rows_read == rep.rows_kept + len(rep.rejected)

    def test_respondent_ids_positional_and_duplicates_rejected(self, tmp_path):
        header = ["Respondent ID",
                  "How important is each of these aspects of our service to you? [Price]"]
        p = _google(tmp_path, [["7", "5"], ["7", "4"], ["", "3"], ["8", "1 — not important at all"]],
                    header=header)
        frame, rep = wb.load_survey(p)
        assert frame["respondent_id"].tolist() == ["7", "8"]
        assert frame["importance"].tolist() == [5, 1]
        assert rep.rejected["problem"].tolist() == ["repeated_respondent", "empty"]
        assert str(rep.rejected["reason"].iloc[0]) == "respondent '7' already answered in row 2"
        assert rep.rejected["reason"].iloc[0].text("ru") == "респондент '7' уже ответил в строке 2"

    def test_keywords_recognise_a_hand_made_form(self, tmp_path):
        header = ["Дата", "Оцените важность [Доставка]", "Оцените нашу работу [Доставка]",
                  "Что ожидаете? [Доставка]", "А конкурент? [Доставка]",
                  "Порекомендуете ли вы нас?"]
        p = _google(tmp_path, [["2024-09-02", "5", "4", "3", "2", "10"]], header=header)
        frame, rep = wb.load_survey(p)
        assert rep.tool == "generic"
        row = frame.iloc[0]
        assert (row["importance"], row["performance"], row["expectation"],
                row["competitor_performance"], row["nps"]) == (5, 4, 3, 2, 10)

    def test_spec_rejects_unknown_attributes(self, tmp_path):
        spec = build_questionnaire(["Цена"], blocks=["importance"])
        header = ["Отметка времени",
                  "Насколько для вас важно каждое из этих свойств нашего сервиса? [Цена]",
                  "Насколько для вас важно каждое из этих свойств нашего сервиса? [Погода]"]
        p = _google(tmp_path, [["02.09.2024 10:00:00", "3", "4"]], header=header)
        frame, rep = wb.load_survey(p, spec=spec)
        assert frame["attribute"].tolist() == ["Цена"]
        note = rep.columns.set_index("column")["note"]
        assert note[header[2]].code == "svq.note.attribute_not_in_spec"
        assert str(note[header[2]]) == "attribute 'Погода' is not in the spec"

    def test_long_table_still_goes_to_the_long_loader(self, tmp_path):
        p = tmp_path / "survey.csv"
        p.write_text("respondent_id,attribute,importance\nr1,Цена,5\n", encoding="utf-8")
        assert not is_wide_export(p)
        frame, rep = wb.load_survey(p)
        assert not isinstance(rep, SurveyLoadReport)
        assert frame["importance"].tolist() == [5]

    def test_no_grid_question_is_a_clear_error(self, tmp_path):
        spec = build_questionnaire(["Цена"], blocks=["importance"])
        p = _google(tmp_path, [["1", "2"]], header=["Вопрос 1", "Вопрос 2"])
        with pytest.raises(MissingColumnsError, match="no per-attribute question"):
            wb.load_survey(p, spec=spec)

    def test_dataframe_input_and_pseudonyms(self):
        df = pd.DataFrame({"Respondent ID": ["a", "b"],
                           "How important is each of these aspects of our service to you? [X]":
                               [5, np.nan]})
        frame, rep = read_wide_survey(df, pseudonymize_key="k")
        assert frame["respondent_id"].str.startswith("R").all()
        assert frame["importance"].tolist() == [5]
        assert rep.pseudonymised and rep.rows_kept == 1 and len(rep.rejected) == 1


class TestSampleExport:
    def test_shipped_export_is_the_sample_survey_regenerated(self, tmp_path):
        from workbench.datasets import sample_dir
        from workbench.survey._sample import SAMPLE_EXPORT, SAMPLE_SPEC, write_sample_exports

        written = write_sample_exports(tmp_path)
        assert [p.relative_to(tmp_path).as_posix() for p in written] == [SAMPLE_EXPORT,
                                                                        SAMPLE_SPEC]
        for rel in (SAMPLE_EXPORT, SAMPLE_SPEC):
            assert (tmp_path / rel).read_bytes() == (sample_dir() / rel).read_bytes(), rel

    @pytest.mark.parametrize("guided", [True, False])
    def test_loading_the_export_gives_the_long_sample(self, guided):
        from workbench.datasets import sample_dir
        from workbench.survey._sample import SAMPLE_EXPORT, SAMPLE_SPEC

        spec = sample_dir() / SAMPLE_SPEC if guided else None
        frame, report = wb.load_survey(sample_dir() / SAMPLE_EXPORT, spec=spec)
        sample = wb.load_sample("survey")
        pd.testing.assert_frame_equal(frame, sample.reset_index(drop=True))
        assert report.rows_kept == 500 and report.unused_columns == []

    def test_load_folder_does_not_load_the_export_as_a_second_survey(self):
        from workbench.datasets import sample_dir

        folder = wb.load_folder(sample_dir())
        assert folder.files["survey"].name == "survey.csv"
        assert not any("export" in w for w in folder.warnings)


class TestFolderRouting:
    """A client's folder holding a form tool's export instead of the long survey table."""

    @staticmethod
    def _folder(tmp_path, tool, ext, name, spec_too):
        spec = build_questionnaire(ATTRS, language="ru", sources=["рекомендация", "сайт"])
        answers = _answers()
        folder = tmp_path / "client"
        folder.mkdir()
        pd.DataFrame({"customer_id": ["000123", "000123"], "date": ["2024-01-05", "2024-02-05"],
                      "amount": [100.0, 200.0]}).to_csv(folder / "transactions.csv", index=False)
        path = write_export(answers, spec, folder / f"{name}.{ext}", tool)
        if spec_too:
            write_questionnaire(spec, folder, formats=["yaml"])
        return folder, path, answers

    @pytest.mark.parametrize("tool,ext", TOOL_FILES)
    @pytest.mark.parametrize("name", ["survey", "Анкета клиентов (ответы)"])
    @pytest.mark.parametrize("spec_too", [True, False])
    def test_only_a_wide_export_and_transactions(self, tmp_path, tool, ext, name, spec_too):
        folder, path, answers = self._folder(tmp_path, tool, ext, name, spec_too)
        loaded = wb.load_folder(folder)
        assert loaded.files["survey"] == path
        assert loaded.missing == ["customers", "feedback", "leads"]
        pd.testing.assert_frame_equal(loaded["survey"], answers[EXPECTED_COLUMNS])
        report = loaded.reports["survey"]
        assert isinstance(report, SurveyLoadReport)
        assert report.tool == tool and report.guided_by == ("spec" if spec_too else "headers")
        # the load report says how each column was understood, in both languages
        roles = report.column_roles("ru")
        assert len(roles) == len(report.columns) > 3 * 6
        text = report.summary("ru")
        assert "Скорость доставки" in text and "→" in text
        assert report.summary("en").count("→") == report.summary("ru").count("→") == len(roles)
        shown = wb.format_survey_columns(report, "ru", n=4)
        assert len(shown) == 4 and roles.iloc[3, 0] in shown._repr_html_()  # the header in full

    def test_the_summary_of_the_folder_shows_the_columns(self, tmp_path):
        from workbench.io import write_summary

        folder, path, _ = self._folder(tmp_path, "google_forms", "csv", "responses", True)
        text = write_summary(folder, tmp_path / "out", language="en")
        assert f"## survey ({path.name})" in text
        assert "read with the questionnaire spec" in text and "Understood as" not in text

    def test_a_long_survey_file_still_wins_over_an_export(self, tmp_path):
        folder, path, _ = self._folder(tmp_path, "google_forms", "csv", "responses", False)
        wb.load_sample("survey").head(30).to_csv(folder / "survey.csv", index=False)
        loaded = wb.load_folder(folder)
        assert loaded.files["survey"].name == "survey.csv"
        assert not isinstance(loaded.reports["survey"], SurveyLoadReport)

    def test_unreadable_cells_of_the_export_are_reported_not_dropped(self, tmp_path):
        folder, path, _ = self._folder(tmp_path, "google_forms", "csv", "survey", True)
        text = path.read_text(encoding="utf-8").splitlines()
        header = text[0]
        assert ",3,2,4," in text[1]  # R0001: importance of Цена and Упаковка, performance
        text[1] = text[1].replace(",3,2,4,", ",три,2,4,", 1)
        path.write_text("\n".join([header, *text[1:]]) + "\n", encoding="utf-8")
        loaded = wb.load_folder(folder)
        report = loaded.reports["survey"]
        assert report.rows_kept == 3
        assert report.invalid_values["value"].tolist() == ["три"]
        assert report.invalid_values["attribute"].tolist() == ["Цена"]
        assert pd.isna(loaded["survey"].set_index(["respondent_id", "attribute"]).loc[
            ("R0001", "Цена"), "importance"])


class TestHandWrittenExports:
    """Exports typed out cell by cell as the tools write them (not through ``write_export``)."""

    IMP = "How important is each of these aspects of our service to you?"
    FUN = "How would you feel if we have this (or do it well)?"
    NPS = "How likely are you to recommend us to a colleague or a friend?"

    def test_surveymonkey_two_header_rows_without_a_spec(self, tmp_path):
        import csv

        meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
                "Email Address", "First Name", "Last Name", "Custom Data 1"]
        rows = [
            meta + [self.IMP, "", self.FUN, "", self.NPS],
            [""] * len(meta) + ["Price", "Delivery", "Price", "Delivery", "Response"],
            ["11803", "4318", "09/02/2024 10:15:00", "09/02/2024 10:19:41", "", "", "", "", "",
             "5 — very important", "2", "I like it", "I can live with it", "9"],
            ["11804", "4318", "09/03/2024 08:00:00", "09/03/2024 08:03:10", "", "", "", "", "",
             "", "1 — not important at all", "I expect it", "", "0"],
        ]
        p = tmp_path / "Client questionnaire.csv"
        with p.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)
        frame, rep = wb.load_survey(p)
        assert rep.tool == "surveymonkey" and rep.guided_by == "headers"
        assert rep.rows_read == 2 and rep.rows_kept == 2 and len(rep.invalid_values) == 0
        got = frame.set_index(["respondent_id", "attribute"])
        assert got.loc[("11803", "Price"), ["importance", "kano_functional", "nps"]].tolist() \
            == [5, 1, 9]
        assert got.loc[("11803", "Delivery"), ["importance", "kano_functional"]].tolist() == [2, 4]
        assert pd.isna(got.loc[("11804", "Price"), "importance"])
        assert got.loc[("11804", "Delivery"), "importance"] == 1
        assert got.loc[("11804", "Price"), "kano_functional"] == 2
        assert got.loc[("11804", "Price"), "nps"] == 0
        assert "Collector ID" in rep.unused_columns

    def test_yandex_forms_xlsx_without_a_spec(self, tmp_path):
        from openpyxl import Workbook

        imp = "Насколько для вас важно каждое из этих свойств нашего сервиса?"
        dys = "Как вы отнесётесь к тому, что у нас этого нет (или сделано плохо)?"
        book = Workbook()
        ws = book.active
        ws.append(["ID", "Время создания", f"{imp} / Цена", f"{imp} / Упаковка",
                   f"{dys} / Цена", "Насколько вероятно, что вы порекомендуете нас коллеге или "
                   "знакомому?"])
        ws.append([9001, pd.Timestamp("2024-09-02 10:15").to_pydatetime(), 4, 3,
                   "Мне не нравится", 10])
        ws.append([9002, pd.Timestamp("2024-09-05 12:00").to_pydatetime(), None, 5,
                   "Мне всё равно", 7])
        ws.append([9003, pd.Timestamp("2024-09-06 12:00").to_pydatetime(), 9, "пять",
                   "не знаю", None])
        p = tmp_path / "Ответы.xlsx"
        book.save(p)
        frame, rep = wb.load_survey(p)
        assert rep.tool == "yandex_forms" and rep.rows_kept == 3
        got = frame.set_index(["respondent_id", "attribute"])
        assert got.loc[("9001", "Цена"), ["importance", "kano_dysfunctional", "nps"]].tolist() \
            == [4, 5, 10]
        assert got.loc[("9002", "Упаковка"), "importance"] == 5
        assert pd.isna(got.loc[("9002", "Цена"), "importance"])
        assert got.loc[("9002", "Цена"), "kano_dysfunctional"] == 3
        assert str(got.loc[("9001", "Цена"), "date"]) == "2024-09-02 10:15:00"
        # unreadable answers are reported cell by cell, the respondent is kept
        inv = rep.invalid_values
        assert sorted(inv["value"].tolist()) == ["9", "не знаю", "пять"]
        assert set(inv["row"]) == {4}

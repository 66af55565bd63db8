"""The workshop file: init, read back (YAML and Excel), validation, save, banners, passport."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

import workbench
from workbench.narrative import (
    describe_missing,
    describe_passport,
    describe_workshop,
    format_passport,
    init_workshop,
    write_workshop,
)
from workbench.workshop import (
    DECISIONS,
    STEP_INPUTS,
    MissingInputs,
    WorkshopError,
    _schema,
    data_passport,
    missing_inputs,
    read_workshop,
    save_decision,
    workshop_from_dict,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples"


def _tx_folder(tmp_path: Path) -> Path:
    """A tiny transactions-only folder: 3 clients, 4 orders, revenue 1000."""
    tx = pd.DataFrame({
        "customer_id": ["a", "a", "b", "c"],
        "order_id": ["o1", "o2", "o3", "o4"],
        "date": ["2024-01-05", "2024-02-05", "2024-03-01", "2024-06-30"],
        "amount": [100.0, 200.0, 300.0, 400.0],
    })
    tx.to_csv(tmp_path / "transactions.csv", index=False)
    return tmp_path


# -- init and read back ----------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "ru"])
def test_init_writes_yaml_and_excel_that_read_back_empty(tmp_path, language):
    paths = init_workshop(tmp_path, language=language)
    assert [p.name for p in paths] == ["workshop.yml", "workshop.xlsx"]
    from_yaml = read_workshop(tmp_path / "workshop.yml")
    from_xlsx = read_workshop(tmp_path / "workshop.xlsx")
    assert from_yaml.to_dict() == from_xlsx.to_dict()
    assert from_yaml.language == language
    filled = {k for k, v in from_yaml.filled().items() if v}
    # only neutral defaults are set: the horizon and the 10 % control group
    assert filled == {"plan.horizon", "plan.control_share"}
    assert from_yaml.get("plan.control_share") == pytest.approx(0.10)
    assert from_yaml.get("plan.horizon") == "90D"


def test_init_explains_every_field_in_both_languages(tmp_path):
    init_workshop(tmp_path, language="ru", excel=False)
    text = (tmp_path / "workshop.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    for sec in _schema():
        idx = lines.index(next(x for x in lines if re.match(rf"^{sec.name}:", x)))
        assert lines[idx - 1].startswith("#"), sec.name
        if sec.kind == "fields":
            for f in sec.fields:
                i = next(i for i, x in enumerate(lines) if x.startswith(f"  {f.name}:")
                         and i > idx)
                comments = []
                j = i - 1
                while lines[j].lstrip().startswith("#"):
                    comments.append(lines[j])
                    j -= 1
                body = " ".join(comments)
                assert re.search("[а-яА-Я]", body) and re.search("[a-z]{4}", body), f.name
    # the Russian explanation comes first in a Russian file
    assert lines[0].startswith("# Файл воркшопа")
    assert "control_questions:" in text


def test_init_refuses_to_overwrite(tmp_path):
    init_workshop(tmp_path)
    with pytest.raises(workbench.WorkbenchError, match="already exist"):
        init_workshop(tmp_path)
    assert len(init_workshop(tmp_path, overwrite=True)) == 2


def test_cli_init(tmp_path, capsys):
    from workbench.cli import main

    assert main(["init", str(tmp_path / "client"), "--language", "ru", "--no-excel"]) == 0
    assert (tmp_path / "client" / "workshop.yml").is_file()
    assert not (tmp_path / "client" / "workshop.xlsx").exists()
    assert main(["init", str(tmp_path / "client")]) == 2


def test_filled_workshop_round_trips_through_excel(tmp_path):
    ws = read_workshop(SAMPLE / "workshop.yml")
    write_workshop(ws, tmp_path / "workshop.xlsx")
    back = read_workshop(tmp_path / "workshop.xlsx")
    assert back.to_dict() == ws.to_dict()
    write_workshop(back, tmp_path / "again.yml")
    assert read_workshop(tmp_path / "again.yml").to_dict() == ws.to_dict()


# -- validation ------------------------------------------------------------------------------

def test_validation_names_field_value_and_expectation():
    raw = {
        "company": {"name": "Acme", "currency": "EUR", "margin": 1.5, "colour": "red"},
        "advantages": [{"advantage": "fast", "importance": 7, "competitor_presence": 0.2},
                       {"advantage": "", "importance": 4, "competitor_presence": 0.1}],
        "offers": [{"segment": "regular", "strategy": "keep"}],
        "plan": {"horizon": "soon", "budget": "-5"},
        "ukor": {"expectations_known": 5},
        "typo_section": {},
    }
    with pytest.raises(WorkshopError) as err:
        workshop_from_dict(raw, source="workshop.yml")
    fields = [p[0] for p in err.value.problems]
    assert fields == [
        "typo_section",
        "company.colour",
        "company.margin",
        "advantages[1].importance",
        "advantages[2].advantage",
        "ukor.expectations_known",
        "offers[1].strategy",
        "plan.budget",
        "plan.horizon",
    ]
    problems = {p[0]: p for p in err.value.problems}
    assert problems["company.margin"] == ("company.margin", 1.5,
                                          "a share from 0 to 1 (10 % = 0.1), or empty")
    assert problems["advantages[1].importance"][2] == "a number from 1 to 5, or empty"
    assert problems["advantages[2].advantage"][2] == "a text (required)"
    assert "win_back" in problems["offers[1].strategy"][2]
    assert problems["plan.budget"][2] == "a number of at least 0, or empty"
    assert str(err.value).startswith("workshop.yml: 9 problem(s) in the workshop file:")


def test_validation_normalises_numbers_written_by_people():
    ws = workshop_from_dict({"plan": {"control_share": "15 %", "budget": "1 500,5",
                                      "horizon": "12w"},
                             "competitors": "Rival"})
    assert ws.get("plan.control_share") == pytest.approx(0.15)
    assert ws.get("plan.budget") == pytest.approx(1500.5)
    assert ws.get("plan.horizon") == "12W"
    assert ws.competitors() == ["Rival"]


def test_inconsistent_thresholds_and_duplicate_segments_are_errors():
    with pytest.raises(WorkshopError) as err:
        workshop_from_dict({"decisions": {"abc_a": 0.9, "abc_b": 0.8},
                            "offers": [{"segment": "AX", "strategy": "cherish"},
                                       {"segment": "AX", "strategy": "retain"}]})
    assert [p[0] for p in err.value.problems] == ["decisions.abc_a", "offers[2].segment"]


def test_yaml_syntax_error_names_the_line(tmp_path):
    (tmp_path / "workshop.yml").write_text("company:\n  name: [unclosed\nplan: {}\n",
                                           encoding="utf-8")
    with pytest.raises(WorkshopError, match=r"line \d+"):
        read_workshop(tmp_path)


def test_load_folder_reads_and_validates_the_workshop(tmp_path):
    folder = _tx_folder(tmp_path)
    assert workbench.load_folder(folder).workshop.path is None
    (folder / "workshop.yml").write_text("plan:\n  control_share: 3\n", encoding="utf-8")
    with pytest.raises(WorkshopError, match="plan.control_share"):
        workbench.load_folder(folder)
    (folder / "workshop.yml").write_text("company:\n  name: Acme\n", encoding="utf-8")
    assert workbench.load_folder(folder).workshop.company == "Acme"


# -- the sample's own file; no sample inputs in the package ------------------------------------

def test_sample_workshop_file_is_filled_and_valid():
    ws = read_workshop(SAMPLE)
    assert ws.path.name == "workshop.yml"
    assert ws.currency == "RUB"
    assert ws.competitors()[0] == "КофеЛайн"
    assert len(ws.advantages()) == 12
    assert len(ws.actions()) == 13
    assert sorted(ws.ukor_answers()) == sorted(workbench.UKOR_QUESTIONS)
    assert ws.competitiveness().loc["us", "internal"] == 15
    assert ws.channels()["lapsed"] == "mass"
    assert ws.offer_rules()["potential"] == dict(workbench.OFFER_RULES["potential"])


@pytest.mark.parametrize("needle", ["КофеЛайн", "курс бариста", "Бодрое утро"])
def test_the_package_holds_no_sample_workshop_inputs(needle):
    hits = [p.relative_to(ROOT).as_posix() for p in (ROOT / "workbench").rglob("*.py")
            if needle in p.read_text(encoding="utf-8")]
    assert hits == []


# -- save a decision ---------------------------------------------------------------------------

def test_save_decision_writes_values_and_who_when_comment(tmp_path):
    init_workshop(tmp_path)
    ws = save_decision(tmp_path, "retention", {"offer_cost": 120.0, "success_rate": 0.4},
                       by="Anna", at="2026-12-01 17:40 UTC")
    assert ws.decision("retention") == {"offer_cost": 120.0, "success_rate": 0.4}
    text = (tmp_path / "workshop.yml").read_text(encoding="utf-8")
    assert "# saved retention: by Anna, at 2026-12-01 17:40 UTC" in text
    back = read_workshop(tmp_path / "workshop.yml")
    assert back.saved == {"retention": {"by": "Anna", "at": "2026-12-01 17:40 UTC"}}
    assert back.deliverable_settings() == {"horizon": "90D", "offer_cost": 120.0,
                                           "success_rate": 0.4}
    # the Excel twin is kept in step, with who/when
    twin = read_workshop(tmp_path / "workshop.xlsx")
    assert twin.to_dict() == back.to_dict()
    assert twin.saved == back.saved
    # a second save keeps the first
    save_decision(tmp_path, "priorities", {"budget": 900, "weight": "gap"}, by="Boris",
                  at="2026-12-01 18:00 UTC")
    back = read_workshop(tmp_path)
    assert back.get("plan.budget") == 900
    assert back.get("decisions.priority_weight") == "gap"
    assert back.get("decisions.offer_cost") == 120.0
    assert set(back.saved) == {"retention", "priorities"}


def test_save_decision_rejects_bad_values_without_touching_the_file(tmp_path):
    init_workshop(tmp_path, excel=False)
    before = (tmp_path / "workshop.yml").read_bytes()
    with pytest.raises(WorkshopError, match="decisions.success_rate"):
        save_decision(tmp_path, "retention", {"success_rate": 1.5})
    with pytest.raises(workbench.WorkbenchError, match="unknown value"):
        save_decision(tmp_path, "retention", {"cost": 1})
    with pytest.raises(workbench.WorkbenchError, match="unknown decision"):
        save_decision(tmp_path, "mood", {})
    assert (tmp_path / "workshop.yml").read_bytes() == before


def test_save_offers_creates_the_file_when_missing(tmp_path):
    rows = pd.DataFrame({"segment": ["regular", "lapsed"], "strategy": ["retain", "win_back"],
                         "actions": ["personal_manager", "reason_call; comeback_offer"]})
    save_decision(tmp_path, "offers", rows, by="x", at="y")
    ws = read_workshop(tmp_path)
    assert ws.offer_rules()["lapsed"] == {"strategy": "win_back",
                                          "actions": ("reason_call", "comeback_offer")}
    assert set(DECISIONS) >= {"offers", "ukor", "threshold", "segmentation", "abc_xyz"}


# -- banners and the data passport --------------------------------------------------------------

def test_missing_inputs_on_a_transactions_only_folder(tmp_path):
    folder = workbench.load_folder(_tx_folder(tmp_path))
    assert missing_inputs(folder, 3) == MissingInputs(3, ("survey",), ("actions", "plan.budget"))
    assert missing_inputs(folder, 4) == MissingInputs(4)
    assert not missing_inputs(folder, 4)
    assert missing_inputs(folder, 5).fields == ("company.margin",)
    assert describe_missing(folder, 4) == ""
    assert describe_missing(folder, 6, language="ru") == (
        "Шагу 6 не хватает: в файле воркшопа (workshop.yml): наши преимущества (advantages), "
        "оценки конкурентоспособности (competitiveness), ответы УКОР (ukor). Разделы, которым "
        "это нужно, ничего не покажут, пока данные не появятся.")
    assert describe_missing(folder, 8) == (
        "Step 8 lacks: the feedback table (feedback.csv). The sections that need them show "
        "nothing until they are filled.")
    with pytest.raises(workbench.WorkbenchError):
        missing_inputs(folder, 9)


def test_sample_lacks_nothing_for_any_step():
    folder = workbench.load_folder(SAMPLE)
    assert {s: bool(missing_inputs(folder, s)) for s in STEP_INPUTS} == dict.fromkeys(
        STEP_INPUTS, False)


def test_data_passport_exact(tmp_path):
    folder = workbench.load_folder(_tx_folder(tmp_path))
    p = data_passport(folder)
    assert p["period_start"] == pd.Timestamp("2024-01-05")
    assert p["period_end"] == pd.Timestamp("2024-06-30")
    assert (p["n_clients"], p["n_orders"]) == (3, 4)
    assert p["revenue"] == pytest.approx(1000.0)
    assert p["tables"] == {"transactions": 4}
    assert p["missing_tables"] == ["customers", "survey", "feedback", "leads"]
    assert p["workshop_file"] is None
    assert p["steps"][4] == {"can_run": True, "missing_tables": [], "missing_fields": []}
    assert p["steps"][1]["can_run"] is False
    text = describe_passport(p, language="en")
    assert "Transactions from 2024-01-05 to 2024-06-30: 3 clients, 4 orders" in text
    assert text.splitlines()[-1] == (
        "Steps that can run in full: 4, 7; in part (workshop inputs missing): 0, 5, 6; "
        "not at all (a table missing): 1, 2, 3, 8.")
    assert "с 05.01.2024 по 30.06.2024" in describe_passport(p, language="ru")
    table = format_passport(p, language="ru")
    assert list(table.columns) == ["Шаг", "Что делаем", "Статус", "Не хватает"]
    assert table.iloc[8].tolist()[2:] == ["не выполнится", "обратная связь"]


def test_describe_workshop_counts_filled_inputs():
    ws = read_workshop(SAMPLE)
    assert describe_workshop(ws, "en").startswith(
        "Workshop file workshop.yml: 14 of 15 inputs filled (company name, currency, ")
    assert describe_workshop(read_workshop(None), "ru").startswith("В папке нет файла воркшопа")


def test_passport_and_describe_workshop_count_the_same_inputs(tmp_path):
    folder = workbench.load_folder(SAMPLE)
    passport = data_passport(folder)
    n, total = sum(passport["workshop"].values()), len(passport["workshop"])
    assert (n, total) == (14, 15)
    assert f"{n} of {total} inputs" in describe_passport(passport, language="en")
    assert f"{n} of {total} inputs" in describe_workshop(folder.workshop, "en")
    # neither counts the saved decisions nor the control answers
    assert not any(k.startswith("decisions.") or k == "control_questions"
                   for k in passport["workshop"])


def test_yaml_is_plain_yaml():
    data = yaml.safe_load((SAMPLE / "workshop.yml").read_text(encoding="utf-8"))
    assert set(data) == {"language", *[s.name for s in _schema()]}


# -- the survey's sections: service attributes and the control questions ------------------------

@pytest.mark.parametrize("language", ["en", "ru"])
def test_template_lists_the_attributes_and_all_43_control_questions(tmp_path, language):
    from workbench.survey import CONTROL_QUESTIONS

    init_workshop(tmp_path, language=language)
    text = (tmp_path / "workshop.yml").read_text(encoding="utf-8")
    assert "\nattributes: []\n" in text
    assert text.count("answer: null}") == len(CONTROL_QUESTIONS) == 43
    step = "шаг" if language == "ru" else "step"
    assert f"  # 43. {workbench.t('cq.q.43', language).split()[0]}" in text
    assert f"({step} 6)\n  - {{question: 43, answer: null}}" in text
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "workshop.xlsx")
    assert "attributes" in book.sheetnames
    rows = list(book["control_questions"].iter_rows(values_only=True))
    assert rows[1][:2] == ("question", "answer") and rows[1][2] == f"help ({language})"
    assert [r[0] for r in rows[2:]] == list(range(1, 44))
    # unanswered questions are not inputs: both files read back empty
    assert read_workshop(tmp_path / "workshop.yml").data["control_questions"] == []
    assert read_workshop(tmp_path / "workshop.xlsx").data["control_questions"] == []


def test_control_question_is_a_number_from_yaml_or_its_text(tmp_path):
    ws = workshop_from_dict({"attributes": ["Цена", {"name": "Доставка", "note": "x"}],
                             "control_questions": [
                                 {"question": 13, "answer": "Вкус"},
                                 {"question": "7", "answer": "Когорты"},
                                 {"question": "Парадоксы клиентоориентации.", "answer": "Да"},
                                 {"question": 2, "answer": None}]})
    assert ws.get("attributes") == ["Цена", "Доставка"]
    assert ws.table("control_questions").values.tolist() == [
        [7, "Когорты"], [13, "Вкус"], [40, "Да"]]
    # written and read back through YAML and Excel, the answers are kept by number
    for name in ("w.yml", "w.xlsx"):
        write_workshop(ws, tmp_path / name)
        back = read_workshop(tmp_path / name)
        assert back.to_dict() == ws.to_dict(), name
    assert workbench.survey.control_answers(read_workshop(tmp_path / "w.xlsx")) == {
        7: "Когорты", 13: "Вкус", 40: "Да"}


def test_control_question_and_attribute_problems_are_listed():
    with pytest.raises(WorkshopError) as err:
        workshop_from_dict({"attributes": [["a", "b"]],
                            "control_questions": [{"question": 44, "answer": "x"},
                                                  {"question": "Как дела?", "answer": "y"},
                                                  {"question": True, "answer": "z"}]})
    assert [p[:2] for p in err.value.problems] == [
        ("attributes[1]", ["a", "b"]), ("control_questions[1].question", 44),
        ("control_questions[2].question", "Как дела?"),
        ("control_questions[3].question", True)]
    assert err.value.problems[1][2].startswith("the number of a control question (1 to 43)")
    with pytest.raises(WorkshopError, match="each question once"):
        workshop_from_dict({"control_questions": [{"question": 5, "answer": "a"},
                                                  {"question": "5", "answer": "b"}]})


def test_sample_workshop_has_attributes_and_some_answers():
    ws = read_workshop(SAMPLE)
    survey = workbench.load_sample("survey")
    assert ws.get("attributes") == list(dict.fromkeys(survey["attribute"]))
    assert sorted(workbench.survey.control_answers(ws)) == [1, 13, 19, 43]

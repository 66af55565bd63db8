"""report.html: executive summary first, prose as paragraphs, analyst material in the appendix."""

from __future__ import annotations

import re

import nbformat
import pytest

from workbench.report import (
    _prose_html,
    build_report_html,
    summary_markdown,
    write_report,
)

FACTS = {
    "start": "2024-01-01", "end": "2025-12-30", "n_clients": 2929, "revenue": 61234567.5,
    "currency": "RUB", "horizon_days": 90, "offer_cost": 113.14, "success_rate": 0.3,
    "strategies": [
        {"strategy": "retain", "n_customers": 339, "n_target": 194, "n_high_risk": 7,
         "value_at_risk": 1000.0, "expected_gain": 500.0},
        {"strategy": "win_back", "n_customers": 1170, "n_target": 160, "n_high_risk": 1162,
         "value_at_risk": 250000.0, "expected_gain": 90000.5},
    ],
}


def _nb(title, cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}")]
    for kind, source, tags, out in cells:
        cell = (nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell)(
            source)
        cell.metadata["tags"] = tags
        if kind == "code":
            cell.execution_count = 1
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=out)] if out else []
        nb.cells.append(cell)
    return nb


EXECUTED = [
    ("00_start_here", _nb("Start here", [("code", "model", [], "DATA MODEL TABLE\n")])),
    ("05_costs_and_churn", _nb("Step 5 — Costs", [
        ("md", "## 2. Model check", ["analyst"], None),
        ("code", "evaluate()", ["analyst"], "ROC AUC 0.88\n"),
        ("code", "describe()", [], "Value at risk is high for the regular clients, who buy "
                                   "every month.\n\n- first point\n- second point\n"),
        ("code", "print(verdict(...))", ["nbval-check-output"], "value within 0.1 %: True\n"),
        ("code", "print(workbench.versions())", ["nbval-ignore-output"], "workbench 1.0\n"),
    ])),
]


class TestSummary:
    def test_russian_numbers_plurals_and_links(self):
        text = summary_markdown(FACTS, "ru")
        assert "# Главное для руководства" in text
        plain = text.replace("\xa0", " ")
        assert "За период с 1 января 2024 г. по 30 декабря 2025 г. в анализе — 2 929 клиентов "\
               "с покупками на 61 234 568 ₽." in plain and "г.." not in plain
        assert "уйти в ближайшие 90 дней: 1 169 клиентов" in plain  # summed over the lists
        assert "«Возвращать»: 1 170 клиентов, под угрозой 250 000 ₽" in plain
        assert "113,14 ₽ на клиента" in plain and "удержит 30 % из" in plain
        assert "с 354 клиентами — по спискам actions.xlsx" in plain and "выигрыш — 90 500 ₽ за 90 дней" in plain
        assert "(#07_packaging)" in text and "(#05_costs_and_churn)" in text

    def test_english(self):
        text = summary_markdown(FACTS, "en")
        plain = text.replace("\xa0", " ")
        assert "2,929 customers" in plain and "“Win back”: 1,170 customers, 250,000 RUB" in plain
        assert "354 customers" in text  # 194 + 160 to contact now
        assert "from 1 January 2024 to 30 December 2025." in plain
        assert not re.search(r"[А-Яа-я]", text)

    def test_without_step_7_says_so(self):
        assert "step 7" in summary_markdown(None, "en")


class TestReport:
    def test_summary_is_the_first_section_then_steps_then_appendix(self):
        html = build_report_html(EXECUTED, "en", facts=FACTS)
        order = [html.index(mark) for mark in (
            'id="summary"', "Executive summary", 'id="05_costs_and_churn"', "Value at risk is high",
            'id="appendix"', "DATA MODEL TABLE", "ROC AUC 0.88", "workbench 1.0")]
        assert order == sorted(order)
        assert html.count("workbench 1.0") == 1
        assert "value within 0.1 %" not in html  # check cells stay out

    def test_prose_is_paragraphs_not_preformatted(self):
        html = build_report_html(EXECUTED, "en", facts=FACTS)
        assert "<p>Value at risk is high for the regular clients, who buy every month.</p>" in html
        assert "<li>first point</li><li>second point</li>" in html
        assert not re.search(r"<pre>[^<]*Value at risk", html)

    def test_prose_is_escaped(self):
        assert "&lt;script&gt;" in _prose_html("<script>alert(1)</script>")

    def test_widget_text_in_the_reports_font_and_inert_controls_hidden(self):
        html = build_report_html(EXECUTED, "ru", facts=FACTS)
        style = html[html.index('<style id="workbench-report-style">'):]
        style = style[:style.index("</style>")]
        screen = style[:style.index("@media print")]
        assert ".jupyter-widgets .widget-html-content" in screen and "font-family" in screen
        assert ".widget-slider" in screen.split("/* a static file")[1]

    def test_print_stylesheet(self):
        assert "@media print" in build_report_html(EXECUTED, "ru", facts=FACTS)

    def test_same_bytes_on_rerun_and_pdf_skipped_with_a_message(self, tmp_path, monkeypatch):
        monkeypatch.setenv("WORKBENCH_CHROMIUM", str(tmp_path / "no-such-browser"))
        (tmp_path / "summary_facts.json").write_text(
            __import__("json").dumps(FACTS), encoding="utf-8")
        with pytest.warns(UserWarning, match="report.pdf"):
            first = write_report(EXECUTED, tmp_path / "report.html", "ru").read_bytes()
        with pytest.warns(UserWarning):
            second = write_report(EXECUTED, tmp_path / "report.html", "ru").read_bytes()
        assert first == second
        assert "Главное для руководства".encode() in first
        assert not (tmp_path / "report.pdf").exists()


def test_pdf_dates_are_fixed_and_nothing_else_moves():
    from workbench.report import fixed_pdf_dates

    raw = (b"%PDF-1.4\n1 0 obj <</Producer (Skia/PDF m156)\n/CreationDate (D:20261202003511+00'00')"
           b"\n/ModDate (D:20261202003512+00'00')>>\nendobj\n(D:20261202003511) stream")
    fixed = fixed_pdf_dates(raw)
    assert len(fixed) == len(raw)  # the cross-reference offsets stay valid
    assert fixed.count(b"D:20000101000000") == 2
    assert b"(D:20261202003511) stream" in fixed  # only the two dates of the Info dictionary
    assert fixed_pdf_dates(fixed) == fixed


@pytest.mark.browser
def test_report_pdf_is_written_and_byte_identical_on_rerun(tmp_path):
    from workbench.report import _chromium

    if _chromium() is None:
        pytest.skip("no headless Chromium installed")
    (tmp_path / "summary_facts.json").write_text(
        __import__("json").dumps(FACTS), encoding="utf-8")
    write_report(EXECUTED, tmp_path / "report.html", "en")
    first = (tmp_path / "report.pdf").read_bytes()
    write_report(EXECUTED, tmp_path / "report.html", "en")
    assert first.startswith(b"%PDF") and (tmp_path / "report.pdf").read_bytes() == first


class TestForManagement:
    def test_sentences_naming_code_are_left_out(self):
        from workbench.report import for_management

        text = ("## 2. Gaps\n\nClients want speed. `workbench.gap_analysis` gives the means,\n"
                "read as gaps. Read them aloud.\n\n- one `x` item\n- a plain item\n\n"
                "```python\nx = 1\n```\n\nЗагружаем её функцией `load(path)`. Загрузчик сам\n"
                "определяет кодировку.")
        assert for_management(text) == (
            "## Gaps\n\nClients want speed. Read them aloud.\n\n- a plain item\n\n"
            "Загрузчик сам определяет кодировку.")

    def test_a_paragraph_of_code_only_disappears_and_plain_text_is_unchanged(self):
        from workbench.report import for_management

        assert for_management("Set `focus_segment` below.\n\nNext.") == "Next."
        plain = "# Title\n\nOne line,\nwrapped.\n\n- a\n- b"
        assert for_management(plain) == plain


def test_summary_names_the_company_and_skips_lists_without_a_risk_estimate():
    facts = dict(FACTS, company="Обжарочная")
    facts["strategies"] = [*FACTS["strategies"],
                           {"strategy": "attract", "n_customers": 499, "n_target": 0,
                            "n_high_risk": 0, "value_at_risk": None, "expected_gain": 0.0}]
    plain = summary_markdown(facts, "ru").replace("\xa0", " ")
    assert ("Обжарочная: с 1 января 2024 г. по 30 декабря 2025 г. у компании покупали "
            "2 929 клиентов") in plain
    assert "под угрозой маржа 251 000 ₽" in plain and "—" not in plain.split("маржа")[1][:3]


@pytest.mark.parametrize("recap", [
    "## In this notebook we:\n- prepared the survey;\n- loaded the answers.",
    "## В этой тетради мы:\n- подготовили анкету;\n- загрузили ответы.",
    "## В этой тетради мы:\n\n- подготовили анкету;\n- загрузили ответы.",
])
def test_the_notebooks_recap_is_left_out(recap):
    from workbench.report import for_management

    assert for_management(f"Clients want speed.\n\n{recap}\n\nNext step.") == (
        "Clients want speed.\n\nNext step.")


def test_the_notebooks_plan_is_left_out_and_wrapped_prose_flows():
    from workbench.report import for_management

    text = "**Why.** Text.\n\n**В этой тетради мы:**\n\n1. посмотрим\n2. прочитаем\n\n## 1. Дальше"
    assert for_management(text) == "**Why.** Text.\n\n## Дальше"
    same_block = "**In this notebook we will:**\n1. look\n2. read\n\nNext."
    assert for_management(same_block) == "Next."
    wrapped = _prose_html("В анкете 500 респондентов (из них 300 — с карточкой клиента); они\n"
                          "оценивают 10 параметров.\n\nRows: 5\nKept: 4")
    assert "<p>В анкете 500 респондентов (из них 300 — с карточкой клиента); они оценивают" \
           in wrapped
    assert "<p>Rows: 5<br>Kept: 4</p>" in wrapped
    # lines longer than a wrapped line are sentences of their own (describe_deliverables)
    first = ("It pays to contact 140 clients now. " * 3).strip()
    second = "The largest list is “Win back”."
    assert _prose_html(f"{first}\n{second}") == (
        f'<div class="wb-prose"><p>{first}</p><p>{second}</p></div>')


def test_text_cells_are_left_aligned_and_numbers_stay_right():
    from workbench.report import _align_text_cells

    row = ("<td>1\u00a0069</td><td>Беречь</td><td>132&nbsp;075 ₽</td><td>—</td>"
           "<td>72\u00a0%</td><td>−6</td><td>$1,500</td><td></td><td>покупает раз в 6 дней</td>")
    assert _align_text_cells(row) == (
        "<td>1\u00a0069</td><td class=\"wb-text\">Беречь</td><td>132&nbsp;075 ₽</td><td>—</td>"
        "<td>72\u00a0%</td><td>−6</td><td>$1,500</td><td></td>"
        "<td class=\"wb-text\">покупает раз в 6 дней</td>")

class TestControlQuestions:
    """The room's answers to the course's 43 control questions, printed in the appendix."""

    FACTS_CQ = {**FACTS, "control_questions": {"13": "Вкус <и> доставка", "1": "Разовые"}}

    @pytest.mark.parametrize("language", ["ru", "en"])
    def test_answers_in_the_appendix_all_43_with_their_step(self, language):
        html = build_report_html(EXECUTED, language, facts=self.FACTS_CQ)
        from workbench.i18n import t

        title = t("cq.title", language)
        assert html.index('id="appendix"') < html.index(title) < html.index("DATA MODEL TABLE")
        section = html[html.index(title):html.index("DATA MODEL TABLE")]
        assert section.count("<tr") == 44  # the header and 43 questions
        assert "Вкус &lt;и&gt; доставка" in section  # escaped, as typed in the room
        assert t("cq.q.43", language).split()[0] in section
        step6 = "6. " + t("ws.step.6", language)
        assert step6 in section
        answered = "2 of 43" if language == "en" else "2 из 43"
        assert answered in section.replace("\xa0", " ")

    def test_no_answers_no_section(self):
        from workbench.i18n import t

        html = build_report_html(EXECUTED, "en", facts={**FACTS, "control_questions": {}})
        assert t("cq.title", "en") not in html
        assert t("cq.title", "en") not in build_report_html(EXECUTED, "en", facts=FACTS)

    def test_summary_facts_carry_the_workshop_answers(self):
        from types import SimpleNamespace

        from workbench.datasets import sample_dir
        from workbench.report import _control_answers
        from workbench.workshop import read_workshop

        answers = _control_answers(SimpleNamespace(workshop=read_workshop(sample_dir())))
        assert list(answers) == ["1", "13", "19", "43"]
        assert answers["43"].startswith("Самооценка по 16 утверждениям")


    @pytest.mark.parametrize("language", ["ru", "en"])
    def test_a_question_given_by_its_text_is_answered_in_the_report(self, language):
        from types import SimpleNamespace

        from workbench.i18n import t
        from workbench.report import _control_answers

        workshop = {"control_questions": [
            {"question": "Парадоксы клиентоориентации.", "answer": "Дешевле удержать"},
            {"question": "Q13", "answer": "Вкус и доставка"},
            {"question": t("cq.q.7", "en"), "answer": "Twice a year"},
        ]}
        answers = _control_answers(SimpleNamespace(workshop=workshop))
        assert answers == {"7": "Twice a year", "13": "Вкус и доставка",
                           "40": "Дешевле удержать"}
        html = build_report_html(EXECUTED, language,
                                 facts={**FACTS, "control_questions": answers})
        section = html[html.index(t("cq.title", language)):html.index("DATA MODEL TABLE")]
        row = re.search(r"<tr>\s*<td>40</td>.*?</tr>", section, flags=re.S).group(0)
        assert "Дешевле удержать" in row and t("cq.status.answered", language) in row
        answered = "3 of 43" if language == "en" else "3 из 43"
        assert answered in section.replace("\xa0", " ")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_summary_invents_no_offer_when_the_workshop_prices_none(language):
    from workbench.i18n import t

    facts = dict(FACTS, offer_cost=None)
    text = summary_markdown(facts, language)
    assert t("report.summary.offer_unpriced", language) in text
    gain_head = t("report.summary.gain", language, horizon=90, gain="X").split("X")[0][:12]
    assert gain_head not in text
    assert "None" not in text and "nan" not in text.lower()


def _widget_run(ids: list[str], chunks: list[str]):
    """One run's step notebook: a box holding a slider and a label (the kernel's random model
    ids ``ids``), and a sentence printed in ``chunks`` (however the kernel split the stream)."""
    box, slider, label = ids
    nb = _nb("Step 4 — Segments", [("code", "show()", [], None)])
    cell = nb.cells[-1]
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=c) for c in chunks]
    cell.outputs.append(nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": box, "version_major": 2,
                                                     "version_minor": 0},
        "text/plain": "VBox()"}))
    state = {
        label: {"model_name": "HTMLModel", "state": {"value": "<b>40 clients</b>"}},
        slider: {"model_name": "IntSliderModel", "state": {"value": 4}},
        box: {"model_name": "VBoxModel",
              "state": {"children": [f"IPY_MODEL_{slider}", f"IPY_MODEL_{label}"]}},
        ids[0][::-1]: {"model_name": "LayoutModel", "state": {}},  # displayed by nobody
    }
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "version_major": 2, "version_minor": 0, "state": state}}
    return [("04_segmentation", nb)]


def test_rerun_with_new_widget_ids_and_stream_chunks_gives_the_same_bytes():
    first = build_report_html(
        _widget_run(["a1" * 16, "b2" * 16, "c3" * 16], ["Four segments ", "were found.\n"]),
        "en", facts=FACTS)
    second = build_report_html(
        _widget_run(["9f" * 16, "8e" * 16, "7d" * 16], ["Four segm", "ents were found.\n"]),
        "en", facts=FACTS)
    assert first == second
    for old in ("a1" * 16, "9f" * 16, "b2" * 16):
        assert old not in first
    assert "IPY_MODEL_00000000000000000000000000000002" in first  # the box's first child
    assert "Four segments were found." in first


def test_stable_widget_ids_keep_every_model_and_reference():
    from workbench.report import stable_widget_ids

    (_, nb), = _widget_run(["a1" * 16, "b2" * 16, "c3" * 16], ["x\n"])
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    new = stable_widget_ids(nb.cells, state)
    assert len(new) == len(state)
    refs = [r for v in new.values() for r in v["state"].get("children", [])]
    assert all(r.removeprefix("IPY_MODEL_") in new for r in refs)
    view = nb.cells[-1].outputs[-1]["data"]["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == f"{1:032x}"

"""Answers as a form tool exports them (for tests, demos and the shipped sample).

:func:`write_export` is the inverse of :func:`workbench.load_survey` on a wide export: it takes
the long table and writes one row per respondent in the shape of Google Forms (CSV), Yandex
Forms (XLSX) or SurveyMonkey (CSV or XLSX with two header rows). The layouts follow what those
tools write; the headers and answers are the questionnaire's own texts (question texts and
option texts, :mod:`workbench.narrative._questionnaire`), which is why the writer is in the
text layer.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from workbench.errors import WorkbenchError
from workbench.i18n import check_language
from workbench.narrative._questionnaire import export_headers, option_texts, source_text
from workbench.schema import KANO_ANSWERS
from workbench.survey._spec import ATTRIBUTE_MEASURES, TOOLS, QuestionnaireSpec

__all__ = ("wide_answers", "write_export")

_SM_META = ("Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1")


def _respondents(answers: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    if "respondent_id" not in answers or "attribute" not in answers:
        raise WorkbenchError("write_export: answers need respondent_id and attribute columns "
                             "(the long survey table)")
    order = list(dict.fromkeys(answers["respondent_id"].astype(str)))
    groups = {str(k): g for k, g in answers.groupby(answers["respondent_id"].astype(str),
                                                    sort=False)}
    return [(r, groups[r]) for r in order]


def _first(g: pd.DataFrame, col: str) -> object:
    if col not in g:
        return None
    vals = g[col].dropna()
    return None if vals.empty else vals.iloc[0]


def _cell(spec: QuestionnaireSpec, block: str, value: object, tool: str, lang: str) -> object:
    """The exported cell of one answer (text, or a number for Yandex Forms' scales)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        if block == "competitor_performance" and tool == "surveymonkey":
            return dict(option_texts(spec, block, lang))[None]  # the explicit "don't know"
        return ""
    if block in ("kano_functional", "kano_dysfunctional"):
        return KANO_ANSWERS[int(value)][lang]
    if block in ("importance", "performance", "expectation", "competitor_performance"):
        if tool == "yandex_forms":
            return int(value)
        return dict(option_texts(spec, block, lang))[int(value)]
    if block == "nps":
        return int(value) if tool == "yandex_forms" else str(int(value))
    if block == "source":
        return source_text(str(value), lang)
    return str(value)


def wide_answers(answers: pd.DataFrame, spec: QuestionnaireSpec, tool: str = "google_forms",
                 language: str | None = None) -> list[list[object]]:
    """Return the answer cells of every respondent, one list per respondent, in spec order."""
    if tool not in TOOLS:
        raise WorkbenchError(f"tool must be one of {', '.join(TOOLS)}; got {tool!r}")
    lang = check_language(language or spec.language)
    rows = []
    for _, g in _respondents(answers):
        by_attr = {str(a): r for a, r in zip(g["attribute"].astype(str), g.to_dict("records"),
                                             strict=True)}
        row: list[object] = []
        for q in spec.questions:
            if q.block in ATTRIBUTE_MEASURES:
                rec = by_attr.get(q.attribute, {})
                value = rec.get(q.block)
            else:
                value = _first(g, q.block)
            row.append(_cell(spec, q.block, value, tool, lang))
        rows.append(row)
    return rows


def _date(g: pd.DataFrame, fmt: str) -> str:
    d = _first(g, "date")
    if d is None:
        return ""
    ts = pd.Timestamp(d)
    return ts.strftime(fmt).replace("{m}", str(ts.month)).replace("{d}", str(ts.day))


def write_export(
    answers: pd.DataFrame,
    spec: QuestionnaireSpec,
    path: str | Path,
    tool: str = "google_forms",
    *,
    language: str | None = None,
) -> Path:
    """Write the long survey table as a form tool's wide export.

    Parameters
    ----------
    answers : DataFrame
        The long survey table (``respondent_id``, ``attribute``, the measures, ``nps``,
        ``customer_id``, ``comment``, ``date``, and ``source`` / ``keep`` / ``change`` if asked).
    spec : QuestionnaireSpec
        The questionnaire the answers belong to.
    path : str or Path
        Output file: ``.csv`` for Google Forms and SurveyMonkey, ``.xlsx`` for Yandex Forms and
        SurveyMonkey.
    tool : {"google_forms", "yandex_forms", "surveymonkey"}
        Google Forms: ``Timestamp`` / ``Отметка времени`` first, grid rows as
        ``Question [Row]``, option texts as answers, UTF-8 CSV. Yandex Forms: ``ID``,
        ``Время создания``, grid rows as ``Question / Row``, numbers for ratings, XLSX.
        SurveyMonkey: ``Respondent ID`` and collector columns, two header rows, option texts,
        "don't know" written for a missing competitor rating; CSV (UTF-8 with BOM) or XLSX.
    language : {"ru", "en"}, optional
        Language of the texts; by default the spec's.

    Returns
    -------
    Path
    """
    lang = check_language(language or spec.language)
    path = Path(path)
    suffix = path.suffix.lower()
    resp = _respondents(answers)
    cells = wide_answers(answers, spec, tool, lang)
    heads = export_headers(spec, tool, lang)
    if tool == "google_forms":
        stamp = "Отметка времени" if lang == "ru" else "Timestamp"
        fmt = "%d.%m.%Y %H:%M:%S" if lang == "ru" else "{m}/{d}/%Y %H:%M:%S"
        table = [[stamp] + [h for h, _ in heads]]
        table += [[_date(g, fmt)] + row for (_, g), row in zip(resp, cells, strict=True)]
    elif tool == "yandex_forms":
        table = [["ID", "Время создания" if lang == "ru" else "Created"] + [h for h, _ in heads]]
        for (rid, g), row in zip(resp, cells, strict=True):
            d = _first(g, "date")
            table.append([rid, "" if d is None else pd.Timestamp(d).to_pydatetime()] + row)
    else:
        table = [list(_SM_META) + [h for h, _ in heads],
                 [""] * len(_SM_META) + [s for _, s in heads]]
        for (rid, g), row in zip(resp, cells, strict=True):
            d = _date(g, "%m/%d/%Y %H:%M:%S")
            table.append([rid, "431822954", d, d, "", "", "", "", ""] + row)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        if tool == "yandex_forms":
            raise WorkbenchError("Yandex Forms exports XLSX; give a path ending in .xlsx")
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\n").writerows(
            [["" if v is None else str(v) for v in r] for r in table])
        enc = "utf-8-sig" if tool == "surveymonkey" else "utf-8"
        path.write_bytes(buf.getvalue().encode(enc))
    elif suffix == ".xlsx":
        if tool == "google_forms":
            raise WorkbenchError("Google Forms exports CSV; give a path ending in .csv")
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Ответы" if lang == "ru" else "Responses"
        for r in table:
            ws.append([None if v == "" else v for v in r])
        wb.save(path)
    else:
        raise WorkbenchError(f"write_export: give a .csv or .xlsx path; got {path.name!r}")
    return path

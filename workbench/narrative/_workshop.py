"""The workshop file in words: its commented, bilingual template, the banner and the passport.

:mod:`workbench.workshop` reads, validates and edits the client's workshop file and returns
data (a :class:`~workbench.workshop.Workshop`, :class:`~workbench.workshop.MissingInputs`, the
passport dict). This module writes the file for people — the commented YAML and the Excel
workbook, the workshop's language first and the other one after (:func:`init_workshop`,
:func:`write_workshop`) — and says what is filled (:func:`describe_workshop`), what a step lacks
(:func:`describe_missing`) and what the folder holds (:func:`describe_passport`,
:func:`format_passport`). It registers :func:`write_workshop` with :mod:`workbench.workshop` so
that :func:`~workbench.workshop.save_decision` writes the same commented file.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import WorkbenchError
from workbench.i18n import check_language, t
from workbench.narrative._survey import control_question_texts
from workbench.workshop import (
    _README_SHEET,
    _SETTINGS_SHEET,
    DECISIONS,
    MissingInputs,
    Workshop,
    _decision_of,
    _expected,
    _schema,
    _template,
    _yaml_scalar,
    missing_inputs,
    register_question_texts,
    register_writer,
    workshop_from_dict,
)

__all__ = (
    "describe_missing",
    "describe_passport",
    "describe_workshop",
    "format_passport",
    "init_workshop",
    "workshop_yaml",
    "write_workshop",
)


# ----------------------------------------------------------------------------------------------
# The commented YAML
# ----------------------------------------------------------------------------------------------


def _help(key: str, language: str) -> list[str]:
    """Both languages, the workshop's language first."""
    other = "en" if language == "ru" else "ru"
    return [t(key, language), t(key, other)]


def _comments(key: str, language: str, indent: str = "") -> list[str]:
    """The explanation of ``key`` in both languages as wrapped YAML comment lines."""
    import textwrap

    out = []
    for text in _help(key, language):
        for para in text.split("\n"):
            out += [f"{indent}# {line}" for line in textwrap.wrap(para, 96 - len(indent))]
    return out


def _saved_comment(ws: Workshop, key: str | None, done: set[str]) -> list[str]:
    if key is None or key in done or key not in ws.saved:
        return []
    done.add(key)
    meta = ws.saved[key]
    return [f"# saved {key}: by {meta.get('by', '?')}, at {meta.get('at', '?')}"]


def workshop_yaml(ws: Workshop) -> str:
    """Render a :class:`Workshop` as the commented, bilingual YAML text of ``workshop.yml``."""
    lang = ws.language
    out: list[str] = []
    out += _comments("wsf.header", lang)
    out += ["", *_comments("wsf.field.language", lang), f"language: {ws.language}", ""]
    done: set[str] = set()
    for sec in _schema():
        out += [f"# {'=' * 78}", *_comments(f"wsf.section.{sec.name}", lang)]
        value = ws.data.get(sec.name)
        if sec.kind in ("fields", "mapping"):
            if sec.name == "ukor":
                out += _saved_comment(ws, "ukor", done)
            out.append(f"{sec.name}:")
            for f in sec.fields:
                key = f"wsf.field.{sec.name}.{f.name}" if sec.name != "ukor" else f"ukor.q.{f.name}"
                out += _saved_comment(ws, _decision_of(f"{sec.name}.{f.name}"), done)
                out += _comments(key, lang, "  ")
                if sec.name != "ukor":
                    out.append(f"  #   ({_expected(f)})")
                v = (value or {}).get(f.name)
                rendered = _yaml_scalar(v)
                out.append(f"  {f.name}:" + (f" {rendered}" if rendered else ""))
        elif sec.kind == "list":
            rows = value or []
            if rows:
                out.append(f"{sec.name}:")
                out += [f"  - {_yaml_scalar(v)}" for v in rows]
            else:
                out += [f"{sec.name}: []", "#  - …"]
        else:
            cols = [f.name for f in sec.fields]
            for f in sec.fields:
                out.append(f"#   {f.name}: " + _help(f"wsf.col.{sec.name}.{f.name}", lang)[0]
                           + f" ({_expected(f).replace(', or empty', '')})")
            out += _saved_comment(ws, _decision_of(sec.name), done)
            rows = value or []
            if sec.name == "control_questions":
                out.append(f"{sec.name}:")
                out += _control_question_rows(rows, lang)
            elif rows:
                out.append(f"{sec.name}:")
                for row in rows:
                    parts = [f"{c}: {_yaml_scalar(row.get(c)) or 'null'}" for c in cols]
                    out.append("  - {" + ", ".join(parts) + "}")
            else:
                out.append(f"{sec.name}: []")
                out.append("#  - {" + ", ".join(f"{c}: …" for c in cols) + "}")
        out.append("")
    return "\n".join(out)


def _control_question_rows(rows: Sequence[Mapping[str, Any]], language: str) -> list[str]:
    """All 43 control questions as YAML rows (the text and step above each), answers filled in."""
    from workbench.survey._control import CONTROL_QUESTIONS

    answers = {r["question"]: r.get("answer") for r in rows}
    out = []
    for number, (step, _topic) in CONTROL_QUESTIONS.items():
        out += _comment_lines(f"{number}. {t(f'cq.q.{number}', language)} "
                              f"({t('cq.col.step', language).lower()} {step})", "  ")
        out.append(f"  - {{question: {number}, answer: "
                   f"{_yaml_scalar(answers.get(number)) or 'null'}}}")
    return out


def _comment_lines(text: str, indent: str = "") -> list[str]:
    import textwrap

    return [f"{indent}# {line}" for line in textwrap.wrap(text, 96 - len(indent))]


# ----------------------------------------------------------------------------------------------
# Excel
# ----------------------------------------------------------------------------------------------


def _write_xlsx(ws: Workshop, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    lang = ws.language
    other = "en" if lang == "ru" else "ru"
    wb = Workbook()
    book = wb.active
    book.title = _README_SHEET
    for line in t("wsf.header", lang).split("\n") + [""] + t("wsf.header", other).split("\n"):
        book.append([line])
    book.append([])
    book.append(["language", ws.language, *_help("wsf.field.language", lang)])
    book.column_dimensions["A"].width = 100
    bold = Font(bold=True)
    # the field sections on one sheet: section, field, value, explanation (both languages)
    sh = wb.create_sheet(_SETTINGS_SHEET)
    sh.append(["section", "field", "value", f"help ({lang})", f"help ({other})", "expected",
               "saved by", "saved at"])
    for sec in _schema():
        if sec.kind != "fields":
            continue
        for f in sec.fields:
            v = (ws.data.get(sec.name) or {}).get(f.name)
            if isinstance(v, list):
                v = "; ".join(v)
            dec = _decision_of(f"{sec.name}.{f.name}")
            meta = ws.saved.get(dec, {}) if dec else {}
            sh.append([sec.name, f.name, v, *_help(f"wsf.field.{sec.name}.{f.name}", lang),
                       _expected(f), meta.get("by"), meta.get("at")])
    # the lists, tables and answers: one sheet each
    for sec in _schema():
        if sec.kind == "fields":
            continue
        sh = wb.create_sheet(sec.name)
        sh.append([f"{h}" for h in _help(f"wsf.section.{sec.name}", lang)][:1])
        if sec.kind == "list":
            sh.append(["name"])
            for v in ws.data.get(sec.name) or []:
                sh.append([v])
        elif sec.kind == "mapping":
            sh.append(["question", "answer", f"statement ({lang})", f"statement ({other})"])
            for f in sec.fields:
                sh.append([f.name, (ws.data.get(sec.name) or {}).get(f.name),
                           *_help(f"ukor.q.{f.name}", lang)])
            meta = ws.saved.get("ukor")
            if meta:
                sh.append([])
                sh.append(["saved by", meta.get("by"), "saved at", meta.get("at")])
        elif sec.name == "control_questions":
            from workbench.survey._control import CONTROL_QUESTIONS

            sh.append(["question", "answer", f"help ({lang})", f"help ({other})"])
            answers = {r["question"]: r.get("answer") for r in ws.data.get(sec.name) or []}
            for number, (step, _topic) in CONTROL_QUESTIONS.items():
                sh.append([number, answers.get(number), *(
                    f"{number}. {t(f'cq.q.{number}', x)} ({t('cq.col.step', x).lower()} {step})"
                    for x in (lang, other))])
        else:
            cols = [f.name for f in sec.fields]
            sh.append(cols)
            for row in ws.data.get(sec.name) or []:
                sh.append([row.get(c) for c in cols])
            meta = ws.saved.get(_decision_of(sec.name) or "")
            if meta:
                sh.append([])
                sh.append(["saved by", meta.get("by"), "saved at", meta.get("at")])
        for cell in sh[2]:
            cell.font = bold
        sh.cell(1, 1).alignment = Alignment(wrap_text=False)
    stamp = _dt.datetime(2000, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    os.replace(tmp, path)
    return path


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def write_workshop(ws: Workshop, path: str | os.PathLike) -> Path:
    """Write a workshop as YAML (``.yml``/``.yaml``) or Excel (``.xlsx``); returns the path."""
    p = Path(path)
    workshop_from_dict(ws.to_dict(), source=p.name)  # never write what cannot be read back
    if p.suffix.lower() == ".xlsx":
        return _write_xlsx(ws, p)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(workshop_yaml(ws), encoding="utf-8")
    os.replace(tmp, p)
    return p


def init_workshop(
    folder: str | os.PathLike, language: str = "en", excel: bool = True,
    overwrite: bool = False,
) -> list[Path]:
    """Write an empty, commented, bilingual workshop file into a client's folder.

    Parameters
    ----------
    folder : path
        The client's folder (created when missing).
    language : {"en", "ru"}, default "en"
        The workshop's language: its explanations come first, the other language's follow.
    excel : bool, default True
        Also write ``workshop.xlsx`` (the same fields, one sheet per table).
    overwrite : bool, default False
        Replace existing workshop files; otherwise an existing file is an error.

    Returns
    -------
    list of Path
        The files written.
    """
    language = check_language(language)
    folder = Path(folder)
    targets = [folder / "workshop.yml"] + ([folder / "workshop.xlsx"] if excel else [])
    existing = [p.name for p in targets if p.exists()]
    if existing and not overwrite:
        raise WorkbenchError(
            f"{folder.name}: {', '.join(existing)} already exist(s); pass overwrite=True "
            "(workbench init --force) to replace them")
    folder.mkdir(parents=True, exist_ok=True)
    ws = _template(language)
    return [write_workshop(ws, p) for p in targets]


# ----------------------------------------------------------------------------------------------
# What is filled, what is missing
# ----------------------------------------------------------------------------------------------


def _label(name: str, language: str) -> str:
    section, _, fname = name.partition(".")
    key = f"wsf.label.{section}.{fname}" if fname else f"wsf.label.{section}"
    return t(key, language)


def describe_workshop(ws: Workshop, language: str | None = None) -> str:
    """Say which workshop inputs are filled and which are not (one or two sentences)."""
    language = check_language(language)
    filled = ws.inputs()
    inputs = list(filled)
    yes = [_label(k, language) for k in inputs if filled[k]]
    no = [_label(k, language) for k in inputs if not filled[k]]
    source = ws.path.name if ws.path is not None else None
    if source is None:
        return t("wsf.describe.none", language)
    text = t("wsf.describe.filled", language, file=source, n=len(yes), total=len(inputs),
             filled=", ".join(yes) or t("ws.none", language))
    if no:
        text += " " + t("wsf.describe.empty", language, empty=", ".join(no))
    saved = [t(f"wsf.decision.{k}", language) for k in DECISIONS if k in ws.saved]
    if saved:
        text += " " + t("wsf.describe.saved", language, decisions=", ".join(saved))
    return text


def describe_missing(missing: MissingInputs | Any, step: int | None = None,
                     language: str | None = None) -> str:
    """One banner for a notebook: which tables and which workshop fields to fill; "" if none.

    Parameters
    ----------
    missing : MissingInputs or DataFolder
        A :func:`missing_inputs` result, or a folder (then ``step`` is required).
    step : int, optional
    language : {"en", "ru"}, optional

    Examples
    --------
    >>> print(describe_missing(MissingInputs(3, ("survey",), ("actions", "plan.budget"))))
    Step 3 lacks: the survey table (survey.csv); in the workshop file (workshop.yml): \
candidate actions (actions), budget (plan.budget). The sections that need them show nothing \
until they are filled.
    """
    language = check_language(language)
    if not isinstance(missing, MissingInputs):
        if step is None:
            raise WorkbenchError("describe_missing: pass step= with a folder")
        missing = missing_inputs(missing, step)
    if not missing:
        return ""
    parts = []
    if missing.tables:
        parts.append(", ".join(t("wsf.missing.table", language,
                                 table=t(f"ws.table.{tb}", language), file=f"{tb}.csv")
                               for tb in missing.tables))
    if missing.fields:
        parts.append(t("wsf.missing.fields", language, fields=", ".join(
            f"{_label(f, language)} ({f})" for f in missing.fields)))
    return t("wsf.missing.banner", language, step=missing.step, what="; ".join(parts))


# ----------------------------------------------------------------------------------------------
# Data passport (step 0)
# ----------------------------------------------------------------------------------------------


def _money(x: float, currency: str | None, language: str) -> str:
    from workbench.io._report import fmt_money

    text = fmt_money(x, language)
    return f"{text} {currency}" if currency else text


def describe_passport(passport: Mapping[str, Any], language: str | None = None) -> str:
    """Read the data passport aloud: what the folder holds and which steps can run."""
    from workbench.io._report import fmt_int

    language = check_language(language)
    p = passport
    lines = []
    if p.get("company"):
        lines.append(t("wsf.passport.company", language, company=p["company"]))
    if p.get("period_start") is not None:
        lines.append(t("wsf.passport.data", language,
                       start=f"{p['period_start']:%d.%m.%Y}" if language == "ru"
                       else f"{p['period_start']:%Y-%m-%d}",
                       end=f"{p['period_end']:%d.%m.%Y}" if language == "ru"
                       else f"{p['period_end']:%Y-%m-%d}",
                       n=fmt_int(p["n_clients"], language),
                       orders=fmt_int(p["n_orders"], language),
                       revenue=_money(p["revenue"], p.get("currency"), language)))
    found = ", ".join(f"{t(f'ws.table.{k}', language)} ({fmt_int(v, language)})"
                      for k, v in p["tables"].items())
    missing = ", ".join(t(f"ws.table.{k}", language) for k in p["missing_tables"])
    lines.append(t("ws.folder.found", language, found=found or t("ws.none", language),
                   missing=missing or t("ws.none", language)))
    filled = [k for k, v in p["workshop"].items() if v]
    if p.get("workshop_file") is None:
        lines.append(t("wsf.describe.none", language))
    else:
        lines.append(t("wsf.passport.workshop", language, file=p["workshop_file"],
                       n=len(filled), total=len(p["workshop"])))
    ready = [str(s) for s, v in p["steps"].items() if v["can_run"] and not v["missing_fields"]]
    partly = [str(s) for s, v in p["steps"].items() if v["can_run"] and v["missing_fields"]]
    blocked = [str(s) for s, v in p["steps"].items() if not v["can_run"]]
    none = t("ws.none", language)
    lines.append(t("wsf.passport.steps", language, ready=", ".join(ready) or none,
                   partly=", ".join(partly) or none, blocked=", ".join(blocked) or none))
    return "\n".join(lines)


def format_passport(passport: Mapping[str, Any], language: str | None = None) -> pd.DataFrame:
    """The steps part of the passport as a table: step, name, can run, what is missing."""
    language = check_language(language)
    rows = []
    for step, v in passport["steps"].items():
        lack = [t(f"ws.table.{tb}", language) for tb in v["missing_tables"]]
        lack += [_label(f, language) for f in v["missing_fields"]]
        status = ("wsf.status.ready" if v["can_run"] and not v["missing_fields"] else
                  "wsf.status.partly" if v["can_run"] else "wsf.status.blocked")
        rows.append({
            t("ws.col.step", language): step,
            t("ws.col.name", language): t(f"ws.step.{step}", language) if step else
            t("wsf.step0", language),
            t("wsf.col.status", language): t(status, language),
            t("wsf.col.missing", language): ", ".join(lack) or "—",
        })
    return pd.DataFrame(rows)


# save_decision (workbench.workshop) writes the commented file through this module
register_writer(write_workshop)
register_question_texts(control_question_texts)

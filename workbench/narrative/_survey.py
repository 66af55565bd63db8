"""The survey instruments read aloud: control questions, key clients' УКОР, quotes' topics.

Sentences (``describe_*``) and display tables (``format_*``) over the results of
:mod:`workbench.survey`, in the audience's language: also a wide export's load report. At
the end this module registers the texts that :mod:`workbench.survey`'s computation asks for
(:mod:`workbench.survey._layer`): the questionnaire's (:mod:`._questionnaire`), the wide
export writer's (:mod:`._survey_export`) and the motivation survey's (:mod:`._motivation`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from workbench.i18n import LANGUAGES, check_language, t
from workbench.io._messages import Note
from workbench.io._report import LoadReport
from workbench.narrative import _motivation, _questionnaire, _survey_export
from workbench.narrative._format import listing, number, quantity, quote
from workbench.narrative._load import say
from workbench.narrative._table import TextTable
from workbench.survey import _control, _ukor
from workbench.survey._folder import INSTRUMENT_FILES, find_instrument, instrument_suffixes
from workbench.survey._layer import register_survey_texts
from workbench.survey._ukor import KEY_CLIENT_QUESTIONS, UkorComparison

__all__ = (
    "TextTable",
    "control_answers",
    "control_checklist",
    "control_question_number",
    "control_question_texts",
    "describe_control_questions",
    "describe_survey_load",
    "describe_ukor_comparison",
    "format_control_questions",
    "format_survey_columns",
    "format_ukor_comparison",
    "instrument_file",
    "key_client_headers",
    "key_client_questionnaire",
    "label_topics",
    "load_key_client_answers",
    "survey_column_roles",
)


def format_control_questions(checklist: pd.DataFrame, language: str | None = None) -> TextTable:
    """Return the checklist as a table: number, step, question, the room's answer, status.

    Parameters
    ----------
    checklist : DataFrame
        From :func:`workbench.survey.control_checklist` (all 43 questions or one step's).
    language : {"ru", "en"}, optional
        Default: the current language.

    Returns
    -------
    TextTable
        One row per question, column headers in ``language``; the answers are the room's own
        words, as written in the workshop file.

    Examples
    --------
    >>> from workbench.survey import control_checklist
    >>> table = format_control_questions(control_checklist({13: "delivery"}, step=6), "en")
    >>> table.columns.tolist()
    ['No.', 'Step', 'Question', "The room's answer", 'Status']
    >>> table.loc[0, "Status"], table.loc[1, "Status"]
    ('open', 'answered')
    """
    rows = []
    for n, r in checklist.iterrows():
        rows.append({
            t("cq.col.number", language): int(n),
            t("cq.col.step", language): f"{int(r['step'])}. {t(f'ws.step.{int(r.step)}', language)}",
            t("cq.col.question", language): t(f"cq.q.{int(n)}", language),
            t("cq.col.answer", language): r["answer"] if r["answered"] else "",
            t("cq.col.status", language): t("cq.status.answered" if r["answered"]
                                            else "cq.status.open", language),
        })
    columns = [t(f"cq.col.{c}", language) for c in ("number", "step", "question", "answer",
                                                    "status")]
    return TextTable(pd.DataFrame(rows, columns=columns))


def describe_control_questions(checklist: pd.DataFrame, language: str | None = None) -> str:
    """Return one sentence: how many questions the room has answered, the open ones by step.

    Examples
    --------
    >>> from workbench.survey import control_checklist
    >>> describe_control_questions(control_checklist({13: "x"}, step=6), "en")
    '1 of 5 control questions answered; open by step: step 6: 4.'
    """
    open_ = checklist[~checklist["answered"]]
    counts = open_.groupby("step").size()
    listed = ", ".join(f"{t('cq.col.step', language).lower()} {s}: {n}"
                       for s, n in counts.items()) or t("cq.all_answered", language)
    return t("cq.summary", language, answered=int(checklist["answered"].sum()),
             total=len(checklist), open=listed)


def label_topics(voc: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`workbench.survey.voice_of_customer` output with the topics in ``language``.

    The topic keys ``keep``, ``change`` and ``interview`` become "what to keep", "what to
    change", "interview" (Russian: «что сохранить», «что изменить», «интервью»); attribute
    names are the client's own and stay as they are.

    Examples
    --------
    >>> voc = pd.DataFrame({"topic": ["keep", "Цена", "interview"], "text": ["a", "b", "c"]})
    >>> label_topics(voc, "ru")["topic"].tolist()
    ['что сохранить', 'Цена', 'интервью']
    """
    out = voc.copy()
    keys = {k: t(f"svq.measure.{k}", language) for k in ("keep", "change", "interview")}
    out["topic"] = out["topic"].map(lambda v: keys.get(v, v) if isinstance(v, str) else v
                                    ).astype(pd.StringDtype())
    return out


def instrument_file(data_dir: str | Path, name: str, language: str | None = None,
                    quiet: bool = False) -> Path | None:
    """Return the file of an instrument in ``data_dir``, or None after saying what is missing.

    Parameters
    ----------
    data_dir : str or Path
        The client's data folder.
    name : str
        One of :data:`workbench.survey.INSTRUMENT_FILES` (``"motivation"``, ``"key_clients"``,
        ``"survey_export"``, ``"questionnaire_spec"``, ``"interview_notes"``).
    language : {"en", "ru"}, optional
        Language of the message printed when the file is missing.
    quiet : bool, default False
        Print nothing.

    Returns
    -------
    Path or None
        As :func:`workbench.survey.find_instrument`.
    """
    found = find_instrument(data_dir, name)
    if found is None and not quiet:
        print(t("svq.instrument.missing", language, what=t(f"svq.instrument.{name}", language),
                folder=Path(data_dir).name,
                file=INSTRUMENT_FILES[name][0] + instrument_suffixes(name)[0]))
    return found


def survey_column_roles(report, language: str | None = None) -> pd.DataFrame:
    """Return how each column of a wide export was understood, in ``language``.

    What ``SurveyLoadReport.column_roles`` says: ``Column`` (the header as in the file) and
    what it was understood as (date, respondent id, measure × attribute, not used …).
    """
    lang = check_language(language)
    rows = []
    for r in report.columns.itertuples(index=False):
        if r.role == "answer":
            measure = t(f"svq.measure.{r.block}", lang)
            per_attribute = isinstance(r.attribute, str) and r.attribute.strip()
            how = (t("svq.load.role.answer", lang, measure=measure, attribute=r.attribute)
                   if per_attribute else t("svq.load.role.single", lang, measure=measure))
        else:
            how = t(f"svq.load.role.{r.role}", lang)
        if isinstance(r.note, Note) or (isinstance(r.note, str) and r.note):
            how = f"{how}: {say(r.note, lang)}"
        rows.append({t("svq.load.col.column", lang): r.column,
                     t("svq.load.col.understood", lang): how})
    return pd.DataFrame(rows)


def describe_survey_load(report, language: str | None = None) -> str:
    """Return a wide export's load report as plain text: what was read, kept and understood.

    What ``SurveyLoadReport.summary`` says: the form tool, whether a spec guided the reading,
    the load report of any file (rows kept, rejected, unreadable cells), then every column and
    what it was understood as.
    """
    lang = check_language(language)
    lines = [t("svq.load.title", lang, source=report.source,
               tool=t(f"svq.load.tool.{report.tool}", lang),
               rows=quantity(report.rows_read, "respondent_row", lang)),
             "  " + t(f"svq.load.guided.{report.guided_by}", lang)]
    base = LoadReport.summary(report, lang).splitlines()[1:]
    # the columns are listed below with what each was understood as, the unused ones last
    said_below = (f"{t('load.columns', lang)}:", f"{t('load.dropped_columns', lang)}:")
    lines += [ln for ln in base if not ln.strip().startswith(said_below)]
    lines.append("  " + t("load.columns", lang) + ":")
    for r in survey_column_roles(report, lang).itertuples(index=False):
        lines.append(f"    {r[0]} → {r[1]}")
    if report.unused_columns:
        lines.append("  " + t("svq.load.unused", lang) + ": " + ", ".join(report.unused_columns))
    return "\n".join(lines)


def format_survey_columns(report, language: str | None = None, n: int | None = None) -> TextTable:
    """Return how each column of a form tool's export was understood, every header in full.

    Parameters
    ----------
    report : SurveyLoadReport
        The load report of :func:`workbench.load_survey` on a wide export.
    language : {"ru", "en"}, optional
        Default: the current language.
    n : int, optional
        Only the first ``n`` columns.

    Returns
    -------
    TextTable
        Column (the export's header) and what it was understood as (date, respondent id,
        measure × attribute, not used …).
    """
    roles = survey_column_roles(report, language)
    return TextTable(roles if n is None else roles.head(n))


# ---------------------------------------------------------------------------------------------
# УКОР from the key clients' side (step 6)


def describe_ukor_comparison(comparison: UkorComparison, language: str | None = None) -> str:
    """Return both scores and levels, the themes we overrate and those the key clients rate higher.

    Parameters
    ----------
    comparison : UkorComparison
        From :func:`workbench.survey.compare_ukor`.
    language : {"ru", "en"}, optional
        Default: the current language.
    """
    lang = check_language(language)

    def themes(verdict: str) -> str:
        keys = [k for k, v in comparison.themes["verdict"].items() if v == verdict]
        return listing([quote(t(f"ukor.theme.{k}", lang), lang) for k in keys], lang) \
            if keys else t("ukor.none", lang)

    return t("ukorc.summary", lang, self_score=number(comparison.self_score, 0, lang),
             self_level=t(f"ukor.level.{comparison.self_level}", lang),
             client_score=number(comparison.client_score, 0, lang),
             n=number(comparison.n_clients, 0, lang),
             client_level=t(f"ukor.level.{comparison.client_level}", lang),
             threshold=quantity(comparison.threshold, "point", lang),
             overrated=themes("overrated"), underrated=themes("underrated"))


def format_ukor_comparison(comparison: UkorComparison, language: str | None = None) -> pd.DataFrame:
    """Return the comparison theme by theme as a display table in ``language``.

    Scores are whole points (0–100), blank where a side did not answer; the verdict says
    whether we overrate ourselves on the theme, underrate it, or agree with the key clients.
    """
    lang = check_language(language)
    th = comparison.themes
    return pd.DataFrame({
        t("ukorc.col.theme", lang): [t(f"ukor.theme.{k}", lang) for k in th.index],
        # whole points (0–100): no decimal mark to localise, blank where a side did not answer
        t("ukorc.col.self_score", lang): th["self_score"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.client_score", lang): th["client_score"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.gap", lang): th["gap"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.verdict", lang): ["" if pd.isna(v) else t(f"ukorc.verdict.{v}", lang)
                                       for v in th["verdict"]],
    })


def key_client_questionnaire(language: str | None = None, out: str | Path | None = None
                             ) -> str:
    """Return (and optionally write to ``out``) the short questionnaire for key clients.

    One statement per theme of the self-assessment, answered 0–4; the answers go into
    :func:`workbench.survey.compare_ukor` with the theme keys as columns. ``out`` may be a
    ``.txt`` or ``.html`` path.
    """
    lang = check_language(language)
    lines = [t("ukorc.title", lang), "", t("ukorc.intro", lang), ""]
    scale = f"0 ({t('ukorc.scale.0', lang)}) · 1 · 2 · 3 · 4 ({t('ukorc.scale.4', lang)})"
    for i, k in enumerate(KEY_CLIENT_QUESTIONS, start=1):
        lines += [f"{i}. {t(f'ukorc.q.{k}', lang)}", f"   {scale}", ""]
    text = "\n".join(lines).rstrip() + "\n"
    if out is not None:
        p = Path(out)
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.suffix.lower() in (".html", ".htm"):
            e = html.escape
            items = "".join(f"<li>{e(t(f'ukorc.q.{k}', lang))}<br>☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4</li>"
                            for k in KEY_CLIENT_QUESTIONS)
            p.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
                         f"<title>{e(t('ukorc.title', lang))}</title></head><body>"
                         f"<h1>{e(t('ukorc.title', lang))}</h1><p>{e(t('ukorc.intro', lang))}</p>"
                         f"<ol>{items}</ol></body></html>", encoding="utf-8")
        else:
            p.write_text(text, encoding="utf-8")
    return text


def key_client_headers() -> dict[str, str]:
    """Return the column headers that name a theme of the key clients' questionnaire.

    Header text -> theme key: each theme's name and its statement, in Russian and English (what
    a form tool puts at the top of a column when the questionnaire was pasted into it).
    """
    out: dict[str, str] = {}
    for k in KEY_CLIENT_QUESTIONS:
        for lang in LANGUAGES:
            out.setdefault(t(f"ukorc.q.{k}", lang), k)
            out.setdefault(t(f"ukor.theme.{k}", lang), k)
    return out


@functools.lru_cache(maxsize=1)
def _control_texts() -> tuple[tuple[str, int], ...]:
    return tuple((t(f"cq.q.{n}", lang), n)
                 for n in _control.CONTROL_QUESTIONS for lang in LANGUAGES)


def control_question_texts() -> dict[str, int]:
    """Return the texts of the course's 43 control questions, in Russian and English.

    Returns
    -------
    dict of str -> int
        Question text -> number (1-43), as :mod:`workbench.survey`'s control-question
        functions take it (``texts=``).

    Examples
    --------
    >>> texts = control_question_texts()
    >>> len(texts), texts["Парадоксы клиентоориентации."]
    (86, 40)
    """
    return dict(_control_texts())


def control_question_number(key: object) -> int:
    """Return the number (1-43) of a control question given as 13, "13", "q13" or its text.

    ``workbench.survey._control.question_number`` with :func:`control_question_texts`: the text may
    be Russian or English.

    Examples
    --------
    >>> control_question_number("Парадоксы клиентоориентации"), control_question_number("q7")
    (40, 7)
    """
    return _control.question_number(key, control_question_texts())


def control_answers(workshop: object) -> dict[int, str]:
    """Read the room's answers from a workshop file's ``control_questions:`` section.

    :func:`workbench.survey.control_answers` with :func:`control_question_texts`: a question
    may be given by its number or by its text in Russian or English.

    Returns
    -------
    dict of int -> str
        Non-empty answers by question number.
    """
    return _control.control_answers(workshop, control_question_texts())


def control_checklist(answers: Mapping[int, str] | str | Path | None = None,
                      step: int | None = None) -> pd.DataFrame:
    """Return the checklist of the 43 control questions with the room's answers.

    :func:`workbench.survey.control_checklist` with :func:`control_question_texts`: questions
    in a workshop file may be given by their text in Russian or English.

    Returns
    -------
    DataFrame
        Index ``number`` (1-43); ``step``, ``topic``, ``answer`` and ``answered``.
    """
    return _control.control_checklist(answers, step, control_question_texts())


def load_key_client_answers(source: str | Path | pd.DataFrame,
                            headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read the key clients' answers, with columns headed by keys, theme names or statements.

    :func:`workbench.survey.load_key_client_answers` with :func:`key_client_headers` (and
    ``headers``, if given): a file whose columns carry the statements' texts in Russian or
    English, as a form tool exports them, is read without renaming a column.

    Returns
    -------
    DataFrame
        ``client`` and the theme keys found, as numbers (blank = no opinion).
    """
    return _ukor.load_key_client_answers(source, {**key_client_headers(), **(headers or {})})


register_survey_texts(
    survey_texts=_questionnaire.survey_texts,
    spec_to_yaml=_questionnaire.spec_to_yaml,
    write_export=_survey_export.write_export,
    motivation_headers=_motivation.motivation_headers,
    make_motivation_sample=_motivation.make_motivation_sample,
    survey_column_roles=survey_column_roles,
    describe_survey_load=describe_survey_load,
    control_question_texts=control_question_texts,
)

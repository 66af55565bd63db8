"""The internal clients' motivation survey in words: the form, the sample, the sentence, the table.

:mod:`workbench.survey._internal` computes with the ten factors' keys (Kovach, 1987); here are
their names (``mot.factor.<key>``), the survey to hand out and its Excel form (what
:func:`workbench.survey.load_motivation` reads back), the sample's survey as that form collects
it, and :func:`workbench.survey.motivation_gaps` read in plain words and as a display table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from workbench.i18n import LANGUAGES, check_language, t
from workbench.narrative._format import decimal, numbers, quantity, quote
from workbench.narrative._table import TextTable
from workbench.survey._internal import (
    KOVACH_EMPLOYEES,
    KOVACH_FACTORS,
    ROLES,
    motivation_sample,
)

__all__ = (
    "describe_motivation",
    "format_motivation",
    "make_motivation_sample",
    "motivation_headers",
    "motivation_questionnaire_text",
    "write_motivation_questionnaire",
)


def motivation_headers() -> dict[str, str]:
    """Return the factors' names in every language: header text -> factor key.

    What :func:`workbench.survey.load_motivation` recognises a form's columns by.

    Examples
    --------
    >>> motivation_headers()["Интересная работа"], motivation_headers()["Interesting work"]
    ('interesting_work', 'interesting_work')
    """
    return {t(f"mot.factor.{f}", lang): f for f in KOVACH_FACTORS for lang in LANGUAGES}


def _names(keys: Sequence[str], lang: str) -> str:
    """The factors' names, quoted in Russian, bare in English; "nothing" for none."""
    return ", ".join(quote(t(f"mot.factor.{k}", lang), lang) if lang == "ru"
                     else t(f"mot.factor.{k}", lang) for k in keys) or t("mot.none", lang)


def describe_motivation(gaps: pd.DataFrame, language: str | None = None,
                        waves: pd.DataFrame | None = None) -> str:
    """Read :func:`workbench.survey.motivation_gaps` (and :func:`~workbench.survey.motivation_waves`).

    Parameters
    ----------
    gaps : DataFrame
        From :func:`workbench.survey.motivation_gaps`.
    language : {"ru", "en"}, optional
        Default: the current language.
    waves : DataFrame, optional
        From :func:`workbench.survey.motivation_waves`: with two waves or more, the factors
        whose ratings rose and fell most are named.

    Returns
    -------
    str
        Who answered, how far the two views agree (Spearman's rank correlation), the factors
        management under- and overestimates, the employees' first three against Kovach's.
    """
    lang = check_language(language)
    rho = gaps.attrs.get("rho", float("nan"))
    under = [k for k, v in gaps["verdict"].items() if v == "underestimated"]
    over = [k for k, v in gaps["verdict"].items() if v == "overestimated"]
    parts = [t("mot.summary", lang,
               n_employees=quantity(gaps.attrs.get("n_employees", 0), "employee", lang),
               n_managers=quantity(gaps.attrs.get("n_managers", 0), "manager", lang),
               rho=decimal(rho, 2, lang), under=_names(under, lang), over=_names(over, lang))]
    top = list(gaps.index[:3])
    kovach = sorted(KOVACH_EMPLOYEES, key=KOVACH_EMPLOYEES.get)[:3]
    parts.append(t("mot.summary.top", lang, top=_names(top, lang), kovach=_names(kovach, lang)))
    if waves is not None and waves.shape[1] >= 2:
        change = (waves.iloc[:, -1] - waves.iloc[:, 0]).dropna()
        if len(change):
            parts.append(t("mot.summary.waves", lang, first=waves.columns[0],
                           last=waves.columns[-1],
                           up=t(f"mot.factor.{change.idxmax()}", lang),
                           down=t(f"mot.factor.{change.idxmin()}", lang)))
    return " ".join(parts)


_NUMBER_COLUMNS = ("employees_mean", "employees_rank", "managers_mean", "managers_rank",
                   "rank_gap", "kovach_employees", "kovach_managers")


def format_motivation(gaps: pd.DataFrame, language: str | None = None) -> TextTable:
    """Return :func:`workbench.survey.motivation_gaps` as a display table in ``language``.

    One row per factor, in the employees' order: its name, both views' mean (one decimal) and
    rank, the rank gap, Kovach's two ranks and the reading. The rows are the factors, so the
    table shows no row index (:class:`~workbench.narrative.TextTable`).
    """
    lang = check_language(language)
    out = pd.DataFrame({
        t("mot.col.factor", lang): [t(f"mot.factor.{k}", lang) for k in gaps.index],
        **{t(f"mot.col.{c}", lang): gaps[c].to_numpy() for c in _NUMBER_COLUMNS},
        t("mot.col.verdict", lang): [t(f"mot.verdict.{v}", lang) for v in gaps["verdict"]],
    })
    # means to one decimal, ranks whole, a true minus
    places = {t(f"mot.col.{c}", lang): 1 if c.endswith("_mean") else 0 for c in _NUMBER_COLUMNS}
    return TextTable(numbers(out, places, lang))


def motivation_questionnaire_text(language: str | None = None) -> str:
    """Return the motivation survey as text: the instructions per role and the ten factors."""
    lang = check_language(language)
    lines = [t("mot.title", lang), ""]
    for role in ROLES:
        lines += [f"{t(f'mot.role.{role}', lang).capitalize()}: {t(f'mot.intro.{role}', lang)}", ""]
    lines += [f"{i}. {t(f'mot.factor.{f}', lang)}: ____" for i, f in
              enumerate(KOVACH_FACTORS, start=1)]
    return "\n".join(lines) + "\n"


def write_motivation_questionnaire(out: str | Path, language: str = "ru",
                                   respondents: int = 30) -> list[Path]:
    """Write the motivation survey: a text to hand out and an Excel form to collect answers.

    The Excel form has a role column, a wave column and the ten factors; it is what
    :func:`workbench.survey.load_motivation` reads back. Returns the files written.
    """
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = check_language(language)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / "motivation_survey.txt"
    txt.write_text(motivation_questionnaire_text(lang), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.title = t("mot.title", lang)[:31].rstrip("?")
    ws.append([t("mot.q.role", lang), t("mot.q.wave", lang)]
              + [t(f"mot.factor.{f}", lang) for f in KOVACH_FACTORS])
    roles = ",".join(t(f"mot.role.{r}", lang) for r in ROLES)
    dv = DataValidation(type="list", formula1=f'"{roles}"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"A2:A{respondents + 1}")
    score = DataValidation(type="whole", operator="between", formula1="1", formula2="10",
                           allow_blank=True)
    ws.add_data_validation(score)
    score.add(f"C2:L{respondents + 1}")
    xlsx = folder / "motivation_survey.xlsx"
    wb.save(xlsx)
    return [txt, xlsx]


def make_motivation_sample(seed: int = 0, n_employees: int = 40, n_managers: int = 6,
                           waves: Sequence[str] = ("2025-H1", "2025-H2"),
                           language: str = "ru") -> pd.DataFrame:
    """Return a fictional motivation survey as the Excel form collects it (one row each).

    :func:`workbench.survey._internal.motivation_sample` (employees' ratings follow Kovach's
    employees' order with noise, managers' his supervisors' order; in the second wave the
    employees rate promotion higher and job security lower; deterministic for a seed) with the
    form's headers and role names in ``language``.
    """
    lang = check_language(language)
    frame = motivation_sample(seed, n_employees, n_managers, waves)
    frame["role"] = [t(f"mot.role.{r}", lang) for r in frame["role"]]
    return frame.rename(columns={"role": t("mot.q.role", lang), "wave": t("mot.q.wave", lang),
                                 **{f: t(f"mot.factor.{f}", lang) for f in KOVACH_FACTORS}})

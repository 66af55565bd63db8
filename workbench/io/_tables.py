"""The five public loaders, one per canonical table."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from workbench.io._load import load_table
from workbench.io._report import LoadReport

__all__ = (
    "load_customers",
    "load_feedback",
    "load_leads",
    "load_survey",
    "load_transactions",
)

_OPTIONS = """
    Parameters
    ----------
    source : str, Path or DataFrame
        A ``.csv``, ``.tsv``, ``.txt``, ``.xlsx`` or ``.parquet`` file, or a DataFrame.
    columns : dict, optional
        ``{source column: canonical column}``; always wins over automatic recognition.
        Map a column to ``None`` to drop it.
    mapping : str, Path or dict, optional
        A YAML/JSON mapping file (flat or nested by table, see :func:`load_mapping`) or the
        same as a dict. ``columns`` entries override it.
    encoding : str, optional
        Text encoding; by default detected (utf-8, utf-8 with BOM, else cp1251).
    sep : str, optional
        Delimiter; by default sniffed among ``;``, tab, ``,`` and ``|``.
    decimal : {None, ".", ","}
        Decimal mark; by default detected from the numbers themselves.
    date_format : str, optional
        A ``strftime`` format such as ``"%d.%m.%Y"``; by default each value's notation is
        recognised (ISO, dd.mm.yyyy, dd.mm.yy, dd/mm/yyyy, yyyymmdd, Excel dates and serials,
        with or without time).
    dayfirst : bool, optional
        How to read ``01/02/2024`` when no value of the column shows the order (no number
        above 12 in the first or second place; the order is otherwise decided from all
        values). Default: the mapping's ``options: dayfirst``, else True. The report says when
        it was needed (dd.mm.yyyy is always day first).
    duplicates : {"keep", "drop"}, default "keep"
        Exact duplicate rows are always reported (``report.duplicates``); ``"drop"`` also
        rejects all but the first, with reason ``exact duplicate of row N``.
    pseudonymize_key : str or bytes, optional
        If given, identifiers are replaced at load time by keyed-hash pseudonyms
        (HMAC-SHA256: ``customer_id`` -> ``"C" + 10 hex digits``, ``respondent_id`` ->
        ``"R" + ...``). The same key gives the same pseudonym in every table, so joins still
        work. Unmapped extra columns and customer names are dropped/blanked. Nothing is sent
        anywhere.
    sheet_name : str or int, default 0
        Excel sheet to read.

    Returns
    -------
    frame : DataFrame
        The canonical columns present, in schema order and with canonical dtypes, followed by
        unmapped source columns (as strings). Rejected rows are not in it.
    report : LoadReport
        What was detected, kept and rejected (``rows_read == rows_kept + len(rejected)``).

    Raises
    ------
    MissingColumnsError
        A required column cannot be found (names the file, the column and the columns found),
        or the mapping names a column that is not in the file.
    DataFileError
        The file is missing, empty, unreadable or of an unknown type.
"""


def _doc(summary: str, body: str) -> str:
    return summary + "\n\n" + body.strip("\n") + "\n" + _OPTIONS


def load_transactions(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: str | Path | Mapping | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
) -> tuple[pd.DataFrame, LoadReport]:
    return load_table(
        "transactions", source, columns=columns, mapping=mapping, encoding=encoding, sep=sep,
        decimal=decimal, date_format=date_format, dayfirst=dayfirst, duplicates=duplicates,
        pseudonymize_key=pseudonymize_key, sheet_name=sheet_name,
    )


load_transactions.__doc__ = _doc(
    "Load a sales export as the canonical transactions table.",
    """
    Required: ``customer_id``, ``date``, ``amount`` (negative = a return). Optional:
    ``order_id``, ``quantity``, ``cost``, ``product``, ``channel``. A row with no customer, an
    impossible date or an amount that is not a number is rejected with a reason; a bad value in
    an optional column is set to missing and listed in ``report.invalid_values``.

    Examples
    --------
    >>> tx, report = load_transactions(                                  # doctest: +SKIP
    ...     "1c_export.csv",
    ...     columns={"Контрагент": "customer_id", "Дата": "date", "Сумма": "amount"})
    >>> print(report)                                                    # doctest: +SKIP
    """,
)


def load_customers(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: str | Path | Mapping | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
) -> tuple[pd.DataFrame, LoadReport]:
    return load_table(
        "customers", source, columns=columns, mapping=mapping, encoding=encoding, sep=sep,
        decimal=decimal, date_format=date_format, dayfirst=dayfirst, duplicates=duplicates,
        pseudonymize_key=pseudonymize_key, sheet_name=sheet_name,
    )


load_customers.__doc__ = _doc(
    "Load a CRM export as the canonical customers table.",
    """
    Required: ``customer_id``. Optional: ``name``, ``type`` (B2B/B2C), ``segment``,
    ``region``, ``source`` (where the client heard of us), ``signup_date``.
    """,
)


def load_survey(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: str | Path | Mapping | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
    scale: tuple[int, int] = (1, 5),
    spec: object = None,
) -> tuple[pd.DataFrame, LoadReport]:
    from workbench.survey import is_wide_export, read_wide_survey  # wide form-tool exports

    if columns is None and mapping is None and (spec is not None or is_wide_export(
            source, encoding=encoding, sep=sep, sheet_name=sheet_name)):
        return read_wide_survey(source, spec=spec, encoding=encoding, sep=sep,
                                sheet_name=sheet_name, scale=None if scale == (1, 5) else scale,
                                pseudonymize_key=pseudonymize_key)
    return load_table(
        "survey", source, columns=columns, mapping=mapping, encoding=encoding, sep=sep,
        decimal=decimal, date_format=date_format, dayfirst=dayfirst, duplicates=duplicates,
        pseudonymize_key=pseudonymize_key, sheet_name=sheet_name, scale=scale,
    )


load_survey.__doc__ = _doc(
    "Load survey answers (long format) as the canonical survey table.",
    """
    One row per respondent x attribute. Required: ``respondent_id``, ``attribute``. Kano
    answers may be codes 1-5 or the answer texts in Russian or English ("Мне нравится",
    "I like it", ... see :data:`workbench.schema.KANO_ANSWERS`); they are coded 1-5. Scores
    outside ``scale`` (``importance``, ``performance``, ``expectation``,
    ``competitor_performance``; default 1-5) and NPS outside 0-10 are set to missing and
    listed in ``report.invalid_values``. Pass ``scale=(1, 10)`` for a 10-point questionnaire.

    Wide exports of form tools (Google Forms CSV, Yandex Forms XLSX, SurveyMonkey CSV/XLSX with
    two header rows; one row per respondent) are recognised and read by
    :func:`workbench.survey.read_wide_survey`, guided by ``spec`` (the questionnaire spec
    written by ``workbench questionnaire``) when given; the report is then a
    :class:`workbench.survey.SurveyLoadReport` counted in respondent rows.
    """,
).replace(
    "    sheet_name : str or int, default 0\n        Excel sheet to read.\n",
    "    sheet_name : str or int, default 0\n        Excel sheet to read.\n"
    "    scale : (int, int), default (1, 5)\n        Lowest and highest valid score.\n"
    "    spec : QuestionnaireSpec, dict, str or Path, optional\n        The questionnaire spec "
    "of a wide export (see :func:`workbench.survey.read_wide_survey`).\n",
)


def load_feedback(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: str | Path | Mapping | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
) -> tuple[pd.DataFrame, LoadReport]:
    return load_table(
        "feedback", source, columns=columns, mapping=mapping, encoding=encoding, sep=sep,
        decimal=decimal, date_format=date_format, dayfirst=dayfirst, duplicates=duplicates,
        pseudonymize_key=pseudonymize_key, sheet_name=sheet_name,
    )


load_feedback.__doc__ = _doc(
    "Load a log of contacts and complaints as the canonical feedback table.",
    """
    Required: ``customer_id``, ``date``, ``kind``. ``kind`` is a category of complaint,
    question, praise, refusal; Russian words are recognised (жалоба/претензия, вопрос,
    благодарность, отказ; see :data:`FEEDBACK_KIND_SYNONYMS`). An empty ``resolved_date``
    means unresolved.
    """,
)


def load_leads(
    source: str | Path | pd.DataFrame,
    *,
    columns: Mapping[str, str | None] | None = None,
    mapping: str | Path | Mapping | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    date_format: str | None = None,
    dayfirst: bool | None = None,
    duplicates: str = "keep",
    pseudonymize_key: str | bytes | None = None,
    sheet_name: str | int = 0,
) -> tuple[pd.DataFrame, LoadReport]:
    return load_table(
        "leads", source, columns=columns, mapping=mapping, encoding=encoding, sep=sep,
        decimal=decimal, date_format=date_format, dayfirst=dayfirst, duplicates=duplicates,
        pseudonymize_key=pseudonymize_key, sheet_name=sheet_name,
    )


load_leads.__doc__ = _doc(
    "Load the sales funnel as the canonical leads table.",
    """
    Required: ``lead_id``, ``stage``, ``date``. ``stage`` is an ordered category
    call < proposal < meeting < deal; Russian words are recognised (звонок, КП/предложение,
    встреча, сделка; see :data:`LEAD_STAGE_SYNONYMS`).
    """,
)

"""The loaders in words: load reports, rejected rows, warnings and the data summary.

The loaders (:mod:`workbench.io`) return data: counts, the format found, and
:class:`~workbench.io._messages.Note` records (a catalogue code and its values) for every
warning and every reason a row was rejected or a value blanked. This module says them in the
audience's language — the plain-text and HTML load report, the rejected-rows and
invalid-values tables, the folder summary and ``summary.md`` — and registers itself with the
loaders so that ``print(report)`` and ``str(note)`` read as sentences.
"""

from __future__ import annotations

import html
import sys
from typing import Any

import pandas as pd

from workbench.i18n import check_language, has, t
from workbench.io._messages import Note, register_text_layer
from workbench.narrative._format import count, percent, quantity

__all__ = (
    "date_format_label",
    "describe_folder_report",
    "describe_load",
    "describe_load_report",
    "format_invalid",
    "format_rejected",
    "folder_report_html",
    "load_report_html",
    "rejected_by_reason",
    "render_note",
    "say",
    "summary_markdown",
)

_DELIM_KEYS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_DECIMAL_KEYS = {",": "comma", ".": "point"}
#: Parameters of the date warnings that hold a date-format code.
_FORMAT_PARAMS = ("fmt_a", "fmt_b", "used", "other")


# --------------------------------------------------------------------------------------------
# notes and codes


def say(message: Any, language: str | None = None) -> Any:
    """``message`` in ``language``: a Note is said, a tuple or list of them joined with commas,
    anything else (a plain text) is returned unchanged."""
    if isinstance(message, Note):
        return render_note(message, language)
    if isinstance(message, tuple | list):
        return ", ".join(str(say(m, language)) for m in message)
    return message


def render_note(note: Note, language: str | None = None) -> str:
    """The sentence of a loader's :class:`~workbench.io._messages.Note` in ``language``.

    Examples
    --------
    >>> from workbench.io._messages import Note
    >>> render_note(Note("load.warn.rows_above_header", n=2, line=3), "en")
    'skipped 2 row(s) above the header; the header is row 3'
    >>> render_note(Note("load.reason.duplicate", row=4), "ru")
    'полный дубликат строки 4'
    """
    lang = check_language(language)
    if note.code == "load.reasons":  # a row with several problems
        return "; ".join(str(say(r, lang)) for r in note.params.get("reasons", ()))
    params = {k: say(v, lang) for k, v in note.params.items()}
    if note.code.startswith("load.warn.dates_"):
        for k in _FORMAT_PARAMS:
            if isinstance(params.get(k), str):
                params[k] = date_format_label(params[k], lang)
    return t(note.code, lang, **params)


#: Format codes that are names, not patterns: date cells of a workbook, serial day numbers,
#: date-time values of a DataFrame.
_NAMED_FORMATS = {"Excel date": "load.datefmt.excel_date",
                  "Excel serial number": "load.datefmt.excel_serial",
                  "datetime values": "load.datefmt.datetime"}
_DATE_TOKENS_RU = (("yyyy", "ГГГГ"), ("yy", "ГГ"), ("mm", "ММ"), ("dd", "ДД"))
_TIME_TOKENS_RU = (("hh", "чч"), ("mm", "мм"), ("ss", "сс"))


def _one_format(code: str, lang: str) -> str:
    code = code.strip()
    if code in _NAMED_FORMATS:
        return t(_NAMED_FORMATS[code], lang)
    if lang != "ru":
        return code
    date_part, _, time_part = code.partition(" ")
    for a, b in _DATE_TOKENS_RU:
        date_part = date_part.replace(a, b)
    for a, b in _TIME_TOKENS_RU:
        time_part = time_part.replace(a, b)
    return f"{date_part} {time_part}".strip()


def date_format_label(code: str | None, language: str | None = None) -> str:
    """A date-format code of a load report as the audience reads it.

    ``dd.mm.yyyy hh:mm`` stays as it is in English and reads ``ДД.ММ.ГГГГ чч:мм`` in Russian;
    ``Excel date`` (date cells of a workbook) and ``Excel serial number`` are named; a column
    with several notations lists them (``a / b``).

    Examples
    --------
    >>> date_format_label("dd.mm.yyyy hh:mm", "ru"), date_format_label("mm/dd/yy", "en")
    ('ДД.ММ.ГГГГ чч:мм', 'mm/dd/yy')
    >>> date_format_label("Excel date / yyyy-mm-dd", "ru")
    'ячейки дат Excel / ГГГГ-ММ-ДД'
    """
    if code is None:
        return ""
    lang = check_language(language)
    return " / ".join(_one_format(part, lang) for part in str(code).split(" / "))


def _source_names(report: Any) -> dict[str, str]:
    """canonical column -> the column as the file calls it."""
    return {canon: src for src, canon in (getattr(report, "mapping", None) or {}).items()}


def _problem_label(problem: str, column: str, names: dict[str, str], lang: str) -> str:
    problem, column = str(problem).strip(), str(column).strip()
    key = f"load.problem.{problem}"
    return t(key, lang, column=names.get(column, column))


# --------------------------------------------------------------------------------------------
# the load report


def count_text(n: Any, language: str | None = None) -> str:
    """A count of a load report: ``12,345`` in English, ``12 345`` (narrow no-break space) in
    Russian."""
    text = f"{int(n):,}"
    return text.replace(",", "\u202f") if check_language(language) == "ru" else text


def amount_text(x: Any, language: str | None = None) -> str:
    """An amount of the data summary: ``12,345.60`` in English, ``12 345,60`` in Russian."""
    text = f"{float(x):,.2f}"
    if check_language(language) == "ru":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def rejected_by_reason(report: Any, language: str | None = None) -> pd.Series:
    """Count a load report's rejected rows by problem and column, labelled in ``language``.

    Parameters
    ----------
    report : LoadReport
    language : {"en", "ru"}, optional
        Default: the current language.

    Returns
    -------
    pandas.Series
        Rows per label (``"Дата: не дата"``: the column as the file calls it), largest first;
        the first problem of a row with several counts.
    """
    lang = check_language(language)
    codes = report.problem_counts()
    if not len(codes):
        return pd.Series(dtype="int64", name="rows")
    names = _source_names(report)
    labels = [_problem_label(p, c, names, lang) for p, c in codes.index]
    counts = pd.Series(codes.to_numpy(), index=labels, dtype="int64")
    counts = counts.groupby(level=0, sort=False).sum().sort_values(ascending=False, kind="stable")
    counts.name = "rows"
    return counts


def _facts(report: Any, lang: str) -> list[tuple[str, str]]:
    names = _source_names(report)
    facts = [
        (t("load.rows_read", lang), count_text(report.rows_read, lang)),
        (t("load.rows_kept", lang), count_text(report.rows_kept, lang)),
        (t("load.rows_rejected", lang), count_text(report.rows_rejected, lang)),
    ]
    if report.encoding:
        facts.append((t("load.encoding", lang), report.encoding))
    if report.delimiter:
        key = _DELIM_KEYS.get(report.delimiter)
        facts.append((t("load.delimiter", lang),
                      t(f"load.delim.{key}", lang) if key else repr(report.delimiter)))
    if report.decimal:
        key = _DECIMAL_KEYS.get(report.decimal)
        facts.append((t("load.decimal", lang),
                      t(f"load.decimal.{key}", lang) if key else repr(report.decimal)))
    for column, code in (report.date_formats or {}).items():
        facts.append((t("load.date_format_in", lang, column=names.get(column, column)),
                      date_format_label(code, lang)))
    if report.header_row and report.header_row != 1:
        facts.append((t("load.header_row", lang), str(report.header_row)))
    auto = t("load.auto", lang)
    cols = ", ".join(
        (f"{s} → {c}" if s != c else c) + (f" ({auto})" if s in report.auto_mapped else "")
        for s, c in report.mapping.items()
    )
    facts.append((t("load.columns", lang), cols))
    if report.extra_columns:
        facts.append((t("load.extra_columns", lang), ", ".join(report.extra_columns)))
    if report.dropped_columns:
        facts.append((t("load.dropped_columns", lang), ", ".join(report.dropped_columns)))
    action = t("load.duplicates_dropped" if report.duplicates_dropped else "load.duplicates_kept",
               lang)
    facts.append(("", t("load.duplicates", lang, n=count_text(report.n_duplicates, lang),
                        action=action)))
    if len(report.invalid_values):
        facts.append(("", t("load.invalid_values", lang,
                            n=count_text(len(report.invalid_values), lang))))
    if report.pseudonymised:
        facts.append(("", t("load.pseudonymised", lang)))
    return facts


def _title(report: Any, lang: str) -> str:
    return t("load.report_title", lang, table=_table_name(report.table, lang),
             source=report.source)


def _table_name(table: str, lang: str) -> str:
    key = f"ws.table.{table}"
    return t(key, lang) if has(key) else table


def describe_load_report(report: Any, language: str | None = None) -> str:
    """The plain-text load report in ``language`` (what ``report.summary(language)`` says).

    Parameters
    ----------
    report : LoadReport
    language : {"en", "ru"}, optional
        Default: the current language.

    Returns
    -------
    str
        The title, the facts (rows read, kept, rejected; encoding, delimiter, decimal mark, the
        date format of each date column, the columns), the rejected rows by reason and the
        warnings, one per line.
    """
    lang = check_language(language)
    lines = [_title(report, lang)]
    for k, v in _facts(report, lang):
        lines.append(f"  {k}: {v}" if k else f"  {v}")
    by = rejected_by_reason(report, lang)
    if len(by):
        lines.append("  " + t("load.rejected_by_reason", lang) + ":")
        lines += ["    " + t("load.reason_count", lang, label=label, n=count_text(n, lang))
                  for label, n in by.items()]
    if report.warnings:
        lines.append("  " + t("load.warnings", lang) + ":")
        lines += [f"    - {say(w, lang)}" for w in report.warnings]
    return "\n".join(lines)


def load_report_html(report: Any, language: str | None = None) -> str:
    """The load report as HTML (a notebook's rich view of a LoadReport) in ``language``."""
    lang = check_language(language)
    esc = html.escape
    parts = ["<div class='workbench-load-report'>", f"<b>{esc(_title(report, lang))}</b>",
             "<table>"]
    for k, v in _facts(report, lang):
        parts.append(f"<tr><th style='text-align:left'>{esc(k)}</th>"
                     f"<td style='text-align:left'>{esc(v)}</td></tr>")
    parts.append("</table>")
    by = rejected_by_reason(report, lang)
    if len(by):
        parts.append(f"<p><b>{esc(t('load.rejected_by_reason', lang))}</b></p><ul>")
        parts += [f"<li>{esc(t('load.reason_count', lang, label=label, n=count_text(n, lang)))}"
                  "</li>" for label, n in by.items()]
        parts.append("</ul>")
        parts.append(f"<p><b>{esc(t('load.first_rejected', lang))}</b></p>")
        parts.append(format_rejected(report, lang, rows=5).to_html())
    if report.warnings:
        parts.append(f"<p><b>{esc(t('load.warnings', lang))}</b></p><ul>")
        parts += [f"<li>{esc(str(say(w, lang)))}</li>" for w in report.warnings]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# display tables


def format_rejected(report: Any, language: str | None = None, rows: int | None = 10):
    """Return the rejected rows of a load report as a table for the person who owns the source.

    Parameters
    ----------
    report : LoadReport
        What a loader returned.
    language : {"en", "ru"}, optional
        Language of the headers, problem labels and reasons (default: the current language).
    rows : int or None
        How many rows to show (None: all).

    Returns
    -------
    pandas.DataFrame
        Indexed by the row number in the file: the problem (translated, naming the column as
        the file calls it), the reason, then the row's values as they are in the file.
    """
    lang = check_language(language)
    rejected = report.rejected
    if rows is not None:
        rejected = rejected.head(rows)
    if not len(rejected):
        return pd.DataFrame(columns=[t("load.col.problem", lang), t("load.col.reason", lang)])
    names = _source_names(report)
    blank = [""] * len(rejected)  # a report-like object may lack the codes (``reason`` only)
    problems = [
        "; ".join(_problem_label(p, c, names, lang)
                  for p, c in zip(str(problem).split(";"), str(column).split(";") + [""] * 9,
                                  strict=False)) if problem else ""
        for problem, column in zip(rejected.get("problem", blank), rejected.get("column", blank),
                                   strict=True)
    ]
    values = rejected.drop(columns=[c for c in ("row", "column", "problem", "reason", "_pos")
                                    if c in rejected.columns])
    table = pd.concat([
        pd.DataFrame({t("load.col.problem", lang): problems,
                      t("load.col.reason", lang): [str(say(r, lang)) for r in rejected["reason"]]},
                     index=values.index),
        values,
    ], axis=1)
    rows_in_file = rejected["row"].tolist() if "row" in rejected.columns else list(rejected.index)
    table.index = pd.Index(rows_in_file, name=t("load.col.row", lang))
    return table


def format_invalid(report: Any, language: str | None = None, rows: int | None = 10):
    """Return the values a loader set to missing (``report.invalid_values``) as a display table.

    Parameters
    ----------
    report : LoadReport
    language : {"en", "ru"}, optional
        Language of the headers, problem labels and reasons (default: the current language).
    rows : int or None
        How many rows to show (None: all).

    Returns
    -------
    pandas.DataFrame
        Indexed by the row number in the file: the column (as the file calls it), the value as
        read, the problem and the reason. The rows themselves were kept.
    """
    lang = check_language(language)
    inv = report.invalid_values
    if rows is not None:
        inv = inv.head(rows)
    headers = [t(f"load.col.{c}", lang) for c in ("column", "value", "problem", "reason")]
    if not len(inv):
        return pd.DataFrame(columns=headers)
    names = _source_names(report)
    table = pd.DataFrame({
        headers[0]: [names.get(str(c), str(c)) for c in inv["column"]],
        headers[1]: inv["value"].astype(object).tolist(),
        headers[2]: [_problem_label(p, c, names, lang)
                     for p, c in zip(inv["problem"], inv["column"], strict=True)],
        headers[3]: [str(say(r, lang)) for r in inv["reason"]],
    })
    table.index = pd.Index(inv["row"].tolist(), name=t("load.col.row", lang))
    return table


# --------------------------------------------------------------------------------------------
# sentences for notebooks


def _reason_counts(rejected: Any) -> dict[str, int]:
    if rejected is None or len(rejected) == 0:
        return {}
    column = "reason" if "reason" in rejected.columns else rejected.columns[-1]
    counts = rejected[column].map(lambda v: str(say(v))).value_counts()
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {str(k): int(v) for k, v in items}


def describe_load(report: Any, language: str | None = None, name: str | None = None) -> str:
    """Read a LoadReport aloud: rows read, kept and rejected, the reasons, the format found.

    Parameters
    ----------
    report : LoadReport
        From a ``workbench.load_*`` loader (``rows_read``, ``rows_kept``, ``rejected``; the
        optional ``encoding``, ``delimiter``, ``decimal``, ``date_format``, ``duplicates`` are
        used when present).
    language : {"en", "ru"}, optional
    name : str, optional
        What to call the table (default: ``report.table`` or "data").

    Returns
    -------
    str
        A few sentences whose numbers all come from the report.
    """
    language = check_language(language)
    table = getattr(report, "table", None)
    name = name or (_table_name(table, language) if table else None) or "data"
    read, kept = int(report.rows_read), int(report.rows_kept)
    rejected = getattr(report, "rejected", None)
    n_rej = 0 if rejected is None else len(rejected)
    lines = [t("ws.load.summary", language, name=name, read=quantity(read, "row", language),
               kept=count(kept, language), kept_pct=percent(kept / read if read else 1.0, 1, language),
               rejected=count(n_rej, language))]
    details = []
    for attr in ("encoding", "delimiter", "decimal", "date_format"):
        value = getattr(report, attr, None)
        if value not in (None, ""):
            if attr == "date_format":
                value = date_format_label(value, language)
            details.append(f"{t(f'ws.fmt.{attr}', language)} {value!r}")
    if details:
        lines.append(t("ws.load.format", language, details=", ".join(details)))
    if callable(getattr(report, "problem_counts", None)):
        by_reason = rejected_by_reason(report, language)
        reasons = {str(k): int(v) for k, v in by_reason.items()}
    else:
        reasons = _reason_counts(rejected)
    if reasons:
        lines.append(t("ws.load.reasons", language,
                       reasons="; ".join(f"{r} — {count(n, language)}" for r, n in reasons.items())))
        top, n_top = next(iter(reasons.items()))
        lines.append(t("ws.load.top_reason", language, reason=top,
                       rows=quantity(n_top, "row", language)))
    else:
        lines.append(t("ws.load.all_kept", language))
    duplicates = getattr(report, "duplicates", None)
    if duplicates is not None:
        n_dup = duplicates if isinstance(duplicates, int) else len(duplicates)
        lines.append(t("ws.load.duplicates", language, n=count(n_dup, language)))
    return " ".join(lines)


# --------------------------------------------------------------------------------------------
# the folder


def describe_folder_report(folder: Any, language: str | None = None) -> str:
    """Plain-text summary of a loaded folder (``DataFolder.summary``): one line per table, then
    the missing ones and the folder's warnings."""
    lang = check_language(language)
    lines = [t("load.folder_title", lang, path=folder.path.name)]
    for name, rep in folder.reports.items():
        lines.append("  " + t("load.summary_table_rows", lang,
                              table=f"{_table_name(name, lang)} ({rep.source})",
                              kept=count_text(rep.rows_kept, lang),
                              rejected=count_text(rep.rows_rejected, lang)))
    if folder.missing:
        lines.append("  " + t("load.missing_tables", lang,
                              tables=", ".join(_table_name(m, lang) for m in folder.missing)))
    lines += [f"  - {say(w, lang)}" for w in folder.warnings]
    return "\n".join(lines)


def folder_report_html(folder: Any, language: str | None = None) -> str:
    """A loaded folder as HTML (a notebook's rich view of a DataFolder) in ``language``."""
    lang = check_language(language)
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(_table_name(n, lang))}</td><td>{esc(r.source)}</td>"
        + "".join(f"<td>{count_text(v, lang)}</td>"
                  for v in (r.rows_read, r.rows_kept, r.rows_rejected, r.n_duplicates))
        + "</tr>"
        for n, r in folder.reports.items()
    )
    heads = ("load.table", "load.file", "load.rows_read", "load.rows_kept", "load.rows_rejected",
             "load.col.duplicates")
    head = "<tr>" + "".join(f"<th>{esc(t(k, lang))}</th>" for k in heads) + "</tr>"
    out = [f"<b>{esc(t('load.folder_title', lang, path=folder.path.name))}</b>",
           f"<table>{head}{rows}</table>"]
    if folder.missing:
        missing = ", ".join(_table_name(m, lang) for m in folder.missing)
        out.append(f"<p>{esc(t('load.missing_tables', lang, tables=missing))}</p>")
    if folder.warnings:
        out.append("<ul>" + "".join(f"<li>{esc(str(say(w, lang)))}</li>"
                                    for w in folder.warnings) + "</ul>")
    return "\n".join(out)


def _day(ts: Any) -> str:
    return f"{pd.Timestamp(ts):%Y-%m-%d}"


def summary_markdown(folder: Any, shown_path: str, language: str | None = None) -> str:
    """The text of ``summary.md`` (:func:`workbench.io.write_summary`) for a loaded folder.

    Parameters
    ----------
    folder : DataFolder
    shown_path : str
        The folder as the summary names it (relative to ``summary.md``).
    language : {"en", "ru"}, optional
        Default: the current language.
    """
    lang = check_language(language)
    lines = [f"# {t('load.summary_title', lang)}", "",
             t("load.summary_folder", lang, path=shown_path), ""]
    tx = folder.tables.get("transactions")
    if tx is not None and len(tx):
        lines.append("- " + t("load.summary_period", lang, start=_day(tx["date"].min()),
                              end=_day(tx["date"].max())))
        lines.append("- " + t("load.summary_customers", lang,
                              n=count_text(tx["customer_id"].nunique(), lang)))
        returns = float(tx.loc[tx["amount"] < 0, "amount"].sum())
        lines.append("- " + t("load.summary_revenue", lang,
                              revenue=amount_text(float(tx["amount"].sum()), lang),
                              returns=amount_text(returns, lang)))
        if "cost" in tx and tx["cost"].notna().any():
            profit = float((tx["amount"] - tx["cost"]).sum())
            lines.append("- " + t("load.summary_profit", lang, profit=amount_text(profit, lang)))
    sv = folder.tables.get("survey")
    if sv is not None:
        lines.append("- " + t("load.summary_respondents", lang,
                              n=count_text(sv["respondent_id"].nunique(), lang)))
    fb = folder.tables.get("feedback")
    if fb is not None:
        open_ = int(fb["resolved_date"].isna().sum()) if "resolved_date" in fb else len(fb)
        lines.append("- " + t("load.summary_contacts", lang, n=count_text(len(fb), lang),
                              open=count_text(open_, lang)))
    ld = folder.tables.get("leads")
    if ld is not None:
        lines.append("- " + t("load.summary_leads", lang, n=count_text(len(ld), lang),
                              deals=count_text((ld["stage"] == "deal").sum(), lang)))
    if folder.missing:
        lines.append("- " + t("load.missing_tables", lang,
                              tables=", ".join(_table_name(m, lang) for m in folder.missing)))
    lines.append("")
    for table, rep in folder.reports.items():
        lines += [f"## {_table_name(table, lang)} ({rep.source})", "", "```",
                  rep.summary(lang), "```", ""]
    return "\n".join(lines)


# the loaders say their notes and reports through this module
register_text_layer(sys.modules[__name__])

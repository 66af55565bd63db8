"""The :class:`LoadReport`: what a loader did to a file, row by row."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from workbench.i18n import check_language, t
from workbench.io._messages import say

__all__ = ("LoadReport", "fmt_money", "fmt_int")

_DELIM_KEYS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def fmt_int(n: int, language: str | None = None) -> str:
    """``12,345`` in English, ``12 345`` (narrow no-break space) in Russian."""
    text = f"{int(n):,}"
    return text.replace(",", "\u202f") if check_language(language) == "ru" else text


def fmt_money(x: float, language: str | None = None) -> str:
    """``12,345.60`` in English, ``12 345,60`` in Russian."""
    text = f"{float(x):,.2f}"
    if check_language(language) == "ru":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _delimiter(sep: str, language: str | None) -> str:
    key = _DELIM_KEYS.get(sep)
    return t(f"load.delim.{key}", language) if key else repr(sep)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class LoadReport:
    """What a loader read, kept, rejected and guessed.

    Attributes
    ----------
    source : str
        File name, or ``"DataFrame"``.
    table : str
        Canonical table name.
    rows_read : int
        Data rows in the input: in a text file every non-blank physical line after the header
        (a quoted value holding a line break makes one row of its lines), whether it was kept
        or rejected; blank lines, lines of delimiters only and lines above the header are not
        rows.
    rows_kept : int
        Rows in the returned frame. Always ``rows_read == rows_kept + len(rejected)``.
    rejected : DataFrame
        The rejected input rows, as read (text as in the file), followed by ``row`` (the
        row number a spreadsheet or text editor shows for that row: the header is row 1 when it
        is the first line; for DataFrame input, position + 2 and the index is kept),
        ``column`` (the canonical column(s) at fault), ``problem`` (a short code: ``empty``,
        ``not_a_number``, ``not_a_date``, ``not_recognised``, ``out_of_range``,
        ``not_integer``, ``duplicate``, ``malformed`` (a broken line: wrong number of fields,
        unterminated quote, damaged bytes), ``group_line``, ``subtotal`` (lines of a report
        grouped by client)) and ``reason`` (a sentence naming the column, the bad value and
        what was expected).
    encoding, delimiter, decimal, date_format : str or None
        What was detected (or given). ``date_format`` describes the main date column;
        ``date_formats`` has one entry per date column.
    header_row : int or None
        Row number of the header line in the file.
    mapping : dict
        ``{source column: canonical column}`` applied; ``auto_mapped`` lists the source
        columns that were recognised automatically (not given by the caller).
    extra_columns, dropped_columns : list of str
        Unmapped source columns kept after the canonical ones / dropped.
    duplicates : DataFrame
        Rows that are exact duplicates of an earlier kept row, with ``row`` and
        ``duplicate_of``.
    duplicates_dropped : int
        How many of them were dropped (``duplicates="drop"``); they are also in ``rejected``.
    invalid_values : DataFrame
        Cells of *optional* columns that could not be read and were set to missing:
        ``row``, ``column``, ``value``, ``problem``, ``reason``. Their rows are kept.
    pseudonymised : bool
        Whether identifiers were replaced by keyed-hash pseudonyms.
    warnings : list of str
        Everything else worth knowing, in the language current at load time; each is an
        ``io._messages.Note`` that :meth:`summary` and the HTML view say again in the language
        they are asked for.
    """

    source: str
    table: str
    rows_read: int = 0
    rows_kept: int = 0
    rejected: pd.DataFrame = field(default_factory=_empty_frame)
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    date_format: str | None = None
    date_formats: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    auto_mapped: list[str] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    duplicates: pd.DataFrame = field(default_factory=_empty_frame)
    duplicates_dropped: int = 0
    invalid_values: pd.DataFrame = field(default_factory=_empty_frame)
    pseudonymised: bool = False
    warnings: list[str] = field(default_factory=list)

    # ---------------------------------------------------------------------------------------
    @property
    def rows_rejected(self) -> int:
        """Number of rejected rows."""
        return len(self.rejected)

    @property
    def n_duplicates(self) -> int:
        """Number of rows that exactly repeat an earlier row."""
        return len(self.duplicates)

    def rejected_by_reason(self, language: str | None = None) -> pd.Series:
        """Count rejected rows by problem and column (a Series, largest first)."""
        if not len(self.rejected):
            return pd.Series(dtype="int64", name="rows")
        labels = [
            t(f"load.problem.{p.split(';')[0]}", language, column=c.split(";")[0])
            for p, c in zip(self.rejected["problem"], self.rejected["column"], strict=False)
        ]
        counts = pd.Series(labels).value_counts(sort=True)
        counts.name = "rows"
        return counts

    def _facts(self, language: str | None) -> list[tuple[str, str]]:
        facts = [
            (t("load.rows_read", language), fmt_int(self.rows_read, language)),
            (t("load.rows_kept", language), fmt_int(self.rows_kept, language)),
            (t("load.rows_rejected", language), fmt_int(self.rows_rejected, language)),
        ]
        if self.encoding:
            facts.append((t("load.encoding", language), self.encoding))
        if self.delimiter:
            facts.append((t("load.delimiter", language), _delimiter(self.delimiter, language)))
        if self.decimal:
            facts.append((t("load.decimal", language), repr(self.decimal)))
        if self.date_formats:
            facts.append(
                (
                    t("load.date_format", language),
                    "; ".join(f"{c}: {f}" for c, f in self.date_formats.items()),
                )
            )
        if self.header_row and self.header_row != 1:
            facts.append((t("load.header_row", language), str(self.header_row)))
        auto = t("load.auto", language)
        cols = ", ".join(
            (f"{s} → {c}" if s != c else c) + (f" ({auto})" if s in self.auto_mapped else "")
            for s, c in self.mapping.items()
        )
        facts.append((t("load.columns", language), cols))
        if self.extra_columns:
            facts.append((t("load.extra_columns", language), ", ".join(self.extra_columns)))
        if self.dropped_columns:
            facts.append((t("load.dropped_columns", language), ", ".join(self.dropped_columns)))
        action = t(
            "load.duplicates_dropped" if self.duplicates_dropped else "load.duplicates_kept",
            language,
        )
        facts.append(("", t("load.duplicates", language, n=self.n_duplicates, action=action)))
        if len(self.invalid_values):
            facts.append(("", t("load.invalid_values", language, n=len(self.invalid_values))))
        if self.pseudonymised:
            facts.append(("", t("load.pseudonymised", language)))
        return facts

    def summary(self, language: str | None = None) -> str:
        """Return a plain-text summary in ``language`` ("en" or "ru")."""
        lines = [t("load.report_title", language, table=self.table, source=self.source)]
        for k, v in self._facts(language):
            lines.append(f"  {k}: {v}" if k else f"  {v}")
        by = self.rejected_by_reason(language)
        if len(by):
            lines.append("  " + t("load.rejected_by_reason", language) + ":")
            lines += [f"    {label}: {fmt_int(n, language)}" for label, n in by.items()]
        if self.warnings:
            lines.append("  " + t("load.warnings", language) + ":")
            lines += [f"    - {say(w, language)}" for w in self.warnings]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (
            f"LoadReport(table={self.table!r}, source={self.source!r}, rows_read={self.rows_read},"
            f" rows_kept={self.rows_kept}, rejected={self.rows_rejected},"
            f" duplicates={self.n_duplicates})"
        )

    def _repr_html_(self, language: str | None = None) -> str:
        esc = html.escape
        parts = [
            "<div class='workbench-load-report'>",
            f"<b>{esc(t('load.report_title', language, table=self.table, source=self.source))}</b>",
            "<table>",
        ]
        for k, v in self._facts(language):
            parts.append(f"<tr><th style='text-align:left'>{esc(k)}</th><td style='text-align:left'>{esc(v)}</td></tr>")
        parts.append("</table>")
        by = self.rejected_by_reason(language)
        if len(by):
            parts.append(f"<p><b>{esc(t('load.rejected_by_reason', language))}</b></p><ul>")
            parts += [f"<li>{esc(str(label))}: {fmt_int(n, language)}</li>" for label, n in by.items()]
            parts.append("</ul>")
            parts.append(f"<p><b>{esc(t('load.first_rejected', language))}</b></p>")
            parts.append(self.rejected.head(5).to_html(index=False))
        if self.warnings:
            parts.append(f"<p><b>{esc(t('load.warnings', language))}</b></p><ul>")
            parts += [f"<li>{esc(str(say(w, language)))}</li>" for w in self.warnings]
            parts.append("</ul>")
        parts.append("</div>")
        return "\n".join(parts)

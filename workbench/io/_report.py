"""The :class:`LoadReport`: what a loader did to a file, row by row, as data.

The report holds numbers, codes and :class:`~workbench.io._messages.Note` records; its
sentences (``summary``, ``str``, the HTML view, ``rejected_by_reason``) are said by the text
layer, ``workbench.narrative`` (:func:`workbench.narrative.describe_load_report` and friends):
the methods here only forward to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.io._messages import Note, text_layer

__all__ = ("LoadReport", "fmt_money", "fmt_int")


def fmt_int(n: int, language: str | None = None) -> str:
    """``12,345`` in English, ``12 345`` in Russian (said by the text layer)."""
    return text_layer().count_text(n, language)


def fmt_money(x: float, language: str | None = None) -> str:
    """``12,345.60`` in English, ``12 345,60`` in Russian (said by the text layer)."""
    return text_layer().amount_text(x, language)


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
        grouped by client)) and ``reason`` (a :class:`~workbench.io._messages.Note`: the code
        ``load.reason.<problem>`` with the column, the bad value and what was expected; shown
        as a sentence in the current language, :func:`workbench.format_rejected` makes the
        table in a given one).
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
    warnings : list of Note
        Everything else worth knowing, as ``(code, params)`` records (``note.code``,
        ``note.params``); ``str(note)`` is the sentence in the current language.
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
    warnings: list[Note] = field(default_factory=list)

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
        """Count rejected rows by problem and column (a Series, largest first), labelled in
        ``language`` (:func:`workbench.narrative.rejected_by_reason`)."""
        return text_layer().rejected_by_reason(self, language)

    def problem_counts(self) -> pd.Series:
        """Count rejected rows by ``(problem, column)`` codes (the first of each row), largest
        first: the data behind :meth:`rejected_by_reason`."""
        if not len(self.rejected):
            return pd.Series(dtype="int64", name="rows")
        keys = [(str(p).split(";")[0].strip(), str(c).split(";")[0].strip())
                for p, c in zip(self.rejected["problem"], self.rejected["column"], strict=False)]
        counts = pd.Series(keys, dtype=object).value_counts(sort=True)
        counts.index = pd.MultiIndex.from_tuples(counts.index, names=["problem", "column"])
        counts.name = "rows"
        return counts

    def summary(self, language: str | None = None) -> str:
        """Return a plain-text summary in ``language`` ("en" or "ru"; default: the current one),
        said by :func:`workbench.narrative.describe_load_report`."""
        return text_layer().describe_load_report(self, language)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (
            f"LoadReport(table={self.table!r}, source={self.source!r}, rows_read={self.rows_read},"
            f" rows_kept={self.rows_kept}, rejected={self.rows_rejected},"
            f" duplicates={self.n_duplicates})"
        )

    def _repr_html_(self, language: str | None = None) -> str:
        return text_layer().load_report_html(self, language)

"""Read wide survey exports (one row per respondent, one column per question) into the long table.

Form tools write what they were asked in their own shapes:

* **Google Forms** (CSV): a ``Timestamp`` / ``Отметка времени`` column, the question texts as
  headers, grid questions as ``Question [Row]``, answers as the option texts;
* **Yandex Forms** (XLSX): ``ID`` and ``Время создания`` columns, grid rows as
  ``Question / Row``, numbers for scales;
* **SurveyMonkey** (CSV or XLSX): *two* header rows, the question over the first column of each
  block and the grid row (or ``Response`` / ``Open-Ended Response``) under it, plus
  ``Respondent ID``, ``Start Date``, ``End Date`` and collector columns.

With a questionnaire spec (written by ``workbench questionnaire``) the headers are matched to
the spec's questions; without one they are recognised from the catalogue's question texts in
Russian and English and, failing that, by keywords. The texts are data to this module
(:class:`SurveyTexts`, ``texts=``); by default the text layer's
(:func:`workbench.narrative._questionnaire.survey_texts`, registered as ``survey_texts``). Answers may be numbers, the scale's texts
(``"5 — очень важно"``), Kano answer texts or blanks. Every respondent row is kept or rejected
with a reason; every answer that cannot be read is reported per cell.

Like the loaders, this reader records its warnings, the reasons it rejects a respondent row or
blanks an answer, and why a column was not used as :class:`~workbench.io._messages.Note`
records (a catalogue code and its values, never a sentence); the text layer says them in the
audience's language (``str(note)``, :func:`workbench.format_rejected`,
:meth:`SurveyLoadReport.summary`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from workbench.errors import DataFileError, MissingColumnsError, WorkbenchError
from workbench.io._messages import Note
from workbench.io._parse import normalise_word, parse_dates
from workbench.io._read import cell_text, sniff
from workbench.io._report import LoadReport
from workbench.schema import TABLES
from workbench.survey._layer import provider
from workbench.survey._spec import ATTRIBUTE_MEASURES, QuestionnaireSpec, load_spec

__all__ = ("SurveyLoadReport", "SurveyTexts", "is_wide_export", "read_wide_survey")

_EXTRA_BLOCKS = ("source", "keep", "change")
_SCORE_BLOCKS = ("importance", "performance", "expectation", "competitor_performance")

#: Headers of the date of an answer (normalised).
DATE_HEADERS: tuple[str, ...] = (
    "timestamp", "отметка времени", "время создания", "created", "date", "дата", "end date",
    "submitted", "submitted at", "время ответа", "дата ответа", "completed", "дата заполнения",
)
#: Headers of a respondent identifier (normalised).
RESPONDENT_HEADERS: tuple[str, ...] = (
    "respondent id", "respondent", "respondent_id", "id", "response id", "id ответа",
    "номер ответа", "респондент", "id респондента", "номер анкеты",
)
#: Form metadata columns, never answers (normalised).
META_HEADERS: tuple[str, ...] = (
    "collector id", "start date", "ip address", "email address", "email", "first name",
    "last name", "custom data 1", "время изменения", "user agent", "адрес электронной почты",
    "score", "баллы", "network id",
)
_MONTH_FIRST = ("timestamp", "start date", "end date")

#: Keywords that recognise a block in a hand-made form (checked in this order).
BLOCK_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nps", ("рекоменд", "recommend")),
    ("source", ("узнали", "hear of us", "heard of us", "heard about us", "источник")),
    ("keep", ("сохранить", "keep")),
    ("change", ("изменить", "улучшить", "change", "improve")),
    ("customer_id", ("номер клиента", "код клиента", "анонимный код", "customer number",
                     "customer id", "anonymous code")),
    ("kano_dysfunctional", ("этого нет", "не было", "did not have", "didn't have", "poorly",
                            "absent", "without")),
    ("kano_functional", ("это есть", "отнесет", "how would you feel", "feel if")),
    ("competitor_performance", ("конкурент", "competitor")),
    ("expectation", ("ожида", "expect")),
    ("importance", ("важн", "important", "importance")),
    ("performance", ("оцени", "how well", "perform", "satisf", "удовлетвор", "rate us")),
    ("comment", ("коммент", "comment")),
)


def _norm(s: object) -> str:
    return re.sub(r"\s+", " ", normalise_word(str(s))).strip()


# ---------------------------------------------------------------------------------------------
# the report


@dataclass
class SurveyLoadReport(LoadReport):
    """The load report of a wide survey export.

    Everything of :class:`workbench.io.LoadReport`, counted in *respondent rows*
    (``rows_read == rows_kept + len(rejected)``), plus:

    Attributes
    ----------
    tool : str
        ``"google_forms"``, ``"yandex_forms"``, ``"surveymonkey"`` or ``"generic"``.
    guided_by : str
        ``"spec"`` (a questionnaire spec was given) or ``"headers"`` (recognised).
    columns : DataFrame
        One row per column of the export: ``position`` (1-based), ``column`` (the header as
        in the file; SurveyMonkey's two rows joined by `` | ``), ``role`` (``respondent_id``,
        ``date``, ``answer``, ``meta`` or ``unused``), ``block`` (the measure or question
        key), ``attribute`` and ``note`` (why a column was not used: a
        :class:`~workbench.io._messages.Note`, or ``""``).
    unused_columns : list of str
        The columns not used (metadata and unrecognised columns).
    long_rows : int
        Rows of the long table returned (kept respondents x attributes).

    Notes
    -----
    ``invalid_values`` has one row per unreadable answer cell: ``row`` (the file's row number),
    ``column`` (the header), ``block``, ``attribute``, ``value``, ``problem`` and ``reason``; the
    answer becomes missing and the respondent is kept.

    ``rejected["problem"]`` is ``no_answer`` (no question answered), ``empty`` (no respondent
    id) or ``repeated_respondent``; reasons and ``warnings`` are
    :class:`~workbench.io._messages.Note` records, said in the audience's language by the text
    layer (:func:`workbench.format_rejected`, :func:`workbench.format_invalid`,
    :meth:`summary`).
    """

    tool: str = "generic"
    guided_by: str = "headers"
    columns: pd.DataFrame = field(default_factory=pd.DataFrame)
    unused_columns: list[str] = field(default_factory=list)
    long_rows: int = 0

    def column_roles(self, language: str | None = None) -> pd.DataFrame:
        """Return how each column was understood, in ``language`` (a display table).

        Said by the text layer (:func:`workbench.narrative._survey.survey_column_roles`).
        """
        return provider("survey_column_roles")(self, language)

    def summary(self, language: str | None = None) -> str:
        """Return a plain-text summary in ``language``: what was read, kept and understood.

        Said by the text layer (:func:`workbench.narrative._survey.describe_survey_load`).
        """
        return provider("describe_survey_load")(self, language)

    def _repr_html_(self, language: str | None = None) -> str:
        import html as _html

        body = _html.escape(self.summary(language))
        return f"<pre class='workbench-load-report'>{body}</pre>"


# ---------------------------------------------------------------------------------------------
# reading cells


@dataclass
class _Cells:
    name: str
    kind: str
    rows: list[list[str]]          # every non-blank row, header rows included
    lines: list[int]               # the file's row number of each
    encoding: str | None = None
    delimiter: str | None = None
    date_cells: set[int] = field(default_factory=set)  # columns holding spreadsheet dates


def _decode(data: bytes, encoding: str | None, name: str, truncated: bool = False
            ) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding).lstrip("\ufeff"), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{name}: cannot be decoded as {encoding} ({exc})") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(data) - 3:  # a character cut by the sample's end
            return data[: exc.start].decode("utf-8"), "utf-8"
        return data.decode("cp1251", errors="replace"), "cp1251"


def _read_cells(source: object, *, encoding: str | None = None, sep: str | None = None,
                sheet_name: str | int = 0, limit: int | None = None) -> _Cells:
    if isinstance(source, pd.DataFrame):
        rows = [[str(c) for c in source.columns]]
        for rec in source.itertuples(index=False):
            rows.append([cell_text(v) for v in rec])
        rows = rows[: (limit or len(rows))]
        return _Cells("DataFrame", "frame", rows, list(range(1, len(rows) + 1)))
    if not isinstance(source, (str, Path)):
        raise DataFileError(f"expected a file path or a pandas DataFrame, got {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise DataFileError(f"{path.name}: file not found ({path})")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile.BadZipFile, KeyError ...
            raise DataFileError(f"{path.name}: not a readable .xlsx workbook ({exc})") from None
        try:
            ws = wb[wb.sheetnames[sheet_name]] if isinstance(sheet_name, int) else wb[sheet_name]
            rows, lines, dates = [], [], set()
            for i, rec in enumerate(ws.iter_rows(values_only=True), start=1):
                vals = list(rec)
                if not any(v is not None and str(v).strip() for v in vals):
                    continue
                for j, v in enumerate(vals):
                    if isinstance(v, (_dt.datetime, _dt.date)):
                        dates.add(j)
                rows.append([cell_text(v) for v in vals])
                lines.append(i)
                if limit and len(rows) >= limit:
                    break
        finally:
            wb.close()
        return _Cells(path.name, "excel", rows, lines, date_cells=dates)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise DataFileError(f"{path.name}: unknown file type {suffix!r} for a survey export")
    if limit is None:
        data = path.read_bytes()
    else:
        with path.open("rb") as fh:
            data = fh.read(256 * 1024)
    text, enc = _decode(data, encoding, path.name,
                        truncated=limit is not None and len(data) == 256 * 1024)
    head = text[:64 * 1024].splitlines()[:50]
    delim = sniff(head, sep)[0] if head else (sep or ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows, lines = [], []
    prev = 0
    try:
        for rec in reader:
            start = prev + 1
            prev = reader.line_num
            if not rec or not any(f.strip() for f in rec):
                continue
            rows.append(rec)
            lines.append(start)
            if limit and len(rows) >= limit:
                break
    except csv.Error as exc:
        if limit is None:
            raise DataFileError(f"{path.name}: cannot parse line {reader.line_num}: {exc}") from None
    return _Cells(path.name, "text", rows, lines, encoding=enc, delimiter=delim)


# ---------------------------------------------------------------------------------------------
# understanding the headers


@dataclass
class _Column:
    pos: int
    header: str
    question: str
    sub: str
    role: str = "unused"
    block: str | None = None
    attribute: str | None = None
    note: Note | str = ""


def _two_header_rows(rows: list[list[str]]) -> bool:
    """SurveyMonkey: the second row holds sub-headers (``Response``, grid rows) under blanks."""
    if len(rows) < 2:
        return False
    h, s = rows[0], rows[1]
    if s and s[0].strip():
        return False
    subs = {x.strip().lower() for x in s}
    if subs & {"response", "open-ended response", "ответ", "открытый ответ"}:
        return True
    blanks_filled = sum(1 for j, x in enumerate(s) if x.strip() and (j >= len(h) or not h[j].strip()))
    return blanks_filled >= 1


def _split_header(header: str) -> tuple[str, str]:
    m = re.match(r"^(.*\S)\s*\[([^\[\]]+)\]\s*$", header, flags=re.S)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return header.strip(), ""


@dataclass(frozen=True)
class SurveyTexts:
    """The texts a wide export's headers and answers are recognised by.

    :func:`workbench.narrative._questionnaire.survey_texts` gives the catalogue's (and a spec's)
    in every language; without texts, headers are recognised by keywords and answers as numbers.

    Attributes
    ----------
    questions : mapping of str -> str
        Question text -> block (a grid's title for per-attribute blocks); the first of two
        texts that read alike wins.
    answers : mapping of str -> mapping of str -> object
        Block -> {answer text -> code} for the rating questions and NPS; code None is an
        explicit "don't know".
    """

    questions: Mapping[str, str] = field(default_factory=dict)
    answers: Mapping[str, Mapping[str, object]] = field(default_factory=dict)


def _block_texts(texts: SurveyTexts) -> dict[str, str]:
    """Normalised question text -> block."""
    out: dict[str, str] = {}
    for text, block in texts.questions.items():
        out.setdefault(_norm(text), block)
    return out


def _texts(texts: SurveyTexts | None, spec: QuestionnaireSpec | None,
           scale: tuple[int, int]) -> SurveyTexts:
    return texts if texts is not None else provider("survey_texts")(spec, scale)


def _keyword_block(question: str) -> str | None:
    q = _norm(question)
    for block, words in BLOCK_KEYWORDS:
        if any(w in q for w in words):
            return block
    return None


def _understand(cells: _Cells, spec: QuestionnaireSpec | None, texts_given: SurveyTexts
                ) -> tuple[list[_Column], int, str]:
    rows = cells.rows
    if not rows:
        raise DataFileError(f"{cells.name}: the file is empty")
    two = _two_header_rows(rows)
    header = rows[0]
    width = max(len(header), len(rows[1]) if two else 0)
    cols: list[_Column] = []
    last_q = ""
    for j in range(width):
        h = header[j].strip() if j < len(header) else ""
        if two:
            sub = rows[1][j].strip() if j < len(rows[1]) else ""
            if h:
                last_q = h
            q = h or last_q
            shown = q if not sub else f"{q} | {sub}" if h else f"{last_q} | {sub}"
            if sub.lower() in ("response", "open-ended response", "ответ", "открытый ответ"):
                sub = ""
            cols.append(_Column(j + 1, shown, q, sub))
        else:
            q, sub = _split_header(h)
            cols.append(_Column(j + 1, h or f"column_{j + 1}", q, sub))
    texts = _block_texts(texts_given)
    attrs = {_norm(a): a for a in spec.attributes} if spec is not None else {}
    for c in cols:
        nq = _norm(c.question)
        if not c.sub and nq in DATE_HEADERS:
            c.role = "date"
            continue
        if not c.sub and nq in RESPONDENT_HEADERS:
            c.role = "respondent_id"
            continue
        if not c.sub and nq in META_HEADERS:
            c.role = "meta"
            continue
        question, sub = c.question, c.sub
        block = texts.get(nq)
        if block is None and not sub and " / " in question:  # Yandex Forms grid rows
            left, right = question.rsplit(" / ", 1)
            if _norm(left) in texts or (spec is None and _keyword_block(left)):
                question, sub = left, right
                block = texts.get(_norm(left))
        if block is None and spec is None:
            block = _keyword_block(question)
        if block is None:
            c.note = "" if spec is None else Note("svq.note.not_a_spec_question")
            continue
        is_grid = block in ATTRIBUTE_MEASURES
        if is_grid and not sub:
            c.note = Note("svq.note.grid_without_attribute", measure=_measure(block))
            continue
        if not is_grid and sub:
            c.note = Note("svq.note.not_a_grid", measure=_measure(block))
            continue
        if spec is not None:
            if block not in spec.blocks:
                c.note = Note("svq.note.block_not_in_spec", measure=_measure(block))
                continue
            if is_grid:
                a = attrs.get(_norm(sub))
                if a is None:
                    c.note = Note("svq.note.attribute_not_in_spec", attribute=repr(sub))
                    continue
                sub = a
        c.role, c.block, c.attribute = "answer", block, (sub.strip() if is_grid else None)
    # a block asked twice for one attribute: keep the first, report the second
    seen: dict[tuple, int] = {}
    for c in cols:
        if c.role in ("answer", "date", "respondent_id"):
            key = (c.role, c.block, c.attribute)
            if key in seen:
                c.role, c.note = "unused", Note("svq.note.repeats_column", position=seen[key])
            else:
                seen[key] = c.pos
    hdr = cols and [c.header for c in cols]
    tool = "generic"
    first = _norm(hdr[0]) if hdr else ""
    if two:
        tool = "surveymonkey"
    elif first in ("timestamp", "отметка времени"):
        tool = "google_forms"
    elif any(_norm(c.header) == "время создания" for c in cols) or (
            cells.kind == "excel" and any(" / " in c.header for c in cols if c.role == "answer")):
        tool = "yandex_forms"
    return cols, (2 if two else 1), tool


def is_wide_export(source: object, *, encoding: str | None = None, sep: str | None = None,
                   sheet_name: str | int = 0, texts: SurveyTexts | None = None) -> bool:
    """Return True if ``source`` looks like a wide survey export (not the long table).

    A file is wide when at least one header is a recognised per-attribute question
    (``Question [Attribute]``, ``Question / Attribute`` or SurveyMonkey's two header rows)
    and no header names the ``attribute`` column of the long format. ``texts``: as for
    :func:`read_wide_survey`.
    """
    try:
        cells = _read_cells(source, encoding=encoding, sep=sep, sheet_name=sheet_name, limit=3)
    except (DataFileError, KeyError, IndexError):
        return False
    if not cells.rows:
        return False
    from workbench.io._mapping import normalise_header

    long_names = {"attribute", "атрибут", "свойство", "параметр", "attribute name"}
    if any(normalise_header(h) in long_names for h in cells.rows[0]):
        return False
    cols, _, _ = _understand(cells, None, _texts(texts, None, (1, 5)))
    return any(c.role == "answer" and c.attribute for c in cols)


# ---------------------------------------------------------------------------------------------
# reading answers


def _option_lookup(texts: SurveyTexts, block: str) -> dict[str, object]:
    """Normalised answer text -> code (None = an explicit 'don't know')."""
    return {_norm(text): code for text, code in texts.answers.get(block, {}).items()}


_INT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:$|[\u2014\u2013\-:.)=]|\s)")


def _score(text: str, lookup: dict[str, object], lo: int, hi: int) -> tuple[object, str | None]:
    """(value, problem) of one rating cell; value None with no problem = blank / don't know."""
    n = _norm(text)
    if n in lookup:
        return lookup[n], None
    m = _INT.match(text.replace("\u00a0", " "))
    if not m:
        return None, "not_a_number"
    v = float(m.group(1).replace(",", "."))
    if v != round(v):
        return None, "not_integer"
    if not lo <= v <= hi:
        return None, "out_of_range"
    return int(v), None


@functools.lru_cache(maxsize=1)
def _kano_words() -> dict[str, object]:
    """Normalised Kano answer text -> code 1-5: the schema's answers and the loader's synonyms."""
    from workbench.io import KANO_SYNONYMS
    from workbench.schema import KANO_ANSWERS

    out: dict[str, object] = {}
    for code, words in KANO_SYNONYMS.items():
        for w in words:
            out[normalise_word(w)] = code
    for code, texts in KANO_ANSWERS.items():
        for txt in texts.values():
            out[normalise_word(txt)] = code
        out[str(code)] = code
    return out


def _kano(text: str) -> tuple[object, str | None]:
    look = _kano_words()
    n = normalise_word(text)
    if n in look:
        return int(look[n]), None
    m = _INT.match(text)
    if m and m.group(1) in {"1", "2", "3", "4", "5"}:
        return int(m.group(1)), None
    return None, "not_recognised"


def read_wide_survey(
    source: object,
    *,
    spec: object = None,
    encoding: str | None = None,
    sep: str | None = None,
    sheet_name: str | int = 0,
    scale: tuple[int, int] | None = None,
    dayfirst: bool | None = None,
    pseudonymize_key: str | bytes | None = None,
    texts: SurveyTexts | None = None,
) -> tuple[pd.DataFrame, SurveyLoadReport]:
    """Read a wide survey export into the canonical long survey table.

    Parameters
    ----------
    source : str, Path or DataFrame
        A CSV/TSV/TXT or XLSX export of Google Forms, Yandex Forms, SurveyMonkey (two header
        rows) or any wide table with one column per question, or the same as a DataFrame.
    spec : QuestionnaireSpec, dict, str or Path, optional
        The questionnaire spec (``questionnaire_spec.yml``). With it, headers are matched to
        its questions and only its attributes are accepted; without it, headers are
        recognised from the catalogue's question texts (Russian and English), then keywords.
    encoding, sep, sheet_name
        As for :func:`workbench.load_survey`.
    scale : (int, int), optional
        Valid range of the ratings; by default the spec's, else (1, 5).
    dayfirst : bool, optional
        How to read ``01/02/2024`` dates; by default day first except in the month-first
        columns of English Google Forms (``Timestamp``) and SurveyMonkey (``End Date``).
    pseudonymize_key : str or bytes, optional
        Replace ``respondent_id`` and ``customer_id`` by keyed-hash pseudonyms
        (see :func:`workbench.io.pseudonymize`).
    texts : SurveyTexts, optional
        The question and answer texts to recognise; by default the text layer's for the spec
        and the scale (the catalogue's in Russian and English).

    Returns
    -------
    frame : DataFrame
        The long table: ``respondent_id``, ``customer_id`` (when asked), ``attribute``, the
        measures asked (``importance`` ... ``kano_dysfunctional``, ``comment``), ``nps``,
        ``date`` (when the export has one), in schema order with canonical dtypes, then the
        extra columns ``source``, ``keep``, ``change`` when asked (text; one value per
        respondent, repeated on its rows like ``nps``). One row per kept respondent x attribute.
        Without a respondent column, ``respondent_id`` is ``R`` + the respondent's position in
        the file (``R0001`` ...).
    report : SurveyLoadReport
        How each column was understood, which were not used, the rejected respondent rows
        (no answer at all, an empty or repeated respondent id) and the unreadable cells.
    """
    spec_obj = load_spec(spec) if spec is not None else None
    lo, hi = scale if scale is not None else (spec_obj.scale if spec_obj else (1, 5))
    known = _texts(texts, spec_obj, (lo, hi))
    cells = _read_cells(source, encoding=encoding, sep=sep, sheet_name=sheet_name)
    cols, n_header, tool = _understand(cells, spec_obj, known)
    answers = [c for c in cols if c.role == "answer"]
    grid = [c for c in answers if c.attribute]
    if not grid:
        raise MissingColumnsError(
            "survey", ["attribute"], [c.header for c in cols], source=cells.name,
            hint="no per-attribute question was recognised (headers like 'Question [Attribute]',"
            " 'Question / Attribute' or SurveyMonkey's two header rows); pass spec= the "
            "questionnaire spec, or columns= for a long table",
        )
    data = cells.rows[n_header:]
    lines = cells.lines[n_header:]
    n = len(data)
    width = len(cols)
    data = [(r + [""] * width)[:width] for r in data]
    warnings: list[Note] = []
    beyond = [ln for r, ln in zip(cells.rows[n_header:], lines, strict=True)
              if len(r) > width and any(x.strip() for x in r[width:])]
    if beyond:
        shown = tuple(beyond[:_ROWS_LISTED]) + (("…",) if len(beyond) > _ROWS_LISTED else ())
        warnings.append(Note("svq.warn.values_right_of_header", n=len(beyond), rows=shown))
    # ---- dates
    date_col = next((c for c in cols if c.role == "date"), None)
    dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    invalid: list[dict] = []
    date_format = None
    if date_col is not None and n:
        first = dayfirst
        if first is None:
            first = _norm(date_col.question) not in _MONTH_FIRST
        arr = pa.chunked_array([pa.array([r[date_col.pos - 1].strip() for r in data], pa.string())])
        vals, _empty, bad, date_format = parse_dates(
            arr, dayfirst=first, excel_dates=(date_col.pos - 1) in cells.date_cells)
        for p in np.flatnonzero(bad):
            invalid.append(_invalid(lines[p], date_col, data[p][date_col.pos - 1], "not_a_date",
                                    Note("svq.expected.date")))
        dates = np.where(bad, np.datetime64("NaT"), vals)
    # ---- respondent ids and row verdicts
    rid_col = next((c for c in cols if c.role == "respondent_id"), None)
    digits = max(4, len(str(n)))
    rejected: list[dict] = []
    keep = np.ones(n, dtype=bool)
    ids: list[str | None] = []
    first_row: dict[str, int] = {}
    for p in range(n):
        row = data[p]
        rid = row[rid_col.pos - 1].strip() if rid_col else f"R{p + 1:0{digits}d}"
        ids.append(rid)
        if not any(row[c.pos - 1].strip() for c in answers):
            keep[p] = False
            rejected.append({"_pos": p, "row": lines[p], "column": "", "problem": "no_answer",
                             "reason": Note("svq.reason.no_answer")})
        elif rid_col is not None and not rid:
            keep[p] = False
            rejected.append({"_pos": p, "row": lines[p], "column": "respondent_id",
                             "problem": "empty",
                             "reason": Note("load.reason.empty",
                                            column=f"{rid_col.header} (respondent_id)",
                                            expected=Note("svq.expected.respondent"))})
        elif rid in first_row:
            keep[p] = False
            rejected.append({"_pos": p, "row": lines[p], "column": "respondent_id",
                             "problem": "repeated_respondent",
                             "reason": Note("svq.reason.repeated_respondent",
                                            respondent=repr(rid), row=first_row[rid])})
        else:
            first_row[rid] = lines[p]
    # ---- answers
    parsed: dict[tuple[str, str | None], list] = {}
    lookups = {b: _option_lookup(known, b) for b in (*_SCORE_BLOCKS, "nps")}
    for c in answers:
        kind = c.block
        values: list[object] = []
        lookup = lookups.get(kind)
        for p in range(n):
            raw = data[p][c.pos - 1].strip()
            if not raw or not keep[p]:
                values.append(None)
                continue
            if lookup is not None:
                v, problem = _score(raw, lookup, *((0, 10) if kind == "nps" else (lo, hi)))
                if problem:
                    invalid.append(_invalid(lines[p], c, raw, problem, Note(
                        "svq.expected.score", lo=0 if kind == "nps" else lo,
                        hi=10 if kind == "nps" else hi)))
            elif kind in ("kano_functional", "kano_dysfunctional"):
                v, problem = _kano(raw)
                if problem:
                    invalid.append(_invalid(lines[p], c, raw, problem, Note("load.expected.kano")))
            else:
                v = raw
            values.append(v)
        parsed[(kind, c.attribute)] = values
    # ---- the long frame
    attributes = list(dict.fromkeys(c.attribute for c in grid))
    if spec_obj is not None:
        attributes = [a for a in spec_obj.attributes if a in attributes]
    blocks = list(dict.fromkeys(c.block for c in answers))
    kept_pos = np.flatnonzero(keep)
    n_attr = len(attributes)
    rep = np.repeat(kept_pos, n_attr)
    out: dict[str, object] = {}
    spec_cols = TABLES["survey"].names
    ids_arr = np.array(ids, dtype=object)
    for name in spec_cols:
        if name == "respondent_id":
            out[name] = pd.array(ids_arr[rep].tolist(), dtype=pd.StringDtype())
        elif name == "attribute":
            out[name] = pd.array(attributes * len(kept_pos), dtype=pd.StringDtype())
        elif name == "date":
            if date_col is not None:
                out[name] = pd.Series(dates[rep]).astype("datetime64[ns]").array
        elif name in blocks and name in ATTRIBUTE_MEASURES:
            vals = []
            for p in kept_pos:
                for a in attributes:
                    col = parsed.get((name, a))
                    vals.append(None if col is None else col[p])
            out[name] = _typed(name, vals)
        elif name in blocks:  # nps, customer_id: one per respondent, repeated
            col = parsed[(name, None)]
            out[name] = _typed(name, [col[p] for p in rep])
    for name in _EXTRA_BLOCKS:
        if name in blocks:
            col = parsed[(name, None)]
            out[name] = pd.array([col[p] for p in rep], dtype=pd.StringDtype())
    frame = pd.DataFrame(out)
    if pseudonymize_key is not None:
        from workbench.io import pseudonymize

        for name, prefix in (("respondent_id", "R"), ("customer_id", "C")):
            if name in frame:
                frame[name] = pd.array(pseudonymize(frame[name], pseudonymize_key, prefix),
                                       dtype=pd.StringDtype())
    # ---- report
    headers = [c.header for c in cols]
    rej = pd.DataFrame(rejected, columns=["_pos", "row", "column", "problem", "reason"])
    original = pd.DataFrame([data[p] for p in rej["_pos"]], columns=headers, dtype="string") \
        if len(rej) else pd.DataFrame(columns=headers, dtype="string")
    if pseudonymize_key is not None:
        original = original.iloc[:, 0:0]
    rej_frame = pd.concat([original.reset_index(drop=True),
                           rej.drop(columns="_pos").reset_index(drop=True)], axis=1)
    rej_frame["row"] = rej_frame["row"].astype("int64")
    inv = pd.DataFrame(invalid, columns=["row", "column", "block", "attribute", "value",
                                         "problem", "reason"])
    inv = inv.sort_values(["row"], kind="mergesort").reset_index(drop=True)
    inv["row"] = inv["row"].astype("int64")
    if len(inv):
        counts = inv["block"].fillna("date").value_counts()
        warnings.append(Note("load.warn.invalid_values", counts=tuple(
            Note("load.warn.column_count", column=_measure(b), n=int(k))
            for b, k in counts.items())))
    col_table = pd.DataFrame(
        [{"position": c.pos, "column": c.header, "role": c.role, "block": c.block,
          "attribute": c.attribute, "note": c.note} for c in cols])
    unused = [c.header for c in cols if c.role in ("meta", "unused")]
    mapping = {c.header: (c.role if c.role in ("date", "respondent_id") else
                          f"{c.block} × {c.attribute}" if c.attribute else str(c.block))
               for c in cols if c.role in ("answer", "date", "respondent_id")}
    report = SurveyLoadReport(
        source=cells.name,
        table="survey",
        rows_read=n,
        rows_kept=int(keep.sum()),
        rejected=rej_frame,
        encoding=cells.encoding,
        delimiter=cells.delimiter,
        date_format=date_format,
        date_formats={"date": date_format} if date_format else {},
        header_row=n_header,
        mapping=mapping,
        auto_mapped=list(mapping) if spec_obj is None else [],
        dropped_columns=unused,
        invalid_values=inv,
        pseudonymised=pseudonymize_key is not None,
        warnings=warnings,
        tool=tool,
        guided_by="spec" if spec_obj is not None else "headers",
        columns=col_table,
        unused_columns=unused,
        long_rows=len(frame),
    )
    assert report.rows_read == report.rows_kept + len(report.rejected)
    return frame, report


#: The most row numbers a warning lists.
_ROWS_LISTED = 10


def _measure(block: str) -> Note:
    """A block's name (``svq.measure.<block>``; ``date``: the answer's date), said in the
    audience's language."""
    return Note("svq.load.role.date" if block == "date" else f"svq.measure.{block}")


def _cell(c: _Column) -> Note | str:
    """The column of an answer as a reason names it: its header, the measure and attribute."""
    if c.block is None:
        return c.header
    if c.attribute:
        return Note("svq.cell.grid", column=c.header, measure=_measure(c.block),
                    attribute=c.attribute)
    return Note("svq.cell.single", column=c.header, measure=_measure(c.block))


def _invalid(row: int, c: _Column, value: str, problem: str, expected: Note) -> dict:
    return {"row": int(row), "column": c.header, "block": c.block, "attribute": c.attribute,
            "value": value, "problem": problem,
            "reason": Note("svq.reason.unreadable", column=_cell(c), value=repr(value),
                           expected=expected)}


def _typed(name: str, values: list) -> object:
    dtype = TABLES["survey"].dtype(name)
    if dtype == "Int":
        return pd.array([pd.NA if v is None else int(v) for v in values], dtype="Int64")
    if dtype == "string":
        return pd.array([None if v is None else str(v) for v in values], dtype=pd.StringDtype())
    raise WorkbenchError(f"unexpected column type {dtype} for {name}")  # pragma: no cover

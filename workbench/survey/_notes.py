"""Interview notes and survey comments as one table of quotes: the цитатник of step 1.

Notes come as plain text (one quote per line, a ``Клиент: …`` / ``Client: …`` line before a
client's quotes, an optional ``[Attribute]`` tag in front of a quote) or as a table of quotes
(CSV/XLSX with a text column and, optionally, the client, the attribute and the date).
:func:`voice_of_customer` puts them next to the survey's free texts so that
:func:`workbench.quotes` samples from both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from workbench.errors import DataFileError, MissingColumnsError, WorkbenchError

__all__ = ("load_interview_notes", "voice_of_customer")

_CLIENT_LINE = re.compile(
    r"^\s*#*\s*(?:клиент|заказчик|респондент|интервью|client|customer|respondent|interview)"
    r"\s*[:—–-]\s*(.+?)\s*$", re.I)
_TAG = re.compile(r"^\[([^\[\]]+)\]\s*(.*)$")
_BULLET = re.compile(r"^\s*(?:[-—–*•>]+|\d+[.)])\s*")

_TEXT_COLS = ("text", "quote", "цитата", "текст", "что сказал", "что сказал клиент", "comment",
              "комментарий", "высказывание")
_CLIENT_COLS = ("customer_id", "client", "customer", "клиент", "код клиента", "респондент")
_ATTR_COLS = ("attribute", "topic", "тема", "свойство", "атрибут")
_DATE_COLS = ("date", "дата")


def _strip_quotes(s: str) -> str:
    s = s.strip()
    pairs = (("«", "»"), ('"', '"'), ("“", "”"), ("„", "“"), ("'", "'"))
    body = s.rstrip(".!?…") if len(s) > 2 and s[-1] in ".!?…" else s  # «Quote». -> Quote
    for a, b in pairs:
        if len(body) >= 2 and body.startswith(a) and body.endswith(b) and a not in body[1:-1]:
            return body[1:-1].strip()
    return s


def _empty_notes() -> pd.DataFrame:
    return pd.DataFrame({c: pd.array([], dtype=pd.StringDtype())
                         for c in ("customer_id", "attribute", "text")}).assign(
        line=pd.array([], dtype="int64"))


def load_interview_notes(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read interview notes into a table of quotes.

    Parameters
    ----------
    source : str, Path or DataFrame
        A ``.txt`` / ``.md`` file of notes, or a table of quotes (``.csv``, ``.xlsx`` or a
        DataFrame) with a text column (``text``, ``quote``, ``цитата``, ``текст`` ...) and
        optionally the client (``customer_id``, ``клиент``), the attribute (``attribute``,
        ``тема``, ``свойство``) and a ``date``.

    Returns
    -------
    DataFrame
        One row per quote: ``customer_id``, ``attribute`` (missing when untagged), ``text``,
        ``line`` (the line or row number in the file) and ``date`` when the table had one.

    Notes
    -----
    In a text file, a line ``Клиент: 000123`` (or ``Client: …``, ``# Interview — Café Lotus``)
    starts a client's quotes; every other non-empty line is one quote, with a bullet, a
    number and surrounding quotation marks removed; ``[Цена] Дороговато`` tags the quote with
    an attribute.

    Examples
    --------
    >>> import io, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = p.write_text("Клиент: 000123\\n- «Привозят вовремя»\\n[Цена] Дороговато\\n",
    ...                  encoding="utf-8")
    >>> load_interview_notes(p)[["customer_id", "attribute", "text"]].values.tolist()
    [['000123', <NA>, 'Привозят вовремя'], ['000123', 'Цена', 'Дороговато']]
    """
    if isinstance(source, pd.DataFrame) or Path(str(source)).suffix.lower() in (
            ".csv", ".tsv", ".xlsx", ".xlsm"):
        return _notes_table(source)
    p = Path(source)
    if not p.exists():
        raise DataFileError(f"{p.name}: file not found ({p})")
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")
    rows = []
    client = None
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _CLIENT_LINE.match(line)
        if m:
            client = m.group(1).strip()
            continue
        if line.lstrip().startswith("#"):  # other headings are not quotes
            continue
        body = _BULLET.sub("", line).strip()
        attribute = None
        tm = _TAG.match(body)
        if tm:
            attribute, body = tm.group(1).strip(), tm.group(2)
        body = _strip_quotes(body)
        if body:
            rows.append({"customer_id": client, "attribute": attribute, "text": body, "line": i})
    if not rows:
        return _empty_notes()
    out = pd.DataFrame(rows)
    for c in ("customer_id", "attribute", "text"):
        out[c] = out[c].astype(pd.StringDtype())
    out["line"] = out["line"].astype("int64")
    return out


def _notes_table(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    from workbench.io._mapping import normalise_header
    from workbench.io._parse import parse_dates, parse_text
    from workbench.io._read import read_source

    raw = read_source(source)
    found = {}
    for name in raw.names:
        n = normalise_header(name)
        for key, words in (("text", _TEXT_COLS), ("customer_id", _CLIENT_COLS),
                           ("attribute", _ATTR_COLS), ("date", _DATE_COLS)):
            if key not in found and n in {normalise_header(w) for w in words}:
                found[key] = name
    if "text" not in found:
        raise MissingColumnsError("interview notes", ["text"], raw.names,
                                  source=raw.source, hint="name the quotes' column 'text' or "
                                  "'цитата'")
    out = pd.DataFrame(index=range(raw.n_rows))
    for key in ("customer_id", "attribute", "text"):
        out[key] = (parse_text(raw.columns[found[key]])[0] if key in found
                    else pd.array([None] * raw.n_rows, dtype=pd.StringDtype()))
    out["line"] = raw.rows.astype("int64")
    if "date" in found:
        vals, _, _, _ = parse_dates(raw.columns[found["date"]])
        out["date"] = vals
    out = out[out["text"].notna()].reset_index(drop=True)
    out["text"] = out["text"].map(_strip_quotes).astype(pd.StringDtype())
    return out


def voice_of_customer(survey: pd.DataFrame | None = None,
                      notes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Put the survey's free texts and the interview notes into one table of quotes.

    Parameters
    ----------
    survey : DataFrame, optional
        The long survey table: ``comment`` (per attribute) and the extra columns ``keep`` and
        ``change`` of a questionnaire (one per respondent, taken once).
    notes : DataFrame, optional
        From :func:`load_interview_notes`.

    Returns
    -------
    DataFrame
        ``topic`` (the attribute when known, else ``keep`` / ``change`` / ``interview``),
        ``text``, ``origin`` (``survey`` or ``interview``), ``respondent_id``, ``customer_id``.
        Feed it to :func:`workbench.quotes` with ``by="topic"``.

    Examples
    --------
    >>> survey = pd.DataFrame({"respondent_id": ["r1", "r1"], "attribute": ["Цена", "Вкус"],
    ...                        "comment": ["Дорого", None], "change": ["Цены", "Цены"]})
    >>> voice_of_customer(survey)[["topic", "text", "origin"]].values.tolist()
    [['Цена', 'Дорого', 'survey'], ['change', 'Цены', 'survey']]
    """
    if survey is None and notes is None:
        raise WorkbenchError("voice_of_customer: give a survey table, interview notes or both")
    parts = []
    if survey is not None:
        s = survey.reset_index(drop=True)
        rid = s["respondent_id"] if "respondent_id" in s else pd.Series([None] * len(s))
        cid = s["customer_id"] if "customer_id" in s else pd.Series([None] * len(s))
        if "comment" in s:
            parts.append(pd.DataFrame({"topic": s.get("attribute"), "text": s["comment"],
                                       "origin": "survey", "respondent_id": rid,
                                       "customer_id": cid}))
        for col in ("keep", "change"):
            if col in s:
                one = pd.DataFrame({"topic": col, "text": s[col], "origin": "survey",
                                    "respondent_id": rid, "customer_id": cid})
                parts.append(one.drop_duplicates(subset=["respondent_id", "text"]))
    if notes is not None:
        parts.append(pd.DataFrame({
            "topic": notes["attribute"].fillna("interview") if "attribute" in notes
            else "interview",
            "text": notes["text"], "origin": "interview", "respondent_id": None,
            "customer_id": notes.get("customer_id")}))
    out = pd.concat(parts, ignore_index=True)
    text = out["text"].astype("string")
    out = out[text.notna() & (text.str.strip() != "")].reset_index(drop=True)
    for c in out.columns:
        out[c] = out[c].astype(pd.StringDtype())
    return out[["topic", "text", "origin", "respondent_id", "customer_id"]]

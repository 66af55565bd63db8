"""Confidentiality of a pseudonymised run: scrub e-mails, phone numbers and names from text.

:func:`workbench.load_folder` with a ``pseudonymize_key`` (or the environment variable
``WORKBENCH_PSEUDONYMIZE_KEY``, which ``workbench run --pseudonymize-key`` sets for every
kernel) replaces ids by keyed hashes and blanks the name column; this module removes what is
left in text: e-mail addresses and phone numbers in every text column, and the clients' names
where free text quotes them. The load reports' rejected rows are scrubbed the same way, since
they are shown in the notebooks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

__all__ = ("EMAIL_PATTERN", "PHONE_PATTERN", "scrub_everything", "scrub_frame", "scrub_text")

#: An e-mail address (``local@domain.tld``).
EMAIL_PATTERN = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
#: A phone number: 7 to 15 digits, optionally after ``+``, with spaces, dots, dashes or
#: brackets between them (``+7 (495) 123-45-67``, ``8 800 555 35 35``, ``555-0123``...).
PHONE_PATTERN = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s().\-]{0,2}\d){6,14}(?![\w])")
#: Columns of free text (what a client said, or wrote in a survey).
FREE_TEXT_COLUMNS: tuple[str, ...] = ("comment", "text")

_DATE_LIKE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}")

EMAIL_MARK = "[e-mail]"
PHONE_MARK = "[phone]"
NAME_MARK = "[name]"


def _names_pattern(names: Iterable[Any]) -> re.Pattern | None:
    words = sorted({str(n).strip() for n in names
                    if isinstance(n, str) and len(str(n).strip()) >= 3}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                      re.IGNORECASE)


def _phone_or_date(match: re.Match) -> str:
    text = match.group(0)
    return text if _DATE_LIKE.fullmatch(text.strip()) else PHONE_MARK


def scrub_text(text: Any, *, phones: bool = True, names: re.Pattern | None = None) -> Any:
    """Replace e-mail addresses, phone numbers (and given names) in one text value.

    Parameters
    ----------
    text : str or other
        Anything that is not a string is returned as it is.
    phones : bool, default True
        Also replace phone numbers (in free text); ``False`` only when the column holds
        codes whose digits must stay (then only a value that is a phone as a whole goes).
    names : compiled pattern, optional
        Client names to replace.

    Examples
    --------
    >>> scrub_text("Call me on +7 (495) 123-45-67 or write to ivan.petrov@mail.ru")
    'Call me on [phone] or write to [e-mail]'
    >>> scrub_text("Order 2024-12 of 3 units, delivered 2025-01-31")
    'Order 2024-12 of 3 units, delivered 2025-01-31'
    """
    if not isinstance(text, str) or not text:
        return text
    out = EMAIL_PATTERN.sub(EMAIL_MARK, text)
    if phones:
        out = PHONE_PATTERN.sub(_phone_or_date, out)
    elif PHONE_PATTERN.fullmatch(out.strip()) and not _DATE_LIKE.fullmatch(out.strip()):
        out = PHONE_MARK
    if names is not None:
        out = names.sub(NAME_MARK, out)
    return out


def scrub_frame(frame: pd.DataFrame, *, names: Iterable[Any] = (),
                skip: Iterable[str] = ()) -> pd.DataFrame:
    """Scrub every text column of a frame (a new frame; numbers and dates untouched).

    Free-text columns (:data:`FREE_TEXT_COLUMNS`) lose e-mails, phone numbers and the given
    names; other text columns lose e-mails and values that are a phone number as a whole;
    ``skip`` columns (the pseudonymised ids) are left alone.
    """
    pattern = _names_pattern(names)
    skip = set(skip)
    out = frame.copy()
    for col in out.columns:
        if col in skip:
            continue
        series = out[col]
        if not (series.dtype == object or isinstance(series.dtype, pd.StringDtype)):
            continue
        free = col in FREE_TEXT_COLUMNS
        out[col] = _map_unique(series, lambda v, free=free: scrub_text(
            v, phones=free, names=pattern if free else None))
    return out


def _map_unique(series: pd.Series, fn: Any) -> pd.Series:
    """Apply ``fn`` once per distinct value (long logs repeat their labels)."""
    values = series.dropna().unique()
    table = {v: fn(v) for v in values.tolist()}
    return series.map(table, na_action="ignore").astype(series.dtype)


def scrub_everything(frame: pd.DataFrame, *, names: Iterable[Any] = ()) -> pd.DataFrame:
    """Scrub every text column as free text (for rejected rows: raw lines, any column)."""
    pattern = _names_pattern(names)
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            out[col] = _map_unique(series, lambda v: scrub_text(v, phones=True,
                                                                names=pattern))
    return out

"""Exceptions raised by workbench.

Every error a user can cause with bad input is a :class:`WorkbenchError`, a subclass of
:class:`ValueError`, so ``except ValueError`` keeps working for callers who do not know the
package. Messages name the file, the column, the row and what was expected.
"""

from __future__ import annotations

__all__ = (
    "DataFileError",
    "InsufficientHistoryError",
    "MissingColumnsError",
    "NoteWarning",
    "WorkbenchError",
    "shorten",
)

#: The most characters of one quoted value (a column name, a cell) in a message.
QUOTE_LIMIT = 60
#: The most column names listed in a message.
LIST_LIMIT = 20


def shorten(text: object, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for quoting in a message."""
    s = str(text)
    return s if len(s) <= limit else s[: max(1, limit - 1)] + "…"


def _listed(names: list[str]) -> str:
    shown = ", ".join(repr(shorten(c)) for c in names[:LIST_LIMIT])
    if len(names) > LIST_LIMIT:
        shown += f" and {len(names) - LIST_LIMIT} more"
    return shown


class WorkbenchError(ValueError):
    """Base class of every input error raised by workbench."""


class DataFileError(WorkbenchError):
    """A data file is missing, empty, unreadable or of an unknown format."""


class MissingColumnsError(WorkbenchError):
    """A table lacks a required column.

    Parameters
    ----------
    table : str
        Canonical table name (``"transactions"``, ``"survey"`` ...).
    missing : list of str
        Canonical names of the required columns that were not found.
    found : list of str
        Column names that *were* present in the input.
    source : str, optional
        The file (or ``"DataFrame"``) the table came from.
    hint : str, optional
        Extra advice appended to the message.
    """

    def __init__(
        self,
        table: str,
        missing: list[str],
        found: list[str],
        source: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.table = table
        self.missing = list(missing)
        self.found = [str(c) for c in found]
        self.source = source
        where = f" in {shorten(source)}" if source else ""
        msg = (
            f"{table}{where}: required column(s) {_listed(self.missing)} "
            f"not found. Columns found: {_listed(self.found) or '(none)'}. "
            "Pass columns={'<your column>': '<canonical name>'} to map them"
        )
        if hint:
            msg += f". {shorten(hint, 800)}"
        super().__init__(msg)


class InsufficientHistoryError(WorkbenchError):
    """The data does not cover the period an analysis needs (e.g. ``asof + horizon``)."""


class NoteWarning(UserWarning):
    """A warning said in the reader's language.

    It carries a catalogue note (a code and its values, :class:`~workbench.io._messages.Note`)
    instead of a sentence: the computation never holds prose, and the text layer says the note
    in the current language when the warning is shown.

    Examples
    --------
    >>> import warnings, workbench
    >>> w = NoteWarning("nps.warn.no_group", n=3)
    >>> w.note.code, w.note.params
    ('nps.warn.no_group', {'n': 3})
    """

    def __init__(self, code: str, /, **params: object) -> None:
        from workbench.io._messages import Note

        self.note = Note(code, **params)
        super().__init__(code)

    def __str__(self) -> str:
        try:
            return str(self.note)
        except RuntimeError:  # no text layer loaded: the code and its values
            return repr(self.note)

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
    "WorkbenchError",
)


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
        where = f" in {source}" if source else ""
        msg = (
            f"{table}{where}: required column(s) {', '.join(repr(m) for m in self.missing)} "
            f"not found. Columns found: {', '.join(repr(c) for c in self.found) or '(none)'}. "
            "Pass columns={'<your column>': '<canonical name>'} to map them"
        )
        if hint:
            msg += f". {hint}"
        super().__init__(msg)


class InsufficientHistoryError(WorkbenchError):
    """The data does not cover the period an analysis needs (e.g. ``asof + horizon``)."""

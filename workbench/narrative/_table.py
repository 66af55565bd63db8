"""Display tables of texts: every cell in full, no row index."""

from __future__ import annotations

import pandas as pd

__all__ = ("LabelledTextTable", "TextTable")


class TextTable(pd.DataFrame):
    """A display table of texts: shown in full, without the row index.

    A plain :class:`pandas.DataFrame` cuts cells at ``display.max_colwidth`` (50 characters)
    and shows its 0, 1, 2 … index, which is noise for a table of questions and answers, or of
    factors and their formatted ratings. This frame prints and renders every cell in full; any
    operation on it gives a plain DataFrame.

    Examples
    --------
    >>> print(TextTable({"No.": [1], "Question": ["x" * 60]}))  # doctest: +ELLIPSIS
     No.                                                     Question
       1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
    """

    @property
    def _constructor(self):  # operations on the table give a plain DataFrame
        return pd.DataFrame

    def __repr__(self) -> str:
        return self.to_string(index=False)

    def _repr_html_(self) -> str:
        return self.to_html(index=False, border=0, na_rep="", escape=True)


class LabelledTextTable(TextTable):
    """A display table of texts shown in full, whose row labels (the index) are shown too.

    For a table whose rows are named (the ABC-XYZ cells AX … CZ): every cell in full, as in
    :class:`TextTable`, with the index as the first column.

    Examples
    --------
    >>> table = LabelledTextTable({"How": ["y" * 60]}, index=pd.Index(["AX"], name="Cell"))
    >>> "y" * 60 in repr(table) and "AX" in table._repr_html_()
    True
    """

    def __repr__(self) -> str:
        return self.to_string()

    def _repr_html_(self) -> str:
        return self.to_html(border=0, na_rep="", escape=True)

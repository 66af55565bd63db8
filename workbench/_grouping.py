"""Shared ``by=`` handling: group rows by a column or by a customer -> segment Series.

Analysis functions that work "per segment" accept ``by=`` as either

- the name of a column of the input table (``by="region"``), or
- a :class:`pandas.Series` indexed by ``customer_id`` whose values are the segment of each client
  (for example ``rfm_table(tx)["segment"]``), mapped onto the table through its ``customer_id``.

:func:`attach_groups` turns either into a ``_group`` column. Rows whose group is unknown (no
``customer_id``, a client absent from the Series, or an empty cell in the column) get ``<NA>``:
they are kept in the returned frame, so an overall figure computed without ``by=`` still counts
them, but ``groupby`` (which drops NA keys) leaves them out of the per-group figures. Functions
that use this helper say so in their docstrings.
"""

from __future__ import annotations

import pandas as pd

from workbench.errors import MissingColumnsError, WorkbenchError

__all__ = ("GROUP_COLUMN", "attach_groups")

#: Name of the column added by :func:`attach_groups`.
GROUP_COLUMN = "_group"


def attach_groups(
    frame: pd.DataFrame, by: str | pd.Series | None, table: str
) -> tuple[pd.DataFrame, str | None]:
    """Return ``frame`` with a ``_group`` column built from ``by``, and the group's name.

    Parameters
    ----------
    frame : pandas.DataFrame
        A canonical table (after :func:`workbench._columns.prepare_table`).
    by : str, pandas.Series or None
        ``None``: no grouping. A column name of ``frame``: that column. A Series indexed by
        customer id: its values, looked up through ``frame["customer_id"]`` (ids compared as
        strings, so ``"00012"`` and an integer index do not silently mismatch only when written
        alike; duplicate index entries keep the first).
    table : str
        Canonical table name, for error messages.

    Returns
    -------
    frame : pandas.DataFrame
        ``frame`` unchanged when ``by`` is None, else a copy with a ``_group`` column (object or
        string values; ``<NA>`` where the group is unknown).
    name : str or None
        ``None`` without grouping; the column name; or the Series' name (``"segment"`` when
        the Series has none).

    Raises
    ------
    WorkbenchError
        If ``by`` is a string that is not a column, a Series but ``frame`` has no
        ``customer_id`` column, or anything else.
    """
    if by is None:
        return frame, None
    if isinstance(by, str):
        if by not in frame.columns:
            raise WorkbenchError(
                f"{table}: by={by!r} is not a column. Columns found: "
                f"{list(map(str, frame.columns))}. Pass a column name or a Series mapping "
                "customer_id to a segment"
            )
        out = frame.copy()
        out[GROUP_COLUMN] = frame[by]
        return out, by
    if isinstance(by, pd.Series):
        if "customer_id" not in frame.columns:
            raise MissingColumnsError(
                table, ["customer_id"], list(frame.columns), source="DataFrame",
                hint="by= given as a Series maps customers to segments through customer_id",
            )
        mapping = pd.Series(by.to_numpy(), index=pd.Index(by.index.astype(str)))
        mapping = mapping[~mapping.index.duplicated(keep="first")]
        ids = frame["customer_id"].astype("string")
        values = ids.map(mapping)
        out = frame.copy()
        out[GROUP_COLUMN] = values.to_numpy()
        out[GROUP_COLUMN] = out[GROUP_COLUMN].where(ids.notna().to_numpy() & out[GROUP_COLUMN].notna())
        return out, str(by.name) if by.name is not None else "segment"
    raise WorkbenchError(
        f"{table}: by= must be None, a column name or a Series indexed by customer_id; "
        f"got {type(by).__name__}"
    )

"""Shared input handling for the analysis functions.

Analysis functions take a canonical table (as returned by the loaders) or any DataFrame plus a
``columns=`` mapping ``{caller's name: canonical name}``. :func:`prepare_transactions` turns
either into a clean canonical copy restricted to the history up to ``asof``.

``asof`` is a calendar day and includes the whole day: a purchase at 09:39 on the ``asof`` day
belongs to the history. :func:`asof_day` turns any ``asof`` into that day (midnight) and
:func:`through_asof` is the one test "on or before the ``asof`` day" that every function taking
``asof`` applies to its dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from workbench.errors import InsufficientHistoryError, MissingColumnsError, WorkbenchError
from workbench.schema import table_spec

__all__ = (
    "apply_columns",
    "asof_day",
    "check_transactions",
    "missing_count",
    "prepare_table",
    "prepare_transactions",
    "resolve_asof",
    "through_asof",
)


def apply_columns(
    frame: pd.DataFrame, columns: Mapping[str, str] | None, table: str
) -> pd.DataFrame:
    """Return ``frame`` with caller's column names mapped to canonical ones (a shallow copy)."""
    if not isinstance(frame, pd.DataFrame):
        raise WorkbenchError(
            f"{table}: expected a pandas DataFrame, got {type(frame).__name__}. "
            f"Load files with workbench.load_{table}(path) first"
        )
    if columns:
        unknown = [src for src in columns if src not in frame.columns]
        if unknown:
            raise WorkbenchError(
                f"{table}: columns= maps {unknown} but the frame has no such column. "
                f"Columns found: {list(map(str, frame.columns))}"
            )
        frame = frame.rename(columns=dict(columns))
    return frame


def resolve_asof(asof: object, dates: pd.Series, what: str = "transactions") -> pd.Timestamp:
    """Turn ``asof`` into a Timestamp; ``None`` means the last date in ``dates``."""
    if asof is None:
        if len(dates) == 0:
            raise WorkbenchError(f"{what}: no rows, so asof cannot default to the last date")
        return pd.Timestamp(dates.max())
    try:
        ts = pd.Timestamp(asof)
    except (ValueError, TypeError) as exc:
        raise WorkbenchError(
            f"asof must be a date such as '2024-12-31'; got {asof!r}"
        ) from exc
    if ts is pd.NaT:
        raise WorkbenchError(f"asof must be a date such as '2024-12-31'; got {asof!r}")
    return ts


def asof_day(asof: object, dates: pd.Series, what: str = "transactions") -> pd.Timestamp:
    """Return the observation end as a calendar day (a midnight Timestamp).

    ``asof`` is a day, not an instant: ``"2024-03-31"``, ``"2024-03-31 09:00"`` and ``None``
    when the last date is ``2024-03-31 17:45`` all give ``2024-03-31``, and the whole of that day
    belongs to the history (see :func:`through_asof`).

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2024-03-01 08:00", "2024-03-31 17:45"]))
    >>> str(asof_day(None, dates)), str(asof_day("2024-03-15 12:30", dates))
    ('2024-03-31 00:00:00', '2024-03-15 00:00:00')
    """
    return resolve_asof(asof, dates, what).normalize()


def through_asof(dates: pd.Series, asof: object) -> np.ndarray:
    """Mask of the dates that fall on or before the calendar day of ``asof`` (all of it).

    The one rule for "the history up to ``asof``": a date belongs to it when its calendar day is
    not after ``asof``'s, whatever the time of day of either. Missing dates are False.

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2024-03-31 00:00:00", "2024-03-31 23:59:59",
    ...                                   "2024-04-01 00:00:00"]))
    >>> through_asof(dates, "2024-03-31").tolist()
    [True, True, False]
    """
    end = pd.Timestamp(asof).normalize() + pd.Timedelta(days=1)
    return np.asarray(dates < end, dtype=bool)


def prepare_table(
    frame: pd.DataFrame,
    table: str,
    columns: Mapping[str, str] | None = None,
    require: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Map columns, check required ones and coerce canonical dtypes (a new frame)."""
    spec = table_spec(table)
    out = apply_columns(frame, columns, table).copy()
    needed = list(spec.required if require is None else require)
    missing = [c for c in needed if c not in out.columns]
    if missing:
        raise MissingColumnsError(table, missing, list(out.columns), source="DataFrame")
    for col in spec.columns:
        if col.name not in out.columns:
            continue
        s = out[col.name]
        if col.dtype == "string" and not isinstance(s.dtype, pd.StringDtype):
            out[col.name] = s.astype("string")
        elif col.dtype == "datetime" and not pd.api.types.is_datetime64_any_dtype(s):
            try:
                out[col.name] = pd.to_datetime(s.astype("string"), format="mixed")
            except (ValueError, TypeError) as exc:
                raise WorkbenchError(
                    f"{table}: column {col.name!r} must hold dates; could not parse it "
                    f"({exc}). Load the file with workbench.load_{table}() to get a report of "
                    "the bad rows"
                ) from exc
        elif col.dtype == "float" and s.dtype != np.float64:
            try:
                out[col.name] = pd.to_numeric(s).astype("float64")
            except (ValueError, TypeError) as exc:
                raise WorkbenchError(
                    f"{table}: column {col.name!r} must hold numbers ({exc}). Load the file "
                    f"with workbench.load_{table}() to get a report of the bad rows"
                ) from exc
    return out


def check_transactions(
    tx: pd.DataFrame,
    asof: object = None,
    columns: Mapping[str, str] | None = None,
    require: Iterable[str] = ("customer_id", "date", "amount"),
) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Return ``(canonical transactions, asof day)`` without cutting at ``asof``.

    The checks of :func:`prepare_transactions` (columns, dtypes, no empty id / date / amount,
    some history on or before ``asof``). The frame is copied only when a column has to be
    converted to its canonical dtype, so an engine can read a big canonical log as it is.
    """
    frame = apply_columns(tx, columns, "transactions")
    spec = table_spec("transactions")
    canonical = all(c in frame.columns for c in require) and all(
        _has_dtype(frame[col.name], col.dtype) for col in spec.columns if col.name in frame.columns
    )
    out = frame if canonical else prepare_table(tx, "transactions", columns, require)
    for col in ("customer_id", "date", "amount"):
        if col in out.columns:
            n = missing_count(out[col])
            if n:
                first = out.index[out[col].isna()][0]
                raise WorkbenchError(
                    f"transactions: column {col!r} has {n} empty value(s) (first at index "
                    f"{first!r}); load the data with workbench.load_transactions() to reject "
                    "such rows"
                )
    asof_ts = asof_day(asof, out["date"])
    first_day = _earliest(out["date"]) if len(out) else None
    if first_day is not None and asof_ts < first_day.normalize():
        raise InsufficientHistoryError(
            f"asof={asof_ts.date()} is before the first transaction "
            f"({first_day.date()}): there is no history to analyse"
        )
    return out, asof_ts


def missing_count(s: pd.Series) -> int:
    """How many values of ``s`` are missing, by one reduction when none is.

    A NaN makes a float column's minimum NaN, a NaT is a datetime column's smallest integer;
    Arrow strings know their null count. Only a column with a missing value is counted.
    """
    values = s.to_numpy() if isinstance(s.dtype, np.dtype) and len(s) else None
    if values is not None:
        if values.dtype == np.float64 and not np.isnan(values.min()):
            return 0
        if values.dtype.kind == "M" and values.view(np.int64).min() != _NAT:
            return 0
    return len(s) - int(s.count())


def _earliest(dates: pd.Series) -> pd.Timestamp:
    """The earliest of dates with no NaT (checked): one integer reduction for numpy dates."""
    if isinstance(dates.dtype, np.dtype) and dates.dtype.kind == "M":
        values = dates.to_numpy()
        return pd.Timestamp(values.view(np.int64).min().astype(values.dtype))
    return dates.min()


_NAT = np.iinfo(np.int64).min


def _has_dtype(s: pd.Series, dtype: str) -> bool:
    if dtype == "string":
        return isinstance(s.dtype, pd.StringDtype)
    if dtype == "datetime":
        return pd.api.types.is_datetime64_any_dtype(s)
    if dtype == "float":
        return s.dtype == np.float64
    return True


def prepare_transactions(
    tx: pd.DataFrame,
    asof: object = None,
    columns: Mapping[str, str] | None = None,
    require: Iterable[str] = ("customer_id", "date", "amount"),
) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Return ``(canonical transactions up to the asof day, asof as a calendar day)``.

    Rows after ``asof`` are never used by an analysis as of ``asof``: this is the single place
    where that cut is made, by :func:`through_asof` (the whole ``asof`` day is kept), and the
    returned ``asof`` is :func:`asof_day`'s midnight Timestamp. Missing customer ids / dates /
    amounts raise (the loaders reject such rows with a report; a frame built by hand must be
    clean).
    """
    out = prepare_table(tx, "transactions", columns, require)
    out, asof_ts = check_transactions(out, asof, None, require)
    keep = through_asof(out["date"], asof_ts)
    if not keep.all():
        out = out.loc[keep]
    out = out.reset_index(drop=True)
    return out, asof_ts

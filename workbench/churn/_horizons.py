"""Churn horizons: parse ``"90D"`` / ``"3M"`` / ``"1Y"``, shift dates, count days."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError

_HORIZON_RE = re.compile(r"^\s*(\d+)\s*([dwmyDWMY])\s*$")
_DAY = np.timedelta64(1, "D")


def parse_horizon(horizon: object) -> pd.Timedelta | pd.DateOffset:
    """Turn a horizon into something that can be added to a date.

    Parameters
    ----------
    horizon : str, int, pandas.Timedelta or pandas.DateOffset
        ``"90D"`` (days), ``"2W"`` (weeks), ``"3M"`` / ``"6M"`` (calendar months, so
        ``2024-01-31 + 1M = 2024-02-29``), ``"1Y"`` (12 calendar months); an ``int`` is a
        number of days; a Timedelta or DateOffset is used as is. Letters are case-insensitive.

    Returns
    -------
    pandas.Timedelta or pandas.DateOffset
        Positive offset.

    Examples
    --------
    >>> parse_horizon("90D")
    Timedelta('90 days 00:00:00')
    >>> parse_horizon("3M")
    <DateOffset: months=3>
    """
    if isinstance(horizon, pd.DateOffset):
        return horizon
    if isinstance(horizon, (bool, np.bool_)):
        raise WorkbenchError(f"horizon must be like '90D', '3M' or a number of days; got {horizon!r}")
    if isinstance(horizon, (int, np.integer)):
        out: pd.Timedelta | pd.DateOffset = pd.Timedelta(days=int(horizon))
    elif isinstance(horizon, (pd.Timedelta, np.timedelta64)) or hasattr(horizon, "total_seconds"):
        out = pd.Timedelta(horizon)
    elif isinstance(horizon, str):
        m = _HORIZON_RE.match(horizon)
        if m:
            n, unit = int(m.group(1)), m.group(2).upper()
            if unit == "D":
                out = pd.Timedelta(days=n)
            elif unit == "W":
                out = pd.Timedelta(weeks=n)
            elif unit == "M":
                out = pd.DateOffset(months=n)
            else:
                out = pd.DateOffset(months=12 * n)
        else:
            try:
                out = pd.Timedelta(horizon)
            except ValueError:
                raise WorkbenchError(
                    "horizon must be like '90D' (days), '3M' (calendar months), '1Y' or a "
                    f"number of days; got {horizon!r}"
                ) from None
    else:
        raise WorkbenchError(
            f"horizon must be like '90D', '3M' or a number of days; got {horizon!r}"
        )
    probe = pd.Timestamp("2000-01-01")
    if probe + out <= probe:
        raise WorkbenchError(f"horizon must be positive; got {horizon!r}")
    return out


def _shift(ts: pd.Timestamp, offset: pd.Timedelta | pd.DateOffset, k: int) -> pd.Timestamp:
    """Return ``ts + k * offset`` (calendar months multiply exactly, no drift)."""
    if isinstance(offset, pd.DateOffset):
        kw = {name: getattr(offset, name) * k for name in offset.kwds}
        return ts + pd.DateOffset(**kw)
    return ts + k * offset


def horizon_days(horizon: object, asof: object = "2001-01-01") -> int:
    """Return the number of days in ``horizon`` counted from ``asof`` (months vary in length)."""
    ts = pd.Timestamp(asof)
    return int((_shift(ts, parse_horizon(horizon), 1) - ts) / _DAY)


def _horizon_label(horizon: object) -> str:
    """A string form of ``horizon`` that :func:`parse_horizon` reads back."""
    h = parse_horizon(horizon)
    if isinstance(h, pd.DateOffset):
        months = h.kwds.get("months", 0) + 12 * h.kwds.get("years", 0)
        if set(h.kwds) <= {"months", "years"} and months:
            return f"{months}M"
        raise WorkbenchError(f"horizon offsets other than whole months are not supported: {h!r}")
    if h % pd.Timedelta(days=1) == pd.Timedelta(0):
        return f"{h.days}D"
    return str(h)

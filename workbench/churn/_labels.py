"""Churn outcomes: who bought again within the horizon after a past ``asof``."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions, resolve_asof
from workbench.churn._horizons import _shift, parse_horizon
from workbench.errors import InsufficientHistoryError


def backtest_asof(
    tx: pd.DataFrame,
    horizon: object = "90D",
    asof: object = None,
    columns: Mapping[str, str] | None = None,
) -> pd.Timestamp:
    """Return the last date whose churn outcome is already known: ``asof`` minus one horizon.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (``date`` is used).
    horizon : str, int or Timedelta, default "90D"
        See :func:`parse_horizon`.
    asof : date-like, optional
        End of the known data (default: the last transaction date).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.

    Returns
    -------
    pandas.Timestamp
        ``asof - horizon`` (calendar months subtract exactly): fit a model with data up to it
        and :meth:`ChurnModel.evaluate` it there for an out-of-time check, or label it with
        :func:`churn_labels`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-06-30"])})
    >>> str(backtest_asof(tx, "30D").date()), str(backtest_asof(tx, "3M", "2024-05-31").date())
    ('2024-05-31', '2024-02-29')
    """
    _, asof_ts = prepare_transactions(tx, asof, columns)
    return _shift(asof_ts, parse_horizon(horizon), -1)


def _labels(full: pd.DataFrame, asof: pd.Timestamp, offset, codes=None) -> pd.Series:
    """Labels from a prepared (uncut) log; no coverage check.

    ``asof`` is a calendar day included whole: a purchase at 09:39 on the ``asof`` day is
    history, and the outcome window is the days after it up to ``asof + H`` (that day whole).
    ``codes``: ``(codes of full's rows, uniques)`` of ``pd.factorize(ids, sort=True)``, when
    the caller has it (a fit labels several cut-offs of one log); else it is computed here.
    """
    day = pd.Timestamp(asof).normalize()
    one = pd.Timedelta(days=1)
    end = _shift(day, offset, 1)
    dates = full["date"]
    client, uniques = codes if codes is not None else pd.factorize(full["customer_id"],
                                                                   sort=True)
    paid = full["amount"].to_numpy() > 0
    before = (dates < day + one).to_numpy()
    window = (dates >= day + one).to_numpy() & (dates < end + one).to_numpy() & paid
    bought = np.zeros(len(uniques), dtype=bool)
    bought[client[before & paid]] = True
    back = np.zeros(len(uniques), dtype=bool)
    back[client[window]] = True
    ids = uniques[bought]  # sorted; an object column's ids typed as pd.Index types them
    buyers = pd.Index(ids.to_numpy() if ids.dtype == object else ids, name="customer_id")
    return pd.Series((~back[bought]).astype("int64"), index=buyers, name="churned")


def churn_labels(
    tx: pd.DataFrame,
    asof: object,
    horizon: object = "90D",
    columns: Mapping[str, str] | None = None,
    data_end: object = None,
) -> pd.Series:
    """Label each client 1 if they made no purchase in ``(asof, asof + horizon]``, else 0.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (canonical columns ``customer_id``, ``date``, ``amount``, or mapped with
        ``columns``).
    asof : date-like
        End of the observation period. Only clients whose first purchase is on or before it are
        labelled.
    horizon : str, int or Timedelta, default "90D"
        Length of the outcome window; see :func:`parse_horizon` (``"3M"`` = 3 calendar months).
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.
    data_end : date-like, optional
        The date up to which the log is complete. Defaults to the last transaction date; pass
        it when the log is known to cover a later period with no sales at its end.

    Returns
    -------
    pandas.Series
        ``churned`` (int64, 1 = no purchase in the horizon), indexed by ``customer_id``
        (sorted).

    Raises
    ------
    InsufficientHistoryError
        If the data end is before ``asof + horizon``: the outcome is not yet known.

    Notes
    -----
    A *purchase* is a row with ``amount > 0``; returns (negative amounts) and zero rows neither
    make a client a buyer nor count as coming back. This is the usual definition of churn for
    non-contractual settings (Fader & Hardie); it says nothing about *why* a client left.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-01-20",
    ...                                            "2024-03-31"]),
    ...                    "amount": [10.0, 5.0, 7.0, 1.0]})
    >>> churn_labels(tx, "2024-01-31", "30D").tolist()
    [0, 1]
    """
    full, _ = prepare_transactions(tx, None, columns)
    asof_ts = resolve_asof(asof, full["date"])
    offset = parse_horizon(horizon)
    end = _shift(asof_ts, offset, 1)
    last = pd.Timestamp(data_end) if data_end is not None else full["date"].max()
    if last < end:
        raise InsufficientHistoryError(
            f"transactions end on {last.date()}, but labels for asof={asof_ts.date()} and "
            f"horizon={horizon!r} need data up to {end.date()}: choose an earlier asof or a "
            "shorter horizon (or pass data_end= if the log is complete to a later date)"
        )
    return _labels(full, asof_ts, offset)


def has_churn_history(
    tx: pd.DataFrame,
    horizon: object = "90D",
    asof: object = None,
    n_horizons: int = 2,
    columns: Mapping[str, str] | None = None,
) -> bool:
    """Return True if the purchases reach ``n_horizons`` horizons before ``asof``.

    Parameters
    ----------
    tx : pandas.DataFrame
        Transactions (canonical columns, or mapped with ``columns``).
    horizon : str, int or Timedelta, default "90D"
        Churn horizon ``H`` (see :func:`parse_horizon`).
    asof : date-like, optional
        End of the known data (default: the last transaction date).
    n_horizons : int, default 2
        How many horizons of history the part needs: 1 for a :class:`ChurnModel` fitted at
        ``asof`` (one complete window), 2 for the out-of-time check (a model fitted at
        ``asof - H`` and evaluated on the last horizon) and for any part that uses it.
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.

    Returns
    -------
    bool
        True when the first purchase (amount > 0) is on or before ``asof - n_horizons * H``.
        :func:`workbench.describe_history_need` says in words what is needed and what the
        transactions hold.

    Notes
    -----
    This is only the history test of :meth:`ChurnModel.fit`; a log long enough can still fail
    for other reasons (e.g. every client churned). In a notebook,
    :func:`workbench.churn_history_ok` runs this test and says why when it fails, so that a
    short export skips the part instead of stopping with
    :class:`~workbench.errors.InsufficientHistoryError`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-04-01", "2024-06-30"])})
    >>> has_churn_history(tx, "30D", n_horizons=2)
    True
    >>> has_churn_history(tx, "90D", n_horizons=2)
    False
    """
    full, asof_ts = prepare_transactions(tx, asof, columns)
    buys = full.loc[full["amount"] > 0, "date"]
    return bool(
        not buys.empty
        and buys.min() <= _shift(asof_ts, parse_horizon(horizon), -int(n_horizons))
    )

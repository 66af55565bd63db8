"""Private helpers shared by the segmentation modules: customer codes and per-order netting."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "MONEY_DECIMALS",
    "PURCHASE_MIN_AMOUNT",
    "RETURNS_POLICIES",
    "average_ranks",
    "check_choice",
    "customer_codes",
    "day_numbers",
    "empty_check",
    "order_table",
    "sorted_groups",
    "string_labels",
)

#: An order is a purchase when its net amount is at least this (a millionth of a currency unit):
#: a refund that nets an order to 1e-14 through float rounding is not a purchase, whichever
#: engine summed the lines (:mod:`workbench.engine.sql` uses the same bound).
PURCHASE_MIN_AMOUNT: float = 1e-6

#: Money compared for ranking and tie-breaking (ABC order, RFM money score, profit groups) is
#: rounded to this many decimals first, so sums that differ only by float rounding tie.
MONEY_DECIMALS: int = 6

#: Allowed values of the ``returns=`` argument.
RETURNS_POLICIES: tuple[str, ...] = ("net", "exclude")


def check_choice(name: str, value: object, allowed: tuple) -> None:
    """Raise a WorkbenchError naming the parameter, the allowed values and what was received."""
    if value not in allowed:
        raise WorkbenchError(
            f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}"
        )


def average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks with ties sharing their average rank (``Series.rank(method="average")``).

    Whole numbers within a span of a few times their count (days, order counts) are counted
    with ``np.bincount`` in one pass; other values are sorted once. Both give exactly the
    ranks pandas gives (the average of ``k`` consecutive ranks is ``start + (k + 1) / 2``,
    exact in float64). NaN values are ranked by pandas (NaN stays NaN).

    Examples
    --------
    >>> average_ranks(np.array([30, 10, 20, 10])).tolist()
    [4.0, 1.5, 3.0, 1.5]
    >>> average_ranks(np.array([0.5, 0.25, 0.5])).tolist()
    [2.5, 1.0, 2.5]
    """
    x = np.asarray(values)
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.float64)
    if x.dtype.kind in "iub":
        x = x.astype(np.int64, copy=False)
        lo = int(x.min())
        if int(x.max()) - lo <= 4 * n + 1024:
            shifted = x - lo
            counts = np.bincount(shifted)
            start = np.cumsum(counts) - counts
            return (start + (counts + 1) / 2.0)[shifted]
    else:
        x = x.astype(np.float64, copy=False)
        if np.isnan(x).any():
            return pd.Series(x).rank(method="average").to_numpy()
    order = np.argsort(x)
    xs = x[order]
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(xs[1:], xs[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, n))
    ranks = np.empty(n, dtype=np.float64)
    ranks[order] = np.repeat(starts + (counts + 1) / 2.0, counts)
    return ranks


def string_labels(labels, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``labels[codes]`` as a pandas ``string`` array (a take from a few labels, no objects).

    Examples
    --------
    >>> list(string_labels(["A", "B", "C"], np.array([2, 0, 0])))
    ['C', 'A', 'A']
    """
    return pd.array(list(labels), dtype="string").take(np.asarray(codes, dtype=np.intp))


def customer_codes(ids: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Return integer codes (in sorted order of ids) and the sorted unique ids as an Index."""
    codes, uniques = pd.factorize(ids, sort=False)  # hash first, then sort only the uniques
    uniques = pd.Index(uniques, dtype="string")
    perm = np.asarray(uniques.argsort(), dtype=np.int64)
    rank = np.empty(len(perm), dtype=np.int64)
    rank[perm] = np.arange(len(perm))
    index = pd.Index(uniques.take(perm), dtype="string", name="customer_id")
    return rank[codes], index


def sorted_groups(key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group equal int64 keys by sorting: (row order, sorted unique keys, group starts).

    ``order`` sorts the rows by key; ``starts`` are the positions in the sorted rows where a
    new key begins (for ``np.add.reduceat`` and friends). Faster than a hash groupby on numpy 2.
    """
    order = np.argsort(key)
    skey = key[order]
    first = np.empty(len(skey), dtype=bool)
    first[:1] = True
    np.not_equal(skey[1:], skey[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return order, skey[starts], starts


def day_numbers(dates: pd.Series | np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of each date (time of day dropped), as int64."""
    values = np.asarray(dates, dtype="datetime64[ns]")
    return values.astype("datetime64[D]").astype(np.int64)


def order_table(tx: pd.DataFrame, returns: str = "net") -> tuple[pd.DataFrame, pd.Index]:
    """Net the lines of each order and flag the orders that count as purchases.

    An order is the ``order_id`` when the column exists and is filled, else the purchase day of
    the customer. Returns a frame with one row per order: ``code`` (customer code), ``day``
    (first day of the order, days since epoch), ``amount`` and ``cost`` (netted; cost NaN when
    absent) and ``purchase`` (net amount >= :data:`PURCHASE_MIN_AMOUNT`), plus the Index of
    customer ids.
    """
    check_choice("returns", returns, RETURNS_POLICIES)
    if returns == "exclude":
        tx = tx.loc[tx["amount"].to_numpy() >= 0]
    codes, ids = customer_codes(tx["customer_id"])
    day = day_numbers(tx["date"])
    amount = tx["amount"].to_numpy(dtype=np.float64)
    has_cost = "cost" in tx.columns
    cost = tx["cost"].to_numpy(dtype=np.float64) if has_cost else None
    if "order_id" in tx.columns and tx["order_id"].notna().any():
        order = tx["order_id"]
        filled = order.notna().to_numpy()
        ocodes, _ = pd.factorize(order, use_na_sentinel=True)
        # rows without an order id: their purchase day is the order (kept apart from real ids)
        n_orders = int(ocodes.max()) + 1
        ocodes = np.where(filled, ocodes, n_orders + day - day.min()).astype(np.int64)
    else:
        ocodes = day - (day.min() if len(day) else 0)
    mult = int(ocodes.max()) + 1 if len(ocodes) else 1
    order, ukey, starts = sorted_groups(codes * mult + ocodes)
    out = pd.DataFrame(
        {
            "code": ukey // mult,
            "day": np.minimum.reduceat(day[order], starts) if len(starts) else day[:0],
            "amount": np.add.reduceat(amount[order], starts) if len(starts) else amount[:0],
        }
    )
    if has_cost:
        cost_sorted = cost[order]
        known = ~np.isnan(cost_sorted)
        n_known = np.add.reduceat(known.astype(np.int64), starts) if len(starts) else starts
        out["cost"] = np.where(
            n_known > 0,
            np.add.reduceat(np.where(known, cost_sorted, 0.0), starts) if len(starts) else 0.0,
            np.nan,
        )
        # profit of a line is known only when its cost is known
        profit = np.where(known, amount[order] - np.where(known, cost_sorted, 0.0), 0.0)
        out["profit"] = np.add.reduceat(profit, starts) if len(starts) else profit[:0]
    out["purchase"] = out["amount"].to_numpy() >= PURCHASE_MIN_AMOUNT
    return out, ids


def empty_check(tx: pd.DataFrame, what: str) -> None:
    """Raise a clear error when no transaction is left on or before asof."""
    if len(tx) == 0:
        raise WorkbenchError(
            f"{what}: no transactions on or before asof; nothing to summarise"
        )

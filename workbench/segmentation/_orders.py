"""Private helpers shared by the segmentation modules: customer codes and per-order netting."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "RETURNS_POLICIES",
    "check_choice",
    "customer_codes",
    "day_numbers",
    "empty_check",
    "order_table",
)

#: Allowed values of the ``returns=`` argument.
RETURNS_POLICIES: tuple[str, ...] = ("net", "exclude")


def check_choice(name: str, value: object, allowed: tuple) -> None:
    """Raise a WorkbenchError naming the parameter, the allowed values and what was received."""
    if value not in allowed:
        raise WorkbenchError(
            f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}"
        )


def customer_codes(ids: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Return integer codes (sorted order of ids) and the sorted unique ids as an Index."""
    codes, uniques = pd.factorize(ids, sort=True)
    index = pd.Index(uniques, dtype="string", name="customer_id")
    return codes.astype(np.int64, copy=False), index


def day_numbers(dates: pd.Series | np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of each date (time of day dropped), as int64."""
    values = np.asarray(dates, dtype="datetime64[ns]")
    return values.astype("datetime64[D]").astype(np.int64)


def order_table(tx: pd.DataFrame, returns: str = "net") -> tuple[pd.DataFrame, pd.Index]:
    """Net the lines of each order and flag the orders that count as purchases.

    An order is the ``order_id`` when the column exists and is filled, else the purchase day of
    the customer. Returns a frame with one row per order: ``code`` (customer code), ``day``
    (first day of the order, days since epoch), ``amount`` and ``cost`` (netted; cost NaN when
    absent) and ``purchase`` (net amount > 0), plus the Index of customer ids.
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
    key = codes * (int(ocodes.max()) + 1 if len(ocodes) else 1) + ocodes
    frame = pd.DataFrame({"key": key, "code": codes, "day": day, "amount": amount})
    if has_cost:
        frame["cost"] = cost
    grouped = frame.groupby("key", sort=True)
    out = pd.DataFrame(
        {
            "code": grouped["code"].first(),
            "day": grouped["day"].min(),
            "amount": grouped["amount"].sum(),
        }
    )
    if has_cost:
        out["cost"] = grouped["cost"].sum(min_count=1)
        # profit of a line is known only when its cost is known
        frame["profit"] = frame["amount"] - frame["cost"]
        out["profit"] = frame.groupby("key", sort=True)["profit"].sum()
    out["purchase"] = out["amount"].to_numpy() > 0
    return out.reset_index(drop=True), ids


def empty_check(tx: pd.DataFrame, what: str) -> None:
    """Raise a clear error when no transaction is left on or before asof."""
    if len(tx) == 0:
        raise WorkbenchError(
            f"{what}: no transactions on or before asof; nothing to summarise"
        )

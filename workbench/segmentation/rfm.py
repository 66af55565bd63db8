"""RFM: recency, frequency and monetary value per customer, scores 1-5 and named segments."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench._columns import prepare_transactions
from workbench.engine import engine_source, use_engine
from workbench.engine.sql import rfm_sql
from workbench.errors import WorkbenchError
from workbench.segmentation._orders import (
    MONEY_DECIMALS,
    RETURNS_POLICIES,
    average_ranks,
    check_choice,
    empty_check,
    order_table,
    string_labels,
)

__all__ = (
    "RFM_SEGMENTS",
    "assign_segments",
    "quintile_scores",
    "rfm_summary",
    "rfm_table",
)

#: Default RFM segments: an *ordered* mapping ``name -> {column: (low, high)}``; inclusive
#: ranges over columns of :func:`rfm_table` (usually the scores), ``None`` = open end. The first
#: matching rule wins; a customer matching none is ``"other"``. Together the rules cover every
#: R x F cell, following the common 11-segment R x F map (see the Notes of :func:`rfm_table`).
RFM_SEGMENTS: dict[str, dict[str, tuple[float | None, float | None]]] = {
    "new": {"r_score": (5, 5), "frequency": (1, 1)},
    "promising": {"r_score": (4, 4), "frequency": (1, 1)},
    "champions": {"r_score": (5, 5), "f_score": (4, 5)},
    "loyal": {"r_score": (3, 4), "f_score": (4, 5)},
    "potential_loyalists": {"r_score": (4, 5), "f_score": (1, 3)},
    "need_attention": {"r_score": (3, 3), "f_score": (3, 3)},
    "about_to_sleep": {"r_score": (3, 3), "f_score": (1, 2)},
    "cannot_lose": {"r_score": (1, 2), "f_score": (5, 5)},
    "at_risk": {"r_score": (1, 2), "f_score": (3, 4)},
    "hibernating": {"r_score": (2, 2), "f_score": (1, 2)},
    "lost": {"r_score": (1, 1), "f_score": (1, 2)},
}


_RFM_CODES = tuple(f"{r}{f}{m}" for r in range(1, 6) for f in range(1, 6) for m in range(1, 6))


def quintile_scores(values: pd.Series | np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """Score values 1-5 by their mid-rank percentile (ties share a score).

    The percentile of a value is ``(average rank - 0.5) / n``; the score is
    ``floor(5 * percentile) + 1``. Equal values always get the same score, a single customer (or
    a base where everybody is equal) gets the neutral 3, and five distinct values get 1..5.

    Examples
    --------
    >>> quintile_scores([10, 20, 30, 40, 50]).tolist()
    [1, 2, 3, 4, 5]
    >>> quintile_scores([7.0]).tolist()
    [3]
    >>> quintile_scores([1, 1, 1, 1, 9]).tolist()
    [3, 3, 3, 3, 5]
    """
    x = np.asarray(values.to_numpy() if isinstance(values, pd.Series) else values)
    # whole numbers stay integers (ranked by counting), anything else is ranked as float64
    kind = np.int64 if x.dtype.kind in "iub" else np.float64
    x = x.astype(kind, copy=False)  # nothing below writes into x
    if not higher_is_better:
        x = -x
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if x.dtype.kind == "i" or np.isnan(x).any():
        # whole numbers are ranked by counting (one pass), NaN by pandas
        pct = (average_ranks(x) - 0.5) / n
        return np.minimum(np.floor(pct * 5).astype(np.int64) + 1, 5)
    # other floats: four cut values instead of a sort (the same scores)
    scores = np.ones(n, dtype=np.int64)
    for cut in _score_cuts(x):
        scores += x >= cut
    return scores


def _score_cuts(x: np.ndarray) -> list:
    """The smallest value reaching each score 2..5 of :func:`quintile_scores` (none: left out).

    A score is a non-decreasing step function of the value, so four cut values give every
    score without sorting: the values are compared with the cuts. The cut of score ``k + 1`` is
    the smallest distinct value whose mid-rank ``a = (values below) + (values equal) / 2``
    gives ``floor(5 * a / n) >= k`` -- computed with the very float operations of the ranking
    formula, ``(a / n) * 5``. Exactly, ``a >= k * n / 5`` first holds for the value at sorted
    position ``floor(k * n / 5)`` or for the next distinct value above it; the float formula
    can differ from the exact one only where ``5 * a / n`` is exactly ``k``, and then the cut
    is the next distinct value (whose ``a`` is larger by at least a half). One
    ``np.partition`` and a few comparisons per cut: O(n) instead of a sort.
    """
    n = len(x)
    positions = [k * n // 5 for k in range(1, 5)]
    at = np.partition(x, positions)[positions]
    cuts: list = []
    for k, x0 in zip(range(1, 5), at, strict=True):
        if cuts and x0 < cuts[-1]:
            x0 = cuts[-1]  # a cut is never below the one of the score before it
        below = int(np.count_nonzero(x < x0))
        equal = int(np.count_nonzero(x == x0))
        exact = 10 * below + 5 * equal >= 2 * k * n  # a >= k * n / 5, in whole numbers
        if exact and np.floor(((below + equal / 2.0) / n) * 5) >= k:
            cuts.append(x0)
            continue
        above = x[x > x0]
        if len(above) == 0:
            break
        cuts.append(above.min())
    return cuts


def assign_segments(
    table: pd.DataFrame,
    rules: Mapping[str, Mapping[str, tuple[float | None, float | None]]],
    default: str = "other",
) -> pd.Series:
    """Name each row by the first rule whose column ranges all contain it.

    Parameters
    ----------
    table : DataFrame
        Holds every column named in ``rules``.
    rules : mapping
        Ordered ``name -> {column: (low, high)}``; inclusive bounds, ``None`` = open.
    default : str, default "other"
        Name of rows that match no rule.

    Returns
    -------
    Series of str, indexed like ``table``.
    """
    names = [default, *rules]
    checked: dict[str, list[tuple[str, object, object]]] = {}
    for name, conds in rules.items():
        checked[name] = []
        for col, bounds in conds.items():
            if col not in table.columns:
                raise WorkbenchError(
                    f"segment rule {name!r} uses column {col!r}, which the table lacks; "
                    f"available: {', '.join(map(str, table.columns))}"
                )
            try:
                low, high = bounds
            except (TypeError, ValueError):
                raise WorkbenchError(
                    f"segment rule {name!r}: {col!r} must map to a (low, high) pair; "
                    f"got {bounds!r}"
                ) from None
            checked[name].append((col, low, high))
    grid = _segment_grid(table, checked)
    if grid is not None:
        key, cells = grid
        seg = _first_rule(checked, cells, len(next(iter(cells.values()))))[key]
    else:
        values = {c: table[c].to_numpy(dtype=np.float64)
                  for conds in checked.values() for c, _, _ in conds}
        seg = _first_rule(checked, values, len(table))
    return pd.Series(string_labels(names, seg), index=table.index, name="segment")


def _first_rule(rules: Mapping[str, list], values: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    """Position in ``[default, *rules]`` of the first rule each row matches (0: none)."""
    seg = np.zeros(n, dtype=np.int64)
    free = np.ones(n, dtype=bool)
    for pos, conds in enumerate(rules.values(), start=1):
        hit = free.copy()
        for col, low, high in conds:
            v = values[col]
            if low is not None:
                hit &= v >= low
            if high is not None:
                hit &= v <= high
        seg[hit] = pos
        free &= ~hit
    return seg


def _segment_grid(table: pd.DataFrame, rules: Mapping[str, list]):
    """Rows coded by the cell of a small grid of the rule columns, or None.

    When every column the rules test holds integers (scores, counts), a value's matches
    depend only on where it lies among the bounds, so clipping it to one below the smallest
    bound .. one above the largest keeps every comparison. The rules are then evaluated once
    per grid cell (a few hundred) and each row takes its cell's answer: ``(row cell codes,
    {column: the value of each cell})``.
    """
    bounds: dict[str, list] = {}
    for conds in rules.values():
        for col, low, high in conds:
            bounds.setdefault(col, []).extend(b for b in (low, high) if b is not None)
    if not bounds:
        return None
    spans = {}
    for col, bs in bounds.items():
        if table[col].dtype.kind != "i" or not all(
                isinstance(b, int | float | np.integer | np.floating) and np.isfinite(b)
                for b in bs):
            return None
        lo = int(np.floor(min(bs))) - 1 if bs else 0
        hi = int(np.ceil(max(bs))) + 1 if bs else 0
        spans[col] = (lo, hi - lo + 1)
    if int(np.prod([size for _, size in spans.values()])) > 100_000:
        return None
    key = np.zeros(len(table), dtype=np.int64)
    stride = 1
    cells: dict[str, np.ndarray] = {}
    total = int(np.prod([size for _, size in spans.values()]))
    for col, (lo, size) in spans.items():
        v = table[col].to_numpy()
        key += (np.clip(v, lo, lo + size - 1) - lo) * stride
        cells[col] = (lo + (np.arange(total) // stride) % size).astype(np.float64)
        stride *= size
    return key, cells


def rfm_table(
    tx: pd.DataFrame,
    asof: object = None,
    columns: Mapping[str, str] | None = None,
    returns: str = "net",
    segments: Mapping[str, Mapping[str, tuple[float | None, float | None]]] | None = None,
    engine: str = "auto",
) -> pd.DataFrame:
    """Summarise each customer's recency, frequency and money, with 1-5 scores and a segment.

    Parameters
    ----------
    tx : DataFrame
        Transactions (canonical columns ``customer_id``, ``date``, ``amount``; optional
        ``order_id`` and ``cost``).
    asof : date-like, optional
        Observation end; only rows with ``date <= asof`` are used. Default: the last date.
    columns : mapping, optional
        ``{your column: canonical name}`` when ``tx`` uses other names.
    returns : {"net", "exclude"}, default "net"
        How negative lines (returns) are handled. ``"net"``: the lines of each order are summed;
        an order whose net amount is below a millionth (0 or less) is not a purchase (it does not count in
        ``frequency``, first / last purchase), but its money does count in ``monetary_total``
        (a refund given back lowers what the customer is worth). ``"exclude"``: negative lines
        are dropped before anything else (gross sales view).
    segments : mapping, optional
        Segment rules replacing :data:`RFM_SEGMENTS` (same format).
    engine : {"auto", "pandas", "duckdb", "spark"}, default "auto"
        Where the per-client aggregation runs (:mod:`workbench.engine`); the result is the same.

    Returns
    -------
    DataFrame
        One row per customer with at least one purchase, indexed by ``customer_id`` (sorted):

        - ``recency_days``: whole days from the last purchase to ``asof``;
        - ``frequency``: number of purchase orders (distinct ``order_id``; distinct purchase
          days when there is no ``order_id``);
        - ``monetary_total``: net amount of all orders; ``monetary_mean``: per purchase order;
        - ``tenure_days``: whole days from the first purchase to ``asof``;
        - ``first_purchase``, ``last_purchase``: dates (day precision);
        - ``profit_total``: net ``amount - cost`` (only when ``cost`` is present; lines with no
          cost do not count);
        - ``r_score``, ``f_score``, ``m_score``: 1-5, 5 = best (most recent, most frequent,
          most money; ``m`` scores ``monetary_total``);
        - ``rfm_code``: the three scores as text (``"545"``), ``rfm_score``: their sum (3-15);
        - ``segment``: the name of the first matching rule (see :data:`RFM_SEGMENTS`).

    Notes
    -----
    RFM ranks customers on three facts a CRM already holds: how recently they bought, how often
    and for how much. It describes the past; it is a sorting device for a first segmentation
    (step 4 of the method), not a forecast — use :func:`workbench.btyd_summary` with a BTYD model
    or the churn tools for that.

    Scores are quintiles of the mid-rank percentile (:func:`quintile_scores`): equal values share
    a score, so when 60% of customers bought once they all get the same ``f_score`` (2) rather
    than being split at random. Rules that need "bought once" therefore test ``frequency``
    itself (``new``, ``promising``).

    The default segments follow the R x F map popularised by Putler's RFM guide and used across
    many open implementations (champions, loyal, potential loyalists, new, promising, need
    attention, about to sleep, at risk, cannot lose, hibernating, lost); segment rules as a
    replaceable dict follow PyMC-Marketing's ``rfm_segments(segment_config=...)``. Display
    labels: ``workbench.t("rfm.segment.<name>", language)``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"]),
    ...                    "amount": [10.0, 30.0, 5.0]})
    >>> rfm_table(tx, asof="2024-03-31")[["recency_days", "frequency", "monetary_total"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 recency_days  frequency  monetary_total
    customer_id
    a                      30          2            40.0
    b                      59          1             5.0
    """
    check_choice("returns", returns, RETURNS_POLICIES)
    if (name := use_engine(engine, tx)) != "pandas":
        with engine_source(name, tx, asof, columns) as src:
            return rfm_from_source(src, returns, segments)
    data, asof_ts = prepare_transactions(tx, asof, columns)
    empty_check(data, "rfm_table")
    return rfm_from_aggregates(_rfm_aggregates(data, returns), asof_ts, segments)


def rfm_from_source(src, returns: str = "net", segments=None) -> pd.DataFrame:
    """:func:`rfm_table` computed by an engine source (:mod:`workbench.engine`)."""
    check_choice("returns", returns, RETURNS_POLICIES)
    raw = src.frame(rfm_sql(src.dialect, src.asof_day, has_cost=src.has_cost,
                            has_order=src.has_order, exclude_returns=returns == "exclude",
                            order_filled=src.order_filled))
    return rfm_from_aggregates(raw, src.asof, segments)


def _rfm_aggregates(data: pd.DataFrame, returns: str) -> pd.DataFrame:
    """The per-client aggregates of :func:`workbench.engine.sql.rfm_sql`, with numpy."""
    orders, ids = order_table(data, returns)
    n = len(ids)
    code = orders["code"].to_numpy()
    money = np.bincount(code, weights=orders["amount"].to_numpy(), minlength=n)
    buy = orders.loc[orders["purchase"].to_numpy()]
    bcode = buy["code"].to_numpy()
    freq = np.bincount(bcode, minlength=n)
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, np.iinfo(np.int64).min)
    np.minimum.at(first, bcode, buy["day"].to_numpy())
    np.maximum.at(last, bcode, buy["day"].to_numpy())
    keep = freq > 0
    out = pd.DataFrame(
        {"orders": freq[keep], "first_day": first[keep], "last_day": last[keep],
         "money": money[keep]},
        index=ids[keep],
    )
    if "profit" in orders.columns:
        prof = orders["profit"].fillna(0.0).to_numpy()
        out["profit"] = np.bincount(code, weights=prof, minlength=n)[keep]
    return out


def rfm_from_aggregates(raw: pd.DataFrame, asof_ts: pd.Timestamp, segments=None) -> pd.DataFrame:
    """Publish the per-client aggregates (``orders, first_day, last_day, money[, profit]``)."""
    asof_day = int(np.datetime64(asof_ts.normalize(), "D").astype(np.int64))
    first = raw["first_day"].to_numpy(np.int64)
    last = raw["last_day"].to_numpy(np.int64)
    # copies: the table holds its own (writable) arrays, see the frame below
    frequency = raw["orders"].to_numpy(np.int64, copy=True)
    money = raw["money"].to_numpy(np.float64, copy=True)
    recency = asof_day - last
    cols = {
        "recency_days": recency,
        "frequency": frequency,
        "monetary_total": money,
        "monetary_mean": money / frequency,
        "tenure_days": asof_day - first,
        "first_purchase": _midnights(first),
        "last_purchase": _midnights(last),
    }
    if "profit" in raw.columns:
        cols["profit_total"] = raw["profit"].to_numpy(np.float64, copy=True)
    r = quintile_scores(recency, higher_is_better=False)
    f = quintile_scores(frequency)
    m = quintile_scores(np.round(money, MONEY_DECIMALS))
    # scores are 1-5: the code is one of 125 labels, taken by position
    cols.update(r_score=r, f_score=f, m_score=m,
                rfm_code=string_labels(_RFM_CODES, (r - 1) * 25 + (f - 1) * 5 + m - 1),
                rfm_score=r + f + m)
    # every array is new and writable: taken as it is, a block each (not copied into stacks)
    out = pd.DataFrame(cols, index=raw.index, copy=False)
    out["segment"] = assign_segments(out, RFM_SEGMENTS if segments is None else segments)
    return out


def _midnights(days: np.ndarray) -> np.ndarray:
    """Day numbers (days since 1970-01-01) as the midnights they stand for (datetime64[ns])."""
    return (days * np.int64(86_400_000_000_000)).view("datetime64[ns]")


def _need_rfm(rfm: pd.DataFrame, what: str) -> None:
    missing = [c for c in ("recency_days", "frequency", "monetary_total", "segment")
               if c not in rfm.columns]
    if missing:
        raise WorkbenchError(f"{what}: expected the table returned by rfm_table(); it lacks {missing}")


def rfm_summary(rfm: pd.DataFrame) -> pd.DataFrame:
    """Summarise an :func:`rfm_table` per segment: size, revenue and the typical customer.

    Parameters
    ----------
    rfm : DataFrame
        The result of :func:`rfm_table`.

    Returns
    -------
    DataFrame
        One row per segment present (index ``segment``; the order of :data:`RFM_SEGMENTS`,
        then any other names alphabetically) with ``customers``, ``customer_share``,
        ``revenue`` (sum of ``monetary_total``), ``revenue_share`` (of the total),
        ``recency_median``, ``frequency_median`` and ``monetary_median``.

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency_days": [5, 300, 10], "frequency": [8, 1, 6],
    ...                     "monetary_total": [800.0, 20.0, 180.0],
    ...                     "segment": ["champions", "lost", "champions"]})
    >>> rfm_summary(rfm)[["customers", "revenue_share"]]  # doctest: +NORMALIZE_WHITESPACE
               customers  revenue_share
    segment
    champions          2           0.98
    lost               1           0.02
    """
    _need_rfm(rfm, "rfm_summary")
    seg = rfm["segment"].astype(str)
    known = [s for s in RFM_SEGMENTS if (seg == s).any()]
    order = known + sorted(set(seg) - set(known))
    g = rfm.groupby(seg, sort=False)
    out = pd.DataFrame(index=pd.Index(order, name="segment", dtype="string"))
    out["customers"] = g.size().reindex(order).to_numpy().astype(np.int64)
    out["customer_share"] = out["customers"] / max(len(rfm), 1)
    out["revenue"] = g["monetary_total"].sum().reindex(order).to_numpy(np.float64)
    total = float(rfm["monetary_total"].sum())
    out["revenue_share"] = out["revenue"] / total if total else np.nan
    out["recency_median"] = g["recency_days"].median().reindex(order).to_numpy(np.float64)
    out["frequency_median"] = g["frequency"].median().reindex(order).to_numpy(np.float64)
    out["monetary_median"] = g["monetary_total"].median().reindex(order).to_numpy(np.float64)
    return out

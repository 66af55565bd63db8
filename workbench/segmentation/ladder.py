"""The loyalty ladder (лестница приверженности): the rung of each customer and the moves between rungs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbench._columns import prepare_table, prepare_transactions, through_asof
from workbench._ids import isin
from workbench.engine import engine_source, use_engine
from workbench.engine.sql import ladder_sql
from workbench.errors import WorkbenchError
from workbench.segmentation._orders import (
    MONEY_DECIMALS,
    RETURNS_POLICIES,
    check_choice,
    empty_check,
    order_table,
)

__all__ = (
    "LADDER_RULES",
    "LADDER_RUNGS",
    "LADDER_STRATEGIES",
    "active_only",
    "ladder_summary",
    "ladder_transitions",
    "loyalty_ladder",
)

#: Rungs from the bottom up; ``lapsed`` stands beside the ladder (a customer who fell off).
LADDER_RUNGS: tuple[str, ...] = (
    "potential",
    "visitor",
    "first_purchase",
    "buyer",
    "regular",
    "advocate",
    "lapsed",
)

#: Strategy per rung (display: ``t("strategy.<name>")``).
LADDER_STRATEGIES: dict[str, str] = {
    "potential": "attract",
    "visitor": "attract",
    "first_purchase": "engage",
    "buyer": "engage",
    "regular": "retain",
    "advocate": "cherish",
    "lapsed": "win_back",
}

#: Default rules; replace any of them with ``rules={...}`` (missing keys keep the default).
#:
#: - ``lapsed_days`` / ``lapsed_gap_multiple``: lapsed when the days since the last purchase
#:   exceed ``max(lapsed_days, lapsed_gap_multiple * the customer's median gap)`` — a customer
#:   who buys every 200 days is not lapsed after 181 days; one-off buyers use ``lapsed_days``.
#: - ``regular_window_days``, ``regular_min_orders``, ``regular_max_gap_cv``: regular = at least
#:   ``regular_min_orders`` purchase orders in the last ``regular_window_days`` days and steady
#:   gaps between purchase days in that window (coefficient of variation <= the maximum).
#: - ``advocate_min_nps``, ``advocate_min_tenure_days``, ``advocate_min_referrals``: an
#:   advocate (приверженец) is a regular customer who recommends us — latest survey NPS >=
#:   ``advocate_min_nps``, or who brought at least ``advocate_min_referrals`` paying clients
#:   (the customers table's ``referred_by`` names them; "who brought whom") — or, failing
#:   survey and referral data, has stayed with us at least ``advocate_min_tenure_days`` days
#:   (``None`` disables a criterion).
#: - ``visitor_stages``: lead stages that make a not-yet-buying lead a visitor (they met us);
#:   earlier stages are potential customers.
LADDER_RULES: dict[str, Any] = {
    "lapsed_days": 180,
    "lapsed_gap_multiple": 3.0,
    "regular_window_days": 365,
    "regular_min_orders": 4,
    "regular_max_gap_cv": 1.0,
    "advocate_min_nps": 9,
    "advocate_min_tenure_days": 730,
    "advocate_min_referrals": 1,
    "visitor_stages": ("meeting", "deal"),
}

_LEVEL = {r: i for i, r in enumerate(LADDER_RUNGS[:-1])}


def _rules(rules: Mapping[str, Any] | None) -> dict[str, Any]:
    merged = dict(LADDER_RULES)
    if rules:
        unknown = sorted(set(rules) - set(LADDER_RULES))
        if unknown:
            raise WorkbenchError(
                f"rules: unknown key(s) {unknown}; allowed: {', '.join(LADDER_RULES)}"
            )
        merged.update(rules)
    return merged


def _latest_nps(survey: pd.DataFrame, asof: pd.Timestamp) -> pd.Series:
    s = prepare_table(survey, "survey", require=("customer_id", "nps"))
    s = s.loc[s["customer_id"].notna() & s["nps"].notna()]
    if "date" in s.columns:
        s = s.loc[s["date"].isna().to_numpy() | through_asof(s["date"], asof)]
        s = s.sort_values("date", kind="mergesort", na_position="first")
    return s.groupby("customer_id", sort=True)["nps"].last().astype("Float64")


def loyalty_ladder(
    tx: pd.DataFrame,
    asof: object = None,
    leads: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    rules: Mapping[str, Any] | None = None,
    columns: Mapping[str, str] | None = None,
    returns: str = "net",
    engine: str = "auto",
    customers: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Place each customer (and each lead that has not bought yet) on the loyalty ladder.

    Parameters
    ----------
    tx : DataFrame
        Transactions (canonical ``customer_id``, ``date``, ``amount``; ``order_id``, ``cost``
        optional). Orders are netted as in :func:`workbench.rfm_table` (``returns=``).
    asof : date-like, optional
        Observation end; default the last transaction date.
    leads : DataFrame, optional
        Canonical leads table; leads without a purchase become ``potential`` or ``visitor``.
    survey : DataFrame, optional
        Canonical survey table with ``customer_id`` and ``nps``; a promoter (latest NPS >= 9)
        who is regular is an ``advocate``.
    rules : mapping, optional
        Overrides of :data:`LADDER_RULES`.
    columns : mapping, optional
        ``{your column: canonical name}`` for ``tx``.
    returns : {"net", "exclude"}, default "net"
        Handling of returns (see :func:`workbench.rfm_table`).
    engine : {"auto", "pandas", "duckdb", "spark"}, default "auto"
        Where the per-client purchase aggregates are computed (:mod:`workbench.engine`); the
        result is the same.
    customers : DataFrame, optional
        Canonical customers table; with a ``referred_by`` column (the id of the client who
        recommended us), a regular who brought at least ``advocate_min_referrals`` paying
        clients (clients with a purchase up to ``asof``) is an ``advocate``.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (a lead without a customer id appears as ``"lead:<lead_id>"``),
        sorted, with columns ``rung`` (one of :data:`LADDER_RUNGS`), ``level`` (0 = potential ...
        5 = advocate, -1 = lapsed), ``strategy``, ``orders``, ``orders_window`` (purchase orders
        in the regular window), ``recency_days``, ``tenure_days``, ``median_gap_days``,
        ``gap_cv`` (NaN when fewer than two gaps in the window), ``nps`` (with ``survey``),
        ``referred_buyers`` (paying clients they brought; with ``customers.referred_by``),
        ``profit_total`` and ``profit_group`` (``profitable`` / ``middle`` / ``unprofitable``
        within the rung; with ``cost``). Purchase columns are NA for leads.

    Notes
    -----
    The ladder of the method: potential -> visitor / first purchase -> buyer -> regular ->
    advocate (приверженец), each with its strategy (attract, engage, retain, cherish; lapsed:
    win back). Customers are moved up one rung at a time, and the chance of leaving falls as
    they climb (see :func:`ladder_transitions` to measure it on your data).

    Profitability within a rung (the seeds' profitable / middle / unprofitable): profit <= 0 is
    ``unprofitable``; customers with positive profit at or above the rung's median positive
    profit are ``profitable``, the rest ``middle``.

    The defaults are judgement calls for a business with repeat purchases every few weeks to
    months; read :data:`LADDER_RULES` and set ``rules=`` for your trade (a B2B supplier with
    quarterly orders wants ``regular_min_orders=3``; a café wants a shorter ``lapsed_days``).
    """
    r = _rules(rules)
    check_choice("returns", returns, RETURNS_POLICIES)
    if (name := use_engine(engine, tx)) != "pandas":
        with engine_source(name, tx, asof, columns) as src:
            return ladder_from_source(src, leads, survey, rules, returns, customers=customers)
    data, asof_ts = prepare_transactions(tx, asof, columns)
    empty_check(data, "loyalty_ladder")
    raw = _ladder_aggregates(data, asof_ts, r, returns)
    return ladder_from_aggregates(raw, asof_ts, leads, survey, rules, customers=customers)


def ladder_from_source(src, leads: pd.DataFrame | None = None, survey: pd.DataFrame | None = None,
                       rules: Mapping[str, Any] | None = None,
                       returns: str = "net",
                       customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`loyalty_ladder` computed by an engine source (:mod:`workbench.engine`)."""
    r = _rules(rules)
    check_choice("returns", returns, RETURNS_POLICIES)
    raw = src.frame(ladder_sql(
        src.dialect, src.asof_day, src.asof_day - int(r["regular_window_days"]),
        has_cost=src.has_cost, has_order=src.has_order, exclude_returns=returns == "exclude",
        order_filled=src.order_filled,
    ))
    return ladder_from_aggregates(raw, src.asof, leads, survey, rules, customers=customers)


def _ladder_aggregates(data: pd.DataFrame, asof_ts: pd.Timestamp, r: Mapping[str, Any],
                       returns: str) -> pd.DataFrame:
    """The per-client aggregates of :func:`workbench.engine.sql.ladder_sql`, with numpy."""
    orders, ids = order_table(data, returns)
    asof_day = int(np.datetime64(asof_ts.normalize(), "D").astype(np.int64))
    n = len(ids)
    buy = orders.loc[orders["purchase"].to_numpy()]
    code = buy["code"].to_numpy()
    day = buy["day"].to_numpy()
    n_orders = np.bincount(code, minlength=n)
    window_start = asof_day - int(r["regular_window_days"])
    n_window = np.bincount(code[day > window_start], minlength=n)
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, np.iinfo(np.int64).min)
    np.minimum.at(first, code, day)
    np.maximum.at(last, code, day)
    # gaps between distinct purchase days
    days = pd.DataFrame({"code": code, "day": day}).drop_duplicates().sort_values(
        ["code", "day"], kind="mergesort"
    )
    dcode = days["code"].to_numpy()
    dday = days["day"].to_numpy()
    same = np.r_[False, dcode[1:] == dcode[:-1]]
    gaps = pd.DataFrame(
        {"code": dcode[same], "gap": (dday[1:] - dday[:-1])[same[1:]], "end": dday[same]}
    )
    median_gap = gaps.groupby("code")["gap"].median().reindex(range(n)).to_numpy()
    wgaps = gaps.loc[gaps["end"].to_numpy() > window_start]
    g = wgaps.groupby("code")["gap"]
    stats = pd.DataFrame({"mean": g.mean(), "std": g.std(ddof=0), "n": g.size()})
    stats = stats.reindex(range(n))
    out = pd.DataFrame(
        {
            "orders": n_orders,
            "orders_window": n_window,
            "first_day": first,
            "last_day": last,
            "median_gap": median_gap,
            "gap_mean": stats["mean"].to_numpy(np.float64),
            "gap_std": stats["std"].to_numpy(np.float64),
            "gap_n": stats["n"].fillna(0).to_numpy(np.int64),
        },
        index=ids,
    )
    if "profit" in orders.columns:
        out["profit"] = np.bincount(
            orders["code"].to_numpy(), weights=orders["profit"].fillna(0.0).to_numpy(),
            minlength=n,
        )
    return out.loc[n_orders > 0]


def ladder_from_aggregates(raw: pd.DataFrame, asof_ts: pd.Timestamp,
                           leads: pd.DataFrame | None = None,
                           survey: pd.DataFrame | None = None,
                           rules: Mapping[str, Any] | None = None,
                           customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Place the clients on the ladder from their per-client aggregates (see ``ladder_sql``)."""
    r = _rules(rules)
    asof_day = int(np.datetime64(asof_ts.normalize(), "D").astype(np.int64))
    gap_n = raw["gap_n"].to_numpy(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        gap_cv = np.where(gap_n >= 2, raw["gap_std"].to_numpy(np.float64)
                          / raw["gap_mean"].to_numpy(np.float64), np.nan)
    out = pd.DataFrame(
        {
            "orders": raw["orders"].to_numpy(np.int64),
            "orders_window": raw["orders_window"].to_numpy(np.int64),
            "recency_days": asof_day - raw["last_day"].to_numpy(np.int64),
            "tenure_days": asof_day - raw["first_day"].to_numpy(np.int64),
            "median_gap_days": raw["median_gap"].to_numpy(np.float64),
            "gap_cv": gap_cv,
        },
        index=raw.index,
    )
    nps = None
    if survey is not None:
        nps = _latest_nps(survey, asof_ts)
        out["nps"] = nps.reindex(out.index).to_numpy()
    if "profit" in raw.columns:
        out["profit_total"] = raw["profit"].to_numpy(np.float64)

    lapse_limit = np.fmax(
        float(r["lapsed_days"]),
        float(r["lapsed_gap_multiple"] or 0) * out["median_gap_days"].to_numpy(),
    )
    lapsed = out["recency_days"].to_numpy() > lapse_limit
    regular = (out["orders_window"].to_numpy() >= r["regular_min_orders"]) & (
        out["gap_cv"].fillna(np.inf).to_numpy() <= r["regular_max_gap_cv"]
    )
    advocate = np.zeros(len(out), dtype=bool)
    if nps is not None and r["advocate_min_nps"] is not None:
        advocate |= out["nps"].fillna(-1).to_numpy() >= r["advocate_min_nps"]
    if r["advocate_min_tenure_days"] is not None:
        advocate |= out["tenure_days"].to_numpy() >= r["advocate_min_tenure_days"]
    if customers is not None and "referred_by" in customers.columns:
        out["referred_buyers"] = _referred_buyers(customers, out.index).reindex(
            out.index, fill_value=0).to_numpy(np.int64)
        if r["advocate_min_referrals"] is not None:
            advocate |= out["referred_buyers"].to_numpy() >= r["advocate_min_referrals"]
    rung = np.select(
        [lapsed, out["orders"].to_numpy() == 1, regular & advocate, regular],
        ["lapsed", "first_purchase", "advocate", "regular"],
        default="buyer",
    )
    out["rung"] = rung

    if leads is not None:
        out = pd.concat([out, _lead_rungs(leads, asof_ts, out.index, r)])
        out = out.sort_index(kind="mergesort")
    out["rung"] = out["rung"].astype("string")
    out["level"] = out["rung"].map(lambda x: _LEVEL.get(x, -1)).astype(np.int64)
    out["strategy"] = out["rung"].map(LADDER_STRATEGIES).astype("string")
    if "profit_total" in out.columns:
        out["profit_group"] = _profit_groups(out)
    for col in ("orders", "orders_window", "recency_days", "tenure_days"):
        out[col] = out[col].astype("Int64")
    front = ["rung", "level", "strategy"]
    out = out[front + [c for c in out.columns if c not in front]]
    out.index.name = "customer_id"
    return out


def _referred_buyers(customers: pd.DataFrame, buyers: pd.Index) -> pd.Series:
    """Per referrer: how many of the clients who name them (``referred_by``) have bought."""
    ref = customers[["customer_id", "referred_by"]].dropna()
    who = ref["customer_id"].astype("string").str.strip()
    by = ref["referred_by"].astype("string").str.strip()
    keep = (by != "") & (by != who) & isin(who, buyers.astype("string"))
    pairs = pd.DataFrame({"who": who[keep], "by": by[keep]}).drop_duplicates("who")
    return pairs.groupby("by")["who"].size().astype(np.int64)


def _lead_rungs(
    leads: pd.DataFrame, asof: pd.Timestamp, buyers: pd.Index, r: Mapping[str, Any]
) -> pd.DataFrame:
    lt = prepare_table(leads, "leads")
    lt = lt.loc[through_asof(lt["date"], asof)]
    cid = lt["customer_id"] if "customer_id" in lt.columns else pd.Series(pd.NA, index=lt.index)
    key = cid.astype("string").fillna("lead:" + lt["lead_id"].astype("string"))
    key = key.loc[~isin(key, buyers)]
    stage = lt.loc[key.index, "stage"].astype("string")
    visitor = stage.isin(list(r["visitor_stages"])).to_numpy()
    frame = pd.DataFrame({"key": key.to_numpy(), "visitor": visitor})
    best = frame.groupby("key", sort=True)["visitor"].max()
    return pd.DataFrame(
        {"rung": np.where(best.to_numpy(), "visitor", "potential")},
        index=pd.Index(best.index, dtype="string", name="customer_id"),
    )


def _profit_groups(table: pd.DataFrame) -> pd.Series:
    profit = table["profit_total"].round(MONEY_DECIMALS)  # float-rounding noise ties
    group = pd.Series(pd.NA, index=table.index, dtype="string")
    has = profit.notna()
    group[has & (profit <= 0)] = "unprofitable"
    pos = has & (profit > 0)
    med = profit.where(pos).groupby(table["rung"]).transform("median")
    group[pos & (profit >= med)] = "profitable"
    group[pos & (profit < med)] = "middle"
    return group


def active_only(
    scores: pd.Series | pd.DataFrame,
    tx: pd.DataFrame,
    asof: object = None,
    rules: Mapping[str, Any] | None = None,
    columns: Mapping[str, str] | None = None,
) -> pd.Series | pd.DataFrame:
    """Keep the rows of ``scores`` (indexed by customer) whose customer is still active at ``asof``.

    "Active" means a buying customer whose loyalty-ladder rung at ``asof`` is not ``lapsed``
    (see :func:`loyalty_ladder` and :data:`LADDER_RULES`). A retention list should hold these
    clients only: a lapsed client is a win-back case, not a retention one.

    Parameters
    ----------
    scores : Series or DataFrame
        Indexed by ``customer_id`` (e.g. :meth:`workbench.ChurnModel.predict_proba`).
    tx : DataFrame
        Canonical transactions (``columns=`` maps other names).
    asof : date-like, optional
        Observation end; default the last transaction date.
    rules : mapping, optional
        Overrides of :data:`LADDER_RULES`.

    Returns
    -------
    Series or DataFrame
        ``scores`` restricted to the active customers, in the original order.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"],
    ...                    "date": pd.to_datetime(["2023-01-01", "2023-01-01", "2024-01-01"]),
    ...                    "amount": [10.0, 5.0, 5.0]})
    >>> active_only(pd.Series({"a": 0.9, "b": 0.2}), tx).index.tolist()
    ['b']
    """
    ladder = loyalty_ladder(tx, asof=asof, rules=rules, columns=columns)
    active = ladder.index[ladder["rung"] != "lapsed"]
    return scores[isin(scores.index, active)]


def ladder_transitions(
    tx: pd.DataFrame,
    asof: object = None,
    period: str | int | pd.Timedelta = 180,
    leads: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    rules: Mapping[str, Any] | None = None,
    columns: Mapping[str, str] | None = None,
    returns: str = "net",
    customers: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Measure how customers moved on the ladder between ``asof - period`` and ``asof``.

    Parameters
    ----------
    tx, leads, survey, rules, columns, returns, customers
        As in :func:`loyalty_ladder`.
    asof : date-like, optional
        End of the comparison; default the last transaction date.
    period : int (days), str or Timedelta, default 180
        Length of the comparison; the start ladder uses only data up to ``asof - period``.

    Returns
    -------
    DataFrame
        One row per rung held at the start (index ``rung``, ladder order), columns
        ``customers`` (count at the start) and the shares ``moved_up``, ``stayed``,
        ``moved_down`` and ``lapsed`` (they sum to 1). For the ``lapsed`` rung ``moved_up`` is
        the share won back. Customers who first appear after the start are not counted.
        ``attrs["period_days"]`` holds the length of the comparison in days.

    Notes
    -----
    The method expects the chance of leaving to fall as customers climb; this table checks
    that on the client's own history, and its ``moved_up`` column is the base rate a ladder
    campaign ("move them one rung up") has to beat.
    """
    data, asof_ts = prepare_transactions(tx, asof, columns)
    try:
        delta = pd.Timedelta(days=int(period)) if isinstance(period, int | np.integer) else (
            pd.Timedelta(period)
        )
    except (TypeError, ValueError):
        raise WorkbenchError(
            f"period must be a number of days or a duration such as '180D'; got {period!r}"
        ) from None
    start = asof_ts - delta
    if len(data) == 0 or start < data["date"].min().normalize():
        raise WorkbenchError(
            f"ladder_transitions: asof - period = {start.date()} is before the first "
            "transaction; choose a shorter period"
        )
    before = loyalty_ladder(data, start, leads, survey, rules, returns=returns,
                            customers=customers)
    after = loyalty_ladder(data, asof_ts, leads, survey, rules, returns=returns,
                           customers=customers)
    end = after["rung"].reindex(before.index)
    lvl0 = before["level"].to_numpy()
    lvl1 = after["level"].reindex(before.index).fillna(-2).to_numpy()
    was_lapsed = before["rung"].to_numpy() == "lapsed"
    now_lapsed = (end == "lapsed").fillna(False).to_numpy()
    move = np.select(
        [
            was_lapsed & now_lapsed,
            was_lapsed,
            now_lapsed,
            lvl1 > lvl0,
            lvl1 == lvl0,
        ],
        ["stayed", "moved_up", "lapsed", "moved_up", "stayed"],
        default="moved_down",
    )
    frame = pd.DataFrame({"rung": before["rung"].to_numpy(), "move": move})
    counts = pd.crosstab(frame["rung"], frame["move"])
    cols = ["moved_up", "stayed", "moved_down", "lapsed"]
    counts = counts.reindex(columns=cols, fill_value=0)
    order = [x for x in LADDER_RUNGS if x in counts.index]
    counts = counts.reindex(order)
    out = counts.div(counts.sum(axis=1), axis=0)
    out.insert(0, "customers", counts.sum(axis=1).astype(np.int64))
    out.index = pd.Index(order, dtype="string", name="rung")
    out.columns.name = None
    out.attrs["period_days"] = int(delta / pd.Timedelta(days=1))
    return out


_BUYING = ("first_purchase", "buyer", "regular", "advocate", "lapsed")
_LEADS = ("potential", "visitor")


def ladder_summary(ladder: pd.DataFrame) -> pd.DataFrame:
    """Summarise a :func:`loyalty_ladder` per rung: clients, strategy, profit and its subgroups.

    Parameters
    ----------
    ladder : DataFrame
        The result of :func:`loyalty_ladder`.

    Returns
    -------
    DataFrame
        One row per rung of :data:`LADDER_RUNGS` (index ``rung``, ladder order, empty rungs
        included) with ``strategy``, ``customers``, ``share`` (of everyone on the ladder, leads
        included), ``orders_median``, ``recency_median`` (NaN for leads) and, when the data has
        costs, ``profit``, ``profit_share`` (of the total profit) and the counts
        ``profitable``, ``middle``, ``unprofitable``.

    Examples
    --------
    >>> lad = pd.DataFrame({"rung": ["buyer", "buyer", "lapsed"], "orders": [3, 2, 5],
    ...                     "recency_days": [10, 20, 400]})
    >>> ladder_summary(lad).loc[["buyer", "lapsed"], ["customers", "share", "orders_median"]]
    ... # doctest: +NORMALIZE_WHITESPACE
            customers     share  orders_median
    rung
    buyer           2  0.666667            2.5
    lapsed          1  0.333333            5.0
    """
    if "rung" not in ladder.columns:
        raise WorkbenchError("ladder_summary: expected the table returned by loyalty_ladder()")
    rung = ladder["rung"].astype(str)
    order = list(LADDER_RUNGS)
    g = ladder.groupby(rung, sort=False)
    out = pd.DataFrame(index=pd.Index(order, name="rung", dtype="string"))
    out["strategy"] = pd.array([LADDER_STRATEGIES[r] for r in order], dtype="string")
    out["customers"] = g.size().reindex(order, fill_value=0).to_numpy().astype(np.int64)
    out["share"] = out["customers"] / max(len(ladder), 1)
    for col, name in (("orders", "orders_median"), ("recency_days", "recency_days")):
        if col in ladder.columns:
            med = g[col].agg(lambda x: pd.to_numeric(x, errors="coerce").astype("float64").median())
            out[name if name != "recency_days" else "recency_median"] = (
                med.reindex(order).to_numpy(np.float64)
            )
    if "profit_total" in ladder.columns:
        profit = pd.to_numeric(ladder["profit_total"], errors="coerce").astype("float64")
        per = profit.groupby(rung).sum(min_count=1).reindex(order).to_numpy(np.float64)
        total = float(np.nansum(profit))
        out["profit"] = per
        out["profit_share"] = per / total if total else np.nan
        groups = pd.crosstab(rung, ladder["profit_group"].astype("string").fillna("none"))
        for grp in ("profitable", "middle", "unprofitable"):
            col = groups[grp] if grp in groups.columns else pd.Series(dtype=np.int64)
            out[grp] = col.reindex(order, fill_value=0).to_numpy().astype(np.int64)
    return out

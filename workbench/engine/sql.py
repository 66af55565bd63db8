"""The per-client aggregates as SQL: one definition per table, run on DuckDB and on Spark.

Every query reads one relation, ``tx``, with the canonical transaction columns
(``customer_id``, ``date``, ``amount``; ``order_id`` and ``cost`` when present, an unknown cost
as NULL, never NaN) and returns one row per client, ordered by ``customer_id``. The queries use
only what DuckDB and Spark SQL both understand (standard aggregates and their ``FILTER (WHERE
...)``, ``CASE``, ``EXTRACT``, ``LAG``, ``ROW_NUMBER``, ``MIN_BY``, ``VAR_POP``,
``STDDEV_POP``); the two things the dialects spell differently are the day number of a date,
:data:`DAY_NUMBER`, and the float sum, :data:`FLOAT_SUM`. Nothing else is engine-specific.

The rows are the *raw* aggregates; the Python functions that publish them (``btyd_summary``,
``rfm_table``, ``abc_xyz``, ``loyalty_ladder``) turn them into the documented columns with the
same code whichever engine computed them.

Days are whole days since 1970-01-01 of the calendar date of ``date`` (the time of day dropped),
so "on or before the ``asof`` day" is ``day <= asof_day`` (see
:func:`workbench._columns.through_asof`, the same rule for the pandas path).
"""

from __future__ import annotations

__all__ = (
    "DAY_NUMBER",
    "DIALECTS",
    "FLOAT_SUM",
    "abc_xyz_sql",
    "btyd_sql",
    "churn_features_sql",
    "ladder_sql",
    "rfm_sql",
    "source_sql",
)

#: SQL dialects the definitions are written for.
DIALECTS: tuple[str, ...] = ("duckdb", "spark")

#: The day number (days since 1970-01-01) of the calendar date of column ``date``, per dialect:
#: a 32-bit integer (years -5.8 million .. 5.8 million), whose grouping and ``MIN`` / ``MAX``
#: cost less than a 64-bit one; a product of two day numbers is cast to ``BIGINT`` first.
DAY_NUMBER: dict[str, str] = {
    "duckdb": "CAST(CAST(date AS DATE) - DATE '1970-01-01' AS INTEGER)",
    "spark": "CAST(datediff(CAST(date AS DATE), DATE '1970-01-01') AS INTEGER)",
}

#: The sum of float values, per dialect: DuckDB's ``FSUM`` is compensated (Kahan-Babuska), so
#: a client's total does not depend on how the rows were split over the threads (a plain
#: ``SUM`` differed in the last bits from run to run); Spark's ``SUM`` is its own.
FLOAT_SUM: dict[str, str] = {"duckdb": "FSUM", "spark": "SUM"}


def _spelled(dialect: str, sql: str) -> str:
    """A query written with DuckDB's float sum, as ``dialect`` spells it."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}; got {dialect!r}")
    return sql if dialect == "duckdb" else sql.replace("FSUM(", FLOAT_SUM[dialect] + "(")


#: Months since January 1970 of ``date`` (the same text in both dialects).
_MONTH = "CAST((EXTRACT(YEAR FROM date) - 1970) * 12 + EXTRACT(MONTH FROM date) - 1 AS BIGINT)"

#: Period codes of a day number / month code: the same arithmetic as the pandas path
#: (weeks run Monday to Sunday: 1970-01-01 was a Thursday, its Monday is day -3).
_PERIOD = {
    "D": "day",
    "W": "CAST(FLOOR((day + 3) / 7.0) AS BIGINT)",
    "M": "month",
    "Q": "CAST(FLOOR(month / 3.0) AS BIGINT)",
}

#: An order is a purchase when its net amount reaches this (``PURCHASE_MIN_AMOUNT`` of the
#: pandas path: float rounding of a fully refunded order is not a purchase).
_PURCHASE = "amount >= 0.000001"


def source_sql(
    dialect: str,
    asof_day: int,
    has_cost: bool = False,
    has_order: bool = False,
    month: bool = False,
    exclude_returns: bool = False,
) -> str:
    """The canonical rows up to the asof day: ``customer_id, day[, month], amount[, cost][, order_id]``.

    An unknown ``cost`` is NULL in ``tx`` (each source turns a NaN cost into NULL as it builds
    the relation); ``exclude_returns`` drops the negative lines (``returns="exclude"``).
    """
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}; got {dialect!r}")
    day = DAY_NUMBER[dialect]
    cols = ["customer_id", f"{day} AS day", "CAST(amount AS DOUBLE) AS amount"]
    if month:
        cols.append(f"{_MONTH} AS month")
    if has_cost:
        cols.append("CAST(cost AS DOUBLE) AS cost")
    if has_order:
        cols.append("order_id")
    where = [f"{day} <= {int(asof_day)}"]
    if exclude_returns:
        where.append("amount >= 0")
    return f"SELECT {', '.join(cols)} FROM tx WHERE {' AND '.join(where)}"


def btyd_sql(dialect: str, asof_day: int, freq: str = "D") -> str:
    """Per client: periods with a purchase ``n``, first / last period code, total and first value.

    One row per client: ``customer_id, n, first_p, last_p, total, first_v`` where the value of
    a period is the amount summed over it (every line counts, as in lifetimes).
    """
    per = _PERIOD[freq]
    src = source_sql(dialect, asof_day, month=freq == "M")
    return _spelled(dialect, f"""
WITH src AS ({src}),
p AS (SELECT customer_id, {per} AS per, amount FROM src),
pv AS (SELECT customer_id, per, FSUM(amount) AS v FROM p GROUP BY customer_id, per)
SELECT customer_id, COUNT(*) AS n, MIN(per) AS first_p, MAX(per) AS last_p,
       FSUM(v) AS total, MIN_BY(v, per) AS first_v
FROM pv GROUP BY customer_id ORDER BY customer_id""")


def _orders_sql(dialect: str, asof_day: int, has_cost: bool, has_order: bool,
                exclude_returns: bool, order_filled: bool = False) -> str:
    """Orders netted: ``customer_id, day, amount[, profit]`` (the pandas ``order_table``).

    An order is the ``order_id`` of the client; lines without one form an order per purchase
    day, kept apart from the real ids. ``order_filled`` (every row has an ``order_id``, as the
    source knows from its null count) drops the day from the grouping key: the same orders,
    one key column fewer to hash.
    """
    src = source_sql(dialect, asof_day, has_cost=has_cost, has_order=has_order,
                     exclude_returns=exclude_returns)
    if has_order and order_filled:
        key = "customer_id, order_id"
    elif has_order:
        key = "customer_id, order_id, CASE WHEN order_id IS NULL THEN day END"
    else:
        key = "customer_id, day"
    profit = (", FSUM(CASE WHEN cost IS NULL THEN 0.0 ELSE amount - cost END) AS profit"
              if has_cost else "")
    return f"""src AS ({src}),
orders AS (SELECT customer_id, MIN(day) AS day, FSUM(amount) AS amount{profit}
           FROM src GROUP BY {key})"""


def rfm_sql(dialect: str, asof_day: int, has_cost: bool = False, has_order: bool = False,
            exclude_returns: bool = False, order_filled: bool = False) -> str:
    """Per client with a purchase order: ``customer_id, orders, first_day, last_day, money[, profit]``.

    A purchase order is an order whose net amount is at least a millionth (``_PURCHASE``); ``money`` and ``profit`` sum every
    order (refunds lower them).
    """
    orders = _orders_sql(dialect, asof_day, has_cost, has_order, exclude_returns,
                         order_filled)
    profit = ", FSUM(profit) AS profit" if has_cost else ""
    return _spelled(dialect, f"""
WITH {orders}
SELECT customer_id,
       COUNT(*) FILTER (WHERE {_PURCHASE}) AS orders,
       MIN(day) FILTER (WHERE {_PURCHASE}) AS first_day,
       MAX(day) FILTER (WHERE {_PURCHASE}) AS last_day,
       FSUM(amount) AS money{profit}
FROM orders GROUP BY customer_id
HAVING COUNT(*) FILTER (WHERE {_PURCHASE}) > 0
ORDER BY customer_id""")


def ladder_sql(dialect: str, asof_day: int, window_start: int, has_cost: bool = False,
               has_order: bool = False, exclude_returns: bool = False,
               order_filled: bool = False) -> str:
    """Per client with a purchase order, the loyalty-ladder inputs.

    ``customer_id, orders, orders_window, first_day, last_day, median_gap, gap_mean, gap_std,
    gap_n[, profit]``: purchase orders (in all, and on days after ``window_start``), first and
    last purchase day, the median gap between distinct purchase days, and the mean, population
    standard deviation and number of the gaps that end after ``window_start``.

    The median is exact and needs no holistic aggregate (``MEDIAN`` keeps every client's gaps
    in its hash table and cannot spill): the gaps are numbered in order per client by a
    window, and the one or two middle ones averaged, so the query runs under a memory limit
    on logs larger than memory.
    """
    orders = _orders_sql(dialect, asof_day, has_cost, has_order, exclude_returns,
                         order_filled)
    w = int(window_start)
    profit_cte = (",\npr AS (SELECT customer_id, FSUM(profit) AS profit FROM orders "
                  "GROUP BY customer_id)") if has_cost else ""
    profit_col = ", pr.profit" if has_cost else ""
    profit_join = " LEFT JOIN pr ON pr.customer_id = c.customer_id" if has_cost else ""
    return _spelled(dialect, f"""
WITH {orders},
buy AS (SELECT customer_id, day FROM orders WHERE {_PURCHASE}),
c AS (SELECT customer_id, COUNT(*) AS orders,
             COUNT(CASE WHEN day > {w} THEN 1 END) AS orders_window,
             MIN(day) AS first_day, MAX(day) AS last_day
      FROM buy GROUP BY customer_id),
d AS (SELECT DISTINCT customer_id, day FROM buy),
g AS (SELECT customer_id, day,
             day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap
      FROM d),
r AS (SELECT customer_id, day, gap,
             ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY gap) AS k,
             COUNT(*) OVER (PARTITION BY customer_id) AS m
      FROM g WHERE gap IS NOT NULL),
gs AS (SELECT customer_id,
              AVG(CASE WHEN k = CAST(FLOOR((m + 1) / 2.0) AS BIGINT)
                         OR k = CAST(FLOOR((m + 2) / 2.0) AS BIGINT) THEN gap END)
                AS median_gap,
              AVG(CASE WHEN day > {w} THEN gap END) AS gap_mean,
              STDDEV_POP(CASE WHEN day > {w} THEN gap END) AS gap_std,
              COUNT(CASE WHEN day > {w} THEN gap END) AS gap_n
       FROM r GROUP BY customer_id){profit_cte}
SELECT c.customer_id, c.orders, c.orders_window, c.first_day, c.last_day,
       gs.median_gap, gs.gap_mean, gs.gap_std, COALESCE(gs.gap_n, 0) AS gap_n{profit_col}
FROM c LEFT JOIN gs ON gs.customer_id = c.customer_id{profit_join}
ORDER BY c.customer_id""")


def abc_xyz_sql(dialect: str, asof_day: int, first_period: int, n_periods: int,
                period: str = "M", value: str = "amount", has_cost: bool = False) -> str:
    """Per client (every client with a row up to asof): the window's value, revenue and spread.

    ``customer_id, total, revenue[, profit], active, ss``: over the periods
    ``first_period .. first_period + n_periods - 1`` (period codes of ``period``), the value
    (amount, or profit = amount - cost with unknown cost as 0) summed, the revenue, the profit,
    the number of periods with a row, and the sum of squared deviations of the per-period value
    from its window mean over the *active* periods (the pandas path adds the idle periods'
    share, ``(n_periods - active) * mean**2``).

    One pass over the per-period values: with ``k`` active periods of mean ``a`` and population
    variance ``s2`` (both engines compute it with a numerically stable update), the squared
    deviations from the window mean ``m`` sum to ``k * s2 + k * (a - m)**2`` -- no join back to
    the per-client totals, and no cancellation of large sums of squares.
    """
    src = source_sql(dialect, asof_day, has_cost=has_cost, month=period in ("M", "Q"))
    per = _PERIOD[period]
    n = int(n_periods)
    lp = "CASE WHEN cost IS NULL THEN 0.0 ELSE amount - cost END"
    v = lp if value == "profit" else "amount"
    prof_s = f", FSUM({lp}) AS prof" if has_cost else ""
    return _spelled(dialect, f"""
WITH src AS ({src}),
p AS (SELECT customer_id, CASE WHEN {per} >= {int(first_period)} THEN {per} ELSE -1 END AS per,
             amount{", cost" if has_cost else ""} FROM src),
s AS (SELECT customer_id, per, FSUM({v}) AS v, FSUM(amount) AS rev{prof_s}
      FROM p GROUP BY customer_id, per),
c AS (SELECT customer_id,
             FSUM(CASE WHEN per >= 0 THEN v ELSE 0.0 END) AS total,
             FSUM(CASE WHEN per >= 0 THEN rev ELSE 0.0 END) AS revenue{
                 ", FSUM(CASE WHEN per >= 0 THEN prof ELSE 0.0 END) AS profit" if has_cost else ""},
             COUNT(CASE WHEN per >= 0 THEN 1 END) AS active,
             VAR_POP(CASE WHEN per >= 0 THEN v END) AS v_var,
             AVG(CASE WHEN per >= 0 THEN v END) AS v_avg
      FROM s GROUP BY customer_id)
SELECT customer_id, total, revenue{", profit" if has_cost else ""}, active,
       COALESCE(active * v_var + active * (v_avg - total / {n}) * (v_avg - total / {n}), 0.0)
         AS ss
FROM c
ORDER BY customer_id""")


def churn_features_sql(dialect: str, asof_day: int, windows: tuple[int, ...] = (30, 90, 180),
                       has_cost: bool = False) -> str:
    """Per client with a row up to asof: the raw purchase-history aggregates of the churn model.

    The features of :func:`workbench.customer_features` before the last arithmetic (done in
    Python for both engines). An *activity day* is a day with a paid row (``amount > 0``); a
    client with no paid row at all is described by every day of their rows. One row per
    client, ordered by ``customer_id``:

    ``freq`` (activity days), ``first_day``, ``last_day``, ``g_n``, ``g_sum``, ``g_sq`` (the
    number, sum and sum of squares of the gaps in days between consecutive activity days,
    whole numbers, so the spread is exact), ``n_<w>d`` (activity days in the last ``w`` days
    for each of ``windows``), ``prev_90d`` (activity days 90 to 180 days back), ``gross``
    (paid amounts), ``net`` (every amount), ``returned`` (negative amounts, positive),
    ``revenue_<w>d`` (every amount in the last ``w`` days); with ``cost``: ``profit`` and
    ``rev_known`` (amount - cost and amount over the rows with a known cost) and ``n_known``.
    """
    src = source_sql(dialect, asof_day, has_cost=has_cost)
    a = int(asof_day)
    rev = "".join(f",\n             FSUM(CASE WHEN day > {a - w} THEN amount ELSE 0.0 END) "
                  f"AS revenue_{int(w)}d" for w in windows)
    cost = (",\n             FSUM(CASE WHEN cost IS NULL THEN 0.0 ELSE amount - cost END) AS profit,"
            "\n             FSUM(CASE WHEN cost IS NULL THEN 0.0 ELSE amount END) AS rev_known,"
            "\n             COUNT(cost) AS n_known") if has_cost else ""
    counts = "".join(f",\n              COUNT(CASE WHEN day > {a - w} THEN 1 END) AS n_{int(w)}d"
                     for w in windows)
    return _spelled(dialect, f"""
WITH src AS ({src}),
cl AS (SELECT customer_id, MAX(amount) AS max_amount,
             FSUM(CASE WHEN amount > 0 THEN amount ELSE 0.0 END) AS gross,
             FSUM(amount) AS net,
             FSUM(CASE WHEN amount < 0 THEN -amount ELSE 0.0 END) AS returned{rev}{cost}
       FROM src GROUP BY customer_id),
dd AS (SELECT customer_id, day, MAX(amount) AS day_max FROM src GROUP BY customer_id, day),
act AS (SELECT customer_id, day FROM dd WHERE day_max > 0
        UNION ALL
        SELECT customer_id, day FROM dd
        WHERE customer_id IN (SELECT customer_id FROM cl WHERE max_amount <= 0)),
g AS (SELECT customer_id, day,
             day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap
      FROM act),
ag AS (SELECT customer_id, COUNT(*) AS freq, MIN(day) AS first_day, MAX(day) AS last_day,
              COUNT(gap) AS g_n, SUM(gap) AS g_sum, SUM(CAST(gap AS BIGINT) * gap) AS g_sq{counts},
              COUNT(CASE WHEN day > {a - 180} AND day <= {a - 90} THEN 1 END) AS prev_90d
       FROM g GROUP BY customer_id)
SELECT ag.*, cl.gross, cl.net, cl.returned{
    "".join(f", cl.revenue_{int(w)}d" for w in windows)}{
    ", cl.profit, cl.rev_known, cl.n_known" if has_cost else ""}
FROM ag JOIN cl ON ag.customer_id = cl.customer_id
ORDER BY ag.customer_id""")

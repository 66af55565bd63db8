"""Benchmark the per-client aggregates against pyarrow, DuckDB and polars (issue 14).

Run::

    nice -n 10 .venv/bin/python benchmarks/bench_aggregates.py --rows 1000000 10000000
    nice -n 10 .venv/bin/python benchmarks/bench_aggregates.py --big 100000000 --dir /tmp/wb_big

The first form builds a synthetic log per size (``workbench.datasets.make_transactions``, 10
lines per client), then times, in the same run, on the same pandas frame:

- ``btyd_summary``, ``rfm_table``, ``abc_xyz`` and ``loyalty_ladder`` as the notebooks call them
  (``engine="auto"``) and on the hand-written numpy path (``engine="pandas"``, the grouping the
  package used before the engines);
- an expert's version of each aggregate in DuckDB SQL (result to pandas), polars (from a polars
  frame, conversion timed apart) and pyarrow's ``group_by`` (result to pandas);
- the churn model's features at one cut-off (``customer_features``) on numpy and on DuckDB.

It runs ``--repeats`` rounds, each running every job once, in turn (a slow spell of a shared
machine falls on a whole round), and prints medians (wall clock and CPU seconds of all the
process's threads), the peak memory each call adds (the process's resident high-water mark,
reset before each timed call), the load average, and the ratio of the package to the best of
DuckDB and polars (target <= 1.2 at 10M rows): of the medians, of the CPU medians, and paired
(the median of each round's own ratio; on a busy machine the CPU and paired ratios are the
steadier ones). Every expert result is checked against the package's.

The second form writes a Parquet log of ``--big`` transactions (one client per 10 lines) with
DuckDB under ``--dir`` (never in the repository) and aggregates it with
:func:`workbench.engine.client_tables` under a DuckDB ``memory_limit`` (spilling to ``--dir``),
printing each table's time and the process's peak memory.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from workbench._testing import assert_same_table
from workbench.churn import customer_features
from workbench.datasets import make_transactions
from workbench.engine import DUCKDB_MIN_ROWS, client_tables
from workbench.segmentation import abc_xyz, btyd_summary, loyalty_ladder, rfm_table


# ---------------------------------------------------------------- memory
def _rss_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")  # reset VmHWM to the current RSS (Linux >= 4.0)
        return True
    except OSError:
        return False


def timed_once(fn: Callable[[], object]) -> tuple[float, float, float]:
    """Seconds, CPU seconds (every thread of the process: robust to other load on the
    machine) and the largest resident memory the run added at its peak (MiB; NaN when the
    peak cannot be reset)."""
    gc.collect()
    reset = _reset_peak()
    before = _rss_kib("VmRSS")
    c0 = time.process_time()
    t0 = time.perf_counter()
    fn()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return wall, cpu, (_rss_kib("VmHWM") - before) / 1024 if reset else float("nan")


def timed_rounds(jobs: dict[str, Callable[[], object]], repeats: int) -> dict[str, dict]:
    """Every job once per round, ``repeats`` rounds: a slow spell of a shared machine falls on
    a whole round, and each round's own ratios pair the jobs measured minutes apart at most.
    Per job: ``runs`` and ``cpus`` (one per round) and ``peak``."""
    out = {name: {"runs": [], "cpus": [], "peak": float("nan")} for name in jobs}
    for r in range(repeats):
        for name, fn in jobs.items():
            wall, cpu, peak = timed_once(fn)
            got = out[name]
            got["runs"].append(wall)
            got["cpus"].append(cpu)
            got["peak"] = float(np.fmax(got["peak"], peak))
        print(f"  round {r + 1}/{repeats} done", flush=True)
    return out


# ---------------------------------------------------------------- expert versions
def duckdb_jobs(tx: pd.DataFrame, asof: pd.Timestamp) -> dict[str, Callable[[], pd.DataFrame]]:
    import duckdb
    import pyarrow as pa

    con = duckdb.connect()
    con.register("t", pa.Table.from_pandas(
        tx[["customer_id", "date", "amount", "order_id", "cost"]], preserve_index=False))
    d = f"DATE '{asof.date()}'"
    first_month = f"date_trunc('month', {d}) - INTERVAL 11 MONTH"
    btyd = f"""
        WITH p AS (SELECT customer_id, CAST(date AS DATE) AS d, SUM(amount) AS v
                   FROM t WHERE CAST(date AS DATE) <= {d} GROUP BY ALL)
        SELECT customer_id, count(*) - 1 AS frequency,
               date_diff('day', min(d), max(d)) AS recency,
               date_diff('day', min(d), {d}) AS T,
               CASE WHEN count(*) > 1 THEN (sum(v) - arg_min(v, d)) / (count(*) - 1)
                    ELSE 0 END AS monetary_value
        FROM p GROUP BY customer_id ORDER BY customer_id"""
    # a purchase order nets to at least a millionth (float noise of a refunded order is not one)
    rfm = f"""
        WITH o AS (SELECT customer_id, order_id, min(CAST(date AS DATE)) AS d,
                          SUM(amount) AS v, SUM(amount - coalesce(cost, amount)) AS p
                   FROM t WHERE CAST(date AS DATE) <= {d} GROUP BY ALL)
        SELECT customer_id, date_diff('day', max(d) FILTER (v >= 1e-6), {d}) AS recency_days,
               count(*) FILTER (v >= 1e-6) AS frequency, sum(v) AS monetary_total,
               date_diff('day', min(d) FILTER (v >= 1e-6), {d}) AS tenure_days,
               sum(p) AS profit_total
        FROM o GROUP BY customer_id HAVING count(*) FILTER (v >= 1e-6) > 0 ORDER BY customer_id"""
    abc = f"""
        WITH m AS (SELECT customer_id, date_trunc('month', date) AS m, SUM(amount) AS v
                   FROM t WHERE CAST(date AS DATE) <= {d} GROUP BY ALL),
        c AS (SELECT customer_id,
                     coalesce(sum(v) FILTER (m >= {first_month}), 0) AS value,
                     count(*) FILTER (m >= {first_month}) AS active,
                     coalesce(sum(v * v) FILTER (m >= {first_month}), 0) AS v2
              FROM m GROUP BY customer_id)
        SELECT customer_id, value, active, value / 12 AS mean,
               sqrt(greatest(v2 / 12 - (value / 12) * (value / 12), 0)) AS std
        FROM c ORDER BY customer_id"""
    return {
        "btyd_summary": lambda: con.sql(btyd).df(),
        "rfm_table": lambda: con.sql(rfm).df(),
        "abc_xyz": lambda: con.sql(abc).df(),
    }


def polars_jobs(tx: pd.DataFrame, asof: pd.Timestamp) -> tuple[dict, float]:
    import polars as pl

    t0 = time.perf_counter()
    df = pl.from_pandas(tx[["customer_id", "date", "amount", "order_id", "cost"]])
    convert = time.perf_counter() - t0
    a = asof.date()
    first_month = (asof.to_period("M") - 11).to_timestamp().date()

    def btyd():
        p = (df.lazy().with_columns(pl.col("date").dt.date().alias("d"))
             .filter(pl.col("d") <= a)
             .group_by("customer_id", "d").agg(pl.col("amount").sum().alias("v"))
             .group_by("customer_id").agg(
                 n=pl.len(), first=pl.col("d").min(), last=pl.col("d").max(),
                 total=pl.col("v").sum(), first_v=pl.col("v").sort_by("d").first())
             .with_columns(
                 frequency=(pl.col("n") - 1).cast(pl.Float64),
                 recency=(pl.col("last") - pl.col("first")).dt.total_days().cast(pl.Float64),
                 T=(pl.lit(a) - pl.col("first")).dt.total_days().cast(pl.Float64),
                 monetary_value=pl.when(pl.col("n") > 1)
                 .then((pl.col("total") - pl.col("first_v")) / (pl.col("n") - 1)).otherwise(0.0))
             .select("customer_id", "frequency", "recency", "T", "monetary_value")
             .sort("customer_id"))
        return p.collect().to_pandas()

    def rfm():
        o = (df.lazy().with_columns(pl.col("date").dt.date().alias("d"))
             .filter(pl.col("d") <= a)
             .group_by("customer_id", "order_id").agg(
                 d=pl.col("d").min(), v=pl.col("amount").sum(),
                 p=(pl.col("amount") - pl.col("cost").fill_null(pl.col("amount"))).sum())
             .group_by("customer_id").agg(
                 frequency=(pl.col("v") >= 1e-6).sum(), monetary_total=pl.col("v").sum(),
                 last=pl.col("d").filter(pl.col("v") >= 1e-6).max(),
                 first=pl.col("d").filter(pl.col("v") >= 1e-6).min(), profit_total=pl.col("p").sum())
             .filter(pl.col("frequency") > 0)
             .with_columns(recency_days=(pl.lit(a) - pl.col("last")).dt.total_days(),
                           tenure_days=(pl.lit(a) - pl.col("first")).dt.total_days())
             .sort("customer_id"))
        return o.collect().to_pandas()

    def abc():
        m = (df.lazy().filter(pl.col("date").dt.date() <= a)
             .with_columns(m=pl.col("date").dt.truncate("1mo").dt.date())
             .group_by("customer_id", "m").agg(v=pl.col("amount").sum())
             .group_by("customer_id").agg(
                 value=pl.col("v").filter(pl.col("m") >= first_month).sum(),
                 active=(pl.col("m") >= first_month).sum(),
                 v2=(pl.col("v") * pl.col("v")).filter(pl.col("m") >= first_month).sum())
             .with_columns(mean=pl.col("value") / 12)
             .with_columns(std=(pl.col("v2") / 12 - pl.col("mean") ** 2).clip(0).sqrt())
             .sort("customer_id"))
        return m.collect().to_pandas()

    return {"btyd_summary": btyd, "rfm_table": rfm, "abc_xyz": abc}, convert


def pyarrow_jobs(tx: pd.DataFrame, asof: pd.Timestamp) -> tuple[dict, float]:
    import pyarrow as pa
    import pyarrow.compute as pc

    t0 = time.perf_counter()
    table = pa.Table.from_pandas(tx[["customer_id", "date", "amount", "order_id", "cost"]],
                                 preserve_index=False)
    convert = time.perf_counter() - t0
    asof_day = int(np.datetime64(asof.date(), "D").astype(np.int64))
    first_month = int(np.datetime64((asof.to_period("M") - 11).to_timestamp().date(), "M")
                      .astype(np.int64))

    def days(t):
        return pc.cast(pc.cast(t["date"], pa.date32()), pa.int32())

    def btyd():
        t = table.append_column("d", days(table))
        t = t.filter(pc.less_equal(t["d"], asof_day))
        p = t.group_by(["customer_id", "d"]).aggregate([("amount", "sum")])
        p = p.sort_by([("customer_id", "ascending"), ("d", "ascending")])
        c = p.group_by("customer_id", use_threads=False).aggregate(
            [("d", "min"), ("d", "max"), ("amount_sum", "sum"), ("amount_sum", "first"),
             ("d", "count")])
        n = c["d_count"].to_numpy()
        first = c["d_min"].to_numpy()
        total = c["amount_sum_sum"].to_numpy()
        return pd.DataFrame({
            "customer_id": c["customer_id"].to_numpy(zero_copy_only=False),
            "frequency": (n - 1).astype(float),
            "recency": (c["d_max"].to_numpy() - first).astype(float),
            "T": (asof_day - first).astype(float),
            "monetary_value": np.where(n > 1, (total - c["amount_sum_first"].to_numpy())
                                       / np.maximum(n - 1, 1), 0.0),
        })

    def rfm():
        t = table.append_column("d", days(table))
        t = t.filter(pc.less_equal(t["d"], asof_day))
        o = t.group_by(["customer_id", "order_id"]).aggregate([("d", "min"), ("amount", "sum")])
        buy = o.filter(pc.greater_equal(o["amount_sum"], 1e-6))
        c = buy.group_by("customer_id").aggregate(
            [("d_min", "min"), ("d_min", "max"), ("d_min", "count")])
        m = o.group_by("customer_id").aggregate([("amount_sum", "sum")])
        c = c.join(m, "customer_id").sort_by("customer_id")
        return c.to_pandas()

    def abc():
        t = table.filter(pc.less_equal(days(table), asof_day))
        y = pc.year(t["date"])
        mo = pc.month(t["date"])
        month = pc.add(pc.multiply(pc.subtract(y, 1970), 12), pc.subtract(mo, 1))
        t = t.append_column("m", month)
        m = t.group_by(["customer_id", "m"]).aggregate([("amount", "sum")])
        win = pc.greater_equal(m["m"], first_month)
        v = pc.if_else(win, m["amount_sum"], 0.0)
        m = m.append_column("v", v).append_column("v2", pc.multiply(v, v)).append_column(
            "a", pc.cast(win, pa.int64()))
        c = m.group_by("customer_id").aggregate([("v", "sum"), ("v2", "sum"), ("a", "sum")])
        c = c.sort_by("customer_id")
        mean = pc.divide(c["v_sum"], 12.0)
        std = pc.sqrt(pc.max_element_wise(
            pc.subtract(pc.divide(c["v2_sum"], 12.0), pc.multiply(mean, mean)), 0.0))
        return c.append_column("mean", mean).append_column("std", std).to_pandas()

    return {"btyd_summary": btyd, "rfm_table": rfm, "abc_xyz": abc}, convert


# ---------------------------------------------------------------- checks
def check(name: str, ours: pd.DataFrame, expert: pd.DataFrame, who: str) -> str:
    """Compare the columns an expert version computes with the package's (to 1e-6)."""
    e = expert.set_index("customer_id") if "customer_id" in expert.columns else expert
    e.index = e.index.astype(str)
    if len(e) != len(ours) or not (e.index == ours.index.astype(str)).all():
        return f"{who} {name}: different clients ({len(e)} vs {len(ours)})"
    cols = {"btyd_summary": ["frequency", "recency", "T", "monetary_value"],
            "rfm_table": ["recency_days", "frequency", "monetary_total", "tenure_days"],
            "abc_xyz": ["mean", "std"]}[name]
    for c in cols:
        if c in e.columns:
            np.testing.assert_allclose(e[c].to_numpy(np.float64), ours[c].to_numpy(np.float64),
                                       rtol=1e-6, atol=1e-6, err_msg=f"{who} {name} {c}")
    return f"{who} {name}: same clients, same values"


# ---------------------------------------------------------------- the runs
def run_size(rows: int, repeats: int, skip: tuple[str, ...] = ()) -> dict:
    t0 = time.perf_counter()
    tx = make_transactions(n_customers=rows // 10, n_transactions=rows, seed=0)
    asof = (tx["date"].max() - pd.Timedelta(days=30)).normalize()
    print(f"\n=== {rows:,} rows, {tx['customer_id'].nunique():,} clients, asof {asof.date()} "
          f"(generated in {time.perf_counter() - t0:.1f} s; engine='auto' takes "
          f"{'DuckDB' if rows >= DUCKDB_MIN_ROWS else 'numpy'})")
    ours = {
        "btyd_summary": lambda: btyd_summary(tx, asof=asof),
        "rfm_table": lambda: rfm_table(tx, asof=asof),
        "abc_xyz": lambda: abc_xyz(tx, asof=asof),
        "loyalty_ladder": lambda: loyalty_ladder(tx, asof=asof),
    }
    before = {f"{k} [numpy]": (lambda f=k: {
        "btyd_summary": btyd_summary, "rfm_table": rfm_table, "abc_xyz": abc_xyz,
        "loyalty_ladder": loyalty_ladder}[f](tx, asof=asof, engine="pandas")) for k in ours}
    duck = duckdb_jobs(tx, asof)
    pol, pol_convert = polars_jobs(tx, asof)
    arrow, arrow_convert = pyarrow_jobs(tx, asof)
    print(f"(not timed below: pandas -> polars {pol_convert:.2f} s, "
          f"pandas -> pyarrow {arrow_convert:.2f} s)")
    jobs: dict[str, Callable[[], object]] = {}
    for k in ours:
        jobs[f"{k} [workbench]"] = ours[k]
        jobs[f"{k} [numpy]"] = before[f"{k} [numpy]"]
        if k in duck:
            jobs[f"{k} [duckdb sql]"] = duck[k]
            jobs[f"{k} [polars]"] = pol[k]
            jobs[f"{k} [pyarrow]"] = arrow[k]
    # the churn model's features at one cut-off: numpy (what "auto" takes) and DuckDB's SQL
    jobs["churn_features [workbench]"] = lambda: customer_features(tx, asof)
    jobs["churn_features [duckdb]"] = lambda: customer_features(tx, asof, engine="duckdb")
    jobs = {k: v for k, v in jobs.items() if k.split("[")[1].rstrip("]") not in skip
            and not ("ladder" in skip and k.startswith("loyalty_ladder"))}
    res: dict[str, float] = {}
    cpu: dict[str, float] = {}
    print(f"load average {os.getloadavg()[0]:.1f} at the start of the timings "
          f"({repeats} rounds, each running every job once, in turn)")
    rounds = timed_rounds(jobs, repeats)
    print(f"{'job':32s} {'median s':>9s} {'cpu s':>7s} {'+peak MiB':>10s}   all runs")
    for name, got in rounds.items():
        res[name] = statistics.median(got["runs"])
        cpu[name] = statistics.median(got["cpus"])
        print(f"{name:32s} {res[name]:9.3f} {cpu[name]:7.3f} {got['peak']:10.0f}   "
              + " ".join(f"{r:.3f}" for r in got["runs"]), flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end of the timings")
    # the same results
    for k in duck:
        mine = ours[k]()
        if "numpy" not in skip:
            assert_same_table(mine, before[f"{k} [numpy]"]())
            print(f"check: {k} duckdb path == numpy path: OK")
        for who, fn in (("duckdb sql", duck[k]), ("polars", pol[k]), ("pyarrow", arrow[k])):
            if who not in skip:
                print("check: " + check(k, mine, fn(), who))
    if "churn_features [duckdb]" in res:
        assert_same_table(customer_features(tx, asof, engine="duckdb"), customer_features(tx, asof))
        print("check: churn_features duckdb path == numpy path: OK; duckdb / numpy: wall "
              f"{res['churn_features [duckdb]'] / res['churn_features [workbench]']:.2f}x, cpu "
              f"{cpu['churn_features [duckdb]'] / cpu['churn_features [workbench]']:.2f}x")
    print("ratios (same run): workbench / best of DuckDB SQL and polars  [target <= 1.2]")
    print("  (wall clock; then CPU seconds of all threads, which other load hardly moves; then the"
          " median of each round's own wall ratio)")
    for k in duck:
        best = min(res[f"{k} [duckdb sql]"], res[f"{k} [polars]"])
        best_cpu = min(cpu[f"{k} [duckdb sql]"], cpu[f"{k} [polars]"])
        r = res[f"{k} [workbench]"] / best
        extra = [f"{who} path {res[f'{k} [{who}]'] / best:5.2f}x" for who in ("numpy", "pyarrow")
                 if f"{k} [{who}]" in res]
        pairs = [w / min(d, p) for w, d, p in zip(
            rounds[f"{k} [workbench]"]["runs"], rounds[f"{k} [duckdb sql]"]["runs"],
            rounds[f"{k} [polars]"]["runs"], strict=True)]
        print(f"  {k:16s} wall {r:5.2f}x  cpu {cpu[f'{k} [workbench]'] / best_cpu:5.2f}x  "
              f"paired wall {statistics.median(pairs):5.2f}x   ({'; '.join(extra)})")
    return res


def make_big(path: Path, rows: int) -> None:
    """A deterministic Parquet log of ``rows`` lines, 10 per client, written by DuckDB."""
    import duckdb

    n_clients = max(rows // 10, 1)
    con = duckdb.connect(config={"memory_limit": "4GB", "temp_directory": str(path.parent),
                                 "threads": 2})
    con.execute(f"""
        COPY (
          SELECT lpad(CAST(hash(i, 1) % {n_clients} AS VARCHAR), 8, '0') AS customer_id,
                 TIMESTAMP '2023-01-01' + to_days(CAST(hash(i, 2) % 1095 AS INTEGER))
                   + to_minutes(CAST(480 + hash(i, 3) % 780 AS INTEGER)) AS date,
                 round((hash(i, 4) % 20000) / 100.0 - CASE WHEN hash(i, 5) % 50 = 0
                       THEN 250 ELSE 0 END, 2) AS amount,
                 'O' || CAST(i // 2 AS VARCHAR) AS order_id,
                 round((hash(i, 4) % 20000) / 100.0 * 0.65, 2) AS cost
          FROM range({rows}) r(i)
        ) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)""")
    con.close()


def run_big(rows: int, folder: Path, memory_limit: str, threads: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"tx_{rows}.parquet"
    if not path.exists():
        t0 = time.perf_counter()
        make_big(path, rows)
        print(f"wrote {path.name} ({path.stat().st_size / 2**30:.2f} GiB) in "
              f"{time.perf_counter() - t0:.0f} s")
    spill = folder / "spill"
    spill.mkdir(exist_ok=True)
    print(f"\n=== {rows:,}-row Parquet log, DuckDB memory_limit {memory_limit}, "
          f"{threads} threads, spill to {spill.name}/; load average {os.getloadavg()[0]:.1f}")
    _reset_peak()
    base = _rss_kib("VmRSS") / 1024
    total = 0.0
    for table in ("btyd", "rfm", "abc_xyz", "ladder"):
        _reset_peak()
        t0 = time.perf_counter()
        out = client_tables(path, tables=(table,), memory_limit=memory_limit,
                            temp_directory=spill, threads=threads)[table]
        dt = time.perf_counter() - t0
        total += dt
        print(f"{table:8s} {dt:7.1f} s  {len(out):,} clients  peak RSS "
              f"{_rss_kib('VmHWM') / 1024:,.0f} MiB (process before: {base:,.0f} MiB)",
              flush=True)
        del out
        gc.collect()
    print(f"all four tables: {total:.1f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], choices=["numpy", "pyarrow", "ladder"],
                        help="leave these out (the slow ones at 10M rows on a busy machine)")
    parser.add_argument("--big", type=int, default=0, help="rows of the Parquet log (0: skip)")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the big log")
    parser.add_argument("--memory-limit", default="4GB")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    import duckdb
    import polars
    import pyarrow

    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}, "
          f"duckdb {duckdb.__version__}, polars {polars.__version__}, "
          f"pyarrow {pyarrow.__version__}, {os.cpu_count()} cores")
    if args.big:
        if args.dir is None:
            parser.error("--big needs --dir (a folder outside the repository)")
        run_big(args.big, args.dir, args.memory_limit, args.threads)
        return
    for rows in args.rows:
        run_size(rows, args.repeats, tuple(args.skip))


if __name__ == "__main__":
    main()

"""Benchmark step 4 on a 1,000,000-transaction, 100,000-customer log.

Run: ``.venv/bin/python benchmarks/bench_segmentation.py [--rows N] [--customers N] [--repeats R]``

Times ``rfm_table``, ``btyd_summary``, ``abc_xyz`` and ``Segmenter(n_clusters="auto").fit`` and,
in the same run, lifetimes' ``summary_data_from_transaction_data`` and a DuckDB SQL aggregation
of the same summary (the practical floor). Prints medians over repeats, the peak traced memory of
each call (tracemalloc, a separate run) and ratios against the targets of issue 3:

- btyd_summary at least 3x faster than lifetimes, and within 1.2x of the fastest DuckDB query;
- rfm_table and abc_xyz of the same order as DuckDB;
- the auto-k segmentation of 100,000 customers under 30 s.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.segmentation import (
    Segmenter,
    abc_xyz,
    btyd_summary,
    customer_feature_table,
    rfm_table,
)


def make_log(n_rows: int, n_customers: int, seed: int = 0) -> pd.DataFrame:
    """A deterministic log; uses ``workbench.datasets.make_transactions`` when it exists."""
    try:
        from workbench.datasets import make_transactions  # type: ignore[attr-defined]

        return make_transactions(n_customers=n_customers, n_transactions=n_rows, seed=seed)
    except (ImportError, TypeError):
        pass
    rng = np.random.default_rng(seed)
    activity = rng.gamma(0.6, 1.0, size=n_customers)  # skewed: few heavy, many one-off
    cust = rng.choice(n_customers, size=n_rows, p=activity / activity.sum())
    cust[:n_customers] = rng.permutation(n_customers)  # every customer buys at least once
    start = rng.integers(0, 3 * 365, size=n_customers)
    day = np.minimum(start[cust] + rng.exponential(200, size=n_rows).astype(np.int64), 3 * 365)
    minutes = rng.integers(8 * 60, 21 * 60, size=n_rows)
    date = (np.datetime64("2022-01-01") + day.astype("timedelta64[D]")).astype(
        "datetime64[ns]"
    ) + (minutes * 60_000_000_000).astype("timedelta64[ns]")
    amount = np.round(rng.gamma(2.0, 40.0, size=n_rows), 2)
    amount[rng.random(n_rows) < 0.02] *= -1  # returns
    order = np.arange(n_rows) // 2  # two lines per order on average
    frame = pd.DataFrame(
        {
            "customer_id": pd.array([f"C{c:06d}" for c in cust], dtype="string"),
            "date": date,
            "amount": amount,
            "order_id": pd.array([f"O{o:07d}" for o in order], dtype="string"),
            "cost": np.round(np.abs(amount) * rng.uniform(0.5, 0.8, size=n_rows), 2),
        }
    )
    return frame


def timed(fn: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def peak_mib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    tx = make_log(args.rows, args.customers)
    asof = pd.Timestamp(tx["date"].max()).normalize() - pd.Timedelta(days=30)
    print(
        f"log: {len(tx):,} rows, {tx['customer_id'].nunique():,} customers, asof {asof.date()} "
        f"(generated in {time.perf_counter() - t0:.1f} s)"
    )
    base = tx[["customer_id", "date", "amount"]]
    cut = base.loc[base["date"] <= asof + pd.Timedelta(hours=23, minutes=59)]
    day_end = asof + pd.Timedelta(hours=23, minutes=59, seconds=59)

    jobs: dict[str, Callable[[], object]] = {
        "btyd_summary (D)": lambda: btyd_summary(base, asof=day_end, freq="D"),
        "btyd_summary (W)": lambda: btyd_summary(base, asof=day_end, freq="W"),
        "rfm_table": lambda: rfm_table(tx, asof=day_end),
        "abc_xyz": lambda: abc_xyz(tx, asof=day_end),
    }
    try:
        from lifetimes.utils import summary_data_from_transaction_data

        cut_obj = cut.astype({"customer_id": object})
        jobs["lifetimes summary (D)"] = lambda: summary_data_from_transaction_data(
            cut_obj, "customer_id", "date", monetary_value_col="amount",
            observation_period_end=asof, freq="D",
        )
    except ImportError:
        print("lifetimes not installed: no lifetimes baseline")
    duck = None
    try:
        import duckdb

        duck = duckdb.connect()
        duck.register("tx", base)
        sql = f"""
            WITH p AS (
                SELECT customer_id, CAST(date AS DATE) AS d, SUM(amount) AS v
                FROM tx WHERE date <= TIMESTAMP '{day_end}' GROUP BY 1, 2)
            SELECT customer_id,
                   count(*) - 1 AS frequency,
                   date_diff('day', min(d), max(d)) AS recency,
                   date_diff('day', min(d), DATE '{asof.date()}') AS T,
                   CASE WHEN count(*) > 1 THEN (sum(v) - arg_min(v, d)) / (count(*) - 1)
                        ELSE 0 END AS monetary_value
            FROM p GROUP BY customer_id ORDER BY customer_id"""
        jobs["duckdb summary -> pandas"] = lambda: duck.execute(sql).df()
        jobs["duckdb summary -> numpy"] = lambda: duck.execute(sql).fetchnumpy()
    except ImportError:
        print("duckdb not installed: no DuckDB floor (pip install -e '.[bench]')")

    results: dict[str, float] = {}
    print(f"\n{'job':28s} {'median s':>9s} {'peak MiB':>9s}   all runs")
    for name, fn in jobs.items():
        med, runs = timed(fn, args.repeats)
        mem = float("nan") if args.no_memory else peak_mib(fn)
        results[name] = med
        print(f"{name:28s} {med:9.3f} {mem:9.1f}   " + " ".join(f"{r:.3f}" for r in runs))

    # correctness in the same run: our summary equals lifetimes' and DuckDB's
    ours = btyd_summary(base, asof=day_end, freq="D")
    if "lifetimes summary (D)" in jobs:
        theirs = jobs["lifetimes summary (D)"]()
        theirs.index = pd.Index(theirs.index.astype(str), dtype="string", name="customer_id")
        pd.testing.assert_frame_equal(ours, theirs, check_exact=False, rtol=1e-9)
        print("check: btyd_summary == lifetimes summary (D): OK")
    if duck is not None:
        dd = duck.execute(sql).df().set_index("customer_id")
        np.testing.assert_allclose(dd["monetary_value"].to_numpy(), ours["monetary_value"], rtol=1e-9, atol=1e-6)
        print("check: btyd_summary == DuckDB SQL: OK")

    X = customer_feature_table(tx, asof=day_end)
    t1 = time.perf_counter()
    seg = Segmenter(n_clusters="auto").fit(X)
    seg_time = time.perf_counter() - t1
    print(
        f"{'Segmenter(auto).fit':28s} {seg_time:9.3f} {'':9s}   "
        f"{len(X):,} customers, k = {seg.n_clusters_}, "
        f"silhouette by k: {seg.k_scores_.round(3).to_dict()}"
    )

    print("\nratios against the targets (same run):")
    b = results["btyd_summary (D)"]
    floor = min((v for k, v in results.items() if k.startswith("duckdb")), default=float("nan"))
    if "lifetimes summary (D)" in results:
        r = results["lifetimes summary (D)"] / b
        print(f"  lifetimes / btyd_summary      = {r:5.2f}x  (target >= 3)   {_ok(r >= 3)}")
    if np.isfinite(floor):
        r = b / floor
        print(f"  btyd_summary / fastest DuckDB = {r:5.2f}x  (target <= 1.2) {_ok(r <= 1.2)}")
        for name in ("rfm_table", "abc_xyz"):
            print(f"  {name} / fastest DuckDB{'':<{13 - len(name)}} = {results[name] / floor:5.2f}x"
                  "  (target: same order, < 10)")
    print(f"  Segmenter auto-k              = {seg_time:5.1f} s  (target < 30 s) "
          f"{_ok(seg_time < 30)}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the whole run: {rss:.0f} MiB; python {sys.version.split()[0]}, "
          f"pandas {pd.__version__}, numpy {np.__version__}")


def _ok(flag: bool) -> str:
    return "OK" if flag else "MISSED"


if __name__ == "__main__":
    main()

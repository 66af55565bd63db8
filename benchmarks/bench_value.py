"""Benchmark customer_value (BG/NBD + Gamma-Gamma + bootstrap) on 100k clients / 1M transactions.

Run::

    .venv/bin/python benchmarks/bench_value.py                 # 100k clients, 1M transactions
    .venv/bin/python benchmarks/bench_value.py --clients 10000 --transactions 100000

Prints, from one run: the fit + score time of ``customer_value`` without and with the bootstrap
interval (median over repeats), the peak traced memory, and the ratio to lifetimes'
BetaGeoFitter + GammaGammaFitter fit + score on the same summary where lifetimes runs.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_churn import big_transactions  # noqa: E402

from workbench import value as V  # noqa: E402


def timed(fn, repeats):
    times, peaks, out = [], [], None
    for _ in range(repeats):
        gc.collect()
        tracemalloc.start()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return statistics.median(times), max(peaks), out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=100_000)
    ap.add_argument("--transactions", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--n-boot", type=int, default=20)
    a = ap.parse_args(argv)
    tx = big_transactions(a.clients, a.transactions)
    print(f"data: {tx['customer_id'].nunique():,} clients, {len(tx):,} transactions")
    s_t, s_mb, s = timed(lambda: V.value_summary(tx), a.repeats)
    print(f"value_summary                 {s_t:8.2f} s  peak {s_mb:8.1f} MB")
    f_t, f_mb, cv = timed(lambda: V.customer_value(tx, horizon="1Y", n_boot=0), a.repeats)
    print(f"customer_value, no interval   {f_t:8.2f} s  peak {f_mb:8.1f} MB")
    b_t, b_mb, cvb = timed(lambda: V.customer_value(tx, horizon="1Y", n_boot=a.n_boot), a.repeats)
    print(f"customer_value, {a.n_boot:3d} bootstrap {b_t:8.2f} s  peak {b_mb:8.1f} MB "
          f"({(b_t - f_t) / max(a.n_boot, 1):.2f} s per replicate)")
    print("parameters:", {k: round(v, 4) for k, v in cv.bgnbd.items() if k in "r alpha a b"},
          {k: round(v, 4) for k, v in cv.gamma_gamma.items() if k in ("p", "q", "gamma")})
    print("independence:", cv.independence)
    print("spend per purchase:", cv.spend_model)  # run rate, with the reason, when GG q <= 1
    try:
        import lifetimes

        warnings.filterwarnings("ignore")

        def ref():
            bgf = lifetimes.BetaGeoFitter(penalizer_coef=0.0).fit(
                s["frequency"], s["recency"], s["T"])
            bgf.conditional_expected_number_of_purchases_up_to_time(
                52, s["frequency"], s["recency"], s["T"])
            rep = s.loc[(s["frequency"] > 0) & (s["monetary_value"] > 0)]
            ggf = lifetimes.GammaGammaFitter(penalizer_coef=0.0).fit(
                rep["frequency"], rep["monetary_value"])
            ggf.conditional_expected_average_profit(rep["frequency"], rep["monetary_value"])

        r_t, r_mb, _ = timed(ref, a.repeats)
        print(f"lifetimes BG/NBD + GG fit+score {r_t:8.2f} s  peak {r_mb:8.1f} MB; "
              f"ratio workbench/lifetimes (no interval, incl. summary) {f_t / r_t:.2f}")
    except Exception as exc:  # lifetimes 0.11 is partly broken on pandas 3
        print(f"lifetimes reference not run: {type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

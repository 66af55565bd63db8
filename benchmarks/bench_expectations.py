"""Benchmark steps 1–3: survey analyses on a large survey, and the exact priorities solver.

Run::

    .venv/bin/python benchmarks/bench_expectations.py [--respondents 20000] [--repeats 3]

Part 1 — a synthetic survey (``--respondents`` × 10 attributes, about 5 % empty answers),
generated deterministically here. Times (median over repeats) and peak traced memory of
``importance_performance``, ``gap_analysis``, ``kano``, ``expectation_ladder`` against a bare
pandas baseline measured in the same run (``groupby("attribute").mean()`` on two columns: no
validation, no intervals, no quadrants).

Part 2 — the 0/1 knapsack of :func:`workbench.priorities` on random action sets of n = 10 … 25:
the exact meet-in-the-middle solver against vectorised brute force (all 2^n subsets, n ≤ 20)
and against the greedy heuristic; prints time and the greedy's value as a share of the optimum.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np
import pandas as pd

from workbench.expectations import (
    expectation_ladder,
    gap_analysis,
    importance_performance,
    kano,
)
from workbench.priorities import _exact, _greedy, priorities

ATTRIBUTES = [f"attr_{i:02d}" for i in range(10)]


def make_survey(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = n * len(ATTRIBUTES)
    base = rng.integers(2, 5, len(ATTRIBUTES))

    def answers(shift: int) -> pd.array:
        v = np.clip(np.tile(base, n) + shift + rng.integers(-1, 2, rows), 1, 5).astype(float)
        v[rng.random(rows) < 0.05] = np.nan
        return pd.array(v, dtype="Float64").astype("Int64")

    return pd.DataFrame({
        "respondent_id": pd.array(np.repeat([f"R{i:06d}" for i in range(n)], len(ATTRIBUTES)),
                                  dtype="string"),
        "customer_id": pd.array(np.repeat([f"{i:06d}" for i in range(n)], len(ATTRIBUTES)),
                                dtype="string"),
        "attribute": pd.array(np.tile(ATTRIBUTES, n), dtype="string"),
        "importance": answers(1),
        "performance": answers(0),
        "expectation": answers(1),
        "competitor_performance": answers(0),
        "kano_functional": answers(-1),
        "kano_dysfunctional": answers(1),
    })


def measure(fn, repeats: int) -> tuple[float, float]:
    """Median seconds over ``repeats`` and peak traced MiB of one more run."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def brute_force(cost: np.ndarray, value: np.ndarray, budget: float) -> float:
    n = len(cost)
    best = 0.0
    chunk = 1 << 16
    shifts = np.arange(n)
    for start in range(0, 1 << n, chunk):
        masks = np.arange(start, min(start + chunk, 1 << n), dtype=np.int64)
        bits = (masks[:, None] >> shifts) & 1
        c, v = bits @ cost, bits @ value
        ok = c <= budget + 1e-9
        if ok.any():
            best = max(best, float(v[ok].max()))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--respondents", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    survey = make_survey(args.respondents)
    print(f"Part 1: survey of {len(survey):,} rows ({args.respondents:,} respondents x "
          f"{len(ATTRIBUTES)} attributes); median of {args.repeats}, peak traced memory")
    base_t, base_m = measure(
        lambda: survey.groupby("attribute")[["importance", "performance"]].mean(), args.repeats)
    print(f"  {'baseline groupby mean':28s} {base_t * 1000:8.1f} ms {base_m:7.1f} MiB   1.0x")
    cases = {
        "importance_performance": lambda: importance_performance(survey),
        "importance_performance by=": lambda: importance_performance(
            survey, by=pd.Series(np.arange(args.respondents) % 4,
                                 index=[f"{i:06d}" for i in range(args.respondents)])),
        "gap_analysis": lambda: gap_analysis(survey),
        "kano": lambda: kano(survey),
        "expectation_ladder": lambda: expectation_ladder(survey),
    }
    for name, fn in cases.items():
        t, m = measure(fn, args.repeats)
        print(f"  {name:28s} {t * 1000:8.1f} ms {m:7.1f} MiB {t / base_t:6.1f}x")

    print("\nPart 2: 0/1 knapsack (random costs 1-100, effects 0-10, budget = 40 % of all)")
    print(f"  {'n':>3s} {'exact ms':>9s} {'brute ms':>9s} {'exact==brute':>12s} "
          f"{'greedy/opt':>10s} {'priorities() ms':>15s}")
    rng = np.random.default_rng(0)
    for n in (10, 15, 20, 25):
        cost = rng.integers(1, 101, n).astype(float)
        value = rng.uniform(0, 10, n)
        budget = 0.4 * cost.sum()
        t_exact, _ = measure(lambda c=cost, v=value, b=budget: _exact(c, v, b), args.repeats)
        opt = float(value[_exact(cost, value, budget)].sum())
        greedy = float(value[_greedy(cost, value, budget)].sum())
        if n <= 20:
            t_brute, _ = measure(lambda c=cost, v=value, b=budget: brute_force(c, v, b), 1)
            same = abs(brute_force(cost, value, budget) - opt) < 1e-9
            brute = f"{t_brute * 1000:9.1f}"
        else:
            brute, same = f"{'-':>9s}", "-"
        acts = pd.DataFrame({"action": range(n), "cost": cost, "effect": value})
        t_full, _ = measure(lambda a=acts, b=budget: priorities(None, a, b), 1)
        print(f"  {n:3d} {t_exact * 1000:9.1f} {brute} {str(same):>12s} "
              f"{greedy / opt:10.3f} {t_full * 1000:15.1f}")
    print("  (priorities() also evaluates the 41-point trade-off curve)")


if __name__ == "__main__":
    main()

"""Benchmark the loaders on 1,000,000-row transaction files.

Writes a clean CSV (utf-8, ``,``, ISO dates, decimal point) and a messy one (cp1251, ``;``,
``dd.mm.yyyy`` dates, decimal commas, thousands separated by spaces, Russian headers) to
``benchmarks/_data/`` (git-ignored), then times, in the same run:

* ``pandas.read_csv(engine="pyarrow")`` on the clean file (the baseline: no validation,
  ``customer_id`` read as integers, dates left as text);
* ``workbench.load_transactions`` on the clean file (everything validated, ids as text);
* ``workbench.load_transactions`` on the messy file.

Each in a fresh child process (so peak memory is that load's own ``VmHWM``), median of
``--repeats`` runs. Run: ``.venv/bin/python benchmarks/bench_loaders.py [--rows N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"

CHILD = r"""
import json, sys, time
kind, path = sys.argv[1], sys.argv[2]
import pandas as pd
import workbench as wb
t0 = time.perf_counter()
if kind == "pandas":
    df = pd.read_csv(path, engine="pyarrow")
    n = len(df)
else:
    df, rep = wb.load_transactions(path)
    n = rep.rows_kept
    assert rep.rows_read == rep.rows_kept + len(rep.rejected)
elapsed = time.perf_counter() - t0
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1]) / 1024
print(json.dumps({"seconds": elapsed, "rows": n, "peak_mb": hwm}))
"""

BASE = r"""
import json, sys
import pandas as pd
import workbench as wb
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1]) / 1024
print(json.dumps({"peak_mb": hwm}))
"""


def make_files(n: int, seed: int = 0) -> tuple[Path, Path]:
    """Write the clean and the messy file (deterministic) and return their paths."""
    DATA.mkdir(parents=True, exist_ok=True)
    clean, messy = DATA / f"clean_{n}.csv", DATA / f"messy_{n}.csv"
    if clean.exists() and messy.exists():
        return clean, messy
    rng = np.random.default_rng(seed)
    cust = rng.integers(1, 30_000, n)
    day = np.sort(rng.integers(0, 3 * 365, n))
    minute = rng.integers(8 * 60, 20 * 60, n)
    ts = pd.Timestamp("2022-01-01") + pd.to_timedelta(day, "D") + pd.to_timedelta(minute, "min")
    amount = np.round(rng.gamma(2.0, 800.0, n), 2)
    amount[rng.random(n) < 0.03] *= -1
    qty = rng.integers(1, 6, n)
    cost = np.round(np.abs(amount) * rng.uniform(0.4, 0.7, n), 2)
    product = rng.choice(np.array(["Эфиопия 1 кг", "Колумбия 250 г", "Кения 1 кг", "Фильтры"]), n)
    channel = rng.choice(np.array(["опт", "розница", "онлайн"]), n)
    ids = pd.Series(cust).map("{:06d}".format)
    frame = pd.DataFrame({
        "customer_id": ids, "date": ts.strftime("%Y-%m-%d %H:%M:%S"), "amount": amount,
        "order_id": np.arange(n) // 2 + 100_000, "quantity": qty, "cost": cost,
        "product": product, "channel": channel,
    })
    frame.to_csv(clean, index=False)

    def ru_money(x: np.ndarray) -> pd.Series:
        s = pd.Series(x).map("{:,.2f}".format)
        return s.str.replace(",", "\u00a0", regex=False).str.replace(".", ",", regex=False)

    ru = pd.DataFrame({
        "Контрагент": ids, "Дата": ts.strftime("%d.%m.%Y %H:%M:%S"), "Сумма": ru_money(amount),
        "Номер": frame["order_id"], "Количество": qty, "Себестоимость": ru_money(cost),
        "Номенклатура": product, "Канал": channel,
    })
    ru.to_csv(messy, index=False, sep=";", encoding="cp1251")
    return clean, messy


def run_child(kind: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    clean, messy = make_files(args.rows)
    print(f"files: {clean.name} {clean.stat().st_size / 1e6:.0f} MB, "
          f"{messy.name} {messy.stat().st_size / 1e6:.0f} MB (written in {time.perf_counter() - t0:.1f} s)")
    base = json.loads(subprocess.run([sys.executable, "-c", BASE], capture_output=True, text=True,
                                     check=True).stdout)
    cases = [
        ("pandas.read_csv(engine='pyarrow'), clean", "pandas", clean),
        ("load_transactions, clean", "workbench", clean),
        ("load_transactions, messy (cp1251 ; dd.mm decimal comma)", "workbench", messy),
    ]
    results = []
    for label, kind, path in cases:
        runs = [run_child(kind, path) for _ in range(args.repeats)]
        med = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        results.append((label, med, peak, runs[0]["rows"]))
    baseline = results[0][1]
    print(f"\n{args.rows:,} rows, median of {args.repeats} runs, each in a fresh process; "
          f"peak = VmHWM of the child (interpreter + imports alone: {base['peak_mb']:.0f} MB)\n")
    print(f"{'case':<60} {'median s':>9} {'x pandas':>9} {'peak MB':>8} {'rows':>10}")
    for label, med, peak, rows in results:
        print(f"{label:<60} {med:>9.3f} {med / baseline:>9.2f} {peak:>8.0f} {rows:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

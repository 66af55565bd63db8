"""Benchmark the loaders against the plain readers, at 1M and 10M rows (issue 14 §2).

Writes, under a temporary folder (``--data``, default: the system's temp dir, never the
repository), per size:

* a clean CSV (utf-8, ``,``, ISO date-times, decimal point, 6-digit ids with leading zeros);
* the same table as Parquet (ids as strings, dates as timestamps);
* a messy CSV (cp1251, ``;``, ``dd.mm.yyyy hh:mm:ss``, decimal commas, thousands separated by
  no-break spaces, Russian headers).

Then times, in the same run, each in a fresh child process (peak memory = that child's own
``VmHWM``), median of ``--repeats`` rounds (each round runs every case once, in turn, so a
slow spell of a shared machine falls on a whole round; the paired ratios are the medians of
each round's own ratios). ``--warm-gb N``: each child touches and frees N GB before its timed
load, so that no case pays for memory pages its virtual machine has handed back to the host
(the system CPU column shows that cost; it swung a 10M-row load by seconds here):

* ``pandas.read_csv(engine="pyarrow")`` on the clean CSV (no validation: ids as integers),
* ``workbench.load_transactions`` on the clean CSV (every value validated, ids as text),
* ``pyarrow.parquet.read_table().to_pandas()`` on the Parquet file,
* ``workbench.load_transactions`` on the Parquet file,
* ``workbench.load_transactions`` on the messy CSV,
* ``workbench.load_folder`` on a folder holding the clean CSV as ``transactions.csv`` (what
  ``workbench run`` loads once for its notebooks, then reads from its cache),

and prints the ratios: clean CSV / pandas, Parquet / pyarrow, messy / clean. Targets: 2x, 2x,
2x. Run (CPU-heavy; niced on a shared machine)::

    nice -n 10 .venv/bin/python benchmarks/bench_loaders.py --rows 1000000 10000000
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv
import pyarrow.parquet as pq

CHILD = r"""
import json, resource, sys, time
kind, path, warm_gb = sys.argv[1], sys.argv[2], float(sys.argv[3])
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import workbench as wb
if warm_gb:  # touch and free memory pages first: the load gets pages the machine has backed
    np.ones(int(warm_gb * 2**27), dtype=np.int64)
    with open("/proc/self/clear_refs", "w") as f:  # and the peak below is the load's own
        f.write("5")
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
if kind == "pandas":
    n = len(pd.read_csv(path, engine="pyarrow"))
elif kind == "pyarrow":
    n = len(pq.read_table(path).to_pandas())
elif kind == "folder":  # what `workbench run` calls for the notebooks (then cached)
    n = wb.load_folder(path).reports["transactions"].rows_kept
else:
    df, rep = wb.load_transactions(path)
    n = rep.rows_kept
    if rep.rows_read != rep.rows_kept + len(rep.rejected) or len(rep.rejected):
        raise SystemExit(f"unexpected rejections: {rep}")
elapsed = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
sys_s = r1.ru_stime - r0.ru_stime  # mostly the kernel giving the process fresh memory pages
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1]) / 1024
print(json.dumps({"seconds": elapsed, "cpu": cpu, "sys": sys_s, "rows": n, "peak_mb": hwm}))
"""

BASE = r"""
import json
import pandas, pyarrow.parquet, workbench
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(json.dumps({"peak_mb": int(line.split()[1]) / 1024}))
"""

_BATCH = 1_000_000
_NBSP = "\u00a0"


def _batch(rng: np.random.Generator, start: int, n: int) -> dict[str, pa.Array]:
    """One batch of the synthetic log as Arrow columns (deterministic per seed)."""
    cust = rng.integers(1, 30_000, n)
    day = np.sort(rng.integers(0, 3 * 365, n))
    minute = rng.integers(8 * 60, 20 * 60, n)
    seconds = (np.datetime64("2022-01-01", "s") + day.astype("timedelta64[D]")
               + (minute * 60).astype("timedelta64[s]"))
    amount = np.round(rng.gamma(2.0, 800.0, n), 2)
    amount[rng.random(n) < 0.03] *= -1
    cost = np.round(np.abs(amount) * rng.uniform(0.4, 0.7, n), 2)
    products = np.array(["Эфиопия 1 кг", "Колумбия 250 г", "Кения 1 кг", "Фильтры"])
    channels = np.array(["опт", "розница", "онлайн"])
    return {
        "customer_id": pc.utf8_lpad(pa.array(cust).cast(pa.string()), 6, "0"),
        "date": pa.array(seconds, type=pa.timestamp("s")),
        "amount": pa.array(amount),
        "order_id": pa.array((np.arange(start, start + n) // 2 + 100_000).astype(np.int64)),
        "quantity": pa.array(rng.integers(1, 6, n)),
        "cost": pa.array(cost),
        "product": pa.array(products[rng.integers(0, len(products), n)]),
        "channel": pa.array(channels[rng.integers(0, len(channels), n)]),
    }


def _ru_money(x: pa.Array) -> pa.Array:
    """``-1 234,50`` with a no-break space as the thousands separator."""
    v = np.asarray(x.to_numpy(zero_copy_only=False))
    cents = np.round(np.abs(v) * 100).astype(np.int64)
    whole, frac = cents // 100, cents % 100
    th, rest = whole // 1000, whole % 1000
    s_th = pa.array(th).cast(pa.string())
    s_rest = pa.array(rest).cast(pa.string())
    grouped = pc.binary_join_element_wise(s_th, pc.utf8_lpad(s_rest, 3, "0"), _NBSP)
    text = pc.if_else(pa.array(th > 0), grouped, s_rest)
    text = pc.binary_join_element_wise(text, pc.utf8_lpad(pa.array(frac).cast(pa.string()), 2, "0"), ",")
    return pc.if_else(pa.array(v < 0), pc.binary_join_element_wise("-", text, ""), text)


def make_files(n: int, folder: Path, seed: int = 0) -> tuple[Path, Path, Path]:
    """Write the clean CSV, the Parquet file and the messy CSV; reuse them if present."""
    folder.mkdir(parents=True, exist_ok=True)
    clean, parquet, messy = (folder / f"clean_{n}.csv", folder / f"clean_{n}.parquet",
                             folder / f"messy_{n}.csv")
    if clean.exists() and parquet.exists() and messy.exists():
        return clean, parquet, messy
    rng = np.random.default_rng(seed)
    writer = None
    with open(clean, "wb") as fc, open(messy, "wb") as fm:
        for start in range(0, n, _BATCH):
            cols = _batch(rng, start, min(_BATCH, n - start))
            table = pa.table(cols)
            if writer is None:
                writer = pq.ParquetWriter(parquet, table.schema)
            writer.write_table(table)
            text = dict(cols)
            text["date"] = pc.strftime(cols["date"], format="%Y-%m-%d %H:%M:%S")
            buf = io.BytesIO()
            pv.write_csv(pa.table(text), buf, pv.WriteOptions(
                include_header=start == 0, quoting_style="needed"))
            fc.write(buf.getvalue())
            ru = {
                "Контрагент": cols["customer_id"],
                "Дата": pc.strftime(cols["date"], format="%d.%m.%Y %H:%M:%S"),
                "Сумма": _ru_money(cols["amount"]),
                "Номер": cols["order_id"],
                "Количество": cols["quantity"],
                "Себестоимость": _ru_money(cols["cost"]),
                "Номенклатура": cols["product"],
                "Канал": cols["channel"],
            }
            buf = io.BytesIO()
            pv.write_csv(pa.table(ru), buf, pv.WriteOptions(
                include_header=start == 0, delimiter=";", quoting_style="needed"))
            fm.write(buf.getvalue().decode("utf-8").encode("cp1251"))
    writer.close()
    return clean, parquet, messy


def _folder(clean: Path, folder: Path) -> Path:
    """A data folder whose transactions.csv is the clean CSV (a symbolic link)."""
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "transactions.csv"
    if not link.exists():
        link.symlink_to(clean.resolve())
    return folder


#: GB of memory each child touches and frees before its timed load (``--warm-gb``).
WARM_GB = 0.0


def run_child(kind: str, path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}  # no cache
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path), str(WARM_GB)], capture_output=True,
        text=True,
        check=False, env=env,
    )
    if out.returncode:
        raise RuntimeError(f"{kind} on {path.name} failed:\n{out.stderr[-2000:]}{out.stdout[-500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_size(n: int, folder: Path, repeats: int) -> list[tuple[str, float, float, int, float]]:
    t0 = time.perf_counter()
    clean, parquet, messy = make_files(n, folder)
    print(f"\n{n:,} rows: files {clean.stat().st_size / 1e6:.0f} MB csv, "
          f"{parquet.stat().st_size / 1e6:.0f} MB parquet, {messy.stat().st_size / 1e6:.0f} MB "
          f"messy csv (ready in {time.perf_counter() - t0:.0f} s)")
    cases = [
        ("pandas.read_csv(engine='pyarrow'), clean CSV", "pandas", clean),
        ("load_transactions, clean CSV", "workbench", clean),
        ("pyarrow.parquet.read_table().to_pandas()", "pyarrow", parquet),
        ("load_transactions, Parquet", "workbench", parquet),
        ("load_transactions, messy CSV (cp1251 ; dd.mm, 1 234,50)", "workbench", messy),
        ("load_folder, folder with the clean CSV as transactions.csv", "folder",
         _folder(clean, folder / f"folder_{n}")),
    ]
    # rounds of every case in turn: a slow spell of a shared machine falls on all the cases
    # of a round, not on one case's repeats
    runs: list[list[dict]] = [[] for _ in cases]
    for _ in range(repeats):
        for i, (_label, kind, path) in enumerate(cases):
            runs[i].append(run_child(kind, path))
    results = []
    for (label, _kind, _path), r in zip(cases, runs, strict=True):
        results.append((label, statistics.median(x["seconds"] for x in r),
                        max(x["peak_mb"] for x in r), r[0]["rows"],
                        statistics.median(x["cpu"] for x in r), [x["seconds"] for x in r],
                        statistics.median(x["sys"] for x in r)))
    return results


def paired(res: list, a: int, b: int) -> float:
    """Median over the rounds of case ``a``'s seconds over case ``b``'s in the same round."""
    return statistics.median(x / y for x, y in zip(res[a][5], res[b][5], strict=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "workbench_bench")
    ap.add_argument("--warm-gb", type=float, default=0.0,
                    help="GB each child touches and frees before its timed load (a virtual "
                         "machine that hands freed memory back to its host makes the first "
                         "touch of a page cost ~1 ms/MB, whichever case gets it; default 0)")
    args = ap.parse_args(argv)
    global WARM_GB
    WARM_GB = args.warm_gb
    base = json.loads(subprocess.run([sys.executable, "-c", BASE], capture_output=True,
                                     text=True, check=True).stdout)
    print(f"median of {args.repeats} runs, each in a fresh process; peak = VmHWM of the child "
          f"(interpreter + imports alone: {base['peak_mb']:.0f} MB)"
          + (f"; each child first touches and frees {WARM_GB:g} GB" if WARM_GB else ""))
    for n in args.rows:
        load0 = os.getloadavg()[0]
        res = bench_size(n, args.data, args.repeats)
        print(f"load average (1 min) {load0:.2f} before, {os.getloadavg()[0]:.2f} after; cpu s = "
              "user + system time of the child (all its threads), median; sys = the system "
              "part (on a virtual machine mostly first touches of memory pages)")
        print(f"{'case':<58} {'median s':>9} {'cpu s':>7} {'of it sys':>9} {'peak MB':>8} "
              f"{'rows':>11}")
        for label, med, peak, rows, cpu, _all, sys_s in res:
            print(f"{label:<58} {med:>9.3f} {cpu:>7.2f} {sys_s:>9.2f} {peak:>8.0f} {rows:>11,}")
        sec = {i: r[1] for i, r in enumerate(res)}
        print(f"ratios ({n:,} rows): clean CSV / pandas-pyarrow {sec[1] / sec[0]:.2f}x, "
              f"Parquet / pyarrow {sec[3] / sec[2]:.2f}x, messy / clean {sec[4] / sec[1]:.2f}x "
              f"(targets: 2x each); load_folder / pandas-pyarrow {sec[5] / sec[0]:.2f}x")
        print(f"paired ratios (median of the rounds' own ratios): clean CSV "
              f"{paired(res, 1, 0):.2f}x, Parquet {paired(res, 3, 2):.2f}x, messy / clean "
              f"{paired(res, 4, 1):.2f}x, load_folder {paired(res, 5, 0):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

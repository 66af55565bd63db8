#!/usr/bin/env python
"""Time the writer of actions.xlsx on the deliverables of a big client.

    .venv/bin/python benchmarks/bench_deliverables.py [--clients N] [--repeats R]

At 10 transactions per client, 1M transactions give 100k clients. The same cells (every client
on its strategy sheet, i.e. ``sheet_rows`` at Excel's limit) are written three ways, in this
run:

* openpyxl, normal mode (the writer before the change: cell by cell, in memory);
* openpyxl, write-only mode (streaming, string cells forced with ``data_type = "s"``);
* xlsxwriter, constant-memory mode (the workbench's writer, ``write_actions_xlsx``).

Prints the median seconds, the peak memory (tracemalloc) and the ratio of each to the
workbench writer; then the default export (top 5,000 per sheet + Parquet/CSV full lists).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.deliverables import (  # noqa: E402
    EXCEL_MAX_ROWS,
    SHEET_COLUMNS,
    Deliverables,
    _cell_value,
    _sheet_plan,
    _summary,
    export_deliverables,
    write_actions_xlsx,
)


def synthetic(n: int, seed: int = 0) -> Deliverables:
    rng = np.random.default_rng(seed)
    strategies = np.array(["cherish", "retain", "engage", "attract", "win_back"])
    rungs = np.array(["advocate", "regular", "buyer", "first_purchase", "lapsed"])
    k = rng.integers(0, 5, n)
    p = rng.random(n)
    value = rng.gamma(2.0, 500.0, n)
    scores = pd.DataFrame({
        "rfm_segment": pd.array(rng.choice(["loyal", "at_risk", "lost"], n), dtype="string"),
        "abc_xyz": pd.array(rng.choice(["AX", "BY", "CZ"], n), dtype="string"),
        "rung": pd.array(rungs[k], dtype="string"),
        "strategy": pd.array(strategies[k], dtype="string"),
        "churn_probability": p,
        "risk_band": pd.array(np.where(p > 0.6, "high", "low"), dtype="string"),
        "expected_value": value,
        "value_at_risk": value * p,
        "expected_gain": value * p * 0.3 - 20.0,
        "priority": pd.array(np.argsort(np.argsort(-value * p)) + 1, dtype="Int64"),
        "target": value * p * 0.3 > 20.0,
        "action": pd.array(["Personal manager; volume terms"] * n, dtype="string"),
    }, index=pd.Index([f"C{i:07d}" for i in range(n)], name="customer_id", dtype="string"))
    return Deliverables(scores=scores, summary=_summary(scores), language="en",
                        settings={"asof": "2025-12-31", "horizon": "90D", "offer_cost": 20.0,
                                  "success_rate": 0.3})


def _rows(result: Deliverables):
    columns = [c for c in SHEET_COLUMNS if c == "customer_id" or c in result.scores.columns]
    _title, sheets = _sheet_plan(result)
    for title, _s, part in sheets:
        yield title, columns, [[_cell_value(c, v, "en") for c, v in zip(columns, rec,
                                                                          strict=True)]
                               for rec in part[columns].itertuples(index=False, name=None)]


def openpyxl_normal(result: Deliverables) -> int:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, columns, rows in _rows(result):
        ws = wb.create_sheet(title)
        ws.append(columns)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return len(buf.getvalue())


def openpyxl_write_only(result: Deliverables) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    for title, columns, rows in _rows(result):
        ws = wb.create_sheet(title)
        ws.append(columns)
        for row in rows:
            cells = []
            for v in row:
                cell = WriteOnlyCell(ws, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"
                cells.append(cell)
            ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return len(buf.getvalue())


def workbench_writer(result: Deliverables) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_actions_xlsx(result, Path(tmp) / "actions.xlsx",
                                  sheet_rows=EXCEL_MAX_ROWS - 1)
        return path.stat().st_size


def measure(fn, result: Deliverables, repeats: int) -> tuple[float, float, int]:
    times, peak, size = [], 0, 0
    for _ in range(repeats):
        tracemalloc.start()
        start = time.perf_counter()
        size = fn(result)
        times.append(time.perf_counter() - start)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return statistics.median(times), peak / 2**20, size


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args(argv)
    result = synthetic(args.clients)
    print(f"{args.clients:,} clients (about {10 * args.clients:,} transactions), every client "
          f"on its sheet; median of {args.repeats}")
    rows = {}
    for name, fn in (("xlsxwriter constant-memory (workbench)", workbench_writer),
                     ("openpyxl write-only", openpyxl_write_only),
                     ("openpyxl normal", openpyxl_normal)):
        rows[name] = measure(fn, result, args.repeats)
        sec, mem, size = rows[name]
        print(f"  {name:40s} {sec:8.2f} s  peak {mem:8.1f} MiB  {size / 2**20:6.1f} MiB file",
              flush=True)
    base = rows["xlsxwriter constant-memory (workbench)"][0]
    for name, (sec, _m, _s) in rows.items():
        print(f"  ratio {name:34s} {sec / base:5.2f}x of the workbench writer")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        export = export_deliverables(result, tmp)
        sec = time.perf_counter() - start
        sizes = {n: p.stat().st_size / 2**20 for n, p in export.files.items()}
    print(f"default export (top {export.sheet_rows:,} per sheet + full lists): {sec:.2f} s; "
          + ", ".join(f"{n} {s:.1f} MiB" for n, s in sizes.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

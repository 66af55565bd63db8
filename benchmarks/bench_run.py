"""Benchmark ``workbench run`` on synthetic client folders of growing size (issue 14).

Run::

    nice -n 10 .venv/bin/python benchmarks/bench_run.py --transactions 100000 1000000 5000000 10000000
    nice -n 10 .venv/bin/python benchmarks/bench_run.py --sample --repeats 3

For each size a transactions-only folder is written (``workbench.datasets.make_transactions``,
10 lines per client) under ``--dir`` (a temporary folder by default, never the repository), then
``workbench run`` executes every notebook on it (report and deliverables included) in a child
process, ``--repeats`` times: the first run fills the run cache (``OUT/.cache``), the next ones
start from it. ``--sample`` runs the bundled sample folder instead. It prints the median wall
time of the cold runs (a fresh output folder, no cache) and of the warm ones (the cache of the
previous run), the peak memory of the whole process tree (runner and kernels, sampled every
0.2 s), the CPU seconds of runner and kernels, the load average after each run, and the seconds
of every notebook.
``--no-cache`` / ``--jobs N`` / ``--only NAME ...`` are passed to ``workbench run``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _tree_sample(proc, cpu: dict[int, float]) -> int:
    """Resident bytes of a process and all its descendants (0 for the ones already gone);
    records each one's CPU seconds so far in ``cpu`` (pid -> user + system seconds)."""
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            with p.oneshot():
                total += p.memory_info().rss
                times = p.cpu_times()
            cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
        except psutil.Error:
            pass
    return total


def run_once(data: Path, out: Path, extra: list[str]) -> tuple[float, float, float, str]:
    """One ``workbench run``: (seconds, CPU seconds, peak MiB of the process tree, its output).

    The CPU seconds are the runner's and its kernels' (sampled with the memory, so a process
    may lose its last 0.2 s): steadier than the wall time on a busy machine.
    """
    import psutil

    cmd = [sys.executable, "-m", "workbench.cli", "run", "--data", str(data), "--out", str(out),
           "--cell-timeout", "3600", *extra]
    t0, cpu = time.perf_counter(), {}
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    proc = psutil.Process(child.pid)
    import threading

    peak = 0
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
    reader.start()
    while child.poll() is None:
        peak = max(peak, _tree_sample(proc, cpu))
        time.sleep(0.2)
    reader.join()
    seconds = time.perf_counter() - t0
    text = "".join(lines)
    if child.returncode != 0:
        raise SystemExit(f"workbench run failed ({child.returncode}):\n{text[-3000:]}")
    return seconds, sum(cpu.values()), peak / 2**20, text


def make_folder(folder: Path, n: int) -> Path:
    from workbench.datasets import make_transactions

    data = folder / f"tx_{n}"
    if not (data / "transactions.parquet").exists():
        data.mkdir(parents=True, exist_ok=True)
        tx = make_transactions(n_customers=max(n // 10, 1), n_transactions=n, seed=0)
        tx.to_parquet(data / "transactions.parquet", index=False)
    return data


def bench(data: Path, label: str, repeats: int, extra: list[str], work: Path) -> None:
    cold, warm, peaks, cpus = [], [], [], []
    out = work / f"out_{label}"
    text = ""
    for i in range(repeats):
        if i == 0:
            shutil.rmtree(out, ignore_errors=True)  # cold: no cache, fresh output folder
        seconds, cpu, peak, text = run_once(data, out, extra)
        (cold if i == 0 else warm).append(seconds)
        peaks.append(peak)
        cpus.append(cpu)
        print(f"  {label} run {i + 1}: {seconds:7.1f} s, CPU {cpu:7.1f} s, peak {peak:,.0f} MiB, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        done = [ln.strip().split(" done in ") for ln in text.splitlines() if " done in " in ln]
        print("    per notebook: " + "; ".join(
            f"{name} {rest.split()[0]}" for name, rest in sorted(done)), flush=True)
    print(f"{label}: cold {statistics.median(cold):.1f} s (CPU {cpus[0]:.1f} s)"
          + (f", warm (cache) median {statistics.median(warm):.1f} s "
             f"(CPU {statistics.median(cpus[1:]):.1f} s)" if warm else "")
          + f", peak {max(peaks):,.0f} MiB", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, nargs="*", default=[])
    parser.add_argument("--sample", action="store_true", help="the bundled sample folder")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temporary)")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="run only these notebooks (a quick check of the script)")
    args = parser.parse_args(argv)
    extra = (["--jobs", str(args.jobs)] if args.jobs else []) + (
        ["--no-cache"] if args.no_cache else []) + (["--only", *args.only] if args.only else [])
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-run-"))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
          f"work folder {work.name}/", flush=True)
    if args.sample:
        from workbench.datasets import sample_dir

        bench(sample_dir(), "sample", args.repeats, extra, work)
    for n in args.transactions:
        bench(make_folder(work, n), f"{n:,}", args.repeats, extra, work)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

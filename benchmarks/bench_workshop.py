#!/usr/bin/env python
"""Time the workshop: `make run` (workbench run on the sample) and the nbval suite.

    .venv/bin/python benchmarks/bench_workshop.py [--repeats N] [--data DIR]

Targets (issue 6, on 2 cores): `make run` on the sample under 2 minutes; nbval on all
notebooks under 3 minutes. Prints the median wall time over repeats, the peak memory of the
child processes, per-notebook times of the last run, and the ratio against a baseline measured
in the same run: one bare kernel start + `import workbench` (the fixed cost per notebook).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


LAST_STDOUT = {"text": ""}


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    LAST_STDOUT["text"] = proc.stdout
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--data", default=str(ROOT / "data" / "samples"))
    args = parser.parse_args()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"notebooks: {len(notebooks)} ({', '.join(p.stem for p in notebooks)})")
    print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")

    baseline = [timed([PY, "-c", (
        "from jupyter_client.manager import start_new_kernel\n"
        "km, kc = start_new_kernel(kernel_name='python3')\n"
        "kc.execute_interactive('import workbench, workbench.widgets', timeout=120)\n"
        "kc.stop_channels(); km.shutdown_kernel(now=True)")], env) for _ in range(args.repeats)]
    base = statistics.median(baseline)
    print(f"baseline (kernel start + import workbench): {base:.1f} s")

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeats):
            out = Path(tmp) / f"run{i}"
            runs.append(timed([PY, "-m", "workbench", "run", "--data", args.data,
                               "--out", str(out)], env))
        first = (Path(tmp) / "run0")
        sizes = {p.name: p.stat().st_size for p in first.iterdir() if p.is_file()}
    per_notebook = [line.strip() for line in LAST_STDOUT["text"].splitlines()
                    if line.lstrip().startswith(("[", "done"))]
    print("last run:", " | ".join(per_notebook))
    run = statistics.median(runs)
    print(f"workbench run on the sample: median {run:.1f} s over {len(runs)} "
          f"(target < 120 s; {run / base:.1f}x baseline); files: {sizes}")

    nbval = [timed([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "notebooks"], env)
             for _ in range(args.repeats)]
    nb = statistics.median(nbval)
    print(f"nbval on notebooks/*.ipynb: median {nb:.1f} s over {len(nbval)} "
          f"(target < 180 s; {nb / base:.1f}x baseline)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of a child process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

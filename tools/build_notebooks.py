#!/usr/bin/env python
"""Build the committed workshop notebooks from their jupytext sources.

    python tools/build_notebooks.py                 # every notebooks/src/NN_*.py
    python tools/build_notebooks.py 04_segmentation # only these (name, stem or path)
    python tools/build_notebooks.py --no-execute X  # convert only (quick structure check)
    python tools/build_notebooks.py --check         # exit 1 if any .ipynb is out of sync/dirty

Each ``notebooks/src/NN_name.py`` (jupytext percent format) is converted to
``notebooks/NN_name.ipynb``, executed in place on the bundled sample (kernel python3, cwd
``notebooks/``, all notebooks from this one process), cleaned of run noise (widget state,
execution timestamps, widget views) and refused if a stored output shows an absolute path.
Only the ``.py`` is hand-edited; the ``.ipynb`` (with outputs, which nbval compares) is
generated. See docs/notebooks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
OUT = ROOT / "notebooks"
sys.path.insert(0, str(ROOT))


def sources(names: list[str]) -> list[Path]:
    """Resolve names (``04_segmentation``, ``04``, a path) to source files, in order."""
    all_src = sorted(p for p in SRC.glob("[0-9][0-9]_*.py"))
    extra = [p for p in SRC.glob("*.py") if not p.name.startswith("_") and p not in all_src]
    if not names:
        return all_src + sorted(extra)
    found = []
    for name in names:
        stem = Path(name).stem
        match = [p for p in (*all_src, *extra) if p.stem == stem or p.stem.startswith(stem + "_")]
        if not match:
            raise SystemExit(f"no source for {name!r} in {SRC.relative_to(ROOT)}")
        found.extend(match)
    return found


def convert(src: Path):
    """Return the notebook (no outputs) for a jupytext source."""
    import jupytext

    from workbench.runner import clean_notebook

    nb = jupytext.read(src)
    for cell in nb.cells:
        cell.metadata.pop("lines_to_next_cell", None)
    return clean_notebook(nb)


def build(src: Path, execute: bool = True) -> Path:
    """Convert, execute, clean and write one notebook; return the written path."""
    import nbformat

    from workbench.runner import clean_notebook, execute_notebook, find_absolute_paths

    nb = convert(src)
    if execute:
        # store_widget_state=True: nbclient (0.10) raises KeyError when a widget's Output area
        # captures a plot and the state is not tracked; clean_notebook drops the state anyway.
        execute_notebook(nb, cwd=OUT, store_widget_state=True)
        clean_notebook(nb)
        leaks = find_absolute_paths(nb)
        if leaks:
            raise SystemExit(
                f"{src.name}: absolute paths in outputs (print relative paths):\n  "
                + "\n  ".join(leaks)
            )
    target = OUT / (src.stem + ".ipynb")
    nbformat.write(nb, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--no-execute", action="store_true", help="convert without executing")
    parser.add_argument("--check", action="store_true", help="verify sync and cleanliness only")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.check:
        sys.path.insert(0, str(ROOT / "tests"))
        from test_notebooks_clean import problems

        bad = {p.name: problems(p) for p in sorted(OUT.glob("*.ipynb"))}
        bad = {k: v for k, v in bad.items() if v}
        for name, issues in bad.items():
            print(f"{name}: " + "; ".join(issues))
        return 1 if bad else 0
    for src in sources(args.names):
        start = time.perf_counter()
        target = build(src, execute=not args.no_execute)
        print(f"{src.relative_to(ROOT)} -> {target.relative_to(ROOT)} "
              f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Build the committed workshop notebooks from their jupytext sources.

    python tools/build_notebooks.py                 # every notebooks/src/NN_*.py
    python tools/build_notebooks.py 04_segmentation # only these (name, stem or path)
    python tools/build_notebooks.py --no-execute X  # convert only (quick structure check)
    python tools/build_notebooks.py --language ru X # only one language (default: both)
    python tools/build_notebooks.py --check         # exit 1 if any .ipynb is out of sync/dirty

One source per notebook for both languages. Each ``notebooks/src/NN_name.py`` (jupytext
percent format) writes every markdown cell twice, tagged ``en`` then ``ru``; code cells are
shared. The source becomes ``notebooks/NN_name.ipynb`` (English cells, ``language = "en"``) and
``notebooks/ru/NN_name.ipynb`` (Russian cells, ``language = "ru"``, data paths one level
deeper), each executed in place on the bundled sample (kernel python3, cwd the notebook's
folder, all notebooks from this one process), cleaned of run noise (widget state, execution
timestamps, widget views) and refused if a stored output shows an absolute path. Only the
``.py`` is hand-edited; the ``.ipynb`` (with outputs, which nbval compares) is generated.
See docs/notebooks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
OUT = ROOT / "notebooks"
sys.path.insert(0, str(ROOT))

#: The languages every notebook is built in; the first is the one in ``notebooks/`` itself.
LANGUAGES = ("en", "ru")
_LANGUAGE_LINE = re.compile(r'^language = "[a-z]+"', re.MULTILINE)
_RELATIVE_PATH = re.compile(r'"\.\./')


def target_path(src: Path, language: str = "en", root: Path | None = None) -> Path:
    """Return where the notebook of ``src`` in ``language`` is written."""
    out = OUT if root is None else root
    return (out if language == LANGUAGES[0] else out / language) / (src.stem + ".ipynb")


def is_bilingual(nb) -> bool:
    """True when the notebook's markdown cells carry language tags (the bilingual format)."""
    from workbench.runner import NOTEBOOK_LANGUAGES

    return any(set(c.metadata.get("tags", ())) & set(NOTEBOOK_LANGUAGES) for c in nb.cells)


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


def convert(src: Path, language: str = "en", depth: int | None = None):
    """Return the notebook (no outputs) of a jupytext source in one language.

    Markdown cells tagged with another language are dropped (``select_language``); the
    parameters cell gets ``language = "<language>"``, and for a notebook written one folder
    deeper (``notebooks/ru/``) its relative paths (``"../data/samples"``) one ``../`` more
    (``depth``: how many more; default 0 for English, 1 for the other languages).
    """
    import jupytext

    from workbench.runner import clean_notebook, select_language

    nb = jupytext.read(src)
    for cell in nb.cells:
        cell.metadata.pop("lines_to_next_cell", None)
    nb = select_language(nb, language)
    depth = (0 if language == LANGUAGES[0] else 1) if depth is None else depth
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", ()):
            cell.source = _LANGUAGE_LINE.sub(f'language = "{language}"', cell.source)
            cell.source = _RELATIVE_PATH.sub('"' + "../" * (depth + 1), cell.source)
    nb.metadata["workbench"] = {"language": language}
    return clean_notebook(nb)


def languages_of(src: Path) -> tuple[str, ...]:
    """The languages a source is built in: both for a bilingual source, else English only."""
    import jupytext

    return LANGUAGES if is_bilingual(jupytext.read(src)) else LANGUAGES[:1]


def build(src: Path, execute: bool = True, language: str = "en") -> Path:
    """Convert, execute, clean and write one notebook in one language; return its path."""
    import nbformat

    from workbench.runner import clean_notebook, execute_notebook, find_absolute_paths

    nb = convert(src, language)
    target = target_path(src, language)
    target.parent.mkdir(exist_ok=True)
    if execute:
        # store_widget_state=True: nbclient (0.10) raises KeyError when a widget's Output area
        # captures a plot and the state is not tracked; clean_notebook drops the state anyway.
        execute_notebook(nb, cwd=target.parent, store_widget_state=True)
        clean_notebook(nb)
        leaks = find_absolute_paths(nb)
        if leaks:
            raise SystemExit(
                f"{src.name}: absolute paths in outputs (print relative paths):\n  "
                + "\n  ".join(leaks)
            )
    nbformat.write(nb, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--no-execute", action="store_true", help="convert without executing")
    parser.add_argument("--check", action="store_true", help="verify sync and cleanliness only")
    parser.add_argument("--language", choices=LANGUAGES, help="build only this language")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.check:
        sys.path.insert(0, str(ROOT / "tests"))
        from test_notebooks_clean import problems

        built = sorted(OUT.glob("*.ipynb")) + sorted(OUT.glob("*/*.ipynb"))
        built = [p for p in built if p.parent.name not in ("exercises", "dev")]
        bad = {str(p.relative_to(OUT)): problems(p) for p in built}
        bad = {k: v for k, v in bad.items() if v}
        for name, issues in bad.items():
            print(f"{name}: " + "; ".join(issues))
        return 1 if bad else 0
    for src in sources(args.names):
        for language in languages_of(src):
            if args.language and language != args.language:
                continue
            start = time.perf_counter()
            target = build(src, execute=not args.no_execute, language=language)
            print(f"{src.relative_to(ROOT)} -> {target.relative_to(ROOT)} "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Generate the exercise notebooks from the solution sources (STYLE rule 19).

    python tools/make_exercises.py            # every notebooks/src/NN_*.py
    python tools/make_exercises.py 04         # only these

Writes ``notebooks/exercises/NN_name.ipynb`` (and ``notebooks/exercises/ru/NN_name.ipynb`` for a
bilingual source), both generated from the one solution source: cells tagged ``solution`` become an empty code
cell with a placeholder comment, code after a line ``# solution`` inside a cell is cut, and no
outputs are stored. Only the solution source is hand-edited and tested; rerunning is safe.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

PLACEHOLDER = "# 📝 Your code here"
#: The placeholder in each language's exercise notebook.
PLACEHOLDERS = {"en": PLACEHOLDER, "ru": "# 📝 Ваш код здесь"}


def to_exercise(nb, placeholder: str = PLACEHOLDER):
    """Return ``nb`` with solutions removed (in place)."""
    cells = []
    previous_was_placeholder = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "solution" in tags:
            if not previous_was_placeholder:
                cell.source = placeholder
                cell.metadata["tags"] = [t for t in tags if t not in ("solution",
                                                                       "nbval-check-output")]
                cells.append(cell)
                previous_was_placeholder = True
            continue
        previous_was_placeholder = False
        if cell.cell_type == "code":
            lines = cell.source.splitlines()
            for i, line in enumerate(lines):
                if line.strip().lower() == "# solution":
                    cell.source = "\n".join([*lines[:i], placeholder])
                    break
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    return nb


def main(argv: list[str] | None = None) -> int:
    import nbformat
    from build_notebooks import convert, languages_of, sources, target_path

    names = sys.argv[1:] if argv is None else argv
    out = ROOT / "notebooks" / "exercises"
    out.mkdir(exist_ok=True)
    for src in sources(names):
        if not src.stem[:2].isdigit():
            continue
        for language in languages_of(src):
            target = target_path(src, language, root=out)
            depth = len(target.parent.relative_to(ROOT / "notebooks").parts)
            nb = to_exercise(convert(src, language, depth=depth), PLACEHOLDERS[language])
            target.parent.mkdir(exist_ok=True)
            nbformat.write(nb, target)
            print(f"{src.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

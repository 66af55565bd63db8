"""The committed notebooks are in sync with their jupytext sources and carry no run noise.

Each ``notebooks/NN_name.ipynb`` is generated from ``notebooks/src/NN_name.py`` by
``tools/build_notebooks.py`` (see docs/notebooks.md). These checks keep that promise: same
cells and tags as the source, outputs present (nbval compares them) but clean: no widget
state, no execution timestamps, no widget views, no absolute paths.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SRC = NOTEBOOKS / "src"
sys.path.insert(0, str(ROOT))

from workbench.runner import find_absolute_paths  # noqa: E402

BUILT = sorted(NOTEBOOKS.glob("*.ipynb"))
SOURCES = sorted(p for p in SRC.glob("*.py") if not p.name.startswith("_"))


def _cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ())))
        for c in nb.cells
    ]


def problems(path: Path) -> list[str]:
    """Return what is wrong with one committed notebook (empty list: fine)."""
    import jupytext

    found = []
    nb = nbformat.read(path, as_version=4)
    src = SRC / (path.stem + ".py")
    if not src.exists():
        found.append(f"no source {src.relative_to(ROOT)}")
    elif _cells(jupytext.read(src)) != _cells(nb):
        found.append(
            f"out of sync with {src.relative_to(ROOT)}: "
            f"run `python tools/build_notebooks.py {path.stem}`"
        )
    if "widgets" in nb.metadata:
        found.append("metadata.widgets (widget state) stored")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        found.append("kernelspec name is not python3")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if code and all(c.get("execution_count") is None for c in code):
        found.append("never executed: nbval would check nothing")
    for i, cell in enumerate(nb.cells):
        if "execution" in cell.metadata:
            found.append(f"cell {i}: metadata.execution stored")
        for out in cell.get("outputs", []):
            if "application/vnd.jupyter.widget-view+json" in out.get("data", {}):
                found.append(f"cell {i}: widget view output stored")
            if out.get("output_type") == "error":
                found.append(f"cell {i}: error output stored ({out.get('ename')})")
    found += [f"absolute path: {hit}" for hit in find_absolute_paths(nb)]
    return found


@pytest.mark.parametrize("path", BUILT, ids=[p.stem for p in BUILT])
def test_notebook_is_synced_and_clean(path):
    assert problems(path) == []


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
@pytest.mark.skipif(not (ROOT / "data" / "samples" / "transactions.csv").exists(),
                    reason="notebooks are built on the bundled sample, not generated yet")
def test_every_source_is_built(src):
    assert (NOTEBOOKS / (src.stem + ".ipynb")).exists(), (
        f"run `python tools/build_notebooks.py {src.stem}`"
    )


def test_problems_catches_dirty_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('/work/main/data')")
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("stream", text="/work/main/data\n")]
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00"}
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "99_dirty.ipynb"
    nbformat.write(nb, path)
    found = " | ".join(problems(path))
    for expected in ("no source", "metadata.widgets", "kernelspec", "metadata.execution",
                     "absolute path"):
        assert expected in found


def test_skeleton_template_has_the_contract():
    text = (SRC / "_template.py").read_text(encoding="utf-8")
    for marker in ('tags=["parameters"]', 'tags=["nbval-check-output"]', "workbench.set_language",
                   "workbench.load_folder", 'tags=["solution"]', "📝 Your turn",
                   "In this notebook we:", 'tags=["nbval-ignore-output"]', "✅"):
        assert marker in text, marker


def test_make_exercises_removes_solutions():
    sys.path.insert(0, str(ROOT / "tools"))
    from make_exercises import PLACEHOLDER, to_exercise

    nb = nbformat.v4.new_notebook()
    sol = nbformat.v4.new_code_cell("answer = 42")
    sol.metadata["tags"] = ["solution"]
    sol2 = nbformat.v4.new_code_cell("print(answer)")
    sol2.metadata["tags"] = ["solution", "nbval-check-output"]
    cut = nbformat.v4.new_code_cell("x = 1\n# solution\ny = x + 1")
    cut.outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("## 📝 Your turn"), sol, sol2, cut]
    ex = to_exercise(nb)
    assert [c.source for c in ex.cells] == ["## 📝 Your turn", PLACEHOLDER,
                                            f"x = 1\n{PLACEHOLDER}"]
    assert ex.cells[1].metadata["tags"] == []
    assert ex.cells[2].outputs == []

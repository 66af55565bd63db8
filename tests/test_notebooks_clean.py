"""The committed notebooks are in sync with their jupytext sources and carry no run noise.

Each ``notebooks/NN_name.ipynb`` is generated from ``notebooks/src/NN_name.py`` by
``tools/build_notebooks.py`` (see docs/notebooks.md). These checks keep that promise: same
cells and tags as the source, outputs present (nbval compares them) but clean: no widget
state, no execution timestamps, no widget views, no absolute paths.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SRC = NOTEBOOKS / "src"
sys.path.insert(0, str(ROOT))

from workbench.runner import find_absolute_paths  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from build_notebooks import LANGUAGES, convert, target_path  # noqa: E402

BUILT = sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(
    p for lang in LANGUAGES[1:] for p in (NOTEBOOKS / lang).glob("*.ipynb"))
SOURCES = sorted(p for p in SRC.glob("*.py") if not p.name.startswith("_"))


def _cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ())))
        for c in nb.cells
    ]


def problems(path: Path) -> list[str]:
    """Return what is wrong with one committed notebook (empty list: fine)."""
    found = []
    nb = nbformat.read(path, as_version=4)
    src = SRC / (path.stem + ".py")
    language = path.parent.name if path.parent.name in LANGUAGES else LANGUAGES[0]
    if not src.exists():
        found.append(f"no source {src.relative_to(ROOT)}")
    elif _cells(convert(src, language)) != _cells(nb):
        found.append(
            f"out of sync with {src.relative_to(ROOT)} ({language}): "
            f"run `python tools/build_notebooks.py {path.stem}`"
        )
    elif nb.metadata.get("workbench", {}).get("language", language) != language:
        found.append(f"built for {nb.metadata['workbench']['language']}, stored as {language}")
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
            # a ✅ check cell prints "<what> within <tolerance>: False (got …)" when its number
            # is off; stored like that, nbval would compare False with False and pass
            if "nbval-check-output" in cell.metadata.get("tags", []):
                text = out.get("text", "") or "".join(out.get("data", {}).get("text/plain", ""))
                if ": False (got" in text:
                    found.append(f"cell {i}: a failing check is stored: {text.strip()[:160]}")
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
    check = nbformat.v4.new_code_cell("print(verdict('revenue', 90, 100, rel=0.001))")
    check.metadata["tags"] = ["nbval-check-output"]
    check.execution_count = 2
    check.outputs = [nbformat.v4.new_output(
        "stream", text="revenue within 0.1 %: False (got 90, expected 100)\n")]
    nb.cells = [cell, check]
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "99_dirty.ipynb"
    nbformat.write(nb, path)
    found = " | ".join(problems(path))
    for expected in ("no source", "metadata.widgets", "kernelspec", "metadata.execution",
                     "absolute path", "a failing check is stored"):
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


# --- the bilingual format: one source, every narrative cell in English and in Russian --------

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HEADING = re.compile(r"^(#+) ", re.MULTILINE)


def _markdown(src: Path):
    import jupytext

    return [c for c in jupytext.read(src).cells if c.cell_type == "markdown"]


def pairing_problems(src: Path) -> list[str]:
    """Return what breaks the bilingual format in one source (empty list: fine).

    Every markdown cell is tagged ``en`` and immediately followed by its ``ru`` twin with the
    same other tags and the same heading levels; the English cell has no Cyrillic, the
    Russian one is Russian (Cyrillic prose, the method's Latin terms allowed).
    """
    found = []
    cells = _markdown(src)
    tags = [tuple(c.metadata.get("tags", ())) for c in cells]
    i = 0
    while i < len(cells):
        lang = [t for t in tags[i] if t in LANGUAGES]
        first_line = cells[i].source.strip().splitlines()[0][:60] if cells[i].source.strip() else ""
        if lang != ["en"]:
            found.append(f"markdown cell {first_line!r}: tag it en, followed by its ru twin")
            i += 1
            continue
        if i + 1 >= len(cells) or [t for t in tags[i + 1] if t in LANGUAGES] != ["ru"]:
            found.append(f"markdown cell {first_line!r}: no ru twin right after it")
            i += 1
            continue
        en, ru = cells[i], cells[i + 1]
        other = [sorted(set(t) - set(LANGUAGES)) for t in (tags[i], tags[i + 1])]
        if other[0] != other[1]:
            found.append(f"{first_line!r}: en and ru twins carry different tags {other}")
        if _HEADING.findall(en.source) != _HEADING.findall(ru.source):
            found.append(f"{first_line!r}: en and ru twins have different headings")
        if _CYRILLIC.search(en.source):
            found.append(f"{first_line!r}: Cyrillic in the English cell "
                         f"({_CYRILLIC.search(en.source).group()!r}…)")
        prose = re.sub(r"```.*?```|`[^`]*`", " ", ru.source, flags=re.DOTALL)  # code stays code
        letters = re.findall(r"[^\W\d_]", prose)
        if letters and sum(bool(_CYRILLIC.match(ch)) for ch in letters) < 0.6 * len(letters):
            found.append(f"{first_line!r}: the ru twin is not Russian")
        i += 2
    return found


BILINGUAL = [p for p in SOURCES if any(
    set(c.metadata.get("tags", ())) & set(LANGUAGES) for c in _markdown(p))]


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_narrative_cell_exists_in_both_languages(src):
    if src not in BILINGUAL:
        pytest.xfail(f"{src.name} is not translated yet (no en/ru tags)")
    assert pairing_problems(src) == []


@pytest.mark.parametrize("src", BILINGUAL, ids=[p.stem for p in BILINGUAL])
def test_bilingual_source_is_built_in_both_languages(src):
    for language in LANGUAGES:
        nb = nbformat.read(target_path(src, language), as_version=4)
        params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", ()))
        assert f'language = "{language}"' in params.source
        assert all(c.cell_type == "code" or language in c.metadata.get("tags", ())
                   for c in nb.cells), f"{language} notebook holds another language's cell"


def test_pairing_problems_catches_a_missing_twin(tmp_path):
    src = tmp_path / "99_x.py"
    src.write_text(
        '# %% [markdown] tags=["en"]\n# ## 1. Title\n\n'
        '# %% [markdown] tags=["ru"]\n# ## 1. Заголовок\n\n'
        '# %% [markdown] tags=["en"]\n# Only English here\n\n'
        '# %%\nx = 1\n\n'
        '# %% [markdown] tags=["en", "workshop-only"]\n# ## Ask (вопрос)\n\n'
        '# %% [markdown] tags=["ru"]\n# ### Вопрос\n', encoding="utf-8")
    found = " | ".join(pairing_problems(src))
    assert "no ru twin" in found
    assert "different tags" in found and "different headings" in found
    assert "Cyrillic in the English cell" in found
    assert pairing_problems(src)[:1] != []


def test_select_language_keeps_the_languages_cells_and_the_shared_code():
    from workbench.runner import select_language

    nb = nbformat.v4.new_notebook()
    cells = [("markdown", "# Title", ["en"]), ("markdown", "# Заголовок", ["ru"]),
             ("code", "x = 1", ["parameters"]), ("markdown", "Note", ["en", "workshop-only"]),
             ("markdown", "Заметка", ["ru", "workshop-only"]), ("markdown", "shared", [])]
    for kind, source, tags in cells:
        cell = (nbformat.v4.new_markdown_cell if kind == "markdown"
                else nbformat.v4.new_code_cell)(source)
        cell.metadata["tags"] = tags
        nb.cells.append(cell)
    assert [c.source for c in select_language(nb, "ru").cells] == [
        "# Заголовок", "x = 1", "Заметка", "shared"]
    assert [c.source for c in select_language(nb, "en").cells] == [
        "# Title", "x = 1", "Note", "shared"]
    assert len(nb.cells) == 6  # a copy: the original is untouched


def test_select_language_leaves_a_one_language_notebook_alone():
    from workbench.runner import select_language

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Old notebook"), nbformat.v4.new_code_cell("1")]
    assert [c.source for c in select_language(nb, "ru").cells] == ["# Old notebook", "1"]


def test_convert_sets_language_and_paths_per_folder(tmp_path):
    src = tmp_path / "99_x.py"
    src.write_text(
        '# %% [markdown] tags=["en"]\n# # T\n\n# %% [markdown] tags=["ru"]\n# # Т\n\n'
        '# %% tags=["parameters"]\ndata_dir = "../data/samples"\nlanguage = "en"\n',
        encoding="utf-8")
    en, ru = convert(src, "en"), convert(src, "ru")
    assert en.cells[1].source == 'data_dir = "../data/samples"\nlanguage = "en"'
    assert ru.cells[1].source == 'data_dir = "../../data/samples"\nlanguage = "ru"'
    assert [c.source for c in ru.cells if c.cell_type == "markdown"] == ["# Т"]
    assert convert(src, "ru", depth=2).cells[1].source.startswith('data_dir = "../../../')
    assert target_path(src, "ru").parts[-2:] == ("ru", "99_x.ipynb")


#: Words that ask the room to work a control: only in cells the report leaves out, because a
#: static report shows no control to move (its sliders and buttons are hidden).
_PROMPT = re.compile(r"\b(move the|move k|drag|click)\b|двигайте|подвигайте|передвиньте|"
                     r"ползун|нажмите", re.IGNORECASE)


@pytest.mark.parametrize("path", BUILT, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_the_report_tells_no_reader_to_move_a_control(path):
    from workbench.report import REPORT_REMOVE_TAGS

    nb = nbformat.read(path, as_version=4)
    told = [c.source[:80] for c in nb.cells if c.cell_type == "markdown"
            and not set(c.metadata.get("tags", ())) & REPORT_REMOVE_TAGS
            and _PROMPT.search(c.source)]
    assert not told, f"workshop prompts left in report cells (tag them workshop-only): {told}"

"""Execute the workshop notebooks on a client's folder: the engine of ``workbench run``.

One Python process runs every notebook (one fresh kernel each, through :mod:`nbclient`), with
the run's parameters injected after the cell tagged ``parameters`` (papermill's convention:
an ``injected-parameters`` cell). The executed notebooks, a self-contained ``report.html`` and
the step-7 deliverables (``actions.xlsx``, ``scores.csv``) are written to the output folder.

The same helpers build the committed notebooks (``tools/build_notebooks.py``): execution,
cleaning of run noise (widget state, execution timestamps, widget views) and the check that no
absolute path leaks into stored outputs.
"""

from __future__ import annotations

import copy
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError

__all__ = (
    "ABSOLUTE_PATH_PATTERN",
    "RunResult",
    "clean_notebook",
    "execute_notebook",
    "find_absolute_paths",
    "inject_parameters",
    "notebook_paths",
    "run_workshop",
)

#: Where the workbench keeps the curated notebooks (repository checkout).
NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: Stored outputs must never reveal a machine's folders (client names live in paths).
ABSOLUTE_PATH_PATTERN = re.compile(
    r"(?<![\w.])(/work/|/root/|/tmp/|/home/|/Users/|/private/var/|[A-Za-z]:\\\\?Users)"
)

_NOTEBOOK_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


#: The step-7 notebook that exports the deliverables when ``workbench run`` gives it out_dir.
PACKAGING_NOTEBOOK = "07_packaging"
#: The deliverables written to the output folder.
DELIVERABLE_FILES: tuple[str, ...] = (
    "actions.xlsx", "scores.csv", "action_lists.parquet", "action_lists.csv")

def notebook_paths(folder: str | os.PathLike | None = None) -> list[Path]:
    """Return the step notebooks (``NN_name.ipynb``) of a folder, in order.

    Parameters
    ----------
    folder : path, optional
        Defaults to the repository's ``notebooks/`` folder.
    """
    folder = Path(folder) if folder is not None else NOTEBOOK_DIR
    if not folder.is_dir():
        raise WorkbenchError(f"notebook folder not found: {folder}")
    return sorted(p for p in folder.iterdir() if _NOTEBOOK_NAME.match(p.name))


def inject_parameters(nb: Any, parameters: Mapping[str, Any]) -> Any:
    """Return a copy of ``nb`` with an ``injected-parameters`` cell after the parameters cell.

    Values are written as Python literals (``repr``), so strings, numbers, ``None`` and booleans
    survive. A notebook without a ``parameters`` cell gets the injected cell first. Parameters the
    notebook does not declare are injected too (papermill behaves the same way): a notebook simply
    ignores what it does not use.
    """
    import nbformat

    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    if not parameters:
        return nb
    lines = ["# Parameters (injected by workbench run)"]
    lines += [f"{name} = {value!r}" for name, value in parameters.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    cell.pop("id", None)
    index = 0
    for i, c in enumerate(nb.cells):
        if "parameters" in c.metadata.get("tags", []):
            index = i + 1
            break
    nb.cells.insert(index, cell)
    _renumber_ids(nb)
    return nb


def _renumber_ids(nb: Any) -> None:
    """Give cells stable ids (``cell-000``...) so rebuilt notebooks do not churn in git."""
    if nb.get("nbformat", 4) == 4 and nb.get("nbformat_minor", 0) >= 5:
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{i:03d}"


def execute_notebook(
    nb: Any,
    cwd: str | os.PathLike,
    *,
    timeout: int = 600,
    kernel_name: str = "python3",
    store_widget_state: bool = False,
) -> Any:
    """Execute a notebook in a fresh kernel started from this process; return it executed.

    Raises :class:`~workbench.errors.WorkbenchError` naming the failing cell (its first line)
    and the error when a cell raises (cells tagged ``raises-exception`` excepted).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    env = dict(os.environ)
    # Always the inline backend in the kernel: a non-interactive MPLBACKEND=Agg inherited from
    # the caller (the Makefile exports it for the unit tests) would silently drop every figure
    # from the executed notebooks and from report.html.
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(cwd)}},
        store_widget_state=store_widget_state,
        record_timing=False,
    )
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        raise WorkbenchError(f"notebook cell failed: {_short_error(str(exc))}") from None
    return nb


def _short_error(text: str, limit: int = 1500) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return text if len(text) <= limit else text[:limit] + " ..."


def clean_notebook(nb: Any, *, keep_widget_state: bool = False) -> Any:
    """Remove run noise from an executed notebook, keeping its outputs (in place; returns it).

    Drops ``metadata.widgets`` (widget state), ``metadata.papermill``, every
    ``cell.metadata.execution`` (timestamps) and the widget-view outputs (random model ids; the
    text/plain repr next to them is kept), and sets the ``python3`` kernelspec. Without this,
    every rebuild would change the file although nothing changed.
    """
    if not keep_widget_state:
        nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata.get("language_info", {}).pop("version", None)
    nb.metadata.pop("jupytext", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data is not None and not keep_widget_state and _WIDGET_VIEW in data:
                data.pop(_WIDGET_VIEW)
                if not data:
                    continue
            out.get("metadata", {}).pop("execution", None)
            outputs.append(out)
        cell.outputs = outputs
    _renumber_ids(nb)
    return nb


def find_absolute_paths(nb: Any) -> list[str]:
    """Return ``"cell N: <snippet>"`` for every stored output that shows an absolute path."""
    hits = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            texts = []
            if "text" in out:
                texts.append(_as_text(out["text"]))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    texts.append(_as_text(value))
            for tb in out.get("traceback", []):
                texts.append(tb)
            for text in texts:
                m = ABSOLUTE_PATH_PATTERN.search(text)
                if m:
                    start = max(0, m.start() - 30)
                    hits.append(f"cell {i}: ...{text[start:m.end() + 40]}...")
    return hits


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value)
    return str(value)


@dataclass
class RunResult:
    """What ``workbench run`` wrote."""

    out_dir: Path
    notebooks: list[Path] = field(default_factory=list)
    report: Path | None = None
    deliverables: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def run_workshop(
    data_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    language: str = "en",
    asof: str | None = None,
    mapping: str | os.PathLike | None = None,
    notebooks: Sequence[str | os.PathLike] | None = None,
    notebook_dir: str | os.PathLike | None = None,
    report: bool = True,
    deliverables: bool = True,
    timeout: int = 600,
    progress: Callable[[str], None] | None = print,
) -> RunResult:
    """Run every workshop notebook on a client's folder and write report and deliverables.

    Parameters
    ----------
    data_dir : path
        The client's folder (``transactions.csv`` at least; see ``docs/data.md``).
    out_dir : path
        Where to write ``notebooks/``, ``report.html``, ``actions.xlsx`` and ``scores.csv``.
    language : {"en", "ru"}, default "en"
        Language of everything the audience sees.
    asof : str, optional
        Observation end (``YYYY-MM-DD``); default: the last transaction date.
    mapping : path, optional
        YAML/JSON column mapping for the client's exports.
    notebooks : sequence of path, optional
        Only these notebooks (default: every ``NN_name.ipynb`` of ``notebook_dir``).
    notebook_dir : path, optional
        Default: the repository's ``notebooks/``.
    report, deliverables : bool, default True
        Write ``report.html`` / the step-7 deliverables.
    timeout : int, default 600
        Seconds allowed per cell.
    progress : callable, optional
        Called with one line of progress text (default ``print``); ``None`` for silence.

    Returns
    -------
    RunResult
        Paths written, per-notebook seconds and the failures (notebook -> error text). A failing
        notebook does not stop the run: the others and the deliverables are still produced.
    """
    import nbformat

    from workbench.i18n import check_language

    language = check_language(language)
    say = progress or (lambda _msg: None)
    data_dir = Path(data_dir).resolve()
    if not data_dir.is_dir():
        raise WorkbenchError(f"--data: folder not found: {data_dir}")
    out_dir = Path(out_dir).resolve()
    (out_dir / "notebooks").mkdir(parents=True, exist_ok=True)
    if mapping is not None:
        mapping = Path(mapping).resolve()
        if not mapping.is_file():
            raise WorkbenchError(f"--mapping: file not found: {mapping}")
    paths = (
        [Path(p) for p in notebooks]
        if notebooks is not None
        else notebook_paths(notebook_dir)
    )
    params = {
        "data_dir": str(data_dir),
        "asof": asof,
        "language": language,
        "mapping": str(mapping) if mapping is not None else None,
        "out_dir": str(out_dir),
    }
    result = RunResult(out_dir=out_dir)
    run_started = time.time() - 1.0  # file times may be rounded to the second
    executed = []
    total = len(paths)
    for i, path in enumerate(paths, start=1):
        say(f"[{i}/{total}] {path.stem} ...")
        start = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        nb = inject_parameters(nb, params)
        try:
            execute_notebook(nb, cwd=path.parent, timeout=timeout, store_widget_state=True)
        except WorkbenchError as exc:
            result.failed[path.stem] = str(exc)
            say(f"      FAILED: {str(exc).splitlines()[0]}")
        seconds = time.perf_counter() - start
        result.seconds[path.stem] = seconds
        clean_notebook(nb, keep_widget_state=True)
        target = out_dir / "notebooks" / path.name
        nbformat.write(nb, target)
        result.notebooks.append(target)
        executed.append((path.stem, nb))
        say(f"      done in {seconds:.1f} s")
    if report:
        from workbench.report import write_report

        say("report.html ...")
        result.report = write_report(executed, out_dir / "report.html", language=language)
    if deliverables:
        files = {name: out_dir / name for name in DELIVERABLE_FILES}
        packaged = PACKAGING_NOTEBOOK in result.seconds and PACKAGING_NOTEBOOK not in result.failed
        if packaged and all(p.exists() and p.stat().st_mtime >= run_started for p in files.values()):
            # Step 7 computed and exported the package in this run (it gets out_dir as a
            # parameter): computing it again here would fit the churn model a second time.
            result.deliverables = files
        else:
            from workbench.deliverables import write_deliverables

            say("deliverables (actions.xlsx, scores.csv) ...")
            result.deliverables = write_deliverables(
                data_dir, out_dir, language=language, asof=asof, mapping=mapping
            )
    for name, path in result.deliverables.items():
        say(f"wrote {name}: {path}")
    if result.report is not None:
        say(f"wrote report: {result.report}")
    return result


def _main(argv: Iterable[str] | None = None) -> int:  # pragma: no cover - thin CLI shim
    from workbench.cli import main

    return main(["run", *(argv or sys.argv[1:])])

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
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError

__all__ = (
    "ABSOLUTE_PATH_PATTERN",
    "CELL_TIMEOUT",
    "CellTimeout",
    "RunResult",
    "clean_notebook",
    "default_jobs",
    "execute_notebook",
    "find_absolute_paths",
    "inject_parameters",
    "notebook_paths",
    "run_workshop",
    "start_order",
)

def _notebook_dir() -> Path:
    from workbench.datasets import bundled_dir

    return bundled_dir("notebooks")


#: Where the workbench keeps the curated notebooks: ``notebooks/`` of a checkout, else the
#: copies an installed wheel carries (see :func:`workbench.datasets.bundled_dir`).
NOTEBOOK_DIR = _notebook_dir()

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

#: Language tags of the bilingual notebook format (docs/notebooks.md): a markdown cell tagged
#: ``en`` or ``ru`` belongs to that language's notebook; untagged cells to both.
NOTEBOOK_LANGUAGES: tuple[str, ...] = ("en", "ru")


def select_language(nb: Any, language: str) -> Any:
    """Return a copy of ``nb`` holding only the cells of ``language`` (and the shared ones).

    In the bilingual format every markdown cell is written once per language, tagged ``en``
    or ``ru``; code cells are shared. A notebook with no cell tagged ``language`` (an older,
    one-language notebook) is returned unchanged, so that it still runs in any language.
    """
    nb = copy.deepcopy(nb)
    tagged = [set(c.metadata.get("tags", ())) & set(NOTEBOOK_LANGUAGES) for c in nb.cells]
    if not any(language in tags for tags in tagged):
        return nb
    nb.cells = [c for c, tags in zip(nb.cells, tagged, strict=True)
                if not tags or language in tags]
    _renumber_ids(nb)
    return nb


def language_notebook_dir(language: str, folder: str | os.PathLike | None = None) -> Path:
    """Return the folder of ``language``'s notebooks: ``notebooks/ru/`` for Russian, if built."""
    folder = Path(folder) if folder is not None else NOTEBOOK_DIR
    return folder / language if (folder / language).is_dir() else folder


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


#: Seconds between two polls of the kernel's channels while a cell runs. A short slice bounds
#: what a missed wake-up can cost (see :class:`_RunnerClient`).
POLL_SECONDS = 1.0
#: Default seconds allowed per cell, and between two "still running" lines.
CELL_TIMEOUT = 600
HEARTBEAT_SECONDS = 30.0


class CellTimeout(WorkbenchError):
    """A cell did not finish within the per-cell timeout (names the notebook and the cell)."""


def _first_line(source: str, limit: int = 70) -> str:
    for line in str(source).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return line if len(line) <= limit else line[: limit - 3] + "..."
    return ""


def _make_client(nb: Any, **kwargs: Any) -> Any:
    """The nbclient client of the runner (built lazily: nbclient is imported on first use)."""
    import asyncio
    from queue import Empty
    from time import monotonic

    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError
    from nbclient.util import ensure_async

    class _RunnerClient(NotebookClient):
        """nbclient with bounded waits, a heartbeat and a per-cell timing record.

        The stalls of jupyter/nbclient#312 are lost wake-ups: nbclient waits for the cell's
        reply with one ``shell_channel.get_msg(timeout=<cell timeout>)``; the asyncio zmq
        poller behind it watches the socket's edge-triggered file descriptor, and when that
        edge is consumed elsewhere (widget cells send bursts of comm messages on IOPub while
        the reply arrives), the wait only ends when the timeout fires — and pyzmq then polls
        once more, finds the reply and returns it as if nothing happened: ~600 s idle, then
        success. Here both channels are polled in short slices (:data:`POLL_SECONDS`), so a
        missed wake-up costs at most one slice, and a real overrun raises :class:`CellTimeout`.
        """

        def __init__(self, nb: Any, *, notebook_name: str = "", heartbeat: float | None = None,
                     on_heartbeat: Callable[[str], None] | None = None,
                     timings: list | None = None, **kw: Any) -> None:
            super().__init__(nb, **kw)
            self._name = notebook_name
            self._heartbeat = heartbeat
            self._on_heartbeat = on_heartbeat
            self._timings = timings if timings is not None else []

        async def _async_poll_for_reply(self, msg_id, cell, timeout, task_poll_output_msg,
                                        task_poll_kernel_alive):
            start = monotonic()
            index = next((i for i, c in enumerate(self.nb.cells) if c is cell), -1)
            deadline = start + timeout if timeout else None
            next_beat = start + self._heartbeat if self._heartbeat else None
            try:
                while True:
                    try:
                        msg = await ensure_async(
                            self.kc.shell_channel.get_msg(timeout=POLL_SECONDS))
                    except Empty:
                        now = monotonic()
                        if not await ensure_async(self.km.is_alive()):
                            raise DeadKernelError(
                                f"{self._name}: the kernel died in cell {index} "
                                f"({_first_line(cell.source)!s})") from None
                        if deadline is not None and now >= deadline:
                            raise CellTimeout(
                                f"{self._name}: cell {index} ({_first_line(cell.source)}) did "
                                f"not finish within {timeout:g} s (the per-cell timeout; "
                                "raise it with --cell-timeout)") from None
                        if next_beat is not None and now >= next_beat:
                            if self._on_heartbeat is not None:
                                self._on_heartbeat(
                                    f"      ... {self._name}: cell {index} "
                                    f"({_first_line(cell.source)}) still running, "
                                    f"{now - start:.0f} s")
                            next_beat += self._heartbeat
                        continue
                    if msg["parent_header"].get("msg_id") != msg_id:
                        continue
                    # the reply is in; the outputs (IOPub) end with the idle status
                    remaining = None if deadline is None else max(deadline - monotonic(), 5.0)
                    try:
                        await asyncio.wait_for(asyncio.shield(task_poll_output_msg),
                                               remaining)
                    except TimeoutError:
                        task_poll_output_msg.cancel()
                        raise CellTimeout(
                            f"{self._name}: cell {index} ({_first_line(cell.source)}): the "
                            "kernel replied but its outputs did not end within the per-cell "
                            "timeout") from None
                    return msg
            finally:
                task_poll_kernel_alive.cancel()
                self._timings.append((index, monotonic() - start))

        async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
            from nbclient.exceptions import CellExecutionComplete

            while True:
                try:
                    msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=POLL_SECONDS))
                except Empty:
                    continue
                if msg["parent_header"].get("msg_id") == parent_msg_id:
                    try:
                        self.process_message(msg, cell, cell_index)
                    except CellExecutionComplete:
                        return

    return _RunnerClient(nb, **kwargs)


def _kernel_manager(kernel_name: str, ipc_dir: str | None, fork: Any = None) -> Any:
    """A kernel manager on local IPC sockets (no TCP ports to race for) where the OS has them;
    its kernel forked by ``fork`` (a :class:`~workbench._kernelfork.KernelForkServer`) if given."""
    from jupyter_client.manager import AsyncKernelManager

    if fork is not None:
        from workbench._kernelfork import forking_kernel_manager

        km = forking_kernel_manager(kernel_name, fork)
    else:
        km = AsyncKernelManager(kernel_name=kernel_name)
    if ipc_dir is not None:
        km.transport = "ipc"
        km.ip = os.path.join(ipc_dir, "k")
    return km


def execute_notebook(
    nb: Any,
    cwd: str | os.PathLike,
    *,
    timeout: int | None = CELL_TIMEOUT,
    kernel_name: str = "python3",
    store_widget_state: bool = False,
    name: str | None = None,
    heartbeat: float | None = HEARTBEAT_SECONDS,
    progress: Callable[[str], None] | None = None,
    timings: list | None = None,
    env: Mapping[str, str] | None = None,
) -> Any:
    """Execute a notebook in a fresh kernel started from this process (and shut down at its end).

    Parameters
    ----------
    nb : NotebookNode
        Executed in place.
    cwd : path
        The kernel's working folder.
    timeout : int, optional, default 600
        Seconds allowed per cell (``None``: no limit).
    kernel_name : str, default "python3"
    store_widget_state : bool, default False
    name : str, optional
        How errors and heartbeat lines name the notebook (default ``"notebook"``).
    heartbeat : float, optional, default 30
        While a cell runs longer, ``progress`` gets a "still running" line this often.
    progress : callable, optional
        Receives the heartbeat lines.
    timings : list, optional
        Receives ``(cell index, seconds)`` for every executed code cell.
    env : mapping, optional
        Extra environment variables for the kernel.

    Raises
    ------
    WorkbenchError
        Naming the failing cell (its first line) and the error when a cell raises (cells
        tagged ``raises-exception`` excepted); :class:`CellTimeout` naming the notebook and the
        cell when a cell overruns ``timeout``; when the kernel dies.

    Notes
    -----
    The kernel listens on local IPC sockets in a private temporary folder (TCP on Windows):
    concurrent runs cannot race for the same ports. Its channels are polled in short slices,
    so no cell can sit idle until the timeout and then pass (jupyter/nbclient#312).
    """
    from jupyter_core.utils import run_sync

    async def run() -> Any:
        # the kernel is shut down (gracefully) as its notebook ends: a kernel left running
        # until this process exits printed "Parent appears to have exited, shutting down"
        kernel = await _start_kernel(cwd, env, kernel_name=kernel_name)
        try:
            return await _execute_in(nb, kernel, cwd, timeout=timeout, kernel_name=kernel_name,
                                     store_widget_state=store_widget_state, name=name,
                                     heartbeat=heartbeat, progress=progress, timings=timings)
        finally:
            await _stop_kernel(kernel)

    return run_sync(run)()


def _kernel_environment(env: Mapping[str, str] | None) -> dict[str, str]:
    """The environment of a notebook's kernel: this process's, the inline backend, ``env``."""
    kernel_env = dict(os.environ)
    # Always the inline backend in the kernel: a non-interactive MPLBACKEND=Agg inherited from
    # the caller (the Makefile exports it for the unit tests) would silently drop every figure
    # from the executed notebooks and from report.html.
    kernel_env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    kernel_env.setdefault("PYTHONHASHSEED", "0")
    kernel_env.update(env or {})
    return kernel_env


@dataclass
class _Kernel:
    """A started kernel of one run: its manager, a ready client, its private socket folder."""

    km: Any
    kc: Any
    ipc_dir: str | None


async def _start_kernel(cwd: str | os.PathLike, env: Mapping[str, str] | None, *,
                        kernel_name: str = "python3", fork: Any = None) -> _Kernel:
    """Start a kernel in ``cwd`` (as nbclient starts one) and wait until it answers.

    ``fork``: a :class:`~workbench._kernelfork.KernelForkServer` to fork the kernel from.
    """
    import shutil
    import tempfile

    ipc_dir = None if os.name == "nt" else tempfile.mkdtemp(prefix="wb-")
    km = _kernel_manager(kernel_name, ipc_dir, fork)
    kc = None
    try:
        # as nbclient starts its kernels: no history file
        await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"],
                              env=_kernel_environment(env), cwd=str(cwd))
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        kc.allow_stdin = False
    except BaseException:
        if kc is not None:
            kc.stop_channels()
        with _suppress_all():
            await km.shutdown_kernel(now=True)
        if ipc_dir is not None:
            shutil.rmtree(ipc_dir, ignore_errors=True)
        raise
    return _Kernel(km, kc, ipc_dir)


async def _stop_kernel(kernel: _Kernel) -> None:
    """Shut a kernel down gracefully (killed if it does not exit) and remove its sockets."""
    import shutil

    try:
        with _suppress_all():
            if await kernel.km.is_alive():
                await kernel.km.shutdown_kernel(now=False)
        with _suppress_all():
            await kernel.km.cleanup_resources()
    finally:
        kernel.kc.stop_channels()
        if kernel.ipc_dir is not None:
            shutil.rmtree(kernel.ipc_dir, ignore_errors=True)


def _suppress_all() -> Any:
    import contextlib

    return contextlib.suppress(Exception)


async def _execute_in(nb: Any, kernel: _Kernel, cwd: str | os.PathLike, *,
                      timeout: int | None = CELL_TIMEOUT, kernel_name: str = "python3",
                      store_widget_state: bool = False, name: str | None = None,
                      heartbeat: float | None = HEARTBEAT_SECONDS,
                      progress: Callable[[str], None] | None = None,
                      timings: list | None = None) -> Any:
    """:func:`execute_notebook` in a kernel already started (:func:`_start_kernel`).

    The kernel is left running: the caller shuts it down (:func:`_stop_kernel`).
    """
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    label = name or "notebook"
    client = _make_client(
        nb,
        km=kernel.km,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(cwd)}},
        store_widget_state=store_widget_state,
        record_timing=False,
        notebook_name=label,
        heartbeat=heartbeat,
        on_heartbeat=progress,
        timings=timings,
    )
    client.kc = kernel.kc
    try:
        await client.async_execute(cleanup_kc=False)
    except CellExecutionError as exc:
        raise WorkbenchError(f"{label}: notebook cell failed: "
                             f"{_short_error(str(exc))}") from None
    except DeadKernelError as exc:
        raise WorkbenchError(f"{label}: {exc}") from None
    return nb


class _KernelRuns:
    """Run ``run(i, kernel, since)`` for every ``i`` of ``order``, ``jobs`` notebooks at a time.

    Each of the ``jobs`` workers is a thread with its own event loop, which starts a kernel
    (``start()``) for each notebook it takes: the next one while its current notebook runs
    (while notebooks remain), so that a notebook does not wait for its kernel's start. A
    kernel started so for a notebook that another worker took is shut down unused. A
    finished kernel is shut down (gracefully: about
    a second of waiting for it to exit) in the background while the next notebook already
    runs.
    :meth:`results` returns once every notebook has run; :meth:`join` once every kernel is shut
    down. An exception that is not a notebook's failure (a kernel that cannot start) stops the
    workers and is raised by both.
    """

    def __init__(self, order: Sequence[int], jobs: int, start: Callable[[], Any],
                 run: Callable[[int, _Kernel, float], Any]) -> None:
        import threading
        from collections import deque

        self._pending = deque(order)
        self._total = len(order)
        self._start, self._run = start, run
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._results: dict[int, Any] = {}
        self._errors: list[BaseException] = []
        self._threads = [threading.Thread(target=self._main, name=f"workbench-run-{k}",
                                          daemon=True)
                         for k in range(max(1, min(jobs, self._total)))]
        if not self._total:
            self._done.set()
        for thread in self._threads:
            thread.start()

    def _take(self) -> int | None:
        with self._lock:
            return self._pending.popleft() if self._pending and not self._errors else None

    async def _worker(self) -> None:
        import asyncio
        import time as _time

        stops: list[Any] = []
        ready: Any = None  # the next notebook's kernel, starting while this one runs
        try:
            while (i := self._take()) is not None:
                since = _time.perf_counter()  # a notebook's time includes waiting for its kernel
                if ready is None:
                    kernel = await self._start()
                else:
                    kernel, ready = await ready, None
                with self._lock:
                    more = bool(self._pending) and not self._errors
                if more:
                    ready = asyncio.ensure_future(self._start())
                try:
                    self._results[i] = await self._run(i, kernel, since)
                finally:
                    stops.append(asyncio.ensure_future(_stop_kernel(kernel)))
                    with self._lock:
                        if len(self._results) == self._total:
                            self._done.set()
        finally:
            if ready is not None:  # started for a notebook another worker took, or left by an error
                stops.append(asyncio.ensure_future(self._discard(ready)))
            await asyncio.gather(*stops, return_exceptions=True)

    @staticmethod
    async def _discard(starting: Any) -> None:
        """Shut down a kernel started in advance that no notebook needs."""
        try:
            kernel = await starting
        except Exception:  # noqa: BLE001 - it never started: nothing to stop
            return
        await _stop_kernel(kernel)

    def _main(self) -> None:
        import asyncio

        try:
            asyncio.run(self._worker())
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            with self._lock:
                self._errors.append(exc)
            self._done.set()

    def results(self) -> dict[int, Any]:
        """Every notebook's result, once all have run (their kernels may still be stopping)."""
        while not self._done.wait(0.1):
            if not any(t.is_alive() for t in self._threads):
                break
        if self._errors:
            self.join()
        return dict(self._results)

    def join(self) -> None:
        """Wait until every kernel is shut down."""
        for thread in self._threads:
            thread.join()
        if self._errors:
            raise self._errors[0]


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


#: Folders larger than this (bytes of files) run one notebook at a time: every kernel holds
#: the client's tables, about 0.7 GB per million transactions at its peak.
PARALLEL_MAX_BYTES = 100_000_000


def default_jobs(data_dir: str | os.PathLike) -> int:
    """Notebooks to execute at once: two on a machine with two or more cores, one for a big folder.

    One kernel mostly runs on one core (its imports, pandas, plotting), so two kernels at once
    nearly halve a run on two cores; more would compete for the same cores. A folder past
    :data:`PARALLEL_MAX_BYTES` runs one notebook at a time, so that only one copy of its
    tables is in memory.
    """
    cores = os.cpu_count() or 1
    size = sum(p.stat().st_size for p in Path(data_dir).iterdir() if p.is_file())
    return 1 if cores < 2 or size > PARALLEL_MAX_BYTES else 2


#: The notebooks started first when several run at once, longest first (seconds on the sample:
#: 05 10, 04 8, 07 8, 08 8, 06 6, the others 4-6). No notebook reads another's output within a
#: run - each loads the folder itself, the fits they share come through the run cache
#: (:mod:`workbench._cache`) and the report and deliverables are assembled after all of them -
#: so any order gives the same results. 05 and 04 go first together because they share no
#: churn fit: neither waits on the other's cache lock, and 07 and 08 then find 05's fits.
LONGEST_FIRST: tuple[str, ...] = (
    "05_costs_and_churn", "04_segmentation", "07_packaging", "08_feedback_loop", "06_offers")


def start_order(items: Iterable[Any], names: Sequence[str]) -> list[Any]:
    """``items`` (one per notebook, ``names`` their stems) in the order to start them when
    they run in parallel: :data:`LONGEST_FIRST`, then the others in their own order.

    >>> start_order(range(4), ["00_start_here", "04_segmentation", "05_costs_and_churn", "09_x"])
    [2, 1, 0, 3]
    """
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    keyed = list(zip(items, names, strict=True))
    keyed.sort(key=lambda item_name: rank.get(item_name[1], len(rank)))  # stable sort
    return [item for item, _name in keyed]


@dataclass
class RunResult:
    """What ``workbench run`` wrote.

    Attributes
    ----------
    cell_seconds : dict of str -> list of (int, float)
        Per notebook, ``(cell index, seconds)`` of every executed code cell: the runner's own
        timing record (a stall would show as a cell near the timeout).
    """

    out_dir: Path
    notebooks: list[Path] = field(default_factory=list)
    report: Path | None = None
    deliverables: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    cell_seconds: dict[str, list[tuple[int, float]]] = field(default_factory=dict)


#: Environment variable with the pseudonymisation key (keeps the key out of shell history).
PSEUDONYMIZE_ENV = "WORKBENCH_PSEUDONYMIZE_KEY"


def _relative(path: Path, start: Path) -> str:
    """``path`` relative to ``start`` (POSIX separators); never an absolute path.

    On another drive (Windows), where no relative path exists, only the folder's name is
    given (a redacted path).
    """
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:
        return path.name


def _redact(nb: Any, replacements: Mapping[str, str]) -> None:
    """Replace absolute folder paths in the stored sources and outputs (a last safety net)."""
    # an absolute path starts a word: '../../../../srv/data' (the relative spelling of a folder
    # near the root) contains '/srv/data' and must stay as it is
    patterns = [(re.compile(r"(?<![\w.\-/])" + re.escape(old)), new)
                for old, new in replacements.items()]

    def fix(text: str) -> str:
        for pattern, new in patterns:
            text = pattern.sub(lambda _m, new=new: new, text)
        return text

    for cell in nb.cells:
        cell.source = fix(cell.source)
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = fix(_as_text(out["text"]))
            for mime, value in list(out.get("data", {}).items()):
                if mime.startswith("text/") and isinstance(value, (str, list)):
                    out["data"][mime] = fix(_as_text(value))
            if "traceback" in out:
                out["traceback"] = [fix(tb) for tb in out["traceback"]]
            if "evalue" in out:
                out["evalue"] = fix(out["evalue"])


def run_workshop(
    data_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    language: str | None = None,
    asof: str | None = None,
    mapping: str | os.PathLike | None = None,
    notebooks: Sequence[str | os.PathLike] | None = None,
    notebook_dir: str | os.PathLike | None = None,
    report: bool = True,
    deliverables: bool = True,
    timeout: int | None = CELL_TIMEOUT,
    heartbeat: float | None = HEARTBEAT_SECONDS,
    pseudonymize_key: str | None = None,
    sheet_rows: int | None = None,
    engine: str | None = None,
    jobs: int | None = None,
    cache: bool = True,
    fork_kernels: bool = True,
    progress: Callable[[str], None] | None = print,
) -> RunResult:
    """Run every workshop notebook on a client's folder and write report and deliverables.

    Parameters
    ----------
    data_dir : path
        The client's folder (``transactions.csv`` at least; see ``docs/data.md``).
    out_dir : path
        Where to write ``notebooks/``, ``report.html``, ``actions.xlsx``, the complete action
        lists and ``scores.csv``.
    language : {"en", "ru"}, optional
        Default: the current language (:func:`workbench.i18n.get_language`).
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
    timeout : int, optional, default 600
        Seconds allowed per cell; a cell that overruns fails its notebook with an error that
        names the notebook and the cell. ``None``: no limit.
    heartbeat : float, optional, default 30
        While a cell runs longer, print a "still running" line this often.
    pseudonymize_key : str, optional
        Pseudonymise every table at load, in every notebook and in the deliverables (ids
        become keyed hashes, names are blanked, e-mails and phone numbers are scrubbed from
        free text). Default: the environment variable ``WORKBENCH_PSEUDONYMIZE_KEY``. The key
        reaches the kernels through their environment, never through a stored cell.
    sheet_rows : int, optional
        Clients per strategy sheet of ``actions.xlsx`` (default 5,000; see
        :func:`workbench.export_deliverables`).
    engine : {"auto", "pandas", "duckdb", "spark"}, optional
        Where the per-client aggregates run in every step (default ``"auto"``: DuckDB from
        :data:`workbench.engine.DUCKDB_MIN_ROWS` rows, numpy below; see
        :func:`workbench.engine.default_engine`). ``"spark"`` computes them with Spark
        (``pyspark`` and Java needed).
    jobs : int, optional
        Notebooks executed at once, each in its own kernel. Default: :func:`default_jobs` (up
        to two on a machine with two or more cores, one for folders past
        :data:`PARALLEL_MAX_BYTES`, whose kernels each need gigabytes).
    cache : bool, default True
        Share the loaded folder and the fitted churn models between the step kernels through
        ``OUT/.cache`` (see :mod:`workbench._cache`): the folder is read and validated once,
        each model fitted once. Entries are keyed on the data files, the settings and the
        workbench's code, so a changed file or setting is recomputed; entries this run did
        not use are deleted at its end.
    fork_kernels : bool, default True
        Fork the step kernels from one process that has imported ipykernel, pandas,
        matplotlib, scikit-learn and the workbench once (:mod:`workbench._kernelfork`; Linux,
        the ``python3`` kernel of this interpreter; the environment variable
        ``WORKBENCH_FORK_KERNELS=0`` turns it off too). Saves those imports in every kernel
        but the first; a kernel that cannot be forked starts as its own process.
    progress : callable, optional
        Called with one line of progress text (default ``print``); ``None`` for silence.

    Returns
    -------
    RunResult
        Paths written, per-notebook and per-cell seconds and the failures (notebook -> error
        text). A failing notebook does not stop the run: the others and the deliverables are
        still produced.

    Notes
    -----
    The kernels run in ``OUT/notebooks`` and get the folders as paths relative to it, so the
    executed notebooks store no absolute path of this machine (they still run when opened
    from there).
    """
    from workbench.i18n import check_language

    language = check_language(language)
    say = progress or (lambda _msg: None)
    data_dir = Path(data_dir).resolve()
    if not data_dir.is_dir():
        raise WorkbenchError(f"--data: folder not found: {data_dir.name}")
    out_dir = Path(out_dir).resolve()
    run_dir = out_dir / "notebooks"
    run_dir.mkdir(parents=True, exist_ok=True)
    if mapping is not None:
        mapping = Path(mapping).resolve()
        if not mapping.is_file():
            raise WorkbenchError(f"--mapping: file not found: {mapping.name}")
    if pseudonymize_key is None:
        pseudonymize_key = os.environ.get(PSEUDONYMIZE_ENV) or None
    if pseudonymize_key is not None and not str(pseudonymize_key).strip():
        raise WorkbenchError("--pseudonymize-key must not be empty")
    if sheet_rows is not None:
        from workbench.deliverables import _resolve_sheet_rows

        sheet_rows = _resolve_sheet_rows(sheet_rows)
    kernel_env: dict[str, str] = {}
    if engine is not None:
        from workbench.engine import ENGINE_ENV, check_engine

        kernel_env[ENGINE_ENV] = check_engine(engine, allow_spark=True)
    cache_folder = out_dir / ".cache" if cache else None
    if cache_folder is not None:
        from workbench._cache import CACHE_ENV

        kernel_env[CACHE_ENV] = str(cache_folder)
    if pseudonymize_key is not None:
        kernel_env[PSEUDONYMIZE_ENV] = str(pseudonymize_key)
    if sheet_rows is not None:
        kernel_env["WORKBENCH_SHEET_ROWS"] = str(sheet_rows)
    paths = (
        [Path(p) for p in notebooks]
        if notebooks is not None
        else notebook_paths(language_notebook_dir(language, notebook_dir))
    )
    total = len(paths)
    jobs = default_jobs(data_dir) if jobs is None else int(jobs)
    if jobs < 1:
        raise WorkbenchError(f"jobs must be at least 1; got {jobs}")
    # first, so that the server imports the kernels' modules while this process goes on
    fork = None
    fork_lock = threading.Lock()
    if fork_kernels and total > 1:
        from workbench._kernelfork import KernelForkServer, fork_supported

        if fork_supported():
            fork = KernelForkServer(_kernel_environment(kernel_env), run_dir)
    params = {
        "data_dir": _relative(data_dir, run_dir),
        "asof": asof,
        "language": language,
        "mapping": _relative(mapping, run_dir) if mapping is not None else None,
        "out_dir": _relative(out_dir, run_dir),
    }
    # step 0 shows the raw exports of the folder itself (data_dir/raw), never the sample's
    redactions = {str(p): _relative(p, run_dir) for p in (data_dir, out_dir, mapping)
                  if p is not None}
    redactions = dict(sorted(redactions.items(), key=lambda kv: -len(kv[0])))
    result = RunResult(out_dir=out_dir)
    run_started = time.time() - 1.0  # file times may be rounded to the second
    extra = f" ({jobs} at a time)" if jobs > 1 and total > 1 else ""
    say(f"{total} notebook(s){extra}; kernels share the loaded folder and fitted models"
        if cache_folder is not None else f"{total} notebook(s){extra}")

    import nbformat

    async def start_kernel() -> Any:
        if fork is not None and fork.usable:
            try:
                return await _start_kernel(run_dir, kernel_env, fork=fork)
            except Exception as exc:  # noqa: BLE001 - an ordinary kernel instead
                with fork_lock:
                    first = fork.failed is None
                    if first:
                        fork.failed = str(exc) or type(exc).__name__
                if first:
                    say(f"      forked kernel did not start ({_first_line(fork.failed)}); "
                        "starting kernels as their own processes")
        return await _start_kernel(run_dir, kernel_env)

    async def run_one(index: int, kernel: _Kernel, start: float) -> tuple[str, Any]:
        i, path = index + 1, paths[index]
        say(f"[{i}/{total}] {path.stem} ...")
        nb = nbformat.read(path, as_version=4)
        nb = inject_parameters(select_language(nb, language), params)
        for cell in nb.cells:  # the stored outputs are the sample's: a cell not run shows none
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        timings: list[tuple[int, float]] = []
        try:
            await _execute_in(nb, kernel, run_dir, timeout=timeout, store_widget_state=True,
                              name=path.stem, heartbeat=heartbeat, progress=say,
                              timings=timings)
        except WorkbenchError as exc:
            result.failed[path.stem] = str(exc)
            say(f"      {path.stem} FAILED: {str(exc).splitlines()[0]}")
        seconds = time.perf_counter() - start
        result.seconds[path.stem] = seconds
        result.cell_seconds[path.stem] = timings
        clean_notebook(nb, keep_widget_state=True)
        _redact(nb, redactions)
        target = run_dir / path.name
        nbformat.write(nb, target)
        slowest = max(timings, key=lambda it: it[1], default=None)
        say(f"      {path.stem} done in {seconds:.1f} s"
            + (f" (slowest cell {slowest[0]}: {slowest[1]:.1f} s)" if slowest else ""))
        return path.stem, nb

    # one notebook at a time runs them in their order; several, the longest first
    order = (list(range(total)) if jobs == 1 or total <= 1
             else start_order(range(total), [p.stem for p in paths]))
    runs = _KernelRuns(order, jobs, start_kernel, run_one)
    try:
        done = runs.results()  # the last kernels shut down while the report is written
    except BaseException:
        if fork is not None:
            fork.close()
        raise
    executed = [done[i] for i in range(total)]  # results in the notebooks' order
    try:
        result.notebooks = [run_dir / p.name for p in paths]
        result.seconds = {name: result.seconds[name] for name, _nb in executed}
        result.cell_seconds = {name: result.cell_seconds[name] for name, _nb in executed}
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
                    data_dir, out_dir, language=language, asof=asof, mapping=mapping,
                    sheet_rows=sheet_rows, pseudonymize_key=pseudonymize_key,
                )
        if cache_folder is not None and notebooks is None:
            from workbench._cache import prune

            prune(cache_folder, run_started)  # what this run did not use (older data, settings)
    finally:
        try:
            runs.join()
        finally:
            if fork is not None:
                fork.close()
    for name, path in result.deliverables.items():
        say(f"wrote {name}: {_relative(path, Path.cwd())}")
    if result.report is not None:
        say(f"wrote report: {_relative(result.report, Path.cwd())}")
    return result


def _main(argv: Iterable[str] | None = None) -> int:  # pragma: no cover - thin CLI shim
    from workbench.cli import main

    return main(["run", *(argv or sys.argv[1:])])

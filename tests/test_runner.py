"""The runner's notebook plumbing."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

import workbench
from workbench.runner import clean_notebook, find_absolute_paths, inject_parameters


class TestInjectParameters:
    def _nb(self):
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell("language = 'en'")
        params.metadata["tags"] = ["parameters"]
        nb.cells = [nbformat.v4.new_markdown_cell("# t"), params, nbformat.v4.new_code_cell("x")]
        return nb

    def test_cell_inserted_after_parameters(self):
        nb = inject_parameters(self._nb(), {"language": "ru", "asof": None, "n": 3})
        cell = nb.cells[2]
        assert cell.metadata["tags"] == ["injected-parameters"]
        assert "language = 'ru'\nasof = None\nn = 3" in cell.source

    def test_reinjection_replaces_previous(self):
        nb = inject_parameters(inject_parameters(self._nb(), {"a": 1}), {"a": 2})
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and injected[0].source.endswith("a = 2")


def test_clean_notebook_drops_noise_keeps_outputs():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("w")
    cell.metadata["execution"] = {"x": 1}
    cell.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/plain": "IntSlider(value=3)",
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
    }, execution_count=1)]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    clean_notebook(nb)
    assert "widgets" not in nb.metadata and "execution" not in nb.cells[0].metadata
    assert nb.cells[0].outputs[0]["data"] == {"text/plain": "IntSlider(value=3)"}
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("text,hit", [("see /work/main/x", True), ("data/samples", False),
                                      ("C:\\Users\\me", True), ("../data/raw", False)])
def test_find_absolute_paths(text, hit):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("stream", text=text)]
    nb.cells = [cell]
    assert bool(find_absolute_paths(nb)) is hit


# --- workbench run, end to end -------------------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples"
START = ROOT / "notebooks" / "00_start_here.ipynb"


def _tiny_notebook(folder):
    """A notebook with the workshop skeleton's essentials: parameters, a load, a widget."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('data_dir = "../data/samples"\nlanguage = "en"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Step 0 — smoke"),
        params,
        nbformat.v4.new_code_cell("import workbench, workbench.widgets\n"
                                  "folder = workbench.load_folder(data_dir)\n"
                                  "print(workbench.describe_folder(folder, language=language))"),
        nbformat.v4.new_code_cell("workbench.widgets.load_report_panel(folder, language=language)"),
    ]
    path = folder / "00_smoke.ipynb"
    nbformat.write(nb, path)
    return path


def _transactions_only(tmp_path):
    import numpy as np

    rng = np.random.default_rng(0)
    n = 1500
    data = tmp_path / "client"
    data.mkdir()
    pd.DataFrame({
        "customer_id": [f"{i:05d}" for i in rng.integers(0, 120, n)],
        "date": (pd.Timestamp("2022-01-01")
                 + pd.to_timedelta(rng.integers(0, 1000, n), "D")).strftime("%Y-%m-%d"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    }).to_csv(data / "transactions.csv", index=False)
    return data


def _check_outputs(out, language):
    import openpyxl

    assert (out / "report.html").exists()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<script src="http' not in html and "workbench-embed-amd" in html
    wb = openpyxl.load_workbook(out / "actions.xlsx")
    assert wb.sheetnames[0] == ("Сводка" if language == "ru" else "Summary")
    assert len(wb.sheetnames) >= 2
    header = [c.value for c in wb.worksheets[1][1]]
    expected = ("Клиент", "Рекомендуемое действие") if language == "ru" else (
        "Customer", "Recommended action")
    assert header[0] == expected[0] and expected[1] in header
    scores = pd.read_csv(out / "scores.csv", dtype={"customer_id": str})
    assert {"customer_id", "churn_probability", "strategy", "action"} <= set(scores.columns)
    return scores


@pytest.mark.slow
def test_run_on_transactions_only_folder(tmp_path):
    from workbench.cli import main

    data = _transactions_only(tmp_path)
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    if START.exists():
        nbformat.write(nbformat.read(START, as_version=4), notebooks / START.name)
    else:
        _tiny_notebook(notebooks)
    out = tmp_path / "out"
    code = main(["run", "--data", str(data), "--out", str(out), "--language", "ru",
                 "--notebooks", str(notebooks)])
    assert code == 0
    executed = sorted((out / "notebooks").glob("*.ipynb"))
    assert [p.name for p in executed] == sorted(p.name for p in notebooks.glob("*.ipynb"))
    text = executed[0].read_text(encoding="utf-8")
    assert '"injected-parameters"' in text and "Traceback" not in text
    scores = _check_outputs(out, "ru")
    assert len(scores) == 120 and scores["customer_id"].str.len().eq(5).all()


@pytest.mark.slow
@pytest.mark.skipif(not (SAMPLE / "transactions.csv").exists() or not START.exists(),
                    reason="the bundled sample or notebooks/00_start_here.ipynb is not built yet")
def test_run_on_sample_with_start_notebook(tmp_path):
    from workbench.runner import run_workshop

    result = run_workshop(SAMPLE, tmp_path, language="en", notebooks=[START], progress=None)
    assert result.failed == {}
    _check_outputs(tmp_path, "en")


def test_execute_notebook_keeps_figures_when_caller_uses_agg(tmp_path, monkeypatch):
    import nbformat

    from workbench.runner import execute_notebook

    monkeypatch.setenv("MPLBACKEND", "Agg")  # as `make` exports it for the unit tests
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.show()"
    )]
    execute_notebook(nb, cwd=tmp_path)
    kinds = [o.get("output_type") for o in nb.cells[0].outputs]
    assert any("image/png" in o.get("data", {}) for o in nb.cells[0].outputs), kinds


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / "notebooks" / "07_packaging.ipynb").exists(),
                    reason="notebooks/07_packaging.ipynb is not built yet")
def test_run_takes_the_deliverables_from_step_7_without_recomputing(tmp_path):
    from workbench.runner import run_workshop

    data = _transactions_only(tmp_path)
    messages = []
    result = run_workshop(data, tmp_path / "out", language="ru",
                          notebooks=[ROOT / "notebooks" / "07_packaging.ipynb"],
                          progress=messages.append)
    assert result.failed == {}
    assert not any(m.startswith("deliverables (") for m in messages), messages
    scores = _check_outputs(tmp_path / "out", "ru")
    assert len(scores) == 120


# --- the runner never sits silent: timeouts, heartbeat, timing record, IPC kernels ----------

def _notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def test_cell_timeout_is_an_error_naming_notebook_and_cell(tmp_path):
    from workbench.runner import CellTimeout, execute_notebook

    nb = _notebook("x = 1", "import time\ntime.sleep(60)")
    with pytest.raises(CellTimeout, match=r"^slow_nb: cell 1 \(import time\) did not finish "
                                          r"within 3 s"):
        execute_notebook(nb, cwd=tmp_path, timeout=3, name="slow_nb")


def test_heartbeat_lines_and_per_cell_timing_record(tmp_path):
    from workbench.runner import execute_notebook

    nb = _notebook("import ipywidgets as W\nW.IntSlider(3)", "import time\ntime.sleep(2.5)",
                   "print(6 * 7)")
    lines, timings = [], []
    execute_notebook(nb, cwd=tmp_path, timeout=120, name="beat", heartbeat=1,
                     progress=lines.append, timings=timings)
    assert [i for i, _s in timings] == [0, 1, 2]
    assert timings[1][1] >= 2.5
    import re

    assert any(line.strip().startswith("... beat: cell 1 (import time) still running")
               for line in lines), lines
    assert all(re.fullmatch(r"\.\.\. beat: cell \d \(.*\) still running, \d+ s", line.strip())
               for line in lines), lines
    assert nb.cells[2].outputs[0]["text"] == "42\n"


def _gone(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.skipif(__import__("os").name == "nt", reason="os.kill(pid, 0) probes POSIX only")
def test_the_kernel_is_shut_down_when_its_notebook_ends(tmp_path):
    """No kernel outlives its notebook (else each prints "Parent appears to have exited")."""
    from workbench.runner import CellTimeout, execute_notebook

    nb = _notebook("import os\nprint(os.getpid())")
    execute_notebook(nb, cwd=tmp_path, name="done")
    assert _gone(int(nb.cells[0].outputs[0]["text"]))
    nb = _notebook("import os\nprint(os.getpid())", "import time\ntime.sleep(60)")
    with pytest.raises(CellTimeout):
        execute_notebook(nb, cwd=tmp_path, timeout=2, name="slow")
    assert _gone(int(nb.cells[0].outputs[0]["text"]))


def test_kernels_listen_on_private_ipc_sockets(tmp_path):
    import os

    from workbench.runner import _kernel_manager

    km = _kernel_manager("python3", str(tmp_path))
    if os.name != "nt":
        assert km.transport == "ipc" and km.ip == str(tmp_path / "k")


def _cell_times_ok(result, timeout):
    """No cell came near the timeout: a stall (nbclient#312) would sit at the timeout."""
    slow = {name: [(i, round(s)) for i, s in cells if s >= 0.9 * timeout]
            for name, cells in result.cell_seconds.items()}
    return {k: v for k, v in slow.items() if v}


WIDGET_HEAVY = ["03_priorities", "06_offers", "08_feedback_loop"]


@pytest.mark.slow
@pytest.mark.skipif(not all((ROOT / "notebooks" / f"{n}.ipynb").exists() for n in WIDGET_HEAVY),
                    reason="the widget-heavy notebooks are not built yet")
def test_widget_heavy_notebooks_never_stall(tmp_path):
    from workbench.runner import run_workshop

    timeout = 120
    paths = [ROOT / "notebooks" / f"{n}.ipynb" for n in WIDGET_HEAVY]
    for repeat in range(3):
        result = run_workshop(SAMPLE, tmp_path / f"run{repeat}", notebooks=paths,
                              report=False, deliverables=False, timeout=timeout,
                              progress=None)
        assert result.failed == {}, result.failed
        assert sorted(result.cell_seconds) == sorted(WIDGET_HEAVY)
        assert all(result.cell_seconds.values())
        assert _cell_times_ok(result, timeout) == {}


@pytest.mark.slow
@pytest.mark.skipif(not all((ROOT / "notebooks" / f"{n}.ipynb").exists() for n in WIDGET_HEAVY),
                    reason="the widget-heavy notebooks are not built yet")
def test_two_runs_at_once_finish(tmp_path):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "workbench.cli", "run", "--data", str(SAMPLE),
           "--only", *WIDGET_HEAVY, "--no-report", "--no-deliverables", "--cell-timeout", "120",
           "--heartbeat", "20"]
    procs = [subprocess.Popen([*cmd, "--out", str(tmp_path / f"out{i}")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(2)]
    outs = [p.communicate(timeout=1800) for p in procs]
    for p, (stdout, stderr) in zip(procs, outs, strict=True):
        assert p.returncode == 0, stderr[-2000:]
        assert "did not finish within" not in stdout + stderr
        assert "Kernel is running over TCP" not in stderr
        assert stdout.count("done in") == len(WIDGET_HEAVY)


# --- confidentiality and safe files, end to end on a hostile folder ------------------------

HOSTILE_ID = '=HYPERLINK("http://x","click")'
EMAIL = "ivan.petrov@example.com"
PHONE = "+7 (495) 123-45-67"
NAME = "Иван Петрович Сидоров"


def _hostile_folder(tmp_path):
    """The sample with hostile ids, a named client, e-mails and phones in the comments."""
    data = tmp_path / "client"
    data.mkdir()
    tables = {name: pd.read_csv(SAMPLE / f"{name}.csv", dtype=str, keep_default_na=False)
              for name in ("transactions", "customers", "feedback", "survey", "leads")}
    first = tables["customers"]["customer_id"].iloc[0]
    second = tables["customers"]["customer_id"].iloc[1]
    renames = {first: HOSTILE_ID, second: "@SUM(1+1)"}
    for frame in tables.values():
        if "customer_id" in frame:
            frame["customer_id"] = frame["customer_id"].replace(renames)
    tables["customers"].loc[0, "name"] = NAME
    fb = tables["feedback"]
    fb["text"] = fb["text"] + f" Пишите: {EMAIL}, тел. {PHONE}. {NAME}"
    sv = tables["survey"]
    sv.loc[sv.index[:50], "comment"] = f"call {PHONE} or {EMAIL}"
    for name, frame in tables.items():
        frame.to_csv(data / f"{name}.csv", index=False)
    return data, [first, second]


def _leaks(text, raw_ids):
    found = [s for s in (HOSTILE_ID, "HYPERLINK", "@SUM", EMAIL, PHONE, "123-45-67", NAME,
                         "Сидоров") if s in text]
    found += [i for i in raw_ids if f'"{i}"' in text or f">{i}<" in text or f"\n{i}," in text]
    return found


@pytest.mark.slow
@pytest.mark.skipif(not (SAMPLE / "transactions.csv").exists(), reason="no sample")
def test_pseudonymised_run_leaks_nothing_and_stores_no_absolute_path(tmp_path, monkeypatch):
    import zipfile

    from workbench.cli import main
    from workbench.runner import find_absolute_paths, notebook_paths

    data, raw_ids = _hostile_folder(tmp_path)
    out = tmp_path / "reports"
    monkeypatch.setenv("WORKBENCH_PSEUDONYMIZE_KEY", "s3cret-key")
    monkeypatch.chdir(tmp_path)
    only = [p.stem for p in notebook_paths()]
    code = main(["run", "--data", "client", "--out", "reports", "--cell-timeout", "300",
                 "--only", *only])
    assert code == 0
    files = {p.name: p for p in out.rglob("*") if p.is_file()}
    assert {"report.html", "actions.xlsx", "scores.csv", "action_lists.csv"} <= set(files)
    for name, path in files.items():
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(path) as z:
                text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        assert _leaks(text, raw_ids) == [], name
        assert "s3cret-key" not in text, name
        assert str(tmp_path) not in text, name
        if name.endswith(".ipynb"):
            assert find_absolute_paths(nbformat.reads(text, as_version=4)) == [], name
            assert "data_dir = '../../client'" in text or 'data_dir = \\"../../client\\"' in text
    scores = workbench.read_deliverable_csv(files["scores.csv"])
    assert scores["customer_id"].str.fullmatch(r"C[0-9a-f]{10}|lead:L[0-9a-f]{10}").all()


def test_write_summary_stores_a_relative_folder(tmp_path):
    from workbench.io import write_summary

    data = _transactions_only(tmp_path)
    text = write_summary(data.resolve(), tmp_path / "out")
    assert str(tmp_path) not in text and "../client" in text


def test_load_folder_pseudonymises_from_the_environment(tmp_path, monkeypatch):
    data = tmp_path / "client"
    data.mkdir()
    (data / "transactions.csv").write_text(
        f"customer_id,date,amount\n\"{HOSTILE_ID.replace(chr(34), chr(34) * 2)}\",2025-01-01,10\n"
        "C2,2025-01-02,5\n", encoding="utf-8")
    (data / "feedback.csv").write_text(
        "customer_id,date,kind,text\n"
        f"C2,2025-01-03,complaint,Call {PHONE} or {EMAIL} on 2025-01-03\n", encoding="utf-8")
    (data / "customers.csv").write_text(f"customer_id,name\nC2,{NAME}\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_PSEUDONYMIZE_KEY", "k")
    folder = workbench.load_folder(data)
    tx = folder.tables["transactions"]
    assert HOSTILE_ID not in set(tx["customer_id"]) and "C2" not in set(tx["customer_id"])
    assert folder.tables["feedback"]["text"].tolist() == [
        "Call [phone] or [e-mail] on 2025-01-03"]
    assert folder.tables["customers"]["name"].isna().all()
    monkeypatch.delenv("WORKBENCH_PSEUDONYMIZE_KEY")
    assert set(workbench.load_folder(data).tables["transactions"]["customer_id"]) == {
        HOSTILE_ID, "C2"}


def test_free_text_loses_client_names_when_pseudonymised(tmp_path):
    data = tmp_path / "client"
    data.mkdir()
    (data / "transactions.csv").write_text("customer_id,date,amount\nC2,2025-01-02,5\n",
                                           encoding="utf-8")
    (data / "customers.csv").write_text(f"customer_id,name\nC2,{NAME}\n", encoding="utf-8")
    (data / "feedback.csv").write_text(
        f"customer_id,date,kind,text\nC2,2025-01-03,praise,{NAME} is happy\n", encoding="utf-8")
    folder = workbench.load_folder(data, pseudonymize_key="k")
    assert folder.tables["feedback"]["text"].tolist() == ["[name] is happy"]


def test_redaction_leaves_relative_spellings_of_the_same_folder_alone():
    from workbench.runner import _redact

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("data_dir = '../../../../srv/client/data'")
    cell.outputs = [nbformat.v4.new_output("stream", text="read /srv/client/data/tx.csv\n")]
    nb.cells = [cell]
    _redact(nb, {"/srv/client/data": "../../../../srv/client/data"})
    assert nb.cells[0].source == "data_dir = '../../../../srv/client/data'"
    assert nb.cells[0].outputs[0]["text"] == "read ../../../../srv/client/data/tx.csv\n"


def test_run_options_reach_run_workshop(monkeypatch, tmp_path):
    import workbench.runner
    from workbench.cli import main

    seen = {}

    def fake(data, out, **kw):
        seen.update(kw)
        return workbench.runner.RunResult(out_dir=tmp_path)

    monkeypatch.setattr(workbench.runner, "run_workshop", fake)
    assert main(["run", "--data", str(tmp_path), "--out", str(tmp_path / "o"), "--engine",
                 "spark", "--jobs", "1", "--no-cache", "--no-fork"]) == 0
    assert (seen["engine"], seen["jobs"], seen["cache"], seen["fork_kernels"]) == (
        "spark", 1, False, False)
    assert main(["run", "--data", str(tmp_path), "--out", str(tmp_path / "o")]) == 0
    assert (seen["engine"], seen["jobs"], seen["cache"], seen["fork_kernels"]) == (
        None, None, True, True)


def test_default_jobs_follows_cores_and_folder_size(tmp_path, monkeypatch):
    import workbench.runner as runner

    (tmp_path / "transactions.csv").write_bytes(b"x" * 1000)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 2)
    assert runner.default_jobs(tmp_path) == 2
    monkeypatch.setattr(runner, "PARALLEL_MAX_BYTES", 999)
    assert runner.default_jobs(tmp_path) == 1
    monkeypatch.setattr(runner, "PARALLEL_MAX_BYTES", 10_000)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 1)
    assert runner.default_jobs(tmp_path) == 1


def test_start_order_puts_the_longest_notebooks_first_and_keeps_the_rest_in_order():
    from workbench.runner import LONGEST_FIRST, NOTEBOOK_DIR, notebook_paths, start_order

    names = ["00_a", "03_b", "05_costs_and_churn", "04_segmentation", "09_c"]
    assert start_order(names, names) == [
        "05_costs_and_churn", "04_segmentation", "00_a", "03_b", "09_c"]
    assert start_order([], []) == []
    shipped = {p.stem for p in notebook_paths(NOTEBOOK_DIR)} if NOTEBOOK_DIR.is_dir() else set()
    if shipped:  # a renamed notebook must not silently drop out of the priority list
        assert set(LONGEST_FIRST) <= shipped


class _FakeKm:
    def __init__(self, log, name):
        self.log, self.name = log, name

    async def is_alive(self):
        return True

    async def shutdown_kernel(self, now=False):
        self.log.append(("stop", self.name))

    async def cleanup_resources(self):
        pass


class _FakeKc:
    def stop_channels(self):
        pass


class TestKernelRuns:
    """The runner's scheduling of notebooks over kernels, with stand-in kernels."""

    def _runs(self, order, jobs, fail_at=None):
        from workbench.runner import _Kernel, _KernelRuns

        log, started = [], []

        async def start():
            name = f"k{len(started)}"
            started.append(name)
            return _Kernel(_FakeKm(log, name), _FakeKc(), None)

        async def run(i, kernel, since):
            if i == fail_at:
                raise RuntimeError(f"notebook {i}")
            log.append(("run", i, kernel.km.name))
            return i * 10

        return _KernelRuns(order, jobs, start, run), log, started

    @pytest.mark.parametrize("jobs", [1, 2, 3])
    def test_every_notebook_in_its_own_kernel_and_every_kernel_stopped(self, jobs):
        runs, log, started = self._runs([2, 0, 1, 3], jobs)
        assert runs.results() == {0: 0, 1: 10, 2: 20, 3: 30}
        runs.join()
        ran = [entry for entry in log if entry[0] == "run"]
        assert sorted(i for _, i, _ in ran) == [0, 1, 2, 3]
        assert len({k for _, _, k in ran}) == 4  # never a kernel reused
        # a worker starts its next kernel while its notebook runs: at most one per worker
        # goes unused, when another worker took the last notebook
        assert 4 <= len(started) <= 4 + min(jobs, 4) - 1
        assert sorted(k for what, k in (e[:2] for e in log) if what == "stop") == sorted(started)
        if jobs == 1:
            assert [i for _, i, _ in ran] == [2, 0, 1, 3]  # one at a time: the order given
            assert len(started) == 4  # none started after the last notebook

    def test_the_next_kernel_starts_while_a_notebook_runs(self):
        from workbench.runner import _Kernel, _KernelRuns

        events = []

        async def start():
            name = f"k{sum(e[0] == 'start' for e in events)}"
            events.append(("start", name))
            return _Kernel(_FakeKm([], name), _FakeKc(), None)

        async def run(i, kernel, since):
            import asyncio

            events.append(("begin", i))
            await asyncio.sleep(0.05)  # the next kernel's start runs meanwhile
            events.append(("end", i))
            return i

        runs = _KernelRuns([0, 1, 2], 1, start, run)
        assert runs.results() == {0: 0, 1: 1, 2: 2}
        runs.join()
        assert events == [("start", "k0"), ("begin", 0), ("start", "k1"), ("end", 0),
                          ("begin", 1), ("start", "k2"), ("end", 1), ("begin", 2), ("end", 2)]

    def test_an_error_stops_the_run_and_is_raised(self):
        runs, log, started = self._runs([0, 1, 2, 3], 1, fail_at=1)
        with pytest.raises(RuntimeError, match="notebook 1"):
            runs.results()
        assert [e[1] for e in log if e[0] == "run"] == [0]  # nothing started after the error
        assert sorted(e[1] for e in log if e[0] == "stop") == sorted(started)  # all stopped


def test_the_command_line_skips_jsonschemas_slow_optional_import():
    """rfc3987_syntax (3 s to import) stays out of the process; notebooks still validate."""
    import subprocess
    import sys

    code = ("import sys\nfrom workbench.cli import _skip_slow_optional_imports\n"
            "_skip_slow_optional_imports()\nimport nbformat\n"
            "nbformat.validate(nbformat.v4.new_notebook())\n"
            "print(sys.modules.get('rfc3987_syntax', 'absent'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() in ("None", "absent")

"""Kernels forked from the run's fork server behave as kernels started on their own."""

from __future__ import annotations

import os
import time

import nbformat
import pytest

from workbench import _kernelfork
from workbench._kernelfork import KernelForkServer, fork_supported
from workbench.runner import _execute_in, _kernel_environment, _start_kernel, _stop_kernel

pytestmark = pytest.mark.skipif(not fork_supported(), reason="forked kernels: Linux only")

PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "pandas", "matplotlib.pyplot",
           "ipywidgets")


def _notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def _sync(coro_fn):
    from jupyter_core.utils import run_sync

    return run_sync(coro_fn)()


def _gone(pid: int, wait: float = 10.0) -> bool:
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def server(tmp_path):
    srv = KernelForkServer(_kernel_environment({"WB_FORK_TEST": "server"}), tmp_path,
                           preload=PRELOAD)
    yield srv
    srv.close()


def _execute(nb, cwd, fork, env=None, timeout=60):
    async def go():
        kernel = await _start_kernel(cwd, env, fork=fork)
        try:
            await _execute_in(nb, kernel, cwd, timeout=timeout, name="forked",
                              store_widget_state=True)
        finally:
            await _stop_kernel(kernel)

    _sync(go)
    return nb


def _text(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_a_forked_kernel_is_an_ordinary_kernel_with_the_modules_imported(server, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    nb = _notebook(
        "import sys\nprint('pandas' in sys.modules, 'matplotlib.pyplot' in sys.modules)",
        "import os\nprint(os.getppid())\nprint(os.getcwd())\nprint(os.environ['WB_FORK_TEST'])",
        "print(len(sys.path))",
        "import pandas as pd\nprint(pd.get_option('display.max_columns'))",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4]);",
        "import ipywidgets as W\nW.IntSlider(3)",
    )
    _execute(nb, work, server, env={"WB_FORK_TEST": "kernel"})
    assert _text(nb.cells[0]) == "True True\n"  # imported before the first cell
    ppid, cwd, var = _text(nb.cells[1]).splitlines()
    assert int(ppid) == server.process.pid  # forked by the server
    assert os.path.realpath(cwd) == os.path.realpath(work)  # in the manager's folder
    assert var == "kernel"  # with the manager's environment
    assert _text(nb.cells[3]) == "20\n"  # pandas' setting inside a Jupyter kernel
    assert any("image/png" in o.get("data", {}) for o in nb.cells[4].outputs)  # inline figure
    data = nb.cells[5].outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]


def test_same_outputs_as_a_kernel_started_on_its_own(server, tmp_path):
    sources = (
        "import pandas as pd, numpy as np\n"
        "df = pd.DataFrame(np.arange(60).reshape(2, 30))\ndf",
        "import sys\nprint(sys.path)\nprint(sys.argv[0].endswith('ipykernel_launcher.py'))",
        "import os\nprint(sorted(k for k in os.environ if k.startswith(('JPY', 'WB', 'MPL'))))",
        "import warnings\nwarnings.warn('a warning')",
        "1 / 0",
    )
    forked = _notebook(*sources)
    forked.cells[-1].metadata["tags"] = ["raises-exception"]
    own = _notebook(*sources)
    own.cells[-1].metadata["tags"] = ["raises-exception"]
    _execute(forked, tmp_path, server)
    _execute(own, tmp_path, None)

    def outputs(nb):  # the kernel's process id names its cells' files
        import json
        import re

        cells = [[{k: v for k, v in o.items() if k != "execution_count"} for o in c.outputs]
                 for c in nb.cells]
        return re.sub(r"ipykernel_\d+", "ipykernel_PID", json.dumps(cells))

    assert outputs(forked) == outputs(own)


def test_interrupt_reaches_a_forked_kernel(server, tmp_path):
    async def go():
        import asyncio

        kernel = await _start_kernel(tmp_path, None, fork=server)
        try:
            kernel.kc.execute("import time\ntime.sleep(60)")
            await asyncio.sleep(1.0)
            await kernel.km.interrupt_kernel()
            while True:
                reply = await kernel.kc.get_shell_msg(timeout=20)
                if reply["msg_type"] == "execute_reply":
                    return reply["content"]
        finally:
            await _stop_kernel(kernel)

    content = _sync(go)
    assert content["status"] == "error" and content["ename"] == "KeyboardInterrupt"


def test_a_stopped_or_killed_kernel_is_gone_and_the_server_stays(server, tmp_path):
    from workbench.runner import CellTimeout

    nb = _notebook("import os\nprint(os.getpid())")
    _execute(nb, tmp_path, server)
    assert _gone(int(_text(nb.cells[0])))
    # a cell past its timeout: the kernel is killed (its launcher first, then by the server)
    nb = _notebook("import os\nprint(os.getpid())", "import time\ntime.sleep(60)")
    with pytest.raises(CellTimeout):
        _execute(nb, tmp_path, server, timeout=2)
    assert _gone(int(_text(nb.cells[0])))
    assert server.usable


def test_closing_the_server_kills_a_kernel_left_running(server, tmp_path):
    nb = _notebook("import os\nprint(os.getpid())")

    async def start_and_run():
        kernel = await _start_kernel(tmp_path, None, fork=server)
        await _execute_in(nb, kernel, tmp_path, name="left")
        return kernel

    kernel = _sync(start_and_run)
    try:
        pid = int(_text(nb.cells[0]))
        server.close()
        assert _gone(pid)
        assert not server.usable
    finally:
        async def stop():
            await _stop_kernel(kernel)

        _sync(stop)


def test_the_server_refuses_to_fork_when_a_preloaded_module_started_a_thread(tmp_path):
    module = tmp_path / "wb_threaded_module.py"
    module.write_text("import threading, time\n"
                      "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n")
    env = _kernel_environment({"PYTHONPATH": f"{tmp_path}{os.pathsep}"
                               f"{os.environ.get('PYTHONPATH', '')}"})
    srv = KernelForkServer(env, tmp_path, preload=("wb_threaded_module",))
    try:
        assert srv.process.wait(60) == 3
        assert not srv.usable
    finally:
        srv.close()


def test_command_is_left_alone_for_another_interpreter(server):
    cmd = ["/opt/other/python", "-m", "ipykernel_launcher", "-f", "c.json"]
    assert server.command(cmd) == cmd
    assert server.command(["julia", "kernel.jl"]) == ["julia", "kernel.jl"]


def test_fork_can_be_turned_off(monkeypatch):
    monkeypatch.setenv(_kernelfork.FORK_ENV, "0")
    assert not fork_supported()
    monkeypatch.setenv(_kernelfork.FORK_ENV, "1")
    assert fork_supported() and not fork_supported("ir")


def _two_notebooks(folder):
    for name in ("01_a", "02_b"):
        nb = _notebook("import os\nprint(os.getppid())", "print(6 * 7)")
        params = nbformat.v4.new_code_cell('data_dir = "x"\nlanguage = "en"')
        params.metadata["tags"] = ["parameters"]
        nb.cells.insert(0, params)
        nbformat.write(nb, folder / f"{name}.ipynb")
    return sorted(folder.glob("*.ipynb"))


def _run(tmp_path, monkeypatch, **kwargs):
    from workbench.runner import run_workshop

    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    nbs = tmp_path / "nbs"
    nbs.mkdir(exist_ok=True)
    lines = []
    result = run_workshop(data, tmp_path / "out", notebooks=_two_notebooks(nbs), report=False,
                          deliverables=False, cache=False, jobs=2, progress=lines.append,
                          **kwargs)
    assert result.failed == {}
    parents = set()
    for path in result.notebooks:
        nb = nbformat.read(path, as_version=4)
        assert _text(nb.cells[3]) == "42\n"  # after the parameters and the injected cell
        parents.add(int(_text(nb.cells[2])))
    return parents, lines


def test_a_run_forks_its_kernels_from_one_server(tmp_path, monkeypatch):
    parents, _ = _run(tmp_path, monkeypatch)
    assert len(parents) == 1 and os.getpid() not in parents
    parents, _ = _run(tmp_path, monkeypatch, fork_kernels=False)
    assert parents == {os.getpid()}  # their own processes, started by the run


def test_a_run_falls_back_to_its_own_kernels_when_forking_fails(tmp_path, monkeypatch):
    broken = tmp_path / "broken_launcher.py"
    broken.write_text("import sys\nsys.exit(1)\n")
    monkeypatch.setattr(_kernelfork, "_LAUNCHER", broken)
    parents, lines = _run(tmp_path, monkeypatch)
    assert parents == {os.getpid()}
    assert sum("forked kernel did not start" in line for line in lines) == 1

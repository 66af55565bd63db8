"""Kernels forked from a process that has already imported the heavy modules.

Every step notebook of ``workbench run`` runs in a fresh kernel, and every fresh kernel spent
3-5 s of CPU importing the same modules (ipykernel, pandas, matplotlib, scikit-learn and scipy
behind it, the workbench) before its first cell did any work: on the sample, about 40 % of a run.
A :class:`KernelForkServer` is one process, started per run in the kernels' environment and
folder, that imports those modules once (:data:`PRELOAD`) and then forks a kernel for each
request. A forked kernel starts with them imported; otherwise it is an ordinary ipykernel,
started with the same command-line arguments, in the working folder and the environment the
kernel manager gives it.

The kernel manager (:func:`forking_kernel_manager`) starts ``_kernel_launcher.py`` instead of
``python -m ipykernel_launcher``: a small process that asks the server for the kernel, passes
interrupts and termination on to it and exits with its status, so that the manager's
``is_alive``, interrupt, shutdown and kill work as with a kernel it started itself.

What a forked kernel shares with the server is what was imported before the fork, nothing
computed: the server imports modules and runs no workbench code. Modules that set themselves
up for an IPython shell when imported (the inline matplotlib backend) are not imported before
the fork; ipywidgets registers its comm targets in the kernel once the shell exists. A
module that cannot be imported is skipped (the kernel imports it itself, if it needs it).

Linux only (``fork`` of a process that imported numpy and matplotlib is not safe on macOS),
and only for the ``python3`` kernel of this interpreter; :data:`FORK_ENV` = ``0`` turns it off.
Any failure to start a forked kernel falls back to an ordinary one (see
:mod:`workbench.runner`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

#: Environment variable: ``0`` starts every kernel of a run as its own process (no fork server).
FORK_ENV = "WORKBENCH_FORK_KERNELS"

#: Imported by the server before it forks kernels: what the step notebooks' kernels import
#: (ipykernel itself and what it imports when a kernel starts, the notebooks' first cells, and
#: what the workbench imports on first use: scikit-learn and scipy for the churn model, the
#: clustering and the survey statistics, seaborn for the plots, xlsxwriter for the Excel file).
#: Measured: the modules of the sample run's kernels that were not imported before the fork.
PRELOAD: tuple[str, ...] = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",  # debugpy, imported when a kernel starts
    "IPython.core.history",
    "IPython.display",
    "sqlite3",
    "tornado.ioloop",
    "zmq",
    "zmq.eventloop.zmqstream",
    "pdb",
    "numpy",
    "pandas",
    "pyarrow",
    "pyarrow.parquet",
    "scipy.optimize",
    "scipy.special",
    "scipy.stats",
    "sklearn.calibration",
    "sklearn.cluster",
    "sklearn.frozen",
    "sklearn.impute",
    "sklearn.linear_model",
    "sklearn.metrics",
    "sklearn.mixture",
    "sklearn.model_selection",
    "sklearn.pipeline",
    "sklearn.preprocessing",
    "matplotlib",
    "matplotlib.pyplot",
    "PIL.Image",
    "PIL.PngImagePlugin",
    "seaborn",
    "xlsxwriter",
    "yaml",
    "ipywidgets",
    "workbench",
    "workbench.plotting",
    "workbench.widgets",
    "workbench.churn._model",
    "workbench.value",
    "workbench.segmentation.clustering",
    "workbench._testing",
)

_LAUNCHER = Path(__file__).with_name("_kernel_launcher.py")
_SERVER = Path(__file__).with_name("_kernel_server.py")


def fork_supported(kernel_name: str = "python3") -> bool:
    """Whether kernels of ``kernel_name`` can be forked here (Linux, this interpreter's
    ``python3`` kernel, not turned off by :data:`FORK_ENV`)."""
    if os.environ.get(FORK_ENV, "").strip() == "0":
        return False
    return sys.platform.startswith("linux") and hasattr(os, "fork") and kernel_name == "python3"


class KernelForkServer:
    """The fork server of one run: started in the kernels' environment and working folder.

    It binds its socket at once and imports :data:`PRELOAD` before it accepts the first
    request; a kernel asked for meanwhile waits for it. :meth:`close` stops the server (and
    kills a kernel still running, which :mod:`workbench.runner` never leaves).
    """

    def __init__(self, env: dict[str, str], cwd: str | os.PathLike,
                 preload: tuple[str, ...] = PRELOAD) -> None:
        import subprocess
        import tempfile

        self._dir = tempfile.mkdtemp(prefix="wb-fork-")
        self.socket_path = os.path.join(self._dir, "kernels")
        self.process = subprocess.Popen(
            [sys.executable, str(_SERVER), self.socket_path, *preload],
            env=env, cwd=str(cwd), stdin=subprocess.DEVNULL, start_new_session=True,
        )
        self.failed: str | None = None

    @property
    def usable(self) -> bool:
        """False once the server has exited or a forked kernel failed to start."""
        return self.failed is None and self.process.poll() is None

    def command(self, cmd: list[str]) -> list[str]:
        """The launcher's command line for the kernel command ``cmd``; ``cmd`` itself if it is
        not ``python -m ipykernel_launcher`` of this interpreter."""
        if (len(cmd) < 3 or cmd[1:3] != ["-m", "ipykernel_launcher"]
                or os.path.realpath(cmd[0]) != os.path.realpath(sys.executable)):
            return cmd
        return [sys.executable, "-I", "-S", str(_LAUNCHER), self.socket_path,
                str(self.process.pid), *cmd[3:]]

    def close(self) -> None:
        import shutil
        import signal
        import subprocess

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:  # pragma: no cover - the server exits on SIGTERM
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)


def forking_kernel_manager(kernel_name: str, server: KernelForkServer) -> Any:
    """An ``AsyncKernelManager`` whose kernels ``server`` forks."""
    from jupyter_client.manager import AsyncKernelManager

    class ForkingKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            return server.command(super().format_kernel_cmd(extra_arguments))

    return ForkingKernelManager(kernel_name=kernel_name)

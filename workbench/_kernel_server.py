"""The kernel fork server's process (see :mod:`workbench._kernelfork`).

Run as a script by its path (``python _kernel_server.py SOCKET MODULE...``), so that nothing is
imported before it decides how: it binds ``SOCKET``, imports the ``MODULE``s as a kernel would
(see :func:`serve`), and then forks a kernel for each request of ``_kernel_launcher.py``.
"""

import json
import os
import sys
from typing import Any

#: Modules that configure themselves for the IPython shell present at their import: never
#: imported before the fork (removed again if a preloaded module pulled one in).
_SHELL_BOUND = ("matplotlib_inline.backend_inline",)


def serve(socket_path: str, preload: list[str]) -> None:
    """Bind ``socket_path``, import ``preload``, then fork a kernel for every request.

    The modules are imported with the working folder off ``sys.path`` (as
    ``ipykernel_launcher`` does; the kernel's shell puts it back). A request is one JSON line
    (``argv``, ``cwd``, ``env``); the answer is ``{"pid": ...}`` and, once that kernel has
    exited, ``{"exit": status}``. A kernel whose launcher disconnects is killed. The server
    exits on SIGTERM or when its parent (the run) exits, killing the kernels left.
    """
    import gc
    import importlib
    import select
    import signal
    import socket
    import threading

    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    # Imported as in a kernel: a module that asks ``get_ipython()`` at import whether it runs in
    # a Jupyter kernel (pandas picks its display width so) is told it does. IPython's own
    # ``IPython.get_ipython`` still says no shell: what sets itself up for the shell at import
    # is kept out (_SHELL_BOUND) or set up in the kernel (ipywidgets).
    import builtins

    builtins.get_ipython = _ImportingInKernel  # type: ignore[attr-defined]
    # debugpy warns at import that frozen modules may hide breakpoints (a kernel started on its
    # own prints it into its captured output, where nobody sees it): not on the run's terminal
    validation = os.environ.get("PYDEVD_DISABLE_FILE_VALIDATION")
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    try:
        for name in preload:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001, S112 - the kernel imports what it needs itself
                continue
    finally:
        del builtins.get_ipython  # type: ignore[attr-defined]
        if validation is None:
            del os.environ["PYDEVD_DISABLE_FILE_VALIDATION"]
        else:
            os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = validation
    for name in _SHELL_BOUND:
        sys.modules.pop(name, None)
    if threading.active_count() > 1:  # never fork a process with threads running
        sys.stderr.write("workbench kernel fork server: a preloaded module started a thread; "
                         "kernels start as their own processes\n")
        sys.exit(3)
    gc.collect()
    gc.freeze()  # the preloaded objects stay shared with the kernels, not copied on write

    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)

    def stop(*_: Any) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    kernels: dict[int, socket.socket] = {}  # kernel pid -> its launcher's connection
    conns: dict[socket.socket, int] = {}

    def reap() -> None:
        while kernels:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = kernels.pop(pid, None)
            if conn is None:
                continue
            conns.pop(conn, None)
            code = os.waitstatus_to_exitcode(status)
            try:
                conn.sendall(b'{"exit": %d}\n' % (code if code >= 0 else 128 - code))
            except OSError:
                pass
            conn.close()

    def start(conn: socket.socket) -> None:
        conn.settimeout(30)
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(65536)
            if not chunk:
                conn.close()
                return
            data += chunk
        conn.settimeout(None)
        request = json.loads(data)
        pid = os.fork()
        if pid == 0:
            _kernel_child(request, [listener, *conns, conn], (wake_r, wake_w))
        kernels[pid] = conn
        conns[conn] = pid
        conn.sendall(b'{"pid": %d}\n' % pid)

    try:
        while os.getppid() == parent:
            ready, _, _ = select.select([listener, wake_r, *conns], [], [], 1.0)
            for item in ready:
                if item is wake_r:
                    os.read(wake_r, 4096)
                elif item is listener:
                    conn, _ = listener.accept()
                    try:
                        start(conn)
                    except (OSError, ValueError):
                        conn.close()
                elif item in conns and not item.recv(1):  # its launcher is gone: so is it
                    try:
                        os.kill(conns[item], signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            reap()
    finally:
        for pid in list(kernels):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in list(kernels):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        listener.close()
        try:
            os.unlink(socket_path)
        except OSError:
            pass


class _ImportingInKernel:
    """What ``get_ipython()`` returns to the modules the server imports: a kernel's shell, as
    far as an import-time check goes (it has a ``kernel``)."""

    kernel = True


def _kernel_child(request: dict, close: list, fds: tuple[int, int]) -> None:  # pragma: no cover
    """In the forked child: become the kernel the request asks for, then exit."""
    import atexit
    import signal
    import traceback

    code = 1
    try:
        for sock in close:
            sock.close()
        signal.set_wakeup_fd(-1)
        for fd in fds:
            os.close(fd)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import ipykernel_launcher
        from ipykernel.kernelapp import IPKernelApp

        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        # read from the environment when ipykernel was imported (in the server): from this one
        app = IPKernelApp.instance(parent_handle=int(os.environ.get("JPY_PARENT_PID") or 0))
        app.initialize(sys.argv[1:])
        widgets = sys.modules.get("ipywidgets")
        if widgets is not None:  # imported before the shell existed: register its comm targets
            widgets.register_comm_target()
        app.start()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - reported on the kernel's stderr
        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


if __name__ == "__main__":
    # the script's own folder (the package) is not a place to import modules from
    del sys.path[0]
    serve(sys.argv[1], sys.argv[2:])

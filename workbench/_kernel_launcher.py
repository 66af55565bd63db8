"""The process a kernel manager starts for a kernel forked by :mod:`workbench._kernelfork`.

Run as a script by its path (``python -I -S _kernel_launcher.py SOCKET SERVER_PID ARGS...``),
without the package, so that it starts in milliseconds. It asks the kernel fork server (process
``SERVER_PID``) listening on ``SOCKET`` for a kernel with the command-line arguments ``ARGS`` (``-f CONNECTION_FILE ...``),
in this process's working folder and environment, then stands in for that kernel towards the
kernel manager: SIGINT and SIGTERM are passed on to it, and this process exits with the
kernel's exit status once the kernel has exited. If this process is killed, the fork server
sees its connection close and kills the kernel.
"""

import json
import os
import signal
import socket
import sys
import time


def _connect(path, server):
    """Connect to the server's socket, waiting while the server (just started) binds it."""
    while True:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(path)
            return conn
        except (FileNotFoundError, ConnectionRefusedError):
            conn.close()
            try:
                os.kill(server, 0)
            except ProcessLookupError:
                return None
            time.sleep(0.02)


def main(argv):
    path, server, args = argv[0], int(argv[1]), argv[2:]
    conn = _connect(path, server)
    if conn is None:
        sys.stderr.write("kernel fork server is not running\n")
        return 1
    request = {"argv": args, "cwd": os.getcwd(), "env": dict(os.environ)}
    conn.sendall(json.dumps(request).encode("utf-8") + b"\n")
    reader = conn.makefile("rb")
    line = reader.readline()
    if not line:
        sys.stderr.write("kernel fork server closed the connection\n")
        return 1
    pid = json.loads(line)["pid"]

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    while True:
        try:
            line = reader.readline()
        except InterruptedError:  # pragma: no cover - PEP 475 retries reads
            continue
        if not line:  # the server went away: so did the kernel (it kills its kernels on exit)
            return 1
        status = json.loads(line).get("exit")
        if status is not None:
            return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Print an OpenBLAS core type other than the one this machine uses by default.

CI runs the notebook checks twice: under the machine's default BLAS kernel and under this one
(``OPENBLAS_CORETYPE=<printed name>``), so a check cell that depends on the last bits of a float
fails here, not on a newcomer's machine. With ``--check NAME`` it verifies that OpenBLAS really
runs NAME's kernels (exit 1 otherwise).
"""

from __future__ import annotations

import sys

#: Core types tried in order; each has kernels of its own in a DYNAMIC_ARCH OpenBLAS build.
CANDIDATES = ("Sandybridge", "Haswell", "SkylakeX", "Prescott")
#: What threadpoolctl reports for a requested core type (OpenBLAS names Prescott "Katmai").
REPORTED = {"Prescott": "Katmai"}


def architecture() -> str:
    import numpy  # noqa: F401  (loads OpenBLAS)
    from threadpoolctl import threadpool_info

    for info in threadpool_info():
        if info.get("internal_api") == "openblas":
            return str(info.get("architecture"))
    return ""


def main(argv: list[str]) -> int:
    current = architecture()
    if argv[:1] == ["--check"]:
        wanted = REPORTED.get(argv[1], argv[1])
        print(f"OpenBLAS kernel: {current}")
        return 0 if current.lower() == wanted.lower() else 1
    if not current:
        print("", end="")
        return 1
    other = next(c for c in CANDIDATES if REPORTED.get(c, c).lower() != current.lower())
    print(other)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

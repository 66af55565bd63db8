"""Build step: ship the curated notebooks and the sample business inside the wheel.

The notebooks are generated into ``notebooks/`` (``tools/build_notebooks.py``; Russian ones in
``notebooks/ru/``) and the sample lives in ``data/samples/``; neither is copied into
``workbench/`` by hand. At build time they are copied into the built package as
``workbench/_bundle/notebooks/`` and ``workbench/_bundle/samples/``, where
:func:`workbench.datasets.bundled_dir` finds them (``importlib.resources``) when the workbench
runs from an installed wheel rather than from a checkout. Everything else is in
``pyproject.toml``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
NOTEBOOK = re.compile(r"^(\d\d_[a-z0-9_]+|dashboard)\.ipynb$")


def _bundle_files() -> list[tuple[Path, str]]:
    """(source file, path inside workbench/_bundle) of every file the wheel carries."""
    files = []
    for sub in ("", "ru"):
        folder = ROOT / "notebooks" / sub
        if folder.is_dir():
            files += [(p, f"notebooks/{sub + '/' if sub else ''}{p.name}")
                      for p in sorted(folder.iterdir()) if NOTEBOOK.match(p.name)]
    samples = ROOT / "data" / "samples"
    if samples.is_dir():
        files += [(p, "samples/" + p.relative_to(samples).as_posix())
                  for p in sorted(samples.rglob("*")) if p.is_file()]
    return files


class BuildWithBundle(build_py):
    """``build_py`` that also copies the notebooks and the sample into the package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "workbench" / "_bundle"
        if target.exists():
            shutil.rmtree(target)
        for source, name in _bundle_files():
            dest = target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)


setup(cmdclass={"build_py": BuildWithBundle})

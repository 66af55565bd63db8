"""environment.yml (conda) must name the same packages and specifiers as pyproject.toml."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
CONDA_TO_PYPI: dict[str, str] = {}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject() -> tuple[dict[str, SpecifierSet], str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    extras = project["optional-dependencies"]
    reqs = list(project["dependencies"]) + [r for name in ("test", "lab", "dashboard")
                                            for r in extras[name]]
    out = {}
    for r in reqs:
        req = Requirement(r)
        out[_norm(req.name)] = req.specifier
    return out, project["requires-python"]


def _environment() -> tuple[dict[str, SpecifierSet], str, dict]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    out, python = {}, None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep)
        name, spec = m.group(1), m.group(2).replace(" ", "")
        if name == "python":
            python = spec
            continue
        if name == "pip":
            continue
        out[_norm(CONDA_TO_PYPI.get(name, name))] = SpecifierSet(spec)
    return out, python, env


def test_same_packages_and_specifiers():
    pyp, _ = _pyproject()
    conda, _, _ = _environment()
    assert sorted(pyp) == sorted(conda), (
        f"only in pyproject: {sorted(set(pyp) - set(conda))}; "
        f"only in environment.yml: {sorted(set(conda) - set(pyp))}"
    )
    drift = {n: (str(conda[n]), str(pyp[n])) for n in pyp if conda[n] != pyp[n]}
    assert not drift, f"specifier drift (environment.yml vs pyproject): {drift}"


def test_python_spec_and_channel_and_editable_install():
    _, requires_python = _pyproject()
    _, python, env = _environment()
    assert python == requires_python
    assert SpecifierSet(requires_python).contains(
        f"{sys.version_info.major}.{sys.version_info.minor}"
    )
    assert "conda-forge" in env["channels"]
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert pip_sections and "-e ." in pip_sections[0]

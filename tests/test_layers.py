"""The layers: computation modules never import the text layer or the catalogue.

Computation returns data and keys (strategy keys, action keys, risk-band codes, reason codes);
sentences, display tables and labels are applied on top, in ``workbench.narrative``,
``workbench.plotting``, ``workbench.widgets`` and the deliverables. This test reads every
module's source (imports at any depth, also inside functions) so that a lazy import cannot
hide a dependency. Where a computation needs texts its caller cannot pass (a load report's
summary, a wide export read by its question texts), the text layer registers them
(``workbench.io._messages``, ``workbench.survey._layer``, ``workbench.workshop``).
"""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"

#: The text layer and the catalogue.
TEXT = ("workbench.narrative", "workbench.i18n", "workbench._i18n")

#: Edges: they put labels on computed keys, or run and assemble notebooks. The package
#: namespaces ``workbench`` and ``workbench.survey`` give the text layer's names beside the
#: computation's (``workbench.survey`` imports them on first use).
EDGES = (
    "narrative/*", "plotting/*", "widgets/*", "_i18n/*", "i18n.py", "report.py", "runner.py",
    "cli.py", "__init__.py", "__main__.py", "deliverables.py", "survey/__init__.py",
)

def _modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(rel, pat) for pat in patterns)


def _text_imports(rel: str) -> list[tuple[int, str, str]]:
    """(line, enclosing function, module) of every import of the text layer in ``rel``."""
    tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, func: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else func
            targets = []
            if isinstance(child, ast.Import):
                targets = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module:
                base = child.module
                targets = [base] + [f"{base}.{a.name}" for a in child.names]
            for target in targets:
                if any(target == m or target.startswith(m + ".") for m in TEXT):
                    found.append((child.lineno, name, target))
                    break
            visit(child, name)

    visit(tree, "")
    return found


COMPUTATION = [m for m in _modules() if not _matches(m, EDGES)]


def test_the_computation_modules_are_found():
    assert {"expectations.py", "priorities.py", "offers.py", "feedback.py"} <= set(COMPUTATION)


@pytest.mark.parametrize("rel", COMPUTATION)
def test_computation_module_does_not_import_the_text_layer(rel):
    bad = _text_imports(rel)
    assert not bad, (
        f"workbench/{rel} imports the text layer {bad}: return keys and data, and put the "
        "sentence or label in workbench.narrative"
    )


def test_the_survey_namespace_imports_the_text_layer_only_on_first_use():
    """``import workbench.survey`` alone does not load the text layer (no import cycle)."""
    import subprocess
    import sys

    code = "; ".join([
        "import sys, types",
        "sys.modules['workbench'] = types.ModuleType('workbench')",  # its modules, not __init__
        f"sys.modules['workbench'].__path__ = [{str(PACKAGE)!r}]",
        "import workbench.survey as s",
        "print(any(m.startswith('workbench.narrative') for m in sys.modules))",
        "s.write_questionnaire",
        "print(any(m.startswith('workbench.narrative') for m in sys.modules))",
    ])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]

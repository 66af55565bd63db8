"""Combine executed workshop notebooks into one self-contained ``report.html``.

The report is for the client's management: prose, tables and plots, no code. All executed
notebooks are merged into one notebook (a table of contents first, one chapter per notebook,
their widget states merged), rendered once with nbconvert's ``lab`` template and
``exclude_input=True``. Plots are embedded PNGs; the widget renderer (``embed-amd.js`` from
``@jupyter-widgets/html-manager``) and ``require.js`` are vendored in ``workbench/static`` and
inlined as data URIs, so the file opens offline with its widgets drawn from the saved state.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from workbench.i18n import check_language, t

__all__ = ("REPORT_REMOVE_TAGS", "build_report_html", "write_report")

#: Cells with these tags are left out of the report (workshop-only material, setup, parameters,
#: and the ✅ check cells, whose terse numbers are for CI, not for management).
REPORT_REMOVE_TAGS: frozenset[str] = frozenset({
    "parameters", "injected-parameters", "hide", "solution", "workshop-only", "remove-report",
    "nbval-check-output",
})

_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]+src=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)


_REQUIRE_MARK = "WORKBENCH_REQUIRE_JS"
_EMBED_MARK = "WORKBENCH_EMBED_JS"


def _static(name: str) -> str:
    return files("workbench").joinpath("static", name).read_text(encoding="utf-8")


def _inline_javascript(body: str) -> str:
    """Replace the exporter's CDN script URLs by the vendored files, inlined once each.

    ``require.js`` becomes an inline script. The widget renderer is loaded by nbconvert's
    snippet through ``script.src``; it is stored once in a ``text/plain`` script block and
    handed over as a Blob URL, so the 3.6 MB file is neither duplicated nor base64-inflated.
    """
    require_tag = f'<script src="{_REQUIRE_MARK}"></script>'
    body = body.replace(require_tag, "<script>\n" + _static("require.js") + "\n</script>", 1)
    if _EMBED_MARK in body:
        holder = (
            '<script type="text/plain" id="workbench-embed-amd">'
            + _static("embed-amd.js")
            + "</script>\n<script>window.workbenchEmbedUrl = URL.createObjectURL(new Blob("
            "[document.getElementById('workbench-embed-amd').textContent],"
            " {type: 'text/javascript'}));</script>\n"
        )
        body = body.replace(f"'{_EMBED_MARK}'", "window.workbenchEmbedUrl")
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + holder, body, count=1)
    return body


def _title(nb: Any, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _merge(executed: Sequence[tuple[str, Any]], language: str) -> Any:
    import nbformat

    merged = nbformat.v4.new_notebook()
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
    toc = [f"# {t('ws.report.title', language)}", "", f"## {t('ws.report.contents', language)}",
           ""]
    state: dict[str, Any] = {}
    chapters = []
    for stem, nb in executed:
        title = _title(nb, stem)
        toc.append(f"1. [{title}](#{stem})")
        chapters.append(nbformat.v4.new_markdown_cell(f'<a id="{stem}"></a>\n\n---'))
        for cell in nb.cells:
            tags = set(cell.metadata.get("tags", []))
            if tags & REPORT_REMOVE_TAGS:
                continue
            cell = copy.deepcopy(cell)
            cell.pop("id", None)
            chapters.append(cell)
        widgets = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {})
        state.update(widgets.get("state", {}))
    merged.cells = [nbformat.v4.new_markdown_cell("\n".join(toc)), *chapters]
    for cell in merged.cells:
        cell.pop("id", None)
    merged.nbformat_minor = 4
    if state:
        merged.metadata["widgets"] = {
            _WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": state}
        }
    return merged


def build_report_html(executed: Sequence[tuple[str, Any]], language: str | None = None) -> str:
    """Return the report HTML for executed notebooks given as ``(name, notebook)`` pairs.

    Parameters
    ----------
    executed : sequence of (str, NotebookNode)
        Notebook names (anchors of the table of contents) and executed notebooks, in order.
    language : {"en", "ru"}, optional
        Language of the report's own headings.

    Returns
    -------
    str
        One HTML document: no code cells, images inline, widget JS inline, no external script.
    """
    from nbconvert import HTMLExporter

    language = check_language(language)
    merged = _merge(executed, language)
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.require_js_url = _REQUIRE_MARK
    exporter.widget_renderer_url = _EMBED_MARK
    resources = {"metadata": {"name": t("ws.report.title", language)}, "language_code": language}
    body, _ = exporter.from_notebook_node(merged, resources=resources)
    # MathJax (only needed for LaTeX) and any other CDN script: dropped, the report is offline.
    body = _EXTERNAL_SCRIPT.sub("", body)
    body = _inline_javascript(body)
    return body


def write_report(
    executed: Sequence[tuple[str, Any]],
    path: str | os.PathLike,
    language: str | None = None,
) -> Path:
    """Write :func:`build_report_html` to ``path``; return the path."""
    path = Path(path)
    path.write_text(build_report_html(executed, language), encoding="utf-8")
    return path

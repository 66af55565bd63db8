"""Combine executed workshop notebooks into one self-contained ``report.html`` (and ``report.pdf``).

The report is what the consultant sends to the client's CEO: prose, tables and plots, no code.
Page 1 is the executive summary, written from the numbers step 7 saved
(:func:`save_summary_facts`); then one chapter per step (its headline, plots, tables, the
computed reading as ordinary paragraphs and the decision); the analyst material — the data
model and load reports of step 0, cells tagged ``analyst`` (model diagnostics, BTYD data), the
software versions — goes to an appendix at the end. All executed notebooks are merged into one
notebook (their widget states merged), rendered once with nbconvert's ``lab`` template and
``exclude_input=True``, with a print stylesheet; :func:`write_pdf` prints it with the headless
Chromium the browser test uses. Plots are embedded PNGs; the widget renderer (``embed-amd.js`` from
``@jupyter-widgets/html-manager``) and ``require.js`` are vendored in ``workbench/static`` and
inlined as data URIs, so the file opens offline with its widgets drawn from the saved state.
"""

from __future__ import annotations

import copy
import html
import json
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from workbench.i18n import check_language, t

__all__ = (
    "REPORT_REMOVE_TAGS",
    "SUMMARY_FACTS",
    "build_report_html",
    "fixed_pdf_dates",
    "save_summary_facts",
    "summary_facts",
    "write_pdf",
    "write_report",
)

#: Cells with these tags are left out of the report (workshop-only material, setup, parameters,
#: and the ✅ check cells, whose terse numbers are for CI, not for management).
REPORT_REMOVE_TAGS: frozenset[str] = frozenset({
    "parameters", "injected-parameters", "hide", "solution", "workshop-only", "remove-report",
    "nbval-check-output",
})

#: Cells with this tag go to the analyst appendix (model diagnostics, data for modellers).
ANALYST_TAG = "analyst"
#: Notebooks that are analyst material as a whole (the data model and the load reports).
ANALYST_NOTEBOOKS: frozenset[str] = frozenset({"00_start_here"})
#: The file (in the run's output folder) where step 7 leaves the numbers of page 1.
SUMMARY_FACTS = "summary_facts.json"

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


def _is_versions(cell: Any) -> bool:
    return cell.cell_type == "code" and "workbench.versions()" in cell.source


def _prose_html(text: str) -> str:
    """Printed prose as HTML paragraphs (and lists): no monospace, no words broken mid-way."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]
    parts = []
    for block in blocks:
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        items = [re.match(r"^\s*(?:[-•*]|\d+[.)])\s+(.*)$", line) for line in lines]
        if len(lines) > 1 and all(items[1:]):
            head = "" if items[0] else f"<p>{html.escape(lines[0])}</p>"
            rows = [m.group(1) for m in items if m] if items[0] else [m.group(1) for m in items[1:]]
            parts.append(head + "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rows)
                         + "</ul>")
        elif all(items) and len(lines) > 1:
            parts.append("<ul>" + "".join(f"<li>{html.escape(m.group(1))}</li>" for m in items)
                         + "</ul>")
        elif len(lines) > 1 and all(60 <= len(line) <= _WRAP_WIDTH for line in lines[:-1]):
            # a paragraph the describe_* function wrapped: one flowing paragraph
            parts.append("<p>" + html.escape(" ".join(line.strip() for line in lines)) + "</p>")
        elif any(len(line) > _WRAP_WIDTH for line in lines):
            # one sentence or note per (unwrapped) line: one paragraph each
            parts.extend(f"<p>{html.escape(line)}</p>" for line in lines)
        else:
            parts.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return '<div class="wb-prose">' + "".join(parts) + "</div>"


#: The widest line a describe_* function wraps to; a longer line is a paragraph of its own.
_WRAP_WIDTH = 100

#: A table cell that holds a number as the text layer writes it (grouped digits, decimal mark,
#: true minus, a percent, a currency or unit), a dash for a missing value, or nothing.
_NUMBER_CELL = re.compile(
    r"[+\u2212-]?[$€£]?\d[\d\u00a0 ,.]*"
    r"(?:[\u00a0 ]?(?:%|₽|\$|€|£|₸|¥|Br|₴|[A-Z]{3}|п\.\u00a0п\.|pp))?|[—–-]?")
_TD = re.compile(r"<td>([^<]*)</td>")


def _align_text_cells(body: str) -> str:
    """Left-align the table cells that hold words (the notebook style right-aligns every cell:
    right for numbers, which line up, left for text, which reads)."""
    def one(m: re.Match) -> str:
        inner = m.group(1)
        if _NUMBER_CELL.fullmatch(html.unescape(inner).strip()):
            return m.group(0)
        return f'<td class="wb-text">{inner}</td>'

    return _TD.sub(one, body)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«“\"(]?[A-ZА-ЯЁ0-9`])")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_FENCE = re.compile(r"```.*?```", re.S)
#: The opening "In this notebook we will:" list and the closing "In this notebook we:" recap
#: speak of the notebook, not of the client.
_NOTEBOOK_PLAN = re.compile(
    r"^(?:\*\*|#{1,6}\s+)(In this notebook we|В этой тетради мы)[^*\n]*(?:\*\*)?\s*$")
_LIST_BLOCK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


def for_management(markdown: str) -> str:
    r"""A notebook's markdown as management reads it: no sentence that names code.

    The notebooks speak to the consultant too ("``workbench.gap_analysis`` gives the means",
    "set ``focus_segment``"); the report is for the client's CEO. Every sentence holding an
    inline code span, and every fenced code block, is left out; headings, lists and the other
    sentences stay as written. A paragraph left empty disappears, and so do the opening
    "In this notebook we will:" list and the closing "In this notebook we:" recap (they
    describe the notebook, not the client). Section
    numbers are dropped from headings (analyst sections move to the appendix, and the
    numbering would show gaps).

    Examples
    --------
    >>> for_management("## Gaps\n\nClients want speed. `workbench.gap_analysis` gives the "
    ...                "means. Read them aloud.")
    '## Gaps\n\nClients want speed. Read them aloud.'
    """
    text = _FENCE.sub("", markdown)
    # section numbers: some sections go to the appendix, so "1 … 3" would show a gap
    text = re.sub(r"(?m)^(#{2,6} )\d+\.\s+", r"\1", text)
    blocks = re.split(r"\n\s*\n", text)
    kept = []
    skip_list = False
    for block in blocks:
        first, _, rest = block.strip().partition("\n")
        if _NOTEBOOK_PLAN.match(first):  # the plan, its list in the same block or the next
            skip_list = not rest.strip()
            continue
        if skip_list and _LIST_BLOCK.match(block):
            skip_list = False
            continue
        skip_list = False
        if not _CODE_SPAN.search(block):
            kept.append(block)
            continue
        lines = []
        for line in block.split("\n"):
            lead = re.match(r"^(\s*(?:[-*•]|\d+[.)]|>)?\s*)", line).group(1)
            body = line[len(lead):]
            sentences = [s for s in _SENTENCE_END.split(body) if not _CODE_SPAN.search(s)]
            if sentences:
                lines.append(lead + " ".join(sentences))
            elif not lead.strip() and lines and not body.strip():
                lines.append(line)
        # a paragraph wrapped over several lines: join, filter, keep the rest as one paragraph
        joined = " ".join(block.split("\n"))
        if not re.match(r"^\s*(?:[-*•]|\d+[.)]|#)", block) and "\n" in block.strip():
            sentences = [s for s in _SENTENCE_END.split(joined) if not _CODE_SPAN.search(s)]
            lines = [" ".join(sentences)] if sentences else []
        if any(line.strip() for line in lines):
            kept.append("\n".join(lines))
    return "\n\n".join(b for b in kept if b.strip()).strip("\n")


def _as_report_cell(cell: Any) -> Any:
    """Copy of a cell for the report: stdout prose becomes paragraphs, ids dropped, markdown
    without the sentences that name code (:func:`for_management`)."""
    import nbformat

    cell = copy.deepcopy(cell)
    cell.pop("id", None)
    if cell.cell_type == "markdown":
        cell.source = for_management(cell.source)
    if cell.cell_type == "code":
        outputs, pending = [], []

        def flush() -> None:  # one run of stdout, however the kernel split it into messages
            text = "".join(pending)
            pending.clear()
            if text.strip():
                outputs.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": _prose_html(text), "text/plain": text}))

        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                pending.append(out.get("text", ""))
                continue
            flush()
            outputs.append(out)
        flush()
        cell.outputs = outputs
    return cell


_ELEMENT_ID = re.compile(
    r'id="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"')


def stable_element_ids(document: str) -> str:
    """``document`` with the random ``uuid4`` element ids nbconvert gives each widget output
    replaced by ids numbered in order of appearance (every use of an id renamed alike).

    Examples
    --------
    >>> uid = "17e39576-6ae7-409b-acc6-d09bfd352aea"
    >>> print(stable_element_ids(f'<div id="{uid}"></div><script>get("{uid}")</script>'))
    <div id="00000000-0000-0000-0000-000000000001"></div><script>get("00000000-0000-0000-0000-000000000001")</script>
    """
    names: dict[str, str] = {}
    for found in _ELEMENT_ID.finditer(document):
        if found.group(1) not in names:
            n = f"{len(names) + 1:032x}"
            names[found.group(1)] = f"{n[:8]}-{n[8:12]}-{n[12:16]}-{n[16:20]}-{n[20:]}"
    if not names:
        return document
    pattern = re.compile("|".join(map(re.escape, names)))
    return pattern.sub(lambda m: names[m.group(0)], document)


_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF = "IPY_MODEL_"


def _model_refs(value: Any):
    """The model ids ``value`` refers to (``"IPY_MODEL_<id>"``), in a fixed order."""
    if isinstance(value, str):
        if value.startswith(_MODEL_REF):
            yield value[len(_MODEL_REF):]
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _model_refs(value[key])
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _model_refs(item)


def _renamed(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        if value.startswith(_MODEL_REF) and value[len(_MODEL_REF):] in names:
            return _MODEL_REF + names[value[len(_MODEL_REF):]]
        return value
    if isinstance(value, dict):
        return {k: _renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, names) for v in value]
    return value


def stable_widget_ids(cells: list, state: dict) -> dict:
    """Give the widget models ids that depend on the document only, not on the kernel's random
    ``uuid4`` ones, so that a re-run writes the same bytes.

    Models are numbered in the order the cells display them, each followed by the models it
    refers to; models nothing displays follow, in the order of their own content. The views in
    ``cells`` are renamed in place; the renamed state is returned.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell()
    >>> cell.outputs = [nbformat.v4.new_output("display_data", data={
    ...     "application/vnd.jupyter.widget-view+json": {"model_id": "f00d"}})]
    >>> state = {"beef": {"state": {}}, "f00d": {"state": {"children": ["IPY_MODEL_beef"]}}}
    >>> new = stable_widget_ids([cell], state)
    >>> list(new)
    ['00000000000000000000000000000001', '00000000000000000000000000000002']
    >>> new['00000000000000000000000000000001']
    {'state': {'children': ['IPY_MODEL_00000000000000000000000000000002']}}
    """
    order: list[str] = []
    seen: set[str] = set()

    def visit(model: str) -> None:
        stack = [model]
        while stack:
            mid = stack.pop()
            if mid in seen or mid not in state:
                continue
            seen.add(mid)
            order.append(mid)
            stack.extend(reversed(list(_model_refs(state[mid]))))

    views = []
    for cell in cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            view = out.get("data", {}).get(_WIDGET_VIEW)
            if isinstance(view, dict) and "model_id" in view:
                views.append(view)
                visit(view["model_id"])
    masked = {m: json.dumps(_renamed(v, {r: "" for r in _model_refs(v)}), sort_keys=True)
              for m, v in state.items() if m not in seen}
    for model in sorted(masked, key=masked.__getitem__):
        visit(model)
    names = {old: f"{i + 1:032x}" for i, old in enumerate(order)}
    for view in views:
        if view["model_id"] in names:
            view["model_id"] = names[view["model_id"]]
    return {names[m]: _renamed(state[m], names) for m in order}


def _markdown(text: str) -> Any:
    import nbformat

    return nbformat.v4.new_markdown_cell(text)


def summary_markdown(facts: dict | None, language: str | None = None) -> str:
    """The executive summary (page 1) in ``language``, from :func:`summary_facts`.

    Parameters
    ----------
    facts : dict or None
        What :func:`summary_facts` returned (read back from ``summary_facts.json``); ``None``
        when step 7 did not run.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Markdown: the client base, the findings, the decisions and the expected result, each
        with a link to its step.
    """
    from workbench.narrative import date, money, percent, quantity

    lang = check_language(language)
    lines = ['<a id="summary"></a>', "", f"# {t('report.summary.title', lang)}", ""]
    if not facts:
        return "\n".join([*lines, t("report.summary.missing", lang)])
    cur = facts.get("currency")
    days = quantity(facts["horizon_days"], "day", lang)
    company = facts.get("company")
    lines += [t("report.summary.base_company" if company else "report.summary.base", lang,
                company=company, clients=quantity(facts["n_clients"], "customer", lang),
                revenue=money(facts["revenue"], lang, currency=cur),
                start=date(facts["start"], lang, long=True),
                end=date(facts["end"], lang, long=True)), ""]
    rows = facts.get("strategies", [])

    def known(row: dict, key: str) -> float:  # a list without a churn estimate: nothing at risk
        value = row.get(key)
        return 0.0 if value is None or value != value else float(value)

    total_risk = sum(known(r, "value_at_risk") for r in rows)
    high = sum(r["n_high_risk"] for r in rows)
    lines += [f"## {t('report.summary.findings', lang)}", "",
              "- " + t("report.summary.risk", lang, high=quantity(high, "customer", lang),
                       horizon=days, value_at_risk=money(total_risk, lang, currency=cur))]
    if rows:
        top = max(rows, key=lambda r: known(r, "value_at_risk"))
        lines.append("- " + t("report.summary.largest", lang,
                              strategy=t(f"strategy.{top['strategy']}", lang),
                              n=quantity(top["n_customers"], "customer", lang),
                              value_at_risk=money(known(top, "value_at_risk"), lang,
                                                  currency=cur)))
    if facts.get("offer_cost") is None:  # nothing priced: no invented offer, no expected gain
        lines += ["", f"## {t('report.summary.decisions', lang)}", "",
                  "- " + t("report.summary.offer_unpriced", lang)]
        return "\n".join(lines)
    lines += ["", f"## {t('report.summary.decisions', lang)}", "",
              "- " + t("report.summary.offer", lang,
                       offer_cost=money(facts["offer_cost"], lang, currency=cur, digits=2,
                                        trim=True),
                       success=percent(facts["success_rate"], 0, lang)),
              "- " + t("report.summary.contact", lang, n_target=quantity(
                  sum(r["n_target"] for r in rows), "customer", lang, case="ins")),
              "", f"## {t('report.summary.expected', lang)}", "",
              "- " + t("report.summary.gain", lang, horizon=days, gain=money(
                  sum(known(r, "expected_gain") for r in rows), lang, currency=cur))]
    return "\n".join(lines)


def _merge(executed: Sequence[tuple[str, Any]], language: str,
           facts: dict | None = None) -> Any:
    import nbformat

    merged = nbformat.v4.new_notebook()
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
    state: dict[str, Any] = {}
    chapters, appendix, versions = [], [], None
    toc = [f"## {t('ws.report.contents', language)}", "",
           f"1. [{t('report.summary.title', language)}](#summary)"]
    for stem, nb in executed:
        title = _title(nb, stem)
        whole_appendix = stem in ANALYST_NOTEBOOKS
        if not whole_appendix:
            toc.append(f"1. [{title}](#{stem})")
            chapters.append(_markdown(f'<a id="{stem}"></a>\n\n---'))
        section_started = False
        for cell in nb.cells:
            tags = set(cell.metadata.get("tags", []))
            if _is_versions(cell):
                versions = _as_report_cell(cell)
                continue
            if tags & REPORT_REMOVE_TAGS:
                continue
            if whole_appendix or ANALYST_TAG in tags:
                report_cell = _as_report_cell(cell)
                own_title = (report_cell.cell_type == "markdown"
                             and report_cell.source.lstrip().startswith(f"# {title}"))
                if not section_started and not own_title:
                    appendix.append(_markdown(f"## {title}"))
                section_started = True
                if report_cell.cell_type == "markdown":  # headings one level down
                    report_cell.source = re.sub(r"(?m)^(#{1,5}) ", r"#\1 ", report_cell.source)
                appendix.append(report_cell)
                continue
            chapters.append(_as_report_cell(cell))
        widgets = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {})
        state.update(widgets.get("state", {}))
    if versions is not None:
        appendix.append(versions)
    appendix = [*_control_questions_cells(facts, language), *appendix]
    if appendix:
        toc.append(f"1. [{t('report.appendix', language)}](#appendix)")
        appendix = [_markdown(f'<a id="appendix"></a>\n\n---\n\n# {t("report.appendix", language)}'
                              f"\n\n{t('report.appendix.intro', language)}"), *appendix]
    head = [_markdown(f"# {t('ws.report.title', language)}"),
            _markdown(summary_markdown(facts, language)), _markdown("\n".join(toc))]
    merged.cells = [*head, *chapters, *appendix]
    for cell in merged.cells:
        cell.pop("id", None)
    merged.nbformat_minor = 4
    if state:
        merged.metadata["widgets"] = {
            _WIDGET_STATE: {"version_major": 2, "version_minor": 0,
                            "state": stable_widget_ids(merged.cells, state)}
        }
    return merged


def _control_questions_cells(facts: dict | None, language: str) -> list:
    """The appendix section of the course's 43 control questions with the room's answers.

    The answers come from the workshop file, through :func:`summary_facts`; nothing is shown
    when the room answered none.
    """
    answers = (facts or {}).get("control_questions")
    if not answers:
        return []
    from workbench.narrative import (
        control_checklist,
        describe_control_questions,
        format_control_questions,
    )

    checklist = control_checklist({int(k): str(v) for k, v in answers.items()})
    table = format_control_questions(checklist, language).to_html(index=False, border=0,
                                                                 justify="left")
    return [_markdown(f"## {t('cq.title', language)}\n\n"
                      f"{describe_control_questions(checklist, language)}\n\n{table}")]


_STYLE = """<style id="workbench-report-style">
.wb-prose { padding: 0 0 0 var(--jp-code-padding, 4px); }
.wb-prose p, .wb-prose li { font-family: var(--jp-content-font-family, sans-serif);
  font-size: var(--jp-content-font-size1, 14px); line-height: 1.55; max-width: 52em;
  white-space: normal; margin: 0 0 0.6em 0; }
.jp-RenderedHTMLCommon table { font-variant-numeric: tabular-nums; }
.jp-RenderedHTMLCommon td.wb-text { text-align: left; }
.jupyter-widgets, .jupyter-widgets .widget-html-content, .jupyter-widgets .widget-label {
  font-family: var(--jp-content-font-family, sans-serif);
  font-size: var(--jp-content-font-size1, 14px) !important; line-height: 1.55; }
.jupyter-widgets .widget-html-content p { margin: 0 0 0.4em 0; }
/* a static file has no kernel: a widget's controls would move nothing, its reading stays */
.widget-slider, .widget-dropdown, .widget-button, .widget-checkbox, .widget-text,
.widget-textarea, .widget-toggle-buttons, .widget-select, .widget-select-multiple,
.widget-radio, .widget-intslider, .widget-floatslider, .widget-selectionslider {
  display: none !important; }
#summary + h1, h1#Executive-summary { margin-top: 0; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  .jp-Cell { break-inside: avoid-page; }
  .jp-RenderedImage img { max-width: 100% !important; break-inside: avoid; }
  a[id] + hr, hr { break-before: page; border: 0; }
  .widget-box, .widget-slider, .widget-dropdown, .widget-button, .widget-checkbox,
  .widget-text, .widget-textarea, .widget-toggle-buttons, .widget-select { display: none; }
  .jp-RenderedHTMLCommon a { color: inherit; text-decoration: none; }
}
</style>
"""


def build_report_html(executed: Sequence[tuple[str, Any]], language: str | None = None,
                      facts: dict | None = None) -> str:
    """Return the report HTML for executed notebooks given as ``(name, notebook)`` pairs.

    Parameters
    ----------
    executed : sequence of (str, NotebookNode)
        Notebook names (anchors of the table of contents) and executed notebooks, in order.
    language : {"en", "ru"}, optional
        Language of the report's own headings and summary.
    facts : dict, optional
        The numbers of the executive summary (:func:`summary_facts`); without them page 1 says
        that step 7 did not run.

    Returns
    -------
    str
        One HTML document: no code cells, images inline, widget JS inline, no external script.
    """
    from nbconvert import HTMLExporter

    language = check_language(language)
    merged = _merge(executed, language, facts)
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
    body = _align_text_cells(body)
    body = body.replace("</head>", _STYLE + "</head>", 1)
    return stable_element_ids(body)


def summary_facts(folder: Any, result: Any) -> dict:
    """Return the numbers of the executive summary from the client's folder and step 7.

    Parameters
    ----------
    folder : Folder
        The loaded client folder (:func:`workbench.load_folder`).
    result : Deliverables
        What :func:`workbench.compute_deliverables` returned (step 7).

    Returns
    -------
    dict
        ``company`` (the workshop file's name, or None), ``start``, ``end`` (ISO dates of the
        transactions), ``n_clients``, ``revenue``, ``currency`` (or None), ``horizon_days``, ``offer_cost``, ``success_rate`` and
        ``strategies``: one dict per list (``strategy`` key, ``n_customers``, ``n_target``,
        ``n_high_risk``, ``value_at_risk``, ``expected_gain``); ``control_questions``: the room's
        answers to the course's control questions from the workshop file (number as text ->
        answer; printed in the report's appendix). Money rounded to cents, so the
        file is the same on every machine up to the BLAS noise of the last cent.
    """
    import pandas as pd

    from workbench.i18n import get_currency

    tx = folder.tables["transactions"]
    settings = result.settings
    horizon = pd.Timedelta(settings.get("horizon", "90D"))
    workshop = getattr(folder, "workshop", None)

    def cents(x: Any) -> float | None:  # lists without a churn estimate have no value at risk
        return None if pd.isna(x) else round(float(x), 2)

    rows = []
    for _, row in result.summary.iterrows():
        rows.append({
            "strategy": str(row["strategy"]),
            "n_customers": int(row["n_customers"]), "n_target": int(row["n_target"]),
            "n_high_risk": int(row["n_high_risk"]),
            "value_at_risk": cents(row["value_at_risk"]),
            "expected_gain": cents(row["expected_gain"]),
        })
    return {
        "company": getattr(workshop, "company", None) or None,
        "start": str(pd.Timestamp(tx["date"].min()).date()),
        "end": str(pd.Timestamp(tx["date"].max()).date()),
        "n_clients": int(tx["customer_id"].nunique()),
        "revenue": round(float(tx["amount"].sum()), 2),
        "currency": getattr(workshop, "currency", None) or get_currency() or None,
        "horizon_days": int(horizon.days),
        "offer_cost": (None if settings.get("offer_cost") is None
                       else round(float(settings["offer_cost"]), 2)),
        "success_rate": float(settings["success_rate"]),
        "strategies": rows,
        "control_questions": _control_answers(folder),
    }


def _control_answers(folder: Any) -> dict[str, str]:
    """The room's answers to the course's control questions (workshop file), by number.

    A question may be given by its number or by its text in Russian or English (the text
    layer's :func:`workbench.narrative.control_answers` passes the catalogue's texts).
    """
    from workbench.narrative import control_answers

    return {str(n): a for n, a in sorted(control_answers(getattr(folder, "workshop", None)).items())}


def save_summary_facts(out_dir: str | os.PathLike, folder: Any, result: Any) -> Path:
    """Write :func:`summary_facts` to ``out_dir/summary_facts.json`` for the report; return it."""
    path = Path(out_dir) / SUMMARY_FACTS
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(summary_facts(folder, result), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _chromium() -> str | None:
    explicit = os.environ.get("WORKBENCH_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


#: Virtual milliseconds Chromium lets the report's scripts run (the widgets render) before it
#: prints. Virtual time stands still while a resource loads and does not depend on the
#: machine's speed; on the sample report 300, 1,000, 2,000, 5,000 and 20,000 gave the same PDF
#: bytes, and each virtual second costs about 0.2 s of real time on a large report.
PDF_VIRTUAL_MS = 2000


def write_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike | None = None,
              *, timeout: int = 180) -> Path | None:
    """Print ``report.html`` to PDF with headless Chromium (its print stylesheet applies).

    Parameters
    ----------
    html_path : path
        The report to print.
    pdf_path : path, optional
        Default: the same name with ``.pdf``.
    timeout : int, default 180
        Seconds allowed for Chromium.

    Returns
    -------
    Path or None
        The PDF written, or None when no Chromium is installed (``WORKBENCH_CHROMIUM`` names
        one explicitly) — the caller says so; the HTML report is complete without it.
    """
    html_path = Path(html_path).resolve()
    pdf_path = Path(pdf_path) if pdf_path is not None else html_path.with_suffix(".pdf")
    browser = _chromium()
    if browser is None:
        return None
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--run-all-compositor-stages-before-draw",
            f"--virtual-time-budget={PDF_VIRTUAL_MS}",
            "--no-pdf-header-footer", f"--print-to-pdf={pdf_path.resolve()}",
            html_path.as_uri()]
    subprocess.run(args, check=True, capture_output=True, timeout=timeout)
    if not pdf_path.exists():
        return None
    pdf_path.write_bytes(fixed_pdf_dates(pdf_path.read_bytes()))
    return pdf_path


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")


def fixed_pdf_dates(data: bytes) -> bytes:
    """Set a PDF's creation and modification dates to a fixed one, so a re-run is byte-identical.

    Chromium stamps the time of printing; the digits are replaced by as many digits (the
    cross-reference offsets stay valid).

    Examples
    --------
    >>> fixed_pdf_dates(b"/CreationDate (D:20261202003511+00'00')")
    b"/CreationDate (D:20000101000000+00'00')"
    """
    return _PDF_DATE.sub(lambda m: m.group(1) + b"20000101000000", data)


def write_report(
    executed: Sequence[tuple[str, Any]],
    path: str | os.PathLike,
    language: str | None = None,
    *,
    pdf: bool = True,
) -> Path:
    """Write :func:`build_report_html` to ``path`` (and ``report.pdf`` next to it); return it.

    The executive summary reads ``summary_facts.json`` from the same folder when step 7 left
    it there. Without a headless Chromium the PDF is skipped with a warning that says how to
    get it.
    """
    path = Path(path)
    facts_path = path.parent / SUMMARY_FACTS
    facts = json.loads(facts_path.read_text(encoding="utf-8")) if facts_path.exists() else None
    path.write_text(build_report_html(executed, language, facts=facts), encoding="utf-8")
    if pdf:
        try:
            written = write_pdf(path)
        except (OSError, subprocess.SubprocessError) as exc:  # a broken browser: say so, go on
            warnings.warn(t("report.pdf_failed", check_language(language), reason=exc),
                          stacklevel=2)
        else:
            if written is None:
                warnings.warn(t("report.pdf_missing", check_language(language)), stacklevel=2)
    return path

"""Workshop widgets: the load-report picker (00_start_here) and the deliverables export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import ipywidgets as W

from workbench.i18n import check_language, has, t
from workbench.widgets._base import Panel, html_text

__all__ = ("deliverables_panel", "load_report_panel")


def load_report_panel(folder: Any, language: str | None = None, rows: int = 10) -> Panel:
    """Return a panel to pick a loaded table and read its load report and rejected rows.

    Parameters
    ----------
    folder : Folder
        What :func:`workbench.load_folder` returned (``.reports``: table -> LoadReport).
    language : {"en", "ru"}, optional
    rows : int, default 10
        How many rejected rows to show.

    Returns
    -------
    Panel
        ``controls["table"]`` (a Dropdown of the loaded tables); ``result`` is the chosen
        table's LoadReport; ``summary`` reads it aloud (:func:`workbench.describe_load`).
    """
    from workbench.narrative import describe_load, format_rejected

    language = check_language(language)
    reports = dict(getattr(folder, "reports", {}))
    options = [(t(f"ws.table.{k}", language), k) for k in sorted(reports)]
    dropdown = W.Dropdown(options=options, value=options[0][1] if options else None,
                          description=t("ws.panel.table", language))

    def compute(table: str | None) -> Any:
        return reports.get(table) if table is not None else None

    def describe(report: Any) -> str:
        if report is None:
            return ""
        return html_text(describe_load(report, language,
                                       name=t(f"ws.table.{dropdown.value}", language)))

    def draw(report: Any) -> None:
        from IPython.display import display

        rejected = getattr(report, "rejected", None)
        if rejected is not None and len(rejected):
            display(format_rejected(report, language, rows=rows))

    return Panel({"table": dropdown}, compute, describe, draw,
                 title=t("ws.panel.load_title", language), height="260px")


def deliverables_panel(
    result: Any,
    out_dir: str | os.PathLike | None = "reports",
    language: str | None = None,
) -> Panel:
    """Return the export panel of step 7: choose what goes to the sales team, then write it.

    Parameters
    ----------
    result : Deliverables
        What :func:`workbench.compute_deliverables` returned: the slow part (the churn model
        fit) is done once; every control change only filters and, when asked, writes.
    out_dir : path, optional, default "reports"
        Where the files are written when the "write" box is ticked (relative to the notebook);
        ``None`` disables writing.
    language : {"en", "ru"}, optional
        Language of the panel's labels and text; also the default language of the export.

    Returns
    -------
    Panel
        Controls ``language`` (of the exported files), ``strategies`` (the lists to include),
        ``min_risk`` (minimum churn probability), ``min_value`` (minimum expected value),
        ``only_target`` (only the clients worth contacting now) and ``write`` (write the files
        to ``out_dir``; unticked, nothing touches the disk). ``result`` is the
        :class:`workbench.ExportResult`; ``summary`` reads aloud the package and what was (or
        would be) written, sheet by sheet; the output area shows the summary table.
    """
    import html

    from workbench.deliverables import (
        describe_deliverables,
        describe_export,
        export_deliverables,
        format_summary,
        select_deliverables,
    )
    from workbench.errors import WorkbenchError

    language = check_language(language)
    full = result.everyone if hasattr(result, "everyone") else result.scores
    keys = [str(s) for s in result.summary["strategy"]]
    has_churn = "churn_probability" in full and bool(full["churn_probability"].notna().any())
    controls = {
        "language": W.Dropdown(
            options=[(t("deliv.lang.ru", language), "ru"), (t("deliv.lang.en", language), "en")],
            value=language, description=t("deliv.panel.language", language)),
        "strategies": W.SelectMultiple(
            options=[(t(f"strategy.{k}", language) if has(f"strategy.{k}") else k,
                      k) for k in keys],
            value=tuple(keys), rows=max(2, len(keys)),
            description=t("deliv.panel.strategies", language)),
        "min_risk": W.FloatSlider(
            value=0.0, min=0.0, max=1.0, step=0.05, readout_format=".0%",
            continuous_update=False, disabled=not has_churn,
            description=t("deliv.panel.min_risk", language),
            style={"description_width": "initial"}),
        "min_value": W.BoundedFloatText(
            value=0.0, min=0.0, max=1e15, step=100.0,
            description=t("deliv.panel.min_value", language),
            style={"description_width": "initial"}),
        "only_target": W.Checkbox(
            value=False, disabled=not has_churn,
            description=t("deliv.panel.only_target", language), indent=False),
        "write": W.Checkbox(
            value=False, disabled=out_dir is None,
            description=t("deliv.panel.write", language), indent=False),
    }

    def compute(language: str, strategies: tuple, min_risk: float, min_value: float,
                only_target: bool, write: bool) -> Any:
        chosen = select_deliverables(result, strategies=list(strategies), min_risk=min_risk,
                                     min_value=min_value, only_target=only_target,
                                     language=language)
        target = out_dir if (write and out_dir is not None) else None
        try:
            return export_deliverables(chosen, target)
        except OSError as exc:  # a locked or read-only file: say so in the panel
            raise WorkbenchError(t("deliv.panel.write_failed", panel_language,
                                   error=exc.strerror or str(exc))) from exc

    panel_language = language

    def describe(export: Any) -> str:
        lines = describe_deliverables(export.deliverables, language=panel_language).split("\n")
        lines.append(describe_export(export, language=panel_language))
        if not export.written and out_dir is not None:
            folder = Path(out_dir)
            lines.append(t("deliv.panel.hint", panel_language,
                           write=t("deliv.panel.write", panel_language),
                           folder=folder.name if folder.is_absolute() else folder.as_posix()))
        return "<br>".join(html.escape(line) for line in lines)

    def draw(export: Any) -> None:
        from IPython.display import display

        display(format_summary(export.deliverables))

    return Panel(controls, compute, describe, draw,
                 title=t("deliv.panel.title", language), height="200px")

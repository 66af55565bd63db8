"""Workshop widgets: the load-report picker (00_start_here) and the deliverables export."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from workbench.i18n import check_language, t
from workbench.widgets._base import Panel

__all__ = ("load_report_panel",)


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
    from workbench.notebook_text import describe_load

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
        return describe_load(report, language,
                             name=t(f"ws.table.{dropdown.value}", language))

    def draw(report: Any) -> None:
        from IPython.display import display

        rejected = getattr(report, "rejected", None)
        if rejected is not None and len(rejected):
            display(rejected.head(rows))

    return Panel({"table": dropdown}, compute, describe, draw,
                 title=t("ws.panel.load_title", language), height="260px")

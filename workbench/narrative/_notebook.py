"""What every workshop notebook shows: guards for missing tables, load reports, the steps and
data-model tables, the versions cell.

Notebooks define no reusable logic (STYLE rule 18); what every notebook needs lives here.
"""

from __future__ import annotations

from typing import Any

from workbench.i18n import check_language, t
from workbench.narrative._format import count, listing, percent, quantity

__all__ = (
    "STEP_NOTEBOOKS",
    "data_model_table",
    "describe_folder",
    "describe_load",
    "needs",
    "steps_table",
    "versions",
)

#: Packages listed by :func:`versions` (the watermark cell), in this order.
VERSION_PACKAGES: tuple[str, ...] = (
    "workbench", "pandas", "numpy", "scikit-learn", "matplotlib", "seaborn", "ipywidgets",
)


def needs(folder: Any, table: str, language: str | None = None) -> bool:
    """Return True if ``folder`` holds ``table``; otherwise print which data the step needs.

    Parameters
    ----------
    folder : Folder
        What :func:`workbench.load_folder` returned (``.tables``, ``.missing``; ``.path`` if any).
    table : str
        A canonical table name (``"survey"``, ``"feedback"``, ...).
    language : {"en", "ru"}, optional
        Language of the message (default: the current language).

    Returns
    -------
    bool
        True when the table was loaded and is not empty.

    Notes
    -----
    The notebook pattern for graceful degradation (docs/notebooks.md)::

        if workbench.needs(folder, "survey", language=language):
            ...  # the part of the step that needs the survey

    On a folder with only transactions the cell prints a clear sentence and the notebook goes
    on, instead of a traceback. The folder is named by its last component only, so no
    absolute path reaches a stored output.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> f = SimpleNamespace(tables={}, missing=("survey",), path="data/client")
    >>> needs(f, "survey")  # doctest: +ELLIPSIS
    This step needs the survey table (survey.csv), which was not found in client. ...
    False
    """
    from pathlib import Path

    from workbench.schema import table_spec

    language = check_language(language)
    frame = getattr(folder, "tables", {}).get(table)
    if frame is not None and table not in getattr(folder, "missing", ()) and len(frame) > 0:
        return True
    spec = table_spec(table)
    name = table if language == "en" else t(f"ws.table.{table}", language)
    where = getattr(folder, "path", None)
    where = Path(str(where)).name if where else "?"
    print(t("common.missing_data", language, table=name, file=f"{spec.file_stem}.csv",
            folder=where))
    return False


def versions() -> str:
    """Return one line per key package with its version (the notebook's watermark cell)."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"python {platform.python_version()}"]
    for name in VERSION_PACKAGES:
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} (not installed)")
    return "\n".join(parts)


#: The eight steps of the method and the notebook of each (00_start_here introduces them).
STEP_NOTEBOOKS: dict[int, str] = {
    1: "01_expectations",
    2: "02_expectation_analysis",
    3: "03_priorities",
    4: "04_segmentation",
    5: "05_costs_and_churn",
    6: "06_offers",
    7: "07_packaging",
    8: "08_feedback_loop",
}


def steps_table(language: str | None = None):
    """Return the eight steps as a table: number, name, Russian name, notebook.

    Returns
    -------
    pandas.DataFrame
        Columns (translated headers): step, what we do, Russian name, notebook.
    """
    import pandas as pd

    language = check_language(language)
    rows = [
        {
            t("ws.col.step", language): n,
            t("ws.col.name", language): t(f"ws.step.{n}", language),
            t("ws.col.russian", language): t(f"ws.step.{n}", "ru").lower(),
            t("ws.col.notebook", language): nb,
        }
        for n, nb in STEP_NOTEBOOKS.items()
    ]
    return pd.DataFrame(rows).set_index(t("ws.col.step", language))


def data_model_table(language: str | None = None, tables: tuple[str, ...] | None = None):
    """Return the canonical data model (:mod:`workbench.schema`) as one readable table.

    Returns
    -------
    pandas.DataFrame
        Columns (translated headers): table, column, type, required, meaning.
    """
    import pandas as pd

    from workbench.schema import TABLES

    language = check_language(language)
    rows = []
    for name, spec in TABLES.items():
        if tables is not None and name not in tables:
            continue
        for col in spec.columns:
            rows.append({
                t("ws.col.table", language): t(f"ws.table.{name}", language),
                t("ws.col.column", language): col.name,
                t("ws.col.type", language): t(f"schema.type.{col.dtype}", language),
                t("ws.col.required", language): t("common.yes" if col.required else "common.no",
                                                  language),
                t("ws.col.meaning", language): t(f"schema.{name}.{col.name}", language),
            })
    return pd.DataFrame(rows)


def _reason_counts(rejected: Any) -> dict[str, int]:
    if rejected is None or len(rejected) == 0:
        return {}
    column = "reason" if "reason" in rejected.columns else rejected.columns[-1]
    counts = rejected[column].astype(str).value_counts()
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {str(k): int(v) for k, v in items}


def describe_load(report: Any, language: str | None = None, name: str | None = None) -> str:
    """Read a LoadReport aloud: rows read, kept and rejected, the reasons, the format found.

    Parameters
    ----------
    report : LoadReport
        From a ``workbench.load_*`` loader (``rows_read``, ``rows_kept``, ``rejected``; the
        optional ``encoding``, ``delimiter``, ``decimal``, ``date_format``, ``duplicates`` are
        used when present).
    language : {"en", "ru"}, optional
    name : str, optional
        What to call the table (default: ``report.table`` or "data").

    Returns
    -------
    str
        A few sentences whose numbers all come from the report.
    """
    language = check_language(language)
    name = name or getattr(report, "table", None) or "data"
    read, kept = int(report.rows_read), int(report.rows_kept)
    rejected = getattr(report, "rejected", None)
    n_rej = 0 if rejected is None else len(rejected)
    lines = [t("ws.load.summary", language, name=name, read=quantity(read, "row", language),
               kept=count(kept, language), kept_pct=percent(kept / read if read else 1.0, 1, language),
               rejected=count(n_rej, language))]
    details = []
    for attr in ("encoding", "delimiter", "decimal", "date_format"):
        value = getattr(report, attr, None)
        if value not in (None, ""):
            details.append(f"{t(f'ws.fmt.{attr}', language)} {value!r}")
    if details:
        lines.append(t("ws.load.format", language, details=", ".join(details)))
    if callable(getattr(report, "rejected_by_reason", None)):
        by_reason = report.rejected_by_reason(language)
        reasons = {str(k): int(v) for k, v in by_reason.items()}
    else:
        reasons = _reason_counts(rejected)
    if reasons:
        lines.append(t("ws.load.reasons", language,
                       reasons="; ".join(f"{r} — {count(n, language)}" for r, n in reasons.items())))
        top, n_top = next(iter(reasons.items()))
        lines.append(t("ws.load.top_reason", language, reason=top,
                       rows=quantity(n_top, "row", language)))
    else:
        lines.append(t("ws.load.all_kept", language))
    duplicates = getattr(report, "duplicates", None)
    if duplicates is not None:
        n_dup = duplicates if isinstance(duplicates, int) else len(duplicates)
        lines.append(t("ws.load.duplicates", language, n=count(n_dup, language)))
    return " ".join(lines)


def describe_folder(folder: Any, language: str | None = None) -> str:
    """Say which canonical tables a loaded folder holds and which are missing."""
    language = check_language(language)
    found = [t(f"ws.table.{k}", language) for k in sorted(getattr(folder, "tables", {}))]
    missing = [t(f"ws.table.{k}", language) for k in sorted(getattr(folder, "missing", ()))]
    text = (t("ws.folder.found", language, found=listing(found, language)) if found
            else t("ws.folder.found_none", language))
    if missing:
        return text + " " + t("ws.folder.missing", language, missing=listing(missing, language))
    return text + " " + t("ws.folder.complete", language)

"""What every workshop notebook shows: guards for missing tables, load reports, the steps and
data-model tables, the versions cell.

Notebooks define no reusable logic (STYLE rule 18); what every notebook needs lives here.
"""

from __future__ import annotations

from typing import Any

from workbench.i18n import check_language, t
from workbench.narrative._format import listing, percent

__all__ = (
    "STEP_NOTEBOOKS",
    "data_model_table",
    "describe_folder",
    "missing_banner",
    "needs",
    "step_settings",
    "steps_table",
    "versions",
)

#: Packages listed by :func:`versions` (the watermark cell), in this order.
VERSION_PACKAGES: tuple[str, ...] = (
    "workbench", "pandas", "numpy", "scikit-learn", "matplotlib", "seaborn", "ipywidgets",
)


def needs(folder: Any, table: str, language: str | None = None,
          columns: tuple[str, ...] = ()) -> bool:
    """Return True if ``folder`` holds ``table``; otherwise print which data the step needs.

    Parameters
    ----------
    folder : Folder
        What :func:`workbench.load_folder` returned (``.tables``, ``.missing``; ``.path`` if any).
    table : str
        A canonical table name (``"survey"``, ``"feedback"``, ...).
    language : {"en", "ru"}, optional
        Language of the message (default: the current language).
    columns : tuple of str, optional
        Optional columns of ``table`` the section needs (e.g. ``("source",)`` of the
        customers). A column that is absent or empty everywhere makes the call False, with one
        sentence naming the column and the file.

    Returns
    -------
    bool
        True when the table was loaded, is not empty and has every column of ``columns``.

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
    >>> import pandas as pd
    >>> g = SimpleNamespace(tables={"customers": pd.DataFrame({"customer_id": ["a"]})},
    ...                     missing=(), path="data/client")
    >>> needs(g, "customers", columns=("source",))  # doctest: +ELLIPSIS
    This part needs the column “source” of the customers table (customers.csv), ...
    False
    >>> needs(g, "customers", columns=("source",))  # said once: silent now
    False
    """
    from pathlib import Path

    from workbench.schema import table_spec

    language = check_language(language)
    frame = getattr(folder, "tables", {}).get(table)
    if frame is not None and table not in getattr(folder, "missing", ()) and len(frame) > 0:
        absent = [c for c in columns if c not in frame.columns or not frame[c].notna().any()]
        if not absent:
            return True
        return _say_missing_columns(folder, table, absent, language)
    said = _said(folder)
    if table in said:  # said once in this notebook (a section or the banner): not again
        return False
    said.add(table)
    spec = table_spec(table)
    name = table if language == "en" else t(f"ws.table.{table}", language)
    where = getattr(folder, "path", None)
    where = Path(str(where)).name if where else "?"
    print(t("common.missing_data", language, table=name, file=f"{spec.file_stem}.csv",
            folder=where))
    return False


def _say_missing_columns(folder: Any, table: str, absent: list[str], language: str) -> bool:
    """Print once which columns of ``table`` a section needs; always False."""
    from workbench.schema import table_spec

    said = _said(folder)
    key = f"{table}." + ",".join(absent)
    if key in said:
        return False
    said.add(key)
    spec = table_spec(table)
    name = table if language == "en" else t(f"ws.table.{table}", language)
    print(t("common.missing_columns", language, table=name, file=f"{spec.file_stem}.csv",
            columns=", ".join(absent), count=len(absent)))
    return False


def _said(folder: Any) -> set[str]:
    """The missing tables already named for ``folder`` (kept on the folder object)."""
    try:
        return folder.__dict__.setdefault("_missing_said", set())
    except AttributeError:  # an object without a __dict__: nothing remembered
        return set()


def missing_banner(folder: Any, step: int, language: str | None = None) -> str:
    """The notebook's one banner of missing inputs; later :func:`needs` calls stay silent.

    Parameters
    ----------
    folder : DataFolder
        What :func:`workbench.load_folder` returned.
    step : int
        The notebook's step (0–8).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        :func:`workbench.describe_missing` of the step (tables and workshop fields), or ""
        when nothing is missing. The tables it names are remembered on ``folder``, so the
        sections that need them skip without repeating the sentence.
    """
    from workbench.narrative._workshop import describe_missing
    from workbench.workshop import missing_inputs

    missing = missing_inputs(folder, step)
    _said(folder).update(missing.tables)
    return describe_missing(missing, language=language)


#: Settings of steps 5 and 7 the workshop file holds: parameter -> field of the file.
SETTING_FIELDS: dict[str, str] = {
    "horizon": "plan.horizon",
    "offer_cost": "decisions.offer_cost",
    "success_rate": "decisions.success_rate",
}


def step_settings(folder: Any, step: int, language: str | None = None,
                  **given: Any) -> tuple[dict[str, Any], str]:
    """Settings of a step from its parameters, else the workshop file; and the step's banner.

    Parameters
    ----------
    folder : DataFolder
        What :func:`workbench.load_folder` returned (``.workshop``).
    step : int
        The notebook's step (5 or 7).
    language : {"en", "ru"}, optional
    **given
        ``horizon``, ``offer_cost``, ``success_rate`` as the notebook's parameters set them;
        ``None`` = take the workshop file's (``plan.horizon``, ``decisions.offer_cost``,
        ``decisions.success_rate``).

    Returns
    -------
    (dict, str)
        The settings (a field neither given nor in the file takes the method's default,
        :data:`workbench.deliverables.DELIVERABLE_DEFAULTS`; ``offer_cost`` stays None, which
        means 10 % of the median client value), and the one banner of the notebook:
        :func:`missing_banner` of the step, then which fields the file lacks and which
        defaults the run uses meanwhile ("" when nothing is missing).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from workbench.workshop import read_workshop
    >>> f = SimpleNamespace(tables={"transactions": [1]}, workshop=read_workshop(None))
    >>> values, banner = step_settings(f, 7, horizon="180D")
    >>> values
    {'horizon': '180D', 'offer_cost': None, 'success_rate': 0.3}
    >>> print(banner)  # doctest: +NORMALIZE_WHITESPACE
    Not in the workshop file (workshop.yml) yet: offer cost (decisions.offer_cost), success rate
    (decisions.success_rate). Until they are filled (or saved from the step-5 widget), this run
    uses the method's defaults: offer cost 10% of the median client value, 30%.
    """
    from workbench.deliverables import DELIVERABLE_DEFAULTS

    language = check_language(language)
    ws = getattr(folder, "workshop", None)
    from_file = ws.deliverable_settings() if ws is not None else {}
    values: dict[str, Any] = {}
    unset: list[str] = []
    for name in SETTING_FIELDS:
        value = given.get(name)
        if value is None:
            value = from_file.get(name)
        if value is None:
            unset.append(name)
            value = DELIVERABLE_DEFAULTS[name]
        values[name] = value
    banner = missing_banner(folder, step, language) if hasattr(folder, "tables") else ""
    if unset:
        shown = {"horizon": str(values["horizon"]),
                 "offer_cost": t("settings.offer_cost_rule", language),
                 "success_rate": percent(values["success_rate"], language=language)}
        fields = [f"{t('wsf.label.' + SETTING_FIELDS[n], language)} ({SETTING_FIELDS[n]})"
                  for n in unset]
        extra = t("settings.defaults_used", language, fields=", ".join(fields),
                  values=", ".join(shown[n] for n in unset))
        banner = f"{banner} {extra}" if banner else extra
    return values, banner


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
    """Return the eight steps as a table: number, name, notebook.

    Returns
    -------
    pandas.DataFrame
        Columns (translated headers): step, what we do, notebook; the names are in the
        audience's language only.
    """
    import pandas as pd

    language = check_language(language)
    rows = [
        {
            t("ws.col.step", language): n,
            t("ws.col.name", language): t(f"ws.step.{n}", language),
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

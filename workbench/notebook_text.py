"""Small helpers the workshop notebooks call: guards for missing tables and the versions cell.

Notebooks define no reusable logic (STYLE rule 18); what every notebook needs lives here.
"""

from __future__ import annotations

from typing import Any

from workbench.i18n import check_language, t

__all__ = ("needs", "versions")

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

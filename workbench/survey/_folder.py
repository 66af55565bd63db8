"""Find the survey instruments' files in a client's data folder (for the notebooks)."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import WorkbenchError

__all__ = ("INSTRUMENT_FILES", "find_instrument", "find_wide_survey", "instrument_suffixes")

#: Instrument -> file stems looked for (first found wins), relative to the data folder.
INSTRUMENT_FILES: dict[str, tuple[str, ...]] = {
    "motivation": ("internal/motivation_survey", "motivation_survey", "motivation"),
    "key_clients": ("internal/key_clients_ukor", "key_clients_ukor", "key_clients"),
    "survey_export": ("exports/survey_wide_google_forms", "exports/survey_wide",
                      "survey_wide"),
    "questionnaire_spec": ("exports/questionnaire_spec", "questionnaire_spec"),
    "interview_notes": ("internal/interview_notes", "interview_notes", "notes"),
}

_SUFFIXES = {
    "questionnaire_spec": (".yml", ".yaml"),
    "interview_notes": (".txt", ".md", ".csv", ".xlsx"),
}


def find_instrument(data_dir: str | Path, name: str) -> Path | None:
    """Return the file of an instrument in ``data_dir``, or None when there is none.

    Parameters
    ----------
    data_dir : str or Path
        The client's data folder.
    name : str
        One of :data:`INSTRUMENT_FILES` (``"motivation"``, ``"key_clients"``,
        ``"survey_export"``, ``"questionnaire_spec"``, ``"interview_notes"``).

    Returns
    -------
    Path or None
        The first of the instrument's file names found (:data:`INSTRUMENT_FILES`, CSV before
        Excel); :func:`workbench.instrument_file` also says, in the audience's language, which
        file is missing.

    Examples
    --------
    >>> from workbench.datasets import sample_dir
    >>> find_instrument(sample_dir(), "key_clients").name
    'key_clients_ukor.csv'
    """
    if name not in INSTRUMENT_FILES:
        raise WorkbenchError(f"name must be one of {', '.join(INSTRUMENT_FILES)}; got {name!r}")
    folder = Path(data_dir)
    for stem in INSTRUMENT_FILES[name]:
        for suffix in instrument_suffixes(name):
            p = folder / f"{stem}{suffix}"
            if p.is_file():
                return p
    return None


def instrument_suffixes(name: str) -> tuple[str, ...]:
    """Return the file suffixes looked for, in order, for the instrument ``name``."""
    return _SUFFIXES.get(name, (".csv", ".xlsx"))


def find_wide_survey(folder: str | Path, found: dict[str, Path],
                     options: dict | None = None) -> tuple[Path | None, Path | None]:
    """Return a client folder's wide survey export and its questionnaire spec, if any.

    ``load_folder`` calls this to read a form tool's export (Google Forms, Yandex Forms,
    SurveyMonkey: one row per respondent) through :func:`workbench.load_survey` instead of the
    long survey loader.

    Parameters
    ----------
    folder : str or Path
        The client's data folder.
    found : dict of str -> Path
        The table files found by name (:func:`workbench.io.find_table_files`).
    options : dict, optional
        The loader options (``encoding``, ``sep``, ``sheet_name``).

    Returns
    -------
    (Path or None, Path or None)
        The export — ``survey.*`` when it is wide; without a ``survey.*``, the export of
        :data:`INSTRUMENT_FILES` (``exports/survey_wide*``, ``survey_wide*``) or else the first
        other table file of the folder or its ``exports/`` subfolder (by name) that is a wide
        export — and the questionnaire spec (``questionnaire_spec.yml``, also under
        ``exports/``), or None. ``(None, None)`` when the survey is in the long format or
        there is no export.
    """
    from workbench.io._read import SUPPORTED_SUFFIXES, data_suffix
    from workbench.survey._wide import is_wide_export

    opts = {k: v for k, v in (options or {}).items() if k in ("encoding", "sep", "sheet_name")}
    folder = Path(folder)
    file = found.get("survey")
    if file is not None:
        if not is_wide_export(file, **opts):
            return None, None
    else:
        file = find_instrument(folder, "survey_export")
        if file is None:
            taken = {p.resolve() for p in found.values()}
            skip = {"workshop", "mapping"}  # the workshop file and the column mapping
            for where in (folder, folder / "exports"):
                if not where.is_dir():
                    continue
                for p in sorted(where.iterdir()):
                    if (p.is_file() and p.resolve() not in taken
                            and p.name.lower().split(".")[0] not in skip
                            and data_suffix(p.name.lower()) in SUPPORTED_SUFFIXES
                            and is_wide_export(p, **opts)):
                        file = p
                        break
                if file is not None:
                    break
        if file is None:
            return None, None
    return file, find_instrument(folder, "questionnaire_spec")

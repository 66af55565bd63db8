"""Find the survey instruments' files in a client's data folder (for the notebooks)."""

from __future__ import annotations

from pathlib import Path

__all__ = ("INSTRUMENT_FILES", "find_wide_survey", "instrument_file")

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


def instrument_file(data_dir: str | Path, name: str, language: str | None = None,
                    quiet: bool = False) -> Path | None:
    """Return the file of an instrument in ``data_dir``, or None after saying what is missing.

    Parameters
    ----------
    data_dir : str or Path
        The client's data folder.
    name : str
        One of :data:`INSTRUMENT_FILES` (``"motivation"``, ``"key_clients"``,
        ``"survey_export"``, ``"questionnaire_spec"``, ``"interview_notes"``).
    language : {"en", "ru"}, optional
        Language of the message printed when the file is missing.
    quiet : bool, default False
        Print nothing.

    Returns
    -------
    Path or None
    """
    from workbench.errors import WorkbenchError
    from workbench.i18n import t

    if name not in INSTRUMENT_FILES:
        raise WorkbenchError(f"name must be one of {', '.join(INSTRUMENT_FILES)}; got {name!r}")
    folder = Path(data_dir)
    suffixes = _SUFFIXES.get(name, (".csv", ".xlsx"))
    for stem in INSTRUMENT_FILES[name]:
        for suffix in suffixes:
            p = folder / f"{stem}{suffix}"
            if p.is_file():
                return p
    if not quiet:
        print(t("svq.instrument.missing", language, what=t(f"svq.instrument.{name}", language),
                folder=folder.name, file=INSTRUMENT_FILES[name][0] + suffixes[0]))
    return None


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
        file = instrument_file(folder, "survey_export", quiet=True)
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
    return file, instrument_file(folder, "questionnaire_spec", quiet=True)

"""Find the survey instruments' files in a client's data folder (for the notebooks)."""

from __future__ import annotations

from pathlib import Path

__all__ = ("INSTRUMENT_FILES", "instrument_file")

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

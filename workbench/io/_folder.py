"""Load every canonical table found in a folder; write the data summary of ``make run``."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbench._context import set_currency
from workbench.errors import DataFileError
from workbench.io._load import load_table
from workbench.io._mapping import load_mapping
from workbench.io._messages import Note, text_layer
from workbench.io._messages import note as note_
from workbench.io._read import SUPPORTED_SUFFIXES, data_stem, data_suffix
from workbench.io._report import LoadReport
from workbench.schema import TABLES

__all__ = ("DataFolder", "find_table_files", "load_folder", "write_summary")

#: Mapping file names looked for in a data folder, in order.
MAPPING_FILES: tuple[str, ...] = ("mapping.yml", "mapping.yaml", "mapping.json")


@dataclass
class DataFolder:
    """The canonical tables found in a folder, with their load reports.

    Attributes
    ----------
    path : Path
        The folder.
    tables : dict of str -> DataFrame
        Canonical tables that were found, by table name.
    reports : dict of str -> LoadReport
        One load report per table found.
    files : dict of str -> Path
        The file each table was read from.
    missing : list of str
        Canonical tables with no file in the folder.
    mapping_file : Path or None
        The mapping file used, if any.
    warnings : list of Note
        Folder-level notes (e.g. two files for one table), as ``(code, params)`` records.
    workshop : Workshop or None
        The folder's workshop file, validated (:func:`workbench.read_workshop`; empty when
        the folder has none).
    """

    path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    reports: dict[str, LoadReport] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    mapping_file: Path | None = None
    warnings: list[Note] = field(default_factory=list)
    workshop: object = None

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]

    def __contains__(self, table: object) -> bool:
        return table in self.tables

    def summary(self, language: str | None = None) -> str:
        """Plain-text summary: one line per table, then the missing ones (said by
        :func:`workbench.narrative.describe_folder_report`)."""
        return text_layer().describe_folder_report(self, language)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self, language: str | None = None) -> str:
        return text_layer().folder_report_html(self, language)


def find_table_files(path: str | Path) -> tuple[dict[str, Path], list[Note]]:
    """Find ``<table>.<ext>`` files in a folder; returns ({table: path}, warnings)."""
    folder = Path(path)
    files = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    found: dict[str, Path] = {}
    warnings: list[Note] = []
    for table, spec in TABLES.items():
        hits = [files[f"{spec.file_stem}{ext}"] for ext in SUPPORTED_SUFFIXES
                if f"{spec.file_stem}{ext}" in files]
        if not hits:  # e.g. transactions_1c_export.csv, transactions-2024.xlsx
            stem = re.compile(rf"{re.escape(spec.file_stem)}[ _\-.].*")
            hits = [files[k] for k in sorted(files)
                    if stem.fullmatch(data_stem(k)) and data_suffix(k) in SUPPORTED_SUFFIXES]
        if hits:
            found[table] = hits[0]
            if len(hits) > 1:
                warnings.append(note_("load.warn.several_files", table=table,
                                      files=", ".join(h.name for h in hits), chosen=hits[0].name))
    return found, warnings


def load_folder(
    path: str | Path,
    mapping: str | Path | Mapping | None = None,
    pseudonymize_key: str | bytes | None = None,
    **options,
) -> DataFolder:
    """Load every canonical table found in a folder.

    Parameters
    ----------
    path : str or Path
        A folder with ``transactions.*``, ``customers.*``, ``survey.*``, ``feedback.*``,
        ``leads.*`` (``.csv``, ``.tsv``, ``.txt``, ``.xlsx`` or ``.parquet``, or a text table
        compressed as ``.csv.gz`` / a ``.zip`` holding one table; any subset). A
        file named like ``transactions_1c_export.csv`` is found too when there is no exact
        ``transactions.*``.
    mapping : str, Path or dict, optional
        Column mapping, nested by table (see :func:`load_mapping`). By default the folder's own
        ``mapping.yml`` / ``mapping.yaml`` / ``mapping.json`` is used when present.
    pseudonymize_key : str or bytes, optional
        Pseudonymise identifiers in every table with this key (joins still work); names are
        blanked, and e-mail addresses, phone numbers and the clients' names are scrubbed from
        every text (also from the rejected rows of the reports). Default: the environment
        variable ``WORKBENCH_PSEUDONYMIZE_KEY`` (set by ``workbench run --pseudonymize-key``).
    **options
        Passed to every loader (``duplicates=``, ``dayfirst=``, ``encoding=`` ...).

    Returns
    -------
    DataFolder
        ``tables``, ``reports``, ``files`` by table name and ``missing`` table names.

    Raises
    ------
    DataFileError
        The folder does not exist or holds none of the tables.

    Notes
    -----
    A folder with only transactions is fine: later steps check ``folder.missing`` and skip
    what they cannot do. Loading a folder makes its workshop file's currency the current one
    (:func:`workbench.i18n.set_currency`; none given: amounts are shown without a currency, a
    previous folder's currency is not carried over).
    """
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise DataFileError(f"data folder not found: {folder}")
    if pseudonymize_key is None:  # set by `workbench run --pseudonymize-key` for each kernel
        pseudonymize_key = os.environ.get("WORKBENCH_PSEUDONYMIZE_KEY") or None
    from workbench import _cache  # `workbench run`: loaded once, shared by the step kernels

    result = _cache.memo(
        "folder", lambda: _cache.folder_key(folder, mapping, pseudonymize_key, options),
        lambda: _load_folder(folder, mapping, pseudonymize_key, options))
    # money is shown in this folder's currency (or bare), also when the load came from the cache
    set_currency(getattr(result.workshop, "currency", None))
    return result


def _load_folder(folder: Path, mapping, pseudonymize_key, options: dict) -> DataFolder:
    found, warnings = find_table_files(folder)
    from workbench.survey._folder import find_wide_survey  # a form tool's export: load_survey

    wide_survey, survey_spec = find_wide_survey(folder, found, options)
    if wide_survey is not None:
        found["survey"] = wide_survey
    if not found:
        expected = ", ".join(f"{s.file_stem}.csv" for s in TABLES.values())
        present = ", ".join(sorted(p.name for p in folder.iterdir())[:20]) or "(empty)"
        raise DataFileError(
            f"{folder}: no data tables found. Expected files named like {expected} "
            f"(or .tsv/.txt/.xlsx/.parquet). Files found: {present}"
        )
    mapping_file = None
    if mapping is None:
        for name in MAPPING_FILES:
            if (folder / name).is_file():
                mapping_file = folder / name
                break
        if mapping_file is not None:
            mapping = load_mapping(mapping_file)
    elif isinstance(mapping, (str, Path)):
        mapping_file = Path(mapping)
        mapping = load_mapping(mapping_file)
    result = DataFolder(path=folder, mapping_file=mapping_file, warnings=warnings)
    flat = isinstance(mapping, Mapping) and mapping and not all(
        (k in TABLES or k == "options") and (isinstance(v, Mapping) or v is None)
        for k, v in mapping.items()
    )
    table_maps: dict[str, Mapping | None] = {}
    for table, file in found.items():
        if flat:
            # a flat mapping applies to whichever tables have the named columns
            cols = _header_names(file, options)
            table_map = {s: c for s, c in mapping.items()
                         if s in cols and s != "options"
                         and (c is None or c in TABLES[table].names)}
        else:
            table_map = (mapping or {}).get(table) or None
        folder_opts = mapping.get("options") if isinstance(mapping, Mapping) else None
        if folder_opts:
            table_map = {**(table_map or {}), "options": folder_opts}
        if table == "survey" and wide_survey is not None and not table_map:
            from workbench.io._tables import load_survey

            frame, report = load_survey(file, spec=survey_spec, pseudonymize_key=pseudonymize_key,
                                        **{k: v for k, v in options.items()
                                           if k in ("encoding", "sep", "sheet_name", "scale")})
        else:
            frame, report = load_table(
                table, file, mapping=table_map, pseudonymize_key=pseudonymize_key, **options
            )
        table_maps[table] = table_map
        result.tables[table] = frame
        result.reports[table] = report
        result.files[table] = file
    result.missing = [tb for tb in TABLES if tb not in found]
    if pseudonymize_key is not None:
        _scrub_folder(result, table_maps.get("customers"), options)
    from workbench.workshop import read_workshop  # the workshop file (workbench init)

    result.workshop = read_workshop(folder)
    return result


def _scrub_folder(result: DataFolder, customers_map: Mapping | None, options: dict) -> None:
    """Pseudonymised load: no e-mail, phone number or client name left in any text (the values
    quoted by the rejection reasons included)."""
    from workbench._privacy import _names_pattern, scrub_everything, scrub_frame, scrub_text

    names: list = []
    file = result.files.get("customers")
    if file is not None:  # the names were blanked: read them once more, only to scrub them
        raw, _report = load_table("customers", file, mapping=customers_map or None, **options)
        if "name" in raw:
            names = raw["name"].dropna().astype(str).tolist()
    ids = {"customer_id", "respondent_id", "lead_id", "order_id"}
    for table, frame in result.tables.items():
        result.tables[table] = scrub_frame(frame, names=names, skip=ids & set(frame.columns))
        report = result.reports[table]
        if getattr(report, "rejected", None) is not None and len(report.rejected):
            report.rejected = scrub_everything(report.rejected, names=names)
            if "reason" in report.rejected.columns:
                pattern = _names_pattern(names)
                report.rejected["reason"] = pd.Series(
                    [_scrub_note(r, lambda v, p=pattern: scrub_text(v, phones=True, names=p))
                     for r in report.rejected["reason"]],
                    index=report.rejected.index, dtype=object)


def _scrub_note(message: object, scrub) -> object:
    """A note with every text among its values scrubbed (notes inside it too)."""
    if isinstance(message, Note):
        return Note(message.code, **{k: _scrub_note(v, scrub) for k, v in message.params.items()})
    if isinstance(message, tuple):
        return tuple(_scrub_note(v, scrub) for v in message)
    return scrub(message) if isinstance(message, str) else message


def _shown_path(folder: Path, out_dir: str | Path) -> str:
    """The data folder as summary.md shows it: relative to summary.md, never absolute."""
    try:
        return Path(os.path.relpath(Path(folder).resolve(), Path(out_dir).resolve())).as_posix()
    except ValueError:  # another drive: the folder's name only
        return Path(folder).name


def _header_names(file: Path, options: dict) -> list[str]:
    from workbench.io._read import read_source

    raw = read_source(file, encoding=options.get("encoding"), sep=options.get("sep"),
                      sheet_name=options.get("sheet_name", 0))
    return raw.names


def write_summary(
    data_dir: str | Path,
    out_dir: str | Path,
    mapping: str | Path | Mapping | None = None,
    language: str | None = None,
    pseudonymize_key: str | bytes | None = None,
) -> str:
    """Load a data folder and write ``summary.md`` with its tables and load reports.

    Parameters
    ----------
    data_dir : str or Path
        The folder with the client's tables (see :func:`load_folder`).
    out_dir : str or Path
        Where to write ``summary.md`` (created if needed).
    mapping : str, Path or dict, optional
        Column mapping (default: the folder's own mapping file, if any).
    language : {"en", "ru"}, optional
        Language of the summary (default: the current language).
    pseudonymize_key : str or bytes, optional
        As for :func:`load_folder` (default: ``WORKBENCH_PSEUDONYMIZE_KEY``).

    Returns
    -------
    str
        The text written (Markdown).
    """
    folder = load_folder(data_dir, mapping=mapping, pseudonymize_key=pseudonymize_key)
    text = text_layer().summary_markdown(folder, _shown_path(folder.path, out_dir), language)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.md").write_text(text, encoding="utf-8")
    return text

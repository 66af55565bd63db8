"""The ``workbench`` console command.

Subcommands
-----------
``workbench sample --out DIR --seed N``
    Write the deterministic sample business (CSV files) to DIR.
``workbench summary --data DIR --out DIR``
    Load every table found in DIR and write a short summary (with load reports).
``workbench init DIR [--language ru|en] [--no-excel] [--force]``
    Write an empty, commented, bilingual workshop file (workshop.yml and workshop.xlsx) into
    a client's folder.
``workbench run --data DIR --out DIR [--language ru|en] [--asof DATE] [--mapping FILE]``
    Execute all notebooks on a client's folder (one process, progress printed) and write
    ``OUT/notebooks/*.ipynb``, ``OUT/report.html``, ``OUT/actions.xlsx``,
    ``OUT/action_lists.parquet`` / ``.csv`` and ``OUT/scores.csv``. ``--cell-timeout S``
    fails a notebook whose cell runs longer than S seconds (naming the cell);
    ``--pseudonymize-key KEY`` (better: the environment variable
    ``WORKBENCH_PSEUDONYMIZE_KEY``) pseudonymises every table at load. ``--engine
    auto|pandas|duckdb|spark`` chooses where the per-client aggregates run; ``--jobs N``
    executes N notebooks at once; the kernels share the loaded folder and the fitted models
    through ``OUT/.cache`` unless ``--no-cache``; on Linux the kernels are forked from one
    process that has imported the heavy modules once, unless ``--no-fork``.
``workbench questionnaire --attributes A B ... | --workshop FILE --language ru|en --out DIR``
    Write the client questionnaire (HTML, PDF, Excel, text, YAML spec); see
    :mod:`workbench.survey`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ("build_parser", "main")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``workbench`` command."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Client-orientation workbench: sample data, summaries and workshop runs.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("sample", help="write the bundled sample business to a folder")
    p.add_argument("--out", default="data/samples", help="output folder (default: data/samples)")
    p.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")

    p = sub.add_parser("summary", help="load a data folder and write a short summary")
    p.add_argument("--data", default=None,
                   help="folder with the client's tables (default: the bundled sample)")
    p.add_argument("--out", default="reports", help="folder for the summary (default: reports)")
    p.add_argument("--mapping", default=None, help="YAML/JSON column mapping file")
    p.add_argument("--language", choices=("en", "ru"), default="en")
    _add_pseudonymize(p)

    p = sub.add_parser("init", help="write an empty workshop file into a client's folder")
    p.add_argument("dir", help="the client's folder")
    p.add_argument("--language", choices=("en", "ru"), default="en")
    p.add_argument("--no-excel", action="store_true", help="write workshop.yml only")
    p.add_argument("--force", action="store_true", help="replace existing workshop files")

    p = sub.add_parser("run", help="execute all notebooks on a folder; write report + deliverables")
    p.add_argument("--data", default=None,
                   help="folder with the client's tables (default: the bundled sample)")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--language", choices=("en", "ru"), default="en")
    p.add_argument("--asof", default=None, help="observation end YYYY-MM-DD (default: last date)")
    p.add_argument("--mapping", default=None, help="YAML/JSON column mapping file")
    p.add_argument("--notebooks", default=None,
                   help="folder of NN_name.ipynb notebooks (default: the workbench's own)")
    p.add_argument("--only", nargs="*", default=None, metavar="NAME",
                   help="run only these notebooks (e.g. 00_start_here 04_segmentation)")
    p.add_argument("--no-report", action="store_true", help="skip report.html")
    p.add_argument("--no-deliverables", action="store_true", help="skip actions.xlsx/scores.csv")
    p.add_argument("--cell-timeout", type=_positive_int, default=600, metavar="SECONDS",
                   help="seconds allowed per notebook cell; a cell that runs longer fails its "
                        "notebook with an error naming the cell (default: 600)")
    p.add_argument("--heartbeat", type=_positive_int, default=30, metavar="SECONDS",
                   help="print a 'still running' line this often while a cell runs (default: 30)")
    p.add_argument("--sheet-rows", type=_positive_int, default=None, metavar="N",
                   help="clients per list sheet of actions.xlsx (default: 5000); the complete "
                        "lists always go to action_lists.parquet/.csv")
    p.add_argument("--engine", choices=("auto", "pandas", "duckdb", "spark"), default=None,
                   help="where the per-client aggregates run in every step: auto (DuckDB from "
                        "200,000 transactions, numpy below; the default), pandas, duckdb, or "
                        "spark (needs pyspark and Java)")
    p.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                   help="notebooks executed at once, each in its own kernel (default: 2 on a "
                        "machine with 2+ cores, 1 for a folder over 100 MB)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not share the loaded folder and fitted models between the "
                        "notebooks (OUT/.cache); every notebook then loads and fits itself")
    p.add_argument("--no-fork", action="store_true",
                   help="start every notebook's kernel as its own process, importing "
                        "everything itself (default on Linux: kernels are forked from one "
                        "process that has imported pandas, scikit-learn, matplotlib once)")
    _add_pseudonymize(p)

    from workbench.narrative._questionnaire import add_questionnaire_parser

    add_questionnaire_parser(sub)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _add_pseudonymize(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pseudonymize-key", default=None, metavar="KEY",
                   help="pseudonymise every table at load with this secret key: ids become "
                        "keyed hashes, names are blanked, e-mails and phone numbers are "
                        "scrubbed from text. Prefer the environment variable "
                        "WORKBENCH_PSEUDONYMIZE_KEY (keeps the key out of shell history)")


def _skip_slow_optional_imports() -> None:
    """Keep this process from importing ``rfc3987_syntax``, an optional dependency of jsonschema.

    nbformat validates notebooks with jsonschema, and jsonschema imports ``rfc3987_syntax`` if it
    is installed (JupyterLab's server brings it) to check the "iri" string format; it builds a
    grammar at import, about 3 s. No schema the command line validates has that format.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _skip_slow_optional_imports()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from workbench.errors import WorkbenchError

    if getattr(args, "data", "") is None:
        from workbench.datasets import sample_dir

        args.data = str(sample_dir())
    try:
        if args.command == "sample":
            from workbench.datasets import write_sample

            paths = write_sample(args.out, seed=args.seed)
            for p in paths:
                print(f"wrote {p}")
        elif args.command == "summary":
            from workbench.io import write_summary

            text = write_summary(args.data, args.out, mapping=args.mapping, language=args.language,
                                 pseudonymize_key=args.pseudonymize_key)
            print(text)
        elif args.command == "init":
            from workbench.narrative import init_workshop

            for path in init_workshop(args.dir, language=args.language,
                                      excel=not args.no_excel, overwrite=args.force):
                print(f"wrote {path}")
        elif args.command == "run":
            return _run(args)
        elif args.command == "questionnaire":
            from workbench.narrative._questionnaire import run_questionnaire

            return run_questionnaire(args)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return 2
    return 0


def _run(args: argparse.Namespace) -> int:

    from workbench.runner import language_notebook_dir, notebook_paths, run_workshop

    paths = None
    if args.only:
        available = notebook_paths(language_notebook_dir(args.language, args.notebooks))
        paths = [p for p in available if any(p.stem.startswith(n) for n in args.only)]
        if not paths:
            names = ", ".join(p.stem for p in available)
            print(f"workbench: error: --only matched no notebook (available: {names})",
                  file=sys.stderr)
            return 2
    result = run_workshop(
        args.data, args.out, language=args.language, asof=args.asof, mapping=args.mapping,
        notebooks=paths, notebook_dir=args.notebooks, report=not args.no_report,
        deliverables=not args.no_deliverables, timeout=args.cell_timeout,
        heartbeat=args.heartbeat, pseudonymize_key=args.pseudonymize_key,
        sheet_rows=args.sheet_rows, engine=args.engine, jobs=args.jobs,
        cache=not args.no_cache, fork_kernels=not args.no_fork,
    )
    if result.failed:
        for name, error in result.failed.items():
            print(f"workbench: notebook {name} failed: {error}", file=sys.stderr)
        print(f"workbench: {len(result.failed)} notebook(s) failed; outputs in "
              f"{args.out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

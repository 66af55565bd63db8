"""The ``workbench`` console command.

Subcommands
-----------
``workbench sample --out DIR --seed N``
    Write the deterministic sample business (CSV files) to DIR.
``workbench summary --data DIR --out DIR``
    Load every table found in DIR and write a short summary (with load reports).
``workbench run --data DIR --out DIR [--language ru|en] [--asof DATE] [--mapping FILE]``
    Execute all notebooks on a client's folder and write the deliverables.
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
    p.add_argument("--data", default="data/samples", help="folder with the client's tables")
    p.add_argument("--out", default="reports", help="folder for the summary (default: reports)")
    p.add_argument("--mapping", default=None, help="YAML/JSON column mapping file")
    p.add_argument("--language", choices=("en", "ru"), default="en")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from workbench.errors import WorkbenchError

    try:
        if args.command == "sample":
            from workbench.datasets import write_sample

            paths = write_sample(args.out, seed=args.seed)
            for p in paths:
                print(f"wrote {p}")
        elif args.command == "summary":
            from workbench.io import write_summary

            text = write_summary(args.data, args.out, mapping=args.mapping, language=args.language)
            print(text)
    except WorkbenchError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

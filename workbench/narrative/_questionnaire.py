"""The questionnaire's edge: the ``workbench questionnaire`` subcommand (see :mod:`workbench.cli`).

It reads the attributes (from the command line or the workshop file), builds the spec with
:func:`workbench.survey.build_questionnaire`, writes the files and tells the user, in the
audience's language, what was written.
"""

from __future__ import annotations

import argparse

__all__ = ("add_questionnaire_parser", "run_questionnaire")


def add_questionnaire_parser(sub: argparse._SubParsersAction) -> None:
    """Add ``questionnaire`` to the subcommands of the ``workbench`` command."""
    p = sub.add_parser(
        "questionnaire",
        help="write the client questionnaire (HTML, PDF, Excel, text, spec) for a list of "
             "service attributes",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--attributes", nargs="+", metavar="NAME", help="service attributes")
    src.add_argument("--workshop", metavar="FILE",
                     help="workshop file (YAML) with an 'attributes:' list")
    p.add_argument("--language", choices=("ru", "en"), default=None,
                   help="the audience's language (default: the workshop file's, else ru)")
    p.add_argument("--out", default="questionnaire", help="output folder")
    p.add_argument("--scale", type=int, nargs=2, default=(1, 5), metavar=("LOW", "HIGH"),
                   help="the one rating scale (default: 1 5)")
    p.add_argument("--comments", action="store_true", help="also ask a comment per attribute")
    p.add_argument("--competitor", default=None,
                   help="the main competitor's name (default: the workshop file's first)")
    p.add_argument("--formats", nargs="+", default=None,
                   help="any of html pdf xlsx txt yaml (default: all)")
    p.add_argument("--chromium", default=None, help="path of the Chromium executable for the PDF")


def run_questionnaire(args: argparse.Namespace) -> int:
    """Build and write the questionnaire; print what was written. Returns the exit code."""
    from workbench.i18n import t
    from workbench.survey._render import FORMATS, write_questionnaire
    from workbench.survey._spec import build_questionnaire

    language, competitor = args.language, args.competitor
    if args.attributes:
        attributes = args.attributes
    else:
        from workbench.workshop import read_workshop

        attributes = _workshop_attributes(args.workshop)
        ws = read_workshop(args.workshop)
        language = language or ws.language
        competitor = competitor or next(iter(ws.competitors()), None)
    language = language or "ru"
    spec = build_questionnaire(attributes, language=language, scale=tuple(args.scale),
                               comments=args.comments, competitor=competitor)
    res = write_questionnaire(spec, args.out, formats=args.formats or FORMATS,
                              chromium=args.chromium)
    for path in res.paths.values():
        print(t("svq.wrote", language, path=path))
    for msg in res.messages:
        print(msg)
    return 0


def _workshop_attributes(path: str) -> list[str]:
    """Attributes of a workshop file: through workbench.workshop when present, else its YAML."""
    from workbench.survey._spec import read_attributes

    return read_attributes(path)

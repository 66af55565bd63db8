"""The client questionnaire in words: its texts, the written files and the subcommand.

Everything a respondent reads comes from the i18n catalogue (``svq.*`` keys) in the spec's
language; the Kano answers are those of :data:`workbench.schema.KANO_ANSWERS`. Over a
:class:`workbench.survey.QuestionnaireSpec` (keys and codes) this module gives

* the texts: :func:`block_text`, :func:`option_texts`, :func:`export_headers` and
  :func:`survey_texts` (what the wide-export reader recognises, in every language);
* the files, for people (and one for the loader): the printable HTML (and PDF, the same page
  printed by headless Chromium) for paper interviews, the Excel sheet for phone interviews (one
  column per person called), the text list to paste into a form tool question by question, and
  the YAML spec that records which question is which attribute x measure so that
  :func:`workbench.load_survey` reads the answers back without a hand-made mapping
  (:func:`write_questionnaire`);
* the ``workbench questionnaire`` subcommand (see :mod:`workbench.cli`): it reads the
  attributes (from the command line or the workshop file), builds the spec, writes the files
  and tells the user, in the audience's language, what was written.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench.errors import WorkbenchError
from workbench.i18n import LANGUAGES, check_language, has, t
from workbench.schema import KANO_ANSWERS
from workbench.survey._spec import (
    ATTRIBUTE_MEASURES,
    QUESTION_BLOCKS,
    TOOLS,
    Question,
    QuestionnaireSpec,
    build_questionnaire,
    read_attributes,
)
from workbench.survey._wide import SurveyTexts

__all__ = (
    "FORMATS",
    "QuestionnaireFiles",
    "add_questionnaire_parser",
    "block_text",
    "export_headers",
    "find_chromium",
    "option_texts",
    "question_text",
    "questionnaire_text",
    "run_questionnaire",
    "source_text",
    "spec_to_yaml",
    "survey_texts",
    "write_questionnaire",
)

#: Output formats of :func:`write_questionnaire`.
FORMATS: tuple[str, ...] = ("html", "pdf", "xlsx", "txt", "yaml")

_SCORE_BLOCKS = ("importance", "performance", "expectation", "competitor_performance")


def block_text(spec: QuestionnaireSpec, block: str, language: str | None = None) -> str:
    """Return the question text of a block (the grid's title for per-attribute blocks)."""
    lang = check_language(language or spec.language)
    if block == "competitor_performance":
        who = spec.competitor or t("svq.competitor", lang)
        return t("svq.q.competitor_performance", lang, competitor=who)
    return t(f"svq.q.{block}", lang)


def question_text(q: Question, spec: QuestionnaireSpec, language: str | None = None) -> str:
    """Return the full text of one answer cell: the block's question, and the attribute."""
    text = block_text(spec, q.block, language)
    return text if q.attribute is None else f"{text} [{q.attribute}]"


def source_text(source: str, language: str) -> str:
    """Translate a default source key; a client's own source name is returned as given."""
    key = f"svq.source.{source}"
    return t(key, language) if has(key) else source


def option_texts(
    spec: QuestionnaireSpec, block: str, language: str | None = None
) -> list[tuple[object, str]]:
    """Return the answer options of a block as ``(code, text)`` pairs, in order.

    Rating scales label both ends (``"1 — совсем не важно"``, ``"2"`` ... ``"5 — очень
    важно"``); the competitor's rating adds ``(None, "не знаю")``; Kano blocks list the five
    standard answers (codes 1–5); NPS runs 0–10; "where did you hear of us" lists the sources.
    Free-text and code questions have no options (an empty list).
    """
    lang = check_language(language or spec.language)
    if block in _SCORE_BLOCKS or block == "nps":
        lo, hi = (0, 10) if block == "nps" else spec.scale
        out: list[tuple[object, str]] = []
        for code in range(lo, hi + 1):
            if code in (lo, hi):
                label = t(f"svq.{'low' if code == lo else 'high'}.{block}", lang)
                out.append((code, t("svq.scale_option", lang, code=code, label=label)))
            else:
                out.append((code, str(code)))
        if block == "competitor_performance":
            out.append((None, t("svq.dont_know", lang)))
        return out
    if block in ("kano_functional", "kano_dysfunctional"):
        return [(code, texts[lang]) for code, texts in KANO_ANSWERS.items()]
    if block == "source":
        return [(s, source_text(s, lang)) for s in spec.sources]
    return []


def export_headers(
    spec: QuestionnaireSpec, tool: str, language: str | None = None
) -> list[tuple[str, str]]:
    """Return the headers a form tool writes for every question, in order.

    Returns
    -------
    list of (str, str)
        One ``(question, sub)`` pair per answer column. For Google Forms and Yandex Forms
        ``sub`` is ``""`` and ``question`` the full header (grids: ``Question [Attribute]`` and
        ``Question / Attribute``); for SurveyMonkey ``question`` is the first header row (the
        question text on the first column of a block, blank after it) and ``sub`` the second
        row (the grid row, or ``Response`` / ``Open-Ended Response``).
    """
    if tool not in TOOLS:
        raise ValueError(f"tool must be one of {', '.join(TOOLS)}; got {tool!r}")
    lang = check_language(language or spec.language)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for q in spec.questions:
        text = block_text(spec, q.block, lang)
        if tool == "google_forms":
            out.append((text if q.attribute is None else f"{text} [{q.attribute}]", ""))
        elif tool == "yandex_forms":
            out.append((text if q.attribute is None else f"{text} / {q.attribute}", ""))
        else:
            first = q.block not in seen
            seen.add(q.block)
            sub = q.attribute if q.attribute is not None else (
                "Open-Ended Response" if q.kind in ("text", "code") else "Response")
            out.append((text if first else "", sub))
    return out


def survey_texts(spec: QuestionnaireSpec | None = None,
                 scale: tuple[int, int] = (1, 5)) -> SurveyTexts:
    """Return the texts a wide export is recognised by, in every language.

    Parameters
    ----------
    spec : QuestionnaireSpec, optional
        The questionnaire the export answers: its texts come first (its competitor's name in
        the competitor question); the catalogue's default texts follow.
    scale : (int, int), default (1, 5)
        The ratings' scale: the option texts of the rating questions are those of this scale.

    Returns
    -------
    SurveyTexts
        ``questions``: question text -> block (a grid's title for per-attribute blocks);
        ``answers``: block -> {answer text -> code} for the rating questions and NPS (the
        options, the scale ends' labels alone, "don't know" -> None).

    Examples
    --------
    >>> texts = survey_texts()
    >>> texts.questions["How likely are you to recommend us to a colleague or a friend?"]
    'nps'
    >>> texts.answers["importance"]["5 — very important"], texts.answers["importance"]["не знаю"]
    (5, None)
    """
    lo, hi = scale
    bases = [build_questionnaire(["x"], language="en")]
    if spec is not None:
        bases.insert(0, spec)
    questions: dict[str, str] = {}
    for base in bases:
        for lang in LANGUAGES:
            for block in QUESTION_BLOCKS:
                questions.setdefault(block_text(base, block, lang), block)
    answers: dict[str, dict[str, object]] = {}
    for block in (*_SCORE_BLOCKS, "nps"):
        b_lo, b_hi = (0, 10) if block == "nps" else (lo, hi)
        base = spec or build_questionnaire(["x"], language="en", scale=(b_lo, b_hi))
        if spec is not None and block in _SCORE_BLOCKS and spec.scale != (lo, hi):
            base = build_questionnaire(["x"], language="en", scale=(lo, hi))
        out: dict[str, object] = {}
        for lang in LANGUAGES:
            for code, txt in option_texts(base, block, lang):
                out[txt] = code
            for end, code in (("low", b_lo), ("high", b_hi)):
                out[t(f"svq.{end}.{block}", lang)] = code
            out[t("svq.dont_know", lang)] = None
        answers[block] = out
    return SurveyTexts(questions=questions, answers=answers)


# ---------------------------------------------------------------------------------------------
# the written files

#: Browser executables tried for the PDF, in order.
CHROMIUM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "chrome")

_RATINGS = ("importance", "performance", "expectation", "competitor_performance")
_KANO = ("kano_functional", "kano_dysfunctional")


@dataclass
class QuestionnaireFiles:
    """What :func:`write_questionnaire` wrote.

    Attributes
    ----------
    paths : dict of str -> Path
        Format -> file written.
    messages : list of str
        Notes for the user in the questionnaire's language (e.g. why no PDF was written).
    """

    paths: dict[str, Path] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


# the spec file


def spec_to_yaml(spec: QuestionnaireSpec) -> str:
    """Return the YAML spec: the questionnaire's data plus each question's text and options.

    The texts are those of the questionnaire's language; the loader matches export headers on
    them (and on the catalogue's texts in both languages when no spec is given).
    """
    data = {"questionnaire": "workbench client questionnaire", "version": 1, **spec.to_dict()}
    for q, qd in zip(spec.questions, data["questions"], strict=True):
        qd["text"] = block_text(spec, q.block)
        opts = option_texts(spec, q.block)
        if opts:
            qd["options"] = [{"code": c, "text": txt} for c, txt in opts]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# ---------------------------------------------------------------------------------------------
# plain text (to paste into a form tool)


def questionnaire_text(spec: QuestionnaireSpec, language: str | None = None) -> str:
    """Return the questions with their answer options as plain text, one block per question.

    Grid blocks list their rows (the attributes) and the options once, as a form tool's grid
    question needs them.
    """
    lang = check_language(language or spec.language)
    lines = [t("svq.title", lang), "", t("svq.intro", lang), "",
             t("svq.scale_note", lang, low=spec.scale[0], high=spec.scale[1]), ""]
    for n, block in enumerate(spec.blocks, start=1):
        qs = spec.block_questions(block)
        head = f"{n}. {block_text(spec, block, lang)}"
        lines.append(head)
        if qs and qs[0].attribute is not None:
            lines.append(f"   {t('svq.rows', lang)}: " + "; ".join(q.attribute for q in qs))
        opts = option_texts(spec, block, lang)
        if opts:
            lines.append(f"   {t('svq.options', lang)} ({t('svq.one_choice', lang)}): "
                         + "; ".join(txt for _, txt in opts))
        else:
            lines.append(f"   {t('svq.free_text', lang)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# HTML / PDF

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 2em; color: #111; }
h1 { font-size: 18pt; margin-bottom: .2em; }
h2 { font-size: 13pt; margin-top: 1.4em; border-bottom: 1px solid #888; }
p.note { color: #333; }
table.grid { border-collapse: collapse; width: 100%; margin: .4em 0 1em; table-layout: fixed;
             page-break-inside: avoid; }
table.grid th, table.grid td { border: 1px solid #999; padding: 3px 4px; font-size: 9.5pt; }
table.grid th { font-weight: normal; vertical-align: top; text-align: center; }
table.grid th.row { text-align: left; vertical-align: bottom; font-weight: bold; }
table.grid th .code { display: block; font-weight: bold; }
table.grid th .cap { display: block; font-size: 8.5pt; color: #333; }
table.grid td.box { text-align: center; font-size: 12pt; }
div.q { margin: .6em 0 1em; page-break-inside: avoid; }
div.q .qn { font-weight: bold; }
div.q .hint { font-weight: normal; color: #555; font-size: 9.5pt; }
div.line { border-bottom: 1px solid #999; height: 1.6em; margin: .2em 0; }
ul.opts { list-style: none; padding-left: 1em; margin: .3em 0; columns: 2; }
@media print { body { margin: 1cm; } }
"""


def _option_heads(spec: QuestionnaireSpec, block: str, lang: str) -> list[str]:
    """Header cells of a grid's options: the code in bold, the end labels as a caption under it."""
    e = html.escape
    if block not in _RATINGS and block != "nps":
        return [f"<th><span class='cap'>{e(txt)}</span></th>"
                for _, txt in option_texts(spec, block, lang)]
    lo, hi = (0, 10) if block == "nps" else spec.scale
    heads = []
    for code in range(lo, hi + 1):
        cap = ""
        if code in (lo, hi):
            cap = t(f"svq.{'low' if code == lo else 'high'}.{block}", lang)
        heads.append(f"<th><span class='code'>{code}</span><span class='cap'>{e(cap)}</span></th>")
    if block == "competitor_performance":
        heads.append(f"<th><span class='code'>?</span><span class='cap'>"
                     f"{e(t('svq.dont_know', lang))}</span></th>")
    return heads


def _grid(heads: list[str], rows: list[str] | None, lang: str) -> str:
    """A table of answer boxes: one row per attribute (or one row of boxes), equal option columns."""
    first = 30 if len(heads) <= 7 else 24
    cols = "<colgroup>" + (f"<col style='width:{first}%'>" if rows is not None else "") + \
        "".join("<col>" for _ in heads) + "</colgroup>"
    label = f"<th class='row'>{html.escape(t('svq.attribute', lang))}</th>" if rows is not None \
        else ""
    out = [f"<table class='grid'>{cols}<tr>{label}{''.join(heads)}</tr>"]
    for row in rows if rows is not None else [None]:
        cell = "" if row is None else f"<td>{html.escape(row)}</td>"
        out.append(f"<tr>{cell}" + "<td class='box'>☐</td>" * len(heads) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _html(spec: QuestionnaireSpec, lang: str) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>", f"<html lang='{lang}'><head><meta charset='utf-8'>",
        f"<title>{e(t('svq.title', lang))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(t('svq.title', lang))}</h1>",
        f"<p class='note'>{e(t('svq.intro', lang))}</p>",
        f"<p class='note'>{e(t('svq.scale_note', lang, low=spec.scale[0], high=spec.scale[1]))}</p>",
    ]
    n = 0
    sections = (
        ("svq.section.ratings", [b for b in spec.blocks if b in _RATINGS or b == "comment"]),
        ("svq.section.kano", [b for b in spec.blocks if b in _KANO]),
        ("svq.section.about", [b for b in spec.blocks if b not in ATTRIBUTE_MEASURES]),
    )
    for title, blocks in sections:
        if not blocks:
            continue
        parts.append(f"<h2>{e(t(title, lang))}</h2>")
        if title == "svq.section.kano":
            parts.append(f"<p class='note'>{e(t('svq.kano_note', lang))}</p>")
        for block in blocks:
            n += 1
            qs = spec.block_questions(block)
            opts = option_texts(spec, block, lang)
            hint = f" <span class='hint'>({e(t('svq.one_choice', lang))})</span>" \
                if opts and block not in _RATINGS and block not in _KANO and block != "nps" else ""
            parts.append(f"<div class='q'><div class='qn'>{n}. "
                         f"{e(block_text(spec, block, lang))}{hint}</div>")
            if qs and qs[0].attribute is not None and opts:
                parts.append(_grid(_option_heads(spec, block, lang),
                                   [q.attribute for q in qs], lang))
            elif qs and qs[0].attribute is not None:
                parts.append("<table class='grid'>")
                for q in qs:
                    parts.append(f"<tr><td style='width:30%'>{e(q.attribute)}</td><td></td></tr>")
                parts.append("</table>")
            elif opts and block == "nps":  # 0-10 in one row
                parts.append(_grid(_option_heads(spec, block, lang), None, lang))
            elif opts:
                parts.append("<ul class='opts'>" + "".join(
                    f"<li>☐ {e(txt)}</li>" for _, txt in opts) + "</ul>")
            else:
                parts.append("<div class='line'></div>" * (1 if block == "customer_id" else 3))
            parts.append("</div>")
    parts.append(f"<p><b>{e(t('svq.thanks', lang))}</b></p></body></html>")
    return "\n".join(parts)


def find_chromium(chromium: str | Path | None = None) -> str | None:
    """Return the path of a Chromium executable (``chromium`` given, or found on PATH)."""
    if chromium is not None:
        p = shutil.which(str(chromium))
        return p if p else (str(chromium) if Path(chromium).exists() else None)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _pdf(html_path: Path, pdf_path: Path, chromium: str | Path | None, lang: str,
         timeout: float) -> str | None:
    exe = find_chromium(chromium)
    if exe is None:
        names = ", ".join([str(chromium)] if chromium else CHROMIUM_NAMES)
        return t("svq.pdf.no_chromium", lang, names=names, html=html_path.name)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="workbench-chromium-") as profile:
        # a profile of its own: a Chromium already open (or printing) does not block this one
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf_path.resolve()}",
               html_path.resolve().as_uri()]
        try:
            res = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return t("svq.pdf.failed", lang, error=type(exc).__name__, html=html_path.name)
    if res.returncode != 0 or not pdf_path.exists():
        err = res.stderr.decode("utf-8", "replace").strip().splitlines()
        return t("svq.pdf.failed", lang, error=(err[-1] if err else f"exit {res.returncode}"),
                 html=html_path.name)
    return None


# ---------------------------------------------------------------------------------------------
# Excel for phone interviews


def _xlsx(spec: QuestionnaireSpec, path: Path, lang: str, respondents: int) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = t("svq.sheet.interview", lang)[:31]
    ws.append([t("svq.sheet.help", lang)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=5 + respondents)
    ws.row_dimensions[1].height = 45
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    header = [t("svq.col.question_id", lang), t("svq.col.question", lang),
              t("svq.attribute", lang), t("svq.options", lang)]
    header += [t("svq.col.respondent", lang, n=i) for i in range(1, respondents + 1)]
    ws.append(header)
    for c in ws[2]:
        c.font = Font(bold=True)
    first_answer_col = len(header) - respondents + 1
    for q in spec.questions:
        opts = option_texts(spec, q.block, lang)
        ws.append([q.id, block_text(spec, q.block, lang), q.attribute or "",
                   "; ".join(txt for _, txt in opts) if opts else t("svq.free_text", lang)])
        r = ws.max_row
        if opts and q.kind != "choice":
            codes = [str(c) for c, _ in opts if c is not None]
            if q.kind == "kano":
                codes = [txt for _, txt in opts]
            dv = DataValidation(type="list", formula1='"' + ",".join(codes) + '"',
                                allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{ws.cell(r, first_answer_col).coordinate}:"
                   f"{ws.cell(r, first_answer_col + respondents - 1).coordinate}")
    for col, width in zip("ABCD", (8, 60, 28, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(3, first_answer_col)
    wb.save(path)


# ---------------------------------------------------------------------------------------------


def write_questionnaire(
    spec: QuestionnaireSpec,
    out: str | Path,
    *,
    formats: Sequence[str] = FORMATS,
    stem: str = "questionnaire",
    chromium: str | Path | None = None,
    respondents: int = 20,
    timeout: float = 120.0,
) -> QuestionnaireFiles:
    """Write the questionnaire in the spec's language to a folder.

    Parameters
    ----------
    spec : QuestionnaireSpec
        From :func:`build_questionnaire`.
    out : str or Path
        Output folder (created).
    formats : sequence of str, default all of :data:`FORMATS`
        ``html`` (printable page), ``pdf`` (the page printed by headless Chromium; needs
        ``html``), ``xlsx`` (a sheet for phone interviews), ``txt`` (questions and options to
        paste into a form tool), ``yaml`` (the questionnaire spec, for reading answers back).
    stem : str, default "questionnaire"
        File name stem: ``questionnaire.html``, ``questionnaire_spec.yml`` ...
    chromium : str or Path, optional
        The Chromium executable; by default looked up on PATH. Without one, no PDF is written
        and ``messages`` says how to get it.
    respondents : int, default 20
        Answer columns in the interview sheet.
    timeout : float, default 120
        Seconds allowed for Chromium.

    Returns
    -------
    QuestionnaireFiles
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WorkbenchError(f"formats: unknown {unknown}; choose among {', '.join(FORMATS)}")
    lang = check_language(spec.language)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    res = QuestionnaireFiles()
    if "html" in formats or "pdf" in formats:
        p = folder / f"{stem}.html"
        p.write_text(_html(spec, lang), encoding="utf-8")
        res.paths["html"] = p
    if "pdf" in formats:
        p = folder / f"{stem}.pdf"
        msg = _pdf(res.paths["html"], p, chromium, lang, timeout)
        if msg is None:
            res.paths["pdf"] = p
        else:
            res.messages.append(msg)
    if "xlsx" in formats:
        p = folder / f"{stem}_interview.xlsx"
        _xlsx(spec, p, lang, respondents)
        res.paths["xlsx"] = p
    if "txt" in formats:
        p = folder / f"{stem}.txt"
        p.write_text(questionnaire_text(spec, lang), encoding="utf-8")
        res.paths["txt"] = p
    if "yaml" in formats:
        p = folder / f"{stem}_spec.yml"
        p.write_text(spec_to_yaml(spec), encoding="utf-8")
        res.paths["yaml"] = p
    return res


# ---------------------------------------------------------------------------------------------
# the subcommand


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
    return read_attributes(path)

"""The text layer of the questionnaire: question texts, answer options and export headers.

Everything a respondent reads comes from the i18n catalogue (``svq.*`` keys) in the spec's
language; the Kano answers are those of :data:`workbench.schema.KANO_ANSWERS`.
"""

from __future__ import annotations

from workbench.i18n import check_language, has, t
from workbench.schema import KANO_ANSWERS
from workbench.survey._spec import Question, QuestionnaireSpec

__all__ = (
    "TOOLS",
    "block_text",
    "export_headers",
    "option_texts",
    "question_text",
    "source_text",
)

#: Form tools whose wide exports are written (for tests and samples) and read back.
TOOLS: tuple[str, ...] = ("google_forms", "yandex_forms", "surveymonkey")

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

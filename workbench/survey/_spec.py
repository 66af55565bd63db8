"""The questionnaire spec: which question asks which attribute x measure (data, no texts).

A :class:`QuestionnaireSpec` is what :func:`build_questionnaire` returns and what the YAML spec
file records. It holds keys and codes only; the texts an audience reads are added by the text
layer (:mod:`workbench.narrative._questionnaire`) in the questionnaire's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.errors import WorkbenchError

__all__ = (
    "ATTRIBUTE_MEASURES",
    "DEFAULT_SOURCES",
    "QUESTION_BLOCKS",
    "Question",
    "QuestionnaireSpec",
    "TOOLS",
    "build_questionnaire",
    "load_spec",
    "read_attributes",
)

#: Form tools whose wide exports are written (for tests and samples) and read back.
TOOLS: tuple[str, ...] = ("google_forms", "yandex_forms", "surveymonkey")

#: Measures asked per attribute, in the order of the questionnaire (canonical survey columns).
ATTRIBUTE_MEASURES: tuple[str, ...] = (
    "importance",
    "performance",
    "expectation",
    "competitor_performance",
    "kano_functional",
    "kano_dysfunctional",
    "comment",
)

#: Every block of the questionnaire, in order: per-attribute grids, then one-off questions.
QUESTION_BLOCKS: tuple[str, ...] = (*ATTRIBUTE_MEASURES, "nps", "source", "keep", "change",
                                    "customer_id")

#: Default answer options of "where did you hear of us" (keys of ``svq.source.<key>``).
DEFAULT_SOURCES: tuple[str, ...] = (
    "recommendation", "website", "search_ads", "social", "marketplace", "exhibition",
    "sales_call", "other",
)

_KIND = {
    "importance": "scale", "performance": "scale", "expectation": "scale",
    "competitor_performance": "scale", "kano_functional": "kano", "kano_dysfunctional": "kano",
    "comment": "text", "nps": "nps", "source": "choice", "keep": "text", "change": "text",
    "customer_id": "code",
}


@dataclass(frozen=True)
class Question:
    """One answer cell of a respondent: a block (measure) and, for grids, an attribute.

    Attributes
    ----------
    id : str
        ``"Q1"``, ``"Q2"`` ... in questionnaire order (one per answer column).
    block : str
        One of :data:`QUESTION_BLOCKS`; for answers it is the canonical column it fills
        (``importance`` ... ``kano_dysfunctional``, ``comment``, ``nps``, ``customer_id``) or an
        extra column of the long table (``source``, ``keep``, ``change``).
    kind : str
        ``"scale"``, ``"kano"``, ``"nps"``, ``"choice"``, ``"text"`` or ``"code"``.
    attribute : str or None
        The service attribute of a grid row; None for one-off questions.
    """

    id: str
    block: str
    kind: str
    attribute: str | None = None


@dataclass(frozen=True)
class QuestionnaireSpec:
    """A client questionnaire as data: attributes, scale, blocks and answer cells.

    Attributes
    ----------
    attributes : tuple of str
        The service attributes asked about, in order.
    scale : (int, int)
        The one rating scale of every score question (``importance``, ``performance``,
        ``expectation``, ``competitor_performance``).
    blocks : tuple of str
        The blocks asked, in order (a subset of :data:`QUESTION_BLOCKS`).
    language : str
        The audience's language of the written questionnaire (``"ru"`` or ``"en"``).
    sources : tuple of str
        Answer options of the "where did you hear of us" question: keys of
        :data:`DEFAULT_SOURCES` (translated) or the client's own words (kept as given).
    competitor : str or None
        The main competitor's name, if the questionnaire names it.
    questions : tuple of Question
        One per answer column, in order.
    """

    attributes: tuple[str, ...]
    scale: tuple[int, int] = (1, 5)
    blocks: tuple[str, ...] = ()
    language: str = "ru"
    sources: tuple[str, ...] = DEFAULT_SOURCES
    competitor: str | None = None
    questions: tuple[Question, ...] = field(default=())

    def block_questions(self, block: str) -> list[Question]:
        """Return the questions of one block, in order."""
        return [q for q in self.questions if q.block == block]

    def question(self, block: str, attribute: str | None = None) -> Question:
        """Return the question of ``block`` (and ``attribute`` for a grid)."""
        for q in self.questions:
            if q.block == block and q.attribute == attribute:
                return q
        raise KeyError((block, attribute))

    def with_language(self, language: str) -> QuestionnaireSpec:
        """Return the same questionnaire written in another language."""
        from workbench._context import check_language

        return replace(self, language=check_language(language))

    def to_dict(self) -> dict:
        """Return the spec as plain data (question texts are added by :func:`spec_to_yaml`)."""
        return {
            "attributes": list(self.attributes),
            "scale": list(self.scale),
            "blocks": list(self.blocks),
            "language": self.language,
            "sources": list(self.sources),
            "competitor": self.competitor,
            "questions": [
                {"id": q.id, "block": q.block, "kind": q.kind, "attribute": q.attribute}
                for q in self.questions
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> QuestionnaireSpec:
        """Rebuild a spec from :meth:`to_dict` output (or a YAML spec file's content)."""
        if not isinstance(data, Mapping) or "questions" not in data or "attributes" not in data:
            raise WorkbenchError(
                "a questionnaire spec must be a mapping with 'attributes' and 'questions' "
                "(write one with `workbench questionnaire`)"
            )
        questions = []
        for i, q in enumerate(data["questions"]):
            try:
                block = str(q["block"])
                questions.append(Question(str(q["id"]), block, str(q.get("kind") or _KIND[block]),
                                          None if q.get("attribute") is None
                                          else str(q["attribute"])))
            except (KeyError, TypeError) as exc:
                raise WorkbenchError(
                    f"questionnaire spec: question {i + 1} needs 'id' and a known 'block' "
                    f"({', '.join(QUESTION_BLOCKS)}); got {q!r}"
                ) from exc
        scale = tuple(int(x) for x in data.get("scale", (1, 5)))
        return cls(
            attributes=tuple(str(a) for a in data["attributes"]),
            scale=(scale[0], scale[1]),
            blocks=tuple(str(b) for b in data.get("blocks") or dict.fromkeys(
                q.block for q in questions)),
            language=str(data.get("language", "ru")),
            sources=tuple(str(s) for s in data.get("sources", DEFAULT_SOURCES)),
            competitor=data.get("competitor"),
            questions=tuple(questions),
        )


def build_questionnaire(
    attributes: Iterable[str],
    *,
    language: str = "ru",
    scale: tuple[int, int] = (1, 5),
    blocks: Sequence[str] | None = None,
    comments: bool = False,
    sources: Sequence[str] | None = None,
    competitor: str | None = None,
) -> QuestionnaireSpec:
    """Build the client questionnaire of step 1 from the list of service attributes.

    Parameters
    ----------
    attributes : iterable of str
        The service attributes (from the workshop file), e.g. ``["Скорость доставки", "Цена"]``.
    language : {"ru", "en"}, default "ru"
        The language the questionnaire is written in.
    scale : (int, int), default (1, 5)
        The one scale of every rating (importance, our performance, expected level, the main
        competitor's performance); e.g. ``(1, 10)``.
    blocks : sequence of str, optional
        The blocks to ask, a subset of :data:`QUESTION_BLOCKS`; by default all but the
        per-attribute ``comment`` block: the four ratings, the Kano pair, NPS (0–10), where they
        heard of us, what to keep, what to change, and the optional customer number / code.
    comments : bool, default False
        Also ask for a short comment per attribute (the ``comment`` block).
    sources : sequence of str, optional
        Answer options of "where did you hear of us"; default :data:`DEFAULT_SOURCES`
        (translated). Pass the client's own source names (as in the CRM's ``source`` column)
        so that the answers can be matched to the CRM.
    competitor : str, optional
        The main competitor's name; by default the question says "our main competitor".

    Returns
    -------
    QuestionnaireSpec
        One :class:`Question` per answer column (``Q1``, ``Q2`` ...).

    Examples
    --------
    >>> spec = build_questionnaire(["Цена", "Доставка"], blocks=["importance", "nps"])
    >>> [(q.id, q.block, q.attribute) for q in spec.questions]
    [('Q1', 'importance', 'Цена'), ('Q2', 'importance', 'Доставка'), ('Q3', 'nps', None)]
    """
    from workbench._context import check_language

    attrs = tuple(dict.fromkeys(str(a).strip() for a in attributes if str(a).strip()))
    if not attrs:
        raise WorkbenchError(
            "build_questionnaire: give at least one service attribute (e.g. --attributes "
            "'Скорость доставки' 'Цена', or a workshop file with an 'attributes:' list)"
        )
    lo, hi = (int(scale[0]), int(scale[1]))
    if not hi > lo or lo < 0:
        raise WorkbenchError(f"scale must be (low, high) with 0 <= low < high; got {scale!r}")
    if blocks is None:
        chosen = [b for b in QUESTION_BLOCKS if b != "comment" or comments]
    else:
        unknown = [b for b in blocks if b not in QUESTION_BLOCKS]
        if unknown:
            raise WorkbenchError(
                f"blocks: unknown block(s) {unknown}; choose among {', '.join(QUESTION_BLOCKS)}"
            )
        chosen = [b for b in QUESTION_BLOCKS if b in blocks or (b == "comment" and comments)]
    if not chosen:
        raise WorkbenchError("blocks: choose at least one block")
    questions: list[Question] = []
    for block in chosen:
        if block in ATTRIBUTE_MEASURES:
            for a in attrs:
                questions.append(Question(f"Q{len(questions) + 1}", block, _KIND[block], a))
        else:
            questions.append(Question(f"Q{len(questions) + 1}", block, _KIND[block]))
    return QuestionnaireSpec(
        attributes=attrs,
        scale=(lo, hi),
        blocks=tuple(chosen),
        language=check_language(language),
        sources=tuple(sources) if sources is not None else DEFAULT_SOURCES,
        competitor=competitor,
        questions=tuple(questions),
    )


def read_attributes(path: str | Path) -> list[str]:
    """Read the service attributes from a workshop file (its ``attributes:`` list).

    Parameters
    ----------
    path : str or Path
        The workshop file (``workshop.yml`` / ``.xlsx``) or the client's folder holding it.
        The attributes are a list of names, or of mappings with a ``name`` (e.g.
        ``{name: Скорость доставки, note: ...}``). The file is read and validated with
        :func:`workbench.workshop.read_workshop` (an invalid file is an error listing its
        problems).

    Returns
    -------
    list of str
    """
    from workbench.workshop import read_workshop

    p = Path(path)
    if not p.exists():
        raise WorkbenchError(f"{p.name}: workshop file not found ({p})")
    ws = read_workshop(p)
    items = ws.get("attributes")
    if not items:
        name = ws.path.name if ws.path is not None else p.name
        raise WorkbenchError(
            f"{name}: no 'attributes:' list found; add the service attributes, e.g.\n"
            "attributes:\n  - Скорость доставки\n  - Цена"
        )
    return [str(item) for item in items]


def load_spec(spec: str | Path | QuestionnaireSpec | dict) -> QuestionnaireSpec:
    """Read a questionnaire spec (a YAML file written by ``write_questionnaire``)."""
    import yaml

    if isinstance(spec, QuestionnaireSpec):
        return spec
    if isinstance(spec, dict):
        return QuestionnaireSpec.from_dict(spec)
    p = Path(spec)
    if not p.exists():
        raise WorkbenchError(f"{p.name}: questionnaire spec not found ({p})")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise WorkbenchError(f"{p.name}: not a readable YAML spec ({exc})") from None
    return QuestionnaireSpec.from_dict(data or {})

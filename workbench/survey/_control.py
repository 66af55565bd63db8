"""The course's 43 control questions as a workshop checklist, and the report's appendix table.

The course outline (seed 002) closes with 43 control questions. In a workshop they become a
checklist: each is tied to one of the eight steps, the room's answer is written into the
workshop file (a ``control_questions:`` section), and the report prints them as an appendix.
The table and the sentence are in the text layer (:func:`workbench.format_control_questions`,
:func:`workbench.describe_control_questions`), and so are the questions' texts: the functions
here take a question by its number, or by its text: the texts the caller passes
(``texts=``) or, when none are passed, the catalogue's in Russian and English, which the text
layer registers (provider ``control_question_texts``, :mod:`workbench.survey._layer`). So
``workbench.survey.control_checklist(folder.workshop)`` recognises a question written by its
text, as :func:`workbench.control_checklist` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "CONTROL_QUESTIONS",
    "control_answers",
    "control_checklist",
    "question_number",
)

#: Question number -> (step of the method 1-8 it serves, topic of the course outline 1-8).
#: Texts: ``cq.q.<number>`` in the catalogue (Russian as in the course, English translated).
CONTROL_QUESTIONS: dict[int, tuple[int, int]] = {
    1: (5, 1), 2: (1, 1), 3: (3, 1), 4: (3, 1), 5: (5, 1), 6: (2, 1), 7: (4, 1), 8: (6, 1),
    9: (3, 1), 10: (8, 1),
    11: (4, 2), 12: (4, 2), 13: (6, 2), 14: (7, 2), 15: (8, 2), 16: (1, 2), 17: (2, 2),
    18: (3, 2),
    19: (1, 3), 20: (1, 3), 21: (2, 3), 22: (8, 3), 23: (8, 3), 24: (2, 3), 25: (3, 3),
    26: (7, 3), 27: (1, 3), 28: (4, 3),
    29: (2, 4), 30: (5, 4),
    31: (4, 5), 32: (2, 5),
    33: (6, 6), 34: (7, 6), 35: (1, 6), 36: (6, 6),
    37: (8, 7), 38: (7, 7), 39: (7, 7),
    40: (4, 8), 41: (8, 8), 42: (8, 8), 43: (6, 8),
}


def _registered_texts() -> Mapping[str, int] | None:
    """The catalogue's question texts from the text layer; None when it is not loaded."""
    from workbench.survey._layer import provider

    try:
        return provider("control_question_texts")()
    except RuntimeError:
        return None


def _normalised(texts: Mapping[str, int] | None) -> dict[str, int]:
    """Question text -> number, with the texts normalised as :func:`_question_number` reads.

    ``texts=None``: the text layer's (the catalogue's in Russian and English), if it is loaded.
    """
    if texts is None:
        texts = _registered_texts()
    if not texts:
        return {}
    from workbench.io._parse import normalise_word

    out: dict[str, int] = {}
    for text, number in texts.items():
        if number not in CONTROL_QUESTIONS:
            raise WorkbenchError(f"texts: question {number!r} does not exist (1-43)")
        out.setdefault(" ".join(normalise_word(str(text)).split()), int(number))
    return out


def _question_number(key: object, texts: dict[str, int]) -> int:
    """A question given as 1, "13", "q13" or by its text (Russian or English)."""
    k = str(key).strip()
    if k.lower().lstrip("q№# ").isdigit():
        number = int(k.lower().lstrip("q№# "))
        if number not in CONTROL_QUESTIONS:
            raise WorkbenchError(f"control_questions: question {number} does not exist (1-43)")
        return number
    from workbench.io._parse import normalise_word

    found = texts.get(" ".join(normalise_word(k).split()))
    if found is None:
        raise WorkbenchError(
            f"control_questions: {key!r} is neither a question number (1-43) nor the text of "
            "one of the course's control questions")
    return found


def question_number(key: object, texts: Mapping[str, int] | None = None) -> int:
    """Return the number (1-43) of a control question given as 13, "13", "q13" or its text.

    Parameters
    ----------
    key : int or str
        The number, or the question's text (found in ``texts``).
    texts : mapping of str -> int, optional
        Question text -> number; by default the course's texts in Russian and English
        (:func:`workbench.control_question_texts`, when the text layer is loaded; without it
        only numbers are recognised). An empty mapping: numbers only.

    Raises
    ------
    WorkbenchError
        Neither a question number nor one of ``texts``.

    Examples
    --------
    >>> question_number(13), question_number("№ 7")
    (13, 7)
    """
    if isinstance(key, bool):
        raise WorkbenchError(f"control_questions: {key!r} is not a question number (1-43)")
    if isinstance(key, float) and key == int(key):
        key = int(key)
    return _question_number(key, _normalised(texts))


def control_answers(workshop: object, texts: Mapping[str, int] | None = None) -> dict[int, str]:
    """Read the room's answers from a workshop file's ``control_questions:`` section.

    Parameters
    ----------
    workshop : Workshop, str, Path, dict, list or None
        A :class:`workbench.Workshop` (``folder.workshop``), a workshop YAML file, its content
        as a dict, or the section itself. The section is a list of rows ``{question, answer}``
        (the workshop file's table; ``question`` is the number 1–43 or the question's text in
        Russian or English), or a mapping from the number to the answer::

            control_questions:
              - {question: 1, answer: Когда клиент покупает один раз и больше не вернётся.}
              - {question: 13, answer: Скорость доставки и стабильность вкуса.}

    texts : mapping of str -> int, optional
        Question text -> number, for questions given by their text; by default the course's
        texts in Russian and English (see :func:`question_number`).

    Returns
    -------
    dict of int -> str
        Non-empty answers by question number.
    """
    if workshop is None:
        return {}
    if hasattr(workshop, "data") and hasattr(workshop, "table"):  # a workbench.Workshop
        workshop = dict(workshop.data or {})
    if isinstance(workshop, (str, Path)):
        import yaml

        p = Path(workshop)
        if not p.exists():
            raise WorkbenchError(f"{p.name}: workshop file not found ({p})")
        workshop = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    section = workshop.get("control_questions", workshop) if isinstance(workshop, Mapping) \
        else workshop
    if section is None:
        return {}
    known = _normalised(texts)
    pairs: list[tuple[object, object]] = []
    if isinstance(section, Mapping):
        for key, value in section.items():
            pairs.append((key, value.get("answer") if isinstance(value, Mapping) else value))
    elif isinstance(section, (list, tuple)):
        for i, row in enumerate(section):
            if not isinstance(row, Mapping) or "question" not in row:
                raise WorkbenchError(
                    f"control_questions[{i}]: expected {{question: <1-43>, answer: …}}; got {row!r}")
            pairs.append((row["question"], row.get("answer")))
    else:
        raise WorkbenchError("control_questions: expected a list of {question, answer} rows or a "
                             "mapping {number: answer}")
    out: dict[int, str] = {}
    for key, value in pairs:
        number = _question_number(key, known)
        if value is not None and not (isinstance(value, float) and value != value) \
                and str(value).strip():
            out[number] = str(value).strip()
    return out


def control_checklist(answers: Mapping[int, str] | str | Path | None = None,
                      step: int | None = None,
                      texts: Mapping[str, int] | None = None) -> pd.DataFrame:
    """Return the checklist of the 43 control questions with the room's answers.

    Parameters
    ----------
    answers : dict, str or Path, optional
        ``{number: answer}``, or a workshop file / dict read by :func:`control_answers`.
    step : int, optional
        Only the questions of this step (1-8).
    texts : mapping of str -> int, optional
        Question text -> number, passed to :func:`control_answers`.

    Returns
    -------
    DataFrame
        Index ``number`` (1-43); ``step``, ``topic`` (of the course outline), ``answer``
        (string, missing when not answered) and ``answered`` (bool).

    Examples
    --------
    >>> table = control_checklist({13: "delivery speed"})
    >>> int(table["answered"].sum()), int(table.loc[13, "step"])
    (1, 6)
    """
    given = answers if isinstance(answers, Mapping) and answers and all(
        isinstance(k, int) for k in answers) else control_answers(answers, texts)
    unknown = [k for k in given if k not in CONTROL_QUESTIONS]
    if unknown:
        raise WorkbenchError(f"control_checklist: no such question(s) {unknown} (1-43)")
    frame = pd.DataFrame(
        {"step": [s for s, _ in CONTROL_QUESTIONS.values()],
         "topic": [tp for _, tp in CONTROL_QUESTIONS.values()]},
        index=pd.Index(list(CONTROL_QUESTIONS), name="number"),
    ).astype("int64")
    frame["answer"] = pd.array([given.get(n) for n in frame.index], dtype=pd.StringDtype())
    frame["answered"] = frame["answer"].notna().to_numpy()
    if step is not None:
        if step not in range(1, 9):
            raise WorkbenchError(f"step must be 1-8; got {step!r}")
        frame = frame[frame["step"] == step]
    return frame

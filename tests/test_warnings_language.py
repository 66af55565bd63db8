"""Warnings of the computation modules are said in the reader's language (issue 11).

A computation module warns with a :class:`~workbench.errors.NoteWarning`: a catalogue code and
its values. The text layer says it in the current language when the warning is shown.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import workbench
from workbench._context import get_language
from workbench.churn import customer_features
from workbench.errors import NoteWarning
from workbench.feedback import nps
from workbench.i18n import has
from workbench.offers import golden_drops


def _advantages(n: int) -> pd.DataFrame:
    return pd.DataFrame({"advantage": [f"a{i}" for i in range(n)],
                         "importance": [4] * n, "competitor_presence": [0.2] * n})


def _caught(fn) -> NoteWarning:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fn()
    notes = [w.message for w in got if isinstance(w.message, NoteWarning)]
    assert len(notes) == 1, [str(w.message) for w in got]
    return notes[0]


TX = pd.DataFrame({"customer_id": ["a", "a", "b"],
                   "date": pd.to_datetime(["2024-01-02", "2024-01-20", "2024-01-05"]),
                   "amount": [10.0, 20.0, 5.0]})


CASES = {
    "golden": (lambda: golden_drops(_advantages(3)),
               "golden drops: 3 advantages listed; the method asks for at least 10",
               "«золотые капли»: перечислено преимуществ — 3, методика просит не меньше 10"),
    "nps": (lambda: nps(pd.DataFrame({"customer_id": ["a", "b", "z"], "nps": [10, 0, 5]}),
                        by=pd.Series({"a": "x", "b": "y"})),
            "NPS: answers without a group in by=, left out: 1",
            "NPS: ответов без группы в by= — 1, они не учтены"),
    "survey_undated": (
        lambda: customer_features(TX, "2024-01-31", survey=pd.DataFrame(
            {"customer_id": ["a", "b"], "nps": pd.array([3, 9], dtype="Int64"),
             "date": pd.to_datetime(["2024-01-03", None])})),
        "survey: NPS answers without a date, not used by the churn features: 1 (an undated "
        "answer could come from after the scoring date)",
        "опрос: ответов NPS без даты — 1; модель ухода их не использует (ответ без даты мог "
        "быть дан после даты оценки)"),
    "survey_no_date": (
        lambda: customer_features(TX, "2024-01-31", survey=pd.DataFrame(
            {"customer_id": ["a"], "nps": pd.array([3], dtype="Int64")})),
        "the survey has no “date” column: NPS answers cannot be placed in time, so the churn "
        "features do not use them (they could leak the future)",
        "в опросе нет столбца «date»: ответы NPS нельзя привязать ко времени, поэтому модель "
        "ухода их не использует (они могли бы заглянуть в будущее)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_warning_is_said_in_both_languages(case):
    fn, en, ru = CASES[case]
    w = _caught(fn)
    assert has(w.note.code)
    assert w.note.text("en") == en
    assert w.note.text("ru") == ru


@pytest.mark.parametrize("language", ["en", "ru"])
def test_shown_warning_uses_the_current_language(language):
    fn, en, ru = CASES["golden"]
    before = get_language()
    try:
        workbench.set_language(language)
        w = _caught(fn)
        assert str(w) == {"en": en, "ru": ru}[language]
    finally:
        workbench.set_language(before)


def test_warning_without_text_layer_still_names_its_code(monkeypatch):
    from workbench.io import _messages

    monkeypatch.setattr(_messages, "_LAYER", [])
    w = NoteWarning("nps.warn.no_group", n=2)
    assert str(w) == "Note('nps.warn.no_group', n=2)"

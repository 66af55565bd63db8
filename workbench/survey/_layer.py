"""Where the survey instruments meet their texts: providers the text layer registers.

The instruments compute with keys and codes; a respondent reads texts. Where a computation
needs the catalogue's texts and its caller cannot pass them (``workbench.load_survey`` reading
a wide export by its question texts, ``workbench.datasets.write_sample`` writing the sample's
Russian form-tool export and motivation survey, a load report asked for its summary), it takes
them from a provider that :mod:`workbench.narrative._survey` registers when the text layer is
imported (``import workbench`` does). The functions that take the texts as an argument
(``texts=``, ``headers=``) use a provider only when none is given.

Providers (name: what it returns):

* ``survey_texts(spec, scale)``: :class:`workbench.survey._wide.SurveyTexts`, the question and
  answer texts a wide export is recognised by;
* ``survey_column_roles(report, language)`` / ``describe_survey_load(report, language)``: a
  wide export's load report as a table and as text;
* ``motivation_headers()``: ``{factor text: factor key}`` in every language;
* ``write_export(answers, spec, path, tool)`` / ``spec_to_yaml(spec)``: a form tool's export
  and the questionnaire spec file, with the questionnaire's texts;
* ``make_motivation_sample()``: the sample's motivation survey as the Excel form collects it;
* ``control_question_texts()``: ``{question text: number}`` of the 43 control questions in
  every language (:mod:`workbench.survey._control` reads a question given by its text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ("provider", "register_survey_texts")

_PROVIDERS: dict[str, Callable[..., Any]] = {}


def register_survey_texts(**providers: Callable[..., Any]) -> None:
    """Register text providers by name (the text layer does, on import)."""
    _PROVIDERS.update(providers)


def provider(name: str) -> Callable[..., Any]:
    """Return the registered provider ``name``; a clear error when the text layer is not loaded."""
    try:
        return _PROVIDERS[name]
    except KeyError:
        raise RuntimeError(f"the text layer is not loaded (no {name!r}): import workbench, or "
                           "pass the texts") from None

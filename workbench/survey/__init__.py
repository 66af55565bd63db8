"""Survey instruments of the method: questionnaires out, real survey exports in.

* :func:`build_questionnaire` / :func:`write_questionnaire` — step 1's client questionnaire
  (ratings of importance, our performance, the expected level and the main competitor's
  performance, the Kano pair, NPS, where they heard of us, what to keep and to change) as a
  printable page (HTML, PDF), an interview sheet (Excel), a plain list for a form tool and a
  spec (YAML) that says which question is which attribute x measure;
* :func:`read_wide_survey` — Google Forms, Yandex Forms and SurveyMonkey exports into the long
  survey table (:func:`workbench.load_survey` calls it for wide files);
* :func:`write_export` — the inverse, for tests and the shipped sample.
"""

from __future__ import annotations

from workbench.survey._exports import wide_answers, write_export
from workbench.survey._render import (
    FORMATS,
    QuestionnaireFiles,
    find_chromium,
    load_spec,
    questionnaire_text,
    spec_to_yaml,
    write_questionnaire,
)
from workbench.survey._spec import (
    ATTRIBUTE_MEASURES,
    DEFAULT_SOURCES,
    QUESTION_BLOCKS,
    Question,
    QuestionnaireSpec,
    build_questionnaire,
    read_attributes,
)
from workbench.survey._texts import TOOLS, export_headers, option_texts
from workbench.survey._wide import SurveyLoadReport, is_wide_export, read_wide_survey

__all__ = (
    "ATTRIBUTE_MEASURES",
    "DEFAULT_SOURCES",
    "FORMATS",
    "QUESTION_BLOCKS",
    "TOOLS",
    "Question",
    "QuestionnaireFiles",
    "QuestionnaireSpec",
    "SurveyLoadReport",
    "build_questionnaire",
    "export_headers",
    "find_chromium",
    "is_wide_export",
    "load_spec",
    "option_texts",
    "questionnaire_text",
    "read_attributes",
    "read_wide_survey",
    "spec_to_yaml",
    "wide_answers",
    "write_export",
    "write_questionnaire",
)

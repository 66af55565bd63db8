"""Survey instruments of the method: questionnaires out, real survey exports in.

* :func:`build_questionnaire` / :func:`write_questionnaire` — step 1's client questionnaire
  (ratings of importance, our performance, the expected level and the main competitor's
  performance, the Kano pair, NPS, where they heard of us, what to keep and to change) as a
  printable page (HTML, PDF), an interview sheet (Excel), a plain list for a form tool and a
  spec (YAML) that says which question is which attribute x measure;
* :func:`read_wide_survey` — Google Forms, Yandex Forms and SurveyMonkey exports into the long
  survey table (:func:`workbench.load_survey` calls it for wide files);
* :func:`write_export` — the inverse, for tests and the shipped sample;
* internal clients: the employee motivation survey (:func:`load_motivation`,
  :func:`motivation_gaps` against Kovach's ten factors);
* :func:`compare_ukor` — the firm's УКОР self-assessment against the key clients' view
  (:data:`KEY_CLIENT_QUESTIONS`);
* :func:`control_checklist` — the course's 43 control questions, tied to the steps, with the
  room's answers from the workshop file;
* :func:`load_interview_notes` / :func:`voice_of_customer` — interview notes next to the survey
  comments for the цитатник.

The modules ``workbench.survey._*`` compute with keys and codes. What a respondent or a reader
reads (the questionnaire's texts and files, the form tools' exports, the motivation survey's
form, sentence and table) is in the text layer (:mod:`workbench.narrative._questionnaire`,
:mod:`~workbench.narrative._survey_export`, :mod:`~workbench.narrative._motivation`); this
namespace gives those names too, importing the text layer on the first use of one of them.
"""

from __future__ import annotations

from workbench.survey._control import (
    CONTROL_QUESTIONS,
    control_answers,
    control_checklist,
)
from workbench.survey._folder import INSTRUMENT_FILES, find_instrument
from workbench.survey._internal import (
    KOVACH_EMPLOYEES,
    KOVACH_FACTORS,
    KOVACH_MANAGERS,
    load_motivation,
    motivation_gaps,
    motivation_waves,
)
from workbench.survey._notes import load_interview_notes, voice_of_customer
from workbench.survey._spec import (
    ATTRIBUTE_MEASURES,
    DEFAULT_SOURCES,
    QUESTION_BLOCKS,
    TOOLS,
    Question,
    QuestionnaireSpec,
    build_questionnaire,
    load_spec,
    read_attributes,
)
from workbench.survey._ukor import (
    KEY_CLIENT_QUESTIONS,
    UkorComparison,
    compare_ukor,
    load_key_client_answers,
)
from workbench.survey._wide import (
    SurveyLoadReport,
    SurveyTexts,
    is_wide_export,
    read_wide_survey,
)

__all__ = (
    "ATTRIBUTE_MEASURES",
    "CONTROL_QUESTIONS",
    "DEFAULT_SOURCES",
    "FORMATS",
    "INSTRUMENT_FILES",
    "KEY_CLIENT_QUESTIONS",
    "KOVACH_EMPLOYEES",
    "KOVACH_FACTORS",
    "KOVACH_MANAGERS",
    "QUESTION_BLOCKS",
    "TOOLS",
    "Question",
    "QuestionnaireFiles",
    "QuestionnaireSpec",
    "SurveyLoadReport",
    "SurveyTexts",
    "UkorComparison",
    "build_questionnaire",
    "compare_ukor",
    "control_answers",
    "control_checklist",
    "describe_motivation",
    "export_headers",
    "find_chromium",
    "find_instrument",
    "format_motivation",
    "is_wide_export",
    "load_interview_notes",
    "load_key_client_answers",
    "load_motivation",
    "load_spec",
    "make_motivation_sample",
    "motivation_gaps",
    "motivation_questionnaire_text",
    "motivation_waves",
    "option_texts",
    "questionnaire_text",
    "read_attributes",
    "read_wide_survey",
    "spec_to_yaml",
    "voice_of_customer",
    "wide_answers",
    "write_export",
    "write_motivation_questionnaire",
    "write_questionnaire",
)

#: Names of this namespace that the text layer defines, by its module.
_TEXT_LAYER: dict[str, tuple[str, ...]] = {
    "_questionnaire": ("FORMATS", "QuestionnaireFiles", "export_headers", "find_chromium",
                       "option_texts", "questionnaire_text", "spec_to_yaml",
                       "write_questionnaire"),
    "_survey_export": ("wide_answers", "write_export"),
    "_motivation": ("describe_motivation", "format_motivation", "make_motivation_sample",
                    "motivation_questionnaire_text", "write_motivation_questionnaire"),
}


def __getattr__(name: str) -> object:
    """The text layer's names of this namespace, imported on first use (no import cycle)."""
    if name in _TEXT_LAYER["_questionnaire"]:
        from workbench.narrative import _questionnaire as layer
    elif name in _TEXT_LAYER["_survey_export"]:
        from workbench.narrative import _survey_export as layer
    elif name in _TEXT_LAYER["_motivation"]:
        from workbench.narrative import _motivation as layer
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(layer, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

"""The survey instruments shipped with the sample: a form tool's export, internal surveys, notes.

The sample's data (the questionnaire's spec, the key clients' answers, the interview notes) is
made here; the files a Russian client would hand over carry the questionnaire's and the
motivation form's texts, which the text layer writes (through the providers it registers,
:mod:`workbench.survey._layer`): the Google Forms export, the spec file with its texts and
the motivation survey's headers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.survey._layer import provider
from workbench.survey._spec import QuestionnaireSpec, build_questionnaire

__all__ = (
    "SAMPLE_EXPORT",
    "SAMPLE_KEY_CLIENTS",
    "SAMPLE_MOTIVATION",
    "SAMPLE_NOTES",
    "SAMPLE_SPEC",
    "sample_key_clients",
    "sample_questionnaire",
    "write_internal_samples",
    "write_sample_exports",
)

#: File of the sample's wide export, relative to the sample folder (a subfolder, so that
#: ``load_folder`` does not load the survey twice).
SAMPLE_EXPORT = "exports/survey_wide_google_forms.csv"
#: The questionnaire spec of that export, relative to the sample folder.
SAMPLE_SPEC = "exports/questionnaire_spec.yml"

_SAMPLE_BLOCKS = ("importance", "performance", "expectation", "competitor_performance",
                  "kano_functional", "kano_dysfunctional", "nps", "customer_id")


def sample_questionnaire(survey: pd.DataFrame) -> QuestionnaireSpec:
    """The questionnaire the sample's survey answers (Russian, 1–5, a comment per attribute)."""
    attrs = list(dict.fromkeys(survey["attribute"].astype(str)))
    return build_questionnaire(attrs, language="ru", blocks=_SAMPLE_BLOCKS, comments=True)


def write_sample_exports(out: str | Path, survey: pd.DataFrame | None = None) -> list[Path]:
    """Write the sample's wide export and its spec into ``out/exports/``.

    Parameters
    ----------
    out : str or Path
        The sample folder (``data/samples``).
    survey : DataFrame, optional
        The long survey table; by default the shipped sample's.

    Returns
    -------
    list of Path
        The export (Google Forms CSV) and the questionnaire spec (YAML). The same survey always
        gives byte-identical files.
    """
    if survey is None:
        from workbench.datasets import load_sample

        survey = load_sample("survey")
    out = Path(out)
    spec = sample_questionnaire(survey)
    export = provider("write_export")(survey, spec, out / SAMPLE_EXPORT, "google_forms")
    spec_path = out / SAMPLE_SPEC
    spec_path.write_bytes(provider("spec_to_yaml")(spec).encode("utf-8"))
    return [export, spec_path]


#: Files of the internal-clients, key-client and interview-notes samples, relative to the
#: sample folder.
SAMPLE_MOTIVATION = "internal/motivation_survey.csv"
SAMPLE_KEY_CLIENTS = "internal/key_clients_ukor.csv"
SAMPLE_NOTES = "internal/interview_notes.txt"

#: The sample's interview notes (fictional), as a consultant types them after the interviews:
#: a ``Клиент:`` line, then one quote per line, ``[attribute]`` when it is about one.
_INTERVIEW_NOTES = """# Интервью с клиентами, октябрь 2024 (вымышленные записи для примера)

Клиент: 000118
- [Скорость доставки] «Зерно приезжает на следующий день — это то, за что мы вас держим».
- [Обучение бариста] «Новые бариста учатся у нас сами, от вас мы обучения не видели уже год».
- «Если бы кто-то ещё и машину чинил так же быстро, мы бы подумали».

Клиент: 000342
- [Цена] «Цена растёт каждый квартал, а объяснений никто не даёт».
- [Стабильность вкуса] «Одна и та же смесь от партии к партии разная — гостям это заметно».

Клиент: 001207
- [Вежливость менеджера] «Менеджер всегда на связи, даже в выходные».
- [Удобство заказа на сайте] «На сайте не видно, что есть в наличии, поэтому звоним».
- «Жалобу разобрали за два дня, это приятно удивило».

Клиент: 002033
- [Сервис кофемашин] «Мастер приехал только через неделю, кофейня стояла без эспрессо».
- [Упаковка] «Пачки с клапаном — хорошо, но коробки мнутся при доставке».
"""


def sample_key_clients(seed: int = 0, n: int = 8) -> pd.DataFrame:
    """Return fictional answers of ``n`` key clients to the key-client УКОР questions (0–4).

    The clients are less generous than a typical self-assessment on feedback, complaints and
    offers; deterministic for a seed.
    """
    import numpy as np

    from workbench.survey._ukor import KEY_CLIENT_QUESTIONS

    base = {"expectations": 2.6, "segmentation": 2.0, "offers": 1.6, "feedback": 0.8,
            "complaints": 1.4, "staff": 2.4, "management": 2.2, "key_clients": 3.0}
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        row = {"client": f"{i + 1:06d}"}
        for k in KEY_CLIENT_QUESTIONS:
            row[k] = int(np.clip(np.rint(base[k] + rng.normal(0, 0.8)), 0, 4))
        rows.append(row)
    return pd.DataFrame(rows)


def write_internal_samples(out: str | Path) -> list[Path]:
    """Write the motivation survey, the key clients' УКОР answers and the interview notes.

    Into ``out/internal/``. The motivation survey is
    :func:`workbench.survey.make_motivation_sample` (two waves, Russian headers, as the Excel
    form collects it); the key clients' answers are :func:`sample_key_clients`; the interview
    notes are a short fictional text. Byte-identical on every run.
    """
    out = Path(out)
    paths = []
    for rel, frame in ((SAMPLE_MOTIVATION, provider("make_motivation_sample")()),
                       (SAMPLE_KEY_CLIENTS, sample_key_clients())):
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        paths.append(p)
    notes = out / SAMPLE_NOTES
    notes.write_bytes(_INTERVIEW_NOTES.encode("utf-8"))
    return [*paths, notes]

"""The client's workshop file: inputs that exist only in the room, and the decisions taken there.

Some inputs of the method cannot come from a data export: the company's name and currency, the
margin (when transactions carry no cost), the main competitors, our advantages (the "golden
drops" exercise), the three 0–20 competitiveness scales, the УКОР self-assessment, the
candidate actions of step 3, the offer rules per segment of step 6 with their cost per client
and channel, the budget and horizon, the control-group share, the control questions. They live
in one *workshop file* in the client's folder, ``workshop.yml`` (or ``workshop.xlsx`` for people
who do not edit YAML; both are read back):

- :func:`read_workshop` reads and validates it (every problem named: field, value, what was
  expected) into a :class:`Workshop`; :func:`workbench.load_folder` does so too and keeps it as
  ``folder.workshop``;
- :func:`save_decision` writes a decision taken with a widget back into the file, with who and
  when in a comment, so the next ``workbench run`` reproduces it;
- :func:`missing_inputs` says which tables and fields a step lacks, :func:`data_passport`
  describes the folder for step 0.

This module returns data and keys. The file's commented, bilingual text (the template of
``workbench init``, :func:`workbench.narrative.init_workshop` and
:func:`workbench.narrative.write_workshop`), the banner and the passport in words live in the
text layer (``workbench.narrative``), which registers its writer here when it is imported
(``import workbench`` does), so that :func:`save_decision` writes the same commented file.

Nothing in this module holds a client's (or the sample's) inputs: the sample business has its
own filled-in file in ``data/samples/workshop.yml``.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "CHANNELS",
    "DECISIONS",
    "STEP_INPUTS",
    "WORKSHOP_FILES",
    "MissingInputs",
    "Workshop",
    "WorkshopError",
    "data_passport",
    "find_workshop_file",
    "missing_inputs",
    "read_workshop",
    "register_question_texts",
    "register_writer",
    "save_decision",
    "workshop_from_dict",
)

#: File names of the workshop file looked for in a client's folder, in order.
WORKSHOP_FILES: tuple[str, ...] = ("workshop.yml", "workshop.yaml", "workshop.xlsx")

#: Contact channels of an offer: a personal manager, a phone call, a mass channel
#: (e-mail / SMS / messenger mailing), or none.
CHANNELS: tuple[str, ...] = ("personal_manager", "phone", "mass", "none")


#: The writer of workshop files, registered by the text layer (see :func:`register_writer`).
_WRITER: list[Any] = []


def register_writer(writer: Any) -> None:
    """Register the function that writes a workshop file: ``writer(ws, path) -> Path``.

    The text layer (``workbench.narrative._workshop``) registers its ``write_workshop`` when
    it is imported (``import workbench`` does); :func:`save_decision` writes through it.
    """
    _WRITER[:] = [writer]


#: Where the texts of the control questions come from (text -> number), registered by the text
#: layer (see :func:`register_question_texts`): a question may be given by its text.
_QUESTION_TEXTS: list[Any] = []


def register_question_texts(provider: Any) -> None:
    """Register ``provider() -> {question text: number}`` for control questions given as text.

    The text layer (``workbench.narrative._workshop``) registers the course's 43 questions in
    Russian and English when it is imported; without it only question numbers are recognised.
    """
    _QUESTION_TEXTS[:] = [provider]


def _write(ws: Workshop, path: Path) -> Path:
    if not _WRITER:
        raise RuntimeError("the text layer is not loaded: import workbench to write workshop files")
    return _WRITER[0](ws, path)


class WorkshopError(WorkbenchError):
    """The workshop file has invalid values; ``problems`` lists (field, value, expected)."""

    def __init__(self, source: str, problems: Sequence[tuple[str, Any, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = [f"{source}: {len(self.problems)} problem(s) in the workshop file:"]
        lines += [f"  - {f}: {v!r} — expected {e}" for f, v, e in self.problems]
        super().__init__("\n".join(lines))


# ----------------------------------------------------------------------------------------------
# Schema
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str  # text, number, integer, share, duration, choice, list, question
    default: Any = None
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    required: bool = False  # for a table column: a row needs it


@dataclass(frozen=True)
class _Section:
    name: str
    kind: str  # fields, list, table, mapping
    fields: tuple[_Field, ...] = ()


def _strategies() -> tuple[str, ...]:
    from workbench.offers import STRATEGIES

    return STRATEGIES


def _ukor_questions() -> tuple[str, ...]:
    from workbench.offers import UKOR_QUESTIONS

    return tuple(UKOR_QUESTIONS)


def _sourcing() -> tuple[str, ...]:
    from workbench.action_economics import SOURCING

    return SOURCING


def _weights() -> tuple[str, ...]:
    from workbench.priorities import WEIGHTS

    return WEIGHTS


def _schema() -> tuple[_Section, ...]:
    return (
        _Section("company", "fields", (
            _Field("name", "text"),
            _Field("currency", "text"),
            _Field("margin", "share"),
        )),
        _Section("competitors", "list", (_Field("name", "text"),)),
        _Section("attributes", "list", (_Field("name", "text"),)),
        _Section("advantages", "table", (
            _Field("advantage", "text", required=True),
            _Field("importance", "number", lo=1.0, hi=5.0, required=True),
            _Field("competitor_presence", "share", required=True),
        )),
        _Section("competitiveness", "table", (
            _Field("company", "text", required=True),
            _Field("internal", "number", lo=0.0, hi=20.0, required=True),
            _Field("external", "number", lo=0.0, hi=20.0, required=True),
            _Field("dynamic", "number", lo=0.0, hi=20.0, required=True),
        )),
        _Section("ukor", "mapping", tuple(
            _Field(q, "integer", lo=0, hi=4) for q in _ukor_questions())),
        _Section("actions", "table", (
            _Field("attribute", "text", required=True),
            _Field("action", "text", required=True),
            _Field("cost", "number", lo=0.0, required=True),
            _Field("effect", "number", required=True),
            # step 5 (action economics): whom it reaches, its running cost, its effect in
            # retention / growth, and who does it
            _Field("segment", "text"),
            _Field("cost_per_client", "number", lo=0.0),
            _Field("retained", "share"),
            _Field("growth", "share"),
            _Field("sourcing", "choice", choices=_sourcing()),
        )),
        _Section("offers", "table", (
            _Field("segment", "text", required=True),
            _Field("strategy", "choice", choices=_strategies(), required=True),
            _Field("actions", "text"),
            _Field("cost_per_client", "number", lo=0.0),
            _Field("channel", "choice", choices=CHANNELS),
            _Field("one_off_cost", "number", lo=0.0),
            _Field("retained", "share"),
            _Field("growth", "share"),
            _Field("sourcing", "choice", choices=_sourcing()),
        )),
        _Section("acquisition", "table", (
            _Field("source", "text", required=True),
            _Field("leads", "integer", lo=0, required=True),
            _Field("cost_per_lead", "number", lo=0.0),
            _Field("one_off_cost", "number", lo=0.0),
            _Field("conversion", "share"),
            _Field("sourcing", "choice", choices=_sourcing()),
        )),
        _Section("plan", "fields", (
            _Field("budget", "number", lo=0.0),
            _Field("horizon", "duration", default="90D"),
            _Field("control_share", "share", default=0.1),
            _Field("cost_unit", "number", lo=0.0),
        )),
        _Section("decisions", "fields", (
            _Field("priority_weight", "choice", choices=_weights()),
            _Field("abc_a", "share"),
            _Field("abc_b", "share"),
            _Field("xyz_x", "number", lo=0.0),
            _Field("xyz_y", "number", lo=0.0),
            _Field("clusters_k", "integer", lo=2, hi=30),
            _Field("cluster_features", "list"),
            _Field("offer_cost", "number", lo=0.0),
            _Field("success_rate", "share"),
            _Field("risk_threshold", "share"),
            _Field("chosen_actions", "list"),
            _Field("stale_complaint_days", "integer", lo=1, hi=3650),
        )),
        _Section("control_questions", "table", (
            _Field("question", "question", required=True),
            _Field("answer", "text"),
        )),
    )


def _sections() -> dict[str, _Section]:
    return {s.name: s for s in _schema()}


#: Decisions a widget can save: decision key -> {value name (the widget's control) -> the
#: field it is written to (``section.field``)}. ``offers`` and ``ukor`` write whole sections.
DECISIONS: dict[str, dict[str, str]] = {
    "priorities": {"budget": "plan.budget", "weight": "decisions.priority_weight"},
    "abc_xyz": {"abc_a": "decisions.abc_a", "abc_b": "decisions.abc_b",
                "xyz_x": "decisions.xyz_x", "xyz_y": "decisions.xyz_y"},
    "segmentation": {"k": "decisions.clusters_k", "features": "decisions.cluster_features"},
    "retention": {"offer_cost": "decisions.offer_cost", "success_rate": "decisions.success_rate"},
    "threshold": {"threshold": "decisions.risk_threshold"},
    "feedback": {"stale_days": "decisions.stale_complaint_days",
                 "control_share": "plan.control_share"},
    "offers": {"offers": "offers"},
    "ukor": {"ukor": "ukor"},
    "economics": {"chosen": "decisions.chosen_actions", "offer_cost": "decisions.offer_cost",
                  "success_rate": "decisions.success_rate", "actions": "actions",
                  "offers": "offers", "acquisition": "acquisition"},
}

#: What each step needs: ``tables`` (all of them), ``fields`` (workshop inputs, as
#: ``section`` or ``section.field``) without which the step shows nothing of its own.
STEP_INPUTS: dict[int, dict[str, tuple[str, ...]]] = {
    0: {"tables": ("transactions",), "fields": ("company.name", "company.currency")},
    1: {"tables": ("survey",), "fields": ("competitors",)},
    2: {"tables": ("survey",), "fields": ()},
    3: {"tables": ("survey",), "fields": ("actions", "plan.budget")},
    4: {"tables": ("transactions",), "fields": ()},
    5: {"tables": ("transactions",), "fields": ()},
    6: {"tables": ("transactions",), "fields": ("advantages", "competitiveness", "ukor")},
    7: {"tables": ("transactions",), "fields": ()},
    8: {"tables": ("feedback",), "fields": ()},
}


# ----------------------------------------------------------------------------------------------
# The workshop object
# ----------------------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    if isinstance(value, (list, tuple, dict)) and not value:
        return True
    return False


@dataclass
class Workshop:
    """The validated content of a workshop file.

    Attributes
    ----------
    data : dict
        Section name -> content: a dict of fields (``company``, ``plan``, ``decisions``), a
        list of texts (``competitors``), a list of row dicts (tables), or a dict of answers
        (``ukor``). Empty fields are ``None``.
    path : Path or None
        The file it was read from (``None``: a template, or no file in the folder).
    language : str
        Language of the workshop (the audience's).
    saved : dict
        Decision key -> ``{"by": who, "at": when}`` of the last save (kept in the file as a
        comment).
    """

    data: dict[str, Any]
    path: Path | None = None
    language: str = "en"
    saved: dict[str, dict[str, str]] = field(default_factory=dict)

    # -- reading ----------------------------------------------------------------------------
    def get(self, name: str, default: Any = None) -> Any:
        """Value of ``"section"`` or ``"section.field"``; ``default`` when empty."""
        section, _, fname = name.partition(".")
        value = self.data.get(section)
        if fname:
            value = value.get(fname) if isinstance(value, Mapping) else None
        return default if _empty(value) else value

    def is_filled(self, name: str) -> bool:
        """True when ``"section"`` or ``"section.field"`` holds a value (a section: any)."""
        value = self.get(name)
        if isinstance(value, Mapping):
            return any(not _empty(v) for v in value.values())
        return not _empty(value)

    def filled(self) -> dict[str, bool]:
        """Every input (``section.field`` for field sections, else ``section``) -> filled."""
        out: dict[str, bool] = {}
        for sec in _schema():
            if sec.kind == "fields":
                for f in sec.fields:
                    out[f"{sec.name}.{f.name}"] = self.is_filled(f"{sec.name}.{f.name}")
            else:
                out[sec.name] = self.is_filled(sec.name)
        return out

    def inputs(self) -> dict[str, bool]:
        """The room's inputs (not the saved decisions, not the control answers) -> filled.

        The one list both :func:`workbench.narrative.describe_workshop` and
        :func:`data_passport` count ("N of M inputs").
        """
        return {k: v for k, v in self.filled().items()
                if not k.startswith("decisions.") and k != "control_questions"}

    def table(self, section: str) -> pd.DataFrame:
        """A table section as a DataFrame with its canonical columns (empty when not filled)."""
        sec = _sections()[section]
        if sec.kind != "table":
            raise WorkbenchError(f"workshop: {section!r} is not a table section")
        cols = [f.name for f in sec.fields]
        rows = self.data.get(section) or []
        return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)

    @property
    def company(self) -> str | None:
        """The company's name, or None."""
        return self.get("company.name")

    @property
    def currency(self) -> str | None:
        """The currency of the amounts, or None."""
        return self.get("company.currency")

    def competitors(self) -> list[str]:
        """The main competitors' names (the strongest first)."""
        return list(self.get("competitors", []))

    def advantages(self) -> pd.DataFrame | None:
        """The advantages table for :func:`workbench.golden_drops`, or None when not filled."""
        return self.table("advantages") if self.is_filled("advantages") else None

    def actions(self) -> pd.DataFrame | None:
        """The candidate actions for :func:`workbench.priorities`, or None when not filled."""
        return self.table("actions") if self.is_filled("actions") else None

    def competitiveness(self) -> pd.DataFrame | None:
        """Scores per company (index ``company``) for :func:`workbench.competitiveness`."""
        if not self.is_filled("competitiveness"):
            return None
        return self.table("competitiveness").set_index("company")

    def ukor_answers(self) -> dict[str, int] | None:
        """The УКОР answers that were given (question -> 0..4), or None when none was."""
        answers = {k: int(v) for k, v in (self.data.get("ukor") or {}).items() if not _empty(v)}
        return answers or None

    def offer_rules(self) -> dict[str, dict[str, object]] | None:
        """The offer rules agreed in step 6 (``rules=`` of :func:`workbench.offer_matrix`).

        The file's rows replace the method's default rule of their segment
        (:data:`workbench.OFFER_RULES`); the other segments keep the default. None when the
        file has no offer rules.
        """
        from workbench.offers import OFFER_RULES

        if not self.is_filled("offers"):
            return None
        out: dict[str, dict[str, object]] = {k: dict(v) for k, v in OFFER_RULES.items()}
        for row in self.data["offers"]:
            actions = [a.strip() for a in re.split(r"[;\n]", row.get("actions") or "")
                       if a.strip()]
            out[str(row["segment"])] = {"strategy": row["strategy"], "actions": tuple(actions)}
        return out

    def channels(self) -> dict[str, str]:
        """Segment -> channel key, for the offers that name one."""
        return {str(r["segment"]): r["channel"] for r in self.data.get("offers") or []
                if not _empty(r.get("channel"))}

    def offer_costs(self) -> dict[str, float]:
        """Segment -> cost per client, for the offers that name one."""
        return {str(r["segment"]): float(r["cost_per_client"])
                for r in self.data.get("offers") or [] if not _empty(r.get("cost_per_client"))}

    def decision(self, key: str) -> dict[str, Any]:
        """The saved values of a decision (see :data:`DECISIONS`): field -> value, filled only."""
        if key not in DECISIONS:
            raise WorkbenchError(f"unknown decision {key!r}; known: {', '.join(DECISIONS)}")
        return {short: self.get(name) for short, name in DECISIONS[key].items()
                if self.is_filled(name)}

    def deliverable_settings(self) -> dict[str, Any]:
        """Keyword arguments of :func:`workbench.compute_deliverables` that the file sets."""
        out: dict[str, Any] = {}
        if self.is_filled("plan.horizon"):
            out["horizon"] = self.get("plan.horizon")
        if self.is_filled("decisions.offer_cost"):
            out["offer_cost"] = float(self.get("decisions.offer_cost"))
        if self.is_filled("decisions.success_rate"):
            out["success_rate"] = float(self.get("decisions.success_rate"))
        rules = self.offer_rules()
        if rules is not None:
            out["rules"] = rules
        return out

    def why_now_options(self) -> dict[str, Any]:
        """Options of :func:`workbench.why_now` the file sets (step 8's stale-complaint age)."""
        days = self.get("decisions.stale_complaint_days")
        return {} if days is None else {"stale_days": int(days)}

    # -- writing ----------------------------------------------------------------------------
    def set(self, name: str, value: Any) -> None:
        """Set ``"section.field"`` or a whole ``"section"`` (validated on write/read)."""
        section, _, fname = name.partition(".")
        if section not in _sections():
            raise WorkbenchError(f"workshop: unknown section {section!r}")
        if fname:
            self.data.setdefault(section, {})[fname] = value
        else:
            self.data[section] = value

    def to_dict(self) -> dict[str, Any]:
        """Plain data (what the YAML holds), sections in the schema order."""
        return {"language": self.language, **{s.name: self.data.get(s.name) for s in _schema()}}


# ----------------------------------------------------------------------------------------------
# Validation
# ----------------------------------------------------------------------------------------------


def _expected(f: _Field, language: str = "en") -> str:
    if f.kind == "choice":
        return "one of " + ", ".join(f.choices) + " (or empty)"
    if f.kind == "share":
        return "a share from 0 to 1 (10 % = 0.1), or empty"
    if f.kind == "duration":
        return "a duration in days or weeks such as 90D or 12W, or empty"
    if f.kind == "list":
        return "a list of texts, or empty"
    if f.kind == "text":
        return "a text, or empty"
    if f.kind == "question":
        return "the number of a control question (1 to 43) or its text, or empty"
    what = "a whole number" if f.kind == "integer" else "a number"
    if f.lo is not None and f.hi is not None:
        return f"{what} from {f.lo:g} to {f.hi:g}, or empty"
    if f.lo is not None:
        return f"{what} of at least {f.lo:g}, or empty"
    return f"{what}, or empty"


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        pct = text.endswith("%")
        text = text.rstrip("%").replace(",", ".")
        try:
            x = float(text)
        except ValueError:
            return None
        return x / 100.0 if pct else x
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _control_question(value: Any) -> int | None:
    """The number (1-43) of a control question given as a number, "13" or its text; else None."""
    from workbench.survey._control import CONTROL_QUESTIONS, question_number

    if isinstance(value, bool) or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    if isinstance(value, int):
        return value if value in CONTROL_QUESTIONS else None
    texts = _QUESTION_TEXTS[0]() if _QUESTION_TEXTS else None
    try:
        return question_number(value, texts)
    except WorkbenchError:
        return None


def _check_value(f: _Field, value: Any, where: str, problems: list) -> Any:
    """Return the normalised value (None when empty); append a problem when invalid."""
    if _empty(value):
        return None
    kind = f.kind
    if kind == "text":
        if isinstance(value, (dict, list)):
            problems.append((where, value, _expected(f)))
            return None
        return str(value).strip()
    if kind == "list":
        items = value if isinstance(value, (list, tuple)) else [
            p for p in re.split(r"[;\n]", str(value))]
        out = [str(x).strip() for x in items if not _empty(x) and str(x).strip()]
        if any(isinstance(x, (dict, list)) for x in items):
            problems.append((where, value, _expected(f)))
            return None
        return out or None
    if kind == "choice":
        text = str(value).strip()
        if text not in f.choices:
            problems.append((where, value, _expected(f)))
            return None
        return text
    if kind == "question":
        number = _control_question(value)
        if number is None:
            problems.append((where, value, _expected(f)))
        return number
    if kind == "duration":
        text = str(value).strip().upper()
        m = re.fullmatch(r"(\d+)\s*([DW])", text)
        if not m or int(m.group(1)) == 0:
            problems.append((where, value, _expected(f)))
            return None
        return f"{int(m.group(1))}{m.group(2)}"
    x = _number(value)
    lo, hi = (0.0, 1.0) if kind == "share" else (f.lo, f.hi)
    if x is None or math.isnan(x) or (lo is not None and x < lo) or (hi is not None and x > hi) \
            or (kind == "integer" and x != int(x)):
        problems.append((where, value, _expected(f)))
        return None
    return int(x) if kind == "integer" else x


def workshop_from_dict(
    raw: Mapping[str, Any] | None, source: str = "workshop", path: Path | None = None,
    saved: Mapping[str, Mapping[str, str]] | None = None,
) -> Workshop:
    """Validate a workshop's plain data (as parsed from YAML or Excel) into a :class:`Workshop`.

    Parameters
    ----------
    raw : dict or None
        Section name -> content (see :class:`Workshop`); unknown sections, fields or columns
        are errors (a typo must not be silently ignored).
    source : str
        Name used in error messages (the file name).
    path : Path, optional
    saved : dict, optional
        Who/when of saved decisions.

    Returns
    -------
    Workshop

    Raises
    ------
    WorkshopError
        Listing every problem: field (``section.field`` or ``section[row].column``), the value
        found and what was expected.

    Examples
    --------
    >>> ws = workshop_from_dict({"company": {"name": "Acme", "currency": "EUR"},
    ...                          "plan": {"control_share": "15 %"}})
    >>> ws.company, ws.get("plan.control_share"), ws.get("plan.horizon")
    ('Acme', 0.15, '90D')
    >>> try:
    ...     workshop_from_dict({"plan": {"control_share": 2}})
    ... except WorkshopError as exc:
    ...     print(exc.problems)
    [('plan.control_share', 2, 'a share from 0 to 1 (10 % = 0.1), or empty')]
    """
    raw = dict(raw or {})
    problems: list[tuple[str, Any, str]] = []
    language = raw.pop("language", None) or "en"
    if language not in ("en", "ru"):
        problems.append(("language", language, "en or ru"))
        language = "en"
    sections = _sections()
    for key in raw:
        if key not in sections:
            problems.append((str(key), "…", "a section of the workshop file: "
                             + ", ".join(["language", *sections])))
    data: dict[str, Any] = {}
    for name, sec in sections.items():
        value = raw.get(name)
        if sec.kind in ("fields", "mapping"):
            if _empty(value):
                value = {}
            if not isinstance(value, Mapping):
                problems.append((name, value, "a group of fields (name: value)"))
                value = {}
            known = {f.name: f for f in sec.fields}
            for k in value:
                if k not in known:
                    problems.append((f"{name}.{k}", value[k],
                                     "a known field: " + ", ".join(known)))
            data[name] = {
                f.name: (_check_value(f, value.get(f.name), f"{name}.{f.name}", problems)
                         if not _empty(value.get(f.name)) else f.default)
                for f in sec.fields
            }
        elif sec.kind == "list":
            if _empty(value):
                data[name] = []
                continue
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)):
                problems.append((name, value, "a list of names"))
                data[name] = []
                continue
            items = []
            for i, v in enumerate(value, start=1):
                if isinstance(v, Mapping) and not _empty(v.get("name")):
                    v = v["name"]  # {name: …, note: …}: the name
                if isinstance(v, (Mapping, list, tuple)):
                    problems.append((f"{name}[{i}]", v, "a name (a text)"))
                elif not _empty(v):
                    items.append(str(v).strip())
            data[name] = items
        else:  # table
            if _empty(value):
                data[name] = []
                continue
            if not isinstance(value, (list, tuple)):
                problems.append((name, value, "a list of rows, each a group of fields"))
                data[name] = []
                continue
            known = {f.name: f for f in sec.fields}
            rows = []
            for i, row in enumerate(value, start=1):
                where = f"{name}[{i}]"
                if not isinstance(row, Mapping):
                    problems.append((where, row, "a row: " + ", ".join(
                        f"{c}: …" for c in known)))
                    continue
                if all(_empty(v) for v in row.values()):
                    continue
                for k in row:
                    if k not in known:
                        problems.append((f"{where}.{k}", row[k],
                                         "a known column: " + ", ".join(known)))
                clean = {}
                for f in sec.fields:
                    v = _check_value(f, row.get(f.name), f"{where}.{f.name}", problems)
                    if v is None and f.required and _empty(row.get(f.name)):
                        problems.append((f"{where}.{f.name}", None,
                                         _expected(f).replace(", or empty", "") + " (required)"))
                    clean[f.name] = v
                if name == "control_questions" and clean.get("answer") is None:
                    continue  # a question the room has not answered yet (the template lists all)
                rows.append(clean)
            if name == "control_questions":  # in the course's order, as the file lists them
                rows.sort(key=lambda r: r["question"] if isinstance(r["question"], int) else 0)
            data[name] = rows
    if problems:
        raise WorkshopError(source, problems)
    ws = Workshop(data=data, path=path, language=language,
                  saved={k: dict(v) for k, v in (saved or {}).items()})
    _check_consistency(ws, source)
    return ws


def _check_consistency(ws: Workshop, source: str) -> None:
    problems = []
    d = ws.data["decisions"]
    if d.get("abc_a") is not None and d.get("abc_b") is not None and d["abc_a"] > d["abc_b"]:
        problems.append(("decisions.abc_a", d["abc_a"], f"at most decisions.abc_b ({d['abc_b']})"))
    if d.get("xyz_x") is not None and d.get("xyz_y") is not None and d["xyz_x"] > d["xyz_y"]:
        problems.append(("decisions.xyz_x", d["xyz_x"], f"at most decisions.xyz_y ({d['xyz_y']})"))
    seen: set[str] = set()
    for i, row in enumerate(ws.data["offers"], start=1):
        if row["segment"] in seen:
            problems.append((f"offers[{i}].segment", row["segment"], "each segment once"))
        seen.add(row["segment"])
    asked: set[int] = set()
    for row in ws.data["control_questions"]:
        if row["question"] in asked:
            problems.append(("control_questions.question", row["question"],
                             "each question once"))
        asked.add(row["question"])
    if problems:
        raise WorkshopError(source, problems)


# ----------------------------------------------------------------------------------------------
# YAML
# ----------------------------------------------------------------------------------------------

_SAVED_RE = re.compile(r"^\s*#\s*saved\s+([a-z_]+):\s*by\s+(.*?),\s*at\s+(.+?)\s*$")


def _yaml_scalar(value: Any) -> str:
    import yaml

    if value is None:
        return ""
    # dumped as the item of a flow list, so that it is also safe inside {…} rows ("a, b")
    text = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=10_000)
    return text.strip()[1:-1].strip()


def _decision_of(field_name: str) -> str | None:
    for key, names in DECISIONS.items():
        if field_name in names.values():
            return key
    return None


def _read_yaml(path: Path) -> Workshop:
    import yaml

    text = path.read_text(encoding="utf-8-sig")
    try:  # libyaml's parser when PyYAML has it (the same safe loader, ~8x faster)
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise WorkshopError(path.name, [("(file)", f"YAML syntax error{where}",
                                         f"valid YAML: {getattr(exc, 'problem', exc)}")]) from exc
    if raw is not None and not isinstance(raw, Mapping):
        raise WorkshopError(path.name, [("(file)", type(raw).__name__,
                                         "sections such as company:, plan:, offers:")])
    saved = {}
    for line in text.splitlines():
        m = _SAVED_RE.match(line)
        if m:
            saved[m.group(1)] = {"by": m.group(2), "at": m.group(3)}
    return workshop_from_dict(raw, source=path.name, path=path, saved=saved)


# ----------------------------------------------------------------------------------------------
# Excel
# ----------------------------------------------------------------------------------------------

_SETTINGS_SHEET = "settings"
_README_SHEET = "README"


def _read_xlsx(path: Path) -> Workshop:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook
        raise WorkshopError(path.name, [("(file)", type(exc).__name__,
                                         "an Excel workbook written by workbench init")]) from exc
    raw: dict[str, Any] = {}
    saved: dict[str, dict[str, str]] = {}
    sections = _sections()
    try:
        if _README_SHEET in wb.sheetnames:
            for row in wb[_README_SHEET].iter_rows(values_only=True):
                if row and row[0] == "language" and len(row) > 1 and row[1]:
                    raw["language"] = str(row[1]).strip()
        if _SETTINGS_SHEET in wb.sheetnames:
            rows = list(wb[_SETTINGS_SHEET].iter_rows(values_only=True))
            for row in rows[1:]:
                if not row or _empty(row[0]) or _empty(row[1]):
                    continue
                sec, name = str(row[0]).strip(), str(row[1]).strip()
                raw.setdefault(sec, {})[name] = row[2] if len(row) > 2 else None
                by, at = (row[6] if len(row) > 6 else None), (row[7] if len(row) > 7 else None)
                dec = _decision_of(f"{sec}.{name}")
                if dec and not _empty(by):
                    saved[dec] = {"by": str(by), "at": str(at)}
        for name in wb.sheetnames:
            if name in (_README_SHEET, _SETTINGS_SHEET):
                continue
            if name not in sections:
                raise WorkshopError(path.name, [(f"sheet {name!r}", "…", "a sheet of: "
                                                 + ", ".join(sections))])
            sec = sections[name]
            rows = list(wb[name].iter_rows(values_only=True))[1:]  # row 1: the explanation
            if not rows:
                continue
            header = [str(c).strip() if c is not None else "" for c in rows[0]]
            body = []
            for row in rows[1:]:
                if row and row[0] == "saved by":
                    key = _decision_of(name) if sec.kind == "table" else "ukor"
                    if key:
                        saved[key] = {"by": str(row[1]), "at": str(row[3] if len(row) > 3
                                                                  else "")}
                    continue
                body.append(row)
            if sec.kind == "list":
                raw[name] = [r[0] for r in body if r and not _empty(r[0])]
            elif sec.kind == "mapping":
                raw[name] = {str(r[0]).strip(): r[1] for r in body
                             if r and not _empty(r[0]) and len(r) > 1}
            else:  # "help (…)" columns only explain the rows
                cols = [(i, c) for i, c in enumerate(header) if c and not c.startswith("help (")]
                raw[name] = [{c: (r[i] if i < len(r) else None) for i, c in cols} for r in body
                             if r and any(not _empty(r[i]) for i, _ in cols if i < len(r))]
    finally:
        wb.close()
    return workshop_from_dict(raw, source=path.name, path=path, saved=saved)


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def _template(language: str) -> Workshop:
    return workshop_from_dict({"language": language}, source="template")


def find_workshop_file(folder: str | os.PathLike) -> Path | None:
    """The workshop file of a client's folder (``workshop.yml`` first), or None.

    When both a YAML and an Excel version exist and say different things, the one changed
    last is read (a consultant may have edited either); when they agree, the YAML file.
    """
    folder = Path(folder)
    found = [folder / n for n in WORKSHOP_FILES if (folder / n).is_file()]
    if not found:
        return None
    yml = [p for p in found if p.suffix != ".xlsx"]
    xlsx = [p for p in found if p.suffix == ".xlsx"]
    if yml and xlsx and xlsx[0].stat().st_mtime > yml[0].stat().st_mtime:
        try:
            same = _read_xlsx(xlsx[0]).to_dict() == _read_yaml(yml[0]).to_dict()
        except WorkshopError:
            same = False
        if not same:
            return xlsx[0]
    return (yml or xlsx)[0]


def read_workshop(path: str | os.PathLike | None) -> Workshop:
    """Read and validate a workshop file, or the workshop file of a folder.

    Parameters
    ----------
    path : path or None
        A ``workshop.yml`` / ``workshop.xlsx`` file, or a folder (see
        :func:`find_workshop_file`). A folder without a workshop file — or ``None`` — gives an
        empty workshop (every input missing, defaults only), with ``path=None``.

    Returns
    -------
    Workshop

    Raises
    ------
    WorkshopError
        The file has invalid values (every one of them is listed).
    """
    if path is None:
        return _template("en")
    p = Path(path)
    if p.is_dir():
        found = find_workshop_file(p)
        if found is None:
            return _template("en")
        p = found
    if not p.is_file():
        raise WorkbenchError(f"workshop file not found: {p.name}")
    return _read_xlsx(p) if p.suffix.lower() == ".xlsx" else _read_yaml(p)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _who() -> str:
    for var in ("WORKBENCH_USER", "USER", "USERNAME"):
        if os.environ.get(var):
            return os.environ[var]
    return "?"


def _in_bundled_sample(path: Path) -> bool:
    """True when ``path`` lies in the sample folder shipped with the workbench."""
    from workbench.datasets import sample_dir

    try:
        sample = sample_dir().resolve()
        return path.resolve().parent == sample
    except OSError:
        return False


def save_decision(
    path: str | os.PathLike,
    decision: str,
    values: Mapping[str, Any] | pd.DataFrame,
    by: str | None = None,
    at: str | None = None,
) -> Workshop:
    """Write a decision taken in the room into the workshop file (and its Excel twin).

    Parameters
    ----------
    path : path
        The workshop file, or the client's folder (its workshop file; ``workshop.yml`` is
        created there when there is none).
    decision : str
        A key of :data:`DECISIONS` (``"priorities"``, ``"abc_xyz"``, ``"segmentation"``,
        ``"retention"``, ``"threshold"``, ``"offers"``, ``"ukor"``, ``"economics"``,
        ``"feedback"``).
    values : dict or DataFrame
        Field name -> value (short names such as ``budget``, ``offer_cost``); for ``offers`` a
        frame or list of rows with ``segment``, ``strategy``, ``actions`` (and
        ``cost_per_client``, ``channel``); for ``ukor`` question -> answer.
    by, at : str, optional
        Who saved and when (default: the user name and the current UTC time); written as a
        comment above the fields.

    Returns
    -------
    Workshop
        The workshop as written (re-read and validated).

    Raises
    ------
    WorkbenchError
        Unknown decision or values, or a target in the sample shipped with the workbench
        (its committed file is never changed: save into a copy).
    """
    if decision not in DECISIONS:
        raise WorkbenchError(f"unknown decision {decision!r}; known: {', '.join(DECISIONS)}")
    p = Path(path)
    if p.is_dir() or not p.suffix:
        folder = p
        target = find_workshop_file(folder) or folder / "workshop.yml"
    else:
        folder, target = p.parent, p
    if _in_bundled_sample(target):
        raise WorkbenchError(
            f"{target.name} belongs to the sample shipped with the workbench and is not "
            "changed; save into a copy (write the sample elsewhere with `workbench sample "
            "--out DIR`, or let the dashboard save into its output folder)")
    ws = read_workshop(target) if target.exists() else _template("en")
    names = DECISIONS[decision]
    if decision == "offers":
        rows = values.to_dict("records") if isinstance(values, pd.DataFrame) else list(
            values.values() if isinstance(values, Mapping) else values)
        keep = tuple(f.name for f in _sections()["offers"].fields)
        old = {r["segment"]: r for r in ws.data.get("offers") or []}
        clean = []
        for r in rows:
            r = dict(r)
            if isinstance(r.get("actions"), (list, tuple)):
                r["actions"] = "; ".join(map(str, r["actions"]))
            prev = old.get(str(r.get("segment")), {})
            clean.append({k: r.get(k, prev.get(k)) for k in keep})
        ws.set("offers", clean)
    elif decision == "ukor":
        ws.set("ukor", {str(k): v for k, v in dict(values).items()})
    else:
        short = names
        unknown = [k for k in values if k not in short]
        if unknown:
            raise WorkbenchError(f"decision {decision!r}: unknown value(s) {unknown}; "
                                 f"expected {', '.join(short)}")
        for k, v in values.items():
            if isinstance(v, tuple):
                v = list(v)
            ws.set(short[k], v)
    ws.saved[decision] = {"by": by or _who(), "at": at or _now()}
    # validate before touching the disk, then write the file and keep its twin in step
    checked = workshop_from_dict(ws.to_dict(), source=target.name, saved=ws.saved)
    checked.path = target
    _write(checked, target)
    twin = target.with_suffix(".xlsx") if target.suffix != ".xlsx" else folder / "workshop.yml"
    if twin.exists():
        _write(checked, twin)
        if twin.suffix == ".xlsx":  # the YAML stays the one read when both are current
            os.utime(target)
    return checked


# ----------------------------------------------------------------------------------------------
# What is filled, what is missing
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingInputs:
    """What a step lacks: ``tables`` (canonical names) and workshop ``fields``."""

    step: int
    tables: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tables or self.fields)


def _folder_parts(folder: Any) -> tuple[dict[str, pd.DataFrame], Workshop]:
    if isinstance(folder, Workshop):
        return {}, folder
    tables = dict(getattr(folder, "tables", {}) or {})
    ws = getattr(folder, "workshop", None)
    if ws is None:
        path = getattr(folder, "path", None)
        ws = read_workshop(path) if path is not None else _template("en")
    return tables, ws


def missing_inputs(folder: Any, step: int) -> MissingInputs:
    """Return the tables and workshop fields a step needs but the folder lacks.

    Parameters
    ----------
    folder : DataFolder
        What :func:`workbench.load_folder` returned (``.tables``, ``.workshop``).
    step : int
        0 (start) to 8 (see :data:`STEP_INPUTS`).

    Returns
    -------
    MissingInputs
        Falsy when nothing is missing.
    """
    if step not in STEP_INPUTS:
        raise WorkbenchError(f"step must be one of {sorted(STEP_INPUTS)}; got {step!r}")
    tables, ws = _folder_parts(folder)
    need = STEP_INPUTS[step]
    lacking_tables = tuple(tb for tb in need["tables"]
                           if tb not in tables or tables[tb] is None or not len(tables[tb]))
    lacking_fields = tuple(f for f in need["fields"] if not ws.is_filled(f))
    if step == 5 and "transactions" in tables and not ws.is_filled("company.margin"):
        tx = tables["transactions"]
        if "cost" not in tx.columns or not tx["cost"].notna().any():
            lacking_fields += ("company.margin",)
    return MissingInputs(step=step, tables=lacking_tables, fields=lacking_fields)


# ----------------------------------------------------------------------------------------------
# Data passport (step 0)
# ----------------------------------------------------------------------------------------------


def data_passport(folder: Any) -> dict[str, Any]:
    """Describe a client's folder: period, clients, revenue, tables, workshop inputs, steps.

    Parameters
    ----------
    folder : DataFolder
        What :func:`workbench.load_folder` returned.

    Returns
    -------
    dict
        ``company``, ``currency`` (from the workshop file, or None), ``period_start``,
        ``period_end`` (Timestamps or None), ``n_clients``, ``n_orders``, ``revenue``,
        ``has_cost``, ``tables`` (name -> rows, for the tables found), ``missing_tables``,
        ``workshop_file`` (file name or None), ``workshop`` (input -> filled), ``steps``
        (step -> ``{"can_run": bool, "missing_tables": [...], "missing_fields": [...]}``;
        a step "can run" when it has its tables; missing fields leave parts of it empty).
    """
    tables, ws = _folder_parts(folder)
    tx = tables.get("transactions")
    out: dict[str, Any] = {
        "company": ws.company, "currency": ws.currency,
        "period_start": None, "period_end": None, "n_clients": 0, "n_orders": 0,
        "revenue": 0.0, "has_cost": False,
    }
    if tx is not None and len(tx):
        out["period_start"] = pd.Timestamp(tx["date"].min())
        out["period_end"] = pd.Timestamp(tx["date"].max())
        out["n_clients"] = int(tx["customer_id"].nunique())
        out["n_orders"] = int(tx["order_id"].nunique()) if "order_id" in tx else len(tx)
        out["revenue"] = float(tx["amount"].sum())
        out["has_cost"] = bool("cost" in tx and tx["cost"].notna().any())
    from workbench.schema import TABLES

    out["tables"] = {name: len(tables[name]) for name in TABLES if name in tables}
    out["missing_tables"] = [name for name in TABLES if name not in tables]
    out["workshop_file"] = ws.path.name if ws.path is not None else None
    out["workshop"] = ws.inputs()
    steps = {}
    for step in STEP_INPUTS:
        m = missing_inputs(folder, step)
        steps[step] = {"can_run": not m.tables, "missing_tables": list(m.tables),
                       "missing_fields": list(m.fields)}
    out["steps"] = steps
    return out


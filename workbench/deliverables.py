"""Step 7 (упаковка и вручение): the action lists for the sales team and the client scores.

The step is split so that a live widget stays fast:

1. :func:`compute_deliverables` (slow, once: it fits the churn model) computes, through the
   package's own functions, one row per client: RFM scores and segment
   (:func:`workbench.rfm_table`), ABC-XYZ cell (:func:`workbench.abc_xyz`), loyalty-ladder rung
   and strategy (:func:`workbench.loyalty_ladder`), churn probability
   (:class:`workbench.ChurnModel`), expected value and the retention plan
   (:func:`workbench.expected_value`, :func:`workbench.retention_plan`) and the recommended
   action for the client's rung (:func:`workbench.offer_matrix`);
2. :func:`select_deliverables` (cheap) keeps the strategies, the risk and value the sales team
   should see, in the chosen language;
3. :func:`export_deliverables` writes ``actions.xlsx`` (a summary sheet, then one sheet per
   strategy with the top :data:`SHEET_ROWS` clients, headers in the chosen language),
   ``action_lists.parquet`` / ``action_lists.csv`` (the complete lists) and ``scores.csv``
   (every client, machine-readable: canonical column names and keys) — or, without a folder,
   only says what it would write.

The files are safe to open: ``actions.xlsx`` is streamed (xlsxwriter, constant memory) with
every text as a string cell, never a formula; text in the CSV files that a spreadsheet would
run as a formula gets a leading apostrophe (:func:`csv_safe`, undone by
:func:`read_deliverable_csv`).

:func:`write_deliverables` does all three for ``workbench run``. The ``describe_*`` functions
read the package aloud; ``format_*`` and :func:`offer_cards` give the tables shown to the
audience.

Re-running on the same data writes byte-identical files: rows are sorted by a total order, the
workbook's creation/modification dates are fixed and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench._ids import isin
from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, currency_symbol, date, money, percent, quantity

__all__ = (
    "CSV_FORMULA_START",
    "DELIVERABLE_DEFAULTS",
    "EXCEL_MAX_ROWS",
    "FULL_LIST_FILES",
    "SHEET_ROWS",
    "Deliverables",
    "ExportResult",
    "compute_deliverables",
    "csv_safe",
    "csv_unsafe",
    "describe_deliverables",
    "describe_export",
    "describe_strategy",
    "export_deliverables",
    "format_action_list",
    "format_summary",
    "label_scores",
    "offer_cards",
    "read_deliverable_csv",
    "select_deliverables",
    "write_actions_xlsx",
    "write_deliverables",
)

#: Defaults of the step-7 run. ``offer_cost=None``: the workshop file does not name the cost
#: of the retention offer, so the offer is not priced (no expected gain, nobody is marked as a
#: target; a note says which field to fill); ``success_rate`` is the share of targeted at-risk
#: clients the offer keeps.
DELIVERABLE_DEFAULTS: dict[str, Any] = {
    "horizon": "90D",
    "offer_cost": None,
    "success_rate": 0.3,
}

#: Columns of scores.csv, in order (those that could be computed are written).
SCORE_COLUMNS: tuple[str, ...] = (
    "recency_days", "frequency", "monetary_total", "r_score", "f_score", "m_score", "rfm_code",
    "rfm_segment", "abc", "xyz", "abc_xyz", "rung", "status", "strategy", "override",
    "churn_probability",
    "risk_band", "expected_value", "clv", "clv_low", "clv_high", "value_at_risk",
    "expected_gain", "priority", "target",
    "action", "why_now", "reason", "reasons", "cycle_days", "silent_days", "complaint_days",
    "spend_change", "months_since", "next_contact", "channel", "stale_complaint",
)

#: Columns of each strategy sheet of actions.xlsx, with their number format.
SHEET_COLUMNS: dict[str, str | None] = {
    "customer_id": None,
    "priority": "0",
    "name": None,
    "region": None,
    "source": None,
    "manager": None,
    "contact": None,
    "why_now": None,
    "reason": None,
    "next_contact": "date",
    "channel": None,
    "rung": None,
    "abc_xyz": None,
    "rfm_segment": None,
    "churn_probability": "0.0%",
    "risk_band": None,
    "expected_value": "#,##0",
    "clv": "#,##0",
    "clv_low": "#,##0",
    "clv_high": "#,##0",
    "value_at_risk": "#,##0",
    "expected_gain": "#,##0",
    "target": None,
    "action": None,
    "stale_complaint": None,
}

#: Order of the strategy sheets: the most valuable relationships first.
STRATEGY_ORDER: tuple[str, ...] = ("cherish", "retain", "engage", "attract", "win_back")

#: Clients per strategy sheet of actions.xlsx by default: a sales team reads the top of each
#: list; the complete lists are written beside the workbook (:data:`FULL_LIST_FILES`).
SHEET_ROWS = 5000
#: Excel's hard limit of rows per sheet (the header row included).
EXCEL_MAX_ROWS = 1_048_576
#: The complete action lists, every listed client, beside actions.xlsx.
FULL_LIST_FILES: tuple[str, str] = ("action_lists.parquet", "action_lists.csv")

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class Deliverables:
    """The computed step-7 tables.

    Attributes
    ----------
    scores : DataFrame
        The listed clients, one row each (index ``customer_id``, sorted), columns from
        :data:`SCORE_COLUMNS`. After :func:`select_deliverables` only the clients that pass
        the filters.
    summary : DataFrame
        One row per strategy of the listed clients: ``strategy``, ``n_customers``,
        ``n_target``, ``n_high_risk``, ``value_at_risk``, ``expected_gain`` (of the clients to
        contact now), ``action``.
    notes : list of str
        What could not be computed and why (in ``language``).
    asof : Timestamp
    language : str
        Language of ``notes``, of the ``action`` texts and of the exported workbook.
    settings : dict
        ``asof``, ``horizon``, ``offer_cost``, ``success_rate``; after a selection also
        ``filters`` (the active filters).
    all_scores : DataFrame, optional
        Every client (what ``scores.csv`` holds); ``None`` means ``scores``.
    rules : dict or DataFrame, optional
        The offer rules the actions come from (``None``: :data:`workbench.OFFER_RULES`).
    note_specs : list of (str, dict)
        The notes as catalogue keys and values, to render them in another language.
    leads : DataFrame, optional
        The leads still to convert («Привлекать»): ``lead_id``, ``source``, ``stage``,
        ``date``, ``days_since``, ``priority``; None without a leads table.
    base : ClientBase, optional
        The client base the scores come from (:func:`workbench.client_base`): its
        ``counts()`` are what every step prints.
    kinds : Series, optional
        ``business`` / ``consumer`` per client (:func:`workbench.client_kind`): which default
        actions and channels apply when the workshop file gives no offer rules.
    campaign : Campaign, optional
        The control group held out of the listed clients (:func:`workbench.plan_campaign`):
        its clients are on the control sheet, not on the strategy sheets. None: no control
        group (every listed client is contacted).
    """

    scores: pd.DataFrame
    summary: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    asof: pd.Timestamp | None = None
    language: str = "en"
    settings: dict[str, Any] = field(default_factory=dict)
    all_scores: pd.DataFrame | None = None
    rules: Any = None
    note_specs: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    leads: pd.DataFrame | None = None
    base: Any = None
    kinds: pd.Series | None = None
    campaign: Any = None

    @property
    def everyone(self) -> pd.DataFrame:
        """Every client's scores (``all_scores``, else ``scores``)."""
        return self.all_scores if self.all_scores is not None else self.scores


def _tables(data: Any) -> tuple[dict[str, pd.DataFrame], list[str]]:
    if isinstance(data, Mapping):
        return dict(data), []
    tables = getattr(data, "tables", None)
    if tables is None:
        raise WorkbenchError(
            "data must be a loaded folder (workbench.load_folder) or a dict of tables; "
            f"got {type(data).__name__}"
        )
    return dict(tables), list(getattr(data, "missing", []))


def _render_notes(specs: Iterable[tuple[str, dict[str, Any]]], language: str) -> list[str]:
    notes = []
    for key, values in specs:
        fmt = dict(values)
        if "table" in fmt:
            fmt["table"] = t(f"ws.table.{fmt['table']}", language)
        if "horizon" in fmt:
            fmt["horizon"] = _horizon_text(fmt["horizon"], language)
        for k in ("mae_clv", "mae_run_rate"):  # money, rendered in the note's language
            if k in fmt:
                fmt[k] = money(fmt[k], language)
        for k in ("roc_auc_model", "roc_auc_recency", "min_auc_gain"):  # churn ranking note
            if k in fmt:
                from workbench.narrative._format import decimal
                fmt[k] = decimal(fmt[k], 2 if k == "min_auc_gain" else 3, language)
        if key.startswith("base."):  # the client base's facts, worded by the text layer
            notes.append(_base_note(key, fmt, language))
            continue
        notes.append(t(key, language, **fmt))
    return notes


def _base_note(key: str, values: dict[str, Any], language: str) -> str:
    """Yearly attrition, silent leavers and stale open complaints, as a note in ``language``."""
    from workbench.narrative import (
        describe_attrition,
        describe_silent_leavers,
        describe_stale_complaints,
    )

    if key == "base.attrition":
        frame = pd.DataFrame(values["rows"])
        if len(frame):
            frame["year_end"] = pd.to_datetime(frame["year_end"])
        return describe_attrition(frame, language)
    if key == "base.silent":
        return describe_silent_leavers(values, language)
    if key == "base.stale":
        stale = pd.DataFrame({"age_days": values["ages"]})
        return describe_stale_complaints(stale, values["days"], language)
    raise WorkbenchError(f"unknown note {key!r}")


def _horizon_text(horizon: Any, language: str) -> str:
    """``"90D"`` -> "90 days" / "90 дней" (other offsets as written)."""
    try:
        days = pd.Timedelta(str(horizon)).days
    except (ValueError, TypeError):
        return str(horizon)
    return quantity(days, "day", language)


def _offers(rungs: pd.Series, rules: Any) -> pd.DataFrame:
    """Strategy and action keys (``"; "``-joined) per rung, from the offer rules."""
    import workbench

    present = rungs.dropna()
    if present.empty:
        return pd.DataFrame(columns=["strategy", "action", "has_rule"])
    offers = workbench.offer_matrix(present.astype(str).rename("rung"), rules=rules)
    return pd.DataFrame({
        "strategy": offers["strategy"].astype(str).to_numpy(),
        "action": ["; ".join(map(str, keys)) for keys in offers["action_keys"]],
        "has_rule": offers["has_rule"].astype(bool).to_numpy(),
    }, index=offers["segment"].astype(str).to_numpy())


def _client_actions(scores: pd.DataFrame, rules: Any) -> pd.Series:
    """The action per client: their rung's offer; an active client whose high risk overrides
    the rung's strategy (``override == "risk_over_rung"``) gets the retain actions.

    Without rules (the workshop file gives none) the method's defaults apply per client kind
    (``scores["kind"]``, see :func:`workbench.client_kind`): business clients get
    :data:`workbench.OFFER_RULES`, consumers its consumer variant (no personal manager)."""
    from workbench.offers import default_offer_rules

    if rules is None and "kind" in scores.columns:
        action = pd.Series(pd.NA, index=scores.index, dtype="string")
        for kind in ("business", "consumer"):
            mine = (scores["kind"] == kind).to_numpy()
            if mine.any():
                action[mine] = _client_actions(scores[mine].drop(columns="kind"),
                                               default_offer_rules(kind))
        return action
    action = _actions(scores["rung"], rules)
    retain = _offers(pd.Series(["regular"], name="rung"), rules)
    if len(retain) and "override" in scores.columns:
        over = (scores["override"] == "risk_over_rung").fillna(False).astype(bool)
        action = action.where(~over, str(retain["action"].iloc[0]))
    return action


def _actions(rungs: pd.Series, rules: Any) -> pd.Series:
    offers = _offers(rungs, rules)
    return rungs.astype("string").map(offers["action"].to_dict()).astype("string")


def compute_deliverables(
    data: Any,
    *,
    asof: Any = None,
    language: str | None = None,
    horizon: str | None = None,
    offer_cost: float | None = None,
    success_rate: float | None = None,
    rules: Mapping | pd.DataFrame | None = None,
    workshop: Any = None,
) -> Deliverables:
    """Compute scores, the retention plan and the recommended action for every client.

    This is the slow part of step 7 (it fits :class:`workbench.ChurnModel` once); filter and
    export the result with :func:`select_deliverables` and :func:`export_deliverables`, which
    are cheap.

    Parameters
    ----------
    data : DataFolder or dict of str -> DataFrame
        Canonical tables; ``transactions`` is required, ``survey``, ``customers`` and
        ``feedback`` improve the ladder and the churn model when present.
    asof : date-like, optional
        Observation end (default: last transaction date).
    language : {"en", "ru"}, optional
        Language of the notes and of the ``action`` texts.
    horizon : str, optional
        Churn horizon and value horizon (default: the workshop file's ``plan.horizon``, else
        "90D").
    offer_cost : float, optional
        Cost of the retention offer per client (default: the workshop file's decision; when
        the file has none the offer is not priced: ``expected_gain`` is empty, nobody is a
        target and a note names the field).
    success_rate : float, optional
        Share of targeted at-risk clients the offer keeps (default: the workshop file's
        decision, else 0.3).
    rules : dict or DataFrame, optional
        Offer rules per ladder rung, e.g. the table agreed in step 6
        (:func:`workbench.widgets.offer_table_panel`); default: the workshop file's offer
        rules, else :data:`workbench.OFFER_RULES`. A rung with a rule takes the rule's
        strategy and actions.
    workshop : Workshop, optional
        The workshop whose saved decisions fill the settings not passed (default: the
        folder's own, ``data.workshop``). An argument passed explicitly always wins.

    Returns
    -------
    Deliverables
        ``scores`` (index ``customer_id``; see :data:`SCORE_COLUMNS`) and ``summary``.
        ``expected_value`` is :func:`workbench.retention_value` (the model value or last
        year's pace, whichever predicted the last horizon better on the client's own
        history; ``settings["value"]`` holds both errors and the method used); ``clv``,
        ``clv_low``, ``clv_high`` are the discounted customer-lifetime value over the horizon
        and its bootstrap interval (:func:`workbench.value.customer_value`).

    Notes
    -----
    Every number comes from a tested package function; this module only joins and sorts.
    When the churn model cannot be fitted (too little history for the horizon, a
    :class:`workbench.WorkbenchError`) the probabilities are left empty, the plan is skipped
    and a note says so: the action lists are still written, ordered by value. Leads are left
    out: the action lists cover clients who have bought.
    """
    import workbench

    language = check_language(language)
    tables, missing = _tables(data)
    ws = workshop if workshop is not None else getattr(data, "workshop", None)
    from_file = ws.deliverable_settings() if ws is not None else {}
    if horizon is None:
        horizon = from_file.get("horizon", DELIVERABLE_DEFAULTS["horizon"])
    if offer_cost is None:
        offer_cost = from_file.get("offer_cost", DELIVERABLE_DEFAULTS["offer_cost"])
    if success_rate is None:
        success_rate = from_file.get("success_rate", DELIVERABLE_DEFAULTS["success_rate"])
    if rules is None:
        rules = from_file.get("rules")
    if "transactions" not in tables:
        raise WorkbenchError(
            "step 7 needs the transactions table (transactions.csv); it was not found"
        )
    note_specs: list[tuple[str, dict[str, Any]]] = [
        ("deliv.note.missing", {"table": name}) for name in sorted(missing)
        if name in ("survey", "feedback", "customers", "leads")
    ]

    # one picture of the client base (workbench.client_base): the same rung, cells, status
    # and risk every step reads; lapsed clients are a win-back population, not a churn risk
    from workbench.client_base import client_base

    base = client_base(tables, asof=asof, workshop=ws, horizon=horizon, offer_rules=rules,
                       churn=True)
    asof_ts = base.asof
    buyers = base.buyers  # leads are left out: the action lists cover buying clients
    scores = pd.DataFrame(index=buyers.index.astype("string"))
    for col in ("recency_days", "frequency", "monetary_total", "r_score", "f_score", "m_score",
                "rfm_segment", "abc", "xyz", "abc_xyz", "rung", "strategy", "status",
                "override", "churn_probability", "risk_band", "expected_value"):
        if col in buyers.columns:
            scores[col] = buyers[col].to_numpy()
    if "r_score" in scores.columns:
        scores["rfm_code"] = (scores["r_score"].astype("Int64").astype("string")
                              + scores["f_score"].astype("Int64").astype("string")
                              + scores["m_score"].astype("Int64").astype("string"))
    churn_error = next((v["error"] for k, v in base.notes if k == "base.note.no_churn"), None)
    if churn_error is not None:
        note_specs.append(("deliv.note.no_churn", {"horizon": horizon}))
    # the base's facts for the summary sheet: yearly attrition against the ~10 % benchmark,
    # the lapsed who never complained, open complaints too old to be true (data quality)
    from workbench.client_base import (
        WHY_NOW_DEFAULTS,
        silent_leavers,
        stale_open_complaints,
        yearly_attrition,
    )

    attrition = yearly_attrition(tables["transactions"], asof=asof_ts)
    note_specs.append(("base.attrition", {"rows": [
        {**r, "year_end": str(pd.Timestamp(r["year_end"]).date())}
        for r in attrition.to_dict("records")]}))
    feedback = tables.get("feedback")
    if feedback is not None:
        note_specs.append(("base.silent", silent_leavers(base, feedback)))
        stale_days = {**WHY_NOW_DEFAULTS,  # the age decided in step 8, else the default
                      **(ws.why_now_options() if ws is not None else {})}["stale_days"]
        stale = stale_open_complaints(feedback, base.asof, max_age_days=stale_days)
        note_specs.append(("base.stale", {"ages": stale["age_days"].astype(int).tolist(),
                                          "days": stale_days}))
    note_specs += [n for n in base.notes if n[0] == "churn.note.recency_rule"]  # ranked by recency
    value_info = _value_columns(scores, tables["transactions"], asof_ts, horizon, ws,
                                base.settings.get("value"))  # the client base's value
    if value_info.get("reason") == "backtest":  # say which value is used, and why
        note_specs.append((f"deliv.note.value_{value_info['method']}", {
            "mae_clv": value_info.get("mae_clv", np.nan),
            "mae_run_rate": value_info.get("mae_run_rate", np.nan)}))
    scored = scores["churn_probability"].notna()
    if scored.any():
        positive = scores["expected_value"].clip(lower=0).fillna(0.0)
        if offer_cost is None:  # not priced: value at risk only, nobody is a target
            note_specs.append(("deliv.note.no_offer_cost", {}))
            scores["value_at_risk"] = (scores["churn_probability"].astype("float64")
                                       * positive)
            scores["expected_gain"] = np.nan
            scores["target"] = False
        else:
            plan = workbench.retention_plan(
                scores.loc[scored, "churn_probability"], positive[scored],
                offer_cost=offer_cost, success_rate=success_rate,
                segments=scores.loc[scored, "strategy"])
            table = plan.table
            scores["value_at_risk"] = table["value_at_risk"].reindex(scores.index)
            scores["expected_gain"] = table["expected_gain"].reindex(scores.index)
            scores["target"] = table["target"].reindex(scores.index).fillna(False).astype(
                bool)
    else:
        for col in ("value_at_risk", "expected_gain"):
            scores[col] = np.nan
        scores["target"] = False
    scores["priority"] = _priority_within(scores)

    from workbench.offers import client_kind

    kind = client_kind(scores.index, tables.get("customers"))
    scores["action"] = _client_actions(scores.assign(kind=kind), rules)  # action keys

    # why now (reason codes + the numbers behind them), the contact calendar, the channel
    from workbench.client_base import why_now

    why = why_now(base, tables, **(ws.why_now_options() if ws is not None else {}))  # step 8
    why = why.reindex(scores.index)
    for col in WHY_COLUMNS:
        scores[col] = why[col].to_numpy()
    contacts = _contacts(tables.get("customers"))
    if contacts is not None:
        scores = scores.join(contacts, how="left")
    scores["channel"] = _channels(scores.assign(kind=kind.reindex(scores.index)), ws)
    scores.index.name = "customer_id"
    scores = scores.sort_index(kind="mergesort")
    scores = scores[[c for c in (*CONTACT_COLUMNS, *SCORE_COLUMNS) if c in scores.columns]]
    leads = _lead_list(tables.get("leads"), asof_ts)

    settings = {"asof": asof_ts.date().isoformat(), "horizon": horizon,
                "offer_cost": offer_cost, "success_rate": success_rate, "value": value_info}
    if churn_error is not None:
        settings["churn_error"] = churn_error
    settings["currency"] = ws.currency if ws is not None else None
    settings["control_share"] = ws.get("plan.control_share") if ws is not None else None
    result = Deliverables(scores=scores, summary=_summary(scores),
                          notes=_render_notes(note_specs, language), asof=asof_ts,
                          language=language, settings=settings, rules=rules,
                          note_specs=note_specs, leads=leads, base=base, kinds=kind)
    return _with_campaign(result)


#: Bootstrap replicates of the CLV interval in the deliverables (each refits both models).
CLV_BOOTSTRAP = 50


def _value_columns(scores: pd.DataFrame, tx: pd.DataFrame, asof: pd.Timestamp, horizon: Any,
                   ws: Any, known: dict[str, Any] | None = None) -> dict[str, Any]:
    """Put the back-tested value (``expected_value``) and the CLV with its interval in place.

    Returns the back-test of :func:`workbench.retention_value` (``method`` used, both errors);
    when the value model cannot be fitted the run rate of the client base stays and
    ``method`` says ``run_rate`` with ``reason`` ``no_model``.
    """
    from workbench.economics import retention_value_by_horizon
    from workbench.value import customer_value

    margin = ws.get("company.margin") if ws is not None else None
    idx = scores.index
    try:
        if known is not None:  # scores hold the client base's retention_value already
            info = dict(known)
        else:
            value = retention_value_by_horizon(tx, [horizon], asof=asof, margin=margin)[horizon]
            info = dict(value.attrs["backtest"])
            value.index = value.index.astype("string")
            scores["expected_value"] = value.reindex(idx).astype("float64").to_numpy()
    except WorkbenchError as exc:
        info = {"method": "run_rate", "reason": "no_model", "error": str(exc)}
    try:
        cv = customer_value(tx, asof, horizon, margin=margin, n_boot=CLV_BOOTSTRAP)
        table = cv.table
        table.index = table.index.astype("string")
        for col in ("clv", "clv_low", "clv_high"):
            scores[col] = table[col].reindex(idx).astype("float64").to_numpy()
    except (WorkbenchError, ValueError, FloatingPointError) as exc:  # too few repeat buyers
        info["clv_error"] = str(exc)
    return dict(info)


def _with_campaign(result: Deliverables) -> Deliverables:
    """Hold out the control group of the listed clients (step 7 of the second round)."""
    from workbench.campaign import CONTROL_SHARE, plan_campaign

    share = result.settings.get("control_share")
    result.settings["control_share"] = CONTROL_SHARE if share is None else float(share)
    # the record names the offer handed over in words, as the sheets do
    words = replace(result, scores=label_scores(result.scores, result.language))
    result.campaign = plan_campaign(words) if len(result.scores) else None
    return result


#: Contact data taken from the customers table when it has them (``manager`` / ``contact``
#: are any extra columns of that name).
CONTACT_COLUMNS: tuple[str, ...] = ("name", "type", "region", "source", "manager", "contact")

#: The numbers behind "why now" (see :func:`workbench.client_base.why_now`).
WHY_COLUMNS: tuple[str, ...] = (
    "reason", "reasons", "cycle_days", "silent_days", "complaint_days", "spend_change",
    "months_since", "next_contact", "stale_complaint",
)

#: A strategy list of more B2C clients than this goes to the mass channel (e-mail / SMS)
#: unless the workshop file names a channel for the segment.
MASS_CHANNEL_MIN = 200


def _why_texts(scores: pd.DataFrame, language: str) -> pd.Series:
    """Every client's why-now sentence (:func:`workbench.describe_why_now`), each distinct one
    put into words once: the rows of each reason code are grouped by the fields that code
    reads (:data:`~workbench.narrative._client_base.WHY_FIELDS`), and a base of a million
    clients has a few thousand distinct sentences."""
    from workbench.narrative._client_base import WHY_FIELDS, why_now_parts, why_now_text

    texts = np.full(len(scores), None, dtype=object)
    if "reason" not in scores.columns or not len(scores):
        return pd.Series(texts, index=scores.index, dtype="string")
    reason = scores["reason"].astype("string")
    said: dict[tuple, str | None] = {}

    def say(row: dict) -> str | None:
        parts = why_now_parts(row)
        try:
            if parts not in said:
                said[parts] = why_now_text(parts, language) or None
            return said[parts]
        except TypeError:  # an unhashable value: said on its own
            return why_now_text(parts, language) or None

    for code in reason.dropna().unique():
        at = np.flatnonzero((reason == code).fillna(False).to_numpy())
        fields = [f for f in WHY_FIELDS.get(code, ()) if f in scores.columns]
        if not fields:
            texts[at] = say({"reason": code})
            continue
        sub = scores[fields].iloc[at]
        group = sub.groupby(fields, dropna=False, sort=False).ngroup().to_numpy()
        first = np.unique(group, return_index=True)[1]  # one row per distinct group
        words = [say({"reason": code, **row})
                 for row in sub.iloc[first].to_dict("records")]
        texts[at] = np.asarray(words, dtype=object)[group]
    return pd.Series(texts, index=scores.index, dtype="string")


def _action_texts(actions: Any, language: str) -> list[Any]:
    """The recommended actions, from their keys (``"; "``-joined) to the language's text."""
    from workbench.narrative import action_text

    def words(a: Any) -> Any:
        return (None if _text(a) == "" else
                "; ".join(action_text(k.strip(), language) for k in str(a).split(";")
                          if k.strip()))

    done: dict[str, Any] = {}  # a list holds a handful of distinct actions: each said once
    out = []
    for a in list(actions):
        if isinstance(a, str):
            if a not in done:
                done[a] = words(a)
            out.append(done[a])
        else:
            out.append(words(a))
    return out


def label_scores(scores: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the client scores as handed over: action texts and the why-now sentence.

    The computation keeps keys (``action`` holds action keys, the why-now reason is a code with
    its numbers); the files and display tables apply the words here, at the edge.

    Parameters
    ----------
    scores : DataFrame
        ``Deliverables.scores`` (or ``everyone``).
    language : {"en", "ru"}, optional
        Default: the current language.

    Returns
    -------
    DataFrame
        A copy with ``action`` in words and ``why_now`` (one short sentence, empty when no
        reason applies) after it.

    Examples
    --------
    >>> frame = pd.DataFrame({"action": ["reason_call"], "reason": ["silent"],
    ...                       "cycle_days": [6], "silent_days": [30]})
    >>> label_scores(frame, "en")[["action", "why_now"]].iloc[0].tolist()
    ['Personal call to learn why they left', 'buys every 6 days, silent for 30 days']
    """
    language = check_language(language)
    out = scores.copy()
    if "action" in out.columns:
        out["action"] = pd.array(_action_texts(out["action"], language), dtype="string")
    if "reason" in out.columns:
        why = _why_texts(out, language)
        if "why_now" in out.columns:
            out["why_now"] = why.to_numpy()
        else:
            out.insert(out.columns.get_loc("reason"), "why_now", why.to_numpy())
    return out


def _contacts(customers: pd.DataFrame | None) -> pd.DataFrame | None:
    if customers is None or "customer_id" not in customers:
        return None
    cols = [c for c in CONTACT_COLUMNS if c in customers.columns]
    if not cols:
        return None
    frame = customers.drop_duplicates("customer_id").set_index("customer_id")[cols]
    frame.index = frame.index.astype("string")
    return frame.astype("string")


def _channels(scores: pd.DataFrame, ws: Any) -> pd.Series:
    """Channel per client: the workshop file's channel for the client's rung, else a default.

    The default depends on the client's kind (``scores["kind"]``, see
    :func:`workbench.client_kind`): consumers go to the mass channel (e-mail / SMS) when
    their strategy list holds more than :data:`MASS_CHANNEL_MIN` consumers, else the phone —
    never a personal manager; business clients of class A get a personal manager, the other
    business clients the phone."""
    by_rung = ws.channels() if ws is not None else {}
    rung = scores["rung"].astype("string")
    if "kind" in scores:
        consumer = (scores["kind"] == "consumer").fillna(False).to_numpy()
    else:
        consumer = (scores["type"].astype("string").str.upper() == "B2C").fillna(False) \
            .to_numpy() if "type" in scores else np.zeros(len(scores), dtype=bool)
    consumer = pd.Series(consumer, index=scores.index)
    n_consumer = consumer.groupby(scores["strategy"].astype("string").fillna("none")) \
        .transform("sum")
    class_a = scores["abc"].astype("string").eq("A").fillna(False).to_numpy()
    default = np.where(consumer, np.where(n_consumer > MASS_CHANNEL_MIN, "mass", "phone"),
                       np.where(class_a, "personal_manager", "phone"))
    chosen = rung.map(by_rung).astype("string")
    return chosen.fillna(pd.Series(default, index=scores.index, dtype="string"))


#: Order of the funnel stages for the leads sheet: the furthest stage first.
_STAGE_ORDER = {"deal": 0, "meeting": 1, "proposal": 2, "call": 3}


def _lead_list(leads: pd.DataFrame | None, asof: pd.Timestamp) -> pd.DataFrame | None:
    """The leads («Привлекать») still to convert: not a deal, no client yet; priority by the
    furthest stage reached, then the most recent first contact."""
    if leads is None or not len(leads):
        return None
    frame = leads.copy()
    open_ = frame["stage"].astype(str) != "deal"
    if "customer_id" in frame:
        open_ &= frame["customer_id"].isna().to_numpy()
    frame = frame[open_ & (pd.to_datetime(frame["date"]) <= asof)]
    out = pd.DataFrame({
        "lead_id": frame["lead_id"].astype("string"),
        "source": frame["source"].astype("string") if "source" in frame else pd.NA,
        "stage": frame["stage"].astype(str).astype("string"),
        "date": pd.to_datetime(frame["date"]),
    })
    out["days_since"] = (asof - out["date"]).dt.days.astype(int)
    out["_o"] = out["stage"].map(_STAGE_ORDER).astype(float).fillna(9)
    out = out.sort_values(["_o", "days_since", "lead_id"], kind="mergesort").drop(columns="_o")
    out["priority"] = np.arange(1, len(out) + 1)
    return out.reset_index(drop=True)


def select_deliverables(
    result: Deliverables,
    *,
    strategies: str | Iterable[str] | None = None,
    min_risk: float | None = None,
    min_value: float | None = None,
    only_target: bool = False,
    language: str | None = None,
) -> Deliverables:
    """Keep the clients the sales team should see, in the chosen language (cheap, no refit).

    Parameters
    ----------
    result : Deliverables
        What :func:`compute_deliverables` returned (or a previous selection: filters always
        apply to every client, not to the previous selection).
    strategies : str or list of str, optional
        Strategy keys to list (``"cherish"``, ``"retain"``, ``"engage"``, ``"win_back"`` …);
        default all.
    min_risk : float in [0, 1], optional
        List only clients whose churn probability is at least this (clients without an
        estimate are dropped when it is above 0).
    min_value : float, optional
        List only clients whose expected value over the horizon is at least this.
    only_target : bool, default False
        List only the clients worth contacting now (``target``, from the retention plan).
    language : {"en", "ru"}, optional
        Language of the notes, the actions and the workbook (default: the result's language).

    Returns
    -------
    Deliverables
        ``scores`` and ``summary`` restricted to the listed clients; ``all_scores`` keeps every
        client (for ``scores.csv``); ``settings["filters"]`` records the active filters.

    Raises
    ------
    WorkbenchError
        For an unknown strategy key or a risk outside [0, 1].

    Examples
    --------
    >>> idx = pd.Index(["a", "b", "c"], name="customer_id")
    >>> scores = pd.DataFrame({"rung": ["regular", "regular", "lapsed"],
    ...                        "strategy": ["retain", "retain", "win_back"],
    ...                        "churn_probability": [0.1, 0.7, 0.9],
    ...                        "risk_band": ["low", "high", "high"],
    ...                        "expected_value": [100.0, 50.0, 0.0],
    ...                        "value_at_risk": [10.0, 35.0, 0.0],
    ...                        "expected_gain": [-7.0, 0.5, -10.0],
    ...                        "target": [False, True, False],
    ...                        "action": ["Call", "Call", "Ask why"]}, index=idx)
    >>> full = Deliverables(scores=scores, summary=_summary(scores))
    >>> part = select_deliverables(full, min_risk=0.5, strategies=["retain"])
    >>> list(part.scores.index), len(part.everyone)
    (['b'], 3)
    """
    from workbench.offers import STRATEGIES

    language = check_language(language if language is not None else result.language)
    everyone = result.everyone
    keep = pd.Series(True, index=everyone.index)
    filters: dict[str, Any] = {}
    if strategies is not None:
        chosen = [strategies] if isinstance(strategies, str) else [str(s) for s in strategies]
        known = set(STRATEGIES) | set(everyone["strategy"].dropna().astype(str))
        unknown = [s for s in chosen if s not in known]
        if unknown:
            raise WorkbenchError(
                f"strategies: unknown strategy {unknown[0]!r}; expected some of "
                f"{', '.join(sorted(known))}"
            )
        keep &= everyone["strategy"].astype("string").isin(chosen).fillna(False).astype(bool)
        filters["strategies"] = chosen
    if min_risk is not None and float(min_risk) > 0:
        if not 0 <= float(min_risk) <= 1:
            raise WorkbenchError(f"min_risk must lie in [0, 1]; got {min_risk!r}")
        prob = everyone["churn_probability"].astype("Float64")
        keep &= (prob >= float(min_risk)).fillna(False).astype(bool)
        filters["min_risk"] = float(min_risk)
    elif min_risk is not None and float(min_risk) < 0:
        raise WorkbenchError(f"min_risk must lie in [0, 1]; got {min_risk!r}")
    if min_value is not None and float(min_value) > 0:
        value = everyone["expected_value"].astype("Float64")
        keep &= (value >= float(min_value)).fillna(False).astype(bool)
        filters["min_value"] = float(min_value)
    if only_target:
        keep &= everyone["target"].fillna(False).astype(bool)
        filters["only_target"] = True
    scores = everyone.loc[keep.to_numpy()]
    settings = {k: v for k, v in result.settings.items() if k != "filters"}
    if filters:
        settings["filters"] = filters
    selected = replace(result, scores=scores, summary=_summary(scores),
                       notes=_render_notes(result.note_specs, language), language=language,
                       settings=settings, all_scores=everyone)
    return _with_campaign(selected) if result.campaign is not None else selected


def _priority_within(scores: pd.DataFrame) -> pd.Series:
    """Rank 1, 2, ... within each strategy: expected gain of the contact first (clients worth
    contacting now on top), then the expected value; ties by customer id."""
    frame = pd.DataFrame({
        "strategy": scores["strategy"].astype("string").fillna("none").to_numpy(),
        "target": scores["target"].fillna(False).astype(bool).to_numpy(),
        "gain": scores["expected_gain"].astype("float64").fillna(-np.inf).to_numpy(),
        "value": scores["expected_value"].astype("float64").fillna(-np.inf).to_numpy(),
        "id": scores.index.astype(str),
    }, index=scores.index)
    frame = frame.sort_values(["strategy", "target", "gain", "value", "id"],
                              ascending=[True, False, False, False, True], kind="mergesort")
    rank = frame.groupby("strategy", sort=False).cumcount() + 1
    return rank.reindex(scores.index).astype("Int64")


def _summary(scores: pd.DataFrame) -> pd.DataFrame:
    columns = ["strategy", "n_customers", "n_target", "n_high_risk", "value_at_risk",
               "expected_gain", "action"]
    if scores.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("value_at_risk",
                                                                     "expected_gain")
                                          else "string" if c in ("strategy", "action")
                                          else "int64") for c in columns})
    order = {s: i for i, s in enumerate(STRATEGY_ORDER)}
    frame = pd.DataFrame({
        "strategy": scores["strategy"].astype("string").fillna("none"),
        "target": scores["target"].fillna(False).astype(bool),
        "high": scores.get("risk_band", pd.Series(index=scores.index, dtype="string"))
                      .astype("string").eq("high").fillna(False).astype(bool),
        "value_at_risk": scores["value_at_risk"].astype("float64"),
        "gain": scores["expected_gain"].astype("float64"),
        "action": scores["action"].astype("string"),
    })
    frame["gain_target"] = frame["gain"].where(frame["target"], 0.0)
    frame["_order"] = frame["strategy"].map(order).astype("float64").fillna(99)
    g = frame.groupby(["_order", "strategy"], sort=True)
    summary = pd.DataFrame({
        "n_customers": g.size().astype("int64"),
        "n_target": g["target"].sum().astype("int64"),
        "n_high_risk": g["high"].sum().astype("int64"),
        "value_at_risk": g["value_at_risk"].sum(min_count=1),
        "expected_gain": g["gain_target"].sum(),
        "action": g["action"].first(),
    }).reset_index().drop(columns="_order")
    if frame["gain"].isna().all():
        summary["expected_gain"] = np.nan
    summary["strategy"] = summary["strategy"].astype("string")
    return summary[columns]


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort a strategy's clients: priority (targets first), then expected value, then id."""
    key = pd.DataFrame({
        "_p": frame["priority"].astype("Float64").fillna(np.inf).astype("float64"),
        "_v": -frame["expected_value"].astype("float64").fillna(-np.inf),
    }, index=frame.index)
    return frame.loc[key.sort_values(["_p", "_v"], kind="mergesort").index]


def _label(kind: str, key: Any, language: str) -> Any:
    if key is None or key is pd.NA or (isinstance(key, float) and np.isnan(key)):
        return None
    name = f"{kind}.{key}"
    return t(name, language) if has(name) else key


def _strategy_label(strategy: Any, language: str) -> str:
    return str(_label("strategy", strategy, language))


def _sheet_title(text: str, used: set[str]) -> str:
    bad = '[]:*?/\\'
    title = "".join("_" if ch in bad else ch for ch in str(text))[:31] or "sheet"
    base, i = title, 2
    while title.lower() in used:
        suffix = f" {i}"
        title = base[: 31 - len(suffix)] + suffix
        i += 1
    used.add(title.lower())
    return title


def _sheet_plan(result: Deliverables) -> tuple[str, list[tuple[str, str, pd.DataFrame]]]:
    """The summary sheet's title and (title, strategy, ordered clients) per strategy sheet."""
    used: set[str] = set()
    summary_title = _sheet_title(t("deliv.sheet.summary", result.language), used)
    scores = result.scores
    if result.campaign is not None and len(result.campaign.control):
        scores = scores[~isin(scores.index, result.campaign.control.index)]
    scores = label_scores(scores, result.language).reset_index()
    sheets = []
    for strategy in result.summary["strategy"]:
        part = scores[scores["strategy"].astype("string").fillna("none") == strategy]
        if part.empty:
            continue
        title = _sheet_title(_strategy_label(strategy, result.language), used)
        sheets.append((title, str(strategy), _ordered(part)))
    return summary_title, sheets


def _sheet_columns(result: Deliverables) -> list[str]:
    """The columns of a strategy sheet that this result has (its words included: why now)."""
    present = set(result.scores.columns)
    if "reason" in present:
        present.add("why_now")  # the sentence is written from the reason code and its numbers
    return [c for c in SHEET_COLUMNS if c == "customer_id" or c in present]


def _cell_value(column: str, value: Any, language: str) -> Any:
    """One value of a strategy sheet, in the workbook's language."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if column == "rung":
        return _label("ladder.rung", value, language)
    if column == "risk_band":
        return _label("churn.band", value, language)
    if column == "rfm_segment":
        return _label("rfm.segment", value, language)
    if column in ("target", "stale_complaint"):
        return t("common.yes" if bool(value) else "common.no", language)
    if column == "channel":
        return _label("deliv.channel", value, language)
    if column == "reason":
        return _label("deliv.reason", value, language)
    if column == "next_contact":
        return pd.Timestamp(value).to_pydatetime()
    if isinstance(value, (np.integer, int)) and not isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return round(float(value), 4 if column == "churn_probability" else 2)
    return str(value)


def _settings_rows(result: Deliverables) -> list[list[Any]]:
    """Rows ``[label, value, format key]`` of the summary sheet's settings: the date as a date,
    money with its currency, shares as percentages."""
    lang = result.language
    rows: list[list[Any]] = []
    currency = result.settings.get("currency")
    for key in ("asof", "horizon", "offer_cost", "success_rate", "control_share"):
        value = result.settings.get(key)
        fmt = None
        if value is None:
            continue
        if key == "horizon":
            value = _horizon_text(value, lang)
        elif key == "asof":
            value, fmt = pd.Timestamp(value).to_pydatetime(), "date"
        elif key in ("success_rate", "control_share"):
            value, fmt = float(value), "0%"
        elif key == "offer_cost":
            value, fmt = float(value), "#,##0.00"
        label = t(f"deliv.setting.{key}", lang)
        if key == "offer_cost" and currency:
            label = f"{label}, {currency_symbol(lang, currency)}"  # ₽ in Russian, RUB in English
        rows.append([label, value, fmt])
    rows.append([t("deliv.setting.currency", lang),
                 currency or t("deliv.currency.unknown", lang), None])
    filters = result.settings.get("filters") or {}
    if filters:
        rows.append([t("deliv.filter.title", lang), _filters_text(filters, lang), None])
    return rows


def _reading_lines(result: Deliverables, sheets: list[tuple[str, str, pd.DataFrame]],
                   leads_title: str | None) -> list[str]:
    """How to read each sheet, one line per sheet, in the workbook's language."""
    lang = result.language
    lines = [t("deliv.read.title", lang)]
    for title, strategy, _part in sheets:
        key = f"deliv.read.{strategy}"
        lines.append(f"{title}: " + t(key if has(key) else "deliv.read.other", lang))
    lines.append(t("deliv.read.columns", lang))
    if leads_title:
        lines.append(f"{leads_title}: " + t("deliv.read.leads", lang))
    return lines


def _filters_text(filters: Mapping[str, Any], language: str) -> str:
    parts = []
    if "strategies" in filters:
        names = ", ".join(_strategy_label(s, language) for s in filters["strategies"])
        parts.append(t("deliv.filter.strategies", language, names=names))
    if "min_risk" in filters:
        parts.append(t("deliv.filter.min_risk", language,
                       pct=percent(filters["min_risk"], 0, language)))
    if "min_value" in filters:
        parts.append(t("deliv.filter.min_value", language,
                       value=money(filters["min_value"], language)))
    if filters.get("only_target"):
        parts.append(t("deliv.filter.only_target", language))
    return "; ".join(parts)


def _resolve_sheet_rows(sheet_rows: int | None) -> int:
    """Rows per strategy sheet: the argument, else ``WORKBENCH_SHEET_ROWS``, else SHEET_ROWS."""
    if sheet_rows is None:
        env = os.environ.get("WORKBENCH_SHEET_ROWS", "").strip()
        if env:
            try:
                sheet_rows = int(env)
            except ValueError:
                raise WorkbenchError(
                    f"WORKBENCH_SHEET_ROWS must be a whole number of rows; got {env!r}"
                ) from None
        else:
            sheet_rows = SHEET_ROWS
    if isinstance(sheet_rows, bool) or not isinstance(sheet_rows, (int, np.integer)) \
            or int(sheet_rows) < 1:
        raise WorkbenchError(
            f"sheet_rows must be a whole number of rows, at least 1; got {sheet_rows!r}"
        )
    if int(sheet_rows) > EXCEL_MAX_ROWS - 1:
        raise WorkbenchError(
            f"sheet_rows={sheet_rows}: an Excel sheet holds at most {EXCEL_MAX_ROWS:,} rows "
            f"(one is the header), so at most {EXCEL_MAX_ROWS - 1:,} clients per sheet; the "
            f"complete lists are written to {' and '.join(FULL_LIST_FILES)} anyway"
        )
    return int(sheet_rows)


def _put(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Write one cell with an explicit type: text is always a string cell, never a formula."""
    if value is None:
        if fmt is not None:
            ws.write_blank(row, col, None, fmt)
        return
    if isinstance(value, (bool, np.bool_)):
        ws.write_boolean(row, col, bool(value), fmt)
    elif isinstance(value, _dt.datetime):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if np.isfinite(number):
            ws.write_number(row, col, value, fmt)
        elif fmt is not None:
            ws.write_blank(row, col, None, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _column_writes(ws: Any, column: str, values: pd.Series, language: str,
                   fmt: Any) -> list[tuple[Any, Any]]:
    """``(worksheet method, value)`` per row of one strategy-sheet column, as :func:`_put`
    writes ``_cell_value(column, value)``: the same cell types and values, each distinct text
    or whole number converted once (``(None, None)``: the cell stays empty)."""
    def action(value: Any) -> tuple[Any, Any]:
        value = _cell_value(column, value, language)
        if value is None:
            return (ws.write_blank, None) if fmt is not None else (None, None)
        if isinstance(value, (bool, np.bool_)):
            return ws.write_boolean, bool(value)
        if isinstance(value, _dt.datetime):
            return ws.write_datetime, value
        if isinstance(value, (int, float, np.integer, np.floating)):
            if np.isfinite(float(value)):
                return ws.write_number, value
            return (ws.write_blank, None) if fmt is not None else (None, None)
        return ws.write_string, str(value)

    seen: dict[tuple[type, Any], tuple[Any, Any]] = {}
    out = []
    for value in list(values):  # the values itertuples gives
        key: tuple[type, Any] | None = (type(value), value)
        try:
            done = seen.get(key)
        except TypeError:  # unhashable: converted each time
            key, done = None, None
        if done is None:
            done = action(value)
            # only texts and whole numbers are shared: equal floats may differ (0.0, -0.0),
            # equal Timestamps too (time zones), NaN and NaT are not equal to themselves
            if key is not None and isinstance(value, (str, int, np.integer, np.bool_)):
                seen[key] = done
        out.append(done)
    return out


def _summary_notes(result: Deliverables, sheets: list[tuple[str, str, pd.DataFrame]],
                   sheet_rows: int) -> list[str]:
    """The summary sheet's lines on what each sheet holds and where the complete lists are."""
    lang = result.language
    n_listed = sum(len(part) for _t, _s, part in sheets)
    lines = [t("deliv.sheet.rows", lang, rows=quantity(sheet_rows, "client", lang),
               csv=FULL_LIST_FILES[1], parquet=FULL_LIST_FILES[0],
               clients=quantity(n_listed, "client", lang))]
    for title, _strategy, part in sheets:
        if len(part) > sheet_rows:
            lines.append(t("deliv.sheet.truncated", lang, name=title,
                           rows=count(sheet_rows, lang),
                           clients=quantity(len(part), "client", lang, case="gen")))
    lines.append(t("deliv.sheet.ids", lang))
    return lines


def _write_workbook(result: Deliverables, target: Any, sheet_rows: int,
                    plan: tuple[str, list] | None = None) -> None:
    """Stream ``actions.xlsx`` to ``target`` (a path or a binary buffer) with xlsxwriter.

    Constant-memory mode writes row by row; every value is written with an explicit type, so
    a client id like ``=HYPERLINK(...)`` stays text, and no string becomes a formula, a
    hyperlink or a number. Each strategy sheet holds the first ``sheet_rows`` clients.
    """
    import xlsxwriter

    lang = result.language
    wb = xlsxwriter.Workbook(target, {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    wb.set_properties({"author": "workbench",
                       "created": pd.Timestamp(*_FIXED_TIME[:3]).to_pydatetime()})
    title_fmt = wb.add_format({"bold": True, "font_size": 14})
    head_fmt = wb.add_format({"bold": True, "bg_color": "#DDE7F0"})
    sheet_head_fmt = wb.add_format({"bold": True, "bg_color": "#DDE7F0", "text_wrap": True,
                                    "valign": "top"})
    date_fmt = "dd.mm.yyyy" if lang == "ru" else "yyyy-mm-dd"
    formats = {fmt: wb.add_format({"num_format": date_fmt if fmt == "date" else fmt})
               for fmt in dict.fromkeys([*(f for f in SHEET_COLUMNS.values() if f),
                                         "date", "0%", "#,##0.00"])}
    money = formats["#,##0"]
    summary_title, sheets = plan if plan is not None else _sheet_plan(result)

    ws = wb.add_worksheet(summary_title)
    for col, width in enumerate((26, 12, 12, 12, 16, 16, 70)):
        ws.set_column(col, col, width)
    r = 0
    _put(ws, r, 0, t("deliv.title", lang), title_fmt)
    for label, value, fmt in _settings_rows(result):
        r += 1
        _put(ws, r, 0, label)
        _put(ws, r, 1, value, formats[fmt] if fmt else None)
    r += 2
    header = ["strategy", "n_customers", "n_target", "n_high_risk", "value_at_risk",
              "expected_gain", "action"]
    for j, h in enumerate(header):
        _put(ws, r, j, t(f"deliv.col.{h}", lang), head_fmt)
    head_row = r
    for rec in result.summary.to_dict("records"):
        r += 1
        values = [
            _strategy_label(rec["strategy"], lang),
            int(rec["n_customers"]), int(rec["n_target"]), int(rec["n_high_risk"]),
            None if pd.isna(rec["value_at_risk"]) else round(float(rec["value_at_risk"]), 2),
            None if pd.isna(rec["expected_gain"]) else round(float(rec["expected_gain"]), 2),
            _action_texts([rec["action"]], lang)[0],
        ]
        for j, value in enumerate(values):
            _put(ws, r, j, value, money if j in (4, 5) else None)
    r += 1
    used = {title.lower() for title, _s, _p in sheets} | {summary_title.lower()}
    control = result.campaign.control if result.campaign is not None else None
    control_title = (_sheet_title(t("campaign.sheet.control", lang), used)
                     if control is not None and len(control) else None)
    leads_title = (_sheet_title(t("deliv.sheet.leads", lang), used)
                   if result.leads is not None and len(result.leads) else None)
    for note in [*_summary_notes(result, sheets, sheet_rows),
                 *_control_note(result, control_title), *result.notes, "",
                 *_reading_lines(result, sheets, leads_title)]:
        r += 1
        _put(ws, r, 0, note or None)
    ws.freeze_panes(head_row + 1, 0)

    columns = _sheet_columns(result)
    col_formats = [formats.get(SHEET_COLUMNS[c]) if SHEET_COLUMNS[c] else None
                   for c in columns]
    for title, _strategy, part in sheets:
        sheet = wb.add_worksheet(title)
        for j, c in enumerate(columns):
            sheet.set_column(j, j, 60 if c == "action" else 44 if c == "why_now" else 16)
        sheet.freeze_panes(1, 1)
        for j, c in enumerate(columns):
            _put(sheet, 0, j, t(f"deliv.col.{c}", lang), sheet_head_fmt)
        top = part[columns].head(sheet_rows)
        writes = [_column_writes(sheet, c, top[c], lang, col_formats[j])
                  for j, c in enumerate(columns)]
        for i, row in enumerate(zip(*writes, strict=True), start=1):
            for j, (write, value) in enumerate(row):
                if write is not None:
                    write(i, j, value, col_formats[j])
        sheet.autofilter(0, 0, len(top), len(columns) - 1)
    if control_title:
        _write_control_sheet(wb, result, control_title, sheet_head_fmt)
    if leads_title:
        lead_cols = ["lead_id", "priority", "source", "stage", "date", "days_since"]
        sheet = wb.add_worksheet(leads_title)
        sheet.freeze_panes(1, 1)
        for j, c in enumerate(lead_cols):
            sheet.set_column(j, j, 16)
            _put(sheet, 0, j, t(f"deliv.col.{c}", lang), sheet_head_fmt)
        top = result.leads[lead_cols].head(sheet_rows)
        for i, rec in enumerate(top.itertuples(index=False, name=None), start=1):
            for j, (c, v) in enumerate(zip(lead_cols, rec, strict=True)):
                if c == "stage":
                    v = _label("funnel.stage", v, lang)
                elif c == "date":
                    v = pd.Timestamp(v).to_pydatetime()
                _put(sheet, i, j, _cell_value(c, v, lang) if c != "date" else v,
                     formats["date"] if c == "date" else None)
        sheet.autofilter(0, 0, len(top), len(lead_cols) - 1)
    wb.close()


def _control_note(result: Deliverables, title: str | None) -> list[str]:
    """The summary sheet's line on the control group (none without one)."""
    from workbench.campaign import CAMPAIGN_FILE
    from workbench.narrative import date as _date
    from workbench.narrative import percent as _percent

    if title is None:
        return []
    camp = result.campaign
    lang = result.language
    return [t("campaign.sheet.note", lang, n=count(len(camp.control), lang),
              share=_percent(camp.control_share, 0, lang), seed=camp.seed, sheet=title,
              end=_date(camp.end - pd.Timedelta(days=1), lang), file=CAMPAIGN_FILE)]


#: Columns of the control-group sheet (those present): who, "do not contact", which list.
CONTROL_COLUMNS: tuple[str, ...] = ("customer_id", "do_not_contact", "list", "name", "region",
                                    "manager", "contact", "offer")


def _write_control_sheet(wb: Any, result: Deliverables, title: str, head_fmt: Any) -> None:
    """The clients held out: one row each, marked "do not contact" until the window ends."""
    from workbench.narrative import date as _date

    lang = result.language
    camp = result.campaign
    control = camp.control
    contacts = result.scores.reindex(control.index)
    columns = [c for c in CONTROL_COLUMNS
               if c not in CONTACT_COLUMNS or c in result.scores.columns]
    # contact data is shown so the team can recognise the client and leave them alone
    mark = t("campaign.do_not_contact", lang, end=_date(camp.end - pd.Timedelta(days=1), lang))
    sheet = wb.add_worksheet(title)
    sheet.freeze_panes(1, 1)
    for j, c in enumerate(columns):
        sheet.set_column(j, j, 40 if c in ("do_not_contact", "offer") else 16)
        key = f"campaign.col.{c}" if has(f"campaign.col.{c}") else f"deliv.col.{c}"
        _put(sheet, 0, j, t(key, lang), head_fmt)
    order = sorted(range(len(control)), key=lambda i: (str(control["list"].iloc[i]),
                                                       str(control.index[i])))
    for i, k in enumerate(order, start=1):
        cid = control.index[k]
        for j, c in enumerate(columns):
            if c == "customer_id":
                value = str(cid)
            elif c == "do_not_contact":
                value = mark
            elif c == "list":
                value = _strategy_label(control["list"].iloc[k], lang)
            elif c == "offer":
                value = control["offer"].iloc[k]
                value = None if value is pd.NA or value == "" else str(value)
            else:
                value = _cell_value(c, contacts[c].iloc[k], lang)
            _put(sheet, i, j, value)
    sheet.autofilter(0, 0, len(order), len(columns) - 1)


def write_actions_xlsx(result: Deliverables, path: str | os.PathLike,
                       sheet_rows: int | None = None) -> Path:
    """Write ``actions.xlsx``: a summary sheet, then one sheet per strategy (fixed metadata).

    Parameters
    ----------
    result : Deliverables
        From :func:`compute_deliverables` or :func:`select_deliverables`.
    path : path
        The file to write.
    sheet_rows : int, optional
        Clients per strategy sheet (the top of each list: priority, then expected value).
        Default: the environment variable ``WORKBENCH_SHEET_ROWS``, else :data:`SHEET_ROWS`.
        At most ``EXCEL_MAX_ROWS - 1`` (Excel's limit, less the header).

    Returns
    -------
    Path
        ``path``. Headers, strategy names, rungs, risk bands and yes/no are in
        ``result.language``; the summary sheet lists the settings, the active filters, how
        many clients each sheet holds and where the complete lists are, how ids are written,
        and the notes. Every text cell is a string cell (a value starting with ``=`` is never
        a formula).
    """
    return _write_actions(result, Path(path), _resolve_sheet_rows(sheet_rows))


def _write_actions(result: Deliverables, path: Path, rows: int,
                   plan: tuple[str, list] | None = None) -> Path:
    """:func:`write_actions_xlsx` with the rows resolved (and the sheet plan, when known)."""
    buffer = io.BytesIO()
    _write_workbook(result, buffer, rows, plan)
    path.write_bytes(_normalise_zip(buffer.getvalue()))
    return path


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite an xlsx with fixed entry timestamps and fixed document dates (reproducible)."""
    import re

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>2000-01-01T00:00:00Z", payload)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, payload)
    return out.getvalue()


#: First characters that make a spreadsheet program read a CSV field as a formula (OWASP's
#: CSV-injection list: ``=``, ``+``, ``-``, ``@``, tab, carriage return).
CSV_FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Make one text value safe for a CSV file that a spreadsheet program will open.

    A value that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (Excel
    would run it as a formula: OWASP's CSV-injection advice), or with an apostrophe, gets one
    apostrophe in front. The change is reversible: :func:`csv_unsafe` removes exactly that
    apostrophe, so ids written this way still join (see :func:`read_deliverable_csv`).
    Anything that is not a string is returned as it is.

    Examples
    --------
    >>> print(csv_safe('=HYPERLINK("http://x","click")'))
    '=HYPERLINK("http://x","click")
    >>> csv_safe("-12"), csv_safe("C0001"), csv_safe(-12.5)
    ("'-12", 'C0001', -12.5)
    >>> csv_unsafe(csv_safe("'quoted")) == "'quoted"
    True
    """
    if isinstance(value, str) and value and (value[0] in CSV_FORMULA_START or value[0] == "'"):
        return "'" + value
    return value


def csv_unsafe(value: Any) -> Any:
    """Undo :func:`csv_safe`: drop one leading apostrophe of a text value."""
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def _csv_safe_text(values: pd.Series) -> pd.Series:
    """:func:`csv_safe` of every value of a text column, by vectorised string operations."""
    risky = values.str.startswith((*CSV_FORMULA_START, "'")).fillna(False).to_numpy(bool)
    if not risky.any():
        return values
    out = values.copy()
    out[risky] = "'" + values[risky]
    return out


def _csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Escape the index and every text column (numbers stay numbers)."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.StringDtype):
            out[col] = _csv_safe_text(out[col])
        elif out[col].dtype == object:  # may mix text with other values
            out[col] = out[col].map(csv_safe, na_action="ignore")
    if isinstance(out.index.dtype, pd.StringDtype):
        out.index = pd.Index(_csv_safe_text(out.index.to_series()).array, name=out.index.name)
    elif out.index.dtype == object:
        out.index = pd.Index([csv_safe(v) for v in out.index.tolist()], name=out.index.name,
                             dtype=out.index.dtype)
    return out


def read_deliverable_csv(path: str | os.PathLike) -> pd.DataFrame:
    """Read ``scores.csv`` or ``action_lists.csv`` back with the ids exactly as loaded.

    Text is read as text (ids keep their leading zeros) and the apostrophe that
    :func:`csv_safe` put before a formula-like value is removed, so ``customer_id`` joins
    with the client's own tables again.

    Parameters
    ----------
    path : path
        A CSV deliverable written by :func:`export_deliverables`.

    Returns
    -------
    DataFrame
        One row per line; ``customer_id`` as a column.
    """
    frame = pd.read_csv(path, dtype={"customer_id": "string", "strategy": "string",
                                     "rfm_code": "string"}, keep_default_na=True)
    for col in frame.columns:
        if frame[col].dtype == object or isinstance(frame[col].dtype, pd.StringDtype):
            frame[col] = frame[col].map(csv_unsafe, na_action="ignore")
    return frame


def _write_scores_csv(result: Deliverables, path: Path) -> Path:
    scores = label_scores(result.everyone, result.language)
    if "churn_probability" in scores:
        scores["churn_probability"] = scores["churn_probability"].round(6)
    for col in ("expected_value", "value_at_risk", "expected_gain", "monetary_total"):
        if col in scores:
            scores[col] = scores[col].round(2)
    _csv_safe_frame(scores).to_csv(path, encoding="utf-8", lineterminator="\n")
    return path


def _full_lists(result: Deliverables, plan: tuple[str, list] | None = None) -> pd.DataFrame:
    """Every listed client in workbook order: strategy, then the strategy sheet's columns."""
    _title, sheets = plan if plan is not None else _sheet_plan(result)
    columns = _sheet_columns(result)
    parts = [part[columns].assign(strategy=strategy) for _t, strategy, part in sheets]
    if not parts:
        frame = pd.DataFrame({c: pd.Series(dtype="string") for c in ["strategy", *columns]})
    else:
        frame = pd.concat(parts, ignore_index=True)[["strategy", *columns]]
    frame["strategy"] = frame["strategy"].astype("string")
    frame["customer_id"] = frame["customer_id"].astype("string")
    for col in ("expected_value", "value_at_risk", "expected_gain"):
        if col in frame:
            frame[col] = frame[col].astype("float64").round(2)
    if "churn_probability" in frame:
        frame["churn_probability"] = frame["churn_probability"].astype("float64").round(6)
    return frame.reset_index(drop=True)


def _write_full_lists(result: Deliverables, out: Path,
                      plan: tuple[str, list] | None = None) -> dict[str, Path]:
    """Write the complete action lists as Parquet and CSV (canonical names and keys)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = _full_lists(result, plan)
    parquet, csv = (out / name for name in FULL_LIST_FILES)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), parquet, compression="zstd")
    _csv_safe_frame(frame).to_csv(csv, index=False, encoding="utf-8", lineterminator="\n")
    return {parquet.name: parquet, csv.name: csv}


@dataclass
class ExportResult:
    """What :func:`export_deliverables` wrote (or, without a folder, would write).

    Attributes
    ----------
    deliverables : Deliverables
        The (selected) package that was exported.
    summary_sheet : str
        Title of the summary sheet of ``actions.xlsx``.
    sheets : dict of str -> int
        Strategy sheet title -> clients listed on it, in workbook order.
    n_scores : int
        Rows of ``scores.csv`` (every client).
    files : dict of str -> Path
        ``actions.xlsx``, ``scores.csv``, ``action_lists.parquet``, ``action_lists.csv`` ->
        path; empty when nothing was written.
    folder : Path, optional
        The output folder (``None``: nothing was written).
    sheet_rows : int
        Clients per strategy sheet.
    n_control : int
        Clients held out as the control group (on their own sheet, not on the strategy
        sheets; ``campaign.json`` records them).
    """

    deliverables: Deliverables
    summary_sheet: str
    sheets: dict[str, int]
    n_scores: int
    files: dict[str, Path] = field(default_factory=dict)
    folder: Path | None = None
    sheet_rows: int = 0
    n_control: int = 0

    @property
    def truncated(self) -> dict[str, int]:
        """Sheet title -> clients of the list that are only in the full-list files."""
        return {title: n - self.sheet_rows for title, n in self.sheets.items()
                if self.sheet_rows and n > self.sheet_rows}

    @property
    def written(self) -> bool:
        """True when the files were written."""
        return bool(self.files)


def export_deliverables(
    result: Deliverables, out_dir: str | os.PathLike | None = None, *,
    sheet_rows: int | None = None,
) -> ExportResult:
    """Write ``actions.xlsx`` and ``scores.csv`` into ``out_dir`` (or only plan them).

    Parameters
    ----------
    result : Deliverables
        From :func:`compute_deliverables` or :func:`select_deliverables` (the workbook lists
        the selected clients; ``scores.csv`` holds every client).
    out_dir : path, optional
        Output folder, created if needed. ``None`` writes nothing and reports what would be
        written (a dry run: nothing touches the disk).
    sheet_rows : int, optional
        Clients per strategy sheet of ``actions.xlsx`` (the top of each list). Default: the
        environment variable ``WORKBENCH_SHEET_ROWS``, else :data:`SHEET_ROWS`. The complete
        lists always go to ``action_lists.parquet`` and ``action_lists.csv``.

    Returns
    -------
    ExportResult
        Sheet titles with their client counts, rows of ``scores.csv``, and the files written.

    Notes
    -----
    Text in the CSV files that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return is preceded by an apostrophe (see :func:`csv_safe`); read them back with
    :func:`read_deliverable_csv` to join on ``customer_id``. ``actions.xlsx`` and the Parquet
    file keep every id unchanged (text cells, never formulas).
    """
    summary_title, plan = whole_plan = _sheet_plan(result)  # one plan for every file
    rows = _resolve_sheet_rows(sheet_rows)
    export = ExportResult(deliverables=result, summary_sheet=summary_title,
                          sheets={title: len(part) for title, _s, part in plan},
                          n_scores=len(result.everyone), sheet_rows=rows,
                          n_control=(len(result.campaign.control)
                                     if result.campaign is not None else 0))
    if out_dir is None:
        return export
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    export.files = {
        "actions.xlsx": _write_actions(result, out / "actions.xlsx", rows, whole_plan),
        "scores.csv": _write_scores_csv(result, out / "scores.csv"),
        **_write_full_lists(result, out, whole_plan),
    }
    if result.campaign is not None:
        from workbench.campaign import CAMPAIGN_FILE, write_campaign

        export.files[CAMPAIGN_FILE] = write_campaign(result.campaign, out / CAMPAIGN_FILE)
    export.folder = out
    return export


def write_deliverables(
    data_dir: str | os.PathLike | Any,
    out_dir: str | os.PathLike,
    *,
    language: str | None = None,
    asof: Any = None,
    mapping: str | os.PathLike | None = None,
    sheet_rows: int | None = None,
    pseudonymize_key: str | bytes | None = None,
    **settings: Any,
) -> dict[str, Path]:
    """Load a folder (or take loaded tables), compute and write ``actions.xlsx`` and ``scores.csv``.

    Parameters
    ----------
    data_dir : path or DataFolder or dict of DataFrame
        The client's folder, or tables already loaded.
    out_dir : path
        Output folder (created if needed).
    language : {"en", "ru"}, optional
    asof : date-like, optional
    mapping : path, optional
        Column mapping for the loader.
    sheet_rows : int, optional
        Clients per strategy sheet (see :func:`export_deliverables`).
    pseudonymize_key : str, optional
        Pseudonymise the folder at load (see :func:`workbench.load_folder`); default the
        environment variable ``WORKBENCH_PSEUDONYMIZE_KEY``.
    **settings
        ``horizon``, ``offer_cost``, ``success_rate``, ``rules`` for
        :func:`compute_deliverables`.

    Returns
    -------
    dict
        File name -> path (see :attr:`ExportResult.files`).
    """
    import workbench

    if isinstance(data_dir, (str, os.PathLike)):
        data = workbench.load_folder(data_dir, mapping=mapping,
                                     pseudonymize_key=pseudonymize_key)
    else:
        data = data_dir
    result = compute_deliverables(data, asof=asof, language=language, **settings)
    return export_deliverables(result, out_dir, sheet_rows=sheet_rows).files


# ----------------------------------------------------------------------------------------------
# Reading the package aloud, and the tables shown to the audience
# ----------------------------------------------------------------------------------------------

def _has_churn(result: Deliverables) -> bool:
    scores = result.everyone
    return "churn_probability" in scores and bool(scores["churn_probability"].notna().any())


def _folder_name(folder: Path | None) -> str:
    """A relative folder as given; an absolute one by its last component (no paths in output)."""
    if folder is None:
        return ""
    if folder.is_absolute() or ".." in folder.parts or folder.as_posix() == ".":
        return folder.resolve().name  # "..": the folder's own name, never the path to it
    return folder.as_posix()


def describe_deliverables(result: Deliverables, language: str | None = None) -> str:
    """Read the package aloud: how many clients in how many lists, whom to call, what it brings.

    Parameters
    ----------
    result : Deliverables
        From :func:`compute_deliverables` or :func:`select_deliverables`.
    language : {"en", "ru"}, optional
        Default: the result's language.

    Returns
    -------
    str
        One line on the lists (and the filter, if any), one on the clients to contact now and
        the expected gain against the value at risk, one on the largest list and the list with
        the most value at risk, then the notes (missing tables, churn not estimated).

    Examples
    --------
    >>> idx = pd.Index(["a", "b", "c"], name="customer_id")
    >>> scores = pd.DataFrame({"strategy": ["retain", "retain", "win_back"],
    ...                        "churn_probability": [0.1, 0.7, 0.9],
    ...                        "risk_band": ["low", "high", "high"],
    ...                        "expected_value": [100.0, 50.0, 0.0],
    ...                        "value_at_risk": [10.0, 35.0, 0.0],
    ...                        "expected_gain": [-7.0, 0.5, -10.0],
    ...                        "target": [False, True, False],
    ...                        "action": ["Call", "Call", "Ask why"]}, index=idx)
    >>> result = Deliverables(scores=scores, summary=_summary(scores), settings={
    ...     "asof": "2025-12-31", "horizon": "90D", "offer_cost": 10.0, "success_rate": 0.3})
    >>> print(describe_deliverables(result))
    2 action lists, one per strategy, hold the whole base: 3 clients; data as of 2025-12-31.
    It pays to contact 1 client now. The offer (10 per client, success rate 30%) is expected \
to bring 0 net, against 45 of value at risk (horizon: 90 days).
    The largest list is “Retain” (2 clients). The most value at risk is in “Retain”: 45 (100% \
of the total).
    """
    language = check_language(language if language is not None else result.language)
    scores, summary = result.scores, result.summary
    n_all = len(result.everyone)
    asof = date(result.settings["asof"], language) if result.settings.get("asof") else ""
    lists = quantity(len(summary), "action_list", language)
    lines = []
    if scores.empty:
        lines.append(t("deliv.describe.empty", language, n_all=count(n_all, language)))
    elif len(scores) == n_all:
        lines.append(t("deliv.describe.all", language, lists=lists,
                       clients=quantity(n_all, "client", language), asof=asof))
    else:
        lines.append(t("deliv.describe.some", language, lists=lists,
                       n=count(len(scores), language),
                       clients_all=quantity(n_all, "client", language, case="gen"), asof=asof,
                       filters=_filters_text(result.settings.get("filters") or {}, language)))
    if not scores.empty and _has_churn(result) and result.settings.get("offer_cost") is not None:
        lines.append(t(
            "deliv.describe.target", language,
            clients=quantity(summary["n_target"].sum(), "client", language, case="ins"),
            cost=money(result.settings.get("offer_cost") or 0, language),
            rate=percent(result.settings.get("success_rate") or 0, 0, language),
            gain=money(summary["expected_gain"].sum(), language),
            var=money(summary["value_at_risk"].sum(), language),
            horizon=_horizon_text(result.settings.get("horizon", ""), language)))
    if not scores.empty:
        largest = summary.sort_values("n_customers", ascending=False, kind="mergesort").iloc[0]
        text = t("deliv.describe.largest", language,
                 name=_strategy_label(largest["strategy"], language),
                 clients=quantity(largest["n_customers"], "client", language))
        total_var = float(summary["value_at_risk"].sum())
        if _has_churn(result) and total_var > 0:
            top = summary.sort_values("value_at_risk", ascending=False,
                                      kind="mergesort").iloc[0]
            text += " " + t("deliv.describe.most_at_risk", language,
                            name=_strategy_label(top["strategy"], language),
                            var=money(top["value_at_risk"], language),
                            share=percent(float(top["value_at_risk"]) / total_var, 0, language))
        lines.append(text)
    lines.extend(_render_notes(result.note_specs, language))
    return "\n".join(lines)


def _strategy_facts(result: Deliverables, strategy: str, language: str) -> dict[str, Any]:
    scores = result.scores
    part = scores[scores["strategy"].astype("string").fillna("none") == strategy]
    row = result.summary[result.summary["strategy"] == strategy]
    n = len(part)
    rungs = part["rung"].astype("string").value_counts(sort=False) if "rung" in part else []
    rung_text = ", ".join(
        f"{_label('ladder.rung', k, language)} {count(v, language)}"
        for k, v in sorted(dict(rungs).items(), key=lambda kv: (-kv[1], str(kv[0])))
    )
    cells = part["abc_xyz"].astype("string").value_counts(sort=False) if "abc_xyz" in part \
        else pd.Series(dtype="int64")
    top_cells = [str(k) for k, _ in sorted(dict(cells).items(),
                                             key=lambda kv: (-kv[1], str(kv[0])))[:2]]
    first = row.iloc[0] if len(row) else None
    return {
        "name": _strategy_label(strategy, language),
        "n": n,
        "rungs": rung_text,
        "cells": ", ".join(top_cells),
        "n_target": int(first["n_target"]) if first is not None else 0,
        "n_high": int(first["n_high_risk"]) if first is not None else 0,
        "var": float(first["value_at_risk"]) if first is not None
        and pd.notna(first["value_at_risk"]) else 0.0,
        "gain": float(first["expected_gain"]) if first is not None
        and pd.notna(first["expected_gain"]) else 0.0,
        "value": float(part["expected_value"].astype("float64").sum()) if n else 0.0,
        "action": _text(_action_texts([first["action"]], language)[0]) if first is not None
        else "",
    }


def describe_strategy(result: Deliverables, strategy: str, language: str | None = None) -> str:
    """Read one action list aloud: its size, whom to contact now, value and risk.

    Parameters
    ----------
    result : Deliverables
    strategy : str
        A strategy key of ``result.summary`` (``"retain"``, ``"win_back"`` …).
    language : {"en", "ru"}, optional
        Default: the result's language.

    Returns
    -------
    str
        One sentence, e.g. *“Retain”: 2 clients (Regular 2); to contact now — 1; at high
        churn risk — 1 (50%); value at risk 45, expected gain of the contacts 0.*
    """
    language = check_language(language if language is not None else result.language)
    facts = _strategy_facts(result, strategy, language)
    if facts["n"] == 0:
        return t("deliv.strategy.empty", language, name=facts["name"])
    clients = quantity(facts["n"], "client", language)
    if not _has_churn(result):
        return t("deliv.strategy.no_churn", language, name=facts["name"], clients=clients,
                 rungs=facts["rungs"], value=money(facts["value"], language))
    return t("deliv.strategy.line", language, name=facts["name"], clients=clients,
             rungs=facts["rungs"], n_target=count(facts["n_target"], language),
             n_high=count(facts["n_high"], language),
             share=percent(facts["n_high"] / facts["n"], 0, language),
             var=money(facts["var"], language), gain=money(facts["gain"], language))


def _text(value: Any) -> str:
    """A text cell of a display table: empty for a missing value (never None or NaN)."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def format_summary(result: Deliverables, language: str | None = None) -> pd.DataFrame:
    """Return the package summary as shown to the audience (a display table: text cells).

    Returns
    -------
    DataFrame
        Index: the strategy's display name; columns (localised): clients, to contact now, high
        churn risk (counts), value at risk, expected gain (money in whole units, the client's
        currency), recommended action. Numbers are written in the language's marks, a value
        that was not computed as ``—``.

    Examples
    --------
    >>> scores = pd.DataFrame({"strategy": ["retain", "win_back"],
    ...                        "churn_probability": [0.7, np.nan], "risk_band": ["high", None],
    ...                        "expected_value": [12345.0, 50.0], "value_at_risk": [8641.5, np.nan],
    ...                        "expected_gain": [130269.0, 0.0], "target": [True, False],
    ...                        "action": ["Call", "Ask why"]})
    >>> table = format_summary(Deliverables(scores=scores, summary=_summary(scores)), "ru")
    >>> table.loc["Удерживать", ["Ценность под риском", "Ожидаемый выигрыш"]].tolist()
    ['8\xa0642', '130\xa0269']
    """
    language = check_language(language if language is not None else result.language)
    s = result.summary
    out = pd.DataFrame({
        t("deliv.col.n_customers", language): [count(v, language) for v in s["n_customers"]],
        t("deliv.col.n_target", language): [count(v, language) for v in s["n_target"]],
        t("deliv.col.n_high_risk", language): [count(v, language) for v in s["n_high_risk"]],
        t("deliv.col.value_at_risk", language):
            [money(v, language) for v in s["value_at_risk"].astype("float64")],
        t("deliv.col.expected_gain", language):
            [money(v, language) for v in s["expected_gain"].astype("float64")],
        t("deliv.col.action", language): [_text(v) for v in _action_texts(s["action"],
                                                                            language)],
    }, index=pd.Index([_strategy_label(k, language) for k in s["strategy"]],
                      name=t("deliv.col.strategy", language)))
    return out


#: Columns of an action list as shown in a notebook or the report (a sales manager's view):
#: the Excel sheet holds every column of :data:`SHEET_COLUMNS`.
DISPLAY_COLUMNS: tuple[str, ...] = (
    "priority", "name", "why_now", "next_contact", "channel", "churn_probability",
    "expected_value", "value_at_risk", "expected_gain", "target",
)


def _display_value(column: str, value: Any, language: str) -> str:
    """One cell of a displayed action list, as text in the language's marks."""
    if column == "churn_probability":
        return percent(value, 0, language)
    if column in ("expected_value", "value_at_risk", "expected_gain", "clv", "clv_low",
                  "clv_high"):
        return money(value, language)
    if column == "priority":
        return count(value, language)
    if column == "next_contact":
        return "" if _text(value) == "" else date(value, language)
    if column == "reason":
        return _text(_label("deliv.reason", value, language))
    return _text(_cell_value(column, value, language))


def format_action_list(
    result: Deliverables, strategy: str, language: str | None = None, rows: int | None = 10
) -> pd.DataFrame:
    """Return the first clients of one action list, as a sales manager reads them.

    Parameters
    ----------
    result : Deliverables
    strategy : str
        A strategy key of ``result.summary``.
    language : {"en", "ru"}, optional
        Default: the result's language.
    rows : int or None, default 10
        How many clients (in the sheet's order: priority, then expected value); ``None`` all.

    Returns
    -------
    DataFrame
        A display table (text cells). Index: the client; localised columns of
        :data:`DISPLAY_COLUMNS` that were computed: priority, name, why now, the next check-in
        (a date in the language's format), channel, churn risk (a percentage), expected value,
        value at risk, expected gain (money), contact now. A value that does not apply is empty (a text) or ``—`` (a number). The
        recommended action is the list's own (see :func:`offer_cards`); every column is on the
        list's sheet of ``actions.xlsx``.
    """
    language = check_language(language if language is not None else result.language)
    scores = result.scores.reset_index()
    part = _ordered(scores[scores["strategy"].astype("string").fillna("none") == strategy])
    if rows is not None:
        part = part.head(rows)
    part = label_scores(part, language)
    data: dict[str, Any] = {}
    for c in DISPLAY_COLUMNS:
        if c in part.columns:
            data[t(f"deliv.col.{c}", language)] = [_display_value(c, v, language)
                                                   for v in part[c].tolist()]
    return pd.DataFrame(data, index=pd.Index(part["customer_id"].astype(str).tolist(),
                                             name=t("deliv.col.customer_id", language)))


def offer_cards(result: Deliverables, language: str | None = None) -> pd.DataFrame:
    """Return one offer card per action list: who, why, what to offer, expected gain.

    Parameters
    ----------
    result : Deliverables
    language : {"en", "ru"}, optional
        Default: the result's language.

    Returns
    -------
    DataFrame
        A display table (text cells). Index: the strategy's display name; localised columns:
        *who* (clients, their ladder rungs and most common ABC-XYZ cells), *why* (high churn
        risk and value at risk, or the value when churn was not estimated), *what to offer*
        (the recommended actions), *to contact now* and *expected gain* (money, whole units).

    Notes
    -----
    The card is what a sales manager reads before the list: the seminar's rule that offers
    must be understandable and measurable by the client, and "nicely packaged" (красиво
    «упакованы»), applies to our own hand-over too.
    """
    language = check_language(language if language is not None else result.language)
    rows = []
    churn = _has_churn(result)
    for strategy in result.summary["strategy"]:
        f = _strategy_facts(result, str(strategy), language)
        who = t("deliv.card.who", language, clients=quantity(f["n"], "client", language),
                rungs=f["rungs"], cells=f["cells"] or "—")
        if churn and f["n"]:
            why = t("deliv.card.why", language, n_high=count(f["n_high"], language),
                    share=percent(f["n_high"] / f["n"], 0, language),
                    var=money(f["var"], language))
        else:
            why = t("deliv.card.why_value", language, value=money(f["value"], language))
        rows.append({
            t("deliv.card.col.who", language): who,
            t("deliv.card.col.why", language): why,
            t("deliv.card.col.offer", language): f["action"],
            t("deliv.col.n_target", language): count(f["n_target"], language),
            t("deliv.col.expected_gain", language): money(f["gain"], language),
        })
    columns = [t("deliv.card.col.who", language), t("deliv.card.col.why", language),
               t("deliv.card.col.offer", language), t("deliv.col.n_target", language),
               t("deliv.col.expected_gain", language)]
    return pd.DataFrame(rows, columns=columns, index=pd.Index(
        [_strategy_label(s, language) for s in result.summary["strategy"]],
        name=t("deliv.col.strategy", language)))


def describe_export(export: ExportResult, language: str | None = None) -> str:
    """Say what was written (or would be written): the sheets with their clients, the rows.

    Parameters
    ----------
    export : ExportResult
        From :func:`export_deliverables`.
    language : {"en", "ru"}, optional
        Default: the language of the exported package.

    Returns
    -------
    str
        The folder (by a relative name only, never an absolute path), the summary sheet and
        each strategy sheet with its number of clients, the rows of ``scores.csv``, then the
        clients per sheet and the files with the complete lists.
    """
    language = check_language(language if language is not None
                              else export.deliverables.language)
    sheets = "; ".join(f"{title} — {count(n, language)}" for title, n in export.sheets.items())
    lists = (f"{quantity(len(export.sheets), 'action_list', language)} ({sheets})"
             if export.sheets else t("deliv.export.no_lists", language))
    key = "deliv.export.written" if export.written else "deliv.export.planned"
    text = t(key, language, folder=_folder_name(export.folder), summary=export.summary_sheet,
             lists=lists, rows=quantity(export.n_scores, "row", language))
    if export.sheet_rows:
        text += " " + t("deliv.export.full", language,
                        rows=quantity(export.sheet_rows, "client", language, case="gen"),
                        clients=quantity(sum(export.sheets.values()), "client", language),
                        csv=FULL_LIST_FILES[1], parquet=FULL_LIST_FILES[0])
    return text

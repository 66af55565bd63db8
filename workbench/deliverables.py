"""Step 7 (упаковка и вручение): the action lists for the sales team and the client scores.

:func:`compute_deliverables` computes, through the package's own functions, one row per client:
RFM scores and segment (:func:`workbench.rfm_table`), ABC-XYZ cell (:func:`workbench.abc_xyz`),
loyalty-ladder rung and strategy (:func:`workbench.loyalty_ladder`), churn probability
(:class:`workbench.ChurnModel`), expected value and the retention plan
(:func:`workbench.expected_value`, :func:`workbench.retention_plan`) and the recommended action
for the client's rung (:func:`workbench.offer_matrix`). :func:`write_deliverables` writes
``actions.xlsx`` (a summary sheet, then one sheet per strategy, headers in the chosen language)
and ``scores.csv`` (machine-readable: canonical column names and keys).

Re-running on the same data writes byte-identical files: rows are sorted by a total order, the
workbook's creation/modification dates are fixed and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import InsufficientHistoryError, WorkbenchError
from workbench.i18n import check_language, t

__all__ = (
    "DELIVERABLE_DEFAULTS",
    "Deliverables",
    "compute_deliverables",
    "write_actions_xlsx",
    "write_deliverables",
)

#: Defaults of the step-7 run. ``offer_cost=None`` means 10% of the median positive expected
#: value of a client over the horizon (a placeholder until the client names the real cost of
#: the retention offer); ``success_rate`` is the share of targeted at-risk clients the offer
#: keeps.
DELIVERABLE_DEFAULTS: dict[str, Any] = {
    "horizon": "90D",
    "offer_cost": None,
    "success_rate": 0.3,
}

#: Columns of scores.csv, in order (those that could be computed are written).
SCORE_COLUMNS: tuple[str, ...] = (
    "recency_days", "frequency", "monetary_total", "r_score", "f_score", "m_score", "rfm_code",
    "rfm_segment", "abc", "xyz", "abc_xyz", "rung", "strategy", "churn_probability",
    "risk_band", "expected_value", "value_at_risk", "expected_gain", "priority", "target",
    "action",
)

#: Columns of each strategy sheet of actions.xlsx, with their number format.
SHEET_COLUMNS: dict[str, str | None] = {
    "customer_id": None,
    "rung": None,
    "abc_xyz": None,
    "rfm_segment": None,
    "churn_probability": "0.0%",
    "risk_band": None,
    "expected_value": "#,##0",
    "value_at_risk": "#,##0",
    "expected_gain": "#,##0",
    "priority": "0",
    "target": None,
    "action": None,
}

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class Deliverables:
    """The computed step-7 tables.

    Attributes
    ----------
    scores : DataFrame
        One row per client (index ``customer_id``, sorted), columns from :data:`SCORE_COLUMNS`.
    summary : DataFrame
        One row per strategy: ``strategy``, ``n_customers``, ``n_target``, ``value_at_risk``,
        ``expected_gain``, ``action``.
    notes : list of str
        What could not be computed and why (in the chosen language).
    asof : Timestamp
    language : str
    """

    scores: pd.DataFrame
    summary: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    asof: pd.Timestamp | None = None
    language: str = "en"
    settings: dict[str, Any] = field(default_factory=dict)


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


def compute_deliverables(
    data: Any,
    *,
    asof: Any = None,
    language: str | None = None,
    horizon: str = DELIVERABLE_DEFAULTS["horizon"],
    offer_cost: float | None = DELIVERABLE_DEFAULTS["offer_cost"],
    success_rate: float = DELIVERABLE_DEFAULTS["success_rate"],
) -> Deliverables:
    """Compute scores, the retention plan and the recommended action for every client.

    Parameters
    ----------
    data : DataFolder or dict of str -> DataFrame
        Canonical tables; ``transactions`` is required, ``survey``, ``leads``, ``customers``
        and ``feedback`` improve the ladder and the churn model when present.
    asof : date-like, optional
        Observation end (default: last transaction date).
    language : {"en", "ru"}, optional
        Language of the notes and of the ``action`` texts.
    horizon : str, default "90D"
        Churn horizon and value horizon.
    offer_cost : float, optional
        Cost of the retention offer per client (default: see :data:`DELIVERABLE_DEFAULTS`).
    success_rate : float, default 0.3
        Share of targeted at-risk clients the offer keeps.

    Returns
    -------
    Deliverables
        ``scores`` (index ``customer_id``; see :data:`SCORE_COLUMNS`) and ``summary``.

    Notes
    -----
    Every number comes from a tested package function; this module only joins and sorts.
    When the history is too short for the churn model (:class:`InsufficientHistoryError`) the
    probabilities are left empty, the plan is skipped and a note says so: the action lists are
    still written, ordered by value.
    """
    import workbench

    language = check_language(language)
    tables, missing = _tables(data)
    if "transactions" not in tables:
        raise WorkbenchError(
            "step 7 needs the transactions table (transactions.csv); it was not found"
        )
    tx = tables["transactions"]
    survey = tables.get("survey")
    customers = tables.get("customers")
    feedback = tables.get("feedback")
    notes = [t("deliv.note.missing", language, table=t(f"ws.table.{name}", language))
             for name in sorted(missing) if name in ("survey", "feedback", "customers", "leads")]

    rfm = workbench.rfm_table(tx, asof=asof)
    asof_ts = pd.Timestamp(asof) if asof is not None else pd.Timestamp(tx["date"].max())
    scores = pd.DataFrame(index=rfm.index.astype("string"))
    for col in ("recency_days", "frequency", "monetary_total", "r_score", "f_score", "m_score",
                "rfm_code"):
        if col in rfm.columns:
            scores[col] = rfm[col].to_numpy()
    if "segment" in rfm.columns:
        scores["rfm_segment"] = rfm["segment"].astype("string").to_numpy()

    ax = workbench.abc_xyz(tx, asof=asof)
    scores = scores.join(ax[["abc", "xyz", "cell"]].rename(columns={"cell": "abc_xyz"}),
                         how="left")
    # leads are not passed: the action lists cover buying clients (leads have no history)
    ladder = workbench.loyalty_ladder(tx, asof=asof, survey=survey)
    scores = scores.join(ladder[["rung", "strategy"]], how="left")

    value = workbench.expected_value(tx, asof=asof, horizon=horizon)
    scores["expected_value"] = value.reindex(scores.index).astype(float)
    try:
        model = workbench.ChurnModel(horizon=horizon).fit(
            tx, asof=asof, customers=customers, feedback=feedback, survey=survey)
        proba = model.predict_proba(tx, asof=asof, customers=customers, feedback=feedback,
                                    survey=survey)
        scores["churn_probability"] = proba.reindex(scores.index).astype(float)
    except InsufficientHistoryError as exc:
        scores["churn_probability"] = np.nan
        notes.append(t("deliv.note.no_churn", language, reason=str(exc)))
    if scores["churn_probability"].notna().any():
        band = workbench.risk_band(scores["churn_probability"].fillna(0.0))
        scores["risk_band"] = band.astype("string").where(scores["churn_probability"].notna())
        positive = scores["expected_value"].clip(lower=0).fillna(0.0)
        if offer_cost is None:
            med = float(positive[positive > 0].median()) if (positive > 0).any() else 0.0
            offer_cost = round(0.1 * med, 2)
        scored = scores["churn_probability"].notna()
        plan = workbench.retention_plan(
            scores.loc[scored, "churn_probability"], positive[scored], offer_cost=offer_cost,
            success_rate=success_rate, segments=scores.loc[scored, "strategy"])
        table = plan.table
        scores["value_at_risk"] = table["value_at_risk"].reindex(scores.index)
        scores["expected_gain"] = table["expected_gain"].reindex(scores.index)
        scores["priority"] = table["rank"].reindex(scores.index).astype("Int64")
        scores["target"] = table["target"].reindex(scores.index).fillna(False).astype(bool)
    else:
        for col in ("risk_band", "value_at_risk", "expected_gain"):
            scores[col] = np.nan
        scores["priority"] = pd.array([pd.NA] * len(scores), dtype="Int64")
        scores["target"] = False

    offers = workbench.offer_matrix(ladder["rung"].rename("rung"), language=language)
    by_rung = dict(zip(offers["segment"].astype(str), offers["actions"].astype(str),
                       strict=False))
    scores["action"] = scores["rung"].astype(str).map(by_rung).astype("string")
    scores.index.name = "customer_id"
    scores = scores.sort_index(kind="mergesort")
    scores = scores[[c for c in SCORE_COLUMNS if c in scores.columns]]

    summary = _summary(scores)
    settings = {"asof": asof_ts.date().isoformat(), "horizon": horizon,
                "offer_cost": offer_cost, "success_rate": success_rate}
    return Deliverables(scores=scores, summary=summary, notes=notes, asof=asof_ts,
                        language=language, settings=settings)


#: Order of the strategy sheets: the most valuable relationships first.
STRATEGY_ORDER: tuple[str, ...] = ("cherish", "retain", "engage", "attract", "win_back")


def _summary(scores: pd.DataFrame) -> pd.DataFrame:
    order = {s: i for i, s in enumerate(STRATEGY_ORDER)}
    scores = scores.assign(_order=scores["strategy"].astype(str).map(order).fillna(99))
    g = scores.groupby(["_order", "strategy"], sort=True, dropna=False, observed=True)
    summary = pd.DataFrame({
        "n_customers": g.size(),
        "n_target": g["target"].sum().astype(int),
        "value_at_risk": g["value_at_risk"].sum(min_count=1),
        "expected_gain": g["expected_gain"].apply(
            lambda s: s[scores.loc[s.index, "target"]].sum()),
        "action": g["action"].first(),
    }).reset_index().drop(columns="_order")
    return summary


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort a strategy's clients: priority (targets first), then value at risk, then id."""
    key = frame.assign(
        _p=frame["priority"].astype("Float64").fillna(np.inf),
        _v=-frame["expected_value"].fillna(-np.inf) if "expected_value" in frame else 0,
    )
    return frame.loc[key.sort_values(["_p", "_v"], kind="mergesort").index]


def _label(kind: str, key: Any, language: str) -> Any:
    if key is None or (isinstance(key, float) and np.isnan(key)) or key is pd.NA:
        return None
    from workbench.i18n import has

    name = f"{kind}.{key}"
    return t(name, language) if has(name) else key


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


def write_actions_xlsx(result: Deliverables, path: str | os.PathLike) -> Path:
    """Write ``actions.xlsx``: a summary sheet, then one sheet per strategy (fixed metadata).

    Headers, strategy names, rungs, risk bands and yes/no are in ``result.language``.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = result.language
    path = Path(path)
    wb = Workbook()
    fixed = pd.Timestamp(*_FIXED_TIME[:3]).to_pydatetime()
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "workbench"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE7F0")
    used: set[str] = set()

    ws = wb.active
    ws.title = _sheet_title(t("deliv.sheet.summary", lang), used)
    ws.append([t("deliv.title", lang)])
    ws["A1"].font = Font(bold=True, size=14)
    for key in ("asof", "horizon", "offer_cost", "success_rate"):
        ws.append([t(f"deliv.setting.{key}", lang), result.settings.get(key)])
    ws.append([])
    header = ["strategy", "n_customers", "n_target", "value_at_risk", "expected_gain", "action"]
    ws.append([t(f"deliv.col.{h}", lang) for h in header])
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font, cell.fill = bold, head_fill
    for row in result.summary.itertuples(index=False):
        rec = row._asdict()
        ws.append([
            _label("offer.strategy", rec["strategy"], lang),
            int(rec["n_customers"]), int(rec["n_target"]),
            None if pd.isna(rec["value_at_risk"]) else round(float(rec["value_at_risk"]), 2),
            None if pd.isna(rec["expected_gain"]) else round(float(rec["expected_gain"]), 2),
            None if pd.isna(rec["action"]) else str(rec["action"]),
        ])
        for col in (4, 5):
            ws.cell(ws.max_row, col).number_format = "#,##0"
    if result.notes:
        ws.append([])
        for note in result.notes:
            ws.append([note])
    for col, width in zip("ABCDEF", (26, 12, 12, 16, 16, 70), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(head_row + 1, 1)

    scores = result.scores.reset_index()
    columns = [c for c in SHEET_COLUMNS if c in scores.columns]
    for strategy in result.summary["strategy"]:
        part = scores[scores["strategy"].astype("string") == strategy]
        if part.empty:
            continue
        part = _ordered(part)
        sheet = wb.create_sheet(_sheet_title(_label("offer.strategy", strategy, lang), used))
        sheet.append([t(f"deliv.col.{c}", lang) for c in columns])
        for cell in sheet[1]:
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for rec in part[columns].itertuples(index=False):
            values = []
            for c, v in zip(columns, rec, strict=True):
                if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                    values.append(None)
                elif c == "rung":
                    values.append(_label("ladder.rung", v, lang))
                elif c == "risk_band":
                    values.append(_label("churn.band", v, lang))
                elif c == "rfm_segment":
                    values.append(_label("rfm.segment", v, lang))
                elif c == "target":
                    values.append(t("common.yes" if bool(v) else "common.no", lang))
                elif isinstance(v, (np.integer, int)) and not isinstance(v, bool):
                    values.append(int(v))
                elif isinstance(v, (np.floating, float)):
                    values.append(round(float(v), 4 if c == "churn_probability" else 2))
                else:
                    values.append(str(v))
            sheet.append(values)
        for j, c in enumerate(columns, start=1):
            letter = get_column_letter(j)
            fmt = SHEET_COLUMNS[c]
            if fmt:
                for cell in sheet[letter][1:]:
                    cell.number_format = fmt
            sheet.column_dimensions[letter].width = 60 if c == "action" else 16
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = sheet.dimensions

    buffer = io.BytesIO()
    wb.save(buffer)
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


def write_deliverables(
    data_dir: str | os.PathLike | Any,
    out_dir: str | os.PathLike,
    *,
    language: str | None = None,
    asof: Any = None,
    mapping: str | os.PathLike | None = None,
    **settings: Any,
) -> dict[str, Path]:
    """Load a folder (or take loaded tables), compute and write ``actions.xlsx`` and ``scores.csv``.

    Returns
    -------
    dict
        ``{"actions.xlsx": path, "scores.csv": path}``.
    """
    import workbench

    if isinstance(data_dir, (str, os.PathLike)):
        data = workbench.load_folder(data_dir, mapping=mapping)
    else:
        data = data_dir
    result = compute_deliverables(data, asof=asof, language=language, **settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    xlsx = write_actions_xlsx(result, out / "actions.xlsx")
    csv = out / "scores.csv"
    scores = result.scores.copy()
    for col in ("churn_probability",):
        if col in scores:
            scores[col] = scores[col].round(6)
    for col in ("expected_value", "value_at_risk", "expected_gain", "monetary_total"):
        if col in scores:
            scores[col] = scores[col].round(2)
    scores.to_csv(csv, encoding="utf-8", lineterminator="\n")
    return {"actions.xlsx": xlsx, "scores.csv": csv}

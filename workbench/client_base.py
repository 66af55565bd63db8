"""One picture of the client base, computed once per run and read by every step.

:func:`client_base` puts every client in one row — loyalty-ladder rung, ABC-XYZ cell, RFM
segment, cluster, churn risk, expected value, status and strategy — from the package's own
functions, with the workshop file's saved decisions (thresholds, k, horizon, offer rules).
Every step that counts clients reads this table, so the same count means the same number
everywhere.

Definitions, stated once
------------------------
*Lapsed* (ушедший)
    A client who has bought and whose days since the last purchase exceed
    ``max(lapsed_days, lapsed_gap_multiple × their median gap between purchases)``
    (:data:`workbench.LADDER_RULES`: 180 days, 3×). This is the loyalty ladder's rule, and the
    only definition of "has left" the workbench uses for today's state.
*Active* (активный)
    A client who has bought and is not lapsed.
*Potential* (потенциальный)
    A lead who has not bought yet (only when a leads table exists): the ladder's rungs
    ``potential`` and ``visitor`` (a lead who met us). Potential clients are the funnel's
    population (step 8), not counted among the clients.
*Churn risk*
    The probability that an *active* client makes no purchase within the horizon (step 5's
    model). It is a forecast about active clients only: a lapsed client has already left and
    is a *win-back* population, not a churn risk — their risk is left empty. When the
    model, checked one horizon back on the client's own history, does not beat recency by
    :data:`workbench.churn.MIN_AUC_GAIN` of ROC AUC, the risk is the recency curve instead
    (:func:`workbench.churn.backtested_churn`): the list is ranked by the simple rule, and a
    note (``churn.note.recency_rule``) and ``settings["churn_ranking"]`` say so.

Precedence when labels disagree on one row
------------------------------------------
1. *Status* (potential / active / lapsed) comes first. A lapsed client whose RFM segment
   still reads as active (``champions``, ``loyal``, ``potential_loyalists``, ``new``,
   ``promising``, ``need_attention``, ``about_to_sleep`` — the quintiles are relative, so
   in a base where most clients left a lapsed one can score high) is shown as ``lost``;
   the raw segment is kept in ``rfm_segment_raw``.
2. *Risk* over *rung* for active clients: an active client with a high churn risk has
   strategy ``retain`` whatever their rung (an advocate at 98 % risk needs a call now, not a
   referral programme); the rung is kept.
3. Otherwise the rung's strategy — the workshop file's offer rule for that rung when there is
   one, else :data:`workbench.LADDER_STRATEGIES`.
``override`` names the rule applied on a row (``lapsed_rfm``, ``risk_over_rung``) or is empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench._cache import cached
from workbench._ids import isin
from workbench.errors import WorkbenchError

__all__ = (
    "ACTIVE_RFM_SEGMENTS",
    "ATTRITION_BENCHMARK",
    "ClientBase",
    "REASONS",
    "STATUSES",
    "STEP_COUNT_KEYS",
    "WHY_NOW_DEFAULTS",
    "base_counts",
    "client_base",
    "client_card",
    "count_disagreements",
    "load_counts",
    "referrals",
    "save_counts",
    "silent_leavers",
    "stale_open_complaints",
    "why_now",
    "yearly_attrition",
)

#: Status of a client at ``asof``.
STATUSES: tuple[str, ...] = ("potential", "active", "lapsed")

#: RFM segments that read as "still buying"; on a lapsed client they give way to ``lost``.
ACTIVE_RFM_SEGMENTS: frozenset[str] = frozenset({
    "champions", "loyal", "potential_loyalists", "new", "promising", "need_attention",
    "about_to_sleep",
})


@dataclass
class ClientBase:
    """The client base at ``asof``: one row per client.

    Attributes
    ----------
    table : DataFrame
        Index ``customer_id``; columns ``status``, ``rung``, ``strategy``, ``override``,
        ``recency_days``, ``frequency``, ``monetary_total``, ``r_score``, ``f_score``,
        ``m_score``, ``rfm_segment``, ``rfm_segment_raw``, ``abc``, ``xyz``, ``abc_xyz``,
        ``cluster`` (when computed), ``expected_value`` (the margin the client would bring
        over the horizon if they stay: :func:`workbench.retention_value`, the same number
        steps 5 and 7 use), ``churn_probability`` and
        ``risk_band`` (active clients only), ``median_gap_days``, ``referred_buyers`` (paying
        clients they brought, when ``customers`` has ``referred_by``: a regular who brought
        one is an advocate, see :data:`workbench.LADDER_RULES`).
    asof : Timestamp
    horizon : str
    settings : dict
        The thresholds and rules used (ABC, XYZ, ladder rules, risk cut-offs, k) and
        ``churn_ranking``: what ranks the churn risk (see
        :func:`workbench.churn.backtested_churn`; None without churn); ``value``: the
        back-test of ``expected_value`` (:func:`workbench.retention_value`: the method used
        and both errors).
    notes : list of (str, dict)
        What could not be computed (catalogue key, values).
    """

    table: pd.DataFrame
    asof: pd.Timestamp
    horizon: str
    settings: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def buyers(self) -> pd.DataFrame:
        """Clients who have bought (active and lapsed)."""
        return self.table[self.table["status"] != "potential"]

    @property
    def active(self) -> pd.DataFrame:
        """Active clients: the population of churn risk and retention."""
        return self.table[self.table["status"] == "active"]

    @property
    def lapsed(self) -> pd.DataFrame:
        """Lapsed clients: the win-back population."""
        return self.table[self.table["status"] == "lapsed"]

    def counts(self) -> dict[str, Any]:
        """The counts every step prints; see :func:`base_counts`."""
        return base_counts(self)


def _tables(data: Any) -> dict[str, pd.DataFrame]:
    if isinstance(data, Mapping):
        return dict(data)
    tables = getattr(data, "tables", None)
    if tables is None:
        raise WorkbenchError("data must be a loaded folder (workbench.load_folder) or a dict "
                             f"of tables; got {type(data).__name__}")
    return dict(tables)


def client_base(
    data: Any,
    asof: Any = None,
    *,
    workshop: Any = None,
    horizon: str | None = None,
    abc: tuple[float, float] | None = None,
    xyz: tuple[float, float] | None = None,
    ladder_rules: Mapping[str, Any] | None = None,
    offer_rules: Mapping | pd.DataFrame | None = None,
    risk_cutoffs: tuple[float, float] | None = None,
    churn: bool = True,
    clusters: bool | int = False,
    random_state: int = 0,
) -> ClientBase:
    """Compute the client base once: every client's rung, cells, segment, risk and strategy.

    Parameters
    ----------
    data : DataFolder or dict of str -> DataFrame
        ``transactions`` is required; ``survey`` (advocates), ``leads`` (potential clients),
        ``customers`` (churn model; its ``referred_by`` column: advocates who brought paying
        clients) and ``feedback`` (churn model) are used when present.
    asof : date-like, optional
        Observation end (default: the last transaction date).
    workshop : Workshop, optional
        Its saved decisions fill the arguments not passed (default: ``data.workshop``).
    horizon : str, optional
        Churn and value horizon (default: the workshop's, else "90D").
    abc, xyz : (float, float), optional
        ABC and XYZ thresholds (default: the workshop's decisions, else the method's).
    ladder_rules : mapping, optional
        Overrides of :data:`workbench.LADDER_RULES` — the one definition of "lapsed".
    offer_rules : dict or DataFrame, optional
        Offer rules whose rung strategies replace the ladder's (default: the workshop's).
    risk_cutoffs : (float, float), optional
        Churn-probability cut-offs of the risk bands (default: (0.3, 0.6); the workshop's
        ``risk_threshold`` replaces the upper one).
    churn : bool, default True
        Fit the churn model (the slow part); False leaves risk empty.
    clusters : bool or int, default False
        Add a ``cluster`` column: True = the workshop's k (else the best silhouette), an int
        = that k.
    random_state : int, default 0

    Returns
    -------
    ClientBase

    Notes
    -----
    See the module docstring for the definitions (lapsed, active, churn risk) and the
    precedence when labels disagree.
    """
    from workbench.churn import DEFAULT_RISK_CUTOFFS
    from workbench.segmentation.abc_xyz import DEFAULT_ABC, DEFAULT_XYZ
    from workbench.segmentation.ladder import LADDER_STRATEGIES

    tables = _tables(data)
    if "transactions" not in tables:
        raise WorkbenchError("the client base needs the transactions table (transactions.csv)")
    ws = workshop if workshop is not None else getattr(data, "workshop", None)
    dec = (lambda k: ws.decision(k)) if ws is not None else (lambda k: {})
    if horizon is None:
        horizon = (ws.get("plan.horizon") if ws is not None else None) or "90D"
    d = dec("abc_xyz")
    if abc is None:
        abc = (d.get("abc_a", DEFAULT_ABC[0]), d.get("abc_b", DEFAULT_ABC[1]))
    if xyz is None:
        xyz = (d.get("xyz_x", DEFAULT_XYZ[0]), d.get("xyz_y", DEFAULT_XYZ[1]))
    if offer_rules is None and ws is not None:
        offer_rules = ws.offer_rules()
    if risk_cutoffs is None:
        thr = dec("threshold").get("threshold")
        low, high = DEFAULT_RISK_CUTOFFS
        risk_cutoffs = (min(low, thr), thr) if thr is not None else (low, high)
    # rung strategies: the ladder's, replaced by the offer rules' (the only use of the rules)
    rung_strategy = {k: v for k, v in LADDER_STRATEGIES.items()}
    if offer_rules is not None:
        from workbench.offers import _rules_to_dict

        for seg, rule in _rules_to_dict(offer_rules).items():
            if seg in rung_strategy and rule["strategy"] != "none":
                rung_strategy[seg] = rule["strategy"]
    k = chosen = None
    if clusters:
        k = clusters if isinstance(clusters, int) and not isinstance(clusters, bool) else \
            dec("segmentation").get("k", "auto")
        chosen = dec("segmentation").get("features")
    margin = ws.get("company.margin") if ws is not None else None
    used = ("transactions", "survey", "leads", "customers", "feedback")
    return _client_base(
        {name: tables[name] for name in used if name in tables}, asof, horizon=horizon,
        abc=tuple(abc), xyz=tuple(xyz), ladder_rules=dict(ladder_rules or {}),
        rung_strategy=rung_strategy, risk_cutoffs=tuple(risk_cutoffs), churn=bool(churn),
        clusters=bool(clusters), k=k, chosen=chosen, margin=margin,
        random_state=random_state)


@cached("client-base")  # once per `workbench run`: steps 5, 7 and 8 ask for the same one
def _client_base(
    tables: dict[str, pd.DataFrame],
    asof: Any,
    *,
    horizon: str,
    abc: tuple[float, float],
    xyz: tuple[float, float],
    ladder_rules: Mapping[str, Any],
    rung_strategy: Mapping[str, str],
    risk_cutoffs: tuple[float, float],
    churn: bool,
    clusters: bool,
    k: Any,
    chosen: Any,
    margin: Any,
    random_state: int,
) -> ClientBase:
    """:func:`client_base` on its resolved settings (the workshop's decisions applied): the
    run cache's key is what the computation reads, however the caller spelt it."""
    import workbench

    tx = tables["transactions"]
    survey, leads = tables.get("survey"), tables.get("leads")
    customers, feedback = tables.get("customers"), tables.get("feedback")
    notes: list[tuple[str, dict[str, Any]]] = []

    ladder = workbench.loyalty_ladder(tx, asof=asof, survey=survey, leads=leads,
                                      rules=ladder_rules, customers=customers)
    asof_ts = pd.Timestamp(asof) if asof is not None else pd.Timestamp(tx["date"].max())
    out = pd.DataFrame(index=ladder.index.astype("string"))
    out.index.name = "customer_id"
    out["rung"] = ladder["rung"].astype("string").to_numpy()
    # leads who met us but have not bought (rung ``visitor``) are potential clients too
    status = np.where(out["rung"] == "lapsed", "lapsed",
                      np.where(out["rung"].isin(["potential", "visitor"]), "potential",
                               "active"))
    out["status"] = pd.array(status, dtype="string")
    if "median_gap_days" in ladder.columns:
        out["median_gap_days"] = ladder["median_gap_days"].astype(float).to_numpy()
    if "referred_buyers" in ladder.columns:  # who brought whom: it feeds the advocate rung
        out["referred_buyers"] = ladder["referred_buyers"].astype("Int64").to_numpy()

    rfm = workbench.rfm_table(tx, asof=asof)
    rfm.index = rfm.index.astype("string")
    for col in ("recency_days", "frequency", "monetary_total", "r_score", "f_score",
                "m_score"):
        if col in rfm.columns:
            out[col] = rfm[col].reindex(out.index)
    raw = rfm["segment"].astype("string").reindex(out.index)
    out["rfm_segment_raw"] = raw
    lapsed = out["status"] == "lapsed"
    contradicts = lapsed & raw.isin(list(ACTIVE_RFM_SEGMENTS)).fillna(False)
    out["rfm_segment"] = raw.where(~contradicts, "lost")

    ax = workbench.abc_xyz(tx, asof=asof, abc=tuple(abc), xyz=tuple(xyz))
    ax.index = ax.index.astype("string")
    out["abc"] = ax["abc"].astype("string").reindex(out.index)
    out["xyz"] = ax["xyz"].astype("string").reindex(out.index)
    out["abc_xyz"] = ax["cell"].astype("string").reindex(out.index)

    # the client's value over the horizon, as step 5 and step 7 use it: the customer-value
    # model or last year's margin at the client's pace, whichever predicted the client's own
    # last horizon better, with the workshop's margin rate (one source, retention_value)
    from workbench.economics import retention_value_by_horizon

    try:
        value = retention_value_by_horizon(tx, [horizon], asof=asof, margin=margin)[horizon]
        value_info = dict(value.attrs["backtest"])
    except WorkbenchError as exc:  # the value model cannot be fitted: the run rate stays
        value = workbench.expected_value(tx, asof=asof, horizon=horizon, margin=margin)
        value_info = {"method": "run_rate", "reason": "no_model", "error": str(exc)}
    value.index = value.index.astype("string")
    out["expected_value"] = value.reindex(out.index).astype(float)
    out.loc[out["status"] == "potential", "expected_value"] = np.nan

    out["churn_probability"] = np.nan
    ranking = None
    if churn:
        from workbench.churn import backtested_churn

        try:  # the model, or recency when the client's own back-test finds it no better
            proba, ranking = backtested_churn(tx, asof, horizon, customers=customers,
                                              feedback=feedback, survey=survey)
            if ranking["rank_by"] == "recency":
                notes.append(("churn.note.recency_rule", {
                    k: ranking[k] for k in ("roc_auc_model", "roc_auc_recency",
                                            "min_auc_gain")}))
            proba.index = proba.index.astype("string")
            active = out["status"] == "active"
            out.loc[active, "churn_probability"] = proba.reindex(out.index[active]).astype(
                float).to_numpy()
        except (WorkbenchError, ValueError) as exc:  # ValueError: too few leavers to fit
            notes.append(("base.note.no_churn", {"horizon": horizon, "error": str(exc)}))
    scored = out["churn_probability"].notna()
    band = pd.array([pd.NA] * len(out), dtype="string")
    if scored.any():
        bands = workbench.risk_band(out.loc[scored, "churn_probability"], cutoffs=risk_cutoffs)
        band[np.flatnonzero(scored.to_numpy())] = bands.astype(str).to_numpy()
    out["risk_band"] = band

    # strategy, by the documented precedence
    strategy = out["rung"].map(rung_strategy).astype("string")
    at_risk = (out["status"] == "active") & (out["risk_band"] == "high").fillna(False)
    risk_over = at_risk & (strategy != "retain").fillna(False)
    strategy = strategy.where(~at_risk, "retain")
    strategy = strategy.where(out["status"] != "lapsed", "win_back")
    strategy = strategy.where(out["status"] != "potential", "attract")
    out["strategy"] = strategy
    override = np.where(contradicts.to_numpy(), "lapsed_rfm",
                        np.where(risk_over.to_numpy(), "risk_over_rung", ""))
    out["override"] = pd.array(override, dtype="string").astype("string")
    out.loc[out["override"] == "", "override"] = pd.NA

    k_used = None
    if clusters:
        features = workbench.customer_feature_table(tx, asof=asof)
        if chosen:
            features = features[[c for c in features.columns if c in set(chosen)]]
        try:
            seg = workbench.Segmenter(n_clusters=k, random_state=random_state,
                                      n_jobs=1).fit(features)
            labels = pd.Series(seg.labels_, index=features.index.astype("string"))
            out["cluster"] = labels.reindex(out.index).astype("Int64")
            k_used = int(seg.n_clusters_)
        except WorkbenchError as exc:
            notes.append(("base.note.no_clusters", {"error": str(exc)}))

    order = ["status", "rung", "strategy", "override", "rfm_segment", "rfm_segment_raw",
             "abc", "xyz", "abc_xyz", "cluster", "churn_probability", "risk_band",
             "expected_value", "recency_days", "frequency", "monetary_total", "r_score",
             "f_score", "m_score", "median_gap_days", "referred_buyers"]
    out = out[[c for c in order if c in out.columns]].sort_index(kind="mergesort")
    from workbench.segmentation.ladder import LADDER_RULES

    rules = {**LADDER_RULES, **dict(ladder_rules or {})}
    settings = {"abc": tuple(abc), "xyz": tuple(xyz), "risk_cutoffs": tuple(risk_cutoffs),
                "lapsed_days": rules["lapsed_days"],
                "lapsed_gap_multiple": rules["lapsed_gap_multiple"], "k": k_used,
                "churn_ranking": ranking, "value": value_info}
    return ClientBase(table=out, asof=asof_ts, horizon=str(horizon), settings=settings,
                      notes=notes)


def base_counts(base: ClientBase) -> dict[str, Any]:
    """The counts the steps print, from one table.

    Returns
    -------
    dict
        ``n_clients`` (bought at least once), ``n_potential``, ``n_active``, ``n_lapsed``,
        ``by_rung``, ``by_strategy``, ``by_cell``, ``by_rfm`` (dicts of counts, buyers only
        except ``by_rung`` and ``by_strategy`` which include potential clients),
        ``n_high_risk`` (active clients in the high band), ``high_risk_share`` (of the
        *active* clients), ``n_scored``.
    """
    tab = base.table
    buyers = tab[tab["status"] != "potential"]
    active = tab[tab["status"] == "active"]
    n_high = int((active["risk_band"] == "high").sum())
    n_scored = int(active["churn_probability"].notna().sum())

    def vc(s: pd.Series) -> dict[str, int]:
        return {str(k): int(v) for k, v in s.dropna().value_counts().sort_index().items()}

    return {
        "n_clients": len(buyers), "n_potential": int((tab["status"] == "potential").sum()),
        "n_active": len(active), "n_lapsed": int((tab["status"] == "lapsed").sum()),
        "by_rung": vc(tab["rung"]), "by_strategy": vc(tab["strategy"]),
        "by_cell": vc(buyers["abc_xyz"]), "by_rfm": vc(buyers["rfm_segment"]),
        "n_advocates": int((buyers["rung"] == "advocate").sum()),
        "n_scored": n_scored, "n_high_risk": n_high,
        "high_risk_share": n_high / n_scored if n_scored else float("nan"),
    }


#: The counts a step records for the cross-step check (:func:`save_counts`): the same key
#: must be the same number in every step that records it.
STEP_COUNT_KEYS: tuple[str, ...] = (
    "n_clients", "n_active", "n_lapsed", "n_advocates", "n_high_risk", "by_rung",
    "by_strategy",
)

_COUNTS_DIR = "counts"


def _plain(value: Any) -> Any:
    """JSON-ready: numpy scalars to Python numbers, mappings to dicts with str keys."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, pd.Series):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    raise WorkbenchError(f"save_counts: a count must be a number or a mapping of numbers; "
                         f"got {type(value).__name__}")


def save_counts(out_dir: Any, step: int | str, counts: Mapping[str, Any]) -> Any:
    """Record the counts a step shows, for the cross-step check.

    Each step writes ``out_dir/counts/step_NN.json`` with the counts it prints (keys of
    :data:`STEP_COUNT_KEYS`; others are kept too). :func:`load_counts` reads them back and
    :func:`count_disagreements` lists every count that differs between steps.

    Parameters
    ----------
    out_dir : path or None
        The run's output folder; ``None`` (a notebook opened by hand) writes nothing.
    step : int or str
        The step number (``5``) or name.
    counts : mapping
        Count name -> a number or a mapping label -> number (``by_strategy``).

    Returns
    -------
    Path or None
        The file written.
    """
    import json
    from pathlib import Path

    if out_dir is None:
        return None
    name = f"step_{int(step):02d}" if str(step).isdigit() else str(step)
    folder = Path(out_dir) / _COUNTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"step": name, "counts": _plain(dict(counts))}, indent=1,
                               sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return path


def load_counts(out_dir: Any) -> dict[str, dict[str, Any]]:
    """The counts recorded by :func:`save_counts`: step name -> counts (sorted by step)."""
    import json
    from pathlib import Path

    folder = Path(out_dir) / _COUNTS_DIR
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data["step"])] = dict(data["counts"])
    return out


def count_disagreements(records: Mapping[str, Mapping[str, Any]],
                        rel: float = 1e-9) -> list[dict[str, Any]]:
    """Every count that is not the same number in all the steps that record it.

    Parameters
    ----------
    records : mapping
        Step -> counts (:func:`load_counts`).
    rel : float, default 1e-9
        Relative tolerance for non-integer numbers (shares).

    Returns
    -------
    list of dict
        ``{"key": ..., "label": ... or None, "values": {step: value}}`` per disagreement
        (for a mapping count, per label; a label missing in one step counts as 0); empty
        when every step agrees.

    Examples
    --------
    >>> count_disagreements({"05": {"n_lapsed": 3}, "07": {"n_lapsed": 3}})
    []
    >>> count_disagreements({"05": {"n_lapsed": 3}, "07": {"n_lapsed": 4}})
    [{'key': 'n_lapsed', 'label': None, 'values': {'05': 3, '07': 4}}]
    """
    def same(values: list[Any]) -> bool:
        first = values[0]
        return all(np.isclose(float(v), float(first), rtol=rel, atol=0.0)
                   if isinstance(v, float) or isinstance(first, float) else v == first
                   for v in values[1:])

    keys = sorted({k for counts in records.values() for k in counts})
    out: list[dict[str, Any]] = []
    for key in keys:
        steps = {step: counts[key] for step, counts in records.items() if key in counts}
        if len(steps) < 2:
            continue
        maps = [v for v in steps.values() if isinstance(v, Mapping)]
        if maps and len(maps) != len(steps):
            out.append({"key": key, "label": None, "values": dict(steps)})
            continue
        if maps:
            labels = sorted({str(lab) for m in maps for lab in m})
            for lab in labels:
                vals = {step: v.get(lab, 0) for step, v in steps.items()}
                if not same(list(vals.values())):
                    out.append({"key": key, "label": lab, "values": vals})
        elif not same(list(steps.values())):
            out.append({"key": key, "label": None, "values": dict(steps)})
    return out






# ----------------------------------------------------------------------------------------------
# Why now: reason codes per client, the contact calendar, stale complaints
# ----------------------------------------------------------------------------------------------

#: Reason codes of "why contact this client now", in order of precedence (the first that
#: applies is the client's ``reason``; every one that applies is listed in ``reasons``).
REASONS: tuple[str, ...] = (
    "open_complaint", "silent", "spend_down", "one_purchase", "lapsed", "high_risk", "due",
)

#: Defaults of :func:`why_now`.
WHY_NOW_DEFAULTS: dict[str, float] = {
    "silent_multiple": 1.5,   # silent for more than 1.5 x the usual gap between purchases
    "spend_drop": 0.3,        # last 91 days at least 30 % below the 91 days before
    "quarter_days": 91,
    "due_days": 14,           # the next usual purchase falls within two weeks
    "stale_days": 90,         # an open complaint older than this is a data-quality flag
}


def stale_open_complaints(feedback: pd.DataFrame | None, asof: Any,
                          max_age_days: float = WHY_NOW_DEFAULTS["stale_days"]) -> pd.DataFrame:
    """Open complaints older than ``max_age_days`` at ``asof``: a data-quality flag.

    A complaint open for months is far more often a record nobody closed than a client still
    waiting; such rows go to the data owner to check, not to the top of the call list.

    Returns
    -------
    DataFrame
        ``customer_id``, ``date``, ``age_days``, ``category`` (when present), oldest first.
    """
    cols = ["customer_id", "date", "age_days", "category"]
    if feedback is None or not len(feedback) or "kind" not in feedback:
        return pd.DataFrame(columns=cols)
    asof_ts = pd.Timestamp(asof)
    fb = feedback[(feedback["kind"].astype(str) == "complaint")
                  & (pd.to_datetime(feedback["date"]) <= asof_ts)]
    if "resolved_date" in fb:
        resolved = pd.to_datetime(fb["resolved_date"])
        fb = fb[resolved.isna() | (resolved > asof_ts)]
    age = (asof_ts - pd.to_datetime(fb["date"])).dt.days
    out = pd.DataFrame({"customer_id": fb["customer_id"].astype("string"),
                        "date": pd.to_datetime(fb["date"]), "age_days": age.astype(int)})
    out["category"] = fb["category"].astype("string") if "category" in fb else pd.NA
    out = out[out["age_days"] > float(max_age_days)]
    return out.sort_values(["age_days", "customer_id"], ascending=[False, True],
                           kind="mergesort").reset_index(drop=True)


def why_now(base: ClientBase, data: Any, **options: float) -> pd.DataFrame:
    """Why contact each client now: reason codes and the numbers behind them.

    Parameters
    ----------
    base : ClientBase
    data : DataFolder or dict of DataFrame
        ``transactions`` (spend by quarter), ``feedback`` (open complaints) when present.
    **options
        Overrides of :data:`WHY_NOW_DEFAULTS`.

    Returns
    -------
    DataFrame
        Index ``customer_id`` (the buyers of ``base``): ``reason`` (the first code of
        :data:`REASONS` that applies, or empty), ``reasons`` (all, ``"; "``-joined),
        ``cycle_days`` (median gap between purchases), ``silent_days`` (days since the last
        purchase), ``complaint_days`` (age of the oldest open, not stale, complaint),
        ``spend_change`` (last quarter against the one before, a share), ``months_since``
        (for one purchase), ``next_contact`` (the date of the next check-in: last purchase +
        the usual gap, at the earliest the day after ``asof``), ``stale_complaint`` (an open
        complaint older than ``stale_days``: a data-quality flag, not a reason).
        The sentences come from :func:`workbench.describe_why_now`.
    """
    opt = {**WHY_NOW_DEFAULTS, **options}
    unknown = sorted(set(options) - set(WHY_NOW_DEFAULTS))
    if unknown:
        raise WorkbenchError(f"why_now: unknown option(s) {unknown}; known: "
                             f"{', '.join(WHY_NOW_DEFAULTS)}")
    tables = _tables(data)
    tab = base.buyers
    asof = base.asof
    out = pd.DataFrame(index=tab.index)
    cycle = tab["median_gap_days"].astype(float) if "median_gap_days" in tab else pd.Series(
        np.nan, index=tab.index)
    silent = tab["recency_days"].astype(float)
    freq = tab["frequency"].astype(float)
    out["cycle_days"] = cycle.where(freq >= 2)
    out["silent_days"] = silent

    tx = tables["transactions"]
    date = pd.to_datetime(tx["date"])
    q = float(opt["quarter_days"])
    ids = tx["customer_id"].astype("string")
    last_q = (date > asof - pd.Timedelta(days=q)) & (date <= asof)
    prev_q = (date > asof - pd.Timedelta(days=2 * q)) & ~last_q & (date <= asof)
    amount = pd.to_numeric(tx["amount"], errors="coerce")
    now = amount[last_q].groupby(ids[last_q]).sum()
    before = amount[prev_q].groupby(ids[prev_q]).sum()
    before = before[before > 0]
    change = (now.reindex(before.index).fillna(0.0) - before) / before
    out["spend_change"] = change.reindex(out.index).astype(float)
    out["months_since"] = (silent / 30.44).where(freq == 1).round(0)

    feedback = tables.get("feedback")
    out["complaint_days"] = np.nan
    out["stale_complaint"] = False
    if feedback is not None and len(feedback) and "kind" in feedback:
        opened = stale_open_complaints(feedback, asof, max_age_days=-1)
        stale = opened["age_days"] > float(opt["stale_days"])
        fresh = opened[~stale].groupby("customer_id")["age_days"].max()
        out["complaint_days"] = fresh.reindex(out.index).astype(float)
        out["stale_complaint"] = isin(out.index, opened.loc[stale, "customer_id"])

    last = asof - pd.to_timedelta(silent, unit="D")
    gap = cycle.where(freq >= 2, 30.0).fillna(30.0)
    nxt = last + pd.to_timedelta(gap.round(0), unit="D")
    earliest = asof + pd.Timedelta(days=1)
    out["next_contact"] = nxt.where(nxt >= earliest, earliest).dt.normalize()

    status = tab["status"]
    active = status == "active"
    flags = {
        "open_complaint": out["complaint_days"].notna(),
        "silent": active & (freq >= 2) & (silent > float(opt["silent_multiple"]) * cycle),
        "spend_down": active & (out["spend_change"] <= -float(opt["spend_drop"])),
        "one_purchase": freq == 1,
        "lapsed": (status == "lapsed") & (freq >= 2),
        "high_risk": (tab["risk_band"] == "high").fillna(False),
        "due": active & (freq >= 2) & ((out["next_contact"] - asof).dt.days
                                       <= float(opt["due_days"])),
    }
    flags = {k: v.fillna(False).astype(bool) for k, v in flags.items()}
    reasons = pd.Series([""] * len(out), index=out.index, dtype=object)
    primary = pd.Series([""] * len(out), index=out.index, dtype=object)
    for code in REASONS:
        hit = flags[code].to_numpy()
        reasons[hit] = [f"{r}; {code}" if r else code for r in reasons[hit]]
        primary[hit & (primary == "").to_numpy()] = code
    out["reason"] = pd.array(primary, dtype="string")
    out["reasons"] = pd.array(reasons, dtype="string")
    out.loc[out["reason"] == "", ["reason", "reasons"]] = pd.NA
    out["churn_probability"] = tab["churn_probability"].astype(float)
    return out


# ----------------------------------------------------------------------------------------------
# Method pieces: who brought whom, yearly attrition, silent leavers, the client card
# ----------------------------------------------------------------------------------------------

#: The seeds' benchmark: even the best companies lose about this share of clients a year.
ATTRITION_BENCHMARK = 0.10


def referrals(customers: pd.DataFrame | None, tx: pd.DataFrame) -> pd.DataFrame:
    """Who brought whom: per referrer, how many clients they brought and what those bought.

    Parameters
    ----------
    customers : DataFrame or None
        With ``customer_id`` and ``referred_by`` (the id of the client who recommended us).
    tx : DataFrame
        Canonical transactions (the value of the referred clients).

    Returns
    -------
    DataFrame
        Index ``customer_id`` (the referrer): ``n_referred`` (clients who name them),
        ``n_referred_buyers`` (of those, who bought), ``referred_revenue`` (their net
        purchases), sorted by revenue then count; empty without a ``referred_by`` column.
    """
    cols = ["n_referred", "n_referred_buyers", "referred_revenue"]
    if customers is None or "referred_by" not in customers:
        return pd.DataFrame(columns=cols, index=pd.Index([], name="customer_id", dtype="string"))
    ref = customers[["customer_id", "referred_by"]].dropna()
    ref = ref[ref["referred_by"].astype(str).str.strip() != ""]
    ref = ref.assign(customer_id=ref["customer_id"].astype("string"),
                     referred_by=ref["referred_by"].astype("string"))
    revenue = pd.to_numeric(tx["amount"], errors="coerce").groupby(
        tx["customer_id"].astype("string")).sum()
    ref["revenue"] = ref["customer_id"].map(revenue).astype(float)
    out = ref.groupby("referred_by").agg(
        n_referred=("customer_id", "size"),
        n_referred_buyers=("revenue", lambda s: int(s.notna().sum())),
        referred_revenue=("revenue", lambda s: float(s.fillna(0.0).sum())))
    out.index = out.index.astype("string").rename("customer_id")
    return out.sort_values(["referred_revenue", "n_referred"], ascending=False,
                           kind="mergesort")


def yearly_attrition(tx: pd.DataFrame, asof: Any = None,
                     ladder_rules: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Yearly attrition of the client base, against the seeds' ~10 % a year.

    For each year ending at ``asof`` (and the years before, as long as the history allows),
    the clients active at the start of the year (by the one definition of
    :func:`client_base`) and the share of them who are lapsed at its end.

    Returns
    -------
    DataFrame
        One row per year (``year_end``, newest first): ``active_at_start``, ``lapsed_by_end``,
        ``attrition`` (share), ``benchmark`` (:data:`ATTRITION_BENCHMARK`).
    """
    import workbench
    from workbench._columns import asof_day, through_asof

    date = pd.to_datetime(tx["date"])
    end = asof_day(asof, date)  # the asof rule: a calendar day, the whole day included
    rows = []
    year_end = end
    after = None  # the ladder at year_end: the previous (newer) year's "before"
    while year_end - pd.DateOffset(years=1) > date.min():
        start = year_end - pd.DateOffset(years=1)
        before = workbench.loyalty_ladder(tx[through_asof(date, start)], asof=start,
                                          rules=ladder_rules)
        active = before.index[(before["rung"] != "lapsed") & (before["rung"] != "potential")]
        if after is None:
            after = workbench.loyalty_ladder(tx[through_asof(date, year_end)], asof=year_end,
                                             rules=ladder_rules)
        lapsed = int((after["rung"].reindex(active) == "lapsed").sum())
        rows.append({"year_end": year_end, "active_at_start": len(active),
                     "lapsed_by_end": lapsed,
                     "attrition": lapsed / len(active) if len(active) else float("nan"),
                     "benchmark": ATTRITION_BENCHMARK})
        year_end, after = start, before
    return pd.DataFrame(rows, columns=["year_end", "active_at_start", "lapsed_by_end",
                                       "attrition", "benchmark"])


def silent_leavers(base: ClientBase, feedback: pd.DataFrame | None) -> dict[str, Any]:
    """Of the lapsed clients, how many never complained (a complaint is a gift: most leave
    silently).

    Returns
    -------
    dict
        ``n_lapsed``, ``n_silent`` (lapsed with no complaint on record), ``share_silent``.
    """
    lapsed = base.lapsed.index
    complained: set[str] = set()
    if feedback is not None and len(feedback) and "kind" in feedback:
        fb = feedback[feedback["kind"].astype(str) == "complaint"]
        complained = set(fb["customer_id"].astype(str))
    n_silent = int(sum(1 for c in lapsed if str(c) not in complained))
    return {"n_lapsed": len(lapsed), "n_silent": n_silent,
            "share_silent": n_silent / len(lapsed) if len(lapsed) else float("nan")}


def client_card(data: Any, customer_id: str, freq: str = "QS",
                ladder_rules: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One client's history: orders, complaints and contacts, survey answers, rung over time.

    Parameters
    ----------
    data : DataFolder or dict of DataFrame
    customer_id : str
    freq : str, default "QS"
        Step of the rung history (quarter starts).

    Returns
    -------
    dict
        ``customer`` (the CRM card as a dict, or None), ``orders`` (per order: ``date``,
        ``amount``, ``lines``), ``feedback`` and ``survey`` (the client's rows), ``rungs``
        (a Series: date -> rung at that date, from the first purchase to the last date).

    Raises
    ------
    WorkbenchError
        The client has no purchase and no CRM card.
    """
    import workbench

    tables = _tables(data)
    tx = tables["transactions"]
    cid = str(customer_id)
    mine = tx[tx["customer_id"].astype(str) == cid]
    customers = tables.get("customers")
    card = None
    if customers is not None:
        row = customers[customers["customer_id"].astype(str) == cid]
        card = row.iloc[0].to_dict() if len(row) else None
    if mine.empty and card is None:
        raise WorkbenchError(f"client {cid!r}: no purchase and no CRM card in this folder")
    key = mine["order_id"] if "order_id" in mine else mine["date"]
    orders = (mine.assign(_k=key).groupby("_k", sort=False)
              .agg(date=("date", "min"), amount=("amount", "sum"), lines=("date", "size"))
              .sort_values("date", kind="mergesort").reset_index(drop=True))

    def rows_of(name: str) -> pd.DataFrame | None:
        frame = tables.get(name)
        if frame is None or "customer_id" not in frame:
            return None
        return frame[frame["customer_id"].astype(str) == cid].reset_index(drop=True)

    rungs = pd.Series(dtype="string", name="rung")
    if not mine.empty:
        dates = pd.to_datetime(tx["date"])
        mine_dates = pd.to_datetime(mine["date"])
        first, last = mine_dates.min(), dates.max()
        points = list(pd.date_range(first, last, freq=freq)) + [last]
        values = {}
        # a client's rung depends on their own purchases only (orders, gaps, recency, tenure;
        # not the cost, which only groups profit within a rung): the ladder of their own rows
        # gives the rung the whole base's ladder gives
        own = mine.drop(columns=[c for c in ("cost",) if c in mine.columns])
        for p in points:
            lad = workbench.loyalty_ladder(own[mine_dates <= p], asof=p, rules=ladder_rules)
            values[p] = str(lad["rung"].get(cid, pd.NA)) if cid in lad.index else pd.NA
        rungs = pd.Series(values, name="rung", dtype="string")
        rungs.index.name = "date"
    return {"customer": card, "orders": orders, "feedback": rows_of("feedback"),
            "survey": rows_of("survey"), "rungs": rungs}






"""The cost and the expected result of every planned action (step 5: «стоит ли овчинка выделки?»).

Step 5 weighs every action the workshop plans, not only the retention offer:

* the step-3 **improvements** of survey attributes (the ``actions`` of the workshop file),
* the step-6 **offers** per segment (``offers``: cost per client x the clients of the segment),
* the **retention offer** to the clients at risk (``decisions.offer_cost`` and
  ``decisions.success_rate``, targeted by :func:`workbench.retention_plan`),
* the **acquisition** of leads (``acquisition``: leads bought or generated per source).

For each the same arithmetic, with every assumption named: cost (one-off + per client x the
clients reached), the expected result in money over the horizon, net, ROI and payback, and
whether the action is done in-house or bought in (the seed's question «всё ли надо делать
самим?»). Nothing is invented: an action whose cost or effect the workshop file does not give is
listed as *not priced*, with the fields that would price it.

The result in money comes from two per-client numbers of the client base: ``value`` (what the
client brings over the horizon if they stay: :func:`workbench.retention_value`) and
``churn_probability`` (a lapsed client counts as 1: they have left; a client without a score as
0). For the clients an action reaches::

    money = retained x sum(p x value) + growth x sum((1 - p) x value)

``retained`` is the share of would-be leavers the action keeps (for lapsed clients: wins back),
``growth`` the relative rise of what the clients who stay bring. For acquisition::

    money = leads x conversion x value of a new client

with the conversion measured from the leads table (share of the source's leads that reached a
deal) unless the file gives it, and the value of a new client = the mean value of the clients
that source brought (else of all clients on their first purchase).

The module computes and returns data and keys; the text is in :mod:`workbench.narrative`, the plot
in :mod:`workbench.plotting`, the panel in :mod:`workbench.widgets`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench._ids import isin
from workbench.errors import WorkbenchError

__all__ = (
    "ACTION_KINDS",
    "ActionEconomics",
    "SOURCING",
    "action_economics",
    "action_inputs",
    "apply_assumptions",
    "decision_values",
    "overlap_deduction",
    "price_actions",
    "reach_aggregates",
    "reprice",
)

#: Kinds of planned actions, in the order the table lists them.
ACTION_KINDS: tuple[str, ...] = ("improvement", "offer", "retention", "acquisition")

#: Who does the work: the company's own staff, or a supplier / contractor.
SOURCING: tuple[str, ...] = ("in_house", "bought")

#: Per-client columns of the client base a segment key can name (first match wins).
SEGMENT_KEYS: tuple[str, ...] = ("rung", "abc_xyz", "rfm_segment", "strategy", "status", "abc",
                                 "xyz")

#: Days in an average month (payback is stated in months).
_MONTH_DAYS = 365.25 / 12

#: Columns of the per-action input frame (see :func:`price_actions`).
INPUT_COLUMNS: tuple[str, ...] = (
    "id", "kind", "name", "segment", "sourcing", "one_off_cost", "cost_per_client",
    "cost_period_days", "retained", "growth", "leads", "conversion", "conversion_basis",
    "new_client_value", "value_basis", "missing",
)


def _empty(x: Any) -> bool:
    if x is None or x is pd.NA:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    return isinstance(x, str) and not x.strip()


def _num(x: Any) -> float:
    return float("nan") if _empty(x) else float(x)


def _clients_frame(clients: pd.DataFrame) -> pd.DataFrame:
    if "value" not in clients.columns:
        raise WorkbenchError("clients needs a 'value' column (value over the horizon per client)")
    out = clients.copy()
    p = pd.to_numeric(out.get("churn_probability", pd.Series(np.nan, index=out.index)),
                      errors="coerce").astype("float64")
    status = out["status"].astype("string") if "status" in out.columns else None
    if status is not None:
        p = p.where(~(status == "lapsed").fillna(False).to_numpy(), 1.0)
    out["_p"] = p.fillna(0.0).clip(0.0, 1.0)
    out["_v"] = pd.to_numeric(out["value"], errors="coerce").astype("float64").fillna(0.0)
    return out


def _reach_mask(clients: pd.DataFrame, segment: Any) -> np.ndarray:
    """Clients a segment key reaches: empty or ``all`` = every active client."""
    n = len(clients)
    if _empty(segment) or str(segment).strip().lower() == "all":
        if "status" in clients.columns:
            return (clients["status"].astype("string") == "active").fillna(False).to_numpy()
        return np.ones(n, dtype=bool)
    key = str(segment).strip()
    for col in SEGMENT_KEYS:
        if col in clients.columns:
            hit = (clients[col].astype("string") == key).fillna(False).to_numpy()
            if hit.any():
                return hit
    return np.zeros(n, dtype=bool)


def reach_aggregates(inputs: pd.DataFrame, clients: pd.DataFrame,
                     targets: pd.Index | None = None) -> pd.DataFrame:
    """Sum, for every action, what the clients it reaches are worth.

    Parameters
    ----------
    inputs : pandas.DataFrame
        One row per action (:func:`action_inputs`; ``kind`` and ``segment`` are used).
    clients : pandas.DataFrame
        One row per client: ``value`` (over the horizon), ``churn_probability`` (NaN = not
        scored), ``status`` and the segment columns (``rung``, ``abc_xyz``, ``rfm_segment``,
        ``strategy`` …) a segment key may name.
    targets : pandas.Index, optional
        Clients the retention offer targets (the ``retention`` row reaches them).

    Returns
    -------
    pandas.DataFrame
        ``inputs`` plus ``n_reached``, ``value_at_risk`` (sum of p x value over the clients
        reached) and ``value_staying`` (sum of (1 - p) x value). Acquisition rows reach
        ``leads`` new people and have no existing value.
    """
    c = _clients_frame(clients)
    pv = (c["_p"] * c["_v"]).to_numpy()
    sv = ((1.0 - c["_p"]) * c["_v"]).to_numpy()
    n, risk, stay = [], [], []
    for _, row in inputs.iterrows():
        if row["kind"] == "acquisition":
            leads = _num(row.get("leads"))
            n.append(0 if math.isnan(leads) else int(leads))
            risk.append(0.0)
            stay.append(0.0)
            continue
        if row["kind"] == "retention":
            ids = targets if targets is not None else pd.Index([])
            mask = isin(c.index, ids)
        else:
            mask = _reach_mask(c, row.get("segment"))
        n.append(int(mask.sum()))
        risk.append(float(pv[mask].sum()))
        stay.append(float(sv[mask].sum()))
    out = inputs.copy()
    out["n_reached"] = np.asarray(n, dtype="int64")
    out["value_at_risk"] = np.asarray(risk, dtype="float64")
    out["value_staying"] = np.asarray(stay, dtype="float64")
    return out


def overlap_deduction(inputs: pd.DataFrame, clients: pd.DataFrame, rows: np.ndarray,
                      targets: pd.Index | None = None) -> np.ndarray:
    """Money of each action already counted by another action of the same set, per horizon.

    The rule: a client's value at risk (p x value) is saved at most once per horizon, and
    what they bring if they stay (the rest) grows at most once. Among the actions of the set
    that reach a client, the one with the largest ``retained`` keeps that client's saving (the
    first in table order on a tie: improvements, offers, retention); the others add nothing
    for that client. The same for ``growth``. Costs are not deducted: every action still
    pays for the clients it contacts.

    Parameters
    ----------
    inputs : pandas.DataFrame
        One row per action (``kind``, ``segment``, ``retained``, ``growth``), as priced.
    clients : pandas.DataFrame
        As in :func:`reach_aggregates`.
    rows : array of bool
        The actions of the set (e.g. the chosen, priced ones).
    targets : pandas.Index, optional
        Clients the retention offer targets.

    Returns
    -------
    numpy.ndarray
        Per action (0 outside the set and for acquisition: new clients reach nobody twice),
        the money to deduct from its standalone ``money`` when the set is summed.

    Examples
    --------
    Two clients, both reached by an offer (keeps 20 %) and the retention offer (keeps 50 %):

    >>> clients = pd.DataFrame({"value": [100.0, 200.0], "churn_probability": [0.5, 0.1],
    ...                         "status": ["active", "active"]}, index=["a", "b"])
    >>> inputs = pd.DataFrame({"kind": ["offer", "retention"], "segment": ["all", None],
    ...                        "retained": [0.2, 0.5], "growth": [0.0, 0.0]})
    >>> overlap_deduction(inputs, clients, np.array([True, True]), pd.Index(["a", "b"]))
    array([14.,  0.])
    """
    c = _clients_frame(clients)
    pv = (c["_p"] * c["_v"]).to_numpy()
    sv = ((1.0 - c["_p"]) * c["_v"]).to_numpy()
    n_rows, n = len(inputs), len(c)
    reach = np.zeros((n_rows, n), dtype=bool)
    rows = np.asarray(rows, dtype=bool)
    for i, row in enumerate(inputs.to_dict("records")):
        if not rows[i] or row["kind"] == "acquisition":
            continue
        if row["kind"] == "retention":
            reach[i] = isin(c.index, targets if targets is not None else pd.Index([]))
        else:
            reach[i] = _reach_mask(c, row.get("segment"))
    out = np.zeros(n_rows)
    for col, base in (("retained", pv), ("growth", sv)):
        rate = pd.to_numeric(inputs[col], errors="coerce").astype("float64").fillna(0.0)
        share = np.where(reach, rate.to_numpy()[:, None], 0.0)  # rows x clients
        if not share.any():
            continue
        keeper = np.argmax(share, axis=0)  # the first largest rate keeps the client
        kept = np.zeros_like(share, dtype=bool)
        kept[keeper, np.arange(n)] = True
        out += ((share * ~kept) * base[None, :]).sum(axis=1)
    return out


def _missing_fields(row: Mapping[str, Any]) -> tuple[str, ...]:
    given = tuple(m for m in (row.get("missing") or ()) if m)
    return given


def price_actions(aggregates: pd.DataFrame, horizon_days: float) -> pd.DataFrame:
    """Put every action into money: cost, expected result, net, ROI, payback.

    Parameters
    ----------
    aggregates : pandas.DataFrame
        :func:`reach_aggregates` output: per action ``one_off_cost``, ``cost_per_client``,
        ``retained``, ``growth`` (NaN = not given), ``n_reached``, ``value_at_risk``,
        ``value_staying``; acquisition rows ``leads``, ``conversion``, ``new_client_value``;
        ``missing`` (tuple of the workshop fields that are empty).
    horizon_days : float
        Length of the horizon the values cover.

    Returns
    -------
    pandas.DataFrame
        The input plus ``cost`` (one-off + per client x clients reached; leads for
        acquisition; an improvement whose cost is for a year, ``cost_period_days``, carries
        the horizon's share of it), ``full_cost`` (the whole commitment), ``expected_clients``
        (acquisition: leads x conversion), ``money``
        (expected result over the horizon), ``net`` (money - cost), ``roi`` (net / cost; NaN
        at zero cost), ``payback_months`` (full cost / money per month at the horizon's pace; inf
        when money <= 0; 0 at zero cost) and ``priced`` (False when a field is missing: then
        cost, money, net, ROI and payback are NaN).

    Notes
    -----
    The money is a margin (or revenue, when the data has neither cost nor a margin rate) over
    the horizon; costs are taken as spent within it. Payback assumes the result keeps coming
    at the horizon's pace after the horizon ends — say so when it exceeds the horizon.

    Examples
    --------
    >>> agg = pd.DataFrame({"kind": ["offer"], "one_off_cost": [100.0],
    ...     "cost_per_client": [10.0], "retained": [0.5], "growth": [0.1], "n_reached": [20],
    ...     "value_at_risk": [1000.0], "value_staying": [3000.0], "leads": [np.nan],
    ...     "conversion": [np.nan], "new_client_value": [np.nan], "missing": [()]})
    >>> r = price_actions(agg, horizon_days=91.3125).iloc[0]
    >>> [round(float(r[k]), 3) for k in ("cost", "money", "net", "roi", "payback_months")]
    [300.0, 800.0, 500.0, 1.667, 1.125]
    """
    a = aggregates.copy()
    if horizon_days <= 0:
        raise WorkbenchError(f"horizon_days must be positive; got {horizon_days!r}")
    months = float(horizon_days) / _MONTH_DAYS
    one_off = pd.to_numeric(a["one_off_cost"], errors="coerce").astype("float64")
    per = pd.to_numeric(a["cost_per_client"], errors="coerce").astype("float64")
    retained = pd.to_numeric(a["retained"], errors="coerce").astype("float64")
    growth = pd.to_numeric(a["growth"], errors="coerce").astype("float64")
    n = a["n_reached"].astype("float64")
    acq = (a["kind"] == "acquisition").to_numpy()
    leads = pd.to_numeric(a.get("leads"), errors="coerce").astype("float64")
    conv = pd.to_numeric(a.get("conversion"), errors="coerce").astype("float64")
    new_value = pd.to_numeric(a.get("new_client_value"), errors="coerce").astype("float64")

    full_cost = one_off.fillna(0.0) + per.fillna(0.0) * n
    period = pd.to_numeric(a.get("cost_period_days", pd.Series(np.nan, index=a.index)),
                           errors="coerce").astype("float64")
    share = np.where(period > 0, np.minimum(1.0, float(horizon_days) / period), 1.0)
    cost = full_cost * share
    effect = (retained.fillna(0.0) * a["value_at_risk"].astype("float64")
              + growth.fillna(0.0) * a["value_staying"].astype("float64"))
    expected_clients = np.where(acq, leads * conv, np.nan)
    money = np.where(acq, expected_clients * new_value, effect)
    priced = np.array([not _missing_fields(r) for r in a.to_dict("records")], dtype=bool)
    cost = np.where(priced, cost, np.nan)
    money = np.where(priced, money, np.nan)
    net = money - cost
    with np.errstate(divide="ignore", invalid="ignore"):
        roi = np.where(cost > 0, net / cost, np.nan)
        per_month = money / months
        payback = np.where(full_cost <= 0, 0.0,
                           np.where(per_month > 0, full_cost / per_month, np.inf))
    payback = np.where(priced, payback, np.nan)
    a["full_cost"] = np.where(priced, full_cost, np.nan)
    a["cost"] = cost
    a["expected_clients"] = expected_clients
    a["money"] = money
    a["net"] = net
    a["roi"] = roi
    a["payback_months"] = payback
    a["priced"] = priced
    return a


def _row(kind: str, ident: str, name: str, **kw: Any) -> dict[str, Any]:
    base = {c: np.nan for c in INPUT_COLUMNS}
    base.update(id=ident, kind=kind, name=name, segment=None, sourcing=None,
                conversion_basis=None, value_basis=None, missing=())
    base.update(kw)
    return base


def _lead_conversion(leads: pd.DataFrame | None, asof: pd.Timestamp | None) -> pd.DataFrame:
    """Per source: leads, deals and the share that reached a deal."""
    cols = ["leads", "deals", "conversion"]
    if leads is None or not len(leads) or "source" not in leads.columns:
        return pd.DataFrame(columns=cols)
    frame = leads
    if asof is not None and "date" in frame.columns:
        dates = pd.to_datetime(frame["date"], errors="coerce")
        frame = frame.loc[~(dates > asof + pd.Timedelta(days=1) - pd.Timedelta(1)).fillna(False)]
    stage = frame["stage"].astype("string") if "stage" in frame.columns else None
    won = (stage == "deal").fillna(False) if stage is not None else \
        frame.get("customer_id", pd.Series(pd.NA, index=frame.index)).notna()
    g = pd.DataFrame({"source": frame["source"].astype("string"), "won": won.astype(int)})
    out = g.groupby("source", sort=True).agg(leads=("won", "size"), deals=("won", "sum"))
    out["conversion"] = out["deals"] / out["leads"]
    return out


def _new_client_value(leads: pd.DataFrame | None, clients: pd.DataFrame,
                      source: str) -> tuple[float, str]:
    value = pd.to_numeric(clients["value"], errors="coerce")
    if leads is not None and {"source", "customer_id"} <= set(leads.columns):
        ids = leads.loc[(leads["source"].astype("string") == source)
                        & leads["customer_id"].notna(), "customer_id"].astype("string")
        v = value.reindex(pd.Index(ids.unique())).dropna()
        if len(v):
            return float(v.mean()), "source_clients"
    if "rung" in clients.columns:
        v = value[(clients["rung"].astype("string") == "first_purchase").fillna(False)].dropna()
        if len(v):
            return float(v.mean()), "first_purchase"
    return float("nan"), "none"


def action_inputs(workshop: Any, clients: pd.DataFrame, leads: pd.DataFrame | None = None,
                  asof: Any = None) -> pd.DataFrame:
    """Collect every planned action of the workshop file into one frame of assumptions.

    Parameters
    ----------
    workshop : Workshop or None
        The workshop file (:attr:`DataFolder.workshop`); ``None`` gives no action rows.
    clients : pandas.DataFrame
        Per client ``value`` and ``rung`` (value of a new client for acquisition).
    leads : pandas.DataFrame, optional
        The leads table (``source``, ``stage``, ``customer_id``): measured conversion per
        source.
    asof : date-like, optional

    Returns
    -------
    pandas.DataFrame
        One row per action, columns :data:`INPUT_COLUMNS`: ``id`` (stable key: ``improvement:
        <action>``, ``offer:<segment>``, ``retention``, ``acquisition:<source>``), ``kind``,
        ``name``, ``segment`` (whom it reaches; empty = every active client), ``sourcing``,
        the cost and effect assumptions (NaN = not given), acquisition's ``leads``,
        ``conversion`` (+ ``conversion_basis``: ``workshop`` or ``leads_table``),
        ``new_client_value`` (+ ``value_basis``) and ``missing`` (the empty workshop fields
        without which the row cannot be priced, as ``section[row].column`` or
        ``section.field``).
    """
    rows: list[dict[str, Any]] = []
    if workshop is None:
        return pd.DataFrame(rows, columns=list(INPUT_COLUMNS))
    unit = _num(workshop.get("plan.cost_unit"))
    unit = 1.0 if math.isnan(unit) else unit
    for i, r in enumerate(workshop.data.get("actions") or []):
        miss = []
        if _empty(r.get("retained")) and _empty(r.get("growth")):
            miss.append(f"actions[{i}].retained|growth")
        rows.append(_row(
            "improvement", f"improvement:{r.get('action')}", str(r.get("action")),
            segment=r.get("segment"), sourcing=r.get("sourcing"),
            one_off_cost=_num(r.get("cost")) * unit, cost_period_days=365.25,
            cost_per_client=_num(r.get("cost_per_client")),
            retained=_num(r.get("retained")), growth=_num(r.get("growth")),
            missing=tuple(miss), row=i, attribute=r.get("attribute")))
    for i, r in enumerate(workshop.data.get("offers") or []):
        miss = []
        if _empty(r.get("cost_per_client")) and _empty(r.get("one_off_cost")):
            miss.append(f"offers[{i}].cost_per_client")
        if _empty(r.get("retained")) and _empty(r.get("growth")):
            miss.append(f"offers[{i}].retained|growth")
        rows.append(_row(
            "offer", f"offer:{r.get('segment')}", str(r.get("segment")),
            segment=r.get("segment"), sourcing=r.get("sourcing"),
            one_off_cost=_num(r.get("one_off_cost")),
            cost_per_client=_num(r.get("cost_per_client")),
            retained=_num(r.get("retained")), growth=_num(r.get("growth")),
            missing=tuple(miss), row=i, strategy=r.get("strategy")))
    miss = [f for f in ("decisions.offer_cost", "decisions.success_rate")
            if not workshop.is_filled(f)]
    rows.append(_row(
        "retention", "retention", "retention", segment=None, sourcing="in_house",
        one_off_cost=0.0, cost_per_client=_num(workshop.get("decisions.offer_cost")),
        retained=_num(workshop.get("decisions.success_rate")), growth=0.0,
        missing=tuple(miss)))
    asof_ts = None if asof is None else pd.Timestamp(asof).normalize()
    conv = _lead_conversion(leads, asof_ts)
    for i, r in enumerate(workshop.data.get("acquisition") or []):
        source = str(r.get("source"))
        miss = []
        if _empty(r.get("cost_per_lead")) and _empty(r.get("one_off_cost")):
            miss.append(f"acquisition[{i}].cost_per_lead")
        c, basis = _num(r.get("conversion")), "workshop"
        if math.isnan(c):
            if source in conv.index and conv.loc[source, "leads"] > 0:
                c, basis = float(conv.loc[source, "conversion"]), "leads_table"
            else:
                basis = None
                miss.append(f"acquisition[{i}].conversion")
        v, vbasis = _new_client_value(leads, clients, source)
        if math.isnan(v):
            miss.append("transactions")
        rows.append(_row(
            "acquisition", f"acquisition:{source}", source, segment=None,
            sourcing=r.get("sourcing"), one_off_cost=_num(r.get("one_off_cost")),
            cost_per_client=_num(r.get("cost_per_lead")), retained=np.nan, growth=np.nan,
            leads=_num(r.get("leads")), conversion=c, conversion_basis=basis,
            new_client_value=v, value_basis=vbasis, missing=tuple(miss), row=i))
    frame = pd.DataFrame(rows)
    extra = [c for c in frame.columns if c not in INPUT_COLUMNS]
    return frame[[*INPUT_COLUMNS, *extra]]


@dataclass
class ActionEconomics:
    """The result of :func:`action_economics`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per planned action (see :func:`price_actions` for the columns), in the order
        improvements, offers, retention, acquisition; plus ``chosen`` (bool: in the set the
        workshop chose, ``decisions.chosen_actions``; every priced action with a positive net
        when nothing was chosen yet).
    horizon : str
        The horizon the money covers.
    horizon_days : float
    missing : tuple of str
        The workshop fields that are empty and that would price the unpriced actions (the
        sections themselves when the file has no actions, offers or acquisition at all).
    value_info : dict
        How the per-client value was chosen (:func:`workbench.retention_value` back-test:
        ``method``, ``mae_run_rate``, ``mae_clv`` …).
    currency : str or None
    n_clients : int
        Clients in the base (the reach of an action is counted among them).
    chosen_saved : bool
        True when the chosen set comes from the workshop file.
    """

    table: pd.DataFrame
    horizon: str
    horizon_days: float
    missing: tuple[str, ...] = ()
    value_info: dict = field(default_factory=dict)
    currency: str | None = None
    n_clients: int = 0
    chosen_saved: bool = False
    inputs: pd.DataFrame | None = field(default=None, repr=False)
    clients: pd.DataFrame | None = field(default=None, repr=False)
    cost_unit: float = 1.0
    targets: pd.Index | None = field(default=None, repr=False)

    @property
    def chosen(self) -> pd.DataFrame:
        """The rows of the chosen actions."""
        return self.table.loc[self.table["chosen"]]

    def totals(self, rows: pd.DataFrame | None = None) -> dict[str, float]:
        """Sum of cost, money and net over ``rows`` (default: the chosen, priced actions).

        Returns
        -------
        dict
            ``n`` (actions), ``cost`` (within the horizon), ``money`` (each client counted
            once per horizon: the standalone results minus ``overlap``, see
            :func:`overlap_deduction`), ``overlap`` (what was deducted), ``net``, ``roi``
            (net / cost), ``full_cost`` and ``payback_months`` of the set at the horizon's
            pace.
        """
        rows = self.chosen if rows is None else rows
        rows = rows.loc[rows["priced"].astype(bool)]
        if self.inputs is not None and self.clients is not None and len(rows):
            inputs = self.table  # as priced (the overrides applied)
            in_set = isin(self.table.index, rows.index)
            overlap = float(overlap_deduction(inputs, self.clients, in_set,
                                              self.targets).sum())
        else:
            overlap = 0.0
        cost = float(rows["cost"].sum())
        money = float(rows["money"].sum()) - overlap
        full = float(rows["full_cost"].sum())
        months = self.horizon_days / _MONTH_DAYS
        payback = 0.0 if full <= 0 else (full / (money / months) if money > 0 else math.inf)
        return {"n": int(len(rows)), "cost": cost, "full_cost": full, "money": money,
                "overlap": overlap, "net": money - cost,
                "roi": (money - cost) / cost if cost > 0 else float("nan"),
                "payback_months": payback}


def _chosen(table: pd.DataFrame, saved: Any) -> tuple[np.ndarray, bool]:
    if saved:
        wanted = {str(x) for x in saved}
        return table["id"].astype(str).isin(wanted).to_numpy(), True
    return (table["priced"].astype(bool) & (table["net"] > 0)).to_numpy(), False


def apply_assumptions(inputs: pd.DataFrame, overrides: Mapping[str, Mapping[str, Any]] | None
                      ) -> pd.DataFrame:
    """Replace assumptions of some actions (action id -> {column: value}); re-check ``missing``.

    A value given for a field listed in ``missing`` removes it from the list (the row becomes
    priced when nothing else is missing).
    """
    out = inputs.copy()
    if not overrides:
        return out
    allowed = {"one_off_cost", "cost_per_client", "retained", "growth", "leads", "conversion",
               "sourcing", "segment"}
    by_id = {str(k): dict(v) for k, v in overrides.items()}
    for pos, ident in enumerate(out["id"].astype(str)):
        if ident not in by_id:
            continue
        for col, val in by_id[ident].items():
            if col not in allowed:
                raise WorkbenchError(f"cannot change {col!r}; allowed: {', '.join(sorted(allowed))}")
            out.iat[pos, out.columns.get_loc(col)] = val
        row = out.iloc[pos]
        keep = []
        for m in row["missing"]:
            tail = m.rsplit(".", 1)[-1]
            names = tail.split("|")
            names = ["cost_per_client" if n == "cost_per_lead" else
                     "cost_per_client" if n == "offer_cost" else
                     "retained" if n == "success_rate" else n for n in names]
            filled = any(n in row.index and not _empty(row[n]) for n in names)
            if not filled:
                keep.append(m)
        out.iat[pos, out.columns.get_loc("missing")] = tuple(keep)
    if "conversion" in out.columns:
        for pos, ident in enumerate(out["id"].astype(str)):
            if ident in by_id and "conversion" in by_id[ident]:
                out.iat[pos, out.columns.get_loc("conversion_basis")] = "workshop"
    return out


def action_economics(
    data: Any,
    asof: Any = None,
    *,
    workshop: Any = None,
    base: Any = None,
    value: pd.Series | None = None,
    value_info: Mapping[str, Any] | None = None,
    horizon: Any = None,
    margin: float | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    chosen: Any = None,
) -> ActionEconomics:
    """Weigh every planned action of the workshop file: cost, clients reached, money, ROI.

    Parameters
    ----------
    data : DataFolder or dict of str -> DataFrame
        The client's folder (``transactions``; ``leads`` for acquisition).
    asof : date-like, optional
        Observation end (default: the last transaction date).
    workshop : Workshop, optional
        Default: ``data.workshop``. Without one, the table holds only the retention offer,
        unpriced, and ``missing`` names the sections to fill.
    base : ClientBase, optional
        :func:`workbench.client_base` of the folder (computed when not given: rung, status,
        churn probability of the active clients).
    value : pandas.Series, optional
        Value per client over the horizon (default: :func:`workbench.retention_value` with
        the workshop margin, the value the back-test prefers).
    value_info : dict, optional
        The back-test of ``value`` when it is given.
    horizon : str, optional
        Default: the workshop's ``plan.horizon``, else "90D".
    margin : float, optional
        Margin rate when transactions have no cost (default: ``company.margin``).
    overrides : mapping, optional
        Action id -> {assumption: value}, as a widget changes them
        (:func:`apply_assumptions`).
    chosen : list of str, optional
        Action ids of the chosen set (default: the workshop's ``decisions.chosen_actions``).

    Returns
    -------
    ActionEconomics

    Notes
    -----
    The retention row targets the clients :func:`workbench.retention_plan` selects with the
    workshop's offer cost and success rate; its money equals that plan's expected saving.
    Offers and improvements reach every client of their segment. Each row's ``money`` is the
    action alone; the chosen set's totals count each client once per horizon: where several
    chosen actions reach one client, the one that keeps the most of their value at risk
    keeps it and the others add nothing for that client (``overlap``, see
    :func:`overlap_deduction`).
    """
    from workbench.churn._horizons import horizon_days as _horizon_days
    from workbench.economics import retention_value

    tables = data.tables if hasattr(data, "tables") else dict(data)
    if "transactions" not in tables:
        raise WorkbenchError("action economics needs the transactions table")
    tx = tables["transactions"]
    ws = workshop if workshop is not None else getattr(data, "workshop", None)
    if horizon is None:
        horizon = (ws.get("plan.horizon") if ws is not None else None) or "90D"
    if margin is None and ws is not None:
        margin = ws.get("company.margin")
    if base is None:
        import workbench

        base = workbench.client_base(data, asof=asof, workshop=ws, horizon=str(horizon))
    clients = base.table.copy()
    asof_ts = base.asof
    if value is None:
        value, info = retention_value(tx, asof=asof_ts, horizon=horizon, margin=margin)
    else:
        info = dict(value_info or {})
    v = value.copy()
    v.index = v.index.astype("string")
    clients["value"] = v.reindex(clients.index).astype("float64").clip(lower=0.0)
    clients.loc[clients["status"] == "potential", "value"] = np.nan
    days = float(_horizon_days(horizon, asof_ts))

    inputs = action_inputs(ws, clients, tables.get("leads"), asof_ts)
    if ws is None:
        inputs = pd.DataFrame([_row("retention", "retention", "retention", sourcing="in_house",
                                    one_off_cost=0.0, growth=0.0,
                                    missing=("decisions.offer_cost",
                                             "decisions.success_rate"))])
    unit = _num(ws.get("plan.cost_unit")) if ws is not None else float("nan")
    empty_sections = tuple(sec for sec in ("acquisition", "offers", "actions")
                           if ws is None or not ws.is_filled(sec))
    saved = chosen if chosen is not None else (
        ws.get("decisions.chosen_actions") if ws is not None else None)
    result = ActionEconomics(
        table=pd.DataFrame(), horizon=str(horizon), horizon_days=days, value_info=dict(info),
        currency=ws.currency if ws is not None else None, n_clients=int(len(clients)),
        chosen_saved=bool(saved) and chosen is None, inputs=inputs, clients=clients,
        cost_unit=1.0 if math.isnan(unit) else unit,
    )
    result.missing = empty_sections
    return reprice(result, overrides, saved)


def _retention_targets(inputs: pd.DataFrame, clients: pd.DataFrame) -> pd.Index:
    from workbench.economics import retention_plan

    ret = inputs.loc[inputs["kind"] == "retention"]
    if not len(ret) or ret.iloc[0]["missing"]:
        return pd.Index([], dtype="string")
    scored = clients["churn_probability"].notna()
    if "status" in clients.columns:
        scored &= (clients["status"] == "active").fillna(False)
    if not scored.any():
        return pd.Index([], dtype="string")
    plan = retention_plan(clients.loc[scored, "churn_probability"].astype(float),
                          clients.loc[scored, "value"].fillna(0.0),
                          offer_cost=float(ret.iloc[0]["cost_per_client"]),
                          success_rate=float(ret.iloc[0]["retained"]))
    return plan.targets.index


def reprice(result: ActionEconomics, overrides: Mapping[str, Mapping[str, Any]] | None = None,
            chosen: Any = None) -> ActionEconomics:
    """Price the actions again with changed assumptions or another chosen set (fast).

    The clients each action reaches and their value are kept from ``result``; only the
    retention offer's targets are recomputed (they depend on its cost and success rate).

    Parameters
    ----------
    result : ActionEconomics
        From :func:`action_economics`.
    overrides : mapping, optional
        Action id -> {assumption: value} (:func:`apply_assumptions`), applied to the
        assumptions of the workshop file (not on top of earlier overrides).
    chosen : list of str, optional
        Action ids of the chosen set; None: every priced action with a positive net.

    Returns
    -------
    ActionEconomics
    """
    if result.inputs is None or result.clients is None:
        raise WorkbenchError("reprice needs a result of action_economics (inputs and clients)")
    inputs = apply_assumptions(result.inputs, overrides)
    targets = _retention_targets(inputs, result.clients)
    table = price_actions(reach_aggregates(inputs, result.clients, targets),
                          result.horizon_days)
    mask, _ = _chosen(table, chosen)
    table["chosen"] = mask
    # a client reached by several chosen actions is counted once per horizon
    table["overlap"] = overlap_deduction(inputs, result.clients,
                                         mask & table["priced"].astype(bool).to_numpy(),
                                         targets)
    missing: list[str] = [m for m in result.missing if m in ("actions", "offers", "acquisition")]
    for m in table["missing"]:
        missing.extend(x for x in m if x not in missing)
    return ActionEconomics(
        table=table.reset_index(drop=True), horizon=result.horizon,
        horizon_days=result.horizon_days, missing=tuple(missing),
        value_info=result.value_info, currency=result.currency, n_clients=result.n_clients,
        chosen_saved=result.chosen_saved, inputs=result.inputs, clients=result.clients,
        cost_unit=result.cost_unit, targets=targets,
    )


def decision_values(result: ActionEconomics, workshop: Any) -> dict[str, Any]:
    """What saving the step-5 decision writes into the workshop file.

    Parameters
    ----------
    result : ActionEconomics
        The priced actions as the room left them (:func:`reprice` with the overrides).
    workshop : Workshop
        The workshop file the actions were read from (its rows are kept; only the assumption
        columns change).

    Returns
    -------
    dict
        For :func:`workbench.save_decision` (``"economics"``): ``chosen`` (ids), and when the
        file has them, ``actions``, ``offers``, ``acquisition`` (the rows with the current
        assumptions; an improvement's ``cost`` back in the unit of the file,
        ``plan.cost_unit``), ``offer_cost`` and ``success_rate`` (the retention offer).
    """
    tab = result.table
    out: dict[str, Any] = {"chosen": [str(i) for i in tab.loc[tab["chosen"], "id"]]}

    def val(x: Any) -> Any:
        if _empty(x):
            return None
        if isinstance(x, (np.floating, float)):
            return round(float(x), 6)
        if isinstance(x, np.integer):
            return int(x)
        return x

    cols = {"improvement": ("actions", {"segment": "segment", "cost_per_client":
                                        "cost_per_client", "retained": "retained",
                                        "growth": "growth", "sourcing": "sourcing"}),
            "offer": ("offers", {"segment": "segment", "one_off_cost": "one_off_cost",
                                 "cost_per_client": "cost_per_client", "retained": "retained",
                                 "growth": "growth", "sourcing": "sourcing"}),
            "acquisition": ("acquisition", {"leads": "leads", "one_off_cost": "one_off_cost",
                                            "cost_per_client": "cost_per_lead",
                                            "sourcing": "sourcing"})}
    for kind, (section, mapping) in cols.items():
        rows = [dict(r) for r in (workshop.data.get(section) or [])] if workshop is not None \
            else []
        if not rows:
            continue
        for rec in tab.loc[tab["kind"] == kind].to_dict("records"):
            i = rec.get("row")
            if _empty(i) or int(i) >= len(rows):
                continue
            target = rows[int(i)]
            for src, dst in mapping.items():
                target[dst] = val(rec.get(src))
            if kind == "improvement":
                target["cost"] = val(rec["one_off_cost"] / (result.cost_unit or 1.0))
            if kind == "acquisition":
                basis = rec.get("conversion_basis")
                target["conversion"] = val(rec.get("conversion")) if basis == "workshop" \
                    else target.get("conversion")
        out[section] = rows
    ret = tab.loc[tab["kind"] == "retention"]
    if len(ret):
        r = ret.iloc[0]
        if not _empty(r["cost_per_client"]):
            out["offer_cost"] = val(r["cost_per_client"])
        if not _empty(r["retained"]):
            out["success_rate"] = val(r["retained"])
    return out

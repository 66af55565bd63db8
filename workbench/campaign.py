"""Steps 7 and 8 of the second round: hold out a control group, then measure what the offers did.

A retention offer is worth what it changes, and only a comparison with clients who were *not*
contacted shows that. This module does the two halves of that comparison:

1. **Step 7** — :func:`plan_campaign` takes the action lists and, in each of them (one list per
   strategy), draws a random control group: a share of the clients (the workshop
   file's ``plan.control_share``, 10 % by default) who are *not* contacted. The draw is seeded
   and recorded: :class:`Campaign` keeps who is in which list, with which offer and channel,
   in which group, when the contacts start, the share and the seed; :func:`write_campaign`
   stores it as ``campaign.json`` beside ``actions.xlsx``.
2. **Step 8** — :func:`measure_campaign` takes that record and a later export of the
   transactions and compares, list by list, the contacted clients with their control group:
   the share still buying in the window, the revenue per client and the churn (no purchase in
   the window), each difference with a confidence interval, the share of would-be leavers the
   offer kept (the *success rate* step 5 assumed), and — when the interval cannot tell the
   effect from zero — how many clients per group the next round needs to see the effect.

The folder convention of the second round (:func:`load_second_round`): the client's data
folder holds the campaign record as ``campaign.json`` (copied from the step-7 output) and the
later export either as a new ``transactions`` table that now reaches past the campaign's
start, or as ``followup/transactions.csv`` (any format the loaders read) beside the original
one. Only transactions dated on or after the campaign's start are used.

Everything here returns data and keys; the sentences are in :mod:`workbench.narrative`.

Notes
-----
The design is a stratified randomised experiment: within each list (one stratum per
strategy), exactly
``round(share * n)`` clients are drawn as control by a generator seeded with the campaign's
seed and the stratum's name, so a list's control group does not depend on the other lists.
The difference in the share still buying uses the Agresti–Caffo interval (add one success and
one failure to each group), which keeps its coverage with small groups; the difference in
revenue per client uses the normal approximation with unequal variances (Welch); the success
rate ``1 - churn_treated / churn_control`` uses a seeded parametric bootstrap of the two
binomial churn counts. The sample size for the next round is the usual two-proportion formula
(two-sided at the interval's level, 80 % power). See Gerber & Green (2012), *Field
Experiments*, ch. 3, and Agresti & Caffo (2000), *The American Statistician* 54(4).
"""

from __future__ import annotations

import json
import math
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "CAMPAIGN_FILE",
    "CONTROL_SHARE",
    "FOLLOWUP_DIR",
    "Campaign",
    "CampaignEffect",
    "SecondRound",
    "assign_control",
    "campaign_from_lists",
    "load_second_round",
    "measure_campaign",
    "plan_campaign",
    "read_campaign",
    "sample_size",
    "save_success_rate",
    "simulate_campaign",
    "write_campaign",
)

#: The campaign record's file name (beside ``actions.xlsx``; in the data folder for step 8).
CAMPAIGN_FILE = "campaign.json"
#: Sub-folder of the data folder holding the later export of the second round.
FOLLOWUP_DIR = "followup"
#: Share of each list held out as a control group when the workshop file sets none.
CONTROL_SHARE = 0.1
#: Default measurement window: the step-5 horizon.
WINDOW = "90D"
_FORMAT = "workbench.campaign/1"
_GROUPS = ("treated", "control")
_CLIENT_COLUMNS = ("customer_id", "list", "offer", "channel", "group")


# ----------------------------------------------------------------------------------------------
# Step 7: the control group and the campaign record
# ----------------------------------------------------------------------------------------------


def _check_share(share: Any) -> float:
    try:
        value = float(share)
    except (TypeError, ValueError):
        raise WorkbenchError(f"control_share must be a share from 0 to 0.9; got {share!r}") from None
    if not 0.0 <= value <= 0.9 or math.isnan(value):
        raise WorkbenchError(f"control_share must be a share from 0 to 0.9; got {share!r}")
    return value


def _stratum_seed(seed: int, key: str) -> np.random.SeedSequence:
    return np.random.SeedSequence([int(seed) & 0xFFFFFFFF, zlib.crc32(key.encode("utf-8"))])


def assign_control(strata: pd.Series, share: float = CONTROL_SHARE, seed: int = 0) -> pd.Series:
    """Draw a control group in each stratum: exactly ``round(share * n)`` clients, at random.

    Parameters
    ----------
    strata : Series
        Stratum name per client (index: the client ids, unique); e.g. ``"retain|call"``.
    share : float, default 0.1
        Share of each stratum held out (0 to 0.9; 0 = nobody).
    seed : int, default 0
        Seed of the draw. Each stratum draws from its own generator, seeded with ``seed`` and
        the stratum's name, so a stratum's control group depends only on its own clients.

    Returns
    -------
    Series of str
        ``"control"`` or ``"treated"`` per client, same index as ``strata``.

    Examples
    --------
    >>> s = pd.Series(["a"] * 10 + ["b"] * 5, index=[f"c{i:02d}" for i in range(15)])
    >>> g = assign_control(s, share=0.2, seed=1)
    >>> g.groupby(s).apply(lambda x: int((x == "control").sum())).to_dict()
    {'a': 2, 'b': 1}
    """
    share = _check_share(share)
    if not strata.index.is_unique:
        raise WorkbenchError("assign_control: the client ids must be unique")
    group = pd.Series("treated", index=strata.index, dtype=object)
    keys = strata.astype(str)
    for key in sorted(keys.unique()):
        ids = np.sort(np.asarray(keys.index[keys.to_numpy() == key].astype(str)))
        k = int(math.floor(share * len(ids) + 0.5))
        if k == 0:
            continue
        rng = np.random.default_rng(_stratum_seed(seed, key))
        chosen = ids[rng.permutation(len(ids))[:k]]
        group.loc[pd.Index(chosen)] = "control"
    return group.astype("string")


@dataclass
class Campaign:
    """A campaign record: who is on which list, with which offer, contacted or held out.

    Attributes
    ----------
    clients : DataFrame
        One row per client (index ``customer_id``, text): ``list`` (the strategy key of the
        action list), ``offer`` (the action handed over), ``channel`` (key, may be empty),
        ``group`` (``"treated"`` = contact, ``"control"`` = do not contact).
    asof : Timestamp
        The observation end of the lists (step 7's date).
    start : Timestamp
        First day of the contacts; the measurement window starts here.
    window : str
        Length of the measurement window (a pandas offset such as ``"90D"``).
    control_share : float
        Share of each list held out.
    seed : int
        Seed of the control draw.
    success_rate : float or None
        The success rate step 5 assumed (share of would-be leavers the offer keeps).
    offer_cost : float or None
        The assumed cost of the offer per contacted client.
    currency : str or None
    """

    clients: pd.DataFrame
    asof: pd.Timestamp
    start: pd.Timestamp
    window: str = WINDOW
    control_share: float = CONTROL_SHARE
    seed: int = 0
    success_rate: float | None = None
    offer_cost: float | None = None
    currency: str | None = None
    pseudonymised: bool = False

    @property
    def end(self) -> pd.Timestamp:
        """The first day after the measurement window."""
        return self.start + pd.Timedelta(self.window)

    @property
    def control(self) -> pd.DataFrame:
        """The clients held out (not to be contacted)."""
        return self.clients[self.clients["group"] == "control"]

    @property
    def treated(self) -> pd.DataFrame:
        """The clients to contact."""
        return self.clients[self.clients["group"] == "treated"]

    def counts(self) -> pd.DataFrame:
        """Clients per list: ``treated``, ``control``, ``total``."""
        c = self.clients
        table = (c.groupby(["list", "group"], observed=True, sort=True).size()
                 .unstack("group").reindex(columns=list(_GROUPS)).fillna(0).astype("int64"))
        table["total"] = table.sum(axis=1)
        return table

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as ``campaign.json`` holds it."""
        clients = self.clients.reset_index()
        rows = [{c: (None if pd.isna(r[c]) else str(r[c])) for c in _CLIENT_COLUMNS}
                for r in clients.to_dict("records")]
        return {
            "format": _FORMAT,
            "asof": self.asof.date().isoformat(),
            "start": self.start.date().isoformat(),
            "window": str(self.window),
            "control_share": float(self.control_share),
            "seed": int(self.seed),
            "success_rate": None if self.success_rate is None else float(self.success_rate),
            "offer_cost": None if self.offer_cost is None else float(self.offer_cost),
            "currency": self.currency,
            "pseudonymised": bool(self.pseudonymised),
            "clients": rows,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "campaign record") -> Campaign:
        """Validate and build a campaign from :meth:`to_dict`'s shape."""
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise WorkbenchError(
                f"{source}: not a campaign record (expected \"format\": \"{_FORMAT}\")")
        for key in ("asof", "start", "clients"):
            if key not in data:
                raise WorkbenchError(f"{source}: the field {key!r} is missing")
        rows = data["clients"]
        if not isinstance(rows, list):
            raise WorkbenchError(f"{source}: 'clients' must be a list of rows")
        frame = pd.DataFrame(rows, columns=list(_CLIENT_COLUMNS))
        bad = sorted(set(frame["group"].dropna()) - set(_GROUPS))
        if bad or frame["group"].isna().any():
            raise WorkbenchError(f"{source}: 'group' must be treated or control; got {bad or [None]}")
        if frame["customer_id"].isna().any() or frame["list"].isna().any():
            raise WorkbenchError(f"{source}: every client needs a customer_id and a list")
        if frame["customer_id"].duplicated().any():
            dup = frame.loc[frame["customer_id"].duplicated(), "customer_id"].iloc[0]
            raise WorkbenchError(f"{source}: client {dup!r} is listed twice")
        frame["offer"] = frame["offer"].fillna("")
        for c in _CLIENT_COLUMNS:
            frame[c] = frame[c].astype("string")
        clients = frame.set_index("customer_id").sort_index(kind="mergesort")
        try:
            window = str(data.get("window") or WINDOW)
            pd.Timedelta(window)
            asof, start = pd.Timestamp(data["asof"]), pd.Timestamp(data["start"])
        except (ValueError, TypeError) as err:
            raise WorkbenchError(f"{source}: bad date or window ({err})") from None
        sr = data.get("success_rate")
        cost = data.get("offer_cost")
        return cls(clients=clients, asof=asof, start=start, window=window,
                   control_share=_check_share(data.get("control_share", CONTROL_SHARE)),
                   seed=int(data.get("seed") or 0),
                   success_rate=None if sr is None else float(sr),
                   offer_cost=None if cost is None else float(cost),
                   currency=data.get("currency"),
                   pseudonymised=bool(data.get("pseudonymised", False)))


def campaign_from_lists(
    lists: pd.DataFrame,
    *,
    asof: Any,
    start: Any = None,
    window: str = WINDOW,
    control_share: float = CONTROL_SHARE,
    seed: int | None = None,
    success_rate: float | None = None,
    offer_cost: float | None = None,
    currency: str | None = None,
) -> Campaign:
    """Plan a campaign from plain lists: one row per client with ``list`` and ``offer``.

    Parameters
    ----------
    lists : DataFrame
        Index: client ids (unique). Columns ``list`` (strategy key), ``offer`` (text) and
        optionally ``channel``.
    asof : date-like
        Date of the lists.
    start : date-like, optional
        First day of the contacts (default: the day after ``asof``).
    window : str, default "90D"
        The measurement window.
    control_share : float, default 0.1
    seed : int, optional
        Seed of the control draw (default: the date of the lists as ``YYYYMMDD``, so every
        round draws anew and the record says how).
    success_rate, offer_cost, currency : optional
        The step-5 assumptions, recorded for step 8.

    Returns
    -------
    Campaign
    """
    asof_ts = pd.Timestamp(asof).normalize()
    start_ts = asof_ts + pd.Timedelta(days=1) if start is None else pd.Timestamp(start).normalize()
    if start_ts <= asof_ts:
        raise WorkbenchError(f"start ({start_ts.date()}) must be after the lists' date "
                             f"({asof_ts.date()}): the contacts follow the lists")
    try:
        pd.Timedelta(window)
    except (ValueError, TypeError):
        raise WorkbenchError(f"window must be a duration such as '90D'; got {window!r}") from None
    if seed is None:
        seed = int(asof_ts.strftime("%Y%m%d"))
    missing = [c for c in ("list", "offer") if c not in lists.columns]
    if missing:
        raise WorkbenchError(f"lists: columns {missing} are missing (need list, offer)")
    frame = pd.DataFrame(index=pd.Index(np.asarray(lists.index.astype(str), dtype=object),
                                        dtype="string", name="customer_id"))
    frame["list"] = lists["list"].astype("string").fillna("none").to_numpy()
    frame["offer"] = lists["offer"].astype("string").fillna("").to_numpy()
    frame["channel"] = (lists["channel"].astype("string").to_numpy() if "channel" in lists
                        else pd.array([pd.NA] * len(frame), dtype="string"))
    frame["group"] = assign_control(frame["list"].astype(str), control_share, seed).to_numpy()
    for c in ("list", "offer", "channel", "group"):
        frame[c] = frame[c].astype("string")
    return Campaign(clients=frame.sort_index(kind="mergesort"), asof=asof_ts, start=start_ts,
                    window=str(window), control_share=float(control_share), seed=int(seed),
                    success_rate=success_rate, offer_cost=offer_cost, currency=currency)


def plan_campaign(result: Any, *, control_share: float | None = None, seed: int | None = None,
                  window: str | None = None, start: Any = None) -> Campaign:
    """Hold out a random control group in each action list of step 7.

    Parameters
    ----------
    result : Deliverables
        :func:`workbench.compute_deliverables` or :func:`workbench.select_deliverables`: the
        listed clients (``scores``) with their ``strategy``, ``action`` and ``channel``.
    control_share : float, optional
        Default: the workshop file's ``plan.control_share`` (``result.settings``), else 0.1.
    seed : int, optional
        Default: the lists' date as ``YYYYMMDD``.
    window : str, optional
        The measurement window; default the result's horizon.
    start : date-like, optional
        First day of the contacts; default the day after the lists' date.

    Returns
    -------
    Campaign
        One row per listed client who has bought (leads — ``status == "potential"``, rung
        ``visitor``, ids ``lead:…`` — are left out: their conversion shows in the funnel, not
        in the transactions); each
        strategy's list is one stratum of the draw.
    """
    settings = dict(getattr(result, "settings", {}) or {})
    if control_share is None:
        control_share = settings.get("control_share")
    if control_share is None:
        control_share = CONTROL_SHARE
    scores = result.scores
    # leads convert through the funnel, not in the transactions: they are not in the campaign
    lead = pd.Series(scores.index.astype(str), index=scores.index).str.startswith("lead:")
    for col, value in (("status", "potential"), ("rung", "visitor")):
        if col in scores.columns:
            lead |= (scores[col].astype("string") == value).fillna(False).astype(bool)
    scores = scores[~lead.to_numpy(dtype=bool)]
    lists = pd.DataFrame({
        "list": scores["strategy"].astype("string").fillna("none"),
        "offer": (scores["action"].astype("string") if "action" in scores
                  else pd.Series("", index=scores.index, dtype="string")),
        "channel": (scores["channel"].astype("string") if "channel" in scores
                    else pd.Series(pd.NA, index=scores.index, dtype="string")),
    }, index=scores.index)
    return campaign_from_lists(
        lists, asof=result.asof if result.asof is not None else settings.get("asof"),
        start=start, window=window or str(settings.get("horizon") or WINDOW),
        control_share=control_share, seed=seed,
        success_rate=settings.get("success_rate"), offer_cost=settings.get("offer_cost"),
        currency=settings.get("currency"))


def write_campaign(campaign: Campaign, path: str | os.PathLike) -> Path:
    """Write the campaign record as JSON (one client per line; byte-identical on re-runs).

    Parameters
    ----------
    campaign : Campaign
    path : path
        The file, or a folder (then ``campaign.json`` in it).

    Returns
    -------
    Path
    """
    target = Path(path)
    if target.is_dir() or not target.suffix:
        target.mkdir(parents=True, exist_ok=True)
        target = target / CAMPAIGN_FILE
    data = campaign.to_dict()
    rows = data.pop("clients")
    head = json.dumps(data, ensure_ascii=False, indent=1)
    body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows)
    text = head[:-2] + ',\n "clients": [\n' + body + ("\n ]\n}\n" if rows else " ]\n}\n")
    target.write_text(text, encoding="utf-8", newline="\n")
    return target


def read_campaign(path: str | os.PathLike) -> Campaign:
    """Read a campaign record written by :func:`write_campaign` (a file, or a folder holding
    ``campaign.json``)."""
    target = Path(path)
    if target.is_dir():
        target = target / CAMPAIGN_FILE
    if not target.is_file():
        raise WorkbenchError(f"campaign record not found: {target.name}")
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise WorkbenchError(f"{target.name}: not valid JSON ({err})") from None
    return Campaign.from_dict(data, source=target.name)


# ----------------------------------------------------------------------------------------------
# Step 8: the measurement
# ----------------------------------------------------------------------------------------------


def _z(level: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(0.5 + level / 2))


def sample_size(p_control: float, uplift: float, level: float = 0.9, power: float = 0.8) -> float:
    """Clients per group needed to tell ``uplift`` from zero in a share of ``p_control``.

    The two-proportion formula ``(z_{1-α/2} + z_{power})² (p_c(1-p_c) + p_t(1-p_t)) / δ²``,
    two-sided at ``level`` (α = 1 - level), rounded up; NaN when the uplift is zero or the
    shares leave [0, 1].

    Examples
    --------
    >>> sample_size(0.5, 0.1, level=0.95, power=0.8)
    385.0
    """
    p_c, delta = float(p_control), float(uplift)
    p_t = p_c + delta
    if delta == 0 or not (0 <= p_c <= 1 and 0 <= p_t <= 1) or math.isnan(delta):
        return float("nan")
    from scipy.stats import norm

    z = _z(level) + float(norm.ppf(power))
    return float(math.ceil(z * z * (p_c * (1 - p_c) + p_t * (1 - p_t)) / (delta * delta)))


def _outcomes(campaign: Campaign, tx: pd.DataFrame) -> pd.DataFrame:
    """Per client of the record: ``bought`` (a purchase in the window) and ``revenue``."""
    clients = campaign.clients
    index = pd.Index(np.asarray(clients.index, dtype=object))
    dates = pd.to_datetime(tx["date"]).to_numpy()
    in_window = (dates >= campaign.start.to_datetime64()) & (dates < campaign.end.to_datetime64())
    pos = index.get_indexer(np.asarray(tx["customer_id"].astype(str), dtype=object))
    keep = in_window & (pos >= 0)
    pos = pos[keep]
    amount = tx["amount"].to_numpy(dtype="float64", na_value=0.0)[keep]
    n = len(index)
    revenue = np.bincount(pos, weights=amount, minlength=n)
    if "order_id" in tx.columns:
        orders = pd.DataFrame({"pos": pos, "order": np.asarray(
            tx["order_id"].astype(str).to_numpy()[keep], dtype=object), "amount": amount})
        net = orders.groupby(["pos", "order"], sort=False)["amount"].sum()
        bought_pos = net[net > 1e-6].index.get_level_values("pos").to_numpy()
    else:
        bought_pos = pos[amount > 1e-6]
    bought = np.zeros(n, dtype=bool)
    bought[bought_pos] = True
    out = clients[["list", "offer", "group"]].copy()
    out["bought"] = bought
    out["revenue"] = revenue
    return out


@dataclass
class CampaignEffect:
    """What :func:`measure_campaign` found.

    Attributes
    ----------
    table : DataFrame
        One row per list (index ``list``): ``offer`` (the offers made on it, the most
        frequent first), ``n_treated``, ``n_control``; ``buying_treated``,
        ``buying_control`` (share with a purchase in the window), ``uplift`` (their
        difference) with ``uplift_low``/``uplift_high``; ``churn_treated``, ``churn_control``
        (share with no purchase); ``revenue_treated``, ``revenue_control`` (per client),
        ``revenue_uplift`` with ``revenue_low``/``revenue_high``; ``success_rate`` (share of
        would-be leavers kept, ``1 - churn_treated / churn_control``) with ``success_low`` /
        ``success_high``; ``verdict`` (``"kept"``: the interval lies above zero, ``"lost"``:
        below, ``"unclear"``: it covers zero, ``"no_control"``); ``target_uplift`` (the effect
        the power calculation looks for: the assumed success rate times the control's churn,
        else the observed uplift) and ``needed_per_group`` (clients per group to see it, for
        unclear rows).
    overall : dict
        The same measures pooled over the lists (stratum-weighted): ``n_treated``,
        ``n_control``, ``uplift``, ``uplift_low``, ``uplift_high``, ``success_rate``,
        ``success_low``, ``success_high``, ``verdict``.
    clients : DataFrame
        Per client: ``list``, ``offer``, ``group``, ``bought``, ``revenue``.
    start, end, observed_until : Timestamp
        The window ``[start, end)`` and the last date in the transactions given.
    complete : bool
        False when the transactions stop before the window ends (then the measure covers the
        observed part only).
    level : float
        Confidence level of the intervals.
    assumed_success_rate : float or None
        What step 5 assumed (from the record).
    """

    table: pd.DataFrame
    overall: dict[str, Any]
    clients: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp
    observed_until: pd.Timestamp | None
    complete: bool
    level: float
    assumed_success_rate: float | None = None
    currency: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def success_rates(self) -> dict[str, float]:
        """List -> measured success rate (lists with a control group; clipped to [0, 1])."""
        rates = self.table.reset_index().dropna(subset=["success_rate"])
        return {f"{r['list']}": float(min(1.0, max(0.0, r["success_rate"])))
                for r in rates.to_dict("records")}

    @property
    def success_rate(self) -> float | None:
        """The pooled measured success rate, clipped to [0, 1] (None when not measurable):
        the value that replaces step 5's assumption in the next round."""
        rate = self.overall.get("success_rate")
        if rate is None or (isinstance(rate, float) and math.isnan(rate)):
            return None
        return float(min(1.0, max(0.0, rate)))


def _verdict(lo: float, hi: float, n_control: int) -> str:
    if n_control == 0 or math.isnan(lo):
        return "no_control"
    if lo > 0:
        return "kept"
    if hi < 0:
        return "lost"
    return "unclear"


def _share_interval(x_t: int, n_t: int, x_c: int, n_c: int, z: float) -> tuple[float, float]:
    """Agresti–Caffo interval of p_t - p_c."""
    if n_t == 0 or n_c == 0:
        return float("nan"), float("nan")
    pt, pc = (x_t + 1) / (n_t + 2), (x_c + 1) / (n_c + 2)
    se = math.sqrt(pt * (1 - pt) / (n_t + 2) + pc * (1 - pc) / (n_c + 2))
    d = pt - pc
    return max(-1.0, d - z * se), min(1.0, d + z * se)


def _mean_interval(a: np.ndarray, b: np.ndarray, z: float) -> tuple[float, float]:
    """Welch normal interval of mean(a) - mean(b)."""
    if len(a) < 2 or len(b) < 2:
        return float("nan"), float("nan")
    d = float(a.mean() - b.mean())
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    return d - z * se, d + z * se


def measure_campaign(
    campaign: Campaign,
    transactions: pd.DataFrame,
    *,
    level: float = 0.9,
    n_boot: int = 4000,
    seed: int = 0,
    power: float = 0.8,
) -> CampaignEffect:
    """Measure each offer against its control group in the window after the campaign.

    Parameters
    ----------
    campaign : Campaign
        The record of step 7 (:func:`read_campaign`).
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``, ``amount``, optional
        ``order_id``) covering the window; rows outside it are ignored.
    level : float, default 0.9
        Confidence level of the intervals.
    n_boot : int, default 4000
        Bootstrap draws for the success rate's interval.
    seed : int, default 0
        Seed of the bootstrap.
    power : float, default 0.8
        Power of the next round's sample-size calculation.

    Returns
    -------
    CampaignEffect

    Notes
    -----
    A client is *still buying* with at least one order of positive net amount in the window
    ``[start, start + window)``; *churn* is the opposite. Revenue is the net amount in the
    window (returns subtract), zero for clients who bought nothing. The success rate is the
    share of the control group's leavers the offer would have kept: ``1 - churn_treated /
    churn_control``; it is what :func:`workbench.retention_plan` calls ``success_rate``.

    Examples
    --------
    >>> lists = pd.DataFrame({"list": ["retain"] * 4, "offer": ["call"] * 4},
    ...                      index=["a", "b", "c", "d"])
    >>> camp = campaign_from_lists(lists, asof="2025-12-31", control_share=0.5, seed=3)
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
    ...                    "date": pd.to_datetime(["2026-01-05"] * 4),
    ...                    "amount": [100.0, 0.0, 50.0, 0.0]})
    >>> effect = measure_campaign(camp, tx)
    >>> int(effect.table["n_treated"].iloc[0]), int(effect.table["n_control"].iloc[0])
    (2, 2)
    """
    if not 0.5 <= float(level) < 1:
        raise WorkbenchError(f"level must lie in [0.5, 1); got {level!r}")
    missing = [c for c in ("customer_id", "date", "amount") if c not in transactions.columns]
    if missing:
        raise WorkbenchError(f"transactions: columns {missing} are missing")
    z = _z(float(level))
    outcomes = _outcomes(campaign, transactions)
    dates = pd.to_datetime(transactions["date"])
    observed = dates.max() if len(dates) else None
    complete = observed is not None and observed >= campaign.end - pd.Timedelta(days=1)
    rng = np.random.default_rng(seed)
    assumed = campaign.success_rate
    rows = []
    boot_t, boot_c, weights = [], [], []
    for lst, part in outcomes.groupby("list", sort=True, observed=True):
        offers = part["offer"].astype(str).value_counts(sort=True)
        offer = " / ".join(o for o in offers.index if o)
        t = part[part["group"] == "treated"]
        c = part[part["group"] == "control"]
        n_t, n_c = len(t), len(c)
        x_t, x_c = int(t["bought"].sum()), int(c["bought"].sum())
        b_t = x_t / n_t if n_t else float("nan")
        b_c = x_c / n_c if n_c else float("nan")
        lo, hi = _share_interval(x_t, n_t, x_c, n_c, z)
        r_lo, r_hi = _mean_interval(t["revenue"].to_numpy(float), c["revenue"].to_numpy(float), z)
        churn_t, churn_c = 1 - b_t, 1 - b_c
        rate = 1 - churn_t / churn_c if n_c and churn_c > 0 and n_t else float("nan")
        s_lo = s_hi = float("nan")
        if not math.isnan(rate):
            ct = rng.binomial(n_t, churn_t, n_boot) / n_t
            cc = rng.binomial(n_c, churn_c, n_boot) / n_c
            with np.errstate(divide="ignore", invalid="ignore"):
                draws = np.where(cc > 0, 1 - ct / cc, np.nan)
            s_lo, s_hi = (float(v) for v in np.nanquantile(draws, [0.5 - level / 2,
                                                                     0.5 + level / 2]))
            boot_t.append(ct)
            boot_c.append(cc)
            weights.append(n_t + n_c)
        verdict = _verdict(lo, hi, n_c)
        target = float("nan")
        if n_c and not math.isnan(b_c):
            if assumed is not None and churn_c > 0:
                target = float(assumed) * churn_c
            elif b_t != b_c:
                target = abs(b_t - b_c)
        needed = sample_size(b_c, target, level, power) if verdict == "unclear" else float("nan")
        rows.append({
            "list": lst, "offer": offer, "n_treated": n_t, "n_control": n_c,
            "buying_treated": b_t, "buying_control": b_c, "uplift": b_t - b_c,
            "uplift_low": lo, "uplift_high": hi,
            "churn_treated": churn_t, "churn_control": churn_c,
            "revenue_treated": float(t["revenue"].mean()) if n_t else float("nan"),
            "revenue_control": float(c["revenue"].mean()) if n_c else float("nan"),
            "revenue_uplift": (float(t["revenue"].mean() - c["revenue"].mean())
                               if n_t and n_c else float("nan")),
            "revenue_low": r_lo, "revenue_high": r_hi,
            "success_rate": rate, "success_low": s_lo, "success_high": s_hi,
            "verdict": verdict, "target_uplift": target, "needed_per_group": needed,
        })
    table = pd.DataFrame(rows)
    if table.empty:
        raise WorkbenchError("the campaign record lists no clients")
    table = table.set_index("list")
    overall = _pooled(table, boot_t, boot_c, weights, z, level)
    return CampaignEffect(
        table=table, overall=overall, clients=outcomes, start=campaign.start, end=campaign.end,
        observed_until=observed, complete=bool(complete), level=float(level),
        assumed_success_rate=assumed, currency=campaign.currency,
        settings={"n_boot": int(n_boot), "seed": int(seed), "power": float(power),
                  "control_share": campaign.control_share, "campaign_seed": campaign.seed},
    )


def _pooled(table: pd.DataFrame, boot_t: list, boot_c: list, weights: list, z: float,
            level: float) -> dict[str, Any]:
    """Stratum-weighted pooled uplift (normal interval) and success rate (bootstrap)."""
    ok = table[table["n_control"] > 0]
    out: dict[str, Any] = {"n_treated": int(table["n_treated"].sum()),
                           "n_control": int(table["n_control"].sum())}
    if ok.empty:
        out.update(uplift=float("nan"), uplift_low=float("nan"), uplift_high=float("nan"),
                   success_rate=float("nan"), success_low=float("nan"),
                   success_high=float("nan"), verdict="no_control")
        return out
    w = (ok["n_treated"] + ok["n_control"]).to_numpy(float)
    w = w / w.sum()
    bt, bc = ok["buying_treated"].to_numpy(float), ok["buying_control"].to_numpy(float)
    nt, nc = ok["n_treated"].to_numpy(float), ok["n_control"].to_numpy(float)
    uplift = float(np.sum(w * (bt - bc)))
    pt, pc = (bt * nt + 1) / (nt + 2), (bc * nc + 1) / (nc + 2)
    se = math.sqrt(float(np.sum(w * w * (pt * (1 - pt) / (nt + 2) + pc * (1 - pc) / (nc + 2)))))
    lo, hi = uplift - z * se, uplift + z * se
    ct_pool = float(np.sum(w * (1 - bt)))
    cc_pool = float(np.sum(w * (1 - bc)))
    rate = 1 - ct_pool / cc_pool if cc_pool > 0 else float("nan")
    s_lo = s_hi = float("nan")
    if boot_t:
        wb = np.asarray(weights, float)
        wb = wb / wb.sum()
        ct = np.sum(wb[:, None] * np.vstack(boot_t), axis=0)
        cc = np.sum(wb[:, None] * np.vstack(boot_c), axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            draws = np.where(cc > 0, 1 - ct / cc, np.nan)
        s_lo, s_hi = (float(v) for v in np.nanquantile(draws, [0.5 - level / 2, 0.5 + level / 2]))
    out.update(uplift=uplift, uplift_low=lo, uplift_high=hi, success_rate=rate,
               success_low=s_lo, success_high=s_hi, verdict=_verdict(lo, hi, int(nc.sum())))
    return out


def save_success_rate(effect: CampaignEffect, workshop: str | os.PathLike,
                      by: str = "step 8: measured") -> Any:
    """Write the measured success rate into the workshop file (the next round's step 5).

    Parameters
    ----------
    effect : CampaignEffect
    workshop : path
        The workshop file or the client's folder.
    by : str
        Recorded as who saved the decision.

    Returns
    -------
    Workshop or None
        The workshop as written; None (nothing written) when no list had a control group.
    """
    from workbench.workshop import save_decision

    rate = effect.success_rate
    if rate is None:
        return None
    return save_decision(workshop, "retention", {"success_rate": round(rate, 4)}, by=by,
                         at=effect.end.date().isoformat())


# ----------------------------------------------------------------------------------------------
# The second round's folder
# ----------------------------------------------------------------------------------------------


@dataclass
class SecondRound:
    """The campaign record and the transactions after it, as found in a data folder.

    Attributes
    ----------
    campaign : Campaign
    transactions : DataFrame
        Canonical transactions dated on or after the campaign's start, from the folder's
        transactions table and ``followup/transactions.*`` (rows present in both counted
        once).
    files : dict of str -> Path
        ``campaign`` and, when present, ``followup``.
    """

    campaign: Campaign
    transactions: pd.DataFrame
    files: dict[str, Path] = field(default_factory=dict)


def load_second_round(folder: Any, mapping: Any = None,
                      pseudonymize_key: str | bytes | None = None) -> SecondRound | None:
    """Find the first round's record and the later transactions in a data folder.

    Parameters
    ----------
    folder : DataFolder or path
        The client's folder (:func:`workbench.load_folder`) or its path.
    mapping : path or dict, optional
        Column mapping for ``followup/transactions.*``: a mapping file or dict nested by table
        (as for :func:`workbench.load_folder`; its ``transactions`` part is used) or the
        transactions mapping itself. Default: the folder's own mapping file.
    pseudonymize_key : str, optional
        Default: the environment variable ``WORKBENCH_PSEUDONYMIZE_KEY``; the follow-up export
        and the record's ids are pseudonymised like the folder's tables.

    Returns
    -------
    SecondRound or None
        None when the folder has no ``campaign.json`` (there is no first round to measure).
    """
    from collections.abc import Mapping

    from workbench.io._load import load_table
    from workbench.io._mapping import load_mapping
    from workbench.io._read import SUPPORTED_SUFFIXES, data_suffix

    path = Path(getattr(folder, "path", folder))
    record = path / CAMPAIGN_FILE
    if not record.is_file():
        return None
    campaign = read_campaign(record)
    if pseudonymize_key is None:
        pseudonymize_key = os.environ.get("WORKBENCH_PSEUDONYMIZE_KEY") or None
    if pseudonymize_key is not None and not campaign.pseudonymised:
        from workbench.io._load import pseudonymize

        ids = pseudonymize(list(campaign.clients.index), pseudonymize_key, "C")
        campaign.clients.index = pd.Index(list(ids), dtype="string", name="customer_id")
        campaign.pseudonymised = True
    files = {"campaign": record}
    parts = []
    tables = getattr(folder, "tables", None)
    if tables is not None and "transactions" in tables:
        parts.append(tables["transactions"])
    follow = path / FOLLOWUP_DIR
    if follow.is_dir():
        found = sorted(p for p in follow.iterdir() if p.is_file()
                       and p.name.lower().startswith("transactions")
                       and data_suffix(p.name) in SUPPORTED_SUFFIXES)
        if found:
            if mapping is None:
                mapping = getattr(folder, "mapping_file", None)
            if isinstance(mapping, (str, os.PathLike)):
                mapping = load_mapping(mapping)
            if isinstance(mapping, Mapping) and ("transactions" in mapping
                                                 or "options" in mapping):
                options = mapping.get("options")
                mapping = {**(mapping.get("transactions") or {}),
                           **({"options": options} if options else {})} or None
            frame, _report = load_table("transactions", found[0], mapping=mapping,
                                        pseudonymize_key=pseudonymize_key)
            parts.append(frame)
            files["followup"] = found[0]
    if not parts:
        raise WorkbenchError(f"{record.name} is there but no transactions to measure it with")
    tx = pd.concat(parts, ignore_index=True)
    tx = tx[pd.to_datetime(tx["date"]) >= campaign.start]
    tx = tx.drop_duplicates().reset_index(drop=True)
    return SecondRound(campaign=campaign, transactions=tx, files=files)


# ----------------------------------------------------------------------------------------------
# A planted effect, for tests and teaching
# ----------------------------------------------------------------------------------------------


def simulate_campaign(
    n: int = 1000,
    *,
    churn: float = 0.4,
    success_rate: float = 0.3,
    control_share: float = CONTROL_SHARE,
    seed: int = 0,
    spend: float = 100.0,
) -> tuple[Campaign, pd.DataFrame]:
    """A campaign and its follow-up transactions with a known (planted) effect.

    Every client of one list would leave with probability ``churn`` without a contact; the
    contact keeps each would-be leaver with probability ``success_rate``. A client who stays
    places one order of an exponential amount with mean ``spend`` in the window. The true
    uplift in the share still buying is ``success_rate * churn``.

    Parameters
    ----------
    n : int, default 1000
        Clients on the list.
    churn, success_rate, control_share : float
    seed : int, default 0
        Seeds both the control draw and the outcomes.
    spend : float, default 100

    Returns
    -------
    (Campaign, DataFrame)
        The record and the window's transactions (``customer_id``, ``date``, ``amount``,
        ``order_id``).
    """
    ids = pd.Index([f"S{i:06d}" for i in range(int(n))])
    lists = pd.DataFrame({"list": "retain", "offer": "call"}, index=ids)
    campaign = campaign_from_lists(lists, asof="2025-12-31", control_share=control_share,
                                   seed=seed, success_rate=None)
    rng = np.random.default_rng([int(seed), 7])
    treated = (campaign.clients["group"] == "treated").to_numpy()
    leaves = rng.random(len(ids)) < churn
    kept = treated & leaves & (rng.random(len(ids)) < success_rate)
    stays = ~leaves | kept
    who = campaign.clients.index[stays]
    days = rng.integers(0, 90, len(who))
    tx = pd.DataFrame({
        "customer_id": pd.array(list(who), dtype="string"),
        "date": campaign.start + pd.to_timedelta(days, unit="D"),
        "amount": np.round(rng.exponential(spend, len(who)) + 0.01, 2),
        "order_id": pd.array([f"F{i:06d}" for i in range(len(who))], dtype="string"),
    })
    return campaign, tx

"""Step 3 of the method: priorities against our own resources.

Step 3 (расстановка приоритетов, оценка собственных ресурсов) asks: of all the things clients
want improved, which do we do *first*, given the money and people we have? :func:`priorities`
answers it as a knapsack problem: candidate actions with a cost and an expected effect, a budget,
and the set of actions with the largest total effect that fits — exactly for up to
:data:`EXACT_MAX_ACTIONS` actions — plus the trade-off curve "what each extra rouble buys".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.errors import MissingColumnsError, WorkbenchError

__all__ = (
    "EXACT_MAX_ACTIONS",
    "WEIGHTS",
    "PriorityPlan",
    "priorities",
)

#: Largest number of actions solved exactly (meet-in-the-middle over 2 × 2^(n/2) subsets);
#: above it a greedy heuristic is used and the plan says so (``method == "greedy"``).
EXACT_MAX_ACTIONS = 25

#: Ways to turn an action's ``effect`` into its ``value`` using the IPA table (see priorities).
WEIGHTS: tuple[str, ...] = ("none", "importance", "gap")

_DECIMALS = 9  # values/costs are compared after rounding, so float noise cannot break ties


@dataclass
class PriorityPlan:
    """The result of :func:`priorities`.

    Attributes
    ----------
    actions : pandas.DataFrame
        All candidate actions in input order with ``attribute``, ``action``, ``cost``,
        ``effect``, ``weight``, ``value`` (= effect × weight) and ``chosen`` (bool).
    chosen : pandas.DataFrame
        The chosen rows of ``actions``.
    budget : float
    total_cost : float
    total_value : float
        Sum of ``value`` over the chosen actions (equals the total effect with ``weight="none"``).
    curve : pandas.DataFrame
        The trade-off curve: ``budget`` → best ``value`` reachable, with the ``cost`` and
        ``n_actions`` of that best set; one row per budget of an even grid from 0 to the cost
        of all actions (plus the chosen budget).
    method : str
        ``"exact"`` or ``"greedy"``.
    """

    actions: pd.DataFrame
    chosen: pd.DataFrame
    budget: float
    total_cost: float
    total_value: float
    curve: pd.DataFrame
    method: str


def _prepare_actions(actions: pd.DataFrame, columns: Mapping[str, str] | None) -> pd.DataFrame:
    if not isinstance(actions, pd.DataFrame):
        raise WorkbenchError(
            f"actions: expected a DataFrame with attribute, action, cost, effect; got "
            f"{type(actions).__name__}"
        )
    out = actions.rename(columns=dict(columns)) if columns else actions.copy()
    missing = [c for c in ("action", "cost", "effect") if c not in out.columns]
    if missing:
        raise MissingColumnsError(
            "actions", missing, list(out.columns), source="DataFrame",
            hint="one row per candidate action: attribute, action, cost, effect",
        )
    out = out.reset_index(drop=True)
    for col in ("cost", "effect"):
        try:
            out[col] = pd.to_numeric(out[col]).astype("float64")
        except (TypeError, ValueError) as exc:
            raise WorkbenchError(f"actions: column {col!r} must hold numbers ({exc})") from None
        bad = ~np.isfinite(out[col].to_numpy())
        if bad.any():
            first = int(np.flatnonzero(bad)[0])
            raise WorkbenchError(
                f"actions: column {col!r} is empty or not finite in row {first} "
                f"(action {out.loc[first, 'action']!r}); every action needs a cost and an effect"
            )
    neg = out["cost"] < 0
    if neg.any():
        first = int(np.flatnonzero(neg.to_numpy())[0])
        raise WorkbenchError(
            f"actions: cost must be >= 0; row {first} (action {out.loc[first, 'action']!r}) "
            f"has {out.loc[first, 'cost']:g}"
        )
    return out


def _weights(out: pd.DataFrame, ipa: pd.DataFrame | None, weight: str) -> np.ndarray:
    if weight not in WEIGHTS:
        raise WorkbenchError(f"weight must be one of {', '.join(WEIGHTS)}; got {weight!r}")
    if weight == "none":
        return np.ones(len(out))
    if ipa is None:
        raise WorkbenchError(f"weight={weight!r} needs the IPA table: pass ipa=")
    if "attribute" not in out.columns:
        raise MissingColumnsError("actions", ["attribute"], list(out.columns), source="DataFrame")
    table = ipa
    if "attribute" in ipa.columns:
        table = ipa.set_index("attribute")
    if table.index.nlevels > 1:
        raise WorkbenchError(
            "ipa: pass the IPA table of one segment (index attribute), e.g. ipa.loc['<segment>']"
        )
    needed = "importance" if weight == "importance" else "gap"
    if needed not in table.columns:
        raise MissingColumnsError("ipa", [needed], list(table.columns), source="DataFrame")
    lookup = table[needed].astype("float64")
    lookup.index = lookup.index.astype(str)
    attrs = out["attribute"].astype(str)
    unknown = sorted(set(attrs) - set(lookup.index))
    if unknown:
        raise WorkbenchError(
            f"actions: attribute(s) {unknown} are not in the IPA table (attributes there: "
            f"{list(lookup.index)})"
        )
    w = attrs.map(lookup).to_numpy(dtype="float64")
    if weight == "gap":
        w = np.clip(w, 0, None)
    return np.nan_to_num(w, nan=0.0)


# ----------------------------------------------------------------------------------------------
# Solvers. Order of preference among sets: larger value, then smaller cost, then fewer actions,
# then the set that takes earlier actions (compared as bit masks with action 0 as the most significant bit).
# ----------------------------------------------------------------------------------------------


def _subsets(cost: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Costs, values and masks of all 2^k subsets; bit (k-1-i) of a mask = action i."""
    k = len(cost)
    masks = np.arange(1 << k, dtype=np.int64)
    bits = (masks[:, None] >> (k - 1 - np.arange(k))[None, :]) & 1
    return bits @ cost, bits @ value, masks


def _popcount(masks: np.ndarray) -> np.ndarray:
    return np.bitwise_count(masks).astype(np.int64)


def _exact(cost: np.ndarray, value: np.ndarray, budget: float) -> np.ndarray:
    n = len(cost)
    half = n // 2
    tol = 1e-9 * max(1.0, abs(budget))
    ca, va, ma = _subsets(cost[:half], value[:half])
    cb, vb, mb = _subsets(cost[half:], value[half:])
    # Rank the B subsets best-first, then keep, along increasing cost, the best seen so far.
    rank = np.empty(len(cb), dtype=np.int64)
    pb = _popcount(mb)
    order_b = np.lexsort((-mb, pb, np.round(cb, _DECIMALS), -np.round(vb, _DECIMALS)))
    rank[order_b] = np.arange(len(cb))
    by_cost = np.argsort(cb, kind="mergesort")
    best_rank = np.minimum.accumulate(rank[by_cost])
    rank_to_b = np.empty(len(cb), dtype=np.int64)
    rank_to_b[rank] = np.arange(len(cb))
    fits = ca <= budget + tol
    ca, va, ma = ca[fits], va[fits], ma[fits]
    pos = np.searchsorted(cb[by_cost], budget - ca + tol, side="right") - 1
    b = rank_to_b[best_rank[pos]]
    total_v = np.round(va + vb[b], _DECIMALS)
    total_c = np.round(ca + cb[b], _DECIMALS)
    mask = (ma << (n - half)) | mb[b]
    count = _popcount(ma) + pb[b]
    best = np.lexsort((-mask, count, total_c, -total_v))[0]
    m = int(mask[best])
    return np.array([(m >> (n - 1 - i)) & 1 for i in range(n)], dtype=bool)


def _greedy(cost: np.ndarray, value: np.ndarray, budget: float) -> np.ndarray:
    n = len(cost)
    tol = 1e-9 * max(1.0, abs(budget))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(cost > 0, value / cost, np.where(value > 0, np.inf, 0.0))
    order = np.lexsort((np.arange(n), cost, -value, -ratio))
    chosen = np.zeros(n, dtype=bool)
    spent = 0.0
    for i in order:
        if value[i] <= 0 and cost[i] > 0:
            continue
        if spent + cost[i] <= budget + tol:
            chosen[i] = True
            spent += cost[i]
    # Classic safeguard (half-approximation): the best single affordable action, if better.
    affordable = np.flatnonzero(cost <= budget + tol)
    if len(affordable):
        single = affordable[np.lexsort((affordable, cost[affordable], -value[affordable]))[0]]
        if value[single] > value[chosen].sum() + 1e-12:
            chosen = np.zeros(n, dtype=bool)
            chosen[single] = True
    return chosen


def priorities(
    ipa: pd.DataFrame | None,
    actions: pd.DataFrame,
    budget: float,
    weight: str = "none",
    curve_points: int = 41,
    columns: Mapping[str, str] | None = None,
) -> PriorityPlan:
    """Choose the improvement actions with the largest expected effect within a budget.

    Parameters
    ----------
    ipa : pandas.DataFrame or None
        The output of :func:`workbench.importance_performance` (one segment), used only to
        weight effects (see ``weight``); None when effects are used as given.
    actions : pandas.DataFrame
        One row per candidate action: ``attribute`` (the survey attribute it improves),
        ``action`` (its name), ``cost`` (>= 0, in money, person-days — any one unit) and
        ``effect`` (expected improvement, e.g. in performance points or extra revenue).
    budget : float
        What we can spend, in the unit of ``cost``.
    weight : {"none", "importance", "gap"}, default "none"
        ``"none"``: value = effect. ``"importance"``: value = effect × the attribute's mean
        importance (a point of improvement counts more where clients care more). ``"gap"``:
        value = effect × max(importance − performance, 0) (only improving where we fall short
        of what matters counts; actions on attributes we already over-deliver get value 0).
    curve_points : int, default 41
        Number of budgets, evenly spaced from 0 to the cost of all actions, on which the
        trade-off curve is evaluated (the chosen ``budget`` is always added).
    columns : dict, optional
        ``{your column: canonical column}`` for ``actions``.

    Returns
    -------
    PriorityPlan
        ``actions`` (with ``weight``, ``value``, ``chosen``), ``chosen``, ``budget``,
        ``total_cost``, ``total_value``, ``curve`` (columns ``budget``, ``value``, ``cost``,
        ``n_actions``) and ``method``.

    Notes
    -----
    What to tell the client: this is the list to start with when money is limited. The curve
    shows where extra budget stops paying off — a flat stretch means the next rouble buys
    little, a jump means a slightly larger budget unlocks a valuable action.

    The choice is *exact* (0/1 knapsack solved by meet-in-the-middle enumeration: every
    combination is considered) for up to :data:`EXACT_MAX_ACTIONS` actions. Above that a greedy
    rule is used — best value per unit of cost first, then the best single action if that alone
    is better — which is usually close but not guaranteed optimal (``method == "greedy"``).
    Ties are broken deterministically: the larger value, then the smaller cost, then fewer
    actions, then the set taking actions earlier in the input order. Values and costs are compared after rounding to
    nine decimals. Effects are assumed to add up; actions that only work together should be
    entered as one combined action.

    Examples
    --------
    >>> import pandas as pd
    >>> actions = pd.DataFrame({
    ...     "attribute": ["delivery", "delivery", "price"],
    ...     "action": ["own couriers", "sms tracking", "volume discount"],
    ...     "cost": [5.0, 1.0, 3.0], "effect": [6.0, 2.0, 3.0]})
    >>> plan = priorities(None, actions, budget=6)
    >>> plan.chosen["action"].tolist(), plan.total_cost, plan.total_value
    (['own couriers', 'sms tracking'], 6.0, 8.0)
    """
    acts = _prepare_actions(actions, columns)
    try:
        budget_f = float(budget)
    except (TypeError, ValueError):
        budget_f = math.nan
    if not (math.isfinite(budget_f) and budget_f >= 0):
        raise WorkbenchError(f"budget must be a number >= 0; got {budget!r}")
    if isinstance(curve_points, bool) or not isinstance(curve_points, int) or curve_points < 2:
        raise WorkbenchError(f"curve_points must be a whole number >= 2; got {curve_points!r}")
    acts["weight"] = _weights(acts, ipa, weight)
    acts["value"] = acts["effect"] * acts["weight"]
    cost = acts["cost"].to_numpy(dtype="float64")
    value = acts["value"].to_numpy(dtype="float64")
    exact = len(acts) <= EXACT_MAX_ACTIONS
    solve = _exact if exact else _greedy

    def run(b: float) -> np.ndarray:
        if len(acts) == 0:
            return np.zeros(0, dtype=bool)
        return solve(cost, value, b)

    chosen = run(budget_f)
    acts["chosen"] = chosen
    grid = np.unique(np.append(np.linspace(0.0, float(cost.sum()), curve_points), budget_f))
    rows = []
    for b in grid:
        pick = run(float(b))
        rows.append({"budget": float(b), "value": float(value[pick].sum()),
                     "cost": float(cost[pick].sum()), "n_actions": int(pick.sum())})
    curve = pd.DataFrame(rows, columns=["budget", "value", "cost", "n_actions"])
    curve["n_actions"] = curve["n_actions"].astype("int64")
    return PriorityPlan(
        actions=acts,
        chosen=acts.loc[acts["chosen"]].copy(),
        budget=budget_f,
        total_cost=float(cost[chosen].sum()),
        total_value=float(value[chosen].sum()),
        curve=curve,
        method="exact" if exact else "greedy",
    )

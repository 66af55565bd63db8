"""Step 3 read aloud: the priority plan and its trade-off curve.

Sentences and the display table over :func:`workbench.priorities.priorities`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.i18n import check_language, t
from workbench.narrative._format import money, number, numbers, percent, quantity
from workbench.priorities import PriorityPlan

__all__ = ("describe_priorities", "describe_tradeoff", "format_actions", "format_priorities")


def _amount(x: float, language: str) -> str:
    """A budget or cost: money, whole from 1000 up, else up to two decimals (``5.5``, ``6``)."""
    return money(x, language, digits=0 if abs(x) >= 1000 else 2, trim=True)


def _value(x: float, language: str) -> str:
    """An effect or value: two decimals at most (``7.82``, ``8``), whole from 1000 up."""
    return number(x, 0 if abs(x) >= 1000 else 2, language, trim=True)


def describe_priorities(plan: PriorityPlan, language: str | None = None) -> str:
    """Read a priority plan aloud: the budget, the chosen actions, their cost and effect.

    Parameters
    ----------
    plan : PriorityPlan
        The output of :func:`priorities`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        "With a budget of B we choose n actions: ... The cost is C, the expected effect V."
        (or that no action fits), plus a note when the greedy rule was used.

    Examples
    --------
    >>> import pandas as pd
    >>> from workbench.priorities import priorities
    >>> actions = pd.DataFrame({"action": ["couriers", "sms"], "cost": [5.0, 1.0],
    ...                         "effect": [6.0, 2.0]})
    >>> print(describe_priorities(priorities(None, actions, budget=5.5)))
    With a budget of 5.5 we choose 1 action: couriers. The cost is 5, the expected effect 6.
    """
    language = check_language(language)
    if plan.chosen.empty:
        text = t("prio.describe_none", language, budget=_amount(plan.budget, language))
    else:
        text = t("prio.describe", language, budget=_amount(plan.budget, language),
                 actions=quantity(len(plan.chosen), "action", language), names=", ".join(map(str, plan.chosen["action"])),
                 cost=_amount(plan.total_cost, language),
                 value=_value(plan.total_value, language))
    if plan.method != "exact":
        text += " " + t("prio.greedy_note", language)
    return text


def describe_tradeoff(plan: PriorityPlan, language: str | None = None) -> str:
    """Read the trade-off curve aloud: what the whole list would give, and what more money buys.

    Parameters
    ----------
    plan : PriorityPlan
        The output of :func:`priorities`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The cost and effect of doing every action; the share of that effect the chosen budget
        buys; the smallest budget on the curve reaching half of it; and the next budget on the
        curve that buys more than the chosen one, with what it adds (omitted at the top).

    Notes
    -----
    The curve is evaluated on the grid of :func:`priorities` (``curve_points``), so "the
    smallest budget reaching half" is the smallest *grid* budget; a finer grid gives a finer
    answer. Read it with the client as "the first half of the effect costs this much; the
    second half costs the rest" — the usual shape is that a few cheap actions carry most of
    the effect.

    Examples
    --------
    >>> import pandas as pd
    >>> from workbench.priorities import priorities
    >>> actions = pd.DataFrame({"action": ["couriers", "sms", "discount"],
    ...                         "cost": [5.0, 1.0, 4.0], "effect": [6.0, 2.0, 2.0]})
    >>> plan = priorities(None, actions, budget=6, curve_points=11)
    >>> print(describe_tradeoff(plan))
    Doing all 3 actions costs 10 and brings 10. The budget of 6 buys 80% of that. Half of the total effect needs a budget of 5. Raising the budget to 10 adds 2.
    """
    language = check_language(language)
    acts = plan.actions
    if acts.empty:
        return t("prio.tradeoff_empty", language)
    full_cost = float(acts["cost"].sum())
    curve = plan.curve.sort_values("budget", kind="mergesort")
    full_value = float(curve["value"].max())
    text = t("prio.tradeoff_full", language, actions=quantity(len(acts), "action", language),
             cost=_amount(full_cost, language),
             value=_value(full_value, language))
    if full_value <= 0:
        return text
    text += " " + t("prio.tradeoff_share", language, budget=_amount(plan.budget, language),
                    share=percent(plan.total_value / full_value, language=language))
    half = curve.loc[curve["value"] >= full_value / 2 - 1e-9, "budget"]
    if len(half):
        text += " " + t("prio.tradeoff_half", language, budget=_amount(float(half.iloc[0]), language))
    more = curve.loc[(curve["budget"] > plan.budget)
                     & (curve["value"] > plan.total_value + 1e-9)]
    if len(more):
        nxt = more.iloc[0]
        text += " " + t("prio.tradeoff_next", language, budget=_amount(float(nxt["budget"]), language),
                        value=_value(float(nxt["value"]) - plan.total_value, language))
    return text


def format_actions(actions: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the candidate actions (the workshop file's ``actions:``) for display.

    Parameters
    ----------
    actions : pandas.DataFrame
        Columns ``attribute`` (optional), ``action``, ``cost``, ``effect``, as
        :meth:`workbench.Workshop.actions` returns them.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Translated headers; cost and effect in the language's marks, as entered (no trailing
        zero decimals); other columns of the file are left out.
    """
    language = check_language(language)
    cols = {"attribute": "ipa.attribute", "action": "prio.action", "cost": "prio.cost",
            "effect": "prio.effect"}
    out = actions[[c for c in cols if c in actions.columns]].copy()
    out = numbers(out, {"cost": 2, "effect": 2}, language, trim=("cost", "effect"))
    out = out.rename(columns={c: t(k, language) for c, k in cols.items()})
    return out.reset_index(drop=True)


def format_priorities(plan: PriorityPlan, language: str | None = None) -> pd.DataFrame:
    """Return the candidate actions for display: chosen first, translated headers.

    Parameters
    ----------
    plan : PriorityPlan
        The output of :func:`priorities`.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Columns (translated): attribute (when given), action, cost, effect, value (effect ×
        weight, two decimals), chosen ("yes"/"no"); chosen actions first, then by value per
        unit of cost.
    """
    language = check_language(language)
    acts = plan.actions
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(acts["cost"] > 0, acts["value"] / acts["cost"], np.inf)
    order = np.lexsort((np.arange(len(acts)), -ratio, ~acts["chosen"].to_numpy(dtype=bool)))
    acts = acts.iloc[order]
    cols = {"attribute": "ipa.attribute", "action": "prio.action", "cost": "prio.cost",
            "effect": "prio.effect", "value": "prio.value", "chosen": "prio.chosen"}
    out = acts[[c for c in cols if c in acts.columns]].copy()
    out = numbers(out, {"cost": 2, "effect": 2, "value": 2}, language, trim=("cost", "effect"))
    out["chosen"] = [t("common.yes" if v else "common.no", language) for v in out["chosen"]]
    out = out.rename(columns={c: t(k, language) for c, k in cols.items()})
    return out.reset_index(drop=True)

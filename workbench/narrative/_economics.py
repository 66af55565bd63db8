"""Step 5 read aloud (economics): the retention plan, its roll-up and the money confusion table.

Sentences and display tables over :mod:`workbench.economics`, which returns numbers and keys.
"""

from __future__ import annotations

import pandas as pd

from workbench.economics import RetentionPlan, money_confusion, retention_plan  # noqa: F401
from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, decimal, money, number, percent

__all__ = (
    "describe_money_confusion",
    "describe_retention_plan",
    "format_retention_segments",
)


def _segment_label(value: object, language: str) -> str:
    """Display name of a roll-up group: a ladder rung or strategy when known, else as is."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return t("econ.col.missing", language)
    text = str(value)
    for prefix in ("ladder.rung.", "strategy."):
        if has(prefix + text):
            return t(prefix + text, language)
    return text


def describe_retention_plan(plan: RetentionPlan, language: str | None = None) -> str:
    """Read a :func:`retention_plan` aloud: whom to target, what it costs and brings.

    Parameters
    ----------
    plan : RetentionPlan
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The offer's cost and success rate (when single numbers), the number of clients it
        pays to target, the expected net gain with the cost of the offers and the expected
        saving, the value at risk over all clients and among those targeted; with a roll-up,
        the group that brings most of the gain.

    Examples
    --------
    >>> p = pd.Series([0.8, 0.1], index=pd.Index(["a", "b"], name="customer_id"))
    >>> v = pd.Series([1000.0, 1000.0], index=p.index)
    >>> print(describe_retention_plan(retention_plan(p, v, 50, 0.3)))
    ... # doctest: +NORMALIZE_WHITESPACE
    With an offer costing 50 per client that keeps 30% of would-be leavers, it pays to make it
    to 1 of 2 clients: expected net gain 190 (the offers cost 50 and are expected to save
    240). Value at risk over the horizon: 900 across all clients, 800 (89%) among those
    targeted.
    """
    language = check_language(language)
    table = plan.table
    var_all = float(table["value_at_risk"].sum())
    if plan.n_target == 0:
        return t("econ.describe.plan_none", language, total=count(len(table), language),
                 var_all=money(var_all, language))
    tg = plan.targets
    var_t = float(tg["value_at_risk"].sum())
    common = {
        "n": count(plan.n_target, language), "total": count(len(table), language),
        "gain": money(plan.total_gain, language), "var_all": money(var_all, language),
        "var_t": money(var_t, language),
        "var_share": percent(var_t / var_all, language=language) if var_all > 0 else "—",
    }
    if plan.offer_cost is not None and plan.success_rate is not None:
        spend = plan.offer_cost * plan.n_target
        text = t("econ.describe.plan", language, cost=money(plan.offer_cost, language),
                 rate=percent(plan.success_rate, language=language), spend=money(spend, language),
                 saved=money(plan.total_gain + spend, language), **common)
    else:
        text = t("econ.describe.plan_generic", language, **common)
    seg = plan.by_segment
    if seg is not None and len(seg) and plan.total_gain > 0:
        best = seg.sort_values("expected_gain", ascending=False, kind="mergesort").iloc[0]
        if best["expected_gain"] > 0:
            text += " " + t(
                "econ.describe.plan_segment", language,
                segment=_segment_label(best.name, language),
                n=count(best["n_target"], language), gain=money(best["expected_gain"], language),
                share=percent(float(best["expected_gain"]) / plan.total_gain, language=language),
            )
    return text


def format_retention_segments(plan: RetentionPlan, language: str | None = None) -> pd.DataFrame:
    """Return the roll-up of a :func:`retention_plan` for display, in the chosen language.

    Parameters
    ----------
    plan : RetentionPlan
        A plan computed with ``segments``.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        One row per group (display name as index), most expected gain first: clients, clients
        to target, value at risk and expected net gain (whole money units, with the client's
        currency), mean churn probability in percent; headers in the chosen language, numbers
        as text in its marks (``511 441 ₽``, ``1,175``).
    """
    language = check_language(language)
    seg = plan.by_segment
    if seg is None:
        raise WorkbenchError(
            "this plan has no roll-up: call retention_plan(..., segments=...) first"
        )
    seg = seg.sort_values(["expected_gain", "value_at_risk"], ascending=False, kind="mergesort")
    out = pd.DataFrame(
        {
            t("econ.col.n", language): [count(v, language) for v in seg["n"]],
            t("econ.col.n_target", language): [count(v, language) for v in seg["n_target"]],
            t("econ.col.value_at_risk", language): [money(v, language)
                                                    for v in seg["value_at_risk"]],
            t("econ.col.expected_gain", language): [money(v, language)
                                                    for v in seg["expected_gain"]],
            t("econ.col.mean_probability", language): [
                number(100 * v, 0, language) for v in seg["mean_probability"]],
        },
        index=pd.Index([_segment_label(v, language) for v in seg.index],
                       name=t("econ.col.segment", language)),
    )
    return out


def describe_money_confusion(frame: pd.DataFrame, language: str | None = None) -> str:
    """Read a :func:`money_confusion` table aloud: the back-tested result of a threshold.

    Parameters
    ----------
    frame : pandas.DataFrame
        The result of :func:`money_confusion` (with its ``attrs``).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The threshold, clients contacted and how many of them left, the net result (saved on
        leavers, spent on clients who stayed), and the leavers not contacted with the value
        they took.

    Examples
    --------
    >>> p = pd.Series([0.9, 0.7, 0.2], index=["a", "b", "c"])
    >>> y = pd.Series([1, 0, 1], index=["a", "b", "c"])
    >>> mc = money_confusion(p, y, 1000.0, 100.0, 0.5, threshold=0.5)
    >>> print(describe_money_confusion(mc))  # doctest: +NORMALIZE_WHITESPACE
    Back-test: had every client with a probability of at least 0.50 got the offer, 2 clients
    would have been contacted, 1 of whom then left. Net result 300: 400 saved on leavers, 100
    spent on clients who stayed anyway. 1 leavers were not contacted; they took 1,000 with
    them.
    """
    language = check_language(language)
    a = frame.attrs
    return t(
        "econ.describe.confusion", language, threshold=decimal(a["threshold"], 2, language),
        n=count(a["n_targeted"], language),
        tp=count(frame.loc[("churned", "targeted"), "n"], language),
        net=money(a["net"], language), saved=money(a["saved"], language),
        wasted=money(-a["wasted"], language),
        fn=count(frame.loc[("churned", "not_targeted"), "n"], language),
        missed=money(-a["missed"], language),
    )

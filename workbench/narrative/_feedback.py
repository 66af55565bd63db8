"""Step 8 read aloud: NPS, complaints and refusals, the funnel, the loop check.

Sentences and the display table over the results of :mod:`workbench.feedback`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.feedback import LEAD_STAGES, ComplaintsSummary, LoopCheck
from workbench.i18n import check_language, t
from workbench.narrative._format import (
    count,
    date,
    decimal,
    number,
    percent,
    plural,
    quantity,
)

__all__ = (
    "describe_complaints",
    "describe_funnel",
    "describe_loop_check",
    "describe_nps",
    "describe_plan",
    "describe_refusals",
    "describe_second_round",
    "format_open_complaints",
)


def _pct(value: object, language: str, digits: int = 0) -> str:
    return percent(value, digits, language)


def _group_name(key: object, language: str) -> str:
    if isinstance(key, tuple):
        return " / ".join(_group_name(k, language) for k in key)
    return t("nps.all", language) if key == "all" else str(key)



def describe_nps(result: pd.DataFrame, language: str | None = None) -> str:
    """Read an NPS table aloud: the score and its interval, or the best and worst group.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`nps`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        For one row: NPS with its interval, the number of answers and the shares of promoters
        and detractors. For several groups: the highest and the lowest NPS, and whether their
        intervals overlap (if they do, the difference may be chance).

    Examples
    --------
    >>> from workbench.feedback import nps
    >>> print(describe_nps(nps(pd.Series([10, 9, 8, 6, 0]))))
    NPS = 0 (−78 to +78) from 5 answers: 40% promoters, 40% detractors.
    """
    language = check_language(language)
    valid = result.loc[result["n"] > 0]
    if valid.empty:
        return t("nps.no_answers", language)
    if len(result) == 1:
        r = valid.iloc[0]
        return t(
            "nps.summary", language, nps=number(r["nps"], 0, language, sign=True),
            low=number(r["ci_low"], 0, language, sign=True),
            high=number(r["ci_high"], 0, language, sign=True),
            answers=quantity(int(r["n"]), "answer", language, case="dat"),
            promoters=percent(r["promoters"], language=language),
            detractors=percent(r["detractors"], language=language),
        )
    best, worst = valid["nps"].idxmax(), valid["nps"].idxmin()
    text = t(
        "nps.summary_groups", language, groups=quantity(len(valid), "group", language),
        best=_group_name(best, language),
        best_nps=number(valid.loc[best, "nps"], 0, language, sign=True),
        worst=_group_name(worst, language),
        worst_nps=number(valid.loc[worst, "nps"], 0, language, sign=True),
    )
    overlap = valid.loc[best, "ci_low"] <= valid.loc[worst, "ci_high"]
    return text + " " + t("nps.overlap" if overlap else "nps.separate", language)



def _complaints_overview(summary: ComplaintsSummary, language: str) -> str:
    o = summary.overview
    n = int(o["n_complaints"])
    days = o["median_days"]
    text = t(
        "compl.summary",
        language,
        complaints=quantity(n, "complaint", language),
        resolved=percent(float(o["share_resolved"]) if n else 0.0, language=language),
        days=quantity(float(days), "day", language, digits=1) if pd.notna(days) else "—",
        open=count(o["n_open"], language),
    )
    if summary.churn is not None and len(summary.churn):
        rates = summary.churn["churn_rate"]
        text += " " + t(
            "compl.churn_summary",
            language,
            never=_pct(rates.get("never_complained"), language),
            resolved=_pct(rates.get("resolved"), language),
            unresolved=_pct(rates.get("unresolved"), language),
        )
    return text


def describe_complaints(summary: ComplaintsSummary, language: str | None = None,
                        topics: bool = True) -> str:
    """Read a complaints summary aloud: volume, resolution, churn, and the topics behind them.

    Parameters
    ----------
    summary : ComplaintsSummary
        The output of :func:`complaints_summary`.
    language : {"en", "ru"}, optional
    topics : bool, default True
        Add the sentences on topics (False: the overview only).

    Returns
    -------
    str
        Complaints, share resolved, median days to resolve, open; with transactions the churn
        of the three groups; then the most frequent topic, the slowest to resolve (by median
        days) and the topic with the most open complaints.
    """
    language = check_language(language)
    text = _complaints_overview(summary, language)
    cats = summary.by_category
    if not topics or not len(cats):
        return text
    top = cats.index[0]
    timed = cats["median_days"].dropna()
    slow = timed.sort_values(ascending=False, kind="mergesort")
    text += " " + t(
        "compl.topics", language, top=str(top),
        top_share=percent(cats["share"].iloc[0], language=language),
        slow=str(slow.index[0]) if len(slow) else "—",
        slow_days=quantity(float(slow.iloc[0]), "day", language) if len(slow) else "—",
    )
    open_n = (cats["complaints"] - cats["resolved"]).sort_values(ascending=False, kind="mergesort")
    if len(open_n) and open_n.iloc[0] > 0:
        text += " " + t(
            "compl.topics_open", language, category=str(open_n.index[0]),
            n_open=count(open_n.iloc[0], language),
            n=count(cats.loc[open_n.index[0], "complaints"], language),
        )
    return text



def describe_refusals(summary: ComplaintsSummary, language: str | None = None, cutoff: float = 0.8) -> str:
    """Read the refusal reasons (отказные листы) aloud, Pareto style.

    Parameters
    ----------
    summary : ComplaintsSummary
        The output of :func:`complaints_summary`.
    language : {"en", "ru"}, optional
    cutoff : float, default 0.8
        Name the fewest reasons that together explain at least this share of refusals.

    Returns
    -------
    str
        The number of refusals, and the top reasons (with their shares) that reach ``cutoff``.
    """
    language = check_language(language)
    ref = summary.refusals
    total = int(ref["count"].sum()) if len(ref) else 0
    if total == 0:
        return t("compl.no_refusals", language)
    k = int(np.searchsorted(ref["cumulative_share"].to_numpy() - 1e-9, cutoff) + 1)
    k = min(k, len(ref))
    reasons = ", ".join(
        f"{name} ({percent(share, language=language)})"
        for name, share in ref["share"].iloc[:k].items()
    )
    return t(
        "compl.refusals", language, refusals=quantity(total, "refusal", language),
        k=count(k, language), m=quantity(len(ref), "reason", language, case="gen"),
        share=percent(ref["cumulative_share"].iloc[k - 1], language=language), reasons=reasons,
    )



def describe_funnel(result: pd.DataFrame, language: str | None = None) -> str:
    """Read a sales funnel aloud: leads, deals, the step conversions and the best source.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`funnel` (with or without a group column).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Leads, deals and overall conversion, the conversion of each step (over all groups);
        with a group column, the groups with the highest and lowest overall conversion.

    Examples
    --------
    >>> from workbench.feedback import funnel
    >>> leads = pd.DataFrame({"stage": ["call", "call", "proposal", "deal"]})
    >>> print(describe_funnel(funnel(leads, by=None)))
    Of 4 leads, 1 became a client (25.0%). Step conversions: Calls → Proposals 50%, \
Proposals → Meetings 50%, Meetings → Deals 100%.
    """
    language = check_language(language)
    std = ("stage", "reached", "step_conversion", "overall_conversion")
    groups = [c for c in result.columns if c not in std]
    reached = result.groupby("stage", sort=False)["reached"].sum().reindex(list(LEAD_STAGES))
    reached = reached.fillna(0).astype("int64")
    n, deals = int(reached.iloc[0]), int(reached.iloc[-1])
    steps = ", ".join(
        f"{t(f'funnel.stage.{a}', language)} → {t(f'funnel.stage.{b}', language)} "
        f"{_pct(reached[b] / reached[a] if reached[a] else np.nan, language)}"
        for a, b in zip(LEAD_STAGES[:-1], LEAD_STAGES[1:], strict=True)
    )
    text = t(
        "funnel.describe", language, leads=quantity(n, "lead", language, case="gen"),
        deals=count(deals, language),
        became=plural(deals, t("funnel.became", language), language),
        rate=percent(deals / n if n else 0.0, 1, language), steps=steps,
    )
    if groups:
        last = result.loc[result["stage"] == LEAD_STAGES[-1]].set_index(groups[0])
        rates = last["overall_conversion"].dropna()
        if len(rates) > 1:
            best = rates.sort_values(ascending=False, kind="mergesort")
            text += " " + t(
                "funnel.describe_sources", language, best=str(best.index[0]),
                best_rate=percent(best.iloc[0], 1, language), worst=str(best.index[-1]),
                worst_rate=percent(best.iloc[-1], 1, language),
            )
    return text



def describe_plan(plan: pd.DataFrame, language: str | None = None) -> str:
    """Read a backwards plan aloud: the work needed at every stage for the target.

    Parameters
    ----------
    plan : DataFrame
        The output of :func:`plan_backwards`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The target, the chain of stages with the numbers needed, and the step conversions.

    Examples
    --------
    >>> from workbench.feedback import plan_backwards
    >>> print(describe_plan(plan_backwards(1, [0.5, 0.1, 0.25])))
    To win 1 new client the funnel needs: Calls 80 → Proposals 40 → Meetings 4 → Deals 1 \
(step conversions 50%, 10%, 25%).
    """
    language = check_language(language)
    chain = " → ".join(
        f"{t(f'funnel.stage.{s}', language)} {count(v, language)}"
        for s, v in plan["needed"].items()
    )
    convs = ", ".join(_pct(c, language) for c in plan["conversion"].iloc[1:])
    target = int(plan["needed"].iloc[-1])
    return t("funnel.plan", language, target=quantity(target, "new_customer", language, case="gen"),
             chain=chain, convs=convs)



def describe_loop_check(loop: LoopCheck, language: str | None = None, lift: bool = True) -> str:
    """Read a loop check aloud: hit rate and recall, and how much better than random.

    Parameters
    ----------
    loop : LoopCheck
        The output of :func:`loop_check`.
    language : {"en", "ru"}, optional
    lift : bool, default True
        Add the sentence on the lift (False: hit rate and recall only).

    Returns
    -------
    str
        How many predicted leavers left, and what share of the leavers the list caught; then
        the lift over the base rate (a lift under 1.2 is read as "barely better than random").
    """
    language = check_language(language)
    m = loop.metrics
    text = t(
        "loop.summary",
        language,
        predicted=quantity(int(m["n_predicted"]), "customer", language, case="gen"),
        hit=_pct(m["hit_rate"], language),
        left=quantity(int(m["n_left"]), "customer", language),
        recall=_pct(m["recall"], language),
    )
    if lift and pd.notna(m["lift"]):
        key = "loop.lift" if m["lift"] >= 1.2 else "loop.lift_weak"
        text += " " + t(key, language, lift=decimal(m["lift"], 1, language),
                        base=_pct(m["base_rate"], language))
    return text



def describe_second_round(
    loop: LoopCheck,
    scores: pd.Series | None = None,
    threshold: float = 0.5,
    language: str | None = None,
) -> str:
    """Say what the loop check feeds into the second round (второй круг).

    Parameters
    ----------
    loop : LoopCheck
        The output of :func:`loop_check`.
    scores : Series, optional
        Today's churn probabilities (index = customer), e.g. from
        :meth:`workbench.ChurnModel.predict_proba` at the end of the data.
    threshold : float, default 0.5
        The risk line of the next retention list.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        How many clients were predicted and left (the win-back list), left unpredicted (to
        learn from) and were predicted but stayed; with ``scores``, how many clients are at or
        above ``threshold`` today — the list for the next round.

    Notes
    -----
    The method is a cycle: step 8 checks what happened and hands the lists back to steps 5
    and 6. Lost clients are won back one by one, by their reasons; the unpredicted leavers
    show what the model does not see yet.
    """
    language = check_language(language)
    counts = loop.customers["outcome"].value_counts()
    text = t(
        "loop.second_round", language,
        caught=count(counts.get("caught", 0), language),
        missed=count(counts.get("missed", 0), language),
        false_alarm=count(counts.get("false_alarm", 0), language),
    )
    if scores is not None:
        values = pd.to_numeric(scores, errors="coerce")
        text += " " + t(
            "loop.next_list", language, n_high=count((values >= threshold).sum(), language),
            customers=quantity(int(values.notna().sum()), "customer", language, case="gen"),
            threshold=percent(threshold, language=language),
        )
    return text



def format_open_complaints(summary: ComplaintsSummary, language: str | None = None,
                           max_age_days: float | None = None) -> pd.DataFrame:
    """Return the open complaints, oldest first, as a display table with translated headers.

    Parameters
    ----------
    summary : ComplaintsSummary
        The output of :func:`complaints_summary`.
    language : {"en", "ru"}, optional
    max_age_days : float, optional
        Leave out complaints open for longer (stale records: a data-quality flag, see
        :func:`workbench.stale_open_complaints`, not a call list).

    Returns
    -------
    DataFrame
        Columns (translated): client, date received (in the language's format), category,
        channel and days open (whole days at ``asof``).
    """
    language = check_language(language)
    o = summary.open
    if max_age_days is not None:
        o = o[o["age_days"].to_numpy(dtype=float) <= float(max_age_days)]
    return pd.DataFrame(
        {
            t("compl.customer", language): o["customer_id"].astype(str).to_numpy(),
            t("compl.date", language): [date(d, language) for d in pd.to_datetime(o["date"])],
            t("compl.category", language): o["category"].astype(str).to_numpy(),
            t("compl.channel", language): o["channel"].astype(str).to_numpy(),
            t("compl.age_days", language): np.floor(o["age_days"].to_numpy(dtype=float))
            .astype("int64"),
        }
    )

"""The second round read aloud: the control group of step 7 and the measured effect of step 8.

Sentences and the display table over :mod:`workbench.campaign`.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from workbench.campaign import CAMPAIGN_FILE, FOLLOWUP_DIR, Campaign, CampaignEffect
from workbench.i18n import check_language, has, t
from workbench.narrative._format import (
    count,
    date,
    money,
    number,
    percent,
    plural,
    quantity,
)

__all__ = (
    "describe_campaign",
    "describe_campaign_effect",
    "describe_no_campaign",
    "format_campaign",
    "format_campaign_effect",
)


def _list_name(key: Any, language: str) -> str:
    for name in (f"strategy.{key}", f"offer.strategy.{key}"):
        if has(name):
            return t(name, language)
    return str(key)




def _pp(x: float, language: str) -> str:
    """A share difference as «clients in 100»: whole clients, one decimal below one."""
    v = abs(100 * float(x))
    return number(v, 1 if v < 0.95 else 0, language)


def _signed(x: float, language: str, sign: bool = True) -> str:
    v = 100 * float(x)
    return number(v, 1 if abs(v) < 0.95 else 0, language, sign=sign)


def describe_campaign(campaign: Campaign, language: str | None = None) -> str:
    """Say who is contacted, who is held out, from when and until when, and how it was drawn.

    Parameters
    ----------
    campaign : Campaign
        :func:`workbench.campaign.plan_campaign`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
    """
    lang = check_language(language)
    clients = campaign.clients
    if campaign.control_share == 0 or (clients["group"] == "control").sum() == 0:
        return t("campaign.plan_none", lang)
    counts = campaign.counts()
    n_lists = int(clients["list"].nunique())
    last_day = campaign.end - pd.Timedelta(days=1)
    text = t("campaign.plan", lang,
             n=quantity(len(clients), "customer", lang),
             lists=f"{count(n_lists, lang)}{chr(160) if lang == 'ru' else ' '}"
                   f"{plural(n_lists, t('campaign.list_word', lang), lang)}",
             asof=date(campaign.asof, lang), start=date(campaign.start, lang),
             treated=quantity(int((clients['group'] == 'treated').sum()), "customer", lang),
             control=quantity(int((clients['group'] == 'control').sum()), "customer", lang),
             share=percent(campaign.control_share, 0, lang), seed=campaign.seed,
             end=date(last_day, lang))
    empty = counts[counts["control"] == 0]
    if len(empty):
        names = sorted({_list_name(k, lang) for k in empty.index})
        text += " " + t("campaign.small_lists", lang, lists=", ".join(names))
    return text


def format_campaign(campaign: Campaign, language: str | None = None) -> pd.DataFrame:
    """Clients per list: contacted, control (not contacted), total — headers in the language."""
    lang = check_language(language)
    counts = campaign.counts()
    return pd.DataFrame({
        t("campaign.col.n_treated", lang): [count(v, lang) for v in counts["treated"]],
        t("campaign.col.n_control", lang): [count(v, lang) for v in counts["control"]],
        t("campaign.col.total", lang): [count(v, lang) for v in counts["total"]],
    }, index=pd.Index([_list_name(k, lang) for k in counts.index],
                      name=t("campaign.col.list", lang)))


def describe_no_campaign(language: str | None = None) -> str:
    """The one sentence shown when a folder has no campaign record: how to get one."""
    return t("campaign.none", check_language(language), file=CAMPAIGN_FILE,
             followup=f"{FOLLOWUP_DIR}/transactions.csv")


def _power_text(row: dict, effect: CampaignEffect, lang: str) -> str:
    needed = row["needed_per_group"]
    if needed is None or (isinstance(needed, float) and math.isnan(needed)):
        return ""
    if effect.assumed_success_rate is not None:
        what = t("campaign.what_assumed", lang, rate=percent(effect.assumed_success_rate, 0, lang),
                 d=_pp(row["target_uplift"], lang))
    else:
        what = t("campaign.what_observed", lang, d=_pp(row["target_uplift"], lang))
    size = row["n_treated"] + row["n_control"]
    share = needed / size if size else float("inf")
    if share > 0.5:
        return t("campaign.power_big", lang, what=what,
                 n=quantity(needed, "customer", lang, case="gen"))
    return t("campaign.power", lang, what=what, n=quantity(needed, "customer", lang, case="gen"),
             n_control=quantity(needed, "customer", lang, case="gen"),
             share=percent(share, 0, lang))


def describe_campaign_effect(effect: CampaignEffect, language: str | None = None) -> str:
    """Read the measurement aloud: the window, one verdict per list, the measured success rate.

    Parameters
    ----------
    effect : CampaignEffect
        :func:`workbench.campaign.measure_campaign`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Paragraphs: which round and window; per list «of every 100 clients contacted, N more
        were still buying (between a and b)» or «no effect distinguishable from zero … the next
        round needs about N clients in each group»; the pooled success rate that replaces the
        step-5 assumption.
    """
    lang = check_language(language)
    cur = effect.currency
    level = percent(effect.level, 0, lang)
    last_day = effect.end - pd.Timedelta(days=1)
    overall = effect.overall
    head = t("campaign.window", lang, asof=date(effect.start - pd.Timedelta(days=1), lang),
             treated=quantity(overall["n_treated"], "customer", lang),
             control=quantity(overall["n_control"], "customer", lang),
             start=date(effect.start, lang), end_incl=date(last_day, lang))
    if not effect.complete and effect.observed_until is not None:
        head += " " + t("campaign.partial", lang, observed=date(effect.observed_until, lang),
                        end_incl=date(last_day, lang))
    paragraphs = [head]
    table = effect.table.reset_index()
    for row in table.to_dict("records"):
        name = _list_name(row["list"], lang)
        verdict = row["verdict"]
        if verdict == "no_control":
            paragraphs.append(t("campaign.row.no_control", lang, list=name,
                                nt=count(row["n_treated"], lang)))
            continue
        crosses = verdict == "unclear"
        values = dict(list=name, lo=_signed(row["uplift_low"], lang, crosses),
                      hi=_signed(row["uplift_high"], lang, crosses), level=level,
                      bt=percent(row["buying_treated"], 0, lang),
                      bc=percent(row["buying_control"], 0, lang),
                      rt=money(row["revenue_treated"], lang, cur),
                      rc=money(row["revenue_control"], lang, cur),
                      nt=count(row["n_treated"], lang), nc=count(row["n_control"], lang))
        if verdict in ("kept", "lost"):
            text = t(f"campaign.row.{verdict}", lang, d=_pp(row["uplift"], lang), **values)
        else:
            d = row["uplift"]
            key = "campaign.more" if d > 0 else "campaign.fewer" if d < 0 else "campaign.same"
            text = t("campaign.row.unclear", lang, dd=t(key, lang, d=_pp(d, lang)), **values)
            power = _power_text(row, effect, lang)
            if power:
                text += " " + power
        paragraphs.append(text)
    rate = overall.get("success_rate")
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        paragraphs.append(t("campaign.overall_none", lang))
    else:
        values = dict(rate=percent(max(0.0, min(1.0, rate)), 0, lang),
                      lo=percent(overall["success_low"], 0, lang),
                      hi=percent(overall["success_high"], 0, lang))
        if overall["verdict"] == "unclear":
            paragraphs.append(t("campaign.overall_unclear", lang, **values))
        elif effect.assumed_success_rate is not None:
            paragraphs.append(t("campaign.overall", lang,
                                assumed=percent(effect.assumed_success_rate, 0, lang), **values))
        else:
            paragraphs.append(t("campaign.overall_no_assumed", lang, **values))
    return "\n\n".join(paragraphs)


def format_campaign_effect(effect: CampaignEffect, language: str | None = None) -> pd.DataFrame:
    """The measurement as a display table: one row per list, headers in the language.

    Returns
    -------
    DataFrame
        Index: the list; columns: contacted, control,
        still buying in each group, the difference and its interval in percentage points,
        revenue per client in each group, the share of would-be leavers kept, the verdict.
    """
    lang = check_language(language)
    cur = effect.currency
    table = effect.table.reset_index()
    names = [_list_name(k, lang) for k in table["list"]]

    def col(key: str) -> str:
        return t(f"campaign.col.{key}", lang)

    out = pd.DataFrame({
        col("n_treated"): [count(v, lang) for v in table["n_treated"]],
        col("n_control"): [count(v, lang) for v in table["n_control"]],
        col("buying_treated"): [percent(v, 0, lang) for v in table["buying_treated"]],
        col("buying_control"): [percent(v, 0, lang) for v in table["buying_control"]],
        col("uplift"): [_signed(v, lang) if not math.isnan(v) else "—"
                        for v in table["uplift"].astype(float)],
        col("interval"): [f"{_signed(lo, lang)} … {_signed(hi, lang)}"
                          if not math.isnan(lo) else "—"
                          for lo, hi in zip(table["uplift_low"].astype(float),
                                            table["uplift_high"].astype(float), strict=True)],
        col("revenue_treated"): [money(v, lang, cur) for v in table["revenue_treated"]],
        col("revenue_control"): [money(v, lang, cur) for v in table["revenue_control"]],
        col("success_rate"): [percent(v, 0, lang) for v in table["success_rate"]],
        col("verdict"): [t(f"campaign.verdict.{v}", lang) for v in table["verdict"]],
    }, index=pd.Index(names, name=col("list")))
    return out

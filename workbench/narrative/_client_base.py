"""The client base read aloud: the definitions stated once, the why-now sentence of a client.

Over :mod:`workbench.client_base`, which returns the table and reason codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbench.client_base import ClientBase
from workbench.i18n import check_language, t
from workbench.narrative._format import count, date, percent, plural, quantity

__all__ = (
    "describe_attrition",
    "describe_counts",
    "describe_definitions",
    "describe_silent_leavers",
    "describe_stale_complaints",
    "describe_why_now",
    "WHY_FIELDS",
    "why_now_parts",
    "why_now_text",
)


def describe_definitions(base: ClientBase | None = None, language: str | None = None) -> str:
    """State once what "lapsed", "active" and "churn risk" mean in this run.

    Examples
    --------
    >>> print(describe_definitions(language="en"))  # doctest: +NORMALIZE_WHITESPACE
    A client is lapsed when the days since their last purchase exceed 180, or 3 times their
    usual gap between purchases when that is longer; every other client who has bought is
    active. Churn risk is the chance that an active client buys nothing within the next 90
    days; lapsed clients are not counted in it: they are a win-back population.
    """
    from workbench.segmentation.ladder import LADDER_RULES

    language = check_language(language)
    if base is None:
        days, mult, horizon = LADDER_RULES["lapsed_days"], LADDER_RULES[
            "lapsed_gap_multiple"], "90D"
    else:
        days, mult, horizon = (base.settings["lapsed_days"],
                               base.settings["lapsed_gap_multiple"], base.horizon)
    try:
        h_days = pd.Timedelta(str(horizon)).days
    except (TypeError, ValueError):
        h_days = horizon
    return t("base.definitions", language, days=f"{days:g}", mult=f"{mult:g}", horizon=h_days)


def describe_why_now(row: Mapping[str, Any] | pd.Series, language: str | None = None) -> str:
    """One short sentence from a row of :func:`why_now`: "buys every 6 days, silent for 30".

    Examples
    --------
    >>> describe_why_now({"reason": "silent", "cycle_days": 6, "silent_days": 30}, "en")
    'buys every 6 days, silent for 30 days'
    >>> describe_why_now({"reason": "spend_down", "spend_change": -0.4}, "en")
    'spend down 40% on the quarter before'
    >>> describe_why_now({"reason": None}, "en")
    ''
    """
    return why_now_text(why_now_parts(row), check_language(language))


#: The fields :func:`why_now_parts` reads for each reason code (besides ``reason``): rows of
#: one code with equal values here get the same sentence.
WHY_FIELDS: dict[str, tuple[str, ...]] = {
    "silent": ("cycle_days", "silent_days"),
    "open_complaint": ("complaint_days",),
    "spend_down": ("spend_change",),
    "one_purchase": ("months_since", "silent_days"),
    "lapsed": ("silent_days",),
    "high_risk": ("churn_probability",),
    "due": ("cycle_days", "next_contact"),
}


def why_now_parts(row: Mapping[str, Any] | pd.Series) -> tuple:
    """What :func:`describe_why_now` says for ``row``: the reason code and the numbers it shows,
    rounded as shown (``()`` when no reason applies). Rows with the same parts get the same
    sentence: :func:`why_now_text` turns each distinct one into words once.

    >>> why_now_parts({"reason": "silent", "cycle_days": 6.2, "silent_days": 29.6})
    ('silent', 6, 30)
    """
    code = row.get("reason")
    if code is None or code is pd.NA or (isinstance(code, float) and np.isnan(code)) or not code:
        return ()

    # only the code's fields are read (a KeyError for any other): callers group rows by them
    values = {k: row.get(k) for k in WHY_FIELDS.get(code, ())}

    def n(key: str) -> float:
        return float(values[key])

    if code == "silent":
        return (code, round(n("cycle_days")), round(n("silent_days")))
    if code == "open_complaint":
        return (code, round(n("complaint_days")))
    if code == "spend_down":
        return (code, abs(n("spend_change")))
    if code == "one_purchase":
        months = round(n("months_since"))
        return (code, "month", months) if months >= 1 else (code, "day", round(n("silent_days")))
    if code == "lapsed":
        return (code, round(n("silent_days")))
    if code == "high_risk":
        return (code, n("churn_probability"))
    if code == "due":
        return (code, round(n("cycle_days")), values["next_contact"])
    return (code,)


def why_now_text(parts: tuple, language: str) -> str:
    """The sentence of :func:`why_now_parts`' ``parts`` in ``language``."""
    if not parts:
        return ""
    code = parts[0]
    values: dict[str, Any] = {}
    if code == "silent":
        values = {"cycle": quantity(parts[1], "day", language),
                  "silent": quantity(parts[2], "day", language)}
    elif code in ("open_complaint", "lapsed"):
        values = {"days": quantity(parts[1], "day", language)}
    elif code in ("spend_down", "high_risk"):
        values = {"pct": percent(parts[1], 0, language)}
    elif code == "one_purchase":
        values = {"ago": quantity(parts[2], parts[1], language)}
    elif code == "due":
        values = {"cycle": quantity(parts[1], "day", language),
                  "date": date(parts[2], language)}
    return t(f"why.{code}", language, **values)


def describe_counts(counts: Mapping[str, Any], language: str | None = None) -> str:
    """The base in one paragraph: clients, active, lapsed (win-back), high risk, advocates.

    Examples
    --------
    >>> describe_counts({"n_clients": 10, "n_active": 8, "n_lapsed": 2, "n_high_risk": 2,
    ...                  "high_risk_share": 0.25, "n_scored": 8, "n_advocates": 1}, "en")
    ... # doctest: +NORMALIZE_WHITESPACE
    'Clients who have bought: 10, of whom 8 active and 2 lapsed (a win-back population, not a
    churn risk). High churn risk: 2 (25% of the active clients). Advocates: 1.'
    """
    language = check_language(language)
    text = t("base.counts", language, n=count(counts["n_clients"], language),
             active=count(counts["n_active"], language),
             lapsed=count(counts["n_lapsed"], language))
    if counts.get("n_scored"):
        text += " " + t("base.counts.risk", language,
                        high=count(counts["n_high_risk"], language),
                        share=percent(counts["high_risk_share"], 0, language))
    if "n_advocates" in counts:
        text += " " + t("base.counts.advocates", language,
                        n=count(counts["n_advocates"], language))
    return text


def describe_attrition(attrition: pd.DataFrame, language: str | None = None) -> str:
    """The last year's attrition against the seeds' benchmark, in one or two sentences.

    Parameters
    ----------
    attrition : DataFrame
        :func:`yearly_attrition` (newest year first).

    Examples
    --------
    >>> frame = pd.DataFrame({"year_end": [pd.Timestamp("2024-12-31")],
    ...                       "active_at_start": [200], "lapsed_by_end": [50],
    ...                       "attrition": [0.25], "benchmark": [0.10]})
    >>> print(describe_attrition(frame, "en"))  # doctest: +NORMALIZE_WHITESPACE
    Of the 200 clients active on 2023-12-31, 50 (25%) had lapsed a year later, on
    2024-12-31 — above the benchmark of about 10% a year that even the best companies lose.
    """
    language = check_language(language)
    if attrition is None or not len(attrition):
        return t("base.attrition.short", language)
    row = attrition.iloc[0]
    start = pd.Timestamp(row["year_end"]) - pd.DateOffset(years=1)
    share, bench = float(row["attrition"]), float(row["benchmark"])
    key = "above" if share > bench else "within"
    text = t(f"base.attrition.{key}", language, n=count(row["active_at_start"], language),
             start=date(start, language), end=date(row["year_end"], language),
             lapsed=count(row["lapsed_by_end"], language), pct=percent(share, 0, language),
             bench=percent(bench, 0, language))
    if len(attrition) > 1:
        years = ", ".join(percent(float(v), 0, language) for v in attrition["attrition"][1:])
        text += " " + t("base.attrition.before", language, years=years)
    return text


def describe_silent_leavers(result: Mapping[str, Any], language: str | None = None) -> str:
    """How many of the lapsed clients never complained (:func:`silent_leavers`).

    Examples
    --------
    >>> print(describe_silent_leavers({"n_lapsed": 10, "n_silent": 9, "share_silent": 0.9},
    ...                               "en"))  # doctest: +NORMALIZE_WHITESPACE
    Of 10 lapsed clients, 9 (90%) never complained: they left silently. A complaint is a
    gift: the clients who do not complain leave without saying why.
    """
    language = check_language(language)
    if not result.get("n_lapsed"):
        return t("base.silent.none", language)
    return t("base.silent", language, n=count(result["n_lapsed"], language),
             silent=count(result["n_silent"], language),
             pct=percent(result["share_silent"], 0, language))


def describe_stale_complaints(stale: pd.DataFrame, max_age_days: float,
                              language: str | None = None) -> str:
    """The open complaints too old to be true: a data-quality flag for the data owner.

    Examples
    --------
    >>> stale = pd.DataFrame({"customer_id": ["a", "b"], "age_days": [400, 120]})
    >>> print(describe_stale_complaints(stale, 90, "en"))  # doctest: +NORMALIZE_WHITESPACE
    2 complaints are recorded as open for more than 90 days (the oldest for 400 days). That
    is far more often a record nobody closed than a client still waiting: check them with
    the data owner. They are marked in actions.xlsx (“Old open complaint: check the
    record”) and are not a reason to call first.
    """
    language = check_language(language)
    if stale is None or not len(stale):
        return t("base.stale.none", language, days=quantity(max_age_days, "day", language))
    n = len(stale)
    return t("base.stale", language, complaints=quantity(n, "complaint", language),
             verb=plural(n, t("base.stale.verb", language), language),
             days=quantity(max_age_days, "day", language),
             oldest=quantity(int(stale["age_days"].max()), "day", language))

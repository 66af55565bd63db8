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
from workbench.narrative._format import date, percent, quantity

__all__ = ("describe_definitions", "describe_why_now")


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
    language = check_language(language)
    code = row.get("reason")
    if code is None or code is pd.NA or (isinstance(code, float) and np.isnan(code)) or not code:
        return ""

    def n(key: str) -> float:
        return float(row.get(key))

    values: dict[str, Any] = {}
    if code == "silent":
        values = {"cycle": quantity(round(n("cycle_days")), "day", language),
                  "silent": quantity(round(n("silent_days")), "day", language)}
    elif code == "open_complaint":
        values = {"days": quantity(round(n("complaint_days")), "day", language)}
    elif code == "spend_down":
        values = {"pct": percent(abs(n("spend_change")), 0, language)}
    elif code == "one_purchase":
        months = round(n("months_since"))
        values = {"ago": quantity(months, "month", language) if months >= 1 else
                  quantity(round(n("silent_days")), "day", language)}
    elif code == "lapsed":
        values = {"days": quantity(round(n("silent_days")), "day", language)}
    elif code == "high_risk":
        values = {"pct": percent(n("churn_probability"), 0, language)}
    elif code == "due":
        values = {"cycle": quantity(round(n("cycle_days")), "day", language),
                  "date": date(row.get("next_contact"), language)}
    return t(f"why.{code}", language, **values)

"""Number, date and label formatting for the step-4 sentences (``describe_*``) and display tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.i18n import has, t

__all__ = ("count", "date", "feature_label", "money", "num", "pct", "rung_label", "value_label")


def count(n: object, language: str) -> str:
    """``2,929`` in English, ``2 929`` (narrow no-break space) in Russian."""
    text = f"{int(n):,}"
    return text.replace(",", "\u202f") if language == "ru" else text


def money(x: object, language: str) -> str:
    """Whole money units with thousands separated: ``12,346`` / ``12 346``."""
    return count(round(float(x)), language)  # type: ignore[arg-type]


def num(x: object, language: str, digits: int = 2) -> str:
    """``0.41`` in English, ``0,41`` in Russian; a true minus sign."""
    text = f"{float(x):.{digits}f}".replace("-", "\u2212")  # type: ignore[arg-type]
    return text.replace(".", ",") if language == "ru" else text


def pct(x: object) -> str:
    """Whole percent (``45%``); ``—`` when not a number."""
    v = float(x)  # type: ignore[arg-type]
    return "—" if not np.isfinite(v) else f"{100 * v:.0f}%"


def date(ts: object, language: str) -> str:
    """``2025-12-31`` in English, ``31.12.2025`` in Russian."""
    stamp = pd.Timestamp(ts)
    return stamp.strftime("%d.%m.%Y") if language == "ru" else stamp.strftime("%Y-%m-%d")


def feature_label(name: str, language: str) -> str:
    """Display name of a customer feature (``recency_days`` -> "Days since last purchase")."""
    key = f"rfm.{name}"
    return t(key, language) if has(key) else name


def rung_label(rung: str, language: str) -> str:
    """Display name of a ladder rung."""
    key = f"ladder.rung.{rung}"
    return t(key, language) if has(key) else rung


def value_label(column: str, value: object, language: str) -> str:
    """Display name of a segment value of one of the step-4 criteria columns."""
    text = str(value)
    prefixes = {"rung": "ladder.rung.", "rfm_segment": "rfm.segment.", "segment": "rfm.segment.",
                "strategy": "ladder.strategy.", "profit_group": "ladder.profit."}
    prefix = prefixes.get(column)
    if prefix and has(prefix + text):
        return t(prefix + text, language)
    return text

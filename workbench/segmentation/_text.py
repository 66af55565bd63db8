"""Number and date formatting of the churn and economics sentences, until they move to
:mod:`workbench.narrative` (whose locale formatter replaces these helpers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ("count", "date", "money", "num", "pct")


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

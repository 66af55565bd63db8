"""Every client's why-now sentence, each distinct one said once, equals the per-row sentence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.deliverables import _why_texts
from workbench.narrative import describe_why_now

CODES = ["silent", "open_complaint", "spend_down", "one_purchase", "lapsed", "high_risk", "due",
         "", None]


def _frame(n=3000, seed=0):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "reason": rng.choice(np.array(CODES, dtype=object), n),
        "cycle_days": rng.choice([6.0, 6.4, 6.5, 7.5, 30.2], n),
        "silent_days": rng.choice([0.4, 12.0, 29.5, 30.5, 400.0], n),
        "complaint_days": rng.integers(0, 40, n).astype("float64"),
        "spend_change": rng.choice([-0.4, -0.0, -0.125, -0.994, np.nan], n),
        "months_since": rng.choice([0.2, 0.5, 1.5, 2.5, 14.0], n),
        "next_contact": pd.to_datetime("2025-12-01")
                        + pd.to_timedelta(rng.integers(0, 5, n), "D"),
        "churn_probability": rng.random(n).round(3),
    })
    frame.loc[rng.random(n) < 0.05, "next_contact"] = pd.NaT
    return frame


@pytest.mark.parametrize("language", ["en", "ru"])
def test_said_once_equals_said_per_row(language):
    frame = _frame()
    texts = _why_texts(frame, language)
    expected = [describe_why_now(r, language) or None for r in frame.to_dict("records")]
    assert texts.tolist() == [pd.NA if e is None else e for e in expected]
    assert texts.index.equals(frame.index)
    assert texts.notna().sum() == (frame["reason"].fillna("") != "").sum()  # "" says nothing


def test_no_reason_column_says_nothing():
    frame = _frame(20).drop(columns="reason")
    assert _why_texts(frame, "en").isna().all()

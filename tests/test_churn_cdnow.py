"""The churn model against the BTYD and RFM baselines on real CDNOW, strict temporal splits.

Runs ``benchmarks/bench_churn_cdnow.py``'s comparison (the full CDNOW log shipped in the
lifetimes wheel, a test dependency; the Pareto/NBD baseline is lifetimes' fitter and exists
only there). Measured on 2026-12-02: 3M AUC 0.8388 (best baseline Pareto/NBD 0.8365), Brier
0.09018 (best BG/NBD 0.09054); 6M AUC 0.8063 (logistic RFM 0.8027), Brier 0.12868 (logistic
RFM 0.13031).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("lifetimes")

#: The model's ROC AUC may trail the best baseline by at most this much (it leads by 0.002-0.004).
AUC_TOLERANCE = 0.002
#: Its Brier score may exceed the best baseline's by at most this much (it is 0.0004-0.0016 lower).
BRIER_TOLERANCE = 0.0003


def _bench():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_churn_cdnow.py"
    spec = importlib.util.spec_from_file_location("bench_churn_cdnow", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_churn_model_is_top_on_cdnow_auc_and_brier():
    bench = _bench()
    tx = bench.load_cdnow()
    assert tx["customer_id"].nunique() == 23_570
    table = bench.compare(tx, ("3M", "6M"))
    assert set(table["scorer"]) == {"churn_model", *bench.BASELINES}
    assert (table["n"] == 23_502).all()  # every labelled client scored by every scorer
    gaps = bench.gaps(table).set_index("horizon")
    for h, g in gaps.iterrows():
        assert g["auc_gap"] >= -AUC_TOLERANCE, (h, g.to_dict())
        assert g["brier_gap"] <= BRIER_TOLERANCE, (h, g.to_dict())
    # the baselines are real competitors, not strawmen: all within 0.05 AUC of the model
    for _h, g in table.groupby("horizon"):
        assert (g["roc_auc"] > g["roc_auc"].max() - 0.05).all(), g

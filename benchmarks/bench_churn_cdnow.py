"""ChurnModel against BG/NBD, Pareto/NBD, a logistic regression on RFM and recency, on real CDNOW.

Run::

    nice -n 10 .venv/bin/python benchmarks/bench_churn_cdnow.py            # 3M and 6M
    nice -n 10 .venv/bin/python benchmarks/bench_churn_cdnow.py --horizons 3M

Data: the full CDNOW log shipped inside the ``lifetimes`` wheel (``CDNOW_master.txt``: 23,570
clients who first bought in Jan-Mar 1997, 69,659 rows up to 1998-06-30); nothing is
downloaded. ``lifetimes`` is a test / bench dependency: the Pareto/NBD baseline is its
``ParetoNBDFitter`` and lives only here and in the slow test that imports this file.

Strict temporal split, for each horizon H: the log ends on day E = 1998-06-30, the scoring date
is T = E - H, every scorer sees only rows dated on or before T and the outcome is "no purchase
in (T, T + H]". Scorers, all measured in the same run on the same clients:

* ``churn_model``  - :class:`workbench.churn.ChurnModel` defaults, transactions only;
* ``bgnbd``        - BG/NBD (:func:`workbench.value.fit_bgnbd`, weeks) fitted on rows <= T;
  score and probability P(no purchase in H) = 1 - P(alive) + P(alive) ((a+T)/(a+T+t))^(r+x);
* ``pareto_nbd``   - lifetimes ``ParetoNBDFitter`` (penalizer 0.001) on the same summary;
  P(no purchase in H) from its conditional pmf at n = 0;
* ``logit_rfm``    - logistic regression on log1p(recency, frequency, monetary, tenure),
  features at T - H, labels in (T - H, T] (the last window the data before T can label);
* ``recency``      - days since the last purchase; probability from the model's own baseline
  (a logistic curve on log1p(recency) fitted on the same last window).

ROC AUC (churn = positive class) and the Brier score of each, then the model's gap to the best
baseline. The slow test ``tests/test_churn_cdnow.py`` runs :func:`compare` and asserts the
tolerances stated there.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.churn import ChurnModel, customer_features, horizon_days, parse_horizon  # noqa: E402
from workbench.churn._horizons import _shift  # noqa: E402
from workbench.churn._labels import _labels  # noqa: E402
from workbench.value import (  # noqa: E402
    WEEK_DAYS,
    bgnbd_p_alive,
    fit_bgnbd,
    value_summary,
)

HORIZONS = ("3M", "6M")
BASELINES = ("bgnbd", "pareto_nbd", "logit_rfm", "recency")
RFM_COLUMNS = ("recency_days", "frequency", "monetary", "tenure_days")


def load_cdnow() -> pd.DataFrame:
    """The full CDNOW log from the lifetimes wheel: ``customer_id``, ``date``, ``amount``."""
    path = resources.files("lifetimes") / "datasets" / "CDNOW_master.txt"
    raw = pd.read_csv(str(path), sep=r"\s+", header=0,
                      names=["customer_id", "date", "quantity", "amount"],
                      dtype={"customer_id": str, "date": str})
    return pd.DataFrame({"customer_id": raw["customer_id"].astype("string"),
                         "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
                         "amount": raw["amount"].astype("float64")})


# ------------------------------------------------------------------------------------------
# baselines
# ------------------------------------------------------------------------------------------
def bgnbd_p_no_purchase(tx: pd.DataFrame, asof: pd.Timestamp, days: int) -> pd.Series:
    """BG/NBD P(no purchase in the next ``days``) per client, fitted on rows <= ``asof``."""
    s = value_summary(tx, asof)
    x, t_x, big_t = (s[c].to_numpy(dtype="float64") for c in ("frequency", "recency", "T"))
    p = fit_bgnbd(x, t_x, big_t)
    t = days / WEEK_DAYS
    alive = bgnbd_p_alive(p, x, t_x, big_t)
    quiet = ((p["alpha"] + big_t) / (p["alpha"] + big_t + t)) ** (p["r"] + x)
    return pd.Series((1.0 - alive) + alive * quiet, index=s.index)


def pareto_nbd_p_no_purchase(tx: pd.DataFrame, asof: pd.Timestamp, days: int) -> pd.Series:
    """Pareto/NBD (lifetimes) P(no purchase in the next ``days``), fitted on rows <= ``asof``."""
    from lifetimes import ParetoNBDFitter

    s = value_summary(tx, asof)
    x, t_x, big_t = (s[c].to_numpy(dtype="float64") for c in ("frequency", "recency", "T"))
    fitter = ParetoNBDFitter(penalizer_coef=0.001)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitter.fit(x, t_x, big_t)
        p0 = fitter.conditional_probability_of_n_purchases_up_to_time(
            0, days / WEEK_DAYS, x, t_x, big_t)
    return pd.Series(np.clip(np.asarray(p0, dtype="float64"), 0.0, 1.0), index=s.index)


def _rfm_matrix(tx: pd.DataFrame, asof: pd.Timestamp) -> pd.DataFrame:
    f = customer_features(tx, asof)
    return np.log1p(f[list(RFM_COLUMNS)].astype("float64").clip(lower=0.0)).fillna(0.0)


def logit_rfm_p(tx: pd.DataFrame, T: pd.Timestamp, offset) -> pd.Series:
    """Logistic regression on RFM + tenure, trained on the last window the data <= T labels."""
    train_asof = _shift(T, offset, -1)
    y = _labels(tx.loc[tx["date"] < T.normalize() + pd.Timedelta(days=1)], train_asof, offset)
    X = _rfm_matrix(tx, train_asof).reindex(y.index)
    clf = LogisticRegression(max_iter=1000).fit(X.to_numpy(), y.to_numpy())
    now = _rfm_matrix(tx, T)
    return pd.Series(clf.predict_proba(now.to_numpy())[:, 1], index=now.index)


# ------------------------------------------------------------------------------------------
# the comparison
# ------------------------------------------------------------------------------------------
def compare(tx: pd.DataFrame, horizons=HORIZONS, end: object = None,
            model_kwargs: dict | None = None) -> pd.DataFrame:
    """ROC AUC and Brier of the model and the baselines, one row per (horizon, scorer).

    Columns: ``horizon``, ``scorer``, ``roc_auc``, ``brier``, ``n``, ``base_rate``,
    ``seconds`` (fit + score).
    """
    end_ts = pd.Timestamp(end if end is not None else tx["date"].max()).normalize()
    rows = []
    for h in horizons:
        offset = parse_horizon(h)
        T = _shift(end_ts, offset, -1)
        days = horizon_days(h, T)
        labels = _labels(tx.loc[tx["date"] < end_ts + pd.Timedelta(days=1)], T, offset)
        y = labels.to_numpy()
        seen = tx.loc[tx["date"] < T + pd.Timedelta(days=1)]  # nothing after T reaches a scorer

        def add(scorer, score, prob, seconds, _h=h, _y=y, _idx=labels.index):
            s = pd.Series(score).reindex(_idx).to_numpy(dtype="float64")
            p = pd.Series(prob).reindex(_idx).to_numpy(dtype="float64")
            if np.isnan(s).any() or np.isnan(p).any():
                raise AssertionError(f"{scorer} left {int(np.isnan(p).sum())} labelled clients "
                                     "without a score")
            rows.append({"horizon": _h, "scorer": scorer, "roc_auc": roc_auc_score(_y, s),
                         "brier": brier_score_loss(_y, p), "n": len(_y),
                         "base_rate": float(_y.mean()), "seconds": seconds})

        t0 = time.perf_counter()
        model = ChurnModel(h, **(model_kwargs or {})).fit(seen, T)
        p = model.predict_proba(seen, T)
        add("churn_model", p, p, time.perf_counter() - t0)
        t0 = time.perf_counter()
        p = bgnbd_p_no_purchase(seen, T, days)
        add("bgnbd", p, p, time.perf_counter() - t0)
        t0 = time.perf_counter()
        p = pareto_nbd_p_no_purchase(seen, T, days)
        add("pareto_nbd", p, p, time.perf_counter() - t0)
        t0 = time.perf_counter()
        p = logit_rfm_p(seen, T, offset)
        add("logit_rfm", p, p, time.perf_counter() - t0)
        t0 = time.perf_counter()
        X = customer_features(seen, T)
        pb = pd.Series(model._baseline_proba(X), index=X.index)
        add("recency", X["recency_days"], pb, time.perf_counter() - t0)
    return pd.DataFrame(rows)


def gaps(table: pd.DataFrame, model: str = "churn_model") -> pd.DataFrame:
    """Per horizon: the model's ROC AUC minus the best baseline's, Brier minus the best's."""
    out = []
    for h, g in table.groupby("horizon", sort=False):
        g = g.set_index("scorer")
        base = g.loc[list(BASELINES)]
        m = g.loc[model]
        out.append({"horizon": h, "model": model,
                    "best_auc_baseline": base["roc_auc"].idxmax(),
                    "auc_gap": m["roc_auc"] - base["roc_auc"].max(),
                    "best_brier_baseline": base["brier"].idxmin(),
                    "brier_gap": m["brier"] - base["brier"].min()})
    return pd.DataFrame(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--horizons", nargs="*", default=list(HORIZONS))
    ap.add_argument("--calibration", default=None,
                    help="ChurnModel(calibration=...) to compare (default: the model's own)")
    args = ap.parse_args(argv)
    pd.set_option("display.width", 160)
    tx = load_cdnow()
    print(f"CDNOW: {tx['customer_id'].nunique():,} clients, {len(tx):,} rows, "
          f"{tx['date'].min().date()} .. {tx['date'].max().date()}")
    kw = {"calibration": args.calibration} if args.calibration else None
    table = compare(tx, args.horizons, model_kwargs=kw)
    print("\n== Strict temporal split: score at T = end - H, outcome in (T, T + H] ==")
    print(table.round({"roc_auc": 4, "brier": 5, "base_rate": 4, "seconds": 1})
          .to_string(index=False))
    print("\n== churn_model vs the best baseline (AUC: higher is better; Brier: lower) ==")
    print(gaps(table).round(5).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

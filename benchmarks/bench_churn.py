"""Benchmark ChurnModel against simple baselines and BG/NBD on strict temporal splits; time it.

Run::

    .venv/bin/python benchmarks/bench_churn.py                       # sample + 100k/1M timing
    .venv/bin/python benchmarks/bench_churn.py path/to/transactions.csv --no-speed
    .venv/bin/python benchmarks/bench_churn.py --no-quality --customers 1000000 \
        --transactions 10000000 --configs default:2 --rss --repeats 1   # issue 14's 10M fit

For each data set and each horizon H (3 and 6 calendar months): the log ends on day E; the
scoring date is T = E - H. Every model sees only rows dated on or before T (ChurnModel builds
its own training windows at T - H, T - 2H, ...); the outcome is "no purchase in (T, T + H]".
Scorers, all measured in the same run:

* ``churn_model``         - ChurnModel defaults (logistic pipeline + BG/NBD features, calibrated
  out of time), transactions only;
* ``churn_model_hgb``     - the same with HistGradientBoostingClassifier(random_state=0);
* ``churn_model_no_btyd`` - the default without the BG/NBD features;
* ``churn_model+crm``     - the default with the customers / feedback / survey tables (sample);
* ``recency``          - days since last purchase; probability from a logistic curve on
  log1p(recency) fitted on the most recent training window;
* ``rfm_score``        - R + F + M quintile scores (5 = best); probability from an isotonic map
  fitted on the most recent training window;
* ``bgnbd``            - lifetimes BetaGeoFitter (penalizer 0.001) fitted on rows <= T; AUC/AP
  ranked by expected purchases in the horizon (fewer = riskier), Brier from
  P(no purchase in the horizon) = 1 - P(alive) + P(alive) ((a+T)/(a+T+t))^(r+x).

Metrics: ROC AUC, average precision (churn = positive class), Brier score; then fit + score
time (median over repeats) and peak traced memory on 100,000 customers / 1,000,000
transactions.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.churn import (  # noqa: E402
    ChurnModel,
    customer_features,
    horizon_days,
    parse_horizon,
)
from workbench.churn._horizons import _shift  # noqa: E402
from workbench.churn._labels import _labels  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_aggregates import _reset_peak as _reset_rss_peak  # noqa: E402
from bench_aggregates import _rss_kib  # noqa: E402

HORIZONS = ("3M", "6M")


# ------------------------------------------------------------------------------------------
# data
# ------------------------------------------------------------------------------------------
def sample_tables() -> dict[str, pd.DataFrame]:
    """The bundled sample (load_sample when shipped, else generated with the same seed)."""
    import workbench.datasets as ds

    if hasattr(ds, "load_sample"):
        try:
            return dict(ds.load_sample())
        except Exception as exc:  # the CSVs may not be written yet
            print(f"(load_sample failed: {exc}; generating the sample instead)")
    return dict(ds.generate_sample())


def big_transactions(n_customers: int, n_transactions: int, seed: int = 0) -> pd.DataFrame:
    """A synthetic log of the requested size (workbench.datasets.make_transactions if present)."""
    import workbench.datasets as ds

    if hasattr(ds, "make_transactions"):
        try:
            return ds.make_transactions(n_customers=n_customers, n_transactions=n_transactions,
                                        seed=seed)
        except TypeError:
            pass
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2022-01-01")
    span = 3 * 365
    birth = rng.integers(0, span - 30, n_customers)
    life = rng.exponential(500, n_customers)
    weight = rng.gamma(0.8, 1.0, n_customers) * np.minimum(life, span - birth)
    c = rng.choice(n_customers, n_transactions, p=weight / weight.sum())
    d = birth[c] + rng.uniform(0, 1, n_transactions) * np.minimum(life[c], span - birth[c])
    ids = np.array([f"C{i:06d}" for i in range(n_customers)])
    return pd.DataFrame(
        {
            "customer_id": pd.array(ids[c], dtype="string"),
            "date": start + pd.to_timedelta(d.astype(int), "D"),
            "amount": np.round(rng.lognormal(3, 0.7, n_transactions), 2),
        }
    )


# ------------------------------------------------------------------------------------------
# baselines
# ------------------------------------------------------------------------------------------
def rfm_score(tx: pd.DataFrame, asof: pd.Timestamp) -> pd.Series:
    """R + F + M quintile scores at ``asof`` (3 = worst, 15 = best)."""
    f = customer_features(tx, asof)
    r = (-f["recency_days"]).rank(pct=True, method="average")
    fq = f["frequency"].rank(pct=True, method="average")
    m = f["monetary"].rank(pct=True, method="average")
    score = sum(np.ceil(x * 5).clip(1, 5) for x in (r, fq, m))
    return score.rename("rfm_score")


def bgnbd_scores(tx: pd.DataFrame, asof: pd.Timestamp, horizon: str):
    """(expected purchases in horizon, P(no purchase in horizon)) per customer, BG/NBD."""
    from lifetimes import BetaGeoFitter
    from lifetimes.utils import summary_data_from_transaction_data

    buys = tx.loc[(tx["date"] <= asof) & (tx["amount"] > 0), ["customer_id", "date"]].copy()
    buys["customer_id"] = buys["customer_id"].astype(object)
    buys["date"] = buys["date"].dt.normalize()
    summ = summary_data_from_transaction_data(
        buys, "customer_id", "date", observation_period_end=asof, freq="D"
    )
    bgf = BetaGeoFitter(penalizer_coef=0.001)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bgf.fit(summ["frequency"], summ["recency"], summ["T"])
    t = horizon_days(horizon, asof)
    x, rec, big_t = summ["frequency"], summ["recency"], summ["T"]
    expected = bgf.conditional_expected_number_of_purchases_up_to_time(t, x, rec, big_t)
    alive = bgf.conditional_probability_alive(x, rec, big_t)
    r, alpha = bgf.params_["r"], bgf.params_["alpha"]
    p0 = (1 - alive) + alive * ((alpha + big_t) / (alpha + big_t + t)) ** (r + x)
    idx = pd.Index(summ.index.astype(str), dtype="string", name="customer_id")
    return (pd.Series(np.asarray(expected), index=idx), pd.Series(np.asarray(p0), index=idx))


def metrics(y: np.ndarray, score: np.ndarray, prob: np.ndarray | None) -> dict:
    return {
        "roc_auc": roc_auc_score(y, score),
        "average_precision": average_precision_score(y, score),
        "brier": brier_score_loss(y, prob) if prob is not None else float("nan"),
    }


# ------------------------------------------------------------------------------------------
# quality
# ------------------------------------------------------------------------------------------
def quality(name: str, tables: dict[str, pd.DataFrame], horizons=HORIZONS) -> pd.DataFrame:
    tx = tables["transactions"]
    tx = tx.loc[:, [c for c in ("customer_id", "date", "amount", "cost") if c in tx.columns]]
    end = tx["date"].max().normalize()
    crm = {k: tables[k] for k in ("customers", "feedback", "survey") if k in tables}
    rows = []
    for h in horizons:
        offset = parse_horizon(h)
        T = _shift(end, offset, -1)
        labels = _labels(tx, T, offset)
        y = labels.to_numpy()
        idx = labels.index
        train_asof = _shift(T, offset, -1)  # most recent window the baselines may learn from
        y_train = _labels(tx.loc[tx["date"] <= T], train_asof, offset)

        def add(scorer, score, prob, _h=h, _idx=idx, _y=y):
            s = pd.Series(score).reindex(_idx).to_numpy(dtype=float)
            p = None if prob is None else pd.Series(prob).reindex(_idx).to_numpy(dtype=float)
            ok = ~np.isnan(s)
            rows.append({"data": name, "horizon": _h, "scorer": scorer, "n": int(ok.sum()),
                         "base_rate": float(_y[ok].mean()),
                         **metrics(_y[ok], s[ok], None if p is None else p[ok])})

        models = {
            "churn_model": ChurnModel(h),
            "churn_model_hgb": ChurnModel(h, estimator=HistGradientBoostingClassifier(
                random_state=0)),
            "churn_model_no_btyd": ChurnModel(h, btyd=False),
        }
        for mname, model in models.items():
            model.fit(tx, T)
            p = model.predict_proba(tx, T)
            add(mname, p, p)
        if crm:
            model = ChurnModel(h).fit(tx, T, **crm)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                p = model.predict_proba(tx, T, **crm)
            add("churn_model+crm", p, p)
        # recency: the model's own baseline (logistic on log1p(recency), fitted on the last window)
        base = models["churn_model"]
        X = customer_features(tx, T)
        add("recency", X["recency_days"], pd.Series(base._baseline_proba(X), index=X.index))
        # RFM score: higher is better, so churn risk = -score; isotonic map fitted on the window
        s_train = rfm_score(tx, train_asof).reindex(y_train.index)
        iso = IsotonicRegression(increasing=False, out_of_bounds="clip").fit(
            s_train.to_numpy(), y_train.to_numpy()
        )
        s_now = rfm_score(tx, T)
        add("rfm_score", -s_now, pd.Series(iso.predict(s_now.to_numpy()), index=s_now.index))
        try:
            expected, p0 = bgnbd_scores(tx, T, h)
            add("bgnbd", -expected, p0)
        except ImportError:
            print("(lifetimes not installed: BG/NBD skipped)")
    return pd.DataFrame(rows)


def verdict(table: pd.DataFrame) -> pd.DataFrame:
    out = []
    for (data, h), g in table.groupby(["data", "horizon"], sort=False):
        g = g.set_index("scorer")
        baselines = g.loc[g.index.isin(["recency", "rfm_score", "bgnbd"])]
        for model in [s for s in g.index if s.startswith("churn_model")]:
            m = g.loc[model]
            out.append({
                "data": data, "horizon": h, "model": model,
                "auc_vs_best": m["roc_auc"] - baselines["roc_auc"].max(),
                "ap_vs_best": m["average_precision"] - baselines["average_precision"].max(),
                "brier_vs_best": m["brier"] - baselines["brier"].min(),
                "goal_met": bool(m["roc_auc"] >= baselines["roc_auc"].max() - 1e-9
                                 and m["average_precision"]
                                 >= baselines["average_precision"].max() - 1e-9
                                 and m["brier"] < baselines["brier"].min()),
            })
    return pd.DataFrame(out)


# ------------------------------------------------------------------------------------------
# speed
# ------------------------------------------------------------------------------------------
CONFIGS = (("default", 1), ("default", 2), ("hgb", 1), ("hgb", 2))


def speed(n_customers: int, n_transactions: int, repeats: int,
          configs=CONFIGS, rss: bool = False) -> pd.DataFrame:
    """Fit + score seconds per (estimator, threads). Peak memory: Python's traced allocations
    (``tracemalloc``, which slows the fit down) or, with ``rss``, the resident high-water mark
    the fit and scoring add (no tracing overhead; Linux)."""
    tx = big_transactions(n_customers, n_transactions)
    end = tx["date"].max().normalize()
    print(f"speed data: {tx['customer_id'].nunique():,} customers, {len(tx):,} transactions, "
          f"{tx['date'].min().date()} .. {end.date()}")
    rows = []
    for est_name, n_threads in configs:
        fit_t, score_t, peak = [], [], []
        est = HistGradientBoostingClassifier(random_state=0) if est_name == "hgb" else None
        for _ in range(repeats):
            gc.collect()
            if rss and _reset_rss_peak():
                before = _rss_kib("VmRSS")
            else:
                rss = False
                tracemalloc.start()
            t0 = time.perf_counter()
            model = ChurnModel("3M", estimator=est, n_threads=n_threads).fit(tx)
            t1 = time.perf_counter()
            p = model.predict_proba(tx)
            t2 = time.perf_counter()
            if rss:
                peak.append((_rss_kib("VmHWM") - before) / 1024)
            else:
                peak.append(tracemalloc.get_traced_memory()[1] / 2**20)
                tracemalloc.stop()
            fit_t.append(t1 - t0)
            score_t.append(t2 - t1)
        rows.append({
            "estimator": est_name, "n_threads": n_threads, "customers_scored": len(p), "train_rows": model.n_train_,
            "windows": len(model.windows_), "fit_s": statistics.median(fit_t),
            "score_s": statistics.median(score_t),
            "fit_plus_score_s": statistics.median([a + b for a, b in zip(fit_t, score_t,
                                                                         strict=True)]),
            ("peak_rss_added_mb" if rss else "peak_traced_mb"): max(peak), "repeats": repeats,
        })
    # the feature builder alone, and BG/NBD fit + score on the same data, for scale
    t0 = time.perf_counter()
    customer_features(tx)
    feat_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    try:
        bgnbd_scores(tx, _shift(end, parse_horizon("3M"), -1), "3M")
        bg_s = time.perf_counter() - t0
    except ImportError:
        bg_s = float("nan")
    out = pd.DataFrame(rows)
    out.attrs = {"features_once_s": feat_s, "bgnbd_fit_score_s": bg_s}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", nargs="*", help="extra transaction files (any loader-readable format)")
    ap.add_argument("--no-speed", action="store_true", help="skip the 100k / 1M timing")
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--transactions", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--configs", nargs="*", default=None, metavar="EST:THREADS",
                    help="estimator:threads pairs to time, e.g. default:2 (default: "
                         + " ".join(f"{e}:{t}" for e, t in CONFIGS) + ")")
    ap.add_argument("--rss", action="store_true",
                    help="peak memory as resident high-water mark, without tracemalloc's slowdown")
    ap.add_argument("--no-quality", action="store_true", help="skip the quality tables")
    args = ap.parse_args(argv)
    configs = CONFIGS
    if args.configs:
        configs = tuple((c.split(":")[0], int(c.split(":")[1])) for c in args.configs)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)

    results = [] if args.no_quality else [quality("sample", sample_tables())]
    for path in args.csv:
        from workbench import load_transactions

        tx, _ = load_transactions(path)
        results.append(quality(Path(path).name, {"transactions": tx}))
    if results:
        table = pd.concat(results, ignore_index=True)
        print("\n== Quality on strict temporal splits (score at T = end - H, outcome in (T, T+H]) ==")
        print(table.round(4).to_string(index=False))
        print("\n== ChurnModel vs the best baseline (recency, RFM score, BG/NBD) ==")
        print("   goal: AUC and AP >= best baseline, Brier < best baseline")
        print(verdict(table).round(4).to_string(index=False))

    if not args.no_speed:
        print(f"\n== Fit + score time, {args.customers:,} customers / "
              f"{args.transactions:,} transactions (median of {args.repeats}) ==")
        sp = speed(args.customers, args.transactions, args.repeats, configs, rss=args.rss)
        print(sp.round(2).to_string(index=False))
        print(f"customer_features once: {sp.attrs['features_once_s']:.2f} s; "
              f"BG/NBD fit + score (lifetimes): {sp.attrs['bgnbd_fit_score_s']:.2f} s")
        for est_name, g in sp.groupby("estimator", sort=False):
            one = g.set_index("n_threads")["fit_plus_score_s"]
            if 1 in one and 2 in one:
                print(f"{est_name}: ratio 2 threads / 1 thread = {one[2] / one[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

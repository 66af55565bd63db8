"""BG/NBD features (Fader, Hardie & Lee 2005), fitted on the history up to each feature date."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pandas as pd

_BGNBD_COLUMNS = ("bgnbd_p_alive", "bgnbd_p_no_purchase", "bgnbd_expected_purchases")

#: Largest number of clients the BG/NBD parameters are fitted on (a seeded random subset).
_BGNBD_FIT_ROWS = 10_000


#: Parameters fitted in this process, by the digest of the histories they were fitted on.
_FITTED: OrderedDict[str, tuple[float, float, float, float]] = OrderedDict()
_FITTED_MAX = 64


def _bgnbd_fit(x: np.ndarray, t_x: np.ndarray, big_t: np.ndarray, penalizer: float = 0.001):
    """Maximum-likelihood BG/NBD parameters ``(r, alpha, a, b)``; time unit = days.

    Same likelihood and L2 penalty as lifetimes' ``BetaGeoFitter(penalizer_coef=...)``;
    identical (x, t_x, T) triples are collapsed with weights, and bases larger than
    ``_BGNBD_FIT_ROWS`` clients are fitted on a fixed random subset (seed 0) of that size.

    The parameters of one set of histories are computed once: in this process (the training
    windows of a churn model and of its back-test one horizon earlier are the same feature
    dates but one, and a model fitted for twice the horizon meets every other one of them),
    and in the other kernels of a ``workbench run`` through its cache
    (:func:`workbench._cache.memo`). The key is the digest of the (subset of the) histories.
    """
    from workbench._cache import fingerprint, memo

    # like lifetimes: time rescaled so the oldest client has T = 1, penalty on scaled parameters
    scale = 1.0 / max(float(np.max(big_t)), 1.0)
    if len(x) > _BGNBD_FIT_ROWS:  # four parameters: a fixed random subset estimates them well
        take = np.random.default_rng(0).choice(len(x), _BGNBD_FIT_ROWS, replace=False)
        x, t_x, big_t = x[take], t_x[take], big_t[take]
    x, t_x, big_t = (np.asarray(v, dtype="float64") for v in (x, t_x, big_t))
    key = fingerprint("bgnbd-fit", x, t_x, big_t, scale, float(penalizer))
    params = _FITTED.get(key)
    if params is None:
        params = memo("bgnbd-fit", key, lambda: _bgnbd_mle(x, t_x, big_t, scale, penalizer))
        _FITTED[key] = params
        while len(_FITTED) > _FITTED_MAX:
            _FITTED.popitem(last=False)
    else:
        _FITTED.move_to_end(key)
    return params


def _bgnbd_mle(x: np.ndarray, t_x: np.ndarray, big_t: np.ndarray, scale: float,
               penalizer: float):
    """:func:`_bgnbd_fit` itself, on at most ``_BGNBD_FIT_ROWS`` histories (time x ``scale``)."""
    from scipy.optimize import minimize
    from scipy.special import betaln, gammaln

    triples = np.stack([x, t_x * scale, big_t * scale], axis=1)
    uniq, w = np.unique(triples, axis=0, return_counts=True)
    xu, txu, Tu = uniq[:, 0], uniq[:, 1], uniq[:, 2]
    pos = xu > 0
    w = w.astype("float64")

    def nll(logp):
        r, alpha, a, b = np.exp(logp)
        a1 = gammaln(r + xu) - gammaln(r) + r * np.log(alpha)
        a2 = betaln(a, b + xu) - betaln(a, b)
        a3 = -(r + xu) * np.log(alpha + Tu)
        a4 = np.full_like(xu, -np.inf)
        a4[pos] = (np.log(a) - np.log(b + xu[pos] - 1) - (r + xu[pos]) * np.log(alpha + txu[pos]))
        ll = a1 + a2 + np.logaddexp(a3, a4)
        return -(w @ ll) / w.sum() + penalizer * float(np.sum(np.exp(logp) ** 2))

    res = minimize(nll, np.zeros(4), method="L-BFGS-B", bounds=[(-15, 15)] * 4)
    r, alpha, a, b = (float(v) for v in np.exp(res.x))
    return (r, alpha / scale, a, b)


def _bgnbd_features(X: pd.DataFrame, horizon_d: int, params=None) -> tuple[pd.DataFrame, tuple]:
    """P(alive), P(no purchase in the horizon) and expected purchases per client."""
    from scipy.special import hyp2f1

    x = np.maximum(X["frequency"].to_numpy(dtype="float64") - 1.0, 0.0)
    big_t = X["tenure_days"].to_numpy(dtype="float64")
    t_x = big_t - X["recency_days"].to_numpy(dtype="float64")
    if params is None:
        params = _bgnbd_fit(x, t_x, big_t)
    r, alpha, a, b = params
    t = float(horizon_d)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        odds = np.where(
            x > 0, a / np.maximum(b + x - 1, 1e-12) * ((alpha + big_t) / (alpha + t_x)) ** (r + x),
            0.0,
        )
        alive = 1.0 / (1.0 + odds)
        stay_quiet = ((alpha + big_t) / (alpha + big_t + t)) ** (r + x)
        p0 = (1.0 - alive) + alive * stay_quiet
        if abs(a - 1.0) > 1e-9:  # Fader, Hardie & Lee (2005) eq. 10, as in lifetimes
            hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + big_t + t))
            expected = (a + b + x - 1) / (a - 1) * (1 - stay_quiet * hyp) * alive
        else:  # the closed form is singular at a = 1: alive x posterior rate x t
            expected = alive * (r + x) / (alpha + big_t) * t
    expected = np.where(np.isfinite(expected), expected, np.nan)
    out = pd.DataFrame(
        {"bgnbd_p_alive": alive, "bgnbd_p_no_purchase": p0, "bgnbd_expected_purchases": expected},
        index=X.index,
    )
    return out, params

"""Customer value in currency: BG/NBD purchases x Gamma-Gamma spend x margin, discounted.

For each client the number of future purchases comes from the BG/NBD model (Fader, Hardie &
Lee 2005, "Counting your customers the easy way") and the spend per purchase from the
Gamma-Gamma model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999). Both are
fitted here with numpy/scipy by maximum likelihood; on the CDNOW sample (2,357 clients, 39
weeks of calibration) they reproduce the published estimates (r = 0.243, alpha = 4.414,
a = 0.793, b = 2.426; p = 6.25, q = 3.74, gamma = 15.44), which a test asserts.

* :func:`value_summary` - per client: repeat purchases ``frequency``, ``recency`` (age at the
  last purchase), ``T`` (age at ``asof``) and the mean spend per repeat purchase;
* :func:`fit_bgnbd`, :func:`fit_gamma_gamma` - the two fits on a summary;
* :func:`customer_value` - expected purchases, expected spend and discounted CLV per client over
  a stated horizon, with a bootstrap interval and the Gamma-Gamma independence check;
* :func:`holdout_by_frequency`, :func:`tracking` - the diagnostics of the BG/NBD paper
  (predicted vs actual holdout purchases by past purchases; weekly repeat purchases, actual vs
  model).

Zero-value purchases and returns
--------------------------------
A *purchase occasion* is a calendar day with at least one row with ``amount >= 0`` (a free or
fully discounted item is a visit: FHL's CDNOW data count them) - ``zero_value="ignore"`` drops
rows with amount 0 instead. Rows with ``amount < 0`` (returns) are never occasions; their
amount is deducted from the spend after the first purchase day (a return on the first day nets
into that day). Gamma-Gamma is undefined for a spend <= 0, so it is fitted on clients with at
least one repeat purchase and a positive mean spend; a client with repeat purchases whose mean
spend is <= 0 gets the model's limit for spend 0, ``p * gamma / (p * x + q - 1)`` (their
purchases are credited with little money, not the average); a client with no repeat purchase
gets the population mean ``p * gamma / (q - 1)``. ``basis`` in the result says which rule
applied to whom.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from workbench._cache import cached
from workbench._columns import prepare_transactions, resolve_asof
from workbench._ids import isin
from workbench.churn._features import _unpack
from workbench.churn._horizons import horizon_days
from workbench.errors import InsufficientHistoryError, WorkbenchError

__all__ = (
    "CustomerValue",
    "bgnbd_expected_purchases",
    "bgnbd_p_alive",
    "customer_value",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "gamma_gamma_spend",
    "holdout_by_frequency",
    "tracking",
    "value_summary",
)

#: Days in the model's time unit: weeks, as in the BG/NBD paper (only alpha depends on it).
WEEK_DAYS = 7.0

_ZERO_VALUE = ("purchase", "ignore")

_LIMITED = threading.local()


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """BLAS/OpenMP limited to one thread; a no-op inside another ``_one_thread`` block.

    ``threadpool_limits`` scans the loaded libraries each time it is entered (about 5 ms):
    :func:`customer_value` enters once for its hundred bootstrap fits.
    """
    if getattr(_LIMITED, "on", False):
        yield
        return
    with threadpool_limits(limits=1):
        _LIMITED.on = True
        try:
            yield
        finally:
            _LIMITED.on = False


# --------------------------------------------------------------------------------------------
# summary
# --------------------------------------------------------------------------------------------
def _through(tx, asof, columns) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Rows on or before the ``asof`` calendar day (the whole day included), and that day."""
    full, _ = prepare_transactions(tx, None, columns)
    day = resolve_asof(asof, full["date"]).normalize()
    return full.loc[full["date"] < day + pd.Timedelta(days=1)].reset_index(drop=True), day


def _day(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy().astype("datetime64[D]").astype("int64")


def value_summary(
    tx,
    asof: object = None,
    columns: Mapping[str, str] | None = None,
    unit_days: float = WEEK_DAYS,
    zero_value: str = "purchase",
) -> pd.DataFrame:
    """Summarise transactions for BG/NBD and Gamma-Gamma, one row per client.

    Parameters
    ----------
    tx : pandas.DataFrame or client folder
        Transactions (``customer_id``, ``date``, ``amount``) or :func:`workbench.load_folder`.
    asof : date-like, optional
        End of the calibration period, a calendar day included whole; default the last date.
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.
    unit_days : float, default 7
        Length of the time unit (weeks by default, as in the BG/NBD paper).
    zero_value : {"purchase", "ignore"}, default "purchase"
        Whether a row with amount 0 makes a purchase occasion (see the module notes).

    Returns
    -------
    pandas.DataFrame
        Index ``customer_id`` (sorted); ``frequency`` (repeat purchase days), ``recency``
        (first to last purchase day), ``T`` (first purchase day to ``asof``), both in units,
        ``monetary_value`` (net spend after the first day / ``frequency``; 0 when
        ``frequency`` is 0), ``first_day`` (Timestamp) and ``basis``: ``"repeat"``,
        ``"repeat_no_spend"`` (repeat purchases with net spend <= 0), ``"one_purchase"``.
        Clients with no purchase occasion up to ``asof`` (returns only) are left out.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"], "amount": [10.0, 5.0, 30.0, 8.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-15",
    ...                                            "2024-01-08"])})
    >>> value_summary(tx, "2024-01-29")[["frequency", "recency", "T", "monetary_value"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 frequency  recency    T  monetary_value
    customer_id
    a                  1.0      2.0  4.0            30.0
    b                  0.0      0.0  3.0             0.0
    """
    if zero_value not in _ZERO_VALUE:
        raise WorkbenchError(f"zero_value must be 'purchase' or 'ignore'; got {zero_value!r}")
    if not unit_days > 0:
        raise WorkbenchError(f"unit_days must be positive; got {unit_days!r}")
    tx, *_ = _unpack(tx)
    cut, asof_ts = _through(tx, asof, columns)
    amount = cut["amount"].to_numpy(dtype="float64")
    if zero_value == "ignore":
        keep = amount != 0
        cut, amount = cut.loc[keep], amount[keep]
    codes, ids = pd.factorize(cut["customer_id"], sort=True)
    n = len(ids)
    day = _day(cut["date"])
    asof_day = int(np.datetime64(pd.Timestamp(asof_ts).normalize(), "D").astype("int64"))
    occ = amount >= 0
    has = np.bincount(codes[occ], minlength=n) > 0
    big = np.iinfo(np.int64).max
    first = np.full(n, big, dtype="int64")
    np.minimum.at(first, codes[occ], day[occ])
    last = np.full(n, -big, dtype="int64")
    np.maximum.at(last, codes[occ], day[occ])
    keys = np.sort(codes[occ].astype("int64") * (1 << 32) + (day[occ] + (1 << 31)))
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    n_days = np.bincount(keys >> 32, minlength=n).astype("float64")
    x = np.maximum(n_days - 1.0, 0.0)
    later = day > first[codes]
    spend_after = np.bincount(codes[later], weights=amount[later], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.where(x > 0, spend_after / np.where(x > 0, x, 1.0), 0.0)
    basis = np.where(x == 0, "one_purchase", np.where(m > 0, "repeat", "repeat_no_spend"))
    out = pd.DataFrame(
        {
            "frequency": x,
            "recency": (last - first) / unit_days,
            "T": (asof_day - first) / unit_days,
            "monetary_value": m,
            "first_day": (first.astype("datetime64[D]")).astype("datetime64[ns]"),
            "basis": basis,
        },
        index=pd.Index(ids, name="customer_id").astype("string"),
    ).loc[has]
    for c in ("recency", "T"):
        out[c] = out[c].astype("float64")
    return out


# --------------------------------------------------------------------------------------------
# BG/NBD
# --------------------------------------------------------------------------------------------
def _bgnbd_ll(logp, x, t_x, T):
    from scipy.special import betaln, gammaln

    r, alpha, a, b = np.exp(logp)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.full_like(x, -np.inf)
    pos = x > 0
    a4[pos] = np.log(a) - np.log(b + x[pos] - 1) - (r + x[pos]) * np.log(alpha + t_x[pos])
    return a1 + a2 + np.logaddexp(a3, a4)


def _unique_rows(stack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(stack, axis=0, return_inverse=True)`` of a float matrix (no NaN): the
    distinct rows in lexicographic order and each row's position among them, by one
    ``np.lexsort`` of the columns (``np.unique`` sorts the rows as records, several times
    slower on a million clients)."""
    n = len(stack)
    order = np.lexsort(stack.T[::-1])
    ranked = stack[order]
    new = np.empty(n, dtype=bool)
    new[:1] = True
    np.any(ranked[1:] != ranked[:-1], axis=1, out=new[1:])
    inverse = np.empty(n, dtype=np.intp)
    inverse[order] = np.cumsum(new) - 1
    return ranked[new], inverse


class _Collapsed:
    """Unique (x, t_x, T) rows of a summary, scaled so the oldest client has T = 1.

    Each column's distinct values are kept too (``x`` takes few values, ``t_x`` and ``T`` a
    few hundred): the likelihood evaluates its special functions and logarithms once per
    distinct value and gathers them per row (:class:`_BgnbdTerms`), which gives the same
    numbers as evaluating them per row.
    """

    def __init__(self, x, t_x, big_t):
        if len(x) == 0 or not (big_t > 0).any():
            raise InsufficientHistoryError("BG/NBD needs clients observed for a positive time")
        self.scale = 1.0 / float(np.max(big_t))
        stack = np.stack([x, t_x * self.scale, big_t * self.scale], axis=1)
        self.uniq, self.inverse = _unique_rows(stack)

    def weights(self, w=None) -> np.ndarray:
        w = np.ones(len(self.inverse)) if w is None else np.asarray(w, dtype="float64")
        return np.bincount(self.inverse, weights=w, minlength=len(self.uniq))


class _BgnbdTerms:
    """The BG/NBD log-likelihood of fixed rows (x, t_x, T), as :func:`_bgnbd_ll` computes it.

    The same operations on the same numbers, but each term that depends on one column only is
    evaluated on that column's distinct values and gathered per row (an optimiser calls the
    likelihood a few thousand times per fit).
    """

    def __init__(self, x, t_x, big_t):
        self.n = len(x)
        self.xv, xi = np.unique(x, return_inverse=True)
        self.xi = xi.ravel()
        self.tv, ti = np.unique(big_t, return_inverse=True)
        self.ti = ti.ravel()
        self.pos = x > 0
        self.xv_pos = self.xv > 0
        self.xi_pos = self.xi[self.pos]
        self.txv, txi = np.unique(t_x[self.pos], return_inverse=True)
        self.txi = txi.ravel()

    def __call__(self, logp) -> np.ndarray:
        from scipy.special import betaln, gammaln

        r, alpha, a, b = np.exp(logp)
        xv = self.xv
        a12 = ((gammaln(r + xv) - gammaln(r) + r * np.log(alpha))
               + (betaln(a, b + xv) - betaln(a, b)))
        rx = r + xv
        a3 = (-rx)[self.xi] * np.log(alpha + self.tv)[self.ti]
        a4 = np.full(self.n, -np.inf)
        log_b = np.zeros(len(xv))
        log_b[self.xv_pos] = np.log(b + xv[self.xv_pos] - 1)
        a4[self.pos] = (np.log(a) - log_b[self.xi_pos]
                        - rx[self.xi_pos] * np.log(alpha + self.txv)[self.txi])
        return a12[self.xi] + np.logaddexp(a3, a4)


def _fit_collapsed(c: _Collapsed, w: np.ndarray, penalizer: float, start) -> dict[str, float]:
    from scipy.optimize import minimize

    keep = w > 0
    xu, txu, Tu, w = c.uniq[keep, 0], c.uniq[keep, 1], c.uniq[keep, 2], w[keep]
    wsum = w.sum()
    ll_of = _BgnbdTerms(xu, txu, Tu)

    def nll(logp):
        return (-(w @ ll_of(logp)) / wsum
                + penalizer * float(np.sum(np.exp(logp) ** 2)))

    if start is None:
        x0 = np.zeros(4)
    else:
        x0 = np.log([start["r"], start["alpha"] * c.scale, start["a"], start["b"]])
    with _one_thread():
        res = minimize(nll, x0, method="L-BFGS-B", bounds=[(-15, 15)] * 4)
    r, alpha, a, b = (float(v) for v in np.exp(res.x))
    ll = float(w @ ll_of(res.x)) - wsum * r * np.log(c.scale)
    return {"r": r, "alpha": alpha / c.scale, "a": a, "b": b, "log_likelihood": ll,
            "n": float(wsum)}


def fit_bgnbd(
    frequency, recency, T, weights=None, penalizer: float = 0.0, start=None,
) -> dict[str, float]:
    """Maximum-likelihood BG/NBD parameters.

    Parameters
    ----------
    frequency, recency, T : array-like
        Repeat purchases, age at the last purchase and age at the end of calibration (one
        time unit; :func:`value_summary`).
    weights : array-like, optional
        Number of clients per row (e.g. bootstrap counts).
    penalizer : float, default 0
        L2 penalty on the parameters (lifetimes' ``penalizer_coef``; 0 = plain likelihood).
    start : mapping, optional
        Starting values (a previous fit), for a faster bootstrap.

    Returns
    -------
    dict
        ``r``, ``alpha``, ``a``, ``b``, ``log_likelihood`` (total, unpenalised), ``n``.

    Notes
    -----
    Same likelihood as lifetimes' ``BetaGeoFitter`` (time rescaled so the oldest client has
    T = 1 while optimising, identical clients collapsed with weights).
    """
    c = _Collapsed(np.asarray(frequency, dtype="float64"), np.asarray(recency, dtype="float64"),
                   np.asarray(T, dtype="float64"))
    return _fit_collapsed(c, c.weights(weights), penalizer, start)


def bgnbd_p_alive(params: Mapping[str, float], frequency, recency, T) -> np.ndarray:
    """P(the client is still active at ``T``) under BG/NBD (FHL 2005, eq. 12)."""
    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b"))
    x = np.asarray(frequency, dtype="float64")
    t_x = np.asarray(recency, dtype="float64")
    big_t = np.asarray(T, dtype="float64")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        odds = np.where(x > 0, a / np.maximum(b + x - 1, 1e-12)
                        * ((alpha + big_t) / (alpha + t_x)) ** (r + x), 0.0)
    return 1.0 / (1.0 + odds)


def bgnbd_expected_purchases(params: Mapping[str, float], t, frequency, recency, T) -> np.ndarray:
    """Expected purchases in ``(T, T + t]`` given the history (FHL 2005, eq. 10).

    ``t`` may be a scalar or broadcast against the clients (e.g. a column of horizons).
    """
    from scipy.special import hyp2f1

    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b"))
    x = np.asarray(frequency, dtype="float64")
    big_t = np.asarray(T, dtype="float64")
    t = np.asarray(t, dtype="float64")
    alive = bgnbd_p_alive(params, frequency, recency, T)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        stay = ((alpha + big_t) / (alpha + big_t + t)) ** (r + x)
        if abs(a - 1.0) > 1e-9:
            hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + big_t + t))
            out = (a + b + x - 1) / (a - 1) * (1 - stay * hyp) * alive
        else:  # the closed form is singular at a = 1
            out = alive * (r + x) / (alpha + big_t) * t
    return np.where(np.isfinite(out), np.maximum(out, 0.0), np.nan)


def _bgnbd_unconditional(params: Mapping[str, float], t) -> np.ndarray:
    """E[X(t)]: expected repeat purchases in ``(0, t]`` of a new client (FHL 2005, eq. 9)."""
    from scipy.special import hyp2f1

    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b"))
    t = np.asarray(t, dtype="float64")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        out = (a + b - 1) / (a - 1) * (
            1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t))
        )
    return np.where(t > 0, out, 0.0)


# --------------------------------------------------------------------------------------------
# Gamma-Gamma
# --------------------------------------------------------------------------------------------
def _gg_ll(logp, x, m):
    from scipy.special import gammaln

    p, q, v = np.exp(logp)
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(v + m * x))


class _GgTerms:
    """The Gamma-Gamma log-likelihood of fixed rows (x, m), as :func:`_gg_ll` computes it.

    The same operations on the same numbers; the terms of ``x`` alone are evaluated on its
    distinct values and gathered per row, ``log(m)``, ``log(x)`` and ``m x`` once per fit.
    """

    def __init__(self, x, m):
        self.xv, xi = np.unique(x, return_inverse=True)
        self.xi = xi.ravel()
        self.log_xv = np.log(self.xv)
        self.log_m = np.log(m)
        self.mx = m * x

    def __call__(self, logp) -> np.ndarray:
        from scipy.special import gammaln

        p, q, v = np.exp(logp)
        pxv = p * self.xv
        head = gammaln(pxv + q) - gammaln(pxv) - gammaln(q) + q * np.log(v)
        xi = self.xi
        return (head[xi] + (pxv[xi] - 1) * self.log_m + (pxv * self.log_xv)[xi]
                - (pxv + q)[xi] * np.log(v + self.mx))


def fit_gamma_gamma(frequency, monetary_value, weights=None, start=None) -> dict[str, float]:
    """Maximum-likelihood Gamma-Gamma parameters on clients with repeat purchases and spend > 0.

    Parameters
    ----------
    frequency, monetary_value : array-like
        Repeat purchases and mean spend per repeat purchase; rows with ``frequency == 0`` or
        ``monetary_value <= 0`` are left out (the model is undefined there).
    weights, start
        As in :func:`fit_bgnbd`.

    Returns
    -------
    dict
        ``p``, ``q``, ``gamma`` (scale, lifetimes' ``v``), ``log_likelihood``, ``n`` (clients
        used).
    """
    from scipy.optimize import minimize

    x = np.asarray(frequency, dtype="float64")
    m = np.asarray(monetary_value, dtype="float64")
    w = np.ones(len(x)) if weights is None else np.asarray(weights, dtype="float64")
    ok = (x > 0) & (m > 0) & (w > 0)
    if ok.sum() < 3:
        raise InsufficientHistoryError(
            "Gamma-Gamma needs at least 3 clients with repeat purchases and a positive spend"
        )
    x, m, w = x[ok], m[ok], w[ok]
    scale = 1.0 / float(np.mean(m))
    ms = m * scale

    ll_of = _GgTerms(x, ms)

    def nll(logp):
        return -(w @ ll_of(logp)) / w.sum()

    x0 = np.zeros(3) if start is None else np.log([start["p"], start["q"], start["gamma"] * scale])
    with _one_thread():
        res = minimize(nll, x0, method="L-BFGS-B", bounds=[(-15, 15)] * 3)
    p, q, v = (float(k) for k in np.exp(res.x))
    ll = float(w @ ll_of(res.x)) + float(w @ np.log(np.full_like(m, scale)))
    return {"p": p, "q": q, "gamma": v / scale, "log_likelihood": ll, "n": float(w.sum())}


def gamma_gamma_spend(params: Mapping[str, float], frequency, monetary_value) -> np.ndarray:
    """Expected spend per future purchase: ``(gamma + m x) p / (p x + q - 1)``.

    ``x = 0`` gives the population mean ``p gamma / (q - 1)``; a mean spend <= 0 is taken as 0
    (the limit of the formula), see the module notes.
    """
    p, q, v = (params[k] for k in ("p", "q", "gamma"))
    x = np.asarray(frequency, dtype="float64")
    m = np.maximum(np.asarray(monetary_value, dtype="float64"), 0.0)
    if q <= 1:
        raise WorkbenchError(f"Gamma-Gamma q = {q:.3g} <= 1: the mean spend is not finite")
    return (v + m * x) * p / (p * x + q - 1)


# --------------------------------------------------------------------------------------------
# customer value
# --------------------------------------------------------------------------------------------
@dataclass
class CustomerValue:
    """The result of :func:`customer_value`.

    Attributes
    ----------
    table : pandas.DataFrame
        Per client (index ``customer_id``): ``frequency``, ``recency``, ``T``,
        ``monetary_value``, ``basis``, ``p_alive``, ``expected_purchases`` (in the horizon),
        ``expected_spend_per_purchase``, ``expected_spend`` (revenue in the horizon,
        undiscounted), ``margin_rate``, ``clv`` (discounted margin in the horizon), ``clv_low``,
        ``clv_high`` (bootstrap interval; NaN without bootstrap).
    bgnbd, gamma_gamma : dict
        Fitted parameters (see :func:`fit_bgnbd`, :func:`fit_gamma_gamma`).
    independence : dict
        The Gamma-Gamma assumption check on the clients it was fitted on: ``correlation``
        (Pearson, frequency vs mean spend), ``spearman``, ``n``, and ``holds`` (|Pearson| < 0.3,
        the rule of thumb; FHL report 0.11 on CDNOW).
    horizon_days, discount_rate, period_days, interval, n_boot : float or int
        The settings: the horizon, discount per period and the period length in days, the
        interval level and the bootstrap replicates.
    margin_source : str
        ``"argument"``, ``"cost"`` (margin rate of the rows with a cost) or ``"none"``
        (revenue: no cost and no margin given).
    bootstrap : pandas.DataFrame
        Parameters of each bootstrap replicate.
    spend_model : dict
        How the spend per future purchase was estimated: ``method`` ``"gamma_gamma"``, or
        ``"run_rate"`` with ``reason`` ``"gamma_gamma_q_le_1"`` when the fitted ``q`` is at
        most 1 - the Gamma-Gamma mean spend ``p gamma / (q - 1)`` is then undefined (a
        heavy tail of big spenders), and each client's own mean spend per purchase day up to
        ``asof`` is used instead (the bootstrap then varies the purchases only); ``q``.
    """

    table: pd.DataFrame
    bgnbd: dict
    gamma_gamma: dict
    independence: dict
    horizon_days: int
    discount_rate: float
    period_days: float
    interval: float
    n_boot: int
    margin_source: str
    unit_days: float = WEEK_DAYS
    asof: pd.Timestamp | None = None
    bootstrap: pd.DataFrame = field(default_factory=pd.DataFrame)
    spend_model: dict = field(default_factory=dict)

    @property
    def totals(self) -> dict[str, float]:
        """Sums over clients: expected purchases, expected spend and CLV (with interval)."""
        t = self.table
        return {
            "clients": int(len(t)),
            "expected_purchases": float(t["expected_purchases"].sum()),
            "expected_spend": float(t["expected_spend"].sum()),
            "clv": float(t["clv"].sum()),
            "clv_low": float(self._total_interval[0]),
            "clv_high": float(self._total_interval[1]),
        }

    _total_interval: tuple[float, float] = (float("nan"), float("nan"))


def _margin(cut: pd.DataFrame, ids: pd.Index, margin) -> tuple[np.ndarray, str]:
    if margin is not None:
        if isinstance(margin, pd.Series):
            mr = margin.reindex(ids).to_numpy(dtype="float64")
            if np.isnan(mr).any():
                raise WorkbenchError("margin: a Series must give a rate for every client")
        else:
            mr = np.full(len(ids), float(margin))
        if np.any((mr <= 0) | (mr > 1)):
            raise WorkbenchError(f"margin must be a rate in (0, 1]; got {margin!r}")
        return mr, "argument"
    if "cost" in cut.columns and cut["cost"].notna().any():
        known = cut["cost"].notna() & (cut["amount"] > 0)
        revenue = float(cut.loc[known, "amount"].sum())
        if revenue > 0:
            rate = 1.0 - float(cut.loc[known, "cost"].sum()) / revenue
            return np.full(len(ids), rate), "cost"
    return np.ones(len(ids)), "none"


def _purchase_steps(bg, c: _Collapsed, steps: np.ndarray) -> np.ndarray:
    """Cumulative expected purchases at each step, per unique history (rows of ``c.uniq``)."""
    xu = c.uniq[:, 0]
    txu, Tu = c.uniq[:, 1] / c.scale, c.uniq[:, 2] / c.scale
    if not len(steps):
        return np.zeros((len(xu), 0))
    return np.stack([bgnbd_expected_purchases(bg, t, xu, txu, Tu) for t in steps], axis=1)


def _value(bg, gg, c: _Collapsed, x, m, steps, disc, margin, own_spend=None):
    cum = _purchase_steps(bg, c, steps)
    per_step = np.diff(np.concatenate([np.zeros((len(cum), 1)), cum], axis=1), axis=1)
    discounted = (per_step * disc[None, :]).sum(axis=1)[c.inverse]
    purchases = (cum[:, -1] if cum.shape[1] else np.zeros(len(cum)))[c.inverse]
    spend = gamma_gamma_spend(gg, x, m) if own_spend is None else own_spend
    return purchases, spend, discounted * spend * margin


def _own_spend(cut: pd.DataFrame, s: pd.DataFrame) -> np.ndarray:
    """Each client's own mean net spend per purchase day up to ``asof`` (>= 0): the run rate."""
    net = cut.groupby(cut["customer_id"].astype("string"))["amount"].sum()
    total = net.reindex(s.index, fill_value=0.0).to_numpy(dtype="float64")
    return np.maximum(total / (s["frequency"].to_numpy(dtype="float64") + 1.0), 0.0)


@cached("customer-value")  # fitted once per `workbench run` (workbench._cache)
def customer_value(
    tx,
    asof: object = None,
    horizon: object = "1Y",
    margin: float | pd.Series | None = None,
    discount_rate: float = 0.01,
    period: object = "1M",
    columns: Mapping[str, str] | None = None,
    zero_value: str = "purchase",
    n_boot: int = 100,
    interval: float = 0.9,
    random_state: int = 0,
) -> CustomerValue:
    """Expected purchases, spend and discounted customer lifetime value over a horizon.

    Parameters
    ----------
    tx : pandas.DataFrame or client folder
        Transactions (``customer_id``, ``date``, ``amount``; ``cost`` gives the margin).
    asof : date-like, optional
        End of the known data (a whole calendar day); default the last date.
    horizon : str, int or Timedelta, default "1Y"
        The period the value is summed over (see :func:`workbench.churn.parse_horizon`).
    margin : float or Series, optional
        Margin rate in (0, 1] (one number, or per client). Default: the margin rate of the
        rows with a ``cost`` (``1 - cost / amount``), else 1 (the value is then revenue).
    discount_rate : float, default 0.01
        Discount rate per ``period`` (0.01 per month is about 12.7 % a year).
    period : str, int or Timedelta, default "1M"
        The discounting period; purchases expected in the k-th period are divided by
        ``(1 + discount_rate) ** k``.
    columns : mapping, optional
        ``{your column: canonical column}`` for ``tx``.
    zero_value : {"purchase", "ignore"}, default "purchase"
        See the module notes.
    n_boot : int, default 100
        Bootstrap replicates over clients (0 = no interval). Each replicate refits both
        models on clients drawn with replacement and recomputes every client's CLV.
    interval : float, default 0.9
        Central coverage of ``clv_low`` .. ``clv_high``.
    random_state : int, default 0

    Returns
    -------
    CustomerValue

    Notes
    -----
    The interval is the uncertainty of the *estimate* of each client's expected value that
    comes from estimating the four + three parameters on this client base - not the range of
    what a single client will actually spend (that is far wider: a client buys or does not).
    BG/NBD and Gamma-Gamma assume that how often a client buys and how much they spend are
    independent; ``independence`` reports the correlation so the analyst can judge it.
    When the Gamma-Gamma fit gives ``q <= 1`` its mean spend is undefined: the spend per
    purchase falls back to each client's own run rate and ``spend_model`` says so.
    """
    if not 0 < interval < 1:
        raise WorkbenchError(f"interval must be in (0, 1); got {interval!r}")
    if discount_rate < 0:
        raise WorkbenchError(f"discount_rate must not be negative; got {discount_rate!r}")
    tx, *_ = _unpack(tx)
    s = value_summary(tx, asof, columns, WEEK_DAYS, zero_value)
    if s.empty:
        raise InsufficientHistoryError("no purchases up to asof: there is no value to model")
    cut, asof_ts = _through(tx, asof, columns)
    h_days = horizon_days(horizon, asof_ts)
    p_days = horizon_days(period, asof_ts)
    n_steps = int(np.ceil(h_days / p_days))
    steps = np.minimum(np.arange(1, n_steps + 1) * p_days, h_days) / WEEK_DAYS
    disc = (1.0 + float(discount_rate)) ** -np.arange(1, n_steps + 1, dtype="float64")
    mr, source = _margin(cut, s.index, margin)
    x, tx_, big_t, m = (s[c].to_numpy() for c in ("frequency", "recency", "T", "monetary_value"))
    coll = _Collapsed(x, tx_, big_t)
    bg = _fit_collapsed(coll, coll.weights(), 0.0, None)
    gg = fit_gamma_gamma(x, m)
    own = None
    spend_model = {"method": "gamma_gamma", "reason": None, "q": float(gg["q"])}
    if not gg["q"] > 1:  # the population mean spend p gamma / (q - 1) does not exist
        own = _own_spend(cut, s)
        spend_model.update(method="run_rate", reason="gamma_gamma_q_le_1")
    purchases, spend, clv = _value(bg, gg, coll, x, m, steps, disc, mr, own)
    table = s.drop(columns=["first_day"]).assign(
        p_alive=bgnbd_p_alive(bg, x, tx_, big_t),
        expected_purchases=purchases,
        expected_spend_per_purchase=spend,
        expected_spend=purchases * spend,
        margin_rate=mr,
        clv=clv,
    )
    ok = (x > 0) & (m > 0)
    from scipy.stats import pearsonr, spearmanr

    corr = float(pearsonr(x[ok], m[ok])[0]) if ok.sum() > 2 else float("nan")
    independence = {
        "correlation": corr,
        "spearman": float(spearmanr(x[ok], m[ok])[0]) if ok.sum() > 2 else float("nan"),
        "n": int(ok.sum()),
        "holds": bool(abs(corr) < 0.3) if corr == corr else False,
    }
    boot_rows = []
    lo = hi = np.full(len(s), np.nan)
    total_iv = (float("nan"), float("nan"))
    if n_boot:
        rng = np.random.default_rng(random_state)
        sims = np.empty((int(n_boot), len(s)))
        with _one_thread():  # one thread for every fit, entered once
            for i in range(int(n_boot)):
                w = rng.multinomial(len(s), np.full(len(s), 1.0 / len(s))).astype("float64")
                bg_i = _fit_collapsed(coll, coll.weights(w), 0.0, bg)
                try:
                    gg_i = gg if own is not None else fit_gamma_gamma(x, m, weights=w, start=gg)
                    _, _, sims[i] = _value(bg_i, gg_i, coll, x, m, steps, disc, mr, own)
                except (InsufficientHistoryError, WorkbenchError):
                    sims[i] = np.nan
                    gg_i = {"p": np.nan, "q": np.nan, "gamma": np.nan}
                boot_rows.append({**{k: bg_i[k] for k in ("r", "alpha", "a", "b")},
                                  **{k: gg_i[k] for k in ("p", "q", "gamma")}})
        tail = (1.0 - interval) / 2
        sims = sims[~np.isnan(sims).any(axis=1)]
        if not len(sims):
            raise WorkbenchError("every bootstrap replicate failed; use n_boot=0")
        lo, hi = np.quantile(sims, [tail, 1 - tail], axis=0)
        totals = sims.sum(axis=1)
        total_iv = (float(np.quantile(totals, tail)), float(np.quantile(totals, 1 - tail)))
    table["clv_low"] = lo
    table["clv_high"] = hi
    out = CustomerValue(
        table=table, bgnbd=bg, gamma_gamma=gg, independence=independence,
        horizon_days=int(h_days), discount_rate=float(discount_rate), period_days=float(p_days),
        interval=float(interval), n_boot=int(n_boot), margin_source=source,
        asof=pd.Timestamp(asof_ts).normalize(), bootstrap=pd.DataFrame(boot_rows),
        spend_model=spend_model,
    )
    out._total_interval = total_iv
    return out


# --------------------------------------------------------------------------------------------
# diagnostics
# --------------------------------------------------------------------------------------------
def _repeat_days_in(tx: pd.DataFrame, start_day: int, end_day: int, zero_value: str) -> pd.Series:
    """Purchase days per client in ``(start_day, end_day]`` (day numbers)."""
    amount = tx["amount"].to_numpy(dtype="float64")
    occ = amount > 0 if zero_value == "ignore" else amount >= 0
    day = _day(tx["date"])
    sel = occ & (day > start_day) & (day <= end_day)
    pairs = pd.DataFrame({"c": tx["customer_id"].to_numpy()[sel], "d": day[sel]}).drop_duplicates()
    out = pairs.groupby("c").size()
    out.index = out.index.astype("string")
    return out


def _split(tx, calibration_end, holdout_end, columns):
    tx, *_ = _unpack(tx)
    full, _ = prepare_transactions(tx, None, columns)
    cal_end = pd.Timestamp(calibration_end).normalize()
    hold_end = (pd.Timestamp(holdout_end).normalize() if holdout_end is not None
                else full["date"].max().normalize())
    if hold_end <= cal_end:
        raise WorkbenchError("holdout_end must be after calibration_end")
    return full, cal_end, hold_end


def holdout_by_frequency(
    tx,
    calibration_end: object,
    holdout_end: object = None,
    columns: Mapping[str, str] | None = None,
    zero_value: str = "purchase",
    max_frequency: int = 7,
    params: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Predicted vs actual purchases in a holdout period, by repeat purchases in calibration.

    Parameters
    ----------
    tx : pandas.DataFrame or client folder
        Transactions covering both periods.
    calibration_end : date-like
        Last day of the calibration period (included); the model is fitted on it.
    holdout_end : date-like, optional
        Last day of the holdout (default: the last date in ``tx``).
    columns, zero_value
        As in :func:`value_summary`.
    max_frequency : int, default 7
        Clients with this many or more repeat purchases share the last row ("7+").
    params : mapping, optional
        BG/NBD parameters to use instead of fitting.

    Returns
    -------
    pandas.DataFrame
        Index ``frequency`` (0, 1, ..., ``max_frequency`` = that many or more); ``clients``,
        ``actual`` and ``predicted`` (mean holdout purchases per client), ``error``
        (predicted - actual). ``attrs["params"]`` holds the BG/NBD parameters and
        ``attrs["mae"]`` the mean absolute error per client.
    """
    full, cal_end, hold_end = _split(tx, calibration_end, holdout_end, columns)
    s = value_summary(full, cal_end, None, WEEK_DAYS, zero_value)
    x, tx_, big_t = (s[c].to_numpy() for c in ("frequency", "recency", "T"))
    bg = dict(params) if params is not None else fit_bgnbd(x, tx_, big_t)
    t = (hold_end - cal_end).days / WEEK_DAYS
    pred = bgnbd_expected_purchases(bg, t, x, tx_, big_t)
    cal_day = int(np.datetime64(cal_end, "D").astype("int64"))
    hold_day = int(np.datetime64(hold_end, "D").astype("int64"))
    actual = _repeat_days_in(full, cal_day, hold_day, zero_value).reindex(s.index, fill_value=0)
    actual = actual.to_numpy(dtype="float64")
    group = np.minimum(x, max_frequency).astype("int64")
    frame = pd.DataFrame({"frequency": group, "actual": actual, "predicted": pred})
    out = frame.groupby("frequency").agg(clients=("actual", "size"), actual=("actual", "mean"),
                                         predicted=("predicted", "mean"))
    out["error"] = out["predicted"] - out["actual"]
    out.attrs["params"] = bg
    out.attrs["mae"] = float(np.mean(np.abs(pred - actual)))
    out.attrs["total_actual"] = float(actual.sum())
    out.attrs["total_predicted"] = float(pred.sum())
    return out


def tracking(
    tx,
    calibration_end: object,
    holdout_end: object = None,
    columns: Mapping[str, str] | None = None,
    zero_value: str = "purchase",
    params: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Weekly repeat purchases of the calibration cohort: actual vs the BG/NBD model.

    Parameters
    ----------
    tx, calibration_end, holdout_end, columns, zero_value, params
        As in :func:`holdout_by_frequency`. The cohort is every client whose first purchase is
        on or before ``calibration_end``.

    Returns
    -------
    pandas.DataFrame
        One row per week from the first purchase to ``holdout_end`` (index ``week_end``, the
        last day of the week; the first week starts on the first purchase day, the last may
        be shorter): ``actual`` and ``model`` repeat purchases in the week,
        ``cumulative_actual``, ``cumulative_model`` and ``holdout`` (True after
        ``calibration_end``).
    """
    full, cal_end, hold_end = _split(tx, calibration_end, holdout_end, columns)
    s = value_summary(full, cal_end, None, WEEK_DAYS, zero_value)
    bg = dict(params) if params is not None else fit_bgnbd(
        s["frequency"].to_numpy(), s["recency"].to_numpy(), s["T"].to_numpy())
    first = s["first_day"].to_numpy().astype("datetime64[D]").astype("int64")
    start = int(first.min())
    end = int(np.datetime64(hold_end, "D").astype("int64"))
    # weeks (start - 1, start + 6], ... : the first week ends 6 days after the first purchase
    edges = np.arange(start - 1, end + 7, 7)
    edges = np.unique(np.minimum(edges, end))
    # the model: sum over clients of E[X(t)] since their first purchase, differenced by week
    cum_model = np.array([_bgnbd_unconditional(bg, np.maximum(e - first, 0) / WEEK_DAYS).sum()
                          for e in edges])
    amount = full["amount"].to_numpy(dtype="float64")
    occ = amount > 0 if zero_value == "ignore" else amount >= 0
    day = _day(full["date"])
    cohort = isin(full["customer_id"].astype("string"), s.index)
    pairs = pd.DataFrame({"c": full["customer_id"].to_numpy()[occ & cohort],
                          "d": day[occ & cohort]}).drop_duplicates()
    firsts = pairs.groupby("c")["d"].transform("min")
    repeat_days = np.sort(pairs.loc[pairs["d"] > firsts, "d"].to_numpy())
    cum_actual = np.searchsorted(repeat_days, edges, side="right").astype("float64")
    week_end = pd.to_datetime(edges[1:].astype("datetime64[D]"))
    out = pd.DataFrame(
        {
            "actual": np.diff(cum_actual),
            "model": np.diff(cum_model),
            "cumulative_actual": cum_actual[1:] - cum_actual[0],
            "cumulative_model": cum_model[1:] - cum_model[0],
            "holdout": week_end > cal_end,
        },
        index=pd.Index(week_end, name="week_end"),
    )
    out.attrs["params"] = bg
    return out

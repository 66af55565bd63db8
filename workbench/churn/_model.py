"""The churn model: a calibrated classifier trained on past windows of the same log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from workbench._columns import prepare_transactions
from workbench._ids import isin
from workbench.churn._bgnbd import _BGNBD_COLUMNS, _bgnbd_features
from workbench.churn._calibration import _metrics, calibration_table, model_vs_recency
from workbench.churn._features import (
    _MIN_DEFINED,
    _categories,
    _features,
    _prepare_side_tables,
    _unpack,
)
from workbench.churn._horizons import _horizon_label, _shift, horizon_days, parse_horizon
from workbench.churn._importance import permutation_auc_importance
from workbench.churn._impute import MedianImputer
from workbench.churn._labels import _labels, churn_labels
from workbench.churn._persistence import load_model, save_model
from workbench.errors import InsufficientHistoryError, WorkbenchError

#: Rows (a random subset of the most recent window) and shuffles for permutation importance.
_IMPORTANCE_ROWS = 3000
_IMPORTANCE_REPEATS = 2


#: The transaction columns the features (:func:`_features`) and the labels read.
_TX_COLUMNS = ("customer_id", "date", "amount", "cost")


def _default_estimator(random_state):
    """Logistic regression on arcsinh-compressed, standardised features (NaN -> median + flag).

    Chosen over ``HistGradientBoostingClassifier`` by ``benchmarks/bench_churn.py``: on strict
    temporal splits the boosted trees overfit the older windows (prices, seasons and the client
    mix drift between them) and lost 0.01-0.05 ROC AUC to this simpler model.
    """
    return make_pipeline(
        MedianImputer(add_indicator=True),  # SimpleImputer's medians, by partition
        FunctionTransformer(np.arcsinh),
        StandardScaler(),
        LogisticRegression(max_iter=1000, random_state=random_state),
    )


#: Folds of the cross-validated calibration (one cut-off, or a recent one with one outcome).
_CALIBRATION_FOLDS = 3


def _check_folds(y: np.ndarray, folds: int, horizon: object) -> None:
    """A clear error when an outcome has fewer training examples than the calibration's folds
    (each fold needs one of each), instead of scikit-learn's."""
    churned = int(np.count_nonzero(y))
    stayed = len(y) - churned
    if min(churned, stayed) < folds:
        raise InsufficientHistoryError(
            f"ChurnModel(horizon={horizon!r}): {churned} training example(s) churned and "
            f"{stayed} stayed; calibrating the probabilities needs at least {folds} of each. "
            "Use a longer history (more cut-offs), another horizon, or calibrate=False"
        )


class ChurnModel(BaseEstimator):
    """Predict, for each client, the probability of no purchase within the horizon.

    This is a *domain model*, not a scikit-learn estimator on a feature matrix: like the
    fitters of ``lifetimes`` and PyMC-Marketing's CLV models it takes a transaction log (or
    the client folder, :func:`workbench.load_folder`) and builds its own labels and features
    from it, so ``fit`` has no ``y`` and ``predict_proba`` returns a Series indexed by client.
    It inherits :class:`~sklearn.base.BaseEstimator` for ``get_params`` / ``set_params`` /
    ``clone`` / ``repr``; the scikit-learn estimator checks about parameters, cloning and the
    unfitted state hold (a test pins them), those that feed it numeric arrays do not apply.

    Parameters
    ----------
    horizon : str, int or Timedelta, default "90D"
        Churn horizon ``H`` (see :func:`parse_horizon`).
    estimator : scikit-learn classifier, optional
        Defaults to a logistic regression pipeline (median imputation with missing-value flags,
        ``arcsinh`` compression of skewed counts and money, standardisation). Any classifier
        with ``predict_proba`` works if it accepts NaN (e.g.
        ``HistGradientBoostingClassifier(random_state=0)``) or is wrapped with an imputer.
    calibrate : bool, default True
        Calibrate the probabilities (see Notes).
    calibration : {"sigmoid", "isotonic", "auto"}, default "sigmoid"
        Platt scaling keeps the classifier's ranking intact. Isotonic regression is a step
        function: it ties hundreds of clients at the same probability, which cost 0.005 average
        precision on the sample business in ``benchmarks/bench_churn.py``. ``"auto"`` =
        isotonic with at least 2,000 calibration rows, else sigmoid.
    max_windows : int, default 4
        Maximum number of stacked training windows (features at ``asof - kH``, labels in
        ``(asof - kH, asof - (k-1)H]`` for ``k = 1 .. max_windows``).
    btyd : bool, default True
        Add three BG/NBD features (``bgnbd_p_alive``, ``bgnbd_p_no_purchase`` in the horizon,
        ``bgnbd_expected_purchases``): a BG/NBD model (Fader, Hardie & Lee 2005; same
        likelihood and penalty 0.001 as lifetimes) is fitted, without labels, on the histories
        up to each feature date - including the scoring date - so it never sees the future.
    random_state : int, default 0
    n_threads : int or None, default 1
        Threads for OpenMP/BLAS during fit and predict (``None`` = library default). One
        thread is the steady choice on small shared machines.

    Attributes
    ----------
    predictor_ : classifier
        The fitted (calibrated) classifier.
    baseline_ : LogisticRegression
        The recency baseline: a logistic curve on ``log1p(recency_days)`` fitted on the most
        recent window, so the baseline also yields probabilities.
    feature_names_in_ : list of str
    categories_ : dict
        One-hot categories learned from the customers table.
    tables_ : tuple of str
        The side tables (customers / feedback / survey) given to ``fit``; scoring needs them too.
    windows_ : list of Timestamp
        Feature dates of the training windows, most recent first.
    asof_ : Timestamp
        End of the training data.
    n_train_, base_rate_ : int, float
        Training examples and their churn rate.
    importances_ : pandas.DataFrame
        Permutation importances (drop of ROC AUC when a feature is shuffled), measured on up to
        3,000 rows of the most recent window.
    reference_ : pandas.Series
        Median of each feature over the training rows (used by :meth:`reasons`).

    Notes
    -----
    *Training windows.* With ``asof`` = the end of the known data, the most recent complete
    example is "features at ``asof - H``, outcome in ``(asof - H, asof]``". Earlier windows
    ``asof - 2H``, ``asof - 3H`` ... are stacked while the feature date is at least one horizon
    after the first purchase in the log (and at least one window is always used), up to
    ``max_windows`` (default 4: a year of windows for a 3-month horizon).

    *Calibration.* Churn rates drift with seasons, so the probabilities are calibrated out of
    time: the classifier is trained on the older windows and a Platt (or isotonic) map is
    fitted on the most recent window, the one closest to the period being scored
    (:class:`sklearn.frozen.FrozenEstimator` + ``CalibratedClassifierCV``). With a single
    window, a 3-fold stratified ``CalibratedClassifierCV`` is used instead.

    Examples
    --------
    >>> model = ChurnModel(horizon="3M").fit(tx)                       # doctest: +SKIP
    >>> model.predict_proba(tx).sort_values().tail()                     # doctest: +SKIP
    """

    def __init__(
        self,
        horizon: object = "90D",
        estimator: Any = None,
        calibrate: bool = True,
        calibration: str = "sigmoid",
        max_windows: int = 4,
        btyd: bool = True,
        random_state: int | None = 0,
        n_threads: int | None = 1,
    ) -> None:
        self.horizon = horizon
        self.estimator = estimator
        self.calibrate = calibrate
        self.calibration = calibration
        self.max_windows = max_windows
        self.btyd = btyd
        self.random_state = random_state
        self.n_threads = n_threads

    # -- helpers ------------------------------------------------------------------------------
    def _augment(self, X: pd.DataFrame, asof: pd.Timestamp) -> pd.DataFrame:
        """Add the BG/NBD features, fitted on the clients' histories up to ``asof``."""
        if not self.btyd:
            return X
        if len(X) == 0:
            return X.assign(**{c: np.nan for c in _BGNBD_COLUMNS})
        days = horizon_days(self.horizon, asof)
        paying = X["avg_purchase_value"].to_numpy() > 0
        params = None
        if paying.any() and not paying.all():  # parameters from paying clients, as in training
            _, params = _bgnbd_features(X.loc[paying], days)
        extra, _ = _bgnbd_features(X, days, params)
        return pd.concat([X, extra], axis=1)

    def _limits(self):
        return threadpool_limits(limits=self.n_threads) if self.n_threads else _NullContext()

    def _align(self, X: pd.DataFrame) -> pd.DataFrame:
        onehot = [c for c in self.feature_names_in_ if "=" in c]
        missing = [c for c in self.feature_names_in_ if c not in X.columns and c not in onehot]
        if missing:
            raise WorkbenchError(
                f"ChurnModel was trained with feature(s) {missing} that cannot be built from the "
                "data given now: pass the same tables as in fit (customers / feedback / survey) "
                "and a transactions table with the same columns (e.g. cost)"
            )
        return X.reindex(columns=self.feature_names_in_, fill_value=0.0)

    def _features_at(self, tx, asof, customers, feedback, survey, columns):
        check_is_fitted(self, "predictor_")
        tx, customers, feedback, survey = _unpack(tx, customers, feedback, survey)
        given = {"customers": customers, "feedback": feedback, "survey": survey}
        missing = [k for k in self.tables_ if given[k] is None]
        if missing:
            raise WorkbenchError(
                f"ChurnModel was fitted with the {', '.join(missing)} table(s): pass the same "
                f"tables as in fit (e.g. model.predict_proba(tx, asof, {missing[0]}=...))"
            )
        tx_cut, asof_ts = prepare_transactions(tx, asof, columns)
        cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
        X = _features(tx_cut, asof_ts, cust, fb, sv, self.categories_)
        return self._align(self._augment(X, asof_ts)), asof_ts

    def _proba(self, X: pd.DataFrame) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        with self._limits():
            return self.predictor_.predict_proba(X)[:, 1]

    def _baseline_proba(self, X: pd.DataFrame) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        z = np.log1p(X[["recency_days"]].to_numpy(dtype="float64"))
        return self.baseline_.predict_proba(z)[:, 1]

    # -- fit ----------------------------------------------------------------------------------
    def fit(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> ChurnModel:
        """Train on windows ending on or before ``asof`` (default: the last transaction date).

        Parameters
        ----------
        tx, customers, feedback, survey, columns
            As in :func:`customer_features`: ``tx`` may be the client folder
            (:func:`workbench.load_folder`), which supplies all four tables at once -
            ``model.fit(folder)`` - and then ``model.predict_proba(folder)``.
        asof : date-like, optional
            End of the known data; nothing after it is read.

        Returns
        -------
        ChurnModel
            ``self``.

        Notes
        -----
        Within ``workbench run`` the fitted state is shared by the step kernels (keyed on the
        parameters and the tables' content, see :mod:`workbench._cache`): a model fitted on
        the same data in an earlier step is read back, not fitted again.
        """
        from workbench import _cache

        args = [tx, asof, customers, feedback, survey, columns]

        def key() -> str:
            if self.estimator is not None:  # an own estimator is not digested: fit afresh
                raise _cache.Uncacheable("ChurnModel(estimator=...)")
            # keyed on what the fit reads - the transactions cut at asof, asof as a day - so
            # that fit(tx), fit(tx, asof=<last day>) and fit(<the cut>, <its day>) (what
            # client_base passes) share one entry
            frame, cust, fb, sv = _unpack(tx, customers, feedback, survey)
            full, asof_ts = prepare_transactions(frame, asof, columns)
            args[:] = [full, asof_ts, cust, fb, sv, None]  # a miss fits on the same cut
            return _cache.fingerprint("churn-fit", type(self).__qualname__, self.get_params(),
                                      (full, cust, fb, sv), asof_ts)

        state = _cache.memo("churn-fit", key, lambda: dict(self._fit(*args).__dict__))
        self.__dict__.update(state)
        return self

    def _fit(self, tx, asof, customers, feedback, survey, columns) -> ChurnModel:
        offset = parse_horizon(self.horizon)
        if not isinstance(self.max_windows, (int, np.integer)) or self.max_windows < 1:
            raise WorkbenchError(f"max_windows must be an integer >= 1; got {self.max_windows!r}")
        if self.calibration not in ("auto", "isotonic", "sigmoid"):
            raise WorkbenchError(
                f"calibration must be 'auto', 'isotonic' or 'sigmoid'; got {self.calibration!r}"
            )
        tx, customers, feedback, survey = _unpack(tx, customers, feedback, survey)
        full, asof_ts = prepare_transactions(tx, asof, columns)
        cust, fb, sv = _prepare_side_tables(customers, feedback, survey)
        buys = full.loc[full["amount"] > 0, "date"]
        if buys.empty:
            raise WorkbenchError("transactions: no purchases (amount > 0) to learn from")
        first = buys.min()
        windows = []
        for k in range(1, int(self.max_windows) + 1):
            a_k = _shift(asof_ts, offset, -k)
            if a_k < first or (k > 1 and _shift(a_k, offset, -1) < first):
                break
            windows.append(a_k)
        if not windows:
            raise InsufficientHistoryError(
                f"transactions start on {first.date()}: ChurnModel(horizon={self.horizon!r}) "
                f"needs purchases before {_shift(asof_ts, offset, -1).date()} (asof minus one "
                "horizon) to learn who comes back; use a shorter horizon or more history"
            )
        self.categories_ = _categories(cust)
        self.tables_ = tuple(
            k for k, v in (("customers", cust), ("feedback", fb), ("survey", sv)) if v is not None
        )
        Xs, ys = [], []
        # the columns the features and labels read: every cut-off copies only these (a
        # product or channel column is text, and Arrow text is the slowest to take)
        full = full[[c for c in _TX_COLUMNS if c in full.columns]]
        # the clients factorised once for every cut-off (each takes its rows' codes)
        codes, uniques = pd.factorize(full["customer_id"], sort=True)
        for a_k in windows:
            through = (full["date"] < a_k.normalize() + pd.Timedelta(days=1)).to_numpy()
            Xk = _features(full.loc[through], a_k, cust, fb, sv, self.categories_,
                           codes=(codes[through], uniques))
            Xk = self._augment(Xk, a_k)
            yk = _labels(full, a_k, offset, codes=(codes, uniques))
            Xk = Xk.loc[isin(Xk.index, yk.index)]  # trained on labelled (paying) clients only
            yk = yk.reindex(Xk.index)
            Xs.append(Xk)
            ys.append(yk)
        cols = list(Xs[0].columns)
        Xs = [x.reindex(columns=cols, fill_value=0.0) for x in Xs]
        # a feature defined for (almost) no training row (e.g. resolution time when hardly any
        # complaint was resolved) carries no information, and an all-NaN column breaks the
        # binning of HistGradientBoosting (scikit-learn 1.9): drop it
        defined = sum(x.notna().sum() for x in Xs)
        cols = [c for c in cols if defined[c] >= _MIN_DEFINED]
        n_examples = sum(len(x) for x in Xs)
        if not cols:  # fewer training rows than a feature needs to be defined on
            raise InsufficientHistoryError(
                f"ChurnModel(horizon={self.horizon!r}): {n_examples} training example(s) "
                f"over {len(windows)} cut-off(s); at least {_MIN_DEFINED} are needed to learn "
                "from. Use a longer history (more cut-offs) or another horizon"
            )
        Xs = [x[cols] for x in Xs]
        y_all = np.concatenate([y.to_numpy() for y in ys])
        if y_all.min() == y_all.max():
            raise WorkbenchError(
                "every training example has the same outcome (all churned or none churned), so "
                "there is nothing to learn; check the horizon and the data"
            )
        self.feature_names_in_ = cols
        self.windows_ = windows
        self.asof_ = asof_ts
        self.horizon_ = _horizon_label(self.horizon)
        est = clone(self.estimator) if self.estimator is not None else _default_estimator(
            self.random_state
        )
        X_recent, y_recent = Xs[0], ys[0].to_numpy()
        with self._limits():
            if not self.calibrate:
                X_all = pd.concat(Xs)
                self.predictor_ = est.fit(X_all, y_all)
            elif len(Xs) >= 2 and 0 < y_recent.sum() < len(y_recent):
                X_old = pd.concat(Xs[1:])
                y_old = np.concatenate([y.to_numpy() for y in ys[1:]])
                if y_old.min() == y_old.max():
                    X_old, y_old = pd.concat(Xs), y_all
                # a feature may be undefined in every older window (e.g. NPS collected only
                # recently): constant there, so the trees ignore it; 0 avoids the NaN-only bug
                X_old = X_old.fillna({c: 0.0 for c in X_old.columns if X_old[c].isna().all()})
                est.fit(X_old, y_old)
                cal = CalibratedClassifierCV(
                    FrozenEstimator(est), method=self._method(len(y_recent))
                )
                self.predictor_ = cal.fit(X_recent, y_recent)
            else:
                _check_folds(y_all, _CALIBRATION_FOLDS, self.horizon)
                X_all = pd.concat(Xs)
                cal = CalibratedClassifierCV(
                    est,
                    method=self._method(len(y_all)),
                    cv=StratifiedKFold(_CALIBRATION_FOLDS, shuffle=True,
                                       random_state=self.random_state),
                )
                self.predictor_ = cal.fit(X_all, y_all)
            z = np.log1p(X_recent[["recency_days"]].to_numpy(dtype="float64"))
            if 0 < y_recent.sum() < len(y_recent):
                self.baseline_ = LogisticRegression().fit(z, y_recent)
            else:
                z = np.log1p(pd.concat(Xs)[["recency_days"]].to_numpy(dtype="float64"))
                self.baseline_ = LogisticRegression().fit(z, y_all)
            self.importances_ = self._importances(X_recent, y_recent)
        X_all_ref = pd.concat(Xs)
        # the "typical client": the median, or NaN where most clients have no value (e.g. no
        # resolved complaint), so that having no value is not offered as a reason
        typical = X_all_ref.notna().mean() >= 0.5
        self.reference_ = X_all_ref.median(skipna=True).where(typical).astype("float64")
        self.n_train_ = int(len(y_all))
        self.base_rate_ = float(y_all.mean())
        return self

    def _method(self, n: int) -> str:
        if self.calibration != "auto":
            return self.calibration
        return "isotonic" if n >= 2000 else "sigmoid"

    def _importances(self, X: pd.DataFrame, y: np.ndarray) -> pd.DataFrame:
        if len(X) > _IMPORTANCE_ROWS:
            rng = np.random.default_rng(self.random_state)
            take = np.sort(rng.choice(len(X), _IMPORTANCE_ROWS, replace=False))
            X, y = X.iloc[take], y[take]
        if y.min() == y.max():
            imp = np.zeros(X.shape[1])
            std = np.zeros(X.shape[1])
        else:
            # = sklearn.inspection.permutation_importance(scoring="roc_auc"), scored in batches
            imp, std = permutation_auc_importance(
                self.predictor_, X, y, n_repeats=_IMPORTANCE_REPEATS,
                random_state=self.random_state,
            )
        out = pd.DataFrame(
            {"feature": list(X.columns), "importance": imp, "importance_std": std}
        )
        return out.sort_values(["importance", "feature"], ascending=[False, True],
                               kind="mergesort").reset_index(drop=True)

    # -- predict / evaluate -------------------------------------------------------------------
    def predict_proba(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> pd.Series:
        """Return the probability that each client makes no purchase in ``(asof, asof + H]``.

        Parameters
        ----------
        tx, asof, customers, feedback, survey, columns
            As in :func:`customer_features` (``asof`` defaults to the last transaction date).

        Returns
        -------
        pandas.Series
            ``churn_probability`` (float64) indexed by ``customer_id``, for every client with
            a row on or before ``asof`` - including clients whose rows are all zero-value
            purchases or returns, scored on the days of those rows
            (:func:`~workbench.churn.scoring_basis` names them and says why).
        """
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        return pd.Series(self._proba(X), index=X.index, name="churn_probability")

    def predict_recency_proba(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> pd.Series:
        """Return the recency baseline's probability of no purchase in ``(asof, asof + H]``.

        The simple rule "the longer since the last purchase, the likelier to leave" as a
        probability: the logistic curve on ``log1p(recency_days)`` fitted on the most recent
        training window (:attr:`baseline_`). It ranks clients exactly by days since their
        last purchase; :func:`~workbench.churn.backtested_churn` uses it when the model is
        no better on the client's own back-test.

        Parameters
        ----------
        tx, asof, customers, feedback, survey, columns
            As in :meth:`predict_proba`.

        Returns
        -------
        pandas.Series
            ``churn_probability`` (float64) indexed by ``customer_id``, the same clients as
            :meth:`predict_proba`.
        """
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        return pd.Series(self._baseline_proba(X), index=X.index, name="churn_probability")

    def evaluate(
        self,
        tx: pd.DataFrame,
        asof: object,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
        n_bins: int = 10,
    ) -> dict[str, pd.DataFrame]:
        """Score clients at ``asof`` and compare with what happened in ``(asof, asof + H]``.

        Parameters
        ----------
        tx : pandas.DataFrame or client folder
            Transactions (or the client folder, as in :meth:`fit`) reaching at least ``asof + H`` (the model reads only rows up to
            ``asof`` for the scores; later rows give the outcome).
        asof : date-like
            The scoring date. For an honest test, ``asof`` is on or after the ``asof`` of
            :meth:`fit` (the model never saw the outcome window).
        customers, feedback, survey, columns
            As in :meth:`predict_proba`.
        n_bins : int, default 10
            Bins of the calibration tables.

        Returns
        -------
        dict
            ``"metrics"``: DataFrame with rows ``model`` and ``recency_baseline`` and columns
            ``roc_auc``, ``average_precision``, ``top_decile_lift`` (churn rate among the 10%
            highest scores / base rate), ``brier``, ``mean_predicted``, ``base_rate``, ``n``;
            ``"calibration"`` and ``"baseline_calibration"``: see :func:`calibration_table`;
            ``"verdict"``: :func:`~workbench.churn.model_vs_recency` - whether the model beats
            recency here, and so what the contact list should be ranked by.
        """
        check_is_fitted(self, "predictor_")
        tx, customers, feedback, survey = _unpack(tx, customers, feedback, survey)
        y = churn_labels(tx, asof, self.horizon_, columns=columns)
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        X = X.loc[isin(X.index, y.index)]  # clients without a paid purchase have no label
        y = y.reindex(X.index).to_numpy()
        p = self._proba(X)
        pb = self._baseline_proba(X)
        ids = X.index.to_numpy(dtype=str)
        metrics = pd.DataFrame(
            [
                _metrics(y, p, p, ids),
                _metrics(y, X["recency_days"].to_numpy(dtype="float64"), pb, ids),
            ],
            index=pd.Index(["model", "recency_baseline"], name="scorer"),
        )
        return {
            "metrics": metrics,
            "calibration": calibration_table(y, p, n_bins),
            "baseline_calibration": calibration_table(y, pb, n_bins),
            "verdict": model_vs_recency(metrics),
        }

    # -- explanations -------------------------------------------------------------------------
    def explain(self, top: int | None = None) -> pd.DataFrame:
        """Return permutation importances, most important first.

        Parameters
        ----------
        top : int, optional
            Keep only the ``top`` features.

        Returns
        -------
        pandas.DataFrame
            ``feature`` (technical name; :func:`workbench.churn_feature_label` gives the
            business name), ``importance`` (mean drop of ROC AUC when the feature is
            shuffled), ``importance_std``.

        Notes
        -----
        Permutation importance (Breiman 2001; ``sklearn.inspection.permutation_importance``)
        is measured on the most recent training window, which the classifier did not see when
        two or more windows were stacked. Correlated features share their importance: a low
        number does not prove a signal useless.
        """
        check_is_fitted(self, "importances_")
        out = self.importances_.copy()
        return out.head(top) if top else out

    def reasons(
        self,
        tx: pd.DataFrame,
        asof: object = None,
        top: int = 3,
        min_effect: float = 0.01,
        customers: pd.DataFrame | None = None,
        feedback: pd.DataFrame | None = None,
        survey: pd.DataFrame | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> pd.DataFrame:
        """Find, for each client, the features that raise their churn risk the most.

        Parameters
        ----------
        tx, asof, customers, feedback, survey, columns
            As in :meth:`predict_proba`.
        top : int, default 3
            Number of reasons per client.
        min_effect : float, default 0.01
            Smallest effect (probability points) worth naming.

        Returns
        -------
        pandas.DataFrame
            Index ``customer_id``; ``churn_probability``, then for k = 1 … ``top``:
            ``reason_k`` (the feature, e.g. ``recency_days``), ``value_k`` (the client's
            value), ``typical_k`` (the training median it is compared with) and ``effect_k``
            (how many probability points the feature adds). Empty / NaN when fewer features
            raise the risk. :func:`workbench.label_reasons` reads them as sentences ("Days
            since last purchase: 210 (typical: 45)").

        Notes
        -----
        One-at-a-time perturbation, not SHAP: for each feature the client's value is replaced by
        the training median (the "typical client"; missing when most clients have no value) and
        the probability recomputed; the drop is the feature's effect for that client. Only
        features that add at least ``min_effect`` are reasons.
        Interactions are not split fairly between features; use it to start a conversation
        with the account manager, not as proof.
        """
        X, _ = self._features_at(tx, asof, customers, feedback, survey, columns)
        p = self._proba(X)
        cols = list(X.columns)
        effects = np.zeros((len(X), len(cols)))
        for j, col in enumerate(cols):
            ref = float(self.reference_.get(col, np.nan))
            Xj = X.copy()
            Xj[col] = ref
            effects[:, j] = p - self._proba(Xj)
        out = pd.DataFrame({"churn_probability": p}, index=X.index)
        order = np.argsort(-effects, axis=1, kind="stable")
        values = X.to_numpy(dtype="float64")
        for r in range(top):
            feats, vals, typical, eff = [], [], [], []
            for i in range(len(X)):
                j = order[i, r] if r < len(cols) else None
                if j is None or not effects[i, j] >= max(min_effect, 1e-12):
                    feats.append("")
                    vals.append(np.nan)
                    typical.append(np.nan)
                    eff.append(np.nan)
                    continue
                feats.append(cols[j])
                vals.append(float(values[i, j]))
                typical.append(float(self.reference_.get(cols[j], np.nan)))
                eff.append(float(effects[i, j]))
            out[f"reason_{r + 1}"] = pd.array(feats, dtype="string")
            out[f"value_{r + 1}"] = vals
            out[f"typical_{r + 1}"] = typical
            out[f"effect_{r + 1}"] = eff
        return out


    # -- persistence --------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the fitted model to ``path`` (a zip: skops payload + JSON header).

        Parameters
        ----------
        path : str or Path
            Target file; ``.wbmodel`` is a good suffix.

        Returns
        -------
        Path
            The path written.

        Notes
        -----
        The payload is written with ``skops.io`` (no pickle); the header records the format,
        the workbench version and the SHA-256 of the payload. :meth:`load` refuses a file whose
        header or checksum does not match, and any type outside :data:`TRUSTED_TYPES`. The
        checksum detects corruption and naive edits; it is not a signature (anyone can write a
        new header), the type allow-list is what keeps loading safe. The file holds aggregate
        statistics (feature medians) but no client rows.
        """
        return save_model(self, path)

    @classmethod
    def load(cls, path: str | Path, trusted: Sequence[str] = ()) -> ChurnModel:
        """Read a model written by :meth:`save`, refusing foreign, altered or unsafe files.

        Parameters
        ----------
        path : str or Path
        trusted : sequence of str, optional
            Extra type names to accept (only after reviewing them; needed for a custom
            ``estimator``).

        Returns
        -------
        ChurnModel

        Raises
        ------
        WorkbenchError
            If the file is not a workbench churn model, comes from another workbench version
            or format version, its payload does not match its checksum, or it contains types
            outside :data:`TRUSTED_TYPES` and ``trusted``.
        """
        return load_model(cls, path, trusted)


class _NullContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

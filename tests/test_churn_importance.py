"""The batched permutation importance equals scikit-learn's ``permutation_importance``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from workbench.churn import _importance
from workbench.churn._importance import permutation_auc_importance


class _FirstColumn(ClassifierMixin, BaseEstimator):
    """Scores each row by its first column (no decision function)."""

    def fit(self, X, y):
        self.classes_ = np.unique(y)
        return self

    def predict_proba(self, X):
        p = np.asarray(X, dtype="float64")[:, 0]
        return np.column_stack([1 - p, p])


def _data(n=300, seed=0, with_int=False):
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({
        "a": rng.normal(size=n),
        "b": rng.normal(size=n),
        "c": np.where(rng.random(n) < 0.2, np.nan, rng.normal(size=n)),
        "d": rng.integers(0, 3, n).astype("float64"),  # ties
    })
    if with_int:
        X["e"] = rng.integers(0, 5, n)  # not float64: the per-column path
    y = (X["a"] + 0.5 * X["d"] + rng.normal(scale=1.0, size=n) > 0.5).astype(int).to_numpy()
    return X, y


def test_hand_built_exact():
    # the first column separates the classes perfectly; the second is never looked at
    X = pd.DataFrame({"score": [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], "other": [5.0] * 6})
    y = np.array([0, 0, 0, 1, 1, 1])
    mean, std = permutation_auc_importance(_FirstColumn().fit(X, y), X, y, n_repeats=3, random_state=0)
    assert mean[1] == 0.0 and std[1] == 0.0
    ref = permutation_importance(_FirstColumn().fit(X, y), X, y, scoring="roc_auc", n_repeats=3,
                                 random_state=0)
    np.testing.assert_allclose(mean, ref.importances_mean, rtol=0, atol=1e-12)
    np.testing.assert_allclose(std, ref.importances_std, rtol=0, atol=1e-12)
    assert 0.0 < mean[0] <= 1.0


@pytest.mark.parametrize("n_repeats", [1, 2, 5])
@pytest.mark.parametrize("random_state", [0, 11, None])
@pytest.mark.parametrize("batch_rows", [200_000, 700])  # 700: a feature's repeats split batches
@pytest.mark.parametrize("with_int", [False, True])
def test_equals_sklearn(monkeypatch, n_repeats, random_state, batch_rows, with_int):
    monkeypatch.setattr(_importance, "_BATCH_ROWS", batch_rows)
    X, y = _data(with_int=with_int)
    est = make_pipeline(SimpleImputer(add_indicator=True), LogisticRegression()).fit(X, y)
    if random_state is None:  # a global-state seed: both see the same draw
        np.random.seed(5)
        ref = permutation_importance(est, X, y, scoring="roc_auc", n_repeats=n_repeats)
        np.random.seed(5)
        mean, std = permutation_auc_importance(est, X, y, n_repeats=n_repeats, random_state=None)
    else:
        ref = permutation_importance(est, X, y, scoring="roc_auc", n_repeats=n_repeats,
                                     random_state=random_state)
        mean, std = permutation_auc_importance(est, X, y, n_repeats=n_repeats,
                                               random_state=random_state)
    np.testing.assert_allclose(mean, ref.importances_mean, rtol=0, atol=1e-12)
    np.testing.assert_allclose(std, ref.importances_std, rtol=0, atol=1e-12)


@pytest.mark.parametrize("method", ["sigmoid", "isotonic"])
def test_equals_sklearn_calibrated_and_probability_only(method):
    X, y = _data(n=400, seed=3)
    X = X.fillna(0.0)
    n_pairs = int(y.sum()) * int((1 - y).sum())
    # Isotonic calibration is a step function of the logistic score: a stacked predict and a
    # separate one may round that score 1 ulp apart (BLAS blocks rows differently on some
    # CPUs), which can move a client across a step and change a few tied pairs of an AUC.
    # Allow 10 such pairs there; the continuous (sigmoid) and the tree model agree exactly.
    atol_isotonic = 10.0 / n_pairs
    for est, atol in (
        (CalibratedClassifierCV(LogisticRegression(), method=method, cv=3).fit(X, y),
         atol_isotonic if method == "isotonic" else 1e-12),
        (RandomForestClassifier(n_estimators=20, random_state=0).fit(X, y), 1e-12),  # many ties
    ):
        ref = permutation_importance(est, X, y, scoring="roc_auc", n_repeats=3, random_state=2)
        mean, std = permutation_auc_importance(est, X, y, n_repeats=3, random_state=2)
        np.testing.assert_allclose(mean, ref.importances_mean, rtol=0, atol=atol)
        np.testing.assert_allclose(std, ref.importances_std, rtol=0, atol=atol)


def test_string_labels_take_the_larger_class_as_positive():
    X, y = _data(n=200, seed=4)
    X = X.fillna(0.0)
    labels = np.where(y == 1, "left", "stayed")  # "stayed" sorts last: the positive class
    est = LogisticRegression().fit(X, labels)
    ref = permutation_importance(est, X, labels, scoring="roc_auc", n_repeats=2, random_state=0)
    mean, _ = permutation_auc_importance(est, X, labels, n_repeats=2, random_state=0)
    np.testing.assert_allclose(mean, ref.importances_mean, rtol=0, atol=1e-12)


def test_one_class_is_an_error():
    X, _ = _data(n=50)
    with pytest.raises(ValueError, match="two classes"):
        permutation_auc_importance(_FirstColumn().fit(X, [0, 1] * 25), X, np.zeros(50), n_repeats=1, random_state=0)

"""MedianImputer: scikit-learn's SimpleImputer(strategy="median"), statistic for statistic."""

import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.impute import SimpleImputer

from workbench.churn._impute import MedianImputer


def _outcome(imputer, X):
    try:
        return "ok", imputer.transform(X)
    except ValueError as exc:
        return "error", str(exc)


@pytest.mark.parametrize("seed", range(6))
def test_median_imputer_equals_simple_imputer(seed):
    rng = np.random.default_rng(seed)
    warnings.simplefilter("ignore", UserWarning)  # "skipping features without any value"
    for trial in range(40):
        n, k = int(rng.integers(1, 40)), int(rng.integers(1, 5))
        if trial % 2:  # ties: few distinct values
            X = rng.choice([0.0, 1.0, 2.5, -3.0, 1e-300, 7.0], size=(n, k))
        else:
            X = rng.normal(size=(n, k)) * 10.0 ** int(rng.integers(-5, 6))
        X[rng.random((n, k)) < 0.3] = np.nan
        if trial % 5 == 0:
            X[:, 0] = np.nan  # a feature with no value at all
        for keep in (False, True):
            for indicator in (False, True):
                want = SimpleImputer(strategy="median", add_indicator=indicator,
                                     keep_empty_features=keep).fit(X)
                got = MedianImputer(add_indicator=indicator, keep_empty_features=keep).fit(X)
                np.testing.assert_array_equal(got.statistics_, want.statistics_)
                a, b = _outcome(want, X), _outcome(got, X)
                assert a[0] == b[0]
                if a[0] == "ok":
                    np.testing.assert_array_equal(b[1], a[1])


def test_median_imputer_exact_and_clonable():
    X = np.array([[1.0, np.nan], [4.0, 2.0], [np.nan, 3.0], [2.0, np.nan]])
    imp = MedianImputer(add_indicator=True).fit(X)
    assert imp.statistics_.tolist() == [2.0, 2.5]
    assert imp.transform(X).tolist() == [[1.0, 2.5, 0.0, 1.0], [4.0, 2.0, 0.0, 0.0],
                                         [2.0, 3.0, 1.0, 0.0], [2.0, 2.5, 0.0, 1.0]]
    twin = clone(imp)
    assert twin.get_params() == {"add_indicator": True, "keep_empty_features": False}
    assert twin.strategy == "median"

"""workbench._ids.isin: pandas' answer, without pandas' per-candidate loop on Arrow text."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench._ids import isin

TEXT = pd.StringDtype("pyarrow")


@pytest.mark.parametrize("candidates", [
    ["a", None], {"b"}, frozenset({"c", "zz"}), [1, "c"], np.array(["d"], dtype=object), [],
    pd.Series(["e"], dtype=TEXT), pd.Index(["a", "e"], dtype=TEXT), pd.Index(["b"], dtype=object),
    [np.nan], pd.array(["d", None], dtype=TEXT), ("a", "b"),
])
@pytest.mark.parametrize("kind", ["index", "series"])
def test_isin_equals_pandas(candidates, kind):
    raw = pd.array(["a", None, "b", "c", "d", "e", "a"], dtype=TEXT)
    values = pd.Index(raw) if kind == "index" else pd.Series(raw)
    got = isin(values, candidates)
    assert got.dtype == bool
    np.testing.assert_array_equal(got, np.asarray(values.isin(candidates), dtype=bool))


def test_isin_exact_answer_and_other_dtypes():
    ids = pd.Index(pd.array(["c1", "c2", "c3"], dtype=TEXT))
    assert isin(ids, ["c3", "c1", "x"]).tolist() == [True, False, True]
    assert isin(pd.Index([1, 2, 3]), [2]).tolist() == [False, True, False]  # pandas' own path
    assert isin(pd.Index(["c1", "c2"], dtype=object), {"c2"}).tolist() == [False, True]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=3)), max_size=30),
       st.lists(st.one_of(st.none(), st.text(max_size=3)), max_size=30))
def test_isin_property(left, right):
    values = pd.Series(pd.array(left, dtype=TEXT))
    for cand in (right, pd.Index(pd.array(right, dtype=TEXT)), set(right)):
        np.testing.assert_array_equal(isin(values, cand),
                                      np.asarray(values.isin(cand), dtype=bool))

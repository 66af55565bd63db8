"""Publishing the engines' per-client aggregates: the fast ranks, labels and conversions give
exactly what the straightforward pandas code gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench._testing import assert_same_table
from workbench.segmentation import abc_xyz, quintile_scores
from workbench.segmentation._orders import average_ranks, string_labels
from workbench.segmentation.abc_xyz import abc_class, reclassify_abc_xyz


def _pandas_ranks(x) -> np.ndarray:
    return pd.Series(np.asarray(x, dtype=np.float64)).rank(method="average").to_numpy()


def _pandas_scores(x, higher_is_better=True) -> np.ndarray:
    s = pd.Series(np.asarray(x, dtype=np.float64))
    s = s if higher_is_better else -s
    pct = (s.rank(method="average").to_numpy() - 0.5) / len(s)
    return np.minimum(np.floor(pct * 5).astype(np.int64) + 1, 5)


class TestAverageRanks:
    def test_by_hand(self):
        assert average_ranks(np.array([30, 10, 20, 10])).tolist() == [4.0, 1.5, 3.0, 1.5]
        assert average_ranks(np.array([2.5, -1.0, 2.5, 2.5])).tolist() == [3.0, 1.0, 3.0, 3.0]
        assert average_ranks(np.array([], dtype=np.int64)).tolist() == []

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.integers(-50, 50), min_size=1, max_size=300))
    def test_small_span_integers_equal_pandas(self, values):
        x = np.array(values, dtype=np.int64)
        np.testing.assert_array_equal(average_ranks(x), _pandas_ranks(x))

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=50))
    def test_wide_integers_are_sorted_not_counted(self, values):
        x = np.array(values, dtype=np.int64)
        np.testing.assert_array_equal(average_ranks(x), _pandas_ranks(x))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from([0.0, -0.0, 0.1, 0.30000000000000004, 0.3, 1e9, -7.25]),
                    min_size=1, max_size=200))
    def test_floats_with_ties_equal_pandas(self, values):
        x = np.array(values)
        np.testing.assert_array_equal(average_ranks(x), _pandas_ranks(x))

    def test_nan_stays_nan_as_in_pandas(self):
        x = np.array([1.0, np.nan, 1.0, 0.5])
        np.testing.assert_array_equal(average_ranks(x), _pandas_ranks(x))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.integers(0, 400), min_size=1, max_size=500), st.booleans())
    def test_quintile_scores_equal_the_pandas_ranking(self, values, higher):
        x = np.array(values, dtype=np.int64)
        expected = _pandas_scores(x, higher)
        np.testing.assert_array_equal(quintile_scores(x, higher_is_better=higher), expected)
        np.testing.assert_array_equal(quintile_scores(x.astype(float), higher), expected)
        np.testing.assert_array_equal(quintile_scores(x.astype(np.uint32), higher), expected)


def test_string_labels_is_a_string_array():
    out = string_labels(("A", "B", "C"), np.array([2, 0, 1, 0]))
    assert out.dtype == pd.StringDtype()
    assert list(out) == ["C", "A", "B", "A"]


def _old_abc_class(value: pd.Series, abc=(0.8, 0.95)) -> pd.DataFrame:
    """abc_class as first written (lexsort on the ids, object labels): the reference."""
    a, b = abc
    v = value.to_numpy(dtype=np.float64)
    ids = value.index.to_numpy()
    order = np.lexsort((ids, -np.round(v, 6)))
    pos = np.where(v > 0, v, 0.0)
    total = pos.sum()
    sp = pos[order]
    cum = np.cumsum(sp) / total
    before = cum - sp / total
    cls = np.where(before < a - 1e-12, "A", np.where(before < b - 1e-12, "B", "C"))
    cls = np.where(sp > 0, cls, "C")
    out = pd.DataFrame(index=value.index)
    share, cum_all, labels = np.zeros(len(v)), np.zeros(len(v)), np.empty(len(v), dtype=object)
    share[order], cum_all[order], labels[order] = sp / total, cum, cls
    out["share"], out["cum_share"] = share, cum_all
    out["abc"] = pd.array(labels, dtype="string")
    return out


@pytest.mark.parametrize("sort", [True, False])
def test_abc_class_ties_by_id_sorted_or_not(sort):
    rng = np.random.default_rng(3)
    ids = [f"c{i:04d}" for i in rng.permutation(600)]
    values = rng.choice([0.0, -5.0, 10.0, 10.0 + 1e-9, 25.0, 400.0], size=600)
    s = pd.Series(values, index=pd.Index(ids, dtype="string", name="customer_id"))
    if sort:
        s = s.sort_index()
    pd.testing.assert_frame_equal(abc_class(s), _old_abc_class(s))


def test_reclassify_equals_a_fresh_table():
    from workbench.datasets import load_sample

    tx = load_sample()["transactions"]
    table = abc_xyz(tx, engine="pandas")
    again = reclassify_abc_xyz(table.assign(abc="?", xyz="?", cell="?"))
    assert_same_table(again, table)
    cut = reclassify_abc_xyz(table, abc=(0.5, 0.9), xyz=(0.5, 1.0))
    assert_same_table(cut, abc_xyz(tx, abc=(0.5, 0.9), xyz=(0.5, 1.0), engine="pandas"))
    assert cut["cell"].equals((cut["abc"] + cut["xyz"]).astype("string"))


def test_steady_big_spender_has_no_spread_on_either_engine():
    """One pass over the monthly values (k * variance + k * (active mean - window mean)**2)
    loses nothing to cancellation: a client spending 1e9 every month is X with CV ~ 0."""
    pytest.importorskip("duckdb")
    months = pd.date_range("2024-01-01", periods=12, freq="MS") + pd.Timedelta(days=14)
    tx = pd.DataFrame({
        "customer_id": ["big"] * 12 + ["half"] * 6 + ["once"],
        "date": list(months) + list(months[::2]) + [months[-1]],
        "amount": [1e9] * 12 + [300.0] * 6 + [50.0],
    })
    for engine in ("pandas", "duckdb"):
        out = abc_xyz(tx, asof="2024-12-31", engine=engine)
        assert out.loc["big", "cv"] == pytest.approx(0.0, abs=1e-9)
        assert out.loc["big", "xyz"] == "X"
        assert out.loc["half", "cv"] == pytest.approx(1.0, rel=1e-12)
        assert out.loc["once", "cv"] == pytest.approx(np.sqrt(11.0), rel=1e-12)
        assert out["active_periods"].tolist() == [12, 6, 1]


def test_integer_sums_come_back_as_integers():
    """A SUM over integers is a 128-bit decimal in DuckDB: the frame holds int64, not objects."""
    pa = pytest.importorskip("pyarrow")
    from decimal import Decimal

    from workbench.engine._source import arrow_to_frame

    table = pa.table({
        "customer_id": pa.array(["a", "b"]),
        "n": pa.array([Decimal(3), Decimal(4)], pa.decimal128(38, 0)),
        "x": pa.array([Decimal("1.5"), Decimal("2.25")], pa.decimal128(38, 2)),
    })
    out = arrow_to_frame(table)
    assert out["n"].dtype == np.int64 and out["n"].tolist() == [3, 4]
    assert out["x"].dtype == np.float64 and out["x"].tolist() == [1.5, 2.25]
    assert out.index.dtype == pd.StringDtype() and out.index.name == "customer_id"

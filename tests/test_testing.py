"""workbench._testing: the tolerant comparisons of the notebooks' check cells."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from workbench._testing import close, verdict


class TestClose:
    def test_relative_tolerance_is_a_fraction_of_expected(self):
        assert close(1_001_000, 1_000_000, rel=0.001)
        assert not close(1_001_001, 1_000_000, rel=0.001)

    def test_relative_tolerance_of_a_negative_reference(self):
        assert close(-619_700, -619_139, rel=0.001)
        assert not close(619_139, -619_139, rel=0.001)

    def test_absolute_tolerance_in_the_values_unit(self):
        assert close(0.8749, 0.870, abs=0.005)
        assert not close(0.876, 0.870, abs=0.005)

    def test_larger_allowance_wins_when_both_given(self):
        assert close(103, 100, rel=0.01, abs=3)
        assert not close(104, 100, rel=0.01, abs=3)

    def test_sequences_element_by_element(self):
        assert close([703, 295, 1938], [700, 297, 1940], abs=5)
        assert not close([703, 295, 1938], [700, 297, 1950], abs=5)

    def test_series_and_arrays(self):
        assert close(pd.Series([0.5421, 0.5527]), [0.542, 0.553], abs=0.01)
        assert close(np.array([1.0, 2.0]), (1.0, 2.0), abs=0)
        assert close(np.float64(113.14), 113.14, rel=1e-3)

    def test_length_mismatch_is_never_close(self):
        assert not close([1, 2, 3], [1, 2], abs=10)
        assert not close(5, [5], abs=1)
        assert not close([5], 5, abs=1)

    def test_nan_is_never_close(self):
        assert not close(math.nan, math.nan, abs=1)
        assert not close(1.0, math.nan, rel=1)

    def test_needs_a_tolerance(self):
        with pytest.raises(ValueError, match="rel="):
            close(1, 1)

    @pytest.mark.parametrize("bad", [-0.1, math.nan, "1"])
    def test_rejects_a_bad_tolerance(self, bad):
        with pytest.raises(ValueError, match="must be a number >= 0"):
            close(1, 1, abs=bad)


class TestVerdict:
    def test_holds_without_showing_the_noisy_digits(self):
        assert verdict("value at risk", 1_939_393.4, 1_939_394, rel=0.001) == (
            "value at risk within 0.1 %: True")

    def test_fails_with_value_and_reference(self):
        assert verdict("ROC AUC", [0.80, 0.84], [0.876, 0.840], abs=0.005) == (
            "ROC AUC within ±0.005: False (got [0.8, 0.84], expected [0.876, 0.84])")

    def test_both_tolerances_are_stated(self):
        assert verdict("n", 10, 10, rel=0.02, abs=3) == "n within 2 % or ±3: True"

    def test_a_blas_sized_difference_passes_a_real_error_fails(self):
        # the two runs of issue 9: 1939394 vs 1939393 must not matter; 5 % must
        assert verdict("v", 1_939_393.49, 1_939_394, rel=0.001).endswith("True")
        assert "False" in verdict("v", 1_939_394 * 1.05, 1_939_394, rel=0.001)

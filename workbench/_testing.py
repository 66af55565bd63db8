"""Tolerant comparisons for the notebooks' ✅ check cells.

The same wheel computes sums, probabilities and fitted models that differ in their last bits
between CPUs and BLAS kernels. A check cell that prints a float sum rounded to whole units, or a
count of probabilities above a threshold, then flips on another machine although nothing is
wrong. The check cells therefore compare each number that depends on floating point with an
explicit tolerance that states what matters (money to 0.1 %, a ROC AUC to 0.005, a count at a
threshold within a few clients) and print a stable verdict; the verdict still turns ``False``
when a number is really wrong, and nbval then fails.

:func:`tx_frame` builds the hand-written transaction logs of the tests. These helpers are for
check cells and tests, not for the audience (the verdict is a short
technical line in English, like every check cell).
"""

from __future__ import annotations

import math
from numbers import Real

__all__ = ("assert_same_table", "close", "tx_frame", "verdict")


def _tolerance(expected: float, rel: float | None, abs: float | None) -> float:  # noqa: A002
    if rel is None and abs is None:
        raise ValueError("close(): give rel= (a fraction, e.g. 0.001 for 0.1 %) or abs= "
                         "(in the value's own unit); got neither")
    for name, tol in (("rel", rel), ("abs", abs)):
        if tol is not None and (not isinstance(tol, Real) or tol < 0 or math.isnan(tol)):
            raise ValueError(f"close(): {name}= must be a number >= 0, got {tol!r}")
    return max((rel or 0.0) * math.fabs(expected), abs or 0.0)


def close(value, expected, *, rel: float | None = None, abs: float | None = None) -> bool:  # noqa: A002
    """Return True when ``value`` is within the stated tolerance of ``expected``.

    Parameters
    ----------
    value, expected : float or sequence of float
        The computed number and the reference; sequences are compared element by element and
        must have the same length (a different length is never close). None (nothing was
        computed) is never close, like NaN.
    rel : float, optional
        Allowed relative difference, as a fraction of ``|expected|`` (``0.001`` = 0.1 %).
    abs : float, optional
        Allowed absolute difference, in the value's own unit (``0.005`` for an AUC, ``3`` for
        a count of clients). When both are given, the larger allowance applies.

    Returns
    -------
    bool
        ``|value - expected| <= max(rel * |expected|, abs)`` (for every element). NaN is never
        close to anything, not even to NaN.

    Raises
    ------
    ValueError
        When neither ``rel`` nor ``abs`` is given, or a tolerance is negative.

    See Also
    --------
    verdict : the same comparison as a line for a check cell.

    Examples
    --------
    >>> close(1_000_400.0, 1_000_000, rel=0.001)
    True
    >>> close(0.812, 0.80, abs=0.005)
    False
    >>> close([10, 21], [10, 20], abs=1)
    True
    >>> close(None, 400, rel=0.001)
    False
    """
    if _is_sequence(expected) or _is_sequence(value):
        if not (_is_sequence(expected) and _is_sequence(value)):
            return False
        values, targets = list(value), list(expected)
        return len(values) == len(targets) and all(
            close(v, e, rel=rel, abs=abs) for v, e in zip(values, targets, strict=True)
        )
    if value is None or expected is None:  # nothing computed (e.g. an unpriced offer)
        return False
    value, expected = float(value), float(expected)
    tol = _tolerance(expected, rel, abs)
    if math.isnan(value) or math.isnan(expected):
        return False
    return math.fabs(value - expected) <= tol


def verdict(label: str, value, expected, *, rel: float | None = None,
            abs: float | None = None) -> str:  # noqa: A002
    """Return a stable check line: ``"<label> within <tolerance>: True"``.

    The line does not show the value when the check holds (its last digits are machine
    noise); when it fails, it adds the value and the reference so that the nbval diff says
    what went wrong.

    Parameters
    ----------
    label : str
        What is compared, e.g. ``"value at risk"``.
    value, expected, rel, abs
        As in :func:`close`.

    Returns
    -------
    str

    Examples
    --------
    >>> verdict("revenue", 1_000_400.0, 1_000_000, rel=0.001)
    'revenue within 0.1 %: True'
    >>> verdict("ROC AUC", 0.71, 0.80, abs=0.005)
    'ROC AUC within ±0.005: False (got 0.71, expected 0.8)'
    >>> verdict("clients above the threshold", 412, 410, abs=3)
    'clients above the threshold within ±3: True'
    >>> verdict("offer cost", None, 400, rel=0.001)
    'offer cost within 0.1 %: False (got None, expected 400)'
    """
    parts = []
    if rel is not None:
        parts.append(f"{rel * 100:g} %")
    if abs is not None:
        parts.append(f"±{abs:g}")
    ok = close(value, expected, rel=rel, abs=abs)
    line = f"{label} within {' or '.join(parts)}: {ok}"
    if not ok:
        line += f" (got {_show(value)}, expected {_show(expected)})"
    return line


def _show(x) -> str:
    if _is_sequence(x):
        return "[" + ", ".join(_show(v) for v in list(x)) + "]"
    if x is None:
        return "None"
    return f"{float(x):.6g}"


def _is_sequence(x) -> bool:
    return isinstance(x, (list, tuple)) or getattr(x, "ndim", 0) > 0


def assert_same_table(ours, theirs, rtol: float = 1e-9) -> None:
    """Assert two per-client tables are the same: index, columns and dtypes identical,
    non-float columns exactly equal, float columns equal to ``rtol`` (and 1e-9 absolute).

    Float sums from different engines differ in their last bits; nothing else may differ.
    For tests and benchmarks of :mod:`workbench.engine`.
    """
    import numpy as np
    import pandas as pd

    pd.testing.assert_index_equal(ours.index, theirs.index, exact=True)
    assert list(ours.columns) == list(theirs.columns), (list(ours.columns), list(theirs.columns))
    for col in ours.columns:
        a, b = ours[col], theirs[col]
        assert a.dtype == b.dtype, f"{col}: {a.dtype} != {b.dtype}"
        if pd.api.types.is_float_dtype(a.dtype):
            np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=rtol, atol=1e-9,
                                       err_msg=str(col))
        else:
            pd.testing.assert_series_equal(a, b, check_exact=True)


def tx_frame(rows):
    """Build a canonical transactions frame from ``(customer, date, amount)`` tuples.

    ``customer_id`` is a string column, ``date`` parsed, ``amount`` float64 - the shape every
    loader returns, so a test's hand-built log reads like the rows it stands for.

    Examples
    --------
    >>> tx = tx_frame([("a", "2024-01-01", 10), ("b", "2024-01-02", -2.5)])
    >>> tx.columns.tolist(), tx["amount"].tolist(), str(tx["date"].max().date())
    (['customer_id', 'date', 'amount'], [10.0, -2.5], '2024-01-02')
    """
    import numpy as np
    import pandas as pd

    cid, date, amount = zip(*rows, strict=True)
    return pd.DataFrame({"customer_id": pd.array(cid, dtype="string"),
                         "date": pd.to_datetime(list(date)),
                         "amount": np.asarray(amount, dtype="float64")})

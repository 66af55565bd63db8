"""Risk bands: high / medium / low churn probability for the sales team."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError

#: Risk bands, from lowest to highest risk.
RISK_BANDS: tuple[str, ...] = ("low", "medium", "high")

#: Default cut-offs of :func:`risk_band`: p < 0.3 low, 0.3 <= p < 0.6 medium, p >= 0.6 high.
DEFAULT_RISK_CUTOFFS: tuple[float, float] = (0.3, 0.6)


def risk_band(
    probabilities: pd.Series | Sequence[float] | np.ndarray,
    cutoffs: tuple[float, float] = DEFAULT_RISK_CUTOFFS,
) -> pd.Series:
    """Put each churn probability in a high / medium / low risk band.

    Parameters
    ----------
    probabilities : Series or array-like of float in [0, 1]
    cutoffs : (float, float), default (0.3, 0.6)
        ``p < low`` -> low, ``low <= p < high`` -> medium, ``p >= high`` -> high.

    Returns
    -------
    pandas.Series
        Ordered categorical ``risk_band`` of the codes ``low`` < ``medium`` < ``high``, same
        index as the input (:func:`workbench.risk_label` names a code).

    Notes
    -----
    With calibrated probabilities the default cut-offs read: *high* = more likely to leave than
    to stay within the horizon (60%+), *low* = fewer than one in three leave. They are a
    starting point for a conversation; the money-optimal line comes from
    :func:`workbench.retention_plan`.

    Examples
    --------
    >>> risk_band([0.1, 0.3, 0.59, 0.6]).tolist()
    ['low', 'medium', 'medium', 'high']
    """
    lo, hi = (float(c) for c in cutoffs)
    if not 0.0 <= lo <= hi <= 1.0:
        raise WorkbenchError(
            f"cutoffs must be two numbers with 0 <= low <= high <= 1; got {cutoffs!r}"
        )
    index = probabilities.index if isinstance(probabilities, pd.Series) else None
    p = np.asarray(probabilities, dtype="float64")
    if np.any((p < 0) | (p > 1)):
        raise WorkbenchError("probabilities must lie in [0, 1]")
    codes = np.where(p >= hi, 2, np.where(p >= lo, 1, 0))
    codes = np.where(np.isnan(p), -1, codes)
    values = pd.Categorical.from_codes(codes, categories=list(RISK_BANDS), ordered=True)
    return pd.Series(values, index=index, name="risk_band")



"""Steps 1–2 of the method: what clients expect, and how we measure up.

Step 1 (выявление и уточнение ожиданий) collects what clients expect; step 2 (анализ ожиданий,
структуризация и классификация) structures it. This module turns the canonical ``survey`` table
(one row per respondent × attribute, scales 1–5) and the CRM card into

- :func:`importance_performance` — the importance–performance matrix (IPA, Martilla & James
  1977): which attributes to *concentrate on*, *keep up*, leave as *low priority* or suspect of
  *possible overkill*;
- :func:`gap_analysis` — the gap between what clients expect and what they perceive, and between
  us and the main competitor, with confidence intervals;
- :func:`kano` and :func:`kano_categories` — the Kano model (must-be, one-dimensional,
  attractive, indifferent, reverse, questionable) with the better/worse coefficients;
- :func:`expectation_ladder` — the expectation ladder per client: disappointed, satisfied or
  delighted ("Ах!");
- :func:`quotes` — the voice of the customer: a reproducible sample of free-text comments per
  attribute or segment (цитатник);
- :func:`source_yield` — where clients come from (источники обращения) and what each source
  yields.

Everything here is computation and returns data and keys; sentences and display tables live in
:mod:`workbench.narrative`, plots in :mod:`workbench.plotting` and widgets in
:mod:`workbench.widgets`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbench._columns import prepare_table, prepare_transactions
from workbench._grouping import GROUP_COLUMN, attach_groups
from workbench.errors import MissingColumnsError, WorkbenchError

__all__ = (
    "KANO_CATEGORIES",
    "KANO_TABLE",
    "LADDER_LEVELS",
    "QUADRANTS",
    "UNKNOWN_SOURCE",
    "expectation_ladder",
    "expectation_ladder_summary",
    "gap_analysis",
    "importance_performance",
    "kano",
    "kano_categories",
    "quotes",
    "source_yield",
)

#: Stable keys of the four IPA quadrants, in reading order (display labels: ``ipa.quadrant.*``).
QUADRANTS: tuple[str, ...] = ("concentrate_here", "keep_up", "low_priority", "possible_overkill")

#: Kano categories: Attractive, One-dimensional, Must-be, Indifferent, Reverse, Questionable.
KANO_CATEGORIES: tuple[str, ...] = ("A", "O", "M", "I", "R", "Q")

#: The Kano evaluation table (Berger et al. 1993): ``KANO_TABLE[functional][dysfunctional]``.
#: Answers: 1 I like it, 2 I expect it (must-be), 3 I am neutral, 4 I can live with it,
#: 5 I dislike it. Rows are the answer to the functional question ("if the product has ..."),
#: columns the answer to the dysfunctional one ("if it does not have ...").
KANO_TABLE: Mapping[int, Mapping[int, str]] = {
    1: {1: "Q", 2: "A", 3: "A", 4: "A", 5: "O"},
    2: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    3: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    4: {1: "R", 2: "I", 3: "I", 4: "I", 5: "M"},
    5: {1: "R", 2: "R", 3: "R", 4: "R", 5: "Q"},
}

#: Tie-break order for the dominant Kano category: when two categories share the highest count,
#: the one earlier here wins (M > O > A > I, the usual rule of thumb: a must-be that is missed
#: hurts most), then R and Q.
KANO_TIE_ORDER: tuple[str, ...] = ("M", "O", "A", "I", "R", "Q")

#: Rungs of the expectation ladder (лестница ожиданий), from bottom to top.
LADDER_LEVELS: tuple[str, ...] = ("disappointed", "satisfied", "delighted")

#: Label of clients whose contact source is unknown in :func:`source_yield`.
UNKNOWN_SOURCE = "(unknown)"

_SCALE_COLUMNS = ("importance", "performance", "expectation", "competitor_performance")


# ----------------------------------------------------------------------------------------------
# Shared input handling
# ----------------------------------------------------------------------------------------------


def _check_scale(scale: object) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in scale)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise WorkbenchError(
            f"scale must be a pair (lowest, highest) such as (1, 5); got {scale!r}"
        ) from None
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise WorkbenchError(
            f"scale must be a pair (lowest, highest) with lowest < highest; got {scale!r}"
        )
    return lo, hi


def _check_confidence(confidence: float) -> float:
    try:
        c = float(confidence)
    except (TypeError, ValueError):
        c = math.nan
    if not 0 < c < 1:
        raise WorkbenchError(f"confidence must be between 0 and 1 (e.g. 0.95); got {confidence!r}")
    return c


def _numeric(out: pd.DataFrame, col: str, lo: float, hi: float) -> None:
    """Coerce ``out[col]`` to float (NaN = no answer) and check it lies within [lo, hi]."""
    try:
        values = pd.to_numeric(out[col]).astype("float64")
    except (TypeError, ValueError) as exc:
        raise WorkbenchError(f"survey: column {col!r} must hold numbers ({exc})") from None
    bad = values.notna() & ((values < lo) | (values > hi))
    if bad.any():
        first = values.index[bad][0]
        attr = out.loc[first, "attribute"] if "attribute" in out.columns else "?"
        raise WorkbenchError(
            f"survey: column {col!r} has {int(bad.sum())} answer(s) outside the scale "
            f"{lo:g}-{hi:g} (first at row {first!r}, attribute {attr!r}: {values[first]:g}). "
            "Pass scale=(lowest, highest) if the questionnaire used another scale, or fix the "
            "answers"
        )
    out[col] = values


def _survey(
    survey: pd.DataFrame,
    columns: Mapping[str, str] | None,
    require: list[str],
    scale: tuple[float, float] | None = None,
) -> pd.DataFrame:
    out = prepare_table(survey, "survey", columns, require=require)
    if "attribute" in out.columns and out["attribute"].isna().any():
        first = out.index[out["attribute"].isna()][0]
        raise WorkbenchError(
            f"survey: column 'attribute' is empty in {int(out['attribute'].isna().sum())} "
            f"row(s) (first at row {first!r}); every answer must name the attribute asked about"
        )
    if scale is not None:
        lo, hi = scale
        for col in _SCALE_COLUMNS:
            if col in out.columns:
                _numeric(out, col, lo, hi)
    return out


def _t_interval(
    values: np.ndarray, confidence: float, clip: tuple[float, float] | None = None
) -> tuple[float, float, float, int]:
    """Mean, two-sided Student-t interval (NaN when n < 2, clipped to ``clip``) and n."""
    n = len(values)
    if n == 0:
        return math.nan, math.nan, math.nan, 0
    mean = float(np.mean(values))
    if n < 2:
        return mean, math.nan, math.nan, n
    sd = float(np.std(values, ddof=1))
    from scipy import stats  # imported on first use (scipy.stats takes seconds)

    half = float(stats.t.ppf((1 + confidence) / 2, n - 1)) * sd / math.sqrt(n)
    low, high = mean - half, mean + half
    if clip is not None:
        low, high = max(low, clip[0]), min(high, clip[1])
    return mean, low, high, n


def _group_keys(frame: pd.DataFrame, by: object) -> tuple[pd.DataFrame, list[str], str | None]:
    frame, gname = attach_groups(frame, by, "survey")
    keys = ["attribute"] if gname is None else [GROUP_COLUMN, "attribute"]
    return frame, keys, gname


def _index(records: list[dict], keys: list[str], gname: str | None, cols: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=[*keys, *cols])
    if gname is None:
        frame["attribute"] = frame["attribute"].astype("string")
        return frame.set_index("attribute")
    frame = frame.rename(columns={GROUP_COLUMN: gname})
    frame["attribute"] = frame["attribute"].astype("string")
    return frame.set_index([gname, "attribute"])


# ----------------------------------------------------------------------------------------------
# Importance–performance analysis
# ----------------------------------------------------------------------------------------------


def _crosshair(means: pd.DataFrame, crosshair: object) -> tuple[float, float]:
    valid = means.dropna(subset=["importance", "performance"])
    if isinstance(crosshair, str):
        if crosshair == "mean":
            return float(valid["importance"].mean()), float(valid["performance"].mean())
        if crosshair == "median":
            return float(valid["importance"].median()), float(valid["performance"].median())
    elif isinstance(crosshair, Mapping):
        try:
            return float(crosshair["importance"]), float(crosshair["performance"])
        except (KeyError, TypeError, ValueError):
            pass
    elif isinstance(crosshair, tuple | list) and len(crosshair) == 2:
        try:
            return float(crosshair[0]), float(crosshair[1])
        except (TypeError, ValueError):
            pass
    raise WorkbenchError(
        "crosshair must be 'mean', 'median', a pair (importance, performance) or a dict "
        f"{{'importance': x, 'performance': y}}; got {crosshair!r}"
    )


def importance_performance(
    survey: pd.DataFrame,
    by: str | pd.Series | None = None,
    crosshair: str | tuple[float, float] | Mapping[str, float] = "mean",
    confidence: float = 0.95,
    scale: tuple[float, float] = (1, 5),
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Place every attribute on the importance–performance matrix.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table (one row per respondent × attribute) with ``attribute``,
        ``importance`` and ``performance`` (1–5; empty = not answered).
    by : str or pandas.Series, optional
        A survey column, or a Series mapping ``customer_id`` to a segment: one matrix per
        segment, each with its own cross-hair. Answers whose segment is unknown are left out of
        the per-segment matrices.
    crosshair : {"mean", "median"} or (float, float) or dict, default "mean"
        Where the lines dividing the quadrants cross. ``"mean"``: the mean of the attribute
        means (each attribute counts once, however many answered it); ``"median"``: their
        median (robust when one attribute is far off); a pair is ``(importance, performance)``
        in that order (or a dict with those keys), e.g. ``(3, 3)`` for the scale's midpoint.
    confidence : float, default 0.95
        Level of the Student-t intervals around the means.
    scale : (float, float), default (1, 5)
        Lowest and highest allowed answer; an answer outside raises :class:`WorkbenchError`
        naming the column, row and attribute (a typo on a 1–5 scale is better caught than
        averaged in).
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    pandas.DataFrame
        Index ``attribute`` (or ``(segment, attribute)`` with ``by=``), sorted. Columns:
        ``importance`` and ``performance`` (means of the answers given; empty answers are
        skipped per question), ``gap`` (importance − performance), ``n`` (answers with at least
        one of the two questions), ``importance_ci_low`` / ``importance_ci_high``,
        ``performance_ci_low`` / ``performance_ci_high`` (Student-t, clipped to the scale;
        NaN with a single answer),
        ``crosshair_importance`` / ``crosshair_performance`` (the lines used) and ``quadrant``:
        ``concentrate_here`` (important, performing below the line), ``keep_up`` (important,
        above), ``low_priority`` (less important, below), ``possible_overkill`` (less important,
        above). A point exactly on a line counts as important / above. Display labels:
        ``t("ipa.quadrant.<key>", language)``.

    See Also
    --------
    gap_analysis : the same answers read as gaps with significance.
    workbench.priorities : choose improvement actions within a budget.

    Notes
    -----
    What to tell the client: the top-left quadrant ("concentrate here") lists what clients care
    about most and where we are weakest — the first place to spend effort. "Keep up the good
    work" is where we already shine on what matters: do not cut costs there. "Low priority" is
    weak but unimportant: do not fix it first. "Possible overkill" is strong on what clients
    barely care about: resources may be moved from there.

    The quadrants are *relative*: with the mean cross-hair some attribute always lands in each
    half, even when every score is good. Check the intervals: two attributes whose intervals
    overlap the lines are not reliably in different quadrants. Stated importance tends to be
    high for everything; a wide spread in performance is usually the more telling axis.

    Method: J. A. Martilla, J. C. James, "Importance-Performance Analysis", *Journal of
    Marketing* 41(1), 1977.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r1", "r2", "r2"],
    ...     "attribute": ["delivery", "price", "delivery", "price"],
    ...     "importance": [5, 3, 5, 2], "performance": [2, 4, 3, 5]})
    >>> importance_performance(survey)["quadrant"].tolist()
    ['concentrate_here', 'possible_overkill']
    """
    conf = _check_confidence(confidence)
    lo_hi = _check_scale(scale)
    df = _survey(survey, columns, ["attribute", "importance", "performance"], lo_hi)
    df, keys, gname = _group_keys(df, by)
    records = []
    for key, sub in df.groupby(keys, sort=True, dropna=True):
        key = key if isinstance(key, tuple) else (key,)
        imp = _t_interval(sub["importance"].dropna().to_numpy(), conf, lo_hi)
        perf = _t_interval(sub["performance"].dropna().to_numpy(), conf, lo_hi)
        n = int((sub["importance"].notna() | sub["performance"].notna()).sum())
        if n == 0:
            continue
        records.append(dict(zip(keys, key, strict=True)) | {
            "importance": imp[0], "performance": perf[0], "gap": imp[0] - perf[0], "n": n,
            "importance_ci_low": imp[1], "importance_ci_high": imp[2],
            "performance_ci_low": perf[1], "performance_ci_high": perf[2],
        })
    cols = ["importance", "performance", "gap", "n", "importance_ci_low", "importance_ci_high",
            "performance_ci_low", "performance_ci_high"]
    out = _index(records, keys, gname, cols)
    out["n"] = out["n"].astype("int64")
    if gname is None:
        x, y = _crosshair(out, crosshair)
        out["crosshair_importance"] = x
        out["crosshair_performance"] = y
    else:
        lines = {g: _crosshair(sub, crosshair) for g, sub in out.groupby(level=0, sort=False)}
        groups = out.index.get_level_values(0)
        out["crosshair_importance"] = [lines[g][0] for g in groups]
        out["crosshair_performance"] = [lines[g][1] for g in groups]
    out["crosshair_importance"] = out["crosshair_importance"].astype("float64")
    out["crosshair_performance"] = out["crosshair_performance"].astype("float64")
    out["quadrant"] = _quadrants(out)
    return out


def _quadrants(out: pd.DataFrame) -> pd.Series:
    important = out["importance"] >= out["crosshair_importance"]
    above = out["performance"] >= out["crosshair_performance"]
    known = out["importance"].notna() & out["performance"].notna()
    keys = np.select(
        [important & ~above, important & above, ~important & ~above],
        ["concentrate_here", "keep_up", "low_priority"],
        "possible_overkill",
    )
    return pd.Series(keys, index=out.index, dtype="string").where(known)


# ----------------------------------------------------------------------------------------------
# Gap analysis
# ----------------------------------------------------------------------------------------------


def gap_analysis(
    survey: pd.DataFrame,
    by: str | pd.Series | None = None,
    confidence: float = 0.95,
    scale: tuple[float, float] = (1, 5),
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Measure, per attribute, how far perceived quality falls short of what clients expect.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table with ``attribute``, ``performance`` and ``expectation``
        (or, failing that, ``importance``); ``competitor_performance`` adds the comparison with
        the main competitor.
    by : str or pandas.Series, optional
        A survey column, or a Series mapping ``customer_id`` to a segment.
    confidence : float, default 0.95
        Level of the paired Student-t intervals.
    scale : (float, float), default (1, 5)
        Allowed answer range (see :func:`importance_performance`).
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    pandas.DataFrame
        Index ``attribute`` (or ``(segment, attribute)``), sorted. Columns:

        - ``basis``: ``"expectation"``, or ``"importance"`` when the attribute has no
          expectation answers (the column is absent or empty for it);
        - ``expected``, ``performance``, ``competitor_performance``: means of the answers given;
        - ``gap``: mean over respondents of (expected − performance), counted only for
          respondents who answered both; positive = we fall short; ``gap_ci_low``,
          ``gap_ci_high``, ``gap_n``, ``gap_significant`` (the interval excludes 0);
        - ``vs_competitor``: mean of (performance − competitor_performance) over respondents
          who rated both; positive = we are ahead; ``vs_competitor_ci_low``,
          ``vs_competitor_ci_high``, ``vs_competitor_n``, ``vs_competitor_significant``.

        Intervals are NaN, and the flags False, when fewer than two respondents answered both.

    Notes
    -----
    What to tell the client: a positive, significant gap is a broken promise — clients expect
    more than they get, and this is where disappointment (and quiet churn) comes from. A gap
    that is not significant may be noise: ask more clients before spending money on it. Against
    the competitor, a significant positive difference is an advantage to stress in offers
    (step 6, "golden drops"); a negative one is a reason clients may leave.

    The differences are *paired* (each respondent compared with themselves), which removes the
    habit some people have of scoring everything high or low and makes the intervals narrower
    than comparing two means would. The gap is the SERVQUAL idea of expectation minus
    perception (Parasuraman, Zeithaml & Berry 1988), on the attribute list of this survey.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3"], "attribute": "delivery",
    ...     "expectation": [5, 5, 5], "performance": [3, 3, 3],
    ...     "competitor_performance": [4, 4, 4]})
    >>> row = gap_analysis(survey).loc["delivery"]
    >>> float(row["gap"]), bool(row["gap_significant"]), float(row["vs_competitor"])
    (2.0, True, -1.0)
    """
    conf = _check_confidence(confidence)
    lo_hi = _check_scale(scale)
    df = _survey(survey, columns, ["attribute", "performance"], lo_hi)
    if "expectation" not in df.columns and "importance" not in df.columns:
        raise MissingColumnsError(
            "survey", ["expectation"], list(df.columns), source="DataFrame",
            hint="gap_analysis needs expectation (or at least importance) answers",
        )
    has_comp = "competitor_performance" in df.columns
    df, keys, gname = _group_keys(df, by)
    records = []
    for key, sub in df.groupby(keys, sort=True, dropna=True):
        key = key if isinstance(key, tuple) else (key,)
        if "expectation" in sub.columns and sub["expectation"].notna().any():
            basis = "expectation"
        elif "importance" in sub.columns:
            basis = "importance"
        else:
            basis = "expectation"
        gap = _t_interval((sub[basis] - sub["performance"]).dropna().to_numpy(), conf)
        if has_comp:
            comp_mean = float(sub["competitor_performance"].mean())
            vs = _t_interval(
                (sub["performance"] - sub["competitor_performance"]).dropna().to_numpy(), conf
            )
        else:
            comp_mean, vs = math.nan, (math.nan, math.nan, math.nan, 0)
        records.append(dict(zip(keys, key, strict=True)) | {
            "basis": basis,
            "expected": float(sub[basis].mean()),
            "performance": float(sub["performance"].mean()),
            "competitor_performance": comp_mean,
            "gap": gap[0], "gap_ci_low": gap[1], "gap_ci_high": gap[2], "gap_n": gap[3],
            "gap_significant": bool(gap[1] > 0 or gap[2] < 0),
            "vs_competitor": vs[0], "vs_competitor_ci_low": vs[1],
            "vs_competitor_ci_high": vs[2], "vs_competitor_n": vs[3],
            "vs_competitor_significant": bool(vs[1] > 0 or vs[2] < 0),
        })
    cols = ["basis", "expected", "performance", "competitor_performance", "gap", "gap_ci_low",
            "gap_ci_high", "gap_n", "gap_significant", "vs_competitor", "vs_competitor_ci_low",
            "vs_competitor_ci_high", "vs_competitor_n", "vs_competitor_significant"]
    out = _index(records, keys, gname, cols)
    out["basis"] = out["basis"].astype("string")
    for c in ("gap_n", "vs_competitor_n"):
        out[c] = out[c].astype("int64")
    for c in ("gap_significant", "vs_competitor_significant"):
        out[c] = out[c].astype("bool")
    return out


# ----------------------------------------------------------------------------------------------
# Kano
# ----------------------------------------------------------------------------------------------


def _check_kano_table(table: Mapping[int, Mapping[int, str]]) -> None:
    for f in range(1, 6):
        for d in range(1, 6):
            try:
                cat = table[f][d]
            except (KeyError, TypeError, IndexError):
                raise WorkbenchError(
                    f"table must map every functional answer 1-5 to every dysfunctional answer "
                    f"1-5; cell ({f}, {d}) is missing"
                ) from None
            if cat not in KANO_CATEGORIES:
                raise WorkbenchError(
                    f"table cell ({f}, {d}) must be one of {', '.join(KANO_CATEGORIES)}; "
                    f"got {cat!r}"
                )


def _kano_answers(out: pd.DataFrame, col: str) -> None:
    _numeric(out, col, 1, 5)
    values = out[col]
    bad = values.notna() & (values != values.round())
    if bad.any():
        first = values.index[bad][0]
        raise WorkbenchError(
            f"survey: column {col!r} must hold whole answer codes 1-5; row {first!r} has "
            f"{values[first]:g}"
        )


def kano_categories(
    survey: pd.DataFrame,
    table: Mapping[int, Mapping[int, str]] = KANO_TABLE,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Classify each respondent's answer pair per attribute with the Kano evaluation table.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table with ``attribute``, ``kano_functional`` and
        ``kano_dysfunctional`` (codes 1–5, see :data:`workbench.schema.KANO_ANSWERS`).
    table : mapping, default :data:`KANO_TABLE`
        ``table[functional][dysfunctional] -> category``; replace it to use another variant.
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    pandas.DataFrame
        The rows that carry at least one Kano answer, in input order, with ``respondent_id``
        and ``customer_id`` (when present), ``attribute``, ``kano_functional``,
        ``kano_dysfunctional`` (float; NaN = not answered) and ``category`` (one of
        ``A O M I R Q``; ``<NA>`` when one answer of the pair is missing).
    """
    _check_kano_table(table)
    df = _survey(survey, columns, ["attribute", "kano_functional", "kano_dysfunctional"])
    for col in ("kano_functional", "kano_dysfunctional"):
        _kano_answers(df, col)
    df = df.loc[df["kano_functional"].notna() | df["kano_dysfunctional"].notna()]
    both = (df["kano_functional"].notna() & df["kano_dysfunctional"].notna()).to_numpy()
    lookup = np.array([[None] * 6] + [[None] + [table[f][d] for d in range(1, 6)]
                                      for f in range(1, 6)], dtype=object)
    f_idx = df["kano_functional"].fillna(0).to_numpy(dtype="int64")
    d_idx = df["kano_dysfunctional"].fillna(0).to_numpy(dtype="int64")
    cats = np.where(both, lookup[f_idx, d_idx], None)
    keep = [c for c in ("respondent_id", "customer_id") if c in df.columns]
    out = df[[*keep, "attribute", "kano_functional", "kano_dysfunctional"]].copy()
    out["category"] = pd.array(cats, dtype="string")
    return out


def kano(
    survey: pd.DataFrame,
    by: str | pd.Series | None = None,
    table: Mapping[int, Mapping[int, str]] = KANO_TABLE,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Classify every attribute with the Kano model and compute the better/worse coefficients.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table with ``attribute``, ``kano_functional`` and
        ``kano_dysfunctional``: the answers (1 I like it, 2 I expect it, 3 I am neutral, 4 I can
        live with it, 5 I dislike it) to "how do you feel if the product *has* this?" and "...
        if it does *not* have this?".
    by : str or pandas.Series, optional
        A survey column, or a Series mapping ``customer_id`` to a segment.
    table : mapping, default :data:`KANO_TABLE`
        The evaluation table ``table[functional][dysfunctional] -> category``.
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    pandas.DataFrame
        Index ``attribute`` (or ``(segment, attribute)``), sorted; attributes without any Kano
        answer are left out. Columns: counts ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``; ``n``
        (complete answer pairs); ``missing`` (pairs with one answer missing, excluded from the
        counts); ``category`` (the most frequent; ties broken by :data:`KANO_TIE_ORDER`,
        M > O > A > I > R > Q; ``<NA>`` when n = 0); ``cs_plus`` = (A + O) / (A + O + M + I)
        and ``cs_minus`` = −(O + M) / (A + O + M + I) (NaN when the denominator is 0).

    Notes
    -----
    What to tell the client:

    - **M, must-be** (обязательное): taken for granted. Doing it well earns no praise, failing
      it makes clients angry. Fix these first; do not advertise them.
    - **O, one-dimensional** (одномерное): the more the better, satisfaction rises with it —
      where we compete on the competitor's terms.
    - **A, attractive** (привлекательное): not expected, delights when present, no harm when
      absent — the source of the "Ах!" and of differentiation.
    - **I, indifferent**: clients do not care either way — a candidate for saving money.
    - **R, reverse**: clients prefer *not* to have it. **Q, questionable**: contradictory answers
      (liking both presence and absence) — a misunderstood question or a careless respondent.

    ``cs_plus`` (better, 0..1) says how much satisfaction rises if we provide the attribute;
    ``cs_minus`` (worse, −1..0) how much it falls if we do not. Categories drift over time:
    today's attractive feature is tomorrow's must-be.

    Credits: N. Kano et al., "Attractive quality and must-be quality", 1984; evaluation table,
    tie rule and coefficients after C. Berger et al., "Kano's methods for understanding
    customer-defined quality", *Center for Quality Management Journal* 2(4), 1993.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3"], "attribute": "fast delivery",
    ...     "kano_functional": [2, 1, 3], "kano_dysfunctional": [5, 5, 5]})
    >>> row = kano(survey).loc["fast delivery"]
    >>> int(row["M"]), int(row["O"]), row["category"], round(float(row["cs_plus"]), 3)
    (2, 1, 'M', 0.333)
    """
    cats = kano_categories(survey, table=table, columns=columns)
    cats, keys, gname = _group_keys(cats, by)
    records = []
    for key, sub in cats.groupby(keys, sort=True, dropna=True):
        key = key if isinstance(key, tuple) else (key,)
        counts = sub["category"].value_counts()
        row = {c: int(counts.get(c, 0)) for c in KANO_CATEGORIES}
        n = sum(row.values())
        if n:
            best = max(row.values())
            dominant = next(c for c in KANO_TIE_ORDER if row[c] == best)
        else:
            dominant = None
        denom = row["A"] + row["O"] + row["M"] + row["I"]
        records.append(dict(zip(keys, key, strict=True)) | row | {
            "n": n,
            "missing": int(sub["category"].isna().sum()),
            "category": dominant,
            "cs_plus": (row["A"] + row["O"]) / denom if denom else math.nan,
            "cs_minus": -(row["O"] + row["M"]) / denom if denom else math.nan,
        })
    cols = [*KANO_CATEGORIES, "n", "missing", "category", "cs_plus", "cs_minus"]
    out = _index(records, keys, gname, cols)
    for c in (*KANO_CATEGORIES, "n", "missing"):
        out[c] = out[c].astype("int64")
    out["category"] = out["category"].astype("string")
    for c in ("cs_plus", "cs_minus"):
        out[c] = out[c].astype("float64")
    return out


# ----------------------------------------------------------------------------------------------
# Expectation ladder
# ----------------------------------------------------------------------------------------------


def expectation_ladder(
    survey: pd.DataFrame,
    tolerance: float = 0.0,
    rule: str = "mean",
    scale: tuple[float, float] = (1, 5),
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Place each respondent on the expectation ladder: disappointed, satisfied or delighted.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table with ``respondent_id``, ``attribute``, ``performance`` and
        ``expectation``.
    tolerance : float, default 0.0
        How far (in scale points) perceived quality may differ from the expected before the
        client notices. With 0, any shortfall disappoints and any surplus delights; since an
        exact match of the averages is rare when many attributes are rated, "satisfied" is then
        rare too — 0.25 to 0.5 of a scale point is a sensible choice in a workshop.
    rule : {"mean", "strict"}, default "mean"
        ``"mean"``: compare the respondent's mean difference d = mean(performance −
        expectation) over the attributes they rated both: d < −tolerance → ``disappointed``,
        d > +tolerance → ``delighted``, otherwise ``satisfied``. ``"strict"``: one let-down is
        remembered — ``disappointed`` if *any* attribute falls short by more than the
        tolerance, ``delighted`` if none does and at least one exceeds it, else ``satisfied``.
    scale : (float, float), default (1, 5)
        Allowed answer range.
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    pandas.DataFrame
        Index ``respondent_id`` (sorted); respondents with no attribute rated on both questions
        are left out. Columns: ``customer_id`` (when the survey has it; the first one given),
        ``n_attributes``, ``mean_difference``, ``n_below`` and ``n_above`` (attributes short of
        / above expectation by more than the tolerance) and ``level`` (one of
        :data:`LADDER_LEVELS`; display labels ``t("exp.level.<key>")``).

    See Also
    --------
    expectation_ladder_summary : shares of respondents per rung.

    Notes
    -----
    The expectation ladder (лестница ожиданий) of the method: *disappointment* — the client
    expected and did not get (anger, irritation); *satisfaction* — got what was expected, the
    minimum standard kept, no emotion; the *"Ах!"* level — got more than expected (joy). Only
    the top rung makes clients recommend us, buy more often and accept a higher price;
    satisfaction alone does not hold a client when a competitor calls. Tell the client what
    share sits on each rung and which attributes push people down (``n_below``).

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r1", "r2", "r2"], "attribute": ["a", "b", "a", "b"],
    ...     "expectation": [4, 4, 3, 3], "performance": [3, 4, 4, 4]})
    >>> expectation_ladder(survey)["level"].tolist()
    ['disappointed', 'delighted']
    """
    if rule not in ("mean", "strict"):
        raise WorkbenchError(f"rule must be 'mean' or 'strict'; got {rule!r}")
    try:
        tol = float(tolerance)
    except (TypeError, ValueError):
        tol = math.nan
    if not (math.isfinite(tol) and tol >= 0):
        raise WorkbenchError(f"tolerance must be a number >= 0; got {tolerance!r}")
    lo_hi = _check_scale(scale)
    df = _survey(
        survey, columns, ["respondent_id", "attribute", "performance", "expectation"], lo_hi
    )
    if df["respondent_id"].isna().any():
        first = df.index[df["respondent_id"].isna()][0]
        raise WorkbenchError(f"survey: column 'respondent_id' is empty at row {first!r}")
    diff = df["performance"] - df["expectation"]
    pairs = df.assign(_diff=diff, _below=diff < -tol, _above=diff > tol).loc[diff.notna()]
    grouped = pairs.groupby("respondent_id", sort=True)
    out = pd.DataFrame({
        "n_attributes": grouped["_diff"].size().astype("int64"),
        "mean_difference": grouped["_diff"].mean().astype("float64"),
        "n_below": grouped["_below"].sum().astype("int64"),
        "n_above": grouped["_above"].sum().astype("int64"),
    })
    if "customer_id" in df.columns:
        first_id = df.dropna(subset=["customer_id"]).groupby("respondent_id")["customer_id"].first()
        out.insert(0, "customer_id", first_id.reindex(out.index).astype("string"))
    if rule == "mean":
        d = out["mean_difference"]
        level = np.select([d < -tol, d > tol], ["disappointed", "delighted"], "satisfied")
    else:
        level = np.select(
            [out["n_below"] > 0, out["n_above"] > 0], ["disappointed", "delighted"], "satisfied"
        )
    out["level"] = pd.array(level, dtype="string")
    out.index = out.index.astype("string")
    out.index.name = "respondent_id"
    return out


def expectation_ladder_summary(
    ladder: pd.DataFrame, by: str | pd.Series | None = None
) -> pd.DataFrame:
    """Count respondents per rung of the expectation ladder, overall or per segment.

    Parameters
    ----------
    ladder : pandas.DataFrame
        The output of :func:`expectation_ladder`.
    by : str or pandas.Series, optional
        A column of ``ladder``, or a Series mapping ``customer_id`` to a segment (respondents
        without a known segment are left out of the per-segment rows).

    Returns
    -------
    pandas.DataFrame
        Index ``level`` (all three rungs, bottom to top, zeros included), or
        ``(segment, level)``; columns ``n`` and ``share`` (of the respondents in the segment).
    """
    if "level" not in ladder.columns:
        raise MissingColumnsError(
            "expectation ladder", ["level"], list(ladder.columns), source="DataFrame",
            hint="pass the output of workbench.expectation_ladder(survey)",
        )
    frame, gname = attach_groups(ladder.reset_index(), by, "expectation ladder")

    def count(levels: pd.Series) -> pd.DataFrame:
        n = levels.value_counts().reindex(list(LADDER_LEVELS), fill_value=0).astype("int64")
        total = int(n.sum())
        share = n / total if total else n.astype("float64") * math.nan
        return pd.DataFrame({"n": n, "share": share.astype("float64")})

    if gname is None:
        out = count(frame["level"])
        out.index = pd.Index(list(LADDER_LEVELS), name="level", dtype="string")
        return out
    parts = {g: count(sub["level"]) for g, sub in frame.groupby(GROUP_COLUMN, sort=True)}
    out = pd.concat(parts, names=[gname, "level"])
    return out


# ----------------------------------------------------------------------------------------------
# Voice of the customer (цитатник)
# ----------------------------------------------------------------------------------------------


def _normalise_text(s: pd.Series) -> pd.Series:
    return s.map(lambda v: re.sub(r"\s+", " ", str(v)).strip().casefold())


def quotes(
    data: pd.DataFrame,
    by: str | pd.Series | None = "attribute",
    n: int = 3,
    random_state: int = 0,
    text_col: str | None = None,
    score_col: str | None = None,
) -> pd.DataFrame:
    """Pick a few client comments per attribute or segment: the voice of the customer.

    Parameters
    ----------
    data : pandas.DataFrame
        A survey table (free text in ``comment``) or a feedback table (free text in ``text``),
        or any frame with a text column.
    by : str or pandas.Series or None, default "attribute"
        A column to sample within (``"attribute"`` for a survey, ``"category"`` or ``"kind"``
        for feedback), a Series mapping ``customer_id`` to a segment, or None for one sample
        overall.
    n : int, default 3
        Comments per group (fewer when the group has fewer distinct comments).
    random_state : int, default 0
        Seed: the same data and seed always give the same quotes.
    text_col : str, optional
        The text column; by default ``"comment"`` when present, else ``"text"``.
    score_col : str, optional
        The respondent's score of what they comment on (default: ``"performance"`` when
        present, else ``"score"``, else none). With a score, each group's quotes come from
        the low scorers as well as the high ones: half of ``n`` (rounded up) from the
        comments whose score is at or below the middle of the scale seen in the data, the
        rest from those above it; a side with too few comments is filled from the other.
        The worst attribute then does not get only praise, nor the best only complaints.
        ``score_col=False`` samples without looking at the score.

    Returns
    -------
    pandas.DataFrame
        One row per quote, sorted by group, then low scorers before high ones, then input
        order: the group column (named as ``by``; absent when ``by`` is None), the text
        column, ``respondent_id`` / ``customer_id`` / ``date`` / ``score`` where present, and
        with a score column that column and ``tone`` (``"low"`` / ``"high"``). Empty or blank
        texts are skipped, and a comment repeated word for word (ignoring case and spacing)
        is used once.

    Notes
    -----
    A цитатник is the consultant's strongest slide: one sentence in a client's own words
    convinces a management team more than a chart. Sample at random (rather than pick the
    juiciest) so the quotes are fair to the data; fix ``random_state`` so the report does not
    change when rerun, and change it to see other quotes.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3"], "attribute": ["price", "price", "delivery"],
    ...     "comment": ["Too expensive", "too  expensive", "Always late"]})
    >>> quotes(survey, n=2)["comment"].tolist()
    ['Always late', 'Too expensive']

    With a score, a group's quotes come from both ends:

    >>> rated = pd.DataFrame({"attribute": ["price"] * 4, "performance": [1, 5, 5, 4],
    ...                       "comment": ["Too dear", "Fair", "Good value", "Fine"]})
    >>> quotes(rated, n=2)[["comment", "tone"]].values.tolist()
    [['Too dear', 'low'], ['Fair', 'high']]
    """
    if not isinstance(data, pd.DataFrame):
        raise WorkbenchError(f"quotes: expected a DataFrame, got {type(data).__name__}")
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise WorkbenchError(f"n must be a whole number >= 1; got {n!r}")
    if text_col is None:
        text_col = next((c for c in ("comment", "text") if c in data.columns), None)
        if text_col is None:
            raise MissingColumnsError(
                "quotes", ["comment"], list(data.columns), source="DataFrame",
                hint="pass text_col='<your text column>' (a survey has 'comment', "
                "feedback has 'text')",
            )
    elif text_col not in data.columns:
        raise MissingColumnsError("quotes", [text_col], list(data.columns), source="DataFrame")
    frame = data.reset_index(drop=True)
    frame, gname = attach_groups(frame, by, "quotes")
    text = frame[text_col].astype("string")
    keep = text.notna() & (text.str.strip() != "")
    frame = frame.loc[keep.fillna(False).to_numpy()].copy()
    frame["_norm"] = _normalise_text(frame[text_col])
    group_cols = [] if gname is None else [GROUP_COLUMN]
    if gname is not None:
        frame = frame.loc[frame[GROUP_COLUMN].notna()]
    frame = frame.drop_duplicates(subset=[*group_cols, "_norm"], keep="first")
    rng = np.random.default_rng(random_state)
    frame["_draw"] = rng.permutation(len(frame))
    frame["_order"] = np.arange(len(frame))
    if score_col is None:
        score_col = next((c for c in ("performance", "score") if c in frame.columns), None)
    elif score_col is False:
        score_col = None
    elif score_col not in frame.columns:
        raise MissingColumnsError("quotes", [score_col], list(frame.columns),
                                  source="DataFrame")
    if score_col is not None:
        score = pd.to_numeric(frame[score_col], errors="coerce").astype("float64")
        if score.notna().any():
            middle = (float(score.min()) + float(score.max())) / 2.0
            frame["_tone"] = np.where(score.isna(), "", np.where(score <= middle, "low",
                                                                  "high"))
        else:
            score_col = None
    gkey = group_cols or None
    if score_col is None:
        ranked = frame.sort_values("_draw", kind="mergesort")
        picked = ranked.head(n) if gkey is None else ranked.groupby(
            GROUP_COLUMN, sort=False).head(n)
        sort_by = [*group_cols, "_order"]
    else:
        picked = _balanced(frame[frame["_tone"] != ""], gkey, n)
        sort_by = [*group_cols, "_tone_rank", "_order"]
    picked = picked.sort_values(sort_by, kind="mergesort")
    extra = [c for c in ("respondent_id", "customer_id", "date", "score", score_col)
             if c is not None and c in picked.columns and c not in (text_col, gname)]
    extra = list(dict.fromkeys(extra))
    if score_col is not None:
        picked = picked.assign(tone=picked["_tone"])
        extra.append("tone")
    out = picked[[*group_cols, text_col, *extra]].rename(columns={GROUP_COLUMN: gname})
    return out.reset_index(drop=True)


def _balanced(frame: pd.DataFrame, group: list[str] | None, n: int) -> pd.DataFrame:
    """Per group: ceil(n / 2) low-tone rows and the rest high, by draw order; a side short
    of rows is filled from the other."""
    frame = frame.sort_values("_draw", kind="mergesort")
    parts = [frame] if group is None else [g for _, g in frame.groupby(group[0], sort=False)]
    out = []
    for part in parts:
        low, high = part[part["_tone"] == "low"], part[part["_tone"] == "high"]
        k_low = min(len(low), max(n - len(high), (n + 1) // 2))
        k_high = min(len(high), n - k_low)
        out += [low.head(k_low), high.head(k_high)]
    picked = pd.concat(out) if out else frame.head(0)
    return picked.assign(_tone_rank=(picked["_tone"] == "high").astype(int))


# ----------------------------------------------------------------------------------------------
# Contact sources and their yield
# ----------------------------------------------------------------------------------------------


def source_yield(
    customers: pd.DataFrame,
    tx: pd.DataFrame,
    asof: Any = None,
    horizon: str | pd.Timedelta = "365D",
    columns: Mapping[str, str] | None = None,
    tx_columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Measure what each contact source (источник обращения) brings: clients, money, loyalty.

    Parameters
    ----------
    customers : pandas.DataFrame
        The canonical customers table with ``customer_id`` and ``source``.
    tx : pandas.DataFrame
        The canonical transactions table (``customer_id``, ``date``, ``amount``; ``order_id``
        when present).
    asof : date-like, optional
        Observation end; purchases after it are ignored. Default: the last transaction date.
    horizon : str or pandas.Timedelta, default "365D"
        The recent window for ``active_share``.
    columns, tx_columns : dict, optional
        Column mappings for ``customers`` and ``tx``.

    Returns
    -------
    pandas.DataFrame
        Index ``source``, sorted by revenue (largest first, then by name). Clients without a
        source — or buying but missing from the customer table — are grouped under
        :data:`UNKNOWN_SOURCE`. Columns: ``clients`` (clients in the customer table or
        with a purchase), ``buyers`` (clients with
        a purchase by ``asof``), ``revenue`` (net of returns), ``revenue_per_client``,
        ``revenue_per_buyer``, ``repeat_rate`` (share of buyers with two or more orders — an
        order is an ``order_id``, or a purchase day when there is none), ``active_share``
        (share of buyers who bought within ``horizon`` before ``asof``), ``share_of_clients``
        and ``share_of_revenue``.

    Notes
    -----
    What to tell the client: a source is worth its money when it brings clients who *stay and
    buy*, not just many first orders. Compare ``revenue_per_client`` and ``repeat_rate`` across
    sources before moving an advertising budget. Sources that started recently have had less
    time to produce repeat buyers: read ``repeat_rate`` together with when the clients came.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["1", "2"], "source": ["exhibition", "ads"]})
    >>> tx = pd.DataFrame({"customer_id": ["1", "1", "2"],
    ...                    "date": ["2024-01-10", "2024-03-01", "2024-02-01"],
    ...                    "amount": [100.0, 80.0, 30.0]})
    >>> source_yield(customers, tx)[["revenue", "repeat_rate"]].to_dict("index")
    {'exhibition': {'revenue': 180.0, 'repeat_rate': 1.0}, 'ads': {'revenue': 30.0, 'repeat_rate': 0.0}}
    """
    cust = prepare_table(customers, "customers", columns, require=["customer_id", "source"])
    trans, asof_ts = prepare_transactions(tx, asof, tx_columns)
    try:
        window = pd.Timedelta(horizon)
    except (TypeError, ValueError):
        window = pd.NaT
    if window is pd.NaT or window <= pd.Timedelta(0):
        raise WorkbenchError(f"horizon must be a positive duration such as '365D'; got {horizon!r}")
    cust = cust.dropna(subset=["customer_id"]).drop_duplicates("customer_id", keep="first")
    source = cust.set_index("customer_id")["source"].astype("string")
    source = source.where(source.notna() & (source.str.strip() != ""), UNKNOWN_SOURCE)
    order_key = "order_id" if "order_id" in trans.columns else None
    if order_key is None:
        trans = trans.assign(_order=trans["date"].dt.normalize())
        order_key = "_order"
    per = trans.groupby("customer_id", sort=True).agg(
        revenue=("amount", "sum"), orders=(order_key, "nunique"), last=("date", "max")
    )
    ids = source.index.union(per.index)
    card = pd.DataFrame(index=ids)
    card["source"] = source.reindex(ids).fillna(UNKNOWN_SOURCE)
    card = card.join(per)
    card["buyer"] = card["orders"].fillna(0) > 0
    card["repeat"] = card["orders"].fillna(0) >= 2
    card["active"] = card["last"] > asof_ts - window
    g = card.groupby("source", sort=True)
    out = pd.DataFrame({
        "clients": g.size().astype("int64"),
        "buyers": g["buyer"].sum().astype("int64"),
        "revenue": g["revenue"].sum().astype("float64"),
    })
    out["revenue_per_client"] = out["revenue"] / out["clients"].where(out["clients"] > 0)
    out["revenue_per_buyer"] = out["revenue"] / out["buyers"].where(out["buyers"] > 0)
    out["repeat_rate"] = g["repeat"].sum() / out["buyers"].where(out["buyers"] > 0)
    out["active_share"] = g["active"].sum() / out["buyers"].where(out["buyers"] > 0)
    total_clients = out["clients"].sum()
    total_revenue = out["revenue"].sum()
    out["share_of_clients"] = out["clients"] / total_clients if total_clients else math.nan
    out["share_of_revenue"] = out["revenue"] / total_revenue if total_revenue else math.nan
    out = out.astype({c: "float64" for c in out.columns if c not in ("clients", "buyers")})
    out.index = out.index.astype("string")
    out.index.name = "source"
    order = np.lexsort((out.index.to_numpy(dtype=object), -out["revenue"].to_numpy()))
    return out.iloc[order]

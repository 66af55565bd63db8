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

Everything here is computation; plots live in :mod:`workbench.plotting` and widgets in
:mod:`workbench.widgets`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from workbench._columns import prepare_table, prepare_transactions
from workbench._grouping import GROUP_COLUMN, attach_groups
from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.i18n import check_language, t

__all__ = (
    "KANO_CATEGORIES",
    "KANO_TABLE",
    "LADDER_LEVELS",
    "QUADRANTS",
    "UNKNOWN_SOURCE",
    "describe_competitor",
    "describe_expectation_ladder",
    "describe_expectations",
    "describe_gaps",
    "describe_importance_performance",
    "describe_kano",
    "describe_quotes",
    "describe_source_yield",
    "describe_survey",
    "expectation_ladder",
    "expectation_ladder_summary",
    "format_gaps",
    "format_importance_performance",
    "format_kano",
    "format_source_yield",
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


def describe_importance_performance(ipa: pd.DataFrame, language: str | None = None) -> str:
    """Read an IPA table aloud: how many attributes need attention first, and which.

    Parameters
    ----------
    ipa : pandas.DataFrame
        The output of :func:`importance_performance`; per segment (``by=``) one line per
        segment, prefixed with its name.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One or two plain sentences, e.g. "2 of 5 attributes are in 'Concentrate here':
        delivery, price."
    """
    language = check_language(language)
    if ipa.index.nlevels > 1:  # per segment: one line each
        return _per_segment(ipa, lambda sub: describe_importance_performance(sub, language),
                            language)
    if ipa.empty:
        return t("ipa.describe_empty", language)
    names = [str(i[-1] if isinstance(i, tuple) else i) for i in ipa.index]
    quadrant = ipa["quadrant"].tolist()
    focus = [n for n, q in zip(names, quadrant, strict=True) if q == "concentrate_here"]
    overkill = [n for n, q in zip(names, quadrant, strict=True) if q == "possible_overkill"]
    text = t("ipa.describe_focus", language, n=len(focus), total=len(names),
             quadrant=t("ipa.quadrant.concentrate_here", language),
             names=", ".join(focus) if focus else "—")
    if overkill:
        text += " " + t("ipa.describe_overkill", language,
                        quadrant=t("ipa.quadrant.possible_overkill", language),
                        names=", ".join(overkill))
    return text


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

    Returns
    -------
    pandas.DataFrame
        One row per quote, sorted by group and then by input order: the group column (named as
        ``by``; absent when ``by`` is None), the text column, and ``respondent_id`` /
        ``customer_id`` / ``date`` / ``score`` where present. Empty or blank texts are skipped,
        and a comment repeated word for word (ignoring case and spacing) is used once.

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
    if gname is None:
        picked = frame.nsmallest(n, "_draw")
    else:
        picked = (frame.sort_values("_draw", kind="mergesort")
                  .groupby(GROUP_COLUMN, sort=False).head(n))
    picked = picked.sort_values([*group_cols, "_order"], kind="mergesort")
    extra = [c for c in ("respondent_id", "customer_id", "date", "score")
             if c in picked.columns and c not in (text_col, gname)]
    out = picked[[*group_cols, text_col, *extra]].rename(columns={GROUP_COLUMN: gname})
    return out.reset_index(drop=True)


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


# ----------------------------------------------------------------------------------------------
# Reading the results aloud: computed sentences and display tables (steps 1–2 notebooks)
# ----------------------------------------------------------------------------------------------


def _num(x: float, language: str, digits: int = 2, sign: bool = False) -> str:
    """``4.39`` in English, ``4,39`` in Russian; ``sign`` adds ``+`` and uses a true minus."""
    text = f"{float(x):+.{digits}f}" if sign else f"{float(x):.{digits}f}"
    text = text.replace("-", "\u2212")
    return text.replace(".", ",") if language == "ru" else text


def _pct(x: float, language: str) -> str:
    """``45%`` (whole percent; ``—`` when not a number)."""
    return "—" if not np.isfinite(x) else f"{100 * float(x):.0f}%"


def _money(x: float, language: str) -> str:
    """Whole money units with thousands separated: ``12,346`` / ``12 346``."""
    text = f"{round(float(x)):,}"
    return text.replace(",", "\u202f") if language == "ru" else text


def _listed(values: pd.Series, language: str, digits: int = 2, sign: bool = False) -> str:
    """``name (value), name (value)`` in the order given."""
    return ", ".join(f"{name} ({_num(v, language, digits, sign)})" for name, v in values.items())


def _segments(frame: pd.DataFrame) -> list[tuple[object, pd.DataFrame]]:
    """One (segment, rows) pair per segment of a per-segment table, or [(None, frame)]."""
    if frame.index.nlevels == 1:
        return [(None, frame)]
    return [(g, sub.droplevel(0)) for g, sub in frame.groupby(level=0, sort=False)]


def _per_segment(frame: pd.DataFrame, read: Any, language: str) -> str:
    """Apply ``read(rows) -> str`` to each segment; prefix a segment's lines with its name."""
    lines = []
    for g, sub in _segments(frame):
        text = read(sub)
        lines.append(text if g is None else f"{g}: {text}")
    return "\n".join(lines)


def _display(frame: pd.DataFrame, headers: Mapping[str, str], language: str) -> pd.DataFrame:
    """Keep ``headers`` columns (in that order), rename them to catalogue texts, index by name.

    A per-segment frame keeps its segment level (named with ``ipa.segment``).
    """
    out = frame[[c for c in headers if c in frame.columns]].copy()
    out = out.rename(columns={c: t(k, language) for c, k in headers.items()})
    if out.index.nlevels > 1:
        out.index = out.index.set_names([t("ipa.segment", language), t("ipa.attribute", language)])
    else:
        out.index.name = t("ipa.attribute", language)
    return out


def describe_survey(
    survey: pd.DataFrame,
    language: str | None = None,
    scale: tuple[float, float] = (1, 5),
    columns: Mapping[str, str] | None = None,
) -> str:
    """Say what a survey holds: respondents, attributes, scale, answers given, comments.

    Parameters
    ----------
    survey : pandas.DataFrame
        The canonical survey table (one row per respondent × attribute).
    language : {"en", "ru"}, optional
    scale : (float, float), default (1, 5)
        The rating scale the questionnaire used (only reported).
    columns : dict, optional
        ``{your column: canonical column}``.

    Returns
    -------
    str
        Two or three sentences: how many respondents (and how many are linked to a client
        card) rated how many attributes on which scale, when the survey ran, what share of the
        rows answer each question (importance, performance, expectation, competitor, Kano
        pair), and how many rows carry a free-text comment.

    Notes
    -----
    Read this first in a workshop: a survey where a third of the answers are missing, or only a
    handful of respondents are linked to client cards, limits what the later steps can say
    (per-segment views need the link).

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r1", "r2", "r2"], "customer_id": ["c1", "c1", None, None],
    ...     "attribute": ["price", "delivery", "price", "delivery"],
    ...     "importance": [5, 4, 3, None], "performance": [2, 4, 3, 3]})
    >>> print(describe_survey(survey))
    The survey holds 2 respondents (1 linked to a client card) rating 2 attributes on a 1–5 \
scale: 4 answer rows. Share of rows answered: importance 75%, performance 100%.
    """
    language = check_language(language)
    lo, hi = _check_scale(scale)
    df = prepare_table(survey, "survey", columns, require=["respondent_id", "attribute"])
    n_resp = int(df["respondent_id"].nunique())
    linked = (int(df.dropna(subset=["customer_id"])["respondent_id"].nunique())
              if "customer_id" in df.columns else 0)
    text = t("exp.survey.summary", language, respondents=n_resp, linked=linked,
             attributes=int(df["attribute"].nunique()), lo=f"{lo:g}", hi=f"{hi:g}",
             rows=_money(len(df), language))
    if "date" in df.columns and df["date"].notna().any():
        dates = pd.to_datetime(df["date"], errors="coerce").dropna()
        if len(dates):
            text += " " + t("exp.survey.dates", language,
                            start=dates.min().strftime("%Y-%m-%d"),
                            end=dates.max().strftime("%Y-%m-%d"))
    shares = []
    total = len(df) or 1
    for col in ("importance", "performance", "expectation", "competitor_performance"):
        if col in df.columns:
            shares.append(f"{t(f'exp.col.{col}', language).lower()} "
                          f"{_pct(df[col].notna().sum() / total, language)}")
    if {"kano_functional", "kano_dysfunctional"} <= set(df.columns):
        pair = df["kano_functional"].notna() & df["kano_dysfunctional"].notna()
        shares.append(f"{t('exp.col.kano_pair', language)} {_pct(pair.sum() / total, language)}")
    if shares:
        text += " " + t("exp.survey.answered", language, shares=", ".join(shares))
    if "comment" in df.columns:
        comments = df["comment"].astype("string")
        n_comments = int((comments.notna() & (comments.str.strip() != "")).fillna(False).sum())
        text += " " + t("exp.survey.comments", language, n=n_comments)
    return text


def describe_expectations(gaps: pd.DataFrame, language: str | None = None, top: int = 3) -> str:
    """Read expectation levels aloud: what clients expect most and least, where we score.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`gap_analysis` (per segment: one line per segment).
    language : {"en", "ru"}, optional
    top : int, default 3
        How many attributes to name at each end.

    Returns
    -------
    str
        "Clients expect most from ... ; least from ... . They rate us highest on ... and lowest
        on ... ." with the means (two decimals). When an attribute had no expectation question,
        its importance stands in (see ``basis``) and the sentence says so.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r1", "r2", "r2"], "attribute": ["a", "b", "a", "b"],
    ...     "expectation": [5, 3, 4, 3], "performance": [3, 4, 3, 5]})
    >>> print(describe_expectations(gap_analysis(survey), top=1))
    Clients expect most from: a (4.50); least from: b (3.00). They rate our performance highest on b (4.50) and lowest on a (3.00).
    """
    language = check_language(language)

    def read(sub: pd.DataFrame) -> str:
        exp = sub["expected"].dropna().sort_values(ascending=False, kind="mergesort")
        perf = sub["performance"].dropna().sort_values(ascending=False, kind="mergesort")
        if exp.empty:
            return t("exp.describe_empty", language)
        k = max(1, min(int(top), len(exp) // 2 or 1))
        text = t("exp.describe_expected", language, high=_listed(exp.head(k), language),
                 low=_listed(exp.tail(k).iloc[::-1], language))
        if len(perf):
            text += " " + t("exp.describe_performance", language,
                            high=_listed(perf.head(k), language),
                            low=_listed(perf.tail(k).iloc[::-1], language))
        if "basis" in sub.columns and (sub["basis"] == "importance").any():
            names = ", ".join(str(i) for i in sub.index[sub["basis"] == "importance"])
            text += " " + t("exp.describe_basis", language, names=names)
        return text

    return _per_segment(gaps, read, language)


def describe_gaps(gaps: pd.DataFrame, language: str | None = None, top: int = 3) -> str:
    """Read the gap analysis aloud: where clients clearly get less, or more, than they expect.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`gap_analysis` (per segment: one line per segment).
    language : {"en", "ru"}, optional
    top : int, default 3
        How many of the largest shortfalls and surpluses to name.

    Returns
    -------
    str
        How many attributes fall clearly short (positive gap whose interval excludes 0), the
        largest of them with the gap; those clearly above expectation; and those whose gap
        could be noise.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3", "r4"] * 2, "attribute": ["a"] * 4 + ["b"] * 4,
    ...     "expectation": [5, 5, 5, 5, 3, 3, 3, 3], "performance": [3, 3, 4, 3, 4, 5, 4, 4]})
    >>> print(describe_gaps(gap_analysis(survey)))
    On 1 of 2 attributes clients clearly get less than they expect; the largest gaps: a (1.75). Clearly above expectation on 1: b (−1.25).
    """
    language = check_language(language)

    def read(sub: pd.DataFrame) -> str:
        sub = sub.dropna(subset=["gap"])
        if sub.empty:
            return t("gap.describe_empty", language)
        sig = sub["gap_significant"].astype(bool)
        short = sub.loc[sig & (sub["gap"] > 0), "gap"].sort_values(ascending=False,
                                                                   kind="mergesort")
        over = sub.loc[sig & (sub["gap"] < 0), "gap"].sort_values(kind="mergesort")
        noise = [str(i) for i in sub.index[~sig]]
        if len(short):
            text = t("gap.describe_short", language, n=len(short), total=len(sub),
                     names=_listed(short.head(top), language))
        else:
            text = t("gap.describe_no_short", language, total=len(sub))
        if len(over):
            text += " " + t("gap.describe_over", language, n=len(over),
                            names=_listed(over.head(top), language))
        if noise:
            text += " " + t("gap.describe_noise", language, names=", ".join(noise))
        return text

    return _per_segment(gaps, read, language)


def describe_competitor(gaps: pd.DataFrame, language: str | None = None, top: int = 3) -> str:
    """Read our standing against the main competitor aloud, attribute by attribute.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`gap_analysis` (per segment: one line per segment).
    language : {"en", "ru"}, optional
    top : int, default 3
        How many attributes to name on each side.

    Returns
    -------
    str
        On how many attributes clients rate us clearly above the competitor (the largest
        leads), clearly below (the largest lags), and how many differences could be noise;
        a plain sentence when the survey has no competitor ratings.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3", "r4"] * 2, "attribute": ["a"] * 4 + ["b"] * 4,
    ...     "expectation": 4, "performance": [4, 4, 5, 4, 2, 3, 2, 2],
    ...     "competitor_performance": [3, 3, 3, 3, 4, 4, 4, 4]})
    >>> print(describe_competitor(gap_analysis(survey)))
    Clients rate us clearly above the main competitor on 1 of 2 attributes; the largest leads: a (+1.25). Clearly below on 1; the largest lags: b (−1.75).
    """
    language = check_language(language)

    def read(sub: pd.DataFrame) -> str:
        sub = sub.dropna(subset=["vs_competitor"])
        if sub.empty:
            return t("gap.describe_no_competitor", language)
        sig = sub["vs_competitor_significant"].astype(bool)
        ahead = sub.loc[sig & (sub["vs_competitor"] > 0), "vs_competitor"].sort_values(
            ascending=False, kind="mergesort")
        behind = sub.loc[sig & (sub["vs_competitor"] < 0), "vs_competitor"].sort_values(
            kind="mergesort")
        text = t("gap.describe_ahead", language, n=len(ahead), total=len(sub),
                 names=_listed(ahead.head(top), language, sign=True) if len(ahead) else "—")
        if len(behind):
            text += " " + t("gap.describe_behind", language, n=len(behind),
                            names=_listed(behind.head(top), language, sign=True))
        n_noise = int((~sig).sum())
        if n_noise:
            text += " " + t("gap.describe_par", language, n=n_noise)
        return text

    return _per_segment(gaps, read, language)


def format_gaps(
    gaps: pd.DataFrame,
    language: str | None = None,
    which: tuple[str, ...] = ("expected", "performance", "competitor_performance", "gap",
                              "gap_significant", "vs_competitor", "vs_competitor_significant"),
) -> pd.DataFrame:
    """Return the gap table for display: chosen columns, translated headers, two decimals.

    Parameters
    ----------
    gaps : pandas.DataFrame
        The output of :func:`gap_analysis`.
    language : {"en", "ru"}, optional
    which : tuple of str
        Columns of ``gaps`` to show, in order.

    Returns
    -------
    pandas.DataFrame
        Index: the attribute (and segment) with translated names; numbers rounded to two
        decimals; the significance flags as translated "yes"/"no".
    """
    language = check_language(language)
    headers = {c: f"exp.col.{c}" for c in which}
    out = gaps[[c for c in which if c in gaps.columns]].copy()
    for c in out.columns:
        if c.endswith("_significant"):
            out[c] = [t("common.yes" if v else "common.no", language) for v in out[c]]
        else:
            out[c] = out[c].astype("float64").round(2)
    return _display(out, headers, language)


def format_importance_performance(ipa: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the IPA table for display: importance, performance, gap, n, quadrant label.

    Parameters
    ----------
    ipa : pandas.DataFrame
        The output of :func:`importance_performance`.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Translated headers, means rounded to two decimals, the quadrant as its display label.
    """
    language = check_language(language)
    out = ipa[["importance", "performance", "gap", "n", "quadrant"]].copy()
    for c in ("importance", "performance", "gap"):
        out[c] = out[c].astype("float64").round(2)
    out["quadrant"] = [t(f"ipa.quadrant.{q}", language) if isinstance(q, str) else "—"
                       for q in out["quadrant"]]
    headers = {"importance": "exp.col.importance", "performance": "exp.col.performance",
               "gap": "ipa.gap", "n": "exp.col.n", "quadrant": "ipa.quadrant"}
    return _display(out, headers, language)


def describe_kano(kano_table: pd.DataFrame, language: str | None = None) -> str:
    """Read the Kano classification aloud: attributes per category and the strongest levers.

    Parameters
    ----------
    kano_table : pandas.DataFrame
        The output of :func:`kano` (per segment: one line per segment).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        For each category present (in the order must-be, one-dimensional, attractive,
        indifferent, reverse, questionable) its attributes; then the attribute whose presence
        adds most satisfaction (highest CS+) and the one whose absence hurts most (largest
        |CS−|), with the coefficients.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r1", "r2"], "attribute": ["a", "a", "b", "b"],
    ...     "kano_functional": [2, 2, 1, 1], "kano_dysfunctional": [5, 5, 3, 3]})
    >>> print(describe_kano(kano(survey)))
    Must-be: a. Attractive: b. Presence adds most satisfaction: b (CS+ 1.00); absence hurts most: a (|CS−| 1.00).
    """
    language = check_language(language)

    def read(sub: pd.DataFrame) -> str:
        sub = sub.loc[sub["n"] > 0]
        if sub.empty:
            return t("kano.describe_empty", language)
        parts = []
        for cat in KANO_TIE_ORDER:
            names = [str(i) for i in sub.index[sub["category"] == cat]]
            if names:
                parts.append(f"{t(f'kano.category.{cat}', language)}: {', '.join(names)}.")
        cs = sub.dropna(subset=["cs_plus", "cs_minus"])
        if len(cs):
            better = cs["cs_plus"].sort_values(ascending=False, kind="mergesort")
            worse = cs["cs_minus"].sort_values(kind="mergesort")
            parts.append(t("kano.describe_levers", language, better=str(better.index[0]),
                           cs_plus=_num(better.iloc[0], language),
                           worse=str(worse.index[0]),
                           cs_minus=_num(abs(worse.iloc[0]), language)))
        return " ".join(parts)

    return _per_segment(kano_table, read, language)


def format_kano(kano_table: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the Kano table for display: answer counts, the category label, CS+ and CS−.

    Parameters
    ----------
    kano_table : pandas.DataFrame
        The output of :func:`kano`.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Columns (translated): the six category counts (headed by their labels), complete
        pairs, the dominant category's label, CS+ and CS− (two decimals).
    """
    language = check_language(language)
    out = kano_table[[*KANO_CATEGORIES, "n", "category", "cs_plus", "cs_minus"]].copy()
    out["category"] = [t(f"kano.category.{c}", language) if isinstance(c, str) else "—"
                       for c in out["category"]]
    for c in ("cs_plus", "cs_minus"):
        out[c] = out[c].astype("float64").round(2)
    headers = {c: f"kano.category.{c}" for c in KANO_CATEGORIES}
    headers |= {"n": "exp.col.n", "category": "kano.category", "cs_plus": "kano.cs_plus",
                "cs_minus": "kano.cs_minus"}
    return _display(out, headers, language)


def describe_expectation_ladder(
    summary: pd.DataFrame, language: str | None = None, tolerance: float | None = None
) -> str:
    """Read the expectation ladder aloud: shares disappointed, satisfied and delighted.

    Parameters
    ----------
    summary : pandas.DataFrame
        The output of :func:`expectation_ladder_summary` (overall or per segment).
    language : {"en", "ru"}, optional
    tolerance : float, optional
        The tolerance the ladder was built with, to say it in the sentence.

    Returns
    -------
    str
        Overall: "Of N respondents, x% are disappointed, y% satisfied and z% delighted ("Ah!")"
        (with the tolerance when given). Per segment: one such line per segment, then the
        segment with the largest disappointed share.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3", "r4"], "attribute": "a",
    ...     "expectation": [4, 4, 4, 3], "performance": [3, 4, 4, 5]})
    >>> summary = expectation_ladder_summary(expectation_ladder(survey, tolerance=0.25))
    >>> print(describe_expectation_ladder(summary, tolerance=0.25))
    Of 4 respondents, 25% are disappointed, 50% satisfied and 25% delighted (“Ah!”), with a tolerance of 0.25 scale points.
    """
    language = check_language(language)

    def line(sub: pd.DataFrame) -> str:
        n = sub["n"].reindex(list(LADDER_LEVELS), fill_value=0)
        total = int(n.sum())
        if total == 0:
            return t("exp.ladder_empty", language)
        share = n / total
        return t("exp.ladder_describe", language, n=total,
                 disappointed=_pct(share["disappointed"], language),
                 satisfied=_pct(share["satisfied"], language),
                 delighted=_pct(share["delighted"], language))

    tol = "" if tolerance is None else t("exp.ladder_tolerance", language,
                                         tolerance=_num(tolerance, language))
    if summary.index.nlevels == 1:
        return line(summary) + tol + "."
    lines = []
    worst, worst_share = None, -1.0
    for g, sub in summary.groupby(level=0, sort=False):
        sub = sub.droplevel(0)
        lines.append(f"{g}: {line(sub)}.")
        total = int(sub["n"].sum())
        if total:
            s = float(sub["n"].get("disappointed", 0)) / total
            if s > worst_share:
                worst, worst_share = g, s
    text = "\n".join(lines)
    if worst is not None:
        text += "\n" + t("exp.ladder_worst", language, segment=str(worst),
                         share=_pct(worst_share, language)) + tol + "."
    return text


def describe_quotes(picked: pd.DataFrame, language: str | None = None) -> str:
    """Print the quotes picked by :func:`quotes`, one line per group, in quotation marks.

    Parameters
    ----------
    picked : pandas.DataFrame
        The output of :func:`quotes` (the group column first, then the text column).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        A first line "N quotes on M topics", then one line per group: "group: «...»; «...»"
        (« » in Russian, “ ” in English).

    Examples
    --------
    >>> import pandas as pd
    >>> q = pd.DataFrame({"attribute": ["price", "price", "delivery"],
    ...                   "comment": ["Too expensive", "Fair", "Always late"]})
    >>> print(describe_quotes(q))
    3 quotes on 2 topics.
    price: “Too expensive”; “Fair”
    delivery: “Always late”
    """
    language = check_language(language)
    if picked.empty:
        return t("exp.quotes_none", language)
    open_q, close_q = ("«", "»") if language == "ru" else ("“", "”")
    text_col = next((c for c in ("comment", "text") if c in picked.columns), picked.columns[-1])
    group_col = picked.columns[0] if picked.columns[0] != text_col else None
    if group_col is None:
        body = "; ".join(f"{open_q}{q}{close_q}" for q in picked[text_col])
        return t("exp.quotes_count", language, n=len(picked), groups=1) + "\n" + body
    groups = list(dict.fromkeys(picked[group_col]))
    lines = [t("exp.quotes_count", language, n=len(picked), groups=len(groups))]
    for g in groups:
        texts = picked.loc[picked[group_col] == g, text_col]
        lines.append(f"{g}: " + "; ".join(f"{open_q}{q}{close_q}" for q in texts))
    return "\n".join(lines)


def describe_source_yield(sources: pd.DataFrame, language: str | None = None) -> str:
    """Read the contact-source yield aloud: which source brings money, which brings one-offs.

    Parameters
    ----------
    sources : pandas.DataFrame
        The output of :func:`source_yield`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The number of sources; the source with the most revenue (its shares of clients and of
        revenue, its repeat rate); the source with the highest revenue per client; and the
        source whose share of clients most exceeds its share of revenue (many small or one-off
        buyers), with its repeat rate.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": ["1", "2", "3"],
    ...                           "source": ["fair", "ads", "ads"]})
    >>> tx = pd.DataFrame({"customer_id": ["1", "1", "2", "3"],
    ...                    "date": ["2024-01-10", "2024-03-01", "2024-02-01", "2024-02-02"],
    ...                    "amount": [100.0, 80.0, 10.0, 10.0]})
    >>> print(describe_source_yield(source_yield(customers, tx)))
    2 contact sources. fair brings the most revenue: 90% of it from 33% of clients; 100% of its buyers bought again. Revenue per client is highest for fair (180). ads brings 67% of clients but 10% of revenue; 0% of its buyers bought again.
    """
    language = check_language(language)
    if sources.empty:
        return t("src.describe_empty", language)
    top = sources.index[0]
    row = sources.loc[top]
    text = t("src.describe_count", language, n=len(sources)) + " " + t(
        "src.describe_top", language, source=str(top),
        revenue=_pct(row["share_of_revenue"], language),
        clients=_pct(row["share_of_clients"], language),
        repeat=_pct(row["repeat_rate"], language))
    per_client = sources["revenue_per_client"].dropna()
    if len(per_client):
        best = per_client.sort_values(ascending=False, kind="mergesort")
        text += " " + t("src.describe_per_client", language, source=str(best.index[0]),
                        money=_money(best.iloc[0], language))
    excess = (sources["share_of_clients"] - sources["share_of_revenue"]).dropna()
    if len(excess) > 1 and excess.max() > 0:
        weak = excess.sort_values(ascending=False, kind="mergesort").index[0]
        w = sources.loc[weak]
        text += " " + t("src.describe_weak", language, source=str(weak),
                        clients=_pct(w["share_of_clients"], language),
                        revenue=_pct(w["share_of_revenue"], language),
                        repeat=_pct(w["repeat_rate"], language))
    return text


def format_source_yield(sources: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the source-yield table for display: translated headers, money whole, shares in %.

    Parameters
    ----------
    sources : pandas.DataFrame
        The output of :func:`source_yield`.
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Index: source (translated name); clients, buyers, revenue and revenue per client
        (whole units), repeat rate, still buying, share of clients and of revenue (percent,
        one decimal).
    """
    language = check_language(language)
    out = pd.DataFrame(index=sources.index.copy())
    out["clients"] = sources["clients"].astype("int64")
    out["buyers"] = sources["buyers"].astype("int64")
    for c in ("revenue", "revenue_per_client"):
        out[c] = sources[c].astype("float64").round(0).astype("Int64")
    for c in ("repeat_rate", "active_share", "share_of_clients", "share_of_revenue"):
        out[c] = (100 * sources[c].astype("float64")).round(1)
    out = out.rename(columns={c: t(f"src.{c}", language) + (", %" if i > 3 else "")
                              for i, c in enumerate(out.columns)})
    out.index.name = t("src.source", language)
    return out

"""Step 8 of the method: the feedback channel and the second round.

Step 8 (налаживание канала обратной связи) keeps the conversation with clients going after the
offer: reminders, check-ins, support — and measures what comes back. This module holds

- :func:`nps` — Net Promoter Score with a confidence interval, per segment or period;
- :func:`complaints_summary` — complaint volume, resolution time, open complaints, refusal
  reasons (отказные листы) as a Pareto, and the churn of complainers whose complaint was or was
  not resolved against clients who never complained ("a complaint is a gift");
- :func:`funnel` and :func:`plan_backwards` — the sales funnel (воронка продаж) and how many
  calls a target number of new clients needs;
- :func:`loop_check` — closing the loop: did the clients predicted to leave actually leave?

Everything here is computation; plots live in :mod:`workbench.plotting`, widgets in
:mod:`workbench.widgets`.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench._columns import prepare_table, resolve_asof
from workbench._ids import isin
from workbench.errors import (
    InsufficientHistoryError,
    MissingColumnsError,
    NoteWarning,
    WorkbenchError,
)
from workbench.schema import FEEDBACK_KINDS, LEAD_STAGES

__all__ = (
    "PERIODS",
    "ComplaintsSummary",
    "LoopCheck",
    "complaints_summary",
    "funnel",
    "loop_check",
    "nps",
    "plan_backwards",
)

#: Period codes accepted by ``by=`` (on the ``date`` column): week, month, quarter, year.
PERIODS: tuple[str, ...] = ("W", "M", "Q", "Y")

_NPS_COLUMNS = ["nps", "promoters", "passives", "detractors", "n", "ci_low", "ci_high"]


def _py(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _timedelta(value: object, name: str) -> pd.Timedelta:
    try:
        td = pd.Timedelta(value)
    except (ValueError, TypeError) as exc:
        raise WorkbenchError(f"{name} must be a duration such as '90D'; got {value!r}") from exc
    if td is pd.NaT or td <= pd.Timedelta(0):
        raise WorkbenchError(f"{name} must be a positive duration such as '90D'; got {value!r}")
    return td


# ----------------------------------------------------------------------------------------------
# Grouping helper (by= a column, a customer -> segment Series, a period, or a list of these)
# ----------------------------------------------------------------------------------------------


def _group_keys(
    frame: pd.DataFrame, by: object, table: str, key_col: str | None
) -> tuple[list[pd.Series], list[str]]:
    """Return one Series of group keys per grouper in ``by`` (aligned to ``frame``) and names."""
    groupers = by if isinstance(by, list | tuple) else [by]
    keys, names = [], []
    for g in groupers:
        if isinstance(g, pd.Series):
            if key_col is not None and key_col in frame.columns:
                lookup = frame[key_col].astype(str)
                mapping = pd.Series(g.to_numpy(), index=g.index.astype(str))
                mapping = mapping[~mapping.index.duplicated(keep="first")]
                values = pd.Series(lookup.map(mapping).to_numpy(), index=frame.index)
            else:
                values = pd.Series(
                    g.reindex(frame.index).to_numpy(), index=frame.index, dtype=g.dtype
                )
            keys.append(values)
            names.append(str(g.name) if g.name is not None else "segment")
        elif isinstance(g, str) and g in frame.columns:
            keys.append(frame[g])
            names.append(g)
        elif isinstance(g, str) and g.upper() in PERIODS:
            if "date" not in frame.columns:
                raise MissingColumnsError(
                    table, ["date"], list(frame.columns), source="DataFrame",
                    hint=f"by={g!r} groups by period of the date column",
                )
            dates = pd.to_datetime(frame["date"])
            keys.append(dates.dt.to_period(g.upper()))
            names.append("period")
        else:
            raise WorkbenchError(
                f"{table}: by= must be a column name, a Series mapping customers to segments, "
                f"or a period code ({', '.join(PERIODS)}); got {g!r}. "
                f"Columns found: {list(map(str, frame.columns))}"
            )
    return keys, names


# ----------------------------------------------------------------------------------------------
# NPS
# ----------------------------------------------------------------------------------------------


def _nps_stats(scores: np.ndarray, z: float) -> dict[str, float]:
    n = len(scores)
    if n == 0:
        return dict.fromkeys(_NPS_COLUMNS[:-3], np.nan) | {"n": 0, "ci_low": np.nan,
                                                           "ci_high": np.nan}
    p_plus = float(np.mean(scores >= 9))
    p_minus = float(np.mean(scores <= 6))
    d = p_plus - p_minus
    var = max(p_plus + p_minus - d * d, 0.0) / n
    half = z * math.sqrt(var)
    return {
        "nps": 100.0 * d,
        "promoters": p_plus,
        "passives": 1.0 - p_plus - p_minus,
        "detractors": p_minus,
        "n": n,
        "ci_low": max(-100.0, 100.0 * (d - half)),
        "ci_high": min(100.0, 100.0 * (d + half)),
    }


def nps(
    data: pd.Series | pd.DataFrame,
    by: str | pd.Series | Sequence[str | pd.Series] | None = None,
    confidence: float = 0.95,
    column: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Compute the Net Promoter Score with a confidence interval, overall or per group.

    Parameters
    ----------
    data : Series or DataFrame
        Scores 0–10 ("How likely are you to recommend us?"): a Series, or a survey / feedback
        frame. In a survey frame (long format, one row per respondent x attribute) the score is
        repeated on every row of a respondent: rows are reduced to one score per
        ``respondent_id``. Rows without a score are left out (not asked / no answer).
    by : str, Series, or list of these, optional
        Group by a column (``"segment"``), by a Series mapping ``customer_id`` (or, for Series
        data, the index) to a segment, or by a period of the ``date`` column (``"W"``, ``"M"``,
        ``"Q"``, ``"Y"``). A list groups by several. Rows whose group is unknown are dropped
        with a warning.
    confidence : float, default 0.95
        Level of the interval ``ci_low`` .. ``ci_high``.
    column : str, optional
        The score column; default ``"nps"``. For the feedback table pass ``column="score"``
        only if its scores answer the 0–10 recommendation question (it often holds a 1–5
        satisfaction rating, which must not be read as NPS).
    columns : mapping, optional
        ``{your column: canonical name}``.

    Returns
    -------
    DataFrame
        One row per group (index named after ``by``; a single row ``"all"`` without ``by``):
        ``nps`` (−100…100), ``promoters`` (share of 9–10), ``passives`` (7–8), ``detractors``
        (0–6), ``n`` (respondents), ``ci_low``, ``ci_high``. With no scores: ``n = 0`` and the
        rest NaN.

    Raises
    ------
    WorkbenchError
        A score outside 0–10 or not a whole number (the message names the row); a respondent
        with two different scores.

    Notes
    -----
    NPS (F. Reichheld, 2003) = share of promoters − share of detractors, times 100. Each
    answer is +1 (promoter), 0 or −1 (detractor), so the variance of the estimate is
    ``(p+ + p− − (p+ − p−)²) / n`` and the interval is the normal approximation
    ``NPS ± z·100·sqrt(var)``, clipped to −100…100. With few answers the interval is wide and
    the approximation poor (with all answers alike it collapses to a point): read NPS from a
    few dozen answers as a rough signal, and compare segments only when their intervals
    separate. NPS answers "would they recommend us", not "will they stay" — the complaint and
    churn analyses answer that.

    Examples
    --------
    >>> nps(pd.Series([10, 9, 8, 6, 0]))[["nps", "promoters", "detractors", "n"]]
         nps  promoters  detractors  n
    all  0.0        0.4         0.4  5
    """
    if not 0 < confidence < 1:
        raise WorkbenchError(f"confidence must be between 0 and 1; got {confidence!r}")
    if isinstance(data, pd.Series):
        frame = pd.DataFrame({"nps": data})
        score_col = "nps"
        key_col = None
    elif isinstance(data, pd.DataFrame):
        frame = data.rename(columns=dict(columns)) if columns else data
        if column is not None:
            if column not in frame.columns:
                raise MissingColumnsError("nps data", [column], list(frame.columns))
            score_col = column
        elif "nps" in frame.columns:
            score_col = "nps"
        else:
            hint = "Pass column='<score column>' if the 0-10 scores are in another column"
            if "score" in frame.columns:
                hint = (
                    "The feedback table's 'score' is often a 1-5 satisfaction rating, not a 0-10 "
                    "recommendation score; if it is the NPS question, pass column='score'"
                )
            raise MissingColumnsError(
                "nps data", ["nps"], list(frame.columns), source="DataFrame", hint=hint
            )
        key_col = "customer_id"
    else:
        raise WorkbenchError(
            f"data must be a Series of 0-10 scores or a DataFrame; got {type(data).__name__}"
        )

    raw = frame[score_col]
    values = pd.to_numeric(raw, errors="coerce").astype("float64")
    answered = raw.notna()
    bad = answered & (values.isna() | (values < 0) | (values > 10) | (values % 1 != 0))
    if bad.any():
        row = frame.index[bad.to_numpy()][0]
        raise WorkbenchError(
            f"nps: column {score_col!r} must hold whole numbers 0-10; row {row!r} has "
            f"{_py(raw[row])!r}"
        )
    if by is not None:
        keys, names = _group_keys(frame, by, "nps data", key_col)
    else:
        keys, names = [pd.Series("all", index=frame.index)], [None]
    work = pd.DataFrame({f"_g{i}": k.to_numpy() for i, k in enumerate(keys)}, index=frame.index)
    work["_score"] = values
    if isinstance(data, pd.DataFrame) and "respondent_id" in frame.columns:
        work["_rid"] = frame["respondent_id"].astype(str).to_numpy()
    work = work.loc[answered.to_numpy()]
    if "_rid" in work.columns:
        distinct = work.groupby("_rid", sort=False)["_score"].nunique()
        if (distinct > 1).any():
            rid = distinct.index[distinct > 1][0]
            raise WorkbenchError(
                f"nps: respondent {rid!r} has different scores on different rows; a "
                "respondent gives one NPS answer"
            )
        work = work.drop_duplicates("_rid", keep="first")
    gcols = [c for c in work.columns if c.startswith("_g")]
    unknown = work[gcols].isna().any(axis=1)
    if by is not None and unknown.any():
        warnings.warn(NoteWarning("nps.warn.no_group", n=int(unknown.sum())), stacklevel=2)
        work = work.loc[~unknown]
    from scipy import stats  # imported on first use (scipy.stats takes seconds)

    z = float(stats.norm.ppf(0.5 + confidence / 2))
    if by is None:
        out = pd.DataFrame([_nps_stats(work["_score"].to_numpy(), z)], index=["all"])
    else:
        rows, index = [], []
        grouped = work.groupby(gcols if len(gcols) > 1 else gcols[0], sort=True, observed=True)
        for key, part in grouped:
            rows.append(_nps_stats(part["_score"].to_numpy(), z))
            index.append(key)
        if len(gcols) > 1:
            idx = pd.MultiIndex.from_tuples(index, names=names)
        else:
            idx = pd.Index(index, name=names[0])
        out = pd.DataFrame(rows, index=idx, columns=_NPS_COLUMNS)
    out = out[_NPS_COLUMNS].astype({c: "float64" for c in _NPS_COLUMNS if c != "n"})
    return out.astype({"n": "int64"})


# ----------------------------------------------------------------------------------------------
# Complaints
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintsSummary:
    """The outcome of :func:`complaints_summary`.

    Attributes
    ----------
    overview : Series
        ``n_contacts``, ``n_complaints``, ``n_resolved``, ``share_resolved``, ``n_open``,
        ``median_days``, ``mean_days`` (resolution time of resolved complaints),
        ``n_refusals``.
    by_category, by_channel : DataFrame
        Index ``category`` / ``channel``: ``complaints``, ``share``, ``resolved``,
        ``share_resolved``, ``median_days``, ``mean_days``; most complaints first.
    complaints : DataFrame
        One row per complaint: ``customer_id``, ``date``, ``category``, ``channel``,
        ``resolved_date``, ``resolved`` (by ``asof``), ``days`` (to resolution).
    open : DataFrame
        Complaints not resolved by ``asof``: ``customer_id``, ``date``, ``category``,
        ``channel``, ``age_days``; oldest first.
    refusals : DataFrame
        Refusal reasons Pareto (index ``category``): ``count``, ``share``, ``cumulative_share``.
    churn : DataFrame or None
        With transactions: index ``group`` (``never_complained``, ``resolved``,
        ``unresolved``): ``n_customers``, ``n_lost``, ``churn_rate``.
    customers : DataFrame or None
        With transactions: per client of the churn comparison, ``group`` and ``lost``.
    asof : Timestamp
    window_start : Timestamp or None
        ``asof - horizon``: start of the window in which a lost client made no purchase.
    """

    overview: pd.Series
    by_category: pd.DataFrame
    by_channel: pd.DataFrame
    complaints: pd.DataFrame
    open: pd.DataFrame
    refusals: pd.DataFrame
    churn: pd.DataFrame | None
    customers: pd.DataFrame | None
    asof: pd.Timestamp
    window_start: pd.Timestamp | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the tables as a dict (for the Excel deliverable)."""
        return {
            "overview": self.overview.to_frame("value"),
            "by_category": self.by_category,
            "by_channel": self.by_channel,
            "open": self.open,
            "refusals": self.refusals,
            **({"churn": self.churn} if self.churn is not None else {}),
        }


def _per_group(complaints: pd.DataFrame, col: str) -> pd.DataFrame:
    n_total = len(complaints)
    g = complaints.groupby(col, sort=True)
    out = pd.DataFrame(
        {
            "complaints": g.size(),
            "resolved": g["resolved"].sum(),
            "median_days": g["days"].median(),
            "mean_days": g["days"].mean(),
        }
    )
    out = out.astype({"complaints": "int64", "resolved": "int64"})
    out.insert(1, "share", out["complaints"] / n_total if n_total else np.nan)
    out.insert(3, "share_resolved", out["resolved"] / out["complaints"])
    out = out.sort_values("complaints", ascending=False, kind="mergesort")
    out.index.name = col
    return out


def complaints_summary(
    feedback: pd.DataFrame,
    tx: pd.DataFrame | None = None,
    asof: object = None,
    horizon: str | pd.Timedelta = "180D",
    columns: Mapping[str, str] | None = None,
    tx_columns: Mapping[str, str] | None = None,
) -> ComplaintsSummary:
    """Summarise complaints and refusals, and compare churn of complainers with the rest.

    Parameters
    ----------
    feedback : DataFrame
        The feedback table: ``customer_id``, ``date``, ``kind`` (complaint, question, praise,
        refusal), optional ``category``, ``channel``, ``resolved_date`` (empty = unresolved).
    tx : DataFrame, optional
        Transactions (``customer_id``, ``date``); when given, the churn comparison is added.
    asof : date, optional
        End of observation; rows after it are ignored and a complaint resolved after it counts
        as open. Default: the last transaction date when ``tx`` is given, else the last
        feedback date.
    horizon : str or Timedelta, default "180D"
        A client is *lost* when they made no purchase in the last ``horizon`` before ``asof``.
    columns, tx_columns : mapping, optional
        ``{your column: canonical name}`` for the feedback and transaction tables.

    Returns
    -------
    ComplaintsSummary
        See its attributes: ``overview``, ``by_category``, ``by_channel``, ``complaints``,
        ``open``, ``refusals`` (Pareto of refusal reasons) and, with ``tx``, ``churn`` and
        ``customers``.

    Notes
    -----
    *A complaint is a gift*: most unhappy clients leave silently, and the deck on keeping
    clients (``003``) cites a study where 15% of lost clients left over a bad answer to a
    complaint. The churn comparison tests that on the client's own data, without looking
    into the future of a complaint:

    - the window is ``(asof - horizon, asof]``; a client is *lost* when they bought before the
      window and not in it; clients who never bought before the window are left out;
    - groups are formed from complaints made *before* the window: ``unresolved`` if any of
      them was still open at ``asof``, ``resolved`` if all were resolved by ``asof``, and
      ``never_complained`` if the client made no complaint up to ``asof``. Clients whose first
      complaint falls inside the window are left out of the comparison (their outcome
      window is cut short).

    The comparison is descriptive: unresolved complaints may be the harder cases. Refusal
    reasons (``kind == "refusal"``, отказные листы) are counted by ``category`` and sorted into
    a Pareto: the few reasons that explain most refusals come first.
    """
    fb = prepare_table(feedback, "feedback", columns)
    kind = fb["kind"].astype("string").str.strip().str.lower()
    bad = kind.isna() | ~kind.isin(FEEDBACK_KINDS)
    if bad.any():
        row = fb.index[bad.to_numpy()][0]
        raise WorkbenchError(
            f"feedback: column 'kind' must be one of {', '.join(FEEDBACK_KINDS)}; row {row!r} "
            f"has {_py(fb['kind'][row])!r}"
        )
    fb["kind"] = kind
    for col in ("category", "channel"):
        if col not in fb.columns:
            fb[col] = pd.Series("unknown", index=fb.index, dtype="string")
        fb[col] = fb[col].astype("string").fillna("unknown")
    if "resolved_date" not in fb.columns:
        fb["resolved_date"] = pd.NaT
    fb["resolved_date"] = pd.to_datetime(fb["resolved_date"])

    txp = None
    if tx is not None:
        txp = prepare_table(tx, "transactions", tx_columns, require=("customer_id", "date"))
    if asof is None and txp is not None:
        asof_ts = resolve_asof(None, txp["date"], "transactions")
    else:
        asof_ts = resolve_asof(asof, fb["date"], "feedback")
    fb = fb.loc[fb["date"] <= asof_ts]

    early = fb["resolved_date"].notna() & (fb["resolved_date"] < fb["date"])
    if early.any():
        row = fb.index[early.to_numpy()][0]
        raise WorkbenchError(
            f"feedback: row {row!r} is resolved ({fb['resolved_date'][row].date()}) before it "
            f"was received ({fb['date'][row].date()})"
        )

    comp = fb.loc[fb["kind"] == "complaint"].copy()
    comp["resolved"] = comp["resolved_date"].notna() & (comp["resolved_date"] <= asof_ts)
    days = (comp["resolved_date"] - comp["date"]) / pd.Timedelta(days=1)
    comp["days"] = days.where(comp["resolved"]).astype("float64")
    complaints = comp[
        ["customer_id", "date", "category", "channel", "resolved_date", "resolved", "days"]
    ].reset_index(drop=True)

    open_ = complaints.loc[~complaints["resolved"], ["customer_id", "date", "category", "channel"]]
    open_ = open_.assign(age_days=(asof_ts - open_["date"]) / pd.Timedelta(days=1))
    open_ = open_.sort_values(["date", "customer_id"], kind="mergesort").reset_index(drop=True)

    ref = fb.loc[fb["kind"] == "refusal", "category"]
    counts = ref.value_counts()
    refusals = pd.DataFrame({"count": counts.astype("int64")})
    refusals = refusals.reset_index().sort_values(
        ["count", "category"], ascending=[False, True], kind="mergesort"
    ).set_index("category")
    total_ref = int(refusals["count"].sum())
    refusals["share"] = refusals["count"] / total_ref if total_ref else np.nan
    refusals["cumulative_share"] = refusals["share"].cumsum()

    n_complaints = len(complaints)
    n_resolved = int(complaints["resolved"].sum())
    overview = pd.Series(
        {
            "n_contacts": len(fb),
            "n_complaints": n_complaints,
            "n_resolved": n_resolved,
            "share_resolved": n_resolved / n_complaints if n_complaints else np.nan,
            "n_open": n_complaints - n_resolved,
            "median_days": complaints["days"].median(),
            "mean_days": complaints["days"].mean(),
            "n_refusals": total_ref,
        },
        dtype="float64",
    )

    churn = customers = None
    window_start = None
    if txp is not None:
        hz = _timedelta(horizon, "horizon")
        window_start = asof_ts - hz
        txa = txp.loc[txp["date"] <= asof_ts]
        ids = txa["customer_id"].astype(str)
        before = set(ids[txa["date"] <= window_start])
        in_window = set(ids[txa["date"] > window_start])
        cid = complaints["customer_id"].astype(str)
        early_c = complaints.loc[complaints["date"] <= window_start]
        open_early = early_c.groupby(cid[early_c.index])["resolved"].all()
        ever = set(cid)
        rows = []
        for c in sorted(before):
            if c in open_early.index:
                group = "resolved" if bool(open_early[c]) else "unresolved"
            elif c in ever:
                continue  # first complaint inside the window: outcome window cut short
            else:
                group = "never_complained"
            rows.append((c, group, c not in in_window))
        customers = pd.DataFrame(rows, columns=["customer_id", "group", "lost"]).set_index(
            "customer_id"
        )
        customers["lost"] = customers["lost"].astype(bool)
        order = ["never_complained", "resolved", "unresolved"]
        g = customers.groupby("group")["lost"]
        churn = pd.DataFrame(
            {"n_customers": g.size(), "n_lost": g.sum()}
        ).reindex(order).fillna(0).astype("int64")
        churn["churn_rate"] = churn["n_lost"] / churn["n_customers"].where(
            churn["n_customers"] > 0
        )
        churn.index.name = "group"

    return ComplaintsSummary(
        overview=overview,
        by_category=_per_group(complaints, "category"),
        by_channel=_per_group(complaints, "channel"),
        complaints=complaints,
        open=open_,
        refusals=refusals,
        churn=churn,
        customers=customers,
        asof=asof_ts,
        window_start=window_start,
    )


# ----------------------------------------------------------------------------------------------
# Funnel
# ----------------------------------------------------------------------------------------------


def funnel(
    leads: pd.DataFrame,
    by: str | None = "source",
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Count how many leads reached each stage of the sales funnel, and the conversions.

    Parameters
    ----------
    leads : DataFrame
        The leads table: ``stage`` = the furthest stage reached (call < proposal < meeting <
        deal), and the ``by`` column.
    by : str or None, default "source"
        Column to split the funnel by (where the lead came from); ``None`` for one funnel.
        Leads with no value are counted under ``"unknown"``.
    columns : mapping, optional
        ``{your column: canonical name}``.

    Returns
    -------
    DataFrame
        One row per (group, stage), stages in funnel order: the ``by`` column (when given),
        ``stage``, ``reached`` (leads whose furthest stage is this one or later),
        ``step_conversion`` (reached / reached at the previous stage; NaN for ``call``) and
        ``overall_conversion`` (reached / leads).

    Notes
    -----
    The funnel (воронка продаж) shows where prospects drop out; its conversions plan the
    work backwards (:func:`plan_backwards`). Because ``stage`` is the *furthest* stage, a lead
    at ``meeting`` also passed ``call`` and ``proposal``; ``reached`` counts are cumulative and
    never increase down the funnel. Comparing sources by ``overall_conversion`` shows which
    channel's leads are worth the effort.

    Examples
    --------
    >>> leads = pd.DataFrame({"stage": ["call", "call", "proposal", "deal"]})
    >>> funnel(leads, by=None)
          stage  reached  step_conversion  overall_conversion
    0      call        4              NaN                1.00
    1  proposal        2              0.5                0.50
    2   meeting        1              0.5                0.25
    3      deal        1              1.0                0.25
    """
    require = ["stage"] + ([by] if by is not None else [])
    frame = prepare_table(leads, "leads", columns, require=require)
    stage = frame["stage"].astype("string").str.strip().str.lower()
    bad = stage.isna() | ~stage.isin(LEAD_STAGES)
    if bad.any():
        row = frame.index[bad.to_numpy()][0]
        raise WorkbenchError(
            f"leads: column 'stage' must be one of {', '.join(LEAD_STAGES)}; row {row!r} has "
            f"{_py(frame['stage'][row])!r}"
        )
    level = stage.map({s: i for i, s in enumerate(LEAD_STAGES)}).astype("int64")
    if by is None:
        groups = [(None, level)]
    else:
        keys = frame[by].astype("string").fillna("unknown")
        groups = [(k, level[keys == k]) for k in sorted(keys.unique())]
    rows = []
    for key, lv in groups:
        total = len(lv)
        prev = None
        for i, s in enumerate(LEAD_STAGES):
            reached = int((lv >= i).sum())
            rows.append(
                {
                    **({by: key} if by is not None else {}),
                    "stage": s,
                    "reached": reached,
                    "step_conversion": (reached / prev if prev else np.nan)
                    if i > 0 else np.nan,
                    "overall_conversion": reached / total if total else np.nan,
                }
            )
            prev = reached
    cols = ([by] if by is not None else []) + [
        "stage", "reached", "step_conversion", "overall_conversion",
    ]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype(
        {"reached": "int64", "step_conversion": "float64", "overall_conversion": "float64"}
    )


def _conversions(conversions: object) -> list[float]:
    """Return the three step conversions (into proposal, meeting, deal)."""
    targets = list(LEAD_STAGES[1:])
    if isinstance(conversions, pd.DataFrame):
        if not {"stage", "step_conversion"} <= set(conversions.columns):
            raise WorkbenchError(
                "conversions: a DataFrame must be the output of workbench.funnel() (columns "
                f"'stage', 'step_conversion'); got columns {list(conversions.columns)}"
            )
        extra = [c for c in conversions.columns if c not in
                 ("stage", "reached", "step_conversion", "overall_conversion")]
        if extra and conversions[extra[0]].nunique() > 1:
            raise WorkbenchError(
                f"conversions: the funnel has several {extra[0]!r} groups; pick one "
                f"(funnel[funnel[{extra[0]!r}] == ...]) or use funnel(leads, by=None)"
            )
        s = conversions.set_index("stage")["step_conversion"]
        values = [s.get(k, np.nan) for k in targets]
    elif isinstance(conversions, Mapping | pd.Series):
        missing = [k for k in targets if k not in conversions]
        if missing:
            raise WorkbenchError(
                f"conversions: missing the conversion into {missing}; give "
                "{'proposal': ..., 'meeting': ..., 'deal': ...} (from the previous stage)"
            )
        values = [conversions[k] for k in targets]
    else:
        values = list(conversions)  # type: ignore[call-overload]
        if len(values) != len(targets):
            raise WorkbenchError(
                "conversions: give 3 step conversions (call -> proposal, proposal -> meeting, "
                f"meeting -> deal); got {len(values)}"
            )
    out = []
    for k, v in zip(targets, values, strict=True):
        try:
            f = float(v)
        except (TypeError, ValueError):
            f = np.nan
        if not 0 < f <= 1:
            raise WorkbenchError(
                f"conversions: the conversion into {k!r} must be in (0, 1]; got {_py(v)!r}"
            )
        out.append(f)
    return out


def plan_backwards(
    target_clients: float,
    conversions: Sequence[float] | Mapping[str, float] | pd.Series | pd.DataFrame,
) -> pd.DataFrame:
    """Work out how many calls, proposals and meetings a target number of new clients needs.

    Parameters
    ----------
    target_clients : int
        New clients (deals) wanted.
    conversions : sequence, mapping, Series or DataFrame
        The step conversions call -> proposal, proposal -> meeting, meeting -> deal: a list of
        three shares, a mapping ``{"proposal": ..., "meeting": ..., "deal": ...}``, or the
        output of :func:`funnel` for one group.

    Returns
    -------
    DataFrame
        Index ``stage`` (call, proposal, meeting, deal): ``needed`` (whole numbers, rounded
        up at every step) and ``conversion`` (into the stage from the previous one).

    Notes
    -----
    The course's example: to win 1 client with 25% of meetings ending in a deal, 10% of
    proposals leading to a meeting and half of the calls to a proposal, a salesperson needs
    4 meetings, 40 proposals and 80 calls. The plan uses past conversions; a new channel or
    product changes them.

    Examples
    --------
    >>> plan_backwards(1, [0.5, 0.1, 0.25])["needed"].tolist()
    [80, 40, 4, 1]
    """
    try:
        target = float(target_clients)
    except (TypeError, ValueError):
        target = np.nan
    if not target >= 0:
        raise WorkbenchError(
            f"target_clients must be a non-negative number; got {target_clients!r}"
        )
    conv = _conversions(conversions)
    needed = [math.ceil(target - 1e-9)]
    for c in reversed(conv):
        needed.append(math.ceil(needed[-1] / c - 1e-9))
    needed.reverse()
    return pd.DataFrame(
        {"needed": np.array(needed, dtype="int64"), "conversion": [np.nan, *conv]},
        index=pd.Index(list(LEAD_STAGES), name="stage"),
    )


# ----------------------------------------------------------------------------------------------
# Closing the loop
# ----------------------------------------------------------------------------------------------

_OUTCOMES = {
    (True, True): "caught",
    (True, False): "false_alarm",
    (False, True): "missed",
    (False, False): "stayed",
}


@dataclass(frozen=True)
class LoopCheck:
    """The outcome of :func:`loop_check`.

    Attributes
    ----------
    customers : DataFrame
        Index ``customer_id``: ``probability``, ``predicted_leave``, ``contacted`` (when
        given), ``left``, ``outcome`` (caught, false_alarm, missed, stayed).
    table : DataFrame
        The 2x2 counts: index ``predicted_leave``/``predicted_stay``, columns ``left``,
        ``stayed``.
    metrics : Series
        ``n``, ``n_predicted``, ``n_left``, ``hit_rate`` (share of predicted leavers who left),
        ``recall`` (share of leavers who were predicted), ``accuracy``, ``base_rate`` (share
        who left), ``lift`` (hit rate / base rate).
    by_contact : DataFrame or None
        With ``contacted``: index (``predicted_leave``, ``contacted``) with ``n``, ``n_left``,
        ``churn_rate``.
    asof, end : Timestamp
        The prediction date and the end of the outcome window.
    """

    customers: pd.DataFrame
    table: pd.DataFrame
    metrics: pd.Series
    by_contact: pd.DataFrame | None
    asof: pd.Timestamp
    end: pd.Timestamp


def loop_check(
    predictions: pd.Series,
    tx: pd.DataFrame,
    asof: object,
    horizon: str | pd.Timedelta = "90D",
    contacted: pd.Series | Iterable[object] | None = None,
    threshold: float = 0.5,
    observed_until: object = None,
    columns: Mapping[str, str] | None = None,
) -> LoopCheck:
    """Check a past churn prediction against what happened: who was predicted, who left.

    Parameters
    ----------
    predictions : Series
        Index = customer id, values = the churn probability (or 0/1) predicted at ``asof``.
    tx : DataFrame
        Transactions covering at least ``asof + horizon``.
    asof : date
        When the prediction was made.
    horizon : str or Timedelta, default "90D"
        A client *left* when they made no purchase in ``(asof, asof + horizon]``.
    contacted : Series or iterable, optional
        Who was contacted by the retention action: a boolean Series indexed by customer, or the
        ids of contacted clients.
    threshold : float, default 0.5
        ``predicted_leave = probability >= threshold``.
    observed_until : date, optional
        The date up to which the transaction log is complete; default its last date.
    columns : mapping, optional
        ``{your column: canonical name}`` for the transactions.

    Returns
    -------
    LoopCheck
        ``customers``, the 2x2 ``table``, ``metrics`` and, with ``contacted``, ``by_contact``.

    Raises
    ------
    InsufficientHistoryError
        If the transactions end before ``asof + horizon``.

    Notes
    -----
    Closing the loop is step 8's "second round": the step-5 model named the clients at risk,
    step 6 made them an offer; now we check. Read ``hit_rate`` against ``base_rate``: a list
    where 40% left when 10% leave overall is four times better than calling at random. When
    the predicted leavers were contacted, their churn rate is no longer the model's hit rate —
    the action may have kept some — so compare contacted and not-contacted predicted leavers
    (``by_contact``); only a random hold-out makes that comparison a measure of the action's
    effect. Customers in ``tx`` without a prediction are ignored.
    """
    if not isinstance(predictions, pd.Series):
        raise WorkbenchError(
            "predictions must be a Series: index = customer id, values = churn probability or "
            f"0/1; got {type(predictions).__name__}"
        )
    prob = pd.to_numeric(predictions, errors="coerce").astype("float64")
    bad = prob.isna() | (prob < 0) | (prob > 1)
    if bad.any():
        who = predictions.index[bad.to_numpy()][0]
        raise WorkbenchError(
            f"predictions: customer {who!r} has {_py(predictions[who])!r}; expected a "
            "probability 0..1 or 0/1"
        )
    prob.index = prob.index.astype(str)
    if prob.index.duplicated().any():
        raise WorkbenchError(
            f"predictions: customer {prob.index[prob.index.duplicated()][0]!r} appears twice"
        )
    frame = prepare_table(tx, "transactions", columns, require=("customer_id", "date"))
    asof_ts = resolve_asof(asof, frame["date"])
    hz = _timedelta(horizon, "horizon")
    end = asof_ts + hz
    data_end = resolve_asof(observed_until, frame["date"])
    if data_end < end:
        raise InsufficientHistoryError(
            f"loop_check: the transactions end on {data_end.date()}, but checking a prediction "
            f"made on {asof_ts.date()} over {hz.days} days needs data up to {end.date()}"
        )
    window = frame.loc[(frame["date"] > asof_ts) & (frame["date"] <= end), "customer_id"]
    bought = pd.Index(window.astype(str).unique())
    out = pd.DataFrame({"probability": prob})
    out.index.name = "customer_id"
    out["predicted_leave"] = out["probability"] >= threshold
    if contacted is not None:
        if isinstance(contacted, pd.Series):
            c = contacted.copy()
            c.index = c.index.astype(str)
            c = c[~c.index.duplicated(keep="first")]
            out["contacted"] = c.reindex(out.index).fillna(False).astype(bool).to_numpy()
        else:
            ids = pd.Index([str(x) for x in contacted])
            out["contacted"] = isin(out.index, ids)
    out["left"] = ~isin(out.index, bought)
    out["outcome"] = [
        _OUTCOMES[(bool(p), bool(gone))]
        for p, gone in zip(out["predicted_leave"], out["left"], strict=True)
    ]
    pred, left = out["predicted_leave"], out["left"]
    table = pd.DataFrame(
        {
            "left": [int((pred & left).sum()), int((~pred & left).sum())],
            "stayed": [int((pred & ~left).sum()), int((~pred & ~left).sum())],
        },
        index=pd.Index(["predicted_leave", "predicted_stay"], name="prediction"),
    )
    n = len(out)
    n_pred, n_left = int(pred.sum()), int(left.sum())
    caught = int((pred & left).sum())
    hit = caught / n_pred if n_pred else np.nan
    base = n_left / n if n else np.nan
    metrics = pd.Series(
        {
            "n": n,
            "n_predicted": n_pred,
            "n_left": n_left,
            "hit_rate": hit,
            "recall": caught / n_left if n_left else np.nan,
            "accuracy": float((pred == left).mean()) if n else np.nan,
            "base_rate": base,
            "lift": hit / base if n_pred and base else np.nan,
        },
        dtype="float64",
    )
    by_contact = None
    if contacted is not None:
        g = out.groupby(["predicted_leave", "contacted"])["left"]
        full = pd.MultiIndex.from_product(
            [[True, False], [True, False]], names=["predicted_leave", "contacted"]
        )
        by_contact = pd.DataFrame({"n": g.size(), "n_left": g.sum()}).reindex(full)
        by_contact = by_contact.fillna(0).astype("int64")
        by_contact["churn_rate"] = by_contact["n_left"] / by_contact["n"].where(
            by_contact["n"] > 0
        )
    return LoopCheck(
        customers=out, table=table, metrics=metrics, by_contact=by_contact, asof=asof_ts, end=end
    )

"""Step 4 read aloud: RFM, BTYD, ABC-XYZ, the loyalty ladder, clusters and their agreement.

Sentences and display tables over the results of :mod:`workbench.segmentation`, which returns
data and keys (segment keys, rung keys, cell codes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, date, decimal, money, percent
from workbench.narrative._labels import (
    cluster_label,
    criterion_label,
    criterion_value_label,
    feature_label,
    label_index,
    rung_label,
    value_label,
)
from workbench.narrative._table import LabelledTextTable
from workbench.segmentation._orders import check_choice
from workbench.segmentation.abc_xyz import _need_summary
from workbench.segmentation.btyd import BTYD_FREQS
from workbench.segmentation.compare import cramers_v
from workbench.segmentation.ladder import _BUYING, _LEADS, LADDER_STRATEGIES, ladder_summary
from workbench.segmentation.rfm import _need_rfm, rfm_summary

if TYPE_CHECKING:  # scikit-learn is imported only when a Segmenter is built
    from workbench.segmentation.clustering import Segmenter

__all__ = (
    "describe_abc_xyz",
    "describe_agreement",
    "describe_btyd",
    "describe_crosstab",
    "describe_ladder",
    "describe_rfm",
    "describe_segments",
    "describe_transitions",
    "format_abc_xyz_summary",
    "format_criteria_agreement",
    "format_crosstab",
    "format_ladder_summary",
    "format_rfm_summary",
    "format_segment_profile",
)

#: RFM segments read together as "the best" and as "slipping away".
RFM_BEST: tuple[str, ...] = ("champions", "loyal")
RFM_SLIPPING: tuple[str, ...] = ("at_risk", "cannot_lose")


def _num(x: object, language: str, digits: int = 2) -> str:
    return decimal(x, digits, language)


def format_rfm_summary(summary: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`rfm_summary` for display: translated segment names and headers, rounded.

    Shares become whole percents (``45%``), money whole units, medians whole numbers.
    """
    language = check_language(language)
    out = pd.DataFrame(index=[value_label("segment", s, language) for s in summary.index])
    out.index.name = t("rfm.col.segment", language)
    out[t("rfm.col.customers", language)] = summary["customers"].to_numpy()
    out[t("rfm.col.customer_share", language)] = [percent(x, language=language) for x in summary["customer_share"]]
    out[t("rfm.col.revenue_share", language)] = [percent(x, language=language) for x in summary["revenue_share"]]
    out[t("rfm.col.recency_median", language)] = summary["recency_median"].round().astype(int).to_numpy()
    out[t("rfm.col.frequency_median", language)] = [
        count(round(x), language) if float(x).is_integer() else _num(x, language, 1)
        for x in summary["frequency_median"]
    ]
    out[t("rfm.col.monetary_median", language)] = [
        money(x, language) for x in summary["monetary_median"]
    ]
    return out



def describe_rfm(rfm: pd.DataFrame, language: str | None = None, top: int = 3) -> str:
    """Read an :func:`rfm_table` aloud: the typical customer, the largest segments, who pays.

    Parameters
    ----------
    rfm : DataFrame
        The result of :func:`rfm_table`.
    language : {"en", "ru"}, optional
    top : int, default 3
        How many segments to name (largest by customers, and by revenue).

    Returns
    -------
    str
        Three or four sentences computed from the table: customers and the observation end;
        the median recency, orders and revenue; the ``top`` largest segments; the ``top``
        segments by revenue share; and, when present, the revenue held by the best
        (champions, loyal) and by the slipping (at risk, cannot lose) segments.

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency_days": [5, 300, 10], "frequency": [8, 1, 6],
    ...                     "monetary_total": [800.0, 20.0, 180.0],
    ...                     "last_purchase": pd.to_datetime(["2024-12-26", "2024-03-06",
    ...                                                      "2024-12-21"]),
    ...                     "segment": ["champions", "lost", "champions"]})
    >>> print(describe_rfm(rfm))  # doctest: +NORMALIZE_WHITESPACE
    3 customers bought up to 2024-12-31. The median customer last bought 10 days ago, placed 6
    orders and brought 180 in revenue. Largest segments: Champions 2 (67%), Lost 1 (33%). By
    revenue: Champions 98%, Lost 2%. Champions (67% of customers) bring 98% of revenue.
    """
    language = check_language(language)
    _need_rfm(rfm, "describe_rfm")
    if len(rfm) == 0:
        return t("rfm.describe_empty", language)
    summ = rfm_summary(rfm)
    parts = []
    if "last_purchase" in rfm.columns:
        asof = (pd.to_datetime(rfm["last_purchase"]) + pd.to_timedelta(rfm["recency_days"], "D")).max()
        parts.append(t("rfm.describe_asof", language, n=count(len(rfm), language),
                       asof=date(asof, language)))
    else:
        parts.append(t("rfm.describe_n", language, n=count(len(rfm), language)))
    parts.append(t(
        "rfm.describe_median", language,
        recency=count(round(float(rfm["recency_days"].median())), language),
        frequency=count(round(float(rfm["frequency"].median())), language),
        monetary=money(rfm["monetary_total"].median(), language),
    ))
    largest = summ.sort_values("customers", ascending=False, kind="mergesort").head(top)
    parts.append(t("rfm.describe_largest", language, segments=", ".join(
        f"{value_label('segment', s, language)} {count(r.customers, language)} "
        f"({percent(r.customer_share, language=language)})" for s, r in largest.iterrows()
    )))
    richest = summ.sort_values("revenue_share", ascending=False, kind="mergesort").head(top)
    parts.append(t("rfm.describe_revenue", language, segments=", ".join(
        f"{value_label('segment', s, language)} {percent(r.revenue_share, language=language)}"
        for s, r in richest.iterrows()
    )))
    for names, key in ((RFM_BEST, "rfm.describe_best"), (RFM_SLIPPING, "rfm.describe_slipping")):
        present = [s for s in names if s in summ.index]
        if present:
            part = summ.loc[present]
            parts.append(t(
                key, language,
                segments=t("seg.and", language).join(
                    value_label("segment", s, language) for s in present
                ),
                n=count(part["customers"].sum(), language),
                share=percent(part["customer_share"].sum(), language=language),
                revenue=percent(part["revenue_share"].sum(), language=language),
            ))
    return " ".join(parts)


def describe_abc_xyz(summary: pd.DataFrame, language: str | None = None, top: int = 3) -> str:
    """Read an :func:`abc_xyz_summary` aloud: the classes, the key cell AX, where the money is.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`abc_xyz_summary` (nine cells).
    language : {"en", "ru"}, optional
    top : int, default 3
        How many cells to name by revenue.

    Returns
    -------
    str
        Four sentences computed from the table: clients and revenue share of A, B and C; clients
        per X, Y and Z; the AX cell (with its profit share when the data has costs); the ``top``
        cells by revenue and the most crowded cell.

    Examples
    --------
    >>> from workbench.segmentation import abc_xyz, abc_xyz_summary
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-03-05",
    ...                                            "2024-03-10"]),
    ...                    "amount": [100.0, 100.0, 100.0, 50.0]})
    >>> s = abc_xyz_summary(abc_xyz(tx, asof="2024-03-31", n_periods=3))
    >>> print(describe_abc_xyz(s, top=2))  # doctest: +NORMALIZE_WHITESPACE
    Class A: 1 clients (50% of clients) bring 86% of revenue; B: 1 (50%) bring 14%; C: 0 (0%)
    bring 0%. By regularity: X (steady) 1, Y (occasional) 1, Z (rare or one-off) 0 clients. The
    key cell AX holds 1 clients (50%) and 86% of revenue. Most revenue: AX 86%, BY 14%. The most
    crowded cell is AX: 1 clients (50%) with 86% of revenue.
    """
    language = check_language(language)
    _need_summary(summary, "describe_abc_xyz")
    if int(summary["clients"].sum()) == 0:
        return t("abc.describe_empty", language)
    by_abc = summary.groupby(summary["abc"].astype(str))[["clients", "client_share",
                                                          "revenue_share"]].sum()
    by_abc = by_abc.reindex(list("ABC"), fill_value=0)
    by_xyz = summary.groupby(summary["xyz"].astype(str))["clients"].sum()
    by_xyz = by_xyz.reindex(list("XYZ"), fill_value=0)
    fill = {}
    for cls in "abc":
        row = by_abc.loc[cls.upper()]
        fill[cls] = count(row["clients"], language)
        fill[f"{cls}_share"] = percent(row["client_share"], language=language)
        fill[f"{cls}_rev"] = percent(row["revenue_share"], language=language)
    parts = [t("abc.describe_classes", language, **fill)]
    parts.append(t("abc.describe_xyz", language,
                   **{k.lower(): count(v, language) for k, v in by_xyz.items()}))
    ax = summary.loc["AX"]
    has_profit = "profit_share" in summary.columns and pd.notna(ax.get("profit_share"))
    parts.append(t(
        "abc.describe_ax_profit" if has_profit else "abc.describe_ax", language,
        n=count(ax["clients"], language), share=percent(ax["client_share"], language=language),
        rev=percent(ax["revenue_share"], language=language),
        **({"profit": percent(ax["profit_share"], language=language)} if has_profit else {}),
    ))
    cells = summary.loc[summary["clients"] > 0]
    richest = cells.sort_values("revenue_share", ascending=False, kind="mergesort").head(top)
    crowded = cells.sort_values("clients", ascending=False, kind="mergesort").iloc[0]
    parts.append(t(
        "abc.describe_top", language,
        cells=", ".join(f"{c} {percent(v, language=language)}" for c, v in richest["revenue_share"].items()),
        cell=crowded.name, n=count(crowded["clients"], language),
        share=percent(crowded["client_share"], language=language), rev=percent(crowded["revenue_share"], language=language),
    ))
    return " ".join(parts)



def _action_text(action: object, language: str) -> str:
    """The way of working of a cell: a catalogue key (``abc.action.AX``) or the caller's text."""
    if action is None or action is pd.NA or (isinstance(action, float) and np.isnan(action)):
        return ""
    text = str(action)
    return t(text, language) if text and has(text) else text


def format_abc_xyz_summary(summary: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`abc_xyz_summary` for display: clients, shares as percents, the action.

    The profit share column is left out when the data has no costs. A
    :class:`~workbench.narrative._table.LabelledTextTable`: the cells (AX … CZ) label the rows
    and every way of working is shown in full; the counts are text in the language's marks.
    """
    language = check_language(language)
    _need_summary(summary, "format_abc_xyz_summary")
    out = pd.DataFrame(index=pd.Index(summary.index.astype(str), name=t("abc.col.cell", language)))
    out[t("abc.col.clients", language)] = [count(n, language) for n in summary["clients"]]
    out[t("abc.col.client_share", language)] = [percent(x, language=language) for x in summary["client_share"]]
    out[t("abc.col.revenue_share", language)] = [percent(x, language=language) for x in summary["revenue_share"]]
    if "profit_share" in summary.columns and summary["profit_share"].notna().any():
        out[t("abc.col.profit_share", language)] = [percent(x, language=language) for x in summary["profit_share"]]
    if "action" in summary.columns:
        out[t("abc.col.action", language)] = [_action_text(a, language) for a in summary["action"]]
    return LabelledTextTable(out)  # the ways of working in full, not cut at 50 characters


def describe_btyd(
    summary: pd.DataFrame, language: str | None = None, freq: str | None = None
) -> str:
    """Say what a :func:`btyd_summary` holds before it goes to lifetimes or PyMC-Marketing.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`btyd_summary`.
    language : {"en", "ru"}, optional
    freq : {"D", "W", "M"}, optional
        Its time unit; default ``summary.attrs["freq"]`` (set by :func:`btyd_summary`), else "D".

    Returns
    -------
    str
        Customers, the repeat buyers (``frequency > 0``) and one-off buyers (who must be left
        out of a Gamma-Gamma fit), the median ``T`` and the median ``recency`` of repeat buyers,
        in the summary's unit.

    Examples
    --------
    >>> s = pd.DataFrame({"frequency": [1.0, 0.0], "recency": [10.0, 0.0], "T": [30.0, 26.0],
    ...                   "monetary_value": [30.0, 0.0]}, index=["a", "b"])
    >>> print(describe_btyd(s))  # doctest: +NORMALIZE_WHITESPACE
    BTYD summary in units of days for 2 customers: 1 (50%) bought again after their first
    period (frequency > 0), 1 did not (frequency = 0, monetary_value = 0: leave them out of a
    Gamma-Gamma fit). Median age T: 28.0 days; median recency of repeat buyers: 10.0 days.
    """
    language = check_language(language)
    freq = freq or summary.attrs.get("freq", "D")
    check_choice("freq", freq, BTYD_FREQS)
    n = len(summary)
    repeat = summary["frequency"].to_numpy(np.float64) > 0
    rec = summary.loc[repeat, "recency"]
    return t(
        "btyd.describe", language, unit=t(f"btyd.unit.{freq}", language),
        n=count(n, language), repeat=count(int(repeat.sum()), language),
        repeat_share=percent(repeat.mean() if n else np.nan, language=language),
        one_off=count(int((~repeat).sum()), language),
        t=_num(summary["T"].median(), language, 1) if n else "—",
        recency=_num(rec.median(), language, 1) if len(rec) else "—",
    )


def format_ladder_summary(summary: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`ladder_summary` for display: translated rungs, strategies and headers."""
    language = check_language(language)
    out = pd.DataFrame(index=[rung_label(r, language) for r in summary.index])
    out.index.name = t("ladder.rung", language)
    out[t("ladder.col.strategy", language)] = [
        t(f"strategy.{s}", language) for s in summary["strategy"]
    ]
    out[t("ladder.col.customers", language)] = summary["customers"].to_numpy()
    out[t("ladder.col.share", language)] = [percent(x, language=language) for x in summary["share"]]
    for col, key in (("orders_median", "ladder.col.orders_median"),
                     ("recency_median", "ladder.col.recency_median")):
        if col in summary.columns:
            out[t(key, language)] = [
                "" if pd.isna(x) else count(round(float(x)), language) for x in summary[col]
            ]
    if "profit_share" in summary.columns:
        out[t("ladder.col.profit_share", language)] = [percent(x, language=language) for x in summary["profit_share"]]
        for grp in ("profitable", "middle", "unprofitable"):
            out[t(f"ladder.profit.{grp}", language)] = summary[grp].to_numpy()
    return out



def describe_ladder(ladder: pd.DataFrame, language: str | None = None) -> str:
    """Read a :func:`loyalty_ladder` aloud: clients per rung, strategies, unprofitable clients.

    Parameters
    ----------
    ladder : DataFrame
        The result of :func:`loyalty_ladder`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Sentences computed from the table: buying clients per rung (count and share of the
        buying clients); leads per rung, or a note that without a leads table those rungs are
        empty; a note when no survey NPS was used; clients per strategy; with costs, the number
        of unprofitable clients and the rung that brings the most profit.

    Examples
    --------
    >>> lad = pd.DataFrame({"rung": ["buyer", "buyer", "regular", "lapsed"]})
    >>> print(describe_ladder(lad))  # doctest: +NORMALIZE_WHITESPACE
    4 clients have bought: First purchase 0 (0%), Buyer 2 (50%), Regular 1 (25%), Advocate 0
    (0%), Lapsed 1 (25%). No leads table: the Potential and Visitor rungs stay empty. No survey
    answers: advocates are recognised by a long steady history only. Strategies: Engage and
    develop 2, Retain 1, Win back 1.
    """
    language = check_language(language)
    summ = ladder_summary(ladder)
    buying = summ.loc[list(_BUYING)]
    n_buy = int(buying["customers"].sum())
    share = buying["customers"] / n_buy if n_buy else buying["customers"] * 0.0
    parts = [t("ladder.describe_buyers", language, n=count(n_buy, language), rungs=", ".join(
        f"{rung_label(r, language)} {count(buying.loc[r, 'customers'], language)} "
        f"({percent(share[r], language=language)})" for r in _BUYING
    ))]
    leads = summ.loc[list(_LEADS)]
    if int(leads["customers"].sum()):
        parts.append(t("ladder.describe_leads", language, rungs=", ".join(
            f"{rung_label(r, language)} {count(leads.loc[r, 'customers'], language)}"
            for r in _LEADS
        )))
    else:
        parts.append(t("ladder.describe_no_leads", language))
    if "nps" not in ladder.columns or ladder["nps"].isna().all():
        parts.append(t("ladder.describe_no_survey", language))
    per = summ.groupby("strategy", sort=False)["customers"].sum()
    order = list(dict.fromkeys(LADDER_STRATEGIES.values()))
    parts.append(t("ladder.describe_strategy", language, items=", ".join(
        f"{t(f'strategy.{s}', language)} {count(per[s], language)}"
        for s in order if per.get(s, 0) > 0
    )))
    if "profit_share" in summ.columns and summ["profit_share"].notna().any():
        best = summ.sort_values("profit", ascending=False, kind="mergesort").index[0]
        parts.append(t(
            "ladder.describe_profit", language,
            n=count(summ["unprofitable"].sum(), language), rung=rung_label(best, language),
            share=percent(summ.loc[best, "profit_share"], language=language),
        ))
    return " ".join(parts)



def describe_transitions(
    transitions: pd.DataFrame, language: str | None = None, period_days: int | None = None
) -> str:
    """Read :func:`ladder_transitions` aloud and check that leaving falls as clients climb.

    Parameters
    ----------
    transitions : DataFrame
        The result of :func:`ladder_transitions`.
    language : {"en", "ru"}, optional
    period_days : int, optional
        Length of the comparison; default ``transitions.attrs["period_days"]``.

    Returns
    -------
    str
        One clause per rung held at the start (shares moved up, stayed, moved down, lapsed; for
        lapsed clients the share won back), then the share lapsed from first purchase up to
        advocate and whether it falls at every step, as the method expects.

    Examples
    --------
    >>> tr = pd.DataFrame({"customers": [10, 20, 5],
    ...                    "moved_up": [0.3, 0.2, 0.0], "stayed": [0.0, 0.7, 0.8],
    ...                    "moved_down": [0.0, 0.0, 0.2], "lapsed": [0.7, 0.1, 0.0]},
    ...                   index=pd.Index(["first_purchase", "buyer", "advocate"], name="rung"))
    >>> print(describe_transitions(tr, period_days=180))  # doctest: +NORMALIZE_WHITESPACE
    Over 180 days: First purchase (10): up 30%, stayed 0%, down 0%, lapsed 70%; Buyer (20): up
    20%, stayed 70%, down 0%, lapsed 10%; Advocate (5): up 0%, stayed 80%, down 20%, lapsed 0%.
    The method expects the chance of leaving to fall as clients climb; here the share lapsed is
    First purchase 70% → Buyer 10% → Advocate 0%: it does fall.
    """
    language = check_language(language)
    days = period_days if period_days is not None else transitions.attrs.get("period_days", "?")
    lines = []
    for rung, row in transitions.iterrows():
        if int(row["customers"]) == 0:
            continue
        fill = {"rung": rung_label(str(rung), language), "n": count(row["customers"], language),
                "up": percent(row["moved_up"], language=language), "stayed": percent(row["stayed"], language=language),
                "down": percent(row["moved_down"], language=language), "lapsed": percent(row["lapsed"], language=language)}
        key = "ladder.describe_move_lapsed" if rung == "lapsed" else "ladder.describe_move_line"
        lines.append(t(key, language, **fill))
    parts = [t("ladder.describe_moves", language, days=days, lines="; ".join(lines))]
    climb = [r for r in ("first_purchase", "buyer", "regular", "advocate")
             if r in transitions.index and int(transitions.loc[r, "customers"]) > 0]
    if len(climb) >= 2:
        lapsed = transitions.loc[climb, "lapsed"].to_numpy(np.float64)
        falls = bool(np.all(np.diff(lapsed) <= 0))
        parts.append(t(
            "ladder.describe_falls", language,
            chain=" → ".join(f"{rung_label(r, language)} {percent(v, language=language)}" for r, v in zip(climb, lapsed, strict=True)),
            verdict=t("ladder.verdict_falls" if falls else "ladder.verdict_not", language),
        ))
    return " ".join(parts)


def format_criteria_agreement(agreement: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`criteria_agreement` with translated criteria names, two decimals as text."""
    language = check_language(language)
    out = agreement.map(lambda v: _num(v, language))
    out.index = [criterion_label(c, language) for c in agreement.index]
    out.columns = [criterion_label(c, language) for c in agreement.columns]
    return out



def _strength(v: float) -> str:
    if v < 0.1:
        return "crit.strength.none"
    if v < 0.3:
        return "crit.strength.weak"
    return "crit.strength.moderate" if v < 0.5 else "crit.strength.strong"



def format_crosstab(table: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return :func:`workbench.segment_crosstab` for display: criteria and values named.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`workbench.segment_crosstab` (axis names are the criteria).
    language : {"en", "ru"}, optional

    Examples
    --------
    >>> from workbench.segmentation import segment_crosstab
    >>> crit = pd.DataFrame({"rung": ["buyer", "buyer", "lapsed"], "abc": ["A", "B", "A"]})
    >>> format_crosstab(segment_crosstab(crit, "rung", "abc"), "en")  # doctest: +NORMALIZE_WHITESPACE
    ABC class  A  B
    Ladder rung
    Buyer      1  1
    Lapsed     1  0
    """
    language = check_language(language)
    out = table.copy()
    rows, cols = str(table.index.name), str(table.columns.name)
    out.index = label_index(table.index, rows, language)
    out.columns = label_index(table.columns, cols, language)
    return out


def describe_crosstab(
    criteria: pd.DataFrame, rows: str, cols: str, language: str | None = None, top: int = 5
) -> str:
    """Read a crosstab of two criteria aloud: how strongly they agree, what each row is mostly.

    Parameters
    ----------
    criteria : DataFrame
        The result of :func:`segment_criteria`.
    rows, cols : str
        Two of its columns.
    language : {"en", "ru"}, optional
    top : int, default 5
        How many row values to read (largest first).

    Returns
    -------
    str
        Cramér's V with a word for its strength (< 0.1 none, < 0.3 weak, < 0.5 moderate, else
        strong), then for each of the ``top`` largest row values its most common and second
        most common column value with their shares.

    Examples
    --------
    >>> crit = pd.DataFrame({"cluster": ["Big", "Big", "Big", "Small"],
    ...                      "abc": ["A", "A", "B", "C"]})
    >>> print(describe_crosstab(crit, "cluster", "abc"))  # doctest: +NORMALIZE_WHITESPACE
    Cluster against ABC class: Cramér's V = 1.00 (a strong link).
    «Big» (3): most often A (67%), then B (33%)
    «Small» (1): most often C (100%)
    """
    language = check_language(language)
    v = cramers_v(criteria[rows], criteria[cols])
    lines = [t("crit.describe_crosstab", language, rows=criterion_label(rows, language),
               cols=criterion_label(cols, language), v=_num(v, language),
               strength=t(_strength(v), language))]
    table = pd.crosstab(criteria[rows].astype(str), criteria[cols].astype(str))
    sizes = table.sum(axis=1)
    order = sorted(sizes.index, key=lambda r: (-sizes[r], r))[:top]
    for r in order:
        shares = (table.loc[r] / sizes[r]).sort_values(ascending=False, kind="mergesort")
        shares = shares.loc[shares > 0]
        then = ""
        if len(shares) > 1:
            then = t("crit.describe_then", language, col=criterion_value_label(cols, shares.index[1], language),
                     share=percent(shares.iloc[1], language=language))
        lines.append(t("crit.describe_row", language, row=criterion_value_label(rows, r, language),
                       n=count(sizes[r], language),
                       first=criterion_value_label(cols, shares.index[0], language),
                       first_share=percent(shares.iloc[0], language=language), then=then))
    return "\n".join(lines)



def describe_agreement(agreement: pd.DataFrame, language: str | None = None) -> str:
    """Name the most alike and the most different pair of criteria (Cramér's V).

    Parameters
    ----------
    agreement : DataFrame
        The result of :func:`criteria_agreement`.
    language : {"en", "ru"}, optional

    Examples
    --------
    >>> ag = pd.DataFrame([[1, 0.8, 0.2], [0.8, 1, 0.4], [0.2, 0.4, 1]],
    ...                   index=["abc", "rung", "cluster"], columns=["abc", "rung", "cluster"])
    >>> print(describe_agreement(ag))  # doctest: +NORMALIZE_WHITESPACE
    Most alike: ABC class and Ladder rung (V = 0.80); most different: ABC class and Cluster
    (V = 0.20). Alike criteria split clients the same way and can stand in for each other;
    different ones add information.
    """
    language = check_language(language)
    names = list(agreement.columns)
    pairs = [(float(agreement.loc[a, b]), a, b)
             for i, a in enumerate(names) for b in names[i + 1:]]
    if not pairs:
        return t("crit.describe_too_few", language)
    hi = max(pairs, key=lambda p: p[0])  # first of equal pairs wins (stable)
    lo = min(pairs, key=lambda p: p[0])
    return t("crit.describe_agreement", language,
             a=criterion_label(hi[1], language), b=criterion_label(hi[2], language), v=_num(hi[0], language),
             c=criterion_label(lo[1], language), d=criterion_label(lo[2], language), w=_num(lo[0], language))


def _quality_key(score: float) -> str:
    """Kaufman & Rousseeuw's reading of the average silhouette."""
    if score > 0.70:
        return "seg.quality.strong"
    if score > 0.50:
        return "seg.quality.reasonable"
    return "seg.quality.weak" if score > 0.25 else "seg.quality.none"



def describe_segments(
    segmenter: Segmenter,
    X: pd.DataFrame,
    revenue: str | np.ndarray | pd.Series | None = None,
    stability: pd.Series | None = None,
    language: str | None = None,
    features: int = 3,
) -> str:
    """Read a fitted :class:`Segmenter` aloud: the choice of k, each segment, its stability.

    Parameters
    ----------
    segmenter : Segmenter
        Fitted on ``X``.
    X : DataFrame
        The feature table.
    revenue : str or array-like, optional
        Money per row (a column of ``X``) for each segment's share of revenue.
    stability : Series, optional
        The result of :meth:`Segmenter.stability`.
    language : {"en", "ru"}, optional
    features : int, default 3
        How many features' medians to quote per segment (in the order of ``X``'s columns).

    Returns
    -------
    str
        With ``n_clusters="auto"``: the best k, its silhouette and how much structure that
        means (Kaufman & Rousseeuw, *Finding Groups in Data*, 1990: above 0.70 strong, above
        0.50 reasonable, above 0.25 weak, else no substantial structure), and the next two k.
        Then one line per segment: name, customers, share, revenue share, feature medians.
        With ``stability``: the median adjusted Rand index and whether to act on the segments
        (>= 0.8 stable, >= 0.6 moderately, else unstable).

    Examples
    --------
    >>> X = pd.DataFrame({"recency_days": [5.0, 6, 7, 300, 310, 320],
    ...                   "frequency": [10.0, 12, 11, 1, 1, 2]})
    >>> from workbench.segmentation import Segmenter
    >>> seg = Segmenter(n_clusters=2, skew="none").fit(X)
    >>> print(describe_segments(seg, X))  # doctest: +NORMALIZE_WHITESPACE
    2 segments (k set by hand).
    «Recent frequent»: 3 customers (50%); median days since last purchase 6, orders 11
    «Lapsed infrequent»: 3 customers (50%); median days since last purchase 310, orders 1
    """
    language = check_language(language)
    from sklearn.utils.validation import check_is_fitted

    check_is_fitted(segmenter, "labels_")
    lines = []
    scores = segmenter.k_scores_
    if len(scores):
        ranked = scores.sort_values(ascending=False, kind="mergesort")
        best = int(ranked.index[0])
        others = ", ".join(
            f"k = {int(k)} ({_num(v, language)})" for k, v in ranked.iloc[1:3].items()
        )
        lines.append(t("seg.describe_k", language, k=best, score=_num(ranked.iloc[0], language),
                       quality=t(_quality_key(float(ranked.iloc[0])), language),
                       others=others or "—"))
    else:
        lines.append(t("seg.describe_fixed", language, k=segmenter.n_clusters_))
    prof = segmenter.profile(X, revenue=revenue)
    feats = [c[: -len("_median")] for c in prof.columns if c.endswith("_median")][:features]
    for _, row in prof.iterrows():
        medians = ", ".join(
            f"{_lower(feature_label(f, language))} {_short(row[f + '_median'], language)}"
            for f in feats
        )
        rev = ""
        if "revenue_share" in prof.columns:
            rev = t("seg.describe_revenue", language, share=percent(row["revenue_share"], language=language))
        lines.append(t("seg.describe_segment", language, name=cluster_label(row["key"], language),
                       n=count(row["size"], language), share=percent(row["share"], language=language), revenue=rev,
                       medians=medians))
    if stability is not None and len(stability):
        med = float(np.median(stability.to_numpy(np.float64)))
        verdict = "seg.stable.high" if med >= 0.8 else (
            "seg.stable.mid" if med >= 0.6 else "seg.stable.low"
        )
        lines.append(t("seg.describe_stability", language, n=len(stability),
                       ari=_num(med, language), verdict=t(verdict, language)))
    return "\n".join(lines)



def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]



def _short(x: float, language: str) -> str:
    """A median for prose: whole numbers with thousands separated, else one decimal."""
    v = float(x)
    if not np.isfinite(v):
        return "—"
    return count(round(v), language) if abs(v - round(v)) < 1e-9 or abs(v) >= 100 else _num(
        v, language, 1
    )



def format_segment_profile(
    profile: pd.DataFrame, language: str | None = None, statistic: str = "median"
) -> pd.DataFrame:
    """Return :meth:`Segmenter.profile` for display: name, size, shares, one statistic per feature.

    Parameters
    ----------
    profile : DataFrame
        The result of :meth:`Segmenter.profile`.
    language : {"en", "ru"}, optional
    statistic : {"median", "mean"}, default "median"
    """
    language = check_language(language)
    if statistic not in ("median", "mean"):
        raise WorkbenchError(f"statistic must be 'median' or 'mean'; got {statistic!r}")
    out = pd.DataFrame(index=[cluster_label(k, language) for k in profile["key"]])
    out.index.name = t("seg.col.name", language)
    out[t("seg.col.size", language)] = profile["size"].to_numpy()
    out[t("seg.col.share", language)] = [percent(x, language=language) for x in profile["share"]]
    if "revenue_share" in profile.columns:
        out[t("seg.col.revenue_share", language)] = [percent(x, language=language) for x in profile["revenue_share"]]
    suffix = f"_{statistic}"
    for col in profile.columns:
        if col.endswith(suffix):
            name = feature_label(col[: -len(suffix)], language)
            head = t("seg.col.median", language, feature=name) if statistic == "median" else name
            out[head] = [_short(v, language) for v in profile[col]]
    return out

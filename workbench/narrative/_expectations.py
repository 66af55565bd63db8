"""Steps 1–2 read aloud: the survey, IPA, gaps, Kano, the expectation ladder, quotes, sources.

Sentences (``describe_*``) and display tables (``format_*``) over the results of
:mod:`workbench.expectations`, in the audience's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from workbench._columns import prepare_table
from workbench.expectations import KANO_CATEGORIES, KANO_TIE_ORDER, LADDER_LEVELS, _check_scale
from workbench.i18n import check_language, t
from workbench.narrative._format import (
    count,
    currency_symbol,
    date,
    decimal,
    money,
    numbers,
    percent,
    plural,
    quantity,
    quote,
)

__all__ = (
    "describe_competitor",
    "describe_expectation_ladder",
    "describe_expectations",
    "describe_gaps",
    "describe_importance_performance",
    "describe_kano",
    "describe_quotes",
    "describe_source_yield",
    "describe_survey",
    "format_gaps",
    "format_importance_performance",
    "format_kano",
    "format_source_yield",
)


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
    total = quantity(len(names), "attribute", language, case="gen")
    quadrant_label = t("ipa.quadrant.concentrate_here", language)
    if focus:
        text = t("ipa.describe_focus", language, n=len(focus), total=total,
                 quadrant=quadrant_label, names=", ".join(focus))
    else:
        text = t("ipa.describe_focus_none", language, total=total, quadrant=quadrant_label)
    if overkill:
        text += " " + t("ipa.describe_overkill", language,
                        quadrant=t("ipa.quadrant.possible_overkill", language),
                        names=", ".join(overkill))
    return text


def _num(x: float, language: str, digits: int = 2, sign: bool = False) -> str:
    return decimal(x, digits, language, sign=sign)


def _pct(x: float, language: str) -> str:
    return percent(x, language=language)


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
    text = t("exp.survey.summary", language,
             respondents=quantity(n_resp, "respondent", language), linked=count(linked, language),
             attributes=quantity(df["attribute"].nunique(), "attribute", language),
             lo=f"{lo:g}", hi=f"{hi:g}", rows=quantity(len(df), "answer_row", language))
    if "date" in df.columns and df["date"].notna().any():
        dates = pd.to_datetime(df["date"], errors="coerce").dropna()
        if len(dates):
            text += " " + t("exp.survey.dates", language,
                            start=date(dates.min(), language), end=date(dates.max(), language))
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
        text += " " + t("exp.survey.comments", language, rows=quantity(n_comments, "row", language),
                        verb=plural(n_comments, t("exp.survey.comments_verb", language), language))
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
    >>> from workbench.expectations import gap_analysis
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r1", "r2", "r2"], "attribute": ["a", "b", "a", "b"],
    ...     "expectation": [5, 3, 4, 3], "performance": [3, 4, 3, 5]})
    >>> print(describe_expectations(gap_analysis(survey), top=1))
    Clients expect most from a (4.50); least from b (3.00). They rate our performance highest on b (4.50) and lowest on a (3.00).
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
    >>> from workbench.expectations import gap_analysis
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3", "r4"] * 2, "attribute": ["a"] * 4 + ["b"] * 4,
    ...     "expectation": [5, 5, 5, 5, 3, 3, 3, 3], "performance": [3, 3, 4, 3, 4, 5, 4, 4]})
    >>> print(describe_gaps(gap_analysis(survey)))
    On 1 of 2 attributes clients clearly get less than they expect; the largest gaps: a (1.75). Clearly above expectation on 1: b (−1.25).
    """
    language = check_language(language)

    def of(n: int) -> str:
        return quantity(n, "attribute", language, case="gen")

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
            text = t("gap.describe_short", language, n=len(short), total=of(len(sub)),
                     names=_listed(short.head(top), language))
        else:
            text = t("gap.describe_no_short", language, total=of(len(sub)))
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
    >>> from workbench.expectations import gap_analysis
    >>> survey = pd.DataFrame({
    ...     "respondent_id": ["r1", "r2", "r3", "r4"] * 2, "attribute": ["a"] * 4 + ["b"] * 4,
    ...     "expectation": 4, "performance": [4, 4, 5, 4, 2, 3, 2, 2],
    ...     "competitor_performance": [3, 3, 3, 3, 4, 4, 4, 4]})
    >>> print(describe_competitor(gap_analysis(survey)))
    Clients rate us clearly above the main competitor on 1 of 2 attributes; the largest leads: a (+1.25). Clearly below on 1; the largest lags: b (−1.75).
    """
    language = check_language(language)

    def of(n: int) -> str:
        return quantity(n, "attribute", language, case="gen")

    def read(sub: pd.DataFrame) -> str:
        sub = sub.dropna(subset=["vs_competitor"])
        if sub.empty:
            return t("gap.describe_no_competitor", language)
        sig = sub["vs_competitor_significant"].astype(bool)
        ahead = sub.loc[sig & (sub["vs_competitor"] > 0), "vs_competitor"].sort_values(
            ascending=False, kind="mergesort")
        behind = sub.loc[sig & (sub["vs_competitor"] < 0), "vs_competitor"].sort_values(
            kind="mergesort")
        text = t("gap.describe_ahead", language, n=len(ahead), total=of(len(sub)),
                 names=_listed(ahead.head(top), language, sign=True) if len(ahead) else "—")
        if len(behind):
            text += " " + t("gap.describe_behind", language, n=len(behind),
                            names=_listed(behind.head(top), language, sign=True))
        n_noise = int((~sig).sum())
        if n_noise:
            text += " " + t("gap.describe_par", language, n=of(n_noise))
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
    out = numbers(out, {c: 2 for c in out.columns if not c.endswith("_significant")}, language)
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
    out = numbers(out, {"importance": 2, "performance": 2, "gap": 2, "n": 0}, language)
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
    >>> from workbench.expectations import kano
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
    out = numbers(out, {c: 0 for c in (*KANO_CATEGORIES, "n")} | {"cs_plus": 2, "cs_minus": 2},
                  language)
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
    >>> from workbench.expectations import expectation_ladder, expectation_ladder_summary
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
        return t("exp.ladder_describe", language,
                 n=quantity(total, "respondent", language, case="gen"),
                 disappointed=_pct(share["disappointed"], language),
                 satisfied=_pct(share["satisfied"], language),
                 delighted=_pct(share["delighted"], language))

    tol = "" if tolerance is None else t("exp.ladder_tolerance", language,
                                         tolerance=quantity(tolerance, "scale_point", language, 2))
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
    text_col = next((c for c in ("comment", "text") if c in picked.columns), picked.columns[-1])
    group_col = picked.columns[0] if picked.columns[0] != text_col else None
    if group_col is None:
        body = "; ".join(quote(q, language) for q in picked[text_col])
        return _quotes_count(len(picked), 1, language) + "\n" + body
    groups = list(dict.fromkeys(picked[group_col]))
    lines = [_quotes_count(len(picked), len(groups), language)]
    for g in groups:
        texts = picked.loc[picked[group_col] == g, text_col]
        lines.append(f"{g}: " + "; ".join(quote(q, language) for q in texts))
    return "\n".join(lines)


def _quotes_count(n: int, groups: int, language: str) -> str:
    return t("exp.quotes_count", language, n=quantity(n, "quote", language),
             groups=quantity(groups, "topic", language, case="dat"))


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
    >>> from workbench.expectations import source_yield
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
    text = t("src.describe_count", language, n=quantity(len(sources), "contact_source", language)) + " " + t(
        "src.describe_top", language, source=str(top),
        revenue=_pct(row["share_of_revenue"], language),
        clients=_pct(row["share_of_clients"], language),
        repeat=_pct(row["repeat_rate"], language))
    per_client = sources["revenue_per_client"].dropna()
    if len(per_client):
        best = per_client.sort_values(ascending=False, kind="mergesort")
        text += " " + t("src.describe_per_client", language, source=str(best.index[0]),
                        money=money(best.iloc[0], language))
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
        out[c] = sources[c].astype("float64")
    for c in ("repeat_rate", "active_share", "share_of_clients", "share_of_revenue"):
        out[c] = 100 * sources[c].astype("float64")
    out = numbers(out, {"clients": 0, "buyers": 0, "revenue": 0, "revenue_per_client": 0,
                        "repeat_rate": 1, "active_share": 1, "share_of_clients": 1,
                        "share_of_revenue": 1}, language)
    unit = currency_symbol(language)  # money columns say their unit when the currency is known
    out = out.rename(columns={c: t(f"src.{c}", language) + (
        ", %" if i > 3 else f", {unit}" if unit and c.startswith("revenue") else "")
        for i, c in enumerate(out.columns)})
    out.index.name = t("src.source", language)
    return out

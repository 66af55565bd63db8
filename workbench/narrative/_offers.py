"""Step 6 read aloud: the offer matrix, golden drops, competitiveness and УКОР.

Labels, sentences and display tables over the results of :mod:`workbench.offers`, which
returns keys only (strategy keys, action keys, verdict codes, level codes).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, decimal, listing, number, percent, quantity
from workbench.offers import COMPETITIVENESS_DIMENSIONS, STRATEGIES, UkorResult, _norm_key

__all__ = (
    "action_text",
    "describe_competitiveness",
    "describe_golden_drops",
    "describe_offer_matrix",
    "describe_survey_advantages",
    "describe_ukor",
    "format_golden_drops",
    "format_offer_matrix",
    "label_offers",
    "segment_label",
    "strategy_label",
)


def action_text(action: str, language: str | None = None) -> str:
    """Return the display text of an action key; free text (an edited offer) as it is.

    Examples
    --------
    >>> action_text("reason_call", "en") != "reason_call", action_text("Call them", "ru")
    (True, 'Call them')
    """
    key = f"offer.action.{action}"
    return t(key, check_language(language)) if has(key) else str(action)


def strategy_label(strategy: object, language: str | None = None) -> str:
    """Return the display label of a strategy key (``"win_back"`` -> "Win back")."""
    key = f"strategy.{strategy}"
    return t(key, check_language(language)) if has(key) else str(strategy)


def label_offers(matrix: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Add the display columns ``strategy_label`` and ``actions`` to an offer matrix (a copy).

    Parameters
    ----------
    matrix : DataFrame
        The output of :func:`workbench.offer_matrix` (``strategy`` and ``action_keys``), or an
        offer rule frame from :func:`workbench.offer_rules_frame` (``strategy`` and ``actions``
        as keys joined with ``"; "``: then ``action_text`` is added).
    language : {"en", "ru"}, optional

    Returns
    -------
    DataFrame
        The same rows with ``strategy_label`` and ``actions`` (action texts joined with
        ``"; "``) — or ``action_text`` for a rule frame — in ``language``.
    """
    language = check_language(language)
    out = matrix.copy()
    out["strategy_label"] = [strategy_label(s, language) for s in out["strategy"]]
    if "action_keys" in out.columns:
        out["actions"] = ["; ".join(action_text(a, language) for a in keys)
                          for keys in out["action_keys"]]
    else:
        out["action_text"] = ["; ".join(action_text(a.strip(), language)
                                        for a in str(keys).split(";") if a.strip())
                              for keys in out["actions"]]
    return out


#: Catalogue prefixes searched, in order, for the display label of a segment key.
_SEGMENT_LABEL_PREFIXES: tuple[str, ...] = ("ladder.rung.", "rfm.segment.", "offer.segment.")


def segment_label(segment: object, language: str | None = None) -> str:
    """Return the display label of a segment key: a ladder rung, an RFM segment, else the key.

    Parameters
    ----------
    segment : object
        A segment key such as ``"regular"``, ``"at_risk"``, ``"AX"`` or a cluster name.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The catalogue text of ``ladder.rung.<key>`` or ``rfm.segment.<key>`` (keys matched
        case- and separator-insensitively); any other key (ABC-XYZ cells, the client's own
        segment names) unchanged.

    Examples
    --------
    >>> segment_label("first_purchase", "ru"), segment_label("AX", "ru")
    ('Первая покупка', 'AX')
    """
    language = check_language(language)
    key = str(segment)
    for prefix in _SEGMENT_LABEL_PREFIXES:
        for k in (key, _norm_key(key)):
            if has(prefix + k):
                return t(prefix + k, language)
    return key



def _dimension_label(dimension: str, language: str) -> str:
    key = f"offer.dimension.{dimension}"
    return t(key, language) if has(key) else str(dimension)



def _names(values: Sequence[object]) -> str:
    return ", ".join(str(v) for v in values)



def describe_offer_matrix(matrix: pd.DataFrame, language: str | None = None) -> str:
    """Read an offer matrix aloud: clients per strategy, and segments left without an offer.

    Parameters
    ----------
    matrix : DataFrame
        The output of :func:`offer_matrix` (or ``panel.result`` of the offer table widget).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One line per segmentation (``dimension``): how many clients in how many segments, how
        many clients (and what share) each strategy covers, in ladder order, and which segments
        have no rule.

    Examples
    --------
    >>> from workbench.offers import offer_matrix
    >>> s = pd.Series(["regular", "lapsed", "regular", "whales"], name="rung")
    >>> print(describe_offer_matrix(offer_matrix(s)))
    Loyalty ladder: 4 customers in 3 segments. By strategy: Retain — 2 (50%), Win back — 1 \
(25%), No rule — 1 (25%). Without a rule (define the offer by hand): whales.
    """
    language = check_language(language)
    lines = []
    for dim, part in matrix.groupby("dimension", sort=False):
        total = int(part["n_customers"].sum())
        per = part.groupby("strategy", sort=False)["n_customers"].sum()
        order = [s for s in STRATEGIES if s in per.index] + [
            s for s in per.index if s not in STRATEGIES
        ]
        strategies = ", ".join(
            f"{strategy_label(s, language)} — {count(per[s], language)}"
            + (f" ({percent(per[s] / total, language=language)})" if total else "")
            for s in order
        )
        text = t(
            "offer.describe",
            language,
            dimension=_dimension_label(str(dim), language),
            customers=quantity(total, "customer", language),
            segments=quantity(len(part), "segment", language, case="prep"),
            strategies=strategies,
        )
        missing = part.loc[~part["has_rule"].astype(bool), "segment"]
        if len(missing):
            text += " " + t(
                "offer.describe_missing",
                language,
                segments=_names(segment_label(s, language) for s in missing),
            )
        else:
            text += " " + t("offer.describe_complete", language)
        lines.append(text)
    return "\n".join(lines)



def format_offer_matrix(matrix: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the offer matrix as a display table with translated headers and segment labels.

    Parameters
    ----------
    matrix : DataFrame
        The output of :func:`offer_matrix`.
    language : {"en", "ru"}, optional

    Returns
    -------
    DataFrame
        Columns (translated): segmentation (only when there are several), segment (its
        label), clients, share of clients in % (one decimal), strategy, actions — strategy
        and actions in ``language`` whatever the language the matrix was made in.
    """
    language = check_language(language)
    out = pd.DataFrame(
        {
            t("offer.dimension", language): [
                _dimension_label(str(d), language) for d in matrix["dimension"]
            ],
            t("offer.segment", language): [segment_label(s, language) for s in matrix["segment"]],
            t("offer.n_customers", language): [count(n, language) for n in matrix["n_customers"]],
            t("offer.share", language) + ", %": [number(100 * s, 1, language)
                                                  for s in matrix["share"]],
            t("offer.strategy", language): [
                strategy_label(s, language) for s in matrix["strategy"]
            ],
            t("offer.actions", language): [
                "; ".join(action_text(a, language) for a in keys)
                for keys in matrix["action_keys"]
            ],
        }
    )
    if matrix["dimension"].nunique() <= 1:
        out = out.drop(columns=t("offer.dimension", language))
    return out



def _drop_kind(row: pd.Series) -> str:
    if row["golden_drop"]:
        return "golden"
    if row["matters"]:
        return "stakes"
    if row["competitors_lack"]:
        return "idle"
    return "other"



def describe_golden_drops(drops: pd.DataFrame, language: str | None = None) -> str:
    """Read the golden drops aloud: which advantages to build the offer on, which are not.

    Parameters
    ----------
    drops : DataFrame
        The output of :func:`golden_drops`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        How many advantages matter to clients and which of them competitors lack (the golden
        drops, best first); the *table stakes* (matter, but competitors have them too) and the
        advantages competitors lack but clients care little about.

    Examples
    --------
    >>> from workbench.offers import golden_drops
    >>> adv = pd.DataFrame({"advantage": ["fast", "cheap", "pretty"],
    ...                     "importance": [5, 5, 2], "competitor_presence": [0.0, 1.0, 0.0]})
    >>> import warnings
    >>> with warnings.catch_warnings():  # fewer than 10 advantages warns
    ...     warnings.simplefilter("ignore")
    ...     drops = golden_drops(adv)
    >>> print(describe_golden_drops(drops))
    Of 3 advantages, 2 matter to clients; competitors lack 1 of them — the golden drops: fast. \
Table stakes (they matter, but competitors have them too): cheap. Competitors lack these, but \
clients care little: pretty.
    """
    language = check_language(language)
    kinds = drops.apply(_drop_kind, axis=1) if len(drops) else pd.Series(dtype="string")
    by_kind = {k: [str(a) for a in drops.index[kinds == k]] for k in ("golden", "stakes", "idle")}
    n_matter = int(drops["matters"].sum())
    if by_kind["golden"]:
        text = t(
            "drops.describe",
            language,
            n=quantity(len(drops), "advantage", language, case="gen"),
            n_matter=count(n_matter, language),
            n_drops=count(len(by_kind["golden"]), language),
            drops=_names(by_kind["golden"]),
        )
    else:
        text = t("drops.describe_none", language,
                 n=quantity(len(drops), "advantage", language, case="gen"),
                 n_matter=count(n_matter, language))
    if by_kind["stakes"]:
        text += " " + t("drops.describe_stakes", language, names=_names(by_kind["stakes"]))
    if by_kind["idle"]:
        text += " " + t("drops.describe_idle", language, names=_names(by_kind["idle"]))
    return text



def format_golden_drops(drops: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Return the golden-drops table for display: translated headers and a verdict per row.

    Parameters
    ----------
    drops : DataFrame
        The output of :func:`golden_drops`.
    language : {"en", "ru"}, optional

    Returns
    -------
    DataFrame
        Columns (translated): advantage, importance, presence at competitors (both rounded to
        two decimals, on the input scales), score and the verdict (golden drop, table stakes,
        not valued by clients, other), best first.
    """
    language = check_language(language)
    kinds = drops.apply(_drop_kind, axis=1) if len(drops) else pd.Series(dtype="string")
    return pd.DataFrame(
        {
            t("drops.advantage", language): [str(a) for a in drops.index],
            t("drops.importance", language): [decimal(v, 2, language) for v in drops["importance"]],
            t("drops.competitor_presence", language): [
                decimal(v, 2, language) for v in drops["competitor_presence"]],
            t("drops.score", language): [decimal(v, 2, language) for v in drops["score"]],
            t("drops.verdict", language): [t(f"drops.kind.{k}", language) for k in kinds],
        }
    )



def _company_label(company: object, language: str) -> str:
    return t("comp.us", language) if str(company) == "us" else str(company)



def describe_competitiveness(result: pd.DataFrame, language: str | None = None) -> str:
    """Read the competitiveness scores aloud: total, level and weakest dimension per company.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`competitiveness` (the row ``"us"`` is read as our company).
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        One sentence per company, ours first; with competitors, the signed difference per
        dimension between us and the strongest competitor (by total).

    Examples
    --------
    >>> from workbench.offers import competitiveness
    >>> scores = pd.DataFrame({"internal": [15, 12], "external": [11, 14], "dynamic": [8, 13]},
    ...                       index=["us", "Rival"])
    >>> print(describe_competitiveness(competitiveness(scores)))
    Us: 34 of 60 (medium); weakest: Dynamic capabilities (8 of 20). Rival: 39 of 60 (medium); \
weakest: Internal competencies (12 of 20). Us against Rival: Internal competencies +3, External \
competencies −3, Dynamic capabilities −5.
    """
    language = check_language(language)
    order = sorted(result.index, key=lambda c: str(c) != "us")
    parts = []
    for company in order:
        row = result.loc[company]
        parts.append(
            t(
                "comp.describe",
                language,
                company=_company_label(company, language),
                total=number(row["total"], 0, language),
                level=t(f"comp.level.{row['level']}", language),
                weakest=t(f"comp.{row['weakest']}", language),
                weakest_score=number(row[row["weakest"]], 0, language),
            )
        )
    others = [c for c in result.index if str(c) != "us"]
    if "us" in [str(c) for c in result.index] and others:
        us = result.loc[[c for c in result.index if str(c) == "us"][0]]
        rival = max(others, key=lambda c: (float(result.loc[c, "total"]), -others.index(c)))
        diffs = ", ".join(
            f"{t(f'comp.{d}', language)} "
            f"{number(float(us[d]) - float(result.loc[rival, d]), 0, language, sign=True)}"
            for d in COMPETITIVENESS_DIMENSIONS
        )
        parts.append(
            t("comp.describe_vs", language, us=t("comp.us", language), rival=str(rival),
              diffs=diffs)
        )
    return " ".join(parts)



def describe_survey_advantages(result: pd.DataFrame, language: str | None = None) -> str:
    """Read :func:`survey_advantages` aloud: drops the clients confirm, and where we lag.

    Parameters
    ----------
    result : DataFrame
        The output of :func:`survey_advantages`.
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        The attributes that matter and on which clients rate us significantly higher than the
        competitor (with the lead), and those that matter where they rate us lower.

    Examples
    --------
    >>> res = pd.DataFrame({"lead": [0.6, -0.8, 0.1], "lead_ci_low": [0.5, -0.9, -0.1],
    ...                     "verdict": ["golden", "behind", "par"]},
    ...                    index=pd.Index(["roast", "delivery", "price"], name="attribute"))
    >>> print(describe_survey_advantages(res))
    Advantages that matter and where clients rate us above the competitor (1): roast (+0.60). \
Important, but rated below the competitor — fix before advertising: delivery (−0.80).
    """
    language = check_language(language)
    if result.empty or result["lead"].isna().all():
        return t("drops.survey_no_competitor", language)

    def listed(kind: str) -> str:
        part = result.loc[result["verdict"] == kind, "lead"]
        return ", ".join(f"{name} ({decimal(lead, 2, language, sign=True)})"
                         for name, lead in part.items())

    golden, behind = listed("golden"), listed("behind")
    if golden:
        n = int((result["verdict"] == "golden").sum())
        text = t("drops.survey_confirmed", language, n=count(n, language), names=golden)
    else:
        text = t("drops.survey_none", language)
    if behind:
        text += " " + t("drops.survey_behind", language, names=behind)
    return text


def describe_ukor(result: UkorResult, language: str | None = None) -> str:
    """Read a УКОР self-assessment aloud: the score, the level and the weakest themes.

    Parameters
    ----------
    result : UkorResult
        The output of :func:`workbench.ukor`.
    language : {"en", "ru"}, optional

    Examples
    --------
    >>> from workbench.offers import UKOR_QUESTIONS, ukor
    >>> print(describe_ukor(ukor({q: 4 for q in UKOR_QUESTIONS}), "en"))
    UKOR = 100 of 100: the cultural level; no theme falls behind.
    """
    language = check_language(language)
    level = t(f"ukor.level.{result.level}", language)
    score = number(result.score, 0, language)
    if not result.weakest:
        return t("ukor.summary_none", language, score=score, level=level)
    weakest = listing((t(f"ukor.theme.{w}", language) for w in result.weakest), language)
    return t("ukor.summary", language, score=score, level=level, weakest=weakest)

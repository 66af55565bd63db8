"""УКОР from the key client's side, compared with the firm's self-assessment.

The seeds' last word on client orientation is that only the key client's opinion decides
whether a company is client-oriented. :data:`KEY_CLIENT_QUESTIONS` asks key clients one short
statement per theme of the self-assessment (:data:`workbench.offers.UKOR_QUESTIONS`), on the
same 0–4 scale, so that :func:`compare_ukor` can set the two views side by side, theme by
theme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.offers import UKOR_LEVELS, UKOR_QUESTIONS, UkorResult, ukor

__all__ = (
    "KEY_CLIENT_QUESTIONS",
    "UkorComparison",
    "compare_ukor",
    "format_ukor_comparison",
    "key_client_questionnaire",
    "load_key_client_answers",
)

#: The key clients' statements: one per theme of the self-assessment (texts ``ukorc.q.<key>``).
KEY_CLIENT_QUESTIONS: tuple[str, ...] = tuple(dict.fromkeys(UKOR_QUESTIONS.values()))


def _level(score: float) -> str:
    level = UKOR_LEVELS[0][1]
    for bound, key in UKOR_LEVELS:
        if score >= bound:
            level = key
    return level


@dataclass(frozen=True)
class UkorComparison:
    """The outcome of :func:`compare_ukor`.

    Attributes
    ----------
    themes : DataFrame
        Index ``theme``: ``self_score`` and ``client_score`` (0–100), ``gap`` (self − client,
        points), ``n_clients`` (key clients who answered), ``verdict`` (``overrated``: we rate
        ourselves at least ``threshold`` points higher than the key clients do;
        ``underrated``: the reverse; ``agreed``).
    self_score, client_score : float
        Overall 0–100 scores (mean over the themes both sides answered).
    self_level, client_level : str
        ``spontaneous`` / ``regulated`` / ``cultural`` (the cut-offs of :func:`workbench.ukor`).
    n_clients : int
    threshold : float
        Points from which a difference reads as over- or underrating.
    """

    themes: pd.DataFrame
    self_score: float
    client_score: float
    self_level: str
    client_level: str
    n_clients: int
    threshold: float = 15.0

    def describe(self, language: str | None = None) -> str:
        """Both scores and levels, the themes where we overrate ourselves and where the key
        clients rate us higher."""
        from workbench.i18n import check_language, t
        from workbench.narrative._format import listing, number, quantity, quote

        lang = check_language(language)

        def themes(verdict: str) -> str:
            keys = [k for k, v in self.themes["verdict"].items() if v == verdict]
            return listing([quote(t(f"ukor.theme.{k}", lang), lang) for k in keys], lang) \
                if keys else t("ukor.none", lang)

        return t("ukorc.summary", lang, self_score=number(self.self_score, 0, lang),
                 self_level=t(f"ukor.level.{self.self_level}", lang),
                 client_score=number(self.client_score, 0, lang),
                 n=number(self.n_clients, 0, lang),
                 client_level=t(f"ukor.level.{self.client_level}", lang),
                 threshold=quantity(self.threshold, "point", lang),
                 overrated=themes("overrated"), underrated=themes("underrated"))


def compare_ukor(
    self_assessment: UkorResult | Mapping | pd.Series | pd.DataFrame,
    key_clients: Mapping | pd.Series | pd.DataFrame,
    *,
    scale: tuple[float, float] = (0, 4),
    threshold: float = 15.0,
) -> UkorComparison:
    """Compare the firm's УКОР self-assessment with the key clients' view, theme by theme.

    Parameters
    ----------
    self_assessment : UkorResult, dict, Series or DataFrame
        The result of :func:`workbench.ukor`, or its answers (passed to it).
    key_clients : dict, Series or DataFrame
        The key clients' answers to :data:`KEY_CLIENT_QUESTIONS`: one row per key client, one
        column per theme key (``expectations`` ... ``key_clients``), on ``scale``; a blank is
        "no opinion". A dict or Series is one client.
    scale : (low, high), default (0, 4)
        The key clients' answer scale.
    threshold : float, default 15
        Points (of 100) from which a difference reads as over- or underrating.

    Returns
    -------
    UkorComparison

    Examples
    --------
    >>> from workbench.offers import UKOR_QUESTIONS
    >>> own = {q: 3 for q in UKOR_QUESTIONS}
    >>> clients = pd.DataFrame([{k: 1 for k in KEY_CLIENT_QUESTIONS}])
    >>> res = compare_ukor(own, clients)
    >>> res.self_score, res.client_score, res.themes["verdict"].unique().tolist()
    (75.0, 25.0, ['overrated'])
    """
    own = self_assessment if isinstance(self_assessment, UkorResult) else ukor(
        self_assessment, partial=True)
    if isinstance(key_clients, pd.DataFrame):
        frame = key_clients
    elif isinstance(key_clients, Mapping | pd.Series):
        frame = pd.DataFrame([dict(key_clients)])
    else:
        raise WorkbenchError("key_clients must be a DataFrame (one row per key client) or a "
                             f"dict; got {type(key_clients).__name__}")
    frame = frame[[c for c in frame.columns if c not in ("client", "customer_id", "name")]]
    unknown = [str(c) for c in frame.columns if c not in KEY_CLIENT_QUESTIONS]
    if unknown:
        raise WorkbenchError(f"compare_ukor: unknown theme(s) {unknown}; the key clients' "
                             f"questions are {', '.join(KEY_CLIENT_QUESTIONS)}")
    lo, hi = float(scale[0]), float(scale[1])
    values = frame.apply(pd.to_numeric, errors="coerce").astype("float64")
    bad = (values < lo) | (values > hi) | (values.isna() & frame.notna()
                                           & (frame.astype(str).apply(lambda s: s.str.strip()) != ""))
    if bad.to_numpy().any():
        r, c = np.argwhere(bad.to_numpy())[0]
        raise WorkbenchError(f"compare_ukor: answer {frame.iat[r, c]!r} to {values.columns[c]!r} "
                             f"(row {frame.index[r]!r}) must be a number within {lo:g}..{hi:g}")
    client = ((values - lo) / (hi - lo) * 100.0).reindex(columns=list(KEY_CLIENT_QUESTIONS))
    themes = pd.DataFrame(index=pd.Index(list(KEY_CLIENT_QUESTIONS), name="theme"))
    themes["self_score"] = own.themes["score"].reindex(themes.index)
    themes["client_score"] = client.mean(axis=0)
    themes["gap"] = themes["self_score"] - themes["client_score"]
    themes["n_clients"] = client.notna().sum(axis=0).astype("int64")
    gap = themes["gap"]
    themes["verdict"] = np.where(gap >= threshold, "overrated",
                                 np.where(gap <= -threshold, "underrated", "agreed"))
    themes.loc[gap.isna(), "verdict"] = pd.NA
    both = themes.dropna(subset=["self_score", "client_score"])
    if both.empty:
        raise WorkbenchError("compare_ukor: no theme was answered by both sides")
    s, c = float(both["self_score"].mean()), float(both["client_score"].mean())
    return UkorComparison(themes, s, c, _level(s), _level(c), int(client.notna().any(axis=1).sum()),
                          float(threshold))


def format_ukor_comparison(comparison: UkorComparison, language: str | None = None) -> pd.DataFrame:
    """Return the comparison as a display table in ``language``."""
    from workbench.i18n import check_language, t

    lang = check_language(language)
    th = comparison.themes
    return pd.DataFrame({
        t("ukorc.col.theme", lang): [t(f"ukor.theme.{k}", lang) for k in th.index],
        # whole points (0–100): no decimal mark to localise, blank where a side did not answer
        t("ukorc.col.self_score", lang): th["self_score"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.client_score", lang): th["client_score"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.gap", lang): th["gap"].round(0).astype("Int64").to_numpy(),
        t("ukorc.col.verdict", lang): ["" if pd.isna(v) else t(f"ukorc.verdict.{v}", lang)
                                       for v in th["verdict"]],
    })


def key_client_questionnaire(language: str | None = None, out: str | Path | None = None
                             ) -> str:
    """Return (and optionally write to ``out``) the short questionnaire for key clients.

    One statement per theme, answered 0–4; the answers go into :func:`compare_ukor` with the
    theme keys as columns. ``out`` may be a ``.txt`` or ``.html`` path.
    """
    import html as _html

    from workbench.i18n import check_language, t

    lang = check_language(language)
    lines = [t("ukorc.title", lang), "", t("ukorc.intro", lang), ""]
    scale = f"0 ({t('ukorc.scale.0', lang)}) · 1 · 2 · 3 · 4 ({t('ukorc.scale.4', lang)})"
    for i, k in enumerate(KEY_CLIENT_QUESTIONS, start=1):
        lines += [f"{i}. {t(f'ukorc.q.{k}', lang)}", f"   {scale}", ""]
    text = "\n".join(lines).rstrip() + "\n"
    if out is not None:
        p = Path(out)
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.suffix.lower() in (".html", ".htm"):
            e = _html.escape
            items = "".join(f"<li>{e(t(f'ukorc.q.{k}', lang))}<br>☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4</li>"
                            for k in KEY_CLIENT_QUESTIONS)
            p.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
                         f"<title>{e(t('ukorc.title', lang))}</title></head><body>"
                         f"<h1>{e(t('ukorc.title', lang))}</h1><p>{e(t('ukorc.intro', lang))}</p>"
                         f"<ol>{items}</ol></body></html>", encoding="utf-8")
        else:
            p.write_text(text, encoding="utf-8")
    return text


def load_key_client_answers(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read the key clients' answers: one row per client, one column per statement.

    Parameters
    ----------
    source : str, Path or DataFrame
        CSV/XLSX with an optional client column (``client``, ``customer_id``, ``клиент``) and
        one column per theme, headed by the theme key (``expectations`` ...), the theme's name
        or the statement's text, in Russian or English.

    Returns
    -------
    DataFrame
        ``client`` (string) and the theme keys of :data:`KEY_CLIENT_QUESTIONS` found, as
        numbers (blank = no opinion); ready for :func:`compare_ukor`.
    """
    from workbench.i18n import LANGUAGES, t
    from workbench.io._mapping import normalise_header
    from workbench.io._parse import parse_text
    from workbench.io._read import read_source

    raw = read_source(source)
    lookup = {}
    for k in KEY_CLIENT_QUESTIONS:
        lookup[normalise_header(k)] = k
        for lang in LANGUAGES:
            lookup[normalise_header(t(f"ukorc.q.{k}", lang))] = k
            lookup[normalise_header(t(f"ukor.theme.{k}", lang))] = k
    client_names = {"client", "customer id", "customer", "клиент", "код клиента"}
    out = pd.DataFrame(index=range(raw.n_rows))
    for name in raw.names:
        n = normalise_header(name)
        if n in client_names and "client" not in out:
            out["client"] = parse_text(raw.columns[name])[0]
        elif n in lookup and lookup[n] not in out:
            text = parse_text(raw.columns[name])[0]
            out[lookup[n]] = pd.to_numeric(pd.Series(text, dtype="object").str.replace(
                ",", ".", regex=False), errors="coerce").to_numpy()
    themes = [k for k in KEY_CLIENT_QUESTIONS if k in out]
    if not themes:
        raise WorkbenchError(
            f"{getattr(raw, 'source', 'DataFrame')}: no key-client УКОР column found; head the "
            f"columns with the theme keys ({', '.join(KEY_CLIENT_QUESTIONS)}) or the statements")
    return out[(["client"] if "client" in out else []) + themes]

"""УКОР from the key client's side, compared with the firm's self-assessment.

The seeds' last word on client orientation is that only the key client's opinion decides
whether a company is client-oriented. :data:`KEY_CLIENT_QUESTIONS` asks key clients one short
statement per theme of the self-assessment (:data:`workbench.offers.UKOR_QUESTIONS`), on the
same 0–4 scale, so that :func:`compare_ukor` can set the two views side by side, theme by
theme. The sentence, the display table and the questionnaire's text are in the text layer
(:func:`workbench.describe_ukor_comparison`, :func:`workbench.format_ukor_comparison`,
:func:`workbench.key_client_questionnaire`).
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


def load_key_client_answers(source: str | Path | pd.DataFrame,
                            headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read the key clients' answers: one row per client, one column per statement.

    Parameters
    ----------
    source : str, Path or DataFrame
        CSV/XLSX with an optional client column (``client``, ``customer_id``, ``клиент``) and
        one column per theme, headed by the theme key (``expectations`` ...).
    headers : mapping of str -> str, optional
        More column headers that name a theme: header text -> theme key.
        :func:`workbench.load_key_client_answers` passes the themes' names and the statements'
        texts in Russian and English, so that a form tool's export is read as it came.

    Returns
    -------
    DataFrame
        ``client`` (string) and the theme keys of :data:`KEY_CLIENT_QUESTIONS` found, as
        numbers (blank = no opinion); ready for :func:`compare_ukor`.
    """
    from workbench.io._mapping import normalise_header
    from workbench.io._parse import parse_text
    from workbench.io._read import read_source

    raw = read_source(source)
    lookup = {normalise_header(k): k for k in KEY_CLIENT_QUESTIONS}
    for text, k in (headers or {}).items():
        if k not in KEY_CLIENT_QUESTIONS:
            raise WorkbenchError(f"headers: {k!r} is not a theme ({', '.join(KEY_CLIENT_QUESTIONS)})")
        lookup.setdefault(normalise_header(text), k)
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

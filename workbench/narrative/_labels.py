"""Labels of the keys that step 4 computes: features, rungs, segments, criteria, clusters.

The computation (:mod:`workbench.segmentation`) returns keys (``recency_days``, ``regular``,
``champions``, ``AX``, a cluster's traits ``recency_low+frequency_high``); these functions give
them their names in the audience's language. Keys without a catalogue entry are shown as they
are, so a caller's own segment names pass through unchanged.
"""

from __future__ import annotations

import pandas as pd

from workbench.i18n import check_language, has, t

__all__ = (
    "cluster_label",
    "criterion_label",
    "criterion_value_label",
    "feature_label",
    "rung_label",
    "value_label",
)


def feature_label(name: str, language: str | None = None) -> str:
    """Display name of a customer feature (``recency_days`` -> "Days since last purchase")."""
    key = f"rfm.{name}"
    return t(key, check_language(language)) if has(key) else name


def rung_label(rung: str, language: str | None = None) -> str:
    """Display name of a ladder rung."""
    key = f"ladder.rung.{rung}"
    return t(key, check_language(language)) if has(key) else rung


def cluster_label(key: object, language: str | None = None) -> str:
    """Name a cluster from its trait key (:attr:`workbench.Segmenter.segment_keys_`).

    A key is the segment's one or two strongest traits joined by ``+`` (``recency_low``,
    ``frequency_high``; ``high_feature:x`` for a feature of no known kind; ``average`` when no
    feature stands out), with ``#2``, ``#3`` … when two segments share the traits.

    Examples
    --------
    >>> cluster_label("recency_low+frequency_high", "en")
    'Recent frequent'
    >>> cluster_label("recency_low+frequency_high#2", "ru")
    'Недавние частые (2)'
    >>> cluster_label("Big", "en")
    'Big'
    """
    language = check_language(language)
    text = str(key)
    base, _, number = text.rpartition("#")
    if not number.isdigit():
        base, number = text, ""
    words = []
    for trait in base.split("+"):
        side, _, feature = trait.partition(":")
        if feature and side in ("high_feature", "low_feature"):
            words.append(t(f"seg.word.{side}", language, feature=feature))
        elif has(f"seg.word.{trait}"):
            words.append(t(f"seg.word.{trait}", language))
        else:
            return text  # not a trait key: a caller's own name
    name = " ".join(w.lower() if i else w for i, w in enumerate(words))
    name = name[:1].upper() + name[1:]
    return f"{name} ({number})" if number else name


def value_label(column: str, value: object, language: str | None = None) -> str:
    """Display name of a segment value of one of the step-4 criteria columns."""
    language = check_language(language)
    text = str(value)
    if column == "cluster":
        return cluster_label(text, language)
    prefixes = {"rung": "ladder.rung.", "rfm_segment": "rfm.segment.", "segment": "rfm.segment.",
                "strategy": "strategy.", "profit_group": "ladder.profit."}
    prefix = prefixes.get(column)
    if prefix and has(prefix + text):
        return t(prefix + text, language)
    return text


def _base(column: str) -> str:
    """``cell_profit`` -> ``cell``: an extra criterion named after a known one reads like it."""
    return column.split("_")[0] if column != "rfm_segment" else column


def criterion_label(name: str, language: str | None = None) -> str:
    """Display name of a criterion of :func:`workbench.segment_criteria` (``rung`` -> "Ladder rung")."""
    key = f"crit.{name}"
    return t(key, check_language(language)) if has(key) else name


def criterion_value_label(column: str, value: object, language: str | None = None) -> str:
    """Display name of one value of a criterion column (``cell_profit`` reads like ``cell``)."""
    base = _base(column)
    return value_label("segment" if base == "rfm_segment" else base, value, language)


def label_index(index: pd.Index, column: str, language: str) -> pd.Index:
    """An index of criterion values, translated and named after its criterion."""
    return pd.Index([criterion_value_label(column, v, language) for v in index],
                    name=criterion_label(column, language))

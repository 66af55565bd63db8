"""One catalogue for every text a workshop audience sees, in Russian and English.

Widget labels, plot titles and axes, table headers in reports, generated prose and the Excel
deliverable all take their text from here, through :func:`t`. Keys are stable English
identifiers (``"rfm.recency_days"``); values are ``{"en": ..., "ru": ...}``.

The catalogue is assembled from the ``MESSAGES`` dicts of the modules in ``workbench._i18n``
(one per area of the package) so that areas can grow independently; a key may be defined in
only one of them (checked at import time).

Examples
--------
>>> from workbench.i18n import t
>>> t("common.customers", "ru")
'Клиенты'
>>> t("common.missing_data", "en", table="survey", file="survey.csv", folder="data")[:26]
'This step needs the survey'
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping

from workbench._context import (  # the client's currency and language: facts, not texts
    LANGUAGES,
    check_language,
    get_currency,
    get_language,
    set_currency,
    set_language,
)

__all__ = (
    "LANGUAGES",
    "catalogue",
    "check_language",
    "get_currency",
    "get_language",
    "has",
    "labels",
    "set_currency",
    "set_language",
    "t",
)


def _load_catalogue() -> dict[str, dict[str, str]]:
    from workbench import _i18n

    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(_i18n.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"workbench._i18n.{info.name}")
        for key, texts in getattr(module, "MESSAGES", {}).items():
            if key in merged:
                raise RuntimeError(
                    f"i18n key {key!r} defined twice: in {origin[key]} and {info.name}"
                )
            merged[key] = dict(texts)
            origin[key] = info.name
    return merged


_CATALOGUE = _load_catalogue()


def catalogue() -> dict[str, dict[str, str]]:
    """Return a copy of the whole catalogue (key -> {language: text})."""
    return {k: dict(v) for k, v in _CATALOGUE.items()}


def has(key: str) -> bool:
    """Return True if ``key`` is in the catalogue."""
    return key in _CATALOGUE


def t(key: str, language: str | None = None, /, **fmt: object) -> str:
    """Translate ``key`` into ``language`` and fill ``{placeholders}`` from ``fmt``.

    Parameters
    ----------
    key : str
        Catalogue key, e.g. ``"rfm.recency_days"``.
    language : {"en", "ru"}, optional
        Defaults to the language set with :func:`set_language` (``"en"``).
    **fmt
        Values for ``str.format`` placeholders in the text.

    Raises
    ------
    KeyError
        If the key is not in the catalogue (a programming error, not a user error).
    """
    lang = check_language(language)
    try:
        text = _CATALOGUE[key][lang]
    except KeyError:
        raise KeyError(f"i18n key {key!r} has no {lang!r} text in the catalogue") from None
    return text.format(**fmt) if fmt else text


def labels(keys: Iterable[str], language: str | None = None, prefix: str = "") -> dict[str, str]:
    """Map each key (optionally ``prefix + key``) to its text; unknown keys map to themselves.

    Handy to rename DataFrame columns or categorical values for display::

        frame.rename(columns=labels(frame.columns, "ru", prefix="rfm."))
    """
    out = {}
    for k in keys:
        full = f"{prefix}{k}"
        out[k] = t(full, language) if full in _CATALOGUE else k
    return out


def translate_frame(frame, language: str | None = None, prefix: str = "", values: Mapping | None = None):
    """Return a copy of ``frame`` with column names translated (see :func:`labels`)."""
    out = frame.rename(columns=labels([str(c) for c in frame.columns], language, prefix))
    return out

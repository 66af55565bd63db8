"""The client in hand: facts of the loaded folder that every later display uses.

The currency: :func:`workbench.load_folder` makes the folder's workshop currency the current
one, and the text layer shows money with it (:func:`workbench.i18n.set_currency` and
:func:`workbench.i18n.get_currency` are these functions). It is a fact of the client's data, not
a text, so the loaders may set it without depending on the text layer.

The language: the codes the workbench speaks (:data:`LANGUAGES`), the default one and
:func:`check_language`, so that computation modules that take a ``language=`` argument (a
questionnaire spec, a survey reader) validate it without importing the catalogue.
:func:`workbench.i18n.check_language`, :func:`workbench.i18n.set_language` and
:func:`workbench.i18n.get_language` are these functions.
"""

from __future__ import annotations

from workbench.errors import WorkbenchError

__all__ = (
    "LANGUAGES",
    "check_language",
    "get_currency",
    "get_language",
    "set_currency",
    "set_language",
)

#: The languages of the catalogue and of every text the workbench writes.
LANGUAGES: tuple[str, ...] = ("en", "ru")

_current: dict[str, str | None] = {"currency": None, "language": "en"}


def set_currency(currency: str | None) -> None:
    """Set the client's currency, shown with money amounts (``"RUB"``, ``"USD"``, ``"EUR"`` …).

    ``None`` (the default) shows amounts without a currency sign. Codes the formatter knows are
    listed in :data:`workbench.narrative.CURRENCIES`; any other text is put after the amount.
    """
    if currency is not None and not str(currency).strip():
        raise WorkbenchError(f"currency must be a currency code such as 'RUB' or None; got {currency!r}")
    _current["currency"] = None if currency is None else str(currency).strip()


def get_currency() -> str | None:
    """Return the client's currency set with :func:`set_currency` (``None``: none set)."""
    return _current["currency"]


def check_language(language: str | None) -> str:
    """Validate a language code and return it (``None`` means the current default).

    Examples
    --------
    >>> check_language("RU ")
    'ru'
    """
    if language is None:
        return str(_current["language"])
    lang = str(language).lower().strip()
    if lang not in LANGUAGES:
        raise WorkbenchError(
            f"language must be one of {', '.join(LANGUAGES)}; got {language!r}"
        )
    return lang


def set_language(language: str) -> None:
    """Set the default language used when ``language=None`` is passed."""
    _current["language"] = check_language(language)


def get_language() -> str:
    """Return the default language."""
    return str(_current["language"])

"""The client in hand: facts of the loaded folder that every later display uses.

Only the currency today: :func:`workbench.load_folder` makes the folder's workshop currency the
current one, and the text layer shows money with it (:func:`workbench.i18n.set_currency` and
:func:`workbench.i18n.get_currency` are these functions). It is a fact of the client's data, not
a text, so the loaders may set it without depending on the text layer.
"""

from __future__ import annotations

from workbench.errors import WorkbenchError

__all__ = ("get_currency", "set_currency")

_current: dict[str, str | None] = {"currency": None}


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

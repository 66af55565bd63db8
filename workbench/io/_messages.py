"""What a loader has to say, as data: a catalogue code and its values, never a sentence.

A loader records its warnings, the reasons it rejects rows and the reasons it blanks values as
:class:`Note` records (``code``, ``params``); the sentences and the rendered load report live in
the text layer (``workbench.narrative``), which says a note in any language.

So that ``print(note)``, ``str(report)`` and a displayed ``report.rejected`` still read as
sentences, the text layer registers itself here when it is imported (``import workbench``
does): :func:`text_layer` hands it to the few forwarding methods of the reports. The loaders
themselves never call it.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

__all__ = ("Note", "note", "register_text_layer", "text_layer")

_LAYER: list[Any] = []


def register_text_layer(layer: ModuleType | Any) -> None:
    """Register the object that says notes and reports (``render_note``, ``load_summary`` ...)."""
    _LAYER[:] = [layer]


def text_layer() -> Any:
    """The registered text layer (``workbench.narrative._load``)."""
    if not _LAYER:
        raise RuntimeError("the text layer is not loaded: import workbench to read load reports")
    return _LAYER[0]


def _frozen(value: object) -> object:
    if isinstance(value, Note):
        return value
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    return value


class Note:
    """A catalogue code (``load.warn.*``, ``load.reason.*``, ``load.malformed.*``) and its values.

    Parameters
    ----------
    code : str
        The catalogue key of the sentence.
    **params
        Its values: numbers, texts quoted from the file, format codes, or other notes.

    Notes
    -----
    Two notes are equal when their codes and values are; ``str(note)`` is the sentence in the
    current language, :meth:`text` in a given one (both through the text layer).
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        object.__setattr__(self, "code", str(code))
        object.__setattr__(self, "params", dict(params))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Note is read-only")

    @property
    def key(self) -> str:
        """The catalogue code (the name of older versions)."""
        return self.code

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Note) and other.code == self.code
                and _frozen(other.params) == _frozen(self.params))

    def __hash__(self) -> int:
        try:
            return hash((self.code, _frozen(self.params)))
        except TypeError:  # an unhashable value: equal notes still hash alike by their code
            return hash(self.code)

    def __reduce__(self):
        return (_rebuild, (self.code, self.params))

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Note({self.code!r}{args})"

    def __str__(self) -> str:
        return self.text()

    def text(self, language: str | None = None) -> str:
        """The sentence in ``language`` (default: the current language)."""
        return text_layer().render_note(self, language)


def _rebuild(code: str, params: dict) -> Note:
    return Note(code, **params)


def note(code: str, /, **params: object) -> Note:
    """A :class:`Note` for ``code`` with its values."""
    return Note(code, **params)

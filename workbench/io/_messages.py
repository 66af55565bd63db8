"""Sentences of a load report that can be read again in the other language.

A loader writes its warnings and broken-line reasons while it reads, in the language current at
that moment. Each is a :class:`Note`: a ``str`` (so lists of warnings stay lists of text) that
remembers its catalogue key and values, so that :meth:`LoadReport.summary` can say it in the
language the report is shown in.
"""

from __future__ import annotations

from workbench.i18n import t

__all__ = ("Note", "note", "say")


class Note(str):
    """A catalogue sentence: the text in the language at creation, plus its key and values."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params: object) -> Note:
        obj = super().__new__(cls, t(key, None, **{k: say(v) for k, v in params.items()}))
        obj.key = key
        obj.params = params
        return obj

    def __reduce__(self):
        return (_rebuild, (str(self), self.key, self.params))

    def text(self, language: str | None = None) -> str:
        """The sentence in ``language`` (default: the current language)."""
        return t(self.key, language, **{k: say(v, language) for k, v in self.params.items()})


def _rebuild(text: str, key: str, params: dict) -> Note:
    obj = str.__new__(Note, text)
    obj.key, obj.params = key, params
    return obj


def note(key: str, /, **params: object) -> Note:
    """A :class:`Note` for ``key`` (``load.warn.*``, ``load.malformed.*``) with its values."""
    return Note(key, **params)


def say(message: object, language: str | None = None) -> object:
    """``message`` in ``language`` when it is a :class:`Note` (a tuple of them: joined with
    commas), else unchanged."""
    if isinstance(message, tuple):
        return ", ".join(str(say(m, language)) for m in message)
    return message.text(language) if isinstance(message, Note) else message

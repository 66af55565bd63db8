"""Public names imported on first use (PEP 562), so that ``import workbench`` stays quick.

scikit-learn (with scipy behind it) takes seconds to import; a package re-exports the classes
built on it (:class:`~workbench.ChurnModel`, :class:`~workbench.Segmenter`) through
:func:`lazy_exports`, and the import happens when the name is first looked up. ``from
workbench import ChurnModel``, ``workbench.ChurnModel``, ``dir()`` and ``__all__`` behave as
with an eager import; a pickle names the defining module, so saved objects load as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a module's ``__getattr__`` and ``__dir__`` for names imported on first use.

    Parameters
    ----------
    package : str
        The module's ``__name__`` (for the error message).
    namespace : dict
        The module's ``globals()``: a name, once imported, is stored there, so the next look-up
        is an ordinary attribute access.
    exports : mapping of str -> str
        Name -> the module defining it.
    public : iterable of str
        The module's ``__all__`` (listed by ``dir()`` with the module's globals).
    """
    names = tuple(public)

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names) | set(exports))

    return __getattr__, __dir__

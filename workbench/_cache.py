"""A cache shared by the kernels of one ``workbench run``: the folder loaded once, models fit once.

``workbench run`` executes every step notebook in its own kernel; each of them loads the
client's folder and several fit the same churn model. When the environment variable
:data:`CACHE_ENV` names a folder (the runner sets it to ``OUT/.cache``), :func:`workbench.load_folder`
and :meth:`workbench.ChurnModel.fit` keep their results there as pickles, keyed on everything
the result depends on:

- a folder load: the folder's files (name, size, modification time), the mapping, the loader
  options and a digest of the pseudonymisation key; not the language: the load reports hold
  catalogue codes and their values, said in the reader's language when shown, so one cached
  load serves both languages;
- a fit: the model's parameters and the content of every table passed (a digest of the column
  buffers, not of the file it came from), the observation end and the column mapping;
- a value model (:func:`workbench.value.customer_value`'s BG/NBD and Gamma-Gamma fits, and
  :func:`workbench.retention_value`'s back-test; see :func:`cached`): every argument, tables
  by content;
- both: the workbench's own code (version, and name/size/modification time of every module),
  so that an edited or upgraded workbench never reads an older result.

A changed file, setting or argument gives another key, hence a fresh computation; a result
that cannot be read back (truncated, another pickle format) counts as absent. Without the
environment variable nothing is cached. Two kernels asking for the same key at once compute it
once: the second waits on a lock file and then reads the result.

:func:`workbench.load_folder`, :meth:`workbench.ChurnModel.fit`,
:func:`workbench.value.customer_value` and :func:`workbench.retention_value` go through it.

The pickles are written by this workbench for this run and hold the client's data; they are
only ever read back from the run's own output folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import pickle
import struct
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = (
    "CACHE_ENV",
    "Uncacheable",
    "cache_dir",
    "cached",
    "fingerprint",
    "folder_key",
    "memo",
    "prune",
)

#: Environment variable naming the cache folder (set by ``workbench run`` for its kernels).
CACHE_ENV = "WORKBENCH_CACHE_DIR"

_MISS = object()


class Uncacheable(TypeError):
    """An argument whose content cannot be digested (the call then runs uncached)."""


def cache_dir() -> Path | None:
    """The cache folder named by :data:`CACHE_ENV`, or ``None`` (no caching)."""
    value = os.environ.get(CACHE_ENV, "").strip()
    return Path(value) if value else None


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Digest of the workbench's version and of every module's name, size and mtime."""
    import workbench

    root = Path(workbench.__file__).parent
    h = hashlib.blake2b(digest_size=16)
    h.update(str(getattr(workbench, "__version__", "")).encode())
    for path in sorted(root.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(root).as_posix()}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


# -- digests of arguments ------------------------------------------------------------------
def _feed_array(h: Any, values: Any) -> None:
    """Digest one column's values (numpy buffer, Arrow buffers, or pandas' row hashes)."""
    if isinstance(values, np.ndarray) and values.dtype != object:
        h.update(str(values.dtype).encode())
        h.update(struct.pack("<q", values.size))
        h.update(memoryview(np.ascontiguousarray(values)).cast("B"))
        return
    pa_array = getattr(values, "_pa_array", None)  # pandas' Arrow-backed arrays
    if pa_array is not None and _feed_arrow(h, pa_array):
        return
    series = pd.Series(values, copy=False)
    h.update(str(series.dtype).encode())
    h.update(struct.pack("<q", len(series)))
    hashed = pd.util.hash_pandas_object(series, index=False).to_numpy()
    h.update(memoryview(np.ascontiguousarray(hashed)).cast("B"))


def _feed_arrow(h: Any, chunked: Any) -> bool:
    """Digest an Arrow column by its values, whatever its chunks, offsets and buffer slack.

    Returns False for a type not handled here (the caller falls back to pandas' hashes).
    """
    import pyarrow as pa

    typ = chunked.type
    string_like = pa.types.is_string(typ) or pa.types.is_large_string(typ) or \
        pa.types.is_binary(typ) or pa.types.is_large_binary(typ)
    primitive = pa.types.is_integer(typ) or pa.types.is_floating(typ) or \
        pa.types.is_boolean(typ) or pa.types.is_temporal(typ)
    if not (string_like or primitive):
        return False
    h.update(f"arrow:{typ}:{len(chunked)};".encode())
    for arr in chunked.chunks:  # chunk boundaries are hashed away: only values count
        if arr.null_count:
            h.update(b"nulls")
            mask = arr.is_null().to_numpy(zero_copy_only=False)
            h.update(memoryview(np.ascontiguousarray(mask)).cast("B"))
        if string_like:
            wide = pa.types.is_large_string(typ) or pa.types.is_large_binary(typ)
            offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64 if wide else np.int32)
            offsets = offsets[arr.offset: arr.offset + len(arr) + 1].astype(np.int64)
            data = arr.buffers()[2]
            h.update(memoryview(offsets - offsets[0]).cast("B"))
            if data is not None and len(arr):
                h.update(memoryview(data)[int(offsets[0]): int(offsets[-1])])
        else:
            numbers = arr.fill_null(0) if arr.null_count else arr
            h.update(memoryview(np.ascontiguousarray(
                numbers.to_numpy(zero_copy_only=False))).cast("B"))
    return True


def _feed(h: Any, obj: Any) -> None:
    if obj is None or isinstance(obj, (bool, int, float, complex, str, bytes)):
        h.update(f"{type(obj).__name__}:{obj!r};".encode())
    elif isinstance(obj, pd.DataFrame):
        h.update(b"DataFrame")
        _feed(h, list(map(str, obj.columns)))
        _feed(h, obj.index)
        for i in range(obj.shape[1]):
            _feed_array(h, obj.iloc[:, i].array)
        _feed(h, dict(obj.attrs))
    elif isinstance(obj, pd.Series):
        h.update(b"Series")
        _feed(h, str(obj.name))
        _feed(h, obj.index)
        _feed_array(h, obj.array)
    elif isinstance(obj, pd.MultiIndex):
        h.update(b"MultiIndex")
        _feed(h, list(map(str, obj.names)))
        for level in range(obj.nlevels):
            _feed_array(h, obj.get_level_values(level).array)
    elif isinstance(obj, pd.Index):
        h.update(b"Index")
        _feed(h, str(obj.name))
        if isinstance(obj, pd.RangeIndex):
            _feed(h, (obj.start, obj.stop, obj.step))
        else:
            _feed_array(h, obj.array)
    elif isinstance(obj, np.ndarray):
        _feed_array(h, obj)
    elif isinstance(obj, (pd.Timestamp, pd.Timedelta, np.generic, Path)):
        h.update(f"{type(obj).__name__}:{obj!r};".encode())
    elif isinstance(obj, Mapping):
        h.update(f"{type(obj).__name__}{{".encode())
        for key in sorted(obj, key=repr):
            _feed(h, key)
            _feed(h, obj[key])
        h.update(b"}")
    elif isinstance(obj, (list, tuple, set, frozenset)):
        items = sorted(obj, key=repr) if isinstance(obj, (set, frozenset)) else obj
        h.update(f"{type(obj).__name__}[".encode())
        for item in items:
            _feed(h, item)
        h.update(b"]")
    else:
        tables = getattr(obj, "tables", None)
        if isinstance(tables, Mapping):  # a client folder: its tables and workshop answers
            h.update(b"Folder")
            _feed(h, dict(tables))
            _feed(h, getattr(obj, "workshop", None))
            return
        try:
            blob = pickle.dumps(obj, protocol=5)
        except Exception as exc:  # noqa: BLE001 - anything unpicklable is simply not cached
            raise Uncacheable(f"cannot digest a {type(obj).__name__}") from exc
        h.update(type(obj).__qualname__.encode())
        h.update(hashlib.blake2b(blob, digest_size=16).digest())


def fingerprint(*parts: Any) -> str:
    """Hex digest of ``parts`` (frames by content) plus the workbench's code.

    Raises
    ------
    Uncacheable
        When a part can be neither digested nor pickled.
    """
    h = hashlib.blake2b(digest_size=20)
    h.update(code_fingerprint().encode())
    for part in parts:
        _feed(h, part)
    return h.hexdigest()


def folder_key(path: str | os.PathLike, mapping: Any, pseudonymize_key: Any,
               options: Mapping[str, Any], language: str | None = None) -> str:
    """The key of one :func:`workbench.load_folder` call (files by name, size and mtime).

    ``language`` joins the key when given; :func:`workbench.load_folder` gives none, because
    its result does not depend on the language (the load reports' warnings and reasons are
    catalogue codes, said in the reader's language when shown).
    """
    folder = Path(path).expanduser().resolve()
    if not folder.is_dir():
        raise Uncacheable(f"not a folder: {folder.name}")
    listing = []
    for entry in sorted(folder.iterdir()):
        if entry.is_file():
            st = entry.stat()
            listing.append((entry.name, st.st_size, st.st_mtime_ns))
    mapping_part: Any = mapping
    if isinstance(mapping, (str, os.PathLike)):
        mp = Path(mapping).expanduser().resolve()
        st = mp.stat() if mp.is_file() else None
        mapping_part = (str(mp), st.st_size if st else None, st.st_mtime_ns if st else None)
    secret = None
    if pseudonymize_key is not None:  # never the key itself: a keyed digest of a constant
        raw = pseudonymize_key.encode() if isinstance(pseudonymize_key, str) else pseudonymize_key
        secret = hmac.new(raw, b"workbench run cache", "sha256").hexdigest()
    # the path as given too: the folder's tables and files carry that spelling
    return fingerprint("load_folder", str(path), str(folder), listing, mapping_part, secret,
                       dict(options), language)


# -- the store -----------------------------------------------------------------------------
@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` + ``.lock`` (POSIX); elsewhere no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: at worst both kernels compute
        yield
        return
    lock = path.with_name(path.name + ".lock")
    with open(lock, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read(path: Path) -> Any:
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)
    except FileNotFoundError:
        return _MISS
    except Exception:  # noqa: BLE001 - truncated or foreign pickle: recompute
        return _MISS
    with contextlib.suppress(OSError):
        os.utime(path)  # used in this run (see prune)
    return value


def _write(path: Path, value: Any) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=5)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def memo(kind: str, key: Callable[[], str] | str, compute: Callable[[], Any]) -> Any:
    """Return ``compute()``, read from / written to the cache folder when there is one.

    Parameters
    ----------
    kind : str
        What is cached (part of the file name, e.g. ``"folder"``, ``"churn-fit"``).
    key : str or callable
        The key, or a function returning it (only called when caching is on); a key function
        that raises :class:`Uncacheable` makes the call run uncached.
    compute : callable
        Computes the value (called at most once per key while another kernel waits).
    """
    folder = cache_dir()
    if folder is None:
        return compute()
    try:
        key = key() if callable(key) else key
    except Uncacheable:
        return compute()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-{key}.pkl"
    with _locked(path):
        value = _read(path)
        if value is not _MISS:
            return value
        value = compute()
        _write(path, value)
    return value


def cached(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a pure function so that :func:`memo` keeps its result, keyed on every argument.

    The key is :func:`fingerprint` of the function's name and its bound arguments (defaults
    filled in, tables by content), so a call with the same data and settings in another
    kernel of the run reads the result back, and any other argument computes afresh. An
    argument that cannot be digested makes the call run uncached. The undecorated function is
    ``__wrapped__`` (what is called on a miss).
    """
    import inspect

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(fn)
        name = f"{fn.__module__}.{fn.__qualname__}"

        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            if cache_dir() is None:
                return fn(*args, **kwargs)

            def key() -> str:
                bound = signature.bind(*args, **kwargs)
                bound.apply_defaults()
                return fingerprint(kind, name, dict(bound.arguments))

            return memo(kind, key, lambda: inner.__wrapped__(*args, **kwargs))

        return inner

    return wrap


def prune(folder: str | os.PathLike, used_since: float) -> list[Path]:
    """Delete the cache entries of ``folder`` not read or written since ``used_since``."""
    removed = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.suffix in (".pkl", ".lock", ".tmp") and path.stat().st_mtime < used_since:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed

"""Where the per-client aggregation runs: numpy, DuckDB (embedded, out-of-core) or Spark.

The per-client tables — the lifetimes-style summary (:func:`workbench.btyd_summary`), RFM
(:func:`workbench.rfm_table`), ABC-XYZ's per-period values (:func:`workbench.abc_xyz`) and the
loyalty-ladder inputs (:func:`workbench.loyalty_ladder`) — are defined once as SQL in
:mod:`workbench.engine.sql`. DuckDB runs that SQL on a pandas frame or directly on Parquet / CSV
files (spilling to disk past a memory limit); Spark runs the same text
(:func:`spark_client_tables`). For small logs a numpy implementation of the same aggregates is
faster than starting a query; ``engine="auto"`` picks it below :data:`DUCKDB_MIN_ROWS` rows. The
client-level results come back as the same pandas frames whichever engine computed them.

Examples
--------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
...                    "date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-01-05"]),
...                    "amount": [10.0, 30.0, 8.0]})
>>> tables = client_tables(tx, asof="2024-01-31", tables=("btyd",))
>>> tables["btyd"]  # doctest: +NORMALIZE_WHITESPACE
             frequency  recency     T  monetary_value
customer_id
a                  1.0     10.0  30.0            30.0
b                  0.0      0.0  26.0             0.0
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import pandas as pd

from workbench.errors import WorkbenchError

__all__ = (
    "CLIENT_TABLES",
    "DUCKDB_MIN_ROWS",
    "ENGINES",
    "ENGINE_ENV",
    "check_engine",
    "client_tables",
    "default_engine",
    "duckdb_source",
    "engine_source",
    "spark_client_tables",
    "use_engine",
)

#: Values of the analysis functions' ``engine=``.
ENGINES: tuple[str, ...] = ("auto", "pandas", "duckdb", "spark")

#: Environment variable with the engine ``engine="auto"`` stands for (``workbench run
#: --engine``; unset: by size, see :func:`use_engine`).
ENGINE_ENV = "WORKBENCH_ENGINE"

#: ``engine="auto"`` uses DuckDB from this many transaction rows on (numpy below): measured with
#: ``benchmarks/bench_aggregates.py``, where the two are level.
DUCKDB_MIN_ROWS: int = 200_000

#: Tables :func:`client_tables` can compute.
CLIENT_TABLES: tuple[str, ...] = ("btyd", "rfm", "abc_xyz", "ladder")


def check_engine(engine: str, allow_spark: bool = True) -> str:
    """Return ``engine`` if it is one of :data:`ENGINES`, else raise a clear error."""
    allowed = ENGINES if allow_spark else tuple(e for e in ENGINES if e != "spark")
    if engine not in allowed:
        raise WorkbenchError(
            f"engine must be one of {', '.join(map(repr, allowed))}; got {engine!r}"
        )
    return engine


def default_engine() -> str:
    """The engine ``engine="auto"`` stands for: :data:`ENGINE_ENV` if set, else ``"auto"``."""
    value = os.environ.get(ENGINE_ENV, "").strip()
    return check_engine(value) if value else "auto"


def use_engine(engine: str, tx: object) -> str:
    """Resolve ``engine=`` to ``"pandas"``, ``"duckdb"`` or ``"spark"`` for the table ``tx``.

    ``"auto"`` is the engine named by :data:`ENGINE_ENV` (``workbench run --engine``) when
    set, else DuckDB from :data:`DUCKDB_MIN_ROWS` transaction rows on and numpy below.
    """
    check_engine(engine)
    if engine == "auto":
        engine = default_engine()
    if engine != "auto":
        return engine
    n = len(tx) if isinstance(tx, pd.DataFrame) else 0
    return "duckdb" if n >= DUCKDB_MIN_ROWS else "pandas"


@contextmanager
def engine_source(engine: str, tx: Any, asof: object = None,
                  columns: Mapping[str, str] | None = None) -> Iterator[Any]:
    """Open the source of a resolved engine (``"duckdb"`` or ``"spark"``) over ``tx``.

    For Spark a pandas frame is handed to the active (or a new local) session first.
    """
    if engine == "duckdb":
        with duckdb_source(tx, asof, columns) as src:
            yield src
        return
    if engine != "spark":
        raise WorkbenchError(f"no engine source for {engine!r}")
    from workbench.engine._source import SparkSource

    src = SparkSource(tx, None, asof, columns)
    try:
        yield src
    finally:
        src.close()


@contextmanager
def duckdb_source(source: Any, asof: object = None, columns: Mapping[str, str] | None = None,
                  **config: Any) -> Iterator[Any]:
    """Open a DuckDB source over ``source`` (see :class:`workbench.engine._source.DuckDBSource`)."""
    from workbench.engine._source import DuckDBSource

    src = DuckDBSource(source, asof, columns, **config)
    try:
        yield src
    finally:
        src.close()


def _tables(src: Any, tables: Iterable[str], options: Mapping[str, Mapping[str, Any]]) -> dict:
    from workbench.segmentation.abc_xyz import abc_xyz_from_source
    from workbench.segmentation.btyd import btyd_from_source
    from workbench.segmentation.ladder import ladder_from_source
    from workbench.segmentation.rfm import rfm_from_source

    makers = {"btyd": btyd_from_source, "rfm": rfm_from_source,
              "abc_xyz": abc_xyz_from_source, "ladder": ladder_from_source}
    names = list(tables)
    unknown = [t for t in names if t not in makers]
    if unknown:
        raise WorkbenchError(
            f"tables: unknown {unknown}; allowed: {', '.join(CLIENT_TABLES)}"
        )
    bad = sorted(set(options) - set(names))
    if bad:
        raise WorkbenchError(f"options given for tables not asked for: {bad}")
    return {t: makers[t](src, **dict(options.get(t, {}))) for t in names}


def client_tables(
    source: Any,
    asof: object = None,
    tables: Iterable[str] = CLIENT_TABLES,
    columns: Mapping[str, str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    memory_limit: str | None = None,
    temp_directory: str | None = None,
    threads: int | None = None,
) -> dict[str, pd.DataFrame]:
    """Compute the per-client tables in DuckDB from a frame or from Parquet / CSV files.

    Parameters
    ----------
    source : DataFrame, str or Path
        Transactions: a pandas frame, a Parquet file, a folder of Parquet files (read
        recursively) or a CSV file. Files are scanned by DuckDB, not loaded into pandas; they
        must hold clean, canonical columns (or ``columns=``-mapped ones) — a raw export goes
        through :func:`workbench.load_transactions` first, which reports every rejected row.
    asof : date-like, optional
        The observation end, a calendar day (the whole day counts); default the last date.
    tables : iterable of str, default all of :data:`CLIENT_TABLES`
        ``"btyd"`` (:func:`workbench.btyd_summary`), ``"rfm"`` (:func:`workbench.rfm_table`),
        ``"abc_xyz"`` (:func:`workbench.abc_xyz`), ``"ladder"`` (:func:`workbench.loyalty_ladder`
        from transactions alone).
    columns : mapping, optional
        ``{source column: canonical name}``.
    options : mapping, optional
        Keyword arguments per table, e.g. ``{"btyd": {"freq": "W"}, "rfm": {"returns":
        "exclude"}, "abc_xyz": {"n_periods": 6}, "ladder": {"rules": {...}}}``.
    memory_limit, temp_directory, threads
        DuckDB settings: past ``memory_limit`` (``"4GB"``) DuckDB spills to ``temp_directory``.

    Returns
    -------
    dict of str to DataFrame
        Each table exactly as the function named above returns it.
    """
    with duckdb_source(source, asof, columns, memory_limit=memory_limit,
                       temp_directory=temp_directory, threads=threads) as src:
        return _tables(src, tables, options or {})


def spark_client_tables(
    source: Any,
    asof: object = None,
    tables: Iterable[str] = CLIENT_TABLES,
    columns: Mapping[str, str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    spark: Any = None,
) -> dict[str, pd.DataFrame]:
    """Compute the per-client tables on Spark from the same SQL as :func:`client_tables`.

    For a client whose log outgrows one machine: the aggregation runs on the cluster and only
    the per-client results (one row per client) come back to pandas, where everything
    downstream (scores, segments, models, plots) is unchanged.

    Parameters
    ----------
    source : pyspark.sql.DataFrame, str or Path
        A Spark DataFrame with the canonical transaction columns (or ``columns=``-mapped ones),
        or the path of a Parquet dataset that ``spark`` reads.
    asof, tables, columns, options
        As in :func:`client_tables`.
    spark : pyspark.sql.SparkSession, optional
        The session; default the DataFrame's, or the active / a new local one for a path.

    Returns
    -------
    dict of str to DataFrame
        As :func:`client_tables`, equal to it on the same data.

    Notes
    -----
    Needs ``pyspark`` (the ``spark`` extra) and Java. Calendar days are those of the session's
    time zone (``spark.sql.session.timeZone``); set it to the zone the log was written in.
    Results travel to the driver as Arrow (``DataFrame.toArrow``), so the driver must hold the
    per-client tables (a few hundred bytes per client).
    """
    from workbench.engine._source import SparkSource

    src = SparkSource(source, spark, asof, columns)
    try:
        return _tables(src, tables, options or {})
    finally:
        src.close()

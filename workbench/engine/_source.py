"""Where the per-client SQL runs: a DuckDB connection or a Spark session, behind one interface.

A source exposes ``dialect``, ``has_cost``, ``has_order``, ``order_filled`` (every row has an
``order_id``), ``asof`` (the calendar day,
a midnight Timestamp), ``asof_day`` (its day number) and ``frame(sql)``, which runs a query of
:mod:`workbench.engine.sql` over the relation ``tx`` and returns a pandas frame indexed by
``customer_id`` (pandas ``string`` dtype, the order of the query).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from workbench._columns import asof_day, check_transactions, missing_count
from workbench.errors import InsufficientHistoryError, MissingColumnsError, WorkbenchError

__all__ = ("DuckDBSource", "SparkSource", "arrow_to_frame")

_REQUIRED = ("customer_id", "date", "amount")
_OPTIONAL = ("order_id", "cost")


def arrow_to_frame(table) -> pd.DataFrame:
    """A query result (pyarrow Table) as a frame indexed by ``customer_id`` (string dtype)."""
    import pyarrow as pa

    ids = table.column("customer_id")
    index = pd.Index(pd.StringDtype().__from_arrow__(ids.cast("large_string")), name="customer_id")
    rest = table.drop_columns(["customer_id"])
    for i, field in enumerate(rest.schema):
        # a sum of integers comes back as a 128-bit decimal (DuckDB's HUGEINT), which pandas
        # would hold as Python objects: whole numbers as int64, others as float64
        if pa.types.is_decimal(field.type):
            kind = pa.int64() if field.type.scale == 0 else pa.float64()
            rest = rest.set_column(i, field.name, rest.column(i).cast(kind))
    out = rest.to_pandas(split_blocks=True, self_destruct=False)
    out.index = index
    return out


def _day_number(ts: pd.Timestamp) -> int:
    return int(np.datetime64(ts.normalize(), "D").astype(np.int64))


class _Source:
    dialect = ""
    has_cost = False
    has_order = False
    order_filled = False
    asof: pd.Timestamp
    asof_day: int

    def _set_asof(self, asof_ts: pd.Timestamp) -> None:
        self.asof = asof_ts
        self.asof_day = _day_number(asof_ts)

    def arrow(self, sql: str):  # pragma: no cover - overridden
        raise NotImplementedError

    def frame(self, sql: str) -> pd.DataFrame:
        return arrow_to_frame(self.arrow(sql))

    def _check_stats(self, n_rows: int, nulls: Mapping[str, int], first, last, asof) -> None:
        for col in _REQUIRED:
            if nulls.get(col):
                raise WorkbenchError(
                    f"transactions: column {col!r} has {int(nulls[col])} empty value(s); load "
                    "the data with workbench.load_transactions() to reject such rows"
                )
        if n_rows == 0:
            raise WorkbenchError("transactions: no rows, so asof cannot default to the last date")
        asof_ts = asof_day(asof, pd.Series([pd.Timestamp(last)]))
        if asof_ts < pd.Timestamp(first).normalize():
            raise InsufficientHistoryError(
                f"asof={asof_ts.date()} is before the first transaction "
                f"({pd.Timestamp(first).date()}): there is no history to analyse"
            )
        self._set_asof(asof_ts)


def _renames(names: list[str], columns: Mapping[str, str] | None, what: str) -> dict[str, str]:
    """``{canonical: source column}`` for the canonical columns present after ``columns=``."""
    mapping = dict(columns or {})
    unknown = [src for src in mapping if src not in names]
    if unknown:
        raise WorkbenchError(
            f"transactions: columns= maps {unknown} but {what} has no such column. "
            f"Columns found: {names[:50]}"
        )
    renamed = {mapping.get(n, n): n for n in names}
    missing = [c for c in _REQUIRED if c not in renamed]
    if missing:
        raise MissingColumnsError("transactions", missing, names[:50], source=what)
    return {c: renamed[c] for c in _REQUIRED + _OPTIONAL if c in renamed}


#: Rows whose amount is missing: NULL, or NaN (a float column of a file; the frame path
#: rejects both alike).
_EMPTY_AMOUNTS = "COUNT(*) - COUNT(amount) + COUNT(CASE WHEN isnan(amount) THEN 1 END)"


def _as_null_if_nan(expr: str, column: str) -> str:
    """``expr`` with a NaN cost as NULL (an unknown cost, as the queries read it)."""
    return f"NULLIF({expr}, CAST('NaN' AS DOUBLE))" if column == "cost" else expr


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class DuckDBSource(_Source):
    """Transactions in an embedded DuckDB: a pandas frame, or Parquet / CSV file(s) read in place.

    Parameters
    ----------
    source : DataFrame, str or Path
        A transactions frame (checked like every analysis function checks it), or the path of a
        Parquet file, a folder / glob of Parquet files, or a CSV file with canonical (or
        ``columns=``-mapped) column names. Files are scanned by DuckDB, never loaded whole.
    asof : date-like, optional
        The observation end (a calendar day); default the day of the last date.
    columns : mapping, optional
        ``{source column: canonical name}``.
    memory_limit : str, optional
        DuckDB's ``memory_limit`` (``"4GB"``); past it DuckDB spills to ``temp_directory``.
    temp_directory : str or Path, optional
        Where DuckDB spills; default DuckDB's own.
    threads : int, optional
        Worker threads; default all cores.
    """

    dialect = "duckdb"

    def __init__(self, source, asof=None, columns=None, memory_limit=None,
                 temp_directory=None, threads=None) -> None:
        config = {}
        if memory_limit is not None:
            config["memory_limit"] = str(memory_limit)
        if temp_directory is not None:
            config["temp_directory"] = str(temp_directory)
        if threads is not None:
            config["threads"] = int(threads)
        self._own = bool(config)
        # a connection costs tens of ms to open: settings of one's own get their own database,
        # every other source a cursor (its own catalogue of views) on one in-memory database
        self.con = _connect(config) if self._own else _shared().cursor()
        if isinstance(source, pd.DataFrame):
            self._from_frame(source, asof, columns)
        elif isinstance(source, str | os.PathLike):
            self._from_path(Path(source), asof, columns)
        else:
            raise WorkbenchError(
                "source must be a pandas DataFrame or the path of a Parquet / CSV file; got "
                f"{type(source).__name__}"
            )

    def _from_frame(self, tx: pd.DataFrame, asof, columns) -> None:
        import pyarrow as pa

        frame, asof_ts = check_transactions(tx, asof, columns)
        self._set_asof(asof_ts)
        self.has_cost = "cost" in frame.columns
        if "order_id" in frame.columns:
            known = int(frame["order_id"].count())  # Arrow strings: their null count, no pass
            self.has_order = known > 0
            self.order_filled = known == len(frame)
        cols = list(_REQUIRED) + [c for c, on in (("cost", self.has_cost),
                                                   ("order_id", self.has_order)) if on]
        arrays = {}
        for c in cols:
            s = frame[c]
            if c == "date" and s.dt.tz is not None:
                s = s.dt.tz_localize(None)
            if c == "amount" and s.dtype == np.float64:
                arrays[c] = pa.array(s.to_numpy(), type=pa.float64())  # zero-copy: no NaN
            elif c == "cost" and s.dtype == np.float64:
                # an unknown cost is NULL in the relation: a validity mask only when one is NaN
                values = s.to_numpy()
                unknown = np.isnan(values) if missing_count(s) else None
                arrays[c] = pa.array(values, type=pa.float64(), mask=unknown)
            elif c == "date" and isinstance(s.dtype, np.dtype) and s.dtype.kind == "M":
                # zero-copy (no NaT: checked above), not a pass over the values for NaT
                values = s.to_numpy()
                unit = np.datetime_data(values.dtype)[0]
                arrays[c] = pa.array(values.view(np.int64)).view(pa.timestamp(unit))
            else:
                arrays[c] = pa.array(s, from_pandas=True)
        self.con.register("tx", pa.table(arrays))

    def _from_path(self, path: Path, asof, columns) -> None:
        text = str(path)
        if path.is_dir():
            text = str(path / "**" / "*.parquet")
        lower = text.lower()
        if lower.endswith((".csv", ".csv.gz", ".txt", ".tsv")):
            # every column as text first: ids keep their leading zeros, then the casts below
            reader = f"read_csv({_sql_string(text)}, header = true, all_varchar = true)"
        else:
            # a Parquet writer leaves NaN out of a column's min / max, so DuckDB would take a
            # NaN cost for a known one (NULLIF folded away): read every float as maybe NaN
            reader = f"read_parquet({_sql_string(text)}, can_have_nan = true)"
        try:
            names = [d[0] for d in self.con.sql(f"SELECT * FROM {reader} LIMIT 0").description]
        except Exception as exc:  # a DuckDB before the option (2025): the plain reader
            if "can_have_nan" not in str(exc):
                raise
            reader = f"read_parquet({_sql_string(text)})"
            names = [d[0] for d in self.con.sql(f"SELECT * FROM {reader} LIMIT 0").description]
        ren = _renames(names, columns, text)
        kinds = {"customer_id": "VARCHAR", "order_id": "VARCHAR", "date": "TIMESTAMP"}
        select = ", ".join(
            _as_null_if_nan(f"CAST({_quote(src)} AS {kinds.get(c, 'DOUBLE')})", c) + f" AS {c}"
            for c, src in ren.items()
        )
        self.con.execute(f"CREATE TEMP VIEW tx AS SELECT {select} FROM {reader}")
        self.has_cost = "cost" in ren
        order = ", COUNT(order_id) AS n_order" if "order_id" in ren else ""
        row = self.con.sql(
            "SELECT COUNT(*) AS n, COUNT(*) - COUNT(customer_id) AS customer_id, "
            "COUNT(*) - COUNT(date) AS date, " + _EMPTY_AMOUNTS + " AS amount, "
            f"MIN(date) AS first, MAX(date) AS last{order} FROM tx"
        ).fetchall()[0]
        self.has_order = bool("order_id" in ren and row[6])
        self.order_filled = bool(self.has_order and row[6] == row[0])
        self._check_stats(row[0], {"customer_id": row[1], "date": row[2], "amount": row[3]},
                          row[4], row[5], asof)

    def arrow(self, sql: str):
        return self.con.sql(sql).to_arrow_table()

    def close(self) -> None:
        self.con.close()


_SHARED: list = []


def _connect(config: Mapping[str, object]):
    import duckdb

    return duckdb.connect(config=dict(config))


def _shared():
    """The process's in-memory DuckDB database for sources without settings of their own."""
    if not _SHARED:
        _SHARED.append(_connect({}))
    return _SHARED[0]


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class SparkSource(_Source):
    """Transactions in Spark: a Spark DataFrame, or a Parquet dataset path read by the session.

    Calendar days are those of the session's time zone (``spark.sql.session.timeZone``).
    """

    dialect = "spark"

    def __init__(self, source, spark=None, asof=None, columns=None) -> None:
        from pyspark.sql import DataFrame, SparkSession

        self._tmp = None
        if isinstance(source, pd.DataFrame):  # a pandas frame: through a Parquet file
            import tempfile

            self._tmp = tempfile.mkdtemp(prefix="workbench-spark-")
            path = os.path.join(self._tmp, "transactions.parquet")
            source.to_parquet(path, index=False, coerce_timestamps="us",
                              allow_truncated_timestamps=True)
            source = path
        if isinstance(source, DataFrame):
            df = source
            spark = spark or df.sparkSession
        elif isinstance(source, str | os.PathLike):
            spark = spark or SparkSession.builder.getOrCreate()
            df = spark.read.parquet(str(source))
        else:
            raise WorkbenchError(
                "source must be a Spark DataFrame or the path of a Parquet dataset; got "
                f"{type(source).__name__}"
            )
        self.spark = spark
        ren = _renames(list(df.columns), columns, "the Spark DataFrame")
        exprs = []
        for c, src in ren.items():
            q = "`" + src.replace("`", "``") + "`"
            kind = {"customer_id": "STRING", "order_id": "STRING", "date": "TIMESTAMP"}.get(
                c, "DOUBLE")
            exprs.append(_as_null_if_nan(f"CAST({q} AS {kind})", c) + f" AS {c}")
        df = df.selectExpr(*exprs)
        self.view = "tx"
        self._name = f"workbench_tx_{uuid.uuid4().hex[:8]}"
        df.createOrReplaceTempView(self._name)
        self.has_cost = "cost" in ren
        order = ", COUNT(order_id) AS n_order" if "order_id" in ren else ""
        row = spark.sql(
            "SELECT COUNT(*) AS n, COUNT(*) - COUNT(customer_id) AS customer_id, "
            "COUNT(*) - COUNT(date) AS date, " + _EMPTY_AMOUNTS + " AS amount, "
            f"MIN(date) AS first, MAX(date) AS last{order} FROM {self._name}"
        ).collect()[0]
        self.has_order = bool("order_id" in ren and row[6])
        self.order_filled = bool(self.has_order and row[6] == row[0])
        self._check_stats(row[0], {"customer_id": row[1], "date": row[2], "amount": row[3]},
                          row[4], row[5], asof)

    def arrow(self, sql: str):
        import re

        return self.spark.sql(re.sub(r"\bFROM tx\b", f"FROM {self._name}", sql)).toArrow()

    def close(self) -> None:
        self.spark.catalog.dropTempView(self._name)
        if self._tmp is not None:
            import shutil

            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

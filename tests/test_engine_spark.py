"""The per-client tables on Spark (local mode) from the same SQL equal the DuckDB path.

Needs pyspark (the ``spark`` extra) and Java; skipped with the reason otherwise, except where
``WORKBENCH_REQUIRE_SPARK=1`` (CI) turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

from workbench._testing import assert_same_table as assert_same
from workbench.engine import client_tables, spark_client_tables

REQUIRED = os.environ.get("WORKBENCH_REQUIRE_SPARK") == "1"


def _missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install -e '.[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (apt-get install default-jre-headless)"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _missing()
    if reason:
        if REQUIRED:
            pytest.fail(f"WORKBENCH_REQUIRE_SPARK=1 but {reason}")
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").appName("workbench-test")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.slow
def test_spark_equals_duckdb_on_the_sample(spark, tmp_path):
    from workbench.datasets import load_sample

    tx = load_sample()["transactions"][["customer_id", "date", "amount", "order_id", "cost"]]
    path = tmp_path / "tx.parquet"
    tx.to_parquet(path, coerce_timestamps="us", allow_truncated_timestamps=True)
    asof = "2025-10-15"
    options = {"btyd": {"freq": "W"}, "abc_xyz": {"value": "profit"}}
    duck = client_tables(tx, asof=asof, options=options)
    from_path = spark_client_tables(str(path), asof=asof, options=options, spark=spark)
    assert set(from_path) == set(duck)
    for name in duck:
        assert_same(duck[name], from_path[name])
    # a Spark DataFrame with the client's own column names
    df = spark.read.parquet(str(path)).withColumnRenamed("customer_id", "client")
    mapped = spark_client_tables(df, asof=asof, tables=("rfm",), columns={"client": "customer_id"})
    assert_same(duck["rfm"], mapped["rfm"])


@pytest.mark.slow
def test_analysis_functions_on_spark_from_a_pandas_frame(spark):
    from workbench.datasets import load_sample
    from workbench.segmentation import abc_xyz, btyd_summary, loyalty_ladder, rfm_table

    tx = load_sample()["transactions"]
    asof = "2025-10-15"
    for fn in (btyd_summary, rfm_table, abc_xyz, loyalty_ladder):
        assert_same(fn(tx, asof=asof, engine="duckdb"), fn(tx, asof=asof, engine="spark"))
    from workbench.churn import customer_features

    assert_same(customer_features(tx, asof, engine="pandas"),
                customer_features(tx, asof, engine="spark"))

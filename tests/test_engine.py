"""The per-client aggregates: the DuckDB path equals the numpy path (and lifetimes), everywhere."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd
import pytest

from workbench._columns import through_asof
from workbench._testing import assert_same_table
from workbench.engine import DUCKDB_MIN_ROWS, client_tables, use_engine
from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.segmentation import abc_xyz, btyd_summary, loyalty_ladder, rfm_table

pytest.importorskip("duckdb")

#: (function, keyword arguments): every option that changes the SQL.
CASES = [
    (btyd_summary, {"freq": "D"}),
    (btyd_summary, {"freq": "W"}),
    (btyd_summary, {"freq": "M", "include_first_transaction": True}),
    (rfm_table, {}),
    (rfm_table, {"returns": "exclude"}),
    (abc_xyz, {}),
    (abc_xyz, {"value": "profit", "period": "Q", "n_periods": 4}),
    (abc_xyz, {"period": "W", "n_periods": 26}),
    (loyalty_ladder, {}),
    (loyalty_ladder, {"returns": "exclude", "rules": {"regular_window_days": 90}}),
]


assert_same = assert_same_table


def _both(fn, tx, asof, **kw):
    return fn(tx, asof=asof, engine="pandas", **kw), fn(tx, asof=asof, engine="duckdb", **kw)


@pytest.fixture(scope="module")
def sample():
    from workbench.datasets import load_sample

    return load_sample()["transactions"]


@pytest.fixture(scope="module")
def cdnow():
    """CDNOW (Fader & Hardie's 23,570 customers), as shipped inside the lifetimes wheel."""
    pytest.importorskip("lifetimes")
    path = resources.files("lifetimes") / "datasets" / "CDNOW_master.txt"
    raw = pd.read_csv(path, sep=r"\s+", dtype={"customer_id": str, "date": str})
    return pd.DataFrame({
        "customer_id": raw["customer_id"].astype("string"),
        "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
        "amount": raw["dollar_value"].astype(np.float64),
    })


class TestEqualOnTheSample:
    @pytest.mark.parametrize(("fn", "kw"), CASES, ids=lambda x: getattr(x, "__name__", str(x)))
    def test_duckdb_equals_pandas(self, sample, fn, kw):
        asof = sample["date"].max() - pd.Timedelta(days=40)  # a time of day: the whole day counts
        assert_same(*_both(fn, sample, asof, **kw))

    def test_ladder_with_leads_and_survey(self):
        from workbench.datasets import load_sample

        data = load_sample()
        ours, theirs = _both(loyalty_ladder, data["transactions"], None, leads=data["leads"],
                             survey=data["survey"])
        assert_same(ours, theirs)


class TestEqualOnCdnow:
    @pytest.mark.parametrize("freq", ["D", "W"])
    def test_btyd_equals_lifetimes_and_pandas(self, cdnow, freq):
        from lifetimes.utils import summary_data_from_transaction_data

        asof = "1997-09-30"
        ours, duck = _both(btyd_summary, cdnow, asof, freq=freq)
        assert_same(ours, duck)
        # lifetimes' weekly periods keep later purchases of asof's week: give it the cut log
        cut = cdnow.loc[through_asof(cdnow["date"], asof)] if freq == "W" else cdnow
        theirs = summary_data_from_transaction_data(
            cut.astype({"customer_id": object}), "customer_id", "date",
            monetary_value_col="amount", observation_period_end=asof, freq=freq,
        )
        theirs.index = pd.Index(theirs.index.astype(str), dtype="string", name="customer_id")
        assert_same(duck, theirs)

    @pytest.mark.parametrize(("fn", "kw"), [c for c in CASES if c[0] is not btyd_summary
                                            and c[1].get("value") != "profit"],  # no cost
                             ids=lambda x: getattr(x, "__name__", str(x)))
    def test_other_tables(self, cdnow, fn, kw):
        assert_same(*_both(fn, cdnow, "1998-06-30", **kw))


@pytest.mark.slow
def test_equal_on_a_million_rows():
    """The 1M-row synthetic log (100k clients, order ids, costs, returns) on both engines."""
    from lifetimes.utils import summary_data_from_transaction_data

    from workbench.datasets import make_transactions

    tx = make_transactions(n_customers=100_000, n_transactions=1_000_000, seed=0)
    asof = tx["date"].max() - pd.Timedelta(days=30)
    for fn, kw in CASES[:2] + CASES[3:4] + CASES[5:6] + CASES[8:9]:
        assert_same(*_both(fn, tx, asof, **kw))
    duck = btyd_summary(tx, asof=asof, engine="duckdb")
    theirs = summary_data_from_transaction_data(
        tx[["customer_id", "date", "amount"]].astype({"customer_id": object}), "customer_id",
        "date", monetary_value_col="amount", observation_period_end=asof, freq="D",
    )
    theirs.index = pd.Index(theirs.index.astype(str), dtype="string", name="customer_id")
    assert_same(duck, theirs)


def test_duckdb_totals_are_the_same_in_every_run():
    """A client's rows fall on different threads from run to run; the compensated float sum
    (FLOAT_SUM) gives the same totals anyway (a plain SUM differed in the last bits for about
    a fifth of the clients of this log)."""
    from workbench.datasets import make_transactions

    tx = make_transactions(n_customers=100_000, n_transactions=1_000_000, seed=0)
    runs = [(rfm_table(tx, engine="duckdb"), btyd_summary(tx, engine="duckdb"))
            for _ in range(3)]
    for rfm, btyd in runs[1:]:
        for col in ("monetary_total", "monetary_mean", "profit_total"):
            np.testing.assert_array_equal(rfm[col].to_numpy(), runs[0][0][col].to_numpy())
        np.testing.assert_array_equal(btyd["monetary_value"].to_numpy(),
                                      runs[0][1]["monetary_value"].to_numpy())


def test_float_sums_are_spelled_per_dialect():
    from workbench.engine.sql import rfm_sql

    assert "FSUM(" in rfm_sql("duckdb", 100, has_cost=True)
    spark = rfm_sql("spark", 100, has_cost=True)
    assert "FSUM(" not in spark and "SUM(amount)" in spark


class TestClientTables:
    def test_parquet_and_csv_files_equal_the_frame(self, sample, tmp_path):
        tx = sample[["customer_id", "date", "amount", "order_id", "cost"]]
        parquet = tmp_path / "tx.parquet"
        tx.to_parquet(parquet)
        csv = tmp_path / "tx.csv"
        tx.to_csv(csv, index=False)
        asof = "2025-10-15"
        frames = client_tables(tx, asof=asof)
        for source in (parquet, str(csv), tmp_path):  # a folder: its Parquet files
            if source == tmp_path:
                csv.unlink()
            files = client_tables(source, asof=asof)
            assert set(files) == {"btyd", "rfm", "abc_xyz", "ladder"}
            for name in frames:
                assert_same(frames[name], files[name])

    def test_unknown_costs_in_files_equal_the_frame(self, sample, tmp_path):
        """A cost left empty (NULL) or written as NaN is unknown in every source alike."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        tx = sample[["customer_id", "date", "amount", "order_id", "cost"]].copy()
        tx.loc[tx.index % 3 == 0, "cost"] = np.nan
        nulls = tmp_path / "nulls.parquet"
        tx.to_parquet(nulls)  # pandas writes a NaN float as NULL
        nans = tmp_path / "nans.parquet"
        table = pa.Table.from_pandas(tx, preserve_index=False)
        i = table.schema.get_field_index("cost")
        pq.write_table(table.set_column(i, "cost", pa.array(tx["cost"].to_numpy(),
                                                            from_pandas=False)), nans)
        assert pq.read_table(nans).column("cost").null_count == 0  # NaN, not NULL
        asof = "2025-10-15"
        frames = client_tables(tx, asof=asof, tables=("rfm", "abc_xyz", "ladder"))
        assert frames["rfm"]["profit_total"].notna().all()
        for source in (nulls, nans):
            files = client_tables(source, asof=asof, tables=("rfm", "abc_xyz", "ladder"))
            for name in frames:
                assert_same(frames[name], files[name])
        assert_same(frames["rfm"], rfm_table(tx, asof=asof, engine="pandas"))

    def test_a_duckdb_without_can_have_nan_reads_the_plain_parquet(self, sample, tmp_path,
                                                                    monkeypatch):
        import duckdb

        from workbench.engine import _source

        class OldDuckDB:  # a cursor of a DuckDB that does not know the option
            def __init__(self, con):
                self.con = con

            def sql(self, q):
                if "can_have_nan" in q:
                    raise duckdb.BinderException('Invalid named parameter "can_have_nan"')
                return self.con.sql(q)

            def __getattr__(self, name):
                return getattr(self.con, name)

        shared = duckdb.connect()

        class OldDatabase:
            def cursor(self):
                return OldDuckDB(shared.cursor())

        monkeypatch.setattr(_source, "_shared", OldDatabase)
        tx = sample[["customer_id", "date", "amount", "order_id", "cost"]]
        tx.to_parquet(tmp_path / "tx.parquet")
        assert_same(client_tables(tmp_path / "tx.parquet", tables=("rfm",))["rfm"],
                    client_tables(tx, tables=("rfm",))["rfm"])

    def test_csv_ids_keep_their_leading_zeros(self, tmp_path):
        path = tmp_path / "tx.csv"
        path.write_text("customer_id,date,amount\n00012,2024-01-05 10:00:00,5.5\n"
                        "00012,2024-01-09,2\n120,2024-01-07,1\n", encoding="utf-8")
        out = client_tables(path, tables=("rfm",))["rfm"]
        assert out.index.tolist() == ["00012", "120"]
        assert out["monetary_total"].tolist() == [7.5, 1.0]

    def test_columns_mapping_and_options(self, sample, tmp_path):
        tx = sample[["customer_id", "date", "amount"]].rename(
            columns={"customer_id": "client", "date": "when", "amount": "sum"})
        path = tmp_path / "tx.parquet"
        tx.to_parquet(path)
        mapping = {"client": "customer_id", "when": "date", "sum": "amount"}
        out = client_tables(path, tables=("btyd",), columns=mapping,
                            options={"btyd": {"freq": "W"}}, memory_limit="1GB", threads=1)
        assert_same(out["btyd"], btyd_summary(tx, columns=mapping, freq="W", engine="pandas"))

    def test_file_with_empty_ids_is_an_error(self, tmp_path):
        tx = pd.DataFrame({"customer_id": ["a", None], "amount": [1.0, 2.0],
                           "date": pd.to_datetime(["2024-01-01", "2024-01-02"])})
        tx.to_parquet(tmp_path / "tx.parquet")
        with pytest.raises(WorkbenchError, match="'customer_id' has 1 empty"):
            client_tables(tmp_path / "tx.parquet")

    def test_file_with_nan_or_empty_amounts_is_an_error(self, tmp_path):
        """A NaN amount (a float written as such) is as empty as a NULL one, as in the frame."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({"customer_id": ["a", "b", "c"],
                          "date": pa.array(pd.to_datetime(["2024-01-01", "2024-01-02",
                                                           "2024-01-03"])),
                          "amount": pa.array([1.0, np.nan, None], type=pa.float64())})
        pq.write_table(table, tmp_path / "tx.parquet")
        with pytest.raises(WorkbenchError, match="'amount' has 2 empty"):
            client_tables(tmp_path / "tx.parquet")
        with pytest.raises(WorkbenchError, match="'amount' has 2 empty"):
            client_tables(table.to_pandas())

    def test_file_without_amount_names_the_column(self, tmp_path):
        pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"])}).to_parquet(
            tmp_path / "tx.parquet")
        with pytest.raises(MissingColumnsError, match="amount"):
            client_tables(tmp_path / "tx.parquet")

    def test_unknown_table(self, sample):
        with pytest.raises(WorkbenchError, match="unknown"):
            client_tables(sample, tables=("nps",))


class TestEngineChoice:
    def test_auto_takes_duckdb_from_the_threshold(self):
        small = pd.DataFrame(index=range(DUCKDB_MIN_ROWS - 1))
        big = pd.DataFrame(index=range(DUCKDB_MIN_ROWS))
        assert use_engine("auto", small) == "pandas"
        assert use_engine("auto", big) == "duckdb"
        assert use_engine("pandas", big) == "pandas"

    def test_run_engine_setting_is_what_auto_means(self, sample, monkeypatch):
        # `workbench run --engine` reaches every kernel as WORKBENCH_ENGINE
        small = pd.DataFrame(index=range(10))
        monkeypatch.setenv("WORKBENCH_ENGINE", "duckdb")
        assert use_engine("auto", small) == "duckdb"
        assert use_engine("pandas", small) == "pandas"  # an explicit engine wins
        opened = []
        import workbench.segmentation.rfm as rfm_module

        real = rfm_module.engine_source

        def spy(name, *args, **kw):
            opened.append(name)
            return real(name, *args, **kw)

        monkeypatch.setattr(rfm_module, "engine_source", spy)
        via_env = rfm_table(sample)
        assert opened == ["duckdb"]
        monkeypatch.setenv("WORKBENCH_ENGINE", "pandas")
        assert use_engine("auto", pd.DataFrame(index=range(DUCKDB_MIN_ROWS))) == "pandas"
        assert_same_table(via_env, rfm_table(sample))
        assert opened == ["duckdb"]
        monkeypatch.setenv("WORKBENCH_ENGINE", "polars")
        with pytest.raises(WorkbenchError, match="engine must be one of"):
            rfm_table(sample)

    def test_unknown_engine_is_a_clear_error(self, sample):
        with pytest.raises(WorkbenchError, match="engine must be one of"):
            rfm_table(sample, engine="polars")

    def test_time_of_day_and_tz_free_dates_on_duckdb(self):
        # the asof rule holds on the DuckDB path too: 09:39 on the asof day counts
        tx = pd.DataFrame({"customer_id": ["a", "b", "c"], "amount": [1.0, 2.0, 3.0],
                           "date": pd.to_datetime(["2024-01-05 10:00", "2024-01-31 09:39",
                                                   "2024-02-01 00:00"])})
        out = btyd_summary(tx, asof="2024-01-31", engine="duckdb")
        assert out.index.tolist() == ["a", "b"]
        assert out["T"].tolist() == [26.0, 0.0]


class TestChurnFeatures:
    """The churn model's purchase-history features from DuckDB's SQL equal the numpy path's."""

    def test_sample_at_several_cut_offs(self, sample):
        from workbench.churn import customer_features

        for asof in ("2024-12-31", "2025-06-30", None):
            assert_same(customer_features(sample, asof, engine="duckdb"),
                        customer_features(sample, asof, engine="pandas"))

    def test_cdnow(self, cdnow):
        from workbench.churn import customer_features

        for asof in ("1997-09-30", "1998-06-30"):
            assert_same(customer_features(cdnow, asof, engine="duckdb"),
                        customer_features(cdnow, asof, engine="pandas"))

    def test_edge_clients_by_hand(self):
        """Zero-value-only, returns-only, one-day and refunded clients, partly known costs."""
        from workbench.churn import customer_features

        d = pd.to_datetime
        tx = pd.DataFrame({
            "customer_id": ["zero", "zero", "ret", "one", "one", "reg", "reg", "reg", "reg",
                            "refund", "refund", "late"],
            "date": d(["2024-01-03", "2024-01-09", "2024-02-01", "2024-03-01", "2024-03-01",
                       "2024-01-01", "2024-01-08", "2024-01-15", "2024-03-04", "2024-02-02",
                       "2024-02-20", "2024-05-01"]),
            "amount": [0.0, 0.0, -5.0, 10.0, -3.0, 20.0, 0.0, 25.0, 30.0, 808.95, -808.95, 1.0],
            "cost": [np.nan, np.nan, np.nan, 4.0, np.nan, 8.0, np.nan, 10.0, 12.0, 353.92,
                     -353.92, 0.5],
        })
        duck = customer_features(tx, "2024-03-31", engine="duckdb")
        ours = customer_features(tx, "2024-03-31", engine="pandas")
        assert_same(duck, ours)
        assert list(ours.index) == ["one", "refund", "reg", "ret", "zero"]  # "late" is after asof
        assert ours.loc["zero", "frequency"] == 2 and ours.loc["zero", "gap_mean_days"] == 6
        assert ours.loc["reg", "frequency"] == 3  # the zero-value day is no purchase day
        assert ours.loc["reg", "gap_std_days"] == pytest.approx(np.std([14.0, 49.0]))
        assert np.isnan(ours.loc["refund", "margin"])  # refunded in full: no revenue, no margin
        assert np.isnan(ours.loc["zero", "profit"])  # no cost known
        no_cost = tx.drop(columns="cost")
        assert_same(customer_features(no_cost, "2024-03-31", engine="duckdb"),
                    customer_features(no_cost, "2024-03-31", engine="pandas"))
        unknown = tx.assign(cost=np.nan)
        assert "profit" not in customer_features(unknown, "2024-03-31", engine="duckdb")
        assert_same(customer_features(unknown, "2024-03-31", engine="duckdb"),
                    customer_features(unknown, "2024-03-31", engine="pandas"))

    def test_dates_long_before_1970(self):
        """Day numbers below zero floor like numpy's, and a gap of 60,000 days squares exactly."""
        from workbench.churn import customer_features

        tx = pd.DataFrame({
            "customer_id": ["old", "old", "old", "eve", "eve", "new"],
            "date": pd.to_datetime(["1800-01-01 10:00", "1969-12-31 23:59", "2024-05-02 00:00",
                                    "1969-12-31 00:01", "1970-01-01 00:00", "2024-05-01 12:00"]),
            "amount": [10.0, 20.0, 5.0, 3.0, 4.0, 1.0],
        })
        asof = "2024-05-31"
        for fn in (customer_features, rfm_table, loyalty_ladder, btyd_summary):
            assert_same(fn(tx, asof, engine="duckdb"), fn(tx, asof, engine="pandas"))
        rfm = rfm_table(tx, asof, engine="duckdb")
        assert rfm.loc["eve", "first_purchase"] == pd.Timestamp("1969-12-31")
        assert rfm.loc["eve", "frequency"] == 2

    def test_auto_is_numpy_unless_the_run_names_an_engine(self, sample, monkeypatch):
        from workbench.churn import _features as features_module
        from workbench.churn import customer_features

        seen = []
        real = features_module.engine_source

        def spy(name, *args, **kw):
            seen.append(name)
            return real(name, *args, **kw)

        monkeypatch.setattr(features_module, "engine_source", spy)
        big = pd.concat([sample] * (DUCKDB_MIN_ROWS // len(sample) + 1), ignore_index=True)
        customer_features(big)
        assert seen == []
        monkeypatch.setenv("WORKBENCH_ENGINE", "duckdb")
        customer_features(sample)
        assert seen == ["duckdb"]
        with pytest.raises(WorkbenchError, match="engine must be one of"):
            customer_features(sample, engine="polars")


@pytest.mark.slow
def test_churn_features_equal_on_a_million_rows():
    from workbench.churn import customer_features
    from workbench.datasets import make_transactions

    tx = make_transactions(n_customers=100_000, n_transactions=1_000_000, seed=0)
    for days in (30, 400):
        asof = tx["date"].max() - pd.Timedelta(days=days)
        assert_same(customer_features(tx, asof, engine="duckdb"),
                    customer_features(tx, asof, engine="pandas"))

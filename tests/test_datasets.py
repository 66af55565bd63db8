"""Tests of the sample business (workbench.datasets): determinism, schema, invariants, planted
structure, the shipped files and the benchmark generator."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench import datasets as ds
from workbench.errors import WorkbenchError
from workbench.schema import LEAD_STAGES, TABLES

SMALL = 300
END = pd.Timestamp("2025-12-31 23:59:59")

# The standard Kano evaluation table (functional answer row, dysfunctional answer column).
KANO_EVAL = {
    1: "QAAAO",
    2: "RIIIM",
    3: "RIIIM",
    4: "RIIIM",
    5: "RRRRQ",
}


@pytest.fixture(scope="module")
def sample() -> dict[str, pd.DataFrame]:
    return ds.generate_sample(42)


@pytest.fixture(scope="module")
def small() -> dict[str, pd.DataFrame]:
    return ds.generate_sample(7, n_customers=SMALL)


def _churned_180(tx: pd.DataFrame) -> pd.Series:
    """1 if a buyer made no purchase in the last 180 days of the file."""
    last = tx[tx["amount"] > 0].groupby("customer_id")["date"].max()
    return last < tx["date"].max() - pd.Timedelta(days=180)


# --- determinism ------------------------------------------------------------------------------


def test_generate_sample_same_seed_gives_equal_tables(small):
    again = ds.generate_sample(7, n_customers=SMALL)
    for name in ds.SAMPLE_TABLES:
        pd.testing.assert_frame_equal(small[name], again[name])


def test_generate_sample_other_seed_gives_other_tables(small):
    other = ds.generate_sample(8, n_customers=SMALL)
    assert not small["transactions"].equals(other["transactions"])


def test_write_sample_twice_gives_identical_bytes(tmp_path):
    a = ds.write_sample(tmp_path / "a", seed=3, n_customers=120)
    b = ds.write_sample(tmp_path / "b", seed=3, n_customers=120)
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_shipped_files_equal_write_sample_seed_42(tmp_path):
    shipped = ds.sample_dir()
    written = ds.write_sample(tmp_path, seed=42)
    assert len(written) == 15
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written[10:]) == [
        "exports/questionnaire_spec.yml", "exports/survey_wide_google_forms.csv",
        "internal/interview_notes.txt", "internal/key_clients_ukor.csv",
        "internal/motivation_survey.csv"]
    for path in written:
        rel = path.relative_to(tmp_path)
        assert (shipped / rel).read_bytes() == path.read_bytes(), f"{rel} differs: regenerate"


def test_load_sample_equals_generate_sample(sample):
    loaded = ds.load_sample()
    assert list(loaded) == list(ds.SAMPLE_TABLES)
    for name in ds.SAMPLE_TABLES:
        pd.testing.assert_frame_equal(loaded[name], sample[name])
    one = ds.load_sample("leads")
    pd.testing.assert_frame_equal(one, sample["leads"])
    one.loc[0, "source"] = "changed"  # a copy: the cache is not touched
    assert ds.load_sample("leads").loc[0, "source"] != "changed"


def test_load_sample_is_exported_from_the_package():
    assert wb.load_sample is ds.load_sample
    assert wb.generate_sample is ds.generate_sample
    assert wb.make_transactions is ds.make_transactions
    assert wb.write_sample is ds.write_sample


# --- schema -----------------------------------------------------------------------------------

_DTYPE_CHECK = {
    "string": lambda s: isinstance(s.dtype, pd.StringDtype),
    "datetime": lambda s: s.dtype == np.dtype("datetime64[ns]"),
    "float": lambda s: s.dtype == np.float64,
    "Int": lambda s: s.dtype == pd.Int64Dtype(),
    "category": lambda s: isinstance(s.dtype, pd.CategoricalDtype),
}


@pytest.mark.parametrize("table", ds.SAMPLE_TABLES)
def test_every_table_has_the_canonical_columns_and_dtypes(sample, table):
    frame = sample[table]
    spec = TABLES[table]
    assert list(frame.columns[: len(spec.names)]) == list(spec.names)
    for col in spec.columns:
        assert _DTYPE_CHECK[col.dtype](frame[col.name]), (table, col.name, frame[col.name].dtype)
    for col in spec.required:
        assert frame[col].notna().all(), (table, col)


def test_customer_ids_keep_leading_zeros(sample):
    ids = sample["customers"]["customer_id"]
    assert ids.str.fullmatch(r"\d{6}").all()
    assert ids.is_unique
    assert ids.iloc[0] == "000001"
    assert sample["transactions"]["customer_id"].str.startswith("0").all()


def test_categoricals_have_the_schema_categories(sample):
    kind = sample["feedback"]["kind"].dtype
    assert list(kind.categories) == ["complaint", "question", "praise", "refusal"]
    stage = sample["leads"]["stage"].dtype
    assert stage.ordered and list(stage.categories) == list(LEAD_STAGES)


# --- invariants -------------------------------------------------------------------------------


def test_transactions_invariants(sample):
    tx = sample["transactions"]
    assert 30_000 <= len(tx) <= 80_000
    assert tx["date"].min() >= pd.Timestamp("2023-01-01")
    assert tx["date"].max() <= END
    assert tx["date"].is_monotonic_increasing
    pos, neg = tx[tx["amount"] > 0], tx[tx["amount"] < 0]
    assert (pos["cost"] <= pos["amount"]).mean() > 0.97
    assert 0.01 < len(neg) / len(tx) < 0.03
    assert (neg["quantity"] < 0).all() and (neg["cost"] < 0).all()
    assert (pos["quantity"] > 0).all()
    zero = tx[tx["amount"] == 0]
    assert 10 <= len(zero) <= 1000 and (zero["cost"] > 0).all()
    # Money is in kopecks exactly: it survives a round trip through "%.2f" text.
    for col in ("amount", "cost"):
        assert (tx[col].map(lambda v: float(f"{v:.2f}")) == tx[col]).all(), col
    # Returns either reuse an order number (S...) or have their own document (R...).
    assert neg["order_id"].str.startswith("R").any() and neg["order_id"].str.startswith("S").any()
    assert not tx.duplicated().any()
    assert set(tx["channel"]) == set(ds.CHANNELS)
    assert tx["product"].nunique() == len(ds.PRODUCTS) + 1


def test_every_transaction_customer_exists(sample):
    ids = pd.Index(sample["customers"]["customer_id"])
    for table in ("transactions", "feedback"):
        assert sample[table]["customer_id"].isin(ids).all(), table
    for table in ("survey", "leads"):
        linked = sample[table]["customer_id"].dropna()
        assert len(linked) and linked.isin(ids).all(), table
    ref = sample["customers"]["referred_by"].dropna()
    assert len(ref) and ref.isin(ids).all()


def test_first_purchase_is_not_before_signup(sample):
    tx, cu = sample["transactions"], sample["customers"]
    first = tx.groupby("customer_id")["date"].min()
    signup = cu.set_index("customer_id")["signup_date"].reindex(first.index)
    assert (first.dt.normalize() >= signup).all()


def test_survey_invariants(sample):
    sv = sample["survey"]
    n_resp = sv["respondent_id"].nunique()
    assert 400 <= n_resp <= 600
    assert len(sv) == n_resp * len(ds.SURVEY_ATTRIBUTES)
    for col in ("importance", "performance", "expectation", "competitor_performance"):
        v = sv[col].dropna()
        assert v.between(1, 5).all() and sv[col].isna().mean() < 0.1, col
    for col in ("kano_functional", "kano_dysfunctional"):
        assert sv[col].dropna().between(1, 5).all()
    assert (sv["kano_functional"].isna() == sv["kano_dysfunctional"].isna()).all()
    assert sv["nps"].between(0, 10).all()
    per = sv.groupby("respondent_id").agg(
        nps=("nps", "nunique"), cust=("customer_id", "nunique"), date=("date", "nunique")
    )
    assert (per["nps"] == 1).all() and (per["date"] == 1).all() and (per["cust"] <= 1).all()
    linked = sv.groupby("respondent_id")["customer_id"].first().notna().mean()
    assert 0.5 <= linked <= 0.7
    assert 0.03 < sv["comment"].notna().mean() < 0.15


def test_feedback_invariants(sample):
    fb = sample["feedback"]
    assert 1000 <= len(fb) <= 2000
    assert set(fb["kind"]) == {"complaint", "question", "praise", "refusal"}
    done = fb.dropna(subset=["resolved_date"])
    assert (done["resolved_date"] >= done["date"]).all()
    assert fb.loc[fb["kind"] == "refusal", "resolved_date"].isna().all()
    comp = fb[fb["kind"] == "complaint"]
    assert 0.1 < comp["resolved_date"].isna().mean() < 0.5
    assert fb["score"].dropna().between(1, 5).all()
    assert fb["text"].notna().all()


def test_leads_invariants(sample):
    ld, cu = sample["leads"], sample["customers"]
    assert 2000 <= len(ld) <= 10_000
    assert ld["lead_id"].is_unique
    deals = ld[ld["stage"] == "deal"]
    assert deals["customer_id"].notna().all()
    assert ld.loc[ld["stage"] != "deal", "customer_id"].isna().all()
    signup = cu.set_index("customer_id")["signup_date"].reindex(deals["customer_id"]).to_numpy()
    lag = (signup - deals["date"].to_numpy()) / np.timedelta64(1, "D")
    assert (lag >= 0).all() and (lag <= 60).all()
    # The customer's source is the lead's source.
    src = cu.set_index("customer_id")["source"].reindex(deals["customer_id"]).to_numpy()
    assert (src == deals["source"].to_numpy()).all()
    assert ld["stage"].min() == "call" and ld["stage"].max() == "deal"


# --- planted structure (deterministic at seed 42) ---------------------------------------------


def test_planted_segments_differ_in_frequency_and_basket(sample):
    tx, cu = sample["transactions"], sample["customers"]
    pos = tx[tx["amount"] > 0]
    seg = cu.set_index("customer_id")["segment"]
    orders = pos.groupby("customer_id")["order_id"].nunique()
    per_seg = orders.groupby(seg.reindex(orders.index)).mean()
    assert per_seg["cafe"] > 2 * per_seg["office"] > 2 * per_seg["online"]
    value = pos.groupby("order_id").agg(v=("amount", "sum"), c=("customer_id", "first"))
    basket = value.groupby(seg.reindex(value["c"]).to_numpy())["v"].median()
    assert basket["online"] * 3 < basket["office"] < basket["cafe"] < basket["retail"]


def test_planted_many_online_buyers_buy_once(sample):
    tx, cu = sample["transactions"], sample["customers"]
    online = cu.loc[cu["segment"] == "online", "customer_id"]
    orders = tx[tx["customer_id"].isin(online) & (tx["amount"] > 0)].groupby("customer_id")[
        "order_id"
    ].nunique()
    assert 0.3 < (orders == 1).mean() < 0.6


def test_planted_seasonality(sample):
    tx, cu = sample["transactions"], sample["customers"]
    seg = cu.set_index("customer_id")["segment"]
    tx = tx.assign(segment=seg.reindex(tx["customer_id"]).to_numpy(), month=tx["date"].dt.month)
    rev = tx.groupby(["segment", "month"])["amount"].sum().unstack()
    assert rev.loc["cafe", [7, 8]].mean() < 0.9 * rev.loc["cafe", [9, 10]].mean()
    assert rev.loc["retail", 12] > 1.5 * rev.loc["retail"].mean()
    total = rev.sum()
    assert total.idxmax() == 12


def test_planted_unresolved_complaints_raise_churn(sample):
    tx, cu, fb = sample["transactions"], sample["customers"], sample["feedback"]
    churned = _churned_180(tx)
    comp = fb[fb["kind"] == "complaint"]
    unresolved = comp.loc[comp["resolved_date"].isna(), "customer_id"].unique()
    status = pd.Series("never", index=churned.index)
    status[churned.index.isin(comp["customer_id"].unique())] = "resolved"
    status[churned.index.isin(unresolved)] = "unresolved"
    b2b = cu.set_index("customer_id")["type"].reindex(churned.index).eq("B2B").to_numpy()
    rate = churned[b2b].groupby(status[b2b]).mean()
    assert rate["unresolved"] > 1.5 * rate["never"]
    assert rate["unresolved"] > 2 * rate["resolved"]


def test_planted_referrals_retain_better(sample):
    tx, cu = sample["transactions"], sample["customers"]
    churned = _churned_180(tx)
    src = cu.set_index("customer_id")["source"].reindex(churned.index)
    rate = churned.groupby(src).mean()
    online = cu.set_index("customer_id")["segment"].reindex(churned.index).eq("online")
    online_rate = churned[online.to_numpy()].groupby(src[online.to_numpy()]).mean()
    assert online_rate["рекомендация"] < 0.85 * online_rate["маркетплейс"]
    assert rate["рекомендация"] < rate["сайт"]


def test_planted_advocates_refer_several_clients(sample):
    refs = sample["customers"]["referred_by"].value_counts()
    assert refs.max() >= 4
    assert len(refs) < sample["customers"]["referred_by"].notna().sum()


def test_planted_survey_nps_lower_for_clients_who_leave(sample):
    churned = _churned_180(sample["transactions"])
    resp = sample["survey"].groupby("respondent_id").agg(
        nps=("nps", "first"), cid=("customer_id", "first")
    )
    linked = resp.dropna(subset=["cid"])
    left = linked["cid"].map(churned)
    assert left.notna().all()
    means = linked.groupby(left)["nps"].mean()
    assert means[True] < means[False] - 0.3


def test_planted_kano_classes_are_found(sample):
    sv = sample["survey"].dropna(subset=["kano_functional", "kano_dysfunctional"])
    cls = [
        KANO_EVAL[int(f)][int(d) - 1]
        for f, d in zip(sv["kano_functional"], sv["kano_dysfunctional"], strict=True)
    ]
    dominant = pd.Series(cls, index=sv.index).groupby(sv["attribute"]).agg(
        lambda s: s.value_counts().idxmax()
    )
    assert dominant.to_dict() == ds.KANO_TRUTH
    assert set(ds.KANO_TRUTH.values()) == {"A", "O", "M", "I"}


def test_planted_ipa_quadrants_are_all_populated(sample):
    means = sample["survey"].groupby("attribute")[["importance", "performance"]].mean()
    imp = means["importance"] >= means["importance"].mean()
    perf = means["performance"] >= means["performance"].mean()
    quadrant = np.where(
        imp, np.where(perf, "keep_up", "concentrate_here"),
        np.where(perf, "possible_overkill", "low_priority"),
    )
    q = pd.Series(quadrant, index=means.index)
    assert set(q) == {"keep_up", "concentrate_here", "possible_overkill", "low_priority"}
    assert q["Скорость доставки"] == "concentrate_here"
    assert q["Цена"] == "concentrate_here"
    assert q["Качество обжарки"] == "keep_up"
    assert q["Упаковка"] == "possible_overkill"
    # Barista training matters to cafés, much less to private shoppers.
    cu = sample["customers"].set_index("customer_id")["segment"]
    sv = sample["survey"].dropna(subset=["customer_id"])
    sv = sv[sv["attribute"] == "Обучение бариста"]
    by_seg = sv.groupby(cu.reindex(sv["customer_id"]).to_numpy())["importance"].mean()
    assert by_seg["cafe"] > by_seg["online"] + 1.0


def test_planted_funnel_conversion_differs_by_source(sample):
    ld = sample["leads"]
    deal = ld.groupby("source")["stage"].apply(lambda s: (s == "deal").mean())
    assert deal["рекомендация"] > deal["сайт"] > deal["выставка"] > deal["холодный звонок"]
    cold = ld[ld["source"] == "холодный звонок"]["stage"]
    reached = [(cold >= s).sum() for s in LEAD_STAGES]  # ordered categorical comparison
    ratio = np.array(reached) / reached[0]
    np.testing.assert_allclose(ratio, [1, 0.5, 0.05, 0.0125], rtol=0.2, atol=0.002)


# --- raw export -------------------------------------------------------------------------------


def test_raw_export_is_messy_and_holds_the_same_transactions(sample):
    raw = (ds.sample_dir() / "raw" / "transactions_1c_export.csv").read_bytes()
    text = raw.decode("cp1251")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header == [*ds.RAW_COLUMNS, "Склад"]
    year = ds.raw_export_transactions(sample["transactions"])
    assert 0 < len(year) < len(sample["transactions"])
    assert (year["date"] >= pd.Timestamp("2025-01-01")).all()
    assert len(body) == len(year) + 10
    col = {name: i for i, name in enumerate(header)}
    assert sum(r[col["Контрагент"]] == "" for r in body) == 3
    assert sum(r[col["Дата"]].startswith("31.02.2024") for r in body) == 2
    assert sum(r[col["Сумма"]] == "н/д" for r in body) == 2
    assert sum(a == b for a, b in zip(body, body[1:], strict=False)) == 3
    amounts = [r[col["Сумма"]] for r in body]
    assert any("\u00a0" in a for a in amounts) and any(a.endswith(" руб.") for a in amounts)
    assert "\r\n" in text
    mapping = (ds.sample_dir() / "raw" / "mapping.yml").read_text(encoding="utf-8")
    assert "transactions:\n  Дата: date\n" in mapping


def test_raw_export_loads_back_to_the_canonical_transactions(sample):
    folder = ds.sample_dir() / "raw"
    tx, report = wb.load_transactions(
        folder / "transactions_1c_export.csv", mapping=folder / "mapping.yml", duplicates="drop"
    )
    year = ds.raw_export_transactions(sample["transactions"])
    assert report.rows_read == len(year) + 10
    assert report.rows_kept == len(year)
    assert len(report.rejected) == 10  # 7 bad rows + 3 dropped duplicates
    canon = ds.normalize_dtypes(tx[list(TABLES["transactions"].names)], "transactions")
    pd.testing.assert_frame_equal(canon.reset_index(drop=True), year)


# --- errors -----------------------------------------------------------------------------------


def test_generate_sample_rejects_a_tiny_business():
    with pytest.raises(WorkbenchError, match="n_customers"):
        ds.generate_sample(n_customers=5)


def test_generate_sample_rejects_a_short_period():
    with pytest.raises(WorkbenchError, match="180 days"):
        ds.generate_sample(start="2025-06-01", end="2025-07-01")


def test_load_sample_rejects_an_unknown_table():
    with pytest.raises(WorkbenchError, match="transactions, customers"):
        ds.load_sample("orders")


# --- make_transactions ------------------------------------------------------------------------


def test_make_transactions_shape_dtypes_and_determinism():
    a = ds.make_transactions(n_customers=500, n_transactions=5000, seed=1)
    b = ds.make_transactions(n_customers=500, n_transactions=5000, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert a.shape == (5000, 8)
    assert list(a.columns) == list(TABLES["transactions"].names)
    for col in TABLES["transactions"].columns:
        assert _DTYPE_CHECK[col.dtype](a[col.name]), col.name
    assert a["customer_id"].nunique() == 500
    assert a["customer_id"].str.fullmatch(r"\d{8}").all()
    assert a["date"].is_monotonic_increasing
    assert a["date"].between("2023-01-01", END).all()
    assert 0.005 < (a["amount"] < 0).mean() < 0.04
    assert a["order_id"].nunique() < len(a)  # some orders have several lines
    lines = a.groupby("order_id")["customer_id"].nunique()
    assert (lines == 1).all()  # an order belongs to one client


def test_make_transactions_fewer_lines_than_customers():
    a = ds.make_transactions(n_customers=1000, n_transactions=10, seed=0)
    assert len(a) == 10 and a["customer_id"].nunique() == 10


# --- property: invariants hold for any seed ---------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(20, 120))
def test_property_any_seed_gives_consistent_tables(seed, n):
    t = ds.generate_sample(seed, n_customers=n)
    tx, cu = t["transactions"], t["customers"]
    assert len(cu) == n and cu["customer_id"].is_unique
    ids = pd.Index(cu["customer_id"])
    assert tx["customer_id"].isin(ids).all() and t["feedback"]["customer_id"].isin(ids).all()
    assert tx["date"].between("2023-01-01", END).all()
    assert (tx["amount"] < 0).eq(tx["quantity"] < 0).all()
    sv = t["survey"]
    assert sv.groupby("respondent_id")["nps"].nunique().eq(1).all()
    deals = t["leads"].dropna(subset=["customer_id"])
    assert deals["customer_id"].isin(ids).all() and (deals["stage"] == "deal").all()

"""The run cache: the folder loaded once and each churn model fitted once per ``workbench run``."""

from __future__ import annotations

import os
import pickle

import numpy as np
import pandas as pd
import pytest

import workbench
from workbench import _cache
from workbench._cache import CACHE_ENV, Uncacheable, fingerprint, memo, prune


def _folder(tmp_path, n=600, seed=0, clients=60):
    rng = np.random.default_rng(seed)
    data = tmp_path / "client"
    data.mkdir(exist_ok=True)
    pd.DataFrame({
        "customer_id": [f"{i:04d}" for i in rng.integers(0, clients, n)],
        "date": (pd.Timestamp("2023-01-01")
                 + pd.to_timedelta(rng.integers(0, 700, n), "D")).strftime("%Y-%m-%d"),
        "amount": rng.gamma(2.0, 300.0, n).round(2),
    }).to_csv(data / "transactions.csv", index=False)
    return data


def _entries(cache, kind):
    return sorted(p.name for p in cache.glob(f"{kind}-*.pkl"))


# --- digests --------------------------------------------------------------------------------
def test_fingerprint_follows_values_not_memory_layout():
    s = pd.Series([f"id{i}" for i in range(1000)])
    part = s.iloc[100:200]  # a slice: Arrow offsets into the parent's buffers
    copy = pd.Series(list(part), index=part.index)
    assert fingerprint(part) == fingerprint(copy)
    assert fingerprint(pickle.loads(pickle.dumps(part))) == fingerprint(part)
    changed = copy.copy()
    changed.iloc[3] = "other"
    assert fingerprint(changed) != fingerprint(copy)
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": ["x", None]})
    assert fingerprint(frame) == fingerprint(frame.copy())
    assert fingerprint(frame) != fingerprint(frame[["b", "a"]])  # column order counts
    assert fingerprint(frame) != fingerprint(frame.set_axis([5, 6]))  # so does the index
    assert fingerprint(frame) != fingerprint(frame.assign(b=["x", "None"]))  # a null is no text


def test_fingerprint_of_unpicklable_argument_is_uncacheable():
    with pytest.raises(Uncacheable):
        fingerprint(lambda x: x)


# --- the store ------------------------------------------------------------------------------
def test_without_the_environment_variable_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    calls = []
    assert memo("x", "k", lambda: calls.append(1) or 7) == 7
    assert memo("x", "k", lambda: calls.append(1) or 7) == 7
    assert calls == [1, 1]


def test_memo_computes_once_and_recomputes_a_broken_entry(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    calls = []
    assert memo("x", "k", lambda: calls.append(1) or {"v": 1}) == {"v": 1}
    assert memo("x", "k", lambda: calls.append(1) or {"v": 2}) == {"v": 1}
    assert calls == [1]
    (tmp_path / "cache" / "x-k.pkl").write_bytes(b"truncated")
    assert memo("x", "k", lambda: calls.append(1) or {"v": 3}) == {"v": 3}
    assert calls == [1, 1]


def test_prune_keeps_only_what_a_run_used(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    memo("x", "old", lambda: 1)
    memo("x", "new", lambda: 2)
    old = cache / "x-old.pkl"
    os.utime(old, (1_000_000, 1_000_000))
    prune(cache, used_since=2_000_000)
    assert _entries(cache, "x") == ["x-new.pkl"]


# --- load_folder ------------------------------------------------------------------------------
def test_folder_cache_hit_is_identical_and_a_changed_file_invalidates(tmp_path, monkeypatch):
    data = _folder(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    first = workbench.load_folder(data)
    second = workbench.load_folder(data)
    assert len(_entries(cache, "folder")) == 1
    assert second is not first  # every caller gets its own copy
    pd.testing.assert_frame_equal(first.tables["transactions"], second.tables["transactions"])
    assert second.summary() == first.summary() and second.files == first.files
    assert second.reports["transactions"].rows_kept == 600
    monkeypatch.delenv(CACHE_ENV)
    pd.testing.assert_frame_equal(workbench.load_folder(data).tables["transactions"],
                                  second.tables["transactions"])
    monkeypatch.setenv(CACHE_ENV, str(cache))
    # the client sends a corrected file: fewer rows, another modification time
    tx = pd.read_csv(data / "transactions.csv", dtype=str).iloc[:500]
    tx.to_csv(data / "transactions.csv", index=False)
    os.utime(data / "transactions.csv", ns=(1, 10**18))
    third = workbench.load_folder(data)
    assert len(third.tables["transactions"]) == 500
    assert len(_entries(cache, "folder")) == 2
    # a new file in the folder (a workshop file, customers) counts too
    (data / "workshop.yml").write_text("plan:\n  budget: 1000\n", encoding="utf-8")
    workbench.load_folder(data)
    assert len(_entries(cache, "folder")) == 3


def test_folder_cache_keys_settings_and_never_stores_the_key(tmp_path, monkeypatch):
    data = _folder(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    monkeypatch.delenv("WORKBENCH_PSEUDONYMIZE_KEY", raising=False)
    plain = workbench.load_folder(data)
    secret = "s3cret-key-for-the-test"
    hashed = workbench.load_folder(data, pseudonymize_key=secret)
    assert len(_entries(cache, "folder")) == 2
    assert not set(hashed.tables["transactions"]["customer_id"]) & set(
        plain.tables["transactions"]["customer_id"])
    workbench.load_folder(data, mapping={"transactions": {"amount": "amount"}})
    assert len(_entries(cache, "folder")) == 3
    for path in cache.iterdir():
        assert secret.encode() not in path.read_bytes() and secret not in path.name


# --- ChurnModel.fit ---------------------------------------------------------------------------
def _count_fits(monkeypatch) -> list[str]:
    """Record the horizon of every real ``ChurnModel`` fit (a cache hit records nothing)."""
    fits: list[str] = []
    real = workbench.ChurnModel._fit

    def counting(self, *args):
        fits.append(self.horizon)
        return real(self, *args)

    monkeypatch.setattr(workbench.ChurnModel, "_fit", counting)
    return fits


def test_churn_fit_is_read_back_for_the_same_data_and_refitted_otherwise(tmp_path, monkeypatch):
    tx = workbench.make_transactions(n_customers=150, n_transactions=1500, seed=3)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    fits = _count_fits(monkeypatch)
    a = workbench.ChurnModel(horizon="90D").fit(tx)
    b = workbench.ChurnModel(horizon="90D").fit(tx.copy())
    assert fits == ["90D"]
    np.testing.assert_array_equal(a.predict_proba(tx).to_numpy(), b.predict_proba(tx).to_numpy())
    assert b.feature_names_in_ == a.feature_names_in_ and b.windows_ == a.windows_
    workbench.ChurnModel(horizon="60D").fit(tx)  # another parameter
    workbench.ChurnModel(horizon="90D").fit(tx.iloc[:-5])  # other data
    assert fits == ["90D", "60D", "90D"]
    monkeypatch.delenv(CACHE_ENV)
    c = workbench.ChurnModel(horizon="90D").fit(tx)  # uncached: the same model
    np.testing.assert_allclose(c.predict_proba(tx).to_numpy(), a.predict_proba(tx).to_numpy(),
                               rtol=1e-9, atol=1e-12)


def test_churn_fit_is_keyed_on_the_cut_it_reads_not_on_how_it_was_asked(tmp_path, monkeypatch):
    """fit(tx), fit(tx, asof=<last day>), fit(<the cut>, <its day>) - as client_base asks -
    and fit(<later rows too>, asof=<that day>) all read the same transactions: one fit."""
    from workbench._columns import prepare_transactions

    tx = workbench.make_transactions(n_customers=150, n_transactions=1500, seed=3)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    fits = _count_fits(monkeypatch)
    a = workbench.ChurnModel(horizon="90D").fit(tx)
    last = pd.Timestamp(tx["date"].max())
    cut, day = prepare_transactions(tx, None)
    workbench.ChurnModel(horizon="90D").fit(tx, asof=str(last.date()))
    workbench.ChurnModel(horizon="90D").fit(cut, day)
    later = tx.iloc[[0]].copy()
    later["date"] = later["date"] + (last - pd.Timestamp(later["date"].iloc[0])
                                     + pd.Timedelta(days=30))
    longer = pd.concat([tx, later], ignore_index=True)
    b = workbench.ChurnModel(horizon="90D").fit(longer, asof=last)
    assert fits == ["90D"]
    np.testing.assert_array_equal(a.predict_proba(tx).to_numpy(), b.predict_proba(tx).to_numpy())
    workbench.ChurnModel(horizon="90D").fit(longer)  # a later asof: other data
    assert fits == ["90D", "90D"]


def test_client_base_is_computed_once_per_run(tmp_path, monkeypatch):
    """Steps 5, 7 and 8 spell the same client base apart (the folder or its tables, the
    default horizon or "90D", the ladder's rules or the same as offer rules): one entry."""
    import importlib

    client_base_module = importlib.import_module("workbench.client_base")  # not the function
    folder = workbench.load_folder(_folder(tmp_path, n=1500, clients=150))
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    calls = _counting(monkeypatch, client_base_module, "_client_base")
    a = workbench.client_base(folder, churn=False)
    b = workbench.client_base(dict(folder.tables), None, churn=False, horizon="90D",
                              ladder_rules={})
    assert len(calls) == 1 and len(_entries(tmp_path / "cache", "client-base")) == 1
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.settings == b.settings and a.horizon == b.horizon
    workbench.client_base(folder, churn=False, horizon="60D")  # another setting: a miss
    assert len(calls) == 2
    monkeypatch.delenv(CACHE_ENV)
    c = workbench.client_base(folder, churn=False)  # uncached: computed, the same
    pd.testing.assert_frame_equal(a.table, c.table)


def test_churn_fit_with_an_own_estimator_is_not_cached(tmp_path, monkeypatch):
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    tx = workbench.make_transactions(n_customers=120, n_transactions=1200, seed=4)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    workbench.ChurnModel(horizon="90D", estimator=make_pipeline(SimpleImputer(), LogisticRegression())).fit(tx)
    assert not _entries(tmp_path / "cache", "churn-fit")


def test_an_edited_workbench_never_reads_an_older_entry(monkeypatch):
    before = fingerprint("same", 1)
    monkeypatch.setattr(_cache, "code_fingerprint", lambda: "another version of the code")
    assert fingerprint("same", 1) != before


# --- workbench run, end to end ----------------------------------------------------------------
def _fitting_notebook(folder):
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('data_dir = "."\nlanguage = "en"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "import workbench\n"
        "folder = workbench.load_folder(data_dir)\n"
        "model = workbench.ChurnModel(horizon='90D').fit(folder)\n"
        "p = model.predict_proba(folder)\n"
        "print(len(folder.tables['transactions']), len(p), f'{p.sum():.6f}')")]
    for name in ("00_load", "01_again"):
        nbformat.write(nb, folder / f"{name}.ipynb")
    return sorted(folder.glob("*.ipynb"))


def _printed(result):
    import nbformat

    return [nbformat.read(p, as_version=4).cells[-1].outputs[0]["text"]
            for p in result.notebooks]


@pytest.mark.slow
def test_run_shares_one_load_and_fit_and_a_changed_file_invalidates(tmp_path):
    from workbench.runner import run_workshop

    data = _folder(tmp_path, n=1500, clients=150)
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    paths = _fitting_notebook(nbs)
    cache = tmp_path / "out" / ".cache"
    kw = {"notebook_dir": nbs, "report": False, "deliverables": False, "progress": None}
    first = run_workshop(data, tmp_path / "out", **kw)
    assert first.failed == {}
    entries = sorted(p.name for p in cache.glob("*.pkl"))
    fits = [e for e in entries if e.startswith("bgnbd-fit-")]  # one per feature date
    assert 2 <= len(fits) <= 5  # the model's training windows and the scoring date
    assert [e.split("-")[0] for e in entries if e not in fits] == ["churn", "folder"]
    again = run_workshop(data, tmp_path / "out", **kw)  # every step reads the cache
    kept = sorted(p.name for p in cache.glob("*.pkl"))
    # the fit read back, its windows' BG/NBD parameters were not needed: pruned as unused
    assert [e for e in kept if not e.startswith("bgnbd-fit-")] == [e for e in entries
                                                                   if e not in fits]
    assert set(kept) <= set(entries)
    uncached = run_workshop(data, tmp_path / "plain", cache=False, jobs=1, **kw)
    assert not (tmp_path / "plain" / ".cache").exists()
    assert _printed(first) == _printed(again) == _printed(uncached)
    assert len(set(_printed(first))) == 1 and _printed(first)[0].startswith("1500 ")
    tx = pd.read_csv(data / "transactions.csv", dtype=str).iloc[:1400]
    tx.to_csv(data / "transactions.csv", index=False)
    changed = run_workshop(data, tmp_path / "out", **kw)
    assert _printed(changed)[0].startswith("1400 ")
    now = sorted(p.name for p in cache.glob("*.pkl") if not p.name.startswith("bgnbd-fit-"))
    assert len(now) == 2 and not set(now) & set(entries)  # the old entries were pruned
    assert paths == sorted(nbs.glob("*.ipynb"))


def test_one_cached_folder_serves_both_languages(tmp_path, monkeypatch):
    data = _folder(tmp_path)
    with (data / "transactions.csv").open("a", encoding="utf-8") as f:
        f.write("0001,2023-02-30,5\n")  # one rejected row: its reason is a code, said on display
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    before = workbench.i18n.get_language()
    try:
        workbench.set_language("en")
        workbench.load_folder(data)
        workbench.set_language("ru")
        again = workbench.load_folder(data)
        (reason,) = again.reports["transactions"].rejected["reason"]
        assert "неверная дата" in str(reason)
        assert "Прочитано строк" in again.reports["transactions"].summary()
    finally:
        workbench.set_language(before)
    assert len(_entries(tmp_path / "cache", "folder")) == 1


# --- value models ---------------------------------------------------------------------------
def _counting(monkeypatch, module, name):
    """Count the real computations behind a @cached function (its ``__wrapped__``)."""
    fn = getattr(module, name)
    real = fn.__wrapped__
    calls = []

    def counting(*args, **kwargs):
        calls.append(kwargs.get("horizon", args[2] if len(args) > 2 else None))
        return real(*args, **kwargs)

    monkeypatch.setattr(fn, "__wrapped__", counting)
    return calls


def test_customer_value_is_read_back_for_the_same_data_and_settings(tmp_path, monkeypatch):
    import workbench.value as value_module

    tx = workbench.make_transactions(n_customers=120, n_transactions=1200, seed=5)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    calls = _counting(monkeypatch, value_module, "customer_value")
    a = value_module.customer_value(tx, horizon="180D", n_boot=2)
    b = value_module.customer_value(tx.copy(), None, "180D", n_boot=2)  # same call, spelt apart
    assert len(calls) == 1 and len(_entries(cache, "customer-value")) == 1
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.bgnbd == b.bgnbd and a.gamma_gamma == b.gamma_gamma
    value_module.customer_value(tx, horizon="90D", n_boot=2)  # another setting: a miss
    changed = tx.copy()
    changed.loc[changed.index[0], "amount"] += 1.0
    value_module.customer_value(changed, horizon="180D", n_boot=2)  # other data: a miss
    assert len(calls) == 3 and len(_entries(cache, "customer-value")) == 3
    monkeypatch.delenv(CACHE_ENV)
    c = value_module.customer_value(tx, horizon="180D", n_boot=2)  # uncached: computed
    assert len(calls) == 3  # the undecorated body ran, not the counted miss path
    pd.testing.assert_frame_equal(c.table, a.table)


def test_retention_value_backtest_is_shared_between_steps(tmp_path, monkeypatch):
    import workbench.economics as economics

    tx = workbench.make_transactions(n_customers=120, n_transactions=1500, seed=6)
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    calls = _counting(monkeypatch, economics, "retention_value")
    value, info = workbench.retention_value(tx, horizon="90D")
    again, info2 = workbench.retention_value(tx, horizon="90D")
    assert len(calls) == 1
    pd.testing.assert_series_equal(value, again)
    assert info == info2 and info["reason"] in ("backtest", "no_backtest")
    workbench.retention_value(tx, horizon="90D", method="run_rate")
    assert len(calls) == 2
    # what the back-test fitted inside was cached too, under its own key
    assert _entries(cache, "customer-value")
    # an entry that cannot be read back counts as absent
    for path in cache.glob("retention-value-*.pkl"):
        path.write_bytes(b"broken")
    workbench.retention_value(tx, horizon="90D")
    assert len(calls) == 3

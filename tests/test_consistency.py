"""Cross-step consistency: the same count is the same number in every step of a run.

Steps 5-8 each record the counts they show (``out_dir/counts/step_NN.json``, written by
:func:`workbench.save_counts` from the objects the notebook displays); the slow tests run the
notebooks with :func:`workbench.runner.run_workshop` on the bundled sample and on a folder that
holds only transactions, and compare the records with :func:`workbench.count_disagreements`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import workbench
from workbench.client_base import STEP_COUNT_KEYS, count_disagreements, load_counts, save_counts

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("05_costs_and_churn", "06_offers", "07_packaging", "08_feedback_loop")


# ------------------------------------------------------------------------------------------
# the comparison itself, on hand-built records
# ------------------------------------------------------------------------------------------

def test_agreeing_steps_have_no_disagreement():
    records = {"step_05": {"n_active": 8, "n_lapsed": 2, "n_high_risk": 3},
               "step_07": {"n_active": 8, "n_lapsed": 2, "n_high_risk": 3,
                           "by_strategy": {"retain": 5, "win_back": 2}},
               "step_08": {"n_lapsed": 2, "by_strategy": {"retain": 5, "win_back": 2}}}
    assert count_disagreements(records) == []


def test_a_step_that_disagrees_is_named_with_both_values():
    records = {"step_05": {"n_active": 8, "n_high_risk": 3},
               "step_07": {"n_active": 8, "n_high_risk": 4},
               "step_08": {"n_high_risk": 3}}
    got = count_disagreements(records)
    assert got == [{"key": "n_high_risk", "label": None,
                    "values": {"step_05": 3, "step_07": 4, "step_08": 3}}]


def test_mapping_counts_compare_label_by_label_and_missing_is_zero():
    records = {"step_06": {"by_rung": {"advocate": 280, "lapsed": 1170}},
               "step_07": {"by_rung": {"advocate": 273, "lapsed": 1170, "regular": 5}}}
    got = count_disagreements(records)
    assert [(d["key"], d["label"]) for d in got] == [("by_rung", "advocate"),
                                                      ("by_rung", "regular")]
    assert got[1]["values"] == {"step_06": 0, "step_07": 5}
    # a number in one step and a mapping in another cannot agree
    mixed = count_disagreements({"a": {"by_rung": 3}, "b": {"by_rung": {"x": 3}}})
    assert [d["key"] for d in mixed] == ["by_rung"]


def test_shares_compare_with_a_tolerance_counts_exactly():
    assert count_disagreements({"a": {"share": 0.1 + 0.2}, "b": {"share": 0.3}}) == []
    assert count_disagreements({"a": {"share": 0.30}, "b": {"share": 0.31}}) != []
    assert count_disagreements({"a": {"n": 1000}, "b": {"n": 1001}}) != []


def test_save_and_load_round_trip(tmp_path):
    assert save_counts(None, 5, {"n_active": 1}) is None  # a notebook opened by hand
    assert load_counts(tmp_path) == {}
    series = pd.Series({"retain": 3, "cherish": 1})
    path = save_counts(tmp_path, 7, {"n_active": pd.Series([1, 2]).sum(),
                                     "by_strategy": series, "share": 0.25})
    assert path.name == "step_07.json"
    save_counts(tmp_path, 5, {"n_active": 3})
    got = load_counts(tmp_path)
    assert list(got) == ["step_05", "step_07"]
    assert got["step_07"] == {"n_active": 3, "by_strategy": {"retain": 3, "cherish": 1},
                              "share": 0.25}
    assert count_disagreements(got) == []
    with pytest.raises(workbench.WorkbenchError, match="number or a mapping"):
        save_counts(tmp_path, 6, {"n_active": "many"})


# ------------------------------------------------------------------------------------------
# the notebooks, run end to end
# ------------------------------------------------------------------------------------------

def _transactions_only(folder: Path) -> Path:
    """A client folder holding only a trimmed copy of the sample's transactions (no survey,
    customers, feedback, leads or workshop file)."""
    tx = pd.read_csv(ROOT / "data" / "samples" / "transactions.csv", dtype={"customer_id": str})
    keep = sorted(tx["customer_id"].unique())[::4]  # every fourth client, whole histories
    folder.mkdir()
    tx[tx["customer_id"].isin(keep)].to_csv(folder / "transactions.csv", index=False)
    return folder


def _run_steps(data_dir: Path, out_dir: Path) -> dict[str, dict]:
    from workbench.runner import run_workshop

    paths = [ROOT / "notebooks" / f"{name}.ipynb" for name in STEPS]
    result = run_workshop(data_dir, out_dir, language="en", notebooks=paths, report=False,
                          deliverables=False, progress=None)
    assert result.failed == {}, result.failed
    for nb in result.notebooks:  # every cell ran without an error output
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        errors = [o for c in cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert errors == [], (nb.name, errors[:1])
    return load_counts(out_dir)


def _check(records: dict[str, dict], base: workbench.ClientBase) -> None:
    assert sorted(records) == ["step_05", "step_06", "step_07", "step_08"]
    # the comparison is not vacuous: the key counts are recorded by several steps
    for key in ("n_clients", "n_active", "n_lapsed", "n_high_risk"):
        assert sum(key in r for r in records.values()) >= 3, key
    for key in ("n_advocates", "by_rung"):
        assert sum(key in r for r in records.values()) >= 2, key
    assert set().union(*records.values()) <= set(STEP_COUNT_KEYS)
    assert count_disagreements(records) == []
    # and the common number is the client base's
    counts = base.counts()
    for key in ("n_clients", "n_active", "n_lapsed", "n_high_risk", "n_advocates"):
        values = {r[key] for r in records.values() if key in r}
        assert values == {counts[key]}, (key, values, counts[key])
    assert records["step_07"]["by_strategy"] == {
        k: v for k, v in counts["by_strategy"].items() if k not in ("attract",)}


@pytest.mark.slow
def test_every_step_counts_the_same_clients_on_the_sample(tmp_path):
    data = ROOT / "data" / "samples"
    records = _run_steps(data, tmp_path / "out")
    base = workbench.client_base(workbench.load_folder(data))
    _check(records, base)
    # the sample has lapsed clients, advocates and clients at high risk: a real comparison
    assert records["step_07"]["n_lapsed"] > 0 and records["step_07"]["n_advocates"] > 0
    assert records["step_05"]["n_high_risk"] > 0
    # a step that disagrees is caught: make step 6 count one advocate more
    path = tmp_path / "out" / "counts" / "step_06.json"
    data6 = json.loads(path.read_text(encoding="utf-8"))
    data6["counts"]["n_advocates"] += 1
    path.write_text(json.dumps(data6), encoding="utf-8")
    got = count_disagreements(load_counts(tmp_path / "out"))
    assert [d["key"] for d in got] == ["n_advocates"]


@pytest.mark.slow
def test_every_step_counts_the_same_clients_on_a_transactions_only_folder(tmp_path):
    data = _transactions_only(tmp_path / "client")
    records = _run_steps(data, tmp_path / "out")
    base = workbench.client_base(workbench.load_folder(data))
    _check(records, base)
    assert records["step_07"]["n_lapsed"] > 0

"""The public API: explicit, alphabetised ``__all__`` tuples whose names all resolve."""

from __future__ import annotations

import importlib

import pytest

MODULES = ["workbench", "workbench.plotting", "workbench.widgets", "workbench.segmentation"]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_tuple_of_resolvable_names(name):
    module = importlib.import_module(name)
    exported = module.__all__
    assert isinstance(exported, tuple)
    assert list(exported) == sorted(exported), f"{name}.__all__ is not alphabetised"
    assert len(set(exported)) == len(exported)
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names missing attributes: {missing}"


def test_every_step_function_named_in_the_issues_is_public():
    import workbench

    for name in [
        "load_transactions", "load_customers", "load_survey", "load_feedback", "load_leads",
        "rfm_table", "btyd_summary", "abc_xyz", "loyalty_ladder", "Segmenter",
        "churn_labels", "customer_features", "ChurnModel", "retention_plan",
        "importance_performance", "gap_analysis", "kano", "expectation_ladder", "priorities",
        "offer_matrix", "golden_drops", "competitiveness", "ukor", "nps",
        "complaints_summary", "funnel", "plan_backwards", "loop_check",
    ]:
        assert name in workbench.__all__, name


def test_computation_modules_do_not_import_plotting_or_widgets():
    import subprocess
    import sys

    code = (
        "import sys, workbench; "
        "bad = [m for m in ('matplotlib.pyplot', 'ipywidgets') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import workbench pulled in {out.stdout.strip()}"

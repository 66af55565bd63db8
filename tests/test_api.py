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


#: Seconds-long imports that ``import workbench`` (and its plotting and widgets) must not pay:
#: the classes built on them are imported on first use (workbench/_lazy.py).
HEAVY = ("sklearn", "scipy.stats", "seaborn")


def test_importing_the_package_does_not_import_sklearn_scipy_stats_or_seaborn():
    import subprocess
    import sys

    code = (
        "import sys, workbench, workbench.plotting, workbench.widgets; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import workbench pulled in {out.stdout.strip()}"


@pytest.mark.parametrize("name", ["workbench", "workbench.churn", "workbench.segmentation"])
def test_lazy_names_resolve_to_their_defining_module_and_are_listed(name):
    module = importlib.import_module(name)
    assert module._LAZY, name
    for attr, home in module._LAZY.items():
        assert attr in module.__all__
        assert attr in dir(module)
        assert getattr(module, attr) is getattr(importlib.import_module(home), attr)
    exec(f"from {name} import {', '.join(module._LAZY)}", {})  # noqa: S102 - the from-import form
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        module.not_a_name  # noqa: B018


def test_the_text_layer_is_re_exported_but_its_helpers():
    import workbench
    import workbench.narrative as narrative

    assert narrative.PACKAGE_ONLY <= set(narrative.__all__)
    for name in narrative.__all__:
        if name in narrative.PACKAGE_ONLY:
            assert name not in workbench.__all__, name
        else:
            assert name in workbench.__all__ and getattr(workbench, name) is getattr(narrative, name)


def test_a_pickled_segmenter_loads_through_the_lazy_name():
    import pickle

    import pandas as pd

    import workbench

    X = pd.DataFrame({"a": [0.0, 0.1, 0.2, 5.0, 5.1, 5.2], "b": [1.0, 1.1, 0.9, 7.0, 7.2, 6.9]})
    seg = workbench.Segmenter(n_clusters=2, skew="none").fit(X)
    back = pickle.loads(pickle.dumps(seg))
    assert type(back) is workbench.Segmenter
    assert list(back.labels_) == list(seg.labels_)

"""Step 3: priorities under a budget — exact knapsack, ties, weights, trade-off curve."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.priorities import (
    EXACT_MAX_ACTIONS,
    priorities,
)


def _actions() -> pd.DataFrame:
    return pd.DataFrame({
        "attribute": ["delivery", "delivery", "price", "service"],
        "action": ["own couriers", "sms tracking", "bulk discount", "training"],
        "cost": [5.0, 1.0, 3.0, 2.0],
        "effect": [6.0, 2.0, 3.0, 3.0],
    })


def _ipa() -> pd.DataFrame:
    return pd.DataFrame(
        {"importance": [5.0, 4.0, 2.0], "performance": [2.0, 4.5, 3.0],
         "gap": [3.0, -0.5, -1.0]},
        index=pd.Index(["delivery", "price", "service"], name="attribute"),
    )


def _brute_force(cost, value, budget) -> float:
    best = 0.0
    for k in range(len(cost) + 1):
        for subset in itertools.combinations(range(len(cost)), k):
            idx = list(subset)
            if cost[idx].sum() <= budget + 1e-9:
                best = max(best, float(value[idx].sum()))
    return best


class TestPriorities:
    def test_exact_optimum_beats_greedy_choice(self):
        # best value per cost: sms (2), training (1.5), own couriers (1.2), discount (1):
        # greedy at budget 6 takes sms + training (5) + nothing else fits; exact finds
        # own couriers + sms = 8.
        plan = priorities(None, _actions(), budget=6)
        assert plan.method == "exact"
        assert plan.chosen["action"].tolist() == ["own couriers", "sms tracking"]
        assert plan.total_cost == 6.0
        assert plan.total_value == 8.0
        expected = _actions().assign(weight=1.0, value=[6.0, 2.0, 3.0, 3.0],
                                     chosen=[True, True, False, False])
        assert_frame_equal(plan.actions, expected)

    def test_budget_zero_takes_only_free_actions(self):
        acts = pd.concat([_actions(), pd.DataFrame({
            "attribute": ["service"], "action": ["smile"], "cost": [0.0], "effect": [1.0]})],
            ignore_index=True)
        plan = priorities(None, acts, budget=0)
        assert plan.chosen["action"].tolist() == ["smile"]
        assert plan.total_cost == 0.0 and plan.total_value == 1.0
        assert priorities(None, _actions(), budget=0).chosen.empty

    def test_all_actions_affordable(self):
        plan = priorities(None, _actions(), budget=100)
        assert plan.actions["chosen"].all()
        assert plan.total_cost == 11.0 and plan.total_value == 14.0

    def test_ties_prefer_cheaper_then_fewer_then_earlier(self):
        acts = pd.DataFrame({"action": ["x", "y", "z", "w"], "cost": [2.0, 2.0, 1.0, 1.0],
                             "effect": [3.0, 3.0, 3.0, 0.0]})
        # value 3 reachable by x, y or z: z is cheapest; w adds nothing and is left out
        assert priorities(None, acts, budget=2).chosen["action"].tolist() == ["z"]
        # x and y tie on value and cost: the earlier one wins
        acts2 = acts.iloc[:2]
        assert priorities(None, acts2, budget=2).chosen["action"].tolist() == ["x"]
        # float noise does not break a tie: 0.1 + 0.2 vs 0.3
        acts3 = pd.DataFrame({"action": ["p", "q", "r"], "cost": [1.0, 1.0, 2.0],
                              "effect": [0.1, 0.2, 0.3]})
        plan = priorities(None, acts3, budget=2)
        assert plan.chosen["action"].tolist() == ["r"]  # same value and cost, fewer actions

    def test_weight_by_importance_and_gap(self):
        by_imp = priorities(_ipa(), _actions(), budget=3, weight="importance")
        assert by_imp.actions["weight"].tolist() == [5.0, 5.0, 4.0, 2.0]
        assert by_imp.chosen["action"].tolist() == ["sms tracking", "training"]
        assert by_imp.total_value == 16.0  # 2*5 + 3*2 beats discount 3*4 = 12
        by_gap = priorities(_ipa(), _actions(), budget=100, weight="gap")
        assert by_gap.actions["weight"].tolist() == [3.0, 3.0, 0.0, 0.0]
        assert by_gap.total_value == 24.0
        # zero-value actions are not chosen even when affordable (fewer actions on ties)
        assert by_gap.chosen["action"].tolist() == ["own couriers", "sms tracking"]

    def test_ipa_with_attribute_column_and_unknown_attribute(self):
        ipa = _ipa().reset_index()
        assert priorities(ipa, _actions(), 3, weight="gap").total_value == 6.0
        acts = _actions()
        acts.loc[0, "attribute"] = "parking"
        with pytest.raises(WorkbenchError, match=r"\['parking'\] are not in the IPA table"):
            priorities(_ipa(), acts, 3, weight="gap")
        with pytest.raises(WorkbenchError, match="needs the IPA table"):
            priorities(None, _actions(), 3, weight="gap")

    def test_curve(self):
        plan = priorities(None, _actions(), budget=6, curve_points=12)
        curve = plan.curve
        assert curve.columns.tolist() == ["budget", "value", "cost", "n_actions"]
        assert curve["budget"].tolist() == [float(b) for b in range(12)]
        assert curve["value"].is_monotonic_increasing
        assert (curve["cost"] <= curve["budget"] + 1e-9).all()
        at = curve.set_index("budget")
        assert at.loc[6.0, "value"] == 8.0
        assert at.loc[1.0, "value"] == 2.0
        assert at.loc[11.0, "value"] == 14.0

    def test_input_errors(self):
        with pytest.raises(WorkbenchError, match="budget must be a number >= 0"):
            priorities(None, _actions(), -1)
        bad = _actions()
        bad.loc[2, "cost"] = -3
        with pytest.raises(WorkbenchError, match=r"row 2 \(action 'bulk discount'\) has -3"):
            priorities(None, bad, 5)
        bad = _actions()
        bad.loc[1, "effect"] = None
        with pytest.raises(WorkbenchError, match="'effect' is empty or not finite in row 1"):
            priorities(None, bad, 5)
        with pytest.raises(MissingColumnsError, match="'cost'"):
            priorities(None, _actions().drop(columns="cost"), 5)
        with pytest.raises(WorkbenchError, match="weight must be one of"):
            priorities(None, _actions(), 5, weight="roi")
        renamed = _actions().rename(columns={"cost": "rub"})
        assert priorities(None, renamed, 6, columns={"rub": "cost"}).total_value == 8.0

    def test_empty_actions(self):
        plan = priorities(None, _actions().iloc[:0], 5)
        assert plan.chosen.empty and plan.total_value == 0.0

    def test_many_actions_use_greedy_and_say_so(self):
        n = EXACT_MAX_ACTIONS + 1
        acts = pd.DataFrame({"action": [f"a{i}" for i in range(n)], "cost": [1.0] * n,
                             "effect": [float(i % 5) for i in range(n)]})
        plan = priorities(None, acts, budget=5, curve_points=3)
        assert plan.method == "greedy"
        assert plan.total_value == 20.0  # five actions with effect 4
        assert plan.chosen["action"].tolist() == ["a4", "a9", "a14", "a19", "a24"]

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=9),
        st.integers(0, 60),
    )
    def test_exact_matches_brute_force(self, items, budget):
        cost = np.array([c for c, _ in items], dtype=float)
        value = np.array([v for _, v in items], dtype=float)
        acts = pd.DataFrame({"action": range(len(items)), "cost": cost, "effect": value})
        plan = priorities(None, acts, budget, curve_points=2)
        assert plan.total_cost <= budget + 1e-9
        assert plan.total_value == pytest.approx(_brute_force(cost, value, budget))

    @settings(max_examples=30, deadline=None)
    @given(
        st.lists(st.tuples(st.floats(0, 10), st.floats(0, 10)), min_size=1, max_size=8),
        st.floats(0, 40),
    )
    def test_greedy_never_exceeds_budget_nor_beats_exact(self, items, budget):
        from workbench.priorities import _exact, _greedy

        cost = np.array([c for c, _ in items])
        value = np.array([v for _, v in items])
        g = _greedy(cost, value, budget)
        e = _exact(cost, value, budget)
        assert cost[g].sum() <= budget + 1e-6
        assert value[g].sum() <= value[e].sum() + 1e-9
        assert value[g].sum() >= 0.5 * value[e].sum() - 1e-9  # the half-approximation

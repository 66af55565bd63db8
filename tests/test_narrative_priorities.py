"""Step 3 read aloud: the priority plan and its trade-off curve, exact sentences in en and ru."""

from __future__ import annotations

import pandas as pd

from workbench.narrative import describe_priorities, describe_tradeoff, format_priorities
from workbench.priorities import EXACT_MAX_ACTIONS, priorities

NB = "\u00a0"


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


class TestDescribePlan:
    def test_describe_priorities_en_ru_and_nothing_fits(self):
        plan = priorities(None, _actions(), budget=6)
        assert describe_priorities(plan, "en") == (
            "With a budget of 6 we choose 2 actions: own couriers, sms tracking. The cost is 6, "
            "the expected effect 8.")
        assert describe_priorities(plan, "ru") == (
            f"При бюджете 6 выбираем 2{NB}действия: own couriers, sms tracking. Затраты — 6, "
            "ожидаемый эффект — 8.")
        assert describe_priorities(priorities(None, _actions(), budget=0.5), "ru") == (
            "При бюджете 0,5 ни одно действие не помещается.")

    def test_describe_priorities_thousands_and_greedy_note(self):
        acts = _actions().assign(cost=[5000.0, 1000.0, 3000.0, 2000.0])
        plan = priorities(None, acts, budget=6000)
        assert describe_priorities(plan, "ru").startswith(f"При бюджете 6{NB}000 выбираем")
        many = pd.DataFrame({"action": [f"a{i}" for i in range(EXACT_MAX_ACTIONS + 1)],
                             "cost": 1.0, "effect": 1.0})
        text = describe_priorities(priorities(None, many, budget=2, curve_points=2), "en")
        assert text.endswith("(close to, but not guaranteed, the best).")

    def test_describe_tradeoff(self):
        # all four cost 11 and bring 14; budget 6 buys 8 (57%); half (7) is first reached at the
        # grid budget 6 (at 5.5 the best is 6: own couriers alone); next: 8.25 buys 11 (+3)
        plan = priorities(None, _actions(), budget=6, curve_points=5)
        assert plan.curve["budget"].tolist() == [0.0, 2.75, 5.5, 6.0, 8.25, 11.0]
        assert plan.curve["value"].tolist() == [0.0, 3.0, 6.0, 8.0, 11.0, 14.0]
        assert describe_tradeoff(plan, "en") == (
            "Doing all 4 actions costs 11 and brings 14. The budget of 6 buys 57% of that. "
            "Half of the total effect needs a budget of 6. Raising the budget to 8.25 adds 3.")
        top = priorities(None, _actions(), budget=11, curve_points=5)
        assert describe_tradeoff(top, "ru") == (
            f"Все 4{NB}действия вместе стоят 11 и дают 14. Бюджет 11 даёт 100{NB}% этого эффекта. "
            "Половина всего эффекта требует бюджета 8,25.")  # coarse grid: 6 is not on it

    def test_describe_tradeoff_no_actions(self):
        empty = _actions().iloc[0:0]
        assert describe_tradeoff(priorities(None, empty, budget=1), "en") == (
            "No candidate actions.")

    def test_format_priorities_chosen_first(self):
        plan = priorities(_ipa(), _actions(), budget=6, weight="importance")
        shown = format_priorities(plan, "ru")
        assert list(shown.columns) == ["Параметр", "Действие", "Затраты", "Эффект",
                                       "Ожидаемый эффект", "Выбрано"]
        assert shown["Действие"].tolist() == [
            "sms tracking", "own couriers", "bulk discount", "training"]
        assert shown["Выбрано"].tolist() == ["да", "да", "нет", "нет"]
        assert shown["Ожидаемый эффект"].tolist() == ["10,00", "30,00", "12,00", "6,00"]
        assert shown["Затраты"].tolist()[0].replace(",", "").isdigit()  # trimmed, no ',00'

    def test_values_have_two_decimals_at_most(self):
        acts = _actions().assign(effect=[0.6, 0.15, 0.35, 0.2])
        plan = priorities(None, acts, budget=6)
        assert describe_priorities(plan, "ru").endswith("ожидаемый эффект — 0,75.")
        assert "Raising the budget to 8.25 adds 0.2." in describe_tradeoff(
            priorities(None, acts, budget=6, curve_points=5), "en")


def test_format_actions_translates_headers_and_writes_numbers_as_entered():
    from workbench.narrative import format_actions

    acts = pd.DataFrame({"attribute": ["Цена"], "action": ["Скидка"], "cost": [1200.0],
                         "effect": [0.5], "note": ["x"]})
    shown = format_actions(acts, "ru")
    assert list(shown.columns) == ["Параметр", "Действие", "Затраты", "Эффект"]
    assert shown.iloc[0].tolist() == ["Цена", "Скидка", "1\xa0200", "0,5"]
    assert format_actions(acts, "en").iloc[0, 2:].tolist() == ["1,200", "0.5"]

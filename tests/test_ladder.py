"""loyalty_ladder and ladder_transitions on hand-built histories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench import i18n
from workbench.errors import WorkbenchError
from workbench.segmentation.ladder import (
    LADDER_RUNGS,
    LADDER_STRATEGIES,
    ladder_transitions,
    loyalty_ladder,
)

ASOF = "2024-12-31"


def _tx(rows, cols=("customer_id", "date", "amount")):
    frame = pd.DataFrame(rows, columns=list(cols))
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _history():
    rows = []
    # reg: monthly all year, since 2024 -> regular (tenure < 730)
    rows += [("reg", f"2024-{m:02d}-15", 100.0) for m in range(1, 13)]
    # adv: monthly for three years -> regular + tenure >= 730 -> advocate
    rows += [("adv", f"{y}-{m:02d}-10", 50.0) for y in (2022, 2023, 2024) for m in range(1, 13)]
    # one: a single purchase in December -> first_purchase
    rows += [("one", "2024-12-01", 20.0)]
    # buy: two purchases this year -> buyer
    rows += [("buy", "2024-09-01", 20.0), ("buy", "2024-11-01", 20.0)]
    # gone: bought in 2023 only -> lapsed
    rows += [("gone", "2023-03-01", 20.0), ("gone", "2023-04-01", 20.0)]
    # burst: 4 purchases in the year but very uneven gaps -> buyer, not regular
    rows += [("burst", d, 10.0) for d in ("2024-01-01", "2024-01-02", "2024-01-03", "2024-12-20")]
    return _tx(rows)


class TestLoyaltyLadder:
    def test_rungs_written_out(self):
        out = loyalty_ladder(_history(), asof=ASOF)
        assert out["rung"].to_dict() == {
            "adv": "advocate",
            "burst": "buyer",
            "buy": "buyer",
            "gone": "lapsed",
            "one": "first_purchase",
            "reg": "regular",
        }
        assert out.loc["reg", "strategy"] == "retain"
        assert out.loc["gone", "strategy"] == "win_back"
        assert out.loc["adv", "level"] == 5 and out.loc["gone", "level"] == -1
        assert out.loc["reg", "orders_window"] == 12
        assert out.loc["buy", "median_gap_days"] == 61

    def test_lapse_scales_with_the_usual_gap(self):
        # buys every 200 days: 250 days of silence is < 3 x 200 -> not lapsed
        tx = _tx([("slow", "2023-01-01", 1.0), ("slow", "2023-07-20", 1.0), ("slow", "2024-02-05", 1.0)])
        out = loyalty_ladder(tx, asof="2024-10-12")
        assert out.loc["slow", "recency_days"] == 250
        assert out.loc["slow", "rung"] == "buyer"
        out2 = loyalty_ladder(tx, asof="2024-10-12", rules={"lapsed_gap_multiple": 1.0})
        assert out2.loc["slow", "rung"] == "lapsed"

    def test_one_off_buyer_lapses_after_lapsed_days(self):
        tx = _tx([("x", "2024-01-01", 1.0), ("y", "2024-12-31", 1.0)])
        out = loyalty_ladder(tx, asof=ASOF)
        assert out["rung"].tolist() == ["lapsed", "first_purchase"]

    def test_survey_promoter_makes_an_advocate(self):
        survey = pd.DataFrame(
            {"respondent_id": ["r1", "r2"], "customer_id": ["reg", "buy"],
             "attribute": ["overall", "overall"], "nps": [10, 10]}
        )
        out = loyalty_ladder(
            _history(), asof=ASOF, survey=survey, rules={"advocate_min_tenure_days": None}
        )
        assert out.loc["reg", "rung"] == "advocate"
        assert out.loc["adv", "rung"] == "regular"  # tenure rule disabled, no NPS
        assert out.loc["buy", "rung"] == "buyer"  # a promoter but not regular
        assert out.loc["buy", "nps"] == 10

    def test_leads_without_purchase_are_potential_or_visitor(self):
        leads = pd.DataFrame(
            {
                "lead_id": ["L1", "L2", "L3", "L4"],
                "customer_id": [None, "newco", "one", None],
                "stage": ["call", "meeting", "deal", "proposal"],
                "date": pd.to_datetime(["2024-05-01", "2024-06-01", "2024-11-01", "2025-03-01"]),
            }
        )
        out = loyalty_ladder(_history(), asof=ASOF, leads=leads)
        assert out.loc["lead:L1", "rung"] == "potential"
        assert out.loc["newco", "rung"] == "visitor"
        assert out.loc["one", "rung"] == "first_purchase"  # a buyer keeps the purchase rung
        assert "lead:L4" not in out.index  # after asof
        assert out.loc["newco", "strategy"] == "attract"
        assert pd.isna(out.loc["newco", "orders"])

    def test_profit_groups_within_rung(self):
        tx = _tx(
            [
                ("a", "2024-12-01", 100.0, 10.0),
                ("b", "2024-12-02", 100.0, 60.0),
                ("c", "2024-12-03", 100.0, 80.0),
                ("d", "2024-12-04", 100.0, 120.0),
            ],
            ("customer_id", "date", "amount", "cost"),
        )
        out = loyalty_ladder(tx, asof=ASOF)
        # all first purchases; positive profits 90, 40, 20 -> median 40
        assert out["profit_group"].tolist() == ["profitable", "profitable", "middle", "unprofitable"]

    def test_unknown_rule_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match=r"unknown key\(s\) \['lapse_days'\]"):
            loyalty_ladder(_history(), rules={"lapse_days": 90})

    def test_every_rung_and_strategy_has_labels(self):
        for rung in LADDER_RUNGS:
            assert i18n.t(f"ladder.rung.{rung}", "ru")
            assert i18n.t(f"ladder.strategy.{LADDER_STRATEGIES[rung]}", "ru")


class TestTransitions:
    def test_moves_written_out(self):
        tx = _history()
        out = ladder_transitions(tx, asof=ASOF, period=180)
        # at 2024-07-04 (asof - 180 days): adv advocate, reg regular (6 steady orders), burst
        # lapsed (185 days silent after 3 orders), gone lapsed; one / buy not yet customers.
        # By asof burst bought again (won back), gone did not.
        assert out.index.tolist() == ["regular", "advocate", "lapsed"]
        assert out["customers"].tolist() == [1, 1, 2]
        assert out.loc["regular", "stayed"] == 1.0
        assert out.loc["advocate", "stayed"] == 1.0
        assert out.loc["lapsed", "moved_up"] == 0.5
        assert out.loc["lapsed", "stayed"] == 0.5
        np.testing.assert_allclose(
            out[["moved_up", "stayed", "moved_down", "lapsed"]].sum(axis=1), 1.0
        )

    def test_first_purchase_moves_up(self):
        tx = _tx([("a", "2024-01-01", 1.0), ("a", "2024-03-01", 1.0), ("b", "2024-01-01", 1.0)])
        out = ladder_transitions(tx, asof="2024-03-31", period=60)
        assert out.loc["first_purchase", "customers"] == 2
        assert out.loc["first_purchase", "moved_up"] == 0.5
        assert out.loc["first_purchase", "stayed"] == 0.5

    def test_period_before_history_is_a_clear_error(self):
        with pytest.raises(WorkbenchError, match="choose a shorter period"):
            ladder_transitions(_history(), asof=ASOF, period="3650D")

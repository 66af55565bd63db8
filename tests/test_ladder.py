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
            assert i18n.t(f"strategy.{LADDER_STRATEGIES[rung]}", "ru")


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


class TestDescribeLadder:
    """ladder_summary / describe_ladder / describe_transitions on hand-built tables."""

    @staticmethod
    def _ladder(nps=True):
        frame = pd.DataFrame(
            {
                "rung": ["buyer", "buyer", "regular", "lapsed", "potential"],
                "orders": pd.array([3, 2, 11, 1, pd.NA], dtype="Int64"),
                "recency_days": pd.array([10, 20, 5, 400, pd.NA], dtype="Int64"),
                "nps": [9.0, np.nan, 10.0, np.nan, np.nan],
                "profit_total": [10.0, -5.0, 50.0, 3.0, np.nan],
                "profit_group": pd.array(
                    ["profitable", "unprofitable", "profitable", "profitable", pd.NA],
                    dtype="string",
                ),
            },
            index=pd.Index(list("abcde"), name="customer_id"),
        )
        return frame if nps else frame.drop(columns="nps")

    def test_summary_every_rung_in_ladder_order(self):
        from workbench.segmentation.ladder import ladder_summary

        summ = ladder_summary(self._ladder())
        assert list(summ.index) == list(LADDER_RUNGS)
        assert summ["customers"].tolist() == [1, 0, 0, 2, 1, 0, 1]
        assert summ["strategy"].tolist() == [LADDER_STRATEGIES[r] for r in LADDER_RUNGS]
        assert summ.loc["buyer", "orders_median"] == 2.5
        assert summ.loc["lapsed", "recency_median"] == 400.0
        assert np.isnan(summ.loc["potential", "orders_median"])
        assert summ.loc["regular", "profit_share"] == pytest.approx(50 / 58)
        assert summ[["profitable", "middle", "unprofitable"]].loc["buyer"].tolist() == [1, 0, 1]

    def test_describe_english_with_leads_and_survey(self):
        from workbench.narrative import describe_ladder

        assert describe_ladder(self._ladder(), language="en") == (
            "4 clients have bought: First purchase 0 (0%), Buyer 2 (50%), Regular 1 (25%), "
            "Advocate 0 (0%), Lapsed 1 (25%). Not buying yet (from the leads table): Potential "
            "1, Visitor 0. Strategies: Attract 1, Engage and develop 2, Retain 1, Win back 1. "
            "Unprofitable clients (profit ≤ 0): 1. The rung with the most profit: Regular (86% of "
            "profit)."
        )

    def test_describe_russian_without_leads_or_survey(self):
        from workbench.narrative import describe_ladder

        lad = self._ladder(nps=False).iloc[:4]
        assert describe_ladder(lad, language="ru") == (
            "Клиентов с покупками: 4; по ступеням: Первая покупка 0 (0\u00a0%), Покупатель 2 (50\u00a0%), "
            "Постоянный 1 (25\u00a0%), Приверженец 0 (0\u00a0%), Ушедший 1 (25\u00a0%). Нет таблицы лидов: "
            "ступени «Потенциальный» и «Посетитель» пусты. Нет ответов анкеты: приверженцы "
            "определены только по долгой регулярной истории. Стратегии: Вовлекать и развивать 2, Удерживать 1, "
            "Возвращать 1. Убыточных клиентов (прибыль ≤ 0): 1. Больше всего прибыли даёт ступень "
            "«Постоянный» (86\u00a0% прибыли)."
        )

    def test_format_translates(self):
        from workbench.narrative import format_ladder_summary
        from workbench.segmentation.ladder import ladder_summary

        shown = format_ladder_summary(ladder_summary(self._ladder()), language="ru")
        assert shown.index.tolist()[:2] == ["Потенциальный", "Посетитель"]
        assert shown.loc["Ушедший", "Стратегия"] == "Возвращать"
        assert shown.loc["Покупатель", "Медиана заказов"] == "2"  # 2.5 rounds to even
        assert shown.loc["Потенциальный", "Медиана заказов"] == ""

    def test_describe_transitions_russian_when_leaving_does_not_fall(self):
        from workbench.narrative import describe_transitions

        tr = pd.DataFrame(
            {"customers": [10, 20, 5, 4], "moved_up": [0.3, 0.2, 0.0, 0.25],
             "stayed": [0.0, 0.7, 0.5, 0.75], "moved_down": [0.0, 0.0, 0.2, 0.0],
             "lapsed": [0.7, 0.1, 0.3, 0.0]},
            index=pd.Index(["first_purchase", "buyer", "advocate", "lapsed"], name="rung"),
        )
        assert describe_transitions(tr, language="ru", period_days=90) == (
            "За 90 дн.: Первая покупка (10): поднялись 30\u00a0%, остались 0\u00a0%, опустились 0\u00a0%, ушли "
            "70\u00a0%; Покупатель (20): поднялись 20\u00a0%, остались 70\u00a0%, опустились 0\u00a0%, ушли 10\u00a0%; "
            "Приверженец (5): поднялись 0\u00a0%, остались 50\u00a0%, опустились 20\u00a0%, ушли 30\u00a0%; Ушедший "
            "(4): вернулись 25\u00a0%. Метод ожидает, что шанс ухода снижается по мере подъёма по "
            "лестнице; здесь доля ушедших: Первая покупка 70\u00a0% → Покупатель 10\u00a0% → Приверженец "
            "30\u00a0% — снижается не на каждой ступени, посмотрите, где доля растёт."
        )

    def test_transitions_carry_their_period(self):
        from workbench.narrative import describe_transitions

        tx = pd.DataFrame(
            {
                "customer_id": ["a"] * 6 + ["b"],
                "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01",
                                        "2024-05-01", "2024-06-01", "2024-01-15"]),
                "amount": [10.0] * 7,
            }
        )
        tr = ladder_transitions(tx, asof="2024-06-30", period=60)
        assert tr.attrs["period_days"] == 60
        assert describe_transitions(tr, language="en").startswith("Over 60 days: ")


def test_ladder_summary_profit_share_is_nan_on_lead_rungs():
    from workbench.narrative import format_ladder_summary
    from workbench.segmentation.ladder import ladder_summary

    lad = TestDescribeLadder._ladder()
    summ = ladder_summary(lad)
    assert np.isnan(summ.loc["potential", "profit_share"])
    assert format_ladder_summary(summ, language="en").loc["Potential", "Share of profit"] == "—"


def test_active_only_drops_lapsed_customers_and_keeps_order():
    from workbench import active_only

    tx = pd.DataFrame({
        "customer_id": ["old", "new", "new", "mid"],
        "date": pd.to_datetime(["2022-01-01", "2023-06-01", "2023-12-01", "2023-11-01"]),
        "amount": [10.0, 5.0, 5.0, 7.0],
    })
    scores = pd.Series({"mid": 0.5, "old": 0.9, "new": 0.1, "unknown": 0.4})
    kept = active_only(scores, tx, asof="2023-12-31")
    # "old" last bought 730 days before asof (lapsed); "unknown" never bought
    assert kept.to_dict() == {"mid": 0.5, "new": 0.1}
    assert list(kept.index) == ["mid", "new"]

"""Step 5: the cost and the expected result of every planned action (hand-built values)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from workbench.action_economics import (
    ActionEconomics,
    action_economics,
    action_inputs,
    apply_assumptions,
    decision_values,
    price_actions,
    reach_aggregates,
    reprice,
)
from workbench.economics import retention_plan
from workbench.errors import WorkbenchError
from workbench.narrative import write_workshop
from workbench.workshop import read_workshop, save_decision, workshop_from_dict

# 91.3125 days = exactly three average months (365.25 / 12 * 3)
QUARTER = 91.3125


def clients_frame():
    """Six clients: four active (two scored), one lapsed, one potential."""
    idx = pd.Index(["a", "b", "c", "d", "e", "f"], dtype="string", name="customer_id")
    return pd.DataFrame({
        "status": ["active", "active", "active", "active", "lapsed", "potential"],
        "rung": ["regular", "regular", "buyer", "buyer", "lapsed", "potential"],
        "abc_xyz": ["AX", "BY", "CZ", "CZ", "CZ", None],
        "churn_probability": [0.5, 0.1, np.nan, 0.8, np.nan, np.nan],
        "value": [1000.0, 2000.0, 300.0, 500.0, 100.0, np.nan],
    }, index=idx)


def agg_row(**kw):
    base = {"kind": "offer", "one_off_cost": np.nan, "cost_per_client": np.nan,
            "cost_period_days": np.nan, "retained": np.nan, "growth": np.nan, "n_reached": 0,
            "value_at_risk": 0.0, "value_staying": 0.0, "leads": np.nan, "conversion": np.nan,
            "new_client_value": np.nan, "missing": ()}
    base.update(kw)
    return base


class TestPriceActions:
    def test_offer_cost_money_roi_payback(self):
        agg = pd.DataFrame([agg_row(one_off_cost=100.0, cost_per_client=10.0, retained=0.5,
                                    growth=0.1, n_reached=20, value_at_risk=1000.0,
                                    value_staying=3000.0)])
        r = price_actions(agg, QUARTER).iloc[0]
        # cost 100 + 10 x 20; money 0.5 x 1000 + 0.1 x 3000
        assert r["cost"] == pytest.approx(300.0)
        assert r["money"] == pytest.approx(800.0)
        assert r["net"] == pytest.approx(500.0)
        assert r["roi"] == pytest.approx(500 / 300)
        # 800 over three months = 266.67 a month; 300 / 266.67 = 1.125 months
        assert r["payback_months"] == pytest.approx(1.125)
        assert bool(r["priced"])

    def test_yearly_cost_carries_the_horizons_share(self):
        agg = pd.DataFrame([agg_row(kind="improvement", one_off_cost=1200.0,
                                    cost_period_days=365.25, growth=0.1,
                                    value_staying=1000.0)])
        r = price_actions(agg, QUARTER).iloc[0]
        assert r["cost"] == pytest.approx(300.0)  # a quarter of the year's cost
        assert r["full_cost"] == pytest.approx(1200.0)
        assert r["money"] == pytest.approx(100.0)
        assert r["roi"] == pytest.approx(-200 / 300)
        # the year's 1200 at 100 per quarter = 33.33 a month -> 36 months
        assert r["payback_months"] == pytest.approx(36.0)

    def test_acquisition_leads_conversion_value(self):
        agg = pd.DataFrame([agg_row(kind="acquisition", one_off_cost=500.0,
                                    cost_per_client=20.0, n_reached=100, leads=100.0,
                                    conversion=0.05, new_client_value=800.0)])
        r = price_actions(agg, QUARTER).iloc[0]
        assert r["cost"] == pytest.approx(2500.0)
        assert r["expected_clients"] == pytest.approx(5.0)
        assert r["money"] == pytest.approx(4000.0)
        assert r["net"] == pytest.approx(1500.0)

    def test_missing_field_is_not_priced(self):
        agg = pd.DataFrame([agg_row(cost_per_client=10.0, n_reached=3,
                                    missing=("offers[0].retained|growth",))])
        r = price_actions(agg, QUARTER).iloc[0]
        assert not r["priced"]
        for col in ("cost", "money", "net", "roi", "payback_months"):
            assert math.isnan(r[col])

    def test_no_money_never_pays_back_and_free_action_at_once(self):
        agg = pd.DataFrame([agg_row(cost_per_client=10.0, n_reached=3, retained=0.0),
                            agg_row(one_off_cost=0.0, growth=0.1, value_staying=50.0)])
        out = price_actions(agg, QUARTER)
        assert math.isinf(out.loc[0, "payback_months"])
        assert out.loc[1, "payback_months"] == 0.0
        assert math.isnan(out.loc[1, "roi"])  # no cost: ROI undefined

    def test_bad_horizon(self):
        with pytest.raises(WorkbenchError, match="horizon_days"):
            price_actions(pd.DataFrame([agg_row()]), 0)


class TestReachAggregates:
    def test_segments_lapsed_and_unscored(self):
        inputs = pd.DataFrame([
            {"kind": "offer", "segment": "regular"},
            {"kind": "offer", "segment": "lapsed"},
            {"kind": "improvement", "segment": None},  # every active client
            {"kind": "offer", "segment": "CZ"},  # an ABC-XYZ cell
            {"kind": "offer", "segment": "nobody"},
            {"kind": "acquisition", "segment": None, "leads": 40},
        ])
        out = reach_aggregates(inputs, clients_frame())
        assert out["n_reached"].tolist() == [2, 1, 4, 3, 0, 40]
        # regular: a 0.5 x 1000 + b 0.1 x 2000 = 700 at risk; staying 500 + 1800
        assert out.loc[0, "value_at_risk"] == pytest.approx(700.0)
        assert out.loc[0, "value_staying"] == pytest.approx(2300.0)
        # a lapsed client has left: all of the value is at risk
        assert out.loc[1, "value_at_risk"] == pytest.approx(100.0)
        assert out.loc[1, "value_staying"] == pytest.approx(0.0)
        # active: c has no score (counts as staying), d 0.8 x 500
        assert out.loc[2, "value_at_risk"] == pytest.approx(500 + 200 + 0 + 400)
        assert out.loc[2, "value_staying"] == pytest.approx(500 + 1800 + 300 + 100)
        # CZ: c, d (active) and e (lapsed)
        assert out.loc[3, "value_at_risk"] == pytest.approx(0 + 400 + 100)
        assert out.loc[5, "value_at_risk"] == 0.0

    def test_retention_reaches_its_targets(self):
        inputs = pd.DataFrame([{"kind": "retention", "segment": None}])
        out = reach_aggregates(inputs, clients_frame(), pd.Index(["a", "d"], dtype="string"))
        assert out.loc[0, "n_reached"] == 2
        assert out.loc[0, "value_at_risk"] == pytest.approx(500 + 400)

    def test_needs_value(self):
        with pytest.raises(WorkbenchError, match="value"):
            reach_aggregates(pd.DataFrame([{"kind": "offer", "segment": None}]),
                             clients_frame().drop(columns="value"))


def sample_workshop(**extra):
    data = {
        "company": {"name": "Acme", "currency": "EUR"},
        "actions": [
            {"attribute": "speed", "action": "couriers", "cost": 12.0, "effect": 0.5,
             "retained": 0.1, "sourcing": "in_house"},
            {"attribute": "price", "action": "discounts", "cost": 3.0, "effect": 0.2},
        ],
        "offers": [
            {"segment": "regular", "strategy": "retain", "cost_per_client": 10.0,
             "retained": 0.2, "sourcing": "bought"},
            {"segment": "buyer", "strategy": "engage"},
        ],
        "acquisition": [
            {"source": "web", "leads": 100, "cost_per_lead": 5.0},
            {"source": "fair", "leads": 10, "cost_per_lead": 50.0, "conversion": 0.5},
            {"source": "radio", "leads": 10},
        ],
        "plan": {"cost_unit": 1000},
        "decisions": {"offer_cost": 20.0, "success_rate": 0.5},
    }
    data.update(extra)
    return workshop_from_dict(data)


LEADS = pd.DataFrame({
    "lead_id": ["L1", "L2", "L3", "L4", "L5"],
    "customer_id": ["a", None, None, "c", None],
    "source": ["web", "web", "web", "web", "fair"],
    "stage": ["deal", "call", "proposal", "deal", "call"],
    "date": pd.to_datetime(["2024-01-01"] * 5),
})


class TestActionInputs:
    def test_rows_units_and_missing_fields(self):
        inp = action_inputs(sample_workshop(), clients_frame(), LEADS, "2024-12-31")
        by = inp.set_index("id")
        assert list(inp["kind"]) == ["improvement"] * 2 + ["offer"] * 2 + ["retention"] + [
            "acquisition"] * 3
        # the step-3 cost is in thousands (plan.cost_unit) and for a year
        assert by.loc["improvement:couriers", "one_off_cost"] == 12000.0
        assert by.loc["improvement:couriers", "cost_period_days"] == 365.25
        assert by.loc["improvement:couriers", "missing"] == ()
        assert by.loc["improvement:discounts", "missing"] == ("actions[1].retained|growth",)
        assert by.loc["offer:buyer", "missing"] == ("offers[1].cost_per_client",
                                                    "offers[1].retained|growth")
        assert by.loc["retention", "cost_per_client"] == 20.0
        assert by.loc["retention", "retained"] == 0.5
        # web: 2 deals of 4 leads, measured; its clients a (1000) and c (300)
        assert by.loc["acquisition:web", "conversion"] == pytest.approx(0.5)
        assert by.loc["acquisition:web", "conversion_basis"] == "leads_table"
        assert by.loc["acquisition:web", "new_client_value"] == pytest.approx(650.0)
        assert by.loc["acquisition:web", "value_basis"] == "source_clients"
        # fair: the file's conversion wins; no client came from it: first purchases' value
        assert by.loc["acquisition:fair", "conversion_basis"] == "workshop"
        assert by.loc["acquisition:radio", "missing"] == ("acquisition[2].cost_per_lead",
                                                          "acquisition[2].conversion",
                                                          "transactions")

    def test_retention_without_cost_is_not_priced(self):
        ws = sample_workshop(decisions={"success_rate": 0.3})
        by = action_inputs(ws, clients_frame()).set_index("id")
        assert by.loc["retention", "missing"] == ("decisions.offer_cost",)

    def test_no_workshop_no_rows(self):
        assert len(action_inputs(None, clients_frame())) == 0


class TestApplyAssumptions:
    def test_filling_the_missing_field_prices_the_row(self):
        inp = action_inputs(sample_workshop(), clients_frame())
        out = apply_assumptions(inp, {"improvement:discounts": {"growth": 0.05}})
        row = out.set_index("id").loc["improvement:discounts"]
        assert row["growth"] == 0.05 and row["missing"] == ()
        # the other row keeps its missing fields
        assert out.set_index("id").loc["offer:buyer", "missing"] != ()

    def test_unknown_field(self):
        inp = action_inputs(sample_workshop(), clients_frame())
        with pytest.raises(WorkbenchError, match="cannot change"):
            apply_assumptions(inp, {"retention": {"name": "x"}})


def fake_base():
    c = clients_frame().drop(columns="value")
    return SimpleNamespace(table=c, asof=pd.Timestamp("2024-12-31"))


def tiny_folder(ws=None):
    tx = pd.DataFrame({"customer_id": ["a", "b", "c", "d", "e"],
                       "date": pd.to_datetime(["2024-12-01"] * 4 + ["2023-01-01"]),
                       "amount": [10.0] * 5})
    return SimpleNamespace(tables={"transactions": tx, "leads": LEADS}, workshop=ws)


def values_series():
    return clients_frame()["value"].fillna(0.0)


class TestActionEconomics:
    def test_retention_row_equals_the_plan(self):
        ws = sample_workshop()
        res = action_economics(tiny_folder(ws), base=fake_base(), value=values_series(),
                               value_info={"method": "clv"}, horizon="90D")
        assert isinstance(res, ActionEconomics)
        c = clients_frame()
        scored = c["churn_probability"].notna() & (c["status"] == "active")
        plan = retention_plan(c.loc[scored, "churn_probability"], c.loc[scored, "value"],
                              offer_cost=20.0, success_rate=0.5)
        row = res.table.set_index("id").loc["retention"]
        assert row["n_reached"] == plan.n_target
        # money = expected saving = gain + what the offers cost
        assert row["money"] - row["cost"] == pytest.approx(plan.total_gain)
        assert res.currency == "EUR" and res.horizon_days == 90.0

    def test_default_choice_is_the_positive_net(self):
        res = action_economics(tiny_folder(sample_workshop()), base=fake_base(),
                               value=values_series(), horizon="90D")
        t = res.table
        expect = t["priced"] & (t["net"] > 0)
        assert (t["chosen"] == expect).all()
        assert not res.chosen_saved
        tot = res.totals()
        # the set counts each client once: the chosen rows' nets minus their overlap
        assert tot["overlap"] == pytest.approx(float(t.loc[expect, "overlap"].sum()))
        assert tot["overlap"] > 0
        assert tot["net"] == pytest.approx(float(t.loc[expect, "net"].sum()) - tot["overlap"])

    def test_saved_choice_is_used(self):
        ws = sample_workshop(decisions={"offer_cost": 20.0, "success_rate": 0.5,
                                        "chosen_actions": ["offer:regular"]})
        res = action_economics(tiny_folder(ws), base=fake_base(), value=values_series())
        assert res.table.loc[res.table["chosen"], "id"].tolist() == ["offer:regular"]
        assert res.chosen_saved

    def test_no_workshop_names_the_fields_and_prices_nothing(self):
        from workbench.narrative._actions import describe_action_economics

        res = action_economics(tiny_folder(None), base=fake_base(), value=values_series())
        assert not res.table["priced"].any()
        assert res.missing[:3] == ("acquisition", "offers", "actions")
        assert "decisions.offer_cost" in res.missing
        for lang in ("en", "ru"):
            text = describe_action_economics(res, lang)
            assert "(actions)" in text and "(decisions.offer_cost)" in text
            assert "EUR" not in text and "€" not in text

    def test_reprice_changes_only_the_overridden_row(self):
        res = action_economics(tiny_folder(sample_workshop()), base=fake_base(),
                               value=values_series())
        again = reprice(res, {"offer:regular": {"retained": 0.4}})
        a, b = res.table.set_index("id"), again.table.set_index("id")
        # regular: value at risk 700; 0.2 -> 0.4 doubles the money
        assert a.loc["offer:regular", "money"] == pytest.approx(140.0)
        assert b.loc["offer:regular", "money"] == pytest.approx(280.0)
        same = [i for i in a.index if i != "offer:regular"]
        pd.testing.assert_series_equal(a.loc[same, "money"], b.loc[same, "money"])

    def test_needs_transactions(self):
        with pytest.raises(WorkbenchError, match="transactions"):
            action_economics({"leads": LEADS})


class TestDecisionValues:
    def test_round_trip_through_the_workshop_file(self, tmp_path):
        ws = sample_workshop()
        path = tmp_path / "workshop.yml"
        write_workshop(ws, path)
        res = action_economics(tiny_folder(read_workshop(path)), base=fake_base(),
                               value=values_series())
        res = reprice(res, {"improvement:couriers": {"one_off_cost": 15000.0},
                            "retention": {"cost_per_client": 25.0}},
                      chosen=["improvement:couriers", "retention"])
        vals = decision_values(res, read_workshop(path))
        assert vals["chosen"] == ["improvement:couriers", "retention"]
        saved = save_decision(path, "economics", vals, by="test", at="2024-12-31 10:00")
        assert saved.get("decisions.chosen_actions") == ["improvement:couriers", "retention"]
        assert saved.get("decisions.offer_cost") == 25.0
        # back in the file's unit (thousands)
        assert saved.data["actions"][0]["cost"] == pytest.approx(15.0)
        assert saved.data["actions"][0]["effect"] == 0.5  # untouched columns kept
        assert saved.data["offers"][0]["strategy"] == "retain"
        assert saved.saved["economics"]["by"] == "test"
        again = action_economics(tiny_folder(read_workshop(path)), base=fake_base(),
                                 value=values_series())
        row = again.table.set_index("id").loc["improvement:couriers"]
        assert row["one_off_cost"] == pytest.approx(15000.0) and row["chosen"]


class TestTextPlotPanel:
    def result(self):
        return action_economics(tiny_folder(sample_workshop()), base=fake_base(),
                                value=values_series(), value_info={
                                    "method": "clv", "mae_clv": 10.0, "mae_run_rate": 12.0})

    @pytest.mark.parametrize("lang", ["en", "ru"])
    def test_table_and_text(self, lang):
        from workbench.narrative._actions import (
            describe_action_economics,
            format_action_economics,
        )

        res = self.result()
        tab = format_action_economics(res, lang)
        assert len(tab) == len(res.table) and tab.shape[1] == 14
        text = describe_action_economics(res, lang)
        assert ("discounts" in text) and ("actions[].retained|growth" in text)
        if lang == "ru":
            assert "Выбранный набор" in text and "BG/NBD" in text

    def test_plot(self):
        from workbench.plotting import plot_action_economics

        res = self.result()
        ax = plot_action_economics(res, language="ru")
        assert len(ax.get_yticklabels()) == int(res.table["priced"].sum())
        none = action_economics(tiny_folder(None), base=fake_base(), value=values_series())
        ax2 = plot_action_economics(none, language="en")
        assert not ax2.axison

    def test_panel_changes_assumptions_and_saves(self, tmp_path):
        pytest.importorskip("ipywidgets")
        from workbench.widgets import action_economics_panel

        path = tmp_path / "workshop.yml"
        write_workshop(sample_workshop(), path)
        res = action_economics(tiny_folder(read_workshop(path)), base=fake_base(),
                               value=values_series())
        panel = action_economics_panel(res, language="en", workshop=tmp_path)
        panel.controls["action"].value = "offer:regular"
        assert panel.controls["retained"].value == pytest.approx(0.2)
        assert panel.controls["conversion"].disabled
        panel.controls["retained"].value = 0.4
        row = panel.result.table.set_index("id").loc["offer:regular"]
        assert row["money"] == pytest.approx(280.0)
        panel.controls["chosen"].value = False
        assert "offer:regular" not in panel.result.chosen["id"].tolist()
        panel.controls["action"].value = "improvement:discounts"
        panel.controls["growth"].value = 0.05
        assert panel.result.table.set_index("id").loc["improvement:discounts", "priced"]
        ws = panel.save(by="room")
        assert ws.data["offers"][0]["retained"] == pytest.approx(0.4)
        assert ws.data["actions"][1]["growth"] == pytest.approx(0.05)
        assert "offer:regular" not in ws.get("decisions.chosen_actions")


class TestOverlap:
    """Each client is counted once per horizon when several chosen actions reach them."""

    @staticmethod
    def inputs():
        row = {"one_off_cost": 0.0, "cost_period_days": np.nan, "leads": np.nan,
               "conversion": np.nan, "new_client_value": np.nan, "missing": ()}
        return pd.DataFrame([
            {**row, "id": "offer:regular", "kind": "offer", "segment": "regular",
             "cost_per_client": 10.0, "retained": 0.2, "growth": 0.1},
            {**row, "id": "retention", "kind": "retention", "segment": None,
             "cost_per_client": 20.0, "retained": 0.3, "growth": 0.0},
        ])

    def test_the_stronger_action_keeps_a_shared_client(self):
        from workbench.action_economics import overlap_deduction

        # a (p 0.5, value 1000) gets both; b (0.1, 2000) only the offer; d (0.8, 500) only
        # the retention offer. At risk: a 500, b 200, d 400; staying: a 500, b 1800, d 100.
        targets = pd.Index(["a", "d"], dtype="string")
        out = overlap_deduction(self.inputs(), clients_frame(), np.array([True, True]), targets)
        # a's value at risk: retention keeps 30 % > the offer's 20 %: the offer's 0.2 x 500
        # is deducted; a's growth: only the offer grows it (0.1 > 0): nothing deducted
        np.testing.assert_allclose(out, [100.0, 0.0])
        # outside the set nothing is deducted
        np.testing.assert_allclose(
            overlap_deduction(self.inputs(), clients_frame(), np.array([True, False]),
                              targets), [0.0, 0.0])

    def test_set_totals_count_each_client_once(self):
        targets = pd.Index(["a", "d"], dtype="string")
        table = price_actions(reach_aggregates(self.inputs(), clients_frame(), targets),
                              QUARTER)
        table["chosen"] = True
        res = ActionEconomics(table=table, horizon="3M", horizon_days=QUARTER,
                              inputs=self.inputs(), clients=clients_frame(), targets=targets)
        # alone: offer 0.2 x 700 + 0.1 x 2300 = 370; retention 0.3 x 900 = 270
        assert table["money"].tolist() == pytest.approx([370.0, 270.0])
        tot = res.totals()
        # per client: a 0.3 x 500 + 0.1 x 500 = 200, b 0.2 x 200 + 0.1 x 1800 = 220,
        # d 0.3 x 400 = 120 -> 540 = 640 - 100
        assert tot["money"] == pytest.approx(540.0)
        assert tot["overlap"] == pytest.approx(100.0)
        # costs are not deducted: 10 x 2 clients + 20 x 2 clients
        assert tot["cost"] == pytest.approx(60.0)
        assert tot["net"] == pytest.approx(480.0)
        # one action alone: no overlap
        alone = res.totals(table.iloc[[0]])
        assert (alone["money"], alone["overlap"]) == (pytest.approx(370.0), 0.0)

    def test_described_in_both_languages(self):
        from workbench.narrative import describe_action_economics

        targets = pd.Index(["a", "d"], dtype="string")
        table = price_actions(reach_aggregates(self.inputs(), clients_frame(), targets),
                              QUARTER)
        table["chosen"] = True
        table["name"] = ["offer", "retention"]
        table["sourcing"] = "in_house"
        res = ActionEconomics(table=table, horizon="3M", horizon_days=QUARTER,
                              inputs=self.inputs(), clients=clients_frame(), targets=targets)
        assert "Each client counts once per horizon: 100" in describe_action_economics(res, "en")
        assert "учтён один раз за горизонт: 100" in describe_action_economics(res, "ru")

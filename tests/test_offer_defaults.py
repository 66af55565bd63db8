"""Default offers and channels when the workshop file gives no rules: business clients get the
method's defaults, consumers (B2C, or a large untyped base) a variant without a personal
manager, and long consumer lists go to the mass channel."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench
from workbench.offers import (
    CONSUMER_OFFER_RULES,
    OFFER_RULES,
    client_kind,
    default_offer_rules,
)

PERSONAL = {"personal_manager", "key_account_care", "volume_terms", "co_marketing",
            "product_training", "long_term_contract"}


def test_consumer_defaults_have_no_business_action_and_keep_the_strategies():
    consumer = default_offer_rules("consumer")
    for seg, rule in consumer.items():
        assert not PERSONAL & set(rule["actions"]), seg
        assert rule["strategy"] == OFFER_RULES[seg]["strategy"], seg
    assert set(CONSUMER_OFFER_RULES) <= set(OFFER_RULES)
    assert default_offer_rules("business") == OFFER_RULES
    assert "personal_manager" in OFFER_RULES["regular"]["actions"]
    with pytest.raises(workbench.WorkbenchError, match="kind"):
        default_offer_rules("b2c")
    # every consumer action has a text in both languages
    for rule in CONSUMER_OFFER_RULES.values():
        for action in rule["actions"]:
            for lang in ("en", "ru"):
                assert workbench.i18n.t(f"offer.action.{action}", lang) != \
                    f"offer.action.{action}"


def test_client_kind_from_type_else_by_base_size():
    idx = pd.Index([f"c{i}" for i in range(5)])
    cust = pd.DataFrame({"customer_id": ["c0", "c1", "c1"], "type": [" b2b", "B2C", "B2B"]})
    assert client_kind(idx, cust, base_min=3).tolist() == [
        "business", "consumer", "consumer", "consumer", "consumer"]
    assert client_kind(idx, cust, base_min=10).tolist() == [
        "business", "consumer", "business", "business", "business"]
    assert client_kind(idx, pd.DataFrame({"customer_id": ["c0"]}), base_min=4).eq(
        "consumer").all()


def _consumer_tx(n: int, seed: int = 0) -> pd.DataFrame:
    """n clients who buy every ~20 days for two years (regulars) — an untyped base."""
    rng = np.random.default_rng(seed)
    rows = []
    end = pd.Timestamp("2024-12-31")
    for i in range(n):
        for k in range(36):
            rows.append((f"{i:05d}", end - pd.Timedelta(days=20 * k + int(rng.integers(0, 5))),
                         float(rng.integers(10, 100))))
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


@pytest.mark.slow
def test_untyped_large_base_gets_consumer_offers_and_the_mass_channel(monkeypatch):
    import workbench.offers as offers

    tx = _consumer_tx(60)
    # a large base without a client type is a consumer base (threshold lowered for the test)
    monkeypatch.setattr(offers, "CONSUMER_BASE_MIN", 10)
    monkeypatch.setattr(workbench.deliverables, "MASS_CHANNEL_MIN", 20)
    d = workbench.compute_deliverables({"transactions": tx}, language="ru")
    regular = workbench.deliverables.label_scores(d.everyone, "ru")
    regular = regular[regular["rung"] == "regular"]
    assert len(regular) > 20
    assert not regular["action"].str.contains("Персональный менеджер").any()
    assert regular["action"].str.contains("Программа лояльности").all()
    assert set(d.everyone["channel"]) == {"mass"}
    # the same folder, told in the workshop rules: the rule wins
    rules = {"regular": {"strategy": "retain", "actions": ("personal_manager",)}}
    d2 = workbench.compute_deliverables({"transactions": tx}, language="en", rules=rules)
    reg2 = d2.everyone[(d2.everyone["rung"] == "regular") & d2.everyone["override"].isna()]
    assert set(reg2["action"]) == {"personal_manager"}  # the key; the sheets say it in words
    # the English re-render keeps the consumer defaults
    en = workbench.select_deliverables(d, language="en")
    assert not workbench.deliverables.label_scores(en.everyone, "en")["action"].str.contains(
        "Personal manager").any()


@pytest.mark.slow
def test_typed_clients_get_their_kind_of_offer_and_channel():
    tx = _consumer_tx(8, seed=1)
    ids = sorted(tx["customer_id"].unique())
    cust = pd.DataFrame({"customer_id": ids, "type": ["B2B"] * 4 + ["B2C"] * 4})
    d = workbench.compute_deliverables({"transactions": tx, "customers": cust},
                                       language="en")
    e = workbench.deliverables.label_scores(d.everyone, "en").join(
        cust.set_index("customer_id")["type"].rename("t"))
    reg = e[(e["rung"] == "regular") & e["override"].isna()]
    assert reg.loc[reg["t"] == "B2B", "action"].str.startswith("Personal manager").all()
    assert not reg.loc[reg["t"] == "B2C", "action"].str.contains("Personal manager").any()
    # a short consumer list goes to the phone, never to a personal manager
    assert set(e.loc[e["t"] == "B2C", "channel"]) == {"phone"}
    b2b = e[e["t"] == "B2B"]
    assert set(b2b.loc[b2b["abc"] == "A", "channel"]) <= {"personal_manager"}

"""Step 5 read aloud (workbench.narrative._churn): exact sentences on tiny inputs."""

from __future__ import annotations

import pandas as pd
import pytest

import workbench
from workbench._testing import tx_frame
from workbench.churn import ChurnModel
from workbench.errors import InsufficientHistoryError, WorkbenchError
from workbench.narrative import (
    churn_feature_label,
    describe_churn_labels,
    describe_drivers,
    describe_evaluation,
    describe_risk,
    label_reasons,
    risk_label,
)


def test_feature_labels_for_onehot_columns():
    assert churn_feature_label("type=B2B", "en") == "Type: B2B"
    assert churn_feature_label("source=web", "ru") == "Источник: web"
    assert churn_feature_label("unknown_feature") == "unknown_feature"


def test_risk_labels():
    assert [risk_label(b, "ru") for b in ("low", "medium", "high")] == [
        "низкий риск", "средний риск", "высокий риск"]
    assert risk_label("high", "en") == "high risk"


class TestLabelReasons:
    def test_reason_codes_become_sentences(self):
        r = pd.DataFrame({"churn_probability": [0.7, 0.1],
                          "reason_1": pd.array(["recency_days", ""], dtype="string"),
                          "value_1": [1210.0, float("nan")], "typical_1": [45.5, float("nan")],
                          "effect_1": [0.2, float("nan")]},
                         index=pd.Index(["a", "b"], name="customer_id"))
        en = label_reasons(r, "en")
        assert list(en.columns) == ["churn_probability", "reason_1", "effect_1"]
        assert en.loc["a", "reason_1"] == "Days since last purchase: 1,210 (typical: 45.50)"
        assert en.loc["b", "reason_1"] == ""
        ru = label_reasons(r, "ru")
        assert ru.loc["a", "reason_1"] == (
            "Дней с последней покупки: 1\u00a0210 (обычно: 45,50)")


def _evaluation():
    metrics = pd.DataFrame(
        {
            "roc_auc": [0.8123, 0.75], "average_precision": [0.7, 0.72],
            "top_decile_lift": [2.04, 1.5], "brier": [0.1, 0.2],
            "mean_predicted": [0.42, 0.4], "base_rate": [0.4, 0.4], "n": [100, 100],
        },
        index=pd.Index(["model", "recency_baseline"], name="scorer"),
    )
    calibration = pd.DataFrame(
        {"bin_low": [0.0, 0.5, 0.9], "bin_high": [0.5, 0.6, 1.0],
         "mean_predicted": [0.2, 0.55, 0.95], "observed_rate": [0.25, 0.2, 0.5],
         "n": [60, 30, 10]}
    )
    return {"metrics": metrics, "calibration": calibration}


class TestDescribe:
    def test_backtest_asof_is_asof_minus_one_horizon(self):
        tx = tx_frame([("a", "2024-01-01", 1.0), ("b", "2024-06-30", 2.0)])
        assert workbench.backtest_asof(tx, "30D") == pd.Timestamp("2024-05-31")
        assert workbench.backtest_asof(tx, "3M", asof="2024-05-31") == pd.Timestamp("2024-02-29")

    def test_churn_labels_en_and_ru(self):
        y = pd.Series([1, 0, 0, 1, 1], index=list("abcde"))
        assert describe_churn_labels(y, "2024-03-31", "30D", language="en") == (
            "Of 5 clients who had bought by 2024-03-31, 3 (60%) made no purchase in the "
            "following 30 days: for this horizon, they churned. 2 (40%) bought again."
        )
        assert describe_churn_labels(y, "2024-03-31", "30D", language="ru") == (
            "Из 5 клиентов, покупавших до 31.03.2024 включительно, 3 (60\u00a0%) не сделали ни одной "
            "покупки за следующие 30 дн.: для этого горизонта они ушли. 2 (40\u00a0%) купили снова."
        )

    def test_churn_labels_empty(self):
        assert describe_churn_labels(pd.Series([], dtype="int64"), "2024-03-31") == (
            "No client had bought by this date: there is nobody to label."
        )

    def test_evaluation_names_the_worst_bin_with_enough_clients(self):
        # the 0.9-1.0 bin has the largest gap but only 10 clients: the 0.5-0.6 bin is named
        assert describe_evaluation(_evaluation(), language="en") == (
            "Checked out of time on 100 clients (40% of them churned): ROC AUC 0.81 against "
            "0.75 for recency alone, average precision 0.70 against 0.72. The 10% riskiest "
            "clients churn 2.0 times as often as the average client (recency: 1.5 times). "
            "Brier score 0.100 against 0.200 (lower is better). On average the model predicted "
            "42% churn and 40% happened; the largest gap is for predictions 0.50–0.60: "
            "predicted 55%, observed 20% (30 clients). "
            "The model beats the recency baseline on 3 of 4 measures."
        )

    def test_evaluation_ru_uses_decimal_commas(self):
        text = describe_evaluation(_evaluation(), language="ru")
        assert text.startswith("Проверка на будущем периоде, 100 клиентов (40\u00a0% из них ушли): "
                               "ROC AUC 0,81 против 0,75")
        assert text.endswith("Модель лучше базовой (по давности) по 3 из 4 показателей.")

    def test_drivers_with_and_without_service_features(self):
        ex = pd.DataFrame({"feature": ["recency_days", "refusals", "n_90d",
                                       "unresolved_complaints"],
                           "importance": [0.05, 0.02, 0.001, 0.0004]})
        assert describe_drivers(ex, top=2, language="en") == (
            "What moves the forecast most (drop in ROC AUC when the feature is shuffled): "
            "Days since last purchase (0.050), Refusals (0.020). Service history, rank among "
            "4 features: Refusals 2, Unresolved complaints 4."
        )
        assert describe_drivers(ex.iloc[[0, 2]], top=1, language="ru") == (
            "Сильнее всего на прогноз влияют (падение ROC AUC при перемешивании признака): "
            "Дней с последней покупки (0,050). Жалоб и NPS у модели не было: она видит только "
            "покупки."
        )

    def test_risk_counts_bands_with_custom_cutoffs(self):
        p = pd.Series([0.1, 0.25, 0.5, 0.9])
        assert describe_risk(p, (0.2, 0.5), language="en") == (
            "4 clients scored: high risk (50%+) 2 (50%), medium 1 (25%), low (below 20%) 1 "
            "(25%). The average probability of no purchase in the horizon is 44%."
        )
        assert describe_risk(p, (0.2, 0.5), language="ru") == (
            "Оценено клиентов: 4. Высокий риск (50\u00a0% и выше): 2 (50\u00a0%), средний: 1 (25\u00a0%), "
            "низкий (ниже 20\u00a0%): 1 (25\u00a0%). Средняя вероятность не купить за горизонт — 44\u00a0%."
        )

    def test_describe_names_are_exported(self):
        for name in ("backtest_asof", "describe_churn_labels", "describe_drivers",
                     "describe_evaluation", "describe_risk"):
            assert name in workbench.__all__ and hasattr(workbench, name)


class TestHistoryNeed:
    """The notebook guard for short client exports (issue: no traceback on short histories)."""

    @staticmethod
    def short():
        return tx_frame([("a", "2024-05-01", 1.0), ("b", "2024-06-30", 2.0)])

    def test_enough_history_is_true_and_prints_nothing(self, capsys):
        assert workbench.churn_history_ok(self.short(), "30D", n_horizons=2) is True
        assert capsys.readouterr().out == ""

    def test_short_history_prints_what_is_needed_en(self, capsys):
        assert workbench.churn_history_ok(self.short(), "60D", n_horizons=2,
                                          language="en") is False
        assert capsys.readouterr().out == (
            "This part needs purchases from 2024-03-02 or earlier (2 × the churn horizon of 60 "
            "days before 2024-06-30), but the first purchase is on 2024-05-01: 60 days of "
            "history are missing. The part is skipped; add older transactions or choose a "
            "shorter horizon.\n"
        )

    def test_short_history_ru(self):
        assert workbench.describe_history_need(self.short(), "60D", n_horizons=2,
                                               language="ru") == (
            "Для этой части нужны покупки не позже 02.03.2024 (2 × горизонт оттока в 60 дн. "
            "до 30.06.2024), а первая покупка — 01.05.2024: не хватает 60 дн. истории. Часть "
            "пропущена; добавьте более ранние транзакции или выберите более короткий горизонт."
        )

    def test_enough_history_sentence_en_and_ru(self):
        tx = self.short()
        assert workbench.describe_history_need(tx, "30D", n_horizons=2, language="en") == (
            "This part needs purchases from 2024-05-01 or earlier (2 × the churn horizon of 30 "
            "days before 2024-06-30); the first purchase is on 2024-05-01: enough history."
        )
        assert workbench.describe_history_need(tx, "30D", n_horizons=2, language="ru") == (
            "Для этой части нужны покупки не позже 01.05.2024 (2 × горизонт оттока в 30 дн. "
            "до 30.06.2024); первая покупка — 01.05.2024: истории достаточно."
        )

    def test_one_horizon_is_the_fit_condition(self):
        # ChurnModel.fit at asof needs a first purchase on or before asof - H, exactly
        tx = tx_frame([("a", "2024-01-01", 5.0), ("b", "2024-01-20", 3.0),
                       ("a", "2024-03-01", 4.0), ("c", "2024-03-31", 1.0)])
        assert workbench.churn_history_ok(tx, "90D", n_horizons=1, quiet=True)  # 01-01 = 03-31 - 90D
        assert not workbench.churn_history_ok(tx, "91D", n_horizons=1, quiet=True)
        with pytest.raises(InsufficientHistoryError):
            ChurnModel(horizon="91D").fit(tx)

    def test_quiet_prints_nothing(self, capsys):
        assert workbench.churn_history_ok(self.short(), "90D", quiet=True) is False
        assert capsys.readouterr().out == ""

    def test_only_returns_no_purchase(self):
        tx = tx_frame([("a", "2024-01-01", -5.0), ("b", "2024-06-30", 0.0)])
        assert not workbench.churn_history_ok(tx, "30D", quiet=True)
        assert workbench.describe_history_need(tx, "30D", n_horizons=1, language="en") == (
            "This part needs purchases from 2024-05-31 or earlier (1 × the churn horizon of 30 "
            "days before 2024-06-30), but the transactions hold no purchase (amount > 0). The "
            "part is skipped."
        )

    def test_bad_n_horizons(self):
        with pytest.raises(WorkbenchError, match="n_horizons"):
            workbench.describe_history_need(self.short(), "30D", n_horizons=0)


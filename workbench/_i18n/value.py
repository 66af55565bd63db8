"""Texts of the customer-value diagnostics plots (keys ``value.``)."""

MESSAGES = {
    "value.holdout_title": {
        "en": "BG/NBD in the holdout: purchases per client by past purchases",
        "ru": "BG/NBD на контрольном периоде: покупки на клиента по числу прошлых покупок",
    },
    "value.past_purchases": {
        "en": "Repeat purchases in the calibration period",
        "ru": "Повторные покупки в периоде обучения",
    },
    "value.holdout_purchases": {
        "en": "Mean purchases in the holdout",
        "ru": "Среднее число покупок в контрольном периоде",
    },
    "value.actual": {"en": "Actual", "ru": "Факт"},
    "value.model": {"en": "Model", "ru": "Модель"},
    "value.tracking_title": {
        "en": "Repeat purchases per week: actual vs BG/NBD",
        "ru": "Повторные покупки по неделям: факт и BG/NBD",
    },
    "value.week": {"en": "Week ending", "ru": "Неделя, окончание"},
    "value.weekly_purchases": {"en": "Repeat purchases", "ru": "Повторные покупки"},
    "value.holdout_starts": {"en": "holdout starts", "ru": "начало контроля"},
}

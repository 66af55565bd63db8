"""Texts of step 4: RFM, BTYD summary, ABC-XYZ, the loyalty ladder and clustering."""

_RFM_SEGMENTS = {
    "champions": ("Champions", "Чемпионы"),
    "loyal": ("Loyal", "Лояльные"),
    "potential_loyalists": ("Potential loyalists", "Потенциально лояльные"),
    "new": ("New", "Новые"),
    "promising": ("Promising", "Перспективные"),
    "need_attention": ("Need attention", "Требуют внимания"),
    "about_to_sleep": ("About to sleep", "Засыпающие"),
    "at_risk": ("At risk", "В зоне риска"),
    "cannot_lose": ("Cannot lose them", "Нельзя потерять"),
    "hibernating": ("Hibernating", "Спящие"),
    "lost": ("Lost", "Потерянные"),
    "other": ("Other", "Прочие"),
}

_CELL_ACTIONS = {
    "AX": (
        "Key accounts, steady: personal manager, keep service flawless, plan supply together.",
        "Ключевые и стабильные: персональный менеджер, безупречный сервис, совместное "
        "планирование поставок.",
    ),
    "AY": (
        "Key accounts, uneven: find out what drives the swings, agree a purchase calendar.",
        "Ключевые, но неровные: выяснить причины колебаний, согласовать график закупок.",
    ),
    "AZ": (
        "Big but rare: contact before their buying moments, win a larger share of wallet.",
        "Крупные, но редкие: выходить на связь перед моментами закупки, увеличивать долю "
        "в их закупках.",
    ),
    "BX": (
        "Middle, steady: grow the basket (cross-sell, upsell), standard service.",
        "Средние и стабильные: расширять корзину (кросс-продажи, допродажи), стандартный "
        "сервис.",
    ),
    "BY": (
        "Middle, uneven: regular reminders and offers timed to their cycle.",
        "Средние, неровные: регулярные напоминания и предложения в такт их циклу.",
    ),
    "BZ": (
        "Middle, rare: find out why they buy seldom; targeted campaigns.",
        "Средние, редкие: выяснить, почему покупают редко; адресные кампании.",
    ),
    "CX": (
        "Small, steady: automate service (self-service, standard terms), keep costs low.",
        "Мелкие, стабильные: автоматизировать обслуживание (самообслуживание, типовые "
        "условия), держать затраты низкими.",
    ),
    "CY": (
        "Small, uneven: mass mailings, minimum manual effort.",
        "Мелкие, неровные: массовые рассылки, минимум ручной работы.",
    ),
    "CZ": (
        "Small and rare: lowest-cost channel only; check whether they are worth serving.",
        "Мелкие и редкие: только самый дешёвый канал; проверить, стоит ли их обслуживать.",
    ),
}

_LADDER = {
    "potential": ("Potential", "Потенциальный"),
    "visitor": ("Visitor", "Посетитель"),
    "first_purchase": ("First purchase", "Первая покупка"),
    "buyer": ("Buyer", "Покупатель"),
    "regular": ("Regular", "Постоянный"),
    "advocate": ("Advocate", "Приверженец"),
    "lapsed": ("Lapsed", "Ушедший"),
}

_STRATEGIES = {
    "attract": ("Attract", "Привлечь"),
    "engage": ("Engage", "Вовлечь"),
    "retain": ("Retain", "Удержать"),
    "cherish": ("Cherish", "Беречь"),
    "win_back": ("Win back", "Вернуть"),
}

_PROFIT_GROUPS = {
    "profitable": ("Profitable", "Прибыльные"),
    "middle": ("Middle", "Средние"),
    "unprofitable": ("Unprofitable", "Убыточные"),
}

# words composing cluster names: (feature kind, direction) -> text
_WORDS = {
    "recency_low": ("Recent", "Недавние"),
    "recency_high": ("Lapsed", "Давние"),
    "frequency_high": ("frequent", "частые"),
    "frequency_low": ("one-off", "разовые"),
    "monetary_high": ("high-value", "крупные"),
    "monetary_low": ("low-value", "мелкие"),
    "tenure_high": ("long-standing", "давние клиенты"),
    "tenure_low": ("newcomers", "новички"),
    "profit_high": ("profitable", "прибыльные"),
    "profit_low": ("low-profit", "малоприбыльные"),
    "average": ("Average", "Средние"),
}

MESSAGES = {
    # --- RFM ---
    "rfm.recency_days": {"en": "Days since last purchase", "ru": "Дней с последней покупки"},
    "rfm.frequency": {"en": "Orders", "ru": "Заказов"},
    "rfm.monetary_total": {"en": "Revenue", "ru": "Выручка"},
    "rfm.monetary_mean": {"en": "Average order", "ru": "Средний чек"},
    "rfm.tenure_days": {"en": "Days since first purchase", "ru": "Дней с первой покупки"},
    "rfm.profit_total": {"en": "Profit", "ru": "Прибыль"},
    "rfm.r_score": {"en": "R score (5 = most recent)", "ru": "R (5 = недавно)"},
    "rfm.f_score": {"en": "F score (5 = most frequent)", "ru": "F (5 = часто)"},
    "rfm.m_score": {"en": "M score", "ru": "M (деньги)"},
    "rfm.heatmap_title": {
        "en": "Mean {what} by R and F score",
        "ru": "Среднее: {what}, по оценкам R и F",
    },
    **{
        f"rfm.segment.{k}": {"en": en, "ru": ru} for k, (en, ru) in _RFM_SEGMENTS.items()
    },
    # --- ABC-XYZ ---
    "abc.pareto_title": {
        "en": "ABC: cumulative share of {what}",
        "ru": "ABC: накопленная доля, {what}",
    },
    "abc.customers_share": {"en": "Share of customers", "ru": "Доля клиентов"},
    "abc.value_share": {"en": "Cumulative share of value", "ru": "Накопленная доля"},
    "abc.threshold_a": {"en": "A up to", "ru": "A до"},
    "abc.threshold_b": {"en": "B up to", "ru": "B до"},
    "abc.value": {"en": "Value", "ru": "Показатель"},
    "abc.value.amount": {"en": "revenue", "ru": "выручка"},
    "abc.value.profit": {"en": "profit", "ru": "прибыль"},
    "xyz.threshold_x": {"en": "X: CV up to", "ru": "X: CV до"},
    "xyz.threshold_y": {"en": "Y: CV up to", "ru": "Y: CV до"},
    "xyz.matrix_title": {"en": "ABC-XYZ: {what} per cell", "ru": "ABC-XYZ: {what} по ячейкам"},
    "xyz.clients": {"en": "clients", "ru": "клиенты"},
    "xyz.client_share": {"en": "share of clients", "ru": "доля клиентов"},
    "xyz.revenue_share": {"en": "share of revenue", "ru": "доля выручки"},
    "xyz.profit_share": {"en": "share of profit", "ru": "доля прибыли"},
    "xyz.regularity": {"en": "Regularity (XYZ)", "ru": "Регулярность (XYZ)"},
    "abc.volume": {"en": "Volume (ABC)", "ru": "Объём (ABC)"},
    "abc.summary": {
        "en": "A: {a} clients ({a_share} of clients) bring {a_value} of {what}. "
        "Cell AX holds {ax} clients and {ax_value} of {what}.",
        "ru": "A: {a} клиентов ({a_share} клиентов) дают {a_value}, показатель: {what}. "
        "В ячейке AX {ax} клиентов и {ax_value}, показатель: {what}.",
    },
    **{f"abc.action.{k}": {"en": en, "ru": ru} for k, (en, ru) in _CELL_ACTIONS.items()},
    # --- loyalty ladder ---
    **{f"ladder.rung.{k}": {"en": en, "ru": ru} for k, (en, ru) in _LADDER.items()},
    **{f"ladder.strategy.{k}": {"en": en, "ru": ru} for k, (en, ru) in _STRATEGIES.items()},
    **{f"ladder.profit.{k}": {"en": en, "ru": ru} for k, (en, ru) in _PROFIT_GROUPS.items()},
    "ladder.title": {"en": "Loyalty ladder", "ru": "Лестница приверженности"},
    "ladder.customers": {"en": "Customers", "ru": "Клиенты"},
    "ladder.rung": {"en": "Rung", "ru": "Ступень"},
    "ladder.moved_up": {"en": "moved up", "ru": "поднялись"},
    "ladder.stayed": {"en": "stayed", "ru": "остались"},
    "ladder.moved_down": {"en": "moved down", "ru": "опустились"},
    "ladder.lapsed": {"en": "lapsed", "ru": "ушли"},
    # --- clustering ---
    **{f"seg.word.{k}": {"en": en, "ru": ru} for k, (en, ru) in _WORDS.items()},
    "seg.word.high_feature": {"en": "high {feature}", "ru": "высокий {feature}"},
    "seg.word.low_feature": {"en": "low {feature}", "ru": "низкий {feature}"},
    "seg.k": {"en": "Number of segments (k)", "ru": "Число сегментов (k)"},
    "seg.features": {"en": "Features", "ru": "Признаки"},
    "seg.no_features": {"en": "Choose at least one feature", "ru": "Выберите хотя бы один признак"},
    "seg.silhouette": {"en": "Silhouette", "ru": "Силуэт"},
    "seg.silhouette_title": {
        "en": "Silhouette by number of segments (best k = {k})",
        "ru": "Силуэт по числу сегментов (лучшее k = {k})",
    },
    "seg.profile_title": {
        "en": "Segment profiles (relative to the average customer)",
        "ru": "Профили сегментов (относительно среднего клиента)",
    },
    "seg.relative": {"en": "Segment mean / overall mean", "ru": "Среднее сегмента / общее"},
    "seg.size": {"en": "customers", "ru": "клиентов"},
    "seg.summary": {
        "en": "{k} segments; largest: {name} ({share} of customers).",
        "ru": "Сегментов: {k}; крупнейший: {name} ({share} клиентов).",
    },
}

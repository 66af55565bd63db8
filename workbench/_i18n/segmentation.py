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

_PROFIT_GROUPS = {
    "profitable": ("Profitable", "Прибыльные"),
    "middle": ("Middle", "Средние"),
    "unprofitable": ("Unprofitable", "Убыточные"),
    "none": ("No purchase yet", "Ещё без покупок"),
}

# words composing cluster names: (feature kind, direction) -> text
_WORDS = {
    "recency_low": ("Recent", "Недавние"),
    "recency_high": ("Lapsed", "Уснувшие"),
    "frequency_high": ("frequent", "частые"),
    "frequency_low": ("infrequent", "редкие"),
    "monetary_high": ("high-value", "крупные"),
    "monetary_low": ("low-value", "мелкие"),
    "tenure_high": ("long-standing", "давние"),
    "tenure_low": ("new", "новые"),
    "profit_high": ("profitable", "прибыльные"),
    "profit_low": ("low-profit", "малоприбыльные"),
    "regularity_low": ("steady", "стабильные"),
    "regularity_high": ("irregular", "нерегулярные"),
    "activity_high": ("every-month", "ежемесячные"),
    "activity_low": ("occasional", "эпизодические"),
    "basket_high": ("bulk-buying", "оптовые"),
    "basket_low": ("small-basket", "с малой корзиной"),
    "average": ("Average", "Средние"),
}

# computed sentences (describe_*) and display-table headers of step 4
_DESCRIBE = {
    "seg.and": {"en": " and ", "ru": " и "},
    # RFM
    "rfm.describe_asof": {
        "en": "{n} customers bought up to {asof}.",
        "ru": "Клиентов с покупками по {asof}: {n}.",
    },
    "rfm.describe_n": {"en": "{n} customers have bought.", "ru": "Клиентов с покупками: {n}."},
    "rfm.describe_empty": {"en": "No customer with a purchase.", "ru": "Нет клиентов с покупками."},
    "rfm.describe_median": {
        "en": "The median customer last bought {recency} days ago, placed {frequency} orders "
        "and brought {monetary} in revenue.",
        "ru": "Медианный клиент: последняя покупка {recency} дн. назад, заказов — {frequency}, "
        "выручка — {monetary}.",
    },
    "rfm.describe_largest": {
        "en": "Largest segments: {segments}.", "ru": "Крупнейшие сегменты: {segments}.",
    },
    "rfm.describe_revenue": {"en": "By revenue: {segments}.", "ru": "По выручке: {segments}."},
    "rfm.describe_best": {
        "en": "{segments} ({share} of customers) bring {revenue} of revenue.",
        "ru": "{segments} ({share} клиентов) дают {revenue} выручки.",
    },
    "rfm.describe_slipping": {
        "en": "{segments} ({n} customers who bought often or much but not lately) still hold "
        "{revenue} of revenue: call them first about retention.",
        "ru": "{segments}: клиентов — {n}, они покупали часто или много, но давно не "
        "возвращались; на них приходится {revenue} выручки — им звоним первыми.",
    },
    "rfm.col.segment": {"en": "RFM segment", "ru": "RFM-сегмент"},
    "rfm.col.customers": {"en": "Customers", "ru": "Клиентов"},
    "rfm.col.customer_share": {"en": "Share of customers", "ru": "Доля клиентов"},
    "rfm.col.revenue_share": {"en": "Share of revenue", "ru": "Доля выручки"},
    "rfm.col.recency_median": {
        "en": "Median days since last purchase", "ru": "Медиана дней с последней покупки",
    },
    "rfm.col.frequency_median": {"en": "Median orders", "ru": "Медиана заказов"},
    "rfm.col.monetary_median": {"en": "Median revenue", "ru": "Медиана выручки"},
    # BTYD
    "btyd.describe": {
        "en": "BTYD summary in units of {unit} for {n} customers: {repeat} ({repeat_share}) "
        "bought again after their first period (frequency > 0), {one_off} did not "
        "(frequency = 0, monetary_value = 0: leave them out of a Gamma-Gamma fit). Median age T: "
        "{t} {unit}; median recency of repeat buyers: {recency} {unit}.",
        "ru": "Сводка BTYD в единицах «{unit}», клиентов: {n}. Покупали повторно после первого "
        "периода (frequency > 0): {repeat} ({repeat_share}); не покупали: {one_off} "
        "(frequency = 0, monetary_value = 0 — их не включают в модель Gamma-Gamma). Медианный "
        "возраст T: {t} ({unit}); медианный возраст повторных покупателей при последней покупке "
        "(recency): {recency} ({unit}).",
    },
    "btyd.unit.D": {"en": "days", "ru": "дни"},
    "btyd.unit.W": {"en": "weeks", "ru": "недели"},
    "btyd.unit.M": {"en": "months", "ru": "месяцы"},
    # ABC-XYZ
    "abc.describe_classes": {
        "en": "Class A: {a} clients ({a_share} of clients) bring {a_rev} of revenue; B: {b} "
        "({b_share}) bring {b_rev}; C: {c} ({c_share}) bring {c_rev}.",
        "ru": "Класс A: клиентов — {a} ({a_share} клиентов), они дают {a_rev} выручки; "
        "B: {b} ({b_share}) — {b_rev}; C: {c} ({c_share}) — {c_rev}.",
    },
    "abc.describe_xyz": {
        "en": "By regularity: X (steady) {x}, Y (occasional) {y}, Z (rare or one-off) {z} "
        "clients.",
        "ru": "По регулярности: X (стабильные) — {x}, Y (время от времени) — {y}, Z (редкие "
        "или разовые) — {z}.",
    },
    "abc.describe_ax": {
        "en": "The key cell AX holds {n} clients ({share}) and {rev} of revenue.",
        "ru": "Ключевая ячейка AX: клиентов — {n} ({share}), {rev} выручки.",
    },
    "abc.describe_ax_profit": {
        "en": "The key cell AX holds {n} clients ({share}), {rev} of revenue and {profit} of "
        "profit.",
        "ru": "Ключевая ячейка AX: клиентов — {n} ({share}), {rev} выручки и {profit} прибыли.",
    },
    "abc.describe_top": {
        "en": "Most revenue: {cells}. The most crowded cell is {cell}: {n} clients ({share}) "
        "with {rev} of revenue.",
        "ru": "Больше всего выручки: {cells}. Самая многочисленная ячейка — {cell}: клиентов — "
        "{n} ({share}), {rev} выручки.",
    },
    "abc.describe_empty": {"en": "No client in the table.", "ru": "В таблице нет клиентов."},
    "abc.col.cell": {"en": "Cell", "ru": "Ячейка"},
    "abc.col.clients": {"en": "Clients", "ru": "Клиентов"},
    "abc.col.client_share": {"en": "Share of clients", "ru": "Доля клиентов"},
    "abc.col.revenue_share": {"en": "Share of revenue", "ru": "Доля выручки"},
    "abc.col.profit_share": {"en": "Share of profit", "ru": "Доля прибыли"},
    "abc.col.action": {"en": "How to work with them", "ru": "Как работать"},
    "abc.bad_thresholds": {
        "en": "The A line must not be above the B line (now A {a}, B {b}), and X not above Y "
        "(now X {x}, Y {y}).",
        "ru": "Граница A не может быть выше границы B (сейчас A {a}, B {b}), а X — выше Y "
        "(сейчас X {x}, Y {y}).",
    },
    # ladder
    "ladder.describe_buyers": {
        "en": "{n} clients have bought: {rungs}.",
        "ru": "Клиентов с покупками: {n}; по ступеням: {rungs}.",
    },
    "ladder.describe_leads": {
        "en": "Not buying yet (from the leads table): {rungs}.",
        "ru": "Ещё не покупали (по таблице лидов): {rungs}.",
    },
    "ladder.describe_no_leads": {
        "en": "No leads table: the Potential and Visitor rungs stay empty.",
        "ru": "Нет таблицы лидов: ступени «Потенциальный» и «Посетитель» пусты.",
    },
    "ladder.describe_no_survey": {
        "en": "No survey answers: advocates are recognised by a long steady history only.",
        "ru": "Нет ответов анкеты: приверженцы определены только по долгой регулярной истории.",
    },
    "ladder.describe_strategy": {"en": "Strategies: {items}.", "ru": "Стратегии: {items}."},
    "ladder.describe_profit": {
        "en": "Unprofitable clients (profit ≤ 0): {n}. The rung with the most profit: {rung} "
        "({share} of profit).",
        "ru": "Убыточных клиентов (прибыль ≤ 0): {n}. Больше всего прибыли даёт ступень "
        "«{rung}» ({share} прибыли).",
    },
    "ladder.describe_moves": {"en": "Over {days} days: {lines}.", "ru": "За {days} дн.: {lines}."},
    "ladder.describe_move_line": {
        "en": "{rung} ({n}): up {up}, stayed {stayed}, down {down}, lapsed {lapsed}",
        "ru": "{rung} ({n}): поднялись {up}, остались {stayed}, опустились {down}, ушли {lapsed}",
    },
    "ladder.describe_move_lapsed": {
        "en": "{rung} ({n}): won back {up}", "ru": "{rung} ({n}): вернулись {up}",
    },
    "ladder.describe_falls": {
        "en": "The method expects the chance of leaving to fall as clients climb; here the "
        "share lapsed is {chain}: {verdict}.",
        "ru": "Метод ожидает, что шанс ухода снижается по мере подъёма по лестнице; здесь доля "
        "ушедших: {chain} — {verdict}.",
    },
    "ladder.verdict_falls": {"en": "it does fall", "ru": "так и есть"},
    "ladder.verdict_not": {
        "en": "it does not fall at every rung, look at the rung where it rises",
        "ru": "снижается не на каждой ступени, посмотрите, где доля растёт",
    },
    "ladder.col.strategy": {"en": "Strategy", "ru": "Стратегия"},
    "ladder.col.customers": {"en": "Clients", "ru": "Клиентов"},
    "ladder.col.share": {"en": "Share", "ru": "Доля"},
    "ladder.col.profit_share": {"en": "Share of profit", "ru": "Доля прибыли"},
    "ladder.col.orders_median": {"en": "Median orders", "ru": "Медиана заказов"},
    "ladder.col.recency_median": {
        "en": "Median days since last purchase", "ru": "Медиана дней с последней покупки",
    },
    # clustering
    "seg.describe_k": {
        "en": "The silhouette is highest at k = {k} ({score}, {quality}); next: {others}.",
        "ru": "Силуэт максимален при k = {k} ({score}, {quality}); следующие: {others}.",
    },
    "seg.quality.strong": {"en": "a strong structure", "ru": "сильная структура"},
    "seg.quality.reasonable": {"en": "a reasonable structure", "ru": "заметная структура"},
    "seg.quality.weak": {"en": "a weak structure", "ru": "слабая структура"},
    "seg.quality.none": {"en": "no substantial structure", "ru": "структуры почти нет"},
    "seg.describe_fixed": {
        "en": "{k} segments (k set by hand).", "ru": "Сегментов: {k} (k задано вручную).",
    },
    "seg.describe_segment": {
        "en": "«{name}»: {n} customers ({share}){revenue}; median {medians}",
        "ru": "«{name}»: клиентов — {n} ({share}){revenue}; медианы: {medians}",
    },
    "seg.describe_revenue": {"en": ", {share} of revenue", "ru": ", {share} выручки"},
    "seg.describe_stability": {
        "en": "Stability over {n} bootstrap resamples: median adjusted Rand index {ari}, "
        "{verdict}.",
        "ru": "Устойчивость на {n} бутстреп-выборках: медиана скорректированного индекса Рэнда "
        "{ari}, {verdict}.",
    },
    "seg.stable.high": {
        "en": "stable enough to act on", "ru": "сегменты устойчивы, на них можно опираться",
    },
    "seg.stable.mid": {
        "en": "moderately stable: check before acting",
        "ru": "умеренно устойчивы: перепроверьте перед действиями",
    },
    "seg.stable.low": {
        "en": "unstable: do not build actions on these segments",
        "ru": "неустойчивы: не стройте на них действия",
    },
    "seg.col.name": {"en": "Segment", "ru": "Сегмент"},
    "seg.col.size": {"en": "Customers", "ru": "Клиентов"},
    "seg.col.share": {"en": "Share of customers", "ru": "Доля клиентов"},
    "seg.col.revenue_share": {"en": "Share of revenue", "ru": "Доля выручки"},
    "seg.col.median": {"en": "{feature}, median", "ru": "{feature}, медиана"},
    # comparing the criteria
    "crit.rfm_segment": {"en": "RFM segment", "ru": "RFM-сегмент"},
    "crit.abc": {"en": "ABC class", "ru": "Класс ABC"},
    "crit.xyz": {"en": "XYZ class", "ru": "Класс XYZ"},
    "crit.cell": {"en": "ABC-XYZ cell", "ru": "Ячейка ABC-XYZ"},
    "crit.cell_profit": {"en": "ABC-XYZ cell by profit", "ru": "Ячейка ABC-XYZ по прибыли"},
    "crit.rung": {"en": "Ladder rung", "ru": "Ступень лестницы"},
    "crit.cluster": {"en": "Cluster", "ru": "Кластер"},
    "crit.describe_crosstab": {
        "en": "{rows} against {cols}: Cramér's V = {v} ({strength}).",
        "ru": "{rows} и {cols}: V Крамера = {v} ({strength}).",
    },
    "crit.describe_row": {
        "en": "«{row}» ({n}): most often {first} ({first_share}){then}",
        "ru": "«{row}» ({n}): чаще всего {first} ({first_share}){then}",
    },
    "crit.describe_then": {"en": ", then {col} ({share})", "ru": ", затем {col} ({share})"},
    "crit.strength.none": {"en": "no real link", "ru": "связи практически нет"},
    "crit.strength.weak": {"en": "a weak link", "ru": "слабая связь"},
    "crit.strength.moderate": {"en": "a moderate link", "ru": "умеренная связь"},
    "crit.strength.strong": {"en": "a strong link", "ru": "сильная связь"},
    "crit.describe_agreement": {
        "en": "Most alike: {a} and {b} (V = {v}); most different: {c} and {d} (V = {w}). "
        "Alike criteria split clients the same way and can stand in for each other; different "
        "ones add information.",
        "ru": "Сильнее всего совпадают: {a} и {b} (V = {v}); меньше всего: {c} и {d} "
        "(V = {w}). Похожие критерии делят клиентов одинаково и заменяют друг друга; "
        "непохожие добавляют новую информацию.",
    },
    "crit.describe_too_few": {
        "en": "Give at least two criteria to compare.",
        "ru": "Для сравнения нужны хотя бы два критерия.",
    },
}

MESSAGES = {
    # --- RFM ---
    "rfm.recency_days": {"en": "Days since last purchase", "ru": "Дней с последней покупки"},
    "rfm.frequency": {"en": "Orders", "ru": "Заказов"},
    "rfm.monetary_total": {"en": "Revenue", "ru": "Выручка"},
    "rfm.monetary_mean": {"en": "Average order", "ru": "Средний чек"},
    "rfm.tenure_days": {"en": "Days since first purchase", "ru": "Дней с первой покупки"},
    "rfm.orders_per_month": {"en": "Orders per month", "ru": "Заказов в месяц"},
    "rfm.units_per_order": {"en": "Units per order", "ru": "Единиц в заказе"},
    "rfm.active_months_share": {
        "en": "Share of months with a purchase",
        "ru": "Доля месяцев с покупками",
    },
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
    **{f"abc.action.{k}": {"en": en, "ru": ru} for k, (en, ru) in _CELL_ACTIONS.items()},
    # --- loyalty ladder ---
    **{f"ladder.rung.{k}": {"en": en, "ru": ru} for k, (en, ru) in _LADDER.items()},
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
    **_DESCRIBE,
}

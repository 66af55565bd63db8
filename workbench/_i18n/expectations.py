"""Texts of steps 1–3: IPA, gaps, Kano, expectation ladder, quotes, sources, priorities."""

MESSAGES = {
    # --- importance–performance analysis ---
    "ipa.title": {"en": "Importance–performance matrix", "ru": "Матрица «важность — исполнение»"},
    "ipa.importance": {"en": "Importance (mean, 1–5)", "ru": "Важность (среднее, 1–5)"},
    "ipa.performance": {
        "en": "Performance as perceived (mean, 1–5)",
        "ru": "Оценка исполнения (среднее, 1–5)",
    },
    "ipa.gap": {"en": "Importance − performance", "ru": "Важность − исполнение"},
    "ipa.attribute": {"en": "Attribute", "ru": "Параметр"},
    "ipa.quadrant": {"en": "Quadrant", "ru": "Квадрант"},
    "ipa.quadrant.concentrate_here": {"en": "Concentrate here", "ru": "Сосредоточиться здесь"},
    "ipa.quadrant.keep_up": {"en": "Keep up the good work", "ru": "Поддерживать уровень"},
    "ipa.quadrant.low_priority": {"en": "Low priority", "ru": "Низкий приоритет"},
    "ipa.quadrant.possible_overkill": {"en": "Possible overkill", "ru": "Возможно, избыточно"},
    "ipa.crosshair": {"en": "Cross-hair", "ru": "Перекрестие"},
    "ipa.crosshair.mean": {"en": "Mean", "ru": "Среднее"},
    "ipa.crosshair.median": {"en": "Median", "ru": "Медиана"},
    "ipa.segment": {"en": "Segment", "ru": "Сегмент"},
    "ipa.all_segments": {"en": "All respondents", "ru": "Все респонденты"},
    "ipa.panel_title": {
        "en": "Where to concentrate: importance vs performance",
        "ru": "На чём сосредоточиться: важность и исполнение",
    },
    "ipa.describe_focus": {
        "en": "{n} of {total} attributes are in “{quadrant}”: {names}.",
        "ru": "В квадранте «{quadrant}» {n} из {total} параметров: {names}.",
    },
    "ipa.describe_overkill": {
        "en": "“{quadrant}”: {names}.",
        "ru": "«{quadrant}»: {names}.",
    },
    "ipa.describe_empty": {
        "en": "No attribute has importance and performance answers.",
        "ru": "Нет параметров с ответами о важности и исполнении.",
    },
    # --- gap analysis ---
    "gap.title": {"en": "Expected minus perceived quality", "ru": "Ожидаемое минус полученное"},
    "gap.title_competitor": {
        "en": "Our performance minus the competitor's",
        "ru": "Наша оценка минус оценка конкурента",
    },
    "gap.gap": {"en": "Gap (expected − perceived)", "ru": "Разрыв (ожидание − восприятие)"},
    "gap.vs_competitor": {
        "en": "Difference (we − competitor)",
        "ru": "Разница (мы − конкурент)",
    },
    "gap.significant": {"en": "Statistically clear", "ru": "Статистически значимо"},
    "gap.not_significant": {"en": "Could be noise", "ru": "Может быть случайным"},
    "gap.basis.expectation": {"en": "expectation", "ru": "ожидание"},
    "gap.basis.importance": {"en": "importance", "ru": "важность"},
    # --- Kano ---
    "kano.title": {"en": "Kano categories per attribute", "ru": "Категории Кано по параметрам"},
    "kano.share": {"en": "Share of answers", "ru": "Доля ответов"},
    "kano.category.A": {"en": "Attractive", "ru": "Привлекательное"},
    "kano.category.O": {"en": "One-dimensional", "ru": "Одномерное"},
    "kano.category.M": {"en": "Must-be", "ru": "Обязательное"},
    "kano.category.I": {"en": "Indifferent", "ru": "Безразличное"},
    "kano.category.R": {"en": "Reverse", "ru": "Обратное"},
    "kano.category.Q": {"en": "Questionable", "ru": "Сомнительное"},
    "kano.cs_title": {
        "en": "Better / worse: satisfaction coefficients",
        "ru": "Лучше / хуже: коэффициенты удовлетворённости",
    },
    "kano.better": {
        "en": "Better (CS+): satisfaction gained if present",
        "ru": "Лучше (CS+): рост удовлетворённости при наличии",
    },
    "kano.worse": {
        "en": "Worse (|CS−|): dissatisfaction if absent",
        "ru": "Хуже (|CS−|): недовольство при отсутствии",
    },
    # --- expectation ladder and quotes ---
    "exp.title": {"en": "Expectation ladder", "ru": "Лестница ожиданий"},
    "exp.level": {"en": "Rung", "ru": "Ступень"},
    "exp.level.disappointed": {"en": "Disappointed", "ru": "Разочарование"},
    "exp.level.satisfied": {"en": "Satisfied", "ru": "Удовлетворённость"},
    "exp.level.delighted": {"en": "Delighted (“Ah!”)", "ru": "«Ах!»"},
    "exp.share": {"en": "Share of respondents", "ru": "Доля респондентов"},
    "exp.mean_difference": {
        "en": "Perceived − expected (mean)",
        "ru": "Полученное − ожидаемое (среднее)",
    },
    "exp.quotes_title": {"en": "Voice of the customer", "ru": "Цитатник: голос клиента"},
    # --- contact sources ---
    "src.title": {"en": "What each contact source yields", "ru": "Отдача источников обращения"},
    "src.source": {"en": "Source", "ru": "Источник"},
    "src.clients": {"en": "Clients", "ru": "Клиенты"},
    "src.buyers": {"en": "Buyers", "ru": "Покупатели"},
    "src.revenue": {"en": "Revenue", "ru": "Выручка"},
    "src.revenue_per_client": {"en": "Revenue per client", "ru": "Выручка на клиента"},
    "src.revenue_per_buyer": {"en": "Revenue per buyer", "ru": "Выручка на покупателя"},
    "src.repeat_rate": {"en": "Repeat buyers", "ru": "Доля повторных покупателей"},
    "src.active_share": {"en": "Still buying", "ru": "Доля продолжающих покупать"},
    "src.share_of_clients": {"en": "Share of clients", "ru": "Доля клиентов"},
    "src.share_of_revenue": {"en": "Share of revenue", "ru": "Доля выручки"},
    # --- priorities ---
    "prio.title": {
        "en": "What each budget buys: best effect within budget",
        "ru": "Что даёт бюджет: наилучший эффект в его пределах",
    },
    "prio.budget": {"en": "Budget", "ru": "Бюджет"},
    "prio.value": {"en": "Expected effect", "ru": "Ожидаемый эффект"},
    "prio.weight": {"en": "Weight effects by", "ru": "Взвешивать эффект"},
    "prio.weight.none": {"en": "Effect as given", "ru": "Эффект как есть"},
    "prio.weight.importance": {"en": "Importance", "ru": "Важность"},
    "prio.weight.gap": {"en": "Shortfall (importance − performance)", "ru": "Отставание (важность − исполнение)"},
    "prio.chosen_budget": {"en": "Chosen budget", "ru": "Выбранный бюджет"},
    "prio.panel_title": {
        "en": "Priorities within our resources",
        "ru": "Приоритеты в пределах наших ресурсов",
    },
    "prio.describe": {
        "en": "With a budget of {budget} choose {n} action(s): {names}. "
        "They cost {cost} and bring an expected effect of {value}.",
        "ru": "При бюджете {budget} выбираем действий: {n} — {names}. "
        "Они стоят {cost} и дают ожидаемый эффект {value}.",
    },
    "prio.describe_none": {
        "en": "With a budget of {budget} no action fits.",
        "ru": "При бюджете {budget} ни одно действие не помещается.",
    },
    "prio.greedy_note": {
        "en": "Too many actions for an exact search: a quick rule was used (close to, "
        "but not guaranteed, the best).",
        "ru": "Действий слишком много для полного перебора: использовано быстрое правило "
        "(близко к лучшему, но без гарантии).",
    },
}

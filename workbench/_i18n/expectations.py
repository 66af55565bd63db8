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
        "en": "{n} of {total} are in “{quadrant}”: {names}.",
        "ru": "В квадранте «{quadrant}» — {n} из {total}: {names}.",
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
    # --- reading steps 1–2 aloud (describe_* / format_*) ---
    "exp.col.importance": {"en": "Importance", "ru": "Важность"},
    "exp.col.performance": {"en": "Performance", "ru": "Исполнение"},
    "exp.col.expectation": {"en": "Expectation", "ru": "Ожидание"},
    "exp.col.expected": {"en": "Expected", "ru": "Ожидание"},
    "exp.col.competitor_performance": {"en": "Competitor", "ru": "Конкурент"},
    "exp.col.kano_pair": {"en": "Kano pair", "ru": "пара вопросов Кано"},
    "exp.col.gap": {"en": "Gap", "ru": "Разрыв"},
    "exp.col.gap_significant": {"en": "Gap clear", "ru": "Разрыв значим"},
    "exp.col.vs_competitor": {"en": "We − competitor", "ru": "Мы − конкурент"},
    "exp.col.vs_competitor_significant": {
        "en": "Difference clear", "ru": "Разница значима",
    },
    "exp.col.n": {"en": "Answers", "ru": "Ответов"},
    "exp.survey.summary": {
        "en": "The survey holds {respondents} ({linked} linked to a client card) rating {attributes} on a {lo}–{hi} scale: {rows}.",
        "ru": "В анкете {respondents} (из них {linked} — с карточкой клиента); они оценивают {attributes} по шкале {lo}–{hi}, всего {rows}.",
    },
    "exp.survey.dates": {
        "en": "Answers were collected from {start} to {end}.",
        "ru": "Ответы собраны с {start} по {end}.",
    },
    "exp.survey.answered": {
        "en": "Share of rows answered: {shares}.",
        "ru": "Доля строк с ответом: {shares}.",
    },
    "exp.survey.comments": {
        "en": "{rows} {verb} a free-text comment.",
        "ru": "{rows} {verb} свободный комментарий.",
    },
    "exp.describe_expected": {
        "en": "Clients expect most from {high}; least from {low}.",
        "ru": "Больше всего клиенты ждут от таких параметров: {high}; меньше всего — {low}.",
    },
    "exp.describe_performance": {
        "en": "They rate our performance highest on {high} and lowest on {low}.",
        "ru": "Наше исполнение они оценивают выше всего здесь: {high}; ниже всего — {low}.",
    },
    "exp.describe_basis": {
        "en": "No expectation question for {names}: importance stands in.",
        "ru": "Для параметров {names} вопроса об ожидании нет: вместо него взята важность.",
    },
    "exp.survey.comments_verb": {"en": "carries|carry", "ru": "содержит|содержат|содержат"},
    "ipa.describe_focus_none": {
        "en": "None of {total} is in “{quadrant}”.",
        "ru": "В квадранте «{quadrant}» нет ни одного из {total}.",
    },
    "exp.describe_empty": {
        "en": "No attribute has expectation answers.",
        "ru": "Ни по одному параметру нет ответов об ожидании.",
    },
    "gap.describe_short": {
        "en": "On {n} of {total} clients clearly get less than they expect; the largest gaps: {names}.",
        "ru": "По {n} из {total} клиенты явно получают меньше, чем ждут; самые большие разрывы: {names}.",
    },
    "gap.describe_no_short": {
        "en": "On none of {total} do clients clearly get less than they expect.",
        "ru": "Ни по одному из {total} клиенты не получают явно меньше, чем ждут.",
    },
    "gap.describe_over": {
        "en": "Clearly above expectation on {n}: {names}.",
        "ru": "Явно выше ожиданий — {n}: {names}.",
    },
    "gap.describe_noise": {
        "en": "Could be noise: {names}.",
        "ru": "Разрыв может быть случайным: {names}.",
    },
    "gap.describe_empty": {
        "en": "No attribute has both expectation and performance answers.",
        "ru": "Нет параметров с ответами и об ожидании, и об исполнении.",
    },
    "gap.describe_ahead": {
        "en": "Clients rate us clearly above the main competitor on {n} of {total}; the largest leads: {names}.",
        "ru": "Клиенты явно ставят нас выше основного конкурента по {n} из {total}; самый большой перевес: {names}.",
    },
    "gap.describe_behind": {
        "en": "Clearly below on {n}; the largest lags: {names}.",
        "ru": "Явно ниже — {n}; самое большое отставание: {names}.",
    },
    "gap.describe_par": {
        "en": "On {n} the difference could be noise.",
        "ru": "По {n} разница может быть случайной.",
    },
    "gap.describe_no_competitor": {
        "en": "The survey has no ratings of the competitor.",
        "ru": "В анкете нет оценок конкурента.",
    },
    "kano.category": {"en": "Kano category", "ru": "Категория Кано"},
    "kano.cs_plus": {"en": "CS+ (better)", "ru": "CS+ (лучше)"},
    "kano.cs_minus": {"en": "CS− (worse)", "ru": "CS− (хуже)"},
    "kano.describe_levers": {
        "en": "Presence adds most satisfaction: {better} (CS+ {cs_plus}); absence hurts most: "
        "{worse} (|CS−| {cs_minus}).",
        "ru": "Наличие сильнее всего радует: {better} (CS+ {cs_plus}); отсутствие сильнее "
        "всего огорчает: {worse} (|CS−| {cs_minus}).",
    },
    "kano.describe_empty": {
        "en": "No attribute has complete Kano answer pairs.",
        "ru": "Ни по одному параметру нет полных пар ответов Кано.",
    },
    "exp.ladder_describe": {
        "en": "Of {n}, {disappointed} are disappointed, {satisfied} satisfied and {delighted} delighted (“Ah!”)",
        "ru": "Из {n} разочарованы {disappointed}, удовлетворены {satisfied}, на уровне «Ах!» — {delighted}",
    },
    "exp.ladder_tolerance": {
        "en": ", with a tolerance of {tolerance}",
        "ru": " (допуск — {tolerance})",
    },
    "exp.ladder_worst": {
        "en": "The most disappointed segment: {segment} ({share})",
        "ru": "Больше всего разочарованных в сегменте {segment} ({share})",
    },
    "exp.ladder_empty": {
        "en": "No respondent rated both expectation and performance",
        "ru": "Нет респондентов с оценками и ожидания, и исполнения",
    },
    "exp.tolerance": {"en": "Tolerance", "ru": "Допуск"},
    "exp.rule": {"en": "Rule", "ru": "Правило"},
    "exp.rule.mean": {"en": "On average", "ru": "В среднем"},
    "exp.rule.strict": {"en": "One let-down counts", "ru": "Один промах решает"},
    "exp.view": {"en": "Show", "ru": "Показать"},
    "exp.view.overall": {"en": "All respondents", "ru": "Все респонденты"},
    "exp.view.segments": {"en": "By segment", "ru": "По сегментам"},
    "exp.ladder_panel_title": {
        "en": "Expectation ladder: how much shortfall does a client notice?",
        "ru": "Лестница ожиданий: какое отклонение клиент замечает?",
    },
    "exp.quotes_count": {
        "en": "{n} on {groups}.",
        "ru": "{n} по {groups}.",
    },
    "exp.quotes_none": {"en": "No comments to quote.", "ru": "Нет комментариев для цитат."},
    "exp.quotes_topic": {"en": "Topic", "ru": "Тема"},
    "exp.quotes_all": {"en": "All topics", "ru": "Все темы"},
    "exp.quotes_n": {"en": "Per topic", "ru": "На тему"},
    "exp.quotes_seed": {"en": "Draw", "ru": "Выборка"},
    "exp.quotes_panel_title": {
        "en": "Voice of the customer: quotes for the slide",
        "ru": "Цитатник: голос клиента для слайда",
    },
    "src.describe_count": {
        "en": "{n}.",
        "ru": "Всего {n}.",
    },
    "src.describe_top": {
        "en": "{source} brings the most revenue: {revenue} of it from {clients} of clients; {repeat} of its buyers bought again.",
        "ru": "Больше всего выручки приносит «{source}»: {revenue} выручки от {clients} клиентов; повторно купили {repeat} его покупателей.",
    },
    "src.describe_per_client": {
        "en": "Revenue per client is highest for {source} ({money}).",
        "ru": "Выручка на клиента выше всего у источника «{source}» ({money}).",
    },
    "src.describe_weak": {
        "en": "{source} brings {clients} of clients but {revenue} of revenue; {repeat} of its "
        "buyers bought again.",
        "ru": "«{source}» даёт {clients} клиентов, но лишь {revenue} выручки; повторно "
        "купили {repeat} его покупателей.",
    },
    "src.describe_empty": {
        "en": "No contact sources to compare.",
        "ru": "Нет источников обращения для сравнения.",
    },
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
        "en": "With a budget of {budget} we choose {actions}: {names}. The cost is {cost}, the expected effect {value}.",
        "ru": "При бюджете {budget} выбираем {actions}: {names}. Затраты — {cost}, ожидаемый эффект — {value}.",
    },
    "prio.describe_none": {
        "en": "With a budget of {budget} no action fits.",
        "ru": "При бюджете {budget} ни одно действие не помещается.",
    },
    "prio.action": {"en": "Action", "ru": "Действие"},
    "prio.cost": {"en": "Cost", "ru": "Затраты"},
    "prio.effect": {"en": "Effect", "ru": "Эффект"},
    "prio.chosen": {"en": "Chosen", "ru": "Выбрано"},
    "prio.tradeoff_empty": {"en": "No candidate actions.", "ru": "Нет действий-кандидатов."},
    "prio.tradeoff_full": {
        "en": "Doing all {actions} costs {cost} and brings {value}.",
        "ru": "Все {actions} вместе стоят {cost} и дают {value}.",
    },
    "prio.tradeoff_share": {
        "en": "The budget of {budget} buys {share} of that.",
        "ru": "Бюджет {budget} даёт {share} этого эффекта.",
    },
    "prio.tradeoff_half": {
        "en": "Half of the total effect needs a budget of {budget}.",
        "ru": "Половина всего эффекта требует бюджета {budget}.",
    },
    "prio.tradeoff_next": {
        "en": "Raising the budget to {budget} adds {value}.",
        "ru": "Рост бюджета до {budget} добавляет {value}.",
    },
    "prio.greedy_note": {
        "en": "Too many actions for an exact search: a quick rule was used (close to, "
        "but not guaranteed, the best).",
        "ru": "Действий слишком много для полного перебора: использовано быстрое правило "
        "(близко к лучшему, но без гарантии).",
    },
}

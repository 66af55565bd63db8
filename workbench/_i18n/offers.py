"""Texts of step 6: offers per segment, golden drops, competitiveness, УКОР."""

MESSAGES = {
    # --- offer matrix: columns and titles ---
    "offer.title": {"en": "Offers per segment", "ru": "Предложения по сегментам"},
    "offer.dimension": {"en": "Segmentation", "ru": "Сегментация"},
    "offer.segment": {"en": "Segment", "ru": "Сегмент"},
    "offer.n_customers": {"en": "Clients", "ru": "Клиентов"},
    "offer.share": {"en": "Share of clients", "ru": "Доля клиентов"},
    "offer.strategy": {"en": "Strategy", "ru": "Стратегия"},
    "offer.actions": {"en": "Actions", "ru": "Действия"},
    "offer.has_rule": {"en": "Rule found", "ru": "Правило найдено"},
    "offer.summary": {
        "en": "{segments}, {customers}; without a rule: {missing}.",
        "ru": "{segments}, {customers}; без правила — {missing}.",
    },
    # --- strategies: one key set for the ladder, the offers, the client base and the lists ---
    "strategy.attract": {"en": "Attract", "ru": "Привлекать"},
    "strategy.engage": {"en": "Engage and develop", "ru": "Вовлекать и развивать"},
    "strategy.retain": {"en": "Retain", "ru": "Удерживать"},
    "strategy.cherish": {"en": "Cherish", "ru": "Беречь"},
    "strategy.win_back": {"en": "Win back", "ru": "Возвращать"},
    "strategy.serve_efficiently": {
        "en": "Serve at low cost",
        "ru": "Обслуживать с минимальными затратами",
    },
    "strategy.none": {"en": "No rule", "ru": "Нет правила"},
    # --- actions ---
    "offer.action.no_rule": {
        "en": "No rule for this segment: define the offer by hand",
        "ru": "Для этого сегмента нет правила: сформулируйте предложение вручную",
    },
    "offer.action.trial_sample": {"en": "Trial sample", "ru": "Пробный образец"},
    "offer.action.free_tasting": {
        "en": "Free tasting / demonstration",
        "ru": "Бесплатная дегустация / демонстрация",
    },
    "offer.action.first_order_discount": {
        "en": "Discount on the first order",
        "ru": "Скидка на первый заказ",
    },
    "offer.action.welcome_call": {"en": "Welcome call", "ru": "Приветственный звонок"},
    "offer.action.product_training": {
        "en": "Training on the product",
        "ru": "Обучение работе с продуктом",
    },
    "offer.action.second_order_offer": {
        "en": "Offer for the second order",
        "ru": "Предложение на второй заказ",
    },
    "offer.action.cross_sell": {
        "en": "Cross-sell related products",
        "ru": "Перекрёстные продажи сопутствующих товаров",
    },
    "offer.action.upsell": {"en": "Grow the basket (upsell)", "ru": "Увеличение чека (допродажа)"},
    "offer.action.loyalty_programme": {
        "en": "Loyalty programme",
        "ru": "Программа лояльности",
    },
    "offer.action.needs_review": {
        "en": "Review the client's needs",
        "ru": "Выяснить потребности клиента",
    },
    "offer.action.personal_manager": {"en": "Personal manager", "ru": "Персональный менеджер"},
    "offer.action.volume_terms": {
        "en": "Volume terms and discounts",
        "ru": "Условия и скидки за объём",
    },
    "offer.action.service_level": {
        "en": "Agreed service level",
        "ru": "Согласованный уровень сервиса",
    },
    "offer.action.referral_programme": {
        "en": "Referral programme",
        "ru": "Программа «приведи друга»",
    },
    "offer.action.co_marketing": {"en": "Joint marketing", "ru": "Совместный маркетинг"},
    "offer.action.early_access": {
        "en": "Early access to new products",
        "ru": "Ранний доступ к новинкам",
    },
    "offer.action.gratitude": {
        "en": "Personal thanks and gifts",
        "ru": "Личная благодарность и подарки",
    },
    "offer.action.reason_call": {
        "en": "Personal call to learn why they left",
        "ru": "Личный звонок, чтобы узнать причину ухода",
    },
    "offer.action.comeback_offer": {
        "en": "Come-back offer",
        "ru": "Предложение для возвращения",
    },
    "offer.action.key_account_care": {
        "en": "Key-account care by a senior manager",
        "ru": "Ведение ключевого клиента старшим менеджером",
    },
    "offer.action.keep_stock": {
        "en": "Keep stock for the client's regular orders",
        "ru": "Держать запас под регулярные заказы клиента",
    },
    "offer.action.long_term_contract": {
        "en": "Long-term contract",
        "ru": "Долгосрочный договор",
    },
    "offer.action.reorder_reminder": {
        "en": "Reminder before the usual reorder",
        "ru": "Напоминание перед обычным дозаказом",
    },
    "offer.action.purchase_plan_review": {
        "en": "Learn the client's purchase plans",
        "ru": "Узнать планы закупок клиента",
    },
    "offer.action.project_offer": {
        "en": "Offer per project / order",
        "ru": "Предложение под проект / заказ",
    },
    "offer.action.standard_terms": {
        "en": "Standard terms, no individual deals",
        "ru": "Стандартные условия без индивидуальных договорённостей",
    },
    "offer.action.self_service": {
        "en": "Self-service channel (online shop, price list)",
        "ru": "Канал самообслуживания (интернет-магазин, прайс-лист)",
    },
    "offer.action.minimise_cost_to_serve": {
        "en": "Minimise the cost to serve",
        "ru": "Минимизировать затраты на обслуживание",
    },
    "offer.action.prepayment": {"en": "Prepayment", "ru": "Предоплата"},
    "offer.action.reactivation_offer": {
        "en": "Reactivation offer before the client leaves",
        "ru": "Предложение для реактивации, пока клиент не ушёл",
    },
    # --- golden drops ---
    "drops.title": {"en": "Golden drops", "ru": "Золотые капли"},
    "drops.advantage": {"en": "Advantage", "ru": "Преимущество"},
    "drops.importance": {"en": "Importance to the client", "ru": "Важность для клиента"},
    "drops.competitor_presence": {
        "en": "Present at competitors",
        "ru": "Есть у конкурентов",
    },
    "drops.importance_norm": {
        "en": "Importance to the client (0–1)",
        "ru": "Важность для клиента (0–1)",
    },
    "drops.competitor_norm": {
        "en": "Present at competitors (0–1)",
        "ru": "Есть у конкурентов (0–1)",
    },
    "drops.matters": {"en": "Matters to the client", "ru": "Важно клиенту"},
    "drops.competitors_lack": {"en": "Competitors lack it", "ru": "У конкурентов нет"},
    "drops.golden_drop": {"en": "Golden drop", "ru": "Золотая капля"},
    "drops.other": {"en": "Other advantage", "ru": "Прочее преимущество"},
    "drops.score": {"en": "Score", "ru": "Балл"},
    # --- competitiveness ---
    "comp.title": {"en": "Competitiveness", "ru": "Конкурентоспособность"},
    "comp.internal_competencies": {
        "en": "Internal competencies",
        "ru": "Внутренние компетенции",
    },
    "comp.external_competencies": {
        "en": "External competencies",
        "ru": "Внешние компетенции",
    },
    "comp.dynamic_capabilities": {
        "en": "Dynamic capabilities",
        "ru": "Динамические способности",
    },
    "comp.score": {"en": "Score (0–20)", "ru": "Оценка (0–20)"},
    "comp.total": {"en": "Total (0–60)", "ru": "Итого (0–60)"},
    "comp.level.low": {"en": "low", "ru": "низкий"},
    "comp.level.medium": {"en": "medium", "ru": "средний"},
    "comp.level.high": {"en": "high", "ru": "высокий"},
    "comp.company": {"en": "Company", "ru": "Компания"},
    "comp.us": {"en": "Us", "ru": "Мы"},
    # --- УКОР ---
    "ukor.title": {
        "en": "Level of client orientation (UKOR)",
        "ru": "Уровень клиентоориентации (УКОР)",
    },
    "ukor.score": {"en": "Score (0–100)", "ru": "Балл (0–100)"},
    "ukor.theme": {"en": "Theme", "ru": "Тема"},
    "ukor.level.spontaneous": {"en": "spontaneous", "ru": "стихийная"},
    "ukor.level.regulated": {"en": "regulated", "ru": "регламентированная"},
    "ukor.level.cultural": {"en": "cultural", "ru": "культурная"},
    "ukor.summary": {
        "en": "UKOR = {score} of 100: the {level} level. Weakest themes: {weakest}.",
        "ru": "УКОР = {score} из 100: {level} клиентоориентированность. Самые слабые темы: {weakest}.",
    },
    "ukor.none": {"en": "none", "ru": "нет"},
    "ukor.scale_hint": {
        "en": "0 = not at all, 4 = fully true",
        "ru": "0 = совсем нет, 4 = полностью так",
    },
    "ukor.theme.expectations": {"en": "Client expectations", "ru": "Ожидания клиентов"},
    "ukor.theme.segmentation": {"en": "Segmentation", "ru": "Сегментация"},
    "ukor.theme.offers": {"en": "Offers per segment", "ru": "Предложения для сегментов"},
    "ukor.theme.feedback": {"en": "Feedback channel", "ru": "Обратная связь"},
    "ukor.theme.complaints": {"en": "Complaints and lost clients", "ru": "Жалобы и ушедшие клиенты"},
    "ukor.theme.staff": {"en": "Staff standards", "ru": "Стандарты персонала"},
    "ukor.theme.management": {"en": "Management and culture", "ru": "Руководство и культура"},
    "ukor.theme.key_clients": {"en": "Key clients", "ru": "Ключевые клиенты"},
    "ukor.q.expectations_known": {
        "en": "We regularly ask clients what they expect and write the answers down.",
        "ru": "Мы регулярно спрашиваем клиентов об их ожиданиях и фиксируем ответы.",
    },
    "ukor.q.competitors_known": {
        "en": "We know whom clients compare us with and how we look against those competitors.",
        "ru": "Мы знаем, с кем нас сравнивают клиенты и как мы выглядим на фоне этих конкурентов.",
    },
    "ukor.q.segments_defined": {
        "en": "Clients are divided into segments by clear criteria (volume, regularity, profit).",
        "ru": "Клиенты разделены на сегменты по понятным критериям (объём, регулярность, прибыль).",
    },
    "ukor.q.client_history": {
        "en": "Every contact and order of every client is recorded in one system (CRM).",
        "ru": "Все контакты и заказы каждого клиента записаны в одной системе (CRM).",
    },
    "ukor.q.offers_per_segment": {
        "en": "Each segment has its own offer and its own way of working.",
        "ru": "Для каждого сегмента есть своё предложение и свой порядок работы.",
    },
    "ukor.q.advantages_known": {
        "en": "We know which of our advantages matter to clients and which competitors lack.",
        "ru": "Мы знаем, какие наши преимущества важны клиентам и каких нет у конкурентов.",
    },
    "ukor.q.feedback_channel": {
        "en": "Clients can reach us easily, and we check in with them after a purchase.",
        "ru": "Клиенту легко с нами связаться, и мы сами выходим на связь после покупки.",
    },
    "ukor.q.satisfaction_measured": {
        "en": "We measure satisfaction (e.g. NPS) regularly and act on the results.",
        "ru": "Мы регулярно измеряем удовлетворённость (например, NPS) и действуем по итогам.",
    },
    "ukor.q.complaints_handled": {
        "en": "Complaints are recorded, welcomed and resolved within an agreed time.",
        "ru": "Жалобы записываются, принимаются с благодарностью и решаются в оговорённый срок.",
    },
    "ukor.q.lost_clients_reviewed": {
        "en": "When a client leaves or refuses, we find out why and try to win them back.",
        "ru": "Когда клиент уходит или отказывается, мы выясняем причину и пытаемся его вернуть.",
    },
    "ukor.q.service_standards": {
        "en": "Staff have written standards for working with clients, and follow them.",
        "ru": "У сотрудников есть письменные стандарты работы с клиентами, и они их соблюдают.",
    },
    "ukor.q.staff_motivation": {
        "en": "Staff pay and appraisal depend on client satisfaction and retention, not only sales.",
        "ru": "Оплата и оценка сотрудников зависят от удовлетворённости и удержания клиентов, "
        "а не только от продаж.",
    },
    "ukor.q.management_involved": {
        "en": "Top managers meet clients themselves and review client feedback.",
        "ru": "Первые лица сами встречаются с клиентами и разбирают обратную связь.",
    },
    "ukor.q.client_first_culture": {
        "en": "Putting the client first is a shared value staff follow without being told.",
        "ru": "Интересы клиента — общая ценность, которой сотрудники следуют без напоминаний.",
    },
    "ukor.q.key_client_opinion": {
        "en": "Our key clients call us client-oriented (we have asked them).",
        "ru": "Ключевые клиенты считают нас клиентоориентированными (мы их спрашивали).",
    },
    "ukor.q.key_client_owner": {
        "en": "Each key client has a named person responsible for the relationship.",
        "ru": "За каждым ключевым клиентом закреплён ответственный сотрудник.",
    },
    # --- reading the results aloud (describe_* / format_*) ---
    "offer.dimension.rung": {"en": "Loyalty ladder", "ru": "Лестница приверженности"},
    "offer.dimension.cell": {"en": "ABC-XYZ", "ru": "ABC-XYZ"},
    "offer.dimension.segment": {"en": "Segments", "ru": "Сегменты"},
    "offer.describe": {
        "en": "{dimension}: {customers} in {segments}. By strategy: {strategies}.",
        "ru": "{dimension}: {customers} в {segments}. По стратегиям: {strategies}.",
    },
    "offer.describe_missing": {
        "en": "Without a rule (define the offer by hand): {segments}.",
        "ru": "Без правила (сформулируйте предложение вручную): {segments}.",
    },
    "offer.describe_complete": {
        "en": "Every segment has an offer.",
        "ru": "Для каждого сегмента есть предложение.",
    },
    "drops.verdict": {"en": "Verdict", "ru": "Вывод"},
    "drops.kind.golden": {"en": "Golden drop", "ru": "Золотая капля"},
    "drops.kind.stakes": {"en": "Table stakes", "ru": "Обязательный минимум"},
    "drops.kind.idle": {"en": "Not valued by clients", "ru": "Клиентам не важно"},
    "drops.kind.other": {"en": "Other", "ru": "Прочее"},
    "drops.describe": {
        "en": "Of {n}, {n_matter} matter to clients; competitors lack {n_drops} of them — the golden drops: {drops}.",
        "ru": "Из {n} клиентам важны {n_matter}; у конкурентов нет {n_drops} из них — это золотые капли: {drops}.",
    },
    "drops.describe_none": {
        "en": "Of {n}, {n_matter} matter to clients, but competitors have all of them: no golden drop yet — look for more advantages.",
        "ru": "Из {n} клиентам важны {n_matter}, но все они есть и у конкурентов: золотых капель пока нет — ищите новые преимущества.",
    },
    "drops.describe_stakes": {
        "en": "Table stakes (they matter, but competitors have them too): {names}.",
        "ru": "Обязательный минимум (важно, но есть и у конкурентов): {names}.",
    },
    "drops.describe_idle": {
        "en": "Competitors lack these, but clients care little: {names}.",
        "ru": "Этого нет у конкурентов, но клиентам это мало важно: {names}.",
    },
    "drops.survey_confirmed": {
        "en": "Advantages that matter and where clients rate us above the competitor ({n}): "
        "{names}.",
        "ru": "Важные клиентам качества, по которым нас оценивают выше конкурента ({n}): "
        "{names}.",
    },
    "drops.survey_none": {
        "en": "The survey confirms no golden drop: on no important attribute do clients rate "
        "us clearly above the competitor.",
        "ru": "Опрос не подтверждает ни одной золотой капли: ни по одному важному качеству "
        "клиенты не ставят нас явно выше конкурента.",
    },
    "drops.survey_behind": {
        "en": "Important, but rated below the competitor — fix before advertising: {names}.",
        "ru": "Важно, но оценено ниже конкурента — исправить, прежде чем рекламировать: "
        "{names}.",
    },
    "drops.survey_no_competitor": {
        "en": "The survey has no ratings of the competitor: the golden drops rest on the "
        "management's view only.",
        "ru": "В опросе нет оценок конкурента: золотые капли опираются только на мнение "
        "руководства.",
    },
    "comp.describe": {
        "en": "{company}: {total} of 60 ({level}); weakest: {weakest} ({weakest_score} of 20).",
        "ru": "{company}: {total} из 60 (уровень {level}); слабее всего: {weakest} ({weakest_score} из 20).",
    },
    "comp.describe_vs": {"en": "{us} against {rival}: {diffs}.", "ru": "{us} против {rival}: {diffs}."},
    "ukor.summary_none": {
        "en": "UKOR = {score} of 100: the {level} level; no theme falls behind.",
        "ru": "УКОР = {score} из 100: {level} клиентоориентированность; отстающих тем нет.",
    },
    # --- warnings of the computation (said through NoteWarning)
    "golden.warn.few_advantages": {
        "en": "golden drops: {n} advantages listed; the method asks for at least {minimum}",
        "ru": "«золотые капли»: перечислено преимуществ — {n}, методика просит не меньше {minimum}",
    },
}

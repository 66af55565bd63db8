"""Texts of the workshop file (workbench.narrative._workshop): explanations, banners, passport."""

MESSAGES = {
    "wsf.header": {
        "en": "Workshop file: what the client's management says in the room.\n"
              "Fill what you know; leave the rest empty. Every field is explained above it.\n"
              "Empty fields are not invented: the step that needs one says so in a banner.\n"
              "Decisions saved from the notebooks' widgets are written here too "
              "(with who and when).",
        "ru": "Файл воркшопа: то, что руководство клиента говорит на встрече.\n"
              "Заполните то, что известно; остальное оставьте пустым. Над каждым полем — "
              "пояснение.\nПустые поля ничем не подменяются: шаг, которому поле нужно, "
              "скажет об этом.\nРешения, сохранённые из виджетов блокнотов, записываются сюда "
              "же (кто и когда).",
    },
    "wsf.field.language": {
        "en": "Language of the workshop (en or ru): its explanations come first in this file.",
        "ru": "Язык воркшопа (en или ru): пояснения на нём идут в этом файле первыми.",
    },
    # sections
    "wsf.section.company": {
        "en": "The company: its name, the currency of the amounts, the margin.",
        "ru": "Компания: название, валюта сумм, маржа.",
    },
    "wsf.section.competitors": {
        "en": "Main competitors, the strongest first (steps 1 and 6).",
        "ru": "Основные конкуренты, самый сильный первым (шаги 1 и 6).",
    },
    "wsf.section.attributes": {
        "en": "Service attributes the clients are asked about (the questionnaire of step 1: "
              "workbench questionnaire --workshop workshop.yml), one name per line, as the "
              "clients would say it.",
        "ru": "Атрибуты сервиса, о которых спрашиваем клиентов (анкета шага 1: "
              "workbench questionnaire --workshop workshop.yml), по одному названию в строке, "
              "словами клиента.",
    },
    "wsf.section.advantages": {
        "en": "Our advantages (step 6, golden drops): at least ten, with their importance to "
              "the client (1–5) and the share of the main competitors that offer the same "
              "(0 = none, 1 = all).",
        "ru": "Наши преимущества (шаг 6, золотые капли): не меньше десяти, с важностью для "
              "клиента (1–5) и долей основных конкурентов, у которых есть то же самое "
              "(0 — ни у кого, 1 — у всех).",
    },
    "wsf.section.competitiveness": {
        "en": "Competitiveness (step 6): three 0–20 scales per company — internal "
              "competencies, external competencies, dynamic capabilities; a row for us "
              "(company: us) and one per competitor.",
        "ru": "Конкурентоспособность (шаг 6): три шкалы 0–20 для каждой компании — "
              "внутренние компетенции, внешние компетенции, динамические способности; строка "
              "для нас (company: us) и по строке на конкурента.",
    },
    "wsf.section.ukor": {
        "en": "УКОР self-assessment (step 6): one answer 0–4 per statement (0 = not at all, "
              "4 = fully true).",
        "ru": "Самооценка УКОР (шаг 6): ответ 0–4 на каждое утверждение (0 — совсем нет, "
              "4 — полностью верно).",
    },
    "wsf.section.actions": {
        "en": "Candidate actions (step 3): the survey attribute each improves, its cost for a "
              "year and its expected effect (points of the 1–5 performance score).",
        "ru": "Возможные действия (шаг 3): какой атрибут анкеты улучшает, стоимость на год и "
              "ожидаемый эффект (баллы оценки 1–5).",
    },
    "wsf.section.offers": {
        "en": "Offer rules per segment (step 6): segment key (a ladder rung such as regular, "
              "an ABC-XYZ cell such as AX, an RFM segment), strategy, actions (separated by "
              "“;”), cost per client and contact channel. Empty: the method's defaults.",
        "ru": "Правила предложений по сегментам (шаг 6): ключ сегмента (ступень лестницы, "
              "например regular, ячейка ABC-XYZ, например AX, RFM-сегмент), стратегия, "
              "действия (через «;»), стоимость на клиента и канал связи. Пусто — правила "
              "метода по умолчанию.",
    },
    "wsf.section.plan": {
        "en": "The plan: budget of step 3, horizon of steps 5–7, control-group share.",
        "ru": "План: бюджет шага 3, горизонт шагов 5–7, доля контрольной группы.",
    },
    "wsf.section.decisions": {
        "en": "Decisions taken with the widgets (saved from the notebooks; empty = the "
              "method's default).",
        "ru": "Решения, принятые в виджетах (сохраняются из блокнотов; пусто — значение "
              "метода по умолчанию).",
    },
    "wsf.section.control_questions": {
        "en": "The course's 43 control questions, each with its step, and the room's answers "
              "(write the answer in place of null; the report prints them in its appendix).",
        "ru": "43 контрольных вопроса курса, у каждого — его шаг, и ответы участников "
              "(впишите ответ вместо null; отчёт печатает их в приложении).",
    },
    # fields
    "wsf.field.company.name": {"en": "Company name, as the audience calls it.",
                               "ru": "Название компании, как его называет аудитория."},
    "wsf.field.company.currency": {
        "en": "Currency of the amounts in the data (RUB, USD, EUR …).",
        "ru": "Валюта сумм в данных (RUB, USD, EUR …).",
    },
    "wsf.field.company.margin": {
        "en": "Gross margin share (0–1), used when transactions have no cost column; empty: "
              "values are revenue.",
        "ru": "Доля валовой маржи (0–1), если в транзакциях нет себестоимости; пусто — "
              "ценность считается по выручке.",
    },
    "wsf.field.plan.budget": {
        "en": "Budget of the improvement actions of step 3, in the unit of their costs.",
        "ru": "Бюджет на действия шага 3, в единицах их стоимости.",
    },
    "wsf.field.plan.horizon": {
        "en": "Horizon of churn risk and client value (steps 5–7), e.g. 90D.",
        "ru": "Горизонт риска ухода и ценности клиента (шаги 5–7), например 90D.",
    },
    "wsf.field.plan.control_share": {
        "en": "Share of each contact list kept as a control group (not contacted), to measure "
              "the effect.",
        "ru": "Доля каждого списка, которая остаётся контрольной группой (без контакта), "
              "чтобы измерить эффект.",
    },
    "wsf.field.decisions.priority_weight": {
        "en": "Step 3: how an action's effect is weighted (none, importance, gap).",
        "ru": "Шаг 3: как взвешивается эффект действия (none, importance, gap).",
    },
    "wsf.field.decisions.abc_a": {"en": "Step 4: cumulative revenue share that ends class A.",
                                  "ru": "Шаг 4: накопленная доля выручки, где кончается "
                                        "класс A."},
    "wsf.field.decisions.abc_b": {"en": "Step 4: cumulative revenue share that ends class B.",
                                  "ru": "Шаг 4: накопленная доля выручки, где кончается "
                                        "класс B."},
    "wsf.field.decisions.xyz_x": {"en": "Step 4: variation coefficient up to which a client "
                                        "is X (steady).",
                                  "ru": "Шаг 4: коэффициент вариации, до которого клиент — X "
                                        "(стабильный)."},
    "wsf.field.decisions.xyz_y": {"en": "Step 4: variation coefficient up to which a client "
                                        "is Y (occasional).",
                                  "ru": "Шаг 4: коэффициент вариации, до которого клиент — Y "
                                        "(нерегулярный)."},
    "wsf.field.decisions.clusters_k": {"en": "Step 4: number of client groups (clusters).",
                                       "ru": "Шаг 4: число групп клиентов (кластеров)."},
    "wsf.field.decisions.cluster_features": {
        "en": "Step 4: the features the clustering uses.",
        "ru": "Шаг 4: признаки, по которым строятся кластеры.",
    },
    "wsf.field.decisions.offer_cost": {
        "en": "Steps 5 and 7: cost of the retention offer per client (empty: the offer is "
              "not priced).",
        "ru": "Шаги 5 и 7: стоимость удерживающего предложения на клиента (пусто — "
              "предложение не оценивается).",
    },
    "wsf.field.decisions.success_rate": {
        "en": "Steps 5 and 7: share of contacted at-risk clients the offer keeps.",
        "ru": "Шаги 5 и 7: доля клиентов под риском, которых предложение удерживает.",
    },
    "wsf.field.decisions.stale_complaint_days": {
        "en": "Step 8: an open complaint older than this many days is a question for the data "
              "owner, not a call (default 90).",
        "ru": "Шаг 8: открытая жалоба старше стольких дней — вопрос к владельцу данных, а не "
              "звонок (по умолчанию 90).",
    },
    "wsf.field.decisions.risk_threshold": {
        "en": "Step 5: churn risk from which a client is contacted.",
        "ru": "Шаг 5: риск ухода, начиная с которого с клиентом связываются.",
    },
    # table columns
    "wsf.col.advantages.advantage": {"en": "the advantage", "ru": "преимущество"},
    "wsf.col.advantages.importance": {"en": "importance to the client",
                                      "ru": "важность для клиента"},
    "wsf.col.advantages.competitor_presence": {"en": "share of competitors who have it",
                                               "ru": "доля конкурентов, у кого оно есть"},
    "wsf.col.competitiveness.company": {"en": "us, or a competitor's name",
                                        "ru": "us (мы) или название конкурента"},
    "wsf.col.competitiveness.internal": {"en": "internal competencies",
                                         "ru": "внутренние компетенции"},
    "wsf.col.competitiveness.external": {"en": "external competencies",
                                         "ru": "внешние компетенции"},
    "wsf.col.competitiveness.dynamic": {"en": "dynamic capabilities",
                                        "ru": "динамические способности"},
    "wsf.col.actions.attribute": {"en": "survey attribute it improves",
                                  "ru": "атрибут анкеты, который улучшается"},
    "wsf.col.actions.action": {"en": "the action", "ru": "действие"},
    "wsf.col.actions.cost": {"en": "cost for a year", "ru": "стоимость на год"},
    "wsf.col.actions.effect": {"en": "expected rise of the 1–5 score",
                               "ru": "ожидаемый рост оценки 1–5"},
    "wsf.col.offers.segment": {"en": "segment key", "ru": "ключ сегмента"},
    "wsf.col.offers.strategy": {"en": "strategy", "ru": "стратегия"},
    "wsf.col.offers.actions": {"en": "actions, separated by “;”",
                               "ru": "действия через «;»"},
    "wsf.col.offers.cost_per_client": {"en": "cost per client", "ru": "стоимость на клиента"},
    "wsf.col.offers.channel": {"en": "contact channel", "ru": "канал связи"},
    "wsf.col.control_questions.question": {"en": "the question", "ru": "вопрос"},
    "wsf.col.control_questions.answer": {"en": "the company's answer", "ru": "ответ компании"},
    # short labels (banners, passport)
    "wsf.label.company.name": {"en": "company name", "ru": "название компании"},
    "wsf.label.company.currency": {"en": "currency", "ru": "валюта"},
    "wsf.label.company.margin": {"en": "margin", "ru": "маржа"},
    "wsf.label.competitors": {"en": "main competitors", "ru": "основные конкуренты"},
    "wsf.label.attributes": {"en": "service attributes", "ru": "атрибуты сервиса"},
    "wsf.label.advantages": {"en": "our advantages", "ru": "наши преимущества"},
    "wsf.label.competitiveness": {"en": "competitiveness scores",
                                  "ru": "оценки конкурентоспособности"},
    "wsf.label.ukor": {"en": "УКОР answers", "ru": "ответы УКОР"},
    "wsf.label.actions": {"en": "candidate actions", "ru": "возможные действия"},
    "wsf.label.offers": {"en": "offer rules", "ru": "правила предложений"},
    "wsf.label.plan.budget": {"en": "budget", "ru": "бюджет"},
    "wsf.label.plan.horizon": {"en": "horizon", "ru": "горизонт"},
    "wsf.label.plan.control_share": {"en": "control-group share",
                                     "ru": "доля контрольной группы"},
    "wsf.label.control_questions": {"en": "control questions", "ru": "контрольные вопросы"},
    "wsf.label.decisions.priority_weight": {"en": "weighting of actions",
                                            "ru": "взвешивание действий"},
    "wsf.label.decisions.abc_a": {"en": "A threshold", "ru": "граница A"},
    "wsf.label.decisions.abc_b": {"en": "B threshold", "ru": "граница B"},
    "wsf.label.decisions.xyz_x": {"en": "X threshold", "ru": "граница X"},
    "wsf.label.decisions.xyz_y": {"en": "Y threshold", "ru": "граница Y"},
    "wsf.label.decisions.clusters_k": {"en": "number of clusters", "ru": "число кластеров"},
    "wsf.label.decisions.cluster_features": {"en": "cluster features",
                                             "ru": "признаки кластеров"},
    "wsf.label.decisions.offer_cost": {"en": "offer cost", "ru": "стоимость предложения"},
    "wsf.label.decisions.success_rate": {"en": "success rate", "ru": "доля успеха"},
    "wsf.label.decisions.risk_threshold": {"en": "risk threshold", "ru": "порог риска"},
    "wsf.label.decisions.stale_complaint_days": {"en": "stale complaint age",
                                                 "ru": "возраст «застрявшей» жалобы"},
    # decisions
    "wsf.decision.priorities": {"en": "priorities (step 3)", "ru": "приоритеты (шаг 3)"},
    "wsf.decision.abc_xyz": {"en": "ABC-XYZ thresholds (step 4)",
                             "ru": "границы ABC-XYZ (шаг 4)"},
    "wsf.decision.segmentation": {"en": "clusters (step 4)", "ru": "кластеры (шаг 4)"},
    "wsf.decision.retention": {"en": "retention offer (step 5)",
                               "ru": "удерживающее предложение (шаг 5)"},
    "wsf.decision.threshold": {"en": "risk threshold (step 5)", "ru": "порог риска (шаг 5)"},
    "wsf.decision.feedback": {"en": "second round (step 8)", "ru": "второй круг (шаг 8)"},
    "wsf.decision.offers": {"en": "offer table (step 6)", "ru": "таблица предложений (шаг 6)"},
    "wsf.decision.ukor": {"en": "УКОР answers (step 6)", "ru": "ответы УКОР (шаг 6)"},
    # describe
    "wsf.describe.none": {
        "en": "The folder has no workshop file: the workshop inputs are empty (create one "
              "with “workbench init”).",
        "ru": "В папке нет файла воркшопа: входные данные воркшопа пусты (создайте его "
              "командой «workbench init»).",
    },
    "wsf.describe.filled": {
        "en": "Workshop file {file}: {n} of {total} inputs filled ({filled}).",
        "ru": "Файл воркшопа {file}: заполнено входных данных — {n} из {total} ({filled}).",
    },
    "wsf.describe.empty": {"en": "Empty: {empty}.", "ru": "Не заполнено: {empty}."},
    "wsf.describe.saved": {"en": "Decisions saved: {decisions}.",
                           "ru": "Сохранённые решения: {decisions}."},
    # banners
    "wsf.missing.table": {"en": "the {table} table ({file})", "ru": "таблица «{table}» ({file})"},
    "wsf.missing.fields": {"en": "in the workshop file (workshop.yml): {fields}",
                           "ru": "в файле воркшопа (workshop.yml): {fields}"},
    "wsf.missing.banner": {
        "en": "Step {step} lacks: {what}. The sections that need them show nothing until they "
              "are filled.",
        "ru": "Шагу {step} не хватает: {what}. Разделы, которым это нужно, ничего не покажут, "
              "пока данные не появятся.",
    },
    # passport
    "wsf.passport.company": {"en": "Company: {company}.", "ru": "Компания: {company}."},
    "wsf.passport.data": {
        "en": "Transactions from {start} to {end}: {n} clients, {orders} orders, revenue "
              "{revenue}.",
        "ru": "Транзакции с {start} по {end}: клиентов — {n}, заказов — {orders}, выручка — "
              "{revenue}.",
    },
    "wsf.passport.workshop": {
        "en": "Workshop file {file}: {n} of {total} inputs filled.",
        "ru": "Файл воркшопа {file}: заполнено входных данных — {n} из {total}.",
    },
    "wsf.passport.steps": {
        "en": "Steps that can run in full: {ready}; in part (workshop inputs missing): "
              "{partly}; not at all (a table missing): {blocked}.",
        "ru": "Шаги, которые выполнятся полностью: {ready}; частично (не хватает данных "
              "воркшопа): {partly}; не выполнятся (нет таблицы): {blocked}.",
    },
    "wsf.status.ready": {"en": "ready", "ru": "готов"},
    "wsf.status.partly": {"en": "in part", "ru": "частично"},
    "wsf.status.blocked": {"en": "cannot run", "ru": "не выполнится"},
    "wsf.col.status": {"en": "Status", "ru": "Статус"},
    "wsf.col.missing": {"en": "Missing", "ru": "Не хватает"},
    "wsf.step0": {"en": "Start: the client's data", "ru": "Начало: данные клиента"},
    # widgets' save action
    "wsf.save.button": {"en": "Save this decision", "ru": "Сохранить решение"},
    "wsf.save.who": {"en": "Who", "ru": "Кто"},
    "wsf.save.done": {"en": "Saved to {file}: {decision} ({values}).",
                      "ru": "Сохранено в {file}: {decision} ({values})."},
    "wsf.save.failed": {"en": "Not saved: {error}", "ru": "Не сохранено: {error}"},
    "wsf.save.nothing": {"en": "Nothing to save: the panel has no valid result.",
                         "ru": "Сохранять нечего: у панели нет корректного результата."},
}

MESSAGES.update({
    "base.definitions": {
        "en": "A client is lapsed when the days since their last purchase exceed {days}, or "
              "{mult} times their usual gap between purchases when that is longer; every other "
              "client who has bought is active. Churn risk is the chance that an active client "
              "buys nothing within the next {horizon} days; lapsed clients are not counted in "
              "it: they are a win-back population.",
        "ru": "Клиент считается ушедшим, если с последней покупки прошло больше {days} дн. "
              "(или больше {mult} его обычных интервалов между покупками, если это дольше); "
              "остальные купившие клиенты — активные. Риск ухода — вероятность, что активный "
              "клиент ничего не купит в ближайшие {horizon} дн.; ушедшие клиенты в нём не "
              "считаются: это аудитория для возврата.",
    },
    "base.counts": {
        "en": "Clients who have bought: {n}, of whom {active} active and {lapsed} lapsed (a "
              "win-back population, not a churn risk).",
        "ru": "Клиенты, купившие хотя бы раз: {n}, из них активные — {active}, ушедшие — "
              "{lapsed} (их возвращаем, в риск ухода они не входят).",
    },
    "base.counts.risk": {
        "en": "High churn risk: {high} ({share} of the active clients).",
        "ru": "Высокий риск ухода: {high} ({share} активных клиентов).",
    },
    "base.counts.advocates": {"en": "Advocates: {n}.", "ru": "Приверженцы: {n}."},
    "base.attrition.above": {
        "en": "Of the {n} clients active on {start}, {lapsed} ({pct}) had lapsed a year later, "
              "on {end} — above the benchmark of about {bench} a year that even the best "
              "companies lose.",
        "ru": "Из клиентов, активных на {start} (их {n}), через год, к {end}, ушли {lapsed} "
              "({pct}) — больше ориентира: даже лучшие компании теряют около {bench} клиентов "
              "в год.",
    },
    "base.attrition.within": {
        "en": "Of the {n} clients active on {start}, {lapsed} ({pct}) had lapsed a year later, "
              "on {end} — within the benchmark of about {bench} a year that even the best "
              "companies lose.",
        "ru": "Из клиентов, активных на {start} (их {n}), через год, к {end}, ушли {lapsed} "
              "({pct}) — в пределах ориентира: даже лучшие компании теряют около {bench} "
              "клиентов в год.",
    },
    "base.attrition.before": {"en": "The years before, newest first: {years}.",
                              "ru": "В предыдущие годы, начиная с последнего: {years}."},
    "base.attrition.short": {
        "en": "The history is shorter than a year and a half: the yearly attrition cannot be "
              "measured yet.",
        "ru": "История короче полутора лет: годовой отток пока измерить нельзя.",
    },
    "base.silent": {
        "en": "Of {n} lapsed clients, {silent} ({pct}) never complained: they left silently. "
              "A complaint is a gift: the clients who do not complain leave without saying "
              "why.",
        "ru": "Из ушедших клиентов (их {n}) ни разу не жаловались {silent} ({pct}): они ушли "
              "молча. Жалоба — это подарок: те, кто не жалуется, уходят, не объяснив "
              "причины.",
    },
    "base.silent.none": {"en": "No client has lapsed yet.",
                         "ru": "Ушедших клиентов пока нет."},
    "base.stale": {
        "en": "{complaints} {verb} recorded as open for more than {days} (the oldest for "
              "{oldest}). That is far more often a record nobody closed than a client "
              "still waiting: check them with the data owner. They are marked in actions.xlsx "
              "(“Old open complaint: check the record”) and are not a reason to call first.",
        "ru": "{complaints} {verb} дольше {days} (самая старая — {oldest}). "
              "Гораздо чаще это запись, которую никто не закрыл, чем клиент, который всё ещё "
              "ждёт: проверьте их с владельцем данных. В actions.xlsx они отмечены («Старая "
              "открытая жалоба: проверить запись») и не ставят клиента первым в список "
              "звонков.",
    },
    "base.stale.verb": {"en": "is|are",
                        "ru": "числится открытой|числятся открытыми|числятся открытыми"},
    "base.stale.none": {"en": "No complaint is recorded as open for more than {days}.",
                        "ru": "Жалоб, открытых дольше {days}, нет."},
    "base.note.no_churn": {
        "en": "Churn risk could not be estimated for a horizon of {horizon}: {error}",
        "ru": "Риск ухода на горизонте {horizon} оценить не удалось: {error}",
    },
    "base.note.no_clusters": {
        "en": "The clusters could not be computed: {error}",
        "ru": "Кластеры рассчитать не удалось: {error}",
    },
})

MESSAGES.update({
    "why.silent": {"en": "buys every {cycle}, silent for {silent}",
                   "ru": "покупает раз в {cycle}, молчит уже {silent}"},
    "why.open_complaint": {"en": "open complaint for {days}",
                           "ru": "жалоба не закрыта уже {days}"},
    "why.spend_down": {"en": "spend down {pct} on the quarter before",
                       "ru": "покупки за последний квартал упали на {pct} к предыдущему"},
    "why.one_purchase": {"en": "one purchase, {ago} ago", "ru": "одна покупка, {ago} назад"},
    "why.lapsed": {"en": "no purchase for {days}", "ru": "нет покупок уже {days}"},
    "why.high_risk": {"en": "churn risk {pct}", "ru": "риск ухода {pct}"},
    "why.due": {"en": "buys every {cycle}; next purchase due {date}",
                "ru": "покупает раз в {cycle}; следующая покупка ожидается {date}"},
})

MESSAGES.update({
    "deliv.col.name": {"en": "Client name", "ru": "Название клиента"},
    "deliv.col.region": {"en": "Region", "ru": "Регион"},
    "deliv.col.source": {"en": "Source", "ru": "Источник"},
    "deliv.col.manager": {"en": "Manager", "ru": "Менеджер"},
    "deliv.col.contact": {"en": "Contact", "ru": "Контакт"},
    "deliv.col.why_now": {"en": "Why now", "ru": "Почему сейчас"},
    "deliv.col.next_contact": {"en": "Next check-in", "ru": "Следующий контакт"},
    "deliv.col.channel": {"en": "Channel", "ru": "Канал"},
    "deliv.col.stale_complaint": {"en": "Old open complaint: check the record",
                                  "ru": "Старая открытая жалоба: проверить запись"},
    "deliv.col.lead_id": {"en": "Lead", "ru": "Лид"},
    "deliv.col.stage": {"en": "Stage reached", "ru": "Достигнутый этап"},
    "deliv.col.date": {"en": "First contact", "ru": "Первый контакт"},
    "deliv.col.days_since": {"en": "Days since", "ru": "Дней прошло"},
    "deliv.channel.personal_manager": {"en": "Personal manager", "ru": "Персональный менеджер"},
    "deliv.channel.phone": {"en": "Phone call", "ru": "Звонок"},
    "deliv.channel.mass": {"en": "E-mail / SMS mailing", "ru": "Рассылка (e-mail / SMS)"},
    "deliv.channel.none": {"en": "No contact", "ru": "Без контакта"},
    "deliv.sheet.leads": {"en": "Attract (leads)", "ru": "Привлекать (лиды)"},
    "deliv.setting.currency": {"en": "Currency of the amounts", "ru": "Валюта сумм"},
    "deliv.setting.control_share": {"en": "Control group (not contacted)",
                                    "ru": "Контрольная группа (без контакта)"},
    "deliv.currency.unknown": {
        "en": "not stated (set company.currency in the workshop file)",
        "ru": "не указана (заполните company.currency в файле воркшопа)",
    },
    "deliv.read.title": {"en": "How to read the sheets:", "ru": "Как читать листы:"},
    "deliv.read.cherish": {
        "en": "your most loyal clients; keep them close, thank them, ask for referrals. "
              "Call from the top (priority 1).",
        "ru": "самые преданные клиенты: поддерживайте личный контакт, благодарите, просите "
              "рекомендаций. Звоните сверху вниз (приоритет 1).",
    },
    "deliv.read.retain": {
        "en": "regular clients and active clients at high churn risk; contact those marked "
              "“Contact now” first.",
        "ru": "постоянные клиенты и активные клиенты с высоким риском ухода; сначала — "
              "отмеченные «Связаться сейчас».",
    },
    "deliv.read.engage": {
        "en": "new and occasional buyers to develop: the next order, a related product.",
        "ru": "новые и нерегулярные покупатели, которых стоит развивать: следующий заказ, "
              "сопутствующий товар.",
    },
    "deliv.read.win_back": {
        "en": "clients who have already left (lapsed): ask why, one by one, by their reason; "
              "they are not counted in the churn risk.",
        "ru": "клиенты, которые уже ушли: выясняйте причину у каждого и возвращайте по ней; "
              "в риске ухода они не считаются.",
    },
    "deliv.read.attract": {"en": "prospects to attract.", "ru": "потенциальные клиенты."},
    "deliv.read.other": {"en": "clients of this strategy, priority 1 first.",
                         "ru": "клиенты этой стратегии, сначала приоритет 1."},
    "deliv.read.columns": {
        "en": "Columns: priority ranks the clients within the sheet; “Why now” says in one "
              "sentence what the data shows, its code is in “Reason code” for filtering; "
              "“Next check-in” is the date the client usually buys again; churn risk is a "
              "percentage; money is in the currency above.",
        "ru": "Столбцы: приоритет — порядок клиентов внутри листа; «Почему сейчас» — одной "
              "фразой, что показывают данные, её код — в «Код причины» для фильтра; "
              "«Следующий контакт» — дата, когда клиент обычно покупает снова; риск ухода — в "
              "процентах; суммы — в валюте, указанной выше.",
    },
    "deliv.read.leads": {
        "en": "leads from the sales funnel who have not bought yet, the furthest stage first.",
        "ru": "лиды из воронки продаж, ещё не купившие; сначала — дошедшие дальше всех.",
    },
})

#: Column explanations that several tables of the workshop file share: written once.
_SOURCING = {'en': 'in_house (our staff) or bought (a contractor)', 'ru': 'in_house (сами) или bought (подрядчик)'}
_GROWTH = {'en': 'rise of what the staying clients buy (0.05 = +5 %)', 'ru': 'рост покупок остающихся клиентов (0,05 = +5 %)'}

MESSAGES.update({
    # the fields of step 5's action economics (workbench.action_economics)
    "wsf.section.acquisition": {
        "en": "Acquisition of leads (step 5): per source, the leads to buy or generate, the "
              "cost per lead (and one-off cost), the share that becomes a client (empty: "
              "measured from the leads table) and who does it (in_house or bought).",
        "ru": "Привлечение лидов (шаг 5): по каждому источнику — сколько лидов купить или "
              "получить, стоимость лида (и разовые затраты), доля лидов, ставших клиентами "
              "(пусто — по таблице лидов), и кто это делает (in_house — сами, bought — "
              "подрядчик).",
    },
    "wsf.col.actions.segment": {"en": "whom it reaches (segment key; empty = all active "
                                      "clients)",
                                "ru": "кого затрагивает (ключ сегмента; пусто — всех "
                                      "активных клиентов)"},
    "wsf.col.actions.cost_per_client": {"en": "running cost per client reached",
                                        "ru": "текущие затраты на одного клиента"},
    "wsf.col.actions.retained": {"en": "share of would-be leavers it keeps",
                                 "ru": "доля уходящих, которых оно удержит"},
    "wsf.col.actions.growth": _GROWTH,
    "wsf.col.actions.sourcing": _SOURCING,
    "wsf.col.offers.one_off_cost": {"en": "one-off cost of the offer",
                                    "ru": "разовые затраты на предложение"},
    "wsf.col.offers.retained": {"en": "share of would-be leavers it keeps (lapsed: wins back)",
                                "ru": "доля уходящих, которых оно удержит (ушедших — вернёт)"},
    "wsf.col.offers.growth": _GROWTH,
    "wsf.col.offers.sourcing": _SOURCING,
    "wsf.col.acquisition.source": {"en": "lead source (as in the leads table)",
                                   "ru": "источник лидов (как в таблице лидов)"},
    "wsf.col.acquisition.leads": {"en": "leads to buy or generate",
                                  "ru": "сколько лидов купить или получить"},
    "wsf.col.acquisition.cost_per_lead": {"en": "cost per lead", "ru": "стоимость лида"},
    "wsf.col.acquisition.one_off_cost": {"en": "one-off cost", "ru": "разовые затраты"},
    "wsf.col.acquisition.conversion": {"en": "share of leads that become clients",
                                       "ru": "доля лидов, ставших клиентами"},
    "wsf.col.acquisition.sourcing": _SOURCING,
    "wsf.field.plan.cost_unit": {
        "en": "Step 5: how many units of the currency one unit of the step-3 action costs and "
              "of the budget is (1000 = the costs are in thousands); empty: 1.",
        "ru": "Шаг 5: сколько единиц валюты в одной единице стоимости действий шага 3 и "
              "бюджета (1000 — стоимость в тысячах); пусто — 1.",
    },
    "wsf.field.decisions.chosen_actions": {
        "en": "Step 5: the actions chosen to be done (their ids in the step-5 table).",
        "ru": "Шаг 5: действия, которые решено выполнять (их коды в таблице шага 5).",
    },
    "wsf.label.acquisition": {"en": "lead acquisition", "ru": "привлечение лидов"},
    "wsf.label.plan.cost_unit": {"en": "unit of the action costs",
                                 "ru": "единица стоимости действий"},
    "wsf.label.decisions.chosen_actions": {"en": "chosen actions", "ru": "выбранные действия"},
    "wsf.decision.economics": {"en": "planned actions (step 5)",
                               "ru": "план действий (шаг 5)"},
})

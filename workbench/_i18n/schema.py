"""Texts of the data model (workbench.schema): column meanings and types, en + ru."""

MESSAGES = {
    "schema.transactions.customer_id": {
        "en": 'Client identifier; leading zeros preserved.',
        "ru": 'Идентификатор клиента; ведущие нули сохраняются.',
    },
    "schema.transactions.date": {
        "en": 'Date (and time) of the purchase or return.',
        "ru": 'Дата (и время) покупки или возврата.',
    },
    "schema.transactions.amount": {
        "en": 'Sales amount of the line; negative = a return.',
        "ru": 'Сумма продажи по строке; отрицательная — возврат.',
    },
    "schema.transactions.order_id": {
        "en": 'Order / receipt number; lines of one order share it.',
        "ru": 'Номер заказа / чека; строки одного заказа имеют общий номер.',
    },
    "schema.transactions.quantity": {
        "en": 'Units bought (negative for returns).',
        "ru": 'Количество единиц (отрицательное для возвратов).',
    },
    "schema.transactions.cost": {
        "en": 'Cost of the goods sold on the line; profit = amount - cost.',
        "ru": 'Себестоимость проданного по строке; прибыль = сумма − себестоимость.',
    },
    "schema.transactions.product": {
        "en": 'Product or product group.',
        "ru": 'Товар или товарная группа.',
    },
    "schema.transactions.channel": {
        "en": 'Sales channel (shop, online, wholesale ...).',
        "ru": 'Канал продаж (магазин, интернет, опт …).',
    },
    "schema.customers.customer_id": {
        "en": 'Client identifier, as in transactions.',
        "ru": 'Идентификатор клиента, как в транзакциях.',
    },
    "schema.customers.name": {
        "en": 'Client name (pseudonymise before sharing).',
        "ru": 'Название клиента (псевдонимизируйте перед передачей).',
    },
    "schema.customers.type": {
        "en": 'B2B or B2C.',
        "ru": 'B2B или B2C.',
    },
    "schema.customers.segment": {
        "en": "The client's own segment label, if the CRM has one.",
        "ru": 'Собственный сегмент клиента, если он есть в CRM.',
    },
    "schema.customers.region": {
        "en": 'Region or city.',
        "ru": 'Регион или город.',
    },
    "schema.customers.source": {
        "en": 'Where the client heard of us (lead source).',
        "ru": 'Откуда клиент узнал о нас (источник обращения).',
    },
    "schema.customers.signup_date": {
        "en": 'When the client was registered.',
        "ru": 'Когда клиент был зарегистрирован.',
    },
    "schema.survey.respondent_id": {
        "en": 'Respondent identifier.',
        "ru": 'Идентификатор респондента.',
    },
    "schema.survey.customer_id": {
        "en": 'The client, when the answer is not anonymous.',
        "ru": 'Клиент, если ответ не анонимный.',
    },
    "schema.survey.attribute": {
        "en": 'Service attribute asked about (e.g. response time …).',
        "ru": 'Параметр сервиса, о котором спрашивали (например, срок ответа …).',
    },
    "schema.survey.importance": {
        "en": 'How important the attribute is, 1-5.',
        "ru": 'Насколько параметр важен, 1–5.',
    },
    "schema.survey.performance": {
        "en": 'How well we perform on it, as perceived, 1-5.',
        "ru": 'Насколько хорошо мы его выполняем, по ощущениям клиента, 1–5.',
    },
    "schema.survey.expectation": {
        "en": 'The level of quality the client expects, 1-5.',
        "ru": 'Ожидаемый клиентом уровень качества, 1–5.',
    },
    "schema.survey.competitor_performance": {
        "en": 'How well the main competitor performs, 1-5.',
        "ru": 'Насколько хорошо его выполняет основной конкурент, 1–5.',
    },
    "schema.survey.kano_functional": {
        "en": 'Kano answer if the attribute is present, 1-5.',
        "ru": 'Ответ Кано, если параметр есть, 1–5.',
    },
    "schema.survey.kano_dysfunctional": {
        "en": 'Kano answer if it is absent, 1-5.',
        "ru": 'Ответ Кано, если параметра нет, 1–5.',
    },
    "schema.survey.nps": {
        "en": 'Likelihood to recommend, 0-10; one per respondent.',
        "ru": 'Готовность рекомендовать, 0–10; одна оценка на респондента.',
    },
    "schema.survey.comment": {
        "en": 'Free-text comment.',
        "ru": 'Свободный комментарий.',
    },
    "schema.survey.date": {
        "en": 'When the answer was given.',
        "ru": 'Когда дан ответ.',
    },
    "schema.feedback.customer_id": {
        "en": 'The client who got in touch.',
        "ru": 'Клиент, который обратился.',
    },
    "schema.feedback.date": {
        "en": 'When the contact happened.',
        "ru": 'Когда было обращение.',
    },
    "schema.feedback.kind": {
        "en": 'complaint, question, praise or refusal.',
        "ru": 'Жалоба, вопрос, благодарность или отказ.',
    },
    "schema.feedback.category": {
        "en": 'Topic (delivery, quality, price ...).',
        "ru": 'Тема (доставка, качество, цена …).',
    },
    "schema.feedback.channel": {
        "en": 'Phone, e-mail, messenger, visit ...',
        "ru": 'Телефон, e-mail, мессенджер, визит …',
    },
    "schema.feedback.resolved_date": {
        "en": 'When it was resolved; empty = unresolved.',
        "ru": 'Когда решено; пусто — не решено.',
    },
    "schema.feedback.score": {
        "en": 'Satisfaction or NPS score given with the contact.',
        "ru": 'Оценка удовлетворённости или NPS при обращении.',
    },
    "schema.feedback.text": {
        "en": 'What the client said.',
        "ru": 'Что сказал клиент.',
    },
    "schema.leads.lead_id": {
        "en": 'Lead identifier.',
        "ru": 'Идентификатор лида.',
    },
    "schema.leads.customer_id": {
        "en": 'The client, once the lead converted.',
        "ru": 'Клиент, когда лид стал клиентом.',
    },
    "schema.leads.source": {
        "en": 'Where the lead came from.',
        "ru": 'Откуда пришёл лид.',
    },
    "schema.leads.stage": {
        "en": 'Furthest stage reached: call < proposal < meeting < deal.',
        "ru": 'Дальний достигнутый этап: звонок < предложение < встреча < сделка.',
    },
    "schema.leads.date": {
        "en": 'Date of first contact.',
        "ru": 'Дата первого контакта.',
    },
    "schema.type.string": {"en": 'text', "ru": 'текст'},
    "schema.type.datetime": {"en": 'date-time', "ru": 'дата-время'},
    "schema.type.float": {"en": 'number', "ru": 'число'},
    "schema.type.Int": {"en": 'integer', "ru": 'целое'},
    "schema.type.category": {"en": 'category', "ru": 'категория'},
}

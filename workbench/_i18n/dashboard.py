"""Texts of the workshop dashboard (one tab per step) and of the client-card panel."""

MESSAGES = {
    "dash.title": {"en": "Client orientation workshop", "ru": "Воркшоп по клиентоориентации"},
    "dash.intro": {
        "en": "One tab per step: move the controls with the client's management and press "
              "“Save this decision” — the workshop file keeps the room's choice for the next "
              "run and for the deliverables.",
        "ru": "Одна вкладка на шаг: двигайте элементы управления вместе с руководством клиента "
              "и нажимайте «Сохранить решение» — файл воркшопа запоминает выбор для следующего "
              "запуска и для передаваемых материалов.",
    },
    "dash.folder": {"en": "Data folder: {folder}. Workshop file: {file}.",
                    "ru": "Папка данных: {folder}. Файл воркшопа: {file}."},
    "dash.section.second_round": {"en": "Decisions for the second round",
                                  "ru": "Решения для второго круга"},
    "dash.loop.title": {"en": "The second round: stale complaints and the control group",
                        "ru": "Второй круг: «застрявшие» жалобы и контрольная группа"},
    "dash.loop.stale_days": {"en": "Open complaint is stale after (days)",
                             "ru": "Жалоба «застряла» через (дней)"},
    "dash.loop.control_share": {"en": "Control group share", "ru": "Доля контрольной группы"},
    "dash.loop.calls": {
        "en": "{n} of the {open} open complaints are at most {days} days old: the first calls "
              "of the next round.",
        "ru": "Из {open} открытых жалоб {n} — не старше {days} дней: это первые звонки "
              "следующего круга."},
    "dash.loop.control": {
        "en": "Control group: {share} of each list, {n} of the {listed} listed clients, are "
              "not contacted, so that the next round can be measured.",
        "ru": "Контрольная группа: {share} каждого списка — {n} из {listed} клиентов в "
              "списках — без контакта, чтобы следующий круг можно было измерить."},
    "dash.sample_copy": {
        "en": "This is the sample shipped with the workbench: its workshop file stays as it is, "
              "and the decisions saved here go to a copy, {file}.",
        "ru": "Это учебный пример, поставляемый с workbench: его файл воркшопа не меняется, а "
              "решения, сохранённые здесь, записываются в копию — {file}."},
    "dash.no_file": {"en": "none yet (the first save creates workshop.yml)",
                     "ru": "пока нет (первое сохранение создаст workshop.yml)"},
    "dash.tab.0": {"en": "0 · Data", "ru": "0 · Данные"},
    "dash.tab.1": {"en": "1 · Expectations", "ru": "1 · Ожидания"},
    "dash.tab.2": {"en": "2 · Analysis", "ru": "2 · Анализ"},
    "dash.tab.3": {"en": "3 · Priorities", "ru": "3 · Приоритеты"},
    "dash.tab.4": {"en": "4 · Segments", "ru": "4 · Сегменты"},
    "dash.tab.5": {"en": "5 · Costs and churn", "ru": "5 · Затраты и уход"},
    "dash.tab.6": {"en": "6 · Offers", "ru": "6 · Предложения"},
    "dash.tab.7": {"en": "7 · Package", "ru": "7 · Упаковка"},
    "dash.tab.8": {"en": "8 · Feedback", "ru": "8 · Обратная связь"},
    "dash.step0": {"en": "Step 0 — The client's data", "ru": "Шаг 0 — Данные клиента"},
    "dash.step": {"en": "Step {n} — {name}", "ru": "Шаг {n} — {name}"},
    "dash.loading": {"en": "Computing this step…", "ru": "Считаем этот шаг…"},
    "dash.failed": {"en": "This step could not be computed: {error}",
                    "ru": "Этот шаг не удалось посчитать: {error}"},
    "dash.nothing": {
        "en": "Nothing to decide on this step with the data of this folder.",
        "ru": "С данными этой папки на этом шаге решать нечего.",
    },
    "dash.default_start": {
        "en": "Not in the workshop file yet: {fields}. The controls start at the method's "
              "default; “Save this decision” records the room's choice.",
        "ru": "В файле воркшопа пока нет: {fields}. Элементы управления начинают со значения "
              "метода по умолчанию; «Сохранить решение» запишет выбор.",
    },
    "dash.section.passport": {"en": "Data passport", "ru": "Паспорт данных"},
    "dash.section.load": {"en": "How the files were read", "ru": "Как прочитаны файлы"},
    "dash.section.quotes": {"en": "Voice of the client", "ru": "Голос клиента"},
    "dash.section.ladder": {"en": "The expectation ladder", "ru": "Лестница ожиданий"},
    "dash.section.ipa": {"en": "Importance and performance", "ru": "Важность и исполнение"},
    "dash.section.priorities": {"en": "Decision: the budget and its actions",
                                "ru": "Решение: бюджет и его действия"},
    "dash.section.abc_xyz": {"en": "Decision: ABC-XYZ thresholds",
                             "ru": "Решение: границы ABC-XYZ"},
    "dash.section.segmentation": {"en": "Decision: number of segments and their features",
                                  "ru": "Решение: число сегментов и признаки"},
    "dash.section.retention": {"en": "Decision: the retention offer",
                               "ru": "Решение: предложение по удержанию"},
    "dash.section.threshold": {"en": "Decision: the risk threshold, tested on the past",
                               "ru": "Решение: порог риска, проверенный на прошлом"},
    "dash.section.offers": {"en": "Decision: the offer table", "ru": "Решение: таблица предложений"},
    "dash.section.deliverables": {"en": "Decision: what the sales team receives",
                                  "ru": "Решение: что получает отдел продаж"},
    "dash.section.nps": {"en": "NPS by period and segment", "ru": "NPS по периодам и сегментам"},
    "dash.section.card": {"en": "Client card", "ru": "Карточка клиента"},
    "dash.no_backtest": {
        "en": "The history is shorter than two horizons ({horizon}): the threshold cannot be "
              "tested on the past.",
        "ru": "История короче двух горизонтов ({horizon}): порог нельзя проверить на прошлом.",
    },
    # steps 5 and 7: settings the workshop file leaves open
    "settings.defaults_used": {
        "en": "Not in the workshop file (workshop.yml) yet: {fields}. Until they are filled "
              "(or saved from the step-5 widget), this run uses the method's defaults: "
              "{values}.",
        "ru": "В файле воркшопа (workshop.yml) пока нет: {fields}. Пока их не заполнят (или не "
              "сохранят из виджета шага 5), расчёт идёт по значениям метода по умолчанию: "
              "{values}.",
    },
    "settings.offer_cost_rule": {
        "en": "offer cost 10% of the median client value",
        "ru": "стоимость предложения — 10\u00a0% медианной ценности клиента",
    },
    # client card
    "card.client": {"en": "Client", "ru": "Клиент"},
    "card.title": {"en": "Client card: choose a client", "ru": "Карточка клиента: выберите клиента"},
    "card.unknown": {"en": "No client {id} in this folder.", "ru": "В этой папке нет клиента {id}."},
    "card.orders": {
        "en": "{orders} for {amount}, from {first} to {last}.",
        "ru": "{orders} на {amount}, с {first} по {last}.",
    },
    "card.no_orders": {"en": "No purchase yet.", "ru": "Покупок пока нет."},
    "card.rung_now": {"en": "Rung now: {rung}.", "ru": "Ступень сейчас: {rung}."},
    "card.rungs": {"en": "Rung over time: {path}.", "ru": "Ступень во времени: {path}."},
    "card.feedback": {"en": "Complaints and contacts: {n}; last on {date}: {text}.",
                      "ru": "Жалобы и обращения: {n}; последнее {date}: {text}."},
    "card.no_feedback": {"en": "No complaint or contact on record.",
                         "ru": "Жалоб и обращений нет."},
    "card.survey": {"en": "Survey: {n}.", "ru": "Анкета: {n}."},
    "card.no_survey": {"en": "Did not answer the survey.", "ru": "Анкету не заполнял."},
    "card.col.date": {"en": "Date", "ru": "Дата"},
    "card.col.amount": {"en": "Amount", "ru": "Сумма"},
    "card.col.lines": {"en": "Lines", "ru": "Строк"},
    "card.col.kind": {"en": "Kind", "ru": "Вид"},
    "card.col.category": {"en": "Topic", "ru": "Тема"},
    "card.col.text": {"en": "Text", "ru": "Текст"},
    "card.col.resolved_date": {"en": "Resolved", "ru": "Решено"},
    "card.kind.complaint": {"en": "complaint", "ru": "жалоба"},
    "card.kind.praise": {"en": "praise", "ru": "благодарность"},
    "card.kind.question": {"en": "question", "ru": "вопрос"},
    "card.kind.refusal": {"en": "refusal", "ru": "отказ"},
}

"""Texts of the workshop infrastructure: run report, deliverables, notebook helpers."""

MESSAGES = {
    "ws.table.transactions": {"en": "transactions", "ru": "транзакции"},
    "ws.table.customers": {"en": "customers", "ru": "клиенты"},
    "ws.table.survey": {"en": "survey", "ru": "анкета"},
    "ws.table.feedback": {"en": "feedback", "ru": "обратная связь"},
    "ws.table.leads": {"en": "leads", "ru": "лиды"},
}

_STEPS = {
    1: ("Find out and clarify expectations", "Выявление и уточнение ожиданий"),
    2: ("Analyse, structure and classify expectations",
        "Анализ ожиданий, структуризация и классификация"),
    3: ("Set priorities, weigh our own resources",
        "Расстановка приоритетов, оценка собственных ресурсов"),
    4: ("First segmentation and its criteria", "Первая попытка сегментации, выработка критериев"),
    5: ("Estimate costs and the expected result", "Оценка затрат и ожидаемого результата"),
    6: ("Form offers for the chosen segments, stand out from competitors",
        "Формирование предложений для выбранных сегментов, отстройка от конкурентов"),
    7: ("Package and hand over", "Упаковка и вручение"),
    8: ("Set up the feedback channel", "Налаживание канала обратной связи"),
}
for _n, (_en, _ru) in _STEPS.items():
    MESSAGES[f"ws.step.{_n}"] = {"en": _en, "ru": _ru}
del _n, _en, _ru

MESSAGES.update({
    "ws.col.step": {"en": "Step", "ru": "Шаг"},
    "ws.col.name": {"en": "What we do", "ru": "Что делаем"},
    "ws.col.notebook": {"en": "Notebook", "ru": "Блокнот"},
    "ws.col.table": {"en": "Table", "ru": "Таблица"},
    "ws.col.column": {"en": "Column", "ru": "Столбец"},
    "ws.col.type": {"en": "Type", "ru": "Тип"},
    "ws.col.required": {"en": "Required", "ru": "Обязательный"},
    "ws.col.meaning": {"en": "Meaning", "ru": "Смысл"},
    "ws.load.summary": {
        "en": "{name}: {read} read, {kept} kept ({kept_pct}), {rejected} rejected.",
        "ru": "{name}: прочитано {read}, принято {kept} ({kept_pct}), отклонено {rejected}.",
    },
    "ws.load.all_kept": {
        "en": "Every row was loaded: nothing to fix.",
        "ru": "Все строки загружены: исправлять нечего.",
    },
    "ws.load.reasons": {
        "en": "Rejected rows by reason: {reasons}.",
        "ru": "Причины отклонения строк: {reasons}.",
    },
    "ws.load.top_reason": {
        "en": "The most common problem is “{reason}” ({rows}): fix it in the source system or in the export, not by hand in the file.",
        "ru": "Самая частая проблема — «{reason}» ({rows}): исправлять её стоит в учётной системе или в выгрузке, а не вручную в файле.",
    },
    "ws.load.format": {
        "en": "Detected format: {details}.",
        "ru": "Распознанный формат: {details}.",
    },
    "ws.load.duplicates": {
        "en": "Exact duplicate rows: {n}.",
        "ru": "Полностью совпадающих строк — {n}.",
    },
    "ws.folder.found": {
        "en": "Tables found: {found}.",
        "ru": "Найдены таблицы: {found}.",
    },
    "ws.none": {"en": "none", "ru": "нет"},
    "ws.panel.table": {"en": "Table", "ru": "Таблица"},
    "ws.panel.load_title": {"en": "Load report", "ru": "Отчёт о загрузке"},
})

MESSAGES.update({
    "ws.report.title": {"en": "Client orientation: workshop report",
                        "ru": "Клиентоориентация: отчёт по воркшопу"},
    "ws.report.contents": {"en": "Contents", "ru": "Содержание"},
})

MESSAGES.update({
    "deliv.title": {"en": "Action lists by strategy (step 7: packaging and hand-over)",
                    "ru": "Списки действий по стратегиям (шаг 7: упаковка и вручение)"},
    "deliv.sheet.summary": {"en": "Summary", "ru": "Сводка"},
    "deliv.setting.asof": {"en": "Data as of", "ru": "Данные на дату"},
    "deliv.setting.horizon": {"en": "Horizon", "ru": "Горизонт"},
    "deliv.setting.offer_cost": {"en": "Cost of the offer per client",
                                 "ru": "Стоимость предложения на клиента"},
    "deliv.setting.success_rate": {"en": "Expected success rate of the offer",
                                   "ru": "Ожидаемая доля успеха предложения"},
    "deliv.col.customer_id": {"en": "Customer", "ru": "Клиент"},
    "deliv.col.strategy": {"en": "Strategy", "ru": "Стратегия"},
    "deliv.col.n_customers": {"en": "Customers", "ru": "Клиентов"},
    "deliv.col.n_target": {"en": "To contact", "ru": "Связаться"},
    "deliv.col.value_at_risk": {"en": "Value at risk", "ru": "Ценность под риском"},
    "deliv.col.expected_gain": {"en": "Expected gain", "ru": "Ожидаемый выигрыш"},
    "deliv.col.action": {"en": "Recommended action", "ru": "Рекомендуемое действие"},
    "deliv.col.rung": {"en": "Loyalty ladder rung", "ru": "Ступень лестницы приверженности"},
    "deliv.col.abc_xyz": {"en": "ABC-XYZ", "ru": "ABC-XYZ"},
    "deliv.col.rfm_segment": {"en": "RFM segment", "ru": "RFM-сегмент"},
    "deliv.col.churn_probability": {"en": "Churn risk", "ru": "Риск ухода"},
    "deliv.col.risk_band": {"en": "Risk band", "ru": "Уровень риска"},
    "deliv.col.expected_value": {"en": "Expected value", "ru": "Ожидаемая ценность"},
    "deliv.col.priority": {"en": "Priority", "ru": "Приоритет"},
    "deliv.col.target": {"en": "Contact now", "ru": "Связаться сейчас"},
    "deliv.note.missing": {
        "en": "The {table} table was not provided: results computed without it.",
        "ru": "Таблица «{table}» не предоставлена: результаты рассчитаны без неё.",
    },
    "deliv.note.no_churn": {
        "en": "Churn risk could not be estimated (too little history for a horizon of {horizon}); "
              "the lists are ordered by value.",
        "ru": "Риск ухода оценить не удалось (слишком короткая история для горизонта "
              "{horizon}); списки упорядочены по ценности.",
    },
})

MESSAGES.update({
    "ws.fmt.encoding": {"en": "encoding", "ru": "кодировка"},
    "ws.fmt.delimiter": {"en": "delimiter", "ru": "разделитель"},
    "ws.fmt.decimal": {"en": "decimal mark", "ru": "десятичный знак"},
    "ws.fmt.date_format": {"en": "date format", "ru": "формат дат"},
})

MESSAGES.update({
    "deliv.col.n_high_risk": {"en": "High churn risk", "ru": "Высокий риск ухода"},
    "deliv.filter.title": {"en": "Listed", "ru": "В списках"},
    "deliv.filter.strategies": {"en": "strategies: {names}", "ru": "стратегии: {names}"},
    "deliv.filter.min_risk": {"en": "churn risk at least {pct}",
                              "ru": "риск ухода не ниже {pct}"},
    "deliv.filter.min_value": {"en": "expected value at least {value}",
                               "ru": "ожидаемая ценность не ниже {value}"},
    "deliv.filter.only_target": {"en": "only the clients to contact now",
                                 "ru": "только клиенты, с которыми стоит связаться сейчас"},
    "deliv.panel.title": {"en": "Export the deliverables", "ru": "Выгрузка результатов"},
    "deliv.panel.language": {"en": "Language", "ru": "Язык"},
    "deliv.panel.strategies": {"en": "Lists", "ru": "Списки"},
    "deliv.panel.min_risk": {"en": "Min. churn risk", "ru": "Мин. риск ухода"},
    "deliv.panel.min_value": {"en": "Min. value", "ru": "Мин. ценность"},
    "deliv.panel.only_target": {"en": "Only clients to contact now",
                                "ru": "Только те, с кем связаться сейчас"},
    "deliv.panel.write": {"en": "Write the files", "ru": "Записать файлы"},
    "deliv.panel.hint": {
        "en": "Tick “{write}” to write them to the folder “{folder}”.",
        "ru": "Отметьте «{write}», чтобы записать их в папку «{folder}».",
    },
    "deliv.panel.write_failed": {
        "en": "The files could not be written ({error}): close actions.xlsx if it is open in "
              "Excel, or choose another folder.",
        "ru": "Не удалось записать файлы ({error}): закройте actions.xlsx, если он открыт в "
              "Excel, или выберите другую папку.",
    },
    "deliv.lang.en": {"en": "English", "ru": "английский"},
    "deliv.lang.ru": {"en": "Russian", "ru": "русский"},
    "ws.folder.found_none": {
        "en": "No table found.",
        "ru": "Ни одной таблицы не найдено.",
    },
    "ws.folder.missing": {
        "en": "Not found: {missing}.",
        "ru": "Не найдены: {missing}.",
    },
    "ws.folder.complete": {
        "en": "Nothing is missing.",
        "ru": "Все таблицы на месте.",
    },
})

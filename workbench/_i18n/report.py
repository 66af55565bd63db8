"""Texts of the management report (report.html): the executive summary and the appendix."""

MESSAGES: dict[str, dict[str, str]] = {
    "report.summary.title": {"en": "Executive summary", "ru": "Главное для руководства"},
    "report.summary.base": {
        "en": "The analysis covers {clients} with purchases of {revenue} from {start} to {end}.",
        "ru": "За период с {start} по {end} в анализе — {clients} с покупками на {revenue}.",
    },
    "report.summary.base_company": {
        "en": "{company}: {clients} bought for {revenue} from {start} to {end}.",
        "ru": "{company}: с {start} по {end} у компании покупали {clients}, выручка — {revenue}.",
    },
    "report.summary.findings": {"en": "What we found", "ru": "Что мы выяснили"},
    "report.summary.risk": {
        "en": "High risk of leaving within {horizon}: {high}; the margin at risk over that "
              "time is {value_at_risk} ([step 5](#05_costs_and_churn)).",
        "ru": "С высоким риском уйти в ближайшие {horizon}: {high}; под угрозой маржа "
              "{value_at_risk} за это время ([шаг 5](#05_costs_and_churn)).",
    },
    "report.summary.largest": {
        "en": "Most of it sits in the list “{strategy}”: {n}, {value_at_risk} at risk "
              "([step 7](#07_packaging)).",
        "ru": "Больше всего — в списке «{strategy}»: {n}, под угрозой {value_at_risk} "
              "([шаг 7](#07_packaging)).",
    },
    "report.summary.decisions": {"en": "What we decided", "ru": "Что мы решили"},
    "report.summary.offer_unpriced": {
        "en": "The retention offer is not priced yet: its cost per client is a decision of the "
              "room, entered in the workshop file ([step 5](#05_costs_and_churn)).",
        "ru": "Предложение для удержания ещё не оценено: его стоимость на клиента — решение "
              "семинара, она вносится в файл семинара ([шаг 5](#05_costs_and_churn)).",
    },
    "report.summary.offer": {
        "en": "A retention offer at {offer_cost} per client, expected to keep {success} of the "
              "would-be leavers ([step 5](#05_costs_and_churn)).",
        "ru": "Предложение для удержания стоимостью {offer_cost} на клиента; ожидаем, что оно "
              "удержит {success} из тех, кто ушёл бы ([шаг 5](#05_costs_and_churn)).",
    },
    "report.summary.contact": {
        "en": "Contact {n_target} first — list by list in actions.xlsx, in order of "
              "priority ([step 7](#07_packaging)).",
        "ru": "Связаться в первую очередь с {n_target} — по спискам actions.xlsx, в порядке "
              "приоритета ([шаг 7](#07_packaging)).",
    },
    "report.summary.expected": {"en": "What we expect", "ru": "Чего мы ожидаем"},
    "report.summary.gain": {
        "en": "An expected net gain of {gain} within {horizon}, after the cost of the offers "
              "([step 5](#05_costs_and_churn)).",
        "ru": "Ожидаемый чистый выигрыш — {gain} за {horizon} после вычета стоимости "
              "предложений ([шаг 5](#05_costs_and_churn)).",
    },
    "report.summary.missing": {
        "en": "The numbers of this summary come from step 7 (packaging), which did not run on "
              "this folder; the steps below show what the data allowed.",
        "ru": "Числа этого резюме берутся из шага 7 (упаковка), который не выполнялся на этой "
              "папке; ниже — то, что позволили данные.",
    },
    "report.appendix": {"en": "Appendix: for analysts", "ru": "Приложение для аналитиков"},
    "report.appendix.intro": {
        "en": "The data model, the load reports, model diagnostics and the versions of the "
              "software: what an analyst needs to check and repeat the work.",
        "ru": "Модель данных, отчёты о загрузке, диагностика моделей и версии программ: то, что "
              "нужно аналитику, чтобы проверить и повторить работу.",
    },
    "report.pdf_missing": {
        "en": "report.pdf not written: no headless Chromium found (install chromium, or set "
              "WORKBENCH_CHROMIUM to its path); report.html is complete.",
        "ru": "report.pdf не записан: не найден Chromium (установите chromium или укажите путь в "
              "WORKBENCH_CHROMIUM); report.html готов.",
    },
    "report.pdf_failed": {
        "en": "report.pdf not written: {reason}; report.html is complete.",
        "ru": "report.pdf не записан: {reason}; report.html готов.",
    },
}

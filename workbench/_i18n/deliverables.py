"""Texts of the step-7 files: what each sheet holds, the complete lists, how ids are written."""

MESSAGES: dict[str, dict[str, str]] = {
    "deliv.sheet.rows": {
        "en": "Each list sheet holds the first {rows} of its list (by priority, then "
              "expected value). The complete lists ({clients}) are in {csv} and {parquet} "
              "beside this workbook; every client with every score is in scores.csv.",
        "ru": "На листе каждого списка — первые {rows} (по приоритету, затем по "
              "ожидаемой ценности). Полные списки ({clients}) — в файлах {csv} и "
              "{parquet} рядом с этой книгой; все клиенты со всеми оценками — в scores.csv.",
    },
    "deliv.sheet.truncated": {
        "en": "“{name}”: the sheet shows the first {rows} of {clients}; the rest are in "
              "the complete lists.",
        "ru": "«{name}»: на листе первые {rows} из {clients}; остальные — в полных "
              "списках.",
    },
    "deliv.sheet.ids": {
        "en": "Client ids are written as text, exactly as loaded. In the CSV files a value "
              "that begins with =, +, -, @, a tab or a carriage return (or an apostrophe) is "
              "preceded by one apostrophe (') so that a spreadsheet does not run it as a "
              "formula: remove that one apostrophe before joining with your own tables "
              "(workbench.read_deliverable_csv does it); the Parquet file keeps ids unchanged.",
        "ru": "Коды клиентов записаны как текст, в точности как загружены. В CSV-файлах "
              "перед значением, которое начинается с =, +, -, @, табуляции или возврата "
              "каретки (или с апострофа), стоит один апостроф ('), чтобы электронная таблица "
              "не выполнила его как формулу: уберите этот апостроф перед соединением со "
              "своими таблицами (это делает workbench.read_deliverable_csv); в Parquet-файле "
              "коды без изменений.",
    },
    "deliv.export.full": {
        "en": "Each sheet holds at most {rows}; the complete lists ({clients}) are "
              "in {csv} and {parquet}.",
        "ru": "На каждом листе не больше {rows}; полные списки ({clients}) — в "
              "файлах {csv} и {parquet}.",
    },
}

# Reading the package aloud. Counts come with their noun in the agreeing form
# ({clients} = "3 clients" / «3 клиента», see workbench.narrative.quantity).
MESSAGES.update({
    "deliv.describe.empty": {
        "en": "No client (of {n_all}) passes the filter: the lists are empty.",
        "ru": "Ни один клиент (из {n_all}) не проходит фильтр: списки пусты.",
    },
    "deliv.describe.all": {
        "en": "{lists}, one per strategy, hold the whole base: {clients}; data as of {asof}.",
        "ru": "{lists}, по одному на стратегию, — вся база: {clients}; данные на {asof}.",
    },
    "deliv.describe.some": {
        "en": "{lists} hold {n} of {clients_all} ({filters}); data as of {asof}.",
        "ru": "{lists}: в них {n} из {clients_all} ({filters}); данные на {asof}.",
    },
    "deliv.describe.target": {
        "en": "It pays to contact {clients} now. The offer ({cost} per client, success rate "
              "{rate}) is expected to bring {gain} net, against {var} of value at risk (horizon: "
              "{horizon}).",
        "ru": "Сейчас стоит связаться с {clients}. Предложение ({cost} на клиента, доля успеха "
              "{rate}) должно принести {gain} чистого выигрыша при ценности под риском {var} "
              "(горизонт — {horizon}).",
    },
    "deliv.describe.largest": {
        "en": "The largest list is “{name}” ({clients}).",
        "ru": "Самый большой список — «{name}» ({clients}).",
    },
    "deliv.describe.most_at_risk": {
        "en": "The most value at risk is in “{name}”: {var} ({share} of the total).",
        "ru": "Больше всего ценности под риском в списке «{name}»: {var} ({share} от общей).",
    },
    "deliv.strategy.empty": {"en": "“{name}”: no client listed.",
                             "ru": "«{name}»: в списке нет клиентов."},
    "deliv.strategy.no_churn": {
        "en": "“{name}”: {clients} ({rungs}); expected value {value}; churn risk not "
              "estimated.",
        "ru": "«{name}»: {clients} ({rungs}); ожидаемая ценность {value}; риск ухода не "
              "оценён.",
    },
    "deliv.strategy.line": {
        "en": "“{name}”: {clients} ({rungs}); to contact now — {n_target}; at high churn risk "
              "— {n_high} ({share}); value at risk {var}, expected gain of the contacts {gain}.",
        "ru": "«{name}»: {clients} ({rungs}); связаться сейчас — {n_target}; в высоком риске "
              "ухода — {n_high} ({share}); ценность под риском {var}, ожидаемый выигрыш от "
              "контактов {gain}.",
    },
    "deliv.card.col.who": {"en": "Who", "ru": "Кто"},
    "deliv.card.col.why": {"en": "Why", "ru": "Почему"},
    "deliv.card.col.offer": {"en": "What to offer", "ru": "Что предложить"},
    "deliv.card.who": {
        "en": "{clients} ({rungs}); most common ABC-XYZ cells: {cells}",
        "ru": "{clients} ({rungs}); чаще всего ячейки ABC-XYZ: {cells}",
    },
    "deliv.card.why": {
        "en": "At high churn risk — {n_high} ({share}); value at risk {var}",
        "ru": "В высоком риске ухода — {n_high} ({share}); ценность под риском {var}",
    },
    "deliv.card.why_value": {
        "en": "Expected value {value}; churn risk not estimated",
        "ru": "Ожидаемая ценность {value}; риск ухода не оценён",
    },
    "deliv.export.no_lists": {"en": "no action list", "ru": "ни одного списка действий"},
    "deliv.export.written": {
        "en": "Written to the folder “{folder}”: actions.xlsx — the “{summary}” sheet and "
              "{lists}; scores.csv — every client ({rows}).",
        "ru": "Записано в папку «{folder}»: actions.xlsx — лист «{summary}» и {lists}; "
              "scores.csv — все клиенты ({rows}).",
    },
    "deliv.export.planned": {
        "en": "Nothing is written yet (no output folder). The package would hold: actions.xlsx "
              "— the “{summary}” sheet and {lists}; scores.csv — every client ({rows}).",
        "ru": "Пока ничего не записано (папка не задана). В пакете будут: actions.xlsx — лист "
              "«{summary}» и {lists}; scores.csv — все клиенты ({rows}).",
    },
    "deliv.col.reason": {"en": "Reason", "ru": "Причина"},
    # the reason codes of workbench.client_base.why_now, as a short label on the sheets
    "deliv.reason.open_complaint": {"en": "open complaint", "ru": "открытая жалоба"},
    "deliv.reason.silent": {"en": "silent longer than usual", "ru": "молчит дольше обычного"},
    "deliv.reason.spend_down": {"en": "spending down", "ru": "покупает меньше"},
    "deliv.reason.one_purchase": {"en": "one purchase only", "ru": "всего одна покупка"},
    "deliv.reason.lapsed": {"en": "lapsed", "ru": "ушёл"},
    "deliv.reason.high_risk": {"en": "high churn risk", "ru": "высокий риск ухода"},
    "deliv.reason.due": {"en": "next purchase due", "ru": "пора следующей покупки"},
})

"""Texts of the step-7 files: what each sheet holds, the complete lists, how ids are written."""

MESSAGES: dict[str, dict[str, str]] = {
    "deliv.sheet.rows": {
        "en": "Each list sheet holds the first {rows} clients of its list (by priority, then "
              "expected value). The complete lists ({n} clients) are in {csv} and {parquet} "
              "beside this workbook; every client with every score is in scores.csv.",
        "ru": "На листе каждого списка — первые {rows} клиентов (по приоритету, затем по "
              "ожидаемой ценности). Полные списки (клиентов: {n}) — в файлах {csv} и "
              "{parquet} рядом с этой книгой; все клиенты со всеми оценками — в scores.csv.",
    },
    "deliv.sheet.truncated": {
        "en": "“{name}”: the sheet shows the first {rows} of {n} clients; the rest are in "
              "the complete lists.",
        "ru": "«{name}»: на листе первые {rows} из {n} клиентов; остальные — в полных "
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
        "en": "Each sheet holds at most {rows} clients; the complete lists ({n} clients) are "
              "in {csv} and {parquet}.",
        "ru": "На каждом листе не больше {rows} клиентов; полные списки (клиентов: {n}) — в "
              "файлах {csv} и {parquet}.",
    },
}

"""Texts of the loaders: load reports, rejection reasons, the data summary."""

MESSAGES = {
    # --- the load report
    "load.report_title": {"en": "Load report: {table} from {source}", "ru": "Загрузка: {table} из {source}"},
    "load.rows_read": {"en": "Rows read", "ru": "Прочитано строк"},
    "load.rows_kept": {"en": "Rows kept", "ru": "Загружено строк"},
    "load.rows_rejected": {"en": "Rows rejected", "ru": "Отклонено строк"},
    "load.encoding": {"en": "Encoding", "ru": "Кодировка"},
    "load.delimiter": {"en": "Delimiter", "ru": "Разделитель"},
    "load.decimal": {"en": "Decimal mark", "ru": "Десятичный разделитель"},
    "load.date_format": {"en": "Date format", "ru": "Формат дат"},
    "load.date_format_in": {
        "en": "Date format in column “{column}”", "ru": "Формат дат в столбце «{column}»",
    },
    "load.datefmt.excel_date": {"en": "Excel date cells", "ru": "ячейки дат Excel"},
    "load.datefmt.datetime": {"en": "date-time values", "ru": "значения даты и времени"},
    "load.datefmt.excel_serial": {
        "en": "Excel serial day numbers", "ru": "номера дней Excel (число вместо даты)",
    },
    "load.decimal.comma": {"en": "comma (,)", "ru": "запятая (,)"},
    "load.decimal.point": {"en": "point (.)", "ru": "точка (.)"},
    "load.header_row": {"en": "Header row", "ru": "Строка заголовков"},
    "load.columns": {"en": "Columns", "ru": "Столбцы"},
    "load.auto": {"en": "recognised", "ru": "распознан"},
    "load.extra_columns": {"en": "Extra columns kept", "ru": "Дополнительные столбцы"},
    "load.dropped_columns": {"en": "Columns dropped", "ru": "Исключённые столбцы"},
    "load.duplicates": {
        "en": "Exact duplicate rows: {n} ({action})",
        "ru": "Полных дубликатов строк: {n} ({action})",
    },
    "load.duplicates_kept": {"en": "kept", "ru": "оставлены"},
    "load.duplicates_dropped": {"en": "dropped", "ru": "удалены"},
    "load.invalid_values": {
        "en": "Values set to missing in optional columns: {n}",
        "ru": "Значений в необязательных столбцах заменено пустыми: {n}",
    },
    "load.rejected_by_reason": {"en": "Rejected rows by reason", "ru": "Отклонённые строки по причинам"},
    "load.reason_count": {"en": "{label}: {n}", "ru": "{label} — {n}"},
    "load.first_rejected": {"en": "First rejected rows", "ru": "Первые отклонённые строки"},
    "load.warnings": {"en": "Warnings", "ru": "Предупреждения"},
    "load.pseudonymised": {
        "en": "Customer identifiers pseudonymised (keyed hash)",
        "ru": "Идентификаторы клиентов заменены псевдонимами (хеш с ключом)",
    },
    "load.none": {"en": "none", "ru": "нет"},
    "load.delim.comma": {"en": "comma (,)", "ru": "запятая (,)"},
    "load.delim.semicolon": {"en": "semicolon (;)", "ru": "точка с запятой (;)"},
    "load.delim.tab": {"en": "tab", "ru": "табуляция"},
    "load.delim.pipe": {"en": "vertical bar (|)", "ru": "вертикальная черта (|)"},
    "load.auto_detected": {"en": "{value} (detected)", "ru": "{value} (определено)"},
    # --- problem kinds (column 'problem' of LoadReport.rejected)
    "load.problem.empty": {"en": "{column} is empty", "ru": "{column}: пусто"},
    "load.problem.not_a_number": {"en": "{column} is not a number", "ru": "{column}: не число"},
    "load.problem.not_a_date": {"en": "{column} is not a valid date", "ru": "{column}: не дата"},
    "load.problem.not_recognised": {
        "en": "{column} has an unknown value", "ru": "{column}: неизвестное значение",
    },
    "load.problem.out_of_range": {
        "en": "{column} is out of range", "ru": "{column}: вне допустимого диапазона",
    },
    "load.problem.not_integer": {
        "en": "{column} is not a whole number", "ru": "{column}: не целое число",
    },
    "load.problem.duplicate": {"en": "exact duplicate row", "ru": "полный дубликат строки"},
    "load.problem.group_line": {"en": "group line of a grouped report", "ru": "строка группировки отчёта"},
    "load.problem.subtotal": {"en": "subtotal line", "ru": "строка итогов"},
    "load.problem.malformed": {
        "en": "broken line", "ru": "повреждённая строка",
    },
    # --- headers of the rejected-rows table (narrative.format_rejected)
    "load.col.row": {"en": "Row in the file", "ru": "Строка файла"},
    "load.col.column": {"en": "Column", "ru": "Столбец"},
    "load.col.value": {"en": "Value", "ru": "Значение"},
    "load.col.problem": {"en": "Problem", "ru": "Проблема"},
    "load.col.reason": {"en": "Reason", "ru": "Причина"},
    "load.col.duplicates": {"en": "Duplicates", "ru": "Дубликаты"},
    # --- reasons (column 'reason'; {column} names the source column and the canonical one)
    "load.reason.empty": {
        "en": "{column} is empty (expected {expected})",
        "ru": "{column}: пустое значение (ожидается {expected})",
    },
    "load.reason.not_a_number": {
        "en": "{column}: {value} is not a number (expected e.g. 1250.50 or 1 250,50)",
        "ru": "{column}: {value} — не число (ожидается, например, 1250.50 или 1 250,50)",
    },
    "load.reason.not_a_date": {
        "en": "{column}: {value} is not a valid date (expected e.g. 31.12.2024 or 2024-12-31)",
        "ru": "{column}: {value} — неверная дата (ожидается, например, 31.12.2024 или 2024-12-31)",
    },
    "load.reason.not_recognised": {
        "en": "{column}: {value} is not one of {expected}",
        "ru": "{column}: {value} — не из списка: {expected}",
    },
    "load.reason.out_of_range": {
        "en": "{column}: {value} is outside {expected}",
        "ru": "{column}: {value} — вне диапазона {expected}",
    },
    "load.reason.not_integer": {
        "en": "{column}: {value} is not a whole number",
        "ru": "{column}: {value} — не целое число",
    },
    "load.reason.duplicate": {
        "en": "exact duplicate of row {row}", "ru": "полный дубликат строки {row}",
    },
    "load.reason.malformed": {"en": "{detail}", "ru": "{detail}"},
    "load.reasons": {"en": "{reasons}", "ru": "{reasons}"},
    "load.reason.group_line": {
        "en": "group line of a report grouped by client: its client is carried to the documents below",
        "ru": "строка группировки отчёта по контрагентам: её клиент перенесён в документы ниже",
    },
    "load.reason.subtotal": {
        "en": "subtotal line of a grouped report (not a document)",
        "ru": "строка итогов группированного отчёта (не документ)",
    },
    "load.expected.customer_id": {"en": "a client identifier", "ru": "идентификатор клиента"},
    "load.expected.identifier": {"en": "an identifier", "ru": "идентификатор"},
    "load.expected.value": {"en": "a value", "ru": "значение"},
    "load.expected.date": {"en": "a date", "ru": "дата"},
    "load.expected.number": {"en": "a number", "ru": "число"},
    "load.expected.kind": {
        "en": "complaint, question, praise, refusal", "ru": "жалоба, вопрос, благодарность, отказ",
    },
    "load.expected.stage": {
        "en": "call, proposal, meeting, deal", "ru": "звонок, предложение, встреча, сделка",
    },
    "load.expected.kano": {
        "en": "1-5 or a Kano answer such as “I like it”",
        "ru": "1–5 или ответ Кано, например «Мне нравится»",
    },
    # --- the folder and the summary
    "load.folder_title": {"en": "Data folder {path}", "ru": "Папка с данными {path}"},
    "load.table": {"en": "Table", "ru": "Таблица"},
    "load.file": {"en": "File", "ru": "Файл"},
    "load.missing_tables": {"en": "Tables not found: {tables}", "ru": "Не найдены таблицы: {tables}"},
    "load.summary_title": {"en": "Data summary", "ru": "Сводка по данным"},
    "load.summary_folder": {"en": "Data folder: {path}", "ru": "Папка с данными: {path}"},
    "load.summary_period": {
        "en": "Transactions from {start} to {end}",
        "ru": "Продажи с {start} по {end}",
    },
    "load.summary_customers": {
        "en": "Customers who bought: {n}", "ru": "Клиентов с покупками: {n}",
    },
    "load.summary_revenue": {
        "en": "Revenue: {revenue} (returns: {returns})",
        "ru": "Выручка: {revenue} (возвраты: {returns})",
    },
    "load.summary_profit": {"en": "Gross profit: {profit}", "ru": "Валовая прибыль: {profit}"},
    "load.summary_table_rows": {
        "en": "{table}: {kept} rows loaded, {rejected} rejected",
        "ru": "{table}: загружено строк — {kept}, отклонено — {rejected}",
    },
    "load.summary_respondents": {"en": "Survey respondents: {n}", "ru": "Респондентов: {n}"},
    "load.summary_contacts": {
        "en": "Feedback contacts: {n}, unresolved: {open}",
        "ru": "Обращений: {n}, не решено: {open}",
    },
    "load.summary_leads": {
        "en": "Leads: {n}, reached a deal: {deals}", "ru": "Лидов: {n}, дошли до сделки: {deals}",
    },
    # --- warnings of a load report (io/_messages.Note records, said by narrative/_load.py)
    "load.warn.column": {"en": "{column}: {note}", "ru": "{column}: {note}"},
    "load.warn.column_count": {"en": "{column} {n}", "ru": "{column} — {n}"},
    "load.warn.lines_above_header": {
        "en": "skipped {n} line(s) above the header (titles or blank lines); the header is line {line}",
        "ru": "пропущено строк над заголовком (названия или пустые строки): {n}; заголовок — строка {line}",
    },
    "load.warn.rows_above_header": {
        "en": "skipped {n} row(s) above the header; the header is row {line}",
        "ru": "пропущено строк над заголовком: {n}; заголовок — строка {line}",
    },
    "load.warn.values_right_of_header": {
        "en": "{n} row(s) have values right of the last header column; ignored",
        "ru": "строк со значениями правее последнего столбца заголовка: {n}; эти значения не читались",
    },
    "load.warn.read_as_cp1251": {
        "en": "the file is not valid UTF-8 throughout (its start is); it was read as cp1251",
        "ru": "файл не везде в кодировке UTF-8 (хотя начинается в ней); он прочитан как cp1251",
    },
    "load.warn.damaged_bytes": {
        "en": "{n} byte(s) are not valid UTF-8 (damaged text); the lines holding them were rejected",
        "ru": "байтов, которые не являются текстом UTF-8 (повреждённый текст): {n}; строки с ними отклонены",
    },
    "load.warn.decimal_ambiguous": {
        "en": "the decimal mark is ambiguous (values like 1,250 or 1.250); assumed {mark}. "
              "Pass decimal=',' or decimal='.' to be sure",
        "ru": "десятичный разделитель неоднозначен (значения вида 1,250 или 1.250); принят {mark}. "
              "Чтобы не гадать, укажите decimal=',' или decimal='.'",
    },
    "load.warn.duplicate_header": {
        "en": "the header names {n} columns {name} (read as {copies}); {what}, the others are kept "
              "as extra columns. Pass columns= to choose another",
        "ru": "в заголовке {n} столбца с именем {name} (прочитаны как {copies}); {what}, остальные "
              "оставлены дополнительными столбцами. Другой можно выбрать через columns=",
    },
    "load.warn.duplicate_header_used": {"en": "{used} was used", "ru": "использован {used}"},
    "load.warn.duplicate_header_as": {"en": "{source} as {canon}", "ru": "{source} как {canon}"},
    "load.warn.duplicate_header_none": {
        "en": "none was used as a canonical column", "ru": "ни один не взят как стандартный столбец",
    },
    "load.warn.grouped_report": {
        "en": "the file is a report grouped by client (1C layout): the client of {groups} group "
              "line(s) was carried down to the {filled} document line(s) below them; group and "
              "subtotal lines ({lines}) are in report.rejected. A flat export (one line per "
              "document with its client) avoids this: in 1C, turn off grouping in the report "
              "settings or export the document journal",
        "ru": "файл — отчёт с группировкой по контрагентам (как в 1С): клиент из строк "
              "группировки ({groups}) перенесён в строки документов под ними ({filled}); строки "
              "группировки и итогов ({lines}) — в report.rejected. Плоская выгрузка (одна строка "
              "на документ с его контрагентом) обходится без этого: в 1С отключите группировку в "
              "настройках отчёта или выгрузите журнал документов",
    },
    "load.warn.pseudo_dropped": {
        "en": "pseudonymised load: unmapped columns dropped (they may identify clients): {columns}",
        "ru": "загрузка с псевдонимами: нераспознанные столбцы исключены (по ним можно узнать "
              "клиента): {columns}",
    },
    "load.warn.pseudo_name": {
        "en": "pseudonymised load: the name column was blanked",
        "ru": "загрузка с псевдонимами: столбец с названием клиента очищен",
    },
    "load.warn.invalid_values": {
        "en": "values that could not be read were set to missing: {counts} (see report.invalid_values)",
        "ru": "нечитаемые значения заменены пустыми: {counts} (см. report.invalid_values)",
    },
    "load.warn.column_choice": {
        "en": "{chosen} was taken as {canon}; {others} could also be {canon} and was kept as an "
              "extra column (pass columns= to choose)",
        "ru": "{chosen} взят как {canon}; {others} тоже подходит под {canon} и оставлен "
              "дополнительным столбцом (выбрать можно через columns=)",
    },
    "load.warn.several_files": {
        "en": "several files for {table}: {files}; read {chosen}",
        "ru": "для таблицы {table} несколько файлов: {files}; прочитан {chosen}",
    },
    "load.warn.dates_mixed": {
        "en": "the dates mix two orders: {a} value(s) can only be {fmt_a}, {b} only {fmt_b}; read "
              "as {used}, and the {rejected} {other} value(s) are rejected. Pass date_format= to "
              "choose",
        "ru": "в датах смешаны два порядка: значений, возможных только как {fmt_a}, — {a}, только "
              "как {fmt_b} — {b}; прочитано как {used}, значения в виде {other} ({rejected}) "
              "отклонены. Порядок можно задать через date_format=",
    },
    "load.warn.dates_ambiguous": {
        "en": "the day/month order is ambiguous: none of the {n} values like {example} has a number "
              "above 12 in the first or second place; read as {used} (dayfirst={dayfirst}). If that "
              "is wrong, pass dayfirst={other} or date_format= (also possible in the mapping file)",
        "ru": "порядок дня и месяца неоднозначен: ни в одном из значений вида {example} ({n}) нет "
              "числа больше 12 на первом или втором месте; прочитано как {used} "
              "(dayfirst={dayfirst}). Если это неверно, укажите dayfirst={other} или date_format= "
              "(можно и в файле соответствия столбцов)",
    },
    # --- why a broken line was rejected (problem 'malformed')
    "load.malformed.nul": {
        "en": "the line holds binary (NUL) bytes", "ru": "в строке двоичные (NUL) байты",
    },
    "load.malformed.damaged": {
        "en": "the line holds bytes that are not UTF-8 text (damaged bytes)",
        "ru": "в строке байты, которые не являются текстом UTF-8 (повреждённые байты)",
    },
    "load.malformed.unreadable": {
        "en": "the line could not be read ({detail})", "ru": "строку не удалось прочитать ({detail})",
    },
    "load.malformed.fields": {
        "en": "line has {n} fields, the header has {width}",
        "ru": "полей в строке: {n}, в заголовке: {width}",
    },
    "load.malformed.quote": {
        "en": 'unterminated quote (") in this line; the line was skipped and reading went on at '
              "the next line",
        "ru": "в строке не закрыта кавычка (\"); строка пропущена, чтение продолжено со следующей",
    },
}

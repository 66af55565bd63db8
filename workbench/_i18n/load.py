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
        "en": "wrong number of fields", "ru": "неверное число полей в строке",
    },
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
        "ru": "{table}: загружено {kept} строк, отклонено {rejected}",
    },
    "load.summary_respondents": {"en": "Survey respondents: {n}", "ru": "Респондентов: {n}"},
    "load.summary_contacts": {
        "en": "Feedback contacts: {n}, unresolved: {open}",
        "ru": "Обращений: {n}, не решено: {open}",
    },
    "load.summary_leads": {
        "en": "Leads: {n}, reached a deal: {deals}", "ru": "Лидов: {n}, дошли до сделки: {deals}",
    },
}

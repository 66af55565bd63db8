"""Texts shared by every area."""

MESSAGES = {
    "common.customers": {"en": "Customers", "ru": "Клиенты"},
    "common.customer_id": {"en": "Customer", "ru": "Клиент"},
    "common.revenue": {"en": "Revenue", "ru": "Выручка"},
    "common.profit": {"en": "Profit", "ru": "Прибыль"},
    "common.share": {"en": "Share", "ru": "Доля"},
    "common.segment": {"en": "Segment", "ru": "Сегмент"},
    "common.date": {"en": "Date", "ru": "Дата"},
    "common.count": {"en": "Count", "ru": "Количество"},
    "common.total": {"en": "Total", "ru": "Итого"},
    "common.all": {"en": "All", "ru": "Все"},
    "common.language": {"en": "Language", "ru": "Язык"},
    "common.yes": {"en": "yes", "ru": "да"},
    "common.no": {"en": "no", "ru": "нет"},
    "common.missing_data": {
        "en": "This step needs the {table} table ({file}), which was not found in {folder}. "
        "Add it to run this part; the rest of the notebook still works.",
        "ru": "Для этого шага нужна таблица «{table}» ({file}); в папке {folder} её нет. "
        "Добавьте её, чтобы выполнить эту часть; остальная часть блокнота работает.",
    },
    "common.missing_columns": {
        "en": "This part needs the column “{columns}” of the {table} table ({file}), which is "
        "absent or empty there. Add it to run this part; the rest of the notebook still works.",
        "ru": "Для этой части нужен столбец «{columns}» таблицы «{table}» ({file}); его там нет "
        "или он пуст. Добавьте его, чтобы выполнить эту часть; остальная часть блокнота работает.",
    },
}

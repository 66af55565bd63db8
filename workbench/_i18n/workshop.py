"""Texts of the workshop infrastructure: run report, deliverables, notebook helpers."""

MESSAGES = {
    "ws.table.transactions": {"en": "transactions", "ru": "транзакции"},
    "ws.table.customers": {"en": "customers", "ru": "клиенты"},
    "ws.table.survey": {"en": "survey", "ru": "анкета"},
    "ws.table.feedback": {"en": "feedback", "ru": "обратная связь"},
    "ws.table.leads": {"en": "leads", "ru": "лиды"},
}

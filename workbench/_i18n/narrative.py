"""Nouns with their plural forms, month names and small words used by the locale formatter.

A ``noun.*`` text lists the forms separated by ``|``: English singular and plural; Russian the
forms for 1 (21, 31 …), for 2–4 (22–24 … and fractions) and for 5–20 (and 0).
"""

_NOUNS = {
    "customer": ("customer|customers", "клиент|клиента|клиентов"),
    "client": ("client|clients", "клиент|клиента|клиентов"),
    "action_list": ("action list|action lists",
                    "список действий|списка действий|списков действий"),
    "respondent": ("respondent|respondents", "респондент|респондента|респондентов"),
    "employee": ("employee|employees", "сотрудник|сотрудника|сотрудников"),
    "manager": ("manager|managers", "руководитель|руководителя|руководителей"),
    "answer": ("answer|answers", "ответ|ответа|ответов"),
    "quote": ("quote|quotes", "цитата|цитаты|цитат"),
    "question": ("question|questions", "вопрос|вопроса|вопросов"),
    "order": ("order|orders", "заказ|заказа|заказов"),
    "purchase": ("purchase|purchases", "покупка|покупки|покупок"),
    "row": ("row|rows", "строка|строки|строк"),
    "day": ("day|days", "день|дня|дней"),
    "week": ("week|weeks", "неделя|недели|недель"),
    "month": ("month|months", "месяц|месяца|месяцев"),
    "year": ("year|years", "год|года|лет"),
    "action": ("action|actions", "действие|действия|действий"),
    "offer": ("offer|offers", "предложение|предложения|предложений"),
    "segment": ("segment|segments", "сегмент|сегмента|сегментов"),
    "group": ("group|groups", "группа|группы|групп"),
    "expectation": ("expectation|expectations", "ожидание|ожидания|ожиданий"),
    "attribute": ("attribute|attributes", "параметр|параметра|параметров"),
    "complaint": ("complaint|complaints", "жалоба|жалобы|жалоб"),
    "contact": ("contact|contacts", "обращение|обращения|обращений"),
    "refusal": ("refusal|refusals", "отказ|отказа|отказов"),
    "lead": ("lead|leads", "лид|лида|лидов"),
    "deal": ("deal|deals", "сделка|сделки|сделок"),
    "competitor": ("competitor|competitors", "конкурент|конкурента|конкурентов"),
    "product": ("product|products", "товар|товара|товаров"),
    "item": ("item|items", "позиция|позиции|позиций"),
    "unit": ("unit|units", "единица|единицы|единиц"),
    "source": ("source|sources", "источник|источника|источников"),
    "table": ("table|tables", "таблица|таблицы|таблиц"),
    "step": ("step|steps", "шаг|шага|шагов"),
    "point": ("point|points", "балл|балла|баллов"),
    "scale_point": ("scale point|scale points", "балл шкалы|балла шкалы|баллов шкалы"),
    "theme": ("theme|themes", "тема|темы|тем"),
    "rung": ("rung|rungs", "ступень|ступени|ступеней"),
    "advantage": ("advantage|advantages", "преимущество|преимущества|преимуществ"),
    "feature": ("feature|features", "признак|признака|признаков"),
    "reason": ("reason|reasons", "причина|причины|причин"),
    "respondent_row": ("respondent row|respondent rows",
                       "строка респондента|строки респондентов|строк респондентов"),
    "answer_row": ("answer row|answer rows", "строка ответов|строки ответов|строк ответов"),
    "comment_row": ("row with a comment|rows with a comment",
                    "строка с комментарием|строки с комментарием|строк с комментарием"),
    "topic": ("topic|topics", "тема|темы|тем"),
    "contact_source": ("contact source|contact sources",
                       "источник обращения|источника обращения|источников обращения"),
    "card": ("card|cards", "карточка|карточки|карточек"),
    "new_customer": ("new client|new clients", "новый клиент|новых клиента|новых клиентов"),
}

#: Russian genitive forms for «из N …», «среди N …», «у N …»: for 1 (21 …), 2–4, 5–20.
_GENITIVE = {
    "customer": "клиента|клиентов|клиентов",
    "client": "клиента|клиентов|клиентов",
    "respondent": "респондента|респондентов|респондентов",
    "attribute": "параметра|параметров|параметров",
    "lead": "лида|лидов|лидов",
    "advantage": "преимущества|преимуществ|преимуществ",
    "feature": "признака|признаков|признаков",
    "reason": "причины|причин|причин",
    "segment": "сегмента|сегментов|сегментов",
    "contact": "обращения|обращений|обращений",
    "complaint": "жалобы|жалоб|жалоб",
    "day": "дня|дней|дней",
    "new_customer": "нового клиента|новых клиентов|новых клиентов",
    "refusal": "отказа|отказов|отказов",
}

#: Russian dative forms for «по N …»: for 1 (21 …), 2–4, 5–20.
_DATIVE = {
    "topic": "теме|темам|темам",
    "segment": "сегменту|сегментам|сегментам",
    "customer": "клиенту|клиентам|клиентам",
    "answer": "ответу|ответам|ответам",
}

#: Russian instrumental forms for «с N …», «за N …»: for 1 (21 …), 2–4, 5–20.
_INSTRUMENTAL = {
    "customer": "клиентом|клиентами|клиентами",
    "client": "клиентом|клиентами|клиентами",
}

#: Russian prepositional forms for «в N …»: for 1 (21 …), 2–4, 5–20.
_PREPOSITIONAL = {
    "segment": "сегменте|сегментах|сегментах",
    "group": "группе|группах|группах",
    "row": "строке|строках|строках",
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")

MESSAGES = {
    **{f"noun.{k}": {"en": en, "ru": ru} for k, (en, ru) in _NOUNS.items()},
    **{f"noun.{k}.gen": {"en": f"{_NOUNS[k][0]}", "ru": ru} for k, ru in _GENITIVE.items()},
    **{f"noun.{k}.dat": {"en": f"{_NOUNS[k][0]}", "ru": ru} for k, ru in _DATIVE.items()},
    **{f"noun.{k}.ins": {"en": f"{_NOUNS[k][0]}", "ru": ru} for k, ru in _INSTRUMENTAL.items()},
    **{f"noun.{k}.prep": {"en": f"{_NOUNS[k][0]}", "ru": ru}
       for k, ru in _PREPOSITIONAL.items()},
    **{f"month.{i + 1}": {"en": en, "ru": ru}
       for i, (en, ru) in enumerate(zip(_MONTHS_EN, _MONTHS_RU, strict=True))},
    "word.and": {"en": "and", "ru": "и"},
    "word.or": {"en": "or", "ru": "или"},
    "unit.pp": {"en": "pp", "ru": "п.\u00a0п."},
}

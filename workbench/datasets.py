"""The bundled sample business and synthetic data for benchmarks.

The sample is a fictional coffee roaster («Обжарочная») that sells roasted coffee, equipment and
accessories to four kinds of clients:

``cafe``
    cafés and coffee shops (B2B): order every week or two, big baskets of 1 kg espresso blends,
    machine service; a summer dip.
``office``
    offices (B2B): a regular monthly order of blends and drip bags; very steady.
``retail``
    shops reselling our 250 g packs (B2B): large, infrequent, seasonal orders (gift season in
    November-December).
``online``
    private shoppers on the site, on a marketplace or in our shop (B2C): many, small baskets,
    nearly half of them buy once and never again.

Every client has a latent date until which they stay a client ("alive until"), driven by a
monthly hazard that depends on the segment, the acquisition source (referrals stay longer), a
latent frailty, tenure, the client's answer to the NPS question, and service: an *unresolved*
complaint multiplies the hazard (see ``COMPLAINT_HAZARD``), a resolved one lowers it a little. Before stopping, most clients fade: their order rate falls
over one to three months. The survey, the feedback log and the leads funnel are generated from
the same latent clients, so every table tells the same story. ``data/samples/README.md`` lists
what an analyst should find.

Functions
---------
:func:`generate_sample`
    The five canonical tables as DataFrames (deterministic for a seed).
:func:`write_sample`
    Write them as CSV files, plus a messy 1C-style export of the transactions and its mapping.
:func:`load_sample`
    The shipped sample (seed 42) with canonical dtypes.
:func:`make_transactions`
    A fast synthetic transaction log of any size, for benchmarks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import WorkbenchError
from workbench.schema import FEEDBACK_KINDS, LEAD_STAGES, TABLES, table_spec

__all__ = (
    "SAMPLE_TABLES",
    "first_round_lists",
    "generate_sample",
    "load_sample",
    "make_transactions",
    "write_sample",
)

#: Canonical tables of the sample, in the order they are written.
SAMPLE_TABLES: tuple[str, ...] = ("transactions", "customers", "survey", "feedback", "leads")

# ---------------------------------------------------------------------------------------------
# The business: segments, products, sources, regions (module constants, documented in README)
# ---------------------------------------------------------------------------------------------

SEGMENTS: tuple[str, ...] = ("cafe", "office", "retail", "online")
_SEG_SHARE = np.array([0.09, 0.11, 0.07, 0.73])
_SEG_TYPE = ("B2B", "B2B", "B2B", "B2C")
_CAFE, _OFFICE, _RETAIL, _ONLINE = range(4)

#: (name, list price, unit cost) in roubles at 2023 prices. Prices rise 10% a year, costs 12%.
PRODUCTS: tuple[tuple[str, float, float], ...] = (
    ("Классика 1 кг", 1900.0, 930.0),
    ("Крема 1 кг", 2200.0, 1050.0),
    ("Бразилия 1 кг", 2000.0, 1020.0),
    ("Колумбия 1 кг", 2400.0, 1280.0),
    ("Эфиопия 250 г", 850.0, 360.0),
    ("Кения 250 г", 950.0, 430.0),
    ("Гватемала 250 г", 800.0, 350.0),
    ("Декаф 250 г", 750.0, 360.0),
    ("Дрип-пакеты, 10 шт", 650.0, 240.0),
    ("Кофемолка", 3500.0, 2450.0),
    ("Кофемашина", 85000.0, 71000.0),
    ("Сервис машины", 4500.0, 1400.0),
    ("Фильтры, 100 шт", 450.0, 170.0),
    ("Кружка", 600.0, 210.0),
)
GIFT_PRODUCT: tuple[str, float] = ("Дегустация", 320.0)
_N_PROD = len(PRODUCTS)
_SERVICE_LIKE = (9, 10, 11)  # grinder, machine, service: quantity 1, never returned as a line

# Probability that an order line is each product, per segment (rows: cafe, office, retail, online).
_PROD_P = np.array(
    [
        [30, 25, 12, 9, 1, 1, 1, 1, 0, 0.4, 0.35, 7, 5, 1],
        [30, 10, 20, 5, 1, 1, 1, 1, 16, 0.3, 0.3, 9, 0.5, 2],
        [1, 1, 1, 1, 16, 15, 15, 12, 20, 4, 0, 0, 7, 8],
        [3, 3, 3, 3, 14, 14, 14, 10, 15, 4, 0, 0, 6, 6],
    ],
    dtype=float,
)
_PROD_P /= _PROD_P.sum(axis=1, keepdims=True)
# Mean quantity of a line of product p for a client of average size in segment s.
_PROD_Q = np.array(
    [
        [6, 5, 4, 3, 2, 2, 2, 2, 1, 1, 1, 1, 2, 4],
        [3, 2, 3, 2, 1, 1, 1, 1, 5, 1, 1, 1, 1, 6],
        [2, 2, 2, 2, 24, 20, 20, 12, 20, 2, 1, 1, 8, 12],
        [1, 1, 1, 1, 1.4, 1.3, 1.3, 1.2, 1.5, 1, 1, 1, 1, 1.2],
    ],
    dtype=float,
)
_SEG_DISCOUNT = np.array([0.80, 0.90, 0.68, 1.00])
_PRICE_INDEX = {2023: 1.00, 2024: 1.10, 2025: 1.20}
_COST_INDEX = {2023: 1.00, 2024: 1.12, 2025: 1.25}

CHANNELS: tuple[str, ...] = ("менеджер", "сайт", "маркетплейс", "магазин")

#: Acquisition sources and the multiplier they put on the monthly churn hazard.
SOURCES: tuple[str, ...] = (
    "рекомендация",
    "сайт",
    "выставка",
    "холодный звонок",
    "соцсети",
    "маркетплейс",
    "контекстная реклама",
)
_SRC_HAZARD = np.array([0.45, 1.0, 0.9, 1.35, 1.25, 1.6, 1.15])
# Source mix per segment.
_SRC_P = np.array(
    [
        [0.35, 0.25, 0.20, 0.08, 0.12, 0.0, 0.0],
        [0.30, 0.38, 0.10, 0.10, 0.12, 0.0, 0.0],
        [0.30, 0.23, 0.35, 0.12, 0.0, 0.0, 0.0],
        [0.10, 0.30, 0.0, 0.0, 0.18, 0.30, 0.12],
    ]
)
# Share of online clients who buy once and never again, by source.
_ONE_OFF_P = np.array([0.15, 0.40, 0.4, 0.4, 0.50, 0.62, 0.52])

REGIONS: tuple[str, ...] = (
    "Москва",
    "Санкт-Петербург",
    "Казань",
    "Екатеринбург",
    "Новосибирск",
    "Нижний Новгород",
    "Краснодар",
    "Самара",
    "Ростов-на-Дону",
    "Воронеж",
)
_REGION_P = np.array([0.38, 0.17, 0.07, 0.07, 0.06, 0.06, 0.06, 0.05, 0.04, 0.04])

# Order behaviour per segment.
_RATE = np.array([2.6, 1.0, 0.6, 0.32])  # mean orders per month while active
_RATE_SHAPE = np.array([5.0, 50.0, 2.5, 1.1])  # gamma shape of the client-to-client spread
_SIZE_SIGMA = np.array([0.45, 0.40, 0.50, 0.30])  # lognormal spread of basket size
_EXTRA_LINES = np.array([0.3, 0.35, 1.2, 0.3])  # mean extra lines per order (Poisson)
#: Seasonality: order-rate multiplier per calendar month (January first).
SEASONALITY = np.array(
    [
        [0.95, 0.95, 1.00, 1.00, 1.00, 0.85, 0.72, 0.75, 1.00, 1.05, 1.08, 1.20],
        [0.75, 1.00, 1.05, 1.00, 0.95, 0.90, 0.85, 0.80, 1.05, 1.05, 1.10, 1.20],
        [0.60, 1.10, 1.15, 0.80, 0.80, 0.70, 0.65, 0.70, 0.90, 1.10, 1.50, 2.20],
        [0.90, 0.95, 1.05, 0.95, 0.90, 0.80, 0.80, 0.85, 0.95, 1.05, 1.35, 1.65],
    ]
)

# Churn hazard (per month) and service effects.
_BASE_HAZARD = np.array([0.014, 0.011, 0.020, 0.040])
_FRAILTY_SIGMA = 0.6
_NEW_CLIENT_HAZARD = 1.8  # first three months
#: Hazard multipliers after a complaint: unresolved vs resolved (service recovery).
COMPLAINT_HAZARD = {"unresolved": 8.0, "resolved": 0.8}
#: Hazard multipliers by the client's (latent) answer to the NPS question.
NPS_HAZARD = {"detractor": 2.0, "promoter": 0.6}
_COMPLAINT_P = np.array([0.030, 0.022, 0.045, 0.012])  # B2B per month of trade; B2C per order
_QUIT_AFTER_UNRESOLVED = 0.35  # share who start leaving right after an unresolved complaint
_STANDING_ORDER_P = 0.85  # share of office orders that repeat the client's standing order
_PAUSE_P = 0.025  # B2B clients who skip one to three months now and then
#: Monthly chance that a lapsed client comes back for an order (B2B, B2C), and the share of
#: those who then stay (win-back).
COMEBACK_P = (0.010, 0.030)
_COMEBACK_STAY = 0.3

# Feedback categories: mix per client type, chance of staying unresolved, median days to resolve.
_FB_CATS: tuple[str, ...] = (
    "доставка",
    "качество",
    "оборудование",
    "счета",
    "цена",
    "менеджер",
    "ассортимент",
    "сайт",
    "упаковка",
)
_FB_CAT_P = np.array(
    [
        [0.30, 0.22, 0.15, 0.13, 0.08, 0.07, 0.05, 0.0, 0.0],
        [0.40, 0.20, 0.0, 0.0, 0.10, 0.0, 0.05, 0.15, 0.10],
    ]
)
_FB_UNRESOLVED_P = np.array([0.15, 0.25, 0.40, 0.20, 0.35, 0.20, 0.30, 0.25, 0.15])
_FB_DAYS = np.array([2.0, 6.0, 12.0, 8.0, 4.0, 3.0, 10.0, 5.0, 3.0])
_FB_CHANNELS: tuple[str, ...] = ("телефон", "email", "мессенджер", "визит менеджера", "чат на сайте")
_FB_CHANNEL_P = np.array([[0.35, 0.25, 0.20, 0.20, 0.0], [0.20, 0.25, 0.35, 0.0, 0.20]])

_FB_TEXT: dict[tuple[str, str], tuple[str, ...]] = {
    ("complaint", "доставка"): (
        "Заказ привезли на два дня позже обещанного",
        "Курьер не позвонил заранее, пришлось ждать",
        "Доставка опять сорвалась, остались без зерна",
        "Привезли не в то окно, кофейня была закрыта",
    ),
    ("complaint", "качество"): (
        "Последняя партия пережарена, горчит",
        "Вкус смеси изменился, гости жалуются",
        "В пачке попались недожаренные зёрна",
        "Кофе быстро выдыхается, дата обжарки старая",
    ),
    ("complaint", "оборудование"): (
        "Кофемашина течёт после ремонта",
        "Мастер не приехал в назначенный день",
        "Кофемолка сломалась через месяц",
    ),
    ("complaint", "счета"): (
        "В счёте неверная сумма, ждём исправленный",
        "Не пришли закрывающие документы",
        "Дважды выставили один и тот же счёт",
    ),
    ("complaint", "цена"): (
        "Цены подняли без предупреждения",
        "У конкурентов та же смесь дешевле",
    ),
    ("complaint", "менеджер"): (
        "Менеджер не отвечает на звонки",
        "Поменяли менеджера и никто не предупредил",
    ),
    ("complaint", "ассортимент"): (
        "Нет в наличии нашей обычной смеси",
        "Пропал декаф, а гости его просят",
    ),
    ("complaint", "сайт"): (
        "Не проходит оплата на сайте",
        "Промокод не сработал при заказе",
        "Сайт не сохраняет адрес доставки",
    ),
    ("complaint", "упаковка"): (
        "Пачка пришла надорванной",
        "Клапан на упаковке не держит",
    ),
    ("question", "доставка"): ("Можно ли доставить в субботу?", "Какие сроки доставки в регион?"),
    ("question", "качество"): ("Когда была обжарка этой партии?", "Подойдёт ли смесь для фильтра?"),
    ("question", "оборудование"): (
        "Как часто нужно чистить группу?",
        "Можно взять машину в аренду?",
    ),
    ("question", "счета"): ("Пришлите акт сверки, пожалуйста", "Можно оплатить по частям?"),
    ("question", "цена"): ("Есть ли скидка от 20 кг?", "Будет ли повышение цен в новом году?"),
    ("question", "менеджер"): ("Кто теперь наш менеджер?",),
    ("question", "ассортимент"): ("Когда появится новый лот из Кении?", "Есть ли зелёное зерно?"),
    ("question", "сайт"): ("Как изменить заказ на сайте?", "Где посмотреть статус заказа?"),
    ("question", "упаковка"): ("Можно ли фасовку по 500 г?",),
    ("praise", "доставка"): ("Спасибо, привезли очень быстро!", "Курьер вежливый и пунктуальный"),
    ("praise", "качество"): (
        "Новая смесь отличная, гости в восторге",
        "Очень стабильная обжарка, спасибо",
    ),
    ("praise", "оборудование"): ("Мастер всё починил за час",),
    ("praise", "счета"): ("Документы всегда вовремя, спасибо",),
    ("praise", "цена"): ("Хорошие цены для такого качества",),
    ("praise", "менеджер"): ("Менеджер всегда на связи, помог с меню", "Спасибо за обучение бариста"),
    ("praise", "ассортимент"): ("Отличный выбор моносортов",),
    ("praise", "сайт"): ("Удобно заказывать через сайт",),
    ("praise", "упаковка"): ("Красивая упаковка, дарим друзьям",),
    ("refusal", "доставка"): ("Уходим к поставщику с доставкой день в день",),
    ("refusal", "качество"): ("Качество стало нестабильным, меняем поставщика",),
    ("refusal", "оборудование"): ("Сервис машин так и не наладили, уходим",),
    ("refusal", "счета"): ("Надоела путаница с документами",),
    ("refusal", "цена"): ("Нашли поставщика дешевле", "Бюджет на кофе урезали"),
    ("refusal", "менеджер"): ("С нами перестали работать, уходим",),
    ("refusal", "ассортимент"): ("Нужного ассортимента нет",),
    ("refusal", "сайт"): ("Неудобно заказывать, купим в другом месте",),
    ("refusal", "упаковка"): ("Упаковка часто приходит повреждённой",),
}

# Survey: service attributes with base importance (per segment), performance, expectation,
# the main competitor's performance and the true Kano category.
SURVEY_ATTRIBUTES: tuple[str, ...] = (
    "Скорость доставки",
    "Качество обжарки",
    "Стабильность вкуса",
    "Цена",
    "Вежливость менеджера",
    "Обучение бариста",
    "Сервис кофемашин",
    "Упаковка",
    "Ассортимент",
    "Удобство заказа на сайте",
)
# importance per segment (cafe, office, retail, online)
_ATTR_IMP = np.array(
    [
        [4.6, 4.5, 4.4, 4.5],
        [4.8, 4.4, 4.5, 4.5],
        [4.6, 4.3, 4.3, 4.3],
        [4.0, 4.3, 4.6, 4.2],
        [3.4, 3.3, 3.3, 3.0],
        [4.4, 2.6, 2.8, 2.2],
        [4.5, 4.0, 2.6, 2.2],
        [2.4, 2.4, 3.6, 3.0],
        [3.2, 2.8, 3.8, 3.4],
        [2.8, 3.4, 3.0, 4.0],
    ]
)
_ATTR_PERF = np.array([3.0, 4.4, 4.1, 3.0, 3.3, 2.8, 4.0, 4.5, 4.2, 3.1])
_ATTR_EXP = np.array([4.4, 4.3, 4.4, 3.8, 3.8, 3.0, 3.9, 3.3, 3.6, 3.8])
_ATTR_COMP = np.array([3.9, 3.7, 3.8, 3.6, 3.6, 2.5, 3.5, 3.9, 3.6, 3.8])
#: True Kano category of each attribute (M must-be, O one-dimensional, A attractive, I indifferent).
KANO_TRUTH: dict[str, str] = dict(
    zip(SURVEY_ATTRIBUTES, ("M", "O", "M", "O", "I", "A", "A", "I", "A", "O"), strict=True)
)
# Answer pairs (functional, dysfunctional) that the standard evaluation table maps to each class.
_KANO_PAIRS: dict[str, tuple[tuple[int, int], ...]] = {
    "A": ((1, 4), (1, 3), (1, 2)),
    "O": ((1, 5),),
    "M": ((2, 5), (3, 5), (4, 5)),
    "I": ((3, 3), (3, 4), (2, 3), (4, 3), (2, 4), (3, 2), (4, 4)),
    "R": ((5, 1), (4, 1), (5, 3)),
    "Q": ((1, 1), (5, 5)),
}
_SURVEY_COMMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Скорость доставки": (
        ("Доставка часто опаздывает", "Хотим доставку день в день", "Ждать заказ три дня долго"),
        ("Привозят точно в срок", "Быстрая доставка, спасибо"),
    ),
    "Качество обжарки": (
        ("Иногда обжарка темнее, чем нужно", "Бывает горечь в эспрессо"),
        ("Лучшая обжарка в городе", "Обжарка свежая и ровная", "Зерно всегда свежее"),
    ),
    "Стабильность вкуса": (
        ("От партии к партии вкус гуляет", "Смесь каждый раз немного другая"),
        ("Вкус всегда одинаковый, гости довольны", "Стабильно хорошо"),
    ),
    "Цена": (
        ("Дороговато по сравнению с другими", "Цены растут слишком быстро", "Нужна скидка за объём"),
        ("Цена адекватная качеству", "Хорошие оптовые условия"),
    ),
    "Вежливость менеджера": (
        ("Менеджер отвечает сухо", "Не всегда перезванивают"),
        ("Менеджер очень вежливый", "Приятно общаться"),
    ),
    "Обучение бариста": (
        ("Хотели бы обучение для новых бариста", "Про обучение никто не рассказал"),
        ("Обучение бариста очень помогло", "Классный мастер-класс по латте-арту"),
    ),
    "Сервис кофемашин": (
        ("Мастер приезжает не сразу", "Ремонт машины затянулся"),
        ("Сервис машин на высоте", "Починили быстро и бесплатно"),
    ),
    "Упаковка": (
        ("Упаковка обычная, не важно", "Слишком много пластика"),
        ("Красивые пачки", "Упаковка с клапаном, удобно хранить"),
    ),
    "Ассортимент": (
        ("Мало моносортов", "Хочется больше декафа"),
        ("Большой выбор", "Радуют новые лоты"),
    ),
    "Удобство заказа на сайте": (
        ("Сайт неудобный с телефона", "Сложно повторить прошлый заказ", "Долго оформлять заказ"),
        ("Заказ за минуту", "Удобный личный кабинет"),
    ),
}
_SURVEY_START, _SURVEY_DAYS = "2024-09-02", 60

# Leads: the sales funnel for B2B clients, tracked in the CRM from this date on.
_LEADS_FROM = "2024-01-01"
#: Stage-to-stage conversion (call->proposal, proposal->meeting, meeting->deal) per lead source.
FUNNEL_CONVERSION: dict[str, tuple[float, float, float]] = {
    "холодный звонок": (0.50, 0.10, 0.25),
    "выставка": (0.60, 0.25, 0.35),
    "сайт": (0.70, 0.40, 0.40),
    "рекомендация": (0.85, 0.60, 0.60),
}

# Names.
_CAFE_WORDS = (
    "Зерно", "Арабика", "Бариста", "Утро", "Сова", "Маяк", "Ветер", "Фонарь", "Кедр", "Липа",
    "Облако", "Пенка", "Крафт", "Дрип", "Ристретто", "Лунго", "Северная", "Жёлудь", "Медведь",
    "Пчела", "Сад", "Лисица", "Ёжик", "Корица", "Ваниль", "Кардамон", "Мельница", "Причал",
    "Булочная", "Тёплый угол", "Чашка", "Кружка", "Бранч", "Мокко", "Флэт", "Гейзер", "Турка",
    "Джезва", "Френч", "Кофеин", "Каштан", "Клён", "Полдень", "Рассвет", "Закат", "Набережная",
)
_OFFICE_A = (
    "Техно", "Строй", "Финанс", "Инвест", "Логистик", "Медиа", "Софт", "Агро", "Энерго",
    "Проект", "Альфа", "Вектор", "Гранит", "Север", "Урал", "Сибирь", "Волга", "Нева", "Дата",
    "Инфо", "Транс", "Пром", "Юр", "Мед",
)
_OFFICE_B = (
    "Групп", "Сервис", "Консалт", "Плюс", "Систем", "Трейд", "Лаб", "Про", "Холдинг", "Центр",
    "Партнёр", "Линия",
)
_RETAIL_A = (
    "Вкусная", "Чайная", "Кофейная", "Домашняя", "Фермерская", "Городская", "Гастрономическая",
    "Добрая", "Старая", "Новая", "Северная", "Южная",
)
_RETAIL_B = ("лавка", "полка", "корзина", "бакалея", "кладовая", "гастрономия", "ярмарка")
_SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
    "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
)
_MALE = (
    "Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл",
    "Михаил", "Никита", "Матвей", "Роман", "Егор", "Иван", "Павел", "Олег", "Денис",
)
_FEMALE = (
    "Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина",
    "Дарья", "Алина", "Ксения", "Елена", "Ольга", "Татьяна", "Ирина", "Юлия", "Софья", "Вера",
)
_INITIALS = "АБВГДЕИКЛМНОПРСТ"


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _round_cents(x: np.ndarray) -> np.ndarray:
    """Round to kopecks so that values survive a round trip through ``%.2f`` text exactly."""
    return np.rint(np.asarray(x, dtype=float) * 100.0) / 100.0


def _choice_rows(rng: np.random.Generator, p: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Draw one category per element, with probabilities ``p[rows[i]]`` (vectorised)."""
    cdf = np.cumsum(p, axis=1)
    cdf[:, -1] = 1.0
    u = rng.random(len(rows))
    return (u[:, None] > cdf[rows]).sum(axis=1)


def _days(ts: str | pd.Timestamp) -> int:
    return int(pd.Timestamp(ts).normalize().value // 86_400_000_000_000)


def _to_datetime(days: np.ndarray, minutes: np.ndarray | None = None) -> np.ndarray:
    """Turn integer days (and minutes of the day) since 1970 into ``datetime64[ns]``."""
    out = np.asarray(days, dtype="int64") * 1440
    if minutes is not None:
        out = out + np.asarray(minutes, dtype="int64")
    return out.astype("datetime64[m]").astype("datetime64[ns]")


def _ids(values: np.ndarray, prefix: str, width: int) -> list[str]:
    return [f"{prefix}{v:0{width}d}" for v in values.tolist()]


def _string(values) -> pd.array:
    return pd.array(values, dtype="string")


def normalize_dtypes(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return a copy of ``frame`` with the canonical dtypes of ``table``.

    Parameters
    ----------
    frame : DataFrame
        A table whose columns already carry canonical names (extra columns are kept; text
        columns that are not in the schema become ``string``).
    table : str
        Canonical table name.

    Returns
    -------
    DataFrame
        ``string`` for identifiers and text, ``datetime64[ns]`` for dates, ``float64`` for
        money and quantities, ``Int64`` for scales and scores, categoricals for ``kind``
        (feedback) and ``stage`` (leads, ordered call < proposal < meeting < deal).
    """
    spec = table_spec(table)
    out = frame.copy()
    for col in out.columns:
        dtype = spec.dtype(col) if col in spec.names else None
        s = out[col]
        if dtype == "string" or (dtype is None and not pd.api.types.is_numeric_dtype(s)):
            out[col] = s.astype("string")
        elif dtype == "datetime":
            out[col] = pd.to_datetime(s, format="ISO8601").astype("datetime64[ns]")
        elif dtype == "float":
            out[col] = pd.to_numeric(s).astype("float64")
        elif dtype == "Int":
            out[col] = pd.to_numeric(s).astype("Int64")
        elif dtype == "category":
            cats = FEEDBACK_KINDS if col == "kind" else LEAD_STAGES
            out[col] = pd.Categorical(
                s.astype("object"), categories=list(cats), ordered=(col == "stage")
            )
    return out


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


def _month_starts(start_day: int, end_day: int) -> np.ndarray:
    first = pd.Timestamp(start_day * 86_400_000_000_000).to_period("M")
    last = pd.Timestamp(end_day * 86_400_000_000_000).to_period("M")
    periods = pd.period_range(first, last + 1, freq="M")
    days = np.array([_days(p.start_time) for p in periods], dtype="int64")
    days[0] = max(days[0], start_day)
    days[-1] = min(days[-1], end_day + 1)
    return days


def _make_customers(rng: np.random.Generator, n: int, start_day: int, end_day: int) -> dict:
    counts = np.floor(_SEG_SHARE * n).astype(int)
    counts[_ONLINE] += n - counts.sum()
    seg = np.repeat(np.arange(4), counts)
    seg = seg[rng.permutation(n)]
    b2b = seg != _ONLINE
    source = _choice_rows(rng, _SRC_P, seg)
    region = rng.choice(len(REGIONS), size=n, p=_REGION_P)
    # Clients who were already with us before the data starts, and new ones (growing inflow).
    pre = rng.random(n) < np.where(b2b, 0.30, 0.12)
    span = end_day - 14 - start_day
    u = rng.random(n)
    growth = 0.6  # the inflow at the end is 1.6x the inflow at the start
    new_off = (np.sqrt(1.0 + (2 * growth + growth**2) * u) - 1.0) / growth  # inverse linear CDF
    signup = np.where(
        pre,
        start_day - 1 - rng.integers(0, 3 * 365, size=n),
        start_day + np.floor(new_off * span).astype("int64"),
    )
    one_off = (~b2b) & ~pre & (rng.random(n) < _ONE_OFF_P[source])
    never = (~b2b) & ~pre & ~one_off & (rng.random(n) < 0.04)
    z = rng.standard_normal(n)
    frailty = np.exp(_FRAILTY_SIGMA * z - _FRAILTY_SIGMA**2 / 2)
    rate = _RATE[seg] * rng.gamma(_RATE_SHAPE[seg], 1.0 / _RATE_SHAPE[seg])
    size = np.exp(_SIZE_SIGMA[seg] * rng.standard_normal(n) - _SIZE_SIGMA[seg] ** 2 / 2)
    demanding = np.exp(0.5 * rng.standard_normal(n) - 0.125)
    # Latent satisfaction: happier clients are less frail (drives survey NPS and praise).
    sat = -0.85 * z + 0.5 * rng.standard_normal(n)
    # The answer the client would give to "would you recommend us?" (0-10); detractors leave
    # more often, promoters less (the survey reports it for the clients who answer it).
    nps = np.clip(np.rint(7.0 + 1.5 * sat + 1.0 * rng.standard_normal(n)), 0, 10)
    # Preferred channel of private shoppers: marketplace buyers stay on the marketplace.
    chan_pref = np.where(
        source == SOURCES.index("маркетплейс"), 2, np.where(rng.random(n) < 0.2, 3, 1)
    )
    return {
        "seg": seg,
        "b2b": b2b,
        "source": source,
        "region": region,
        "pre": pre,
        "signup": signup.astype("int64"),
        "one_off": one_off,
        "never": never,
        "z": z,
        "frailty": frailty,
        "rate": rate,
        "size": size,
        "demanding": demanding,
        "sat": sat,
        "nps": nps,
        "chan_pref": chan_pref,
    }


def _simulate(rng: np.random.Generator, c: dict, start_day: int, end_day: int) -> dict:
    """Month-by-month life of every client: orders, complaints, fading and stopping."""
    n = len(c["seg"])
    seg, b2b = c["seg"], c["b2b"]
    months = _month_starts(start_day, end_day)
    never_dies = np.iinfo(np.int64).max // 4
    death = np.full(n, never_dies, dtype="int64")
    # One-off buyers stop right after their first order; clients who never buy are gone at once.
    first_order = np.where(
        c["pre"], -1, np.minimum(c["signup"] + rng.integers(0, 3, size=n), end_day)
    )
    death[c["one_off"]] = first_order[c["one_off"]]
    death[c["never"]] = c["signup"][c["never"]]
    repeat = ~(c["one_off"] | c["never"])
    has_first = ~c["pre"] & ~c["never"]
    status = np.where(repeat, 0, 3)  # 0 not started, 1 active, 2 fading, 3 stopped
    fade_len = np.zeros(n, dtype="int64")
    fade_pos = np.zeros(n, dtype="int64")
    pause = np.zeros(n, dtype="int64")
    unresolved = np.zeros(n, dtype=bool)
    resolved = np.zeros(n, dtype=bool)
    base_h = _BASE_HAZARD[seg] * _SRC_HAZARD[c["source"]] * c["frailty"]
    base_h = base_h * np.select(
        [c["nps"] <= 6, c["nps"] >= 9], [NPS_HAZARD["detractor"], NPS_HAZARD["promoter"]], 1.0
    )
    o_cust, o_day = [], []
    k_cust, k_day, k_cat, k_unres = [], [], [], []
    trigger_day = np.full(n, -1, dtype="int64")
    for m in range(len(months) - 1):
        ms, me = int(months[m]), int(months[m + 1])
        moy = int(pd.Timestamp(ms * 86_400_000_000_000).month) - 1
        started_before = repeat & (c["signup"] < ms)
        status[(status == 0) & repeat & (c["signup"] < me)] = 1
        # Hazard for clients already active at the start of the month.
        tenure_m = (ms - c["signup"]) / 30.4
        h = base_h * np.where(tenure_m < 3, _NEW_CLIENT_HAZARD, 1.0)
        h = h * np.where(
            unresolved, COMPLAINT_HAZARD["unresolved"], np.where(resolved, COMPLAINT_HAZARD["resolved"], 1.0)
        )
        trig = (status == 1) & started_before & (rng.random(n) < np.minimum(h, 0.9))
        f_len = np.where(
            b2b,
            _choice_rows(rng, np.array([[0.2, 0.3, 0.3, 0.2]]), np.zeros(n, dtype=int)),
            _choice_rows(rng, np.array([[0.45, 0.35, 0.2, 0.0]]), np.zeros(n, dtype=int)),
        )
        fade_len[trig] = f_len[trig] + 1  # months of fading including the last one
        fade_pos[trig] = 0
        status[trig] = 2
        trigger_day[trig] = ms
        mult = np.ones(n)
        fading = status == 2
        mult[fading] = 1.0 - (fade_pos[fading] + 1) / (fade_len[fading] + 1)
        fade_pos[fading] += 1
        dies = fading & (fade_pos >= fade_len)
        death[dies] = ms + np.floor(rng.random(dies.sum()) * (me - ms)).astype("int64")
        # B2B pauses: a skipped month or two that does not mean leaving.
        new_pause = b2b & (status == 1) & (pause == 0) & (rng.random(n) < _PAUSE_P)
        pause[new_pause] = rng.integers(1, 4, size=int(new_pause.sum()))
        paused = pause > 0
        mult[paused] = 0.0
        pause[paused] -= 1
        alive = (status == 1) | (status == 2)
        lo = np.maximum(ms, c["signup"] + 1)
        lo = np.where(c["pre"], ms, np.maximum(lo, first_order + 1))
        hi = np.minimum(me, death + 1)
        frac = np.clip((hi - lo) / (me - ms), 0.0, 1.0)
        lam = c["rate"] * SEASONALITY[seg, moy] * mult * frac * alive
        cnt = rng.poisson(np.where(seg == _OFFICE, 0.0, lam))
        office = seg == _OFFICE
        p_off = np.minimum(0.97, 0.9 * SEASONALITY[_OFFICE, moy] * mult * frac) * alive
        cnt = np.where(office, (rng.random(n) < p_off).astype(int) + rng.poisson(0.08 * p_off), cnt)
        cnt[hi <= lo] = 0
        status[dies] = 3
        idx = np.repeat(np.arange(n), cnt)
        day = lo[idx] + np.floor(rng.random(len(idx)) * (hi[idx] - lo[idx])).astype("int64")
        o_cust.append(idx)
        o_day.append(day)
        # Lapsed clients now and then come back for an order; some of them stay.
        back = (
            (status == 3)
            & (death < ms)
            & ~c["never"]
            & (rng.random(n) < np.where(b2b, COMEBACK_P[0], COMEBACK_P[1]))
        )
        bi = np.flatnonzero(back)
        o_cust.append(bi)
        o_day.append(ms + np.floor(rng.random(len(bi)) * (me - ms)).astype("int64"))
        stay = bi[rng.random(len(bi)) < _COMEBACK_STAY]
        status[stay] = 1
        death[stay] = never_dies
        # Complaints happen on orders; unresolved ones raise the hazard from next month on.
        orders_all = cnt + (has_first & (first_order >= ms) & (first_order < me))
        # B2B clients complain per month of trade (not per order, so heavy buyers are not the
        # only complainers); private shoppers per order.
        p_c = np.minimum(_COMPLAINT_P[seg] * c["demanding"], 0.5)
        n_c = np.where(b2b, rng.random(n) < p_c * (orders_all > 0), rng.binomial(orders_all, p_c))
        n_c = n_c.astype("int64")
        cidx = np.repeat(np.arange(n), n_c)
        clo = np.where(c["pre"], ms, np.maximum(ms, first_order))[cidx]
        chi = np.maximum(np.minimum(me, death + 1)[cidx], clo + 1)
        cday = clo + np.floor(rng.random(len(cidx)) * (chi - clo)).astype("int64")
        ccat = _choice_rows(rng, _FB_CAT_P, (~b2b[cidx]).astype(int))
        cunres = rng.random(len(cidx)) < _FB_UNRESOLVED_P[ccat]
        k_cust.append(cidx)
        k_day.append(cday)
        k_cat.append(ccat)
        k_unres.append(cunres)
        unresolved[cidx[cunres]] = True
        resolved[cidx[~cunres]] = True
        # A bad answer to a complaint makes some clients start leaving at once.
        quit_now = np.zeros(n, dtype=bool)
        quit_now[cidx[cunres & (rng.random(len(cidx)) < _QUIT_AFTER_UNRESOLVED)]] = True
        quit_now &= status == 1
        fade_len[quit_now] = 2
        fade_pos[quit_now] = 0
        status[quit_now] = 2
        trigger_day[quit_now] = ms
    first = ~c["pre"] & ~c["never"] & (first_order <= end_day)
    o_cust.append(np.flatnonzero(first))
    o_day.append(first_order[first])
    return {
        "o_cust": np.concatenate(o_cust),
        "o_day": np.concatenate(o_day),
        "death": death,
        "k_cust": np.concatenate(k_cust),
        "k_day": np.concatenate(k_day),
        "k_cat": np.concatenate(k_cat),
        "k_unres": np.concatenate(k_unres),
        "trigger_day": trigger_day,
        "unresolved": unresolved,
    }


def _order_minutes(rng: np.random.Generator, b2b: np.ndarray) -> np.ndarray:
    """Time of day (minutes): business hours for B2B, evenings-heavy for private shoppers."""
    n = len(b2b)
    hour_p = np.array(
        [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.6, 3.4, 3.8,
         4.0, 4.2, 3.9, 3.6, 3.8, 4.8, 6.2, 7.4, 8.2, 7.6, 5.0, 2.0],
    )
    hour_p = hour_p / hour_p.sum()
    b2c_hour = rng.choice(24, size=n, p=hour_p)
    b2b_min = 9 * 60 + rng.integers(0, 9 * 60, size=n)
    b2c_min = b2c_hour * 60 + rng.integers(0, 60, size=n)
    return np.where(b2b, b2b_min, b2c_min)


def _build_transactions(
    rng: np.random.Generator, c: dict, sim: dict, start_day: int, end_day: int
) -> tuple[pd.DataFrame, dict]:
    seg, b2b = c["seg"], c["b2b"]
    cust = sim["o_cust"]
    day = sim["o_day"].copy()
    # Offices and shops order on weekdays: move weekend orders back to Friday (not before signup).
    wd = (day + 3) % 7  # 0 = Monday
    shift = np.where(wd == 5, 1, np.where(wd == 6, 2, 0)) * np.isin(seg[cust], (_OFFICE, _RETAIL))
    ok = (day - shift > c["signup"][cust]) & (day - shift >= start_day)
    day = np.where(ok, day - shift, day)
    minute = _order_minutes(rng, b2b[cust])
    order = np.lexsort((cust, minute, day))
    cust, day, minute = cust[order], day[order], minute[order]
    n_orders = len(cust)
    oseg = seg[cust]
    # Channel of the order.
    u = rng.random(n_orders)
    online_ch = np.where(u < 0.85, c["chan_pref"][cust], 1 + (rng.integers(0, 3, n_orders)))
    chan = np.select(
        [oseg == _CAFE, oseg == _OFFICE, oseg == _RETAIL],
        [np.where(u < 0.85, 0, 1), np.where(u < 0.5, 0, 1), np.zeros(n_orders, dtype=int)],
        online_ch,
    )
    promo = (oseg == _ONLINE) & (rng.random(n_orders) < 0.12)
    year = (day.astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970)
    price_idx = np.select([year <= 2023, year == 2024], [1.0, _PRICE_INDEX[2024]], _PRICE_INDEX[2025])
    cost_idx = np.select([year <= 2023, year == 2024], [1.0, _COST_INDEX[2024]], _COST_INDEX[2025])
    # Lines: distinct products per order (Gumbel top-k sampling without replacement).
    # Offices mostly repeat a standing order: the same products and quantities every time.
    n_c = len(seg)
    standing = (oseg == _OFFICE) & (rng.random(n_orders) < _STANDING_ORDER_P)
    k_client = 1 + np.minimum(rng.poisson(_EXTRA_LINES[seg]), 4)
    k = np.where(standing, k_client[cust], 1 + np.minimum(rng.poisson(_EXTRA_LINES[oseg]), 4))
    with np.errstate(divide="ignore"):
        keys_client = np.log(_PROD_P[seg]) + rng.gumbel(size=(n_c, _N_PROD))
        keys = np.log(_PROD_P[oseg]) + rng.gumbel(size=(n_orders, _N_PROD))
    keys = np.where(standing[:, None], keys_client[cust], keys)
    ranked = np.argsort(-keys, axis=1, kind="stable")
    li = np.repeat(np.arange(n_orders), k)
    pos = np.arange(len(li)) - np.repeat(np.cumsum(k) - k, k)
    prod = ranked[li, pos]
    lseg = oseg[li]
    mean_q = _PROD_Q[lseg, prod] * c["size"][cust[li]]
    qty = 1 + rng.poisson(np.maximum(mean_q - 1.0, 0.0))
    qty = np.where(standing[li], np.maximum(1, np.rint(mean_q)), qty).astype("int64")
    qty = np.where(np.isin(prod, _SERVICE_LIKE), 1, qty)
    list_price = np.array([p[1] for p in PRODUCTS])[prod]
    unit_cost_0 = np.array([p[2] for p in PRODUCTS])[prod]
    unit_price = _round_cents(
        list_price
        * price_idx[li]
        * _SEG_DISCOUNT[lseg]
        * np.where(chan[li] == 2, 1.05, 1.0)
        * np.where(promo[li], 0.85, 1.0)
    )
    unit_cost = unit_cost_0 * cost_idx[li] * (1.0 + 0.02 * rng.standard_normal(len(li)))
    amount = _round_cents(qty * unit_price)
    cost = _round_cents(qty * unit_cost)
    l_prod_name = prod
    # Gifts: a tasting set at zero price now and then.
    gift = rng.random(n_orders) < np.where(b2b[cust], 0.005, 0.002)
    gi = np.flatnonzero(gift)
    # Returns: about 2% of lines, either on the same order or as a separate return document.
    can_return = ~np.isin(prod, _SERVICE_LIKE)
    ret = can_return & (rng.random(len(li)) < 0.021)
    ri = np.flatnonzero(ret)
    r_qty = np.where(rng.random(len(ri)) < 0.5, qty[ri], 1 + np.floor(rng.random(len(ri)) * qty[ri]))
    r_minutes = (
        day[li[ri]] * 1440 + minute[li[ri]] + rng.integers(1, 15, len(ri)) * 1440
        + rng.integers(-180, 180, len(ri))
    )
    keep_r = r_minutes < (end_day + 1) * 1440
    ri, r_qty, r_minutes = ri[keep_r], r_qty[keep_r], r_minutes[keep_r]
    separate = rng.random(len(ri)) < 0.4
    # Assemble: (minutes, order number, is return doc, customer, product, qty, amount, cost, chan)
    o_minutes = day * 1440 + minute
    width = max(6, len(str(n_orders)))
    order_no = np.arange(1, n_orders + 1)
    parts = {
        "minutes": [o_minutes[li], o_minutes[gi], r_minutes],
        "ord": [order_no[li], order_no[gi], order_no[li[ri]]],
        "ret_doc": [np.zeros(len(li), bool), np.zeros(len(gi), bool), separate],
        "cust": [cust[li], cust[gi], cust[li[ri]]],
        "prod": [l_prod_name, np.full(len(gi), _N_PROD), prod[ri]],
        "qty": [qty.astype(float), np.ones(len(gi)), -r_qty.astype(float)],
        "amount": [amount, np.zeros(len(gi)), -_round_cents(r_qty * unit_price[ri])],
        "cost": [
            cost,
            _round_cents(np.full(len(gi), GIFT_PRODUCT[1]) * cost_idx[gi]),
            -_round_cents(r_qty * unit_cost[ri]),
        ],
        "chan": [chan[li], chan[gi], chan[li[ri]]],
    }
    a = {k_: np.concatenate(v) for k_, v in parts.items()}
    # Separate return documents get their own numbers, in time order.
    sep = np.flatnonzero(a["ret_doc"])
    sep = sep[np.lexsort((a["ord"][sep], a["minutes"][sep]))]
    r_no = np.zeros(len(a["ord"]), dtype="int64")
    r_no[sep] = np.arange(1, len(sep) + 1)
    row_order = np.lexsort((a["prod"], a["ret_doc"], r_no, a["ord"], a["minutes"]))
    a = {k_: v[row_order] for k_, v in a.items()}
    r_no = r_no[row_order]
    order_ids = np.where(
        a["ret_doc"],
        np.array(_ids(r_no, "R", width), dtype=object),
        np.array(_ids(a["ord"], "S", width), dtype=object),
    )
    prod_names = np.array([p[0] for p in PRODUCTS] + [GIFT_PRODUCT[0]], dtype=object)
    tx = pd.DataFrame(
        {
            "customer_id": a["cust"],  # index into customers; replaced by the id string later
            "date": _to_datetime(np.zeros(len(a["minutes"]), "int64"), a["minutes"]),
            "amount": a["amount"],
            "order_id": _string(order_ids),
            "quantity": a["qty"],
            "cost": a["cost"],
            "product": _string(prod_names[a["prod"]]),
            "channel": _string(np.array(CHANNELS, dtype=object)[a["chan"]]),
        }
    )
    stats = {"o_cust": cust, "o_day": day, "n_orders": n_orders}
    return tx, stats


def _names(rng: np.random.Generator, seg: np.ndarray) -> list[str]:
    """Fake Russian client names: cafés, offices, shops, private persons."""
    n = len(seg)
    pick = lambda seq, size: np.array(seq, dtype=object)[rng.integers(0, len(seq), size)]  # noqa: E731
    w1, w2 = pick(_CAFE_WORDS, n), pick(_OFFICE_A, n)
    w3, w4 = pick(_OFFICE_B, n), pick(_RETAIL_A, n)
    w5 = pick(_RETAIL_B, n)
    sur, male, female = pick(_SURNAMES, n), pick(_MALE, n), pick(_FEMALE, n)
    ini1, ini2 = pick(tuple(_INITIALS), n), pick(tuple(_INITIALS), n)
    is_f = rng.random(n) < 0.55
    form = rng.random(n)
    out: list[str] = []
    seen: dict[str, int] = {}
    for i in range(n):
        s = seg[i]
        surname = sur[i] + ("а" if is_f[i] else "")
        if s == _CAFE:
            name = (
                f"ИП {surname} {ini1[i]}. {ini2[i]}."
                if form[i] < 0.3
                else f"ООО «Кофейня {w1[i]}»"
            )
        elif s == _OFFICE:
            name = f"{'АО' if form[i] < 0.25 else 'ООО'} «{w2[i]}{w3[i]}»"
        elif s == _RETAIL:
            name = f"ООО «{w4[i]} {w5[i]}»" if form[i] < 0.7 else f"ИП {surname} {ini1[i]}. {ini2[i]}."
        else:
            name = f"{surname} {female[i] if is_f[i] else male[i]}"
        if s != _ONLINE:
            k_ = seen.get(name, 0) + 1
            seen[name] = k_
            if k_ > 1:
                name = f"{name} ({k_})"
        out.append(name)
    return out


def _referrers(rng: np.random.Generator, c: dict, sim: dict) -> np.ndarray:
    """Pick who referred each client that came by recommendation (-1 = not recorded)."""
    n = len(c["seg"])
    ref = np.full(n, -1, dtype="int64")
    referred = np.flatnonzero(c["source"] == SOURCES.index("рекомендация"))
    # Advocacy: a few happy, loyal clients bring most referrals.
    advocacy = np.exp(0.8 * c["sat"] + 0.6 * rng.standard_normal(n))
    bought = ~c["never"]
    start = np.where(c["pre"], c["signup"], c["signup"])
    order = referred[np.argsort(c["signup"][referred], kind="stable")]
    for i in order:
        if rng.random() < 0.15:
            continue
        s = c["signup"][i]
        ok = bought & (start <= s - 60) & (sim["death"] > s) & ~c["one_off"]
        if not ok.any():
            continue
        w = advocacy * ok * np.where(c["b2b"] == c["b2b"][i], 1.0, 0.15)
        w = w / w.sum()
        ref[i] = int(rng.choice(n, p=w))
        advocacy[ref[i]] *= 0.75  # each further referral by the same client is less likely
    return ref


def _build_feedback(
    rng: np.random.Generator, c: dict, sim: dict, ostats: dict, end_day: int
) -> pd.DataFrame:
    n = len(c["seg"])
    b2b = c["b2b"]
    cats = np.array(_FB_CATS, dtype=object)
    # Complaints (generated inside the simulation because they change the hazard).
    kc, kd, kcat, kun = sim["k_cust"], sim["k_day"], sim["k_cat"], sim["k_unres"]
    days = np.rint(np.exp(np.log(_FB_DAYS[kcat]) + 0.6 * rng.standard_normal(len(kc))))
    res = np.where(kun, -1, kd + days.astype("int64"))
    res = np.where(res > end_day, -1, res)
    fast = days <= _FB_DAYS[kcat]
    score_c = np.where(
        res < 0,
        rng.integers(1, 3, len(kc)),
        np.where(fast, rng.integers(4, 6, len(kc)), rng.integers(3, 5, len(kc))),
    )
    # Orders per client, to draw questions and praise on real order dates.
    oc, od = ostats["o_cust"], ostats["o_day"]
    od_s = od[np.argsort(oc, kind="stable")]
    n_ord = np.bincount(oc, minlength=n)
    first_pos = np.cumsum(n_ord) - n_ord

    def on_orders(counts: np.ndarray, lag_max: int) -> tuple[np.ndarray, np.ndarray]:
        idx = np.repeat(np.arange(n), counts)
        pick = first_pos[idx] + np.floor(rng.random(len(idx)) * n_ord[idx]).astype("int64")
        d = np.minimum(od_s[pick] + rng.integers(0, lag_max + 1, len(idx)), end_day)
        return idx, d

    q_idx, q_day = on_orders(np.minimum(rng.poisson(0.022 * n_ord), 6), 3)
    q_cat = _choice_rows(rng, _FB_CAT_P, (~b2b[q_idx]).astype(int))
    q_res = np.where(rng.random(len(q_idx)) < 0.96, q_day + rng.integers(0, 3, len(q_idx)), -1)
    q_res = np.where(q_res > end_day, -1, q_res)
    q_score = rng.integers(4, 6, len(q_idx))
    p_idx, p_day = on_orders(np.minimum(rng.poisson(0.009 * n_ord * np.exp(0.6 * c["sat"])), 5), 2)
    p_cat = _choice_rows(rng, _FB_CAT_P, (~b2b[p_idx]).astype(int))
    p_score = np.where(rng.random(len(p_idx)) < 0.8, 5, 4)
    # Refusals (отказные листы): a reason recorded when a client says they are leaving.
    dead = (sim["death"] <= end_day) & (n_ord > 1)
    says = dead & (rng.random(n) < np.where(b2b, 0.5, 0.05))
    r_idx = np.flatnonzero(says)
    r_day = np.minimum(sim["death"][r_idx] + rng.integers(0, 21, len(r_idx)), end_day)
    refusal_p = np.array(
        [
            [0.20, 0.20, 0.10, 0.05, 0.30, 0.10, 0.05, 0.0, 0.0],
            [0.30, 0.20, 0.0, 0.0, 0.35, 0.0, 0.0, 0.15, 0.0],
        ]
    )
    r_cat = _choice_rows(rng, refusal_p, (~b2b[r_idx]).astype(int))
    # A client who leaves after an unresolved complaint names that complaint's topic.
    last_unres = np.full(n, -1, dtype="int64")
    un = np.flatnonzero(kun)
    last_unres[kc[un]] = kcat[un]  # later complaints overwrite earlier ones (time order)
    has_un = last_unres[r_idx] >= 0
    r_cat = np.where(has_un, last_unres[r_idx], r_cat)
    r_score = np.where(rng.random(len(r_idx)) < 0.5, rng.integers(1, 3, len(r_idx)), 0)

    kinds = np.concatenate(
        [
            np.zeros(len(kc), int),
            np.ones(len(q_idx), int),
            np.full(len(p_idx), 2),
            np.full(len(r_idx), 3),
        ]
    )
    cust = np.concatenate([kc, q_idx, p_idx, r_idx])
    day = np.concatenate([kd, q_day, p_day, r_day])
    cat = np.concatenate([kcat, q_cat, p_cat, r_cat])
    resd = np.concatenate([res, q_res, p_day, np.full(len(r_idx), -1)])
    score = np.concatenate([score_c, q_score, p_score, r_score]).astype(float)
    score[score == 0] = np.nan
    score[rng.random(len(score)) < 0.3] = np.nan
    channel = _choice_rows(rng, _FB_CHANNEL_P, (~b2b[cust]).astype(int))
    texts = np.empty(len(cust), dtype=object)
    u = rng.random(len(cust))
    for j in range(len(cust)):
        pool = _FB_TEXT[(FEEDBACK_KINDS[kinds[j]], str(cats[cat[j]]))]
        texts[j] = pool[int(u[j] * len(pool))]
    order = np.lexsort((kinds, cust, day))
    fb = pd.DataFrame(
        {
            "customer_id": cust[order],
            "date": _to_datetime(day[order]),
            "kind": pd.Categorical.from_codes(kinds[order], categories=list(FEEDBACK_KINDS)),
            "category": _string(cats[cat[order]]),
            "channel": _string(np.array(_FB_CHANNELS, dtype=object)[channel[order]]),
            "resolved_date": pd.Series(
                np.where(resd[order] >= 0, _to_datetime(np.maximum(resd[order], 0)), np.datetime64("NaT"))
            ).astype("datetime64[ns]"),
            "score": pd.array(score[order], dtype="Int64"),
            "text": _string(texts[order]),
        }
    )
    return fb


def _build_survey(
    rng: np.random.Generator, c: dict, sim: dict, ostats: dict, n_customers: int
) -> pd.DataFrame:
    n = len(c["seg"])
    s_day = _days(_SURVEY_START)
    n_resp = max(30, int(round(500 * n_customers / 3000)))
    n_linked_target = int(round(0.6 * n_resp))
    first_buy = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first_buy, ostats["o_cust"], ostats["o_day"])
    pool = (first_buy < s_day) & (sim["death"] > s_day)
    w = np.where(c["b2b"], 4.0, 1.0)
    with np.errstate(divide="ignore"):
        keys = np.where(pool, np.log(w) + rng.gumbel(size=n), -np.inf)
    n_linked = min(n_linked_target, int(pool.sum()))
    linked = np.argsort(-keys, kind="stable")[:n_linked]
    n_anon = n_resp - n_linked
    # Unhappy after an unresolved complaint before the survey.
    unres_before = np.zeros(n, dtype=bool)
    hit = sim["k_unres"] & (sim["k_day"] < s_day)
    unres_before[sim["k_cust"][hit]] = True
    r_seg = np.concatenate([c["seg"][linked], rng.choice(4, size=n_anon, p=[0.15, 0.2, 0.1, 0.55])])
    r_sat = np.concatenate(
        [c["sat"][linked] - 0.9 * unres_before[linked], 0.95 * rng.standard_normal(n_anon)]
    )
    r_cust = np.concatenate([linked, np.full(n_anon, -1)])
    r_day = s_day + rng.integers(0, _SURVEY_DAYS, n_resp)
    order = np.lexsort((r_cust, r_day))
    r_seg, r_sat, r_cust, r_day = r_seg[order], r_sat[order], r_cust[order], r_day[order]
    n_attr = len(SURVEY_ATTRIBUTES)
    ri = np.repeat(np.arange(n_resp), n_attr)
    ai = np.tile(np.arange(n_attr), n_resp)
    m = len(ri)

    def scale(x: np.ndarray, p_missing: float) -> np.ndarray:
        v = np.clip(np.rint(x), 1, 5)
        v[rng.random(m) < p_missing] = np.nan
        return v

    imp_noise = rng.standard_normal(m)
    importance = scale(_ATTR_IMP[ai, r_seg[ri]] + 0.7 * imp_noise, 0.02)
    performance = scale(_ATTR_PERF[ai] + 0.55 * r_sat[ri] + 0.7 * rng.standard_normal(m), 0.02)
    expectation = scale(
        _ATTR_EXP[ai] + 0.3 * imp_noise + 0.6 * rng.standard_normal(m), 0.03
    )
    competitor = scale(_ATTR_COMP[ai] + 0.8 * rng.standard_normal(m), 0.08)
    # Kano pairs: the attribute's true class most of the time, noise otherwise.
    classes = ("A", "O", "M", "I", "R", "Q")
    noise_p = np.array([0.15, 0.12, 0.13, 0.50, 0.06, 0.04])
    truth = np.array([classes.index(KANO_TRUTH[a]) for a in SURVEY_ATTRIBUTES])
    cls = np.where(
        rng.random(m) < 0.62, truth[ai], rng.choice(len(classes), size=m, p=noise_p)
    )
    u = rng.random(m)
    kf = np.empty(m)
    kd = np.empty(m)
    for ci, name in enumerate(classes):
        sel = cls == ci
        pairs = np.array(_KANO_PAIRS[name])
        pick = pairs[np.floor(u[sel] * len(pairs)).astype(int)]
        kf[sel], kd[sel] = pick[:, 0], pick[:, 1]
    skip_kano = (rng.random(n_resp) < 0.08)[ri]
    kf[skip_kano] = np.nan
    kd[skip_kano] = np.nan
    nps_anon = np.clip(np.rint(7.0 + 1.5 * r_sat + 1.0 * rng.standard_normal(n_resp)), 0, 10)
    nps_linked = np.clip(c["nps"][np.maximum(r_cust, 0)] - 2 * unres_before[np.maximum(r_cust, 0)], 0, 10)
    nps_r = np.where(r_cust >= 0, nps_linked, nps_anon)
    # Comments on some rows, negative where the attribute was rated low.
    has_comment = rng.random(m) < 0.07
    u2, u3 = rng.random(m), rng.random(m)
    neg = np.where(np.isnan(performance), True, np.where(performance <= 2, True, np.where(performance >= 4, False, u3 < 0.5)))
    comments = np.full(m, None, dtype=object)
    for j in np.flatnonzero(has_comment):
        pool_ = _SURVEY_COMMENTS[SURVEY_ATTRIBUTES[ai[j]]][0 if neg[j] else 1]
        comments[j] = pool_[int(u2[j] * len(pool_))]
    width = max(4, len(str(n_resp)))
    resp_ids = np.array(_ids(np.arange(1, n_resp + 1), "R", width), dtype=object)
    survey = pd.DataFrame(
        {
            "respondent_id": _string(resp_ids[ri]),
            "customer_id": r_cust[ri],  # index; replaced by the id string later
            "attribute": _string(np.array(SURVEY_ATTRIBUTES, dtype=object)[ai]),
            "importance": pd.array(importance, dtype="Int64"),
            "performance": pd.array(performance, dtype="Int64"),
            "expectation": pd.array(expectation, dtype="Int64"),
            "competitor_performance": pd.array(competitor, dtype="Int64"),
            "kano_functional": pd.array(kf, dtype="Int64"),
            "kano_dysfunctional": pd.array(kd, dtype="Int64"),
            "nps": pd.array(nps_r[ri], dtype="Int64"),
            "comment": _string(comments),
            "date": _to_datetime(r_day[ri]),
        }
    )
    return survey


def _build_leads(rng: np.random.Generator, c: dict, end_day: int) -> pd.DataFrame:
    from_day = _days(_LEADS_FROM)
    src_names = list(FUNNEL_CONVERSION)
    src_codes = np.array([SOURCES.index(s) for s in src_names])
    conv = c["b2b"] & ~c["pre"] & (c["signup"] >= from_day + 30) & np.isin(c["source"], src_codes)
    ci = np.flatnonzero(conv)
    lag = 7 + rng.integers(0, 41, len(ci))
    l_day = [np.maximum(c["signup"][ci] - lag, from_day)]
    l_cust = [ci]
    l_src = [c["source"][ci]]
    l_stage = [np.full(len(ci), 3)]
    for code, name in zip(src_codes, src_names, strict=True):
        p1, p2, p3 = FUNNEL_CONVERSION[name]
        d = int((c["source"][ci] == code).sum())
        meet = int(round(d / p3))
        prop = int(round(meet / p2))
        calls = int(round(prop / p1))
        for stage, k_ in ((2, meet - d), (1, prop - meet), (0, calls - prop)):
            l_day.append(from_day + rng.integers(0, end_day - 7 - from_day, k_))
            l_cust.append(np.full(k_, -1))
            l_src.append(np.full(k_, code))
            l_stage.append(np.full(k_, stage))
    day = np.concatenate(l_day)
    cust = np.concatenate(l_cust)
    src = np.concatenate(l_src)
    stage = np.concatenate(l_stage)
    order = np.lexsort((cust, stage, src, day))
    width = max(5, len(str(len(day))))
    return pd.DataFrame(
        {
            "lead_id": _string(_ids(np.arange(1, len(day) + 1), "L", width)),
            "customer_id": cust[order],
            "source": _string(np.array(SOURCES, dtype=object)[src[order]]),
            "stage": pd.Categorical.from_codes(stage[order], categories=list(LEAD_STAGES), ordered=True),
            "date": _to_datetime(day[order]),
        }
    )


def generate_sample(
    seed: int = 42,
    n_customers: int = 3000,
    start: str = "2023-01-01",
    end: str = "2025-12-31",
) -> dict[str, pd.DataFrame]:
    """Generate the sample business: five canonical tables, deterministic for a seed.

    Parameters
    ----------
    seed : int, default 42
        Seed of ``numpy.random.default_rng``; the same seed gives identical tables.
    n_customers : int, default 3000
        Number of clients in the CRM (some never buy; some joined before ``start``).
    start, end : str
        First and last day of the transaction history.

    Returns
    -------
    dict of str to DataFrame
        ``transactions``, ``customers``, ``survey``, ``feedback`` and ``leads`` with the
        canonical columns and dtypes of :mod:`workbench.schema`. ``customers`` also carries
        ``referred_by`` (the client who recommended this one, when known).

    Notes
    -----
    The business is a fictional coffee roaster; see the module docstring and
    ``data/samples/README.md`` for the planted structure (segments, loyalty ladder, churn driven
    by behaviour and by unresolved complaints, Kano classes and IPA quadrants).

    Examples
    --------
    >>> tables = generate_sample(seed=1, n_customers=200)
    >>> sorted(tables)
    ['customers', 'feedback', 'leads', 'survey', 'transactions']
    """
    return _generate(seed, n_customers, start, end)[0]


def _generate(seed: int, n_customers: int, start: str, end: str) -> tuple[dict, dict]:
    """The sample's tables and the simulation state behind them (for the first round)."""
    if int(n_customers) < 20:
        raise WorkbenchError(f"n_customers must be at least 20; got {n_customers!r}")
    start_day, end_day = _days(start), _days(end)
    if end_day - start_day < 180:
        raise WorkbenchError(
            f"the sample needs at least 180 days between start and end; got {start!r} to {end!r}"
        )
    if pd.Timestamp(_SURVEY_START) >= pd.Timestamp(end) or pd.Timestamp(_LEADS_FROM) >= pd.Timestamp(end):
        raise WorkbenchError(f"end must be after {_SURVEY_START} (the survey wave); got {end!r}")
    rng = np.random.default_rng(seed)
    n = int(n_customers)
    c = _make_customers(rng, n, start_day, end_day)
    sim = _simulate(rng, c, start_day, end_day)
    tx, ostats = _build_transactions(rng, c, sim, start_day, end_day)
    ref = _referrers(rng, c, sim)
    fb = _build_feedback(rng, c, sim, ostats, end_day)
    survey = _build_survey(rng, c, sim, ostats, n)
    leads = _build_leads(rng, c, end_day)
    # Client codes follow registration order, as in a real CRM.
    rank = np.empty(n, dtype="int64")
    rank[np.lexsort((np.arange(n), c["signup"]))] = np.arange(n)
    codes = np.array(_ids(rank + 1, "", 6), dtype=object)

    def code_of(idx: np.ndarray) -> pd.arrays.StringArray:
        idx = np.asarray(idx)
        vals = np.where(idx >= 0, codes[np.maximum(idx, 0)], None)
        return _string(vals)

    order = np.argsort(rank, kind="stable")
    customers = pd.DataFrame(
        {
            "customer_id": _string(codes[order]),
            "name": _string(np.array(_names(rng, c["seg"]), dtype=object)[order]),
            "type": _string(np.array(_SEG_TYPE, dtype=object)[c["seg"][order]]),
            "segment": _string(np.array(SEGMENTS, dtype=object)[c["seg"][order]]),
            "region": _string(np.array(REGIONS, dtype=object)[c["region"][order]]),
            "source": _string(np.array(SOURCES, dtype=object)[c["source"][order]]),
            "signup_date": _to_datetime(c["signup"][order]),
            "referred_by": code_of(ref[order]),
        }
    )
    for frame in (tx, survey, fb, leads):
        frame["customer_id"] = code_of(frame["customer_id"].to_numpy())
    tables = {
        "transactions": tx,
        "customers": customers,
        "survey": survey,
        "feedback": fb,
        "leads": leads,
    }
    state = {"c": c, "sim": sim, "codes": codes, "n_orders": ostats["n_orders"],
             "start_day": start_day, "end_day": end_day, "seed": seed}
    return {name: normalize_dtypes(frame, name) for name, frame in tables.items()}, state


# ---------------------------------------------------------------------------------------------
# The first round: a campaign from the lists of the last day and the next quarter's sales
# ---------------------------------------------------------------------------------------------

#: Days of sales after the history that the sample's follow-up export covers (one quarter).
FIRST_ROUND_DAYS = 90
#: The planted effect of the sample's first round, per list: the share of the contacted
#: clients who would not have bought in the quarter (they stop during it, or had already
#: stopped) whom the contact keeps, or brings back, buying at their own pace. Control clients
#: get no contact, so for them the quarter runs on as the history did.
FIRST_ROUND_EFFECT: dict[str, float] = {"retain": 0.5, "engage": 0.1, "win_back": 0.04}
#: The offer and channel of each list (the roaster's own wording).
FIRST_ROUND_OFFERS: dict[str, tuple[str, str]] = {
    "retain": ("Звонок персонального менеджера; условия за объём", "personal_manager"),
    "engage": ("Письмо: скидка 10 % на следующий заказ", "mass"),
    "win_back": ("Письмо: предложение для возвращения", "mass"),
}
#: The success rate the sample's step 5 assumed (its workshop file's decision).
FIRST_ROUND_ASSUMED = 0.3


def first_round_lists(tx: pd.DataFrame, customers: pd.DataFrame, asof: str | pd.Timestamp
                      ) -> pd.DataFrame:
    """The lists of the sample's first round, by a rule on the history alone.

    The roaster's sales team did not wait for a model: **retain** — business clients who
    bought in the last year but not in the last 45 days (overdue: a manager calls with volume
    terms); **engage** — private shoppers with two or more orders, the last one 60 to 180
    days ago (an e-mail with 10 % off the next order); **win_back** — clients whose last
    purchase was 180 to 540 days ago (an e-mail with a comeback offer).

    Parameters
    ----------
    tx, customers : DataFrame
        Canonical transactions and customers.
    asof : date-like
        The lists' date (the history's last day).

    Returns
    -------
    DataFrame
        Index ``customer_id``; ``list``, ``offer``, ``channel``.
    """
    asof_ts = pd.Timestamp(asof).normalize()
    paid = tx[(tx["amount"] > 0) & (tx["date"] < asof_ts + pd.Timedelta(days=1))]
    per = paid.groupby("customer_id", observed=True).agg(
        last=("date", "max"), orders=("order_id", "nunique"))
    recency = (asof_ts - per["last"].dt.normalize()).dt.days
    kind = customers.set_index("customer_id")["type"].reindex(per.index)
    rule = np.select(
        [(kind == "B2B").to_numpy() & (recency > 45).to_numpy() & (recency <= 365).to_numpy(),
         (kind == "B2C").to_numpy() & (per["orders"] >= 2).to_numpy()
         & (recency > 60).to_numpy() & (recency <= 180).to_numpy(),
         (recency > 180).to_numpy() & (recency <= 540).to_numpy()],
        ["retain", "engage", "win_back"], "")
    lists = pd.DataFrame({"list": rule}, index=per.index.astype("string"))
    lists = lists[lists["list"] != ""]
    lists["offer"] = [FIRST_ROUND_OFFERS[k][0] for k in lists["list"]]
    lists["channel"] = [FIRST_ROUND_OFFERS[k][1] for k in lists["list"]]
    return lists.sort_index()


def _first_round(tables: dict[str, pd.DataFrame], state: dict) -> tuple[Any, pd.DataFrame]:
    """The campaign record of the last day and the next quarter's transactions.

    The control draw is :func:`workbench.campaign.campaign_from_lists` (10 %, seed = the
    date); the quarter continues every client's life with a random stream of its own (the
    history's files do not move): active clients keep their pace and stop at their monthly
    hazard, clients already fading stop within six weeks, lapsed clients come back now and
    then; a contacted client is kept (or brought back) with the list's planted effect.
    """
    from workbench.campaign import campaign_from_lists

    c, sim, codes = state["c"], state["sim"], state["codes"]
    end_day, seed = state["end_day"], state["seed"]
    n = len(c["seg"])
    seg, b2b = c["seg"], c["b2b"]
    asof = pd.Timestamp(end_day * 86_400_000_000_000)
    lists = first_round_lists(tables["transactions"], tables["customers"], asof)
    campaign = campaign_from_lists(lists, asof=asof, window=f"{FIRST_ROUND_DAYS}D",
                                   control_share=0.1, success_rate=FIRST_ROUND_ASSUMED,
                                   currency="RUB")
    index_of = {code: i for i, code in enumerate(codes)}
    treated = np.zeros(n, dtype=bool)
    effect = np.zeros(n)
    for cid, row in campaign.clients.iterrows():
        i = index_of[str(cid)]
        if row["group"] == "treated":
            treated[i] = True
            effect[i] = FIRST_ROUND_EFFECT[str(row["list"])]
    rng = np.random.default_rng(np.random.SeedSequence([int(seed), 1, end_day]))
    q0, q1 = end_day + 1, end_day + 1 + FIRST_ROUND_DAYS
    never = np.iinfo(np.int64).max // 4
    started = (c["signup"] <= end_day) & ~c["never"]
    alive = started & (sim["death"] > end_day)
    fading = alive & (sim["trigger_day"] >= end_day - 120)
    base_h = _BASE_HAZARD[seg] * _SRC_HAZARD[c["source"]] * c["frailty"]
    base_h = base_h * np.select(
        [c["nps"] <= 6, c["nps"] >= 9], [NPS_HAZARD["detractor"], NPS_HAZARD["promoter"]], 1.0)
    base_h = base_h * np.where(sim["unresolved"], COMPLAINT_HAZARD["unresolved"], 1.0)
    months = _month_starts(q0, q1 - 1)
    leave = np.full(n, never, dtype="int64")
    leave[fading] = q0 + rng.integers(0, 45, int(fading.sum()))
    for m in range(len(months) - 1):
        ms, me = int(months[m]), int(months[m + 1])
        trig = alive & (leave == never) & (rng.random(n) < np.minimum(base_h, 0.9))
        leave[trig] = ms + np.floor(rng.random(int(trig.sum())) * (me - ms)).astype("int64")
    would_leave = alive & (leave < q1)
    kept = would_leave & treated & (rng.random(n) < effect)
    leave[kept] = never
    lapsed = started & ~alive
    back = lapsed & treated & (rng.random(n) < effect)
    come = np.where(back, q0 + rng.integers(0, 30, n), never)
    o_cust, o_day = [], []
    for m in range(len(months) - 1):
        ms, me = int(months[m]), int(months[m + 1])
        moy = int(pd.Timestamp(ms * 86_400_000_000_000).month) - 1
        active = alive | back
        lo = np.maximum(ms, np.where(back, come, ms))
        hi = np.minimum(me, leave)
        frac = np.clip((hi - lo) / (me - ms), 0.0, 1.0) * active
        lam = c["rate"] * SEASONALITY[seg, moy] * frac
        cnt = rng.poisson(np.where(seg == _OFFICE, 0.0, lam))
        p_off = np.minimum(0.97, 0.9 * SEASONALITY[_OFFICE, moy] * frac)
        cnt = np.where(seg == _OFFICE, (rng.random(n) < p_off).astype(int), cnt)
        cnt[hi <= lo] = 0
        idx = np.repeat(np.arange(n), cnt)
        o_cust.append(idx)
        o_day.append(lo[idx] + np.floor(rng.random(len(idx)) * (hi[idx] - lo[idx])).astype("int64"))
        # the lapsed who come back on their own, as in the history
        own = lapsed & ~back & (rng.random(n) < np.where(b2b, COMEBACK_P[0], COMEBACK_P[1]))
        oi = np.flatnonzero(own)
        o_cust.append(oi)
        o_day.append(ms + np.floor(rng.random(len(oi)) * (me - ms)).astype("int64"))
    follow = {"o_cust": np.concatenate(o_cust), "o_day": np.concatenate(o_day)}
    tx, _stats = _build_transactions(rng, c, follow, q0, q1 - 1)
    # order numbers continue the history's (S… orders, R… separate return documents)
    hist_ids = tables["transactions"]["order_id"].astype(str)
    offset = {"S": int(state["n_orders"]),
              "R": int(hist_ids[hist_ids.str.startswith("R")].nunique())}
    tx["order_id"] = _string(np.array(
        [f"{v[0]}{int(v[1:]) + offset[v[0]]:06d}" for v in tx["order_id"].astype(str)],
        dtype=object))
    tx["customer_id"] = _string(codes[tx["customer_id"].to_numpy()])
    return campaign, normalize_dtypes(tx, "transactions")


# ---------------------------------------------------------------------------------------------
# Writing the files
# ---------------------------------------------------------------------------------------------

_DATE_FORMATS = {
    ("transactions", "date"): "%Y-%m-%d %H:%M:%S",
}

#: Russian headers of the 1C-style export and the canonical column each one maps to.
RAW_COLUMNS: dict[str, str] = {
    "Дата": "date",
    "Документ": "order_id",
    "Контрагент": "customer_id",
    "Номенклатура": "product",
    "Количество": "quantity",
    "Сумма": "amount",
    "Себестоимость": "cost",
    "Канал продаж": "channel",
}
_RAW_EXTRA = "Склад"  # a column the analysis does not need


def _csv_frame(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Turn a canonical table into text columns with fixed formats (byte-stable output)."""
    spec = table_spec(table)
    out = {}
    for col in frame.columns:
        s = frame[col]
        dtype = spec.dtype(col) if col in spec.names else "string"
        if dtype == "datetime":
            fmt = _DATE_FORMATS.get((table, col), "%Y-%m-%d")
            text = s.dt.strftime(fmt)
        elif dtype == "float":
            if col == "quantity" and bool((s.dropna() == np.round(s.dropna())).all()):
                text = s.map(lambda v: "" if pd.isna(v) else str(int(v)))
            else:
                text = s.map(lambda v: "" if pd.isna(v) else f"{v:.2f}")
        else:
            text = s.astype("string")
        out[col] = text.astype(object).where(text.notna(), "")
    return pd.DataFrame(out)


def _write_csv(frame: pd.DataFrame, table: str, path: Path) -> None:
    text = _csv_frame(frame, table).to_csv(index=False, lineterminator="\n")
    path.write_bytes(text.encode("utf-8"))


def _raw_number(rng: np.random.Generator, values: np.ndarray, decimals: int, suffix_p: float):
    """Format numbers as a Russian 1C export would: decimal comma, spaces between thousands."""
    style = rng.random(len(values))
    out = []
    for v, st in zip(values.tolist(), style.tolist(), strict=True):
        txt = f"{v:,.{decimals}f}"  # 12,345.00
        if st < 0.55:
            txt = txt.replace(",", "\u00a0").replace(".", ",")
        elif st < 1.0 - suffix_p:
            txt = txt.replace(",", "").replace(".", ",")
        else:
            txt = txt.replace(",", " ").replace(".", ",") + " руб."
        out.append(txt)
    return out


def raw_export_transactions(tx: pd.DataFrame) -> pd.DataFrame:
    """Return the transactions that the sample's raw 1C export holds: the last calendar year.

    The export is there to practise loading a messy file; one year of lines is enough for that
    and keeps the shipped sample small (the clean ``transactions.csv`` holds the full history).
    """
    first = pd.Timestamp(year=int(tx["date"].max().year), month=1, day=1)
    return tx.loc[tx["date"] >= first].reset_index(drop=True)


def _raw_export(tx: pd.DataFrame, seed: int) -> bytes:
    """The transactions as a messy 1C export: cp1251, ``;``, decimal commas, Russian headers.

    The same lines as the given transactions (in the shipped sample, the last calendar year of
    ``transactions.csv``; see :func:`raw_export_transactions`) plus ten deliberately bad rows: three with an empty
    counterparty, two with the impossible date 31.02.2024, two with the amount "н/д", and three
    exact duplicates of real lines. Rejecting the seven bad rows and dropping the three duplicates
    gives back exactly the canonical table.
    """
    rng = np.random.default_rng([seed, 1])
    n = len(tx)
    rows = pd.DataFrame(
        {
            "Дата": tx["date"].dt.strftime("%d.%m.%Y %H:%M").astype(object),
            "Документ": tx["order_id"].astype(object),
            "Контрагент": tx["customer_id"].astype(object),
            "Номенклатура": tx["product"].astype(object),
            "Количество": [s.replace(".", ",") for s in (f"{q:.3f}" for q in tx["quantity"])],
            "Сумма": _raw_number(rng, tx["amount"].to_numpy(), 2, 0.15),
            "Себестоимость": _raw_number(rng, tx["cost"].to_numpy(), 2, 0.0),
            "Канал продаж": tx["channel"].astype(object),
            _RAW_EXTRA: np.where(rng.random(n) < 0.8, "Основной", "Подольск"),
        }
    )
    records = rows.to_numpy(dtype=object).tolist()
    cols = list(rows.columns)
    picks = rng.choice(n, size=10, replace=False)
    bad: list[tuple[int, list]] = []
    for j, i in enumerate(picks.tolist()):
        row = list(records[i])
        if j < 3:
            row[cols.index("Контрагент")] = ""
        elif j < 5:
            row[cols.index("Дата")] = "31.02.2024 " + row[cols.index("Дата")][-5:]
        elif j < 7:
            row[cols.index("Сумма")] = "н/д"
        bad.append((i, row))  # j >= 7: an exact duplicate
    # Insert each bad row right after the line it copies (from the end, so indexes stay valid).
    for i, row in sorted(bad, key=lambda x: -x[0]):
        records.insert(i + 1, row)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(cols)
    writer.writerows(records)
    return buf.getvalue().encode("cp1251")


def _mapping_yaml() -> str:
    lines = [
        "# Column mapping for raw/transactions_1c_export.csv (source column: canonical column).",
        "# The file is cp1251, ';'-separated, with decimal commas and dd.mm.yyyy HH:MM dates;",
        f"# the column «{_RAW_EXTRA}» is not needed and is left out of the mapping.",
        "transactions:",
    ]
    lines += [f"  {src}: {dst}" for src, dst in RAW_COLUMNS.items()]
    return "\n".join(lines) + "\n"


def _facts(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Numbers quoted in the README, computed from the tables themselves."""
    tx, cu, sv, fb, ld = (tables[k] for k in SAMPLE_TABLES)
    pos = tx[tx["amount"] > 0]
    seg = cu.set_index("customer_id")["segment"]
    end = tx["date"].max()
    g = pos.groupby("customer_id")
    orders = g["order_id"].nunique()
    last = g["date"].max()
    lapsed = last < end - pd.Timedelta(days=180)
    comp = fb[fb["kind"] == "complaint"]
    unres = pd.Index(comp.loc[comp["resolved_date"].isna(), "customer_id"].unique())
    any_c = pd.Index(comp["customer_id"].unique())
    status = pd.Series("never", index=lapsed.index)
    status[lapsed.index.isin(any_c)] = "resolved"
    status[lapsed.index.isin(unres)] = "unresolved"
    b2b = seg.reindex(lapsed.index).ne("online").to_numpy()
    churn_b2b = lapsed[b2b].groupby(status[b2b]).mean()
    card = cu.set_index("customer_id").reindex(lapsed.index)
    churn_src = lapsed.groupby([card["type"], card["source"]]).mean()
    resp = sv.groupby("respondent_id").agg(nps=("nps", "first"), cid=("customer_id", "first"))
    linked = resp.dropna(subset=["cid"])
    left = linked["cid"].map(lapsed)
    nps_left = linked.groupby(left)["nps"].mean()
    per_seg = (orders.groupby(seg.reindex(orders.index)).mean()).round(1)
    aov = (pos.groupby("customer_id")["amount"].sum() / orders).groupby(seg.reindex(orders.index)).median()
    online = orders[seg.reindex(orders.index).eq("online").to_numpy()]
    return {
        "rows": {**{k: len(v) for k, v in tables.items()},
                 "raw": len(raw_export_transactions(tables["transactions"]))},
        "orders_per_client": per_seg.to_dict(),
        "median_order_value": aov.round(-1).to_dict(),
        "one_off_online": float((online == 1).mean()),
        "churn_b2b": churn_b2b.to_dict(),
        "churn_src": churn_src.to_dict(),
        "nps_left": nps_left.to_dict(),
        "returns": float((tx["amount"] < 0).mean()),
        "zero": int((tx["amount"] == 0).sum()),
        "respondents": int(len(resp)),
        "linked": int(len(linked)),
        "referrers": int(cu["referred_by"].nunique()),
        "referred": int(cu["referred_by"].notna().sum()),
        "top_referrals": int(cu["referred_by"].value_counts().max()) if cu["referred_by"].notna().any() else 0,
        "never_bought": int((~cu["customer_id"].isin(tx["customer_id"])).sum()),
        "feedback_kinds": fb["kind"].value_counts().reindex(list(FEEDBACK_KINDS)).to_dict(),
        "stages": ld["stage"].value_counts().reindex(list(LEAD_STAGES)).to_dict(),
        "deal_rate": ld.groupby("source", observed=True)["stage"].apply(lambda s: (s == "deal").mean()).to_dict(),
    }


def _pct(x: float) -> str:
    """A share as a whole percent in the README (English: ``12%``, as the locale formatter's
    ``percent(x, 0, "en")``; this module computes and imports no text layer)."""
    return f"{100 * x:.0f}%"


def _first_round_readme(campaign: Any, follow: pd.DataFrame) -> str:
    counts = campaign.counts()
    lists = "\n".join(
        f"| `{k}` | {FIRST_ROUND_OFFERS[k][0]} | {int(r['treated'])} | {int(r['control'])} "
        f"| {100 * FIRST_ROUND_EFFECT[k]:.0f}% |" for k, r in counts.iterrows())
    first, last = follow["date"].min().date(), follow["date"].max().date()
    return f"""
## The first round (steps 7 and 8)

`campaign.json` is the record of the roaster's first campaign, planned on the history's last
day ({campaign.asof.date()}) from three lists built by a rule on the history alone
(`workbench.datasets.first_round_lists`; not by the churn model, so these files never depend
on it). In each list {100 * campaign.control_share:.0f}% of the clients were drawn as a control
group (seed {campaign.seed}) and not contacted; the record keeps who was contacted, with which
offer, and who was held out. `followup/transactions.csv` is the next quarter's export
({len(follow)} lines, {first} .. {last}; order numbers continue the history's): what the
analyst receives for step 8. `load_folder` reads neither file, so steps 1-7 see the history
only; `workbench.load_second_round(folder)` finds both.

| list | offer | contacted | control | planted effect |
|---|---|---:|---:|---:|
{lists}

The planted effect is the share of the contacted clients who would not have bought in the
quarter (they stop during it, or had already stopped) whom the contact keeps, or brings back,
buying at their own pace; the control group's quarter runs on as the history did. Step 5
assumed a success rate of {100 * FIRST_ROUND_ASSUMED:.0f}% (the workshop file's decision).
"""


def _readme(tables: dict[str, pd.DataFrame], seed: int, files: dict[str, Path]) -> str:
    f = _facts(tables)
    sizes = {k: p.stat().st_size for k, p in files.items()}

    def kb(key: str) -> str:
        return f"{sizes[key] / 1024:,.0f} KB".replace(",", " ")

    rows = f["rows"]
    ch = f["churn_b2b"]
    ns = f["nps_left"]
    src_lines = "\n".join(
        f"   - {typ}: "
        + ", ".join(
            f"{src} {_pct(v)}"
            for (t_, src), v in sorted(f["churn_src"].items(), key=lambda x: x[1])
            if t_ == typ
        )
        for typ in ("B2B", "B2C")
    )
    deal = "\n".join(f"   - {s}: {100 * v:.1f}%" for s, v in sorted(f["deal_rate"].items(), key=lambda x: -x[1]))
    kano = ", ".join(f"{a} = {k}" for a, k in KANO_TRUTH.items())
    ops = f["orders_per_client"]
    aov = f["median_order_value"]
    return f"""# Sample business: «Обжарочная», a coffee roaster

Generated by `workbench sample --out data/samples --seed {seed}` (the same as
`workbench.datasets.write_sample(out, seed={seed})`); the same seed always gives byte-identical
files. Everything is fictional: names, codes, numbers. Load it with
`workbench.datasets.load_sample()` (all tables, canonical dtypes) or with the loaders.

The roaster sells roasted coffee (1 kg blends and 250 g single origins), drip bags, grinders,
espresso machines, machine service and accessories to four kinds of clients (`segment`):

| segment | type | who | how they buy |
|---|---|---|---|
| cafe | B2B | cafés and coffee shops | every one to two weeks, big baskets of blends, machine service; summer dip |
| office | B2B | offices | one steady order a month (blends, drip bags) |
| retail | B2B | shops reselling our packs | large, infrequent orders; gift season peak in November-December |
| online | B2C | private shoppers (site, marketplace, our shop) | small baskets; many buy once |

## Files

| file | rows | size | what |
|---|---:|---:|---|
| `transactions.csv` | {rows['transactions']} | {kb('transactions')} | one row per order line, 2023-01-01 .. 2025-12-31 |
| `customers.csv` | {rows['customers']} | {kb('customers')} | the CRM card of every client |
| `survey.csv` | {rows['survey']} | {kb('survey')} | {f['respondents']} respondents x {len(SURVEY_ATTRIBUTES)} service attributes (long format) |
| `feedback.csv` | {rows['feedback']} | {kb('feedback')} | contacts: complaints, questions, praise, refusals |
| `leads.csv` | {rows['leads']} | {kb('leads')} | the B2B sales funnel since {_LEADS_FROM} |
| `raw/transactions_1c_export.csv` | {rows['raw'] + 10} | {kb('raw')} | the last year of the transactions as a messy 1C export |
| `raw/mapping.yml` | | | the column mapping for that export |

All clean files: UTF-8, comma-separated, `.` as the decimal mark, ISO dates
(`YYYY-MM-DD`, transactions `YYYY-MM-DD HH:MM:SS`), identifiers as text with leading zeros
(`customer_id` "000123"). Column meanings are those of `workbench/schema.py` (docs/data.md).

- **transactions**: `customer_id, date, amount, order_id, quantity, cost, product, channel`.
  Profit = `amount - cost`; margins differ by product (coffee ~50%, machines ~15%, service ~65%)
  and by client type (B2B discounts: cafés 20%, offices 10%, resellers 32%). Prices rise 10% a
  year, costs 12%. Orders are `S…`; separate return documents are `R…`. Returns are negative
  lines ({_pct(f['returns'])} of lines), on the original order or on a return document;
  {f['zero']} zero-amount lines are free tasting sets (a cost, no revenue). Channels:
  менеджер (sales rep), сайт, маркетплейс, магазин.
- **customers**: `customer_id, name, type (B2B/B2C), segment, region, source, signup_date,
  referred_by`. Codes follow registration order; some clients joined before 2023 (their earlier
  history is not in the file) and {f['never_bought']} registered but never bought. `referred_by`
  (an extra column) is the client who recommended this one, when recorded.
- **survey**: one wave, September-October 2024. `respondent_id, customer_id (empty =
  anonymous; {f['linked']} of {f['respondents']} are linked), attribute, importance, performance,
  expectation, competitor_performance` (1-5, some answers missing), `kano_functional,
  kano_dysfunctional` (1-5 codes: 1 like, 2 expect, 3 neutral, 4 live with, 5 dislike; some
  respondents skipped the block), `nps` (0-10, the same on all rows of a respondent),
  `comment` (short Russian free text on some rows), `date`.
- **feedback**: `customer_id, date, kind, category, channel, resolved_date (empty =
  unresolved), score (1-5, often missing), text`. Kinds: {', '.join(f'{k} {v}' for k, v in f['feedback_kinds'].items())}.
  Praise is closed the day it arrives; a refusal (отказной лист) has no resolution date.
- **leads**: `lead_id, customer_id (set when the lead became a client; that client's
  signup_date is 1-7 weeks after the lead's date), source, stage (furthest stage reached:
  call < proposal < meeting < deal), date (first contact)`. Furthest stage reached:
  {', '.join(f'{k} {v}' for k, v in f['stages'].items())}.
- **raw/transactions_1c_export.csv**: cp1251, `;`, decimal commas, thousands separated by
  non-breaking or plain spaces, some amounts with ` руб.`, quantities like `6,000`, dates
  `dd.mm.yyyy HH:MM`, Russian headers (Дата, Документ, Контрагент, Номенклатура, Количество,
  Сумма, Себестоимость, Канал продаж) and an unneeded column «{_RAW_EXTRA}». Ten rows are bad on
  purpose: 3 with an empty Контрагент, 2 dated 31.02.2024, 2 with the amount `н/д`, and 3 exact
  duplicates of the line above them. It holds the last calendar year of `transactions.csv` (one
  year is enough to practise on and keeps the sample small). Reject the 7 bad rows, drop the 3
  duplicates, and the result equals those rows of `transactions.csv`.

## What an analyst should find (planted structure)

The generator gives every client latent traits (order rate, basket size, frailty, satisfaction)
and simulates them month by month: orders with seasonality (December peak; cafés dip in
July-August; resellers peak in November-December), complaints, and a monthly hazard of leaving
that depends on the segment, the source, frailty, tenure, the client's NPS answer (detractors x{NPS_HAZARD['detractor']},
promoters x{NPS_HAZARD['promoter']}) and service (after an **unresolved** complaint the hazard is x{COMPLAINT_HAZARD['unresolved']:g} and
{_pct(_QUIT_AFTER_UNRESOLVED)} start leaving at once; after a resolved one it is x{COMPLAINT_HAZARD['resolved']}). Most
leavers fade first: their order rate falls over one to three months before the last order. Some
lapsed clients come back for an order, and some of those stay.

1. **Four client types** separated by frequency, basket and regularity (RFM, clustering): orders
   per client in the file — {', '.join(f'{k} {v}' for k, v in ops.items())}; median order value
   (roubles) — {', '.join(f'{k} {v:,.0f}'.replace(',', ' ') for k, v in aov.items())}.
   Offices are the steady X clients of an XYZ analysis; resellers are seasonal.
2. **A loyalty ladder**: {_pct(f['one_off_online'])} of online buyers bought exactly once; repeat buyers;
   regulars (offices, cafés); advocates: {f['referrers']} clients referred {f['referred']} others
   (`referred_by`), the most active one {f['top_referrals']}. Clients who came by recommendation
   stay longer.
3. **Churn depends on behaviour**: falling order frequency and lengthening gaps before the
   last order; recency alone ranks 90-day churners well, a model with frequency trends,
   segment and service history does better.
4. **Churn depends on service**: share of B2B clients with no purchase in the last 180 days —
   never complained {_pct(ch.get('never', 0))}, complained and got it resolved
   {_pct(ch.get('resolved', 0))}, have an unresolved complaint {_pct(ch.get('unresolved', 0))}.
   Resolution time differs by topic (delivery ~2 days, equipment ~12 days), and equipment
   complaints stay unresolved most often.
5. **Sources differ in yield**: share of clients with no purchase in the last 180 days, by
   client type and source (referred clients stay longer; marketplace shoppers leave most):
{src_lines}
6. **Survey**: NPS of linked respondents who later lapsed {ns.get(True, float('nan')):.1f} vs
   {ns.get(False, float('nan')):.1f} for those who stayed. Importance-performance quadrants:
   delivery speed and price are important but underperform (concentrate here); roast quality and
   taste stability are kept up; packaging and assortment are rated high but matter little
   (possible overkill); barista training, manager politeness and ordering on the site are low
   priority overall — but barista training and machine service matter much more to cafés (look
   per segment). We beat the main competitor on roast quality and lose on delivery speed.
   True Kano classes: {kano}.
7. **Funnel**: stage-to-stage conversion differs by source (cold calls follow the classic
   80 -> 40 -> 4 -> 1); share of leads that became clients:
{deal}
"""


def write_sample(
    out: str | Path = "data/samples", seed: int = 42, n_customers: int = 3000
) -> list[Path]:
    """Write the sample business to a folder as CSV files (plus a raw export and a README).

    Parameters
    ----------
    out : str or Path, default "data/samples"
        Output folder, created if missing. Existing files of the same names are overwritten.
    seed : int, default 42
        Random seed; the same seed writes byte-identical files.
    n_customers : int, default 3000
        Size of the business (the shipped sample uses the default).

    Returns
    -------
    list of Path
        The files written: ``transactions.csv``, ``customers.csv``, ``survey.csv``,
        ``feedback.csv``, ``leads.csv``, ``raw/transactions_1c_export.csv``,
        ``raw/mapping.yml``, ``followup/transactions.csv`` and ``campaign.json`` (the first
        round: see :func:`first_round_lists`), ``README.md``, then the survey instruments:
        ``exports/survey_wide_google_forms.csv`` and ``exports/questionnaire_spec.yml``
        (:func:`workbench.survey._sample.write_sample_exports`) and
        ``internal/motivation_survey.csv``, ``internal/key_clients_ukor.csv``,
        ``internal/interview_notes.txt`` (``write_internal_samples``).
    """
    out = Path(out)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    tables, state = _generate(seed, n_customers, "2023-01-01", "2025-12-31")
    files: dict[str, Path] = {}
    for name in SAMPLE_TABLES:
        path = out / f"{TABLES[name].file_stem}.csv"
        _write_csv(tables[name], name, path)
        files[name] = path
    raw = out / "raw" / "transactions_1c_export.csv"
    raw.write_bytes(_raw_export(raw_export_transactions(tables["transactions"]), seed))
    files["raw"] = raw
    mapping = out / "raw" / "mapping.yml"
    mapping.write_bytes(_mapping_yaml().encode("utf-8"))
    files["mapping"] = mapping
    # the first round: the campaign of the last day and the next quarter's sales (step 8)
    from workbench.campaign import CAMPAIGN_FILE, FOLLOWUP_DIR, write_campaign

    campaign, follow = _first_round(tables, state)
    (out / FOLLOWUP_DIR).mkdir(exist_ok=True)
    files["followup"] = out / FOLLOWUP_DIR / "transactions.csv"
    _write_csv(follow, "transactions", files["followup"])
    files["campaign"] = write_campaign(campaign, out / CAMPAIGN_FILE)
    readme = out / "README.md"
    readme.write_bytes((_readme(tables, seed, files) + _first_round_readme(campaign, follow))
                       .encode("utf-8"))
    files["readme"] = readme
    # the survey instruments: the survey as a form tool exports it (exports/), the motivation
    # survey, the key clients' УКОР answers and interview notes (internal/)
    from workbench.survey._sample import write_internal_samples, write_sample_exports

    exports = write_sample_exports(out, _read_table(files["survey"], "survey"))
    return [*files.values(), *exports, *write_internal_samples(out)]


# ---------------------------------------------------------------------------------------------
# Loading the shipped sample
# ---------------------------------------------------------------------------------------------

_CACHE: dict[tuple, dict[str, pd.DataFrame]] = {}


def bundled_dir(kind: str) -> Path:
    """Return a folder shipped with the workbench: ``"samples"`` or ``"notebooks"``.

    From a source checkout these are ``data/samples`` and ``notebooks`` of the repository; an
    installed wheel carries copies made at build time (``setup.py``) under
    ``workbench/_bundle/``, found with :mod:`importlib.resources`.

    Parameters
    ----------
    kind : {"samples", "notebooks"}

    Returns
    -------
    Path
        The folder (it may not exist in a checkout where it was never built).
    """
    checkout = {"samples": Path("data") / "samples", "notebooks": Path("notebooks")}
    if kind not in checkout:
        raise WorkbenchError(f"kind must be 'samples' or 'notebooks'; got {kind!r}")
    root = Path(__file__).resolve().parents[1]
    if (root / "pyproject.toml").is_file() and (root / checkout[kind]).is_dir():
        return root / checkout[kind]
    from importlib.resources import files

    return Path(str(files("workbench") / "_bundle" / kind))


def sample_dir() -> Path:
    """Return the folder of the shipped sample (``data/samples`` of a checkout, else the wheel's)."""
    return bundled_dir("samples")


def _read_table(path: Path, table: str) -> pd.DataFrame:
    """Read a shipped CSV with the package's own loader (plain pandas if it is unavailable)."""
    try:
        from workbench import io as wio
    except ImportError:  # pragma: no cover - the loaders ship with the package
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"
        )
    else:
        frame, report = getattr(wio, f"load_{table}")(path)
        if len(report.rejected):  # pragma: no cover - the shipped files are clean
            raise WorkbenchError(
                f"{path}: the shipped sample has {len(report.rejected)} rejected row(s); "
                "regenerate it with `workbench sample --out data/samples --seed 42`"
            )
    return normalize_dtypes(frame, table)


def load_sample(table: str | None = None) -> dict[str, pd.DataFrame] | pd.DataFrame:
    """Return the sample business (seed 42) with canonical dtypes.

    Parameters
    ----------
    table : str, optional
        One of ``"transactions"``, ``"customers"``, ``"survey"``, ``"feedback"``, ``"leads"``;
        ``None`` returns all five in a dict.

    Returns
    -------
    DataFrame or dict of str to DataFrame
        Fresh copies (safe to modify). Read from the shipped CSV files in ``data/samples`` when
        the package runs from a source checkout, otherwise generated in memory; both give the
        same tables as ``generate_sample(42)``.

    Examples
    --------
    >>> tx = load_sample("transactions")
    >>> tx["customer_id"].str.len().eq(6).all()
    np.True_
    """
    if table is not None and table not in SAMPLE_TABLES:
        raise WorkbenchError(f"table must be one of {', '.join(SAMPLE_TABLES)}; got {table!r}")
    folder = sample_dir()
    paths = [folder / f"{TABLES[t].file_stem}.csv" for t in SAMPLE_TABLES]
    if all(p.is_file() for p in paths):
        key = ("files", *[(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths])
        if key not in _CACHE:
            _CACHE.clear()
            _CACHE[key] = {t: _read_table(p, t) for t, p in zip(SAMPLE_TABLES, paths, strict=True)}
    else:
        key = ("generated", 42)
        if key not in _CACHE:
            _CACHE.clear()
            _CACHE[key] = generate_sample(42)
    tables = _CACHE[key]
    if table is not None:
        return tables[table].copy()
    return {t: tables[t].copy() for t in SAMPLE_TABLES}


# ---------------------------------------------------------------------------------------------
# Synthetic data for benchmarks
# ---------------------------------------------------------------------------------------------


def make_transactions(
    n_customers: int = 100_000,
    n_transactions: int = 1_000_000,
    seed: int = 0,
    start: str = "2023-01-01",
    end: str = "2025-12-31",
) -> pd.DataFrame:
    """Generate a large synthetic transaction log quickly (vectorised), for benchmarks.

    Parameters
    ----------
    n_customers : int, default 100_000
        Number of distinct clients (every one buys at least once when
        ``n_transactions >= n_customers``).
    n_transactions : int, default 1_000_000
        Number of lines.
    seed : int, default 0
        Random seed; the same arguments give the same frame.
    start, end : str
        Date range of the log.

    Returns
    -------
    DataFrame
        Canonical transaction columns and dtypes: ``customer_id`` (8-digit string with leading
        zeros), ``date`` (``datetime64[ns]``, with time), ``amount`` (float; about 2% negative
        returns), ``order_id``, ``quantity``, ``cost``, ``product`` and ``channel``. Sorted by
        date. Clients differ in activity (a skewed, heavy-tailed number of lines each), in
        lifetime (first and last active day) and in basket size.

    Notes
    -----
    This is not the sample business (no segments, no planted churn drivers): it only has the
    shape and the skew of a real log, to time the analysis functions on millions of rows.
    """
    n_c, n_t = int(n_customers), int(n_transactions)
    if n_c < 1 or n_t < 1:
        raise WorkbenchError(
            f"n_customers and n_transactions must be positive; got {n_customers!r}, {n_transactions!r}"
        )
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp(start).value // 1_000_000_000
    t1 = (pd.Timestamp(end) + pd.Timedelta(days=1)).value // 1_000_000_000 - 1
    span = t1 - t0
    # Activity: every client at least one line, the rest spread by a heavy-tailed weight.
    weight = rng.pareto(1.5, n_c) + 0.05
    extra = max(n_t - n_c, 0)
    counts = rng.multinomial(extra, weight / weight.sum()) + (1 if n_t >= n_c else 0)
    if n_t < n_c:
        counts = np.zeros(n_c, dtype="int64")
        counts[rng.choice(n_c, n_t, replace=False)] = 1
    cust = np.repeat(np.arange(n_c), counts)
    life_a = rng.random(n_c)
    life_b = rng.random(n_c)
    first = np.minimum(life_a, life_b) * span
    last = np.maximum(life_a, life_b) * span
    secs = t0 + (first[cust] + rng.random(len(cust)) * (last[cust] - first[cust])).astype("int64")
    # Several lines of one order share its time: copy the previous line's time 40% of the time.
    same = np.r_[False, (cust[1:] == cust[:-1]) & (rng.random(len(cust) - 1) < 0.4)]
    order_no = np.cumsum(~same)
    src = np.flatnonzero(~same)[order_no - 1]
    secs = secs[src]
    prod = rng.integers(0, _N_PROD, len(cust))
    qty = 1 + rng.poisson(1.0, len(cust)).astype("float64")
    size = np.exp(0.6 * rng.standard_normal(n_c))
    price = np.array([p[1] for p in PRODUCTS])[prod] * np.clip(size[cust], 0.3, 3.0) / 2
    unit_cost = np.array([p[2] for p in PRODUCTS])[prod] / np.array([p[1] for p in PRODUCTS])[prod]
    sign = np.where(rng.random(len(cust)) < 0.02, -1.0, 1.0)
    amount = _round_cents(sign * qty * price)
    cost = _round_cents(sign * qty * price * unit_cost)
    order = np.argsort(secs, kind="stable")
    chan = rng.integers(0, len(CHANNELS), len(cust))
    return pd.DataFrame(
        {
            "customer_id": _padded_strings(np.arange(1, n_c + 1), max(8, len(str(n_c))), cust[order]),
            "date": (secs[order] * 1_000_000_000).astype("datetime64[ns]"),
            "amount": amount[order],
            "order_id": _padded_strings(order_no[order], max(9, len(str(n_t)))),
            "quantity": (sign * qty)[order],
            "cost": cost[order],
            "product": _take_strings([p[0] for p in PRODUCTS], prod[order]),
            "channel": _take_strings(list(CHANNELS), chan[order]),
        }
    )


def _take_strings(values: Sequence[str], idx: np.ndarray) -> pd.arrays.ArrowStringArray:
    """``values[idx]`` as a pandas ``string`` array, built in Arrow (fast for millions of rows)."""
    import pyarrow as pa

    taken = pa.array(list(values), type=pa.string()).take(pa.array(np.asarray(idx, dtype="int64")))
    return pd.array(taken, dtype="string")


def _padded_strings(numbers: np.ndarray, width: int, idx: np.ndarray | None = None):
    """Zero-padded decimal strings of ``numbers`` (optionally taken at ``idx``), via Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pc.utf8_lpad(pc.cast(pa.array(np.asarray(numbers, dtype="int64")), pa.string()), width, "0")
    if idx is not None:
        arr = arr.take(pa.array(np.asarray(idx, dtype="int64")))
    return pd.array(arr, dtype="string")

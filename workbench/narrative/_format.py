"""The one locale formatter: numbers, percents, money, dates and plural forms in en and ru.

Every number an audience reads (sentences, display tables, plot labels, widget captions, the
Excel deliverable) goes through these functions, so that one run is typographically
consistent:

=============  ===========================  ===========================
what           English                      Russian
=============  ===========================  ===========================
count          ``12,345``                   ``12 345`` (no-break space)
decimal        ``4.5``, ``−0.25``           ``4,5``, ``−0,25``
percent        ``45%``                      ``45 %`` (no-break space)
money          ``$12,346``, ``12,346 RUB``  ``12 346 $``, ``12 346 ₽``
date           ``2025-12-31``               ``31.12.2025``
quantity       ``1 customer``, ``5 days``   ``1 клиент``, ``2 клиента``, ``5 клиентов``
list           ``a, b and c``               ``a, b и c``
quote          “text”                       «текст»
range          ``3–5``                      ``3–5``
=============  ===========================  ===========================

A true minus sign (U+2212) is used for negative numbers; a number and its unit or noun are
joined by a no-break space. ``language=None`` means the current language
(:func:`workbench.i18n.get_language`) and ``currency=None`` the client's currency
(:func:`workbench.i18n.get_currency`; none set: the amount alone).

Examples
--------
>>> count(1942, "ru")
'1\\xa0942'
>>> quantity(1942, "customer", "ru")
'1\\xa0942\\xa0клиента'
>>> quantity(11, "customer", "ru"), quantity(21, "customer", "ru")
('11\\xa0клиентов', '21\\xa0клиент')
>>> decimal(4.0, 1, "ru"), percent(0.453, language="en")
('4,0', '45%')
>>> money(12345.6, "ru", currency="RUB"), money(12345.6, "en", currency="USD")
('12\\xa0346\\xa0₽', '$12,346')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from workbench.i18n import check_language, get_currency, has, t

__all__ = (
    "CURRENCIES",
    "MINUS",
    "NBSP",
    "count",
    "currency_symbol",
    "date",
    "decimal",
    "listing",
    "money",
    "number",
    "percent",
    "plural",
    "numbers",
    "points",
    "quantity",
    "quote",
    "span",
)

#: No-break space: thousands separator in Russian, and between a number and its unit or noun.
NBSP = "\u00a0"
#: The true minus sign.
MINUS = "\u2212"
#: Shown for a missing value.
MISSING = "—"

#: Currency code -> (English symbol, symbol goes before the amount in English, Russian symbol).
CURRENCIES: dict[str, tuple[str, bool, str]] = {
    "RUB": ("RUB", False, "₽"),
    "USD": ("$", True, "$"),
    "EUR": ("€", True, "€"),
    "GBP": ("£", True, "£"),
    "KZT": ("KZT", False, "₸"),
    "BYN": ("BYN", False, "Br"),
    "UAH": ("UAH", False, "₴"),
    "CNY": ("CNY", False, "¥"),
}


def _missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        return not math.isfinite(float(x))
    except (TypeError, ValueError):
        return True


def number(x: Any, digits: int = 0, language: str | None = None, sign: bool = False,
           group: bool = True, trim: bool = False) -> str:
    """Format a number with ``digits`` decimals, thousands grouped, in the language's marks.

    Parameters
    ----------
    x : float
        The number; ``None``/NaN/inf give ``—``.
    digits : int, default 0
        Decimals shown (rounded half to even, as Python does).
    language : {"en", "ru"}, optional
        Default: the current language.
    sign : bool, default False
        Show ``+`` before positive numbers (for differences and gaps).
    group : bool, default True
        Group thousands (``12 345``); years and codes pass False.
    trim : bool, default False
        Drop trailing zero decimals (``5.50`` -> ``5.5``, ``6.00`` -> ``6``), for amounts
        entered by hand.

    Examples
    --------
    >>> number(-1234.5, 1, "ru"), number(-1234.5, 1, "en"), number(0.5, 2, "en", sign=True)
    ('−1\\xa0234,5', '−1,234.5', '+0.50')
    >>> number(5.5, 2, "ru", trim=True), number(6.0, 2, "en", trim=True)
    ('5,5', '6')
    """
    if _missing(x):
        return MISSING
    lang = check_language(language)
    value = round(float(x), digits)
    if value == 0:
        value = 0.0  # no "−0"
    text = f"{abs(value):,.{digits}f}" if group else f"{abs(value):.{digits}f}"
    if trim and digits > 0:
        text = text.rstrip("0").rstrip(".")
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    if value < 0:
        text = MINUS + text
    elif sign and value > 0:
        text = "+" + text
    return text


def count(n: Any, language: str | None = None) -> str:
    """Format a whole number (``12,345`` / ``12 345``)."""
    return number(n, 0, language)


def decimal(x: Any, digits: int = 1, language: str | None = None, sign: bool = False) -> str:
    """Format a decimal number (``4.5`` / ``4,5``); see :func:`number`."""
    return number(x, digits, language, sign=sign)


def percent(share: Any, digits: int = 0, language: str | None = None, sign: bool = False) -> str:
    """Format a share (0.45) as a percent: ``45%`` in English, ``45 %`` in Russian.

    Examples
    --------
    >>> percent(0.125, 1, "ru"), percent(-0.06, language="en", sign=True)
    ('12,5\\xa0%', '−6%')
    """
    if _missing(share):
        return MISSING
    text = number(100 * float(share), digits, language, sign=sign)
    return f"{text}{NBSP}%" if check_language(language) == "ru" else f"{text}%"


def points(diff: Any, digits: int = 0, language: str | None = None) -> str:
    """Format a difference of two shares in percentage points (``+6 pp`` / ``+6 п. п.``)."""
    if _missing(diff):
        return MISSING
    text = number(100 * float(diff), digits, language, sign=True)
    return text + NBSP + t("unit.pp", check_language(language))


def money(x: Any, language: str | None = None, currency: str | None = None,
          digits: int = 0, trim: bool = False) -> str:
    """Format an amount of money, with the client's currency when one is known.

    Parameters
    ----------
    x : float
        The amount.
    language : {"en", "ru"}, optional
    currency : str, optional
        An ISO code (``"RUB"``, ``"USD"`` …, see :data:`CURRENCIES`) or a symbol to put after
        the amount. Default: :func:`workbench.i18n.get_currency`; when none is set, the
        amount alone.
    digits : int, default 0
        Decimals (whole units by default).
    trim : bool, default False
        Drop trailing zero decimals (see :func:`number`).

    Examples
    --------
    >>> money(-1500, "en", currency="EUR"), money(1500, "ru"), money(2.5, "en", "RUB", 2)
    ('−€1,500', '1\\xa0500', '2.50\\xa0RUB')
    """
    if _missing(x):
        return MISSING
    lang = check_language(language)
    code = get_currency() if currency is None else currency
    text = number(x, digits, lang, trim=trim)
    if not code:
        return text
    en_symbol, before, ru_symbol = CURRENCIES.get(str(code).upper(), (str(code), False, str(code)))
    if lang == "en" and before:
        return (MINUS + en_symbol + text[1:]) if text.startswith(MINUS) else en_symbol + text
    return f"{text}{NBSP}{ru_symbol if lang == 'ru' else en_symbol}"


def currency_symbol(language: str | None = None, currency: str | None = None) -> str:
    """The client's currency as an axis or a column header names it: ``₽`` / ``RUB``, ``$``.

    ``currency=None``: :func:`workbench.i18n.get_currency`; none set: ``""``.

    Examples
    --------
    >>> currency_symbol("ru", "RUB"), currency_symbol("en", "RUB"), currency_symbol("en", "")
    ('₽', 'RUB', '')
    """
    code = get_currency() if currency is None else currency
    if not code:
        return ""
    en_symbol, _, ru_symbol = CURRENCIES.get(str(code).upper(), (str(code), False, str(code)))
    return ru_symbol if check_language(language) == "ru" else en_symbol


def date(ts: Any, language: str | None = None, long: bool = False) -> str:
    """Format a date: ``2025-12-31`` / ``31.12.2025``; ``long``: ``31 December 2025`` /
    ``31 декабря 2025 г.``.

    Examples
    --------
    >>> date("2025-03-01", "ru"), date("2025-03-01", "en", long=True)
    ('01.03.2025', '1 March 2025')
    >>> date("2025-03-01", "ru", long=True)
    '1\\xa0марта 2025\\xa0г.'
    """
    import pandas as pd

    if ts is None or (not isinstance(ts, str) and pd.isna(ts)):
        return MISSING
    stamp = pd.Timestamp(ts)
    lang = check_language(language)
    if not long:
        return stamp.strftime("%d.%m.%Y") if lang == "ru" else stamp.strftime("%Y-%m-%d")
    month = t(f"month.{stamp.month}", lang)
    if lang == "ru":
        return f"{stamp.day}{NBSP}{month} {stamp.year}{NBSP}г."
    return f"{stamp.day} {month} {stamp.year}"


def _ru_form(n: Any) -> int:
    """Index of the Russian plural form: 0 (1, 21 клиент), 1 (2–4 клиента, 1,5 клиента), 2."""
    value = abs(float(n))
    if not value.is_integer():
        return 1
    k = int(value)
    if k % 10 == 1 and k % 100 != 11:
        return 0
    if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
        return 1
    return 2


def plural(n: Any, noun: str, language: str | None = None, case: str | None = None) -> str:
    """Return the form of ``noun`` that agrees with the number ``n``.

    ``noun`` is a catalogue noun (``"customer"`` is the key ``noun.customer``, whose texts list
    the forms: ``customer|customers``, ``клиент|клиента|клиентов``) or, for a one-off word,
    the forms themselves separated by ``|``. ``case="gen"`` takes the Russian genitive forms
    (key ``noun.customer.gen``: «из 1 клиента», «из 5 клиентов», «из 21 клиента»), for
    phrases such as «из {n}»; English has one set of forms.

    Examples
    --------
    >>> [plural(n, "customer", "ru") for n in (1, 2, 5, 11, 21, 22, 112, 1.5)]
    ['клиент', 'клиента', 'клиентов', 'клиентов', 'клиент', 'клиента', 'клиентов', 'клиента']
    >>> plural(1, "customer", "en"), plural(0, "customer", "en"), plural(1.5, "day", "en")
    ('customer', 'customers', 'days')
    """
    lang = check_language(language)
    key = f"noun.{noun}"
    if case and lang == "ru" and has(f"{key}.{case}"):
        key = f"{key}.{case}"
    forms = (t(key, lang) if has(key) else noun).split("|")
    if lang == "ru":
        forms = forms + [forms[-1]] * (3 - len(forms))
        return forms[_ru_form(n)]
    one = float(n) == 1 if not _missing(n) else False
    return forms[0] if one or len(forms) == 1 else forms[1]


def quantity(n: Any, noun: str, language: str | None = None, digits: int = 0,
             case: str | None = None) -> str:
    """A number and the noun that agrees with it: ``1 942 клиента``, ``4,5 дня``, ``3 customers``.

    Examples
    --------
    >>> quantity(4.5, "day", "ru", digits=1), quantity(1, "action", "en")
    ('4,5\\xa0дня', '1 action')
    >>> quantity(21, "customer", "ru", case="gen"), quantity(2, "customer", "ru", case="gen")
    ('21\\xa0клиента', '2\\xa0клиентов')
    """
    lang = check_language(language)
    value = round(float(n), digits) if not _missing(n) else n
    sep = NBSP if lang == "ru" else " "
    return f"{number(value, digits, lang)}{sep}{plural(value, noun, lang, case)}"


def listing(items: Iterable[Any], language: str | None = None, conjunction: str = "and") -> str:
    """Join items as a sentence does: ``a, b and c`` / ``a, b и c`` (``conjunction="or"``: или).

    An empty list gives ``—``.

    Examples
    --------
    >>> listing(["A", "B", "C"], "ru"), listing(["A"], "en"), listing([], "en")
    ('A, B и C', 'A', '—')
    """
    words = [str(i) for i in items]
    if not words:
        return MISSING
    if len(words) == 1:
        return words[0]
    word = t(f"word.{conjunction}", check_language(language))
    return f"{', '.join(words[:-1])} {word} {words[-1]}"


def quote(text: Any, language: str | None = None) -> str:
    """Quote a phrase: «…» in Russian, “…” in English."""
    return f"«{text}»" if check_language(language) == "ru" else f"\u201c{text}\u201d"


def span(lo: Any, hi: Any, digits: int = 0, language: str | None = None) -> str:
    """A range with an en dash: ``3–5`` (``−2 – 3`` when a bound is negative)."""
    a, b = number(lo, digits, language), number(hi, digits, language)
    joint = " – " if (a.startswith(MINUS) or b.startswith(MINUS)) else "–"
    return f"{a}{joint}{b}"


def numbers(frame: Any, digits: Mapping[str, int], language: str | None = None,
            trim: Iterable[str] = ()) -> Any:
    """Write the given columns of a display table as text in the language's marks.

    A display table is what people read (notebook, report): ``4,25`` and ``12 345`` in
    Russian, ``4.25`` and ``12,345`` in English, a true minus, ``—`` for a missing value.

    Parameters
    ----------
    frame : pandas.DataFrame
        A copy is returned; columns not in ``digits`` are unchanged.
    digits : mapping of column to int
        Decimals shown per column.
    language : {"en", "ru"}, optional
    trim : iterable of str
        Columns entered by hand (costs, effects): trailing zero decimals dropped.

    Examples
    --------
    >>> import pandas as pd
    >>> numbers(pd.DataFrame({"a": [1234.5, None]}), {"a": 1}, "ru")["a"].tolist()
    ['1\xa0234,5', '—']
    """
    out, trim = frame.copy(), set(trim)
    for column, places in digits.items():
        if column in out.columns:
            out[column] = [number(v, places, language, trim=column in trim)
                           for v in out[column].tolist()]
    return out

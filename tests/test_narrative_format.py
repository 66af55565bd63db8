"""The locale formatter: exact strings in both languages, and Russian plural agreement."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench import i18n
from workbench.narrative import (
    count,
    date,
    decimal,
    listing,
    money,
    number,
    percent,
    plural,
    points,
    quantity,
    quote,
    span,
)

NB = "\u00a0"


class TestNumber:
    def test_thousands_and_decimal_marks(self):
        assert number(1234567.891, 2, "en") == "1,234,567.89"
        assert number(1234567.891, 2, "ru") == f"1{NB}234{NB}567,89"

    def test_true_minus_and_sign(self):
        assert number(-3.25, 1, "ru") == "\u22123,2"
        assert number(0.5, 1, "en", sign=True) == "+0.5"
        assert number(-0.0001, 2, "en", sign=True) == "0.00"  # never "−0.00"

    def test_missing_is_a_dash(self):
        assert number(float("nan"), 1, "en") == "—"
        assert number(None, 0, "ru") == "—"
        assert count(math.inf, "en") == "—"

    def test_count_and_decimal(self):
        assert count(1942, "ru") == f"1{NB}942"
        assert count(1942, "en") == "1,942"
        assert decimal(4.0, 1, "ru") == "4,0"

    def test_no_grouping_for_codes(self):
        assert number(2025, 0, "ru", group=False) == "2025"


class TestPercentMoneyDate:
    def test_percent(self):
        assert percent(0.453, language="en") == "45%"
        assert percent(0.453, 1, "ru") == f"45,3{NB}%"
        assert percent(float("nan"), language="ru") == "—"

    def test_points(self):
        assert points(0.06, language="en") == "+6 pp".replace(" ", NB)
        assert points(-0.06, language="ru") == f"\u22126{NB}п.{NB}п."

    def test_money_without_currency(self):
        assert money(12345.6, "en") == "12,346"
        assert money(12345.6, "ru") == f"12{NB}346"

    def test_money_with_currency(self):
        assert money(12345.6, "ru", currency="RUB") == f"12{NB}346{NB}₽"
        assert money(12345.6, "en", currency="RUB") == f"12,346{NB}RUB"
        assert money(-1500, "en", currency="USD") == "\u2212$1,500"
        assert money(1500, "ru", currency="USD") == f"1{NB}500{NB}$"

    def test_money_takes_the_client_currency(self):
        i18n.set_currency("EUR")
        try:
            assert money(10, "en") == "€10"
        finally:
            i18n.set_currency(None)
        assert money(10, "en") == "10"

    def test_dates(self):
        assert date("2025-12-31", "ru") == "31.12.2025"
        assert date("2025-12-31", "en") == "2025-12-31"
        assert date("2025-12-31", "ru", long=True) == f"31{NB}декабря 2025{NB}г."
        assert date("2025-12-31", "en", long=True) == "31 December 2025"


class TestPlural:
    @pytest.mark.parametrize(
        ("n", "word"),
        [(1, "клиент"), (2, "клиента"), (4, "клиента"), (5, "клиентов"), (11, "клиентов"),
         (12, "клиентов"), (14, "клиентов"), (21, "клиент"), (22, "клиента"), (25, "клиентов"),
         (101, "клиент"), (111, "клиентов"), (1942, "клиента"), (0, "клиентов"),
         (1.5, "клиента")],
    )
    def test_russian_forms(self, n, word):
        assert plural(n, "customer", "ru") == word

    def test_english_forms(self):
        assert plural(1, "customer", "en") == "customer"
        assert [plural(n, "customer", "en") for n in (0, 2, 1.5)] == ["customers"] * 3

    def test_one_off_forms(self):
        assert plural(3, "раз|раза|раз", "ru") == "раза"

    def test_quantity(self):
        assert quantity(1942, "customer", "ru") == f"1{NB}942{NB}клиента"
        assert quantity(21, "customer", "ru") == f"21{NB}клиент"
        assert quantity(1942, "customer", "en") == "1,942 customers"
        assert quantity(4.0, "day", "ru", digits=1) == f"4,0{NB}дня"
        assert quantity(6, "action", "ru") == f"6{NB}действий"

    @given(st.integers(min_value=0, max_value=10**6))
    def test_every_count_has_a_russian_form(self, n):
        assert plural(n, "customer", "ru") in {"клиент", "клиента", "клиентов"}
        if n % 100 in range(11, 20):
            assert plural(n, "customer", "ru") == "клиентов"

    def test_every_noun_has_two_english_and_three_russian_forms(self):
        nouns = {k: v for k, v in i18n.catalogue().items() if k.startswith("noun.")}
        assert len(nouns) > 10
        for key, texts in nouns.items():
            assert len(texts["en"].split("|")) == 2, key
            assert len(texts["ru"].split("|")) == 3, key


class TestWords:
    def test_listing(self):
        assert listing(["A", "B", "C"], "ru") == "A, B и C"
        assert listing(["A", "B"], "en", conjunction="or") == "A or B"
        assert listing([], "en") == "—"

    def test_quote_and_span(self):
        assert quote("Чемпионы", "ru") == "«Чемпионы»"
        assert quote("Champions", "en") == "\u201cChampions\u201d"
        assert span(3, 5, language="en") == "3–5"
        assert span(-2, 3, language="ru") == "\u22122 – 3"

    def test_default_is_the_current_language(self):
        i18n.set_language("ru")
        try:
            assert count(1000) == f"1{NB}000"
            assert quantity(2, "day") == f"2{NB}дня"
        finally:
            i18n.set_language("en")

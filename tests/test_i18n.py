"""The catalogue: every key has both languages, placeholders match, errors are clear."""

from __future__ import annotations

import re

import pytest

from workbench import i18n
from workbench.errors import WorkbenchError


def test_every_key_has_both_languages_and_same_placeholders():
    for key, texts in i18n.catalogue().items():
        assert set(texts) >= set(i18n.LANGUAGES), key
        fields = {lang: set(re.findall(r"{(\w+)", texts[lang])) for lang in i18n.LANGUAGES}
        assert fields["en"] == fields["ru"], f"{key}: placeholders differ {fields}"
        assert texts["ru"].strip() and texts["en"].strip(), key


def test_translate_with_placeholders():
    assert i18n.t("ws.folder.found", "en", found="survey") == "Tables found: survey."
    assert i18n.t("ws.folder.found", "ru", found="анкета") == "Найдены таблицы: анкета."


def test_unknown_language_is_a_clear_error():
    with pytest.raises(WorkbenchError, match="language must be one of en, ru; got 'de'"):
        i18n.t("common.customers", "de")


def test_default_language_can_be_set():
    try:
        i18n.set_language("ru")
        assert i18n.t("common.customers") == "Клиенты"
    finally:
        i18n.set_language("en")


def test_labels_leave_unknown_keys_alone():
    assert i18n.labels(["customers", "zzz"], "ru", prefix="common.") == {
        "customers": "Клиенты",
        "zzz": "zzz",
    }


def test_every_schema_column_has_a_translated_meaning():
    from workbench.schema import TABLES

    for name, spec in TABLES.items():
        for col in spec.columns:
            assert i18n.t(f"schema.{name}.{col.name}", "en") == col.description
            assert i18n.t(f"schema.{name}.{col.name}", "ru") != col.description
            assert i18n.has(f"schema.type.{col.dtype}")

"""Column mappings: explicit ones (argument or YAML/JSON file) and recognised header names."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from workbench.errors import DataFileError, WorkbenchError, shorten
from workbench.io._messages import note as note_
from workbench.schema import TABLES, table_spec

__all__ = (
    "HEADER_SYNONYMS",
    "OPTION_KEYS",
    "load_mapping",
    "mapping_options",
    "normalise_header",
    "resolve_columns",
)

#: Header names recognised automatically, per canonical column (any table), in priority order.
#: Compared after :func:`normalise_header` (lower case, ё -> е, punctuation -> spaces).
#: Replace or extend this dict to teach the loaders a client's vocabulary.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_id": (
        "customer id", "customer", "client id", "client", "customer code", "client code",
        "customer no", "customer number", "buyer", "account", "account id",
        "контрагент", "клиент", "покупатель", "код клиента", "код контрагента", "id клиента",
        "клиент id", "номер клиента", "заказчик", "код покупателя", "контрагент код",
    ),
    "date": (
        "date", "order date", "transaction date", "purchase date", "invoice date", "datetime",
        "дата", "дата документа", "дата продажи", "дата заказа", "дата покупки", "период",
        "дата обращения", "дата контакта", "дата создания", "дата лида", "дата ответа",
    ),
    "amount": (
        "amount", "revenue", "sales", "sum", "total", "value", "net amount", "sales amount",
        "сумма", "выручка", "сумма продажи", "сумма с ндс", "сумма руб", "стоимость", "продажи",
        "сумма документа", "итого",
    ),
    "order_id": (
        "order id", "order", "order no", "order number", "invoice", "invoice no", "receipt",
        "document", "номер", "документ", "номер документа", "номер заказа", "заказ", "чек",
        "номер чека", "накладная", "регистратор",
    ),
    "quantity": ("quantity", "qty", "units", "количество", "кол во", "колво", "кол"),
    "cost": (
        "cost", "cogs", "cost of goods", "себестоимость", "себестоимость руб", "затраты",
        "сумма себестоимости",
    ),
    "product": (
        "product", "item", "sku", "product name", "product group", "номенклатура", "товар",
        "продукт", "артикул", "наименование", "товарная группа", "группа товаров",
    ),
    "channel": ("channel", "sales channel", "канал", "канал продаж", "канал обращения"),
    "name": ("name", "customer name", "client name", "company", "наименование клиента",
             "название", "имя", "фио", "название клиента"),
    "type": ("type", "customer type", "client type", "тип", "тип клиента", "вид клиента",
             "b2b b2c"),
    "segment": ("segment", "сегмент", "группа клиентов"),
    "region": ("region", "city", "регион", "город", "область"),
    "source": ("source", "lead source", "acquisition source", "источник", "источник обращения",
               "источник лида", "откуда узнал", "откуда узнали"),
    "signup_date": ("signup date", "registration date", "created", "first date",
                    "дата регистрации", "дата первого обращения", "клиент с"),
    "respondent_id": ("respondent id", "respondent", "respondent no", "респондент",
                      "номер анкеты", "анкета", "id респондента"),
    "attribute": ("attribute", "item", "question", "атрибут", "параметр", "характеристика",
                  "критерий", "показатель"),
    "importance": ("importance", "важность", "значимость"),
    "performance": ("performance", "satisfaction", "rating", "оценка", "удовлетворенность",
                    "качество", "наша оценка"),
    "expectation": ("expectation", "expectations", "ожидание", "ожидания"),
    "competitor_performance": ("competitor performance", "competitor", "competitor rating",
                               "оценка конкурента", "конкурент"),
    "kano_functional": ("kano functional", "functional", "функциональный", "кано функциональный",
                        "если есть"),
    "kano_dysfunctional": ("kano dysfunctional", "dysfunctional", "дисфункциональный",
                           "кано дисфункциональный", "если нет"),
    "nps": ("nps", "recommend", "likelihood to recommend", "готовность рекомендовать",
            "порекомендуете"),
    "comment": ("comment", "comments", "комментарий", "комментарии", "отзыв"),
    "kind": ("kind", "type", "contact type", "вид", "тип обращения", "вид обращения", "тип"),
    "category": ("category", "topic", "subject", "категория", "тема", "причина"),
    "resolved_date": ("resolved date", "resolved", "closed", "close date", "date resolved",
                      "дата решения", "дата закрытия", "решено", "закрыто"),
    "score": ("score", "csat", "оценка", "балл"),
    "text": ("text", "message", "description", "текст", "описание", "суть обращения",
             "содержание"),
    "lead_id": ("lead id", "lead", "lead no", "лид", "номер лида", "id лида", "сделка id"),
    "stage": ("stage", "status", "funnel stage", "этап", "стадия", "статус", "этап воронки"),
}


def normalise_header(name: str) -> str:
    """Normalise a header for matching: lower case, ё -> е, punctuation and spaces collapsed."""
    s = str(name).replace("\ufeff", "").replace("\u00a0", " ").lower().replace("ё", "е")
    s = re.sub(r"[\s_\-./,:;()\[\]№#\"']+", " ", s)
    return s.strip()


def _check_targets(mapping: Mapping[str, object], table: str, where: str) -> dict[str, str | None]:
    spec = table_spec(table)
    out: dict[str, str | None] = {}
    for src, dst in mapping.items():
        if dst is not None and not isinstance(dst, str):
            raise WorkbenchError(
                f"{where}: mapping for {src!r} must be a canonical column name, got {dst!r}"
            )
        if dst is not None and dst not in spec.names:
            raise WorkbenchError(
                f"{where}: maps {src!r} to {dst!r}, which is not a column of the {table} table; "
                f"its columns are {', '.join(spec.names)}"
            )
        out[str(src)] = dst
    seen: dict[str, str] = {}
    for src, dst in out.items():
        if dst is None:
            continue
        if dst in seen:
            raise WorkbenchError(
                f"{where}: both {seen[dst]!r} and {src!r} are mapped to {dst!r}; map only one"
            )
        seen[dst] = src
    return out


#: Reading options a mapping file may set in its ``options:`` section.
OPTION_KEYS: tuple[str, ...] = ("date_format", "dayfirst", "decimal", "encoding", "sep")


def check_options(options: object, where: str) -> dict:
    """Validate the ``options:`` section of a mapping."""
    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise DataFileError(f"{where}: 'options' must be a mapping of option -> value")
    unknown = [k for k in options if k not in OPTION_KEYS]
    if unknown:
        raise DataFileError(
            f"{where}: unknown option(s) {', '.join(repr(shorten(k)) for k in unknown[:5])} "
            f"in 'options'; known: {', '.join(OPTION_KEYS)}"
        )
    out = dict(options)
    if "dayfirst" in out and not isinstance(out["dayfirst"], bool):
        raise DataFileError(f"{where}: options.dayfirst must be true or false")
    return out


def load_mapping(path: str | Path, table: str | None = None) -> dict:
    """Read a column mapping from a YAML or JSON file.

    Parameters
    ----------
    path : str or Path
        A ``.yml``, ``.yaml`` or ``.json`` file. Either flat, ``{source name: canonical name}``,
        or nested by table, ``{transactions: {...}, customers: {...}}``. A canonical name of
        ``null`` drops that source column.
    table : str, optional
        With a table name, return that table's mapping (the flat mapping itself if the file is
        flat; ``{}`` if the file is nested and has no section for it). Without, return the file
        as read: a flat mapping or a dict of table -> mapping.

    Returns
    -------
    dict
        ``{source column: canonical column}``, or ``{table: {source: canonical}}``.

    Examples
    --------
    A ``mapping.yml`` for a 1C export::

        transactions:
          Контрагент: customer_id
          Дата: date
          Сумма: amount
        options:
          date_format: "%m/%d/%Y"

    The optional ``options:`` section sets reading options for every table of the folder
    (:data:`OPTION_KEYS`: ``date_format``, ``dayfirst``, ``decimal``, ``encoding``, ``sep``);
    arguments given to a loader win over it. It is returned under the key ``"options"`` when
    ``table`` is None and left out otherwise (see :func:`mapping_options`).
    """
    p = Path(path).expanduser()
    if not p.is_file():
        raise DataFileError(f"mapping file not found: {p}")
    from workbench.io._text import decode_bytes

    data = p.read_bytes()
    text = decode_bytes(data, p.name)[0].decode("utf-8") if data.strip() else ""
    suffix = p.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text) if text.strip() else {}
        elif suffix in (".yml", ".yaml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            raise DataFileError(
                f"{p.name}: a mapping file must be .yml, .yaml or .json, got {suffix!r}"
            )
    except DataFileError:
        raise
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        raise DataFileError(
            f"{p.name}: cannot parse the mapping file ({shorten(exc, 200)})"
        ) from None
    if not isinstance(data, dict):
        raise DataFileError(
            f"{p.name}: expected a mapping of source column -> canonical column, got "
            f"{type(data).__name__}"
        )
    options = check_options(data.pop("options", None), p.name)
    nested = bool(data) and all(k in TABLES for k in data) and all(
        isinstance(v, dict) or v is None for v in data.values()
    )
    if nested or (not data and options):
        out = {k: _check_targets(v or {}, k, f"{p.name} [{k}]") for k, v in data.items()}
        if table is None:
            return {**out, "options": options} if options else out
        table_spec(table)
        return out.get(table, {})
    if any(isinstance(v, dict) for v in data.values()):
        bad = [k for k, v in data.items() if isinstance(v, dict) and k not in TABLES]
        raise DataFileError(
            f"{p.name}: sections must be table names ({', '.join(TABLES)}); got {bad}"
        )
    flat = {str(k): v for k, v in data.items()}
    if table is not None:
        return _check_targets(flat, table, p.name)
    return {**flat, "options": options} if options else flat


def mapping_options(mapping: object) -> dict:
    """The ``options:`` section of a mapping (a path to a mapping file or a dict), or ``{}``."""
    if mapping is None:
        return {}
    if isinstance(mapping, (str, Path)):
        mapping = load_mapping(mapping)
    if isinstance(mapping, Mapping):
        return check_options(mapping.get("options"), "mapping")
    return {}


def resolve_columns(
    names: list[str],
    table: str,
    explicit: Mapping[str, str | None] | None,
    source: str,
) -> tuple[dict[str, str], list[str], list[str], list[str]]:
    """Decide which source column becomes which canonical column.

    Returns ``(mapping source -> canonical, auto-recognised sources, dropped sources,
    warnings)``. Exact canonical names come first, then the explicit mapping (which always
    wins), then :data:`HEADER_SYNONYMS`.
    """
    spec = table_spec(table)
    explicit = _check_targets(dict(explicit or {}), table, f"{table} in {source}")
    absent = [s for s in explicit if s not in names]
    if absent:
        # tolerate differences of case/spaces in the mapping's source names
        by_norm = {normalise_header(n): n for n in names}
        fixed = {}
        for s, d in explicit.items():
            if s in names:
                fixed[s] = d
            elif normalise_header(s) in by_norm:
                fixed[by_norm[normalise_header(s)]] = d
            else:
                from workbench.errors import MissingColumnsError

                raise MissingColumnsError(
                    table, [s], names, source=source,
                    hint=f"the column mapping names {s!r}, which is not in the file",
                )
        explicit = fixed
    mapping: dict[str, str] = {s: d for s, d in explicit.items() if d is not None}
    dropped = [s for s, d in explicit.items() if d is None]
    taken = set(mapping.values())
    used = set(explicit)
    auto: list[str] = []
    warnings: list[str] = []
    norm = {n: normalise_header(n) for n in names}
    # 1) exact canonical names
    for n in names:
        if n in used:
            continue
        if norm[n].replace(" ", "_") in spec.names and norm[n].replace(" ", "_") not in taken:
            canon = norm[n].replace(" ", "_")
            mapping[n] = canon
            taken.add(canon)
            used.add(n)
            if n != canon:
                auto.append(n)
    # 2) synonyms, in the priority order of each canonical column's list
    for canon in spec.names:
        if canon in taken:
            continue
        candidates = [
            (HEADER_SYNONYMS.get(canon, ()).index(norm[n]), i, n)
            for i, n in enumerate(names)
            if n not in used and norm[n] in HEADER_SYNONYMS.get(canon, ())
        ]
        if not candidates:
            continue
        candidates.sort()
        chosen = candidates[0][2]
        mapping[chosen] = canon
        taken.add(canon)
        used.add(chosen)
        auto.append(chosen)
        if len(candidates) > 1:
            others = ", ".join(repr(c[2]) for c in candidates[1:])
            warnings.append(note_("load.warn.column_choice", chosen=repr(chosen), canon=canon,
                                  others=others))
    return mapping, auto, dropped, warnings

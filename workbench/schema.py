"""The canonical data model: five tables, their columns, types and meaning.

Every loader returns these columns with these dtypes, and every analysis function expects them
by default (a ``columns=`` mapping renames the caller's columns). ``docs/data.md`` is the
human-readable version of this module; a test keeps the two in step.

Types
-----
``string``
    pandas string dtype; identifiers keep leading zeros (``"00012"``).
``datetime``
    ``datetime64[ns]`` (naive, local business time).
``float``
    ``float64``; money in the client's currency.
``Int``
    nullable integer (``Int64``); survey scales and scores.
``category``
    pandas categorical (ordered where stated).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = (
    "FEEDBACK_KINDS",
    "KANO_ANSWERS",
    "LEAD_STAGES",
    "TABLES",
    "ColumnSpec",
    "TableSpec",
    "table_spec",
)

#: Ordered stages of the sales funnel (воронка продаж): call -> proposal -> meeting -> deal.
LEAD_STAGES: tuple[str, ...] = ("call", "proposal", "meeting", "deal")

#: Kinds of feedback contacts.
FEEDBACK_KINDS: tuple[str, ...] = ("complaint", "question", "praise", "refusal")

#: Kano answer codes: 1 = I like it, 2 = I expect it, 3 = neutral, 4 = I can live with it,
#: 5 = I dislike it.
KANO_ANSWERS: dict[int, dict[str, str]] = {
    1: {"en": "I like it", "ru": "Мне нравится"},
    2: {"en": "I expect it", "ru": "Так и должно быть"},
    3: {"en": "I am neutral", "ru": "Мне всё равно"},
    4: {"en": "I can live with it", "ru": "Могу смириться"},
    5: {"en": "I dislike it", "ru": "Мне не нравится"},
}


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column."""

    name: str
    dtype: str
    required: bool
    description: str


@dataclass(frozen=True)
class TableSpec:
    """One canonical table: its name, default file stem and columns."""

    name: str
    file_stem: str
    columns: tuple[ColumnSpec, ...]
    description: str

    @property
    def required(self) -> tuple[str, ...]:
        """Names of the required columns."""
        return tuple(c.name for c in self.columns if c.required)

    @property
    def names(self) -> tuple[str, ...]:
        """Names of all canonical columns, in order."""
        return tuple(c.name for c in self.columns)

    def dtype(self, name: str) -> str:
        """Return the canonical type of column ``name``."""
        for c in self.columns:
            if c.name == name:
                return c.dtype
        raise KeyError(name)


C = ColumnSpec

TABLES: dict[str, TableSpec] = {
    "transactions": TableSpec(
        "transactions",
        "transactions",
        (
            C("customer_id", "string", True, "Client identifier; leading zeros preserved."),
            C("date", "datetime", True, "Date (and time) of the purchase or return."),
            C("amount", "float", True, "Sales amount of the line; negative = a return."),
            C("order_id", "string", False, "Order / receipt number; lines of one order share it."),
            C("quantity", "float", False, "Units bought (negative for returns)."),
            C("cost", "float", False, "Cost of the goods sold on the line; profit = amount - cost."),
            C("product", "string", False, "Product or product group."),
            C("channel", "string", False, "Sales channel (shop, online, wholesale ...)."),
        ),
        "One row per purchase (or return) line. Required for most steps.",
    ),
    "customers": TableSpec(
        "customers",
        "customers",
        (
            C("customer_id", "string", True, "Client identifier, as in transactions."),
            C("name", "string", False, "Client name (pseudonymise before sharing)."),
            C("type", "string", False, "B2B or B2C."),
            C("segment", "string", False, "The client's own segment label, if the CRM has one."),
            C("region", "string", False, "Region or city."),
            C("source", "string", False, "Where the client heard of us (lead source)."),
            C("signup_date", "datetime", False, "When the client was registered."),
        ),
        "One row per client: the CRM card.",
    ),
    "survey": TableSpec(
        "survey",
        "survey",
        (
            C("respondent_id", "string", True, "Respondent identifier."),
            C("customer_id", "string", False, "The client, when the answer is not anonymous."),
            C("attribute", "string", True, "Service attribute asked about (e.g. response time …)."),
            C("importance", "Int", False, "How important the attribute is, 1-5."),
            C("performance", "Int", False, "How well we perform on it, as perceived, 1-5."),
            C("expectation", "Int", False, "The level of quality the client expects, 1-5."),
            C("competitor_performance", "Int", False, "How well the main competitor performs, 1-5."),
            C("kano_functional", "Int", False, "Kano answer if the attribute is present, 1-5."),
            C("kano_dysfunctional", "Int", False, "Kano answer if it is absent, 1-5."),
            C("nps", "Int", False, "Likelihood to recommend, 0-10; one per respondent."),
            C("comment", "string", False, "Free-text comment."),
            C("date", "datetime", False, "When the answer was given."),
        ),
        "Long format: one row per respondent x attribute. Scales 1-5 (5 = best / most important).",
    ),
    "feedback": TableSpec(
        "feedback",
        "feedback",
        (
            C("customer_id", "string", True, "The client who got in touch."),
            C("date", "datetime", True, "When the contact happened."),
            C("kind", "category", True, "complaint, question, praise or refusal."),
            C("category", "string", False, "Topic (delivery, quality, price ...)."),
            C("channel", "string", False, "Phone, e-mail, messenger, visit ..."),
            C("resolved_date", "datetime", False, "When it was resolved; empty = unresolved."),
            C("score", "Int", False, "Satisfaction or NPS score given with the contact."),
            C("text", "string", False, "What the client said."),
        ),
        "Contacts, complaints and refusal reasons (отказные листы).",
    ),
    "leads": TableSpec(
        "leads",
        "leads",
        (
            C("lead_id", "string", True, "Lead identifier."),
            C("customer_id", "string", False, "The client, once the lead converted."),
            C("source", "string", False, "Where the lead came from."),
            C("stage", "category", True, "Furthest stage reached: call < proposal < meeting < deal."),
            C("date", "datetime", True, "Date of first contact."),
        ),
        "The sales funnel: one row per lead.",
    ),
}

del C


def table_spec(table: str) -> TableSpec:
    """Return the :class:`TableSpec` of a canonical table, with a clear error for a bad name."""
    try:
        return TABLES[table]
    except KeyError:
        from workbench.errors import WorkbenchError

        raise WorkbenchError(
            f"table must be one of {', '.join(TABLES)}; got {table!r}"
        ) from None

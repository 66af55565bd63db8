"""Workshop panel for steps 4 and 8: one client's card (orders, complaints, survey, rung)."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W
import pandas as pd

from workbench.client_base import client_card
from workbench.errors import WorkbenchError
from workbench.i18n import check_language, has, t
from workbench.narrative import count, date, listing, money, quantity, quote, segment_label
from workbench.widgets._base import Panel

__all__ = ("client_card_panel", "describe_client_card")


def _compress(rungs: pd.Series) -> list[tuple[pd.Timestamp, str]]:
    """The rung history without repeats: (first date of the rung, rung) in order."""
    out: list[tuple[pd.Timestamp, str]] = []
    for when, rung in rungs.dropna().items():
        if not out or out[-1][1] != rung:
            out.append((pd.Timestamp(when), str(rung)))
    return out


def describe_client_card(card: dict[str, Any], customer_id: str,
                         language: str | None = None) -> str:
    """Read one client's card aloud: who, orders, rung now and over time, complaints, survey.

    Parameters
    ----------
    card : dict
        What :func:`workbench.client_card` returned.
    customer_id : str
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Lines separated by ``\\n``.
    """
    language = check_language(language)
    who = str(customer_id)
    crm = card.get("customer") or {}
    extra = [str(crm[k]) for k in ("name", "region", "segment")
             if k in crm and crm[k] is not None and not pd.isna(crm[k]) and str(crm[k]).strip()]
    lines = [f"{t('card.client', language)} {who}" + (f" — {', '.join(extra)}" if extra else "")]
    orders = card.get("orders")
    if orders is None or orders.empty:
        lines.append(t("card.no_orders", language))
    else:
        lines.append(t("card.orders", language,
                       orders=quantity(len(orders), "order", language),
                       amount=money(float(orders["amount"].sum()), language),
                       first=date(orders["date"].min(), language),
                       last=date(orders["date"].max(), language)))
    path = _compress(card.get("rungs", pd.Series(dtype="string")))
    if path:
        lines.append(t("card.rung_now", language, rung=segment_label(path[-1][1], language)))
        if len(path) > 1:
            steps = " → ".join(f"{segment_label(r, language)} ({date(d, language)})"
                               for d, r in path)
            lines.append(t("card.rungs", language, path=steps))
    fb = card.get("feedback")
    if fb is None or fb.empty:
        lines.append(t("card.no_feedback", language))
    else:
        last = fb.sort_values("date", kind="mergesort").iloc[-1] if "date" in fb else fb.iloc[-1]
        text = str(last.get("text", "") or "").strip() or str(last.get("category", "") or "")
        lines.append(t("card.feedback", language, n=count(len(fb), language),
                       date=date(last["date"], language) if "date" in fb else "—",
                       text=quote(text, language) if text else "—"))
    sv = card.get("survey")
    if sv is None or sv.empty:
        lines.append(t("card.no_survey", language))
    else:
        n = sv["respondent_id"].nunique() if "respondent_id" in sv else 1
        what = [quantity(len(sv), "answer", language)]
        if "nps" in sv and sv["nps"].notna().any():
            what.append(f"NPS {count(sv['nps'].dropna().iloc[-1], language)}")
        if n > 1:
            what.append(quantity(n, "respondent", language))
        lines.append(t("card.survey", language, n=listing(what, language)))
    return "\n".join(lines)


def _suggestions(data: Any, limit: int) -> list[str]:
    """Client ids to offer in the box: the biggest buyers first, then the CRM cards."""
    tables = data.tables if hasattr(data, "tables") else dict(data)
    tx = tables["transactions"]
    ids = list(tx.groupby(tx["customer_id"].astype(str))["amount"].sum()
               .sort_values(ascending=False, kind="mergesort").index[:limit])
    return ids


def client_card_panel(data: Any, customer_id: str | None = None, language: str | None = None,
                      limit: int = 300, rows: int = 10) -> Panel:
    """Return a panel to pick a client and read their card.

    Parameters
    ----------
    data : DataFolder or dict of DataFrame
        As for :func:`workbench.client_card`.
    customer_id : str, optional
        The client shown first (default: the biggest buyer).
    language : {"en", "ru"}, optional
    limit : int, default 300
        How many client ids the box suggests (the biggest buyers); any other id can be typed.
    rows : int, default 10
        Latest orders shown in the table.

    Returns
    -------
    Panel
        Control ``client`` (a Combobox: type or pick an id); ``result`` is the
        :func:`workbench.client_card` dict; the summary reads it
        (:func:`describe_client_card`); the output shows the latest orders and the
        client's complaints.
    """
    language = check_language(language)
    ids = _suggestions(data, limit)
    start = str(customer_id) if customer_id is not None else (ids[0] if ids else "")
    box = W.Combobox(value=start, options=ids, ensure_option=False,
                     description=t("card.client", language), continuous_update=False,
                     placeholder="customer_id")

    def compute(client: str) -> dict[str, Any]:
        cid = str(client).strip()
        if not cid:
            raise WorkbenchError(t("card.unknown", language, id="—"))
        try:
            return client_card(data, cid)
        except WorkbenchError:
            raise WorkbenchError(t("card.unknown", language, id=cid)) from None

    def describe(card: dict[str, Any]) -> str:
        text = describe_client_card(card, box.value.strip(), language)
        return "<p>" + "<br>".join(escape(line) for line in text.split("\n")) + "</p>"

    def draw(card: dict[str, Any]) -> None:
        from IPython.display import display

        orders = card.get("orders")
        if orders is not None and len(orders):
            shown = orders.tail(rows).iloc[::-1].assign(
                date=lambda f: [date(d, language) for d in f["date"]],
                amount=lambda f: [money(a, language) for a in f["amount"]])
            shown = shown.rename(columns={
                "date": t("card.col.date", language), "amount": t("card.col.amount", language),
                "lines": t("card.col.lines", language)})
            display(shown.reset_index(drop=True))
        fb = card.get("feedback")
        if fb is not None and len(fb):
            keep = [c for c in ("date", "kind", "category", "text", "resolved_date") if c in fb]
            shown = fb[keep].copy()
            for c in ("date", "resolved_date"):
                if c in shown:
                    shown[c] = [date(d, language) if pd.notna(d) else "" for d in shown[c]]
            if "kind" in shown:
                shown["kind"] = [t(f"card.kind.{k}", language) if has(f"card.kind.{k}") else k
                                 for k in shown["kind"].astype(str)]
            display(shown.rename(columns={c: t(f"card.col.{c}", language) for c in keep}))

    return Panel({"client": box}, compute, describe, draw, title=t("card.title", language),
                 height="260px")

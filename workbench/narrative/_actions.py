"""Step 5 read aloud: the cost and the expected result of every planned action.

Sentences and the display table over :func:`workbench.action_economics.action_economics`.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from workbench.action_economics import ActionEconomics
from workbench.i18n import check_language, has, t
from workbench.narrative._format import count, decimal, listing, money, percent

__all__ = ("describe_action_economics", "format_action_economics", "missing_field_labels")

_FIELD_RE = re.compile(r"^(?P<sec>[a-z_]+)\[(?P<i>\d+)\]\.(?P<cols>[a-z_|]+)$")


def _horizon(days: float, language: str) -> str:
    from workbench.narrative._format import quantity

    return quantity(int(round(days)), "day", language)


def _field_label(name: str, result: ActionEconomics | None, language: str) -> str:
    """``offers[0].cost_per_client`` -> «cost per client» of “regular” (offers[0].cost_per_client)."""
    m = _FIELD_RE.match(name)
    if m:
        sec, cols = m["sec"], m["cols"].split("|")
        labels = [t(f"wsf.col.{sec}.{c}", language) if has(f"wsf.col.{sec}.{c}") else c
                  for c in cols]
        what = listing(labels, language, conjunction="or")
        row = None
        if result is not None:
            kind = {"actions": "improvement", "offers": "offer", "acquisition": "acquisition"}[sec]
            rows = result.table.loc[result.table["kind"] == kind, "name"].tolist()
            i = int(m["i"])
            row = rows[i] if i < len(rows) else None
        where = t(f"wsf.label.{sec}", language) + (f" «{row}»" if row and language == "ru"
                                                   else f" “{row}”" if row else "")
        return f"{what} — {where} ({name})"
    section, _, fname = name.partition(".")
    key = f"wsf.label.{section}.{fname}" if fname else f"wsf.label.{section}"
    if has(key):
        return f"{t(key, language)} ({name})"
    if has(f"ws.table.{name}"):
        return t(f"ws.table.{name}", language)
    return name


def missing_field_labels(result: ActionEconomics, language: str | None = None) -> list[str]:
    """The empty workshop fields that would price the unpriced actions, as readable labels.

    Row fields of one column are grouped: «cost per client — offer rules: regular, buyer
    (offers[].cost_per_client)».
    """
    language = check_language(language)
    groups: dict[tuple[str, str], list[str]] = {}
    out: list[Any] = []
    kinds = {"actions": "improvement", "offers": "offer", "acquisition": "acquisition"}
    for name in result.missing:
        m = _FIELD_RE.match(name)
        if not m:
            out.append(_field_label(name, None, language))
            continue
        key = (m["sec"], m["cols"])
        if key not in groups:
            groups[key] = []
            out.append(key)
        rows = result.table.loc[result.table["kind"] == kinds[m["sec"]], "name"].tolist()
        i = int(m["i"])
        if i < len(rows):
            groups[key].append(str(rows[i]))
    labels = []
    for item in out:
        if isinstance(item, str):
            labels.append(item)
            continue
        sec, cols = item
        what = listing([t(f"wsf.col.{sec}.{c}", language) if has(f"wsf.col.{sec}.{c}") else c
                        for c in cols.split("|")], language, conjunction="or")
        names = groups[item]
        shown = ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")
        labels.append(f"{what} — {t(f'wsf.label.{sec}', language)}: {shown} ({sec}[].{cols})")
    return labels


def _name(row: pd.Series, language: str) -> str:
    if row["kind"] == "retention":
        return t("act.name.retention", language)
    if row["kind"] == "offer":
        from workbench.narrative._offers import segment_label

        try:
            return str(segment_label(row["name"], language))
        except Exception:  # an unknown segment key reads as itself
            return str(row["name"])
    return str(row["name"])


def _reach(row: pd.Series, language: str) -> str:
    if row["kind"] == "acquisition":
        return t("act.reach.leads", language)
    if row["kind"] == "retention":
        return t("act.reach.targets", language)
    seg = row.get("segment")
    if seg is None or (isinstance(seg, float) and math.isnan(seg)) or str(seg).lower() in (
            "", "all"):
        return t("act.reach.all", language)
    from workbench.narrative._offers import segment_label

    try:
        return str(segment_label(seg, language))
    except Exception:
        return str(seg)


def _assumption(row: pd.Series, result: ActionEconomics, language: str) -> str:
    if not row["priced"]:
        fields = [m.split(".", 1)[-1].replace("|", " / ") for m in row["missing"]]
        return t("act.not_priced", language, fields=", ".join(fields))
    if row["kind"] == "acquisition":
        basis = row.get("conversion_basis") or "workshop"
        return t("act.assume.acquisition", language,
                 conversion=percent(row["conversion"], 1, language),
                 basis=t(f"act.basis.{basis}", language),
                 value=money(row["new_client_value"], language, result.currency))
    parts = []
    if not pd.isna(row["retained"]) and row["retained"] > 0:
        parts.append(t("act.assume.retained", language,
                       share=percent(row["retained"], 0, language)))
    if not pd.isna(row["growth"]) and row["growth"] > 0:
        parts.append(t("act.assume.growth", language, share=percent(row["growth"], 0, language)))
    return "; ".join(parts) or "—"


def _sourcing(x: Any, language: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or str(x) not in ("in_house",
                                                                                "bought"):
        return t("act.sourcing.none", language)
    return t(f"act.sourcing.{x}", language)


def _payback(x: float, language: str) -> str:
    if pd.isna(x):
        return "—"
    if math.isinf(x):
        return t("act.never", language)
    return decimal(x, 1, language)


def format_action_economics(result: ActionEconomics, language: str | None = None
                            ) -> pd.DataFrame:
    """Return the step-5 table for display: one row per planned action, in the chosen language.

    Parameters
    ----------
    result : ActionEconomics
    language : {"en", "ru"}, optional

    Returns
    -------
    pandas.DataFrame
        Kind, action, whom it reaches, clients reached, who does it, one-off cost, cost per
        client, cost, the assumed effect (or the fields that would price it), expected result,
        net, ROI (%), payback (months) and whether it is chosen; money in whole units of the
        client's currency (text, so an unpriced row shows a dash).
    """
    language = check_language(language)
    cur = result.currency
    rows = []
    for _, r in result.table.iterrows():
        def m(x: float) -> str:
            return "—" if pd.isna(x) else money(x, language, cur)

        rows.append({
            t("act.col.kind", language): t(f"act.kind.{r['kind']}", language),
            t("act.col.name", language): _name(r, language),
            t("act.col.reach", language): _reach(r, language),
            t("act.col.n_reached", language): count(int(r["n_reached"]), language),
            t("act.col.sourcing", language): _sourcing(r.get("sourcing"), language),
            t("act.col.one_off_cost", language): m(r["one_off_cost"]),
            t("act.col.cost_per_client", language): m(r["cost_per_client"]),
            t("act.col.cost", language): m(r["cost"]),
            t("act.col.assumption", language): _assumption(r, result, language),
            t("act.col.money", language): m(r["money"]),
            t("act.col.net", language): m(r["net"]),
            t("act.col.roi", language): "—" if pd.isna(r["roi"]) else percent(
                r["roi"], 0, language),
            t("act.col.payback", language): _payback(r["payback_months"], language),
            t("act.col.chosen", language): t("act.yes" if r["chosen"] else "act.no", language),
        })
    return pd.DataFrame(rows)


def describe_action_economics(result: ActionEconomics, language: str | None = None) -> str:
    """Read the step-5 table aloud: what the chosen set costs and brings, what is not priced.

    Parameters
    ----------
    result : ActionEconomics
    language : {"en", "ru"}, optional

    Returns
    -------
    str
        Without any priced action: the banner naming the empty workshop fields. Otherwise the
        chosen set's cost, expected result, net, ROI and payback over the horizon; the best
        action; the actions that do not pay back; those not priced with the fields to fill;
        what is bought in; and how a client's value was chosen (back-test errors).
    """
    language = check_language(language)
    tab = result.table
    cur = result.currency
    priced = tab.loc[tab["priced"].astype(bool)]
    fields = missing_field_labels(result, language)
    if not len(priced):
        return t("act.describe.none", language, fields="; ".join(fields) or "—")
    horizon = _horizon(result.horizon_days, language)
    chosen = result.chosen.loc[result.chosen["priced"].astype(bool)]
    parts = []
    if len(chosen):
        tot = result.totals()
        parts.append(t(
            "act.describe.summary", language, horizon=horizon, n_priced=count(len(priced),
                                                                                language),
            n=count(len(tab), language), n_chosen=count(len(chosen), language),
            cost=money(tot["cost"], language, cur), money=money(tot["money"], language, cur),
            net=money(tot["net"], language, cur),
            roi="—" if math.isnan(tot["roi"]) else percent(tot["roi"], 0, language),
            payback=_payback_text(tot["payback_months"], language)))
        if tot["overlap"] > 0:
            parts.append(t("act.describe.overlap", language,
                           overlap=money(tot["overlap"], language, cur)))
    else:
        parts.append(t("act.describe.nothing_chosen", language, horizon=horizon,
                       n_priced=count(len(priced), language), n=count(len(tab), language)))
    best = priced.sort_values("net", ascending=False, kind="mergesort").iloc[0]
    if best["net"] > 0:
        parts.append(t("act.describe.best", language, name=_name(best, language),
                       net=money(best["net"], language, cur),
                       roi="—" if pd.isna(best["roi"]) else percent(best["roi"], 0, language)))
    losing = priced.loc[priced["net"] <= 0]
    if len(losing):
        names = [_name(r, language) for _, r in losing.sort_values(
            "net", kind="mergesort").iterrows()]
        shown = names[:4] + ([t("act.more", language, n=count(len(names) - 4, language))]
                             if len(names) > 4 else [])
        parts.append(t("act.describe.worst", language, names=listing(shown, language)))
    unpriced = tab.loc[~tab["priced"].astype(bool)]
    if len(unpriced):
        parts.append(t("act.describe.unpriced", language, n=count(len(unpriced), language),
                       fields="; ".join(fields)))
    bought = chosen.loc[chosen["sourcing"].astype("string") == "bought"] if len(chosen) else \
        chosen
    if len(bought):
        parts.append(t("act.describe.bought", language, n_bought=count(len(bought), language),
                       cost=money(float(bought["cost"].sum()), language, cur)))
    info = result.value_info or {}
    if info.get("method") in ("clv", "run_rate"):
        parts.append(t("act.describe.value", language,
                       method=t(f"act.method.{info['method']}", language),
                       mae_clv=money(info.get("mae_clv", np.nan), language, cur),
                       mae_run_rate=money(info.get("mae_run_rate", np.nan), language, cur)))
    if len(chosen) and {"retention"} & set(chosen["kind"]) and len(
            set(chosen["kind"]) & {"offer", "improvement"}):
        parts.append(t("act.overlap", language))
    return " ".join(parts)


def _payback_text(months: float, language: str) -> str:
    from workbench.narrative._format import quantity

    if math.isinf(months):
        return t("act.never", language)
    return quantity(round(months, 1), "month", language, digits=1)

"""Step 6 of the method: offers per segment and differentiation from competitors.

Step 6 (формирование предложений для выбранных сегментов, отстройка от конкурентов) turns the
segments of step 4 into concrete work: *what do we offer to whom*. This module holds

- :func:`offer_matrix` — the strategy (attract, engage, retain, cherish, win back, serve at low
  cost) and concrete actions per segment, from a replaceable rule table :data:`OFFER_RULES`;
- :func:`golden_drops` — of our advantages, those that matter to the client *and* that
  competitors lack ("золотые капли");
- :func:`competitiveness` — the 0–20 self-assessment of internal competencies, external
  competencies and dynamic capabilities;
- :func:`ukor` — a self-assessment questionnaire of the company's level of client orientation
  (УКОР) with the spontaneous / regulated / cultural levels.

Everything here is computation on small tables; plots live in :mod:`workbench.plotting` and
widgets in :mod:`workbench.widgets`.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbench.errors import MissingColumnsError, NoteWarning, WorkbenchError

__all__ = (
    "CLIENT_KINDS",
    "COMPETITIVENESS_DIMENSIONS",
    "COMPETITIVENESS_LEVELS",
    "CONSUMER_BASE_MIN",
    "CONSUMER_OFFER_RULES",
    "OFFER_RULES",
    "STRATEGIES",
    "UKOR_LEVELS",
    "UKOR_QUESTIONS",
    "UkorResult",
    "client_kind",
    "competitiveness",
    "default_offer_rules",
    "golden_drops",
    "offer_matrix",
    "offer_rules_frame",
    "survey_advantages",
    "ukor",
)

# ----------------------------------------------------------------------------------------------
# Offer matrix
# ----------------------------------------------------------------------------------------------

#: Strategy keys, in the order of the loyalty ladder; ``"none"`` marks a segment without a rule.
STRATEGIES: tuple[str, ...] = (
    "attract",
    "engage",
    "retain",
    "cherish",
    "win_back",
    "serve_efficiently",
    "none",
)

#: Default offer rules: segment key -> strategy key and action keys (texts in the i18n catalogue
#: under ``offer.action.<key>``). Replace or extend it by passing ``rules=`` to
#: :func:`offer_matrix` (a dict of the same shape or a frame from :func:`offer_rules_frame`).
#: Keys cover the loyalty-ladder rungs, the nine ABC-XYZ cells and common RFM segment names.
OFFER_RULES: dict[str, dict[str, object]] = {
    # loyalty ladder (лестница приверженности): one strategy per rung
    "potential": {
        "strategy": "attract",
        "actions": ("trial_sample", "free_tasting", "first_order_discount"),
    },
    "visitor": {
        "strategy": "attract",
        "actions": ("free_tasting", "first_order_discount"),
    },
    "first_purchase": {
        "strategy": "engage",
        "actions": ("welcome_call", "product_training", "second_order_offer"),
    },
    "buyer": {
        "strategy": "engage",
        "actions": ("cross_sell", "loyalty_programme", "needs_review"),
    },
    "regular": {
        "strategy": "retain",
        "actions": ("personal_manager", "volume_terms", "service_level"),
    },
    "advocate": {
        "strategy": "cherish",
        "actions": ("referral_programme", "co_marketing", "early_access", "gratitude"),
    },
    "lapsed": {"strategy": "win_back", "actions": ("reason_call", "comeback_offer")},
    # ABC-XYZ cells: A = big, C = small; X = steady, Z = rare / one-off
    "AX": {
        "strategy": "cherish",
        "actions": ("key_account_care", "keep_stock", "long_term_contract"),
    },
    "AY": {
        "strategy": "retain",
        "actions": ("personal_manager", "reorder_reminder", "volume_terms"),
    },
    "AZ": {
        "strategy": "retain",
        "actions": ("personal_manager", "purchase_plan_review", "project_offer"),
    },
    "BX": {"strategy": "engage", "actions": ("cross_sell", "loyalty_programme", "keep_stock")},
    "BY": {"strategy": "engage", "actions": ("cross_sell", "reorder_reminder")},
    "BZ": {"strategy": "engage", "actions": ("needs_review", "reorder_reminder")},
    "CX": {"strategy": "engage", "actions": ("upsell", "standard_terms")},
    "CY": {"strategy": "serve_efficiently", "actions": ("standard_terms", "self_service")},
    "CZ": {
        "strategy": "serve_efficiently",
        "actions": ("minimise_cost_to_serve", "self_service", "prepayment"),
    },
    # RFM segment names of workbench.RFM_SEGMENTS (matched case- and separator-insensitively)
    "champions": {
        "strategy": "cherish",
        "actions": ("referral_programme", "early_access", "gratitude"),
    },
    "loyal": {"strategy": "retain", "actions": ("loyalty_programme", "personal_manager")},
    "potential_loyalists": {
        "strategy": "engage",
        "actions": ("cross_sell", "loyalty_programme"),
    },
    "new": {"strategy": "engage", "actions": ("welcome_call", "second_order_offer")},
    "promising": {"strategy": "engage", "actions": ("product_training", "second_order_offer")},
    "need_attention": {"strategy": "retain", "actions": ("needs_review", "reactivation_offer")},
    "about_to_sleep": {"strategy": "retain", "actions": ("reorder_reminder", "reactivation_offer")},
    "at_risk": {"strategy": "win_back", "actions": ("reason_call", "reactivation_offer")},
    "cannot_lose": {"strategy": "win_back", "actions": ("reason_call", "personal_manager")},
    "hibernating": {"strategy": "win_back", "actions": ("comeback_offer",)},
    "lost": {"strategy": "win_back", "actions": ("reason_call", "comeback_offer")},
}

#: The consumer (B2C) variant of the default rules, for the segments whose default actions are
#: business ones (a personal manager, volume terms, joint marketing, a training, a senior
#: manager): actions that reach thousands of consumers through a mass channel instead. Used by
#: :func:`default_offer_rules` when the workshop file gives no rules.
CONSUMER_OFFER_RULES: dict[str, dict[str, object]] = {
    "potential": {"strategy": "attract", "actions": ("first_order_discount", "trial_sample")},
    "visitor": {"strategy": "attract", "actions": ("first_order_discount",)},
    "first_purchase": {"strategy": "engage", "actions": ("second_order_offer", "cross_sell")},
    "buyer": {"strategy": "engage", "actions": ("cross_sell", "loyalty_programme")},
    "regular": {
        "strategy": "retain",
        "actions": ("loyalty_programme", "reorder_reminder", "early_access"),
    },
    "advocate": {
        "strategy": "cherish",
        "actions": ("referral_programme", "early_access", "gratitude"),
    },
    "lapsed": {"strategy": "win_back", "actions": ("comeback_offer",)},
    "AX": {"strategy": "cherish", "actions": ("early_access", "gratitude", "referral_programme")},
    "AY": {"strategy": "retain", "actions": ("reorder_reminder", "loyalty_programme")},
    "AZ": {"strategy": "retain", "actions": ("reorder_reminder", "early_access")},
    "loyal": {"strategy": "retain", "actions": ("loyalty_programme", "early_access")},
    "promising": {"strategy": "engage", "actions": ("second_order_offer", "cross_sell")},
    "need_attention": {"strategy": "retain", "actions": ("reactivation_offer",)},
    "at_risk": {"strategy": "win_back", "actions": ("reactivation_offer",)},
    "cannot_lose": {"strategy": "win_back", "actions": ("reactivation_offer", "comeback_offer")},
    "lost": {"strategy": "win_back", "actions": ("comeback_offer",)},
}

#: Client kinds of :func:`client_kind`.
CLIENT_KINDS: tuple[str, ...] = ("business", "consumer")

#: Without a client type (no ``type`` column in the customers table), a base of more clients
#: than this is taken for a consumer business: a personal manager for each of thousands of
#: buyers is not a default anyone can keep (the workshop file can still say otherwise).
CONSUMER_BASE_MIN = 1000


def default_offer_rules(kind: str = "business") -> dict[str, dict[str, object]]:
    """The method's default offer rules for business or consumer clients.

    Parameters
    ----------
    kind : {"business", "consumer"}
        ``"business"``: :data:`OFFER_RULES`; ``"consumer"``: :data:`OFFER_RULES` with
        :data:`CONSUMER_OFFER_RULES` over it (no personal manager, no volume terms).

    Examples
    --------
    >>> default_offer_rules("business")["regular"]["actions"][0]
    'personal_manager'
    >>> "personal_manager" in default_offer_rules("consumer")["regular"]["actions"]
    False
    """
    if kind not in CLIENT_KINDS:
        raise WorkbenchError(f"kind must be one of {', '.join(CLIENT_KINDS)}; got {kind!r}")
    if kind == "business":
        return dict(OFFER_RULES)
    return {**OFFER_RULES, **CONSUMER_OFFER_RULES}


def client_kind(index: pd.Index, customers: pd.DataFrame | None = None,
                base_min: int | None = None) -> pd.Series:
    """Business or consumer, per client: which default offers and channels fit them.

    Parameters
    ----------
    index : Index
        The clients (``customer_id``).
    customers : DataFrame, optional
        With ``customer_id`` and ``type`` (``B2B`` / ``B2C``, case-insensitive).
    base_min : int, optional
        Clients without a type are consumers when there are more than this many clients,
        else business clients (default :data:`CONSUMER_BASE_MIN`).

    Returns
    -------
    Series
        ``"business"`` or ``"consumer"`` per client of ``index``.

    Examples
    --------
    >>> idx = pd.Index(["a", "b", "c"])
    >>> cust = pd.DataFrame({"customer_id": ["a", "b"], "type": ["B2B", "b2c"]})
    >>> client_kind(idx, cust).tolist()
    ['business', 'consumer', 'business']
    >>> client_kind(idx, None, base_min=2).tolist()
    ['consumer', 'consumer', 'consumer']
    """
    base_min = CONSUMER_BASE_MIN if base_min is None else base_min
    untyped = "consumer" if len(index) > base_min else "business"
    kind = pd.Series(untyped, index=index, dtype=object)
    if customers is not None and {"customer_id", "type"} <= set(customers.columns):
        typed = customers.drop_duplicates("customer_id").set_index(
            customers.drop_duplicates("customer_id")["customer_id"].astype(str))["type"]
        typed = typed.astype("string").str.strip().str.upper()
        mapped = typed.map({"B2B": "business", "B2C": "consumer"})
        got = pd.Series(index.astype(str), index=index).map(mapped)
        kind = got.where(got.notna(), kind).astype(object)
    return kind.rename("kind")


_RULE_COLUMNS = ("segment", "strategy", "actions")


def _py(value: object) -> object:
    """Unwrap a numpy scalar so that error messages show ``5``, not ``np.int64(5)``."""
    return value.item() if isinstance(value, np.generic) else value


def _norm_key(key: object) -> str:
    """Case- and separator-insensitive form of a segment key (``"At Risk"`` -> ``"at_risk"``)."""
    text = str(key).strip().lower().replace("'", "")
    return re.sub(r"[\s\-/]+", "_", text)


def _split_actions(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        parts = [p.strip() for p in re.split(r"[;\n]", value)]
        return tuple(p for p in parts if p)
    if isinstance(value, Sequence | np.ndarray | pd.Series):
        return tuple(str(p).strip() for p in value if str(p).strip())
    return (str(value),)


def _rules_to_dict(rules: Mapping | pd.DataFrame | None) -> dict[str, dict[str, object]]:
    """Validate ``rules`` and return ``{segment: {"strategy": ..., "actions": (...)}}``."""
    if rules is None:
        rules = OFFER_RULES
    if isinstance(rules, pd.DataFrame):
        frame = rules.reset_index() if "segment" not in rules.columns else rules
        missing = [c for c in _RULE_COLUMNS if c not in frame.columns]
        if missing:
            raise MissingColumnsError(
                "offer rules", missing, list(frame.columns), source="rules=",
                hint="Start from workbench.offer_rules_frame() and edit it",
            )
        items = [
            (row.segment, {"strategy": row.strategy, "actions": row.actions})
            for row in frame.itertuples(index=False)
        ]
    elif isinstance(rules, Mapping):
        items = list(rules.items())
    else:
        raise WorkbenchError(
            f"rules must be a dict like workbench.OFFER_RULES or a DataFrame with columns "
            f"{list(_RULE_COLUMNS)}; got {type(rules).__name__}"
        )
    out: dict[str, dict[str, object]] = {}
    for segment, rule in items:
        if not isinstance(rule, Mapping) or "strategy" not in rule:
            raise WorkbenchError(
                f"rules: the rule for segment {segment!r} must be a dict with 'strategy' and "
                f"'actions'; got {rule!r}"
            )
        strategy = str(rule["strategy"]).strip()
        if strategy not in STRATEGIES:
            raise WorkbenchError(
                f"rules: segment {segment!r} has strategy {strategy!r}; allowed: "
                f"{', '.join(STRATEGIES)}"
            )
        out[str(segment)] = {
            "strategy": strategy,
            "actions": _split_actions(rule.get("actions", ())),
        }
    return out


def offer_rules_frame(
    rules: Mapping | pd.DataFrame | None = None, language: str | None = None
) -> pd.DataFrame:
    """Return an offer rule table as an editable DataFrame.

    Parameters
    ----------
    rules : dict or DataFrame, optional
        Defaults to :data:`OFFER_RULES`.
    language : str, optional
        Not used: the frame holds keys only (kept so that older calls run). For display
        texts use :func:`workbench.narrative.label_offers`.

    Returns
    -------
    DataFrame
        One row per segment key: ``segment``, ``strategy`` (key) and ``actions`` (action keys
        joined with ``"; "``). Edit ``strategy`` or ``actions`` (keys or free text) and pass
        the frame back as ``offer_matrix(rules=...)``.

    Examples
    --------
    >>> rules = offer_rules_frame()
    >>> rules.loc[rules["segment"] == "lapsed", ["strategy", "actions"]].iloc[0].tolist()
    ['win_back', 'reason_call; comeback_offer']
    """
    table = _rules_to_dict(rules)
    rows = [
        {"segment": seg, "strategy": rule["strategy"], "actions": "; ".join(rule["actions"])}
        for seg, rule in table.items()
    ]
    return pd.DataFrame(rows, columns=["segment", "strategy", "actions"])


#: Columns that hold segment keys in the package's own outputs (loyalty_ladder, abc_xyz,
#: rfm_table); a frame with any of them is reduced to them unless ``dimensions=`` is given.
_KNOWN_DIMENSIONS = ("rung", "cell", "segment")


def _as_segment_frame(
    segments: pd.Series | pd.DataFrame, dimensions: Sequence[str] | None = None
) -> pd.DataFrame:
    if isinstance(segments, pd.Series):
        name = segments.name if segments.name is not None else "segment"
        return segments.to_frame(name=str(name))
    if isinstance(segments, pd.DataFrame):
        if dimensions is not None:
            dims = [dimensions] if isinstance(dimensions, str) else list(dimensions)
            missing = [d for d in dims if d not in segments.columns]
            if missing:
                raise MissingColumnsError(
                    "segments", missing, list(segments.columns), source="dimensions="
                )
            segments = segments[dims]
        elif any(c in segments.columns for c in _KNOWN_DIMENSIONS):
            segments = segments[[c for c in _KNOWN_DIMENSIONS if c in segments.columns]]
        if segments.shape[1] == 0:
            raise WorkbenchError("segments: the frame has no columns of segment keys")
        return segments
    raise WorkbenchError(
        "segments must be a pandas Series (customer -> segment key) or a DataFrame whose columns "
        f"hold segment keys (e.g. ladder rung, ABC-XYZ cell); got {type(segments).__name__}"
    )


def offer_matrix(
    segments: pd.Series | pd.DataFrame,
    rules: Mapping | pd.DataFrame | None = None,
    language: str | None = None,
    dimensions: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the offer for every segment: how many clients, which strategy, which actions.

    Parameters
    ----------
    segments : Series or DataFrame
        A Series mapping each client to a segment key (a loyalty-ladder rung such as
        ``"regular"``, an ABC-XYZ cell such as ``"AX"``, an RFM segment name, a cluster name), or
        a DataFrame with one such column per segmentation (one row per client). Empty values are
        not counted.
    rules : dict or DataFrame, optional
        The rule table: ``{segment: {"strategy": key, "actions": (action keys or free text)}}``
        or a frame with columns ``segment``, ``strategy``, ``actions`` (``"; "``-separated), as
        made by :func:`offer_rules_frame`. Defaults to :data:`OFFER_RULES`. Segment keys match
        exactly first, then case- and separator-insensitively (``"At Risk"`` = ``"at_risk"``).
    language : str, optional
        Not used: the matrix holds keys only (kept so that older calls run). For display
        labels use :func:`workbench.narrative.label_offers` or
        :func:`workbench.format_offer_matrix`.
    dimensions : list of str, optional
        For a DataFrame: the columns that hold segment keys. Default: the columns ``rung``,
        ``cell`` and ``segment`` when present (so the output of :func:`workbench.loyalty_ladder`,
        :func:`workbench.abc_xyz` or :func:`workbench.rfm_table` can be passed whole), else
        every column.

    Returns
    -------
    DataFrame
        One row per (segmentation, segment), with columns ``dimension`` (the Series name or frame
        column), ``segment``, ``n_customers``, ``share`` (of the clients with a key in that
        dimension), ``strategy`` (key: attract, engage, retain, cherish, win_back,
        serve_efficiently, or none), ``action_keys`` (tuple of action keys, or the free text
        of an edited offer) and ``has_rule``. Segments without a rule are kept,
        with strategy ``"none"`` and ``has_rule=False``, so that nobody is silently left without
        an offer. Rows follow the category order of a categorical input, otherwise the order of
        the rule table, then unknown segments alphabetically.

    Notes
    -----
    The method ties one strategy to each rung of the loyalty ladder (лестница приверженности):
    *attract* the potential client, *engage* the first-time buyer and the buyer (develop them
    with cross-selling and a loyalty programme), *retain* the regular, *cherish* the advocate
    (приверженец), and *win back* the lapsed client one by one, by their reason for leaving.
    Clients are moved up one rung at a time. For ABC-XYZ cells the default keeps key accounts
    (AX) close and serves small, rare buyers (CY, CZ) at the lowest cost. The defaults are a
    starting point for a workshop: edit them with the client's management (see
    :func:`workbench.widgets.offer_table_panel`).

    Examples
    --------
    >>> s = pd.Series(["regular", "lapsed", "regular", "whales"], index=["a", "b", "c", "d"])
    >>> offer_matrix(s)[["segment", "n_customers", "strategy", "has_rule"]]
       segment  n_customers  strategy  has_rule
    0  regular            2    retain      True
    1   lapsed            1  win_back      True
    2   whales            1      none     False
    """
    table = _rules_to_dict(rules)
    normalised = {}
    for key in table:
        normalised.setdefault(_norm_key(key), key)
    order = {key: i for i, key in enumerate(table)}
    frame = _as_segment_frame(segments, dimensions)
    rows = []
    for dim in frame.columns:
        col = frame[dim]
        values = col.dropna()
        counts = values.astype(str).value_counts(sort=False)
        total = int(counts.sum())
        if isinstance(col.dtype, pd.CategoricalDtype):
            keys = [str(c) for c in col.cat.categories]
            keys += sorted(k for k in counts.index if k not in keys)
        else:
            known, unknown = [], []
            for k in counts.index:
                rule_key = k if k in table else normalised.get(_norm_key(k))
                (known if rule_key is not None else unknown).append((k, rule_key))
            known.sort(key=lambda kr: (order[kr[1]], kr[0]))
            keys = [k for k, _ in known] + sorted(k for k, _ in unknown)
        for seg in keys:
            rule_key = seg if seg in table else normalised.get(_norm_key(seg))
            n = int(counts.get(seg, 0))
            if rule_key is None:
                strategy, actions, has_rule = "none", ("no_rule",), False
            else:
                strategy = str(table[rule_key]["strategy"])
                actions = tuple(table[rule_key]["actions"])
                has_rule = True
            rows.append(
                {
                    "dimension": str(dim),
                    "segment": seg,
                    "n_customers": n,
                    "share": n / total if total else float("nan"),
                    "strategy": strategy,
                    "action_keys": actions,
                    "has_rule": has_rule,
                }
            )
    columns = [
        "dimension", "segment", "n_customers", "share", "strategy", "action_keys", "has_rule",
    ]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"n_customers": "int64", "share": "float64", "has_rule": "bool"})


# ----------------------------------------------------------------------------------------------
# Golden drops
# ----------------------------------------------------------------------------------------------

#: The method asks for at least this many advantages before picking the golden drops.
MIN_ADVANTAGES = 10

_IMPORTANCE_SCALES = {"1-5": (1.0, 5.0), "0-10": (0.0, 10.0)}
_COMPETITOR_SCALES = {"share": (0.0, 1.0), "1-5": (1.0, 5.0)}
_IMPORTANCE_DEFAULT_MIN = {"1-5": 4.0, "0-10": 7.0}
_COMPETITOR_DEFAULT_MAX = {"share": 0.3, "1-5": 2.0}


def _numeric_column(frame: pd.DataFrame, col: str, table: str) -> pd.Series:
    values = pd.to_numeric(frame[col], errors="coerce")
    bad = values.isna() & frame[col].notna()
    if bad.any():
        row = frame.index[bad][0]
        raise WorkbenchError(
            f"{table}: column {col!r} must hold numbers; row {row!r} has {_py(frame[col][row])!r}"
        )
    if values.isna().any():
        row = frame.index[values.isna()][0]
        raise WorkbenchError(f"{table}: column {col!r} is empty in row {row!r}")
    return values.astype("float64")


def _check_range(values: pd.Series, lo: float, hi: float, col: str, scale: str, table: str):
    bad = (values < lo) | (values > hi)
    if bad.any():
        row = values.index[bad][0]
        raise WorkbenchError(
            f"{table}: column {col!r} must lie in {lo:g}..{hi:g} for scale {scale!r}; row "
            f"{row!r} has {values[row]:g}"
        )


def golden_drops(
    advantages: pd.DataFrame,
    importance_min: float | None = None,
    competitor_max: float | None = None,
    importance_scale: str | None = None,
    competitor_scale: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Find the "golden drops": our advantages that matter to clients and competitors lack.

    Parameters
    ----------
    advantages : DataFrame
        One row per advantage (or per client x advantage, then averaged), with columns
        ``advantage`` (name), ``importance`` (importance to the client, on a 1–5 or 0–10 scale)
        and ``competitor_presence`` (how present the advantage is at competitors: a share 0–1 of
        competitors that have it, or a 1–5 rating).
    importance_min : float, optional
        An advantage *matters* when its (mean) importance is at least this, on the input's
        scale. Default 4 on 1–5, 7 on 0–10.
    competitor_max : float, optional
        Competitors *lack* an advantage when its presence is at most this, on the input's
        scale. Default 0.3 for a share (at most ~ one competitor in three has it), 2 on 1–5.
    importance_scale : {"1-5", "0-10"}, optional
        Detected when not given: ``"0-10"`` if any value is outside 1..5, else ``"1-5"``.
    competitor_scale : {"share", "1-5"}, optional
        Detected when not given: ``"share"`` if every value is within 0..1, else ``"1-5"``.
        Pass both scales explicitly when the data could be read either way.
    columns : mapping, optional
        ``{your column: canonical name}`` for the three columns above.

    Returns
    -------
    DataFrame
        One row per advantage (index ``advantage``, best first): ``importance``,
        ``competitor_presence`` (means), ``n`` (rows averaged), ``importance_norm`` and
        ``competitor_norm`` (rescaled to 0–1), ``matters``, ``competitors_lack``,
        ``golden_drop`` (both), ``score`` = importance_norm x (1 - competitor_norm) and
        ``rank`` (1 = best; ties share the smaller rank).

    Warns
    -----
    UserWarning
        When fewer than 10 advantages are listed: the seminar asks for at least ten, because
        the obvious few rarely include the drops.

    Notes
    -----
    In the seminar's competitiveness exercise (deck ``000``) the team lists at least ten
    advantages of its products, keeps those that matter to the client, and of those keeps the
    ones competitors do not have: these "golden drops" (золотые капли) are what the offer and
    the sales pitch should be built on. An advantage that matters but every competitor has is
    table stakes; one competitors lack but clients do not care about is a cost, not an asset.
    The ``score`` ranks the rest for discussion; it is not a substitute for asking clients.
    """
    if not isinstance(advantages, pd.DataFrame):
        raise WorkbenchError(
            "advantages must be a DataFrame with columns advantage, importance, "
            f"competitor_presence; got {type(advantages).__name__}"
        )
    frame = advantages.rename(columns=dict(columns)) if columns else advantages
    required = ["advantage", "importance", "competitor_presence"]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise MissingColumnsError("advantages", missing, list(frame.columns), source="DataFrame")
    if frame["advantage"].isna().any():
        row = frame.index[frame["advantage"].isna()][0]
        raise WorkbenchError(f"advantages: column 'advantage' is empty in row {row!r}")
    imp = _numeric_column(frame, "importance", "advantages")
    comp = _numeric_column(frame, "competitor_presence", "advantages")

    if importance_scale is None:
        importance_scale = "0-10" if len(imp) and ((imp < 1) | (imp > 5)).any() else "1-5"
    if importance_scale not in _IMPORTANCE_SCALES:
        raise WorkbenchError(
            f"importance_scale must be one of {list(_IMPORTANCE_SCALES)}; got {importance_scale!r}"
        )
    if competitor_scale is None:
        competitor_scale = "share" if len(comp) and ((comp >= 0) & (comp <= 1)).all() else "1-5"
    if competitor_scale not in _COMPETITOR_SCALES:
        raise WorkbenchError(
            f"competitor_scale must be one of {list(_COMPETITOR_SCALES)}; got {competitor_scale!r}"
        )
    ilo, ihi = _IMPORTANCE_SCALES[importance_scale]
    clo, chi = _COMPETITOR_SCALES[competitor_scale]
    _check_range(imp, ilo, ihi, "importance", importance_scale, "advantages")
    _check_range(comp, clo, chi, "competitor_presence", competitor_scale, "advantages")
    if importance_min is None:
        importance_min = _IMPORTANCE_DEFAULT_MIN[importance_scale]
    if competitor_max is None:
        competitor_max = _COMPETITOR_DEFAULT_MAX[competitor_scale]

    work = pd.DataFrame(
        {"advantage": frame["advantage"].astype(str).to_numpy(), "importance": imp.to_numpy(),
         "competitor_presence": comp.to_numpy()}
    )
    grouped = work.groupby("advantage", sort=False)
    out = grouped[["importance", "competitor_presence"]].mean()
    out["n"] = grouped.size().astype("int64")
    if len(out) < MIN_ADVANTAGES:
        warnings.warn(NoteWarning("golden.warn.few_advantages", n=len(out), minimum=MIN_ADVANTAGES),
                      stacklevel=2)
    eps = 1e-9
    out["importance_norm"] = (out["importance"] - ilo) / (ihi - ilo)
    out["competitor_norm"] = (out["competitor_presence"] - clo) / (chi - clo)
    out["matters"] = out["importance"] >= importance_min - eps
    out["competitors_lack"] = out["competitor_presence"] <= competitor_max + eps
    out["golden_drop"] = out["matters"] & out["competitors_lack"]
    out["score"] = out["importance_norm"] * (1.0 - out["competitor_norm"])
    out = out.sort_values("score", ascending=False, kind="mergesort")
    out["rank"] = out["score"].round(12).rank(method="min", ascending=False).astype("int64")
    out.index.name = "advantage"
    # thresholds on the 0-1 scale, for plot_golden_drops
    out.attrs["importance_min_norm"] = (float(importance_min) - ilo) / (ihi - ilo)
    out.attrs["competitor_max_norm"] = (float(competitor_max) - clo) / (chi - clo)
    return out


# ----------------------------------------------------------------------------------------------
# Competitiveness
# ----------------------------------------------------------------------------------------------

#: The three dimensions of the seminar's competitiveness score, each rated 0-20.
COMPETITIVENESS_DIMENSIONS: tuple[str, ...] = (
    "internal_competencies",
    "external_competencies",
    "dynamic_capabilities",
)

_DIM_ALIASES = {
    "internal": "internal_competencies",
    "external": "external_competencies",
    "dynamic": "dynamic_capabilities",
}

#: Levels of the 0-60 total: (lower bound inclusive, level key). Below 30 is low (on average
#: under 10 of 20 per dimension), 45 and above is high (15 of 20 on average).
COMPETITIVENESS_LEVELS: tuple[tuple[float, str], ...] = ((0.0, "low"), (30.0, "medium"), (45.0, "high"))


def _level(value: float, cutoffs: Sequence[tuple[float, str]]) -> str:
    level = cutoffs[0][1]
    for lower, key in cutoffs:
        if value >= lower - 1e-9:
            level = key
    return level


def competitiveness(
    scores: Mapping[str, float] | pd.Series | pd.DataFrame,
    levels: Sequence[tuple[float, str]] = COMPETITIVENESS_LEVELS,
) -> pd.DataFrame:
    """Add up the 0–20 competitiveness scores and name the weakest dimension.

    Parameters
    ----------
    scores : dict, Series or DataFrame
        Scores 0–20 for ``internal_competencies``, ``external_competencies`` and
        ``dynamic_capabilities`` (short names ``internal``, ``external``, ``dynamic`` are
        accepted). A dict or Series is one company (``"us"``); a DataFrame has one row per
        company (e.g. us and the main competitors) and the three dimensions as columns.
    levels : sequence of (lower bound, key), default COMPETITIVENESS_LEVELS
        Cut-offs of the 0–60 total: low below 30, medium 30–44, high from 45.

    Returns
    -------
    DataFrame
        One row per company (index ``company``): the three scores, ``total`` (0–60),
        ``share`` (total / 60), ``level`` (``low``/``medium``/``high``) and ``weakest`` (the
        dimension with the lowest score; the first of them in the order above on a tie).

    Raises
    ------
    WorkbenchError
        If a dimension is missing, or a score is not a number within 0..20.

    Notes
    -----
    The seminar (deck ``000``) rates a company's competitiveness on three 0–20 scales:
    *internal competencies* (what the people and processes can do), *external competencies*
    (relations with clients, suppliers and partners, brand) and *dynamic capabilities* (how
    fast the company learns and changes). The weakest dimension is where improvement pays first.
    The score is a structured self-assessment for a workshop, not a measurement.

    Examples
    --------
    >>> res = competitiveness({"internal": 15, "external": 8, "dynamic": 12})
    >>> float(res.loc["us", "total"]), res.loc["us", "level"], res.loc["us", "weakest"]
    (35.0, 'medium', 'external_competencies')
    """
    if isinstance(scores, Mapping):
        frame = pd.DataFrame([dict(scores)], index=pd.Index(["us"], name="company"))
    elif isinstance(scores, pd.Series):
        frame = scores.to_frame().T
        frame.index = pd.Index(["us"] if scores.name is None else [scores.name], name="company")
    elif isinstance(scores, pd.DataFrame):
        frame = scores.copy()
        if frame.index.name is None:
            frame.index.name = "company"
    else:
        raise WorkbenchError(
            "scores must be a dict, Series or DataFrame of 0-20 scores for "
            f"{', '.join(COMPETITIVENESS_DIMENSIONS)}; got {type(scores).__name__}"
        )
    frame = frame.rename(columns=_DIM_ALIASES)
    missing = [d for d in COMPETITIVENESS_DIMENSIONS if d not in frame.columns]
    if missing:
        raise MissingColumnsError(
            "competitiveness scores", missing, list(frame.columns), source="scores=",
            hint="Short names internal, external, dynamic are accepted too",
        )
    out = pd.DataFrame(index=frame.index)
    for dim in COMPETITIVENESS_DIMENSIONS:
        values = pd.to_numeric(frame[dim], errors="coerce").astype("float64")
        bad = values.isna() | (values < 0) | (values > 20)
        if bad.any():
            row = frame.index[bad][0]
            raise WorkbenchError(
                f"competitiveness scores: {dim!r} must be a number within 0..20; "
                f"company {row!r} has {_py(frame[dim][row])!r}"
            )
        out[dim] = values
    dims = list(COMPETITIVENESS_DIMENSIONS)
    out["total"] = out[dims].sum(axis=1)
    out["share"] = out["total"] / 60.0
    out["level"] = [_level(v, levels) for v in out["total"]]
    out["weakest"] = [dims[int(np.argmin(row))] for row in out[dims].to_numpy()]
    return out


# ----------------------------------------------------------------------------------------------
# УКОР: level of client orientation
# ----------------------------------------------------------------------------------------------

#: The УКОР self-assessment: question key -> theme key (texts under ``ukor.q.<key>`` and
#: ``ukor.theme.<theme>`` in the i18n catalogue). Two statements per theme, each answered on
#: a 0-4 scale (0 = not at all, 4 = fully true).
UKOR_QUESTIONS: dict[str, str] = {
    "expectations_known": "expectations",
    "competitors_known": "expectations",
    "segments_defined": "segmentation",
    "client_history": "segmentation",
    "offers_per_segment": "offers",
    "advantages_known": "offers",
    "feedback_channel": "feedback",
    "satisfaction_measured": "feedback",
    "complaints_handled": "complaints",
    "lost_clients_reviewed": "complaints",
    "service_standards": "staff",
    "staff_motivation": "staff",
    "management_involved": "management",
    "client_first_culture": "management",
    "key_client_opinion": "key_clients",
    "key_client_owner": "key_clients",
}

#: Levels of the 0-100 score (Kharsky): (lower bound inclusive, level key).
UKOR_LEVELS: tuple[tuple[float, str], ...] = (
    (0.0, "spontaneous"),
    (40.0, "regulated"),
    (75.0, "cultural"),
)


@dataclass(frozen=True)
class UkorResult:
    """The outcome of :func:`ukor`.

    Attributes
    ----------
    score : float
        0–100.
    level : str
        ``"spontaneous"``, ``"regulated"`` or ``"cultural"``.
    themes : DataFrame
        Index ``theme``: ``score`` (0–100), ``n_questions`` (answered).
    answers : DataFrame
        Index ``question``: ``theme``, ``answer`` (mean over respondents), ``score`` (0–100).
    weakest : tuple of str
        Up to three theme keys with the lowest scores below 100, lowest first.
    n_respondents : int
    """

    score: float
    level: str
    themes: pd.DataFrame
    answers: pd.DataFrame
    weakest: tuple[str, ...]
    n_respondents: int = 1
    scale: tuple[float, float] = field(default=(0.0, 4.0))


def ukor(
    answers: Mapping[str, float] | pd.Series | pd.DataFrame,
    scale: tuple[float, float] = (0, 4),
    partial: bool = False,
    levels: Sequence[tuple[float, str]] = UKOR_LEVELS,
    n_weakest: int = 3,
) -> UkorResult:
    """Score the company's level of client orientation (УКОР) from a self-assessment.

    Parameters
    ----------
    answers : dict, Series or DataFrame
        Answers to the statements of :data:`UKOR_QUESTIONS`, keyed by question: a dict or
        Series (one respondent) or a DataFrame with one row per respondent (e.g. each member of
        the management team) and one column per question; answers are averaged per question.
    scale : (low, high), default (0, 4)
        The answer scale: 0 = not at all ... 4 = fully true. Use ``(1, 5)`` for a 1–5 form.
    partial : bool, default False
        If False, every question must be answered (a missing answer is an error that lists
        them). If True, unanswered questions are left out and the score is the mean over the
        answered ones (a theme with no answer gets no score).
    levels : sequence of (lower bound, key), default UKOR_LEVELS
        Cut-offs of the 0–100 score: spontaneous below 40, regulated 40–74.99, cultural from 75.
    n_weakest : int, default 3
        How many weakest themes to report.

    Returns
    -------
    UkorResult
        ``score`` = 100 x mean over questions of (answer − low) / (high − low); ``level``;
        ``themes`` and ``answers`` tables; ``weakest`` themes.

    Raises
    ------
    WorkbenchError
        For unknown question keys, answers outside the scale, or (unless ``partial``) missing
        answers — the message lists the missing questions.

    Notes
    -----
    K. Kharsky distinguishes three levels of client orientation: *spontaneous* (стихийная:
    depends on individual people's goodwill), *regulated* (регламентированная: written
    standards, procedures and measurement) and *cultural* (культурная: the client comes first
    by shared values, without being told). The course asks how to measure УКОР (уровень
    клиентоориентированности) for a firm; this questionnaire covers the method's themes, two
    statements each: knowing client expectations, segmentation, offers per segment, the
    feedback channel, complaints and lost clients, staff standards, management involvement and
    culture, and key clients. It is a self-assessment: the method's last word is that only the
    key client's opinion decides whether a company is client-oriented, so treat a high score
    that key clients would not confirm as a finding in itself. The cut-offs are our convention.

    Examples
    --------
    >>> res = ukor({q: 2 for q in UKOR_QUESTIONS})
    >>> res.score, res.level
    (50.0, 'regulated')
    """
    lo, hi = float(scale[0]), float(scale[1])
    if not hi > lo:
        raise WorkbenchError(f"scale must be (low, high) with high > low; got {scale!r}")
    if isinstance(answers, pd.DataFrame):
        frame = answers
    elif isinstance(answers, Mapping | pd.Series):
        frame = pd.DataFrame([dict(answers)])
    else:
        raise WorkbenchError(
            "answers must be a dict or Series {question: answer} or a DataFrame with one column "
            f"per question; got {type(answers).__name__}"
        )
    unknown = [str(c) for c in frame.columns if c not in UKOR_QUESTIONS]
    if unknown:
        raise WorkbenchError(
            f"ukor: unknown question(s) {unknown}; the questions are "
            f"{', '.join(UKOR_QUESTIONS)} (see workbench.UKOR_QUESTIONS)"
        )
    values = frame.apply(pd.to_numeric, errors="coerce").astype("float64")
    bad = (values < lo) | (values > hi) | (values.isna() & frame.notna())
    if bad.to_numpy().any():
        r, c = np.argwhere(bad.to_numpy())[0]
        got = _py(frame.iat[r, c])
        raise WorkbenchError(
            f"ukor: answer to {values.columns[c]!r} (row {frame.index[r]!r}) must be a number "
            f"within {lo:g}..{hi:g}; got {got!r}"
        )
    mean = values.mean(axis=0) if len(values) else pd.Series(dtype="float64")
    mean = mean.reindex(list(UKOR_QUESTIONS))
    missing = [q for q in UKOR_QUESTIONS if pd.isna(mean[q])]
    if missing and not partial:
        raise WorkbenchError(
            f"ukor: {len(missing)} question(s) not answered: {', '.join(missing)}. Answer them "
            "or pass partial=True to score the answered ones only"
        )
    if len(missing) == len(UKOR_QUESTIONS):
        raise WorkbenchError("ukor: no question answered")
    per_q = pd.DataFrame(
        {
            "theme": pd.Series(UKOR_QUESTIONS),
            "answer": mean,
            "score": (mean - lo) / (hi - lo) * 100.0,
        }
    )
    per_q.index.name = "question"
    theme_order = list(dict.fromkeys(UKOR_QUESTIONS.values()))
    themes = pd.DataFrame(
        {
            "score": per_q.groupby("theme", sort=False)["score"].mean(),
            "n_questions": per_q.groupby("theme", sort=False)["score"].count().astype("int64"),
        }
    ).reindex(theme_order)
    themes.index.name = "theme"
    score = float(per_q["score"].mean())
    ranked = themes["score"].dropna()
    ranked = ranked[ranked < 100.0 - 1e-9].sort_values(kind="mergesort")
    weakest = tuple(str(k) for k in ranked.index[:n_weakest])
    return UkorResult(
        score=score,
        level=_level(score, levels),
        themes=themes,
        answers=per_q,
        weakest=weakest,
        n_respondents=len(frame),
        scale=(lo, hi),
    )


def survey_advantages(
    survey: pd.DataFrame,
    importance_min: float = 4.0,
    confidence: float = 0.95,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Check the golden drops against the clients' own ratings of us and the main competitor.

    Parameters
    ----------
    survey : DataFrame
        The survey table (one row per respondent x attribute) with ``importance``,
        ``performance`` and ``competitor_performance`` (1–5).
    importance_min : float, default 4.0
        An attribute *matters* when its mean importance is at least this (1–5 scale).
    confidence : float, default 0.95
        Level of the interval of our lead over the competitor.
    columns : mapping, optional
        ``{your column: canonical name}``.

    Returns
    -------
    DataFrame
        Index ``attribute``, most important first: ``importance``, ``performance``,
        ``competitor_performance`` (means), ``lead`` (mean of performance − competitor
        performance over respondents who rated both; positive = clients rate us higher),
        ``lead_ci_low``, ``lead_ci_high``, ``matters`` and ``verdict``: ``golden`` (matters
        and the lead is significantly positive), ``behind`` (matters and significantly
        negative), ``par`` (matters, no significant difference) or ``minor`` (does not
        matter).

    Notes
    -----
    The workshop's list of golden drops is the management's view. The survey is the clients'
    view: an attribute that matters to them and on which they rate us significantly above
    the competitor confirms a drop; an important attribute on which they rate us *below* the
    competitor must be fixed before it is advertised. Uses
    :func:`workbench.importance_performance` and :func:`workbench.gap_analysis` (paired
    differences with a t-interval).
    """
    from workbench.expectations import gap_analysis, importance_performance

    ipa = importance_performance(survey, confidence=confidence, columns=columns)
    gaps = gap_analysis(survey, confidence=confidence, columns=columns)
    out = pd.DataFrame(index=ipa.index)
    out["importance"] = ipa["importance"].astype("float64")
    out["performance"] = ipa["performance"].astype("float64")
    out["competitor_performance"] = gaps["competitor_performance"].reindex(out.index)
    out["lead"] = gaps["vs_competitor"].reindex(out.index).astype("float64")
    out["lead_ci_low"] = gaps["vs_competitor_ci_low"].reindex(out.index).astype("float64")
    out["lead_ci_high"] = gaps["vs_competitor_ci_high"].reindex(out.index).astype("float64")
    out["matters"] = out["importance"] >= importance_min - 1e-9
    verdict = np.where(
        ~out["matters"],
        "minor",
        np.where(out["lead_ci_low"] > 0, "golden", np.where(out["lead_ci_high"] < 0, "behind",
                                                              "par")),
    )
    out["verdict"] = pd.Series(verdict, index=out.index, dtype="string")
    out = out.sort_values(["importance"], ascending=False, kind="mergesort")
    out.index.name = "attribute"
    return out

"""The workshop dashboard: one tab per step, each with that step's decision panels.

:func:`dashboard` reads a client's folder (tables + workshop file) and returns a
:class:`Dashboard`: a title, a line naming the folder and its workshop file, and an
``ipywidgets.Tab`` with a page per step (0 = the data, 1–8 = the method's steps). Each page
opens with the step's one banner of missing inputs (:func:`workbench.describe_missing`), then
the step's panels — the same factories as the step notebooks, started from the decisions the
workshop file already holds and built with ``workshop=`` so that "Save this decision" writes
the room's choice back into the file.

Pages are built when first shown (the churn model of step 5 and the deliverables of step 7
take seconds); ``Dashboard.build(step)`` builds one from code, and ``Dashboard.panels[step]``
holds its panels by name, so a test drives the dashboard as it drives a single panel.
"""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W
import pandas as pd

from workbench.i18n import check_language, t
from workbench.widgets._base import Panel, html_text

__all__ = ("STEPS", "Dashboard", "dashboard")

#: The pages of the dashboard, in order.
STEPS: tuple[int, ...] = tuple(range(9))


def _heading(key: str, language: str, **kw: Any) -> W.HTML:
    return W.HTML(f"<h3 style='margin:12px 0 4px'>{escape(t(key, language, **kw))}</h3>")


def _note(text: str, colour: str = "#555") -> W.HTML:
    return W.HTML(f"<p style='color:{colour}'>{html_text(text)}</p>")


def _table(frame: pd.DataFrame) -> W.HTML:
    html = frame.to_html(index=False, escape=True, border=0, na_rep="")
    cell = "text-align:left;padding:2px 10px;vertical-align:top"
    html = html.replace("<th>", f"<th style='{cell}'>").replace("<td>", f"<td style='{cell}'>")
    return W.HTML(html.replace('<tr style="text-align: right;">', "<tr>"))


class _Context:
    """What every page reads: the folder, its workshop file, and results computed once."""

    def __init__(self, folder: Any, workshop: Path | None, language: str, asof: Any,
                 out_dir: str | os.PathLike | None) -> None:
        self.folder = folder
        self.tables = dict(folder.tables)
        self.ws = folder.workshop
        self.workshop = workshop
        self.language = language
        self.asof = asof
        self.out_dir = out_dir
        self.copy_of_sample = False
        self._cache: dict[str, Any] = {}

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]

    @property
    def tx(self) -> pd.DataFrame | None:
        return self.tables.get("transactions")

    @property
    def survey(self) -> pd.DataFrame | None:
        return self.tables.get("survey")

    @property
    def segments(self) -> pd.Series | None:
        customers = self.tables.get("customers")
        if customers is None or "segment" not in customers.columns:
            return None
        return customers.set_index("customer_id")["segment"]

    @property
    def base(self):
        import workbench

        return self.once("base", lambda: workbench.client_base(self.folder, self.asof))

    @property
    def horizon(self) -> str:
        return str(self.ws.get("plan.horizon") or self.base.horizon)

    def defaults_note(self, decision: str) -> W.HTML | None:
        """A line naming the decision fields the file does not hold yet (None: all there)."""
        from workbench.workshop import DECISIONS

        fields = [name for name in DECISIONS[decision].values() if not self.ws.is_filled(name)]
        if not fields:
            return None
        from workbench.narrative._workshop import _label

        return _note(t("dash.default_start", self.language, fields=", ".join(
            f"{_label(f, self.language)} ({f})" for f in fields)))


# ----------------------------------------------------------------------------------------------
# One builder per page: returns (widgets, panels by name)
# ----------------------------------------------------------------------------------------------

Page = tuple[list[W.Widget], dict[str, Panel]]


def _page_0(c: _Context) -> Page:
    import workbench
    from workbench.widgets._workshop import load_report_panel

    passport = workbench.data_passport(c.folder)
    out: list[W.Widget] = [
        _heading("dash.section.passport", c.language),
        _note(workbench.describe_passport(passport, language=c.language), "#222"),
        _table(workbench.format_passport(passport, language=c.language)),
        _heading("dash.section.load", c.language),
    ]
    panel = load_report_panel(c.folder, language=c.language)
    return [*out, panel], {"load": panel}


def _page_1(c: _Context) -> Page:
    from workbench.widgets._expectations import quotes_panel

    if c.survey is None or "comment" not in c.survey.columns:
        return [], {}
    panel = quotes_panel(c.survey, by="attribute", language=c.language)
    return [_heading("dash.section.quotes", c.language), panel], {"quotes": panel}


def _page_2(c: _Context) -> Page:
    from workbench.widgets._expectations import ladder_panel

    if c.survey is None:
        return [], {}
    segments = c.segments if c.segments is not None and "customer_id" in c.survey else None
    panel = ladder_panel(c.survey, segments=segments, language=c.language)
    return [_heading("dash.section.ladder", c.language), panel], {"ladder": panel}


def _page_3(c: _Context) -> Page:
    import workbench
    from workbench.widgets._expectations import ipa_panel, priorities_panel

    out: list[W.Widget] = []
    panels: dict[str, Panel] = {}
    ipa = None
    if c.survey is not None:
        segments = c.segments if "customer_id" in c.survey else None
        panels["ipa"] = ipa_panel(c.survey, segments=segments, language=c.language)
        out += [_heading("dash.section.ipa", c.language), panels["ipa"]]
        ipa = workbench.importance_performance(c.survey)
    actions = c.ws.actions()
    if actions is not None and len(actions):
        if ipa is not None and not actions["attribute"].isin(ipa.index).all():
            ipa = None  # the actions name attributes the survey did not ask about
        saved = c.ws.decision("priorities")
        panels["priorities"] = priorities_panel(
            ipa, actions, budget=saved.get("budget"), language=c.language,
            workshop=c.workshop)
        weight = saved.get("weight")
        options = [v for _, v in panels["priorities"].controls["weight"].options]
        if weight in options:
            panels["priorities"].controls["weight"].value = weight
        out += [_heading("dash.section.priorities", c.language)]
        note = c.defaults_note("priorities")
        out += ([note] if note is not None else []) + [panels["priorities"]]
    return out, panels


def _page_4(c: _Context) -> Page:
    import workbench
    from workbench.segmentation.abc_xyz import DEFAULT_ABC, DEFAULT_XYZ
    from workbench.widgets._segmentation import abc_xyz_panel, segmentation_panel

    if c.tx is None:
        return [], {}
    saved = c.ws.decision("abc_xyz")
    abc = (saved.get("abc_a", DEFAULT_ABC[0]), saved.get("abc_b", DEFAULT_ABC[1]))
    xyz = (saved.get("xyz_x", DEFAULT_XYZ[0]), saved.get("xyz_y", DEFAULT_XYZ[1]))
    panels: dict[str, Panel] = {
        "abc_xyz": abc_xyz_panel(c.tx, asof=c.asof, abc=abc, xyz=xyz, language=c.language,
                                 workshop=c.workshop)}
    out: list[W.Widget] = [_heading("dash.section.abc_xyz", c.language)]
    note = c.defaults_note("abc_xyz")
    out += ([note] if note is not None else []) + [panels["abc_xyz"]]

    features = workbench.customer_feature_table(c.tx, asof=c.asof)
    rfm = workbench.customer_feature_table(c.tx, asof=c.asof, kind="rfm")
    table = features.join(rfm.drop(columns=list(features.columns), errors="ignore"))
    saved = c.ws.decision("segmentation")
    chosen = [f for f in saved.get("features") or [] if f in table.columns] or list(
        features.columns)
    k = int(saved.get("k", 4))
    panels["segmentation"] = segmentation_panel(
        table, k=k, k_max=max(8, k), features=chosen,
        revenue="monetary_total" if "monetary_total" in table else None,
        language=c.language, workshop=c.workshop)
    out += [_heading("dash.section.segmentation", c.language)]
    note = c.defaults_note("segmentation")
    out += ([note] if note is not None else []) + [panels["segmentation"]]
    return out, panels


def _page_5(c: _Context) -> Page:
    import workbench
    from workbench.widgets._churn import retention_panel, threshold_panel

    if c.tx is None:
        return [], {}
    base = c.base
    active = base.active
    probabilities = active["churn_probability"].dropna()
    out: list[W.Widget] = []
    panels: dict[str, Panel] = {}
    saved = c.ws.decision("retention")
    if len(probabilities):
        value = active["expected_value"].reindex(probabilities.index).fillna(0).clip(lower=0)
        cost = saved.get("offer_cost")
        cost = float(cost) if cost is not None else workbench.default_offer_cost(value)
        success = float(saved.get("success_rate", 0.3))
        panels["retention"] = retention_panel(
            probabilities, value, segments=active["rung"], offer_cost=cost,
            success_rate=success, language=c.language, workshop=c.workshop)
        out += [_heading("dash.section.retention", c.language)]
        note = c.defaults_note("retention")
        out += ([note] if note is not None else []) + [panels["retention"]]
    else:
        cost, success = None, float(saved.get("success_rate", 0.3))

    horizon = c.horizon
    out.append(_heading("dash.section.threshold", c.language))
    if not workbench.churn_history_ok(c.tx, horizon, c.asof, n_horizons=2,
                                      language=c.language):
        out.append(_note(t("dash.no_backtest", c.language, horizon=horizon)))
        return out, panels
    side = {name: c.tables.get(name) for name in ("customers", "feedback", "survey")}
    past = workbench.backtest_asof(c.tx, horizon, c.asof)
    model = workbench.ChurnModel(horizon=horizon).fit(c.tx, asof=past, **side)
    past_p = model.predict_proba(c.tx, asof=past, **side)
    labels = workbench.churn_labels(c.tx, past, horizon)
    past_value = workbench.expected_value(c.tx, asof=past, horizon=horizon).clip(lower=0)
    if cost is None:
        cost = workbench.default_offer_cost(past_value)
    threshold = c.ws.decision("threshold").get("threshold", base.settings.get(
        "risk_cutoffs", (0.3, 0.6))[1])
    panels["threshold"] = threshold_panel(
        past_p, labels, past_value, cost, success, threshold=float(threshold),
        language=c.language, workshop=c.workshop)
    note = c.defaults_note("threshold")
    out += ([note] if note is not None else []) + [panels["threshold"]]
    return out, panels


def _page_6(c: _Context) -> Page:
    from workbench.widgets._offers import offer_table_panel, ukor_panel

    if c.tx is None:
        return [], {}
    panels = {
        "offers": offer_table_panel(c.base.buyers["rung"], rules=c.ws.offer_rules(),
                                    language=c.language, workshop=c.workshop),
        "ukor": ukor_panel(language=c.language, answers=c.ws.ukor_answers(),
                           workshop=c.workshop),
    }
    out: list[W.Widget] = [_heading("dash.section.offers", c.language)]
    if not c.ws.is_filled("offers"):
        out.append(c.defaults_note("offers"))
    out += [panels["offers"], panels["ukor"]]
    return out, panels


def _page_7(c: _Context) -> Page:
    import workbench
    from workbench.widgets._workshop import deliverables_panel

    if c.tx is None:
        return [], {}
    result = workbench.compute_deliverables(c.folder, asof=c.asof, language=c.language)
    panel = deliverables_panel(result, out_dir=c.out_dir, language=c.language)
    return [_heading("dash.section.deliverables", c.language), panel], {"deliverables": panel}


def _page_8(c: _Context) -> Page:
    from workbench.widgets._client_card import client_card_panel
    from workbench.widgets._feedback import nps_panel

    out: list[W.Widget] = []
    panels: dict[str, Panel] = {}
    if c.survey is not None and "nps" in c.survey.columns and c.survey["nps"].notna().any():
        segments = c.segments if "customer_id" in c.survey else None
        panels["nps"] = nps_panel(c.survey, segments=segments, language=c.language)
        out += [_heading("dash.section.nps", c.language), panels["nps"]]
    if c.tx is not None and len(c.tx):
        from workbench.widgets._loop import second_round_panel

        saved = c.ws.decision("feedback")
        lists = {k: v for k, v in c.base.counts()["by_strategy"].items() if k != "attract"}
        panels["second_round"] = second_round_panel(
            c.tables.get("feedback"), c.base.asof, list_sizes=lists,
            stale_days=saved.get("stale_days"), control_share=saved.get("control_share"),
            language=c.language, workshop=c.workshop)
        out += [_heading("dash.section.second_round", c.language)]
        note = c.defaults_note("feedback")
        out += ([note] if note is not None else []) + [panels["second_round"]]
        panels["card"] = client_card_panel(c.folder, language=c.language)
        out += [_heading("dash.section.card", c.language), panels["card"]]
    return out, panels


_BUILDERS: dict[int, Callable[[_Context], Page]] = {
    0: _page_0, 1: _page_1, 2: _page_2, 3: _page_3, 4: _page_4, 5: _page_5, 6: _page_6,
    7: _page_7, 8: _page_8,
}


class Dashboard(W.VBox):
    """The workshop dashboard: a header and one tab per step (see :func:`dashboard`).

    Attributes
    ----------
    tab : ipywidgets.Tab
    pages : dict of int to ipywidgets.VBox
        The page of each step (empty until built).
    panels : dict of int to dict of str to Panel
        The panels of each built page by name (``"abc_xyz"``, ``"retention"`` …).
    errors : dict of int to str
        Steps whose page could not be computed, with the reason shown on the page.
    """

    def __init__(self, context: _Context, lazy: bool = True) -> None:
        self._context = context
        language = context.language
        self.pages = {s: W.VBox() for s in STEPS}
        self.panels: dict[int, dict[str, Panel]] = {}
        self.errors: dict[int, str] = {}
        self.tab = W.Tab(children=[self.pages[s] for s in STEPS])
        for i, s in enumerate(STEPS):
            self.tab.set_title(i, t(f"dash.tab.{s}", language))
        where = context.folder.path if getattr(context.folder, "path", None) else ""
        file = context.ws.path.name if context.ws.path is not None else t("dash.no_file",
                                                                           language)
        header = [
            W.HTML(f"<h2 style='margin:4px 0'>{escape(t('dash.title', language))}"
                   + (f" — {escape(context.ws.company)}" if context.ws.company else "")
                   + "</h2>"),
            _note(t("dash.intro", language)),
            _note(t("dash.folder", language, folder=Path(where).name or str(where), file=file)),
        ]
        if context.copy_of_sample and context.workshop is not None:
            header.append(_note(t("dash.sample_copy", language, file=str(context.workshop))))
        super().__init__([*header, self.tab])
        self.tab.observe(self._on_select, names="selected_index")
        if lazy:
            self.build(STEPS[0])
        else:
            for s in STEPS:
                self.build(s)

    def _on_select(self, change: Any) -> None:
        index = change["new"]
        if index is not None:
            self.build(STEPS[index])

    def select(self, step: int) -> Dashboard:
        """Show the page of ``step`` (building it first when needed)."""
        self.tab.selected_index = STEPS.index(step)
        self.build(step)
        return self

    def build(self, step: int) -> dict[str, Panel]:
        """Build the page of ``step`` once; return its panels by name."""
        if step in self.panels:
            return self.panels[step]
        c = self._context
        page = self.pages[step]
        page.children = (_note(t("dash.loading", c.language)),)
        import workbench

        if step == 0:
            title = _heading("dash.step0", c.language)
        else:
            title = _heading("dash.step", c.language, n=step,
                             name=t(f"ws.step.{step}", c.language))
        banner = workbench.describe_missing(workbench.missing_inputs(c.folder, step),
                                            language=c.language)
        head: list[W.Widget] = [title]
        if banner:
            head.append(W.HTML("<div style='background:#fff4e0;border-left:4px solid #e0a030;"
                               f"padding:6px 10px;margin:4px 0'>{html_text(banner)}</div>"))
        try:
            widgets, panels = _BUILDERS[step](c)
        except Exception as exc:  # noqa: BLE001 - one failing step must not take the room's tool down
            self.errors[step] = f"{type(exc).__name__}: {exc}"
            widgets, panels = [_note(t("dash.failed", c.language, error=str(exc)), "#b00")], {}
        if not widgets and not banner:
            widgets = [_note(t("dash.nothing", c.language))]
        page.children = tuple(head + widgets)
        self.panels[step] = panels
        return panels


def dashboard(
    data: Any,
    language: str | None = None,
    asof: Any = None,
    mapping: Any = None,
    out_dir: str | os.PathLike | None = "reports",
    lazy: bool = True,
    workshop: str | os.PathLike | None = None,
) -> Dashboard:
    """Return the workshop dashboard of a client's folder: one tab per step with its decisions.

    Parameters
    ----------
    data : path or DataFolder
        The client's folder (its tables and workshop file), or what
        :func:`workbench.load_folder` returned for it.
    language : {"en", "ru"}, optional
        The audience's language: tab titles, headings, labels and every sentence.
    asof : date-like, optional
        Observation end (default: the last transaction date).
    mapping : optional
        Column mapping, as for :func:`workbench.load_folder` (only with a path).
    out_dir : path or None, default "reports"
        Where step 7's panel writes the deliverables when asked; ``None`` disables writing.
    lazy : bool, default True
        Build a page when its tab is first shown (False: build every page now).
    workshop : path, optional
        The workshop file the decisions are read from and saved into (a file, or a folder:
        its ``workshop.yml``); copied from the folder's file at the first use. Default: the
        folder's own workshop file — except on the sample shipped with the workbench, whose
        file is never written: there the default is ``out_dir/workshop.yml`` (a copy; with
        ``out_dir=None`` nothing is saved).

    Returns
    -------
    Dashboard
        ``.tab`` (the tabs), ``.build(step)`` / ``.select(step)``, ``.panels[step][name]``.
        Every decision panel is built with ``workshop=`` the target above, so its "Save this
        decision" row writes into that file (created at the first save).
    """
    import workbench

    language = check_language(language)
    folder = data if hasattr(data, "tables") else workbench.load_folder(data, mapping=mapping)
    if getattr(folder, "workshop", None) is None:
        folder.workshop = workbench.read_workshop(None)
    if folder.workshop.currency:
        workbench.i18n.set_currency(folder.workshop.currency)
    copy_of_sample = False
    if workshop is not None:
        target: Path | None = Path(workshop)
        if target.is_dir() or not target.suffix:
            target = target / "workshop.yml"
    elif _is_bundled_sample(folder):
        # the sample's workshop file is part of the workbench: the room works on a copy
        target = Path(out_dir) / "workshop.yml" if out_dir is not None else None
        copy_of_sample = target is not None
    elif folder.workshop.path is not None:
        target = Path(folder.workshop.path)
    else:
        target = Path(folder.path) if getattr(folder, "path", None) else None
    current = Path(folder.workshop.path).resolve() if folder.workshop.path is not None else None
    if target is not None and target.suffix and target.resolve() != current:
        if not target.exists() and folder.workshop.path is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder.workshop.path, target)
        folder = copy.copy(folder)  # the caller's folder keeps its own workshop
        folder.workshop = (workbench.read_workshop(target) if target.exists()
                           else folder.workshop)
    context = _Context(folder, target, language, asof, out_dir)
    context.copy_of_sample = copy_of_sample
    return Dashboard(context, lazy=lazy)


def _is_bundled_sample(folder: Any) -> bool:
    """True when ``folder`` is the sample shipped with the workbench (its committed copy)."""
    from workbench.datasets import sample_dir

    path = getattr(folder, "path", None)
    if path is None:
        return False
    try:
        return Path(path).resolve() == sample_dir().resolve()
    except OSError:
        return False

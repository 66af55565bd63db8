"""Internal clients: the employee motivation survey and where management's view differs.

The deck on losing clients (seed 003) gives the procedure: hand every employee the list of ten
motivating factors and ask them to rate each from 1 to 10 (10 = motivates me most); let each
manager rate the same factors as they think their team would, without showing the others;
compare; repeat once or twice a year, because motives change. The benchmark is K. Kovach's
national survey (USA, 1987): employees put interesting work, appreciation and being in on
things first, while their supervisors thought wages and job security came first.

This module computes with the factors' keys; the factors' names, the form, the sentence and the
display table are in the text layer (:mod:`workbench.narrative._motivation`), which also passes
(registers) the factor names a form's columns are recognised by.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.errors import MissingColumnsError, WorkbenchError
from workbench.io._messages import Note
from workbench.survey._layer import provider

__all__ = (
    "KOVACH_EMPLOYEES",
    "KOVACH_FACTORS",
    "KOVACH_MANAGERS",
    "ROLES",
    "load_motivation",
    "motivation_gaps",
    "motivation_sample",
    "motivation_waves",
)

#: The ten motivating factors, keys of ``mot.factor.<key>``, in the employees' order of
#: importance in Kovach's survey as the seed lists it.
KOVACH_FACTORS: tuple[str, ...] = (
    "interesting_work", "appreciation", "involvement", "job_security", "good_wages",
    "promotion", "working_conditions", "loyalty", "personal_help", "tactful_discipline",
)

#: Rank (1 = first) of each factor among employees, Kovach (1987), as in seed 003.
KOVACH_EMPLOYEES: dict[str, int] = {f: i for i, f in enumerate(KOVACH_FACTORS, start=1)}

#: Rank of each factor as supervisors thought their employees would rank it, from Kovach,
#: K. A. (1987) "What motivates employees? Workers and supervisors give different answers",
#: Business Horizons 30(5), 58–65 (not in the seed; the seed only says most managers believe it
#: is the money).
KOVACH_MANAGERS: dict[str, int] = {
    "good_wages": 1, "job_security": 2, "promotion": 3, "working_conditions": 4,
    "interesting_work": 5, "loyalty": 6, "tactful_discipline": 7, "appreciation": 8,
    "personal_help": 9, "involvement": 10,
}

#: Roles of the respondents: employees rate what motivates them, managers what they think
#: motivates their team.
ROLES: tuple[str, ...] = ("employee", "manager")

_ROLE_WORDS = {
    "employee": ("employee", "staff", "сотрудник", "работник", "специалист", "персонал"),
    "manager": ("manager", "supervisor", "head", "руководитель", "менеджер", "начальник",
                "директор"),
}
_META = {
    "role": ("role", "your role", "роль", "ваша роль", "должность", "position"),
    "wave": ("wave", "round", "survey round", "period", "волна", "волна опроса", "период",
             "опрос"),
    "respondent_id": ("respondent id", "respondent", "id", "респондент", "номер анкеты"),
}


def _norm(s: object) -> str:
    from workbench.io._parse import normalise_word

    return " ".join(normalise_word(str(s)).split())


def _factor_lookup(headers: Mapping[str, str]) -> dict[str, str]:
    out = {_norm(f): f for f in KOVACH_FACTORS}
    for text, f in headers.items():
        if f not in KOVACH_EMPLOYEES:
            raise WorkbenchError(f"headers: {text!r} names no factor ({f!r}); the factors are "
                                 f"{', '.join(KOVACH_FACTORS)}")
        out[_norm(text)] = f
    return out


def load_motivation(source: str | Path | pd.DataFrame, *, wave: str | None = None,
                    sheet_name: str | int = 0, headers: Mapping[str, str] | None = None
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the motivation survey: one row per respondent, a role, a wave, ten factor columns.

    Parameters
    ----------
    source : str, Path or DataFrame
        A CSV/XLSX (e.g. the form written by :func:`write_motivation_questionnaire`, or a form
        tool's export) with a role column (``Роль`` / ``role``: сотрудник / руководитель,
        employee / manager), an optional wave column (``Волна`` / ``wave``) and one column
        per factor, headed by its text in Russian or English or its key.
    wave : str, optional
        The wave of every row when the file has no wave column (e.g. ``"2025-H1"``).
    sheet_name : str or int, default 0
        Excel sheet.
    headers : mapping of str -> str, optional
        Column header -> factor key, besides the keys themselves; by default the text layer's
        factor names in Russian and English
        (:func:`workbench.narrative._motivation.motivation_headers`).

    Returns
    -------
    frame : DataFrame
        Long: ``respondent_id``, ``role`` (employee / manager), ``wave``, ``factor`` (key),
        ``score`` (Int64, 1–10; missing when blank or unreadable).
    problems : DataFrame
        ``row`` (the file's row number), ``column``, ``value``, ``problem`` and ``reason`` for
        every rejected row (an unknown role: ``not_recognised`` in the role column; nothing
        rated: ``no_answer``, ``column`` empty) and every unreadable score (``out_of_range``,
        ``not_a_number``; the score becomes missing, the row is kept). The reasons are
        :class:`~workbench.io._messages.Note` records (``mot.reason.*``), said in the
        audience's language by the text layer (``str(reason)``, ``reason.text("ru")``).
    """
    from workbench.io._parse import to_text
    from workbench.io._read import read_source

    raw = read_source(source, sheet_name=sheet_name)
    factors = _factor_lookup(provider("motivation_headers")() if headers is None else headers)
    col_factor, meta = {}, {}
    for name in raw.names:
        n = _norm(name)
        if n in factors and factors[n] not in col_factor.values():
            col_factor[name] = factors[n]
            continue
        for key, words in _META.items():
            if n in words and key not in meta:
                meta[key] = name
    if "role" not in meta or not col_factor:
        missing = [x for x, ok in (("role", "role" in meta), ("factor columns", bool(col_factor)))
                   if not ok]
        raise MissingColumnsError("motivation", missing, raw.names,
                                  source=getattr(raw, "source", "DataFrame"),
                                  hint="expected a 'Роль'/'role' column and one column per "
                                  "factor headed by its text (e.g. 'Интересная работа')")
    text = {name: to_text(raw.columns[name]).to_pylist() for name in raw.names}
    role_of = {}
    for role, words in _ROLE_WORDS.items():
        for w in words:
            role_of[w] = role
    records, problems = [], []
    for i in range(raw.n_rows):
        row = int(raw.rows[i])
        r_raw = text[meta["role"]][i]
        role = role_of.get(_norm(r_raw))
        scores = {}
        for name, f in col_factor.items():
            v = text[name][i].strip()
            if not v:
                scores[f] = None
                continue
            try:
                x = float(v.replace(",", "."))
            except ValueError:
                x = None
            if x is None or x != round(x) or not 1 <= x <= 10:
                problems.append({"row": row, "column": name, "value": v,
                                 "problem": "out_of_range" if x is not None else "not_a_number",
                                 "reason": Note("mot.reason.score", column=name, value=repr(v))})
                scores[f] = None
            else:
                scores[f] = int(x)
        if role is None:
            problems.append({"row": row, "column": meta["role"], "value": r_raw,
                             "problem": "not_recognised",
                             "reason": Note("mot.reason.role", column=meta["role"],
                                            value=repr(r_raw))})
            continue
        if all(v is None for v in scores.values()):
            problems.append({"row": row, "column": "", "value": "", "problem": "no_answer",
                             "reason": Note("mot.reason.nothing_rated")})
            continue
        rid = text[meta["respondent_id"]][i].strip() if "respondent_id" in meta else ""
        w = text[meta["wave"]][i].strip() if "wave" in meta else (wave or "")
        for f in KOVACH_FACTORS:
            if f in scores:
                records.append({"respondent_id": rid or f"row {row}", "role": role,
                                "wave": w or None, "factor": f, "score": scores[f]})
    frame = pd.DataFrame(records, columns=["respondent_id", "role", "wave", "factor", "score"])
    for c in ("respondent_id", "role", "wave", "factor"):
        frame[c] = frame[c].astype(pd.StringDtype())
    frame["score"] = pd.array([pd.NA if v is None else v for v in frame["score"]], dtype="Int64")
    prob = pd.DataFrame(problems, columns=["row", "column", "value", "problem", "reason"])
    return frame, prob


def _ranks(means: pd.Series) -> pd.Series:
    return means.rank(ascending=False, method="min").astype("Int64")


def _spearman(a: pd.Series, b: pd.Series) -> float:
    ok = a.notna() & b.notna()
    if ok.sum() < 3:
        return float("nan")
    ra = a[ok].rank().to_numpy(float)
    rb = b[ok].rank().to_numpy(float)
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def motivation_gaps(data: pd.DataFrame, *, wave: str | None = None, threshold: int = 3
                    ) -> pd.DataFrame:
    """Compare what motivates employees with what their managers think motivates them.

    Parameters
    ----------
    data : DataFrame
        From :func:`load_motivation` (``role``, ``wave``, ``factor``, ``score``).
    wave : str, optional
        One wave; by default the last one (waves sort as text: ``2025-H1`` < ``2025-H2``).
    threshold : int, default 3
        A factor whose rank differs by at least this many places between the two views is
        read as under- or overestimated by management.

    Returns
    -------
    DataFrame
        Index ``factor`` (key), sorted by the employees' rank: ``employees_mean``,
        ``employees_rank``, ``employees_n``, ``managers_mean``, ``managers_rank``,
        ``managers_n``, ``rank_gap`` (managers' rank − employees' rank: positive = management
        ranks it lower than the employees do, i.e. underestimates it), ``kovach_employees``,
        ``kovach_managers`` and ``verdict`` (``underestimated``, ``overestimated``,
        ``agreed``). ``attrs``: ``wave``, ``rho`` (Spearman rank correlation of the two
        views' means), ``rho_kovach`` (employees' means vs Kovach's employees), ``n_employees``,
        ``n_managers``.

    Examples
    --------
    >>> rows = [("e1", "employee", f, 10 - i) for i, f in enumerate(KOVACH_FACTORS)]
    >>> rows += [("m1", "manager", f, 11 - KOVACH_MANAGERS[f]) for f in KOVACH_FACTORS]
    >>> data = pd.DataFrame(rows, columns=["respondent_id", "role", "factor", "score"])
    >>> gaps = motivation_gaps(data)
    >>> row = gaps.loc["interesting_work"]
    >>> int(row["employees_rank"]), int(row["managers_rank"]), row["verdict"]
    (1, 5, 'underestimated')
    """
    need = [c for c in ("role", "factor", "score") if c not in data.columns]
    if need:
        raise MissingColumnsError("motivation", need, list(data.columns), source="DataFrame")
    frame = data
    chosen = None
    if "wave" in frame.columns and frame["wave"].notna().any():
        waves = sorted(frame["wave"].dropna().astype(str).unique())
        chosen = waves[-1] if wave is None else str(wave)
        if chosen not in waves:
            raise WorkbenchError(f"wave {wave!r} not in the data; waves: {', '.join(waves)}")
        frame = frame[frame["wave"].astype("string") == chosen]
    unknown = sorted(set(frame["factor"].dropna().astype(str)) - set(KOVACH_FACTORS))
    if unknown:
        raise WorkbenchError(f"unknown factor(s) {unknown}; the factors are "
                             f"{', '.join(KOVACH_FACTORS)}")
    score = pd.to_numeric(frame["score"], errors="coerce").astype("float64")
    out = pd.DataFrame(index=pd.Index(list(KOVACH_FACTORS), name="factor"))
    counts = {}
    for role, label in (("employee", "employees"), ("manager", "managers")):
        sub = score[(frame["role"].astype("string") == role).to_numpy()]
        fac = frame.loc[sub.index, "factor"].astype(str)
        means = sub.groupby(fac).mean().reindex(out.index)
        out[f"{label}_mean"] = means
        out[f"{label}_rank"] = _ranks(means)
        out[f"{label}_n"] = sub.groupby(fac).count().reindex(out.index).fillna(0).astype("int64")
        ids = frame.loc[sub.index, "respondent_id"] if "respondent_id" in frame else None
        counts[label] = int(ids.nunique()) if ids is not None else int(out[f"{label}_n"].max())
    if counts["employees"] == 0:
        raise WorkbenchError("motivation_gaps: no employee answered in this wave")
    out["rank_gap"] = (out["managers_rank"] - out["employees_rank"]).astype("Int64")
    out["kovach_employees"] = pd.Series(KOVACH_EMPLOYEES).reindex(out.index).astype("int64")
    out["kovach_managers"] = pd.Series(KOVACH_MANAGERS).reindex(out.index).astype("int64")
    gap = out["rank_gap"]
    out["verdict"] = np.where(gap.fillna(0) >= threshold, "underestimated",
                              np.where(gap.fillna(0) <= -threshold, "overestimated", "agreed"))
    out = out.sort_values(["employees_rank", "kovach_employees"], kind="mergesort")
    out.attrs = {
        "wave": chosen,
        "rho": _spearman(out["employees_mean"], out["managers_mean"]),
        "rho_kovach": _spearman(out["employees_mean"], -out["kovach_employees"].astype(float)),
        "n_employees": counts["employees"],
        "n_managers": counts["managers"],
    }
    return out


def motivation_waves(data: pd.DataFrame, role: str = "employee") -> pd.DataFrame:
    """Return the mean score of each factor per wave (rows: factor; columns: waves, in order).

    The survey is repeated once or twice a year because motives change; the difference between
    the last and the first wave shows where.
    """
    if "wave" not in data.columns or data["wave"].dropna().empty:
        raise WorkbenchError("motivation_waves: the data has no 'wave' column to compare")
    sub = data[data["role"].astype("string") == role]
    table = (pd.to_numeric(sub["score"], errors="coerce").astype("float64")
             .groupby([sub["factor"].astype(str), sub["wave"].astype(str)]).mean().unstack())
    table = table.reindex(list(KOVACH_FACTORS))
    table = table[sorted(table.columns)]
    table.index.name = "factor"
    table.columns.name = "wave"
    return table


def motivation_sample(seed: int = 0, n_employees: int = 40, n_managers: int = 6,
                      waves: Sequence[str] = ("2025-H1", "2025-H2")) -> pd.DataFrame:
    """Return a fictional motivation survey, one row per respondent, in keys.

    Employees' ratings follow Kovach's employees' order with noise, managers' ratings follow
    Kovach's supervisors' order; in the second wave the employees rate promotion higher and job
    security lower. Deterministic for a seed.

    Returns
    -------
    DataFrame
        ``role`` (``employee`` / ``manager``), ``wave`` and one column per factor key (1–10),
        in the order of :data:`KOVACH_FACTORS`. The text layer's
        ``workbench.survey.make_motivation_sample`` heads and fills it as the Excel form does.

    Examples
    --------
    >>> sample = motivation_sample(n_employees=2, n_managers=1, waves=["2025-H1"])
    >>> sample["role"].tolist(), sample.columns[2]
    (['employee', 'employee', 'manager'], 'interesting_work')
    """
    rng = np.random.default_rng(seed)
    rows = []
    for w_i, wave in enumerate(waves):
        for role, n, ranks in (("employee", n_employees, KOVACH_EMPLOYEES),
                               ("manager", n_managers, KOVACH_MANAGERS)):
            for _ in range(n):
                base = {f: 10.5 - 0.8 * ranks[f] for f in KOVACH_FACTORS}
                if role == "employee" and w_i > 0:
                    base["promotion"] += 1.5 * w_i
                    base["job_security"] -= 1.5 * w_i
                row: dict[str, object] = {"role": role, "wave": wave}
                for f in KOVACH_FACTORS:
                    row[f] = int(np.clip(np.rint(base[f] + rng.normal(0, 1.6)), 1, 10))
                rows.append(row)
    return pd.DataFrame(rows, columns=["role", "wave", *KOVACH_FACTORS])

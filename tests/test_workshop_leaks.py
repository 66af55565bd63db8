"""Nothing of the sample business leaks into a client's run.

A run on a client's folder must describe *that* client: none of the sample's inputs (its
company, competitors, attributes, advantages, planned actions, the room's answers), its
products or its currency may appear in ``report.html``, the executed notebooks or
``actions.xlsx``. The strings looked for are read from the sample's own files
(``data/samples/workshop.yml`` and its transactions), not written here, so the check follows
the sample when it changes. The slow tests run ``workbench run --language ru`` on a real
transactions-only export no one here wrote (the CDNOW log shipped with ``lifetimes``) and on
a different business with its own workshop file (a dental clinic billing in EUR).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples"


# ------------------------------------------------------------------------------------------
# what is the sample's own, and where a run shows text
# ------------------------------------------------------------------------------------------

def _method_words() -> str:
    """Every text of the workbench's catalogue, lower case: the method's own words."""
    from workbench.i18n import catalogue

    return "\n".join(v for entry in catalogue().values() for v in entry.values()).lower()


def sample_only_strings(client_currency: str | None = None) -> list[str]:
    """Names and texts that belong to the sample business alone.

    Taken from the sample's workshop file (company, competitors, service attributes,
    advantages, competitors scored, planned actions, the room's answers to the control
    questions) and its transactions (products); a single word the method itself uses (a step
    called «Упаковка», a column «Цена») is not the sample's. The sample's currency mark is
    added unless the client bills in the same currency.
    """
    from workbench.narrative._format import CURRENCIES

    ws = workbench.read_workshop(SAMPLE / "workshop.yml")
    found: list[str] = []
    if ws.company:
        found.append(ws.company)
    found += ws.competitors() + list(ws.get("attributes", []))
    found += [r["advantage"] for r in ws.data["advantages"]]
    found += [r["company"] for r in ws.data["competitiveness"] if r["company"] != "us"]
    found += [r["action"] for r in ws.data["actions"]]
    found += [str(r["answer"])[:40] for r in ws.data["control_questions"] if r.get("answer")]
    tx = pd.read_csv(SAMPLE / "transactions.csv", usecols=["product"], dtype=str)
    found += sorted(tx["product"].dropna().unique())
    method = _method_words()
    out = []
    for text in dict.fromkeys(s.strip() for s in found if s and s.strip()):
        if " " not in text and text.lower() in method:
            continue
        out.append(text)
    currency = ws.currency
    if currency and currency != client_currency:
        code, _before, mark = CURRENCIES.get(currency, (currency, False, currency))
        out += [f"{mark}", f"\u00a0{code}", f" {code}"]
    return out


def run_texts(out_dir: Path) -> dict[str, str]:
    """Every text a run shows, by where: report.html, each notebook, each sheet, the CSVs."""
    from openpyxl import load_workbook

    texts: dict[str, list[str]] = {}
    report = out_dir / "report.html"
    if report.exists():
        body = report.read_text(encoding="utf-8")
        body = re.sub(r"<style.*?</style>|<script.*?</script>", "", body, flags=re.S)
        texts["report.html"] = [html.unescape(body)]
    for nb in sorted((out_dir / "notebooks").glob("*.ipynb")):
        parts = texts.setdefault(f"notebooks/{nb.name}", [])
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            parts.append("".join(cell.get("source", "")))
            for o in cell.get("outputs", []):
                parts.append("".join(o.get("text", "")))
                data = o.get("data", {})
                for kind in ("text/plain", "text/html", "text/markdown"):
                    parts.append(html.unescape("".join(data.get(kind, ""))))
                if o.get("output_type") == "error":
                    parts.append(f"{o.get('ename')}: {o.get('evalue')}")
    xlsx = out_dir / "actions.xlsx"
    if xlsx.exists():
        book = load_workbook(xlsx, read_only=True)
        try:
            for sheet in book.worksheets:  # every cell of every sheet
                texts[f"actions.xlsx/{sheet.title}"] = [
                    "\t".join("" if v is None else str(v) for v in row)
                    for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    for name in ("scores.csv", "action_lists.csv", "summary_facts.json"):
        if (out_dir / name).exists():
            texts[name] = [(out_dir / name).read_text(encoding="utf-8", errors="replace")]
    return {k: "\n".join(v) for k, v in texts.items()}


def leaks(out_dir: Path, needles: list[str]) -> list[tuple[str, str, str]]:
    """(where, sample string, the text around it) for every sample string a run shows."""
    found = []
    for where, text in run_texts(out_dir).items():
        low = text.lower()
        for needle in needles:
            i = low.find(needle.lower())
            if i >= 0:
                found.append((where, needle, text[max(0, i - 60):i + len(needle) + 60]))
    return found


def error_outputs(out_dir: Path) -> list[tuple[str, str]]:
    """(notebook, "ename: evalue") of every error output of the executed notebooks."""
    out = []
    for nb in sorted((out_dir / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            out += [(nb.name, f"{o.get('ename')}: {o.get('evalue')}")
                    for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    return out


# ------------------------------------------------------------------------------------------
# the check itself can fail
# ------------------------------------------------------------------------------------------

def test_the_sample_only_strings_come_from_the_sample_files():
    ws = workbench.read_workshop(SAMPLE / "workshop.yml")
    needles = sample_only_strings("EUR")
    assert ws.company in needles and ws.competitors()[0] in needles
    assert ws.data["actions"][0]["action"] in needles
    assert ws.data["advantages"][0]["advantage"] in needles
    method = _method_words()
    assert all(" " in n or n.lower() not in method for n in needles)
    # the sample's currency is a leak in a EUR run, not in a run of the same currency
    assert "₽" in needles and "₽" not in sample_only_strings(ws.currency)


def test_the_scan_finds_a_planted_leak_and_an_error(tmp_path):
    import nbformat
    from openpyxl import Workbook

    ws = workbench.read_workshop(SAMPLE / "workshop.yml")
    competitor, action = ws.competitors()[0], ws.data["actions"][0]["action"]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "report.html").write_text(
        f"<html><style>.x{{}}</style><p>Clients compare us with {html.escape(competitor)}</p>"
        "</html>", encoding="utf-8")
    book = Workbook()
    book.active.append(["client", "action"])
    book.active.append(["c1", action])
    book.save(tmp_path / "actions.xlsx")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(company)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{ws.company}\n"),
                    nbformat.v4.new_output("error", ename="ValueError", evalue="boom",
                                           traceback=[])]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "notebooks" / "05_x.ipynb")
    got = {(where, needle) for where, needle, _ in leaks(tmp_path, sample_only_strings())}
    assert got == {("report.html", competitor), ("actions.xlsx/Sheet", action),
                   ("notebooks/05_x.ipynb", ws.company)}
    assert error_outputs(tmp_path) == [("05_x.ipynb", "ValueError: boom")]
    # a clean folder has none
    (tmp_path / "report.html").write_text("<p>Smaida Dental</p>", encoding="utf-8")
    assert not [x for x in leaks(tmp_path, sample_only_strings()) if x[0] == "report.html"]


def test_a_cell_after_a_failure_keeps_none_of_the_outputs_stored_in_the_notebook(tmp_path):
    """The shipped notebooks are built on the sample: a run must not pass its outputs off as
    the client's when a cell is never reached, nor show the sample's raw export in step 0."""
    import nbformat

    from workbench.runner import run_workshop

    data = tmp_path / "client"
    data.mkdir()
    pd.DataFrame({"customer_id": ["a", "b"], "date": ["2024-01-02", "2024-02-03"],
                  "amount": [10.0, 20.0]}).to_csv(data / "transactions.csv", index=False)
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('data_dir = "x"\nraw_export = None')
    params.metadata["tags"] = ["parameters"]
    fails = nbformat.v4.new_code_cell("print(raw_export)\nraise ValueError('client data')")
    later = nbformat.v4.new_code_cell("print('never reached')")
    stored = "the sample's stored output"
    for cell in (fails, later):
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
        cell.execution_count = 7
    nb.cells = [params, fails, later]
    source = tmp_path / "nbs"
    source.mkdir()
    nbformat.write(nb, source / "05_x.ipynb")
    result = run_workshop(data, tmp_path / "out", language="en", notebooks=[source / "05_x.ipynb"],
                          report=False, deliverables=False, progress=None)
    assert list(result.failed) == ["05_x"]
    text = (tmp_path / "out" / "notebooks" / "05_x.ipynb").read_text(encoding="utf-8")
    assert stored not in text
    assert "transactions_1c_export" not in text  # the sample's raw export is not injected
    run = nbformat.read(tmp_path / "out" / "notebooks" / "05_x.ipynb", as_version=4)
    assert run.cells[-1].outputs == [] and run.cells[-1].execution_count is None
    assert error_outputs(tmp_path / "out") == [("05_x.ipynb", "ValueError: client data")]


# ------------------------------------------------------------------------------------------
# two client folders, run end to end
# ------------------------------------------------------------------------------------------

def _cdnow_export(folder: Path) -> Path:
    """The CDNOW log (23,570 buyers, 1997-98) as a messy export: ';', decimal comma,
    dd.mm.yyyy dates, columns customer/date/amount; nothing else in the folder."""
    pytest.importorskip("lifetimes")
    from importlib.resources import files

    source = Path(str(files("lifetimes") / "datasets" / "CDNOW_master.txt"))
    raw = pd.read_csv(source, sep=r"\s+", header=None, skiprows=1,
                      names=["customer", "date", "n", "amount"],
                      dtype={"customer": str, "date": str})
    frame = pd.DataFrame({
        "customer": raw["customer"],
        "date": pd.to_datetime(raw["date"], format="%Y%m%d").dt.strftime("%d.%m.%Y"),
        "amount": raw["amount"].map(lambda v: f"{v:.2f}".replace(".", ",")),
    })
    folder.mkdir(parents=True)
    frame.to_csv(folder / "transactions.csv", sep=";", index=False)
    return folder


ATTRIBUTES = ("Waiting time", "Painless treatment", "Price transparency",
              "Dentist explains options", "Online booking", "Clinic cleanliness")


def _dental_clinic(folder: Path, seed: int = 7) -> Path:
    """Another business: a dental clinic billing in EUR, with patients, a survey of its own
    attributes, feedback, and a workshop file written by `workbench init` and filled in."""
    rng = np.random.default_rng(seed)
    n = 600
    ids = [f"P{i:04d}" for i in range(1, n + 1)]
    services = (("Hygiene cleaning", 85.0), ("Filling", 140.0), ("Whitening", 320.0),
                ("Crown", 690.0), ("Orthodontic check", 95.0))
    start, end = pd.Timestamp("2022-01-03"), pd.Timestamp("2024-12-30")
    rows = []
    for cid in ids:
        day = start + pd.Timedelta(days=int(rng.integers(0, 900)))
        gap = rng.gamma(2.0, 60.0)
        for _ in range(1 + int(rng.poisson(rng.gamma(1.2, 2.5)))):
            if day > end:
                break
            name, price = services[int(rng.integers(0, len(services)))]
            rows.append((cid, day.strftime("%Y-%m-%d"), round(price * rng.uniform(0.9, 1.2), 2),
                         name))
            day += pd.Timedelta(days=int(max(7, rng.exponential(gap))))
    folder.mkdir(parents=True)
    pd.DataFrame(rows, columns=["customer_id", "date", "amount", "product"]).to_csv(
        folder / "transactions.csv", index=False)
    pd.DataFrame({"customer_id": ids, "type": "B2C",
                  "segment": rng.choice(["family", "single", "senior"], n),
                  "region": rng.choice(["Centrs", "Imanta", "Jurmala"], n)}).to_csv(
        folder / "customers.csv", index=False)
    survey = []
    for r in range(150):
        cid = ids[int(rng.integers(0, n))] if rng.random() < 0.6 else ""
        nps = int(rng.integers(3, 11))
        for a in ATTRIBUTES:
            survey.append((f"S{r:04d}", cid, a, *rng.integers(1, 6, size=6).tolist(), nps, "",
                           "2024-10-15"))
    pd.DataFrame(survey, columns=[
        "respondent_id", "customer_id", "attribute", "importance", "performance",
        "expectation", "competitor_performance", "kano_functional", "kano_dysfunctional",
        "nps", "comment", "date"]).to_csv(folder / "survey.csv", index=False)
    feedback = []
    for _ in range(150):
        day = start + pd.Timedelta(days=int(rng.integers(0, 1090)))
        solved = rng.random() < 0.7
        feedback.append((ids[int(rng.integers(0, n))], day.strftime("%Y-%m-%d"),
                         rng.choice(["complaint", "praise", "question", "refusal"]),
                         rng.choice(["waiting", "billing", "treatment"]), "phone",
                         (day + pd.Timedelta(days=5)).strftime("%Y-%m-%d") if solved else "",
                         "", "Waited too long in the lobby"))
    pd.DataFrame(feedback, columns=["customer_id", "date", "kind", "category", "channel",
                                    "resolved_date", "score", "text"]).to_csv(
        folder / "feedback.csv", index=False)
    from workbench.cli import main
    from workbench.offers import UKOR_QUESTIONS

    assert main(["init", str(folder), "--language", "ru", "--no-excel"]) == 0
    ws = workbench.read_workshop(folder)
    ws.set("company", {"name": "Smaida Dental", "currency": "EUR", "margin": 0.55})
    ws.set("competitors", ["WhiteSmile Riga", "Dr. Ozols Clinic"])
    ws.set("attributes", list(ATTRIBUTES))
    ws.set("advantages", [{"advantage": f"Advantage {i}", "importance": 3 + i % 3,
                           "competitor_presence": (i % 3) / 2} for i in range(10)])
    ws.set("competitiveness", [{"company": "us", "internal": 12, "external": 11, "dynamic": 9},
                               {"company": "WhiteSmile Riga", "internal": 14, "external": 12,
                                "dynamic": 7}])
    ws.set("ukor", {q: i % 5 for i, q in enumerate(UKOR_QUESTIONS)})
    ws.set("actions", [
        {"attribute": "Waiting time", "action": "Second hygienist on Saturdays", "cost": 18000,
         "effect": 0.5},
        {"attribute": "Online booking", "action": "Self-service booking widget", "cost": 4000,
         "effect": 0.3}])
    ws.set("offers", [{"segment": "lapsed", "strategy": "win_back",
                       "actions": "free check-up voucher", "cost_per_client": 25,
                       "channel": "mass"}])
    ws.set("plan", {"budget": 30000, "horizon": "120D", "control_share": 0.15})
    ws.set("decisions", {"offer_cost": 20, "success_rate": 0.2})
    from workbench.narrative import write_workshop

    write_workshop(ws, folder / "workshop.yml")
    return folder


def _run_and_scan(data: Path, out: Path, currency: str | None) -> None:
    from workbench.cli import main

    assert main(["run", "--data", str(data), "--out", str(out), "--language", "ru"]) == 0
    assert len(list((out / "notebooks").glob("*.ipynb"))) == 10
    assert error_outputs(out) == []
    assert leaks(out, sample_only_strings(currency)) == []


@pytest.mark.slow
def test_a_real_transactions_only_export_shows_nothing_of_the_sample(tmp_path):
    _run_and_scan(_cdnow_export(tmp_path / "cdnow"), tmp_path / "out", currency=None)


@pytest.mark.slow
def test_another_business_shows_its_own_inputs_and_nothing_of_the_sample(tmp_path):
    data = _dental_clinic(tmp_path / "clinic")
    _run_and_scan(data, tmp_path / "out", currency="EUR")
    texts = run_texts(tmp_path / "out")
    assert "WhiteSmile Riga" in texts["notebooks/01_expectations.ipynb"] + texts[
        "notebooks/06_offers.ipynb"]
    assert "Smaida Dental" in texts["report.html"]
    assert "€" in texts["report.html"]

"""The dashboard in a real browser: Voila + headless Chromium (Playwright), one control moved.

Skips with a reason when playwright, voila or Chromium is missing, unless
``WORKBENCH_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then a missing piece fails the test.
Waits on page state, never on sleeps (NOTEBOOK-TOOLING.md §3b); Voila is probed with a TCP
connect (a GET would start a kernel) and stopped by process group.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "notebooks" / "dashboard.ipynb"
SAMPLE = ROOT / "data" / "samples"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-dev-shm-usage",
]
REQUIRED = os.environ.get("WORKBENCH_REQUIRE_BROWSER") == "1"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _missing(reason: str):
    if REQUIRED:
        pytest.fail(f"WORKBENCH_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _chromium() -> str | None:
    for candidate in (os.environ.get("WORKBENCH_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited early with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"voila did not listen on port {port} within {timeout:.0f} s")


def _data_folder(tmp: Path) -> Path:
    """A copy of the sample (the dashboard saves into its workshop file: never the repo's)."""
    target = tmp / "client"
    if (SAMPLE / "transactions.csv").exists():
        shutil.copytree(SAMPLE, target)
        return target
    import numpy as np
    import pandas as pd

    target.mkdir()
    rng = np.random.default_rng(0)
    n = 4000
    tx = pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in rng.integers(0, 300, n)],
        "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    })
    tx.to_csv(target / "transactions.csv", index=False)
    return target


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory):
    """Voila serving the dashboard in Russian on a copy of the sample: (url, data folder)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[browser]')")
    if _chromium() is None:
        _missing("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    if shutil.which("voila", path=str(Path(sys.executable).parent)) is None \
            and shutil.which("voila") is None:
        _missing("voila is not installed")
    if not DASHBOARD.exists():
        _missing(f"{DASHBOARD.relative_to(ROOT)} not built (python tools/build_notebooks.py)")
    tmp = tmp_path_factory.mktemp("voila")
    data = _data_folder(tmp)
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), WORKBENCH_DATA=str(data),
               WORKBENCH_LANGUAGE="ru", WORKBENCH_OUT=str(tmp / "reports"))
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    log = open(tmp / "voila.log", "wb")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen(
        [voila, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         str(DASHBOARD)],
        cwd=str(ROOT), env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}/", data
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _count(text: str, pattern: str) -> float:
    import re

    found = re.search(pattern, text)
    assert found, (pattern, text)
    return float(found.group(1).replace("\u00a0", "").replace(" ", "").replace(",", "."))


def test_dashboard_decisions_on_three_steps_are_saved(dashboard_server, tmp_path):
    """Tabs in Russian; on steps 3, 4 and 5 a slider moves, the view changes, and "Save this
    decision" writes the moved value into the folder's workshop file."""
    from playwright.sync_api import expect, sync_playwright

    from workbench.workshop import read_workshop

    url, data = dashboard_server
    before_file = read_workshop(data)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.goto(url, timeout=180_000)
            tabs = page.locator(".lm-TabBar-tab")
            expect(tabs.first).to_be_visible(timeout=180_000)
            titles = [x.strip() for x in tabs.all_inner_texts()]
            assert titles[:9] == ["0 · Данные", "1 · Ожидания", "2 · Анализ", "3 · Приоритеты",
                                  "4 · Сегменты", "5 · Затраты и уход", "6 · Предложения",
                                  "7 · Упаковка", "8 · Обратная связь"], titles
            expect(page.get_by_text("Шаг 0 — Данные клиента")).to_be_visible(timeout=60_000)
            shown = {}

            def step(index: int, summary_text: str, slider: int, key: str, presses: int):
                tabs.nth(index).click()
                summary = page.locator(".widget-html:visible").filter(
                    has_text=summary_text).first
                expect(summary).to_be_visible(timeout=240_000)
                before = summary.inner_text()
                handle = page.locator(".widget-slider:visible .noUi-handle").nth(slider)
                readout = page.locator(".widget-slider:visible .widget-readout").nth(slider)
                handle.focus()
                for _ in range(presses):
                    page.keyboard.press(key)
                expect(summary).not_to_have_text(before, timeout=60_000)
                # each key press is one change: wait until the kernel has answered the last
                last, deadline = None, time.monotonic() + 120
                while time.monotonic() < deadline:
                    now = (readout.inner_text(), summary.inner_text())
                    if now == last:
                        break
                    last = now
                    page.wait_for_timeout(2000)
                after = summary.inner_text()
                page.locator("button:visible", has_text="Сохранить решение").first.click()
                expect(page.locator(".widget-html:visible").filter(
                    has_text="Сохранено в workshop.yml").first).to_be_visible(timeout=60_000)
                page.screenshot(path=str(tmp_path / f"dashboard_step{index}.png"),
                                animations="disabled")
                shown[index] = (before, after)

            step(4, "Класс A:", 0, "ArrowLeft", 15)          # A line 0.80 -> 0.65
            step(3, "При бюджете", 0, "ArrowLeft", 5)       # budget down 5 % of the range
            step(5, "Предложение —", 1, "ArrowRight", 3)    # success rate +0.15
        finally:
            browser.close()

    after_file = read_workshop(data)
    # step 4: the A line moved and fewer clients are in class A
    assert after_file.decision("abc_xyz")["abc_a"] == pytest.approx(0.65, abs=0.005)
    a_before, a_after = (_count(x, r"Класс A: клиентов — ([\d\u00a0 ]+)") for x in shown[4])
    assert a_after < a_before
    # step 3: the saved budget is the moved one, and the summary read it
    old_budget = float(before_file.get("plan.budget"))
    new_budget = float(after_file.get("plan.budget"))
    assert new_budget < old_budget
    assert _count(shown[3][1], r"При бюджете (\d[\d\u00a0]*)") == pytest.approx(
        new_budget, rel=0.01)
    # step 5: the success rate went up by three steps of 0.05
    start = float(before_file.decision("retention").get("success_rate", 0.3))
    assert after_file.decision("retention")["success_rate"] == pytest.approx(start + 0.15,
                                                                              abs=0.001)
    assert after_file.saved.keys() >= {"abc_xyz", "priorities", "retention"}


def test_report_opens_with_the_executive_summary(tmp_path):
    """report.html rendered in Chromium: the first section after the title is the summary."""
    pw = pytest.importorskip("playwright.sync_api")
    browser_path = _chromium()
    if browser_path is None:
        _missing("no Chromium found")
    sys.path.insert(0, str(ROOT / "tests"))
    from test_report import EXECUTED, FACTS

    from workbench.report import build_report_html

    for language, title in (("ru", "Главное для руководства"), ("en", "Executive summary")):
        path = tmp_path / f"report_{language}.html"
        path.write_text(build_report_html(EXECUTED, language, facts=FACTS), encoding="utf-8")
        with pw.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path, headless=True,
                                        args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(path.as_uri())
                headings = page.locator("h1, h2").all_inner_texts()
                visible = [h.replace("¶", "").strip() for h in headings if h.strip()]
                assert visible[1] == title, visible[:4]  # [0] is the report's own title
                paras = [t for t in page.locator(".jp-RenderedMarkdown p").all_inner_texts() if t.strip()]
                first_para = paras[0]
                assert "2" in first_para and ("клиентов" in first_para or "customers" in first_para)
                page.emulate_media(media="print")
                # no code in print (markdown cells render inside a .jp-InputArea of their own)
                assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeCell .jp-InputPrompt, "
                                    ".jp-CodeMirrorEditor").count() == 0
            finally:
                browser.close()

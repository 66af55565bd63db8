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
    if (SAMPLE / "transactions.csv").exists():
        return SAMPLE
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    n = 4000
    tx = pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in rng.integers(0, 300, n)],
        "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D"),
        "amount": rng.gamma(2.0, 400.0, n).round(2),
    })
    tx.to_csv(tmp / "transactions.csv", index=False)
    return tmp


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory):
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
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), MPLBACKEND="Agg",
               WORKBENCH_DATA=str(_data_folder(tmp)), WORKBENCH_LANGUAGE="en")
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    log = open(tmp / "voila.log", "wb")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen(
        [voila, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         str(DASHBOARD)],
        cwd=str(ROOT), env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def test_abc_threshold_slider_changes_the_summary(dashboard_url, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(dashboard_url, timeout=120_000)
            summary = page.locator(".widget-html").filter(has_text="Cell AX holds").first
            expect(summary).to_be_visible(timeout=120_000)
            before = summary.inner_text()
            handle = page.locator(".widget-slider .noUi-handle").first
            handle.focus()
            for _ in range(15):  # A threshold 0.80 -> 0.65
                page.keyboard.press("ArrowLeft")
            expect(summary).not_to_have_text(before, timeout=30_000)
            after = summary.inner_text()
            page.screenshot(path=str(tmp_path / "dashboard.png"), animations="disabled")
        finally:
            browser.close()
    import re

    pattern = re.compile(r"Class A: ([\d,]+) clients")
    n_before, n_after = pattern.search(before), pattern.search(after)
    assert n_before and n_after, (before, after)
    # a lower A line (0.80 -> 0.65) puts fewer clients in class A
    assert int(n_after.group(1).replace(",", "")) < int(n_before.group(1).replace(",", ""))


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

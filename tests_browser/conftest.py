# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tests: each role walks its journey in Odoo 19's web client, in
Debian's Chromium driven by Playwright.

``scripts/b2b test`` serves a database where the addon is installed on a
free port of its own and runs these tests in ``.venv-browser`` with
``B2B_BROWSER_URL`` (the server), ``B2B_BROWSER_DB`` (its database, seeded
by ``seed.py``), ``B2B_BROWSER_LOG`` (the server's log, read after each
test) and ``B2B_BROWSER_SHOTS`` (where screenshots go).

A walk fails on any server error (HTTP 5xx, an ERROR or a traceback in the
server's log), any JavaScript error, or an expected text that does not show.
"""
import os
import re

import pytest
from playwright.sync_api import expect, sync_playwright
from seed import Seed

URL = os.environ.get("B2B_BROWSER_URL", "http://127.0.0.1:8069")
DB = os.environ.get("B2B_BROWSER_DB", "")
LOG = os.environ.get("B2B_BROWSER_LOG", "")
SHOTS = os.environ.get("B2B_BROWSER_SHOTS", "")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
TIMEOUT = 30000  # ms; the machine is small and shared
FIRST_LOAD = 240000  # ms: the first page builds the web client's assets
SERVER_ERROR = re.compile(r" (ERROR|CRITICAL) |^Traceback ", re.M)
# Odoo logs the query of a concurrent update it then retries (two requests of
# the web client at once, e.g. discuss's "fetched" marks): not an error.
RETRIED = re.compile(r"^ERROR:\s+could not serialize access due to concurrent update")


class Walk:
    """One role's journey in one browser context, with its error watch."""

    def __init__(self, context, seed):
        self.seed = seed
        self.page = context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.page.set_default_navigation_timeout(FIRST_LOAD)
        self.errors = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"JS: {exc}"))
        self.page.on("response", self._on_response)

    def _on_response(self, response):
        if response.status >= 500:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def login(self, login):
        page = self.page
        page.goto(f"{URL}/web/login?db={DB}")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", login)
        page.click("button[type=submit]")
        page.wait_for_selector(".o_main_navbar", timeout=FIRST_LOAD)

    def goto(self, path, selector):
        self.page.goto(URL + path)
        self.page.wait_for_selector(selector, timeout=FIRST_LOAD)

    def see(self, text, scope="body"):
        expect(self.page.locator(scope).get_by_text(text).first).to_be_visible()

    def dialog(self):
        dialog = self.page.locator(".modal-dialog:visible").last
        dialog.wait_for(state="visible")
        return dialog

    def shot(self, name):
        if SHOTS:
            self.page.screenshot(path=os.path.join(SHOTS, f"{name}.png"))

    def check(self):
        if self.errors:
            raise AssertionError("errors in the browser:\n" + "\n".join(self.errors))


@pytest.fixture(scope="session")
def seed():
    return Seed(URL, DB)


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.b2b_failed = report.failed


@pytest.fixture
def walk(request, chromium, seed):
    """A fresh browser context; fails the test on errors of the browser or
    the server."""
    start = os.path.getsize(LOG) if LOG and os.path.exists(LOG) else 0
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    one = Walk(context, seed)
    yield one
    if SHOTS and getattr(request.node, "b2b_failed", False):
        one.page.screenshot(path=os.path.join(SHOTS, f"failed_{request.node.name}.png"))
    context.close()
    one.check()
    if LOG:
        with open(LOG, encoding="utf-8", errors="replace") as handle:
            handle.seek(start)
            new = handle.read()
        lines = new.splitlines()
        bad = [
            line
            for line, after in zip(lines, lines[1:] + [""])
            if SERVER_ERROR.search(line) and not RETRIED.match(after)
        ]
        assert not bad, "errors in the server's log:\n" + new[-6000:]

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tests: each role walks its journey in Debian's Chromium.

``scripts/b2b test`` (and ``scripts/b2b browser``) serves a database where the
addon is installed on a free port of its own and runs these tests under the
Playwright environment (``.venv-browser``) with:

- ``B2B_BROWSER_URL``: the server, e.g. ``http://127.0.0.1:41234``;
- ``B2B_BROWSER_DB``: its database (the data is seeded by ``seed.py``);
- ``B2B_BROWSER_LOG``: the server's log file, read after each test;
- ``B2B_BROWSER_SHOTS``: where each role's screenshot is written.

A walk fails on any server error (HTTP 5xx, an RPC answered with an error
the walk did not expect, an ERROR or traceback in the server's log), any
JavaScript error in the console, or an expected text that does not show.
"""
import contextlib
import os
import re

import pytest
from playwright.sync_api import sync_playwright
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
FIRST_LOAD = 240000  # ms: a page that may build the web client's assets

# Every JSON-RPC answer goes through XMLHttpRequest in Odoo 11's web client:
# count the calls in flight (long polling aside) and report the errors they
# return to the console, where the walk collects them.
RPC_WATCH = """
(() => {
    window.__b2bPending = 0;
    const send = XMLHttpRequest.prototype.send;
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
        this.__b2bUrl = String(url);
        return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
        const url = this.__b2bUrl || "";
        if (url.indexOf("longpolling") < 0) {
            window.__b2bPending += 1;
            this.addEventListener("loadend", () => {
                window.__b2bPending -= 1;
                let answer = null;
                try { answer = JSON.parse(this.responseText); } catch (e) {}
                if (answer && answer.error) {
                    const data = answer.error.data || {};
                    console.error("B2B_RPC_ERROR " + url + " " + (data.name || "")
                        + ": " + (data.message || answer.error.message));
                }
            });
        }
        return send.apply(this, arguments);
    };
})();
"""


class Walk:
    """One role's journey in one browser context, with its error watch."""

    def __init__(self, context, seed):
        self.context = context
        self.seed = seed
        self.page = context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.page.set_default_navigation_timeout(FIRST_LOAD)
        self.errors = []
        self.expected = []  # [fragment, count] of RPC errors the walk provokes
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.errors.append("JS: %s" % exc))
        self.page.on("response", self._on_response)

    def _on_console(self, message):
        if message.type != "error":
            return
        text = message.text
        for expected in self.expected:
            if expected[0] in text:
                expected[1] += 1
                return
        self.errors.append("console: %s" % text)

    def _on_response(self, response):
        if response.status >= 400:
            self.errors.append("HTTP %s: %s" % (response.status, response.url))

    # ------------------------------------------------------------ navigation
    def login(self, login, password=None):
        page = self.page
        page.goto(URL + "/web/login?db=%s" % DB)
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password or self.seed.password(login))
        page.click("button[type=submit]", timeout=FIRST_LOAD)
        # the first page of a fresh database builds its assets (lessc): slow
        page.wait_for_selector("#oe_main_menu_navbar", timeout=FIRST_LOAD)
        self.settle()
        # the web client's onboarding tips would cover the screen
        page.add_style_tag(content=".o_tooltip { display: none !important; }")

    def url(self, path):
        return URL + path

    def login_portal(self, login):
        """A customer logs in: the portal's home page, not the web client."""
        page = self.page
        page.goto(URL + "/web/login?db=%s" % DB)
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", self.seed.password(login))
        page.click("button[type=submit]", timeout=FIRST_LOAD)
        page.wait_for_load_state()
        self.settle()

    def settle(self, pause=300):
        """Wait until no RPC is in flight and the screen is drawn."""
        self.page.wait_for_function(
            "window.__b2bPending === undefined || window.__b2bPending === 0"
        )
        self.page.wait_for_timeout(pause)
        self.page.wait_for_function(
            "window.__b2bPending === undefined || window.__b2bPending === 0"
        )
        self.check()

    def app(self, xml_id):
        """Open an application from the top menu (by the menu's xml id, so
        that a walk in any language finds it)."""
        self.page.click("#oe_main_menu_navbar a[data-menu-xmlid=%r]" % xml_id)
        self.settle()

    def menu(self, xml_id):
        """Open an entry of the application's side menu (by its xml id)."""
        page = self.page
        target = page.locator(".o_sub_menu a[data-menu-xmlid=%r]" % xml_id).first
        if not target.is_visible():  # in a folded section: unfold it
            page.locator(
                ".o_sub_menu li:has(a[data-menu-xmlid=%r]) > a.oe_menu_toggler" % xml_id
            ).first.click()
        target.click()
        self.settle()
        self.page.wait_for_selector(".o_view_manager_content > *")

    def button(self, text, scope=""):
        """Click a visible button of the screen (or of ``scope``) by its text."""
        self.page.locator(
            "%s button:visible:has-text(%r)" % (scope, text)
        ).first.click()
        self.settle()

    def drag(self, source, target):
        """Drag ``source`` onto ``target`` (locators) with the mouse, as
        jQuery UI's sortable wants it: press, move in steps, release."""
        page = self.page
        start = source.bounding_box()
        end = target.bounding_box()
        page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 10)
        page.mouse.down()
        page.mouse.move(start["x"] + start["width"] / 2 + 20, start["y"] + 30, steps=5)
        page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 40, steps=15)
        page.mouse.up()
        self.settle(800)

    def filter(self, name):
        """Apply a filter of the search view's Filters menu (by its label)."""
        page = self.page
        toggle = page.locator(".o_search_options .o_filters_menu").locator("..").locator(
            "button.o_dropdown_toggler_btn")
        if not toggle.is_visible():
            page.click(".o_searchview_more")
        if not page.locator(".o_filters_menu").is_visible():
            toggle.click()
        page.click(".o_filters_menu a:visible:has-text(%r)" % name)
        self.settle()
        if page.locator(".o_filters_menu").is_visible():
            toggle.click()  # closed, so that it covers nothing

    def tab(self, text):
        self.page.click(".o_notebook a[role=tab]:visible:has-text(%r), "
                        ".o_notebook .nav-tabs a:visible:has-text(%r)" % (text, text))
        self.settle(150)

    def see(self, *texts, scope="body"):
        """Fail unless each text shows on the screen."""
        for text in texts:
            try:
                self.page.locator(scope).get_by_text(text).filter(
                    visible=True
                ).first.wait_for(state="visible")
            except Exception as exc:
                raise AssertionError(
                    "%r is not on the screen (%s)" % (text, self.page.url)
                ) from exc

    def open_record(self, text):
        """Open the row or card showing ``text`` in a list or kanban."""
        self.page.locator(
            ".o_data_row:visible:has-text(%r), .o_kanban_record:visible:has-text(%r)"
            % (text, text)
        ).first.click()
        self.settle()
        self.page.wait_for_selector(".o_form_view")

    @contextlib.contextmanager
    def refused(self, fragment):
        """The RPC errors containing ``fragment`` in this block are the
        walk's own (a rule refusing a step); at least one must come."""
        expected = [fragment, 0]
        self.expected.append(expected)
        try:
            yield
            self.settle()
        finally:
            self.expected.remove(expected)
        assert expected[1], "no error %r came" % fragment

    def dialog_text(self):
        dialog = self.page.locator(".modal-dialog:visible").last
        dialog.wait_for(state="visible")
        return dialog.inner_text()

    def close_dialog(self):
        self.page.locator(
            ".modal-dialog:visible .modal-footer button:visible"
        ).last.click()
        self.settle()

    def shot(self, name):
        if SHOTS:
            self.page.screenshot(path=os.path.join(SHOTS, "%s.png" % name))

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


def _log_size():
    return os.path.getsize(LOG) if LOG and os.path.exists(LOG) else 0


SERVER_ERROR = re.compile(r" (ERROR|CRITICAL) |^Traceback ", re.M)


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
    start = _log_size()
    context = chromium.new_context(
        viewport={"width": 1440, "height": 900}, locale="en-US"
    )
    context.add_init_script(RPC_WATCH)
    one = Walk(context, seed)
    yield one
    if SHOTS and getattr(request.node, "b2b_failed", False):
        one.page.screenshot(
            path=os.path.join(SHOTS, "failed_%s.png" % request.node.name)
        )
    context.close()
    one.check()
    if LOG:
        with open(LOG, encoding="utf-8", errors="replace") as handle:
            handle.seek(start)
            new = handle.read()
        bad = [line for line in new.splitlines() if SERVER_ERROR.search(line)]
        assert not bad, "errors in the server's log:\n" + new[-6000:]

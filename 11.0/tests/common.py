# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared set-up of the tests: users with the narrowest groups for their job.

Tests never rely on demo data or on today's date: build records here or in
``setUpClass`` and pass dates explicitly.
"""
import socket
import threading
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import common as odoo_test_common
from odoo.tests.common import HttpCase, SavepointCase, get_db_name

# Odoo 11 reads the HTTP port when odoo.tests is imported, which pytest-odoo
# does before it parses the configuration: take the port of this run.
odoo_test_common.PORT = odoo.tools.config["http_port"]
_http_server_lock = threading.Lock()
_http_server = []


def ensure_http_server():
    """Serve HTTP for the tests (once per run), on this run's own port.

    ``make test`` gives every run a free port, so the tests never reach a
    server of ``make demo`` or of another clone.
    """
    with _http_server_lock:
        running = odoo.service.server.server
        if running is not None and getattr(running, "httpd", None):
            return  # Odoo's own runner serves already (--test-enable)
        if not _http_server:
            server = odoo.service.server.ThreadedServer(
                odoo.service.wsgi_server.application
            )
            server.http_spawn()
            _wait_until_listening(odoo.tools.config["http_port"])
            _http_server.append(server)


def _wait_until_listening(port, timeout=60):
    """The server's thread binds its socket after ``http_spawn`` returns: a
    first request sent before then is refused (seen on a loaded machine)."""
    deadline = time.time() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.1)


# The web asset bundles that documents (reports, mails with a PDF) and pages
# (links, portal) load.
ASSET_BUNDLES = (
    "web.assets_common", "web.report_assets_common", "web.report_assets_pdf",
    "web.assets_frontend",
)
_assets_compiled = []


def ensure_asset_bundles():
    """Compile the web asset bundles once per run, outside the tests.

    Odoo keeps a compiled bundle as an attachment. Compiled inside a test,
    it is rolled back with the test's data and compiled again (lessc, many
    seconds) by the next test that renders a document or a page; compiled
    and committed here, before the test classes open their transactions,
    every test finds it.
    """
    if _assets_compiled:
        return
    with odoo.registry(get_db_name()).cursor() as cr:  # commits on exit
        env = api.Environment(cr, SUPERUSER_ID, {})
        for xmlid in ASSET_BUNDLES:
            env["ir.qweb"]._get_asset_nodes(xmlid, {}, css=True, js=True)
    _assets_compiled.append(True)


# A 1x1 PNG: the customer's drawn signature in tests.
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAAAAgABVKJPXQ"
    "AAAABJRU5ErkJggg=="
)


def mark_sent(acceptance):
    """The minutes as ``action_send`` leaves them, without rendering and
    mailing the PDF (slow, and tested on its own)."""
    for minutes in acceptance.filtered(lambda a: a.state == "draft"):
        minutes.sudo()._issue_link()
        # Sent on a fixed day, not today.
        minutes.sudo()._step_write(
            {"state": "sent", "date_sent": "2026-03-02 09:00:00"}
        )
        minutes.phase_id._b2b_set_to_accept()
    return acceptance


def accept_by_customer(acceptance, name="Phạm Thị Dung"):
    """The customer accepts the minutes through their link (marked sent
    first if still a draft), with name and signature, as the link's route
    does."""
    mark_sent(acceptance)
    return acceptance._accept_by_customer(name, SIGNATURE, "link")


def create_user(env, login, groups, name=None, **values):
    """A user holding exactly ``groups`` (xml ids), plus what they imply.

    Users created without explicit groups get ``base.default_user``'s, which
    include sales and project manager: always pass the groups.
    """
    group_ids = [env.ref(xml_id).id for xml_id in groups]
    vals = {
        "name": name or login.replace("_", " ").title(),
        "login": login,
        "email": "%s@example.com" % login,
        "groups_id": [(6, 0, group_ids)],
        "tz": "UTC",
    }
    vals.update(values)
    return env["res.users"].with_context(no_reset_password=True).create(vals)


def use_currency(env, company, currency):
    """The company and its public pricelist count in ``currency`` for the
    rest of this transaction, whatever the database's company counts in
    (Odoo's runner tests on a database with demo data, whose company counts
    in đồng). Odoo refuses to change the currency of a company that has
    journal items, hence the SQL; the test's rollback undoes it."""
    if company.currency_id != currency:
        env.cr.execute(
            "UPDATE res_company SET currency_id = %s WHERE id = %s",
            (currency.id, company.id),
        )
        company.invalidate_cache(["currency_id"], company.ids)
    pricelist = env.ref("product.list0")
    if pricelist.currency_id != currency:
        pricelist.currency_id = currency


class B2BCase(SavepointCase):
    """Users for each role of the process, created once per test class."""

    @classmethod
    def setUpClass(cls):
        ensure_asset_bundles()  # before this class's transaction starts
        super().setUpClass()
        env = cls.env
        cls.company = env.ref("base.main_company")
        use_currency(env, cls.company, env.ref("base.USD"))
        cls.salesman = create_user(
            env, "b2b_salesman", ["sales_team.group_sale_salesman"]
        )
        cls.salesman_other = create_user(
            env, "b2b_salesman_other", ["sales_team.group_sale_salesman"]
        )
        cls.sales_manager = create_user(
            env, "b2b_sales_manager", ["sales_team.group_sale_manager"]
        )
        cls.project_user = create_user(
            env, "b2b_project_user", ["project.group_project_user"]
        )
        cls.project_manager = create_user(
            env, "b2b_project_manager", ["project.group_project_manager"]
        )
        cls.accountant = create_user(
            env, "b2b_accountant", ["account.group_account_invoice"]
        )
        # the company's accountant, whom installment tasks go to (demo data
        # may have named another)
        cls.company.b2b_accountant_id = cls.accountant
        cls.customer = env["res.partner"].create(
            {"name": "Công ty TNHH Minh Phát", "is_company": True,
             "email": "contact@minhphat.example.com"}
        )


class B2BHttpCase(HttpCase):
    """HTTP tests against this run's own server (see ensure_http_server).

    As in Odoo 11's HttpCase, requests run on their own test cursor: data
    the requests must see is created through ``self.registry.cursor()`` or
    through the requests themselves.
    """

    # Under Odoo's own runner (-i ... --test-enable), after the install:
    # during it the server has no registry to serve the requests with.
    at_install = False
    post_install = True

    # The first request of a run builds the asset bundles: on a busy
    # machine that takes longer than Odoo's 10 seconds, after which the test
    # closes the request's cursor under it.
    url_timeout = 120

    @classmethod
    def setUpClass(cls):
        ensure_asset_bundles()
        super().setUpClass()
        ensure_http_server()

    def url_open(self, url, data=None, timeout=None):
        return super().url_open(url, data=data, timeout=timeout or self.url_timeout)

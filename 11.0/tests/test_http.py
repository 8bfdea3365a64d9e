# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The test run serves HTTP on its own port."""
import odoo

from .common import B2BHttpCase


class TestHttpServer(B2BHttpCase):
    def test_server_of_this_run_answers(self):
        port = odoo.tools.config["http_port"]
        self.assertNotEqual(port, 8069, "tests must not use make demo's port")
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn("login", response.text)

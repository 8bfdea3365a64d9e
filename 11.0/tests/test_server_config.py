# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The configuration scripts/b2b writes keeps Odoo's database manager
closed: no database list, and a random master password instead of
``admin``."""
from odoo.tests.common import TransactionCase
from odoo.tools import config


class TestServerConfig(TransactionCase):
    def test_database_manager_is_closed(self):
        self.assertFalse(config["list_db"])
        self.assertNotEqual(config["admin_passwd"], "admin")
        self.assertGreaterEqual(len(config["admin_passwd"]), 32)

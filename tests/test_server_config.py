# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The configuration ``scripts/b2b`` writes (``make demo``, ``make test``)
keeps Odoo's database manager closed: no database list, and a random master
password instead of Odoo's default ``admin``."""

import os
import unittest

from odoo.tests import TransactionCase
from odoo.tools import config

# scripts/b2b writes its configurations under the clone's .local/.
WRITTEN_BY_THE_PROJECT = os.sep + ".local" + os.sep


class TestServerConfig(TransactionCase):
    def test_database_manager_is_closed(self):
        if WRITTEN_BY_THE_PROJECT not in (config.rcfile or ""):
            raise unittest.SkipTest("Odoo runs on a configuration of its own")
        self.assertFalse(config["list_db"])
        self.assertNotEqual(config["admin_passwd"], "admin")
        self.assertGreaterEqual(len(config["admin_passwd"]), 32)

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_argument_utils, test_jobs, test_skeleton): the one
check of the dates a caller gives to a public method, the one loop of the
crons (a bad record rolled back alone) and every test module run by Odoo's
own runner."""

import ast
import pathlib
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import TransactionCase
from odoo.tools import mute_logger

from ..utils.arguments import date_argument, past_date_argument
from ..utils.cron import run_each


class TestCarriedUtils(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.records = cls.env["res.partner"]

    def test_date_read_from_text_or_objects(self):
        for value in ("2026-03-02", date(2026, 3, 2), datetime(2026, 3, 2, 9, 30)):
            self.assertEqual(date_argument(self.records, value, "The day"), date(2026, 3, 2))

    def test_no_date_is_refused_naming_the_argument(self):
        for value in ("2026-02-30", "khong-phai-ngay", "", "02/03/2026", 42, True, None, [2026, 3, 2]):
            with self.subTest(value=value), self.assertRaises(UserError) as refused:
                date_argument(self.records, value, "The day")
            self.assertEqual(
                str(refused.exception),
                "The day must be a date written YYYY-MM-DD, not %r." % (value,),
            )

    @freeze_time("2026-03-10 03:00:00")
    def test_past_date_defaults_to_today_and_refuses_the_future(self):
        self.assertEqual(past_date_argument(self.records, False, "The day", "Not yet."), date(2026, 3, 10))
        self.assertEqual(
            past_date_argument(self.records, "2026-03-09", "The day", "Not yet."), date(2026, 3, 9)
        )
        self.assertEqual(
            past_date_argument(self.records, "2026-03-10", "The day", "Not yet."), date(2026, 3, 10)
        )
        with self.assertRaisesRegex(UserError, "^Not yet.$"):
            past_date_argument(self.records, "2026-03-11", "The day", "Not yet.")
        with self.assertRaisesRegex(UserError, "The day must be a date"):
            past_date_argument(self.records, "hôm qua", "The day", "Not yet.")

    def test_run_each_isolates_the_failing_record(self):
        partners = self.env["res.partner"].create([{"name": "Đối tác %s" % index} for index in range(3)])
        bad = partners[1]

        def step(partner):
            partner.ref = "done"
            if partner == bad:
                # A database error: without a savepoint the transaction would
                # be lost for the others too.
                self.env.cr.execute("SELECT 1/0")

        with mute_logger("odoo.addons.b2b_sales_delivery.utils.cron", "odoo.sql_db"):
            failed = run_each(partners, step, "Test job")
        self.assertEqual(failed, bad)
        self.env.invalidate_all()
        self.assertEqual((partners - bad).mapped("ref"), ["done", "done"])
        self.assertFalse(bad.ref)
        # The transaction is still usable after the job.
        self.env.cr.execute("SELECT 1")

    def test_every_test_module_runs_under_odoo(self):
        """Odoo's runner runs the modules tests/__init__.py imports; pytest
        finds them by name: no module with tests is left out of the first."""
        folder = pathlib.Path(__file__).resolve().parent
        tree = ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))
        imported = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names
        }
        on_disk = {
            path.stem
            for path in folder.glob("test_*.py")
            if any(
                isinstance(node, ast.FunctionDef) and node.name.startswith("test")
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            )
        }
        self.assertIn("test_carried_utils", on_disk)
        self.assertNotIn("test_acceptance_common", on_disk)  # shared set-up, no test
        self.assertEqual(on_disk - imported, set())

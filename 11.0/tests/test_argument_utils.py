# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The checks of the dates given to public methods: one parse for all."""
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from ..utils.arguments import check_date_argument, check_datetime_argument


class TestDateArguments(TransactionCase):
    def setUp(self):
        super().setUp()
        self.records = self.env["res.partner"]

    def test_date_read_from_text_or_objects(self):
        for value in ("2026-03-02", "2026-03-02 09:30:00", date(2026, 3, 2),
                      datetime(2026, 3, 2, 9, 30)):
            self.assertEqual(
                check_date_argument(self.records, value, "The day"), "2026-03-02")

    def test_no_date_is_refused_naming_the_argument(self):
        for value in ("2026-02-30", "khong-phai-ngay", "", 42, True, None,
                      "0001-01-01"):
            with self.assertRaises(UserError) as refused:
                check_date_argument(self.records, value, "The day")
            self.assertEqual(refused.exception.name,
                             "The day must be a date (YYYY-MM-DD).")

    def test_datetime_read_from_text_or_objects(self):
        for value, expected in (
            ("2026-03-02 09:30:00", "2026-03-02 09:30:00"),
            ("2026-03-02 09:30:00.123456", "2026-03-02 09:30:00"),
            ("2026-03-02", "2026-03-02 00:00:00"),
            (datetime(2026, 3, 2, 9, 30), "2026-03-02 09:30:00"),
            (date(2026, 3, 2), "2026-03-02 00:00:00"),
        ):
            self.assertEqual(
                check_datetime_argument(self.records, value, "The moment"),
                expected,
            )

    def test_no_datetime_is_refused_naming_the_argument(self):
        for value in ("2026-02-30 10:00:00", "2026-03-02 25:00:00",
                      "khong-phai-ngay", "", 42, True, None,
                      "0001-01-01 00:00:00"):
            with self.assertRaises(UserError) as refused:
                check_datetime_argument(self.records, value, "The moment")
            self.assertEqual(
                refused.exception.name,
                "The moment must be a date and time (YYYY-MM-DD HH:MM:SS).",
            )

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fast tests of the payment rules that need no database."""
import unittest
from datetime import date
from decimal import Decimal

from ..utils.payment import (
    ageing_bucket,
    due_reminder_levels,
    split_amount,
)

THIRDS = [("percent", 33.33), ("percent", 33.33), ("percent", 33.34)]


class TestSplitAmount(unittest.TestCase):
    def test_thirds_to_the_cent(self):
        amounts = split_amount(1000.01, THIRDS, 2)
        self.assertEqual(
            amounts, [Decimal("333.30"), Decimal("333.30"), Decimal("333.41")]
        )
        self.assertEqual(sum(amounts), Decimal("1000.01"))

    def test_thirds_without_decimals(self):
        amounts = split_amount(1000001, THIRDS, 0)
        self.assertEqual(amounts, [Decimal(333300), Decimal(333300), Decimal(333401)])
        self.assertEqual(sum(amounts), Decimal(1000001))

    def test_fixed_and_percent(self):
        amounts = split_amount(
            "150000000", [("fixed", 50000000), ("percent", 40), ("percent", 26.666667)], 0
        )
        self.assertEqual(sum(amounts), Decimal(150000000))
        self.assertEqual(amounts[0], Decimal(50000000))
        self.assertEqual(amounts[1], Decimal(60000000))

    def test_incomplete_plan_keeps_its_gap(self):
        amounts = split_amount(1000, [("percent", 30), ("percent", 30)], 2)
        self.assertEqual(amounts, [Decimal("300.00"), Decimal("300.00")])
        self.assertEqual(Decimal(1000) - sum(amounts), Decimal("400.00"))

    def test_excess_is_not_hidden(self):
        amounts = split_amount(100, [("percent", 60), ("percent", 50)], 2)
        self.assertEqual(Decimal(100) - sum(amounts), Decimal("-10.00"))

    def test_empty_plan(self):
        self.assertEqual(split_amount(100, [], 2), [])


class TestAgeing(unittest.TestCase):
    def test_buckets_on_fixed_dates(self):
        due = date(2026, 1, 31)
        cases = {
            date(2026, 1, 1): "not_due",
            date(2026, 1, 31): "not_due",
            date(2026, 2, 1): "1_30",
            date(2026, 3, 2): "1_30",
            date(2026, 3, 3): "31_60",
            date(2026, 4, 1): "31_60",
            date(2026, 4, 2): "61_90",
            date(2026, 5, 1): "61_90",
            date(2026, 5, 2): "over_90",
        }
        for today, bucket in cases.items():
            self.assertEqual(ageing_bucket(due, today), bucket, today)

    def test_reminder_levels(self):
        due = date(2026, 3, 10)
        levels = [-3, 1, 7, 30]
        self.assertEqual(due_reminder_levels(due, date(2026, 3, 6), levels), [])
        self.assertEqual(due_reminder_levels(due, date(2026, 3, 7), levels), [-3])
        self.assertEqual(
            due_reminder_levels(due, date(2026, 3, 18), levels, done_days=[-3]), [1, 7]
        )
        self.assertEqual(
            due_reminder_levels(due, date(2026, 3, 18), levels, done_days=[-3, 1, 7]),
            [],
        )

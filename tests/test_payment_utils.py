# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Splitting an order total into installments and ageing what is due,
without a database."""

import unittest
from datetime import date
from decimal import Decimal

from ..utils.payment import (
    AGEING_BUCKETS,
    adds_up,
    ageing_bucket,
    ageing_sql,
    split_amount,
    to_decimal,
)


class TestPaymentUtils(unittest.TestCase):
    def test_percent_split_adds_up_to_the_dong(self):
        amounts = split_amount(171802468, [(30, 0), (30, 0), (40, 0)], 0)
        self.assertEqual(amounts, [Decimal(51540740), Decimal(51540740), Decimal(68720988)])
        self.assertEqual(sum(amounts), Decimal(171802468))

    def test_cents_go_to_the_last_percent_line(self):
        amounts = split_amount(100, [(33.33, 0), (33.33, 0), (33.34, 0)], 2)
        self.assertEqual(sum(amounts), Decimal("100.00"))
        amounts = split_amount(100, [(100 / 3, 0), (100 / 3, 0), (100 / 3, 0)], 2)
        self.assertEqual(amounts[-1], Decimal("33.34"))

    def test_amounts_kept_and_percent_takes_the_rest(self):
        amounts = split_amount(1000001, [(0, 300000), (70, 0)], 0)
        self.assertEqual(amounts, [Decimal(300000), Decimal(700001)])

    def test_a_fixed_line_is_never_moved(self):
        # 100 in three thirds of an amount: the fixed line keeps its amount.
        amounts = split_amount(100, [(50, 0), (0, 50.01)], 2)
        self.assertEqual(amounts, [Decimal("49.99"), Decimal("50.01")])

    def test_frozen_line_keeps_its_amount(self):
        # 50 % of 1,001 is 500.5: the frozen line keeps the amount it was
        # invoiced for, the open one takes the rest.
        amounts = split_amount(1001, [(50, 0), (50, 501)], 0, frozen=[False, True])
        self.assertEqual(amounts, [Decimal(500), Decimal(501)])
        amounts = split_amount(1001, [(50, 501), (50, 0)], 0, frozen=[True, False])
        self.assertEqual(amounts, [Decimal(501), Decimal(500)])
        amounts = split_amount(1001, [(50, 0), (50, 0)], 0)
        self.assertEqual(amounts, [Decimal(501), Decimal(500)])

    def test_a_plan_short_of_the_total_is_not_stretched(self):
        amounts = split_amount(1000, [(30, 0), (30, 0)], 0)
        self.assertEqual(amounts, [Decimal(300), Decimal(300)])
        self.assertFalse(adds_up(1000, amounts, 0))

    def test_adds_up(self):
        self.assertTrue(adds_up(171802468, [51540740, 51540740, 68720988], 0))
        self.assertFalse(adds_up(171802468, [51540740, 51540740, 68720987], 0))
        self.assertEqual(to_decimal(0.5, 0), Decimal(1))
        self.assertEqual(to_decimal(2.675, 2), Decimal("2.68"))


class TestAgeing(unittest.TestCase):
    def test_buckets(self):
        due = date(2026, 3, 10)
        for today, bucket in (
            (date(2026, 3, 1), "not_due"),
            (date(2026, 3, 10), "not_due"),
            (date(2026, 3, 11), "1_30"),
            (date(2026, 4, 9), "1_30"),
            (date(2026, 4, 10), "31_60"),
            (date(2026, 5, 9), "31_60"),
            (date(2026, 5, 10), "61_90"),
            (date(2026, 6, 8), "61_90"),
            (date(2026, 6, 9), "over_90"),
        ):
            self.assertEqual(ageing_bucket(due, today), bucket, today)

    def test_sql_has_every_bucket_in_order(self):
        sql = ageing_sql("d")
        self.assertEqual(
            sql,
            "CASE WHEN d <= 0 THEN 'not_due' WHEN d <= 30 THEN '1_30' "
            "WHEN d <= 60 THEN '31_60' WHEN d <= 90 THEN '61_90' ELSE 'over_90' END",
        )
        self.assertEqual(AGEING_BUCKETS[-1], "over_90")

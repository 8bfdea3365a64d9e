# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The periods of the key indicators and the proration of targets, without
a database."""
import unittest
from datetime import date, datetime

from ..utils import kpi_periods as kp


class TestKpiPeriods(unittest.TestCase):
    def test_to_date(self):
        self.assertEqual(kp.to_date("2026-02-28"), date(2026, 2, 28))
        self.assertEqual(kp.to_date(datetime(2026, 2, 28, 23, 59)), date(2026, 2, 28))
        for bad in ("28/02/2026", "2026-02-30", None, 20260228):
            with self.assertRaises(ValueError):
                kp.to_date(bad)

    def test_bounds(self):
        day = date(2026, 8, 19)  # a Wednesday
        self.assertEqual(kp.period_bounds(day, "week"), (date(2026, 8, 17), date(2026, 8, 23)))
        self.assertEqual(kp.period_bounds(day, "month"), (date(2026, 8, 1), date(2026, 8, 31)))
        self.assertEqual(
            kp.period_bounds(day, "quarter"), (date(2026, 7, 1), date(2026, 9, 30))
        )
        self.assertEqual(kp.period_bounds(day, "year"), (date(2026, 1, 1), date(2026, 12, 31)))
        self.assertEqual(
            kp.period_bounds("2028-02-10", "month"), (date(2028, 2, 1), date(2028, 2, 29))
        )
        self.assertEqual(
            kp.period_bounds("2026-12-31", "quarter"), (date(2026, 10, 1), date(2026, 12, 31))
        )
        with self.assertRaises(ValueError):
            kp.period_bounds(day, "fortnight")

    def test_period_type(self):
        self.assertEqual(kp.period_type_of("2026-02-01", "2026-02-28"), "month")
        self.assertEqual(kp.period_type_of("2026-04-01", "2026-06-30"), "quarter")
        self.assertEqual(kp.period_type_of("2026-01-01", "2026-12-31"), "year")
        self.assertEqual(kp.period_type_of("2026-03-02", "2026-03-08"), "week")
        self.assertEqual(kp.period_type_of("2026-02-01", "2026-02-27"), "custom")

    def test_next_and_previous(self):
        self.assertEqual(
            kp.next_period("2026-01-01", "2026-01-31"), (date(2026, 2, 1), date(2026, 2, 28))
        )
        self.assertEqual(
            kp.next_period("2026-10-01", "2026-12-31"), (date(2027, 1, 1), date(2027, 3, 31))
        )
        self.assertEqual(
            kp.previous_period("2026-03-01", "2026-03-31"), (date(2026, 2, 1), date(2026, 2, 28))
        )
        self.assertEqual(
            kp.previous_period("2026-01-01", "2026-12-31"), (date(2025, 1, 1), date(2025, 12, 31))
        )
        # A custom period: the same number of days next to it.
        self.assertEqual(
            kp.next_period("2026-03-10", "2026-03-19"), (date(2026, 3, 20), date(2026, 3, 29))
        )
        self.assertEqual(
            kp.previous_period("2026-03-10", "2026-03-19"), (date(2026, 2, 28), date(2026, 3, 9))
        )

    def test_overlap(self):
        self.assertEqual(kp.days_in("2026-02-01", "2026-02-28"), 28)
        self.assertEqual(kp.days_in("2026-02-02", "2026-02-01"), 0)
        self.assertEqual(kp.overlap_days("2026-03-01", "2026-03-31", "2026-03-25", "2026-04-10"), 7)
        self.assertEqual(kp.overlap_days("2026-03-01", "2026-03-31", "2026-04-01", "2026-04-10"), 0)

    def test_prorate(self):
        # A month's target, fully in its month, a third in ten of its thirty days.
        self.assertEqual(kp.prorate(30, "2026-04-01", "2026-04-30", "2026-04-01", "2026-04-30"), 30)
        self.assertEqual(kp.prorate(30, "2026-04-01", "2026-04-30", "2026-04-11", "2026-04-20"), 10)
        self.assertEqual(kp.prorate(30, "2026-04-01", "2026-04-30", "2026-03-01", "2026-03-31"), 0)
        # A quarter's target over one of its months: by days (31 of 90).
        self.assertAlmostEqual(
            kp.prorate(90, "2026-01-01", "2026-03-31", "2026-01-01", "2026-01-31"), 31.0
        )
        # Twelve monthly targets add up in the year.
        total = sum(
            kp.prorate(100, *kp.period_bounds(date(2026, month, 1), "month"),
                       "2026-01-01", "2026-12-31")
            for month in range(1, 13)
        )
        self.assertAlmostEqual(total, 1200)
        self.assertEqual(kp.prorate(10, "2026-04-02", "2026-04-01", "2026-04-01", "2026-04-30"), 0.0)

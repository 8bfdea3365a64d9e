# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Periods of the key indicators: plain functions, no database."""
import unittest
from datetime import date

from ..utils import kpi_periods as kp


class TestKpiPeriods(unittest.TestCase):
    def test_period_bounds(self):
        day = date(2026, 2, 11)  # a Wednesday
        self.assertEqual(kp.period_bounds(day, "week"), (date(2026, 2, 9), date(2026, 2, 15)))
        self.assertEqual(kp.period_bounds(day, "month"), (date(2026, 2, 1), date(2026, 2, 28)))
        self.assertEqual(
            kp.period_bounds("2028-02-29", "month"), (date(2028, 2, 1), date(2028, 2, 29))
        )
        self.assertEqual(kp.period_bounds(day, "quarter"), (date(2026, 1, 1), date(2026, 3, 31)))
        self.assertEqual(
            kp.period_bounds("2026-12-31", "quarter"), (date(2026, 10, 1), date(2026, 12, 31))
        )
        self.assertEqual(kp.period_bounds(day, "year"), (date(2026, 1, 1), date(2026, 12, 31)))
        with self.assertRaises(ValueError):
            kp.period_bounds(day, "fortnight")

    def test_week_across_years(self):
        self.assertEqual(
            kp.period_bounds("2026-01-01", "week"), (date(2025, 12, 29), date(2026, 1, 4))
        )

    def test_period_type_of(self):
        self.assertEqual(kp.period_type_of("2026-02-09", "2026-02-15"), "week")
        self.assertEqual(kp.period_type_of("2026-02-01", "2026-02-28"), "month")
        self.assertEqual(kp.period_type_of("2026-04-01", "2026-06-30"), "quarter")
        self.assertEqual(kp.period_type_of("2026-01-01", "2026-12-31"), "year")
        self.assertEqual(kp.period_type_of("2026-02-01", "2026-02-27"), "custom")

    def test_previous_period(self):
        self.assertEqual(
            kp.previous_period("2026-03-01", "2026-03-31"), (date(2026, 2, 1), date(2026, 2, 28))
        )
        self.assertEqual(
            kp.previous_period("2026-01-01", "2026-03-31"),
            (date(2025, 10, 1), date(2025, 12, 31)),
        )
        self.assertEqual(
            kp.previous_period("2026-01-05", "2026-01-11"),
            (date(2025, 12, 29), date(2026, 1, 4)),
        )
        self.assertEqual(
            kp.previous_period("2026-01-01", "2026-12-31"), (date(2025, 1, 1), date(2025, 12, 31))
        )
        # a custom period: the same number of days just before
        self.assertEqual(
            kp.previous_period("2026-02-10", "2026-02-19"), (date(2026, 1, 31), date(2026, 2, 9))
        )

    def test_overlap_days(self):
        self.assertEqual(kp.overlap_days("2026-02-01", "2026-02-28", "2026-02-09", "2026-02-15"), 7)
        self.assertEqual(kp.overlap_days("2026-02-01", "2026-02-28", "2026-01-25", "2026-02-03"), 3)
        self.assertEqual(kp.overlap_days("2026-02-01", "2026-02-28", "2026-03-01", "2026-03-31"), 0)

    def test_to_date(self):
        self.assertEqual(kp.to_date("2026-02-11 23:59:59"), date(2026, 2, 11))
        self.assertEqual(kp.to_date(date(2026, 2, 11)), date(2026, 2, 11))

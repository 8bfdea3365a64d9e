# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buffer rule of the customer-facing plan, without a database."""
import unittest
from datetime import date

from ..utils import plan_dates

START = date(2026, 1, 5)  # a Monday
LATE = date(2026, 6, 1)  # 147 days later: 20 % is 29.4, so 30 days


class TestPlanDates(unittest.TestCase):
    def test_days_only(self):
        self.assertEqual(
            plan_dates.customer_date(LATE, START, "days", 14, 20.0), date(2026, 6, 15)
        )

    def test_percent_only_rounds_up(self):
        self.assertEqual(plan_dates.percent_buffer_days(LATE, START, 20.0), 30)
        self.assertEqual(
            plan_dates.customer_date(LATE, START, "percent", 14, 20.0),
            date(2026, 7, 1),
        )

    def test_percent_exact_is_not_rounded(self):
        # 30 days at 20 % is exactly 6 days, 31 days is 6.2 -> 7.
        self.assertEqual(
            plan_dates.percent_buffer_days(date(2026, 3, 31), date(2026, 3, 1), 20.0),
            6,
        )
        self.assertEqual(
            plan_dates.percent_buffer_days(date(2026, 4, 1), date(2026, 3, 1), 20.0),
            7,
        )
        self.assertEqual(
            plan_dates.percent_buffer_days(date(2026, 3, 9), date(2026, 3, 1), 12.5),
            1,
        )

    def test_max_takes_the_larger(self):
        # Long project: the percent wins.
        self.assertEqual(
            plan_dates.customer_date(LATE, START, "max", 14, 20.0), date(2026, 7, 1)
        )
        # Short project (11 days: 20 % is 3 days): the 14 days win.
        self.assertEqual(
            plan_dates.customer_date(
                date(2026, 3, 13), date(2026, 3, 2), "max", 14, 20.0
            ),
            date(2026, 3, 27),
        )
        self.assertEqual(
            plan_dates.customer_date(
                date(2026, 3, 13), date(2026, 3, 2), "percent", 14, 20.0
            ),
            date(2026, 3, 16),
        )

    def test_weekend_moves_to_monday(self):
        # Saturday 4 April + 14 days = Saturday 18 April -> Monday 20 April.
        self.assertEqual(
            plan_dates.customer_date(date(2026, 4, 4), None, "days", 14, 20.0),
            date(2026, 4, 20),
        )
        # Sunday -> Monday.
        self.assertEqual(
            plan_dates.next_working_day(date(2026, 4, 19)), date(2026, 4, 20)
        )

    def test_day_off_and_custom_week(self):
        # Monday 20 April is a holiday: Tuesday.
        checker = plan_dates.weekday_checker(days_off=[date(2026, 4, 20)])
        self.assertEqual(
            plan_dates.customer_date(date(2026, 4, 4), None, "days", 14, 0, checker),
            date(2026, 4, 21),
        )
        # A six-day week keeps the Saturday.
        six_days = plan_dates.weekday_checker(weekdays=range(6))
        self.assertEqual(
            plan_dates.customer_date(date(2026, 4, 4), None, "days", 14, 0, six_days),
            date(2026, 4, 18),
        )

    def test_changed_internal_date_moves_customer_date(self):
        first = plan_dates.customer_date(date(2026, 3, 13), date(2026, 3, 2))
        later = plan_dates.customer_date(date(2026, 3, 20), date(2026, 3, 2))
        self.assertEqual((first, later), (date(2026, 3, 27), date(2026, 4, 3)))

    def test_no_start_no_percent(self):
        self.assertEqual(plan_dates.percent_buffer_days(LATE, None, 20.0), 0)
        self.assertEqual(plan_dates.percent_buffer_days(START, LATE, 20.0), 0)
        self.assertEqual(plan_dates.customer_date(LATE, None, "percent"), LATE)
        self.assertIsNone(plan_dates.customer_date(None, START))

    def test_unknown_mode(self):
        with self.assertRaises(ValueError):
            plan_dates.buffer_days_for(LATE, START, "weeks", 14, 20.0)

    def test_calendar_without_working_day_keeps_date(self):
        never = plan_dates.weekday_checker(weekdays=())
        self.assertEqual(plan_dates.next_working_day(LATE, never), LATE)

    def test_monday_of(self):
        self.assertEqual(plan_dates.monday_of(date(2026, 3, 8)), date(2026, 3, 2))
        self.assertEqual(plan_dates.monday_of(date(2026, 3, 2)), date(2026, 3, 2))

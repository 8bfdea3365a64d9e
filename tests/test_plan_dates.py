# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buffer rule of the customer-facing plan, without a database."""
import unittest
from datetime import date, timedelta

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


class TestInternalDate(unittest.TestCase):
    """The inverse rule: from the date the customer agreed to the internal
    date, earlier by the buffer."""

    def test_days_buffer_on_a_friday(self):
        # agreed Friday 19 June: 14 days earlier is Friday 5 June
        self.assertEqual(
            plan_dates.internal_date(date(2026, 6, 19), START, "days", 14, 20.0),
            date(2026, 6, 5),
        )

    def test_max_takes_the_larger_buffer(self):
        # 20 % of the span wins far from the start: Thursday 7 May is 122
        # days from the start, + 25 days (24.4 rounded up) is Monday 1 June;
        # Friday 8 May would be shown 2 June.
        agreed = LATE
        internal = plan_dates.internal_date(agreed, START, "max", 14, 20.0)
        self.assertEqual(internal, date(2026, 5, 7))
        self.assertLessEqual(plan_dates.customer_date(internal, START), agreed)
        self.assertGreater(
            plan_dates.customer_date(internal + timedelta(days=1), START), agreed
        )
        self.assertLess(internal, plan_dates.internal_date(agreed, START, "days"))

    def test_never_contradicts_the_agreed_date(self):
        """Over a year of agreed dates, every mode and a holiday: the customer
        date of the internal date is the agreed date or earlier, and no later
        working day would still fit."""
        holiday = plan_dates.weekday_checker(days_off=[date(2026, 4, 30)])
        for mode in ("days", "percent", "max"):
            for offset in range(0, 365, 3):
                agreed = START + timedelta(days=offset)
                internal = plan_dates.internal_date(
                    agreed, START, mode, 14, 20.0, holiday
                )
                self.assertTrue(holiday(internal), (mode, agreed))
                shown = plan_dates.customer_date(internal, START, mode, 14, 20.0, holiday)
                self.assertLessEqual(shown, agreed, (mode, agreed))
                later = internal + timedelta(days=1)
                while not holiday(later):
                    later += timedelta(days=1)
                self.assertGreater(
                    plan_dates.customer_date(later, START, mode, 14, 20.0, holiday),
                    agreed, (mode, agreed),
                )

    def test_agreed_working_day_reached_exactly_by_days(self):
        # Monday 15 June agreed, 14 days: internal Monday 1 June, shown 15 June
        internal = plan_dates.internal_date(date(2026, 6, 15), None, "days", 14, 0)
        self.assertEqual(internal, date(2026, 6, 1))
        self.assertEqual(
            plan_dates.customer_date(internal, None, "days", 14, 0), date(2026, 6, 15)
        )

    def test_empty_and_wrong_types(self):
        self.assertIsNone(plan_dates.internal_date(None, START))
        with self.assertRaises(TypeError):
            plan_dates.internal_date("2026-06-01", START)

    def test_calendar_without_working_day_falls_back(self):
        never = plan_dates.weekday_checker(weekdays=())
        self.assertEqual(
            plan_dates.internal_date(LATE, START, "days", 14, 0, never),
            LATE - timedelta(days=14),
        )

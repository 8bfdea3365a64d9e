# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer-facing plan: the customer dates of tasks and phases from
their internal deadlines, the project's buffer and its company's working
calendar."""

from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common_delivery import DeliveryCase


class TestDeliveryPlan(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm(cls.order)
        cls.project = cls.env["project.project"].browse(cls.order.action_create_project())

    def _task(self, deadline):
        """A task due at ``deadline`` (a UTC datetime), by a project user."""
        return (
            self.env["project.task"]
            .with_user(self.project_manager)
            .create({"name": "Việc", "project_id": self.project.id, "date_deadline": deadline})
        )

    def test_max_buffer(self):
        # 11 days from the start: 20 % is 3 days, 14 days win: Friday 27 March.
        task = self._task(datetime(2026, 3, 13, 3, 0))
        self.assertEqual(task.date_deadline_customer, date(2026, 3, 27))
        self.assertEqual(self.phase_script.date_deadline_customer, date(2026, 3, 27))
        # 91 days: 20 % is 18.2 -> 19 days; Monday 1 June -> Saturday 20 June
        # -> Monday 22 June.
        self.assertEqual(self.phase_shooting.date_deadline_customer, date(2026, 6, 22))

    def test_days_and_percent_modes(self):
        task = self._task(datetime(2026, 3, 13, 3, 0))
        self.project.with_user(self.project_manager).buffer_mode = "percent"
        self.assertEqual(task.date_deadline_customer, date(2026, 3, 16))
        self.project.with_user(self.project_manager).write(
            {"buffer_mode": "days", "buffer_days": 10}
        )
        self.assertEqual(task.date_deadline_customer, date(2026, 3, 23))
        self.assertEqual(self.phase_script.date_deadline_customer, date(2026, 3, 23))

    def test_plan_start_moves_percent(self):
        self.project.write({"buffer_mode": "percent", "plan_date_start": date(2026, 1, 5)})
        # 147 days: 29.4 -> 30 days after Monday 1 June: Wednesday 1 July.
        self.assertEqual(self.phase_shooting.date_deadline_customer, date(2026, 7, 1))

    def test_weekend_landing(self):
        self.project.buffer_mode = "days"
        task = self._task(datetime(2026, 4, 4, 3, 0))  # Saturday + 14 = Saturday
        self.assertEqual(task.date_deadline_customer, date(2026, 4, 20))

    def test_deadline_read_in_the_calendar_time_zone(self):
        self.project.buffer_mode = "days"
        # Friday 13 March 20:00 UTC is Saturday 14 March 03:00 in Hanoi:
        # + 14 days is Saturday 28 March -> Monday 30 March.
        task = self._task(datetime(2026, 3, 13, 20, 0))
        self.assertEqual(task.date_deadline_customer, date(2026, 3, 30))

    def test_changed_internal_date_moves_customer_date(self):
        task = self._task(datetime(2026, 3, 13, 3, 0))
        task.date_deadline = datetime(2026, 3, 20, 3, 0)
        self.assertEqual(task.date_deadline_customer, date(2026, 4, 3))
        task.date_deadline = False
        self.assertFalse(task.date_deadline_customer)
        self.phase_script.date_deadline = date(2026, 3, 20)
        self.assertEqual(self.phase_script.date_deadline_customer, date(2026, 4, 3))

    def test_public_holiday_of_the_calendar(self):
        # Friday 27 March is a day off in Hanoi (stored in UTC).
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Nghỉ lễ",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 26, 17, 0),
                "date_to": datetime(2026, 3, 27, 16, 59, 59),
            }
        )
        self.phase_script.date_deadline = date(2026, 3, 12)
        self.phase_script.date_deadline = date(2026, 3, 13)
        self.assertEqual(self.phase_script.date_deadline_customer, date(2026, 3, 30))

    def test_six_day_calendar_keeps_saturday(self):
        six_days = self.env["resource.calendar"].create(
            {
                "name": "Sáu ngày",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Day %s" % day,
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 17.0,
                        },
                    )
                    for day in range(6)
                ],
            }
        )
        self.project.buffer_mode = "days"
        self.env.company.resource_calendar_id = six_days
        task = self._task(datetime(2026, 4, 4, 3, 0))
        self.assertEqual(task.date_deadline_customer, date(2026, 4, 18))

    def test_no_project_no_customer_date(self):
        order = self.create_order(self.service)
        phase, _other = self.create_phases(order)
        self.assertFalse(phase.date_deadline_customer)
        task = self.env["project.task"].create(
            {
                "name": "Lẻ",
                "user_ids": [(6, 0, self.project_user.ids)],
                "date_deadline": datetime(2026, 3, 13, 3, 0),
            }
        )
        self.assertFalse(task.date_deadline_customer)

    def test_negative_buffer_refused(self):
        for values in ({"buffer_days": -1}, {"buffer_percent": 120}):
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.cr.savepoint(),
            ):
                self.project.write(values)
                self.project.flush_recordset()

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The buffered plan through the ORM: customer dates follow the rule."""
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common_delivery import DeliveryCase


class TestDeliveryPlan(DeliveryCase):
    def _task(self, deadline, **values):
        vals = {"name": "Task", "project_id": self.project.id,
                "date_deadline": deadline}
        vals.update(values)
        return self.env["project.task"].sudo(self.project_user).create(vals)

    def test_max_rule_on_task_and_phase(self):
        # 11 days from the start: 20 % is 3 days, 14 days win; Friday 27 March.
        task = self._task("2026-03-13")
        self.assertEqual(task.date_deadline_customer, "2026-03-27")
        self.assertEqual(self.phase.date_deadline_customer, "2026-03-27")
        # 91 days: 20 % is 18.2 -> 19 days; Monday 1 June -> Saturday 20 June
        # -> Monday 22 June.
        late = self._task("2026-06-01")
        self.assertEqual(late.date_deadline_customer, "2026-06-22")

    def test_days_and_percent_modes(self):
        task = self._task("2026-03-13")
        self.project.buffer_mode = "percent"
        # 3 days: Monday 16 March.
        self.assertEqual(task.date_deadline_customer, "2026-03-16")
        self.project.write({"buffer_mode": "days", "buffer_days": 10})
        # Monday 23 March.
        self.assertEqual(task.date_deadline_customer, "2026-03-23")

    def test_weekend_landing(self):
        self.project.write({"buffer_mode": "days"})
        task = self._task("2026-04-04")  # Saturday + 14 = Saturday
        self.assertEqual(task.date_deadline_customer, "2026-04-20")

    def test_changed_internal_date_moves_customer_date(self):
        task = self._task("2026-03-13")
        task.date_deadline = "2026-03-20"
        self.assertEqual(task.date_deadline_customer, "2026-04-03")
        task.date_deadline = False
        self.assertFalse(task.date_deadline_customer)

    def test_extend_plan_moves_customer_dates(self):
        task = self._task("2026-03-13")
        self.project.sudo(self.project_manager).extend_plan(7)
        self.assertEqual(task.date_deadline, "2026-03-20")
        self.assertEqual(task.date_deadline_customer, "2026-04-03")
        self.assertEqual(self.phase.date_deadline_customer, "2026-04-03")

    def test_public_holiday_of_the_calendar(self):
        # Friday 27 March is a day off in Vietnam time (stored in UTC).
        self.env["resource.calendar.leaves"].create({
            "name": "Nghỉ lễ", "calendar_id": self.calendar.id,
            "date_from": "2026-03-26 17:00:00", "date_to": "2026-03-27 16:59:59",
            "tz": "Asia/Ho_Chi_Minh",
        })
        self.project.resource_calendar_id = self.calendar  # recompute
        self.phase.date_deadline = "2026-03-12"
        self.phase.date_deadline = "2026-03-13"
        self.assertEqual(self.phase.date_deadline_customer, "2026-03-30")

    def test_six_day_calendar_keeps_saturday(self):
        six_days = self.env["resource.calendar"].create({
            "name": "Sáu ngày",
            "attendance_ids": [
                (0, 0, {"name": "Day %s" % day, "dayofweek": str(day),
                        "hour_from": 8.0, "hour_to": 17.0})
                for day in range(6)
            ],
        })
        self.project.write({"buffer_mode": "days", "resource_calendar_id": six_days.id})
        task = self._task("2026-04-04")
        self.assertEqual(task.date_deadline_customer, "2026-04-18")

    def test_task_without_project_has_no_customer_date(self):
        task = self.env["project.task"].create(
            {"name": "Loose", "date_deadline": "2026-03-13"}
        )
        self.assertFalse(task.date_deadline_customer)

    def test_negative_buffer_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.project.write({"buffer_days": -1})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.project.write({"buffer_percent": 120})

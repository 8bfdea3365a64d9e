# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Weekly goals: a week starts on a Monday, the state changes only through
the goal's steps on every road, the cron marks past weeks' open goals
missed."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common_delivery import DeliveryCase
from .test_delivery_resources import create_delivery_project

MONDAY = date(2026, 3, 9)


class TestDeliveryGoals(DeliveryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = create_delivery_project(cls)
        cls.Goal = cls.env["b2b.weekly.goal"].with_user(cls.project_user)

    def _goal(self, week=MONDAY, **values):
        return self.Goal.create(
            dict(
                {"project_id": self.project.id, "week_start": week, "name": "Duyệt kịch bản"},
                **values,
            )
        )

    def test_default_week_is_this_monday(self):
        with freeze_time("2026-03-12 04:00:00"):  # a Thursday
            with Form(self.Goal) as form:
                form.project_id = self.project
                form.name = "Chốt địa điểm quay"
            goal = form.save()
        self.assertEqual(goal.week_start, MONDAY)
        self.assertEqual(goal.state, "todo")
        self.assertEqual(goal.user_id, self.project_user)

    def test_week_starts_on_monday_every_road(self):
        with self.assertRaises(ValidationError):
            self._goal(week=date(2026, 3, 11))
        goal = self._goal()
        with self.assertRaises(ValidationError):
            goal.write({"week_start": date(2026, 3, 10)})
        with self.assertRaises(ValidationError):
            goal.copy({"week_start": date(2026, 3, 15)})
        result = self.Goal.load(
            ["project_id/.id", "week_start", "name"],
            [[str(self.project.id), "2026-03-12", "Nhập từ tệp"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])

    def test_state_only_through_steps(self):
        with self.assertRaises(UserError):
            self._goal(state="done")
        goal = self._goal()
        for env_goal in (goal, goal.sudo(), goal.with_context(b2b_weekly_goal_step=True)):
            with self.assertRaises(UserError):
                env_goal.write({"state": "done"})
        with self.assertRaises(UserError):
            self.Goal.with_context(b2b_weekly_goal_step="1").create(
                {
                    "project_id": self.project.id,
                    "week_start": MONDAY,
                    "name": "Giả mạo",
                    "state": "missed",
                }
            )
        self.assertEqual(goal.state, "todo")
        result = self.Goal.load(
            ["project_id/.id", "week_start", "name", "state"],
            [[str(self.project.id), "2026-03-09", "Nhập", "done"]],
        )
        self.assertFalse(result["ids"])

    def test_steps(self):
        goal = self._goal(result="Khách đã duyệt")
        goal.action_done()
        self.assertEqual(goal.state, "done")
        with self.assertRaises(UserError):
            goal.action_missed()
        goal.action_reopen()
        self.assertEqual(goal.state, "todo")
        goal.action_missed()
        self.assertEqual(goal.state, "missed")
        copy = goal.copy()
        self.assertEqual(copy.state, "todo")
        # Writing the same state (a form saved as is) is no change.
        goal.write({"state": "missed", "result": "Chậm một tuần"})
        self.assertEqual(goal.result, "Chậm một tuần")

    def test_cron_marks_past_weeks_missed(self):
        past = self._goal(week=date(2026, 3, 2))
        past_done = self._goal(week=date(2026, 3, 2), name="Xong")
        past_done.action_done()
        current = self._goal(week=MONDAY)
        self.env["b2b.weekly.goal"]._cron_mark_missed(today=date(2026, 3, 13))
        self.assertEqual(past.state, "missed")
        self.assertEqual(past_done.state, "done")
        self.assertEqual(current.state, "todo")
        # Run again: nothing changes twice.
        self.env["b2b.weekly.goal"]._cron_mark_missed(today=date(2026, 3, 13))
        self.assertEqual(current.state, "todo")

    def test_project_smart_button(self):
        self._goal()
        self._goal(week=date(2026, 3, 16), name="Quay xong")
        self.assertEqual(self.project.weekly_goal_count, 2)
        action = self.project.with_user(self.project_user).action_view_weekly_goals()
        self.assertEqual(action["domain"], [("project_id", "=", self.project.id)])
        self.assertEqual(action["context"]["default_project_id"], self.project.id)

    def test_project_user_only_on_projects_they_read(self):
        stranger = new_test_user(
            self.env, login="b2b_goal_stranger", groups="project.group_project_user"
        )
        with self.assertRaises(AccessError):
            self.env["b2b.weekly.goal"].with_user(stranger).create(
                {"project_id": self.project.id, "week_start": MONDAY, "name": "Lạ"}
            )
        goal = self._goal()
        with self.assertRaises(AccessError):
            goal.with_user(stranger).write({"result": "Không"})
        with self.assertRaises(AccessError):
            goal.with_user(stranger).unlink()

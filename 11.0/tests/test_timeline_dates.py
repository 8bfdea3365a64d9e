# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The dates the customer confirmed are the customer's dates: a dated scope
item (a milestone of the timeline) is the customer date of its task and of
the phases delivering it; the internal deadlines are earlier by the buffer.
"""
from odoo.exceptions import UserError, ValidationError

from .common import B2BCase
from .common_scope import SCAN, create_scope_order

PLAN_START = "2026-03-02"  # a Monday
AGREED = "2026-04-10"  # a Friday, agreed in the customer's timeline
# 14 days win over 20 % of 25 days: Friday 27 March is shown 10 April;
# Monday 30 March would be shown 13 April.
INTERNAL = "2026-03-27"


class TestTimelineDates(B2BCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.order = create_scope_order(
            env, cls.customer, cls.salesman,
            items=[("brief", "Mục tiêu dự án"),
                   ("timeline", "Bàn giao giai đoạn 1"),
                   ("timeline", "Bàn giao giai đoạn 2")],
        )
        cls.brief, cls.milestone, cls.milestone_2 = cls.order.scope_item_ids
        cls.milestone.date_deadline = AGREED
        cls.milestone_2.date_deadline = "2026-05-29"
        cls.order.action_confirm_scope(confirmed_by="Lê Văn Hùng", via="email",
                                       signed_copy=SCAN)
        cls.order.sudo().action_confirm()
        cls.project = env["project.project"].browse(
            cls.order.sudo().action_create_project()
        )
        cls.project.write({
            "plan_date_start": PLAN_START, "user_id": cls.project_manager.id,
        })
        cls.task = cls.project.task_ids.filtered(
            lambda t: "Bàn giao giai đoạn 1" in t.name
        )
        cls.Phase = env["b2b.phase"].sudo(cls.project_manager)

    def test_task_of_a_dated_item_shows_the_agreed_date(self):
        self.assertEqual(self.task.date_deadline_agreed, AGREED)
        self.assertEqual(self.task.date_deadline_customer, AGREED)
        self.assertEqual(self.task.date_deadline, INTERNAL)
        # the former way round would have shown the customer 24 April
        untouched = self.project.task_ids.filtered(lambda t: "Mục tiêu" in t.name)
        self.assertFalse(untouched.date_deadline_agreed)
        self.assertFalse(untouched.date_deadline)

    def test_phase_of_a_milestone_shows_the_agreed_date(self):
        phase = self.Phase.create({
            "project_id": self.project.id, "name": "Giai đoạn 1",
            "timeline_item_id": self.milestone.id,
        })
        self.assertEqual(phase.date_deadline_agreed, AGREED)
        self.assertEqual(phase.date_deadline_customer, AGREED)
        self.assertEqual(phase.date_deadline, INTERNAL)
        # the installment of the phase falls due from the agreed date
        # (customer plan), whatever the internal date
        phase.write({"date_deadline": "2026-03-20"})
        self.assertEqual(phase.date_deadline_customer, AGREED)
        # another milestone: the dates follow it
        phase.write({"timeline_item_id": self.milestone_2.id})
        self.assertEqual(phase.date_deadline_customer, "2026-05-29")
        self.assertLessEqual(phase.date_deadline, "2026-05-15")
        # unlinked: the buffered internal date (Thursday 14 May) gives the
        # same customer date by the forward rule
        phase.write({"timeline_item_id": False})
        self.assertFalse(phase.date_deadline_agreed)
        self.assertEqual(phase.date_deadline, "2026-05-14")
        self.assertEqual(phase.date_deadline_customer, "2026-05-29")

    def test_buffer_settings_derive_the_internal_dates_again(self):
        phase = self.Phase.create({
            "project_id": self.project.id, "name": "Giai đoạn 1",
            "timeline_item_id": self.milestone.id,
        })
        self.project.sudo(self.project_manager).write(
            {"buffer_mode": "days", "buffer_days": 7}
        )
        self.assertEqual(phase.date_deadline, "2026-04-03")
        self.assertEqual(self.task.date_deadline, "2026-04-03")
        self.assertEqual(phase.date_deadline_customer, AGREED)
        self.assertEqual(self.task.date_deadline_customer, AGREED)
        # percent: 20 % of the span; Friday 3 April is 32 days from the
        # start, + 7 days (6.4 rounded up) is Friday 10 April
        self.project.sudo(self.project_manager).write({"buffer_mode": "percent"})
        self.assertEqual(phase.date_deadline, "2026-04-03")
        self.project.sudo(self.project_manager).write({"buffer_percent": 50.0})
        # Friday 27 March (25 days) + 13 is Thursday 9 April; Monday 30 March
        # (28 days) + 14 would be 13 April: too late
        self.assertEqual(phase.date_deadline, "2026-03-27")

    def test_approved_change_moves_the_agreed_dates(self):
        phase = self.Phase.create({
            "project_id": self.project.id, "name": "Giai đoạn 1",
            "timeline_item_id": self.milestone.id,
        })
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": self.order.id, "name": "Thêm báo cáo",
            "extra_amount": 0.0, "extra_days": 7,
        })
        change.action_send()
        change.action_approve(approved_by="Lê Văn Hùng", via="email")
        self.assertEqual(phase.date_deadline_customer, "2026-04-17")
        self.assertEqual(self.task.date_deadline_customer, "2026-04-17")
        self.assertEqual(phase.date_deadline, "2026-04-03")

    def test_agreed_dates_are_not_written_by_hand(self):
        phase = self.Phase.create({
            "project_id": self.project.id, "name": "Giai đoạn 1",
            "timeline_item_id": self.milestone.id,
        })
        for record in (phase, self.task.sudo(self.project_manager)):
            for variant in (record, record.sudo(),
                            record.with_context(b2b_agreed_dates=True)):
                with self.assertRaisesRegex(UserError, "agreed with the customer"):
                    variant.write({"date_deadline_agreed": "2026-06-30"})
        with self.assertRaisesRegex(UserError, "agreed with the customer"):
            self.Phase.create({
                "project_id": self.project.id, "name": "Giai đoạn 3",
                "date_deadline_agreed": "2026-06-30",
            })
        with self.assertRaisesRegex(UserError, "agreed with the customer"):
            self.env["project.task"].sudo(self.project_manager).create({
                "project_id": self.project.id, "name": "Việc",
                "date_deadline_agreed": "2026-06-30",
            })
        self.assertEqual(phase.date_deadline_agreed, AGREED)

    def test_milestone_of_the_order_only(self):
        other = create_scope_order(
            self.env, self.customer, self.salesman,
            items=[("timeline", "Mốc khác")],
        )
        with self.assertRaisesRegex(ValidationError, "another order"):
            self.Phase.create({
                "project_id": self.project.id, "name": "Giai đoạn 1",
                "timeline_item_id": other.scope_item_ids.id,
            })
        with self.assertRaisesRegex(ValidationError, "not a milestone"):
            self.Phase.create({
                "project_id": self.project.id, "name": "Giai đoạn 1",
                "timeline_item_id": self.brief.id,
            })

    def test_unconfirmed_milestone_date_followed_until_confirmed(self):
        order = create_scope_order(
            self.env, self.customer, self.salesman,
            items=[("timeline", "Bàn giao")],
        )
        # The delivery starts before the customer confirms: a waiver.
        order.sudo(self.sales_manager).action_waive_scope("Khách hàng xác nhận sau")
        project = self.env["project.project"].browse(
            order.sudo().action_create_project()
        )
        project.write({"plan_date_start": PLAN_START})
        item = order.scope_item_ids
        phase = self.env["b2b.phase"].create({
            "project_id": project.id, "name": "Bàn giao",
            "timeline_item_id": item.id,
        })
        self.assertFalse(phase.date_deadline_agreed)
        item.sudo(self.salesman).write({"date_deadline": AGREED})
        self.assertEqual(phase.date_deadline_customer, AGREED)
        self.assertEqual(phase.date_deadline, INTERNAL)
        order.sudo(self.salesman).action_confirm_scope(via="email", signed_copy=SCAN)
        with self.assertRaises(UserError):
            item.sudo(self.salesman).write({"date_deadline": "2026-04-30"})
        self.assertEqual(phase.date_deadline_customer, AGREED)

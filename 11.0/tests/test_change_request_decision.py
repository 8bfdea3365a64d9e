# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A change request is decided by the customer (its link) or recorded by a
salesperson who may change it, once it was sent: never by an accountant, a
project user or a project manager, never before it was sent."""
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common_scope import ScopeCase


class TestChangeRequestDecision(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls)
        cls.order.sudo().action_confirm()

    def change(self, send=True):
        change = self.env["b2b.change.request"].sudo(self.salesman).create({
            "order_id": self.order.id, "name": "Thêm báo cáo tồn kho",
            "extra_amount": 250000.0, "extra_days": 5,
        })
        if send:
            change.action_send()
        return change

    def test_wrong_people_decide_nothing(self):
        change = self.change()
        for user in (self.accountant, self.project_user, self.project_manager):
            for step in ("action_approve", "action_reject"):
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    getattr(change.sudo(user), step)(via="email")
        self.assertEqual(change.state, "sent")
        self.assertEqual(self.order.amount_untaxed, 1000000.0)
        change.sudo(self.salesman).action_approve(
            approved_by="Lê Văn Hùng", via="email")
        self.assertEqual(change.state, "approved")
        self.assertEqual(self.order.amount_untaxed, 1250000.0)

    def test_never_sent_is_never_decided(self):
        change = self.change(send=False)
        for user in (self.salesman, self.sales_manager, self.env.user):  # sudo too
            for step in ("action_approve", "action_reject"):
                with self.assertRaises(UserError) as error:
                    getattr(change.sudo(user), step)(via="email")
                self.assertIn("never sent to the customer", error.exception.name)
        self.assertEqual(change.state, "draft")
        self.assertEqual(self.order.amount_untaxed, 1000000.0)

    def test_link_is_the_customers_only(self):
        change = self.change()
        for user in (self.salesman, self.env.user):
            with self.assertRaises(UserError) as error:
                change.sudo(user).action_approve(approved_by="Khách", via="link")
            self.assertIn("Only the customer answers through the link",
                          error.exception.name)
        self.assertEqual(change.state, "sent")
        # The link's route: the customer's answer.
        change.sudo()._b2b_decide_by_customer("approve", "Lê Văn Hùng")
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.decided_via, "link")

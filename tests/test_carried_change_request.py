# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_scope_change): another salesperson neither sees
nor decides a change request of an order that is not theirs."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common_scope import ScopeCase


class TestCarriedChangeRequest(ScopeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_scope(cls.order)
        cls.confirm(cls.order)
        cls.change = (
            cls.env["b2b.change.request"]
            .with_user(cls.salesman)
            .create({"order_id": cls.order.id, "name": "Thêm một video 30 giây", "extra_amount": 20000000})
            .with_env(cls.env)
        )

    def test_other_salesperson_sees_no_change(self):
        amount = self.order.amount_untaxed
        Change = self.env["b2b.change.request"].with_user(self.salesman_other)
        self.assertFalse(Change.search([("id", "=", self.change.id)]))
        self.assertTrue(
            self.env["b2b.change.request"].with_user(self.salesman).search([("id", "=", self.change.id)])
        )
        for step in ("action_send", "action_approve", "action_reject"):
            with self.subTest(step=step), self.assertRaises(AccessError), mute_logger("odoo.models"):
                getattr(self.change.with_user(self.salesman_other), step)()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.change.with_user(self.salesman_other).write({"extra_amount": 1})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.change.with_user(self.salesman_other).unlink()
        self.env.invalidate_all()
        self.assertEqual(self.change.state, "draft")
        self.assertEqual(self.change.extra_amount, 20000000)
        self.assertEqual(self.order.amount_untaxed, amount)

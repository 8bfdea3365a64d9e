# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A button shows only in the states where its step is allowed: a button
that always ends in a refusal is not offered (found by the browser test
clicking every button, tests_browser/test_every_button.py)."""
from lxml import etree

from odoo.exceptions import UserError

from .common_payment import THIRDS, B2BPaymentCase


class TestButtonStates(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, cls.project, cls.phases = cls.create_order(1000.0, THIRDS)
        cls.order.action_confirm()
        cls.change = cls.env["b2b.change.request"].sudo(cls.salesman).create({
            "order_id": cls.order.id, "name": "Thêm báo cáo", "extra_amount": 100.0,
        })

    def test_decision_buttons_show_once_the_change_is_sent(self):
        """A draft change request is never decided (the customer has not
        seen it): its form offers Approved, Rejected and Approved by Email
        only once it is sent."""
        view = self.env["b2b.change.request"].sudo(self.salesman).fields_view_get(
            view_type="form")
        arch = etree.fromstring(view["arch"])
        action = self.env.ref(
            "b2b_sales_delivery.b2b_confirmation_email_wizard_action_change")
        for name in ("button_approve", "button_reject", str(action.id)):
            button = arch.xpath("//header/button[@name=%r]" % name)[0]
            self.assertEqual(button.get("states"), "sent", name)
        # what the buttons would meet on a draft
        for method in ("button_approve", "button_reject"):
            with self.assertRaises(UserError):
                getattr(self.change.sudo(self.salesman), method)()

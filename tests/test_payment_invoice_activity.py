# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An installment invoice a trigger drafts (here: its phase accepted) is a
to-do of the accountant (the activity type's default user, else the
salesperson), done when the invoice is posted, before it takes its number;
the accountant's own invoicing gives no to-do."""

from odoo import Command

from .common_payment import PaymentCase


class TestPaymentInvoiceActivity(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "b2b_sales_delivery.mail_activity_type_installment_invoice"
        )

    def order_with_phase(self):
        order = self.create_order()
        phase = self.env["b2b.phase"].create({"order_id": order.id, "name": "Kịch bản"})
        order.with_user(self.salesman).payment_plan_line_ids = [
            Command.create({"name": "Tạm ứng", "percent": 40, "trigger": "order_confirmed"}),
            Command.create(
                {"name": "Nghiệm thu", "percent": 60, "trigger": "phase_accepted",
                 "phase_id": phase.id}
            ),
        ]
        self.confirm(order)
        advance, on_phase = order.payment_plan_line_ids
        self.post(self.invoice(advance))
        return phase, advance, on_phase

    def test_validation_activity_done_before_the_invoice_number(self):
        self.activity_type.default_user_id = self.accountant
        phase, advance, on_phase = self.order_with_phase()
        self.assertFalse(advance.invoice_id.activity_ids)
        phase._write_step("accepted")
        invoice = on_phase.invoice_id
        self.assertEqual(invoice.state, "draft")
        activity = invoice.activity_ids
        self.assertEqual(activity.activity_type_id, self.activity_type)
        self.assertEqual(activity.user_id, self.accountant)
        self.post(invoice)
        self.assertFalse(invoice.activity_ids)
        done = invoice.message_ids.filtered(
            lambda message: message.mail_activity_type_id == self.activity_type
        )
        self.assertEqual(len(done), 1)
        self.assertEqual(done.author_id, self.accountant.partner_id)

    def test_draft_installment_invoice_is_an_accountant_activity(self):
        """Without a default user on the activity type: the salesperson."""
        self.activity_type.default_user_id = False
        phase, _advance, on_phase = self.order_with_phase()
        phase._write_step("accepted")
        self.assertEqual(on_phase.invoice_id.activity_ids.user_id, self.salesman)
        # Accepted again (a retry): still one to-do.
        on_phase._invoice_released()
        self.assertEqual(len(on_phase.invoice_id.activity_ids), 1)

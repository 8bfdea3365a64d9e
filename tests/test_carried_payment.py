# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Carried from 11.0 (test_payment_quotation, test_payment_order_total,
test_payment_reminder): an installment due on a phase is due on a phase of
its own order, whichever road links them (the installment's phase or order
written, or the phase moved to another order); a draft invoice made by
hand reserves its amount; an installment's invoice raised by hand is refused
at posting; an invoice still in draft is no debt: no reminder."""

from datetime import date

from odoo.exceptions import UserError

from .common_payment import PaymentCase


class TestCarriedPayment(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.create_order()
        cls.other = cls.create_order()
        Phase = cls.env["b2b.phase"].with_user(cls.salesman)
        cls.phase = Phase.create({"order_id": cls.order.id, "name": "Kịch bản"}).with_env(cls.env)
        cls.other_phase = Phase.create({"order_id": cls.other.id, "name": "Quay phim"}).with_env(cls.env)
        cls.line = (
            cls.env["b2b.payment.plan.line"]
            .with_user(cls.salesman)
            .create(
                {
                    "order_id": cls.order.id,
                    "name": "Nghiệm thu kịch bản",
                    "percent": 30,
                    "trigger": "phase_accepted",
                    "phase_id": cls.phase.id,
                }
            )
            .with_env(cls.env)
        )

    def assertRefused(self, step, message=None):
        """``step`` refused (``UserError`` or its ``ValidationError``) and
        rolled back, as the caller's transaction would be."""
        with self.assertRaises(UserError) as caught:
            step()
        if message:
            self.assertIn(message, str(caught.exception))

    def assertStillLinked(self):
        self.env.invalidate_all()
        self.assertEqual(self.line.order_id, self.order)
        self.assertEqual(self.line.phase_id, self.phase)
        self.assertEqual(self.phase.order_id, self.order)

    def test_a_phase_of_another_order_is_refused(self):
        line = self.line.with_user(self.salesman)
        self.assertRefused(lambda: line.write({"phase_id": self.other_phase.id}), "not a phase of order")
        self.assertStillLinked()
        self.assertRefused(lambda: line.write({"order_id": self.other.id}))
        self.assertStillLinked()
        self.assertRefused(
            lambda: self.order.with_user(self.salesman).write(
                {"payment_plan_line_ids": [(1, self.line.id, {"phase_id": self.other_phase.id})]}
            ),
            "not a phase of order",
        )
        self.assertStillLinked()

    def test_moving_the_phase_to_another_order_is_refused(self):
        self.assertRefused(lambda: self.phase.with_user(self.salesman).write({"order_id": self.other.id}))
        self.assertStillLinked()
        self.assertRefused(lambda: self.phase.sudo().write({"order_id": self.other.id}))
        self.assertStillLinked()


class TestCarriedPaymentInvoices(PaymentCase):
    def test_draft_invoices_reserve_their_amount(self):
        """A draft invoice made by hand (Odoo's own invoicing of the order)
        reserves its amount: the next installment is refused. The order's
        lines belong to the last installment: an invoice of them beyond its
        amount is never posted; deleted, it frees the plan."""
        order = self.confirm(self.create_order(self.three_thirds()))
        first, second, _last = order.payment_plan_line_ids
        first_invoice = self.invoice(first)
        by_hand = order._create_invoices(final=True)
        self.assertEqual(by_hand.state, "draft")
        tolerance = order._invoicing_tolerance()
        self.assertLessEqual(abs(by_hand.amount_total - (order.amount_total - first.amount)), tolerance)
        with self.assertRaises(UserError) as caught:
            self.invoice(second)
        self.assertIn("an order is never invoiced for more than its total", str(caught.exception))
        self.assertFalse(second.invoice_id)
        with self.assertRaises(UserError) as caught:
            self.post(by_hand)
        self.assertIn("an installment is invoiced once", str(caught.exception))
        self.assertEqual(by_hand.state, "draft")
        by_hand.unlink()
        self.post(first_invoice)
        self.assertEqual(self.invoice(second).state, "draft")
        self.assertEqual(second.state, "invoiced")

    def test_installment_invoice_raised_by_hand_refused(self):
        order = self.confirm(self.create_order(self.three_thirds()))
        first = order.payment_plan_line_ids[0]
        invoice = self.invoice(first).with_user(self.accountant)
        self.assertEqual(invoice.state, "draft")
        line = invoice.invoice_line_ids.filtered(lambda aml: aml.display_type == "product")[0]
        price = line.price_unit
        line.price_unit = price + 100000
        with self.assertRaises(UserError) as caught:
            invoice.action_post()
        self.assertIn("an installment is invoiced once", str(caught.exception))
        self.assertEqual(invoice.state, "draft")
        line.price_unit = price
        self.post(invoice)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(first.invoice_id, invoice)

    def test_draft_invoice_is_not_reminded(self):
        template = self.env.ref("b2b_sales_delivery.mail_template_payment_reminder")
        self.env["b2b.payment.reminder.level"].search([]).active = False
        self.env["b2b.payment.reminder.level"].create(
            [
                {"name": "Trước hạn", "days_offset": -3, "mail_template_id": template.id},
                {"name": "Quá hạn", "days_offset": 7, "mail_template_id": template.id},
            ]
        )
        self.customer.email = "ketoan@minhphat.vn"
        order = self.confirm(self.create_order(self.three_thirds()))
        draft, posted = order.payment_plan_line_ids[:2]
        due = date(2026, 3, 10)
        for line in (draft, posted):
            self.invoice(line).write({"invoice_date": due, "invoice_date_due": due})
        self.post(posted.invoice_id)
        self.assertEqual(draft.invoice_id.state, "draft")
        self.env["b2b.payment.reminder"]._cron_send_reminders(today=date(2026, 4, 1))
        self.assertFalse(draft.reminder_ids)
        # The cron did run: the posted invoice of the same order is reminded.
        self.assertEqual(len(posted.reminder_ids), 2)
        mails = self.env["mail.mail"].search([("model", "=", "b2b.payment.plan.line"), ("res_id", "=", draft.id)])
        self.assertFalse(mails)

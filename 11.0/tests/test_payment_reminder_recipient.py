# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A reminder to a customer without an email address is not recorded as
sent: the salesperson is told why, and the next run sends it."""
from .common_payment import B2BPaymentCase


class TestPaymentReminderRecipient(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, _project, _phases = cls.create_order(1000.0, (40.0, 60.0))
        cls.order.action_confirm()
        cls.line = cls.order.payment_plan_line_ids[0]
        invoice = cls.line.invoice_id
        invoice.write({"date_invoice": "2026-03-01", "date_due": "2026-03-10"})
        invoice.sudo(cls.accountant).action_invoice_open()
        cls.Reminder = cls.env["b2b.payment.reminder"]

    def test_no_email_no_reminder_recorded(self):
        self.customer.email = False
        self.assertEqual(self.Reminder._cron_send_reminders(today="2026-03-11"), 0)
        self.assertFalse(self.line.reminder_ids)
        self.assertFalse(self.env["mail.mail"].search([
            ("model", "=", "b2b.payment.plan.line"), ("res_id", "=", self.line.id)]))
        activity = self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)])
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertIn("has no email address", activity.note)
        # The address set, the next run reminds the installment.
        self.customer.email = "contact@minhphat.example.com"
        self.assertEqual(self.Reminder._cron_send_reminders(today="2026-03-12"), 1)
        self.assertEqual(len(self.line.reminder_ids.filtered(
            lambda r: not r.is_skipped)), 1)

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reminders of the installments' invoices before and after they fall due:
once per installment and level, whatever the cron runs, none once paid."""

from datetime import date

from .common_payment import PaymentCase

DUE = date(2026, 3, 10)


class TestPaymentReminder(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["b2b.payment.reminder.level"].search([]).active = False
        template = cls.env.ref("b2b_sales_delivery.mail_template_payment_reminder")
        Level = cls.env["b2b.payment.reminder.level"]
        cls.before = Level.create(
            {"name": "Trước hạn", "days_offset": -3, "mail_template_id": template.id}
        )
        cls.after = Level.create(
            {"name": "Quá hạn", "days_offset": 7, "mail_template_id": template.id}
        )
        cls.customer.email = "ketoan@minhphat.vn"
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.line = cls.order.payment_plan_line_ids[0]

    def setUp(self):
        super().setUp()
        invoice = self.invoice(self.line)
        invoice.write({"invoice_date": DUE, "invoice_date_due": DUE})
        self.invoice_move = self.post(invoice)

    def run_cron(self, day):
        self.env["b2b.payment.reminder"]._cron_send_reminders(today=day)
        return self.line.reminder_ids

    def mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", "b2b.payment.plan.line"), ("res_id", "=", self.line.id)]
        )

    def test_once_per_level(self):
        self.assertFalse(self.run_cron(date(2026, 3, 6)))
        reminders = self.run_cron(date(2026, 3, 7))
        self.assertEqual(reminders.level_id, self.before)
        self.assertEqual(reminders.invoice_id, self.invoice_move)
        self.assertEqual(len(self.mails()), 1)
        self.assertIn(self.order.name, self.mails().subject)
        self.assertEqual(self.mails().recipient_ids, self.customer)
        # Run again the same day and the next: still one.
        self.run_cron(date(2026, 3, 7))
        self.run_cron(date(2026, 3, 8))
        self.assertEqual(len(self.line.reminder_ids), 1)
        self.assertEqual(len(self.mails()), 1)
        reminders = self.run_cron(date(2026, 3, 17))
        self.assertEqual(reminders.level_id, self.before | self.after)
        self.assertEqual(len(self.mails()), 2)

    def test_late_start_sends_one_mail_for_every_level_reached(self):
        reminders = self.run_cron(date(2026, 4, 1))
        self.assertEqual(reminders.level_id, self.before | self.after)
        self.assertEqual(len(self.mails()), 1)

    def test_none_once_paid(self):
        self.pay(self.invoice_move)
        self.assertFalse(self.run_cron(date(2026, 4, 1)))
        self.assertFalse(self.mails())

    def test_a_bad_installment_does_not_stop_the_others(self):
        other = self.confirm(self.create_order(self.three_thirds()))
        other_line = other.payment_plan_line_ids[0]
        invoice = self.invoice(other_line)
        invoice.write({"invoice_date": DUE, "invoice_date_due": DUE})
        self.post(invoice)
        # The template cannot render for the first order's installment
        # (Odoo checks a template on the latest order's: it renders there).
        template = self.before.mail_template_id
        template.subject = "{{ 1 // (object.order_id.id - %d) }}" % self.order.id
        self.run_cron(date(2026, 3, 7))
        self.assertFalse(self.line.reminder_ids)
        self.assertFalse(self.mails())
        self.assertEqual(other_line.reminder_ids.level_id, self.before)

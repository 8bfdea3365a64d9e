# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A reminder to a customer without an email address is not recorded as
sent: the salesperson is told why (once), and the next run sends it."""

from datetime import date

from .common_payment import PaymentCase

DUE = date(2026, 3, 10)


class TestPaymentReminderRecipient(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Level = cls.env["b2b.payment.reminder.level"]
        Level.search([]).active = False
        cls.level = Level.create(
            {
                "name": "Quá hạn",
                "days_offset": 1,
                "mail_template_id": cls.env.ref(
                    "b2b_sales_delivery.mail_template_payment_reminder"
                ).id,
            }
        )
        cls.customer.email = False
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.line = cls.order.payment_plan_line_ids[0]

    def setUp(self):
        super().setUp()
        invoice = self.invoice(self.line)
        invoice.write({"invoice_date": DUE, "invoice_date_due": DUE})
        self.post(invoice)

    def run_cron(self, day):
        self.env["b2b.payment.reminder"]._cron_send_reminders(today=day)

    def mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", "b2b.payment.plan.line"), ("res_id", "=", self.line.id)]
        )

    def activities(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order.id),
             ("summary", "ilike", "email")]
        )

    def test_no_email_no_reminder_recorded(self):
        self.run_cron(date(2026, 3, 11))
        self.assertFalse(self.line.reminder_ids)
        self.assertFalse(self.mails())
        activity = self.activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertIn(self.customer.name, activity.summary)
        self.assertIn(self.level.name, str(activity.note))
        # Another run without the address: still one to-do, nothing sent.
        self.run_cron(date(2026, 3, 12))
        self.assertEqual(len(self.activities()), 1)
        self.assertFalse(self.line.reminder_ids)
        # The address set, the next run reminds the installment, once.
        self.customer.email = "ketoan@minhphat.vn"
        self.run_cron(date(2026, 3, 13))
        self.assertEqual(self.line.reminder_ids.level_id, self.level)
        self.assertEqual(len(self.mails()), 1)
        self.run_cron(date(2026, 3, 14))
        self.assertEqual(len(self.mails()), 1)

    def test_invoice_address_with_email_is_reminded(self):
        contact = self.env["res.partner"].create(
            {
                "name": "Phòng kế toán Minh Phát",
                "parent_id": self.customer.id,
                "type": "invoice",
                "email": "hoadon@minhphat.vn",
            }
        )
        self.order.partner_invoice_id = contact
        self.run_cron(date(2026, 3, 11))
        self.assertEqual(self.line.reminder_ids.level_id, self.level)
        self.assertEqual(len(self.mails()), 1)
        self.assertFalse(self.activities())

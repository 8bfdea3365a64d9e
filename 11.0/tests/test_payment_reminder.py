# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reminders: one mail per installment and level, none once paid."""
from .common import accept_by_customer
from .common_payment import B2BPaymentCase


class TestPaymentReminder(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order, _project, _phases = cls.create_order(1000.0, (40.0, 60.0))
        cls.order.action_confirm()
        cls.line = cls.order.payment_plan_line_ids[0]
        cls.invoice = cls.line.invoice_id
        cls.invoice.write({"date_invoice": "2026-03-01", "date_due": "2026-03-10"})
        cls.invoice.sudo(cls.accountant).action_invoice_open()
        cls.Reminder = cls.env["b2b.payment.reminder"]

    def run_cron(self, today, times=3):
        return [self.Reminder._cron_send_reminders(today=today) for _i in range(times)]

    def mails(self):
        return self.env["mail.mail"].search([
            ("model", "=", "b2b.payment.plan.line"), ("res_id", "=", self.line.id)
        ])

    def activities(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)
        ])

    def test_one_mail_per_due_level(self):
        self.assertEqual(self.line.date_due, "2026-03-10")
        self.assertEqual(self.run_cron("2026-03-06"), [0, 0, 0])
        self.assertEqual(self.run_cron("2026-03-07"), [1, 0, 0])
        mails = self.mails()
        self.assertEqual(len(mails), 1)
        self.assertIn("is due on", mails.subject)
        self.assertEqual(mails.recipient_ids, self.customer)
        self.assertEqual(self.run_cron("2026-03-10"), [0, 0, 0])
        self.assertEqual(self.run_cron("2026-03-11"), [1, 0, 0])
        self.assertEqual(len(self.mails()), 2)
        self.assertIn("overdue payment", (self.mails() - mails).subject)
        activities = self.activities()
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.mapped("user_id"), self.salesman)
        self.assertEqual(
            self.line.reminder_ids.mapped("level_id.days"), [1, -3]
        )

    def test_late_run_mails_the_latest_level_only(self):
        self.assertEqual(self.run_cron("2026-03-20"), [1, 0, 0])
        reminders = self.line.reminder_ids.sorted("id")
        self.assertEqual(reminders.mapped("level_id.days"), [-3, 1, 7])
        self.assertEqual(reminders.mapped("is_skipped"), [True, True, False])
        self.assertEqual(len(self.mails()), 1)
        self.assertIn("overdue", self.mails().subject)

    def test_paid_installment_gets_none(self):
        self.run_cron("2026-03-07")
        self.pay(self.invoice, date="2026-03-09")
        self.assertEqual(self.line.state, "paid")
        for today in ("2026-03-11", "2026-03-17", "2026-04-30"):
            self.assertEqual(self.run_cron(today), [0, 0, 0])
        self.assertEqual(len(self.mails()), 1)

    def test_draft_invoice_is_not_reminded(self):
        second = self.order.payment_plan_line_ids[1]
        accept_by_customer(self.create_acceptance(second.phase_id))
        self.assertEqual(second.invoice_id.state, "draft")
        self.run_cron("2026-04-30", times=1)
        self.assertFalse(second.reminder_ids)

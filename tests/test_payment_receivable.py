# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivables by customer with their ageing, read from Odoo's posted
invoices: seen by accountants, gone once paid."""

from datetime import date

from odoo.exceptions import AccessError

from .common_payment import PaymentCase


class TestPaymentReceivable(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))

    def receivables(self, day, user=None):
        """The customer's rows seen on ``day`` (read afresh: a row's ageing
        depends on the day it is read for)."""
        self.env.invalidate_all()
        return (
            self.env["b2b.payment.receivable"]
            .with_user(user or self.accountant)
            .with_context(b2b_ageing_date=day)
            .search([("partner_id", "=", self.customer.id)])
        )

    def test_open_invoice_ages_and_goes_when_paid(self):
        invoice = self.invoice(self.order.payment_plan_line_ids[0])
        # Due on the invoice's date (no payment terms), never today.
        invoice.with_user(self.accountant).write(
            {"invoice_date": date(2026, 3, 10), "invoice_date_due": date(2026, 3, 10)}
        )
        self.post(invoice)
        self.assertEqual(invoice.invoice_date_due, date(2026, 3, 10))
        self.assertFalse(self.receivables(date(2026, 3, 9)).filtered(lambda r: r.move_id != invoice))
        row = self.receivables(date(2026, 4, 20))
        self.assertEqual(row.move_id, invoice)
        self.assertEqual(row.amount_residual, 51540740)
        self.assertEqual(row.days_overdue, 41)
        self.assertEqual(row.ageing, "31_60")
        self.assertEqual(self.receivables(date(2026, 3, 10)).ageing, "not_due")
        self.assertEqual(self.receivables(date(2026, 7, 1)).ageing, "over_90")
        self.pay(invoice)
        self.assertFalse(self.receivables(date(2026, 4, 20)))

    def test_a_draft_is_no_receivable(self):
        self.invoice(self.order.payment_plan_line_ids[0])
        self.assertFalse(self.receivables(date(2026, 4, 20)))

    def test_salespeople_do_not_read_receivables(self):
        with self.assertRaises(AccessError):
            self.receivables(date(2026, 4, 20), user=self.salesman)

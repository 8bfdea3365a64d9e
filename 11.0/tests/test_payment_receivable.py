# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivables by customer: invoiced, paid, outstanding, overdue, ageing."""
from .common import accept_by_customer
from .common_payment import B2BPaymentCase


class TestReceivableReport(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Due dates far in the past (over 90 days whatever the day the tests
        # run) and far in the future (never due).
        order, _project, _phases = cls.create_order(1000.0, (30.0, 30.0, 40.0))
        order.action_confirm()
        first, second, third = order.payment_plan_line_ids
        for line, date_due in ((second, "2001-01-10"), (third, "2999-12-31")):
            accept_by_customer(cls.create_acceptance(line.phase_id))
            line.invoice_id.write({"date_invoice": "2001-01-01", "date_due": date_due})
        cls.lines = order.payment_plan_line_ids
        for line in cls.lines:
            line.invoice_id.sudo(cls.accountant).action_invoice_open()

    def test_by_customer_with_ageing(self):
        first, second, third = self.lines
        self.pay(first.invoice_id)
        self.pay(second.invoice_id, amount=100.0)
        Report = self.env["b2b.receivable.report"].sudo(self.accountant)
        rows = Report.read_group(
            [("partner_id", "=", self.customer.id)],
            ["partner_id", "amount_invoiced", "amount_paid", "amount_outstanding",
             "amount_overdue", "amount_1_30", "amount_31_60", "amount_61_90",
             "amount_over_90"],
            ["partner_id"],
        )
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["amount_invoiced"], 1000.0)
        self.assertEqual(row["amount_paid"], 400.0)
        self.assertEqual(row["amount_outstanding"], 600.0)
        self.assertEqual(row["amount_overdue"], 200.0)
        self.assertEqual(row["amount_over_90"], 200.0)
        self.assertEqual(
            (row["amount_1_30"], row["amount_31_60"], row["amount_61_90"]),
            (0.0, 0.0, 0.0),
        )
        ageing = {
            r.invoice_id: r.ageing
            for r in Report.search([("partner_id", "=", self.customer.id)])
        }
        self.assertEqual(ageing[second.invoice_id], "over_90")
        self.assertEqual(ageing[third.invoice_id], "not_due")

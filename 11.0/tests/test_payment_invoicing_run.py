# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The daily invoicing of installments due survives a bad installment: each
installment in its own savepoint, the failure logged and handed to the
accountant, the others invoiced."""
from .common_payment import B2BPaymentCase

TOTAL = 1000.01


class TestInvoicingRunSurvivesABadInstallment(B2BPaymentCase):
    def date_order(self):
        order, _project, _phases = self.create_order(
            TOTAL, (50.0, 50.0), triggers=["order_confirmed", "date"]
        )
        order.payment_plan_line_ids[1].date_planned = "2999-06-01"
        order.sudo(self.salesman).action_confirm()
        return order

    def test_one_bad_installment_does_not_stop_the_run(self):
        """The daily run invoices every installment due; one that cannot
        be invoiced (its order already billed by hand) is rolled back
        alone, logged and handed to the accountant."""
        bad = self.date_order()
        good = self.date_order()
        bad.sudo(self.accountant).action_invoice_create(final=True)
        Line = self.env["b2b.payment.plan.line"]
        with self.assertLogs(
            "odoo.addons.b2b_sales_delivery.models.b2b_job", "ERROR"
        ) as logs:
            Line._cron_invoice_due(today="2999-06-02")
        self.assertIn("Invoicing of installments due", logs.output[0])
        self.assertFalse(bad.payment_plan_line_ids[1].invoice_id)
        self.assertEqual(good.payment_plan_line_ids[1].state, "invoiced")
        activity = bad.activity_ids.filtered(
            lambda a: "Invoicing of installments due" in a.summary)
        self.assertEqual(activity.user_id, self.accountant)
        self.assertIn("would invoice it twice", activity.note)

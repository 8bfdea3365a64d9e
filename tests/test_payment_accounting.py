# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The money chain on Odoo's accounting: each installment is one Odoo
invoice carrying its share of every tax, the last one deducts the earlier
ones to the đồng, and no ordinary move of an accountant (cancel, reset to
draft and post again, a credit note drafted, posted or deleted, an
installment invoiced again) ever invoices more than the order."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common_payment import PaymentCase

TOTAL = 171802468


class TestPaymentAccounting(PaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.confirm(cls.create_order(cls.three_thirds()))
        cls.first, cls.second, cls.last = cls.order.payment_plan_line_ids

    def tax_amounts(self, move):
        """{tax: tax amount} of ``move`` (signed as on the document)."""
        amounts = {}
        for line in move.line_ids.filtered("tax_line_id"):
            amounts[line.tax_line_id] = amounts.get(line.tax_line_id, 0) + abs(
                line.amount_currency
            )
        return amounts

    def test_down_payment_carries_its_share_of_every_tax(self):
        invoice = self.post(self.invoice(self.first))
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.amount_total, 51540740)
        taxes = self.tax_amounts(invoice)
        self.assertEqual(set(taxes), {self.tax_10, self.tax_8})
        # 30 % of each tax of the order (12,345,679 and 2,666,667), to the đồng.
        self.assertAlmostEqual(taxes[self.tax_10], 3703704, delta=1)
        self.assertAlmostEqual(taxes[self.tax_8], 800000, delta=1)
        self.assertEqual(self.first.state, "invoiced")
        self.assertEqual(self.first.invoice_id, invoice)
        self.assertTrue(self.first.sale_line_ids)
        self.assertEqual(self.first.sale_line_ids.invoice_lines.move_id, invoice)

    def test_final_invoice_deducts_the_earlier_ones_to_the_dong(self):
        invoices = self.post(self.invoice(self.first)) | self.post(self.invoice(self.second))
        final = self.post(self.invoice(self.last))
        self.assertEqual(final.amount_total, TOTAL - sum(invoices.mapped("amount_total")))
        self.assertAlmostEqual(final.amount_total, self.last.amount, delta=2)
        all_taxes = {}
        for move in invoices | final:
            for tax, amount in self.tax_amounts(move).items():
                all_taxes[tax] = all_taxes.get(tax, 0) + amount
        self.assertEqual(all_taxes, {self.tax_10: 12345679, self.tax_8: 2666667})
        self.assertEqual(
            sum((invoices | final).mapped("amount_total")), self.order.amount_total
        )
        self.assertEqual(self.order.payment_plan_line_ids.mapped("state"), ["invoiced"] * 3)

    def test_last_installment_waits_for_the_earlier_ones(self):
        self.post(self.invoice(self.first))
        with self.assertRaisesRegex(UserError, "invoice Đợt 2 first"):
            self.invoice(self.last)

    def test_invoiced_twice_returns_the_same_invoice(self):
        invoice = self.invoice(self.first)
        self.assertEqual(self.invoice(self.first), invoice)
        self.post(invoice)
        self.assertEqual(self.invoice(self.first), invoice)
        self.assertEqual(len(self.order.invoice_ids), 1)

    def test_order_button_invoices_what_is_due(self):
        ids = self.order.with_user(self.salesman).action_invoice_payment_plan()
        # Draft down payments reserve their amount: the final invoice follows
        # them in the same click and deducts them.
        self.assertEqual(len(ids), 3)
        self.assertTrue(all(isinstance(invoice_id, int) for invoice_id in ids))
        self.assertEqual(self.order.payment_plan_line_ids.mapped("state"), ["invoiced"] * 3)
        with self.assertRaisesRegex(UserError, "No installment"):
            self.order.with_user(self.salesman).action_invoice_payment_plan()

    def test_only_sales_and_invoicing_invoice(self):
        outsider = new_test_user(
            self.env,
            login="b2b_pay_outsider",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        with self.assertRaises(AccessError):
            self.first.with_user(outsider).action_invoice()
        self.assertEqual(self.first.state, "to_invoice")

    def test_payment_makes_it_paid_and_cancel_falls_back(self):
        invoice = self.post(self.invoice(self.first))
        self.pay(invoice)
        self.assertEqual(self.first.state, "paid")
        invoice.with_user(self.accountant).button_cancel()
        self.assertEqual(self.first.state, "to_invoice")
        self.assertFalse(self.first.invoice_id)

    def test_cancel_then_invoice_again(self):
        invoice = self.post(self.invoice(self.first))
        invoice.with_user(self.accountant).button_cancel()
        self.assertEqual(self.first.state, "to_invoice")
        again = self.post(self.invoice(self.first))
        self.assertNotEqual(again, invoice)
        self.assertEqual(again.amount_total, 51540740)
        self.assertEqual(self.first.invoice_id, again)
        # The cancelled one cannot come back beside it.
        invoice.with_user(self.accountant).button_draft()
        with self.assertRaisesRegex(UserError, "installment is invoiced once"):
            self.post(invoice)

    def test_cancel_then_post_again_when_nothing_replaced_it(self):
        first = self.post(self.invoice(self.first))
        first.with_user(self.accountant).button_cancel()
        self.assertEqual(self.first.state, "to_invoice")
        first.with_user(self.accountant).button_draft()
        self.assertEqual(self.first.invoice_id, first)
        self.post(first)
        second = self.post(self.invoice(self.second))
        final = self.post(self.invoice(self.last))
        self.assertEqual(
            first.amount_total + second.amount_total + final.amount_total, TOTAL
        )

    def test_cancel_invoice_later_reset_and_post_again_refused(self):
        cancelled = self.post(self.invoice(self.first))
        cancelled.with_user(self.accountant).button_cancel()
        # The later installments are invoiced, the first one again.
        second = self.post(self.invoice(self.second))
        again = self.post(self.invoice(self.first))
        final = self.post(self.invoice(self.last))
        self.assertEqual(
            again.amount_total + second.amount_total + final.amount_total, TOTAL
        )
        cancelled.with_user(self.accountant).button_draft()
        with self.assertRaisesRegex(UserError, "never invoiced for more"):
            self.post(cancelled)
        self.assertEqual(cancelled.state, "draft")
        self.assertEqual(self.first.invoice_id, again)

    def test_final_after_cancel_then_repost_refused(self):
        first = self.post(self.invoice(self.first))
        self.post(self.invoice(self.second))
        # Cancel the first, then Odoo's own regular invoice (not the plan's)
        # bills what the order has left: refused, it bills the last
        # installment for more than its amount.
        first.with_user(self.accountant).button_cancel()
        regular = self.order.sudo()._create_invoices(final=True)
        with self.assertRaisesRegex(UserError, "installment is invoiced once"):
            self.post(regular)

    def test_credit_note_drafted_posted_deleted(self):
        invoice = self.post(self.invoice(self.first))
        refund = self.credit_note(invoice)
        self.assertEqual(refund.state, "draft")
        # A draft credit note gives nothing back yet.
        self.assertEqual(self.first.state, "invoiced")
        self.assertEqual(self.invoice(self.first), invoice)
        self.post(refund)
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(self.first.state, "to_invoice")
        again = self.post(self.invoice(self.first))
        self.assertEqual(self.first.invoice_id, again)
        # Taking the credit note back (to delete it) would bill the
        # installment twice: refused.
        with self.assertRaisesRegex(UserError, "installment is invoiced once"):
            refund.with_user(self.accountant).button_draft()
        with self.assertRaisesRegex(UserError, "installment is invoiced once"):
            refund.with_user(self.accountant).button_cancel()
        # The rest of the plan bills the order exactly.
        second = self.post(self.invoice(self.second))
        final = self.post(self.invoice(self.last))
        self.assertEqual(
            again.amount_total + second.amount_total + final.amount_total, TOTAL
        )

    def test_draft_credit_note_deleted_is_harmless(self):
        invoice = self.post(self.invoice(self.first))
        refund = self.credit_note(invoice)
        refund.with_user(self.accountant).unlink()
        self.assertEqual(self.first.invoice_id, invoice)
        self.assertEqual(self.first.state, "invoiced")

    def test_deleted_draft_invoice_frees_the_installment(self):
        # Odoo deletes the down-payment lines of a deleted down payment:
        # the user needs the right to change the order too.
        seller_accountant = new_test_user(
            self.env,
            login="b2b_pay_seller_accountant",
            groups="account.group_account_invoice,sales_team.group_sale_salesman_all_leads",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        invoice = self.invoice(self.first)
        invoice.with_user(seller_accountant).unlink()
        self.assertEqual(self.first.state, "to_invoice")
        self.assertFalse(self.first.sale_line_ids)
        self.assertEqual(self.post(self.invoice(self.first)).amount_total, 51540740)

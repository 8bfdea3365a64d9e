# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Never more than the order: Odoo's ordinary accounting moves (cancel,
reset to draft, validate, credit notes drafted, posted or deleted, an
invoice made by hand from the order) never bill an order with a payment
plan beyond its total, nor an installment beyond its amount."""
from odoo.exceptions import UserError

from .common import accept_by_customer
from .common_payment import THIRDS, B2BPaymentCase

TOTAL = 1000.01


class TestPaymentOrderTotal(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_journal = cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", cls.company.id)], limit=1
        )
        # Entries of the sales journal may be cancelled (Odoo's setting).
        cls.sale_journal.update_posted = True

    def confirmed_order(self):
        order, project, phases = self.create_order(TOTAL, THIRDS)
        order.sudo(self.salesman).action_confirm()
        return order, phases

    def accept(self, phase):
        accept_by_customer(self.create_acceptance(phase))

    def as_accountant(self, records):
        return records.sudo(self.accountant)

    def validate(self, invoice):
        invoice.invalidate_cache()
        self.as_accountant(invoice).action_invoice_open()
        self.assertEqual(invoice.state, "open")
        return invoice

    def billed(self, order):
        """Posted invoices minus posted credit notes, as the ledger says."""
        self.env["account.invoice"].invalidate_cache()
        invoices = order._b2b_invoices()
        return round(
            sum(invoices.filtered(
                lambda i: i.type == "out_invoice" and i.state in ("open", "paid")
            ).mapped("amount_total"))
            - sum(invoices.filtered(
                lambda i: i.type == "out_refund" and i.state in ("open", "paid")
            ).mapped("amount_total")),
            2,
        )

    def invoice_by_hand(self, order):
        """The accountant invoices what Odoo sees left to invoice of the
        order (sale's own road, the order's *Create Invoice*)."""
        invoice_ids = order.sudo(self.accountant).action_invoice_create(final=True)
        return self.env["account.invoice"].browse(invoice_ids)

    def test_final_installment_refused_while_an_earlier_invoice_is_cancelled(self):
        """An installment's invoice cancelled, a later phase accepted: the
        final invoice would bill the cancelled installment's share too. It
        is refused (the acceptance stands, the accountant is told); once
        the cancelled invoice is validated again, the final one comes."""
        order, phases = self.confirmed_order()
        first, second, third = order.payment_plan_line_ids
        self.validate(first.invoice_id)
        self.as_accountant(first.invoice_id).action_invoice_cancel()
        self.assertEqual(first.state, "to_invoice")
        self.accept(phases[0])
        self.validate(second.invoice_id)
        self.accept(phases[1])
        self.assertEqual(phases[1].state, "accepted")
        self.assertFalse(third.invoice_id)
        activity = order.activity_ids.filtered(
            lambda a: phases[1].name in a.summary)
        self.assertIn("more than its amount", activity.note)
        # The cancelled invoice comes back (reset to draft and validated).
        self.as_accountant(first.invoice_id).action_invoice_draft()
        self.validate(first.invoice_id)
        # The accountant invoices the installment whose invoicing failed.
        third_invoice = self.env["account.invoice"].browse(
            self.as_accountant(third).action_trigger())
        self.assertEqual(third_invoice.amount_total, 333.41)
        self.validate(third_invoice)
        self.assertEqual(self.billed(order), TOTAL)

    def test_cancelled_invoice_reset_and_validated_after_the_order_is_billed(self):
        """Roads to validation (the button, ``invoice_validate`` over RPC)
        refuse a cancelled installment invoice reset to draft once the
        order was billed in full meanwhile."""
        order, _phases = self.confirmed_order()
        first = order.payment_plan_line_ids[0]
        invoice = self.validate(first.invoice_id)
        self.as_accountant(invoice).action_invoice_cancel()
        rest = self.validate(self.invoice_by_hand(order))
        self.assertEqual(rest.amount_total, TOTAL)
        self.as_accountant(invoice).action_invoice_draft()
        for method in ("action_invoice_open", "invoice_validate"):
            with self.assertRaises(UserError) as error:
                getattr(self.as_accountant(invoice), method)()
            self.assertIn("would bill more than the order", error.exception.name)
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(self.billed(order), TOTAL)
        # Also as the superuser (sudo is no way around it).
        with self.assertRaises(UserError):
            invoice.sudo().action_invoice_open()

    def test_cancelled_installment_invoiced_again_after_the_order_is_billed(self):
        """The installment's own *Invoice* on a cancelled invoice brings it
        back to draft only if the order has room for it."""
        order, _phases = self.confirmed_order()
        first = order.payment_plan_line_ids[0]
        self.as_accountant(first.invoice_id).action_invoice_cancel()
        self.validate(self.invoice_by_hand(order))
        for action in ("action_invoice", "action_trigger"):
            with self.assertRaises(UserError) as error:
                getattr(self.as_accountant(first), action)()
            self.assertIn("would invoice it twice", error.exception.name)
        self.assertEqual(first.invoice_id.state, "cancel")
        self.assertEqual(self.billed(order), TOTAL)

    def test_draft_credit_note_lowers_nothing(self):
        """A draft credit note of an invoice billing the order in full does
        not make room for the next installment (it could be deleted); a
        validated one does."""
        order, phases = self.confirmed_order()
        first, second, _third = order.payment_plan_line_ids
        self.validate(first.invoice_id)
        by_hand = self.validate(self.invoice_by_hand(order))
        self.assertEqual(self.billed(order), TOTAL)
        refund = self.as_accountant(by_hand).refund(
            "2026-05-02", "2026-05-02", "Giảm trừ")
        self.assertEqual(refund.state, "draft")
        self.accept(phases[0])
        self.assertFalse(second.invoice_id)
        # The accountant invoices the installment whose invoicing failed.
        with self.assertRaises(UserError) as error:
            self.as_accountant(second).action_trigger()
        self.assertIn("would invoice it twice", error.exception.name)
        refund.sudo(self.accountant).unlink()
        self.assertEqual(self.billed(order), TOTAL)
        # A validated credit note gives the room back.
        refund = self.as_accountant(by_hand).refund(
            "2026-05-02", "2026-05-02", "Giảm trừ")
        self.validate(refund)
        invoice = self.env["account.invoice"].browse(
            self.as_accountant(second).action_trigger())
        self.validate(invoice)
        self.assertLessEqual(self.billed(order), TOTAL)

    def test_draft_invoices_reserve_their_amount(self):
        """A draft invoice made by hand reserves its amount: the next
        installment is refused."""
        order, phases = self.confirmed_order()
        first, second, _third = order.payment_plan_line_ids
        by_hand = self.invoice_by_hand(order)
        self.assertEqual(by_hand.amount_total, TOTAL - first.amount)
        self.accept(phases[0])
        self.assertFalse(second.invoice_id)
        self.validate(by_hand)
        self.validate(first.invoice_id)
        self.assertEqual(self.billed(order), TOTAL)

    def test_installment_invoice_raised_by_hand_refused(self):
        """A draft installment invoice whose lines are raised bills more
        than its installment: refused at validation."""
        order, _phases = self.confirmed_order()
        first = order.payment_plan_line_ids[0]
        invoice = self.as_accountant(first.invoice_id)
        invoice.invoice_line_ids[0].price_unit += 100
        invoice.compute_taxes()
        with self.assertRaises(UserError) as error:
            invoice.action_invoice_open()
        self.assertIn("more than its installment", error.exception.name)
        invoice.invoice_line_ids[0].price_unit -= 100
        invoice.compute_taxes()
        invoice.action_invoice_open()
        self.assertEqual(invoice.state, "open")

    def test_orders_without_a_plan_are_odoos(self):
        """An order without a payment plan is invoiced as Odoo does."""
        order = self.env["sale.order"].sudo(self.salesman).create({
            "partner_id": self.customer.id,
            "order_line": [(0, 0, {
                "product_id": self.product.id, "product_uom_qty": 1,
                "price_unit": 100.0, "tax_id": [(5, 0, 0)],
            })],
        })
        order.action_confirm()
        invoice = self.validate(self.invoice_by_hand(order))
        self.assertEqual(invoice.state, "open")

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Never more than the order, as a property: random sequences of ordinary
accounting moves (validate, cancel, reset to draft, credit notes drafted,
validated or deleted, an invoice by hand, payments and their undoing)
interleaved with the addon's steps (a phase accepted, an installment
invoiced) never bill the order beyond its total, and an installment reads
*Paid* only when its invoice is paid. Hypothesis draws the sequences, with
a fixed budget and seed (``derandomize``) so that a run is repeatable."""
from hypothesis import HealthCheck, given, settings, strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .common import accept_by_customer
from .common_payment import THIRDS, B2BPaymentCase

TOTAL = 1000.01
MOVES = (
    "accept", "trigger", "validate", "cancel", "draft", "refund",
    "validate_refund", "delete_refund", "by_hand", "pay", "unreconcile",
)
POSTED = ("open", "paid")
# Refusals are the rules at work; anything else fails the test.
REFUSALS = (UserError, ValidationError, AccessError)


class TestPaymentOrderTotalProperty(B2BPaymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", cls.company.id)]
        ).write({"update_posted": True})
        cls.bank_journal.update_posted = True

    def invoices(self, order, types=("out_invoice", "out_refund"), states=None):
        """The customer's invoices and credit notes, of these types and
        states: each example has one order, the customer's only one (read
        from the ledger, not from the addon's own reading)."""
        customer = order.partner_id.commercial_partner_id
        domain = [("commercial_partner_id", "=", customer.id),
                  ("type", "in", types)]
        if states:
            domain.append(("state", "in", states))
        return self.env["account.invoice"].search(domain, order="id")

    def pick(self, records, index):
        return records[index % len(records)] if records else None

    def move(self, order, phases, name, index):
        """One accounting move or step of the addon, as its user does it."""
        getattr(self, "move_" + name)(order, phases, index)

    def move_accept(self, order, phases, index):
        phase = self.pick(phases.filtered(lambda p: p.state != "accepted"), index)
        if phase:
            accept_by_customer(self.create_acceptance(phase))

    def move_trigger(self, order, phases, index):
        line = self.pick(order.payment_plan_line_ids.filtered(
            lambda line: line.state == "to_invoice"
            or (line.trigger == "phase_accepted" and not line.invoice_id
                and line.phase_id.state == "accepted")), index)
        if line:
            line.sudo(self.accountant).action_trigger()

    def _invoice_step(self, order, index, states, method, types=("out_invoice",)):
        invoice = self.pick(self.invoices(order, types, states), index)
        if invoice:
            getattr(invoice.sudo(self.accountant), method)()

    def move_validate(self, order, phases, index):
        self._invoice_step(order, index, ("draft",), "action_invoice_open")

    def move_cancel(self, order, phases, index):
        self._invoice_step(order, index, ("draft", "open"), "action_invoice_cancel")

    def move_draft(self, order, phases, index):
        self._invoice_step(order, index, ("cancel",), "action_invoice_draft")

    def move_validate_refund(self, order, phases, index):
        self._invoice_step(
            order, index, ("draft",), "action_invoice_open", ("out_refund",))

    def move_delete_refund(self, order, phases, index):
        self._invoice_step(order, index, ("draft",), "unlink", ("out_refund",))

    def move_refund(self, order, phases, index):
        invoice = self.pick(self.invoices(order, ("out_invoice",), POSTED), index)
        if invoice:
            invoice.sudo(self.accountant).refund("2026-05-02", "2026-05-02", "Giảm")

    def move_by_hand(self, order, phases, index):
        order.sudo(self.accountant).action_invoice_create(final=True)

    def move_pay(self, order, phases, index):
        invoice = self.pick(self.invoices(order, ("out_invoice",), ("open",)), index)
        if invoice:
            self.pay(invoice)

    def move_unreconcile(self, order, phases, index):
        invoice = self.pick(self.invoices(order, ("out_invoice",), ("paid",)), index)
        if invoice:
            invoice.payment_move_line_ids.sudo().remove_move_reconcile()

    def check(self, order, steps):
        posted = self.invoices(order, states=POSTED)
        billed = sum(
            invoice.amount_total * (-1 if invoice.type == "out_refund" else 1)
            for invoice in posted
        )
        self.assertLessEqual(
            float_compare(billed, order.amount_total, precision_rounding=0.01), 0,
            "billed %s of %s after %s" % (billed, order.amount_total, steps))
        for line in order.payment_plan_line_ids:
            if line.state == "paid":
                self.assertEqual(line.invoice_id.state, "paid", steps)

    @settings(max_examples=12, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.sampled_from(MOVES), st.integers(0, 3)),
                    min_size=3, max_size=10))
    def test_never_more_than_the_order(self, steps):
        self.env.cr.execute("SAVEPOINT b2b_property")
        try:
            order, _project, phases = self.create_order(TOTAL, THIRDS)
            order.sudo(self.salesman).action_confirm()
            done = []
            for name, index in steps:
                done.append(name)
                try:
                    with self.env.cr.savepoint():
                        self.move(order, phases, name, index)
                except REFUSALS:
                    self.env.clear()
                self.check(order, done)
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT b2b_property")
            self.env.clear()

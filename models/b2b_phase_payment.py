# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An accepted phase releases its installment of the payment plan, and its
invoice is made at once when it can be; an invoicing that fails (a concurrent
one, an earlier installment not invoiced) never undoes the acceptance: the
daily run invoices it later. A phase an installment is due on stays on
that installment's order."""

from odoo import api, models


class B2bPhase(models.Model):
    _inherit = "b2b.phase"

    def write(self, vals):
        accepting = (
            self.filtered(lambda phase: phase.state != "accepted")
            if vals.get("state") == "accepted"
            else self.browse()
        )
        result = super().write(vals)
        if accepting:
            lines = (
                self.env["b2b.payment.plan.line"]
                .sudo()
                .search(
                    [
                        ("phase_id", "in", accepting.ids),
                        ("trigger", "=", "phase_accepted"),
                    ]
                )
            )
            lines._invoice_released()
        return result

    @api.constrains("order_id")
    def _check_payment_plan_order(self):
        """A phase moved to another order: the installments due on it meet
        their own rule (a phase of their order)."""
        self.env["b2b.payment.plan.line"].sudo().search(
            [("phase_id", "in", self.ids)]
        )._check_trigger()

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A confirmed order whose installments were billed is not cancelled.

Odoo 19 cancels a confirmed order with posted invoices (it cancels only the
draft ones), which would leave the customer's posted installment invoices on
a cancelled order and the plan without its order. The order's state is
written on every road (the button, ``write``, an import, RPC), so the rule
stands on ``write``: an installment with a live posted invoice (not
cancelled, not reversed by a credit note) keeps its order.
"""

from odoo import models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def write(self, vals):
        if vals.get("state") == "cancel":
            self._check_no_billed_installment()
        return super().write(vals)

    def _check_no_billed_installment(self):
        """Refuse to cancel an order while one of its installments has a
        posted invoice that is neither cancelled nor credited."""
        for order in self.sudo():
            billed = order.payment_plan_line_ids.filtered(
                lambda line: line.invoice_id.state == "posted"
            )
            if billed:
                raise UserError(
                    self.env._(
                        "The order %(order)s cannot be cancelled: its "
                        "installments %(installments)s are invoiced "
                        "(%(invoices)s). Cancel or credit those invoices first.",
                        order=order.name,
                        installments=", ".join(billed.mapped("name")),
                        invoices=", ".join(billed.invoice_id.mapped("name")),
                    )
                )
        return True

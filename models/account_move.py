# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's accounting moves keep an order with a payment plan within its
total and each installment within its amount: posting an invoice, or taking
a posted credit note back to draft (or cancelling it), is refused when it
would invoice more."""

from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _get_payment_plan_orders(self):
        """The orders with a payment plan that these moves invoice."""
        return self.sudo().line_ids.sale_line_ids.order_id.filtered(
            "payment_plan_line_ids"
        )

    def _post(self, soft=True):
        orders = self._get_payment_plan_orders()
        if orders:
            orders._lock_for_invoicing()
            orders._check_invoicing(plus=self.filtered(lambda move: move.is_invoice()))
        return super()._post(soft=soft)

    def button_draft(self):
        refunds = self.filtered(
            lambda move: move.move_type == "out_refund" and move.state == "posted"
        )
        orders = refunds._get_payment_plan_orders()
        if orders:
            orders._lock_for_invoicing()
            orders._check_invoicing(minus=refunds)
        return super().button_draft()

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Only the invoicing steps put this object in a context (RPC cannot carry
# it): the down payment lines they create invoice the confirmed scope
# without changing it.
DOWNPAYMENT_STEP = object()


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _get_scope_locked_fields(self):
        """Fields of a line frozen once the customer confirmed the scope:
        what is bought, at what price, with which taxes, on which order,
        and whether it is a down payment."""
        return set(self._get_protected_fields()) | {
            "discount", "order_id", "is_downpayment", "price_unit", "tax_id",
            "product_id", "product_uom", "product_uom_qty", "name",
        }

    def _is_downpayment_step(self):
        return self.env.context.get("b2b_downpayment_step") is DOWNPAYMENT_STEP

    @api.model
    def create(self, vals):
        if not (vals.get("is_downpayment") and self._is_downpayment_step()):
            self.env["sale.order"].browse(vals.get("order_id"))._check_scope_editable()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self._get_scope_locked_fields().intersection(vals) and not (
            self._is_downpayment_step() and all(self.mapped("is_downpayment"))
            and not vals.get("order_id")
        ):
            orders = self.mapped("order_id")
            if vals.get("order_id"):
                # A line moved into a locked order changes it too.
                orders |= self.env["sale.order"].browse(vals["order_id"])
            orders._check_scope_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        if not (self._is_downpayment_step() and all(self.mapped("is_downpayment"))):
            self.mapped("order_id")._check_scope_editable()
        return super().unlink()

    @api.model
    def _b2b_create_downpayment_line(self, vals):
        """Create the down payment line of an invoicing step, allowed on a
        confirmed scope (it invoices the scope, it does not change it)."""
        line = self.with_context(b2b_downpayment_step=DOWNPAYMENT_STEP).create(
            dict(vals, is_downpayment=True)
        )
        return line.with_context(b2b_downpayment_step=None)

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The lines of an order whose scope the customer confirmed are locked:
what is bought, how many, at what price and taxes. Only an approved change
request adds to them; down payment lines (quantity 0, they invoice the
scope without changing it) stay open to the invoicing steps."""

from odoo import api, models
from odoo.tools import float_is_zero


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _get_scope_locked_fields(self):
        """Fields of a line frozen with the confirmed scope."""
        return set(self._get_protected_fields()) - {"name", "analytic_distribution"} | {
            "order_id",
            "is_downpayment",
            "display_type",
            "product_uom_qty",
            "price_unit",
            "discount",
            "tax_ids",
        }

    @api.model
    def _is_scope_neutral_downpayment(self, vals):
        """A down payment line as the invoicing creates it: quantity 0 on
        the order, so the order's amounts do not change."""
        return bool(vals.get("is_downpayment")) and float_is_zero(
            vals.get("product_uom_qty") or 0.0, precision_digits=6
        )

    @api.model_create_multi
    def create(self, vals_list):
        order_ids = {
            vals.get("order_id")
            for vals in vals_list
            if not self._is_scope_neutral_downpayment(vals)
        }
        orders = self.env["sale.order"].browse(filter(None, order_ids))
        orders._check_scope_editable()
        lines = super().create(vals_list)
        orders._b2b_scope_changed()
        return lines

    def write(self, vals):
        if self._get_scope_locked_fields().intersection(vals):
            lines = self
            if not {"order_id", "is_downpayment", "product_uom_qty"}.intersection(vals):
                # The invoicing writes its down payment lines' price.
                lines = self.filtered(lambda line: not line.is_downpayment)
            orders = lines.order_id
            if vals.get("order_id"):
                # A line moved into a locked order changes it too.
                orders |= self.env["sale.order"].browse(vals["order_id"])
            orders._check_scope_editable()
            result = super().write(vals)
            # What the customer was sent is no longer what they would confirm.
            orders._b2b_scope_changed()
            return result
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed_scope(self):
        self.filtered(lambda line: not line.is_downpayment).order_id._check_scope_editable()

    def unlink(self):
        orders = self.filtered(lambda line: not line.is_downpayment).order_id
        result = super().unlink()
        orders._b2b_scope_changed()
        return result

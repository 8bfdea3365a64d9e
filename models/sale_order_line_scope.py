# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _get_scope_locked_fields(self):
        """Fields of a line frozen once the customer confirmed the scope."""
        return set(self._get_protected_fields()) | {"discount", "order_id"}

    @api.model
    def create(self, vals):
        # Down payments invoice the confirmed scope: they do not change it.
        if not vals.get("is_downpayment"):
            self.env["sale.order"].browse(vals.get("order_id"))._check_scope_editable()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self._get_scope_locked_fields().intersection(vals):
            self.filtered(lambda line: not line.is_downpayment).mapped(
                "order_id"
            )._check_scope_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.filtered(lambda line: not line.is_downpayment).mapped(
            "order_id"
        )._check_scope_editable()
        return super().unlink()

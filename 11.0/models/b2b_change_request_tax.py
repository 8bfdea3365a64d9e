# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An approved change request is billed with VAT, as the order's lines: its
amount is untaxed, its line on the order takes the order's taxes."""
from odoo import models


class B2bChangeRequest(models.Model):
    _inherit = "b2b.change.request"

    def _prepare_order_line_values(self, order):
        values = super()._prepare_order_line_values(order)
        values["tax_id"] = [(6, 0, self._b2b_change_taxes().ids)]
        return values

    def _b2b_change_taxes(self):
        """The taxes of the order's lines (down payments apart); an order
        whose lines have several sets of taxes gives the set of its largest
        untaxed amount."""
        self.ensure_one()
        groups = self.order_id.sudo()._get_payment_plan_tax_groups()
        if not groups:
            return self.env["account.tax"]
        taxes, _base = max(groups, key=lambda group: group[1])
        return taxes

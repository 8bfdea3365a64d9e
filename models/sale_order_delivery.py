# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project of an order starts with its resources proposed."""

from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_delivery_plan_values(self):
        """A new delivery project proposes one resource line per kind."""
        values = super()._prepare_delivery_plan_values()
        values["resource_line_ids"] = self.env["b2b.resource.line"]._proposed_values()
        return values

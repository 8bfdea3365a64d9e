# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phases of the order, planned with the deal on the quotation."""
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    phase_ids = fields.One2many(
        "b2b.phase", "order_id", string="Phases", copy=False,
        help="Planned on the quotation; the delivery project takes the same "
        "phases when it is created.",
    )

    @api.multi
    def action_create_project(self):
        """The delivery project takes the phases planned on the order (the
        same records, with their ids)."""
        project_id = super().action_create_project()
        self.phase_ids.filtered(lambda phase: not phase.project_id).sudo().write(
            {"project_id": project_id}
        )
        return project_id

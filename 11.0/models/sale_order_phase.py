# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phases of the order, planned with the deal on the quotation."""
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    phase_ids = fields.One2many(
        "b2b.phase", "order_id", string="Phases", copy=False,
        help="Planned on the quotation; the delivery project takes the same "
        "phases when it is created.",
    )

    def _create_project(self, manager):
        """The delivery project takes the phases planned on the order (the
        same records, with their ids), whatever the road to it: the button's
        wizard, ``action_create_project`` or RPC."""
        project = super()._create_project(manager)
        self.phase_ids.filtered(lambda phase: not phase.project_id).sudo().write(
            {"project_id": project.id}
        )
        return project

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .project_project_timeline import AGREED_DATES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.multi
    def action_create_project(self):
        """The starting tasks made from dated scope items carry the dates
        the customer confirmed (see ``b2b.scope.item._prepare_task_values``)."""
        return super(
            SaleOrder, self.with_context(b2b_agreed_dates=AGREED_DATES)
        ).action_create_project()

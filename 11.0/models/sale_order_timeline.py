# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .project_project_timeline import AGREED_DATES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _create_project(self, manager):
        """The starting tasks made from dated scope items carry the dates
        the customer confirmed (see ``b2b.scope.item._prepare_task_values``),
        whatever the road to the project (the wizard, the method, RPC)."""
        project = super(
            SaleOrder, self.with_context(b2b_agreed_dates=AGREED_DATES)
        )._create_project(manager)
        return project.with_env(self.env)

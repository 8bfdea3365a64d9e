# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderLine(models.Model):
    """The project sale_project creates on confirmation for a service product
    is the order's delivery project: it gets the plan and the phases."""

    _inherit = "sale.order.line"

    def _timesheet_create_project_prepare_values(self):
        values = super()._timesheet_create_project_prepare_values()
        values.update(self.order_id._prepare_delivery_plan_values())
        return values

    def _timesheet_create_project(self):
        project = super()._timesheet_create_project()
        self.order_id._carry_phases(project)
        return project

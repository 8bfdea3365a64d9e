# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project of an order starts with its resources proposed, on
every road that makes it: the button (``action_create_project``) and
sale_project's creation on confirmation (also from a project template)."""

from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_delivery_plan_values(self):
        """A new delivery project proposes one resource line per kind."""
        values = super()._prepare_delivery_plan_values()
        values["resource_line_ids"] = self.env["b2b.resource.line"]._proposed_values()
        return values

    def _carry_phases(self, project):
        """The hand-over of every road: a project made without the proposed
        resources (a project template's copy) gets them."""
        result = super()._carry_phases(project)
        if not project.sudo().resource_line_ids:
            project.sudo().resource_line_ids = self.env["b2b.resource.line"]._proposed_values()
        return result

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deal team carried to the delivery project: the people who sold the
deal follow the project and are asked to agree to its plan like the rest of
the team."""

from odoo import models


class ProjectProject(models.Model):
    _inherit = "project.project"

    def _b2b_deal_team_users(self):
        """The internal users of the deal team of the opportunity of the
        project's order."""
        self.ensure_one()
        project = self.sudo()
        order = project.reinvoiced_sale_order_id | project.sale_order_id
        return order.opportunity_id._b2b_deal_team_users()

    def _b2b_team_members(self):
        return super()._b2b_team_members() | self._b2b_deal_team_users()

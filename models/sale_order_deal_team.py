# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The deal team of the order's opportunity carried to the delivery project
with the phases, whichever road creates the project (the button, RPC
``action_create_project``, sale_project on confirmation)."""

from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _carry_phases(self, project):
        """With the phases, the deal team: followers of the project, asked
        for the team's agreement (once each)."""
        res = super()._carry_phases(project)
        users = self.sudo().opportunity_id._b2b_deal_team_users()
        if users:
            project = project.sudo()
            project.message_subscribe(partner_ids=users.partner_id.ids)
            asked = project.team_agreement_ids.user_id
            self.env["b2b.team.agreement"].sudo().create(
                [{"project_id": project.id, "user_id": user.id} for user in users - asked]
            )
        return res

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The risks of the opportunity reach its delivery project: the risks still
open are linked to the project made from the opportunity's order, on every
road that makes it (the hand-over both roads call)."""

from odoo import models

from .project_project_risk import OPEN_RISK_STATES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _carry_phases(self, project):
        """The hand-over of every road also carries the opportunity's open
        risks into the project."""
        result = super()._carry_phases(project)
        lead = self.sudo().opportunity_id
        if lead:
            risks = lead.risk_ids.filtered(
                lambda risk: not risk.project_id
                and risk.state in OPEN_RISK_STATES
                and risk.company_id in (project.company_id, self.env["res.company"])
            )
            risks.write({"project_id": project.id})
        return result

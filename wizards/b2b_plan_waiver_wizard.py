# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class B2bPlanWaiverWizard(models.TransientModel):
    """A project manager waives the team's agreement to the current plan,
    giving the reason."""

    _name = "b2b.plan.waiver.wizard"
    _description = "Waive the Team's Agreement to the Plan"

    project_id = fields.Many2one(
        "project.project", string="Project", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_waive(self):
        self.ensure_one()
        self.project_id.action_waive_team_agreement(self.reason)
        return {"type": "ir.actions.act_window_close"}

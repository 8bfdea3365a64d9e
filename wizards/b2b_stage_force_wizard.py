# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class B2bStageForceWizard(models.TransientModel):
    """A sales manager moves opportunities past unmet checkpoints, with a
    reason logged in their chatter (``crm.lead.force_stage``)."""

    _name = "b2b.stage.force.wizard"
    _description = "Force a Stage Move"

    lead_ids = fields.Many2many("crm.lead", string="Opportunities", required=True)
    stage_id = fields.Many2one("crm.stage", string="Move to", required=True)
    reason = fields.Text(required=True)

    def action_force(self):
        self.ensure_one()
        self.lead_ids.force_stage(self.stage_id.id, self.reason)
        return {"type": "ir.actions.act_window_close"}

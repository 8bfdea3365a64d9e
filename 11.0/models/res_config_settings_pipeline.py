# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .crm_team import NEW_TEAMS_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_pipeline_team_ids = fields.Many2many(
        "crm.team", string="Sales Teams in the B2B Pipeline",
        help="The sales teams whose opportunities go through the B2B "
        "pipeline's stages and checkpoints.",
    )
    b2b_pipeline_new_teams = fields.Boolean(
        string="New Sales Teams in the B2B Pipeline",
        help="Sales teams created from now on use the B2B pipeline.",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        teams = self.env["crm.team"].search([("b2b_use_pipeline", "=", True)])
        res.update(
            b2b_pipeline_team_ids=[(6, 0, teams.ids)],
            b2b_pipeline_new_teams=self.env["ir.config_parameter"].sudo().get_param(
                NEW_TEAMS_PARAM) == "1",
        )
        return res

    @api.multi
    def set_values(self):
        res = super().set_values()
        self.ensure_one()
        Team = self.env["crm.team"]
        chosen = self.b2b_pipeline_team_ids
        # Only the teams the user can see (their companies) are changed.
        (Team.search([("b2b_use_pipeline", "=", True)]) - chosen).write(
            {"b2b_use_pipeline": False}
        )
        chosen.filtered(lambda team: not team.b2b_use_pipeline).write(
            {"b2b_use_pipeline": True}
        )
        self.env["ir.config_parameter"].sudo().set_param(
            NEW_TEAMS_PARAM, "1" if self.b2b_pipeline_new_teams else "0"
        )
        return res

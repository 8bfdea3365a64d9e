# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .crm_team import NEW_TEAMS_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_pipeline_team_ids = fields.Many2many(
        "crm.team",
        string="Sales Teams in the B2B Pipeline",
        help="The sales teams whose opportunities go through the B2B "
        "pipeline's stages and checkpoints.",
    )
    b2b_pipeline_new_teams = fields.Boolean(
        string="New Sales Teams in the B2B Pipeline",
        config_parameter=NEW_TEAMS_PARAM,
        help="Sales teams created from now on use the B2B pipeline.",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        teams = self.env["crm.team"].search([("b2b_use_pipeline", "=", True)])
        res["b2b_pipeline_team_ids"] = [fields.Command.set(teams.ids)]
        return res

    def set_values(self):
        res = super().set_values()
        # Only the teams the user sees (their companies) change.
        Team = self.env["crm.team"]
        chosen = self.b2b_pipeline_team_ids
        (Team.search([("b2b_use_pipeline", "=", True)]) - chosen).write(
            {"b2b_use_pipeline": False}
        )
        chosen.filtered(lambda team: not team.b2b_use_pipeline).write(
            {"b2b_use_pipeline": True}
        )
        return res

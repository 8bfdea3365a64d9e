# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The B2B pipeline, for the sales teams that use it."""
from odoo import SUPERUSER_ID, api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_team_pipeline = fields.Boolean(
        related="team_id.b2b_use_pipeline", string="Team Uses the B2B Pipeline",
        readonly=True,
    )

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        """The kanban's columns: the stages in use and the pipeline of the
        team in the context (or the user's team)."""
        team = self.env["crm.team"].sudo().browse(
            self.env.context.get("default_team_id")
        ).exists() or self.env["crm.team"].sudo()._get_default_team_id(
            user_id=self.env.uid
        )
        search_domain = ["|", ("id", "in", stages.ids)]
        search_domain += self.env["crm.stage"]._get_pipeline_domain(team)
        stage_ids = stages._search(
            search_domain, order=order, access_rights_uid=SUPERUSER_ID
        )
        return stages.browse(stage_ids)

    @api.multi
    def _stage_find(self, team_id=False, domain=None, order="sequence"):
        """A stage of the teams' pipeline first (the default stage of a new
        opportunity, the won stage of ``action_set_won``), crm's choice if
        that pipeline has none."""
        teams = self.mapped("team_id")
        if team_id:
            teams |= self.env["crm.team"].browse(team_id)
        use_b2b = bool(teams) and all(teams.sudo().mapped("b2b_use_pipeline"))
        stage = super()._stage_find(
            team_id=team_id,
            domain=list(domain or []) + [("b2b_pipeline", "=", use_b2b)],
            order=order,
        )
        return stage or super()._stage_find(
            team_id=team_id, domain=domain, order=order
        )

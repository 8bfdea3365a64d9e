# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_pipeline = fields.Boolean(
        string="B2B Pipeline",
        help="A stage of the B2B pipeline, shown to the sales teams that use "
        "it instead of the stages shared by every team.",
    )
    b2b_checkpoint_ids = fields.One2many(
        "b2b.checkpoint", "stage_id", string="Exit Checkpoints",
        help="What an opportunity needs before it moves past this stage.",
    )
    b2b_checkpoint_count = fields.Integer(
        string="Checkpoints", compute="_compute_b2b_checkpoint_count"
    )

    @api.depends("b2b_checkpoint_ids")
    def _compute_b2b_checkpoint_count(self):
        for stage in self:
            stage.b2b_checkpoint_count = len(stage.b2b_checkpoint_ids)

    @api.model
    def _get_pipeline_domain(self, team):
        """The stages of ``team``'s pipeline: its own stages, and of the
        stages shared by every team those of the B2B pipeline if the team
        uses it, the others if not."""
        return [
            "|", ("team_id", "=", team.id or False),
            "&", ("team_id", "=", False),
            ("b2b_pipeline", "=", bool(team.b2b_use_pipeline)),
        ]

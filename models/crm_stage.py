# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_pipeline = fields.Boolean(
        string="B2B Pipeline",
        index=True,
        help="A stage of the B2B pipeline, shown to the sales teams that use "
        "it instead of the stages shared by every team.",
    )
    b2b_checkpoint_ids = fields.One2many(
        "b2b.checkpoint",
        "stage_id",
        string="Exit Checkpoints",
        help="What an opportunity needs before it moves past this stage.",
    )
    b2b_checkpoint_count = fields.Integer(
        string="Checkpoints", compute="_compute_b2b_checkpoint_count"
    )
    b2b_is_follow_up_start = fields.Boolean(
        string="Follow-ups Start Here",
        help="Follow-up opportunities of existing customers (heard during a "
        "delivery) start in this stage, after the steps of a new customer.",
    )
    b2b_guidance = fields.Text(
        string="Guidance",
        translate=True,
        help="What to do in this stage, shown on the opportunities in it.",
    )

    @api.depends("b2b_checkpoint_ids")
    def _compute_b2b_checkpoint_count(self):
        groups = self.env["b2b.checkpoint"]._read_group(
            [("stage_id", "in", self.ids)], ["stage_id"], ["__count"]
        )
        counts = {stage.id: count for stage, count in groups}
        for stage in self:
            stage.b2b_checkpoint_count = counts.get(stage.id, 0)

    @api.model
    def _get_pipeline_domain(self, teams):
        """The stages of the pipeline of ``teams``: their own stages, and of
        the stages shared by every team, those of the B2B pipeline when all
        of ``teams`` use it (at least one team), the others if not."""
        use_b2b = bool(teams) and all(teams.sudo().mapped("b2b_use_pipeline"))
        return [
            "|",
            ("team_ids", "in", teams.ids),
            "&",
            ("team_ids", "=", False),
            ("b2b_pipeline", "=", use_b2b),
        ]

    @api.model
    def _get_follow_up_stage(self, team):
        """The first stage of ``team``'s pipeline marked for follow-ups of
        existing customers; an empty recordset when none is marked."""
        return self.search(
            [("b2b_is_follow_up_start", "=", True)] + self._get_pipeline_domain(team),
            order="sequence, id",
            limit=1,
        )

# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

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
    def _drop_stale_name_translations(self):
        """Drop the translations of stage names whose source changed.

        The addon renames crm's default stages; their translations (e.g.
        "New" in Vietnamese) would otherwise outlive the renaming and show
        under the new name. Called once, when the addon is installed.
        """
        stages = self.with_context(lang="en_US").search([])
        names = {stage.id: stage.name for stage in stages}
        translations = self.env["ir.translation"].sudo().search([
            ("type", "=", "model"),
            ("name", "=", "crm.stage,name"),
            ("res_id", "in", stages.ids),
        ])
        translations.filtered(lambda t: t.src != names[t.res_id]).unlink()
        return True

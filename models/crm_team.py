# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import str2bool

# ir.config_parameter: set when new sales teams use the B2B pipeline.
NEW_TEAMS_PARAM = "b2b_sales_delivery.pipeline_new_teams"


class CrmTeam(models.Model):
    _inherit = "crm.team"

    b2b_use_pipeline = fields.Boolean(
        string="B2B Pipeline",
        default=lambda self: self._default_b2b_use_pipeline(),
        tracking=True,
        help="The team's opportunities go through the stages of the B2B "
        "pipeline and their exit checkpoints; the stages shared by the other "
        "teams are left as they are.",
    )

    @api.model
    def _default_b2b_use_pipeline(self):
        value = self.env["ir.config_parameter"].sudo().get_param(NEW_TEAMS_PARAM)
        return str2bool(value or "0", default=False)

    @api.model
    def _init_b2b_pipeline(self):
        """At install, on a fresh database (no lead or opportunity yet,
        archived ones included), every sales team and the teams created later
        use the B2B pipeline. A database already in use keeps its pipeline:
        the company chooses its teams in the settings. Returns whether the
        database was fresh."""
        if (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search_count([], limit=1)
        ):
            return False
        self.with_context(active_test=False).search([]).write(
            {"b2b_use_pipeline": True}
        )
        self.env["ir.config_parameter"].sudo().set_param(NEW_TEAMS_PARAM, True)
        return True

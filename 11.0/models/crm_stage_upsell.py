# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where a follow-up opportunity of an existing customer starts."""
from odoo import api, fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    b2b_is_follow_up_start = fields.Boolean(
        string="Follow-ups Start Here",
        help="Follow-up opportunities of existing customers (heard during a "
        "delivery) start in this stage, after the steps of a new customer.",
    )

    @api.model
    def _get_follow_up_stage(self, team):
        """The first stage of ``team``'s pipeline marked for follow-ups; an
        empty recordset when none is marked."""
        return self.search(
            [("b2b_is_follow_up_start", "=", True)] + self._get_pipeline_domain(team),
            limit=1,
        )

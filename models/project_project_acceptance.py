# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery project's acceptance minutes: a smart button."""

from odoo import api, fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    acceptance_count = fields.Integer(
        string="Acceptance Minutes Count",
        compute="_compute_acceptance_count",
        groups="project.group_project_user",
    )

    @api.depends("phase_ids")
    def _compute_acceptance_count(self):
        counts = dict(
            self.env["b2b.acceptance"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.acceptance_count = counts.get(project._origin, 0)

    def action_view_acceptances(self):
        self.ensure_one()
        acceptances = self.env["b2b.acceptance"].search([("project_id", "=", self.id)])
        return acceptances._get_records_action(name=self.env._("Acceptance Minutes"))

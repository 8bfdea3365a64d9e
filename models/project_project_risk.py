# Copyright 2026 b2b_sales_delivery contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delivery team sees the open risks of its project (the opportunity's
risks still open when the project was made, models/sale_order_risk.py, and
the delivery's own)."""

from odoo import api, fields, models

OPEN_RISK_STATES = ("open", "occurred")


class ProjectProject(models.Model):
    _inherit = "project.project"

    b2b_risk_ids = fields.One2many("b2b.risk", "project_id", string="Risks")
    b2b_open_risk_ids = fields.One2many(
        "b2b.risk",
        "project_id",
        string="Open Risks",
        domain=[("state", "in", OPEN_RISK_STATES)],
    )
    b2b_open_risk_count = fields.Integer(
        string="Open Risk Count", compute="_compute_b2b_open_risk_count"
    )

    @api.depends("b2b_risk_ids.state")
    def _compute_b2b_open_risk_count(self):
        counts = dict(
            self.env["b2b.risk"]._read_group(
                [("project_id", "in", self.ids), ("state", "in", OPEN_RISK_STATES)],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.b2b_open_risk_count = counts.get(project._origin, 0)

    def action_view_b2b_risks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_sales_delivery.b2b_risk_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id, "search_default_open": 1}
        return action
